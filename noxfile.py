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


@nox.session(default=False)
def binder(session: nox.Session) -> None:
    """repo2docker's plan for the Binder image (building it needs Docker: drop --no-build)."""
    session.install("jupyter-repo2docker")
    session.run("repo2docker", "--no-build", "--debug", *session.posargs, ".")


if __name__ == "__main__":
    nox.main()
