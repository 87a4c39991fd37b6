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

# %% tags=["parameters"]
start_year = 1978  # first survey year shown
end_year = 2025  # last survey year shown
compare_countries = ["KOR", "DEU"]  # Pew countries compared with Japan (ISO3 codes)

# %%
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import Markdown, display

import alliance_data as ad
from alliance_notebooks import check_parameters, publish, style

checked = check_parameters(
    "06_public_opinion",
    start_year=start_year,
    end_year=end_year,
    compare_countries=compare_countries,
)
start_year, end_year = checked["start_year"], checked["end_year"]
style.use_house_style()

# %% [markdown]
# ## 6.1 What the opinion table holds
#
# The `opinion` table gathers every survey value the project could trace, one row per survey,
# country, question (`measure`) and year. Two sources do most of the work. The first is the
# Japanese Cabinet Office's annual *Public Opinion Survey on Diplomacy*, the longest-running
# official question on feelings toward the United States. The second is the Pew Research
# Center's *Global Attitudes Survey*, which asks the same questions in many countries. The
# cell below turns the measure codes into words and counts, for each survey and question, how
# many country-years the table holds.

# %%
MEASURE_WORDS = {
    "affinity_toward_us": "feels an affinity toward the U.S.",
    "no_affinity_toward_us": "feels no affinity toward the U.S.",
    "relations_good": "thinks relations with the U.S. are good",
    "affinity_toward_china": "feels an affinity toward China",
    "favorable_view_of_us": "favourable view of the U.S.",
    "confidence_in_us_president": "confidence in the U.S. president",
    "confidence_in_us_president_age_18_34": "confidence in the U.S. president (ages 18–34)",
    "confidence_in_us_president_age_50_plus": "confidence in the U.S. president (ages 50+)",
    "appreciates_alliance_and_welcomes_us_forces": "values the alliance, welcomes U.S. forces",
}
SURVEY_KEYS = {"Cabinet Office": "cabinet_office", "Pew": "pew", "Yomiuri": "yomiuri_gallup"}

opinion = ad.load("opinion")
sources = ad.load("sources").set_index("source_id")
opinion["question"] = opinion["measure"].map(MEASURE_WORDS)
opinion["question"] = opinion["question"].fillna(opinion["measure"].str.replace("_", " "))
opinion["quality"] = opinion["source_id"].map(sources["source_quality"])

held = opinion.groupby(["survey", "question"]).agg(
    countries=("country_iso3", "nunique"),
    values=("year", "size"),
    first=("year", "min"),
    last=("year", "max"),
)
held

# %% [markdown]
# Before using any number, look at who published it. Every source in the `sources` table is
# graded **official** (the government body that ran the survey), **scholarly** (a research
# organisation or a dataset built by one), **press** (a newspaper, broadcaster or news agency)
# or **other web** (aggregator, commentary and marketing pages). The table counts the rows of
# each survey by the grade of the page they were read from.

# %%
by_quality = pd.crosstab(opinion["survey"], opinion["quality"])
by_quality = by_quality.reindex(columns=["official", "scholarly", "press", "other_web"])
by_quality.fillna(0).astype(int)

# %%
co_rows = opinion[opinion["survey"].str.startswith("Cabinet Office")]
co_quality = co_rows["quality"].value_counts()
pew_rows = opinion[opinion["survey"].str.startswith("Pew")]
compiled = pew_rows[pew_rows["quality"] == "scholarly"]
later = pew_rows[pew_rows["year"] > compiled["year"].max()]
display(
    Markdown(
        f"Of the {len(co_rows)} Cabinet Office rows, only {co_quality.get('official', 0)} "
        f"come from a Cabinet Office page; {co_quality.get('press', 0)} rest on press "
        f"reports and {co_quality.get('other_web', 0)} on other web pages. Read them as "
        "*reported* values, checked where two reports overlap, not as a copy of the official "
        f"tables. Pew's values up to {compiled['year'].max()} come from a compilation of "
        f"Pew's own files ({sources.loc[compiled['source_id'].iloc[0], 'publisher']}); the "
        f"{len(later)} later Pew values (for "
        f"{', '.join(style.name(c) for c in sorted(later['country_iso3'].unique()))}) were "
        "read in press reports of Pew's releases."
    )
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
# The cell below turns each flag found in the data into words (a flag this chapter does not
# know is described by the first sentence of its note).

# %%
FLAG_WORDS = {
    "mode_break": "first mail survey (interviews before)",
    "sample_change": "first sample aged 18+ (20+ before)",
    "derived_from_stated_change": "derived from a reported change",
    "fieldwork_following_january": "round held in the following January",
    "preliminary": "preliminary result",
    "approximate": "approximate value ('about 3 in 10')",
    "read_via_copy": "report read through a verbatim copy",
    "unverified_secondary": "unattributed second-hand figure",
}
BREAK_FLAGS = {"mode_break", "sample_change"}  # the series changes basis from that year on
WORDING_YEARS = range(1996, 2001)  # question worded differently (the table's caveats)

for flag in opinion["flag"].dropna().unique():
    if flag not in FLAG_WORDS:
        first_note = opinion.loc[opinion["flag"] == flag, "note"].dropna()
        FLAG_WORDS[flag] = first_note.iloc[0].split(". ")[0] if len(first_note) else flag
print(next(c for c in ad.describe("opinion").caveats if "wording" in c))

# %%
co_all = co_rows[co_rows["measure"] == "affinity_toward_us"].sort_values("year")
affinity = co_all[co_all["year"].between(start_year, end_year)]
breaks = []
for row in co_all[co_all["flag"].isin(BREAK_FLAGS)].itertuples():
    label = FLAG_WORDS[row.flag]
    if row.flag == "mode_break":
        stated = co_all[(co_all["year"] < row.year) & (co_all["mode"] != "not stated in source")]
        label = f"mode: {stated['mode'].iloc[-1]} → {row.mode}"
    breaks.append({"year": row.year, "label": f"{label} ({row.year})"})
breaks = pd.DataFrame(breaks, columns=["year", "label"])
breaks_shown = breaks[breaks["year"].between(start_year + 1, end_year)]

missing = [y for y in range(start_year, end_year + 1) if y not in set(affinity["year"])]
flags = affinity["flag"].map(FLAG_WORDS).value_counts()
if affinity.empty:
    print(f"No Cabinet Office affinity value in {start_year}–{end_year}.")
else:
    print(f"Data shown: {affinity.year.min()}–{affinity.year.max()} (Cabinet Office affinity)")
    display(
        Markdown(
            f"In {start_year}–{end_year} the table holds a value for **{len(affinity)} of "
            f"{end_year - start_year + 1} years**. "
            + " ".join(f"{n} flagged: {words}." for words, n in flags.items())
        )
    )


# %% [markdown]
# Figure 6.1 draws the series. Two small functions do the drawing and are reused for the
# other figures: `plot_runs` joins points only across consecutive years and never across a
# break, and `mark_flags` puts an open marker on every flagged value, with its meaning in the
# legend.

# %%
from matplotlib.ticker import MaxNLocator

MARKERS = ["D", "s", "^", "v", "P", "X", "h", "<", ">", "p", "*", "d"]
FLAG_MARKERS = dict(zip(FLAG_WORDS, MARKERS, strict=False))


def plot_runs(ax, rows, break_years=(), **look):
    """A line per run of consecutive years, split at each break year; one legend entry."""
    rows = rows.sort_values("year")
    run = rows["year"].isin(list(break_years)).cumsum()
    for i, (_, part) in enumerate(rows.groupby(run)):
        full = ad.with_all_years(part)
        ax.plot(full.index, full["value_pct"], **(look if i == 0 else {**look, "label": None}))


def mark_flags(ax, rows, colour):
    """Open markers over flagged values, one legend entry per flag."""
    for flag, part in rows.dropna(subset=["flag"]).groupby("flag"):
        ax.scatter(
            part["year"],
            part["value_pct"],
            marker=FLAG_MARKERS.get(flag, "o"),
            s=70,
            facecolors="white",
            edgecolors=colour,
            linewidths=1.5,
            zorder=5,
            label=FLAG_WORDS[flag],
        )


def year_axis(ax, years):
    """x from the first to the last year drawn (one year of margin), y from 0 to 100%."""
    ax.set_xlim(min(years) - 1, max(years) + 1)
    ax.set_ylim(0, 100)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))


# %%
if affinity.empty:
    print("Figure 6.1 is not drawn: no value in the window.")
else:
    fig, ax = style.new_figure(figsize=(10, 6.4))
    look = style.look("cabinet_office")
    plot_runs(ax, affinity, breaks["year"], **look)
    mark_flags(ax, affinity, look["color"])
    wording = [y for y in WORDING_YEARS if start_year <= y <= end_year]
    year_axis(ax, [*affinity["year"], *wording, *breaks_shown["year"]])
    lines = breaks_shown.assign(date=breaks_shown["year"] - 0.5)
    if wording:
        ax.axvspan(wording[0] - 0.5, wording[-1] + 0.5, color="#dddddd", zorder=0)
        words = f"question worded differently {wording[0]}–{wording[-1]} (no value held)"
        lines = pd.concat([lines, pd.DataFrame({"date": [wording[0] - 0.5], "label": [words]})])
    style.annotate_events(ax, lines)
    for x in breaks_shown["year"] - 0.5:
        ax.axvline(x, color="black", linewidth=1.5, zorder=1)
    ax.legend(loc="lower left", ncol=2, fontsize=10)
    caption = style.finish(
        ax,
        title="Japanese who feel an affinity toward the United States",
        ylabel="Respondents (%)",
        xlabel="Survey year",
        sources=affinity["source_id"],
        note="Cabinet Office survey as reported. Lines join consecutive years only and stop at "
        "each black line, where the survey's basis changes. Grey band: differently worded "
        f"question. Last value held: {affinity.year.max()}.",
    )
    plt.show()

# %% [markdown]
# The rows behind the figure carry the notes made while transcribing them. They matter: a
# derived value inherits any rounding in the reported change, and several values are the
# "previous year" figure quoted in the next year's report.

# %%
rows = affinity.assign(flagged=affinity["flag"].map(FLAG_WORDS))
rows[["year", "value_pct", "mode", "flagged", "note", "source_id"]].style.hide(axis="index")

# %% [markdown]
# **Reading Figure 6.1** (the cautions apply to the whole series, whatever the window).
# Three cautions come before any trend. First, most years are holes;
# a line drawn through the available points would invent the missing years. Second, the
# higher values after 2020 cannot be separated from the switch to mail: some, perhaps all, of
# the step may be a mode effect. Third, the values before and after the late-1990s wording
# change answer slightly different questions. Within one mode the comparison is fairer,
# because the method is constant:

# %%
mail_from = breaks.loc[breaks["label"].str.startswith("mode"), "year"]
mail_from = int(mail_from.iloc[0]) if len(mail_from) else end_year + 1
era = affinity["year"].ge(mail_from).map({False: "interviews", True: "mail"})
lines = []
for name, part in affinity.groupby(era):
    top = part.loc[part["value_pct"].idxmax()]
    low = part.loc[part["value_pct"].idxmin()]
    if len(part) == 1:
        lines.append(f"- **{name}**: one value, {top.value_pct:.1f}% in {top.year}.")
        continue
    lines.append(
        f"- **{name}** ({part.year.min()}–{part.year.max()}, {len(part)} values): highest "
        f"{top.value_pct:.1f}% in {top.year}, lowest {low.value_pct:.1f}% in {low.year}."
    )
years = affinity["year"].astype(float)
same_basis = years.diff().eq(1) & ~affinity["year"].isin(breaks["year"])
steps = affinity["value_pct"].diff()[same_basis]
steps.index = affinity["year"][same_basis]
if len(steps):
    big = steps.abs().idxmax()
    lines.append(
        f"\nBetween consecutive surveys of the same basis, the largest move is "
        f"{steps[big]:+.1f} points, into {big}."
    )
Markdown("\n".join(lines) if lines else "No Cabinet Office values in the selected years.")

# %% [markdown]
# Year-to-year moves are small beside the share itself: in every year held, a large
# majority reports an affinity. The highs and lows line up loosely with events, for example the U.S. relief
# operation after the March 2011 earthquake (Operation Tomodachi), but a handful of annual
# points cannot show cause.

# %% [markdown]
# ## 6.3 Japan among U.S. allies: Pew's favourability question
#
# Pew asks the same question in every country it covers: *do you have a favourable or
# unfavourable view of the United States?* Because the wording is fixed, Pew is the better
# source for comparing Japan with other allies, but it is not asked in every country every
# year, and its values here begin decades after the Cabinet Office's. Figure 6.2 shows each survey year as a point and
# joins only consecutive years, so the gaps stay visible. Dashed lines mark U.S. presidents
# taking office (Pew's fieldwork is in spring, after the January inauguration).

# %%
pew = pew_rows[pew_rows["year"].between(start_year, end_year)]
countries = ["JPN", *compare_countries]
favourable = pew[(pew["measure"] == "favorable_view_of_us") & pew["country_iso3"].isin(countries)]
for code in countries:
    if code not in set(favourable["country_iso3"]):
        print(f"{style.name(code)}: no Pew favourability value in {start_year}–{end_year}.")
if len(favourable):
    names = ", ".join(style.name(c) for c in countries if c in set(favourable["country_iso3"]))
    print(f"Data shown: {favourable.year.min()}–{favourable.year.max()} (Pew: {names})")

leaders = ad.load("leaders")
presidents = leaders[(leaders["country_iso3"] == "USA") & (leaders["office"] == "president")]
presidents = presidents.assign(
    date=presidents["term_start"], label=presidents["name"].str.split().str[-1]
)


def presidents_within(years):
    """Presidents taking office between the first and last year drawn."""
    inaugurated = presidents["date"].dt.year
    return presidents[inaugurated.between(min(years), max(years))]


# %%
if favourable.empty:
    print("Figure 6.2 is not drawn: no Pew value in the window.")
else:
    fig, ax = style.new_figure(figsize=(10, 6.2))
    for code, part in favourable.groupby("country_iso3"):
        look = style.look(code)
        plot_runs(ax, part, **look)
        press = part[part["quality"].isin(["press", "other_web"])]
        ax.scatter(
            press.year,
            press.value_pct,
            s=70,
            facecolors="white",
            edgecolors=look["color"],
            marker=look["marker"],
            linewidths=1.5,
            zorder=5,
        )
    if favourable["quality"].isin(["press", "other_web"]).any():
        ax.scatter(
            [],
            [],
            s=70,
            facecolors="white",
            edgecolors="black",
            label="open marker: read in a press report",
        )
    year_axis(ax, favourable["year"])
    shown_presidents = presidents_within(favourable["year"])
    style.annotate_events(ax, shown_presidents)
    ax.legend(loc="lower left", ncol=2, fontsize=10)
    last_other = favourable.loc[favourable["country_iso3"] != "JPN", "year"].max()
    after = (
        f" Values for other countries end in {last_other} in the files used."
        if pd.notna(last_other) and last_other < favourable["year"].max()
        else ""
    )
    caption = style.finish(
        ax,
        title="Favourable view of the United States: Japan and other allies",
        ylabel="Respondents with a favourable view (%)",
        xlabel="Survey year",
        sources=[*favourable["source_id"], *shown_presidents["source_id"]],
        note="Pew Global Attitudes Survey. Lines join consecutive survey years only. Dashed: a "
        "U.S. president takes office." + after,
    )
    plt.show()

# %% [markdown]
# A change of president is the most visible event in these series, so the table gives the
# change from the survey before each inauguration year to the survey of that year. A blank
# means one of the two years was not surveyed; it is not bridged.

# %%
values = favourable.pivot_table(index="country_iso3", columns="year", values="value_pct")
values.index = values.index.map(style.name)
changes = pd.DataFrame(index=values.index)
for year in presidents["date"].dt.year:
    if year in values.columns and year - 1 in values.columns:
        changes[f"{year - 1}→{year}"] = values[year] - values[year - 1]
changes.round(1) if len(changes.columns) else print("No transition with surveys on both sides.")

# %%
spread = favourable.groupby("country_iso3")["value_pct"].agg(["min", "max"])
Markdown(
    "Lowest and highest favourable shares in the selected years:\n\n"
    + "\n".join(
        f"- **{style.name(c)}**: from {r['min']:.0f}% to {r['max']:.0f}% "
        f"({r['max'] - r['min']:.0f} points)"
        for c, r in spread.iterrows()
    )
    if len(spread)
    else "No Pew favourability values in the selected years."
)

# %% [markdown]
# **Reading Figure 6.2** (at the default parameters: South Korea and Germany). The three
# countries tell different stories. Japanese and German views both sagged through the
# mid-2000s and recovered in 2009, but Germany's swings across presidential transitions were
# larger than Japan's; European opinion reacted strongly to the Iraq War years and to the
# change of president. South Korea's low point came earlier, and its views were already
# climbing before 2009. One reading of Japan's relative steadiness is that Japanese
# respondents judge the United States partly as a security partner and not only through its
# president, though these data cannot prove that. The fall in 2017 shows up in every country
# surveyed in both years around it, Japan included, and Japan's sharpest fall in the table
# comes in the pandemic year 2020. That is also the only Japanese Pew row whose survey mode
# the table records (telephone); for the other years the mode is not stated, so a change of
# mode can be neither ruled out nor confirmed.
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
if both["measure"].nunique() < 2:
    print(f"Figure 6.3 is not drawn: {start_year}–{end_year} lacks one of the two questions.")
else:
    fig, ax = style.new_figure(figsize=(10, 6))
    jpn = style.look("JPN")
    for measure, style_kw in [
        ("favorable_view_of_us", {"linestyle": "-", "marker": "o"}),
        ("confidence_in_us_president", {"linestyle": "--", "marker": "s"}),
    ]:
        part = both[both["measure"] == measure]
        plot_runs(ax, part, color=jpn["color"], label=MEASURE_WORDS[measure], **style_kw)
    mark_flags(ax, both, jpn["color"])
    year_axis(ax, both["year"])
    shown_presidents = presidents_within(both["year"])
    style.annotate_events(ax, shown_presidents)
    ax.legend(loc="lower left", fontsize=10)
    caption = style.finish(
        ax,
        title="Japan: favourable view of the U.S. and confidence in its president",
        ylabel="Respondents (%)",
        xlabel="Survey year",
        sources=[*both["source_id"], *shown_presidents["source_id"]],
        note="Pew Global Attitudes Survey, Japanese respondents. Lines join consecutive survey "
        "years only. Dashed vertical lines: a U.S. president takes office.",
    )
    plt.show()

# %%
paired = both.pivot_table(index="year", columns="measure", values="value_pct")
paired = paired.dropna() if paired.shape[1] == 2 else paired.iloc[0:0]
if len(paired) > 1:
    fav, conf = paired["favorable_view_of_us"], paired["confidence_in_us_president"]
    widest = (fav - conf).abs().idxmax()
    msg = (
        f"In the {len(paired)} years with both questions, confidence in the president spans "
        f"{conf.max() - conf.min():.0f} points, favourability {fav.max() - fav.min():.0f}. "
        f"The widest gap is in {widest}: {fav[widest]:.0f}% favourable but "
        f"{conf[widest]:.0f}% confident."
    )
else:
    msg = "Fewer than two years in the selected window have both questions."
Markdown(msg)

# %% [markdown]
# **Reading Figure 6.3.** Confidence in the president jumps with the person in office; the
# favourable view of the country moves far less. A Japanese respondent can dislike a
# president's foreign policy and still value the United States, and the gap between the two
# lines is a rough gauge of how far the alliance's public support is insulated from any one
# administration. The insulation is not complete: in years when confidence collapses,
# favourability dips too. The confidence question is missing for Japan in the early 2000s,
# and after the compilation ends only scattered values from press reports survive.

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
if relations["survey"].nunique() < 2:
    print(f"Figure 6.4 is not drawn: {start_year}–{end_year} lacks one of the two polls.")
else:
    fig, ax = style.new_figure(figsize=(10, 5.6))
    for survey, part in relations.groupby("survey"):
        key = next(k for prefix, k in SURVEY_KEYS.items() if survey.startswith(prefix))
        look = style.look(key)
        plot_runs(ax, part, breaks["year"], **look)
        mark_flags(ax, part, look["color"])
    year_axis(ax, relations["year"])
    ax.legend(loc="lower left", fontsize=10)
    caption = style.finish(
        ax,
        title="Japanese who say relations with the United States are good",
        ylabel="Respondents (%)",
        xlabel="Survey year",
        sources=relations["source_id"],
        note="Two polls with similar headlines. Lines join consecutive years only.",
    )
    plt.show()

# %%
pairs = relations.pivot_table(index="year", columns="survey", values="value_pct").dropna()
if len(pairs.columns) == 2 and len(pairs):
    gap = (pairs.iloc[:, 0] - pairs.iloc[:, 1]).abs()
    relations_gap = round(gap.max(), 1)
    display(
        Markdown(
            f"The two polls overlap in {len(pairs)} year(s) ({', '.join(map(str, pairs.index))}"
            f"); the widest gap is {relations_gap} points, in {gap.idxmax()}."
        )
    )
else:
    print(f"The two polls do not overlap in {start_year}–{end_year}.")

# %% [markdown]
# A gap of that size is far too large to be sampling error. The records we hold give neither
# poll's exact wording nor its answer categories, so we cannot say which is "right"; most
# likely the two group different answers (for instance, whether "fairly good" counts as good)
# or offer different middle options. A share is only as comparable as the question behind
# it, and two polls with similar headlines can measure different things.
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
Markdown(
    f"The table gives **{poll.value_pct:.1f}%** for {poll.year} ({FLAG_WORDS[poll.flag]}): "
    f"{poll.note} The claims table rates the claim **{claim.verdict}**: {claim.explanation}"
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
print(
    "Places surveyed in the opinion table:",
    ", ".join(style.name(c) for c in sorted(opinion["country_iso3"].unique())),
)
print("\n".join(c for c in ad.describe("opinion").caveats if "Okinawa" in c))

# %% [markdown]
# What the project does hold are Okinawan *events*, such as prefectural referendums and mass
# rallies. They show that opposition is organised and recurrent, but a turnout or a vote on
# one base plan is not a survey share, so they cannot be set against the national figures
# above.

# %%
events = ad.load("events")
okinawa = events[
    events["title"].str.contains("Okinawa|Henoko|Ginowan|Futenma", regex=True)
    & events["category"].isin(["protest", "election", "incident"])
]
okinawa[["date", "category", "title", "source_id"]].style.hide(axis="index")

# %% [markdown]
# ## Key figures
#
# The chapter's headline numbers for the selected window.

# %%
pew_japan = favourable[favourable["country_iso3"] == "JPN"].set_index("year")["value_pct"]
figures = {"co_affinity_values_held": len(affinity), "pew_japan_values_held": len(pew_japan)}
if len(affinity):
    co_top = affinity.loc[affinity["value_pct"].idxmax()]
    figures |= {
        "co_affinity_first_year": affinity["year"].iloc[0],
        "co_affinity_first_pct": affinity["value_pct"].iloc[0],
        "co_affinity_highest_pct": co_top.value_pct,
        "co_affinity_highest_year": co_top.year,
    }
if start_year < mail_from <= end_year:
    figures["co_mode_break_year"] = mail_from
if len(pew_japan):
    figures |= {
        "pew_japan_lowest_pct": pew_japan.min(),
        "pew_japan_lowest_year": pew_japan.idxmin(),
        "pew_japan_highest_pct": pew_japan.max(),
        "pew_japan_highest_year": pew_japan.idxmax(),
    }
if len(paired) > 1:
    figures["pew_japan_widest_gap_year"] = widest
if len(pairs.columns) == 2 and len(pairs):
    figures["relations_good_widest_gap_points"] = relations_gap
publish(**figures)

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
for table in ("opinion", "leaders", "events", "claims"):
    print(f"--- {table}\n{ad.cite(table)}\n")
