"""Reading a key result statement: its main verb, what it counts, and the traps in its wording.

The analysis is structural, not a list of known sentences. Which class a word belongs to is
data (data/lexicon.yaml); what it means is decided by where it stands in the sentence. The
analysis finds the statement's main clause and main verb (in any inflection, as the first
word, after a subject, in a passive), sorts the verb into one of a few classes, and then
looks at its subject and at what it acts on:

- delivery verbs (ship, launch, publish, run, hire, migrate ...) describe the team's own work:
  with a count of things ("publish 12 articles") the statement counts activities, otherwise
  it names an output. An outcome clause redeems it: a measured purpose ("... so that churn
  drops from 8% to 5%") or the reach of the work ("a post that gets 100+ reads"). So does a
  measure as object ("deliver p90 latency under 20 s", "make £15k recurring revenue");
- some verbs take their class from their object: "move conversion from 2% to 3%" is a
  change, "move writes to object storage" is work; "sign off the HRIS" a milestone;
- change verbs (increase, reduce, grow ...) move a metric: an outcome, unless the metric is a
  count of the team's own work ("the number of calls made", "test coverage") or resources;
- acquisition verbs (sign, sell, win, reach ...) count what customers or the market do;
- the subject decides sentences that open with one: people or things outside the team doing
  something ("open-source projects use the extension", "the daemon runs 10 days without a
  crash", "new users are introduced to ...") state an outcome or a measure; the team as
  subject ("the team speaks at 10 conferences") states its work;
- deliverables are often written without a verb: as a state that holds once the work is done
  ("SSO is live", "Runbook in place", "nodes provisioned, monitored and documented", "we have
  a public roadmap"), as a noun phrase naming the thing ("Stable Python SDK"), or as a bare
  count ("12 livestreams"). A compliance, certification or approval so stated is a yes/no
  milestone ("GDPR compliance in place"), as are "achieve SOC 2 compliance" and "go live";
- keep/maintain verbs hold a level (a KPI); hours, budget and headcount are resources put in;
- a statement joining two targets or two pieces of work is compound ("close 2 deals and get
  10 logos").
Numbers may be written as digits or words, with units, currencies and percentages.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from .lexicon import (
    ACQUIRE_ONLY_WITH_A_NUMBER,
    ACQUIRE_VERBS,
    ACTIVITY_NOUNS,
    ADD_LIKE,
    ARTIFACT_NOUNS,
    CHANGE_ONLY_WITH_A_MEASURE,
    CHANGE_VERBS,
    CHANGE_WITH_A_LEVEL,
    CHOSEN_BY_OTHERS,
    CONTACT_VERBS,
    CUSTOMER_NOUNS,
    DELIVERABLE_NOUNS,
    DELIVERY_VERBS,
    HEADCOUNT_VERBS,
    INPUT_NOUNS,
    INPUT_VERBS,
    KEEP_VERBS,
    METRIC_NOUNS,
    MILESTONE_NOUNS,
    NOUN_COMPOUNDS,
    ONE_OFF_VERBS,
    OUTPUT_METRICS,
    PHRASAL_VERBS,
    REACH_NOUNS,
    STATE_WORDS,
    SYSTEM_NOUNS,
    TEAM_NOUNS,
    WORK_ITEMS,
    WORLD_VERBS,
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_LEVEL = re.compile(r"\bto (?:at least |over |above )?\d+(?:[.,]\d+)?\s?(?:%|percent)")
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
    r"\b(so that|such that|resulting in|which (?:will )?(?:\w+s)|to be able to|"
    r"that (?:will )?(?!it\b|they\b|we\b|this\b)\w+s\b|"
    r"in order to|leading to|and (?:achieve|reach|hit|attain|get|exceed)|"
    r"to (?:increase|raise|grow|improve|boost|lift|cut|reduce|decrease|lower|drop|move)|"
    # ", reducing error-related inquiries by 50%": a participle clause stating the change.
    r"(?<=, )(?:thereby )?(?:reducing|increasing|raising|growing|improving|boosting|lifting|"
    r"cutting|decreasing|lowering|achieving|reaching|driving|doubling|halving))\b"
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
    # "1-click", "24-hour": a number joined to a word by a hyphen describes, it does not count.
    r"(?<![\w.])(?:[$€£¥]\s?)?\d+(?:[.,]\d+)*(?:\s?(?:k|m|bn|mn|x|%|percent|pct|pp))?(?![\w]|-[a-z])",
    re.IGNORECASE,
)
_CHANGE_PATTERN = re.compile(
    r"\bfrom\s+(?!v\d)\S*\d[^ ]*.*?\bto\s+(?!v\d)\S*\d|\bby\s+(?:[$€£¥]\s?)?\d|"
    r"\bto\s+(?:at least |under |below |above |over |less than |more than )?(?:[$€£¥]\s?)?\d"
    r"|\b\d+(?:[.,]\d+)?\s?(?:%|percent)"
    r"|\b(?:at least|at most|less than|more than|fewer than|under|below|above|over)\s*"
    r"(?:[$€£¥]\s?)?\d|(?<![\w])[<>≥≤]=?\s*(?:[$€£¥]\s?)?\d|\b(?:doubles?|triples?|halves?|halve)\b"
)
_WORD = re.compile(r"[a-z0-9][a-z0-9'’\-/.]*[a-z0-9]|[a-z0-9]|[$€£¥%<>#&]")
_DETERMINERS = _words(
    """
    the a an our my their its all every each new more additional another at least over up to
    around about approximately min minimum of
    """
)
# "Don't push code that fails tests": a rule for the team's own work is still about that work.
_SKIP_LEADING = _words(
    "we i team will shall should must to and by let's lets subjectively don't dont"
)
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


# Whether a text has a digit (a compiled search is several times faster than a generator).
_HAS_DIGIT = re.compile(r"\d").search

_CERTIFICATES = ("compliance", "certification", "certified", "compliant")

IRREGULAR = {
    "build": ("built",), "make": ("made",), "run": ("ran", "run"), "hold": ("held",),
    "write": ("wrote", "written"), "send": ("sent",), "set": ("set",),
    "do": ("did", "done", "does"),
    "give": ("gave", "given"), "begin": ("began", "begun"), "bring": ("brought",),
    "sell": ("sold",), "win": ("won",), "get": ("got", "gotten"), "have": ("had", "has"),
    "see": ("saw", "seen"), "grow": ("grew", "grown"), "rise": ("rose", "risen"),
    "fall": ("fell", "fallen"), "keep": ("kept",), "lose": ("lost",), "cut": ("cut",),
    "spend": ("spent",), "take": ("took", "taken"), "teach": ("taught",), "meet": ("met",),
    "shoot": ("shot",),
    "drive": ("drove", "driven"), "hit": ("hit",), "put": ("put",), "lead": ("led",),
    "buy": ("bought",), "hire": ("hired",), "retire": ("retired",), "choose": ("chose", "chosen"),
}  # fmt: skip


def _irregular(base: str) -> tuple[str, ...]:
    """Irregular forms, also of a prefixed verb: rewrite -> rewrote, rewritten; rebuild ->
    rebuilt; co-write -> co-written."""
    if base in IRREGULAR:
        return IRREGULAR[base]
    for prefix in ("re-", "re", "co-", "co", "over", "out", "pre", "un", "up", "under"):
        rest = base.removeprefix(prefix)
        if rest != base and rest in IRREGULAR:
            return tuple(prefix + form for form in IRREGULAR[rest])
    return ()


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
            for form in _forms(base) | set(_irregular(base)):
                table[form] = (cls, base)
    for phrase, cls in PHRASAL_VERBS.items():
        verb, particle = phrase.split(" ", 1)
        table[f"{verb}-{particle}"] = ("delivery" if cls == "binary" else cls, phrase)
    return table


def _phrasal_pattern() -> re.Pattern[str]:
    """Two-word verbs in any inflection of their verb, and noun compounds."""
    alternatives = []
    for phrase in PHRASAL_VERBS:
        verb, particle = phrase.split(" ", 1)
        forms = _forms(verb) | set(IRREGULAR.get(verb, ())) | {verb}
        alternatives.append(rf"(?:{'|'.join(sorted(forms, key=len, reverse=True))}) {particle}")
    alternatives.extend(re.escape(c) for c in NOUN_COMPOUNDS)
    return re.compile(rf"\b(?:{'|'.join(alternatives)})\b")


_PHRASAL = _phrasal_pattern()
_PHRASAL_BASE = {
    **{
        f"{form} {phrase.split(' ', 1)[1]}": phrase.replace(" ", "-")
        for phrase in PHRASAL_VERBS
        for form in _forms(phrase.split(" ", 1)[0])
        | set(IRREGULAR.get(phrase.split(" ", 1)[0], ()))
        | {phrase.split(" ", 1)[0]}
    },
    **{c: c.replace(" ", "-") for c in NOUN_COMPOUNDS},
}


def _join_phrases(text: str) -> str:
    """'worked on the docs' -> 'work-on the docs'; 'open source' -> 'open-source'."""
    return _PHRASAL.sub(lambda m: _PHRASAL_BASE.get(m.group(0), m.group(0)), text)


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


_LIST_MARKER = re.compile(
    r"^(?:kr\s?\d+(?:\.\d+)*\s*[-:.)–]\s*|\d+(?:\.\d+)*[.)]\s+)", re.IGNORECASE
)


_BOLD_LABEL = re.compile(
    r"^\s*(?:\*\*|__)[^*_]{1,60}?(?:[.:](?:\*\*|__)|(?:\*\*|__)[.:])\s+(?=\S+\s+\S+\s+\S)"
)
_MARKDOWN_LINK = re.compile(r"\[([^\]]+)\]\([^)\s]*\)")


def normalise(text: str) -> str:
    """Lower case, straight quotes, number words as digits, single spaces."""
    text = (
        text.replace("’", "'")
        .replace("“", '"')
        .replace("”", '"')
        .replace("–", "-")
        .replace("—", "-")
    )
    # Each substitution runs only when its mark is there: most statements have none.
    if "](" in text:
        text = _MARKDOWN_LINK.sub(r"\1", text)  # "[Electron Forge](https://...)": the name
    if "**" in text or "__" in text:
        # "**Enemy AI.** Implement 4 ghost behaviours": a bold label names the KR.
        text = _BOLD_LABEL.sub("", text)
        text = text.replace("**", "").replace("__", "")  # emphasis marks
    text = text.replace("`", "").replace(" + ", " plus ")  # code marks; "A + B" joins names
    text = _words_to_digits(text)
    text = text.strip()
    if text[:1].isdigit() or text[:2].lower() == "kr":
        text = _LIST_MARKER.sub("", text)  # "KR 1.2 - ", "3) ": a label, not the KR
        text = _TIMES_PREFIX.sub(r"\1 ", text)  # "2x demos": a count, not a factor
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
    reading: str | None = None
    """How an output was recognised: 'verb' (a delivery verb), 'state' (a deliverable stated
    as being there: 'SSO is live'), 'thing' (a noun phrase naming it: 'Stable Python SDK')."""
    phrase: str | None = None
    """The words the reading rests on: the verb's base form, or the state or noun phrase."""
    compound: str | None = None
    """The first two of several targets or deliverables bundled into one statement."""


def _tokens(text: str) -> list[str]:
    return _WORD.findall(text)


_CLAUSE_END = re.compile(r"\([^)]*\)|, |; | where | which | whereas ")


_TIMES_PREFIX = re.compile(r"^(\d+)x\s")
_CLAUSE_SPLIT = re.compile(r", |; | where | which | whereas ")
_WHEN_SPLIT = re.compile(r" when | whenever ")
_LEADING_SHARE = re.compile(r"^\d+(?:[.,]\d+)?\s?% of ")
_AND = re.compile(r"\band\s+")
_BETWEEN = re.compile(r"\bbetween\s+\S+\s+and\s+")


@lru_cache(maxsize=16)
def _changes(text: str) -> bool:
    """Whether the text states a change of a measure. One analysis asks this of the same text
    several times; the small cache answers the repeats (it never grows past 16 texts)."""
    return bool(_CHANGE_PATTERN.search(text))


@lru_cache(maxsize=16)
def _main_clause(text: str) -> str:
    """The statement without parentheticals and trailing clauses, where its main verb is."""
    text = _PARENTHESES.sub(" ", text)
    parts = _CLAUSE_SPLIT.split(text)
    # A lone leading adverb or date ("Subjectively, ...", "By week 10, ...") or a condition
    # ("Once we have statistics on community size, ...") is not the clause.
    while len(parts) > 1 and (
        len(parts[0].split()) <= 2
        or (len(parts[0].split()) <= 4 and _LEADING_DATE.match(parts[0]))
        or _LEADING_CONDITION.match(parts[0])
    ):
        parts = parts[1:]
    # "Automatic alerts when context quality drops": the when-clause says when, not what.
    return _WHEN_SPLIT.split(parts[0])[0] if not parts[0].startswith("when") else parts[0]


_LEADING_DATE = re.compile(r"(?:by|in|until|before|after|during|from|on|at|end of)\b")
_LEADING_CONDITION = re.compile(r"(?:once|when|after|if|as soon as|before|until|while)\b")


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
    while i < len(tokens) and (
        tokens[i] in _SKIP_LEADING or (tokens[i].endswith("ly") and tokens[i] not in table)
    ):
        i += 1  # "We will ...", "Successfully implement ..."
    if tokens[i : i + 1] in (["all"], ["every"], ["each"]) and i + 1 < len(tokens):
        # "All hosts testing the release": after a quantifier comes a noun, not a verb.
        found = _main_verb(tokens[i + 2 :], table) if tokens[i + 1] in table else None
        if tokens[i + 1] in table:
            return None if found is None else (found[0] + i + 2, found[1], found[2])
    if (
        i < len(tokens)
        and tokens[i] in ("make", "makes")
        and tokens[i + 1 : i + 2] in (["sure"], ["certain"])
    ):
        return _main_verb(tokens[i + 2 :], table) if i + 2 < len(tokens) else None
    if i < len(tokens) and tokens[i] in ("ensure", "ensures"):
        if any(w[:1].isdigit() for w in tokens):
            return None  # "Ensure 95% of ...": the level ensured is the result
        return i, "delivery", "ensure"  # "Ensure the test suite covers ...": making sure is work
    if (
        i + 2 < len(tokens)
        and tokens[i + 1] == "to"
        and tokens[i] not in table
        and not any(tokens[i] in words for words in (METRIC_NOUNS, CUSTOMER_NOUNS, _STOP))
        and not _is_activity(tokens[i])
        and tokens[i + 2] in table
        and table[tokens[i + 2]][1] == tokens[i + 2]
    ):
        i += 2  # "Gino to record a video series": who does it, then the verb
    if tokens[i + 1 : i + 2] == ["plus"]:
        # "Boost + Verified Breeder V1 shipped": names joined by '+', then the verb.
        found = _main_verb(tokens[i + 2 :], table)
        return None if found is None else (found[0] + i + 2, found[1], found[2])
    if tokens[i + 1 : i + 2] and tokens[i + 1] in ("who", "whose"):
        return None  # "Staff who feel the schedule is fair": people, then what they do
    if tokens[i : i + 2] in (["number", "of"], ["count", "of"], ["#", "of"], ["total", "number"]):
        return None  # a metric name: "number of posts published"
    if tokens[i : i + 2] in (["there", "is"], ["there", "are"], ["there", "will"]):
        return None  # "there are at least 200 active publishers": a level, not an action
    if i < len(tokens) and tokens[i] in _PERFECT and i + 1 < len(tokens) and tokens[i + 1] in table:
        cls, base = table[tokens[i + 1]]  # "have shipped 3 case studies"
        return i + 1, cls, base
    if tokens[i : i + 1] == ["being"]:
        return None  # "Being invited to speak at ...": what others do for the team
    subject_first = _subject_first(tokens, i, table)
    if subject_first is not None:
        return subject_first
    if (
        i < len(tokens)
        and tokens[i].endswith("ing")
        and table.get(tokens[i], ("", tokens[i]))[1] != tokens[i]
    ):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if nxt.endswith("s") and nxt not in _DETERMINERS and not nxt[:1].isdigit():
            i += 1  # "Hiring managers report ...": a modifier, not the verb
    # "5-10 year GEOHub costs are ...": a number naming a span modifies; it does not count.
    leading_number = (
        i < len(tokens) and tokens[i][:1].isdigit() and tokens[i + 1 : i + 2] not in _SPANS
    )
    first = _lookup(tokens[i], table) if i < len(tokens) else None
    if (
        first is not None
        and tokens[i] != first[1]
        and tokens[i].endswith("s")
        and tokens[i + 1 : i + 2]
        and (
            tokens[i + 1] in _SUBJECT_END | WORLD_VERBS
            # "Runs lost to a transient failure", "Runs ending in a timeout": a plural noun
            # with its participle; a statement does not open with a verb in the third person.
            or _is_participle(tokens[i + 1])
            or tokens[i + 1].endswith("ing")
        )
    ):
        first = None  # "Builds are green 95% of the time": a plural noun, then its verb
    if (
        first is not None
        and first[0] == "delivery"
        and tokens[i].endswith("ing")
        and not any(w in _AUXILIARIES for w in tokens[i + 1 : i + 6])
    ):
        named = _noun_phrase(tokens, i + 1, table)
        rest = tokens[i + 1 + len(named) :]
        per_unit = len(rest) == 2 and rest[0] == "per" and not _HAS_DIGIT(" ".join(tokens))
        if named and ((named[-1] in METRIC_NOUNS and not rest) or per_unit):
            # "Onboarding flow completion rate", "Scheduling constraint violations per week":
            # a metric's name (its target sits elsewhere), not work.
            return None
    if first is not None:
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
            while k < len(tokens) and (
                tokens[k] in ("now", "all", "been") or tokens[k].endswith("ly")
            ):
                k += 1  # "is widely used", "are fully documented"
            nxt = tokens[k] if k < len(tokens) else ""
            if (
                tokens[k + 1 : k + 2] == ["and"]
                and k + 2 < len(tokens)
                and _is_participle(tokens[k + 2])
                and tokens[k + 2] in table
                and nxt not in table
            ):
                # "Knowledge sources are clear and incorporated into processes": the
                # participle after the adjective says what was done to them.
                cls, base = table[tokens[k + 2]]
                return k + 2, ("passive-" + cls), base
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
        # A headline passive may follow a longer subject ("Reference server and client
        # implementation for v2 IG merged into ...") than a verb in the third person.
        reach = 8 if _is_participle(word) else 6
        # "24 progress reports delivered at All Hands": after a count, a participle of ours is
        # the verb (the count then decides whose doing it is); any other word is a noun.
        # Right after the number it is an adjective: "2 launched use cases".
        counted_passive = leading_number and _is_participle(word) and word in table and j > i + 1
        if (
            word in ACTIVITY_NOUNS
            or word in CUSTOMER_NOUNS
            or (leading_number and not counted_passive)
            or j > i + reach
        ):
            continue  # "25 positive reviews": a plural noun, not a verb
        if tokens[j - 1] in _RELATIVE:
            continue  # "code that throws the error": a verb of a relative clause
        if (
            word in table
            and word.endswith("s")
            and not word.endswith("ss")
            and j + 1 < len(tokens)
            and tokens[j + 1] not in _AUXILIARIES
        ):
            # "completes", "increases": a verb in the third person; before an auxiliary
            # ("protocol upgrades have a summary posted") a plural noun, the subject.
            cls, base = table[word]
            if word != base:  # "completes", "increases": a verb in the third person
                return j, cls, base
        following = tokens[j + 1] if j + 1 < len(tokens) else ""
        adjective = (
            following.isalpha()
            and following not in _STOP
            and following not in _PREPOSITIONS
            and not following.endswith("ly")
            and (following not in table or following.endswith("s"))
        )
        if (
            word in table
            and _is_participle(word)
            and (not leading_number or counted_passive)
            and tokens[j - 1] not in _STOP
            and not adjective  # "Consecutive scheduled runs ...": a participle before its noun
        ):
            nxt = tokens[j + 1] if j + 1 < len(tokens) else ""
            if nxt in table and table[nxt][0] in ("change", "acquire") and table[nxt][1] == nxt:
                # "All workflows delivered reduce user time by 30%": the participle only says
                # which things; the verb after it is the statement's.
                cls, base = table[nxt]
                return j + 1, cls, base
            cls, base = table[word]  # a headline passive: "Billing support added for EMEA"
            return j, "passive-" + cls, base
    return None


_AUXILIARIES = _words("is are was were have has had will would can could should must may")

IRREGULAR_PARTICIPLES = frozenset(
    p
    for base in DELIVERY_VERBS
    | CHANGE_VERBS
    | ACQUIRE_VERBS
    | KEEP_VERBS
    | INPUT_VERBS
    | IRREGULAR.keys()
    for p in _irregular(base)
)


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
    if "/" in word:  # "demos/proofs of concept": either part
        return any(_is_activity(part) for part in word.split("/") if part)
    word = word.removesuffix("'s")
    return word in ACTIVITY_NOUNS or _singular(word) in ACTIVITY_NOUNS


def _lookup(word: str, table: dict[str, tuple[str, str]]) -> tuple[str, str] | None:
    """The verb class and base of `word`, also through a re- prefix (renegotiate, re-run)."""
    found = table.get(word)
    if found is None and "/" in word:
        # "Patch/Mitigate/Document all systems": verbs given as alternatives, read by the first.
        found = _lookup(word.split("/", 1)[0], table) if word.split("/", 1)[0] else None
    if found is None and word.startswith("re") and len(word) > 4:
        found = table.get(word[2:].lstrip("-"))
    if found is None and word.startswith("co-"):
        found = table.get(word[3:])  # "co-host 2 meetups"
    return found


def _count_after(tokens: list[str], start: int, people_are_work: bool = False) -> str | None:
    """'12 blog articles' after the verb: a number, then a noun phrase whose head is not a
    customer; after a delivery verb, any such count counts the team's own work. After a verb
    of contact ('identify 20 influencers', 'interview 10 customers') people count too."""
    j = start
    while j < len(tokens) and tokens[j] in _DETERMINERS | {"top", "least", "up"}:
        j += 1
    if people_are_work and (j >= len(tokens) or not tokens[j][:1].isdigit()):
        # "Introduce Wechaty to more than 20 people", "partner with 4 researchers".
        j = next((k for k in range(j, min(len(tokens), j + 6)) if tokens[k][:1].isdigit()), j)
    if j >= len(tokens) or not re.fullmatch(r"[$€£¥]?\d+(?:[.,]\d+)*k?", tokens[j]):
        return None
    if j + 1 < len(tokens) and tokens[j + 1] in ("%", "percent", "x"):
        return None
    if tokens[j] == "1" or tokens[j - 1 : j] == ["all"]:
        return None  # "export one correction file", "all 3 signals": one deliverable
    phrase_start = j + 1
    while phrase_start < len(tokens) and tokens[phrase_start][:1].isdigit():
        phrase_start += 1  # "30 Fortune 500 companies"
    head = _head_noun(tokens, phrase_start)
    if head is None:
        return None
    k, noun = head
    if (
        not people_are_work
        and not _is_activity(noun)
        and (noun in CUSTOMER_NOUNS or _singular(noun) in CUSTOMER_NOUNS or noun in METRIC_NOUNS)
    ):
        # What is counted is the head: "3 new business capability standards" counts standards
        # the team writes, "30 enterprise customers" counts customers.
        return None
    return " ".join(tokens[j : k + 1])


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


@cache
def _any_output_metric() -> re.Pattern[str]:
    """Any of OUTPUT_METRICS as a word: one search rules out the usual case (none)."""
    return re.compile(r"\b(?:" + "|".join(map(re.escape, OUTPUT_METRICS)) + r")\b")


_SHARE = _words("percentage percent share proportion ratio rate % fraction")


def _number_of_activity(
    text: str, tokens: list[str], table: dict[str, tuple[str, str]]
) -> str | None:
    """'number of calls made', 'published articles': a metric that counts the team's work."""
    if _any_output_metric().search(text):
        for metric in OUTPUT_METRICS:
            found = re.search(rf"\b{re.escape(metric)}\b", text)
            # "75% of support tickets resolved within 1 day": a share, a service level.
            if found is not None and not re.search(r"%\s+of\b", text[: found.start()]):
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
            per = tokens[k + 1 : k + 3]
            if (
                per[:1] == ["per"]
                and per[1:]
                and (_singular(per[1]) in CUSTOMER_NOUNS or per[1] + "s" in METRIC_NOUNS)
            ):
                continue  # "number of pages per session": what each visitor does, a behaviour
            if _is_activity(noun) or any(
                w in table and table[w][0] == "delivery" and _is_participle(w)
                for w in (*phrase, after)
            ):
                return " ".join(tokens[i : k + 2 if after and _is_participle(after) else k + 1])
    for i in range(1, len(tokens)):
        if tokens[i] == "count" and (
            _is_activity(tokens[i - 1]) or (i > 1 and _is_activity(tokens[i - 2]))
        ):
            return " ".join(tokens[max(i - 2, 0) : i + 1])  # "testcase instance count"
    for i in range(len(tokens) - 2):
        more = tokens[:1] and tokens[0] in _MORE_VERBS  # "grow ... to N", not "leads to N"
        reached = _head_noun(tokens, i + 2) if more and tokens[i] == "to" else None
        if (
            reached is not None
            and tokens[i + 1][:1].isdigit()
            and _is_activity(reached[1])
            and reached[1] not in METRIC_NOUNS | REACH_NOUNS  # "14,000 monthly sessions"
        ):
            # "increase the collection to 650 snippets": a count of our own things reached
            return " ".join(tokens[i + 1 : reached[0] + 1])
    if "measured" in tokens:
        tokens = tokens[: tokens.index("measured")]  # "as measured by tests run ...": the means
    # "<activity> <delivery participle>": "reports generated by the team", "reviews done".
    for k, (a, b) in enumerate(itertools.pairwise(tokens)):
        nxt = tokens[k + 2] if k + 2 < len(tokens) else None
        if (
            _is_activity(a)
            and nxt not in METRIC_NOUNS  # "video loading time": a measure of the video
            # "percentage of PRs merged within 7 days": a share, a service level
            and not any(w in _SHARE for w in tokens[max(0, k - 3) : k])
            and b in table
            and _is_participle(b)
            and b != table[b][1]  # "test set", "run cut": nouns as much as participles
            and table[b][0] in ("delivery", "acquire")
            # "campaigns drove 20% of new users": a verb with an object, not a participle
            and (nxt is None or nxt in _STOP)
        ):
            return f"{a} {b}"
    return None


# A capability or state that is either there or not: "members can publish ...", "owners are in
# place", "the team has its own roadmap".
_STATE_PHRASE = re.compile(
    r"\b(?:can|could|are able to|is able to|will be able to) [a-z]+(?: [a-z]+)?(?: [a-z]+)?"
    r"|\b(?:is|are|be|been) (?:now )?in place\b|\bhas (?:its|their) own [a-z]+"
)


_CAN = ("can ", "could ", "are able to", "is able to", "will be able to")
_GO_LIVE = re.compile(r"\b(go|goes|going|went|be|is|are) live\b|\bgo-live\b")


def _capability_is_work(text: str, state: re.Match[str]) -> bool:
    """'Members can make a profile', 'Our own team can search ...': a feature delivered.
    'Translators can find their copy', 'users are able to use X': what people do, an
    outcome. The verb after 'can' decides, or the team as the one who can."""
    if not state.group(0).startswith(("can", "could", "are able", "is able", "will be able")):
        return True  # "in place", "has its own": a state
    words = _tokens(state.group(0))
    verb = next((w for w in words[1:] if w not in _ADVERBS and w not in ("able", "to", "be")), "")
    found = _verb_table().get(verb)
    subject = _tokens(text[: state.start()])
    if (found is not None and found[0] == "delivery") or "team" in subject:
        return True
    # "Facto is able to generate a product spec": a capability of our product (a thing, not
    # people) is a feature delivered. People ("translators can find ...") act: an outcome.
    return bool(subject) and not (
        _people(subject)
        or any(
            w in CUSTOMER_NOUNS or _singular(w) in CUSTOMER_NOUNS or w in _PERSONS for w in subject
        )
    )


_PERSONS = _words("i we you they anyone everyone someone people person he she one")


_ADVERBS = _words("easily quickly readily reliably fully now all still also")


def _binary(
    text: str,
    tokens: list[str],
    verb_index: int | None,
    verb_class: str | None,
    verb_base: str | None,
) -> str | None:
    """A yes/no milestone phrase, if the statement is one."""
    live = _GO_LIVE.search(text)
    # "Publish a landing page that is live": the verb names the deliverable (OKR101).
    if live is not None and not (verb_class == "delivery" and live.group(1) in ("be", "is", "are")):
        return live.group(0)
    if not _NUMBER.search(text):
        state = _STATE_PHRASE.search(text)
        if state is not None and _capability_is_work(text, state):
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
    has_change = _changes(text)
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
    reached = verb_class == "passive-acquire" and verb_base in ("reach", "achieve", "attain")
    if (verb_class in ("passive-delivery", "passive-state") or reached) and not _NUMBER.search(
        text
    ):
        return " ".join(tokens[max(0, verb_index - 3) : verb_index + 1])
    if verb_base in ("complete", "finish", "finalise", "finalize") and not _NUMBER.search(text):
        head = _head_noun(rest, 1 if rest[:1] in (["the"], ["a"], ["an"], ["our"]) else 0)
        if head is not None and (
            head[1] in DELIVERABLE_NOUNS or head[1] in ARTIFACT_NOUNS or _is_activity(head[1])
        ):
            return None  # "Complete the guide": a deliverable (OKR101), not a milestone
        return " ".join(tokens[verb_index : min(len(tokens), verb_index + 4)])
    return None


_ATTAIN = frozenset(
    "achieve obtain pass receive secure complete finish attain grant award earn get sign".split()
)
# Agreements: one signed is a yes/no event ("Broker partnership signed"); a count of them
# signed ("10 partnerships signed") is read from its number instead.
_AGREEMENTS = _words("partnership agreement contract mou memorandum")
# Words a number follows when it names a standard or a level, not an amount ("ISO 27001").
_STANDARD_PREFIX = _words("iso soc type pci level tier nist wcag v version stage phase")


def _work_item_object(tokens: list[str], start: int) -> bool:
    """The object is an item of the team's own work queue ('100 stale issues')."""
    head = _head_noun(tokens, start)
    if head is None:
        return False
    _, noun = head
    # "close 20 customer tickets" is still our queue; "close 20 customers" is not.
    return noun in WORK_ITEMS


def _milestone_attained(
    tokens: list[str], verb_index: int | None, verb_base: str | None
) -> str | None:
    """'ISO 27001 certification achieved', 'Security audit passed': a milestone noun as the
    subject of a verb of attaining, a yes/no event. The number names the standard."""
    if verb_index is None or verb_index == 0 or verb_base not in _ATTAIN:
        return None
    if tokens[verb_index] == verb_base or _measure_before(tokens[:verb_index]):
        return None  # "Audits pass": a present tense reads as a rate, not one event
    subject = [w.strip("-") for w in tokens[max(0, verb_index - 4) : verb_index]]
    if any(w in MILESTONE_NOUNS or w in _CERTIFICATES or w in _AGREEMENTS for w in subject):
        return " ".join(tokens[max(0, verb_index - 3) : verb_index + 1])
    return None


_ONE_OFF_PARTICIPLES = frozenset(
    form
    for base in ONE_OFF_VERBS
    for form in _forms(base) | set(_irregular(base))
    if form.endswith("ed") or form in _irregular(base)
)
_MONEY = _words("funds funding money capital cash runway donations revenue financing")
_ONE_OFF_AFTER = _words("on in by with for as at to from into under")


def _one_off_event(text: str, tokens: list[str]) -> str | None:
    """'Office lease signed', 'Series A closed', 'Listed on the Apple App Store': a thing (not
    people, not a count) and a participle of a one-off event, with no measure anywhere."""
    if _ONE_OFF_PARTICIPLES.isdisjoint(tokens[:9]) or _changes(text):
        return None  # most statements have none of these participles: the cheap test first
    if "(" in text:
        tokens = _tokens(_PARENTHESES.sub(" ", text))
    digits = [k for k, w in enumerate(tokens) if _HAS_DIGIT(w)]
    undated = _DATE.sub(" ", text)
    if _HAS_DIGIT(undated) and any(
        k == 0 or tokens[k - 1] not in _STANDARD_PREFIX | {"series"}
        for k in digits
        if not _DATE.fullmatch(tokens[k])
    ):
        return None  # "10 partnerships signed": the count decides; "SOC 2 report" names one
    for k, word in enumerate(tokens[:9]):
        if word in _AUXILIARIES or word in _RELATIVE or word in ("and", "or"):
            return None
        if word not in _ONE_OFF_PARTICIPLES:
            continue
        if k == 0:
            # "Listed on the Apple App Store": a headline with the subject left out.
            follows = tokens[1:2]
            return word if follows and follows[0] in _ONE_OFF_AFTER else None
        subject = tokens[:k]
        if tokens[k - 1] in _STOP or tokens[k - 1] in _DETERMINERS:
            return None  # "the selected vendor ...": an adjective before its noun
        if _people(subject) or any(
            w in CUSTOMER_NOUNS or _singular(w) in CUSTOMER_NOUNS or w in _PERSONS for w in subject
        ):
            return None  # "3 customers signed": people won
        if any(w in _MONEY for w in subject):
            return None  # "Funds secured to finance the Foundation": money raised, a result
        return " ".join(tokens[max(0, k - 6) : k + 1])
    return None


def _measure_before(subject: list[str]) -> bool:
    """A measured subject ('95% of audits passed') rather than a named standard."""
    for k, word in enumerate(subject):
        if _HAS_DIGIT(word) and (k == 0 or subject[k - 1] not in _STANDARD_PREFIX):
            return True
        if "%" in word:
            return True
    return False


_PREPOSITIONS = _words(
    "and or but without within before after until across via along among between beyond "
    "except inside outside since toward towards upon like unlike against despite"
)
_REPORTING = _words("shows proves confirms demonstrates succeeds succeed fails passes")
_SUBJECT_END = _words(
    "is are was were be been has have had will can should must to for with by in on at from than or"
)
_RELATIVE = _words("who that which whose")


def _subject_first(
    tokens: list[str], i: int, table: dict[str, tuple[str, str]]
) -> tuple[int, str, str] | None:
    """The verb of a sentence that opens with its subject, when the subject decides its class.

    Outside the team, a behaviour verb states what the world does, an outcome or a measure:
    "Open-source projects use the extension", "Upgrades take under 30 minutes", "The daemon
    runs 10 days without a crash". The team as subject makes its verb the team's work, read
    in the active voice: "Our members run 3 workshops".
    """
    if i >= len(tokens):
        return None
    found = _lookup(tokens[i], table)
    modifier = _metric_subject(tokens, i + 1, table)
    nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
    # "Benchmark shows -25% tokens": a noun, then a verb that reports a result.
    third_person = nxt in _REPORTING
    if (
        found is not None
        and tokens[i] == found[1]
        and not (found[0] == "delivery" and modifier)
        and not third_person  # "Benchmark shows -25% tokens": a noun, then its verb
    ):
        return None  # a verb in its base form first: an imperative, "Run 3 workshops"
    if found is not None and third_person and not _team_subject(tokens[: i + 1]):
        return i + 1, "world", nxt[:-1]
    for j in range(i + 1, min(len(tokens), i + 9)):
        word, prev = tokens[j], tokens[j - 1]
        if word in _SUBJECT_END:
            return None
        if prev in _RELATIVE or prev in _DETERMINERS or prev[:1].isdigit():
            continue
        subject = tokens[:j]
        team = _team_subject(subject)
        plural = prev.endswith("s") or prev in ("they", "people") or prev[:1].isdigit()
        nxt = tokens[j + 1] if j + 1 < len(tokens) else ""
        if nxt in _AUXILIARIES or (word.endswith("s") and _is_participle(nxt) and nxt in table):
            continue  # "protocol upgrades have ...", "reports delivered": a noun, then its verb
        if (
            (word in WORLD_VERBS or word in _REPORTING)
            and not team
            and (word.endswith("s") or plural)
        ):
            sentence = " ".join(tokens)
            if _is_activity(prev) and not _CHANGE_PATTERN.search(sentence):
                return None  # "Company stats meeting occurs every week": our own activity
            if not _people(subject) and not _MEASURE.search(sentence):
                return None  # "CI runs on ARM": a deliverable's state, read on
            return j, "world", table.get(word, ("world", word))[1]
        if not team and word.endswith("s") and table.get(word, ("",))[0] == "change":
            return j, "change", table[word][1]  # "Release frequency doubles"
        if word in table and not team and plural and _people(subject) and word == table[word][1]:
            # "New contributors open 30 pull requests": people outside the team doing it.
            return j, "world", table[word][1]
        if word in table and (word.endswith("s") or _is_participle(word) or team):
            if team and tokens[j + 1 : j + 2] == ["that"]:
                # "Hiring managers report that 75% of new teammates ...": what they say is
                # the measure, read on.
                return None
            if team:
                cls, base = table[word]
                return j, cls, base
            if _is_participle(word) and not word.endswith("s"):
                continue  # "95% of 20 people surveyed trust ...": a participle in the subject
            return None
    return None


# A measure, even without digits: "under a day", "without errors", "fewer incidents".
_MEASURE = re.compile(
    r"\d|\b(?:less|fewer|more|under|over|below|above|within|without|at most|at least|"
    r"zero|no longer|faster|slower)\b"
)


_LEVEL_WORDS = _words("up down from to at of under below above over < > ≥ ≤ is are reaches")


def _metric_subject(tokens: list[str], start: int, table: dict[str, tuple[str, str]]) -> bool:
    """A measure named right after the first word and then given a level: 'Release
    frequency doubles', 'Call centre volumes down 25%', 'Ship time under 2 days'."""
    phrase = _noun_phrase(tokens, start, table)[:3]
    for k, word in enumerate(phrase):
        if word in METRIC_NOUNS or _singular(word) in METRIC_NOUNS:
            nxt = tokens[start + k + 1 : start + k + 2]
            return (
                not nxt
                or nxt[0] in _LEVEL_WORDS
                or nxt[0][:1].isdigit()
                or (table.get(nxt[0], ("",))[0] == "change")
            )
    return False


def _team_subject(subject: list[str]) -> bool:
    """'we', 'the team', 'our engineers', 'customer-service': people inside the team."""
    if subject[:1] in (["we"], ["i"], ["we've"], ["we'll"], ["we're"], ["i've"]):
        return True
    for k, word in enumerate(subject):
        if word in TEAM_NOUNS and (
            word not in CUSTOMER_NOUNS or (k and subject[k - 1] in ("our", "my", "the"))
        ):
            return True
    return False


_PERIOD_FRAME = re.compile(
    r"^(?:finish|finishes|finished|end|ends|ended|close|closed|exit|leave|enter|start)\s+"
    r"(?:the\s+|this\s+|our\s+)?(?:quarter|year|cycle|month|half|period|season|sprint|"
    r"fy\S*|q[1-4]\S*|h[12]\S*)\s+(?:with|at|on)\s+"
)


def _without_heading(text: str) -> str:
    """'Give back: 30 first-time contributors merged a PR': a short heading, then the KR."""
    head, colon, rest = text.partition(": ")
    if colon and len(head.split()) <= 2 and len(rest.split()) >= 3:
        return rest
    return text


def _without_period_frame(text: str) -> str:
    """'Finish the quarter with 24 more customers' says what holds at the end: '24 more ...'."""
    return _PERIOD_FRAME.sub("", text)


# A deliverable written as a state: "SSO is live", "Runbook in place", "Docs available".
_STATE = re.compile(
    r"\b(?:(?:is|are|be|been|was|were|will be|now)\s+)?(?:now\s+|fully\s+|publicly\s+|"
    r"generally\s+)?(?P<state>live|in place|in-place|available|ready|operational|"
    r"in production|production-ready|ga|generally available|certified|compliant|accredited|"
    r"approved|signed off|signed-off|up and running|interoperable|interops?|exists?|"
    r"complete and published|to the finish line|no longer in limbo|functional|enabled)\b"
)
_HAS_THING = re.compile(
    r"\b(?:has|have)\s+(?P<det>(?:a|an|the|its own|their own|our|own)\s+)?"
    r"((?:[\w-]+\s+){0,3}?[\w-]+)\b"
    r"(?=\s+(?:to|for|in|on|of|that|which|with)\b|\s*$|\s*[:;,.])"
)
_HAVE_IT_DONE = re.compile(
    r"\b(?:have|having|has|get|getting|got)\s+(?:(?:a|an|the|our|its|their)\s+)?"
    r"((?:[\w-]+\s+){0,3}?[\w-]+)\s+(?!need)[a-z]+ed\b"
    # The participle ends the phrase ("Get the API reviewed", "... translated into ..."); an
    # adjective before a noun ("have a detailed SIPOC") does not, nor an agent ("by users").
    r"(?=\s*$|\s*[.,;:]|\s+(?:to|for|in|into|on|at|that|which|before|until|out|up)\b|"
    r"\s+by\s+(?:the end|end|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|q\d|\d))"
)
_LEADING_QUANTIFIER = re.compile(r"^(?:\d+(?:[.,]\d+)?\s?%|all|every|each)\s+(?:of\s+)?")
_GROUPS = _words("community board council customer user member team audience public market")
_MILESTONE_VERBS = _words("reach achieve attain")  # "A+ SSL rating is reached": yes or no
_MILESTONE_WORDS = _words("compliant certified approved accredited")


def _state_reading(
    text: str,
    tokens: list[str],
    verb_index: int | None,
    verb_class: str | None,
    verb_base: str | None,
) -> tuple[str, bool] | None:
    """A deliverable stated as being there, and whether it is a yes/no milestone.

    "SSO is live", "Runbook in place", "Preview nodes provisioned, monitored and documented",
    "We have a public roadmap". The subject decides: a compliance, certification or approval
    is a milestone (OKR103); anything else is a deliverable that exists once done (OKR101).
    """
    # "100% of employees have a plan": a share saying who has the deliverable, not a measure.
    if _changes(_LEADING_SHARE.sub("", text) if text[:1].isdigit() else text):
        return None
    phrase: str | None = None
    clause = _main_clause(text)
    match = _STATE.search(clause)
    if match is not None and match.start() > 0:
        subject = _tokens(clause[: match.start()])
        if (
            0 < len(subject) <= 12
            # People as the subject ("20 companies using the platform") are not a thing; as a
            # modifier ("Subscriptions R5 is ready") they only name it.
            and not any(
                w in CUSTOMER_NOUNS
                and (
                    k + 1 == len(subject)
                    or subject[k + 1] in _STOP
                    or subject[k + 1].endswith("ing")
                    or _is_participle(subject[k + 1])
                )
                for k, w in enumerate(subject)
            )
            # A measure as the subject ("Checkout conversion is ready") is not a thing; as a
            # modifier ("Usage examples exist") it only says which thing.
            and not any(
                w in METRIC_NOUNS and (k + 1 == len(subject) or subject[k + 1] in _STOP)
                for k, w in enumerate(subject)
            )
            and _lookup(subject[0], _verb_table()) is None  # "Get X ready": a verb first
            # "8500 ETH interoperable TVL": an amount; "3 loaders functional": things counted.
            and not (
                _amount_at(subject, 0)
                and not any(w.endswith("s") and w.isalpha() for w in subject[1:4])
            )
        ):
            phrase = clause[: match.end()].strip()
    become = next((k for k, w in enumerate(tokens) if w in ("become", "becomes")), None)
    if phrase is None and become is not None and verb_index is None:
        # "libp2p and the switch become full state machines", "Become CKA in Q2": a state our
        # thing (or we) reach once, not people joining ("organisations become members").
        subject, thing = tokens[:become], _noun_phrase(tokens, become + 1, _verb_table())
        if (
            thing
            and not _people(subject)
            and not any(w in CUSTOMER_NOUNS or _singular(w) in CUSTOMER_NOUNS for w in subject)
            and not any(
                w in CUSTOMER_NOUNS
                or _singular(w) in CUSTOMER_NOUNS
                or w in METRIC_NOUNS
                or w[:1] in "#0123456789"
                or _is_comparative(w)
                for w in thing
            )
        ):
            phrase = " ".join(tokens[: become + 1 + len(thing)])
    if phrase is None and verb_class == "passive-delivery" and verb_index is not None:
        subject = tokens[:verb_index]
        leading_number = bool(subject) and subject[0][:1].isdigit()
        if not leading_number and not any(w in CUSTOMER_NOUNS for w in subject):
            end = verb_index + 1
            # "provisioned, monitored and documented": the whole list of participles.
            while (
                end + 1 < len(tokens) and tokens[end] == "and" and _is_participle(tokens[end + 1])
            ):
                end += 2
            phrase = " ".join(tokens[: end + 1] if end < len(tokens) else tokens)
            if len(tokens) > end and _is_participle(tokens[end]):
                phrase = " ".join(tokens[: end + 1])
    if (
        phrase is None
        and verb_base == "have"
        and verb_index is not None
        and not _NUMBER.search(text)
    ):
        rest = tokens[verb_index + 1 :]
        skip = 2 if rest[:2] == ["its", "own"] or rest[:2] == ["their", "own"] else 1
        skip = skip if rest[:1] in (["a"], ["an"], ["the"], ["our"], ["its"], ["their"]) else 0
        head = _head_noun(rest, skip)
        if head is not None and (
            head[1] in ARTIFACT_NOUNS or head[1] in DELIVERABLE_NOUNS or _is_activity(head[1])
        ):
            phrase = " ".join(tokens[: verb_index + 2 + head[0]])
    owns = _HAS_THING.search(clause) if phrase is None else None
    if owns is not None and not _NUMBER.search(clause[owns.start() :]):
        # "Every team has an on-call runbook", "100% of employees have a training plan": the
        # deliverable exists for each of them, or for the people it is given to.
        subject = _tokens(clause[: owns.start()])
        if not _NUMBER.search(clause[: owns.start()]) or subject[1:3] == ["%", "of"]:
            thing = _tokens(owns.group(2))
            # Without a determiner only a plural of our things after a non-people subject
            # ("All services have dashboards"): "Users have accounts" says what people do.
            bare = owns.group("det") is None
            if bare and "and" in thing:
                thing = thing[: thing.index("and")]  # "have dashboards and alerts": the first
            single = _singular(thing[-1]) if thing else ""
            people = any(w in CUSTOMER_NOUNS or _singular(w) in CUSTOMER_NOUNS for w in subject)
            if thing and (
                (not bare and (thing[-1] in DELIVERABLE_NOUNS or thing[-1] in ARTIFACT_NOUNS))
                # "100% of staff have a career check-in": one of our activities, for each
                or (not bare and _is_activity(thing[-1]) and not people)
                or (
                    bare
                    and thing[-1] != single
                    and (single in DELIVERABLE_NOUNS or single in ARTIFACT_NOUNS)
                    and not _people(subject)
                    and not any(
                        w in CUSTOMER_NOUNS or _singular(w) in CUSTOMER_NOUNS for w in subject
                    )
                )
            ):
                phrase = clause[: owns.end()].strip()
    done = _HAVE_IT_DONE.search(clause) if phrase is None else None
    # "100% of protocol upgrades have a summary posted": the share says for which of our
    # things; it is not a measure. People as the subject ("all users have MFA enabled") are.
    whole = _LEADING_QUANTIFIER.sub("", clause) if done is not None else clause
    if done is not None and _people(_tokens(clause[: done.start()])):
        done = None
    if done is not None and not _NUMBER.search(_DATE.sub("", whole)):
        # "Having a brand carved out that ...", "Get the API reviewed": our thing with the
        # work done to it. People so placed ("have the members engaged") say what they do.
        thing = _tokens(done.group(1))
        if not _people(thing) and not any(w in _GROUPS for w in thing):
            phrase = clause[: done.end()].strip()
    if phrase is None:
        return None
    words = _tokens(phrase)
    milestone = any(
        w.strip("-") in MILESTONE_NOUNS or w in _MILESTONE_WORDS or w.endswith("-compliant")
        for w in words
    ) and not any(w in DELIVERABLE_NOUNS and w not in MILESTONE_NOUNS for w in words)
    return phrase, milestone


def _noun_phrase(tokens: list[str], start: int, table: dict[str, tuple[str, str]]) -> list[str]:
    """The noun phrase from `start`: up to a preposition, a verb form or a clause."""
    end = start
    while end < len(tokens) and end < start + 6:
        word = tokens[end]
        if word in _STOP or word in _RELATIVE:
            break
        nxt = tokens[end + 1] if end + 1 < len(tokens) else ""
        if end > start and (
            (
                (word.endswith("ing") or _is_participle(word))
                and word in table
                and not (word.endswith("ing") and _names_a_thing(tokens, end))
            )
            or (
                word.endswith("ed")
                and word not in DELIVERABLE_NOUNS  # "testbed" is a noun
                and (nxt in _STOP or nxt in _DETERMINERS or not nxt)
            )
        ):
            break  # "Roadmap shared with ...", but "themed talks" is one noun phrase
        end += 1
    return tokens[start:end]


def _names_a_thing(tokens: list[str], k: int) -> bool:
    """The -ing word at `k` only says which thing: 'Self-serve onboarding flow', 'tracking
    system', 'billing page'."""
    nxt = tokens[k + 1] if k + 1 < len(tokens) else ""
    return nxt in DELIVERABLE_NOUNS or nxt in ARTIFACT_NOUNS


def _thing_after(tokens: list[str], start: int, table: dict[str, tuple[str, str]]) -> bool:
    """The noun phrase at `start` names a thing, not a measure or people: 'error messages'."""
    phrase = _noun_phrase(tokens, start, table)
    return bool(phrase) and not any(
        w in METRIC_NOUNS or w in CUSTOMER_NOUNS or w in INPUT_NOUNS for w in phrase[-1:]
    )


def _milestone_noun_phrase(tokens: list[str], table: dict[str, tuple[str, str]]) -> str | None:
    """A verbless statement naming a yes/no milestone: 'Legal sign-off on the new terms'."""
    phrase = _noun_phrase(tokens, 0, table)
    if (
        phrase
        and phrase[-1].strip("-") in MILESTONE_NOUNS
        and not any(w in METRIC_NOUNS for w in tokens)
    ):
        return " ".join(phrase)  # "Partner terms sign-off by legal": whose terms, no measure
    return None


_COMPARATIVES = _words("better worse more less fewer greater higher lower")


def _is_comparative(word: str) -> bool:
    """'faster', 'easier', 'better': a change, however vague."""
    return word in _COMPARATIVES or (
        len(word) > 5
        and word.endswith(("ier", "ster", "der", "per", "ter", "ger", "ner", "ler"))
        and word not in DELIVERABLE_NOUNS
    )


def _deliverable_noun_phrase(tokens: list[str], table: dict[str, tuple[str, str]]) -> str | None:
    """A verbless statement that names a thing to build: 'Stable Python SDK', 'Support for
    signed artifacts'. A measure anywhere in it makes it a metric name instead."""
    start = 0
    while start < len(tokens) and tokens[start] in _DETERMINERS:
        start += 1
    # "Automatic alerts when context quality drops", "Claim-audit view comparing A vs B": the
    # clause after the thing says when or what it shows, not what is measured.
    cut = next(
        (
            k
            for k, w in enumerate(tokens)
            if k > start
            and (w in _CLAUSE_WORDS or (w.endswith("ing") and not _names_a_thing(tokens, k)))
        ),
        len(tokens),
    )
    tokens = tokens[:cut]
    phrase = _noun_phrase(tokens, start, table)
    if not phrase:
        return None
    # "Clear & public documentation issues & PR evaluation process": names joined by '&'
    # or 'and' make one phrase; its last noun is the head.
    end = start + len(phrase)
    while end + 1 < len(tokens) and tokens[end] in ("&", "and"):
        more = _noun_phrase(tokens, end + 1, table)
        if not more:
            break
        phrase = [*phrase, tokens[end], *more]
        end += 1 + len(more)
    while len(phrase) > 1 and re.fullmatch(r"v?\d+(?:\.\d+)*", phrase[-1]):
        phrase = phrase[:-1]  # "Kubernetes operator v1.0": the version names the thing
    head = phrase[-1]
    after = tokens[start + len(phrase) : start + len(phrase) + 1]
    if len(phrase) > 1 and head in _COVER and after == ["to"]:
        return None  # "Each community links to the docs": a verb of our things, not a noun
    if head == "support" and after != ["for"]:
        return None  # "customer support" is a team or a measure; "support for X" a feature
    if head not in DELIVERABLE_NOUNS and _singular(head) not in DELIVERABLE_NOUNS:
        return None
    # People after "for" are who the thing is for ("Beta program for enterprise users");
    # anywhere else they are what is measured ("A steady flow of new contributors").
    joins = [k for k, w in enumerate(tokens) if w in ("for", "with", "to", "about", "on")]
    beneficiaries = tokens[joins[0] :] if joins else []
    # A people noun inside the phrase only says which thing ("An advocate program framework").
    modifiers = set(tokens[start : start + len(phrase) - 1])
    if any(
        w in METRIC_NOUNS
        or w in INPUT_NOUNS
        or w in _COPULAS
        or (w in CUSTOMER_NOUNS and w not in beneficiaries and w not in modifiers)
        for w in tokens
    ):
        return None  # a measure, people, resources, or a sentence with its own predicate
    if any(_is_comparative(w) for w in phrase):
        return None  # "Faster builds", "Better documentation": a vague change, not a thing
    extra = 0
    if after == ["for"]:  # "Support for signed artifacts": the thing includes what it is for
        extra = 3 if tokens[start + len(phrase) + 1 : start + len(phrase) + 2] in _ARTICLES else 2
    return " ".join(tokens[: start + len(phrase) + extra])


_CLAUSE_WORDS = _words("when where whenever while so comparing showing")
_ARTICLES = (["the"], ["a"], ["an"], ["our"], ["all"], ["every"], ["each"])
_CLAUSE_JOIN = re.compile(r"\b(?:that|which|who|and|with|\w+ed by)\b|[,;](?=\s)|&")


_LEVEL_CLAUSE = re.compile(
    r"(?:[,;(]|\bwith|\band)\s*(?:a\s+|an\s+)?(?:>|≥|at least|over|above|min(?:imum)?)?\s*"
    r"\d+(?:[.,]\d+)?\s?(?:%|/10|/5|\+)?\s+(?:[a-z-]+\s+){0,2}?([a-z-]+)\b(?!\s+[a-z])"
)


_SHARE_OF_USE = re.compile(
    r"\bfor\s+\d+(?:[.,]\d+)?\s?%\s+of\s+(?:the\s+|our\s+|all\s+)?(?:\w+\s+)?(\w+)"
)


def _measured_second_clause(text: str, table: dict[str, tuple[str, str]]) -> bool:
    """The work is followed by the change it must make: 'Establish a baseline model and
    surpass it by >10%', 'Implement P2P transfers for 40% of local transfers'. Judged on it."""
    if " and " not in text and " for " not in text:
        return False
    for match in _AND.finditer(text):
        rest = _tokens(text[match.end() :])
        found = table.get(rest[0]) if rest else None
        if (
            found
            and found[0] in ("change", "acquire")
            and _CHANGE_PATTERN.search(text[match.end() :])
        ):
            return True
    share = _SHARE_OF_USE.search(text)
    return share is not None and not _ours(share.group(1)) and share.group(1) not in WORK_ITEMS


def _level_clause(text: str) -> bool:
    """A measured level after the work: 'run 2 surveys to get feedback, >80% satisfaction',
    'ship the course with a 4.5/5 rating'. The KR is judged on that level."""
    return any(
        m.group(1) in METRIC_NOUNS or m.group(1) in _LEVEL_NOUNS
        for m in _LEVEL_CLAUSE.finditer(text)
        if m.start() > 0
    )


# What a level after the work may be of, besides the metric nouns: "with >=80% positive
# client feedback".
_LEVEL_NOUNS = _words("feedback rating ratings reviews")


def _reach_clause(text: str) -> bool:
    """A clause after the work that counts people reached or what they do: 'a presentation
    that influences 50+ developers', 'write a blog and have 100 views'. The KR is then
    judged on that reach, an outcome, not on the work."""
    for join in _CLAUSE_JOIN.finditer(text):
        if join.start() == 0:
            continue
        after = _tokens(text[join.end() :])[:7]
        with_ = join.group(0) == "with"
        if not with_ and _TARGET_NUMBER.search(text[: join.start()]):
            continue  # "close 2 deals and get 10 logos": a second target, not the reach
        # "with 5 customers" is work done with them; only what people do counts as reach.
        nouns = REACH_NOUNS if with_ else REACH_NOUNS | CUSTOMER_NOUNS
        for n, word in enumerate(after[:4]):
            if not word[:1].isdigit():
                continue
            if any(
                _verb_table().get(w.replace("-", ""), ("",))[0] == "delivery" for w in after[:n]
            ):
                break  # "and onboard 3 people": more work, counted
            if any(x in nouns for x in after[n + 1 : n + 4]):
                return True
    return False


_COPULAS = _words("is are was were be been will")
_QUANTIFIERS = _words(
    "not no less fewer than at least more over up to around about approximately > < ≥ ≤ min minimum"
)


def _people(words: list[str]) -> bool:
    """A group of people or organisations outside the team: 'new users', 'contributors'."""
    return any(w in CUSTOMER_NOUNS and w.endswith("s") for w in words)


def _lemma_in(word: str, lexicon: frozenset[str]) -> bool:
    """`word` or its stem without a past-tense ending is in `lexicon`: 'used' -> 'use'."""
    return any(w in lexicon for w in (word, word[:-1], word[:-2], word[:-3]) if w)


def _count_start(tokens: list[str]) -> int | None:
    """Where the number of a leading count is: '3 new chapters', 'not less than 40 ...'."""
    k = 0
    while k < len(tokens) and tokens[k] in _QUANTIFIERS:
        k += 1
    if k < len(tokens) and tokens[k][:1].isdigit() and tokens[k + 1 : k + 2] not in _SPANS:
        return k
    return None


# "5-10 year", "3 month": a number naming a span, which modifies rather than counts.
_SPANS = (["year"], ["month"], ["week"], ["day"], ["hour"])


_SHARE_OF = re.compile(
    r"^(?:(?:\d+(?:[.,]\d+)?\s?%|\d+ (?:out )?of(?: the)? \d+|all(?: \d+)?|every|each|half|"
    r"the rest|the remaining)\s+)(?:of\s+)?(?:the\s+|our\s+|its\s+|their\s+)?"
)


def _share_of_our_work_done(
    text: str, tokens: list[str], table: dict[str, tuple[str, str]]
) -> str | None:
    """'80% of services migrated to Kubernetes', 'All P0 issues resolved', '3 of 5 roadmap
    items completed': a share of the team's own things with the work done to them, which is
    progress of the work. A service level ('90% of tickets resolved within 24 hours') or
    people ('80% of users migrated') make it a measure of the world."""
    share = _SHARE_OF.match(text)
    if share is None or _SERVICE_LEVEL.search(text) or _CHANGE_PATTERN.search(text[share.end() :]):
        return None
    rest = _tokens(text[share.end() :])
    for k, word in enumerate(rest[:7]):
        found = table.get(word)
        if found is None or found[0] != "delivery" or not _is_participle(word) or k == 0:
            continue
        subject = rest[:k]
        agent = rest[k + 1 : k + 5] if rest[k + 1 : k + 2] == ["by"] else []
        if any(w in CUSTOMER_NOUNS or _singular(w) in CUSTOMER_NOUNS for w in subject + agent):
            return None  # people, or work done by them ("triaged by the community")
        if any(
            w in SYSTEM_NOUNS
            or w in WORK_ITEMS
            or w in ARTIFACT_NOUNS
            or w in DELIVERABLE_NOUNS
            or _singular(w) in DELIVERABLE_NOUNS
            or _is_activity(w)
            for w in subject
        ):
            end = text.find(word, share.end())
            return text[: end + len(word)] if end >= 0 else " ".join(rest[: k + 1])
        return None
    return None


def _amount_at(tokens: list[str], index: int) -> bool:
    """A number or an amount of money at `index`: 'make £15k ...'."""
    return index < len(tokens) and tokens[index][:1] in "0123456789$€£¥"


_CHANGE_NOUNS = _words(
    "reduction reductions increase increases decrease decreases improvement improvements "
    "growth uplift lift drop rise cut cuts gain gains boost"
)


def _measured_change_object(tokens: list[str], start: int) -> bool:
    """The object is a measured change: 'a 20% reduction in ...', 'a 2x increase of ...'."""
    window = tokens[start : start + 5]
    for k, word in enumerate(window):
        if word in _CHANGE_NOUNS:
            return any(w[:1].isdigit() or w == "%" for w in window[:k])
        if word in _STOP - {"-"}:
            return False
    return False


def _metric_object(tokens: list[str], start: int) -> bool:
    """A measure follows a delivery-looking verb: 'deliver p90 latency under 20 s'."""
    window = tokens[start : start + 6]
    for word in window:
        if word in _STOP - {"-"}:
            break
        if word in METRIC_NOUNS or word in CUSTOMER_NOUNS:
            return True
    return False


_COMPOUND_SPLIT = re.compile(r"\s*(?:;|,? and also|,? and|,? plus|&|\+|,)\s+")
_TARGET_NUMBER = re.compile(r"(?<![\w.-])[$€£¥]?\d[\d.,]*(?![\d.,]*-\w)")
# Dates are when, not how much: "by week 8", "end of Q1", "in 2027", "by 31 March".
_DATE = re.compile(
    r"\b(?:19|20)\d\d-\d\d-\d\d\b|"
    r"\b(?:week|wk|day|month|sprint|q|h|fy)\s?\d+\b|\b(?:19|20)\d\d\b|"
    r"\b\d{1,2}(?:st|nd|rd|th)?\s(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|"
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s\d{1,2}(?:st|nd|rd|th)?\b"
)
_PRONOUNS = _words("it them this these those that one")


def _compound(text: str, table: dict[str, tuple[str, str]]) -> str | None:
    """Several targets or deliverables in one KR: 'close 2 deals and get 10 logos'.

    Each part must stand on its own: a target (a number that is not part of 'from X to Y' or
    'between X and Y') or a verb with its own object. 'Provisioned, monitored and documented'
    is one deliverable in three states; 'reduce time and cost by 20%' one target.
    """
    clean = _PARENTHESES.sub(" ", text) if "(" in text else text
    if _HAS_DIGIT(clean):
        clean = _DATE.sub(" ", clean)
    if "between" in clean:
        clean = _BETWEEN.sub("between ", clean)
    parts = [p for p in _COMPOUND_SPLIT.split(clean) if p.strip()]
    if len(parts) < 2:
        return None
    targets = verbs = 0
    for part in parts:
        words = _tokens(part)
        if not words:
            continue
        found = _lookup(words[0], table)
        base = found[1] if found is not None else None
        if words[0] != base and (_is_participle(words[0]) or words[0].endswith("ing")):
            continue  # "..., tested across 3 cities": a condition on the part before
        targets += bool(_TARGET_NUMBER.search(part)) and len(words) >= 2
        verbs += (
            found is not None
            and found[0] in ("delivery", "change", "acquire", "input")
            and words[0] == found[1]
            and len(words) >= 3
            and words[1] not in _PRONOUNS  # "... and invite them": the same thing, next step
        )
    # Two targets, or two pieces of work; "lift the rate on tents and sleeping bags from 6%
    # to 7%" has one verb and one target: a single KR whose object is a list.
    if targets < 2 and verbs < 2:
        return None
    return " and ".join(p.strip() for p in parts[:2])


def analyse(statement: str, extra_output_verbs: tuple[str, ...] = ()) -> Wording:
    """Read one key result statement."""
    text = _join_phrases(_without_period_frame(_without_heading(normalise(statement))))
    table = _verb_table(tuple(sorted(extra_output_verbs)))
    if extra_output_verbs:
        # Multi-word extra verbs ("roll out") are matched as their first word.
        table = {**table, **{v.split()[0]: ("delivery", v.split()[0]) for v in extra_output_verbs}}
    tokens = _tokens(text)
    # Dates say when, not how much: "launched by July 16", "approved by 2026-05-15".
    has_digit = _HAS_DIGIT(text) is not None
    numbers = tuple(m.group(0) for m in _NUMBER.finditer(_DATE.sub(" ", text))) if has_digit else ()
    measurable = _changes(text)
    outside = OUTSIDE_CONTROL.search(text)
    if outside is not None and re.search(rf"\b(?:our|my|we) {re.escape(outside.group(1))}", text):
        outside = None
    far = TOO_FAR.search(text)
    clause_match = PURPOSE_CLAUSE.search(text)
    # "... so that bounce rate drops from 50% to 35%": the purpose must itself be measurable.
    purpose = clause_match is not None and bool(_CHANGE_PATTERN.search(text[clause_match.end() :]))
    # "... that influences 50+ developers", "... and have 100 views": judged on its reach.
    # Both clauses state a number; most statements without one skip the search.
    purpose = purpose or (
        bool(numbers)
        and (_reach_clause(text) or _level_clause(text) or _measured_second_clause(text, table))
    )
    clause = _tokens(_main_clause(text))
    main = _main_verb(clause, table)
    verb_index, verb_class, verb_base = main if main is not None else (None, None, None)
    if verb_index is not None:
        # The clause is the start of the statement: an index into it is one into the whole.
        offset = _find(tokens, clause[: verb_index + 1])
        verb_index = None if offset is None else offset
    verb: str | None = tokens[verb_index] if verb_index is not None else None
    result: dict[str, object] = {}
    reading: str | None = None
    phrase: str | None = None
    after = (verb_index or 0) + 1
    # Verbs whose class depends on what follows them.
    if verb_base in CHANGE_ONLY_WITH_A_MEASURE and verb_class == "change" and not numbers:
        verb_class = "delivery"  # "move writes to object storage": moving a thing is work
    if verb_base == "make" and any(_is_comparative(w) for w in tokens[after : after + 5]):
        # "Make checkout conversion higher": a measure pushed, a (vague) change. "Make
        # MeiliSearch more human", "Make it easier to produce guides": reworking our own
        # product or process, with no measure, is work.
        made = tokens[after : after + 3]
        measure_made = any(
            w in METRIC_NOUNS or w in CUSTOMER_NOUNS or _singular(w) in CUSTOMER_NOUNS for w in made
        )
        verb_class = "change" if measure_made or numbers else "delivery"
    if verb_base in CHANGE_WITH_A_LEVEL and _LEVEL.search(text):
        verb_class = "change"  # "fill stands to 88%": a level of the world
    if verb_base in ACQUIRE_ONLY_WITH_A_NUMBER and verb_class == "acquire" and not numbers:
        verb_class = "delivery"  # "capture requirements": work, not customers won
    if verb_class == "acquire" and _work_item_object(tokens, after):
        verb_class = "delivery"  # "close 100 stale issues": our queue, not deals won
    if verb_class == "passive-input" and not numbers:
        verb_class = "passive-delivery"  # "Ownership is assigned to ...": work done, no resource
    if (
        verb_index
        and verb is not None
        and verb.endswith("ing")
        and (
            tokens[verb_index - 1] in CUSTOMER_NOUNS
            or _singular(tokens[verb_index - 1]) in CUSTOMER_NOUNS
        )
    ):
        verb_class = "world"  # "Distinct organizers posting per month": what people do
    base_class = verb_class.removeprefix("passive-") if verb_class else None
    passive = verb_class is not None and verb_class.startswith("passive-")
    if base_class == "keep" and not _NUMBER.search(_PARENTHESES.sub("", text)) and not measurable:
        kept = _head_noun(_tokens(_PARENTHESES.sub("", text)), after)
        if kept is not None and (
            kept[1] in ARTIFACT_NOUNS or _singular(kept[1]) in DELIVERABLE_NOUNS
        ):
            # "Maintain the encounters IG", "Maintain a log of ...": keeping one of our own
            # things up is work; "maintain 99.9% uptime" holds a level.
            verb_class = base_class = "delivery"
    if base_class == "change" and tokens[after : after + 1] == ["into"]:
        verb_class = base_class = "delivery"  # "expand into 2 new markets": entering is work
    if passive and verb_index is not None:
        subject = tokens[:verb_index]
        by = tokens[verb_index + 1 : verb_index + 2] == ["by"]
        agent = tokens[verb_index + 2 : verb_index + 6]
        dated = bool(_DATE.match(" ".join(agent))) or agent[:1] in (
            ["end"],
            ["q1"],
            ["q2"],
            ["q3"],
            ["q4"],
        )
        outside_agent = (
            by
            and not dated  # "launched by July 16": when, not who
            and any(w[:1].isdigit() or w in CUSTOMER_NOUNS or w == "%" for w in agent)
        )
        start = _count_start(subject)
        if start is not None:
            # "3 new chapters are created worldwide": a count of things that happen. Only a
            # count of the team's own activities ("not less than 10 videos were uploaded",
            # "6 recruiters hired") is work.
            activity = next(
                (k for k, w in enumerate(subject) if _is_activity(w) and w not in REACH_NOUNS),
                None,
            )
            if verb_base in HEADCOUNT_VERBS or base_class == "input":
                # "At least 1 gateway provider was hired": people added to the team, an input.
                result["input"] = " ".join([*subject[start:], tokens[verb_index]])
            elif (
                activity is not None
                and "%" not in subject
                and not any(w in CUSTOMER_NOUNS for w in subject[activity + 1 :])
            ):
                result["count"] = " ".join(subject[start : activity + 1])
            verb_class = base_class = "world"
            passive = False
        elif (
            outside_agent
            or (_people(subject) and not (by and agent))
            or (_people(subject) and verb_base in ADD_LIKE)  # "Companies onboarded by ..."
            or (
                _lemma_in(verb_base or "", WORLD_VERBS)
                and base_class != "delivery"
                and verb_base not in _MILESTONE_VERBS
            )
            or verb_base in CHOSEN_BY_OTHERS
            or _SERVICE_LEVEL.search(text)
            or (_lemma_in(verb or "", WORLD_VERBS) and bool(numbers))
        ):
            # "Issues are triaged within 2 days", "The plugin is installed on 5,000 sites",
            # "Governance docs cited by 3 agencies": a service level or what others do.
            # "The modal is visited by 5% of all users", "New users are introduced to ...",
            # "The standard is widely used": what happens in the world, not work delivered.
            verb_class = base_class = "world"
            passive = False
    if (
        verb_index is not None
        and tokens[1:3] == ["%", "of"]
        and tokens[verb_index - 1 : verb_index] in (["have"], ["has"])
        and not _team_subject(tokens[3 : verb_index - 1])
    ):
        # "100% of public entities have mitigated their risk": a share of others who did it.
        # A share of our own people ("100% of managers have taken 1 training") is our work.
        verb_class = base_class = "world"
    if (
        verb_index == 0
        and verb is not None
        and verb != verb_base
        and _is_participle(verb)
        and verb_base in CHOSEN_BY_OTHERS
    ):
        verb_class = base_class = "world"  # "Included in 3 Linux distributions"
    if verb_base == "take" and _DURATION.search(text):
        verb_class = base_class = "world"  # "Takes less than 10 minutes to deploy a service"
    state = None
    if base_class not in ("world", "keep", "change", "input") and not purpose:
        state = _state_reading(text, tokens, verb_index, verb_class, verb_base)
    binary = _binary(text, tokens, verb_index, verb_class, verb_base)
    if binary is not None and binary.startswith(_CAN) and state is None:
        # "Facto is able to generate a spec": a capability of the product is a feature
        # delivered (OKR101), not a yes/no milestone.
        start = text.find(binary)
        who = text[:start].strip() if start > 0 else ""
        reading, phrase, binary = "capability", f"{who} {binary}".strip(), None
    if verb_base in PHRASAL_VERBS and PHRASAL_VERBS[verb_base] == "binary":
        object_head = _head_noun(tokens, after)
        stop = object_head[0] + 1 if object_head else after
        binary = " ".join(tokens[verb_index or 0 : stop])
    headline = verb_index is None or (
        (passive or base_class == "world") and tokens[verb_index - 1] not in _AUXILIARIES
    )
    if state is None and not purpose and headline:
        share = _share_of_our_work_done(text, tokens, table)
        if share is not None:
            state = (share, False)
            result.pop("count", None)  # "3 of 5 features completed": the share, not a count
    if state is not None:
        if state[1]:
            binary = state[0]
        else:
            binary = None
            reading, phrase = "state", state[0]
    attained = None if purpose else _milestone_attained(tokens, verb_index, verb_base)
    if attained is None and not purpose and not result and reading is None and binary is None:
        attained = _one_off_event(text, tokens)
    if attained is not None and "count" not in result:
        result["binary"] = attained
    elif "count" in result or base_class == "world" or reading in ("state", "capability"):
        pass  # already read: a count of our work, what the world does, or a state
    elif base_class == "keep":
        result["kpi"] = True
    elif passive or base_class in ("change", "acquire", None):
        # Pushing a count down ("reduce the number of support tickets") is about what others
        # do; only more of our own activity is effort dressed as a result.
        fewer = base_class == "change" and verb_base not in _MORE_VERBS | _IMPROVE_VERBS
        metric = None if fewer or purpose else _number_of_activity(text, tokens, table)
        resource = _input_metric(tokens, None if passive else verb_index)
        if metric is not None:
            result["output_metric"] = metric
        elif resource is not None and (passive or base_class is None or verb_base in _MORE_VERBS):
            result["input"] = resource
        elif binary is not None and not purpose:
            result["binary"] = binary
        elif base_class is None and not purpose:
            count = (
                _leading_count(tokens)
                or _recurring_activity(text, tokens)
                or _habit(text, tokens)
                or _activity_phrase(tokens, table)
            )
            if count is not None:
                result["count"] = count
            elif tokens[:1] == ["more"] and _is_activity(tokens[1] if len(tokens) > 1 else ""):
                result["count"] = " ".join(tokens[:2])  # "More comms of upcoming changes"
            elif tokens[:1] == ["new"] and not numbers:
                # "New self-service help area": a thing to build, named as the result.
                reading, phrase = "thing", " ".join(tokens[:4])
            elif not _NUMBER.search(
                bare := _specifying_numbers_removed(_DATE.sub(" ", text) if has_digit else text)
            ) and not (_CHANGE_PATTERN.search(bare)):
                # "Large Scale Testbed (50k+ nodes)": a number in brackets specifies the thing.
                milestone = _milestone_noun_phrase(_tokens(bare), table)
                thing = _deliverable_noun_phrase(_tokens(bare), table)
                if milestone is not None:
                    result["binary"] = milestone
                elif thing is not None:
                    reading, phrase = "thing", thing
                elif (unknown := _unknown_imperative(tokens, table)) is not None:
                    reading, phrase, verb_class = "verb", unknown, "delivery"
                elif (behaves := _our_things_behave(tokens)) is not None:
                    reading, phrase = "state", behaves
                elif (designed := _designed_behaviour(tokens, table)) is not None:
                    reading, phrase = "state", designed
                elif (done := _unknown_participle(tokens, table)) is not None:
                    reading, phrase = "state", done
                elif (later := _later_work(tokens, table)) is not None:
                    reading, phrase, verb_class = "verb", later, "delivery"
                elif (campaign := _activity_noun_phrase(_tokens(bare), table)) is not None:
                    reading, phrase = "thing", campaign
    elif binary is not None and not purpose:
        result["binary"] = binary
    elif base_class == "input":
        start = verb_index or 0
        window = tokens[start : start + 6]
        end = next((k for k, w in enumerate(window) if k and w in INPUT_NOUNS), None)
        if end is None:  # "invest in the partner programme": up to the first preposition
            end = next((k - 1 for k, w in enumerate(window) if k and w in _STOP), len(window) - 1)
        result["input"] = " ".join(window[: end + 1])
    elif base_class == "delivery" and not purpose and verb_base in HEADCOUNT_VERBS:
        # "Hire 10 engineers", "Hire for each open role": headcount, a resource put in.
        object_head = _head_noun(tokens, after)
        stop = object_head[0] + 1 if object_head else after
        result["input"] = " ".join(tokens[verb_index or 0 : stop])
    elif (
        base_class == "delivery"
        and not purpose
        and tokens[after : after + 1] == ["to"]
        and (_amount_at(tokens, after + 1))
    ):
        verb_class = "change"  # "scale to $100k worth of work": a level to reach
    elif base_class == "delivery" and not purpose:
        count = _count_after(tokens, after, people_are_work=verb_base in CONTACT_VERBS)
        times = _TIMES.search(text)
        if count is None and times is not None:
            count = times.group(0)  # "conduct the NPS survey 2 times per quarter"
        if count is not None:
            result["count"] = count
        elif verb_base in _ADD_LIKE and _customer_object(tokens, after):
            verb_class = "acquire"  # "add 500 subscribers": customers, not work
        elif tokens[after : after + 1] == ["to"] and _amount_at(tokens, after + 1):
            verb_class = "change"  # "scale to $100k worth of work": a level to reach
        elif _measured_change_object(tokens, after):
            verb_class = "change"  # "Deliver a 20% reduction in onboarding time"
        elif (measurable or _amount_at(tokens, after)) and _metric_object(tokens, after):
            # "Deliver p90 latency under 20 s", "Make £15k recurring revenue a month": the
            # verb only introduces a measure of the world.
            verb_class = "change"
    if (
        base_class == "change"
        and verb_base in _MORE_VERBS
        and [w for w in tokens[after : after + 3] if w not in ("the", "our", "my")][:1]
        in (["team"], ["headcount"], ["staff"], ["workforce"])
    ):
        # "Grow the team to 8 engineers": headcount, a resource put in.
        result["input"] = " ".join(tokens[verb_index or 0 : after + 2])
    if (
        base_class == "change"
        and verb_base in _IMPROVE_VERBS
        and not numbers
        and "output_metric" not in result
    ):
        artifact = next((w for w in tokens[after : after + 4] if w in ARTIFACT_NOUNS), None)
        if artifact is not None:
            # "Improve the PRD template": reworking one of our own things, with no measure.
            verb_class = "delivery"
    if (
        verb_index == 0
        and verb is not None
        and verb != verb_base
        and _is_participle(verb)
        and any(
            w in WORLD_VERBS or w in _REPORTING
            for k, w in enumerate(tokens[1:], start=1)
            if tokens[k - 1] in _RELATIVE
        )
    ):
        # "Approved drafts that reach the platform": a participle names which things; what
        # they then do is the measure.
        verb_class = base_class = "world"
    if (
        reading is None
        and verb_index == 0
        and not numbers
        and base_class in ("change", "delivery")
        and verb is not None
        and verb != verb_base
        and _is_participle(verb)
        and _thing_after(tokens, after, table)
        and not result
    ):
        # "Improved error messages in the CLI", "Redesigned settings page": a deliverable
        # named by what was done to it.
        reading, phrase, verb_class = "thing", " ".join(tokens[:4]), "delivery"
    if reading is None and (verb_class or "").removeprefix("passive-") == "delivery":
        reading = "verb"
        phrase = verb_base if verb_base else verb
    return Wording(
        text=statement,
        verb=verb,
        verb_base=verb_base,
        verb_class="delivery" if reading in ("state", "thing", "capability") else verb_class,
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
        reading=reading,
        phrase=phrase,
        # A reach clause measures the work before it: one KR, not a bundle.
        compound=None if purpose else _compound(text, table),
    )


_ADD_LIKE = ADD_LIKE
_PARENTHESES = re.compile(r"\([^)]*\)")
_DURATION = re.compile(
    r"\b\d+(?:[.,]\d+)?\s?(?:s|sec|secs|seconds?|min|mins|minutes?|h|hrs?|hours?|days?|weeks?|"
    r"months?|ms)\b|\b(?:a|an|one) (?:minute|hour|day|week)\b"
)
# A service level: how fast or how reliably something happens.
_SERVICE_LEVEL = re.compile(
    r"\b(?:within|in under|in less than|in no more than|no more than|in at most|under|below)"
    r"\s+\d+(?:[.,]\d+)?\s?(?:s|sec|seconds?|min|minutes?|h|hours?|days?|business days|weeks?|ms)\b"
)
_TIMES = re.compile(r"\b\d+ times\b(?: (?:a|per|each|every) \w+)?")


_OBJECT_START = _words("the a an our its their your this these those")
_PARTICLES = _words("up down out in off on into")
# Words that open a statement without being a verb: quantifiers, adverbs of degree, pronouns.
_NOT_A_VERB = _words(
    """
    all every each only most some any both half no none more less fewer many much new our
    their its my your this that these those there here it we they he she you one first last
    next top main key core same other such very
    """
)


# Endings that mark an adjective or a noun rather than a verb ("Stable ...", "Security ...").
_ADJECTIVE_ENDINGS = (
    "ful", "ous", "ive", "able", "ible", "al", "ic", "ish", "less", "est", "ary", "ory", "ent",
    "ant", "ity", "ness", "ment", "tion", "sion", "ship", "ism", "ist", "er", "or", "y",
    "ance", "ence",
)  # fmt: skip


def _ours(word: str) -> bool:
    """One of the team's own things: a document, a tool, a system part, an activity."""
    single = _singular(word)
    return (
        word in ARTIFACT_NOUNS
        or word in DELIVERABLE_NOUNS
        or single in DELIVERABLE_NOUNS
        or word in SYSTEM_NOUNS
        or _is_activity(word)
    ) and not (word in CUSTOMER_NOUNS or single in CUSTOMER_NOUNS)


_SPECIFYING = re.compile(
    # "(50k+ nodes)": brackets specify the thing; "with 100+ entity instances", "for the top
    # 5 alerts": a number inside the thing's own phrase says which or how big it is.
    r"\([^)]*\)|(?P<join>\b(?:with|for|of|from|covering)\s+)(?:the\s+)?(?:top\s+|first\s+)?"
    r"\d+\+?\s+(?!%|percent)(?=[a-z])"
    # "Automatic cleanup of temp assets after 7 days": when a built-in behaviour happens.
    r"|\bafter\s+\d+\s+(?:days?|hours?|minutes?|weeks?|months?)\b"
)


def _specifying_numbers_removed(text: str) -> str:
    """The statement without numbers that only specify a named thing."""
    return _SPECIFYING.sub(lambda m: m.group("join") or " ", text)


# Words that say how a designed behaviour happens: "rejected with a clear error",
# "handled via chunking", "detected early", "topped up automatically".
_MANNER = _words(
    "via with automatically early correctly gracefully safely consistently properly reliably "
    "immediately instantly cleanly silently"
)


def _designed_behaviour(tokens: list[str], table: dict[str, tuple[str, str]]) -> str | None:
    """'Non-PDF files rejected with a clear error', 'PDFs over 50 pages handled via chunking':
    things (not people) with a participle and the manner of it, a behaviour the team builds
    into its product. Without a manner ('Claims published', 'Runs lost to failures') such a
    headline names a count to watch, not a deliverable."""
    for k, word in enumerate(tokens[1:8], start=1):
        if word in _AUXILIARIES or word in ("that", "which", "who", "and", "or"):
            return None
        present = word.endswith("s") and (word in WORLD_VERBS or word in _RUNS)
        if not (word.endswith("ed") or word in IRREGULAR_PARTICIPLES or word in _CAUGHT or present):
            continue
        rest = tokens[k + 1 : k + 3]
        if present and not (rest[:1] in (["only"],) or (rest and rest[0] in _MANNER - {"with"})):
            continue
        if rest[:1] == ["up"]:
            rest = tokens[k + 2 : k + 4]  # "topped up automatically"
        manner = bool(rest) and (
            rest[0] in _MANNER
            # "Agent execution occurs only inside a disposable VM": a constraint built in.
            or (rest[0] == "only" and len(rest) > 1 and rest[1] in _PREPOSITIONS | _STOP)
        )
        if manner and rest[0] == "with":
            # "rejected with a clear error"; not "evangelised with all regions" (company).
            manner = len(rest) > 1 and rest[1] in _WITH_HOW
        if not manner:
            return None
        subject = tokens[:k]
        if _people(subject) or any(w in CUSTOMER_NOUNS or w in _PERSONS for w in subject):
            return None
        return " ".join(tokens[: k + 2])
    return None


_RUNS = _words("loads runs works behaves updates syncs refreshes saves")
_WITH_HOW = _words("a an clear meaningful helpful no zero proper useful friendly actionable")
_CAUGHT = _words("caught built made kept run held sent shown drawn")


def _unknown_participle(tokens: list[str], table: dict[str, tuple[str, str]]) -> str | None:
    """'Catalog fully merchandised', 'Synth export normalised to target loudness': one of our
    own things, then a participle no lexicon lists. With no measure anywhere, the headline
    says what was done to the thing: a deliverable stated as done."""
    for k, word in enumerate(tokens[1:6], start=1):
        if word in _STOP or word in _RELATIVE or word in _AUXILIARIES:
            return None
        if not word.endswith("ed") or len(word) < 5 or word in table or _known_word(word):
            continue
        before = k - 1
        while before > 0 and tokens[before].endswith("ly"):
            before -= 1  # "fully", "automatically"
        subject = tokens[: before + 1]
        if not _ours(subject[-1]) or _people(subject):
            return None
        return " ".join(tokens[: k + 1])
    return None


def _later_work(tokens: list[str], table: dict[str, tuple[str, str]]) -> str | None:
    """'Embed the Figma file and add an export guide': a later part of the statement opens
    with a delivery verb and its object, so the statement bundles work (no measure anywhere)."""
    for k, word in enumerate(tokens[2:], start=2):
        if tokens[k - 1] not in ("and", "&", ";", "then", "+"):
            continue
        found = table.get(word)
        if (
            found is not None
            and found[0] == "delivery"
            and word == found[1]
            and k + 1 < len(tokens)
            and tokens[k + 1] not in _STOP
        ):
            return " ".join(tokens[k : k + 3])
    return None


def _activity_noun_phrase(tokens: list[str], table: dict[str, tuple[str, str]]) -> str | None:
    """'Social media campaign', 'Quarterly community challenge with prizes': a verbless
    statement naming one of our activities, with no measure and no people counted."""
    phrase = _noun_phrase(tokens, 0, table)
    if not phrase or not _is_activity(phrase[-1]) or phrase[-1] in REACH_NOUNS:
        return None
    if any(w in CUSTOMER_NOUNS or w in METRIC_NOUNS or w in INPUT_NOUNS for w in phrase):
        return None
    if any(w in METRIC_NOUNS for w in tokens):
        return None  # "Office hours and AMA attendance": a measure of who comes
    if any(_is_comparative(w) for w in phrase):
        return None
    return " ".join(phrase)


def _our_things_behave(tokens: list[str]) -> str | None:
    """'Examples and tutorials use recent versions of the libraries', 'The docs cover every
    command': the team's own things doing something, with no measure, state how they are
    once the work is done. Only a subject made of our things counts."""
    verb = next((k for k, w in enumerate(tokens[:8]) if w in _COVER), None)
    if verb is None or verb == 0:
        return None
    subject = [w for w in tokens[:verb] if w not in _DETERMINERS and w != "and"]
    if not subject or not _ours(subject[-1]):
        return None
    if any(w in CUSTOMER_NOUNS or _singular(w) in CUSTOMER_NOUNS for w in subject):
        return None
    words = tokens[: verb + 4]
    while words[-1] in _STOP:
        words.pop()  # "... use recent versions of": up to the last content word
    return " ".join(words)


# What a document or a tool does once written: its content, not its performance.
_COVER = _words(
    "use uses cover covers include includes contain contains explain explains describe "
    "describes link links point points reference references follow follows reflect reflects "
    "mention mentions list lists emit emits expose exposes support supports"
)


def _known_word(word: str) -> bool:
    """A word the lexicons already class (so not an unknown verb)."""
    return any(
        word in lexicon or _singular(word) in lexicon
        for lexicon in (
            ARTIFACT_NOUNS,
            DELIVERABLE_NOUNS,
            METRIC_NOUNS,
            CUSTOMER_NOUNS,
            ACTIVITY_NOUNS,
            MILESTONE_NOUNS,
            INPUT_NOUNS,
            TEAM_NOUNS,
            STATE_WORDS,
            WORLD_VERBS,
        )
    )


def _unknown_imperative(tokens: list[str], table: dict[str, tuple[str, str]]) -> str | None:
    """A verb no lexicon lists, read from its place: the first word, in the base form, right
    before its object ('Nurture the Discord community', 'Iron out bugs in the sync engine',
    'Codify our engineering principles'). Only for statements with no measure at all: an
    imperative that names no level to reach describes the team's work."""
    while tokens and tokens[0].endswith("ly") and tokens[0] not in table:
        tokens = tokens[1:]  # "Successfully store and retrieve high scores"
    if len(tokens) < 3:
        return None
    first = tokens[0]
    if (
        not first.isalpha()
        or first in table
        or first in _NOT_A_VERB
        or first in _STOP
        or first.endswith(("ing", "ed", "ly", "s"))
        or _known_word(first)
    ):
        return None
    if tokens[1] in _OBJECT_START:
        return first
    if tokens[1] in ("and", "&") and table.get(tokens[2], ("",))[0] == "delivery":
        return f"{first} and {tokens[2]}"  # "Furnish and set up the workspace"
    if (
        tokens[1] in ("and", "&", "or")
        and len(tokens) > 3
        and tokens[2].isalpha()
        and not _known_word(tokens[2])
        and tokens[2] not in _STOP
        and (tokens[3] in _OBJECT_START or tokens[3] not in _STOP)
        and not first.endswith(_ADJECTIVE_ENDINGS)
        and not tokens[2].endswith(_ADJECTIVE_ENDINGS)
    ):
        return f"{first} and {tokens[2]}"  # "Store and retrieve high scores via the API"
    second = tokens[1]
    if (
        not first.endswith(_ADJECTIVE_ENDINGS)
        and second.isalpha()
        and second.endswith("s")
        and not second.endswith(("ss", "us", "is"))
        and second not in _STOP
        and not _known_word(second)
        and len(first) > 3
    ):
        return first  # "Cultivate relationships with ...": a plural object right after it
    if (
        tokens[1] in _PARTICLES
        and (tokens[2] in _OBJECT_START or tokens[2] not in _STOP)
        and not first.endswith(("ance", "ence", "ity", "ness", "ment", "tion", "sion", "ism"))
    ):  # "Variance in ...": a noun, not "Iron out ..."
        return f"{first} {tokens[1]}"
    return None


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
_IMPROVE_VERBS = _words("improve enhance optimise optimize upgrade update strengthen expand extend")


_PUT_IN = _words("dedicated allocated spent invested assigned committed devoted put")
_WORKERS = _words(
    """
    staff engineering team developer volunteer training man person employee
    """
)


def _input_metric(tokens: list[str], verb_index: int | None) -> str | None:
    """Resources put in: 'staff hours dedicated', 'marketing budget', '30 minutes of cardio'."""
    start = (verb_index + 1) if verb_index is not None else 0
    window = tokens[start : start + 8]
    for k, w in enumerate(window):
        if w not in INPUT_NOUNS:
            continue
        before, after = window[k - 1 : k], window[k + 1 : k + 2]
        if after in (["who"], ["whose"]):
            continue  # "Staff who feel the schedule is fair": people, then what they do
        if w in ("hours", "hour", "minutes"):
            # Hours are an input when someone puts them in; "resolution time of 12 hours" or
            # "hours to resolve" measure a result.
            put_in = (after and after[0] in _PUT_IN) or (before and before[0] in _WORKERS)
            of_activity = k <= 1 and after in (["of"], ["in"], ["on"]) and start == 0
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
    if _changes(text):
        return None  # "Sessions per user per week increase from 2.1 to 3": a measure
    return " ".join(tokens[: head[0] + 1])


_SCHEDULE = re.compile(
    r"\b(?:(?:\d+|once|twice)(?: or more)? (?:times? )?(?:a |per |each |every )?"
    r"(?:day|week|month|quarter|weekly|daily|monthly)|"
    r"once (?:a|per|every) \w+|twice (?:a|per|every) \w+|"
    r"every (?:day|week|month|quarter|sprint|change|release|morning|evening))\b"
)


def _habit(text: str, tokens: list[str]) -> str | None:
    """'Work out 3 or more times weekly', 'Read one book every month', 'Use pre-commit on
    every change': something we do on a schedule, stated with its verb first and no measure
    of anyone else. The schedule counts the doing, not an effect."""
    schedule = _SCHEDULE.search(text)
    if schedule is None or len(tokens) < 3:
        return None
    # "at least 3 times per week": the number belongs to the schedule, not to a measure.
    before = re.sub(
        r"\b(?:at least|at most|more than|no less than|over|≥|>=)\s*$", "", text[: schedule.start()]
    )
    if _CHANGE_PATTERN.search(before + " " + text[schedule.end() :]):
        return None
    first = tokens[0]
    if (
        not first.isalpha()
        or first in _NOT_A_VERB
        or first in _STOP
        or first.endswith(("ly", "ing", "s"))
        or (_known_word(first) and first not in WORLD_VERBS)  # "use", "work": verbs first
        or schedule.start() <= len(first) + 1  # "Breakeven every month": no doing named
        or any(
            w in METRIC_NOUNS or w in CUSTOMER_NOUNS
            for w in _tokens(text[: schedule.start()] + " " + text[schedule.end() :])
        )
    ):
        return None
    return text[: schedule.end()]


def _activity_phrase(tokens: list[str], table: dict[str, tuple[str, str]]) -> str | None:
    """A verbless statement about the team's own activities with a count: 'Talks at 5
    conferences or meetups', 'Our speakers at 5 large conferences'."""
    start = 0
    while start < len(tokens) and tokens[start] in _DETERMINERS:
        start += 1
    phrase = _noun_phrase(tokens, start, table)
    if not phrase or not _is_activity(phrase[-1]):
        return None
    rest = tokens[start + len(phrase) : start + len(phrase) + 4]
    if rest[:1] not in (["at"], ["in"], ["on"], ["across"], ["for"], ["with"]):
        return None  # "Hiring managers report that ...": a sentence, not a list of our work
    number = next((k for k, w in enumerate(rest) if w[:1].isdigit()), None)
    if number is None or any(w in CUSTOMER_NOUNS or w in METRIC_NOUNS for w in phrase):
        return None
    end = start + len(phrase) + number + 1
    head = _head_noun(tokens, end)
    return " ".join(tokens[start : (head[0] + 1) if head else end])


_COUNT_ENDS = _words("per in with for on at across by during this each every") | {""}


def _leading_count(tokens: list[str]) -> str | None:
    """A verbless statement that opens with a count of activities: '12 webinars per quarter'."""
    if not tokens or not re.fullmatch(r"\d+(?:[.,]\d+)*", tokens[0]):
        return None
    if tokens[1:2] == ["%"]:
        return None  # "100% check-in completion rate": a share, a rate of what others do
    for k in range(1, min(len(tokens), 5)):
        word = tokens[k]
        nxt, then = [*tokens[k + 1 : k + 3], "", ""][:2]
        if word in CUSTOMER_NOUNS and _is_activity(nxt) and then in _COUNT_ENDS:
            continue  # "20 customer interviews": the customers say whose interviews
        if word in CUSTOMER_NOUNS or word in METRIC_NOUNS or word in REACH_NOUNS or word in _STOP:
            return None
        # "12 webinars", "2 launched use cases", "2 stable SDKs": things the team makes.
        made = _is_participle(word) and _verb_table().get(word, ("",))[0] == "delivery"
        if _is_activity(word) or (made and k == 1) or _singular(word) in DELIVERABLE_NOUNS:
            return " ".join(tokens[: k + 1])
    return None
