"""The one entry point into the core: check an OKR root and say how it went.

`check` serves `okrs validate`, the MkDocs plugin and `okrs diff` alike: load (strict YAML,
schema, references), then coach (lint), then decide the exit status. Files with errors are not
coached: findings on half-read records ("has no baseline" for a baseline that was rejected)
would only add noise.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .diagnostics import Severity
from .lint import lint_okrs
from .loading import load_okrs, load_sources

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from pathlib import Path

    from .config import LintConfig
    from .diagnostics import Diagnostic
    from .loading import Loaded, Source
    from .model import OkrSet

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2
"""Exit codes: clean (warnings allowed), errors (or warnings under --strict), usage or I/O."""


def exit_status(diagnostics: Iterable[Diagnostic], *, strict: bool = False) -> int:
    """EXIT_FAIL if any open diagnostic is an error (or a warning under strict), else EXIT_OK."""
    for d in diagnostics:
        if d.accepted is not None:
            continue
        if d.severity is Severity.ERROR or (strict and d.severity is Severity.WARNING):
            return EXIT_FAIL
    return EXIT_OK


@dataclass(frozen=True, slots=True)
class CheckResult:
    """The OKR set (None if it could not be read), every diagnostic, and the exit status."""

    okrs: OkrSet | None
    diagnostics: tuple[Diagnostic, ...]
    strict: bool = False

    @property
    def exit_status(self) -> int:
        """EXIT_OK or EXIT_FAIL, as `okrs validate` exits."""
        return exit_status(self.diagnostics, strict=self.strict)

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        """The data errors (never acknowledged, always failing)."""
        return tuple(d for d in self.diagnostics if d.severity is Severity.ERROR)

    @property
    def findings(self) -> tuple[Diagnostic, ...]:
        """The lint findings, acknowledged or not."""
        return tuple(d for d in self.diagnostics if d.severity is not Severity.ERROR)

    @property
    def scope(self) -> str:
        """What was checked, for summary lines: "2 OKR files, 3 key results"."""
        if self.okrs is None:
            return ""
        n_files = len(self.okrs.files)
        n_krs = sum(1 for _ in self.okrs.key_results())
        files = "OKR file" if n_files == 1 else "OKR files"
        krs = "key result" if n_krs == 1 else "key results"
        return f"{n_files} {files}, {n_krs} {krs}"


def check(root: Path, config: LintConfig, *, strict: bool = False) -> CheckResult:
    """Load, check and coach the OKRs under `root`."""
    okrs, diagnostics = load_okrs(root)
    return _coach(okrs, diagnostics, config, strict)


def check_sources(
    root_display: str,
    sources: Iterable[Source],
    config: LintConfig,
    *,
    strict: bool = False,
    memo: dict[tuple[str, str], Loaded] | None = None,
) -> CheckResult:
    """`check` over files from anywhere (a git revision, say); see `loading.load_sources`."""
    okrs, diagnostics = load_sources(root_display, sources, memo)
    return _coach(okrs, diagnostics, config, strict)


def _coach(
    okrs: OkrSet | None, diagnostics: Sequence[Diagnostic], config: LintConfig, strict: bool
) -> CheckResult:
    if okrs is None:
        return CheckResult(None, tuple(diagnostics), strict)
    broken = {d.loc.path for d in diagnostics}
    findings = [d for d in lint_okrs(okrs, config) if d.loc.path not in broken]
    ordered = sorted([*diagnostics, *findings], key=lambda d: d.sort_key)
    return CheckResult(okrs, tuple(ordered), strict)
