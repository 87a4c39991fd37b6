"""Every source the tables cite, from the curated fragments, graded and screened."""

import re

import pandas as pd

from etl.common import read_curated
from etl.paths import CURATED

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


def build() -> pd.DataFrame:
    fragments = [read_curated(p.name) for p in sorted(CURATED.glob("sources_*.csv"))]
    sources = pd.concat(fragments, ignore_index=True).fillna("")
    assert (sources["accessed"].str.match(r"^\d{4}-\d{2}-\d{2}$")).all()
    banned = sources[sources["url"].str.lower().str.contains(EXCLUDED)]
    assert banned.empty, f"excluded kinds of site cited: {banned['source_id'].tolist()}"
    return sources.sort_values("source_id", ignore_index=True)
