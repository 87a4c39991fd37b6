"""A worker process: executes notebooks with papermill and exports them to HTML.

``python -m alliance_notebooks.runner.worker`` reads one job per line on stdin (JSON: input,
output, html, parameters, cwd, timeout) and answers one JSON result per line on stdout.
The runner starts each worker in its own process group, so an interrupted run can stop
the worker and its kernels together; a worker serves many notebooks, so the imports and
interpreter start are paid once per worker, not once per notebook.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import nbformat
import papermill
from nbconvert import HTMLExporter


def failing_cell(notebook_path: Path) -> dict:
    """The first cell whose outputs hold an error: index, execution count, source, error."""
    notebook = nbformat.read(notebook_path, as_version=4)
    for index, cell in enumerate(notebook.cells):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                return {
                    "cell_index": index,
                    "execution_count": cell.get("execution_count"),
                    "source": cell.source[:500],
                    "ename": output.get("ename"),
                    "evalue": output.get("evalue"),
                }
    return {}


def export_html(notebook_path: Path, html_path: Path) -> None:
    body, _ = HTMLExporter().from_filename(str(notebook_path))
    html_path.write_text(body, encoding="utf-8")


def run(spec: dict) -> dict:
    output, html = Path(spec["output"]), Path(spec["html"])
    started = time.monotonic()
    result = {"status": "succeeded", "error": {}}
    try:
        papermill.execute_notebook(
            spec["input"],
            str(output),
            parameters=spec["parameters"],
            cwd=spec["cwd"],
            kernel_name="python3",
            progress_bar=False,
            log_output=False,
            execution_timeout=spec["timeout"],
        )
    except papermill.PapermillExecutionError as error:
        result = {
            "status": "failed",
            "error": failing_cell(output) or {"ename": error.ename, "evalue": error.evalue},
        }
    except Exception as error:  # kernel death, timeout, unreadable notebook
        result = {
            "status": "failed",
            "error": {"ename": type(error).__name__, "evalue": str(error)},
        }
    result["duration_s"] = round(time.monotonic() - started, 2)
    if output.exists():
        export_html(output, html)
    return result


def main() -> None:
    answers, sys.stdout = sys.stdout, sys.stderr  # only results go to the runner's pipe
    for line in sys.stdin:
        print(json.dumps(run(json.loads(line))), file=answers, flush=True)


if __name__ == "__main__":
    main()
