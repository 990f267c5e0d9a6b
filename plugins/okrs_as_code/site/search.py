"""What the search index holds for each generated page: its own words only."""

from __future__ import annotations

from typing import TYPE_CHECKING

from markupsafe import Markup

from .contexts import TYPE_TERMS
from .views import format_span

if TYPE_CHECKING:
    from ..model import Initiative, KeyResult, Objective
    from .markup import DataMarkdown
    from .pages import PageSpec
    from .relations import Relations


def search_text(
    spec: PageSpec, rel: Relations, markdown: DataMarkdown, org_name: str
) -> Markup | None:
    """What the search index should hold for a page: its own words only.

    Pages of cycles, teams and objectives repeat the titles of everything below them, and
    every page has progress bars, chips and charts; indexed as drawn, a search for a key
    result would find a dozen pages that merely list it. None means: index the page as it is.
    """
    kind = spec.kind
    parts: list[str | None] = []
    if kind == "objective":
        o: Objective = spec.subject
        team = rel.team_of[o.team].name
        parts = [f"{TYPE_TERMS[o.type]} of {team}, {o.cycle}", _owners(o.owner)]
        parts.append(markdown.block(o.description))
    elif kind == "key_result":
        kr: KeyResult = spec.subject
        objective = rel.objective_of(kr)
        parts = [
            f"Key result of {objective.title} ({rel.team_of[kr.team].name}, {kr.cycle})",
            kr.metric and f"Metric: {kr.metric}",
            kr.source and f"Source: {kr.source}",
            kr.proxy_for and f"Outcome proxy for {kr.proxy_for}",
            _owners(kr.owner),
        ]
        parts += [markdown.inline(c.note) for c in kr.checkins if c.note]
    elif kind == "initiative":
        initiative: Initiative = spec.subject
        objective = rel.objective_of(initiative)
        team = rel.team_of[initiative.team].name
        parts = [
            f"Initiative of {objective.title} ({team}, {initiative.cycle})",
            _owners(initiative.owner),
            markdown.block(initiative.description),
        ]
    elif kind == "team":
        cycle, team = spec.subject
        parts = [f"Team in {cycle.label}", team.owners and "Owners: " + ", ".join(team.owners)]
        parts.append(markdown.block(team.description))
    elif kind == "cycle":
        cycle = spec.subject
        parts = [f"{cycle.label}: {format_span(cycle)}"]
    elif kind == "home":
        parts = [f"{org_name}: OKRs at a glance"]
    else:
        return None
    out = Markup("")
    for part in parts:
        if not part:
            continue
        out += (
            part
            if isinstance(part, Markup) and part.startswith("<")
            else Markup("<p>%s</p>") % part
        )
    return out


def _owners(owners: tuple[str, ...]) -> str | None:
    return "Owner: " + ", ".join(owners) if owners else None
