"""Deliveries of major conventional weapons to Japan by supplier and year (SIPRI TIV)."""

import pandas as pd

from etl.common import read_reference

SUPPLIER_TO_ISO3 = {
    "United States": "USA",
    "United Kingdom": "GBR",
    "France": "FRA",
    "Italy": "ITA",
    "Sweden": "SWE",
    "Germany": "DEU",
    "Switzerland": "CHE",
    "Netherlands": "NLD",
    "Australia": "AUS",
}


def build() -> pd.DataFrame:
    raw = read_reference("arms/sipri_arms_tiv_to_japan_by_supplier.csv")
    assert (raw["recipient"] == "Japan").all()
    arms = pd.DataFrame(
        {
            "supplier_iso3": raw["supplier"].map(SUPPLIER_TO_ISO3),
            "recipient_iso3": "JPN",
            "year": raw["year"],
            "tiv_m": raw["value"].astype(float),
            "source_id": "sipri_arms_transfers_2022",
        }
    )
    assert arms["supplier_iso3"].notna().all()
    arms = arms.sort_values(["supplier_iso3", "year"], ignore_index=True)
    us = arms[arms["supplier_iso3"] == "USA"]
    assert round(us["tiv_m"].sum()) == 63_665  # total recorded in the reference notes
    return arms
