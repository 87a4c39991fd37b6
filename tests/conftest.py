"""Shared fixtures: the optional ../shared reference folder and a scratch copy of the data."""

import re
import shutil
import tomllib
from pathlib import Path

import pytest

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
