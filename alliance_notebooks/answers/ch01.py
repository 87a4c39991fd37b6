"""Chapter 1, Origins."""

import pandas as pd

import alliance_data as ad
from alliance_notebooks.answers import answer


@answer(
    "01.1",
    rule="name",
    expects="a prime minister's name, as in the leaders table",
    hint="Filter events with .dt.year.between(1945, 1960) and date_precision != 'day', attach "
    "each row's prime minister with pd.merge_asof(..., left_on='date', right_on='term_start'), "
    "then value_counts() the names.",
)
def prime_minister_with_most_loosely_dated_events():
    events = ad.load("events")
    loose = events[events["date"].dt.year.between(1945, 1960) & events["date_precision"].ne("day")]
    leaders = ad.load("leaders")
    japan = leaders[leaders["country_iso3"] == "JPN"]
    names = []
    for when in loose["date"]:
        serving = japan[(japan["term_start"] <= when) & (japan["term_end"] > when)]
        names.append(serving["name"].iloc[0] if len(serving) else "(no one listed)")
    return pd.Series(names).value_counts().index[0]


@answer(
    "01.2",
    rule="int",
    expects="the year of the report in which Okinawa's share was highest",
    hint="Drop the flagged years with ~frame['year'].isin(...), pivot to one column per area, "
    "divide the okinawa column by the row sum (sum(axis=1)) and take idxmax().",
)
def year_of_highest_okinawa_share():
    areas = ad.load("troops_japan_by_area")
    distorted = areas.loc[areas["flag"].eq("split_distorted"), "year"]
    kept = areas[~areas["year"].isin(distorted)]
    totals = kept.groupby("year")["personnel"].sum()
    okinawa = kept[kept["area"] == "okinawa"].set_index("year")["personnel"]
    return int((okinawa / totals).round(3).idxmax())


@answer(
    "01.3",
    rule="int",
    expects="a count of treaty provisions",
    hint="merge() the provisions with sources[['source_id', 'source_quality']] on source_id, "
    "then count the rows where source_quality == 'other_web'.",
)
def provisions_resting_on_other_web_pages():
    quality = ad.load("sources").set_index("source_id")["source_quality"]
    provisions = ad.load("treaty_provisions")
    return int(provisions["source_id"].map(quality).eq("other_web").sum())
