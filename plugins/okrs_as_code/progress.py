"""Progress, expected progress, health and score (DESIGN section 3)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    import datetime as dt

    from .model import Cycle, KeyResult, Objective

Health = Literal["on_track", "at_risk", "off_track", "not_started", "closed", "not_measurable"]

HEALTH_LABELS: dict[Health, str] = {
    "on_track": "On track",
    "at_risk": "At risk",
    "off_track": "Off track",
    "not_started": "Not started",
    "closed": "Closed",
    "not_measurable": "Not measurable",
}

# Health compares progress with the share of the cycle elapsed: a gap of up to 15 points is
# on track, more than 35 points is off track. A low confidence from the owner overrides a good
# number: people see trouble before the metric does.
ON_TRACK_GAP = 0.15
OFF_TRACK_GAP = 0.35
AT_RISK_CONFIDENCE = 0.5
OFF_TRACK_CONFIDENCE = 0.3


@dataclass(frozen=True, slots=True)
class Progress:
    """Progress of a key result or an objective on a given date."""

    raw: float | None
    """Unclamped progress: 1.0 at target, may be below 0 or above 1; None if not measurable."""
    expected: float
    """Share of the cycle elapsed, 0.0 to 1.0."""
    confidence: float | None
    health: Health
    score: float | None
    """Google-style score 0.0-1.0, once the cycle is closed."""

    @property
    def value(self) -> float | None:
        """Progress clamped to 0.0-1.0, as shown."""
        return None if self.raw is None else min(1.0, max(0.0, self.raw))

    @property
    def percent(self) -> int | None:
        """Progress as a whole percentage, clamped."""
        return None if self.value is None else round(self.value * 100)

    @property
    def expected_percent(self) -> int:
        """Expected progress as a whole percentage."""
        return round(self.expected * 100)

    @property
    def health_label(self) -> str:
        """Health in words."""
        return HEALTH_LABELS[self.health]


def kr_raw_progress(kr: KeyResult) -> float | None:
    """(current - baseline) / (target - baseline); thresholds are 1.0 while they hold."""
    if kr.baseline is None or kr.target is None:
        return None
    current = kr.current
    if current is None:
        current = kr.baseline
    direction = kr.effective_direction
    if direction == "at_least" and current >= kr.target:
        return 1.0
    if direction == "at_most" and current <= kr.target:
        return 1.0
    if kr.target == kr.baseline:
        # A threshold that does not hold, or a KPI that never asked for change.
        return 0.0 if direction in ("at_least", "at_most") else None
    return (current - kr.baseline) / (kr.target - kr.baseline)


def _health(
    raw: float | None, expected: float, confidence: float | None, cycle: Cycle, on: dt.date
) -> Health:
    if raw is None:
        return "not_measurable"
    if cycle.is_closed(on):
        return "closed"
    if on < cycle.start:
        return "not_started"
    gap = expected - min(1.0, raw)
    if gap > OFF_TRACK_GAP or (confidence is not None and confidence < OFF_TRACK_CONFIDENCE):
        return "off_track"
    if gap > ON_TRACK_GAP or (confidence is not None and confidence < AT_RISK_CONFIDENCE):
        return "at_risk"
    return "on_track"


def _score(raw: float | None, cycle: Cycle, on: dt.date) -> float | None:
    if raw is None or not cycle.is_closed(on):
        return None
    return round(min(1.0, max(0.0, raw)), 1)


def kr_progress(kr: KeyResult, cycle: Cycle, on: dt.date) -> Progress:
    """Progress of one key result on date `on`."""
    raw = kr_raw_progress(kr)
    expected = cycle.elapsed(on)
    confidence = kr.confidence
    return Progress(
        raw,
        expected,
        confidence,
        _health(raw, expected, confidence, cycle, on),
        _score(raw, cycle, on),
    )


def objective_progress(objective: Objective, cycle: Cycle, on: dt.date) -> Progress:
    """Weight-averaged progress of the objective's measurable key results."""
    total = weighted = 0.0
    conf_total = conf_weighted = 0.0
    for kr in objective.key_results:
        raw = kr_raw_progress(kr)
        if raw is not None and kr.weight > 0:
            total += kr.weight
            weighted += kr.weight * min(1.0, max(0.0, raw))
        confidence = kr.confidence
        if confidence is not None and kr.weight > 0:
            conf_total += kr.weight
            conf_weighted += kr.weight * confidence
    raw_objective = weighted / total if total else None
    confidence_avg = conf_weighted / conf_total if conf_total else None
    expected = cycle.elapsed(on)
    return Progress(
        raw_objective,
        expected,
        confidence_avg,
        _health(raw_objective, expected, confidence_avg, cycle, on),
        _score(raw_objective, cycle, on),
    )
