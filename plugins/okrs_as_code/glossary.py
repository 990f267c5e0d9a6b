"""The glossary of the method: the reference terms shipped with the package, plus the
organization's own `glossary.yaml`, which adds terms or replaces them by name."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from .model import build_glossary

if TYPE_CHECKING:
    from collections.abc import Iterable

    from .model import GlossaryTerm


@cache
def reference_glossary() -> tuple[GlossaryTerm, ...]:
    """The reference glossary shipped in the package (checked against the glossary schema)."""
    from .diagnostics import DataError, Diagnostic
    from .loading import load_document

    path = Path(str(resources.files(__package__).joinpath("data", "glossary.yaml")))
    problems: list[Diagnostic] = []
    document = load_document(path, str(path), "glossary", problems.append)
    if problems or document is None:
        raise DataError(problems)
    return build_glossary(str(path), document)


def merge(
    reference: Iterable[GlossaryTerm], own: Iterable[GlossaryTerm]
) -> tuple[GlossaryTerm, ...]:
    """Reference terms with the organization's added or replacing them (by term, any case),
    sorted alphabetically."""
    terms = {t.term.casefold(): t for t in reference}
    for t in own:
        terms[t.term.casefold()] = t
    return tuple(sorted(terms.values(), key=lambda t: t.term.strip('"').casefold()))


def lookup(terms: Iterable[GlossaryTerm], name: str) -> GlossaryTerm | None:
    """The term called `name` or having it as an alias (any case)."""
    key = name.casefold()
    for t in terms:
        if t.term.casefold() == key or any(a.casefold() == key for a in t.aliases):
            return t
    return None
