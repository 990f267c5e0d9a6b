"""The site builder: an OKR set and its findings in, page specs and page contexts out.

`Site` only composes the parts, each with one job: `Relations` (who links to whom),
`Links` (URLs from `urls`), `FindingIndex` (findings by page), `Views` (shared, cached views),
`Contexts` (what each template gets), `pages` (the page list and navigation) and `search`
(what the index holds). It knows nothing of MkDocs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .contexts import Contexts
from .findings import FindingIndex
from .markup import DataMarkdown, Terms
from .pages import current_cycle, navigation, page_specs
from .relations import Relations
from .search import search_text
from .views import Links, Views

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Collection, Mapping, Sequence

    from markupsafe import Markup

    from ..diagnostics import Diagnostic
    from ..model import GlossaryTerm, OkrSet
    from ..rules import RuleDoc
    from .pages import PageSpec


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
        self.home = home
        self.rel = Relations(okrs, include_confidential=include_confidential)
        glossary = tuple(glossary)
        self.terms = Terms(glossary)
        self.markdown = DataMarkdown(self.terms)
        self.links = Links(self.rel, directory_urls=directory_urls)
        self.findings = FindingIndex(findings, self.rel, self.links, glossary)
        self.views = Views(self.rel, self.links, self.findings, self.markdown, on=as_of)
        self.contexts = Contexts(
            okrs, self.rel, self.links, self.views, self.findings, self.markdown, self.terms,
            site=self, on=as_of, current=current_cycle(self.rel, as_of), home=home,
            glossary=glossary, rules=rules, enabled=set(rules) if enabled is None else enabled,
        )  # fmt: skip
        self.pages = page_specs(self.rel, okrs, home)
        self.nav = navigation(self.rel)

    def url(self, path: str) -> str:
        """The URL of a page path, relative to the site root."""
        return self.links.url(path)

    def context(self, spec: PageSpec) -> dict[str, Any]:
        """Everything the template of `spec` needs, besides MkDocs' own page context."""
        return self.contexts.context(spec)

    def search_text(self, spec: PageSpec) -> Markup | None:
        """What the search index should hold for a page (None: index it as drawn)."""
        return search_text(spec, self.rel, self.markdown, self.okrs.organization.name)
