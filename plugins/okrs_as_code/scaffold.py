"""A new OKR repository, written from the templates in `data/init/` (`okrs init`).

The repository validates and builds with `mkdocs build --strict` as written. Its OKR files
name their JSON Schema with a relative modeline (`../../schema/okrs.schema.json`), and the
schemas shipped in the package are written into `schema/` beside them, so that editors find
them without a clone of okrs-as-code. Nothing is ever overwritten: if any file to be written
exists, nothing is written.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

from . import __version__
from .editing import write_all
from .schema import SCHEMA_NAMES, schema_path

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable
    from pathlib import Path


@dataclass(frozen=True)
class Quarter:
    """A calendar quarter: the first cycle of a new repository."""

    id: str
    start: dt.date
    end: dt.date

    @classmethod
    def of(cls, day: dt.date) -> Quarter:
        """The quarter that holds `day`."""
        q = (day.month - 1) // 3
        start = dt.date(day.year, 3 * q + 1, 1)
        end = (
            dt.date(day.year + 1, 1, 1) if q == 3 else dt.date(day.year, 3 * q + 4, 1)
        ) - dt.timedelta(days=1)
        return cls(f"{day.year}-Q{q + 1}", start, end)


def _templates() -> Traversable:
    return resources.files(__package__).joinpath("data", "init")


def _walk(folder: Traversable, prefix: str = "") -> list[tuple[str, Traversable]]:
    found: list[tuple[str, Traversable]] = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        name = entry.name.removeprefix("dot-")
        name = f".{name}" if entry.name.startswith("dot-") else name
        if entry.is_dir():
            found.extend(_walk(entry, f"{prefix}{name}/"))
        elif not name.endswith((".pyc", ".pyo")):
            found.append((f"{prefix}{name}", entry))
    return found


def files(quarter: Quarter, today: dt.date) -> dict[str, bytes]:
    """Every file of a new repository: relative path -> content."""
    values = {
        "today": today.isoformat(),
        "cycle": quarter.id,
        "start": quarter.start.isoformat(),
        "end": quarter.end.isoformat(),
        "version": __version__,
    }
    out: dict[str, bytes] = {}
    for rel, entry in _walk(_templates()):
        text = entry.read_text(encoding="utf-8")
        for key, value in values.items():
            text = text.replace("{{" + key + "}}", value)
        out[rel.replace("/CYCLE/", f"/{quarter.id}/")] = text.encode("utf-8")
    for name in SCHEMA_NAMES:
        out[f"schema/{name}.schema.json"] = schema_path(name).read_bytes()
    return dict(sorted(out.items()))


def existing(target: Path, planned: dict[str, bytes]) -> list[str]:
    """The planned files that exist already in `target`."""
    return [rel for rel in planned if (target / rel).exists() or (target / rel).is_symlink()]


def write(target: Path, planned: dict[str, bytes]) -> None:
    """Write every planned file (none of which exists), all or none."""
    write_all([(target / rel, data, None) for rel, data in planned.items()])
