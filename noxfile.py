#!/usr/bin/env -S uv run --script
# /// script
# dependencies = ["nox>=2025.2.9"]
# ///
"""Tasks: `nox -l` lists them, `nox -s NAME` runs one (e.g. `nox -s lint`, `nox -s sdist`).

The full suite is the README's command (`.ci/run`); these sessions wrap it and the other
checks so that each runs the same way on any machine.
"""

from __future__ import annotations

import tarfile
from pathlib import Path

import nox

nox.needs_version = ">=2025.2.9"
nox.options.default_venv_backend = "uv|virtualenv"

ROOT = Path(__file__).resolve().parent
PYPROJECT = nox.project.load_toml(ROOT / "pyproject.toml")
# Tests that need no browser, kernel pool or wheel build: the data, the command line and
# the packaging checks. The sdist session runs these from the unpacked archive.
FAST_TESTS = [
    "tests/test_loading.py",
    "tests/test_datapackage.py",
    "tests/test_cli_and_api.py",
    "tests/test_packaging_hygiene.py",
]


@nox.session
def lint(session: nox.Session) -> None:
    """ruff, mypy, codespell, zizmor and file checks (.pre-commit-config.yaml)."""
    session.install("pre-commit")
    session.run("pre-commit", "run", "--all-files", "--show-diff-on-failure", *session.posargs)


@nox.session
def tests(session: nox.Session) -> None:
    """The test suite (arguments go to pytest, e.g. `nox -s tests -- -n 0 tests/x.py`)."""
    session.install("-e", ".", *nox.project.dependency_groups(PYPROJECT, "test"))
    session.run("pytest", *session.posargs)


@nox.session(venv_backend="none", default=False)
def lowest(session: nox.Session) -> None:
    """The suite at the lowest versions pyproject.toml allows (about 25 minutes)."""
    session.run("bash", ".ci/lowest", external=True)


@nox.session(default=False)
def sdist(session: nox.Session) -> None:
    """Build the sdist, unpack it and run the fast tests from the unpacked copy."""
    session.install("build")
    out = Path(session.create_tmp()).resolve()
    session.run("python", "-m", "build", "--sdist", "--outdir", str(out), str(ROOT))
    (archive,) = out.glob("alliance_data-*.tar.gz")
    with tarfile.open(archive) as tar:
        tar.extractall(out, filter="data")
    unpacked = out / archive.name.removesuffix(".tar.gz")
    session.chdir(unpacked)
    pyproject = nox.project.load_toml(unpacked / "pyproject.toml")
    session.install("-e", ".", *nox.project.dependency_groups(pyproject, "test"))
    session.run("pytest", "-p", "no:cacheprovider", *(session.posargs or FAST_TESTS))


@nox.session(python="3.11", default=False)
def colab(session: nox.Session) -> None:
    """Run the chapters with the colab extra and Colab's pinned IPython and ipywidgets.

    Colab keeps IPython 7.34 and ipywidgets 7.7.1; the notebooks extra would replace them.
    nbclient and jupytext only drive the run here (Colab has its own front end).
    """
    colab_pins = ["ipython==7.34.0", "ipywidgets==7.7.1"]
    session.install("-e", ".[colab]", *colab_pins, "nbclient", "jupytext")
    names = session.posargs or sorted(p.stem for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.py"))
    script = (
        "import sys, jupytext, nbclient\n"
        "failed = []\n"
        "for name in sys.argv[1:]:\n"
        "    notebook = jupytext.read(f'notebooks/{name}.py')\n"
        "    try:\n"
        "        nbclient.NotebookClient(notebook, timeout=300, kernel_name='python3').execute()\n"
        "        print(name, 'ran')\n"
        "    except Exception as error:\n"
        "        failed.append(name)\n"
        "        print(name, 'failed:', str(error).strip().splitlines()[-1])\n"
        "sys.exit(1 if failed else 0)\n"
    )
    session.run("python", "-m", "ipykernel", "install", "--sys-prefix", "--name", "python3")
    session.run("python", "-c", script, *names)


@nox.session(default=False)
def binder(session: nox.Session) -> None:
    """repo2docker's plan for the Binder image (building it needs Docker: drop --no-build)."""
    session.install("jupyter-repo2docker")
    session.run("repo2docker", "--no-build", "--debug", *session.posargs, ".")


if __name__ == "__main__":
    nox.main()
