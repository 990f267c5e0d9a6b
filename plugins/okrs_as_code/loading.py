"""Strict reading of YAML files into schema-checked values that remember their positions.

Strict means: UTF-8 only (a byte-order mark is fine), no duplicate keys, no anchors or aliases,
no tabs for indentation, nothing nested absurdly deep, no file over 5 MiB, and plain scalars
typed by the schema rather than by YAML's guessing. Every problem becomes a `Diagnostic` with
file, line and column; nothing raises past this module for bad input.
"""

from __future__ import annotations

import functools
import gc
import hashlib
import os
import re
import stat
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from sys import intern
from typing import TYPE_CHECKING, Any

import yaml

from .diagnostics import Diagnostic, Loc
from .model import (
    GlossaryTerm,
    OkrFile,
    OkrSet,
    Organization,
    build_glossary,
    build_okr_file,
    build_organization,
)
from .references import check_okrs, check_organization
from .schema import IMPLICIT, Converter, YMap, checker

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

MAX_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 64
# Past this many characters, the node tree is released as it is converted (see Converter).
_BIG = 1 << 20
# CParser composes nodes recursively in C: a few thousand levels are fine, but a hostile file
# nested a hundred thousand deep crashes the interpreter. Below this bound composing is safe
# without looking; above it the events are scanned (iteratively) for the real depth first.
_SAFE_DEPTH_BOUND = 2000

_BaseLoader: type[Any] = getattr(yaml, "CBaseLoader", yaml.BaseLoader)


class _Loader(_BaseLoader):  # type: ignore[misc]
    """The base loader without tag resolution: the schema gives every scalar its type.

    The composer calls these hooks once per node; as no-ops they save a third of the time.
    """

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: Any) -> str:
        # Called for nodes written without a tag, and for the non-specific tag `!` (which
        # YAML reads as "a string", and which is refused like any other explicit tag).
        if implicit is False or implicit == (False, False):
            return "!"
        return IMPLICIT

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


# An anchor or alias indicator where YAML would read one (after a space, a flow indicator or a
# line start, and followed by a name), or the bare tag `!` (which libyaml hides from the
# composer). Markdown emphasis (`**bold**`) rarely matches, and a false match only costs a scan
# of the events. The pattern starts with the indicator, so the engine finds candidates by a fast
# scan; the character before is checked in Python (a leading alternative or lookbehind made
# this a fifth of `okrs validate`).
_INDICATOR = re.compile(r"[&*][^\s*,\[\]{}]|!(?:\s|$)", re.MULTILINE)


def _has_indicator(text: str) -> bool:
    for match in _INDICATOR.finditer(text):
        i = match.start()
        if i == 0 or text[i - 1].isspace() or text[i - 1] in "[{,":
            return True
    return False


_BOMS = ((b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"),
         (b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16"))  # fmt: skip


def _unreadable(display: str, why: str) -> Diagnostic:
    return Diagnostic(Loc(display), "OKR027", "unreadable-file", why)


def read_bytes(path: Path, display: str, report: Any) -> bytes | None:
    """The bytes of a regular file of at most MAX_BYTES, or None after reporting why not.

    The file is opened without blocking (a FIFO would wait for a writer) and checked to be a
    regular file on the open descriptor; then at most MAX_BYTES + 1 bytes are read, so a device
    (whose size reads as 0) or a file growing meanwhile cannot make the read unbounded.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as e:
        report(_unreadable(display, f"cannot read file: {e.strerror}"))
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            report(_unreadable(display, "not a regular file (a device, FIFO or socket); not read"))
            return None
        if info.st_size > MAX_BYTES:
            report(_too_large(display, info.st_size))
            return None
        chunks = []
        left = MAX_BYTES + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        if left <= 0:
            report(_too_large(display, MAX_BYTES + 1))
            return None
        return b"".join(chunks)
    except OSError as e:
        report(_unreadable(display, f"cannot read file: {e.strerror}"))
        return None
    finally:
        os.close(fd)


def _too_large(display: str, size: int) -> Diagnostic:
    return Diagnostic(
        Loc(display), "OKR003", "file-too-large",
        f"file is {size / 1024 / 1024:.1f} MiB; OKR files may be at most 5 MiB",
    )  # fmt: skip


# Characters libyaml counts as line breaks but YAML 1.2, editors and `okrs` line numbers do not;
# left in, every later line number would be off by one.
_ODD_BREAKS = re.compile("[\x85\u2028\u2029]")


def read_text(path: Path, display: str, report: Any) -> str | None:
    """Return the text of `path`, or None after reporting why it cannot be read."""
    data = read_bytes(path, display, report)
    return None if data is None else decode(data, display, report)


def decode(data: bytes, display: str, report: Any) -> str | None:
    """The UTF-8 text of a file's bytes, or None after reporting why it is not UTF-8 text."""
    if len(data) > MAX_BYTES:
        report(_too_large(display, len(data)))
        return None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            report(
                Diagnostic(
                    Loc(display), "OKR002", "not-utf8",
                    f"file is {encoding} text; save it as UTF-8",
                )
            )  # fmt: skip
            return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        line_start = data.rfind(b"\n", 0, e.start) + 1
        col = len(data[line_start : e.start].decode("utf-8", "replace")) + 1
        report(
            Diagnostic(
                Loc(display, line, col), "OKR002", "not-utf8",
                f"byte 0x{data[e.start]:02x} is not UTF-8 text; save the file as UTF-8",
            )
        )  # fmt: skip
        return None
    odd = _ODD_BREAKS.search(text)
    if odd is not None:
        line = text.count("\n", 0, odd.start()) + 1
        col = odd.start() - text.rfind("\n", 0, odd.start())
        report(
            Diagnostic(
                Loc(display, line, col), "OKR001", "invalid-yaml",
                f"the line separator U+{ord(odd.group()):04X} breaks lines for some YAML readers "
                "and not for others; remove it (or write it as an escape in a quoted string)",
            )
        )  # fmt: skip
        return None
    return text


def _depth_bound(text: str) -> int:
    # Block nesting needs at least one column per level on some line; flow nesting needs an
    # opening bracket per level. Their sum bounds the depth from above.
    longest = max(map(len, text.split("\n")), default=0)
    return longest + text.count("[") + text.count("{")


class _Mark:
    """Where a node starts: all that messages need, in a fraction of a yaml.Mark's memory."""

    __slots__ = ("column", "line")

    def __init__(self, line: int, column: int) -> None:
        self.line = line
        self.column = column


class _Node:
    """A node as the schema walker reads it (kind, tag, value, start), in a third of the memory
    of PyYAML's nodes, which carry a dict, an end mark and a style each."""

    __slots__ = ("start_mark", "style", "tag", "value")
    id = ""
    end_mark = None

    def __init__(self, tag: str, value: Any, start_mark: Any) -> None:
        self.tag = tag
        self.value = value
        self.start_mark = start_mark
        self.style: str | None = None


class _Scalar(_Node):
    __slots__ = ()
    id = "scalar"


class _Sequence(_Node):
    __slots__ = ()
    id = "sequence"


class _Mapping(_Node):
    __slots__ = ()
    id = "mapping"


class _Problem(Exception):
    def __init__(self, diagnostic: Diagnostic) -> None:
        self.diagnostic = diagnostic


def _compose_events(text: str, display: str) -> Any:
    """Compose from the event stream in one iterative pass (no recursion, so any depth is
    safe to read), refusing anchors, aliases, the `!` tag, more than one document and nesting
    deeper than MAX_DEPTH. Nodes keep only a small start mark, so a file of a million tiny
    flow-style values fits in memory."""
    root: Any = None
    stack: list[Any] = []
    pending: list[Any] = []
    documents = 0
    event: Any
    mark: Any
    for event in yaml.parse(text, Loader=_Loader):
        cls = type(event)
        if cls is yaml.MappingEndEvent or cls is yaml.SequenceEndEvent:
            stack.pop()
            pending.pop()
            continue
        if cls is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                mark = event.start_mark
                raise _Problem(
                    Diagnostic(
                        Loc(display, mark.line + 1, mark.column + 1), "OKR001", "invalid-yaml",
                        "more than one YAML document (---) in the file; keep one",
                    )
                )  # fmt: skip
            continue
        if cls not in (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent):
            if cls is yaml.AliasEvent:
                mark = event.start_mark
                raise _Problem(
                    Diagnostic(
                        Loc(display, mark.line + 1, mark.column + 1), "OKR005", "anchor-or-alias",
                        f"YAML alias *{event.anchor} is not allowed; write the value out in full",
                    )
                )  # fmt: skip
            continue
        start = event.start_mark
        mark = _Mark(start.line, start.column)
        if event.anchor:
            raise _Problem(
                Diagnostic(
                    Loc(display, mark.line + 1, mark.column + 1), "OKR005", "anchor-or-alias",
                    f"YAML anchor &{event.anchor} is not allowed; write the value out in full",
                )
            )  # fmt: skip
        tag = event.tag
        if tag == "!":
            raise _Problem(
                Diagnostic(
                    Loc(display, mark.line + 1, mark.column + 1), "OKR011", "wrong-type",
                    "the YAML tag ! is not allowed; write the value without a tag",
                )
            )  # fmt: skip
        node: Any
        if cls is yaml.ScalarEvent:
            value = event.value
            # Keys and short values repeat thousands of times in a big file; share them.
            node = _Scalar(tag or IMPLICIT, intern(value) if len(value) <= 32 else value, mark)
            node.style = event.style
        elif cls is yaml.MappingStartEvent:
            node = _Mapping(tag or IMPLICIT, [], mark)
        else:
            node = _Sequence(tag or IMPLICIT, [], mark)
        if stack:
            parent = stack[-1]
            if parent.id == "sequence":
                parent.value.append(node)
            else:
                key = pending[-1]
                if key is None:
                    pending[-1] = node
                else:
                    parent.value.append((key, node))
                    pending[-1] = None
        else:
            root = node
        if cls is not yaml.ScalarEvent:
            if len(stack) >= MAX_DEPTH:
                raise _Problem(
                    Diagnostic(
                        Loc(display, mark.line + 1, mark.column + 1), "OKR006", "too-deep",
                        f"nesting deeper than {MAX_DEPTH} levels; no OKR file needs that",
                    )
                )  # fmt: skip
            stack.append(node)
            pending.append(None)
    return root


def _yaml_error(e: yaml.MarkedYAMLError, display: str) -> Diagnostic:
    mark = e.problem_mark or e.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    problem = e.problem or "invalid YAML"
    if "'\\t'" in problem or "tab" in problem:
        message = "tab character where YAML expects spaces; indent with spaces"
    elif "expected a single document" in str(e):
        message = "more than one YAML document (---) in the file; keep one"
    else:
        message = problem
        if e.context:
            message = f"{problem} ({e.context}"
            if e.context_mark is not None and e.context_mark is not mark:
                message += f" at line {e.context_mark.line + 1}"
            message += ")"
    return Diagnostic(Loc(display, line, col), "OKR001", "invalid-yaml", message)


def compose(text: str, display: str, report: Any) -> yaml.Node | None:
    """Compose `text` into a node tree, or return None after reporting why not."""
    try:
        if _has_indicator(text) or _depth_bound(text) > _SAFE_DEPTH_BOUND:
            node: yaml.Node | None = _compose_events(text, display)
        else:
            node = yaml.compose(text, Loader=_Loader)
    except _Problem as e:
        report(e.diagnostic)
        return None
    except yaml.MarkedYAMLError as e:
        report(_yaml_error(e, display))
        return None
    except yaml.reader.ReaderError as e:
        line = text.count("\n", 0, e.position) + 1
        col = e.position - text.rfind("\n", 0, e.position)
        char = e.character if isinstance(e.character, str) else chr(e.character)
        report(
            Diagnostic(
                Loc(display, line, col), "OKR001", "invalid-yaml",
                f"control character U+{ord(char):04X} is not allowed in YAML text",
            )
        )  # fmt: skip
        return None
    except yaml.YAMLError as e:
        report(Diagnostic(Loc(display), "OKR001", "invalid-yaml", str(e)))
        return None
    except RecursionError:
        report(Diagnostic(Loc(display), "OKR006", "too-deep", "nesting too deep to read"))
        return None
    if node is None:
        report(
            Diagnostic(
                Loc(display), "OKR011", "wrong-type",
                "file is empty; it must be a mapping that starts with version: 1",
            )
        )  # fmt: skip
    return node


def load_document(path: Path, display: str, schema: str, report: Any) -> YMap | None:
    """Read, compose and check one file against the named schema."""
    text = read_text(path, display, report)
    if text is None:
        return None
    with _no_cyclic_gc():
        node = compose(text, display, report)
        if node is None:
            return None
        value = Converter(display, report, consume=len(text) > _BIG).convert(
            node, checker(schema), "file"
        )
    return value if isinstance(value, YMap) else None


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Nodes, values and records hold no reference cycles: the cyclic collector would only walk
    the growing trees again and again (a third of the time on a large file). What was built is
    then frozen, so that later collections skip it too."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.freeze()
            gc.enable()


def _display(path: Path) -> str:
    """The path as messages show it: relative to the working directory when below it.

    Symbolic links are not resolved (a link loop must not raise, and the user knows the file
    by the name they see).
    """
    absolute = os.path.abspath(path)
    here = os.getcwd()
    if absolute == here or absolute.startswith(here.rstrip(os.sep) + os.sep):
        return os.path.relpath(absolute, here)
    return str(path)


display_path = _display
"""The path as messages show it (public: `okrs diff` names git blobs the same way)."""


MAX_FOLDER_DEPTH = 32


def discover(root: Path, report: Any = None) -> list[Path]:
    """Every YAML file below `root`, in a stable order; hidden files and folders are skipped.

    The walk is iterative and bounded: folders nested deeper than MAX_FOLDER_DEPTH are
    reported, not entered. Symbolic links to folders are not followed; a link to a file is
    read only if it ends up inside the root (`report`, when given, hears about the others).
    """
    found: list[Path] = []
    real_root = os.path.realpath(root)
    stack: list[tuple[str, int]] = [(str(root), 0)]
    while stack:
        folder, depth = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as e:
            if report is not None:
                report(_unreadable(_display(Path(folder)), f"cannot read folder: {e.strerror}"))
            continue
        subfolders = []
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                is_dir = False
            if is_dir:
                subfolders.append(entry.path)
                continue
            if not name.endswith((".yaml", ".yml")):
                continue
            if entry.is_symlink():
                target = os.path.realpath(entry.path)
                inside = target == real_root or target.startswith(real_root.rstrip(os.sep) + os.sep)
                if not inside:
                    if report is not None:
                        report(
                            _unreadable(
                                _display(Path(entry.path)),
                                "a symbolic link to a file outside the OKR root; not read",
                            )
                        )
                    continue
            found.append(Path(entry.path))
        if subfolders and depth + 1 > MAX_FOLDER_DEPTH:
            if report is not None:
                report(
                    _unreadable(
                        _display(Path(subfolders[0])),
                        f"folders nested more than {MAX_FOLDER_DEPTH} deep below the OKR root; "
                        "not read",
                    )
                )
            continue
        stack.extend((sub, depth + 1) for sub in reversed(subfolders))
    return found


@dataclass(frozen=True, slots=True)
class Source:
    """One file to load: how messages name it, and how to get its bytes.

    `key` identifies the content (a git blob id); two sources with the same display path and
    key are the same file, so a memo passed to `load_sources` reads and checks it only once.
    """

    display: str
    read: Callable[[Callable[[Diagnostic], None]], bytes | None]
    key: str | None = None

    @property
    def name(self) -> str:
        """The file name, which says what kind of file it is."""
        return self.display.replace("\\", "/").rsplit("/", 1)[-1]


def blob_id(data: bytes) -> str:
    """The git blob id of `data`, so that work-tree files compare with committed ones."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


Loaded = tuple[str, Any, tuple[Diagnostic, ...]]
"""What one file gave: its kind, the record built from it (or None), and its diagnostics."""


def _load_one(source: Source, memo: dict[tuple[str, str], Loaded] | None) -> Loaded:
    if memo is not None and source.key is not None:
        found = memo.get((source.display, source.key))
        if found is not None:
            return found
    problems: list[Diagnostic] = []
    report = problems.append
    name = source.name
    kind = (
        "organization"
        if name in ("organization.yaml", "organization.yml")
        else "glossary"
        if name in ("glossary.yaml", "glossary.yml")
        else "okrs"
    )
    data = source.read(report)
    built: Any = None
    key = source.key
    if data is not None:
        if memo is not None and key is None:
            key = blob_id(data)
            found = memo.get((source.display, key))
            if found is not None:
                return found
        text = decode(data, source.display, report)
        node = compose(text, source.display, report) if text is not None else None
        if node is not None:
            consume = text is not None and len(text) > _BIG
            m = Converter(source.display, report, consume=consume).convert(
                node, checker(kind), "file"
            )
            if isinstance(m, YMap):
                if kind == "organization":
                    built = build_organization(source.display, m)
                elif kind == "glossary":
                    built = build_glossary(source.display, m)
                else:
                    built = build_okr_file(source.display, m)
    loaded: Loaded = (kind, built, tuple(problems))
    if memo is not None and key is not None:
        memo[(source.display, key)] = loaded
    return loaded


def load_okrs(root: Path) -> tuple[OkrSet | None, list[Diagnostic]]:
    """Load and check everything under an OKR root.

    Returns the OKR set (None when organization.yaml is missing or unusable) and every error
    found, sorted by file and line. Records with errors are left out of the set, so the rest
    can still be linted and shown.
    """
    found: list[Diagnostic] = []
    sources = [
        Source(_display(path), functools.partial(read_bytes, path, _display(path)))
        for path in discover(root, found.append)
    ]
    return load_sources(_display(root), sources, problems=found)


def load_sources(
    root_display: str,
    sources: Iterable[Source],
    memo: dict[tuple[str, str], Loaded] | None = None,
    problems: Iterable[Diagnostic] = (),
) -> tuple[OkrSet | None, list[Diagnostic]]:
    """Load and check the files of one OKR root, wherever their bytes come from (the disk or
    a git revision). With a memo, a file already loaded with the same content is reused.
    `problems` are what finding the files reported."""
    with _no_cyclic_gc():
        return _load_sources(root_display, sources, memo, problems)


def _load_sources(
    root_display: str,
    sources: Iterable[Source],
    memo: dict[tuple[str, str], Loaded] | None,
    problems: Iterable[Diagnostic],
) -> tuple[OkrSet | None, list[Diagnostic]]:
    diagnostics: list[Diagnostic] = list(problems)
    report = diagnostics.append
    org: Organization | None = None
    org_path: str | None = None
    files: list[OkrFile] = []
    glossary: list[GlossaryTerm] = []
    for source in sources:
        kind, built, problems = _load_one(source, memo)
        diagnostics.extend(problems)
        display = source.display
        if kind == "organization":
            if org_path is not None:
                report(
                    Diagnostic(
                        Loc(display), "OKR024", "organization-file",
                        f"a second organization file; {org_path} is the organization",
                    )
                )  # fmt: skip
            elif built is not None:
                org, org_path = built, display
        elif kind == "glossary":
            if built is not None:
                glossary.extend(built)
        elif built is not None:
            files.append(built)
    if org is None:
        if org_path is None and not any(d.code == "OKR024" for d in diagnostics):
            known = {d.loc.path for d in diagnostics}
            if not any(Path(p).name.startswith("organization.") for p in known):
                report(
                    Diagnostic(
                        Loc(root_display), "OKR024", "organization-file",
                        f"no organization.yaml in {root_display}; create one with the "
                        "organization's name, cycles and teams",
                    )
                )  # fmt: skip
        return None, sorted(diagnostics, key=lambda d: d.sort_key)
    check_organization(org, report)
    okrs = OkrSet(root=root_display, organization=org, files=tuple(files), glossary=tuple(glossary))
    check_okrs(okrs, report)
    return okrs, sorted(diagnostics, key=lambda d: d.sort_key)
