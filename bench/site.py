"""Time the OKR site build against plain Material for MkDocs, at two sizes, in one run.

    python bench/site.py [N_SMALL N_LARGE [RUNS]]      (default 2500 10000 3)

For each size, bench/generate.py writes a synthetic organization and two sites are built, each
by its own `mkdocs build` process (interpreter start-up counts for both alike):
- okrs: the organization published by the `okrs` plugin (every cycle, team, objective, key
  result and initiative page, glossary, review, search index);
- floor: Material rendering one plain Markdown page per key result, carrying the text that the
  key result's page shows (title, parent objective, values, metric, check-ins as a table,
  initiatives, alignment, with links between pages), and a nav of one entry.
Both use the same theme features and the search plugin. Machines are shared and noisy, so only
the ratios mean anything: each build runs RUNS times, sizes and sites taking turns, and the
median run of each counts (a short build can fall entirely into a fast spell of the machine, a
long one cannot, so the fastest runs would favour the small size).
Goals (issue 4): at the large size okrs <= 1.3x the floor; growing the organization 4x
(2,500 -> 10,000 key results) costs <= 4.4x the time.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from statistics import median

from okrs_as_code.loading import load_okrs

sys.path.insert(0, str(Path(__file__).parent))
from generate import generate

BIN = Path(sys.executable).parent
THEME = """\
theme:
  name: material
  features: [navigation.prune, navigation.indexes, navigation.path, content.tooltips]
"""
AS_OF = "2026-11-20"


def okrs_site(root: Path) -> Path:
    """The mkdocs.yml of the OKR site of the organization under root/okrs."""
    (root / "docs").mkdir(exist_ok=True)
    config = root / "mkdocs.yml"
    config.write_text(
        f"site_name: Synthetic OKRs\n{THEME}"
        f"plugins:\n  - search\n  - okrs:\n      as_of: {AS_OF}\n",
        encoding="utf-8",
    )
    return config


def _value(value: float | None, unit: str | None) -> str:
    return "–" if value is None else f"{value:g}{unit or ''}"


def floor_site(root: Path, okr_root: Path) -> tuple[Path, int]:
    """A plain Markdown site with one page per key result of the organization, and its size."""
    okrs, _ = load_okrs(okr_root)
    assert okrs is not None
    docs = root / "floor-docs"
    docs.mkdir()
    (docs / "index.md").write_text(
        "# Synthetic OKRs\n\nKey results of every team.\n", encoding="utf-8"
    )
    pages = 0
    for objective in okrs.objectives():
        folder = docs / objective.cycle / objective.team / objective.id
        folder.mkdir(parents=True)
        krs = objective.key_results
        for kr in krs:
            lines = [
                f"# {kr.title}",
                "",
                f"Key result of **{objective.title}** · {kr.team} · {kr.cycle}",
                "",
                "| Baseline | Current | Target |",
                "|---|---|---|",
                "| "
                + " | ".join(_value(v, kr.unit) for v in (kr.baseline, kr.current, kr.target))
                + " |",
                "",
                f"Health: on track · Confidence {kr.confidence} · Owner @{kr.owner}",
                "",
                objective.description or "",
                "",
                f"- Metric: {kr.metric}",
                f"- Source: {kr.source}",
                "",
                "## Check-ins",
                "",
                "| Date | Value | Confidence | Note |",
                "|---|---|---|---|",
                *(
                    f"| {c.date} | {_value(c.value, kr.unit)} | {c.confidence} | {c.note} |"
                    for c in kr.checkins
                ),
                "",
                "## Initiatives",
                "",
                *(
                    f"- [{i.title}]({i.key_results[0]}.md) · {i.status} · @{i.owner}"
                    for i in objective.initiatives
                    if kr.id in i.key_results
                ),
                "",
                "## Alignment",
                "",
                *(
                    f"- Same objective: [{other.title}]({other.id}.md)"
                    for other in krs
                    if other is not kr
                ),
                *(f"- Aligns with: {ref}" for ref in objective.aligns_with),
                "",
            ]
            (folder / f"{kr.id}.md").write_text("\n".join(lines), encoding="utf-8")
            pages += 1
    config = root / "floor.yml"
    config.write_text(
        f"site_name: Floor\ndocs_dir: floor-docs\n{THEME}plugins: [search]\nnav: [index.md]\n"
        "validation: {nav: {omitted_files: ignore}}\n",
        encoding="utf-8",
    )
    return config, pages


def build_time(config: Path, site: Path) -> float:
    """Wall-clock seconds of one `mkdocs build` of `config` into `site`; exits if it fails."""
    # Cleaning out a previous build is not part of building; both sites start from nothing.
    shutil.rmtree(site, ignore_errors=True)
    start = time.perf_counter()
    proc = subprocess.run(
        [str(BIN / "mkdocs"), "build", "-q", "-f", str(config), "-d", str(site)],
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": str(BIN)},
    )
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"mkdocs build -f {config} failed:\n{proc.stdout}\n{proc.stderr}")
    return elapsed


@dataclass
class Size:
    """One organization size: its two sites and their fastest build times so far."""

    n: int
    count: int
    pages: int
    okrs_config: Path
    floor_config: Path
    okrs: list[float] = field(default_factory=list)
    floor: list[float] = field(default_factory=list)


def prepare(n: int, tmp: Path) -> Size:
    """Generate an organization of ~n KRs and write both sites' configurations."""
    root = tmp / str(n)
    root.mkdir()
    count = generate(n, root / "okrs")
    floor_config, pages = floor_site(root, root / "okrs")
    assert pages == count
    return Size(n, count, pages, okrs_site(root), floor_config)


def main() -> int:
    small, large = (int(a) for a in sys.argv[1:3]) if len(sys.argv) > 2 else (2500, 10_000)
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    with tempfile.TemporaryDirectory() as tmp:
        sizes = [prepare(small, Path(tmp)), prepare(large, Path(tmp))]
        # The machine's speed drifts over minutes; taking turns puts every build in the same
        # conditions.
        for _ in range(runs):
            for size in sizes:
                root = size.okrs_config.parent
                size.okrs.append(build_time(size.okrs_config, root / "site"))
                size.floor.append(build_time(size.floor_config, root / "floor-site"))
        for size in sizes:
            built = sum(1 for _ in (size.okrs_config.parent / "site").rglob("index.html"))
            print(
                f"{size.count:6d} key results: okrs {median(size.okrs):7.2f} s ({built} pages)   "
                f"floor {median(size.floor):7.2f} s ({size.pages + 1} pages)"
            )
    low, high = sizes
    growth = high.count / low.count
    ratio = median(high.okrs) / median(high.floor)
    scaling = median(high.okrs) / median(low.okrs)
    print(f"okrs / floor at {high.count} KRs        {ratio:6.2f}x   (goal <= 1.3x)")
    print(
        f"okrs {high.count} / okrs {low.count} KRs  {scaling:6.2f}x   "
        f"(goal <= {1.1 * growth:.1f}x for {growth:.1f}x the KRs)"
    )
    floor_scaling = median(high.floor) / median(low.floor)
    print(f"floor {high.count} / floor {low.count} KRs {floor_scaling:6.2f}x   (for reference)")
    ok = ratio <= 1.3 and scaling <= 1.1 * growth
    print("goals met" if ok else "GOALS NOT MET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
