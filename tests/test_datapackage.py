"""The Frictionless datapackage validates and enforces its schema rules; builds reproduce."""

import csv
import hashlib
import json
import re
import subprocess
import sys

import pandas as pd
import pytest
from frictionless import Package

import alliance_data as ad
from alliance_data.catalog import DATA_DIR

ROOT = DATA_DIR.parent.parent


def test_frictionless_validate_passes():
    report = Package(str(DATA_DIR / "datapackage.json")).validate()
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "message"])


def damaged_package(tmp_path, edit) -> Package:
    """A package of sources, troops and arms_transfers in which ``edit`` changed the rows."""
    package = json.loads((DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))
    package["resources"] = [
        r for r in package["resources"] if r["name"] in ("sources", "troops", "arms_transfers")
    ]
    for res in package["resources"]:
        rows = list(csv.DictReader((DATA_DIR / res["path"]).open(encoding="utf-8")))
        if res["name"] in edit:
            edit[res["name"]](rows)
        with (tmp_path / res["path"]).open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        data = (tmp_path / res["path"]).read_bytes()
        res["hash"], res["bytes"] = "sha256:" + hashlib.sha256(data).hexdigest(), len(data)
        res["rows"] = len(rows)
    (tmp_path / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    return Package(str(tmp_path / "datapackage.json"))


def set_first(column: str, value: str):
    def edit(rows):
        rows[0][column] = value

    return edit


@pytest.mark.parametrize(
    ("edit", "error"),
    [
        ({"troops": lambda rows: rows.append(dict(rows[0]))}, "primary-key"),
        ({"troops": set_first("year", "1949")}, "constraint-error"),
        ({"troops": set_first("personnel", "400001")}, "constraint-error"),
        ({"troops": set_first("flag", "guessed")}, "constraint-error"),
        ({"troops": set_first("source_id", "")}, "constraint-error"),
        ({"arms_transfers": set_first("source_id", "no_such_source")}, "foreign-key"),
        ({"sources": set_first("source_quality", "blog")}, "constraint-error"),
    ],
)
def test_frictionless_enforces_the_schema_rules(tmp_path, edit, error):
    """Keys, ranges, codes, required values and references are the schema's to check."""
    assert damaged_package(tmp_path, {}).validate().valid
    report = damaged_package(tmp_path, edit).validate()
    assert {e.type for task in report.tasks for e in task.errors} == {error}


@pytest.mark.parametrize(
    ("column", "value", "problem"),
    [
        ("year", 1949, "values beyond the minimum 1950"),
        ("personnel", 400_001, "values beyond the maximum 400000"),
        ("flag", "guessed", "codes not declared in its categories: ['guessed']"),
        ("source_id", "", "source_id: 1 empty value(s)"),
        ("source_id", "no_such_source", "source_id not in sources: ['no_such_source']"),
        ("year", None, "duplicate primary key"),
    ],
)
def test_the_build_stops_on_rows_that_break_the_schema(column, value, problem):
    from etl.build import table_metadata
    from etl.schema import check, table_schema

    troops = ad.load("troops")
    sources = set(ad.load("sources")["source_id"])
    schema = table_schema("troops", table_metadata("troops"))
    check("troops", troops, schema, sources)  # the shipped table passes
    broken = pd.concat([troops, troops.iloc[[0]]]) if value is None else troops.copy()
    if value is not None:
        broken.loc[0, column] = value
    with pytest.raises(ValueError, match=re.escape(problem)):
        check("troops", broken, schema, sources)


def test_each_table_lists_its_sources_and_the_records_are_kept_once():
    package = json.loads((DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))
    known = set(ad.load("sources")["source_id"])
    for res in package["resources"]:
        assert "sources" not in res  # the records live in the sources table alone
        if res["name"] != "sources":
            assert res["source_ids"] == sorted(set(ad.load(res["name"])["source_id"]))
            assert set(res["source_ids"]) <= known


def test_share_of_gdp_is_percent_not_fraction():
    usa = ad.load("defense_spending").query("country_iso3 == 'USA'")
    assert usa["share_of_gdp_pct"].median() > 2  # a fraction would be below 1


def test_regenerating_gives_byte_identical_files():
    result = subprocess.run(
        [sys.executable, "-m", "etl", "--check"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
