"""Executing a chapter with papermill, for the notebook tests."""

from pathlib import Path

import nbformat
import papermill

from alliance_notebooks.chapters import declarations

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
CHAPTERS = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
DECLARED = declarations(NOTEBOOKS)
# Cells added around a chapter to keep its figures open and then check their text.
KEEP_FIGURES = "%config InlineBackend.close_figures = False"
CHECK_FIGURES = """
import json as _json
import matplotlib.pyplot as _plt
from alliance_notebooks.style import text_problems as _problems
_report = {}
for _n in _plt.get_fignums():
    _fig = _plt.figure(_n)
    _report[str(_n)] = _problems(_fig) + ([] if getattr(_fig, "alt_text", "") else ["no caption"])
    if not hasattr(type(_fig), "_repr_mimebundle_"):
        _report[str(_n)].append("not a style.HouseFigure: its caption would not reach alt text")
print("FIGURE-CHECK" + _json.dumps(_report))
"""


def execute(path: Path, out: Path, parameters: dict | None = None, check_figures=False):
    source = nbformat.read(path, as_version=4)
    if check_figures:
        source.cells.insert(0, nbformat.v4.new_code_cell(KEEP_FIGURES))
        source.cells.append(nbformat.v4.new_code_cell(CHECK_FIGURES))
    nbformat.write(source, out.with_suffix(".in.ipynb"))
    papermill.execute_notebook(
        str(out.with_suffix(".in.ipynb")),
        str(out),
        parameters=parameters or {},
        cwd=str(NOTEBOOKS),
        kernel_name="python3",
        progress_bar=False,
        execution_timeout=120,  # a lost kernel reply fails the test instead of hanging it
    )
    return nbformat.read(out, as_version=4)


def output_text(notebook) -> str:
    texts = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            texts.append(output.get("text", ""))
            texts.append(str(output.get("data", {}).get("text/plain", "")))
            texts.append(str(output.get("data", {}).get("text/markdown", "")))
    return "\n".join(texts)
