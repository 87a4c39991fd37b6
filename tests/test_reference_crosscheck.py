"""Cross-checks against ../shared/reference when it is present (skipped visibly when not)."""

import hashlib

import pandas as pd
import yaml

import alliance_data as ad
from etl.paths import REFERENCE


def test_snapshots_match_the_reference_files(shared_reference):
    from etl.snapshot import snapshot_file

    record = yaml.safe_load((REFERENCE / "PROVENANCE.yml").read_text(encoding="utf-8"))
    for rel, entry in record["files"].items():
        assert (shared_reference / entry["from"]).exists(), entry["from"]
        digest = hashlib.sha256((REFERENCE / rel).read_bytes()).hexdigest()
        assert digest == entry["sha256"], f"{rel} changed since its provenance was recorded"
    # Re-creating one subset snapshot from the reference gives the same bytes.
    entry = record["files"]["troops/dmdc_reports_comparison_hosts.csv"]
    original = (REFERENCE / "troops/dmdc_reports_comparison_hosts.csv").read_bytes()
    try:
        snapshot_file("troops/dmdc_reports_comparison_hosts.csv", entry)
        assert (REFERENCE / "troops/dmdc_reports_comparison_hosts.csv").read_bytes() == original
    finally:
        (REFERENCE / "troops/dmdc_reports_comparison_hosts.csv").write_bytes(original)


def test_japan_troops_equal_the_report_totals(shared_reference):
    tidy = pd.read_csv(shared_reference / "troops/japan_us_troops_tidy_1950_2025.csv")
    reports = tidy.dropna(subset=["report_total"]).set_index("year")["report_total"]
    ours = ad.load("troops").query("country_iso3 == 'JPN' and source_id == 'dmdc_troop_reports'")
    ours = ours.set_index("year")["personnel"]
    expected = reports.loc[ours.index.astype(int)].astype(int)
    assert ours.tolist() == expected.tolist()


def test_milex_matches_sipri_workbook_extract(shared_reference):
    sipri = pd.read_csv(shared_reference / "spending/sipri_milex_all_countries_long.csv")
    japan = sipri[sipri["country"] == "Japan"].set_index("year")
    ours = ad.load("defense_spending").query("country_iso3 == 'JPN'").set_index("year")
    common = ours.index.intersection(japan.index)
    assert len(common) > 70
    ours_share = ours.loc[common, "share_of_gdp_pct"].to_numpy()
    sipri_share = (japan.loc[common, "share_of_gdp"] * 100).to_numpy()
    assert abs(ours_share - sipri_share).max() < 1e-12


def test_arms_total_matches_raw_sipri_table(shared_reference):
    raw = pd.read_csv(
        shared_reference / "arms/TIV-Export-USA-1950-2021.csv",
        skiprows=10,
        index_col=0,
        on_bad_lines="skip",
    )
    japan_total = float(raw.loc["Japan", "Total"])
    ours = ad.load("arms_transfers").query("supplier_iso3 == 'USA'")["tiv_m"].sum()
    assert abs(ours - japan_total) <= 2  # rounding in SIPRI's per-year values
