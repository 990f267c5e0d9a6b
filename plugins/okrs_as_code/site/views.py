"""What templates show: links, objectives and key results with their progress, numbers in words.

Views are built once per build and shared by every page that shows them; a URL in a view is
relative to the site root, and templates put the page's `root` (`../../`) in front of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime as dt

    from markupsafe import Markup

    from ..diagnostics import Diagnostic
    from ..model import Cycle, Initiative, KeyResult, Objective, Team
    from ..progress import Progress

_CURRENCIES = ("€", "$", "£", "¥", "CHF")


def format_number(value: float) -> str:
    """A number as people write it: 38,000, 92.1, 7.45 (no trailing zeros, at most 3 decimals)."""
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    text = f"{value:,.3f}".rstrip("0").rstrip(".")
    return text if text not in ("-0", "") else "0"


def format_value(value: float | None, unit: str | None) -> str | None:
    """A value with its unit: 92.1%, €7.45, €3.18M, 41 points; None stays None."""
    if value is None:
        return None
    number = format_number(value)
    if not unit:
        return number
    if unit == "%":
        return f"{number}%"
    for symbol in _CURRENCIES:
        if unit.startswith(symbol) and len(unit) <= len(symbol) + 2:
            # €, €M, $k: the symbol goes first, a magnitude letter after the number; amounts
            # with cents keep both digits (€7.70, not €7.7).
            if value != int(value) and len(unit) == len(symbol) and round(value, 2) == value:
                number = f"{value:,.2f}"
            return f"{symbol}{number}{unit[len(symbol) :]}"
    return f"{number} {unit}"


def format_confidence(confidence: float | None) -> str | None:
    """Confidence as written in check-ins (0.0 to 1.0), two decimals at most."""
    return None if confidence is None else f"{confidence:.2f}".rstrip("0").rstrip(".")


@cache  # Check-ins share their dates; strftime is slow enough to matter on every page.
def format_date(day: dt.date) -> str:
    """A date as `20 Nov 2026`."""
    return f"{day.day} {day:%b %Y}"


def format_span(cycle: Cycle) -> str:
    """A cycle's dates as `1 Oct – 31 Dec 2026`."""
    if cycle.start.year == cycle.end.year:
        return f"{cycle.start.day} {cycle.start:%b} – {format_date(cycle.end)}"
    return f"{format_date(cycle.start)} – {format_date(cycle.end)}"


@dataclass(frozen=True, slots=True)
class Link:
    """A link to a page; without a URL it is the placeholder for a confidential objective."""

    title: str
    url: str | None
    kind: str = ""
    """What the target is, in words (objective, key result, team...)."""
    context: str = ""
    """Where the target lives, in words (its team, its objective)."""


CONFIDENTIAL = Link("confidential objective", None, "confidential objective")


@dataclass(frozen=True, slots=True)
class StatusNote:
    """The latest status sentence of a key result, with its date."""

    note: Markup
    date: str
    iso: str


@dataclass(frozen=True, slots=True)
class KeyResultView:
    """A key result with its URL, progress and values in words."""

    kr: KeyResult
    url: str
    progress: Progress
    baseline: str | None
    """The start value: the baseline, or the first check-in's value (`start_label` says which)."""
    target: str | None
    """The value to reach, with `at least`/`at most` for thresholds."""
    current: str | None
    findings: int
    """Open (unacknowledged) lint findings on it."""
    start_label: str = "Baseline"
    goal: str | None = None
    """The target in words as written: "at least 5", "+25% (120)", "1.5%"."""
    status: StatusNote | None = None
    owner_team: Link | None = None
    """The team that owns the KR when it is not the objective's team."""

    @property
    def kind(self) -> str:
        """The kind of progress: metric, threshold, reported, graded, pending or none."""
        return self.progress.kind


@dataclass(frozen=True, slots=True)
class ObjectiveView:
    """An objective with its URL, team, progress and key results."""

    objective: Objective
    url: str
    team: Team
    team_url: str
    progress: Progress
    key_results: tuple[KeyResultView, ...]
    findings: int
    """Open lint findings on the objective and its key results and initiatives."""


@dataclass(frozen=True, slots=True)
class InitiativeView:
    """An initiative with its URL and the key results it aims to move."""

    initiative: Initiative
    url: str
    key_results: tuple[Link, ...]


@dataclass(frozen=True, slots=True)
class FindingView:
    """A lint finding as a page shows it: what it is about and where to learn more."""

    diagnostic: Diagnostic
    subject: Link | None
    term_url: str | None
    """The glossary entry of the term it teaches."""
    rule_url: str
    """The rule's explanation on the review page."""
    where: str
    """file:line of the YAML it is about."""


@dataclass(frozen=True, slots=True)
class TeamView:
    """A team in a cycle: link, objectives and their average progress."""

    team: Team
    url: str
    objectives: tuple[ObjectiveView, ...]
    percent: int | None
    """Average progress of its objectives that have one."""
    health: dict[str, int]
    """How many of its objectives are in each health state."""
    owned: tuple[KeyResultView, ...] = ()
    """Key results it owns inside other teams' objectives."""


@dataclass(frozen=True, slots=True)
class CycleView:
    """A cycle: link, dates, state on the build date, and totals."""

    cycle: Cycle
    url: str
    span: str
    state: str
    """running, closed or upcoming."""
    elapsed: int
    """Percentage of the cycle elapsed."""
    day: int
    days: int
    objectives: int
    key_results: int
    teams: int
    percent: int | None
    """Average progress of the cycle's objectives."""
    score: float | None
    """Average score of the objectives, once closed."""
    health: dict[str, int]
    """How many key results are in each health state."""
    measured: int = 0
    """Key results with a progress figure."""
    graded: int = 0
    """Key results with a score (a team grade or a computed one), once closed."""
    starts: str = ""


@dataclass(frozen=True, slots=True)
class AlignmentNode:
    """An objective in a cycle's alignment tree, with what aligns with it."""

    view: ObjectiveView
    via: tuple[Link, ...]
    """The parent's key results this objective (or one of its KRs) aligns with."""
    also: tuple[Link, ...]
    """Other objectives it aligns with, shown elsewhere in the tree."""
    children: tuple[AlignmentNode, ...]


@dataclass(frozen=True, slots=True)
class TermView:
    """A glossary entry as the glossary page shows it."""

    term: str
    slug: str
    definition: Markup
    aliases: tuple[str, ...]
    avoid: str | None
    prefer: str | None
    see_also: tuple[Link, ...]
    rules: tuple[Link, ...]
    """The lint rules that teach this term."""


@dataclass(frozen=True, slots=True)
class RuleView:
    """A lint rule on the review page: its explanation and its findings."""

    code: str
    name: str
    summary: str
    severity: str
    why: str
    example: str
    better: str
    fix: Markup
    term: Link | None
    open: tuple[FindingView, ...]
    accepted: tuple[FindingView, ...]
    enabled: bool
