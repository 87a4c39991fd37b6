"""The 1951 and 1960 security treaties, provision by provision."""

import pandas as pd

from etl.common import read_curated


def build() -> pd.DataFrame:
    provisions = read_curated("treaty_provisions.csv")
    for needed in ["defen", "prior consultation", "disturbance", "term"]:
        assert provisions["provision"].str.lower().str.contains(needed).any(), needed
    return provisions
