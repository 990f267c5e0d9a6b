"""The pages of the published OKR site and its navigation, as plain data.

A page spec says where a page lives (its path, from `urls`), what it is called, which template
draws it and which YAML holds what it shows. The MkDocs plugin turns specs into in-memory
pages; nothing here knows MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..urls import GLOSSARY, REVIEW, cycle_path, initiative_path, kr_path, objective_path, team_path

if TYPE_CHECKING:
    import datetime as dt

    from ..diagnostics import Loc
    from ..model import Cycle, OkrSet, Team
    from .relations import Relations


@dataclass(frozen=True, slots=True)
class PageSpec:
    """One page of the site: where it lives, what it is called, how it is drawn."""

    path: str
    """Below the site root, with a trailing slash (`2026-Q4/checkout/`); "" for the site index."""
    title: str
    """Plain text; whoever puts it into HTML escapes it."""
    template: str
    """The body template, namespaced: `okrs/objective.html`."""
    kind: str
    subject: Any = None
    source: Loc | None = None
    """The YAML that holds what the page shows, for "Edit this page"."""
    parent: str | None = None
    """The page above it in the breadcrumbs, for pages that are not in the navigation."""
    in_nav: bool = False

    @property
    def src_uri(self) -> str:
        """The page's file name in the site's sources: the path plus index.md."""
        return f"{self.path}index.md"


@dataclass(frozen=True, slots=True)
class NavEntry:
    """A page in the navigation; with children it is a section whose index is the page."""

    title: str
    path: str
    children: tuple[NavEntry, ...] = field(default=())


def current_cycle(rel: Relations, on: dt.date) -> Cycle | None:
    """The cycle running on the build date, else the latest started, else the first."""
    cycles = rel.cycles
    running = [c for c in cycles if c.is_active(on)]
    if running:
        return running[-1]
    started = [c for c in cycles if c.start <= on]
    return started[-1] if started else (cycles[0] if cycles else None)


def page_specs(rel: Relations, okrs: OkrSet, home: str) -> list[PageSpec]:
    """Every page: home, cycles, teams, objectives, KRs, initiatives, glossary and review."""
    pages = [PageSpec(home, "Overview", "okrs/home.html", "home", in_nav=True)]
    for cycle in rel.cycles:
        pages.append(
            PageSpec(
                cycle_path(cycle.id),
                cycle.label,
                "okrs/cycle.html",
                "cycle",
                cycle,
                cycle.loc,
                in_nav=True,
            )
        )
        for team in rel.teams[cycle.id]:
            okr_file = okrs.file_for(cycle.id, team.id)
            pages.append(
                PageSpec(
                    team_path(cycle.id, team.id), team.name, "okrs/team.html", "team",
                    (cycle, team), okr_file.loc if okr_file else team.loc, in_nav=True,
                )
            )  # fmt: skip
        for objective in rel.objectives[cycle.id]:
            path = objective_path(objective)
            pages.append(
                PageSpec(
                    path, objective.title, "okrs/objective.html", "objective", objective,
                    objective.loc, parent=team_path(cycle.id, objective.team),
                )
            )  # fmt: skip
            for kr in objective.key_results:
                pages.append(
                    PageSpec(
                        kr_path(kr), kr.title, "okrs/key_result.html", "key_result", kr,
                        kr.loc, parent=path,
                    )
                )  # fmt: skip
            for initiative in objective.initiatives:
                pages.append(
                    PageSpec(
                        initiative_path(initiative), initiative.title, "okrs/initiative.html",
                        "initiative", initiative, initiative.loc, parent=path,
                    )
                )  # fmt: skip
    pages.append(PageSpec(GLOSSARY, "Glossary", "okrs/glossary.html", "glossary", in_nav=True))
    pages.append(PageSpec(REVIEW, "Review", "okrs/review.html", "review", in_nav=True))
    return pages


def navigation(rel: Relations) -> list[NavEntry]:
    """Cycles, newest first, each with its team tree; then the glossary and the review."""
    entries = []
    for cycle in reversed(rel.cycles):
        teams = rel.teams[cycle.id]
        present = {t.id for t in teams}

        def tree(team: Team, cycle_id: str = cycle.id) -> NavEntry:
            subs = rel.sub_teams.get((cycle_id, team.id), [])
            return NavEntry(team.name, team_path(cycle_id, team.id), tuple(tree(s) for s in subs))

        roots = [t for t in teams if t.parent is None or t.parent not in present]
        entries.append(NavEntry(cycle.id, cycle_path(cycle.id), tuple(tree(t) for t in roots)))
    entries.append(NavEntry("Glossary", GLOSSARY))
    entries.append(NavEntry("Review", REVIEW))
    return entries
