"""Lint findings as the site shows them: indexed by the page they are about, counted once."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from ..glossary import lookup
from ..urls import GLOSSARY, REVIEW, objective_path_above
from .views import FindingView

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..diagnostics import Diagnostic
    from ..model import GlossaryTerm
    from .relations import Relations
    from .views import Links


class FindingIndex:
    """Every published finding, by the page path of its subject, with open counts per page."""

    def __init__(
        self,
        findings: Sequence[Diagnostic],
        rel: Relations,
        links: Links,
        glossary: Sequence[GlossaryTerm],
    ) -> None:
        self.rel = rel
        self.links = links
        self.glossary = glossary
        self._terms: dict[str, GlossaryTerm | None] = {}
        self.by_subject = self._index(findings)

    def _index(self, findings: Sequence[Diagnostic]) -> dict[str, list[FindingView]]:
        by_subject: dict[str, list[FindingView]] = defaultdict(list)
        self.all: list[FindingView] = []
        self.open_counts: Counter[str] = Counter()
        self.objective_counts: Counter[str] = Counter()
        for d in findings:
            path = f"{d.subject}/" if d.subject else None
            if path is not None and self.rel.is_hidden(path):
                continue
            term = self.term(d.term)
            view = FindingView(
                diagnostic=d,
                subject=self.links.link(path) if path else None,
                term_url=f"{self.links.url(GLOSSARY)}#{term.slug}" if term else None,
                rule_url=f"{self.links.url(REVIEW)}#{d.code.lower()}",
                where=f"{d.loc.path}:{d.loc.line}",
            )
            self.all.append(view)
            if path is None:
                continue
            by_subject[path].append(view)
            if d.accepted is None:
                self.open_counts[path] += 1
                self.objective_counts[objective_path_above(path)] += 1
        return by_subject

    def term(self, name: str | None) -> GlossaryTerm | None:
        """The glossary term called `name` (or having it as an alias), looked up once."""
        if not name:
            return None
        if name not in self._terms:
            self._terms[name] = lookup(self.glossary, name)
        return self._terms[name]

    def findings(self, path: str) -> list[FindingView]:
        """The findings about the page at `path`, open ones first."""
        return sorted(
            self.by_subject.get(path, []), key=lambda f: f.diagnostic.accepted is not None
        )
