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
# # Chapter 5: Japan's widening role
#
# Throughout the Cold War the alliance asked Japan mainly for bases and money. After the Cold War
# Washington began to ask for more, and Tokyo, step by contested step, began to send its
# Self-Defense Forces (SDF) abroad and to rewrite the rules that had kept them at home. This
# chapter follows that shift from the Gulf War to the strategy documents of 2022, using the
# project's tables of overseas missions, events and military spending.
#
# **Learning goals**
#
# - Explain why the Gulf War left Tokyo with a reputation for "checkbook diplomacy", and
#   reconcile the different totals that sources give for its contribution.
# - Read a Gantt chart of SDF dispatches and relate each mission to the law that allowed it.
# - Trace how time-limited special-measures laws gave way to the 2014 cabinet decision and the
#   2015 security legislation, and what changed again in 2022.
# - Distinguish what an event count measures (the compilers' selection) from what it does not
#   (the real frequency of exercises or operations).
# - Judge claims about Japan's defence effort against SIPRI's spending series.

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
start_year = 1990  # first year shown (integer)
end_year = 2026  # last year shown (integer)

# %%
import pandas as pd
from IPython.display import Markdown

import alliance_data as ad
from alliance_notebooks import check_parameters, citations, figures, plotting, prose, publish, style
from alliance_notebooks.prose import count, listing
from alliance_notebooks.tables import show

# %%
checked = check_parameters("05_widening_role", start_year=start_year, end_year=end_year)
start_year, end_year = checked["start_year"], checked["end_year"]
window = f"{start_year}–{end_year}" if start_year < end_year else f"{start_year}"
citations.reset()

# %% [markdown]
# ## The record for these years
#
# The `events` table supplies the milestones and the `overseas_missions` table the dispatches.
# The missions table is short and ends early (its coverage is printed below), so anything the
# SDF began abroad after its last row appears, if at all, only as an event.

# %%
events = ad.load("events").sort_values(["date", "title"]).reset_index(drop=True)
events["year"] = events["date"].dt.year
by_title = events.set_index("title")
shown = events[events["year"].between(start_year, end_year)]
missions = ad.load("overseas_missions")
print(f"Missions table: {ad.describe('overseas_missions').coverage}")

# %%
if len(shown):
    first, last = shown.year.min(), shown.year.max()
    years = f"{first}–{last}" if first < last else f"{first}"
    print(f"Data shown: {years} ({count(len(shown), 'event')})")
    show(shown["category"].value_counts().rename_axis("category").reset_index(name="events"))
else:
    print(f"Data shown: none (the events table has no row dated {window})")

# %% [markdown]
# The chapter's story is dated from the events table, as precisely as the table knows each
# date (a day, a month or only a year). Two small functions put those dates into sentences.


# %%
def date_of(title):
    """An event's date, as precisely as the events table knows it ('2 August 1990')."""
    row = by_title.loc[title]
    citations.note(row["source_id"])
    return prose.date_words(row["date"], row["date_precision"])


def when(title):
    """The same with its preposition ('on 2 August 1990', 'in April 1991', 'in 2007')."""
    return ("on " if by_title.loc[title, "date_precision"] == "day" else "in ") + date_of(title)


# %% [markdown]
# ## The Gulf War and "checkbook diplomacy"
#
# When Iraq invaded Kuwait in August 1990, the United States asked its allies for forces,
# money or both. The Japanese government of the day read the constitution as ruling out any
# dispatch of the SDF to a war zone, and a bill to create a non-combat UN cooperation corps
# failed in the Diet that autumn. Tokyo paid instead. The money was large, but it arrived in
# tranches, it was debated in public, and it came without people. When the war ended, the
# contribution earned Japan little credit abroad, and "checkbook diplomacy" became shorthand
# for the lesson many Japanese policymakers drew: that paying without participating buys no
# standing.

# %%
KUWAIT = "Japan responds to Iraq's invasion of Kuwait"
Markdown(f"The events table dates Japan's first response to the invasion {when(KUWAIT)}.")

# %% [markdown]
# How much did Japan pay? The seed documents disagree, and the missions table keeps every
# figure with its source rather than picking one. A start of 1 January means that only the
# year is known.

# %%
sources = ad.load("sources").set_index("source_id")
gulf = missions[missions["kind"] == "financial"].sort_values(["start", "amount_usd_bn"])
gulf["scope"] = gulf["name"].str.split(", ", n=1).str[1].fillna("as a seed document states it")
gulf["source"] = gulf["source_id"].map(sources["publisher"])
gulf["grade"] = (
    gulf["source_id"].map(sources["source_quality"]).map(lambda q: style.name(q, "source_quality"))
)
gulf = gulf.rename(columns={"amount_usd_bn": "US$ billion"})

# %%
show(gulf[["scope", "start", "US$ billion", "source", "grade"]], sources=gulf.source_id)

# %%
pledged = gulf.set_index("scope")["US$ billion"]
initial = pledged["initial 1990 pledge"]
january = pledged["additional January 1991 pledge"]
total = pledged["total pledged 1990-91"]

# %%
Markdown(
    f"**Finding.** The two figures measure different things. The lower one, US\\${january:g} "
    f"billion, is the additional pledge of January 1991 for the multinational forces. The "
    f"higher one, US\\${total:g} billion, is everything pledged across 1990–91. Adding the "
    f"initial pledge of US\\${initial:g} billion to the January one gives "
    f"US\\${initial + january:g} billion, "
    f"{'exactly' if initial + january == total else 'not quite'} the overall total."
)

# %% [markdown]
# Neither seed is wrong so much as incomplete. The encyclopedia article quotes the January
# pledge, the part earmarked for the coalition's war; the unattributed explainer quotes the
# whole package, which also paid for aid to front-line states such as Turkey, Jordan and
# Egypt and for refugee relief. The notes to the total-pledged row add two caveats: no
# Japanese foreign-ministry or congressional-research page stating the total was found, and
# the page that does state it appears to reproduce an official U.S. background note that
# could not be verified. All of these are *pledges*. None of the rows measures money
# disbursed, so whether every yen arrived, and at what dollar value, is outside what this
# table can answer. The claims table reaches the same verdicts:

# %%
claims = ad.load("claims").set_index("claim_id")
claims["publication"] = claims["seed_source_id"].map(sources["publisher"] + ": " + sources["title"])
gulf_claims = claims.loc[["C023", "C024"], ["publication", "paraphrase", "claimed_value",
                                            "evidence_value", "verdict"]]  # fmt: skip
show(gulf_claims, sources=claims.loc[["C023", "C024"], ["source_id", "seed_source_id"]].stack())

# %% [markdown]
# ## From minesweepers to peacekeepers
#
# Participation began after the shooting stopped, and Washington had pressed for it before:
# declassified papers reported by the Asahi show U.S. officials urging Tokyo to send
# minesweepers during the Iran–Iraq tanker war of 1987.

# %%
sweep = missions[missions["kind"] == "minesweeping"].iloc[0]

# %%
citations.note(sweep.source_id)
Markdown(
    f"Maritime SDF minesweepers sailed for the Persian Gulf in {sweep.start:%B %Y} to clear "
    "mines left by the war, the first dispatch of SDF units abroad. The International Peace "
    f"Cooperation Law, passed {when('International Peace Cooperation Law passed')}, then "
    "opened a narrow legal channel for UN peacekeeping, hedged with conditions such as a "
    "ceasefire and the consent of the parties, and an engineering battalion went to Cambodia "
    f"under UNTAC ({date_of('SDF engineers deployed to Cambodia')})."
)

# %% [markdown]
# Figure 5.1 shows every dispatch or contribution in the missions table that overlaps the
# selected years. Bars run from start to end; hatched bars have no end date in the sources,
# which means the end is unknown to this project, not that the mission is still running, and
# they are drawn to the chart's right edge. The Gulf War money rows are merged into one bar.

# %%
KIND = "mission_kind"  # the house style's looks for the kinds of mission
labelled = missions.assign(label=missions["name"].str.split(r" \(|: | under the ").str[0])
labelled.loc[labelled["kind"] == "financial", "label"] = "Gulf War financial contribution"

# %%
spans = labelled.groupby(["label", "kind"], as_index=False).agg(
    start=("start", "min"), end=("end", "max"), personnel=("personnel", "max")
)
spans["open_ended"] = (
    labelled.groupby(["label", "kind"])["end"].agg(lambda e: e.isna().all()).values
)
edge = pd.Timestamp(end_year + 1, 1, 1)
spans["drawn_end"] = spans["end"].where(~spans["open_ended"]).fillna(edge).clip(upper=edge)
spans = spans[(spans["drawn_end"].dt.year >= start_year) & (spans["start"].dt.year <= end_year)]
spans = spans.sort_values("start").reset_index(drop=True)

# %%
if spans.empty:
    print(f"Missions shown: none (no dispatch in the missions table overlaps {window})")
else:
    first, last = spans.start.dt.year.min(), spans.start.dt.year.max()
    print(f"Missions shown: {len(spans)} (starting {first}{'' if first == last else f'–{last}'})")


# %%
def draw_missions(ax, spans):
    """One bar per mission from start to (drawn) end; hatched where no end is known."""
    x0, x1 = plotting.decimal_year(spans["start"]), plotting.decimal_year(spans["drawn_end"])
    for kind, part in spans.groupby("kind", sort=False):
        look = style.look(kind, KIND)
        ax.barh(part.index, (x1 - x0)[part.index], left=x0[part.index], height=0.6,
                color=look["color"], label=look["label"])  # fmt: skip
    unknown = spans.index[spans["open_ended"]]
    if len(unknown):
        ax.barh(unknown, (x1 - x0)[unknown], left=x0[unknown], height=0.6, fill=False,
                hatch="///", edgecolor=style.INK, label="no end date in sources")  # fmt: skip
    brief = spans.index[x1 - x0 < 0.25]  # under three months: too thin to see
    if len(brief):
        ax.scatter(x0[brief], brief, marker="D", s=40, zorder=3, color=style.INK,
                   label="under three months")  # fmt: skip
    ax.set_yticks(spans.index, spans["label"])
    ax.set_ylim(len(spans) - 0.5, -0.5)  # first mission on top


# %%
if len(spans):
    fig, ax = figures.new_figure(figsize=(10, 3 + 0.3 * len(spans)))
    draw_missions(ax, spans)
    plotting.year_axis(ax, [start_year, end_year + 1], margin=0)
    plotting.legend_below(ax, ncol=3)
    hatched = " Hatched bars have no end date in the sources and run to the chart's right edge."
    figures.finish(
        ax,
        number="5.1",
        title=f"Missions and contributions abroad, {window}",
        ylabel="Mission",
        xlabel="Year",
        sources=labelled.loc[labelled["label"].isin(spans["label"]), "source_id"],
        note="Dates known only to the month or year start on its first day."
        + (hatched if spans["open_ended"].any() else ""),
    )

# %% [markdown]
# The same missions as a table, with the dates and personnel figures the sources give:

# %%
show(
    spans.assign(kind=[style.name(k, KIND) for k in spans.kind])[
        ["label", "kind", "start", "end", "personnel"]
    ]
)


# %%
kinds = spans["kind"].value_counts().rename(ad.labels("overseas_missions", "kind"))
common = kinds[kinds == kinds.max()]
text = f"The chart holds {count(len(spans), 'mission')} of {count(len(kinds), 'kind')}"
if len(common) < len(kinds):
    text += f"; the most common {'kind is' if len(common) == 1 else 'kinds are'} "
    text += f"{listing(common.index)} ({count(common.iloc[0], 'mission')}"
    text += " each)" if len(common) > 1 else ")"
Markdown(text + "." if len(spans) else f"No mission in the table overlaps {window}.")

# %%
staffed = spans["personnel"].dropna()
if len(staffed) > 1:
    text = (
        f"Of these, {'all' if len(staffed) == len(spans) else len(staffed)} give a personnel "
        f"figure, from {int(staffed.min()):,} to {int(staffed.max()):,}; read each row's "
        "`notes` before comparing them, because a figure may be one rotation's strength, a "
        "whole task force or a unit's rough size."
    )
elif len(spans) == 1:
    text = f"Its personnel figure: {f'{int(staffed.iloc[0]):,}' if len(staffed) else 'none given'}."
elif len(spans):
    text = f"{'One' if len(staffed) else 'None'} of them gives a personnel figure."
else:
    text = ""
Markdown(text)

# %% [markdown]
# **The whole table**, whatever the years selected, read in order of its start dates, shows
# the geographic and functional reach of the SDF widening. The early missions are UN-badged
# and far from combat: engineering in Cambodia, movement control in Mozambique, transport on
# the Golan Heights. In Iraq a Ground SDF unit did reconstruction work in Samawah while Air
# SDF transports flew from Kuwait for far longer. Anti-piracy escorts off Somalia, which led
# Japan to open its first overseas base in Djibouti, and the engineering contingent in South
# Sudan complete the list. The refuelling mission in the Indian Ocean shows how each dispatch
# hung on its own law:

# %%
refuel = missions[missions["name"].str.startswith("Indian Ocean")]

# %%
citations.note(refuel.source_id)
Markdown(
    "After the attacks of September 2001, a time-limited Anti-Terrorism Special Measures Law "
    f"(enacted {when('Anti-Terrorism Special Measures Law')}) sent Maritime SDF oilers to "
    "refuel coalition ships, in direct support of a U.S.-led war. The mission stopped when the "
    f"law lapsed ({date_of('Indian Ocean refuelling law lapses')}), after the opposition won "
    "control of the upper house and refused to extend it; a replacement law passed by a "
    f"lower-house re-vote ({date_of('Replenishment support law enacted')}) restarted it, and "
    "the Democratic Party government let that one expire "
    f"({refuel['end'].max():%B %Y} in the missions table)."
)

# %% [markdown]
# Two features of the pattern matter. First, almost every mission needed its own law, passed
# for a fixed period, which kept each decision in the Diet's hands and made the SDF's
# presence abroad hostage to domestic politics, as the refuelling gap shows. Second, one
# entry in the table runs the other way:

# %%
tomodachi = missions.query("kind == 'disaster_relief'").iloc[0]

# %%
citations.note(tomodachi.source_id)
Markdown(
    "Operation Tomodachi was a U.S. operation supporting Japan's own relief effort after the "
    f"earthquake and tsunami of {date_of('Great East Japan Earthquake and tsunami')}, a "
    "reminder that the alliance's most visible cooperation in this period happened on "
    f"Japanese soil.\n\n*Operation Tomodachi, as the missions table records it:* {tomodachi.notes}"
)

# %% [markdown]
# ## Rewriting the rules: 2014, 2015 and 2022
#
# The special-measures approach was replaced in stages.

# %%
Markdown(
    f"The first National Security Strategy ({date_of('First National Security Strategy')}) "
    'announced a "proactive contribution to peace". A cabinet decision '
    f"{when('Cabinet decision on collective self-defense')} reinterpreted the constitution so "
    "that Japan could exercise collective self-defence, but only under strict conditions "
    "centred on a threat to Japan's own survival. The revised Defense Cooperation Guidelines "
    f"({date_of('2015 Defense Cooperation Guidelines')}) and the security legislation enacted "
    f"{when('Security legislation enacted')} turned the reinterpretation into law and made "
    "overseas logistics support possible without a new statute for each mission."
)

# %% [markdown]
# Critics, including many constitutional scholars, argued that a change of this size required
# amending the constitution rather than reinterpreting it, and the legislation passed amid
# large demonstrations.

# %%
Markdown(
    f"The documents approved {when('Counterstrike capability approved')} went further in a "
    "different direction: rather than widening where the SDF may go, they changed what Japan "
    "will be able to do, by approving a counterstrike capability to hit missile launch sites "
    "and committing to much higher spending."
)

# %% [markdown]
# Figure 5.2 counts the events of each year in broad groups. Treat the heights with
# care: the table is a curated selection, and it records only a handful of exercises although
# bilateral and multilateral drills now take place every year.

# %%
GROUPS = {"legislation": "legislation", "policy": "policy", "guidelines": "policy",
          "operation": "operation", "exercise": "exercise"}  # category -> group drawn  # fmt: skip
focus = shown[shown["category"].isin(GROUPS)].assign(group=lambda f: f["category"].map(GROUPS))
counts = pd.crosstab(focus["year"], focus["group"]).reindex(
    index=range(start_year, end_year + 1),
    columns=[g for g in dict.fromkeys(GROUPS.values()) if g in set(focus["group"])],
    fill_value=0,
)

# %%
MILESTONES = {
    "International Peace Cooperation Law passed": "Peacekeeping law",
    "Anti-Terrorism Special Measures Law": "Anti-terrorism law",
    "Cabinet decision on collective self-defense": "Collective self-defence",
    "Security legislation enacted": "Security legislation",
    "Counterstrike capability approved": "Counterstrike",
}
milestones = plotting.events_between(MILESTONES, start_year, end_year)

# %%
if len(focus):
    fig, ax = figures.new_figure(figsize=(9, 5.5))
    bottom = pd.Series(0, index=counts.index)
    for group in counts.columns:
        ax.bar(counts.index + 0.5, counts[group], bottom=bottom, width=0.8,
               color=style.colour(group, "event_group"), label=style.name(group, "event_group"))  # fmt: skip
        bottom += counts[group]
    plotting.year_axis(ax, [start_year, end_year + 1], margin=0)
    ax.set_ylim(0, bottom.max() + 0.5)
    ax.yaxis.get_major_locator().set_params(integer=True)
    plotting.legend_below(ax, ncol=4)
    plotting.annotate_events(ax, milestones)
    dashed = " Dashed lines mark the dates of selected laws and decisions."
    figures.finish(
        ax,
        number="5.2",
        title=f"Alliance events per year by group, {window}",
        ylabel="Events (count per year)",
        xlabel="Year (each bar spans its calendar year)",
        sources=focus["source_id"],
        note="Curated list: counts show the table's coverage, not the true number of events."
        + (dashed if len(milestones) else ""),
    )
else:
    print(f"No legislation, policy, operation or exercise events fall in {window}.")

# %%
per_year = counts.sum(axis=1)
busiest = per_year[per_year == per_year.max()].index
groups = [f"{style.name(g, 'event_group').lower()} {n}" for g, n in counts.sum().items()]
text = f"In {window} the chart holds {count(per_year.sum(), 'event')} "
text += f"({', '.join(groups)})."
if (per_year > 0).sum() > 1 and len(busiest) <= 3:
    text += f" The busiest {'year is' if len(busiest) == 1 else 'years are'} "
    text += f"{listing(map(str, busiest))}, with {count(per_year.max(), 'event')}"
    text += " each." if len(busiest) > 1 else "."
elif (per_year > 0).sum() > 1:
    text += f" {len(busiest)} years tie as the busiest, with {count(per_year.max(), 'event')} each."
Markdown(text if per_year.sum() else "No events in these groups fall in the selected years.")

# %% [markdown]
# Over the chapter's default years, 1990–2026, the bars show legislation arriving in bursts,
# each one after a shock or a request from Washington: the peacekeeping law after the Gulf
# War, the guidelines laws after the 1996 security declaration, the anti-terrorism law after
# September 2001, the 2015 package after the 2014 reinterpretation. Policy documents cluster
# in the 2010s and 2020s, when Japan began to publish strategy documents more often. What the
# chart cannot show is weight: a cabinet decision that changed the reading of the
# constitution counts as one event, just as a routine guideline does.
#
# ## Paying for it: defence spending around 2022
#
# Japan long kept defence spending low relative to national output, first under a formal
# ceiling set in the 1970s and then by habit after the ceiling was dropped. SIPRI's series
# shows what happened after the 2022 decision. SIPRI counts calendar years, while Japan's
# budget runs from April to March, and its definition of military spending differs from the
# Ministry of Defense's budget line, so the levels here need not match Japanese figures.

# %%
spending = ad.load("defense_spending")
jp = spending.query("country_iso3 == 'JPN'").set_index("year")
milex = jp.loc[start_year:end_year].reset_index()

# %%
if milex.empty:
    covered = f"{jp.index.min()}–{jp.index.max()}"
    print(f"Spending data shown: none (SIPRI's series for Japan covers {covered})")
else:
    first, last = milex.year.min(), milex.year.max()
    print(
        f"Spending data shown: {first}–{last}" if first < last else f"Spending data shown: {first}"
    )

# %%
LATE = ["Security legislation enacted", "Counterstrike capability approved"]
late = plotting.events_between(LATE, start_year, min(end_year, jp.index.max()))

# %%
if len(milex):
    fig, ax = figures.new_figure()
    plotting.series(ax, milex, "share_of_gdp_pct", markersize=4, **style.look("JPN"))
    plotting.year_axis(ax, milex["year"], margin=0.5)
    ax.set_ylim(0, milex["share_of_gdp_pct"].max() * 1.15)
    plotting.annotate_events(ax, late)
    figures.finish(
        ax,
        number="5.3",
        title=f"Japan's military expenditure as a share of GDP, {window}",
        ylabel="Share of GDP (%)",
        xlabel="Year",
        sources=[*milex["source_id"], *late["source_id"]],
        note="SIPRI data, calendar years.",
    )


# %%
shares = milex.set_index("year")["share_of_gdp_pct"]
if len(shares) > 1:
    text = (
        f"In {shares.index.min()}–{shares.index.max()} SIPRI's figure for Japan ranges from "
        f"{shares.min():.2f}% of GDP ({shares.idxmin()}) to {shares.max():.2f}% ({shares.idxmax()})."
    )
elif len(shares):
    text = f"In {shares.index[0]} SIPRI's figure for Japan is {shares.iloc[0]:.2f}% of GDP."
else:
    text = f"SIPRI's series has no value for Japan in {window}."
Markdown(text)

# %%
latest = jp.index.max()
calm = jp.loc[1990:2021, "share_of_gdp_pct"]
growth = jp.loc[latest, "milex_usd_m_constant"] / jp.loc[2022, "milex_usd_m_constant"] - 1

# %%
citations.note(jp.loc[1990:latest, "source_id"])
Markdown(
    f"**The whole series**, whatever the years selected: from 1990 to 2021 the figure stayed "
    f"between {calm.min():.2f}% and {calm.max():.2f}% of GDP; it reached "
    f"{jp.loc[latest, 'share_of_gdp_pct']:.2f}% in {latest}, and spending in constant dollars "
    f"rose by {growth:.0%} between 2022 and {latest}."
)

# %% [markdown]
# The whole series is nearly flat from 1990 into the early 2020s and then turns sharply
# upward, which is the strongest quantitative evidence in this chapter that 2022 was a break
# rather than another increment. Still, the last years are budget plans being carried out, and
# SIPRI revises recent years as accounts close; a reader returning to this chapter with a
# newer release should expect the final points to move.

# %% [markdown]
# ## Exercises and the wider network
#
# The events table also records how the alliance began to train and plan with others.

# %%
AMPHIBIOUS = "Amphibious brigade's first training with U.S. Marines"
Markdown(
    "Japan first joined the Malabar naval exercise with the United States and India "
    f"{when('Japan joins Exercise Malabar')}; the claims table rates the seed's wording as only "
    "approximate, because Japan became a permanent member only later. A seed places an "
    "amphibious exercise of October 2018 in Kagoshima; the events table instead records the new "
    "amphibious brigade's first training with U.S. Marines, in drills off the Philippines from "
    f"{date_of(AMPHIBIOUS)} (claims table verdict on the seed's version: "
    f"{claims.loc['C070', 'verdict']})."
)

# %%
Markdown(
    f"The Camp David summit ({date_of('Camp David trilateral summit')}) brought in South "
    f"Korea, a pledge made {when('U.S.-Japan-Philippines pledge')} brought in the Philippines "
    "(by video call, the claims table notes), and "
    f"{when('Joint training expanded along first island chain')} the allies agreed to extend "
    "combined training along the first island chain. Command arrangements moved too: Japan "
    "launched a permanent joint operations command "
    f"{when('SDF Joint Operations Command launched')}, and U.S. Forces Japan is to become a "
    "joint force headquarters paired with it (agreed "
    f"{when('USFJ to become joint force headquarters')})."
)

# %%
network = claims.loc[["C068", "C070", "C077", "C079"]]
show(
    network[["publication", "paraphrase", "evidence_value", "verdict"]],
    sources=[*network.source_id, *network.seed_source_id],
)

# %% [markdown]
# ## Key figures
#
# These values use the full tables, whatever the parameters, so that they can be checked
# automatically.

# %%
publish(
    gulf_initial_pledge_usd_bn=float(initial),
    gulf_january_pledge_usd_bn=float(january),
    gulf_total_pledged_usd_bn=float(total),
    mission_rows=len(missions),
    first_dispatch=f"{sweep.start:%Y-%m}",
    jpn_share_of_gdp_min_1990_2021=round(float(calm.min()), 2),
    jpn_share_of_gdp_max_1990_2021=round(float(calm.max()), 2),
    jpn_share_of_gdp_2024=round(float(jp.loc[2024, "share_of_gdp_pct"]), 2),
    jpn_constant_growth_2022_2024_pct=round(
        100 * (jp.loc[2024, "milex_usd_m_constant"] / jp.loc[2022, "milex_usd_m_constant"] - 1), 1
    ),
)

# %% [markdown]
# ## Exercises
#
# ### Exercise 5.1
# Take the rows of `overseas_missions` that have an end date and are not financial
# contributions, and compute each one's length in years (days divided by 365.25). How long,
# to one decimal, did the longest of them last? Which kind of mission has the longest average,
# and why does leaving out the missions without an end date bias that answer?

# %% tags=["solution"]
from alliance_notebooks.exercises import check

ex_missions = ad.load("overseas_missions")
ex_closed = ex_missions[ex_missions["end"].notna() & (ex_missions["kind"] != "financial")].copy()
ex_closed["years"] = (ex_closed["end"] - ex_closed["start"]).dt.days / 365.25
print(
    ex_closed.sort_values("years", ascending=False)[["name", "kind", "years"]].round(1).to_string()
)
print(ex_closed.groupby("kind")["years"].mean().round(1).sort_values().to_string())
check("05.1", ex_closed["years"].max())

# %% [markdown]
# ### Exercise 5.2
# A student adds up every `amount_usd_bn` in the Gulf War rows (`kind == "financial"`) and
# reports the total as Japan's contribution. Show the number they would get, explain why it is
# wrong, and write the one-sentence summary you would give instead.

# %% tags=["solution"]
from alliance_notebooks.exercises import check

ex_money = ad.load("overseas_missions").query("kind == 'financial'")
print(ex_money[["name", "amount_usd_bn", "source_id"]].to_string(index=False))
print(f"Naive sum of all rows: US${ex_money['amount_usd_bn'].sum():g} bn")
check("05.2", ex_money["amount_usd_bn"].sum())

# %% [markdown]
# ### Exercise 5.3
# Which Japanese prime minister presided over the most legislation, policy and guidelines
# events from 1990 to 2011, before the governments that issued the strategy documents of the
# 2010s? Match each event to the prime minister in office on its date (a term runs from
# `term_start` up to, not including, `term_end`). Does the ranking change if you divide by
# each person's years in office?

# %% tags=["solution"]
from alliance_notebooks.exercises import check

ex_events = ad.load("events")
ex_rules = ex_events[
    ex_events["date"].dt.year.between(1990, 2011)
    & ex_events["category"].isin(["legislation", "policy", "guidelines"])
]
ex_pms = ad.load("leaders").query("country_iso3 == 'JPN'").sort_values("term_start")
ex_on = pd.merge_asof(
    ex_rules.sort_values("date"),
    ex_pms[["term_start", "term_end", "name"]],
    left_on="date",
    right_on="term_start",
)
ex_on.loc[ex_on["date"] >= ex_on["term_end"], "name"] = "(no one listed)"
ex_per_pm = ex_on["name"].value_counts()
ex_years = (
    ((ex_pms["term_end"] - ex_pms["term_start"]).dt.days / 365.25).groupby(ex_pms["name"]).sum()
)
print(pd.DataFrame({"events": ex_per_pm, "per_year": (ex_per_pm / ex_years).round(2)}).dropna())
check("05.3", ex_per_pm.index[0])

# %% [markdown]
# ### Exercise 5.4
# Compare Japan's military spending as a share of GDP with Germany's for 2012–2024 in the
# `defense_spending` table. In which year did the gap between them narrow most? What does a
# share-of-GDP comparison hide that a constant-dollar comparison shows?

# %% tags=["solution"]
from alliance_notebooks.exercises import check

ex_peers = ad.load("defense_spending").query(
    "country_iso3 in ['JPN', 'DEU'] and 2012 <= year <= 2024"
)
ex_share = ex_peers.pivot(index="year", columns="country_iso3", values="share_of_gdp_pct")
ex_gap = ex_share["DEU"] - ex_share["JPN"]
print(pd.DataFrame({"gap": ex_gap, "change": ex_gap.diff()}).round(3).to_string())
check("05.4", ex_gap.diff().idxmin())

# %% [markdown]
# ## Key takeaways
#
# - The Gulf War contribution is quoted with different totals because sources quote
#   different pledges: the January 1991 pledge for the coalition, or everything pledged in
#   1990–91. Both are pledges, not payments.
# - SDF dispatches grew from post-war minesweeping and UN peacekeeping to logistics for U.S.-led
#   wars, each authorised by its own time-limited law, until the 2015 legislation made such
#   support possible under standing law.
# - The 2014 reinterpretation and 2015 laws widened where and why the SDF may act; the 2022
#   documents changed what Japan can do, with a counterstrike capability and a spending
#   break visible in SIPRI's series.
# - Event counts from a curated table describe the table, not the world: exercises in
#   particular are far more frequent than the rows suggest.
#
# ## Sources

# %%
citations.sources_cell()
