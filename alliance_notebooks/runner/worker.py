"""A worker process: executes notebooks with papermill and exports them to HTML.

``python -m alliance_notebooks.runner.worker`` reads one job per line on stdin (JSON: input,
output, html, parameters, cwd, timeout) and answers one JSON result per line on stdout.
Any failure of a job (execution, export, a write) is that job's result, never a crash.
A worker serves many notebooks, so the interpreter start and imports are paid once.

A worker stops itself and every process under it (its kernel, and whatever a cell
started) when it is sent SIGTERM, when the runner dies (a parent-death signal on Linux)
or when its stdin closes (the runner's end of the pipe is gone, on any POSIX system).
"""

from __future__ import annotations

import ctypes
import functools
import hashlib
import json
import os
import queue
import shutil
import signal
import sys
import tempfile
import threading
import time
from pathlib import Path

PR_SET_PDEATHSIG = 1
TRANSPORT_DIR = tempfile.mkdtemp(prefix="an-kernel-")  # the kernels' IPC sockets


def stop_everything(*_) -> None:
    """Kill every descendant (kernels and their children), then exit at once."""
    import psutil

    children = psutil.Process().children(recursive=True)
    for child in children:
        try:
            child.kill()
        except psutil.Error:
            pass
    psutil.wait_procs(children, timeout=3)
    shutil.rmtree(TRANSPORT_DIR, ignore_errors=True)
    os._exit(143)


def _die_with_parent(parent: int) -> None:
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    if os.getppid() != parent:  # the runner died before the signal was armed
        stop_everything()


def _jobs() -> queue.Queue:
    """Jobs read from stdin by a thread; the end of stdin stops the worker."""
    jobs: queue.Queue = queue.Queue()

    def read() -> None:
        for line in sys.stdin:
            jobs.put(json.loads(line))
        stop_everything()

    threading.Thread(target=read, daemon=True).start()
    return jobs


def failing_cell(notebook) -> dict:
    """The first cell whose outputs hold an error: index, execution count, source, error."""
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


def figure_hashes(notebook) -> list[str]:
    """sha256 of every image output, in order, so that a run can say which figures changed."""
    hashes = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            for mime, data in output.get("data", {}).items():
                if mime.startswith("image/"):
                    text = data if isinstance(data, str) else json.dumps(data)
                    hashes.append(hashlib.sha256(text.encode()).hexdigest()[:16])
    return hashes


def _error(error: BaseException, spec: dict) -> dict:
    from nbclient.exceptions import CellTimeoutError

    if isinstance(error, CellTimeoutError):
        text = f"a cell ran longer than the --timeout of {spec['timeout']} s"
    else:
        text = " ".join(str(error).split())[:500]
    return {"ename": type(error).__name__, "evalue": text}


class Kernels:
    """Fresh kernels, each started while the notebook before it runs; never one reused.

    A kernel talks over IPC sockets in a private folder: no TCP port, and no "running over
    TCP without encryption" warning. A started kernel has run no code; it serves the next
    notebook that has the same working folder, or is shut down.
    """

    def __init__(self, transport_dir: str):
        self.transport_dir, self.count, self.spare = transport_dir, 0, None

    def _start(self, cwd: str):
        from jupyter_client.manager import AsyncKernelManager
        from jupyter_core.utils import run_sync

        self.count += 1
        manager = AsyncKernelManager(
            kernel_name="python3", transport="ipc", ip=f"{self.transport_dir}/k{self.count}"
        )
        run_sync(manager.start_kernel)(cwd=cwd)
        return cwd, manager

    def take(self, cwd: str):
        """A started kernel for ``cwd``; starts the one after it too."""
        current = self.spare if self.spare and self.spare[0] == cwd else None
        if self.spare and current is None:
            self.stop(self.spare[1])
        current = current or self._start(cwd)
        self.spare = self._start(cwd)
        return current[1]

    @staticmethod
    def stop(manager) -> None:
        from jupyter_core.utils import run_sync

        try:
            run_sync(manager.shutdown_kernel)(now=True)
        except Exception:  # already gone
            pass


def _execute(spec: dict, kernels: Kernels) -> dict:
    import papermill

    from alliance_notebooks.chapters import read_notebook

    manager = kernels.take(spec["cwd"])
    try:
        papermill.execute_notebook(
            read_notebook(Path(spec["input"])),
            spec["output"],
            parameters=spec["parameters"],
            cwd=spec["cwd"],
            kernel_name="python3",
            progress_bar=False,
            log_output=False,
            execution_timeout=spec["timeout"],
            km=manager,
        )
    except papermill.PapermillExecutionError as error:
        return {"ename": error.ename, "evalue": " ".join(str(error.evalue).split())[:500]}
    except Exception as error:  # kernel death, timeout, unreadable notebook, a write
        return _error(error, spec)
    finally:
        kernels.stop(manager)
    return {}


@functools.cache
def _exporter():
    """One HTML exporter per worker: its templates are loaded once, it keeps no notebook."""
    from nbconvert import HTMLExporter

    return HTMLExporter()


def run(spec: dict, kernels: Kernels) -> dict:
    """Execute, read key figures and figure hashes, export HTML; never raises."""
    import nbformat

    from alliance_notebooks import key_figures

    started = time.monotonic()
    output = Path(spec["output"])
    error = _execute(spec, kernels)
    result: dict = {"key_figures": {}, "figures": []}
    try:
        if output.exists():
            notebook = nbformat.read(output, as_version=4)
            if error:  # the failing cell's details; a timeout keeps its own name
                cell = failing_cell(notebook)
                error = {**cell, **error} if error["ename"] == "CellTimeoutError" else cell or error
            result.update(key_figures=key_figures.read(notebook), figures=figure_hashes(notebook))
            exported = time.monotonic()
            body, _ = _exporter().from_notebook_node(notebook)
            Path(spec["html"]).write_text(body, encoding="utf-8")
            result["export_s"] = round(time.monotonic() - exported, 2)
    except Exception as failure:  # an export or a write that failed
        error = error or {**_error(failure, spec), "stage": "html export"}
    result.update(
        status="failed" if error else "succeeded",
        error=error,
        duration_s=round(time.monotonic() - started, 2),
    )
    return result


def main() -> None:
    signal.signal(signal.SIGTERM, stop_everything)
    _die_with_parent(int(sys.argv[1]) if len(sys.argv) > 1 else os.getppid())
    answers, sys.stdout = sys.stdout, sys.stderr  # only results go to the runner's pipe
    jobs = _jobs()
    import papermill  # noqa: F401  (paid once, before the first job arrives)

    _exporter()

    kernels = Kernels(TRANSPORT_DIR)
    while True:
        print(json.dumps(run(jobs.get(), kernels)), file=answers, flush=True)


if __name__ == "__main__":
    main()
