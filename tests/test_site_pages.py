"""The published site of the example organization: pages, links, relations, confidentiality.

One real build of the repository's own mkdocs.yml (and its okrs/ and docs/) is shared by every
test here and by the browser test; each test reads the HTML a reader would get.
"""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from okrs_as_code.config import load_pyproject_config
from okrs_as_code.lint import lint_okrs
from okrs_as_code.loading import load_okrs
from okrs_as_code.model import OkrSet

REPO = Path(__file__).resolve().parents[1]
AS_OF = "2026-11-20"


@dataclass
class Site:
    """A built site: its folder and the OKRs it was built from."""

    root: Path
    okrs: OkrSet

    def page(self, path: str) -> str:
        """The HTML of the page at `path` (a site-root-relative URL such as 2026-Q4/)."""
        return (self.root / path / "index.html").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The repository's site, built once per test session."""
    out = tmp_path_factory.mktemp("example-site")
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.chdir(REPO)
    try:
        config = load_config(str(REPO / "mkdocs.yml"), site_dir=str(out))
        build(config)
        okrs, errors = load_okrs(Path("okrs"))
    finally:
        monkeypatch.undo()
    assert okrs is not None and not errors
    return Site(out, okrs)


class _Page(HTMLParser):
    """Links, element ids, and the text of one HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.nav_links: list[str] = []
        self._nav_depth = 0
        self._stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if tag == "nav" and "md-nav--primary" in (values.get("class") or ""):
            self._nav_depth = 1
        elif tag == "nav" and self._nav_depth:
            self._nav_depth += 1
        for name in ("href", "src"):
            value = values.get(name)
            if value is not None and tag in ("a", "link", "img", "script"):
                self.links.append(value)
                if self._nav_depth and tag == "a":
                    self.nav_links.append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav" and self._nav_depth:
            self._nav_depth -= 1


def parse(html: str) -> _Page:
    """The links and ids of an HTML page."""
    page = _Page()
    page.feed(html)
    return page


def page_path(file: Path, root: Path) -> str:
    """The URL path (below the site root) of a built HTML file."""
    rel = file.relative_to(root).as_posix()
    return rel[: -len("index.html")] if rel.endswith("index.html") else rel


def resolve(base: str, link: str) -> tuple[str, str] | None:
    """The site path and fragment a relative link points at from page `base`; None if external."""
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or link.startswith("//"):
        return None
    target = urljoin("http://site/" + base, parts.path) if parts.path else "http://site/" + base
    path = unquote(urlsplit(target).path.lstrip("/"))
    return path, parts.fragment


@dataclass
class LinkGraph:
    """Every internal link of a site, by page."""

    out: dict[str, set[str]] = field(default_factory=dict)


@pytest.fixture(scope="session")
def link_graph(example_site: Site) -> LinkGraph:
    """The pages each page of the example site links to (site paths, fragments dropped)."""
    graph = LinkGraph()
    for file in example_site.root.rglob("index.html"):
        base = page_path(file, example_site.root)
        targets = set()
        for link in parse(file.read_text(encoding="utf-8")).links:
            resolved = resolve(base, link)
            if resolved is not None:
                targets.add(resolved[0])
        graph.out[base] = targets
    return graph


def expected_paths(okrs: OkrSet) -> list[str]:
    """Every URL the site documents for the published part of the example organization."""
    paths = ["", "glossary/", "review/"]
    for cycle in okrs.organization.cycles:
        paths.append(f"{cycle.id}/")
    for okr_file in okrs.files:
        paths.append(f"{okr_file.cycle}/{okr_file.team}/")
        for o in okr_file.objectives:
            if o.confidential:
                continue
            base = f"{o.cycle}/{o.team}/{o.id}/"
            paths.append(base)
            paths += [f"{base}key-results/{kr.id}/" for kr in o.key_results]
            paths += [f"{base}initiatives/{i.id}/" for i in o.initiatives]
    return paths


def test_every_documented_url_has_a_page(example_site: Site) -> None:
    missing = [
        p
        for p in expected_paths(example_site.okrs)
        if not (example_site.root / p / "index.html").is_file()
    ]
    assert missing == []
    # Parent teams without OKR files of their own still get a page in each cycle.
    assert (example_site.root / "2026-Q4/company/index.html").is_file()


def test_no_page_is_written_into_docs() -> None:
    assert sorted(p.name for p in (REPO / "docs").rglob("*") if p.is_file()) == sorted(
        p.name for p in (REPO / "docs").rglob("*.md")
    )
    assert not (REPO / "docs" / "2026-Q4").exists()


def test_every_internal_link_and_anchor_resolves(example_site: Site) -> None:
    root = example_site.root
    ids: dict[str, set[str]] = {}
    pages: dict[str, _Page] = {}
    for file in root.rglob("*.html"):
        parsed = parse(file.read_text(encoding="utf-8"))
        pages[page_path(file, root)] = parsed
        ids[page_path(file, root)] = parsed.ids
    broken = []
    for base, parsed in pages.items():
        for link in parsed.links:
            resolved = resolve(base, link)
            if resolved is None:
                continue
            path, fragment = resolved
            target = root / path
            if path.endswith("/") or path == "":
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{base or 'index'} -> {link}")
            elif fragment and path in ids and fragment not in ids[path]:
                broken.append(f"{base or 'index'} -> {link} (no #{fragment})")
    assert broken == []


def test_every_relation_is_linked_both_ways(example_site: Site, link_graph: LinkGraph) -> None:
    okrs = example_site.okrs
    out = link_graph.out
    missing: list[str] = []

    def both(a: str, b: str) -> None:
        if b not in out.get(a, set()):
            missing.append(f"{a} -> {b}")
        if a not in out.get(b, set()):
            missing.append(f"{b} -> {a}")

    published = {f"{o.cycle}/{o.team}/{o.id}/" for o in okrs.objectives() if not o.confidential}
    for o in okrs.objectives():
        base = f"{o.cycle}/{o.team}/{o.id}/"
        if base not in published:
            continue
        both(base, f"{o.cycle}/{o.team}/")
        for kr in o.key_results:
            kr_page = f"{base}key-results/{kr.id}/"
            both(base, kr_page)
            for ref in kr.aligns_with:
                target = _ref_path(o.cycle, ref)
                if target.split("key-results")[0] in published:
                    both(kr_page, target)
        for i in o.initiatives:
            both(base, f"{base}initiatives/{i.id}/")
            for kr_id in i.key_results:
                both(f"{base}initiatives/{i.id}/", f"{base}key-results/{kr_id}/")
        for ref in o.aligns_with:
            target = _ref_path(o.cycle, ref)
            if target.split("key-results")[0] in published:
                both(base, target)
        if o.carried_from:
            both(base, o.carried_from + "/")
    for cycle in okrs.organization.cycles:
        for team in okrs.organization.teams:
            page = f"{cycle.id}/{team.id}/"
            if page in out:
                both(page, f"{cycle.id}/")
            if team.parent and page in out and f"{cycle.id}/{team.parent}/" in out:
                both(page, f"{cycle.id}/{team.parent}/")
    assert missing == []


def _ref_path(cycle: str, ref: str) -> str:
    parts = ref.split("/")
    if len(parts) == 3:
        return f"{cycle}/{parts[0]}/{parts[1]}/key-results/{parts[2]}/"
    return f"{cycle}/{ref}/"


CONFIDENTIAL = (
    "value-pricing",
    "Be known for fair prices",
    "new price architecture",
    "top-product-margin",
    "300 best-selling products",
    "value-perception",
    "good value for money",
    "price-index",
    "Daily competitor price index",
    "kit-bundles",
    "Kit bundles",
)


def _every_text(root: Path) -> dict[str, str]:
    texts = {}
    for file in root.rglob("*"):
        if not file.is_file():
            continue
        data = file.read_bytes()
        if file.suffix == ".gz":
            data = gzip.decompress(data)
        texts[file.relative_to(root).as_posix()] = data.decode("utf-8", "replace")
    return texts


def test_confidential_objective_appears_in_no_file_of_the_site(example_site: Site) -> None:
    texts = _every_text(example_site.root)
    assert "search/search_index.json" in texts and "sitemap.xml" in texts
    leaks = [
        (name, secret) for name, text in texts.items() for secret in CONFIDENTIAL if secret in text
    ]
    assert leaks == []


def test_a_link_to_a_confidential_objective_shows_only_its_placeholder(example_site: Site) -> None:
    # commerce/value-pricing aligns with this KR; the KR's page shows that something does.
    html = example_site.page("2026-Q4/company/grow-peak-revenue/key-results/contribution-margin/")
    supported = html.split('id="supported-by"')[1].split("</ul>")[0]
    assert '<span class="okrs-confidential">confidential objective</span>' in supported
    assert "value-pricing" not in supported


def test_home_shows_the_current_cycle_at_a_glance(example_site: Site) -> None:
    html = example_site.page("")
    assert "Q4 2026: Win the winter peak" in html
    assert "Day 51 of 92" in html
    assert 'class="okrs-bar__expected"' in html
    for heading in ("Company objectives", "Needs attention", "Teams", "Earlier cycles"):
        assert f">{heading}</h2>" in html
    # Closed cycles show their score.
    assert re.search(r"Score</abbr> 0\.\d", html)


def test_key_result_page_shows_progress_health_confidence_and_a_chart(example_site: Site) -> None:
    html = example_site.page("2026-Q4/checkout/peak-proof-checkout/key-results/auth-rate/")
    assert "<h1>Raise first-attempt payment authorisation rate from 92.1% to 95%</h1>" in html
    assert 'role="img" aria-labelledby="okrs-chart-title okrs-chart-desc"' in html
    assert '<title id="okrs-chart-title">Check-ins of “Raise first-attempt' in html
    assert 'class="okrs-chart__baseline"' in html and 'class="okrs-chart__target"' in html
    assert html.count('class="okrs-chart__point"') == 3
    assert "On track" in html and "0.70" in html and "dev.raman" in html
    assert "92.1%" in html and "93.6%" in html and "95%" in html


def test_lint_findings_are_admonitions_linking_glossary_and_rule(example_site: Site) -> None:
    okrs = example_site.okrs
    findings = lint_okrs(okrs, load_pyproject_config(REPO))
    open_ = [
        f for f in findings if f.accepted is None and f.subject and "value-pricing" not in f.subject
    ]
    assert open_, "the example organization has open findings"
    finding = open_[0]
    html = example_site.page(finding.subject + "/")
    assert f'<p class="admonition-title">{finding.code} {finding.name}</p>' in html
    assert f'review/#{finding.code.lower()}"' in html
    assert "glossary/#" in html


def test_acknowledged_findings_show_their_reason(example_site: Site) -> None:
    html = example_site.page("2026-Q4/checkout/peak-proof-checkout/key-results/psp-cutover/")
    assert "OKR101 output-as-kr · acknowledged" in html
    assert "Our contract with the old payment provider ends on 31 December" in html
    review = example_site.page("review/")
    assert "Our contract with the old payment provider ends on 31 December" in review


def test_review_page_lists_every_rule_with_its_explanation(example_site: Site) -> None:
    html = example_site.page("review/")
    for code in ("okr101", "okr104", "okr203", "okr301"):
        assert f'<h2 id="{code}">' in html
    assert "How to fix:" in html
    # The explanation renders its code marks, as the fix text does: no stray backticks.
    why = html.split('<h2 id="okr101">', 1)[1].split("How to fix:", 1)[0]
    assert "<code>progress</code>" in why
    assert "`" not in why


def test_glossary_has_an_entry_per_term_and_tooltips_everywhere(example_site: Site) -> None:
    glossary = example_site.page("glossary/")
    for slug in ("key-result", "outcome-proxy", "so-what-test", "acknowledged-finding"):
        assert f'<h2 id="{slug}">' in glossary
    kr = example_site.page("2026-Q4/checkout/peak-proof-checkout/key-results/auth-rate/")
    assert '<abbr title="A measurable change in what customers' in kr
    assert re.search(
        r'<abbr title="The value of a key result(?:&#39;|\')s metric at the start[^"]*">Baseline</abbr>',
        kr,
    )
    guide = example_site.page("guide/writing-key-results/")
    assert "<abbr title=" in guide


def test_edit_this_page_opens_the_yaml_file(example_site: Site) -> None:
    html = example_site.page("2026-Q4/checkout/peak-proof-checkout/key-results/auth-rate/")
    assert (
        'href="https://github.com/fernwood-outfitters/okrs/edit/main/okrs/2026-Q4/checkout.yaml"'
        in html
    )


def test_nav_lists_cycles_and_teams_but_no_objectives_or_key_results(example_site: Site) -> None:
    for path in (
        "",
        "2026-Q4/checkout/",
        "2026-Q4/checkout/peak-proof-checkout/key-results/auth-rate/",
    ):
        nav = parse(example_site.page(path)).nav_links
        resolved = {resolve(path, link)[0] for link in nav if resolve(path, link)}  # type: ignore[index]
        assert "2026-Q4/" in resolved and "2026-Q3/" in resolved
        assert not any("/key-results/" in p or "/initiatives/" in p for p in resolved)
        objectives = {f"{o.cycle}/{o.team}/{o.id}/" for o in example_site.okrs.objectives()}
        assert not resolved & objectives


def test_search_index_has_each_page_with_its_own_words(example_site: Site) -> None:
    index = json.loads((example_site.root / "search/search_index.json").read_text(encoding="utf-8"))
    by_location = {doc["location"]: doc for doc in index["docs"]}
    kr = by_location["2026-Q4/checkout/peak-proof-checkout/key-results/auth-rate/"]
    assert kr["title"] == "Raise first-attempt payment authorisation rate from 92.1% to 95%"
    assert "Soft declines retried" in kr["text"]
    # The objective's page does not repeat its key results' titles for search.
    objective = by_location["2026-Q4/checkout/peak-proof-checkout/"]
    assert "authorisation rate" not in objective["text"]
    assert "glossary/" in by_location


def test_breadcrumbs_show_the_way_down_to_a_key_result(example_site: Site) -> None:
    html = example_site.page("2026-Q4/checkout/peak-proof-checkout/key-results/auth-rate/")
    crumbs = html.split('<nav class="md-path"')[1].split("</nav>")[0]
    for text in ("2026-Q4", "Checkout &amp; Payments", "Let every genuine shopper pay"):
        assert text in crumbs


def test_the_built_example_site_loads_no_fonts_or_repo_stats(example_site: Site) -> None:
    html = example_site.page("")
    assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html
    assert "md-source" not in html  # the repository widget that calls the GitHub API
