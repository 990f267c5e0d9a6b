"""Checks that span records and files: unique ids, references that resolve, no loops."""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING

from .diagnostics import Diagnostic, Loc

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from .model import KeyResult, Located, Objective, OkrFile, OkrSet, Organization


def _unique(
    items: Iterable[Located],
    key: Callable[[Located], str],
    kind: str,
    report: Callable[[Diagnostic], None],
) -> None:
    seen: dict[str, Located] = {}
    for item in items:
        k = key(item)
        first = seen.get(k)
        if first is None:
            seen[k] = item
            continue
        where = first.loc_of("id")
        at = f"line {where.line}" if where.path == item.path else str(where)
        report(
            Diagnostic(
                item.loc_of("id"), "OKR020", "duplicate-id",
                f"{kind} id {k!r} is already used at {at}",
            )
        )  # fmt: skip


def check_organization(org: Organization, report: Callable[[Diagnostic], None]) -> None:
    """Unique cycle and team ids, sane cycle dates, team parents that exist and never loop."""
    _unique(org.cycles, lambda c: c.id, "cycle", report)  # type: ignore[attr-defined]
    _unique(org.teams, lambda t: t.id, "team", report)  # type: ignore[attr-defined]
    for cycle in org.cycles:
        if cycle.end < cycle.start:
            report(
                Diagnostic(
                    cycle.loc_of("end"), "OKR026", "cycle-dates",
                    f"cycle {cycle.id} ends ({cycle.end}) before it starts ({cycle.start})",
                )
            )  # fmt: skip
    parents = {t.id: t.parent for t in org.teams}
    for team in org.teams:
        if team.parent is not None and team.parent not in parents:
            report(_unknown(team.loc_of("parent"), "team", team.parent, parents))
    reported: set[str] = set()
    for team in org.teams:
        path = [team.id]
        current = team.parent
        while current is not None and current in parents and current not in path:
            path.append(current)
            current = parents[current]
        if current is not None and current == team.id and team.id not in reported:
            reported.update(path)
            report(
                Diagnostic(
                    team.loc_of("parent"), "OKR023", "team-loop",
                    "team parents loop: " + " -> ".join([*path, team.id]),
                )
            )  # fmt: skip


def _unknown(loc: Loc, kind: str, name: str, known: Iterable[str]) -> Diagnostic:
    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return Diagnostic(loc, "OKR021", "unknown-reference", f"no {kind} {name!r}{hint}")


def check_okrs(okrs: OkrSet, report: Callable[[Diagnostic], None]) -> None:
    """Every check across OKR files: file ownership, ids, references and alignment loops."""
    org = okrs.organization
    cycles = {c.id for c in org.cycles}
    teams = {t.id for t in org.teams}
    claimed: dict[tuple[str, str], OkrFile] = {}
    for f in okrs.files:
        if f.cycle not in cycles:
            report(_unknown(f.loc_of("cycle"), "cycle", f.cycle, cycles))
        if f.team not in teams:
            report(_unknown(f.loc_of("team"), "team", f.team, teams))
        first = claimed.setdefault((f.cycle, f.team), f)
        if first is not f:
            report(
                Diagnostic(
                    f.loc_of("team"), "OKR025", "duplicate-file",
                    f"{first.path} already holds the OKRs of team {f.team} for {f.cycle}",
                )
            )  # fmt: skip
        _unique(f.objectives, lambda o: o.id, "objective", report)  # type: ignore[attr-defined]
        for objective in f.objectives:
            _check_objective(objective, teams, report)

    by_ref: dict[tuple[str, str], Objective | KeyResult] = {}
    for objective in okrs.objectives():
        by_ref.setdefault((objective.cycle, objective.ref), objective)
        for kr in objective.key_results:
            by_ref.setdefault((kr.cycle, kr.ref), kr)
    edges: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for objective in okrs.objectives():
        items: list[Objective | KeyResult] = [objective, *objective.key_results]
        for item in items:
            targets = edges.setdefault((item.cycle, item.ref), [])
            for i, ref in enumerate(item.aligns_with):
                if (item.cycle, ref) in by_ref:
                    targets.append((item.cycle, ref))
                else:
                    loc = item.loc_of(f"aligns_with.{i}")
                    report(_unknown_alignment(loc, item.cycle, ref, by_ref))
        for kr in objective.key_results:
            # A key result contributes to its own objective; a loop through it is a loop too.
            edges[(kr.cycle, kr.ref)].append((objective.cycle, objective.ref))
    _report_loops(edges, by_ref, report)
    _check_carried_from(okrs, report)


def _unknown_alignment(
    loc: Loc, cycle: str, ref: str, by_ref: dict[tuple[str, str], Objective | KeyResult]
) -> Diagnostic:
    parts = ref.split("/")
    team_objective = "/".join(parts[:2])
    if len(parts) == 3 and (cycle, team_objective) in by_ref:
        message = f"objective {team_objective} has no key result {parts[2]!r}"
        known = [r for (c, r) in by_ref if c == cycle and r.startswith(team_objective + "/")]
    else:
        known = [r for (c, r) in by_ref if c == cycle and r.count("/") == 1]
        message = f"no objective {team_objective!r} in cycle {cycle}"
    close = difflib.get_close_matches(ref, known, n=1, cutoff=0.6)
    if close:
        message += f"; did you mean {close[0]!r}?"
    return Diagnostic(loc, "OKR021", "unknown-reference", message)


def _report_loops(
    edges: dict[tuple[str, str], list[tuple[str, str]]],
    by_ref: dict[tuple[str, str], Objective | KeyResult],
    report: Callable[[Diagnostic], None],
) -> None:
    # Iterative depth-first search; a back edge closes a loop, reported once with its path.
    white, grey, black = 0, 1, 2
    state: dict[tuple[str, str], int] = {}
    for start in edges:
        if state.get(start, white) != white:
            continue
        stack: list[tuple[tuple[str, str], int]] = [(start, 0)]
        path: list[tuple[str, str]] = [start]
        state[start] = grey
        while stack:
            node, i = stack[-1]
            targets = edges.get(node, [])
            if i < len(targets):
                stack[-1] = (node, i + 1)
                target = targets[i]
                s = state.get(target, white)
                if s == white:
                    state[target] = grey
                    stack.append((target, 0))
                    path.append(target)
                elif s == grey:
                    loop = [*path[path.index(target) :], target]
                    first = by_ref[loop[0]]
                    report(
                        Diagnostic(
                            first.loc_of("aligns_with"), "OKR022", "alignment-loop",
                            "alignment loops: " + " -> ".join(r for _, r in loop),
                        )
                    )  # fmt: skip
            else:
                state[node] = black
                stack.pop()
                path.pop()


def _check_objective(
    objective: Objective, teams: set[str], report: Callable[[Diagnostic], None]
) -> None:
    _unique(objective.key_results, lambda k: k.id, "key result", report)  # type: ignore[attr-defined]
    for key_result in objective.key_results:
        _check_key_result(key_result, teams, report)
    _unique(objective.initiatives, lambda i: i.id, "initiative", report)  # type: ignore[attr-defined]
    krs = {k.id for k in objective.key_results}
    for initiative in objective.initiatives:
        for i, kr in enumerate(initiative.key_results):
            if kr not in krs:
                loc = initiative.loc_of(f"key_results.{i}")
                d = _unknown(loc, f"key result in objective {objective.id} named", kr, krs)
                report(d)


def _check_key_result(kr: KeyResult, teams: set[str], report: Callable[[Diagnostic], None]) -> None:
    """What the schema cannot say about one key result: exclusive keys, check-ins with content,
    and the team that owns it."""
    if kr.target is not None and kr.target_change is not None:
        report(
            Diagnostic(
                kr.loc_of("target_change"), "OKR028", "conflicting-keys",
                f"key result {kr.id} has both target ({kr.target:g}) and target_change "
                f"({kr.target_change}); keep one of them",
            )
        )  # fmt: skip
    for checkin in kr.checkins:
        if checkin.value is None and checkin.progress is None and not checkin.note:
            report(
                Diagnostic(
                    checkin.loc, "OKR012", "missing-key",
                    f"check-in of {checkin.date} has no value, progress or note; "
                    "it needs at least one of them",
                )
            )  # fmt: skip
    if kr.owner_team is not None and kr.owner_team not in teams:
        report(_unknown(kr.loc_of("team"), "team", kr.owner_team, teams))


def _check_carried_from(okrs: OkrSet, report: Callable[[Diagnostic], None]) -> None:
    present = {(f.cycle, f.team) for f in okrs.files}
    refs = {f"{o.cycle}/{o.ref}" for o in okrs.objectives()}
    for objective in okrs.objectives():
        ref = objective.carried_from
        if ref is None:
            continue
        cycle, team, _ = ref.split("/")
        # Earlier cycles may have been archived out of the root; check only what is here.
        if (cycle, team) in present and ref not in refs:
            report(
                Diagnostic(
                    objective.loc_of("carried_from"), "OKR021", "unknown-reference",
                    f"no objective {ref!r} to carry over from",
                )
            )  # fmt: skip
