"""U.S. goods trade with Japan in USD billions, as found in published figures (gaps stay gaps)."""

import pandas as pd

from etl.common import assert_between, assert_unique, read_reference, web_source_id

RENAME = {
    "year": "year",
    "us_exports_to_japan": "us_exports_to_japan_usd_bn",
    "us_imports_from_japan": "us_imports_from_japan_usd_bn",
    "us_balance_with_japan": "us_balance_usd_bn",
    "measure_basis": "basis",
    "reporter": "reporter",
    "note": "note",
}
CAVEATS = [
    "One transcribed row (Japan MOF, 2024) is in JPY trillion; it is left out rather than "
    "converted with an exchange rate the sources do not give.",
]


def build() -> pd.DataFrame:
    raw = read_reference("trade/us_japan_goods_trade_transcribed.csv")
    usd = raw[raw["unit"] == "USD bn"]
    assert len(raw) - len(usd) == 1, "exactly one non-USD row is expected"
    trade = usd.rename(columns=RENAME)[list(RENAME.values())]
    trade["derived"] = usd["derived"].astype(bool)
    trade["note"] = trade["note"].fillna("")
    trade["source_id"] = [web_source_id("trade", u) for u in usd["source_url"]]
    trade = trade.sort_values(["year", "reporter", "basis"], ignore_index=True)
    assert_unique(trade, ["year", "reporter", "basis"], "trade")
    assert_between(trade["year"], 1980, 2024, "trade")
    assert (trade["us_balance_usd_bn"].dropna() < 0).all(), "U.S. balance with Japan is a deficit"
    both = trade.dropna(
        subset=["us_exports_to_japan_usd_bn", "us_imports_from_japan_usd_bn", "us_balance_usd_bn"]
    )
    gap = (
        both.us_exports_to_japan_usd_bn - both.us_imports_from_japan_usd_bn - both.us_balance_usd_bn
    )
    assert (gap.abs() < 1.0).all(), "balance must equal exports minus imports (to rounding)"
    return trade
