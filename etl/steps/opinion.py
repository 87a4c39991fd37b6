"""Japanese (and allied) views of the United States: Pew, the Cabinet Office survey, other polls.

Transcribed rows are kept only when the page they were read from is a source the project may
cite (``PAGES`` maps each page to its source row); rows whose only page is a forum, a forum
digest or a proxy are dropped and named in the table's caveats.
"""

import pandas as pd

from etl.common import read_reference

PEW_COUNTRIES = {
    "Japan": "JPN",
    "South Korea": "KOR",
    "Germany": "DEU",
    "UK": "GBR",
    "Italy": "ITA",
    "Philippines": "PHL",
    "Australia": "AUS",
}
PEW_FILES = {
    "favorable_view_of_us": "opinion/pew_us_favorability_by_country_2000_2017.csv",
    "confidence_in_us_president": (
        "opinion/pew_confidence_in_us_president_by_country_2001_2017.csv"
    ),
}
PEW = "Pew Research Center, Global Attitudes Survey"
CABINET_OFFICE = "Cabinet Office, Public Opinion Survey on Diplomacy"
YOMIURI_GALLUP = "Yomiuri Shimbun–Gallup joint poll"
SURVEYS = {"pew": PEW, "cabinet_office": CABINET_OFFICE}
# Pages the transcriptions were read from -> the source row cited. None: not citable.
PAGES = {
    "survey.gov-online.go.jp/h28/h28-gaiko/2-1.html": "cao_gaiko_2016",
    "j-cast.com/2011/12/05115275.html": "jcast_2011_gaiko",
    "economic.jp/?p=21562": "cao_gaiko_2008",
    "economic.jp/?p=19022": "cao_gaiko_2009",
    "economic.jp/?p=78656": "cao_gaiko_2017",
    "marketingdata.gomez.co.jp/topics_detail4/id=746": "cao_gaiko_2021",
    "garbagenews.net/archives/2114156.html": "cao_gaiko_2023",
    "gfj.jp/cgi/m-bbs/contribution_modify.php?no=1312": "gfj_okawara_2010",
    # The Nikkei article was read through a proxy copy; the citation is the article itself.
    "hqproductreviews.com?arsae=https%3A%2F%2Fwww.nikkei.com": "nikkei_2011_gaiko",
    "jiaponline.org/2009/12/": "yomiuri_gallup_2009",
    "jiaponline.org/2012/01/": "upi_2011_yomiuri_gallup",
    # The Japan Times article as the U.S. Embassy's digest reprints it; cited to the article.
    "jmh.usembassy.gov/20181003112672/": "japantimes_2018_pew",
    "rappler.com/world/us-canada/united-states-image": "rappler_2020_pew",
    "mynews13.com/fl/orlando/politics/2023/06/28/": "spectrum_2023_pew",
    # Not citable: forum threads, forum digests, reposts, scrapers and CDN copies.
    "newsercdn.azureedge.net/story/370157/": None,  # a copy of a paraphrase of NBC News
    "5ch.net": None,
    "gensen5ch.blog.jp": None,
    "nonbirinyu-aaa.com": None,
    "todaynews24.top": None,
    "yoasobinews.net/matome_post": None,
    "lucaturilli.net": None,
    "980waav.com": None,
    "asahi.com/articles/ASKBK5JPTKBKUHBI01Y": None,  # 2017 values duplicate Pew's own file
}
MEASURES = {
    "feel affinity toward USA (shitashimi wo kanjiru + dochiraka to iu to kanjiru)": (
        "affinity_toward_us"
    ),
    "do not feel affinity toward USA": "no_affinity_toward_us",
    "Japan-US relations good": "relations_good",
    "Japanese saying Japan-US relations good": "relations_good",
    "feel affinity toward China": "affinity_toward_china",
    "favorable view of the U.S.": "favorable_view_of_us",
    "confidence in U.S. president (Trump)": "confidence_in_us_president",
    "confidence in U.S. president (Trump), ages 18-34": "confidence_in_us_president_age_18_34",
    "confidence in U.S. president (Trump), ages 50+": "confidence_in_us_president_age_50_plus",
}
COLUMNS = [
    "survey",
    "country_iso3",
    "year",
    "measure",
    "value_pct",
    "mode",
    "flag",
    "note",
    "source_id",
]
MODE_NOTE = (
    "First mail survey: from 2020 the survey is sent by post (face-to-face interviews before); "
    "the Cabinet Office says results are not directly comparable with earlier years."
)
JANUARY_NOTE = (
    "Fiscal-2015 round: interviews in January 2016 (released March 2016; previous round October "
    "2014); stored under 2015 so that each annual round has one row."
)
SAMPLE_NOTE = "Sample aged 18 and over from this survey (20 and over before)."
DROPPED: list[dict] = []  # rows left out, filled by build()
# Pages that are verbatim copies or quotations of the source cited: rows flagged read_via_copy.
READ_VIA_COPY = (
    "economic.jp/",
    "marketingdata.gomez.co.jp/",
    "garbagenews.net/",
    "hqproductreviews.com?arsae=",
    "jiaponline.org/2009/12/",
    "jmh.usembassy.gov/20181003112672/",
)


def source_of(url: str) -> str | None:
    """The source row for a transcribed page; None for pages that cannot be cited."""
    hits = [sid for page, sid in PAGES.items() if page in url]
    assert len(hits) == 1, f"page not classified: {url}"
    return hits[0]


def keep_citable(frame: pd.DataFrame, url_column: str, key) -> pd.DataFrame:
    """Attach source_id; drop rows read only from pages that cannot be cited (recorded)."""
    frame = frame.assign(
        source_id=frame[url_column].map(source_of),
        via_copy=frame[url_column].map(lambda url: any(page in url for page in READ_VIA_COPY)),
    )
    for row in frame[frame["source_id"].isna()].itertuples():
        survey, measure, year = key(row)
        DROPPED.append({"survey": survey, "measure": measure, "year": year, "host": row.url_host})
    return frame.dropna(subset=["source_id"])


def dropped_caveats(opinion: pd.DataFrame) -> list[str]:
    """One caveat per dropped value that no citable source replaced."""
    kept = set(zip(opinion["survey"], opinion["measure"], opinion["year"], strict=True))
    out = []
    for d in DROPPED:
        if d["measure"] and (d["survey"], d["measure"], d["year"]) not in kept:
            out.append(
                f"Left out: {d['survey']} {d['year']} {d['measure']} - the only page found "
                f"({d['host']}) is a forum, forum digest, repost or proxy."
            )
    return sorted(set(out))


def copy_flagged(flag: pd.Series, via_copy: pd.Series) -> pd.Series:
    """An empty flag becomes read_via_copy where the page read is a copy of the source cited."""
    return flag.where(~via_copy.to_numpy() | (flag != ""), "read_via_copy")


def host(url: pd.Series) -> pd.Series:
    return url.str.replace(r"^https?://(www\.)?", "", regex=True).str.split("/").str[0]


def pew() -> pd.DataFrame:
    frames = []
    for measure, path in PEW_FILES.items():
        wide = read_reference(path)
        long = wide.melt(
            id_vars="year",
            value_vars=list(PEW_COUNTRIES),
            var_name="country",
            value_name="value_pct",
        ).dropna()
        long["country_iso3"] = long["country"].map(PEW_COUNTRIES)
        long["measure"] = measure
        frames.append(long)
    out = pd.concat(frames)
    out["survey"] = PEW
    out["mode"] = "not stated in source"
    out["flag"], out["note"], out["source_id"] = "", "", "pew_global_attitudes"
    return out[COLUMNS]


def pew_japan_after_2017() -> pd.DataFrame:
    raw = read_reference("opinion/pew_japan_us_favorability_2018_2025.csv")
    raw = raw[raw["year"] >= 2018].assign(url_host=lambda f: host(f["url"]))
    raw = keep_citable(raw, "url", lambda r: (PEW, MEASURES.get(r.measure), r.year))
    raw = raw[raw["measure"].isin(MEASURES) & raw["value_pct"].notna()]
    approximate = raw["quote"].str.contains("3-in-10")
    return pd.DataFrame(
        {
            "survey": PEW,
            "country_iso3": "JPN",
            "year": raw["year"],
            "measure": raw["measure"].map(MEASURES),
            "value_pct": raw["value_pct"].astype(float),
            "mode": "not stated in source",
            "flag": copy_flagged(
                approximate.map({True: "approximate", False: ""}), raw["via_copy"]
            ),
            "note": approximate.map({True: "Source says 'just 3-in-10'.", False: ""}),
            "source_id": raw["source_id"],
        }
    )


def tidy_note(note: str) -> str:
    """Transcription notes as table notes: no reminders to the transcriber."""
    note = note.replace("; verify", "").replace("DERIVED from", "Derived from")
    return "" if note.startswith("h28 survey") else note


def cabinet_office_affinity() -> pd.DataFrame:
    raw = read_reference("opinion/cabinet_office_affinity_us_1978_2024.csv")
    raw = raw.assign(url_host=lambda f: host(f["url"]))
    raw = raw[raw["source_kind"] != "press_crosscheck"]  # duplicate of the official 2016 row
    raw = keep_citable(raw, "url", lambda r: (CABINET_OFFICE, "affinity_toward_us", r.survey_year))
    long = raw.melt(
        id_vars=["survey_year", "mode", "sample_note", "source_kind", "source_id", "via_copy"],
        value_vars=["affinity_pct", "no_affinity_pct"],
        var_name="measure",
        value_name="value_pct",
    ).dropna(subset=["value_pct"])
    derived = long["source_kind"].str.contains("derived")
    return pd.DataFrame(
        {
            "survey": CABINET_OFFICE,
            "country_iso3": "JPN",
            "year": long["survey_year"],
            "measure": long["measure"].map(
                {"affinity_pct": "affinity_toward_us", "no_affinity_pct": "no_affinity_toward_us"}
            ),
            "value_pct": long["value_pct"],
            "mode": long["mode"],
            "flag": copy_flagged(
                derived.map({True: "derived_from_stated_change", False: ""}), long["via_copy"]
            ),
            "note": long["sample_note"].fillna("").map(tidy_note),
            "source_id": long["source_id"],
        }
    )


def other_japanese_polls() -> pd.DataFrame:
    """Relations-good, China-affinity and Yomiuri-Gallup rows of the first transcription."""
    raw = read_reference("opinion/japan_views_of_us_transcribed.csv")
    raw = raw[~raw["series"].str.startswith(("feel affinity toward USA", "do not feel"))]
    raw = raw.assign(url_host=lambda f: host(f["source_url"]))
    raw = keep_citable(raw, "source_url", lambda r: (CABINET_OFFICE, MEASURES[r.series], r.year))
    return pd.DataFrame(
        {
            "survey": raw["survey"].map(
                {
                    "Cabinet Office Gaiko ni kansuru yoron chosa": CABINET_OFFICE,
                    "Yomiuri-Gallup joint poll": YOMIURI_GALLUP,
                }
            ),
            "country_iso3": "JPN",
            "year": raw["year"],
            "measure": raw["series"].map(MEASURES),
            "value_pct": raw["value_pct"],
            "mode": raw["mode"].fillna("not stated in source"),
            "flag": copy_flagged(
                raw["derived"].map({True: "derived_from_stated_change", False: ""}),
                raw["via_copy"],
            ),
            "note": raw["note"].fillna(""),
            "source_id": raw["source_id"],
        }
    )


def additions() -> pd.DataFrame:
    """Rows transcribed for this project from press pages found with the search tool."""
    raw = read_reference("opinion/opinion_additions.csv", keep_default_na=False)
    return pd.DataFrame(
        {
            "survey": raw["survey"].map(SURVEYS),
            "country_iso3": "JPN",
            "year": raw["year"].astype(int),
            "measure": raw["measure"],
            "value_pct": raw["value_pct"].astype(float),
            "mode": raw["mode"],
            "flag": raw["flag"],
            "note": "",
            "source_id": raw["source_id"],
        }
    )


def wikipedia_2007_poll() -> pd.DataFrame:
    """The 2007 poll the Wikipedia article cites, with no survey named."""
    return pd.DataFrame(
        [
            {
                "survey": "Unnamed 2007 poll cited by Wikipedia",
                "country_iso3": "JPN",
                "year": 2007,
                "measure": "appreciates_alliance_and_welcomes_us_forces",
                "value_pct": 73.4,
                "mode": "not stated in source",
                "flag": "unverified_secondary",
                "note": "The article names neither the pollster nor the question; not found in any "
                "primary source consulted.",
                "source_id": "wikipedia_us_japan_alliance",
            }
        ]
    )


def mark_breaks(opinion: pd.DataFrame) -> pd.DataFrame:
    """Flag the Cabinet Office survey's changes of mode and sample on the first row after each."""
    cao = opinion["survey"] == CABINET_OFFICE
    for year, flag, note in [(2020, "mode_break", MODE_NOTE), (2016, "sample_change", SAMPLE_NOTE)]:
        rows = cao & (opinion["year"] == year) & (opinion["flag"] == "")
        opinion.loc[rows, "flag"] = flag
        opinion.loc[rows, "note"] = (note + " " + opinion.loc[rows, "note"]).str.strip()
    return opinion


def build() -> pd.DataFrame:
    DROPPED.clear()
    parts = [
        pew(),
        pew_japan_after_2017(),
        cabinet_office_affinity(),
        other_japanese_polls(),
        additions(),
        wikipedia_2007_poll(),
    ]
    opinion = pd.concat(parts, ignore_index=True)
    opinion["year"] = opinion["year"].astype(int)
    opinion["mode"] = opinion["mode"].replace({"mail (method changed 2020)": "mail"})
    late = opinion["flag"] == "fieldwork_following_january"
    opinion.loc[late, "note"] = JANUARY_NOTE
    opinion = mark_breaks(opinion)
    caveats = dropped_caveats(opinion)
    opinion = opinion.sort_values(["survey", "country_iso3", "measure", "year"], ignore_index=True)
    assert opinion["measure"].notna().all() and opinion["survey"].notna().all()
    jpn = opinion[opinion["country_iso3"] == "JPN"]
    fav = jpn[jpn["measure"] == "favorable_view_of_us"].set_index("year")["value_pct"]
    assert fav[2011] == 85 and fav[2020] == 41
    cao = jpn[(jpn["survey"] == CABINET_OFFICE) & (jpn["measure"] == "affinity_toward_us")]
    assert cao.set_index("year").loc[2016, "source_id"] == "cao_gaiko_2016"
    opinion = opinion[COLUMNS]
    opinion.attrs["caveats"] = caveats
    return opinion
