"""The 1951 and 1960 security treaties, provision by provision."""

import pandas as pd

from etl.common import assert_unique, read_curated

CHANGES = {"added", "removed", "revised", "unchanged"}


def build() -> pd.DataFrame:
    provisions = read_curated("treaty_provisions.csv")
    assert provisions["change"].isin(CHANGES).all(), set(provisions["change"]) - CHANGES
    assert_unique(provisions, ["provision"], "treaty_provisions")
    for needed in ["defen", "prior consultation", "disturbance", "term"]:
        assert provisions["provision"].str.lower().str.contains(needed).any(), needed
    return provisions
