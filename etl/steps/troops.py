"""U.S. military personnel in Japan and five comparison hosts, one row per country-year.

Values are the reports' totals as published. Where a report changes what its total counts
(personnel afloat, report month, report format, territory), the row carries a ``flag``; the
``note`` gives every issue of the row and, where the report allows, the figure on the other basis.
"""

import pandas as pd

from etl.common import read_reference

CCODE_TO_ISO3 = {255: "DEU", 260: "DEU", 732: "KOR", 325: "ITA", 200: "GBR", 840: "PHL"}
NEW_FORMAT_FROM = 2008  # DMDC reports from Sep 2008 give "Total Active Duty"
# Report locations that are parts of a host (summed) or not the host at all (excluded).
PART_OF_HOST = {"England (& Wales)", "Scotland"}
NOT_THE_HOST = {"Trieste"}  # Free Territory of Trieste, 1947-54: not Italy
# When a row has several issues, the flag names the first in this order; the note lists all.
FLAG_ORDER = [
    "compilation_value",
    "definition_break",
    "territory_change",
    "location_excluded",
    "locations_summed",
    "additional_location_row_excluded",
    "reported_dip",
    "report_month_change",
    "other_report_month",
    "afloat_included",
]
KANE_NOTE = "No DoD report was parsed for this year; value from Kane's compilation."
MONTH_NOTE = (
    "First September report: 1950–1956 values are June reports, so the step from 1956 to "
    "1957 mixes a change of season with any change in strength."
)
GERMANY_NOTE = (
    "First year of unified Germany (3 October 1990); earlier DEU rows are West Germany with "
    "West Berlin."
)
JAPAN_2008 = (
    " The Navy count rises fivefold within the same month, which fits the new format's counting "
    "of sailors on ships home-ported in Japan (Yokosuka, Sasebo)."
)
DIP_NOTE = (
    "The September {year} report falls to {value:,} between quarters of about 47,000–56,000: "
    "from March 2016 to December 2017 the Navy count is 11,000–12,300 (22,030 in September 2015, "
    "20,345 in March 2018) and the Marine Corps falls to 13,500–18,700 from September 2016; the "
    "source does not explain the dip."
)


def preferred_month(year: int) -> str:
    """The report month used: June through 1956, September from 1957."""
    return "June" if year <= 1956 else "September"


def report_rows(path: str) -> pd.DataFrame:
    """Parsed report rows of the month used each year, without footnote-only lines."""
    reports = read_reference(path)
    reports = reports[reports["month"] == reports["year"].map(preferred_month)]
    return reports.dropna(subset=["troops_ad"])


def afloat_note(afloat: float, ashore: float) -> str:
    return (
        f"The report's total includes {int(afloat):,} personnel afloat (ashore: {int(ashore):,})."
    )


def old_format_2008(group: pd.DataFrame) -> str:
    """Describe the September 2008 report's old-format rows for one host."""
    old = group[group["Total Active Duty"].isna() & group["Total"].notna()]
    values = " + ".join(f"{int(v):,}" for v in old["Total"])
    new = group["Total Active Duty"].dropna()
    navy_old = " + ".join(f"{int(v):,}" for v in old["Navy Total"].fillna(0))
    navy_new = group["Navy Active Duty"].dropna()
    return (
        f"Report format changes: the September 2008 report exists in the old format ({values}; "
        f"Navy {navy_old}) and in the new DMDC format used from here on (Total Active Duty "
        f"{int(new.iloc[0]):,}; Navy {int(navy_new.iloc[0]):,}); the separate rounded rows of "
        "2005–2008 are not listed in the new format. Values before and after 2008 are not on one "
        "basis."
    )


def finish(issues: dict[str, str]) -> tuple[str, str]:
    """The flag (first issue in FLAG_ORDER) and a note listing every issue."""
    ordered = [f for f in FLAG_ORDER if f in issues]
    return (ordered[0] if ordered else "", " ".join(issues[f] for f in ordered))


def japan() -> pd.DataFrame:
    tidy = read_reference("troops/japan_us_troops_tidy_1950_2025.csv")
    reports = report_rows("troops/dmdc_reports_japan.csv")
    reported = tidy.dropna(subset=["report_total"])
    out = []
    for row in reported.itertuples():
        year, issues = int(row.year), {}
        group = reports[reports["year"] == year]
        afloat = group["Total Afloat"].fillna(0).sum()
        if afloat > 0:
            issues["afloat_included"] = afloat_note(afloat, group["Total Ashore"].sum())
        if year == 1957:
            issues["report_month_change"] = MONTH_NOTE
        if 2005 <= year <= 2007:
            issues["additional_location_row_excluded"] = (
                "The report lists a second, smaller 'Japan' row in round hundreds (1,700–3,000); "
                "it is excluded here, as for the other hosts."
            )
        if year == NEW_FORMAT_FROM:
            issues["definition_break"] = old_format_2008(group) + JAPAN_2008
        if year in (2016, 2017):
            issues["reported_dip"] = DIP_NOTE.format(year=year, value=int(row.report_total))
        flag, note = finish(issues)
        out.append(
            {
                "country_iso3": "JPN",
                "year": year,
                "personnel": int(row.report_total),
                "report_month": row.report_month,
                "flag": flag,
                "note": note,
                "source_id": "dmdc_troop_reports",
            }
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
            "note": KANE_NOTE,
            "source_id": "kane_troop_deployment",
        }
    )
    return pd.concat([pd.DataFrame(out), compiled])


def host_year(iso3: str, year: int, group: pd.DataFrame) -> dict:
    """One comparison host's row for one year from that year's report rows."""
    issues, full = {}, group
    group = group.dropna(subset=["personnel"])
    months = group[group["month"] == preferred_month(year)]
    if months.empty:  # e.g. 2024: only the March report was parsed
        months = group[group["month"] == group["month"].iloc[-1]]
        issues["other_report_month"] = (
            f"No {preferred_month(year)} report parsed; {months['month'].iloc[0]} used."
        )
    trieste = months[months["Location"].isin(NOT_THE_HOST)]
    if not trieste.empty:
        issues["location_excluded"] = (
            f"Trieste ({int(trieste['personnel'].sum())} personnel) is not counted as Italy."
        )
    months = months[~months["Location"].isin(NOT_THE_HOST)]
    parts = months[months["Location"].isin(PART_OF_HOST)]
    if len(parts) > 1:
        main = parts.iloc[0].copy()
        for column in ["personnel", "Total Afloat", "Total Ashore"]:
            main[column] = parts[column].sum()
        issues["locations_summed"] = f"Sum of the report rows {' + '.join(parts['Location'])}."
        months = months.drop(parts.index)
    else:
        main = months.loc[months["personnel"].idxmax()]
        months = months.drop(main.name)
    others = months[months["personnel"] > 1]  # placeholder rows of 1 person are dropped
    if not others.empty:
        issues["additional_location_row_excluded"] = (
            f"The report lists {len(others)} further row(s) for this host "
            f"({', '.join(str(int(v)) for v in others['personnel'])} personnel); excluded, "
            "as the source does not say what they cover."
        )
    if main["Total Afloat"] > 0:
        issues["afloat_included"] = afloat_note(main["Total Afloat"], main["Total Ashore"])
    if year == 1957:
        issues["report_month_change"] = MONTH_NOTE
    if year == NEW_FORMAT_FROM:
        issues["definition_break"] = old_format_2008(full[full["month"] == "September"])
    if iso3 == "DEU" and year == 1991:
        issues["territory_change"] = GERMANY_NOTE
    kane = main["source"] == "Kane 2006"
    flag, note = ("compilation_value", KANE_NOTE) if kane else finish(issues)
    return {
        "country_iso3": iso3,
        "year": int(year),
        "personnel": int(main["personnel"]),
        "report_month": "" if kane else main["month"],
        "flag": flag,
        "note": note,
        "source_id": "kane_troop_deployment" if kane else "dmdc_troop_reports",
    }


def comparison_hosts() -> pd.DataFrame:
    reports = read_reference("troops/dmdc_reports_comparison_hosts.csv")
    reports["country_iso3"] = reports["ccode"].map(CCODE_TO_ISO3)
    new_format = reports["year"] >= NEW_FORMAT_FROM
    reports["personnel"] = reports["troops_ad"].where(~new_format, reports["Total Active Duty"])
    reports["Total Afloat"] = reports["Total Afloat"].fillna(0)
    reports["Total Ashore"] = reports["Total Ashore"].fillna(reports["personnel"])
    groups = reports.groupby(["country_iso3", "year"])
    return pd.DataFrame([host_year(iso3, int(year), group) for (iso3, year), group in groups])


def build() -> pd.DataFrame:
    troops = pd.concat([japan(), comparison_hosts()], ignore_index=True)
    troops = troops.sort_values(["country_iso3", "year"], ignore_index=True)
    jpn = troops[troops["country_iso3"] == "JPN"].set_index("year")
    # Sanity checks against figures recorded in the reference notes.
    assert jpn.loc[[1953, 1970, 2021], "personnel"].tolist() == [209_451, 82_264, 56_010]
    assert 1951 not in jpn.index and 1952 not in jpn.index, "interpolated years must stay gaps"
    assert jpn.loc[2008, "flag"] == "definition_break" and "33,286" in jpn.loc[2008, "note"]
    assert set(troops["country_iso3"]) == {"JPN", "DEU", "KOR", "ITA", "GBR", "PHL"}
    return troops
