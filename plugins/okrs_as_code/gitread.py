"""Reading files of a git revision without touching the work tree (`git` as a subprocess).

`git ls-tree` lists a revision's files with their blob ids, so that a file whose content is the
same on both sides of a diff is recognised without being read; `git cat-file --batch` then
reads every blob that is needed in one process.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence


class GitError(Exception):
    """git is missing, the folder is not in a repository, or a revision does not exist."""


def _git(args: Sequence[str], cwd: Path, stdin: bytes | None = None) -> bytes:
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"}
    try:
        proc = subprocess.run(
            ["git", *args], cwd=cwd, input=stdin, capture_output=True, env=env, check=False
        )
    except FileNotFoundError:
        raise GitError("git is not installed or not on PATH") from None
    except OSError as e:
        raise GitError(f"cannot run git: {e.strerror}") from None
    if proc.returncode != 0:
        message = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(message[-1] if message else f"git {args[0]} failed")
    return proc.stdout


@dataclass(frozen=True, slots=True)
class Blob:
    """A file of a revision: its path in the repository and its blob id."""

    path: str
    oid: str


class Repository:
    """The git repository that holds a folder."""

    def __init__(self, folder: Path) -> None:
        here = folder if folder.is_dir() else folder.parent
        try:
            top = _git(["rev-parse", "--show-toplevel"], here).decode().strip()
        except GitError as e:
            why = str(e).removeprefix("fatal: ")
            raise GitError(f"{folder} is not inside a git repository ({why})") from None
        self.top = Path(top)

    def resolve(self, ref: str) -> str:
        """The commit id `ref` names; GitError with a clear message if it names none."""
        if ref.startswith("-"):
            raise GitError(f"{ref!r} is not a revision")
        try:
            out = _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], self.top)
        except GitError:
            raise GitError(
                f"no commit {ref!r} in {self.top}; fetch it first (in GitHub Actions: "
                "actions/checkout with fetch-depth: 0)"
            ) from None
        return out.decode().strip()

    def relative(self, folder: Path) -> str:
        """`folder` as a path inside the repository (POSIX, '' for the top)."""
        rel = os.path.relpath(folder.resolve(), self.top.resolve())
        if rel == ".":
            return ""
        if rel.startswith(".."):
            raise GitError(f"{folder} is outside the repository at {self.top}")
        return PurePosixPath(Path(rel).as_posix()).as_posix()

    def files(self, commit: str, folder: str) -> list[Blob]:
        """Every YAML file below `folder` at `commit`, hidden ones skipped, in path order."""
        args = ["ls-tree", "-r", "-z", "--full-tree", commit]
        if folder:
            args += ["--", folder]
        out: list[Blob] = []
        prefix = f"{folder}/" if folder else ""
        for entry in _git(args, self.top).split(b"\0"):
            if not entry:
                continue
            meta, _, raw_path = entry.partition(b"\t")
            mode, kind, oid = meta.split()
            path = raw_path.decode("utf-8", "surrogateescape")
            if kind != b"blob" or mode == b"120000" or not path.startswith(prefix):
                continue
            parts = path[len(prefix) :].split("/")
            if any(p.startswith(".") for p in parts) or not path.endswith((".yaml", ".yml")):
                continue
            out.append(Blob(path, oid.decode()))
        return sorted(out, key=lambda b: b.path.split("/"))

    def read(self, oids: Iterable[str]) -> dict[str, bytes]:
        """The contents of the blobs, read by one `git cat-file --batch`."""
        wanted = list(dict.fromkeys(oids))
        if not wanted:
            return {}
        raw = _git(["cat-file", "--batch"], self.top, "\n".join(wanted).encode() + b"\n")
        out: dict[str, bytes] = {}
        pos = 0
        for oid in wanted:
            end = raw.index(b"\n", pos)
            header = raw[pos:end].split()
            if len(header) < 3 or header[1] == b"missing":
                raise GitError(f"blob {oid} is missing from the repository")
            size = int(header[2])
            out[oid] = raw[end + 1 : end + 1 + size]
            pos = end + 1 + size + 1
        return out
