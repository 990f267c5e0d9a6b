"""Generate a synthetic organization of N key results in the okrs-as-code format.

Usage: python bench/generate.py N OUTDIR [tree|flat]

Two shapes:
- tree (default): a company team, departments under it and teams under those, two cycles, and
  one OKR file per team and cycle with five objectives of three KRs, two initiatives each,
  three check-ins per KR, alignment to the parent team;
- flat: one cycle, every team directly under the company (833 at 10,000 KRs), four objectives
  of three KRs per file and one check-in per KR.
Both have a realistic share of output-shaped KR titles so that the linter has work to do.
"""

from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path

OBJECTIVES_PER_FILE = 5
KRS_PER_OBJECTIVE = 3
CYCLES = (("2026-Q3", "2026-07-01", "2026-09-30"), ("2026-Q4", "2026-10-01", "2026-12-31"))

KR_TITLES = (
    "Move checkout conversion from {a}% to {b}%",
    "Raise weekly active accounts from {a} to {b}",
    "Cut median support resolution time from {a} to {b} hours",
    "Grow monthly organic sessions from {a} to {b}",
    "Lift trial-to-paid conversion from {a}% to {b}%",
    "Reduce P1 incident rate from {a}% to {b}%",
    "Publish {b} help-centre articles",
    "Launch the self-serve billing portal",
    "Increase NPS of new customers from {a} to {b}",
    "Reduce involuntary churn from {a}% to {b}%",
)


SHAPES = ("tree", "flat")


def _objective(
    rng: random.Random,
    team: str,
    parent: str | None,
    o: int,
    counter: list[int],
    checkins: tuple[tuple[int, int], ...] = ((7, 15), (8, 12), (9, 9)),
) -> str:
    lines = [
        f"  - id: objective-{o}",
        f"    title: Make life better for {team} customers, theme {o}",
        f"    description: |\n      Why this matters for **{team}**, in a sentence or two.",
        f"    owner: owner-{rng.randrange(50)}",
    ]
    if parent is not None:
        lines.append(f"    aligns_with: [{parent}/objective-{o}]")
    lines.append("    key_results:")
    for k in range(KRS_PER_OBJECTIVE):
        counter[0] += 1
        a = rng.randrange(5, 50)
        b = a + rng.randrange(5, 40)
        title = rng.choice(KR_TITLES).format(a=a, b=b)
        lines += [
            f"      - id: kr-{k}",
            f"        title: {title}",
            f"        metric: Metric {k}",
            '        unit: "%"',
            f"        baseline: {a}",
            f"        target: {b}",
            f"        owner: owner-{rng.randrange(50)}",
            '        source: "Warehouse: metrics"',
            "        checkins:",
        ]
        for month, day in checkins:
            value = a + (b - a) * rng.random()
            lines.append(
                f"          - {{date: 2026-{month:02d}-{day:02d}, value: {value:.1f}, "
                f"confidence: {rng.random():.2f}, note: On plan}}"
            )
    lines.append("    initiatives:")
    for i in range(2):
        lines += [
            f"      - id: initiative-{i}",
            f"        title: Build the thing number {i}",
            f"        key_results: [kr-{i}, kr-{i + 1}]",
            "        status: in_progress",
            f"        owner: owner-{rng.randrange(50)}",
            f'        links: ["https://tracker.example/T-{rng.randrange(10000)}"]',
        ]
    return "\n".join(lines)


def generate(n_krs: int, out: Path, seed: int = 1, shape: str = "tree") -> int:
    """Write an organization of about `n_krs` KRs into `out`; return the number of KRs."""
    if shape not in SHAPES:
        raise ValueError(f"shape must be one of {SHAPES}")
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    flat = shape == "flat"
    objectives = 4 if flat else OBJECTIVES_PER_FILE
    cycles = CYCLES[1:] if flat else CYCLES
    checkins = ((10, 15),) if flat else ((7, 15), (8, 12), (9, 9))
    per_file = objectives * KRS_PER_OBJECTIVE
    n_files = max(1, n_krs // per_file)
    n_teams = max(1, n_files // len(cycles))
    teams: list[tuple[str, str | None]] = [("company", None)]
    if flat:
        teams += [(f"team-{t}", "company") for t in range(1, n_teams)]
    else:
        departments = max(1, int(n_teams**0.5))
        for d in range(departments):
            teams.append((f"dept-{d}", "company"))
        while len(teams) < n_teams:
            teams.append((f"team-{len(teams)}", f"dept-{len(teams) % departments}"))
    org = ["version: 1", "name: Synthetic Org", "cycles:"]
    org += [f"  - {{id: {c}, start: {s}, end: {e}}}" for c, s, e in cycles]
    org.append("teams:")
    for team, parent in teams:
        org.append(f"  - id: {team}")
        org.append(f"    name: Team {team}")
        if parent:
            org.append(f"    parent: {parent}")
    (out / "organization.yaml").write_text("\n".join(org) + "\n", encoding="utf-8")
    counter = [0]
    written = 0
    for cycle, _, _ in cycles:
        (out / cycle).mkdir()
        for team, parent in teams:
            if written >= n_files:
                break
            written += 1
            body = [
                "# yaml-language-server: $schema=../../schema/okrs.schema.json",
                "version: 1",
                f"cycle: {cycle}",
                f"team: {team}",
                "objectives:",
            ]
            body += [_objective(rng, team, parent, o, counter, checkins) for o in range(objectives)]
            (out / cycle / f"{team}.yaml").write_text("\n".join(body) + "\n", encoding="utf-8")
    return counter[0]


def main(argv: list[str]) -> int:
    if len(argv) not in (3, 4):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    count = generate(int(argv[1]), Path(argv[2]), shape=argv[3] if len(argv) == 4 else "tree")
    print(f"wrote {count} key results to {argv[2]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
