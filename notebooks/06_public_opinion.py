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
# # Chapter 6: Public opinion
#
# An alliance that stations foreign troops on national soil depends on the consent of the
# people who live next to them. This chapter asks what the surveys we could assemble say about
# Japanese views of the United States, and, just as much, what they cannot say: the official
# series is patchy, reached mostly through second-hand reports, and broken more than once by
# changes of method.
#
# **Learning goals**
#
# - Read a survey series that changes its mode of interviewing, its sample and its wording,
#   without joining points across a break.
# - Ask who published each value (official, scholarly, press, other web) before using it.
# - Compare Japan with other U.S. allies on Pew's favourability question and relate the changes
#   to U.S. presidential transitions.
# - Explain why confidence in a U.S. president and a favourable view of the United States are
#   different measures that can move apart.
# - Recognise claims the data cannot test: an unattributed 2007 poll and any Okinawa–mainland
#   contrast.

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
start_year = 1978  # first survey year shown
end_year = 2025  # last survey year shown
compare_countries = ["KOR", "DEU"]  # Pew countries compared with Japan (ISO3 codes)

# %%
import pandas as pd
from IPython.display import Markdown

import alliance_data as ad
from alliance_notebooks import check_parameters, citations, figures, plotting, publish, style
from alliance_notebooks.prose import count, listing
from alliance_notebooks.tables import show

# %%
checked = check_parameters(
    "06_public_opinion",
    start_year=start_year,
    end_year=end_year,
    compare_countries=compare_countries,
)
start_year, end_year = checked["start_year"], checked["end_year"]
window = f"{start_year}–{end_year}" if start_year < end_year else f"{start_year}"
citations.reset()

# %% [markdown]
# ## 6.1 What the opinion table holds
#
# The `opinion` table gathers every survey value the project could trace, one row per survey,
# country, question (`measure`) and year. Two sources do most of the work. The first is the
# Japanese Cabinet Office's annual *Public Opinion Survey on Diplomacy*, the longest-running
# official question on feelings toward the United States. The second is the Pew Research
# Center's *Global Attitudes Survey*, which asks the same questions in many countries. The
# cells below turn the measure codes into words and count, for each survey and question, how
# many country-years the whole table holds.

# %%
MEASURE_WORDS = ad.labels("opinion", "measure")  # codes in words, from the catalogue

# %%
opinion = ad.load("opinion")
sources = ad.load("sources").set_index("source_id")
opinion["question"] = opinion["measure"].map(MEASURE_WORDS).fillna(opinion["measure"])
opinion["quality"] = opinion["source_id"].map(sources["source_quality"])

# %%
held = opinion.groupby(["survey", "question"], as_index=False).agg(
    countries=("country_iso3", "nunique"),
    values=("year", "size"),
    first=("year", "min"),
    last=("year", "max"),
)
show(held.rename(columns={"first": "first year", "last": "last year"}))

# %% [markdown]
# Before using any number, look at who published it. Every source in the `sources` table is
# graded **official** (the government body that ran the survey), **scholarly** (a research
# organisation or a dataset built by one), **press** (a newspaper, broadcaster or news agency)
# or **other web** (aggregator, commentary and marketing pages). The table counts the rows of
# each survey by the grade of the page they were read from.

# %%
GRADES = list(style.CATEGORIES["source_quality"])  # official, scholarly, press, other_web
by_grade = pd.crosstab(opinion["survey"], opinion["quality"]).reindex(columns=GRADES, fill_value=0)
show(by_grade.rename(columns=lambda grade: style.name(grade, "source_quality")), index=True)

# %%
co_rows = opinion[opinion["survey"].str.startswith("Cabinet Office")]
co_grades = co_rows["quality"].value_counts()
official = co_grades.get("official", 0)

# %%
Markdown(
    f"Of the {len(co_rows)} Cabinet Office rows in the whole table, {official} "
    f"{'comes' if official == 1 else 'come'} from a Cabinet Office page; "
    f"{co_grades.get('press', 0)} rest on press reports and {co_grades.get('other_web', 0)} on "
    "other web pages. Read them as *reported* values, checked where two reports overlap, not "
    "as a copy of the official tables."
)

# %%
pew_rows = opinion[opinion["survey"].str.startswith("Pew")]
compiled = pew_rows[pew_rows["quality"] == "scholarly"]
later = pew_rows[pew_rows["year"] > compiled["year"].max()]
compiler = compiled["source_id"].iloc[0]

# %%
citations.note(compiler)
Markdown(
    f"Pew's values up to {compiled['year'].max()} come from a compilation of Pew's own files "
    f"({sources.loc[compiler, 'publisher']}); the {count(len(later), 'later Pew value')} (for "
    f"{listing(style.name(c) for c in sorted(later['country_iso3'].unique()))}) were read in "
    "press reports of Pew's releases."
)

# %% [markdown]
# ## 6.2 The Cabinet Office series: breaks and holes
#
# The Cabinet Office asks whether respondents feel an affinity (*shitashimi*) toward the
# United States; the share below adds those who feel it and those who somewhat feel it. It
# is the oldest question in the table, but the series is not one unbroken measurement. The
# table's flags and caveats record three breaks:
#
# - **Mode.** From 2020 the questionnaire is sent by mail; before, interviewers visited
#   respondents at home. People answer a stranger at the door differently from a form at the
#   kitchen table, and those who return a mailed form are not those who open the door. The
#   Cabinet Office itself warns that the two are not directly comparable.
# - **Sample.** From the 2016 survey the sample includes 18- and 19-year-olds (20 and over
#   before).
# - **Wording.** For some years in the late 1990s the question was worded differently; the
#   table holds no value for those years.
#
# Other flags mark how a value was obtained: **derived** values were computed from a change
# that a report gave, and one annual round was held in the January after its usual autumn.
# The house style gives every flag the same words and the same open marker in every chapter.
# The catalogue's caveat on the breaks:

# %%
print(next(c for c in ad.describe("opinion").caveats if "wording" in c))

# %%
co_all = co_rows[co_rows["measure"] == "affinity_toward_us"].sort_values("year")
affinity = co_all[co_all["year"].between(start_year, end_year)]
new_mode = co_all["mode"].ne(co_all["mode"].shift()) & co_all["mode"].shift().notna()
mail_from = co_all.loc[co_all["mode"] == "mail", "year"].min()  # the first mail survey
breaks = co_all.loc[new_mode | co_all["flag"].isin(["sample_change"]), "year"]  # basis changes
WORDING_YEARS = range(1996, 2001)  # worded differently, no value held (the table's caveats)
wording = [y for y in WORDING_YEARS if start_year <= y <= end_year]

# %%
if affinity.empty:
    text = f"No Cabinet Office affinity value in {window}."
else:
    print(f"Data shown: {affinity.year.min()}–{affinity.year.max()} (Cabinet Office affinity)")
    years = end_year - start_year + 1
    flags = affinity["flag"].dropna().map(lambda f: style.flag("opinion", f).name)
    text = (
        f"In {window} the table holds a value for **{len(affinity)} of {count(years, 'year')}**. "
    )
    if len(flags):
        text += "Flagged: " + listing(f"{w} ({n})" for w, n in flags.value_counts().items()) + "."
Markdown(text)

# %% [markdown]
# Figure 6.1 draws the series with two shared helpers: `plotting.series` joins points only
# across consecutive years and never across a break, and `plotting.mark_flags` puts an open
# marker on every flagged value, with its meaning in the legend.

# %%
if affinity.empty:
    print("Figure 6.1 is not drawn: no value in the window.")
else:
    fig, ax = figures.new_figure(figsize=(10, 6.4))
    look = style.look("cabinet_office")
    plotting.series(ax, affinity, "value_pct", breaks=breaks, **look)
    plotting.mark_flags(ax, affinity, "value_pct", table="opinion", colour=look["color"])
    drawn_breaks = breaks[breaks.between(affinity.year.min() + 1, affinity.year.max())]
    plotting.break_lines(ax, drawn_breaks, label="the survey's basis changes")
    if wording:
        ax.axvspan(wording[0] - 0.5, wording[-1] + 0.5, color="#dddddd", zorder=0,
                   label="question worded differently (no value held)")  # fmt: skip
    plotting.year_axis(ax, [*affinity["year"], *wording])
    ax.set_ylim(0, 100)
    plotting.legend_below(ax, ncol=2)
    figures.finish(
        ax,
        number="6.1",
        title="Japanese who feel an affinity toward the United States",
        ylabel="Respondents (%)",
        xlabel="Survey year",
        sources=affinity["source_id"],
        note="Cabinet Office survey as reported. Lines join consecutive years only"
        + (" and stop where the survey's basis changes" if drawn_breaks.any() else "")
        + f". Last value shown: {affinity.year.max()}.",
    )

# %% [markdown]
# The rows behind the figure carry the notes made while transcribing them. They matter: a
# derived value inherits any rounding in the reported change, and several values are the
# "previous year" figure quoted in the next year's report.

# %%
rows = affinity.assign(flagged=affinity["flag"].map(lambda f: style.flag("opinion", f).name,
                                                    na_action="ignore"))  # fmt: skip
show(rows[["year", "value_pct", "mode", "flagged", "note", "source_id"]], sources=rows.source_id)

# %% [markdown]
# **Reading Figure 6.1** (the cautions apply to the whole series, whatever the window).
# Three cautions come before any trend. First, most years are holes;
# a line drawn through the available points would invent the missing years. Second, the
# higher values after 2020 cannot be separated from the switch to mail: some, perhaps all, of
# the step may be a mode effect. Third, the values before and after the late-1990s wording
# change answer slightly different questions. Within one mode the comparison is fairer,
# because the method is constant:

# %%
lines = []
for era, part in affinity.groupby("mode"):  # interviews (face-to-face) or mail
    top, low = part.loc[part["value_pct"].idxmax()], part.loc[part["value_pct"].idxmin()]
    if len(part) == 1:
        lines.append(f"- **{era}**: one value, {top.value_pct:.1f}% in {top.year}.")
    else:
        lines.append(
            f"- **{era}** ({part.year.min()}–{part.year.max()}, {len(part)} values): highest "
            f"{top.value_pct:.1f}% in {top.year}, lowest {low.value_pct:.1f}% in {low.year}."
        )
Markdown("\n".join(lines) or f"No Cabinet Office affinity value in {window}.")

# %%
same_basis = affinity["year"].diff().eq(1) & ~affinity["year"].isin(breaks)
steps = (
    affinity["value_pct"].diff()[same_basis.values].set_axis(affinity["year"][same_basis.values])
)

# %%
if len(steps):
    big = steps.abs().idxmax()
    text = (
        "Between consecutive surveys of the same basis, the largest move is "
        f"{steps[big]:+.1f} points, into {big}."
    )
else:
    text = f"No two consecutive surveys of the same basis fall in {window}."
Markdown(text)

# %% [markdown]
# Year-to-year moves are small beside the share itself: in every year the whole table holds,
# a large majority reports an affinity. The highs and lows line up loosely with events, for
# example the U.S. relief operation after the March 2011 earthquake (Operation Tomodachi), but
# a handful of annual points cannot show cause.

# %% [markdown]
# ## 6.3 Japan among U.S. allies: Pew's favourability question
#
# Pew asks the same question in every country it covers: *do you have a favourable or
# unfavourable view of the United States?* Because the wording is fixed, Pew is the better
# source for comparing Japan with other allies, but it is not asked in every country every
# year, and its values here begin decades after the Cabinet Office's. Figure 6.2 shows each
# survey year as a point and joins only consecutive years, so the gaps stay visible. Dashed
# lines mark U.S. presidents taking office (Pew's fieldwork is in spring, after the January
# inauguration).

# %%
pew = pew_rows[pew_rows["year"].between(start_year, end_year)]
countries = ["JPN", *compare_countries]
favourable = pew[(pew["measure"] == "favorable_view_of_us") & pew["country_iso3"].isin(countries)]

# %%
for code in countries:
    if code not in set(favourable["country_iso3"]):
        print(f"{style.name(code)}: no Pew favourability value in {window}.")
if len(favourable):
    names = ", ".join(style.name(c) for c in countries if c in set(favourable["country_iso3"]))
    print(f"Data shown: {favourable.year.min()}–{favourable.year.max()} (Pew: {names})")

# %%
leaders = ad.load("leaders")
presidents = leaders[(leaders["country_iso3"] == "USA") & (leaders["office"] == "president")]
presidents = presidents.assign(
    date=presidents["term_start"], label=presidents["name"].str.split().str[-1]
)


# %%
def presidents_within(years):
    """Presidents taking office between the first and last year drawn."""
    return presidents[presidents["date"].dt.year.between(min(years), max(years))]


# %%
if favourable.empty:
    print("Figure 6.2 is not drawn: no Pew value in the window.")
else:
    fig, ax = figures.new_figure(figsize=(10, 6.4))
    for code, part in favourable.groupby("country_iso3"):
        look = style.look(code)
        plotting.series(ax, part, "value_pct", **look)
        press = part[part["quality"].isin(["press", "other_web"])]
        ax.scatter(press.year, press.value_pct, s=70, facecolors="white", zorder=5,
                   edgecolors=look["color"], marker=look["marker"], linewidths=1.5)  # fmt: skip
    if favourable["quality"].isin(["press", "other_web"]).any():
        plotting.legend_entry(ax, "open marker: read in a press report", marker="o",
                              markerfacecolor="white", color=style.INK)  # fmt: skip
    plotting.year_axis(ax, favourable["year"])
    ax.set_ylim(0, 100)
    shown_presidents = presidents_within(favourable["year"])
    plotting.annotate_events(ax, shown_presidents)
    plotting.legend_below(ax, ncol=3)
    figures.finish(
        ax,
        number="6.2",
        title="Favourable view of the United States: Japan and other allies",
        ylabel="Respondents with a favourable view (%)",
        xlabel="Survey year",
        sources=[*favourable["source_id"], *shown_presidents["source_id"]],
        note="Pew Global Attitudes Survey. Lines join consecutive survey years only."
        + (" Dashed: a U.S. president takes office." if len(shown_presidents) else ""),
    )

# %% [markdown]
# A change of president is the most visible event in these series, so the table gives the
# change from the survey before each inauguration year to the survey of that year. A dash
# means one of the two years was not surveyed; it is not bridged.

# %%
values = favourable.pivot_table(index="country_iso3", columns="year", values="value_pct")
values.index = values.index.map(style.name).rename("country")
changes = pd.DataFrame(index=values.index)
for year in presidents["date"].dt.year:
    if year in values.columns and year - 1 in values.columns:
        changes[f"{year - 1}→{year}"] = values[year] - values[year - 1]

# %%
if len(changes.columns):
    show(changes, index=True)
else:
    print(f"No transition in {window} has Pew surveys on both sides.")

# %%
spread = favourable.groupby("country_iso3")["value_pct"].agg(["min", "max", "size"])
Markdown(
    f"Lowest and highest favourable shares in {window}:\n\n"
    + "\n".join(
        f"- **{style.name(c)}**: "
        + (
            f"one value, {r['min']:.0f}%"
            if r["size"] == 1
            else f"from {r['min']:.0f}% to {r['max']:.0f}% ({r['max'] - r['min']:.0f} points)"
        )
        for c, r in spread.iterrows()
    )
    if len(spread)
    else f"No Pew favourability values in {window}."
)

# %% [markdown]
# **Reading Figure 6.2** at the chapter's default selection (Japan, South Korea and Germany,
# 1978–2025); other selections show other countries and years. The three countries tell
# different stories. Japanese and German views both sagged through the mid-2000s and
# recovered in 2009, but Germany's swings across presidential transitions were larger than
# Japan's; European opinion reacted strongly to the Iraq War years and to the change of
# president. South Korea's low point came earlier, and its views were already climbing before
# 2009. One reading of Japan's relative steadiness is that Japanese respondents judge the
# United States partly as a security partner and not only through its president, though these
# data cannot prove that. The fall in 2017 shows up in every country surveyed in both years
# around it, Japan included, and Japan's sharpest fall in the table comes in the pandemic year
# 2020. That is also the only Japanese Pew row whose survey mode the table records
# (telephone); for the other years the mode is not stated, so a change of mode can be neither
# ruled out nor confirmed.
#
# Two caveats limit this reading. After the compilation ends the table holds Pew values for
# Japan only, read from press reports; and a change of president is bundled with everything
# else that happened in that year, so the table shows association, not cause.

# %% [markdown]
# ## 6.4 Two measures that move apart
#
# Pew also asks whether respondents have confidence in the U.S. president to do the right
# thing in world affairs. It is tempting to treat this as another reading of the same
# attitude. Figure 6.3 shows why that would be a mistake for Japan.

# %%
japan = pew[pew["country_iso3"].eq("JPN")]
both = japan[japan["measure"].isin(["favorable_view_of_us", "confidence_in_us_president"])]

# %%
if both["measure"].nunique() < 2:
    print(f"Figure 6.3 is not drawn: {window} lacks one of the two questions.")
else:
    fig, ax = figures.new_figure(figsize=(10, 6))
    jpn = style.look("JPN")
    for measure, linestyle, marker in [
        ("favorable_view_of_us", "-", jpn["marker"]),
        ("confidence_in_us_president", "--", "s"),  # Japan's colour, its own marker
    ]:
        part = both[both["measure"] == measure]
        look = jpn | {"label": MEASURE_WORDS[measure], "marker": marker}
        plotting.series(ax, part, "value_pct", linestyle=linestyle, **look)
    plotting.mark_flags(ax, both, "value_pct", table="opinion", colour=jpn["color"])
    plotting.year_axis(ax, both["year"])
    ax.set_ylim(0, 100)
    shown_presidents = presidents_within(both["year"])
    plotting.annotate_events(ax, shown_presidents)
    plotting.legend_below(ax, ncol=2)
    figures.finish(
        ax,
        number="6.3",
        title="Japan: favourable view of the U.S. and confidence in its president",
        ylabel="Respondents (%)",
        xlabel="Survey year",
        sources=[*both["source_id"], *shown_presidents["source_id"]],
        note="Pew Global Attitudes Survey, Japanese respondents. Lines join consecutive survey "
        "years only."
        + (
            " Dashed vertical lines: a U.S. president takes office."
            if len(shown_presidents)
            else ""
        ),
    )

# %%
paired = both.pivot_table(index="year", columns="measure", values="value_pct")
paired = paired.dropna() if paired.shape[1] == 2 else paired.iloc[0:0]

# %%
if len(paired) > 1:
    fav, conf = paired["favorable_view_of_us"], paired["confidence_in_us_president"]
    gap = (fav - conf).abs()
    widest = gap[gap == gap.max()].index
    text = (
        f"In the {len(paired)} years with both questions, confidence in the president spans "
        f"{conf.max() - conf.min():.0f} points, favourability {fav.max() - fav.min():.0f}. "
        f"The widest gap, {gap.max():.0f} points, is in "
        + listing(f"{y} ({fav[y]:.0f}% favourable, {conf[y]:.0f}% confident)" for y in widest)
        + "."
    )
else:
    text = f"Fewer than two years in {window} have both questions."
Markdown(text)

# %% [markdown]
# **Reading Figure 6.3.** Confidence in the president jumps with the person in office; the
# favourable view of the country moves far less. A Japanese respondent can dislike a
# president's foreign policy and still value the United States, and the gap between the two
# lines is a rough gauge of how far the alliance's public support is insulated from any one
# administration. The insulation is not complete: in years when confidence collapses,
# favourability dips too. In the whole table the confidence question is missing for Japan in
# the early 2000s, and after the compilation ends only scattered values from press reports
# survive.

# %% [markdown]
# ## 6.5 What these data cannot tell us
#
# ### Two "relations are good" polls that disagree
#
# The Cabinet Office and a joint Yomiuri Shimbun–Gallup poll both report the share of
# Japanese who think relations with the United States are good. Figure 6.4 puts them side by
# side.

# %%
relations = opinion[
    (opinion["measure"] == "relations_good") & opinion["year"].between(start_year, end_year)
]

# %%
if relations["survey"].nunique() < 2:
    print(f"Figure 6.4 is not drawn: {window} lacks one of the two polls.")
else:
    fig, ax = figures.new_figure(figsize=(10, 5.6))
    for survey, part in relations.groupby("survey"):
        look = style.look(survey)  # the survey's own look, as in every chapter
        plotting.series(ax, part, "value_pct", breaks=breaks, **look)
        plotting.mark_flags(ax, part, "value_pct", table="opinion", colour=look["color"])
    plotting.year_axis(ax, relations["year"])
    ax.set_ylim(0, 100)
    plotting.legend_below(ax, ncol=2)
    figures.finish(
        ax,
        number="6.4",
        title="Japanese who say relations with the United States are good",
        ylabel="Respondents (%)",
        xlabel="Survey year",
        sources=relations["source_id"],
        note="Two polls with similar headlines. Lines join consecutive years only.",
    )

# %%
pairs = relations.pivot_table(index="year", columns="survey", values="value_pct").dropna()

# %%
if len(pairs.columns) == 2 and len(pairs):
    gap = (pairs.iloc[:, 0] - pairs.iloc[:, 1]).abs()
    relations_gap = round(gap.max(), 1)
    widest_years = listing(map(str, gap[gap == gap.max()].index))
    text = (
        f"The two polls overlap in {count(len(pairs), 'year')} ({listing(map(str, pairs.index))}); "
        f"the widest gap is {relations_gap} points, in {widest_years}."
    )
else:
    text = f"The two polls do not overlap in {window}."
Markdown(text)

# %% [markdown]
# Where the two polls overlap, the gap is far too large to be sampling error (38 points in the
# whole table's widest year). The records we hold give neither poll's exact wording nor its
# answer categories, so we cannot say which is "right"; most likely the two group different
# answers (for instance, whether "fairly good" counts as good) or offer different middle
# options. A share is only as comparable as the question behind it, and two polls with similar
# headlines can measure different things.
#
# ### The 2007 poll quoted by Wikipedia
#
# The Wikipedia article on the alliance, one of the project's seed documents, cites a 2007
# poll in which most Japanese said they valued the alliance and welcomed U.S. forces. The
# project kept it as a row, flagged, because it is the only figure in the seeds on the
# alliance itself rather than on the United States in general.

# %%
poll = opinion[opinion["measure"] == "appreciates_alliance_and_welcomes_us_forces"].iloc[0]
claim = ad.load("claims").set_index("claim_id").loc["C029"]

# %%
citations.note([poll.source_id, claim.source_id])
Markdown(
    f"The table gives **{poll.value_pct:.1f}%** for {poll.year} "
    f"({style.flag('opinion', poll.flag).name}): {poll.note} The claims table rates the claim "
    f"**{claim.verdict}**: {claim.explanation}"
)

# %% [markdown]
# Without a pollster, a question and a sample, the figure cannot be weighed, and this chapter
# does not use it as evidence of anything.
#
# ### Okinawa and the mainland
#
# The same seed asserts that hostility to the alliance remains high in Okinawa. **That
# contrast cannot be examined with this data.** The `opinion` table records country-level
# results only, and its catalogue entry says so:

# %%
places = listing(style.name(c) for c in sorted(opinion["country_iso3"].unique()))
print(f"Places surveyed in the opinion table: {places}.")
print("\n".join(c for c in ad.describe("opinion").caveats if "Okinawa" in c))

# %% [markdown]
# What the project does hold are Okinawan *events*, such as prefectural referendums and mass
# rallies. They show that opposition is organised and recurrent, but a turnout or a vote on
# one base plan is not a survey share, so they cannot be set against the national figures
# above. The events table's Okinawan protests, elections and incidents (all years):

# %%
events = ad.load("events")
okinawa = events[
    events["title"].str.contains("Okinawa|Henoko|Ginowan|Futenma", regex=True)
    & events["category"].isin(["protest", "election", "incident"])
]
show(okinawa[["date", "category", "title"]], sources=okinawa.source_id)

# %% [markdown]
# ## Key figures
#
# The chapter's headline numbers for the selected window.

# %%
pew_japan = favourable[favourable["country_iso3"] == "JPN"].set_index("year")["value_pct"]
key = {"co_affinity_values_held": len(affinity), "pew_japan_values_held": len(pew_japan)}
if len(affinity):
    co_top = affinity.loc[affinity["value_pct"].idxmax()]
    key |= {
        "co_affinity_first_year": affinity["year"].iloc[0],
        "co_affinity_first_pct": affinity["value_pct"].iloc[0],
        "co_affinity_highest_pct": co_top.value_pct,
        "co_affinity_highest_year": co_top.year,
    }
if start_year < mail_from <= end_year:
    key["co_mode_break_year"] = mail_from
if len(pew_japan):
    key |= {
        "pew_japan_lowest_pct": pew_japan.min(),
        "pew_japan_lowest_year": pew_japan.idxmin(),
        "pew_japan_highest_pct": pew_japan.max(),
        "pew_japan_highest_year": pew_japan.idxmax(),
    }
if len(paired) > 1:
    key["pew_japan_widest_gap_year"] = widest[0]
if len(pairs.columns) == 2 and len(pairs):
    key["relations_good_widest_gap_points"] = relations_gap
publish(**key)

# %% [markdown]
# ## Exercises
#
# ### Exercise 6.1
# Take the Cabinet Office affinity series for all years (not only the window). Compute the
# mean of the interview-era values held for 2008–2015, the years before the sample change,
# and the mean of the mail-era values. By how many points does the mail mean exceed the
# interview mean (one decimal)? Then write two sentences on why this difference cannot be read
# as a change in Japanese opinion, and on what kind of evidence would let you estimate the
# mode effect.

# %% tags=["solution"]
from alliance_notebooks.exercises import check

ex1 = opinion[
    opinion["survey"].str.startswith("Cabinet Office")
    & (opinion["measure"] == "affinity_toward_us")
]
ex1_interviews = ex1[ex1["year"].between(2008, 2015)]["value_pct"].mean()
ex1_mail = ex1[ex1["mode"] == "mail"]["value_pct"].mean()
ex1_answer = ex1_mail - ex1_interviews
print(f"interviews 2008–2015: {ex1_interviews:.1f}; mail: {ex1_mail:.1f}")
check("06.1", ex1_answer)
# The step mixes any real change with the mode effect (and the sample change of 2016). A
# parallel run, the same question asked by interview and by mail in the same year, would be
# needed to estimate the mode effect.

# %% [markdown]
# ### Exercise 6.2
# Using Pew's favourability question for **every** country in the table (not only those in
# `compare_countries`), compute each country's mean favourable share under George W. Bush
# (surveys 2001–2008) and under Barack Obama (2009–2016). Which country's mean rose most
# between the two presidencies? Give its ISO3 code, and report how many surveys each mean
# rests on.

# %% tags=["solution"]
from alliance_notebooks.exercises import check

ex2 = pew_rows[pew_rows["measure"] == "favorable_view_of_us"].copy()
ex2["president"] = pd.cut(ex2["year"], bins=[2000, 2008, 2016], labels=["Bush", "Obama"])
ex2_means = ex2.pivot_table(
    index="country_iso3",
    columns="president",
    values="value_pct",
    aggfunc=["mean", "size"],
    observed=False,
)
ex2_shift = ex2_means[("mean", "Obama")] - ex2_means[("mean", "Bush")]
print(ex2_means.round(1))
check("06.2", ex2_shift.idxmax())

# %% [markdown]
# ### Exercise 6.3
# The Cabinet Office reports both the share who feel an affinity toward the United States and
# the share who do not. What is left over is the share who gave neither answer. In which year
# held for both measures is that remainder largest? (Hint: put the two measures side by side
# with one row per year.)

# %% tags=["solution"]
from alliance_notebooks.exercises import check

ex3 = co_rows.pivot_table(index="year", columns="measure", values="value_pct")
ex3 = ex3[["affinity_toward_us", "no_affinity_toward_us"]].dropna()
ex3_rest = 100 - ex3.sum(axis=1)
print(ex3_rest.round(1))
check("06.3", ex3_rest.idxmax())

# %% [markdown]
# ## Key takeaways
#
# - The official Japanese series on affinity toward the United States is the longest in the
#   table, but most years are missing, several values are derived, and the 1990s wording change, the
#   2016 sample change and the 2020 switch from interviews to mail mean its parts cannot
#   simply be joined.
# - Most Cabinet Office values reach us through press and other web reports; the grade of
#   each page is part of the evidence.
# - On Pew's common question, Japanese views of the United States have been steadier than
#   German views across presidential transitions, yet they still fell in 2017 and 2020.
# - Confidence in the U.S. president and a favourable view of the United States are different
#   measures; for Japan, the first swings with the occupant of the White House, the second much
#   less.
# - The 2007 poll quoted by Wikipedia cannot be verified, polls with similar headlines can
#   differ widely, and no Okinawa-only opinion series was found.

# %% [markdown]
# ## Sources

# %%
citations.sources_cell()
