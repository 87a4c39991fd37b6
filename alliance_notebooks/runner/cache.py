"""The execution cache: one file per successful job, ``<output_dir>/.cache/<key>.json``.

The key covers the notebook, its folder (and chapters.yml there), its parameters, every file
of ``alliance_data`` and ``alliance_notebooks``, the whole catalogue (``datapackage.json``:
each table's hash and metadata), Python and every installed library. An entry whose sha256
does not match (tampered with, cut short) is a miss. The most recently used entries are kept
within ``ALLIANCE_NOTEBOOKS_CACHE_MB`` (default 1024 MiB).
"""

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
    declarations = Path(job["cwd"], "chapters.yml")  # read by the chapters' own checks
    chapters = declarations.read_text(encoding="utf-8") if declarations.is_file() else None
    document = [env, job["source"], job["cwd"], job["parameters"], chapters]
    return hashlib.sha256(json.dumps(document, sort_keys=True).encode()).hexdigest()


def _digest(result: dict) -> str:
    return hashlib.sha256(json.dumps(result, sort_keys=True).encode()).hexdigest()


def limit() -> int:
    """The cache's size limit in bytes: ``ALLIANCE_NOTEBOOKS_CACHE_MB`` MiB, 1024 by default."""
    text = os.environ.get("ALLIANCE_NOTEBOOKS_CACHE_MB", "1024")
    if not text.isdigit():
        raise ParameterError(
            f"ALLIANCE_NOTEBOOKS_CACHE_MB must be a whole number; got {text[:20]!r}"
        )
    return int(text) * 2**20


def lookup(output_dir: Path, cache_key: str) -> tuple[dict, str] | None:
    """(result, run id) of an intact entry, else None; a damaged entry is removed."""
    path = output_dir / ".cache" / f"{cache_key}.json"
    try:
        entry = json.loads(path.read_text(encoding="utf-8"))
        if _digest(entry["result"]) == entry["sha256"] and entry["result"]["status"] == "succeeded":
            os.utime(path)  # most recently used
            return entry["result"], str(entry["run_id"])
    except (OSError, ValueError, TypeError, KeyError):
        pass
    if path.is_file() and not path.is_symlink():
        path.unlink()
    return None


def store(output_dir: Path, cache_key: str, result: dict, run_id: str) -> None:
    """Keep a successful result (written aside, then renamed), then trim the cache."""
    (output_dir / ".cache").mkdir(exist_ok=True)
    temporary = output_dir / ".cache" / f".tmp-{cache_key}"
    entry = {"run_id": run_id, "sha256": _digest(result), "result": result}
    temporary.write_text(json.dumps(entry), encoding="utf-8")
    os.replace(temporary, output_dir / ".cache" / f"{cache_key}.json")
    entries = sorted((output_dir / ".cache").glob("*.json"), key=lambda p: -p.stat().st_mtime)
    sizes = [p.stat().st_size for p in entries]
    for index, path in enumerate(entries):  # least recently used beyond the limit
        if sum(sizes[: index + 1]) > limit():
            path.unlink()


def info(output_dir: Path, clear: bool = False) -> tuple[int, int]:
    """(number of entries, their total size in bytes); ``clear`` removes them."""
    sizes = [p.stat().st_size for p in (output_dir / ".cache").glob("*.json")]
    if clear:
        shutil.rmtree(output_dir / ".cache", ignore_errors=True)
    return len(sizes), sum(sizes)
