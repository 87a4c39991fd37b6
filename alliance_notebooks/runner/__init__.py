"""Scheduled, parameterized re-execution of the notebooks with papermill.

A run writes ``<output_dir>/<run-id>/`` (executed notebooks, HTML exports, index.html,
manifest.json, changes.json). It is assembled in ``.incomplete-<run-id>/`` and renamed only
when every job has finished; ``latest`` moves only when every notebook succeeded. One run
at a time may write into an output folder (a lock file); an interrupted run stops its
kernels and leaves nothing that looks like a finished run. Unchanged notebooks are reused
from ``<output_dir>/.cache/`` (see ``cache``).
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

from alliance_notebooks.parameters import ParameterError
from alliance_notebooks.runner import cache, changes, report
from alliance_notebooks.runner.params import NotebookPlan
from alliance_notebooks.runner.progress import progress_display

SUCCEEDED, FAILED, BAD_INPUT, CHANGED, ENVIRONMENT, BUSY, INTERRUPTED = 0, 1, 2, 3, 4, 5, 130


class EnvironmentProblem(RuntimeError):
    """The machine, not the input: an unsupported platform, a full or read-only disk."""


class Busy(RuntimeError):
    """Another run is writing into the same output folder."""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def new_run_id() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ") + "-" + secrets.token_hex(2)


def default_jobs() -> int:
    return max(1, os.cpu_count() or 1)


def check_platform() -> None:
    if sys.platform == "win32" or not hasattr(os, "killpg"):
        raise EnvironmentProblem(
            "the runner needs POSIX process groups (Linux or macOS; on Windows use WSL); "
            "the notebooks themselves run anywhere: open them in Jupyter or run one with papermill"
        )


class Worker:
    """A long-lived worker process in its own process group."""

    def __init__(self, log):
        self.log = log
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "alliance_notebooks.runner.worker", str(os.getpid())],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=log,
            text=True,
            start_new_session=True,
        )
        self.label: str | None = None

    def submit(self, nb: NotebookPlan, work: Path, timeout: int) -> None:
        self.label = nb.label
        spec = {
            "input": str(nb.path),
            "output": str(work / f"{nb.label}.ipynb"),
            "html": str(work / f"{nb.label}.html"),
            "parameters": nb.parameters,
            "cwd": str(nb.path.parent),
            "timeout": timeout,
        }
        self.proc.stdin.write(json.dumps(spec) + "\n")
        self.proc.stdin.flush()

    def stop(self) -> None:
        """Stop the worker; it stops its kernel and every process under it."""
        if self.proc.poll() is None:
            try:
                self.proc.stdin.close()
            except OSError:
                pass
            os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()

    def crashed(self) -> dict:
        try:
            code = self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            code = None
        how = f"was killed by signal {-code}" if code and code < 0 else f"exited with code {code}"
        return {
            "status": "failed",
            "duration_s": None,
            "error": {"ename": "WorkerCrashed", "evalue": f"the worker {how}; see runner.log"},
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
                show.started(nb.label)
            for key, _ in selector.select():
                worker = key.data
                line = worker.proc.stdout.readline()
                results[worker.label] = json.loads(line) if line else worker.crashed()
                show.finished(worker.label, results[worker.label])
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


def _check_latest(output_dir: Path) -> None:
    latest = output_dir / "latest"
    if latest.exists() and not latest.is_symlink():
        kind = "folder" if latest.is_dir() else "file"
        raise ParameterError(
            f"{latest} is a {kind}, not the link this runner keeps there; move it away first"
        )


def _lock(output_dir: Path):
    """Hold ``<output_dir>/.lock`` for the whole run; refuse if another run holds it."""
    import fcntl  # POSIX only; check_platform has run

    handle = (output_dir / ".lock").open("a+")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.seek(0)
        owner = handle.read().strip() or "unknown"
        handle.close()
        raise Busy(
            f"another run (pid {owner[:20]}) is writing into {output_dir}; wait for it to "
            "finish or choose another --output-dir"
        ) from None
    handle.truncate(0)
    handle.write(str(os.getpid()))
    handle.flush()
    return handle


def _clean_stale(output_dir: Path) -> None:
    """Remove what killed runs left; under the lock, no live run owns any of it."""
    for stale in (*output_dir.glob(".incomplete-*"), *output_dir.glob(".latest-*")):
        if stale.is_symlink() or stale.is_file():
            stale.unlink()
        else:
            shutil.rmtree(stale, ignore_errors=True)
    cache.clean_temporaries(output_dir)


def _move_latest(output_dir: Path, run_id: str) -> None:
    temporary = output_dir / f".latest-{run_id}"
    temporary.symlink_to(run_id, target_is_directory=True)
    os.replace(temporary, output_dir / "latest")


def _verify_tables(plans: list[NotebookPlan]) -> None:
    """Read every table the run needs, so a damaged one stops it before any kernel."""
    import alliance_data as ad

    for table in sorted({t for nb in plans for t in cache.tables_read(nb)}):
        ad.load(table)


def _entry(nb: NotebookPlan, result: dict, work: Path) -> dict:
    return {
        "notebook": nb.label,
        "source": nb.stem,
        "path": str(nb.path),
        "parameters": nb.parameters,
        **result,
        "outputs": report.outputs(work, nb.label),
    }


def run(
    plans: list[NotebookPlan],
    output_dir: Path,
    jobs: int,
    timeout: int,
    *,
    force: bool = False,
    fail_on_change: bool = False,
) -> int:
    """Execute the plans; return an exit code (see the module constants)."""
    from alliance_data import __version__
    from alliance_data.catalog import data_version

    check_platform()
    previous = signal.signal(signal.SIGTERM, _raise_interrupt)
    try:
        _check_latest(output_dir)
        output_dir.mkdir(parents=True, exist_ok=True)
        lock = _lock(output_dir)
    except BaseException:
        signal.signal(signal.SIGTERM, previous)
        raise
    run_id = new_run_id()
    work = output_dir / f".incomplete-{run_id}"
    workers: list[Worker] = []
    try:
        _clean_stale(output_dir)
        _verify_tables(plans)
        work.mkdir()
        env = cache.environment()
        keys = {nb.label: cache.key(nb, env) for nb in plans}
        hits = {} if force else {nb.label: cache.lookup(output_dir, keys[nb.label]) for nb in plans}
        to_run = [nb for nb in plans if not hits.get(nb.label)]
        manifest = {
            "run_id": run_id,
            "started": _now(),
            "package_version": __version__,
            "data_version": data_version(),
            "python": platform.python_version(),
            "machine": platform.platform(),
            "jobs": jobs,
            "timeout_s": timeout,
            "forced": force,
        }
        results: dict[str, dict] = {}
        with (
            (work / "runner.log").open("w") as log,
            progress_display([nb.label for nb in plans]) as show,
        ):
            for nb in plans:
                if hit := hits.get(nb.label):
                    cache.restore(output_dir, keys[nb.label], work, nb.label)
                    reused = {"cached": True, "reused_from": hit["run_id"]}
                    results[nb.label] = {**hit["result"], **reused}
                    show.cached(nb.label, hit["run_id"])
            workers += [Worker(log) for _ in range(min(jobs, len(to_run)))]
            executed = _execute(to_run, work, workers, timeout, show)
        for nb in to_run:
            results[nb.label] = {**executed[nb.label], "cached": False, "reused_from": None}
            if results[nb.label]["status"] == "succeeded":
                entry = {"run_id": run_id, "result": executed[nb.label]}
                cache.store(output_dir, keys[nb.label], work, nb.label, entry)
    except KeyboardInterrupt:
        for worker in workers:
            worker.stop()
        shutil.rmtree(work, ignore_errors=True)
        lock.close()
        message = f"run {run_id} interrupted; nothing was kept and 'latest' is unchanged"
        print(message, file=sys.stderr)
        return INTERRUPTED
    except OSError as error:
        lock.close()
        raise EnvironmentProblem(f"cannot write the run into {output_dir}: {error}") from None
    finally:
        for worker in workers:
            worker.stop()
        signal.signal(signal.SIGTERM, previous)
    try:
        return _finish(plans, results, manifest, work, output_dir, fail_on_change)
    except OSError as error:
        raise EnvironmentProblem(f"cannot write the run into {output_dir}: {error}") from None
    finally:
        lock.close()


def _finish(plans, results, manifest, work, output_dir, fail_on_change) -> int:
    """Write manifest, changes and index; rename the run; move ``latest`` if it succeeded."""
    run_id = manifest["run_id"]
    ok = all(r["status"] == "succeeded" for r in results.values())
    notebooks = [_entry(nb, results[nb.label], work) for nb in plans]
    earlier = changes.manifests(output_dir, run_id)
    manifest.update(
        ended=_now(),
        status="succeeded" if ok else "failed",
        executed=sum(not nb["cached"] for nb in notebooks),
        cached=sum(nb["cached"] for nb in notebooks),
        notebooks=notebooks,
        earlier=report.earlier_results(earlier, {nb.label for nb in plans}, output_dir),
    )
    found = changes.compare(changes.previous_success(output_dir, run_id), notebooks)
    report.write(work, manifest, found)
    final = output_dir / run_id
    os.rename(work, final)
    if ok:
        _move_latest(output_dir, run_id)
    print(f"run {run_id} {manifest['status']}: {final / 'index.html'}")
    print(f"changes: {found['summary']}")
    if not ok:
        return FAILED
    return CHANGED if fail_on_change and found["key_figures_changed"] else SUCCEEDED
