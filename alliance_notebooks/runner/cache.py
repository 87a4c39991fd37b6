"""The execution cache: one verified file per successful job, ``<output_dir>/.cache/<key>.json``."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
from importlib.metadata import distributions
from pathlib import Path

from alliance_notebooks.parameters import ParameterError

FORMAT = 2  # bump when a result changes shape


def _sha256(value) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True).encode()).hexdigest()


def fingerprint() -> dict:
    """The package version and a hash of its code, data and catalogue, as this machine has them."""
    import alliance_data
    import alliance_notebooks
    from alliance_data.catalog import DATA_DIR

    digest = hashlib.sha256()
    for package in (alliance_data, alliance_notebooks):
        root = Path(package.__file__).parent
        for path in sorted(root.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(root).as_posix().encode() + b"\0")
                digest.update(hashlib.sha256(path.read_bytes()).digest())
    digest.update(Path(str(DATA_DIR), "datapackage.json").read_bytes())
    return {"alliance-data": alliance_data.__version__, "code": digest.hexdigest()}


def environment() -> dict:
    """The part of every key that does not depend on the job: our code, Python, every library."""
    libraries = sorted(f"{d.metadata['Name']}=={d.version}" for d in distributions())
    return {"format": FORMAT, **fingerprint(), "python": sys.version, "libraries": libraries}


def key(job: dict, env: dict) -> str:
    """The job's key: notebook, folder, chapters.yml there, parameters and the environment."""
    declarations = Path(job["cwd"], "chapters.yml")  # read by the chapters' own checks
    chapters = declarations.read_text(encoding="utf-8") if declarations.is_file() else None
    return _sha256([env, job["source"], job["cwd"], job["parameters"], chapters])


def limit() -> int:
    """The cache's size limit in bytes: ``ALLIANCE_NOTEBOOKS_CACHE_MB`` MiB, 1024 by default."""
    text = os.environ.get("ALLIANCE_NOTEBOOKS_CACHE_MB", "1024")
    if not text.isdigit():
        message = f"ALLIANCE_NOTEBOOKS_CACHE_MB must be a whole number; got {text[:20]!r}"
        raise ParameterError(message)
    return int(text) * 2**20


def lookup(output_dir: Path, cache_key: str) -> tuple[dict, str] | None:
    """(result, run id) of an intact entry, else None; a damaged entry is removed."""
    path = output_dir / ".cache" / f"{cache_key}.json"
    try:
        entry = json.loads(path.read_text(encoding="utf-8"))
        if _sha256(entry["result"]) == entry["sha256"] and entry["result"]["status"] == "succeeded":
            os.utime(path)  # most recently used
            return entry["result"], str(entry["run_id"])
    except (OSError, ValueError, TypeError, KeyError):
        pass
    if path.is_file() and not path.is_symlink():
        path.unlink()
    return None


def store(output_dir: Path, cache_key: str, result: dict, run_id: str) -> None:
    """Keep a successful result (written aside, then renamed); drop the least recently used."""
    (output_dir / ".cache").mkdir(exist_ok=True)
    temporary = output_dir / ".cache" / f".tmp-{cache_key}"
    entry = {"run_id": run_id, "sha256": _sha256(result), "result": result}
    temporary.write_text(json.dumps(entry), encoding="utf-8")
    os.replace(temporary, output_dir / ".cache" / f"{cache_key}.json")
    total, most = 0, limit()
    for path in sorted((output_dir / ".cache").glob("*.json"), key=lambda p: -p.stat().st_mtime):
        total += path.stat().st_size
        if total > most:
            path.unlink()


def info(output_dir: Path, clear: bool = False) -> tuple[int, int]:
    """(number of entries, their total size in bytes); ``clear`` removes them."""
    sizes = [p.stat().st_size for p in (output_dir / ".cache").glob("*.json")]
    if clear:
        shutil.rmtree(output_dir / ".cache", ignore_errors=True)
    return len(sizes), sum(sizes)
