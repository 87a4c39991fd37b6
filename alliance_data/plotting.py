"""The house style for figures: Okabe–Ito colours, titles, unit labels, source captions, events."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Iterable

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd

from alliance_data.catalog import DATA_DIR

# Okabe & Ito (2008) colour-blind-safe palette.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
COUNTRY_COLOURS = {
    "JPN": "#0072B2",
    "USA": "#D55E00",
    "DEU": "#E69F00",
    "KOR": "#009E73",
    "CHN": "#CC79A7",
    "GBR": "#56B4E9",
    "ITA": "#F0E442",
    "PHL": "#000000",
}

STYLE = {
    "axes.prop_cycle": mpl.cycler(color=PALETTE),
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.titlesize": 13,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.labelsize": 11,
    "figure.figsize": (9, 4.8),
    "figure.dpi": 100,
    "savefig.bbox": "tight",
    "legend.frameon": False,
}


def use_house_style() -> None:
    """Apply the house style to every later figure."""
    mpl.rcParams.update(STYLE)


MAX_CAPTION_SOURCES = 3


def source_caption(source_ids: Iterable[str]) -> str:
    """'Source: …' naming up to three sources by publisher and title, then how many more."""
    from alliance_data.loading import load

    sources = load("sources").set_index("source_id")
    ids = list(source_ids)
    if not ids:
        return ""
    names = [f"{sources.loc[s, 'publisher']}, {sources.loc[s, 'title']}" for s in ids]
    if len(names) > MAX_CAPTION_SOURCES:
        more = len(names) - MAX_CAPTION_SOURCES
        names = [*names[:MAX_CAPTION_SOURCES], f"and {more} more (listed under Sources below)"]
    label = "Source: " if len(ids) == 1 else "Sources: "
    return label + "; ".join(names) + "."


def finish(
    ax, *, title: str, ylabel: str, xlabel: str = "", sources: Iterable[str] = (), note: str = ""
) -> str:
    """Title, axis labels and a source caption under the figure; returns the caption.

    The caption describes the figure in words, so it can serve as its alt text.
    """
    ax.set_title(title)
    ax.set_ylabel(ylabel)
    ax.set_xlabel(xlabel)
    caption = " ".join(part for part in (note, source_caption(sorted(set(sources)))) if part)
    fig = ax.figure
    fig.text(
        0.01, -0.02, textwrap.fill(caption, 130), ha="left", va="top", fontsize=8, color="#444444"
    )
    fig.alt_text = caption
    return caption


def annotate_events(
    ax, events: pd.DataFrame, *, label_column: str = "label", date_column: str = "date"
) -> None:
    """Dashed vertical lines with labels at each event's date (or year) on a time axis."""
    top = ax.get_ylim()[1]
    for _, event in events.iterrows():
        when = event[date_column]
        x = when.year + (when.dayofyear - 1) / 365.25 if hasattr(when, "dayofyear") else when
        ax.axvline(x, color="#666666", linestyle="--", linewidth=0.8, zorder=0)
        ax.text(
            x,
            top,
            f" {event[label_column]}",
            rotation=90,
            va="top",
            ha="right",
            fontsize=8,
            color="#333333",
        )


def stacked_bars(
    ax, wide: pd.DataFrame, *, colours: dict | None = None, width: float = 0.8
) -> pd.Series:
    """One stacked bar per index value, one layer per column; returns the stack totals.

    Colours come from ``colours`` (by column name) or else from the house palette in order.
    """
    bottom = pd.Series(0.0, index=wide.index)
    for i, column in enumerate(wide.columns):
        colour = (colours or {}).get(column, PALETTE[i % len(PALETTE)])
        ax.bar(
            wide.index,
            wide[column],
            bottom=bottom,
            width=width,
            label=column,
            color=colour,
            linewidth=0,
        )
        bottom = bottom + wide[column]
    return bottom


def japan_coastline() -> list[list[tuple[float, float]]]:
    """Outer rings of Japan's land polygons (Natural Earth 1:10m, shipped with the package)."""
    geojson = json.loads((DATA_DIR / "geo" / "japan_coastline_ne10m.geojson").read_text())
    geometry = geojson["features"][0]["geometry"]
    polygons = (
        geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    )
    return [[tuple(point) for point in polygon[0]] for polygon in polygons]


def draw_japan(ax, *, colour: str = "#e8e8e8") -> None:
    """Draw Japan's land area on ``ax`` in longitude/latitude."""
    for ring in japan_coastline():
        xs, ys = zip(*ring, strict=True)
        ax.fill(xs, ys, color=colour, edgecolor="#999999", linewidth=0.4, zorder=0)
    ax.set_aspect(1.2)
    ax.set_xlabel("Longitude (°E)")
    ax.set_ylabel("Latitude (°N)")


def new_figure(**kwargs):
    """A house-style figure and axes."""
    use_house_style()
    return plt.subplots(**kwargs)
