"""Hostile text in every YAML field that reaches a page stays inert on the published site.

The site is built with the Markdown extensions that would be dangerous if data text reached
them (attribute lists, HTML in Markdown, snippet includes pointing at a real file), and every
file of the output is checked as a browser would read it.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from tests.conftest import write

SECRET = "TOP-SECRET-MARKER-7731"
TEXT = '<script>alert("t")</script><img src=x onerror=alert(1)><b onmouseover=alert(2)>x</b>'
INLINE_MD = (
    TEXT
    + " [a](javascript:alert(3)) [b](JaVaScRiPt&#58;alert(4)) [c](data:text/html,<script>alert(5)</script>)"
    ' [d](vbscript:msgbox(6)) ![e](javascript:alert(7)) <a href="javascript:alert(8)">f</a>'
    ' {: onclick="alert(9)" } <javascript:alert(10)>'
)
BLOCK_MD = f"""\
      {INLINE_MD}
      {{: onclick="alert(11)" }}

      --8<-- "secret.txt"

      <div markdown="1" onclick="alert(12)">*x*</div>

      [r][ref]

      [ref]: javascript:alert(13)
"""


def q(text: str) -> str:
    """A YAML double-quoted scalar holding `text`."""
    return json.dumps(text)


ORGANIZATION = f"""\
version: 1
name: {q(TEXT)}
cycles:
  - {{id: 2026-Q4, start: 2026-10-01, end: 2026-12-31, title: {q(TEXT)}}}
teams:
  - id: company
    name: {q("Company " + TEXT)}
    owners: [{q(TEXT)}]
    description: |
{BLOCK_MD}
  - {{id: checkout, name: {q("Checkout " + TEXT)}, parent: company}}
"""

GLOSSARY = f"""\
version: 1
terms:
  - term: {q("Key result")}
    aliases: [{q("KR")}, {q("weird] " + TEXT)}, {q(TEXT)}]
    definition: |
{BLOCK_MD}
    example: {{avoid: {q(TEXT)}, prefer: {q(TEXT)}}}
    see_also: [{q(TEXT)}]
  - term: {q(TEXT)}
    definition: {q(INLINE_MD)}
"""

COMPANY = f"""\
version: 1
cycle: 2026-Q4
team: company
objectives:
  - id: grow
    title: {q("Grow " + TEXT)}
    owner: {q(TEXT)}
    description: |
{BLOCK_MD}
    accept: {{OKR202: {q(INLINE_MD)}}}
    key_results:
      - id: revenue
        title: {q("Grow revenue from 1 to 2 " + TEXT)}
        metric: {q(TEXT)}
        unit: {q(TEXT)}
        baseline: 1
        target: 2
        owner: {q(TEXT)}
        source: {q(TEXT)}
        proxy_for: {q(TEXT)}
        accept: {{OKR101: {q(INLINE_MD)}, OKR107: {q(INLINE_MD)}}}
        checkins:
          - {{date: 2026-10-15, value: 1.2, confidence: 0.5, note: {q(INLINE_MD)}}}
          - date: 2026-11-15
            value: 1.4
            note: |
{BLOCK_MD.replace("      ", "              ")}
"""

CHECKOUT = f"""\
version: 1
cycle: 2026-Q4
team: checkout
objectives:
  - id: pay
    title: {q("Pay " + TEXT)}
    aligns_with: [company/grow/revenue]
    key_results:
      - id: conversion
        title: {q("Ship " + TEXT)}
        aligns_with: [company/grow]
        baseline: 2
        target: 3
    initiatives:
      - id: v2
        title: {q(TEXT)}
        description: |
{BLOCK_MD.replace("      ", "          ")}
        owner: {q(TEXT)}
        key_results: [conversion]
        links:
          - {q("https://evil.example/'onmouseover='alert(14)'&x=1")}
          - {q("https://evil.example/javascript:alert(15)")}
"""

MKDOCS = """\
site_name: Hostile
theme: material
plugins: [search, okrs]
markdown_extensions:
  - attr_list
  - md_in_html
  - pymdownx.snippets:
      base_path: ["."]
      check_paths: false
"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of an organization whose every text field is hostile."""
    root = tmp_path_factory.mktemp("hostile")
    write(
        root,
        {
            "mkdocs.yml": MKDOCS,
            "secret.txt": SECRET + "\n",
            "docs/guide.md": "# Guide\n\nA KR is an outcome.\n",
            "okrs/organization.yaml": ORGANIZATION,
            "okrs/glossary.yaml": GLOSSARY,
            "okrs/2026-Q4/company.yaml": COMPANY,
            "okrs/2026-Q4/checkout.yaml": CHECKOUT,
        },
    )
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.chdir(root)
    try:
        build(load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site")))
    finally:
        monkeypatch.undo()
    return root / "site"


class _Audit(HTMLParser):
    """Everything in a page that a browser would execute or follow."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.tags: set[str] = set()
        self._script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self._script = tag == "script"
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}={value!r}>")
            if name in ("href", "src", "action", "formaction", "xlink:href") and value is not None:
                scheme = re.sub(r"[\x00-\x20]", "", value).lower().split(":", 1)
                if (
                    len(scheme) == 2
                    and scheme[0] not in ("http", "https", "mailto")
                    and "/" not in scheme[0]
                ):
                    self.problems.append(f"<{tag} {name}={value!r}>")

    def handle_endtag(self, tag: str) -> None:
        self._script = False

    def handle_data(self, data: str) -> None:
        if self._script and "alert" in data:
            self.problems.append(f"<script>{data[:60]}")


def audit(html: str) -> _Audit:
    """What a browser would execute or follow in `html`."""
    parser = _Audit()
    parser.feed(html)
    return parser


def test_hostile_data_builds_every_page(hostile_site: Path) -> None:
    for path in (
        "",
        "2026-Q4/",
        "2026-Q4/company/",
        "2026-Q4/company/grow/",
        "2026-Q4/company/grow/key-results/revenue/",
        "2026-Q4/checkout/pay/initiatives/v2/",
        "glossary/",
        "review/",
        "guide/",
    ):
        assert (hostile_site / path / "index.html").is_file(), path


def test_no_page_runs_or_links_anything_from_the_data(hostile_site: Path) -> None:
    problems = {}
    for file in hostile_site.rglob("*.html"):
        found = audit(file.read_text(encoding="utf-8")).problems
        if found:
            problems[file.relative_to(hostile_site).as_posix()] = found
    assert problems == {}


def test_data_text_is_shown_as_text(hostile_site: Path) -> None:
    html = (hostile_site / "2026-Q4/company/grow/key-results/revenue/index.html").read_text(
        encoding="utf-8"
    )
    assert (
        "&lt;script&gt;alert(&#34;t&#34;)&lt;/script&gt;" in html
        or "&lt;script&gt;alert(&quot;t&quot;)" in html
    )
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    # Attribute lists from the data stay visible text; they style nothing.
    assert '{: onclick="alert(9)" }' in html or "{: onclick=&#34;alert(9)&#34; }" in html


def test_snippet_includes_in_data_include_nothing(hostile_site: Path) -> None:
    leaks = []
    for file in hostile_site.rglob("*"):
        if file.is_file() and SECRET.encode() in file.read_bytes():
            leaks.append(file.relative_to(hostile_site).as_posix())
    assert leaks == []


def test_search_index_holds_no_markup_from_the_data(hostile_site: Path) -> None:
    index = json.loads((hostile_site / "search/search_index.json").read_text(encoding="utf-8"))
    for doc in index["docs"]:
        for key in ("title", "text"):
            found = audit(doc[key])
            assert found.problems == [], (doc["location"], key)
            assert not found.tags & {"script", "img", "svg", "iframe", "object", "b"}, (
                doc["location"],
                key,
                found.tags,
            )


def test_initiative_links_are_escaped_or_dropped(hostile_site: Path) -> None:
    html = (hostile_site / "2026-Q4/checkout/pay/initiatives/v2/index.html").read_text(
        encoding="utf-8"
    )
    # A quote and an ampersand are legal in a URI, so they reach the page, escaped; `"` and `<`
    # are not, so validate refuses them (tests/test_schema_walker.py).
    assert 'href="https://evil.example/&#39;onmouseover=&#39;alert(14)&#39;&amp;x=1"' in html


def test_page_titles_cannot_break_out_of_the_title_element(hostile_site: Path) -> None:
    html = (hostile_site / "2026-Q4/company/grow/index.html").read_text(encoding="utf-8")
    title = html.split("<title>")[1].split("</title>")[0]
    assert "<" not in title
