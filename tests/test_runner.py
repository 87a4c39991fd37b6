"""alliance-notebooks run: results, cache, changes, parameter sets, locks, faults, bad input."""

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import jupytext
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
OK = (
    "import alliance_data as ad\nprint('n is', n, len(ad.load('troops')), len(ad.load('trade')))\n"
    "from alliance_notebooks import publish\npublish(n_squared=n * n)"
)
SLOW = (
    "import pathlib, subprocess\n"
    "child = subprocess.Popen(['sleep', str(seconds)])\n"
    "pathlib.Path('child.pid').write_text(str(child.pid))\n"
    "child.wait()"
)


def notebook(parameters: str, *cells: str) -> nbformat.NotebookNode:
    made = nbformat.v4.new_notebook()
    made.metadata["kernelspec"] = {"name": "python3", "display_name": "P", "language": "python"}
    first = nbformat.v4.new_code_cell(parameters)
    first.metadata["tags"] = ["parameters"]
    made.cells = [first, *(nbformat.v4.new_code_cell(c) for c in cells)]
    return made


def make_notebook(path: Path, parameters: str, *cells: str) -> None:
    """A chapter-like ``NN_name.py`` (jupytext percent) or any ``.ipynb``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".py":
        jupytext.write(notebook(parameters, *cells), path, fmt="py:percent")
    else:
        nbformat.write(notebook(parameters, *cells), path)


@pytest.fixture
def workspace(tmp_path):
    notebooks = tmp_path / "notebooks"
    make_notebook(notebooks / "01_ok.py", "n = 3  # repetitions", OK)
    make_notebook(
        notebooks / "02_fails.py", "fail = False  # raise?", "x = 1", "assert not fail, 'boom'"
    )
    make_notebook(notebooks / "03_slow.py", "seconds = 60  # how long", SLOW)
    (notebooks / "chapters.yml").write_text(DECLARATIONS)
    return tmp_path


def run(workspace, *args, env=None):
    return subprocess.run(
        [*CLI, "run", "--notebooks-dir", "notebooks", "--jobs", "1", *args],
        cwd=workspace,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, **(env or {})},
    )


def runs(workspace) -> list[Path]:
    return sorted(p for p in (workspace / "runs").iterdir() if p.name[0].isdigit())


def entries(run_dir: Path) -> dict[str, dict]:
    manifest = json.loads((run_dir / "manifest.json").read_text())
    return {nb["label"]: nb for nb in manifest["notebooks"]}


def executed(workspace) -> list[str]:
    """Labels of the jobs a run executed (not reused from the cache)."""
    return [k for k, nb in entries(runs(workspace)[-1]).items() if not nb["cached"]]


def test_a_run_writes_plain_outputs_with_no_cdn_and_moves_latest(workspace):
    result = run(workspace, "01_ok", "02_fails", "-p", "n=7")
    assert result.returncode == 0, result.stderr
    latest = (workspace / "runs" / "latest").resolve()
    manifest = json.loads((latest / "manifest.json").read_text())
    assert manifest["status"] == "succeeded" and manifest["data_version"] and manifest["finished"]
    entry = entries(latest)["01_ok"]
    assert entry["notebook"] == "01_ok" and entry["path"].endswith("01_ok.py")
    assert entry["parameters"] == {"n": 7} and entry["key_figures"] == {"n_squared": 49}
    assert entry["tables_read"] == ["trade", "troops"]  # trade is read but not declared
    assert entry["error"] is None and entry["timings"]["execute_s"] > 0
    assert entries(latest)["02_fails"]["parameters"] == {"fail": False}
    for nb in manifest["notebooks"]:
        assert nb["cached"] is False and set(nb["outputs"]) == {"ipynb", "html"}
        assert all((latest / out["path"]).is_file() for out in nb["outputs"].values())
    ipynb = (latest / "01_ok.ipynb").read_text()
    assert "n is 7" in ipynb and str(workspace) not in ipynb
    assert "alliance-job-" not in ipynb and "alliance-run-" not in ipynb  # no scratch path
    html = (latest / "01_ok.html").read_text()
    assert "n is 7" in html and not re.search(r"<script[^>]*\bsrc=", html)
    assert not re.search(r"https?://(cdn|unpkg)", html)
    index = (latest / "index.html").read_text()
    assert 'href="./01_ok.html"' in index and "nothing to compare with" in index
    assert json.loads((latest / "changes.json").read_text())["compared_with"] is None
    assert "01_ok: started" in result.stdout
    assert run(workspace, "02_fails").returncode == 0  # the lock was released


def test_cache_reuses_only_what_nothing_changed(workspace, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(catalog.DATA_DIR, data)
    env = {"ALLIANCE_DATA_DIR": str(data)}
    assert run(workspace, "01_ok", "02_fails", env=env).returncode == 0
    first = runs(workspace)[0].name
    again = run(workspace, "01_ok", "02_fails", "--fail-on-change", env=env)
    assert again.returncode == 0, again.stderr
    assert "started" not in again.stdout and again.stdout.count("cached") == 2
    assert all(nb["reused_from"] == first for nb in entries(runs(workspace)[-1]).values())
    assert "from run " + first in (runs(workspace)[-1] / "index.html").read_text()

    changed = run(workspace, "01_ok", "02_fails", "-p", "n=4", "--fail-on-change", env=env)
    assert changed.returncode == 3, changed.stderr
    assert (workspace / "runs" / "latest").resolve() == runs(workspace)[-1]
    assert executed(workspace) == ["01_ok"]
    diff = json.loads((runs(workspace)[-1] / "changes.json").read_text())["notebooks"]["01_ok"]
    assert diff["changed"] == [{"name": "n_squared", "before": 9, "after": 16}]
    assert diff["parameters_differ"] is True
    assert "n_squared: 9 → 16" in (runs(workspace)[-1] / "index.html").read_text()

    assert run(workspace, "01_ok", "-p", "n=4", "--force", env=env).returncode == 0
    assert executed(workspace) == ["01_ok"]
    (workspace / "runs" / "latest").unlink()
    (workspace / "runs" / "latest").mkdir()  # a real folder where the link belongs
    refused = run(workspace, "01_ok", env=env)
    assert refused.returncode == 2 and "latest is a folder" in refused.stderr


def test_a_partial_run_does_not_hide_a_later_change(workspace):
    assert run(workspace, "01_ok", "-p", "n=1").returncode == 0
    assert run(workspace, "02_fails").returncode == 0
    later = run(workspace, "01_ok", "-p", "n=2", "--fail-on-change")
    assert later.returncode == 3, later.stdout
    index = (runs(workspace)[-1] / "index.html").read_text()
    assert "whose parameters differ" in index and "n_squared: 1 → 4" in index
    assert run(workspace, "01_ok", "-p", "n=1", "--force", "--fail-on-change").returncode == 0
    found = json.loads((runs(workspace)[-1] / "changes.json").read_text())
    assert found["compared_with"] == [runs(workspace)[0].name]  # same parameters preferred


def test_parameter_sets_and_same_named_files_keep_their_own_outputs(workspace):
    for folder in ("a", "b"):
        make_notebook(workspace / folder / "x.ipynb", "n = 1", f"print('from {folder}', n)")
    make_notebook(workspace / "index.ipynb", "n = 1", "print('the index notebook')")
    make_notebook(workspace / "javascript:alert(1).ipynb", "n = 1", "print('js')")
    (workspace / "sets.yml").write_text("01_ok:\n  - {n: 2}\n  - {n: 5, set_name: five}\n")
    names = ["a/x.ipynb", "b/x.ipynb", "index.ipynb", "javascript:alert(1).ipynb", "01_ok"]
    result = run(workspace, *names, "-f", "sets.yml", "--jobs", "2")
    assert result.returncode == 0, result.stderr
    latest = (workspace / "runs" / "latest").resolve()
    found = entries(latest)
    assert found["01_ok[five]"]["key_figures"] == {"n_squared": 25} and "01_ok[n=2]" in found
    xs = sorted(label for label in found if label.startswith("x~"))
    assert len(xs) == 2 and {found[x]["path"] for x in xs} == {
        str(workspace / f / "x.ipynb") for f in ("a", "b")
    }
    assert {"from a" in (latest / f"{x}.html").read_text() for x in xs} == {True, False}
    index_label = next(label for label in found if label.startswith("index~"))
    assert "the index notebook" in (latest / f"{index_label}.html").read_text()
    report = (latest / "index.html").read_text()
    assert "01_ok (2 parameter sets)" in report and "the index notebook" not in report
    links = re.findall(r'href="([^"]*)"', report)
    assert links and all(link.startswith("./") and ":" not in link for link in links)
    again = run(workspace, *names[:2])
    assert again.returncode == 0 and again.stdout.count("cached") == 2


def test_a_foreign_manifest_in_the_output_folder_is_skipped(workspace):
    foreign = workspace / "runs" / "20990101T000000Z-ffffff"
    foreign.mkdir(parents=True)
    (foreign / "manifest.json").write_text("[]")
    (workspace / "runs" / "20990102T000000Z-ffffff").mkdir()
    (workspace / "runs" / "20990102T000000Z-ffffff" / "manifest.json").write_text(
        json.dumps({"run_id": "20990102T000000Z-ffffff", "status": "succeeded", "notebooks": [1]})
    )
    result = run(workspace, "02_fails")
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr


def test_a_symlinked_lock_is_refused_and_not_followed(workspace, tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    (workspace / "runs").mkdir()
    (workspace / "runs" / ".lock").symlink_to(victim)
    refused = run(workspace, "02_fails")
    assert refused.returncode == 2 and ".lock is a symbolic link" in refused.stderr
    assert victim.read_text() == "keep me"


def _edit_cache(workspace, data, old: str, new: str) -> None:
    """Replace ``old`` (a regular expression) in every file of the cache."""
    paths = [p for p in (workspace / "runs" / ".cache").rglob("*") if p.is_file()]
    assert any(re.search(old, p.read_text(encoding="utf-8")) for p in paths)
    for path in paths:
        path.write_text(re.sub(old, new, path.read_text(encoding="utf-8")), encoding="utf-8")


def _halve_cache(workspace, data) -> None:
    for path in (workspace / "runs" / ".cache").rglob("*"):
        if path.is_file():
            path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _delete_outputs(workspace, data) -> None:
    """Delete what an entry holds besides its metadata (entry.json, if it has one)."""
    for path in (workspace / "runs" / ".cache").rglob("*"):
        if path.is_file() and path.name != "entry.json":
            path.unlink()


def _edit_metadata(workspace, data) -> None:
    package = json.loads((data / "datapackage.json").read_text())  # metadata only, not data
    next(r for r in package["resources"] if r["name"] == "sources")["description"] += " Edited."
    (data / "datapackage.json").write_text(json.dumps(package))


SCRIPT = ("<body([^>]*)>", r"<body\1><script>evil()</script>")
FIGURE = (r'n_squared(\\?)": 9', r'n_squared\1": 10')
DAMAGES = {
    "script in HTML": lambda ws, d: _edit_cache(ws, d, *SCRIPT),
    "key figure edited": lambda ws, d: _edit_cache(ws, d, *FIGURE),
    "files cut short": _halve_cache,
    "outputs deleted": _delete_outputs,
    "catalogue metadata changed": _edit_metadata,
}


def test_a_damaged_tampered_or_outdated_entry_is_never_reused(workspace, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(catalog.DATA_DIR, data)
    env = {"ALLIANCE_DATA_DIR": str(data)}
    assert run(workspace, "01_ok", env=env).returncode == 0
    for name, damage in DAMAGES.items():  # each run stores a fresh entry for the next damage
        damage(workspace, data)
        result = run(workspace, "01_ok", env=env)
        assert result.returncode == 0, (name, result.stderr)
        assert executed(workspace) == ["01_ok"], name
        assert entries(runs(workspace)[-1])["01_ok"]["key_figures"] == {"n_squared": 9}, name
        assert "evil()" not in (runs(workspace)[-1] / "01_ok.html").read_text(), name


def test_the_cache_stays_within_its_limit_and_can_be_cleared(workspace):
    sets = "01_ok:\n" + "".join(f"  - {{n: {n}}}\n" for n in range(1, 5))
    (workspace / "sets.yml").write_text(sets)
    env = {"ALLIANCE_NOTEBOOKS_CACHE_MB": "1"}
    assert run(workspace, "01_ok", "-f", "sets.yml", env=env).returncode == 0
    entries_kept = list((workspace / "runs" / ".cache").glob("*.json"))
    assert 0 < len(entries_kept) < 4
    assert sum(p.stat().st_size for p in entries_kept) <= 2**20
    info = subprocess.run(
        [*CLI, "cache", "info"], cwd=workspace, capture_output=True, text=True, env=os.environ
    )
    assert f"{len(entries_kept)} entries" in info.stdout
    clear = subprocess.run([*CLI, "cache", "clear"], cwd=workspace, capture_output=True, text=True)
    assert clear.returncode == 0 and not list((workspace / "runs" / ".cache").glob("*.json"))


def test_the_cache_key_covers_every_file_of_the_packages(tmp_path, monkeypatch):
    import alliance_notebooks
    from alliance_notebooks.runner import cache

    copy = tmp_path / "alliance_notebooks"
    shutil.copytree(Path(alliance_notebooks.__file__).parent, copy)
    monkeypatch.setattr(alliance_notebooks, "__file__", str(copy / "__init__.py"))
    before = cache.fingerprint()
    (copy / "style.py").write_text((copy / "style.py").read_text() + "\n# edited\n")
    assert cache.fingerprint()["code"] != before["code"]


def test_failing_notebook_exits_1_keeps_error_and_leaves_latest(workspace):
    assert run(workspace, "01_ok").returncode == 0
    before = (workspace / "runs" / "latest").resolve()
    result = run(workspace, "01_ok", "02_fails", "-p", "02_fails:fail=true")
    assert result.returncode == 1
    assert (workspace / "runs" / "latest").resolve() == before
    failed = runs(workspace)[-1]
    assert json.loads((failed / "manifest.json").read_text())["status"] == "failed"
    error = entries(failed)["02_fails"]["error"]
    assert error["ename"] == "AssertionError" and error["evalue"] == "boom"
    assert "assert not fail" in error["source"] and isinstance(error["cell"], int)
    kept = nbformat.read(failed / "02_fails.ipynb", as_version=4)
    assert any(o.get("output_type") == "error" for c in kept.cells for o in c.get("outputs", []))
    assert "(cell " in result.stdout and "AssertionError: boom" in result.stdout


def test_export_failure_and_timeout_are_that_notebooks_own_one_line_failures(workspace):
    broken = nbformat.v4.new_notebook()
    broken.cells = [nbformat.v4.new_markdown_cell("![chart](attachment:missing.png)")]
    broken.metadata["kernelspec"] = {"name": "python3", "display_name": "P", "language": "python"}
    nbformat.write(broken, workspace / "export.ipynb")
    result = run(workspace, "export.ipynb", "03_slow", "--timeout", "2", "--jobs", "2")
    assert result.returncode == 1
    status = entries(runs(workspace)[-1])
    assert status["export"]["error"]["ename"] == "InvalidNotebook"
    assert "missing attachment: missing.png" in status["export"]["error"]["evalue"]
    assert status["03_slow"]["error"]["ename"] == "CellTimeoutError"
    lines = [line for line in result.stdout.splitlines() if "03_slow" in line]
    assert len(lines) == 2 and "a cell ran longer than the --timeout of 2 s" in lines[1]


def _alive(procs: list[psutil.Process]) -> list[psutil.Process]:
    alive = []
    for proc in procs:
        try:
            alive += [proc] if proc.status() != psutil.STATUS_ZOMBIE else []
        except psutil.NoSuchProcess:
            pass
    return alive


def _wait_until(condition, seconds: float, message: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, message
        time.sleep(0.2)


@pytest.fixture
def scratch():
    """A short, empty TMPDIR for a run: the jobs' folders must all be gone from it at the end."""
    folder = Path(tempfile.mkdtemp(prefix="t-"))  # short: kernels' IPC socket paths are in it
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def _start_slow(workspace, tmp: Path) -> tuple[subprocess.Popen, int]:
    proc = subprocess.Popen(
        [*CLI, "run", "--notebooks-dir", "notebooks", "03_slow", "01_ok"],
        cwd=workspace,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "TMPDIR": str(tmp)},
    )
    pid_file = workspace / "notebooks" / "child.pid"
    _wait_until(lambda: pid_file.exists() and pid_file.read_text(), 300, "no slow cell")
    return proc, int(pid_file.read_text())


def test_interrupt_stops_the_kernels_and_overlapping_runs_are_refused(workspace, scratch):
    assert run(workspace, "01_ok").returncode == 0
    before = (workspace / "runs" / "latest").resolve()
    proc, child = _start_slow(workspace, scratch)
    second = run(workspace, "01_ok")
    assert second.returncode == 5 and "another run" in second.stderr
    below = psutil.Process(proc.pid).children(recursive=True)
    assert psutil.Process(child) in below
    proc.send_signal(signal.SIGTERM)
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 130, stderr
    assert "interrupted" in stderr
    _wait_until(lambda: not _alive(below), 30, f"still running: {_alive(below)}")
    assert not list((workspace / "runs").glob(".incomplete*"))
    assert len(runs(workspace)) == 1 and (workspace / "runs" / "latest").resolve() == before
    assert list(scratch.iterdir()) == []


def test_a_killed_runner_takes_its_workers_and_kernels_with_it(workspace, scratch):
    proc, child = _start_slow(workspace, scratch)
    below = psutil.Process(proc.pid).children(recursive=True)
    assert psutil.Process(child) in below
    assert [p.name for p in scratch.iterdir()][0].startswith("alliance-run-")
    proc.kill()
    proc.wait()
    _wait_until(lambda: not _alive(below), 10, f"still running: {_alive(below)}")
    assert list(scratch.iterdir()) == []  # the workers removed their jobs' folders
    assert list((workspace / "runs").glob(".incomplete-*"))
    assert run(workspace, "02_fails").returncode == 0
    assert not list((workspace / "runs").glob(".incomplete-*"))  # the stale folder is gone


def test_a_daemon_started_by_a_cell_does_not_outlive_the_run(workspace):
    make_notebook(
        workspace / "daemon.ipynb",
        "n = 1",
        "import subprocess\nsubprocess.run('setsid -f sleep 876', shell=True, check=True)",
    )
    assert run(workspace, "daemon.ipynb").returncode == 0

    def daemons():
        found = psutil.process_iter(["cmdline"])
        return [p for p in found if p.info["cmdline"] == ["sleep", "876"]]

    _wait_until(lambda: not _alive(daemons()), 30, "the daemon survived the run")


def test_a_crashed_worker_fails_only_its_notebook(workspace, scratch):
    make_notebook(workspace / "crash.ipynb", "x = 1", "import os\nos.kill(os.getppid(), 9)")
    result = run(workspace, "crash.ipynb", "02_fails", env={"TMPDIR": str(scratch)})
    assert result.returncode == 1
    assert list(scratch.iterdir()) == []  # the dead worker's job folder too
    status = entries(runs(workspace)[0])
    assert status["crash"]["error"]["ename"] == "WorkerLost"
    assert status["02_fails"]["status"] == "succeeded"
    assert not (workspace / "runs" / "latest").exists()


def test_a_full_disk_exits_4_with_one_line_and_no_finished_run(workspace, monkeypatch, capsys):
    from alliance_notebooks.runner import folder

    assert run(workspace, "02_fails").returncode == 0  # the next run is served by the cache

    def full(path, text):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(folder, "write", full)
    monkeypatch.chdir(workspace)
    code = cli.main(["run", "--notebooks-dir", "notebooks", "02_fails"])
    error = capsys.readouterr().err.strip()
    assert code == 4 and "No space left on device" in error and "\n" not in error
    assert len(runs(workspace)) == 1


def test_windows_is_refused_before_any_job_with_exit_4(workspace, monkeypatch, capsys):
    from alliance_notebooks.runner import executors

    monkeypatch.setattr(executors, "WINDOWS", True)
    monkeypatch.chdir(workspace)
    code = cli.main(["run", "--notebooks-dir", "notebooks", "02_fails"])
    error = capsys.readouterr().err.strip()
    assert code == 4 and "on Windows use WSL" in error and "\n" not in error
    assert [p.name for p in (workspace / "runs").iterdir()] == [".lock"]  # no run, no leftovers


def test_sigterm_before_the_run_starts_exits_130(workspace, monkeypatch, capsys):
    from alliance_notebooks.runner import plan

    def slow_plan(*args):
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(5)

    monkeypatch.setattr(plan, "plan", slow_plan)
    assert cli.main(["run", "--notebooks-dir", str(workspace / "notebooks")]) == 130
    assert "interrupted" in capsys.readouterr().err


def test_a_damaged_table_exits_2_naming_the_file(workspace, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(catalog.DATA_DIR, data)
    (data / "troops.csv").write_bytes((data / "troops.csv").read_bytes()[:100])
    result = run(workspace, "02_fails", env={"ALLIANCE_DATA_DIR": str(data)})
    assert result.returncode == 2, result.stderr
    assert "troops.csv" in result.stderr and "Traceback" not in result.stderr
    assert not runs(workspace)


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
        (["-p", "n=!!set {1: null}"], None, "a set value"),
        (["-p", "n=!!python/object:os.system ls"], None, "not valid YAML"),
        (["-p", "n=" + "9" * 5000], None, "Exceeds the limit"),
        (["-p", "n=2024-01-01"], None, "a date value"),
        (["-p", "n=" + "9" * 300], None, "n must be an integer from 1 to 100"),
        ([], b'a: &a ["x","x"]\nb: &b [*a,*a,*a,*a]\nc: [*b,*b,*b]\n', "anchors"),
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


def test_chapters_yml_is_checked_against_its_schema(workspace, monkeypatch, capsys):
    monkeypatch.chdir(workspace)
    declarations = workspace / "notebooks" / "chapters.yml"
    for text, message in (
        (DECLARATIONS.replace("tables:", "tabels:", 1), "line 1: 01_ok.tabels: unknown key"),
        (DECLARATIONS.replace("[trade]", "trade"), "line 2: 02_fails.tables: 'trade' is not of"),
    ):
        declarations.write_text(text)
        assert cli.main(["run", "--notebooks-dir", "notebooks", "01_ok"]) == 2
        assert message in capsys.readouterr().err
    assert not (workspace / "runs").exists()


def test_a_path_argument_runs_that_file_not_the_chapter(workspace, monkeypatch):
    from alliance_notebooks.runner import plan

    make_notebook(workspace / "other" / "01_ok.ipynb", "m = 1  # another notebook")
    monkeypatch.chdir(workspace)
    found = plan.resolve(["other/01_ok.ipynb"], Path("notebooks"))
    assert found == [(workspace / "other" / "01_ok.ipynb").resolve()]


def test_out_of_range_year_is_refused_for_a_real_chapter(tmp_path):
    result = subprocess.run(
        [*CLI, "run", "02_us_forces", "-p", "start_year=1900", "-p", "end_year=1920"]
        + ["--output-dir", str(tmp_path / "runs")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 2
    assert "allowed years are 1950–2025" in result.stderr
    assert not (tmp_path / "runs").exists()


def test_defaults_that_are_not_literals_are_listed_and_can_be_overridden(workspace):
    cells = "from pathlib import Path\nimport math\nx = len('abc')\nhere = Path('.')\nr = math.pi"
    make_notebook(workspace / "notebooks" / "04_expressions.py", cells, "print('x is', x, r)")
    listed = subprocess.run(
        [*CLI, "list", "--notebooks-dir", "notebooks"],
        cwd=workspace,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert listed.returncode == 0, listed.stderr
    rows = [line.split("\t") for line in listed.stdout.splitlines()]
    assert ["03_slow", "seconds", "int", "60", "how long"] in rows
    assert ["04_expressions", "x", "any", "len('abc')", ""] in rows
    assert ["04_expressions", "r", "any", "math.pi", ""] in rows
    result = run(workspace, "04_expressions", "-p", "x=5")
    assert result.returncode == 0, result.stderr
    entry = entries(runs(workspace)[-1])["04_expressions"]
    assert entry["parameters"] == {"x": 5}
    assert entry["computed_defaults"] == {"here": "Path('.')", "r": "math.pi"}
    assert "x is 5 3.14" in (runs(workspace)[-1] / "04_expressions.html").read_text()
