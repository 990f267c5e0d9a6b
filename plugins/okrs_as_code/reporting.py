"""Reporters: diagnostics as text, JSON, GitHub workflow commands or SARIF."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from . import __version__
from .diagnostics import Severity
from .escaping import for_json, for_terminal, path_uri, workflow_data, workflow_property

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence

    from .diagnostics import Diagnostic

FORMATS = ("text", "json", "github", "sarif")

_COLOURS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def summary(diagnostics: Sequence[Diagnostic]) -> str:
    """One line that counts errors, warnings and infos, or says that all is well."""
    counts = {s: 0 for s in Severity}
    accepted = 0
    for d in diagnostics:
        if d.accepted is not None:
            accepted += 1
        else:
            counts[d.severity] += 1
    parts = [
        _plural(counts[Severity.ERROR], "error"),
        _plural(counts[Severity.WARNING], "warning"),
    ]
    if counts[Severity.INFO]:
        parts.append(_plural(counts[Severity.INFO], "info"))
    if accepted:
        parts.append(f"{accepted} accepted")
    if not any(counts.values()):
        return "All checks passed" + (f" ({accepted} accepted)" if accepted else "") + "."
    return "Found " + ", ".join(parts) + "."


def render_text(
    diagnostics: Sequence[Diagnostic], *, colour: bool = False, context: str = "", **_: Any
) -> str:
    """`path:line:col: CODE message`, one per line, then a summary line."""
    lines = []
    for d in diagnostics:
        if d.accepted is not None:
            continue
        where = f"{for_terminal(d.loc.path)}:{d.loc.line}:{d.loc.col}:"
        message = for_terminal(d.message)
        level = "" if d.severity is Severity.ERROR else f" [{d.severity.value}]"
        if colour:
            code = f"{_COLOURS[d.severity]}{_BOLD}{d.code}{_RESET}"
            lines.append(f"{_BOLD}{where}{_RESET} {code} {message}{_DIM}{level}{_RESET}")
        else:
            lines.append(f"{where} {d.code} {message}{level}")
    lines.append(summary(diagnostics) + context)
    return "\n".join(lines)


def _as_dict(d: Diagnostic) -> dict[str, Any]:
    return {
        "path": for_json(d.loc.path),
        "line": d.loc.line,
        "column": d.loc.col,
        "code": d.code,
        "name": d.name,
        "severity": d.severity.value,
        "message": for_json(d.message),
        "term": d.term,
        "accepted": d.accepted,
        "subject": d.subject,
    }


def render_json(diagnostics: Sequence[Diagnostic], **_: Any) -> str:
    """A JSON object: the summary counts and every diagnostic, one diagnostic per line.

    Each diagnostic is encoded by the C encoder (an indented dump goes through the pure-Python
    one, a third of `okrs validate --format json` on a large organization).
    """
    summary = {
        "errors": sum(d.severity is Severity.ERROR for d in diagnostics),
        "warnings": sum(d.severity is Severity.WARNING and d.accepted is None for d in diagnostics),
        "infos": sum(d.severity is Severity.INFO and d.accepted is None for d in diagnostics),
        "accepted": sum(d.accepted is not None for d in diagnostics),
    }
    items = ",\n    ".join(json.dumps(_as_dict(d), ensure_ascii=False) for d in diagnostics)
    body = f"[\n    {items}\n  ]" if diagnostics else "[]"
    return f'{{\n  "version": 1,\n  "summary": {json.dumps(summary)},\n  "diagnostics": {body}\n}}'


_GITHUB_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def render_github(diagnostics: Sequence[Diagnostic], **_: Any) -> str:
    """GitHub Actions workflow commands, which GitHub shows on the pull request's lines."""
    lines = []
    for d in diagnostics:
        if d.accepted is not None:
            continue
        props = ",".join(
            f"{k}={workflow_property(str(v))}"
            for k, v in (
                ("file", d.loc.path),
                ("line", d.loc.line),
                ("col", d.loc.col),
                ("title", f"{d.code} {d.name}"),
            )
        )
        lines.append(f"::{_GITHUB_LEVELS[d.severity]} {props}::{workflow_data(d.message)}")
    lines.append(summary(diagnostics))
    return "\n".join(lines)


_SARIF_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def render_sarif(
    diagnostics: Sequence[Diagnostic],
    *,
    rules: Mapping[str, tuple[str, str]] | None = None,
    **_: Any,
) -> str:
    """SARIF 2.1.0, for code-scanning dashboards. `rules` maps code -> (name, summary)."""
    rules = rules or {}
    codes = sorted({d.code for d in diagnostics})
    driver_rules = [
        {
            "id": code,
            "name": rules.get(code, ("", ""))[0]
            or next(d.name for d in diagnostics if d.code == code),
            "shortDescription": {"text": rules.get(code, ("", code))[1] or code},
        }
        for code in codes
    ]
    results = []
    for d in diagnostics:
        result: dict[str, Any] = {
            "ruleId": d.code,
            "level": _SARIF_LEVELS[d.severity],
            "message": {"text": for_json(d.message)},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": path_uri(d.loc.path)},
                        "region": {"startLine": d.loc.line, "startColumn": d.loc.col},
                    }
                }
            ],
        }
        if d.accepted is not None:
            result["suppressions"] = [{"kind": "inSource", "justification": d.accepted}]
        results.append(result)
    return json.dumps(
        {
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "okrs-as-code",
                            "version": __version__,
                            "rules": driver_rules,
                        }
                    },
                    "results": results,
                }
            ],
        },
        indent=2,
    )


RENDERERS: dict[str, Callable[..., str]] = {
    "text": render_text,
    "json": render_json,
    "github": render_github,
    "sarif": render_sarif,
}
