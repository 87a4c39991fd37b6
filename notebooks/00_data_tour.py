# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     notebook_metadata_filter: kernelspec,jupytext,-jupytext.text_representation
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Chapter 0: A tour of the data
#
# Every later chapter argues from the same small set of tables that ship inside the
# `alliance_data` package. Before using them, it pays to know what each one records, what
# a single row stands for, how far it reaches in time and where it is weak. This chapter
# walks through every table in catalogue order and ends with the one you pick.
#
# **Learning goals**
#
# - Find, load, describe and cite any table with four calls: `ad.list_tables()`,
#   `ad.load()`, `ad.describe()` and `ad.cite()`.
# - Say for each table what one row stands for, what it covers and which caveats bind it.
# - Apply the package's honesty rules: every row names its source, hand-transcribed series
#   carry reliability grades, and doubtful values carry flags instead of being smoothed.
# - Check that the files you analyse are the files that were published.

# %% tags=["parameters"]
table = "troops"  # the table shown in detail at the end (any name from ad.list_tables())
preview_rows = 5  # how many rows each preview shows

# %%
# ruff: noqa: E402
from IPython.display import Markdown, display

import alliance_data as ad
from alliance_data import explorer, plotting

ad.validate_parameters("00_data_tour", table=table, preview_rows=preview_rows)
plotting.use_house_style()

# %% [markdown]
# ## 0.1 The catalogue
#
# The package keeps a Frictionless `datapackage.json` that lists every table with its
# columns, units, primary key, coverage, caveats and sources. `ad.list_tables()` returns
# the table names in the order of that catalogue, and `ad.load(name)` returns a typed
# pandas DataFrame (a fresh copy each time, so you cannot damage the package's data by
# editing it). The cell below counts the rows of each table from the loaded data.

# %% keep_output=true
# NBVAL_CHECK_OUTPUT
counts = explorer.row_counts()
for name, rows in counts.items():
    print(f"{name}: {rows} rows")
print(f"all tables: {counts.sum()} rows in {len(counts)} tables")

# %%
Markdown(
    f"The package ships **{len(counts)} tables** with **{counts.sum():,} rows** between them. "
    f"The largest is `{counts.idxmax()}` ({counts.max():,} rows) and the smallest is "
    f"`{counts.idxmin()}` ({counts.min():,} rows): most tables are short, hand-checked "
    "compilations rather than bulk downloads."
)

# %% [markdown]
# ## 0.2 The honesty rules
#
# Three rules run through every table. Knowing them makes the caveats in the tour below
# much easier to read.
#
# **Every row names a source.** Each table has a `source_id` column, and every value in it
# must resolve to a row of the `sources` table, which records the title, publisher, year,
# address, access date, licence and kind of each source. A source's *kind* matters:
# *primary* sources produced the figure (a Defense Department report, SIPRI's database),
# *compilations* are datasets assembled from primary sources by someone else, and
# *secondary* sources (news pages, blogs, encyclopaedia mirrors) only report a figure. The
# audit below checks the rule for every table and counts rows by the kind of source behind
# them.

# %%
audit = explorer.source_audit()
display(audit.style.hide(axis="index"))
primary_share = (
    100
    * audit.loc[audit.table != "sources", "primary"].sum()
    / audit.loc[audit.table != "sources", "rows"].sum()
)

# %%
Markdown(
    f"Unresolved `source_id` values across all tables: **{audit.unresolved.sum()}**. "
    f"Outside the `sources` table itself, {primary_share:.0f}% of rows rest directly on a "
    "primary source; the rest lean on compilations or secondary pages, which is why their "
    "caveats deserve attention."
)

# %% [markdown]
# **Transcribed series are labelled and graded.** Some figures exist in no downloadable
# dataset and were copied by hand from newspaper pages, reproductions of ministry tables or
# blogs. The catalogue marks such tables with the word TRANSCRIBED in their caveats. Where
# sources of different quality disagree, the table keeps every version and grades each
# row's `reliability`: *high* for faithful reproductions of an official table, *medium* for
# newspapers, *low* for unsourced blogs.
#
# **Doubtful values carry flags, not fixes.** When a value is odd (a report month that
# differs, a dip the source never explains, a number computed from a stated change) the
# row keeps the value and says so in a `flag`, `derived` or `coordinate_quality` column,
# with a note. Nothing is silently interpolated or smoothed. The next cell lists every
# such column and how often each value occurs.

# %%
display(
    Markdown(
        "Tables marked TRANSCRIBED: " + ", ".join(f"`{n}`" for n in explorer.transcribed_tables())
    )
)
display(explorer.flag_summary().style.hide(axis="index"))

# %% [markdown]
# ## 0.3 The tables, one by one
#
# Each section below says in a few sentences what the table is for, then shows the
# catalogue's own description (columns with units, coverage, caveats and the first few
# sources; `ad.describe(name)` prints the full list) and the first `preview_rows` rows.
# Where a picture helps, a small figure follows.
#
# ### `sources`
#
# The bibliography of the package, one row per document, dataset or page. It is the
# target of every other table's `source_id`, so it also cites itself. Read its `notes`
# column before trusting a secondary source: it says when a page merely mirrors another
# one, and its `licence` column says what you may reuse.

# %%
display(explorer.summary("sources"), ad.load("sources").head(preview_rows))
sources = ad.load("sources")
display(sources["kind"].value_counts().rename("sources").to_frame())

# %% [markdown]
# ### `events`
#
# A chronology of the alliance from the surrender to the present, one row per dated event,
# each summarised in the project's own words and tied to a source that gives the date.
# When only the month or the year is known, the date falls on its first day and
# `date_precision` says so. Use it to put labels on time-series figures, as the later
# chapters do.

# %%
display(explorer.summary("events"), ad.load("events").head(preview_rows))

# %%
events = ad.load("events")
grid = explorer.events_by_decade()
fig, ax = plotting.new_figure(figsize=(9, 6))
explorer.draw_heatmap(ax, grid, colour_label="Events (count)")
caption = explorer.finish_many(
    ax,
    table="events",
    sources=events["source_id"],
    title="Dated events per decade and category",
    ylabel="Event category",
    xlabel="Decade",
    note="Cell values: number of events.",
)
explorer.show(fig, caption)

# %%
busiest = grid.sum().idxmax()
Markdown(
    f"The chronology holds {len(events)} events from {events.date.min():%B %Y} to "
    f"{events.date.max():%B %Y}. The busiest decade is the {busiest} "
    f"({grid[busiest].sum()} events), and {(events.date_precision == 'day').mean():.0%} of "
    "the dates are known to the day."
)

# %% [markdown]
# ### `treaty_provisions`
#
# A side-by-side reading of the 1951 Security Treaty and the 1960 Treaty of Mutual
# Cooperation and Security, one row per provision, with a verdict on whether the 1960 text
# added, removed, revised or kept it. Article numbers are filled only where the treaty text
# itself was read; an empty article means *not verified*, not *absent*.

# %%
display(explorer.summary("treaty_provisions"), ad.load("treaty_provisions").head(preview_rows))
provisions = ad.load("treaty_provisions")
display(provisions[["provision", "change"]].style.hide(axis="index"))

# %% [markdown]
# ### `leaders`
#
# Terms of office of Japanese prime ministers and U.S. presidents, one row per continuous
# term, so a leader who came back has two rows. Several presidents' dates rest on
# general-audience pages; the caveats list the one date on which sources disagree.

# %%
display(explorer.summary("leaders"), ad.load("leaders").head(preview_rows))
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
# Department's personnel reports. A report is a snapshot taken in one month, not a yearly average, and
# Japan's total includes Okinawa and the Bonin and Volcano Islands even while the United
# States governed them. Years with no parsed report are absent rather than filled in;
# values taken from a secondary compilation, unexplained dips and rows assembled from
# several report lines are flagged.

# %%
display(explorer.summary("troops"), ad.load("troops").head(preview_rows))

# %%
hosts = sorted(ad.load("troops")["country_iso3"].unique())
fig, caption, troops_shown = explorer.draw_series("troops", 1950, 2025, hosts)
explorer.show(fig, caption)
japan = troops_shown[troops_shown.group == "JPN"]
peak = japan.loc[japan.value.idxmax()]
Markdown(
    f"For Japan the table runs from {japan.year.min()} to {japan.year.max()} and peaks at "
    f"{peak['value']:,.0f} personnel in {peak['year']}; {int(japan.flagged.sum())} of its "
    f"{len(japan)} Japan rows carry a flag."
)

# %% [markdown]
# ### `troops_japan_by_area`
#
# Before the Bonin Islands (1968) and Okinawa (1972) went back to Japan, the Defense
# Department reported them apart from the main islands. This table keeps that split, one
# row per year and area. It is what lets later chapters say how much of the U.S. presence
# sat on Okinawa. The last year is distorted by a reporting change, and is flagged.

# %%
display(
    explorer.summary("troops_japan_by_area"), ad.load("troops_japan_by_area").head(preview_rows)
)

# %%
areas = ad.load("troops_japan_by_area")
wide = areas.pivot(index="year", columns="area", values="personnel").astype(float)
fig, ax = plotting.new_figure()
bottom = 0
for area, colour in zip(["mainland", "okinawa", "bonin_volcano"], plotting.PALETTE, strict=False):
    ax.bar(
        wide.index, wide[area].fillna(0), bottom=bottom, color=colour, label=area.replace("_", "/")
    )
    bottom = bottom + wide[area].fillna(0)
ax.legend()
caption = plotting.finish(
    ax,
    title="U.S. personnel in Japan by area, before the reversions",
    ylabel="Personnel (persons)",
    xlabel="Year",
    sources=areas["source_id"],
    note="Years without a DoD report have no bar; the last year is flagged split_distorted.",
)
explorer.show(fig, caption)

# %%
clean = wide.drop(areas.loc[areas.flag.notna(), "year"].unique())  # drop distorted years
share = (clean["okinawa"] / clean.sum(axis=1) * 100).dropna()
Markdown(
    f"Leaving out the flagged year, Okinawa's share of the personnel counted in Japan "
    f"was {share.iloc[0]:.0f}% in {share.index[0]} and reached {share.max():.0f}% in "
    f"{share.idxmax()}."
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
display(explorer.summary("bases"), ad.load("bases").head(preview_rows))

# %%
bases = ad.load("bases")
mapped = bases.dropna(subset=["lat", "lon"])
fig, ax = plotting.new_figure(figsize=(7, 7))
plotting.draw_japan(ax)
for in_okinawa, colour, label in [
    (False, "#0072B2", "rest of Japan"),
    (True, "#D55E00", "Okinawa Prefecture"),
]:
    rows = mapped[mapped.okinawa == in_okinawa]
    ax.scatter(rows.lon, rows.lat, color=colour, s=25, label=f"Facility, {label}", zorder=2)
ax.set(xlim=(122, 147), ylim=(24, 46))
ax.legend(loc="upper left")
caption = plotting.finish(
    ax,
    title="U.S. facilities in Japan (Vine's list)",
    ylabel="Latitude (°N)",
    xlabel="Longitude (°E)",
    sources=bases["source_id"],
    note="Facilities with removed coordinates are not shown.",
)
explorer.show(fig, caption)

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
# per fiscal year and source, plus the multi-year totals of the Special Measures Agreements.
# It is a TRANSCRIBED, partial series: most years are missing, figures come in different
# budget bases, and when two sources disagree both rows stay, each with its reliability
# grade. Compare like with like.

# %%
display(explorer.summary("host_nation_support"), ad.load("host_nation_support").head(preview_rows))

# %%
hns = ad.load("host_nation_support")
annual = hns[hns.period == "annual"]
fig, ax = plotting.new_figure()
for grade, colour in [("high", "#009E73"), ("medium", "#E69F00"), ("low", "#D55E00")]:
    rows = annual[annual.reliability == grade]
    ax.scatter(
        rows.fiscal_year, rows.amount_jpy_100m, color=colour, s=40, label=f"reliability: {grade}"
    )
ax.set_ylim(bottom=0)
ax.legend()
caption = explorer.finish_many(
    ax,
    table="host_nation_support",
    sources=annual["source_id"],
    title="Japan's Host Nation Support, annual figures by reliability",
    ylabel="Amount (100 million yen, nominal)",
    xlabel="Japanese fiscal year",
    note="Annual rows only; budget bases differ between rows.",
)
explorer.show(fig, caption)

# %%
repeats = annual.fiscal_year.value_counts()
Markdown(
    f"The table has {len(annual)} annual figures and {(hns.period != 'annual').sum()} "
    f"agreement totals from {hns.source_id.nunique()} sources. "
    f"{(repeats > 1).sum()} fiscal years have more than one figure; exercise 0.2 looks at them."
)

# %% [markdown]
# ### `defense_spending`
#
# Military expenditure by country and year from SIPRI's database: constant 2023 dollars,
# current dollars, local currency and the share of GDP, which is stored in **percent**
# (SIPRI publishes a fraction). Japan's budget year runs from April, while SIPRI's figures
# are for calendar years. Missing years are absent, never zero.

# %%
display(explorer.summary("defense_spending"), ad.load("defense_spending").head(preview_rows))

# %%
milex_countries = ["JPN", "USA", "CHN", "KOR", "DEU"]
fig, caption, milex = explorer.draw_series("milex_share", 1949, 2024, milex_countries)
explorer.show(fig, caption)
latest = milex[milex.group == "JPN"].iloc[-1]
Markdown(
    f"The table covers {ad.load('defense_spending').country_iso3.nunique()} countries. "
    f"Japan's latest value is {latest['value']:.1f}% of GDP ({latest['year']})."
)

# %% [markdown]
# ### `opinion`
#
# Survey results on views of the United States, one row per survey, country, measure and
# year. The Pew Global Attitudes values come from a dataset; the Cabinet Office and
# Yomiuri–Gallup values were transcribed from news pages. The Cabinet Office survey moved
# from face-to-face interviews to mail in 2020, so values either side of that break are
# not directly comparable. The figure draws the mail-mode waves with open markers and
# crosses out flagged rows.

# %%
display(explorer.summary("opinion"), ad.load("opinion").head(preview_rows))

# %%
fig, ax = plotting.new_figure()
drawn = explorer.draw_japan_opinion(ax)
ax.legend(loc="lower left", fontsize=8)
caption = explorer.finish_many(
    ax,
    table="opinion",
    sources=drawn["source_id"],
    title="How the Japanese public sees the United States",
    ylabel="Respondents (%)",
    xlabel="Fieldwork year",
    note="Open markers: Cabinet Office mail survey (from 2020). Crosses: flagged rows.",
)
explorer.show(fig, caption)

# %%
opinion = ad.load("opinion")
Markdown(
    f"The table holds {len(opinion)} rows from {opinion.survey.nunique()} surveys in "
    f"{opinion.country_iso3.nunique()} countries; {opinion.flag.notna().sum()} rows are flagged."
)

# %% [markdown]
# ### `trade`
#
# U.S. goods trade with Japan as published, one row per year, reporter and basis. No
# continuous official series was available, so the rows were TRANSCRIBED from reports and
# news pages, and the definitions of exports differ between them. Gaps are left as gaps.
# The balance is seen from the U.S. side: negative means a U.S. deficit.

# %%
display(explorer.summary("trade"), ad.load("trade").head(preview_rows))

# %%
trade = ad.load("trade").dropna(subset=["us_balance_usd_bn"])
fig, ax = plotting.new_figure()
for derived, marker, label in [
    (False, "o", "as published"),
    (True, "D", "derived from a stated change"),
]:
    rows = trade[trade.derived == derived]
    ax.scatter(rows.year, rows.us_balance_usd_bn, marker=marker, color="#0072B2", s=35, label=label)
ax.axhline(0, color="#444444", linewidth=0.8)
ax.legend()
caption = explorer.finish_many(
    ax,
    table="trade",
    sources=trade["source_id"],
    title="U.S. goods balance with Japan, as transcribed",
    ylabel="Balance (billion US$, current)",
    xlabel="Year",
    note="Negative values are U.S. deficits; export definitions differ between rows.",
)
explorer.show(fig, caption)

# %% [markdown]
# ### `arms_transfers`
#
# Deliveries of major conventional weapons to Japan, one row per supplier and year, in
# SIPRI's trend-indicator value (TIV). TIV measures the military capability transferred,
# not the money paid, so it is good for shares and trends and useless for prices. Years
# with no deliveries are simply absent.

# %%
display(explorer.summary("arms_transfers"), ad.load("arms_transfers").head(preview_rows))

# %%
fig, caption, arms = explorer.draw_series("arms_tiv", 1952, 2021)
explorer.show(fig, caption)
us_share = arms.loc[arms.group == "USA", "value"].sum() / arms.value.sum()
Markdown(
    f"Between {arms.year.min()} and {arms.year.max()} the United States supplied "
    f"{us_share:.0%} of the TIV delivered to Japan."
)

# %% [markdown]
# ### `overseas_missions`
#
# Japan's dispatches of the Self-Defense Forces and its financial contributions alongside
# U.S. or UN operations, one row per mission and source. Where sources give different
# figures, as they do for the Gulf War contribution, each figure is a separate row with a
# note explaining what it measures.

# %%
display(explorer.summary("overseas_missions"), ad.load("overseas_missions").head(preview_rows))
missions = ad.load("overseas_missions")
Markdown(
    f"The table has {len(missions)} rows covering {missions.name.nunique()} named missions or "
    f"contributions of {missions.kind.nunique()} kinds; {missions.personnel.isna().sum()} rows "
    "give no personnel figure."
)

# %% [markdown]
# ### `claims`
#
# The project's audit of its seed documents: one row per quantitative or dated claim,
# with the value as the seed states it, what the evidence says, a verdict and an
# explanation. This is where contradictions between sources are kept in the open rather
# than resolved quietly; chapter 8 works through them.

# %%
display(explorer.summary("claims"), ad.load("claims").head(preview_rows))

# %%
claims = ad.load("claims")
verdicts = ["consistent", "approximate", "conflicting", "unverifiable"]
by_seed = claims.pivot_table(index="seed", columns="verdict", values="claim_id", aggfunc="count")
by_seed = by_seed.reindex(columns=verdicts).fillna(0)
by_seed.index = "seed " + by_seed.index.str.split("_").str[0]
fig, ax = plotting.new_figure()
by_seed.plot.barh(stacked=True, ax=ax, color=["#009E73", "#56B4E9", "#D55E00", "#999999"])
ax.invert_yaxis()
caption = explorer.finish_many(
    ax,
    table="claims",
    sources=claims["source_id"],
    title="Verdicts on the seed documents' claims",
    ylabel="Seed document",
    xlabel="Claims (count)",
)
explorer.show(fig, caption)

# %%
tally = claims.verdict.value_counts()
Markdown(
    f"Of {len(claims)} claims, " + ", ".join(f"{tally.get(v, 0)} are {v}" for v in verdicts) + "."
)

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
# cell recomputes the checksums by hand; the second alters one byte in a temporary copy of
# a file (the installed data are not touched) to show the refusal.

# %%
checks = explorer.verify_checksums()
display(checks.style.hide(axis="index"))
print(f"files matching their recorded checksum: {checks.matches.sum()} of {len(checks)}")

# %%
print(explorer.tamper_demo("troops"))

# %% [markdown]
# Two further checks live in the repository rather than the notebook: `python -m etl --check`
# rebuilds every table from the raw inputs and confirms that the result is byte-identical,
# and the test suite validates the whole data package with Frictionless and checks that
# every `source_id` resolves.

# %% [markdown]
# ## 0.6 Your table
#
# The `table` parameter picks one table to show in full: the complete description from
# `ad.describe` (with every source) and its first `preview_rows` rows. Re-run the chapter
# with papermill (`-p table bases`, say) to see another.

# %%
display(ad.describe(table), ad.load(table).head(preview_rows))
n = len(ad.load(table))
print(f"Table shown: {table} ({n} rows)")

# %% [markdown]
# ## Exercises
#
# ### Exercise 0.1
#
# For every table that has a `flag` column, compute how many rows carry a flag and what
# share of the table that is. Which table is most often flagged, and does that make it the
# least trustworthy? (Hint: loop over `ad.list_tables()` and test `"flag" in frame`.)

# %% tags=["solution"]
import pandas as pd

flag_share = pd.DataFrame(
    [
        {"table": t, "flagged": int(f["flag"].notna().sum()), "share": f["flag"].notna().mean()}
        for t in ad.list_tables()
        if "flag" in (f := ad.load(t))
    ]
)
display(flag_share.style.format({"share": "{:.1%}"}).hide(axis="index"))
# A high share reflects careful annotation, not necessarily worse data: flags mark values
# that were kept and explained rather than silently dropped or smoothed.

# %% [markdown]
# ### Exercise 0.2
#
# In `host_nation_support`, find the fiscal years that have more than one *annual* figure.
# For each, show the amount, basis, reliability and source, and compute the gap between the
# highest and lowest figure as a percentage of the lowest. Is each gap a conflict between
# sources, or a difference of budget basis?

# %% tags=["solution"]
hns_annual = ad.load("host_nation_support").query("period == 'annual'")
doubled = hns_annual[hns_annual.fiscal_year.duplicated(keep=False)]
display(doubled[["fiscal_year", "amount_jpy_100m", "basis", "reliability", "source_id"]])
gap = doubled.groupby("fiscal_year").amount_jpy_100m.agg(lambda s: 100 * (s.max() / s.min() - 1))
print(gap.round(1).rename("gap between figures (%)").to_string())
# Read the basis column: a contract-basis and an expenditure-basis figure for the same year
# are both right; two budget figures from different pages that differ are a real conflict.

# %% [markdown]
# ## Key takeaways
#
# - Four calls cover almost everything: `list_tables`, `load`, `describe` and `cite`.
# - Every row names a source in the `sources` table; read the source's kind and notes
#   before leaning on a figure.
# - Hand-transcribed series (host-nation support, trade) are partial, graded by
#   reliability and keep conflicting values side by side.
# - Flags and quality columns mark doubtful values instead of hiding them; the later
#   chapters draw flagged points differently.
# - `ad.load` verifies each file's checksum, so an altered or truncated table fails loudly.
#
# ## Sources
#
# This chapter uses every table. The cell prints the union of `ad.cite(name)` over all of
# them: the package once, then each source once.

# %%
print(explorer.bibliography(ad.list_tables()))
