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
#   countries and periods without writing plotting code.
# - Read every redrawn figure with its caption: which source, which caveats, which
#   countries have no data.
# - Turn an interesting view into a reproducible one by re-running the notebook with
#   papermill and the same parameters.

# %% tags=["parameters"]
start_year = 1950  # first year shown (the slider starts here)
end_year = 2025  # last year shown (the slider ends here)
countries = ["JPN", "DEU", "KOR"]  # countries compared (ISO3 codes from the troops table)

# %%
# ruff: noqa: E402
from IPython.display import Markdown, display

import alliance_data as ad
from alliance_data import explorer, plotting

ad.validate_parameters("09_explorer", start_year=start_year, end_year=end_year, countries=countries)
plotting.use_house_style()

# %% [markdown]
# ## 9.1 How to use the explorer
#
# The live explorer sits in section 9.3. It has three controls:
#
# - **Series** (drop-down): U.S. military personnel in each host (`troops`); military
#   expenditure as a share of GDP or in constant 2023 dollars (`defense_spending`, from
#   SIPRI); the share of the public with a favourable view of the United States (`opinion`,
#   Pew Global Attitudes); and deliveries of major arms to Japan, United States against all
#   other suppliers (`arms_transfers`, SIPRI trend-indicator values).
# - **Countries** (list): click one country, or hold Ctrl (Cmd on a Mac) and click to
#   pick several. The list offers every country that at least one series covers; when a
#   country has no data in the chosen series, the caption says so instead of drawing an
#   empty line. The arms series is about Japan as a buyer, so it ignores this list.
# - **Years** (slider): drag either end. The figure redraws when you let go.
#
# How to read what you see:
#
# - A line breaks where the table has no value. Nothing is interpolated: a missing report
#   or a year without a survey stays a gap.
# - Open circles are values the table flags (a compilation value, an unexplained dip, a
#   different report month). Look the row up with `ad.load("troops")` and read its `note`.
# - Dashed vertical lines mark a few landmark events from the `events` table.
# - The text under each figure is its caption, repeated below the image as plain text so
#   that it can serve as alt text. It names every source behind the figure.
#
# The widgets need a live kernel and a browser (JupyterLab or Notebook 7). When the
# notebook is run without one, by papermill, nbval or `jupyter nbconvert --execute`, the
# controls cannot respond, so section 9.2 always draws every series as a static figure
# for the years and countries in the parameters cell. To keep a view, re-run the notebook
# with those values, for example:
#
# ```bash
# papermill 09_explorer.ipynb out.ipynb -p start_year 1970 -p end_year 2000 \
#     -y "countries: [JPN, ITA]"
# ```
#
# (A list parameter goes through `-y`, papermill's YAML option; `-p` would pass it as a
# string and the validation would reject it.)

# %% [markdown]
# ## 9.2 Every series, for the parameters
#
# The figures below use `start_year`, `end_year` and `countries` from the parameters cell.
# Each one is followed by its caption.

# %%
shown = explorer.static_figures(start_year, end_year, countries)
first, last = explorer.span(shown.values())
print(f"Data shown: {first}–{last}")

# %% [markdown]
# The table summarises what each figure drew: how many rows, from which years, and for
# which countries or supplier groups.

# %%
display(explorer.overview(shown).style.hide(axis="index"))

# %% [markdown]
# For reference, the full extent of each series over every country the explorer offers.
# These counts do not depend on the parameters.

# %% keep_output=true
# NBVAL_CHECK_OUTPUT
low, high = explorer.year_bounds()
for key in explorer.SERIES:
    full = explorer.series_data(key, low, high, explorer.country_options())
    print(f"{key}: {len(full)} rows, {full.year.min()}–{full.year.max()}")

# %% [markdown]
# ## 9.3 The live explorer
#
# Run this cell in JupyterLab. It starts from the parameters above; change any control and
# the figure and its caption are redrawn. The line above the country list reports the
# years and the number of rows actually drawn. (Outside a live frontend the cell shows
# only a text placeholder for the widgets.)

# %%
explorer.explore(start_year, end_year, countries)

# %% [markdown]
# ## 9.4 Before you quote a view
#
# Each series carries caveats from its table's catalogue entry. The most important ones
# for comparisons across countries and years are printed here; `ad.describe(name)` has
# the rest.

# %%
for name in ("troops", "defense_spending", "opinion", "arms_transfers"):
    display(Markdown(f"**{name}**\n\n" + "\n".join(f"- {c}" for c in ad.describe(name).caveats)))

# %%
flagged = int(shown["troops"].flagged.sum())
Markdown(
    f"In the troop figure above, {flagged} of the {len(shown['troops'])} values drawn carry "
    "a flag (the open circles)."
    if flagged
    else "None of the troop values drawn above is flagged."
)

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
# The explorer draws on four tables, plus the `events` table for the dashed landmark lines.

# %%
for name in ("troops", "defense_spending", "opinion", "arms_transfers", "events"):
    print(f"== {name} ==\n{ad.cite(name)}\n")
