"""Chapter 5, Japan's widening role."""

import pandas as pd

import alliance_data as ad
from alliance_notebooks.answers import answer


@answer(
    "05.1",
    rule="float:1",
    expects="a length in years, to one decimal",
    hint="Keep rows with end.notna() and kind != 'financial', subtract the start from the end "
    "column, take .dt.days / 365.25 and look at max().",
)
def longest_closed_mission_years():
    missions = ad.load("overseas_missions")
    closed = missions[missions["end"].notna() & missions["kind"].ne("financial")]
    return ((closed["end"] - closed["start"]).dt.days / 365.25).max()


@answer(
    "05.2",
    rule="float:1",
    expects="the naive total of amount_usd_bn over every Gulf War row, in US$ bn",
    hint="Filter with query(\"kind == 'financial'\") and sum() the amount_usd_bn column, "
    "repeats included: the exercise is about why that total is wrong.",
)
def naive_gulf_war_total():
    missions = ad.load("overseas_missions")
    return float(missions.loc[missions["kind"] == "financial", "amount_usd_bn"].sum())


@answer(
    "05.3",
    rule="name",
    expects="a prime minister's name, as in the leaders table",
    hint="Filter the events by year and category with isin(), attach each event's prime "
    "minister with pd.merge_asof(..., left_on='date', right_on='term_start'), then "
    "value_counts() the names.",
)
def prime_minister_with_most_rule_changes():
    events = ad.load("events")
    rules = events[
        events["date"].dt.year.between(1990, 2011)
        & events["category"].isin(["legislation", "policy", "guidelines"])
    ]
    leaders = ad.load("leaders")
    japan = leaders[leaders["country_iso3"] == "JPN"]
    names = []
    for when in rules["date"]:
        serving = japan[(japan["term_start"] <= when) & (japan["term_end"] > when)]
        names.append(serving["name"].iloc[-1] if len(serving) else "(no one listed)")
    return pd.Series(names).value_counts().index[0]


@answer(
    "05.4",
    rule="int",
    expects="a year",
    hint="pivot() the two countries into columns, subtract Japan's column from Germany's, then "
    "take diff() of the gap and idxmin().",
)
def year_gap_to_germany_narrowed_most():
    spending = ad.load("defense_spending")
    rows = spending[spending["year"].between(2012, 2024)]
    share = {
        code: rows[rows["country_iso3"] == code].set_index("year")["share_of_gdp_pct"]
        for code in ("DEU", "JPN")
    }
    return int((share["DEU"] - share["JPN"]).diff().idxmin())
