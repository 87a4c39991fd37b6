"""alliance-notebooks run: success, bad parameters, a failing notebook, an interrupted run."""

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
CLI = [sys.executable, "-m", "alliance_data.cli"]


def make_notebook(path: Path, parameters: str, *cells: str) -> None:
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    first = nbformat.v4.new_code_cell(parameters)
    first.metadata["tags"] = ["parameters"]
    notebook.cells = [first, *(nbformat.v4.new_code_cell(c) for c in cells)]
    nbformat.write(notebook, path)


@pytest.fixture
def workspace(tmp_path):
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    make_notebook(notebooks / "01_ok.ipynb", "n = 3  # repetitions", "print('n is', n)")
    make_notebook(
        notebooks / "02_fails.ipynb",
        "fail = False  # raise?",
        "x = 1",
        "if fail:\n    raise RuntimeError('boom')",
    )
    make_notebook(
        notebooks / "03_slow.ipynb", "seconds = 60  # how long", "import time\ntime.sleep(seconds)"
    )
    return tmp_path


def run(workspace, *args):
    return subprocess.run(
        [*CLI, "run", "--notebooks-dir", "notebooks", *args],
        cwd=workspace,
        capture_output=True,
        text=True,
        timeout=240,
    )


def test_success_writes_a_complete_run_and_moves_latest(workspace):
    result = run(workspace, "01_ok", "02_fails", "-p", "n=7")
    assert result.returncode == 0, result.stderr
    latest = (workspace / "runs" / "latest").resolve()
    manifest = json.loads((latest / "manifest.json").read_text())
    assert manifest["status"] == "succeeded" and manifest["data_version"]
    entry = {nb["notebook"]: nb for nb in manifest["notebooks"]}
    assert entry["01_ok"]["parameters"] == {"n": 7}
    assert entry["02_fails"]["parameters"] == {"fail": False}
    for nb in manifest["notebooks"]:
        for out in nb["outputs"].values():
            assert (latest / out["path"]).exists()
    executed = nbformat.read(latest / "01_ok.ipynb", as_version=4)
    assert any("n is 7" in o.get("text", "") for c in executed.cells for o in c.get("outputs", []))
    index = (latest / "index.html").read_text()
    assert "01_ok.html" in index and "succeeded" in index
    assert "started" in result.stdout  # plain log lines when not on a terminal


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-p", "n=seven"], "n must be of type int"),
        (["-p", "colour=red"], "no notebook in this run declares parameter 'colour'"),
        (["-p", "01_ok:fail=true"], "01_ok does not declare parameter 'fail'"),
        (["missing_notebook"], "available notebooks are: 01_ok, 02_fails, 03_slow"),
        (["-p", "novalue"], "-p expects name=value"),
    ],
)
def test_bad_parameters_exit_2_and_execute_nothing(workspace, args, message):
    result = (
        run(workspace, "01_ok", *args) if args[0] != "missing_notebook" else run(workspace, *args)
    )
    assert result.returncode == 2
    assert message in result.stderr
    assert not (workspace / "runs").exists()


def test_out_of_range_year_is_refused_for_a_real_chapter(tmp_path):
    result = subprocess.run(
        [
            *CLI,
            "run",
            "02_us_forces",
            "-p",
            "start_year=1900",
            "--output-dir",
            str(tmp_path / "runs"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert "allowed years are 1950–2025" in result.stderr
    assert not (tmp_path / "runs").exists()


def test_failing_notebook_exits_1_keeps_error_and_leaves_latest(workspace):
    assert run(workspace, "01_ok").returncode == 0
    before = (workspace / "runs" / "latest").resolve()
    result = run(workspace, "01_ok", "02_fails", "-p", "02_fails:fail=true")
    assert result.returncode == 1
    assert (workspace / "runs" / "latest").resolve() == before
    failed = max(
        (p for p in (workspace / "runs").iterdir() if p.name[0].isdigit()), key=lambda p: p.name
    )
    manifest = json.loads((failed / "manifest.json").read_text())
    assert manifest["status"] == "failed"
    error = {nb["notebook"]: nb for nb in manifest["notebooks"]}["02_fails"]["error"]
    assert error["ename"] == "RuntimeError" and "raise RuntimeError" in error["source"]
    kept = nbformat.read(failed / "02_fails.ipynb", as_version=4)
    assert any(o.get("output_type") == "error" for c in kept.cells for o in c.get("outputs", []))


def test_interrupted_run_leaves_nothing_that_looks_good(workspace):
    assert run(workspace, "01_ok").returncode == 0
    before = (workspace / "runs" / "latest").resolve()
    proc = subprocess.Popen(
        [*CLI, "run", "--notebooks-dir", "notebooks", "03_slow", "01_ok"],
        cwd=workspace,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while not list((workspace / "runs").glob(".incomplete-*/runner.log")):
        assert time.monotonic() < deadline, "the run never started"
        time.sleep(0.2)
    time.sleep(3)  # let the kernel start and the slow cell begin
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr
    assert "interrupted" in stderr
    runs = [p.name for p in (workspace / "runs").iterdir()]
    assert not [name for name in runs if name.startswith(".incomplete")]
    assert len([name for name in runs if name[0].isdigit()]) == 1
    assert (workspace / "runs" / "latest").resolve() == before


def test_list_shows_parameters_types_and_defaults(workspace):
    result = subprocess.run(
        [*CLI, "list", "--notebooks-dir", "notebooks"],
        cwd=workspace,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0
    for text in ("01_ok", "fail", "bool", "seconds", "60"):
        assert text in result.stdout


def test_a_crashed_worker_fails_only_its_notebook(workspace):
    make_notebook(
        workspace / "notebooks" / "04_crash.ipynb",
        "x = 1  # unused",
        "import os, signal\nos.kill(os.getppid(), signal.SIGKILL)",
    )
    result = run(workspace, "04_crash", "01_ok", "--jobs", "1")
    assert result.returncode == 1
    run_dir = next(p for p in (workspace / "runs").iterdir() if p.name[0].isdigit())
    status = {
        nb["notebook"]: nb
        for nb in json.loads((run_dir / "manifest.json").read_text())["notebooks"]
    }
    assert status["04_crash"]["error"]["ename"] == "WorkerCrashed"
    assert status["01_ok"]["status"] == "succeeded"
    assert not (workspace / "runs" / "latest").exists()
