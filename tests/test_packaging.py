"""The built wheel: data-only use pulls in nothing heavy; with the notebooks extra, the
chapters ship inside it and run from any folder. Also CITATION.cff and cite() agree."""

import json
import os
import site
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from wheel_venv import venv_with

import alliance_data as ad

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ["matplotlib", "IPython", "papermill", "nbformat", "nbconvert", "jupyter_client", "yaml"]


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """A fresh venv with the wheel installed and no access to the source tree.

    Its dependencies are borrowed from this environment through a .pth line (so the test
    needs no network); the project itself comes only from the wheel.
    """
    venv = tmp_path_factory.mktemp("venv")
    _, purelib = venv_with(wheel, venv)
    (purelib / "borrowed.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    return venv


def run_in(venv: Path, args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env['PATH']}"
    env["JUPYTER_PATH"] = str(Path(sys.prefix) / "share" / "jupyter")  # borrowed templates
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def test_wheel_requires_only_pandas_without_extras(wheel):
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        metadata = archive.read(name).decode()
        names = archive.namelist()
    plain = [line for line in metadata.splitlines() if line.startswith("Requires-Dist:")]
    assert [line for line in plain if "extra ==" not in line] == ["Requires-Dist: pandas<4,>=2.2"]
    assert "License-Expression: MIT AND CC-BY-4.0" in metadata
    assert any(n.endswith("licenses/LICENSE-DATA") for n in names)
    chapters = [n for n in names if n.startswith("alliance_notebooks/chapters/")]
    assert "alliance_notebooks/chapters/chapters.yml" in chapters
    assert not [n for n in chapters if n.endswith(".ipynb")]  # text sources only
    assert len([n for n in chapters if n.endswith(".py")]) == len(
        list((ROOT / "notebooks").glob("[0-9][0-9]_*.py"))
    )
    assert any(n.endswith("share/jupyter/lab/settings/overrides.json") for n in names)


def test_data_only_use_loads_every_table_and_imports_nothing_heavy(installed, tmp_path):
    code = (
        "import sys, alliance_data as ad\n"
        "assert 'site-packages' in ad.__file__, ad.__file__\n"
        "rows = {t: len(ad.load(t)) for t in ad.list_tables()}\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules)); print(sum(rows.values()))"
    )
    result = run_in(installed, ["python", "-c", code], tmp_path)
    assert result.returncode == 0, result.stderr
    heavy, total = result.stdout.splitlines()
    assert heavy == "[]"
    assert int(total) == sum(len(ad.load(t)) for t in ad.list_tables())


def test_notebooks_extra_runs_a_packaged_chapter_and_a_users_own_notebook(installed, tmp_path):
    mine = tmp_path / "mine.ipynb"
    mine.write_text(
        json.dumps(
            {
                "cells": [
                    {
                        "cell_type": "code",
                        "metadata": {"tags": ["parameters"]},
                        "source": "n = 2",
                        "outputs": [],
                        "execution_count": None,
                    },
                    {
                        "cell_type": "code",
                        "metadata": {},
                        "source": "import alliance_data as ad\n"
                        "print('rows', len(ad.load('troops')) * n)",
                        "outputs": [],
                        "execution_count": None,
                    },
                ],
                "metadata": {
                    "kernelspec": {
                        "name": "python3",
                        "display_name": "Python 3",
                        "language": "python",
                    }
                },
                "nbformat": 4,
                "nbformat_minor": 5,
            }
        )
    )
    assert not (tmp_path / "notebooks").exists()
    listing = run_in(installed, ["alliance-notebooks", "list"], tmp_path)
    assert listing.returncode == 0, listing.stderr
    assert "02_us_forces" in listing.stdout and "chapters" in listing.stdout
    run = run_in(
        installed,
        ["alliance-notebooks", "run", "01_origins", str(mine), "-p", "mine:n=3", "--jobs", "2"],
        tmp_path,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    latest = tmp_path / "runs" / "latest"
    assert (latest / "01_origins.ipynb").is_file() and (latest / "mine.ipynb").is_file()
    assert f"rows {3 * len(ad.load('troops'))}" in (latest / "mine.ipynb").read_text()
    copied = run_in(installed, ["alliance-notebooks", "copy", "mycopy"], tmp_path)
    assert copied.returncode == 0, copied.stderr
    assert (tmp_path / "mycopy" / "02_us_forces.py").is_file()


def test_citation_cff_is_valid_and_agrees_with_cite():
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "uv",
            "tool",
            "run",
            "--from",
            "cffconvert==2.0.0",
            "cffconvert",
            "--validate",
            "-i",
            str(ROOT / "CITATION.cff"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, (result.stdout + result.stderr)[-2000:]
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    text = ad.cite()
    assert cff["title"] in text and cff["authors"][0]["name"] in text
    assert f"version {cff['version']}" in text and cff["version"] == ad.__version__
    assert cff["repository-code"] in text
    assert f"version = {{{ad.__version__}}}" in ad.cite(style="bibtex")


# Import names that differ from their distribution's name, and pandas methods that need an
# optional dependency which pandas itself does not install.
DISTRIBUTIONS = {"IPython": "ipython", "yaml": "pyyaml", "matplotlib_fontja": "matplotlib-fontja"}
PANDAS_OPTIONAL = {
    "to_markdown": "tabulate",
    "to_excel": "openpyxl",
    "read_excel": "openpyxl",
    "to_parquet": "pyarrow",
    "read_parquet": "pyarrow",
    "style": "jinja2",
}


@pytest.mark.parametrize("chapter", sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.py")), ids=str)
def test_chapters_need_only_what_the_notebooks_extra_declares(chapter, notebooks_extra):
    import ast
    import re

    text = chapter.read_text(encoding="utf-8")
    tree = ast.parse(text)
    modules = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    modules |= {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    needed = {
        DISTRIBUTIONS.get(top, "alliance-data" if top.startswith("alliance_") else top)
        for top in {m.split(".")[0] for m in modules} - set(sys.stdlib_module_names)
    }
    needed |= {pkg for method, pkg in PANDAS_OPTIONAL.items() if re.search(rf"\.{method}\b", text)}
    assert needed - notebooks_extra - {"alliance-data"} == set()
