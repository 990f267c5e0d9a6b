"""The authoring commands of the CLI: `checkin`, `carry-over`, `export` and `init`.

Parsing and messages only; the work is done in `checkin`, `carryover`, `export` and
`scaffold`. Exit codes as for every command: 0 done, 1 the data is wrong (the OKR files, a CSV
row, or an edit that would make the files invalid), 2 a usage or I/O problem. A refused
command writes nothing.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .editing import Edit, EditError, Refused

if TYPE_CHECKING:
    from collections.abc import Sequence

    from .diagnostics import Diagnostic
    from .model import OkrSet

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2

root_option = click.option(
    "--root",
    default=None,
    type=click.Path(path_type=Path),
    help="The OKR root. Default: found from the working directory upwards, as validate does.",
)


def _print_errors(diagnostics: Sequence[Diagnostic], heading: str) -> None:
    click.echo(heading, err=True)
    for d in diagnostics:
        click.echo(f"{d.loc}: {d.code} {d.message}", err=True)


def _load(given: Path | None) -> tuple[Path, OkrSet, list[Diagnostic]]:
    """The OKR root and its OKR set; exits 2 if there is no root, 1 if it cannot be loaded."""
    from .cli import _root
    from .loading import load_okrs

    root = _root(given)
    okrs, diagnostics = load_okrs(root)
    if okrs is None:
        _print_errors(diagnostics, f"okrs: cannot read the OKRs under {root}:")
        raise SystemExit(EXIT_FAIL)
    return root, okrs, diagnostics


def _finish(
    edit: Edit, okrs: OkrSet, before: list[Diagnostic], dry_run: bool
) -> tuple[OkrSet | None, list[str]]:
    """Check the edited files in memory; write them unless refused or a dry run.

    Returns the OKR set as written, and the coaching findings the edit brings (a second
    check-in on one date, say) as lines to show after what was done.
    """
    after, problems = edit.check(before)
    if problems:
        _print_errors(problems, "okrs: refused, nothing written; the result would have errors:")
        raise SystemExit(EXIT_FAIL)
    if not dry_run:
        edit.write()
    return after, _new_findings(okrs, after, edit.root)


def _standing(okrs: OkrSet | None, cycle_id: str, ref: str, on: dt.date) -> str:
    """Where the key result stands after its check-ins: "; progress 52%, on track"."""
    from .progress import kr_progress

    cycle = okrs.organization.cycle(cycle_id) if okrs is not None else None
    kr = next((k for k in okrs.key_results(cycle_id) if k.ref == ref), None) if okrs else None
    if cycle is None or kr is None:
        return ""
    p = kr_progress(kr, cycle, on)
    if p.kind == "threshold" and p.met is not None:
        figure = "target met" if p.met else "target not met"
    elif p.percent is not None:
        figure = f"{'reported ' if p.kind == 'reported' else ''}progress {p.percent}%"
    else:
        return ""
    return f"; {figure}, {p.health_label.lower()}"


def _new_findings(okrs: OkrSet, after: OkrSet | None, root: Path) -> list[str]:
    from .config import ConfigError, load_pyproject_config
    from .lint import lint_okrs

    if after is None:
        return []
    try:
        config = load_pyproject_config(root)
    except ConfigError:
        return []
    old = {(d.loc.path, d.code, d.subject) for d in lint_okrs(okrs, config)}
    return [
        f"{d.loc}: {d.code} {d.message} [{d.severity.value}]"
        for d in lint_okrs(after, config)
        if d.accepted is None and (d.loc.path, d.code, d.subject) not in old
    ]


@click.command()
@click.argument("ref", required=False)
@click.argument("value", required=False)
@click.option("--progress", help="Percent complete, 0-100, for KRs measured by judgement.")
@click.option("--confidence", help="How likely the target is reached, 0.0-1.0.")
@click.option("--date", "date_", metavar="YYYY-MM-DD", help="Date of the check-in. Default: today.")
@click.option("--note", help="What happened and what comes next (Markdown).")
@click.option(
    "--from",
    "from_csv",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Add every check-in of a CSV file (columns ref,date,value,progress,confidence,note).",
)
@click.option("--dry-run", is_flag=True, help="Check everything, write nothing.")
@root_option
def checkin(
    ref: str | None,
    value: str | None,
    progress: str | None,
    confidence: str | None,
    date_: str | None,
    note: str | None,
    from_csv: Path | None,
    dry_run: bool,
    root: Path | None,
) -> None:
    """Add a check-in to the key result REF: team/objective/kr or cycle/team/objective/kr.

    Without a cycle, REF names a key result of the cycle running on the check-in's date.
    VALUE is the metric's value (a negative one after --, with the options before REF:
    `okrs checkin --date 2026-11-20 REF -- -3`); it may be left out when --progress or --note
    is given. The check-in goes in date order, in the style of the key result's other
    check-ins, and nothing else in the file changes. With --from, every row of the CSV file is
    checked first, and either every check-in is written or none.
    """
    from .checkin import Request, apply, plan, read_csv

    if from_csv is not None:
        if ref is not None or value is not None or progress or confidence or date_ or note:
            raise click.UsageError("--from takes every check-in from the CSV file; give no REF")
    elif ref is None:
        raise click.UsageError("give a key result REF and a VALUE, or --from FILE.csv")
    root, okrs, before = _load(root)
    today = dt.date.today()
    planned = []
    if from_csv is not None:
        if not from_csv.is_file():
            raise click.UsageError(f"CSV file {str(from_csv)!r} does not exist")
        rows, problems = read_csv(from_csv)
        for line, request in rows:
            try:
                planned.append(plan(okrs, request, today))
            except EditError as e:
                problems.append(f"{from_csv}:{line}: {e}")
        if problems:
            click.echo("okrs: refused, nothing written:", err=True)
            for problem in problems:
                click.echo(problem, err=True)
            raise SystemExit(EXIT_FAIL)
        if not planned:
            click.echo(f"{from_csv}: no check-ins to add")
            return
    else:
        assert ref is not None
        request = Request(ref, date_, value, progress, confidence, note)
        try:
            planned.append(plan(okrs, request, today))
        except EditError as e:
            raise click.UsageError(str(e)) from None
    broken = sorted({p.kr.path for p in planned} & {d.loc.path for d in _errors(before)})
    if broken:
        _print_errors(
            [d for d in _errors(before) if d.loc.path in broken],
            "okrs: refused, nothing written; fix these errors first:",
        )
        raise SystemExit(EXIT_FAIL)
    edit = Edit(root)
    try:
        written = apply(edit, planned)
    except EditError as e:
        click.echo(f"okrs: refused, nothing written: {e}", err=True)
        raise SystemExit(EXIT_FAIL) from None
    after, findings = _finish(edit, okrs, before, dry_run)
    verb = "would add" if dry_run else "added"
    # Where each key result stands, said once, after its last check-in of this run.
    last = {w.planned.label: w for w in written}
    for w in written:
        p = w.planned
        standing = _standing(after, p.kr.cycle, p.kr.ref, p.date) if last[p.label] is w else ""
        click.echo(f"{w.path}:{w.line}: {verb} check-in {p.date} to {p.label}{standing}")
    for finding in findings:
        click.echo(finding)


@click.command("carry-over")
@click.argument("source", metavar="FROM")
@click.argument("target", metavar="TO")
@click.option("--team", help="Carry over only this team's objectives.")
@click.option("--dry-run", is_flag=True, help="Say what would move, write nothing.")
@root_option
def carry_over(
    source: str, target: str, team: str | None, dry_run: bool, root: Path | None
) -> None:
    """Carry what was not achieved in cycle FROM over into cycle TO.

    An objective moves on with the key results it did not achieve; each starts from the old
    one's last value (the new baseline), with no check-ins, and `carried_from` points back.
    Achieved key results, done and dropped initiatives stay behind. The team's file for TO is
    extended, or created. An objective id that TO already uses is never overwritten: the
    command refuses and writes nothing.
    """
    from .carryover import apply, plan

    root, okrs, before = _load(root)
    if _errors(before):
        _print_errors(_errors(before), "okrs: refused, nothing written; fix these errors first:")
        raise SystemExit(EXIT_FAIL)
    try:
        carry = plan(okrs, source, target, team)
    except Refused as e:
        click.echo(f"okrs: refused, nothing written:\n{e}", err=True)
        raise SystemExit(EXIT_FAIL) from None
    except EditError as e:
        raise click.UsageError(str(e)) from None
    edit = Edit(root)
    try:
        apply(edit, okrs, source, target, carry)
    except EditError as e:
        click.echo(f"okrs: refused, nothing written: {e}", err=True)
        raise SystemExit(EXIT_FAIL) from None
    # Coaching findings on the copies are the originals' (and "no check-in yet" on every one).
    _finish(edit, okrs, before, dry_run)
    verb = "would carry" if dry_run else "carried"
    for c in carry.carried:
        o = c.source
        count = len(c.key_results)
        krs = f"{count} key result{'s' if count != 1 else ''}"
        behind = f"; left behind as achieved: {', '.join(c.left_behind)}" if c.left_behind else ""
        click.echo(
            f"{c.target_path}:{c.line}: {verb} {source}/{o.ref} to {target} with {krs}{behind}"
        )
        for dropped in c.dropped_alignments:
            click.echo(f"  alignment {dropped} dropped: it does not exist in {target}")
    for o, why in carry.skipped:
        click.echo(f"{o.loc}: {source}/{o.ref} stays behind: {why}")
    if not carry.carried:
        click.echo(f"nothing to carry over from {source} to {target}")


@click.command()
@click.argument("root", required=False, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "csv"]),
    default="json",
    show_default=True,
    help="json (described by schema/export.schema.json) or csv (one row per key result).",
)
@click.option("--include-confidential", is_flag=True, help="Include confidential objectives.")
@click.option(
    "--as-of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Compute progress and health on this date (YYYY-MM-DD) instead of today.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write to this file (atomically) instead of standard output.",
)
def export(
    root: Path | None,
    fmt: str,
    include_confidential: bool,
    as_of: dt.datetime | None,
    output: Path | None,
) -> None:
    """Export every objective, key result and initiative under ROOT.

    Each comes with its computed progress (of whatever kind its data supports), health, score
    and open findings. Confidential objectives only with --include-confidential. Without
    ROOT, the OKR root is found from the working directory upwards, as validate finds it.
    """
    import json
    from dataclasses import replace

    from .config import ConfigError, load_pyproject_config
    from .editing import write_all
    from .export import export_csv, export_data
    from .lint import lint_okrs

    root, okrs, before = _load(root)
    if _errors(before):
        _print_errors(_errors(before), "okrs: cannot export OKRs with errors; fix these first:")
        raise SystemExit(EXIT_FAIL)
    try:
        config = load_pyproject_config(root)
    except ConfigError as e:
        raise click.UsageError(str(e)) from None
    if as_of is not None:
        config = replace(config, as_of=as_of.date())
    data = export_data(okrs, lint_okrs(okrs, config), config.today(), include_confidential)
    text = (
        json.dumps(data, indent=2, ensure_ascii=False) + "\n" if fmt == "json" else export_csv(data)
    )
    if output is None:
        click.echo(text, nl=False)
        return
    original = output.read_bytes() if output.is_file() else None
    # A CSV file is for a spreadsheet: with a byte-order mark, as Excel saves "CSV UTF-8",
    # Excel reads it as UTF-8 too (LibreOffice and Google Sheets read it either way).
    encoding = "utf-8-sig" if fmt == "csv" else "utf-8"
    write_all([(output, text.encode(encoding), original)])
    n_krs = sum(len(o["key_results"]) for o in data["objectives"])
    click.echo(f"{output}: {len(data['objectives'])} objectives, {n_krs} key results", err=True)


@click.command()
@click.argument("directory", default=".", type=click.Path(path_type=Path, file_okay=False))
def init(directory: Path) -> None:
    """Start a new OKR repository in DIRECTORY (default: the current folder).

    Writes okrs/organization.yaml with the current quarter as the first cycle, one team's OKR
    file, the JSON Schemas (schema/, for editors), mkdocs.yml, docs/index.md, pyproject.toml
    with [tool.okrs], GitHub workflows that validate pull requests and publish main, and a
    pre-commit configuration. It never overwrites a file: if any of them exists, it writes
    nothing.
    """
    from .scaffold import Quarter, existing, files, write

    today = dt.date.today()
    planned = files(Quarter.of(today), today)
    clash = existing(directory, planned)
    if clash:
        click.echo(f"okrs: refused, nothing written: {directory} already has", err=True)
        for rel in clash:
            click.echo(f"  {directory / rel}", err=True)
        raise SystemExit(EXIT_USAGE)
    write(directory, planned)
    for rel in planned:
        click.echo(f"created {directory / rel}")
    click.echo(f"\nNext: okrs validate {directory / 'okrs'}, then mkdocs serve (from {directory}).")


@click.command()
@click.argument("name", type=click.Choice(["okrs", "organization", "glossary", "export"]))
def schema(name: str) -> None:
    """Print a JSON Schema shipped with okrs-as-code: okrs, organization, glossary or export.

    `okrs schema okrs > schema/okrs.schema.json` puts it beside your OKRs for the editor
    modeline (`okrs init` does this for you).
    """
    from .schema import schema_path

    click.echo(schema_path(name).read_text(encoding="utf-8"), nl=False)


def _errors(diagnostics: Sequence[Diagnostic]) -> list[Diagnostic]:
    from .editing import errors

    return errors(diagnostics)


COMMANDS: tuple[click.Command, ...] = (checkin, carry_over, export, init, schema)
