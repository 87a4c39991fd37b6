# ---
# jupyter:
#   jupytext:
#     cell_metadata_filter: tags,-all
#     notebook_metadata_filter: kernelspec,jupytext,-jupytext.text_representation
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Chapter 9: Explorer
#
# The earlier chapters each make one argument with a fixed set of figures. This notebook is
# a workbench instead: pick a series, a span of years and the countries to compare, and the
# figure redraws in the same house style, with its sources and caveats in the caption. It
# is meant for researchers who want to look before they argue.
#
# **Learning goals**
#
# - Compare U.S. troop levels, defence effort, public opinion and arms supply across
#   countries and periods, and see the few lines of pandas behind each figure.
# - Read every redrawn figure with its caption: which source, which caveats, which
#   countries have no data.
# - Turn an interesting view into a reproducible one by re-running the notebook with
#   papermill and the same parameters.

# %%
# On Google Colab, install the package first; elsewhere this cell does nothing.
import sys

if "google.colab" in sys.modules:
    from IPython import get_ipython

    get_ipython().run_line_magic(
        "pip",
        'install -q "alliance-data[colab] @ git+https://github.com/alliance-notebooks/alliance-notebooks"',
    )

# %% tags=["parameters"]
start_year = 1950  # first year shown (the slider starts here)
end_year = 2025  # last year shown (the slider ends here)
countries = ["JPN", "DEU", "KOR"]  # countries compared (ISO3 codes the explorer offers)

# %%
import base64
import html
import io

import ipywidgets as widgets
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import HTML, Markdown, display

import alliance_data as ad
from alliance_notebooks import check_parameters, citations, figures, plotting, publish, style
from alliance_notebooks.prose import count, listing
from alliance_notebooks.tables import show

# %%
checked = check_parameters(
    "09_explorer", start_year=start_year, end_year=end_year, countries=countries
)
start_year, end_year = checked["start_year"], checked["end_year"]
window = f"{start_year}–{end_year}" if start_year < end_year else f"{start_year}"
citations.reset()

# %% [markdown]
# ## 9.1 The series
#
# Each series is one value column of one table, with the rows it keeps. Country series
# draw one line per country; the arms series is about Japan as a buyer, so it draws the
# United States against all other suppliers and ignores the country list. Add a series by
# adding an entry here: every figure, the static fallback and the live explorer read this
# dictionary.

# %%
SERIES = {
    "troops": {
        "label": "U.S. troops stationed in the host (troops)",
        "table": "troops",
        "value": "personnel",
        "rows": {},
        "scale": 1,
        "ylabel": "Personnel (persons)",
        "title": "U.S. military personnel stationed in each host",
        "note": "One DoD report per year (June to 1956, September from 1957); Japan includes "
        "Okinawa and the Bonin/Volcano Islands.",
    },
    "milex_share": {
        "label": "Defence spending, share of GDP (defense_spending)",
        "table": "defense_spending",
        "value": "share_of_gdp_pct",
        "rows": {},
        "scale": 1,
        "ylabel": "Military expenditure (% of GDP)",
        "title": "Military expenditure as a share of GDP",
        "note": "SIPRI calendar-year figures; Japan's budget year starts in April.",
    },
    "milex_constant": {
        "label": "Defence spending, constant 2023 US$ (defense_spending)",
        "table": "defense_spending",
        "value": "milex_usd_m_constant",
        "rows": {},
        "scale": 1e-3,  # the table stores millions; the figure draws billions
        "ylabel": "Military expenditure (billion US$, constant 2023)",
        "title": "Military expenditure in constant 2023 dollars",
        "note": "SIPRI figures, drawn in billions (the table stores millions).",
    },
}

# %%
PEW = "Pew Research Center, Global Attitudes Survey"
SERIES |= {
    "pew_favourable": {
        "label": "Favourable view of the U.S., Pew (opinion)",
        "table": "opinion",
        "value": "value_pct",
        "rows": {"survey": PEW, "measure": "favorable_view_of_us"},
        "scale": 1,
        "ylabel": "Favourable view of the U.S. (% of respondents)",
        "title": "Share of the public with a favourable view of the United States",
        "note": "Pew Global Attitudes Survey; years without a survey are gaps.",
        "ymax": 100,  # a share of respondents cannot pass 100%
    },
    "arms_tiv": {
        "label": "Arms deliveries to Japan by supplier, SIPRI TIV (arms_transfers)",
        "table": "arms_transfers",
        "value": "tiv_m",
        "rows": {},
        "scale": 1,
        "ylabel": "Deliveries (million TIV)",
        "title": "Major conventional arms delivered to Japan, by supplier",
        "note": "TIV measures military capability transferred, not the price paid; years "
        "without deliveries have no bar.",
    },
}
BY_COUNTRY = [key for key, spec in SERIES.items() if spec["table"] != "arms_transfers"]


# %%
def series_rows(key):
    """The rows of a series' table that the series keeps (every year, every country)."""
    spec = SERIES[key]
    frame = ad.load(spec["table"])
    for column, value in spec["rows"].items():
        frame = frame[frame[column] == value]
    return frame


# %% [markdown]
# The country list offers every country that at least one country series has data for; the
# `countries` parameter allows exactly these codes (its rule in `chapters.yml`, which the
# tests keep in step with the tables).

# %%
offered = sorted(set().union(*(set(series_rows(key)["country_iso3"]) for key in BY_COUNTRY)))
print(f"Countries offered ({len(offered)}):", listing(style.name(c) for c in offered))

# %% [markdown]
# ## 9.2 Selecting and drawing one series
#
# `select` keeps the years and countries asked for and returns tidy rows: year, group (a
# country, or the supplier group), value, the row's flag, and its source. `draw` turns those
# rows into a house-style figure with the shared helpers: a line breaks where the table has
# no value, every flagged value gets the open marker of its flag (the same in every chapter),
# and dashed lines mark four landmark events.

# %%
LANDMARKS = {
    "1960 treaty enters into force": "1960 treaty",
    "Okinawa reverts to Japan": "Okinawa reversion",
    "Security legislation enacted": "2015 security laws",
    "2022 National Security Strategy": "2022 strategy",
}


# %%
def select(key, first, last, codes):
    """Tidy rows of one series inside first–last (country series: only ``codes``)."""
    spec = SERIES[key]
    frame = series_rows(key)
    frame = frame[frame["year"].between(first, last)].dropna(subset=[spec["value"]])
    if key in BY_COUNTRY:
        frame = frame[frame["country_iso3"].isin(codes)]
        group = frame["country_iso3"]
    else:  # one bar segment per supplier group and year
        group = frame["supplier_iso3"].where(frame["supplier_iso3"] == "USA", "others")
    tidy = pd.DataFrame({
        "year": frame["year"].astype(int),
        "group": group,
        "value": frame[spec["value"]].astype(float) * spec["scale"],
        "flag": frame["flag"] if "flag" in frame else None,
        "source_id": frame["source_id"],
    })  # fmt: skip
    if key not in BY_COUNTRY:
        tidy = tidy.groupby(["year", "group"], as_index=False).agg(
            value=("value", "sum"), flag=("flag", "first"), source_id=("source_id", "first")
        )
    return tidy.sort_values(["group", "year"]).reset_index(drop=True)


# %%
def draw_lines(ax, key, shown):
    """One line per country in its house look, with each flagged value marked."""
    for code, rows in shown.groupby("group"):
        look = style.look(code)
        plotting.series(ax, rows, "value", markersize=4, **look)
        plotting.mark_flags(ax, rows, "value", table=SERIES[key]["table"], colour=look["color"])


def draw_bars(ax, shown):
    """Stacked bars: the United States, then all other suppliers."""
    wide = shown.pivot(index="year", columns="group", values="value").fillna(0)
    bottom = 0
    for group, look in [("USA", style.look("USA")), ("others", style.look("others", "supplier"))]:
        if group in wide:
            ax.bar(wide.index, wide[group], bottom=bottom, color=look["color"], label=look["label"])
            bottom = bottom + wide[group]


# %%
def draw(key, first, last, codes, number=""):
    """One series as a house-style figure; returns (figure or None, caption, rows drawn)."""
    spec, shown = SERIES[key], select(key, first, last, codes)
    missing = [style.name(c) for c in codes if c not in set(shown["group"])]
    if shown.empty:
        where = f" for {listing(missing)}" if key in BY_COUNTRY and missing else ""
        years = f"{first}–{last}" if first < last else f"{first}"
        return None, f"No data in {spec['label']}{where} in {years}.", shown
    fig, ax = figures.new_figure(figsize=(10, 7.5))
    if key in BY_COUNTRY:
        draw_lines(ax, key, shown)
    else:
        draw_bars(ax, shown)
    plotting.year_axis(ax, shown["year"])  # the axis ends with the data
    ax.set_ylim(0, spec.get("ymax"))
    if shown["value"].max() >= 1_000:
        figures.thousands(ax)
    events = plotting.events_between(LANDMARKS, shown["year"].min(), shown["year"].max())
    plotting.annotate_events(ax, events)
    plotting.legend_below(ax, ncol=2)
    note = spec["note"]
    if key in BY_COUNTRY and missing:
        note += f" No data in this series for {listing(missing)}."
    if len(events):
        note += " Dashed lines: events from the events table."
    figures.finish(ax, number=number, title=spec["title"], ylabel=spec["ylabel"], xlabel="Year",
                   sources=[*shown["source_id"], *events["source_id"]], note=note)  # fmt: skip
    return fig, fig.alt_text, shown


# %% [markdown]
# ## 9.3 Every series, for the parameters
#
# The live widgets in section 9.4 need a kernel and a browser (JupyterLab or Notebook 7).
# When the notebook runs without one, by papermill, nbval or `jupyter nbconvert --execute`,
# nothing can move the controls, so this section always draws every series as a static
# figure for the years and countries in the parameters cell. To keep a view, re-run the
# notebook with those values, for example:
#
# ```bash
# .venv/bin/papermill 09_explorer.ipynb out.ipynb -p start_year 1970 -p end_year 2000 \
#     -y "countries: [JPN, ITA]"
# ```
#
# (A list parameter goes through `-y`, papermill's YAML option; `-p` would pass it as a
# string and the check would refuse it.)

# %%
shown = {}
fig, caption, shown["troops"] = draw("troops", start_year, end_year, countries, number="9.1")
if fig is None:
    print(caption)

# %%
fig, caption, shown["milex_share"] = draw(
    "milex_share", start_year, end_year, countries, number="9.2"
)
if fig is None:
    print(caption)

# %%
fig, caption, shown["milex_constant"] = draw(
    "milex_constant", start_year, end_year, countries, number="9.3"
)
if fig is None:
    print(caption)

# %%
fig, caption, shown["pew_favourable"] = draw(
    "pew_favourable", start_year, end_year, countries, number="9.4"
)
if fig is None:
    print(caption)

# %%
fig, caption, shown["arms_tiv"] = draw("arms_tiv", start_year, end_year, countries, number="9.5")
if fig is None:
    print(caption)

# %% [markdown]
# What each figure drew: how many rows, from which years, and for which countries or
# supplier groups.

# %%
overview = pd.DataFrame([
    {
        "series": SERIES[key]["label"],
        "rows": len(rows),
        "first year": rows["year"].min() if len(rows) else None,
        "last year": rows["year"].max() if len(rows) else None,
        "drawn": listing("all other suppliers" if g == "others" else style.name(g)
                         for g in rows["group"].unique()),
    }
    for key, rows in shown.items()
])  # fmt: skip
show(overview)

# %%
drawn = pd.concat([rows[["year"]] for rows in shown.values()])
if drawn.empty:
    print(f"No series has data for these countries in {window}.")
else:
    print(f"Data shown: {drawn.year.min()}–{drawn.year.max()}")

# %%
troops_drawn = shown["troops"]
flagged = int(troops_drawn["flag"].notna().sum())

# %%
if troops_drawn.empty:
    text = "The troop figure has no values for these countries and years."
elif flagged == 0:
    text = f"None of the {count(len(troops_drawn), 'value')} in the troop figure carries a flag."
else:
    text = (
        f"In the troop figure, {flagged} of the {count(len(troops_drawn), 'value')} drawn "
        f"{'carries' if flagged == 1 else 'carry'} a flag (the open markers); read the row's "
        "`note` in `ad.load('troops')` before quoting one."
    )
Markdown(text)

# %%
arms_drawn = shown["arms_tiv"]
us_share = None

# %%
if arms_drawn.empty:
    text = f"No arms deliveries to Japan are recorded in {window}."
else:
    us_share = (
        100 * arms_drawn.loc[arms_drawn.group == "USA", "value"].sum() / arms_drawn.value.sum()
    )
    first, last = arms_drawn.year.min(), arms_drawn.year.max()
    years = f"{first}–{last}" if first < last else f"{first}"
    text = f"Of the arms delivered to Japan in {years}, the United States supplied {us_share:.1f}% (by TIV)."
Markdown(text)

# %%
publish(
    countries_offered=len(offered),
    data_first_year=int(drawn.year.min()) if len(drawn) else None,
    data_last_year=int(drawn.year.max()) if len(drawn) else None,
    troop_values_drawn=len(troops_drawn),
    troop_values_flagged=flagged,
    us_share_of_arms_tiv_pct=None if us_share is None else round(us_share, 1),
)

# %% [markdown]
# ## 9.4 The live explorer
#
# Run the next cells in JupyterLab. The explorer starts from the parameters above and has
# three controls:
#
# - **Series** (drop-down): any entry of `SERIES`.
# - **Countries** (list): click one country, or hold Ctrl (Cmd on a Mac) and click to
#   pick several. When a country has no data in the chosen series, the caption says so.
# - **Years** (slider): drag either end; the figure redraws when you let go.
#
# The line under the slider reports the years and the number of rows actually drawn.
# Each redraw replaces the Output widget's contents directly (a PNG of the figure, then
# its caption as text) rather than capturing printed output, so the cells also run to the
# end without a browser, where they show only a text placeholder for the widgets.

# %%
first_year = int(min(series_rows(key)["year"].min() for key in SERIES))
last_year = int(max(series_rows(key)["year"].max() for key in SERIES))
chooser = widgets.Dropdown(options=[(spec["label"], key) for key, spec in SERIES.items()],
                           value="troops", description="Series",
                           layout=widgets.Layout(width="480px"))  # fmt: skip
picker = widgets.SelectMultiple(options=[(f"{style.name(c)} ({c})", c) for c in offered],
                                value=tuple(countries), rows=8, description="Countries",
                                layout=widgets.Layout(width="320px"))  # fmt: skip
years = widgets.IntRangeSlider(value=(start_year, end_year), min=first_year, max=last_year,
                               description="Years", continuous_update=False,
                               layout=widgets.Layout(width="640px"))  # fmt: skip
status, out = widgets.HTML(), widgets.Output()


# %%
def redraw(_change=None):
    """Draw the chosen view and put the PNG and its caption into ``out``."""
    fig, caption, rows = draw(chooser.value, *years.value, list(picker.value))
    items = []
    if fig is not None:
        png = io.BytesIO()
        fig.savefig(png, format="png")
        plt.close(fig)  # shown in the Output widget, not again below the cell
        data = base64.b64encode(png.getvalue()).decode()  # an <img> with alt text, on any IPython
        items.append(HTML(f'<img src="data:image/png;base64,{data}" alt="{html.escape(caption)}">'))
    items.append(HTML(f"<p><em>Caption:</em> {html.escape(caption)}</p>"))
    out.outputs = ()
    for item in items:
        out.append_display_data(item)
    span = f"{rows.year.min()}–{rows.year.max()}, {len(rows)} rows" if len(rows) else "none"
    status.value = f"<b>Drawn:</b> {span}"


# %%
for control in (chooser, picker, years):
    control.observe(redraw, names="value")
redraw()
widgets.VBox([widgets.HBox([widgets.VBox([chooser, years, status]), picker]), out])

# %% [markdown]
# ## 9.5 Before you quote a view
#
# Each series carries caveats from its table's catalogue entry. Those that matter most for
# comparisons across countries and years are printed here; `ad.describe(name)` has the
# rest, with every column's unit.

# %%
for name in dict.fromkeys(spec["table"] for spec in SERIES.values()):
    caveats = "\n".join(f"- {c}" for c in ad.describe(name).caveats)
    display(Markdown(f"**{name}** (coverage: {ad.describe(name).coverage})\n\n{caveats}"))

# %% [markdown]
# ## Exercises
#
# ### Exercise 9.1
#
# Using the whole `troops` table (not just the window above), find the first year after
# 1960 in which more U.S. personnel were counted in Japan than in Germany. Then look up
# that year's Japan row: what does its `flag` say about comparing it with the year before?

# %% tags=["solution"]
from alliance_notebooks.exercises import check

by_host = ad.load("troops").pivot(index="year", columns="country_iso3", values="personnel")
after_1960 = by_host.loc[1961:]
japan_ahead = after_1960[after_1960["JPN"] > after_1960["DEU"]]
answer = int(japan_ahead.index.min())
troops_table = ad.load("troops")
print(troops_table.query("country_iso3 == 'JPN' and year == @answer")[["flag", "note"]])
check("09.1", answer)

# %% [markdown]
# ### Exercise 9.2
#
# Over every year of the `arms_transfers` table, which supplier other than the United
# States delivered the most arms to Japan, measured in TIV? Answer with its ISO3 code.

# %% tags=["solution"]
from alliance_notebooks.exercises import check

by_supplier = ad.load("arms_transfers").groupby("supplier_iso3")["tiv_m"].sum()
answer = by_supplier.drop("USA").idxmax()
print(by_supplier.sort_values(ascending=False).head())
check("09.2", answer)

# %% [markdown]
# ### Exercise 9.3
#
# Pew asked the same question in 2016 and 2017 in several of the countries the explorer
# offers. In which country did the share with a favourable view of the United States fall
# the most, in percentage points, between the two surveys? Answer with its ISO3 code.

# %% tags=["solution"]
from alliance_notebooks.exercises import check

pew = ad.load("opinion").query("survey == @PEW and measure == 'favorable_view_of_us'")
pew_wide = pew.pivot(index="country_iso3", columns="year", values="value_pct")
change = (pew_wide[2017] - pew_wide[2016]).dropna()
print(change.sort_values())
answer = change.idxmin()
check("09.3", answer)

# %% [markdown]
# ## Key takeaways
#
# - One drop-down, one country list and one year slider reach the main series of the
#   package; every redraw keeps the house style and a full source caption.
# - Gaps and flagged values are drawn as such, so a view never hides a weak point.
# - The static figures make the notebook safe to run unattended; the widgets add speed
#   when exploring by hand.
# - A view worth keeping should be re-run with papermill, so that its parameters are on
#   record.
#
# ## Sources
#
# The explorer draws on four tables, plus the `events` table for the dashed landmark lines;
# the list below names the sources of the rows drawn above.

# %%
citations.sources_cell()
