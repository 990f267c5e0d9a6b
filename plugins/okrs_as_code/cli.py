"""The `okrs` command line: parsing with click, the work in the pure core.

Exit codes: 0 clean (warnings allowed), 1 errors (or warnings with --strict), 2 usage or I/O
problems. No traceback reaches a user; set OKRS_DEBUG=1 to see one for an internal error.
"""

from __future__ import annotations

import json
import os
import sys
import textwrap
import traceback
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from . import __version__
from .check import EXIT_FAIL, EXIT_OK, EXIT_USAGE
from .config import ConfigError, LintConfig, find_root, load_pyproject_config
from .diagnostics import Severity
from .escaping import for_terminal
from .model import build_glossary
from .reporting import FORMATS, RENDERERS, Report, reporter
from .rules import RuleDoc, all_codes

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence

    from .diagnostics import Diagnostic
    from .diff import DiffResult
    from .model import GlossaryTerm


def _default_format() -> str:
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def _emit(diagnostics: Sequence[Diagnostic], fmt: str, context: str = "", **extra: Any) -> None:
    colour = fmt == "text" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    text = RENDERERS[fmt](diagnostics, colour=colour, context=context, **extra)
    click.echo(text)


def _report(report: Report, fmt: str) -> None:
    colour = sys.stdout.isatty() and "NO_COLOR" not in os.environ
    click.echo(reporter(fmt, colour=colour).render(report))


def _step_summary(markdown: str) -> None:
    """Append to the GitHub Actions job summary, when running under Actions."""
    path = os.environ.get("GITHUB_STEP_SUMMARY")
    if not path or os.environ.get("GITHUB_ACTIONS") != "true":
        return
    try:
        with open(path, "a", encoding="utf-8") as f:
            f.write(markdown + "\n")
    except OSError as e:
        click.echo(f"okrs: cannot write the job summary: {e.strerror}", err=True)


format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice([*FORMATS, "markdown"]),
    default=None,
    help="Output format. Default: github under GitHub Actions, else text.",
)
site_url_option = click.option(
    "--site-url",
    default=None,
    metavar="URL",
    help="The published OKR site: summaries link to its pages, SARIF rules to its review page.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="okrs")
def cli() -> None:
    """OKRs as code: validate, coach and publish OKRs kept as YAML."""


def _config(start: Path, as_of: dt.date | None = None) -> LintConfig:
    from dataclasses import replace

    try:
        config = load_pyproject_config(start)
    except ConfigError as e:
        raise click.UsageError(str(e)) from None
    return replace(config, as_of=as_of) if as_of is not None else config


def _root(root: Path | None) -> Path:
    """ROOT as given, or the OKR root found from the working directory upwards."""
    if root is None:
        try:
            found = find_root(Path.cwd())
        except ConfigError as e:
            raise click.UsageError(str(e)) from None
        if found is None:
            raise click.UsageError(
                "no OKR root found: no organization.yaml here or above, no okrs/ folder with "
                "one, and no [tool.okrs] root in a pyproject.toml; give ROOT"
            )
        root = Path(os.path.relpath(found)) if found.is_relative_to(Path.cwd()) else found
    if not root.is_dir():
        what = "is not a folder" if root.exists() else "does not exist"
        raise click.UsageError(f"OKR root {str(root)!r} {what}")
    return root


as_of_option = click.option(
    "--as-of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Compute staleness and progress on this date (YYYY-MM-DD) instead of today.",
)


@cli.command()
@click.argument("root", required=False, type=click.Path(path_type=Path))
@format_option
@click.option("--strict", is_flag=True, help="Fail (exit 1) on warnings too.")
@as_of_option
@site_url_option
def validate(
    root: Path | None,
    fmt: str | None,
    strict: bool,
    as_of: dt.datetime | None,
    site_url: str | None,
) -> int:
    """Check the OKRs under ROOT against the format and the coaching rules.

    Without ROOT, the OKR root is found from the working directory upwards, as ruff finds its
    configuration: a folder with organization.yaml, an okrs/ folder holding one, or the
    `root` of [tool.okrs] in a pyproject.toml. Configuration comes from [tool.okrs] in the
    nearest pyproject.toml above ROOT. Exit 0 when there are no errors, 1 when there are (or
    warnings with --strict), 2 when ROOT or the configuration cannot be read. Under GitHub
    Actions the Markdown summary is appended to the job summary.
    """
    from .check import check
    from .summary import validate_summary

    root = _root(root)
    config = _config(root, as_of.date() if as_of else None)
    result = check(root, config, strict=strict)
    fmt = fmt or _default_format()
    if fmt == "markdown":
        click.echo(validate_summary(result, site_url=site_url), nl=False)
    else:
        _report(Report(result.diagnostics, result.scope, site_url), fmt)
    _step_summary(validate_summary(result, site_url=site_url))
    return result.exit_status


@cli.command()
@click.argument("root", required=False, type=click.Path(path_type=Path))
@click.option("--base", required=True, metavar="REF", help="The revision to compare with.")
@click.option(
    "--head", default=None, metavar="REF", help="The revision to review. Default: the work tree."
)
@format_option
@click.option("--strict", is_flag=True, help="Fail (exit 1) on new warnings too.")
@as_of_option
@site_url_option
@click.option(
    "--include-confidential",
    is_flag=True,
    help="Name confidential objectives in the markdown summary (hidden by default).",
)
def diff(
    root: Path | None,
    base: str,
    head: str | None,
    fmt: str | None,
    strict: bool,
    as_of: dt.datetime | None,
    site_url: str | None,
    include_confidential: bool,
) -> int:
    """Say what a change does to the OKRs under ROOT: HEAD (default: the work tree) against BASE.

    Objectives, key results and initiatives are matched by id path, so renamed files and
    moved objectives are not removals. Reports additions, removals, retitles, changes of
    target, baseline, direction, unit, owner, weight, alignment and visibility, new check-ins
    with the progress and health they move, and the lint findings introduced and resolved.
    OKR302 (goalpost moved) and OKR303 (dropped mid-cycle) are found here. Text, json, github
    and sarif list what the head is to be annotated with (its errors, OKR302/303 and new
    findings); markdown is the reviewer's summary. Exit 0 clean, 1 when the head has errors
    (or new warnings with --strict), 2 when a revision or ROOT cannot be read.
    """
    from .diff import GitError
    from .diff import diff as compare
    from .summary import diff_summary, diff_text

    root = _root(root)
    config = _config(root, as_of.date() if as_of else None)
    try:
        result = compare(root, base, head, config, strict=strict)
    except GitError as e:
        # Not a usage mistake, so no usage banner; main() exits 2 for it all the same.
        raise click.ClickException(str(e)) from None
    fmt = fmt or _default_format()
    markdown = diff_summary(result, site_url=site_url, include_confidential=include_confidential)
    if fmt == "markdown":
        click.echo(markdown, nl=False)
    elif fmt == "json":
        click.echo(_diff_json(result))
    elif fmt == "text":
        if result.changes:
            click.echo(diff_text(result))
        _report(Report(result.diagnostics, _diff_scope(result), site_url), fmt)
    else:
        _report(Report(result.diagnostics, _diff_scope(result), site_url), fmt)
    _step_summary(markdown)
    return result.exit_status


def _diff_scope(result: DiffResult) -> str:
    n = len(result.changes)
    return f"{n} change{'' if n == 1 else 's'} against {result.base}"


def _diff_json(result: DiffResult) -> str:
    from dataclasses import asdict

    from .reporting import _as_dict

    changes = []
    for c in result.changes:
        item = {k: v for k, v in asdict(c).items() if k not in ("loc", "finding")}
        item.update(ref=c.ref, page=c.page, path=c.loc.path, line=c.loc.line, column=c.loc.col)
        item["finding"] = c.finding.code if c.finding is not None else None
        changes.append(item)
    return json.dumps(
        {
            "version": 1,
            "base": result.base,
            "head": result.head,
            "changes": changes,
            "moved": [_as_dict(d) for d in result.moved],
            "introduced": [_as_dict(d) for d in result.introduced],
            "resolved": [_as_dict(d) for d in result.resolved],
            "errors": [_as_dict(d) for d in result.head_check.errors],
        },
        indent=2,
        ensure_ascii=False,
    )


@cli.command()
@click.argument("code", required=False)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", help="Output format."
)
def rules(code: str | None, fmt: str) -> int:
    """List every rule and error code, or explain CODE (for example OKR102)."""
    docs = all_codes()
    if code is None:
        if fmt == "json":
            click.echo(json.dumps([_rule_json(d) for d in docs.values()], indent=2))
            return EXIT_OK
        for entry in docs.values():
            click.echo(f"{entry.code}  {entry.name:<22} {entry.severity.value:<8} {entry.summary}")
        return EXIT_OK
    by_name = {d.name: d for d in docs.values()}
    doc = docs.get(code.upper()) or by_name.get(code.lower())
    if doc is None:
        raise click.UsageError(f"no rule {code!r}; `okrs rules` lists them all")
    if fmt == "json":
        click.echo(json.dumps(_rule_json(doc), indent=2))
        return EXIT_OK
    click.echo(_explain(doc))
    return EXIT_OK


def _rule_json(doc: RuleDoc) -> dict[str, Any]:
    return {
        "code": doc.code, "name": doc.name, "severity": doc.severity.value,
        "summary": doc.summary, "term": doc.term, "why": doc.why, "example": doc.example,
        "better": doc.better, "fix": doc.fix,
    }  # fmt: skip


def _explain(doc: RuleDoc) -> str:
    """A rule's documentation as ruff prints it: what, why, example, fix."""
    width = 88
    parts = [
        f"{doc.code} ({doc.name})",
        "",
        doc.summary + ".",
        f"Default severity: {doc.severity.value}.",
    ]
    if doc.term:
        parts.append(f"Glossary: {doc.term}")
    if doc.why:
        parts += ["", "Why is this bad?", textwrap.fill(doc.why, width)]
    if doc.example:
        parts += ["", "Example:", textwrap.indent(doc.example, "    ")]
    if doc.better:
        parts += ["", "Use instead:", textwrap.indent(doc.better, "    ")]
    if doc.fix:
        parts += ["", "How to fix:", textwrap.fill(doc.fix, width)]
    return "\n".join(parts)


@cli.command("lint-text")
@click.argument("texts", nargs=-1, required=True, metavar="TEXT...")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", help="Output format."
)
@click.option(
    "--type",
    "objective_type",
    type=click.Choice(["committed", "aspirational", "learning"]),
    default="committed",
    help="The kind of objective the KR would belong to.",
)
@click.option("--strict", is_flag=True, help="Exit 1 if any statement gets a warning.")
def lint_text(texts: tuple[str, ...], fmt: str, objective_type: str, strict: bool) -> int:
    """Coach key result statements before you write them into YAML.

    Give each statement as an argument, or - to read one statement per line from standard
    input. Configuration comes from [tool.okrs] in the nearest pyproject.toml.
    """
    from .lint import lint_statement

    statements: list[str] = []
    for text in texts:
        if text == "-":
            statements.extend(line.strip() for line in sys.stdin if line.strip())
        else:
            statements.append(text)
    config = _config(Path.cwd())
    results = [(s, lint_statement(s, config, objective_type)) for s in statements]
    if fmt == "json":
        payload = [
            {
                "text": s,
                "findings": [
                    {
                        "code": d.code,
                        "name": d.name,
                        "severity": d.severity.value,
                        "message": d.message,
                    }
                    for d in found
                ],
            }
            for s, found in results
        ]
        click.echo(json.dumps(payload, indent=2, ensure_ascii=False))
    else:
        colour = sys.stdout.isatty() and "NO_COLOR" not in os.environ
        for s, found in results:
            click.echo(click.style(s, bold=True) if colour else s)
            if not found:
                click.echo("  ok: reads as an outcome")
            for d in found:
                code = click.style(d.code, fg="yellow", bold=True) if colour else d.code
                click.echo(f"  {code} [{d.severity.value}] {d.message}")
    failing = any(d.severity is not Severity.INFO for _, found in results for d in found)
    return EXIT_FAIL if strict and failing else EXIT_OK


@cli.command()
@click.argument("term", required=False)
@click.option(
    "--root",
    default="okrs",
    type=click.Path(path_type=Path),
    help="OKR root whose glossary.yaml to include.",
)
def glossary(term: str | None, root: Path) -> int:
    """Print the glossary of the method (with the organization's own terms), or one TERM."""
    from .glossary import lookup, merge, reference_glossary
    from .loading import load_document

    own: list[GlossaryTerm] = []
    for name in ("glossary.yaml", "glossary.yml"):
        path = root / name
        if path.is_file():
            problems: list[Diagnostic] = []
            document = load_document(path, str(path), "glossary", problems.append)
            if problems:
                _emit(problems, "text")
                return EXIT_FAIL
            if document is not None:
                own.extend(build_glossary(str(path), document))
    terms = merge(reference_glossary(), own)
    if term is not None:
        found = lookup(terms, term)
        if found is None:
            raise click.UsageError(f"no glossary term {term!r}; `okrs glossary` lists them all")
        terms = (found,)
    for t in terms:
        name = for_terminal(t.term)
        click.echo(click.style(name, bold=True) if sys.stdout.isatty() else name)
        if t.aliases:
            click.echo(f"  also: {for_terminal(', '.join(t.aliases))}")
        definition = for_terminal(" ".join(t.definition.split()))
        click.echo(textwrap.indent(textwrap.fill(definition, 84), "  "))
        if t.example:
            click.echo(f"  instead of: {for_terminal(t.example[0])}")
            click.echo(f"  write:      {for_terminal(t.example[1])}")
        if t.see_also:
            click.echo(f"  see also: {for_terminal(', '.join(t.see_also))}")
        click.echo()
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; return the exit code instead of raising."""
    try:
        status = cli.main(
            args=list(argv) if argv is not None else None, prog_name="okrs", standalone_mode=False
        )
    except click.exceptions.Exit as e:
        return int(e.exit_code)
    except click.Abort:
        click.echo("okrs: aborted", err=True)
        return EXIT_USAGE
    except click.ClickException as e:
        # Messages quote paths and configuration values; nothing in them may act on the
        # terminal or start a line a CI system would read as a command.
        e.message = for_terminal(e.message)  # type: ignore[misc]
        e.show()
        return EXIT_USAGE
    except SystemExit as e:
        return e.code if isinstance(e.code, int) else EXIT_OK
    except OSError as e:
        problem = f"okrs: error: {e.strerror or e}: {e.filename or ''}".rstrip(": ")
        click.echo(for_terminal(problem), err=True)
        return EXIT_USAGE
    except Exception as e:
        if os.environ.get("OKRS_DEBUG"):
            traceback.print_exc()
        click.echo(
            f"okrs: internal error: {type(e).__name__}: {for_terminal(str(e))[:500]}\n"
            "This is a bug in okrs-as-code; run again with OKRS_DEBUG=1 and report the output.",
            err=True,
        )
        return EXIT_USAGE
    return status if isinstance(status, int) else EXIT_OK


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())


def _add_authoring_commands() -> None:
    # The authoring commands live in their own module; registered here so `cli` lists them.
    from .authoring import COMMANDS

    for command in COMMANDS:
        cli.add_command(command)


_add_authoring_commands()
