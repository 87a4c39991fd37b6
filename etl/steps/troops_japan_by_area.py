"""U.S. personnel in Japan by area (mainland, Okinawa, Bonins), 1950–1973, as the DoD reported."""

import pandas as pd

from etl.common import read_reference

RENAME = {
    "report_mainland": "mainland",
    "report_ryukyu": "okinawa",
    "report_bonin_volcano": "bonin_volcano",
}


AREA_OF_LOCATION = {"Japan": "mainland", "Ryukyus": "okinawa", "Ryukyu": "okinawa"}


def afloat_by_area() -> dict[tuple[int, str], float]:
    """Personnel afloat per (year, area) as the report rows give them."""
    rows = read_reference("troops/dmdc_reports_japan.csv")
    rows = rows[(rows["year"] <= 1973) & (rows["Total Afloat"].fillna(0) > 0)]
    area = rows["Location"].str.split().str[0].map(AREA_OF_LOCATION).fillna("bonin_volcano")
    return rows.groupby([rows["year"], area])["Total Afloat"].sum().to_dict()


def build() -> pd.DataFrame:
    tidy = read_reference("troops/japan_us_troops_tidy_1950_2025.csv")
    split = tidy[tidy["year"] <= 1973].dropna(subset=["report_mainland"])
    # The three areas must add up to the report's total for Japan.
    parts = split[list(RENAME)].fillna(0).sum(axis=1)
    assert (parts == split["report_total"]).all(), "area split does not sum to the total"
    long = split.melt(
        id_vars=["year", "report_month"],
        value_vars=list(RENAME),
        var_name="area",
        value_name="personnel",
    ).dropna(subset=["personnel"])
    long["area"] = long["area"].map(RENAME)
    long["personnel"] = long["personnel"].astype(int)
    long["flag"] = ""
    long["note"] = ""
    afloat = afloat_by_area()
    key = list(zip(long["year"], long["area"], strict=True))
    long["afloat"] = [afloat.get(k, 0) for k in key]
    aboard = long["afloat"] > 0
    long.loc[aboard, "flag"] = "afloat_included"
    long.loc[aboard, "note"] = [
        f"Includes {int(a):,} personnel afloat, as the report counts them."
        for a in long["afloat"][aboard]
    ]
    late = long["year"] == 1973
    long.loc[late, "flag"] = "split_distorted"
    long.loc[late, "note"] = (
        "Report footnote: Air Force personnel on Okinawa were counted with Japan (mainland)."
    )
    long["source_id"] = "dmdc_troop_reports"
    long = long[["year", "area", "personnel", "report_month", "flag", "note", "source_id"]]
    long = long.sort_values(["year", "area"], ignore_index=True)
    okinawa = long[long["area"] == "okinawa"].set_index("year")["personnel"]
    assert okinawa[1970] == 44_752 and okinawa[1972] == 41_171
    assert long.loc[long["area"] == "bonin_volcano", "year"].max() == 1967
    return long
