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
# # Chapter 2: U.S. forces in Japan, 1950–2025
#
# American soldiers, sailors, airmen and marines have been stationed in Japan without a
# break since the occupation began in 1945. How many, and where, has changed a great deal:
# this chapter follows the headcount from the Korean War to the present, asks how much of
# it sat on Okinawa before the island went back to Japan, and puts Japan beside other
# countries that host U.S. forces.
#
# **Learning goals**
#
# - Read a long administrative time series critically: report months, missing years,
#   compilation values and unexplained dips are part of the evidence, not noise.
# - Link the main turns in the series to political events (base protests, the 1960
#   treaty, the reversions of the Bonins and Okinawa, post-Cold War realignment).
# - Explain why the mainland/Okinawa split matters for the history of the alliance.
# - Test numbers quoted in secondary texts against the Defense Department's own reports.
# - Compare Japan with other hosts without over-reading definitional breaks.

# %% tags=["parameters"]
start_year = 1950  # first year shown in the time series
end_year = 2025  # last year shown in the time series
compare_countries = ["DEU", "KOR"]  # hosts compared with Japan (ISO3 codes)

# %%
# ruff: noqa: E402
from IPython.display import Markdown, display

import alliance_data as ad
from alliance_data import forces, plotting

ad.validate_parameters(
    "02_us_forces",
    start_year=start_year,
    end_year=end_year,
    compare_countries=compare_countries,
)
plotting.use_house_style()

# %% [markdown]
# ## 2.1 Where the numbers come from
#
# The `troops` table holds one value per host country and year: the count of U.S.
# active-duty military personnel in the Defense Department's personnel report for that
# country. The reports were produced by the Defense Manpower Data Center (DMDC) and its
# predecessors. Three properties of the source shape everything that follows:
#
# - **A snapshot, not an average.** Each value is a single report: June for the early
#   1950s, September afterwards. Ships at sea and units rotating through can move a
#   quarterly figure noticeably.
# - **Japan is defined generously.** The Japan total includes Okinawa and the Bonin and
#   Volcano Islands, even in the years when the United States administered them directly.
# - **Seams.** Some years have no report, some come from a secondary compilation, and
#   some show falls that the source never explains. The table marks these with a `flag`.
#
# The cell below prints the catalogue's own caveats, then selects the years and hosts the
# parameters ask for.

# %%
for caveat in ad.describe("troops").caveats:
    print("-", caveat)

shown = forces.troop_series(["JPN", *compare_countries], start_year, end_year)
japan = shown[shown["country_iso3"] == "JPN"]
hosts = ", ".join(shown.country_iso3.unique())
print(f"Data shown: {shown.year.min()}–{shown.year.max()}, hosts: {hosts}")

# %% [markdown]
# Here are the Japan rows in the selected range that carry a flag, with the table's own
# explanation of each. Treat them as the places where the line in Figure 2.1 is least
# secure.

# %%
flagged = japan.dropna(subset=["flag"])[["year", "personnel", "flag", "note", "source_id"]]
gaps = forces.missing_years(shown)
if len(flagged):
    display(flagged.style.hide(axis="index"))
else:
    print("No flagged Japan rows in range.")
print("Years in range with no Japan report:", gaps or "none")

# %% [markdown]
# ## 2.2 The whole series in one line
#
# Figure 2.1 draws the Japan series for the selected years. The line breaks where no
# report exists (the Korean War years 1951–1952 have none in this table: the published
# compilations fill them by interpolation, which the package refuses to pass off as
# data). Flagged values are drawn as open markers, and the two figures quoted in the seed
# documents are drawn in red so that they can be judged against the reports. Dashed
# lines mark events taken from the `events` table.

# %%
events = forces.chart_events(forces.SERIES_EVENTS, start_year, end_year)
fig, ax = plotting.new_figure(figsize=(10, 5.6))
forces.plot_japan_series(ax, japan, claims=[("C001", 1953, 1957), ("C009", 2021, 2021)])
plotting.annotate_events(ax, events)
caption = plotting.finish(
    ax,
    title="U.S. military personnel in Japan",
    ylabel="Personnel (persons)",
    xlabel="Year",
    sources=[*japan.source_id.unique(), *events.source_id, "wikipedia_us_japan_alliance"],
    note="Japan includes Okinawa and the Bonin/Volcano Islands. June reports to 1956, September "
    "from 1957. Grey band: no report. Red: claims in the seed documents.",
)

# %% [markdown]
# ### Reading Figure 2.1
#
# The shape is a steep fall followed by a long plateau. The numbers below are computed
# from the rows shown.


# %%
top, top_year = forces.peak(shown)
low = japan.loc[japan["personnel"].idxmin()]
low_flag = low.flag if isinstance(low.flag, str) else "none"
text = (
    f"In the years shown, the count is highest in **{top_year}** ({top:,} persons) and "
    f"lowest in **{low.year}** ({low.personnel:,}; flag: {low_flag}). "
    f"The last year shown, {japan.year.iloc[-1]}, has {japan.personnel.iloc[-1]:,}."
)
for y0, y1 in ((1955, 1960), (1970, 1976), (1989, 1995)):
    if change := forces.span_change(japan, y0, y1):
        text += (
            f" From {y0} to {y1} it went from {change[0]:,} to {change[1]:,} ({change[2]:+.0f}%)."
        )
Markdown(text)

# %% [markdown]
# Four phases stand out.
#
# 1. **The Korean War and its aftermath (to the mid-1950s).** Japan was the rear base
#    for the war in Korea, and the reports of 1953–1954 are the highest in the series.
#    The missing 1951–1952 values are exactly the years when the count was probably
#    highest, which is worth remembering when anyone quotes a "peak".
# 2. **The mainland drawdown (1955–1960).** The steepest fall in the whole series comes in
#    these five years. This is the period of the Sunagawa protests against the extension
#    of the Tachikawa runway and of the Girard shooting on a Gunma firing range. The
#    encyclopaedia text among the seeds credits such disturbances with persuading the
#    Eisenhower administration to thin out the forces on the main islands before
#    renegotiating the treaty (claim C007 checks the direction of the change, not the
#    motive). The data can show the timing, not the cause: the end of the Korean fighting
#    and the "New Look" emphasis on air and nuclear forces pushed in the same direction.
#    Section 2.4 shows that the cut fell on the mainland, not on Okinawa.
# 3. **The Vietnam years and reversion (1960s to mid-1970s).** The total hovers on a
#    plateau through the 1960s and then steps down again as Okinawa returns to Japan in
#    1972 and the Vietnam War winds down. The single-year dip in the mid-1960s is not
#    flagged by the table; the screening cell below finds it.
# 4. **A long plateau (mid-1970s to today).** After the mid-1970s the count moves within a
#    band that is narrow by comparison with the early decades. The end of the Cold War
#    around 1991 brought a far smaller decline in Japan than the collapse of the
#    German garrison (Section 2.5). Note that the `events` table has no row for the end
#    of the Cold War itself, so it is not drawn on the chart. From 2008 the value is the
#    September report's "Total Active Duty"; together with the rows excluded in
#    2005–2007 this makes the step between 2007 and 2008 partly a change of definition
#    rather than of deployment.
#
# The seams are visible too: the open squares for 2003–2004 come from Tim Kane's Heritage
# Foundation compilation rather than a DoD report, and the open triangles for 2016–2017
# are September reports that drop sharply between higher quarters, which the source
# leaves unexplained. A simple screen finds further one-year falls that the table does
# *not* flag:

# %%
threshold = 0.08  # a year at least 8% below both neighbours
dips = forces.unflagged_dips(shown, drop=threshold)
print(dips.to_string(index=False) if len(dips) else "No unflagged dips in range.")

# %% [markdown]
# Neither of these is necessarily an error. The mid-1960s dip appears in the Okinawa row
# of the area table as well (Section 2.4), which is consistent with marine units leaving
# Okinawa for the Vietnam build-up of 1965, although the reports themselves give no
# reason. The point is methodological: a snapshot series can move with deployments, so a
# single year should never carry an argument on its own.
#
# ## 2.3 Two numbers from the seed documents
#
# The seed texts give two headline figures for U.S. troops in Japan. The `claims` table
# records what each seed says, what the evidence says, and a verdict.

# %%
claims = [forces.claim(c) for c in ("C001", "C009")]
for c in claims:
    print(
        f"{c.name} [{c.verdict}] {c.paraphrase}\n  claimed: {c.claimed_value}\n"
        f"  evidence: {c.evidence_value}\n  why: {c.explanation}\n"
    )

# %%
full = ad.load("troops").query("country_iso3 == 'JPN'")
peak_all, peak_all_year = forces.peak(full)
claim_mid50s = forces.claim_number("C001")
claim_2021 = forces.claim_number("C009")
v2021 = forces.value(full, 2021)
Markdown(
    f"The mid-1950s figure in the seeds, **{claim_mid50s:,.0f}**, is "
    f"{claim_mid50s - peak_all:,.0f} persons ({100 * (claim_mid50s / peak_all - 1):.0f}%) above "
    f"the highest report in the whole series ({peak_all:,} in June {peak_all_year}), and that "
    f"report already counts Okinawa and the Bonins. The 2021 figure, about "
    f"**{claim_2021:,.0f}**, is within {abs(v2021 - claim_2021):,.0f} persons of the September "
    f"2021 report ({v2021:,}), a difference of {100 * abs(v2021 / claim_2021 - 1):.1f}%."
)

# %% [markdown]
# The two claims therefore fare very differently. The 2021 figure is a fair rounding of
# the report. The mid-1950s figure cannot be reproduced from any DoD report in the table,
# nor from the two compilations the claims table consulted; and the seed gives neither a
# year nor a source. There are a few ways such a number can arise, none of which the
# evidence confirms: it may be a Korean War-era count (1951–1952, the very years with no
# report here), it may include civilians or dependants, or it may have been copied between
# encyclopaedia articles without a check. The honest statement is that the reports put the
# mid-1950s presence clearly below the seed's figure, and that the earlier peak is
# unknown in this dataset.
#
# ## 2.4 Mainland and Okinawa before reversion
#
# Until 1972 Okinawa was under U.S. administration, and the DoD reports listed it (as the
# Ryukyu Islands) separately from the main islands; the Bonin and Volcano Islands had
# their own row until they were returned in 1968. Figure 2.2 uses the
# `troops_japan_by_area` table, which always covers its full span (1950–1973) whatever
# the parameters are, because the split ends when the reports stop making it.

# %%
split = forces.area_split()
share = forces.okinawa_share(split)
area_events = forces.chart_events(forces.AREA_EVENTS, 1950, 1973)
print(forces.area_flags().to_string(index=False))

# %%
fig, (ax, ax2) = plotting.new_figure(
    nrows=2, sharex=True, figsize=(10, 7.5), gridspec_kw={"height_ratios": [2.2, 1]}
)
forces.plot_area_split(ax, ax2, split)
plotting.annotate_events(ax, area_events)
caption = plotting.finish(
    ax,
    title="U.S. personnel by area of Japan, 1950–1973",
    ylabel="Personnel (persons)",
    sources=[*ad.load("troops_japan_by_area").source_id.unique(), *area_events.source_id],
    note="Hatched bars (1973): the report counts Air Force personnel on Okinawa with the "
    "mainland. Bonin/Volcano counts are too small to see at this scale. Grey band: no report.",
)

# %%
bonins = split["bonin_volcano"].dropna()
Markdown(
    f"Between the June 1955 and September 1960 reports, personnel on the mainland changed by "
    f"**{forces.change_pct(split, 'mainland', 1955, 1960):.0f}%**, while on Okinawa they changed "
    f"by **{forces.change_pct(split, 'okinawa', 1955, 1960):+.0f}%**. Okinawa's share of the "
    f"total rose from {share[1955]:.1f}% in 1955 to {share[1960]:.1f}% in 1960 and "
    f"{share[1970]:.1f}% in 1970; it first exceeded half in {share[share > 50].index.min()}. "
    f"The Bonin/Volcano row never exceeded {bonins.max():,.0f} persons."
)

# %% [markdown]
# This is the quantitative core of the "Okinawa problem". The drawdown of the late 1950s
# eased the friction on the main islands by moving the weight of the presence, not by
# removing it: by the late 1960s more U.S. personnel were on Okinawa, a small island under
# direct U.S. administration where Tokyo had no say over land use, than on all the main
# islands together. When Okinawa reverted to Japan in 1972 the bases stayed, so Japan
# inherited an extreme regional imbalance that later chapters (and Chapter 3 on bases)
# keep returning to. The claims table's check of the seed's qualitative claim about this
# shift (C007) agrees with the figure.
#
# Two cautions. First, the 1973 values cannot be compared with earlier years: the report
# footnotes that Air Force personnel on Okinawa were counted with the mainland, which is
# why Okinawa's share seems to fall abruptly. Second, after 1973 the reports stop
# splitting Japan, so this dataset cannot follow Okinawa's share into the present.
#
# ## 2.5 Japan among the hosts
#
# Is Japan's garrison large? Figure 2.3 compares it with the hosts chosen in
# `compare_countries`. Germany's series is West Germany (with West Berlin) until 1990,
# and 2024 for the comparison hosts is a March report (flagged). No comparison host has a
# 2025 row yet.

# %%
host_events = forces.chart_events(forces.HOST_EVENTS, start_year, end_year)
fig, ax = plotting.new_figure(figsize=(10, 5.4))
forces.plot_hosts(ax, shown)
plotting.annotate_events(ax, host_events)
caption = plotting.finish(
    ax,
    title="U.S. military personnel: Japan and other hosts",
    ylabel="Personnel (persons)",
    xlabel="Year",
    sources=[*shown.source_id.unique(), *host_events.source_id],
    note="DEU is West Germany (with West Berlin) through 1990. Open markers: flagged values. "
    "Grey band: no report.",
)

# %%
lines = []
for code in compare_countries:
    lead = forces.lead_years(shown, code)
    since = (
        f"and continuously since {lead['since']}"
        if lead["since"]
        else "and it was behind in the last year shown"
    )
    name = forces.COUNTRY_NAMES.get(code, code)
    lines.append(
        f"- Japan hosted more U.S. personnel than {name} in "
        f"**{lead['ahead']} of {lead['years']}** years shown, {since}."
    )
for code in shown.country_iso3.unique():
    if change := forces.span_change(shown, 1989, 1995, code):
        name = forces.COUNTRY_NAMES.get(code, code)
        lines.append(f"- {name}, 1989 to 1995: {change[0]:,} to {change[1]:,} ({change[2]:+.0f}%).")
Markdown("\n".join(lines) or "No comparison hosts selected.")

# %% [markdown]
# Germany and Japan tell different Cold War stories. From the mid-1950s until
# reunification West Germany carried by far the largest garrison in this table, and its numbers
# fell steeply after reunification; Japan's fell much less, plausibly because its bases
# serve naval and air forces for the whole Pacific theatre more than a land front. South
# Korea's series is dominated first by the Korean War and then by a garrison facing the
# armistice line, trimmed in steps by successive U.S. reviews. The seed statement that
# Japan has hosted the most U.S. troops *since the end of the Cold War* is, on this
# evidence, only true of recent years (the claims table grades it "approximate", C011),
# and the year in which Japan passes Germany is sensitive to the 2005–2008 definitional
# seam noted above: Germany's line drops between 2007 and 2008 just as Japan's rises, so
# part of the crossing reflects how the reports were read rather than troops moving. A
# careful sentence would say "in recent years" and name the report month.

# %% [markdown]
# ## Key figures
#
# These values use the full Japan series, whatever the parameters, so that they can be
# checked automatically.

# %% keep_output=true
# NBVAL_CHECK_OUTPUT
jp = ad.load("troops").query("country_iso3 == 'JPN'")
area = forces.area_split()
peak_n, peak_y = forces.peak(jp)
print(f"Peak personnel: {peak_n} in {peak_y}")
for y in (1955, 1972, 2021):
    print(f"Personnel {y}: {forces.value(jp, y)}")
print(f"Okinawa share 1970 (%): {round(float(forces.okinawa_share(area)[1970]), 1)}")
print(f"Seed claim C001 minus peak: {int(forces.claim_number('C001')) - peak_n}")

# %% [markdown]
# ## Exercises
#
# ### Exercise 2.1
#
# Using `forces.area_split()`, compute the percentage change of personnel on the mainland
# and on Okinawa between 1958 and 1972. Which area lost more, in persons and in percent?

# %% tags=["solution"]
ex_split = forces.area_split()
for ex_area in ("mainland", "okinawa"):
    ex_change = ex_split.loc[1972, ex_area] - ex_split.loc[1958, ex_area]
    print(
        f"{ex_area}: {ex_change:+,.0f} persons "
        f"({forces.change_pct(ex_split, ex_area, 1958, 1972):+.1f}%)"
    )

# %% [markdown]
# ### Exercise 2.2
#
# How much do the flagged values matter? Compute the mean Japan personnel for 2003–2017
# with and without the flagged years, and say in one sentence whether the conclusion "the
# presence was roughly stable" depends on them.

# %% tags=["solution"]
ex_rows = forces.troop_series(["JPN"], 2003, 2017)
ex_all = ex_rows["personnel"].mean()
ex_clean = ex_rows.loc[ex_rows["flag"].isna(), "personnel"].mean()
print(
    f"Mean with flagged years: {ex_all:,.0f}; without: {ex_clean:,.0f} "
    f"({ex_rows['flag'].notna().sum()} of {len(ex_rows)} years flagged)"
)
# Dropping the flagged years raises the mean, because most flags mark low values
# (2005-2007 exclude a row, 2016-2017 are unexplained dips).

# %% [markdown]
# ### Exercise 2.3
#
# Find the first year in which Japan hosted more U.S. personnel than Germany and stayed
# ahead, and list the years between 1991 and 2007 in which Germany was ahead. What does
# this imply for the seed claim C011?

# %% tags=["solution"]
ex_pair = forces.troop_series(["JPN", "DEU"], 1950, 2025)
print("Japan ahead continuously since:", forces.lead_years(ex_pair, "DEU")["since"])
ex_wide = ex_pair.pivot(index="year", columns="country_iso3", values="personnel").loc[1991:2007]
print("Germany ahead in:", ex_wide.index[ex_wide["DEU"] > ex_wide["JPN"]].tolist())
print(forces.claim("C011")["verdict"], "-", forces.claim("C011")["explanation"][:200], "…")

# %% [markdown]
# ## Key takeaways
#
# - The DoD reports show a steep fall in U.S. personnel in Japan from the Korean War era
#   to 1960, a plateau through the Vietnam years, a second step down around Okinawa's
#   reversion, and a comparatively narrow band ever since.
# - The late-1950s cut fell on the main islands; Okinawa's garrison held steady or grew,
#   so that by the late 1960s it held the larger part of the U.S. presence in Japan.
# - The series has seams: no reports for the Korean War years, compilation values in
#   2003–2004, excluded rows in 2005–2007, a definitional change in 2008, unexplained
#   dips in 2016–2017, and a distorted area split in 1973. Good arguments name them.
# - The seeds' mid-1950s troop figure is not supported by any report in the table, while
#   their 2021 figure is a fair rounding; the claim that Japan has led all hosts since the
#   Cold War holds only for recent years.
#
# ## Sources

# %%
for table in ("troops", "troops_japan_by_area", "events", "claims"):
    print(f"# {table}\n{ad.cite(table)}\n")
