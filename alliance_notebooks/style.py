"""The house style for figures: one colour and marker per entity, readable text, source captions.

>>> from alliance_notebooks import style
>>> fig, ax = style.new_figure()
>>> ax.plot(years, values, **style.look("JPN"))
>>> style.finish(ax, title="…", ylabel="Personnel (persons)", sources=["dmdc_troop_reports"])
"""

from __future__ import annotations

import json
import logging
import unicodedata
from collections.abc import Iterable
from importlib.resources import files

import matplotlib as mpl
import matplotlib.pyplot as plt
import matplotlib_fontja  # noqa: F401  (registers IPAexGothic, for Japanese source titles)
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

import alliance_data as ad

MIN_FONT_PT = 9  # nothing smaller: the figures must be readable on a projector

# One colour and one marker for each recurring entity, used in every chapter (Okabe–Ito
# colours first, then a few from Paul Tol's palettes). Keys are ISO3 codes, areas of Japan
# and survey names as they appear in the tables.
ENTITIES = {
    "JPN": ("#0072B2", "o", "Japan"),
    "USA": ("#D55E00", "s", "United States"),
    "CHN": ("#CC79A7", "D", "China"),
    "KOR": ("#009E73", "^", "South Korea"),
    "PRK": ("#117733", "v", "North Korea"),
    "DEU": ("#000000", "v", "Germany"),
    "GBR": ("#882255", "P", "United Kingdom"),
    "ITA": ("#999933", "X", "Italy"),
    "PHL": ("#44AA99", "h", "Philippines"),
    "AUS": ("#DDCC77", "*", "Australia"),
    "FRA": ("#332288", "p", "France"),
    "IND": ("#AA4499", "<", "India"),
    "RUS": ("#777777", ">", "Russia"),
    "TWN": ("#88CCEE", "d", "Taiwan"),
    "SUN": ("#555555", "8", "Soviet Union"),
    "mainland": ("#56B4E9", "o", "Mainland Japan"),
    "okinawa": ("#E69F00", "s", "Okinawa"),
    "bonin_volcano": ("#999999", "^", "Bonin and Volcano Islands"),
    "cabinet_office": ("#0072B2", "o", "Cabinet Office survey"),
    "pew": ("#E69F00", "s", "Pew Research Center"),
    "yomiuri_gallup": ("#009E73", "^", "Yomiuri–Gallup poll"),
}
GREY = "#666666"
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000"]

STYLE = {
    "axes.prop_cycle": mpl.cycler(color=PALETTE),
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "font.family": ["DejaVu Sans", "IPAexGothic"],  # Japanese glyphs fall back to IPAexGothic
    "font.size": 11,
    "axes.titlesize": 14,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.labelsize": 11,
    "xtick.labelsize": 10,
    "ytick.labelsize": 10,
    "legend.fontsize": 10,
    "legend.frameon": False,
    "figure.figsize": (9, 5),
    "figure.dpi": 100,
    "figure.constrained_layout.use": True,
    "savefig.bbox": "standard",
}


def use_house_style() -> None:
    """Apply the house style to every later figure."""
    mpl.rcParams.update(STYLE)
    # IPAexGothic has no bold face; matplotlib's notice about using the regular one is noise.
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)


class HouseFigure(Figure):
    """A figure that, shown in a notebook, carries its caption as the image's alt text."""

    alt_text = ""

    def _repr_mimebundle_(self, include=None, exclude=None):
        from IPython.core.pylabtools import print_figure

        png = print_figure(self, "png", base64=True)
        return {"image/png": png}, {"image/png": {"alt": self.alt_text}}


def new_figure(**kwargs):
    """A house-style figure and axes (``plt.subplots`` arguments)."""
    use_house_style()
    return plt.subplots(FigureClass=HouseFigure, **kwargs)


def name(key: str) -> str:
    """The display name of an entity ('JPN' -> 'Japan'); unknown keys are returned as given."""
    return ENTITIES.get(key, (None, None, key))[2]


def colour(key: str) -> str:
    """The entity's colour (grey for entities without one)."""
    return ENTITIES.get(key, (GREY,))[0]


def look(key: str) -> dict:
    """Matplotlib keyword arguments for an entity: colour, marker and label."""
    entity_colour, marker, label = ENTITIES.get(key, (GREY, "o", key))
    return {"color": entity_colour, "marker": marker, "label": label}


def thousands(ax, axis: str = "y") -> None:
    """Thousands separators on an axis (12,000 rather than 12000)."""
    target = ax.yaxis if axis == "y" else ax.xaxis
    target.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}"))


def source_caption(source_ids: Iterable[str], limit: int = 3) -> str:
    """'Source: …' naming up to ``limit`` sources by publisher and title, then how many more."""
    sources = ad.load("sources").set_index("source_id")
    ids = sorted(set(source_ids))
    if not ids:
        return ""
    names = [f"{sources.loc[s, 'publisher']}, {sources.loc[s, 'title']}" for s in ids]
    if len(names) > limit:
        names = [*names[:limit], f"and {len(names) - limit} more (listed under Sources)"]
    return ("Source: " if len(ids) == 1 else "Sources: ") + "; ".join(names) + "."


def finish(
    ax, *, title: str, ylabel: str, xlabel: str = "", sources: Iterable[str] = (), note: str = ""
) -> str:
    """Title, axis labels and a source caption inside the figure; returns the caption.

    The caption describes the figure in words and is kept as ``fig.alt_text``.
    """
    ax.set_title(title, pad=6 + 16 * getattr(ax, "event_label_rows", 0))
    ax.set_ylabel(ylabel)
    ax.set_xlabel(xlabel)
    caption = " ".join(part for part in (note, source_caption(sources)) if part)
    fig = ax.figure
    width = int(fig.get_figwidth() * 72 / (0.6 * MIN_FONT_PT))
    fig.supxlabel(wrap(caption, width), x=0.0, ha="left", fontsize=MIN_FONT_PT, color="#444444")
    fig.alt_text = caption
    return caption


def _columns(text: str) -> int:
    """Width in columns: East Asian wide characters count twice."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def wrap(text: str, width: int) -> str:
    """Wrap ``text`` to ``width`` columns, breaking long Japanese runs between characters."""
    lines, line = [], ""
    for word in text.split():
        while _columns(word) > width:  # a run with no spaces, wider than a line
            room = width - _columns(line) - (1 if line else 0)
            cut = max(i for i in range(len(word) + 1) if _columns(word[:i]) <= max(room, 0))
            if cut == 0:
                lines.append(line)
                line = ""
                continue
            lines.append(f"{line} {word[:cut]}".strip())
            line, word = "", word[cut:]
        candidate = f"{line} {word}".strip()
        if _columns(candidate) > width:
            lines.append(line)
            candidate = word
        line = candidate
    return "\n".join([*lines, line]) if line else "\n".join(lines)


def event_x(when) -> float:
    """A date (or a year) as a decimal year, for drawing on a year axis."""
    if hasattr(when, "dayofyear"):
        return when.year + (when.dayofyear - 1) / 365.25
    return float(when)


def annotate_events(
    ax, events: pd.DataFrame, *, label_column: str = "label", date_column: str = "date"
) -> None:
    """Dashed lines at each event's date, labelled in numbered rows above the axes.

    Labels sit above the plotting area, so they never cover data; close events get
    different rows, so labels never touch.
    """
    rows: list[float] = []  # the right edge (in years) of the last label in each row
    span = ax.get_xlim()[1] - ax.get_xlim()[0]
    for _, event in events.sort_values(date_column).iterrows():
        x = event_x(event[date_column])
        ax.axvline(x, color=GREY, linestyle="--", linewidth=0.8, zorder=0)
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
            fontsize=MIN_FONT_PT,
            color="#333333",
            arrowprops={"arrowstyle": "-", "color": "#bbbbbb", "linewidth": 0.6},
        )
    ax.event_label_rows = len(rows)  # finish() lifts the title above the label rows
    ax.set_title(ax.get_title(), pad=6 + 16 * len(rows))


def japan_coastline() -> list[list[tuple[float, float]]]:
    """Outer rings of Japan's land polygons (Natural Earth 1:10m, public domain)."""
    path = files("alliance_data") / "data" / "geo" / "japan_coastline_ne10m.geojson"
    geometry = json.loads(path.read_text(encoding="utf-8"))["features"][0]["geometry"]
    polygons = (
        geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    )
    return [[tuple(point) for point in polygon[0]] for polygon in polygons]


def draw_japan(ax, *, fill: str = "#e8e8e8") -> None:
    """Draw Japan's land area on ``ax`` in longitude/latitude."""
    for ring in japan_coastline():
        xs, ys = zip(*ring, strict=True)
        ax.fill(xs, ys, color=fill, edgecolor="#999999", linewidth=0.4, zorder=0)
    ax.set_aspect(1.2)
    ax.set_xlabel("Longitude (°E)")
    ax.set_ylabel("Latitude (°N)")


def text_problems(fig) -> list[str]:
    """Text in ``fig`` that is smaller than ``MIN_FONT_PT``, off the canvas, clipped, or
    overlapping other text (tick labels aside)."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    canvas = fig.bbox
    undrawn = set()  # labels of ticks outside the view limits, which matplotlib does not draw
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            low, high = sorted(axis.get_view_interval())
            for tick in axis.get_major_ticks() + axis.get_minor_ticks():
                if not low - 1e-9 <= tick.get_loc() <= high + 1e-9:
                    undrawn.update({id(tick.label1), id(tick.label2)})
    problems = []
    placed = []  # (label, box) of texts that are not tick labels
    ticks = {id(t) for ax in fig.axes for t in ax.get_xticklabels() + ax.get_yticklabels()}
    for text in fig.findobj(mpl.text.Text):
        if not text.get_visible() or not text.get_text().strip() or id(text) in undrawn:
            continue
        label = repr(text.get_text()[:40])
        if text.get_fontsize() < MIN_FONT_PT - 0.01:
            problems.append(f"{label} is {text.get_fontsize():.1f} pt (minimum {MIN_FONT_PT})")
        box = mpl.text.Text.get_window_extent(text, renderer)  # the words, not an arrow
        inside = (
            box.x0 >= canvas.x0 - 1
            and box.y0 >= canvas.y0 - 1
            and box.x1 <= canvas.x1 + 1
            and box.y1 <= canvas.y1 + 1
        )
        if not inside:
            problems.append(f"{label} falls outside the canvas")
        clip = text.get_clip_box()
        if (
            text.get_clip_on()
            and clip is not None
            and not (
                clip.x0 - 1 <= box.x0
                and box.x1 <= clip.x1 + 1
                and clip.y0 - 1 <= box.y0
                and box.y1 <= clip.y1 + 1
            )
        ):
            problems.append(f"{label} is cut off by the axes")
        if id(text) not in ticks:
            for other, other_box in placed:
                if box.overlaps(other_box) and _overlap_area(box, other_box) > 4:
                    problems.append(f"{label} overlaps {other}")
            placed.append((label, box))
    return problems


def _overlap_area(a, b) -> float:
    width = min(a.x1, b.x1) - max(a.x0, b.x0)
    height = min(a.y1, b.y1) - max(a.y0, b.y0)
    return max(width, 0) * max(height, 0)
