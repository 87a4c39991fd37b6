"""Execute one notebook with one parameter set (``execute_job``), on this machine or a worker."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import tempfile
import time
from pathlib import Path

MARK = "ALLIANCE_NOTEBOOKS_JOB"  # the job's token, in the environment of its processes
READ_LOG = "ALLIANCE_DATA_READ_LOG"  # alliance_data.load appends each table it reads here
OFFLINE = """{%- extends 'lab/index.html.j2' -%}
{% block html_head_js %}{% endblock %}{% block jupyter_widgets %}{% endblock %}
{% block html_head_js_mathjax %}{% endblock %}{% block html_head_js_mermaidjs %}{% endblock %}
"""  # the lab template without its scripts from CDNs (require.js, MathJax, widgets, mermaid)


def stop_kernels(token: str) -> None:
    """Kill this machine's processes that carry ``token`` (a job's, or a run's) in their env."""
    import psutil

    found = []
    for proc in psutil.process_iter():
        with contextlib.suppress(psutil.Error):
            value = proc.environ().get(MARK, "")
            found += [proc] if value == token or value.startswith(token + ":") else []
    for proc in found:
        with contextlib.suppress(psutil.Error):
            proc.kill()
    psutil.wait_procs(found, timeout=5)


@functools.cache
def _exporter():
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    loader = DictLoader({"offline.html.j2": OFFLINE})
    return HTMLExporter(extra_loaders=[loader], template_file="offline.html.j2")


def _error(error: BaseException, timeout: int) -> dict:
    from papermill import PapermillExecutionError

    if isinstance(error, PapermillExecutionError):
        evalue = " ".join(str(error.evalue).split())[:500]
        return {"ename": error.ename, "evalue": evalue, "cell": error.cell_index,
                "source": error.source[:500]}  # fmt: skip
    text = " ".join(str(error).split())[:500]
    if type(error).__name__ == "CellTimeoutError":
        text = f"a cell ran longer than the --timeout of {timeout} s"
    return {"ename": type(error).__name__, "evalue": text, "cell": None}


def _execute(job: dict, folder: str) -> dict | None:
    """Run papermill in a fresh kernel; return the error, if any."""
    import nbformat
    import papermill
    from jupyter_client.manager import AsyncKernelManager
    from jupyter_core.utils import run_sync

    # IPC sockets and connection file in the job's folder: no TCP port, nothing left behind
    manager = AsyncKernelManager(kernel_name="python3", transport="ipc", ip=f"{folder}/kernel",
                                 connection_file=f"{folder}/kernel.json")  # fmt: skip
    env = {**os.environ, MARK: job["token"], READ_LOG: f"{folder}/tables-read"}
    cwd = job["cwd"] if Path(job["cwd"]).is_dir() else folder
    try:
        run_sync(manager.start_kernel)(cwd=cwd, env=env)
        notebook = nbformat.reads(job["source"], as_version=4)
        # papermill saves once at the end, error or not; saving after every cell cost ~1 s a job
        papermill.execute_notebook(notebook, f"{folder}/executed.ipynb", job["parameters"],
                                   kernel_name="python3", progress_bar=False, km=manager,
                                   execution_timeout=job["timeout"],
                                   request_save_on_cell_execute=False)  # fmt: skip
    except Exception as error:  # the notebook's error, a timeout, a dead kernel
        return _error(error, job["timeout"])
    finally:
        with contextlib.suppress(Exception):
            run_sync(manager.shutdown_kernel)(now=True)
        stop_kernels(job["token"])
    return None


def empty_result(label: str) -> dict:
    return {"label": label, "ipynb": None, "html": None, "key_figures": {}, "figure_hashes": [],
            "tables_read": [], "timings": {}}  # fmt: skip


def execute_job(job: dict) -> dict:
    """Execute and export one notebook; return its outputs and findings, with no local path."""
    import nbformat

    from alliance_notebooks import key_figures

    started, result = time.monotonic(), empty_result(job["label"])
    scratch = job.get("scratch")  # the local pool's folder for its jobs; short: IPC socket paths
    prefix = "job-" if scratch else "alliance-job-"
    with tempfile.TemporaryDirectory(prefix=prefix, dir=scratch) as folder:
        error = _execute(job, folder)
        result["timings"]["execute_s"] = round(time.monotonic() - started, 2)
        log, output = Path(folder, "tables-read"), Path(folder, "executed.ipynb")
        if log.exists():
            result["tables_read"] = sorted(set(log.read_text(encoding="utf-8").split()))
        try:
            if output.exists():
                notebook = nbformat.read(output, as_version=4)
                notebook.metadata.papermill.update(input_path=job["name"], output_path=None)
                images = [d if isinstance(d, str) else json.dumps(d) for c in notebook.cells
                          for o in c.get("outputs", []) for m, d in o.get("data", {}).items()
                          if m.startswith("image/")]  # fmt: skip
                hashes = [hashlib.sha256(image.encode()).hexdigest()[:16] for image in images]
                result["figure_hashes"] = hashes
                result["key_figures"] = key_figures.read(notebook)
                result["ipynb"] = nbformat.writes(notebook)
                exported, resources = time.monotonic(), {"metadata": {"name": job["label"]}}
                result["html"] = _exporter().from_notebook_node(notebook, resources)[0]
                result["timings"]["export_s"] = round(time.monotonic() - exported, 2)
        except Exception as failure:  # an export that failed
            error = error or {**_error(failure, job["timeout"]), "stage": "html export"}
    result["duration_s"] = round(time.monotonic() - started, 2)
    return result | {"status": "failed" if error else "succeeded", "error": error}
