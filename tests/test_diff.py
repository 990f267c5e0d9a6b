"""`okrs diff` on real git repositories made in tmp_path: what a change does to the OKRs."""

from __future__ import annotations

import json
import subprocess
from typing import TYPE_CHECKING

import pytest

from .conftest import CHECKOUT, COMMERCE, write

if TYPE_CHECKING:
    from pathlib import Path

RUNNING = "2026-11-20"  # inside 2026-Q4 (2026-10-01 .. 2026-12-31)
BEFORE_START = "2026-09-15"

# The commerce file of conftest, plus a confidential objective.
SECRET = (
    COMMERCE
    + """\
  - id: project-falcon
    title: Acquire Falcon Retail before the spring season
    visibility: confidential
    key_results:
      - id: deal-value
        title: Close the Falcon deal below 40M EUR
        baseline: 0
        target: 40
"""
)


def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=repo, check=True, capture_output=True, text=True
    ).stdout


@pytest.fixture
def repo(okr_root: Path) -> Path:
    """A git repository at tmp_path whose first commit (tag `base`) holds the OKR root."""
    top = okr_root.parent
    git(top, "init", "-q", "-b", "main")
    git(top, "config", "user.email", "test@example.com")
    git(top, "config", "user.name", "Test")
    git(top, "add", "-A")
    git(top, "commit", "-q", "-m", "base")
    git(top, "tag", "base")
    return top


def commit(repo: Path, message: str = "change") -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


def lines_with(out: str, code: str) -> list[str]:
    return [line for line in out.splitlines() if f" {code} " in line]


def test_lowered_target_in_running_cycle_is_okr302_on_its_line(repo: Path, okrs) -> None:
    write(repo / "okrs", {"2026-Q4/checkout.yaml": CHECKOUT.replace("target: 3.5", "target: 3.0")})
    result = okrs("diff", "--base", "base", "--as-of", RUNNING, "okrs")
    assert result.exit_code == 0, result.out + result.err
    assert lines_with(result.out, "OKR302") == [
        "okrs/2026-Q4/checkout.yaml:13:17: OKR302 The target moved from 3.5 to 3 after the "
        "cycle started; revert it or record the reason [warning]"
    ]
    assert okrs("diff", "--base", "base", "--as-of", RUNNING, "--strict").exit_code == 1


def test_target_change_before_the_cycle_starts_is_no_goalpost(repo: Path, okrs) -> None:
    write(repo / "okrs", {"2026-Q4/checkout.yaml": CHECKOUT.replace("target: 3.5", "target: 3.0")})
    result = okrs("diff", "--base", "base", "--as-of", BEFORE_START, "--format", "json")
    payload = json.loads(result.out)
    assert payload["moved"] == []
    [change] = payload["changes"]
    assert (change["kind"], change["field"], change["old"], change["new"]) == (
        "changed", "target", "3.5", "3",
    )  # fmt: skip
    assert change["ref"] == "2026-Q4/checkout/effortless-checkout/conversion"


def test_kr_removed_mid_cycle_is_okr303(repo: Path, okrs) -> None:
    text = CHECKOUT.replace(
        "      - id: abandonment\n        title: Cut cart abandonment from 70% to 60%\n"
        "        baseline: 70\n        target: 60\n",
        "",
    )
    write(repo / "okrs", {"2026-Q4/checkout.yaml": text})
    commit(repo)
    result = okrs("diff", "--base", "base", "--head", "HEAD", "--as-of", RUNNING)
    [line] = lines_with(result.out, "OKR303")
    assert line.startswith("okrs/2026-Q4/checkout.yaml:9:7: OKR303 The key result ")
    assert "'Cut cart abandonment from 70% to 60%' was removed after its cycle started" in line


def test_accepted_goalpost_is_a_suppression_in_sarif(repo: Path, okrs) -> None:
    text = CHECKOUT.replace(
        "        target: 3.5\n",
        '        target: 3.0\n        accept: {OKR302: "Re-agreed at the mid-cycle review"}\n',
    )
    write(repo / "okrs", {"2026-Q4/checkout.yaml": text})
    result = okrs("diff", "--base", "base", "--as-of", RUNNING, "--format", "sarif")
    sarif = json.loads(result.out)
    [finding] = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "OKR302"]
    assert finding["suppressions"] == [
        {
            "kind": "inSource",
            "status": "accepted",
            "justification": "Re-agreed at the mid-cycle review",
        }
    ]
    # validate does not call an acknowledgement of a diff-only finding unused
    assert "OKR401" not in okrs("validate", "okrs", "--as-of", RUNNING).out


def test_new_output_kr_finding_is_introduced_and_a_fixed_one_resolved(repo: Path, okrs) -> None:
    text = CHECKOUT.replace(
        "title: Cut cart abandonment from 70% to 60%", "title: Publish 12 help-centre articles"
    )
    write(repo / "okrs", {"2026-Q4/checkout.yaml": text})
    commit(repo, "output KR")
    git(repo, "tag", "output")
    introduced = json.loads(
        okrs(
            "diff", "--base", "base", "--head", "output", "--format", "json", "--as-of", RUNNING
        ).out
    )
    assert [(d["code"], d["subject"]) for d in introduced["introduced"]] == [
        ("OKR102", "2026-Q4/checkout/effortless-checkout/key-results/abandonment")
    ]
    added = CHECKOUT.replace(
        "    initiatives:\n",
        "      - id: blog-posts\n        title: Publish 20 posts on the blog\n    initiatives:\n",
    )
    write(repo / "okrs", {"2026-Q4/checkout.yaml": added})
    new_kr = json.loads(okrs("diff", "--base", "base", "--format", "json", "--as-of", RUNNING).out)
    # a KR added in this change is not yet stale (OKR301), but reads as an output (OKR102)
    assert [d["code"] for d in new_kr["introduced"]] == ["OKR102"]
    assert introduced["resolved"] == []
    write(repo / "okrs", {"2026-Q4/checkout.yaml": CHECKOUT})
    fixed = json.loads(okrs("diff", "--base", "output", "--format", "json", "--as-of", RUNNING).out)
    assert [d["code"] for d in fixed["resolved"]] == ["OKR102"]
    assert fixed["introduced"] == []


def test_renamed_file_and_moved_objective_are_no_removal(repo: Path, okrs) -> None:
    git(repo, "mv", "okrs/2026-Q4/checkout.yaml", "okrs/2026-Q4/team-checkout.yaml")
    commit(repo, "rename")
    result = okrs(
        "diff", "--base", "base", "--head", "HEAD", "--format", "json", "--as-of", RUNNING
    )
    payload = json.loads(result.out)
    assert payload["changes"] == []
    assert payload["moved"] == payload["introduced"] == payload["resolved"] == []


def test_new_checkin_reports_the_progress_and_health_it_moves(repo: Path, okrs) -> None:
    text = CHECKOUT.replace(
        "          - {date: 2026-10-15, value: 2.4, confidence: 0.7}\n",
        "          - {date: 2026-10-15, value: 2.4, confidence: 0.7}\n"
        "          - {date: 2026-11-15, value: 3.1, confidence: 0.8}\n",
    )
    write(repo / "okrs", {"2026-Q4/checkout.yaml": text})
    result = okrs("diff", "--base", "base", "--as-of", RUNNING, "--format", "markdown")
    assert "1 new check-in (2026-11-15)" in result.out
    assert "progress 21% → **71%**" in result.out


def test_missing_base_ref_exits_2_with_a_clear_message(repo: Path, okrs) -> None:
    result = okrs("diff", "--base", "no-such-branch", "okrs")
    assert result.exit_code == 2
    assert "no commit 'no-such-branch'" in result.err
    assert "Traceback" not in result.err


def test_diff_outside_a_repository_exits_2(okr_root: Path, okrs) -> None:
    result = okrs("diff", "--base", "main", "okrs")
    assert result.exit_code == 2
    assert "not inside a git repository" in result.err


def test_confidential_title_never_reaches_the_markdown_summary(repo: Path, okrs) -> None:
    write(repo / "okrs", {"2026-Q4/commerce.yaml": SECRET})
    commit(repo, "secret objective")
    git(repo, "tag", "secret")
    changed = SECRET.replace("target: 40", "target: 55").replace("Falcon deal", "Falcon deal soon")
    write(repo / "okrs", {"2026-Q4/commerce.yaml": changed})
    for base in ("base", "secret"):
        result = okrs("diff", "--base", base, "--as-of", RUNNING, "--format", "markdown")
        assert result.exit_code == 0, result.err
        assert "Falcon" not in result.out and "falcon" not in result.out
        assert "40" not in result.out and "55" not in result.out
        assert "confidential objective" in result.out
    shown = okrs(
        "diff", "--base", "secret", "--as-of", RUNNING, "--format", "markdown",
        "--include-confidential",
    )  # fmt: skip
    assert "Falcon" in shown.out


def test_markdown_links_pages_with_the_site_url(repo: Path, okrs) -> None:
    write(repo / "okrs", {"2026-Q4/checkout.yaml": CHECKOUT.replace("target: 3.5", "target: 3.0")})
    result = okrs(
        "diff", "--base", "base", "--as-of", RUNNING, "--format", "markdown",
        "--site-url", "https://okrs.example.com/",
    )  # fmt: skip
    assert (
        "(https://okrs.example.com/2026-Q4/checkout/effortless-checkout/key-results/conversion/)"
        in result.out
    )


def test_markdown_escapes_titles_and_mentions(repo: Path, okrs) -> None:
    text = CHECKOUT.replace(
        "title: Cut cart abandonment from 70% to 60%",
        'title: "Cut <b>abandonment</b> [x](javascript:alert(1)) @octocat"',
    )
    write(repo / "okrs", {"2026-Q4/checkout.yaml": text})
    out = okrs("diff", "--base", "base", "--as-of", RUNNING, "--format", "markdown").out
    assert "<b>" not in out and "[x](javascript" not in out
    assert r"\<b\>abandonment\</b\> \[x\](javascript:alert(1))" in out
    assert "@octocat" not in out


def test_step_summary_is_appended_under_github_actions(
    repo: Path, okrs, monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = repo / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    write(repo / "okrs", {"2026-Q4/checkout.yaml": CHECKOUT.replace("target: 3.5", "target: 3.0")})
    result = okrs("diff", "--base", "base", "--as-of", RUNNING)
    assert (
        "::warning file=okrs/2026-Q4/checkout.yaml,line=13,col=17,title=OKR302 goalpost-moved::"
        in result.out
    )
    okrs("validate", "--as-of", RUNNING)
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n### OKR changes against `base`")
    assert "### OKR validation" in text


def test_reordered_objectives_are_no_change(repo: Path, okrs) -> None:
    two = SECRET.replace("visibility: confidential\n", "")
    write(repo / "okrs", {"2026-Q4/commerce.yaml": two})
    commit(repo, "two objectives")
    first, second = two.split("  - id: project-falcon\n")
    swapped = first.replace("objectives:\n", "objectives:\n  - id: project-falcon\n" + second)
    write(repo / "okrs", {"2026-Q4/commerce.yaml": swapped})
    payload = json.loads(okrs("diff", "--base", "HEAD", "--format", "json").out)
    assert payload["changes"] == []


def test_removed_objective_and_removed_file_are_okr303(repo: Path, okrs) -> None:
    (repo / "okrs" / "2026-Q4" / "checkout.yaml").unlink()
    result = okrs("diff", "--base", "base", "--as-of", RUNNING, "--format", "json")
    payload = json.loads(result.out)
    [dropped] = payload["moved"]
    assert (dropped["code"], dropped["path"], dropped["line"]) == (
        "OKR303", "okrs/2026-Q4/checkout.yaml", 5,
    )  # fmt: skip
    removed = {(c["kind"], c["level"], c["ref"]) for c in payload["changes"]}
    assert ("removed", "objective", "2026-Q4/checkout/effortless-checkout") in removed
    markdown = okrs("diff", "--base", "base", "--as-of", RUNNING, "--format", "markdown").out
    assert "1 item dropped after the cycle started" in markdown


def test_okrs_new_at_head_are_all_added(tmp_path: Path, okr_root: Path, okrs) -> None:
    git(tmp_path, "init", "-q", "-b", "main")
    git(
        tmp_path,
        "-c",
        "user.name=t",
        "-c",
        "user.email=t@e",
        "commit",
        "-q",
        "--allow-empty",
        "-m",
        "empty",
    )
    payload = json.loads(okrs("diff", "--base", "HEAD", "--format", "json").out)
    kinds = {(c["kind"], c["level"]) for c in payload["changes"]}
    assert kinds == {("added", "objective"), ("added", "key_result"), ("added", "initiative")}


def test_broken_head_is_reported_with_exit_1_and_no_traceback(repo: Path, okrs) -> None:
    write(repo / "okrs", {"2026-Q4/checkout.yaml": CHECKOUT.replace("target: 3.5", "target: [")})
    result = okrs("diff", "--base", "base")
    assert result.exit_code == 1
    assert "okrs/2026-Q4/checkout.yaml:" in result.out and "OKR001" in result.out
    assert "Traceback" not in result.err


def test_text_lists_each_change_on_its_line(repo: Path, okrs) -> None:
    write(repo / "okrs", {"2026-Q4/checkout.yaml": CHECKOUT.replace("target: 3.5", "target: 3.0")})
    out = okrs("diff", "--base", "base", "--as-of", BEFORE_START).out
    assert out.splitlines()[0] == (
        "okrs/2026-Q4/checkout.yaml:13:17: target of key result "
        "2026-Q4/checkout/effortless-checkout/conversion: 3.5 -> 3"
    )
    assert out.splitlines()[-1] == "All checks passed. (1 change against base)"


def test_files_unchanged_since_the_base_are_not_read_from_git(
    repo: Path, okrs, monkeypatch: pytest.MonkeyPatch
) -> None:
    from okrs_as_code.gitread import Repository

    asked: list[str] = []
    real_read = Repository.read

    def read(self: Repository, oids):  # type: ignore[no-untyped-def]
        wanted = list(oids)
        asked.extend(wanted)
        return real_read(self, wanted)

    monkeypatch.setattr(Repository, "read", read)
    write(repo / "okrs", {"2026-Q4/checkout.yaml": CHECKOUT.replace("target: 3.5", "target: 3.0")})
    okrs("diff", "--base", "base", "--format", "json")
    changed = git(repo, "rev-parse", "base:okrs/2026-Q4/checkout.yaml").strip()
    assert asked == [changed]


def test_a_threshold_checkin_reads_met_or_not_met_and_money_as_the_site_writes_it(
    repo: Path,
    okrs,  # type: ignore[no-untyped-def]
) -> None:
    base = CHECKOUT.replace(
        '        unit: "%"\n        baseline: 2.1\n        target: 3.5\n',
        '        unit: "%"\n        target: 3.5\n        direction: at_least\n',
    ).replace(
        "        baseline: 70\n        target: 60\n",
        '        unit: "€"\n        baseline: 70\n        target: 60\n',
    )
    write(repo / "okrs", {"2026-Q4/checkout.yaml": base})
    commit(repo, "thresholds")
    git(repo, "tag", "thresholds")
    head = base.replace(
        "          - {date: 2026-10-15, value: 2.4, confidence: 0.7}\n",
        "          - {date: 2026-10-15, value: 2.4, confidence: 0.7}\n"
        "          - {date: 2026-11-15, value: 3.6, confidence: 0.8}\n",
    ).replace("        target: 60\n", "        target: 62.5\n")
    write(repo / "okrs", {"2026-Q4/checkout.yaml": head})
    result = okrs("diff", "--base", "thresholds", "--as-of", RUNNING, "--format", "markdown")
    assert "latest 3.6%, confidence 0.8 · now **met**" in result.out
    assert "target `€60` → **`€62.50`**" in result.out
