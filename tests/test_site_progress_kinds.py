"""Each kind of progress reads for what it is on the site (DESIGN section 3).

The example organization's Marketplace Partners team writes its OKRs the way real teams do:
thresholds, a relative target, percent-complete and status-only check-ins, KRs owned by other
teams and graded closed-cycle KRs. Nothing without data may be drawn as a red 0 %.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from okrs_as_code.site.views import format_value

from .conftest import CHECKOUT
from .test_site_config import build_site, make_site
from .test_site_pages import example_site  # noqa: F401  (the shared session build)

if TYPE_CHECKING:
    from pathlib import Path

    from .test_site_pages import Site

OBJECTIVE = "2026-Q4/marketplace/partners-sell-at-peak/"
KR = OBJECTIVE + "key-results/"


def _text(html: str) -> str:
    """The visible words of a page fragment, one space between them."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def _main(html: str) -> str:
    return html[html.index('class="okrs-page') :]


def test_unmet_threshold_reads_not_met_with_its_value_and_target(example_site: Site) -> None:  # noqa: F811
    page = _main(example_site.page(KR + "partner-gmv-share/"))
    assert "Not met 2.6% against a target of at least 4%" in _text(page)
    # No planned path to fall behind without a baseline: at risk, not off track.
    assert "okrs-health--off_track" not in page and "At risk" in _text(page)


def test_reported_percent_complete_is_labelled_as_reported(example_site: Site) -> None:  # noqa: F811
    text = _text(_main(example_site.page(KR + "partner-self-serve/")))
    assert "55% reported · expected" in text
    assert "Latest status · 13 Nov 2026 Price changes in the partner portal" in text
    assert "Complete" in text and "30%" in text  # the check-in table's percent column


def test_status_only_kr_shows_its_latest_note_and_date_not_a_bar(example_site: Site) -> None:  # noqa: F811
    page = _main(example_site.page(KR + "partner-nps/"))
    assert "Latest status · 10 Nov 2026 Quarterly partner survey" in _text(page)
    assert "okrs-bar__fill" not in page and "0%" not in _text(page)


def test_kr_with_a_target_but_no_checkin_is_neutral(example_site: Site) -> None:  # noqa: F811
    page = _main(example_site.page(KR + "partner-late-deliveries/"))
    assert "No check-in yet" in _text(page)
    assert "okrs-bar__fill" not in page and "0%" not in _text(page)
    assert "Score" not in _text(page) and "off_track" not in page


def test_objective_average_says_how_many_krs_it_covers(example_site: Site) -> None:  # noqa: F811
    text = _text(_main(example_site.page(OBJECTIVE)))
    assert "Average of 3 of 5 measured key results; the others have no figure yet" in text


def test_team_page_lists_the_krs_it_owns_in_other_teams_objectives(example_site: Site) -> None:  # noqa: F811
    operations = _main(example_site.page("2026-Q4/operations/"))
    assert "Key results Fulfilment &amp; Care owns in other teams' objectives" in operations
    assert '2026-Q4/marketplace/partners-sell-at-peak/key-results/partner-late-deliveries/"' in (
        operations
    )
    kr_page = _text(_main(example_site.page(KR + "partner-late-deliveries/")))
    assert "Owned by Fulfilment &amp; Care for this objective of Marketplace Partners" in kr_page


def test_closed_cycle_shows_team_grades_and_says_so(example_site: Site) -> None:  # noqa: F811
    text = _text(_main(example_site.page("2026-Q3/marketplace/open-the-marketplace/")))
    assert "0.6 · graded by the team" in text
    assert "Score 1.0 · team grade" in text
    # A status-only KR nobody graded is not given a score: it shows its last status.
    assert "Median 4 weeks; catalogue mapping is the slow step. (25 Sep 2026)" in text


def test_closed_cycle_without_grades_does_not_claim_a_zero_score(tmp_path: Path) -> None:
    mkdocs = "site_name: Acme\ntheme: material\nplugins:\n  - search\n  - okrs:\n      as_of: 2027-02-01\n"
    ungraded = CHECKOUT.replace(
        "        checkins:\n          - {date: 2026-10-15, value: 2.4, confidence: 0.7}\n", ""
    )
    assert ungraded != CHECKOUT
    site = build_site(make_site(tmp_path, mkdocs, {"okrs/2026-Q4/checkout.yaml": ungraded}))
    cycle = _text(_main((site / "2026-Q4" / "index.html").read_text(encoding="utf-8")))
    assert "not graded" in cycle and "0.0" not in cycle


def test_money_keeps_its_cents_and_a_decrease_reads_as_a_target() -> None:
    assert format_value(7.7, "€") == "€7.70"
    assert format_value(8, "€") == "€8"


def test_one_team_is_not_teams(example_site: Site) -> None:  # noqa: F811
    assert "across 1 teams" not in example_site.page("")


def test_the_nav_keeps_its_context_on_objective_and_kr_pages(example_site: Site) -> None:  # noqa: F811
    for path in (OBJECTIVE, KR + "partner-gmv-share/"):
        html = example_site.page(path)
        nav = html[html.index("md-nav--primary") : html.index('class="md-content"')]
        # The way down to the team is open: cycle, company, Commerce, the team itself.
        for title in ("2026-Q4", "Fernwood Outfitters", "Commerce", "Marketplace Partners"):
            assert f"{title}\n" in nav or f"{title}<" in nav, (path, title)
        # Closed cycles stay folded: no team of 2026-Q3 is listed.
        assert "2026-Q3/checkout/" not in nav


def test_a_deep_page_nav_shows_the_way_down_without_siblings_or_empty_more_links(
    example_site: Site,  # noqa: F811
) -> None:
    html = example_site.page(KR + "partner-gmv-share/")
    nav = html[html.index("md-nav--primary") : html.index('class="md-content"')]
    assert "Checkout &amp; Payments" not in nav  # a sibling team of Marketplace Partners
    assert "… 2 more" in nav and "… 0 more" not in nav
