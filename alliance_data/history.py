"""Events, leaders, treaties and missions: helpers for the history chapters (01 and 05).

>>> from alliance_data import history
>>> shown = history.events_between(1945, 1960)
>>> fig, ax = plotting.new_figure(figsize=(10, 6))
>>> history.plot_timeline(ax, shown, history.leaders_between(1945, 1960), 1945, 1960)
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from alliance_notebooks import style as plotting
from alliance_data.loading import load
from alliance_notebooks.style import PALETTE

#: Event categories in the order the timeline shows them, top to bottom.
CATEGORY_ORDER = [
    "occupation",
    "treaty",
    "agreement",
    "guidelines",
    "policy",
    "legislation",
    "summit",
    "crisis",
    "protest",
    "incident",
    "base",
    "operation",
    "exercise",
    "disaster",
    "reversion",
    "election",
]

#: Event categories grouped for the "widening role" chapter; others count as "Other".
ROLE_GROUPS = {
    "legislation": "Legislation",
    "policy": "Policy and guidelines",
    "guidelines": "Policy and guidelines",
    "operation": "Operation",
    "exercise": "Exercise",
}

#: Short labels for leaders whose surnames alone are ambiguous.
SHORT_NAMES = {"George H. W. Bush": "G.H.W. Bush", "George W. Bush": "G.W. Bush"}

#: Colour of each overseas-mission kind in the Gantt chart.
KIND_COLOURS = dict(
    zip(
        [
            "financial",
            "minesweeping",
            "peacekeeping",
            "maritime_support",
            "reconstruction",
            "airlift",
            "anti_piracy",
            "disaster_relief",
        ],
        PALETTE,
        strict=False,
    )
)


def decimal_year(dates: pd.Series) -> pd.Series:
    """Dates as fractional years (1960.0 = 1 January 1960), the scale of ``annotate_events``."""
    return dates.dt.year + (dates.dt.dayofyear - 1) / 365.25


def events_between(
    start_year: int, end_year: int, categories: Iterable[str] | None = None
) -> pd.DataFrame:
    """Events dated from 1 January ``start_year`` to 31 December ``end_year``.

    Adds ``year`` and ``x`` (decimal year) columns; ``categories`` keeps only those.
    """
    events = load("events")
    years = events["date"].dt.year
    shown = events[(years >= start_year) & (years <= end_year)].copy()
    if categories is not None:
        shown = shown[shown["category"].isin(list(categories))]
    shown["year"] = shown["date"].dt.year
    shown["x"] = decimal_year(shown["date"])
    return shown.sort_values(["date", "title"]).reset_index(drop=True)


def category_counts(events: pd.DataFrame) -> pd.Series:
    """Number of events per category, in timeline order (categories absent are dropped)."""
    counts = events["category"].value_counts()
    return counts.reindex([c for c in CATEGORY_ORDER if c in counts.index]).astype(int)


def short_name(name: str) -> str:
    """A leader's label: the surname, or an unambiguous short form."""
    return SHORT_NAMES.get(name, name.split()[-1])


def leaders_between(start_year: int, end_year: int) -> pd.DataFrame:
    """Leaders' terms that overlap the years, clipped to them, with x0/x1 and a label.

    An incumbent (no ``term_end``) is drawn to the end of ``end_year``.
    """
    leaders = load("leaders")
    low, high = pd.Timestamp(start_year, 1, 1), pd.Timestamp(end_year + 1, 1, 1)
    end = leaders["term_end"].fillna(high)
    shown = leaders[(leaders["term_start"] < high) & (end > low)].copy()
    shown["x0"] = decimal_year(shown["term_start"].clip(lower=low))
    shown["x1"] = decimal_year(end[shown.index].clip(upper=high))
    shown["label"] = shown["name"].map(short_name)
    return shown.reset_index(drop=True)


def leader_on(date: pd.Timestamp, country_iso3: str = "JPN") -> str:
    """Name of the prime minister (JPN) or president (USA) in office on ``date``.

    Returns "(no one listed)" in the gaps the table leaves (acting prime ministers).
    """
    leaders = load("leaders").query("country_iso3 == @country_iso3")
    end = leaders["term_end"].fillna(pd.Timestamp.max)
    match = leaders[(leaders["term_start"] <= date) & (end > date)]
    return match["name"].iloc[-1] if len(match) else "(no one listed)"


def _offsets(frame: pd.DataFrame, keys: list[str], step: float = 0.22) -> pd.Series:
    """Small vertical offsets that separate markers sharing the same row and date."""
    rank = frame.groupby(keys).cumcount()
    size = frame.groupby(keys)["title"].transform("size")
    return (rank - (size - 1) / 2) * step


def plot_timeline(
    ax, events: pd.DataFrame, leaders: pd.DataFrame, start_year: int, end_year: int
) -> list[str]:
    """Events as markers, one row per category, above two bands of leaders' terms.

    Filled markers are dated to the day; hollow ones only to the month or year.
    Returns the short names of leaders whose terms were too short to label.
    """
    categories = [c for c in CATEGORY_ORDER if c in set(events["category"])]
    rows = {c: i + 2 for i, c in enumerate(reversed(categories))}
    colours = {c: PALETTE[i % (len(PALETTE) - 1)] for i, c in enumerate(categories)}
    y = events["category"].map(rows) + _offsets(events, ["category", "date"])
    exact = events["date_precision"] == "day"
    for category in categories:
        mine = events["category"] == category
        for keep, face in ((mine & exact, colours[category]), (mine & ~exact, "white")):
            ax.scatter(
                events.loc[keep, "x"],
                y[keep],
                s=42,
                facecolor=face,
                edgecolor=colours[category],
                linewidth=1.4,
                zorder=3,
            )
    span = end_year + 1 - start_year
    unlabelled = []
    for row, country, shades in (
        (1, "JPN", ("#c6dbef", "#9ecae1")),
        (0, "USA", ("#fdd0a2", "#fdae6b")),
    ):
        terms = leaders[leaders["country_iso3"] == country].reset_index(drop=True)
        for i, term in terms.iterrows():
            ax.barh(
                row,
                term.x1 - term.x0,
                left=term.x0,
                height=0.7,
                color=shades[i % 2],
                edgecolor="white",
                zorder=2,
            )
            if (term.x1 - term.x0) / span * 9 > len(term.label) * 0.075:
                ax.text(
                    (term.x0 + term.x1) / 2,
                    row,
                    term.label,
                    ha="center",
                    va="center",
                    fontsize=7.5,
                    zorder=4,
                )
            else:
                unlabelled.append(term.label)
    ax.set_yticks([0, 1, *rows.values()], ["U.S. president", "Japan PM", *rows.keys()])
    ax.set_xlim(start_year - 0.25, end_year + 1)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylim(-0.6, len(categories) + 1.6)
    ax.grid(axis="y", alpha=0.15)
    handles = [
        Line2D([], [], marker="o", linestyle="", color="#555555", label=label, markerfacecolor=face)
        for label, face in (("dated to the day", "#555555"), ("month or year only", "white"))
    ]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8)
    return unlabelled


def personnel_by_area(start_year: int, end_year: int) -> pd.DataFrame:
    """U.S. personnel in Japan per report year: mainland, Okinawa, Bonin/Volcano and total.

    The area split exists for 1950-1973 only; later years carry just the total
    (``troops`` table). ``x`` places each bar at its report month; ``flag`` marks
    the 1973 split the report itself distorts.
    """
    areas = load("troops_japan_by_area")
    wide = areas.pivot(index="year", columns="area", values="personnel")
    flags = areas.dropna(subset=["flag"]).groupby("year")["flag"].first()
    total = load("troops").query("country_iso3 == 'JPN'").set_index("year")
    frame = (
        total[["personnel", "report_month", "source_id"]]
        .rename(columns={"personnel": "total"})
        .join(wide)
        .join(flags.rename("flag"))
    )
    for column in ("mainland", "okinawa", "bonin_volcano"):
        frame[column] = frame[column].astype("Float64")
    frame = frame.loc[(frame.index >= start_year) & (frame.index <= end_year)].copy()
    months = {"March": 3, "June": 6, "September": 9}
    frame["x"] = frame.index + (frame["report_month"].map(months).fillna(9) - 0.5) / 12
    return frame.rename_axis("year").reset_index()


def plot_personnel(ax, frame: pd.DataFrame, headroom: float = 1.65) -> None:
    """Stacked bars (mainland, Okinawa, Bonin/Volcano) or, after 1973, the total alone.

    Years inside the range that have no report are marked "no report" on the axis;
    ``headroom`` scales the y-axis above the tallest bar to leave room for event labels.
    """
    if frame.empty:
        ax.text(
            0.5,
            0.5,
            "No U.S. troop report in these years",
            transform=ax.transAxes,
            ha="center",
            va="center",
        )
        return
    parts = [
        ("mainland", "Mainland Japan", PALETTE[0]),
        ("okinawa", "Okinawa", PALETTE[1]),
        ("bonin_volcano", "Bonin/Volcano Is.", PALETTE[2]),
    ]
    bottom = pd.Series(0.0, index=frame.index)
    distorted = frame["flag"].eq("split_distorted").fillna(False)
    for column, label, colour in parts:
        if frame[column].notna().any():
            values = frame[column].astype(float).fillna(0)
            ax.bar(
                frame["x"],
                values,
                bottom=bottom,
                width=0.6,
                color=colour,
                label=label,
                hatch=["//" if d else "" for d in distorted],
                edgecolor="white",
                linewidth=0.5,
            )
            bottom += values
    total_only = frame[frame["mainland"].isna()]
    if len(total_only):
        ax.bar(
            total_only["x"],
            total_only["total"].astype(float),
            width=0.6,
            color="#999999",
            label="Japan total, Okinawa incl. (no split)",
        )
    if len(frame):
        missing = sorted(set(range(frame["year"].min(), frame["year"].max())) - set(frame["year"]))
        for year in missing:
            ax.text(
                year + 0.5,
                0,
                "no report",
                rotation=90,
                ha="center",
                va="bottom",
                fontsize=8,
                color="#666666",
            )
    ax.set_ylim(0, headroom * float(frame["total"].max()))
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.yaxis.set_major_formatter(lambda v, _: f"{v / 1000:,.0f}k")
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8)


def personnel_note(frame: pd.DataFrame) -> str:
    """Caption note for ``plot_personnel``: report months and any distorted split shown."""
    months = ", ".join(
        f"{m} ({g.year.min()}–{g.year.max()})" for m, g in frame.groupby("report_month", sort=False)
    )
    note = f"Report month: {months}." if months else ""
    if frame["flag"].eq("split_distorted").any():
        note += " Hatched: the 1973 report counts air force personnel on Okinawa with the mainland."
    return note


def one_per_year(events: pd.DataFrame) -> pd.DataFrame:
    """The first event of each year, with a ``label`` column, for uncluttered annotations."""
    first = events.sort_values("date").groupby("year", as_index=False).first()
    return first.assign(label=first["title"])


def provisions_side_by_side() -> pd.DataFrame:
    """The ``treaty_provisions`` table as a reading copy: provision, both texts, change.

    Unverified article numbers show as "?" (the table leaves them blank).
    """
    table = load("treaty_provisions")
    table["articles"] = (
        table["article_1951"].fillna("?") + " → " + table["article_1960"].fillna("?")
    )
    return table[
        ["provision", "treaty_1951", "treaty_1960", "articles", "change", "source_id"]
    ].rename(
        columns={
            "provision": "Provision",
            "treaty_1951": "1951 Security Treaty",
            "treaty_1960": "1960 Treaty",
            "articles": "Articles (1951 → 1960)",
            "change": "Change",
            "source_id": "Source",
        }
    )


def change_counts() -> pd.Series:
    """Number of compared provisions per kind of change (added, removed, revised, unchanged)."""
    order = ["added", "removed", "revised", "unchanged"]
    counts = load("treaty_provisions")["change"].value_counts()
    return counts.reindex(order, fill_value=0).astype(int)


def claims_for(ids: Iterable[str]) -> pd.DataFrame:
    """Selected rows of the ``claims`` table, trimmed to what a reader needs."""
    claims = load("claims").set_index("claim_id").loc[list(ids)]
    return claims[
        ["seed", "paraphrase", "claimed_value", "evidence_value", "verdict", "source_id"]
    ].reset_index()


def with_source_kind(frame: pd.DataFrame) -> pd.DataFrame:
    """Add each row's ``source_kind`` (primary, secondary, compilation) and publisher."""
    sources = load("sources").set_index("source_id")[["kind", "publisher"]]
    return frame.join(sources.rename(columns={"kind": "source_kind"}), on="source_id")


def gulf_war_figures() -> pd.DataFrame:
    """The Gulf War financial rows of ``overseas_missions``: amount, date, scope, source kind.

    ``scope`` is the part of the row's name after its first comma (e.g. "total pledged
    1990-91"); rows that only repeat a seed document's figure say so.
    """
    money = with_source_kind(load("overseas_missions").query("kind == 'financial'"))
    parts = money["name"].str.split(", ", n=1)
    money["scope"] = parts.str[1].fillna("figure as a seed document states it")
    money = money.sort_values(["start", "amount_usd_bn"])
    return money[
        ["scope", "start", "amount_usd_bn", "source_kind", "source_id", "publisher", "notes"]
    ].reset_index(drop=True)


def short_mission(name: str) -> str:
    """A mission's name cut before its first parenthesis, colon or 'under the …' clause."""
    return re.split(r" \(|: | under the ", name)[0]


def mission_spans(start_year: int, end_year: int) -> pd.DataFrame:
    """One bar per mission overlapping the years (the Gulf War money rows merged into one).

    ``open_ended`` marks missions whose sources give no end; their bar runs to the
    right edge of the range. ``rows`` counts the table rows behind each bar.
    """
    missions = load("overseas_missions")
    missions["label"] = missions["name"].map(short_mission)
    missions.loc[missions["kind"] == "financial", "label"] = "Gulf War financial contribution"
    spans = missions.groupby(["label", "kind"], as_index=False).agg(
        start=("start", "min"),
        end=("end", "max"),
        personnel=("personnel", "max"),
        rows=("name", "size"),
        source_ids=("source_id", list),
    )
    spans["open_ended"] = spans["end"].isna()
    edge = pd.Timestamp(end_year + 1, 1, 1)
    spans["x0"] = decimal_year(spans["start"])
    spans["x1"] = decimal_year(spans["end"].fillna(edge).clip(upper=edge))
    keep = (spans["x1"] > start_year) & (spans["x0"] < end_year + 1)
    return spans[keep].sort_values("start").reset_index(drop=True)


def plot_gantt(ax, spans: pd.DataFrame, start_year: int, end_year: int) -> None:
    """Horizontal bars from start to end, coloured by kind; open-ended bars are hatched."""
    for i, span in spans.iterrows():
        ax.barh(
            i,
            span.x1 - span.x0,
            left=span.x0,
            height=0.6,
            color=KIND_COLOURS[span.kind],
            hatch="///" if span.open_ended else "",
            edgecolor="white" if not span.open_ended else "#333333",
            linewidth=0.5,
        )
        if span.open_ended:
            ax.text(
                span.x1 - 0.3,
                i,
                "no end date in sources ▸",
                va="center",
                ha="right",
                fontsize=7.5,
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 1},
            )
    ax.set_yticks(range(len(spans)), spans["label"])
    ax.invert_yaxis()
    ax.set_xlim(start_year, end_year + 1)
    kinds = list(dict.fromkeys(spans["kind"]))
    handles = [Patch(color=KIND_COLOURS[k], label=k.replace("_", " ")) for k in kinds]
    if spans["open_ended"].any():
        handles.append(
            Patch(
                facecolor="white", edgecolor="#333333", hatch="///", label="no end date in sources"
            )
        )
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))


def events_per_year(
    events: pd.DataFrame, start_year: int, end_year: int, groups: dict[str, str] | None = None
) -> pd.DataFrame:
    """Events per year and group (default ``ROLE_GROUPS``), with zero-filled years."""
    groups = ROLE_GROUPS if groups is None else groups
    grouped = events.assign(group=events["category"].map(groups).fillna("Other"))
    table = pd.crosstab(grouped["year"], grouped["group"])
    order = [g for g in dict.fromkeys([*groups.values(), "Other"]) if g in table.columns]
    return table.reindex(range(start_year, end_year + 1), fill_value=0)[order]


def plot_stacked(ax, counts: pd.DataFrame, headroom: float = 3.0) -> None:
    """Stacked bars of a year-by-group count table on a real year axis (integer ticks).

    ``headroom`` scales the y-axis above the tallest stack to leave room for event labels.
    """
    bottom = plotting.stacked_bars(ax, counts)
    ax.set_ylim(0, max(1, int(bottom.max())) * headroom)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8)


def year_span(years: pd.Series) -> str:
    """'first–last' of a series of years, or 'none in these years' when it is empty."""
    years = pd.Series(years).dropna()
    return f"{int(years.min())}–{int(years.max())}" if len(years) else "none in these years"
