"""Real organizations' published OKR sets, transcribed word for word (tests/data/real_okrs/).

Nobody on the project wrote these OKRs: each set validates without an error that is the tool's
fault, builds with the minimal mkdocs.yml, and no page draws a KR without data as a 0 %, a
score or a red chip.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from okrs_as_code.cli import main
from okrs_as_code.loading import load_okrs
from okrs_as_code.model import KeyResult, OkrSet
from okrs_as_code.urls import kr_path

REAL = Path(__file__).parent / "data" / "real_okrs"
ORGS = sorted(p.name for p in REAL.iterdir() if (p / "organization.yaml").is_file())
MINIMAL = "site_name: Real OKRs\ntheme: material\nplugins: [search, okrs]\n"
# Drawn for a figure, a grade or a bad health; none of them may appear without data.
FAILURE_MARKS = ("okrs-bar__fill", "okrs-score", "okrs-health--off_track", ">0%<")


def _without_data(okrs: OkrSet) -> list[KeyResult]:
    return [
        kr
        for kr in okrs.key_results()
        if kr.score is None and all(c.value is None and c.progress is None for c in kr.checkins)
    ]


def test_real_sets_hold_organizations_and_krs_without_data() -> None:
    assert len(ORGS) >= 2
    missing = 0
    for org in ORGS:
        okrs, _ = load_okrs(REAL / org)
        assert okrs is not None
        missing += len(_without_data(okrs))
    assert missing >= 20  # what the site test below looks at


@pytest.mark.parametrize("org", ORGS)
def test_real_set_validates_without_errors(org: str, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["validate", str(REAL / org)])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "Found 0 errors" in out


@pytest.mark.parametrize("org", ORGS)
def test_real_set_builds_and_never_draws_missing_data_as_failure(
    org: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(REAL / org, tmp_path / "okrs")
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(MINIMAL, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    build(load_config("mkdocs.yml", site_dir=str(tmp_path / "site")))
    okrs, errors = load_okrs(tmp_path / "okrs")
    assert okrs is not None and not errors
    for kr in _without_data(okrs):
        html = (tmp_path / "site" / kr_path(kr) / "index.html").read_text(encoding="utf-8")
        main_part = html[html.index('class="okrs-page') :]
        drawn = [mark for mark in FAILURE_MARKS if mark in main_part]
        assert drawn == [], f"{kr_path(kr)} draws {drawn} without data"
