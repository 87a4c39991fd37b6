"""Explore the main series (live with ipywidgets, or as static figures) and tour the tables.

>>> from alliance_data import explorer
>>> explorer.static_figures(1950, 2025, ["JPN", "DEU", "KOR"])  # works in any kernel
>>> explorer.explore(1950, 2025, ["JPN", "DEU", "KOR"])         # live controls in JupyterLab

The second half of the module (``summary``, ``source_audit``, ``flag_summary``,
``verify_checksums``, ``tamper_demo``, ``bibliography`` and the small drawing helpers)
serves chapter 0, the tour of the data. Nothing here adds numbers of its own: every
value comes from a shipped table.
"""

from __future__ import annotations

import hashlib
import html
import io
import shutil
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

import matplotlib.pyplot as plt
import matplotlib.ticker as mticker
import pandas as pd

from alliance_data import catalog, loading
from alliance_notebooks import style as plotting
from alliance_data.catalog import describe, list_tables, resource
from alliance_data.citation import cite
from alliance_data.loading import DataIntegrityError, load

COUNTRY_NAMES = {
    "AUS": "Australia",
    "CHE": "Switzerland",
    "CHN": "China",
    "DEU": "Germany",
    "FRA": "France",
    "GBR": "United Kingdom",
    "IND": "India",
    "ITA": "Italy",
    "JPN": "Japan",
    "KOR": "South Korea",
    "NLD": "Netherlands",
    "PHL": "Philippines",
    "PRK": "North Korea",
    "RUS": "Russia",
    "SUN": "Soviet Union",
    "SWE": "Sweden",
    "TWN": "Taiwan",
    "USA": "United States",
}
# Colours for countries outside the house palette's COUNTRY_COLOURS (Tol's muted scheme).
EXTRA_COLOURS = ["#882255", "#44AA99", "#332288", "#999933", "#AA4499", "#117733", "#661100"]
PEW = "Pew Research Center, Global Attitudes Survey"

# Events marked on every time-series figure: events-table title -> short label.
LANDMARKS = {
    "1960 treaty enters into force": "1960 treaty",
    "Okinawa reverts to Japan": "Okinawa reversion",
    "Security legislation enacted": "2015 security laws",
    "2022 National Security Strategy": "2022 strategy",
}

EVENTS_NOTE = " Dashed lines mark events from the events table (sources: ad.cite('events'))."


@dataclass(frozen=True)
class Series:
    """One series the explorer can draw: a value column of a table, grouped by country."""

    label: str
    table: str
    value: str
    ylabel: str
    title: str
    filters: tuple[tuple[str, str], ...] = ()
    scale: float = 1.0
    by_country: bool = True
    note: str = ""
    ymax: float | None = None  # natural ceiling of the value (100 for percentages of people)


SERIES: dict[str, Series] = {
    "troops": Series(
        "U.S. troops stationed in the host (troops)",
        "troops",
        "personnel",
        "Personnel (persons)",
        "U.S. military personnel stationed in each host",
        note="One DoD report per year (June to 1956, September from 1957); "
        "Japan includes Okinawa and the Bonin/Volcano Islands.",
    ),
    "milex_share": Series(
        "Defence spending, share of GDP (defense_spending)",
        "defense_spending",
        "share_of_gdp_pct",
        "Military expenditure (% of GDP)",
        "Military expenditure as a share of GDP",
    ),
    "milex_constant": Series(
        "Defence spending, constant 2023 US$ (defense_spending)",
        "defense_spending",
        "milex_usd_m_constant",
        "Military expenditure (billion US$, constant 2023)",
        "Military expenditure in constant 2023 dollars",
        scale=1e-3,
        note="Drawn in billions; the table stores millions (milex_usd_m_constant).",
    ),
    "pew_favourable": Series(
        "Favourable view of the U.S., Pew (opinion)",
        "opinion",
        "value_pct",
        "Favourable view of the U.S. (% of respondents)",
        "Share of the public with a favourable view of the United States",
        filters=(("survey", PEW), ("measure", "favorable_view_of_us")),
        ymax=100,
        note="Pew Global Attitudes Survey; years without a survey are gaps.",
    ),
    "arms_tiv": Series(
        "Arms deliveries to Japan by supplier, SIPRI TIV (arms_transfers)",
        "arms_transfers",
        "tiv_m",
        "Deliveries (million TIV)",
        "Major conventional arms delivered to Japan, by supplier",
        by_country=False,
        note="TIV measures military capability transferred, not the price paid; years "
        "without deliveries have no bar.",
    ),
}


# ------------------------------------------------------------------ the explorer's data
def country_name(code: str) -> str:
    """Readable name of an ISO3 code (the code itself if unknown)."""
    return COUNTRY_NAMES.get(code, code)


def country_colour(code: str) -> str:
    """House colour of a country; countries outside the palette get a fixed extra colour."""
    if code in plotting.COUNTRY_COLOURS:
        return plotting.COUNTRY_COLOURS[code]
    others = sorted(set(COUNTRY_NAMES) - set(plotting.COUNTRY_COLOURS))
    return EXTRA_COLOURS[others.index(code) % len(EXTRA_COLOURS)] if code in others else "#777777"


def country_options() -> list[str]:
    """Every country code that at least one country-based series has data for."""
    codes: set[str] = set()
    for spec in SERIES.values():
        if spec.by_country:
            codes |= set(_filtered(spec)["country_iso3"].dropna())
    return sorted(codes)


def year_bounds() -> tuple[int, int]:
    """First and last year over all explorer series."""
    years = pd.concat([_filtered(spec)["year"] for spec in SERIES.values()])
    return int(years.min()), int(years.max())


def _filtered(spec: Series) -> pd.DataFrame:
    frame = load(spec.table)
    for column, value in spec.filters:
        frame = frame[frame[column] == value]
    return frame


def series_data(
    key: str, start_year: int, end_year: int, countries: Sequence[str] = ()
) -> pd.DataFrame:
    """Tidy rows of one series: year, group, value, flagged, source_id.

    Country series keep the chosen countries; the arms series groups suppliers into the
    United States and all others (summed per year).
    """
    spec = SERIES[key]
    frame = _filtered(spec)
    frame = frame[frame["year"].between(start_year, end_year)]
    if spec.by_country:
        frame = frame[frame["country_iso3"].isin(list(countries))]
        flagged = frame["flag"].notna() if "flag" in frame else False
        tidy = pd.DataFrame(
            {
                "year": frame["year"].astype(int),
                "group": frame["country_iso3"],
                "value": frame[spec.value].astype(float) * spec.scale,
                "flagged": flagged,
                "source_id": frame["source_id"],
            }
        )
    else:
        group = frame["supplier_iso3"].where(frame["supplier_iso3"] == "USA", "Others")
        tidy = (
            frame.assign(group=group)
            .groupby(["year", "group"], as_index=False)
            .agg(value=(spec.value, "sum"), source_id=("source_id", "first"))
            .assign(flagged=False)
        )
        tidy["year"] = tidy["year"].astype(int)
    tidy = tidy.dropna(subset=["value"])
    return tidy.sort_values(["group", "year"]).reset_index(drop=True)


def landmarks(start_year: int, end_year: int) -> pd.DataFrame:
    """The LANDMARKS events inside the years shown, with a short ``label`` column."""
    events = load("events")
    events = events[events["title"].isin(list(LANDMARKS))]
    events = events[events["date"].dt.year.between(start_year, end_year)]
    return events.assign(label=events["title"].map(LANDMARKS))


# ------------------------------------------------------------------ drawing
def _draw_lines(ax, shown: pd.DataFrame, start_year: int, end_year: int) -> None:
    years = range(start_year, end_year + 1)
    for code, rows in shown.groupby("group", sort=False):
        colour = country_colour(code)
        line = rows.set_index("year")["value"].reindex(years)  # gaps stay gaps
        ax.plot(
            line.index,
            line.values,
            marker="o",
            markersize=3,
            color=colour,
            label=country_name(code),
        )
        flagged = rows[rows["flagged"].astype(bool)]
        ax.scatter(
            flagged["year"],
            flagged["value"],
            s=40,
            facecolors="white",
            edgecolors=colour,
            linewidths=1.5,
            zorder=3,
        )
    if shown["flagged"].astype(bool).any():
        ax.scatter(
            [],
            [],
            s=40,
            facecolors="white",
            edgecolors="#444444",
            label="flagged value (see flag column)",
        )
    ax.set_ylim(bottom=0)


def _draw_bars(ax, shown: pd.DataFrame) -> None:
    wide = shown.pivot_table(index="year", columns="group", values="value", aggfunc="sum")
    bottom = pd.Series(0.0, index=wide.index)
    labels = {"USA": "United States", "Others": "All other suppliers"}
    colours = {"USA": plotting.COUNTRY_COLOURS["USA"], "Others": "#999999"}
    for group in [g for g in ("USA", "Others") if g in wide]:
        values = wide[group].fillna(0)
        ax.bar(
            wide.index, values, bottom=bottom, width=0.8, color=colours[group], label=labels[group]
        )
        bottom += values


def _headroom(ax, ymax: float | None = None, factor: float = 1.3) -> None:
    """Start the y axis at zero, leave room above the data for event labels, group digits.

    With ``ymax`` (e.g. 100 for percentages of respondents) no tick is drawn above it.
    """
    top = ymax if ymax is not None else ax.get_ylim()[1]
    ax.set_ylim(0, top * factor)
    if ymax is not None:
        ax.set_yticks([t for t in ax.get_yticks() if 0 <= t <= ymax])
    if top >= 10_000:
        ax.yaxis.set_major_formatter(mticker.StrMethodFormatter("{x:,.0f}"))


def draw_series(
    key: str, start_year: int, end_year: int, countries: Sequence[str] = ()
) -> tuple[plt.Figure | None, str, pd.DataFrame]:
    """Draw one series in the house style; returns (figure, caption, data shown).

    When the selection holds no data the figure is None and the caption says why.
    """
    spec = SERIES[key]
    shown = series_data(key, start_year, end_year, countries)
    if shown.empty:
        return None, f"No data for this selection ({spec.label}, {start_year}–{end_year}).", shown
    fig, ax = plotting.new_figure()
    first, last = int(shown["year"].min()), int(shown["year"].max())  # axis fits the data
    if spec.by_country:
        _draw_lines(ax, shown, first, last)
    else:
        _draw_bars(ax, shown)
    ax.set_xlim(first - 1, last + 1)
    ax.xaxis.set_major_locator(mticker.MaxNLocator(integer=True, steps=[1, 2, 5, 10]))
    _headroom(ax, spec.ymax)
    events = landmarks(first, last)
    plotting.annotate_events(ax, events)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0))
    missing = [country_name(c) for c in countries if c not in set(shown["group"])]
    note = spec.note
    if spec.by_country and missing:
        note += f" No data in this series for: {', '.join(missing)}."
    caption = plotting.finish(
        ax,
        title=spec.title,
        ylabel=spec.ylabel,
        xlabel="Year",
        sources=shown["source_id"].unique(),
        note=(note + EVENTS_NOTE if len(events) else note).strip(),
    )
    return fig, caption, shown


def rendered(fig, caption: str) -> list:
    """A figure as a PNG image (with the caption as its alt text), then the caption as text."""
    from IPython.display import HTML, Image

    items = []
    if fig is not None:
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", bbox_inches="tight")
        plt.close(fig)
        items.append(Image(data=buffer.getvalue(), format="png", alt=caption))
    items.append(HTML(f"<p><em>Caption:</em> {html.escape(caption)}</p>"))
    return items


def show(fig, caption: str) -> None:
    """Display a figure as a PNG, then its caption as text (the figure's alt text)."""
    from IPython.display import display

    for item in rendered(fig, caption):
        display(item)


def span(frames: Iterable[pd.DataFrame]) -> tuple[int, int]:
    """First and last year present in the given data frames (those with rows)."""
    years = pd.concat([f["year"] for f in frames if len(f)])
    return int(years.min()), int(years.max())


def overview(shown: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per series drawn: label, rows, first and last year, groups present."""
    return pd.DataFrame(
        [
            {
                "series": SERIES[key].label,
                "rows": len(frame),
                "first year": frame["year"].min() if len(frame) else None,
                "last year": frame["year"].max() if len(frame) else None,
                "drawn": ", ".join(
                    country_name(g) if g != "Others" else "other suppliers"
                    for g in frame["group"].unique()
                ),
            }
            for key, frame in shown.items()
        ]
    )


def static_figures(
    start_year: int, end_year: int, countries: Sequence[str]
) -> dict[str, pd.DataFrame]:
    """Draw every explorer series as a static figure with its caption; return the data shown."""
    shown = {}
    for key in SERIES:
        fig, caption, shown[key] = draw_series(key, start_year, end_year, countries)
        show(fig, caption)
    return shown


def explore(
    start_year: int = 1950,
    end_year: int = 2025,
    countries: Sequence[str] = ("JPN", "DEU", "KOR"),
    series: str = "troops",
):
    """An ipywidgets explorer: series drop-down, country picker and year-range slider.

    Every change redraws the house-style figure (and its caption) in an Output widget,
    whose contents are set directly so the cell also runs without a front end.
    Returns the widget box; display it as a cell's last expression.
    """
    import ipywidgets as w

    low, high = year_bounds()
    style = {"description_width": "initial"}
    chooser = w.Dropdown(
        options=[(spec.label, key) for key, spec in SERIES.items()],
        value=series,
        description="Series",
        style=style,
        layout=w.Layout(width="480px"),
    )
    picker = w.SelectMultiple(
        options=[(f"{country_name(c)} ({c})", c) for c in country_options()],
        value=tuple(c for c in countries if c in country_options()),
        rows=8,
        description="Countries",
        style=style,
        layout=w.Layout(width="320px"),
    )
    years = w.IntRangeSlider(
        value=(max(start_year, low), min(end_year, high)),
        min=low,
        max=high,
        step=1,
        description="Years",
        continuous_update=False,
        style=style,
        layout=w.Layout(width="640px"),
    )
    hint = w.HTML()
    status = w.HTML()
    out = w.Output()

    def redraw(_change=None) -> None:
        first, last = years.value
        hint.value = (
            "<small>Ctrl/Cmd-click to pick several countries.</small>"
            if SERIES[chooser.value].by_country
            else "<small>Japan's arms suppliers: the country list does not apply.</small>"
        )
        fig, caption, shown = draw_series(chooser.value, first, last, picker.value)
        # Set the Output widget's contents directly rather than capturing printed output:
        # capture needs a front end to route messages and can stall a headless run.
        out.outputs = ()
        for item in rendered(fig, caption):
            out.append_display_data(item)
        if shown.empty:
            status.value = "<b>Data shown:</b> none"
        else:
            status.value = (
                f"<b>Data shown:</b> {shown.year.min()}–{shown.year.max()} ({len(shown)} rows)"
            )

    for control in (chooser, picker, years):
        control.observe(redraw, names="value")
    redraw()
    controls = w.HBox([w.VBox([chooser, years, hint, status]), picker])
    return w.VBox([controls, out])


# ------------------------------------------------------------------ tour helpers (chapter 0)
def summary(name: str, max_sources: int = 3):
    """``describe(name)`` as Markdown, with the source list shortened to ``max_sources``."""
    from IPython.display import Markdown

    d = describe(name)
    caveats = "\n".join(f"- {c}" for c in d.caveats) or "- (none)"
    sources = [f"- {s}" for s in d.sources[:max_sources]]
    if len(d.sources) > max_sources:
        sources.append(
            f"- … and {len(d.sources) - max_sources} more (`ad.describe({name!r})` "
            f"or `ad.cite({name!r})` lists them all)"
        )
    return Markdown(
        f"**{d.name}**: {d.title}\n\n{d.description}\n\n"
        f"*Rows:* {d.rows} · *Coverage:* {d.coverage} · "
        f"*One row per:* {', '.join(d.primary_key)}\n\n"
        f"{d.columns.fillna('').to_markdown(index=False)}\n\n"
        f"**Caveats**\n\n{caveats}\n\n**Sources**\n\n" + "\n".join(sources)
    )


def row_counts() -> pd.Series:
    """Rows of every table, in catalogue order (counted from the loaded data)."""
    return pd.Series({name: len(load(name)) for name in list_tables()}, name="rows")


def source_audit() -> pd.DataFrame:
    """Per table: rows, distinct sources, unresolved source_ids and rows by source kind."""
    kinds = load("sources").set_index("source_id")["kind"]
    records = []
    for name in list_tables():
        ids = load(name)["source_id"]
        kind = ids.map(kinds)
        records.append(
            {
                "table": name,
                "rows": len(ids),
                "sources": ids.nunique(),
                "unresolved": int(kind.isna().sum()),
                **{k: int((kind == k).sum()) for k in ("primary", "compilation", "secondary")},
            }
        )
    return pd.DataFrame(records)


def transcribed_tables() -> list[str]:
    """Tables whose catalogue caveats say their values were TRANSCRIBED by hand."""
    return [n for n in list_tables() if any("TRANSCRIBED" in c for c in describe(n).caveats)]


QUALITY_COLUMNS = ("flag", "reliability", "derived", "coordinate_quality")


def flag_summary() -> pd.DataFrame:
    """Counts of every value of the data-quality columns (flags, grades) in every table."""
    parts = []
    for name in list_tables():
        frame = load(name)
        for column in (c for c in QUALITY_COLUMNS if c in frame):
            counts = frame[column].astype("string").fillna("(empty)").value_counts()
            parts.append(
                pd.DataFrame(
                    {"table": name, "column": column, "value": counts.index, "rows": counts.values}
                )
            )
    return pd.concat(parts, ignore_index=True)


def verify_checksums() -> pd.DataFrame:
    """Recompute each file's sha256 and size and compare them with ``datapackage.json``."""
    records = []
    for name in list_tables():
        res = resource(name)
        data = (catalog.DATA_DIR / res["path"]).read_bytes()
        recorded = res["hash"].split(":", 1)[1]
        actual = hashlib.sha256(data).hexdigest()
        records.append(
            {
                "table": name,
                "file": res["path"],
                "bytes": len(data),
                "recorded sha256": recorded[:16] + "…",
                "matches": actual == recorded and len(data) == res["bytes"],
            }
        )
    return pd.DataFrame(records)


def tamper_demo(name: str = "troops") -> str:
    """Alter one byte of a scratch copy of ``name``'s file and return the error load() raises.

    The shipped files are never touched: the package is pointed at a temporary copy for the
    duration of the call.
    """
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "data"
        shutil.copytree(Path(str(catalog.DATA_DIR)), copy)
        path = copy / resource(name)["path"]
        data = bytearray(path.read_bytes())
        data[-2] = ord("0") if data[-2] != ord("0") else ord("1")
        path.write_bytes(bytes(data))
        with (
            mock.patch.object(catalog, "DATA_DIR", copy),
            mock.patch.object(loading, "DATA_DIR", copy),
            mock.patch.dict(loading._cache, clear=True),
        ):
            try:
                load(name)
            except DataIntegrityError as error:
                return f"DataIntegrityError: {error}"
    return "no error raised (unexpected)"


def bibliography(names: Iterable[str], style: str = "text") -> str:
    """The union of ``cite(name)`` over several tables, each entry once, in first-seen order."""
    entries: dict[str, None] = {}
    for name in names:
        entries.update(dict.fromkeys(cite(name, style=style).split("\n\n")))
    return "\n\n".join(entries)


def finish_many(
    ax, *, table: str, sources: Sequence[str], named: int = 3, note: str = "", **kwargs
) -> str:
    """``plotting.finish`` for figures built from many sources: names the most-cited few.

    The caption says how many sources lie behind the figure and where to find them all.
    """
    counts = pd.Series(list(sources)).value_counts()
    if len(counts) > named:
        note = (
            f"{note} Built from {len(counts)} sources; the {named} cited most often are "
            f"named here, and ad.cite({table!r}) lists every one."
        ).strip()
    return plotting.finish(ax, sources=counts.index[:named], note=note, **kwargs)


def events_by_decade() -> pd.DataFrame:
    """Number of events per category (rows) and decade (columns)."""
    events = load("events")
    decade = (events["date"].dt.year // 10 * 10).astype(str) + "s"
    table = pd.crosstab(events["category"], decade)
    return table.loc[table.sum(axis=1).sort_values(ascending=False).index]


def draw_heatmap(ax, table: pd.DataFrame, colour_label: str) -> None:
    """A count table as a heatmap with the count written in every non-empty cell."""
    image = ax.imshow(table.values, cmap="Blues", aspect="auto")
    ax.set_xticks(range(table.shape[1]), table.columns, rotation=45, ha="right")
    ax.set_yticks(range(table.shape[0]), table.index)
    ax.grid(False)
    high = table.values.max()
    for (i, j), value in pd.DataFrame(table.values).stack().items():
        if value:
            colour = "white" if value > high / 2 else "#222222"
            ax.text(j, i, str(value), ha="center", va="center", fontsize=8, color=colour)
    ax.figure.colorbar(image, ax=ax, label=colour_label, shrink=0.8)


def draw_japan_opinion(ax) -> pd.DataFrame:
    """Japanese views of the U.S. by survey and measure, as points; open markers for
    mail-mode Cabinet Office waves and crosses for flagged rows. Returns the rows drawn."""
    opinion = load("opinion")
    japan = opinion[
        (opinion["country_iso3"] == "JPN")
        & opinion["measure"].isin(["favorable_view_of_us", "affinity_toward_us", "relations_good"])
    ]
    for i, ((survey, measure), rows) in enumerate(japan.groupby(["survey", "measure"])):
        colour = plotting.PALETTE[i % len(plotting.PALETTE)]
        mail = rows["mode"].str.startswith("mail")
        label = f"{survey.split(',')[0]}: {measure.replace('_', ' ')}"
        ax.scatter(
            rows.loc[~mail, "year"], rows.loc[~mail, "value_pct"], color=colour, s=30, label=label
        )
        ax.scatter(
            rows.loc[mail, "year"],
            rows.loc[mail, "value_pct"],
            facecolors="white",
            edgecolors=colour,
            s=30,
            linewidths=1.5,
        )
        flagged = rows[rows["flag"].notna()]
        ax.scatter(flagged["year"], flagged["value_pct"], marker="x", color="#222222", s=20)
    ax.set_ylim(0, 100)
    return japan
