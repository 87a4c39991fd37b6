"""Every source the tables cite: the curated fragments plus the pages behind transcribed rows."""

import pandas as pd

from etl.common import assert_unique, read_curated, read_reference, web_sources
from etl.paths import CURATED

KINDS = {"primary", "secondary", "compilation"}
TRANSCRIBED = {
    "hns": "cost_sharing/japan_host_nation_support_transcribed.csv",
    "opinion": "opinion/japan_views_of_us_transcribed.csv",
    "trade": "trade/us_japan_goods_trade_transcribed.csv",
}


def build() -> pd.DataFrame:
    fragments = [read_curated(p.name) for p in sorted(CURATED.glob("sources_*.csv"))]
    web = [web_sources(read_reference(path), prefix) for prefix, path in TRANSCRIBED.items()]
    web = pd.concat(web).drop_duplicates("source_id")
    sources = pd.concat([*fragments, web.astype({"year": "string"})], ignore_index=True)
    sources = sources.fillna("")
    assert sources["kind"].isin(KINDS).all(), set(sources["kind"]) - KINDS
    assert (sources["accessed"].str.match(r"^\d{4}-\d{2}-\d{2}$")).all()
    assert (sources["licence"] != "").all() and (sources["title"] != "").all()
    assert_unique(sources, ["source_id"], "sources")
    return sources.sort_values("source_id", ignore_index=True)
