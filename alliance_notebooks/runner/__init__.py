"""Scheduled, parameterized re-execution of the notebooks with papermill.

A run writes ``<output_dir>/<run-id>/`` (executed notebooks, HTML exports, index.html,
manifest.json). It is assembled in ``.incomplete-<run-id>/`` and renamed only when every
job has finished; ``latest`` moves only when every notebook succeeded. An interrupted run
stops its kernels and leaves nothing that looks like a finished run.
"""

from __future__ import annotations

import json
import os
import platform
import secrets
import selectors
import shutil
import signal
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from alliance_data.catalog import data_version
from alliance_notebooks.runner import report
from alliance_notebooks.runner.params import NotebookPlan
from alliance_notebooks.runner.progress import progress_display

INTERRUPTED = 130


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def new_run_id() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ") + "-" + secrets.token_hex(2)


def default_jobs() -> int:
    return max(1, os.cpu_count() or 1)


class Worker:
    """A long-lived worker process in its own process group."""

    def __init__(self, log):
        self.log = log
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "alliance_notebooks.runner.worker"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=log,
            text=True,
            start_new_session=True,
        )
        self.stem: str | None = None

    def submit(self, nb: NotebookPlan, work: Path, timeout: int) -> None:
        self.stem = nb.stem
        spec = {
            "input": str(nb.path),
            "output": str(work / f"{nb.stem}.ipynb"),
            "html": str(work / f"{nb.stem}.html"),
            "parameters": nb.parameters,
            "cwd": str(nb.path.parent),
            "timeout": timeout,
        }
        self.proc.stdin.write(json.dumps(spec) + "\n")
        self.proc.stdin.flush()

    def stop(self) -> None:
        """Stop the worker and any kernel it started."""
        if self.proc.poll() is None:
            self.proc.stdin.close()
            os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()


def _crashed(worker: Worker) -> dict:
    return {
        "status": "failed",
        "duration_s": None,
        "error": {"ename": "WorkerCrashed", "evalue": f"exit code {worker.proc.poll()}"},
    }


def _execute(plans, work, workers, timeout, show) -> dict[str, dict]:
    """Hand notebooks to idle workers until every notebook has a result."""
    pending, results = list(plans), {}
    with selectors.DefaultSelector() as selector:
        for worker in workers:
            selector.register(worker.proc.stdout, selectors.EVENT_READ, worker)
        idle = list(workers)
        while pending or len(idle) < len(workers):
            while pending and idle:
                nb, worker = pending.pop(0), idle.pop()
                worker.submit(nb, work, timeout)
                show.started(nb.stem)
            for key, _ in selector.select():
                worker = key.data
                line = worker.proc.stdout.readline()
                results[worker.stem] = json.loads(line) if line else _crashed(worker)
                show.finished(worker.stem, results[worker.stem])
                if line:
                    idle.append(worker)
                else:  # the worker died; a fresh one takes its place
                    selector.unregister(worker.proc.stdout)
                    workers[workers.index(worker)] = fresh = Worker(worker.log)
                    selector.register(fresh.proc.stdout, selectors.EVENT_READ, fresh)
                    idle.append(fresh)
    return results


def _raise_interrupt(signum, frame):
    raise KeyboardInterrupt


def _move_latest(output_dir: Path, run_id: str) -> None:
    temporary = output_dir / f".latest-{run_id}"
    temporary.symlink_to(run_id, target_is_directory=True)
    os.replace(temporary, output_dir / "latest")


def run(plans: list[NotebookPlan], output_dir: Path, jobs: int, timeout: int) -> int:
    """Execute the plans; return 0 (all succeeded), 1 (a notebook failed) or 130 (interrupted)."""
    from alliance_data import __version__

    run_id = new_run_id()
    output_dir.mkdir(parents=True, exist_ok=True)
    work = output_dir / f".incomplete-{run_id}"
    work.mkdir()
    manifest = {
        "run_id": run_id,
        "started": _now(),
        "package_version": __version__,
        "data_version": data_version(),
        "python": platform.python_version(),
        "machine": platform.platform(),
        "jobs": jobs,
        "timeout_s": timeout,
    }
    previous = signal.signal(signal.SIGTERM, _raise_interrupt)
    workers: list[Worker] = []
    log = (work / "runner.log").open("w")  # the workers' and kernels' diagnostics
    try:
        workers += [Worker(log) for _ in range(min(jobs, len(plans)))]
        with progress_display([nb.stem for nb in plans]) as show:
            results = _execute(plans, work, workers, timeout, show)
    except KeyboardInterrupt:
        for worker in workers:
            worker.stop()
        shutil.rmtree(work, ignore_errors=True)
        print(
            f"run {run_id} interrupted; nothing was kept and 'latest' is unchanged", file=sys.stderr
        )
        return INTERRUPTED
    finally:
        signal.signal(signal.SIGTERM, previous)
        for worker in workers:
            worker.stop()
        log.close()
    ok = all(r["status"] == "succeeded" for r in results.values())
    manifest.update(
        {
            "ended": _now(),
            "status": "succeeded" if ok else "failed",
            "notebooks": [
                {
                    "notebook": nb.stem,
                    "parameters": nb.parameters,
                    **results[nb.stem],
                    "outputs": report.outputs(work, nb.stem),
                }
                for nb in plans
            ],
        }
    )
    report.write(work, manifest)
    final = output_dir / run_id
    os.rename(work, final)
    if ok:
        _move_latest(output_dir, run_id)
    print(f"run {run_id} {manifest['status']}: {final / 'index.html'}")
    return 0 if ok else 1
