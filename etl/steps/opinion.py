"""Japanese (and allied) views of the United States: Pew, the Cabinet Office survey, other polls."""

import pandas as pd

from etl.common import assert_between, assert_unique, read_reference, web_source_id

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
AFFINITY = "feel affinity toward USA (shitashimi wo kanjiru + dochiraka to iu to kanjiru)"
MEASURES = {
    AFFINITY: "affinity_toward_us",
    "do not feel affinity toward USA": "no_affinity_toward_us",
    "Japan-US relations good": "relations_good",
    "Japanese saying Japan-US relations good": "relations_good",
    "feel affinity toward China": "affinity_toward_china",
}
CABINET_OFFICE = "Cabinet Office, Public Opinion Survey on Diplomacy"
SURVEYS = {
    "Cabinet Office Gaiko ni kansuru yoron chosa": CABINET_OFFICE,
    "Yomiuri-Gallup joint poll": "Yomiuri Shimbun–Gallup joint poll",
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
    out["survey"] = "Pew Research Center, Global Attitudes Survey"
    out["mode"] = "not stated in source"
    out["flag"], out["note"], out["source_id"] = "", "", "pew_global_attitudes"
    return out[COLUMNS]


def japanese_polls() -> pd.DataFrame:
    raw = read_reference("opinion/japan_views_of_us_transcribed.csv")
    assert set(raw["series"]) <= set(MEASURES), set(raw["series"]) - set(MEASURES)
    flag = raw["derived"].map({True: "derived_from_stated_change", False: ""})
    flag = flag.where(~raw["note"].fillna("").str.contains("PRELIMINARY"), "preliminary")
    return pd.DataFrame(
        {
            "survey": raw["survey"].map(SURVEYS),
            "country_iso3": "JPN",
            "year": raw["year"],
            "measure": raw["series"].map(MEASURES),
            "value_pct": raw["value_pct"],
            "mode": raw["mode"].fillna("not stated in source"),
            "flag": flag,
            "note": raw["note"].fillna(""),
            "source_id": [web_source_id("opinion", u) for u in raw["source_url"]],
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


def build() -> pd.DataFrame:
    opinion = pd.concat([pew(), japanese_polls(), wikipedia_2007_poll()], ignore_index=True)
    opinion["year"] = opinion["year"].astype(int)
    opinion = opinion.sort_values(["survey", "country_iso3", "measure", "year"], ignore_index=True)
    assert_unique(opinion, ["survey", "country_iso3", "measure", "year"], "opinion")
    assert_between(opinion["value_pct"], 0, 100, "opinion")
    assert_between(opinion["year"], 2000, 2025, "opinion")
    jpn_fav = opinion.query("country_iso3 == 'JPN' and measure == 'favorable_view_of_us'")
    assert jpn_fav.set_index("year").loc[2011, "value_pct"] == 85
    return opinion
