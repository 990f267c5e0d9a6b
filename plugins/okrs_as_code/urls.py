"""The public URL scheme of the site (DESIGN section 5), in one place.

People paste these URLs into chats, so they are public API, stable as long as ids are. Page
paths are relative to the site root and end with a slash (`2026-Q4/checkout/`); lint findings
name their subject by the same path without the trailing slash. Everything that needs a page's
address (the site's pages and links, lint findings, the alignment diagram, `okrs diff`) asks
this module.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import Initiative, KeyResult, Objective

GLOSSARY = "glossary/"
REVIEW = "review/"
RESERVED = frozenset({GLOSSARY.rstrip("/"), REVIEW.rstrip("/")})
"""Top-level names that cannot be cycle ids, since a cycle's page would take their place."""

KEY_RESULTS = "key-results"
INITIATIVES = "initiatives"


def cycle_path(cycle: str) -> str:
    """The page path of a cycle: `2026-Q4/`."""
    return f"{cycle}/"


def team_path(cycle: str, team: str) -> str:
    """The page path of a team in a cycle: `2026-Q4/checkout/`."""
    return f"{cycle}/{team}/"


def objective_path_of(cycle: str, team: str, objective: str) -> str:
    """The page path of an objective given its ids."""
    return f"{cycle}/{team}/{objective}/"


def kr_path_of(cycle: str, team: str, objective: str, kr: str) -> str:
    """The page path of a key result given its ids."""
    return f"{cycle}/{team}/{objective}/{KEY_RESULTS}/{kr}/"


def initiative_path_of(cycle: str, team: str, objective: str, initiative: str) -> str:
    """The page path of an initiative given its ids."""
    return f"{cycle}/{team}/{objective}/{INITIATIVES}/{initiative}/"


def objective_path(objective: Objective) -> str:
    """The page path of an objective."""
    return objective_path_of(objective.cycle, objective.team, objective.id)


def kr_path(kr: KeyResult) -> str:
    """The page path of a key result (under the objective's team, whoever owns it)."""
    return kr_path_of(kr.cycle, kr.team, kr.objective, kr.id)


def initiative_path(initiative: Initiative) -> str:
    """The page path of an initiative."""
    return initiative_path_of(
        initiative.cycle, initiative.team, initiative.objective, initiative.id
    )


def ref_path(cycle: str, ref: str) -> str:
    """The page path named by an `aligns_with` reference (team/objective[/kr]) in a cycle."""
    parts = ref.split("/")
    if len(parts) == 3:
        return kr_path_of(cycle, *parts)
    return f"{cycle}/{ref}/"


def objective_path_above(path: str) -> str:
    """The objective's page path for the path of it, one of its KRs or its initiatives."""
    return "/".join(path.split("/")[:3]) + "/"


def subject(path: str) -> str:
    """How a lint finding names the page it is about: the path without its trailing slash."""
    return path.rstrip("/")


def page_url(path: str, *, directory_urls: bool = True) -> str:
    """The URL of a page path relative to the site root, as MkDocs will write it."""
    if directory_urls:
        return path or "./"
    return f"{path}index.html"
