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

# %% tags=["parameters"]
start_year = 1945  # first year of events shown (integer)
end_year = 1960  # last year of events shown (integer)

# %%
from IPython.display import Markdown, display

import alliance_data as ad
from alliance_data import history, plotting

ad.validate_parameters("01_origins", start_year=start_year, end_year=end_year)
plotting.use_house_style()

# %% [markdown]
# ## The record we are working with
#
# Every later statement in this chapter rests on the `events` table: one row per dated
# milestone, each with a category, a summary written for this project, a note on how
# precisely the date is known, and the one source that states it. Before interpreting it,
# look at what it contains for the years selected and at what stands behind the rows.

# %%
shown = history.events_between(start_year, end_year)
print(f"Data shown: {history.year_span(shown.year)} ({len(shown)} events)")
kinds = history.with_source_kind(shown)["source_kind"].value_counts()
display(history.category_counts(shown).to_frame("events").T)

# %%
exact = int((shown["date_precision"] == "day").sum())
Markdown(
    f"Of the {len(shown)} events dated {start_year}–{end_year}, {exact} are known to the day; "
    f"the remaining {len(shown) - exact} carry only a month or a year. "
    f"{kinds.get('primary', 0)} rows rest on primary sources (governments, archives, "
    f"contemporary documents), {kinds.get('secondary', 0)} on secondary ones such as "
    f"encyclopedia pages, mirrors and later articles, and {kinds.get('compilation', 0)} on "
    "compiled datasets."
)

# %% [markdown]
# Two cautions follow. First, this is a curated list, so the number of rows in a category
# measures the attention the compilers paid to it as much as the intensity of history: a
# protest movement that lasted years, such as Sunagawa, appears once, dated by its start.
# Second, many rows lean on encyclopedia articles, some read through mirror sites whose notes
# say so. Where the claims table has checked a date against better evidence, this chapter
# shows the verdict; where it has not, the date should be read as provisional.
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
pact = history.events_between(1951, 1952, ["treaty"]).groupby("title")["date"].first()
signed = pact["Security Treaty signed"]
in_force = pact["Security Treaty enters into force"]
peace = pact["San Francisco Peace Treaty enters into force"]
Markdown(
    f"The Security Treaty was signed on {signed.day} {signed:%B %Y} and took effect on "
    f"{in_force.day} {in_force:%B %Y}; the peace treaty took effect on {peace.day} {peace:%B %Y}, "
    f"{'the same day' if peace == in_force else 'a different day'}. "
    "The occupation ended, in other words, at the moment American forces were granted the "
    "right to stay."
)

# %% [markdown]
# Secondary accounts do not all agree on when the occupation ended. The claims table holds
# each dated statement from the seed documents next to the evidence and a verdict. One seed
# gives the end of the occupation as the year the treaties were signed rather than the year
# they took effect, an easy slip because the two events are months apart and share a name.

# %%
occupation = history.claims_for(["C033", "C036", "C038"])
Markdown(
    occupation[["paraphrase", "claimed_value", "evidence_value", "verdict"]].to_markdown(
        index=False
    )
)

# %% [markdown]
# ## The Yoshida line: a doctrine named after the fact
#
# Shigeru Yoshida led most of Japan's governments in these years. His line, as usually
# summarised, was to lean on the United States for protection, keep rearmament minimal, and
# give economic recovery priority over everything else. The events table lists a row titled
# "Yoshida Doctrine emerges", dated only to the year 1951 and sourced to an encyclopedia
# article. That row deserves scepticism, and the claims table shows why.

# %%
yoshida = ad.load("leaders").query("name == 'Shigeru Yoshida'")
terms = "; ".join(f"{t.term_start:%b %Y}–{t.term_end:%b %Y}" for t in yoshida.itertuples())
doctrine = history.claims_for(["C055", "C056", "C057"])
print(f"Yoshida's terms as prime minister ({len(yoshida)}): {terms}")
Markdown(
    doctrine[["paraphrase", "claimed_value", "evidence_value", "verdict"]].to_markdown(index=False)
)

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

# %%
leaders = history.leaders_between(start_year, end_year)
fig, ax = plotting.new_figure(figsize=(10, 6.5))
short = history.plot_timeline(ax, shown, leaders, start_year, end_year)
caption = plotting.finish(
    ax,
    title=f"Alliance events by category, {start_year}–{end_year}",
    ylabel="Event category / office",
    xlabel="Year",
    sources=[*shown["source_id"], *leaders["source_id"]],
    note=f"Bands show terms of office; too short to label: {', '.join(short) or 'none'}.",
)

# %%
pms = leaders.query("country_iso3 == 'JPN'")
presidents = leaders.query("country_iso3 == 'USA'")
per_year = shown["year"].value_counts()
busiest = f"{per_year.idxmax()}, with {per_year.max()} events" if len(shown) else "none"
Markdown(
    f"Between {start_year} and {end_year} the bands show {len(pms)} prime-ministerial terms "
    f"held by {pms['name'].nunique()} people, against {presidents['name'].nunique()} U.S. "
    f"presidents. The busiest single year in the table is {busiest}."
)

# %% [markdown]
# With the default years, the picture has a clear shape. Events bunch in two bursts: the
# settlement of 1951–52, negotiated by Yoshida under Truman, and the revision and crisis of
# 1960, driven by Kishi under Eisenhower. Between them run protests and incidents, each of them
# a local quarrel about land, jurisdiction or conduct rather than about grand strategy. The
# instability of Japanese politics during the occupation is visible in the crowded left end of
# the prime-ministerial band, while the long Yoshida band marks the stretch in which the
# basic bargain was struck. A timeline cannot show causation; it can show sequence, and the
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
# mainland, Okinawa and the Bonin/Volcano Islands as the Defense Department reports list them.
# Each bar sits at the month of its report, and the vertical lines mark the first protest or
# incident of each year in the table.

# %%
troops = history.personnel_by_area(start_year, end_year)
fig, ax = plotting.new_figure()
history.plot_personnel(ax, troops)
protests = history.events_between(start_year, end_year, ["protest", "incident"])
plotting.annotate_events(ax, history.one_per_year(protests))
caption = plotting.finish(
    ax,
    title="U.S. military personnel in Japan, by area",
    ylabel="Personnel (persons)",
    xlabel="Year (bars placed at each report's month)",
    sources=troops["source_id"],
    note=history.personnel_note(troops),
)
print(f"Troop reports shown: {history.year_span(troops.year)} ({len(troops)} reports)")

# %%
decade = history.personnel_by_area(1950, 1960).set_index("year")
mainland_cut = 1 - decade.loc[1960, "mainland"] / decade.loc[1955, "mainland"]
okinawa_rise = decade.loc[1960, "okinawa"] / decade.loc[1955, "okinawa"] - 1
share = decade["okinawa"] / decade["total"]
Markdown(
    f"U.S. strength in Japan peaked at {int(decade.total.max()):,} in the "
    f"{int(decade.total.idxmax())} report. Between the 1955 and 1960 reports the mainland "
    f"contingent fell by {mainland_cut:.0%}, while the Okinawa contingent grew by "
    f"{okinawa_rise:.0%}. Okinawa's share of the total rose from {share[1955]:.0%} to "
    f"{share[1960]:.0%}."
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
# together. Note also the breaks in the series: there are no reports for 1951–52, the report
# month moves from June to September in 1957 (so the step from 1956 to 1957 spans more than a
# year), and the Bonin/Volcano row is too small to see.
#
# Secondary sources sometimes overstate the scale. The claims table flags one seed's figure
# for the mid-1950s as conflicting with every report and compilation checked:

# %%
big = history.claims_for(["C001"]).iloc[0]
peak = int(decade.total.max())
Markdown(
    f"The seed's figure is {int(big.claimed_value):,} personnel; the highest report of the "
    f"decade is {peak:,}, so the claim exceeds the record by "
    f"{int(big.claimed_value) / peak - 1:.0%}. Verdict: **{big.verdict}**."
)

# %% [markdown]
# ## Two treaties side by side
#
# The 1960 Treaty of Mutual Cooperation and Security replaced the 1951 pact outright. The
# `treaty_provisions` table compares them on a common list of provisions. A "?" in the article
# column means the article number could not be verified in the texts consulted, not that the
# provision is missing.

# %%
provisions = history.provisions_side_by_side()
Markdown(provisions.to_markdown(index=False))

# %%
changes = history.change_counts()
Markdown(
    f"Of the {changes.sum()} provisions compared, {changes['added']} were added in 1960, "
    f"{changes['removed']} removed, {changes['revised']} revised and {changes['unchanged']} "
    "left unchanged."
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
# money. The exchange of
# protection for bases is the alliance's enduring asymmetry, and it is why later chapters
# measure Japan's contribution in host-nation support and missions rather than in mutual
# defence.
#
# ## The Anpo crisis of 1960
#
# *Anpo* is the Japanese abbreviation for the security treaty, and 1960 is the year the name
# became a byword for mass protest. The events table follows the crisis almost week by week:

# %%
crisis = history.events_between(1960, 1960)
Markdown(
    crisis[["date", "category", "title"]]
    .assign(date=crisis["date"].dt.strftime("%d %b"))
    .to_markdown(index=False)
)

# %% [markdown]
# Kishi Nobusuke, a wartime cabinet minister who had been held as a suspected war criminal,
# wanted the revised treaty as proof that Japan had regained equal standing. The opposition was
# broad: Socialists and Communists, the labour federations, the student movement, and many
# intellectuals who feared that a tighter alliance would drag Japan into American wars and who
# preferred neutrality. What turned opposition into a national crisis was procedure. After police
# carried opposition members out of the chamber, the ruling party pushed the treaty through the
# lower house in the small hours of 20 May; under the constitution the Diet was then deemed to
# have approved it, without an upper-house vote, once the waiting period ran out. Protesters
# who had opposed the treaty now also defended parliamentary democracy against Kishi. The
# mobbing of the White House press secretary's car, the death of the student Kanba Michiko
# inside the Diet grounds, and the cancellation of Eisenhower's visit followed in quick
# succession, and Kishi resigned once the treaty was in force.
#
# Historians such as Nick Kapur read 1960 as a turning point whose effects outlasted the
# treaty: Kishi's successor Ikeda Hayato steered the ruling party away from constitutional
# revision and toward rapid income growth, and both governments learned to adjust the alliance
# through quieter understandings rather than another public ratification fight. Even the
# crisis timeline carries uncertainty. The rally around the Diet dated 18 June rests on the same
# encyclopedia article as one of the seeds, and the claims table could not confirm that date:

# %%
rally = history.claims_for(["C045", "C049"])
Markdown(
    rally[["paraphrase", "claimed_value", "evidence_value", "verdict"]].to_markdown(index=False)
)

# %% [markdown]
# ## Exercises
#
# ### Exercise 1.1
# For every event from 1945 to 1960, find the Japanese prime minister and the U.S. president
# in office on its date with `history.leader_on`. Which prime minister presided over the most
# events, and which over the most treaty and protest events? Why should month- or year-only
# dates make you cautious about events near the start or end of a term?

# %% tags=["solution"]
founding = history.events_between(1945, 1960)
founding["prime_minister"] = founding["date"].map(history.leader_on)
founding["president"] = founding["date"].map(lambda d: history.leader_on(d, "USA"))
print(founding["prime_minister"].value_counts().to_string())
pivot = founding.pivot_table(
    index="prime_minister", columns="category", values="title", aggfunc="count", fill_value=0
)
pivot[["treaty", "protest"]]

# %% [markdown]
# ### Exercise 1.2
# Compute Okinawa's share of all U.S. personnel in Japan for each report from 1950 to 1960.
# In which report was it highest? Which change between consecutive reports is affected by the
# switch from June to September reports, and how should that temper your reading?

# %% tags=["solution"]
split = history.personnel_by_area(1950, 1960).set_index("year")
okinawa_share = (split["okinawa"] / split["total"]).round(3)
print(okinawa_share.to_string())
print(f"Highest share: {okinawa_share.max():.1%} in the {okinawa_share.idxmax()} report")
print(split["report_month"].to_string())

# %% [markdown]
# ### Exercise 1.3
# Which treaty provisions in the comparison rest on secondary sources (encyclopedias, blog
# copies) rather than primary texts or ATOP? Use `history.with_source_kind` on the
# `treaty_provisions` table. Which of the chapter's conclusions about the revision would be
# weakened if those rows turned out to be wrong?

# %% tags=["solution"]
graded = history.with_source_kind(ad.load("treaty_provisions"))
print(graded["source_kind"].value_counts().to_string())
graded.loc[graded["source_kind"] == "secondary", ["provision", "change", "source_id"]]

# %% [markdown]
# ## Key figures
#
# These cells print fixed figures for 1945–1960, whatever the parameters, so that a re-run can
# be checked against them.

# %% keep_output=true
# NBVAL_CHECK_OUTPUT
origins = history.events_between(1945, 1960)
print(f"Events 1945-1960: {len(origins)}")
print(history.category_counts(origins).to_string())
print("Treaty provisions by change (1951 -> 1960):")
print(history.change_counts().to_string())

# %% keep_output=true
# NBVAL_CHECK_OUTPUT
area = history.personnel_by_area(1950, 1960).set_index("year")
print(f"Peak U.S. personnel 1950-1960: {int(area.total.max()):,} ({int(area.total.idxmax())})")
print(f"Mainland 1955 -> 1960: {int(area.mainland[1955]):,} -> {int(area.mainland[1960]):,}")
print(f"Okinawa 1955 -> 1960: {int(area.okinawa[1955]):,} -> {int(area.okinawa[1960]):,}")

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
for table in ["events", "leaders", "treaty_provisions", "troops", "troops_japan_by_area", "claims"]:
    print(ad.cite(table), end="\n\n")
