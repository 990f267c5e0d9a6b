"""Every page's nav stays small, whatever the theme and its features.

Material draws the whole nav into every page unless `navigation.prune` is on; with it, the
open section still lists all its children. With thousands of team pages (or 800 teams directly
under the company) that is thousands of links on each of thousands of pages: quadratic build
time and size. Here, before the theme draws a page, the OKR sections of the nav are trimmed for
that page: a closed section keeps only its index page (the section still links to it), and an
open section with many children keeps its index, the open child and a link to the index page,
which lists them all. Sections of hand-written pages are left as they are.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from mkdocs.structure.nav import Link, Section

if TYPE_CHECKING:
    from collections.abc import Callable

    from mkdocs.structure.nav import Navigation

# An open section shows all its children up to this many; past it, only the way down.
MAX_CHILDREN = 30


class _More(Link):
    """ "… N more" at the end of a trimmed section, linking to the section's index page."""

    def __init__(self, title: str, url: str, parent: Any) -> None:
        super().__init__(title, url)
        self.parent = parent


def _first_page(section: Section) -> Any:
    first = section.children[0] if section.children else None
    while isinstance(first, Section):
        first = first.children[0] if first.children else None
    return first


def trimmed_nav(
    nav: Navigation, is_ours: Callable[[Any], bool], *, siblings: bool = True
) -> Navigation:
    """A shallow copy of `nav` whose OKR sections (`is_ours(first page)`) are trimmed for the
    page being drawn (the one MkDocs marked active).

    With `siblings` false (pages below the nav: objectives, key results, initiatives), an open
    section keeps only the way down to the page, so the nav shows where the page is at the
    cost of a handful of links, whatever the size of the organization.
    """
    limit = MAX_CHILDREN if siblings else 0
    items = [_trim(item, is_ours, limit) for item in nav.items]
    view = copy.copy(nav)
    view.items = items
    return view


def _trim(item: Any, is_ours: Callable[[Any], bool], limit: int = MAX_CHILDREN) -> Any:
    if not isinstance(item, Section):
        return item
    first = item.children[0] if item.children else None
    if not is_ours(_first_page(item)):
        return item
    view = copy.copy(item)
    if not item.active:
        # Closed: the index page only, so the section's title still links somewhere.
        view.children = [first] if first is not None and not isinstance(first, Section) else []
        return view
    children = item.children
    if len(children) <= limit:
        view.children = [_trim(child, is_ours, limit) for child in children]
        return view
    kept = [c for c in children if c is first or getattr(c, "active", False)]
    view.children = [_trim(child, is_ours, limit) for child in kept]
    index_url = getattr(first, "url", None)
    more = len(children) - len(kept)
    if index_url is not None and more > 0:
        view.children.append(_More(f"… {more} more", index_url, view))
    return view
