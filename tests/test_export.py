"""`okrs export`: the OKR set with computed progress, as schema-valid JSON or one CSV row per KR."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest

from okrs_as_code.export import CSV_COLUMNS

from .conftest import ORGANIZATION, write

REPO = Path(__file__).resolve().parents[1]
SCHEMA = json.loads((REPO / "schema/export.schema.json").read_text(encoding="utf-8"))


def validate(data: object) -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    validator = jsonschema.Draft202012Validator(
        SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    validator.validate(data)


@pytest.fixture
def example(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    shutil.copytree(REPO / "okrs", tmp_path / "okrs")
    return tmp_path / "okrs"


def test_json_export_of_the_example_follows_its_schema(example: Path, okrs) -> None:  # type: ignore[no-untyped-def]
    r = okrs("export", "okrs", "--as-of", "2026-11-20")
    assert r.exit_code == 0, r.err
    data = json.loads(r.out)
    validate(data)
    assert data["as_of"] == "2026-11-20"
    objectives = {o["ref"]: o for o in data["objectives"]}
    peak = objectives["2026-Q4/checkout/peak-proof-checkout"]
    auth = peak["key_results"][0]
    assert auth["ref"] == "2026-Q4/checkout/peak-proof-checkout/auth-rate"
    assert auth["url"] == "2026-Q4/checkout/peak-proof-checkout/key-results/auth-rate/"
    assert auth["current"] == 93.6 and auth["last_checkin"] == "2026-11-16"
    assert auth["progress"]["kind"] == "metric" and auth["progress"]["percent"] == 52
    assert peak["progress"]["measured"] == peak["progress"]["total"] == 3
    # Acknowledged findings are not open; the confidential objective and every reference to
    # it are left out.
    assert all(f["code"] != "OKR101" for k in peak["key_results"] for f in k["findings"])
    assert "2026-Q4/commerce/value-pricing" not in objectives
    assert "value-pricing" not in r.out


def test_confidential_objectives_only_when_asked(example: Path, okrs) -> None:  # type: ignore[no-untyped-def]
    r = okrs("export", "--include-confidential", "--as-of", "2026-11-20")
    assert r.exit_code == 0, r.err
    data = json.loads(r.out)
    validate(data)
    assert data["include_confidential"] is True
    pricing = [o for o in data["objectives"] if o["id"] == "value-pricing"]
    assert pricing and pricing[0]["visibility"] == "confidential"


def test_csv_export_has_one_row_per_key_result(example: Path, okrs) -> None:  # type: ignore[no-untyped-def]
    r = okrs("export", "--format", "csv", "--as-of", "2026-11-20")
    assert r.exit_code == 0, r.err
    rows = list(csv.DictReader(io.StringIO(r.out, newline="")))
    data = json.loads(okrs("export", "--as-of", "2026-11-20").out)
    assert len(rows) == sum(len(o["key_results"]) for o in data["objectives"])
    assert tuple(rows[0]) == CSV_COLUMNS
    auth = next(x for x in rows if x["ref"] == "2026-Q4/checkout/peak-proof-checkout/auth-rate")
    assert auth["current"] == "93.6"
    assert auth["progress_percent"] == "52"
    assert auth["health"] == "on_track"
    assert auth["file"] == "okrs/2026-Q4/checkout.yaml"
    assert r.out.startswith("cycle,team,objective,key_result,ref,")
    assert "\r\n" in r.out  # RFC 4180 line endings, as spreadsheets expect


def test_csv_columns_are_documented_in_readme() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    documented = re.findall(r"^\| `([a-z_]+)` \|", readme, re.MULTILINE)
    assert tuple(c for c in documented if c in CSV_COLUMNS) == CSV_COLUMNS


KINDS = """\
version: 1
cycle: 2026-Q4
team: checkout
objectives:
  - id: kinds
    title: Every kind of progress
    key_results:
      - id: metric
        title: "=HYPERLINK(\\"https://evil.example\\")"
        baseline: 10
        target: 20
        checkins:
          - {date: 2026-10-15, value: 15}
      - id: threshold
        title: Keep pipeline coverage at least 5x
        target: 5
        direction: at_least
        checkins:
          - {date: 2026-10-15, value: 5.5}
      - id: reported
        title: Single sign-on for every enterprise customer
        checkins:
          - {date: 2026-10-15, progress: 40, note: "SAML done"}
      - id: pending
        title: Increase weekly active users by 25%
        target_change: "+25%"
      - id: none
        title: A public roadmap
        checkins:
          - {date: 2026-10-15, note: "Draft shared"}
"""


def test_every_progress_kind_is_exported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, okrs
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "okrs", {"organization.yaml": ORGANIZATION, "2026-Q4/checkout.yaml": KINDS})
    r = okrs("export", "--as-of", "2026-11-01")
    assert r.exit_code == 0, r.err
    data = json.loads(r.out)
    validate(data)
    krs = {k["id"]: k for k in data["objectives"][0]["key_results"]}
    assert {i: k["progress"]["kind"] for i, k in krs.items()} == {
        "metric": "metric", "threshold": "threshold", "reported": "reported",
        "pending": "pending", "none": "none",
    }  # fmt: skip
    assert krs["threshold"]["progress"]["met"] is True
    assert krs["reported"]["progress"]["percent"] == 40
    assert krs["none"]["progress"]["percent"] is None
    assert krs["none"]["last_note"] == "Draft shared"
    assert krs["pending"]["target_change"] == "+25%"
    # A title a spreadsheet would run as a formula is written as text.
    r = okrs("export", "--format", "csv", "--as-of", "2026-11-01")
    rows = list(csv.DictReader(io.StringIO(r.out, newline="")))
    assert rows[0]["title"] == '\'=HYPERLINK("https://evil.example")'


def test_export_to_a_file(example: Path, okrs) -> None:  # type: ignore[no-untyped-def]
    r = okrs("export", "--format", "csv", "-o", "okrs.csv", "--as-of", "2026-11-20")
    assert r.exit_code == 0, r.err
    assert r.out == ""
    assert re.fullmatch(r"okrs\.csv: \d+ objectives, \d+ key results\n", r.err)
    assert Path("okrs.csv").read_bytes().startswith(b"\xef\xbb\xbfcycle,team,")


def test_export_refuses_okrs_with_errors(example: Path, okrs) -> None:  # type: ignore[no-untyped-def]
    path = example / "2026-Q4/checkout.yaml"
    path.write_text(path.read_text().replace("weight: 2", "wieght: 2", 1))
    r = okrs("export")
    assert r.exit_code == 1
    assert r.out == ""
    assert "okrs: cannot export OKRs with errors; fix these first:" in r.err
    assert "OKR010 unknown key 'wieght'" in r.err


def test_every_open_finding_is_exported_on_its_item(example: Path, okrs) -> None:  # type: ignore[no-untyped-def]
    from okrs_as_code.config import LintConfig
    from okrs_as_code.lint import lint_okrs
    from okrs_as_code.loading import load_okrs

    data = json.loads(okrs("export", "--include-confidential", "--as-of", "2026-11-20").out)
    exported = sorted(
        (f["file"], f["line"], f["code"])
        for o in data["objectives"]
        for item in [o, *o["key_results"], *o["initiatives"]]
        for f in item["findings"]
    )
    okr_set, _ = load_okrs(example)
    assert okr_set is not None
    config = LintConfig(as_of=dt.date(2026, 11, 20))
    expected = sorted(
        (d.loc.path, d.loc.line, d.code) for d in lint_okrs(okr_set, config) if d.accepted is None
    )
    assert exported == expected and exported
