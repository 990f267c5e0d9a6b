"""Time `okrs lint-text` per statement over the labelled corpora, against a baseline.

    python bench/lint_text.py [ROUNDS]      (default 5)

Reads every statement of tests/data/*.tsv except blind-split rows (texts only),
then times, in the same run and on the same texts:
- the baseline: str.lower().split() of each statement, the least any reading of it costs;
- lint_statement: what `okrs lint-text` runs for each statement (wording analysis, rules,
  messages), with the configuration it uses by default.
The best of ROUNDS rounds is kept for each, since the machine is shared and noisy. Prints
ms/statement for both and their ratio, and the whole command `okrs lint-text -` with every
statement on standard input, start-up included, divided by the number of statements.
Goal (issue 8): under 1 ms/statement.
"""

from __future__ import annotations

import csv
import subprocess
import sys
import time
from pathlib import Path

from okrs_as_code.config import LintConfig
from okrs_as_code.lint import lint_statement

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"


def statements() -> list[str]:
    """Every statement text in the corpora, in file order."""
    texts: list[str] = []
    for path in sorted(DATA.glob("*.tsv")):
        with path.open(encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
            texts.extend(
                row["text"] for row in reader if row.get("text") and row.get("split") != "blind"
            )
    return texts


def best_per_statement(rounds: int, texts: list[str], run: object) -> float:
    """The fastest round's time per statement, in milliseconds."""
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for text in texts:
            run(text)  # type: ignore[operator]
        best = min(best, time.perf_counter() - start)
    return best / len(texts) * 1000


def main() -> int:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    texts = statements()
    config = LintConfig()
    lint_statement(texts[0], config)  # load lexicons and rule docs outside the timing
    baseline = best_per_statement(rounds, texts, lambda t: t.lower().split())
    lint = best_per_statement(rounds, texts, lambda t: lint_statement(t, config))
    print(f"{len(texts)} statements, best of {rounds} rounds")
    print(f"baseline str.lower().split(): {baseline:.4f} ms/statement")
    print(f"okrs lint-text (lint_statement): {lint:.4f} ms/statement ({lint / baseline:.0f}x)")
    command = [str(Path(sys.executable).parent / "okrs"), "lint-text", "-"]
    stdin = "\n".join(t.replace("\n", " ") for t in texts)
    whole = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        subprocess.run(command, input=stdin, capture_output=True, text=True, check=False)
        whole = min(whole, time.perf_counter() - start)
    per = whole / len(texts) * 1000
    print(f"okrs lint-text - (whole command, start-up included): {per:.4f} ms/statement")
    print("goal: under 1 ms/statement:", "met" if max(lint, per) < 1 else "NOT met")
    return 0 if max(lint, per) < 1 else 1


if __name__ == "__main__":
    sys.exit(main())
