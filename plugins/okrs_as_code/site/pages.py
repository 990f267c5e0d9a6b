"""The published OKR site as data: one page spec per page, the navigation, and page contexts.

`Site` turns an OKR set and its lint findings into page specs (path, title, template, the
YAML place to edit) and, on request, the context a page's template needs. It knows nothing of
MkDocs: the plugin turns specs into pages and renders the named templates with the contexts.
Everything shared between pages (views, progress, findings, relations) is computed once per
build, so a page costs the same whatever the size of the organization.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from ..diagnostics import Severity
from ..glossary import lookup
from ..model import Objective
from ..progress import kr_progress, objective_progress
from .alignment import alignment_tree
from .charts import checkin_chart
from .markup import DataMarkdown, Terms, is_safe_url
from .relations import (
    Relations,
    cycle_path,
    initiative_path,
    kr_path,
    objective_path,
    team_path,
)
from .views import (
    CONFIDENTIAL,
    CycleView,
    FindingView,
    InitiativeView,
    KeyResultView,
    Link,
    ObjectiveView,
    RuleView,
    StatusNote,
    TeamView,
    TermView,
    format_confidence,
    format_date,
    format_number,
    format_span,
    format_value,
)

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Collection, Iterable, Mapping, Sequence

    from ..diagnostics import Diagnostic, Loc
    from ..model import Cycle, GlossaryTerm, Initiative, KeyResult, OkrSet, Team
    from ..progress import Health, Progress
    from ..rules import RuleDoc

GLOSSARY = "glossary/"
REVIEW = "review/"
HEALTH_ORDER: tuple[Health, ...] = (
    "off_track",
    "at_risk",
    "on_track",
    "not_started",
    "closed",
    "no_data",
)
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


class Site:
    """The pages of an OKR site and the context of each."""

    def __init__(
        self,
        okrs: OkrSet,
        findings: Sequence[Diagnostic],
        *,
        as_of: dt.date,
        glossary: Sequence[GlossaryTerm],
        rules: Mapping[str, RuleDoc],
        enabled: Collection[str] | None = None,
        include_confidential: bool = False,
        directory_urls: bool = True,
        home: str = "",
    ) -> None:
        self.okrs = okrs
        self.org = okrs.organization
        self.on = as_of
        self.glossary = tuple(glossary)
        self.rules = rules
        self.enabled = set(rules) if enabled is None else set(enabled)
        self.directory_urls = directory_urls
        self.home = home
        self.rel = Relations(okrs, include_confidential=include_confidential)
        self.terms = Terms(self.glossary)
        self.markdown = DataMarkdown(self.terms)
        self.current = self._current_cycle()
        self._kr_views: dict[str, KeyResultView] = {}
        self._objective_views: dict[str, ObjectiveView] = {}
        self._team_views: dict[tuple[str, str], TeamView] = {}
        self._cycle_views: dict[str, CycleView] = {}
        self._terms: dict[str, GlossaryTerm | None] = {}
        self._findings = self._index_findings(findings)
        self.pages = self._pages()
        self.nav = self._nav()

    # Pages and navigation -------------------------------------------------------------------

    def _current_cycle(self) -> Cycle | None:
        """The cycle running on the build date, else the latest started, else the first."""
        cycles = self.rel.cycles
        running = [c for c in cycles if c.is_active(self.on)]
        if running:
            return running[-1]
        started = [c for c in cycles if c.start <= self.on]
        return started[-1] if started else (cycles[0] if cycles else None)

    def _pages(self) -> list[PageSpec]:
        pages = [PageSpec(self.home, "Overview", "okrs/home.html", "home", in_nav=True)]
        for cycle in self.rel.cycles:
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
            for team in self.rel.teams[cycle.id]:
                okr_file = self.okrs.file_for(cycle.id, team.id)
                pages.append(
                    PageSpec(
                        team_path(cycle.id, team.id), team.name, "okrs/team.html", "team",
                        (cycle, team), okr_file.loc if okr_file else team.loc, in_nav=True,
                    )
                )  # fmt: skip
            for objective in self.rel.objectives[cycle.id]:
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

    def _nav(self) -> list[NavEntry]:
        """Cycles, newest first, each with its team tree; then the glossary and the review."""
        entries = []
        for cycle in reversed(self.rel.cycles):
            teams = self.rel.teams[cycle.id]
            present = {t.id for t in teams}

            def tree(team: Team, cycle_id: str = cycle.id) -> NavEntry:
                subs = self.rel.sub_teams.get((cycle_id, team.id), [])
                return NavEntry(
                    team.name, team_path(cycle_id, team.id), tuple(tree(s) for s in subs)
                )

            roots = [t for t in teams if t.parent is None or t.parent not in present]
            entries.append(NavEntry(cycle.id, cycle_path(cycle.id), tuple(tree(t) for t in roots)))
        entries.append(NavEntry("Glossary", GLOSSARY))
        entries.append(NavEntry("Review", REVIEW))
        return entries

    def url(self, path: str) -> str:
        """The URL of a page path, relative to the site root."""
        if self.directory_urls:
            return path or "./"
        return f"{path}index.html"

    # Views, built once and shared ------------------------------------------------------------

    def _cycle(self, cycle_id: str) -> Cycle:
        cycle = self.org.cycle(cycle_id)
        assert cycle is not None
        return cycle

    def kr_view(self, kr: KeyResult) -> KeyResultView:
        """The view of a published key result."""
        path = kr_path(kr)
        view = self._kr_views.get(path)
        if view is None:
            note = kr.last_note
            owner_team = None
            if kr.owner_team and kr.owner_team != kr.team:
                team = self.rel.team_of[kr.owner_team]
                owner_team = Link(team.name, self.url(team_path(kr.cycle, team.id)), "team")
            view = KeyResultView(
                kr=kr,
                url=self.url(path),
                progress=kr_progress(kr, self._cycle(kr.cycle), self.on),
                baseline=format_value(kr.start_value, kr.unit),
                target=format_value(kr.goal, kr.unit),
                current=format_value(kr.current, kr.unit),
                findings=self._open_counts.get(path, 0),
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
                url=self.url(path),
                team=team,
                team_url=self.url(team_path(objective.cycle, team.id)),
                progress=objective_progress(objective, self._cycle(objective.cycle), self.on),
                key_results=tuple(self.kr_view(kr) for kr in objective.key_results),
                findings=self._objective_counts.get(path, 0),
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
                url=self.url(team_path(cycle, team.id)),
                objectives=objectives,
                percent=round(sum(percents) / len(percents)) if percents else None,
                health=_count_health(o.progress for o in objectives),
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
                url=self.url(cycle_path(cycle.id)),
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
                health=_count_health(kr.progress for kr in krs),
                measured=sum(1 for kr in krs if kr.progress.raw is not None),
                graded=sum(1 for kr in krs if kr.progress.score is not None),
                starts=format_date(cycle.start),
            )
            self._cycle_views[cycle.id] = view
        return view

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

    def _aligned(self, items: Iterable[Objective | KeyResult | None]) -> list[Link]:
        links = []
        for item in items:
            if item is None:
                links.append(CONFIDENTIAL)
            elif isinstance(item, Objective):
                links.append(self.link(objective_path(item)))
            else:
                links.append(self.link(kr_path(item)))
        return links

    # Findings -----------------------------------------------------------------------------------

    def _index_findings(self, findings: Sequence[Diagnostic]) -> dict[str, list[FindingView]]:
        by_subject: dict[str, list[FindingView]] = defaultdict(list)
        self.all_findings: list[FindingView] = []
        self._open_counts: Counter[str] = Counter()
        self._objective_counts: Counter[str] = Counter()
        for d in findings:
            path = f"{d.subject}/" if d.subject else None
            if path is not None and self.rel.is_hidden(path):
                continue
            term = self._term(d.term)
            view = FindingView(
                diagnostic=d,
                subject=self.link(path) if path else None,
                term_url=f"{self.url(GLOSSARY)}#{term.slug}" if term else None,
                rule_url=f"{self.url(REVIEW)}#{d.code.lower()}",
                where=f"{d.loc.path}:{d.loc.line}",
            )
            self.all_findings.append(view)
            if path is None:
                continue
            by_subject[path].append(view)
            if d.accepted is None:
                self._open_counts[path] += 1
                self._objective_counts["/".join(path.split("/")[:3]) + "/"] += 1
        return by_subject

    def _term(self, name: str | None) -> GlossaryTerm | None:
        """The glossary term called `name` (or having it as an alias), looked up once."""
        if not name:
            return None
        if name not in self._terms:
            self._terms[name] = lookup(self.glossary, name)
        return self._terms[name]

    def findings(self, path: str) -> list[FindingView]:
        """The findings about the page at `path`, open ones first."""
        return sorted(self._findings.get(path, []), key=lambda f: f.diagnostic.accepted is not None)

    # Contexts -------------------------------------------------------------------------------------

    def context(self, spec: PageSpec) -> dict[str, Any]:
        """Everything the template of `spec` needs, besides MkDocs' own page context."""
        base: dict[str, Any] = {
            "okrs": self,
            "spec": spec,
            "root": "../" * spec.path.count("/"),
            "org": self.org,
            "terms": self.terms,
            "md": self.markdown,
            "findings": self.findings(spec.path),
            "glossary_url": self.url(GLOSSARY),
            "review_url": self.url(REVIEW),
            "home_url": self.url(self.home),
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
        open_findings = [f for f in self.all_findings if f.diagnostic.accepted is None]
        return {
            "cycle": self.cycle_view(cycle),
            "company": [o for t in roots for o in t.objectives],
            "attention": attention[:8],
            "attention_total": len(attention),
            "teams": teams,
            "history": [
                self.cycle_view(c) for c in reversed(self.rel.cycles) if c.is_closed(self.on)
            ],
            "upcoming": [self.cycle_view(c) for c in self.rel.cycles if c.start > self.on],
            "warnings": sum(1 for f in open_findings if f.diagnostic.severity is not Severity.INFO),
            "infos": sum(1 for f in open_findings if f.diagnostic.severity is Severity.INFO),
            "accepted": sum(1 for f in self.all_findings if f.diagnostic.accepted is not None),
        }

    def _team_tree(self, cycle: str) -> list[tuple[int, TeamView]]:
        """The teams of a cycle in tree order (depth first), each with its depth."""
        teams = self.rel.teams.get(cycle, [])
        present = {t.id for t in teams}
        out: list[tuple[int, TeamView]] = []
        stack = [(t, 0) for t in reversed([t for t in teams if t.parent not in present])]
        while stack:
            team, depth = stack.pop()
            out.append((depth, self.team_view(cycle, team)))
            subs = self.rel.sub_teams.get((cycle, team.id), [])
            stack.extend((s, depth + 1) for s in reversed(subs))
        return out

    def _context_cycle(self, spec: PageSpec) -> dict[str, Any]:
        cycle: Cycle = spec.subject
        return {
            "cycle": self.cycle_view(cycle),
            "teams": self._team_tree(cycle.id),
            "alignment": alignment_tree(self.rel, cycle.id, self.objective_view, self.link),
            "cycles": [self.cycle_view(c) for c in self.rel.cycles],
        }

    def _context_team(self, spec: PageSpec) -> dict[str, Any]:
        cycle, team = spec.subject
        parent = self.rel.team_of.get(team.parent) if team.parent else None
        parent_link = None
        if parent is not None:
            if parent.id in self.rel.team_ids[cycle.id]:
                parent_link = Link(parent.name, self.url(team_path(cycle.id, parent.id)), "team")
            else:
                parent_link = Link(parent.name, None, "team")
        subs = self.rel.sub_teams.get((cycle.id, team.id), [])
        other_cycles = [
            Link(c, self.url(team_path(c, team.id)), "cycle")
            for c in self.rel.cycles_of_team.get(team.id, [])
            if c != cycle.id
        ]
        view = self.team_view(cycle.id, team)
        return {
            "cycle": self.cycle_view(cycle),
            "team": view,
            "description": self.markdown.block(team.description),
            "parent": parent_link,
            "sub_teams": [self.team_view(cycle.id, s) for s in subs],
            "other_cycles": other_cycles,
            "team_findings": sum(o.findings for o in view.objectives),
            "owned_objectives": {
                kr.kr.ref: self.objective_view(self.rel.objective_of(kr.kr)) for kr in view.owned
            },
        }

    def _context_objective(self, spec: PageSpec) -> dict[str, Any]:
        objective: Objective = spec.subject
        path = spec.path
        carried_from = None
        if objective.carried_from:
            source = objective.carried_from + "/"
            carried_from = (
                self.link(source)
                if source in self.rel.objective_at or self.rel.is_hidden(source)
                else None
            )
        return {
            "cycle": self.cycle_view(self._cycle(objective.cycle)),
            "view": self.objective_view(objective),
            "type_term": TYPE_TERMS[objective.type],
            "description": self.markdown.block(objective.description),
            "initiatives": [self.initiative_view(i) for i in objective.initiatives],
            "aligns_with": [
                self.link(f"{objective.cycle}/{self._ref(r)}") for r in objective.aligns_with
            ],
            "supported_by": self._aligned(self.rel.aligned_to.get(path, [])),
            "kr_supported_by": {
                kr.id: self._aligned(self.rel.aligned_to.get(kr_path(kr), []))
                for kr in objective.key_results
            },
            "carried_from": carried_from,
            "carried_to": [self.link(objective_path(o)) for o in self.rel.carried_to.get(path, [])],
            "accept": self._accepts(objective.accept),
            "findings_below": self._objective_counts.get(path, 0) - self._open_counts.get(path, 0),
        }

    @staticmethod
    def _ref(ref: str) -> str:
        parts = ref.split("/")
        if len(parts) == 3:
            return f"{parts[0]}/{parts[1]}/key-results/{parts[2]}/"
        return f"{ref}/"

    def _accepts(self, accept: Mapping[str, str]) -> dict[str, Markup]:
        return {code: self.markdown.inline(reason) for code, reason in accept.items()}

    def initiative_view(self, initiative: Initiative) -> InitiativeView:
        """The view of a published initiative."""
        base = f"{initiative.cycle}/{initiative.team}/{initiative.objective}/key-results/"
        return InitiativeView(
            initiative=initiative,
            url=self.url(initiative_path(initiative)),
            key_results=tuple(self.link(f"{base}{kr}/") for kr in initiative.key_results),
        )

    def _context_key_result(self, spec: PageSpec) -> dict[str, Any]:
        kr: KeyResult = spec.subject
        cycle = self._cycle(kr.cycle)
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
            "cycle": self.cycle_view(cycle),
            "view": self.kr_view(kr),
            "objective": self.objective_view(objective),
            "direction": kr.effective_direction,
            "chart": checkin_chart(kr, cycle, self.on),
            "checkins": checkins,
            "initiatives": [
                self.initiative_view(i) for i in self.rel.initiatives_of.get(spec.path, [])
            ],
            "aligns_with": [self.link(f"{kr.cycle}/{self._ref(r)}") for r in kr.aligns_with],
            "supported_by": self._aligned(self.rel.aligned_to.get(spec.path, [])),
            "accept": self._accepts(kr.accept),
        }

    def _context_initiative(self, spec: PageSpec) -> dict[str, Any]:
        initiative: Initiative = spec.subject
        objective = self.rel.objective_of(initiative)
        base = f"{initiative.cycle}/{initiative.team}/{initiative.objective}/key-results/"
        return {
            "cycle": self.cycle_view(self._cycle(initiative.cycle)),
            "objective": self.objective_view(objective),
            "status": STATUS_LABELS[initiative.status],
            "description": self.markdown.block(initiative.description),
            "key_results": [
                self.kr_view(self.rel.kr_at[f"{base}{kr}/"])
                for kr in initiative.key_results
                if f"{base}{kr}/" in self.rel.kr_at
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
                        f"{self.url(REVIEW)}#{rule.code.lower()}",
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
        for finding in self.all_findings:
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
                    why=doc.why if doc else "",
                    example=doc.example if doc else "",
                    better=doc.better if doc else "",
                    fix=self.markdown.inline(doc.fix) if doc and doc.fix else Markup(""),
                    term=Link(term.term, f"{self.url(GLOSSARY)}#{term.slug}", "term")
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

    # Search -----------------------------------------------------------------------------------

    def search_text(self, spec: PageSpec) -> Markup | None:
        """What the search index should hold for a page: its own words only.

        Pages of cycles, teams and objectives repeat the titles of everything below them, and
        every page has progress bars, chips and charts; indexed as drawn, a search for a key
        result would find a dozen pages that merely list it. None means: index the page as it is.
        """
        kind = spec.kind
        parts: list[str | None] = []
        if kind == "objective":
            o: Objective = spec.subject
            team = self.rel.team_of[o.team].name
            parts = [f"{TYPE_TERMS[o.type]} of {team}, {o.cycle}", _owners(o.owner)]
            parts.append(self.markdown.block(o.description))
        elif kind == "key_result":
            kr: KeyResult = spec.subject
            objective = self.rel.objective_of(kr)
            parts = [
                f"Key result of {objective.title} ({self.rel.team_of[kr.team].name}, {kr.cycle})",
                kr.metric and f"Metric: {kr.metric}",
                kr.source and f"Source: {kr.source}",
                kr.proxy_for and f"Outcome proxy for {kr.proxy_for}",
                _owners(kr.owner),
            ]
            parts += [self.markdown.inline(c.note) for c in kr.checkins if c.note]
        elif kind == "initiative":
            initiative: Initiative = spec.subject
            objective = self.rel.objective_of(initiative)
            team = self.rel.team_of[initiative.team].name
            parts = [
                f"Initiative of {objective.title} ({team}, {initiative.cycle})",
                _owners(initiative.owner),
                self.markdown.block(initiative.description),
            ]
        elif kind == "team":
            cycle, team = spec.subject
            parts = [f"Team in {cycle.label}", team.owners and "Owners: " + ", ".join(team.owners)]
            parts.append(self.markdown.block(team.description))
        elif kind == "cycle":
            cycle = spec.subject
            parts = [f"{cycle.label}: {format_span(cycle)}"]
        elif kind == "home":
            parts = [f"{self.org.name}: OKRs at a glance"]
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


def _count_health(progress: Iterable[Progress]) -> dict[str, int]:
    counts = Counter(p.health for p in progress)
    return {h: counts[h] for h in HEALTH_ORDER if counts[h]}


def _owners(owners: tuple[str, ...]) -> str | None:
    return "Owner: " + ", ".join(owners) if owners else None


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


def _links(links: Iterable[str]) -> list[tuple[str, bool]]:
    """Each link with whether it may be a live `<a href>` (http and https only)."""
    return [
        (link, is_safe_url(link) and link.lower().startswith(("http://", "https://")))
        for link in links
    ]
