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
# # Chapter 8: Weighing the sources
#
# This project began from a small set of short texts about the alliance, the "seed documents",
# and checked every dated or quantitative statement in them against other evidence. This
# chapter turns that audit into a lesson in source criticism: what kinds of sources exist, how
# to tell when two of them really disagree, why a confident number can still be wrong, and how
# to recognise a corrupted copy.
#
# **Learning goals**
#
# - Name the publication behind a text before weighing its claims, and grade a source as
#   official, scholarly, press or other web.
# - Read a verdict table and say what "consistent", "approximate", "conflicting" and
#   "unverifiable" mean and do not mean.
# - Trace a contradiction, between two texts or between a text and the data, to its cause:
#   scope, definition, date, or a copying error.
# - Recognise a machine-spun copy of a text and go back to the original.
# - Judge independence: several copies of one encyclopedia article are one witness, not many.

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
verdicts = ["conflicting", "approximate"]  # verdicts listed in detail in section 8.3

# %%
import pandas as pd
from IPython.display import Markdown

import alliance_data as ad
from alliance_notebooks import check_parameters, citations, figures, plotting, publish, style
from alliance_notebooks.prose import count, listing
from alliance_notebooks.tables import show

# %%
checked = check_parameters("08_weighing_sources", verdicts=verdicts)
citations.reset()

# %% [markdown]
# ## 8.1 The seed documents and the publications behind them
#
# Each seed is a text the project was given, not a text it chose. Before reading any claim,
# establish what each one *is*. Every row of the `claims` table names its seed by a short
# label and, in `seed_source_id`, the publication the seed reproduces; the `sources` table
# then says who published it and how the project grades that publisher.

# %%
claims = ad.load("claims")
sources = ad.load("sources").set_index("source_id")
years_claimed = claims["unit"].isin(["year", "years"])  # a year is written 1959, not 1,959
claims["claimed"] = claims["claimed_value"].map("{:,g}".format, na_action="ignore")
claims.loc[years_claimed, "claimed"] = claims["claimed_value"].map(
    "{:.0f}".format, na_action="ignore"
)

# %%
SEED_WORDS = ad.labels("claims", "seed")  # what kind of copy each seed is (catalogue)

# %%
seeds = claims.groupby("seed").agg(
    publication=("seed_source_id", "first"), claims=("claim_id", "size")
)
seeds["publisher"] = seeds["publication"].map(sources["publisher"])
seeds["title"] = seeds["publication"].map(sources["title"])
seeds["kind"] = seeds["publication"].map(sources["kind"])
seeds["grade"] = (
    seeds["publication"]
    .map(sources["source_quality"])
    .map(lambda grade: style.name(grade, "source_quality"))
)

# %%
words = seeds.index.map(lambda s: SEED_WORDS.get(s, s.replace("_", " ")))
seeds["name"] = seeds["publisher"].str.split(",").str[0] + ": " + words
claims["seed_name"] = claims["seed"].map(seeds["name"])

# %%
show(seeds[["name", "publisher", "title", "kind", "grade", "claims"]], sources=seeds.publication)

# %%
per_publication = seeds.groupby("publication")["name"].apply(list)
shared = per_publication[per_publication.map(len) > 1]

# %%
Markdown(
    f"The `claims` table holds **{count(len(claims), 'claim')}** from "
    f"**{count(len(seeds), 'seed')}**, which reproduce "
    f"**{count(len(per_publication), 'distinct publication')}**. "
    + " ".join(
        f"{listing(names)} are copies of one publication "
        f"({sources.loc[pub, 'publisher']}, *{sources.loc[pub, 'title']}*)."
        for pub, names in shared.items()
    )
)

# %% [markdown]
# The overview already teaches two things. First, the two Wikipedia seeds are a single
# witness: the extract keeps the article's citation marks, and the article seed is a fuller
# copy, so a claim in both is counted twice in the table. Second, "primary" is a property of a
# source *for a given claim*. The DoD News article is a primary source for what the U.S.
# Department of Defense said in August 2020; for the date the occupation ended it is a
# secondary account written decades later and, as section 8.5 shows, not a flawless one. One
# seed is an explainer with no identified author or address, and one is a garbled copy of a
# Council on Foreign Relations backgrounder.

# %% [markdown]
# ## 8.2 Verdicts by seed
#
# Every claim received one of four verdicts. In the project's usage:
#
# - **consistent**: the evidence gives the same value, or one within the precision the claim
#   itself implies ("about", "nearly");
# - **approximate**: close, but with a real difference in scope, date or rounding that a
#   careful writer would state;
# - **conflicting**: the evidence contradicts the claim as worded;
# - **unverifiable**: no evidence was found either way. This is a statement about the
#   project's reading, not about the claim's truth.

# %%
VERDICTS = list(style.CATEGORIES["verdict"])  # consistent, approximate, conflicting, unverifiable
table = pd.crosstab(claims["seed_name"], claims["verdict"])
table = table.reindex(columns=VERDICTS, fill_value=0)
table["total"] = table.sum(axis=1)
table = table.sort_values("total")
show(table.rename_axis("seed"), index=True)

# %%
fig, ax = figures.new_figure(figsize=(10, 5.4))
left = pd.Series(0, index=table.index)
for verdict in VERDICTS:
    look = style.look(verdict, "verdict")
    ax.barh(table.index, table[verdict], left=left, color=look["color"], edgecolor="white",
            label=look["label"])  # fmt: skip
    left = left + table[verdict]
for y, total in enumerate(table["total"]):
    ax.text(total + 0.4, y, f"{total}", va="center", fontsize=10)
ax.set_xlim(0, table["total"].max() * 1.15)
ax.grid(axis="y", alpha=0)
plotting.legend_below(ax, ncol=4, title="Verdict")
figures.finish(
    ax,
    number="8.1",
    title="Verdicts on the seed documents' claims",
    ylabel="Seed document",
    xlabel="Claims (count)",
    sources=seeds["publication"],
    note="Claims table. The Wikipedia extract repeats part of the article, so those claims "
    "count twice.",
)

# %%
shares = table[VERDICTS].div(table["total"], axis=0).mul(100)
consistent_all = claims["verdict"].eq("consistent").mean() * 100
fewest = table[table["total"] == table["total"].min()]

# %%
Markdown(
    f"Across all claims, {consistent_all:.0f}% are consistent with the evidence. The "
    f"shares per seed range from {shares['consistent'].min():.0f}% to "
    f"{shares['consistent'].max():.0f}% consistent, but the "
    f"{'seed' if len(fewest) == 1 else 'seeds'} with the fewest claims, "
    f"{listing(f'*{name}*' for name in fewest.index)}, {'has' if len(fewest) == 1 else 'have'} "
    f"only {count(fewest['total'].iloc[0], 'claim')}{' each' if len(fewest) > 1 else ''}, so "
    f"a share moves by {100 / fewest['total'].iloc[0]:.0f} points with every single claim."
)

# %%
largest = table[VERDICTS].idxmax(axis=1)
Markdown(
    "In every seed, consistent claims are the largest group."
    if (largest == "consistent").all()
    else "Consistent claims are the largest group in "
    f"{count((largest == 'consistent').sum(), 'seed')} of {len(table)}; in "
    + listing(largest.index[largest != "consistent"])
    + " another verdict is as common or more."
)

# %% [markdown]
# **Reading Figure 8.1.** Consistent claims dominating is typical: reference texts get the
# large facts right. The errors sit in the details, such as
# a figure for a particular year, a share whose definition is left out, or a date that slips
# across a year boundary. Do not rank the seeds by these bars. The counts are small, the
# seeds make different kinds of claims (the DoD article is full of recent operational detail
# that is hard to check; the explainer makes broad statements that are easy to confirm), and
# a high "consistent" count for the Wikipedia text partly reflects that some of its evidence
# is Wikipedia again (section 8.8).

# %% [markdown]
# ## 8.3 The claims behind the chosen verdicts
#
# The table lists every claim whose verdict is among those chosen in the `verdicts`
# parameter, with what the seed says and what the evidence says.

# %%
listed = claims[claims["verdict"].isin(verdicts)]
if listed.empty:
    print(f"No claim listed: no claim has a verdict among {listing(verdicts, 'or') or 'none'}.")
else:
    found = [v for v in verdicts if v in set(listed.verdict)]
    print(
        f"Claims listed: {len(listed)} with verdict {listing(found, 'or')} from "
        f"{count(listed.seed.nunique(), 'seed')}"
    )

# %%
columns = ["claim_id", "seed_name", "verdict", "paraphrase", "claimed", "unit"]
if len(listed):
    show(listed[[*columns, "evidence_value"]], sources=[*listed.source_id, *listed.seed_source_id])

# %% [markdown]
# ## 8.4 Findings: where the seeds contradict the data
#
# For claims that state a single quantity, the `claims` table stores the seed's number in
# `claimed_value` and the range the evidence gives in `evidence_low` and `evidence_high`, all
# in the same `unit`. Dividing the claim by each end of the range shows how far off it is: a
# ratio of 1 is agreement, 2 means the claim is twice the evidence. Figure 8.2 uses a
# logarithmic scale, so that twice and half the evidence sit equally far from agreement.
# Years and ranks are left out (a ratio of two years means nothing), and each paraphrase is
# counted once.

# %%
numeric = claims.dropna(subset=["claimed_value", "evidence_low", "evidence_high"])
quantities = numeric[~numeric["unit"].isin(["year", "years", "rank"])]
quantities = quantities.drop_duplicates("paraphrase", keep="last").copy()
quantities["ratio_low"] = quantities["claimed_value"] / quantities["evidence_high"]
quantities["ratio_high"] = quantities["claimed_value"] / quantities["evidence_low"]
quantities["outside"] = (quantities["claimed_value"] < quantities["evidence_low"]) | (
    quantities["claimed_value"] > quantities["evidence_high"]
)
quantities = quantities.sort_values("ratio_high").reset_index(drop=True)

# %%
show(
    quantities[["claim_id", "seed_name", "claimed_value", "unit", "evidence_low", "evidence_high",
                "verdict"]],
    sources=[*quantities.source_id, *quantities.seed_source_id],
)  # fmt: skip

# %%
fig, ax = figures.new_figure(figsize=(10, 7))
for verdict in [v for v in VERDICTS if v in set(quantities["verdict"])]:
    rows = quantities[quantities["verdict"] == verdict]
    look = style.look(verdict, "verdict")
    ax.hlines(
        rows.index, rows.ratio_low, rows.ratio_high, color=look["color"], linewidth=3, alpha=0.6
    )
    ax.scatter([*rows.ratio_low, *rows.ratio_high], [*rows.index, *rows.index], s=45, zorder=3,
               color=look["color"], marker=look["marker"], label=look["label"])  # fmt: skip
ax.axvline(1, color=style.INK, linewidth=1)
ax.set_xscale("log")
ticks = [0.5, 0.75, 1, 1.5, 2, 3]
ax.set_xticks(ticks, labels=[f"{t:g}" for t in ticks], minor=False)
ax.set_xticks([], minor=True)
ax.set_yticks(quantities.index, [f"{r.claim_id}: {r.claimed_value:,.6g} {r.unit}"
                                 for r in quantities.itertuples()])  # fmt: skip
ax.grid(axis="y", alpha=0)
plotting.legend_below(ax, ncol=4, title="Verdict")
figures.finish(
    ax,
    number="8.2",
    title="Claimed value ÷ value in the evidence",
    ylabel="Claim: the seed's value",
    xlabel="Ratio, claimed ÷ evidence (log scale; 1 = agreement)",
    sources=quantities["source_id"],
    note="Quantity claims with a numeric evidence range; marks at the two ends of the range "
    "(one mark where the evidence gives a single value).",
)

# %%
far = quantities[quantities["ratio_low"] > 1.5]
years = numeric[numeric["unit"] == "year"]
off_years = years[
    (years["claimed_value"] < years["evidence_low"])
    | (years["claimed_value"] > years["evidence_high"])
]

# %%
text = (
    f"Of the {count(len(quantities), 'quantity claim')} plotted, "
    f"{int(quantities['outside'].sum())} fall outside the evidence range, and {len(far)} "
    "exceed every evidence value by more than half"
)
if len(far):
    text += f" ({listing(far['claim_id'])}), rated {listing(sorted(far['verdict'].unique()), 'or')}"
text += f". Among the {count(len(years), 'claim')} that state a single year, {len(off_years)} miss the evidence"
Markdown(
    text
    + (": " if len(off_years) else ".")
    + "; ".join(
        f"{r.claim_id} ({r.seed_name}) gives {r.claimed_value:.0f} where the evidence says "
        f"{r.evidence_low:.0f}"
        for r in off_years.itertuples()
    )
    + ("." if len(off_years) else "")
)

# %% [markdown]
# **Reading Figure 8.2.** Most quantity claims sit at or near 1. The outliers on the right are
# not random errors: each compares a claim with evidence that counts a different thing (a
# partial base list, a count instead of a land area) or, for the 1950s troop figure, a number
# of unknown origin. A long bar means the evidence itself disagrees, as with the share of
# Okinawa's land taken by bases, which depends on whether the main island or the whole
# prefecture is the denominator. The figure shows disagreement between definitions as much
# as error in the seeds, which is why the verdicts, and not the ratios, carry the judgement:

# %%
inside_conflicting = quantities[~quantities["outside"] & quantities["verdict"].eq("conflicting")]
Markdown(
    "\n".join(
        f"- **{r.claim_id}** ({r.seed_name}) lies inside the evidence range and is still rated "
        f"conflicting: {r.paraphrase}. {r.explanation.split('. ')[-1]}"
        for r in inside_conflicting.itertuples()
    )
    or "No quantity claim inside its evidence range is rated conflicting."
)

# %% [markdown]
# The troop figure of the 1950s deserves its own look, because here the evidence is the
# Defense Department's own series.

# %%
c002 = claims.set_index("claim_id").loc["C002"]

# %%
citations.note([c002.source_id, c002.seed_source_id])
Markdown(
    f"The Wikipedia article puts U.S. troop strength in Japan in the mid-1950s at "
    f"**{c002.claimed_value:,.0f}**. The Defense Department's reports give "
    f"{c002.evidence_low:,.0f} to {c002.evidence_high:,.0f} for those years, so the claim "
    f"is {c002.claimed_value / c002.evidence_high:.2f} times the highest report "
    f"(*{sources.loc[c002.source_id, 'publisher']}*). The article names neither a year nor "
    "a source for its figure."
)

# %% [markdown]
# A precise, round-looking number with no provenance should be treated as a lead, not as
# evidence. It might count something else (dependants, civilians, or a different moment),
# but we cannot know, and the official series consistently says otherwise.

# %% [markdown]
# ## 8.5 Findings: where the seeds contradict each other
#
# Some topics appear in more than one seed, and the seeds do not always agree. The cell below
# pairs claims on the same topic from different texts (and one pair from the same text) and
# sets each beside the evidence. The pairs are chosen by reading the claims; change the list
# to compare others.

# %%
PAIRS = {  # topic: (claim in one seed, claim in another)
    "Japan's payment for the Gulf War": ("C023", "C024"),
    "When the occupation ended": ("C036", "C035"),
    "The DoD article against itself on the occupation": ("C036", "C039"),
    "The term of the 1951 security treaty": ("C042", "C043"),
    "The date of Japan's surrender": ("C038", "C037"),
}

# %%
by_id = claims.set_index("claim_id")
paired = [(topic, claim_id) for topic, ids in PAIRS.items() for claim_id in ids]
pairs = pd.DataFrame(paired, columns=["topic", "claim"]).join(by_id, on="claim")
pairs["evidence source"] = pairs["source_id"].map(sources["publisher"])
show(
    pairs[["topic", "claim", "seed_name", "paraphrase", "evidence_value", "verdict",
           "evidence source"]].rename(columns={"seed_name": "seed", "paraphrase": "what the seed says"}),
    sources=[*pairs.source_id, *pairs.seed_source_id],
)  # fmt: skip

# %%
gulf = by_id.loc[list(PAIRS["Japan's payment for the Gulf War"])]
Markdown(
    f"On the Gulf War, *{gulf.seed_name.iloc[0]}* gives {gulf.claimed_value.iloc[0]:.0f} and "
    f"*{gulf.seed_name.iloc[1]}* {gulf.claimed_value.iloc[1]:.0f} ({gulf.unit.iloc[0]}), yet "
    f"the project rates them **{gulf.verdict.iloc[0]}** and **{gulf.verdict.iloc[1]}**, not "
    "conflicting."
)

# %% [markdown]
# Each pair has its own cause:
#
# - **Scope** (the Gulf War). The smaller sum is the single largest pledge, made in January
#   1991 for the coalition's military operation; the larger is the total of all pledges to
#   the Gulf effort. Both writers describe something real, but the smaller figure is presented
#   as if it were the whole contribution. Before asking which of two figures is wrong, ask
#   whether they measure the same thing.
# - **Signing versus entry into force** (the occupation). The peace treaty was *signed* in
#   1951 and *came into force* in 1952; the occupation ended with the second event. The DoD
#   article uses the signing year in one paragraph and the correct date further on, so it
#   contradicts itself. An official publisher is not automatically reliable on history outside
#   its own business, and a text that disagrees with itself has told you where to look.
# - **A feature moved between treaties** (the 1951 treaty's term). The fixed initial term
#   belongs to the 1960 treaty; the 1951 pact had none and was replaced before such a term
#   could have run out. Because the copy is garbled (section 8.7), we cannot tell whether the
#   original backgrounder made this slip or the copying introduced it, which is exactly why
#   the original must be consulted before the claim is cited either way.
# - **Which event is meant** (the surrender). The formal instrument was signed on 2
#   September 1945. The explainer's August presumably refers to Japan's acceptance of the
#   Allied terms, which none of the pages read for this project dates; a month given without
#   saying which event it dates cannot be checked precisely.
#
# A similar **year-boundary slip** dates the LDP's return to power to 2013: the election and
# the new cabinet came in December 2012. The first full year of a government is not the year
# it took power, and such slips change which government gets credit or blame for a decision.

# %% [markdown]
# ## 8.6 How good are the sources behind each table?
#
# The `sources` table grades every source by who published it: **official** (a government
# body, a treaty text, an official statistics office), **scholarly** (a university, a
# research institute, a dataset built by researchers), **press** (newspapers, broadcasters,
# news agencies) and **other web** (encyclopedias, aggregators, commentary and personal
# pages). Joining each table's `source_id` to that grade gives the share of its rows that
# rests on each kind of source. The project's rule is official first, then scholarly, then
# press; other web pages are used only where nothing better was found, and say so.

# %%
GRADES = list(style.CATEGORIES["source_quality"])  # official, scholarly, press, other_web
shares = {}
for name in ad.list_tables():
    frame = ad.load(name)
    if name != "sources" and "source_id" in frame.columns:
        grade = frame["source_id"].map(sources["source_quality"])
        shares[name] = grade.value_counts(normalize=True).mul(100)
grade_shares = pd.DataFrame(shares).T.reindex(columns=GRADES).fillna(0)
grade_shares["official or scholarly"] = grade_shares["official"] + grade_shares["scholarly"]
grade_shares = grade_shares.sort_values("official or scholarly")

# %%
named = grade_shares.rename(columns=lambda g: style.name(g, "source_quality"))
show(named.rename_axis(index="table", columns=None), percent=named.columns, index=True)

# %%
fig, ax = figures.new_figure(figsize=(10, 6.8))
left = pd.Series(0.0, index=grade_shares.index)
for grade in GRADES:
    look = style.look(grade, "source_quality")
    ax.barh(grade_shares.index.str.replace("_", " "), grade_shares[grade], left=left,
            color=look["color"], edgecolor="white", label=look["label"])  # fmt: skip
    left = left + grade_shares[grade]
ax.set_xlim(0, 100)
ax.grid(axis="y", alpha=0)
plotting.legend_below(ax, ncol=4, title="Grade of the source each row cites")
figures.finish(
    ax,
    number="8.3",
    title="Where each table's rows come from",
    ylabel="Table",
    xlabel="Rows citing a source of this grade (%)",
    note="Each table's source_id joined to the source_quality column of the sources table; "
    "tables sorted by their share of official and scholarly sources. Source: this package's "
    "sources table.",
)

# %%
weakest, strongest = grade_shares.index[0], grade_shares.index[-1]
catalogue = {n: ad.describe(n).source_quality for n in grade_shares.index}
described = pd.Series({n: sum(q.get(g, 0) for g in GRADES[:2]) for n, q in catalogue.items()})
agree = (100 * described - grade_shares["official or scholarly"]).abs().max() < 1

# %%
Markdown(
    "Official and scholarly sources carry "
    f"{grade_shares.loc[strongest, 'official or scholarly']:.0f}% of the rows of `{strongest}` "
    f"but only {grade_shares.loc[weakest, 'official or scholarly']:.0f}% of `{weakest}`. "
    + (
        "The same shares are in each table's catalogue entry, `ad.describe(name).source_quality`."
        if agree
        else "The catalogue entries (`ad.describe`) give different shares; check them."
    )
)

# %% [markdown]
# A grade says who published a page, not whether the number on it is right. The claims table
# shows how the two meet: the cell below counts the verdicts by the grade of the evidence each
# claim was checked against. (For unverifiable claims the "evidence source" is the seed's own
# publication, since nothing else was found.)

# %%
claims["evidence_grade"] = claims["source_id"].map(sources["source_quality"])
by_grade = pd.crosstab(claims["verdict"], claims["evidence_grade"]).reindex(
    index=VERDICTS, columns=GRADES, fill_value=0
)
show(by_grade.rename(columns=lambda g: style.name(g, "source_quality")), index=True)

# %% [markdown]
# ## 8.7 Recognising a machine-spun copy
#
# One seed reads, at first glance, like an ordinary explainer. It is in fact the output of an
# automatic "article spinner", software that rewrites a text word by word with synonyms so
# that it no longer matches the original and can be republished as new. The tell-tale signs
# are worth learning:
#
# - **Synonym substitutions that turn names into nonsense.** Proper nouns are treated as
#   ordinary words, so the city in a treaty's name becomes a landform, a head of government
#   acquires the wrong noun, and the Second World War becomes a war of "people".
# - **Words from other languages** dropped into English sentences.
# - **Mechanical capitalisation**: a capital letter after every abbreviation with a full stop,
#   even mid-sentence.
# - **Stray fragments** of the page it was copied from, such as a photo credit pasted into the
#   text.
# - **No date, no author, no address**, so the reader cannot tell which version of the
#   original it reproduces.
#
# Numbers and years usually survive spinning, because spinners leave digits alone; that is why
# most of the copy's checkable claims come out consistent. Meanings survive less well, and the
# conflicting claim about the 1951 treaty's term may be the copy's doing. The remedy is to
# find and cite the original, which the `sources` table records:

# %%
spun = seeds.loc["cfr_spun_copy"]
original = sources.loc[spun["publication"]]
print(f"{original.publisher}: {original.title}\n{original.url}")
print(f"kind: {original.kind}; grade: {style.name(original.source_quality, 'source_quality')}")
show(table.loc[[spun["name"]]].rename_axis("seed"), index=True)

# %% [markdown]
# ## 8.8 Independence: how many witnesses?
#
# A claim is better supported by two sources only if they are independent. Wikipedia is copied
# by many mirror sites, and checking a Wikipedia sentence against a sister article by the same
# community of editors confirms only that the encyclopedia agrees with itself. The cell below
# finds the claims whose evidence was itself published by Wikipedia.

# %%
from_wikipedia = claims["source_id"].map(sources["publisher"]).eq("Wikipedia")
checked_against_wikipedia = claims[from_wikipedia & claims["verdict"].ne("unverifiable")]

# %%
citations.note(checked_against_wikipedia.source_id)
Markdown(
    f"{count(len(checked_against_wikipedia), 'claim')} with a verdict other than unverifiable "
    f"{'was' if len(checked_against_wikipedia) == 1 else 'were'} checked against a Wikipedia "
    f"page; {checked_against_wikipedia['seed'].str.startswith('wikipedia').sum()} of them come "
    'from the Wikipedia seeds themselves. For those, a "consistent" verdict shows only that '
    "two Wikipedia pages agree."
)

# %% [markdown]
# ## Key figures

# %%
verdict_counts = claims["verdict"].value_counts()
publish(
    claims=len(claims),
    seeds=len(seeds),
    seed_publications=len(per_publication),
    consistent=verdict_counts.get("consistent", 0),
    approximate=verdict_counts.get("approximate", 0),
    conflicting=verdict_counts.get("conflicting", 0),
    unverifiable=verdict_counts.get("unverifiable", 0),
    consistent_pct=round(consistent_all, 1),
    quantity_claims_outside_evidence=int(quantities["outside"].sum()),
    year_claims_outside_evidence=len(off_years),
    troops_1950s_claim_ratio=round(c002.claimed_value / c002.evidence_high, 2),
    weakest_table=weakest,
    weakest_table_official_scholarly_pct=round(
        grade_shares.loc[weakest, "official or scholarly"], 1
    ),
    claims_official_scholarly_pct=round(grade_shares.loc["claims", "official or scholarly"], 1),
)

# %% [markdown]
# ## Exercises
#
# ### Exercise 8.1
# Count the claims, other than unverifiable ones, whose evidence source was published by
# Wikipedia, and list the seeds they come from. Then pick one and suggest an independent
# source you would look for instead.

# %% tags=["solution"]
from alliance_notebooks.exercises import check

ex1_publisher = claims["source_id"].map(sources["publisher"])
ex1 = claims[(ex1_publisher == "Wikipedia") & (claims["verdict"] != "unverifiable")]
print(ex1.groupby(["seed_name", "verdict"]).size())
check("08.1", len(ex1))
# For the Sunagawa dates, a Japanese newspaper archive or a scholarly history of the protests
# would be independent of the encyclopedia.

# %% [markdown]
# ### Exercise 8.2
# Which seed has the highest share of *conflicting* claims? Give its `seed` label (for
# example `explainer`), and say how many claims that share rests on. Would you call that seed
# the least reliable?

# %% tags=["solution"]
from alliance_notebooks.exercises import check

ex2 = pd.crosstab(claims["seed"], claims["verdict"], normalize="index")
print(ex2.round(2))
print(claims["seed"].value_counts())
check("08.2", ex2["conflicting"].idxmax())
# It rests on very few claims, so one claim moves the share a great deal; and the conflict
# may come from the spinning, not from the original text.

# %% [markdown]
# ### Exercise 8.3
# The Wikipedia extract repeats claims from the full article. Recount the verdicts with each
# paraphrase counted once. How many fewer rows are there, and does any conclusion drawn from
# Figure 8.1 change?

# %% tags=["solution"]
from alliance_notebooks.exercises import check

ex3 = claims.drop_duplicates("paraphrase", keep="last")
ex3_counts = ex3["verdict"].value_counts().rename("each claim once").to_frame()
ex3_counts["as stored"] = claims["verdict"].value_counts()
print(ex3_counts)
check("08.3", len(claims) - len(ex3))

# %% [markdown]
# ## Key takeaways
#
# - Most claims in the seed documents agree with the evidence; the errors cluster in details:
#   unsourced figures, undefined shares, scope, and dates near a year's end.
# - A verdict is relative to a piece of evidence. The same number can be consistent with one
#   source and conflict with another that counts differently; state the definition.
# - When two texts disagree, look for the cause (scope, signing versus entry into force, a
#   feature moved between treaties) before deciding which is wrong.
# - Grade who published each source, and how much of a table rests on official and scholarly
#   work; an official publisher can still be wrong on history outside its own business.
# - Copies are not independent witnesses. Wikipedia checked against Wikipedia, or a
#   machine-spun copy of a backgrounder, adds no confirmation; cite the original.

# %% [markdown]
# ## Sources

# %%
citations.sources_cell()
