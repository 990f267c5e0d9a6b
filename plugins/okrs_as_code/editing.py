"""Edits to YAML files that change only what they are asked to change, written atomically.

Round-tripping a whole file through a YAML library reflows long lines, re-indents, re-quotes
and loses byte-order marks or CRLF line endings. Instead, an edit here is a *splice*: the file
is composed (PyYAML, whose marks are character offsets into the text) only to find where
things stand, and the new text goes in at that offset. Every byte outside the inserted text
stays as it was, line endings and BOM included. ruamel.yaml writes what is new and larger
than a line or two (a carried-over objective, in `carryover`).

Before anything is written, the edited texts are checked in memory with the same checks as
`okrs validate` (strict reading, the schema, references); then every file is replaced
atomically (a temporary file in the same folder, then `os.replace`), all or none.
"""

from __future__ import annotations

import contextlib
import functools
import os
import tempfile
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import yaml

from .diagnostics import Severity
from .loading import Source, discover, display_path, load_sources, read_bytes

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping
    from pathlib import Path

    from .diagnostics import Diagnostic
    from .model import OkrSet

_BOM = "\ufeff"
# libyaml's marks count characters of the text as the pure-Python reader's do (tests pin it
# on non-ASCII text and CRLF); it is the fast one.
_POSITIONS_LOADER: type[Any] = getattr(yaml, "CBaseLoader", yaml.BaseLoader)


class EditError(Exception):
    """An edit that cannot be made as asked; the message says why, for the user."""


class Refused(EditError):
    """An edit that the data forbids (an id that exists already, for instance)."""


@dataclass
class Document:
    """The text of one YAML file being edited: the bytes it had, and its newline style."""

    path: Path
    original: bytes | None
    """The bytes on disk before the edit; None for a file the edit creates."""
    text: str
    """The text without byte-order mark; line endings as in the file."""
    bom: bool = False
    newline: str = "\n"

    @classmethod
    def read(cls, path: Path) -> Document:
        """Read an existing file."""
        data = path.read_bytes()
        text = data.decode("utf-8")
        bom = text.startswith(_BOM)
        text = text.removeprefix(_BOM)
        newline = "\r\n" if "\r\n" in text else "\n"
        return cls(path, data, text, bom, newline)

    @classmethod
    def new(cls, path: Path, text: str) -> Document:
        """A file the edit creates (text with \\n line endings)."""
        return cls(path, None, text)

    def data(self) -> bytes:
        """The bytes to write."""
        return ((_BOM if self.bom else "") + self.text).encode("utf-8")

    @property
    def changed(self) -> bool:
        """True when the bytes to write differ from the bytes on disk."""
        return self.original != self.data()

    def root(self) -> yaml.Node:
        """The composed node tree of the current text (positions are offsets into it)."""
        node = yaml.compose(self.text, Loader=_POSITIONS_LOADER)
        if node is None:
            raise EditError(f"{display_path(self.path)}: the file is empty")
        return node

    def insert(self, index: int, text: str) -> None:
        """Insert `text` (written with \\n line endings) at character offset `index`."""
        text = text.replace("\n", self.newline)
        self.text = self.text[:index] + text + self.text[index:]

    def replace(self, start: int, end: int, text: str) -> None:
        """Replace the characters start..end with `text` (written with \\n line endings)."""
        text = text.replace("\n", self.newline)
        self.text = self.text[:start] + text + self.text[end:]

    def line_start(self, index: int) -> int:
        """The offset of the start of the line holding offset `index`."""
        return self.text.rfind("\n", 0, index) + 1

    def after_line(self, index: int) -> int:
        """The offset just past the line break that ends the line holding offset `index`."""
        end = self.text.find("\n", index)
        if end < 0:
            # The last line has no line break: give it one, so that text can follow it.
            self.text += self.newline
            return len(self.text)
        return end + 1

    def line_number(self, index: int) -> int:
        """The 1-based line number of offset `index`."""
        return self.text.count("\n", 0, index) + 1


# Finding things in a composed tree.


def get(node: yaml.Node, key: str) -> tuple[yaml.ScalarNode, yaml.Node] | None:
    """The (key node, value node) pair of `key` in a mapping node, if present."""
    if not isinstance(node, yaml.MappingNode):
        return None
    for k, v in node.value:
        if isinstance(k, yaml.ScalarNode) and k.value == key:
            return k, v
    return None


def item_with_id(sequence: yaml.Node | None, item_id: str) -> yaml.MappingNode | None:
    """The mapping in a sequence node whose `id` is `item_id`."""
    if not isinstance(sequence, yaml.SequenceNode):
        return None
    for item in sequence.value:
        found = get(item, "id")
        if (
            found is not None
            and isinstance(found[1], yaml.ScalarNode)
            and found[1].value == item_id
            and isinstance(item, yaml.MappingNode)
        ):
            return item
    return None


def last_end(node: yaml.Node) -> int:
    """The offset just past the last character of `node`'s own text.

    A block collection's end mark lies at the next token, past any comments and blank lines
    that follow it; the end of its last leaf is where its text really ends.
    """
    while True:
        if isinstance(node, yaml.ScalarNode) or getattr(node, "flow_style", False):
            return int(node.end_mark.index)
        if isinstance(node, yaml.MappingNode) and node.value:
            key, value = node.value[-1]
            if isinstance(value, yaml.ScalarNode) and value.value == "" and not value.style:
                # `key:` with nothing after it: the empty value is marked at the next token.
                return int(key.end_mark.index)
            node = value
        elif isinstance(node, yaml.SequenceNode) and node.value:
            node = node.value[-1]
        else:
            return int(node.end_mark.index)


def after_node(doc: Document, node: yaml.Node) -> int:
    """Where a new line after `node` goes: past the line break of its last line."""
    end = last_end(node)
    # A block scalar (| or >) ends at the start of the line after its text.
    if end > 0 and doc.text[end - 1] == "\n":
        return end
    return doc.after_line(end)


def dash_column(doc: Document, item: yaml.Node) -> int:
    """The column of the `-` that introduces a block sequence item."""
    start = int(item.start_mark.index)
    line_start = doc.line_start(start)
    dash = doc.text.rfind("-", line_start, start)
    return dash - line_start if dash >= 0 else int(item.start_mark.column)


# Checking edited texts in memory, as `okrs validate` checks files on disk.


def load_with(root: Path, data: Mapping[Path, bytes]) -> tuple[OkrSet | None, list[Diagnostic]]:
    """Load the OKR root as `okrs validate` does, with `data` standing in for those files.

    A path in `data` that does not exist yet is read as if it did.
    """
    replaced = {p.resolve(): d for p, d in data.items()}
    found: list[Diagnostic] = []
    paths = discover(root, found.append)
    known = {p.resolve() for p in paths}
    paths += [p for p in data if p.resolve() not in known]
    sources = []
    for path in paths:
        display = display_path(path)
        content = replaced.get(path.resolve())
        read = (
            functools.partial(read_bytes, path, display)
            if content is None
            else functools.partial(_given, content)
        )
        sources.append(Source(display, read))
    return load_sources(display_path(root), sources, problems=found)


def _given(content: bytes, report: Callable[[Diagnostic], None]) -> bytes:
    return content


def errors(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """The diagnostics that are errors."""
    return [d for d in diagnostics if d.severity is Severity.ERROR and d.accepted is None]


@dataclass
class Edit:
    """A set of documents edited together: checked together, written all or none."""

    root: Path
    documents: dict[Path, Document] = field(default_factory=dict)

    def open(self, path: Path) -> Document:
        """The document for `path`, read on first use."""
        key = path.resolve()
        if key not in self.documents:
            self.documents[key] = Document.read(path)
        return self.documents[key]

    def create(self, path: Path, text: str) -> Document:
        """A new file; refused if it exists."""
        if path.exists():
            raise EditError(f"{display_path(path)} already exists")
        doc = Document.new(path, text)
        self.documents[path.resolve()] = doc
        return doc

    def check(self, before: Iterable[Diagnostic] = ()) -> tuple[OkrSet | None, list[Diagnostic]]:
        """The OKR set the edited texts make, and their errors: any in an edited file, or any
        error that `before` (the diagnostics of the files as they are) does not have."""
        okrs, diagnostics = load_with(
            self.root, {d.path: d.data() for d in self.documents.values() if d.changed}
        )
        touched = {display_path(d.path) for d in self.documents.values() if d.changed}
        known = {(d.loc.path, d.code, d.message) for d in before}
        return okrs, [
            d
            for d in errors(diagnostics)
            if d.loc.path in touched or (d.loc.path, d.code, d.message) not in known
        ]

    def write(self) -> list[Path]:
        """Write every changed document atomically, all or none; return the paths written."""
        changed = [d for d in self.documents.values() if d.changed]
        write_all([(d.path, d.data(), d.original) for d in changed])
        return [d.path for d in changed]


def write_all(files: list[tuple[Path, bytes, bytes | None]]) -> None:
    """Replace (or create) every file atomically; on failure, leave every file as it was.

    Each file is written to a temporary file in its own folder first; only when all of them
    are written are they renamed into place. If a rename fails, the files already renamed are
    put back (their old bytes, or removed if they are new).
    """
    staged: list[tuple[Path, str, bytes | None]] = []
    try:
        for given, data, original in files:
            # A symlinked file is written where it lives; the link stays a link.
            path = given.resolve() if given.is_symlink() else given
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
            staged.append((path, tmp, original))
            with os.fdopen(fd, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            if original is not None:
                with contextlib.suppress(OSError):
                    os.chmod(tmp, path.stat().st_mode & 0o7777)
        done: list[tuple[Path, bytes | None]] = []
        try:
            for path, tmp, original in staged:
                if original is None:
                    # A new file must not replace one that appeared meanwhile: link fails if
                    # the name exists, where rename would silently overwrite.
                    os.link(tmp, path)
                else:
                    os.replace(tmp, path)
                done.append((path, original))
        except BaseException:
            for path, original in reversed(done):
                with contextlib.suppress(OSError):
                    if original is None:
                        path.unlink()
                    else:
                        path.write_bytes(original)
            raise
    finally:
        for _, tmp, _ in staged:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
