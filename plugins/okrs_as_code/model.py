"""The OKR model: frozen, typed records built from schema-checked YAML values.

Every record keeps the path of its file and the YAML marks of its fields, so that anything said
about it later (a reference error, a lint finding, a page's edit link) can point at the line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal

from .diagnostics import Loc

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterator, Mapping

    from .schema import YMap

Direction = Literal["increase", "decrease", "at_least", "at_most"]
ObjectiveType = Literal["committed", "aspirational", "learning"]
Status = Literal["planned", "in_progress", "done", "dropped"]

_EMPTY: Mapping[str, Any] = MappingProxyType({})


@dataclass(frozen=True, slots=True, kw_only=True)
class Located:
    """Something read from a file: the path and the YAML marks of its own fields."""

    path: str
    marks: Mapping[str, Any] = field(repr=False, compare=False)
    mark: Any = field(repr=False, compare=False)

    @property
    def loc(self) -> Loc:
        """Where the record starts."""
        return Loc(self.path, self.mark.line + 1, self.mark.column + 1)

    def loc_of(self, key: str) -> Loc:
        """Where the value of `key` stands (the record's start if it has none)."""
        mark = self.marks.get(key, self.mark)
        return Loc(self.path, mark.line + 1, mark.column + 1)


def _located(path: str, m: YMap) -> dict[str, Any]:
    marks = m.marks
    # References inside lists get a mark each, so an error can point at the very item.
    for key in ("aligns_with", "key_results"):
        items = m.get(key)
        if items and isinstance(items[0], str):
            for i, mark in enumerate(items.marks):
                marks[f"{key}.{i}"] = mark
    return {"path": path, "marks": marks, "mark": m.mark}


@dataclass(frozen=True, slots=True, kw_only=True)
class Cycle(Located):
    """An OKR cycle such as a quarter."""

    id: str
    start: dt.date
    end: dt.date
    title: str | None = None

    @property
    def label(self) -> str:
        """The title if there is one, else the id."""
        return self.title or self.id

    def elapsed(self, on: dt.date) -> float:
        """Share of the cycle elapsed on date `on`, from 0.0 to 1.0."""
        days = (self.end - self.start).days + 1
        return min(1.0, max(0.0, ((on - self.start).days + 1) / days)) if days > 0 else 1.0

    def is_closed(self, on: dt.date) -> bool:
        """True once the cycle's last day has passed."""
        return on > self.end

    def is_active(self, on: dt.date) -> bool:
        """True between the cycle's first and last day."""
        return self.start <= on <= self.end


@dataclass(frozen=True, slots=True, kw_only=True)
class Team(Located):
    """A team in the organization's tree."""

    id: str
    name: str
    parent: str | None = None
    owners: tuple[str, ...] = ()
    description: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Organization(Located):
    """The organization: name, cycles and team tree."""

    name: str
    cycles: tuple[Cycle, ...] = ()
    teams: tuple[Team, ...] = ()

    def cycle(self, cycle_id: str) -> Cycle | None:
        """The cycle with this id, if any."""
        return next((c for c in self.cycles if c.id == cycle_id), None)

    def team(self, team_id: str) -> Team | None:
        """The team with this id, if any."""
        return next((t for t in self.teams if t.id == team_id), None)

    def children(self, team_id: str) -> tuple[Team, ...]:
        """The teams whose parent is `team_id`."""
        return tuple(t for t in self.teams if t.parent == team_id)


@dataclass(frozen=True, slots=True, kw_only=True)
class CheckIn(Located):
    """A progress report on a key result."""

    date: dt.date
    value: float | None = None
    progress: float | None = None
    """Percent complete (0-100) as reported by the owner, for KRs measured by judgement."""
    confidence: float | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class KeyResult(Located):
    """A key result: a measurable change from a baseline to a target, a threshold, a
    relative change, or a statement whose progress is reported by judgement."""

    cycle: str
    team: str
    """The team of the objective (part of the KR's reference and URL)."""
    objective: str
    id: str
    title: str
    description: str | None = None
    metric: str | None = None
    unit: str | None = None
    baseline: float | None = None
    target: float | None = None
    target_change: str | None = None
    """A target relative to the baseline: "+25%", "-10%", "+3"."""
    direction: Direction | None = None
    owner_team: str | None = None
    """The team that owns the KR when it is not the objective's team (`team:` in YAML)."""
    owner: tuple[str, ...] = ()
    source: str | None = None
    links: tuple[str, ...] = ()
    weight: float = 1.0
    proxy_for: str | None = None
    aligns_with: tuple[str, ...] = ()
    accept: Mapping[str, str] = field(default_factory=lambda: _EMPTY)
    score: float | None = None
    """The team's own end-of-cycle grade, 0.0-1.0."""
    checkins: tuple[CheckIn, ...] = ()
    """In date order (a stable sort of the file's order), whatever order the file lists."""

    @property
    def ref(self) -> str:
        """The reference other OKRs use for it: team/objective/kr."""
        return f"{self.team}/{self.objective}/{self.id}"

    @property
    def owned_by(self) -> str:
        """The team accountable for the KR: its own `team`, else the objective's."""
        return self.owner_team or self.team

    @property
    def start_value(self) -> float | None:
        """The baseline, or else the first check-in's value (DESIGN section 2)."""
        if self.baseline is not None:
            return self.baseline
        return next((c.value for c in self.checkins if c.value is not None), None)

    @property
    def goal(self) -> float | None:
        """The absolute target: `target`, or `target_change` applied to the start value."""
        if self.target is not None:
            return self.target
        change = self.target_change
        start = self.start_value
        if change is None or start is None:
            return None
        amount = float(change.rstrip("%"))
        return start * (1 + amount / 100) if change.endswith("%") else start + amount

    @property
    def effective_direction(self) -> Direction | None:
        """The direction written, or the one implied by the start value and the target."""
        if self.direction is not None:
            return self.direction
        if self.target_change is not None:
            return "decrease" if self.target_change.startswith("-") else "increase"
        start, goal = self.start_value, self.goal
        if start is None or goal is None or goal == start:
            return None
        return "increase" if goal > start else "decrease"

    @property
    def current(self) -> float | None:
        """The value of the latest check-in that has one."""
        for checkin in reversed(self.checkins):
            if checkin.value is not None:
                return checkin.value
        return None

    @property
    def last_checkin(self) -> CheckIn | None:
        """The latest check-in, if any."""
        return self.checkins[-1] if self.checkins else None

    @property
    def reported_progress(self) -> float | None:
        """The percent complete of the latest check-in that reports one."""
        for checkin in reversed(self.checkins):
            if checkin.progress is not None:
                return checkin.progress
        return None

    @property
    def last_note(self) -> CheckIn | None:
        """The latest check-in that carries a status note."""
        for checkin in reversed(self.checkins):
            if checkin.note:
                return checkin
        return None

    @property
    def confidence(self) -> float | None:
        """The confidence of the latest check-in that gives one."""
        for checkin in reversed(self.checkins):
            if checkin.confidence is not None:
                return checkin.confidence
        return None


@dataclass(frozen=True, slots=True, kw_only=True)
class Initiative(Located):
    """An initiative: work the team does to move key results."""

    cycle: str
    team: str
    objective: str
    id: str
    title: str
    description: str | None = None
    key_results: tuple[str, ...] = ()
    status: Status = "planned"
    owner: tuple[str, ...] = ()
    links: tuple[str, ...] = ()

    @property
    def ref(self) -> str:
        """team/objective/initiative (initiatives are never aligned to, only named)."""
        return f"{self.team}/{self.objective}/{self.id}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Objective(Located):
    """An objective with its key results and initiatives."""

    cycle: str
    team: str
    id: str
    title: str
    description: str | None = None
    owner: tuple[str, ...] = ()
    type: ObjectiveType = "committed"
    aligns_with: tuple[str, ...] = ()
    visibility: Literal["internal", "confidential"] = "internal"
    carried_from: str | None = None
    score: float | None = None
    """The team's own end-of-cycle grade, 0.0-1.0."""
    accept: Mapping[str, str] = field(default_factory=lambda: _EMPTY)
    key_results: tuple[KeyResult, ...] = ()
    initiatives: tuple[Initiative, ...] = ()

    @property
    def ref(self) -> str:
        """The reference other OKRs use for it: team/objective."""
        return f"{self.team}/{self.id}"

    @property
    def confidential(self) -> bool:
        """True when the objective must stay out of the published site."""
        return self.visibility == "confidential"

    def key_result(self, kr_id: str) -> KeyResult | None:
        """The key result with this id, if any."""
        return next((k for k in self.key_results if k.id == kr_id), None)


@dataclass(frozen=True, slots=True, kw_only=True)
class OkrFile(Located):
    """One team's OKRs for one cycle."""

    cycle: str
    team: str
    objectives: tuple[Objective, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class GlossaryTerm:
    """A term of the method, with its definition."""

    term: str
    definition: str
    aliases: tuple[str, ...] = ()
    example: tuple[str, str] | None = None
    """(avoid, prefer): a weak statement and the better one."""
    see_also: tuple[str, ...] = ()
    loc: Loc | None = None

    @property
    def slug(self) -> str:
        """The anchor of the term on the glossary page."""
        return slugify(self.term)


def slugify(text: str) -> str:
    """Lower-case words joined by hyphens, for anchors."""
    out: list[str] = []
    for ch in text.lower():
        out.append(ch if ch.isalnum() else "-")
    return "-".join(part for part in "".join(out).split("-") if part)


@dataclass(frozen=True, slots=True, kw_only=True)
class OkrSet:
    """Everything under one OKR root: the organization and every OKR file."""

    root: str
    organization: Organization
    files: tuple[OkrFile, ...] = ()
    glossary: tuple[GlossaryTerm, ...] = ()

    def objectives(self, cycle: str | None = None) -> Iterator[Objective]:
        """Every objective, optionally only those of one cycle."""
        for f in self.files:
            if cycle is None or f.cycle == cycle:
                yield from f.objectives

    def key_results(self, cycle: str | None = None) -> Iterator[KeyResult]:
        """Every key result, optionally only those of one cycle."""
        for objective in self.objectives(cycle):
            yield from objective.key_results

    def file_for(self, cycle: str, team: str) -> OkrFile | None:
        """The OKR file of a team in a cycle, if there is one."""
        return next((f for f in self.files if f.cycle == cycle and f.team == team), None)


# Construction from checked YAML values. The schema has already reported every problem, so a
# record that lacks a required value is simply skipped here.


def _strs(value: Any) -> tuple[str, ...]:
    return tuple(value) if value else ()


def _owners(value: Any) -> tuple[str, ...]:
    """`owner` is one person or role, or a list of them."""
    if isinstance(value, str):
        return (value,)
    return _strs(value)


def build_organization(path: str, m: YMap) -> Organization:
    """Build the organization from a checked organization.yaml."""
    cycles = tuple(
        Cycle(**_located(path, c), id=c["id"], start=c["start"], end=c["end"], title=c.get("title"))
        for c in m.get("cycles", ())
        if "id" in c and "start" in c and "end" in c
    )
    teams = tuple(
        Team(
            **_located(path, t), id=t["id"], name=t["name"], parent=t.get("parent"),
            owners=_strs(t.get("owners")), description=t.get("description"),
        )
        for t in m.get("teams", ())
        if "id" in t and "name" in t
    )  # fmt: skip
    return Organization(**_located(path, m), name=m.get("name", ""), cycles=cycles, teams=teams)


def _checkins(path: str, items: Any) -> tuple[CheckIn, ...]:
    checkins = [
        CheckIn(
            **_located(path, c), date=c["date"], value=c.get("value"),
            progress=c.get("progress"), confidence=c.get("confidence"), note=c.get("note"),
        )
        for c in items or ()
        if "date" in c
    ]  # fmt: skip
    # Date order whatever the file's order; the sort is stable, so a second check-in on the
    # same date (a warning) stays after the first.
    checkins.sort(key=lambda c: c.date)
    return tuple(checkins)


def build_okr_file(path: str, m: YMap) -> OkrFile | None:
    """Build one OKR file from its checked values; None if it lacks cycle or team."""
    cycle, team = m.get("cycle"), m.get("team")
    if cycle is None or team is None:
        return None
    objectives = []
    for o in m.get("objectives", ()):
        if "id" not in o or "title" not in o:
            continue
        oid = o["id"]
        krs = tuple(
            KeyResult(
                **_located(path, k), cycle=cycle, team=team, objective=oid, id=k["id"],
                title=k["title"], description=k.get("description"), metric=k.get("metric"),
                unit=k.get("unit"), baseline=k.get("baseline"), target=k.get("target"),
                target_change=k.get("target_change"), direction=k.get("direction"),
                owner_team=k.get("team"), owner=_owners(k.get("owner")),
                source=k.get("source"), links=_strs(k.get("links")),
                weight=k.get("weight", 1.0), proxy_for=k.get("proxy_for"),
                aligns_with=_strs(k.get("aligns_with")),
                accept=MappingProxyType(dict(k["accept"])) if k.get("accept") else _EMPTY,
                score=k.get("score"), checkins=_checkins(path, k.get("checkins")),
            )
            for k in o.get("key_results", ())
            if "id" in k and "title" in k
        )  # fmt: skip
        initiatives = tuple(
            Initiative(
                **_located(path, i), cycle=cycle, team=team, objective=oid, id=i["id"],
                title=i["title"], description=i.get("description"),
                key_results=_strs(i.get("key_results")), status=i.get("status", "planned"),
                owner=_owners(i.get("owner")), links=_strs(i.get("links")),
            )
            for i in o.get("initiatives", ())
            if "id" in i and "title" in i
        )  # fmt: skip
        objectives.append(
            Objective(
                **_located(path, o), cycle=cycle, team=team, id=oid, title=o["title"],
                description=o.get("description"), owner=_owners(o.get("owner")),
                type=o.get("type", "committed"), aligns_with=_strs(o.get("aligns_with")),
                visibility=o.get("visibility", "internal"), carried_from=o.get("carried_from"),
                score=o.get("score"),
                accept=MappingProxyType(dict(o["accept"])) if o.get("accept") else _EMPTY,
                key_results=krs, initiatives=initiatives,
            )
        )  # fmt: skip
    return OkrFile(**_located(path, m), cycle=cycle, team=team, objectives=tuple(objectives))


def build_glossary(path: str, m: YMap) -> tuple[GlossaryTerm, ...]:
    """Build glossary terms from a checked glossary.yaml."""
    terms = []
    for t in m.get("terms", ()):
        if "term" not in t or "definition" not in t:
            continue
        example = t.get("example")
        terms.append(
            GlossaryTerm(
                term=t["term"], definition=t["definition"], aliases=_strs(t.get("aliases")),
                example=(example["avoid"], example["prefer"])
                if example and "avoid" in example and "prefer" in example
                else None,
                see_also=_strs(t.get("see_also")), loc=t.loc(path),
            )
        )  # fmt: skip
    return tuple(terms)
