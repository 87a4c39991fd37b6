"""Sync paired notebooks from their .py source, execute them, and keep only checked outputs.

Usage: python tools/refresh_notebooks.py [notebooks/NN_name.py ...]

Each notebook is rebuilt from its percent-format .py file (jupytext), executed top to
bottom (nbclient), then stripped (nbstripout) of every output except cells marked
``# NBVAL_CHECK_OUTPUT``, whose outputs nbval compares. Those cells carry nbstripout's
``keep_output`` flag, which is written back to the .py so the pair stays in sync. The
kernelspec is set to python3 and saved widget state is dropped.
"""

from __future__ import annotations

import sys
from pathlib import Path

import jupytext
import nbformat
from jupytext.config import load_jupytext_config
from nbclient import NotebookClient
from nbstripout import strip_output

ROOT = Path(__file__).resolve().parent.parent
KERNELSPEC = {"name": "python3", "display_name": "Python 3", "language": "python"}
CHECK = "# NBVAL_CHECK_OUTPUT"


def refresh(source: Path) -> Path:
    notebook = jupytext.read(source)
    notebook.metadata["kernelspec"] = KERNELSPEC
    NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(source.parent)}},
    ).execute()
    for cell in notebook.cells:
        if cell.cell_type == "code" and CHECK in cell.source:
            cell.metadata["keep_output"] = True
        else:
            cell.metadata.pop("keep_output", None)
    notebook = strip_output(notebook, keep_output=False, keep_count=True, keep_id=True)
    for cell in notebook.cells:
        if cell.cell_type == "code" and CHECK not in cell.source:
            cell.outputs = []
            cell.execution_count = None  # nbval needs counts only on the cells it compares
        cell.metadata.pop("execution", None)
    notebook.metadata.pop("language_info", None)
    notebook.metadata.pop("widgets", None)
    target = source.with_suffix(".ipynb")
    nbformat.write(notebook, target)
    config = load_jupytext_config(str(source.parent))  # honours jupytext.toml's filters
    jupytext.write(jupytext.read(target), source, fmt="py:percent", config=config)
    return target


def main(paths: list[str]) -> None:
    sources = [Path(p).resolve() for p in paths] or sorted(
        (ROOT / "notebooks").glob("[0-9][0-9]_*.py")
    )
    for source in sources:
        print(f"refreshed {refresh(source).relative_to(ROOT)}")


if __name__ == "__main__":
    main(sys.argv[1:])
