"""The JSON Schemas: valid draft 2020-12, fully described, and in agreement with the loader."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from okrs_as_code.diagnostics import Diagnostic
from okrs_as_code.loading import load_document
from okrs_as_code.schema import SCHEMA_NAMES, SUPPORTED_KEYWORDS, schema_document

from .conftest import CHECKOUT

REPO = Path(__file__).resolve().parents[1]
CHECK_JSONSCHEMA = str(Path(sys.executable).parent / "check-jsonschema")


def _walk(node: Any, path: str = "#") -> Any:
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from _walk(value, f"{path}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _walk(value, f"{path}/{i}")


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_schema_is_valid_draft_2020_12(name: str) -> None:
    jsonschema.Draft202012Validator.check_schema(schema_document(name))


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_every_property_is_described_for_editors(name: str) -> None:
    schema = schema_document(name)
    defs = schema.get("$defs", {})
    missing = []
    for path, node in _walk(schema):
        if path.endswith("/properties"):
            continue
        for prop, sub in node.get("properties", {}).items():
            target = defs.get(sub.get("$ref", "").removeprefix("#/$defs/"), {})
            if "description" not in sub and "description" not in target:
                missing.append(f"{path}/properties/{prop}")
    assert missing == []


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_schema_uses_only_keywords_the_loader_understands(name: str) -> None:
    for path, node in _walk(schema_document(name)):
        if path.endswith(("/properties", "/$defs")):
            continue
        assert set(node) <= SUPPORTED_KEYWORDS, path


def test_check_jsonschema_accepts_the_metaschema_check() -> None:
    files = [str(REPO / "schema" / f"{n}.schema.json") for n in SCHEMA_NAMES]
    proc = subprocess.run(
        [CHECK_JSONSCHEMA, "--check-metaschema", *files], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_check_jsonschema_accepts_the_example_organization() -> None:
    okr_files = sorted(str(p) for p in (REPO / "okrs").glob("*/*.yaml"))
    assert len(okr_files) >= 10
    for schema, files in (
        ("okrs", okr_files),
        ("organization", [str(REPO / "okrs" / "organization.yaml")]),
        ("glossary", [str(REPO / "plugins" / "okrs_as_code" / "data" / "glossary.yaml")]),
    ):
        proc = subprocess.run(
            [CHECK_JSONSCHEMA, "--schemafile", str(REPO / "schema" / f"{schema}.schema.json"), *files],
            capture_output=True, text=True,
        )  # fmt: skip
        assert proc.returncode == 0, proc.stdout + proc.stderr


def _json_view(value: Any) -> Any:
    # What a JSON Schema validator sees of a YAML file (dates as strings, as check-jsonschema).
    if isinstance(value, dict):
        return {str(k): _json_view(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_view(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


VARIANTS = {
    "valid": (CHECKOUT, True),
    "unknown key": (
        CHECKOUT.replace("owner", "ownr").replace(
            "    aligns_with", "    ownr: x\n    aligns_with"
        ),
        False,
    ),
    "bad enum": (CHECKOUT.replace("    aligns_with", "    type: big\n    aligns_with"), False),
    "bad id": (CHECKOUT.replace("id: conversion", "id: Conversion"), False),
    "string number": (CHECKOUT.replace("target: 3.5", "target: '3.5'"), False),
    "confidence > 1": (CHECKOUT.replace("confidence: 0.7", "confidence: 1.2"), False),
    "missing title": (
        CHECKOUT.replace("        title: Cut cart abandonment from 70% to 60%\n", ""),
        False,
    ),
    "bad link": (
        CHECKOUT.replace(
            "key_results: [conversion]",
            "key_results: [conversion]\n        links: ['javascript:alert(1)']",
        ),
        False,
    ),
    "empty accept": (
        CHECKOUT.replace("        unit:", "        accept: {OKR101: ''}\n        unit:"),
        False,
    ),
    "accept ok": (
        CHECKOUT.replace("        unit:", "        accept: {OKR101: 'agreed'}\n        unit:"),
        True,
    ),
    "version 2": (CHECKOUT.replace("version: 1", "version: 2"), False),
    "owner list": (
        CHECKOUT.replace("        unit:", "        owner: [ana, VP Sales]\n        unit:"),
        True,
    ),
    "owner string": (
        CHECKOUT.replace("        unit:", "        owner: VP Sales\n        unit:"),
        True,
    ),
    "owner empty list": (
        CHECKOUT.replace("        unit:", "        owner: []\n        unit:"),
        False,
    ),
    "owner mapping": (
        CHECKOUT.replace("        unit:", "        owner: {a: b}\n        unit:"),
        False,
    ),
    "progress checkin": (
        CHECKOUT.replace("value: 2.4, confidence", "progress: 40, confidence"),
        True,
    ),
    "progress 140": (
        CHECKOUT.replace("value: 2.4, confidence", "progress: 140, confidence"),
        False,
    ),
    "target_change": (CHECKOUT.replace("target: 3.5", "target_change: '+25%'"), True),
    "target_change unsigned": (CHECKOUT.replace("target: 3.5", "target_change: '25'"), False),
    "kr score 1.5": (CHECKOUT.replace("        unit:", "        score: 1.5\n        unit:"), False),
    "negative weight": (
        CHECKOUT.replace("        unit:", "        weight: -1\n        unit:"),
        False,
    ),
}


@pytest.mark.parametrize("name", list(VARIANTS))
def test_loader_agrees_with_jsonschema(name: str, tmp_path: Path) -> None:
    text, expected_valid = VARIANTS[name]
    path = tmp_path / "f.yaml"
    path.write_text(text, encoding="utf-8")
    reference = jsonschema.Draft202012Validator(
        schema_document("okrs"), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    reference_valid = reference.is_valid(_json_view(yaml.safe_load(text)))
    found: list[Diagnostic] = []
    load_document(path, "f.yaml", "okrs", found.append)
    assert (reference_valid, not found) == (expected_valid, expected_valid), [str(d) for d in found]


def test_schemas_ship_in_the_wheel(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path), str(REPO)],
        capture_output=True, text=True,
    )  # fmt: skip
    if proc.returncode != 0 and "hatchling" in proc.stderr:
        proc = subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(REPO)],
            capture_output=True, text=True,
        )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    import zipfile

    (wheel,) = tmp_path.glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in SCHEMA_NAMES:
        assert f"okrs_as_code/schema/{name}.schema.json" in names
    assert "okrs_as_code/data/glossary.yaml" in names
    # The installed package finds its schemas without the repository.
    unpacked = tmp_path / "unpacked"
    zipfile.ZipFile(wheel).extractall(unpacked)
    probe = (
        "import okrs_as_code.schema as s, json; "
        "p = s.schema_path('okrs'); print(p); assert 'unpacked' in str(p); json.load(open(p))"
    )
    proc = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=tmp_path,
        env={"PYTHONPATH": str(unpacked), "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
