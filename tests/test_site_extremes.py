"""Data that `okrs validate` accepts never crashes or hangs the site build."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from okrs_as_code.loading import load_okrs
from tests.conftest import write

MKDOCS = """\
site_name: Extremes
theme: {name: material}
plugins:
  - search
  - okrs:
      as_of: 2026-11-20
"""

ORGANIZATION = """\
version: 1
name: Acme
cycles:
  - {id: 2026-Q4, start: 2026-10-01, end: 2026-12-31}
  - {id: far, start: 9999-10-01, end: 9999-12-31}
teams:
  - {id: company, name: Acme}
"""

BIG = "9" * 300


def _kr(i: int, baseline: str, target: str, *checkins: tuple[str, str]) -> str:
    lines = [
        f"      - id: kr-{i}",
        f"        title: Move the metric from {i} to {i + 1}",
        f"        baseline: {baseline}",
        f"        target: {target}",
        "        checkins:",
    ]
    lines += [f"          - {{date: {d}, value: {v}, confidence: 0.5}}" for d, v in checkins]
    return "\n".join(lines)


COMPANY = (
    "\n".join(
        [
            "version: 1",
            "cycle: 2026-Q4",
            "team: company",
            "objectives:",
            "  - id: extremes",
            "    title: Survive extreme numbers",
            "    description: " + '"' + "[" * 20_000 + '"',
            "    key_results:",
            _kr(1, "1e17", "1.00000000000000064e17", ("2026-10-10", "1.00000000000000016e17")),
            _kr(2, "0", "1e20", ("2026-10-10", "1e20")),
            _kr(3, "-1.7e308", "1.7e308", ("2026-10-10", "1.7e308")),
            _kr(4, BIG, "-" + BIG, ("2026-10-10", BIG)),
            _kr(5, "1e-320", "0", ("2026-10-10", "5e-324")),
            _kr(6, "5", "5", ("2026-10-10", "5")),
        ]
    )
    + "\n"
)

FAR = """\
version: 1
cycle: far
team: company
objectives:
  - id: last-day
    title: Reach the last day there is
    key_results:
      - id: kr-1
        title: Move the metric from 1 to 2
        baseline: 1
        target: 2
        checkins:
          - {date: 9999-12-31, value: 2}
"""

GLOSSARY = (
    "version: 1\nterms:\n"
    + "\n".join(
        [
            "  - term: Wide",
            "    definition: " + "x" * 200_000,
            "  - term: Many",
            "    definition: A term with many aliases.",
            "    aliases: [" + ", ".join(f"alias-{i}" for i in range(10_000)) + "]",
        ]
    )
    + "\n"
)


@pytest.fixture(scope="module")
def extreme_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, float]:
    root = tmp_path_factory.mktemp("extremes")
    write(
        root,
        {
            "mkdocs.yml": MKDOCS,
            "docs/guide.md": "# Guide\n\nWide and Many and alias-9999 appear here.\n",
            "okrs/organization.yaml": ORGANIZATION,
            "okrs/glossary.yaml": GLOSSARY,
            "okrs/2026-Q4/company.yaml": COMPANY,
            "okrs/far/company.yaml": FAR,
        },
    )
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.chdir(root)
    try:
        _, errors = load_okrs(root / "okrs")
        assert [d for d in errors if d.severity.value == "error"] == []
        start = time.perf_counter()
        build(load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site")))
        seconds = time.perf_counter() - start
    finally:
        monkeypatch.undo()
    return root / "site", seconds


def test_extreme_numbers_dates_and_text_build_in_seconds(extreme_site: tuple[Path, float]) -> None:
    site, seconds = extreme_site
    assert (site / "2026-Q4/company/extremes/index.html").is_file()
    assert (site / "far/company/last-day/index.html").is_file()
    assert seconds < 60


def test_charts_stay_bounded(extreme_site: tuple[Path, float]) -> None:
    site, _ = extreme_site
    for kr in range(1, 7):
        page = site / f"2026-Q4/company/extremes/key-results/kr-{kr}/index.html"
        html = page.read_text(encoding="utf-8")
        assert "nan" not in html.split("<svg", 1)[-1].split("</svg>")[0], kr
        assert html.count("okrs-chart__tick") <= 40


def test_glossary_tooltips_stay_small(extreme_site: tuple[Path, float]) -> None:
    site, _ = extreme_site
    sizes = sum(p.stat().st_size for p in site.rglob("*.html"))
    assert sizes < 40 * 1024 * 1024
    guide = (site / "guide/index.html").read_text(encoding="utf-8")
    assert len(guide) < 2 * 1024 * 1024
    assert '<abbr title="A term with many aliases.">alias-9999</abbr>' in guide
    wide = guide.split('<abbr title="x')[1].split('"')[0]
    assert len(wide) < 300


HANDWRITTEN = {
    "mkdocs.yml": MKDOCS,
    "docs/index.md": "# Home\n\nAn OKR and a wzxhzdk here.\n\n<div>\n\nunclosed wzxhzdk:1 OKR\n",
    "docs/code.md": "# Code\n\nSome `OKR` code, a [KR](https://x.example) link, an &amp; entity.\n",
    "okrs/organization.yaml": ORGANIZATION,
    "okrs/glossary.yaml": (
        "version: 1\nterms:\n"
        "  - term: Scary\n"
        "    definition: 'Written with entities &lt;script&gt;alert(1)&lt;/script&gt;.'\n"
        "    aliases: [wzxhzdk, OKR, amp]\n"
    ),
    "okrs/far/company.yaml": FAR,
}


def test_glossary_text_on_hand_written_pages_stays_inert(tmp_path: Path) -> None:
    write(tmp_path, HANDWRITTEN)
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.chdir(tmp_path)
    try:
        build(load_config(str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "site")))
    finally:
        monkeypatch.undo()
    home = (tmp_path / "site/index.html").read_text(encoding="utf-8")
    code = (tmp_path / "site/code/index.html").read_text(encoding="utf-8")
    for page in (home, code):
        assert "<script>alert(1)" not in page
        assert "wzxhzdk:" not in page.replace("unclosed wzxhzdk:1", "")
        assert "\x02" not in page and "\x03" not in page
    assert 'title="Written with entities &lt;script&gt;alert(1)&lt;/script&gt;."' in home
    assert "<code>OKR</code>" in code
    assert ">KR</a>" in code
