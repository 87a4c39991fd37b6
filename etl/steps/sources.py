"""Every source the tables cite: the curated fragments plus the pages behind transcribed rows."""

import re
from urllib.parse import urlparse

import pandas as pd

from etl.common import assert_unique, read_curated, read_reference, web_sources
from etl.paths import CURATED

KINDS = {"primary", "secondary", "compilation"}
QUALITIES = {"official", "scholarly", "press", "other_web"}
TRANSCRIBED = {
    "hns": "cost_sharing/japan_host_nation_support_transcribed.csv",
    "opinion": "opinion/japan_views_of_us_transcribed.csv",
    "trade": "trade/us_japan_goods_trade_transcribed.csv",
}
# Grading of transcribed pages by host: government sites are official, news sites press.
OFFICIAL_HOST = re.compile(r"(\.go\.jp|\.gov|\.mil|\.int)$")
PRESS_HOSTS = (
    "asahi",
    "nikkei",
    "yomiuri",
    "mainichi",
    "sankei",
    "japantimes",
    "nhk",
    "jiji",
    "kyodo",
    "reuters",
    "apnews",
    "bloomberg",
    "ntv",
    "tbs",
    "fnn",
    "jisin",
    "nytimes",
    "washingtonpost",
    "wsj",
    "cnbc",
    "nippon.com",
)
EXCLUDED_HOSTS = (
    "5ch",
    "2ch",
    "2nn.jp",
    "matome",
    "hqproductreviews",
    "eatsip365",
    "visualfoodie",
    "blogspot",
    "hatenablog",
    "fliphtml5",
    "piglix",
    "issuhub",
    "deepbiglib",
    "owiki",
    "liquisearch",
    "hyperlinked.wiki",
    "4vf.net",
    "pachodo",
)

EXCLUDED = "|".join(map(re.escape, EXCLUDED_HOSTS))


def grade_page(url: str) -> str:
    """source_quality of a transcribed page, from its host."""
    host = urlparse(url).netloc.split(":")[0].lower()
    if OFFICIAL_HOST.search(host):
        return "official"
    if any(name in host for name in PRESS_HOSTS):
        return "press"
    return "other_web"


def build() -> pd.DataFrame:
    fragments = [read_curated(p.name) for p in sorted(CURATED.glob("sources_*.csv"))]
    web = [web_sources(read_reference(path), prefix) for prefix, path in TRANSCRIBED.items()]
    web = pd.concat(web).drop_duplicates("source_id")
    web["source_quality"] = web["url"].map(grade_page)
    web = web[~web["url"].str.lower().str.contains(EXCLUDED)]  # no table may cite these
    sources = pd.concat([*fragments, web.astype({"year": "string"})], ignore_index=True)
    sources = sources.fillna("")
    assert sources["kind"].isin(KINDS).all(), set(sources["kind"]) - KINDS
    bad = sources.loc[~sources["source_quality"].isin(QUALITIES), "source_id"]
    assert bad.empty, f"source_quality missing or unknown: {bad.tolist()}"
    assert (sources["accessed"].str.match(r"^\d{4}-\d{2}-\d{2}$")).all()
    assert (sources["licence"] != "").all() and (sources["title"] != "").all()
    banned = sources[sources["url"].str.lower().str.contains(EXCLUDED)]
    assert banned.empty, f"excluded kinds of site cited: {banned['source_id'].tolist()}"
    assert_unique(sources, ["source_id"], "sources")
    return sources.sort_values("source_id", ignore_index=True)
