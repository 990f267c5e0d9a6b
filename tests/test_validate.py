"""`okrs validate` on valid input, its output formats and its exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import TYPE_CHECKING

from okrs_as_code.loading import load_okrs

from .conftest import CHECKOUT, write

if TYPE_CHECKING:
    from pathlib import Path

    import pytest


def test_valid_root_passes(okr_root: Path, okrs) -> None:  # type: ignore[no-untyped-def]
    result = okrs("validate", "okrs")
    assert result.exit_code == 0, result.out
    assert "0 error" in result.out or "All checks passed" in result.out
    assert "(2 OKR files, 3 key results)" in result.out


def test_root_defaults_to_okrs(okr_root: Path, okrs) -> None:  # type: ignore[no-untyped-def]
    assert okrs("validate").exit_code == 0


def test_strings_keep_the_exact_text_written(okr_root: Path) -> None:
    text = CHECKOUT.replace('unit: "%"', "unit: NO").replace(
        "title: Cut cart abandonment from 70% to 60%", "title: 1.10"
    )
    write(okr_root, {"2026-Q4/checkout.yaml": text})
    okrset, diagnostics = load_okrs(okr_root)
    assert [d for d in diagnostics if d.code.startswith("OKR0")] == []
    assert okrset is not None
    objective = next(o for o in okrset.objectives() if o.id == "effortless-checkout")
    assert objective.key_results[0].unit == "NO"
    assert objective.key_results[1].title == "1.10"
    assert objective.key_results[0].baseline == 2.1


def test_utf8_byte_order_mark_is_accepted(okr_root: Path, okrs) -> None:  # type: ignore[no-untyped-def]
    write(okr_root, {"2026-Q4/checkout.yaml": b"\xef\xbb\xbf" + CHECKOUT.encode()})
    assert okrs("validate", "okrs").exit_code == 0


def test_positions_count_characters_not_bytes(okr_root: Path, okrs) -> None:  # type: ignore[no-untyped-def]
    text = CHECKOUT.replace(
        "title: Make checkout effortless",
        "title: Schnell & einfach \u00fcberall \u2014 Make checkout effortless",
    ).replace("    aligns_with:", "    ownr: \u00e9mile\n    aligns_with:")
    write(okr_root, {"2026-Q4/checkout.yaml": text})
    result = okrs("validate", "okrs")
    assert (
        "okrs/2026-Q4/checkout.yaml:7:5: OKR010 unknown key 'ownr' in objective; did you mean 'owner'?"
        in result.out
    )


def test_json_format(okr_root: Path, okrs) -> None:  # type: ignore[no-untyped-def]
    write(okr_root, {"2026-Q4/checkout.yaml": CHECKOUT.replace("baseline: 2.1", "baseline: x")})
    result = okrs("validate", "okrs", "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.out)
    assert report["summary"]["errors"] == 1
    first = report["diagnostics"][0]
    assert (first["path"], first["line"], first["column"], first["code"]) == (
        "okrs/2026-Q4/checkout.yaml", 12, 19, "OKR011",
    )  # fmt: skip


def test_github_format_is_chosen_under_actions_and_escaped(
    okr_root: Path, okrs, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    write(
        okr_root,
        {"2026-Q4/checkout.yaml": CHECKOUT.replace("baseline: 2.1", "baseline: '50%, really'")},
    )
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = okrs("validate", "okrs")
    assert result.exit_code == 1
    assert (
        "::error file=okrs/2026-Q4/checkout.yaml,line=12,col=19,title=OKR011 wrong-type::"
        "key result baseline must be a number, got the quoted text '50%25, really'; remove the quotes"
    ) in result.out


def test_sarif_format(okr_root: Path, okrs) -> None:  # type: ignore[no-untyped-def]
    write(okr_root, {"2026-Q4/checkout.yaml": CHECKOUT.replace("baseline: 2.1", "baseline: x")})
    result = okrs("validate", "okrs", "--format", "sarif")
    sarif = json.loads(result.out)
    (run,) = sarif["runs"]
    assert run["results"][0]["ruleId"] == "OKR011"
    region = run["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 12, "startColumn": 19}


def test_unknown_format_is_a_usage_error(okr_root: Path, okrs) -> None:  # type: ignore[no-untyped-def]
    result = okrs("validate", "okrs", "--format", "xml")
    assert result.exit_code == 2
    assert "Invalid value for '--format'" in result.err


def test_installed_console_script_runs(okr_root: Path) -> None:
    bindir = __import__("pathlib").Path(sys.executable).parent
    proc = subprocess.run(
        [str(bindir / "okrs"), "validate", "okrs", "--format", "text"],
        capture_output=True, text=True, check=False, cwd=okr_root.parent,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
