"""Chapter 2, U.S. forces in Japan."""

import alliance_data as ad
from alliance_notebooks.answers import answer


@answer(
    "02.1",
    rule="float:1",
    expects="the mainland's percentage change from 1958 to 1972, to 1 decimal (negative for a "
    "fall)",
    hint="Pivot the area table with index='year', columns='area', values='personnel', then "
    "compute 100 * (row_1972 / row_1958 - 1) for the mainland column.",
)
def mainland_change_1958_1972():
    areas = ad.load("troops_japan_by_area")
    mainland = areas[areas["area"] == "mainland"].set_index("year")["personnel"]
    return 100 * (mainland[1972] / mainland[1958] - 1)


@answer(
    "02.2",
    rule="float:0",
    expects="the mean Japan personnel for 2003–2017 without the flagged years, to the nearest "
    "person",
    hint="Select Japan's rows with .between(2003, 2017), keep those where flag.isna(), then "
    "take personnel.mean().",
)
def unflagged_mean_2003_2017():
    troops = ad.load("troops")
    rows = troops[troops["country_iso3"].eq("JPN") & troops["year"].between(2003, 2017)]
    return rows.loc[rows["flag"].isna(), "personnel"].mean()


@answer(
    "02.3",
    rule="int",
    expects="the number of years from 1991 to 2024 in which Japan hosted more U.S. personnel "
    "than every other host",
    hint="After pivoting, compare the JPN column with .drop(columns='JPN').max(axis=1) and "
    ".sum() the True values.",
)
def years_japan_first():
    troops = ad.load("troops")
    rows = troops[troops["year"].between(1991, 2024)]
    japan = rows[rows["country_iso3"] == "JPN"].set_index("year")["personnel"]
    others = rows[rows["country_iso3"] != "JPN"].groupby("year")["personnel"].max()
    return int(sum(japan[year] > others.get(year, 0) for year in japan.index))
