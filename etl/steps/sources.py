"""Every source the tables cite, from the curated fragments, graded and screened."""

import pandas as pd

from etl.common import read_curated, refuse_copy_hosts
from etl.paths import CURATED


def build() -> pd.DataFrame:
    fragments = [read_curated(p.name) for p in sorted(CURATED.glob("sources_*.csv"))]
    sources = pd.concat(fragments, ignore_index=True).fillna("")
    assert (sources["accessed"].str.match(r"^\d{4}-\d{2}-\d{2}$")).all()
    refuse_copy_hosts(sources)
    return sources.sort_values("source_id", ignore_index=True)
