"""Progress, expected progress, health and score (DESIGN section 3)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from okrs_as_code.model import CheckIn, Cycle, KeyResult, Objective
from okrs_as_code.progress import kr_progress, objective_progress

Q4 = Cycle(
    path="o.yaml",
    marks={},
    mark=None,
    id="2026-Q4",
    start=dt.date(2026, 10, 1),
    end=dt.date(2026, 12, 31),
)
MID = dt.date(2026, 11, 15)  # 46 of 92 days: half the cycle


def kr(**fields: Any) -> KeyResult:
    values = fields.pop("values", ())
    checkins = tuple(
        CheckIn(
            path="o.yaml",
            marks={},
            mark=None,
            date=dt.date(2026, 10, 1) + dt.timedelta(days=7 * i),
            value=v,
            confidence=0.8,
        )
        for i, v in enumerate(values)
    )
    return KeyResult(
        path="o.yaml",
        marks={},
        mark=None,
        cycle="2026-Q4",
        team="t",
        objective="o",
        id="k",
        title="x",
        checkins=checkins,
        **fields,
    )


@pytest.mark.parametrize(
    ("fields", "percent"),
    [
        ({"baseline": 2.1, "target": 3.5, "values": (2.8,)}, 50),
        ({"baseline": 70, "target": 60, "values": (65,)}, 50),  # decrease
        ({"baseline": 70, "target": 60, "values": (75,)}, 0),  # worse than baseline, clamped
        ({"baseline": 10, "target": 20, "values": (30,)}, 100),  # beyond target, clamped
        ({"baseline": 99.9, "target": 99.9, "direction": "at_least", "values": (99.95,)}, 100),
        ({"baseline": 99.9, "target": 99.9, "direction": "at_least", "values": (99.5,)}, 0),
        ({"baseline": 5, "target": 2, "direction": "at_most", "values": (1.8,)}, 100),
        ({"baseline": 10, "target": 20}, 0),  # no check-in yet: at the baseline
    ],
)
def test_kr_progress(fields: dict[str, Any], percent: int) -> None:
    assert kr_progress(kr(**fields), Q4, MID).percent == percent


def test_raw_progress_is_kept_unclamped() -> None:
    progress = kr_progress(kr(baseline=10, target=20, values=(30,)), Q4, MID)
    assert progress.raw == 2.0 and progress.percent == 100


def test_kr_without_numbers_is_not_measurable() -> None:
    progress = kr_progress(kr(), Q4, MID)
    assert progress.percent is None and progress.health == "not_measurable"


def test_objective_progress_is_weighted_and_health_compares_with_time() -> None:
    objective = Objective(
        path="o.yaml", marks={}, mark=None, cycle="2026-Q4", team="t", id="o", title="x",
        key_results=(kr(baseline=0, target=10, values=(10,), weight=3), kr(baseline=0, target=10, values=(0,))),
    )  # fmt: skip
    progress = objective_progress(objective, Q4, MID)
    assert progress.percent == 75
    assert progress.expected_percent == 50
    assert progress.health == "on_track"
    closed = objective_progress(objective, Q4, dt.date(2027, 1, 10))
    assert (closed.health, closed.score) == ("closed", 0.8)


def test_low_confidence_marks_a_kr_at_risk_even_on_pace() -> None:
    low = kr(baseline=0, target=10, values=(5,))
    low = KeyResult(**{**{f: getattr(low, f) for f in low.__dataclass_fields__}, "checkins": (
        CheckIn(path="o.yaml", marks={}, mark=None, date=dt.date(2026, 11, 10), value=5, confidence=0.4),
    )})  # fmt: skip
    assert kr_progress(low, Q4, MID).health == "at_risk"
