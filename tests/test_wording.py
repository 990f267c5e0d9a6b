"""How KR wording is read: verbs in any inflection, counts, numbers in words, units."""

from __future__ import annotations

import pytest

from okrs_as_code.config import LintConfig
from okrs_as_code.lint import lint_statement


def codes(text: str, **config: object) -> list[str]:
    return [d.code for d in lint_statement(text, LintConfig(**config))]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    ["Ship the new returns portal", "Shipped the new returns portal", "Shipping the new returns portal",
     "We will launch the partner API", "Migrating billing to the new provider", "Rolled out SSO"],
)  # fmt: skip
def test_delivery_verbs_in_any_inflection(text: str) -> None:
    assert "OKR101" in codes(text) or "OKR102" in codes(text)


@pytest.mark.parametrize(
    ("text", "count"),
    [("Publish twelve articles on the blog", "twelve articles"),
     ("Hold 4 customer workshops", "4 customer workshops"),
     ("Run two hundred outbound calls", "two hundred outbound calls")],
)  # fmt: skip
def test_counts_of_own_activities_are_named(text: str, count: str) -> None:
    (finding,) = [d for d in lint_statement(text, LintConfig()) if d.code == "OKR102"]
    assert count.split()[-1] in finding.message


@pytest.mark.parametrize(
    "text",
    ["Sign 30 new customers in the retail segment", "Grow paying subscribers from 1,200 to 2,000",
     "Raise trial-to-paid conversion by 3 percentage points", "Cut refund requests by 25%",
     "Lift average order value from €52 to €58", "At least 400 weekly active teams",
     "Reach twelve thousand monthly readers", "Reduce the number of support tickets per order from 0.3 to 0.2"],
)  # fmt: skip
def test_outcomes_are_not_flagged(text: str) -> None:
    assert [c for c in codes(text) if c != "OKR104"] == []


def test_counting_customer_behaviour_is_an_outcome_but_counting_our_calls_is_not() -> None:
    assert codes("Increase the number of demo requests from 40 to 90") == []
    assert codes("Increase the number of calls made by the sales team by 50%") == ["OKR102"]


def test_an_outcome_clause_redeems_a_delivery_verb() -> None:
    assert codes("Launch the new search so that zero-result searches drop from 12% to 5%") == []


def test_extra_output_verbs_from_configuration() -> None:
    assert codes("Evangelise the pricing memo with all regions") == ["OKR104"]
    assert codes("Evangelise the pricing memo with all regions", output_verbs=("evangelise",)) == [
        "OKR101"
    ]


def test_measurability_from_wording() -> None:
    assert codes("Improve customer happiness") == ["OKR104"]
    assert codes("Improve CSAT from 4.1 to 4.5") == []
    assert codes("Keep uptime at 99.9%") == ["OKR105"]
