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
    ],
)
def test_kr_progress(fields: dict[str, Any], percent: int) -> None:
    assert kr_progress(kr(**fields), Q4, MID).percent == percent


def test_raw_progress_is_kept_unclamped() -> None:
    progress = kr_progress(kr(baseline=10, target=20, values=(30,)), Q4, MID)
    assert progress.raw == 2.0 and progress.percent == 100


def test_kr_without_numbers_has_no_figure_and_no_health_judgement() -> None:
    progress = kr_progress(kr(), Q4, MID)
    assert (progress.kind, progress.percent, progress.health) == ("none", None, "no_data")


def test_kr_with_numbers_but_no_checkin_is_pending_not_zero() -> None:
    progress = kr_progress(kr(baseline=10, target=20), Q4, MID)
    assert (progress.kind, progress.percent, progress.health) == ("pending", None, "no_data")
    closed = kr_progress(kr(baseline=10, target=20), Q4, dt.date(2027, 1, 10))
    assert closed.score is None  # no grade is invented for a KR nobody checked in


def test_checkins_are_read_in_date_order_whatever_the_file_order() -> None:
    ci = [
        CheckIn(path="o.yaml", marks={}, mark=None, date=dt.date(2026, 11, d), value=v)
        for d, v in ((10, 8.0), (1, 2.0))
    ]
    from okrs_as_code.model import _checkins

    assert [c.value for c in sorted(ci, key=lambda c: c.date)] == [2.0, 8.0]
    built = _checkins("o.yaml", [_ymap(date=c.date, value=c.value) for c in ci])
    k = kr(baseline=0, target=10)
    k = KeyResult(**{**{f: getattr(k, f) for f in k.__dataclass_fields__}, "checkins": built})
    assert k.current == 8.0 and kr_progress(k, Q4, MID).percent == 80


def _ymap(**values: Any) -> Any:
    from okrs_as_code.schema import YMap

    m = YMap(values)
    m.mark, m.marks = None, {}
    return m


@pytest.mark.parametrize(
    ("fields", "met", "percent"),
    [
        ({"target": 5, "direction": "at_least", "values": (4.1,)}, False, 0),
        ({"target": 5, "direction": "at_least", "values": (4.1, 5.2)}, True, 100),
        ({"target": 2, "direction": "at_most", "values": (1.5,)}, True, 100),
        ({"baseline": 3, "target": 5, "direction": "at_least", "values": (4,)}, False, 50),
    ],
)
def test_threshold_without_baseline_is_met_or_not_met(
    fields: dict[str, Any], met: bool, percent: int
) -> None:
    progress = kr_progress(kr(**fields), Q4, MID)
    assert (progress.kind, progress.met, progress.percent) == ("threshold", met, percent)


@pytest.mark.parametrize(
    ("change", "values", "percent"),
    [("+25%", (100, 110), 40), ("-10%", (50, 47.5), 50), ("+3", (7, 10), 100)],
)
def test_target_change_is_measured_from_the_first_checkin(
    change: str, values: tuple[float, ...], percent: int
) -> None:
    progress = kr_progress(kr(target_change=change, values=values), Q4, MID)
    assert (progress.kind, progress.percent) == ("metric", percent)


def test_target_without_baseline_starts_at_the_first_checkin() -> None:
    progress = kr_progress(kr(target=200, values=(100, 150)), Q4, MID)
    assert (progress.kind, progress.percent) == ("metric", 50)


def test_percent_complete_checkins_are_reported_progress() -> None:
    checkins = (
        CheckIn(path="o.yaml", marks={}, mark=None, date=dt.date(2026, 10, 20), progress=40),
        CheckIn(path="o.yaml", marks={}, mark=None, date=dt.date(2026, 11, 2), note="OIDC next"),
    )
    k = kr()
    k = KeyResult(**{**{f: getattr(k, f) for f in k.__dataclass_fields__}, "checkins": checkins})
    progress = kr_progress(k, Q4, MID)
    assert (progress.kind, progress.percent) == ("reported", 40)
    assert k.last_note is not None and k.last_note.note == "OIDC next"


def test_team_grade_is_preferred_over_the_computed_score() -> None:
    closed = dt.date(2027, 1, 10)
    graded = kr_progress(kr(baseline=0, target=10, values=(9,), score=0.6), Q4, closed)
    assert (graded.score, graded.score_source) == (0.6, "team")
    computed = kr_progress(kr(baseline=0, target=10, values=(9,)), Q4, closed)
    assert (computed.score, computed.score_source) == (0.9, "computed")
    only_grade = kr_progress(kr(score=0.3), Q4, closed)
    assert (only_grade.kind, only_grade.score) == ("graded", 0.3)


def test_objective_average_counts_only_measured_krs_and_says_how_many() -> None:
    objective = Objective(
        path="o.yaml", marks={}, mark=None, cycle="2026-Q4", team="t", id="o", title="x",
        key_results=(kr(baseline=0, target=10, values=(6,)), kr(baseline=0, target=10), kr()),
    )  # fmt: skip
    progress = objective_progress(objective, Q4, MID)
    assert progress.percent == 60
    assert progress.coverage == "1 of 3 measured"
    closed = objective_progress(objective, Q4, dt.date(2027, 1, 10))
    assert closed.score == 0.6 and closed.graded == 1


def test_closed_cycle_without_any_grade_has_no_score() -> None:
    objective = Objective(
        path="o.yaml", marks={}, mark=None, cycle="2026-Q4", team="t", id="o", title="x",
        key_results=(kr(), kr(baseline=0, target=10)),
    )  # fmt: skip
    closed = objective_progress(objective, Q4, dt.date(2027, 1, 10))
    assert closed.score is None and closed.percent is None


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


def test_threshold_without_baseline_is_at_risk_not_off_track_while_unmet() -> None:
    unmet = kr_progress(kr(target=5, direction="at_least", values=(2.6,)), Q4, MID)
    assert (unmet.met, unmet.health) == (False, "at_risk")
    met = kr_progress(kr(target=5, direction="at_least", values=(5.5,)), Q4, MID)
    assert (met.met, met.health) == (True, "on_track")


def test_checkins_after_the_as_of_date_do_not_count_yet() -> None:
    early = dt.date(2026, 10, 5)  # only the first weekly check-in (1 Oct) has happened
    progress = kr_progress(kr(baseline=0, target=10, values=(2, 6, 9)), Q4, early)
    assert progress.percent == 20
