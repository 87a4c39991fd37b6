"""Chapter 7, Trade and arms."""

import alliance_data as ad
from alliance_notebooks.answers import answer


@answer(
    "07.1",
    rule="float:1",
    expects="the U.S. share of TIV delivered to Japan in 1976–1991, in percent to one decimal",
    hint="Keep rows with year.between(1976, 1991); divide the tiv_m sum of the rows where "
    "supplier_iso3 == 'USA' by the tiv_m sum of all rows, times 100.",
)
def us_share_1976_1991():
    arms = ad.load("arms_transfers")
    rows = arms[arms["year"].between(1976, 1991)]
    return 100 * rows.loc[rows["supplier_iso3"] == "USA", "tiv_m"].sum() / rows["tiv_m"].sum()


@answer(
    "07.2",
    rule="int",
    expects="the number of years from 1952 to 2021 in which non-U.S. suppliers delivered at "
    "least 12 percent of the TIV",
    hint="pivot_table(index='year', columns='supplier_iso3', values='tiv_m', aggfunc='sum', "
    "fill_value=0), then 100 * (1 - USA / row total); compare with >= 12 and .sum().",
)
def years_with_large_non_us_share():
    arms = ad.load("arms_transfers")
    rows = arms[arms["year"].between(1952, 2021)]
    total = rows.groupby("year")["tiv_m"].sum()
    us = rows[rows["supplier_iso3"] == "USA"].groupby("year")["tiv_m"].sum()
    non_us = 100 * (1 - us.reindex(total.index, fill_value=0) / total)
    return int((non_us >= 12).sum())


@answer(
    "07.3",
    rule="int",
    expects="the year whose recomputed balance differs most from the published one",
    hint="dropna on both the exports and imports columns, subtract, compare with "
    "us_balance_usd_bn, and use .abs().idxmax() on the difference to find the row.",
)
def year_of_largest_balance_difference():
    trade = ad.load("trade").dropna(
        subset=["us_exports_to_japan_usd_bn", "us_imports_from_japan_usd_bn"]
    )
    recomputed = trade["us_exports_to_japan_usd_bn"] - trade["us_imports_from_japan_usd_bn"]
    difference = (recomputed - trade["us_balance_usd_bn"]).round(2).abs()
    return int(trade.loc[difference.idxmax(), "year"])
