"""Every string from a file name, data or configuration is escaped for where it goes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from okrs_as_code.escaping import for_json, for_terminal, path_uri, workflow_property

from .conftest import write

OKRS = str(Path(sys.executable).parent / "okrs")
BROKEN = "version: 1\ncycle: 2026-Q4\nteam: checkout\nobjectives: 5\n"
HOSTILE_NAMES = [
    "x\n::error file=evil.yaml::pwned.yaml",
    "x\r::warning::pwned.yaml",
    "\x1b]0;owned\x07\x1b[2J.yaml",
    "\x1b]52;c;aGVsbG8=\x07.yaml",
    "\u202eevil.yaml",
]


def _no_injection(text: str, fmt: str = "text") -> None:
    assert "\x1b" not in text and "\x07" not in text
    if fmt in ("json", "sarif"):
        json.loads(text.split("\nFound")[0])  # the data itself, escaped as JSON escapes it
    else:
        assert "\u202e" not in text
    for line in text.splitlines():
        assert not line.startswith(("::error file=evil", "::warning::pwned")), line
    assert "\r" not in text


@pytest.mark.parametrize("name", HOSTILE_NAMES)
@pytest.mark.parametrize("fmt", ["text", "github", "json", "sarif"])
def test_hostile_file_names_stay_inert(okr_root: Path, okrs, name: str, fmt: str) -> None:  # type: ignore[no-untyped-def]
    write(okr_root / "2026-Q4", {name: BROKEN})
    result = okrs("validate", "okrs", "--format", fmt)
    assert result.exit_code == 1
    _no_injection(result.out + result.err, fmt)


def test_workflow_command_properties_escape_everything_github_reads() -> None:
    assert workflow_property("a:b,c%d\re\nf") == "a%3Ab%2Cc%25d%0De%0Af"


def test_terminal_escaping_makes_controls_visible() -> None:
    assert for_terminal("a\nb\x1b[2J\u202e\udce9") == "a\\nb\\e[2J\\u202e\\xe9"
    assert for_terminal("a\nb\x1b", keep_newlines=True) == "a\nb\\e"


def test_raw_bytes_of_file_names_become_valid_unicode() -> None:
    name = os.fsdecode(b"caf\xe9 x.yaml")
    assert for_json(name) == "caf\\xe9 x.yaml"
    assert path_uri(name) == "caf%E9%20x.yaml"
    assert path_uri("okrs/2026-Q4/a b#c?.yaml") == "okrs/2026-Q4/a%20b%23c%3F.yaml"


@pytest.mark.skipif(sys.platform != "linux", reason="needs a file system that takes raw bytes")
@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_a_file_name_that_is_not_utf8_gives_valid_output(okr_root: Path, fmt: str) -> None:
    with open(os.path.join(os.fsencode(okr_root / "2026-Q4"), b"caf\xe9.yaml"), "w") as f:
        f.write(BROKEN)
    proc = subprocess.run(
        [OKRS, "validate", "okrs", "--format", fmt], capture_output=True, cwd=okr_root.parent
    )
    assert proc.returncode == 1, proc.stderr
    out = proc.stdout.decode("utf-8")  # valid UTF-8, whatever the name
    if fmt in ("text", "github"):
        assert "caf\\xe9.yaml" in out
    else:
        document = json.loads(out)
        if fmt == "json":
            paths = [d["path"] for d in document["diagnostics"]]
            assert "okrs/2026-Q4/caf\\xe9.yaml" in paths
        else:
            uris = [
                r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                for r in document["runs"][0]["results"]
            ]
            assert "okrs/2026-Q4/caf%E9.yaml" in uris


def _pyproject(tmp_path: Path, text: str | bytes) -> None:
    path = tmp_path / "pyproject.toml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")


def test_a_newline_in_a_severity_key_cannot_inject_a_workflow_command(okr_root: Path, okrs) -> None:  # type: ignore[no-untyped-def]
    _pyproject(
        okr_root.parent,
        '[tool.okrs]\nseverity = {"OKR101\\n::error file=evil.yaml::pwned" = "info"}\n',
    )
    result = okrs("validate", "okrs", "--format", "github")
    assert result.exit_code == 2
    _no_injection(result.out + result.err)
    assert "is not a rule code" in result.err


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("tool = 5\n", "tool must be a table"),
        ("[tool]\nokrs = 5\n", "tool.okrs must be a table"),
        (b"[tool.okrs]\nstale_days = 3 # caf\xe9\n", "is not UTF-8 text"),
        ('[tool.okrs]\noutput_verbs = [""]\n', "output_verbs entry '' must be a verb"),
        ('[tool.okrs]\nselect = ["OKR999"]\n', "'OKR999' is not a rule code or prefix"),
        ('[tool.okrs]\nignore = ["OKR9"]\n', "'OKR9' is not a rule code or prefix"),
        ('[tool.okrs]\nseverity = {OKR999 = "info"}\n', "'OKR999', which is not a rule code"),
        ("[tool.okrs]\nstale_days = " + "9" * 5000 + "\n", "pyproject.toml"),
    ],
)
def test_bad_configuration_is_a_clean_usage_error(
    okr_root: Path, okrs, text: str | bytes, fragment: str
) -> None:  # type: ignore[no-untyped-def]
    _pyproject(okr_root.parent, text)
    result = okrs("validate", "okrs")
    assert result.exit_code == 2, result.out
    assert "internal error" not in result.err
    assert fragment in result.err


def test_a_prefix_of_real_rules_is_still_accepted(okr_root: Path, okrs) -> None:  # type: ignore[no-untyped-def]
    _pyproject(okr_root.parent, '[tool.okrs]\nselect = ["OKR1"]\nignore = ["okr30"]\n')
    assert okrs("validate", "okrs").exit_code == 0


def test_a_five_thousand_digit_number_is_a_clean_error(okr_root: Path, okrs) -> None:  # type: ignore[no-untyped-def]
    text = (
        (okr_root / "2026-Q4/checkout.yaml")
        .read_text()
        .replace("target: 3.5", "target: " + "9" * 5000)
    )
    write(okr_root, {"2026-Q4/checkout.yaml": text})
    result = okrs("validate", "okrs")
    assert result.exit_code == 1
    assert "internal error" not in result.err
    assert "OKR013 key result target is too large" in result.out


def test_json_output_parses_with_and_without_diagnostics() -> None:
    from okrs_as_code.diagnostics import Diagnostic, Loc
    from okrs_as_code.reporting import render_json

    assert json.loads(render_json([]))["diagnostics"] == []
    d = Diagnostic(Loc(os.fsdecode(b"a\xff\n.yaml"), 1, 2), "OKR011", "wrong-type", 'say "hi"\n')
    document = json.loads(render_json([d, d]))
    assert document["summary"]["errors"] == 2
    assert document["diagnostics"][0]["path"] == "a\\xff\n.yaml"
