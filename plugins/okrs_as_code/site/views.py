"""What templates show: links, objectives and key results with their progress, numbers in words.

Views are built once per build and shared by every page that shows them; a URL in a view is
relative to the site root, and templates put the page's `root` (`../../`) in front of it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from ..model import Objective
from ..progress import as_of, kr_progress, objective_progress
from ..urls import (
    cycle_path,
    initiative_path,
    kr_path,
    kr_path_of,
    objective_path,
    page_url,
    team_path,
)

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable

    from markupsafe import Markup

    from ..diagnostics import Diagnostic
    from ..model import Cycle, Initiative, KeyResult, Team
    from ..progress import Health, Progress
    from .findings import FindingIndex
    from .markup import DataMarkdown
    from .relations import Relations

HEALTH_ORDER: tuple[Health, ...] = (
    "off_track",
    "at_risk",
    "on_track",
    "not_started",
    "closed",
    "no_data",
)

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
    scores: dict[str, int] = field(default_factory=dict)
    """Once closed: how many key results scored high (0.7+), mid (0.4-0.6) and low."""


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
    why: Markup
    example: str
    better: str
    fix: Markup
    term: Link | None
    open: tuple[FindingView, ...]
    accepted: tuple[FindingView, ...]
    enabled: bool


class Links:
    """URLs and links to published pages; the placeholder for confidential ones."""

    def __init__(self, rel: Relations, *, directory_urls: bool = True) -> None:
        self.rel = rel
        self.directory_urls = directory_urls

    def url(self, path: str) -> str:
        """The URL of a page path, relative to the site root."""
        return page_url(path, directory_urls=self.directory_urls)

    def link(self, path: str) -> Link:
        """A link to the page at `path`; the placeholder when it is confidential."""
        if self.rel.is_hidden(path):
            return CONFIDENTIAL
        objective = self.rel.objective_at.get(path)
        if objective is not None:
            return Link(
                objective.title, self.url(path), "objective", self.rel.team_of[objective.team].name
            )
        kr = self.rel.kr_at.get(path)
        if kr is not None:
            return Link(kr.title, self.url(path), "key result", self.rel.team_of[kr.team].name)
        initiative = self.rel.initiative_at.get(path)
        if initiative is not None:
            return Link(
                initiative.title,
                self.url(path),
                "initiative",
                self.rel.team_of[initiative.team].name,
            )
        return Link(path.rstrip("/"), None, "")

    def aligned(self, items: Iterable[Objective | KeyResult | None]) -> list[Link]:
        links = []
        for item in items:
            if item is None:
                links.append(CONFIDENTIAL)
            elif isinstance(item, Objective):
                links.append(self.link(objective_path(item)))
            else:
                links.append(self.link(kr_path(item)))
        return links


class Views:
    """The views of published objectives, key results, teams and cycles, each built once."""

    def __init__(
        self,
        rel: Relations,
        links: Links,
        findings: FindingIndex,
        markdown: DataMarkdown,
        *,
        on: dt.date,
    ) -> None:
        self.rel = rel
        self.org_cycles = {c.id: c for c in rel.cycles}
        self.links = links
        self.findings = findings
        self.markdown = markdown
        self.on = on
        self._kr_views: dict[str, KeyResultView] = {}
        self._objective_views: dict[str, ObjectiveView] = {}
        self._team_views: dict[tuple[str, str], TeamView] = {}
        self._cycle_views: dict[str, CycleView] = {}

    def cycle(self, cycle_id: str) -> Cycle:
        """The cycle with this id (every published record names an existing one)."""
        return self.org_cycles[cycle_id]

    def kr_view(self, kr: KeyResult) -> KeyResultView:
        """The view of a published key result."""
        path = kr_path(kr)
        view = self._kr_views.get(path)
        if view is None:
            note = kr.last_note
            owner_team = None
            if kr.owner_team and kr.owner_team != kr.team:
                team = self.rel.team_of[kr.owner_team]
                owner_team = Link(team.name, self.links.url(team_path(kr.cycle, team.id)), "team")
            view = KeyResultView(
                kr=kr,
                url=self.links.url(path),
                progress=kr_progress(kr, self.cycle(kr.cycle), self.on),
                baseline=format_value(kr.start_value, kr.unit),
                target=format_value(kr.goal, kr.unit),
                current=format_value(as_of(kr, self.on).current, kr.unit),
                findings=self.findings.open_counts.get(path, 0),
                start_label="Baseline" if kr.baseline is not None else "First check-in",
                goal=_goal_text(kr),
                status=StatusNote(
                    self.markdown.inline(note.note), format_date(note.date), note.date.isoformat()
                )
                if note is not None and note.note
                else None,
                owner_team=owner_team,
            )
            self._kr_views[path] = view
        return view

    def objective_view(self, objective: Objective) -> ObjectiveView:
        """The view of a published objective."""
        path = objective_path(objective)
        view = self._objective_views.get(path)
        if view is None:
            team = self.rel.team_of[objective.team]
            view = ObjectiveView(
                objective=objective,
                url=self.links.url(path),
                team=team,
                team_url=self.links.url(team_path(objective.cycle, team.id)),
                progress=objective_progress(objective, self.cycle(objective.cycle), self.on),
                key_results=tuple(self.kr_view(kr) for kr in objective.key_results),
                findings=self.findings.objective_counts.get(path, 0),
            )
            self._objective_views[path] = view
        return view

    def team_view(self, cycle: str, team: Team) -> TeamView:
        """The view of a team in a cycle."""
        view = self._team_views.get((cycle, team.id))
        if view is None:
            objectives = tuple(
                self.objective_view(o) for o in self.rel.by_team.get((cycle, team.id), [])
            )
            percents = [o.progress.percent for o in objectives if o.progress.percent is not None]
            view = TeamView(
                team=team,
                url=self.links.url(team_path(cycle, team.id)),
                objectives=objectives,
                percent=round(sum(percents) / len(percents)) if percents else None,
                health=count_health(o.progress for o in objectives),
                owned=tuple(
                    self.kr_view(kr) for kr in self.rel.owned_elsewhere.get((cycle, team.id), [])
                ),
            )
            self._team_views[(cycle, team.id)] = view
        return view

    def cycle_view(self, cycle: Cycle) -> CycleView:
        """The view of a cycle: its state on the build date and its totals."""
        view = self._cycle_views.get(cycle.id)
        if view is None:
            objectives = [self.objective_view(o) for o in self.rel.objectives[cycle.id]]
            krs = [kr for o in objectives for kr in o.key_results]
            percents = [o.progress.value for o in objectives if o.progress.value is not None]
            scores = [o.progress.score for o in objectives if o.progress.score is not None]
            if cycle.is_closed(self.on):
                state = "closed"
            elif cycle.is_active(self.on):
                state = "running"
            else:
                state = "upcoming"
            days = (cycle.end - cycle.start).days + 1
            view = CycleView(
                cycle=cycle,
                url=self.links.url(cycle_path(cycle.id)),
                span=format_span(cycle),
                state=state,
                elapsed=round(cycle.elapsed(self.on) * 100),
                day=min(days, max(0, (self.on - cycle.start).days + 1)),
                days=days,
                objectives=len(objectives),
                key_results=len(krs),
                teams=len({o.team.id for o in objectives}),
                percent=round(100 * sum(percents) / len(percents)) if percents else None,
                score=round(sum(scores) / len(scores), 1) if scores else None,
                health=count_health(kr.progress for kr in krs),
                measured=sum(1 for kr in krs if kr.progress.raw is not None),
                graded=sum(1 for kr in krs if kr.progress.score is not None),
                starts=format_date(cycle.start),
                scores=_score_bands(kr.progress.score for kr in krs),
            )
            self._cycle_views[cycle.id] = view
        return view

    def initiative_view(self, initiative: Initiative) -> InitiativeView:
        """The view of a published initiative."""
        ids = (initiative.cycle, initiative.team, initiative.objective)
        return InitiativeView(
            initiative=initiative,
            url=self.links.url(initiative_path(initiative)),
            key_results=tuple(
                self.links.link(kr_path_of(*ids, kr)) for kr in initiative.key_results
            ),
        )


def count_health(progress: Iterable[Progress]) -> dict[str, int]:
    counts = Counter(p.health for p in progress)
    return {h: counts[h] for h in HEALTH_ORDER if counts[h]}


def _goal_text(kr: KeyResult) -> str | None:
    """The target as the KR states it: "at least 5", "+25% (125)", "1.5%"."""
    goal = format_value(kr.goal, kr.unit)
    if kr.target_change is not None:
        change = kr.target_change
        if kr.unit and not change.endswith("%"):
            change = f"{change} {kr.unit}" if kr.unit != "%" else f"{change} pts"
        return f"{change} ({goal})" if goal else change
    if goal is None:
        return None
    direction = kr.effective_direction
    if direction == "at_least":
        return f"at least {goal}"
    if direction == "at_most":
        return f"at most {goal}"
    return goal


def _score_bands(scores: Iterable[float | None]) -> dict[str, int]:
    """How many scores are high (0.7 and up), mid (0.4 to 0.6) and low; ungraded ones aside."""
    bands = {"high": 0, "mid": 0, "low": 0}
    for score in scores:
        if score is not None:
            bands["high" if score >= 0.7 else "mid" if score >= 0.4 else "low"] += 1
    return bands
