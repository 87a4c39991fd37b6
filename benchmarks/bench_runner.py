"""Benchmark the runner against its peers, its cache and a parameter sweep.

    python benchmarks/bench_runner.py [--sets 40] [--skip-peers]

Times, in one session on one machine (see README.md for the targets):
  (a) ``alliance-notebooks run`` over all chapters into a fresh folder (default --jobs);
  (b) ``pytest --nbmake -n 2`` over the same notebooks (executes, exports nothing);
  (c) ``jupyter nbconvert --to notebook --execute`` over them, one after another;
  (d) a second, unchanged run into the folder of (a) (every chapter from the cache);
  (e) sweeps of one chapter with N/4 and N parameter sets: time per set and peak memory.
It also splits (a): the floor (the same number of one-cell notebooks through the runner),
the sum of execution times, and the sum of HTML export times. Prints JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import nbformat
import psutil

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
BIN = Path(sys.executable).parent
SWEPT = "02_us_forces"


def timed(command: list[str], cwd: Path) -> dict:
    """Wall time, exit code and peak resident memory of the whole process tree (sampled)."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    while proc.poll() is None:
        try:
            tree = [psutil.Process(proc.pid), *psutil.Process(proc.pid).children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.1)
    return {
        "s": round(time.perf_counter() - start, 2),
        "exit": proc.returncode,
        "peak_mib": round(peak / 2**20),
    }


def runner(notebooks_dir: Path, out: Path, *extra: str) -> dict:
    command = [str(BIN / "alliance-notebooks"), "run", "--notebooks-dir", str(notebooks_dir)]
    return timed([*command, "--output-dir", str(out), *extra], ROOT)


def nbconvert(out: Path) -> dict:
    start, codes = time.perf_counter(), []
    for notebook in NOTEBOOKS:
        done = subprocess.run(
            [str(BIN / "jupyter"), "nbconvert", "--to", "notebook", "--execute"]
            + ["--output-dir", str(out), str(notebook)],
            cwd=notebook.parent,
            capture_output=True,
        )
        codes.append(done.returncode)
    return {"s": round(time.perf_counter() - start, 2), "exit": max(codes)}


def nbmake() -> dict:
    command = [sys.executable, "-m", "pytest", "--nbmake", "-n", "2", "-p", "no:randomly"]
    command += ["-o", "addopts=", "-q", *map(str, NOTEBOOKS)]
    return timed(command, ROOT)


def one_cell_notebooks(folder: Path) -> Path:
    folder.mkdir()
    for notebook in NOTEBOOKS:
        empty = nbformat.v4.new_notebook()
        spec = {"name": "python3", "display_name": "P", "language": "python"}
        empty.metadata["kernelspec"] = spec
        cell = nbformat.v4.new_code_cell("x = 1  # placeholder")
        cell.metadata["tags"] = ["parameters"]
        empty.cells = [cell]
        nbformat.write(empty, folder / f"{notebook.stem}_empty.ipynb")
    return folder


def split(run_dir: Path) -> dict:
    """Sums over a run's notebooks: execution+export time, export time, failures."""
    manifest = json.loads((run_dir / "manifest.json").read_text())
    notebooks = manifest["notebooks"]
    return {
        "sum_notebook_s": round(sum(nb["duration_s"] or 0 for nb in notebooks), 2),
        "sum_html_export_s": round(sum(nb.get("export_s", 0) for nb in notebooks), 2),
        "failed": [nb["notebook"] for nb in notebooks if nb["status"] != "succeeded"],
        "cached": sum(nb["cached"] for nb in notebooks),
    }


def sweep(tmp: Path, sets: int) -> dict:
    values = [{"start_year": 1950 + i, "end_year": 2020} for i in range(sets)]
    params = tmp / f"sweep{sets}.json"  # JSON is YAML
    params.write_text(json.dumps({SWEPT: values}))
    out = tmp / f"sweep{sets}"
    result = runner(ROOT / "notebooks", out, SWEPT, "-f", str(params))
    result["per_set_s"] = round(result["s"] / sets, 2)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", type=int, default=40, help="parameter sets in sweep (e)")
    parser.add_argument("--skip-peers", action="store_true", help="skip (b) and (c)")
    args = parser.parse_args()
    report: dict = {}
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        report["a_runner"] = runner(ROOT / "notebooks", tmp / "a")
        [first] = [p for p in (tmp / "a").iterdir() if p.name[0].isdigit()]
        report["a_split"] = split(first)
        report["floor_one_cell_notebooks"] = runner(one_cell_notebooks(tmp / "one"), tmp / "f")
        if not args.skip_peers:
            report["b_nbmake_n2"] = nbmake()
            report["c_nbconvert_serial"] = nbconvert(tmp / "c")
        report["d_unchanged_rerun"] = runner(ROOT / "notebooks", tmp / "a")
        report["e_sweep_quarter"] = sweep(tmp, max(1, args.sets // 4))
        report["e_sweep"] = sweep(tmp, args.sets)
    a = report["a_runner"]["s"]
    if not args.skip_peers:
        report["ratio_a_over_b"] = round(a / report["b_nbmake_n2"]["s"], 2)
        report["ratio_a_over_c"] = round(a / report["c_nbconvert_serial"]["s"], 2)
    report["ratio_d_over_a"] = round(report["d_unchanged_rerun"]["s"] / a, 2)
    report.update(
        notebooks=len(NOTEBOOKS),
        cpus=os.cpu_count(),
        load_average_at_end=os.getloadavg(),
        python=platform.python_version(),
        machine=platform.platform(),
        date=datetime.now(UTC).isoformat(timespec="minutes"),
    )
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
