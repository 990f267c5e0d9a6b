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

from .diagnostics import Diagnostic, Loc

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    import yaml

SCHEMA_NAMES = ("okrs", "organization", "glossary")

SUPPORTED_KEYWORDS = frozenset(
    {
        "$schema", "$id", "$ref", "$defs", "title", "description", "default", "type",
        "properties", "required", "additionalProperties", "propertyNames", "items", "enum",
        "const", "pattern", "minLength", "maxLength", "minimum", "maximum", "minItems",
        "format",
    }
)  # fmt: skip

# Keywords that only apply to one instance type (JSON Schema ignores them for the others).
_STRING_KEYWORDS = frozenset({"pattern", "minLength", "maxLength", "format"})
_NUMBER_KEYWORDS = frozenset({"minimum", "maximum"})
_ARRAY_KEYWORDS = frozenset({"items", "minItems"})
_OBJECT_KEYWORDS = frozenset({"properties", "required", "additionalProperties", "propertyNames"})
_TYPES = frozenset({"object", "array", "string", "number", "integer"})
_ANNOTATIONS = frozenset({"$schema", "$id", "title", "description", "default"})

IMPLICIT = "?"
"""The tag the loader gives every node written without one (the schema types it)."""
_STR_TAG, _INT_TAG, _FLOAT_TAG = (f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float"))
# Explicit tags that say what the schema would say anyway; any other tag (!!binary, !!set,
# !!bool, !custom, ...) is refused, as check-jsonschema refuses or reads it differently.
_EXPLICIT_TAGS = {
    _STR_TAG: "str", _INT_TAG: "int", _FLOAT_TAG: "float",
    "tag:yaml.org,2002:seq": "seq", "tag:yaml.org,2002:map": "map",
}  # fmt: skip
_NODE_OF_TAG = {
    "str": "scalar", "int": "scalar", "float": "scalar", "seq": "sequence", "map": "mapping",
}  # fmt: skip
# Python's int() refuses more than 4,300 digits; a float holds about 1.8e308.
_MAX_DIGITS = 308
# Characters a YAML escape ("\0", "\e", "\u202e") can put into text that would act on a
# terminal or reorder what readers see: C0 and C1 controls (tab and line feed aside), DEL and
# the bidirectional overrides and isolates.
_HIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Something a reader can see: not a space, not a format character (zero-width, bidi marks).
_VISIBLE = re.compile("[^\\s\u200b-\u200f\u2060-\u2064\ufeff\u00ad\u034f\u180e]")


def what_tag(tag: str) -> str:
    """A tag as the user wrote it, for messages."""
    short = tag.removeprefix("tag:yaml.org,2002:")
    return f"the YAML tag !!{short}" if short != tag else f"the YAML tag {tag}"


_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_NUMBER = re.compile(r"[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?")
_INTEGER = re.compile(r"[-+]?[0-9][0-9_]*")
_NONFINITE = re.compile(r"[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

# By node kind (the `id` of PyYAML's node classes, and of the loader's lighter ones).
_KIND = {"scalar": "a single value", "sequence": "a list", "mapping": "a mapping"}
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


class SchemaError(ValueError):
    """A schema uses a keyword, or a form of one, that this module does not implement exactly."""


# ECMA-262 (the dialect JSON Schema patterns are written in) differs from Python's `re`: `$`
# matches only at the very end (Python's also before a final newline), `\d` and `\w` are
# ASCII, `\s` is a fixed set of Unicode spaces and `.` stops at four line terminators. The
# translation below rewrites those; any construct whose meaning could differ is refused.
_ECMA_SPACE = r"\t\n\x0b\x0c\r \xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
_CLASS_ESCAPES = {"d": "0-9", "w": "A-Za-z0-9_", "s": _ECMA_SPACE}
_PLAIN_ESCAPES = frozenset("\\^$.|?*+()[]{}/-ntrfv0")


def ecma_pattern(pattern: str) -> re.Pattern[str]:
    """Compile an ECMA-262 pattern (as JSON Schema means it) into an equivalent Python one."""
    out: list[str] = []
    i, n, in_class = 0, len(pattern), False
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            if i + 1 >= n:
                raise SchemaError(f"pattern {pattern!r} ends with a backslash")
            e = pattern[i + 1]
            i += 2
            if e.lower() in _CLASS_ESCAPES:
                body = _CLASS_ESCAPES[e.lower()]
                if in_class:
                    if e.isupper():
                        raise SchemaError(f"pattern {pattern!r}: \\{e} inside [...]")
                    out.append(body)
                else:
                    out.append(f"[^{body}]" if e.isupper() else f"[{body}]")
            elif e == "0" and i < n and pattern[i].isdigit():
                raise SchemaError(f"pattern {pattern!r}: octal escape")
            elif e in _PLAIN_ESCAPES:
                out.append("\\" + e)
            elif e == "u" and re.fullmatch(r"[0-9A-Fa-f]{4}", pattern[i : i + 4]):
                out.append("\\u" + pattern[i : i + 4])
                i += 4
            elif e == "x" and re.fullmatch(r"[0-9A-Fa-f]{2}", pattern[i : i + 2]):
                out.append("\\x" + pattern[i : i + 2])
                i += 2
            else:
                raise SchemaError(f"pattern {pattern!r}: escape \\{e} is not supported")
            continue
        i += 1
        if in_class:
            if ch == "]":
                in_class = False
            elif ch == "[":
                raise SchemaError(f"pattern {pattern!r}: '[' inside [...] (write \\[)")
            out.append(ch)
            continue
        if ch == "[":
            in_class = True
            out.append(ch)
            if pattern[i : i + 1] == "^":
                out.append("^")
                i += 1
            if pattern[i : i + 1] == "]":
                raise SchemaError(f"pattern {pattern!r}: empty class []")
        elif ch == "$":
            out.append(r"\Z")
        elif ch == ".":
            out.append("[^\\n\\r\\u2028\\u2029]")
        elif ch == "(" and pattern[i : i + 1] == "?":
            if pattern[i : i + 2] != "?:":
                raise SchemaError(f"pattern {pattern!r}: only (...) and (?:...) groups")
            out.append("(?:")
            i += 2
        elif ch == "{" and not re.match(r"[0-9]+(,[0-9]*)?\}", pattern[i:]):
            raise SchemaError(f"pattern {pattern!r}: write a literal {{ as \\{{")
        else:
            out.append(ch)
    if in_class:
        raise SchemaError(f"pattern {pattern!r}: unclosed [")
    try:
        return re.compile("".join(out))
    except re.error as e:
        raise SchemaError(f"pattern {pattern!r}: {e}") from None


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
    type: str | None = None
    types: tuple[str, ...] | None = None
    """Every type a type list allows, in the schema's order (None for a single type)."""
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
    is_uri: bool = False


# RFC 3986: a scheme, a colon, then only the characters a URI may hold, percent-escapes whole.
URI = re.compile(
    r"[A-Za-z][A-Za-z0-9+.-]*:(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*"
)

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


def _json_type(value: Any) -> str | None:
    """The JSON Schema type of an enum or const member this walker can compare exactly."""
    if isinstance(value, bool) or value is None:
        return None  # the walker never produces true, false or null
    if isinstance(value, str):
        return "string"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float) and math.isfinite(value):
        return "integer" if value.is_integer() else "number"
    return None


def _count(s: dict[str, Any], key: str, where: str) -> int | None:
    value = s.get(key)
    if value is not None and (type(value) is not int or value < 0):
        raise SchemaError(f"{where}: {key} must be a non-negative integer")
    return value


def compile_schema(document: dict[str, Any], name: str = "schema") -> Checker:
    """Compile a schema document; SchemaError for anything not implemented exactly."""
    defs: dict[str, Any] = document.get("$defs", {})
    compiled: dict[str, Checker] = {}

    def compile_(s: Any, label: str, where: str) -> Checker:
        if not isinstance(s, dict):
            raise SchemaError(f"{name} {where}: a schema must be an object here")
        unsupported = set(s) - SUPPORTED_KEYWORDS
        if unsupported:
            raise SchemaError(f"{name} {where}: unsupported keywords {sorted(unsupported)}")
        if "$ref" in s:
            ref = s["$ref"]
            if not isinstance(ref, str) or not ref.startswith("#/$defs/"):
                raise SchemaError(f"{name} {where}: only #/$defs/ references are supported")
            def_name = ref.removeprefix("#/$defs/")
            if def_name not in defs:
                raise SchemaError(f"{name} {where}: no definition {def_name!r}")
            target = defs[def_name]
            extra = {k: v for k, v in s.items() if k != "$ref" and k not in _ANNOTATIONS}
            if not extra:
                if def_name not in compiled:
                    compiled[def_name] = compile_(
                        target, _LABELS.get(def_name, label), f"#/$defs/{def_name}"
                    )
                return compiled[def_name]
            # $ref and sibling keywords must all hold; merging is exact only when they differ.
            clash = set(extra) & (set(target) - _ANNOTATIONS)
            if clash or "$ref" in target:
                raise SchemaError(f"{name} {where}: {sorted(clash)} beside a $ref")
            return compile_({**target, **extra}, _LABELS.get(def_name, label), where)
        raw_type = s.get("type")
        types: tuple[str, ...] | None = None
        single: str | None
        if isinstance(raw_type, list):
            if not raw_type or not all(t in _TYPES for t in raw_type):
                raise SchemaError(f"{name} {where}: type list {raw_type!r} is not supported")
            if len(set(raw_type)) != len(raw_type):
                raise SchemaError(f"{name} {where}: type list {raw_type!r} repeats a type")
            types = tuple(raw_type)
            single = raw_type[0] if len(raw_type) == 1 else None
            if single is not None:
                types = None
        elif raw_type is None:
            if "const" not in s:
                raise SchemaError(f"{name} {where}: every schema needs a type (or const)")
            single = _json_type(s["const"])
        elif raw_type in _TYPES:
            single = raw_type
        else:
            raise SchemaError(f"{name} {where}: type {raw_type!r} is not supported")
        allowed = frozenset(types or ((single,) if single else ()))
        if "number" in allowed:
            allowed |= {"integer"}
        c = Checker(label=label, type=single, types=types)
        for member_key in ("const", "enum"):
            if member_key not in s:
                continue
            members = [s["const"]] if member_key == "const" else s["enum"]
            if member_key == "enum" and (not isinstance(members, list) or not members):
                raise SchemaError(f"{name} {where}: enum must be a non-empty list")
            for member in members:
                kind = _json_type(member)
                if kind is None or not (
                    kind in allowed or (kind == "integer" and "number" in allowed)
                ):
                    raise SchemaError(
                        f"{name} {where}: {member_key} member {member!r} is not supported"
                    )
        if "const" in s:
            c.const, c.has_const = s["const"], True
        if "enum" in s:
            c.enum = tuple(s["enum"])
        present = set(s)
        for keywords, kinds in (
            (_STRING_KEYWORDS, {"string"}),
            (_NUMBER_KEYWORDS, {"number", "integer"}),
            (_ARRAY_KEYWORDS, {"array"}),
            (_OBJECT_KEYWORDS, {"object"}),
        ):
            if present & keywords and not allowed & kinds:
                # Harmless in JSON Schema, but a sign the schema says something it does not mean.
                raise SchemaError(f"{name} {where}: {sorted(present & keywords)} without the type")
        c.properties = {
            k: compile_(v, k, f"{where}/properties/{k}") for k, v in s.get("properties", {}).items()
        }
        required = s.get("required", [])
        if not isinstance(required, list) or not all(isinstance(r, str) for r in required):
            raise SchemaError(f"{name} {where}: required must be a list of names")
        c.required = tuple(required)
        extra_props = s.get("additionalProperties", True)
        if isinstance(extra_props, dict):
            c.additional = compile_(extra_props, label, f"{where}/additionalProperties")
        elif isinstance(extra_props, bool):
            c.additional = extra_props
        else:
            raise SchemaError(f"{name} {where}: additionalProperties must be a schema or boolean")
        if "propertyNames" in s:
            c.property_names = compile_(s["propertyNames"], "key", f"{where}/propertyNames")
            if c.property_names.type != "string" or c.property_names.types is not None:
                raise SchemaError(f"{name} {where}: propertyNames must be of type string")
            if c.properties:
                raise SchemaError(f"{name} {where}: propertyNames beside properties")
        if "items" in s:
            c.items = compile_(s["items"], label, f"{where}/items")
        if "pattern" in s:
            if not isinstance(s["pattern"], str):
                raise SchemaError(f"{name} {where}: pattern must be a string")
            c.pattern_text = s["pattern"]
            c.pattern = ecma_pattern(s["pattern"])
        c.min_length = _count(s, "minLength", where)
        c.max_length = _count(s, "maxLength", where)
        c.min_items = _count(s, "minItems", where)
        for bound in ("minimum", "maximum"):
            value = s.get(bound)
            if value is not None and _json_type(value) not in ("integer", "number"):
                raise SchemaError(f"{name} {where}: {bound} must be a number")
        c.minimum = s.get("minimum")
        c.maximum = s.get("maximum")
        if "format" in s:
            if s["format"] not in ("date", "uri"):
                raise SchemaError(f"{name} {where}: format {s['format']!r} is not supported")
            c.is_date = s["format"] == "date"
            c.is_uri = s["format"] == "uri"
        return c

    return compile_(document, "file", "#")


@cache
def checker(name: str) -> Checker:
    """Compile the shipped schema `name` into a checker."""
    return compile_schema(schema_document(name), name)


def _consuming(items: list[Any]) -> Iterator[Any]:
    """The items of a list, each removed from it as it is handed out."""
    for i, item in enumerate(items):
        items[i] = None
        yield item


class Converter:
    """Turns a YAML node into plain values, checking it against a schema as it goes."""

    def __init__(
        self, path: str, report: Callable[[Diagnostic], None], *, consume: bool = False
    ) -> None:
        self.path = path
        self.report = report
        self.consume = consume
        """Release each node once converted, so a big file's tree and its values are never
        all in memory at once (the tree is unusable afterwards)."""

    def error(self, mark: yaml.Mark, code: str, name: str, message: str) -> None:
        self.report(Diagnostic(Loc(self.path, mark.line + 1, mark.column + 1), code, name, message))

    def wrong_type(self, node: Any, c: Checker, what: str) -> None:
        got = _KIND.get(node.id, "a value")
        if node.id == "scalar" and not node.style and node.value in _NULLS:
            got = "nothing (null)"
        types = c.type if isinstance(c.type, tuple) else (c.type or "",)
        want = " or ".join(_WANT.get(t, "a value") for t in types)
        self.error(node.start_mark, "OKR011", "wrong-type", f"{what} must be {want}, got {got}")

    def kind_of(self, node: Any, c: Checker, what: str) -> str | None:
        """The type a node is checked as; None after reporting an explicit tag it cannot have."""
        tag = node.tag
        if tag != IMPLICIT:
            explicit = _EXPLICIT_TAGS.get(tag)
            if explicit is None or _NODE_OF_TAG[explicit] != node.id:
                self.error(
                    node.start_mark, "OKR011", "wrong-type",
                    f"{what}: {what_tag(tag)} is not allowed here; write the value without a tag",
                )  # fmt: skip
                return None
        else:
            explicit = None
        types = c.types
        if types is None:
            return c.type
        if node.id == "mapping":
            return "object" if "object" in types else None
        if node.id == "sequence":
            return "array" if "array" in types else None
        numeric = "number" if "number" in types else "integer" if "integer" in types else None
        if explicit == "str" or getattr(node, "style", None) or numeric is None:
            return "string" if "string" in types else numeric
        if explicit in ("int", "float") or "string" not in types:
            return numeric
        text = node.value
        return numeric if _NUMBER.fullmatch(text) or _NONFINITE.fullmatch(text) else "string"

    def wrong_kind(self, node: Any, c: Checker, what: str) -> None:
        if c.types is None:
            self.wrong_type(node, c, what)
            return
        want = " or ".join(_WANT[t] for t in c.types)
        self.error(
            node.start_mark, "OKR011", "wrong-type",
            f"{what} must be {want}, got {_KIND.get(node.id, 'a value')}",
        )  # fmt: skip

    def convert(self, node: Any, c: Checker, what: str) -> Any:
        """Return the value of `node`, or None after reporting why it does not fit `c`."""
        t = c.type if node.tag == IMPLICIT and c.types is None else self.kind_of(node, c, what)
        if t is None:
            if c.types is not None:
                self.wrong_kind(node, c, what)
            return None
        if t == "object":
            if node.id != "mapping":
                self.wrong_kind(node, c, what)
                return None
            return self.mapping(node, c, what)
        if t == "array":
            if node.id != "sequence":
                self.wrong_kind(node, c, what)
                return None
            items = c.items
            result = YList()
            result.mark = node.start_mark
            result.marks = marks = []
            children = node.value
            count = len(children)
            for child in _consuming(children) if self.consume else children:
                item = self.convert(child, items, what) if items is not None else child.value
                if item is not None:
                    result.append(item)
                    marks.append(child.start_mark)
            if c.min_items is not None and count < c.min_items:
                self.error(
                    node.start_mark, "OKR013", "invalid-value",
                    f"{what} needs at least {c.min_items} item(s)",
                )  # fmt: skip
            return result
        if node.id != "scalar":
            self.wrong_kind(node, c, what)
            return None
        text: str = node.value
        plain = not node.style and node.tag in (IMPLICIT, _INT_TAG, _FLOAT_TAG)
        if t == "string":
            if plain and node.tag == IMPLICIT and text in _NULLS:
                self.wrong_type(node, c, what)
                return None
            if node.tag not in (IMPLICIT, _STR_TAG):
                self.wrong_kind(node, c, what)
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
            digits = text.replace("_", "")
            if len(digits) > _MAX_DIGITS:
                self.error(node.start_mark, "OKR013", "invalid-value", f"{what} is too large")
                return None
            value = int(digits)
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
        if t == "integer" and not (isinstance(value, int) or value.is_integer()):
            self.wrong_type(node, c, what)
            return None
        if c.has_const and value != c.const:
            self.error(node.start_mark, "OKR013", "invalid-value", _const_message(what, value, c))
            return None
        if c.enum is not None and not any(
            value == e and not isinstance(e, str | bool) for e in c.enum
        ):
            allowed = ", ".join(str(e) for e in c.enum)
            self.error(
                node.start_mark, "OKR013", "invalid-value",
                f"{what} must be one of {allowed}, got {text}",
            )  # fmt: skip
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

    def string(self, node: Any, text: str, c: Checker, what: str) -> Any:
        # Printable ASCII (most text) can hold nothing hidden or invisible.
        plain_ascii = text.isascii() and text.isprintable()
        hidden = None if plain_ascii else _HIDDEN.search(text)
        if hidden is not None:
            self.error(
                node.start_mark, "OKR013", "invalid-value",
                f"{what} holds the invisible control character "
                f"U+{ord(hidden.group()):04X}; remove it",
            )  # fmt: skip
            return None
        if c.has_const and text != c.const:
            self.error(node.start_mark, "OKR013", "invalid-value", _const_message(what, text, c))
            return None
        if c.enum is not None and text not in c.enum:
            close = difflib.get_close_matches(text, [str(e) for e in c.enum], n=1, cutoff=0.6)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            allowed = ", ".join(str(e) for e in c.enum)
            self.error(
                node.start_mark, "OKR013", "invalid-value",
                f"{what} must be one of {allowed}, got {text!r}{hint}",
            )  # fmt: skip
            return None
        # JSON Schema counts length in code points, as Python does.
        if c.min_length is not None and len(text) < c.min_length:
            message = (
                f"{what} must not be empty"
                if c.min_length == 1
                else f"{what} must be at least {c.min_length} characters, got {len(text)}"
            )
            self.error(node.start_mark, "OKR013", "invalid-value", message)
            return None
        if c.max_length is not None and len(text) > c.max_length:
            self.error(
                node.start_mark, "OKR013", "invalid-value",
                f"{what} must be at most {c.max_length} characters, got {len(text)}",
            )  # fmt: skip
            return None
        value: Any = text
        if c.is_date:
            value = self.date(node, text, what)
            if value is None:
                return None
        if c.pattern is not None and c.pattern.search(text) is None:
            self.error(node.start_mark, "OKR013", "invalid-value", _pattern_message(what, text, c))
            return None
        if c.pattern_text == "\\S" and not plain_ascii and _VISIBLE.search(text) is None:
            self.error(
                node.start_mark, "OKR013", "invalid-value",
                f"{what} has only invisible characters; write some text",
            )  # fmt: skip
            return None
        if c.is_uri and URI.fullmatch(text) is None:
            self.error(
                node.start_mark, "OKR013", "invalid-value",
                f"{what} must be a URL (RFC 3986; escape spaces as %20), got {text!r}",
            )  # fmt: skip
            return None
        return value

    def date(self, node: Any, text: str, what: str) -> dt.date | None:
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

    def mapping(self, node: Any, c: Checker, what: str) -> YMap:
        result = YMap()
        result.mark = node.start_mark
        result.marks = marks = {}
        props = c.properties
        additional = c.additional
        key_marks: dict[str, yaml.Mark] = {}
        pairs = node.value
        for key_node, value_node in _consuming(pairs) if self.consume else pairs:
            if key_node.id != "scalar":
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

    def unknown_key(self, key_node: Any, key: str, c: Checker, what: str) -> None:
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
