# ---
# jupyter:
#   jupytext:
#     notebook_metadata_filter: kernelspec,jupytext,-jupytext.text_representation
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Chapter 6: Public opinion
#
# An alliance that stations foreign troops on national soil depends on the consent of the
# people who live next to them. This chapter asks what the surveys we could assemble say about
# Japanese views of the United States, and, just as much, what they cannot say: the series are
# short, patchy, reached mostly through second-hand reports, and broken by a change of method.
#
# **Learning goals**
#
# - Read a survey series that changes its mode of interviewing, without joining points across
#   the break.
# - Tell observed, derived and preliminary values apart and use each for what it can bear.
# - Compare Japan with other U.S. allies on Pew's favourability question and relate the changes
#   to U.S. presidential transitions.
# - Explain why confidence in a U.S. president and a favourable view of the United States are
#   different measures that can move apart.
# - Recognise claims the data cannot test: an unattributed 2007 poll and any Okinawa–mainland
#   contrast.

# %% tags=["parameters"]
start_year = 2000  # first survey year shown
end_year = 2025  # last survey year shown
compare_countries = ["KOR", "DEU"]  # Pew countries compared with Japan (ISO3 codes)

# %%
# ruff: noqa: E402, B018 (notebook: imports follow the parameters cell; tables display)
from IPython.display import Markdown

import alliance_data as ad
from alliance_data import plotting
from alliance_data import sources_review as sr

ad.validate_parameters(
    "06_public_opinion",
    start_year=start_year,
    end_year=end_year,
    compare_countries=compare_countries,
)
plotting.use_house_style()

# %% [markdown]
# ## 1. What the opinion table holds
#
# The `opinion` table gathers every survey value the project could trace, one row per survey,
# country, question and year. Two sources do most of the work. The first is the Japanese
# Cabinet Office's annual *Public Opinion Survey on Diplomacy*, the longest-running official
# question on feelings toward the United States. We did not obtain its own tables: each value
# was transcribed by hand from a newspaper or broadcaster's report, often as re-posted on a
# forum or blog. The second is the Pew Research Center's *Global Attitudes Survey*, which asks
# the same questions in many countries; we read it through a compilation published by
# FiveThirtyEight that stops in 2017. The overview below counts, for each survey and question,
# how many country-years we actually hold.

# %%
opinion = ad.load("opinion")
sr.survey_coverage(opinion)

# %% [markdown]
# Before using any number, look at who published it. The project's simple grading helper
# (explained fully in Chapter 8) marks a source **A** if it is the original producer of the
# figure, **B** for a compilation or a producer read through a copy, **C** for a secondary
# report read at its original address and **D** for a mirror, re-post or unattributed page.

# %%
graded = sr.grade_sources().set_index("source_id")
rows_per_source = opinion.groupby(["survey", "source_id"]).size().rename("rows").reset_index()
rows_per_source.join(graded[["publisher", "kind", "grade"]], on="source_id")

# %%
grades = rows_per_source.join(graded["grade"], on="source_id").groupby("grade")["rows"].sum()
Markdown(
    f"Of the {grades.sum()} rows in the table, {grades.get('D', 0)} rest on a grade-D page "
    f"(a mirror, forum re-post or blog), {grades.get('C', 0)} on grade C and "
    f"{grades.get('B', 0)} on the grade-B Pew compilation; none comes from a grade-A "
    "original. Read the Cabinet Office figures below as *reported* values, checked where "
    "two reports overlap, not as a copy of the official tables."
)

# %% [markdown]
# ## 2. The Cabinet Office series: a broken and patchy line
#
# The Cabinet Office asks whether respondents feel an affinity (*shitashimi*) toward the United
# States. In 2020 the survey switched from interviewers visiting respondents at home to a
# questionnaire sent by mail. A change of mode can shift the answers by itself: people answer a
# stranger at the door differently from a form at the kitchen table, and the people who return
# a mailed form are not the same people who open the door. Values on either side of 2020 are
# therefore not directly comparable, and the figure never joins them with a line.
#
# Three kinds of value sit in the series. Most are **observed**: a report gives the share for
# that year. Some are **derived**: a report gave only the change since the previous survey,
# and the project subtracted it from the reported value. The latest is **preliminary**, based on
# the questionnaires received before an early cut-off.

# %%
affinity = sr.opinion_series(
    "Cabinet Office", "affinity_toward_us", start_year=start_year, end_year=end_year
)
breaks = sr.mode_breaks(sr.opinion_series("Cabinet Office", "affinity_toward_us"))
gaps = sr.missing_years(affinity, start_year, end_year)
transitions = sr.presidential_transitions(start_year, end_year)
status = affinity["status"].value_counts()
Markdown(
    f"In {start_year}–{end_year} we hold a value for **{len(affinity)} of "
    f"{end_year - start_year + 1} years**; missing: {len(gaps)}. Values held: "
    f"observed {status.get('observed', 0)}, derived from a reported change "
    f"{status.get('derived', 0)}, preliminary {status.get('preliminary', 0)}."
)

# %%
fig, ax = plotting.new_figure()
sr.plot_mode_series(ax, affinity, start_year=start_year, end_year=end_year, breaks=breaks)
plotting.annotate_events(ax, transitions)
ax.legend(loc="lower left", bbox_to_anchor=(0.0, 0.12), fontsize=8)
note = (
    "Cabinet Office survey as reported in the press. Lines join consecutive years of one mode "
    "only; open markers: derived or preliminary; crosses: no value; dashed: U.S. presidents."
)
labels = dict(title="Japanese who feel an affinity toward the United States", xlabel="Survey year")
sources = [*affinity["source_id"], *transitions["source_id"]]
caption = plotting.finish(ax, **labels, ylabel="Respondents (%)", sources=sources, note=note)
span = f"{affinity.year.min()}–{affinity.year.max()}" if len(affinity) else "no values"
print(f"Data shown: {span} (window {start_year}–{end_year})")

# %% [markdown]
# The table behind the figure carries the notes made while transcribing. They matter: one
# report gives the previous year's value slightly differently from another, a derived value
# inherits any rounding in the reported change, and the preliminary value rests on early
# returns only.

# %%
affinity[["year", "value_pct", "mode", "status", "note", "source_id"]]

# %% [markdown]
# **Reading the figure.** Three cautions come before any trend. First, the series is mostly
# holes; a line drawn through the available points would invent the missing years. Second,
# the higher values after 2020 cannot be separated from the switch to mail: some, perhaps all,
# of the step may be a mode effect. Third, the latest point is preliminary and may be revised
# when all questionnaires are counted.
#
# Within each mode the picture is clearer, because the method is constant.

# %%
within = {mode: part for mode, part in affinity.groupby("mode_family")}
lines = []
for mode, part in within.items():
    top = part.loc[part["value_pct"].idxmax()]
    low = part.loc[part["value_pct"].idxmin()]
    lines.append(
        f"- **{mode}** ({part.year.min()}–{part.year.max()}, {len(part)} values): "
        f"highest {top.value_pct:.1f}% in {top.year} ({top.status}), lowest "
        f"{low.value_pct:.1f}% in {low.year} ({low.status})."
    )
Markdown("\n".join(lines) if lines else "No Cabinet Office values in the selected years.")

# %% [markdown]
# Even the best-attested swings are a few points in a series where a large majority already
# reports an affinity. The highs and lows line up loosely with events, for example the
# U.S. relief operation after the March 2011 earthquake (Operation Tomodachi) or a change of
# U.S. administration, but a handful of annual points cannot show cause. Notice also that the
# most recent fall is carried by a preliminary value.

# %% [markdown]
# ## 3. Japan among U.S. allies: Pew's favourability question
#
# Pew asks the same question in every country it covers: *do you have a favourable or
# unfavourable view of the United States?* Because the wording is fixed, Pew is the better
# source for comparing Japan with other allies, but it is not asked in every country every year.
# The figure shows each survey year as a point and joins only consecutive years, so the gaps
# stay visible.

# %%
pew_countries = ["JPN", *compare_countries]
favourable = sr.opinion_series("Pew", "favorable_view_of_us", pew_countries, start_year, end_year)
shown = ", ".join(sorted(favourable.country_iso3.unique())) or "no country"
span = f"{favourable.year.min()}–{favourable.year.max()}" if len(favourable) else "no values"
print(f"Data shown: {span} for {shown} (window {start_year}–{end_year})")

# %%
fig, ax = plotting.new_figure()
sr.plot_countries(ax, favourable, start_year=start_year, end_year=end_year)
plotting.annotate_events(ax, transitions)
ax.legend(loc="lower left", ncol=len(pew_countries), fontsize=9)
note = (
    "Pew Global Attitudes Survey. Lines join consecutive survey years only; gaps are years "
    "without a survey. Dashed: U.S. presidents taking office (Pew fieldwork is in spring)."
)
title = "Favourable view of the United States: Japan and other allies"
ylabel = "Respondents with a favourable view (%)"
sources = [*favourable["source_id"], *transitions["source_id"]]
caption = plotting.finish(
    ax, title=title, ylabel=ylabel, xlabel="Survey year", sources=sources, note=note
)

# %% [markdown]
# A change of president is the most visible event in these series, so the table below gives
# the change from the survey before each inauguration to the survey after it. A blank means
# one of the two years was not surveyed; it is not bridged.

# %%
changes = sr.changes_across(favourable, transitions["date"].dt.year)
changes.round(1)

# %%
jpn = favourable[favourable["country_iso3"] == "JPN"].set_index("year")["value_pct"]
spread = favourable.groupby("country_iso3")["value_pct"].agg(["min", "max"])
spread["range"] = spread["max"] - spread["min"]
text = [
    f"- **{c}**: from {r['min']:.0f}% to {r['max']:.0f}% ({r['range']:.0f} points)"
    for c, r in spread.iterrows()
]
Markdown(
    "Lowest and highest favourable shares in the selected years:\n\n" + "\n".join(text)
    if len(jpn)
    else "No Japanese Pew values in the selected years."
)

# %% [markdown]
# **Reading the figure.** With the default comparison (South Korea and Germany), the three
# countries tell different stories. Japanese and German views both sagged through the
# mid-2000s and recovered in 2009, but Germany's swings across the two presidential
# transitions were larger than Japan's; European opinion reacted strongly to the Iraq War
# years and to the change of president. South Korea's low point came earlier, and its views
# were already climbing before 2009. One reading of Japan's relative steadiness is that
# Japanese respondents judge the United States partly as a security partner and not only
# through its president, though these data cannot prove that. The fall in 2017, by contrast,
# shows up in every country surveyed in both years around it, Japan included.
#
# Two caveats limit this reading. Pew's values end in 2017 in the files we used, so nothing
# here speaks to later years; and a change of president is bundled with everything else that
# happened in that year, so the table shows association, not cause.

# %% [markdown]
# ## 4. Two measures that move apart
#
# Pew also asks whether respondents have confidence in the U.S. president to do the right
# thing in world affairs. It is tempting to treat this as another reading of the same
# attitude. The figure shows why that would be a mistake for Japan.

# %%
labels = {"favorable_view_of_us": "favourable view", "confidence_in_us_president": "confidence"}
both = sr.opinion_series("Pew", labels, ["JPN"], start_year, end_year)
lines = both.assign(country_iso3=both["measure"].map(labels))
fig, ax = plotting.new_figure()
sr.plot_countries(ax, lines, start_year=start_year, end_year=end_year)
plotting.annotate_events(ax, transitions)
ax.legend(loc="lower left", fontsize=9)
title = "Japan: favourable view of the U.S. vs confidence in its president"
note = "Pew Global Attitudes Survey, Japanese respondents. Lines join consecutive years only."
sources = [*both["source_id"], *transitions["source_id"]]
labels = dict(title=title, ylabel="Respondents (%)", xlabel="Survey year")
caption = plotting.finish(ax, **labels, sources=sources, note=note)

# %%
paired = both.pivot_table(index="year", columns="measure", values="value_pct").dropna()
if len(paired) > 1:
    fav, conf = paired["favorable_view_of_us"], paired["confidence_in_us_president"]
    widest = (fav - conf).abs().idxmax()
    msg = (
        f"In the {len(paired)} years with both questions, confidence in the president spans "
        f"{conf.max() - conf.min():.0f} points, favourability only {fav.max() - fav.min():.0f}. "
        f"The widest gap is in {widest}: {fav[widest]:.0f}% favourable but "
        f"{conf[widest]:.0f}% confident."
    )
else:
    msg = "Fewer than two years in the selected window have both questions."
Markdown(msg)

# %% [markdown]
# **Reading the figure.** Confidence in the president jumps with the person in office; the
# favourable view of the country moves far less. A Japanese respondent can dislike a
# president's foreign policy and still value the United States, and the gap between the two
# lines is a rough gauge of how far the alliance's public support is insulated from any one
# administration. The insulation is not complete: in the year when confidence collapses,
# favourability dips too. Note that the confidence question is missing for Japan in the
# early 2000s, so the comparison begins only in the mid-2000s.

# %% [markdown]
# ## 5. What these data cannot tell us
#
# ### The 2007 poll quoted by Wikipedia
#
# Seed document 001, a copy of the Wikipedia article on the alliance, cites a 2007 poll in which
# most Japanese said they valued the alliance and welcomed U.S. forces. The project kept it as a
# row, flagged, because it is the only figure in the seeds on the alliance itself rather than
# on the United States in general.

# %%
poll = opinion[opinion["survey"].str.startswith("Unnamed")].iloc[0]
same_value = opinion[(opinion["value_pct"] == poll.value_pct) & (opinion.index != poll.name)]
pew_all = sr.opinion_series("Pew", "favorable_view_of_us")
pew_2007 = pew_all[pew_all["year"] == poll.year]
Markdown(
    f"The poll gives **{poll.value_pct:.1f}%** for {poll.year}. Its flag is "
    f"`{poll.flag}`, its mode is '{poll['mode']}', and the note reads: *{poll.note}* "
    f"The only other row with exactly this value is the {same_value.year.iloc[0]} "
    f"{same_value.survey.iloc[0].split(',')[0]} share answering "
    f"`{same_value.measure.iloc[0]}`, a different year and question. Pew's {poll.year} "
    f"Japanese favourability, {pew_2007.value_pct.iloc[0]:.0f}%, is about the country, "
    "not the alliance or the bases."
)

# %% [markdown]
# The project's claims table rates this claim as follows:

# %%
Markdown(sr.claim_card("C029"))

# %% [markdown]
# The coincidence with a later Cabinet Office figure is a warning rather than a clue. An
# encyclopedia editor may have mis-dated a real number, or there may be a 2007 poll we did not
# find; without a pollster, a question and a sample, the figure cannot be weighed, and this
# chapter does not use it as evidence of anything.
#
# ### Two "relations are good" series that disagree
#
# The Cabinet Office and a joint Yomiuri Shimbun–Gallup poll both report the share of
# Japanese who think relations with the United States are good. Where both exist for the
# same year, they are far apart.

# %%
relations = opinion[opinion["measure"] == "relations_good"].pivot_table(
    index="year", columns="survey", values="value_pct"
)
relations.dropna().round(1)

# %% [markdown]
# The gap is far too large to be sampling error. The records we hold do not give the exact
# wording or the answer categories of either question, so we cannot say which is "right";
# most likely the two polls group different answers (for instance, whether "fairly good" counts
# as good) or offer different middle options. The lesson is general: a share is only as
# comparable as the question behind it, and two polls with similar headlines can measure
# different things.
#
# ### Okinawa and the mainland
#
# Seed 001 asserts that hostility to the alliance remains high in Okinawa. **That contrast
# cannot be examined with this data.** The `opinion` table records country-level results only,
# and the catalogue says so explicitly:

# %%
print("Geographic detail in opinion:", sorted(opinion["country_iso3"].unique()))
print("\n".join(c for c in ad.describe("opinion").caveats if "Okinawa" in c))

# %% [markdown]
# No Okinawa-only opinion series was found in any source consulted. What the project does hold
# are Okinawan *events*, such as prefectural referendums and mass rallies, listed below. They
# show that opposition is organised and recurrent, but a turnout or a vote on one base plan is
# not a survey share, so they cannot be set against the national figures above.

# %%
events = ad.load("events")
okinawa = events[
    events["title"].str.contains("Okinawa|Henoko|Ginowan", regex=True)
    & events["category"].isin(["protest", "election", "incident"])
]
okinawa[["date", "category", "title", "source_id"]]

# %% [markdown]
# ## Exercises
#
# ### Exercise 6.1
# Take the Cabinet Office affinity series (all years, not only the window). Find the last
# face-to-face value and the first mail value, and compute the difference. Write two sentences
# on why this difference cannot be read as a change in Japanese opinion, and on what kind of
# evidence would let you estimate the mode effect.

# %% tags=["solution"]
ex1 = sr.opinion_series("Cabinet Office", "affinity_toward_us")
ex1_last_f2f = ex1[ex1["mode_family"] == "face-to-face"].iloc[-1]
ex1_first_mail = ex1[ex1["mode_family"] == "mail"].iloc[0]
print(
    f"Last face-to-face: {ex1_last_f2f.value_pct} in {ex1_last_f2f.year} "
    f"({ex1_last_f2f.status}); first mail: {ex1_first_mail.value_pct} in "
    f"{ex1_first_mail.year} ({ex1_first_mail.status}); difference "
    f"{ex1_first_mail.value_pct - ex1_last_f2f.value_pct:+.1f} points"
)
# The step mixes any real change with the mode effect, the two points are not adjacent
# years, and the first mail value is itself derived. A parallel run (the same question asked
# face-to-face and by mail in the same year) would be needed to estimate the mode effect.

# %% [markdown]
# ### Exercise 6.2
# Using Pew's favourability question, compute each country's mean favourable share under
# George W. Bush (surveys 2001–2008) and under Barack Obama (2009–2016) for Japan and all
# countries in `compare_countries`. Which country's view shifted most between the two
# presidencies? Report how many surveys each mean rests on.

# %% tags=["solution"]
ex2 = sr.opinion_series("Pew", "favorable_view_of_us", ["JPN", *compare_countries])
ex2["president"] = ex2["year"].map(
    lambda y: "Bush" if 2001 <= y <= 2008 else "Obama" if 2009 <= y <= 2016 else None
)
ex2_means = ex2.dropna(subset=["president"]).pivot_table(
    index="country_iso3", columns="president", values="value_pct", aggfunc=["mean", "size"]
)
ex2_means[("mean", "shift")] = ex2_means[("mean", "Obama")] - ex2_means[("mean", "Bush")]
ex2_means.round(1)

# %% [markdown]
# ### Exercise 6.3
# Compare the Cabinet Office and Yomiuri–Gallup "relations are good" series in every year
# where both exist. Then look at the notes and sources of the rows involved. Which of the two
# would you cite for a statement about 2011, and what would you say about the other?

# %% tags=["solution"]
ex3 = opinion[opinion["measure"] == "relations_good"]
ex3_both = ex3.groupby("year").filter(lambda g: g["survey"].nunique() > 1)
ex3_both[["year", "survey", "value_pct", "note", "source_id"]].sort_values("year")
# Neither is "the" answer: they are different questions. Cite the one whose wording matches
# your statement, say which poll it is, and mention that another major poll gives a much
# lower share for the same year.

# %% [markdown]
# ## Key figures

# %% keep_output=true
# NBVAL_CHECK_OUTPUT
ko_pew = sr.opinion_series("Pew", "favorable_view_of_us").set_index("year")["value_pct"]
ko_co = sr.opinion_series("Cabinet Office", "affinity_toward_us")
ko_top = ko_co.loc[ko_co["value_pct"].idxmax()]
for year in (2000, 2008, 2011, 2017):
    print(f"Pew, Japan, favourable view of the U.S., {year}: {ko_pew[year]:.1f}%")
print(
    f"Cabinet Office affinity toward the U.S., highest: {ko_top.value_pct:.1f}% "
    f"in {ko_top.year} ({ko_top['mode']})"
)
print(
    f"Cabinet Office affinity survey-years held: {len(ko_co)} "
    f"({(ko_co.status == 'observed').sum()} observed)"
)
print(f"Pew Japan favourability survey-years held: {len(ko_pew)}")

# %% [markdown]
# ## Key takeaways
#
# - The official Japanese series on affinity toward the United States is high throughout the
#   years we hold, but most years are missing, several values are derived or preliminary, and
#   the 2020 switch from interviews to mail means the two halves cannot be joined.
# - On Pew's common question, Japanese views of the United States have been steadier than
#   German views across presidential transitions, yet they still dipped in 2017.
# - Confidence in the U.S. president and a favourable view of the United States are different
#   measures; for Japan, the first swings with the occupant of the White House, the second much
#   less.
# - The 2007 poll quoted by Wikipedia names no pollster or question and cannot be verified;
#   polls with similar headlines can differ widely because their questions differ.
# - No Okinawa-only opinion series was found, so this data cannot compare Okinawan and mainland
#   opinion; events such as referendums are not a substitute.

# %% [markdown]
# ## Sources

# %%
for table in ("opinion", "leaders", "events", "claims"):
    print(f"--- {table}\n{ad.cite(table)}\n")
