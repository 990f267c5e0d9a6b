"""Each page's nav stays small with the minimal mkdocs.yml (no navigation.prune), even when
all teams sit directly under the company."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from tests.conftest import write

TEAMS = 120
MINIMAL = "site_name: Flat\ntheme: material\nplugins: [search, okrs]\n"


def _organization() -> str:
    lines = [
        "version: 1",
        "name: Flat",
        "cycles:",
        "  - {id: 2026-Q4, start: 2026-10-01, end: 2026-12-31}",
        "  - {id: 2026-Q3, start: 2026-07-01, end: 2026-09-30}",
        "teams:",
        "  - {id: company, name: Company}",
    ]
    lines += [f"  - {{id: team-{i}, name: Team {i}, parent: company}}" for i in range(TEAMS)]
    return "\n".join(lines) + "\n"


TEAM_FILE = """\
version: 1
cycle: 2026-Q4
team: team-7
objectives:
  - id: grow
    title: Grow the thing
    key_results:
      - {id: kr, title: Move the metric from 1 to 2, baseline: 1, target: 2}
"""


@pytest.fixture(scope="module")
def flat_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("flat")
    write(
        root,
        {
            "mkdocs.yml": MINIMAL,
            "docs/guide.md": "# Guide\n\nHand-written.\n",
            "okrs/organization.yaml": _organization(),
            **{
                f"okrs/2026-Q4/team-{i}.yaml": TEAM_FILE.replace("team-7", f"team-{i}")
                for i in range(TEAMS)
            },
        },
    )
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.chdir(root)
    try:
        build(load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site")))
    finally:
        monkeypatch.undo()
    return root / "site"


def _nav_links(html: str) -> int:
    nav = html.split('<nav class="md-nav md-nav--primary"', 1)[1].split("</nav>\n", 1)[0]
    return len(re.findall(r'class="md-nav__link', nav))


@pytest.mark.parametrize(
    "page",
    [
        "index.html",
        "guide/index.html",
        "2026-Q4/index.html",
        "2026-Q4/company/index.html",
        "2026-Q4/team-7/index.html",
        "2026-Q4/team-7/grow/index.html",
        "2026-Q4/team-7/grow/key-results/kr/index.html",
        "2026-Q4/team-99/grow/index.html",
        "glossary/index.html",
    ],
)
def test_every_page_carries_a_small_nav(flat_site: Path, page: str) -> None:
    html = (flat_site / page).read_text(encoding="utf-8")
    assert _nav_links(html) < 60, page


def test_the_open_team_is_in_the_nav_with_a_way_to_the_others(flat_site: Path) -> None:
    html = (flat_site / "2026-Q4/team-7/index.html").read_text(encoding="utf-8")
    assert "Team 7" in html
    assert f"… {TEAMS - 1} more" in html
