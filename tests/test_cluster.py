"""A real Dask cluster on 127.0.0.1: a scheduler and two workers, each a process of its own
talking TCP, as ``dask scheduler`` and ``dask worker`` start them on any machine.

The sweep sent to the cluster is part of the session's local runs (``chapter_runs``), so the
results are compared with local ones without executing anything twice locally.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil
import pytest
import yaml
from session_runs import SWEEP_CHAPTER, SWEEP_SIZE, params_file, sweep_sets

ROOT = Path(__file__).resolve().parent.parent
CLI = [sys.executable, "-m", "alliance_notebooks.cli"]
DASK = [sys.executable, "-m", "dask"]
START_TIMEOUT = 60  # seconds for a scheduler or a worker to come up

pytest.importorskip("distributed", reason="the cluster tests need the [cluster] extra")


def wait_for(condition, what: str, processes=(), timeout: float = START_TIMEOUT):
    """Poll ``condition`` until it returns a true value; fail early if a process exits."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for process in processes:
            if process.poll() is not None:
                raise RuntimeError(f"{what}: {process.args[2:4]} exited ({process.returncode})")
        if value := condition():
            return value
        time.sleep(0.1)
    raise TimeoutError(f"{what}: not within {timeout} s")


class Cluster:
    """``dask scheduler`` and ``dask worker`` processes; stops them and all they started."""

    def __init__(self, folder: Path, env: dict[str, str] | None = None):
        # the jobs' folders go to a short TMPDIR of the cluster's own, removed at the end, so
        # a killed worker's leftovers do not stay in /tmp (short: kernels' IPC socket paths)
        self.tmp = Path(tempfile.mkdtemp(prefix="dask-"))
        env = {"TMPDIR": str(self.tmp), **(env or {})}
        self.folder, self.env, self.processes = folder, os.environ | env, []
        self.address = ""
        self.seen: set[psutil.Process] = set()  # every descendant met, to stop at the end

    def start(self, workers: int, worker_env: dict[str, str] | None = None) -> Cluster:
        folder, scheduler_file = self.folder, self.folder / "scheduler.json"
        folder.mkdir(parents=True, exist_ok=True)
        self._spawn(["scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                     "--scheduler-file", str(scheduler_file)], "scheduler")  # fmt: skip

        def address():
            try:
                return json.loads(scheduler_file.read_text())["address"]
            except (OSError, ValueError, KeyError):
                return None

        self.address = wait_for(address, "the scheduler's address", self.processes)
        for number in range(workers):
            self._spawn(["worker", self.address, "--nthreads", "1", "--no-nanny",
                         "--no-dashboard", "--host", "127.0.0.1", "--name", f"w{number}",
                         "--local-directory", str(folder / f"w{number}")],
                        f"w{number}", worker_env)  # fmt: skip
        self.wait_for_workers(workers)
        return self

    def _spawn(self, arguments: list[str], name: str, env: dict[str, str] | None = None) -> None:
        log = (self.folder / f"{name}.log").open("w")
        process = subprocess.Popen(
            [*DASK, *arguments],
            cwd=self.folder,  # not the checkout: ``python -m`` imports from its folder first
            env=self.env | (env or {}),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.processes.append(process)

    @property
    def workers(self) -> list[subprocess.Popen]:
        return self.processes[1:]

    def wait_for_workers(self, count: int) -> None:
        from distributed import Client

        with Client(self.address, timeout=START_TIMEOUT) as client:
            client.wait_for_workers(count, timeout=START_TIMEOUT)

    def descendants(self, process: subprocess.Popen) -> list[psutil.Process]:
        try:
            found = psutil.Process(process.pid).children(recursive=True)
        except psutil.NoSuchProcess:
            return []
        self.seen.update(found)
        return found

    def kernels(self, process: subprocess.Popen) -> list[psutil.Process]:
        """The Jupyter kernels running under a process."""
        found = []
        for child in self.descendants(process):
            try:
                if any("ipykernel" in part for part in child.cmdline()):
                    found.append(child)
            except psutil.Error:
                pass
        return found

    def kill(self, process: subprocess.Popen) -> None:
        """SIGKILL a process and everything under it, as when a machine is lost."""
        below = self.descendants(process)
        process.kill()
        process.wait()
        for child in below:
            try:
                child.kill()
            except psutil.NoSuchProcess:
                pass

    def stop(self) -> None:
        """Stop every process started, wait for it, and check nothing of it is left."""
        for process in reversed(self.processes):
            self.descendants(process)
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill(process)
        left = [p for p in self.seen if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]
        for process in left:
            process.kill()
        shutil.rmtree(self.tmp, ignore_errors=True)
        assert left == [], f"processes left behind by the cluster: {left}"


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """A scheduler and two single-threaded workers on 127.0.0.1, no dashboards."""
    running = Cluster(tmp_path_factory.mktemp("cluster"))
    try:
        yield running.start(workers=2)
    finally:
        running.stop()


def sweep_file(folder: Path, sets) -> Path:
    path = folder / "sweep.yaml"
    path.write_text(yaml.safe_dump(params_file(sets)), encoding="utf-8")
    return path


def run_on(address: str, sets, out: Path, **popen):
    command = [*CLI, "run", SWEEP_CHAPTER, "-f", str(sweep_file(out.parent, sets)),
               "--cluster", address, "--output-dir", str(out)]  # fmt: skip
    return subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **popen
    )


def manifest(out: Path) -> dict:
    """The manifest of the one run in ``out``."""
    [path] = [p for p in out.glob("*/manifest.json") if p.parent.name != "latest"]
    return json.loads(path.read_text(encoding="utf-8"))


def entries(out: Path) -> dict[str, dict]:
    """The manifest entries of the one run in ``out``, by label."""
    return {entry["label"]: entry for entry in manifest(out)["notebooks"]}


def test_sweep_on_the_cluster_gives_the_local_key_figures(cluster, chapter_runs, tmp_path):
    sets = sweep_sets()
    assert len(sets) >= SWEEP_SIZE
    run = run_on(cluster.address, sets, tmp_path / "runs")
    stdout, stderr = run.communicate(timeout=900)
    assert run.returncode == 0, stdout[-2000:] + stderr[-2000:]
    assert manifest(tmp_path / "runs")["executor"] == cluster.address
    found = entries(tmp_path / "runs")
    assert sorted(found) == sorted(s.label for s in sets)
    for s in sets:
        assert found[s.label]["status"] == "succeeded", found[s.label].get("error")
        local = chapter_runs.get(s.stem, s.values)
        assert found[s.label]["key_figures"] and found[s.label]["figure_hashes"], s.label
        assert found[s.label]["key_figures"] == local.key_figures, s.label
        assert found[s.label]["parameters"] == local.parameters == s.parameters


def test_a_worker_running_other_code_is_refused(tmp_path):
    """A worker whose alliance-data reports another version: exit 4 naming the mismatch,
    before any job runs."""
    other = tmp_path / "other-code"
    for package in ("alliance_data", "alliance_notebooks"):
        shutil.copytree(ROOT / package, other / package, ignore=shutil.ignore_patterns("*.pyc"))
    init = other / "alliance_data" / "__init__.py"
    text = init.read_text(encoding="utf-8")
    start = text.index("__version__")
    line = text[start : text.index("\n", start)]
    init.write_text(text.replace(line, '__version__ = "0.0.0+other"'), encoding="utf-8")
    startup = tmp_path / "ipython" / "profile_default" / "startup"
    startup.mkdir(parents=True)
    mark = tmp_path / "a-kernel-started"
    (startup / "mark.py").write_text(f"open({str(mark)!r}, 'w').close()\n")
    worker_env = {"PYTHONPATH": str(other), "IPYTHONDIR": str(tmp_path / "ipython")}
    mismatched = Cluster(tmp_path / "cluster")
    try:
        mismatched.start(workers=1, worker_env=worker_env)
        run = run_on(mismatched.address, sweep_sets()[:2], tmp_path / "runs")
        stdout, stderr = run.communicate(timeout=300)
    finally:
        mismatched.stop()
    assert run.returncode == 4, stdout[-2000:] + stderr[-2000:]
    assert stderr.startswith("alliance-notebooks: error: ") and stderr.count("\n") == 1
    assert "0.0.0+other" in stderr, stderr
    assert not mark.exists(), "a kernel started on the mismatched worker"
    assert not list((tmp_path / "runs").glob("*/manifest.json"))


def test_a_worker_lost_mid_sweep(cluster, chapter_runs, tmp_path):
    """Killing a worker while it executes a job: the job is retried elsewhere (exit 0, the
    local key figures) or reported lost by name (exit 1, ``latest`` not moved)."""
    sets = sweep_sets()[:3]
    run = run_on(cluster.address, sets, tmp_path / "runs")
    try:
        busy = wait_for(
            lambda: next((w for w in cluster.workers if cluster.kernels(w)), None),
            "a worker executing a job",
            timeout=300,
        )
        cluster.kill(busy)
        stdout, stderr = run.communicate(timeout=900)
    finally:
        if run.poll() is None:
            run.kill()
    found = entries(tmp_path / "runs")
    assert sorted(found) == sorted(s.label for s in sets)
    failed = [label for label, e in found.items() if e["status"] != "succeeded"]
    if run.returncode == 0:
        assert failed == []
        for s in sets:
            local = chapter_runs.get(s.stem, s.values).key_figures
            assert found[s.label]["key_figures"] == local
    else:
        assert run.returncode == 1, stdout[-2000:] + stderr[-2000:]
        assert failed and all(label in stdout + stderr for label in failed)
        assert not (tmp_path / "runs" / "latest").exists()
