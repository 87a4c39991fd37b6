"""load(): typed tables, copies, clear errors, and checksum verification."""

import pandas as pd
import pytest

import alliance_data as ad
from alliance_data.catalog import resource

EXPECTED_DTYPES = {
    "integer": "Int64",
    "number": "float64",
    "string": "string",
    "boolean": "boolean",
}


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


def test_fourteen_tables():
    assert len(ad.list_tables()) == 14


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
    with pytest.raises(ad.DataIntegrityError, match="opinion.csv is missing"):
        ad.load("opinion")


def test_versions():
    assert ad.__version__ == "0.1.0"
    assert ad.DATA_VERSION.count(".") == 2
