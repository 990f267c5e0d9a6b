"""The real-teams additions to format version 1 (DESIGN section 2): valid shapes and bad values."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from okrs_as_code.loading import load_okrs

from .conftest import write

if TYPE_CHECKING:
    from pathlib import Path

REAL = """\
version: 1
cycle: 2026-Q4
team: checkout
objectives:
  - id: enterprise-ready
    title: Be the checkout enterprises trust
    owner: [ana, "VP Sales"]
    score: 0.7
    key_results:
      - id: pipeline-coverage
        title: Reach pipeline coverage of at least 5x next quarter's new ARR
        target: 5
        direction: at_least
        team: commerce
        owner: [ana, "VP Sales"]
        description: Counted from the **CRM** report.
        links: ["https://crm.example/report/42"]
        score: 0.7
        checkins:
          - {date: 2026-11-02, value: 4.1}
      - id: weekly-users
        title: Increase weekly active users by 25%
        target_change: "+25%"
        owner: bob
      - id: sso
        title: Single sign-on for every enterprise customer
        checkins:
          - {date: 2026-12-20, note: "Shipped to all but two customers"}
          - {date: 2026-11-02, progress: 40, note: "SAML done, OIDC next"}
"""


def test_every_addition_validates_and_reaches_the_model(okr_root: Path, okrs) -> None:  # type: ignore[no-untyped-def]
    write(okr_root, {"2026-Q4/checkout.yaml": REAL})
    result = okrs("validate", "okrs")
    assert " error" not in result.out.replace("0 errors", ""), result.out
    okrset, _ = load_okrs(okr_root)
    assert okrset is not None
    objective = next(o for o in okrset.objectives() if o.id == "enterprise-ready")
    assert objective.owner == ("ana", "VP Sales") and objective.score == 0.7
    coverage, users, sso = objective.key_results
    assert (coverage.target, coverage.direction, coverage.owner_team) == (5, "at_least", "commerce")
    assert coverage.links == ("https://crm.example/report/42",) and coverage.score == 0.7
    assert (users.target_change, users.owner) == ("+25%", ("bob",))
    # Date order, whatever order the file lists them in.
    assert [c.progress for c in sso.checkins] == [40, None]
    assert sso.last_note is not None and sso.last_note.note == "Shipped to all but two customers"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "progress: 40,",
            "progress: 140,",
            "okrs/2026-Q4/checkout.yaml:29:42: OKR013 check-in progress must be at most 100, got 140",
        ),
        (
            "        score: 0.7\n        checkins",
            "        score: 1.5\n        checkins",
            "okrs/2026-Q4/checkout.yaml:18:16: OKR013 key result score must be at most 1, got 1.5",
        ),
        (
            'target_change: "+25%"',
            'target_change: "25"',
            "okrs/2026-Q4/checkout.yaml:23:24: OKR013 key result target_change must be a change "
            "written with its sign, such as +25%, -10% or +3, got '25'",
        ),
        (
            'target_change: "+25%"',
            'target_change: "+25%"\n        target: 10',
            "okrs/2026-Q4/checkout.yaml:23:24: OKR028 key result weekly-users has both target (10) "
            "and target_change (+25%); keep one of them",
        ),
        (
            "team: commerce",
            "team: comerce",
            "okrs/2026-Q4/checkout.yaml:14:15: OKR021 no team 'comerce'; did you mean 'commerce'?",
        ),
        (
            '{date: 2026-12-20, note: "Shipped to all but two customers"}',
            "{date: 2026-12-20, confidence: 0.5}",
            "okrs/2026-Q4/checkout.yaml:28:13: OKR012 check-in of 2026-12-20 has no value, "
            "progress or note; it needs at least one of them",
        ),
        (
            "owner: bob",
            "owner: [bob, {name: x}]",
            "okrs/2026-Q4/checkout.yaml:24:22: OKR011 key result owner must be a string, got a mapping",
        ),
        (
            "owner: bob",
            "owner: {name: bob}",
            "okrs/2026-Q4/checkout.yaml:24:16: OKR011 key result owner must be a string or a list, "
            "got a mapping",
        ),
        (
            "owner: bob",
            "owner: []",
            "okrs/2026-Q4/checkout.yaml:24:16: OKR013 key result owner needs at least 1 item(s)",
        ),
    ],
)
def test_bad_values_are_refused_with_file_and_line(  # type: ignore[no-untyped-def]
    okr_root: Path, okrs, old: str, new: str, message: str
) -> None:
    assert old in REAL
    write(okr_root, {"2026-Q4/checkout.yaml": REAL.replace(old, new, 1)})
    result = okrs("validate", "okrs")
    assert result.exit_code == 1
    assert message in result.out, result.out


def test_checkins_sharing_a_date_or_after_the_cycle_warn_but_do_not_fail(  # type: ignore[no-untyped-def]
    okr_root: Path, okrs
) -> None:
    text = REAL.replace(
        "          - {date: 2026-11-02, value: 4.1}\n",
        "          - {date: 2027-02-04, value: 5.2}\n"
        "          - {date: 2027-01-20, value: 5.0}\n"
        "          - {date: 2026-11-02, value: 4.1}\n"
        "          - {date: 2026-11-02, value: 4.3}\n",
    )
    write(okr_root, {"2026-Q4/checkout.yaml": text})
    result = okrs("validate", "okrs")
    assert result.exit_code == 0, result.out
    # The review month after the cycle (2027-01-20) is part of it.
    assert "checkout.yaml:21:13: OKR304" not in result.out
    assert (
        "okrs/2026-Q4/checkout.yaml:23:13: OKR304 A second check-in on 2026-11-02; give each "
        "check-in its own date within the cycle (2026-10-01 to 2026-12-31) or its review month [warning]"
    ) in result.out
    assert (
        "okrs/2026-Q4/checkout.yaml:20:13: OKR304 Check-in dated 2027-02-04, more than 31 days "
        "after the end of cycle 2026-Q4; give each check-in its own date within the cycle"
    ) in result.out
