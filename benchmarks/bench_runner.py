"""Benchmark the runner against its peers, its cache, and a Dask cluster.

    python benchmarks/bench_runner.py [--only a,b,c,d,e,f] [--sweep 40] [--large 200] [--small-f]

In one session on one machine (see README.md for the results and the targets):
  (a) ``alliance-notebooks run`` over all chapters into a fresh folder (default --jobs);
  (b) ``pytest --nbmake -n 2`` over the same chapters as .ipynb (jupytext, in a temp folder);
  (c) ``jupyter nbconvert --to notebook --execute`` over them, one after another;
  (d) a second, unchanged run into the folder of (a) (every chapter from the cache);
  (e) a sweep of one chapter with N sets: the local pool (--jobs 2) and a local Dask
      cluster (a scheduler and two single-threaded workers, separate processes, TCP);
  (f) a larger sweep through that cluster: time per set over the run, and the peak
      resident memory of the runner and of the scheduler, sampled every 0.2 s.
Prints JSON; every measure records the load average before and after it.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
CHAPTERS = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.py"))
SWEPT = "01_origins"  # the quickest chapter; windows of its 1945–2026 data
BIN = Path(sys.executable).parent
PROGRESS = re.compile(r"^(\d\d):(\d\d):(\d\d) (\S+): (started|succeeded|failed)", re.M)


def tree_rss(process: psutil.Process, children: bool) -> int:
    try:
        tree = [process, *(process.children(recursive=True) if children else [])]
        return sum(p.memory_info().rss for p in tree if p.is_running())
    except psutil.Error:
        return 0


def timed(command: list[str], cwd: Path = ROOT, watch: psutil.Process | None = None) -> dict:
    """Wall time, exit code, output, and peak memory of the command (with its children)
    and of ``watch`` (another process, e.g. the scheduler), sampled every 0.2 s."""
    load = os.getloadavg()
    start = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out:
        proc = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, text=True)
        me, peak, peak_watch = psutil.Process(proc.pid), 0, 0
        while proc.poll() is None:
            peak = max(peak, tree_rss(me, children=True))
            if watch:
                peak_watch = max(peak_watch, tree_rss(watch, children=False))
            time.sleep(0.2)
        out.seek(0)
        output = out.read()
    result = {
        "s": round(time.perf_counter() - start, 2),
        "exit": proc.returncode,
        "peak_mib": round(peak / 2**20),
        "load_before": [round(x, 2) for x in load],
        "load_after": [round(x, 2) for x in os.getloadavg()],
    }
    if watch:
        result["scheduler_peak_mib"] = round(peak_watch / 2**20)
    if proc.returncode:
        result["output_tail"] = output[-1500:]
    result["_output"] = output
    return result


def runner(out: Path, *extra: str, watch=None) -> dict:
    return timed([str(BIN / "alliance-notebooks"), "run", "--output-dir", str(out), *extra],
                 watch=watch)  # fmt: skip


def as_ipynb(folder: Path) -> list[Path]:
    """The chapters as .ipynb (jupytext), beside a copy of chapters.yml."""
    import jupytext

    folder.mkdir()
    shutil.copy(NOTEBOOKS / "chapters.yml", folder)
    paths = []
    for chapter in CHAPTERS:
        paths.append(folder / f"{chapter.stem}.ipynb")
        jupytext.write(jupytext.read(chapter), paths[-1])
    return paths


def nbmake(notebooks: list[Path]) -> dict:
    command = [sys.executable, "-m", "pytest", "--nbmake", "-n", "2", "-p", "no:cacheprovider"]
    return timed([*command, "-o", "addopts=", "-q", *map(str, notebooks)], notebooks[0].parent)


def nbconvert(notebooks: list[Path], out: Path) -> dict:
    load, start, codes = os.getloadavg(), time.perf_counter(), []
    for notebook in notebooks:
        done = subprocess.run(
            [str(BIN / "jupyter"), "nbconvert", "--to", "notebook", "--execute",
             "--output-dir", str(out), str(notebook)],
            cwd=notebook.parent, capture_output=True,
        )  # fmt: skip
        codes.append(done.returncode)
    return {
        "s": round(time.perf_counter() - start, 2),
        "exit": max(codes),
        "load_before": [round(x, 2) for x in load],
        "load_after": [round(x, 2) for x in os.getloadavg()],
    }


def sweep_file(folder: Path, count: int, stem: str = SWEPT) -> Path:
    """``count`` distinct windows of the swept chapter, as a parameter file."""
    windows = [(s, s + n) for n in range(3, 40) for s in range(1945, 2027 - n)][:count]
    sets = [{"set_name": f"w{a}-{b}", "start_year": a, "end_year": b} for a, b in windows]
    path = folder / f"sweep-{stem}-{count}.json"  # JSON is YAML
    path.write_text(json.dumps({stem: sets}))
    return path


def small_notebook(folder: Path) -> Path:
    """A notebook with the chapters' parameters that reads one table and publishes one key
    figure: a set costs a kernel and pandas, so (f) measures the runner and the scheduler."""
    import nbformat

    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                       "language": "python"}  # fmt: skip
    parameters = nbformat.v4.new_code_cell("start_year = 1950\nend_year = 2020")
    parameters.metadata["tags"] = ["parameters"]
    body = nbformat.v4.new_code_cell(
        "import alliance_data as ad\nfrom alliance_notebooks import key_figures\n"
        "troops = ad.load('troops').query('@start_year <= year <= @end_year')\n"
        "key_figures.publish(rows=len(troops), personnel=int(troops['personnel'].sum()))"
    )
    notebook.cells = [parameters, body]
    path = folder / "small_sweep.ipynb"
    nbformat.write(notebook, path)
    return path


def throughput(result: dict, count: int) -> dict:
    """Time per set over the whole run, and per quarter of the sets by finishing time."""
    found = PROGRESS.findall(result["_output"])
    seconds = {e: sorted(int(h) * 3600 + int(m) * 60 + int(s) for h, m, s, _, event in found
                         if event == e) for e in ("started", "succeeded", "failed")}  # fmt: skip
    stamps = sorted(seconds["succeeded"] + seconds["failed"])
    result["per_set_s"] = round(result["s"] / count, 2)
    if len(stamps) == count and count >= 8:
        quarter = count // 4
        marks = [seconds["started"][0]] + [stamps[i * quarter - 1] for i in range(1, 5)]
        result["per_set_by_quarter_s"] = [
            round((b - a) / quarter, 2) for a, b in zip(marks, marks[1:], strict=False)
        ]
    return result


class LocalCluster:
    """``dask scheduler`` and two ``dask worker`` processes on 127.0.0.1."""

    def __init__(self, folder: Path):
        folder.mkdir()
        dask = [sys.executable, "-m", "dask"]
        scheduler_file = folder / "scheduler.json"
        self.processes = [subprocess.Popen(
            [*dask, "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
             "--scheduler-file", str(scheduler_file)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        )]  # fmt: skip
        while not scheduler_file.exists() or not scheduler_file.read_text().strip():
            time.sleep(0.1)
        self.address = json.loads(scheduler_file.read_text())["address"]
        for name in ("w0", "w1"):
            self.processes.append(subprocess.Popen(
                [*dask, "worker", self.address, "--nthreads", "1", "--no-nanny",
                 "--no-dashboard", "--host", "127.0.0.1", "--name", name,
                 "--local-directory", str(folder / name)],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
            ))  # fmt: skip
        from distributed import Client

        with Client(self.address, timeout=60) as client:
            client.wait_for_workers(2, timeout=60)
        self.scheduler = psutil.Process(self.processes[0].pid)

    def stop(self) -> None:
        for process in self.processes:
            os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:  # a worker that lost its scheduler may hang
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="a,b,c,d,e,f", help="measures to take, e.g. a,d")
    parser.add_argument("--sweep", type=int, default=40, help="parameter sets in (e)")
    parser.add_argument("--large", type=int, default=200, help="parameter sets in (f)")
    parser.add_argument(
        "--small-f", action="store_true", help="(f) sweeps a one-table notebook, not a chapter"
    )
    args = parser.parse_args()
    only, report = set(args.only.split(",")), {}
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        if only & {"a", "d"}:
            report["a_runner_all_chapters"] = runner(tmp / "a")
        if only & {"b", "c"}:
            notebooks = as_ipynb(tmp / "ipynb")
        if "b" in only:
            report["b_nbmake_n2"] = nbmake(notebooks)
        if "c" in only:
            report["c_nbconvert_serial"] = nbconvert(notebooks, tmp / "c")
        if "d" in only:
            report["d_unchanged_rerun"] = runner(tmp / "a")
        if only & {"e", "f"}:
            sweep = sweep_file(tmp, args.sweep)
            if "e" in only:
                local = runner(tmp / "e-local", SWEPT, "-f", str(sweep), "--jobs", "2")
                report["e_sweep_local_pool"] = throughput(local, args.sweep)
            cluster = LocalCluster(tmp / "cluster")
            try:
                if "e" in only:
                    on_cluster = runner(
                        tmp / "e-cluster", SWEPT, "-f", str(sweep), "--cluster",
                        cluster.address, watch=cluster.scheduler,
                    )  # fmt: skip
                    report["e_sweep_dask_two_workers"] = throughput(on_cluster, args.sweep)
                if "f" in only:
                    notebook = small_notebook(tmp) if args.small_f else None
                    target = str(notebook) if notebook else SWEPT
                    large = sweep_file(tmp, args.large, notebook.stem if notebook else SWEPT)
                    result = runner(
                        tmp / "f", target, "-f", str(large), "--cluster", cluster.address,
                        watch=cluster.scheduler,
                    )  # fmt: skip
                    result["notebook"] = notebook.name if notebook else SWEPT
                    report["f_large_sweep_dask"] = throughput(result, args.large)
            finally:
                cluster.stop()
    for result in report.values():
        result.pop("_output", None)
    a = report.get("a_runner_all_chapters", {}).get("s")
    if a and "b_nbmake_n2" in report:
        report["ratio_a_over_b"] = round(a / report["b_nbmake_n2"]["s"], 2)
    if a and "d_unchanged_rerun" in report:
        report["ratio_d_over_a"] = round(report["d_unchanged_rerun"]["s"] / a, 2)
    if "e_sweep_local_pool" in report and "e_sweep_dask_two_workers" in report:
        local, dask = report["e_sweep_local_pool"]["s"], report["e_sweep_dask_two_workers"]["s"]
        report["e_cluster_over_local"] = round(dask / local, 2)
    report.update(
        chapters=len(CHAPTERS),
        cpus=os.cpu_count(),
        python=platform.python_version(),
        machine=platform.platform(),
        date=datetime.now(UTC).isoformat(timespec="minutes"),
    )
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
