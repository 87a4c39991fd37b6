"""alliance-notebooks run: results, cache, changes, parameter sets, locks, faults, bad input."""

import fcntl
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import psutil
import pytest

from alliance_data import catalog
from alliance_notebooks import cli

ROOT = Path(__file__).resolve().parent.parent
CLI = [sys.executable, "-m", "alliance_notebooks.cli"]
DECLARATIONS = """\
01_ok: {title: OK, tables: [troops], parameters: {n: {kind: int, min: 1, max: 100}}}
02_fails: {title: Fails, tables: [trade], parameters: {fail: {kind: bool}}}
"""
SLOW = (
    "import pathlib, subprocess\n"
    "child = subprocess.Popen(['sleep', str(seconds)])\n"
    "pathlib.Path('child.pid').write_text(str(child.pid))\n"
    "child.wait()"
)


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
    make_notebook(
        notebooks / "01_ok.ipynb",
        "n = 3  # repetitions",
        "print('n is', n)\nfrom alliance_notebooks import publish\npublish(n_squared=n * n)",
    )
    make_notebook(
        notebooks / "02_fails.ipynb",
        "fail = False  # raise?",
        "x = 1",
        "if fail:\n    raise RuntimeError('boom')",
    )
    make_notebook(notebooks / "03_slow.ipynb", "seconds = 60  # how long", SLOW)
    (notebooks / "chapters.yml").write_text(DECLARATIONS)
    return tmp_path


def run(workspace, *args, env=None):
    return subprocess.run(
        [*CLI, "run", "--notebooks-dir", "notebooks", *args],
        cwd=workspace,
        capture_output=True,
        text=True,
        timeout=240,
        env={**os.environ, **(env or {})},
    )


def runs(workspace) -> list[Path]:
    return sorted(p for p in (workspace / "runs").iterdir() if p.name[0].isdigit())


def entries(run_dir: Path) -> dict[str, dict]:
    manifest = json.loads((run_dir / "manifest.json").read_text())
    return {nb["notebook"]: nb for nb in manifest["notebooks"]}


def test_success_writes_a_complete_run_and_moves_latest(workspace):
    result = run(workspace, "01_ok", "02_fails", "-p", "n=7")
    assert result.returncode == 0, result.stderr
    latest = (workspace / "runs" / "latest").resolve()
    manifest = json.loads((latest / "manifest.json").read_text())
    assert manifest["status"] == "succeeded" and manifest["data_version"]
    entry = entries(latest)
    assert entry["01_ok"]["parameters"] == {"n": 7}
    assert entry["01_ok"]["key_figures"] == {"n_squared": 49}
    assert entry["02_fails"]["parameters"] == {"fail": False}
    for nb in manifest["notebooks"]:
        assert nb["cached"] is False
        for out in nb["outputs"].values():
            assert (latest / out["path"]).exists()
    executed = nbformat.read(latest / "01_ok.ipynb", as_version=4)
    assert any("n is 7" in o.get("text", "") for c in executed.cells for o in c.get("outputs", []))
    index = (latest / "index.html").read_text()
    assert "01_ok.html" in index and "succeeded" in index
    assert "nothing to compare with" in index
    assert json.loads((latest / "changes.json").read_text())["compared_with"] is None
    assert "started" in result.stdout  # plain log lines when not on a terminal
    assert "without encryption" not in (latest / "runner.log").read_text()
    with (workspace / "runs" / ".lock").open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)  # raises if the run still held it


def test_cache_parameters_data_force_changes_and_partial_runs(workspace, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(catalog.DATA_DIR, data)
    env = {"ALLIANCE_DATA_DIR": str(data)}
    assert run(workspace, "01_ok", "02_fails", env=env).returncode == 0
    first = runs(workspace)[0].name

    again = run(workspace, "01_ok", "02_fails", "--fail-on-change", env=env)
    assert again.returncode == 0, again.stderr
    assert "started" not in again.stdout and again.stdout.count("cached") == 2
    cached = entries(runs(workspace)[-1])
    assert all(nb["cached"] and nb["reused_from"] == first for nb in cached.values())
    assert "from run " + first in (runs(workspace)[-1] / "index.html").read_text()

    changed = run(workspace, "01_ok", "02_fails", "-p", "n=4", "--fail-on-change", env=env)
    assert changed.returncode == 3, changed.stderr
    latest = runs(workspace)[-1]
    assert (workspace / "runs" / "latest").resolve() == latest  # a change is still a success
    assert [k for k, nb in entries(latest).items() if not nb["cached"]] == ["01_ok"]
    diff = json.loads((latest / "changes.json").read_text())["notebooks"]["01_ok"]
    assert diff["changed"] == [{"name": "n_squared", "before": 9, "after": 16}]
    assert "n_squared: 9 → 16" in (latest / "index.html").read_text()

    trade = data / "trade.csv"  # 02_fails declares trade; 01_ok does not
    trade.write_bytes(trade.read_bytes() + b"\n")
    package = json.loads((data / "datapackage.json").read_text())
    for res in package["resources"]:
        if res["name"] == "trade":
            res["hash"] = "sha256:" + hashlib.sha256(trade.read_bytes()).hexdigest()
            res["bytes"] = trade.stat().st_size
    (data / "datapackage.json").write_text(json.dumps(package))
    assert run(workspace, "01_ok", "02_fails", "-p", "n=4", env=env).returncode == 0
    assert [k for k, nb in entries(runs(workspace)[-1]).items() if not nb["cached"]] == ["02_fails"]

    assert run(workspace, "01_ok", "-p", "n=4", "--force", env=env).returncode == 0
    subset = runs(workspace)[-1]
    assert not entries(subset)["01_ok"]["cached"]
    index = (subset / "index.html").read_text()
    assert "Not in this run" in index and "02_fails.html" in index  # the earlier good result

    (workspace / "runs" / "latest").unlink()
    (workspace / "runs" / "latest").mkdir()  # a real folder where the link belongs
    refused = run(workspace, "01_ok", env=env)
    assert refused.returncode == 2 and "latest is a folder" in refused.stderr
    assert len(runs(workspace)) == 5


def test_parameter_sets_each_get_an_output_and_a_cache_entry(workspace):
    (workspace / "sets.yml").write_text(
        "01_ok:\n  - {n: 2}\n  - {n: 5, set_name: five}\n02_fails: {fail: false}\n"
    )
    result = run(workspace, "01_ok", "02_fails", "-f", "sets.yml")
    assert result.returncode == 0, result.stderr
    latest = (workspace / "runs" / "latest").resolve()
    assert set(entries(latest)) == {"01_ok[n=2]", "01_ok[five]", "02_fails"}
    assert entries(latest)["01_ok[five]"]["key_figures"] == {"n_squared": 25}
    assert (latest / "01_ok[n=2].ipynb").exists() and (latest / "01_ok[five].html").exists()
    assert "01_ok (2 parameter sets)" in (latest / "index.html").read_text()
    (workspace / "sets.yml").write_text("01_ok:\n  - {n: 2}\n  - {n: 6}\n")
    second = run(workspace, "01_ok", "-f", "sets.yml")
    status = {k: nb["cached"] for k, nb in entries(runs(workspace)[-1]).items()}
    assert status == {"01_ok[n=2]": True, "01_ok[n=6]": False}, second.stdout


def test_all_parameter_sets_are_validated_before_any_kernel(workspace, monkeypatch, capsys):
    (workspace / "sets.yml").write_text("01_ok:\n  - {n: 2}\n  - {n: 500}\n")
    monkeypatch.chdir(workspace)
    assert cli.main(["run", "--notebooks-dir", "notebooks", "01_ok", "-f", "sets.yml"]) == 2
    assert "01_ok[n=500]: n must be an integer from 1 to 100" in capsys.readouterr().err
    assert not (workspace / "runs").exists()


def test_failing_notebook_exits_1_keeps_error_and_leaves_latest(workspace):
    assert run(workspace, "01_ok").returncode == 0
    before = (workspace / "runs" / "latest").resolve()
    result = run(workspace, "01_ok", "02_fails", "-p", "02_fails:fail=true")
    assert result.returncode == 1
    assert (workspace / "runs" / "latest").resolve() == before
    failed = runs(workspace)[-1]
    assert json.loads((failed / "manifest.json").read_text())["status"] == "failed"
    error = entries(failed)["02_fails"]["error"]
    assert error["ename"] == "RuntimeError" and "raise RuntimeError" in error["source"]
    kept = nbformat.read(failed / "02_fails.ipynb", as_version=4)
    assert any(o.get("output_type") == "error" for c in kept.cells for o in c.get("outputs", []))
    assert run(workspace, "02_fails", "-p", "02_fails:fail=true").stdout.count("started") == 1


def test_export_failure_and_timeout_are_that_notebooks_own_one_line_failures(workspace):
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_markdown_cell("![chart](attachment:missing.png)")]
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "P", "language": "python"}
    nbformat.write(notebook, workspace / "notebooks" / "04_export.ipynb")
    result = run(workspace, "04_export", "03_slow", "01_ok", "--timeout", "2", "--jobs", "2")
    assert result.returncode == 1
    status = entries(runs(workspace)[-1])
    assert status["04_export"]["error"]["ename"] == "InvalidNotebook"
    assert "missing attachment: missing.png" in status["04_export"]["error"]["evalue"]
    assert status["01_ok"]["status"] == "succeeded"
    assert status["03_slow"]["error"]["ename"] == "CellTimeoutError"
    lines = [line for line in result.stdout.splitlines() if "03_slow" in line]
    assert len(lines) == 2 and "a cell ran longer than the --timeout of 2 s" in lines[1]
    assert "WorkerCrashed" not in result.stdout


def _descendants(pid: int) -> list[psutil.Process]:
    return psutil.Process(pid).children(recursive=True)


def _gone(procs: list[psutil.Process]) -> bool:
    alive = []
    for proc in procs:
        try:
            alive += [proc] if proc.status() != psutil.STATUS_ZOMBIE else []
        except psutil.NoSuchProcess:
            pass
    return not alive


def _start_slow(workspace) -> tuple[subprocess.Popen, int]:
    proc = subprocess.Popen(
        [*CLI, "run", "--notebooks-dir", "notebooks", "03_slow", "01_ok"],
        cwd=workspace,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    pid_file = workspace / "notebooks" / "child.pid"
    deadline = time.monotonic() + 90
    while not pid_file.exists() or not pid_file.read_text():
        assert time.monotonic() < deadline and proc.poll() is None, "the slow cell never started"
        time.sleep(0.2)
    return proc, int(pid_file.read_text())


def test_interrupt_stops_the_cell_children_and_overlapping_runs_are_refused(workspace):
    assert run(workspace, "01_ok").returncode == 0
    before = (workspace / "runs" / "latest").resolve()
    proc, child = _start_slow(workspace)
    second = run(workspace, "01_ok")
    assert second.returncode == 5 and "another run" in second.stderr
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr
    assert "interrupted" in stderr
    assert not psutil.pid_exists(child) or psutil.Process(child).status() == "zombie"
    names = [p.name for p in (workspace / "runs").iterdir()]
    assert not [name for name in names if name.startswith(".incomplete")]
    assert len(runs(workspace)) == 1
    assert (workspace / "runs" / "latest").resolve() == before


def test_a_killed_runner_takes_its_workers_and_kernels_with_it(workspace):
    proc, child = _start_slow(workspace)
    below = _descendants(proc.pid)
    assert psutil.Process(child) in below
    proc.kill()
    proc.wait()
    deadline = time.monotonic() + 10
    while not _gone(below):
        assert time.monotonic() < deadline, f"still running: {below}"
        time.sleep(0.2)
    assert list((workspace / "runs").glob(".incomplete-*"))
    assert run(workspace, "01_ok").returncode == 0
    assert not list((workspace / "runs").glob(".incomplete-*"))  # the stale folder is gone


def test_a_crashed_worker_fails_only_its_notebook(workspace):
    make_notebook(
        workspace / "notebooks" / "04_crash.ipynb",
        "x = 1  # unused",
        "import os, signal\nos.kill(os.getppid(), signal.SIGKILL)",
    )
    result = run(workspace, "04_crash", "01_ok", "--jobs", "1")
    assert result.returncode == 1
    status = entries(runs(workspace)[0])
    assert status["04_crash"]["error"]["ename"] == "WorkerCrashed"
    assert "killed by signal 9" in status["04_crash"]["error"]["evalue"]
    assert status["01_ok"]["status"] == "succeeded"
    assert not (workspace / "runs" / "latest").exists()


def test_a_full_disk_exits_4_with_one_line_and_no_finished_run(workspace, monkeypatch, capsys):
    from alliance_notebooks.runner import report

    assert run(workspace, "02_fails").returncode == 0  # the next run is served by the cache

    def full(path, text):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(report, "_write", full)
    notebooks = str(workspace / "notebooks")
    output = str(workspace / "runs")
    code = cli.main(["run", "--notebooks-dir", notebooks, "--output-dir", output, "02_fails"])
    error = capsys.readouterr().err.strip()
    assert code == 4 and "No space left on device" in error and "\n" not in error
    assert len(runs(workspace)) == 1


def test_sigterm_before_the_run_starts_exits_130(workspace, monkeypatch, capsys):
    from alliance_notebooks.runner import params

    def slow_plan(*args):
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(5)

    monkeypatch.setattr(params, "plan", slow_plan)
    assert cli.main(["run", "--notebooks-dir", str(workspace / "notebooks")]) == 130
    assert "interrupted" in capsys.readouterr().err


def test_windows_is_refused_at_once(workspace, monkeypatch, capsys):
    monkeypatch.setattr(sys, "platform", "win32")
    code = cli.main(["run", "--notebooks-dir", str(workspace / "notebooks")])
    assert code == 4 and "POSIX process groups" in capsys.readouterr().err
    assert not (workspace / "runs").exists()


def test_a_damaged_table_exits_2_naming_the_file(workspace, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(catalog.DATA_DIR, data)
    (data / "troops.csv").write_bytes((data / "troops.csv").read_bytes()[:100])
    result = run(workspace, "01_ok", env={"ALLIANCE_DATA_DIR": str(data)})
    assert result.returncode == 2, result.stderr
    assert "troops.csv" in result.stderr and "Traceback" not in result.stderr
    assert not runs(workspace)


BILLION_LAUGHS = 'a: &a ["x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b,*b,*b]\n'


@pytest.mark.parametrize(
    ("args", "file", "message"),
    [
        (["-p", "n=seven"], None, "n must be an integer from 1 to 100"),
        (["-p", "colour=red"], None, "no notebook in this run declares parameter 'colour'"),
        (["-p", "01_ok:fail=true"], None, "01_ok does not declare parameter(s) 'fail'"),
        (["missing_notebook"], None, "available notebooks are: 01_ok, 02_fails, 03_slow"),
        (["elsewhere/01_ok.ipynb"], None, "does not exist"),
        (["-p", "novalue"], None, "-p expects name=value"),
        (["-p", "n=[1990"], None, "not valid YAML"),
        (["-p", "n='open"], None, "not valid YAML"),
        (["-p", "n=\t1"], None, "not valid YAML"),
        (["-p", "n=!!set {1: null}"], None, "YAML tags such as"),
        (["-p", "n=!!python/object:os.system ls"], None, "YAML tags such as"),
        (["-p", "n=" + "9" * 5000], None, "Exceeds the limit"),
        (["-p", "n=2024-01-01"], None, "a date value"),
        (["-p", "n=" + "9" * 300], None, "n must be an integer from 1 to 100"),
        ([], BILLION_LAUGHS.encode(), "anchors and aliases"),
        ([], b"n: caf\xe9\n", "is not UTF-8"),
        ([], b"n: " + b"1" * 70000, "is over 64 KiB"),
        ([], b"01_ok: [{n: 2}, {n: 2}]\n", "two parameter sets have the same name"),
    ],
)
def test_bad_input_exits_2_in_one_short_line_and_executes_nothing(
    workspace, monkeypatch, capsys, args, file, message
):
    monkeypatch.chdir(workspace)
    if file is not None:
        (workspace / "params.yml").write_bytes(file)
        args = [*args, "-f", "params.yml"]
    names = [] if args and args[0] in ("missing_notebook", "elsewhere/01_ok.ipynb") else ["01_ok"]
    code = cli.main(["run", "--notebooks-dir", "notebooks", *names, *args])
    error = capsys.readouterr().err
    assert code == 2
    assert message in error
    assert error.count("\n") == 1 and len(error) < 400 and "Traceback" not in error
    assert not (workspace / "runs").exists()


def test_a_path_argument_runs_that_file_not_the_chapter(workspace, monkeypatch):
    from alliance_notebooks.runner import params

    other = workspace / "other"
    other.mkdir()
    make_notebook(other / "01_ok.ipynb", "m = 1  # another notebook")
    monkeypatch.chdir(workspace)
    found = params.resolve(["other/01_ok.ipynb"], Path("notebooks"))
    assert found == [(other / "01_ok.ipynb").resolve()]


def test_out_of_range_year_is_refused_for_a_real_chapter(tmp_path):
    result = subprocess.run(
        [*CLI, "run", "02_us_forces", "-p", "start_year=1900", "-p", "end_year=1920"]
        + ["--output-dir", str(tmp_path / "runs")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert "allowed years are 1950–2025" in result.stderr
    assert not (tmp_path / "runs").exists()


def test_list_shows_parameters_unwrapped_when_piped(workspace):
    long_name = "05_" + "a_really_long_notebook_name_" * 4
    make_notebook(workspace / "notebooks" / f"{long_name}.ipynb", "threshold = 0.5  # cut-off")
    result = subprocess.run(
        [*CLI, "list", "--notebooks-dir", "notebooks"],
        cwd=workspace,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert ["03_slow", "seconds", "int", "60", "how long"] in rows
    assert [long_name, "threshold", "float", "0.5", "cut-off"] in rows


def test_cache_key_versions_only_declared_dependencies(notebooks_extra):
    from alliance_notebooks.runner import cache

    assert [n for n in cache.LIBRARIES if n.replace("_", "-") not in notebooks_extra] == []
    assert all(cache._version(n) for n in cache.LIBRARIES)
