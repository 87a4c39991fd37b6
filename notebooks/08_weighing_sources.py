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
# - Classify a source as primary, secondary or compilation, and explain why the label depends
#   on the claim being checked.
# - Read a verdict table and say what "consistent", "approximate", "conflicting" and
#   "unverifiable" mean and do not mean.
# - Trace a contradiction to its cause: scope, definition, date, or a copying error.
# - Recognise a machine-spun copy of a text and go back to the original.
# - Judge independence: several copies of one encyclopedia article are one witness, not many.

# %% tags=["parameters"]
verdicts = ["conflicting", "approximate"]  # verdicts listed in detail in section 3

# %%
# ruff: noqa: E402, B018 (notebook: imports follow the parameters cell; tables display)
from IPython.display import Markdown

import alliance_data as ad
from alliance_data import plotting
from alliance_data import sources_review as sr

ad.validate_parameters("08_weighing_sources", verdicts=verdicts)
plotting.use_house_style()

# %% [markdown]
# ## 1. The seed documents and where they come from
#
# Each seed is a text the project was given, not a text it chose. Before reading any claim,
# establish what each one *is*. The `sources` table records this in its notes, and the helper
# below reads it from there.

# %%
claims = ad.load("claims")
sources = sr.grade_sources()
seeds = sr.seed_sources().merge(sources[["source_id", "grade", "url"]], on="source_id")
seeds

# %%
per_source = seeds.groupby("source_id")["seed"].apply(", ".join)
Markdown(
    f"The `claims` table holds **{len(claims)} claims** from **{claims.seed.nunique()} "
    f"seeds**, which rest on **{len(per_source)} distinct sources**: "
    + "; ".join(f"`{s}` (seed {n})" for s, n in per_source.items())
    + "."
)

# %% [markdown]
# The overview already teaches two things. First, the Wikipedia extract and the Wikipedia
# article are the *same* source: the extract keeps the article's citation marks, and the
# article seed is a fuller copy. Their claims are counted separately in the table but they are
# a single witness. Second, "primary" is a property of a source *for a given claim*. The DoD News
# article is a primary source for what the U.S. Department of Defense said in August 2020;
# for the date the occupation ended it is a secondary account written decades later, and, as
# section 4 shows, not a flawless one. One seed is an explainer with no identified author or
# address, and one is a garbled copy of a Council on Foreign Relations backgrounder.

# %% [markdown]
# ## 2. Verdicts by seed
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
table = sr.verdict_table(claims)
fig, ax = plotting.new_figure(figsize=(9, 4.2))
sr.plot_verdict_bars(ax, table)
labels = dict(title="Verdicts on the seed documents' claims", ylabel="Seed document")
note = "Claims table. Seed 000 repeats part of seed 001, so those claims count twice."
caption = plotting.finish(ax, **labels, xlabel="Claims (count)", sources=seeds.source_id, note=note)

# %%
shares = sr.verdict_shares(claims).round(1)
top_unverifiable = shares["unverifiable"].idxmax()
consistent_all = (claims["verdict"] == "consistent").mean() * 100
Markdown(
    f"Across all claims, {consistent_all:.0f}% are consistent with the evidence. The seed "
    f"with the highest unverifiable share is **{top_unverifiable}** "
    f"({shares.loc[top_unverifiable, 'unverifiable']:.0f}% of its "
    f"{table.loc[top_unverifiable, 'total']} claims); the garbled copy has only "
    f"{table.loc[sr.seed_label('003'), 'total']} checkable claims, so its shares are "
    "fragile."
)

# %% [markdown]
# **Reading the figure.** In every seed, consistent claims are the largest group, which is
# typical: reference texts get the large facts right. The errors sit in the details, such as
# a figure for a particular year, a share whose definition is left out, or a date that slips
# across a year boundary.
# Do not rank the seeds by these bars. The counts are small, the seeds make different kinds of
# claims (the DoD article is full of recent operational detail that is hard to check; the
# explainer makes broad statements that are easy to confirm), and a high "consistent" count
# for the Wikipedia text partly reflects that some of its evidence is Wikipedia again
# (section 8).

# %% [markdown]
# ## 3. The claims behind the chosen verdicts
#
# The table lists every claim whose verdict is among those chosen in the `verdicts`
# parameter, with what the seed says and what the evidence says.

# %%
listed = claims[claims["verdict"].isin(verdicts)].assign(seed=lambda f: f.seed.map(sr.seed_label))
print(
    f"Claims listed: {len(listed)} with verdict {', '.join(sorted(listed.verdict.unique()))} "
    f"from {listed.seed.nunique()} seeds"
)
columns = ["claim_id", "seed", "verdict", "paraphrase", "claimed_value", "unit", "evidence_value"]
Markdown(listed[columns].to_markdown(index=False))

# %% [markdown]
# ## 4. The main contradictions, one by one
#
# The conflicting and approximate claims fall into a few families. Each card below gives the
# claim, the evidence, the verdict and the project's explanation; the commentary after it
# draws the general lesson.
#
# ### 4.1 U.S. troops in the mid-1950s

# %%
Markdown(sr.claim_card("C002"))

# %% [markdown]
# The seed's figure is larger than every count the project could find, including the counts
# that add Okinawa, and the seed gives neither a year nor a source. A precise, round-looking
# number with no provenance should be treated as a lead, not as evidence. It might count
# something else (dependants, civilians, or a different moment), but we cannot know, and the
# official series consistently says otherwise. When several independent compilations agree
# with each other and not with an unsourced number, the burden of proof lies with the number.
#
# ### 4.2 Counting bases, and Okinawa's share

# %%
Markdown("\n\n".join(sr.claim_card(c) for c in ("C016", "C017", "C020", "C021", "C022")))

# %% [markdown]
# This family is about **definitions**, not mistakes in arithmetic. The same count of
# facilities is "consistent" against the U.S. Forces Japan figure and "conflicting" against a
# scholarly base list that counts differently; a verdict is always relative to a piece of
# evidence. Okinawa's famous share is a share of the *land area* of facilities reserved for
# U.S. use, not a share of the *number* of bases, and the seed's wording swaps one for the
# other. Likewise, the share of land taken by bases depends on whether the denominator is the
# main island or the whole prefecture. Whenever a percentage is quoted, ask: a share of what,
# counted how, in which year?
#
# ### 4.3 Paying for the Gulf War

# %%
Markdown("\n\n".join(sr.claim_card(c) for c in ("C023", "C024")))

# %%
gulf = claims.set_index("claim_id").loc[["C023", "C024"]]
Markdown(
    f"Two seeds give different sums, {gulf.claimed_value.iloc[0]} and "
    f"{gulf.claimed_value.iloc[1]} ({gulf.unit.iloc[0]}), yet the project rates them "
    f"**{gulf.verdict.iloc[0]}** and **{gulf.verdict.iloc[1]}**, not conflicting."
)

# %% [markdown]
# The difference is one of **scope**: the smaller sum is the single largest pledge, made in
# January 1991 for the coalition's military operation; the larger is the total of all pledges
# to the Gulf effort. Both writers describe something real, but the smaller figure is
# presented as if it were the whole contribution. Before asking which of two figures is wrong,
# ask whether they measure the same thing.
#
# ### 4.4 When did the occupation end?

# %%
Markdown("\n\n".join(sr.claim_card(c) for c in ("C036", "C035")))

# %% [markdown]
# The peace treaty was *signed* in 1951 and *came into force* in 1952; the occupation ended
# with the second event. The DoD article uses the signing year in one paragraph and the
# correct date a few paragraphs later, so it contradicts itself. Two lessons follow: an
# official publisher is not automatically reliable on history outside its own business, and
# a text that disagrees with itself has told you where to look.
#
# ### 4.5 The garbled copy and the two treaties

# %%
Markdown(sr.claim_card("C042"))

# %% [markdown]
# The fixed initial term belongs to the 1960 treaty; the 1951 pact had none and was replaced
# before such a term could have run out. The copy has moved a feature of one treaty onto the
# other. Because the copy is garbled (section 7), we cannot tell whether the original
# backgrounder made this slip or the copying process introduced it, which is exactly why the
# original must be consulted before the claim is cited either way.
#
# ### 4.6 The LDP's return to power

# %%
Markdown(sr.claim_card("C071"))

# %% [markdown]
# The election was held in December 2012 and the new cabinet took office before the year
# ended. Dating the return to 2013 is a classic **year-boundary slip**: the first full year of
# a government is not the year it took power. Such errors look trivial, but they change which
# government gets credit or blame for a decision, so every date near a year's end deserves a
# check.

# %% [markdown]
# ## 5. How far off are the numbers?
#
# For claims that state a quantity (troops, facilities, shares, dollars), we can compare the
# claimed value with each value the evidence gives. The figure plots the ratio of claimed to
# evidence on a logarithmic scale, so that a claim twice the evidence and one half of it sit
# equally far from agreement. Where the evidence gives several values (different reports,
# definitions or years), each appears as a dot and a line spans them.

# %%
numeric = sr.numeric_claims(claims).sort_values("ratio_high")
fig, ax = plotting.new_figure(figsize=(9, 5.6))
sr.plot_claim_ratios(ax, numeric)
labels = dict(title="Claimed value ÷ value in the evidence", ylabel="Claim (seed): claimed value")
xlabel = "Ratio, claimed ÷ evidence (log scale; 1 = agreement)"
note = (
    "Quantity claims only, each paraphrase once; one dot per value the evidence gives. "
    "A dollar claim with only yen evidence is left out (no exchange rate is applied)."
)
caption = plotting.finish(ax, **labels, xlabel=xlabel, sources=numeric.source_id, note=note)

# %%
far = numeric[numeric["ratio_low"] > 1.5]
Markdown(
    f"Of the {len(numeric)} quantity claims plotted, {len(far)} exceed every evidence "
    f"value by more than half ({', '.join(far.claim_id)}). All of them are rated "
    f"{' or '.join(sorted(far.verdict.unique()))}."
)

# %% [markdown]
# **Reading the figure.** Most quantity claims sit at or near 1. The outliers on the right are
# not random errors: each is a claim compared with evidence that counts a different thing (a
# partial base list, a count instead of an area) or, for the 1950s troop figure, a number of
# unknown origin. A long line means the evidence itself disagrees, as with the facility count
# that matches one list and is double another. The plot therefore shows disagreement between
# definitions as much as error in the seeds, which is why the verdicts, and not the ratios,
# carry the judgement.

# %% [markdown]
# ## 6. Kinds of sources, and how the project grades them
#
# The `sources` table gives every source a **kind**: *primary* if it produced the figure (a
# ministry, an official report, a treaty text), *secondary* if it reports someone else's
# figure (a newspaper, an encyclopedia, a blog), and *compilation* if it is a dataset
# assembled from primary sources by researchers (SIPRI, ATOP, the Pew files as compiled by
# FiveThirtyEight).

# %%
kinds = sources["kind"].value_counts()
Markdown(
    f"The project cites {len(sources)} sources: "
    + ", ".join(f"{n} {k}" for k, n in kinds.items())
    + "."
)

# %% [markdown]
# Kind alone is too coarse, because *how we reached* a source matters as much as who wrote
# it. A newspaper report read on the newspaper's site is not the same as the same report
# pasted into a forum thread. The helper `grade_sources` combines the two questions into a
# simple letter grade, with the rule written out in its docstring: **A** primary original;
# **B** compilation, or primary read through a copy; **C** secondary at its original address;
# **D** secondary read through a mirror, copy, re-post or blog, or with no identified author.

# %%
grades = sources.pivot_table(
    index="kind", columns="grade", values="source_id", aggfunc="count", fill_value=0
)
grades

# %% [markdown]
# How strong is the evidence behind the verdicts? Joining each claim to the grade of its
# evidence source answers that. (For unverifiable claims the "evidence source" is the seed
# itself, since nothing else was found.)

# %%
claim_grades = claims.merge(sources[["source_id", "grade"]], on="source_id")
claim_grades.pivot_table(
    index="verdict", columns="grade", values="claim_id", aggfunc="count", fill_value=0
)

# %% [markdown]
# A generic grade is a starting point, not a verdict. The host-nation-support table shows why:
# its transcribers graded each figure by *what the page reproduces*, not by what kind of site
# it sits on. A personal web page that reproduces the Ministry of Defense's own table is graded
# high, while an unsourced blog list is graded low, even though both are, formally, secondary
# pages on private sites.

# %%
hns = ad.load("host_nation_support").merge(sources[["source_id", "grade"]], on="source_id")
hns.pivot_table(
    index="reliability", columns="grade", values="fiscal_year", aggfunc="count", fill_value=0
).reindex(["high", "medium", "low"])

# %%
doubled = hns[hns.duplicated(["fiscal_year", "period"], keep=False)]
doubled[["fiscal_year", "amount_jpy_100m", "basis", "reliability", "grade", "note"]]

# %% [markdown]
# Where a year has two figures, the table keeps both and says why they differ: a budget on a
# different accounting basis, or a secondary page that disagrees with the ministry's table.
# The grades tell you which to prefer; the basis tells you whether the two are even meant to
# be equal. Neither column should be dropped to make the series look tidy.

# %% [markdown]
# ## 7. Recognising a machine-spun copy
#
# Seed 003 reads, at first glance, like an ordinary explainer. It is in fact the output of an
# automatic "article spinner", software that rewrites a text word by word with synonyms so
# that it no longer matches the original and can be republished as new. The tell-tale signs
# are worth learning:
#
# - **Synonym substitutions that turn names into nonsense.** Proper nouns are treated as
#   ordinary words, so a city in a treaty's name becomes a word for a landform ("mountain
#   Francisco"), a head of government acquires the wrong noun ("element Minister"), and the
#   Second World War becomes the war of "people".
# - **Words from other languages** dropped into English sentences, here a Korean comparison
#   word and a Vietnamese-looking word for a point of the compass.
# - **Mechanical capitalisation**: a capital letter after every abbreviation with a full stop,
#   even mid-sentence.
# - **Stray fragments** of the page it was copied from, such as a photo credit pasted into the
#   text.
# - **No date, no author, no address**, so the reader cannot tell which version of the
#   original it reproduces.
#
# Numbers and years usually survive spinning, because spinners leave digits alone; that is why
# most of the copy's checkable claims come out consistent. Meanings do not survive so well,
# and the conflicting claim in section 4.5 may be the copy's doing. The remedy is simple:
# find and cite the original. The project records it in the `sources` table:

# %%
cfr = sources.set_index("source_id").loc["cfr_us_japan_security_alliance"]
print(
    f"{cfr.publisher}: {cfr.title}\n{cfr.url}\nkind: {cfr.kind}; grade: {cfr.grade}\n"
    f"notes: {cfr.notes}"
)
Markdown(sr.verdict_table(claims).loc[[sr.seed_label("003")]].to_markdown())

# %% [markdown]
# ## 8. Independence: how many witnesses?
#
# A claim is better supported by two sources only if they are independent. Wikipedia is copied
# by many mirror sites, and several of the pages this project could reach were such
# copies. Checking a Wikipedia sentence against a mirror of the same article, or against a
# sister article by the same community of editors, confirms only that the text was copied
# faithfully. The helper `wikipedia_family` flags every source that is Wikipedia, a copy of it,
# or noted as not independent of the Wikipedia seed.

# %%
family = sources[sr.wikipedia_family(sources)]
Markdown(
    f"{len(family)} of the {len(sources)} sources belong to the Wikipedia family; "
    f"{(family.grade == 'D').sum()} of these were read through a copy or mirror."
)

# %% [markdown]
# ## Exercises
#
# ### Exercise 8.1
# Find the claims whose evidence comes only from Wikipedia or its mirrors (use
# `sr.wikipedia_family`). Which seeds do they come from, and what verdicts do they carry?
# Explain why a "consistent" verdict means little for these claims, and suggest an
# independent source you would look for in one case.

# %% tags=["solution"]
ex1_ids = set(sources.loc[sr.wikipedia_family(sources), "source_id"])
ex1 = claims[claims["source_id"].isin(ex1_ids) & (claims["verdict"] != "unverifiable")]
print(ex1.groupby([ex1.seed.map(sr.seed_label), "verdict"]).size())
ex1[["claim_id", "verdict", "paraphrase", "source_id"]]
# Unverifiable claims are left out: their "source" is the seed itself. Most of the rest come
# from the Wikipedia seed, and one DoD claim is checked against a Wikipedia mirror. For these,
# "consistent" only shows that Wikipedia agrees with itself; for the Sunagawa dates one would
# look for a Japanese newspaper archive or a scholarly history of the protests.

# %% [markdown]
# ### Exercise 8.2
# Which seed has the highest share of unverifiable claims? Read the explanations of its
# unverifiable claims and sort them by *why* they could not be checked (no source in the
# reference files, not searched, a kind of figure no dataset records). Then do the same for the
# DoD News article. Is "unverifiable" a weakness of the seed or of the project?

# %% tags=["solution"]
ex2_shares = sr.verdict_shares(claims)["unverifiable"].sort_values(ascending=False)
print(ex2_shares.round(1))
ex2 = claims[(claims.verdict == "unverifiable") & claims.seed.str.startswith(("000", "004"))]
for ex2_row in ex2.itertuples():
    print(f"{ex2_row.claim_id} {ex2_row.seed[:3]}: {ex2_row.explanation}")
# The Wikipedia extract leads, but it has few claims and they are largely the 1950s figures
# with no cited source. The DoD article's unverifiable claims are recent operational details
# (sales approvals, radar sites, exercises) that the project's datasets do not cover: mostly a
# limit of the project's reading, not evidence that the article is wrong.

# %% [markdown]
# ### Exercise 8.3
# Seed 000 is an extract of seed 001, so some claims are counted twice. Recount the verdicts
# with each paraphrase counted once (keep the seed 001 row). How much do the totals change,
# and does any conclusion drawn from the figure in section 2 change?

# %% tags=["solution"]
ex3 = claims.sort_values("seed").drop_duplicates("paraphrase", keep="last")
ex3_counts = ex3["verdict"].value_counts().rename("deduplicated").to_frame()
ex3_counts["as stored"] = claims["verdict"].value_counts()
print(f"{len(claims)} rows, {len(ex3)} distinct claims")
ex3_counts

# %% [markdown]
# ### Exercise 8.4
# In the host-nation-support table, pick one fiscal year with two figures. Using the
# `reliability`, `basis` and `note` columns, decide which figure you would quote in an essay,
# and write the footnote you would attach to it.

# %% tags=["solution"]
ex4 = ad.load("host_nation_support").query("fiscal_year == 2009")
ex4[["fiscal_year", "amount_jpy_100m", "basis", "reliability", "note", "source_id"]]
# Both FY2009 rows are high-reliability transcriptions of the same MOD table; they differ by
# basis. For budget comparisons with other years quote the expenditure-basis figure and
# footnote the contract-basis total and the transcription source.

# %% [markdown]
# ## Key figures

# %% keep_output=true
# NBVAL_CHECK_OUTPUT
ko_claims = ad.load("claims")
ko_sources = ad.load("sources")
print(f"Claims: {len(ko_claims)} from {ko_claims.seed.nunique()} seed documents")
for verdict, count in ko_claims["verdict"].value_counts().sort_index().items():
    print(f"  {verdict}: {count}")
for kind, count in ko_sources["kind"].value_counts().sort_index().items():
    print(f"Sources, {kind}: {count}")

# %% [markdown]
# ## Key takeaways
#
# - Most claims in the seed documents agree with the evidence; the errors cluster in details:
#   unsourced figures, undefined shares, scope, and dates near a year's end.
# - A verdict is relative to a piece of evidence. The same number can be consistent with one
#   source and conflict with another that counts differently; state the definition.
# - "Primary" depends on the claim: an official article is primary for what its publisher says
#   now, secondary for history. Grade *how* a figure reached you as well as who produced it.
# - Copies are not independent witnesses. Wikipedia checked against its own mirrors, or a
#   machine-spun copy of a backgrounder, adds no confirmation; cite the original.
# - Keep conflicts visible: record both values, their bases and grades, and explain the gap
#   instead of choosing silently.

# %% [markdown]
# ## Sources

# %%
for table in ("claims", "host_nation_support", "sources"):
    print(f"--- {table}\n{ad.cite(table)}\n")
