"""The coaching rules on OKR files: context, acknowledgements, configuration, the CLI."""

from __future__ import annotations

import json
import textwrap
from typing import TYPE_CHECKING

from .conftest import CHECKOUT, write

if TYPE_CHECKING:
    from pathlib import Path

KR = """\
      - id: {id}
        title: {title}
{extra}"""


def with_kr(
    title: str, extra: str = "        baseline: 1\n        target: 2\n", objective: str = ""
) -> str:
    text = CHECKOUT.replace(
        "    key_results:\n",
        objective + "    key_results:\n" + KR.format(id="new-kr", title=title, extra=extra),
        1,
    )
    return text


def lines(out: str, code: str) -> list[str]:
    return [line for line in out.splitlines() if f" {code} " in line]


def test_output_kr_is_a_warning_on_its_title_line(okr_root: Path, okrs) -> None:
    write(okr_root, {"2026-Q4/checkout.yaml": with_kr("Ship the one-click reorder button")})
    result = okrs("validate", "okrs", "--as-of", "2026-10-20")
    assert result.exit_code == 0
    assert lines(result.out, "OKR101") == [
        "okrs/2026-Q4/checkout.yaml:10:16: OKR101 'ship' describes work to deliver, not a result; "
        "measure the change that work should cause [warning]"
    ]
    assert okrs("validate", "okrs", "--strict", "--as-of", "2026-10-20").exit_code == 1


def test_learning_objective_downgrades_output_krs_to_info(okr_root: Path, okrs) -> None:
    write(
        okr_root,
        {
            "2026-Q4/checkout.yaml": with_kr(
                "Run 3 checkout experiments", objective="    type: learning\n"
            )
        },
    )
    result = okrs("validate", "okrs", "--strict", "--as-of", "2026-10-10")
    assert result.exit_code == 0, result.out
    assert lines(result.out, "OKR102")[0].endswith("[info]")


def test_proxy_for_silences_too_far_out(okr_root: Path, okrs) -> None:
    title = "Raise 12-month retention from 40% to 45%"
    write(okr_root, {"2026-Q4/checkout.yaml": with_kr(title)})
    assert lines(okrs("validate", "okrs", "--as-of", "2026-10-20").out, "OKR107")
    extra = "        baseline: 40\n        target: 45\n        proxy_for: lifetime value\n"
    write(okr_root, {"2026-Q4/checkout.yaml": with_kr(title, extra)})
    assert not lines(okrs("validate", "okrs", "--as-of", "2026-10-20").out, "OKR107")


def test_accepted_finding_is_reported_as_accepted(okr_root: Path, okrs) -> None:
    extra = '        accept: {OKR101: "Contract ends in December; agreed with finance"}\n'
    write(
        okr_root,
        {"2026-Q4/checkout.yaml": with_kr("Migrate card payments to the new provider", extra)},
    )
    result = okrs("validate", "okrs", "--strict", "--as-of", "2026-10-10")
    assert result.exit_code == 0, result.out
    assert not lines(result.out, "OKR101")
    assert "1 accepted" in result.out
    report = json.loads(okrs("validate", "okrs", "--format", "json", "--as-of", "2026-10-20").out)
    (accepted,) = [d for d in report["diagnostics"] if d["code"] == "OKR101"]
    assert accepted["accepted"] == "Contract ends in December; agreed with finance"
    assert accepted["subject"] == "2026-Q4/checkout/effortless-checkout/key-results/new-kr"


def test_accepting_a_code_that_does_not_fire_is_a_warning(okr_root: Path, okrs) -> None:
    extra = '        baseline: 1\n        target: 2\n        accept: {OKR103: "old reason"}\n'
    write(okr_root, {"2026-Q4/checkout.yaml": with_kr("Grow repeat orders from 1k to 2k", extra)})
    result = okrs("validate", "okrs", "--as-of", "2026-10-20")
    assert lines(result.out, "OKR401") == [
        "okrs/2026-Q4/checkout.yaml:13:17: OKR401 accept: OKR103 acknowledges a finding that no "
        "longer occurs here; remove it [warning]"
    ]


def test_stale_kr_in_an_active_cycle(okr_root: Path, okrs) -> None:
    result = okrs("validate", "okrs", "--as-of", "2026-11-20")
    assert lines(result.out, "OKR301") == [
        # The last check-in (2026-10-15) is where the next one goes.
        "okrs/2026-Q4/checkout.yaml:15:13: OKR301 No check-in for 36 days (limit 14); record the "
        "current value and your confidence [warning]",
        # Never checked in: counted from the start of the cycle, shown on the title.
        "okrs/2026-Q4/checkout.yaml:17:16: OKR301 No check-in for 50 days (limit 14); record the "
        "current value and your confidence [warning]",
        "okrs/2026-Q4/commerce.yaml:9:16: OKR301 No check-in for 50 days (limit 14); record the "
        "current value and your confidence [warning]",
    ]
    assert not lines(okrs("validate", "okrs", "--as-of", "2027-01-05").out, "OKR301")  # closed


def test_configuration_in_pyproject(okr_root: Path, okrs) -> None:
    write(okr_root, {"2026-Q4/checkout.yaml": with_kr("Hold 5 supplier workshops")})
    write(
        okr_root.parent,
        {"pyproject.toml": textwrap.dedent("""\
            [tool.okrs]
            ignore = ["OKR3"]
            severity = {OKR102 = "error"}
            """)},
    )  # fmt: skip
    result = okrs("validate", "okrs", "--as-of", "2026-11-20")
    assert result.exit_code == 1
    assert lines(result.out, "OKR102")
    assert not lines(result.out, "OKR301")


def test_bad_configuration_is_a_usage_error(okr_root: Path, okrs) -> None:
    write(okr_root.parent, {"pyproject.toml": "[tool.okrs]\nstale_dayz = 3\n"})
    result = okrs("validate", "okrs")
    assert result.exit_code == 2
    assert "unknown key 'stale_dayz'; did you mean 'stale_days'?" in result.err


def test_rules_lists_every_code_and_explains_one(okrs) -> None:
    listing = okrs("rules").out
    for code in [
        "OKR001",
        "OKR013",
        *(f"OKR10{i}" for i in range(1, 9)),
        "OKR201",
        "OKR202",
        "OKR203",
        "OKR301",
        "OKR302",
        "OKR303",
        "OKR401",
    ]:
        assert code in listing
    explained = okrs("rules", "OKR102").out
    assert explained.startswith("OKR102 (activity-count)")
    for heading in ("Why is this bad?", "Example:", "Use instead:", "How to fix:"):
        assert heading in explained
    assert okrs("rules", "activity-count").out == explained
    assert okrs("rules", "OKR999").exit_code == 2


def test_lint_text_json_keeps_input_order(okrs, monkeypatch) -> None:
    result = okrs(
        "lint-text",
        "--format",
        "json",
        "Publish 12 blog articles",
        "Move checkout conversion from 2.1% to 3.5%",
    )
    payload = json.loads(result.out)
    assert [p["text"] for p in payload] == [
        "Publish 12 blog articles",
        "Move checkout conversion from 2.1% to 3.5%",
    ]
    assert [f["code"] for f in payload[0]["findings"]] == ["OKR102"]
    assert set(payload[0]["findings"][0]) == {"code", "name", "severity", "message"}
    assert payload[1]["findings"] == []


def test_lint_text_reads_stdin(okrs, monkeypatch) -> None:
    import io

    monkeypatch.setattr(
        "sys.stdin", io.StringIO("Achieve GDPR compliance\n\nKeep uptime at 99.9%\n")
    )
    result = okrs("lint-text", "-")
    assert result.out.splitlines()[0] == "Achieve GDPR compliance"
    assert "OKR103" in result.out and "OKR105" in result.out
    assert result.exit_code == 0


def test_glossary_command_and_organization_override(okr_root: Path, okrs) -> None:
    full = okrs("glossary").out
    for term in ("Objective", "Key result", "Initiative", "Input", "Output", "Outcome", "Outcome proxy",
                 "KPI", '"So what?" test', "Committed objective", "Aspirational objective",
                 "Learning objective", "Binary key result", "Outcome trap"):  # fmt: skip
        assert f"\n{term}\n" in "\n" + full, term
    write(
        okr_root,
        {"glossary.yaml": "version: 1\nterms:\n  - term: KPI\n    definition: Our own words.\n"},
    )
    assert "Our own words." in okrs("glossary", "kpi").out
    assert "Our own words." in okrs("glossary", "--root", "okrs").out
    assert "Our own words." not in okrs("glossary", "--root", "elsewhere").out


def test_percent_complete_checkins_put_the_kr_in_the_output_family(okr_root: Path, okrs) -> None:
    extra = "        checkins:\n          - {date: 2026-10-15, progress: 40, note: SAML done}\n"
    write(
        okr_root,
        {"2026-Q4/checkout.yaml": with_kr("Customers sign in with their company accounts", extra)},
    )
    result = okrs("validate", "okrs", "--as-of", "2026-10-20")
    (line,) = lines(result.out, "OKR101")
    assert line.endswith(
        "OKR101 Check-ins report percent complete, which measures how far a piece of work has "
        "got; measure the change that work should cause, and keep the work as an initiative "
        "[warning]"
    )
    assert not lines(result.out, "OKR104")


def test_not_measurable_is_quiet_on_thresholds_and_target_only_krs(okr_root: Path, okrs) -> None:
    threshold = "        target: 5\n        direction: at_least\n"
    write(
        okr_root, {"2026-Q4/checkout.yaml": with_kr("Pipeline coverage of at least 5x", threshold)}
    )
    assert not lines(okrs("validate", "okrs", "--as-of", "2026-10-20").out, "OKR104")
    relative = '        target_change: "+25%"\n'
    write(okr_root, {"2026-Q4/checkout.yaml": with_kr("Increase weekly active users", relative)})
    assert not lines(okrs("validate", "okrs", "--as-of", "2026-10-20").out, "OKR104")
    write(okr_root, {"2026-Q4/checkout.yaml": with_kr("Increase weekly active users", "")})
    assert lines(okrs("validate", "okrs", "--as-of", "2026-10-20").out, "OKR104")


def test_compound_kr_is_a_warning(okr_root: Path, okrs) -> None:
    write(okr_root, {"2026-Q4/checkout.yaml": with_kr("Close 2 deals and get 10 logos")})
    (line,) = lines(okrs("validate", "okrs", "--as-of", "2026-10-20").out, "OKR109")
    assert line.endswith("split it so each can be measured and scored [warning]")
