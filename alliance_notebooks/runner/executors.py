"""Where jobs run: a pool of processes on this machine (the default) or a Dask cluster.

Both hand out ``concurrent.futures`` futures of ``execute_job``. A worker of the local pool
watches the runner: when the runner is gone (even killed with SIGKILL) or the run is
cancelled, the worker stops its kernels and exits.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections import Counter, deque
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from datetime import datetime

from alliance_notebooks.runner.cache import fingerprint
from alliance_notebooks.runner.execute import execute_job, stop_kernels


class EnvironmentProblem(RuntimeError):
    """The machine, not the input: a disk, a missing module, a cluster that does not match."""


def _watch(runner: int, cancelled, token: str) -> None:
    """In each worker: leave Ctrl-C to the runner; exit with the kernels when it goes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def watch() -> None:
        while os.getppid() == runner and not cancelled.wait(0.5):
            pass
        stop_kernels(token)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


class LocalPool:
    """``jobs`` worker processes; a pool broken by a worker's death is replaced."""

    def __init__(self, jobs: int, token: str):
        self.limit, self.context = jobs, multiprocessing.get_context("spawn")
        self.cancelled = self.context.Event()
        self.arguments = (os.getpid(), self.cancelled, token)
        self.pool = ProcessPoolExecutor(jobs, self.context, _watch, self.arguments)

    def submit(self, job: dict):
        future = self.pool.submit(execute_job, job)
        future.pool = self.pool
        return future

    def lost(self, future) -> bool:
        """Whether the job's worker died (then a fresh pool replaces the broken one)."""
        if not isinstance(future.exception(), BrokenProcessPool):
            return False
        if future.pool is self.pool:
            self.pool = ProcessPoolExecutor(self.limit, self.context, _watch, self.arguments)
        return True

    def cancel(self) -> None:
        self.cancelled.set()

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


class Cluster:
    """A ``dask.distributed`` scheduler whose workers run this machine's code and data."""

    def __init__(self, address: str, token: str):
        try:
            from distributed import Client
        except ImportError:
            raise EnvironmentProblem("--cluster needs alliance-data[cluster] (Dask)") from None
        try:
            self.client = Client(address, timeout="20s")
            theirs = self.client.run(fingerprint)
        except Exception as error:  # unreachable, refused, a worker without our package
            raise EnvironmentProblem(f"cannot use the Dask cluster at {address}: {error}") from None
        mine = fingerprint()
        wrong = sorted((w, f"{f['alliance-data']} with code {f['code'][:12]}") for w, f in
                       theirs.items() if f != mine)  # fmt: skip
        if wrong or not theirs:
            self.client.close()
            raise EnvironmentProblem(
                f"Dask worker {wrong[0][0]} runs alliance-data {wrong[0][1]}, this machine "
                f"{mine['alliance-data']} with code {mine['code'][:12]}: install the same "
                "version and code on every worker"
                if wrong
                else f"the Dask scheduler at {address} has no workers"
            )
        self.limit, self.token = 10**9, token
        self.pool = self.client.get_executor(retries=1, pure=False)

    def submit(self, job: dict):
        return self.pool.submit(execute_job, job)

    def lost(self, future) -> bool:
        return False  # the scheduler gives a lost worker's jobs to another worker itself

    def cancel(self) -> None:
        self.pool.shutdown(wait=False)
        self.client.run(stop_kernels, self.token)

    def close(self) -> None:
        self.client.close()


def say(label: str, text: str) -> None:
    print(f"{datetime.now():%H:%M:%S} {label}: {text}", flush=True)


def _failed(job: dict, error: BaseException) -> dict:
    reason = " ".join(f"{type(error).__name__}: {error}".split())[:300]
    evalue = f"the worker running it was lost, and a retry did not succeed ({reason})"
    error = {"ename": "WorkerLost", "evalue": evalue, "cell": None}
    return {"label": job["label"], "status": "failed", "duration_s": None, "error": error}


def _summary(result: dict) -> str:
    """``failed in 2.1 s (cell 3: ValueError: …)``, one line whatever the error says."""
    error = result["error"] or {}
    where = f"cell {error['cell']}: " if error.get("cell") is not None else ""
    text = " ".join(f"{error.get('ename')}: {error.get('evalue')}".split())[:300]
    return f"{result['status']} in {result['duration_s']} s" + (f" ({where}{text})" * bool(error))


def results(executor, jobs: list[dict]):
    """Yield each job's result as it finishes; a job whose worker died is tried once more."""
    pending, running, tries = deque(jobs), {}, Counter()
    while pending or running:
        while pending and len(running) < executor.limit:
            job = pending.popleft()
            tries[job["label"]] += 1
            running[executor.submit(job)] = job
            say(job["label"], "started")
        for future in wait(running, return_when=FIRST_COMPLETED).done:
            job = running.pop(future)
            if future.exception() is None:
                result = future.result()
            elif executor.lost(future) and tries[job["label"]] < 2:
                pending.append(job)
                continue
            else:
                result = _failed(job, future.exception())
            say(job["label"], _summary(result))
            yield result
