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
# # Chapter 1: Origins, 1945–1960
#
# The alliance between Japan and the United States was not born as a partnership of equals.
# It grew out of a military occupation, was written into a short pact signed on the same day
# as the peace settlement, and was renegotiated within a decade amid the largest street
# protests of Japan's postwar history. This chapter traces that arc with the project's tables
# of events, leaders, troop reports and treaty provisions, and asks what the evidence can and
# cannot tell us about why the bargain changed.
#
# **Learning goals**
#
# - Place the occupation, the San Francisco settlement, the 1951 Security Treaty and the 1960
#   revision on one timeline, next to the leaders who negotiated them.
# - Read the two treaties provision by provision, classify what changed, and use the ATOP
#   alliance coding to discuss why the revised alliance remained asymmetric.
# - Relate the anti-base protests of the 1950s to the shrinking U.S. presence on the mainland
#   and the growing one on Okinawa, without claiming more about cause than the data allow.
# - Test claims made in secondary sources against primary counts, and explain mismatches.
# - Treat the "Yoshida Doctrine" as a contested, after-the-fact label rather than a dated event.

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
start_year = 1945  # first year of events shown (integer)
end_year = 1960  # last year of events shown (integer)

# %%
import pandas as pd
from IPython.display import Markdown

import alliance_data as ad
from alliance_notebooks import check_parameters, citations, figures, plotting, publish, style
from alliance_notebooks.prose import count, date_words, listing, span
from alliance_notebooks.tables import show

# %%
checked = check_parameters("01_origins", start_year=start_year, end_year=end_year)
start_year, end_year = checked["start_year"], checked["end_year"]
window = span(start_year, end_year)  # "1945–1960", or "1952" for one year
style.use_house_style()
citations.reset()

# %% [markdown]
# ## The record we are working with
#
# Every later statement in this chapter rests on the `events` table: one row per dated
# milestone, each with a category, a summary written for this project, a note on how
# precisely the date is known, and the one source that states it. Before interpreting it,
# look at what it contains for the years selected and at what stands behind the rows.

# %%
events = ad.load("events").sort_values(["date", "title"]).reset_index(drop=True)
events["year"] = events["date"].dt.year
shown = events[events["year"].between(start_year, end_year)]
if len(shown):
    print(f"Data shown: {shown.year.min()}–{shown.year.max()} ({count(len(shown), 'event')})")
    show(shown["category"].value_counts().rename_axis("category").reset_index(name="events"))
else:
    print(f"Data shown: none (the events table has no row dated {window})")


# %%
sources = ad.load("sources").set_index("source_id")
# %%
grades = shown["source_id"].map(sources["source_quality"]).value_counts()
exact = int((shown["date_precision"] == "day").sum())
citations.note(shown["source_id"])
if shown.empty:
    text = "With no events in these years, there is nothing to grade."
else:
    known = (
        f"{exact} {'is' if exact == 1 else 'are'} known to the day"
        if len(shown) > 1
        else ("it is known to the day" if exact else "it carries only a month or a year")
    )
    rest = len(shown) - exact
    text = (
        f"Of the {count(len(shown), 'event')} dated {window}, {known}"
        + (
            f"; {rest} carr{'ies' if rest == 1 else 'y'} only a month or a year"
            if len(shown) > 1 and rest
            else ""
        )
        + ". By the grade of their source: "
        + listing(f"{style.name(g, 'source_quality').lower()} {n}" for g, n in grades.items())
        + "."
    )

# %%
Markdown(text)

# %% [markdown]
# Two cautions follow. First, this is a curated list, so the number of rows in a category
# measures the attention the compilers paid to it as much as the intensity of history: a
# protest movement that lasted years, such as Sunagawa, appears once, dated by its start.
# Second, the rows graded "other web" lean on encyclopedia articles, some read through mirror
# sites whose notes say so. Where the claims table has checked a date against better
# evidence, this chapter shows the verdict; where it has not, the date should be read as
# provisional.
#
# ## From surrender to sovereignty
#
# Japan's surrender in the summer of 1945 opened an occupation that was American in all but
# name. General MacArthur's headquarters governed through the Japanese cabinet and civil
# service rather than replacing them, and it presided over a new constitution whose Article 9
# renounced war and the maintenance of armed forces. As the Cold War hardened, and above all
# once war broke out in Korea in 1950, Washington's priorities shifted from disarming Japan to
# keeping it as a secure base and an economic bulwark in Asia. (The Korean War and the
# constitution are context here; the events table does not list them.)
#
# Independence and alliance then arrived as a package. The table records both the peace
# settlement and the bilateral security pact as signed on the same day and entering into force
# on the same day; the generated sentence below reads those dates from the data.

# %%
pact = ad.events_titled(
    [
        "Security Treaty signed",
        "Security Treaty enters into force",
        "San Francisco Peace Treaty enters into force",
    ]
).set_index("title")["date"]
signed = pact["Security Treaty signed"]
in_force = pact["Security Treaty enters into force"]
peace = pact["San Francisco Peace Treaty enters into force"]

# %%
citations.note(ad.events_titled(pact.index)["source_id"])
Markdown(
    f"The Security Treaty was signed on {date_words(signed)} and took effect on "
    f"{date_words(in_force)}; the peace treaty took effect on {date_words(peace)}, "
    f"{'the same day' if peace == in_force else 'a different day'}. "
    "The occupation ended, in other words, at the moment American forces were granted the "
    "right to stay."
)

# %% [markdown]
# Secondary accounts do not all agree on when the occupation ended. The claims table holds
# each dated statement from the seed documents next to the evidence and a verdict; the table
# below names the publication each statement comes from. One of them gives the end of the
# occupation as the year the treaties were signed rather than the year they took effect, an
# easy slip because the two events are months apart and share a name.

# %%
claims = ad.load("claims").set_index("claim_id")
claims["publication"] = claims["seed_source_id"].map(sources["publisher"] + ": " + sources["title"])
claim_columns = ["publication", "paraphrase", "evidence_value", "verdict"]
checked_claims = claims.loc[["C033", "C036", "C038"]]
show(checked_claims[claim_columns], sources=checked_claims.seed_source_id)

# %% [markdown]
# ## The Yoshida line: a doctrine named after the fact
#
# Shigeru Yoshida led most of Japan's governments in these years. His line, as usually
# summarised, was to lean on the United States for protection, keep rearmament minimal, and
# give economic recovery priority over everything else. The events table lists a row for the
# doctrine's emergence; the line below shows how precisely it is dated and what stands behind
# it. That row deserves scepticism, and the claims table shows why.

# %%
doctrine_row = ad.events_titled(["Yoshida Doctrine emerges"]).iloc[0]
doctrine_source = sources.loc[doctrine_row.source_id]
print(
    f"'{doctrine_row.title}': dated {doctrine_row.date:%Y} (precision: "
    f"{doctrine_row.date_precision}); source: {doctrine_source.publisher}, "
    f"{doctrine_source.title} (graded {doctrine_source.source_quality.replace('_', ' ')})"
)
yoshida = ad.load("leaders").query("name == 'Shigeru Yoshida'")
terms = "; ".join(f"{t.term_start:%b %Y}–{t.term_end:%b %Y}" for t in yoshida.itertuples())
print(f"Yoshida's terms as prime minister ({len(yoshida)}): {terms}")
citations.note([doctrine_row.source_id, *yoshida.source_id])
checked_claims = claims.loc[["C055", "C056", "C057"]]
show(checked_claims[claim_columns], sources=checked_claims.seed_source_id)

# %% [markdown]
# The checks pull in two directions. The year the doctrine supposedly took shape could not be
# confirmed, while the year the *label* was coined could: it was applied decades later by
# analysts looking back. Yoneyuki Sugita's article, whose title calls the doctrine a myth,
# argues that the coherent grand strategy later attributed to Yoshida was largely assembled
# after the fact from choices that were improvised under American pressure and domestic
# constraints. The prudent reading is that a recognisable policy pattern existed in the early
# 1950s (low defence effort, reliance on U.S. forces, priority to growth), but that calling it
# a doctrine with a birth year imposes more design than the record shows. The seed's compressed
# dating of Yoshida's premiership is a smaller version of the same problem: his time in office
# was split, and its first spell falls in the early occupation.
#
# ## The period at a glance
#
# The figure below places every event of the selected years on one row per category, with
# Japanese prime ministers and U.S. presidents as bands beneath. Filled markers are dated to
# the day; hollow ones only to a month or a year, so their horizontal position is approximate.
# Markers that share a row and a date are spread vertically so none is hidden; events only
# days apart still overlap, so the crowded weeks of 1960 are listed in full further below.
# The drawing is a function of this chapter, defined in the next cell so you can change it.


# %%
def mark_events(ax, events):
    """Events as markers, one row per category (filled: dated to the day); markers of one
    row and date are spread vertically. Returns the row of each category."""
    categories = list(dict.fromkeys(events.sort_values("date")["category"]))
    rows = {c: i + 2 for i, c in enumerate(reversed(categories))}
    x = plotting.decimal_year(events["date"])
    rank = events.groupby(["category", "date"]).cumcount()
    size = events.groupby(["category", "date"])["title"].transform("size")
    y = events["category"].map(rows) + (rank - (size - 1) / 2) * 0.22
    exact = events["date_precision"] == "day"
    ax.scatter(x[exact], y[exact], s=42, color=style.INK, zorder=3, label="dated to the day")
    ax.scatter(x[~exact], y[~exact], s=42, facecolor="white", edgecolor=style.INK,
               linewidth=1.4, zorder=3, label="dated to the month or year")  # fmt: skip
    return rows


# %%
def leader_bands(ax, leaders):
    """Terms of office as bands (Japan on row 1, United States on row 0), each named where
    the name fits. Returns the names too short to hold a label."""
    labels = []
    for row, country in ((1, "JPN"), (0, "USA")):
        terms = leaders[leaders["country_iso3"] == country].reset_index(drop=True)
        for i, term in terms.iterrows():
            bar = ax.barh(row, term.x1 - term.x0, left=term.x0, height=0.7, zorder=2,
                          color=style.colour(country), alpha=0.35 if i % 2 else 0.6)[0]  # fmt: skip
            surname = term["name"].split()[-1]
            text = ax.text((term.x0 + term.x1) / 2, row, surname, ha="center", va="center")
            labels.append((text, bar, surname))
    ax.figure.canvas.draw()  # measure each name against its band; drop names that do not fit
    unlabelled, named = [], set()
    for text, bar, surname in labels:
        if text.get_window_extent().width > bar.get_window_extent().width - 4:
            text.remove()
            unlabelled.append(surname)
        else:
            named.add(surname)
    return [s for s in dict.fromkeys(unlabelled) if s not in named]


# %%
leaders = ad.load("leaders")
low, high = pd.Timestamp(start_year, 1, 1), pd.Timestamp(end_year + 1, 1, 1)
term_end = leaders["term_end"].fillna(high)
# %%
in_office = leaders[(leaders["term_start"] < high) & (term_end > low)].copy()
in_office["x0"] = plotting.decimal_year(in_office["term_start"].clip(lower=low))
in_office["x1"] = plotting.decimal_year(term_end[in_office.index].clip(upper=high))

# %%
fig, ax = figures.new_figure(figsize=(10, 7))
rows = mark_events(ax, shown)
ax.set_yticks([0, 1, *rows.values()], ["U.S. president", "Japan PM", *rows.keys()])
ax.set_ylim(-0.6, len(rows) + 1.6)
ax.set_xlim(start_year - 0.25, end_year + 1)
plotting.year_axis(ax, [], margin=0)
ax.grid(axis="y", alpha=0.15)
plotting.legend_below(ax)
short = leader_bands(ax, in_office)
figures.finish(
    ax,
    number="1.1",
    title=f"Alliance events by category, {window}",
    ylabel="Event category / office",
    xlabel="Year",
    sources=[*shown["source_id"], *in_office["source_id"]],
    note="Bands show terms of office, in each country's colour; too short to name: "
    f"{listing(short) or 'none'}.",
)

# %%
pms = in_office.query("country_iso3 == 'JPN'")
presidents = in_office.query("country_iso3 == 'USA'")
per_year = shown["year"].value_counts()
top = sorted(per_year[per_year == per_year.max()].index) if len(shown) else []
busiest = (
    f"The busiest {'year' if len(top) == 1 else 'years'} shown: {listing(top)}, with "
    f"{count(per_year.max(), 'event')}{' each' if len(top) > 1 else ''}."
    if top
    else "No event falls in these years."
)

# %%
Markdown(
    f"In {window} the bands show {count(len(pms), 'prime-ministerial term')} held by "
    f"{count(pms['name'].nunique(), 'person', 'people')}, against "
    f"{count(presidents['name'].nunique(), 'U.S. president')}. {busiest}"
)

# %% [markdown]
# Over the chapter's period, 1945–1960 (whatever the window), the picture has a clear shape.
# The cell below counts the events of each year in the whole table for those years.

# %%
period = events[events["year"].between(1945, 1960)]
per_year_all = period["year"].value_counts().sort_index()
bursts = per_year_all.nlargest(3).index.sort_values()

# %%
Markdown(
    f"Of the {count(len(period), 'event')} the table dates 1945–1960, "
    f"{per_year_all[bursts].sum()} fall in {listing(bursts)} alone: "
    + listing(f"{count(per_year_all[y], 'event')} in {y}" for y in bursts)
    + "."
)

# %% [markdown]
# Events bunch in two bursts: the settlement of 1951–52, negotiated by Yoshida under Truman,
# and the revision and crisis of 1960 under Eisenhower. Between them run protests and incidents, each of them a local quarrel
# about land, jurisdiction or conduct rather than about grand strategy. The instability of
# Japanese politics during the occupation is visible in the crowded left end of the
# prime-ministerial band, while the long Yoshida band marks the stretch in which the basic
# bargain was struck. A timeline cannot show causation; it can show sequence, and the
# sequence is that grievances accumulated through the 1950s before the treaty was reopened.
#
# ## Bases, protest and the drawdown
#
# Sovereignty did not empty the bases. The protests of the decade were mostly about what the
# bases did to the people living beside them. At **Uchinada** on the Ishikawa coast, villagers
# fought an artillery range that occupied their fishing grounds. **Bloody May Day**, days after
# sovereignty returned, turned a Tokyo labour rally against the security arrangements into a
# pitched battle with police. At **Sunagawa**, plans to lengthen the Tachikawa air base runway
# onto farmland produced a long resistance campaign; a related lawsuit led a Tokyo court in
# 1959 to rule the stationing of U.S. forces unconstitutional before the Supreme Court reversed
# it later that year (context not recorded in the events table). The **Girard incident**, in
# which a U.S. soldier killed a Japanese woman collecting scrap metal on a firing range,
# turned into a dispute over which country had the right to try him.
#
# The next figure sets these events against U.S. military personnel in Japan, split into the
# mainland, Okinawa and the Bonin/Volcano Islands as the Defense Department reports list them
# (the `troops_japan_by_area` table). Each bar sits at the month of its report, and the dashed
# lines mark the first protest or incident of each year in the table.

# %%
by_area = ad.load("troops_japan_by_area")
areas = by_area.pivot(index="year", columns="area", values="personnel").astype("Float64")
areas["total"] = areas.sum(axis=1)
report = by_area.groupby("year").agg(
    report_month=("report_month", "first"),
    distorted=("flag", lambda f: f.eq("split_distorted").any()),
)
troops = areas.join(report).loc[start_year:end_year]
months = {"March": 3, "June": 6, "September": 9}
troops["x"] = troops.index + (troops["report_month"].map(months) - 0.5) / 12
area_coverage = f"{by_area.year.min()}–{by_area.year.max()}"
if troops.empty:
    inside = by_area.year.min() <= end_year and start_year <= by_area.year.max()
    why = f"no report in {window}" if inside else f"the area split covers {area_coverage} only"
    print(f"Troop reports shown: none ({why})")
else:
    first, last = troops.index.min(), troops.index.max()
    print(f"Troop reports shown: {first}–{last} ({len(troops)} reports)")
    if last < end_year:
        print(f"The area split ends with the {last} report; later years are not drawn.")


# %%
def report_note(troops):
    """The caption's words on report months, missing reports and distorted splits."""
    gaps = sorted(set(range(troops.index.min(), troops.index.max())) - set(troops.index))
    months = listing(
        f"{month} ({span(years.min(), years.max())})"
        for month, years in troops.index.to_series().groupby(troops["report_month"], sort=False)
    )
    note = f"Report month: {months}. No report: {listing(gaps) or 'none'}."
    if troops["distorted"].any():
        hatched = listing(troops.index[troops["distorted"]])
        note += f" Hatched ({hatched}): the report counts Okinawa's air force personnel with the mainland."
    return note


# %%
if len(troops):
    fig, ax = figures.new_figure()
    placed = troops.set_index("x")  # each bar at its report's month
    totals = plotting.stacked_bars(ax, placed, ["mainland", "okinawa", "bonin_volcano"],
                                   hatched=placed.index[placed["distorted"]], width=0.6)  # fmt: skip
    plotting.year_axis(ax, [troops.index.min(), troops.index.max() + 1], margin=0.5)
    ax.set_ylim(0, 1.1 * totals.max())
    figures.thousands(ax)
    ax.legend(loc="upper right")
    protests = shown[shown["category"].isin(["protest", "incident"])]
    protests = protests[protests["date"] < pd.Timestamp(troops.index.max() + 1, 1, 1)]
    first_each_year = protests.groupby("year").head(1)
    plotting.annotate_events(ax, first_each_year.assign(label=first_each_year["title"]))
    figures.finish(
        ax,
        number="1.2",
        title="U.S. military personnel in Japan, by area",
        ylabel="Personnel (persons)",
        xlabel="Year (bars placed at each report's month)",
        sources=[
            *by_area.loc[by_area.year.between(start_year, end_year), "source_id"],
            *first_each_year["source_id"],
        ],  # fmt: skip
        note=report_note(troops),
    )

# %%
decade = areas.join(report).loc[1950:1960]
mainland_cut = 1 - decade.loc[1960, "mainland"] / decade.loc[1955, "mainland"]
okinawa_rise = decade.loc[1960, "okinawa"] / decade.loc[1955, "okinawa"] - 1
okinawa_share = decade["okinawa"] / decade["total"]
peak = int(decade["total"].max())
peak_year = int(decade["total"].idxmax())

# %%
Markdown(
    "In the reports of 1950–1960 (whatever the window), U.S. strength in Japan peaked at "
    f"{peak:,} in the {peak_year} report. Between the 1955 "
    f"and 1960 reports the mainland contingent fell by {mainland_cut:.0%}, while the Okinawa "
    f"contingent grew by {okinawa_rise:.0%}. Okinawa's share of the total was "
    f"{okinawa_share[1955]:.0%} in 1955 and {okinawa_share[1960]:.0%} in 1960."
)

# %% [markdown]
# The shape is a transfer as much as a withdrawal. Forces left the main islands, where they
# had become a political liability, faster than they left Japan as a whole, and Okinawa, still
# under U.S. administration and outside the reach of Japanese voters and courts, absorbed part
# of the difference. One of the seed documents tells exactly this story, and the claims table
# rates its qualitative version as consistent with the reports.
#
# It is tempting to go further and say the protests caused the drawdown. The data cannot
# carry that weight. The fall began after the Korean armistice of 1953, coincided with the
# Eisenhower administration's shift toward air and nuclear power in its defence planning, and
# overlapped with the build-up of Japan's own Self-Defense Forces from 1954. Protest made the
# mainland presence costly, but the same bars are consistent with several causes acting
# together. Note also the breaks in the series, read from the table below: years with no
# report, and a change of report month, which makes one step span more than a year. The
# Bonin/Volcano row is too small to see.

# %%
decade_years = decade.index.to_series()
missing = sorted(set(range(1950, 1961)) - set(decade_years))
switch = decade["report_month"].ne(decade["report_month"].shift()).iloc[1:]
Markdown(
    f"Reports 1950–1960: none for {listing(missing) or 'no year'}; the report "
    f"month changes in {listing(switch[switch].index) or 'no year'} "
    f"(from {decade['report_month'].iloc[0]} to {decade['report_month'].iloc[-1]})."
)

# %% [markdown]
# Secondary sources sometimes overstate the scale. The claims table flags one seed's figure
# for the mid-1950s as conflicting with every report and compilation checked:

# %%
big = claims.loc["C001"]
Markdown(
    f"The figure given in {big.publication} is {int(big.claimed_value):,} personnel; the highest "
    f"report of the decade is {peak:,}, so the claim exceeds the record by "
    f"{big.claimed_value / peak - 1:.0%}. Verdict: **{big.verdict}**."
)

# %% [markdown]
# ## Two treaties side by side
#
# The 1960 Treaty of Mutual Cooperation and Security replaced the 1951 pact outright. The
# `treaty_provisions` table compares them on a common list of provisions. A "?" in the article
# column means the article number could not be verified in the texts consulted, not that the
# provision is missing.

# %%
provisions = ad.load("treaty_provisions")
provisions["articles"] = (
    provisions["article_1951"].fillna("?") + " → " + provisions["article_1960"].fillna("?")
)
reading_copy = provisions[["provision", "treaty_1951", "treaty_1960", "articles", "change"]]
show(
    reading_copy.rename(
        columns={
            "provision": "Provision",
            "treaty_1951": "1951 Security Treaty",
            "treaty_1960": "1960 Treaty",
            "articles": "Articles (1951 → 1960)",
            "change": "Change",
        }
    ),
    sources=provisions.source_id,
)

# %%
changes = provisions["change"].value_counts()
Markdown(
    f"Of the {changes.sum()} provisions compared, "
    + listing(f"{n} {kind}" for kind, n in changes.items())
    + " (1951 → 1960)."
)

# %% [markdown]
# Read as a list, the revision looks like a march toward equality. The United States now
# declared that it would act against an armed attack on territory under Japanese
# administration (Article V). The clause allowing U.S. forces to put down large-scale riots
# inside Japan disappeared, as did Washington's veto over bases for third countries (the table
# infers that removal from the clause's absence, so it is a weaker finding than the others).
# A fixed minimum term and a notice procedure replaced an agreement that had no exit at all.
# Prior consultation before U.S. forces in Japan were sent into combat elsewhere was promised,
# but in an exchange of notes alongside the treaty rather than in a numbered article, which
# left its practical force to later interpretation.
#
# Yet the core of the bargain stayed put. The "Far East clause" survived: bases in Japan could
# still serve security in the wider region, not only the defence of Japan. The Alliance Treaty
# Obligations and Provisions (ATOP) project, which codes alliances across the world on the same
# scheme, scores both treaties as **asymmetric**: the United States carries a defence
# obligation, Japan does not. Japan's Article V undertaking covers only attacks on territory it
# administers (U.S. bases in Japan included), so Japan is never bound to help defend the
# United States or its forces anywhere else. ATOP's basing code is the same for both
# treaties. What Japan gives in return is access: land, facilities, and (from the late 1970s)
# money. The exchange of protection for bases is the alliance's enduring asymmetry, and it is
# why later chapters measure Japan's contribution in host-nation support and missions rather
# than in mutual defence.
#
# ## The Anpo crisis of 1960
#
# *Anpo* is the Japanese abbreviation for the security treaty, and 1960 is the year the name
# became a byword for mass protest. The events table follows the crisis, from the opening of
# the revision talks to the cabinet's fall, almost week by week:

# %%
talks = ad.events_titled(["Treaty revision talks open"]).iloc[0]
crisis = events[(events["date"] >= talks.date) & (events["year"] <= 1960)]
show(crisis[["date", "category", "title"]], sources=crisis.source_id)

# %% [markdown]
# Kishi Nobusuke, a wartime cabinet minister who had been held as a suspected war criminal,
# wanted the revised treaty as proof that Japan had regained equal standing. The opposition was
# broad: Socialists and Communists, the labour federations, the student movement, and many
# intellectuals who feared that a tighter alliance would drag Japan into American wars and who
# preferred neutrality. What turned opposition into a national crisis was procedure, and the
# dates in the next paragraph are read from the events table.

# %%
anpo_rows = ad.events_titled(
    [
        "Lower house passes revised treaty",
        "Revised treaty approved by default",
        "1960 treaty enters into force",
        "Kishi cabinet resigns",
        "Mass rally around the Diet",
    ]
)
anpo = anpo_rows.set_index("title")["date"]

# %%
Markdown(
    "After police carried opposition members out of the chamber, the ruling party pushed the "
    f"treaty through the lower house on {date_words(anpo['Lower house passes revised treaty'])}; "
    "under the constitution the Diet was then deemed to have approved it, without an "
    "upper-house vote, once the waiting period ran out, on "
    f"{date_words(anpo['Revised treaty approved by default'])}. Protesters who had opposed "
    "the treaty now also defended parliamentary democracy against Kishi. The mobbing of the "
    "White House press secretary's car, the death of the student Kanba Michiko inside the Diet "
    "grounds, and the cancellation of Eisenhower's visit followed in quick succession. The "
    f"treaty entered into force on {date_words(anpo['1960 treaty enters into force'])}, "
    f"and the Kishi cabinet resigned on {date_words(anpo['Kishi cabinet resigns'])}."
)

# %% [markdown]
# Historians such as Nick Kapur read 1960 as a turning point whose effects outlasted the
# treaty: Kishi's successor Ikeda Hayato steered the ruling party away from constitutional
# revision and toward rapid income growth, and both governments learned to adjust the alliance
# through quieter understandings rather than another public ratification fight. Even the
# crisis timeline carries uncertainty. The mass rally around the Diet rests on the same
# encyclopedia article as one of the seeds, and its date is only as good as that article:

# %%
rally = anpo["Mass rally around the Diet"]
print(f"Mass rally around the Diet, as the events table dates it: {date_words(rally)}")
citations.note(anpo_rows.source_id)
checked_claims = claims.loc[["C045", "C049"]]
show(checked_claims[claim_columns], sources=checked_claims.seed_source_id)

# %% [markdown]
# ## Key figures
#
# These values use the full tables for 1945–1960, whatever the parameters, so that they can
# be checked automatically.

# %%
publish(
    security_treaty_signed=f"{signed:%Y-%m-%d}",
    security_treaty_in_force=f"{in_force:%Y-%m-%d}",
    peak_personnel_1950_1960=peak,
    peak_year_1950_1960=peak_year,
    mainland_cut_1955_1960_pct=round(100 * mainland_cut, 1),
    okinawa_rise_1955_1960_pct=round(100 * okinawa_rise, 1),
    okinawa_share_1955_pct=round(100 * okinawa_share[1955], 1),
    okinawa_share_1960_pct=round(100 * okinawa_share[1960], 1),
    seed_c001_excess_pct=round(100 * (big.claimed_value / peak - 1), 1),
    provisions_compared=int(changes.sum()),
    provisions_added=int(changes.get("added", 0)),
    provisions_removed=int(changes.get("removed", 0)),
)

# %% [markdown]
# ## Exercises
#
# ### Exercise 1.1
# Take every event from 1945 to 1960 whose date is known only to a month or a year
# (`date_precision` is not `"day"`), and find the Japanese prime minister in office on the
# date the table stores (a term runs from `term_start` up to, not including, `term_end`).
# Which prime minister collects the most of these events? The table stores such dates as the
# first day of the month or year: which of the assignments could be wrong for that reason?

# %% tags=["solution"]
from alliance_notebooks.exercises import check

ex_events = ad.load("events")
ex_events = ex_events[
    ex_events["date"].dt.year.between(1945, 1960) & (ex_events["date_precision"] != "day")
]
ex_pms = ad.load("leaders").query("country_iso3 == 'JPN'").sort_values("term_start")
ex_on = pd.merge_asof(
    ex_events.sort_values("date"),
    ex_pms[["term_start", "term_end", "name"]],
    left_on="date",
    right_on="term_start",
)
ex_on.loc[ex_on["date"] >= ex_on["term_end"], "name"] = "(no one listed)"
print(ex_on[["date", "date_precision", "title", "name", "term_start"]].to_string(index=False))
ex_most = ex_on["name"].value_counts()
print(ex_most.to_string())
check("01.1", ex_most.index[0])

# %% [markdown]
# ### Exercise 1.2
# Compute Okinawa's share of all U.S. personnel in Japan for each report in the
# `troops_japan_by_area` table, leaving out any report whose split the table flags as
# distorted (`flag == "split_distorted"`). In which report was the share highest? Which
# change between consecutive reports is affected by the switch from June to September
# reports, and how should that temper your reading?

# %% tags=["solution"]
from alliance_notebooks.exercises import check

ex_area = ad.load("troops_japan_by_area")
ex_bad = ex_area.loc[ex_area["flag"] == "split_distorted", "year"].unique()
ex_wide = ex_area[~ex_area["year"].isin(ex_bad)].pivot(
    index="year", columns="area", values="personnel"
)
ex_share = (ex_wide["okinawa"] / ex_wide.sum(axis=1)).round(3)
print(ex_share.to_string())
print(ex_area.groupby("year")["report_month"].first().to_string())
check("01.2", ex_share.idxmax())

# %% [markdown]
# ### Exercise 1.3
# Join the `treaty_provisions` table to the `sources` table on `source_id`. How many of the
# compared provisions rest on a source graded `other_web` in the `source_quality` column?
# Which of the chapter's conclusions about the revision would be weakened if those rows
# turned out to be wrong?

# %% tags=["solution"]
from alliance_notebooks.exercises import check

ex_graded = ad.load("treaty_provisions").merge(
    ad.load("sources")[["source_id", "publisher", "source_quality"]], on="source_id", how="left"
)
print(ex_graded["source_quality"].value_counts().to_string())
ex_weak = ex_graded[ex_graded["source_quality"] == "other_web"]
print(ex_weak[["provision", "change", "publisher"]].to_string(index=False))
check("01.3", len(ex_weak))

# %% [markdown]
# ## Key takeaways
#
# - Independence and alliance came as one package: the security pact was signed with the
#   peace settlement and took effect with it, so ending the occupation meant accepting
#   continued U.S. basing.
# - The 1951 treaty was lopsided by any reading: no U.S. pledge, no exit, a riot clause and a
#   veto on third-country bases. The 1960 revision removed the most humiliating terms, but ATOP
#   still codes the alliance as asymmetric, with U.S. protection exchanged for Japanese bases.
# - The 1950s drawdown moved U.S. forces off the mainland faster than out of Japan as a whole,
#   shifting weight to U.S.-administered Okinawa; protest is one plausible cause among several.
# - The "Yoshida Doctrine" is a retrospective label; treat its dating, and its coherence, with
#   care.
# - The 1960 crisis was as much about how Kishi forced the treaty through as about the treaty,
#   and it pushed both governments toward quieter ways of managing the alliance.
#
# ## Sources

# %%
citations.sources_cell()
