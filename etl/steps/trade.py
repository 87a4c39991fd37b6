"""U.S. goods trade with Japan in USD billions, one row per year and published basis.

Each row keeps the basis its source states (the codes are the ``basis`` categories in
``trade.meta.yml``); rows on different bases are never merged, so a user picks one basis for a
series. Rows read only from commercial blogs, document
scrapers or mirrors are left out (each named in the table's caveats).
"""

import pandas as pd

from etl.common import read_reference

# Page -> (source row, basis). None: not citable.
PAGES = {
    "epw.in/journal/1985/28/": ("epw_1985_trade", "census_balance_reported_by_press"),
    "everycrsreport.com/reports/RS20400": ("crs_rs20400_2000", "census_basis_cited_by_crs"),
    "everycrsreport.com/files/20101119_RL33577": ("crs_rl33577_2010", "census_basis_cited_by_crs"),
    "usitc.gov/research_and_analysis/tradeshifts/2007/": (
        "usitc_shifts_2007",
        "usitc_trade_shifts",
    ),
    "usitc.gov/research_and_analysis/tradeshifts/2008/": (
        "usitc_shifts_2008",
        "usitc_trade_shifts",
    ),
    "usitc.gov/research_and_analysis/tradeshifts/2009/": (
        "usitc_shifts_2009",
        "usitc_trade_shifts",
    ),
    "usitc.gov/research_and_analysis/tradeshifts/2012/": (
        "usitc_shifts_2012",
        "usitc_trade_shifts",
    ),
    "usitc.gov/research_and_analysis/trade_shifts_2014/": (
        "usitc_shifts_2014",
        "census_total_exports_general_imports",
    ),
    "cybercemetery.unt.edu/archive/oilspill/20130214201911/": ("ustr_japan_2013", "ustr_rounded"),
    "trade.gov/country-commercial-guides/japan-market-overview": ("ita_ccg_japan", "ita_rounded"),
    "japantimes.co.jp/news/2017/02/08/": ("kyodo_2017_trade", "census_balance_reported_by_press"),
    "nippon.com/en/news/kd730438430641930240/": (
        "kyodo_2021_trade",
        "census_balance_reported_by_press",
    ),
    "fliphtml5.com": None,
    "usimportdata.com": None,
    "nohib.com": None,
    "usfijitimes.org": None,
}
COLUMNS = [
    "year",
    "us_exports_to_japan_usd_bn",
    "us_imports_from_japan_usd_bn",
    "us_balance_usd_bn",
    "basis",
    "reporter",
    "note",
    "derived",
    "source_id",
]


def classify(url: str):
    hits = [v for page, v in PAGES.items() if page in url]
    assert len(hits) == 1, f"page not classified: {url}"
    return hits[0]


def transcribed() -> pd.DataFrame:
    """Rows of both transcriptions, with the URL each was read from."""
    old = read_reference("trade/us_japan_goods_trade_transcribed.csv")
    old = old[old["reporter"] == "United States (Census)"]
    new = read_reference("trade/us_goods_trade_japan_census.csv")
    return pd.concat(
        [
            pd.DataFrame(
                {
                    "year": new["year"],
                    "exports": new["exports_usd_bn"],
                    "imports": new["imports_usd_bn"],
                    "balance": new["balance_usd_bn"],
                    "derived": new["source_kind"].str.startswith("derived"),
                    "note": new["basis"],
                    "url": new["url"],
                }
            ),
            pd.DataFrame(
                {
                    "year": old["year"],
                    "exports": old["us_exports_to_japan"],
                    "imports": old["us_imports_from_japan"],
                    "balance": old["us_balance_with_japan"],
                    "derived": old["derived"].astype(bool),
                    "note": old["note"].fillna(""),
                    "url": old["source_url"],
                }
            ),
        ],
        ignore_index=True,
    )


def build() -> pd.DataFrame:
    rows = transcribed()
    found = rows["url"].map(classify)
    caveats = [
        f"Left out: {row.year} from {row.url.split('/')[2]} (not citable)."
        for row in rows[found.isna()].itertuples()
    ]
    rows = rows[found.notna()].copy()
    rows["source_id"] = [f[0] for f in found.dropna()]
    rows["basis"] = [f[1] for f in found.dropna()]
    # Both transcriptions read some pages; the newer transcription's row is kept.
    rows = rows.drop_duplicates(["year", "source_id", "exports", "balance"])
    rows = rows.drop_duplicates(["year", "basis", "source_id"])
    trade = pd.DataFrame(
        {
            "year": rows["year"].astype(int),
            "us_exports_to_japan_usd_bn": rows["exports"],
            "us_imports_from_japan_usd_bn": rows["imports"],
            "us_balance_usd_bn": rows["balance"],
            "basis": rows["basis"],
            "reporter": "United States (Census)",
            "note": rows["note"],
            "derived": rows["derived"],
            "source_id": rows["source_id"],
        }
    )[COLUMNS].sort_values(["year", "basis"], ignore_index=True)
    both = trade[trade["basis"] != "ita_rounded"].dropna(  # 'about'/'over' figures
        subset=["us_exports_to_japan_usd_bn", "us_imports_from_japan_usd_bn", "us_balance_usd_bn"]
    )
    gap = (
        both.us_exports_to_japan_usd_bn - both.us_imports_from_japan_usd_bn - both.us_balance_usd_bn
    )
    assert (gap.abs() < 1.0).all(), "balance must equal exports minus imports (to rounding)"
    trade.attrs["caveats"] = caveats
    return trade
