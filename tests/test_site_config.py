"""The plugin's configuration and failure modes, each on a small real build in tmp_path."""

from __future__ import annotations

import logging
import re
import textwrap
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from okrs_as_code.plugin import OkrsPlugin
from tests.conftest import CHECKOUT, COMMERCE, ORGANIZATION, write

MINIMAL = """\
site_name: Acme OKRs
theme: material
plugins: [search, okrs]
"""


def make_site(
    tmp_path: Path, mkdocs_yml: str = MINIMAL, files: dict[str, str] | None = None
) -> Path:
    """A project in tmp_path: mkdocs.yml, the small Acme organization under okrs/, and docs/."""
    write(
        tmp_path,
        {
            "mkdocs.yml": mkdocs_yml,
            "okrs/organization.yaml": ORGANIZATION,
            "okrs/2026-Q4/commerce.yaml": COMMERCE,
            "okrs/2026-Q4/checkout.yaml": CHECKOUT,
            **(files or {}),
        },
    )
    (tmp_path / "docs").mkdir(exist_ok=True)
    return tmp_path / "mkdocs.yml"


def build_site(config_file: Path, **overrides: object) -> Path:
    """Build the site of `config_file` into its folder's site/ and return that folder."""
    site = config_file.parent / "site"
    config = load_config(str(config_file), site_dir=str(site), **overrides)
    build(config)
    return site


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Messages name files relative to the working directory, as the CLI's do.
    monkeypatch.chdir(tmp_path)


def test_minimal_mkdocs_yml_gives_the_full_site(tmp_path: Path) -> None:
    site = build_site(make_site(tmp_path))
    for path in (
        "",
        "2026-Q4/",
        "2026-Q4/company/",
        "2026-Q4/commerce/",
        "2026-Q4/checkout/",
        "2026-Q4/checkout/effortless-checkout/",
        "2026-Q4/checkout/effortless-checkout/key-results/conversion/",
        "2026-Q4/checkout/effortless-checkout/initiatives/checkout-v2/",
        "glossary/",
        "review/",
    ):
        assert (site / path / "index.html").is_file(), path
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "assets/stylesheets/okrs.css" in home
    assert (site / "assets/stylesheets/okrs.css").is_file()
    kr = (
        site / "2026-Q4/checkout/effortless-checkout/key-results/conversion/index.html"
    ).read_text(encoding="utf-8")
    assert '<svg class="okrs-chart"' in kr and "<abbr title=" in kr


def test_plugin_adds_the_markdown_extensions_its_pages_need(tmp_path: Path) -> None:
    config = load_config(str(make_site(tmp_path)))
    config = config.plugins.on_config(config)
    assert "abbr" in config.markdown_extensions and "admonition" in config.markdown_extensions
    assert "content.tooltips" in config.theme["features"]


def test_hand_written_pages_get_glossary_tooltips(tmp_path: Path) -> None:
    config_file = make_site(
        tmp_path, files={"docs/guide.md": "# Guide\n\nEvery KR needs a baseline.\n"}
    )
    html = (build_site(config_file) / "guide/index.html").read_text(encoding="utf-8")
    assert '<abbr title="A measurable change' in html and ">KR</abbr>" in html


def test_docs_index_keeps_the_site_home_and_the_okr_home_moves_to_okrs(tmp_path: Path) -> None:
    config_file = make_site(tmp_path, files={"docs/index.md": "# Our handbook\n"})
    site = build_site(config_file)
    assert "Our handbook" in (site / "index.html").read_text(encoding="utf-8")
    assert "Acme" in (site / "okrs/index.html").read_text(encoding="utf-8")


def test_data_error_fails_the_build_with_file_line_col(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    broken = CHECKOUT.replace(
        "aligns_with: [commerce/grow-online-revenue]", "aligns_with: [commerce/no-such-objective]"
    )
    config_file = make_site(tmp_path, files={"okrs/2026-Q4/checkout.yaml": broken})
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site(config_file)
    assert "okrs/2026-Q4/checkout.yaml:7:19: OKR" in caplog.text
    assert not (tmp_path / "site" / "2026-Q4").exists()


OUTPUT_KR = CHECKOUT.replace(
    "title: Cut cart abandonment from 70% to 60%",
    "title: Ship the one-page checkout to every customer",
)


def test_lint_findings_never_fail_a_strict_build_by_default(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config_file = make_site(tmp_path, files={"okrs/2026-Q4/checkout.yaml": OUTPUT_KR})
    with caplog.at_level(logging.WARNING):
        site = build_site(config_file, strict=True)
    assert "OKR101" not in caplog.text
    kr = (
        site / "2026-Q4/checkout/effortless-checkout/key-results/abandonment/index.html"
    ).read_text(encoding="utf-8")
    assert "OKR101 output-as-kr" in kr


def test_strict_lint_fails_a_strict_build_with_the_findings(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    yml = MINIMAL.replace(
        "plugins: [search, okrs]", "plugins:\n  - search\n  - okrs:\n      strict_lint: true"
    )
    config_file = make_site(tmp_path, yml, files={"okrs/2026-Q4/checkout.yaml": OUTPUT_KR})
    with caplog.at_level(logging.WARNING), pytest.raises(Abort, match="strict mode"):
        build_site(config_file, strict=True)
    assert "okrs/2026-Q4/checkout.yaml:17:16: OKR101" in caplog.text


def test_lint_options_in_mkdocs_yml_configure_the_review(tmp_path: Path) -> None:
    yml = MINIMAL.replace(
        "plugins: [search, okrs]", "plugins:\n  - search\n  - okrs:\n      ignore: [OKR101]"
    )
    config_file = make_site(tmp_path, yml, files={"okrs/2026-Q4/checkout.yaml": OUTPUT_KR})
    site = build_site(config_file)
    kr = (
        site / "2026-Q4/checkout/effortless-checkout/key-results/abandonment/index.html"
    ).read_text(encoding="utf-8")
    assert "OKR101" not in kr
    review = (site / "review/index.html").read_text(encoding="utf-8")
    assert (
        "switched off in this site&#39;s configuration" in review
        or "switched off in this site's configuration" in review
    )


def test_a_misspelt_lint_option_is_a_configuration_error(tmp_path: Path) -> None:
    yml = MINIMAL.replace(
        "plugins: [search, okrs]", "plugins:\n  - search\n  - okrs:\n      stale_days: many"
    )
    with pytest.raises(Abort):
        build_site(make_site(tmp_path, yml))


def test_template_override_from_custom_dir(tmp_path: Path) -> None:
    yml = "site_name: Acme OKRs\ntheme:\n  name: material\n  custom_dir: overrides\nplugins: [search, okrs]\n"
    override = textwrap.dedent(
        """\
        {%- import "okrs/macros.html" as ui -%}
        <h1>{{ view.kr.title }}</h1>
        <p class="our-own">Our own layout, {{ view.progress.percent }}% done.</p>
        """
    )
    config_file = make_site(tmp_path, yml, files={"overrides/okrs/key_result.html": override})
    site = build_site(config_file)
    html = (
        site / "2026-Q4/checkout/effortless-checkout/key-results/conversion/index.html"
    ).read_text(encoding="utf-8")
    assert '<p class="our-own">Our own layout, 21% done.</p>' in html
    # Other templates are still the plugin's.
    objective = (site / "2026-Q4/checkout/effortless-checkout/index.html").read_text(
        encoding="utf-8"
    )
    assert 'id="key-results"' in objective


def test_pages_work_without_directory_urls(tmp_path: Path) -> None:
    site = build_site(make_site(tmp_path, MINIMAL + "use_directory_urls: false\n"))
    objective = (site / "2026-Q4/checkout/effortless-checkout/index.html").read_text(
        encoding="utf-8"
    )
    assert (
        'href="../../../2026-Q4/checkout/effortless-checkout/key-results/conversion/index.html"'
        in objective
    )


def test_serve_watches_the_okr_root(tmp_path: Path) -> None:
    config = load_config(str(make_site(tmp_path)))
    plugin = config.plugins["okrs"]
    assert isinstance(plugin, OkrsPlugin)

    class Server:
        def __init__(self) -> None:
            self.watched: list[str] = []

        def watch(self, path: str) -> None:
            self.watched.append(path)

    server = Server()
    plugin.on_serve(server, config=config, builder=lambda: None)  # type: ignore[arg-type]
    assert [Path(p).resolve() for p in server.watched] == [(tmp_path / "okrs").resolve()]


SECRET_OBJECTIVE = """\
  - id: secret-pricing
    title: Reprice the whole catalogue before anyone notices
    visibility: confidential
    aligns_with: [commerce/grow-online-revenue]
    key_results:
      - id: margin
        title: Raise gross margin from 38% to 41%
        baseline: 38
        target: 41
"""


def test_include_confidential_publishes_confidential_objectives(tmp_path: Path) -> None:
    files = {"okrs/2026-Q4/checkout.yaml": CHECKOUT + SECRET_OBJECTIVE}
    hidden = build_site(make_site(tmp_path / "hidden", files=files))
    assert not (hidden / "2026-Q4/checkout/secret-pricing").exists()
    parent = (hidden / "2026-Q4/commerce/grow-online-revenue/index.html").read_text(
        encoding="utf-8"
    )
    assert "confidential objective" in parent and "Reprice" not in parent
    yml = MINIMAL.replace(
        "plugins: [search, okrs]",
        "plugins:\n  - search\n  - okrs:\n      include_confidential: true",
    )
    shown = build_site(make_site(tmp_path / "shown", yml, files=files))
    page = shown / "2026-Q4/checkout/secret-pricing/key-results/margin/index.html"
    assert "Raise gross margin from 38% to 41%" in page.read_text(encoding="utf-8")
    parent = (shown / "2026-Q4/commerce/grow-online-revenue/index.html").read_text(encoding="utf-8")
    assert "Reprice the whole catalogue before anyone notices" in parent


def test_disabled_plugin_leaves_the_site_alone(tmp_path: Path) -> None:
    yml = MINIMAL.replace(
        "plugins: [search, okrs]", "plugins:\n  - search\n  - okrs:\n      enabled: false"
    )
    site = build_site(make_site(tmp_path, yml, files={"docs/index.md": "# Hello\n"}))
    assert not (site / "2026-Q4").exists()


def test_glossary_terms_in_teams_titles_get_tooltips_whatever_their_case(tmp_path: Path) -> None:
    text = CHECKOUT.replace(
        "title: Make checkout effortless for returning customers",
        "title: Outcomes first, for returning customers",
    ).replace(
        "title: Cut cart abandonment from 70% to 60%",
        "title: Cut cart abandonment below the Baseline",
    )
    site = build_site(make_site(tmp_path, files={"okrs/2026-Q4/checkout.yaml": text}))
    objective = (site / "2026-Q4/checkout/effortless-checkout/index.html").read_text(
        encoding="utf-8"
    )
    assert re.search(r'<h1[^>]*><abbr title="[^"]+">Outcomes</abbr> first', objective)
    kr = (
        site / "2026-Q4/checkout/effortless-checkout/key-results/abandonment/index.html"
    ).read_text(encoding="utf-8")
    assert re.search(r'below the <abbr title="[^"]+">Baseline</abbr></h1>', kr)


def test_an_upcoming_cycle_says_when_it_starts_instead_of_a_progress(tmp_path: Path) -> None:
    mkdocs = "site_name: Acme\ntheme: material\nplugins:\n  - search\n  - okrs:\n      as_of: 2026-09-01\n"
    site = build_site(make_site(tmp_path, mkdocs))
    cycle = (site / "2026-Q4/index.html").read_text(encoding="utf-8")
    assert "starts 1 Oct 2026" in cycle
    assert "expected 0%" not in cycle and "okrs-bar__fill" not in cycle
