"""Parameterized re-execution of notebooks: ``run`` hands a plan's jobs to an executor."""

from __future__ import annotations

import json
import os
import platform
import secrets
import sys
from datetime import UTC, datetime
from pathlib import Path

from alliance_notebooks import report
from alliance_notebooks.runner import cache, changes, folder
from alliance_notebooks.runner.executors import Cluster, EnvironmentProblem, LocalPool, results, say
from alliance_notebooks.runner.folder import Busy

__all__ = ["Busy", "EnvironmentProblem", "default_jobs", "run"]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def default_jobs() -> int:
    return max(1, os.cpu_count() or 1)


def run(plans, output_dir: Path, jobs: int, timeout: int, *, cluster=None, force=False,
        fail_on_change=False) -> int:  # fmt: skip
    """Execute the plans; return the exit code (0, 1, 3 or 130)."""
    try:
        with folder.locked(output_dir):
            return _run(plans, output_dir, jobs, timeout, cluster, force, fail_on_change)
    except OSError as error:
        raise EnvironmentProblem(f"cannot write the run into {output_dir}: {error}") from None


def _run(plans, output_dir, jobs, timeout, cluster, force, fail_on_change) -> int:
    """Assemble the run in ``.incomplete-<run-id>/``, rename it when every job has a result."""
    import alliance_data as ad

    for table in ad.list_tables():  # a damaged table stops the run before any job
        ad.load(table)
    run_id = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ") + "-" + secrets.token_hex(3)
    (work := output_dir / f".incomplete-{run_id}").mkdir()
    env, started = cache.environment(), _now()
    todo = {job["label"]: job | {"timeout": timeout, "token": f"{run_id}:{i}"}
            for i, job in enumerate(plans)}  # fmt: skip
    keys = {label: cache.key(job, env) for label, job in todo.items()}
    entries = {}
    for label, job in todo.items():
        if not force and (hit := cache.lookup(output_dir, keys[label])):
            entries[label] = folder.keep(work, job, hit[0], cached=True, reused_from=hit[1])
            say(label, f"cached (unchanged since run {hit[1]})")
    to_run, executor = [job for label, job in todo.items() if label not in entries], None
    try:
        if to_run:
            executor = (
                Cluster(cluster, run_id) if cluster else LocalPool(min(jobs, len(to_run)), run_id)
            )
        for result in results(executor, to_run) if to_run else ():
            if result["status"] == "succeeded":
                cache.store(output_dir, keys[result["label"]], result, run_id)
            job = todo[result["label"]]
            entries[job["label"]] = folder.keep(work, job, result, cached=False, reused_from=None)
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
    found = changes.compare(notebooks, folder.earlier_runs(output_dir, run_id))
    manifest = {"run_id": run_id, "status": "succeeded" if ok else "failed", "started": started,
                "finished": _now(), "package_version": ad.__version__,
                "data_version": ad.data_version(), "python": platform.python_version(),
                "machine": platform.platform(), "executor": cluster or f"local pool of {jobs}",
                "timeout_s": timeout, "executed": sum(not nb["cached"] for nb in notebooks),
                "cached": sum(nb["cached"] for nb in notebooks),
                "notebooks": notebooks}  # fmt: skip
    folder.write(work / "manifest.json", json.dumps(manifest, indent=2) + "\n")
    folder.write(work / "changes.json", json.dumps(found, indent=2) + "\n")
    folder.write(work / "index.html", report.index(manifest, found))
    os.rename(work, output_dir / run_id)
    if ok:  # a link written aside, then renamed over ``latest``
        (link := output_dir / f".latest-{run_id}").symlink_to(run_id, target_is_directory=True)
        os.replace(link, output_dir / "latest")
    print(f"run {run_id} {manifest['status']}: {output_dir / run_id / 'index.html'}")
    print(f"changes: {found['summary']}")
    return (3 if fail_on_change and found["key_figures_changed"] else 0) if ok else 1
