"""A cycle's alignment as a tree: each objective under the objective it supports.

An objective supports another when it, or one of its key results, names that objective or one
of its key results in `aligns_with`. An objective that supports several appears once, under
the first, and lists the others; one that supports nothing published is a root. The tree is
cut at a fixed depth so that no chain of data can make a page arbitrarily deep.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from ..urls import objective_path, ref_path
from .views import CONFIDENTIAL, AlignmentNode, Link

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..model import Objective
    from .relations import Relations
    from .views import ObjectiveView

MAX_DEPTH = 24


def _targets(objective: Objective) -> list[str]:
    """Page paths the objective and its key results align with, in the order written."""
    refs = [ref_path(objective.cycle, r) for r in objective.aligns_with]
    for kr in objective.key_results:
        refs.extend(ref_path(kr.cycle, r) for r in kr.aligns_with)
    return refs


def alignment_tree(
    relations: Relations,
    cycle: str,
    view: Callable[[Objective], ObjectiveView],
    link: Callable[[str], Link],
) -> tuple[AlignmentNode, ...]:
    """The alignment tree of a cycle's published objectives (roots in file order)."""
    objectives = relations.objectives.get(cycle, [])
    parent: dict[str, str] = {}
    via: dict[str, list[Link]] = defaultdict(list)
    also: dict[str, list[Link]] = defaultdict(list)
    for objective in objectives:
        path = objective_path(objective)
        for target in _targets(objective):
            if relations.is_hidden(target):
                if CONFIDENTIAL not in also[path]:
                    also[path].append(CONFIDENTIAL)
                continue
            target_objective = "/".join(target.split("/")[:3]) + "/"
            if target_objective not in relations.objective_at or target_objective == path:
                continue
            if path not in parent:
                parent[path] = target_objective
            if parent[path] == target_objective:
                if target != target_objective:
                    kr_link = link(target)
                    if kr_link not in via[path]:
                        via[path].append(kr_link)
            else:
                other = link(target_objective)
                if other not in also[path]:
                    also[path].append(other)

    # A loop through key-result alignments, or a chain too deep to show, starts a new root.
    for path in list(parent):
        seen = {path}
        current = parent.get(path)
        depth = 1
        while current is not None:
            if current in seen or depth > MAX_DEPTH:
                also[path].insert(0, link(parent.pop(path)))
                break
            seen.add(current)
            current = parent.get(current)
            depth += 1

    children: dict[str | None, list[Objective]] = defaultdict(list)
    for objective in objectives:
        children[parent.get(objective_path(objective))].append(objective)

    def build(objective: Objective) -> AlignmentNode:
        path = objective_path(objective)
        return AlignmentNode(
            view=view(objective),
            via=tuple(via[path]),
            also=tuple(also[path]),
            children=tuple(build(child) for child in children[path]),
        )

    return tuple(build(root) for root in children[None])
