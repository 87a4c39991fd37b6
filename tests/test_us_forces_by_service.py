"""us_forces_by_service: values as the DMDC reports give them, and agreement with troops."""

import csv
import hashlib
from pathlib import Path

import pandas as pd
import pytest
import yaml

import alliance_data as ad
from etl.paths import REFERENCE

FACTS = Path(__file__).parent / "facts" / "us_forces_by_service.csv"
KEY = ["country_iso3", "year", "month", "service", "category"]
SHARED_COLUMNS = {
    "army_ad": ("army", "active_duty"),
    "navy_ad": ("navy", "active_duty"),
    "marine_corps_ad": ("marine_corps", "active_duty"),
    "air_force_ad": ("air_force", "active_duty"),
    "space_force_ad": ("space_force", "active_duty"),
    "coast_guard_ad": ("coast_guard", "active_duty"),
    "total_selected_reserve": ("all", "selected_reserve"),
    "total_civilian": ("all", "civilian"),
}


def personnel() -> pd.Series:
    forces = ad.load("us_forces_by_service")
    return forces.set_index(KEY)["personnel"].astype(int)


def test_facts_read_from_the_reports():
    table = personnel()
    facts = list(csv.DictReader(FACTS.open(encoding="utf-8")))
    assert len(facts) >= 10
    for fact in facts:
        key = tuple(int(fact[k]) if k == "year" else fact[k] for k in KEY)
        assert table[key] == int(fact["personnel"]), fact["read_from"]


def test_japan_rows_equal_the_shared_dmdc_extract(shared_reference):
    extract = pd.read_csv(shared_reference / "troops/japan_dmdc_quarterly_2008_2025.csv")
    long = extract.melt(["year", "month"], list(SHARED_COLUMNS), value_name="personnel").dropna()
    long[["service", "category"]] = long["variable"].map(SHARED_COLUMNS).tolist()
    expected = long.assign(country_iso3="JPN").set_index(KEY)["personnel"].astype(int)
    ours = personnel().loc["JPN"]
    assert ours.sort_index().to_dict() == expected.loc["JPN"].sort_index().to_dict()


def test_september_active_duty_equals_the_troops_table():
    forces = ad.load("us_forces_by_service").query("category == 'active_duty'")
    sums = forces.groupby(["country_iso3", "year", "month"])["personnel"].sum()
    troops = ad.load("troops").query("year >= 2008 and report_month == 'September'")
    compared = 0
    for row in troops.itertuples():
        assert sums[(row.country_iso3, row.year, "September")] == row.personnel, row
        compared += 1
    assert compared >= 6 * 16


def test_raw_report_rows_are_used_not_the_derived_quarterly_file():
    forces = ad.load("us_forces_by_service").query("category == 'active_duty'")
    japan = forces.query("country_iso3 == 'JPN'")
    assert (japan.query("service == 'navy'")["personnel"] > 10_000).all()  # never 0
    totals = japan.groupby(["year", "month"])["personnel"].sum()
    for year in range(2014, 2022):  # June is not doubled
        neighbours = max(totals[(year, "March")], totals[(year, "September")])
        assert totals[(year, "June")] < 1.2 * neighbours, year


def test_known_problems_are_flagged():
    forces = ad.load("us_forces_by_service").set_index(KEY)
    assert forces.loc[("JPN", 2015, "December", "navy", "active_duty"), "flag"] == (
        "outlier_report"
    )
    assert forces.loc[("JPN", 2016, "September", "navy", "active_duty"), "flag"] == "reported_dip"
    june = forces.xs(("June", "all", "civilian"), level=["month", "service", "category"])
    assert (june.loc[("JPN", slice(2014, 2018)), "flag"] == "june_civilian_low").all()
    assert june.loc[("JPN", 2019), "flag"] is pd.NA
    assert set(ad.load("us_forces_by_service")["flag"].dropna()) <= set(
        ad.labels("us_forces_by_service", "flag")
    )


def test_snapshot_matches_its_provenance():
    record = yaml.safe_load((REFERENCE / "PROVENANCE.yml").read_text(encoding="utf-8"))
    rel = "troops/dmdc_location_reports_2008_2025.csv"
    digest = hashlib.sha256((REFERENCE / rel).read_bytes()).hexdigest()
    assert digest == record["fetched"][rel]["sha256"]


@pytest.mark.parametrize("host", ["JPN", "DEU", "KOR"])
def test_every_report_of_2008_to_2025_is_present(host):
    reports = ad.load("us_forces_by_service").query("country_iso3 == @host")
    assert reports[["year", "month"]].drop_duplicates().shape[0] == 52
