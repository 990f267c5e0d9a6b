"""`okrs validate` without ROOT finds the OKR root the way ruff finds its configuration."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .conftest import write

if TYPE_CHECKING:
    from pathlib import Path

    import pytest


def test_run_from_a_cycle_folder_finds_the_root_above(
    okr_root: Path, okrs, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(okr_root / "2026-Q4")
    result = okrs("validate")
    assert result.exit_code == 0, result.err
    assert "(2 OKR files, 3 key results)" in result.out


def test_run_from_the_repository_top_finds_okrs(okr_root: Path, okrs) -> None:
    assert "(2 OKR files, 3 key results)" in okrs("validate").out


def test_tool_okrs_root_names_the_root(
    okr_root: Path, okrs, monkeypatch: pytest.MonkeyPatch
) -> None:
    top = okr_root.parent
    (top / "okrs").rename(top / "goals")
    write(top, {"pyproject.toml": '[tool.okrs]\nroot = "goals"\n', "docs/readme.md": "hi\n"})
    monkeypatch.chdir(top / "docs")
    result = okrs("validate")
    assert result.exit_code == 0, result.err
    assert "(2 OKR files, 3 key results)" in result.out


def test_no_root_anywhere_is_a_usage_error(
    tmp_path: Path, okrs, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = okrs("validate")
    assert result.exit_code == 2
    assert "no OKR root found" in result.err


def test_markdown_format_is_the_job_summary(okr_root: Path, okrs) -> None:
    result = okrs("validate", "--format", "markdown")
    assert result.out.startswith("### OKR validation\n")
    assert "(2 OKR files, 3 key results)" in result.out


def test_job_summary_hides_findings_text_of_confidential_objectives(okr_root: Path, okrs) -> None:
    secret = """\
    version: 1
    cycle: 2026-Q4
    team: commerce
    objectives:
      - id: project-falcon
        title: Buy Falcon Retail
        visibility: confidential
        key_results:
          - id: falcon-deal
            title: Launch the Falcon acquisition
    """
    write(okr_root, {"2026-Q4/commerce.yaml": secret})
    result = okrs("validate", "--format", "markdown")
    assert "**OKR101** output-as-kr (on a confidential objective)" in result.out
    assert "Falcon" not in result.out and "aunch" not in result.out
