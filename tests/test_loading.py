"""load(): typed tables, copies, clear errors, and checksum verification."""

import csv
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import alliance_data as ad
from alliance_data import catalog
from alliance_data.catalog import resource

EXPECTED_DTYPES = {
    "integer": "Int64",
    "number": "float64",
    "string": "string",
    "boolean": "boolean",
}


@pytest.mark.parametrize("name", ad.list_tables())
def test_numbers_load_exactly_as_written(name):
    numbers = [f["name"] for f in resource(name)["schema"]["fields"] if f["type"] == "number"]
    with ad.path(name).open(encoding="utf-8", newline="") as handle:
        written = list(csv.DictReader(handle))
    frame = ad.load(name)
    for column in numbers:
        expected = [float(row[column]) if row[column] else None for row in written]
        loaded = [None if pd.isna(v) else float(v) for v in frame[column]]
        assert loaded == expected, column


@pytest.mark.parametrize("name", ad.list_tables())
def test_every_table_loads_with_documented_dtypes(name):
    frame = ad.load(name)
    fields = resource(name)["schema"]["fields"]
    assert list(frame.columns) == [f["name"] for f in fields]
    assert len(frame) == resource(name)["rows"] > 0
    for field in fields:
        dtype = frame[field["name"]].dtype
        if field["type"] == "date":
            assert pd.api.types.is_datetime64_any_dtype(dtype), field["name"]
        else:
            assert str(dtype) == EXPECTED_DTYPES[field["type"]], field["name"]


def test_load_returns_an_independent_copy():
    first = ad.load("troops")
    first.loc[:, "personnel"] = 0
    first.drop(first.index, inplace=True)
    again = ad.load("troops")
    assert len(again) > 400 and again["personnel"].max() > 200_000


def test_unknown_table_lists_valid_names():
    with pytest.raises(ad.UnknownTableError) as error:
        ad.load("troop")
    assert "'troop'" in str(error.value) and "troops_japan_by_area" in str(error.value)


def test_describe_tells_unit_coverage_sources_and_caveats():
    text = str(ad.describe("troops"))
    assert "persons" in text and "1950–2025" in text
    assert "Defense Manpower Data Center" in text or "DMDC" in text
    assert "interpolated" in text and "September" in text


def test_altered_table_is_refused(scratch_data):
    path = scratch_data / "troops.csv"
    path.write_bytes(path.read_bytes().replace(b"209451", b"260000"))
    with pytest.raises(ad.DataIntegrityError, match="troops.csv"):
        ad.load("troops")


def test_truncated_table_is_refused(scratch_data):
    path = scratch_data / "bases.csv"
    path.write_bytes(path.read_bytes()[:500])
    with pytest.raises(ad.DataIntegrityError, match="bases.csv.*truncated or altered"):
        ad.load("bases")


def test_missing_table_is_refused(scratch_data):
    (scratch_data / "opinion.csv").unlink()
    with pytest.raises(ad.DataIntegrityError, match="opinion.csv cannot be read"):
        ad.load("opinion")


def test_directory_in_place_of_a_table_is_refused(scratch_data):
    (scratch_data / "trade.csv").unlink()
    (scratch_data / "trade.csv").mkdir()
    with pytest.raises(ad.DataIntegrityError, match="trade.csv cannot be read"):
        ad.load("trade")


def test_unreadable_table_is_refused(scratch_data, monkeypatch):
    def denied(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", denied)
    with pytest.raises(ad.DataIntegrityError, match="leaders.csv cannot be read.*Permission"):
        ad.load("leaders")


@pytest.mark.parametrize("damage", [b"", b"{not json", b'{"resources": 3}', b"[]"])
def test_damaged_datapackage_gives_one_clear_error(tmp_path, damage):
    shutil.copytree(Path(str(catalog.DATA_DIR)), tmp_path / "data")
    (tmp_path / "data" / "datapackage.json").write_bytes(damage)
    code = (
        "import alliance_data as ad\n"
        "try:\n    ad.load('troops')\n"
        "except ad.DataIntegrityError as e:\n    print('ERROR', e)\n"
    )
    env = {**os.environ, "ALLIANCE_DATA_DIR": str(tmp_path / "data")}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr  # importing never fails on damaged data
    assert result.stdout.startswith("ERROR datapackage.json is missing or damaged")


def test_describe_hands_out_copies():
    ad.describe("troops").caveats.append("changed by a caller")
    columns = ad.describe("troops").columns
    columns.loc[0, "unit"] = "changed"
    assert "changed by a caller" not in ad.describe("troops").caveats
    assert "changed" not in set(ad.describe("troops").columns["unit"])


def test_path_points_at_the_verified_file():
    frame = pd.read_csv(ad.path("troops"))
    assert len(frame) == len(ad.load("troops"))


def test_versions_are_dotted():
    assert ad.__version__.count(".") == 2 and ad.data_version().count(".") == 2
