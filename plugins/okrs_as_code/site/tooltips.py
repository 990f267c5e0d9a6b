"""Glossary tooltips on hand-written pages, as a Markdown extension of the site's own.

Appending `*[term]: definition` lines (the abbr extension's syntax) to every page cost minutes
with thousands of aliases, let a definition's entities become live HTML on a page that ends
inside an unclosed HTML block, and let an alias such as `wzxhzdk` corrupt Python-Markdown's
placeholders. Instead, the element tree of each page is marked once, with the glossary's single
prefix-tree pattern, skipping links, code and placeholders; the tooltip is an attribute value,
escaped by the serializer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from markdown.extensions import Extension  # type: ignore[import-untyped, unused-ignore]

from .markup import _MarkTerms

if TYPE_CHECKING:
    from collections.abc import Callable

    import markdown  # type: ignore[import-untyped, unused-ignore]

    from .markup import Terms


class GlossaryTooltips(Extension):  # type: ignore[misc, unused-ignore]
    """Marks glossary terms in hand-written pages; `terms` gives the current build's glossary."""

    def __init__(self, terms: Callable[[], Terms | None]) -> None:
        super().__init__()
        self._terms = terms

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        terms = self._terms()
        if terms is not None:
            # After inline patterns (so text is final), before the abbr and toc processors.
            md.treeprocessors.register(_MarkTerms(md, terms), "okrs_glossary", 9)
