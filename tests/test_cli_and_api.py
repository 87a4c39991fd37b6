"""The command line, citations and parameter validation."""

import subprocess
import sys

import pytest

import alliance_data as ad
from alliance_data.cli import main


def test_data_list_prints_every_table_with_rows(capsys):
    assert main(["data", "list"]) == 0
    out = capsys.readouterr().out
    for name in ad.list_tables():
        assert name[:12] in out
    assert "439" in out  # troops rows


def test_data_describe_and_cite(capsys):
    assert main(["data", "describe", "troops"]) == 0
    assert "persons" in capsys.readouterr().out
    assert main(["data", "cite", "bases", "--style", "bibtex"]) == 0
    assert "@misc{vine_base_nation," in capsys.readouterr().out


def test_unknown_table_exits_2_and_lists_names():
    result = subprocess.run(
        [sys.executable, "-m", "alliance_data.cli", "data", "describe", "x"],
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
        ({"start_year": 1800}, "allowed years are 1950–2025"),
        ({"start_year": "1960"}, "must be an integer year"),
        ({"compare_countries": ["FRA"]}, "allowed values are: DEU, GBR, ITA, KOR, PHL"),
        ({"start_year": 2000, "end_year": 1990}, "is after end_year"),
        ({"colour": "red"}, "does not declare parameter"),
    ],
)
def test_parameter_errors_name_the_problem(values, message):
    with pytest.raises(ad.ParameterError, match=message):
        ad.validate_parameters("02_us_forces", **values)
