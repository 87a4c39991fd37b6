"""Military expenditure by country and year from SIPRI, with share of GDP in percent."""

import pandas as pd

from etl.common import read_reference

COUNTRY_TO_ISO3 = {
    "Japan": "JPN",
    "United States of America": "USA",
    "China": "CHN",
    "Korea, South": "KOR",
    "Korea, North": "PRK",
    "Germany": "DEU",
    "Russia": "RUS",
    "USSR": "SUN",  # ISO 3166-3 code of the former Soviet Union
    "Australia": "AUS",
    "India": "IND",
    "United Kingdom": "GBR",
    "France": "FRA",
    "Taiwan": "TWN",
}
RENAME = {
    "year": "year",
    "currency": "currency",
    "fiscal_year": "fiscal_year_basis",
    "constant_2023_usd_m": "milex_usd_m_constant",
    "current_usd_m": "milex_usd_m_current",
    "local_currency_cy": "milex_local_currency",
}


def build() -> pd.DataFrame:
    raw = read_reference("spending/sipri_milex_selected_countries.csv")
    raw["country"] = raw["country"].str.strip().str.strip('"')
    unknown = set(raw["country"]) - set(COUNTRY_TO_ISO3)
    assert not unknown, f"unmapped SIPRI countries: {unknown}"
    milex = raw.rename(columns=RENAME)
    milex.insert(0, "country_iso3", raw["country"].map(COUNTRY_TO_ISO3))
    milex["share_of_gdp_pct"] = raw["share_of_gdp"] * 100  # SIPRI publishes a fraction
    # SIPRI writes 0 where it has no calendar-year or current-dollar figure; 0 is never real.
    for column in ["milex_local_currency", "milex_usd_m_current", "milex_usd_m_constant"]:
        milex[column] = milex[column].mask(milex[column] == 0)
    milex["source_id"] = "sipri_milex_2025"
    milex = milex[
        [
            "country_iso3",
            "year",
            "milex_usd_m_constant",
            "milex_usd_m_current",
            "milex_local_currency",
            "currency",
            "fiscal_year_basis",
            "share_of_gdp_pct",
            "source_id",
        ]
    ]
    milex = milex.dropna(
        subset=[
            "milex_usd_m_constant",
            "milex_usd_m_current",
            "milex_local_currency",
            "share_of_gdp_pct",
        ],
        how="all",
    ).sort_values(["country_iso3", "year"], ignore_index=True)
    jpn = milex[milex["country_iso3"] == "JPN"].set_index("year")
    assert round(jpn.loc[2024, "share_of_gdp_pct"], 2) == 1.37
    assert round(jpn.loc[2024, "milex_usd_m_constant"]) == 58_399
    return milex
