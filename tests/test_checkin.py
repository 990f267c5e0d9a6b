"""`okrs checkin`: a check-in adds exactly its own lines; a refused one changes no byte."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from .conftest import CHECKOUT, COMMERCE, ORGANIZATION, write

EXAMPLE = Path(__file__).resolve().parents[1] / "okrs"
KR = "checkout/peak-proof-checkout/auth-rate"


@pytest.fixture
def example(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the example organization at tmp_path/okrs, working directory tmp_path."""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(EXAMPLE, tmp_path / "okrs")
    return tmp_path / "okrs"


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def added_lines(before: bytes, after: bytes) -> list[bytes]:
    """The lines of `after` that are not in `before`, asserting nothing else changed."""
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    i = 0
    while i < len(old) and old[i] == new[i]:
        i += 1
    j = 0
    while j < len(old) - i and old[-1 - j] == new[-1 - j]:
        j += 1
    assert i + j == len(old), "lines other than the new entry changed"
    return new[i : len(new) - j]


def test_checkin_on_the_example_adds_exactly_one_line(example: Path, okrs) -> None:  # type: ignore[no-untyped-def]
    path = example / "2026-Q4/checkout.yaml"
    before = path.read_bytes()
    r = okrs("checkin", KR, "93.9", "--confidence", "0.7", "--date", "2026-11-20",
             "--note", 'Black Friday: "94.2" on the day')  # fmt: skip
    assert r.exit_code == 0, r.err
    assert r.out == (
        f"okrs/2026-Q4/checkout.yaml:28: added check-in 2026-11-20 to 2026-Q4/{KR}; "
        "progress 62%, on track\n"
    )
    assert added_lines(before, path.read_bytes()) == [
        b"          - {date: 2026-11-20, value: 93.9, confidence: 0.7, "
        b'note: "Black Friday: \\"94.2\\" on the day"}\n'
    ]
    assert okrs("validate", "okrs").exit_code == 0


def test_checkin_goes_in_date_order(example: Path, okrs) -> None:  # type: ignore[no-untyped-def]
    path = example / "2026-Q4/checkout.yaml"
    before = path.read_bytes()
    r = okrs("checkin", f"2026-Q4/{KR}", "92.8", "--date", "2026-10-21")
    assert r.exit_code == 0, r.err
    lines = path.read_bytes().splitlines()
    assert added_lines(before, path.read_bytes()) == [
        b"          - {date: 2026-10-21, value: 92.8}\n"
    ]
    at = lines.index(b"          - {date: 2026-10-21, value: 92.8}")
    assert lines[at - 1].startswith(b"          - {date: 2026-10-14")
    assert lines[at + 1].startswith(b"          - {date: 2026-10-28")


ODD = (
    "\ufeff# yaml-language-server: $schema=../../schema/okrs.schema.json\r\n"
    "version: 1\r\n"
    "cycle: '2026-Q4'\r\n"
    "team: checkout   # the team\r\n"
    "\r\n"
    "objectives:\r\n"
    "- id: effortless-checkout\r\n"
    '  title: "Make checkout effortless for returning customers, even on a very long line that a YAML library would like to fold"\r\n'
    "  key_results:\r\n"
    "  - id: conversion\r\n"
    "    title: 'Move checkout conversion from 2.1% to 3.5%'\r\n"
    "    baseline: 2.1\r\n"
    "    target: 3.5\r\n"
    "    checkins:\r\n"
    "    # weekly numbers from Looker\r\n"
    "    -   date: 2026-10-15\r\n"
    "        value: 2.4   # after the fix\r\n"
    "\r\n"
    "    -   date: 2026-11-15\r\n"
    "        value: 2.6\r\n"
    "        note: >-\r\n"
    "          Folded text\r\n"
    "          over two lines\r\n"
    "  - id: flow\r\n"
    "    title: Cut cart abandonment from 70% to 60%\r\n"
    "    baseline: 70\r\n"
    "    target: 60\r\n"
    "    checkins: [{date: 2026-10-15, value: 68}, {date: 2026-11-01, value: 66}]\r\n"
    "  - id: empty\r\n"
    "    title: Raise repeat purchase rate from 20% to 25%\r\n"
    "    baseline: 20\r\n"
    "    target: 25   # no check-ins yet\r\n"
    "\r\n"
    "# trailing comment\r\n"
)


@pytest.fixture
def odd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An OKR file with a BOM, CRLF, comments, odd quoting and indentation, and flow lists."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "okrs", {"organization.yaml": ORGANIZATION})
    path = tmp_path / "okrs/2026-Q4/checkout.yaml"
    path.parent.mkdir()
    path.write_bytes(ODD.encode())
    return path


def test_block_checkins_keep_their_style_crlf_bom_and_comments(odd: Path, okrs) -> None:  # type: ignore[no-untyped-def]
    before = odd.read_bytes()
    r = okrs("checkin", "checkout/effortless-checkout/conversion", "2.5", "--date", "2026-11-01",
             "--note", "Halfway")  # fmt: skip
    assert r.exit_code == 0, r.err
    after = odd.read_bytes()
    assert added_lines(before, after) == [
        b"    -   date: 2026-11-01\r\n",
        b"        value: 2.5\r\n",
        b'        note: "Halfway"\r\n',
    ]
    assert after.startswith(b"\xef\xbb\xbf# yaml-language-server")
    # Appended after a folded note and before the next KR.
    r = okrs("checkin", "checkout/effortless-checkout/conversion", "2.7", "--date", "2026-11-20")
    assert r.exit_code == 0, r.err
    assert added_lines(after, odd.read_bytes()) == [
        b"    -   date: 2026-11-20\r\n",
        b"        value: 2.7\r\n",
    ]
    assert okrs("validate", "okrs").exit_code == 0


def test_flow_list_gets_the_entry_inside_the_brackets(odd: Path, okrs) -> None:  # type: ignore[no-untyped-def]
    r = okrs("checkin", "checkout/effortless-checkout/flow", "67", "--date", "2026-10-20")
    assert r.exit_code == 0, r.err
    text = odd.read_bytes().decode("utf-8-sig")
    assert text == ODD.removeprefix("\ufeff").replace(
        "[{date: 2026-10-15, value: 68}, {date: 2026-11-01, value: 66}]",
        "[{date: 2026-10-15, value: 68}, {date: 2026-10-20, value: 67}, {date: 2026-11-01, value: 66}]",
    )


def test_first_checkin_adds_a_checkins_key_in_the_files_style(odd: Path, okrs) -> None:  # type: ignore[no-untyped-def]
    before = odd.read_bytes()
    r = okrs("checkin", "checkout/effortless-checkout/empty", "--progress", "40",
             "--date", "2026-11-02", "--note", "SAML done, OIDC next")  # fmt: skip
    assert r.exit_code == 0, r.err
    assert added_lines(before, odd.read_bytes()) == [
        b"    checkins:\r\n",
        b"    -   date: 2026-11-02\r\n",
        b"        progress: 40\r\n",
        b'        note: "SAML done, OIDC next"\r\n',
    ]


def test_note_only_checkin(example: Path, okrs) -> None:  # type: ignore[no-untyped-def]
    path = example / "2026-Q4/checkout.yaml"
    before = path.read_bytes()
    r = okrs("checkin", KR, "--note", "Provider outage on Monday", "--date", "2026-11-24")
    assert r.exit_code == 0, r.err
    assert added_lines(before, path.read_bytes()) == [
        b'          - {date: 2026-11-24, note: "Provider outage on Monday"}\n'
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["93,9"], "Error: value '93,9' is not a number (write decimals with a point: 93.9)"),
        (["lots"], "Error: value 'lots' is not a number"),
        (["--progress", "140"], "Error: progress must be between 0 and 100, got 140"),
        (["1", "--confidence", "70"], "Error: confidence must be between 0 and 1, got 70"),
        (
            ["1", "--date", "2026-09-30", "--ref-cycle"],
            "Error: date 2026-09-30 is outside cycle 2026-Q4 (2026-10-01 to 2026-12-31)",
        ),
        (
            ["1", "--date", "30/11/2026"],
            "Error: date '30/11/2026' is not a date written YYYY-MM-DD",
        ),
        ([], "Error: a check-in needs a value, a progress (percent complete) or a note"),
    ],
)
def test_refused_checkin_changes_nothing(
    example: Path, okrs, args: list[str], message: str
) -> None:  # type: ignore[no-untyped-def]
    before = snapshot(example)
    ref = KR
    if "--ref-cycle" in args:
        args = [a for a in args if a != "--ref-cycle"]
        ref = f"2026-Q4/{KR}"
    elif "--date" not in args:
        args = [*args, "--date", "2026-11-20"]
    r = okrs("checkin", ref, *args)
    assert r.exit_code == 2
    assert r.err.rstrip().endswith(message)
    assert snapshot(example) == before


def test_unknown_ref_suggests_the_closest(example: Path, okrs) -> None:  # type: ignore[no-untyped-def]
    before = snapshot(example)
    r = okrs("checkin", "checkout/peak-proof-checkout/auth-rat", "93", "--date", "2026-11-20")
    assert r.exit_code == 2
    assert r.err.rstrip().endswith(
        "Error: no key result 'checkout/peak-proof-checkout/auth-rat' in cycle 2026-Q4; "
        "did you mean 'checkout/peak-proof-checkout/auth-rate'?"
    )
    r = okrs("checkin", "2026-Q5/" + KR, "93")
    assert r.exit_code == 2
    assert "Error: no cycle '2026-Q5'; did you mean '2026-Q4'?" in r.err
    r = okrs("checkin", KR, "93", "--date", "2027-03-01")
    assert r.exit_code == 2
    assert f"Error: no cycle runs on 2027-03-01; name the cycle: cycle/{KR}" in r.err
    assert snapshot(example) == before


def test_a_file_with_errors_is_not_edited(odd: Path, okrs) -> None:  # type: ignore[no-untyped-def]
    broken = ODD.replace("    target: 60\r\n", "    target: 60\r\n    wieght: 2\r\n")
    odd.write_bytes(broken.encode())
    r = okrs("checkin", "checkout/effortless-checkout/conversion", "2.5", "--date", "2026-11-01")
    assert r.exit_code == 1
    assert "okrs: refused, nothing written; fix these errors first:" in r.err
    assert "okrs/2026-Q4/checkout.yaml:28:5: OKR010 unknown key 'wieght'" in r.err
    assert odd.read_bytes() == broken.encode()


def test_killed_write_leaves_the_old_file(
    example: Path, okrs, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    before = snapshot(example)

    def killed(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device", dst)

    monkeypatch.setattr(os, "replace", killed)
    r = okrs("checkin", KR, "93.9", "--date", "2026-11-20")
    assert r.exit_code == 2
    assert "okrs: error: No space left on device" in r.err
    assert snapshot(example) == before  # and no temporary file left behind


CSV_OK = """\
ref,date,value,progress,confidence,note
checkout/peak-proof-checkout/auth-rate,2026-11-20,93.9,,0.7,"Black Friday, first day"
2026-Q4/reliability/boring-black-friday/availability,2026-11-20,99.96,,,
"""


def test_csv_writes_every_checkin(example: Path, okrs) -> None:  # type: ignore[no-untyped-def]
    (example.parent / "week.csv").write_text(CSV_OK, encoding="utf-8")
    before = snapshot(example)
    r = okrs("checkin", "--from", "week.csv")
    assert r.exit_code == 0, r.err
    assert r.out.splitlines()[0] == (
        f"okrs/2026-Q4/checkout.yaml:28: added check-in 2026-11-20 to 2026-Q4/{KR}; "
        "progress 62%, on track"
    )
    after = snapshot(example)
    changed = [k for k in after if after[k] != before[k]]
    assert changed == ["2026-Q4/checkout.yaml", "2026-Q4/reliability.yaml"]
    assert added_lines(before["2026-Q4/checkout.yaml"], after["2026-Q4/checkout.yaml"]) == [
        b'          - {date: 2026-11-20, value: 93.9, confidence: 0.7, note: "Black Friday, first day"}\n'
    ]


def test_csv_with_one_bad_row_writes_nothing(example: Path, okrs) -> None:  # type: ignore[no-untyped-def]
    bad = CSV_OK + "checkout/peak-proof-checkout/payment-errors,2026-11-20,,140,,\n"
    bad += "checkout/nope/auth-rate,2026-11-20,1,,,\n"
    (example.parent / "week.csv").write_text(bad, encoding="utf-8")
    before = snapshot(example)
    r = okrs("checkin", "--from", "week.csv")
    assert r.exit_code == 1
    assert r.err == (
        "okrs: refused, nothing written:\n"
        "week.csv:4: progress must be between 0 and 100, got 140\n"
        "week.csv:5: no key result 'checkout/nope/auth-rate' in cycle 2026-Q4; "
        "did you mean 'checkout/peak-proof-checkout/auth-rate'?\n"
    )
    assert snapshot(example) == before


def test_csv_rows_for_one_key_result_go_in_date_order(example: Path, okrs) -> None:  # type: ignore[no-untyped-def]
    path = example / "2026-Q4/checkout.yaml"
    before = path.read_bytes()
    (example.parent / "week.csv").write_text(
        "ref,date,value,note\n"
        f'{KR},2026-11-27,94.1,"Two lines:\nBlack Friday"\n'
        f"{KR},2026-11-20,93.9,\n",
        encoding="utf-8",
    )
    r = okrs("checkin", "--from", "week.csv", "--dry-run")
    assert r.exit_code == 0, r.err
    assert r.out.count("would add check-in") == 2
    assert path.read_bytes() == before
    r = okrs("checkin", "--from", "week.csv")
    assert r.exit_code == 0, r.err
    assert added_lines(before, path.read_bytes()) == [
        b"          - {date: 2026-11-20, value: 93.9}\n",
        b'          - {date: 2026-11-27, value: 94.1, note: "Two lines:\\nBlack Friday"}\n',
    ]
    assert sorted(p.name for p in path.parent.iterdir() if p.name.startswith(".")) == []


def test_csv_line_numbers_count_multiline_cells(example: Path, okrs) -> None:  # type: ignore[no-untyped-def]
    (example.parent / "week.csv").write_text(
        "ref,date,value,note\n"
        f'{KR},2026-11-20,93.9,"a note\nover two lines"\n'
        f"{KR},2026-11-21,lots,\n",
        encoding="utf-8",
    )
    r = okrs("checkin", "--from", "week.csv")
    assert r.exit_code == 1
    assert r.err.splitlines()[1] == "week.csv:4: value 'lots' is not a number"


FLOW_KR = """\
version: 1
cycle: 2026-Q4
team: checkout
objectives:
  - id: effortless-checkout
    title: Make checkout effortless for returning customers
    key_results:
      - {id: conversion, title: Move checkout conversion from 2.1% to 3.5%, baseline: 2.1, target: 3.5}
"""


def test_a_flow_mapping_key_result_gets_a_flow_list(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, okrs
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "okrs", {"organization.yaml": ORGANIZATION, "2026-Q4/checkout.yaml": FLOW_KR})
    r = okrs("checkin", "checkout/effortless-checkout/conversion", "2.2", "--date", "2026-10-10")
    assert r.exit_code == 0, r.err
    assert (tmp_path / "okrs/2026-Q4/checkout.yaml").read_text() == FLOW_KR.replace(
        "target: 3.5}", "target: 3.5, checkins: [{date: 2026-10-10, value: 2.2}]}"
    )
    assert okrs("validate", "okrs").exit_code == 0


def test_a_write_that_fails_halfway_puts_back_the_files_already_written(
    example: Path, okrs, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    (example.parent / "week.csv").write_text(CSV_OK, encoding="utf-8")
    before = snapshot(example)
    real_replace = os.replace
    calls: list[str] = []

    def second_fails(src: str, dst: str) -> None:
        calls.append(dst)
        if len(calls) == 2:
            raise OSError(5, "Input/output error", dst)
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", second_fails)
    r = okrs("checkin", "--from", "week.csv")
    assert r.exit_code == 2
    assert "okrs: error: Input/output error" in r.err
    assert len(calls) == 2
    assert snapshot(example) == before


def test_a_second_checkin_on_one_date_is_written_with_a_warning(example: Path, okrs) -> None:  # type: ignore[no-untyped-def]
    r = okrs("checkin", KR, "93.7", "--date", "2026-11-16")
    assert r.exit_code == 0, r.err
    lines = r.out.splitlines()
    assert lines[0] == (
        f"okrs/2026-Q4/checkout.yaml:28: added check-in 2026-11-16 to 2026-Q4/{KR}; "
        "progress 55%, on track"
    )
    assert lines[1].startswith(
        "okrs/2026-Q4/checkout.yaml:28:13: OKR304 A second check-in on 2026-11-16"
    )
    assert lines[1].endswith("[warning]")


def _only_inserted(old: str, new: str) -> bool:
    """True when `new` is `old` with lines inserted, or with one line extended in place."""
    import difflib

    a, b = old.splitlines(keepends=True), new.splitlines(keepends=True)
    ops = [
        op
        for op in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes()
        if op[0] != "equal"
    ]
    if all(op[0] == "insert" for op in ops):
        return True
    (tag, i1, i2, j1, j2), *rest = ops
    return (
        not rest
        and tag == "replace"
        and i2 - i1 == 1
        and j2 - j1 == 1
        and b[j1].startswith(a[i1].rstrip("]}\r\n"))
    )


@pytest.mark.parametrize(
    "root",
    [
        "okrs",
        *sorted(p.name for p in (EXAMPLE.parent / "tests/data/real_okrs").iterdir() if p.is_dir()),
    ],
)
def test_every_key_result_of_real_files_takes_a_checkin_by_insertion(root: str) -> None:
    """Every KR in the example and in real teams' files, at the start and end of its cycle."""
    from okrs_as_code.checkin import Request, insert, plan
    from okrs_as_code.editing import Document
    from okrs_as_code.loading import compose, load_okrs
    from okrs_as_code.model import build_okr_file
    from okrs_as_code.schema import Converter, checker

    folder = EXAMPLE if root == "okrs" else EXAMPLE.parent / "tests/data/real_okrs" / root
    okr_set, _ = load_okrs(folder)
    assert okr_set is not None
    count = 0
    for kr in okr_set.key_results():
        cycle = okr_set.organization.cycle(kr.cycle)
        assert cycle is not None
        for day in (cycle.start, cycle.end):
            request = Request(
                f"{kr.cycle}/{kr.ref}", day.isoformat(), "1.5", None, "0.5", 'a "note": yes'
            )
            planned = plan(okr_set, request, day)
            doc = Document.read(Path(kr.path))
            insert(doc, planned)
            assert _only_inserted(doc.original.decode("utf-8-sig"), doc.text), (kr.path, kr.ref)
            problems: list[object] = []
            node = compose(doc.text, kr.path, problems.append)
            assert node is not None and not problems, (kr.path, kr.ref, problems)
            value = Converter(kr.path, problems.append).convert(node, checker("okrs"), "file")
            assert not problems, (kr.path, kr.ref, problems)
            okr_file = build_okr_file(kr.path, value)
            assert okr_file is not None
            after = next(k for o in okr_file.objectives for k in o.key_results if k.ref == kr.ref)
            assert len(after.checkins) == len(kr.checkins) + 1
            assert any(
                c.date == day and c.value == 1.5 and c.note == 'a "note": yes'
                for c in after.checkins
            )
            count += 1
    assert count


def test_csv_with_semicolons_as_spreadsheets_save_it(example: Path, okrs) -> None:  # type: ignore[no-untyped-def]
    path = example / "2026-Q4/checkout.yaml"
    before = path.read_bytes()
    (example.parent / "week.csv").write_bytes(
        f"\ufeffRef;Date;Value;Note\r\n{KR};2026-11-20;93.9;Peak; so far so good\r\n".encode()
    )
    r = okrs("checkin", "--from", "week.csv")
    assert r.exit_code == 1
    assert r.err.splitlines()[1] == "week.csv:2: 5 cells but the header names 4 columns"
    (example.parent / "week.csv").write_bytes(
        f'\ufeffRef;Date;Value;Note\r\n{KR};2026-11-20;93.9;"Peak; so far so good"\r\n'.encode()
    )
    r = okrs("checkin", "--from", "week.csv")
    assert r.exit_code == 0, r.err
    assert added_lines(before, path.read_bytes()) == [
        b'          - {date: 2026-11-20, value: 93.9, note: "Peak; so far so good"}\n'
    ]


def test_an_edit_that_would_not_validate_is_refused(
    example: Path, okrs, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """The in-memory check is the last guard: a broken splice (simulated) writes nothing."""
    import okrs_as_code.checkin as checkin

    monkeypatch.setattr(checkin, "_flow", lambda fields: "{date: 2026-11-20, vale: 1}")
    before = snapshot(example)
    r = okrs("checkin", KR, "93.9", "--date", "2026-11-20")
    assert r.exit_code == 1
    assert r.err == (
        "okrs: refused, nothing written; the result would have errors:\n"
        "okrs/2026-Q4/checkout.yaml:28:13: OKR012 check-in of 2026-11-20 has no value, progress or note; it needs at least one of them\n"
        "okrs/2026-Q4/checkout.yaml:28:32: OKR010 unknown key 'vale' in check-in; did you mean 'value'?\n"
    )
    assert snapshot(example) == before


def test_overlapping_cycles_the_key_result_decides(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, okrs
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    org = ORGANIZATION.replace(
        "cycles:\n", "cycles:\n  - {id: fy2026, start: 2026-01-01, end: 2026-12-31}\n"
    )
    year = (
        CHECKOUT.replace("cycle: 2026-Q4", "cycle: fy2026")
        .replace("    aligns_with: [commerce/grow-online-revenue]\n", "")
        .replace("id: effortless-checkout", "id: yearly")
    )
    write(tmp_path / "okrs", {
        "organization.yaml": org, "2026-Q4/checkout.yaml": CHECKOUT,
        "2026-Q4/commerce.yaml": COMMERCE, "fy2026/checkout.yaml": year,
    })  # fmt: skip
    r = okrs("checkin", "checkout/yearly/conversion", "2.5", "--date", "2026-11-20")
    assert r.exit_code == 0, r.err
    assert r.out.startswith("okrs/fy2026/checkout.yaml:")
    same = year.replace("id: yearly", "id: effortless-checkout")
    (tmp_path / "okrs/fy2026/checkout.yaml").write_text(same)
    r = okrs("checkin", "checkout/effortless-checkout/conversion", "2.5", "--date", "2026-11-20")
    assert r.exit_code == 2
    assert r.err.rstrip().endswith(
        "Error: 'checkout/effortless-checkout/conversion' runs in more than one cycle on "
        "2026-11-20; write fy2026/checkout/effortless-checkout/conversion or "
        "2026-Q4/checkout/effortless-checkout/conversion"
    )


def test_a_symlinked_okr_file_stays_a_link(example: Path, okrs) -> None:  # type: ignore[no-untyped-def]
    (example / ".shared").mkdir()
    real = example / ".shared/checkout.yaml"  # inside the root, where links may point
    link = example / "2026-Q4/checkout.yaml"
    real.write_bytes(link.read_bytes())
    link.unlink()
    link.symlink_to(real)
    r = okrs("checkin", KR, "93.9", "--date", "2026-11-20")
    assert r.exit_code == 0, r.err
    assert link.is_symlink()
    assert b"{date: 2026-11-20, value: 93.9}" in real.read_bytes()


def test_any_note_text_survives_the_round_trip(example: Path, okrs) -> None:  # type: ignore[no-untyped-def]
    from okrs_as_code.loading import load_okrs

    note = 'Line one\nline two: "quoted" \\ back\tslash \u2028 sep 😀 # not a comment'
    r = okrs("checkin", KR, "--note", note.replace("\n", "\r\n"), "--date", "2026-11-20")
    assert r.exit_code == 0, r.err
    okr_set, diagnostics = load_okrs(example)
    assert okr_set is not None and not diagnostics
    kr = next(k for k in okr_set.key_results("2026-Q4") if k.ref == KR)
    assert kr.checkins[-1].note == note.strip()


def test_a_key_result_of_another_cycle_is_named(example: Path, okrs) -> None:  # type: ignore[no-untyped-def]
    r = okrs("checkin", "checkout/smoother-checkout/guest-time", "140", "--date", "2026-11-20")
    assert r.exit_code == 2
    assert r.err.rstrip().endswith(
        "Error: no key result 'checkout/smoother-checkout/guest-time' in cycle 2026-Q4; it is in "
        "2026-Q3: write 2026-Q3/checkout/smoother-checkout/guest-time and a date in that cycle"
    )


def test_the_okr_root_is_found_as_validate_finds_it(
    example: Path, okrs, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(example / "2026-Q4")
    r = okrs("checkin", KR, "93.9", "--date", "2026-11-20")
    assert r.exit_code == 0, r.err
    assert r.out == (
        f"checkout.yaml:28: added check-in 2026-11-20 to 2026-Q4/{KR}; progress 62%, on track\n"
    )
    r = okrs("export", "--format", "csv")
    assert r.exit_code == 0, r.err
    assert "\r\n2026-Q3,checkout,smoother-checkout," in r.out


@pytest.mark.parametrize("empty", ["checkins: []", "checkins : [ ]", "checkins: []  # none yet"])
def test_an_empty_checkins_list_takes_the_first_entry(odd: Path, okrs, empty: str) -> None:  # type: ignore[no-untyped-def]
    text = ODD.replace(
        "    target: 25   # no check-ins yet\r\n", f"    target: 25\r\n    {empty}\r\n"
    )
    odd.write_bytes(text.encode())
    r = okrs("checkin", "checkout/effortless-checkout/empty", "21", "--date", "2026-11-02")
    assert r.exit_code == 0, r.err
    after = odd.read_bytes().decode("utf-8-sig")
    key, _, rest = empty.partition("[")
    comment = rest.partition("]")[2]
    assert (
        f"    {key.rstrip()}{comment}\r\n    -   date: 2026-11-02\r\n        value: 21\r\n" in after
    )
    assert okrs("validate", "okrs").exit_code == 0


def test_the_checkin_says_where_the_key_result_stands(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, okrs
) -> None:  # type: ignore[no-untyped-def]
    from .test_export import KINDS

    monkeypatch.chdir(tmp_path)
    write(tmp_path / "okrs", {"organization.yaml": ORGANIZATION, "2026-Q4/checkout.yaml": KINDS})
    said = {
        "threshold": (["4.5"], "target not met, at risk"),
        "reported": (["--progress", "60"], "reported progress 60%, on track"),
        "none": (["--note", "Published"], None),
    }
    for kr, (args, standing) in said.items():
        r = okrs("checkin", f"checkout/kinds/{kr}", *args, "--date", "2026-11-01")
        assert r.exit_code == 0, r.err
        line = r.out.splitlines()[0]
        assert line.endswith(f"checkout/kinds/{kr}" + (f"; {standing}" if standing else ""))


def test_a_note_with_a_hidden_control_character_is_refused(example: Path, okrs) -> None:  # type: ignore[no-untyped-def]
    before = snapshot(example)
    r = okrs("checkin", KR, "--note", "Fine\x85 really", "--date", "2026-11-20")
    assert r.exit_code == 2
    assert r.err.rstrip().endswith(
        "Error: note holds the invisible control character U+0085; remove it"
    )
    assert snapshot(example) == before
