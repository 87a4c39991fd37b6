"""The repository's files: tracked ones in a git checkout, all but caches in an unpacked sdist
(whose files are the tracked ones; ``test_packaging_hygiene`` checks that)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKIP = {".git", ".nox", "runs", "student", "build", "dist", "__pycache__", ".pytest_cache"}


def git_files() -> list[Path] | None:
    """The tracked files, or None outside a git checkout (e.g. in the unpacked sdist)."""
    if shutil.which("git") is None:
        return None
    result = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        return None
    return [ROOT / name for name in result.stdout.split("\0") if name]


def shipped_files() -> list[Path]:
    """Tracked files in a checkout; every file outside caches and venvs elsewhere."""
    tracked = git_files()
    if tracked is not None:
        return [p for p in tracked if p.is_file()]
    return [
        p
        for p in ROOT.rglob("*")
        if p.is_file()
        and not any(d in SKIP or d.startswith(".venv") for d in p.relative_to(ROOT).parts[:-1])
    ]
