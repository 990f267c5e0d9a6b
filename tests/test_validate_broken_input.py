"""`okrs validate` on broken input: every class gets exit 1 and a file:line:col message."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from .conftest import CHECKOUT, write

if TYPE_CHECKING:
    from pathlib import Path

TEAM_FILE = "okrs/2026-Q4/checkout.yaml"


def checkout_with(replace: str, by: str) -> str:
    assert replace in CHECKOUT
    return CHECKOUT.replace(replace, by, 1)


# (id, file content, expected "path:line:col: CODE", expected fragment of the message)
CASES: list[tuple[str, str | bytes, str, str]] = [
    (
        "duplicate-key",
        checkout_with('        unit: "%"\n', '        unit: "%"\n        unit: pct\n'),
        "12:9: OKR004",
        "duplicate key 'unit' (first at line 11)",
    ),
    (
        "anchor",
        checkout_with("title: Make checkout", "title: &t Make checkout"),
        "6:12: OKR005",
        "YAML anchor &t is not allowed",
    ),
    (
        "alias",
        checkout_with("title: Cut cart", "title: *x"),
        "17:16: OKR005",
        "alias *x",
    ),
    (
        "tab-indentation",
        checkout_with("    title: Make checkout", "\ttitle: Make checkout"),
        "6:1: OKR001",
        "tab character where YAML expects spaces",
    ),
    (
        "not-utf8",
        checkout_with("returning customers", "returning customers caf").encode() + b"\xe9\n",
        "24:1: OKR002",
        "byte 0xe9 is not UTF-8 text",
    ),
    (
        "utf16",
        CHECKOUT.encode("utf-16"),
        "1:1: OKR002",
        "file is UTF-16 text; save it as UTF-8",
    ),
    (
        "infinity",
        checkout_with("target: 3.5", "target: .inf"),
        "13:17: OKR013",
        "key result target must be a finite number, not .inf",
    ),
    (
        "nan",
        checkout_with("value: 2.4", "value: .nan"),
        "15:39: OKR013",
        "must be a finite number, not .nan",
    ),
    (
        "impossible-date",
        checkout_with("2026-10-15", "2026-02-30"),
        "15:20: OKR013",
        "check-in date 2026-02-30 is not a real date",
    ),
    (
        "not-a-date",
        checkout_with("2026-10-15", "15/10/2026"),
        "15:20: OKR013",
        "check-in date must be a date written YYYY-MM-DD, got '15/10/2026'",
    ),
    (
        "deep-nesting",
        "version: 1\nobjectives: " + "[" * 100_000 + "]" * 100_000 + "\n",
        "2:",
        "nesting deeper than 64 levels",
    ),
    (
        "unknown-key",
        checkout_with("        baseline: 2.1", "        basline: 2.1"),
        "12:9: OKR010",
        "unknown key 'basline' in key result; did you mean 'baseline'?",
    ),
    (
        "quoted-number",
        checkout_with("target: 3.5", 'target: "3.5"'),
        "13:17: OKR011",
        "key result target must be a number, got the quoted text '3.5'; remove the quotes",
    ),
    (
        "list-for-title",
        checkout_with("title: Cut cart abandonment from 70% to 60%", "title: [a, b]"),
        "17:16: OKR011",
        "key result title must be a string, got a list",
    ),
    (
        "missing-title",
        checkout_with("        title: Cut cart abandonment from 70% to 60%\n", ""),
        "16:9: OKR012",
        "key result has no 'title'; it is required",
    ),
    (
        "bad-id",
        checkout_with("id: abandonment", "id: Cart_Abandonment"),
        "16:13: OKR013",
        "key result id must be an id: lower-case letters and digits, words joined by single hyphens",
    ),
    (
        "bad-enum",
        checkout_with("    aligns_with:", "    type: commited\n    aligns_with:"),
        "7:11: OKR013",
        "objective type must be one of committed, aspirational, learning, got 'commited'; "
        "did you mean 'committed'?",
    ),
    (
        "confidence-out-of-range",
        checkout_with("confidence: 0.7", "confidence: 70"),
        "15:56: OKR013",
        "check-in confidence must be at most 1, got 70",
    ),
    (
        "empty-accept-reason",
        checkout_with("        unit:", '        accept: {OKR101: ""}\n        unit:'),
        "11:26: OKR013",
        "key result accept OKR101 must not be empty",
    ),
    (
        "bad-accept-code",
        checkout_with("        unit:", '        accept: {E501: "why"}\n        unit:'),
        "11:18: OKR013",
        "accept key must be a rule code such as OKR101, got 'E501'",
    ),
    (
        "unknown-alignment",
        checkout_with("commerce/grow-online-revenue]", "commerce/grow-online-revenu]"),
        "7:19: OKR021",
        "no objective 'commerce/grow-online-revenu' in cycle 2026-Q4; "
        "did you mean 'commerce/grow-online-revenue'?",
    ),
    (
        "unknown-kr-alignment",
        checkout_with("commerce/grow-online-revenue]", "commerce/grow-online-revenue/revenue]"),
        "7:19: OKR021",
        "objective commerce/grow-online-revenue has no key result 'revenue'; "
        "did you mean 'commerce/grow-online-revenue/online-revenue'?",
    ),
    (
        "initiative-unknown-kr",
        checkout_with("key_results: [conversion]", "key_results: [convertion]"),
        "23:23: OKR021",
        "no key result in objective effortless-checkout named 'convertion'; did you mean 'conversion'?",
    ),
    (
        "duplicate-kr-id",
        checkout_with("id: abandonment", "id: conversion"),
        "16:13: OKR020",
        "key result id 'conversion' is already used at line 9",
    ),
    (
        "unknown-team",
        checkout_with("team: checkout", "team: chekout"),
        "3:7: OKR021",
        "no team 'chekout'; did you mean 'checkout'?",
    ),
    (
        "unknown-cycle",
        checkout_with("cycle: 2026-Q4", "cycle: 2026-Q5"),
        "2:8: OKR021",
        "no cycle '2026-Q5'; did you mean '2026-Q4'?",
    ),
    (
        "future-version",
        checkout_with("version: 1", "version: 2"),
        "1:10: OKR013",
        "version 2 is not a format this okrs-as-code reads (it reads version 1)",
    ),
    (
        "syntax-error",
        checkout_with("[commerce/grow-online-revenue]", "[commerce/grow-online-revenue"),
        "8:",
        "OKR001",
    ),
    ("empty-file", "", "1:1: OKR011", "file is empty"),
    (
        "two-documents",
        CHECKOUT + "---\nversion: 1\n",
        "24:1: OKR001",
        "more than one YAML document",
    ),
    (
        "nul-byte",
        CHECKOUT.replace("Make checkout", "Make\x00checkout"),
        "6:16: OKR001",
        "control character U+0000 is not allowed",
    ),
    ("top-level-list", "- version: 1\n", "1:1: OKR011", "file must be a mapping of keys to values"),
    ("binary-garbage", bytes(range(256)) * 4, "2:118: OKR002", "byte 0x80 is not UTF-8 text"),
]


@pytest.mark.parametrize(
    ("content", "where", "fragment"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_broken_input_is_reported_at_its_line(okr_root, okrs, content, where, fragment) -> None:  # type: ignore[no-untyped-def]
    write(okr_root.parent, {TEAM_FILE: content})
    result = okrs("validate", "okrs")
    assert result.exit_code == 1, result.out + result.err
    assert "Traceback" not in result.out + result.err
    lines = [line for line in result.out.splitlines() if line.startswith(f"{TEAM_FILE}:{where}")]
    assert lines, f"no message at {TEAM_FILE}:{where} in:\n{result.out}"
    assert any(fragment in line for line in lines), result.out


def test_file_over_five_mib_is_refused_before_parsing(okr_root: Path, okrs) -> None:  # type: ignore[no-untyped-def]
    write(okr_root.parent, {TEAM_FILE: CHECKOUT + "# " + "x" * (5 * 1024 * 1024) + "\n"})
    result = okrs("validate", "okrs")
    assert result.exit_code == 1
    assert f"{TEAM_FILE}:1:1: OKR003 file is 5.0 MiB; OKR files may be at most 5 MiB" in result.out


def test_team_parent_loop_names_the_whole_loop(okr_root: Path, okrs) -> None:  # type: ignore[no-untyped-def]
    org = (okr_root / "organization.yaml").read_text()
    org = org.replace("{id: company, name: Acme}", "{id: company, name: Acme, parent: checkout}")
    write(okr_root, {"organization.yaml": org})
    result = okrs("validate", "okrs")
    assert result.exit_code == 1
    assert "okrs/organization.yaml:6:" in result.out
    assert "OKR023 team parents loop: company -> checkout -> commerce -> company" in result.out


def test_alignment_loop_names_the_whole_loop(okr_root: Path, okrs) -> None:  # type: ignore[no-untyped-def]
    commerce = (okr_root / "2026-Q4/commerce.yaml").read_text()
    commerce = commerce.replace(
        "    key_results:\n",
        "    aligns_with: [checkout/effortless-checkout/conversion]\n    key_results:\n",
        1,
    )
    write(okr_root, {"2026-Q4/commerce.yaml": commerce})
    result = okrs("validate", "okrs")
    assert result.exit_code == 1
    assert (
        "OKR022 alignment loops: checkout/effortless-checkout -> commerce/grow-online-revenue -> "
        "checkout/effortless-checkout/conversion -> checkout/effortless-checkout"
    ) in result.out


def test_two_files_for_one_team_and_cycle(okr_root: Path, okrs) -> None:  # type: ignore[no-untyped-def]
    write(
        okr_root, {"2026-Q4/checkout-extra.yaml": CHECKOUT.replace("effortless-checkout", "other")}
    )
    result = okrs("validate", "okrs")
    assert result.exit_code == 1
    assert (
        "okrs/2026-Q4/checkout.yaml:3:7: OKR025 okrs/2026-Q4/checkout-extra.yaml already holds "
        "the OKRs of team checkout for 2026-Q4"
    ) in result.out


def test_missing_organization_file(okr_root: Path, okrs) -> None:  # type: ignore[no-untyped-def]
    (okr_root / "organization.yaml").unlink()
    result = okrs("validate", "okrs")
    assert result.exit_code == 1
    assert "okrs:1:1: OKR024 no organization.yaml in okrs" in result.out


def test_missing_root_is_a_usage_error(tmp_path: Path, okrs, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    result = okrs("validate", "nowhere")
    assert result.exit_code == 2
    assert "OKR root 'nowhere' does not exist" in result.err


def test_errors_in_several_files_are_all_reported(okr_root: Path, okrs) -> None:  # type: ignore[no-untyped-def]
    write(
        okr_root.parent,
        {
            TEAM_FILE: checkout_with("target: 3.5", "target: high"),
            "okrs/2026-Q4/commerce.yaml": "version: 1\ncycle: 2026-Q4\nteam: commerce\nobjectives: {}\n",
        },
    )
    result = okrs("validate", "okrs")
    assert result.exit_code == 1
    assert (
        "okrs/2026-Q4/checkout.yaml:13:17: OKR011 key result target must be a number, got 'high'"
        in result.out
    )
    assert (
        "okrs/2026-Q4/commerce.yaml:4:13: OKR011 objectives must be a list, got a mapping"
        in result.out
    )


# Resource exhaustion: hostile files and folders are refused without being read -------------


def _linked(okr_root: Path, name: str, target: str) -> None:
    import os

    os.symlink(target, okr_root / "2026-Q4" / name)


@pytest.mark.parametrize("target", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_a_link_to_a_device_is_refused_without_reading(okr_root: Path, okrs, target: str) -> None:  # type: ignore[no-untyped-def]
    _linked(okr_root, "device.yaml", target)
    result = okrs("validate", "okrs")
    assert result.exit_code == 1
    assert "okrs/2026-Q4/device.yaml:1:1: OKR027" in result.out, result.out


def test_a_fifo_is_refused_without_waiting(okr_root: Path, okrs) -> None:  # type: ignore[no-untyped-def]
    import os

    os.mkfifo(okr_root / "2026-Q4" / "pipe.yaml")
    result = okrs("validate", "okrs")
    assert result.exit_code == 1
    assert (
        "okrs/2026-Q4/pipe.yaml:1:1: OKR027 not a regular file (a device, FIFO or socket); not read"
        in result.out
    )


def test_a_file_is_never_read_past_the_limit(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import os

    from okrs_as_code import loading

    path = tmp_path / "big.yaml"
    path.write_bytes(b"x" * 100)
    reads: list[int] = []
    real_read = os.read

    def counting_read(fd: int, n: int) -> bytes:
        reads.append(n)
        return real_read(fd, n)

    monkeypatch.setattr(loading, "MAX_BYTES", 10)
    monkeypatch.setattr(loading.os, "read", counting_read)
    problems: list[object] = []
    assert loading.read_text(path, "big.yaml", problems.append) is None
    assert sum(reads) <= 11


def test_symlink_loops_are_reported_cleanly(okr_root: Path, okrs) -> None:  # type: ignore[no-untyped-def]
    _linked(okr_root, "loop.yaml", "loop.yaml")
    _linked(okr_root, "a.yaml", "b.yaml")
    _linked(okr_root, "b.yaml", "a.yaml")
    result = okrs("validate", "okrs")
    assert result.exit_code == 1
    assert "internal error" not in result.err
    assert "okrs/2026-Q4/loop.yaml:1:1: OKR027" in result.out
    assert "okrs/2026-Q4/a.yaml:1:1: OKR027" in result.out


def test_a_link_to_a_file_outside_the_root_is_not_read(
    okr_root: Path, okrs, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    secret = tmp_path / "secret.yaml"
    secret.write_text("password: hunter2\n")
    _linked(okr_root, "secret.yaml", str(secret))
    _linked(okr_root, "passwd.yaml", "/etc/passwd")
    result = okrs("validate", "okrs")
    assert result.exit_code == 1
    assert "hunter2" not in result.out and "root:" not in result.out
    assert (
        "okrs/2026-Q4/secret.yaml:1:1: OKR027 a symbolic link to a file outside the OKR root; "
        "not read"
    ) in result.out


def test_a_link_inside_the_root_is_read(okr_root: Path, okrs) -> None:  # type: ignore[no-untyped-def]
    import os

    os.rename(okr_root / "2026-Q4" / "checkout.yaml", okr_root / "checkout.txt")
    _linked(okr_root, "checkout.yaml", "../checkout.txt")
    result = okrs("validate", "okrs")
    assert result.exit_code == 0, result.out


def test_deeply_nested_folders_are_reported_not_walked(okr_root: Path, okrs) -> None:  # type: ignore[no-untyped-def]
    import os

    folder = str(okr_root)
    os.chdir(okr_root.parent)
    for _ in range(1200):
        os.mkdir(os.path.join(folder, "d"))
        folder = os.path.join(folder, "d")
        os.chdir(folder)  # keeps each call's path short; 1,200 levels exceed PATH_MAX
        folder = "."
    os.chdir(okr_root.parent)
    try:
        result = okrs("validate", "okrs")
        assert result.exit_code == 1
        assert "internal error" not in result.err
        assert "folders nested more than 32 deep below the OKR root; not read" in result.out
    finally:
        # Clean up from the bottom, even after a failure: pytest's own recursive removal of
        # old temporary folders would run out of stack on the next runs.
        os.chdir(okr_root)
        for _ in range(1200):
            os.chdir("d")
        for _ in range(1200):
            os.chdir("..")
            os.rmdir("d")
        os.chdir(okr_root.parent)


@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\x85"])
def test_unicode_line_separators_do_not_shift_line_numbers(okr_root: Path, okrs, char: str) -> None:  # type: ignore[no-untyped-def]
    text = CHECKOUT.replace("Make checkout effortless", f"Make{char}checkout effortless")
    write(okr_root.parent, {TEAM_FILE: text})
    result = okrs("validate", "okrs")
    assert result.exit_code == 1
    assert f"{TEAM_FILE}:6:16: OKR001 the line separator U+{ord(char):04X}" in result.out, (
        result.out
    )


@pytest.mark.parametrize("cycle", ["glossary", "review", "Review", "assets", "search", "okrs"])
def test_a_cycle_named_like_a_site_page_is_refused(okr_root: Path, okrs, cycle: str) -> None:  # type: ignore[no-untyped-def]
    org = (okr_root / "organization.yaml").read_text()
    org = org.replace(
        "- {id: 2026-Q4,",
        f"- {{id: {cycle}, start: 2026-01-01, end: 2026-03-31}}\n  - {{id: 2026-Q4,",
    )
    write(okr_root, {"organization.yaml": org})
    result = okrs("validate", "okrs")
    assert result.exit_code == 1
    assert (
        f"okrs/organization.yaml:4:10: OKR020 cycle id {cycle!r} is taken by the site's"
        in result.out
    )
