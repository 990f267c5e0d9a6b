"""Output-vs-outcome detection on labelled statements: the seed examples and real KRs."""

from __future__ import annotations

import csv
from pathlib import Path

from okrs_as_code.config import LintConfig
from okrs_as_code.lint import lint_statement

DATA = Path(__file__).parent / "data"
# The labelled examples that came with the product brief (shared/data/seed_examples.tsv).
SEED = DATA / "seed_examples.tsv"
OUTPUT_FAMILY = {"OKR101", "OKR102", "OKR103", "OKR108"}
POSITIVE = {"output", "activity", "binary", "input"}
# Labels whose statements must get no output-family finding (unless listed and explained).
NEGATIVE = {"outcome", "kpi", "outside_control", "too_far"}
# Real teams' KRs (issue 8), labelled with a dev and a blind split. The blind split was
# measured once with bench/accuracy.py before it was studied (P 0.948, R 0.664); it joined
# these tests after that figure was recorded and its misses were studied for mechanisms.
REAL = DATA / "kr_real.tsv"
STUDIED_SPLITS = {"dev", "blind", "dev2", "blind2", "blind3"}
KNOWN_FALSE_POSITIVES = DATA / "kr_known_false_positives.tsv"
# Output-shaped real statements the linter does not flag, each with the reason.
KNOWN_MISSES = DATA / "kr_known_misses.tsv"
# The family each label must get (DESIGN section 4 and the issue's "done when").
EXPECTED = {
    "output": {"OKR101", "OKR102"},
    "activity": {"OKR101", "OKR102"},
    "binary": {"OKR103"},
    "input": {"OKR108"},
    "outside_control": {"OKR106"},
    "too_far": {"OKR107"},
    "kpi": {"OKR105"},
}


DEV_PRECISION = 0.98
DEV_RECALL = 0.98
# dev2: 137 statements from 14 sources nobody here had read, collected in the second round
# (owners n-z) and tuned on; its first figure, before any change for it, was P 0.913 R 0.778.
DEV2_PRECISION = 0.95
DEV2_RECALL = 0.86
# blind2: 289 statements from 22 sources (owners a-m), collected and labelled by two people who
# never saw the linter and merged unread. Measured once before it was read (commit 5626c2b):
# P 0.855 R 0.650, short of the issue's 0.95 / 0.90. Then studied; these are the figures after.
BLIND2_PRECISION = 0.94
BLIND2_RECALL = 0.87
# The studied real corpus (dev, blind, dev2, blind2, blind3) after all five were studied:
# P 0.972 R 0.887 (blind3's short study leaves its recall at 0.69).
REAL_PRECISION = 0.965
REAL_RECALL = 0.88


def _rows(path: Path) -> list[dict[str, str]]:
    # Texts are kept exactly as written: a quote is part of the text, not TSV quoting.
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def _codes(text: str) -> set[str]:
    return {d.code for d in lint_statement(text, LintConfig())}


def _seed_rows() -> list[dict[str, str]]:
    return _rows(SEED)


def test_every_seed_statement_gets_the_family_its_label_names() -> None:
    misses = []
    for row in _seed_rows():
        codes = _codes(row["text"])
        wanted = EXPECTED.get(row["label"])
        if wanted is not None and not codes & wanted:
            misses.append(f"{row['label']}: {row['text']} -> {sorted(codes)}")
        if row["label"] == "outcome" and codes - {"OKR104"}:
            misses.append(f"outcome flagged: {row['text']} -> {sorted(codes)}")
    assert misses == []


def _precision_recall(rows: list[dict[str, str]]) -> tuple[float, float, list[str]]:
    tp = fp = fn = 0
    wrong = []
    for row in rows:
        if row["label"] == "learning":
            continue  # output-shaped on purpose: neither a hit nor a false alarm
        flagged = bool(_codes(row["text"]) & OUTPUT_FAMILY)
        actual = row["label"] in POSITIVE
        tp += flagged and actual
        fp += flagged and not actual
        fn += actual and not flagged
        if flagged != actual:
            wrong.append(f"{row['label']}: {row['text']}")
    return tp / (tp + fp), tp / (tp + fn), wrong


def test_output_detection_on_real_statements_reaches_095() -> None:
    rows = _rows(DATA / "kr_corpus.tsv")
    assert len(rows) >= 150
    assert all(row["source"].startswith("http") for row in rows)
    precision, recall, wrong = _precision_recall(rows)
    assert precision >= 0.95 and recall >= 0.95, (precision, recall, wrong)


def test_output_detection_on_the_blind_set() -> None:
    path = DATA / "kr_blind.tsv"
    precision, recall, wrong = _precision_recall(_rows(path))
    # Collected after the rules were first written; measured blind (P 0.94, R 0.69), then its
    # misses were studied once for structural gaps (clauses, tenses, capability statements).
    assert precision >= 0.95 and recall >= 0.9, (precision, recall, wrong)


def _studied_rows() -> list[dict[str, str]]:
    """Every labelled statement the linter may be tuned on: the older corpora, the seed
    examples and the studied splits of the real teams' corpus."""
    rows = _rows(DATA / "kr_corpus.tsv") + _rows(DATA / "kr_blind.tsv") + _seed_rows()
    rows += [r for r in _rows(REAL) if r["split"] in STUDIED_SPLITS]
    return rows


def test_output_detection_on_real_teams_krs_dev_split() -> None:
    rows = [r for r in _rows(REAL) if r["split"] == "dev"]
    assert len(rows) >= 100
    precision, recall, wrong = _precision_recall(rows)
    # The figures reached on the dev split when this was written (bench/accuracy.py prints
    # them with the per-rule confusion); a change that loses either fails here.
    assert precision >= DEV_PRECISION and recall >= DEV_RECALL, (precision, recall, wrong)


def test_output_detection_on_real_teams_krs_dev2_split() -> None:
    rows = [r for r in _rows(REAL) if r["split"] == "dev2"]
    assert len(rows) >= 100
    precision, recall, wrong = _precision_recall(rows)
    assert precision >= DEV2_PRECISION and recall >= DEV2_RECALL, (precision, recall, wrong)


def test_output_detection_on_real_teams_krs_blind2_split_after_study() -> None:
    rows = [r for r in _rows(REAL) if r["split"] == "blind2"]
    assert len(rows) >= 250
    precision, recall, wrong = _precision_recall(rows)
    assert precision >= BLIND2_PRECISION and recall >= BLIND2_RECALL, (precision, recall, wrong)


# blind3: 129 statements from 9 sources (owners n-z), collected after the blind2 study with the
# linter frozen, merged unread and measured once (commit 001ce54): P 0.905 R 0.559. Then studied
# (dates, '+', capabilities, agreements signed, participle clauses of change); every miss and
# false alarm left is listed. These are the figures after the study.
BLIND3_PRECISION = 0.97
BLIND3_RECALL = 0.66


def test_output_detection_on_real_teams_krs_blind3_split_after_study() -> None:
    rows = [r for r in _rows(REAL) if r["split"] == "blind3"]
    assert len(rows) >= 100
    precision, recall, wrong = _precision_recall(rows)
    assert precision >= BLIND3_PRECISION and recall >= BLIND3_RECALL, (precision, recall, wrong)


def test_output_detection_on_the_whole_real_teams_corpus() -> None:
    rows = [r for r in _rows(REAL) if r["split"] in STUDIED_SPLITS]
    assert len(rows) >= 400
    precision, recall, wrong = _precision_recall(rows)
    # Reached after studying the blind split (bench/accuracy.py --split all prints the
    # per-rule confusion); a change that loses either fails here.
    assert precision >= REAL_PRECISION and recall >= REAL_RECALL, (precision, recall, wrong)


def test_no_real_output_shaped_kr_is_missed_unless_listed_with_a_reason() -> None:
    known = {row["text"]: row["explanation"] for row in _rows(KNOWN_MISSES)}
    assert all(reason.strip() for reason in known.values())
    unexplained, stale = [], set(known)
    for row in _rows(REAL):
        if row["split"] not in STUDIED_SPLITS or row["label"] not in POSITIVE:
            continue
        if not _codes(row["text"]) & OUTPUT_FAMILY:
            stale.discard(row["text"])
            if row["text"] not in known:
                unexplained.append(f"{row['label']}: {row['text']}")
    assert unexplained == []
    assert stale == set(), "listed as missed but now flagged"


def test_no_outcome_gets_an_output_finding_unless_listed_with_a_reason() -> None:
    known = {row["text"]: row["explanation"] for row in _rows(KNOWN_FALSE_POSITIVES)}
    assert all(reason.strip() for reason in known.values())
    unexplained, stale = [], set(known)
    for row in _studied_rows():
        if row["label"] not in NEGATIVE:
            continue
        found = _codes(row["text"]) & OUTPUT_FAMILY
        if found:
            stale.discard(row["text"])
            if row["text"] not in known:
                unexplained.append(f"{row['label']}: {row['text']} -> {sorted(found)}")
    assert unexplained == []
    assert stale == set(), "listed as false positives but no longer flagged"


def test_the_shapes_named_in_the_issue_and_common_real_shapes_are_read_right() -> None:
    # Made-up statements in the shapes real teams write (tests/data/kr_patterns.tsv, each with
    # a note): every output-shaped one flagged, no outcome flagged.
    precision, recall, wrong = _precision_recall(_rows(DATA / "kr_patterns.tsv"))
    assert (precision, recall) == (1.0, 1.0), wrong
