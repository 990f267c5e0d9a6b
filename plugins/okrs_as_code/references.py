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


# Cycles are folders at the top of the site, beside these (compared ignoring case, as some
# file systems do).
RESERVED_CYCLE_IDS = {
    "glossary": "glossary page", "review": "review page", "assets": "stylesheets and scripts",
    "search": "search index", "okrs": "overview page (when docs_dir has its own home page)",
}  # fmt: skip


def check_organization(org: Organization, report: Callable[[Diagnostic], None]) -> None:
    """Unique cycle and team ids, sane cycle dates, team parents that exist and never loop."""
    _unique(org.cycles, lambda c: c.id, "cycle", report)  # type: ignore[attr-defined]
    _unique(org.teams, lambda t: t.id, "team", report)  # type: ignore[attr-defined]
    for cycle in org.cycles:
        taken = RESERVED_CYCLE_IDS.get(cycle.id.lower())
        if taken is not None:
            report(
                Diagnostic(
                    cycle.loc_of("id"), "OKR020", "duplicate-id",
                    f"cycle id {cycle.id!r} is taken by the site's {taken}; rename the cycle",
                )
            )  # fmt: skip
        if cycle.end < cycle.start:
            report(
                Diagnostic(
                    cycle.loc_of("end"), "OKR026", "cycle-dates",
                    f"cycle {cycle.id} ends ({cycle.end}) before it starts ({cycle.start})",
                )
            )  # fmt: skip
    parents = {t.id: t.parent for t in org.teams}
    suggest = _Suggestions(parents)
    for team in org.teams:
        if team.parent is not None and team.parent not in parents:
            report(_unknown(team.loc_of("parent"), "team", team.parent, suggest))
    # Each team has one parent, so following parents from every team in turn, and never
    # walking a team twice, finds every loop in time linear in the number of teams.
    first_of = {t.id: t for t in org.teams}
    done: set[str] = set()
    for team in org.teams:
        if team.id in done:
            continue
        on_path: dict[str, int] = {}
        path: list[str] = []
        current: str | None = team.id
        while current is not None and current in parents and current not in done:
            if current in on_path:
                loop = path[on_path[current] :]
                start = first_of[loop[0]]
                report(
                    Diagnostic(
                        start.loc_of("parent"), "OKR023", "team-loop",
                        "team parents loop: " + " -> ".join([*loop, loop[0]]),
                    )
                )  # fmt: skip
                break
            on_path[current] = len(path)
            path.append(current)
            current = parents[current]
        done.update(path)


# Suggesting a close name costs a comparison with every candidate; past this many unknown
# references of one kind the rest get no suggestion, so hostile input stays linear.
MAX_SUGGESTIONS = 50


class _Suggestions:
    """Candidates for "did you mean", listed once, for a bounded number of lookups."""

    def __init__(self, known: Iterable[str]) -> None:
        self.known = known if isinstance(known, list) else list(known)
        self.left = MAX_SUGGESTIONS

    def close(self, name: str) -> str | None:
        if self.left <= 0:
            return None
        self.left -= 1
        found = difflib.get_close_matches(name, self.known, n=1, cutoff=0.6)
        return found[0] if found else None


def _unknown(loc: Loc, kind: str, name: str, known: _Suggestions) -> Diagnostic:
    close = known.close(name)
    hint = f"; did you mean {close!r}?" if close else ""
    return Diagnostic(loc, "OKR021", "unknown-reference", f"no {kind} {name!r}{hint}")


def check_okrs(okrs: OkrSet, report: Callable[[Diagnostic], None]) -> None:
    """Every check across OKR files: file ownership, ids, references and alignment loops."""
    org = okrs.organization
    cycles = {c.id for c in org.cycles}
    teams = {t.id for t in org.teams}
    cycle_suggestions, team_suggestions = _Suggestions(cycles), _Suggestions(teams)
    claimed: dict[tuple[str, str], OkrFile] = {}
    for f in okrs.files:
        if f.cycle not in cycles:
            report(_unknown(f.loc_of("cycle"), "cycle", f.cycle, cycle_suggestions))
        if f.team not in teams:
            report(_unknown(f.loc_of("team"), "team", f.team, team_suggestions))
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
            _check_objective(objective, teams, team_suggestions, report)

    by_ref: dict[tuple[str, str], Objective | KeyResult] = {}
    for objective in okrs.objectives():
        by_ref.setdefault((objective.cycle, objective.ref), objective)
        for kr in objective.key_results:
            by_ref.setdefault((kr.cycle, kr.ref), kr)
    edges: dict[tuple[str, str], list[tuple[str, str]]] = {}
    suggest = _AlignmentSuggestions(by_ref)
    for objective in okrs.objectives():
        items: list[Objective | KeyResult] = [objective, *objective.key_results]
        for item in items:
            targets = edges.setdefault((item.cycle, item.ref), [])
            for i, ref in enumerate(item.aligns_with):
                if (item.cycle, ref) in by_ref:
                    targets.append((item.cycle, ref))
                else:
                    loc = item.loc_of(f"aligns_with.{i}")
                    report(_unknown_alignment(loc, item.cycle, ref, by_ref, suggest))
        for kr in objective.key_results:
            # A key result contributes to its own objective; a loop through it is a loop too.
            edges[(kr.cycle, kr.ref)].append((objective.cycle, objective.ref))
    _report_loops(edges, by_ref, report)
    _check_carried_from(okrs, report)


class _AlignmentSuggestions:
    """Objectives by cycle and key results by objective, indexed once for "did you mean"."""

    def __init__(self, by_ref: dict[tuple[str, str], Objective | KeyResult]) -> None:
        self.objectives: dict[str, list[str]] = {}
        self.key_results: dict[tuple[str, str], list[str]] = {}
        for cycle, ref in by_ref:
            if ref.count("/") == 1:
                self.objectives.setdefault(cycle, []).append(ref)
            else:
                self.key_results.setdefault((cycle, ref.rsplit("/", 1)[0]), []).append(ref)
        self.left = MAX_SUGGESTIONS

    def close(self, name: str, known: list[str]) -> str | None:
        if self.left <= 0:
            return None
        self.left -= 1
        found = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
        return found[0] if found else None


def _unknown_alignment(
    loc: Loc,
    cycle: str,
    ref: str,
    by_ref: dict[tuple[str, str], Objective | KeyResult],
    suggest: _AlignmentSuggestions,
) -> Diagnostic:
    parts = ref.split("/")
    team_objective = "/".join(parts[:2])
    if len(parts) == 3 and (cycle, team_objective) in by_ref:
        message = f"objective {team_objective} has no key result {parts[2]!r}"
        known = suggest.key_results.get((cycle, team_objective), [])
    else:
        known = suggest.objectives.get(cycle, [])
        message = f"no objective {team_objective!r} in cycle {cycle}"
    close = suggest.close(ref, known)
    if close:
        message += f"; did you mean {close!r}?"
    return Diagnostic(loc, "OKR021", "unknown-reference", message)


def _report_loops(
    edges: dict[tuple[str, str], list[tuple[str, str]]],
    by_ref: dict[tuple[str, str], Objective | KeyResult],
    report: Callable[[Diagnostic], None],
) -> None:
    """Report each set of mutually aligned items (a strongly connected component) once, with
    one loop through it: the report stays proportional to the input however the loops nest."""
    for component in _components(edges):
        members = set(component)
        start = component[0]
        if len(component) == 1 and start not in edges.get(start, ()):
            continue
        loop = _shortest_loop(start, members, edges)
        first = by_ref[loop[0]]
        rest = len(members) - (len(loop) - 1)
        more = f" (and {rest} more in the same loop)" if rest > 0 else ""
        report(
            Diagnostic(
                first.loc_of("aligns_with"), "OKR022", "alignment-loop",
                "alignment loops: " + " -> ".join(r for _, r in loop) + more,
            )
        )  # fmt: skip


Node = tuple[str, str]


def _components(edges: dict[Node, list[Node]]) -> list[list[Node]]:
    """Strongly connected components (iterative Tarjan), each in discovery order."""
    index: dict[Node, int] = {}
    low: dict[Node, int] = {}
    on_stack: set[Node] = set()
    stack: list[Node] = []
    out: list[list[Node]] = []
    counter = 0
    for root in edges:
        if root in index:
            continue
        work: list[tuple[Node, int]] = [(root, 0)]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, i = work[-1]
            targets = edges.get(node, [])
            if i < len(targets):
                work[-1] = (node, i + 1)
                target = targets[i]
                if target not in index:
                    index[target] = low[target] = counter
                    counter += 1
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, 0))
                elif target in on_stack:
                    low[node] = min(low[node], index[target])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component: list[Node] = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                component.reverse()
                out.append(component)
    return out


def _shortest_loop(start: Node, members: set[Node], edges: dict[Node, list[Node]]) -> list[Node]:
    """The shortest way from `start` back to itself inside one component (breadth first)."""
    came_from: dict[Node, Node] = {}
    frontier = [start]
    while frontier:
        following: list[Node] = []
        for node in frontier:
            for target in edges.get(node, ()):
                if target == start:
                    path = [node]
                    while path[-1] != start:
                        path.append(came_from[path[-1]])
                    path.reverse()
                    return [*path, start]
                if target in members and target not in came_from:
                    came_from[target] = node
                    following.append(target)
        frontier = following
    return [start, start]


def _check_objective(
    objective: Objective,
    teams: set[str],
    team_suggestions: _Suggestions,
    report: Callable[[Diagnostic], None],
) -> None:
    _unique(objective.key_results, lambda k: k.id, "key result", report)  # type: ignore[attr-defined]
    for key_result in objective.key_results:
        _check_key_result(key_result, teams, team_suggestions, report)
    _unique(objective.initiatives, lambda i: i.id, "initiative", report)  # type: ignore[attr-defined]
    krs = {k.id for k in objective.key_results}
    for initiative in objective.initiatives:
        for i, kr in enumerate(initiative.key_results):
            if kr not in krs:
                loc = initiative.loc_of(f"key_results.{i}")
                d = _unknown(
                    loc, f"key result in objective {objective.id} named", kr, _Suggestions(krs)
                )
                report(d)


def _check_key_result(
    kr: KeyResult,
    teams: set[str],
    team_suggestions: _Suggestions,
    report: Callable[[Diagnostic], None],
) -> None:
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
        report(_unknown(kr.loc_of("team"), "team", kr.owner_team, team_suggestions))


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
