"""The output folder: its lock, the run being assembled, ``latest`` and the earlier runs."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from contextlib import contextmanager
from pathlib import Path

from alliance_notebooks.parameters import ParameterError

FIELDS = {"label": str, "path": str, "status": str, "parameters": dict}  # what a comparison reads


class Busy(RuntimeError):
    """Another run is writing into the same output folder."""


def _check(output_dir: Path) -> None:
    latest, lock = output_dir / "latest", output_dir / ".lock"
    if latest.exists() and not latest.is_symlink():
        kind = "folder" if latest.is_dir() else "file"
        raise ParameterError(f"{latest} is a {kind}, not the link this runner keeps there")
    if lock.is_symlink():  # filelock would follow it and could truncate what it points at
        raise ParameterError(f"{lock} is a symbolic link; remove it, the runner never follows it")


@contextmanager
def locked(output_dir: Path):
    """Hold ``<output_dir>/.lock`` and clear what killed runs left; refuse if it is held."""
    from filelock import FileLock, Timeout

    _check(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    try:
        held = FileLock(output_dir / ".lock").acquire(blocking=False)
    except Timeout:
        message = f"another run is writing into {output_dir}; wait for it or choose another one"
        raise Busy(message) from None
    with held:
        _check(output_dir)  # a link put there in the meantime
        for stale in (*output_dir.glob(".incomplete-*"), *output_dir.glob(".latest-*")):
            remove(stale)
        yield


def remove(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink()
    else:
        shutil.rmtree(path, ignore_errors=True)


def write(path: Path, text: str) -> None:
    """Write aside, flush to disk, then rename: a full disk never leaves a half file."""
    with (temporary := path.with_name(f".{path.name}.tmp")).open("w", encoding="utf-8") as out:
        out.write(text)
        out.flush()
        os.fsync(out.fileno())
    os.replace(temporary, path)


def keep(work: Path, job: dict, result: dict, **how) -> dict:
    """Write a result's notebook and HTML into the run; return its manifest entry."""
    outputs = {}
    for kind in (k for k in ("ipynb", "html") if result.get(k) is not None):
        (work / f"{job['label']}.{kind}").write_text(result[kind], encoding="utf-8")
        digest = hashlib.sha256(result[kind].encode()).hexdigest()
        outputs[kind] = {"path": f"{job['label']}.{kind}", "sha256": digest}
    fields = ("status", "duration_s", "timings", "key_figures", "figure_hashes", "tables_read")
    entry = {name: job[name] for name in ("label", "notebook", "path", "parameters")}
    entry |= {name: result[name] for name in (*fields, "error")} | {"outputs": outputs}
    return entry | {"computed_defaults": job["computed_defaults"], **how}


def earlier_runs(output_dir: Path, exclude: str) -> list[dict]:
    """Manifests of the finished runs in ``output_dir``, newest first; foreign ones skipped."""
    found = []
    for folder in sorted(output_dir.iterdir(), reverse=True):
        if folder.name[:1].isdigit() and folder.name != exclude and not folder.is_symlink():
            try:
                manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
                entries = manifest["notebooks"] if manifest["run_id"] == folder.name else None
                if all(isinstance(e[k], t) for e in entries for k, t in FIELDS.items()):
                    found.append(manifest)
            except (OSError, ValueError, TypeError, KeyError, IndexError):
                continue  # not a run of ours
    return found
