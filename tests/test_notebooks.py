"""Every chapter: one parameters cell, re-runs honouring new values, clear errors for bad ones.

nbval checks the committed notebooks with their defaults (see pyproject's testpaths); these
tests re-execute them through papermill with other values.
"""

import re
from pathlib import Path

import jupytext
import nbformat
import papermill
import pytest

from alliance_data.parameters import RULES

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
CHAPTERS = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
YEARS = re.compile(r"Data shown: (\d{4})–(\d{4})")

# Non-default parameters for each notebook, and text the executed output must then contain.
RERUNS = {
    "00_data_tour": ({"table": "bases", "preview_rows": 3}, ["Table shown: bases"]),
    "01_origins": ({"start_year": 1950, "end_year": 1955}, []),
    "02_us_forces": ({"start_year": 1960, "end_year": 1990, "compare_countries": ["ITA"]}, ["ITA"]),
    "03_bases_okinawa": ({"show_labels": False}, ["Labels shown: no"]),
    "04_burden_sharing": (
        {
            "start_year": 2000,
            "end_year": 2015,
            "compare_countries": ["JPN", "DEU"],
            "min_reliability": "high",
        },
        ["DEU"],
    ),
    "05_widening_role": ({"start_year": 2000, "end_year": 2010}, []),
    "06_public_opinion": (
        {"start_year": 2005, "end_year": 2015, "compare_countries": ["GBR"]},
        ["GBR"],
    ),
    "07_trade_arms": ({"start_year": 1970, "end_year": 1995}, []),
    "08_weighing_sources": ({"verdicts": ["unverifiable"]}, ["with verdict unverifiable"]),
    "09_explorer": ({"start_year": 1970, "end_year": 2000, "countries": ["JPN", "ITA"]}, []),
}
# One invalid value per notebook, and the parameter name the error must mention.
INVALID = {
    "00_data_tour": ("table", "troop"),
    "01_origins": ("start_year", 1800),
    "02_us_forces": ("compare_countries", ["XXX"]),
    "03_bases_okinawa": ("show_labels", "yes"),
    "04_burden_sharing": ("min_reliability", "excellent"),
    "05_widening_role": ("end_year", 2100),
    "06_public_opinion": ("start_year", 1900),
    "07_trade_arms": ("end_year", 2030),
    "08_weighing_sources": ("verdicts", ["wrong"]),
    "09_explorer": ("countries", ["ZZZ"]),
}


def output_text(notebook) -> str:
    texts = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            texts.append(output.get("text", ""))
            texts.append(str(output.get("data", {}).get("text/plain", "")))
            texts.append(str(output.get("data", {}).get("text/markdown", "")))
    return "\n".join(texts)


def test_every_registered_notebook_exists():
    assert {p.stem for p in CHAPTERS} == set(RULES)


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_exactly_one_parameters_cell_matching_the_rules(path):
    notebook = nbformat.read(path, as_version=4)
    tagged = [c for c in notebook.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    assert set(papermill.inspect_notebook(str(path))) == set(RULES[path.stem])
    assert notebook.metadata["kernelspec"]["name"] == "python3"


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_rerun_with_other_parameters_reflects_them(path, tmp_path):
    parameters, expected = RERUNS[path.stem]
    out = tmp_path / path.name
    papermill.execute_notebook(
        str(path),
        str(out),
        parameters=parameters,
        cwd=str(NOTEBOOKS),
        kernel_name="python3",
        progress_bar=False,
        execution_timeout=120,  # a lost kernel reply fails the test instead of hanging it
    )
    text = output_text(nbformat.read(out, as_version=4))
    for fragment in expected:
        assert fragment in text
    if "start_year" in parameters:
        spans = [(int(a), int(b)) for a, b in YEARS.findall(text)]
        assert spans, "the notebook must print 'Data shown: <first>–<last>'"
        for first, last in spans:
            assert parameters["start_year"] <= first <= last <= parameters["end_year"]


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_invalid_parameter_stops_with_a_clear_error(path, tmp_path):
    name, value = INVALID[path.stem]
    with pytest.raises(papermill.PapermillExecutionError) as error:
        papermill.execute_notebook(
            str(path),
            str(tmp_path / path.name),
            parameters={name: value},
            cwd=str(NOTEBOOKS),
            kernel_name="python3",
            progress_bar=False,
            execution_timeout=120,  # a lost kernel reply fails the test instead of hanging it
        )
    assert error.value.ename == "ParameterError"
    assert name in error.value.evalue and "allowed" in error.value.evalue


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_outputs_are_kept_only_in_checked_cells(path):
    notebook = nbformat.read(path, as_version=4)
    checked = [c for c in notebook.cells if "# NBVAL_CHECK_OUTPUT" in c.source]
    assert 1 <= len(checked) <= 3
    for cell in notebook.cells:
        if cell.cell_type == "code" and cell not in checked:
            assert not cell.outputs and cell.execution_count is None
    assert all(c.outputs for c in checked)
    assert "widgets" not in notebook.metadata


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_paired_source_is_in_sync(path):
    source = jupytext.read(path.with_suffix(".py"))
    notebook = nbformat.read(path, as_version=4)
    assert [c.source for c in source.cells] == [c.source for c in notebook.cells]
