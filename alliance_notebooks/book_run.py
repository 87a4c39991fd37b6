"""The executed chapters of a finished run, read from its manifest without trusting it.

The manifest and the notebooks beside it are data from disk: the manifest must have the
shape the runner writes, and every path it names must lead to a file inside the run
folder, through no symbolic link. Anything else is refused with a ``ParameterError``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection
from pathlib import Path
from typing import Any

from alliance_notebooks.parameters import ParameterError

MANIFEST = "manifest.json"
MAX_MANIFEST_BYTES = 16 * 2**20


def _refuse(manifest: Path, problem: str) -> ParameterError:
    return ParameterError(f"{manifest} {problem}; give the folder of a finished run")


def read_manifest(run_dir: Path) -> dict[str, Any]:
    """The parsed ``manifest.json`` of ``run_dir``, checked to be a mapping with a list of
    notebook entries."""
    path = run_dir / MANIFEST
    if path.is_symlink() or not path.is_file():
        raise ParameterError(f"{run_dir} has no {MANIFEST}: give the folder of a finished run")
    try:
        if path.stat().st_size > MAX_MANIFEST_BYTES:
            raise _refuse(path, f"is over {MAX_MANIFEST_BYTES // 2**20} MiB")
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise _refuse(path, f"is damaged ({type(error).__name__})") from None
    if not isinstance(manifest, dict) or not isinstance(manifest.get("notebooks"), list):
        raise _refuse(path, "is damaged (no list of notebooks)")
    return manifest


def inside(run_dir: Path, relative: Any, manifest: Path) -> Path:
    """``run_dir / relative`` when it names a file inside ``run_dir`` through no symbolic
    link; ``run_dir`` must already be resolved."""
    if not isinstance(relative, str) or not relative or "\0" in relative:
        raise _refuse(manifest, f"names an output path that is not a file name: {relative!r:.60}")
    candidate = run_dir / relative
    if Path(relative).is_absolute() or not candidate.resolve().is_relative_to(run_dir):
        raise _refuse(manifest, f"names an output outside the run folder: {relative[:60]!r}")
    step = run_dir
    for part in Path(relative).parts:
        step = step / part
        if step.is_symlink():
            raise _refuse(manifest, f"names an output through a symbolic link: {relative[:60]!r}")
    if not candidate.is_file():
        raise _refuse(manifest, f"names an output that is missing: {relative[:60]!r}")
    return candidate


def _notebook_output(entry: dict[str, Any]) -> tuple[Any, Any]:
    """(path, sha256) of an entry's executed notebook, either None when absent."""
    outputs = entry.get("outputs") or {}
    ipynb = outputs.get("ipynb") if isinstance(outputs, dict) else None
    if not isinstance(ipynb, dict):
        return None, None
    return ipynb.get("path"), ipynb.get("sha256")


def executed_chapters(run_dir: Path, chapters: Collection[str]) -> list[tuple[str, Path]]:
    """(stem, executed notebook) for each chapter that succeeded in the run, in stem order;
    the first successful entry of a chapter wins."""
    run_dir = Path(run_dir).resolve()
    manifest = run_dir / MANIFEST
    found: dict[str, Path] = {}
    for number, entry in enumerate(read_manifest(run_dir)["notebooks"], start=1):
        if not isinstance(entry, dict):
            raise _refuse(manifest, f"is damaged (notebook entry {number} is not a mapping)")
        stem = entry.get("chapter") or entry.get("source") or entry.get("notebook")
        status = entry.get("status")
        if not isinstance(stem, str) or not isinstance(status, str):
            raise _refuse(manifest, f"is damaged (notebook entry {number} has no name or status)")
        if status != "succeeded" or stem not in chapters or stem in found:
            continue
        relative, digest = _notebook_output(entry)
        path = inside(run_dir, relative, manifest)
        if isinstance(digest, str) and hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            raise _refuse(manifest, f"records another checksum for {relative[:60]!r}")
        found[stem] = path
    if not found:
        raise ParameterError(f"{run_dir} holds no successfully executed chapter")
    return sorted(found.items())
