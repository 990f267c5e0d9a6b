"""Check-ins written into OKR files: one from the command line, or many from a CSV file.

A check-in is inserted in date order among the key result's check-ins, in the style they use
(a flow mapping `- {date: ..., value: ...}` per line, block mappings, or a flow list), and
nothing else in the file changes (see `editing`).
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import json
import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import yaml

from .editing import Document, Edit, EditError, after_node, dash_column, get, item_with_id

if TYPE_CHECKING:
    from pathlib import Path

    from .model import Cycle, KeyResult, OkrSet

CSV_COLUMNS = ("ref", "date", "value", "progress", "confidence", "note")
_NUMBER = re.compile(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")


@dataclass(frozen=True)
class Request:
    """One check-in as the user gave it: text, not yet checked."""

    ref: str
    date: str | None = None
    value: str | None = None
    progress: str | None = None
    confidence: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Planned:
    """A checked check-in: the key result it goes to and the fields to write, in order."""

    kr: KeyResult
    cycle: Cycle
    date: dt.date
    fields: tuple[tuple[str, str], ...]
    """(key, YAML text of the value), in the order they are written."""

    @property
    def label(self) -> str:
        """cycle/team/objective/kr."""
        return f"{self.kr.cycle}/{self.kr.ref}"


def _number(text: str, what: str, low: float | None = None, high: float | None = None) -> str:
    """The YAML text of a number the user typed; EditError with a clear message if it is not."""
    s = text.strip()
    if not _NUMBER.fullmatch(s):
        hint = f" (write decimals with a point: {s.replace(',', '.')})" if "," in s else ""
        raise EditError(f"{what} {text!r} is not a number{hint}")
    number = float(s)
    if not math.isfinite(number):
        raise EditError(f"{what} {text!r} is too large")
    if low is not None and high is not None and not low <= number <= high:
        raise EditError(f"{what} must be between {low:g} and {high:g}, got {s}")
    if re.fullmatch(r"[-+]?[0-9]+", s):
        return str(int(s))
    return repr(number)


# Control and bidirectional-override characters hide what a note says; the format refuses them.
_HIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Characters YAML will not read raw (C1 controls, DEL) or reads as line breaks (NEL, LS, PS),
# which JSON leaves unescaped.
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def _string(text: str) -> str:
    """The YAML text of a string: always double-quoted, so that no text reads as another type."""
    # A JSON string is a YAML double-quoted scalar, once YAML's own unsafe characters are
    # escaped too.
    quoted = json.dumps(text, ensure_ascii=False)
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def split_ref(ref: str) -> tuple[str | None, str, str, str]:
    """(cycle or None, team, objective, kr) from `team/objective/kr` or `cycle/team/...`."""
    parts = ref.strip().strip("/").split("/")
    if len(parts) == 3:
        return None, parts[0], parts[1], parts[2]
    if len(parts) == 4:
        return parts[0], parts[1], parts[2], parts[3]
    raise EditError(
        f"{ref!r} is not a key result reference; write team/objective/kr "
        "(in the cycle running on the date) or cycle/team/objective/kr"
    )


def plan(okrs: OkrSet, request: Request, today: dt.date) -> Planned:
    """Check one request against the OKR set; EditError says what is wrong with it."""
    org = okrs.organization
    if request.date:
        try:
            date = dt.date.fromisoformat(request.date.strip())
        except ValueError:
            raise EditError(f"date {request.date!r} is not a date written YYYY-MM-DD") from None
    else:
        date = today
    cycle_id, team, objective_id, kr_id = split_ref(request.ref)
    ref = f"{team}/{objective_id}/{kr_id}"
    cycles: list[Cycle]
    if cycle_id is None:
        cycles = [c for c in org.cycles if c.start <= date <= c.end]
        if not cycles:
            raise EditError(f"no cycle runs on {date}; name the cycle: cycle/{request.ref.strip()}")
    else:
        named = org.cycle(cycle_id)
        if named is None:
            known = [c.id for c in org.cycles]
            close = difflib.get_close_matches(cycle_id, known, n=1, cutoff=0.6)
            hint = f"; did you mean {close[0]!r}?" if close else f"; cycles: {', '.join(known)}"
            raise EditError(f"no cycle {cycle_id!r}{hint}")
        if not named.start <= date <= named.end:
            raise EditError(
                f"date {date} is outside cycle {named.id} ({named.start} to {named.end})"
            )
        cycles = [named]
    # Cycles may overlap (a year and its quarters): the KR decides, unless it is in several.
    found = [(c, k) for c in cycles for k in okrs.key_results(c.id) if k.ref == ref]
    if len(found) > 1:
        names = " or ".join(f"{c.id}/{ref}" for c, _ in found)
        raise EditError(f"{ref!r} runs in more than one cycle on {date}; write {names}")
    if not found:
        where = " or ".join(c.id for c in cycles)
        elsewhere = [k.cycle for k in okrs.key_results() if k.ref == ref]
        if elsewhere:
            raise EditError(
                f"no key result {ref!r} in cycle {where}; it is in "
                f"{' and '.join(elsewhere)}: write {elsewhere[-1]}/{ref} and a date in that cycle"
            )
        known = [k.ref for c in cycles for k in okrs.key_results(c.id)]
        close = difflib.get_close_matches(ref, known, n=1, cutoff=0.6)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        raise EditError(f"no key result {ref!r} in cycle {where}{hint}")
    cycle, kr = found[0]
    fields: list[tuple[str, str]] = [("date", date.isoformat())]
    if request.value not in (None, ""):
        fields.append(("value", _number(request.value, "value")))
    if request.progress not in (None, ""):
        fields.append(("progress", _number(request.progress, "progress", 0, 100)))
    if request.confidence not in (None, ""):
        fields.append(("confidence", _number(request.confidence, "confidence", 0, 1)))
    if request.note is not None and request.note.strip():
        # Line breaks as the file writes them (a CSV cell from Windows has CRLF) are one \n.
        note = request.note.replace("\r\n", "\n").replace("\r", "\n").strip()
        hidden = _HIDDEN.search(note)
        if hidden is not None:
            raise EditError(
                f"note holds the invisible control character U+{ord(hidden.group()):04X}; remove it"
            )
        fields.append(("note", _string(note)))
    if len(fields) == 1:
        raise EditError("a check-in needs a value, a progress (percent complete) or a note")
    return Planned(kr, cycle, date, tuple(fields))


# Writing a planned check-in into its file.


def _flow(fields: tuple[tuple[str, str], ...]) -> str:
    return "{" + ", ".join(f"{k}: {v}" for k, v in fields) + "}"


@dataclass(frozen=True)
class _Layout:
    """How a file writes its check-in lists: the style and the indentation."""

    style: str
    """'flow-list' ([{...}, {...}]), 'flow-item' (- {...} per line) or 'block-item'."""
    dash: int
    """Columns from the `checkins` key to the `-` of an item."""
    key: int
    """Columns from the `-` to the keys of a block item."""


def _layouts(doc: Document, node: yaml.Node) -> list[_Layout]:
    """The layouts of the file's non-empty check-in lists, in file order."""
    found: list[_Layout] = []
    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, yaml.MappingNode):
            for k, v in reversed(n.value):
                if k.value == "checkins" and isinstance(v, yaml.SequenceNode) and v.value:
                    style = _style(v)
                    dash = key = 2
                    if style != "flow-list":
                        first = v.value[0]
                        column = dash_column(doc, first)
                        dash = column - int(k.start_mark.column)
                        key = int(first.start_mark.column) - column
                    found.append(_Layout(style, dash, key))
                else:
                    stack.append(v)
        elif isinstance(n, yaml.SequenceNode):
            stack.extend(reversed(n.value))
    return found


def _style(sequence: yaml.SequenceNode) -> str:
    if sequence.flow_style:
        return "flow-list"
    first = sequence.value[0]
    return "flow-item" if getattr(first, "flow_style", False) else "block-item"


def _block_entry(fields: tuple[tuple[str, str], ...], dash: int, key: int, style: str) -> str:
    pad = " " * dash
    if style == "flow-item":
        return f"{pad}- {_flow(fields)}\n"
    inner = " " * key
    lines = [f"{pad}-{' ' * (key - dash - 1)}{fields[0][0]}: {fields[0][1]}"]
    lines += [f"{inner}{k}: {v}" for k, v in fields[1:]]
    return "\n".join(lines) + "\n"


def insert(doc: Document, planned: Planned) -> int:
    """Insert the check-in into the document; return the line it starts on."""
    kr = planned.kr
    root = doc.root()
    objective = item_with_id(_value(get(root, "objectives")), kr.objective)
    kr_node = item_with_id(_value(get(objective, "key_results")), kr.id) if objective else None
    if kr_node is None:
        raise EditError(f"{kr.path}: cannot find key result {kr.ref} in the file")
    fields = planned.fields
    found = get(kr_node, "checkins")
    sequence = found[1] if found is not None else None
    if isinstance(sequence, yaml.SequenceNode) and sequence.value:
        style = _style(sequence)
        items = sequence.value
        later = next((i for i, item in enumerate(items) if _item_date(item) > planned.date), None)
        if style == "flow-list":
            return _insert_flow(doc, sequence, later, fields)
        first = items[0]
        dash = dash_column(doc, first)
        key = int(first.start_mark.column) if style == "block-item" else dash + 2
        text = _block_entry(fields, dash, key, style)
        if later is not None:
            at = doc.line_start(int(items[later].start_mark.index))
        else:
            at = after_node(doc, items[-1])
        doc.insert(at, text)
        return doc.line_number(at)
    # No check-ins yet: the file's most used layout (the first of equals), else one flow
    # mapping per line indented as the file indents its lists.
    layouts = _layouts(doc, root)
    styles = [layout.style for layout in layouts]
    layout = (
        max(layouts, key=lambda la: styles.count(la.style))
        if layouts
        else _Layout("flow-item", _sequence_offset(doc, root), 2)
    )
    style = layout.style
    if getattr(kr_node, "flow_style", False):
        at = int(kr_node.end_mark.index) - 1
        doc.insert(at, f", checkins: [{_flow(fields)}]")
        return doc.line_number(at)
    key_column = int(kr_node.value[0][0].start_mark.column)
    if isinstance(sequence, yaml.SequenceNode):
        # `checkins: []`: the empty flow list becomes the first entry.
        assert found is not None
        start, end = int(sequence.start_mark.index), int(sequence.end_mark.index)
        if style == "flow-list":
            doc.replace(start, end, f"[{_flow(fields)}]")
            return doc.line_number(start)
        # The list's items go on the lines below; a comment after `[]` stays on its line.
        dash = key_column + layout.dash
        colon = doc.text.index(":", int(found[0].end_mark.index))
        doc.replace(colon + 1, end, "")
        at = doc.after_line(colon)
        doc.insert(at, _block_entry(fields, dash, dash + layout.key, style))
        return doc.line_number(at)
    if found is not None:
        raise EditError(f"{kr.path}: checkins of {kr.ref} is not a list")
    at = after_node(doc, kr_node)
    pad = " " * key_column
    if style == "flow-list":
        text = f"{pad}checkins: [{_flow(fields)}]\n"
    else:
        dash = key_column + layout.dash
        text = f"{pad}checkins:\n" + _block_entry(fields, dash, dash + layout.key, style)
    doc.insert(at, text)
    return doc.line_number(at) + (0 if style == "flow-list" else 1)


def _value(pair: tuple[yaml.ScalarNode, yaml.Node] | None) -> yaml.Node | None:
    return pair[1] if pair is not None else None


def _item_date(item: yaml.Node) -> dt.date:
    found = get(item, "date")
    if found is not None and isinstance(found[1], yaml.ScalarNode):
        try:
            return dt.date.fromisoformat(found[1].value)
        except ValueError:
            pass
    return dt.date.min


def _sequence_offset(doc: Document, root: yaml.Node) -> int:
    """How far this file indents a block list's `-` past its key (0 or 2, usually)."""
    objectives = get(root, "objectives")
    if objectives is not None and isinstance(objectives[1], yaml.SequenceNode):
        seq = objectives[1]
        if seq.value and not seq.flow_style:
            return dash_column(doc, seq.value[0]) - int(objectives[0].start_mark.column)
    return 2


def _insert_flow(
    doc: Document,
    sequence: yaml.SequenceNode,
    later: int | None,
    fields: tuple[tuple[str, str], ...],
) -> int:
    items = sequence.value
    entry = _flow(fields)
    lines = {int(i.start_mark.line) for i in items} | {int(sequence.start_mark.line)}
    one_per_line = len(lines) == len(items) + 1
    if later is not None:
        at = int(items[later].start_mark.index)
        if one_per_line:
            column = int(items[later].start_mark.column)
            doc.insert(at, f"{entry},\n{' ' * column}")
        else:
            doc.insert(at, f"{entry}, ")
        return doc.line_number(at)
    at = int(items[-1].end_mark.index)
    if one_per_line:
        column = int(items[-1].start_mark.column)
        doc.insert(at, f",\n{' ' * column}{entry}")
        return doc.line_number(at) + 1
    doc.insert(at, f", {entry}")
    return doc.line_number(at)


@dataclass(frozen=True)
class Written:
    """A check-in that was written (or would be): where, and to what."""

    planned: Planned
    path: Path
    line: int


def apply(edit: Edit, planned: list[Planned]) -> list[Written]:
    """Insert every planned check-in into its document (in memory)."""
    from pathlib import Path

    written: list[Written] = []
    for p in planned:
        # A record's path is the file's path as displayed: relative to the working directory.
        path = Path(p.kr.path)
        doc = edit.open(path)
        line = insert(doc, p)
        written.append(Written(p, path, line))
    return written


def read_csv(path: Path) -> tuple[list[tuple[int, Request]], list[str]]:
    """The requests in a CSV file, each with its line number, and the problems found."""
    problems: list[str] = []
    rows: list[tuple[int, Request]] = []
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        return [], [f"{path}:1: the file is not UTF-8 text; save it as CSV UTF-8"]
    # Spreadsheets in many locales save CSV with semicolons (the comma is their decimal mark).
    first = text.split("\n", 1)[0]
    delimiter = next((d for d in (",", ";", "\t") if d in first), ",")
    reader = csv.reader(text.splitlines(keepends=True), delimiter=delimiter)
    header: list[str] | None = None
    line = 1
    for record in reader:
        start, line = line, reader.line_num + 1
        if not any(cell.strip() for cell in record):
            continue
        if header is None:
            header = [h.strip().lower() for h in record]
            unknown = [h for h in header if h not in CSV_COLUMNS]
            if unknown or "ref" not in header:
                problems.append(
                    f"{path}:{start}: the header must name the columns "
                    f"{', '.join(CSV_COLUMNS)} (ref required; unknown: {', '.join(unknown)})"
                    if unknown
                    else f"{path}:{start}: the header has no 'ref' column"
                )
                return [], problems
            continue
        if len(record) > len(header):
            problems.append(
                f"{path}:{start}: {len(record)} cells but the header names {len(header)} columns"
            )
            continue
        cells = dict(zip(header, (c.strip() for c in record), strict=False))
        rows.append(
            (
                start,
                Request(
                    ref=cells.get("ref", ""),
                    date=cells.get("date") or None,
                    value=cells.get("value") or None,
                    progress=cells.get("progress") or None,
                    confidence=cells.get("confidence") or None,
                    note=cells.get("note") or None,
                ),
            )
        )
    if header is None:
        problems.append(f"{path}:1: the file is empty; it needs a header: {','.join(CSV_COLUMNS)}")
    return rows, problems
