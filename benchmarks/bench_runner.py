"""Benchmark the runner against sequential nbconvert and against its own floor.

    python benchmarks/bench_runner.py [--repeat 1]

Times, in one session on one machine:
  (a) ``alliance-notebooks run`` over all numbered notebooks (default --jobs);
  (b) ``jupyter nbconvert --to notebook --execute`` over the same notebooks, one after another;
  (c) the same number of empty notebooks (one parameters cell) through the same runner;
and the time to load every table in a fresh interpreter. Prints a JSON report with the
ratios (a)/(b) (target <= 0.6) and (a)/(c) (target <= 1.5).
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

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
BIN = Path(sys.executable).parent


def timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - start


def runner(notebooks_dir: Path, out: Path) -> float:
    return timed(
        [
            str(BIN / "alliance-notebooks"),
            "run",
            "--notebooks-dir",
            str(notebooks_dir),
            "--output-dir",
            str(out),
        ],
        ROOT,
    )


def nbconvert(out: Path) -> float:
    start = time.perf_counter()
    for notebook in NOTEBOOKS:
        subprocess.run(
            [
                str(BIN / "jupyter"),
                "nbconvert",
                "--to",
                "notebook",
                "--execute",
                "--output-dir",
                str(out),
                str(notebook),
            ],
            cwd=notebook.parent,
            check=True,
            capture_output=True,
        )
    return time.perf_counter() - start


def empty_notebooks(folder: Path) -> Path:
    folder.mkdir()
    for notebook in NOTEBOOKS:
        empty = nbformat.v4.new_notebook()
        empty.metadata["kernelspec"] = {
            "name": "python3",
            "display_name": "Python 3",
            "language": "python",
        }
        cell = nbformat.v4.new_code_cell("x = 1  # placeholder")
        cell.metadata["tags"] = ["parameters"]
        empty.cells = [cell]
        nbformat.write(empty, folder / f"{notebook.stem}_empty.ipynb")
    return folder


def load_all_tables() -> float:
    code = "import alliance_data as ad; [ad.load(t) for t in ad.list_tables()]"
    return timed([sys.executable, "-c", code], ROOT)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="repeat and keep the best time")
    args = parser.parse_args()
    best = {
        "a_runner_s": [],
        "b_nbconvert_sequential_s": [],
        "c_runner_empty_s": [],
        "load_all_tables_s": [],
    }
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            best["a_runner_s"].append(runner(ROOT / "notebooks", tmp / "a"))
            best["b_nbconvert_sequential_s"].append(nbconvert(tmp / "b"))
            best["c_runner_empty_s"].append(runner(empty_notebooks(tmp / "empty"), tmp / "c"))
            best["load_all_tables_s"].append(load_all_tables())
    result = {name: round(min(times), 2) for name, times in best.items()}
    result.update(
        {
            "ratio_a_over_b": round(result["a_runner_s"] / result["b_nbconvert_sequential_s"], 2),
            "ratio_a_over_c": round(result["a_runner_s"] / result["c_runner_empty_s"], 2),
            "notebooks": len(NOTEBOOKS),
            "cpus": os.cpu_count(),
            "repeat": args.repeat,
            "python": platform.python_version(),
            "machine": platform.platform(),
            "date": datetime.now(UTC).date().isoformat(),
        }
    )
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
