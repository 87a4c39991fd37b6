"""Japan's dispatches and contributions alongside U.S. and UN operations."""

import pandas as pd

from etl.common import read_curated


def build() -> pd.DataFrame:
    missions = read_curated("overseas_missions.csv")
    for column in ["start", "end"]:
        pd.to_datetime(missions[column].replace("", None), format="%Y-%m-%d")  # validates
    money = missions["amount_usd_bn"] != ""
    assert (missions.loc[money, "kind"] == "financial").all()
    return missions.sort_values(["start", "name"], ignore_index=True)
