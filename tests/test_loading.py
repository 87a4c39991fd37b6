"""load(): typed tables, copies, clear errors, and checksum verification."""

import csv
import hashlib
import json
import os
import shutil
import subprocess
import sys
import warnings
from importlib.resources import files
from pathlib import Path

import pandas as pd
import pytest

import alliance_data as ad
from alliance_data import catalog, loading
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
    del first["year"]
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


def test_loading_raises_no_deprecation_warning(monkeypatch):
    monkeypatch.setattr(loading, "_cache", {})
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # pandas' Pandas4Warning is a DeprecationWarning
        for name in ad.list_tables():
            ad.load(name)


def test_package_declares_its_types():
    assert (files("alliance_data") / "py.typed").is_file()


@pytest.fixture
def crafted(scratch_data):
    """Rewrite one entry of the scratch copy's datapackage.json: ``crafted(name, **fields)``;
    a field set to None is removed."""

    def craft(name: str, **changes) -> Path:
        path = scratch_data / "datapackage.json"
        package = json.loads(path.read_text(encoding="utf-8"))
        entry = next(res for res in package["resources"] if res["name"] == name)
        for key, value in changes.items():
            if value is None:
                del entry[key]
            else:
                entry[key] = value
        path.write_text(json.dumps(package), encoding="utf-8")
        catalog._datapackage.cache_clear()
        return scratch_data

    yield craft
    catalog._datapackage.cache_clear()


def outside_copy(scratch_data: Path, name: str) -> Path:
    """A faithful copy of a table next to (not inside) the data folder."""
    copy = scratch_data.parent / "x.csv"
    copy.write_bytes((scratch_data / f"{name}.csv").read_bytes())
    return copy


@pytest.mark.parametrize("style", ["absolute", "relative"])
def test_path_outside_the_data_folder_is_refused(crafted, scratch_data, style):
    copy = outside_copy(scratch_data, "troops")
    crafted("troops", path=str(copy) if style == "absolute" else "../x.csv")
    with pytest.raises(ad.DataIntegrityError, match="'troops'.*'path'.*outside the data folder"):
        ad.load("troops")
    with pytest.raises(ad.DataIntegrityError, match="'path'"):
        ad.path("troops")


def test_link_leading_outside_the_data_folder_is_refused(crafted, scratch_data):
    (scratch_data / "link.csv").symlink_to(outside_copy(scratch_data, "troops"))
    crafted("troops", path="link.csv")
    with pytest.raises(ad.DataIntegrityError, match="'path'.*outside the data folder"):
        ad.load("troops")


def test_md5_hash_is_refused(crafted, scratch_data):
    data = (scratch_data / "troops.csv").read_bytes()
    crafted("troops", hash="md5:" + hashlib.md5(data).hexdigest())
    with pytest.raises(ad.DataIntegrityError, match="'troops'.*'hash'.*sha256"):
        ad.load("troops")


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"hash": None}, "hash"),
        ({"bytes": None}, "bytes"),
        ({"path": None}, "path"),
        ({"schema": None}, "schema"),
        ({"hash": "sha256"}, "hash"),
        ({"hash": "sha256:" + "0" * 63}, "hash"),
        ({"bytes": "many"}, "bytes"),
        ({"path": 7}, "path"),
        ({"schema": {"fields": "all"}}, "schema"),
        ({"schema": {"fields": [{"name": "year", "type": "float128"}]}}, "schema"),
    ],
)
def test_damaged_entry_names_the_table_and_field(crafted, changes, field):
    crafted("troops", **changes)
    with pytest.raises(ad.DataIntegrityError, match=f"table 'troops'.*'{field}'"):
        ad.load("troops")


def test_labels_give_each_code_its_meaning():
    flags = ad.labels("troops", "flag")
    assert set(ad.load("troops")["flag"].dropna()) <= set(flags)
    assert flags["reported_dip"] == "a dip the source does not explain"
    assert ad.labels("troops", "report_month")["June"] == "June"  # unlabelled: the code itself
    assert "reported_dip = a dip the source does not explain" in str(ad.describe("troops"))


def test_labels_of_an_uncoded_column_name_the_coded_ones():
    with pytest.raises(ValueError, match="'personnel'.*coded columns are: report_month, flag"):
        ad.labels("troops", "personnel")
    with pytest.raises(ad.UnknownTableError):
        ad.labels("troop", "flag")


def test_damaged_categories_are_refused(crafted):
    fields = [{"name": "flag", "type": "string", "categories": [{"label": "no value"}]}]
    crafted("troops", schema={"fields": fields})
    with pytest.raises(ad.DataIntegrityError, match="table 'troops'.*'schema'.*categories"):
        ad.labels("troops", "flag")


def test_description_html_shows_catalogue_text_as_text():
    import dataclasses

    hostile = "<script>alert(1)</script>"
    description = dataclasses.replace(
        ad.describe("bases"), title=hostile, caveats=[hostile], sources=[hostile]
    )
    html = description._repr_html_()
    assert "<script>" not in html
    assert html.count("&lt;script&gt;alert(1)&lt;/script&gt;") == 3
