"""The `okrs` command line: parsing with click, the work in the pure core.

Exit codes: 0 clean (warnings allowed), 1 errors (or warnings with --strict), 2 usage or I/O
problems. No traceback reaches a user; set OKRS_DEBUG=1 to see one for an internal error.
"""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from . import __version__
from .diagnostics import Severity
from .reporting import FORMATS, RENDERERS

if TYPE_CHECKING:
    from collections.abc import Sequence

    from .diagnostics import Diagnostic

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


def _default_format() -> str:
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def _emit(diagnostics: Sequence[Diagnostic], fmt: str, context: str = "", **extra: Any) -> None:
    colour = fmt == "text" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    text = RENDERERS[fmt](diagnostics, colour=colour, context=context, **extra)
    click.echo(text)


def _exit_code(diagnostics: Sequence[Diagnostic], strict: bool) -> int:
    for d in diagnostics:
        if d.accepted is not None:
            continue
        if d.severity is Severity.ERROR or (strict and d.severity is Severity.WARNING):
            return EXIT_FAIL
    return EXIT_OK


format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help="Output format. Default: github under GitHub Actions, else text.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="okrs")
def cli() -> None:
    """OKRs as code: validate, coach and publish OKRs kept as YAML."""


@cli.command()
@click.argument("root", default="okrs", type=click.Path(path_type=Path))
@format_option
@click.option("--strict", is_flag=True, help="Fail (exit 1) on warnings too.")
def validate(root: Path, fmt: str | None, strict: bool) -> None:
    """Check the OKRs under ROOT (default: okrs) against the format and the coaching rules.

    Exit 0 when there are no errors, 1 when there are (or warnings with --strict), 2 when ROOT
    cannot be read.
    """
    from .loading import load_okrs

    if not root.is_dir():
        what = "is not a folder" if root.exists() else "does not exist"
        raise click.UsageError(f"OKR root {str(root)!r} {what}")
    okrs, diagnostics = load_okrs(root)
    fmt = fmt or _default_format()
    context = ""
    if okrs is not None:
        n_files = len(okrs.files)
        n_krs = sum(1 for _ in okrs.key_results())
        files = "OKR file" if n_files == 1 else "OKR files"
        krs = "key result" if n_krs == 1 else "key results"
        context = f" ({n_files} {files}, {n_krs} {krs})"
    _emit(diagnostics, fmt, context)
    sys.exit(_exit_code(diagnostics, strict))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; return the exit code instead of raising."""
    try:
        cli.main(
            args=list(argv) if argv is not None else None, prog_name="okrs", standalone_mode=False
        )
    except click.exceptions.Exit as e:
        return int(e.exit_code)
    except click.Abort:
        click.echo("okrs: aborted", err=True)
        return EXIT_USAGE
    except click.ClickException as e:
        e.show()
        return EXIT_USAGE
    except SystemExit as e:
        return e.code if isinstance(e.code, int) else EXIT_OK
    except OSError as e:
        click.echo(f"okrs: error: {e.strerror or e}: {e.filename or ''}".rstrip(": "), err=True)
        return EXIT_USAGE
    except Exception as e:
        if os.environ.get("OKRS_DEBUG"):
            traceback.print_exc()
        click.echo(
            f"okrs: internal error: {type(e).__name__}: {e}\n"
            "This is a bug in okrs-as-code; run again with OKRS_DEBUG=1 and report the output.",
            err=True,
        )
        return EXIT_USAGE
    return EXIT_OK


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
