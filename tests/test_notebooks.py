"""Every chapter: its declaration in chapters.yml, default key figures, readable figures,
re-runs that honour new values, and clear errors for bad ones.

nbval checks that the committed notebooks run as they are (see pyproject's testpaths);
these tests execute them through papermill.
"""

import json
import re
import subprocess
from pathlib import Path

import nbformat
import papermill
import pytest
import yaml

from alliance_notebooks import key_figures
from alliance_notebooks.chapters import available, declarations, read_notebook
from alliance_notebooks.parameters import validate

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
KEY_FIGURES = Path(__file__).resolve().parent / "key_figures"
CHAPTERS = available(NOTEBOOKS)
DECLARED = declarations(NOTEBOOKS)
YEARS = re.compile(r"Data shown: (\d{4})–(\d{4})")
RERUNS = [
    pytest.param(path, i, id=f"{path.stem}-{i}")
    for path in CHAPTERS
    for i in range(len(DECLARED.get(path.stem, {}).get("reruns", [])))
]
# Cells added around a chapter to keep its figures open and then check their text.
KEEP_FIGURES = "%config InlineBackend.close_figures = False"
CHECK_FIGURES = """
import json as _json
import matplotlib.pyplot as _plt
from alliance_notebooks.style import text_problems as _problems
_report = {}
for _n in _plt.get_fignums():
    _fig = _plt.figure(_n)
    _report[str(_n)] = _problems(_fig) + ([] if getattr(_fig, "alt_text", "") else ["no caption"])
    if not hasattr(type(_fig), "_repr_mimebundle_"):
        _report[str(_n)].append("not a style.HouseFigure: its caption would not reach alt text")
print("FIGURE-CHECK" + _json.dumps(_report))
"""


def execute(path: Path, out: Path, parameters: dict | None = None, check_figures=False):
    source = read_notebook(path)
    if check_figures:
        source.cells.insert(0, nbformat.v4.new_code_cell(KEEP_FIGURES))
        source.cells.append(nbformat.v4.new_code_cell(CHECK_FIGURES))
    nbformat.write(source, out.with_suffix(".in.ipynb"))
    papermill.execute_notebook(
        str(out.with_suffix(".in.ipynb")),
        str(out),
        parameters=parameters or {},
        cwd=str(NOTEBOOKS),
        kernel_name="python3",
        progress_bar=False,
        execution_timeout=120,  # a lost kernel reply fails the test instead of hanging it
    )
    return nbformat.read(out, as_version=4)


def output_text(notebook) -> str:
    texts = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            texts.append(output.get("text", ""))
            texts.append(str(output.get("data", {}).get("text/plain", "")))
            texts.append(str(output.get("data", {}).get("text/markdown", "")))
    return "\n".join(texts)


def test_every_chapter_is_declared_once():
    assert {p.stem for p in CHAPTERS} == set(DECLARED)


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_parameters_cell_matches_the_declaration(path):
    notebook = nbformat.read(path, as_version=4)
    tagged = [c for c in notebook.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    assert set(papermill.inspect_notebook(str(path))) == set(DECLARED[path.stem]["parameters"])
    assert notebook.metadata["kernelspec"]["name"] == "python3"


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_defaults_give_the_checked_key_figures_and_readable_figures(path, tmp_path):
    executed = execute(path, tmp_path / f"{path.stem}.ipynb", check_figures=True)
    expected = yaml.safe_load((KEY_FIGURES / f"{path.stem}.yml").read_text(encoding="utf-8"))
    assert key_figures.read(executed) == expected
    report = json.loads(output_text(executed).split("FIGURE-CHECK", 1)[1].splitlines()[0])
    assert len(report) >= 2, "every chapter has at least two figures"
    assert {n: p for n, p in report.items() if p} == {}


@pytest.mark.parametrize(("path", "index"), RERUNS)
def test_rerun_with_other_parameters_reflects_them(path, index, tmp_path):
    rerun = DECLARED[path.stem]["reruns"][index]
    executed = execute(path, tmp_path / f"{path.stem}.ipynb", rerun["parameters"])
    text = output_text(executed)
    for fragment in rerun["expect"]:
        assert fragment in text
    if "start_year" in rerun["parameters"]:
        window = validate(path.stem, rerun["parameters"], NOTEBOOKS)
        spans = [(int(a), int(b)) for a, b in YEARS.findall(text)]
        assert spans, "the notebook must print 'Data shown: <first>–<last>'"
        for first, last in spans:
            assert window["start_year"] <= first <= last <= window["end_year"]


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_invalid_parameter_stops_with_a_clear_error(path, tmp_path):
    invalid = DECLARED[path.stem]["invalid"]
    with pytest.raises(papermill.PapermillExecutionError) as error:
        execute(path, tmp_path / f"{path.stem}.ipynb", invalid)
    assert error.value.ename == "ParameterError"
    assert any(name in error.value.evalue for name in invalid)
    assert "allowed" in error.value.evalue


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_saving_from_jupyterlab_leaves_the_text_source_unchanged(path, tmp_path):
    """JupyterLab saves a chapter through jupytext's contents manager: outputs, execution
    counts and front-end metadata never reach the tracked .py, and no .ipynb appears."""
    import asyncio

    from jupyter_server.services.contents.largefilemanager import AsyncLargeFileManager
    from jupytext.async_contentsmanager import build_async_jupytext_contents_manager_class

    for name in (path.name, "jupytext.toml"):
        (tmp_path / name).write_bytes((NOTEBOOKS / name).read_bytes())
    manager = build_async_jupytext_contents_manager_class(AsyncLargeFileManager)(
        root_dir=str(tmp_path)
    )

    async def explore_and_save():
        model = await manager.get(path.name, type="notebook", content=True)
        assert model["content"].cells, "jupytext did not open the .py as a notebook"
        for cell in model["content"].cells:
            if cell.cell_type == "code":
                cell.outputs = [nbformat.v4.new_output("stream", text="explored\n")]
                cell.execution_count = 7
                cell.metadata["scrolled"] = True
        model["content"].metadata["language_info"] = {"name": "python"}
        model["content"].metadata["widgets"] = {"state": {}}
        await manager.save(model, path.name)

    asyncio.run(explore_and_save())
    assert (tmp_path / path.name).read_bytes() == path.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([path.name, "jupytext.toml"])


def test_only_text_sources_of_the_chapters_are_tracked():
    root = NOTEBOOKS.parent
    if not (root / ".git").exists():
        pytest.skip("not a git checkout (an unpacked sdist)")
    tracked = subprocess.run(
        ["git", "ls-files", "notebooks"], cwd=root, capture_output=True, text=True, check=True
    ).stdout.split()
    assert not [name for name in tracked if name.endswith(".ipynb")]
    assert {Path(name).stem for name in tracked if name.endswith(".py")} == {
        p.stem for p in CHAPTERS
    }
