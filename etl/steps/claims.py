"""Quantitative and dated claims in the five seed documents, checked against evidence.

Verdict rule for numeric claims (claimed_value and both evidence bounds present):
``consistent`` needs evidence_low <= claimed_value <= evidence_high; a claim outside the
tolerance band around the bounds (1 for years, otherwise 25% of the claimed value) must be
``conflicting``. ``approximate`` therefore means near but outside the bounds, or inside them
with a caveat of scope; ``conflicting`` may also mark a wrong definition within the bounds.
"""

import pandas as pd

from etl.common import read_curated, read_reference
from etl.steps import bases, events, opinion, trade

SEEDS = {
    "wikipedia_extract": "wikipedia_us_japan_alliance",
    "wikipedia_article": "wikipedia_us_japan_alliance",
    "explainer": "explainer_us_japan_alliance",
    "cfr_spun_copy": "cfr_us_japan_security_alliance",
    "dod_news_2020": "dod_news_2020_vergun",
}
NUMBERS = ["claimed_value", "evidence_low", "evidence_high"]
# Text columns whose {placeholders} are filled with figures computed from the built tables.
FILLED = ["evidence_value", "evidence_low", "evidence_high", "explanation"]


def event_date(table: pd.DataFrame, title: str) -> str:
    (date,) = table.loc[table["title"] == title, "date"]
    return date


def figures() -> dict[str, str]:
    """The numbers the claims quote, read from the tables they quote them from."""
    source = read_reference("bases/japan_us_bases_vine_troopdata.csv")
    site = bases.build()
    in_box = bases.in_okinawa(source["lat"], source["lon"])
    checks = read_reference("bases/facility_checks.csv")
    dropped = checks.loc[checks["action"] == "drop", "name"]
    assert len(dropped) == len(source) - len(site)
    ev = events.build()
    in_force = event_date(ev, "Security Treaty enters into force")
    replaced = event_date(ev, "1960 treaty enters into force")
    years = (pd.Timestamp(replaced) - pd.Timestamp(in_force)).days / 365.25
    polls = opinion.build()
    jpn = polls[polls["country_iso3"] == "JPN"]
    other = jpn[(jpn["value_pct"] == 73.4) & (jpn["year"] != 2007)]
    assert len(other) == 1, other
    (pew_2007,) = jpn.loc[
        (jpn["measure"] == "favorable_view_of_us") & (jpn["year"] == 2007), "value_pct"
    ]
    return {
        "vine_rows": str(len(source)),
        "bases_rows": str(len(site)),
        "duplicates": str(len(source) - len(site)),
        "dropped_names": "; ".join(f"'{name}'" for name in sorted(dropped)),
        "okinawa_source_rows": str(int(in_box.sum())),
        "outside_okinawa_source_rows": str(int((~in_box).sum())),
        "okinawa_rows": str(int(site["okinawa"].sum())),
        "okinawa_source_share": f"{100 * in_box.mean():.1f}",
        "okinawa_share": f"{100 * site['okinawa'].mean():.1f}",
        "treaty_1951_in_force": in_force,
        "treaty_1951_replaced": replaced,
        "treaty_1951_years": f"{years:.1f}",
        "treaty_1960_signed": event_date(ev, "Treaty of Mutual Cooperation and Security signed"),
        "trade_first_year": str(trade.build()["year"].min()),
        "other_73_4": (
            f"the {other['survey'].iloc[0]} {other['year'].iloc[0]} value for "
            f"{other['measure'].iloc[0]} ({other['source_id'].iloc[0]})"
        ),
        "pew_2007": f"{pew_2007:g}",
    }


def fill(claims: pd.DataFrame) -> pd.DataFrame:
    """Put the computed figures into the claims' text; every placeholder must be known."""
    numbers = figures()
    for column in FILLED:
        claims[column] = [text.format_map(numbers) for text in claims[column]]
        assert not claims[column].str.contains("[{}]", regex=True).any(), column
    return claims


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
    claims = fill(read_curated("claims.csv"))
    for column in NUMBERS:
        claims[column] = pd.to_numeric(claims[column].replace("", None))
    check(claims)
    troops_mid_1950s = claims[claims["claimed_value"] == 260000]
    assert (troops_mid_1950s["verdict"] == "conflicting").all()
    vine = claims.set_index("claim_id").loc["C017"]
    assert vine["evidence_low"] == len(bases.build()), "C017 quotes the bases table's row count"
    return claims
