"""Shared fixtures: the chapters executed once per session, the optional ../shared reference
folder, and a scratch copy of the data."""

import os
import re
import shutil
import tomllib
from pathlib import Path

import pytest
from filelock import FileLock
from session_runs import ChapterRuns, execute_all
from wheel_venv import build_wheel

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture
def shared_reference() -> Path:
    """../shared/reference, or a visible skip where it is absent (as on a user's machine)."""
    path = SHARED / "reference"
    if not path.is_dir():
        pytest.skip(f"cross-check needs {path}, which is not present on this machine")
    return path


@pytest.fixture
def seeds() -> Path:
    path = SHARED / "seeds"
    if not path.is_dir():
        pytest.skip(f"seed check needs {path}, which is not present on this machine")
    return path


@pytest.fixture
def scratch_data(tmp_path, monkeypatch):
    """A private copy of the package data that a test may damage."""
    from alliance_data import catalog, loading

    copy = tmp_path / "data"
    shutil.copytree(catalog.DATA_DIR, copy)
    monkeypatch.setattr(catalog, "DATA_DIR", copy)
    monkeypatch.setattr(loading, "_cache", {})
    return copy


@pytest.fixture
def notebooks_extra() -> set[str]:
    """Normalised names of the core dependencies and the `notebooks` extra in pyproject."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = project["dependencies"] + project["optional-dependencies"]["notebooks"]
    return {re.sub(r"[-_.]+", "-", r.split(">=")[0]).lower() for r in requirements}


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """Under ``--dist loadgroup``, the tests that share a module-scoped fixture (a book, a
    JupyterLab server, a Dask cluster, a built wheel) run on one worker, so it is set up
    once; every other test goes to whichever worker is free."""
    for item in items:
        info = getattr(item, "_fixtureinfo", None)
        definitions = info.name2fixturedefs.values() if info else ()
        if any(d.scope == "module" for found in definitions for d in found):
            item.add_marker(pytest.mark.xdist_group(item.module.__name__))


def pytest_addoption(parser):
    parser.addoption(
        "--chapter-runs",
        metavar="DIR",
        help="keep the session's executed chapters in DIR and reuse them in later sessions "
        "(for working on tests; delete DIR after changing a chapter or the data)",
    )


def _session_folder(tmp_path_factory, name: str) -> Path:
    """A folder that every xdist worker of this session shares."""
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # the basetemp that all workers of this session share
    (folder := root / name).mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def wheel(tmp_path_factory) -> Path:
    """The project's wheel, built once per session by the first worker that asks."""
    folder = _session_folder(tmp_path_factory, "wheel")
    with FileLock(folder / "build.lock"):
        return build_wheel(folder)


@pytest.fixture(scope="session")
def chapter_runs(request, tmp_path_factory) -> ChapterRuns:
    """Every chapter executed once per parameter set, for the whole session.

    One ``alliance-notebooks run --jobs 2`` executes the sets of ``session_runs.
    parameter_sets()`` (defaults, ``reruns:`` of chapters.yml, 1970–1990, 2010–2025 with
    empty code lists, one-year windows at both ends of the data, and any edge value of a
    rule, such as the ends of a numeric one, that no other set uses)
    with the figure audit (``tests/figure_audit.py``) in every kernel. Under pytest-xdist
    the first worker to ask runs it while the others wait on a lock; all read the same
    files. The tests read these results and execute nothing again:

    - ``chapter_runs.get(stem, parameters=None)``: the run of ``stem`` with ``parameters``
      (the others at their defaults); ``KeyError`` naming the executed sets if there is none.
    - ``chapter_runs.all()`` / ``chapter_runs.of(stem)``: every run / every run of a chapter.
    - A run has ``.stem``, ``.label``, ``.parameters`` (complete), ``.set`` (name, values),
      ``.entry`` (manifest entry), ``.succeeded``, ``.notebook`` (executed NotebookNode),
      ``.text`` (stream and text/plain outputs), ``.markdown``, ``.html`` (text/markdown and
      text/html outputs), ``.prose`` (streams, markdown, and plain text that is not a
      table's copy), ``.key_figures``, ``.errors()`` and ``.figures`` (audit records:
      ``titles``, ``problems``, ``caption``, ``artists`` [{label, colour, marker}]; None if
      the run failed).
    - ``chapter_runs.refused``: derived sets that validation refuses (the CLI must too);
      ``chapter_runs.run_folder(dest, runs)``: a run folder of only those runs.

    ``--chapter-runs DIR`` keeps the results in DIR and reuses them in later sessions.
    """
    chosen = request.config.getoption("--chapter-runs")
    if chosen:
        (folder := Path(chosen).resolve()).mkdir(parents=True, exist_ok=True)
    else:
        folder = _session_folder(tmp_path_factory, "chapter_runs")
    with FileLock(folder / "session.lock"):
        if not (folder / "done.json").is_file():
            execute_all(folder)
    return ChapterRuns(folder)
