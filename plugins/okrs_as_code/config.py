"""Lint configuration: `[tool.okrs]` in pyproject.toml, or the same keys in the mkdocs plugin.

Keys (all optional):
    select = ["OKR1", "OKR203"]      codes or code prefixes to run (default: all)
    ignore = ["OKR202"]              codes or prefixes to skip
    severity = {OKR104 = "info"}     per-code severity: error, warning or info
    output_verbs = ["roll out"]      extra delivery verbs for OKR101
    stale_days = 14                  OKR301: days without a check-in in an active cycle
    as_of = 2026-11-20               the date progress and staleness are computed on
    root = "okrs"                    the OKR root, relative to the pyproject.toml (CLI only)
"""

from __future__ import annotations

import datetime as dt
import difflib
import tomllib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .diagnostics import Severity

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

KEYS = ("select", "ignore", "severity", "output_verbs", "stale_days", "as_of", "root")


class ConfigError(Exception):
    """The configuration cannot be used; the message names the file and the key."""


@dataclass(frozen=True, slots=True)
class LintConfig:
    """Which rules run, how severe they are, and their parameters."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    output_verbs: tuple[str, ...] = ()
    stale_days: int = 14
    as_of: dt.date | None = None
    source: str | None = None
    """Where the configuration came from, for messages."""

    def enabled(self, code: str) -> bool:
        """True if the rule `code` runs under this configuration."""
        if self.select and not any(code.startswith(s) for s in self.select):
            return False
        return not any(code.startswith(i) for i in self.ignore)

    def today(self) -> dt.date:
        """The date findings and progress are computed on."""
        return self.as_of or dt.date.today()


def _strings(value: Any, key: str, source: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{source}: {key} must be a list of strings")
    return tuple(value)


def config_from_mapping(data: Mapping[str, Any], source: str) -> LintConfig:
    """Build a configuration from `[tool.okrs]`-shaped data; ConfigError if it is wrong."""
    for key in data:
        if key not in KEYS:
            close = difflib.get_close_matches(key, KEYS, n=1, cutoff=0.6)
            hint = f"; did you mean {close[0]!r}?" if close else f"; known keys: {', '.join(KEYS)}"
            raise ConfigError(f"{source}: unknown key {key!r}{hint}")
    codes = [c.upper() for c in _strings(data.get("select", []), "select", source)]
    ignore = [c.upper() for c in _strings(data.get("ignore", []), "ignore", source)]
    for code in (*codes, *ignore):
        if not code.startswith("OKR"):
            raise ConfigError(
                f"{source}: {code!r} is not a rule code or prefix such as OKR1 or OKR101"
            )
    severity: dict[str, Severity] = {}
    raw_severity = data.get("severity", {})
    if not isinstance(raw_severity, dict):
        raise ConfigError(f"{source}: severity must be a table of CODE = level")
    for code, level in raw_severity.items():
        try:
            severity[str(code).upper()] = Severity(str(level).lower())
        except ValueError:
            raise ConfigError(
                f"{source}: severity of {code} must be error, warning or info, not {level!r}"
            ) from None
    stale_days = data.get("stale_days", 14)
    if not isinstance(stale_days, int) or isinstance(stale_days, bool) or stale_days < 1:
        raise ConfigError(f"{source}: stale_days must be a whole number of days, at least 1")
    root = data.get("root")
    if root is not None and (not isinstance(root, str) or not root.strip()):
        raise ConfigError(f'{source}: root must be a folder path such as "okrs"')
    as_of = data.get("as_of")
    if isinstance(as_of, str):
        try:
            as_of = dt.date.fromisoformat(as_of)
        except ValueError:
            raise ConfigError(f"{source}: as_of must be a date written YYYY-MM-DD") from None
    if as_of is not None and not isinstance(as_of, dt.date):
        raise ConfigError(f"{source}: as_of must be a date written YYYY-MM-DD")
    if isinstance(as_of, dt.datetime):
        as_of = as_of.date()
    verbs = tuple(
        v.strip().lower() for v in _strings(data.get("output_verbs", []), "output_verbs", source)
    )
    return LintConfig(
        select=tuple(codes),
        ignore=tuple(ignore),
        severity=severity,
        output_verbs=verbs,
        stale_days=stale_days,
        as_of=as_of,
        source=source,
    )


def find_pyproject(start: Path) -> Path | None:
    """The nearest pyproject.toml at or above `start` that has a [tool.okrs] table."""
    for folder in (start.resolve(), *start.resolve().parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            try:
                with candidate.open("rb") as f:
                    if "okrs" in tomllib.load(f).get("tool", {}):
                        return candidate
            except (OSError, tomllib.TOMLDecodeError):
                return candidate  # reported properly by load_pyproject_config
    return None


def load_pyproject_config(start: Path) -> LintConfig:
    """The configuration from the nearest pyproject.toml with [tool.okrs], else defaults."""
    path = find_pyproject(start)
    if path is None:
        return LintConfig()
    try:
        with path.open("rb") as f:
            document = tomllib.load(f)
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{path}: {e}") from None
    except OSError as e:
        raise ConfigError(f"{path}: cannot read: {e.strerror}") from None
    return config_from_mapping(document.get("tool", {}).get("okrs", {}), f"{path} [tool.okrs]")


def find_root(start: Path) -> Path | None:
    """The OKR root for a command run in `start`, found the way ruff finds its configuration.

    Walking up from `start`, the first folder that settles it wins: a pyproject.toml whose
    [tool.okrs] names a `root`, a folder that holds organization.yaml (the root itself), or
    a folder with okrs/organization.yaml. ConfigError if a pyproject.toml cannot be read.
    """
    here = start.resolve()
    for folder in (here, *here.parents):
        if any((folder / n).is_file() for n in ("organization.yaml", "organization.yml")):
            return folder
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            try:
                with candidate.open("rb") as f:
                    table = tomllib.load(f).get("tool", {}).get("okrs", {})
            except tomllib.TOMLDecodeError as e:
                raise ConfigError(f"{candidate}: {e}") from None
            except OSError as e:
                raise ConfigError(f"{candidate}: cannot read: {e.strerror}") from None
            root = table.get("root") if isinstance(table, dict) else None
            if isinstance(root, str) and root.strip():
                return folder / root
        if any((folder / "okrs" / n).is_file() for n in ("organization.yaml", "organization.yml")):
            return folder / "okrs"
    return None
