"""Rebuild paired notebooks from their .py source, exactly as git's nbstripout filter
would store them.

Usage: python tools/refresh_notebooks.py [notebooks/NN_name.py ...]

Each ``.ipynb`` is rebuilt from its percent-format ``.py`` file (jupytext), given the
kernelspec that JupyterLab writes for the python3 kernel, and passed through nbstripout
with the settings in CONTRIBUTING.md (no outputs or counts, sequential cell ids, no
language_info or widget state). A notebook saved from JupyterLab therefore shows no change
in git. Key figures are checked by tests/test_notebooks.py against tests/key_figures/.
"""

from __future__ import annotations

import sys
from pathlib import Path

import jupytext
import nbformat
from nbstripout import strip_output

ROOT = Path(__file__).resolve().parent.parent
KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
EXTRA_KEYS = ["metadata.language_info", "metadata.widgets", "cell.metadata.keep_output"]


def refresh(source: Path) -> Path:
    notebook = jupytext.read(source)
    notebook.metadata["kernelspec"] = KERNELSPEC
    notebook.metadata.get("jupytext", {}).pop("text_representation", None)  # as Lab saves it
    notebook = strip_output(
        notebook, keep_output=False, keep_count=False, keep_id=False, extra_keys=EXTRA_KEYS
    )
    nbformat.validate(notebook)
    target = source.with_suffix(".ipynb")
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
