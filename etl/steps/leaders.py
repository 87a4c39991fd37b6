"""Japanese prime ministers and U.S. presidents whose terms fall in 1945–2026."""

import pandas as pd

from etl.common import read_curated

OFFICES = {"JPN": "prime_minister", "USA": "president"}


def build() -> pd.DataFrame:
    leaders = read_curated("leaders.csv")
    assert (leaders["country_iso3"].map(OFFICES) == leaders["office"]).all()
    start = pd.to_datetime(leaders["term_start"], format="%Y-%m-%d")
    end = pd.to_datetime(leaders["term_end"].replace("", None), format="%Y-%m-%d")
    assert (end.isna() | (end >= start)).all(), "a term ends before it starts"
    leaders = leaders.assign(_start=start).sort_values(["country_iso3", "_start"])
    for _, terms in leaders.groupby("country_iso3"):
        starts = pd.to_datetime(terms["term_start"])
        ends = pd.to_datetime(terms["term_end"].replace("", None))
        assert (starts.iloc[1:].to_numpy() >= ends.iloc[:-1].to_numpy()).all(), "terms overlap"
        assert ends.isna().sum() == 1, "exactly one incumbent per country"
    return leaders.drop(columns="_start").reset_index(drop=True)
