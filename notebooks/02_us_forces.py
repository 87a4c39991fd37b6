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

# %% tags=["parameters"]
start_year = 1950  # first year shown in the time series
end_year = 2025  # last year shown in the time series
compare_countries = ["DEU", "KOR"]  # hosts compared with Japan (ISO3 codes)

# %%
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import Markdown, display
from matplotlib.ticker import MaxNLocator

import alliance_data as ad
from alliance_notebooks import check_parameters, publish, style

checked = check_parameters(
    "02_us_forces",
    start_year=start_year,
    end_year=end_year,
    compare_countries=compare_countries,
)
start_year, end_year = checked["start_year"], checked["end_year"]
style.use_house_style()

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

troops = ad.load("troops")
in_window = troops["year"].between(start_year, end_year)
shown = troops[in_window & troops["country_iso3"].isin(["JPN", *compare_countries])]
shown = shown.sort_values(["country_iso3", "year"]).reset_index(drop=True)
japan = shown[shown["country_iso3"] == "JPN"]
if shown.empty:
    print(f"No report in {start_year}–{end_year} for Japan or the comparison hosts.")
else:
    names = ", ".join(style.name(code) for code in shown["country_iso3"].unique())
    print(f"Data shown: {shown.year.min()}–{shown.year.max()}, hosts: {names}")

# %%
last_year = troops.groupby("country_iso3")["year"].max()
for code in compare_countries:
    if code not in set(shown["country_iso3"]):
        why = (
            f"its data in the troops table end in {last_year[code]}"
            if last_year[code] < start_year
            else "the troops table has no report for those years"
        )
        print(
            f"{style.name(code)} has no row in {start_year}–{end_year}: {why}, so it is left "
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
FLAG_WORDS = {
    "afloat_included": "total includes personnel afloat",
    "report_month_change": "first September report (June before)",
    "compilation_value": "compilation value (Kane), no DoD report",
    "additional_location_row_excluded": "a second, smaller report row left out",
    "definition_break": "new DMDC format (adds crews of home-ported ships)",
    "territory_change": "first year of unified Germany",
    "reported_dip": "a dip the source does not explain",
    "location_excluded": "a listed location left out (Trieste)",
    "locations_summed": "two report rows summed (England, Scotland)",
    "other_report_month": "March report (no September report parsed)",
}
# Flags that mark a change of basis from that year on: drawn as dotted lines as well.
BREAKS = {"report_month_change", "definition_break", "territory_change"}

flagged_rows = troops.dropna(subset=["flag"]).sort_values("year")
for flag in flagged_rows["flag"].unique():
    if flag not in FLAG_WORDS:
        first_note = flagged_rows.loc[flagged_rows["flag"] == flag, "note"].iloc[0]
        FLAG_WORDS[flag] = str(first_note).split(". ")[0]

flagged = japan.dropna(subset=["flag"]).assign(meaning=lambda f: f["flag"].map(FLAG_WORDS))
if flagged.empty:
    print("No flagged Japan rows in the window.")
else:
    display(flagged[["year", "personnel", "meaning", "note"]].style.hide(axis="index"))

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
events = ad.events_titled(series_events).drop_duplicates("title")
events = events[events["date"].dt.year.between(start_year, end_year)]
events = events.assign(label=events["title"].map(series_events))

# %%
MARKERS = ["D", "s", "^", "v", "P", "X", "h", "<", ">", "p", "*", "d"]
FLAG_MARKERS = dict(zip(flagged_rows["flag"].unique(), MARKERS, strict=False))


def draw_flags(ax, rows, colour):
    """Open markers for flagged rows (one legend entry per flag) and dotted lines at breaks."""
    for flag, group in rows.dropna(subset=["flag"]).groupby("flag", sort=False):
        ax.scatter(
            group["year"],
            group["personnel"],
            marker=FLAG_MARKERS.get(flag, "o"),
            s=60,
            facecolors="white",
            edgecolors=colour,
            linewidths=1.3,
            zorder=5,
            label=FLAG_WORDS[flag],
        )
    for year in sorted(set(rows.loc[rows["flag"].isin(BREAKS), "year"])):
        ax.axvline(year - 0.5, color="black", linestyle=":", linewidth=1.6, zorder=1)


def shade_missing(ax, years):
    """Grey bands over years without a report."""
    for year in years:
        ax.axvspan(year - 0.5, year + 0.5, color="#bbbbbb", alpha=0.35, linewidth=0, zorder=0)


if japan.empty:
    print(f"No Japan report in {start_year}–{end_year}: Figure 2.1 is not drawn.")
else:
    fig, ax = style.new_figure(figsize=(10, 7.4))
    jpn = style.look("JPN")
    line = ad.with_all_years(japan)["personnel"].astype(float)
    ax.plot(line.index, line, color=jpn["color"], marker=".", label="DoD personnel report")
    draw_flags(ax, japan, jpn["color"])
    if japan["flag"].isin(BREAKS).any():
        ax.plot([], [], color="black", linestyle=":", label="Report changes what it counts")
    shade_missing(ax, missing)
    top = japan["personnel"].max()
    for claim_id, (first, last, when) in seed_claims.items():
        value = claims.loc[claim_id, "claimed_value"]
        years = [y for y in range(first, last + 1) if start_year <= y <= end_year]
        if years:
            ax.plot(years, [value] * len(years), "x", color="#B2182B", markersize=9, mew=2.5)
            ax.plot(
                [], [], "x", color="#B2182B", mew=2.5, label=f"Seed claim, {when}: {value:,.0f}"
            )
            top = max(top, value)
    ax.set_ylim(0, 1.1 * top)
    ax.set_xlim(japan["year"].min() - 1, japan["year"].max() + 1)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # whole years, also for one-year windows
    style.thousands(ax)
    style.annotate_events(ax, events)
    ax.legend(
        loc="upper center",
        bbox_to_anchor=(0.5, -0.12),
        ncol=2,
        fontsize=10,
        title="Open markers: rows the troops table flags",
        title_fontsize=10,
    )
    caption = style.finish(
        ax,
        title="U.S. military personnel in Japan",
        ylabel="Personnel (persons)",
        xlabel="Year",
        sources=[*japan.source_id.unique(), *events.source_id, "wikipedia_us_japan_alliance"],
        note="Japan includes Okinawa and the Bonin/Volcano Islands."
        + (" Grey band: no report." if missing else "")
        + (
            " Dotted lines: the report's basis changes from that year."
            if japan["flag"].isin(BREAKS).any()
            else ""
        ),
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
    return f"from {a:,} to {b:,} ({100 * (b / a - 1):+.0f}%)"


if japan.empty:
    text = f"There is no Japan report in {start_year}–{end_year}."
else:
    high = japan.loc[japan["personnel"].idxmax()]
    low = japan.loc[japan["personnel"].idxmin()]
    low_flag = FLAG_WORDS.get(low.flag, "no flag") if pd.notna(low.flag) else "no flag"
    if len(japan) == 1:
        text = f"The one report shown, {high.year}, counts {high.personnel:,} persons ({low_flag})."
    else:
        text = (
            f"In the years shown, the count is highest in **{high.year}** ({high.personnel:,} "
            f"persons) and lowest in **{low.year}** ({low.personnel:,}; {low_flag}). The last "
            f"year shown, {japan.year.iloc[-1]}, has {japan.personnel.iloc[-1]:,}."
        )
    for first, last in ((1955, 1960), (1970, 1976), (1989, 1995)):
        if moved := change(japan, first, last):
            text += f" From {first} to {last} it went {moved}."
Markdown(text)

# %% [markdown]
# Four phases stand out in the **whole** series. This reading describes the default
# window, which covers every report in the table; the table below is therefore computed
# from all Japan rows, whatever the parameters, so that it stays true when you narrow
# the window.

# %%
full = troops[troops["country_iso3"] == "JPN"].set_index("year")["personnel"]
phases = pd.DataFrame(
    [
        ("1. Korean War and aftermath", full.index.min(), 1955),
        ("2. Mainland drawdown", 1955, 1960),
        ("3. Vietnam years and reversion", 1960, 1976),
        ("4. Long plateau", 1976, full.index.max()),
    ],
    columns=["phase", "from", "to"],
)
phases["first value"] = phases["from"].map(full)
phases["last value"] = phases["to"].map(full)
phases["change (%)"] = (100 * (phases["last value"] / phases["first value"] - 1)).round(1)
phases["range in phase"] = [
    f"{full.loc[a:b].min():,}–{full.loc[a:b].max():,}"
    for a, b in zip(phases["from"], phases["to"], strict=True)
]
display(phases.style.hide(axis="index").format({"first value": "{:,}", "last value": "{:,}"}))
steepest = (full.shift(-5) - full).idxmin()
Markdown(
    f"Over the whole series the largest five-year fall starts in **{steepest}** "
    f"({full[steepest]:,} to {full[steepest + 5]:,}), and the reports of "
    f"{', '.join(map(str, full.nlargest(2).index.sort_values()))} are the two highest."
)

# %% [markdown]
# 1. **The Korean War and its aftermath.** Japan was the rear base for the war in Korea.
#    The missing Korean War reports are exactly the years when the count was probably
#    highest, which is worth remembering when anyone quotes a "peak".
# 2. **The mainland drawdown.** This is the period of the Sunagawa protests against the
#    extension of the Tachikawa runway and of the Girard shooting on a Gunma firing range.
#    The encyclopaedia text among the seeds credits such disturbances with persuading the
#    Eisenhower administration to thin out the forces on the main islands before
#    renegotiating the treaty (claim C007 checks the direction of the change, not the
#    motive). The data can show the timing, not the cause: the end of the Korean fighting
#    and the "New Look" emphasis on air and nuclear forces pushed in the same direction.
#    Section 2.4 shows that the cut fell on the mainland, not on Okinawa. Two seams run
#    through this phase: the switch from June to September reports in 1957, and totals
#    that include sailors afloat (open diamonds in Figure 2.1).
# 3. **The Vietnam years and reversion.** The total holds on a plateau through the 1960s
#    and then steps down again as Okinawa returns to Japan in 1972 and the Vietnam War
#    winds down. The screening cell below finds the single-year dip of the mid-1960s.
# 4. **A long plateau.** After the mid-1970s the count moves within a band that is narrow
#    by comparison with the early decades. The end of the Cold War brought a far smaller
#    decline in Japan than the collapse of the German garrison (Section 2.5); the `events`
#    table has no row for the end of the Cold War itself, so it is not drawn on the chart.
#
# The most important seam in this last phase is the 2008 change of report format. The
# table's note for that row, printed below, gives the same month on both bases, so the
# step from 2007 to 2008 is largely a change of definition rather than of deployment.

# %%
break_rows = troops[(troops["country_iso3"] == "JPN") & (troops["flag"] == "definition_break")]
for _, row in break_rows.iterrows():
    print(f"{row.year}: {row.note}")

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
    flag=lambda f: f["flag"].map(FLAG_WORDS).fillna("no flag"),
)
print(dips.to_string() if len(dips) else "No one-year dips in the years shown.")

# %%
areas = ad.load("troops_japan_by_area")
split = areas.pivot(index="year", columns="area", values="personnel").astype(float)
split = split.reindex(range(split.index.min(), split.index.max() + 1))
unexplained = dips[dips["flag"] != FLAG_WORDS["reported_dip"]]
if dips.empty:
    text = "The screen finds no one-year dip in the years shown."
else:
    text = (
        f"The screen finds {len(dips)} dip(s) in the years shown "
        f"({', '.join(map(str, dips.index))}); {len(unexplained)} of them carry no flag "
        "that explains a fall. None is necessarily an error."
    )
if 1965 in unexplained.index:
    okinawa_fall = 100 * (split.loc[1965, "okinawa"] / split.loc[1964, "okinawa"] - 1)
    mainland_fall = 100 * (split.loc[1965, "mainland"] / split.loc[1964, "mainland"] - 1)
    text += (
        f" The 1965 dip shows in the area table too (Section 2.4): from 1964 the Okinawa row "
        f"changes by {okinawa_fall:+.0f}% and the mainland row by {mainland_fall:+.0f}%, "
        "which is consistent with marine units leaving Okinawa for the Vietnam build-up of "
        "1965, although the reports themselves give no reason."
    )
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
display(checked_claims[[*columns, "verdict"]])
for claim_id, row in checked_claims.iterrows():
    print(f"{claim_id} ({row.verdict}): {row.explanation}\n")

# %%
peak_year = int(full.idxmax())
peak = int(full.max())
mid_50s = claims.loc["C001", "claimed_value"]
claim_2021 = claims.loc["C009", "claimed_value"]
report_2021 = int(full[2021])
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
area_events = ad.events_titled(area_titles).drop_duplicates("title")
area_events = area_events.assign(label=area_events["title"].map(area_titles))

fig, (ax, ax2) = style.new_figure(
    nrows=2, sharex=True, figsize=(10, 8), gridspec_kw={"height_ratios": [2.2, 1]}
)
bottom = pd.Series(0.0, index=split.index)
for area in AREAS:
    bars = ax.bar(
        split.index,
        split[area].fillna(0),
        bottom=bottom,
        color=style.colour(area),
        edgecolor="white",
        label=style.name(area),
    )
    for bar, year in zip(bars, split.index, strict=True):
        bar.set_hatch("//" if year in distorted else "")
    bottom = bottom + split[area].fillna(0)
shade_missing(ax, split.index[split.isna().all(axis=1)])
ax.set_ylim(0, 1.1 * bottom.max())
style.thousands(ax)
ax.legend(loc="upper right", fontsize=10)
style.annotate_events(ax, area_events)
ax2.plot(share.index, share, color=style.colour("okinawa"), marker="s", markersize=4)
ax2.scatter(distorted, share[distorted], s=90, facecolors="white", edgecolors="black", zorder=5)
for year in distorted:
    ax2.annotate(
        f"{year}: Air Force on Okinawa\ncounted with the mainland",
        (year, share[year]),
        xytext=(-12, -6),
        textcoords="offset points",
        ha="right",
        va="top",
        fontsize=10,
    )
ax2.set_ylim(0, 100)
ax2.set_ylabel("Okinawa's share (%)")
ax2.set_xlabel("Year")
shade_missing(ax2, split.index[split.isna().all(axis=1)])
caption = style.finish(
    ax,
    title=f"U.S. personnel by area of Japan, {split.index.min()}–{split.index.max()}",
    ylabel="Personnel (persons)",
    sources=[*areas.source_id.unique(), *area_events.source_id],
    note="Hatched bars: the report counts Air Force personnel on Okinawa with the mainland. "
    "The Bonin/Volcano counts are too small to see at this scale. Grey band: no report. "
    "Lower panel: Okinawa's share of all U.S. personnel in Japan.",
)
ax2.set_xlabel("Year")
plt.show()


# %%
def pct_change(area, first, last):
    return 100 * (split.loc[last, area] / split.loc[first, area] - 1)


majority = share[share > 50].index
Markdown(
    f"Between the June 1955 and September 1960 reports, personnel on the mainland changed by "
    f"**{pct_change('mainland', 1955, 1960):.0f}%**, while on Okinawa they changed by "
    f"**{pct_change('okinawa', 1955, 1960):+.0f}%**. Okinawa's share of the total rose from "
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
host_events = ad.events_titled(host_titles).drop_duplicates("title")
host_events = host_events[host_events["date"].dt.year.between(start_year, end_year)]
host_events = host_events.assign(label=host_events["title"].map(host_titles))
others = shown[shown["country_iso3"] != "JPN"]
if others.empty:
    print(
        f"No comparison-host rows in {start_year}–{end_year} (their data end in "
        f"{last_year.drop('JPN').max()}): Figure 2.3 is not drawn."
    )
else:
    fig, ax = style.new_figure(figsize=(10, 6.4))
    for code in ["JPN", *compare_countries]:
        rows = shown[shown["country_iso3"] == code]
        if rows.empty:
            continue
        look = style.look(code)
        line = ad.with_all_years(rows)["personnel"].astype(float)
        ax.plot(
            line.index,
            line,
            color=look["color"],
            marker=look["marker"],
            markersize=4,
            linewidth=2.5 if code == "JPN" else 1.5,
            label=look["label"],
        )
    breaks = sorted(set(shown.loc[shown["flag"].isin(BREAKS), "year"]))
    break_rows = shown[shown["flag"].isin(BREAKS)].drop_duplicates("year")
    for row in break_rows.itertuples():
        ax.axvline(row.year - 0.5, color="black", linestyle=":", linewidth=1.6, zorder=1)
        ax.plot([], [], color="black", linestyle=":", label=f"{row.year}: {FLAG_WORDS[row.flag]}")
    ax.set_ylim(0, 1.1 * shown["personnel"].max())
    ax.set_xlim(shown["year"].min() - 1, shown["year"].max() + 1)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # whole years, also for one-year windows
    style.thousands(ax)
    style.annotate_events(ax, host_events)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=2, fontsize=10)
    caption = style.finish(
        ax,
        title="U.S. military personnel: Japan and other hosts",
        ylabel="Personnel (persons)",
        xlabel="Year",
        sources=[*shown.source_id.unique(), *host_events.source_id],
        note=(
            "Germany is West Germany (with West Berlin) through 1990. "
            if "DEU" in set(shown["country_iso3"]) and shown["year"].min() <= 1990
            else ""
        )
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
    ahead = both["JPN"] > both[code]
    where = "ahead of" if ahead.iloc[-1] else "behind"
    lines.append(
        f"- Japan hosted more U.S. personnel than {style.name(code)} in "
        f"**{ahead.sum()} of {len(both)}** shared years shown; in the last of them, "
        f"{both.index[-1]}, Japan was {where} {style.name(code)}."
    )
for code, rows in shown.groupby("country_iso3"):
    if moved := change(rows, 1989, 1995):
        lines.append(f"- {style.name(code)}, 1989 to 1995: {moved}.")
Markdown("\n".join(lines) or "No comparison host has rows in the years shown.")

# %% [markdown]
# Germany and Japan tell different Cold War stories. From the mid-1950s until
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
for table in ("troops", "troops_japan_by_area", "events", "claims"):
    print(f"# {table}\n{ad.cite(table)}\n")
