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
import shutil
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from alliance_data.catalog import DATA_VERSION
from alliance_data.runner import report
from alliance_data.runner.params import NotebookPlan
from alliance_data.runner.progress import progress_display

INTERRUPTED = 130


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def new_run_id() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ") + "-" + secrets.token_hex(2)


def default_jobs() -> int:
    return max(1, os.cpu_count() or 1)


def _start(nb: NotebookPlan, work: Path, jobs_dir: Path, timeout: int) -> subprocess.Popen:
    spec = jobs_dir / f"{nb.stem}.json"
    spec.write_text(
        json.dumps(
            {
                "input": str(nb.path),
                "output": str(work / f"{nb.stem}.ipynb"),
                "html": str(work / f"{nb.stem}.html"),
                "parameters": nb.parameters,
                "cwd": str(nb.path.parent),
                "timeout": timeout,
            }
        ),
        encoding="utf-8",
    )
    log = (jobs_dir / f"{nb.stem}.log").open("w")
    return subprocess.Popen(
        [sys.executable, "-m", "alliance_data.runner.worker", str(spec)],
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def _stop(processes: list[subprocess.Popen]) -> None:
    """Stop running jobs and their kernels (each job is its own process group)."""
    for proc in processes:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
    deadline = time.monotonic() + 10
    for proc in processes:
        try:
            proc.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def _execute(plans, work, jobs_dir, jobs, timeout, show, processes) -> dict[str, dict]:
    """Run up to ``jobs`` notebooks at a time; every started process is added to ``processes``."""
    pending, running, results = list(plans), {}, {}
    while pending or running:
        while pending and len(running) < jobs:
            nb = pending.pop(0)
            running[nb.stem] = _start(nb, work, jobs_dir, timeout)
            processes.append(running[nb.stem])
            show.started(nb.stem)
        for stem, proc in list(running.items()):
            if proc.poll() is not None:
                del running[stem]
                result_path = jobs_dir / f"{stem}.result.json"
                results[stem] = (
                    json.loads(result_path.read_text())
                    if result_path.exists()
                    else {
                        "status": "failed",
                        "duration_s": None,
                        "error": {
                            "ename": "WorkerCrashed",
                            "evalue": f"exit code {proc.returncode}",
                        },
                    }
                )
                show.finished(stem, results[stem])
        time.sleep(0.1)
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
    jobs_dir = work / ".jobs"
    jobs_dir.mkdir(parents=True)
    manifest = {
        "run_id": run_id,
        "started": _now(),
        "package_version": __version__,
        "data_version": DATA_VERSION,
        "python": platform.python_version(),
        "machine": platform.platform(),
        "jobs": jobs,
        "timeout_s": timeout,
    }
    previous = signal.signal(signal.SIGTERM, _raise_interrupt)
    processes: list[subprocess.Popen] = []
    try:
        with progress_display([nb.stem for nb in plans]) as show:
            results = _execute(plans, work, jobs_dir, jobs, timeout, show, processes)
    except KeyboardInterrupt:
        _stop(processes)
        shutil.rmtree(work, ignore_errors=True)
        print(
            f"run {run_id} interrupted; nothing was kept and 'latest' is unchanged", file=sys.stderr
        )
        return INTERRUPTED
    finally:
        signal.signal(signal.SIGTERM, previous)
    shutil.rmtree(jobs_dir)
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
