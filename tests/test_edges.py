"""Nothing lost at the edges: the book's output folder and run manifest, copy and student
into links and files, and the command with a missing extra or with pandas alone.

Every case here was a traceback, a raw OS message or lost files before; each must now be
one line with a documented exit code, and leave every file as it was.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import nbformat
import pytest
from packaging.requirements import Requirement
from wheel_venv import venv_with

from alliance_notebooks.cli import main

ROOT = Path(__file__).resolve().parent.parent
# A 1x1 PNG: the smallest figure output a notebook can hold.
PIXEL = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5E"
    "rkJggg=="
)


def one_error_line(stderr: str) -> str:
    """The single ``alliance-notebooks: error:`` line of ``stderr`` (and nothing else)."""
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("alliance-notebooks: error: "), stderr
    assert "Traceback" not in stderr
    return lines[0]


def fake_run(folder: Path, ipynb_path: str = "02_us_forces.ipynb") -> Path:
    """A run folder holding one executed chapter: a title cell and a figure."""
    folder.mkdir(parents=True)
    notebook = nbformat.v4.new_notebook()
    figure = nbformat.v4.new_output(
        "display_data",
        data={"image/png": PIXEL, "text/plain": "<Figure>"},
        metadata={"image/png": {"alt": "Figure 2.1. Source: test."}},
    )
    code = nbformat.v4.new_code_cell("plot()", outputs=[figure], execution_count=1)
    notebook.cells = [nbformat.v4.new_markdown_cell("# Chapter 2: a test chapter"), code]
    nbformat.write(notebook, folder / "02_us_forces.ipynb")
    entry = {
        "notebook": "02_us_forces",
        "status": "succeeded",
        "outputs": {"ipynb": {"path": ipynb_path}, "html": {"path": "02_us_forces.html"}},
    }
    (folder / "manifest.json").write_text(json.dumps({"run_id": "x", "notebooks": [entry]}))
    return folder


def book(run: Path, out: Path, capsys) -> tuple[int, str]:
    code = main(["book", "--run", str(run), "--output-dir", str(out)])
    return code, capsys.readouterr().err


# --- book --output-dir: replace only an earlier book -----------------------------------


def test_book_refuses_a_folder_that_is_not_an_earlier_book(tmp_path, capsys):
    folder = tmp_path / "u"
    (folder / "sub").mkdir(parents=True)
    (folder / "thesis.txt").write_text("x")
    code, err = book(fake_run(tmp_path / "run"), folder, capsys)
    assert code == 2
    assert "is not an earlier book" in one_error_line(err)
    assert (folder / "thesis.txt").read_text() == "x" and (folder / "sub").is_dir()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["run", "u"]  # nothing moved aside


def test_book_refuses_the_working_folder(tmp_path, capsys, monkeypatch):
    work = tmp_path / "work"
    work.mkdir()
    (work / "notes.txt").write_text("x")
    run = fake_run(tmp_path / "run")
    monkeypatch.chdir(work)
    code, err = book(run, Path("."), capsys)
    assert code == 2 and "holds the working folder" in one_error_line(err)
    assert (work / "notes.txt").read_text() == "x"


def test_book_refuses_a_folder_that_holds_the_run(tmp_path, capsys):
    run = fake_run(tmp_path / "runs" / "r1")
    code, err = book(run, tmp_path / "runs", capsys)
    assert code == 2 and "holds the run" in one_error_line(err)
    assert (run / "manifest.json").is_file()


def test_book_refuses_a_file(tmp_path, capsys):
    (tmp_path / "site").write_text("x")
    code, err = book(fake_run(tmp_path / "run"), tmp_path / "site", capsys)
    assert code == 2 and "is not an earlier book" in one_error_line(err)
    assert (tmp_path / "site").read_text() == "x"


# --- the run manifest is data, not trusted ------------------------------------------------


def damage(run: Path, change) -> Path:
    manifest = json.loads((run / "manifest.json").read_text())
    (run / "manifest.json").write_text(json.dumps(change(manifest)))
    return run


@pytest.mark.parametrize(
    ("name", "change", "message"),
    [
        ("list", lambda m: [m], "no list of notebooks"),
        ("entries", lambda m: {**m, "notebooks": "all"}, "no list of notebooks"),
        ("entry", lambda m: {**m, "notebooks": [7]}, "entry 1 is not a mapping"),
        ("status", lambda m: {**m, "notebooks": [{"notebook": 2}]}, "no name or status"),
        ("outputs", lambda m: {**m, "notebooks": [{**m["notebooks"][0], "outputs": []}]},
         "not a file name"),
    ],
)  # fmt: skip
def test_book_refuses_a_manifest_of_the_wrong_shape(tmp_path, capsys, name, change, message):
    run = damage(fake_run(tmp_path / "run"), change)
    code, err = book(run, tmp_path / "site", capsys)
    assert code == 2 and message in one_error_line(err)
    assert not (tmp_path / "site").exists()


def test_book_refuses_a_damaged_manifest(tmp_path, capsys):
    run = fake_run(tmp_path / "run")
    (run / "manifest.json").write_text('{"notebooks": [')
    code, err = book(run, tmp_path / "site", capsys)
    assert code == 2 and "manifest.json is damaged (JSONDecodeError)" in one_error_line(err)


@pytest.mark.parametrize(
    "path", ["/etc/passwd", "../outside.ipynb", "link/02_us_forces.ipynb", "escape.ipynb"]
)
def test_book_reads_nothing_outside_the_run(tmp_path, capsys, path):
    run = fake_run(tmp_path / "run", ipynb_path=path)
    outside = tmp_path / "outside.ipynb"
    outside.write_text((run / "02_us_forces.ipynb").read_text())
    (run / "link").symlink_to(tmp_path)  # a folder link out of the run
    (run / "escape.ipynb").symlink_to(outside)  # a file link out of the run
    code, err = book(run, tmp_path / "site", capsys)
    line = one_error_line(err)
    assert code == 2 and ("outside the run folder" in line or "symbolic link" in line), line
    assert "root:" not in err


def test_book_refuses_a_notebook_whose_checksum_changed(tmp_path, capsys):
    run = fake_run(tmp_path / "run")
    manifest = json.loads((run / "manifest.json").read_text())
    manifest["notebooks"][0]["outputs"]["ipynb"]["sha256"] = "0" * 64
    (run / "manifest.json").write_text(json.dumps(manifest))
    code, err = book(run, tmp_path / "site", capsys)
    assert code == 2 and "another checksum" in one_error_line(err)


def test_book_refuses_an_executed_notebook_that_is_not_json(tmp_path, capsys):
    run = fake_run(tmp_path / "run")
    (run / "02_us_forces.ipynb").write_text("root:x:0:0:root:/root:/bin/bash\n")
    code, err = book(run, tmp_path / "site", capsys)
    assert code == 2 and "not a readable notebook" in one_error_line(err)
    assert "root:x" not in err


def test_only_plain_web_addresses_become_links():
    from alliance_notebooks.book_pages import link, text

    assert link("https://example.org/a_(b)?c=1#d") == "<https://example.org/a_(b)?c=1#d>"
    for address in ["javascript:alert(1)", "../../etc/hostname", "https://x.org/<script>", None]:
        assert not link(address).startswith("<")
    assert text("{download}`x <y>`\n- z") == r"\{download\}\`x \<y\>\` \- z"


# --- book without its extra ---------------------------------------------------------------


def test_book_without_sphinx_names_the_extra_and_exits_4(tmp_path):
    run = fake_run(tmp_path / "run")
    code = (
        "import sys; sys.modules['sphinx'] = None\n"
        "from alliance_notebooks.cli import main\n"
        f"sys.exit(main(['book', '--run', {str(run)!r}, '--output-dir', {str(tmp_path / 's')!r}]))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 4, result.stderr
    line = one_error_line(result.stderr)
    assert "(sphinx)" in line and 'pip install "alliance-data[book]"' in line
    assert not (tmp_path / "s").exists()


# --- copy and student never write through a link, and say what is wrong -----------------


def test_copy_force_replaces_a_link_in_the_destination_never_its_target(tmp_path):
    victim = tmp_path / "victim"
    victim.write_text("precious")
    destination = tmp_path / "dest"
    destination.mkdir()
    (destination / "chapters.yml").symlink_to(victim)
    assert main(["copy", str(destination), "--force"]) == 0
    assert victim.read_text() == "precious"
    copied = destination / "chapters.yml"
    assert not copied.is_symlink()
    assert copied.read_bytes() == (ROOT / "notebooks" / "chapters.yml").read_bytes()


def test_copy_force_over_a_link_to_the_source_leaves_the_source(tmp_path):
    source = tmp_path / "source"
    source.mkdir()
    for path in [ROOT / "notebooks" / "chapters.yml", *sorted(ROOT.glob("notebooks/0[23]_*.py"))]:
        (source / path.name).write_bytes(path.read_bytes())
    before = {p.name: p.read_bytes() for p in source.iterdir()}
    destination = tmp_path / "dest"
    destination.mkdir()
    (destination / "chapters.yml").symlink_to(source / "chapters.yml")
    args = ["copy", str(destination), "--force", "--notebooks-dir", str(source)]
    assert main(args) == 0
    assert {p.name: p.read_bytes() for p in source.iterdir()} == before
    assert not (destination / "chapters.yml").is_symlink()


def test_copy_without_force_counts_a_dangling_link_as_a_file(tmp_path, capsys):
    destination = tmp_path / "dest"
    destination.mkdir()
    (destination / "chapters.yml").symlink_to(tmp_path / "created-by-copy")
    assert main(["copy", str(destination)]) == 2
    assert "pass --force to overwrite" in one_error_line(capsys.readouterr().err)
    assert not (tmp_path / "created-by-copy").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["copy", "{file}"], "the destination {file} is a file, not a folder"),
        (["copy", "{file}/inner"], "which is a file"),
        (["student", "02_us_forces", "--output-dir", "{file}"], "--output-dir {file} is a file"),
        (["copy", "{folder}", "--force"], "chapters.yml is a folder"),
    ],
)
def test_copy_and_student_into_a_file_exit_2_with_a_sentence(tmp_path, capsys, args, message):
    file = tmp_path / "a_file"
    file.write_text("x")
    (tmp_path / "dest" / "chapters.yml").mkdir(parents=True)
    names = {"file": str(file), "folder": str(tmp_path / "dest")}
    assert main([a.format(**names) for a in args]) == 2
    assert message.format(**names) in one_error_line(capsys.readouterr().err)
    assert file.read_text() == "x"


# --- a data-only install: pandas alone ----------------------------------------------------


def _distribution_closure(name: str) -> list[metadata.Distribution]:
    """``name`` and every distribution it requires (without extras), installed here."""
    seen: dict[str, metadata.Distribution] = {}
    todo = [name]
    while todo:
        current = todo.pop()
        dist = metadata.distribution(current)
        key = dist.metadata["Name"].lower().replace("_", "-")
        if key in seen:
            continue
        seen[key] = dist
        for requirement in map(Requirement, dist.requires or []):
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                todo.append(requirement.name)
    return list(seen.values())


@pytest.fixture(scope="module")
def data_only(wheel, tmp_path_factory) -> Path:
    """A fresh venv holding the built wheel (no dependencies) and pandas with what pandas
    needs (linked from this environment): what `pip install alliance-data` gives."""
    venv = tmp_path_factory.mktemp("data-only") / "venv"
    _, purelib = venv_with(wheel, venv)
    for dist in _distribution_closure("pandas"):
        for top in {Path(str(f)).parts[0] for f in dist.files or []} - {".."}:
            origin = Path(dist.locate_file(top))
            if origin.exists() and not (purelib / top).exists():
                (purelib / top).symlink_to(origin)
    return venv


def in_data_only(venv: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env['PATH']}"
    return subprocess.run(
        [venv / "bin" / "alliance-notebooks", *args],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def test_data_only_install_lacks_the_notebook_modules(data_only, tmp_path):
    probe = "import importlib.util as u; print([m for m in ('yaml', 'nbformat', 'rich', " \
            "'papermill', 'sphinx', 'pandas') if u.find_spec(m)])"  # fmt: skip
    found = subprocess.check_output([data_only / "bin" / "python", "-c", probe], cwd=tmp_path)
    assert found.decode().strip() == "['pandas']"


@pytest.mark.parametrize(
    "args",
    [["--help"], ["--version"], ["data", "list"], ["data", "describe", "troops"],
     ["data", "cite", "bases", "--style", "bibtex"]],
)  # fmt: skip
def test_data_commands_work_with_pandas_alone(data_only, tmp_path, args):
    result = in_data_only(data_only, *args, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == "" and result.stdout.strip()
    if args == ["data", "list"]:
        assert re.search(r"^troops\t\d+\t", result.stdout, re.MULTILINE)


@pytest.mark.parametrize(
    ("args", "extras"),
    [
        (["run", "02_us_forces"], "notebooks"),
        (["list"], "notebooks"),
        (["copy", "mine"], "notebooks"),
        (["student"], "notebooks"),
        (["book"], "notebooks,book"),
    ],
)
def test_other_commands_name_the_extra_with_pandas_alone(data_only, tmp_path, args, extras):
    result = in_data_only(data_only, *args, cwd=tmp_path)
    assert result.returncode == 4, result.stderr
    line = one_error_line(result.stderr)
    assert f'pip install "alliance-data[{extras}]"' in line
    assert list(tmp_path.iterdir()) == []
