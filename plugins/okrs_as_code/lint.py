"""The coaching linter: rules over an OKR set or a single KR statement.

Every finding is a `Diagnostic` with the rule's code, name, severity, a message that says what
to write instead, the glossary term it teaches, and `subject`: the page path of what it is
about without the trailing slash (`<cycle>/<team>/<objective>`,
`<cycle>/<team>/<objective>/key-results/<kr>`, `<cycle>/<team>/<objective>/initiatives/<id>`).
Findings acknowledged with `accept: {CODE: reason}` carry the reason in `accepted`; an
objective's `accept` also covers its key results and initiatives.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .diagnostics import Diagnostic, Loc, Severity
from .progress import kr_kind
from .rules import lint_rules
from .urls import initiative_path, kr_path, objective_path
from .urls import subject as page_subject
from .wording import Wording, analyse

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

    from .config import LintConfig
    from .model import Cycle, KeyResult, Objective, OkrSet

# Rules that a learning objective expects to fire: there they only inform.
LEARNING_INFO = frozenset({"OKR101", "OKR102", "OKR103"})
OUTPUT_FAMILY = frozenset({"OKR101", "OKR102", "OKR103", "OKR108"})
# Findings only `okrs diff` can make: an `accept:` of them is never unused in a lint run.
DIFF_ONLY = frozenset({"OKR302", "OKR303"})
_YEAR_OR_PERIOD = re.compile(r"^(?:19|20)\d{2}$")


@dataclass(frozen=True, slots=True)
class _Raw:
    """A finding before configuration, context and acknowledgements are applied."""

    code: str
    loc: Loc
    args: Mapping[str, object]


def statement_findings(w: Wording) -> list[tuple[str, dict[str, object]]]:
    """The text rules (OKR101-103, 105-109) that fire on an analysed statement, with the
    values their messages need. OKR104 depends on structured fields and is decided by the
    caller."""
    found: list[tuple[str, dict[str, object]]] = []
    if w.binary:
        found.append(("OKR103", {"phrase": _original(w.text, w.binary)}))
    if w.input:
        found.append(("OKR108", {"phrase": _original(w.text, w.input)}))
    if w.count or w.output_metric:
        found.append(("OKR102", {"count": _original(w.text, w.count or w.output_metric or "")}))
    delivery = (w.verb_class or "").removeprefix("passive-") == "delivery"
    if delivery and not w.purpose and not found:
        verb = w.verb_base if w.reading == "verb" and w.verb_base else w.verb
        found.append(
            (
                "OKR101",
                {
                    "reading": w.reading or "verb",
                    "verb": verb,
                    "phrase": _original(w.text, w.phrase or verb or ""),
                },
            )
        )
    if w.kpi:
        found.append(("OKR105", {}))
    if w.outside:
        found.append(("OKR106", {"phrase": _original(w.text, w.outside)}))
    if w.far:
        found.append(("OKR107", {"metric": _original(w.text, w.far)}))
    if w.compound:
        found.append(("OKR109", {"phrase": _original(w.text, w.compound)}))
    return found


def _original(text: str, phrase: str) -> str:
    """`phrase` as the statement writes it (case and spelling), when it can be found."""
    # Number words became digits in the analysis, so the phrase is not always in the text.
    # Compounds were joined with a hyphen ("day to day" -> "day-to-day"), so a hyphen in the
    # phrase may stand for a space in the text.
    pattern = re.escape(phrase).replace(r"\ ", r"\s+").replace(r"\-", r"[-\s]+")
    match = re.search(pattern, text, re.IGNORECASE)
    return phrase if match is None else match.group(0)


def _numbers_in_title(title: str) -> str | None:
    """The first number in an objective title that is not a year, a quarter or a rank."""
    # Digits only: "in one conversation" or "a second home" are words, not targets.
    for match in re.finditer(
        r"(?<![\w#/])(?:[$€£¥]\s?)?\d+(?:[.,]\d+)*(?:\s?(?:%|percent|k|m|bn|x)\b|%)?", title.lower()
    ):
        value = match.group(0)
        if _YEAR_OR_PERIOD.match(value) or title[max(0, match.start() - 1) : match.start()] in (
            "Q",
            "H",
        ):
            continue
        return value.strip()
    return None


def _kr_findings(kr: KeyResult, config: LintConfig) -> Iterator[_Raw]:
    title_loc = kr.loc_of("title")
    wording = analyse(kr.title, config.output_verbs)
    found = statement_findings(wording)
    codes = {code for code, _ in found}
    if (
        "OKR103" not in codes
        and kr.baseline in (0, 1)
        and kr.target in (0, 1)
        and kr.baseline != kr.target
        and kr.unit in (None, "", "yes/no", "bool")
    ):
        found.append(("OKR103", {"phrase": f"{kr.baseline:g} -> {kr.target:g}"}))
        codes.add("OKR103")
    if kr_kind(kr) == "reported" and not codes & OUTPUT_FAMILY:
        # Percent complete is how far a piece of work has got: the KR measures a deliverable
        # whatever its wording says (DESIGN section 4).
        found.append(("OKR101", {"reading": "progress"}))
        codes.add("OKR101")
    measurable = kr.baseline is not None and kr.target is not None
    # A threshold ("at least 5x") or a target measured from the first check-in needs no
    # baseline written down, and a relative target states its own change.
    if kr.target is None and kr.target_change is None and not codes & OUTPUT_FAMILY:
        found.append(("OKR104", {}))
    if "OKR105" not in codes and measurable and kr.baseline == kr.target:
        found.append(("OKR105", {}))
    if kr.proxy_for is not None:
        found = [(c, a) for c, a in found if c != "OKR107"]
    for code, args in found:
        yield _Raw(code, title_loc, args)


def _stale(kr: KeyResult, cycle: Cycle, on: dt.date, limit: int) -> _Raw | None:
    if not cycle.is_active(on):
        return None
    last = kr.last_checkin
    since = last.date if last is not None else cycle.start
    days = (on - since).days
    if days <= limit:
        return None
    loc = last.loc if last is not None else kr.loc_of("title")
    return _Raw("OKR301", loc, {"days": days, "limit": limit})


# Teams grade a cycle in the weeks after it ends (the end-of-cycle review); a check-in in that
# window is part of the cycle. Real OKR sets put their final grades up to a month after the end.
REVIEW_DAYS = 31


def _checkin_dates(kr: KeyResult, cycle: Cycle) -> Iterator[_Raw]:
    """OKR304: a second check-in on one date, or one dated after the cycle's review window."""
    span = {"start": cycle.start.isoformat(), "end": cycle.end.isoformat()}
    # A cycle may end on 9999-12-31, the last day a date can hold.
    review_end = (
        cycle.end + dt.timedelta(days=REVIEW_DAYS)
        if cycle.end <= dt.date.max - dt.timedelta(days=REVIEW_DAYS)
        else dt.date.max
    )
    previous = None
    for checkin in kr.checkins:  # in date order
        if previous is not None and checkin.date == previous:
            detail = f"A second check-in on {checkin.date}"
            yield _Raw("OKR304", checkin.loc, {"detail": detail, **span})
        elif checkin.date > review_end:
            detail = (
                f"Check-in dated {checkin.date}, more than {REVIEW_DAYS} days after the end of "
                f"cycle {cycle.id}"
            )
            yield _Raw("OKR304", checkin.loc, {"detail": detail, **span})
        previous = checkin.date


def lint_okrs(okrs: OkrSet, config: LintConfig) -> list[Diagnostic]:
    """Every finding of the enabled rules over the whole OKR set, sorted by file and line."""
    on = config.today()
    out: list[Diagnostic] = []
    for objective in okrs.objectives():
        cycle = okrs.organization.cycle(objective.cycle)
        groups: list[tuple[str, Mapping[str, str], list[_Raw], Loc]] = []
        raws: list[_Raw] = []
        number = _numbers_in_title(objective.title)
        if number is not None:
            raws.append(_Raw("OKR201", objective.loc_of("title"), {"number": number}))
        count = len(objective.key_results)
        if count < 2 or count > 5:
            raws.append(_Raw("OKR202", objective.loc_of("key_results"), {"count": count}))
        groups.append(
            (
                page_subject(objective_path(objective)),
                objective.accept,
                raws,
                objective.loc_of("accept"),
            )
        )
        for kr in objective.key_results:
            kr_raws = list(_kr_findings(kr, config))
            if cycle is not None:
                stale = _stale(kr, cycle, on, config.stale_days)
                if stale is not None:
                    kr_raws.append(stale)
                kr_raws.extend(_checkin_dates(kr, cycle))
            groups.append((page_subject(kr_path(kr)), kr.accept, kr_raws, kr.loc_of("accept")))
        for initiative in objective.initiatives:
            if not initiative.key_results:
                raw = _Raw("OKR203", initiative.loc_of("id"), {})
                groups.append(
                    (page_subject(initiative_path(initiative)), {}, [raw], initiative.loc)
                )
        out.extend(_finish(objective, groups, config))
    return sorted(out, key=lambda d: d.sort_key)


def _finish(
    objective: Objective,
    groups: list[tuple[str, Mapping[str, str], list[_Raw], Loc]],
    config: LintConfig,
) -> Iterator[Diagnostic]:
    """Apply configuration, the learning context and acknowledgements; report stale ones."""
    rules = lint_rules()
    used: set[tuple[int, str]] = set()
    objective_accept = objective.accept
    for index, (subject, accept, raws, _) in enumerate(groups):
        for raw in raws:
            if not config.enabled(raw.code):
                continue
            rule = rules[raw.code]
            severity = config.severity.get(raw.code, rule.severity)
            if objective.type == "learning" and raw.code in LEARNING_INFO:
                severity = Severity.INFO
            reason = accept.get(raw.code)
            if reason is not None:
                used.add((index, raw.code))
            elif raw.code in objective_accept:
                reason = objective_accept[raw.code]
                used.add((0, raw.code))
            yield Diagnostic(
                loc=raw.loc,
                code=raw.code,
                name=rule.name,
                message=rule.message_for(raw.args),
                severity=severity,
                term=rule.term,
                accepted=reason,
                subject=subject,
            )
    if not config.enabled("OKR401"):
        return
    rule = rules["OKR401"]
    for index, (subject, accept, _, loc) in enumerate(groups):
        for code in accept:
            if (
                (index, code) in used
                or code in DIFF_ONLY
                or (code in rules and code != "OKR401" and not config.enabled(code))
            ):
                continue
            yield Diagnostic(
                loc=loc,
                code="OKR401",
                name=rule.name,
                message=rule.message.format(code=code),
                severity=config.severity.get("OKR401", rule.severity),
                term=rule.term,
                subject=subject,
            )


def lint_statement(
    text: str, config: LintConfig, objective_type: str = "committed"
) -> list[Diagnostic]:
    """Coach one KR statement before it is written: the text rules, and OKR104 when the
    wording states no measurable change."""
    rules = lint_rules()
    wording = analyse(text, config.output_verbs)
    found = statement_findings(wording)
    if not wording.measurable and not {c for c, _ in found} & OUTPUT_FAMILY:
        found.append(("OKR104", {}))
    out = []
    for code, args in found:
        if not config.enabled(code):
            continue
        rule = rules[code]
        severity = config.severity.get(code, rule.severity)
        if objective_type == "learning" and code in LEARNING_INFO:
            severity = Severity.INFO
        out.append(
            Diagnostic(
                loc=Loc("<text>"),
                code=code,
                name=rule.name,
                message=rule.message_for(args),
                severity=severity,
                term=rule.term,
            )
        )
    return out
