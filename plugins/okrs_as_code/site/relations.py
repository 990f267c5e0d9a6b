"""Who links to whom on the published site: every relation of the OKR set, indexed once.

Pages are named by their path below the site root (`2026-Q4/checkout/peak-proof-checkout/`);
lint findings name their subject the same way without the trailing slash. Confidential
objectives, with their key results and initiatives, are left out of every index unless asked
for; a relation that points at one is kept as a placeholder (None) so that pages can say
"confidential objective" without naming it.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from ..urls import (
    initiative_path,
    kr_path,
    kr_path_of,
    objective_path,
    objective_path_above,
    objective_path_of,
    ref_path,
)

if TYPE_CHECKING:
    from ..model import Cycle, Initiative, KeyResult, Objective, OkrSet, Team


class Relations:
    """Every published objective, key result and initiative, and the links between them."""

    def __init__(self, okrs: OkrSet, *, include_confidential: bool = False) -> None:
        org = okrs.organization
        self.cycles: tuple[Cycle, ...] = tuple(sorted(org.cycles, key=lambda c: (c.start, c.id)))
        self.team_of: dict[str, Team] = {t.id: t for t in org.teams}
        self.objectives: dict[str, list[Objective]] = {c.id: [] for c in self.cycles}
        """Published objectives by cycle, in file order."""
        self.by_team: dict[tuple[str, str], list[Objective]] = defaultdict(list)
        self.objective_at: dict[str, Objective] = {}
        self.kr_at: dict[str, KeyResult] = {}
        self.initiative_at: dict[str, Initiative] = {}
        self.hidden: set[str] = set()
        """Page paths of confidential objectives, their key results and initiatives."""
        self.initiatives_of: dict[str, list[Initiative]] = defaultdict(list)
        """Initiatives by the page path of a key result they aim to move."""
        self.aligned_to: dict[str, list[Objective | KeyResult | None]] = defaultdict(list)
        """What aligns with a page (objective or KR), by its path; None stands for a hidden one."""
        self.carried_to: dict[str, list[Objective]] = defaultdict(list)
        self.cycles_of_team: dict[str, list[str]] = defaultdict(list)
        self.owned_elsewhere: dict[tuple[str, str], list[KeyResult]] = defaultdict(list)
        """Published key results a team owns inside another team's objectives, by cycle/team."""

        files = sorted(okrs.files, key=lambda f: (f.cycle, f.path))
        with_files: dict[str, set[str]] = defaultdict(set)
        for okr_file in files:
            with_files[okr_file.cycle].add(okr_file.team)
            for objective in okr_file.objectives:
                if objective.confidential and not include_confidential:
                    self._hide(objective)
                else:
                    self._publish(objective)
        for okr_file in files:
            for objective in okr_file.objectives:
                self._relate(objective)
        for (cycle_id, team_id), _ in list(self.owned_elsewhere.items()):
            # A team that owns key results has a page in that cycle even without a file.
            with_files[cycle_id].add(team_id)

        self.teams: dict[str, list[Team]] = {}
        """Teams with a page in each cycle (those with OKRs and their ancestors), in org order."""
        self.team_ids: dict[str, set[str]] = {}
        self.sub_teams: dict[tuple[str, str], list[Team]] = defaultdict(list)
        for cycle in self.cycles:
            present: set[str] = set()
            for team_id in with_files[cycle.id]:
                seen: set[str] = set()
                current: str | None = team_id
                while current is not None and current not in seen and current in self.team_of:
                    seen.add(current)
                    present.add(current)
                    current = self.team_of[current].parent
            ordered = [t for t in org.teams if t.id in present]
            self.teams[cycle.id] = ordered
            self.team_ids[cycle.id] = present
            for team in ordered:
                self.cycles_of_team[team.id].append(cycle.id)
                if team.parent is not None and team.parent in present:
                    self.sub_teams[(cycle.id, team.parent)].append(team)

    def _hide(self, objective: Objective) -> None:
        self.hidden.add(objective_path(objective))
        self.hidden.update(kr_path(kr) for kr in objective.key_results)
        self.hidden.update(initiative_path(i) for i in objective.initiatives)

    def _publish(self, objective: Objective) -> None:
        self.objectives[objective.cycle].append(objective)
        self.by_team[(objective.cycle, objective.team)].append(objective)
        self.objective_at[objective_path(objective)] = objective
        for kr in objective.key_results:
            self.kr_at[kr_path(kr)] = kr
        for initiative in objective.initiatives:
            self.initiative_at[initiative_path(initiative)] = initiative

    def _relate(self, objective: Objective) -> None:
        """Index the reverse side of every relation the objective declares."""
        path = objective_path(objective)
        hidden = path in self.hidden
        for ref in objective.aligns_with:
            self.aligned_to[ref_path(objective.cycle, ref)].append(None if hidden else objective)
        for kr in objective.key_results:
            for ref in kr.aligns_with:
                self.aligned_to[ref_path(kr.cycle, ref)].append(None if hidden else kr)
        if hidden:
            return
        for kr in objective.key_results:
            if kr.owner_team and kr.owner_team != kr.team and kr.owner_team in self.team_of:
                self.owned_elsewhere[(kr.cycle, kr.owner_team)].append(kr)
        for initiative in objective.initiatives:
            for kr_id in initiative.key_results:
                self.initiatives_of[
                    kr_path_of(objective.cycle, objective.team, objective.id, kr_id)
                ].append(initiative)
        if objective.carried_from:
            self.carried_to[objective.carried_from + "/"].append(objective)

    def objective_of(self, kr_or_initiative: KeyResult | Initiative) -> Objective:
        """The objective a published key result or initiative belongs to."""
        item = kr_or_initiative
        return self.objective_at[objective_path_of(item.cycle, item.team, item.objective)]

    def resolve(self, path: str) -> Objective | KeyResult | Initiative | None:
        """The published objective, KR or initiative at a page path, if there is one."""
        return self.objective_at.get(path) or self.kr_at.get(path) or self.initiative_at.get(path)

    def is_hidden(self, path: str) -> bool:
        """True when the page path belongs to a confidential objective that is not published."""
        if path in self.hidden:
            return True
        parts = path.split("/")
        return len(parts) > 3 and objective_path_above(path) in self.hidden
