"""U.S. military personnel in Japan and five comparison hosts, one row per country-year."""

import pandas as pd

from etl.common import assert_between, assert_unique, read_reference

CCODE_TO_ISO3 = {255: "DEU", 260: "DEU", 732: "KOR", 325: "ITA", 200: "GBR", 840: "PHL"}
NEW_FORMAT_FROM = 2008  # DMDC reports from Sep 2008 give "Total Active Duty"
# Report locations that are parts of a host (summed) or not the host at all (excluded).
PART_OF_HOST = {"England (& Wales)", "Scotland"}
NOT_THE_HOST = {"Trieste"}  # Free Territory of Trieste, 1947-54: not Italy


def preferred_month(year: int) -> str:
    """The report month used: June through 1956, September from 1957."""
    return "June" if year <= 1956 else "September"


def japan() -> pd.DataFrame:
    tidy = read_reference("troops/japan_us_troops_tidy_1950_2025.csv")
    reported = tidy.dropna(subset=["report_total"])
    rows = pd.DataFrame(
        {
            "country_iso3": "JPN",
            "year": reported["year"],
            "personnel": reported["report_total"].astype(int),
            "report_month": reported["report_month"],
            "flag": "",
            "note": "",
            "source_id": "dmdc_troop_reports",
        }
    )
    rows.loc[rows["year"].between(2005, 2007), "flag"] = "additional_location_row_excluded"
    rows.loc[rows["year"].between(2005, 2007), "note"] = (
        "The report lists a second, smaller 'Japan' row (1,700–3,000); it is excluded here, "
        "as for the other hosts."
    )
    dip = rows["year"].isin([2016, 2017])
    rows.loc[dip, "flag"] = "reported_dip"
    rows.loc[dip, "note"] = (
        "The September 2016 and 2017 reports fall to 38,834 and 44,562 between quarters of about "
        "47,000–55,000; the source does not explain the dip."
    )
    # Years with no parsed DoD report: Kane's compilation covers 2003-04 (1951-52 are
    # interpolated there, so they stay a gap).
    kane = tidy[tidy["year"].isin([2003, 2004])]
    compiled = pd.DataFrame(
        {
            "country_iso3": "JPN",
            "year": kane["year"],
            "personnel": kane["troops_legacy"].astype(int),
            "report_month": "",
            "flag": "compilation_value",
            "note": "No DoD report was parsed for this year; value from Kane's compilation.",
            "source_id": "kane_troop_deployment",
        }
    )
    return pd.concat([rows, compiled])


def comparison_hosts() -> pd.DataFrame:
    reports = read_reference("troops/dmdc_reports_comparison_hosts.csv")
    reports["country_iso3"] = reports["ccode"].map(CCODE_TO_ISO3)
    new_format = reports["year"] >= NEW_FORMAT_FROM
    reports["personnel"] = reports["troops_ad"].where(~new_format, reports["Total Active Duty"])
    reports = reports.dropna(subset=["personnel"])
    out = []
    for (iso3, year), group in reports.groupby(["country_iso3", "year"]):
        months = group[group["month"] == preferred_month(year)]
        flag, note = "", ""
        if months.empty:  # e.g. 2024: only the March report was parsed
            months = group[group["month"] == group["month"].iloc[-1]]
            flag = "other_report_month"
            note = f"No {preferred_month(year)} report parsed; {months['month'].iloc[0]} used."
        trieste = months[months["Location"].isin(NOT_THE_HOST)]
        if not trieste.empty:
            flag = "location_excluded"
            note = f"Trieste ({int(trieste['personnel'].sum())} personnel) is not counted as Italy."
        months = months[~months["Location"].isin(NOT_THE_HOST)]
        parts = months[months["Location"].isin(PART_OF_HOST)]
        if len(parts) > 1:
            main = parts.iloc[0].copy()
            main["personnel"] = parts["personnel"].sum()
            flag = "locations_summed"
            note = f"Sum of the report rows {' + '.join(parts['Location'])}."
            months = months.drop(parts.index)
        else:
            main = months.loc[months["personnel"].idxmax()]
            months = months.drop(main.name)
        others = months[months["personnel"] > 1]  # placeholder rows of 1 person are dropped
        if not others.empty:
            flag = "additional_location_row_excluded"
            note = (
                f"The report lists {len(others)} further row(s) for this host "
                f"({', '.join(str(int(v)) for v in others['personnel'])} personnel); excluded, "
                "as the source does not say what they cover."
            )
        kane = main["source"] == "Kane 2006"
        out.append(
            {
                "country_iso3": iso3,
                "year": int(year),
                "personnel": int(main["personnel"]),
                "report_month": "" if kane else main["month"],
                "flag": "compilation_value" if kane else flag,
                "note": "No DoD report was parsed for this year; value from Kane's compilation."
                if kane
                else note,
                "source_id": "kane_troop_deployment" if kane else "dmdc_troop_reports",
            }
        )
    return pd.DataFrame(out)


def build() -> pd.DataFrame:
    troops = pd.concat([japan(), comparison_hosts()], ignore_index=True)
    troops = troops.sort_values(["country_iso3", "year"], ignore_index=True)
    assert_unique(troops, ["country_iso3", "year"], "troops")
    assert_between(troops["year"], 1950, 2025, "troops")
    assert_between(troops["personnel"], 0, 400_000, "troops")
    jpn = troops[troops["country_iso3"] == "JPN"].set_index("year")["personnel"]
    # Sanity checks against figures recorded in the reference notes.
    assert jpn[1953] == 209_451 and jpn[1970] == 82_264 and jpn[2021] == 56_010
    assert 1951 not in jpn.index and 1952 not in jpn.index, "interpolated years must stay gaps"
    assert set(troops["country_iso3"]) == {"JPN", "DEU", "KOR", "ITA", "GBR", "PHL"}
    return troops
