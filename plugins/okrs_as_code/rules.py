"""Documentation of every public code: lint rules from data/rules.yaml, data errors from codes."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from .codes import ERRORS
from .diagnostics import Severity

if TYPE_CHECKING:
    from collections.abc import Mapping


@dataclass(frozen=True, slots=True)
class RuleDoc:
    """A rule's public code, name, default severity and its documentation."""

    code: str
    name: str
    summary: str
    severity: Severity
    message: str = ""
    """The message template (str.format placeholders documented per rule)."""
    term: str | None = None
    why: str = ""
    example: str = ""
    better: str = ""
    fix: str = ""
    readings: Mapping[str, str] = field(default_factory=dict)
    """Message templates for the ways a finding can be recognised (OKR101: a delivery verb,
    a deliverable stated as there, a noun phrase naming one, percent-complete check-ins)."""

    def message_for(self, args: Mapping[str, object]) -> str:
        """The message for one finding: the template of its reading, filled in."""
        template = self.readings.get(str(args.get("reading")), self.message)
        return template.format_map(_Defaults(args))


class _Defaults(dict[str, object]):
    """Format arguments that leave an unknown placeholder visible instead of failing."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


# Default severities: outputs and traps warn (advisory, never errors); structural hints are
# info; acknowledgements that no longer match anything warn so they do not pile up.
DEFAULT_SEVERITY = {
    "OKR101": Severity.WARNING,
    "OKR102": Severity.WARNING,
    "OKR103": Severity.WARNING,
    "OKR104": Severity.WARNING,
    "OKR105": Severity.WARNING,
    "OKR106": Severity.WARNING,
    "OKR107": Severity.WARNING,
    "OKR108": Severity.WARNING,
    "OKR109": Severity.WARNING,
    "OKR201": Severity.INFO,
    "OKR202": Severity.INFO,
    "OKR203": Severity.WARNING,
    "OKR301": Severity.WARNING,
    "OKR302": Severity.WARNING,
    "OKR303": Severity.WARNING,
    "OKR304": Severity.WARNING,
    "OKR401": Severity.WARNING,
}

_UNUSED_ACCEPT = RuleDoc(
    code="OKR401",
    name="unused-accept",
    summary="An `accept:` entry acknowledges a finding that no longer occurs",
    severity=Severity.WARNING,
    message="accept: {code} acknowledges a finding that no longer occurs here; remove it",
    term="Acknowledged finding",
    why=(
        "Acknowledgements are promises that someone looked at a finding and decided to keep "
        "the wording. When the wording changes, or the rule stops firing, a left-over entry "
        "reads as if the problem were still there and hides the next real finding of that "
        "code on the same key result."
    ),
    example='title: Move trial conversion from 4% to 6%\naccept: {OKR101: "migration KR"}',
    better="title: Move trial conversion from 4% to 6%",
    fix="Delete the entry from `accept:`.",
)


@cache
def lint_rules() -> dict[str, RuleDoc]:
    """Every lint rule, by code, with its documentation."""
    path = Path(str(resources.files(__package__).joinpath("data", "rules.yaml")))
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    rules = {}
    for entry in document["rules"]:
        code = entry["code"]
        rules[code] = RuleDoc(
            code=code,
            name=entry["name"],
            summary=entry["summary"],
            severity=DEFAULT_SEVERITY[code],
            message=entry["message"],
            term=entry.get("term"),
            why=" ".join(entry.get("why", "").split()),
            example=entry.get("example", ""),
            better=entry.get("better", ""),
            fix=" ".join(entry.get("fix", "").split()),
            readings=entry.get("readings", {}),
        )
    rules[_UNUSED_ACCEPT.code] = _UNUSED_ACCEPT
    return rules


@cache
def all_codes() -> dict[str, RuleDoc]:
    """Every public code (data errors and lint rules), by code."""
    docs = {
        e.code: RuleDoc(
            code=e.code, name=e.name, summary=e.summary, severity=Severity.ERROR, fix=e.fix
        )
        for e in ERRORS.values()
    }
    docs.update(lint_rules())
    return docs
