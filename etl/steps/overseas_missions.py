"""Japan's dispatches and contributions alongside U.S. and UN operations."""

import pandas as pd

from etl.common import assert_unique, read_curated

KINDS = {
    "financial",
    "peacekeeping",
    "maritime_support",
    "reconstruction",
    "airlift",
    "minesweeping",
    "anti_piracy",
    "disaster_relief",
}


def build() -> pd.DataFrame:
    missions = read_curated("overseas_missions.csv")
    assert missions["kind"].isin(KINDS).all(), set(missions["kind"]) - KINDS
    for column in ["start", "end"]:
        pd.to_datetime(missions[column].replace("", None), format="%Y-%m-%d")  # validates
    money = missions["amount_usd_bn"] != ""
    assert (missions.loc[money, "kind"] == "financial").all()
    assert_unique(missions, ["name", "source_id"], "overseas_missions")
    return missions.sort_values(["start", "name"], ignore_index=True)
