"""Progress, expected progress, health and score (DESIGN section 3).

A key result's progress is one of five kinds, decided by what its data says:

- `metric`: a start value (baseline, or the first check-in's value) and a target (absolute or
  relative): progress = (current - start) / (target - start).
- `threshold`: a target with direction at_least/at_most: met while the condition holds; without
  a baseline it is simply met or not met.
- `reported`: check-ins report percent complete; the figure is the owner's judgement.
- `graded`: no progress figure, but the team graded the KR at the end of the cycle (`score`).
- `none`: no numbers at all; the KR shows its latest status note, never a 0 %.

A KR with numbers but no check-in yet is `pending`: neutral, and left out of every average.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable

    from .model import Cycle, KeyResult, Objective

Kind = Literal["metric", "threshold", "reported", "graded", "pending", "none"]
Health = Literal["on_track", "at_risk", "off_track", "not_started", "closed", "no_data"]
ScoreSource = Literal["team", "computed"]

HEALTH_LABELS: dict[Health, str] = {
    "on_track": "On track",
    "at_risk": "At risk",
    "off_track": "Off track",
    "not_started": "Not started",
    "closed": "Closed",
    "no_data": "No data yet",
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

    kind: Kind
    raw: float | None
    """Unclamped progress: 1.0 at target, may be below 0 or above 1; None without a figure."""
    expected: float
    """Share of the cycle elapsed, 0.0 to 1.0."""
    confidence: float | None
    health: Health
    score: float | None = None
    """0.0-1.0 once the cycle is closed: the team's own grade where given, else computed."""
    score_source: ScoreSource | None = None
    met: bool | None = None
    """For thresholds: whether the condition holds on the latest value."""
    measured: int = 0
    """How many key results the figure covers (1 or 0 for a key result)."""
    total: int = 1
    """How many key results there are (1 for a key result)."""
    graded: int = 0
    """How many key results the score covers."""

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

    @property
    def coverage(self) -> str:
        """How many key results an average covers: "4 of 6 measured"."""
        return f"{self.measured} of {self.total} measured"


def kr_kind(kr: KeyResult) -> Kind:
    """Which kind of progress the key result's data supports (see the module docstring)."""
    has_target = kr.target is not None or kr.target_change is not None
    if has_target and any(c.value is not None for c in kr.checkins):
        if kr.target is not None and kr.effective_direction in ("at_least", "at_most"):
            return "threshold"
        # A target equal to the start asks for no change (a KPI, OKR105): no figure.
        return "metric" if kr.goal != kr.start_value else "none"
    if kr.reported_progress is not None:
        return "reported"
    if kr.score is not None:
        return "graded"
    return "pending" if has_target else "none"


def kr_raw_progress(kr: KeyResult) -> float | None:
    """Unclamped progress of a key result, or None when it has no figure (module docstring)."""
    return _raw(kr, kr_kind(kr))


def _raw(kr: KeyResult, kind: Kind) -> float | None:
    if kind == "reported":
        reported = kr.reported_progress
        return None if reported is None else reported / 100
    if kind == "graded":
        return kr.score
    current, goal, start = kr.current, kr.goal, kr.start_value
    if current is None or goal is None:
        return None
    if kind == "threshold":
        if _holds(kr, current, goal):
            return 1.0
        if kr.baseline is None or kr.baseline == goal:
            return 0.0
        return (current - kr.baseline) / (goal - kr.baseline)
    if kind == "metric" and start is not None and goal != start:
        return (current - start) / (goal - start)
    return None


def _holds(kr: KeyResult, current: float, goal: float) -> bool:
    return current >= goal if kr.effective_direction == "at_least" else current <= goal


def _health(
    raw: float | None, expected: float, confidence: float | None, cycle: Cycle, on: dt.date
) -> Health:
    if cycle.is_closed(on):
        return "closed"
    if on < cycle.start:
        return "not_started"
    if raw is None:
        # Without a figure, the owner's confidence is the only signal; absent that, no data.
        if confidence is None:
            return "no_data"
        raw = expected
    gap = expected - min(1.0, raw)
    if gap > OFF_TRACK_GAP or (confidence is not None and confidence < OFF_TRACK_CONFIDENCE):
        return "off_track"
    if gap > ON_TRACK_GAP or (confidence is not None and confidence < AT_RISK_CONFIDENCE):
        return "at_risk"
    return "on_track"


def as_of(kr: KeyResult, on: dt.date) -> KeyResult:
    """The key result as it stood on `on`: check-ins dated later are not known yet."""
    if not kr.checkins or kr.checkins[-1].date <= on:
        return kr
    return replace(kr, checkins=tuple(c for c in kr.checkins if c.date <= on))


def kr_progress(kr: KeyResult, cycle: Cycle, on: dt.date) -> Progress:
    """Progress of one key result on date `on` (check-ins after it do not count)."""
    kr = as_of(kr, on)
    kind = kr_kind(kr)
    raw = _raw(kr, kind)
    expected = cycle.elapsed(on)
    confidence = kr.confidence
    score: float | None = None
    source: ScoreSource | None = None
    if cycle.is_closed(on):
        if kr.score is not None:
            score, source = kr.score, "team"
        elif raw is not None:
            score, source = round(min(1.0, max(0.0, raw)), 1), "computed"
    met = None
    health = _health(raw, expected, confidence, cycle, on)
    if kind == "threshold" and kr.current is not None and kr.goal is not None:
        met = _holds(kr, kr.current, kr.goal)
        if kr.baseline is None and health in ("on_track", "at_risk", "off_track"):
            # Without a baseline there is no planned path to fall behind: a threshold is on
            # track while it holds and at risk while it does not, unless the owner says worse.
            low = confidence is not None and confidence < OFF_TRACK_CONFIDENCE
            health = "on_track" if met else ("off_track" if low else "at_risk")
    return Progress(
        kind,
        raw,
        expected,
        confidence,
        health,
        score,
        source,
        met,
        measured=int(raw is not None),
        total=1,
        graded=int(score is not None),
    )


def objective_progress(objective: Objective, cycle: Cycle, on: dt.date) -> Progress:
    """Weight-averaged progress of the objective's measured key results."""
    krs = [kr_progress(kr, cycle, on) for kr in objective.key_results]
    return combine(krs, [kr.weight for kr in objective.key_results], cycle, on, objective.score)


def combine(
    parts: Iterable[Progress],
    weights: Iterable[float],
    cycle: Cycle,
    on: dt.date,
    team_score: float | None = None,
) -> Progress:
    """The weighted average of several progresses, counting only those with a figure.

    The score is the team's own grade where given, else the average of the parts' scores.
    """
    total = weighted = 0.0
    conf_total = conf_weighted = 0.0
    score_total = score_weighted = 0.0
    measured = graded = count = 0
    for p, weight in zip(parts, weights, strict=True):
        count += 1
        if p.raw is not None:
            measured += 1
            if weight > 0:
                total += weight
                weighted += weight * min(1.0, max(0.0, p.raw))
        if p.confidence is not None and weight > 0:
            conf_total += weight
            conf_weighted += weight * p.confidence
        if p.score is not None:
            graded += 1
            if weight > 0:
                score_total += weight
                score_weighted += weight * p.score
    raw = weighted / total if total else None
    confidence = conf_weighted / conf_total if conf_total else None
    expected = cycle.elapsed(on)
    score: float | None = None
    source: ScoreSource | None = None
    if cycle.is_closed(on):
        if team_score is not None:
            score, source = team_score, "team"
        elif score_total:
            score, source = round(score_weighted / score_total, 1), "computed"
    return Progress(
        "metric" if raw is not None else "none",
        raw,
        expected,
        confidence,
        _health(raw, expected, confidence, cycle, on),
        score,
        source,
        measured=measured,
        total=count,
        graded=graded,
    )
