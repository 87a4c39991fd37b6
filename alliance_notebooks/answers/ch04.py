"""Chapter 4, Burden sharing."""

import alliance_data as ad
from alliance_notebooks.answers import answer


def _japan_spending():
    spending = ad.load("defense_spending")
    return spending[spending["country_iso3"] == "JPN"].set_index("year")


def _mod_budget(fiscal_year: int) -> float:
    hns = ad.load("host_nation_support")
    rows = hns[hns["scope"].eq("hns_mod") & hns["fiscal_year"].eq(fiscal_year)]
    return float(rows["amount_jpy_100m"].iloc[0])


@answer(
    "04.1",
    rule="int",
    expects="the number of distinct fiscal years with at least one high-grade row",
    hint="Filter rows where reliability == 'high', then count distinct values with "
    "['fiscal_year'].nunique() (rows can share a year).",
)
def fiscal_years_with_high_grade_rows():
    hns = ad.load("host_nation_support")
    return len(set(hns.loc[hns["reliability"] == "high", "fiscal_year"]))


@answer(
    "04.2",
    rule="float:2",
    expects="the FY2021 MOD-scope budget in billions of current US dollars, to two decimals",
    hint="amount_jpy_100m is in units of 100 million yen: multiply by 1e8 for yen, divide by "
    "the 2021 yen-per-dollar ratio (milex_local_currency / (milex_usd_m_current * 1e6)), "
    "then by 1e9.",
)
def mod_budget_2021_in_dollars():
    sipri = _japan_spending().loc[2021]
    yen_per_dollar = sipri["milex_local_currency"] / (sipri["milex_usd_m_current"] * 1e6)
    return _mod_budget(2021) * 1e8 / yen_per_dollar / 1e9


@answer(
    "04.3",
    rule="int",
    expects="the number of years from 1960 to 2021 with a share of GDP at or above 1.0 percent",
    hint="Select Japan's rows, slice the years with .loc[1960:2021] on a year index, compare "
    "share_of_gdp_pct >= 1.0 and .sum() the True values.",
)
def years_at_or_above_one_percent():
    share = _japan_spending()["share_of_gdp_pct"]
    return int((share[(share.index >= 1960) & (share.index <= 2021)] >= 1.0).sum())


@answer(
    "04.4",
    rule="float:1",
    expects="the real percentage change of the MOD-scope budget from FY2000 to FY2021, to one "
    "decimal (negative for a fall)",
    hint="Deflate both amounts with the chapter's price index (SIPRI's yen spending divided by "
    "its constant-dollar spending, 2023 = 1), then compute 100 * (real_2021 / real_2000 - 1).",
)
def real_change_2000_2021():
    sipri = _japan_spending()
    prices = sipri["milex_local_currency"] / sipri["milex_usd_m_constant"]
    real = {year: _mod_budget(year) / prices[year] for year in (2000, 2021)}
    return 100 * (real[2021] / real[2000] - 1)
