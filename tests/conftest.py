"""Shared fixtures: a small valid OKR root written into tmp_path, and a CLI runner."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pytest

from okrs_as_code.cli import main

if TYPE_CHECKING:
    from pathlib import Path

ORGANIZATION = """\
version: 1
name: Acme
cycles:
  - {id: 2026-Q4, start: 2026-10-01, end: 2026-12-31}
teams:
  - {id: company, name: Acme}
  - {id: commerce, name: Commerce, parent: company}
  - {id: checkout, name: Checkout, parent: commerce}
"""

COMMERCE = """\
version: 1
cycle: 2026-Q4
team: commerce
objectives:
  - id: grow-online-revenue
    title: Grow online revenue from returning customers
    key_results:
      - id: online-revenue
        title: Grow monthly online revenue from 1.2M to 1.5M EUR
        baseline: 1.2
        target: 1.5
"""

CHECKOUT = """\
version: 1
cycle: 2026-Q4
team: checkout
objectives:
  - id: effortless-checkout
    title: Make checkout effortless for returning customers
    aligns_with: [commerce/grow-online-revenue]
    key_results:
      - id: conversion
        title: Move checkout conversion from 2.1% to 3.5%
        unit: "%"
        baseline: 2.1
        target: 3.5
        checkins:
          - {date: 2026-10-15, value: 2.4, confidence: 0.7}
      - id: abandonment
        title: Cut cart abandonment from 70% to 60%
        baseline: 70
        target: 60
    initiatives:
      - id: checkout-v2
        title: Ship v2 of the checkout funnel
        key_results: [conversion]
"""


def write(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write files (relative path -> text or bytes) under root; text is dedented."""
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content), encoding="utf-8")
    return root


@pytest.fixture
def okr_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A valid OKR root at tmp_path/okrs, with the working directory at tmp_path."""
    monkeypatch.chdir(tmp_path)
    return write(
        tmp_path / "okrs",
        {
            "organization.yaml": ORGANIZATION,
            "2026-Q4/commerce.yaml": COMMERCE,
            "2026-Q4/checkout.yaml": CHECKOUT,
        },
    )


@dataclass
class Result:
    """What a user sees from one CLI run."""

    exit_code: int
    out: str
    err: str


@pytest.fixture
def okrs(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Run the okrs CLI in-process and capture what it prints."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)

    def run(*args: str) -> Result:
        capsys.readouterr()
        code = main(list(args))
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run
