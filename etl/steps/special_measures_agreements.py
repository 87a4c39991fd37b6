"""Japan–U.S. Special Measures Agreements on host-nation support, one row per agreement."""

import pandas as pd

from etl.common import read_reference

COLUMNS = [
    "agreement",
    "signed",
    "entered_into_force",
    "fiscal_year_start",
    "fiscal_year_end",
    "total_jpy_100m",
    "note",
    "source_id",
]


def build() -> pd.DataFrame:
    sma = read_reference("cost_sharing/special_measures_agreements.csv")
    for column in ["signed", "entered_into_force"]:
        dates = pd.to_datetime(sma[column], format="%Y-%m-%d")
        sma[column] = dates.dt.strftime("%Y-%m-%d")
    for column in ["fiscal_year_end", "total_jpy_100m"]:
        sma[column] = sma[column].astype("Int64")
    sma = sma[COLUMNS].sort_values("fiscal_year_start", ignore_index=True)
    both = sma.dropna(subset=["signed", "entered_into_force"])
    assert (both["signed"] < both["entered_into_force"]).all(), "signed after entry into force"
    signed_year = pd.to_datetime(sma["signed"]).dt.year
    assert ((signed_year.isna()) | (signed_year <= sma["fiscal_year_start"])).all()
    ends = sma["fiscal_year_end"].dropna()
    assert (ends >= sma.loc[ends.index, "fiscal_year_start"]).all()
    return sma
