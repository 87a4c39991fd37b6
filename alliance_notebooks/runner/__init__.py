"""Parameterized re-execution of notebooks: ``run`` hands a plan's jobs to an executor.

A run is assembled in ``<output_dir>/.incomplete-<run-id>/`` (each job's notebook and HTML
as it finishes, then manifest.json, changes.json and index.html) and renamed to ``<run-id>/``
once every job has a result; ``latest`` moves only when every job succeeded. One run at a
time holds the output folder; an interrupted run stops its kernels and keeps nothing.
Unchanged jobs are reused from ``<output_dir>/.cache/``.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import secrets
import sys
from datetime import UTC, datetime
from pathlib import Path

from alliance_notebooks.runner import cache, folder, report
from alliance_notebooks.runner.executors import Cluster, EnvironmentProblem, LocalPool, results, say
from alliance_notebooks.runner.folder import Busy

__all__ = ["Busy", "EnvironmentProblem", "default_jobs", "run"]
FIELDS = ("status", "duration_s", "timings", "key_figures", "figure_hashes", "tables_read", "error")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def default_jobs() -> int:
    return max(1, os.cpu_count() or 1)


def _keep(work: Path, job: dict, result: dict, **how) -> dict:
    """Write a result's notebook and HTML into the run; return its manifest entry."""
    outputs = {}
    for kind in ("ipynb", "html"):
        if result.get(kind) is not None:
            (work / f"{job['label']}.{kind}").write_text(result[kind], encoding="utf-8")
            digest = hashlib.sha256(result[kind].encode()).hexdigest()
            outputs[kind] = {"path": f"{job['label']}.{kind}", "sha256": digest}
    entry = {name: job[name] for name in ("label", "notebook", "path", "parameters")}
    entry |= {name: result[name] for name in FIELDS} | {"outputs": outputs}
    return entry | {"computed_defaults": job["computed_defaults"], **how}


def run(plans, output_dir: Path, jobs: int, timeout: int, *, cluster=None, force=False,
        fail_on_change=False) -> int:  # fmt: skip
    """Execute the plans; return the exit code (0, 1, 3 or 130)."""
    try:
        with folder.locked(output_dir):
            return _run(plans, output_dir, jobs, timeout, cluster, force, fail_on_change)
    except OSError as error:
        raise EnvironmentProblem(f"cannot write the run into {output_dir}: {error}") from None


def _run(plans, output_dir, jobs, timeout, cluster, force, fail_on_change) -> int:
    import alliance_data as ad

    for table in ad.list_tables():  # a damaged table stops the run before any job
        ad.load(table)
    run_id = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ") + "-" + secrets.token_hex(3)
    work = output_dir / f".incomplete-{run_id}"
    work.mkdir()
    env = cache.environment()
    todo = {job["label"]: job | {"timeout": timeout, "token": f"{run_id}:{i}"}
            for i, job in enumerate(plans)}  # fmt: skip
    keys = {label: cache.key(job, env) for label, job in todo.items()}
    manifest = {"run_id": run_id, "status": "running", "started": _now(), "finished": None,
                "package_version": ad.__version__, "data_version": ad.data_version(),
                "python": platform.python_version(), "machine": platform.platform(),
                "executor": cluster or f"local pool of {jobs}", "timeout_s": timeout}  # fmt: skip
    entries = {}
    for label, job in todo.items():
        if not force and (hit := cache.lookup(output_dir, keys[label])):
            entries[label] = _keep(work, job, hit[0], cached=True, reused_from=hit[1])
            say(label, f"cached (unchanged since run {hit[1]})")
    to_run = [job for label, job in todo.items() if label not in entries]
    executor = None
    try:
        if to_run:
            executor = (
                Cluster(cluster, run_id) if cluster else LocalPool(min(jobs, len(to_run)), run_id)
            )
        for result in results(executor, to_run) if to_run else ():
            label = result["label"]
            if result["status"] == "succeeded":
                cache.store(output_dir, keys[label], result, run_id)
            entries[label] = _keep(work, todo[label], result, cached=False, reused_from=None)
    except EnvironmentProblem:  # a cluster that cannot take the jobs: nothing ran
        folder.remove(work)
        raise
    except KeyboardInterrupt:
        if executor is not None:
            executor.cancel()
        folder.remove(work)
        print(f"run {run_id} interrupted; nothing was kept, 'latest' is unchanged", file=sys.stderr)
        return 130
    finally:
        if executor is not None:
            executor.close()
    notebooks = [entries[label] for label in todo]
    ok = all(nb["status"] == "succeeded" for nb in notebooks)
    earlier = folder.earlier_runs(output_dir, run_id)
    found = report.compare(notebooks, earlier)
    manifest.update(status="succeeded" if ok else "failed", finished=_now(), notebooks=notebooks,
                    executed=sum(not nb["cached"] for nb in notebooks),
                    cached=sum(nb["cached"] for nb in notebooks))  # fmt: skip
    folder.write(work / "manifest.json", json.dumps(manifest, indent=2) + "\n")
    folder.write(work / "changes.json", json.dumps(found, indent=2) + "\n")
    folder.write(work / "index.html", report.index(manifest, found))
    os.rename(work, output_dir / run_id)
    if ok:
        folder.move_latest(output_dir, run_id)
    print(f"run {run_id} {manifest['status']}: {output_dir / run_id / 'index.html'}")
    print(f"changes: {found['summary']}")
    return (3 if fail_on_change and found["key_figures_changed"] else 0) if ok else 1
