"""Dated events of the alliance, 1945–2026, each summarised in the project's own words."""

import pandas as pd

from etl.common import read_curated


def build() -> pd.DataFrame:
    events = read_curated("events.csv")
    events["date"] = pd.to_datetime(events["date"], format="%Y-%m-%d")
    coarse = events["date_precision"] != "day"
    assert (events.loc[coarse, "date"].dt.day == 1).all(), "month/year precision uses day 1"
    assert (events["summary"].str.len() > 20).all()
    assert len(events) >= 60
    events["date"] = events["date"].dt.strftime("%Y-%m-%d")
    return events.sort_values(["date", "title"], ignore_index=True)
