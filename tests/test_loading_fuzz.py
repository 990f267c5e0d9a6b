"""Mutated copies of the example files: the loader reports, it never raises."""

from __future__ import annotations

import random
from pathlib import Path

from okrs_as_code.diagnostics import Diagnostic
from okrs_as_code.loading import load_document

REPO = Path(__file__).resolve().parents[1]
SNIPPETS = ["\t", "&a ", "*a", "[", "{", "]", ": ", "- ", "'", '"', "\x00", "\ufeff", "---\n",
            ".inf", "!!python/object:os.system ", "%YAML 1.1\n", "? ", "|", ">", "#", "\\", "é"]  # fmt: skip


def _mutate(text: str, rng: random.Random) -> str:
    lines = text.splitlines(keepends=True)
    for _ in range(rng.randint(1, 3)):
        i = rng.randrange(len(lines))
        op = rng.randrange(5)
        if op == 0:
            del lines[i]
        elif op == 1:
            lines.insert(i, lines[rng.randrange(len(lines))])
        elif op == 2:
            pos = rng.randrange(len(lines[i]) + 1)
            lines[i] = lines[i][:pos] + rng.choice(SNIPPETS) + lines[i][pos:]
        elif op == 3:
            lines[i] = " " * rng.randint(1, 3) + lines[i]
        else:
            pos = rng.randrange(len(lines[i]) + 1)
            lines[i] = lines[i][:pos]
    return "".join(lines)


def test_two_thousand_mutations_never_raise(tmp_path: Path) -> None:
    sources = sorted((REPO / "okrs").rglob("*.yaml"))
    rng = random.Random(20261122)
    reported = 0
    for n in range(2000):
        source = sources[n % len(sources)]
        schema = "organization" if source.name == "organization.yaml" else "okrs"
        path = tmp_path / "f.yaml"
        path.write_text(_mutate(source.read_text(encoding="utf-8"), rng), encoding="utf-8")
        found: list[Diagnostic] = []
        load_document(path, "f.yaml", schema, found.append)
        for d in found:
            assert d.loc.line >= 1 and d.loc.col >= 1, d
            assert d.code.startswith("OKR0") and d.message, d
            assert "\n" not in d.message, d
        reported += bool(found)
    assert reported > 1000  # most mutations break something, and each is reported
