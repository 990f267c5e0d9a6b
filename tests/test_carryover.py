"""`okrs carry-over`: unfinished work moves on, linked both ways; nothing is ever overwritten."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from .conftest import write
from .test_checkin import added_lines, snapshot

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def example(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the example repository's OKRs, site config and docs; cwd is the copy."""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(REPO / "okrs", tmp_path / "okrs")
    shutil.copytree(REPO / "docs", tmp_path / "docs")
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path / "okrs"


def test_carry_over_the_example_validates_and_links_both_ways(example: Path, okrs) -> None:  # type: ignore[no-untyped-def]
    before = snapshot(example)
    r = okrs("carry-over", "2026-Q3", "2026-Q4")
    assert r.exit_code == 0, r.err
    assert (
        "okrs/2026-Q4/checkout.yaml:122: carried 2026-Q3/checkout/smoother-checkout to 2026-Q4 "
        "with 2 key results; left behind as achieved: address-errors"
    ) in r.out.splitlines()
    assert re.search(
        r"^okrs/2026-Q3/reliability\.yaml:\d+:5: 2026-Q3/reliability/calmer-on-call stays "
        r"behind: already carried over$",
        r.out,
        re.MULTILINE,
    )
    after = snapshot(example)
    # Only 2026-Q4 files change, and only by lines added at the end of their objectives.
    changed = sorted(k for k in after if after[k] != before.get(k))
    assert changed and all(k.startswith("2026-Q4/") for k in changed)
    new = added_lines(before["2026-Q4/checkout.yaml"], after["2026-Q4/checkout.yaml"])
    text = b"".join(new).decode()
    assert text.startswith(
        "  - id: smoother-checkout\n"
        "    title: Make checkout feel effortless on a phone\n"
        "    carried_from: 2026-Q3/checkout/smoother-checkout\n"
        "    description: |\n"
    )
    # The baseline is the last value; check-ins and achieved KRs and done work stay behind.
    assert "        baseline: 44.5\n        target: 46\n" in text
    assert "address-errors" not in text and "checkins" not in text
    assert "express-wallets" not in text and "one-page-checkout" in text
    assert okrs("validate", "okrs").exit_code == 0

    site = example.parent / "site"
    build(load_config(str(example.parent / "mkdocs.yml"), site_dir=str(site)))
    successor = (site / "2026-Q4/checkout/smoother-checkout/index.html").read_text()
    predecessor = (site / "2026-Q3/checkout/smoother-checkout/index.html").read_text()
    assert re.search(
        r'Carried over from <a href="\.\./\.\./\.\./2026-Q3/checkout/smoother-checkout/"', successor
    )
    assert re.search(
        r'Carried over to <a href="\.\./\.\./\.\./2026-Q4/checkout/smoother-checkout/"', predecessor
    )

    # A second run finds everything carried already and writes nothing.
    again = snapshot(example)
    r = okrs("carry-over", "2026-Q3", "2026-Q4")
    assert r.exit_code == 0, r.err
    assert "nothing to carry over from 2026-Q3 to 2026-Q4" in r.out
    assert snapshot(example) == again


SMALL_ORG = """\
version: 1
name: Acme
cycles:
  - {id: 2026-Q3, start: 2026-07-01, end: 2026-09-30}
  - {id: 2026-Q4, start: 2026-10-01, end: 2026-12-31}
teams:
  - {id: checkout, name: Checkout}
"""

SMALL_Q3 = """\
# yaml-language-server: $schema=../../schema/okrs.schema.json
version: 1
cycle: 2026-Q3
team: checkout
objectives:
  # The one objective of the quarter.
  - id: effortless-checkout
    title: Make checkout effortless   # for returning customers
    score: 0.6
    key_results:
      - id: conversion
        title: 'Move checkout conversion from 2.1% to 3.5%'
        target: 3.5
        target_change: null
        checkins:
          - {date: 2026-07-15, value: 2.4}
      - id: weekly-buyers
        title: Increase weekly buyers by 25%
        target_change: "+25%"
        checkins:
          - date: 2026-07-15
            value: 1000
          - date: 2026-09-15
            value: 1100
      - id: sso
        title: Single sign-on for every enterprise customer
        checkins:
          - {date: 2026-09-02, progress: 100, note: "Done"}
"""


def test_carry_over_creates_the_file_a_team_lacks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, okrs
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    q3 = SMALL_Q3.replace("        target_change: null\n", "")
    write(tmp_path / "okrs", {"organization.yaml": SMALL_ORG, "2026-Q3/checkout.yaml": q3})
    r = okrs("carry-over", "2026-Q3", "2026-Q4", "--team", "checkout")
    assert r.exit_code == 0, r.err
    assert r.out == (
        "okrs/2026-Q4/checkout.yaml:6: carried 2026-Q3/checkout/effortless-checkout to 2026-Q4 "
        "with 2 key results; left behind as achieved: sso\n"
    )
    # A relative target becomes the absolute goal it stood for (1000 + 25%), measured from
    # the last value; comments and quoting come along; the team's grade stays behind.
    assert (tmp_path / "okrs/2026-Q4/checkout.yaml").read_text() == (
        "# yaml-language-server: $schema=../../schema/okrs.schema.json\n"
        "version: 1\n"
        "cycle: 2026-Q4\n"
        "team: checkout\n"
        "objectives:\n"
        "  - id: effortless-checkout\n"
        "    title: Make checkout effortless   # for returning customers\n"
        "    carried_from: 2026-Q3/checkout/effortless-checkout\n"
        "    key_results:\n"
        "      - id: conversion\n"
        "        title: 'Move checkout conversion from 2.1% to 3.5%'\n"
        "        baseline: 2.4\n"
        "        target: 3.5\n"
        "      - id: weekly-buyers\n"
        "        title: Increase weekly buyers by 25%\n"
        "        baseline: 1100\n"
        "        target: 1250\n"
    )
    assert okrs("validate", "okrs").exit_code == 0


def test_dry_run_writes_nothing(example: Path, okrs) -> None:  # type: ignore[no-untyped-def]
    before = snapshot(example)
    r = okrs("carry-over", "2026-Q3", "2026-Q4", "--team", "checkout", "--dry-run")
    assert r.exit_code == 0, r.err
    assert "would carry 2026-Q3/checkout/smoother-checkout" in r.out
    assert snapshot(example) == before


def test_an_existing_id_is_never_overwritten(example: Path, okrs) -> None:  # type: ignore[no-untyped-def]
    path = example / "2026-Q4/checkout.yaml"
    text = path.read_text() + "  - id: smoother-checkout\n    title: Something else\n"
    path.write_text(text)
    line = text.count("\n") - 1
    before = snapshot(example)
    r = okrs("carry-over", "2026-Q3", "2026-Q4")
    assert r.exit_code == 1
    assert r.err == (
        "okrs: refused, nothing written:\n"
        f"okrs/2026-Q4/checkout.yaml:{line}:9: 2026-Q4 already has an objective "
        "'checkout/smoother-checkout'; carrying 2026-Q3/checkout/smoother-checkout over would "
        "overwrite it (rename one of them, or set its carried_from)\n"
    )
    assert snapshot(example) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["2026-Q2", "2026-Q4"], "Error: no cycle '2026-Q2'; cycles: 2026-Q3, 2026-Q4"),
        (["2026-Q3", "2026-Q3"], "Error: FROM and TO are the same cycle"),
        (
            ["2026-Q4", "2026-Q3"],
            "Error: TO must be a later cycle than FROM: 2026-Q3 starts 2026-07-01, 2026-Q4 starts 2026-10-01",
        ),
        (["2026-Q3", "2026-Q4", "--team", "chekout"], "Error: no team 'chekout'"),
    ],
)
def test_usage_problems(example: Path, okrs, args: list[str], message: str) -> None:  # type: ignore[no-untyped-def]
    before = snapshot(example)
    r = okrs("carry-over", *args)
    assert r.exit_code == 2
    assert r.err.rstrip().endswith(message)
    assert snapshot(example) == before


Q4_INDENTLESS = (
    "version: 1\r\n"
    "cycle: 2026-Q4\r\n"
    "team: checkout\r\n"
    "objectives:\r\n"
    "- id: faster-pages   # new this quarter\r\n"
    "  title: Make product pages feel instant\r\n"
    "  key_results:\r\n"
    "  - id: lcp\r\n"
    "    title: Cut p75 LCP from 3.1 s to 2.0 s\r\n"
    "    baseline: 3.1\r\n"
    "    target: 2.0\r\n"
    "\r\n"
    "# end of file\r\n"
)


def test_carried_objectives_take_the_target_files_layout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, okrs
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    q3 = SMALL_Q3.replace("        target_change: null\n", "")
    write(tmp_path / "okrs", {"organization.yaml": SMALL_ORG, "2026-Q3/checkout.yaml": q3})
    path = tmp_path / "okrs/2026-Q4/checkout.yaml"
    path.parent.mkdir()
    path.write_bytes(Q4_INDENTLESS.encode())
    r = okrs("carry-over", "2026-Q3", "2026-Q4")
    assert r.exit_code == 0, r.err
    assert r.out.startswith(
        "okrs/2026-Q4/checkout.yaml:12: carried 2026-Q3/checkout/effortless-checkout"
    )
    assert added_lines(Q4_INDENTLESS.encode(), path.read_bytes()) == [
        b"- id: effortless-checkout\r\n",
        # ruamel.yaml keeps a comment in its column, whatever the indentation around it.
        b"  title: Make checkout effortless     # for returning customers\r\n",
        b"  carried_from: 2026-Q3/checkout/effortless-checkout\r\n",
        b"  key_results:\r\n",
        b"  - id: conversion\r\n",
        b"    title: 'Move checkout conversion from 2.1% to 3.5%'\r\n",
        b"    baseline: 2.4\r\n",
        b"    target: 3.5\r\n",
        b"  - id: weekly-buyers\r\n",
        b"    title: Increase weekly buyers by 25%\r\n",
        b"    baseline: 1100\r\n",
        b"    target: 1250\r\n",
    ]
    assert okrs("validate", "okrs").exit_code == 0


def test_carry_over_into_an_empty_objectives_list(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, okrs
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    q3 = SMALL_Q3.replace("        target_change: null\n", "")
    empty = "version: 1\ncycle: 2026-Q4\nteam: checkout\nobjectives: []  # planned next week\n"
    write(tmp_path / "okrs", {
        "organization.yaml": SMALL_ORG, "2026-Q3/checkout.yaml": q3, "2026-Q4/checkout.yaml": empty,
    })  # fmt: skip
    r = okrs("carry-over", "2026-Q3", "2026-Q4")
    assert r.exit_code == 0, r.err
    text = (tmp_path / "okrs/2026-Q4/checkout.yaml").read_text()
    assert text.startswith(
        "version: 1\ncycle: 2026-Q4\nteam: checkout\nobjectives:  # planned next week\n"
        "  - id: effortless-checkout\n"
    )
    assert okrs("validate", "okrs").exit_code == 0
