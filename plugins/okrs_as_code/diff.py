"""What a change does to the OKRs: two revisions of an OKR root compared by id path.

Objectives, key results and initiatives are matched by their id path (cycle/team/objective
[/kr or initiative]), never by file or position, so a renamed file or a reordered objective is
not a removal plus an addition. Besides the changes themselves, the diff gives the findings
only a diff can make (OKR302 goalpost-moved, OKR303 dropped-mid-cycle) and the lint findings
the change introduces and resolves.

Reading is cheap where nothing changed: the head is checked as `okrs validate` would check it,
every base file whose content is the same as the head's is reused from the head without being
read again, and only the files that differ are read from git and linted a second time.
"""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Literal

from .check import CheckResult, check_sources, exit_status
from .diagnostics import Diagnostic
from .gitread import GitError, Repository
from .lint import lint_okrs
from .loading import Source, discover, display_path, load_sources, read_bytes
from .progress import kr_progress
from .rules import lint_rules
from .urls import initiative_path_of, kr_path, kr_path_of, objective_path, objective_path_of

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping, Sequence

    from .config import LintConfig
    from .diagnostics import Loc
    from .gitread import Blob
    from .loading import Loaded
    from .model import Cycle, Initiative, KeyResult, Objective, OkrFile, OkrSet

__all__ = ["Change", "CheckinMove", "DiffResult", "GitError", "diff"]

Kind = Literal["added", "removed", "retitled", "changed", "checkin"]
Level = Literal["objective", "key_result", "initiative"]
GOALPOST_FIELDS = ("target", "target_change", "baseline", "direction", "unit")
DIFF_CODES = ("OKR302", "OKR303")


@dataclass(frozen=True, slots=True)
class CheckinMove:
    """New check-ins on a key result, and the progress and health they move."""

    dates: tuple[str, ...]
    latest: str
    """The latest new check-in's value and confidence in words ("2.9%, confidence 0.7"), "a
    note" when it has neither; reported percent complete shows in `progress`."""
    progress: tuple[int | None, int | None]
    """Progress in percent before and after (None: not measurable)."""
    health: tuple[str, str]
    """Health before and after, in words."""
    met: tuple[bool | None, bool | None] = (None, None)
    """For a threshold: whether it held before and after (None: no value yet)."""


@dataclass(frozen=True, slots=True)
class Change:
    """One thing the change does to one objective, key result or initiative."""

    kind: Kind
    level: Level
    cycle: str
    team: str
    objective: str
    item: str | None
    """The key result's or initiative's id; None for the objective itself."""
    title: str
    """The title on the head (on the base when the item was removed)."""
    loc: Loc
    confidential: bool
    field: str | None = None
    old: str | None = None
    new: str | None = None
    unit: str | None = None
    objective_title: str = ""
    checkin: CheckinMove | None = None
    finding: Diagnostic | None = None
    """The OKR302 or OKR303 finding this change raised, if any."""

    @property
    def ref(self) -> str:
        """The id path: cycle/team/objective[/item]."""
        base = f"{self.cycle}/{self.team}/{self.objective}"
        return base if self.item is None else f"{base}/{self.item}"

    @property
    def page(self) -> str:
        """The page path of the item on the published site."""
        return _page(self.level, self.cycle, self.team, self.objective, self.item)


def _page(level: Level, cycle: str, team: str, objective: str, item: str | None) -> str:
    if level == "objective" or item is None:
        return objective_path_of(cycle, team, objective)
    if level == "key_result":
        return kr_path_of(cycle, team, objective, item)
    return initiative_path_of(cycle, team, objective, item)


@dataclass(frozen=True, slots=True)
class DiffResult:
    """Everything `okrs diff` reports, and the exit status it implies."""

    base: str
    head: str
    head_check: CheckResult
    base_okrs: OkrSet | None
    changes: tuple[Change, ...]
    moved: tuple[Diagnostic, ...]
    """OKR302 and OKR303 findings, on the head's lines."""
    introduced: tuple[Diagnostic, ...]
    resolved: tuple[Diagnostic, ...]
    """Findings of the base that the head no longer has (their locations are the base's)."""
    strict: bool = False
    confidential: frozenset[str] = field(default_factory=frozenset)
    """Page paths (without the trailing slash) of everything under a confidential objective,
    on either side."""

    @property
    def diagnostics(self) -> tuple[Diagnostic, ...]:
        """What the head is to be annotated with: its errors, OKR302/303 and new findings."""
        items = [*self.head_check.errors, *self.moved, *self.introduced]
        return tuple(sorted(items, key=lambda d: d.sort_key))

    @property
    def exit_status(self) -> int:
        """EXIT_FAIL on head errors, or on new warnings under strict; else EXIT_OK."""
        return exit_status(self.diagnostics, strict=self.strict)

    def is_confidential(self, subject: str | None) -> bool:
        """True if `subject` (a page path without trailing slash) is under a confidential
        objective on either side."""
        if subject is None:
            return False
        parts = subject.split("/")
        return "/".join(parts[:3]) in self.confidential


def diff(
    root: Path,
    base: str,
    head: str | None,
    config: LintConfig,
    *,
    strict: bool = False,
) -> DiffResult:
    """Compare the OKR root at revision `base` with `head` (None: the work tree)."""
    repo = Repository(root)
    base_commit = repo.resolve(base)
    folder = repo.relative(root)
    root_display = display_path(root)
    memo: dict[tuple[str, str], Loaded] = {}

    if head is None:
        sources = [
            Source(display_path(p), functools.partial(read_bytes, p, display_path(p)))
            for p in discover(root)
        ]
    else:
        sources = _git_sources(repo, repo.resolve(head), folder, root, memo)
    head_check = check_sources(root_display, sources, config, strict=strict, memo=memo)
    head_keys = {display: key for display, key in memo}

    base_sources = _git_sources(repo, base_commit, folder, root, memo)
    base_keys = {s.display: s.key for s in base_sources}
    base_okrs, base_errors = load_sources(root_display, base_sources, memo)

    changed_head = {d for d, k in head_keys.items() if base_keys.get(d) != k}
    changed_base = {d for d, k in base_keys.items() if head_keys.get(d) != k}
    introduced, resolved = _finding_changes(
        head_check, base_okrs, base_errors, changed_head, changed_base, config
    )
    changes: list[Change] = []
    moved: list[Diagnostic] = []
    if head_check.okrs is not None:
        # A base without a readable organization (say, before the OKRs existed) is empty.
        base_set = base_okrs or replace(head_check.okrs, files=(), glossary=())
        changes, moved = _compare(base_set, head_check.okrs, config)
    # A key result written in this very change has not had a chance to be checked in yet:
    # "no check-in for 53 days" on it would be noise in the review (validate still says it).
    fresh = {c.page.rstrip("/") for c in changes if c.kind == "added" and c.level == "key_result"}
    introduced = tuple(d for d in introduced if not (d.code == "OKR301" and d.subject in fresh))
    hidden = _confidential(base_okrs) | _confidential(head_check.okrs)
    return DiffResult(
        base=base,
        head=head or "the work tree",
        head_check=head_check,
        base_okrs=base_okrs,
        changes=tuple(changes),
        moved=tuple(sorted(moved, key=lambda d: d.sort_key)),
        introduced=introduced,
        resolved=resolved,
        strict=strict,
        confidential=frozenset(hidden),
    )


def _git_sources(
    repo: Repository, commit: str, folder: str, root: Path, memo: Mapping[tuple[str, str], Loaded]
) -> list[Source]:
    """Sources for the OKR files of a revision; blobs already in `memo` are not read."""
    blobs = repo.files(commit, folder)
    prefix = len(folder) + 1 if folder else 0

    def display(blob: Blob) -> str:
        return display_path(root.joinpath(*PurePosixPath(blob.path[prefix:]).parts))

    displays = [display(b) for b in blobs]
    needed = [b.oid for b, d in zip(blobs, displays, strict=True) if (d, b.oid) not in memo]
    contents = repo.read(needed)

    def reader(oid: str, _report: object) -> bytes | None:
        return contents.get(oid)

    return [
        Source(d, functools.partial(reader, b.oid), key=b.oid)
        for b, d in zip(blobs, displays, strict=True)
    ]


def _confidential(okrs: OkrSet | None) -> set[str]:
    if okrs is None:
        return set()
    return {objective_path(o).rstrip("/") for o in okrs.objectives() if o.confidential}


def _finding_changes(
    head: CheckResult,
    base_okrs: OkrSet | None,
    base_errors: Sequence[Diagnostic],
    changed_head: set[str],
    changed_base: set[str],
    config: LintConfig,
) -> tuple[tuple[Diagnostic, ...], tuple[Diagnostic, ...]]:
    """Lint findings the change introduces and resolves, matched by subject and code.

    Findings of files that are the same on both sides cannot differ, so only the files that
    changed are compared (and only those are linted on the base)."""
    now = [d for d in head.findings if d.loc.path in changed_head and d.subject is not None]
    before: list[Diagnostic] = []
    if base_okrs is not None:
        broken = {d.loc.path for d in base_errors}
        files = tuple(f for f in base_okrs.files if f.path in changed_base - broken)
        before = [
            d for d in lint_okrs(replace(base_okrs, files=files), config) if d.subject is not None
        ]
    now_keys = Counter((d.subject, d.code) for d in now)
    before_keys = Counter((d.subject, d.code) for d in before)
    introduced = _excess(now, before_keys)
    resolved = _excess(before, now_keys)
    return tuple(introduced), tuple(resolved)


def _excess(
    items: Sequence[Diagnostic], other: Counter[tuple[str | None, str]]
) -> list[Diagnostic]:
    left = Counter(other)
    out = []
    for d in items:
        key = (d.subject, d.code)
        if left[key] > 0:
            left[key] -= 1
        else:
            out.append(d)
    return out


# The structural comparison ---------------------------------------------------------------------


def _number(value: float | None) -> str:
    return "none" if value is None else f"{value:g}"


def _text(value: object) -> str:
    if value is None or value == ():
        return "none"
    if isinstance(value, tuple | list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


class _Context:
    """What every comparison needs: both sides, the configuration and the collected output."""

    def __init__(self, base: OkrSet, head: OkrSet, config: LintConfig) -> None:
        self.base, self.head, self.config = base, head, config
        self.changes: list[Change] = []
        self.moved: list[Diagnostic] = []
        self.rules = lint_rules()
        self.today = config.today()

    def cycle(self, cycle_id: str) -> Cycle | None:
        return self.head.organization.cycle(cycle_id) or self.base.organization.cycle(cycle_id)

    def started(self, cycle_id: str) -> bool:
        cycle = self.cycle(cycle_id)
        return cycle is not None and self.today >= cycle.start

    def finding(
        self, code: str, loc: Loc, subject: str, accepted: str | None, **args: object
    ) -> Diagnostic | None:
        if not self.config.enabled(code):
            return None
        rule = self.rules[code]
        found = Diagnostic(
            loc=loc,
            code=code,
            name=rule.name,
            message=rule.message.format(**args),
            severity=self.config.severity.get(code, rule.severity),
            term=rule.term,
            accepted=accepted,
            subject=subject,
        )
        self.moved.append(found)
        return found


def _by_ref(okrs: OkrSet) -> dict[tuple[str, str, str], Objective]:
    return {(o.cycle, o.team, o.id): o for o in okrs.objectives()}


def _compare(
    base: OkrSet, head: OkrSet, config: LintConfig
) -> tuple[list[Change], list[Diagnostic]]:
    ctx = _Context(base, head, config)
    before, after = _by_ref(base), _by_ref(head)
    files = {(f.cycle, f.team): f for f in head.files}
    for ref, objective in after.items():
        old = before.get(ref)
        if old is None:
            _added_objective(ctx, objective)
        elif old is not objective:
            _objective(ctx, old, objective)
    for ref, old in before.items():
        if ref not in after:
            _removed_objective(ctx, old, files.get(ref[:2]))
    return ctx.changes, ctx.moved


def _change(
    ctx: _Context,
    kind: Kind,
    level: Level,
    objective: Objective,
    item: KeyResult | Initiative | None,
    loc: Loc,
    **extra: object,
) -> None:
    ctx.changes.append(
        Change(
            kind=kind,
            level=level,
            cycle=objective.cycle,
            team=objective.team,
            objective=objective.id,
            item=None if item is None else item.id,
            title=objective.title if item is None else item.title,
            loc=loc,
            confidential=objective.confidential,
            objective_title=objective.title,
            **extra,  # type: ignore[arg-type]
        )
    )


def _added_objective(ctx: _Context, objective: Objective) -> None:
    _change(ctx, "added", "objective", objective, None, objective.loc)
    for kr in objective.key_results:
        _change(ctx, "added", "key_result", objective, kr, kr.loc, unit=kr.unit)
    for initiative in objective.initiatives:
        _change(ctx, "added", "initiative", objective, initiative, initiative.loc)


def _removed_objective(ctx: _Context, old: Objective, head_file: OkrFile | None) -> None:
    found = None
    if ctx.started(old.cycle):
        # A removed objective has no line on the head: its file's `objectives:` stands in, or
        # the base's line when the whole file is gone.
        loc = head_file.loc_of("objectives") if head_file is not None else old.loc
        found = ctx.finding(
            "OKR303", loc, objective_path(old).rstrip("/"), None, what="objective", title=old.title
        )
    _change(ctx, "removed", "objective", old, None, old.loc, finding=found)


def _objective(ctx: _Context, old: Objective, new: Objective) -> None:
    if old.title != new.title:
        _change(
            ctx, "retitled", "objective", new, None, new.loc_of("title"), old=old.title,
            new=new.title,
        )  # fmt: skip
    for name in ("owner", "aligns_with", "visibility", "type"):
        a, b = getattr(old, name), getattr(new, name)
        if a != b:
            _change(
                ctx, "changed", "objective", new, None, new.loc_of(name), field=name,
                old=_text(a), new=_text(b),
            )  # fmt: skip
    old_krs = {k.id: k for k in old.key_results}
    new_krs = {k.id: k for k in new.key_results}
    for kr_id, kr in new_krs.items():
        was = old_krs.get(kr_id)
        if was is None:
            _change(ctx, "added", "key_result", new, kr, kr.loc, unit=kr.unit)
        elif was != kr:
            _key_result(ctx, new, was, kr)
    for kr_id, was in old_krs.items():
        if kr_id not in new_krs:
            found = None
            if ctx.started(new.cycle):
                found = ctx.finding(
                    "OKR303",
                    new.loc_of("key_results"),
                    kr_path(was).rstrip("/"),
                    new.accept.get("OKR303"),
                    what="key result",
                    title=was.title,
                )
            _change(
                ctx, "removed", "key_result", new, was, new.loc_of("key_results"), finding=found
            )
    old_inits = {i.id: i for i in old.initiatives}
    new_inits = {i.id: i for i in new.initiatives}
    for init_id, initiative in new_inits.items():
        was_init = old_inits.get(init_id)
        if was_init is None:
            _change(ctx, "added", "initiative", new, initiative, initiative.loc)
            continue
        if was_init.title != initiative.title:
            _change(
                ctx, "retitled", "initiative", new, initiative, initiative.loc_of("title"),
                old=was_init.title, new=initiative.title,
            )  # fmt: skip
        for name in ("status", "owner", "key_results"):
            a, b = getattr(was_init, name), getattr(initiative, name)
            if a != b:
                _change(
                    ctx, "changed", "initiative", new, initiative, initiative.loc_of(name),
                    field=name, old=_text(a), new=_text(b),
                )  # fmt: skip
    for init_id, was_init in old_inits.items():
        if init_id not in new_inits:
            _change(ctx, "removed", "initiative", new, was_init, new.loc_of("initiatives"))


def _key_result(ctx: _Context, objective: Objective, old: KeyResult, new: KeyResult) -> None:
    if old.title != new.title:
        _change(
            ctx, "retitled", "key_result", objective, new, new.loc_of("title"), old=old.title,
            new=new.title, unit=new.unit,
        )  # fmt: skip
    started = ctx.started(new.cycle)
    for name, a, b in _kr_fields(old, new):
        if a == b:
            continue
        loc = new.loc_of(name)
        found = None
        if name in GOALPOST_FIELDS and started:
            found = ctx.finding(
                "OKR302",
                loc,
                kr_path(new).rstrip("/"),
                new.accept.get("OKR302") or objective.accept.get("OKR302"),
                field=name,
                old=a,
                new=b,
            )
        _change(
            ctx, "changed", "key_result", objective, new, loc, field=name, old=a, new=b,
            unit=new.unit, finding=found,
        )  # fmt: skip
    move = _checkins(ctx, old, new)
    if move is not None:
        _change(
            ctx, "checkin", "key_result", objective, new, new.checkins[-1].loc, unit=new.unit,
            checkin=move,
        )  # fmt: skip


def _kr_fields(old: KeyResult, new: KeyResult) -> Iterator[tuple[str, str, str]]:
    yield "target", _number(old.target), _number(new.target)
    yield "target_change", _text(old.target_change), _text(new.target_change)
    yield "baseline", _number(old.baseline), _number(new.baseline)
    yield "direction", _text(old.effective_direction), _text(new.effective_direction)
    yield "unit", _text(old.unit), _text(new.unit)
    yield "owner", _text(old.owner), _text(new.owner)
    # `team:` in YAML: the team that owns the KR when it is not the objective's.
    yield "team", _text(old.owner_team), _text(new.owner_team)
    yield "weight", _number(old.weight), _number(new.weight)
    yield "aligns_with", _text(old.aligns_with), _text(new.aligns_with)


def _checkin_key(c: object) -> tuple[object, ...]:
    return tuple(getattr(c, name, None) for name in ("date", "value", "progress", "note"))


def _checkins(ctx: _Context, old: KeyResult, new: KeyResult) -> CheckinMove | None:
    known = Counter(_checkin_key(c) for c in old.checkins)
    fresh = []
    for c in new.checkins:
        key = _checkin_key(c)
        if known[key] > 0:
            known[key] -= 1
        else:
            fresh.append(c)
    if not fresh:
        return None
    cycle = ctx.cycle(new.cycle)
    latest = max(fresh, key=lambda c: c.date)
    words = []
    if latest.value is not None:
        unit = "" if not new.unit else new.unit if new.unit == "%" else f" {new.unit}"
        words.append(_number(latest.value) + unit)
    if latest.confidence is not None:
        words.append(f"confidence {_number(latest.confidence)}")
    if not words and latest.note and latest.progress is None:
        words.append("a note")
    if cycle is None:
        return CheckinMove(
            tuple(str(c.date) for c in fresh), ", ".join(words), (None, None), ("", "")
        )
    before = kr_progress(old, cycle, ctx.today)
    after = kr_progress(new, cycle, ctx.today)
    return CheckinMove(
        dates=tuple(str(c.date) for c in sorted(fresh, key=lambda c: c.date)),
        latest=", ".join(words),
        progress=(before.percent, after.percent),
        health=(before.health_label, after.health_label),
        met=(before.met, after.met),
    )
