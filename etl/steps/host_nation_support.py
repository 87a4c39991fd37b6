"""Japan's host-nation support for U.S. forces by fiscal year, in three separate scopes.

Scopes are never mixed in one series: ``hns_mod`` is the MOD's narrow host-nation support
(labour, utilities, facilities improvement, training relocation); ``sma_covered`` is the part
paid under the Special Measures Agreements; ``stationing_costs_all`` is the Cabinet's broad
total of all outlays for U.S. forces (land rent, base-area measures and more), FY1983–1992.
Rows read only from blogs, forum threads or mirror/proxy pages are left out; the table's caveats
name each one that no other page gives.
"""

import pandas as pd

from etl.common import read_reference

SKIP = "skip"  # citable, but left out on purpose (the comment says why)
# Page -> source row. None: not citable (blog, forum, mirror or document scraper).
PAGES = {
    "sangiin.go.jp/japanese/joho1/kousei/syuisyo/126/touh/t126001.htm": "sangiin_1993_answer",
    "dot.asahi.com/articles/-/42600": "aera_dot_42600",
    "dot.asahi.com/articles/-/123276": "aera_dot_123276",
    "fsight.jp/articles/print/41232": "fsight_2015_hns",
    "jcp-shizuoka.jp/2019/1223/5435.html": "akahata_2019_hns",
    "jisin.jp/?p=1797082": "jisin_2019_hns",
    "japantimes.co.jp/news/2006/03/30/": "japantimes_2006_hns",
    "japantimes.co.jp/news/1999/10/27/": "japantimes_1999_hns",
    "japantimes.co.jp/opinion/2000/03/23/": "japantimes_2000_hns",
    "japan-press.co.jp/2004/2378/": "japanpress_2004_hns",
    "earthresources.sakura.ne.jp/er/Etc_SH_ZB_02.html": "mod_hns_trend_2009",
    "sankei.com/article/20211216": "sankei_2021_hns",
    "japantimes.co.jp/news/2010/12/15/": SKIP,  # FY2010 taken from MOFA instead
    "japantimes.co.jp/opinion/2011/02/21/": SKIP,  # agreement level, not a budget figure
    "news.ntv.co.jp/category/politics/326236": SKIP,  # total: special_measures_agreements
    "happylibus.com": None,
    "liquisearch.com": None,
    "5ch.net": None,
    "bakademonews.com": None,
    "cfdot.com": None,
}
# Rows whose basis the source states in words rather than with 歳出/契約: (year, source) -> why.
SPENDING_WORDS = {
    (1999, "japantimes_1999_hns"): "the Japan Times says the government 'plans to spend' it",
    (1999, "aera_dot_42600"): "AERA dot. calls it the year's 支出 (spending)",
}
OTHER_BASIS = {
    (2000, "japantimes_2000_hns"): "Not on the basis of the FY1999 expenditure figure (2,756): "
    "the same editorial puts FY1999 7.5 billion yen above FY2000, i.e. 2,678 on this row's basis "
    "(see the derived FY1999 row).",
}
COLUMNS = [
    "fiscal_year",
    "fiscal_year_end",
    "amount_jpy_100m",
    "period",
    "basis",
    "scope",
    "reliability",
    "note",
    "source_id",
]


def source_of(url: str) -> str | None:
    hits = [sid for page, sid in PAGES.items() if page in url]
    assert len(hits) == 1, f"page not classified: {url}"
    return hits[0]


def basis_of(text: str) -> str:
    """The budget basis as the source states it."""
    text = text.lower()
    if "contract" in text or "契約" in text:
        return "contract"
    if "expenditure" in text or "歳出" in text or "saishutsu" in text:
        return "expenditure"
    if "約" in text or "approximate (約)" in text:
        return "approximate"
    return "budget (basis not stated)"


def narrow_and_broad() -> tuple[pd.DataFrame, list[str]]:
    """Annual totals from both transcriptions, each row with its citable source, and a caveat
    for each figure left out."""
    new = read_reference("cost_sharing/hns_mod_budget_by_fy.csv")
    old = read_reference("cost_sharing/japan_host_nation_support_transcribed.csv", dtype=str)
    old = old[~old["fiscal_year"].str.contains("-")]  # agreement totals live elsewhere
    rows = pd.concat(
        [
            pd.DataFrame(
                {
                    "fiscal_year": new["fiscal_year"].astype(int),
                    "amount_jpy_100m": new["amount_jpy_100m"].astype(float),
                    "basis_text": new["basis"],
                    "scope_text": new["scope"],
                    "derived": new["source_kind"].str.startswith("derived"),
                    "url": new["url"],
                }
            ),
            pd.DataFrame(
                {
                    "fiscal_year": old["fiscal_year"].astype(int),
                    "amount_jpy_100m": old["amount_100m_yen"].astype(float),
                    "basis_text": old["basis"],
                    "scope_text": old["scope"],
                    "derived": old["derived"] == "True",
                    "url": old["source_url"],
                }
            ),
        ],
        ignore_index=True,
    )
    rows["source_id"] = rows["url"].map(source_of)
    ok = rows.dropna(subset=["source_id"])
    kept = set(zip(ok["fiscal_year"], ok["amount_jpy_100m"], strict=True))
    left_out = [
        f"Left out: FY{row.fiscal_year} {row.amount_jpy_100m:,.0f} (100 million yen), "
        f"whose only page ({row.url.split('/')[2]}) is a blog, forum, mirror or scraper."
        for row in rows[rows["source_id"].isna()].itertuples()
        if (row.fiscal_year, row.amount_jpy_100m) not in kept
    ]
    rows = rows[rows["source_id"].notna() & (rows["source_id"] != SKIP)]
    # The same figure from a second page adds nothing; the first (newer) transcription is kept.
    rows = rows.drop_duplicates(["fiscal_year", "amount_jpy_100m", "basis_text"])
    rows = rows.drop_duplicates(["fiscal_year", "amount_jpy_100m", "source_id"])
    broad = rows["scope_text"].str.startswith("BROAD")
    official = rows["source_id"] == "sangiin_1993_answer"
    basis = [
        "expenditure" if (y, s) in SPENDING_WORDS else basis_of(b)
        for y, s, b in zip(rows["fiscal_year"], rows["source_id"], rows["basis_text"], strict=True)
    ]
    notes = [
        " ".join(
            [note_of(s, b, d)]
            + ([f"Basis: {SPENDING_WORDS[(y, i)]}."] if (y, i) in SPENDING_WORDS else [])
            + ([OTHER_BASIS[(y, i)]] if (y, i) in OTHER_BASIS else [])
        )
        for s, b, d, y, i in zip(
            rows["scope_text"],
            rows["basis_text"],
            rows["derived"],
            rows["fiscal_year"],
            rows["source_id"],
            strict=True,
        )
    ]
    annual = pd.DataFrame(
        {
            "fiscal_year": rows["fiscal_year"],
            "fiscal_year_end": rows["fiscal_year"],
            "amount_jpy_100m": rows["amount_jpy_100m"],
            "period": "annual",
            "basis": basis,
            "scope": broad.map({True: "stationing_costs_all", False: "hns_mod"}),
            "reliability": [
                "low" if d else "high" if o else "medium"
                for d, o in zip(rows["derived"], official, strict=True)
            ],
            "note": notes,
            "source_id": rows["source_id"],
        }
    )
    return annual, left_out


def note_of(scope: str, basis: str, derived: bool) -> str:
    if scope.startswith("BROAD"):
        return "Cabinet written answer (1993): all government outlays for U.S. forces; approximate."
    if derived:
        return f"Derived from a stated percentage change: {basis}."
    return f"Components as the source gives them: {scope}."


def official_and_sma_rows() -> pd.DataFrame:
    """Figures stated on MOFA pages and the SMA-covered parts the sources give."""
    return pd.DataFrame(
        [
            {
                "fiscal_year": 2010,
                "amount_jpy_100m": 1881.0,
                "basis": "budget (basis not stated)",
                "scope": "hns_mod",
                "reliability": "high",
                "note": "FY2010 budget stated by MOFA as the level to keep for FY2011–2015.",
                "source_id": "mofa_2011_sma_entry_into_force",
            },
            {
                "fiscal_year": 1999,
                "amount_jpy_100m": 2678.0,
                "basis": "budget (basis not stated)",
                "scope": "hns_mod",
                "reliability": "low",
                "note": "Derived: the FY2000 figure (260.3 billion yen) plus the 7.5 billion by "
                "which the Japan Times says it fell from FY1999. Same basis as the FY2000 row, "
                "which is not the basis of the 2,756 expenditure figure: like for like FY1999 to "
                "FY2000 is -2.8%.",
                "source_id": "japantimes_2000_hns",
            },
            {
                "fiscal_year": 2009,
                "amount_jpy_100m": 1415.0,
                "basis": "budget (basis not stated)",
                "scope": "sma_covered",
                "reliability": "medium",
                "note": "Special-agreement subtotal: labour 1,160, utilities 249, training "
                "relocation 6.",
                "source_id": "mod_hns_trend_2009",
            },
            {
                "fiscal_year": 2016,
                "amount_jpy_100m": 1450.0,
                "basis": "budget (basis not stated)",
                "scope": "sma_covered",
                "reliability": "medium",
                "note": "Part of the FY2016 budget of 1,920 paid under the special agreement.",
                "source_id": "aera_dot_123276",
            },
        ]
    ).assign(fiscal_year_end=lambda f: f["fiscal_year"], period="annual")


def build() -> pd.DataFrame:
    annual, left_out = narrow_and_broad()
    hns = pd.concat([annual, official_and_sma_rows()], ignore_index=True)[COLUMNS]
    hns = hns.sort_values(["scope", "fiscal_year", "source_id"], ignore_index=True)
    narrow = hns[hns["scope"] == "hns_mod"]
    assert narrow["amount_jpy_100m"].between(50, 3000).all(), "hns_mod outside 50–3,000"
    assert set(narrow.loc[narrow["fiscal_year"] == 1999, "amount_jpy_100m"]) == {2756, 2678}
    # Two bases are never one series: each (year, basis) pair of the MOD scope has one amount.
    bases_per_year = narrow[narrow["reliability"] != "low"].groupby(["fiscal_year", "basis"])
    assert (bases_per_year["amount_jpy_100m"].nunique() == 1).drop(2019, level=0).all()
    fy2000 = narrow[narrow["fiscal_year"] == 2000]
    assert set(fy2000["basis"]) == {"budget (basis not stated)"}
    assert set(narrow.loc[narrow["amount_jpy_100m"] == 2756, "basis"]) == {"expenditure"}
    broad = hns[hns["scope"] == "stationing_costs_all"]
    assert broad["fiscal_year"].tolist() == list(range(1983, 1993))
    hns.attrs["caveats"] = left_out
    return hns
