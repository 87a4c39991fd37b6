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
# # Chapter 0: A tour of the data
#
# Every later chapter argues from the same small set of tables that ship inside the
# `alliance_data` package. Before using them, it pays to know what each one records, what
# a single row stands for, how far it reaches in time, what kind of source stands behind
# it and where it is weak. This chapter walks through every table in catalogue order and
# ends with the one you pick.
#
# **Learning goals**
#
# - Find, load, describe and cite any table with four calls: `ad.list_tables()`,
#   `ad.load()`, `ad.describe()` and `ad.cite()`.
# - Say for each table what one row stands for, what it covers and which caveats bind it.
# - Judge a table by the sources behind its rows: official, scholarly, press or other web
#   pages.
# - Apply the package's honesty rules: every row names its source, hand-gathered series
#   carry reliability grades, and doubtful values carry flags instead of being smoothed.
# - Check that the files you analyse are the files that were published.

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
table = "troops"  # the table shown in detail at the end (any name from ad.list_tables())
preview_rows = 5  # how many rows each preview shows

# %%
import hashlib
import json

import pandas as pd
from IPython.display import Markdown, display

import alliance_data as ad
from alliance_notebooks import check_parameters, citations, figures, maps, plotting, publish, style
from alliance_notebooks.tables import for_people, show

# %%
checked = check_parameters("00_data_tour", table=table, preview_rows=preview_rows)
style.use_house_style()
citations.reset()

# %% [markdown]
# ## 0.1 The catalogue
#
# The package keeps a Frictionless `datapackage.json` that lists every table with its
# columns, units, primary key, coverage, caveats and sources. `ad.list_tables()` returns
# the table names in the order of that catalogue, `ad.describe(name)` returns the entry,
# and `ad.load(name)` returns a typed pandas DataFrame (a fresh copy each time, so you
# cannot damage the package's data by editing it). The cell below builds one line per
# table from those calls: what a row stands for, how many rows the loaded data have, the
# catalogue's coverage, and how many caveats and distinct sources the table has.

# %%
catalogue = pd.DataFrame(
    [
        {
            "table": name,
            "title": ad.describe(name).title,
            "one row per": ", ".join(ad.describe(name).primary_key),
            "rows": len(ad.load(name)),
            "coverage": ad.describe(name).coverage,
            "caveats": len(ad.describe(name).caveats),
            "sources": ad.load(name)["source_id"].nunique(),
        }
        for name in ad.list_tables()
    ]
)
show(catalogue)

# %%
largest = catalogue.loc[catalogue.rows.idxmax()]
smallest = catalogue.loc[catalogue.rows.idxmin()]
Markdown(
    f"The package ships **{len(catalogue)} tables** with **{catalogue.rows.sum():,} rows** "
    f"between them. The largest is `{largest.table}` ({largest.rows:,} rows) and the smallest "
    f"is `{smallest.table}` ({smallest.rows:,} rows): most tables are short, hand-checked "
    "compilations rather than bulk downloads."
)

# %% [markdown]
# ### Which years each series can speak about
#
# A coverage line such as "1950–2025" hides the gaps inside it. Figure 0.1 draws, for each
# table that has one row per year (or per dated event), a bar over every run of years with
# at least one row. A gap is a year the table says nothing about: no report was found, no
# survey was held, or no figure could be sourced. Chapters clip their year window to these
# spans, and a line that crosses a gap in a later chapter is broken, never bridged.

# %%
YEAR_OF = {  # table -> how to read a row's year
    "events": lambda f: f["date"].dt.year,
    "troops": lambda f: f["year"],
    "troops_japan_by_area": lambda f: f["year"],
    "host_nation_support": lambda f: f["fiscal_year"],
    "defense_spending": lambda f: f["year"],
    "opinion": lambda f: f["year"],
    "trade": lambda f: f["year"],
    "arms_transfers": lambda f: f["year"],
}

# %%
fig, ax = figures.new_figure(figsize=(10, 5.5))
for lane, (name, year_of) in enumerate(YEAR_OF.items()):
    years = pd.Series(sorted(set(year_of(ad.load(name)).dropna().astype(int))))
    runs = years.groupby((years.diff() != 1).cumsum())  # consecutive years form one run
    spans = [(run.min() - 0.5, run.max() - run.min() + 1) for _, run in runs]
    ax.broken_barh(spans, (lane - 0.35, 0.7), color=style.GREY)
ax.set_yticks(range(len(YEAR_OF)), list(YEAR_OF))
ax.invert_yaxis()
ax.grid(axis="y", visible=False)
figures.finish(
    ax,
    number="0.1",
    title="Years with at least one row, by table",
    ylabel="Table",
    xlabel="Year (fiscal year for host_nation_support)",
    note="A bar covers each run of consecutive years with data; white space is a gap. "
    "Built from the tables themselves (ad.load).",
)

# %% [markdown]
# ## 0.2 The honesty rules
#
# Three rules run through every table. Knowing them makes the caveats in the tour below
# much easier to read.
#
# **Every row names a source.** Each table has a `source_id` column, and every value in it
# must resolve to a row of the `sources` table, which records the title, publisher, year,
# address, access date, licence and two gradings of each source. Its *kind* says how close
# the source is to the figure: *primary* sources produced it (a Defense Department report,
# SIPRI's database), *compilations* are datasets assembled from primary sources by someone
# else, and *secondary* sources only report it. Its *quality* says who stands behind it:
# an official body, a scholarly publisher or research institute, the press, or some other
# web page. The audit below checks the first rule for every table.

# %%
sources = ad.load("sources")
unresolved = pd.Series(
    {
        name: int((~ad.load(name)["source_id"].isin(sources["source_id"])).sum())
        for name in ad.list_tables()
    },
    name="unresolved source_id values",
)
print(f"Unresolved source_id values across all tables: {unresolved.sum()}")
if unresolved.sum():
    display(unresolved[unresolved > 0].to_frame())

# %% [markdown]
# `ad.describe(name).source_quality` gives the share of a table's rows whose source has
# each quality grade. Figure 0.2 puts the tables side by side. A table that rests mostly
# on other web pages is not wrong for that reason, but each of its values deserves a look
# at the row's source and note before it is quoted.

# %%
GRADES = list(style.CATEGORIES["source_quality"])  # the house order; others follow
# %%
quality = pd.DataFrame({name: ad.describe(name).source_quality for name in ad.list_tables()}).T
quality = quality.reindex(columns=[*GRADES, *sorted(set(quality) - set(GRADES))]).fillna(0)
ungraded = [name for name in ad.list_tables() if not ad.describe(name).source_quality]
if quality.empty or len(ungraded) == len(ad.list_tables()):
    print("No table has source-quality grades in this version of the data.")
else:
    fig, ax = figures.new_figure(figsize=(10, 6.5))
    left = pd.Series(0.0, index=quality.index)
    for grade in quality.columns:
        look = style.entry(grade, "source_quality")
        ax.barh(quality.index, 100 * quality[grade], left=left, color=look.colour, label=look.name)
        left += 100 * quality[grade]
    ax.set_xlim(0, 100)
    ax.invert_yaxis()
    ax.grid(axis="y", visible=False)
    plotting.legend_below(ax, ncol=4)
    note = "Share of each table's rows by the quality grade of the row's source."
    if ungraded:
        note += f" Not graded yet: {', '.join(ungraded)}."
    figures.finish(
        ax,
        number="0.2",
        title="Who stands behind each table's rows",
        ylabel="Table",
        xlabel="Rows (% of the table)",
        note=note + " Grades: the package's sources table (ad.describe(name).source_quality).",
    )

# %%
# %%
graded = quality.drop(index="sources", errors="ignore")
grade_of = sources.set_index("source_id").get("source_quality", pd.Series(dtype="string"))
row_ids = pd.concat([ad.load(n)["source_id"] for n in ad.list_tables() if n != "sources"])
official_pct = 100 * (row_ids.map(grade_of) == "official").mean()
most_official = graded["official"].idxmax() if "official" in graded else None

# %%
Markdown(
    f"Outside the `sources` table itself, {official_pct:.0f}% of all rows rest on an official "
    f"source. The most official table is `{most_official}` "
    f"({100 * graded.loc[most_official, 'official']:.0f}% of its rows)."
    if most_official
    else "No table has rows from an official source in this version of the data."
)

# %% [markdown]
# **Hand-gathered series are graded.** Some figures exist in no downloadable dataset and
# were copied by hand from ministry pages, reports and newspapers. Where sources of
# different quality disagree, the table keeps every version and grades each row's
# `reliability`: *high* for an official table or a faithful reproduction of one, *medium*
# for newspapers, *low* for a figure derived from a stated change.
#
# **Doubtful values carry flags, not fixes.** When a value is odd (a report month that
# differs, a dip the source never explains, a number computed from a stated change) the
# row keeps the value and says so in a `flag`, `derived` or `coordinate_quality` column,
# with a note. Nothing is silently interpolated or smoothed. The next cell lists every
# such column it finds and how often each value occurs.

# %%
QUALITY_COLUMNS = ["flag", "reliability", "derived", "coordinate_quality"]
marks = pd.concat(
    [
        ad.load(name)[column]
        .astype("string")
        .fillna("(empty)")
        .value_counts()
        .rename_axis("value")
        .reset_index(name="rows")
        .assign(table=name, column=column)
        for name in ad.list_tables()
        for column in QUALITY_COLUMNS
        if column in ad.load(name)
    ]
)
show(marks[["table", "column", "value", "rows"]])

# %% [markdown]
# ## 0.3 The tables, one by one
#
# Each section below says in a few sentences what the table is for, then shows the
# catalogue's own description (columns with units, coverage, the share of rows by source
# quality, the caveats and the first few sources; `ad.describe(name)` prints the full
# list) and the first `preview_rows` rows. Where a picture helps, a small figure follows.
# The function in the next cell does the showing.


# %%
def show_table(name, max_sources=3):
    """The catalogue entry of ``name`` as Markdown, then its first ``preview_rows`` rows."""
    d = ad.describe(name)
    grades = ", ".join(
        f"{style.name(k, 'source_quality').lower()} {v:.0%}" for k, v in d.source_quality.items()
    )
    caveats = "\n".join(f"- {c}" for c in d.caveats) or "- (none)"
    listed = [f"- {s}" for s in d.sources[:max_sources]]
    if len(d.sources) > max_sources:
        listed.append(f"- … and {len(d.sources) - max_sources} more (`ad.cite({name!r})`)")
    preview = ad.load(name).head(preview_rows)
    citations.note(preview["source_id"])
    display(
        Markdown(
            f"**{d.name}**: {d.title}\n\n{d.description}\n\n"
            f"*Rows:* {d.rows:,} · *Coverage:* {d.coverage} · "
            f"*One row per:* {', '.join(d.primary_key)} · "
            f"*Rows by source quality:* {grades or 'not graded yet'}"
        ),
        for_people(d.columns),
        Markdown(f"**Caveats**\n\n{caveats}\n\n**Sources**\n\n" + "\n".join(listed)),
        for_people(preview),
    )


# %% [markdown]
# ### `sources`
#
# The bibliography of the package, one row per document, dataset or page. It is the
# target of every other table's `source_id`, so it also cites itself. Read its `notes`
# column before trusting a secondary source: it says when a page merely mirrors another
# one, and its `licence` column says what you may reuse.

# %%
show_table("sources")
show(
    pd.crosstab(sources["source_quality"], sources["kind"], margins=True, margins_name="all"),
    index=True,
)

# %% [markdown]
# ### `events`
#
# A chronology of the alliance from the surrender to the present, one row per dated event,
# each summarised in the project's own words and tied to a source that gives the date.
# When only the month or the year is known, the date falls on its first day and
# `date_precision` says so. The chapters use it to put labels on time-series figures, as
# the troop figure below does.

# %%
show_table("events")
events = ad.load("events")
Markdown(
    f"The chronology holds {len(events)} events from {events.date.min():%B %Y} to "
    f"{events.date.max():%B %Y}, in {events.category.nunique()} categories; "
    f"{(events.date_precision == 'day').mean():.0%} of the dates are known to the day."
)

# %% [markdown]
# ### `treaty_provisions`
#
# A side-by-side reading of the 1951 Security Treaty and the 1960 Treaty of Mutual
# Cooperation and Security, one row per provision, with a verdict on whether the 1960 text
# added, removed, revised or kept it. Article numbers are filled only where the treaty text
# itself was read; an empty article means *not verified*, not *absent*.

# %%
show_table("treaty_provisions")
provisions = ad.load("treaty_provisions")
show(provisions[["provision", "change"]], sources=provisions.source_id)

# %% [markdown]
# ### `leaders`
#
# Terms of office of Japanese prime ministers and U.S. presidents, one row per continuous
# term, so a leader who came back has two rows. Several dates rest on general-audience
# pages; the caveats say which, and where sources disagree.

# %%
show_table("leaders")
leaders = ad.load("leaders")
terms = leaders["country_iso3"].value_counts()
Markdown(
    f"The table holds {terms.get('JPN', 0)} prime-ministerial and {terms.get('USA', 0)} "
    f"presidential terms; {leaders.term_end.isna().sum()} rows have no end date (incumbents)."
)

# %% [markdown]
# ### `troops`
#
# The backbone of the chapters on U.S. forces: U.S. active-duty military personnel in
# Japan and several other host countries, one row per host and year, from the Defense
# Department's personnel reports. A report is a snapshot taken in one month, not a yearly
# average, and Japan's total includes Okinawa and the Bonin and Volcano Islands even while
# the United States governed them. Years with no parsed report are absent rather than
# filled in, and rows with a known problem carry a `flag`. Figure 0.3 draws Japan's series
# with its gaps and flags as they are.

# %%
show_table("troops")

# %%
troops = ad.load("troops")
japan = troops[troops.country_iso3 == "JPN"]
landmarks = plotting.events_between(
    {
        "1960 treaty enters into force": "1960 treaty",
        "Okinawa reverts to Japan": "Okinawa reversion",
    },
    japan.year.min(),
    japan.year.max(),
)

# %%
fig, ax = figures.new_figure(figsize=(10, 6.5))
plotting.series(ax, japan, "personnel", markersize=3, **style.look("JPN"))  # gaps stay gaps
plotting.mark_flags(ax, japan, "personnel", table="troops", colour=style.colour("JPN"))
plotting.year_axis(ax, japan.year)
ax.set_ylim(bottom=0)
figures.thousands(ax)
plotting.annotate_events(ax, landmarks)
plotting.legend_below(ax, title="Open markers: rows the table flags (chapter 2 explains each)")
figures.finish(
    ax,
    number="0.3",
    title="U.S. military personnel in Japan, one report a year",
    ylabel="Personnel (persons)",
    xlabel="Year",
    sources=[*japan.source_id, *landmarks.source_id],
    note="Gaps are years without a report. Dashed lines: events from the events table.",
)

# %%
peak = japan.loc[japan.personnel.idxmax()]
Markdown(
    f"For Japan the table runs from {japan.year.min()} to {japan.year.max()} and peaks at "
    f"{peak.personnel:,} personnel in {peak.year}; {japan.flag.notna().sum()} of its "
    f"{len(japan)} Japan rows carry a flag, of {japan.flag.nunique()} kinds. Chapter 2 "
    "explains each kind."
)

# %% [markdown]
# ### `troops_japan_by_area`
#
# Before the Bonin Islands (1968) and Okinawa (1972) went back to Japan, the Defense
# Department reported them apart from the main islands. This table keeps that split, one
# row per year and area. It is what lets later chapters say how much of the U.S. presence
# sat on Okinawa. Some rows are flagged; Figure 0.4 hatches the years whose split is
# distorted by the way the report counted.

# %%
show_table("troops_japan_by_area")

# %%
areas = ad.load("troops_japan_by_area")
wide = areas.pivot(index="year", columns="area", values="personnel").astype(float)
distorted = sorted(set(areas.loc[areas.flag == "split_distorted", "year"]))

# %%
fig, ax = figures.new_figure()
plotting.stacked_bars(ax, wide, ["mainland", "okinawa", "bonin_volcano"], hatched=distorted)
plotting.year_axis(ax, wide.index)
figures.thousands(ax)
ax.legend(loc="upper right")
why = areas.loc[areas.flag == "split_distorted", "note"].iloc[0].rstrip(".") if distorted else ""
figures.finish(
    ax,
    number="0.4",
    title="U.S. personnel in Japan by area, before the reversions",
    ylabel="Personnel (persons)",
    xlabel="Year",
    sources=areas.source_id,
    note="Years without a DoD report have no bar."
    + (f" Hatched: {', '.join(map(str, distorted))}, split distorted. {why}." if why else ""),
)

# %%
clean = wide.drop(index=distorted)
share = (100 * clean["okinawa"] / clean.sum(axis=1)).dropna()
Markdown(
    "Leaving out the years with a distorted split, Okinawa's share of the personnel counted "
    f"in Japan was {share.iloc[0]:.0f}% in {share.index[0]} and reached {share.max():.0f}% "
    f"in {share.idxmax()}."
)

# %% [markdown]
# ### `us_forces_by_service`
#
# From 2008 the Defense Department's reports split each host's personnel by service and
# list the selected reserve and civilian employees as well. This table keeps those rows for
# Japan and the comparison hosts, one row per host, report, service and category, so that a
# chapter can ask what *kind* of force a country hosts, not only how large it is. Its
# September totals agree with the `troops` table; chapter 2 uses it in section 2.6.

# %%
show_table("us_forces_by_service")

# %%
services = ad.load("us_forces_by_service")
reports = services.groupby(["year", "month"]).ngroups
Markdown(
    f"The table holds {len(services):,} rows from {reports} reports "
    f"({services.year.min()}–{services.year.max()}) for {services.country_iso3.nunique()} "
    f"hosts; {services.flag.notna().sum()} rows carry a flag."
)

# %% [markdown]
# ### `bases`
#
# U.S. facilities in Japan as listed by the anthropologist David Vine, one row per
# facility after duplicates were removed. It is not an official count, and the two
# governments count facilities differently. Wrong coordinates were removed rather than
# guessed (`coordinate_quality` = `removed`, with the reason in `fix_note`), so those
# facilities cannot be mapped.

# %%
show_table("bases")

# %%
bases = ad.load("bases")
mapped = bases.dropna(subset=["lat", "lon"])

# %%
fig, ax = figures.new_figure(figsize=(7.5, 7.5))
maps.draw_japan(ax, extent=(122, 147, 24, 46))
maps.draw_facilities(ax, mapped)
ax.legend(loc="upper left")
figures.finish(
    ax,
    number="0.5",
    title="U.S. facilities in Japan (Vine's list)",
    ylabel="Latitude (°N)",
    xlabel="Longitude (°E)",
    sources=mapped.source_id,
    note="Facilities whose coordinates were removed are not shown.",
)

# %%
Markdown(
    f"The list has {len(bases)} facilities, {int(bases.okinawa.sum())} of them in Okinawa "
    f"Prefecture ({bases.okinawa.mean():.0%}); {len(bases) - len(mapped)} have no usable "
    "coordinates and are missing from the map."
)

# %% [markdown]
# ### `host_nation_support`
#
# What Japan pays towards the cost of stationing U.S. forces (*omoiyari yosan*), one row
# per fiscal year, scope, source and budget basis. It was gathered by hand and is partial:
# many years are missing (see Figure 0.1), figures come in different budget bases and
# scopes, and when two sources disagree both rows stay, each with its reliability grade.
# Compare like with like; chapter 4 shows how.

# %%
show_table("host_nation_support")
hns = ad.load("host_nation_support")
Markdown(
    f"The table has {len(hns)} rows for {hns.fiscal_year.nunique()} fiscal years from "
    f"{hns.source_id.nunique()} sources, in {hns.scope.nunique()} scopes and "
    f"{hns.basis.nunique()} budget bases."
)

# %% [markdown]
# ### `special_measures_agreements`
#
# The Special Measures Agreements under which Japan pays part of the cost of U.S. forces
# beyond what the Status of Forces Agreement requires, one row per agreement: its dates,
# the fiscal years it covers and, where an official page states it, its total. Dates and
# totals that could not be sourced are left empty, and the note says so.

# %%
show_table("special_measures_agreements")
sma = ad.load("special_measures_agreements")
Markdown(
    f"The table lists {len(sma)} agreements; {sma.signed.notna().sum()} have a signature "
    f"date and {sma.total_jpy_100m.notna().sum()} a stated total."
)

# %% [markdown]
# ### `defense_spending`
#
# Military expenditure by country and year from SIPRI's database: constant dollars,
# current dollars, local currency and the share of GDP, which is stored in **percent**
# (SIPRI publishes a fraction). Japan's budget year runs from April, while SIPRI's figures
# are for calendar years. Missing years are absent, never zero.

# %%
show_table("defense_spending")

# %%
all_spending = ad.load("defense_spending")
spending = all_spending.dropna(subset=["share_of_gdp_pct"])

# %%
fig, ax = figures.new_figure(figsize=(9, 5.5))
for code in ["JPN", "USA", "CHN", "KOR", "DEU"]:
    rows = spending[spending.country_iso3 == code]
    plotting.series(ax, rows, "share_of_gdp_pct", markersize=3, **style.look(code))
plotting.year_axis(ax, spending.year)
ax.set_ylim(bottom=0)
plotting.legend_below(ax, ncol=5)
figures.finish(
    ax,
    number="0.6",
    title="Military expenditure as a share of GDP",
    ylabel="Military expenditure (% of GDP)",
    xlabel="Year",
    sources=spending[spending.country_iso3.isin(["JPN", "USA", "CHN", "KOR", "DEU"])].source_id,
    note="SIPRI calendar-year figures; a line starts where SIPRI's series for the country does.",
)

# %%
latest = spending[spending.country_iso3 == "JPN"].sort_values("year").iloc[-1]
Markdown(
    f"The table covers {all_spending.country_iso3.nunique()} countries. Japan's latest share is "
    f"{latest.share_of_gdp_pct:.1f}% of GDP ({latest.year})."
)

# %% [markdown]
# ### `opinion`
#
# Survey results on views of the United States, one row per survey, country, measure and
# year. The surveys ask different questions, so Figure 0.7 draws one measure per survey
# and never joins them into one line. Some waves changed how they were fielded (the `mode`
# column) or whom they asked: a survey's line breaks where that happened, and flagged
# rows get an open marker whose meaning is in the legend.

# %%
show_table("opinion")

# %%
opinion = ad.load("opinion")
MEASURES = {  # survey key in the house style -> (survey name starts with, measure, words)
    "cabinet_office": ("Cabinet Office", "affinity_toward_us", "feel affinity toward the U.S."),
    "pew": ("Pew", "favorable_view_of_us", "favourable view of the U.S."),
    "yomiuri_gallup": ("Yomiuri", "relations_good", "say relations with the U.S. are good"),
}
BREAKS = ["mode_break", "sample_change"]  # flags after which a survey asks differently
drawn = pd.concat(
    opinion[opinion.survey.str.startswith(survey) & opinion.measure.eq(measure)].query(
        "country_iso3 == 'JPN'"
    )
    for survey, measure, _ in MEASURES.values()
)

# %%
fig, ax = figures.new_figure(figsize=(10, 6.5))
for key, (survey, measure, words) in MEASURES.items():
    rows = drawn[drawn.survey.str.startswith(survey) & drawn.measure.eq(measure)]
    breaks = rows.loc[rows.flag.isin(BREAKS), "year"]
    look = style.look(key) | {"label": f"{style.name(key)}: {words}"}
    plotting.series(ax, rows, "value_pct", breaks=breaks, markersize=5, **look)
    plotting.mark_flags(ax, rows, "value_pct", table="opinion", colour=look["color"], size=80)
plotting.year_axis(ax, drawn.year)
ax.set_ylim(0, 100)
plotting.legend_below(ax, title="Open markers: rows the opinion table flags")
figures.finish(
    ax,
    number="0.7",
    title="How the Japanese public sees the United States, three surveys",
    ylabel="Respondents (%)",
    xlabel="Fieldwork year",
    sources=drawn.source_id,
    note="Each survey asks its own question; lines break in years without a value and where "
    "the survey's mode or sample changed.",
)

# %%
mail_years = opinion.loc[opinion["mode"] == "mail", "year"]
Markdown(
    f"The table holds {len(opinion)} rows from {opinion.survey.nunique()} surveys in "
    f"{opinion.country_iso3.nunique()} countries; {opinion.flag.notna().sum()} rows are "
    "flagged." + (f" Mail-mode waves start in {mail_years.min()}." if len(mail_years) else "")
)

# %% [markdown]
# ### `trade`
#
# U.S. goods trade with Japan as published, one row per year, reporter and basis. No
# continuous official series was available, so the rows were gathered by hand from reports
# and news pages, and the definitions of exports differ between them (the `basis` column).
# Gaps are left as gaps. The balance is seen from the U.S. side: negative means a U.S.
# deficit.

# %%
show_table("trade")
trade = ad.load("trade")
Markdown(
    f"The table has {len(trade)} rows for {trade.year.nunique()} years on "
    f"{trade.basis.nunique()} bases; {int(trade.derived.sum())} rows are derived from a "
    "stated change rather than published as a level."
)

# %% [markdown]
# ### `arms_transfers`
#
# Deliveries of major conventional weapons to Japan, one row per supplier and year, in
# SIPRI's trend-indicator value (TIV). TIV measures the military capability transferred,
# not the money paid, so it is good for shares and trends and useless for prices. Years
# with no deliveries are simply absent. Chapter 9 draws the series.

# %%
show_table("arms_transfers")
arms = ad.load("arms_transfers")
Markdown(
    f"Between {arms.year.min()} and {arms.year.max()}, {arms.supplier_iso3.nunique()} "
    "suppliers delivered major arms to Japan."
)

# %% [markdown]
# ### `overseas_missions`
#
# Japan's dispatches of the Self-Defense Forces and its financial contributions alongside
# U.S. or UN operations, one row per mission and source. Where sources give different
# figures, as they do for the Gulf War contribution, each figure is a separate row with a
# note explaining what it measures.

# %%
show_table("overseas_missions")
missions = ad.load("overseas_missions")
Markdown(
    f"The table has {len(missions)} rows covering {missions.name.nunique()} named missions or "
    f"contributions of {missions.kind.nunique()} kinds; {missions.personnel.isna().sum()} rows "
    "give no personnel figure."
)

# %% [markdown]
# ### `claims`
#
# The project's audit of its seed documents (short texts about the alliance, from an
# encyclopaedia to a government news story): one row per quantitative or dated claim,
# with the value as the seed states it, what the evidence says, a verdict and an
# explanation. This is where contradictions between sources are kept in the open rather
# than resolved quietly; chapter 8 works through them. The cell names each seed by its
# publication (through `seed_source_id` and the sources table) and counts its verdicts.

# %%
show_table("claims")
claims = ad.load("claims")
publication = sources.set_index("source_id")["publisher"]
claims["publication"] = claims.seed_source_id.map(publication).fillna(claims.seed)
show(pd.crosstab(claims.publication, claims.verdict, margins=True, margins_name="all"), index=True)

# %% [markdown]
# ## 0.4 Citing what you use
#
# `ad.cite(name)` returns a citation for the package followed by one entry for every source
# the table's rows name, as plain text or, with `style="bibtex"`, as BibTeX ready for a
# reference manager. Cite the original publishers as well as the package: SIPRI, the
# Defense Department and the pollsters did the work. Here is the BibTeX for your table.

# %%
print(ad.cite(table, style="bibtex"))

# %% [markdown]
# ## 0.5 How integrity is checked
#
# The catalogue records the size and SHA-256 checksum of every file. `ad.load` recomputes
# both on every first load and refuses a file that is missing, truncated or altered with a
# `DataIntegrityError` that names the file; it never returns part of a table. The first
# cell recomputes the checksums by hand from the files (`ad.path(name)`) and the catalogue
# beside them; the second changes one byte of a copy in memory (the installed file is not
# touched) to show that the checksum no longer matches.

# %%
package = json.loads((ad.path("sources").parent / "datapackage.json").read_text("utf-8"))
# %%
recorded = {res["name"]: res for res in package["resources"]}
checks = pd.DataFrame(
    [
        {
            "table": name,
            "file": ad.path(name).name,
            "bytes": len(data := ad.path(name).read_bytes()),
            "recorded sha256": recorded[name]["hash"].split(":", 1)[1][:16] + "…",
            "matches": "sha256:" + hashlib.sha256(data).hexdigest() == recorded[name]["hash"]
            and len(data) == recorded[name]["bytes"],
        }
        for name in ad.list_tables()
    ]
)
show(checks)
print(f"Files matching their recorded checksum: {checks.matches.sum()} of {len(checks)}")

# %%
original = ad.path("troops").read_bytes()
altered = original.replace(b"209451", b"260000", 1)  # one value of the 1953 report, changed
print("bytes changed:", sum(a != b for a, b in zip(original, altered, strict=True)))
print(
    "altered copy matches the catalogue:",
    "sha256:" + hashlib.sha256(altered).hexdigest() == recorded["troops"]["hash"],
)

# %% [markdown]
# Two further checks live in the repository rather than the notebook: `python -m etl --check`
# rebuilds every table from the raw inputs and confirms that the result is byte-identical,
# and the test suite validates the whole data package with Frictionless and checks that
# every `source_id` resolves.

# %%
publish(
    tables=len(catalogue),
    rows_total=int(catalogue.rows.sum()),
    unresolved_source_ids=int(unresolved.sum()),
    official_rows_pct=round(official_pct, 1),
    files_matching_checksum=int(checks.matches.sum()),
    japan_troops_peak=int(peak.personnel),
    japan_troops_peak_year=int(peak.year),
)

# %% [markdown]
# ## 0.6 Your table
#
# The `table` parameter picks one table to show in full: the complete description from
# `ad.describe` (with every source) and its first `preview_rows` rows. Re-run the chapter
# with papermill (`-p table bases`, say) to see another.

# %%
chosen = ad.load(table).head(preview_rows)
display(ad.describe(table))
show(chosen, sources=chosen.source_id)
print(f"Table shown: {table} ({len(ad.load(table)):,} rows)")

# %% [markdown]
# ## Exercises
#
# ### Exercise 0.1
#
# For every table that has a `flag` column, compute how many rows carry a flag and what
# share of the table that is. Which table has the largest share of flagged rows, and does
# that make it the least trustworthy?

# %% tags=["solution"]
from alliance_notebooks.exercises import check

flag_share = pd.DataFrame(
    [
        {
            "table": t,
            "flagged": f["flag"].notna().sum(),
            "share_pct": 100 * f["flag"].notna().mean(),
        }
        for t in ad.list_tables()
        if "flag" in (f := ad.load(t)).columns
    ]
)
display(for_people(flag_share))
# A high share reflects careful annotation, not necessarily worse data: flags mark values
# that were kept and explained rather than silently dropped or smoothed.
check("00.1", flag_share.loc[flag_share.share_pct.idxmax(), "table"])

# %% [markdown]
# ### Exercise 0.2
#
# Combine two tables: who was Japan's prime minister on the day the 1960 treaty entered
# into force? Take the date from `events` and find the `leaders` row whose term contains
# it (a term with no end date is still running).

# %% tags=["solution"]
from alliance_notebooks.exercises import check

in_force = ad.events_titled(["1960 treaty enters into force"]).date.iloc[0]
prime_ministers = ad.load("leaders").query("country_iso3 == 'JPN'")
serving = prime_ministers[
    (prime_ministers.term_start <= in_force)
    & (prime_ministers.term_end.isna() | (prime_ministers.term_end >= in_force))
]
display(for_people(serving[["name", "term_start", "term_end"]]))
check("00.2", serving.name.iloc[0])

# %% [markdown]
# ### Exercise 0.3
#
# In `troops_japan_by_area`, find the first year in which more U.S. personnel were counted
# on Okinawa than on the main islands. Check the year's rows for flags before you trust it.

# %% tags=["solution"]
from alliance_notebooks.exercises import check

by_area = ad.load("troops_japan_by_area").pivot(index="year", columns="area", values="personnel")
first_majority = int(by_area[by_area["okinawa"] > by_area["mainland"]].index.min())
display(for_people(ad.load("troops_japan_by_area").query("year == @first_majority")))
check("00.3", first_majority)

# %% [markdown]
# ## Key takeaways
#
# - Four calls cover almost everything: `list_tables`, `load`, `describe` and `cite`.
# - Every row names a source in the `sources` table; read the source's quality grade and
#   notes before leaning on a figure.
# - Coverage lines hide gaps: check which years a table can actually speak about.
# - Hand-gathered series (host-nation support, trade) are partial, graded by
#   reliability and keep conflicting values side by side.
# - Flags and quality columns mark doubtful values instead of hiding them, and `ad.load`
#   verifies each file's checksum, so an altered or truncated table fails loudly.
#
# ## Sources
#
# The sources of the rows this chapter shows in its figures, tables and previews, after the
# package's own citation. `ad.cite(name)` lists every source of a table.

# %%
citations.sources_cell()
