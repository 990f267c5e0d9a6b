"""What each page's template gets: one context builder per kind of page.

A context holds views (shared, built once per build), links and findings; templates add the
page's `root` in front of every site-root-relative URL.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from ..diagnostics import Severity
from ..glossary import lookup
from ..urls import GLOSSARY, REVIEW, kr_path, kr_path_of, objective_path, ref_path, team_path
from .alignment import alignment_tree
from .charts import checkin_chart
from .markup import is_safe_url
from .views import (
    HEALTH_ORDER,
    Link,
    RuleView,
    TermView,
    format_confidence,
    format_date,
    format_number,
    format_value,
)

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Collection, Iterable, Mapping, Sequence

    from ..model import Cycle, GlossaryTerm, Initiative, KeyResult, Objective, OkrSet
    from ..rules import RuleDoc
    from .findings import FindingIndex
    from .markup import DataMarkdown, Terms
    from .pages import PageSpec
    from .relations import Relations
    from .views import FindingView, Links, TeamView, Views

STATUS_LABELS = {
    "planned": "Planned",
    "in_progress": "In progress",
    "done": "Done",
    "dropped": "Dropped",
}
TYPE_TERMS = {
    "committed": "Committed objective",
    "aspirational": "Aspirational objective",
    "learning": "Learning objective",
}


class Contexts:
    """Builds the template context of every page from the site's shared parts."""

    def __init__(
        self,
        okrs: OkrSet,
        rel: Relations,
        links: Links,
        views: Views,
        findings: FindingIndex,
        markdown: DataMarkdown,
        terms: Terms,
        *,
        site: object,
        on: dt.date,
        current: Cycle | None,
        home: str,
        glossary: Sequence[GlossaryTerm],
        rules: Mapping[str, RuleDoc],
        enabled: Collection[str],
    ) -> None:
        self.okrs = okrs
        self.org = okrs.organization
        self.rel = rel
        self.links = links
        self.views = views
        self.findings = findings
        self.markdown = markdown
        self.terms = terms
        self.site = site
        self.on = on
        self.current = current
        self.home = home
        self.glossary = glossary
        self.rules = rules
        self.enabled = enabled

    def context(self, spec: PageSpec) -> dict[str, Any]:
        """Everything the template of `spec` needs, besides MkDocs' own page context."""
        base: dict[str, Any] = {
            "okrs": self.site,
            "spec": spec,
            "root": "../" * spec.path.count("/"),
            "org": self.org,
            "terms": self.terms,
            "md": self.markdown,
            "findings": self.findings.findings(spec.path),
            "glossary_url": self.links.url(GLOSSARY),
            "review_url": self.links.url(REVIEW),
            "home_url": self.links.url(self.home),
            "as_of": format_date(self.on),
        }
        base.update(getattr(self, f"_context_{spec.kind}")(spec))
        return base

    def _context_home(self, spec: PageSpec) -> dict[str, Any]:
        cycle = self.current
        if cycle is None:
            return {"cycle": None}
        teams = self._team_tree(cycle.id)
        roots = [t for depth, t in teams if depth == 0]
        krs = [kr for _, t in teams for o in t.objectives for kr in o.key_results]
        attention = sorted(
            (kr for kr in krs if kr.progress.health in ("off_track", "at_risk")),
            key=lambda kr: (
                HEALTH_ORDER.index(kr.progress.health),
                (kr.progress.value or 0) - kr.progress.expected,
            ),
        )
        open_findings = [f for f in self.findings.all if f.diagnostic.accepted is None]
        return {
            "cycle": self.views.cycle_view(cycle),
            "company": [o for t in roots for o in t.objectives],
            "attention": attention[:8],
            "attention_total": len(attention),
            "teams": teams,
            "history": [
                self.views.cycle_view(c) for c in reversed(self.rel.cycles) if c.is_closed(self.on)
            ],
            "upcoming": [self.views.cycle_view(c) for c in self.rel.cycles if c.start > self.on],
            "warnings": sum(1 for f in open_findings if f.diagnostic.severity is not Severity.INFO),
            "infos": sum(1 for f in open_findings if f.diagnostic.severity is Severity.INFO),
            "accepted": sum(1 for f in self.findings.all if f.diagnostic.accepted is not None),
        }

    def _team_tree(self, cycle: str) -> list[tuple[int, TeamView]]:
        """The teams of a cycle in tree order (depth first), each with its depth."""
        teams = self.rel.teams.get(cycle, [])
        present = {t.id for t in teams}
        out: list[tuple[int, TeamView]] = []
        stack = [(t, 0) for t in reversed([t for t in teams if t.parent not in present])]
        while stack:
            team, depth = stack.pop()
            out.append((depth, self.views.team_view(cycle, team)))
            subs = self.rel.sub_teams.get((cycle, team.id), [])
            stack.extend((s, depth + 1) for s in reversed(subs))
        return out

    def _context_cycle(self, spec: PageSpec) -> dict[str, Any]:
        cycle: Cycle = spec.subject
        return {
            "cycle": self.views.cycle_view(cycle),
            "teams": self._team_tree(cycle.id),
            "alignment": alignment_tree(
                self.rel, cycle.id, self.views.objective_view, self.links.link
            ),
            "cycles": [self.views.cycle_view(c) for c in self.rel.cycles],
        }

    def _context_team(self, spec: PageSpec) -> dict[str, Any]:
        cycle, team = spec.subject
        parent = self.rel.team_of.get(team.parent) if team.parent else None
        parent_link = None
        if parent is not None:
            if parent.id in self.rel.team_ids[cycle.id]:
                parent_link = Link(
                    parent.name, self.links.url(team_path(cycle.id, parent.id)), "team"
                )
            else:
                parent_link = Link(parent.name, None, "team")
        subs = self.rel.sub_teams.get((cycle.id, team.id), [])
        other_cycles = [
            Link(c, self.links.url(team_path(c, team.id)), "cycle")
            for c in self.rel.cycles_of_team.get(team.id, [])
            if c != cycle.id
        ]
        view = self.views.team_view(cycle.id, team)
        return {
            "cycle": self.views.cycle_view(cycle),
            "team": view,
            "description": self.markdown.block(team.description),
            "parent": parent_link,
            "sub_teams": [self.views.team_view(cycle.id, s) for s in subs],
            "other_cycles": other_cycles,
            "team_findings": sum(o.findings for o in view.objectives),
            "owned_objectives": {
                kr.kr.ref: self.views.objective_view(self.rel.objective_of(kr.kr))
                for kr in view.owned
            },
        }

    def _context_objective(self, spec: PageSpec) -> dict[str, Any]:
        objective: Objective = spec.subject
        path = spec.path
        carried_from = None
        if objective.carried_from:
            source = objective.carried_from + "/"
            carried_from = (
                self.links.link(source)
                if source in self.rel.objective_at or self.rel.is_hidden(source)
                else None
            )
        return {
            "cycle": self.views.cycle_view(self.views.cycle(objective.cycle)),
            "view": self.views.objective_view(objective),
            "type_term": TYPE_TERMS[objective.type],
            "description": self.markdown.block(objective.description),
            "initiatives": [self.views.initiative_view(i) for i in objective.initiatives],
            "aligns_with": [
                self.links.link(ref_path(objective.cycle, r)) for r in objective.aligns_with
            ],
            "supported_by": self.links.aligned(self.rel.aligned_to.get(path, [])),
            "kr_supported_by": {
                kr.id: self.links.aligned(self.rel.aligned_to.get(kr_path(kr), []))
                for kr in objective.key_results
            },
            "carried_from": carried_from,
            "carried_to": [
                self.links.link(objective_path(o)) for o in self.rel.carried_to.get(path, [])
            ],
            "accept": self._accepts(objective.accept),
            "findings_below": self.findings.objective_counts.get(path, 0)
            - self.findings.open_counts.get(path, 0),
        }

    def _accepts(self, accept: Mapping[str, str]) -> dict[str, Markup]:
        return {code: self.markdown.inline(reason) for code, reason in accept.items()}

    def _context_key_result(self, spec: PageSpec) -> dict[str, Any]:
        kr: KeyResult = spec.subject
        cycle = self.views.cycle(kr.cycle)
        objective = self.rel.objective_of(kr)
        checkins = [
            {
                "date": format_date(c.date),
                "iso": c.date.isoformat(),
                "value": format_value(c.value, kr.unit),
                "progress": None if c.progress is None else format_number(c.progress),
                "confidence": format_confidence(c.confidence),
                "note": self.markdown.inline(c.note),
            }
            for c in reversed(kr.checkins)
        ]
        return {
            "has_values": any(c.value is not None for c in kr.checkins),
            "has_progress": any(c.progress is not None for c in kr.checkins),
            "has_confidence": any(c.confidence is not None for c in kr.checkins),
            "description": self.markdown.block(kr.description),
            "links": _links(kr.links),
            "cycle": self.views.cycle_view(cycle),
            "view": self.views.kr_view(kr),
            "objective": self.views.objective_view(objective),
            "direction": kr.effective_direction,
            "chart": checkin_chart(kr, cycle, self.on),
            "checkins": checkins,
            "initiatives": [
                self.views.initiative_view(i) for i in self.rel.initiatives_of.get(spec.path, [])
            ],
            "aligns_with": [self.links.link(ref_path(kr.cycle, r)) for r in kr.aligns_with],
            "supported_by": self.links.aligned(self.rel.aligned_to.get(spec.path, [])),
            "accept": self._accepts(kr.accept),
        }

    def _context_initiative(self, spec: PageSpec) -> dict[str, Any]:
        initiative: Initiative = spec.subject
        objective = self.rel.objective_of(initiative)
        ids = (initiative.cycle, initiative.team, initiative.objective)
        return {
            "cycle": self.views.cycle_view(self.views.cycle(initiative.cycle)),
            "objective": self.views.objective_view(objective),
            "status": STATUS_LABELS[initiative.status],
            "description": self.markdown.block(initiative.description),
            "key_results": [
                self.views.kr_view(self.rel.kr_at[kr_path_of(*ids, kr)])
                for kr in initiative.key_results
                if kr_path_of(*ids, kr) in self.rel.kr_at
            ],
            "links": _links(initiative.links),
        }

    def _context_glossary(self, spec: PageSpec) -> dict[str, Any]:
        teaching: dict[str, list[Link]] = defaultdict(list)
        for rule in self.rules.values():
            if rule.term:
                teaching[rule.term.casefold()].append(
                    Link(
                        f"{rule.code} {rule.name}",
                        f"{self.links.url(REVIEW)}#{rule.code.lower()}",
                        "rule",
                    )
                )
        entries = []
        for term in self.glossary:
            see_also = []
            for name in term.see_also:
                other = lookup(self.glossary, name)
                see_also.append(
                    Link(other.term if other else name, f"#{other.slug}" if other else None, "term")
                )
            entries.append(
                TermView(
                    term=term.term,
                    slug=term.slug,
                    definition=self.markdown.block(term.definition),
                    aliases=term.aliases,
                    avoid=term.example[0] if term.example else None,
                    prefer=term.example[1] if term.example else None,
                    see_also=tuple(see_also),
                    rules=tuple(teaching.get(term.term.casefold(), ())),
                )
            )
        letters = sorted({e.term.strip('"')[:1].upper() for e in entries})
        return {"entries": entries, "letters": letters}

    def _context_review(self, spec: PageSpec) -> dict[str, Any]:
        by_code: dict[str, list[FindingView]] = defaultdict(list)
        for finding in self.findings.all:
            by_code[finding.diagnostic.code].append(finding)
        rules = []
        for code in sorted(set(self.rules) | set(by_code)):
            doc = self.rules.get(code)
            found = by_code.get(code, [])
            term = lookup(self.glossary, doc.term) if doc and doc.term else None
            rules.append(
                RuleView(
                    code=code,
                    name=doc.name if doc else (found[0].diagnostic.name if found else ""),
                    summary=doc.summary if doc else "",
                    severity=doc.severity.value if doc else "warning",
                    # Rule docs write code as `progress`; render it as the fix text is.
                    why=self.markdown.inline(doc.why) if doc and doc.why else Markup(""),
                    example=doc.example if doc else "",
                    better=doc.better if doc else "",
                    fix=self.markdown.inline(doc.fix) if doc and doc.fix else Markup(""),
                    term=Link(term.term, f"{self.links.url(GLOSSARY)}#{term.slug}", "term")
                    if term
                    else None,
                    open=tuple(f for f in found if f.diagnostic.accepted is None),
                    accepted=tuple(f for f in found if f.diagnostic.accepted is not None),
                    enabled=code in self.enabled,
                )
            )
        open_total = sum(len(r.open) for r in rules)
        return {
            "rules": rules,
            "open_total": open_total,
            "accepted_total": sum(len(r.accepted) for r in rules),
            "rules_with_findings": sum(1 for r in rules if r.open or r.accepted),
        }


def _links(links: Iterable[str]) -> list[tuple[str, bool]]:
    """Each link with whether it may be a live `<a href>` (http and https only)."""
    return [
        (link, is_safe_url(link) and link.lower().startswith(("http://", "https://")))
        for link in links
    ]
