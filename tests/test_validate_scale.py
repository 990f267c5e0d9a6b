"""Hostile but small input: reports stay proportional and validation stays fast."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

import pytest

from okrs_as_code.loading import load_okrs

from .conftest import ORGANIZATION, write

if TYPE_CHECKING:
    from pathlib import Path

# The organization of conftest up to its first team: cycles and the company.
ORG_HEAD = ORGANIZATION[: ORGANIZATION.index("  - {id: commerce")]


def _objectives(n: int, aligns: callable) -> str:  # type: ignore[valid-type]
    lines = ["version: 1", "cycle: 2026-Q4", "team: company", "objectives:"]
    for i in range(n):
        refs = ", ".join(aligns(i))
        lines.append(f"  - {{id: o{i}, title: Objective {i}, aligns_with: [{refs}]}}")
    return "\n".join(lines) + "\n"


def _validate(root: Path) -> tuple[list[str], float]:
    start = time.perf_counter()
    _, diagnostics = load_okrs(root)
    return [f"{d.code} {d.message}" for d in diagnostics], time.perf_counter() - start


def test_a_chain_of_ten_thousand_back_edges_is_reported_once(tmp_path: Path) -> None:
    n = 10_000
    # o0 -> o1 -> ... -> o9999, and every objective also aligns back with o0: 10,000 back
    # edges, each of which used to print the whole path from o0.
    text = _objectives(
        n, lambda i: [f"company/o{(i + 1) % n}", "company/o0"] if i else ["company/o1"]
    )
    root = write(tmp_path / "okrs", {"organization.yaml": ORG_HEAD, "2026-Q4/company.yaml": text})
    messages, seconds = _validate(root)
    loops = [m for m in messages if m.startswith("OKR022")]
    assert len(loops) == 1
    assert sum(map(len, messages)) < 200 * n
    assert loops[0].startswith("OKR022 alignment loops: company/o0 -> company/o1 -> company/o0")
    assert loops[0].endswith(f"(and {n - 2} more in the same loop)")
    assert seconds < 20


def test_separate_loops_are_each_reported_once(tmp_path: Path) -> None:
    text = _objectives(6, lambda i: [f"company/o{i ^ 1}"])  # o0<->o1, o2<->o3, o4<->o5
    root = write(tmp_path / "okrs", {"organization.yaml": ORG_HEAD, "2026-Q4/company.yaml": text})
    messages, _ = _validate(root)
    assert [m for m in messages if m.startswith("OKR022")] == [
        "OKR022 alignment loops: company/o0 -> company/o1 -> company/o0",
        "OKR022 alignment loops: company/o2 -> company/o3 -> company/o2",
        "OKR022 alignment loops: company/o4 -> company/o5 -> company/o4",
    ]


def test_ten_thousand_unknown_alignments_take_seconds(tmp_path: Path) -> None:
    n = 10_000
    text = _objectives(n, lambda i: [f"company/missing-{i}"])
    root = write(tmp_path / "okrs", {"organization.yaml": ORG_HEAD, "2026-Q4/company.yaml": text})
    messages, seconds = _validate(root)
    assert sum(m.startswith("OKR021") for m in messages) == n
    assert seconds < 20


def test_six_thousand_unknown_parents_and_a_long_parent_chain_take_seconds(tmp_path: Path) -> None:
    teams = [f"  - {{id: t{i}, name: T{i}, parent: nowhere-{i}}}" for i in range(6000)]
    # A chain of 6,000 teams closed into one loop.
    teams += [f"  - {{id: c{i}, name: C{i}, parent: c{(i + 1) % 6000}}}" for i in range(6000)]
    root = write(tmp_path / "okrs", {"organization.yaml": ORG_HEAD + "\n".join(teams) + "\n"})
    messages, seconds = _validate(root)
    assert sum(m.startswith("OKR021") for m in messages) == 6000
    loops = [m for m in messages if m.startswith("OKR023")]
    assert len(loops) == 1 and loops[0].count(" -> ") == 6000
    assert seconds < 20


def test_a_large_flow_style_file_is_read_in_one_pass_with_small_marks(tmp_path: Path) -> None:
    import resource

    n = 8000
    items = ", ".join(
        f"{{id: o{i}, title: T, key_results: [{{id: k, title: K, baseline: 1, target: 2, "
        f"checkins: [{{date: 2026-10-01, value: 1}}]}}]}}"
        for i in range(n)
    )
    text = f"version: 1\ncycle: 2026-Q4\nteam: company\nobjectives: [{items}]\n"
    root = write(tmp_path / "okrs", {"organization.yaml": ORG_HEAD, "2026-Q4/company.yaml": text})
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    okrs, diagnostics = load_okrs(root)
    grown_mib = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert diagnostics == [] and okrs is not None
    assert sum(1 for _ in okrs.key_results()) == n
    # about 1 MiB of YAML; the whole tree used to take ~120 MB
    assert grown_mib < 100


def test_event_composition_still_refuses_what_yaml_compose_refused(tmp_path: Path) -> None:
    deep = "version: 1\ncycle: 2026-Q4\nteam: company\nobjectives: " + "[" * 3000 + "]" * 3000
    two = "version: 1\n---\nversion: 1\n" + "x: [" + ", ".join(["1"] * 3000) + "]\n"
    bare = "version: 1\ncycle: ! 2026-Q4\nteam: company\nobjectives: []\n"
    root = write(
        tmp_path / "okrs",
        {"organization.yaml": ORG_HEAD, "2026-Q4/a.yaml": deep, "2026-Q4/b.yaml": two,
         "2026-Q4/c.yaml": bare},
    )  # fmt: skip
    _, diagnostics = load_okrs(root)
    got = {(d.loc.path.rsplit("/", 1)[-1], d.code) for d in diagnostics}
    assert {("a.yaml", "OKR006"), ("b.yaml", "OKR001"), ("c.yaml", "OKR011")} <= got


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("version: 1\ncycle: &c 2026-Q4\n", "OKR005"),
        ("version: 1\ncycle: [a,*c]\n", "OKR005"),
        ("version: 1\ncycle: [! x]\n", "OKR011"),
        ("version: 1\ncycle: ! 2026-Q4\n", "OKR011"),
    ],
)
def test_anchors_aliases_and_bare_tags_are_found_wherever_yaml_reads_them(
    tmp_path: Path, text: str, code: str
) -> None:
    root = write(tmp_path / "okrs", {"organization.yaml": ORG_HEAD, "2026-Q4/a.yaml": text})
    _, diagnostics = load_okrs(root)
    assert code in {d.code for d in diagnostics if d.loc.path.endswith("a.yaml")}


def test_markdown_emphasis_and_exclamations_are_not_mistaken_for_yaml_syntax(
    tmp_path: Path,
) -> None:
    text = (
        "version: 1\ncycle: 2026-Q4\nteam: company\nobjectives:\n"
        "  - id: o\n    title: Wow! **Bold** and *it* & more!\n"
    )
    root = write(tmp_path / "okrs", {"organization.yaml": ORG_HEAD, "2026-Q4/company.yaml": text})
    _, diagnostics = load_okrs(root)
    assert diagnostics == []
