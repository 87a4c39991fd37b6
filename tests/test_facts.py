"""Facts from the seed documents and the reference notes that the tables must reproduce."""

import pandas as pd
import pytest

import alliance_data as ad


def event_dates(title_fragment: str) -> set[str]:
    events = ad.load("events")
    hits = events[events["title"].str.contains(title_fragment, case=False, regex=False)]
    return set(hits["date"].dt.strftime("%Y-%m-%d"))


@pytest.mark.parametrize(
    ("title", "date"),
    [
        ("Security Treaty signed", "1951-09-08"),
        ("Security Treaty enters into force", "1952-04-28"),
        ("Bloody May Day", "1952-05-01"),
        ("Treaty of Mutual Cooperation and Security signed", "1960-01-19"),
        ("Status of Forces Agreement enters into force", "1960-06-23"),
        ("Bonin Islands returned", "1968-06-26"),
        ("Okinawa reverts", "1972-05-15"),
        ("Revised Defense Cooperation Guidelines", "1997-09-23"),
        ("2015 Defense Cooperation Guidelines", "2015-04-27"),
        ("Great East Japan Earthquake", "2011-03-11"),
        ("Tokyo 2+2", "2024-07-28"),
        ("Security legislation enacted", "2015-09-19"),
        ("Counterstrike capability", "2022-12-16"),
    ],
)
def test_event_dates(title, date):
    assert date in event_dates(title)


def japan_troops() -> pd.Series:
    return ad.load("troops").query("country_iso3 == 'JPN'").set_index("year")["personnel"]


def test_troops_match_dod_reports():
    troops = japan_troops()
    assert troops[1953] == 209_451 and troops[1955] == 190_294 and troops[1970] == 82_264
    assert troops[2021] == 56_010 and troops[2025] == 53_490


def test_no_report_reaches_the_seed_figure_of_260000_in_the_mid_1950s():
    assert japan_troops().loc[1953:1957].max() < 260_000


def test_interpolated_years_are_gaps_and_errors_are_flagged():
    troops = ad.load("troops").query("country_iso3 == 'JPN'").set_index("year")
    assert 1951 not in troops.index and 1952 not in troops.index
    assert troops.loc[2003, "flag"] == "compilation_value"
    assert troops.loc[2016, "flag"] == "reported_dip"
    assert troops.loc[2008, "personnel"] != 79_296  # the rebuild's double count is not used


def test_okinawa_split_before_reversion():
    split = ad.load("troops_japan_by_area").pivot(index="year", columns="area", values="personnel")
    assert split.loc[1970, "okinawa"] == 44_752 and split.loc[1970, "mainland"] == 37_512
    assert split.loc[1960, "okinawa"] == 37_142


def test_bases_deduplicated_and_fixed():
    bases = ad.load("bases")
    assert len(bases) == 38 and bases["okinawa"].sum() == 13
    assert not bases["name"].str.contains("Camo Kinser").any()
    assert bases.loc[bases["name"] == "Totsuka", "lat"].isna().all()
    akizuki = bases[bases["name"].str.contains("Akizuki")]
    assert len(akizuki) == 1 and akizuki["prefecture"].iloc[0] == "Hiroshima"
    assert "as_in_source" not in set(bases["coordinate_quality"])


def test_defense_spending_facts():
    jpn = ad.load("defense_spending").query("country_iso3 == 'JPN'").set_index("year")
    assert round(jpn.loc[2024, "share_of_gdp_pct"], 2) == 1.37
    assert round(jpn.loc[2010:2019, "share_of_gdp_pct"].mean(), 2) == 0.95
    assert jpn.loc[2024, "milex_usd_m_constant"] > jpn.loc[2022, "milex_usd_m_constant"] * 1.3


def test_us_supplies_most_of_japans_arms():
    arms = ad.load("arms_transfers")
    share = arms.query("supplier_iso3 == 'USA'")["tiv_m"].sum() / arms["tiv_m"].sum()
    assert round(share * 100, 1) == 95.8


def test_pew_and_cabinet_office_values():
    opinion = ad.load("opinion").query("country_iso3 == 'JPN'")
    pew = opinion.query("measure == 'favorable_view_of_us'").set_index("year")["value_pct"]
    assert pew[2000] == 77 and pew[2011] == 85 and pew[2017] == 57
    affinity = opinion.query("measure == 'affinity_toward_us'").set_index("year")
    assert affinity.loc[2021, "value_pct"] == 88.5 and affinity.loc[2021, "mode"] == "mail"
    poll_2007 = opinion.query("year == 2007 and measure.str.startswith('appreciates')")
    assert poll_2007["value_pct"].tolist() == [73.4]


def test_gulf_war_figures_disagree_and_both_are_kept():
    missions = ad.load("overseas_missions")
    gulf = missions[missions["name"].str.contains("Gulf War")]
    assert {9.0, 13.0} <= set(gulf["amount_usd_bn"])


def test_claims_flag_the_known_contradictions():
    claims = ad.load("claims")
    mid_1950s = claims[claims["claimed_value"] == 260000]
    assert len(mid_1950s) == 2 and (mid_1950s["verdict"] == "conflicting").all()
    assert (mid_1950s["evidence_high"] < 260000).all()
    assert set(claims["verdict"]) == {"consistent", "approximate", "conflicting", "unverifiable"}
    assert claims["seed"].nunique() == 5


def test_host_nation_support_keeps_conflicts_and_grades():
    hns = ad.load("host_nation_support")
    assert len(hns.query("fiscal_year == 2019 and period == 'annual'")) == 2
    assert set(hns["reliability"]) == {"high", "medium", "low"}
    assert set(hns["scope"]) == {"hns_mod", "sma_covered", "stationing_costs_all"}
    smas = ad.load("special_measures_agreements").set_index("fiscal_year_start")
    assert smas.loc[2016, "total_jpy_100m"] == 9465 and smas.loc[2022, "total_jpy_100m"] == 10550


def test_treaty_provisions_cover_the_core_changes():
    provisions = ad.load("treaty_provisions")["provision"].str.lower()
    for topic in ("defend", "prior consultation", "disturbance", "term", "basing"):
        assert provisions.str.contains(topic).any(), topic


def test_leaders_cover_1945_to_2026():
    leaders = ad.load("leaders")
    for iso3 in ("JPN", "USA"):
        terms = leaders[leaders["country_iso3"] == iso3]
        assert terms["term_start"].min() <= pd.Timestamp("1945-01-01")
        assert terms["term_end"].isna().sum() == 1


def test_a_source_on_a_copy_host_is_refused_by_name():
    from etl.common import CopyHostError, refuse_copy_hosts

    copies = pd.DataFrame(
        {
            "source_id": ["original", "repost"],
            "url": ["https://www.mofa.go.jp/x.html", "http://jcp-shizuoka.jp/2019/1223/5435.html"],
        }
    )
    with pytest.raises(CopyHostError, match=r"repost \(jcp-shizuoka\)"):
        refuse_copy_hosts(copies)
    refuse_copy_hosts(copies.iloc[:1])  # the ministry's own page passes


def test_no_packaged_source_cites_a_copy_host():
    from etl.common import copy_host_patterns

    sources = ad.load("sources")
    for pattern in copy_host_patterns():
        assert not sources["url"].str.lower().str.contains(pattern, regex=False).any(), pattern
        assert not sources["publisher"].str.lower().str.contains(pattern, regex=False).any()


def test_claims_quote_the_tables_they_compare_with():
    claims = ad.load("claims").set_index("claim_id")
    bases = ad.load("bases")
    assert claims.loc["C017", "evidence_low"] == len(bases)
    assert claims.loc["C019", "evidence_low"] == bases["okinawa"].sum()
    assert f"{len(bases)} after removing" in claims.loc["C017", "evidence_value"]
    events = ad.load("events").set_index("title")["date"].dt.strftime("%Y-%m-%d")
    for claim in ("C042", "C043"):
        assert events["Security Treaty enters into force"] in claims.loc[claim, "evidence_value"]
        assert events["1960 treaty enters into force"] in claims.loc[claim, "evidence_value"]
    first_trade_year = int(ad.load("trade")["year"].min())
    assert f"begins in {first_trade_year}" in claims.loc["C074", "explanation"]


def test_host_nation_support_bases_are_never_mixed_in_one_year():
    hns = ad.load("host_nation_support").query("scope == 'hns_mod' and reliability != 'low'")
    per_basis = hns.groupby(["fiscal_year", "basis"])["amount_jpy_100m"].nunique()
    assert (per_basis.drop(2019, level=0) == 1).all()  # FY2019: two press figures conflict
    (basis_1999,) = hns.query("fiscal_year == 1999 and source_id == 'japantimes_1999_hns'").basis
    (basis_2000,) = hns.query("fiscal_year == 2000 and source_id == 'japantimes_2000_hns'").basis
    assert basis_1999 == "expenditure" and basis_2000 != "expenditure"
