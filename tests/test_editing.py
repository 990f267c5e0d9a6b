"""The in-memory check behind every write says what `okrs validate` would say."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from okrs_as_code.editing import load_with
from okrs_as_code.loading import load_okrs

from .conftest import CHECKOUT, COMMERCE, ORGANIZATION, write

REPO = Path(__file__).resolve().parents[1]

BROKEN = {
    "organization.yaml": ORGANIZATION,
    "2026-Q4/commerce.yaml": COMMERCE.replace("baseline: 1.2", "baseline: 1.2\n        wieght: 2"),
    "2026-Q4/checkout.yaml": CHECKOUT.replace(
        "commerce/grow-online-revenue]", "commerce/grow-online-revenu]"
    ),
    "2026-Q4/bad.yaml": "version: 1\ncycle: 2026-Q4\nteam: [checkout\n",
    "2026-Q4/dupe.yaml": CHECKOUT.replace("id: abandonment", "id: conversion"),
}


def _messages(diagnostics: list) -> list[str]:  # type: ignore[type-arg]
    return [f"{d.loc}: {d.code} {d.message}" for d in diagnostics]


@pytest.mark.parametrize("case", ["example", "broken"])
def test_in_memory_check_matches_validate(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    if case == "example":
        shutil.copytree(REPO / "okrs", tmp_path / "okrs")
    else:
        write(tmp_path / "okrs", BROKEN)
        (tmp_path / "outside.yaml").write_text("version: 1\n", encoding="utf-8")
        (tmp_path / "okrs/2026-Q4/link.yaml").symlink_to(tmp_path / "outside.yaml")
    root = tmp_path / "okrs"
    _, on_disk = load_okrs(root)
    _, in_memory = load_with(root, {})
    assert _messages(in_memory) == _messages(on_disk)
    if case == "broken":
        assert len(on_disk) >= 5
        assert any("outside the OKR root" in m for m in _messages(on_disk))
    # Texts given in memory stand in for the files.
    path = root / "2026-Q4/extra.yaml"
    _, with_text = load_with(root, {path: b"version: 1\ncycle: 2026-Q4\nteam: nobody\n"})
    assert "okrs/2026-Q4/extra.yaml:3:7: OKR021 no team 'nobody'" in _messages(with_text)
    assert not path.exists()


def test_libyaml_marks_are_character_offsets_like_the_python_reader() -> None:
    """The splice offsets come from libyaml when present; they must count characters."""
    import yaml

    text = '# 😀 é\r\na: "€😀"   # c\r\nb:\r\n  - {x: 1}\r\n  - y: |\r\n      €\r\n'

    def marks(loader: type) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        stack = [yaml.compose(text, Loader=loader)]
        while stack:
            node = stack.pop()
            out.append((node.start_mark.index, node.end_mark.index))
            if isinstance(node, yaml.MappingNode):
                stack.extend(n for pair in node.value for n in pair)
            elif isinstance(node, yaml.SequenceNode):
                stack.extend(node.value)
        return out

    fast = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
    assert marks(fast) == marks(yaml.BaseLoader)
    node = yaml.compose(text, Loader=fast)
    value = node.value[0][1]
    assert text[value.start_mark.index : value.end_mark.index] == '"€😀"'
