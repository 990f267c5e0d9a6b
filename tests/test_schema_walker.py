"""The schema walker means what JSON Schema means: ECMA-262 patterns, exact keywords or none.

The differential test generates documents (valid and broken) from the shipped schemas and from
a schema that uses every keyword the walker implements, writes them as YAML, and checks that the
walker and `jsonschema` (with ECMA-262 patterns through `regress`, as check-jsonschema uses)
agree on valid / invalid for every one.
"""

from __future__ import annotations

import json
import random
import string
from typing import Any

import jsonschema
import pytest
import regress

from okrs_as_code.diagnostics import Diagnostic
from okrs_as_code.loading import compose
from okrs_as_code.schema import (
    URI,
    Converter,
    SchemaError,
    compile_schema,
    ecma_pattern,
    schema_document,
)

# Walker --------------------------------------------------------------------------------------


def walk(schema: dict[str, Any], text: str) -> list[Diagnostic]:
    problems: list[Diagnostic] = []
    node = compose(text, "doc.yaml", problems.append)
    if node is not None:
        Converter("doc.yaml", problems.append).convert(node, compile_schema(schema), "file")
    return problems


STRING_FIELD = {"type": "object", "properties": {"v": {"type": "string"}}}


def messages(schema: dict[str, Any], text: str) -> list[str]:
    return [f"{d.loc.line}:{d.code} {d.message}" for d in walk(schema, text)]


# ECMA-262 patterns ---------------------------------------------------------------------------

PATTERNS = [
    "^[a-z0-9]+(-[a-z0-9]+)*$", r"\S", "^OKR[0-9]{3}$", r"^https?://[^\s]+$", "a.c", r"^\d+$",
    r"^\w+$", r"\s", "^a$|^b$", r"^[\d\s]+$", "^x{2,3}$", r"^\u00e9$", "(?:ab)+$", r"^\.$",
]  # fmt: skip
SUBJECTS = [
    "abc", "abc\n", "fast-checkout\n", "OKR101\n", "OKR101", "a\nc", "a\rc", "a\u2028c", "abc",
    "٣", "123", "12\n", "é", "\xa0", "\ufeff", "\x1c", "ab\n", "https://x", "https://x\n", "b",
    "xx", "xxx\n", ".", "ab", "abab", "a b", "\u3000", "\u200b", "1 2",
]  # fmt: skip


@pytest.mark.parametrize("pattern", PATTERNS)
def test_patterns_match_as_ecma_262_does(pattern: str) -> None:
    ours, reference = ecma_pattern(pattern), regress.Regex(pattern)
    for subject in SUBJECTS:
        assert (ours.search(subject) is not None) == (reference.find(subject) is not None), (
            pattern,
            subject,
        )


def test_an_id_with_a_trailing_newline_is_refused() -> None:
    schema = schema_document("okrs")
    text = 'version: 1\ncycle: 2026-Q4\nteam: "checkout\\n"\nobjectives: []\n'
    assert messages(schema, text) == [
        "3:OKR013 team must be an id: lower-case letters and digits, words joined by single "
        "hyphens, got 'checkout\\n'"
    ]


@pytest.mark.parametrize(
    "pattern", [r"(?<=a)b", r"\bword", r"(?i)a", r"[\D]", r"\p{L}", "a{", r"(?P<x>a)", r"\1"]
)
def test_patterns_whose_meaning_could_differ_are_refused_at_load(pattern: str) -> None:
    with pytest.raises(SchemaError):
        ecma_pattern(pattern)


# Keywords: implemented exactly or refused when the schema is loaded --------------------------


@pytest.mark.parametrize(
    "schema",
    [
        {"description": "no type"},
        {"enum": ["a", "b"]},
        {"type": "boolean"},
        {"type": ["string", "null"]},
        {"type": "string", "enum": [True]},
        {"type": "string", "const": None},
        {"type": "string", "minimum": 1},
        {"type": "number", "pattern": "a"},
        {"type": "string", "format": "email"},
        {"type": "array", "maxItems": 3},
        {"type": "object", "patternProperties": {}},
        {"type": "string", "minLength": -1},
        {"type": "object", "properties": {"a": {"$ref": "#/$defs/missing"}}},
        {"type": "object", "properties": {"a": {"$ref": "#/$defs/s", "pattern": "b"}}, "$defs": {"s": {"type": "string", "pattern": "a"}}},
    ],
)  # fmt: skip
def test_keywords_not_implemented_exactly_are_refused(schema: dict[str, Any]) -> None:
    with pytest.raises(SchemaError):
        compile_schema(schema)


def test_const_on_strings_and_enum_on_numbers_are_checked() -> None:
    schema = {
        "type": "object",
        "properties": {"s": {"const": "x"}, "n": {"type": "number", "enum": [1, 2.5]}},
    }
    assert messages(schema, 's: "x"\nn: 2.5\n') == []
    assert messages(schema, "s: y\nn: 2\n") == [
        "1:OKR013 s must be 'x', got 'y'",
        "2:OKR013 n must be one of 1, 2.5, got 2",
    ]


def test_type_lists_choose_the_branch_by_node_kind() -> None:
    schema = {
        "type": "object",
        "properties": {
            "owner": {
                "type": ["string", "array"],
                "minLength": 1,
                "items": {"type": "string", "minLength": 1},
            }
        },
    }
    assert messages(schema, "owner: ana\n") == []
    assert messages(schema, "owner: [ana, bo]\n") == []
    assert messages(schema, "owner: 30\n") == []  # a plain scalar is typed by the schema
    assert messages(schema, 'owner: ""\n') == ["1:OKR013 owner must not be empty"]
    assert messages(schema, "owner: {a: b}\n") == [
        "1:OKR011 owner must be a string or a list, got a mapping"
    ]


def test_a_whole_float_is_an_integer_as_in_json_schema() -> None:
    schema = {"type": "object", "properties": {"i": {"type": "integer"}}}
    assert messages(schema, "i: 3.0\n") == []
    assert messages(schema, "i: 3.5\n") == ["1:OKR011 i must be a whole number, got a single value"]


# Explicit YAML tags ---------------------------------------------------------------------------

NUMBER_FIELD = {"type": "object", "properties": {"v": {"type": "number"}}}


@pytest.mark.parametrize(
    ("schema", "text", "ok"),
    [
        (NUMBER_FIELD, "v: !!str 30\n", False),
        (NUMBER_FIELD, "v: !!int 30\n", True),
        (NUMBER_FIELD, "v: !!float 3.5\n", True),
        (NUMBER_FIELD, "v: !!bool 1\n", False),
        (NUMBER_FIELD, "v: !!binary aGk=\n", False),
        (NUMBER_FIELD, "v: !custom 3\n", False),
        (STRING_FIELD, "v: !!str 30\n", True),
        (STRING_FIELD, "v: ! text\n", False),
        (STRING_FIELD, "v: !!int 30\n", False),
        (STRING_FIELD, "v: !!timestamp 2026-01-01\n", False),
        (STRING_FIELD, "v: !!set {a: null}\n", False),
        (STRING_FIELD, "!!map {v: x}\n", True),
        (STRING_FIELD, "v: !!seq [x]\n", False),
    ],
)
def test_explicit_tags_are_honoured_or_refused(schema: dict[str, Any], text: str, ok: bool) -> None:
    assert (walk(schema, text) == []) is ok, messages(schema, text)


# Text that would act on a terminal or hide itself --------------------------------------------

TEXT_FIELD = {"type": "object", "properties": {"v": {"$ref": "#/$defs/text"}}, "$defs": {
    "text": {"type": "string", "minLength": 1, "pattern": "\\S"}}}  # fmt: skip


@pytest.mark.parametrize(
    "value",
    [r'"\0"', r'"a\eb"', r'"\u202eevil"', r'"\x9b2J"', r'"a\rb"', r'"\x07"', r'"\u2066x"'],
)
def test_escaped_control_characters_are_refused(value: str) -> None:
    assert [m.split(" ", 1)[0] for m in messages(STRING_FIELD, f"v: {value}\n")] == ["1:OKR013"]


@pytest.mark.parametrize("value", [r'"\u200b"', r'"\u200b\u200c\ufeff"', r'"\u2060 \u00ad"'])
def test_zero_width_only_text_is_refused(value: str) -> None:
    assert messages(TEXT_FIELD, f"v: {value}\n") == [
        "1:OKR013 v has only invisible characters; write some text"
    ]


def test_multi_line_text_and_tabs_stay_allowed() -> None:
    assert messages(STRING_FIELD, 'v: "a\\tb\\nc"\n') == []


def test_huge_integers_are_refused_cleanly() -> None:
    assert messages(NUMBER_FIELD, f"v: {'9' * 5000}\n") == ["1:OKR013 v is too large"]
    assert messages(NUMBER_FIELD, f"v: {'9' * 401}\n") == ["1:OKR013 v is too large"]
    assert messages(NUMBER_FIELD, f"v: {'9' * 300}\n") == []


# Differential test ---------------------------------------------------------------------------

EVERY_KEYWORD: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["kind"],
    "properties": {
        "kind": {"const": "x"},
        "version": {"const": 1},
        "owner": {
            "type": ["string", "array"],
            "minLength": 1,
            "maxLength": 5,
            "items": {"type": "string", "pattern": "^[a-z]+$"},
            "minItems": 1,
        },
        "n": {"type": ["number", "string"], "enum": [1, 2.5, "three"]},
        "i": {"type": "integer", "minimum": 0, "maximum": 10},
        "tags": {
            "type": "object",
            "propertyNames": {"type": "string", "pattern": r"^t\d$"},
            "additionalProperties": {"type": "number", "minimum": -1.5},
        },
        "d": {"type": "string", "format": "date"},
        "p": {"type": "string", "pattern": r"a.c$|\d\s\w"},
        "u": {"type": "string", "format": "uri"},
        "any": {"type": "object"},
    },
}
SCHEMAS = {name: schema_document(name) for name in ("okrs", "organization", "glossary")}
SCHEMAS["every-keyword"] = EVERY_KEYWORD
DOCUMENTS_PER_SCHEMA = 600


def _uri(instance: object) -> bool:
    """RFC 3986 `URI` checked character by character (independently of the walker's regex)."""
    if not isinstance(instance, str):
        return True
    scheme, colon, rest = instance.partition(":")
    if not colon or not scheme or not scheme[0].isascii() or not scheme[0].isalpha():
        return False
    if any(not (ch.isascii() and (ch.isalnum() or ch in "+.-")) for ch in scheme):
        return False
    allowed = set(string.ascii_letters + string.digits + "-._~:/?#[]@!$&'()*+,;=")
    i = 0
    while i < len(rest):
        if rest[i] == "%":
            if len(rest) < i + 3 or any(h not in string.hexdigits for h in rest[i + 1 : i + 3]):
                return False
            i += 3
        elif rest[i] in allowed:
            i += 1
        else:
            return False
    return True


def _ecma_pattern(validator: Any, pattern: str, instance: Any, schema: Any) -> Any:
    if isinstance(instance, str) and regress.Regex(pattern).find(instance) is None:
        yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")


_Reference = jsonschema.validators.extend(
    jsonschema.Draft202012Validator, {"pattern": _ecma_pattern}
)
_FORMATS = jsonschema.FormatChecker(["date"])
_FORMATS.checks("uri")(_uri)


POOL = [
    "fast-checkout", "fast-checkout\n", "a--b", "2026-Q4", "2026-02-30", "2026-01-01",
    "2026-01-01\n", "2026-1-01", "20260101", "OKR101", "OKR101\n", "okr101",
    "https://x.example/a?b=1", "https://a b", "https://x/\n", 'https://x/"', "https://x/%zz",
    "mailto:a@b", "three", "x", "", " ", "\t", "é", "\xa0", "\u3000", "abc", "a\nc", "a\u2028c",
    "1 b", "t1", "t12", "committed", "learning", "increase", "at_most", "ab" * 40, "x" * 65,
    "٣", "a" * 64, "checkout/pay", "checkout/pay/kr-1", "2026-Q4/checkout/pay", "Grow revenue",
]  # fmt: skip


class Tagged(float):
    """A number put where the schema may want text: written with an explicit !!int or !!float
    tag, as plain scalars are typed by the schema (a plain 1 in a text field is the text "1")."""

    whole: bool = False


def _tagged(number: float | int) -> Tagged:
    t = Tagged(number)
    t.whole = isinstance(number, int)
    return t


def _plain(value: Any) -> Any:
    """The document as JSON sees it."""
    if isinstance(value, Tagged):
        return int(value) if value.whole else float(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _scalar(value: Any) -> str:
    if isinstance(value, Tagged):
        return f"!!int {int(value)}" if value.whole else f"!!float {float(value)!r}"
    return json.dumps(value)


def _flow(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k)}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    return _scalar(value)


class Generator:
    """Values for a schema: mostly what it asks for, with a few mistakes at every depth."""

    def __init__(self, schema: dict[str, Any], seed: int) -> None:
        self.defs = schema.get("$defs", {})
        self.rng = random.Random(seed)
        self.fits: dict[str, list[str]] = {}

    def resolve(self, s: dict[str, Any]) -> dict[str, Any]:
        if "$ref" in s:
            target = self.defs[s["$ref"].removeprefix("#/$defs/")]
            return {**target, **{k: v for k, v in s.items() if k != "$ref"}}
        return s

    def anything(self, depth: int = 0) -> Any:
        r = self.rng.random()
        if r < 0.35 or depth > 2:
            return self.text()
        if r < 0.6:
            return _tagged(self.number())
        if r < 0.7:
            return None
        if r < 0.85:
            return [self.anything(depth + 1) for _ in range(self.rng.randint(0, 2))]
        return {self.text(): self.anything(depth + 1) for _ in range(self.rng.randint(0, 2))}

    def number(self) -> float | int:
        return self.rng.choice(
            [0, 1, -1, 2, 3, 10, 11, 2.5, 1.0, 3.0, -1.5, -2, 0.5, 1e20, 1.7e308, 10**300, 64]
        )

    def text(self) -> str:
        rng = self.rng
        word = "".join(rng.choice("abcxyz019-") for _ in range(rng.randint(0, 8)))
        return rng.choice([word, word + "\n", word.upper(), *POOL])

    def value(self, s: dict[str, Any], depth: int = 0) -> Any:
        s = self.resolve(s)
        rng = self.rng
        if rng.random() < 0.025 or depth > 6:
            return self.anything(depth)
        if "const" in s and rng.random() < 0.9:
            return s["const"]
        if "enum" in s and rng.random() < 0.8:
            return rng.choice(s["enum"])
        t = s.get("type")
        if isinstance(t, list):
            t = rng.choice(t)
        if t == "object":
            out: dict[str, Any] = {}
            props = s.get("properties", {})
            for key, sub in props.items():
                if (key in s.get("required", ()) and rng.random() < 0.97) or rng.random() < 0.4:
                    out[key] = self.value(sub, depth + 1)
            extra = s.get("additionalProperties", True)
            if rng.random() < 0.08 or (isinstance(extra, dict) and rng.random() < 0.7):
                for _ in range(rng.randint(1, 2)):
                    key = rng.choice(["t1", "t9", "tx", *props, self.text()])
                    out[key] = (
                        self.value(extra, depth + 1) if isinstance(extra, dict) else _tagged(1)
                    )
            return out
        if t == "array":
            n = rng.choice([0, 1, 1, 2, 3])
            items = s.get("items", {"type": "string"})
            return [self.value(items, depth + 1) for _ in range(n)]
        if t in ("number", "integer"):
            return self.number()
        if t == "string" and rng.random() < 0.8:
            return rng.choice(self.fitting(s))
        return self.text()

    def fitting(self, s: dict[str, Any]) -> list[str]:
        """Texts of the pool that `s` accepts (or the whole pool if none does)."""
        key = json.dumps(s, sort_keys=True)
        if key not in self.fits:
            check = _Reference(s, format_checker=_FORMATS)
            fits = [t for t in POOL if check.is_valid(t)]
            fits += [w for w in ("ana", "bo", "ab-c1", "x0") if check.is_valid(w)]
            self.fits[key] = fits or POOL
        return self.fits[key]


def _yaml(value: Any, indent: str = "", rng: random.Random | None = None) -> str:
    """`value` as YAML: strings double-quoted (ASCII escapes), so YAML types them as JSON does;
    block or flow style at random."""
    if isinstance(value, dict) and value and rng is not None and rng.random() < 0.7:
        lines = []
        for k, v in value.items():
            key = json.dumps(k)
            if isinstance(v, dict | list) and v:
                lines.append(f"{indent}{key}:\n{_yaml(v, indent + '  ', rng)}")
            else:
                lines.append(f"{indent}{key}: {_flow(v)}")
        return "\n".join(lines)
    if isinstance(value, list) and value and rng is not None and rng.random() < 0.7:
        lines = []
        for v in value:
            if isinstance(v, dict | list) and v:
                lines.append(f"{indent}-\n{_yaml(v, indent + '  ', rng)}")
            else:
                lines.append(f"{indent}- {_flow(v)}")
        return "\n".join(lines)
    return indent + _flow(value)


def test_walker_and_jsonschema_agree_on_generated_documents() -> None:
    checked = disagreements = 0
    examples = []
    valid_count = 0
    for name, schema in SCHEMAS.items():
        reference = _Reference(schema, format_checker=_FORMATS)
        generator = Generator(schema, seed=len(name))
        for _ in range(DOCUMENTS_PER_SCHEMA):
            document = generator.value(schema)
            text = _yaml(document, "", generator.rng) + "\n"
            ours = walk(schema, text) == []
            theirs = reference.is_valid(_plain(document))
            checked += 1
            valid_count += theirs
            if ours != theirs:
                disagreements += 1
                if len(examples) < 5:
                    examples.append((name, text, ours, theirs, messages(schema, text)[:2]))
    assert checked >= 2000
    assert disagreements == 0, examples
    # Both outcomes are exercised, not only one.
    assert 0.15 * checked < valid_count < 0.85 * checked, valid_count


def test_the_uri_format_grammars_agree() -> None:
    for text in [
        "https://a/b?c#d",
        "https://a b",
        "x:",
        "1x:a",
        "https://%41",
        "https://%4",
        "é:x",
    ]:
        assert (URI.fullmatch(text) is not None) == _uri(text), text
