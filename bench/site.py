"""Time the OKR site build against plain Material for MkDocs, at two sizes, in one run.

    python bench/site.py [N_SMALL N_LARGE [RUNS [CONFIG... [--shape SHAPE...]]]]
    (default: 2500 10000 3 minimal full --shape tree flat)

For each organization shape of bench/generate.py (tree: departments and two cycles; flat: one
cycle, every team directly under the company) and each size, a synthetic organization is
written and, for each configuration, two sites are built, each by its own `mkdocs build`
process (interpreter start-up counts for both alike):
- okrs: the organization published by the `okrs` plugin (every cycle, team, objective, key
  result and initiative page, glossary, review, search index);
- floor: Material rendering as many plain Markdown pages as the okrs site has: one per key
  result carrying the text that the key result's page shows (title, parent objective, values,
  metric, check-ins as a table, initiatives, alignment, with links between pages), the rest
  short pages, and a nav of one entry.
Configurations: `minimal` is the mkdocs.yml DESIGN section 5 promises (site_name, theme:
material, plugins: [search, okrs]); `full` adds navigation.prune, navigation.indexes,
navigation.path and content.tooltips. Both sites of a pair use the same theme settings.
Machines are shared and noisy, so only the ratios mean anything: each build runs RUNS times,
sizes and sites taking turns, and the median run of each counts (a short build can fall
entirely into a fast spell of the machine, a long one cannot, so the fastest runs would favour
the small size).
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
from datetime import date
from pathlib import Path
from statistics import median

from okrs_as_code.loading import load_okrs

sys.path.insert(0, str(Path(__file__).parent))
from generate import generate

BIN = Path(sys.executable).parent
THEMES = {
    "minimal": "theme: material\n",
    "full": """\
theme:
  name: material
  features: [navigation.prune, navigation.indexes, navigation.path, content.tooltips]
""",
}
AS_OF = "2026-11-20"


def okrs_site(root: Path, theme: str) -> Path:
    """The mkdocs.yml of the OKR site of the organization under root/okrs."""
    (root / "docs").mkdir(exist_ok=True)
    config = root / f"mkdocs-{theme}.yml"
    config.write_text(
        f"site_name: Synthetic OKRs\n{THEMES[theme]}"
        f"plugins:\n  - search\n  - okrs:\n      as_of: {AS_OF}\n",
        encoding="utf-8",
    )
    return config


def okrs_page_count(okr_root: Path) -> int:
    """How many pages the okrs plugin makes of the organization."""
    from okrs_as_code.glossary import merge, reference_glossary
    from okrs_as_code.rules import lint_rules
    from okrs_as_code.site import Site

    okrs, _ = load_okrs(okr_root)
    assert okrs is not None
    site = Site(
        okrs,
        [],
        as_of=date.fromisoformat(AS_OF),
        glossary=merge(reference_glossary(), okrs.glossary),
        rules=lint_rules(),
    )
    return len(site.pages)


def _value(value: float | None, unit: str | None) -> str:
    return "–" if value is None else f"{value:g}{unit or ''}"


def floor_site(root: Path, okr_root: Path, total: int) -> tuple[Path, int]:
    """A plain Markdown site of `total` pages, one per key result of the organization and the
    rest short, and its number of pages."""
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
    extra = docs / "extra"
    extra.mkdir()
    for i in range(max(0, total - pages - 1)):
        (extra / f"page-{i}.md").write_text(
            f"# Page {i}\n\nA short page, as a team or objective page would be.\n",
            encoding="utf-8",
        )
        pages += 1
    return root, pages


def floor_config(root: Path, theme: str) -> Path:
    config = root / f"floor-{theme}.yml"
    config.write_text(
        f"site_name: Floor\ndocs_dir: floor-docs\n{THEMES[theme]}plugins: [search]\n"
        "nav: [index.md]\nvalidation: {nav: {omitted_files: ignore}}\n",
        encoding="utf-8",
    )
    return config


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
    """One organization size in one shape and configuration: its two sites and their times."""

    shape: str
    theme: str
    n: int
    count: int
    pages: int
    okrs_config: Path
    floor_config: Path
    okrs: list[float] = field(default_factory=list)
    floor: list[float] = field(default_factory=list)


def prepare(n: int, shape: str, themes: list[str], tmp: Path) -> list[Size]:
    """Generate an organization of ~n KRs and write both sites' configurations per theme."""
    root = tmp / f"{shape}-{n}"
    root.mkdir()
    count = generate(n, root / "okrs", shape=shape)
    total = okrs_page_count(root / "okrs")
    _, pages = floor_site(root, root / "okrs", total)
    return [
        Size(shape, theme, n, count, pages + 1, okrs_site(root, theme), floor_config(root, theme))
        for theme in themes
    ]


def main() -> int:
    args = sys.argv[1:]
    shapes = ["tree", "flat"]
    if "--shape" in args:
        shapes = args[args.index("--shape") + 1 :]
        args = args[: args.index("--shape")]
    small, large = (int(a) for a in args[0:2]) if len(args) > 1 else (2500, 10_000)
    runs = int(args[2]) if len(args) > 2 else 3
    themes = args[3:] or ["minimal", "full"]
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        for shape in shapes:
            smalls = prepare(small, shape, themes, Path(tmp))
            larges = prepare(large, shape, themes, Path(tmp))
            pairs = list(zip(smalls, larges, strict=True))
            # The machine's speed drifts over minutes; taking turns puts every build in the
            # same conditions.
            for _ in range(runs):
                for low, high in pairs:
                    for size in (low, high):
                        root = size.okrs_config.parent
                        size.okrs.append(build_time(size.okrs_config, root / "site"))
                        size.floor.append(build_time(size.floor_config, root / "floor-site"))
            for low, high in pairs:
                ok = report(low, high) and ok
    print("goals met" if ok else "GOALS NOT MET")
    return 0 if ok else 1


def report(low: Size, high: Size) -> bool:
    for size in (low, high):
        site = size.okrs_config.parent / "site"
        built = sum(1 for _ in site.rglob("index.html"))
        mib = sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 1024 / 1024
        print(
            f"[{size.shape}, {size.theme}] {size.count:6d} key results: "
            f"okrs {median(size.okrs):7.2f} s ({built} pages, {mib:.0f} MiB)   "
            f"floor {median(size.floor):7.2f} s ({size.pages} pages)"
        )
    growth = high.count / low.count
    ratio = median(high.okrs) / median(high.floor)
    small_ratio = median(low.okrs) / median(low.floor)
    scaling = median(high.okrs) / median(low.okrs)
    print(f"  okrs / floor at {low.count} KRs         {small_ratio:6.2f}x")
    print(f"  okrs / floor at {high.count} KRs        {ratio:6.2f}x   (goal <= 1.3x)")
    print(
        f"  okrs {high.count} / okrs {low.count} KRs  {scaling:6.2f}x   "
        f"(goal <= {1.1 * growth:.1f}x for {growth:.1f}x the KRs)"
    )
    floor_scaling = median(high.floor) / median(low.floor)
    print(f"  floor {high.count} / floor {low.count} KRs {floor_scaling:6.2f}x   (for reference)")
    return ratio <= 1.3 and scaling <= 1.1 * growth


if __name__ == "__main__":
    sys.exit(main())
