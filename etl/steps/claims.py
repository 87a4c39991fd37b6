"""Quantitative and dated claims in the five seed documents, checked against evidence.

Verdict rule for numeric claims (claimed_value and both evidence bounds present):
``consistent`` needs evidence_low <= claimed_value <= evidence_high; a claim outside the
tolerance band around the bounds (1 for years, otherwise 25% of the claimed value) must be
``conflicting``. ``approximate`` therefore means near but outside the bounds, or inside them
with a caveat of scope; ``conflicting`` may also mark a wrong definition within the bounds.
"""

import pandas as pd

from etl.common import read_curated

SEEDS = {
    "wikipedia_extract": "wikipedia_us_japan_alliance",
    "wikipedia_article": "wikipedia_us_japan_alliance",
    "explainer": "explainer_us_japan_alliance",
    "cfr_spun_copy": "cfr_us_japan_security_alliance",
    "dod_news_2020": "dod_news_2020_vergun",
}
NUMBERS = ["claimed_value", "evidence_low", "evidence_high"]


def _tolerance(claims: pd.DataFrame) -> pd.Series:
    relative = claims["claimed_value"].abs() * 0.25
    return relative.where(claims["unit"] != "year", 1.0)


def check(claims: pd.DataFrame) -> None:
    """Fail on any row that breaks the table's rules (see module docstring)."""
    assert (claims["seed"].map(SEEDS) == claims["seed_source_id"]).all(), "seed and seed_source_id"
    assert set(claims["seed"]) == set(SEEDS), "every seed document has at least one claim"
    low, high, value = claims["evidence_low"], claims["evidence_high"], claims["claimed_value"]
    assert (low.isna() == high.isna()).all(), "evidence bounds come in pairs"
    assert (low.isna() | (low <= high)).all(), "evidence_low above evidence_high"
    unverifiable = claims["verdict"] == "unverifiable"
    assert low[unverifiable].isna().all(), "unverifiable claims have no evidence bounds"
    needs_bounds = value.notna() & ~unverifiable & (claims["verdict"] != "conflicting")
    assert low[needs_bounds].notna().all(), "numeric claims need evidence bounds"
    bounded = value.notna() & low.notna()
    inside = (low <= value) & (value <= high)
    bad = claims[bounded & (claims["verdict"] == "consistent") & ~inside]
    assert bad.empty, f"consistent but outside the bounds: {bad['claim_id'].tolist()}"
    far = (value < low - _tolerance(claims)) | (value > high + _tolerance(claims))
    bad = claims[bounded & far & (claims["verdict"] != "conflicting")]
    assert bad.empty, f"far outside the bounds but not conflicting: {bad['claim_id'].tolist()}"


def build() -> pd.DataFrame:
    claims = read_curated("claims.csv")
    for column in NUMBERS:
        claims[column] = pd.to_numeric(claims[column].replace("", None))
    check(claims)
    troops_mid_1950s = claims[claims["claimed_value"] == 260000]
    assert (troops_mid_1950s["verdict"] == "conflicting").all()
    return claims
