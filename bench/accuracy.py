"""Measure the coaching linter on a labelled corpus of KR statements.

    python bench/accuracy.py                       # tests/data/kr_real.tsv, dev split
    python bench/accuracy.py --split blind         # counts only: no blind text is printed
    python bench/accuracy.py --split dev --misses  # list the dev statements it gets wrong

The corpus is a TSV with columns label, text, source, split (dev, blind, blind2, ...), note. Labels:
output, activity, binary, input (the output family: OKR101/102/103/108 should fire), outcome,
kpi, outside_control, too_far (the family should stay quiet) and learning (output-shaped on
purpose: neither a hit nor a false alarm, left out).

It prints precision and recall of the output family per split, and a per-rule confusion table:
for each label, how many statements got each family code. "strict" counts a hit only when the
rule the label names fired (output -> OKR101, activity -> OKR102, binary -> OKR103, input ->
OKR108); "family" counts any family code. Output and activity sit close (publishing 12
articles is both), so "output|activity" also accepts OKR101 for activity and OKR102 for output.
Texts of blind rows are printed only with --misses --reveal-blind, which the lead passes only
once the blind figure has been recorded.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path

from okrs_as_code.config import LintConfig
from okrs_as_code.lint import OUTPUT_FAMILY, lint_statement

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "tests" / "data" / "kr_real.tsv"
POSITIVE = {"output", "activity", "binary", "input"}
STRICT = {"output": "OKR101", "activity": "OKR102", "binary": "OKR103", "input": "OKR108"}
CLOSE = {"output": {"OKR101", "OKR102"}, "activity": {"OKR101", "OKR102"}}
FAMILY = ("OKR101", "OKR102", "OKR103", "OKR108")


def read(path: Path) -> list[dict[str, str]]:
    """The corpus rows; a file without a split column counts as all dev."""
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    for row in rows:
        row["split"] = (row.get("split") or "dev").strip() or "dev"
        row["label"] = (row.get("label") or "").strip()
    return [r for r in rows if r["label"] and r.get("text")]


def family(text: str) -> set[str]:
    """The output-family codes the linter gives a statement."""
    return {d.code for d in lint_statement(text, LintConfig())} & OUTPUT_FAMILY


def measure(rows: list[dict[str, str]], name: str, show: bool) -> None:
    tp = fp = fn = 0
    strict_hit = close_hit = 0
    confusion: dict[str, Counter[str]] = {}
    misses: list[str] = []
    for row in rows:
        label = row["label"]
        if label == "learning":
            continue
        codes = family(row["text"])
        flagged = bool(codes)
        actual = label in POSITIVE
        tp += flagged and actual
        fp += flagged and not actual
        fn += actual and not flagged
        table = confusion.setdefault(label, Counter())
        table["n"] += 1
        for code in codes:
            table[code] += 1
        if not codes:
            table["none"] += 1
        if actual:
            strict_hit += STRICT[label] in codes
            close_hit += bool(codes & CLOSE.get(label, {STRICT[label]}))
        wrong_rule = actual and flagged and not codes & CLOSE.get(label, {STRICT[label]})
        if flagged != actual or wrong_rule:
            kind = "missed" if actual and not flagged else "other rule" if actual else "false alarm"
            misses.append(
                f"  {kind:11} {label:15} {','.join(sorted(codes)) or '-':15} {row['text']}"
            )
    positives = sum(1 for r in rows if r["label"] in POSITIVE)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    total = sum(c["n"] for c in confusion.values())
    print(f"== {name}: {total} statements, {positives} output-shaped")
    print(
        f"output family: precision {precision:.3f} ({tp}/{tp + fp})"
        f"  recall {recall:.3f} ({tp}/{tp + fn})"
    )
    if positives:
        print(
            f"rule named by the label: strict {strict_hit}/{positives}"
            f" ({strict_hit / positives:.3f}), output|activity {close_hit}/{positives}"
            f" ({close_hit / positives:.3f})"
        )
    header = f"  {'label':16}{'n':>5}" + "".join(f"{c:>8}" for c in (*FAMILY, "none"))
    print(header)
    for label in sorted(confusion, key=lambda k: (k not in POSITIVE, k)):
        counts = confusion[label]
        cells = "".join(f"{counts[c]:>8}" for c in (*FAMILY, "none"))
        print(f"  {label:16}{counts['n']:>5}{cells}")
    if show:
        print("\n".join(sorted(misses)) or "  (no misses)")
    print()


def _blind(split: str) -> bool:
    """Blind splits (blind, blind2, ...) print counts only unless --reveal-blind is given."""
    return split.startswith("blind")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument(
        "--split",
        default="dev",
        help="a split name from the corpus (dev, blind, blind2, ...) or 'all' (default: dev)",
    )
    parser.add_argument("--misses", action="store_true", help="list statements it gets wrong")
    parser.add_argument(
        "--reveal-blind", action="store_true", help="with --misses, also list blind statements"
    )
    args = parser.parse_args(argv)
    rows = read(args.corpus)
    found = sorted({r["split"] for r in rows}, key=lambda s: (_blind(s), s))
    if args.split != "all" and args.split not in found:
        parser.error(f"no split {args.split!r} in {args.corpus} (it has {', '.join(found)})")
    splits = found if args.split == "all" else [args.split]
    for split in splits:
        chosen = [r for r in rows if r["split"] == split]
        show = args.misses and (not _blind(split) or args.reveal_blind)
        measure(chosen, f"{args.corpus.name} [{split}]", show)
    if args.split == "all":
        measure(rows, f"{args.corpus.name} [all]", False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
