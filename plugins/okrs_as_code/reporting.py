"""Reporters: diagnostics as text, JSON, GitHub workflow commands or SARIF, chosen by name."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from . import __version__
from .diagnostics import Severity
from .escaping import for_json, for_terminal, path_uri, workflow_data, workflow_property
from .rules import all_codes
from .urls import REVIEW

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from .diagnostics import Diagnostic
    from .rules import RuleDoc

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
# Without a site to link to, rules link to the project's page (where the rules are listed).
PROJECT_URL = "https://pypi.org/project/okrs-as-code/"


def site_base(site_url: str | None) -> str | None:
    """The site's URL ending in a slash, so that page paths can follow it; None if unset."""
    if not site_url:
        return None
    return site_url if site_url.endswith("/") else site_url + "/"


def fingerprint(d: Diagnostic) -> str:
    """What identifies a finding across unrelated edits: its code and what it is about, never
    its line (lines move when anything above them changes) nor numbers in its message."""
    what = d.subject if d.subject is not None else f"{d.loc.path}\0{d.message}"
    # surrogateescape: a file name that is not UTF-8 hashes as its bytes.
    return hashlib.sha256(f"{d.code}\0{what}".encode("utf-8", "surrogateescape")).hexdigest()[:32]


def _rule_help(doc: RuleDoc) -> tuple[str, str]:
    """A rule's help as plain text and as Markdown: why, example, better, fix."""
    text = [doc.summary + "."]
    markdown = [f"**{doc.code} {doc.name}**: {doc.summary}."]
    if doc.why:
        text.append(doc.why)
        markdown.append(doc.why)
    if doc.example:
        text.append("Example:\n" + doc.example)
        markdown.append("Example:\n\n```yaml\n" + doc.example + "\n```")
    if doc.better:
        text.append("Use instead:\n" + doc.better)
        markdown.append("Use instead:\n\n```yaml\n" + doc.better + "\n```")
    if doc.fix:
        text.append("How to fix: " + doc.fix)
        markdown.append("**How to fix:** " + doc.fix)
    return "\n\n".join(text), "\n\n".join(markdown)


def _sarif_rule(code: str, doc: RuleDoc | None, fallback_name: str, site_url: str | None) -> Any:
    rule: dict[str, Any] = {"id": code, "name": doc.name if doc else fallback_name}
    if doc is None:
        rule["shortDescription"] = {"text": code}
        return rule
    text, markdown = _rule_help(doc)
    rule.update(
        {
            "shortDescription": {"text": doc.summary},
            "fullDescription": {"text": doc.why or doc.summary},
            "help": {"text": text, "markdown": markdown},
            "helpUri": f"{site_url}{REVIEW}#{code.lower()}" if site_url else PROJECT_URL,
            "defaultConfiguration": {"level": _SARIF_LEVELS[doc.severity]},
            "properties": {
                "tags": ["okrs", "data-error" if code.startswith("OKR0") else "coaching"]
            },
        }
    )
    return rule


def render_sarif(
    diagnostics: Sequence[Diagnostic],
    *,
    site_url: str | None = None,
    **_: Any,
) -> str:
    """SARIF 2.1.0 for GitHub code scanning: rules with help, stable fingerprints, and
    acknowledged findings as suppressions."""
    site_url = site_base(site_url)
    docs = all_codes()
    codes = sorted({d.code for d in diagnostics})
    index = {code: i for i, code in enumerate(codes)}
    driver_rules = [
        _sarif_rule(
            code, docs.get(code), next(d.name for d in diagnostics if d.code == code), site_url
        )
        for code in codes
    ]
    results = []
    for d in diagnostics:
        result: dict[str, Any] = {
            "ruleId": d.code,
            "ruleIndex": index[d.code],
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
            "partialFingerprints": {"okrsFinding/v1": fingerprint(d)},
        }
        if d.accepted is not None:
            result["suppressions"] = [
                {"kind": "inSource", "status": "accepted", "justification": d.accepted}
            ]
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
                            "semanticVersion": __version__,
                            "informationUri": site_url or PROJECT_URL,
                            "rules": driver_rules,
                        }
                    },
                    "columnKind": "unicodeCodePoints",
                    "results": results,
                }
            ],
        },
        indent=2,
        ensure_ascii=False,
    )


RENDERERS: dict[str, Callable[..., str]] = {
    "text": render_text,
    "json": render_json,
    "github": render_github,
    "sarif": render_sarif,
}


@dataclass(frozen=True, slots=True)
class Report:
    """What a command reports: its diagnostics, what was checked, and where the site is."""

    diagnostics: Sequence[Diagnostic]
    scope: str = ""
    """What was checked, for the summary line: "2 OKR files, 3 key results"."""
    site_url: str | None = None


class Reporter(Protocol):
    """Turns a report into the text a user or a tool reads."""

    @property
    def name(self) -> str:
        """The format's name, as `--format` takes it."""
        ...

    def render(self, report: Report) -> str:
        """The whole output."""
        ...


@dataclass(frozen=True, slots=True)
class _Renderer:
    """A reporter made of one of the render functions above."""

    name: str
    colour: bool = False

    def render(self, report: Report) -> str:
        context = f" ({report.scope})" if report.scope else ""
        return RENDERERS[self.name](
            report.diagnostics, colour=self.colour, context=context, site_url=report.site_url
        )


def reporter(name: str, *, colour: bool = False) -> Reporter:
    """The reporter called `name` (one of FORMATS); KeyError for an unknown one."""
    if name not in RENDERERS:
        raise KeyError(name)
    return _Renderer(name, colour=colour and name == "text")
