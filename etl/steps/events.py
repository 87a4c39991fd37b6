"""Dated events of the alliance, 1945–2026, each summarised in the project's own words."""

import pandas as pd

from etl.common import assert_unique, read_curated

PRECISIONS = {"day", "month", "year"}
CATEGORIES = {
    "treaty",
    "agreement",
    "guidelines",
    "protest",
    "crisis",
    "base",
    "operation",
    "exercise",
    "summit",
    "legislation",
    "disaster",
    "policy",
    "reversion",
    "occupation",
    "incident",
    "election",
}


def build() -> pd.DataFrame:
    events = read_curated("events.csv")
    events["date"] = pd.to_datetime(events["date"], format="%Y-%m-%d")
    assert events["date_precision"].isin(PRECISIONS).all()
    assert events["category"].isin(CATEGORIES).all(), set(events["category"]) - CATEGORIES
    assert events["date"].dt.year.between(1945, 2026).all()
    coarse = events["date_precision"] != "day"
    assert (events.loc[coarse, "date"].dt.day == 1).all(), "month/year precision uses day 1"
    assert (events["summary"].str.len() > 20).all() and (events["source_id"] != "").all()
    assert len(events) >= 60
    assert_unique(events, ["date", "title"], "events")
    events["date"] = events["date"].dt.strftime("%Y-%m-%d")
    return events.sort_values(["date", "title"], ignore_index=True)
