"""Text from OKR data made safe for a web page, with glossary terms as tooltips.

Descriptions, notes and reasons are written by many people and published to everyone, so they
are rendered here, by a Markdown instance of our own, never by the site's: raw HTML is read as
text, only http(s), mailto and relative links survive, and none of the site's extensions
(attribute lists, snippet includes, HTML in Markdown) ever sees data text. The result is
`Markup`, which autoescaping templates output as it is; everything else is escaped by them.
"""

from __future__ import annotations

import html
import re
from functools import cache
from typing import TYPE_CHECKING, Any
from xml.etree import ElementTree as etree

# Python-Markdown ships no type hints (types-Markdown has them where installed).
import markdown  # type: ignore[import-untyped, unused-ignore]
from markdown.treeprocessors import Treeprocessor  # type: ignore[import-untyped, unused-ignore]
from markupsafe import Markup, escape

if TYPE_CHECKING:
    from collections.abc import Iterable

    from ..model import GlossaryTerm

_SAFE_SCHEMES = frozenset(("http", "https", "mailto"))
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
# Browsers ignore ASCII control characters and whitespace inside a URL's scheme, so
# "java\tscript:" is javascript: to them; they are removed before the scheme is read.
_IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f]+")
# Text with none of these characters, on one line, reads the same as Markdown and as plain text,
# so it can skip the Markdown parser (most check-in notes and reasons do).
_MARKDOWN_SYNTAX = re.compile(r"[\\`*_\[\]<>&!#~|\n]|^\s*(?:[-+>]|\d+[.)])(?:\s|$)|^\s{4}")
_TOOLTIP_LENGTH = 220
# Longer "terms" are not looked for in text (and would nest the pattern too deeply).
_LONGEST_FORM = 200
# Python-Markdown looks for the closing bracket of every "[" afresh: thousands of unmatched ones
# take minutes. Past this many, brackets are shown as written (escaped) and link nothing.
_MAX_BRACKETS = 200
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'(])")
# The only attributes data Markdown may produce, by element.
_ATTRIBUTES = {"a": ("href", "title"), "img": ("src", "alt", "title"), "abbr": ("title",)}
# Elements whose text is never marked up with glossary tooltips.
_NO_TERMS = frozenset(("a", "abbr", "code", "pre"))


def is_safe_url(url: str) -> bool:
    """True for http, https and mailto URLs and for relative ones; False for any other scheme."""
    cleaned = _IGNORED_IN_URL.sub("", html.unescape(url)).lower()
    match = _SCHEME.match(cleaned)
    return match is None or match.group(1) in _SAFE_SCHEMES


def plain_text(markdown_text: str) -> str:
    """Markdown reduced to its words on one line (for tooltips and summaries)."""
    return " ".join(_plain_renderer().block(markdown_text).striptags().split())


@cache
def _plain_renderer() -> DataMarkdown:
    return DataMarkdown(())


def shorten(text: str, limit: int = _TOOLTIP_LENGTH) -> str:
    """`text` cut at a word boundary to at most `limit` characters, with an ellipsis if cut."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit - 1)
    if cut <= 0:  # one long word: cut it, never keep it whole
        cut = limit - 1
    return text[:cut].rstrip(",;:") + "…"


class Terms:
    """The glossary as tooltips: finds term names and aliases in text and wraps them in <abbr>."""

    def __init__(self, terms: Iterable[GlossaryTerm]) -> None:
        self.definitions: dict[str, str] = {}
        """Tooltip text by every form of every term (term and aliases), lower-cased."""
        self.forms: dict[str, str] = {}
        """Tooltip text by every form of every term, as the glossary writes it."""
        self.by_form: dict[str, GlossaryTerm] = {}
        self._abbrs: dict[tuple[str, str | None], Markup] = {}
        for term in terms:
            # The first sentence is the definition; the rest is advice for the glossary page.
            tooltip = shorten(_SENTENCE_END.split(plain_text(term.definition), maxsplit=1)[0])
            for form in (term.term, *term.aliases):
                # Teams write "Baseline" at the start of a sentence and "baseline" inside one.
                self.definitions.setdefault(form.lower(), tooltip)
                self.forms.setdefault(form, tooltip)
                self.by_form.setdefault(form.lower(), term)
        # A trie of the forms, so that matching costs the length of a form, not their number
        # (10,000 aliases as a flat alternation are tried one by one at every position).
        self.pattern = (
            re.compile(
                r"(?<![\w-])"
                + _trie([f for f in self.definitions if len(f) <= _LONGEST_FORM])
                + r"(?![\w-])",
                re.IGNORECASE,
            )
            if self.definitions
            else None
        )

    def tooltip(self, name: str) -> str | None:
        """The tooltip text of a term or alias, if it is in the glossary."""
        return self.definitions.get(name.lower())

    def abbr(self, label: str, name: str | None = None) -> Markup:
        """`label` escaped, wrapped in <abbr> with the definition of term `name` (or `label`)."""
        # Pages ask for the same few labels thousands of times.
        cached = self._abbrs.get((label, name))
        if cached is None:
            tooltip = self.definitions.get((name or label).lower())
            if tooltip is None:
                cached = escape(label)
            else:
                cached = Markup(f'<abbr title="{escape(tooltip)}">{escape(label)}</abbr>')
            self._abbrs[(label, name)] = cached
        return cached

    def mark(self, text: str) -> Markup:
        """Plain `text` escaped, with every glossary term in it wrapped in <abbr>."""
        if self.pattern is None:
            return escape(text)
        out: list[str] = []
        last = 0
        for match in self.pattern.finditer(text):
            out.append(escape(text[last : match.start()]))
            out.append(str(self.abbr(match.group(0))))
            last = match.end()
        out.append(escape(text[last:]))
        return Markup("".join(out))


def _trie(forms: list[str]) -> str:
    """A regular expression matching exactly `forms`, longest first, built as a prefix tree."""
    root: dict[str, Any] = {}
    for form in forms:
        node = root
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return "(?:" + emit(root) + ")"


# Python-Markdown's placeholders for stashed HTML; glossary marking must never split one.
_PLACEHOLDER = re.compile("\x02wzxhzdk:\\d+\x03")


class _Sanitise(Treeprocessor):  # type: ignore[misc, unused-ignore]
    """Drops links and images with unsafe URLs, stray attributes, and demotes headings."""

    def run(self, root: etree.Element) -> None:
        pairs = [(parent, child) for parent in root.iter() for child in parent]
        for parent, element in pairs:
            self._clean(parent, element)

    def _clean(self, parent: etree.Element, element: etree.Element) -> None:
        tag = element.tag
        allowed = _ATTRIBUTES.get(tag, ())
        for name in [n for n in element.attrib if n not in allowed]:
            del element.attrib[name]
        if tag == "a":
            href = element.get("href")
            if href is None or not is_safe_url(href):
                # The words stay; the link goes.
                element.tag = "span"
                element.attrib.clear()
            elif _SCHEME.match(href.lower()):
                element.set("rel", "noopener")
        elif tag == "img":
            src = element.get("src")
            if src is None or not is_safe_url(src):
                replacement = etree.Element("span")
                replacement.text = element.get("alt", "")
                replacement.tail = element.tail
                index = list(parent).index(element)
                parent.remove(element)
                parent.insert(index, replacement)
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            # A heading inside a description must not compete with the page's own outline.
            element.tag = f"h{min(6, int(tag[1]) + 3)}"


class _MarkTerms(Treeprocessor):  # type: ignore[misc, unused-ignore]
    """Wraps glossary terms found in text (outside links and code) in <abbr title=...>."""

    def __init__(self, md: markdown.Markdown, terms: Terms) -> None:
        super().__init__(md)
        self.terms = terms

    def run(self, root: etree.Element) -> None:
        if self.terms.pattern is not None:
            self._walk(root)

    def _walk(self, element: etree.Element) -> None:
        if element.tag in _NO_TERMS:
            return
        for child in list(element):
            self._walk(child)
            if child.tail:
                self._split(element, child, "tail")
        if element.text:
            self._split(element, None, "text")

    def _split(self, parent: etree.Element, after: etree.Element | None, where: str) -> None:
        assert self.terms.pattern is not None
        text = after.tail if after is not None else parent.text
        assert text is not None
        if "\x02" in text:
            stashed = [m.span() for m in _PLACEHOLDER.finditer(text)]
            matches = [
                m
                for m in self.terms.pattern.finditer(text)
                if not any(a < m.end() and m.start() < b for a, b in stashed)
            ]
        else:
            matches = list(self.terms.pattern.finditer(text))
        if not matches:
            return
        new: list[etree.Element] = []
        head = text[: matches[0].start()]
        for i, match in enumerate(matches):
            abbr = etree.Element("abbr", title=self.terms.definitions[match.group(0).lower()])
            abbr.text = match.group(0)
            end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
            abbr.tail = text[match.end() : end]
            new.append(abbr)
        if after is None:
            parent.text = head
            position = 0
        else:
            after.tail = head
            position = list(parent).index(after) + 1
        for offset, abbr in enumerate(new):
            parent.insert(position + offset, abbr)


class DataMarkdown:
    """Renders Markdown from OKR data safely; results are cached by text."""

    def __init__(self, terms: Terms | Iterable[GlossaryTerm]) -> None:
        self.terms = terms if isinstance(terms, Terms) else Terms(terms)
        md = markdown.Markdown(output_format="html")
        # Raw HTML in data is text, never markup.
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        # Obfuscated mailto autolinks carry their URL as entities; plain [x](mailto:) still works.
        md.inlinePatterns.deregister("automail")
        md.treeprocessors.register(_MarkTerms(md, self.terms), "okrs_terms", 5)
        md.treeprocessors.register(_Sanitise(md), "okrs_sanitise", 4)
        self._md = md
        self._blocks: dict[str, Markup] = {}
        self._inlines: dict[str, Markup] = {}

    def _convert(self, text: str) -> str:
        if text.count("[") > _MAX_BRACKETS:
            text = text.replace("[", "\\[")
        try:
            return str(self._md.reset().convert(text))
        except RecursionError:
            # Pathologically nested input: show it as text rather than fail the build.
            return f"<p>{escape(text)}</p>"

    def block(self, text: str | None) -> Markup:
        """Markdown `text` as block HTML (paragraphs, lists...); empty for None."""
        if not text:
            return Markup("")
        cached = self._blocks.get(text)
        if cached is None:
            if _MARKDOWN_SYNTAX.search(text.strip()):
                cached = Markup(self._convert(text))
            else:
                cached = Markup("<p>") + self.terms.mark(text.strip()) + Markup("</p>")
            self._blocks[text] = cached
        return cached

    def inline(self, text: str | None) -> Markup:
        """Markdown `text` as inline HTML (no enclosing paragraph when it is one)."""
        if not text:
            return Markup("")
        cached = self._inlines.get(text)
        if cached is None:
            stripped = text.strip()
            if not _MARKDOWN_SYNTAX.search(stripped):
                cached = self.terms.mark(stripped)
            else:
                rendered = self._convert(text)
                if (
                    rendered.startswith("<p>")
                    and rendered.endswith("</p>")
                    and rendered.count("<p>") == 1
                ):
                    rendered = rendered[3:-4]
                cached = Markup(rendered)
            self._inlines[text] = cached
        return cached
