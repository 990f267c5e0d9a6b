"""The whole OKR set with computed progress, health, score and open findings, as data.

JSON follows `schema/export.schema.json`; CSV has one row per key result with the columns in
`CSV_COLUMNS` (documented in README: they are public API, only ever added to at the end).
Confidential objectives are left out unless asked for, and so are references to them.
"""

from __future__ import annotations

import csv
import io
import re
from typing import TYPE_CHECKING, Any

from .progress import kr_progress, objective_progress
from .urls import initiative_path, kr_path, objective_path

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable

    from .diagnostics import Diagnostic
    from .model import Cycle, Initiative, KeyResult, Objective, OkrSet
    from .progress import Progress

CSV_COLUMNS = (
    "cycle", "team", "objective", "key_result", "ref", "objective_title", "title", "kr_team",
    "owner", "metric", "unit", "baseline", "target", "target_change", "direction", "weight",
    "current", "last_checkin", "confidence", "kind", "progress_percent", "expected_percent",
    "health", "score", "score_source", "objective_progress_percent", "objective_health",
    "open_findings", "finding_codes", "visibility", "url", "file", "line",
)  # fmt: skip


def _number(value: float | None) -> float | int | None:
    if value is None:
        return None
    if float(value).is_integer() and abs(value) < 1e15:
        return int(value)
    return round(float(value), 6)


def _progress(p: Progress) -> dict[str, Any]:
    return {
        "kind": p.kind,
        "percent": p.percent,
        "raw": None if p.raw is None else round(p.raw, 6),
        "expected_percent": p.expected_percent,
        "health": p.health,
        "health_label": p.health_label,
        "confidence": _number(p.confidence),
        "score": _number(p.score),
        "score_source": p.score_source,
        "met": p.met,
        "measured": p.measured,
        "total": p.total,
    }


def _finding(d: Diagnostic) -> dict[str, Any]:
    return {
        "code": d.code, "name": d.name, "severity": d.severity.value, "message": d.message,
        "term": d.term, "file": d.loc.path, "line": d.loc.line, "column": d.loc.col,
    }  # fmt: skip


def _cycle(c: Cycle, on: dt.date) -> dict[str, Any]:
    return {
        "id": c.id, "title": c.title, "start": c.start.isoformat(), "end": c.end.isoformat(),
        "state": _state(c, on), "expected_percent": round(c.elapsed(on) * 100),
    }  # fmt: skip


def _state(cycle: Cycle, on: dt.date) -> str:
    if on < cycle.start:
        return "upcoming"
    return "closed" if cycle.is_closed(on) else "running"


class _Exporter:
    def __init__(
        self, okrs: OkrSet, findings: Iterable[Diagnostic], on: dt.date, confidential: bool
    ) -> None:
        self.okrs = okrs
        self.on = on
        self.confidential = confidential
        self.findings: dict[str, list[Diagnostic]] = {}
        for d in findings:
            if d.accepted is None and d.subject is not None:
                self.findings.setdefault(d.subject, []).append(d)
        self.hidden = {
            f"{o.cycle}/{o.ref}" for o in okrs.objectives() if o.confidential and not confidential
        }

    def visible(self, cycle: str, ref: str) -> bool:
        return "/".join([cycle, *ref.split("/")[:2]]) not in self.hidden

    def found(self, url: str) -> list[dict[str, Any]]:
        # A finding names its subject by the page path without the trailing slash.
        return [_finding(d) for d in self.findings.get(url.rstrip("/"), ())]

    def objective(self, o: Objective) -> dict[str, Any]:
        cycle = self.okrs.organization.cycle(o.cycle)
        assert cycle is not None
        url = objective_path(o)
        carried = o.carried_from
        if carried is not None and carried in self.hidden:
            carried = None
        return {
            "ref": f"{o.cycle}/{o.ref}", "cycle": o.cycle, "team": o.team, "id": o.id,
            "title": o.title,
            "description": o.description, "type": o.type, "owner": list(o.owner),
            "visibility": o.visibility,
            "aligns_with": [r for r in o.aligns_with if self.visible(o.cycle, r)],
            "carried_from": carried,
            "progress": _progress(objective_progress(o, cycle, self.on)),
            "findings": self.found(url),
            "key_results": [self.key_result(k, cycle) for k in o.key_results],
            "initiatives": [self.initiative(i) for i in o.initiatives],
            "url": url, "file": o.path, "line": o.loc.line,
        }  # fmt: skip

    def key_result(self, k: KeyResult, cycle: Cycle) -> dict[str, Any]:
        url = kr_path(k)
        last = k.last_checkin
        note = k.last_note
        return {
            "ref": f"{k.cycle}/{k.ref}", "id": k.id, "title": k.title, "description": k.description,
            "team": k.owned_by, "owner": list(k.owner), "metric": k.metric, "unit": k.unit,
            "baseline": _number(k.baseline), "target": _number(k.target),
            "target_change": k.target_change, "direction": k.effective_direction,
            "weight": _number(k.weight), "current": _number(k.current),
            "checkins": len(k.checkins),
            "last_checkin": last.date.isoformat() if last is not None else None,
            "last_note": note.note if note is not None else None,
            "progress": _progress(kr_progress(k, cycle, self.on)),
            "findings": self.found(url),
            "url": url, "file": k.path, "line": k.loc.line,
        }  # fmt: skip

    def initiative(self, i: Initiative) -> dict[str, Any]:
        url = initiative_path(i)
        return {
            "ref": f"{i.cycle}/{i.ref}", "id": i.id, "title": i.title, "status": i.status,
            "owner": list(i.owner), "key_results": list(i.key_results), "links": list(i.links),
            "findings": self.found(url),
            "url": url, "file": i.path, "line": i.loc.line,
        }  # fmt: skip


def export_data(
    okrs: OkrSet,
    findings: Iterable[Diagnostic],
    on: dt.date,
    include_confidential: bool = False,
) -> dict[str, Any]:
    """The export as JSON-ready data (see schema/export.schema.json)."""
    ex = _Exporter(okrs, findings, on, include_confidential)
    org = okrs.organization
    return {
        "format": "okrs-export",
        "version": 1,
        "organization": org.name,
        "as_of": on.isoformat(),
        "include_confidential": include_confidential,
        "cycles": [_cycle(c, on) for c in org.cycles],
        "teams": [{"id": t.id, "name": t.name, "parent": t.parent} for t in org.teams],
        "objectives": [
            ex.objective(o) for o in okrs.objectives() if include_confidential or not o.confidential
        ],
    }


_NUMBERISH = re.compile(r"[-+]?[0-9.]+%?")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        value = "; ".join(str(v) for v in value)
    text = str(value)
    # A spreadsheet runs a cell that starts with = + - @ as a formula: text from YAML must
    # not be able to (OWASP "CSV injection"); numbers and "+25%" stay as they are.
    if text[:1] in ("=", "@", "\t", "\r") or (
        text[:1] in ("+", "-") and not _NUMBERISH.fullmatch(text)
    ):
        return "'" + text
    return text


def export_csv(data: dict[str, Any]) -> str:
    """One row per key result, from the export data; columns as in CSV_COLUMNS."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for o in data["objectives"]:
        for k in o["key_results"]:
            p = k["progress"]
            row = {
                "cycle": o["cycle"], "team": o["team"], "objective": o["id"],
                "key_result": k["id"], "ref": k["ref"], "objective_title": o["title"],
                "title": k["title"], "kr_team": k["team"], "owner": k["owner"],
                "metric": k["metric"], "unit": k["unit"], "baseline": k["baseline"],
                "target": k["target"], "target_change": k["target_change"],
                "direction": k["direction"], "weight": k["weight"], "current": k["current"],
                "last_checkin": k["last_checkin"], "confidence": p["confidence"],
                "kind": p["kind"], "progress_percent": p["percent"],
                "expected_percent": p["expected_percent"], "health": p["health"],
                "score": p["score"], "score_source": p["score_source"],
                "objective_progress_percent": o["progress"]["percent"],
                "objective_health": o["progress"]["health"],
                "open_findings": len(k["findings"]),
                "finding_codes": [f["code"] for f in k["findings"]],
                "visibility": o["visibility"], "url": k["url"], "file": k["file"],
                "line": k["line"],
            }  # fmt: skip
            writer.writerow([_cell(row[c]) for c in CSV_COLUMNS])
    return out.getvalue()
