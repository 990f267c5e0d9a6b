"""The JSON Schemas, and validation of YAML nodes against them with source positions.

The schemas in `schema/` are the single source of truth: editors read them for completion and
hover help, check-jsonschema can use them, and this module interprets the same files. It does
not use the jsonschema library at run time because it works on YAML *nodes*: every error keeps
the line and column of the value, and plain scalars are typed by what the schema expects (so a
string field keeps `NO` or `1.10` exactly as written). Only the keywords our schemas use are
supported; `tests/test_schema.py` checks that the schemas stay within them and that
jsonschema agrees with this module on valid and invalid documents.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import math
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from .diagnostics import Diagnostic, Loc

if TYPE_CHECKING:
    from collections.abc import Callable

SCHEMA_NAMES = ("okrs", "organization", "glossary")

SUPPORTED_KEYWORDS = frozenset(
    {
        "$schema", "$id", "$ref", "$defs", "title", "description", "default", "type",
        "properties", "required", "additionalProperties", "propertyNames", "items", "enum",
        "const", "pattern", "minLength", "maxLength", "minimum", "maximum", "minItems",
        "format",
    }
)  # fmt: skip

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_NUMBER = re.compile(r"[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?")
_INTEGER = re.compile(r"[-+]?[0-9][0-9_]*")
_NONFINITE = re.compile(r"[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

_KIND = {
    yaml.ScalarNode: "a single value",
    yaml.SequenceNode: "a list",
    yaml.MappingNode: "a mapping",
}
_WANT = {
    "object": "a mapping of keys to values",
    "array": "a list",
    "string": "a string",
    "number": "a number",
    "integer": "a whole number",
}


def schema_path(name: str) -> Path:
    """Return the path of a shipped schema (`okrs`, `organization` or `glossary`)."""
    filename = f"{name}.schema.json"
    packaged = resources.files(__package__).joinpath("schema", filename)
    if packaged.is_file():
        return Path(str(packaged))
    # Running from a source checkout (editable install): the repository's schema/ folder.
    return Path(__file__).resolve().parents[2] / "schema" / filename


@cache
def schema_document(name: str) -> dict[str, Any]:
    """Return a shipped schema as a JSON document."""
    with schema_path(name).open(encoding="utf-8") as f:
        document: dict[str, Any] = json.load(f)
    return document


class YMap(dict[str, Any]):
    """A mapping read from YAML that remembers where it and each of its values stand."""

    __slots__ = ("mark", "marks")

    mark: yaml.Mark
    marks: dict[str, yaml.Mark]

    def loc(self, path: str, key: str | None = None) -> Loc:
        """Return the location of the value under `key`, or of the mapping itself."""
        mark = self.marks.get(key, self.mark) if key is not None else self.mark
        return Loc(path, mark.line + 1, mark.column + 1)


class YList(list[Any]):
    """A list read from YAML that remembers where each item stands."""

    __slots__ = ("mark", "marks")

    mark: yaml.Mark
    marks: list[yaml.Mark]

    def loc(self, path: str, index: int | None = None) -> Loc:
        """Return the location of the item at `index`, or of the list itself."""
        mark = self.marks[index] if index is not None else self.mark
        return Loc(path, mark.line + 1, mark.column + 1)


@dataclass(eq=False)
class Checker:
    """One compiled schema: what a node must look like and how to turn it into a value."""

    label: str = "value"
    type: str | tuple[str, ...] | None = None
    """One JSON type, or a list of them (at most one scalar type, so a node's kind decides)."""
    properties: dict[str, Checker] = field(default_factory=dict)
    required: tuple[str, ...] = ()
    additional: Checker | bool | None = True
    property_names: Checker | None = None
    items: Checker | None = None
    enum: tuple[Any, ...] | None = None
    const: Any = None
    has_const: bool = False
    pattern: re.Pattern[str] | None = None
    pattern_text: str = ""
    min_length: int | None = None
    max_length: int | None = None
    minimum: float | None = None
    maximum: float | None = None
    min_items: int | None = None
    is_date: bool = False


_LABELS = {
    "objective": "objective",
    "keyResult": "key result",
    "initiative": "initiative",
    "checkin": "check-in",
    "cycle": "cycle",
    "team": "team",
    "term": "glossary term",
    "accept": "accept",
}


@cache
def checker(name: str) -> Checker:
    """Compile the shipped schema `name` into a checker."""
    document = schema_document(name)
    defs: dict[str, Any] = document.get("$defs", {})
    compiled: dict[str, Checker] = {}

    def compile_(s: dict[str, Any], label: str) -> Checker:
        unsupported = set(s) - SUPPORTED_KEYWORDS
        if unsupported:
            raise ValueError(f"schema {name}: unsupported keywords {sorted(unsupported)}")
        if "$ref" in s:
            ref = s["$ref"]
            def_name = ref.removeprefix("#/$defs/")
            target = defs[def_name]
            extra = {k: v for k, v in s.items() if k not in ("$ref", "description", "default")}
            if not extra:
                if def_name not in compiled:
                    compiled[def_name] = compile_(target, _LABELS.get(def_name, label))
                return compiled[def_name]
            return compile_({**target, **extra}, _LABELS.get(def_name, label))
        c = Checker(label=label, type=_compile_type(name, s.get("type")))
        if "const" in s:
            c.const, c.has_const = s["const"], True
            c.type = c.type or ("integer" if isinstance(s["const"], int) else "string")
        c.properties = {k: compile_(v, k) for k, v in s.get("properties", {}).items()}
        c.required = tuple(s.get("required", ()))
        extra_props = s.get("additionalProperties", True)
        c.additional = (
            compile_(extra_props, label) if isinstance(extra_props, dict) else extra_props
        )
        if "propertyNames" in s:
            c.property_names = compile_(s["propertyNames"], "key")
        if "items" in s:
            c.items = compile_(s["items"], label)
        if "enum" in s:
            c.enum = tuple(s["enum"])
        if "pattern" in s:
            c.pattern_text = s["pattern"]
            c.pattern = re.compile(s["pattern"])
        c.min_length = s.get("minLength")
        c.max_length = s.get("maxLength")
        c.minimum = s.get("minimum")
        c.maximum = s.get("maximum")
        c.min_items = s.get("minItems")
        c.is_date = s.get("format") == "date"
        return c

    return compile_(document, "file")


_SCALAR_TYPES = frozenset({"string", "number", "integer"})


def _compile_type(name: str, t: Any) -> str | tuple[str, ...] | None:
    """A type list is read by the kind of YAML node, so it may hold one scalar type only."""
    if not isinstance(t, list):
        return t  # type: ignore[no-any-return]
    if len(set(t) & _SCALAR_TYPES) > 1:
        raise ValueError(f"schema {name}: type list {t} has more than one scalar type")
    return tuple(t)


def _node_type(node: yaml.Node, types: tuple[str, ...]) -> str | None:
    """The member of a type list that a node of this kind can be, if any."""
    if type(node) is yaml.MappingNode:
        return "object" if "object" in types else None
    if type(node) is yaml.SequenceNode:
        return "array" if "array" in types else None
    return next((t for t in types if t in _SCALAR_TYPES), None)


class Converter:
    """Turns a YAML node into plain values, checking it against a schema as it goes."""

    def __init__(self, path: str, report: Callable[[Diagnostic], None]) -> None:
        self.path = path
        self.report = report

    def error(self, mark: yaml.Mark, code: str, name: str, message: str) -> None:
        self.report(Diagnostic(Loc(self.path, mark.line + 1, mark.column + 1), code, name, message))

    def wrong_type(self, node: yaml.Node, c: Checker, what: str) -> None:
        got = _KIND.get(type(node), "a value")
        if isinstance(node, yaml.ScalarNode) and not node.style and node.value in _NULLS:
            got = "nothing (null)"
        types = c.type if isinstance(c.type, tuple) else (c.type or "",)
        want = " or ".join(_WANT.get(t, "a value") for t in types)
        self.error(node.start_mark, "OKR011", "wrong-type", f"{what} must be {want}, got {got}")

    def convert(self, node: yaml.Node, c: Checker, what: str) -> Any:
        """Return the value of `node`, or None after reporting why it does not fit `c`."""
        t = c.type
        if isinstance(t, tuple):
            t = _node_type(node, t)
            if t is None:
                self.wrong_type(node, c, what)
                return None
        if t == "object":
            if type(node) is not yaml.MappingNode:
                self.wrong_type(node, c, what)
                return None
            return self.mapping(node, c, what)
        if t == "array":
            if type(node) is not yaml.SequenceNode:
                self.wrong_type(node, c, what)
                return None
            items = c.items
            result = YList()
            result.mark = node.start_mark
            result.marks = marks = []
            for child in node.value:
                item = self.convert(child, items, what) if items is not None else child.value
                if item is not None:
                    result.append(item)
                    marks.append(child.start_mark)
            if c.min_items is not None and len(node.value) < c.min_items:
                self.error(
                    node.start_mark, "OKR013", "invalid-value",
                    f"{what} needs at least {c.min_items} item(s)",
                )  # fmt: skip
            return result
        if type(node) is not yaml.ScalarNode:
            self.wrong_type(node, c, what)
            return None
        text: str = node.value
        plain = not node.style
        if t == "string":
            if plain and text in _NULLS:
                self.wrong_type(node, c, what)
                return None
            return self.string(node, text, c, what)
        # number or integer
        if not plain:
            self.error(
                node.start_mark, "OKR011", "wrong-type",
                f"{what} must be a number, got the quoted text {text!r}; remove the quotes",
            )  # fmt: skip
            return None
        if text in _NULLS:
            self.wrong_type(node, c, what)
            return None
        value: float | int
        if _INTEGER.fullmatch(text):
            value = int(text.replace("_", ""))
        elif _NUMBER.fullmatch(text):
            value = float(text.replace("_", ""))
            if not math.isfinite(value):
                self.error(node.start_mark, "OKR013", "invalid-value", f"{what} is too large")
                return None
        elif _NONFINITE.fullmatch(text):
            self.error(
                node.start_mark, "OKR013", "invalid-value",
                f"{what} must be a finite number, not {text}",
            )  # fmt: skip
            return None
        else:
            self.error(
                node.start_mark, "OKR011", "wrong-type",
                f"{what} must be a number, got {text!r}",
            )  # fmt: skip
            return None
        if t == "integer" and not isinstance(value, int):
            self.wrong_type(node, c, what)
            return None
        if c.has_const and value != c.const:
            self.error(node.start_mark, "OKR013", "invalid-value", _const_message(what, value, c))
            return None
        if c.minimum is not None and value < c.minimum:
            self.error(
                node.start_mark, "OKR013", "invalid-value",
                f"{what} must be at least {c.minimum:g}, got {text}",
            )  # fmt: skip
            return None
        if c.maximum is not None and value > c.maximum:
            self.error(
                node.start_mark, "OKR013", "invalid-value",
                f"{what} must be at most {c.maximum:g}, got {text}",
            )  # fmt: skip
            return None
        return value

    def string(self, node: yaml.Node, text: str, c: Checker, what: str) -> Any:
        if c.enum is not None and text not in c.enum:
            close = difflib.get_close_matches(text, [str(e) for e in c.enum], n=1, cutoff=0.6)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            allowed = ", ".join(str(e) for e in c.enum)
            self.error(
                node.start_mark, "OKR013", "invalid-value",
                f"{what} must be one of {allowed}, got {text!r}{hint}",
            )  # fmt: skip
            return None
        if c.min_length is not None and len(text) < c.min_length:
            self.error(node.start_mark, "OKR013", "invalid-value", f"{what} must not be empty")
            return None
        if c.max_length is not None and len(text) > c.max_length:
            self.error(
                node.start_mark, "OKR013", "invalid-value",
                f"{what} must be at most {c.max_length} characters, got {len(text)}",
            )  # fmt: skip
            return None
        if c.is_date:
            return self.date(node, text, what)
        if c.pattern is not None and c.pattern.search(text) is None:
            self.error(node.start_mark, "OKR013", "invalid-value", _pattern_message(what, text, c))
            return None
        return text

    def date(self, node: yaml.Node, text: str, what: str) -> dt.date | None:
        if not _DATE.fullmatch(text):
            self.error(
                node.start_mark, "OKR013", "invalid-value",
                f"{what} must be a date written YYYY-MM-DD, got {text!r}",
            )  # fmt: skip
            return None
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            self.error(
                node.start_mark, "OKR013", "invalid-value",
                f"{what} {text} is not a real date",
            )  # fmt: skip
            return None

    def mapping(self, node: yaml.MappingNode, c: Checker, what: str) -> YMap:
        result = YMap()
        result.mark = node.start_mark
        result.marks = marks = {}
        props = c.properties
        additional = c.additional
        key_marks: dict[str, yaml.Mark] = {}
        for key_node, value_node in node.value:
            if type(key_node) is not yaml.ScalarNode:
                self.error(
                    key_node.start_mark, "OKR011", "wrong-type",
                    "a key must be a plain word, not a list or mapping",
                )  # fmt: skip
                continue
            key: str = key_node.value
            first = key_marks.get(key)
            if first is not None:
                self.error(
                    key_node.start_mark, "OKR004", "duplicate-key",
                    f"duplicate key {key!r} (first at line {first.line + 1}); "
                    "YAML would silently keep only one value",
                )  # fmt: skip
                continue
            key_marks[key] = key_node.start_mark
            sub = props.get(key)
            if sub is None:
                if additional is True:
                    result[key] = value_node.value
                    marks[key] = value_node.start_mark
                    continue
                if additional is False or additional is None:
                    self.unknown_key(key_node, key, c, what)
                    continue
                names = c.property_names
                if names is not None and self.convert(key_node, names, f"{c.label} key") is None:
                    continue
                sub = additional
                sub_what = f"{what} {key}"
            else:
                sub_what = key if what in ("file", "") else f"{c.label} {key}"
            value = self.convert(value_node, sub, sub_what)
            if value is not None:
                result[key] = value
                marks[key] = value_node.start_mark
        for key in c.required:
            if key not in key_marks:
                self.error(
                    node.start_mark, "OKR012", "missing-key",
                    f"{c.label} has no {key!r}; it is required",
                )  # fmt: skip
        return result

    def unknown_key(self, key_node: yaml.Node, key: str, c: Checker, what: str) -> None:
        known = list(c.properties)
        close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
        hint = f"; did you mean {close[0]!r}?" if close else f"; expected one of {', '.join(known)}"
        self.error(
            key_node.start_mark, "OKR010", "unknown-key",
            f"unknown key {key!r} in {c.label}{hint}",
        )  # fmt: skip


def _const_message(what: str, value: object, c: Checker) -> str:
    if what == "version":
        return (
            f"version {value} is not a format this okrs-as-code reads (it reads version "
            f"{c.const}); upgrade okrs-as-code, or write version: {c.const}"
        )
    return f"{what} must be {c.const!r}, got {value!r}"


_PATTERN_HINTS = {
    "^[a-z0-9]+(-[a-z0-9]+)*$": (
        "an id: lower-case letters and digits, words joined by single hyphens"
    ),
    "\\S": "text that is not blank",
    "^OKR[0-9]{3}$": "a rule code such as OKR101",
    "^https?://[^\\s]+$": "an http:// or https:// URL without spaces",
    "^[+-][0-9]+(\\.[0-9]+)?%?$": ("a change written with its sign, such as +25%, -10% or +3"),
}


def _pattern_message(what: str, text: str, c: Checker) -> str:
    hint = _PATTERN_HINTS.get(c.pattern_text)
    if hint is None and "/" in c.pattern_text:
        hint = (
            "a reference written team/objective or team/objective/kr"
            if c.pattern_text.startswith("^[a-z")
            else "a reference written cycle/team/objective"
        )
    if hint is None:
        hint = f"text matching {c.pattern_text}"
    if text.strip() == "":
        return f"{what} must not be blank"
    return f"{what} must be {hint}, got {text!r}"
