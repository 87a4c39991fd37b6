"""The Frictionless datapackage validates (keys, sources), every row cites a source, builds
reproduce."""

import subprocess
import sys

import pytest
from frictionless import Package

import alliance_data as ad
from alliance_data.catalog import DATA_DIR

ROOT = DATA_DIR.parent.parent


def test_frictionless_validate_passes():
    report = Package(str(DATA_DIR / "datapackage.json")).validate()
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "message"])


# Unique primary keys and source_ids found in `sources` are checked by frictionless above
# (the datapackage declares both); a foreign key may be empty there, so this checks that.
@pytest.mark.parametrize("name", ad.list_tables())
def test_every_row_cites_a_source(name):
    assert ad.load(name)["source_id"].notna().all()


@pytest.mark.parametrize(
    ("table", "column", "low", "high"),
    [
        ("troops", "year", 1950, 2025),
        ("troops", "personnel", 0, 400_000),
        ("troops_japan_by_area", "year", 1950, 1973),
        ("defense_spending", "share_of_gdp_pct", 0, 40),
        ("defense_spending", "year", 1949, 2024),
        ("opinion", "value_pct", 0, 100),
        ("arms_transfers", "year", 1950, 2021),
        ("host_nation_support", "fiscal_year", 1978, 2026),
        ("bases", "lat", 24, 46),
        ("bases", "lon", 122, 146),
    ],
)
def test_value_ranges(table, column, low, high):
    values = ad.load(table)[column].dropna()
    assert values.between(low, high).all()


def test_share_of_gdp_is_percent_not_fraction():
    usa = ad.load("defense_spending").query("country_iso3 == 'USA'")
    assert usa["share_of_gdp_pct"].median() > 2  # a fraction would be below 1


def test_events_dates_span_1945_to_2026_and_count():
    events = ad.load("events")
    assert len(events) >= 60
    assert events["date"].dt.year.between(1945, 2026).all()


def test_regenerating_gives_byte_identical_files():
    result = subprocess.run(
        [sys.executable, "-m", "etl", "--check"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
