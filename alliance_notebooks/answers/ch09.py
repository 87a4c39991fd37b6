"""Chapter 9, Explorer."""

import alliance_data as ad
from alliance_notebooks.answers import answer


@answer(
    "09.1",
    rule="int",
    expects="a year",
    hint="Pivot troops with index='year', columns='country_iso3', values='personnel', keep the "
    "years after 1960 with .loc[1961:], then the rows where the JPN column is greater than the "
    "DEU column, and take the smallest index.",
)
def first_year_japan_ahead_of_germany():
    troops = ad.load("troops")
    japan = troops[troops["country_iso3"] == "JPN"].set_index("year")["personnel"]
    germany = troops[troops["country_iso3"] == "DEU"].set_index("year")["personnel"]
    both = japan.to_frame("JPN").join(germany.rename("DEU"), how="inner")
    return int(both[(both.index > 1960) & (both["JPN"] > both["DEU"])].index.min())


@answer(
    "09.2",
    rule="text",
    expects="an ISO3 supplier code",
    hint="Group arms_transfers by supplier_iso3, sum tiv_m, drop the 'USA' label and use idxmax().",
)
def largest_supplier_after_the_us():
    arms = ad.load("arms_transfers")
    return arms[arms["supplier_iso3"] != "USA"].groupby("supplier_iso3")["tiv_m"].sum().idxmax()


@answer(
    "09.3",
    rule="text",
    expects="an ISO3 country code",
    hint="Keep Pew's favorable_view_of_us rows, pivot to one column per year, subtract the "
    "2016 column from the 2017 column, dropna() and use idxmin().",
)
def largest_fall_2016_2017():
    opinion = ad.load("opinion")
    pew = opinion[
        opinion["survey"].str.startswith("Pew") & opinion["measure"].eq("favorable_view_of_us")
    ]
    by_year = pew.set_index(["country_iso3", "year"])["value_pct"].unstack()
    return (by_year[2017] - by_year[2016]).dropna().idxmin()
