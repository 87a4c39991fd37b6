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
# # Chapter 2: U.S. forces in Japan
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
#   changes of report format and unexplained dips are part of the evidence, not noise.
# - Link the main turns in the series to political events (base protests, the 1960
#   treaty, the reversions of the Bonins and Okinawa, post-Cold War realignment).
# - Explain why the mainland/Okinawa split matters for the history of the alliance.
# - Test numbers quoted in secondary texts against the Defense Department's own reports.
# - Compare Japan with other hosts without over-reading definitional breaks.

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
start_year = 1950  # first year shown in the time series
end_year = 2025  # last year shown in the time series
compare_countries = ["DEU", "KOR"]  # hosts compared with Japan (ISO3 codes)

# %%
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import Markdown

import alliance_data as ad
from alliance_notebooks import check_parameters, citations, figures, plotting, publish, style
from alliance_notebooks.prose import count, listing, signed_percent, span
from alliance_notebooks.tables import show

# %%
checked = check_parameters(
    "02_us_forces",
    start_year=start_year,
    end_year=end_year,
    compare_countries=compare_countries,
)
start_year, end_year = checked["start_year"], checked["end_year"]
window = span(start_year, end_year)  # "1970–1990", or "2025" for one year
style.use_house_style()
citations.reset()

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
# - **Seams.** Some years have no report, some come from a secondary compilation, some
#   reports count sailors afloat and others do not, and the report format itself changed.
#   The table marks each of these rows with a `flag` and explains it in `note`.
#
# The cell below prints the catalogue's own caveats, then selects the years and hosts the
# parameters ask for.

# %%
for caveat in ad.describe("troops").caveats:
    print("-", caveat)

# %%
troops = ad.load("troops")
in_window = troops["year"].between(start_year, end_year)
shown = troops[in_window & troops["country_iso3"].isin(["JPN", *compare_countries])]
shown = shown.sort_values(["country_iso3", "year"]).reset_index(drop=True)
japan = shown[shown["country_iso3"] == "JPN"]
if shown.empty:
    print(f"No report in {window} for Japan or the comparison hosts.")
else:
    names = ", ".join(style.name(code) for code in shown["country_iso3"].unique())
    print(f"Data shown: {shown.year.min()}–{shown.year.max()}, hosts: {names}")

# %%
# %%
last_year = troops.groupby("country_iso3")["year"].max()
for code in compare_countries:
    if code not in set(shown["country_iso3"]):
        years = "that year" if start_year == end_year else "those years"
        why = (
            f"its data in the troops table end in {last_year[code]}"
            if last_year[code] < start_year
            else f"the troops table has no report for {years}"
        )
        print(
            f"{style.name(code)} has no row in {window}: {why}, so it is left "
            "out of the comparison."
        )
missing = [y for y in range(start_year, end_year + 1) if y not in set(japan["year"])]
print("Years in the window with no Japan report:", missing or "none")

# %% [markdown]
# Every flag in the table is a place where the series is least secure. The cell below
# turns each flag value found in the data into words (a flag that this chapter does not
# know yet is described by the first sentence of its note), and lists the Japan rows in
# the window that carry one.


# %%
def meaning(flag):
    """The house words for a flag of the troops table ('no flag' for none)."""
    return style.flag("troops", flag).name if isinstance(flag, str) else "no flag"


# %%
# Flags that mark a change of basis from that year on: drawn as dotted lines as well.
BREAKS = {"report_month_change", "definition_break", "territory_change"}

# %%
flagged = japan.dropna(subset=["flag"]).assign(meaning=lambda f: f["flag"].map(meaning))
if flagged.empty:
    print("No flagged Japan rows in the window.")
else:
    show(flagged[["year", "personnel", "meaning", "note"]], sources=flagged.source_id)

# %% [markdown]
# ## 2.2 The whole series in one line
#
# Figure 2.1 draws the Japan series for the selected years. The line breaks where no
# report exists: the published compilations fill the Korean War gap by interpolation,
# which this chapter refuses to pass off as data. Every flagged value gets an open marker
# whose meaning is spelled out in the legend, and dotted vertical lines mark the years in
# which the report changed what it counts. The two figures quoted in the seed documents
# are drawn as red crosses so that they can be judged against the reports; dashed lines
# mark events from the `events` table.

# %%
claims = ad.load("claims").set_index("claim_id")
# claim -> (first year, last year, what the seed dates it to)
seed_claims = {"C001": (1953, 1957, "mid-1950s"), "C009": (2021, 2021, "2021")}
series_events = {
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
events = plotting.events_between(series_events, start_year, end_year)
# the seed claims drawn: (claim, years of the window it covers, its value, when the seed dates it)
drawn_claims = [
    (claim_id, years, claims.loc[claim_id, "claimed_value"], when)
    for claim_id, (first, last, when) in seed_claims.items()
    if (years := [y for y in range(first, last + 1) if start_year <= y <= end_year])
]


# %%
def draw_claims(ax, drawn):
    """Seed claims as red crosses over the years they are dated to."""
    for _, years, value, when in drawn:
        ax.plot(years, [value] * len(years), "x", color=CLAIM_RED, markersize=9, mew=2.5)
        plotting.legend_entry(
            ax, f"Seed claim, {when}: {value:,.0f}", marker="x", color=CLAIM_RED, mew=2.5
        )


# %%
CLAIM_RED = "#B2182B"
# %%
if japan.empty:
    print(f"No Japan report in {window}: Figure 2.1 is not drawn.")
else:
    fig, ax = figures.new_figure(figsize=(10, 7.4))
    jpn = style.look("JPN")
    plotting.series(ax, japan, "personnel", **jpn | {"marker": ".", "label": "DoD report"})
    plotting.mark_flags(ax, japan, "personnel", table="troops", colour=jpn["color"])
    breaks = japan.loc[japan["flag"].isin(BREAKS), "year"]
    plotting.break_lines(ax, breaks, label="Report changes what it counts")
    plotting.shade_missing(ax, missing)
    draw_claims(ax, drawn_claims)
    ax.set_ylim(0, 1.1 * max([japan["personnel"].max(), *[c[2] for c in drawn_claims]]))
    plotting.year_axis(ax, japan["year"])
    figures.thousands(ax)
    plotting.annotate_events(ax, events)
    plotting.legend_below(ax, title="Open markers: rows the troops table flags")
    figures.finish(
        ax,
        number="2.1",
        title="U.S. military personnel in Japan",
        ylabel="Personnel (persons)",
        xlabel="Year",
        sources=[
            *japan.source_id,
            *events.source_id,
            *[claims.loc[claim_id, "seed_source_id"] for claim_id, *_ in drawn_claims],
        ],
        note="Japan includes Okinawa and the Bonin/Volcano Islands."
        + (" Grey band: no report." if missing else "")
        + (" Dotted lines: the report's basis changes from that year." if len(breaks) else ""),
    )
    plt.show()

# %% [markdown]
# ### Reading Figure 2.1
#
# The numbers below are computed from the rows shown.


# %%
def change(rows, first, last):
    """'from A to B (+x%)' between two report years of one host, or None if one is missing."""
    values = rows.set_index("year")["personnel"]
    if first not in values.index or last not in values.index:
        return None
    a, b = values[first], values[last]
    return f"from {a:,} to {b:,} ({signed_percent(100 * (b / a - 1))})"


# %%
def extremes(rows):
    """'highest in 1953 (210,000 persons)'-style words for the top and bottom reports."""
    words = []
    for kind, value in (("highest", rows["personnel"].max()), ("lowest", rows["personnel"].min())):
        years = rows.loc[rows["personnel"] == value]
        flags = listing(dict.fromkeys(years["flag"].map(meaning)))
        words.append(f"{kind} in **{listing(years['year'])}** ({value:,} persons; {flags})")
    return " and ".join(words)


# %%
if japan.empty:
    text = f"There is no Japan report in {window}."
elif len(japan) == 1:
    only = japan.iloc[0]
    text = f"The one report shown, {only.year}, counts {only.personnel:,} persons ({meaning(only.flag)})."
else:
    text = (
        f"In the {count(len(japan), 'report')} shown, the count is {extremes(japan)}. The last "
        f"year shown, {japan.year.iloc[-1]}, has {japan.personnel.iloc[-1]:,}."
    )
for first, last in ((1955, 1960), (1970, 1976), (1989, 1995)):
    if moved := change(japan, first, last):
        text += f" From {first} to {last} it went {moved}."

# %%
Markdown(text)

# %% [markdown]
# Four phases stand out in the **whole** series. The table and the reading below are
# computed from all Japan rows, whatever the parameters, and describe the whole series,
# not only the years shown.

# %%
full_rows = troops[troops["country_iso3"] == "JPN"].set_index("year")
full = full_rows["personnel"]
PHASES = [  # (name, first year, last year): the chapter's reading of the series
    ("1. Korean War and aftermath", full.index.min(), 1955),
    ("2. Mainland drawdown", 1955, 1960),
    ("3. Vietnam years and reversion", 1960, 1976),
    ("4. Long plateau", 1976, full.index.max()),
]
# %%
phases = pd.DataFrame(PHASES, columns=["phase", "from", "to"])
phases["first value"] = phases["from"].map(full)
phases["last value"] = phases["to"].map(full)
phases["change (%)"] = 100 * (phases["last value"] / phases["first value"] - 1)
phases["lowest"] = [full.loc[a:b].min() for a, b in zip(phases["from"], phases["to"], strict=True)]
phases["highest"] = [full.loc[a:b].max() for a, b in zip(phases["from"], phases["to"], strict=True)]
show(phases)
# %%
steepest = (full.shift(-5) - full).idxmin()
Markdown(
    f"Over the whole series the largest five-year fall starts in **{steepest}** "
    f"({full[steepest]:,} to {full[steepest + 5]:,}), and the reports of "
    f"{listing(full.nlargest(2).index.sort_values())} are the two highest."
)


# %%
def flag_years(flag, first, last):
    """Years from first to last in which Japan's row carries ``flag``."""
    rows = full_rows.loc[first:last]
    return list(rows.index[rows["flag"] == flag])


# %%
def phase_change(first, last):
    return f"{full[first]:,} in {first} to {full[last]:,} in {last} ({signed_percent(100 * (full[last] / full[first] - 1))})"


# %%
reports = full.index
korean_war_gap = [y for y in range(reports.min(), 1954) if y not in reports]
month_switch = flag_years("report_month_change", 1955, 1960)
afloat = flag_years("afloat_included", 1955, 1960)
sixties = full.loc[1960:1969]
germany = troops[troops["country_iso3"] == "DEU"].set_index("year")["personnel"]
late = full.loc[1976:]

# %%
Markdown(
    f"""1. **The Korean War and its aftermath.** Japan was the rear base for the war in Korea.
   The table has no report for {listing(korean_war_gap) or "no year"}, during the war: the
   years when the count was probably highest, which is worth remembering when anyone quotes
   a "peak".
2. **The mainland drawdown.** From {phase_change(1955, 1960)}. This is the period of the
   Sunagawa protests against the extension of the Tachikawa runway and of the Girard
   shooting on a Gunma firing range. The encyclopaedia text among the seeds credits such
   disturbances with persuading the Eisenhower administration to thin out the forces on the
   main islands before renegotiating the treaty (claim C007 checks the direction of the
   change, not the motive). The data can show the timing, not the cause: the end of the
   Korean fighting and the "New Look" emphasis on air and nuclear forces pushed in the same
   direction. Section 2.4 shows that the cut fell on the mainland, not on Okinawa. Two
   seams run through this phase: the switch from June to September reports in
   {listing(month_switch)}, and totals that include sailors afloat in
   {count(len(afloat), "report")} (open {style.MARKER_NAMES[style.FLAG_MARKERS["afloat_included"]]}
   in Figure 2.1)."""
)

# %%
Markdown(
    f"""3. **The Vietnam years and reversion.** Through the 1960s the total stays between
   {sixties.min():,} and {sixties.max():,}; it then steps down from {phase_change(1970, 1976)},
   as Okinawa returns to Japan in 1972 and the Vietnam War winds down. The screening cell
   below looks for single-year dips such as the one of the mid-1960s.
4. **A long plateau.** From 1976 to {late.index.max()} the count stays between
   {late.min():,} and {late.max():,}, a narrow band next to the early decades. The end of
   the Cold War brought a far smaller decline in Japan, from {phase_change(1989, 1995)}, than
   in Germany ({germany[1989]:,} to {germany[1995]:,},
   {signed_percent(100 * (germany[1995] / germany[1989] - 1))}; Section 2.5). The `events`
   table has no row for the end of the Cold War itself, so it is not drawn on the chart."""
)

# %% [markdown]
# The most important seam in this last phase is the change of report format printed
# below. The table's note for that row gives the same month on both bases, so the step
# into that year is largely a change of definition rather than of deployment.

# %%
citations.note(full_rows["source_id"])
for year, row in full_rows[full_rows["flag"] == "definition_break"].iterrows():
    print(f"{year}: {row.note}")

# %% [markdown]
# A simple screen finds one-year falls: years at least 8% below both neighbouring reports.
# The last column says whether the table flags the year, and what the flag means. A flag
# such as "includes personnel afloat" describes the whole phase, not the dip.

# %%
threshold = 0.08  # a year at least 8% below both neighbours
series = japan.set_index("year")[["personnel", "flag"]]
before = series["personnel"].shift(1)
after = series["personnel"].shift(-1)
is_dip = (series["personnel"] < (1 - threshold) * before) & (
    series["personnel"] < (1 - threshold) * after
)
dips = series[is_dip.fillna(False)].assign(
    previous=before[is_dip.fillna(False)],
    next=after[is_dip.fillna(False)],
    flag=lambda f: f["flag"].map(meaning),
)
if dips.empty:
    print("No one-year dips in the years shown.")
else:
    show(dips.reset_index())

# %%
areas = ad.load("troops_japan_by_area")
split = areas.pivot(index="year", columns="area", values="personnel").astype(float)
split = split.reindex(range(split.index.min(), split.index.max() + 1))
# %%
unexplained = dips[dips["flag"] != meaning("reported_dip")]
if dips.empty:
    text = "The screen finds no one-year dip in the years shown."
else:
    text = (
        f"The screen finds {count(len(dips), 'dip')} in the years shown "
        f"({listing(dips.index)}); "
        + (
            f"{len(unexplained)} of them carr{'ies' if len(unexplained) == 1 else 'y'} no flag "
            "that explains a fall."
            if len(dips) > 1
            else "it carries no flag that explains a fall."
            if len(unexplained)
            else f"the table flags it as {meaning('reported_dip')}."
        )
        + " None is necessarily an error."
    )
if 1965 in unexplained.index:
    okinawa_fall = 100 * (split.loc[1965, "okinawa"] / split.loc[1964, "okinawa"] - 1)
    mainland_fall = 100 * (split.loc[1965, "mainland"] / split.loc[1964, "mainland"] - 1)
    text += (
        f" The 1965 dip shows in the area table too (Section 2.4): from 1964 the Okinawa row "
        f"changes by {signed_percent(okinawa_fall)} and the mainland row by "
        f"{signed_percent(mainland_fall)}, "
        "which is consistent with marine units leaving Okinawa for the Vietnam build-up of "
        "1965, although the reports themselves give no reason."
    )

# %%
Markdown(text)

# %% [markdown]
# The point is methodological: a snapshot series can move with deployments, so a single
# year should never carry an argument on its own.
#
# ## 2.3 Two numbers from the seed documents
#
# The seed texts give two headline figures for U.S. troops in Japan. The `claims` table
# records what each seed says, the range the evidence allows, and a verdict; the
# `sources` table names the publication each seed copies.

# %%
sources = ad.load("sources").set_index("source_id")
checked_claims = claims.loc[["C001", "C009"]].assign(
    publication=lambda f: f["seed_source_id"].map(sources["title"])
)
columns = ["publication", "paraphrase", "claimed_value", "evidence_low", "evidence_high"]
show(checked_claims[[*columns, "verdict"]], sources=checked_claims.seed_source_id)
for claim_id, row in checked_claims.iterrows():
    print(f"{claim_id} ({row.verdict}): {row.explanation}\n")

# %%
peak_year = int(full.idxmax())
peak = int(full.max())
mid_50s = claims.loc["C001", "claimed_value"]
claim_2021 = claims.loc["C009", "claimed_value"]
report_2021 = int(full[2021])

# %%
Markdown(
    f"The mid-1950s figure in the seeds, **{mid_50s:,.0f}**, is {mid_50s - peak:,.0f} persons "
    f"({100 * (mid_50s / peak - 1):.0f}%) above the highest report in the whole series "
    f"({peak:,} in {peak_year}), and that report already counts Okinawa, the Bonins and "
    f"sailors afloat. The 2021 figure, about **{claim_2021:,.0f}**, is within "
    f"{abs(report_2021 - claim_2021):,.0f} persons of the September 2021 report "
    f"({report_2021:,}), a difference of {100 * abs(report_2021 / claim_2021 - 1):.1f}%."
)

# %% [markdown]
# The two claims therefore fare very differently. The 2021 figure is a fair rounding of
# the report. The mid-1950s figure cannot be reproduced from any DoD report in the table,
# nor from the compilations the claims table consulted; and the seed gives neither a year
# nor a source. There are a few ways such a number can arise, none of which the evidence
# confirms: it may be a Korean War-era count (the very years with no report here), it may
# include civilians or dependants, or it may have been copied between encyclopaedia
# articles without a check. The honest statement is that the reports put the mid-1950s
# presence clearly below the seed's figure, and that the earlier peak is unknown in this
# dataset.
#
# ## 2.4 Mainland and Okinawa before reversion
#
# Until 1972 Okinawa was under U.S. administration, and the DoD reports listed it (as the
# Ryukyu Islands) separately from the main islands; the Bonin and Volcano Islands had
# their own row until they were returned in 1968. Figure 2.2 uses the
# `troops_japan_by_area` table, which always covers its full span whatever the
# parameters are, because the split ends when the reports stop making it.

# %%
AREAS = ["mainland", "okinawa", "bonin_volcano"]
split = split[AREAS]
total = split.sum(axis=1, min_count=1)
share = 100 * split["okinawa"] / total
distorted = sorted(set(areas.loc[areas["flag"] == "split_distorted", "year"]))
for caveat in ad.describe("troops_japan_by_area").caveats:
    print("-", caveat)
print(f"Area table: {split.index.min()}–{split.index.max()}")

# %%
area_titles = {
    "Sunagawa Struggle begins": "Sunagawa",
    "1960 treaty enters into force": "1960 treaty",
    "Bonin Islands returned to Japan": "Bonins returned",
    "Nixon-Sato joint statement on Okinawa": "Nixon–Sato statement",
    "Okinawa reverts to Japan": "Okinawa reversion",
}
area_events = plotting.events_between(area_titles, split.index.min(), split.index.max())
no_report = split.index[split.isna().all(axis=1)]

# %%
fig, (ax, ax2) = figures.new_figure(
    nrows=2, sharex=True, figsize=(10, 8), gridspec_kw={"height_ratios": [2.2, 1]}
)
totals = plotting.stacked_bars(ax, split, AREAS, hatched=distorted)
plotting.shade_missing(ax, no_report)
ax.set_ylim(0, 1.1 * totals.max())
figures.thousands(ax)
ax.legend(loc="upper right")
plotting.annotate_events(ax, area_events)
ax2.plot(share.index, share, **style.look("okinawa") | {"markersize": 4, "label": None})
ax2.scatter(distorted, share[distorted], s=90, facecolors="white", edgecolors="black", zorder=5)
for year in distorted:
    ax2.annotate(
        f"{year}: Air Force on Okinawa\ncounted with the mainland",
        (year, share[year]),
        xytext=(-12, -16),
        textcoords="offset points",
        ha="right",
        va="top",
    )
ax2.set_ylim(0, 100)
ax2.set_ylabel("Okinawa's share (%)")
ax2.set_xlabel("Year")
plotting.shade_missing(ax2, no_report)
plotting.year_axis(ax2, split.index)
figures.finish(
    ax,
    number="2.2",
    title=f"U.S. personnel by area of Japan, {split.index.min()}–{split.index.max()}",
    ylabel="Personnel (persons)",
    sources=[*areas.source_id, *area_events.source_id],
    note="Hatched bars: the report counts Air Force personnel on Okinawa with the mainland. "
    "The Bonin/Volcano counts are too small to see at this scale. Grey band: no report. "
    "Lower panel: Okinawa's share of all U.S. personnel in Japan.",
)
ax2.set_xlabel("Year")
plt.show()


# %%
def pct_change(area, first, last):
    return 100 * (split.loc[last, area] / split.loc[first, area] - 1)


# %%
majority = share[share > 50].index
Markdown(
    f"Between the June 1955 and September 1960 reports, personnel on the mainland changed by "
    f"**{signed_percent(pct_change('mainland', 1955, 1960))}**, while on Okinawa they changed "
    f"by **{signed_percent(pct_change('okinawa', 1955, 1960))}**. Okinawa's share of the total rose from "
    f"{share[1955]:.1f}% in 1955 to {share[1960]:.1f}% in 1960 and {share[1970]:.1f}% in "
    f"1970; it first exceeded half in {majority.min()}. The Bonin/Volcano row never exceeded "
    f"{split['bonin_volcano'].max():,.0f} persons."
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
# Two cautions. First, the values of the last report year cannot be compared with earlier
# years: the report footnotes that Air Force personnel on Okinawa were counted with the
# mainland, which is why Okinawa's share seems to fall abruptly. Second, after that year
# the reports stop splitting Japan, so this dataset cannot follow Okinawa's share into the
# present.
#
# ## 2.5 Japan among the hosts
#
# Is Japan's garrison large? Figure 2.3 compares it with the hosts chosen in
# `compare_countries`. Germany's series is West Germany (with West Berlin) until 1990.

# %%
ends = ", ".join(f"{last_year[c]} for {style.name(c)}" for c in compare_countries)
Markdown(
    f"The troops table's last year is {last_year['JPN']} for Japan"
    + (f"; for the comparison hosts chosen it is {ends}." if compare_countries else ".")
)

# %%
host_titles = {
    "1960 treaty enters into force": "1960 treaty",
    "Okinawa reverts to Japan": "Okinawa reversion",
    "Special Action Committee on Okinawa set up": "SACO set up",
}
host_events = plotting.events_between(host_titles, start_year, end_year)
# %%
others = shown[shown["country_iso3"] != "JPN"]
if others.empty:
    print(
        f"No comparison-host rows in {window}"
        + (
            f" (their data end in {last_year[compare_countries].max()})"
            if compare_countries and last_year[compare_countries].max() < start_year
            else ""
        )
        + ": Figure 2.3 is not drawn."
    )
else:
    fig, ax = figures.new_figure(figsize=(10, 6.4))
    for code, rows in shown.groupby("country_iso3"):
        width = 2.5 if code == "JPN" else 1.5
        plotting.series(ax, rows, "personnel", markersize=4, linewidth=width, **style.look(code))
    for year, flag in shown[shown["flag"].isin(BREAKS)].groupby("year")["flag"].first().items():
        plotting.break_lines(ax, [year], label=f"{year}: {meaning(flag)}")
    ax.set_ylim(0, 1.1 * shown["personnel"].max())
    plotting.year_axis(ax, shown["year"])
    figures.thousands(ax)
    plotting.annotate_events(ax, host_events)
    plotting.legend_below(ax)
    west = "DEU" in set(shown["country_iso3"]) and shown["year"].min() <= 1990
    figures.finish(
        ax,
        number="2.3",
        title="U.S. military personnel: Japan and other hosts",
        ylabel="Personnel (persons)",
        xlabel="Year",
        sources=[*shown.source_id, *host_events.source_id],
        note=("Germany is West Germany (with West Berlin) through 1990. " if west else "")
        + "Line breaks: no report. The other hosts' rows carry flags of the same kinds as "
        "Japan's (see the troops table).",
    )
    plt.show()

# %%
wide = shown.pivot(index="year", columns="country_iso3", values="personnel")
lines = []
for code in compare_countries:
    if code not in wide.columns or "JPN" not in wide.columns:
        continue
    both = wide[["JPN", code]].dropna()
    if both.empty:
        lines.append(f"- Japan and {style.name(code)} share no report year in the years shown.")
        continue
    ahead = both["JPN"] > both[code]
    where = "ahead of" if ahead.iloc[-1] else "behind"
    last = "in" if len(both) == 1 else "in the last of them,"
    lines.append(
        f"- Japan hosted more U.S. personnel than {style.name(code)} in "
        f"**{ahead.sum()} of {count(len(both), 'shared year')}** shown; {last} "
        f"{both.index[-1]}, Japan was {where} {style.name(code)}."
    )
for code, rows in shown.groupby("country_iso3"):
    if moved := change(rows, 1989, 1995):
        lines.append(f"- {style.name(code)}, 1989 to 1995: {moved}.")

# %%
Markdown("\n".join(lines) or "No comparison host has rows in the years shown.")

# %% [markdown]
# Across the whole table, whatever the window, Germany and Japan tell different Cold War
# stories. From the mid-1950s until
# reunification West Germany carried by far the largest garrison in this table, and its
# numbers fell steeply after reunification; Japan's fell much less, plausibly because its
# bases serve naval and air forces for the whole Pacific theatre more than a land front.
# South Korea's series is dominated first by the Korean War and then by a garrison facing
# the armistice line, trimmed in steps by successive U.S. reviews. The seed statement that
# Japan has hosted the most U.S. troops *since the end of the Cold War* is, on this
# evidence, only true of recent years (the claims table grades it "approximate", C011).
# Exercise 2.3 asks how many years, and why the 2008 change of report format matters for
# the answer. A careful sentence would say "in recent years" and name the report month.

# %% [markdown]
# ## 2.6 Which services make up the presence
#
# A headcount hides what kind of force a host holds. The `us_forces_by_service` table keeps
# the Defense Department's report rows by service from 2008, when the DMDC format begins.
# The cells below use the September reports (one a year, as the `troops` table does) and
# the active-duty rows, for Japan and the hosts chosen in `compare_countries`.

# %%
for caveat in ad.describe("us_forces_by_service").caveats[:2]:
    print("-", caveat)
by_service = ad.load("us_forces_by_service")
SERVICES = ["navy", "marine_corps", "air_force", "army", "space_force", "coast_guard"]
active = by_service[
    by_service["category"].eq("active_duty")
    & by_service["month"].eq("September")
    & by_service["year"].between(start_year, end_year)
    & by_service["country_iso3"].isin(["JPN", *compare_countries])
]
# %%
hosts = [c for c in ["JPN", *compare_countries] if c in set(active["country_iso3"])]
first_report = int(by_service["year"].min())
if active.empty:
    print(f"No September report by service in {window}: the table starts in {first_report}.")
else:
    print(
        f"Service reports shown: {span(active.year.min(), active.year.max())} ({listing(map(style.name, hosts))})"
    )


# %%
def service_panels(axes, active, hosts):
    """One panel per host: active-duty personnel stacked by service, one bar a September."""
    for ax, code in zip(axes, hosts, strict=True):
        rows = active[active["country_iso3"] == code]
        wide = rows.pivot_table(index="year", columns="service", values="personnel", aggfunc="sum")
        plotting.stacked_bars(ax, wide, SERVICES, group="service")
        ax.text(0.01, 0.97, style.name(code), transform=ax.transAxes, va="top", weight="bold")
        ax.set_ylabel("Personnel (persons)")
        figures.thousands(ax)
    plotting.year_axis(axes[-1], active["year"])


# %%
if active.empty:
    print(f"Figure 2.4 is not drawn: no report by service in {window}.")
else:
    fig, axes = figures.new_figure(
        nrows=len(hosts),
        sharex=True,
        sharey=True,
        figsize=(10, 2 + 2.4 * len(hosts)),
        squeeze=False,
    )
    axes = axes[:, 0]
    service_panels(axes, active, hosts)
    plotting.legend_below(axes[-1], ncol=3)
    axes[-1].set_xlabel("Year (September reports)")
    figures.finish(
        axes[0],
        number="2.4",
        title="U.S. active-duty personnel by service, September reports",
        ylabel="Personnel (persons)",
        sources=active.source_id,
        note="DMDC report rows by service; the Space Force appears from its first report "
        "column (2023).",
    )
    plt.show()


# %%
def service_shares(active, year):
    """Each host's active-duty personnel by service in one September report, in percent."""
    rows = active[active["year"] == year]
    counts = rows.pivot_table(
        index="country_iso3", columns="service", values="personnel", aggfunc="sum"
    )
    shares = 100 * counts.div(counts.sum(axis=1), axis=0)
    return shares.reindex([code for code in hosts if code in shares.index])  # Japan first


latest_service_year = int(active["year"].max()) if len(active) else None
if latest_service_year is None:
    text = f"There is no report by service in {window}; the table starts in {first_report}."
else:
    shares = service_shares(active, latest_service_year)
    show(shares.rename(index=style.name, columns=lambda s: style.name(s, "service"))
         .round(1).rename_axis("host").reset_index(), percent=list(map(lambda s: style.name(s, "service"), shares.columns)))  # fmt: skip
    parts = []
    for code, row in shares.iterrows():
        top = row.idxmax()
        sea = row.get("navy", 0) + row.get("marine_corps", 0)
        parts.append(
            f"in {style.name(code)} the {style.name(top, 'service')} is the largest service "
            f"({row[top]:.0f}%), and the Navy and Marine Corps together make {sea:.0f}%"
        )
    text = f"In the September {latest_service_year} report, " + "; ".join(parts) + "."

# %%
Markdown(text)

# %%
japan_services = active[active["country_iso3"] == "JPN"].pivot_table(
    index="year", columns="service", values="personnel", aggfunc="sum"
)
if "marine_corps" in japan_services and len(japan_services) > 1:
    marines = japan_services["marine_corps"].dropna()
    top = int(marines.idxmax())
    text = (
        f"Marines in Japan: {marines.iloc[0]:,.0f} in {marines.index[0]}, most in {top} "
        f"({marines[top]:,.0f}), and {marines.iloc[-1]:,.0f} in {marines.index[-1]}."
    )
    navy = japan_services["navy"].dropna()
    low = int(navy.idxmin())
    dips = set(
        troops.loc[troops["flag"].eq("reported_dip") & troops["country_iso3"].eq("JPN"), "year"]
    )
    text += (
        f" The Navy count is lowest in {low} ({navy[low]:,.0f}, against a median of "
        f"{navy.median():,.0f} in the reports shown)"
        + (
            ", a year the troops table flags as a dip the source does not explain."
            if low in dips
            else "."
        )
    )
else:
    text = "The years shown hold fewer than two September reports by service for Japan."

# %%
Markdown(text)

# %%
september = by_service[
    by_service["category"].eq("active_duty") & by_service["month"].eq("September")
]
wide_all = september.pivot_table(
    index=["country_iso3", "year"], columns="service", values="personnel", aggfunc="sum"
)
share_all = wide_all.div(wide_all.sum(axis=1), axis=0)
japan_sea = (share_all.loc["JPN", "navy"] + share_all.loc["JPN", "marine_corps"]) > 0.5
army_first = {c: (share_all.loc[c].idxmax(axis=1) == "army") for c in ("DEU", "KOR")}

# %%
Markdown(
    f"Across the whole table (every September report, {september.year.min()}–"
    f"{september.year.max()}, whatever the window), the Navy and Marine Corps together are more "
    f"than half of Japan's active-duty personnel in {japan_sea.sum()} of "
    f"{count(len(japan_sea), 'report')}, while the Army is the largest service in Germany in "
    f"{army_first['DEU'].sum()} of {len(army_first['DEU'])} and in South Korea in "
    f"{army_first['KOR'].sum()} of {len(army_first['KOR'])}."
)

# %% [markdown]
# Japan's garrison is a naval and Marine presence: the Seventh Fleet's home port at
# Yokosuka, the amphibious ships at Sasebo and the Marine units on Okinawa. Germany and
# South Korea host army garrisons. That difference helps explain why Japan's numbers moved
# so little after the Cold War (Section 2.5): ships and Marine units serve the whole western
# Pacific, not one land front.

# %% [markdown]
# ## Key figures
#
# These values use the full series, whatever the parameters, so that they can be checked
# automatically.

# %%
publish(
    peak_personnel=peak,
    peak_year=peak_year,
    personnel_1955=int(full[1955]),
    personnel_1972=int(full[1972]),
    personnel_2021=report_2021,
    mainland_change_1955_1960_pct=round(pct_change("mainland", 1955, 1960), 1),
    okinawa_share_1970_pct=round(share[1970], 1),
    okinawa_majority_first_year=int(majority.min()),
    seed_c001_minus_peak=int(mid_50s - peak),
)

# %% [markdown]
# ## Exercises
#
# ### Exercise 2.1
#
# Using the `troops_japan_by_area` table, compute the percentage change of personnel on
# the mainland between the 1958 and 1972 reports, to one decimal. Then do the same for
# Okinawa: which area lost more, in persons and in percent?

# %% tags=["solution"]
from alliance_notebooks.exercises import check

ex_areas = ad.load("troops_japan_by_area").pivot(index="year", columns="area", values="personnel")
ex_change = 100 * (ex_areas.loc[1972] / ex_areas.loc[1958] - 1)
print((ex_areas.loc[1972] - ex_areas.loc[1958]).dropna())
print(ex_change.dropna().round(1))
check("02.1", ex_change["mainland"])

# %% [markdown]
# ### Exercise 2.2
#
# How much do the flagged values matter? Compute the mean Japan personnel for 2003–2017
# with and without the flagged years (to the nearest person), and say in one sentence
# whether the conclusion "the presence was roughly stable" depends on them.

# %% tags=["solution"]
from alliance_notebooks.exercises import check

ex_troops = ad.load("troops")
ex_rows = ex_troops[(ex_troops["country_iso3"] == "JPN") & ex_troops["year"].between(2003, 2017)]
ex_all = ex_rows["personnel"].mean()
ex_clean = ex_rows.loc[ex_rows["flag"].isna(), "personnel"].mean()
print(
    f"Mean with flagged years: {ex_all:,.0f}; without: {ex_clean:,.0f} "
    f"({ex_rows['flag'].notna().sum()} of {len(ex_rows)} years flagged)"
)
check("02.2", ex_clean)

# %% [markdown]
# ### Exercise 2.3
#
# Pivot the whole `troops` table to one column per host. In how many years from 1991 (the
# first year of unified Germany) to 2024 did Japan host more U.S. personnel than every
# other host in the table? Which change of report format coincides with the start of
# that run, and what does this imply for the seed claim C011?

# %% tags=["solution"]
from alliance_notebooks.exercises import check

ex_troops = ad.load("troops")
ex_wide = ex_troops.pivot(index="year", columns="country_iso3", values="personnel").loc[1991:2024]
ex_first = ex_wide["JPN"] > ex_wide.drop(columns="JPN").max(axis=1)
print("Japan first in:", ex_first[ex_first].index.tolist())
print(ex_troops.loc[ex_troops["flag"] == "definition_break", ["country_iso3", "year"]])
check("02.3", int(ex_first.sum()))

# %% [markdown]
# ## Key takeaways
#
# - The DoD reports show a steep fall in U.S. personnel in Japan from the Korean War era
#   to 1960, a plateau through the Vietnam years, a second step down around Okinawa's
#   reversion, and a comparatively narrow band ever since.
# - The late-1950s cut fell on the main islands; Okinawa's garrison held steady or grew,
#   so that by the late 1960s it held the larger part of the U.S. presence in Japan.
# - The series has seams, and the table flags each one: no reports for the Korean War
#   years, totals with and without sailors afloat, a change of report month, compilation
#   values, excluded rows, a new report format that counts ships' crews home-ported in
#   Japan, unexplained dips and a distorted area split. Good arguments name them.
# - The seeds' mid-1950s troop figure is not supported by any report in the table, while
#   their 2021 figure is a fair rounding; the claim that Japan has led all hosts since the
#   Cold War holds only for recent years, and their start falls on a change of format.
#
# ## Sources

# %%
citations.sources_cell()
