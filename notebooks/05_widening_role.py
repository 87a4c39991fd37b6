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
from IPython.display import Markdown, display

import alliance_data as ad
from alliance_data import history, plotting

ad.validate_parameters("05_widening_role", start_year=start_year, end_year=end_year)
plotting.use_house_style()

# %% [markdown]
# ## The record for these years
#
# The `events` table supplies the milestones and the `overseas_missions` table the dispatches.
# The missions table is short and ends early (its coverage is printed below), so anything the
# SDF began abroad after its last row appears, if at all, only as an event.

# %%
shown = history.events_between(start_year, end_year)
print(f"Data shown: {history.year_span(shown.year)} ({len(shown)} events)")
display(history.category_counts(shown).to_frame("events").T)
print(ad.describe("overseas_missions").coverage)

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
#
# How much did Japan pay? The seed documents disagree, and the missions table keeps every
# figure with its source rather than picking one. A start of 1 January means that only the
# year is known.

# %%
gulf = history.gulf_war_figures()
Markdown(gulf.drop(columns="notes").assign(start=gulf.start.dt.date).to_markdown(index=False))

# %%
initial, january = (
    gulf.loc[gulf.scope.str.contains(k), "amount_usd_bn"].iloc[0] for k in ("initial", "January")
)
total = gulf.loc[gulf.scope.str.startswith("total"), "amount_usd_bn"].iloc[0]
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
checks = history.claims_for(["C023", "C024"])
Markdown(
    checks[["paraphrase", "claimed_value", "evidence_value", "verdict"]].to_markdown(index=False)
)

# %% [markdown]
# ## From minesweepers to peacekeepers
#
# Participation began after the shooting stopped. In the spring of 1991 Maritime SDF
# minesweepers sailed for the Persian Gulf to clear mines left by the war, the first dispatch
# of SDF units abroad. Washington had pressed for such a mission before: declassified papers
# reported by the Asahi show U.S. officials urging Tokyo to send minesweepers during the
# Iran–Iraq tanker war of 1987. The International Peace Cooperation Law of 1992 then opened a
# narrow legal channel for UN peacekeeping, hedged with conditions such as a ceasefire and the
# consent of the parties, and an engineering battalion went to Cambodia under UNTAC.
#
# The chart below shows every dispatch or contribution in the missions table that overlaps the
# selected years. Bars run from start to end; hatched bars have no end date in the sources,
# which means the end is unknown to this project, not that the mission is still running. The
# Gulf War money rows are merged into one bar.

# %%
spans = history.mission_spans(start_year, end_year)
fig, ax = plotting.new_figure(figsize=(10, 5.5))
history.plot_gantt(ax, spans, start_year, end_year)
caption = plotting.finish(
    ax,
    title=f"Japan's overseas missions and contributions, {start_year}–{end_year}",
    ylabel="Mission",
    xlabel="Year",
    sources=spans["source_ids"].explode(),
    note="Dates known only to the month or year start on its first day.",
)
print(f"Missions shown: {len(spans)} (starting {history.year_span(spans.start.dt.year)})")

# %%
kinds = spans["kind"].value_counts()
staffed = spans.dropna(subset=["personnel"])
Markdown(
    f"The chart holds {len(spans)} missions of {len(kinds)} kinds; the most common kind is "
    f"{kinds.index[0].replace('_', ' ')} ({kinds.iloc[0]}). Only {len(staffed)} rows give a "
    f"personnel figure, ranging from {int(staffed.personnel.min()):,} to "
    f"{int(staffed.personnel.max()):,}, and the notes warn that these figures are not alike: "
    "some are the strength of one rotation, one is a whole task force, one is an approximate "
    "unit size."
) if len(staffed) else Markdown("No mission in these years gives a personnel figure.")

# %% [markdown]
# Read from top to bottom, the chart shows the geographic and functional reach of the SDF
# widening. Early missions are UN-badged and far from combat: engineering in Cambodia,
# movement control in Mozambique, transport on the Golan Heights. After the attacks of
# September 2001, a time-limited Anti-Terrorism Special Measures Law sent Maritime SDF oilers
# to refuel coalition ships in the Indian Ocean, in direct support of a U.S.-led war. The
# mission stopped when the law lapsed in 2007, after the opposition won control of the upper
# house and refused to extend it; a replacement law passed by a lower-house re-vote restarted
# it, and the Democratic Party government let that one expire in 2010. In Iraq a Ground SDF
# unit did reconstruction work in Samawah while Air SDF transports flew from Kuwait for far
# longer. Anti-piracy escorts off Somalia, which led Japan to open its first overseas base in
# Djibouti, and the engineering contingent in South Sudan complete the list.
#
# Two features of the pattern matter. First, almost every mission needed its own law, passed
# for a fixed period, which kept each decision in the Diet's hands and made the SDF's presence
# abroad hostage to domestic politics, as the refuelling gap shows. Second, the table has one
# entry that runs the other way: Operation Tomodachi was a U.S. operation supporting Japan's
# own relief effort after the earthquake and tsunami of March 2011. It is a reminder that the
# alliance's most visible cooperation in this period happened on Japanese soil.

# %%
tomodachi = ad.load("overseas_missions").query("kind == 'disaster_relief'").iloc[0]
Markdown(f"*Operation Tomodachi, as the missions table records it:* {tomodachi.notes}")

# %% [markdown]
# ## Rewriting the rules: 2014, 2015 and 2022
#
# The special-measures approach was replaced in stages. The first National Security Strategy
# of December 2013 announced a "proactive contribution to peace". In July 2014 the Abe cabinet
# reinterpreted the constitution so that Japan could exercise collective self-defence, but
# only under strict conditions centred on a threat to Japan's own survival. The revised
# Defense Cooperation Guidelines of April 2015 and the security legislation enacted that
# September turned the reinterpretation into law and made overseas logistics support possible
# without a new statute for each mission. Critics, including many constitutional scholars,
# argued that a change of this size required amending the constitution rather than
# reinterpreting it, and the legislation passed amid large demonstrations.
#
# The December 2022 documents went further in a different direction: rather than widening
# where the SDF may go, they changed what Japan will be able to do, by approving a
# counterstrike capability to hit missile launch sites and committing to much higher
# spending. The next figure counts the events of each year in broad groups. Treat the heights
# with care: the table is a curated selection, and it records only a handful of exercises
# although bilateral and multilateral drills now take place every year.

# %%
focus = history.events_between(start_year, end_year, history.ROLE_GROUPS)
counts = history.events_per_year(focus, start_year, end_year)
fig, ax = plotting.new_figure()
history.plot_stacked(ax, counts)
key = "Peace Cooperation|Anti-Terror|collective|Security legislation|Counterstrike"
milestones = focus[focus.title.str.contains(key)]
plotting.annotate_events(ax, milestones.assign(label=milestones.title, date=milestones.year))
caption = plotting.finish(
    ax,
    title=f"Alliance events per year by group, {start_year}–{end_year}",
    ylabel="Events (count per year)",
    xlabel="Year",
    sources=focus["source_id"],
    note="Curated list: counts show the table's coverage, not the true number of events.",
)

# %%
totals = counts.sum()
peak_year = int(counts.sum(axis=1).idxmax())
Markdown(
    f"Across {start_year}–{end_year} the chart holds {int(totals.sum())} events: "
    + "; ".join(f"{g.lower()} {n}" for g, n in totals.items())
    + f". The year with most events in these groups is {peak_year}, with "
    f"{int(counts.sum(axis=1).max())}."
) if totals.sum() else Markdown("No events in these groups fall in the selected years.")

# %% [markdown]
# The bars show legislation arriving in bursts, each one after a shock or a request from
# Washington: the peacekeeping law after the Gulf War, the guidelines laws after the 1996
# security declaration, the anti-terrorism law after September 2001, the 2015 package after
# the 2014 reinterpretation. Policy documents cluster in the 2010s and 2020s, when Japan began
# to publish strategy documents more often. What the chart cannot show is weight: a
# cabinet decision that changed the reading of the constitution counts as one event, just as
# a routine guideline does.
#
# ## Paying for it: defence spending around 2022
#
# Japan long kept defence spending low relative to national output, first under a formal
# ceiling set in the 1970s and then by habit after the ceiling was dropped. SIPRI's series
# shows what happened after the 2022 decision. SIPRI counts calendar years, while Japan's
# budget runs from April to March, and its definition of military spending differs from the
# Ministry of Defense's budget line, so the levels here need not match Japanese figures.

# %%
milex = ad.load("defense_spending").query(
    "country_iso3 == 'JPN' and @start_year <= year <= @end_year"
)
fig, ax = plotting.new_figure()
ax.plot(milex.year, milex.share_of_gdp_pct, marker="o", markersize=3)
ax.set_ylim(0, milex.share_of_gdp_pct.max() * 1.6 if len(milex) else 1)
late = shown[
    shown.title.isin(["Security legislation enacted", "Counterstrike capability approved"])
]
plotting.annotate_events(ax, late.assign(label=late.title))
caption = plotting.finish(
    ax,
    title="Japan's military expenditure as a share of GDP",
    ylabel="Share of GDP (%)",
    xlabel="Year",
    sources=milex["source_id"],
    note="SIPRI data, calendar years.",
)
print(f"Spending data shown: {history.year_span(milex.year)}")

# %%
jp = ad.load("defense_spending").query("country_iso3 == 'JPN'").set_index("year")
before = jp.loc[1990:2021, "share_of_gdp_pct"]
growth = jp.loc[2024, "milex_usd_m_constant"] / jp.loc[2022, "milex_usd_m_constant"] - 1
Markdown(
    f"From 1990 to 2021 SIPRI's figure for Japan stayed between {before.min():.2f}% and "
    f"{before.max():.2f}% of GDP. It reached {jp.loc[2024, 'share_of_gdp_pct']:.2f}% in 2024, "
    f"and spending in constant 2023 dollars rose by {growth:.0%} between 2022 and 2024."
)

# %% [markdown]
# The series is nearly flat from 1990 into the early 2020s and then turns sharply upward,
# which is the strongest quantitative evidence in this chapter that 2022 was a break rather
# than another increment.
# Still, the last years are budget plans being carried out, and SIPRI revises recent years as
# accounts close; a reader returning to this chapter with a newer release should expect the
# final points to move.
#
# ## Exercises and the wider network
#
# The events table also records how the alliance began to train and plan with others. Japan
# first joined the Malabar naval exercise with the United States and India in 2007; the claims
# table rates the seed's wording as only approximate, because Japan became a permanent member
# only later. The 2018 amphibious exercise in Kagoshima rests on a single U.S. Defense
# Department news article, which the table's caveats flag. The Camp David summit of 2023
# brought in South Korea, a 2025 pledge brought in the Philippines (by video call, the claims
# table notes), and in 2026 the allies agreed to extend combined training along the first
# island chain. Command arrangements moved too: Japan launched a permanent joint operations
# command in 2025, and U.S. Forces Japan is to become a joint force headquarters paired
# with it.

# %%
network = history.claims_for(["C068", "C070", "C077", "C079"])
Markdown(network[["paraphrase", "evidence_value", "verdict"]].to_markdown(index=False))

# %% [markdown]
# ## Exercises
#
# ### Exercise 5.1
# For each mission in `history.mission_spans(1990, 2026)` that has an end date, compute its
# length in years. Which mission lasted longest, and which kind of mission has the longest
# average? Explain why leaving out the open-ended missions biases the answer.

# %% tags=["solution"]
closed = history.mission_spans(1990, 2026).query("not open_ended").copy()
closed["years"] = ((closed["end"] - closed["start"]).dt.days / 365.25).round(1)
print(closed.sort_values("years", ascending=False)[["label", "kind", "years"]].to_string())
print(closed.groupby("kind")["years"].mean().round(1).sort_values().to_string())

# %% [markdown]
# ### Exercise 5.2
# A student adds up every `amount_usd_bn` in the Gulf War rows and reports the total as
# Japan's contribution. Show the number they would get, explain why it is wrong, and write the
# one-sentence summary you would give instead.

# %% tags=["solution"]
money = history.gulf_war_figures()
print(f"Naive sum of all rows: US${money.amount_usd_bn.sum():g} bn")
print(money[["scope", "amount_usd_bn", "source_kind"]].to_string(index=False))
print(
    "The rows repeat one contribution from different sources and scopes; "
    f"the 1990-91 total pledged is US${money.amount_usd_bn.max():g} bn."
)

# %% [markdown]
# ### Exercise 5.3
# Which Japanese prime minister presided over the most legislation, policy and guidelines
# events between 1990 and 2026? Use `history.leader_on`. Does the answer change if you count
# events per year in office rather than in total?

# %% tags=["solution"]
rules = history.events_between(1990, 2026, ["legislation", "policy", "guidelines"])
rules["prime_minister"] = rules["date"].map(history.leader_on)
per_pm = rules["prime_minister"].value_counts()
terms = ad.load("leaders").query("country_iso3 == 'JPN'")
years = (
    ((terms.term_end.fillna(terms.term_end.max()) - terms.term_start).dt.days / 365.25)
    .groupby(terms.name)
    .sum()
)
print((per_pm / years.reindex(per_pm.index)).round(2).sort_values(ascending=False).head())
per_pm.head()

# %% [markdown]
# ### Exercise 5.4
# Compare Japan's military spending as a share of GDP with South Korea's and Germany's for
# 2012–2024. In which year did Japan's gap to each of them narrow most? What does a
# share-of-GDP comparison hide that a constant-dollar comparison shows?

# %% tags=["solution"]
peers = ad.load("defense_spending").query(
    "country_iso3 in ['JPN', 'KOR', 'DEU'] and 2012 <= year <= 2024"
)
share = peers.pivot(index="year", columns="country_iso3", values="share_of_gdp_pct").round(2)
gap = share[["KOR", "DEU"]].sub(share["JPN"], axis=0)
print(share.to_string())
print(gap.diff().idxmin().to_string())

# %% [markdown]
# ## Key figures
#
# Fixed figures from the full tables, whatever the parameters.

# %% keep_output=true
# NBVAL_CHECK_OUTPUT
missions = ad.load("overseas_missions")
print(f"Mission rows: {len(missions)}; by kind:")
print(missions["kind"].value_counts().sort_index().to_string())
print("Gulf War figures (US$ bn) by scope:")
print(history.gulf_war_figures()[["scope", "amount_usd_bn"]].to_string(index=False))

# %% keep_output=true
# NBVAL_CHECK_OUTPUT
role = history.events_between(1990, 2026, history.ROLE_GROUPS)
print(history.events_per_year(role, 1990, 2026).sum().to_string())
japan = ad.load("defense_spending").query("country_iso3 == 'JPN'").set_index("year")
print(
    f"Japan milex share of GDP: 2022 {japan.share_of_gdp_pct[2022]:.1f}%, "
    f"2024 {japan.share_of_gdp_pct[2024]:.1f}%"
)

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
