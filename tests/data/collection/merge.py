"""Append a collector's TSV to tests/data/kr_real.tsv under a split, by MERGE_RULES.md.

    python tests/data/collection/merge.py blind2 blind_a.tsv blind_b.tsv

It prints counts only (never a statement), so a blind file can be merged unread.
"""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent
LABELS = {
    "output", "activity", "binary", "input", "outcome", "kpi", "outside_control", "too_far",
    "learning",
}  # fmt: skip
# From the collectors' own reports (MERGE_RULES.md), fixed before any blind row was read.
NON_ENGLISH = (
    "aqilputi/tengoku",
    "CXY-Katrina/workspace",
    "dasalazarr/dental-concierge",
    "0Undertaker0/smart-vial",
    "d-masaoka/blog",
)
NOT_A_TEAM = ("dtekluva/CNI-SAMPLE",)
DROP_SITES = ("se.wikimedia.org", "torproject")
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def _key(text: str) -> str:
    return " ".join(text.lower().split())


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def _drop_reason(label: str, text: str, source: str, seen: set[str], used: set[str]) -> str | None:
    if label not in LABELS:
        return "label"
    if not text:
        return "empty"
    if any(s in source for s in NON_ENGLISH) or CJK.search(text):
        return "not English"
    if any(s in source for s in NOT_A_TEAM):
        return "not a team"
    if any(s in source for s in DROP_SITES):
        return "site dropped"
    if _key(text) in seen:
        return "already in a corpus"
    if source in used:
        return "source already used"
    return None


def main(argv: list[str]) -> int:
    split, paths = argv[0], [Path(p) for p in argv[1:]]
    seen: set[str] = set()
    for name in ("kr_real.tsv", "kr_corpus.tsv", "kr_blind.tsv", "seed_examples.tsv"):
        seen |= {_key(r["text"]) for r in _read(DATA / name)}
    used = {r["source"] for r in _read(DATA / "kr_real.tsv")}
    rows: list[list[str]] = []
    dropped: Counter[str] = Counter()
    for path in paths:
        for row in _read(path):
            text = " ".join((row.get("text") or "").split())
            source = (row.get("source") or "").strip()
            label = (row.get("label") or "").strip()
            reason = _drop_reason(label, text, source, seen, used)
            if reason is not None:
                dropped[reason] += 1
                continue
            seen.add(_key(text))
            note = " ".join((row.get("note") or "").split())
            rows.append([label, text, source, split, note])
    with (DATA / "kr_real.tsv").open("a", encoding="utf-8", newline="") as f:
        f.writelines("\t".join(row) + "\n" for row in rows)
    print(f"{split}: appended {len(rows)} rows; dropped {dict(dropped)}")
    print("labels:", dict(Counter(row[0] for row in rows)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
