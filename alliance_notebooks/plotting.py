"""Small drawing helpers that keep figure cells about the data: year axes, series lines
with gaps, flag markers, events inside a window, and a legend below the axes.

>>> from alliance_notebooks import plotting
>>> plotting.series(ax, japan, "personnel", **style.look("JPN"))
>>> plotting.mark_flags(ax, japan, "personnel", table="troops", colour=style.colour("JPN"))
>>> plotting.year_axis(ax, japan.year)
>>> plotting.annotate_events(ax, plotting.events_between(TITLES, start_year, end_year))
>>> plotting.legend_below(ax)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator
from matplotlib.transforms import ScaledTranslation

import alliance_data as ad
from alliance_notebooks import style

MISSING_COLOUR = "#bbbbbb"


def decimal_year(when):
    """Dates (a Series or one Timestamp) or years as decimal years (1960.0 = 1 Jan 1960)."""
    if isinstance(when, pd.Series):
        if pd.api.types.is_datetime64_any_dtype(when):
            return when.dt.year + (when.dt.dayofyear - 1) / 365.25
        return when.astype(float)
    if hasattr(when, "dayofyear"):
        return when.year + (when.dayofyear - 1) / 365.25
    return float(when)


def year_axis(ax, years: Iterable[float], *, margin: float = 1) -> None:
    """x from the first to the last year (with a margin), whole-year ticks only.

    Works for a single year too: the axis then spans that year and its margins.
    """
    values = [float(y) for y in years if pd.notna(y)]
    if values:
        ax.set_xlim(min(values) - margin, max(values) + margin)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True, min_n_ticks=1))


def series(ax, rows: pd.DataFrame, column: str, *, year: str = "year", breaks=(), **look):
    """One line for a series that breaks at years without a value and at ``breaks``.

    ``breaks`` are years at which the series changes basis: the line is not drawn across
    them. One legend entry, from ``look``'s label.
    """
    rows = rows.dropna(subset=[column]).sort_values(year)
    if rows.empty:
        return
    run = rows[year].isin(list(breaks)).cumsum()
    for i, (_, part) in enumerate(rows.groupby(run)):
        part = part.drop_duplicates(year).set_index(year)
        every_year = range(int(part.index.min()), int(part.index.max()) + 1)
        line = part.reindex(every_year)[column].astype(float)  # a missing year stays a gap
        ax.plot(line.index, line, **(look if i == 0 else {**look, "label": None}))


def mark_flags(
    ax, rows: pd.DataFrame, column: str, *, table: str, colour: str, year: str = "year", size=60
) -> list[str]:
    """An open marker on each flagged value (one marker per flag, fixed across the book),
    with the flag's words in the legend; returns the flags drawn."""
    flagged = rows.dropna(subset=["flag", column])
    for key, part in flagged.groupby("flag", sort=True):
        found = style.flag(table, key)
        ax.scatter(
            part[year],
            part[column],
            marker=found.marker,
            s=size,
            facecolors="white",
            edgecolors=colour,
            linewidths=1.4,
            zorder=5,
            label=found.name,
        )
    return sorted(flagged["flag"].unique())


def break_lines(ax, years: Iterable[int], *, label: str | None = None) -> None:
    """Dotted vertical lines just before each year in which a series changes basis."""
    years = sorted(set(years))
    for year in years:
        ax.axvline(year - 0.5, color="black", linestyle=":", linewidth=1.6, zorder=1)
    if years and label:
        ax.plot([], [], color="black", linestyle=":", label=label)


def shade_missing(ax, years: Iterable[int]) -> None:
    """Grey bands over years without a value."""
    for year in years:
        ax.axvspan(year - 0.5, year + 0.5, color=MISSING_COLOUR, alpha=0.35, linewidth=0, zorder=0)


def legend_entry(ax, label: str, **kwargs) -> None:
    """A legend entry for something drawn without a label (e.g. ``marker="x"``)."""
    ax.plot([], [], linestyle=kwargs.pop("linestyle", ""), label=label, **kwargs)


def legend_below(ax, *, ncol: int = 2, title: str | None = None, extra=()) -> None:
    """The legend in columns below the axes, its tick labels and x label; nothing if no
    labels.

    ``extra`` adds handles that are not drawn on the axes (e.g. a hatched ``Patch``).
    """
    handles, labels = ax.get_legend_handles_labels()
    handles += list(extra)
    labels += [handle.get_label() for handle in extra]
    # lines (the series) first, then markers and patches, each in the order drawn; one
    # entry per label
    order = sorted(range(len(handles)), key=lambda i: not isinstance(handles[i], Line2D))
    unique = {}
    for i in order:
        unique.setdefault(labels[i], handles[i])  # the first handle drawn for a label
    handles, labels = list(unique.values()), list(unique)
    if not handles:
        return
    below = 32  # points: room for the tick labels and the x label
    ax.legend(
        handles,
        labels,
        loc="upper center",
        bbox_to_anchor=(0.5, 0),
        bbox_transform=ax.transAxes + ScaledTranslation(0, -below / 72, ax.figure.dpi_scale_trans),
        ncol=min(ncol, len(handles)),
        title=title,
    )


def events_between(titles: Mapping[str, str] | Iterable[str], start_year: int, end_year: int):
    """Events from the ``events`` table in ``start_year``–``end_year``, by title.

    ``titles`` maps each event's title to its short label (or is a list of titles, which
    are then their own labels). Returns the rows, in date order, with a ``label`` column.
    """
    labels = dict(titles) if isinstance(titles, Mapping) else {t: t for t in titles}
    events = ad.events_titled(labels)
    events = events[events["date"].dt.year.between(start_year, end_year)]
    return events.assign(label=events["title"].map(labels)).reset_index(drop=True)


def annotate_events(
    ax, events: pd.DataFrame, *, label_column: str = "label", date_column: str = "date"
) -> None:
    """Dashed lines at each event's date, labelled in numbered rows above the axes.

    Labels sit above the plotting area, so they never cover data; close events get
    different rows, so labels never touch. ``figures.finish`` lifts the title above them.
    """
    rows: list[float] = []  # the right edge (in years) of the last label in each row
    span = ax.get_xlim()[1] - ax.get_xlim()[0]
    for _, event in events.sort_values(date_column).iterrows():
        x = decimal_year(event[date_column])
        ax.axvline(x, color=style.GREY, linestyle="--", linewidth=0.8, zorder=0)
        width = span * (len(str(event[label_column])) + 2) * 0.0125
        row = next((i for i, right in enumerate(rows) if x > right), len(rows))
        rows[row : row + 1] = [x + width]
        ax.annotate(
            event[label_column],
            xy=(x, 1.0),
            xycoords=("data", "axes fraction"),
            xytext=(0, 4 + 16 * row),
            textcoords="offset points",
            ha="left",
            va="bottom",
            fontsize=style.MIN_FONT_PT,
            color=style.INK,
            arrowprops={"arrowstyle": "-", "color": "#bbbbbb", "linewidth": 0.6},
        )
    ax.event_label_rows = len(rows)
    ax.set_title(ax.get_title(), pad=6 + 16 * len(rows))


def stacked_bars(ax, wide: pd.DataFrame, keys: Iterable[str], *, hatched=(), group=None, **bar):
    """Bars stacked by column of ``wide`` (index: years), each in its entity's look; bars
    of the ``hatched`` years get hatching; ``bar`` goes to ``ax.bar`` (e.g. ``width``).
    Columns without a value are left out. Returns the stacked totals."""
    bottom = pd.Series(0.0, index=wide.index)
    hatch = ["//" if year in set(hatched) else "" for year in wide.index]
    for key in [k for k in keys if k in wide and wide[k].fillna(0).any()]:
        values = wide[key].astype(float).fillna(0)
        found = style.entry(key, group)
        ax.bar(
            wide.index,
            values,
            bottom=bottom,
            color=found.colour,
            label=found.name,
            hatch=hatch,
            edgecolor="white",
            **bar,
        )
        bottom = bottom + values
    return bottom
