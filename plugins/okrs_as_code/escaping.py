"""Escaping every string from data, file names or configuration for the place it goes.

A file name may hold a newline, an escape sequence or bytes that are not UTF-8 (Python hands
those over as lone surrogates); a message may quote such a name. Each output has its own rules:

- a terminal or log line: control characters, line breaks, bidirectional overrides and raw
  bytes become visible escapes (`\\n`, `\\x1b`, `\\u202e`), so nothing acts on the terminal and
  nothing starts a new line that a CI system would read as a command;
- JSON: valid UTF-8 whatever the name (raw bytes become `\\xff`);
- GitHub workflow commands: their own percent-escapes, after the above;
- URIs (SARIF): percent-encoded from the file name's bytes.
"""

from __future__ import annotations

import os
import re
from urllib.parse import quote

_RAW_BYTE = re.compile("[\udc80-\udcff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_UNSAFE_INLINE = re.compile(
    "[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\x1b": "\\e"}


def _visible(match: re.Match[str]) -> str:
    ch = match.group()
    code = ord(ch)
    if ch in _NAMED:
        return _NAMED[ch]
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, kept by surrogateescape
        return f"\\x{code - 0xDC00:02x}"
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def for_terminal(text: str, *, keep_newlines: bool = False) -> str:
    """`text` with everything that would act on a terminal (or start a line) made visible;
    `keep_newlines` leaves line feeds and carriage returns for the caller to encode."""
    pattern = _UNSAFE_INLINE if keep_newlines else _UNSAFE
    return pattern.sub(_visible, text)


def for_json(text: str) -> str:
    """`text` as valid Unicode: raw bytes of a file name become `\\xNN`."""
    return _SURROGATE.sub(_visible, text)


def workflow_data(text: str) -> str:
    """The message part of a GitHub workflow command (`::error ...::message`)."""
    text = for_terminal(text, keep_newlines=True)
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def workflow_property(text: str) -> str:
    """A property value of a GitHub workflow command (`file=...,line=...`)."""
    return workflow_data(text).replace(":", "%3A").replace(",", "%2C")


def path_uri(path: str) -> str:
    """A relative file path as a URI reference: its bytes percent-encoded, `/` kept."""
    return quote(os.fsencode(path.replace("\\", "/")), safe="/")
