"""Time `okrs diff` against `okrs validate` on the same 10,000-KR repository, in one run.

    python bench/diff.py [N_KRS]      (default 10000)

The synthetic organization of bench/generate.py is committed to a fresh git repository, then
one key result's target is changed in the work tree: the shape of a typical pull request.
`okrs diff --base HEAD` (head: the work tree) must read and check the whole head, as validate
does, plus what it needs of the base. Each command runs as its own process, best of three.
Goal (issue 10): diff <= 1.3x validate.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate import generate
from validate import best_of

BIN = Path(sys.executable).parent


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as tmp:
        repo = Path(tmp)
        root = repo / "okrs"
        count = generate(n, root)
        git(repo, "init", "-q", "-b", "main")
        git(repo, "add", "-A")
        git(
            repo,
            "-c",
            "user.name=bench",
            "-c",
            "user.email=bench@example.com",
            "commit",
            "-qm",
            "base",
        )
        changed = sorted(root.glob("*/*.yaml"))[0]
        text = changed.read_text(encoding="utf-8")
        at = text.index("target: ")
        end = text.index("\n", at)
        changed.write_text(f"{text[:at]}target: 999{text[end:]}", encoding="utf-8")
        okrs = str(BIN / "okrs")
        check = subprocess.run(
            [okrs, "diff", "--base", "HEAD", "--format", "json", "okrs"],
            cwd=repo, capture_output=True, text=True,
        )  # fmt: skip
        if '"field": "target"' not in check.stdout:
            sys.exit(f"okrs diff did not see the change:\n{check.stdout[:2000]}\n{check.stderr}")
        validate = best_of(3, [okrs, "validate", str(root), "--format", "json"])
        diff = best_of(3, [okrs, "diff", "--base", "HEAD", "--format", "json", str(root)])
    print(f"{count} key results; one target changed in {changed.name}")
    print(f"okrs validate              {validate:7.2f} s")
    print(f"okrs diff --base HEAD      {diff:7.2f} s")
    ratio = diff / validate
    print(f"diff / validate            {ratio:7.2f}x   (goal <= 1.3x)")
    print("goal met" if ratio <= 1.3 else "GOAL NOT MET")
    return 0 if ratio <= 1.3 else 1


if __name__ == "__main__":
    sys.exit(main())
