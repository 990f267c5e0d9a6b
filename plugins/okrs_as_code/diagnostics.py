"""Findings and errors, each pointing at a place in a file."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Severity(enum.Enum):
    """How much a diagnostic matters; errors always fail validation."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True, order=True)
class Loc:
    """A place in a file: path as given to the loader, 1-based line and column."""

    path: str
    line: int = 1
    col: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """An error or a lint finding at a location, with a message that says what to do."""

    loc: Loc
    code: str
    name: str
    message: str
    severity: Severity = Severity.ERROR
    term: str | None = None
    """The glossary term the finding teaches, if any."""
    accepted: str | None = None
    """The reason given in `accept:` when the team acknowledged this finding."""
    subject: str | None = field(default=None, compare=False)
    """The reference of the objective, KR or initiative the finding is about (team/obj/kr)."""

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.loc.path, self.loc.line, self.loc.col, self.code)


class DataError(Exception):
    """Raised when data cannot be loaded; carries every diagnostic that was found."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = sorted(diagnostics, key=lambda d: d.sort_key)
        super().__init__("\n".join(f"{d.loc}: {d.code} {d.message}" for d in self.diagnostics))
