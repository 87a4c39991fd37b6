# ---
# jupyter:
#   jupytext:
#     cell_metadata_filter: tags,-all
#     notebook_metadata_filter: kernelspec,jupytext,-jupytext.text_representation
#   kernelspec:
#     display_name: Python 3
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

# %% tags=["parameters"]
start_year = 1990  # first year shown (integer)
end_year = 2026  # last year shown (integer)

# %%
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import Markdown, display

import alliance_data as ad
from alliance_notebooks import check_parameters, publish, style

checked = check_parameters("05_widening_role", start_year=start_year, end_year=end_year)
start_year, end_year = checked["start_year"], checked["end_year"]
style.use_house_style()

# %% [markdown]
# ## The record for these years
#
# The `events` table supplies the milestones and the `overseas_missions` table the dispatches.
# The missions table is short and ends early (its coverage is printed below), so anything the
# SDF began abroad after its last row appears, if at all, only as an event.

# %%
events = ad.load("events").sort_values(["date", "title"]).reset_index(drop=True)
events["year"] = events["date"].dt.year
shown = events[events["year"].between(start_year, end_year)]
if len(shown):
    print(f"Data shown: {shown.year.min()}–{shown.year.max()} ({len(shown)} events)")
    display(shown["category"].value_counts().to_frame("events").T)
else:
    print(f"Data shown: none (the events table has no row dated {start_year}–{end_year})")
print(f"Missions table: {ad.describe('overseas_missions').coverage}")


# %%
def when(title):
    """An event's date from the events table, as precisely as the table knows it."""
    row = events.set_index("title").loc[title]
    formats = {"day": "%d %B %Y", "month": "%B %Y", "year": "%Y"}
    return row["date"].strftime(formats[row["date_precision"]]).lstrip("0")


sources = ad.load("sources").set_index("source_id")
claims = ad.load("claims").set_index("claim_id")
claims["publication"] = claims["seed_source_id"].map(sources["publisher"] + ": " + sources["title"])
Markdown(
    '## The Gulf War and "checkbook diplomacy"\n\n'
    "When Iraq invaded Kuwait (the table dates Japan's first response to "
    f"{when('Japan responds to Iraq' + chr(39) + 's invasion of Kuwait')}), the United States "
    "asked its allies for forces, money or both. The Japanese government of the day read the "
    "constitution as ruling out any dispatch of the SDF to a war zone, and a bill to create a "
    "non-combat UN cooperation corps failed in the Diet that autumn. Tokyo paid instead. The "
    "money was large, but it arrived in tranches, it was debated in public, and it came "
    "without people. When the war ended, the contribution earned Japan little credit abroad, "
    'and "checkbook diplomacy" became shorthand for the lesson many Japanese policymakers '
    "drew: that paying without participating buys no standing."
)

# %% [markdown]
# How much did Japan pay? The seed documents disagree, and the missions table keeps every
# figure with its source rather than picking one. A start of 1 January means that only the
# year is known.

# %%
missions = ad.load("overseas_missions")
gulf = missions[missions["kind"] == "financial"].copy()
gulf["scope"] = gulf["name"].str.split(", ", n=1).str[1].fillna("as a seed document states it")
gulf["source"] = gulf["source_id"].map(sources["publisher"])
gulf["grade"] = gulf["source_id"].map(sources["source_quality"]).str.replace("_", " ")
gulf = gulf.sort_values(["start", "amount_usd_bn"])
display(
    gulf[["scope", "start", "amount_usd_bn", "source", "grade"]]
    .assign(start=gulf["start"].dt.date)
    .style.hide(axis="index")
    .format("{:g}", subset=["amount_usd_bn"])
)

# %%
initial, january = (
    gulf.loc[gulf["scope"].str.contains(k), "amount_usd_bn"].iloc[0] for k in ("initial", "January")
)
total = gulf.loc[gulf["scope"].str.startswith("total"), "amount_usd_bn"].iloc[0]
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
claim_columns = ["publication", "paraphrase", "claimed_value", "evidence_value", "verdict"]
display(
    claims.loc[["C023", "C024"], claim_columns]
    .style.hide(axis="index")
    .format("{:g}", subset=["claimed_value"], na_rep="—")
)

# %%
sweep = missions[missions["kind"] == "minesweeping"].iloc[0]
Markdown(
    "## From minesweepers to peacekeepers\n\n"
    "Participation began after the shooting stopped. Maritime SDF minesweepers sailed for the "
    f"Persian Gulf in {sweep.start:%B %Y} to clear mines left by the war, the first dispatch of "
    "SDF units abroad. Washington had pressed for such a mission before: declassified papers "
    "reported by the Asahi show U.S. officials urging Tokyo to send minesweepers during the "
    "Iran–Iraq tanker war of 1987. The International Peace Cooperation Law, passed on "
    f"{when('International Peace Cooperation Law passed')}, then opened a narrow legal channel "
    "for UN peacekeeping, hedged with conditions such as a ceasefire and the consent of the "
    "parties, and an engineering battalion went to Cambodia under UNTAC "
    f"({when('SDF engineers deployed to Cambodia')})."
)

# %% [markdown]
# The chart below shows every dispatch or contribution in the missions table that overlaps the
# selected years. Bars run from start to end; hatched bars have no end date in the sources,
# which means the end is unknown to this project, not that the mission is still running, and
# they are drawn to the chart's right edge. The Gulf War money rows are merged into one bar.


# %%
def decimal_year(dates):
    """Dates as fractional years (1991.0 = 1 January 1991)."""
    return dates.dt.year + (dates.dt.day_of_year - 1) / 365.25


labelled = missions.assign(label=missions["name"].str.split(r" \(|: | under the ").str[0])
labelled.loc[labelled["kind"] == "financial", "label"] = "Gulf War financial contribution"
spans = labelled.groupby(["label", "kind"], as_index=False).agg(
    start=("start", "min"), end=("end", "max"), personnel=("personnel", "max")
)
spans["open_ended"] = (
    labelled.groupby(["label", "kind"])["end"].apply(lambda e: e.isna().all()).values
)
edge = pd.Timestamp(end_year + 1, 1, 1)
spans["x0"] = decimal_year(spans["start"])
spans["x1"] = decimal_year(spans["end"].where(~spans["open_ended"]).fillna(edge).clip(upper=edge))
spans = spans[(spans["x1"] > start_year) & (spans["x0"] < end_year + 1)]
spans = spans.sort_values("start").reset_index(drop=True)
# one colour per kind of mission; Japan's blue is left out so a mission is not read as a country
colours = ["#332288", "#56B4E9", "#009E73", "#CC79A7", "#D55E00", "#8C564B", "#E69F00", "#999933"]
kind_colours = {
    k: colours[i % len(colours)] for i, k in enumerate(sorted(missions["kind"].unique()))
}
if spans.empty:
    print(
        f"Missions shown: none (the missions table has no dispatch overlapping {start_year}–{end_year})"
    )
else:
    print(
        f"Missions shown: {len(spans)} (starting {spans.start.dt.year.min()}–{spans.start.dt.year.max()})"
    )

# %%
if len(spans):
    fig, ax = style.new_figure(figsize=(10, 5.5))
    for i, span in spans.iterrows():
        ax.barh(
            i,
            span.x1 - span.x0,
            left=span.x0,
            height=0.6,
            color=kind_colours[span.kind],
            hatch="///" if span.open_ended else "",
            edgecolor="#333333" if span.open_ended else "white",
            linewidth=0.5,
        )
    brief = spans[spans["x1"] - spans["x0"] < 0.25]  # under three months: too thin to see
    ax.scatter(
        brief["x0"],
        brief.index,
        marker="D",
        s=40,
        zorder=3,
        color=brief["kind"].map(kind_colours),
        edgecolor="#333333",
    )
    ax.set_yticks(range(len(spans)), spans["label"])
    ax.invert_yaxis()
    ax.set_xlim(start_year, end_year + 1)
    ax.xaxis.get_major_locator().set_params(integer=True)
    handles = [
        plt.Rectangle(
            (0, 0), 1, 1, color=kind_colours[k], label=k.replace("_", " ").replace("anti ", "anti-")
        )
        for k in dict.fromkeys(spans["kind"])
    ]
    if spans["open_ended"].any():
        handles.append(
            plt.Rectangle(
                (0, 0),
                1,
                1,
                facecolor="white",
                edgecolor="#333333",
                hatch="///",
                label="no end date in sources",
            )
        )
    if len(brief):
        handles.append(
            plt.Line2D(
                [], [], marker="D", linestyle="", color="#333333", label="under three months"
            )
        )
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    caption = style.finish(
        ax,
        title=f"Japan's overseas missions and contributions, {start_year}–{end_year}",
        ylabel="Mission",
        xlabel="Year",
        sources=labelled.loc[labelled["label"].isin(spans["label"]), "source_id"],
        note="Dates known only to the month or year start on its first day. Hatched bars have "
        "no end date in the sources and are drawn to the right edge of the chart.",
    )

# %%
kinds = spans["kind"].value_counts()
staffed = spans.dropna(subset=["personnel"])
Markdown(
    f"The chart holds {len(spans)} missions of {len(kinds)} kinds; the most common kind is "
    f"{kinds.index[0].replace('_', ' ')} ({kinds.iloc[0]}). Only {len(staffed)} of them give a "
    f"personnel figure, ranging from {int(staffed.personnel.min()):,} to "
    f"{int(staffed.personnel.max()):,}, and the notes warn that these figures are not alike: "
    "some are the strength of one rotation, one is a whole task force, one is an approximate "
    "unit size."
) if len(staffed) else Markdown("No mission in these years gives a personnel figure.")

# %%
refuel = missions[missions["name"].str.startswith("Indian Ocean")].sort_values("start")
Markdown(
    "Read from top to bottom, the chart shows the geographic and functional reach of the SDF "
    "widening. Early missions are UN-badged and far from combat: engineering in Cambodia, "
    "movement control in Mozambique, transport on the Golan Heights. After the attacks of "
    "September 2001, a time-limited Anti-Terrorism Special Measures Law (enacted "
    f"{when('Anti-Terrorism Special Measures Law')}) sent Maritime SDF oilers to refuel "
    "coalition ships in the Indian Ocean, in direct support of a U.S.-led war. The mission "
    f"stopped when the law lapsed ({when('Indian Ocean refuelling law lapses')}), after the "
    "opposition won control of the upper house and refused to extend it; a replacement law "
    f"passed by a lower-house re-vote ({when('Replenishment support law enacted')}) restarted "
    "it, and the Democratic Party government let that one expire "
    f"({refuel['end'].max():%B %Y} in the missions table). In Iraq a Ground SDF unit did "
    "reconstruction work in Samawah while Air SDF transports flew from Kuwait for far longer. "
    "Anti-piracy escorts off Somalia, which led Japan to open its first overseas base in "
    "Djibouti, and the engineering contingent in South Sudan complete the list."
)

# %%
tomodachi = missions.query("kind == 'disaster_relief'").iloc[0]
Markdown(
    "Two features of the pattern matter. First, almost every mission needed its own law, "
    "passed for a fixed period, which kept each decision in the Diet's hands and made the "
    "SDF's presence abroad hostage to domestic politics, as the refuelling gap shows. Second, "
    "the table has one entry that runs the other way: Operation Tomodachi was a U.S. operation "
    "supporting Japan's own relief effort after the earthquake and tsunami of "
    f"{when('Great East Japan Earthquake and tsunami')}. It is a reminder that the alliance's "
    "most visible cooperation in this period happened on Japanese soil.\n\n"
    f"*Operation Tomodachi, as the missions table records it:* {tomodachi.notes}"
)

# %%
Markdown(
    "## Rewriting the rules: 2014, 2015 and 2022\n\n"
    "The special-measures approach was replaced in stages. The first National Security "
    f'Strategy ({when("First National Security Strategy")}) announced a "proactive '
    'contribution to peace". A cabinet decision of '
    f"{when('Cabinet decision on collective self-defense')} reinterpreted the constitution so "
    "that Japan could exercise collective self-defence, but only under strict conditions "
    "centred on a threat to Japan's own survival. The revised Defense Cooperation Guidelines "
    f"({when('2015 Defense Cooperation Guidelines')}) and the security legislation enacted on "
    f"{when('Security legislation enacted')} turned the reinterpretation into law and made "
    "overseas logistics support possible without a new statute for each mission. Critics, "
    "including many constitutional scholars, argued that a change of this size required "
    "amending the constitution rather than reinterpreting it, and the legislation passed amid "
    "large demonstrations.\n\n"
    f"The documents of {when('Counterstrike capability approved')} went further in a "
    "different direction: rather than widening where the SDF may go, they changed what Japan "
    "will be able to do, by approving a counterstrike capability to hit missile launch sites "
    "and committing to much higher spending. The next figure counts the events of each year in "
    "broad groups. Treat the heights with care: the table is a curated selection, and it "
    "records only a handful of exercises although bilateral and multilateral drills now take "
    "place every year."
)

# %%
groups = {
    "legislation": "Legislation",
    "policy": "Policy and guidelines",
    "guidelines": "Policy and guidelines",
    "operation": "Operation",
    "exercise": "Exercise",
}
group_colours = dict(zip(dict.fromkeys(groups.values()), style.PALETTE[2:], strict=False))
focus = shown[shown["category"].isin(groups)].assign(group=lambda f: f["category"].map(groups))
counts = pd.crosstab(focus["year"], focus["group"]).reindex(
    index=range(start_year, end_year + 1),
    columns=[g for g in group_colours if g in set(focus["group"])],
    fill_value=0,
)
if len(focus):
    fig, ax = style.new_figure()
    bottom = pd.Series(0, index=counts.index)
    for group in counts.columns:
        ax.bar(
            counts.index + 0.5,
            counts[group],
            bottom=bottom,
            width=0.8,
            color=group_colours[group],
            label=group,
        )
        bottom += counts[group]
    ax.set_xlim(start_year, end_year + 1)
    ax.set_ylim(0, bottom.max() + 0.5)
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0))
    milestones = focus[
        focus["title"].isin(
            [
                "International Peace Cooperation Law passed",
                "Anti-Terrorism Special Measures Law",
                "Cabinet decision on collective self-defense",
                "Security legislation enacted",
                "Counterstrike capability approved",
            ]
        )
    ]
    style.annotate_events(ax, milestones.assign(label=milestones["title"]))
    caption = style.finish(
        ax,
        title=f"Alliance events per year by group, {start_year}–{end_year}",
        ylabel="Events (count per year)",
        xlabel="Year (each bar spans its calendar year)",
        sources=focus["source_id"],
        note="Curated list: counts show the table's coverage, not the true number of events. "
        "Dashed lines mark the dates of selected laws and decisions.",
    )
else:
    print(f"No legislation, policy, operation or exercise events fall in {start_year}–{end_year}.")

# %%
totals = counts.sum()
Markdown(
    f"Across {start_year}–{end_year} the chart holds {int(totals.sum())} events: "
    + "; ".join(f"{g.lower()} {n}" for g, n in totals.items())
    + f". The year with most events in these groups is {int(counts.sum(axis=1).idxmax())}, "
    f"with {int(counts.sum(axis=1).max())}."
) if totals.sum() else Markdown("No events in these groups fall in the selected years.")

# %% [markdown]
# With the default years, the bars show legislation arriving in bursts, each one after a shock
# or a request from Washington: the peacekeeping law after the Gulf War, the guidelines laws
# after the 1996 security declaration, the anti-terrorism law after September 2001, the 2015
# package after the 2014 reinterpretation. Policy documents cluster in the 2010s and 2020s,
# when Japan began to publish strategy documents more often. What the chart cannot show is
# weight: a cabinet decision that changed the reading of the constitution counts as one event,
# just as a routine guideline does.
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
milex = spending.query("country_iso3 == 'JPN' and @start_year <= year <= @end_year")
if len(milex):
    print(f"Spending data shown: {milex.year.min()}–{milex.year.max()}")
    fig, ax = style.new_figure()
    ax.plot(milex["year"], milex["share_of_gdp_pct"], markersize=4, **style.look("JPN"))
    ax.set_xlim(milex["year"].min() - 0.5, milex["year"].max() + 0.5)
    ax.set_ylim(0, milex["share_of_gdp_pct"].max() * 1.15)
    ax.xaxis.get_major_locator().set_params(integer=True)
    late = shown[
        shown["title"].isin(["Security legislation enacted", "Counterstrike capability approved"])
        & (shown["year"] <= milex["year"].max())
    ]
    style.annotate_events(ax, late.assign(label=late["title"]))
    caption = style.finish(
        ax,
        title="Japan's military expenditure as a share of GDP",
        ylabel="Share of GDP (%)",
        xlabel="Year",
        sources=milex["source_id"],
        note="SIPRI data, calendar years.",
    )
else:
    span = f"{spending.year.min()}–{spending.year.max()}"
    print(f"Spending data shown: none (SIPRI's series in this table covers {span})")

# %%
jp = spending.query("country_iso3 == 'JPN'").set_index("year")
before = jp.loc[1990:2021, "share_of_gdp_pct"]
latest = int(jp.index.max())
growth = jp.loc[latest, "milex_usd_m_constant"] / jp.loc[2022, "milex_usd_m_constant"] - 1
Markdown(
    f"From 1990 to 2021 SIPRI's figure for Japan stayed between {before.min():.2f}% and "
    f"{before.max():.2f}% of GDP. It reached {jp.loc[latest, 'share_of_gdp_pct']:.2f}% in "
    f"{latest}, and spending in constant dollars rose by {growth:.0%} between 2022 and {latest}."
)

# %% [markdown]
# The series is nearly flat from 1990 into the early 2020s and then turns sharply upward,
# which is the strongest quantitative evidence in this chapter that 2022 was a break rather
# than another increment.
# Still, the last years are budget plans being carried out, and SIPRI revises recent years as
# accounts close; a reader returning to this chapter with a newer release should expect the
# final points to move.

# %%
amphibious = "Amphibious brigade's first training with U.S. Marines"
Markdown(
    "## Exercises and the wider network\n\n"
    "The events table also records how the alliance began to train and plan with others. "
    f"Japan first joined the Malabar naval exercise with the United States and India in "
    f"{when('Japan joins Exercise Malabar')}; the claims table rates the seed's wording as only "
    "approximate, because Japan became a permanent member only later. A seed places an "
    "amphibious exercise of October 2018 in Kagoshima; the events table instead records the new "
    "amphibious brigade's first training with U.S. Marines, in drills off the Philippines from "
    f"{when(amphibious)} (claims table verdict on the seed's version: "
    f"{claims.loc['C070', 'verdict']}). The Camp David summit "
    f"({when('Camp David trilateral summit')}) brought in South Korea, a pledge of "
    f"{when('U.S.-Japan-Philippines pledge')} brought in the Philippines (by video call, the "
    "claims table notes), and in "
    f"{when('Joint training expanded along first island chain')} the allies agreed to extend "
    "combined training along the first island chain. Command arrangements moved too: Japan "
    f"launched a permanent joint operations command on {when('SDF Joint Operations Command launched')}, "
    "and U.S. Forces Japan is to become a joint force headquarters paired with it (agreed "
    f"{when('USFJ to become joint force headquarters')})."
)

# %%
display(
    claims.loc[
        ["C068", "C070", "C077", "C079"], ["publication", "paraphrase", "evidence_value", "verdict"]
    ].style.hide(axis="index")
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
    jpn_share_of_gdp_min_1990_2021=round(float(before.min()), 2),
    jpn_share_of_gdp_max_1990_2021=round(float(before.max()), 2),
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
for table in ["events", "overseas_missions", "defense_spending", "leaders", "claims"]:
    print(ad.cite(table), end="\n\n")
