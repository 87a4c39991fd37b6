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
# # Chapter 4: Burden sharing
#
# Every alliance argues about who pays, and this one has argued in two currencies at once.
# Washington tends to ask what Japan contributes in dollars; Tokyo answers with yen budgets,
# fiscal years and legal categories that do not map neatly onto the American question. This
# chapter puts the two halves of Japan's contribution side by side: the money it spends on
# hosting U.S. forces, and the money it spends on its own Self-Defense Forces.
#
# **Learning goals**
#
# - Explain what Host Nation Support (HNS, *omoiyari yosan*) covers and why its published
#   figures disagree with one another.
# - Turn nominal yen into real yen with a price index, and say where that index comes from.
# - Compare defence effort across countries as a share of GDP, and know what that ratio hides.
# - Judge an official dollar claim against yen evidence without inventing an exchange rate.
# - Describe the scale of Japan's post-2022 defence build-up in constant prices.

# %% tags=["parameters"]
start_year = 1990  # first calendar/fiscal year shown
end_year = 2024  # last calendar/fiscal year shown
compare_countries = ["JPN", "USA", "CHN", "KOR"]  # ISO3 codes for the spending comparison
min_reliability = "medium"  # lowest HNS reliability grade kept: "high", "medium" or "low"

# %%
# ruff: noqa: E402  (the imports follow the papermill parameters cell by design)
from IPython.display import Markdown

import alliance_data as ad
from alliance_data import economics as ec
from alliance_data import plotting, prices

ad.validate_parameters(
    "04_burden_sharing",
    start_year=start_year,
    end_year=end_year,
    compare_countries=compare_countries,
    min_reliability=min_reliability,
)
plotting.use_house_style()

# %% [markdown]
# ## 1. Two ledgers of one bargain
#
# The 1960 treaty traded an American promise to defend Japan for Japanese permission to
# station American forces on its territory. Nothing in that exchange fixes a price, which is
# why "burden sharing" has stayed a negotiable phrase rather than a formula. Two ledgers matter:
#
# 1. **Host Nation Support.** Since 1978 Japan has paid part of the running costs of U.S. bases
#    beyond what the Status of Forces Agreement requires: wages of Japanese base workers,
#    utilities, new facilities, and the relocation of training. Since the first Special Measures
#    Agreement (SMA) of 1987 the core of these payments has been fixed in multi-year agreements.
#    The Japanese nickname, *omoiyari yosan*, is usually rendered as the "sympathy" or
#    "consideration" budget, which tells you how it was first justified politically.
# 2. **Japan's own defence spending.** The more Japan spends on its own forces, the less the
#    United States must supply, at least in principle. Here the data are far better, because
#    SIPRI publishes a consistent series back to the 1950s.
#
# The Council on Foreign Relations backgrounder behind seed document 003 names base politics
# and cost-sharing as the two running quarrels of the alliance, and notes that the Trump
# administration turned the second into a public accusation
# (source: `cfr_us_japan_security_alliance`). The data below let you see what, exactly, was
# being argued about.

# %% [markdown]
# ## 2. Host Nation Support: a patchwork of transcribed figures
#
# There is no official, downloadable HNS series in this package. The table was transcribed by
# hand from newspapers, Ministry of Defense (MOD) tables reproduced on other sites, and blogs.
# Each row keeps its source, the budget basis the source states, and a reliability grade:
# *high* for reproductions of MOD tables, *medium* for newspapers, *low* for unsourced blogs.

# %%
print(ad.describe("host_nation_support"))

# %%
hns_all = ec.hns_annual("low")
hns = ec.hns_annual(min_reliability, start_year, end_year)
sma = ec.sma_yearly_averages(min_reliability, start_year, end_year)
dropped = len(ec.hns_annual("low", start_year, end_year)) - len(hns)
conflict_years = sorted(hns.loc[hns["conflict"], "fiscal_year"].unique())
Markdown(
    f"The table holds {len(hns_all)} annual rows covering {hns_all.fiscal_year.nunique()} "
    f"distinct fiscal years between {hns_all.fiscal_year.min()} and {hns_all.fiscal_year.max()}. "
    f"Within {start_year}–{end_year}, keeping grades at or above *{min_reliability}* leaves "
    f"{len(hns)} row(s) in {hns.fiscal_year.nunique()} fiscal year(s) ({dropped} dropped). "
    f"Years that still carry two conflicting values: "
    f"{', '.join(map(str, conflict_years)) or 'none'}."
)

# %%
hns[["fiscal_year", "amount_jpy_100m", "basis_group", "reliability", "source_id"]]

# %% [markdown]
# ### Nominal and real yen
#
# A yen in FY2000 bought more than a yen in FY2021, so the nominal series flatters later
# years. To compare them we divide by a price index. The package does not ship a consumer
# price index as such; `alliance_data.prices` *derives* one from SIPRI. SIPRI turns Japan's
# yen spending into constant 2023 dollars by deflating it with Japan's consumer price index, then
# converting at the 2023 exchange rate. Dividing the yen series by the constant-dollar series
# therefore cancels the single exchange rate and leaves the CPI, which `price_index` rescales so
# that 2023 equals one. Two caveats follow. The index is by calendar year while HNS budgets run
# April to March, so each fiscal year is deflated with the calendar year in which it starts.
# And the index stops where SIPRI stops, so no real value exists for years after its last year.

# %%
index = prices.price_index("JPN", 2023)
first_idx = index.loc[max(start_year, index.index.min())]
Markdown(
    f"The derived index runs from {index.index.min()} to {index.index.max()}. On it, prices in "
    f"{max(start_year, index.index.min())} stood at {first_idx:.3f} of their 2023 level, so a "
    f"yen amount from that year is multiplied by {1 / first_idx:.2f} to express it in 2023 yen."
)

# %% [markdown]
# ### Figure 1: the HNS record
#
# Each point is one source's figure for one fiscal year. Colour gives the reliability grade and
# the marker gives the budget basis. Where the table has two values for one year, both points
# are drawn and joined by a thin line. The dashed green steps are *not* budget figures: they
# are the five-year SMA totals divided by the number of years each agreement covers, an average
# we compute so the totals can sit on the same axis as the annual figures.

# %%
fig, (top, bottom) = ec.hns_figure(hns, sma, start_year, end_year)
_ = plotting.finish(
    top,
    title="Japan's Host Nation Support for U.S. forces, nominal and real",
    ylabel="Nominal (100 million yen)",
    sources=[*hns.source_id, *sma.source_id, "sipri_milex_2025"],
    note=f"Grades below '{min_reliability}' omitted. Dashed: SMA totals divided by the years "
    "covered (computed averages, not budgets). Real values deflated with a CPI index derived "
    "from SIPRI, which ends in SIPRI's last year.",
)

# %%
if len(hns):
    peak, latest = hns.loc[hns.real_jpy_100m.idxmax()], hns.sort_values("fiscal_year").iloc[-1]
    text = (
        f"Among the rows kept, the highest real value is FY{peak.fiscal_year}'s "
        f"{peak.amount_jpy_100m:,.0f} (100 million yen), worth {peak.real_jpy_100m:,.0f} in 2023 "
        f"prices ({peak.basis_group.lower()}, {peak.reliability} reliability). The latest kept "
        f"figure, for FY{latest.fiscal_year}, is {latest.amount_jpy_100m:,.0f}, or "
        f"{latest.real_jpy_100m:,.0f} in 2023 prices."
    )
else:
    text = "No annual HNS row survives the current filters."
Markdown(text)

# %% [markdown]
# **Reading the figure.** With the default filters the kept points describe a fall from a peak
# around the turn of the century to a lower plateau, after which the budgets creep upward again.
# The fall is real, and it is not an artefact of deflation: Japanese consumer prices hardly moved
# in those years, so the nominal and real panels have nearly the same shape. Deflation matters
# more at the ends of the series. The earliest blog-sourced figures (visible if you lower
# `min_reliability` to `"low"`) sit far below the later ones even in real terms, because the
# programme grew step by step from its 1978 start.
#
# Three warnings keep this reading honest:
#
# - **Basis.** An expenditure-basis budget counts money to be paid out in the year; a
#   contract-basis figure counts obligations signed in the year, which may be paid later. The
#   two FY2009 points come from the *same* MOD table and still differ, because the facilities
#   programme is counted differently.
# - **Scope.** Some sources report "total HNS", others only the part covered by the Special
#   Measures Agreement, and the agreement-level figures describe a negotiated ceiling rather
#   than a budget outcome. The `scope` column says which is which.
# - **Gaps.** Most years have no figure at all. A line drawn through the points would invent
#   the missing years, which is why the figure shows points only.
#
# The two dashed SMA averages are useful mainly as a check: where an annual budget figure sits
# close to its agreement's computed average, the two independent transcriptions corroborate each
# other. They cannot tell you how the money was phased across the five years.

# %%
sma.groupby("agreement").agg(
    total_jpy_100m=("total_jpy_100m", "first"),
    years_shown=("fiscal_year", "size"),
    computed_average=("average_jpy_100m", "first"),
    source_id=("source_id", "first"),
)

# %% [markdown]
# ## 3. A dollar claim checked against yen evidence
#
# The Defense Department news article of August 2020 (seed document 004) puts a round dollar
# figure on what Japan pays each year toward the cost of stationing U.S. forces. The project's
# claims table records the figure and how it fares against the HNS data.

# %%
c025 = ec.claim("C025")
Markdown(
    f"> **Claim {c025.name}** ({c025.seed}): {c025.paraphrase}.  \n"
    f"> Claimed value: {c025.claimed_value} ({c025.unit}).  \n"
    f"> Evidence: {c025.evidence_value}.  \n"
    f"> **Verdict: {c025.verdict}.** {c025.explanation}"
)

# %% [markdown]
# The verdict is "approximate", not "consistent", for reasons worth spelling out:
#
# - **Units.** The claim is in dollars, the evidence in yen. Converting requires choosing an
#   exchange rate *and a date*; the yen moved a great deal against the dollar over this period,
#   so the answer depends on the choice. This chapter does not supply a rate from memory.
#   (Exercise 4.2 shows what SIPRI's own columns imply, and why even that is only a rough check.)
# - **Scope.** "The cost of stationing U.S. forces" can mean HNS in the narrow sense, or the
#   wider set of base-related outlays in Japan's budget, such as land rents, payments to base
#   host communities and the costs of the realignment of U.S. forces. The article does not say
#   which; the yen evidence is for HNS.
# - **Timing.** The article appeared in August 2020, midway through the FY2016–2020 agreement.
#   A per-year figure could be a single budget, an agreement average, or a rounded talking point.
#
# The general lesson: when a claim and its evidence are in different units, the honest result
# is a range of plausible agreement with the reasons stated, not a single converted number.

# %% [markdown]
# ## 4. Japan's own defence effort as a share of GDP
#
# The second ledger is Japan's spending on its own forces. Share of GDP is the usual yardstick
# in burden-sharing debates because it corrects for the size of the economy. It is a ratio of two
# estimates, though, so a falling share can mean flat spending in a growing economy as easily as
# a cut, and countries define "military expenditure" differently. SIPRI applies one definition
# to all countries, which is why it is used here rather than national budget figures.

# %%
share = ec.milex_wide(compare_countries, start_year, end_year)
shown = ec.milex(compare_countries, start_year, end_year)
print(f"Data shown: {shown.year.min()}–{shown.year.max()} for {', '.join(share.columns)}")

# %%
fig, ax = plotting.new_figure()
ec.draw_country_lines(ax, share)
plotting.annotate_events(ax, ec.event_marks(ec.STRATEGY_EVENTS, start_year, end_year))
_ = plotting.finish(
    ax,
    title="Military expenditure as a share of GDP",
    ylabel="Share of GDP (percent)",
    xlabel="Calendar year",
    sources=shown.source_id.unique(),
    note="SIPRI's definition of military expenditure for every country; each line starts "
    "where SIPRI's series for that country starts.",
)

# %%
share.agg(["mean", "min", "max"]).T.assign(last=share.ffill().iloc[-1]).round(2)

# %%
jpn_share = share["JPN"] if "JPN" in share else None
Markdown(
    "Japan is not among the countries selected."
    if jpn_share is None
    else f"Over {share.index.min()}–{share.index.max()} Japan's share averaged "
    f"{jpn_share.mean():.2f} percent of GDP, ranging from {jpn_share.min():.2f} "
    f"({jpn_share.idxmin()}) to {jpn_share.max():.2f} ({jpn_share.idxmax()}). "
    + " ".join(
        f"{c}'s average was {share[c].mean():.2f} percent." for c in share.columns if c != "JPN"
    )
)

# %% [markdown]
# **Reading the figure.** For most of the period Japan's line is almost flat and well below the
# others. That flatness is a political choice as much as an economic outcome: from the 1970s
# Japanese governments treated a low ceiling on defence spending relative to GDP as a norm of
# postwar restraint, and the line hugs that norm for decades. The United States, by contrast,
# moves with its wars: the share falls after the Cold War and rises again in the 2000s.
# South Korea, facing a land border with a hostile state, spends a far larger share than Japan
# throughout. China's series begins only where SIPRI's estimates do, and those estimates carry
# wide uncertainty because Beijing's official budget leaves out items SIPRI counts.
#
# The break at the right edge is the point of the chapter's last figure: Japan's share rises
# clearly above its long-run band only after the December 2022 strategy documents.

# %% [markdown]
# ## 5. Constant dollars and the post-2022 build-up
#
# Shares of GDP hide levels. The next figure shows Japan's spending in SIPRI's constant 2023
# US dollars, which removes Japanese inflation and holds the exchange rate at its 2023 value.
# It is a volume measure: a rise means Japan bought more defence in yen of constant value, not
# that the yen strengthened.

# %%
jpn = ec.milex(["JPN"], start_year, end_year).set_index("year")
usd_bn = jpn["milex_usd_m_constant"] / 1000
fig, ax = plotting.new_figure()
ax.plot(usd_bn, color=plotting.COUNTRY_COLOURS["JPN"], linewidth=2.5, marker="o", ms=3)
ax.set_ylim(0, usd_bn.max() * 1.4)
plotting.annotate_events(ax, ec.event_marks(ec.BUILDUP_EVENTS, start_year, end_year))
if end_year >= 2023:
    ax.axvspan(2022.96, end_year + 0.5, color="#0072B2", alpha=0.08, zorder=0)
_ = plotting.finish(
    ax,
    title="Japan's military expenditure in constant 2023 dollars",
    ylabel="US$ billion (constant 2023 prices)",
    xlabel="Calendar year",
    sources=jpn.source_id.unique(),
    note="Shaded: years after the December 2022 strategy documents.",
)

# %%
if {2022, end_year} <= set(jpn.index) and end_year > 2022:
    rise = ec.growth_pct(jpn["milex_usd_m_constant"], 2022, end_year)
    share_rise = jpn.loc[end_year, "share_of_gdp_pct"] - jpn.loc[2022, "share_of_gdp_pct"]
    text = (
        f"Between 2022 and {end_year} Japan's spending in constant 2023 dollars rose by "
        f"{rise:.1f} percent, and its share of GDP by {share_rise:.2f} percentage points, to "
        f"{jpn.loc[end_year, 'share_of_gdp_pct']:.2f} percent."
    )
else:
    text = "The selected years do not include both 2022 and a later year, so no build-up is shown."
Markdown(text)

# %% [markdown]
# **Reading the figure.** The long middle of the series is a plateau: after growing through the
# 1970s and 1980s, Japan's real defence spending barely moved for two decades. The December 2022
# documents (the National Security Strategy and its companions, which also approved a
# counterstrike capability) mark a break; the rise that follows is the steepest in the series.
# Note the dip in 2022 itself. SIPRI's calendar-year figures are built from Japan's April–March
# budgets, so a single year's movement near a turning point can reflect timing as much as
# policy; the multi-year trend deserves more weight than any one step.
#
# Constant dollars at 2023 exchange rates are the right choice for comparing volumes over time.
# They are the wrong choice for asking what Japan's spending was worth in dollars *in a given
# year*; that needs SIPRI's current-dollar column, which moves with the exchange rate.

# %% [markdown]
# ## Exercises
#
# ### Exercise 4.1
# Re-run the HNS selection with `min_reliability="high"`. How many fiscal years keep a value,
# and does any year still have two conflicting values? What does this tell you about relying on
# the high-grade rows alone?

# %% tags=["solution"]
strict = ec.hns_annual("high")
print("Fiscal years with a high-grade value:", sorted(strict.fiscal_year.unique().tolist()))
print(
    "Conflicting years among them:",
    sorted(strict.loc[strict.conflict, "fiscal_year"].unique().tolist()),
)
# The high-grade rows are few and clustered in recent years, so they cannot describe the
# trend alone. Even one MOD table gives two values for FY2009 (contract vs expenditure basis):
# a high grade does not remove the need to compare like with like.

# %% [markdown]
# ### Exercise 4.2
# SIPRI publishes Japan's spending both in yen and in *current* US dollars. Their ratio is the
# calendar-year exchange rate SIPRI used. Use `ec.sipri_implied_yen_per_dollar()` to express the
# FY2019 and FY2021 HNS budgets in current dollars, and compare them with the claimed value in
# claim C025. Name two reasons why this is only an order-of-magnitude check.

# %% tags=["solution"]
rate = ec.sipri_implied_yen_per_dollar()
check = ec.hns_annual("medium").query("fiscal_year in [2019, 2021]").copy()
check["jpy_per_usd"] = check.fiscal_year.map(rate)
check["usd_bn"] = check.amount_jpy_100m * 1e8 / check.jpy_per_usd / 1e9
print(check[["fiscal_year", "amount_jpy_100m", "source_id", "jpy_per_usd", "usd_bn"]].round(2))
# Reasons for caution: the rate is a calendar-year average while the budget runs April–March;
# SIPRI's rate is its own conversion, not an official one used by the DoD; and the DoD may mean
# a wider scope of base-related costs than HNS.

# %% [markdown]
# ### Exercise 4.3
# For each country in `compare_countries`, compute the change in military expenditure as a
# share of GDP (in percentage points) between the first and last year of the selected range.
# Which country changed most, and in which direction?

# %% tags=["solution"]
wide = ec.milex_wide(compare_countries, start_year, end_year).dropna(axis=1, how="all")
first_valid = wide.apply(lambda s: s.dropna().iloc[0])
last_valid = wide.apply(lambda s: s.dropna().iloc[-1])
(last_valid - first_valid).round(2).sort_values()

# %% [markdown]
# ### Exercise 4.4
# Compare the FY2000 and FY2021 HNS budgets (medium grade or better) in nominal and in real
# terms. By how many percent did each fall? Why are the two answers close?

# %% tags=["solution"]
pair = ec.hns_annual("medium").query("fiscal_year in [2000, 2021]").set_index("fiscal_year")
for column in ["amount_jpy_100m", "real_jpy_100m"]:
    print(column, f"{ec.growth_pct(pair[column], 2000, 2021):.1f}%")
# Japanese consumer prices changed little between these years, so deflating hardly alters the
# comparison.

# %% [markdown]
# ## Key figures
#
# These numbers are computed from the full tables, whatever the parameters, so they can be
# checked automatically.

# %% keep_output=true
# NBVAL_CHECK_OUTPUT
jpn_all = ec.milex(["JPN"], 1952, 2024).set_index("year")
print(f"Japan, % of GDP, mean 2010-2019: {jpn_all.loc[2010:2019, 'share_of_gdp_pct'].mean():.1f}")
print(f"Japan, % of GDP, 2024: {jpn_all.loc[2024, 'share_of_gdp_pct']:.1f}")
growth = ec.growth_pct(jpn_all["milex_usd_m_constant"], 2022, 2024)
print(f"Japan, constant-2023-US$ growth 2022-2024 (%): {growth:.1f}")
print(f"HNS fiscal years with an annual value (any grade): {hns_all.fiscal_year.nunique()}")
n_conflict = hns_all[hns_all.conflict].fiscal_year.nunique()
print(f"HNS fiscal years with conflicting values (any grade): {n_conflict}")

# %% [markdown]
# ## Key takeaways
#
# - Host Nation Support is documented only through scattered, transcribed figures of uneven
#   reliability; budget basis and scope must match before two years are compared.
# - In the kept rows HNS fell from its turn-of-the-century peak and then held roughly steady in
#   real terms; multi-year Special Measures Agreements explain the stability.
# - The DoD's dollar figure and the Japanese yen figures are broadly compatible, but the match
#   cannot be made exact without choosing an exchange rate, a year and a scope.
# - For decades Japan's own defence spending stayed low and flat as a share of GDP; the break
#   comes after the December 2022 strategy documents, visible in both the share and constant
#   dollars.

# %% [markdown]
# ## Sources

# %%
for table in ["host_nation_support", "defense_spending", "claims", "events"]:
    print(f"--- {table}\n{ad.cite(table)}\n")
