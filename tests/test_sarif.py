"""SARIF 2.1.0 output that code scanning accepts: valid against the schema, rules with help,
stable fingerprints, acknowledged findings as suppressions."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from .conftest import CHECKOUT, write

SCHEMA = json.loads(
    (Path(__file__).parent / "data" / "sarif" / "sarif-schema-2.1.0.json").read_text("utf-8")
)
OUTPUT_KRS = CHECKOUT.replace(
    "title: Cut cart abandonment from 70% to 60%", "title: Publish 12 help-centre articles"
).replace(
    "        target: 60\n",
    '        target: 60\n        accept: {OKR102: "The help centre is the bet"}\n',
)


def sarif(okrs, *args: str) -> dict:  # type: ignore[no-untyped-def, type-arg]
    result = okrs("validate", "okrs", "--format", "sarif", *args)
    return json.loads(result.out)  # type: ignore[no-any-return]


def test_sarif_is_valid_against_the_2_1_0_schema(okr_root: Path, okrs) -> None:  # type: ignore[no-untyped-def]
    write(okr_root, {"2026-Q4/checkout.yaml": OUTPUT_KRS.replace("unit:", "unt:")})
    document = sarif(okrs)
    jsonschema.Draft4Validator(SCHEMA).validate(document)
    assert document["runs"][0]["results"]


def test_rules_carry_help_help_uri_and_default_level(okr_root: Path, okrs) -> None:  # type: ignore[no-untyped-def]
    write(okr_root, {"2026-Q4/checkout.yaml": OUTPUT_KRS})
    document = sarif(okrs, "--site-url", "https://okrs.example.com")
    jsonschema.Draft4Validator(SCHEMA).validate(document)
    rules = {r["id"]: r for r in document["runs"][0]["tool"]["driver"]["rules"]}
    rule = rules["OKR102"]
    assert rule["name"] == "activity-count"
    assert rule["helpUri"] == "https://okrs.example.com/review/#okr102"
    assert rule["defaultConfiguration"] == {"level": "warning"}
    assert "How to fix" in rule["help"]["text"] and rule["help"]["markdown"]


def test_acknowledged_finding_is_a_suppression(okr_root: Path, okrs) -> None:  # type: ignore[no-untyped-def]
    write(okr_root, {"2026-Q4/checkout.yaml": OUTPUT_KRS})
    results = sarif(okrs)["runs"][0]["results"]
    [acknowledged] = [r for r in results if r["ruleId"] == "OKR102"]
    assert acknowledged["suppressions"] == [
        {"kind": "inSource", "status": "accepted", "justification": "The help centre is the bet"}
    ]


def test_fingerprints_survive_unrelated_edits_above(okr_root: Path, okrs) -> None:  # type: ignore[no-untyped-def]
    write(okr_root, {"2026-Q4/checkout.yaml": OUTPUT_KRS})
    before = sarif(okrs)["runs"][0]["results"]
    moved = OUTPUT_KRS.replace(
        "    aligns_with:", "    description: |\n      Two more\n      lines.\n    aligns_with:"
    )
    write(okr_root, {"2026-Q4/checkout.yaml": moved})
    after = sarif(okrs)["runs"][0]["results"]
    assert [r["locations"] for r in before] != [r["locations"] for r in after]
    assert [r["partialFingerprints"] for r in before] == [r["partialFingerprints"] for r in after]
