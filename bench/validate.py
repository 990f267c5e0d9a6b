"""Time `okrs validate` on a synthetic organization against two baselines, in one run.

    python bench/validate.py [N_KRS [SHAPE...]]      (default 10000 tree flat)

Each organization shape of bench/generate.py is measured in turn (tree: departments, two
cycles, three check-ins per KR; flat: one cycle, ~833 teams directly under the company, one
check-in per KR).

Baselines, measured on the same files in the same run (machines are shared and noisy, so only
the ratios mean anything):
- parse-only: PyYAML's C loader (CSafeLoader) reading every file, nothing else;
- check-jsonschema: validating every OKR file against schema/okrs.schema.json.
Each command runs as its own process, so interpreter start-up counts for all three alike.
Goals (issue 2): validate <= 2x parse-only and <= 0.2x check-jsonschema.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate import generate

BIN = Path(sys.executable).parent
REPO = Path(__file__).resolve().parents[1]
PARSE_ONLY = (
    "import sys, yaml, pathlib\n"
    "for p in sorted(pathlib.Path(sys.argv[1]).rglob('*.yaml')):\n"
    "    yaml.load(p.read_bytes(), Loader=yaml.CSafeLoader)\n"
)


def best_of(runs: int, cmd: list[str]) -> float:
    """The fastest of `runs` wall-clock timings of `cmd`, which must succeed."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True)
        elapsed = time.perf_counter() - start
        if proc.returncode not in (0, 1) or "Traceback" in proc.stderr:
            sys.exit(f"{cmd[0]} failed:\n{proc.stdout}\n{proc.stderr}")
        best = min(best, elapsed)
    return best


def measure(n: int, shape: str) -> bool:
    """Print the figures of one shape; True if its goals are met."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "okrs"
        count = generate(n, root, shape=shape)
        okr_files = sorted(str(p) for p in root.glob("*/*.yaml"))
        size = sum(p.stat().st_size for p in root.rglob("*.yaml")) / 1024 / 1024
        print(f"[{shape}] {count} key results in {len(okr_files) + 1} files ({size:.1f} MiB)")
        parse = best_of(3, [sys.executable, "-c", PARSE_ONLY, str(root)])
        validate = best_of(3, [str(BIN / "okrs"), "validate", str(root), "--format", "json"])
        check = best_of(
            1,
            [
                str(BIN / "check-jsonschema"),
                "--schemafile",
                str(REPO / "schema/okrs.schema.json"),
                *okr_files,
            ],
        )
    print(f"  parse-only (CSafeLoader)   {parse:7.2f} s")
    print(f"  okrs validate              {validate:7.2f} s")
    print(f"  check-jsonschema           {check:7.2f} s")
    print(f"  validate / parse-only      {validate / parse:7.2f}x   (goal <= 2.0x)")
    print(f"  validate / check-jsonschema{validate / check:7.2f}x   (goal <= 0.2x)")
    return validate / parse <= 2.0 and validate / check <= 0.2


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    shapes = sys.argv[2:] or ["tree", "flat"]
    results = [measure(n, shape) for shape in shapes]
    ok = all(results)
    print("goals met" if ok else "GOALS NOT MET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
