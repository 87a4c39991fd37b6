"""Japan's Host Nation Support (omoiyari yosan) by fiscal year, and the SMA totals."""

import pandas as pd

from etl.common import assert_between, read_reference, web_source_id

RELIABILITY = ["high", "medium", "low"]


def build() -> pd.DataFrame:
    raw = read_reference(
        "cost_sharing/japan_host_nation_support_transcribed.csv", dtype={"fiscal_year": str}
    )
    span = raw["fiscal_year"].str.split("-", expand=True)
    hns = pd.DataFrame(
        {
            "fiscal_year": span[0].astype(int),
            "fiscal_year_end": span[1].fillna(span[0]).astype(int),
            "amount_jpy_100m": raw["amount_100m_yen"].astype(float),
            "period": span[1].isna().map({True: "annual", False: "agreement_total"}),
            "basis": raw["basis"],
            "scope": raw["scope"],
            "reliability": raw["reliability"],
            "note": raw["note"].fillna(""),
            "source_id": [web_source_id("hns", u) for u in raw["source_url"]],
        }
    )
    # Unit check: the transcribed yen amount is 1e8 times the 100-million-yen amount.
    assert (raw["amount_yen"] == raw["amount_100m_yen"] * 100_000_000).all()
    assert hns["reliability"].isin(RELIABILITY).all()
    assert_between(hns["fiscal_year"], 1978, 2026, "host_nation_support")
    annual = hns[hns["period"] == "annual"]
    assert_between(annual["amount_jpy_100m"], 50, 3000, "host_nation_support")
    # Conflicting values for the same year are kept, each with its own source.
    return hns.sort_values(["fiscal_year", "period", "amount_jpy_100m"], ignore_index=True)
