"""Quantitative and dated claims in the five seed documents, checked against evidence."""

import pandas as pd

from etl.common import assert_unique, read_curated

VERDICTS = {"consistent", "approximate", "conflicting", "unverifiable"}
SEEDS = {
    "000_434679e1fe45a5cc.txt",
    "001_e0214d9d83e9b934.txt",
    "002_8c2fdfcf7161e2d3.txt",
    "003_ff174e8760ddc370.txt",
    "004_5bab2df1f18053ac.txt",
}


def build() -> pd.DataFrame:
    claims = read_curated("claims.csv")
    assert claims["verdict"].isin(VERDICTS).all()
    assert claims["seed"].isin(SEEDS).all()
    assert set(claims["seed"]) == SEEDS, "every seed document has at least one claim"
    assert_unique(claims, ["claim_id"], "claims")
    troops_mid_1950s = claims[claims["claimed_value"] == "260000"]
    assert (troops_mid_1950s["verdict"] == "conflicting").all()
    return claims
