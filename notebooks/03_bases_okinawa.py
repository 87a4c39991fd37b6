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
# # Chapter 3: Bases and Okinawa
#
# The alliance is experienced on the ground as a set of places: runways, ports, barracks,
# housing areas and firing ranges. This chapter maps the U.S. facilities in one published
# list, asks how concentrated they are in Okinawa, and shows that the most widely quoted
# answer to that question measures something other than what it is usually said to
# measure. It ends with the politics that the concentration has produced, from reversion
# in 1972 to the dispute over Henoko.
#
# **Learning goals**
#
# - Audit a geocoded list before mapping it: duplicates, wrong coordinates, approximate
#   locations.
# - Distinguish a share by *count* of facilities from a share by *land area*, and explain
#   why they differ so much for Okinawa.
# - Treat a contradiction between sources as a finding, tracing each number to what it
#   counts and who counted it.
# - Follow the Okinawa base question from U.S. administration through reversion, the
#   1995 crisis and SACO, to the Futenma relocation and the referendums.

# %% tags=["parameters"]
show_labels = True  # name the facilities on the map

# %%
# ruff: noqa: E402
from IPython.display import Markdown, display

import alliance_data as ad
from alliance_data import forces, plotting

ad.validate_parameters("03_bases_okinawa", show_labels=show_labels)
plotting.use_house_style()

# %% [markdown]
# ## 3.1 The list and its repairs
#
# There is no single authoritative public register of U.S. bases in Japan that gives
# names, coordinates and sizes together. The `bases` table uses the list of U.S. bases
# abroad that David Vine compiled for *Base Nation* (2015), as coded with coordinates by
# the `troopdata` project. It is a researcher's list: it names installations, smaller
# sites and some housing areas, but it has no columns for size, service branch or
# personnel. Before mapping it, read what the package had to fix.

# %%
bases = ad.load("bases")
summary = forces.bases_summary(bases)
for caveat in ad.describe("bases").caveats:
    print("-", caveat)

# %%
audit = bases[bases["coordinate_quality"] != "as_in_source"]
display(audit[["name", "prefecture", "okinawa", "coordinate_quality", "fix_note"]])
mapped = bases.dropna(subset=["lat", "lon"])
labelled = len(mapped) if show_labels else 0
print(f"Data shown: {len(mapped)} of {len(bases)} facilities mapped")
print(f"Labels shown: {'yes' if show_labels else 'no'} ({labelled} facilities named)")

# %%
Markdown(
    f"After the package dropped **{summary['duplicates_dropped']}** duplicate rows, the list "
    f"has **{summary['facilities']}** facilities. For **{summary['coordinates_removed']}** of "
    f"them the source's coordinates were plainly wrong and were removed, so they cannot be "
    f"mapped (their Okinawa flag is kept, based on the name). Another "
    f"**{summary['approximate']}** keep coordinates that are only approximate: a city "
    f"centroid, a place name that is ambiguous, or a point shared with a neighbouring camp."
)

# %% [markdown]
# The repairs matter for the argument later in the chapter. Every duplicate that is
# left in, and every Okinawa camp placed on the mainland by a bad geocode, changes the
# count-based share of Okinawa. The ambiguous row deserves a note: "Koza" is geocoded to
# a district in Kanagawa, but Koza was also the name of the city around Kadena Air Base
# on Okinawa before it became Okinawa City in 1974. The list does not say which is meant;
# Exercise 3.2 asks how much it matters.
#
# ## 3.2 Where the facilities are
#
# Figure 3.1 maps the facilities that have coordinates. Panel (a) shows all of Japan,
# with boxes marking the two zoomed panels: (b) the Kanto plain around Tokyo with the
# Mount Fuji training area, and (c) the central and southern part of Okinawa Island.
# Points in Okinawa Prefecture are blue; black rings mark approximate coordinates.

# %%
fig, axes = plotting.new_figure(
    nrows=2, ncols=2, figsize=(13.5, 8.4), gridspec_kw={"width_ratios": [1.25, 1], "wspace": 0.35}
)
main, kanto, okinawa = forces.plot_bases_map(fig, axes, bases, show_labels=show_labels)
caption = plotting.finish(
    main,
    title="(a) U.S. military facilities in Japan (Vine's list)",
    ylabel="Latitude (°N)",
    xlabel="Longitude (°E)",
    sources=bases.source_id.unique(),
    note="Points: facilities with coordinates; black rings: approximate coordinates. "
    "Facilities whose source coordinates were wrong are listed, not mapped.",
)

# %%
by_prefecture = forces.base_counts_by_prefecture(bases)
top = by_prefecture.drop(["(no coordinates)", "(outside outlines)"], errors="ignore").head(3)
Markdown(
    "By the prefecture of their coordinates, the largest groups are "
    + ", ".join(f"**{name}** ({count})" for name, count in top.items())
    + f". {by_prefecture.get('(no coordinates)', 0)} facilities have no coordinates and "
    f"{by_prefecture.get('(outside outlines)', 0)} (Iwo Jima) lies outside every prefecture "
    "outline used for the assignment. The table's Okinawa flag counts "
    f"{summary['okinawa']} facilities, because it also covers the Okinawa camps whose "
    "coordinates were removed."
)

# %% [markdown]
# The map shows a pattern that follows military function more than population. The
# Kanto cluster holds headquarters and support: the air base at Yokota (which also hosts
# the headquarters of U.S. Forces Japan), the Army's Camp Zama, the naval air facility at
# Atsugi and the fleet base at Yokosuka. Western Japan has the second naval base at
# Sasebo and the Marine air station at Iwakuni; the north has the air base at Misawa.
# Okinawa's points crowd the central and southern part of the main island, where most of
# its people live: Kadena, Futenma and the Marine camps sit within a short distance of
# each other and of the towns around them, while Camp Schwab at Henoko lies further north
# on the east coast.
#
# Two limits of a point map should be kept in mind. A dot says nothing about size: a
# large air base and a small communications site look the same. And a dot is only as
# good as its geocode: the rings and the unmapped names above are reminders that a
# handful of the positions are guesses. Both limits lead straight into the next section.
#
# ## 3.3 How concentrated is Okinawa? It depends on what you count
#
# Many texts on the alliance, including one of the seed documents, state Okinawa's share
# of "the U.S. bases in Japan" as a single percentage. The `claims` table checks that
# sentence and related figures against the evidence.

# %%
for cid in ("C015", "C016", "C017", "C018", "C019", "C020", "C021", "C022"):
    c = forces.claim(cid)
    print(
        f"{cid} [{c.verdict}] {c.paraphrase}\n  claimed: {c.claimed_value} {c.unit}; "
        f"evidence: {c.evidence_value}\n"
    )

# %%
Markdown(
    f"Note that the claims table checked the seeds against the raw list of "
    f"{summary['facilities'] + summary['duplicates_dropped']} rows, before the package dropped "
    f"{summary['duplicates_dropped']} duplicates; the figures below use the cleaned table of "
    f"{summary['facilities']}. The count-based Okinawa share is "
    f"{forces.claim_number('C020', 'evidence_value'):.1f}% in the raw list and "
    f"{summary['okinawa_share_pct']:.1f}% in the cleaned one."
)

# %% [markdown]
# Figure 3.2 puts the competing numbers side by side, with the source of each. The top
# panel shows the shares, coloured by what they measure; the bottom panel shows the
# counts from which count-based shares are built.

# %%
shares = forces.okinawa_share_figures(bases)
counts = forces.facility_count_figures(bases)
fig, (ax, ax2) = plotting.new_figure(nrows=2, figsize=(10, 8.2), gridspec_kw={"hspace": 0.5})
forces.plot_share_figures(ax, shares)
forces.plot_count_figures(ax2, counts)
ax2.set_title("Number of facilities, Okinawa and all Japan", fontsize=11)
ax2.set_xlabel("Facilities (count)")
caption = plotting.finish(
    ax,
    title="Okinawa's share of U.S. bases in Japan: competing figures",
    ylabel="",
    xlabel="Okinawa's share (%)",
    sources=[*shares.source_id, *counts.source_id],
    note="Count-based shares divide facilities in Okinawa by facilities in Japan; area-based "
    "shares divide the land area of exclusive-use U.S. facilities. Hatched: a lower bound.",
)

# %%
by = shares.set_index("figure")["percent"]
count_row = counts.set_index("figure").loc["USFJ via Asahi (2016)"]
Markdown(
    f"**Finding.** Counted facility by facility, Okinawa holds **{summary['okinawa']} of "
    f"{summary['facilities']}** facilities in Vine's list "
    f"(**{summary['okinawa_share_pct']:.1f}%**) "
    f"and, in the U.S. Forces Japan count reported by the Asahi Shimbun in 2016, "
    f"**{count_row.okinawa:.0f} of {count_row.japan:.0f}** "
    f"(**{by.iloc[3]:.1f}%**). The much higher figures ({by.iloc[2]:.1f}% from the "
    f"Defense Ministry, {by.iloc[1]:.1f}% from the prefecture) measure something else: "
    f"Okinawa's share of the *land area* of facilities used exclusively by U.S. forces. The "
    f"seed's {by.iloc[0]:.1f}% sits within {abs(by.iloc[0] - by.iloc[1]):.1f} points of the "
    f"area figures and {by.iloc[0] - by.iloc[3]:.1f} points above the highest count-based "
    f"share, yet it is presented as a share of bases."
)

# %% [markdown]
# Both kinds of figure are legitimate; they answer different questions.
#
# - **Why area and count diverge.** Okinawa's facilities are few but large: an air base,
#   several Marine camps and big training areas. The mainland list contains many small
#   sites such as housing areas, depots and communications stations. A count gives each
#   the same weight, so it understates how much of Okinawa's land the bases take; an area
#   measure weights them by size.
# - **Why "exclusive use" matters.** Many mainland facilities are shared with the
#   Self-Defense Forces or used by U.S. forces only part of the time, and the standard
#   Japanese figure leaves those out of the denominator. That choice raises Okinawa's
#   share, because few Okinawa facilities are shared. A share of *all* land used by U.S.
#   forces would be lower; none of the package's tables gives it.
# - **Why counts disagree with each other.** The USFJ count and Vine's list use
#   different definitions of a facility, and Vine's list is incomplete by design (the
#   claims table rates the comparison "conflicting", C017 and C019). The seed's count for
#   Okinawa is close to the USFJ figure but undated.
#
# The disagreement is not only technical. The Asahi report in the claims table describes
# a 2016 episode in which U.S. Forces Japan cited the count-based share and Okinawa's
# governor publicly questioned it; for the prefecture, the area-based figure is the one
# that captures the weight of the bases on the island. Each side chose the denominator
# that supported its case. A careful writer therefore names the measure ("of the land
# area of exclusive-use U.S. facilities") and never writes "of the bases". The seed's
# related claim about how much of Okinawa's land the bases occupy (C022) has a similar
# problem of reference: the claims table finds it close for Okinawa Island but too high
# for the prefecture as a whole.

# %% [markdown]
# ## 3.4 Okinawa's garrison before reversion
#
# The concentration has a history. Okinawa remained under U.S. administration until
# 1972, long after the occupation of the main islands ended in 1952, and meanwhile the
# U.S. presence on the main islands shrank while Okinawa's did not (Chapter 2). Figure 3.3
# follows the two areas in the DoD reports up to the year after reversion.

# %%
split = forces.area_split()
reversion = forces.chart_events(forces.AREA_EVENTS, 1950, 1973)
fig, ax = plotting.new_figure(figsize=(10, 5.2))
forces.plot_area_lines(ax, split)
plotting.annotate_events(ax, reversion)
caption = plotting.finish(
    ax,
    title="U.S. personnel on the main islands and on Okinawa, 1950–1973",
    ylabel="Personnel (persons)",
    xlabel="Year",
    sources=[*ad.load("troops_japan_by_area").source_id.unique(), *reversion.source_id],
    note="Grey band: no report. 1973: the report counts Air Force personnel on Okinawa with "
    "the mainland, so that year's split is distorted.",
)

# %%
cross = split.index[split["okinawa"] > split["mainland"]]
Markdown(
    f"Okinawa's garrison was {split.loc[1955, 'okinawa']:,.0f} in 1955 and "
    f"{split.loc[1972, 'okinawa']:,.0f} in 1972, while the main islands went from "
    f"{split.loc[1955, 'mainland']:,.0f} to {split.loc[1972, 'mainland']:,.0f}. Okinawa first "
    f"had more U.S. personnel than the main islands in {cross.min()}, and did so in "
    f"{len(cross)} of the report years up to 1973."
)

# %% [markdown]
# Reversion in May 1972 returned Okinawa to Japanese administration but left the bases
# in place under the 1960 treaty and its Status of Forces Agreement. The negotiations had
# a hidden side: a confidential minute of 1969 let the United States bring nuclear
# weapons back to Okinawa in an emergency, which became public only in 2009. After 1973
# the DoD reports stop separating Okinawa from the rest of Japan, so the personnel
# series cannot follow the island's share further; the facility and area figures of
# Section 3.3 take over.
#
# ## 3.5 From the 1995 crisis to Henoko
#
# The timeline below is generated from the `events` table (the summaries are the
# project's own wording).

# %%
events = forces.timeline(forces.OKINAWA_TIMELINE)
display(events[["when", "title", "summary", "source_id"]].style.hide(axis="index"))

# %%
futenma, schwab = "MCAS Futemma", "Camp Schwab, Henoko"
km = forces.distance_km(bases, futenma, schwab)
gap = (
    forces.event_date("Henoko landfill work starts").year
    - forces.event_date("SACO final report").year
)
Markdown(
    f"In Vine's list, Camp Schwab at Henoko lies about **{km:.0f} km** from Marine Corps Air "
    f"Station Futenma (spelled '{futenma.split()[-1]}' in the source). Landfill work for the "
    f"replacement facility began **{gap} years** after the SACO final report that first "
    f"promised Futenma's return."
)

# %% [markdown]
# Read as a sequence, the timeline shows one problem being handled over and over:
#
# - **1995–1996: crisis and a first package.** The rape of a schoolgirl by U.S.
#   servicemen in September 1995 set off some of the largest protests since reversion. The two
#   governments changed the custody procedure under the Status of Forces Agreement,
#   created the Special Action Committee on Okinawa (SACO), and in its final report of
#   December 1996 agreed to return a substantial part of the U.S.-used land on Okinawa,
#   Futenma included. The condition was that Futenma's functions move elsewhere on the
#   island, which turned a return into a relocation. A prefecture-wide referendum in
#   September 1996 backed base reduction.
# - **2004–2010: Futenma as a hazard and a political test.** The 2004 crash of a Marine
#   helicopter on the campus of Okinawa International University, next to the air
#   station, made concrete the danger of a runway in the middle of Ginowan. The 2006
#   Realignment Roadmap fixed the replacement at Camp Schwab, Henoko. Prime Minister
#   Hatoyama's attempt to move the base out of Okinawa altogether failed, and he resigned
#   in 2010.
# - **2012–2019: the prefecture against the plan.** The plan to station MV-22 Ospreys
#   at Futenma drew mass protest before they arrived in 2012. Governor Nakaima approved
#   the Henoko landfill in 2013; his successor Onaga revoked the approval in 2015;
#   Governor Tamaki was elected in 2018 on an anti-Henoko platform; the central
#   government began landfill work that December; and a referendum in February 2019
#   rejected the landfill by a large majority, without legal force.
#
# The data in this notebook explain why the issue is so durable. A count of facilities
# makes Okinawa look like one host among many; a map shows its bases packed into the
# populated south of a small island; and the land-area share that Okinawans cite reflects
# that footprint. Relocating Futenma within the prefecture changes *where* on Okinawa the
# burden falls, not *whether* Okinawa carries it, which is why the referendums and
# governors' elections keep returning the same verdict.

# %% [markdown]
# ## Key figures
#
# These values do not depend on the parameters (labels change only the drawing).

# %% keep_output=true
# NBVAL_CHECK_OUTPUT
key = forces.bases_summary(ad.load("bases"))
print(f"Facilities in the list: {key['facilities']}")
print(f"In Okinawa: {key['okinawa']} ({round(key['okinawa_share_pct'], 1)}%)")
print(f"Coordinates removed: {key['coordinates_removed']}")
print(f"Duplicates dropped: {key['duplicates_dropped']}")
print(f"Fixes applied: {key['coordinates_removed'] + key['duplicates_dropped']}")
print(f"Approximate coordinates kept: {key['approximate']}")

# %% [markdown]
# ## Exercises
#
# ### Exercise 3.1
#
# Outside Okinawa, which prefecture has the most facilities in the list, and what share
# of the non-Okinawa facilities with coordinates lie in the Tokyo-area prefectures of
# Tokyo, Kanagawa, Saitama and Chiba?

# %% tags=["solution"]
ex_counts = forces.base_counts_by_prefecture(bases)
ex_mainland = ex_counts.drop(["Okinawa", "(no coordinates)", "(outside outlines)"])
print("Most facilities outside Okinawa:", ex_mainland.idxmax(), ex_mainland.max())
ex_kanto = ex_mainland.reindex(["Tokyo", "Kanagawa", "Saitama", "Chiba"]).fillna(0).sum()
print(
    f"Tokyo-area share of mapped non-Okinawa facilities: {100 * ex_kanto / ex_mainland.sum():.1f}%"
)

# %% [markdown]
# ### Exercise 3.2
#
# How sensitive is the count-based share to the list's doubtful rows? Recompute
# Okinawa's share (a) if the ambiguous "Koza" row is counted in Okinawa, (b) if Camp
# McTureous, which shares Camp Courtney's coordinates, is merged into it, and (c) with
# both changes. Does any version come close to the area-based figure?

# %% tags=["solution"]
ex_b = ad.load("bases")
ex_koza = ex_b.assign(okinawa=ex_b["okinawa"] | (ex_b["coordinate_quality"] == "ambiguous"))
ex_merged = ex_b[ex_b["coordinate_quality"] != "shared_with_neighbour"]
ex_both = ex_koza[ex_koza["coordinate_quality"] != "shared_with_neighbour"]
for ex_label, ex_frame in (
    ("as listed", ex_b),
    ("Koza in Okinawa", ex_koza),
    ("McTureous merged", ex_merged),
    ("both", ex_both),
):
    ex_s = forces.bases_summary(ex_frame)
    print(
        f"{ex_label:>18}: {ex_s['okinawa']} of {ex_s['facilities']} = "
        f"{ex_s['okinawa_share_pct']:.1f}%"
    )

# %% [markdown]
# ### Exercise 3.3
#
# Using `forces.timeline` and `forces.event_date`, list the events in the Okinawa
# timeline whose category is `election` or `protest`, and compute how many years
# separate the two Okinawa referendums.

# %% tags=["solution"]
ex_t = forces.timeline(forces.OKINAWA_TIMELINE)
print(ex_t[ex_t["category"].isin(["election", "protest"])][["when", "title"]].to_string())
ex_years = (
    forces.event_date("Okinawa referendum on Henoko")
    - forces.event_date("Okinawa referendum on bases")
).days / 365.25
print(f"Years between the referendums: {ex_years:.1f}")

# %% [markdown]
# ## Key takeaways
#
# - Vine's list, the only geocoded base list in the package, needed repairs before it
#   could be mapped: duplicates, wrong coordinates and approximate positions are shown,
#   not hidden.
# - By count of facilities, Okinawa holds a clear minority of the list and of the USFJ
#   count; the familiar, much higher percentage describes the land area of facilities
#   used exclusively by U.S. forces, not their number.
# - A seed document turns the area share into a share of bases; the contradiction is a
#   matter of definitions, and each side of the political dispute prefers the measure that
#   fits its case.
# - The concentration was built before reversion, when the main islands' garrison
#   shrank and Okinawa's did not, and it has shaped Okinawan politics from the 1995
#   crisis and SACO to the Henoko referendums.
#
# ## Sources

# %%
for table in ("bases", "claims", "troops_japan_by_area", "events"):
    print(f"# {table}\n{ad.cite(table)}\n")
