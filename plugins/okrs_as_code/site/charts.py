"""The check-in history of a key result as an inline SVG chart, drawn at build time.

The chart needs no JavaScript: time runs across the cycle, the baseline and the target are
horizontal lines, the planned path joins them, and each check-in is a point with its own
tooltip. Colours come from CSS classes (okrs.css), so the light and dark palettes both apply.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

from .views import format_confidence, format_date, format_number, format_value

if TYPE_CHECKING:
    from ..model import Cycle, KeyResult

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 64, 20, 18, 30


def _nice_step(span: float) -> float:
    """A round tick step giving three to six ticks over `span` (finite and positive)."""
    raw = span / 4
    magnitude = 10.0 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude


# More month lines than this are unreadable at chart width; a cycle spanning years gets none.
MAX_MONTHS = 24


def _month_starts(start: dt.date, end: dt.date) -> list[dt.date]:
    months: list[dt.date] = []
    day = dt.date(start.year, start.month, 1)
    while day <= end:
        if day >= start:
            months.append(day)
            if len(months) > MAX_MONTHS:
                return []
        if day.year == dt.MAXYEAR and day.month == 12:
            break
        day = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return months


def _axis(values: list[float], share: bool = False) -> tuple[float, float, float, float]:
    """(scale, low, high, step) of the value axis, in units of `scale`.

    Values are divided by a power of ten first, so that spans near the float limits (1e308)
    stay finite and values near 1e17, whose spacing is coarser than any useful step, still
    give distinct, bounded ticks.
    """
    biggest = max(abs(v) for v in values)
    scale = 10.0 ** math.floor(math.log10(biggest)) if biggest >= 1e6 else 1.0
    scaled = [v / scale for v in values]
    low, high = min(scaled), max(scaled)
    if math.isclose(low, high, rel_tol=1e-9, abs_tol=1e-9):
        low, high = low - 1, high + 1
    step = _nice_step(high - low)
    low = math.floor(low / step) * step
    high = math.ceil(high / step) * step
    if math.isclose(high, max(scaled)):
        high += step
    if share:
        low, high = max(low, 0.0), min(high, 100.0)
    return scale, low, high, step


def _hline(cls: str, y: float) -> str:
    return f'<line class="{cls}" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y}" y2="{y}"/>'


def _vline(cls: str, x: float) -> str:
    return f'<line class="{cls}" x1="{x}" x2="{x}" y1="{TOP}" y2="{HEIGHT - BOTTOM}"/>'


def _text(cls: str, x: float, y: float, text: str, anchor: str = "start") -> str:
    """An SVG text element; `text` must be escaped already when it may hold data."""
    y = round(y, 1)
    return f'<text class="{cls}" x="{x}" y="{y}" text-anchor="{anchor}">{text}</text>'


def checkin_chart(kr: KeyResult, cycle: Cycle, on: dt.date, chart_id: str = "okrs-chart") -> Markup:
    """The SVG chart of a key result's check-ins; empty when no check-in has a value."""
    points = [(c.date, c.value, c.confidence) for c in kr.checkins if c.value is not None]
    if not points:
        return Markup("")
    unit = kr.unit
    first = min(cycle.start, points[0][0])
    last = max(cycle.end, points[-1][0])
    days = max(1, (last - first).days + 1)

    baseline, target = kr.start_value, kr.goal
    values = [v for _, v, _ in points]
    values += [v for v in (baseline, target) if v is not None]
    # A share never runs past 100 % or below 0 %, so neither does its axis.
    share = unit == "%" and min(values) >= 0 and max(values) <= 100
    scale, low, high, step = _axis(values, share)

    plot_w = WIDTH - LEFT - RIGHT
    plot_h = HEIGHT - TOP - BOTTOM

    def x(day: dt.date) -> float:
        return round(LEFT + plot_w * ((day - first).days + 0.5) / days, 1)

    def y_scaled(value: float) -> float:
        return round(TOP + plot_h * (1 - (value - low) / (high - low)), 1)

    def y(value: float) -> float:
        return y_scaled(value / scale)

    latest = points[-1]
    summary = [f"latest {format_value(latest[1], unit)} on {format_date(latest[0])}"]
    if baseline is not None:
        summary.append(f"baseline {format_value(baseline, unit)}")
    if target is not None:
        summary.append(f"target {format_value(target, unit)}")
    title = f"Check-ins of “{kr.title}”: " + ", ".join(summary)
    desc = "; ".join(f"{format_date(d)}: {format_value(v, unit)}" for d, v, _ in points)

    out: list[str] = [
        f'<svg class="okrs-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" data-search-exclude>',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>',
    ]
    # Grid and value axis.
    # Ticks by index, never by accumulation: at most a dozen whatever the floats do.
    for i in range(min(12, round((high - low) / step)) + 1):
        tick = low + i * step
        out.append(_hline("okrs-chart__grid", y_scaled(tick)))
        tick_value = round(tick, 6) * scale
        if math.isfinite(tick_value):  # an axis end past the float range (1.8e308) has no label
            number = format_number(tick_value)
            out.append(_text("okrs-chart__tick", LEFT - 8, y_scaled(tick) + 4, number, "end"))
    # Time axis: the first day of each month in the cycle.
    for month in _month_starts(first, last):
        out.append(_vline("okrs-chart__grid okrs-chart__grid--month", x(month)))
        out.append(_text("okrs-chart__tick", x(month) + 4, HEIGHT - 10, f"{month:%b}"))
    # Baseline, target and the planned path between them.
    right = WIDTH - RIGHT - 4
    if baseline is not None and kr.effective_direction not in ("at_least", "at_most"):
        by = y(baseline)
        out.append(_hline("okrs-chart__baseline", by))
        word = "Baseline" if kr.baseline is not None else "Start"
        label = escape(f"{word} {format_value(baseline, unit)}")
        out.append(_text("okrs-chart__label", right, by - 5, label, "end"))
    if target is not None:
        ty = y(target)
        out.append(_hline("okrs-chart__target", ty))
        bound = {"at_least": "At least", "at_most": "At most"}.get(kr.effective_direction or "")
        label = escape(f"{bound or 'Target'} {format_value(target, unit)}")
        target_class = "okrs-chart__label okrs-chart__label--target"
        out.append(_text(target_class, right, ty - 5, label, "end"))
        if baseline is not None and kr.effective_direction in ("increase", "decrease"):
            out.append(
                f'<line class="okrs-chart__plan" x1="{x(cycle.start)}" y1="{y(baseline)}" '
                f'x2="{x(cycle.end)}" y2="{ty}"/>'
            )
    # Where the build date falls in the cycle.
    if first <= on <= last:
        out.append(_vline("okrs-chart__today", x(on)))
    # The check-ins themselves.
    line = " ".join(f"{x(d)},{y(v)}" for d, v, _ in points)
    out.append(f'<polyline class="okrs-chart__values" points="{line}"/>')
    for d, v, confidence in points:
        tip = f"{format_date(d)}: {format_value(v, unit)}"
        if confidence is not None:
            tip += f", confidence {format_confidence(confidence)}"
        out.append(
            f'<circle class="okrs-chart__point" cx="{x(d)}" cy="{y(v)}" r="4.5">'
            f"<title>{escape(tip)}</title></circle>"
        )
    out.append("</svg>")
    return Markup("".join(out))
