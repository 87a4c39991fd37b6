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
show_labels = True  # name the facilities on the map

# %%
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from IPython.display import Markdown
from matplotlib.patches import Rectangle

import alliance_data as ad
from alliance_notebooks import check_parameters, citations, figures, maps, plotting, publish, style
from alliance_notebooks.prose import date_words, listing
from alliance_notebooks.tables import show

# %%
checked = check_parameters("03_bases_okinawa", show_labels=show_labels)
style.use_house_style()
citations.reset()

# %% [markdown]
# ## 3.1 The list and its repairs
#
# There is no single authoritative public register of U.S. bases in Japan that gives
# names, coordinates and sizes together. The `bases` table uses the list of U.S. bases
# abroad that David Vine compiled for *Base Nation* (2015), as coded with coordinates by
# the `troopdata` project. It is a researcher's list: it names installations, smaller
# sites and some housing areas, but it has no columns for size, service branch or
# personnel. Every row was checked against a second source. Before mapping it, read what
# had to be fixed.

# %%
bases = ad.load("bases")
caveats = ad.describe("bases").caveats
for caveat in caveats:
    print("-", caveat)

# %% [markdown]
# The column `coordinate_quality` records the outcome of each check. The catalogue
# explains every value in words (`ad.labels`), so the cell below reads those explanations
# rather than typing them, and counts the facilities in each class.

# %%
quality = bases["coordinate_quality"].value_counts().rename("facilities").to_frame()
quality["meaning"] = quality.index.map(ad.labels("bases", "coordinate_quality"))
show(quality.rename_axis("coordinate_quality").reset_index())
mapped = bases.dropna(subset=["lat", "lon"])
labelled = len(mapped) if show_labels else 0
print(f"Data shown: {len(mapped)} of {len(bases)} facilities mapped")
print(f"Labels shown: {'yes' if show_labels else 'no'} ({labelled} facilities named)")

# %%
claims = ad.load("claims").set_index("claim_id")
raw_rows = int(claims.loc["C017", "evidence_high"])  # Japan rows in the source list
okinawa_count = int(bases["okinawa"].sum())
okinawa_share = 100 * okinawa_count / len(bases)
removed = bases[bases["coordinate_quality"] == "removed"]
PRECISE = {"checked", "replaced"}  # positions confirmed at the facility itself
rough = mapped[~mapped["coordinate_quality"].isin(PRECISE)]

# %%
Markdown(
    f"The source list has **{raw_rows}** rows for Japan (the claims table counted them, "
    f"C017). After {raw_rows - len(bases)} duplicates were dropped, the table has "
    f"**{len(bases)}** facilities. For **{len(removed)}** of them the source's coordinates "
    "were plainly wrong and were removed, so they cannot be mapped (their prefecture and "
    f"Okinawa flag come from the second source). "
    f"{(mapped['coordinate_quality'] == 'replaced').sum()} now carry a second source's "
    f"coordinates and {(mapped['coordinate_quality'] == 'checked').sum()} were confirmed "
    f"where they stand; the other **{len(rough)}** mapped points are only as good as a town "
    "centre, a shared or ambiguous position, or an unchecked geocode."
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
# Mount Fuji training area, and (c) the central part of Okinawa Island. Okinawa's
# facilities have the colour that Okinawa has in every chapter; filled points are
# positions confirmed at the facility, open points are approximate.
#
# The labels are laid out by `maps.label_column` from the package: they sit in columns at
# the panel's edges, keep their points' north-south order, are pushed apart by at least one
# line of text, and swap places until no two leader lines cross.

# %%
# Map panels: (lon_min, lon_max, lat_min, lat_max), with room at the sides for labels.
EXTENTS = {
    "japan": (121.0, 153.0, 24.0, 46.0),
    "kanto": (136.6, 141.5, 34.85, 36.1),
    "okinawa": (126.55, 128.95, 26.05, 26.8),
}
PANELS = {"kanto": ("b", "Kanto and Mount Fuji"), "okinawa": ("c", "Okinawa Island, centre")}
# a facility's short name: 'Camp Foster, Zukeran' -> 'Camp Foster'
mapped = mapped.assign(label=mapped["name"].str.split(",").str[0].str.strip())
approximate = ~mapped["coordinate_quality"].isin(PRECISE)


# %%
def label_panels(main, zooms):
    """Facility names in columns at the panels' edges (the main map labels only the
    facilities outside the zoomed boxes)."""
    zoomed = maps.inside(mapped, EXTENTS["kanto"]) | maps.inside(mapped, EXTENTS["okinawa"])
    rest = mapped[~zoomed]
    maps.label_column(main, rest[rest["lon"] < 136], x=121.4, align="left", low=35.0, high=38.5)
    maps.label_column(main, rest[rest["lon"] >= 136], x=143.2, align="left")
    for ax, key in zooms:
        points = mapped[maps.inside(mapped, EXTENTS[key])]
        middle = points["lon"].median()
        x0, x1 = EXTENTS[key][:2]
        margin = 0.02 * (x1 - x0)
        maps.label_column(ax, points[points["lon"] <= middle], x=x0 + margin, align="left")
        maps.label_column(ax, points[points["lon"] > middle], x=x1 - margin, align="right")


# %%
fig = plt.figure(figsize=(14, 8.6), FigureClass=figures.HouseFigure)
grid = fig.add_gridspec(2, 2, width_ratios=[1.15, 1])
main = fig.add_subplot(grid[:, 0])
zooms = [(fig.add_subplot(grid[0, 1]), "kanto"), (fig.add_subplot(grid[1, 1]), "okinawa")]
for ax, key in [(main, "japan"), *zooms]:
    maps.draw_japan(ax, extent=EXTENTS[key])
    maps.draw_facilities(ax, mapped, approximate=approximate)
for ax, key in zooms:
    tag, words = PANELS[key]
    x0, x1, y0, y1 = EXTENTS[key]
    main.add_patch(Rectangle((x0, y0), x1 - x0, y1 - y0, fill=False, edgecolor="#555555"))
    main.text(x1 + 0.3, y1, f"({tag})", va="top", color=style.INK)
    ax.set_title(f"({tag}) {words}", fontsize=12)
main.scatter([], [], s=40, color="white", edgecolor="#444444", label="Open: approximate position")
main.legend(loc="upper left", frameon=True)
if len(removed):
    unmapped = "\n".join(removed["name"].str.split(",").str[0])
    main.text(0.98, 0.16, f"Not mapped (coordinates removed):\n{unmapped}",
              transform=main.transAxes, ha="right", va="bottom", color=style.INK)  # fmt: skip
figures.finish(
    main,
    number="3.1",
    title="(a) U.S. military facilities in Japan (Vine's list)",
    ylabel="Latitude (°N)",
    xlabel="Longitude (°E)",
    sources=bases.source_id,
    note="Filled points: position confirmed at the facility by a second source; open points: "
    "town-level, shared, ambiguous or unchecked positions. Facilities whose source "
    "coordinates were wrong are listed, not mapped.",
)
fig.canvas.draw()  # fix the layout first, so that label spacing can be measured
if show_labels:
    label_panels(main, zooms)
plt.show()

# %%
by_prefecture = bases["prefecture"].fillna("(outside every outline)").value_counts()
elsewhere = by_prefecture.drop(["Okinawa", "(outside every outline)"], errors="ignore")
Markdown(
    f"Okinawa Prefecture has **{by_prefecture.get('Okinawa', 0)}** of the {len(bases)} "
    f"facilities; the other {elsewhere.sum()} with a prefecture are spread over "
    f"{len(elsewhere)} prefectures, and "
    f"{by_prefecture.get('(outside every outline)', 0)} (Iwo Jima) lies outside every "
    "prefecture outline used for the assignment. Exercise 3.1 asks which prefecture "
    "comes next."
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
# good as its geocode: the open points and the unmapped names are reminders that many
# of the positions are approximate. Both limits lead straight into the next section.
#
# ## 3.3 How concentrated is Okinawa? It depends on what you count
#
# Many texts on the alliance, including one of the seed documents, state Okinawa's share
# of "the U.S. bases in Japan" as a single percentage. The `claims` table checks that
# sentence and related figures against the evidence; the `sources` table names the
# publication each seed copies.

# %%
sources = ad.load("sources").set_index("source_id")
base_claims = claims.loc[["C015", "C016", "C017", "C018", "C019", "C020", "C021", "C022"]]
base_claims = base_claims.assign(
    publication=base_claims["seed_source_id"].map(sources["publisher"])
)
columns = ["publication", "paraphrase", "claimed_value", "unit", "evidence_low", "evidence_high"]
show(base_claims[[*columns, "verdict"]], sources=base_claims.seed_source_id)

# %%
Markdown(
    f"Note that the claims table checked the seeds against the raw list of {raw_rows} rows; "
    f"the figures below use the cleaned table of {len(bases)}. The count-based Okinawa "
    f"share is {claims.loc['C020', 'evidence_low']:.1f}% in the raw list and "
    f"{okinawa_share:.1f}% in the cleaned one."
)

# %% [markdown]
# Figure 3.2 puts the competing numbers side by side, with the source of each. The top
# panel shows the shares, coloured by what they measure; the bottom panel shows the
# counts from which count-based shares are built.


# %%
def seed(claim_id):
    """The publisher of the text a seed copies, for a claims row."""
    return sources.loc[claims.loc[claim_id, "seed_source_id"], "publisher"]


# %%
usfj_okinawa = claims.loc["C018", "evidence_low"]  # USFJ count reported by Asahi (2016)
usfj_japan = claims.loc["C016", "evidence_low"]
land_low, land_high = claims.loc["C021", ["evidence_low", "evidence_high"]]
# %%
shares = pd.DataFrame(
    [
        (
            f"Seed ({seed('C020')}): 'of U.S. bases'",
            claims.loc["C020", "claimed_value"],
            None,
            "basis not stated",
        ),
        ("Okinawa Prefecture figures: land area", land_low, land_high, "land area"),
        ("USFJ count via Asahi (2016)", 100 * usfj_okinawa / usfj_japan, None, "count"),
        ("Vine's list, raw (claims table)", claims.loc["C020", "evidence_low"], None, "count"),
        ("Vine's list, cleaned (this table)", okinawa_share, None, "count"),
    ],
    columns=["figure", "percent", "upper", "basis"],
)
# %%
counts = pd.DataFrame(
    [
        (f"Seed ({seed('C018')})", claims.loc["C018", "claimed_value"], np.nan),
        (f"Seed ({seed('C016')})", np.nan, claims.loc["C016", "claimed_value"]),
        ("USFJ count via Asahi (2016)", usfj_okinawa, usfj_japan),
        ("Vine's list, raw", claims.loc["C019", "evidence_high"], raw_rows),
        ("Vine's list, cleaned", okinawa_count, len(bases)),
    ],
    columns=["figure", "okinawa", "japan"],
)
show(shares)
show(counts)


# %%
def share_bars(ax, shares):
    """Each figure's share as a bar in the look of what it measures; a range as a line."""
    rows = shares.iloc[::-1].reset_index(drop=True)
    ax.barh(
        rows["figure"],
        rows["percent"],
        color=rows["basis"].map(lambda b: style.colour(b, "share_basis")),
    )
    for y, row in rows.iterrows():
        text, end = f"{row.percent:.1f}%", row.percent
        if pd.notna(row.upper):
            ax.plot([row.percent, row.upper], [y, y], color="black", linewidth=2)
            text, end = f"{row.percent:.1f}–{row.upper:.1f}%", row.upper
        ax.text(end + 1, y, text, va="center")
    for basis in dict.fromkeys(rows["basis"]):
        ax.barh(
            [0],
            [0],
            color=style.colour(basis, "share_basis"),
            label=style.name(basis, "share_basis"),
        )
    ax.set_xlim(0, 100)
    ax.grid(axis="y", visible=False)
    ax.legend(loc="lower right", title="What is measured")


# %%
def count_bars(ax, counts):
    """Facilities in Okinawa and in all Japan, side by side for each figure."""
    rows = counts.iloc[::-1].reset_index(drop=True)
    height = 0.38
    for offset, column, area, name in ((height / 2, "japan", "JPN", "All Japan"),
                                       (-height / 2, "okinawa", "okinawa", "Okinawa")):  # fmt: skip
        for y, row in rows.iterrows():
            if pd.isna(row[column]):
                ax.text(1, y + offset, "not stated", va="center", color="#555555")
                continue
            ax.barh(y + offset, row[column], height=height, color=style.colour(area))
            ax.text(row[column] + 1, y + offset, f"{row[column]:.0f}", va="center")
        ax.barh([0], [0], color=style.colour(area), label=name)
    ax.set_yticks(range(len(rows)), rows["figure"])
    ax.set_ylim(-0.6, len(rows) - 0.2)  # room above the top row's "not stated"
    ax.set_xlim(0, 1.2 * counts[["okinawa", "japan"]].max().max())
    ax.grid(axis="y", visible=False)
    ax.legend(loc="lower right")


# %%
fig, (ax, ax2) = figures.new_figure(nrows=2, figsize=(10, 8.6), gridspec_kw={"hspace": 0.1})
share_bars(ax, shares)
count_bars(ax2, counts)
ax2.set_title("Number of facilities, Okinawa and all Japan", fontsize=12)
ax2.set_xlabel("Facilities (count)")
figures.finish(
    ax,
    number="3.2",
    title="Okinawa's share, by measure",
    ylabel="",
    xlabel="Okinawa's share (%)",
    sources=[
        *claims.loc[["C016", "C018", "C020", "C021"], "source_id"],
        *claims.loc[["C016", "C018", "C020"], "seed_source_id"],
        "vine_base_nation",
    ],
    note="Count-based shares divide facilities in Okinawa by facilities in Japan; the "
    "land-area share divides the land area of exclusive-use U.S. facilities (range: the "
    "prefecture's 2017 page and an older prefecture brochure, as the claims table records).",
)
plt.show()

# %%
usfj_share = 100 * usfj_okinawa / usfj_japan
seed_share = claims.loc["C020", "claimed_value"]
Markdown(
    f"**Finding.** Counted facility by facility, Okinawa holds **{okinawa_count} of "
    f"{len(bases)}** facilities in Vine's list (**{okinawa_share:.1f}%**) and, in the U.S. "
    f"Forces Japan count reported by the Asahi Shimbun in 2016, **{usfj_okinawa:.0f} of "
    f"{usfj_japan:.0f}** (**{usfj_share:.1f}%**). The much higher figures "
    f"({land_low:.1f}–{land_high:.1f}%) measure something else: Okinawa's share of the *land "
    f"area* of facilities used exclusively by U.S. forces. The seed's {seed_share:.1f}% "
    + (
        "lies inside that range"
        if land_low <= seed_share <= land_high
        else f"lies {min(abs(seed_share - land_low), abs(seed_share - land_high)):.1f} points "
        "from that range"
    )
    + f" and {seed_share - max(usfj_share, okinawa_share):.1f} points above the highest "
    "count-based share, yet it is presented as a share of bases."
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
#   Okinawa is close to the USFJ figure but undated, and the Council on Foreign Relations
#   copy gives only a lower bound for Japan (C015), which is why it has no bar.
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
areas = ad.load("troops_japan_by_area")
split = areas.pivot(index="year", columns="area", values="personnel").astype(float)
split = split.reindex(range(split.index.min(), split.index.max() + 1))
distorted = sorted(set(areas.loc[areas["flag"] == "split_distorted", "year"]))
reversion_titles = {
    "Sunagawa Struggle begins": "Sunagawa",
    "1960 treaty enters into force": "1960 treaty",
    "Bonin Islands returned to Japan": "Bonins returned",
    "Nixon-Sato joint statement on Okinawa": "Nixon–Sato statement",
    "Okinawa reverts to Japan": "Okinawa reversion",
}
reversion = plotting.events_between(reversion_titles, split.index.min(), split.index.max())

# %%
fig, ax = figures.new_figure(figsize=(10, 6.2))
for area in ("mainland", "okinawa"):
    plotting.series(ax, split.reset_index(), area, markersize=5, **style.look(area))
circled = [(y, split.loc[y, a]) for y in distorted for a in ("mainland", "okinawa")]
ax.scatter(*zip(*circled, strict=True), s=130, facecolors="none", edgecolors="black", zorder=5,
           label=f"{listing(distorted)}: Air Force on Okinawa counted with the mainland")  # fmt: skip
plotting.shade_missing(ax, split.index[split.isna().all(axis=1)])
ax.set_ylim(0, 1.1 * split[["mainland", "okinawa"]].max().max())
plotting.year_axis(ax, split.index)
figures.thousands(ax)
plotting.annotate_events(ax, reversion)
plotting.legend_below(ax, ncol=3)
figures.finish(
    ax,
    number="3.3",
    title=f"U.S. personnel on the main islands and on Okinawa, {split.index.min()}–"
    f"{split.index.max()}",
    ylabel="Personnel (persons)",
    xlabel="Year",
    sources=[*areas.source_id, *reversion.source_id],
    note="Grey band: no report. Circled: the report counts Air Force personnel on Okinawa "
    "with the mainland, so that year's split is distorted. Until 1967 the counts include "
    "personnel afloat in each area (see the table's notes).",
)
plt.show()

# %%
cross = split.index[split["okinawa"] > split["mainland"]]
Markdown(
    f"Okinawa's garrison was {split.loc[1955, 'okinawa']:,.0f} in 1955 and "
    f"{split.loc[1972, 'okinawa']:,.0f} in 1972, while the main islands went from "
    f"{split.loc[1955, 'mainland']:,.0f} to {split.loc[1972, 'mainland']:,.0f}. Okinawa first "
    f"had more U.S. personnel than the main islands in {cross.min()}, and did so in "
    f"{len(cross)} of the report years up to {split.index.max()}."
)

# %% [markdown]
# Reversion in May 1972 returned Okinawa to Japanese administration but left the bases
# in place under the 1960 treaty and its Status of Forces Agreement. The negotiations had
# a hidden side: a confidential minute of 1969 let the United States bring nuclear
# weapons back to Okinawa in an emergency, which became public only in 2009. After the
# area table ends, the DoD reports stop separating Okinawa from the rest of Japan, so the
# personnel series cannot follow the island's share further; the facility and area
# figures of Section 3.3 take over.
#
# ## 3.5 From the 1995 crisis to Henoko
#
# The timeline below is generated from the `events` table (the summaries are the
# project's own wording).

# %%
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
# %%
timeline = ad.events_titled(OKINAWA_TIMELINE)
timeline["when"] = [
    date_words(d, p) for d, p in zip(timeline["date"], timeline["date_precision"], strict=True)
]
show(timeline[["when", "title", "summary"]], sources=timeline.source_id)


# %%
def distance_km(first, second):
    """Great-circle distance in km between two facilities of the table, by name."""
    lat1, lon1, lat2, lon2 = np.radians(
        [
            *bases.set_index("name").loc[first, ["lat", "lon"]],
            *bases.set_index("name").loc[second, ["lat", "lon"]],
        ]
    )
    h = (
        np.sin((lat2 - lat1) / 2) ** 2
        + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * np.arcsin(np.sqrt(h))


# %%
futenma, schwab = "MCAS Futemma", "Camp Schwab, Henoko"
km = distance_km(futenma, schwab)
when = timeline.set_index("title")["date"]
gap = when["Henoko landfill work starts"].year - when["SACO final report"].year

# %%
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

# %%
publish(
    facilities=len(bases),
    source_rows=raw_rows,
    okinawa_facilities=okinawa_count,
    okinawa_share_pct=round(okinawa_share, 1),
    usfj_okinawa_share_pct=round(usfj_share, 1),
    coordinates_removed=len(removed),
    coordinates_replaced=int((bases["coordinate_quality"] == "replaced").sum()),
    approximate_positions=len(rough),
    futenma_schwab_km=round(km, 1),
)

# %% [markdown]
# ## Exercises
#
# ### Exercise 3.1
#
# Outside Okinawa, which prefecture has the most facilities in the list? And what share
# of the non-Okinawa facilities with coordinates lie in the Tokyo-area prefectures of
# Tokyo, Kanagawa, Saitama and Chiba?

# %% tags=["solution"]
from alliance_notebooks.exercises import check

ex_bases = ad.load("bases")
ex_counts = ex_bases.loc[~ex_bases["okinawa"], "prefecture"].value_counts()
print("Most facilities outside Okinawa:", ex_counts.idxmax(), ex_counts.max())
ex_mapped = ex_bases.dropna(subset=["lat"])
ex_mapped = ex_mapped[~ex_mapped["okinawa"]]
ex_tokyo_area = ex_mapped["prefecture"].isin(["Tokyo", "Kanagawa", "Saitama", "Chiba"])
print(f"Tokyo-area share of mapped non-Okinawa facilities: {100 * ex_tokyo_area.mean():.1f}%")
check("03.1", ex_counts.idxmax())

# %% [markdown]
# ### Exercise 3.2
#
# How sensitive is the count-based share to the list's doubtful rows? Recompute
# Okinawa's share (a) if the ambiguous "Koza" row is counted in Okinawa, (b) if Camp
# McTureous, which shares Camp Courtney's coordinates, is merged into it, and (c) with
# both changes (give this one to one decimal). Does any version come close to the
# area-based figure?

# %% tags=["solution"]
from alliance_notebooks.exercises import check

ex_bases = ad.load("bases")
ex_koza = ex_bases.assign(okinawa=ex_bases["okinawa"] | (ex_bases["name"] == "Koza"))
ex_merged = ex_bases[ex_bases["coordinate_quality"] != "shared_with_neighbour"]
ex_both = ex_koza[ex_koza["coordinate_quality"] != "shared_with_neighbour"]
for ex_label, ex_frame in (
    ("as listed", ex_bases),
    ("Koza in Okinawa", ex_koza),
    ("McTureous merged", ex_merged),
    ("both", ex_both),
):
    print(
        f"{ex_label:>18}: {ex_frame['okinawa'].sum()} of {len(ex_frame)} = "
        f"{100 * ex_frame['okinawa'].mean():.1f}%"
    )
check("03.2", 100 * ex_both["okinawa"].mean())

# %% [markdown]
# ### Exercise 3.3
#
# Select the timeline's events from the `events` table (`isin` on the title), list those
# whose category is `election` or `protest`, and compute how many years separate the two
# Okinawa referendums (days divided by 365.25, to one decimal).

# %% tags=["solution"]
from alliance_notebooks.exercises import check

ex_events = ad.load("events")
ex_t = ex_events[ex_events["title"].isin(OKINAWA_TIMELINE)]
print(ex_t[ex_t["category"].isin(["election", "protest"])][["date", "title"]].to_string())
ex_dates = ex_t.set_index("title")["date"]
ex_years = (
    ex_dates["Okinawa referendum on Henoko"] - ex_dates["Okinawa referendum on bases"]
).days / 365.25
print(f"Years between the referendums: {ex_years:.1f}")
check("03.3", ex_years)

# %% [markdown]
# ## Key takeaways
#
# - Vine's list, the only geocoded base list in the package, needed repairs before it
#   could be mapped: duplicates, wrong coordinates and approximate positions are shown,
#   not hidden, and every row names the second source that checked it.
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
citations.sources_cell()
