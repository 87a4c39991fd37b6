"""Rebuild paired notebooks from their .py source, with no outputs and stable cell ids.

Usage: python tools/refresh_notebooks.py [notebooks/NN_name.py ...]

Each ``.ipynb`` is rebuilt from its percent-format ``.py`` file (jupytext). Cell ids of
the previous ``.ipynb`` are kept where the cell is unchanged, the kernelspec is python3,
and outputs, execution counts and widget state are left out. Key figures are checked by
tests/test_notebooks.py against tests/key_figures/, not stored in the notebook.
"""

from __future__ import annotations

import sys
from pathlib import Path

import jupytext
import nbformat

ROOT = Path(__file__).resolve().parent.parent
KERNELSPEC = {"name": "python3", "display_name": "Python 3", "language": "python"}


def refresh(source: Path) -> Path:
    notebook = jupytext.read(source)
    target = source.with_suffix(".ipynb")
    old_ids = {}
    if target.exists():
        old = nbformat.read(target, as_version=4)
        old_ids = {(c.cell_type, c.source): c.get("id") for c in old.cells}
    notebook.metadata["kernelspec"] = KERNELSPEC
    notebook.metadata.pop("language_info", None)
    notebook.metadata.pop("widgets", None)
    for cell in notebook.cells:
        if old_ids.get((cell.cell_type, cell.source)):
            cell["id"] = old_ids[(cell.cell_type, cell.source)]
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
        cell.metadata.pop("execution", None)
    nbformat.validate(notebook)
    nbformat.write(notebook, target)
    return target


def main(paths: list[str]) -> None:
    sources = [Path(p).resolve() for p in paths] or sorted(
        (ROOT / "notebooks").glob("[0-9][0-9]_*.py")
    )
    for source in sources:
        print(f"refreshed {refresh(source).relative_to(ROOT)}")


if __name__ == "__main__":
    main(sys.argv[1:])
