"""Reading a key result statement: its main verb, what it counts, and the traps in its wording.

The analysis is structural, not a list of known sentences. It finds the statement's main verb
(in any inflection, as the first word or after a subject such as "Customer service ..."),
sorts it into one of a few classes, and then looks at what the verb acts on:

- delivery verbs (ship, launch, publish, run, hire, migrate ...) describe the team's own work:
  with a count of things ("publish 12 articles") the statement counts activities, otherwise
  it names an output; an outcome clause ("... so that churn drops from 8% to 5%") redeems it;
- change verbs (increase, reduce, grow ...) move a metric: an outcome, unless the metric is a
  count of the team's own work ("the number of calls made", "test coverage") or resources;
- acquisition verbs (sign, sell, win, reach ...) count what customers or the market do;
- keep/maintain verbs hold a level (a KPI); binary phrases ("achieve SOC 2 compliance",
  "go live", "make X compliant", a bare passive "policy implemented") are yes/no milestones;
- statements without a verb are read as metric names ("number of published articles").
Numbers may be written as digits or words, with units, currencies and percentages.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import cache

# --- lexicons ------------------------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


DELIVERY_VERBS = _words(
    """
    determine decide propose speak talk benchmark select choose tender add welcome ship launch
    publish release build create develop implement migrate refactor deliver
    deploy introduce establish design write produce install run hold conduct host organise
    organize complete finish execute perform do hire recruit train document define draft
    prepare update upgrade rebuild rewrite integrate automate fix audit track negotiate
    undertake interview agree identify send post pour test pilot attend submit kick set
    start plan map roll rollout roll-out configure code program program implement translate
    record film shoot edit print paint drill assemble construct fit deploy replace remove
    retire decommission consolidate standardise standardize formalise formalize restructure
    reorganise reorganize rebrand redesign relaunch reimplement re-implement outline compile
    distribute mail email call visit meet present demo demonstrate teach coach mentor
    onboard survey research analyse analyze evaluate assess review investigate explore
    prototype sketch brainstorm organise arrange schedule book publish blog tweet advertise
    sponsor offer open close-out finalise finalize purchase buy procure setup hand make
    """
)
# Verbs that move a metric: what follows is the metric, and the statement is an outcome
# unless that metric counts the team's own work or resources.
CHANGE_VERBS = _words(
    """
    increase raise grow improve boost lift cut reduce decrease lower drop double triple
    quadruple halve move shrink expand accelerate shorten minimise minimize maximise
    maximize lose gain push bring climb rise fall decline slash trim speed narrow widen
    enhance optimise optimize strengthen deepen broaden extend
    """
)
# Verbs that count what customers or the market do for us.
ACQUIRE_VERBS = _words(
    """
    sign sell win acquire attract generate reach hit get achieve earn convert retain land
    secure book up-sell upsell cross-sell cross-sell collect obtain exceed surpass have see
    close drive capture save recover serve
    """
)
KEEP_VERBS = _words("keep maintain sustain stay remain preserve hold-at protect defend")
INPUT_VERBS = _words("dedicate allocate spend invest assign commit budget staff devote")

# Things the team makes or does: counting them counts activity, not effect.
ACTIVITY_NOUNS = _words(
    """
    check-in check-ins checkin checkins dive dives deep-dive deep-dives highlight highlights
    talk talks conference conferences one-on-one one-on-ones standup standups retro retros
    article articles post posts blog blogs blogpost blogposts video videos podcast podcasts
    episode episodes webinar webinars workshop workshops session sessions training trainings
    course courses class classes meeting meetings event events call calls email emails
    newsletter newsletters campaign campaigns feature features release releases report
    reports presentation presentations demo demos interview interviews survey surveys test
    tests experiment experiments pr prs commit commits ticket tickets story stories point
    points deck decks page pages piece pieces guide guides tutorial tutorials case-study
    case-studies whitepaper whitepapers ebook ebooks infographic infographics ad ads
    advertisement advertisements banner banners tweet tweets hire hires engineer engineers
    salespeople salesperson people candidates candidate recruiter recruiters window windows
    hole holes meter meters metre metres line lines integration integrations dashboard
    dashboards template templates playbook playbooks process processes document documents
    documentation doc docs bootcamp boot-camp visit visits outreach touchpoint touchpoints
    audit audits pitch pitches proposal proposals product-line
    """
)
# What customers or the market do: counting these measures an outcome.
CUSTOMER_NOUNS = _words(
    """
    company companies business businesses partner partners merchant merchants retailer retailers
    seller sellers publisher publishers organisation organisations organization organizations
    advertiser advertisers sponsor sponsors brand brands logo logos household households
    customer customers user users client clients subscriber subscribers subscription
    subscriptions signup signups sign-up sign-ups registration registrations lead leads
    download downloads install installs order orders purchase purchases sale sales revenue
    arr mrr iacv acv pipeline deal deals member members follower followers visitor visitors
    account accounts booking bookings referral referrals buyer buyers patient patients
    student students reader readers readership listener listeners viewer viewers mention
    mentions trial trials conversion conversions renewal renewals donor donors applicant
    applicants activation activations
    """
)
# Metrics of the team's own output rather than of anyone's behaviour.
OUTPUT_METRICS = (
    "test coverage", "code coverage", "unit test coverage", "tests coverage",
    "lines of code", "story points", "velocity", "number of releases", "number of deploys",
    "tickets closed", "tickets resolved", "bugs fixed", "features shipped", "features delivered",
    "commits", "pull requests",
)  # fmt: skip
INPUT_NOUNS = _words(
    """
    hours hour budget budgets spend spending headcount fte ftes man-days person-days man-
    hours person-hours investment staff staffing resources effort minutes
    """
)
ARTIFACT_NOUNS = _words(
    """
    roadmap roadmaps strategy strategies guide guides plan plans profile profiles
    template templates process processes documentation docs handbook website site page deck
    decks framework policy policies pipeline codebase code architecture tooling tool tools
    system systems platform app application dashboard wiki playbook guidelines
    """
)
# Milestone nouns: achieving one is a yes/no event.
MILESTONE_NOUNS = _words(
    """
    compliance compliant certification certified certificate accreditation accredited
    approval approved sign-off signoff go-live golive gdpr soc soc2 iso pci hipaa ccpa sox
    audit licence license launch completion milestone readiness parity
    """
)
STATE_WORDS = _words(
    """
    compliant certified live ready available launched operational complete completed done
    approved finished implemented in-place established shipped delivered released deployed
    migrated available-to
    """
)
OUTSIDE_CONTROL = re.compile(
    r"\b(industry|industry-wide|market-wide|sector-wide|nationwide|national average|"
    r"global economy|economy|gdp|inflation|interest rates?|competitors?'?s?|"
    r"the (?:whole |entire |overall )?market(?! share)|stock market|share price|"
    r"exchange rates?|weather)\b"
)
TOO_FAR = re.compile(
    r"\b((?:m ?12|m-12|12[- ]month|twelve[- ]month|one[- ]year|1[- ]year|annual|yearly|"
    r"long[- ]term) (?:customer |user |net |gross |logo |revenue )?(?:retention|churn|renewals?)"
    r"|(?:customer |average |avg\.? )?(?:lifetime value|life-time value|ltv|cltv|clv)"
    r"|(?:annual|yearly) market share|market share(?= .*\b(?:this|per|a|next|the) year\b)"
    r"|brand equity)\b"
)
PURPOSE_CLAUSE = re.compile(
    r"\b(so that|such that|resulting in|which (?:will )?(?:\w+s)|in order to|leading to|"
    r"to (?:increase|raise|grow|improve|boost|lift|cut|reduce|decrease|lower|drop|move))\b"
)

NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12, "a dozen": 12, "half": 0.5,
}  # fmt: skip
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}

_NUMBER = re.compile(
    r"(?<![\w.])(?:[$€£¥]\s?)?\d+(?:[.,]\d+)*(?:\s?(?:k|m|bn|mn|x|%|percent|pct|pp))?(?![\w])",
    re.IGNORECASE,
)
_CHANGE_PATTERN = re.compile(
    r"\bfrom\s+\S*\d[^ ]*.*?\bto\s+\S*\d|\bby\s+(?:[$€£¥]\s?)?\d|\bto\s+(?:at least |under |"
    r"below |above |over |less than |more than )?(?:[$€£¥]\s?)?\d|\b\d+(?:[.,]\d+)?\s?(?:%|percent)"
    r"|\b(?:at least|at most|less than|more than|fewer than|under|below|above|over|<|>|≥|≤)\s*"
    r"(?:[$€£¥]\s?)?\d|\b(?:doubles?|triples?|halves?|halve)\b"
)
_WORD = re.compile(r"[a-z0-9][a-z0-9'’\-/.]*[a-z0-9]|[a-z0-9]|[$€£¥%<>#&]")
_DETERMINERS = _words(
    """
    the a an our my their its all every each new more additional another at least over up to
    around about approximately min minimum of
    """
)
_SKIP_LEADING = _words("we i team will shall should must to and by let's lets subjectively")
_PERFECT = _words("have has had we've i've they've")


def _forms(base: str) -> set[str]:
    """Inflections of a regular verb: base, -s, -ed, -ing (with the usual spelling rules)."""
    forms = {base}
    if base.endswith(("s", "sh", "ch", "x", "z")):
        forms.add(base + "es")
    elif base.endswith("y") and base[-2:-1] not in "aeiou":
        forms.add(base[:-1] + "ies")
    else:
        forms.add(base + "s")
    if base.endswith("e"):
        forms |= {base + "d", base[:-1] + "ing"}
    elif base.endswith("y") and base[-2:-1] not in "aeiou":
        forms |= {base[:-1] + "ied", base + "ing"}
    else:
        forms |= {base + "ed", base + "ing"}
        # Consonant-vowel-consonant endings double: ship -> shipped, plan -> planning.
        if (
            len(base) >= 3
            and base[-1] not in "aeiouwxy"
            and base[-2] in "aeiou"
            and base[-3] not in "aeiou"
        ):
            forms |= {base + base[-1] + "ed", base + base[-1] + "ing"}
    return forms


_CERTIFICATES = ("compliance", "certification", "certified", "compliant")

IRREGULAR = {
    "build": ("built",), "make": ("made",), "run": ("ran", "run"), "hold": ("held",),
    "write": ("wrote", "written"), "send": ("sent",), "set": ("set",),
    "do": ("did", "done", "does"),
    "give": ("gave", "given"), "begin": ("began", "begun"), "bring": ("brought",),
    "sell": ("sold",), "win": ("won",), "get": ("got", "gotten"), "have": ("had", "has"),
    "see": ("saw", "seen"), "grow": ("grew", "grown"), "rise": ("rose", "risen"),
    "fall": ("fell", "fallen"), "keep": ("kept",), "lose": ("lost",), "cut": ("cut",),
    "spend": ("spent",), "teach": ("taught",), "meet": ("met",), "shoot": ("shot",),
    "drive": ("drove", "driven"), "hit": ("hit",), "put": ("put",), "lead": ("led",),
    "buy": ("bought",), "hire": ("hired",), "retire": ("retired",), "choose": ("chose", "chosen"),
}  # fmt: skip


@cache
def _verb_table(extra_delivery: tuple[str, ...] = ()) -> dict[str, tuple[str, str]]:
    """form -> (class, base) for every known verb form."""
    table: dict[str, tuple[str, str]] = {}
    classes = (
        ("delivery", DELIVERY_VERBS | set(extra_delivery)),
        ("input", INPUT_VERBS),
        ("keep", KEEP_VERBS),
        ("acquire", ACQUIRE_VERBS),
        ("change", CHANGE_VERBS),
    )
    for cls, verbs in classes:
        for base in verbs:
            for form in _forms(base) | set(IRREGULAR.get(base, ())):
                table[form] = (cls, base)
    return table


def _words_to_digits(text: str) -> str:
    """Spell out number words as digits: 'twelve articles' -> '12 articles'."""

    def replace(match: re.Match[str]) -> str:
        words = match.group(0).lower().replace("-", " ").split()
        total, current = 0.0, 0.0
        for w in words:
            if w in ("and", "a"):
                continue
            if w in NUMBER_WORDS:
                current += NUMBER_WORDS[w]
            elif w in SCALES:
                current = max(current, 1) * SCALES[w]
                if SCALES[w] >= 1000:
                    total, current = total + current, 0
        value = total + current
        return f"{value:g}" if value != int(value) else str(int(value))

    return _number_words().sub(replace, text)


@cache
def _number_words() -> re.Pattern[str]:
    """Spelled-out numbers, compiled once (per call, building it was a tenth of lint)."""
    units = "|".join(
        sorted((k for k in NUMBER_WORDS if " " not in k and k != "half"), key=len, reverse=True)
    )
    scales = "|".join(SCALES)
    pattern = (
        rf"\b(?:a dozen|(?:{units})(?:[\s-](?:{units}))*(?:\s(?:{scales}))?"
        rf"(?:\s(?:and\s)?(?:{units}))*|a (?:{scales}))\b"
    )
    return re.compile(pattern, re.IGNORECASE)


def normalise(text: str) -> str:
    """Lower case, straight quotes, number words as digits, single spaces."""
    text = (
        text.replace("’", "'")
        .replace("“", '"')
        .replace("”", '"')
        .replace("–", "-")
        .replace("—", "-")
    )
    text = _words_to_digits(text)
    return " ".join(text.lower().split()).strip(" .;")


@dataclass(frozen=True, slots=True)
class Wording:
    """What the analysis found in one statement."""

    text: str
    verb: str | None = None
    """The main verb as written (e.g. 'shipped')."""
    verb_base: str | None = None
    verb_class: str | None = None
    """delivery, change, acquire, keep, input, or None for a verbless metric name."""
    count: str | None = None
    """A count of the team's own activities, e.g. '12 articles'."""
    output_metric: str | None = None
    """A metric of the team's own output, e.g. 'test coverage'."""
    binary: str | None = None
    """The yes/no milestone phrase, e.g. 'achieve gdpr compliance'."""
    input: str | None = None
    """The resource put in, e.g. 'staff hours'."""
    outside: str | None = None
    far: str | None = None
    kpi: bool = False
    purpose: bool = False
    """The statement names the outcome its output serves ('... so that X drops from A to B')."""
    numbers: tuple[str, ...] = field(default=())
    measurable: bool = False
    """The wording states a change or level with numbers (from X to Y, by N%, at least N)."""


def _tokens(text: str) -> list[str]:
    return _WORD.findall(text)


_CLAUSE_END = re.compile(r"\([^)]*\)|, |; | where | which | whereas ")


def _main_clause(text: str) -> str:
    """The statement without parentheticals and trailing clauses, where its main verb is."""
    text = re.sub(r"\([^)]*\)", " ", text)
    parts = re.split(r", |; | where | which | whereas ", text)
    # A lone leading adverb or date ("Subjectively, ...", "By March, ...") is not the clause.
    while len(parts) > 1 and len(parts[0].split()) <= 2:
        parts = parts[1:]
    return parts[0]


def _find(tokens: list[str], prefix: list[str]) -> int | None:
    """Index in `tokens` of the last word of `prefix`, matched from the start (ignoring what
    parentheses removed)."""
    j = 0
    for i, t in enumerate(tokens):
        if j < len(prefix) and t == prefix[j]:
            j += 1
            if j == len(prefix):
                return i
    return None


def _main_verb(tokens: list[str], table: dict[str, tuple[str, str]]) -> tuple[int, str, str] | None:
    """Index, class and base of the main verb, or None for a verbless statement."""
    i = 0
    while i < len(tokens) and tokens[i] in _SKIP_LEADING:
        i += 1
    if (
        i < len(tokens)
        and tokens[i] in ("make", "makes")
        and tokens[i + 1 : i + 2] in (["sure"], ["certain"])
    ):
        return _main_verb(tokens[i + 2 :], table) if i + 2 < len(tokens) else None
    if i < len(tokens) and tokens[i] in ("ensure", "ensures"):
        return None
    if tokens[i : i + 2] in (["number", "of"], ["count", "of"], ["#", "of"], ["total", "number"]):
        return None  # a metric name: "number of posts published"
    if tokens[i : i + 2] in (["there", "is"], ["there", "are"], ["there", "will"]):
        return None  # "there are at least 200 active publishers": a level, not an action
    if i < len(tokens) and tokens[i] in _PERFECT and i + 1 < len(tokens) and tokens[i + 1] in table:
        cls, base = table[tokens[i + 1]]  # "have shipped 3 case studies"
        return i + 1, cls, base
    if i < len(tokens) and tokens[i].endswith("ing") and tokens[i] in table:
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if nxt.endswith("s") and nxt not in _DETERMINERS and not nxt[:1].isdigit():
            i += 1  # "Hiring managers report ...": a modifier, not the verb
    leading_number = i < len(tokens) and tokens[i][:1].isdigit()
    if i < len(tokens) and _lookup(tokens[i], table) is not None:
        cls, base = _lookup(tokens[i], table)  # type: ignore[misc]
        return i, cls, base
    # A subject first ("Customer service completes ...", "A newsletter is published ..."):
    # the first finite verb form within the next few words.
    for j in range(i + 1, min(len(tokens), i + 11)):
        word = tokens[j]
        if word in ("is", "are", "was", "were", "be", "been", "has", "have", "gets", "get"):
            if tokens[j - 1] in ("that", "which", "who"):
                continue  # a relative clause: "leads that are handed to sales"
            k = j + 1
            while k < len(tokens) and tokens[k] in (
                "fully",
                "successfully",
                "automatically",
                "now",
                "all",
                "been",
            ):
                k += 1
            nxt = tokens[k] if k < len(tokens) else ""
            if word in ("has", "have") and nxt in table:
                cls, base = table[nxt]  # perfect tense: "subscriptions have reached 10,000"
                return k, cls, base
            if nxt.endswith("ing") and nxt in table:
                cls, base = table[nxt]  # progressive: "teams are spending 60% of time"
                return k, cls, base
            if nxt.endswith("ed") or nxt in IRREGULAR_PARTICIPLES:
                # A passive: "a newsletter is published", "caching is prevented".
                cls, base = table.get(nxt, ("state", nxt))
                return k, ("passive-" + cls), base
            continue
        if word in ACTIVITY_NOUNS or word in CUSTOMER_NOUNS or leading_number or j > i + 6:
            continue  # "25 positive reviews": a plural noun, not a verb
        if word in table and word.endswith("s") and not word.endswith("ss"):
            cls, base = table[word]
            if word != base:  # "completes", "increases": a verb in the third person
                return j, cls, base
        if (
            word in table
            and _is_participle(word)
            and not leading_number
            and tokens[j - 1] not in _STOP
        ):
            cls, base = table[word]  # a headline passive: "Billing support added for EMEA"
            return j, "passive-" + cls, base
    return None


IRREGULAR_PARTICIPLES = frozenset(p for forms in IRREGULAR.values() for p in forms)


def _is_participle(word: str) -> bool:
    return word.endswith("ed") or word in IRREGULAR_PARTICIPLES


_STOP = _words(
    """
    of to for with by in on at per from that which who whose where when within across into
    over under than and or - -> , so while during via through is are was were be has have
    occurs occur happens happen takes take runs every each
    """
)


def _head_noun(tokens: list[str], start: int) -> tuple[int, str] | None:
    """The last word of the noun phrase starting at `start` (before a preposition or a verb)."""
    end = start
    # Digits can sit inside a noun phrase ("Fortune 500 companies", "SOC 2 report").
    while end < len(tokens) and end < start + 5 and tokens[end] not in _STOP:
        end += 1
    if end == start:
        return None
    return end - 1, tokens[end - 1]


def _is_activity(word: str) -> bool:
    return word in ACTIVITY_NOUNS or _singular(word) in ACTIVITY_NOUNS


def _lookup(word: str, table: dict[str, tuple[str, str]]) -> tuple[str, str] | None:
    """The verb class and base of `word`, also through a re- prefix (renegotiate, re-run)."""
    found = table.get(word)
    if found is None and word.startswith("re") and len(word) > 4:
        found = table.get(word[2:].lstrip("-"))
    return found


def _count_after(tokens: list[str], start: int) -> str | None:
    """'12 blog articles' after the verb: a number, then a noun phrase whose head is not a
    customer; after a delivery verb, any such count counts the team's own work."""
    j = start
    while j < len(tokens) and tokens[j] in _DETERMINERS | {"top", "least", "up"}:
        j += 1
    if j >= len(tokens) or not re.fullmatch(r"[$€£¥]?\d+(?:[.,]\d+)*k?", tokens[j]):
        return None
    if j + 1 < len(tokens) and tokens[j + 1] in ("%", "percent", "x"):
        return None
    phrase_start = j + 1
    while phrase_start < len(tokens) and tokens[phrase_start][:1].isdigit():
        phrase_start += 1  # "30 Fortune 500 companies"
    head = _head_noun(tokens, phrase_start)
    if head is None:
        return None
    k, noun = head
    phrase = tokens[phrase_start : k + 1]
    if not _is_activity(noun) and any(
        w in CUSTOMER_NOUNS or _singular(w) in CUSTOMER_NOUNS for w in phrase
    ):
        return None
    return " ".join(tokens[j : k + 1])


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


@cache
def _any_output_metric() -> re.Pattern[str]:
    """Any of OUTPUT_METRICS as a word: one search rules out the usual case (none)."""
    return re.compile(r"\b(?:" + "|".join(map(re.escape, OUTPUT_METRICS)) + r")\b")


def _number_of_activity(
    text: str, tokens: list[str], table: dict[str, tuple[str, str]]
) -> str | None:
    """'number of calls made', 'published articles': a metric that counts the team's work."""
    if _any_output_metric().search(text):
        for metric in OUTPUT_METRICS:
            if re.search(rf"\b{re.escape(metric)}\b", text):
                return metric
    for i in range(len(tokens) - 2):
        if (
            tokens[i] in ("number", "count", "amount", "#", "volume", "quantity")
            and tokens[i + 1] == "of"
        ):
            head = _head_noun(tokens, i + 2)
            if head is None:
                continue
            k, noun = head
            phrase = tokens[i + 2 : k + 1]
            after = tokens[k + 1] if k + 1 < len(tokens) else ""
            if _is_activity(noun) or any(
                w in table and table[w][0] == "delivery" and _is_participle(w)
                for w in (*phrase, after)
            ):
                return " ".join(tokens[i : k + 2 if after and _is_participle(after) else k + 1])
    # "<activity> <delivery participle>": "reports generated by the team", "reviews done".
    for a, b in itertools.pairwise(tokens):
        if (
            _is_activity(a)
            and b in table
            and _is_participle(b)
            and table[b][0] in ("delivery", "acquire")
        ):
            return f"{a} {b}"
    return None


# A capability or state that is either there or not: "members can publish ...", "owners are in
# place", "the team has its own roadmap".
_STATE_PHRASE = re.compile(
    r"\b(?:can|could|are able to|is able to|will be able to) [a-z]+(?: [a-z]+)?"
    r"|\b(?:is|are|be|been) (?:now )?in place\b|\bhas (?:its|their) own [a-z]+"
)


def _binary(
    text: str,
    tokens: list[str],
    verb_index: int | None,
    verb_class: str | None,
    verb_base: str | None,
) -> str | None:
    """A yes/no milestone phrase, if the statement is one."""
    if re.search(r"\b(go|goes|going|went|be|is|are) live\b|\bgo-live\b", text):
        return re.search(r"\b(?:go|goes|going|went|be|is|are) live\b|\bgo-live\b", text).group(0)  # type: ignore[union-attr]
    if not _NUMBER.search(text):
        state = _STATE_PHRASE.search(text)
        if state is not None:
            return state.group(0)
    if verb_index is None:
        return None
    rest = tokens[verb_index + 1 :]
    if verb_base in ("have", "get") and not _NUMBER.search(text):
        head = (
            _head_noun(rest, 0)
            if rest[:1] not in (["a"], ["an"], ["the"], ["our"], ["its"])
            else _head_noun(rest, 1 if rest[:2] != ["its", "own"] else 2)
        )
        if head is not None and (head[1] in ARTIFACT_NOUNS or _is_activity(head[1])):
            return " ".join(tokens[verb_index : verb_index + 2 + head[0]])
    has_change = bool(_CHANGE_PATTERN.search(text))
    if verb_base in (
        "achieve",
        "obtain",
        "get",
        "earn",
        "gain",
        "pass",
        "receive",
        "secure",
        "reach",
        "complete",
        "finish",
        "attain",
    ):
        last = None
        for k, w in enumerate(rest[:8]):
            if w in _STOP - {"-", "and"}:
                break
            milestone = w.strip("-") in MILESTONE_NOUNS or w.endswith(
                ("-compliant", "-certified", "-ready")
            )
            if milestone and (not has_change or w in _CERTIFICATES):
                last = k
        if last is not None:
            return " ".join(tokens[verb_index : verb_index + 2 + last])
    if verb_base in ("make", "become", "get", "be", "turn"):
        for w in rest[:8]:
            if w in STATE_WORDS or w.endswith(("-compliant", "-certified", "-ready")):
                return " ".join(tokens[verb_index : verb_index + 1 + rest.index(w) + 1])
    if verb_class is not None and verb_class.startswith("passive-") and not _NUMBER.search(text):
        return " ".join(tokens[max(0, verb_index - 3) : verb_index + 1])
    if verb_base in ("complete", "finish", "finalise", "finalize") and not _NUMBER.search(text):
        return " ".join(tokens[verb_index : min(len(tokens), verb_index + 4)])
    return None


def analyse(statement: str, extra_output_verbs: tuple[str, ...] = ()) -> Wording:
    """Read one key result statement."""
    text = normalise(statement)
    table = _verb_table(tuple(sorted(extra_output_verbs)))
    if extra_output_verbs:
        # Multi-word extra verbs ("roll out") are matched as their first word.
        table = {**table, **{v.split()[0]: ("delivery", v.split()[0]) for v in extra_output_verbs}}
    tokens = _tokens(text)
    numbers = tuple(m.group(0) for m in _NUMBER.finditer(text))
    measurable = bool(_CHANGE_PATTERN.search(text))
    outside = OUTSIDE_CONTROL.search(text)
    if outside is not None and re.search(rf"\b(?:our|my|we) {re.escape(outside.group(1))}", text):
        outside = None
    far = TOO_FAR.search(text)
    clause_match = PURPOSE_CLAUSE.search(text)
    # "... so that bounce rate drops from 50% to 35%": the purpose must itself be measurable.
    purpose = clause_match is not None and bool(_CHANGE_PATTERN.search(text[clause_match.end() :]))
    clause = _tokens(_main_clause(text))
    main = _main_verb(clause, table)
    verb_index, verb_class, verb_base = main if main is not None else (None, None, None)
    if verb_index is not None:
        # The clause is the start of the statement: an index into it is one into the whole.
        offset = _find(tokens, clause[: verb_index + 1])
        verb_index = None if offset is None else offset
    verb: str | None = tokens[verb_index] if verb_index is not None else None
    result: dict[str, object] = {}
    base_class = verb_class.removeprefix("passive-") if verb_class else None
    passive = verb_class is not None and verb_class.startswith("passive-")
    if base_class == "change" and tokens[(verb_index or 0) + 1 : (verb_index or 0) + 2] == ["into"]:
        verb_class = base_class = "delivery"  # "expand into 2 new markets": entering is work
    binary = _binary(text, tokens, verb_index, verb_class, verb_base)
    if base_class == "keep":
        result["kpi"] = True
    elif passive or base_class in ("change", "acquire", None):
        # Pushing a count down ("reduce the number of support tickets") is about what others
        # do; only more of our own activity is effort dressed as a result.
        fewer = base_class == "change" and verb_base not in _MORE_VERBS | _IMPROVE_VERBS
        metric = None if fewer else _number_of_activity(text, tokens, table)
        resource = _input_metric(tokens, None if passive else verb_index)
        if metric is not None:
            result["output_metric"] = metric
        elif resource is not None and (passive or base_class is None or verb_base in _MORE_VERBS):
            result["input"] = resource
        elif binary is not None and not purpose:
            result["binary"] = binary
        elif base_class is None:
            count = _leading_count(tokens) or _recurring_activity(text, tokens)
            if count is not None:
                result["count"] = count
            elif tokens[:1] == ["new"] and not numbers:
                # "New self-service help area": a thing to build, named as the result.
                verb, verb_class = "new " + " ".join(tokens[1:4]), "delivery"
    elif binary is not None and not purpose:
        result["binary"] = binary
    elif base_class == "input":
        start = verb_index or 0
        window = tokens[start : start + 6]
        end = next((k for k, w in enumerate(window) if k and w in INPUT_NOUNS), None)
        if end is None:  # "invest in the partner programme": up to the first preposition
            end = next((k - 1 for k, w in enumerate(window) if k and w in _STOP), len(window) - 1)
        result["input"] = " ".join(window[: end + 1])
    elif base_class == "delivery" and not purpose:
        count = _count_after(tokens, (verb_index or 0) + 1)
        if count is not None:
            result["count"] = count
        elif verb_base in _ADD_LIKE and _customer_object(tokens, (verb_index or 0) + 1):
            verb_class = "acquire"  # "add 500 subscribers": customers, not work
    if (
        base_class == "change"
        and verb_base in _IMPROVE_VERBS
        and not numbers
        and "output_metric" not in result
    ):
        artifact = next(
            (
                w
                for w in tokens[(verb_index or 0) + 1 : (verb_index or 0) + 5]
                if w in ARTIFACT_NOUNS
            ),
            None,
        )
        if artifact is not None:
            # "Improve the PRD template": reworking one of our own things, with no measure.
            verb_class = "delivery"
    return Wording(
        text=statement,
        verb=verb,
        verb_base=verb_base,
        verb_class=verb_class,
        count=result.get("count"),  # type: ignore[arg-type]
        output_metric=result.get("output_metric"),  # type: ignore[arg-type]
        binary=result.get("binary"),  # type: ignore[arg-type]
        input=result.get("input"),  # type: ignore[arg-type]
        outside=outside.group(1) if outside else None,
        far=far.group(1) if far else None,
        kpi=bool(result.get("kpi")),
        purpose=purpose,
        numbers=numbers,
        measurable=measurable,
    )


_ADD_LIKE = _words("add welcome onboard bring")


def _customer_object(tokens: list[str], start: int) -> bool:
    j = start
    while j < len(tokens) and (
        tokens[j] in _DETERMINERS or tokens[j][:1].isdigit() or tokens[j][:1] in "$€£¥"
    ):
        j += 1
    head = _head_noun(tokens, j)
    return head is not None and (head[1] in CUSTOMER_NOUNS or _singular(head[1]) in CUSTOMER_NOUNS)


_MORE_VERBS = _words(
    """
    increase raise grow boost lift double triple expand maximise maximize
    """
)
_IMPROVE_VERBS = _words("improve enhance optimise optimize upgrade update strengthen")


_PUT_IN = _words("dedicated allocated spent invested assigned committed devoted put")
_WORKERS = _words(
    """
    staff engineering team developer volunteer training man person employee
    """
)


def _input_metric(tokens: list[str], verb_index: int | None) -> str | None:
    """Resources put in: 'staff hours dedicated', 'marketing budget', '30 minutes of cardio'."""
    start = (verb_index + 1) if verb_index is not None else 0
    window = tokens[start : start + 6]
    for k, w in enumerate(window):
        if w not in INPUT_NOUNS:
            continue
        before, after = window[k - 1 : k], window[k + 1 : k + 2]
        if w in ("hours", "hour", "minutes"):
            # Hours are an input when someone puts them in; "resolution time of 12 hours" or
            # "hours to resolve" measure a result.
            put_in = (after and after[0] in _PUT_IN) or (before and before[0] in _WORKERS)
            of_activity = k <= 1 and after == ["of"] and start == 0
            if put_in or of_activity:
                return " ".join(window[: k + 2])
            continue
        if k <= 2 or (after and after[0] in _PUT_IN):
            return " ".join(window[: k + 1])
    return None


_FREQUENCY = re.compile(
    r"\b(?:every (?:day|week|month|quarter|sprint)|daily|weekly|bi-?weekly|monthly|quarterly"
    r"|regular|once a|twice a|per (?:week|month|quarter))\b"
)


def _recurring_activity(text: str, tokens: list[str]) -> str | None:
    """'Company stats meeting occurs every week': an activity of ours, on a schedule."""
    head = _head_noun(tokens, 0)
    if head is None or not _is_activity(head[1]) or not _FREQUENCY.search(text):
        return None
    return " ".join(tokens[: head[0] + 1])


def _leading_count(tokens: list[str]) -> str | None:
    """A verbless statement that opens with a count of activities: '12 webinars per quarter'."""
    if not tokens or not re.fullmatch(r"\d+(?:[.,]\d+)*", tokens[0]):
        return None
    for k in range(1, min(len(tokens), 4)):
        if tokens[k] in CUSTOMER_NOUNS:
            return None
        if tokens[k] in ACTIVITY_NOUNS:
            return " ".join(tokens[: k + 1])
    return None
