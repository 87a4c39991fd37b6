"""A content-addressed execution cache in ``<output_dir>/.cache/<key>/``.

The key is a sha256 over everything that can change what a notebook prints: its own
bytes, its complete parameters, its declaration in ``chapters.yml``, the recorded hash of
every table it reads (every table, for a notebook that is not a chapter), the source of
``alliance_data`` and of the parts of ``alliance_notebooks`` that run in a kernel or
shape an output, the package version, and the versions of
Python and the libraries that execute and render it. Only successful executions are kept.
See ``benchmarks/README.md`` for why this is not jupyter-cache.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import shutil
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import alliance_data
import alliance_notebooks
from alliance_data.catalog import list_tables, resource
from alliance_notebooks.chapters import declaration
from alliance_notebooks.runner.params import NotebookPlan

FORMAT = 1  # bump when the runner's outputs change shape
LIBRARIES = (
    "papermill", "nbclient", "nbconvert", "nbformat", "ipykernel", "jupyter_client",
    "pandas", "numpy", "matplotlib", "matplotlib-fontja", "ipywidgets",
)  # fmt: skip


def _version(name: str) -> str | None:
    try:
        return version(name)
    except PackageNotFoundError:
        return None


# tooling that never runs in a kernel nor shapes an output: editing it keeps the cache
NOT_IN_KERNELS = {
    "cli.py", "book.py", "student.py", "copying.py", "runner/__init__.py", "runner/cache.py",
    "runner/changes.py", "runner/params.py", "runner/progress.py", "runner/report.py",
}  # fmt: skip


def environment() -> dict:
    """The part of every key that does not depend on the notebook."""
    code = hashlib.sha256()
    for package in (alliance_data, alliance_notebooks):
        root = Path(package.__file__).parent
        for path in sorted(root.rglob("*")):
            name = path.relative_to(root).as_posix()
            if path.suffix == ".py" and name not in NOT_IN_KERNELS or name.startswith("answers/"):
                code.update(name.encode() + path.read_bytes())  # data: by table, in key()
    return {
        "format": FORMAT,
        "package": alliance_data.__version__,
        "code": code.hexdigest(),
        "python": platform.python_version(),
        "libraries": {name: _version(name) for name in LIBRARIES},
    }


def tables_read(nb: NotebookPlan) -> list[str]:
    spec = declaration(nb.stem, nb.path.parent)
    return list(spec.get("tables", [])) if spec else list_tables()


def key(nb: NotebookPlan, env: dict) -> str:
    """The cache key of one execution."""
    document = {
        "env": env,
        "notebook": hashlib.sha256(nb.path.read_bytes()).hexdigest(),
        "parameters": nb.parameters,
        "declaration": declaration(nb.stem, nb.path.parent),
        "tables": {t: resource(t)["hash"] for t in tables_read(nb)},
    }
    text = json.dumps(document, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def lookup(output_dir: Path, cache_key: str) -> dict | None:
    """The stored entry (run id, result) for a key, or None."""
    entry = output_dir / ".cache" / cache_key / "entry.json"
    try:
        return json.loads(entry.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def restore(output_dir: Path, cache_key: str, work: Path, label: str) -> None:
    """Copy a cached executed notebook and its HTML into the run being assembled."""
    folder = output_dir / ".cache" / cache_key
    for suffix in (".ipynb", ".html"):
        shutil.copyfile(folder / f"notebook{suffix}", work / f"{label}{suffix}")


def store(output_dir: Path, cache_key: str, work: Path, label: str, entry: dict) -> None:
    """Keep a successful execution under its key (written aside, then renamed)."""
    final = output_dir / ".cache" / cache_key
    temporary = output_dir / ".cache" / f".tmp-{cache_key}-{os.getpid()}"
    shutil.rmtree(temporary, ignore_errors=True)
    temporary.mkdir(parents=True)
    for suffix in (".ipynb", ".html"):
        shutil.copyfile(work / f"{label}{suffix}", temporary / f"notebook{suffix}")
    (temporary / "entry.json").write_text(json.dumps(entry), encoding="utf-8")
    shutil.rmtree(final, ignore_errors=True)
    os.rename(temporary, final)


def clean_temporaries(output_dir: Path) -> None:
    for stale in (output_dir / ".cache").glob(".tmp-*"):
        shutil.rmtree(stale, ignore_errors=True)
