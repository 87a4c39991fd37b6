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
# # Chapter 7: Trade, technology and arms
#
# Allies can be rivals in the marketplace. For decades the United States protected Japan while
# accusing it of unfair trade, and Japan relied on American protection while buying most of its
# weapons from the same partner. This chapter looks at both economic threads: the goods trade
# that fed political friction, and the arms trade that binds the two militaries together.
#
# **Learning goals**
#
# - Explain why trade disputes of the 1970s and 1980s strained, but did not break, the alliance.
# - Read a sparse, multi-source trade series without inventing the missing years.
# - Say what SIPRI's trend-indicator value (TIV) measures and what it does not.
# - Measure Japan's dependence on U.S. arms, by year and by decade.
# - Test two official claims about arms sales against the data, and say when a claim cannot be
#   tested.

# %% tags=["parameters"]
start_year = 1952  # first year of the arms series shown (SIPRI's first delivery is in 1952)
end_year = 2021  # last year of the arms series shown (SIPRI data end in 2021)

# %%
# ruff: noqa: E402  (the imports follow the papermill parameters cell by design)
from IPython.display import Markdown

import alliance_data as ad
from alliance_data import economics as ec
from alliance_data import plotting

ad.validate_parameters("07_trade_arms", start_year=start_year, end_year=end_year)
plotting.use_house_style()

# %% [markdown]
# The year parameters apply to the arms series. The trade record is so thin that it is always
# shown in full, wherever a figure exists.
#
# ## 1. Friction inside an alliance
#
# Japan's postwar strategy traded a small military for a fast-growing economy, and by the 1970s
# that economy was competing head-on with American industry. The short explainer held as seed
# document 002 (source `explainer_us_japan_alliance`, an unattributed secondary text) says that
# this rise drew U.S. pressure over particular sectors, naming textiles, beef and automobiles.
# The list is plausible: it moves from a labour-intensive industry, through a protected
# agricultural market that Washington wanted opened, to the car industry at the heart of the
# American manufacturing economy. The typical instruments were negotiated rather than imposed:
# Japan "voluntarily" restrained some exports and opened some markets, so that Congress would not
# legislate something harsher.
#
# This package cannot date those disputes. The claims table records what happened when the
# explainer's statement was checked, and the events table contains no trade events at all.

# %%
c074 = ec.claim("C074")
events = ad.load("events")
Markdown(
    f"> **Claim {c074.name}**: {c074.paraphrase} (claimed: {c074.claimed_value}).  \n"
    f"> **Verdict: {c074.verdict}.** {c074.explanation}\n\n"
    f"Note one small discrepancy: the explanation says the trade file begins in the "
    f"mid-1980s, while the package's `trade` table has figures from "
    f"{ad.load('trade').year.min()}. Its main point, that the table holds totals and no "
    "sectors, still stands. "
    f"The events table has {len(events)} dated events in {events.category.nunique()} categories "
    f"({', '.join(sorted(events.category.unique()))}); none of them is a trade category, so no "
    "trade dispute is placed on a timeline in this chapter."
)

# %% [markdown]
# Why did commercial conflict stay contained? Three reasons are usually given, and you should
# weigh them rather than accept them. First, both governments kept security and trade on
# separate negotiating tracks, so that a quarrel over cars did not reopen the treaty. Second,
# Washington's leverage in trade talks came partly *from* the alliance: a country that depends on
# another for its defence has reasons to concede on beef. Third, Cold War threat perceptions were
# shared, which raised the cost of letting economic anger spill over. The first explanation
# stresses institutions, the second power, the third interests; the data below cannot decide
# between them, but they do show how large the imbalance at the centre of the dispute was.

# %% [markdown]
# ## 2. The U.S. goods balance with Japan
#
# No continuous official series was available to this project. The `trade` table instead holds
# figures transcribed from Congressional Research Service reports, the U.S. International Trade
# Commission, the U.S. Trade Representative, and press reports. Read its caveats before using it.

# %%
print(ad.describe("trade"))

# %%
trade = ec.trade_rows()
balance = trade.dropna(subset=["us_balance_usd_bn"])
missing = sorted(set(range(trade.year.min(), trade.year.max() + 1)) - set(trade.year))
Markdown(
    f"The table has {len(trade)} rows in {trade.year.nunique()} distinct years between "
    f"{trade.year.min()} and {trade.year.max()}; {balance.year.nunique()} of those years have a "
    f"balance figure, and {int(trade.derived.sum())} values were derived from a stated change "
    f"rather than read directly. {len(missing)} years in that span have no figure at all. "
    f"The rows come from {trade.source_id.nunique()} different pages and fall into "
    f"{trade.basis_group.nunique()} groups of reporter and definition."
)

# %% [markdown]
# ### Figure 1: the balance, point by point
#
# Each point is one published figure. The marker shows who reported it and on what definition;
# hollow markers are values the transcriber derived from a stated year-on-year change. There are
# deliberately no connecting lines: joining the points would draw a path through years for which
# there is no evidence. Dashed lines mark alliance milestones for orientation only, since the
# event table holds no trade events.

# %%
fig, ax = plotting.new_figure(figsize=(9, 5.2))
ec.draw_trade_balance(ax, balance)
plotting.annotate_events(ax, ec.event_marks(ec.TRADE_CONTEXT_EVENTS, 1980, 2024))
_ = plotting.finish(
    ax,
    title="U.S. goods trade balance with Japan, as published",
    ylabel="Balance (US$ billion, current; negative = U.S. deficit)",
    xlabel="Calendar year",
    sources=balance.source_id.unique(),
    note="One point per published figure; no line is drawn through missing years. Hollow "
    "markers: values derived from a stated change. The Japan MOF figure is Japan's reported "
    "surplus with its sign flipped.",
)

# %%
worst = balance.loc[balance.us_balance_usd_bn.idxmin()]
first, last = balance.sort_values("year").iloc[[0, -1]].itertuples()
Markdown(
    f"The earliest balance in the table is {first.us_balance_usd_bn:+.1f} billion dollars "
    f"({first.year}); the largest deficit recorded is {worst.us_balance_usd_bn:+.1f} billion "
    f"({worst.year}, {'a derived value' if worst.derived else 'as published'}); the latest is "
    f"{last.us_balance_usd_bn:+.1f} billion ({last.year}, {last.basis_group})."
)

# %% [markdown]
# **Reading the figure.** Three things stand out. The deficit widened very fast across the first
# three points, in the early 1980s; that is the backdrop against which the sectoral disputes
# described above should be read, even though this package cannot say when each of them peaked.
# The deficit then stayed large for the next quarter century in nominal dollars, with a marked
# dip in 2009, the year of the global trade collapse. And there is no sign in the later points of
# the imbalance closing. What changed after the 1990s was less the numbers than the politics, as
# the focus of American complaints about trade shifted towards China.
#
# Treat every comparison across years with care. The figures are in current dollars, so the
# 1980s values are not comparable in real terms with later ones, and the definitions differ:
# "total" exports include re-exports of foreign goods while "domestic" exports do not, and
# imports may be counted as general imports or imports for consumption. Even the same statistic
# changes between releases, as the next table shows. The single Japan-reported figure is a
# mirror statistic: Japan values its exports when they leave Japan, the United States values
# its imports when they arrive, so the two sides never agree exactly.

# %%
exports = trade.dropna(subset=["us_exports_to_japan_usd_bn"])
twice = exports[exports.duplicated("year", keep=False)]
twice[["year", "us_exports_to_japan_usd_bn", "basis", "source_id"]]

# %%
gaps = twice.groupby("year").us_exports_to_japan_usd_bn.agg(lambda s: s.max() - s.min())
Markdown(
    "Where two publications give U.S. exports for the same year, they differ by "
    + "; ".join(f"{gap:.1f} billion dollars in {year}" for year, gap in gaps.items())
    + ". Neither figure "
    "is wrong; they come from different releases and definitions, which is exactly why rows "
    "from different sources should not be joined into one line."
)

# %% [markdown]
# ## 3. Arms: measuring dependence with SIPRI's TIV
#
# The arms data come from the SIPRI Arms Transfers Database. SIPRI does not record prices.
# It values each delivered weapon with a *trend-indicator value* (TIV) based on the estimated
# production cost of a reference weapon, so that a fighter aircraft counts for more than a
# machine gun whatever was actually paid. TIV is therefore a measure of the military
# capability transferred, and it suits comparisons of volume and of shares between suppliers.
# It is not money, and it cannot be compared with dollar figures such as sales approvals.
# SIPRI also counts weapons produced under licence as transfers from the licensor, which
# matters for Japan: much of its American equipment was built in Japanese factories.

# %%
arms = ec.arms_by_supplier(start_year, end_year)
shown = ad.load("arms_transfers").query("@start_year <= year <= @end_year")
print(
    f"Data shown: {shown.year.min()}–{shown.year.max()} "
    f"({arms.shape[1]} suppliers, {len(shown)} supplier-year rows)"
)

# %%
total = arms.sum(axis=1)
range_share = ec.us_share_pct(start_year, end_year)
Markdown(
    f"Between {start_year} and {end_year} SIPRI records deliveries to Japan from "
    f"{(arms.sum() > 0).sum()} suppliers. The United States accounts for {range_share:.1f} "
    f"percent of the TIV delivered. The busiest year was {total.idxmax()}, with "
    f"{total.max():,.0f} million TIV in all; {int((total == 0).sum())} years in the range have "
    "no recorded delivery."
)

# %% [markdown]
# ### Figure 2: deliveries by supplier
#
# The upper panel stacks every supplier; the lower panel removes the United States so that the
# small suppliers become visible on their own scale. Note the different y-axes.

# %%
fig, (top, low) = ec.tiv_figure(arms, start_year, end_year)
_ = plotting.finish(
    top,
    title="Major conventional arms delivered to Japan, by supplier",
    ylabel="All suppliers (million TIV)",
    sources=shown.source_id.unique(),
    note="SIPRI trend-indicator values: a volume measure of capability transferred, not "
    "prices. Years without deliveries are zero. Includes licensed production.",
)

# %% [markdown]
# **Reading the figure.** The U.S. bars tower over everything else in every era, and the shape
# of the series follows the phases of Japan's defence policy. Deliveries build up after the 1954
# Mutual Defense Assistance Agreement, when the new Self-Defense Forces were equipped largely from
# American aid. They grow again through the 1970s and 1980s, when the defence outline of 1976
# and the first Guidelines of 1978 gave Japan a defined role inside the alliance and the late
# Cold War build-up was under way. After the early 1990s they fall steeply: the Soviet threat had
# gone and budgets were flat (Chapter 4 shows the plateau); a growing reliance on Japanese-designed
# equipment, which SIPRI does not count as an import, is a likely further reason. The rise in the
# late 2010s fits the arrival of the advanced American systems named in the DoD article
# (section 5), but confirming that would require SIPRI's item-level register, which this package
# does not ship.
#
# The lower panel shows that the other suppliers are mostly European, and that the British share
# is the only one visible in most decades. None of them comes close to being an alternative to
# the United States.

# %% [markdown]
# ## 4. The U.S. share by decade
#
# Annual shares swing when total deliveries are small, so the next figure pools TIV by decade.
# Decades only partly inside the selected years are labelled with the number of years they cover.

# %%
decades = ec.us_share_by_decade(start_year, end_year)
c026 = ec.claim("C026")
fig, ax = plotting.new_figure()
claim_label = f"DoD claim {c026.name}: more than {c026.claimed_value} percent"
ec.draw_share_bars(ax, decades, float(c026.claimed_value), claim_label)
_ = plotting.finish(
    ax,
    title="U.S. share of Japan's arms imports, by decade",
    ylabel="U.S. share of TIV delivered (percent)",
    xlabel="Decade of delivery",
    sources=[*shown.source_id.unique(), c026.source_id],
    note="Share of SIPRI trend-indicator values, pooled by decade. Dashed line: the threshold "
    "in the DoD claim (seed 004).",
)

# %%
decades[["label", "us_tiv_m", "total_tiv_m", "us_share_pct", "years_with_deliveries"]].round(1)

# %% [markdown]
# **Reading the figure.** The U.S. share never falls far below the top of the scale. It is
# highest in the 1950s, when American aid was almost the only source, and lowest in the
# 2000s, when total deliveries were small and a handful of European items weighs more in the
# ratio. A share, though, says nothing about volume: the bars look alike in decades whose totals
# differ several-fold, as the table shows. Dependence measured by share was constant; the
# amount being depended on was not.

# %% [markdown]
# ## 5. Two official claims about arms sales
#
# The Defense Department article of August 2020 (seed document 004) makes two statements about
# arms sales. The claims table records both.

# %%
c027 = ec.claim("C027")
Markdown(
    "\n\n".join(
        f"> **Claim {c.name}**: {c.paraphrase}.  \n> Claimed: {c.claimed_value} ({c.unit}).  \n"
        f"> Evidence: {c.evidence_value if isinstance(c.evidence_value, str) else 'none'}.  \n"
        f"> **Verdict: {c.verdict}.** {c.explanation}"
        for c in (c026, c027)
    )
)

# %%
windows = [(1950, 2021), (2010, 2019), (2012, 2021)]
Markdown(
    "Recomputed here from the same SIPRI table, the U.S. share of TIV is "
    + "; ".join(f"{ec.us_share_pct(a, b):.1f} percent for {a}–{b}" for a, b in windows)
    + f"; and {ec.us_share_pct(start_year, end_year):.1f} percent for the selected years, "
    f"{start_year}–{end_year}."
)

# %% [markdown]
# **The import share.** The first claim survives every window the data allow, which is why its
# verdict is "consistent". Two cautions still apply. The DoD speaks of *defence imports*, which
# would include spare parts, services and small arms; SIPRI's TIV covers major conventional
# weapons only. And a share computed on TIV weights items by a reference production cost, not by
# what Japan paid. The claim is well supported as a statement about major weapons, and untested
# as a statement about money.
#
# **The sales figure.** The second claim cannot be tested at all with these data. Foreign
# Military Sales (FMS) is the government-to-government channel through which the Pentagon sells
# equipment, and a figure for "approved" sales is a running total of agreed cases in dollars.
# TIV counts deliveries, often years after approval, in a different unit. Nothing here converts
# one into the other, and the single notifications mentioned in the claims table are proposals,
# not approved totals, so they cannot fill the gap.
#
# The article names the systems behind its figure: F-35 fighters, the KC-46 tanker, E-2D
# radar aircraft for early warning, the Global Hawk drone and MV-22 tilt-rotors, plus
# AIM-120 air-to-air missiles, Harpoon anti-ship missiles and SM-3 Block IIA interceptors. The
# list says something the numbers cannot. Almost every item is about seeing, reaching or
# intercepting at long range and about operating alongside U.S. forces: surveillance,
# refuelling, air and missile defence. These purchases tie Japanese forces into American
# networks, which is interoperability in practice. The interceptor is also a case of
# technology sharing, having been developed jointly by the two countries; the Wikipedia text
# held as seed 001 describes such sharing as limited, and this list suggests the limits have
# been loosening at the high end.

# %% [markdown]
# ## Exercises
#
# ### Exercise 7.1
# The evidence for claim C026 quotes U.S. shares for several windows, including 2011–2020 and
# 2015–2019. Recompute those two windows with `ec.us_share_pct` and check them against the
# claim's `explanation` text.

# %% tags=["solution"]
for a, b in [(2011, 2020), (2015, 2019)]:
    print(f"{a}-{b}: {ec.us_share_pct(a, b):.1f}%")
print(ec.claim("C026").explanation)

# %% [markdown]
# ### Exercise 7.2
# In which years of the selected range did suppliers other than the United States deliver more
# than 10 percent of Japan's TIV? Is there a pattern, and what does it suggest about how a
# few small items can move a share?

# %% tags=["solution"]
yearly = ec.arms_by_supplier(start_year, end_year)
non_us = 100 - yearly["USA"] / yearly.sum(axis=1) * 100
big = non_us[non_us > 10].round(1)
print(big.to_string() if len(big) else "No year above 10 percent.")
# With the default years they cluster in 2000-2013, when total deliveries were lowest, so a
# few European items were enough to push the non-U.S. share up.

# %% [markdown]
# ### Exercise 7.3
# Using the `trade` table, list every year that has both an exports and an imports figure and
# compute the balance yourself. Does your result match `us_balance_usd_bn`? Where it does not,
# use the `note` and `derived` columns to explain why.

# %% tags=["solution"]
both = ec.trade_rows().dropna(subset=["us_exports_to_japan_usd_bn", "us_imports_from_japan_usd_bn"])
both = both.assign(recomputed=both.us_exports_to_japan_usd_bn - both.us_imports_from_japan_usd_bn)
both["difference"] = (both.recomputed - both.us_balance_usd_bn).round(2)
both[["year", "recomputed", "us_balance_usd_bn", "difference", "derived", "note"]]

# %% [markdown]
# ## Key figures
#
# Computed from the full tables, whatever the parameters. SIPRI's table runs from 1950, but the
# first delivery to Japan is in 1952, so the full-period share covers 1950–2021.

# %% keep_output=true
# NBVAL_CHECK_OUTPUT
full = ec.arms_by_supplier(1952, 2021)
print(f"U.S. share of TIV delivered to Japan, 1950-2021 (%): {ec.us_share_pct(1950, 2021):.1f}")
print(f"Peak year of total TIV delivered: {full.sum(axis=1).idxmax()}")
print(f"Peak year of U.S. TIV delivered: {full['USA'].idxmax()}")
trade_all = ad.load("trade")
print(f"Trade years with any figure: {trade_all.year.nunique()}")
balance_years = trade_all.dropna(subset=["us_balance_usd_bn"]).year.nunique()
print(f"Trade years with a balance figure: {balance_years}")

# %% [markdown]
# ## Key takeaways
#
# - The trade disputes of the 1970s and 1980s were real and bitter, but this package can neither
#   date nor measure them by sector; the claim about them remains unverified here.
# - The U.S. goods deficit with Japan appears in the record only as scattered points from
#   differing sources and definitions; it grew fast in the early 1980s and stayed large.
# - By SIPRI's volume measure the United States has supplied nearly all of Japan's major
#   imported weapons in every decade, which supports the DoD's import-share claim.
# - Dollar figures for arms sales approvals cannot be checked against TIV deliveries; different
#   units, timing and coverage make them separate questions.

# %% [markdown]
# ## Sources

# %%
for table in ["trade", "arms_transfers", "claims", "events"]:
    print(f"--- {table}\n{ad.cite(table)}\n")
