"""Set-up promises: an intranet-safe example site, lean site installs, a typed package."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]


def test_the_example_site_loads_nothing_from_outside() -> None:
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["theme"]["font"] is False  # no Google Fonts
    assert "repo_url" not in config  # no GitHub API call for repository stats
    assert config["edit_uri"].startswith("https://")


def test_make_site_installs_only_what_the_site_needs() -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    site_install = re.search(r"^\$\(SITE_STAMP\):.*\n((?:\t.*\n)+)", makefile, re.MULTILINE)
    assert site_install is not None
    assert "pip install --quiet -e .\n" in site_install.group(1)
    assert "[test]" not in site_install.group(1)
    assert re.search(r"^site: \$\(SITE_STAMP\)$", makefile, re.MULTILINE)
    assert re.search(r"^test: \$\(TEST_STAMP\)", makefile, re.MULTILINE)
    assert "NO_MKDOCS_2_WARNING" in makefile


def test_the_readme_says_how_to_view_the_site() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "make serve" in readme and "http.server" in readme
    assert "use_directory_urls: false" in readme


def test_the_package_is_typed() -> None:
    assert (REPO / "plugins" / "okrs_as_code" / "py.typed").is_file()
