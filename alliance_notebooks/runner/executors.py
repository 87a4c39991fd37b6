"""Where jobs run: a process pool on this machine (the default) or a Dask cluster."""

from __future__ import annotations

import functools
import multiprocessing
import os
import shutil
import signal
import sys
import tempfile
import threading
from collections import deque
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from datetime import datetime

from alliance_notebooks.fast_start import skip_iri_grammars
from alliance_notebooks.runner.cache import fingerprint
from alliance_notebooks.runner.execute import empty_result, execute_job, stop_kernels

WINDOWS = sys.platform == "win32"


class EnvironmentProblem(RuntimeError):
    """The machine, not the input: a disk, a missing module, a cluster that does not match."""


def _watch(runner: int, cancelled, token: str, scratch: str) -> None:
    """In each local worker: leave Ctrl-C to the runner, and follow it when it goes."""
    skip_iri_grammars()
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def watch() -> None:
        while os.getppid() == runner and not cancelled.wait(0.5):
            pass
        stop_kernels(token)
        shutil.rmtree(scratch, ignore_errors=True)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


class LocalPool:
    """``jobs`` spawned worker processes that exit with their kernels when the runner goes."""

    def __init__(self, jobs: int, token: str):
        if WINDOWS:  # kernels talk over IPC sockets; no job has started yet
            raise EnvironmentProblem("the local pool needs Linux or macOS; on Windows use WSL "
                                     "or --cluster with Linux workers")  # fmt: skip
        context = multiprocessing.get_context("spawn")
        self.limit, self.cancelled = jobs, context.Event()
        self.scratch = tempfile.mkdtemp(prefix="alliance-run-")  # the jobs' folders, removed
        watch = (os.getpid(), self.cancelled, token, self.scratch)  # even after a SIGKILL
        self.new = functools.partial(ProcessPoolExecutor, jobs, context, _watch, watch)
        self.pool = self.new()

    def submit(self, job: dict):
        job = job | {"scratch": self.scratch}
        try:
            return self.pool.submit(execute_job, job)
        except BrokenProcessPool:  # a worker died: a fresh pool for the jobs still to run
            self.pool = self.new()
            return self.pool.submit(execute_job, job)

    def cancel(self) -> None:
        self.cancelled.set()

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
        shutil.rmtree(self.scratch, ignore_errors=True)


class Cluster:
    """A ``dask.distributed`` scheduler; its workers must run this machine's code and data."""

    limit = 10**9  # the scheduler queues the jobs itself

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
        mine, self.token = fingerprint(), token
        wrong = sorted((w, f) for w, f in theirs.items() if f != mine)
        if wrong or not theirs:
            self.client.close()
            worker, found = wrong[0] if wrong else ("", {})
            raise EnvironmentProblem(
                f"Dask worker {worker} runs alliance-data {found['alliance-data']} with code "
                f"{found['code'][:12]}; this machine {mine['alliance-data']} with code "
                f"{mine['code'][:12]}: install the same version and code on every worker"
                if wrong
                else f"the Dask scheduler at {address} has no workers"
            )
        self.pool = self.client.get_executor(retries=1, pure=False)  # a lost worker's jobs move

    def submit(self, job: dict):
        return self.pool.submit(execute_job, job)

    def cancel(self) -> None:
        self.pool.shutdown(wait=False)
        self.client.run(stop_kernels, self.token)

    def close(self) -> None:
        self.client.close()


def say(label: str, text: str) -> None:
    print(f"{datetime.now():%H:%M:%S} {label}: {text}", flush=True)


def results(executor, jobs: list[dict]):
    """Yield each job's result as it finishes; a job whose worker died is tried once more."""
    pending, running, retried = deque(jobs), {}, set()
    while pending or running:
        while pending and len(running) < executor.limit:
            job = pending.popleft()
            running[executor.submit(job)] = job
            say(job["label"], "started")
        for future in wait(running, return_when=FIRST_COMPLETED).done:
            job, error = running.pop(future), future.exception()  # the job's, or its worker's
            if isinstance(error, BrokenProcessPool) and job["label"] not in retried:
                retried.add(job["label"])
                pending.append(job)
                continue
            result = future.result() if error is None else _lost(job["label"], error)
            problem = result["error"] or {}
            where = f"cell {problem['cell']}: " if problem.get("cell") is not None else ""
            text = " ".join(f"{problem.get('ename')}: {problem.get('evalue')}".split())[:300]
            detail = f" ({where}{text})" if problem else ""
            say(result["label"], f"{result['status']} in {result['duration_s']} s{detail}")
            yield result


def _lost(label: str, error: BaseException) -> dict:
    reason = " ".join(f"{type(error).__name__}: {error}".split())[:300]
    evalue = f"the worker running it was lost, and a retry did not succeed ({reason})"
    error = {"ename": "WorkerLost", "evalue": evalue, "cell": None}
    return empty_result(label) | {"status": "failed", "duration_s": None, "error": error}
