"""Japan's coastline and labelled points on a map.

>>> from alliance_notebooks import maps
>>> maps.draw_japan(ax)
>>> maps.label_column(ax, points, x=143.2, align="left")   # labels in a column, one line apart

Labels sit in a column at one longitude, keep their points' north–south order, are at
least one line apart, and are swapped until no two leader lines cross.
"""

from __future__ import annotations

import json
from importlib.resources import files

import numpy as np
import pandas as pd

LABEL_PT = 10  # map labels (the house minimum is style.MIN_FONT_PT)
LEADER = {"arrowstyle": "-", "color": "#888888", "linewidth": 0.6}


def japan_coastline() -> list[list[tuple[float, float]]]:
    """Outer rings of Japan's land polygons (Natural Earth 1:10m, public domain)."""
    path = files("alliance_data") / "data" / "geo" / "japan_coastline_ne10m.geojson"
    geometry = json.loads(path.read_text(encoding="utf-8"))["features"][0]["geometry"]
    polygons = (
        geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    )
    return [[tuple(point) for point in polygon[0]] for polygon in polygons]


def draw_japan(ax, *, fill: str = "#e8e8e8", extent=None) -> None:
    """Japan's land on ``ax`` in longitude/latitude; ``extent`` = (lon0, lon1, lat0, lat1)."""
    for ring in japan_coastline():
        xs, ys = zip(*ring, strict=True)
        ax.fill(xs, ys, color=fill, edgecolor="#999999", linewidth=0.4, zorder=0)
    ax.set_aspect(1.2)
    ax.set_xlabel("Longitude (°E)")
    ax.set_ylabel("Latitude (°N)")
    ax.grid(False)
    if extent is not None:
        ax.set_xlim(extent[0], extent[1])
        ax.set_ylim(extent[2], extent[3])


def inside(frame: pd.DataFrame, extent) -> pd.Series:
    """Rows whose ``lon``/``lat`` fall inside a (lon_min, lon_max, lat_min, lat_max) box."""
    return frame["lon"].between(extent[0], extent[1]) & frame["lat"].between(extent[2], extent[3])


def line_height(ax, size: float = LABEL_PT) -> float:
    """One line of label text, in degrees of latitude on this axes."""
    inches = ax.get_window_extent().height / ax.figure.dpi
    return 1.45 * size / 72 * (ax.get_ylim()[1] - ax.get_ylim()[0]) / inches


def _side(a, b, c) -> float:
    return np.sign((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]))


def _crosses(x, y1, p1, y2, p2) -> bool:
    """Whether the leader lines (x, y1)–p1 and (x, y2)–p2 cross."""
    a1, a2 = (x, y1), (x, y2)
    return _side(a1, p1, a2) != _side(a1, p1, p2) and _side(a2, p2, a1) != _side(a2, p2, p1)


def uncross(x: float, ys: np.ndarray, points: list[tuple[float, float]]) -> np.ndarray:
    """Swap label heights until no two leader lines cross (each swap shortens them)."""
    ys = ys.copy()
    for _ in range(len(ys) ** 2):
        pair = next(
            (
                (i, j)
                for i in range(len(ys))
                for j in range(i + 1, len(ys))
                if _crosses(x, ys[i], points[i], ys[j], points[j])
            ),
            None,
        )
        if pair is None:
            break
        i, j = pair
        ys[i], ys[j] = ys[j], ys[i]
    return ys


def column_heights(lats, *, gap: float, low: float, high: float) -> np.ndarray:
    """Heights for labels of points at ``lats`` (north first): one ``gap`` apart, inside
    ``low``–``high`` where they fit."""
    ys = np.minimum(np.asarray(lats, dtype=float), high)
    for i in range(1, len(ys)):
        ys[i] = min(ys[i], ys[i - 1] - gap)
    if len(ys) and ys[-1] < low:  # pushed below the panel: move the column up, keeping gaps
        ys = ys + (low - ys[-1])
    return ys


def label_column(
    ax, points: pd.DataFrame, *, x: float, align: str, low=None, high=None, text: str = "label"
) -> None:
    """Label ``points`` (columns lon, lat and ``text``) in one column at longitude ``x``.

    Labels stay between latitudes ``low`` and ``high`` (the panel's edges by default);
    leader lines join each label to its point. Draw the figure once before calling this,
    so that the line height can be measured.
    """
    if points.empty:
        return
    gap = line_height(ax)
    bottom, top = ax.get_ylim()
    low = bottom + gap if low is None else low
    high = top - gap if high is None else high
    chosen = points.sort_values("lat", ascending=False)
    ys = column_heights(chosen["lat"], gap=gap, low=low, high=high)
    ys = uncross(x, ys, list(zip(chosen["lon"], chosen["lat"], strict=True)))
    for row, y in zip(chosen.itertuples(), ys, strict=True):
        note = ax.annotate(
            getattr(row, text),
            xy=(row.lon, row.lat),
            xytext=(x, y),
            ha=align,
            va="center",
            fontsize=LABEL_PT,
            arrowprops=LEADER,
        )
        note.set_in_layout(False)


def draw_facilities(ax, bases: pd.DataFrame, *, approximate: pd.Series | None = None) -> None:
    """Facilities (columns lon, lat, okinawa) in the looks of Okinawa and mainland Japan;
    where ``approximate`` is True the marker is open. One legend entry per area."""
    from alliance_notebooks import style

    approximate = pd.Series(False, index=bases.index) if approximate is None else approximate
    for area, in_okinawa, words in AREAS:
        found = style.entry(area)
        rows = bases[bases["okinawa"].eq(in_okinawa)]
        ax.scatter([], [], s=40, marker=found.marker, color=found.colour, label=words)
        for is_open, part in rows.groupby(approximate.reindex(rows.index).fillna(False)):
            ax.scatter(
                part["lon"],
                part["lat"],
                s=40,
                marker=found.marker,
                color="white" if is_open else found.colour,
                edgecolor=found.colour,
                linewidths=1.6,
                zorder=3,
            )


AREAS = [("okinawa", True, "In Okinawa Prefecture"), ("mainland", False, "Elsewhere in Japan")]
