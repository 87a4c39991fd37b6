"""Helpers for the chapters on U.S. forces and bases in Japan (troops, areas, bases, claims).

>>> from alliance_data import forces
>>> japan = forces.troop_series(["JPN"], 1950, 2025)
>>> split = forces.area_split()
>>> forces.bases_summary(ad.load("bases"))
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from alliance_data.catalog import describe
from alliance_data.loading import load

COUNTRY_NAMES = {
    "JPN": "Japan",
    "DEU": "Germany (West Germany to 1990)",
    "KOR": "South Korea",
    "GBR": "United Kingdom",
    "ITA": "Italy",
    "PHL": "Philippines",
}

# How each flag in the troops table is drawn and named in legends.
FLAG_STYLES = {
    "compilation_value": ("s", "compilation value (Kane; no DoD report parsed)"),
    "additional_location_row_excluded": ("D", "second, smaller report row left out"),
    "reported_dip": ("v", "reported dip, unexplained by the source"),
    "other_report_month": ("P", "March report used (no September report)"),
    "locations_summed": ("^", "several report rows summed"),
    "location_excluded": ("X", "a listed location left out"),
}

# Seed document -> source_id of the publication it copies (see the sources table's notes).
SEED_SOURCES = {
    "000_434679e1fe45a5cc.txt": "wikipedia_us_japan_alliance",
    "001_e0214d9d83e9b934.txt": "wikipedia_us_japan_alliance",
    "002_8c2fdfcf7161e2d3.txt": "explainer_us_japan_alliance",
    "003_ff174e8760ddc370.txt": "cfr_us_japan_security_alliance",
    "004_5bab2df1f18053ac.txt": "dod_news_2020_vergun",
}

# Events drawn on the time-series charts: title in the events table -> short label.
SERIES_EVENTS = {
    "Bloody May Day": "Bloody May Day",
    "Sunagawa Struggle begins": "Sunagawa protests",
    "Girard incident": "Girard incident",
    "1960 treaty enters into force": "1960 treaty",
    "Bonin Islands returned to Japan": "Bonins returned",
    "Okinawa reverts to Japan": "Okinawa reversion",
    "Special Action Committee on Okinawa set up": "SACO set up",
    "Realignment Roadmap approved": "Realignment Roadmap",
    "USFJ to become joint force headquarters": "USFJ joint HQ plan",
}
AREA_EVENTS = {
    "Sunagawa Struggle begins": "Sunagawa",
    "1960 treaty enters into force": "1960 treaty",
    "Bonin Islands returned to Japan": "Bonins returned",
    "Nixon-Sato joint statement on Okinawa": "Nixon–Sato statement",
    "Okinawa reverts to Japan": "Okinawa reversion",
}
HOST_EVENTS = {
    "1960 treaty enters into force": "1960 treaty",
    "Okinawa reverts to Japan": "Okinawa reversion",
    "Special Action Committee on Okinawa set up": "SACO set up",
}

AREAS = ["mainland", "okinawa", "bonin_volcano"]
AREA_LABELS = {
    "mainland": "Mainland Japan",
    "okinawa": "Okinawa (Ryukyus)",
    "bonin_volcano": "Bonin/Volcano Islands",
}


# --------------------------------------------------------------------------- troops


def troop_series(countries: Iterable[str], start: int, end: int) -> pd.DataFrame:
    """Rows of the troops table for ``countries`` from ``start`` to ``end``, sorted."""
    troops = load("troops")
    keep = troops["country_iso3"].isin(list(countries)) & troops["year"].between(start, end)
    if not keep.any():
        raise ValueError(
            f"no troop rows for {', '.join(countries)} in {start}–{end}; "
            "some years have no report (see ad.describe('troops')); widen the range"
        )
    return troops[keep].sort_values(["country_iso3", "year"]).reset_index(drop=True)


def wide_with_gaps(frame: pd.DataFrame) -> pd.DataFrame:
    """Personnel as year x country, with every year in the span (missing years are NaN).

    Plotting this frame breaks the lines where no report exists, instead of bridging gaps.
    """
    wide = frame.pivot(index="year", columns="country_iso3", values="personnel").astype(float)
    years = range(int(frame["year"].min()), int(frame["year"].max()) + 1)
    return wide.reindex(years)


def missing_years(frame: pd.DataFrame, country: str = "JPN") -> list[int]:
    """Years inside the frame's span with no row for ``country``."""
    years = set(frame.loc[frame["country_iso3"] == country, "year"].astype(int))
    if not years:
        return []
    return [y for y in range(min(years), max(years) + 1) if y not in years]


def value(frame: pd.DataFrame, year: int, country: str = "JPN", column: str = "personnel"):
    """One cell of a troops-like frame, by country and year."""
    row = frame[(frame["country_iso3"] == country) & (frame["year"] == year)]
    if row.empty:
        raise KeyError(f"no {country} row for {year}")
    return row[column].iloc[0]


def peak(frame: pd.DataFrame, country: str = "JPN") -> tuple[int, int]:
    """(personnel, year) of the highest value for ``country`` in the frame."""
    rows = frame[frame["country_iso3"] == country]
    best = rows.loc[rows["personnel"].idxmax()]
    return int(best["personnel"]), int(best["year"])


def unflagged_dips(frame: pd.DataFrame, country: str = "JPN", drop: float = 0.1) -> pd.DataFrame:
    """Unflagged years at least ``drop`` (a fraction) below both neighbouring reports.

    A screening aid: it finds one-year falls that the table does not flag, to be read
    against the history rather than treated as errors.
    """
    rows = frame[frame["country_iso3"] == country].set_index("year").sort_index()
    series = rows["personnel"].astype(float)
    before, after = series.shift(1), series.shift(-1)
    dips = (series < (1 - drop) * before) & (series < (1 - drop) * after) & rows["flag"].isna()
    out = rows.loc[dips.fillna(False), ["personnel"]].copy()
    out["previous"] = before[dips.fillna(False)].astype(int)
    out["next"] = after[dips.fillna(False)].astype(int)
    return out.reset_index()


def span_change(frame: pd.DataFrame, start: int, end: int, country: str = "JPN"):
    """(value at start, value at end, percent change) for a country, or None if a year is absent."""
    rows = frame[frame["country_iso3"] == country].set_index("year")["personnel"]
    if start not in rows.index or end not in rows.index:
        return None
    first, last = int(rows[start]), int(rows[end])
    return first, last, 100 * (last / first - 1)


def lead_years(frame: pd.DataFrame, other: str, country: str = "JPN") -> dict[str, object]:
    """How often ``country`` hosted more U.S. personnel than ``other`` in the frame.

    Returns the number of shared years, the years ``country`` was ahead, and the first
    year from which it stayed ahead to the end of the frame (None if it is behind at the end).
    """
    wide = frame.pivot(index="year", columns="country_iso3", values="personnel")
    both = wide[[country, other]].dropna().astype(int)
    ahead = both[country] > both[other]
    since = None
    for year in reversed(both.index.tolist()):
        if not ahead[year]:
            break
        since = int(year)
    return {"years": len(both), "ahead": int(ahead.sum()), "since": since}


def thousands(ax, axis: str = "y") -> None:
    """Format an axis's tick labels with thousands separators (50,000)."""
    from matplotlib.ticker import StrMethodFormatter

    target = ax.yaxis if axis == "y" else ax.xaxis
    target.set_major_formatter(StrMethodFormatter("{x:,.0f}"))


def legend_outside(ax, **kwargs) -> None:
    """A legend to the right of the axes, clear of event labels and data."""
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, **kwargs)


def shade_gaps(ax, years: Iterable[int], text: str = "no report") -> None:
    """Grey bands over missing years on a time axis, labelled once."""
    years = sorted(years)
    for year in years:
        ax.axvspan(year - 0.5, year + 0.5, color="#bbbbbb", alpha=0.3, linewidth=0, zorder=0)
    if years:
        middle = (years[0] + years[-1]) / 2
        ax.text(
            middle,
            ax.get_ylim()[0],
            f" {text}",
            rotation=90,
            ha="center",
            va="bottom",
            fontsize=8,
            color="#333333",
        )


def mark_flags(ax, frame: pd.DataFrame, colour: str = "#000000") -> None:
    """Draw flagged rows as distinct open markers, one legend entry per flag."""
    for flag, rows in frame.dropna(subset=["flag"]).groupby("flag"):
        marker, label = FLAG_STYLES.get(flag, ("o", flag))
        ax.scatter(
            rows["year"],
            rows["personnel"],
            marker=marker,
            s=60,
            facecolors="white",
            edgecolors=colour,
            linewidths=1.4,
            zorder=5,
            label=f"Flag: {label}",
        )


# --------------------------------------------------------------------------- areas


def area_split(start: int = 1950, end: int = 1973) -> pd.DataFrame:
    """Personnel by area (mainland, okinawa, bonin_volcano) as year x area, gaps kept as NaN."""
    areas = load("troops_japan_by_area")
    wide = areas.pivot(index="year", columns="area", values="personnel").astype(float)
    return wide.reindex(range(start, end + 1))[AREAS]


def okinawa_share(split: pd.DataFrame) -> pd.Series:
    """Okinawa's share of all U.S. personnel in Japan, in percent, by year."""
    total = split.sum(axis=1, min_count=1)
    return (100 * split["okinawa"] / total).rename("okinawa_share_pct")


def area_flags() -> pd.DataFrame:
    """The flagged rows of the area table (year, area, flag, note)."""
    areas = load("troops_japan_by_area")
    return areas.dropna(subset=["flag"])[["year", "area", "personnel", "flag", "note"]]


def change_pct(split: pd.DataFrame, area: str, start: int, end: int) -> float:
    """Percentage change of an area's personnel between two report years."""
    return float(100 * (split.loc[end, area] / split.loc[start, area] - 1))


# --------------------------------------------------------------------------- events, claims


def chart_events(labels: dict[str, str], start: int, end: int) -> pd.DataFrame:
    """Events whose title is a key of ``labels``, inside the years, with short labels.

    ``labels`` maps an event title in the events table to the text drawn on the chart;
    titles that are not in the table raise a KeyError, so a renamed event is noticed.
    """
    events = load("events")
    unknown = set(labels) - set(events["title"])
    if unknown:
        raise KeyError(f"event titles not in the events table: {sorted(unknown)}")
    chosen = events[events["title"].isin(labels) & events["date"].dt.year.between(start, end)]
    chosen = chosen.drop_duplicates("title").sort_values("date").copy()
    chosen["label"] = chosen["title"].map(labels)
    return chosen.reset_index(drop=True)


def event_date(title: str) -> pd.Timestamp:
    """Date of the (first) event with this exact title."""
    events = load("events")
    match = events.loc[events["title"] == title, "date"]
    if match.empty:
        raise KeyError(f"no event titled {title!r}")
    return match.iloc[0]


def claim(claim_id: str) -> pd.Series:
    """One row of the claims table."""
    claims = load("claims").set_index("claim_id")
    return claims.loc[claim_id]


def numbers_in(text: str) -> list[float]:
    """All numbers in a text, in order (thousands separators removed)."""
    return [float(n.replace(",", "")) for n in re.findall(r"\d[\d,]*(?:\.\d+)?", str(text))]


def claim_number(claim_id: str, column: str = "claimed_value", position: int = 0) -> float:
    """The ``position``-th number in a claims cell (claims store values as text)."""
    found = numbers_in(claim(claim_id)[column])
    if len(found) <= position:
        raise ValueError(f"{claim_id}.{column} has no number at position {position}")
    return found[position]


def _match(claim_id: str, column: str, pattern: str) -> float:
    text = str(claim(claim_id)[column])
    hit = re.search(pattern, text)
    if hit is None:
        raise ValueError(f"{claim_id}.{column} no longer matches {pattern!r}: {text!r}")
    return float(hit.group(1))


# --------------------------------------------------------------------------- bases


def bases_summary(bases: pd.DataFrame) -> dict[str, object]:
    """Counts for the base list: facilities, Okinawa count and share, data fixes."""
    total = len(bases)
    okinawa = int(bases["okinawa"].sum())
    quality = bases["coordinate_quality"]
    return {
        "facilities": total,
        "okinawa": okinawa,
        "okinawa_share_pct": 100 * okinawa / total,
        "coordinates_removed": int((quality == "removed").sum()),
        "approximate": int(((quality != "as_in_source") & (quality != "removed")).sum()),
        "duplicates_dropped": len(dropped_duplicates()),
    }


def dropped_duplicates() -> list[str]:
    """The catalogue's notes on duplicate rows dropped from the base list."""
    return [c for c in describe("bases").caveats if c.startswith("Dropped")]


def base_counts_by_prefecture(bases: pd.DataFrame) -> pd.Series:
    """Facilities per prefecture, largest first ('(no coordinates)' and '(outside outlines)'
    for rows without a prefecture)."""
    missing = bases["lat"].isna().map({True: "(no coordinates)", False: "(outside outlines)"})
    prefecture = bases["prefecture"].astype(object).where(bases["prefecture"].notna(), missing)
    return prefecture.value_counts().rename("facilities")


def short_name(name: str) -> str:
    """A facility name without its place suffix ('Camp Foster, Zukeran' -> 'Camp Foster')."""
    return name.split(",")[0].strip()


def okinawa_share_figures(bases: pd.DataFrame) -> pd.DataFrame:
    """The competing figures for Okinawa's share of U.S. bases in Japan, in percent.

    One row per figure with what it measures (basis) and its source: the count in the
    package's base list, the USFJ count and the official land-area share reported by
    Asahi (claim C021), the prefecture's area share (C021), and the seed's share (C020).
    """
    summary = bases_summary(bases)
    rows = [
        (
            "Seed 001: 'of U.S. bases in Japan'",
            claim_number("C020"),
            "seed (basis not stated)",
            SEED_SOURCES[claim("C020")["seed"]],
        ),
        (
            "Okinawa Prefecture (2017): exclusive-use area",
            _match("C021", "explanation", r"([\d.]+)% of the exclusive-use"),
            "land area",
            "okinawa_pref_henoko_2017",
        ),
        (
            "Defense Ministry via Asahi (2016): exclusive-use area",
            _match("C021", "evidence_value", r"about ([\d.]+)% by land area"),
            "land area",
            claim("C021")["source_id"],
        ),
        (
            "USFJ via Asahi (2016): number of bases",
            _match("C021", "evidence_value", r"([\d.]+)% by number"),
            "count",
            claim("C021")["source_id"],
        ),
        (
            "Vine's list (this package): number of facilities",
            summary["okinawa_share_pct"],
            "count",
            "vine_base_nation",
        ),
    ]
    return pd.DataFrame(rows, columns=["figure", "percent", "basis", "source_id"])


def facility_count_figures(bases: pd.DataFrame) -> pd.DataFrame:
    """Competing counts of U.S. facilities in Okinawa and in all Japan, with sources.

    Rows: seed 001 (Okinawa only, C018), seed 003 (a lower bound, C015), seed 004 (C016),
    the USFJ count reported by Asahi (C018, C021) and Vine's list in this package.
    """
    summary = bases_summary(bases)
    usfj_okinawa = _match("C021", "evidence_value", r"\((\d+) of \d+\)")
    usfj_total = _match("C021", "evidence_value", r"\(\d+ of (\d+)\)")
    nan = float("nan")
    rows = [
        (
            "Seed 001 (no date)",
            claim_number("C018"),
            nan,
            False,
            SEED_SOURCES[claim("C018")["seed"]],
        ),
        (
            "Seed 003: 'more than'",
            nan,
            claim_number("C015"),
            True,
            SEED_SOURCES[claim("C015")["seed"]],
        ),
        (
            "Seed 004 (DoD News, 2020)",
            nan,
            claim_number("C016"),
            False,
            SEED_SOURCES[claim("C016")["seed"]],
        ),
        ("USFJ via Asahi (2016)", usfj_okinawa, usfj_total, False, claim("C021")["source_id"]),
        (
            "Vine's list (this package)",
            summary["okinawa"],
            summary["facilities"],
            False,
            "vine_base_nation",
        ),
    ]
    return pd.DataFrame(rows, columns=["figure", "okinawa", "japan", "lower_bound", "source_id"])


# Map panels: (lon_min, lon_max, lat_min, lat_max).
MAP_EXTENTS = {
    "japan": (122.5, 146.5, 24.0, 46.0),
    "kanto": (137.75, 140.75, 34.95, 36.05),
    "okinawa": (126.85, 128.6, 26.0, 26.95),
}


def spread_labels(
    ax, points: pd.DataFrame, *, x: float, align: str, gap: float, fontsize: float = 7.5
) -> None:
    """Label points in one column at longitude ``x`` with leader lines.

    Labels keep the points' north-south order and are pushed apart to at least ``gap``
    degrees of latitude, so dense clusters stay readable. ``points`` needs lon, lat and
    label columns; ``align`` is the text's horizontal alignment ('left' or 'right').
    """
    if points.empty:
        return
    chosen = points.sort_values("lat", ascending=False)
    ys = chosen["lat"].tolist()
    for i in range(1, len(ys)):
        ys[i] = min(ys[i], ys[i - 1] - gap)
    shift = chosen["lat"].mean() - sum(ys) / len(ys)
    for (_, row), y in zip(chosen.iterrows(), ys, strict=True):
        ax.annotate(
            row["label"],
            xy=(row["lon"], row["lat"]),
            xytext=(x, y + shift),
            ha=align,
            va="center",
            fontsize=fontsize,
            annotation_clip=False,
            arrowprops={"arrowstyle": "-", "color": "#888888", "linewidth": 0.5},
        )


def in_extent(frame: pd.DataFrame, extent: tuple[float, float, float, float]) -> pd.Series:
    """Which rows' coordinates fall inside a (lon_min, lon_max, lat_min, lat_max) box."""
    return frame["lon"].between(extent[0], extent[1]) & frame["lat"].between(extent[2], extent[3])


def draw_bases(ax, bases: pd.DataFrame, *, extent: tuple[float, float, float, float]) -> None:
    """Japan's land, then base points: Okinawa blue, elsewhere orange; approximate
    coordinates (city centroid, ambiguous, shared with a neighbour) circled in black."""
    from alliance_notebooks.style import COUNTRY_COLOURS, PALETTE, draw_japan

    draw_japan(ax)
    located = bases.dropna(subset=["lat", "lon"])
    for is_okinawa, colour, name in (
        (True, COUNTRY_COLOURS["JPN"], "In Okinawa Prefecture"),
        (False, PALETTE[1], "Elsewhere in Japan"),
    ):
        rows = located[located["okinawa"] == is_okinawa]
        ax.scatter(
            rows["lon"],
            rows["lat"],
            s=32,
            color=colour,
            edgecolor="white",
            linewidths=0.5,
            zorder=3,
            label=name,
        )
    rough = located[located["coordinate_quality"] != "as_in_source"]
    ax.scatter(
        rough["lon"],
        rough["lat"],
        s=120,
        facecolors="none",
        edgecolors="black",
        linewidths=1.0,
        zorder=4,
        label="Approximate coordinates",
    )
    ax.set_xlim(extent[0], extent[1])
    ax.set_ylim(extent[2], extent[3])
    ax.grid(False)


def map_axes(fig, axes):
    """Turn a 2 x 2 grid of axes into one tall map panel (left) and two zoom panels (right)."""
    grid = axes[0, 0].get_gridspec()
    for ax in axes[:, 0]:
        ax.remove()
    return fig.add_subplot(grid[:, 0]), axes[0, 1], axes[1, 1]


def plot_bases_map(fig, axes, bases: pd.DataFrame, *, show_labels: bool = True):
    """The three-panel base map: all Japan, Kanto and Okinawa Island (zoom boxes drawn).

    Returns the (japan, kanto, okinawa) axes. With ``show_labels`` the facilities are
    named: in the zoom panels, and on the main panel for those outside both boxes.
    """
    from matplotlib.patches import Rectangle

    main, kanto, okinawa = map_axes(fig, axes)
    located = bases.dropna(subset=["lat", "lon"]).assign(label=lambda f: f["name"].map(short_name))
    for ax, key in ((main, "japan"), (kanto, "kanto"), (okinawa, "okinawa")):
        draw_bases(ax, bases, extent=MAP_EXTENTS[key])
    for key, tag in (("kanto", "b"), ("okinawa", "c")):
        x0, x1, y0, y1 = MAP_EXTENTS[key]
        main.add_patch(
            Rectangle(
                (x0, y0), x1 - x0, y1 - y0, fill=False, edgecolor="#555555", linewidth=0.8, zorder=5
            )
        )
        main.text(x1 + 0.3, y1, f"({tag})", fontsize=9, va="top", color="#333333")
    kanto.set_title("(b) Kanto and Mount Fuji", fontsize=11)
    okinawa.set_title("(c) Okinawa Island", fontsize=11)
    main.legend(loc="upper left", fontsize=8, frameon=True)
    unmapped = bases.loc[bases["lat"].isna(), "name"].map(short_name)
    if len(unmapped):
        main.text(
            0.02,
            0.83,
            "Not mapped (coordinates removed):\n" + "\n".join(unmapped),
            transform=main.transAxes,
            va="top",
            fontsize=7.5,
            color="#333333",
        )
    if show_labels:
        zoomed = in_extent(located, MAP_EXTENTS["kanto"]) | in_extent(
            located, MAP_EXTENTS["okinawa"]
        )
        rest = located[~zoomed]
        spread_labels(main, rest[rest["lon"] < 136], x=128.3, align="right", gap=0.75)
        spread_labels(main, rest[rest["lon"] >= 136], x=143.3, align="left", gap=0.75)
        # zoom panels: (split longitude, west column x, east column x, label gap in degrees)
        for ax, key, (split, west, east, gap) in (
            (kanto, "kanto", (139.5, 138.7, 140.05, 0.08)),
            (okinawa, "okinawa", (127.8, 127.55, 128.12, 0.055)),
        ):
            inside = located[in_extent(located, MAP_EXTENTS[key])]
            spread_labels(ax, inside[inside["lon"] < split], x=west, align="right", gap=gap)
            spread_labels(ax, inside[inside["lon"] >= split], x=east, align="left", gap=gap)
    return main, kanto, okinawa


# --------------------------------------------------------------------------- troop charts


def plot_japan_series(ax, japan: pd.DataFrame, claims: Iterable[tuple[str, int, int]] = ()) -> None:
    """Japan's series with gaps, flagged years as open markers and seed claims in red.

    ``claims`` holds (claim_id, first_year, last_year): each claim's number is drawn as a
    red bar over those years, when they overlap the data shown.
    """
    from alliance_notebooks.style import COUNTRY_COLOURS

    wide = wide_with_gaps(japan)
    ax.plot(
        wide.index,
        wide["JPN"],
        marker=".",
        color=COUNTRY_COLOURS["JPN"],
        label="DoD personnel report",
    )
    mark_flags(ax, japan)
    top = wide["JPN"].max()
    for claim_id, first, last in claims:
        if first <= wide.index.max() and last >= wide.index.min():
            number = claim_number(claim_id)
            ax.plot(
                [first, last],
                [number, number],
                color="#D55E00",
                marker="x",
                linewidth=3,
                label=f"Seed claim {claim_id}: {number:,.0f}",
            )
            top = max(top, number)
    ax.set_ylim(0, 1.45 * top)
    shade_gaps(ax, missing_years(japan))
    thousands(ax)
    legend_outside(ax)


def plot_area_split(ax, ax_share, split: pd.DataFrame) -> None:
    """Stacked bars of personnel by area (distorted years hatched) and, below, Okinawa's share."""
    distorted = set(area_flags()["year"])
    bottom = pd.Series(0.0, index=split.index)
    for area, colour in zip(AREAS, ["#E69F00", "#0072B2", "#009E73"], strict=True):
        bars = ax.bar(
            split.index,
            split[area].fillna(0),
            bottom=bottom,
            color=colour,
            edgecolor="white",
            label=AREA_LABELS[area],
        )
        for bar, year in zip(bars, split.index, strict=True):
            bar.set_hatch("//" if year in distorted else "")
        bottom = bottom + split[area].fillna(0)
    ax.set_ylim(0, 1.5 * bottom.max())
    shade_gaps(ax, split.index[split.isna().all(axis=1)])
    thousands(ax)
    ax.legend(loc="upper left", bbox_to_anchor=(0.47, 0.99), fontsize=8)
    share = okinawa_share(split)
    ax_share.plot(share.index, share, marker="o", color="#0072B2")
    for year in sorted(distorted):
        ax_share.scatter(
            [year], [share[year]], s=90, facecolors="white", edgecolors="black", zorder=5
        )
        ax_share.annotate(
            f"{year}: split distorted",
            (year, share[year]),
            xytext=(-10, -14),
            textcoords="offset points",
            ha="right",
            fontsize=8,
        )
    ax_share.set_ylim(0, 100)
    ax_share.set_ylabel("Okinawa share (%)")
    ax_share.set_xlabel("Year")


def plot_hosts(ax, shown: pd.DataFrame) -> None:
    """One line per host (Japan thicker), flagged values as open markers, gaps shaded."""
    from alliance_notebooks.style import COUNTRY_COLOURS

    wide = wide_with_gaps(shown)
    for code in wide.columns:
        ax.plot(
            wide.index,
            wide[code],
            label=COUNTRY_NAMES.get(code, code),
            color=COUNTRY_COLOURS.get(code),
            linewidth=2.5 if code == "JPN" else 1.5,
            marker=".",
            markersize=4,
        )
    mark_flags(ax, shown, colour="#444444")
    ax.set_ylim(0, 1.3 * shown["personnel"].max())
    shade_gaps(ax, missing_years(shown))
    thousands(ax)
    legend_outside(ax)


# --------------------------------------------------------------------------- base charts

BASIS_COLOURS = {"count": "#0072B2", "land area": "#009E73", "seed (basis not stated)": "#D55E00"}


def plot_share_figures(ax, shares: pd.DataFrame) -> None:
    """Horizontal bars of the competing Okinawa shares, coloured by what they measure."""
    rows = shares.iloc[::-1]
    ax.barh(rows["figure"], rows["percent"], color=rows["basis"].map(BASIS_COLOURS))
    for y, value in enumerate(rows["percent"]):
        ax.text(value + 1, y, f"{value:.1f}%", va="center", fontsize=9)
    ax.set_xlim(0, 100)
    ax.grid(axis="y", visible=False)
    handles = [ax.bar(0, 0, color=c, label=b) for b, c in BASIS_COLOURS.items()]
    ax.legend(
        handles=handles,
        loc="lower right",
        fontsize=8,
        title="What is measured",
        title_fontsize=8,
        frameon=True,
    )


def plot_count_figures(ax, counts: pd.DataFrame) -> None:
    """Paired horizontal bars: facilities in Okinawa and in all Japan, per source.

    Lower bounds ('more than') are hatched; missing values are marked 'not stated'.
    """
    rows = counts.iloc[::-1].reset_index(drop=True)
    height = 0.38
    for offset, column, colour, name in (
        (height / 2, "japan", "#E69F00", "All Japan"),
        (-height / 2, "okinawa", "#0072B2", "Okinawa"),
    ):
        for y, row in rows.iterrows():
            number = row[column]
            if pd.isna(number):
                ax.text(1, y + offset, "not stated", va="center", fontsize=8, color="#777777")
                continue
            ax.barh(
                y + offset,
                number,
                height=height,
                color=colour,
                hatch="//" if row["lower_bound"] else "",
                edgecolor="white",
            )
            prefix = "more than " if row["lower_bound"] else ""
            ax.text(number + 1, y + offset, f"{prefix}{number:.0f}", va="center", fontsize=8)
        ax.barh(0, 0, color=colour, label=name)
    ax.set_yticks(range(len(rows)), rows["figure"])
    ax.set_xlim(0, 1.2 * counts[["okinawa", "japan"]].max().max())
    ax.grid(axis="y", visible=False)
    ax.legend(loc="lower right", fontsize=8, frameon=True)


def plot_area_lines(ax, split: pd.DataFrame) -> None:
    """Mainland and Okinawa personnel as lines (gaps kept), distorted years circled."""
    for area, colour in (("mainland", "#E69F00"), ("okinawa", "#0072B2")):
        ax.plot(
            split.index,
            split[area],
            marker="o",
            markersize=4,
            color=colour,
            label=AREA_LABELS[area],
        )
    for year in sorted(set(area_flags()["year"])):
        ax.scatter(
            [year, year],
            split.loc[year, ["mainland", "okinawa"]],
            s=110,
            facecolors="none",
            edgecolors="black",
            zorder=5,
        )
    ax.scatter(
        [], [], s=110, facecolors="none", edgecolors="black", label="Split distorted (see note)"
    )
    ax.set_ylim(0, 1.45 * split[["mainland", "okinawa"]].max().max())
    shade_gaps(ax, split.index[split.isna().all(axis=1)])
    thousands(ax)
    legend_outside(ax)


# --------------------------------------------------------------------------- Okinawa timeline

OKINAWA_TIMELINE = [
    "Nixon-Sato joint statement on Okinawa",
    "Okinawa Reversion Agreement signed",
    "Okinawa reverts to Japan",
    "Okinawa schoolgirl assault",
    "Okinawa prefectural rally",
    "SOFA custody procedure changed",
    "Special Action Committee on Okinawa set up",
    "Okinawa referendum on bases",
    "SACO final report",
    "Marine helicopter crash at Okinawa International University",
    "Realignment Roadmap approved",
    "1969 secret nuclear minute revealed",
    "Hatoyama resigns over Futenma",
    "Ospreys arrive at Futenma",
    "Nakaima approves Henoko landfill",
    "Onaga revokes Henoko approval",
    "Tamaki elected Okinawa governor",
    "Henoko landfill work starts",
    "Okinawa referendum on Henoko",
]


def timeline(titles: Iterable[str]) -> pd.DataFrame:
    """Events with these titles, in date order, with a date string at their precision."""
    events = load("events")
    chosen = events[events["title"].isin(list(titles))].sort_values("date").copy()
    formats = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}
    chosen["when"] = [
        d.strftime(formats[p])
        for d, p in zip(chosen["date"], chosen["date_precision"], strict=True)
    ]
    return chosen[["when", "title", "category", "summary", "source_id"]].reset_index(drop=True)


def distance_km(bases: pd.DataFrame, first: str, second: str) -> float:
    """Great-circle distance in km between two facilities of the base list, by name."""
    from math import asin, cos, radians, sin, sqrt

    rows = bases.set_index("name").loc[[first, second], ["lat", "lon"]].astype(float)
    (lat1, lon1), (lat2, lon2) = (tuple(map(radians, r)) for r in rows.to_numpy())
    h = sin((lat2 - lat1) / 2) ** 2 + cos(lat1) * cos(lat2) * sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * asin(sqrt(h))
