"""The command line, citations, parameter validation, the book command and the rerun workflow."""

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import alliance_data as ad
from alliance_notebooks.cli import main
from alliance_notebooks.parameters import ParameterError, validate

ROOT = Path(__file__).resolve().parent.parent


def test_data_list_prints_every_table_with_rows_one_line_each(capsys):
    assert main(["data", "list"]) == 0
    title, *lines = capsys.readouterr().out.splitlines()
    assert title.startswith("# alliance_data ") and "data version" in title
    rows = [line.split("\t") for line in lines]
    assert rows[0] == ["table", "rows", "coverage", "title"]
    assert {r[0]: r[1] for r in rows[1:]} == {t: str(len(ad.load(t))) for t in ad.list_tables()}


def test_data_describe_and_cite(capsys):
    assert main(["data", "describe", "troops"]) == 0
    described = capsys.readouterr().out
    assert (
        "persons" in described and "reported_dip = a dip the source does not explain" in described
    )
    assert main(["data", "cite", "bases", "--style", "bibtex"]) == 0
    assert "@misc{vine_base_nation," in capsys.readouterr().out


def test_unknown_table_exits_2_and_lists_names():
    result = subprocess.run(
        [sys.executable, "-m", "alliance_notebooks.cli", "data", "describe", "x"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert "valid names are" in result.stderr and "troops" in result.stderr


def test_bibtex_has_one_entry_per_source_plus_the_package():
    bibtex = ad.cite("troops", style="bibtex")
    assert bibtex.count("@misc{") == 1 + ad.load("troops")["source_id"].nunique()


def test_bad_citation_style():
    with pytest.raises(ValueError, match="allowed values are: text, bibtex"):
        ad.cite("troops", style="apa")


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"start_year": 1800, "end_year": 1810}, "allowed years are 1950–2025"),
        ({"start_year": "1960"}, "must be an integer year"),
        ({"compare_countries": ["FRA"]}, "allowed values are: DEU, GBR, ITA, KOR, PHL"),
        ({"start_year": 2000, "end_year": 1990}, "is after end_year"),
        ({"colour": "red"}, "does not declare parameter"),
    ],
)
def test_parameter_errors_name_the_problem(values, message):
    with pytest.raises(ParameterError, match=message):
        validate("02_us_forces", values)


def test_book_calls_build_book_with_the_run_and_options(tmp_path, monkeypatch, capsys):
    import alliance_notebooks.book as book

    run = tmp_path / "runs" / "20261201T000000Z-abcd"
    run.mkdir(parents=True)
    (run / "manifest.json").write_text("{}")
    calls = []

    def build_book(run_dir, output_dir, student):
        calls.append((run_dir, output_dir, student))
        return output_dir / "index.html"

    monkeypatch.setattr(book, "build_book", build_book)
    args = ["book", "--run", str(run), "--output-dir", str(tmp_path / "site"), "--student"]
    assert main(args) == 0
    assert calls == [(run.resolve(), tmp_path / "site", True)]
    assert "site/index.html" in capsys.readouterr().out


def test_book_without_its_module_says_so(tmp_path, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "alliance_notebooks.book", None)  # import fails
    assert main(["book", "--run", str(tmp_path)]) == 4
    error = capsys.readouterr().err
    assert "the book needs an optional module" in error and error.count("\n") == 1


def test_book_of_a_folder_that_is_not_a_run_exits_2(tmp_path, capsys):
    assert main(["book", "--run", str(tmp_path)]) == 2
    assert "is not a finished run" in capsys.readouterr().err


def test_rerun_workflow_reads_inputs_from_the_environment_with_read_only_permissions():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "rerun.yml").read_text())
    assert workflow["permissions"] == {"contents": "read"}
    steps = workflow["jobs"]["rerun"]["steps"]
    for step in steps:
        assert "${{" not in step.get("run", ""), step
    run_step = next(s for s in steps if "alliance-notebooks run" in s.get("run", ""))
    assert "inputs.parameters" in run_step["env"]["PARAMETERS"]
    assert "--fail-on-change" in run_step["run"]


def test_the_command_line_skips_the_iri_grammars_and_still_validates_notebooks():
    """``fast_start`` keeps jsonschema from compiling rfc3987-syntax's grammars in the CLI's
    processes; nbformat still validates, and a broken notebook is still refused."""
    code = (
        "import sys\n"
        "from alliance_notebooks.fast_start import skip_iri_grammars\n"
        "skip_iri_grammars()\n"
        "import nbformat\n"
        "nbformat.validate(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell('1')]))\n"
        "broken = nbformat.v4.new_notebook()\n"
        "broken.cells = [{'cell_type': 'code'}]\n"
        "refused = nbformat.ValidationError\n"
        "try:\n    nbformat.validate(broken)\nexcept refused:\n    print('refused')\n"
        "print(sorted(m for m, v in sys.modules.items() if m.startswith('rfc3987') and v))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[:2] == ["refused", "[]"]
