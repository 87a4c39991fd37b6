"""U.S. military and civilian personnel in Japan and five comparison hosts, by service and report.

One row per host, DMDC report (year and month), service and category, read from the report rows
as troopdata parsed them. Active duty is given by service; the selected reserve and civilians as
the report's totals (service ``all``). The report's own totals are not rows; a report's rows add
up to its Grand Total (where its Total Active Duty is below the sum of the services, the rows are
flagged). Known problems of single reports are flagged, never changed.
"""

import pandas as pd

from etl.common import read_reference

ACTIVE_DUTY = {
    "Army Active Duty": "army",
    "Navy Active Duty": "navy",
    "Marine Corps Active Duty": "marine_corps",
    "Air Force Active Duty": "air_force",
    "Space Force Active Duty": "space_force",
    "Coast Guard Active Duty": "coast_guard",
}
TOTALS = {"Total Selected Reserve": "selected_reserve", "Total Civilian": "civilian"}
RESERVE_PARTS = [
    "Army National Guard",
    "Army Reserve",
    "Navy Reserve",
    "Marine Corps Reserve",
    "Air National Guard",
    "Air Force Reserve",
    "Coast Guard Reserve",
]
CIVILIAN_PARTS = [
    "Army Civilian",
    "Navy Civilian",
    "Marine Corps Civilian",
    "Air Force Civilian",
    "DOD Civilian",
]
QUARTER_OF_MONTH = {"March": 1, "June": 2, "September": 3, "December": 4}
MONTHS = {3 * quarter: month for month, quarter in QUARTER_OF_MONTH.items()}
COLUMNS = [
    "country_iso3",
    "year",
    "month",
    "quarter",
    "service",
    "category",
    "personnel",
    "flag",
    "note",
    "source_id",
]
# Japan's December 2015 report: the Navy count stands alone, far from the reports either side.
OUTLIER = ("JPN", 2015, "December", "navy")
# Japan 2016-2017: the Navy and Marine Corps counts fall and recover (as in the troops table).
DIP = {("JPN", "navy"): (201603, 201712), ("JPN", "marine_corps"): (201609, 201712)}
JUNE_CIVILIAN_YEARS = range(2014, 2019)  # June reports whose DOD Civilian column is halved


def reports() -> pd.DataFrame:
    """The report rows, one per host and report, with each part checked against its total."""
    raw = read_reference("troops/dmdc_location_reports_2008_2025.csv")
    assert (raw["quarter"] == raw["month"].map(QUARTER_OF_MONTH)).all()
    assert (raw["source"] == raw["month"] + " " + raw["year"].astype(str)).all()
    for parts, total in [
        (RESERVE_PARTS, "Total Selected Reserve"),
        (CIVILIAN_PARTS, "Total Civilian"),
    ]:
        assert (raw[parts].sum(axis=1) == raw[total]).all(), f"{total} is not the sum of its parts"
    # The Grand Total counts the services one by one, even where Total Active Duty falls short.
    parts = raw[[*ACTIVE_DUTY, "Total Selected Reserve", "Total Civilian"]].sum(axis=1)
    assert (parts == raw["Grand Total"]).all(), "Grand Total is not the sum of the rows kept"
    return raw.rename(columns={"iso3c": "country_iso3"})


def tidy(raw: pd.DataFrame) -> pd.DataFrame:
    """One row per report, service and category; services a report has no column for are absent."""
    keys = ["country_iso3", "year", "month", "quarter"]
    active = raw.melt(keys, list(ACTIVE_DUTY), var_name="column", value_name="personnel")
    active = active.assign(service=active["column"].map(ACTIVE_DUTY), category="active_duty")
    totals = raw.melt(keys, list(TOTALS), var_name="column", value_name="personnel")
    totals = totals.assign(service="all", category=totals["column"].map(TOTALS))
    rows = pd.concat([active, totals], ignore_index=True).dropna(subset=["personnel"])
    rows["personnel"] = rows["personnel"].astype(int)
    rows["flag"], rows["note"], rows["source_id"] = "", "", "dmdc_location_reports"
    return rows


def flag(rows: pd.DataFrame, mask: pd.Series, code: str, notes: pd.Series | str) -> None:
    """Set ``code`` and its note on the rows in ``mask`` (each row carries at most one flag)."""
    assert (rows.loc[mask, "flag"] == "").all(), f"{code}: a row already has a flag"
    rows.loc[mask, "flag"] = code
    rows.loc[mask, "note"] = notes[mask] if isinstance(notes, pd.Series) else notes


def flag_known_problems(rows: pd.DataFrame, raw: pd.DataFrame) -> None:
    """Flag the reports' known problems: totals short of their parts, the outlier, the dips and
    the halved June civilians."""
    when = rows["year"] * 100 + rows["quarter"] * 3  # yyyymm of the report
    active = rows["category"] == "active_duty"

    sums = raw.set_index(["country_iso3", "year", "month"])
    gap = (sums[list(ACTIVE_DUTY)].sum(axis=1) - sums["Total Active Duty"]).rename("gap")
    gap = rows.join(gap, on=["country_iso3", "year", "month"])["gap"]
    reported = rows.join(sums["Total Active Duty"], on=["country_iso3", "year", "month"])
    flag(
        rows,
        active & (gap > 0),
        "total_below_services",
        "The report's Total Active Duty ("
        + reported["Total Active Duty"].map("{:,.0f}".format)
        + ") is "
        + gap.map("{:,.0f}".format)
        + " below the sum of its services; the source does not say why.",
    )

    host, year, month, service = OUTLIER
    counts = rows[(rows["country_iso3"] == host) & (rows["service"] == service) & active]
    series = counts.set_index(when[counts.index])["personnel"].sort_index()
    at = year * 100 + QUARTER_OF_MONTH[month] * 3
    before, value, after = series.shift(1)[at], series[at], series.shift(-1)[at]
    assert value > 1.5 * before and value > 3 * after, "the outlier is no longer one"
    flag(
        rows,
        rows.index.isin(counts.index[when[counts.index] == at]),
        "outlier_report",
        f"The {month} {year} report gives {value:,}, against {before:,.0f} in the report before "
        f"and {after:,.0f} in the report after; the source does not explain it.",
    )

    for (host, service), (start, end) in DIP.items():
        mask = (
            (rows["country_iso3"] == host)
            & (rows["service"] == service)
            & active
            & when.between(start, end)
        )
        low, high = rows.loc[mask, "personnel"].agg(["min", "max"])
        flag(
            rows,
            mask,
            "reported_dip",
            f"From {MONTHS[start % 100]} {start // 100} to {MONTHS[end % 100]} {end // 100} the "
            f"reports' {service.replace('_', ' ')} count "
            f"falls to {low:,}–{high:,} and recovers after; the source does not explain it.",
        )

    halved = raw[raw["year"].isin(JUNE_CIVILIAN_YEARS)].set_index(["country_iso3", "year"])
    dod = halved.pivot_table(index=["country_iso3", "year"], columns="month", values="DOD Civilian")
    others = dod[["March", "September", "December"]].mean(axis=1)
    low = dod.index[(dod["June"] < 0.6 * others) & (others >= 100)]
    june = rows[(rows["category"] == "civilian") & (rows["month"] == "June")]
    hits = june.index[
        [(c, y) in low for c, y in zip(june["country_iso3"], june["year"], strict=True)]
    ]
    notes = pd.Series("", index=rows.index)
    for i in hits:
        key = (rows.at[i, "country_iso3"], rows.at[i, "year"])
        notes[i] = (
            f"The report's DOD Civilian column ({dod.loc[key, 'June']:,.0f}) is about half the "
            f"average of the year's other reports ({others[key]:,.0f}), which lowers this total."
        )
    flag(rows, rows.index.isin(hits), "june_civilian_low", notes)


def build() -> pd.DataFrame:
    raw = reports()
    rows = tidy(raw)
    flag_known_problems(rows, raw)
    rows = rows[COLUMNS].sort_values(
        ["country_iso3", "year", "quarter", "category", "service"], ignore_index=True
    )
    # Sanity checks against the report rows themselves.
    jpn = rows[rows["country_iso3"] == "JPN"].set_index(["year", "month", "service", "category"])
    assert jpn.loc[(2021, "September", "navy", "active_duty"), "personnel"] == 20_739
    active = rows[rows["category"] == "active_duty"].groupby(["country_iso3", "year", "month"])
    japan_sep_2021 = active["personnel"].sum().loc[("JPN", 2021, "September")]
    assert japan_sep_2021 == 56_010, "Japan's September 2021 total differs from the troops table"
    june = rows[(rows["flag"] == "june_civilian_low") & (rows["country_iso3"] == "JPN")]
    assert sorted(june["year"]) == list(JUNE_CIVILIAN_YEARS)
    return rows
