"""Carrying what was not achieved in one cycle over into the next.

An objective moves on when at least one of its key results was not achieved. The copy keeps
everything the team wrote (comments, quoting, Markdown) except what no longer holds: the
achieved key results, the done and dropped initiatives, the check-ins and end-of-cycle scores.
Each carried key result starts from where the old one ended (its last value becomes the
baseline; a relative target becomes the absolute goal it stood for), and `carried_from` points
back. The copy is made with ruamel.yaml from the source text and spliced into the target
file, which is created if the team has none in that cycle; nothing else in it changes.
"""

from __future__ import annotations

import copy
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from .editing import Document, Edit, EditError, Refused, after_node, dash_column, get
from .progress import kr_kind, kr_raw_progress

if TYPE_CHECKING:
    from ruamel.yaml.comments import CommentedMap

    from .model import KeyResult, Objective, OkrSet


def achieved(kr: KeyResult) -> bool:
    """True when the key result reached its target (or its owner reported it complete)."""
    kind = kr_kind(kr)
    if kind in ("metric", "threshold", "reported"):
        raw = kr_raw_progress(kr)
        return raw is not None and raw >= 1.0 - 1e-9
    if kind == "graded":
        return kr.score is not None and kr.score >= 1.0
    # No figure (status notes only) or no check-in yet: nothing says it is done.
    return False


@dataclass
class Carried:
    """One objective carried over."""

    source: Objective
    target_path: Path
    key_results: list[str]
    left_behind: list[str]
    dropped_alignments: list[str] = field(default_factory=list)
    line: int = 0


@dataclass
class Plan:
    """What a carry-over does: the objectives it carries and those it leaves behind."""

    carried: list[Carried] = field(default_factory=list)
    skipped: list[tuple[Objective, str]] = field(default_factory=list)
    """(objective, why it stays behind)."""


def _yaml(sequence: int = 4, offset: int = 2) -> YAML:
    y = YAML(typ="rt")
    y.preserve_quotes = True
    y.width = 1_000_000  # never fold a long line
    y.indent(mapping=2, sequence=sequence, offset=offset)
    return y


def _layout(text: str) -> tuple[int, int]:
    """How a file indents its lists: (sequence, offset) as ruamel.yaml counts them.

    `objectives:` then `  - id:` is (4, 2), the example's style; `- id:` under the key is (2, 0).
    """
    try:
        doc = Document(Path(), None, text)
        found = get(doc.root(), "objectives")
    except (EditError, yaml.YAMLError):
        return 4, 2
    if found is None or not isinstance(found[1], yaml.SequenceNode) or not found[1].value:
        return 4, 2
    key, items = found
    first = items.value[0]
    if getattr(items, "flow_style", False) or not isinstance(first, yaml.MappingNode):
        return 4, 2
    column = int(key.start_mark.column)
    offset = dash_column(doc, first) - column
    sequence = int(first.start_mark.column) - column
    if offset < 0 or sequence < offset + 2:
        return 4, 2
    return sequence, offset


def _number(value: float) -> float | int:
    if float(value).is_integer() and abs(value) < 1e15:
        return int(value)
    return float(f"{value:.10g}")


def plan(okrs: OkrSet, source: str, target: str, team: str | None) -> Plan:
    """Decide what moves from cycle `source` to cycle `target`; EditError if it cannot."""
    org = okrs.organization
    for cycle_id in (source, target):
        if org.cycle(cycle_id) is None:
            known = ", ".join(c.id for c in org.cycles)
            raise EditError(f"no cycle {cycle_id!r}; cycles: {known}")
    if source == target:
        raise EditError("FROM and TO are the same cycle")
    from_cycle, to_cycle = org.cycle(source), org.cycle(target)
    assert from_cycle is not None and to_cycle is not None
    if to_cycle.start <= from_cycle.start:
        raise EditError(
            f"TO must be a later cycle than FROM: {target} starts {to_cycle.start}, "
            f"{source} starts {from_cycle.start}"
        )
    if team is not None and org.team(team) is None:
        raise EditError(f"no team {team!r}")
    existing = {(o.team, o.id): o for o in okrs.objectives(target)}
    carried_already = {o.carried_from for o in okrs.objectives(target) if o.carried_from}
    result = Plan()
    clashes: list[str] = []
    for objective in okrs.objectives(source):
        if team is not None and objective.team != team:
            continue
        ref = f"{source}/{objective.ref}"
        if ref in carried_already:
            result.skipped.append((objective, "already carried over"))
            continue
        open_krs = [k.id for k in objective.key_results if not achieved(k)]
        done_krs = [k.id for k in objective.key_results if achieved(k)]
        open_work = any(i.status in ("planned", "in_progress") for i in objective.initiatives)
        if not open_krs and (objective.key_results or not open_work):
            result.skipped.append((objective, "achieved"))
            continue
        clash = existing.get((objective.team, objective.id))
        if clash is not None:
            clashes.append(
                f"{clash.loc_of('id')}: {target} already has an objective "
                f"{objective.ref!r}; carrying {ref} over would overwrite it "
                "(rename one of them, or set its carried_from)"
            )
            continue
        file = okrs.file_for(target, objective.team)
        path = (
            Path(file.path)
            if file is not None
            else Path(okrs.root, target, f"{objective.team}.yaml")
        )
        result.carried.append(Carried(objective, path, open_krs, done_krs))
    if clashes:
        raise Refused("\n".join(clashes))
    return result


def apply(edit: Edit, okrs: OkrSet, source: str, target: str, carry: Plan) -> None:
    """Write the carried objectives into their target documents (in memory)."""
    y = _yaml()
    # References that will resolve in the target cycle: what is there, plus what moves.
    valid = {o.ref for o in okrs.objectives(target)}
    valid |= {k.ref for k in okrs.key_results(target)}
    for c in carry.carried:
        valid.add(c.source.ref)
        valid |= {f"{c.source.ref}/{k}" for k in c.key_results}
    trees: dict[str, Any] = {}
    for c in carry.carried:
        src = c.source
        if src.path not in trees:
            try:
                trees[src.path] = y.load(Path(src.path).read_text(encoding="utf-8-sig"))
            except YAMLError as e:
                # The file passed validation; ruamel.yaml reads a little differently.
                raise Refused(f"{src.path}: cannot copy from this file: {e}") from None
        data = trees[src.path]
        original = next(o for o in data["objectives"] if o.get("id") == src.id)
        new = _carried_copy(original, src, source, c, valid)
        doc = edit.documents.get(c.target_path.resolve())
        if doc is None and c.target_path.exists():
            doc = edit.open(c.target_path)
        # The copy is indented as the file it goes into (a new file: as the one it came from).
        source_text = Path(src.path).read_text(encoding="utf-8-sig")
        sequence, offset = _layout(doc.text if doc is not None else source_text)
        buffer = io.StringIO()
        _yaml(sequence, offset).dump([new], buffer)
        text = buffer.getvalue()
        if doc is None:
            modeline = ""
            first = source_text.split("\n", 1)[0]
            if first.startswith("# yaml-language-server:"):
                modeline = first.rstrip("\r") + "\n"
            header = f"{modeline}version: 1\ncycle: {target}\nteam: {src.team}\nobjectives:\n"
            edit.create(c.target_path, header + text)
            c.line = header.count("\n") + 1
            continue
        c.line = _append(doc, text, offset)


def _carried_copy(
    original: CommentedMap, src: Objective, source: str, c: Carried, valid: set[str]
) -> CommentedMap:
    new: CommentedMap = copy.deepcopy(original)
    carried_from = f"{source}/{src.ref}"
    if "carried_from" in new:
        new["carried_from"] = carried_from
    else:
        new.insert(list(new).index("title") + 1, "carried_from", carried_from)
    new.pop("score", None)
    c.dropped_alignments += _filter_refs(new, valid, src.ref)
    krs = new.get("key_results")
    if krs is not None:
        by_id = {k.id: k for k in src.key_results}
        for i in reversed(range(len(krs))):
            if krs[i].get("id") not in c.key_results:
                del krs[i]
                continue
            _carry_kr(krs[i], by_id[krs[i]["id"]])
            c.dropped_alignments += _filter_refs(krs[i], valid, f"{src.ref}/{krs[i]['id']}")
        if not krs:
            del new["key_results"]
    initiatives = new.get("initiatives")
    if initiatives is not None:
        for i in reversed(range(len(initiatives))):
            item = initiatives[i]
            if item.get("status") in ("done", "dropped"):
                del initiatives[i]
                continue
            moves = item.get("key_results")
            if moves:
                for j in reversed(range(len(moves))):
                    if moves[j] not in c.key_results:
                        del moves[j]
                if not moves:
                    del initiatives[i]
        if not initiatives:
            del new["initiatives"]
    return new


def _carry_kr(item: CommentedMap, kr: KeyResult) -> None:
    item.pop("checkins", None)
    item.pop("score", None)
    current = kr.current
    if current is None:
        return
    if "target_change" in item and kr.goal is not None:
        # The relative target stood for this goal; from the new baseline it must stay absolute.
        position = list(item).index("target_change")
        del item["target_change"]
        item.insert(position, "target", _number(kr.goal))
    if "baseline" in item:
        item["baseline"] = _number(current)
    else:
        keys = list(item)
        anchor = next((k for k in ("target", "direction") if k in keys), None)
        position = keys.index(anchor) if anchor else keys.index("title") + 1
        item.insert(position, "baseline", _number(current))


def _filter_refs(item: CommentedMap, valid: set[str], where: str) -> list[str]:
    refs = item.get("aligns_with")
    if not refs:
        return []
    dropped = [f"{where} -> {r}" for r in refs if r not in valid]
    for i in reversed(range(len(refs))):
        if refs[i] not in valid:
            del refs[i]
    if not refs:
        del item["aligns_with"]
    return dropped


def _append(doc: Document, dumped: str, offset: int) -> int:
    """Append dumped objectives (their `-` in column `offset`) to the document's list."""
    root = doc.root()
    found = get(root, "objectives")
    lines = dumped.splitlines(keepends=True)
    if found is not None and found[1].value and not getattr(found[1], "flow_style", False):
        items = found[1].value
        shift = dash_column(doc, items[0]) - offset
        text = "".join(_shift(line, shift) for line in lines)
        at = after_node(doc, items[-1])
        doc.insert(at, text)
        return doc.line_number(at)
    if found is not None and found[1].value:
        raise EditError(f"{doc.path}: objectives is a flow list; write it as a block list first")
    if found is not None:
        key, value = found
        text = "".join(_shift(line, int(key.start_mark.column) + 2 - offset) for line in lines)
        if isinstance(value, yaml.SequenceNode):
            # `objectives: []`: the empty flow list gives way to the block list below (a
            # comment after it stays on its line).
            colon = doc.text.index(":", int(key.end_mark.index))
            doc.replace(colon + 1, int(value.end_mark.index), "")
        at = doc.after_line(int(key.end_mark.index))
        doc.insert(at, text)
        return doc.line_number(at)
    if doc.text and not doc.text.endswith("\n"):
        doc.text += doc.newline
    at = len(doc.text)
    doc.insert(at, "objectives:\n" + "".join(_shift(line, 2 - offset) for line in lines))
    return doc.line_number(at) + 1


def _shift(line: str, by: int) -> str:
    if by > 0 and line.strip():
        return " " * by + line
    if by < 0:
        return line[min(-by, len(line) - len(line.lstrip(" "))) :]
    return line
