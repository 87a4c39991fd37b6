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
# - Explain what Host Nation Support (HNS, *omoiyari yosan*) covers, why its published
#   figures disagree, and why figures of different scope never belong in one series.
# - Date the Special Measures Agreements that fix the core of HNS, from signature to entry
#   into force.
# - Turn nominal yen into real yen with a price index, and say where that index comes from.
# - Compare defence effort across countries as a share of GDP, and know what that ratio hides.
# - Judge an official dollar claim against yen evidence without inventing an exchange rate.

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
start_year = 1978  # first calendar/fiscal year shown
end_year = 2024  # last calendar/fiscal year shown
compare_countries = ["JPN", "USA", "CHN", "KOR"]  # ISO3 codes for the spending comparison
min_reliability = "medium"  # lowest HNS reliability grade kept: "high", "medium" or "low"

# %%
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import Markdown

import alliance_data as ad
from alliance_notebooks import check_parameters, citations, figures, plotting, publish, style
from alliance_notebooks.prose import count, listing, possessive, signed_percent, span
from alliance_notebooks.tables import show

# %%
checked = check_parameters(
    "04_burden_sharing",
    start_year=start_year,
    end_year=end_year,
    compare_countries=compare_countries,
    min_reliability=min_reliability,
)
start_year, end_year = checked["start_year"], checked["end_year"]
window = span(start_year, end_year)  # "1978–2024", or "1990" for one year
style.use_house_style()
citations.reset()

# %% [markdown]
# ## 4.1 Two ledgers of one bargain
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
# One of the seed documents is a garbled copy of a backgrounder that names base politics and
# cost-sharing as the two running quarrels of the alliance, and recalls that the Trump
# administration turned the second into a public accusation. The cell below names the
# original publication from the `sources` table.

# %%
sources = ad.load("sources").set_index("source_id")
cfr = sources.loc["cfr_us_japan_security_alliance"]
citations.note(cfr.name)
Markdown(f"The backgrounder: *{cfr.title}*, {cfr.publisher} (source `{cfr.name}`).")

# %% [markdown]
# ## 4.2 Host Nation Support: three scopes, never mixed
#
# There is no official, downloadable HNS series. The table was transcribed from official
# pages, the press and a verbatim copy of a Ministry of Defense (MOD) table. Each row keeps
# its source, the budget basis the source states, a reliability grade and, above all, its
# **scope**: what the amount counts. The catalogue's caveats come first.

# %%
for caveat in ad.describe("host_nation_support").caveats:
    print("-", caveat)

# %% [markdown]
# ### Nominal and real yen
#
# A yen in FY1985 bought more than a yen in FY2021, so a nominal series flatters later years.
# To compare them we divide by a price index. The package does not ship a consumer price
# index as such: `price_index` in the next cell *derives* one from SIPRI. SIPRI turns
# Japan's yen spending into constant 2023 dollars by deflating it with Japan's consumer
# price index and then converting at the 2023 exchange rate, so dividing the yen series by the constant-dollar
# series cancels the single exchange rate and leaves the price index, rescaled so that 2023
# equals one. Two caveats follow. The index is by calendar year while HNS budgets run April to
# March, so each fiscal year is deflated with the calendar year in which it starts. And the
# index stops where SIPRI's series stops.


# %%
def price_index(base_year=2023):
    """Japan's consumer price index derived from SIPRI (base_year = 1.0), by year."""
    sipri = ad.load("defense_spending").query("country_iso3 == 'JPN'").set_index("year")
    ratio = (sipri["milex_local_currency"] / sipri["milex_usd_m_constant"]).dropna()
    return ratio / ratio[base_year]


# %%
def to_real(amounts, fiscal_years, base_year=2023):
    """Yen amounts in base_year prices (each fiscal year deflated by the year it starts in)."""
    return amounts / fiscal_years.map(price_index(base_year)).astype(float)


# %%
index = price_index()
index_years = index.loc[start_year:end_year]
if index_years.empty:
    text = f"The derived index has no year in {window}."
else:
    first_year = int(index_years.index.min())
    text = (
        f"The derived index runs from {index.index.min()} to {index.index.max()}. Prices in "
        f"{first_year} stood at {index_years.iloc[0]:.3f} of their 2023 level, so a yen amount "
        f"from that year is multiplied by {1 / index_years.iloc[0]:.2f} to express it in 2023 yen."
    )

# %%
Markdown(text)

# %%
RANK = {"low": 0, "medium": 1, "high": 2}

# %%
hns_all = ad.load("host_nation_support")
hns_all = hns_all.assign(
    scope_words=hns_all["scope"].map(lambda scope: style.name(scope, "hns_scope")),
    real_jpy_100m=to_real(hns_all["amount_jpy_100m"], hns_all["fiscal_year"]),
)
# %%
in_window = hns_all["fiscal_year"].between(start_year, end_year)
graded = hns_all["reliability"].map(RANK).ge(RANK[min_reliability])
for grade in sorted(set(hns_all["reliability"]) - set(RANK)):
    print(f"Rows graded {grade!r} have no place in {list(RANK)} and are left out.")
hns = hns_all[in_window & graded].sort_values(["scope", "fiscal_year"])
# A year whose sources give different values for one scope and basis: all are kept and drawn.
same_year = hns.groupby(["scope", "basis", "fiscal_year"])["amount_jpy_100m"]
hns["conflict"] = same_year.transform("nunique") > 1
hns["agreeing"] = (same_year.transform("size") > 1) & ~hns["conflict"]

# %%
counts = (
    hns_all.groupby("scope_words")
    .agg(rows=("fiscal_year", "size"), first=("fiscal_year", "min"), last=("fiscal_year", "max"))
    .join(hns.groupby("scope_words").agg(kept=("fiscal_year", "size")))
    .fillna({"kept": 0})
    .astype(int)
)
show(counts.rename_axis("scope").reset_index())
dropped = int((in_window & ~graded).sum())


# %%
def years_where(flag):
    rows = hns.loc[hns[flag], ["scope_words", "fiscal_year"]].drop_duplicates()
    return listing(f"FY{r.fiscal_year} for {r.scope_words}" for r in rows.itertuples()) or "none"


# %%
kept = (
    f"{count(len(hns), 'row')} in {count(hns.fiscal_year.nunique(), 'fiscal year')}"
    if len(hns)
    else "no row"
)
lower = "no lower-graded row is" if not dropped else f"{count(dropped, 'lower-graded row')} "
lower += "" if not dropped else ("is" if dropped == 1 else "are")

# %%
Markdown(
    f"Within {window}, keeping grades at or above *{min_reliability}* leaves {kept}; {lower} "
    f"dropped. Years in which sources give different values for one scope: "
    f"{years_where('conflict')}. Years in which two sources give the same value: "
    f"{years_where('agreeing')}."
)

# %% [markdown]
# ### The Special Measures Agreements
#
# The `special_measures_agreements` table dates each agreement (or amending protocol) from
# MOFA and MOD pages (and the press where they are silent), with its term in fiscal years and,
# where the press reported one, its total. Figure 4.1 draws each term as a bar from April of its
# first fiscal year to March after its last; a diamond marks signature, a circle entry into force.

# %%
sma_all = ad.load("special_measures_agreements")
for caveat in ad.describe("special_measures_agreements").caveats:
    print("-", caveat)
last_fy = sma_all["fiscal_year_end"].fillna(sma_all["fiscal_year_start"])
# %%
sma = sma_all[(sma_all["fiscal_year_start"] <= end_year) & (last_fy >= start_year)]
sma = sma.assign(
    short=sma["agreement"]
    .str.replace(" Special Measures Agreement", " agreement")
    .str.replace(r" \(.*\)$", "", regex=True),
    years=sma["fiscal_year_end"] - sma["fiscal_year_start"] + 1,
)
sma["average_jpy_100m"] = sma["total_jpy_100m"] / sma["years"]
columns = ["agreement", "signed", "entered_into_force", "fiscal_year_start", "fiscal_year_end"]
show(
    sma[columns].assign(
        total_jpy_100m=sma["total_jpy_100m"], average_per_year=sma["average_jpy_100m"].round(0)
    ),
    sources=sma.source_id,
)


# %%
def draw_terms(ax, rows, left, right):
    """Each agreement's fiscal years as a bar (clipped to left–right), or an arrow at its
    first year when its end was not found; markers for signature and entry into force."""
    jpn = style.colour("JPN")
    for y, row in rows.iterrows():
        if pd.notna(row.fiscal_year_end):
            a = max(row.fiscal_year_start + 0.25, left)
            b = min(row.fiscal_year_end + 1.25, right)
            ax.barh(y, b - a, left=a, height=0.5, color=jpn, alpha=0.35)
        else:
            ax.plot(row.fiscal_year_start + 0.25, y, ">", color=jpn, ms=9)
    ax.plot(plotting.decimal_year(rows["signed"]), rows.index, "D", color="black", ms=7)
    entry = plotting.decimal_year(rows["entered_into_force"])
    ax.plot(entry, rows.index, "o", mfc="white", mec="black", ms=8)
    for shown_if, label, look in (
        (rows["signed"].notna().any(), "Signed", {"marker": "D", "color": "black"}),
        (rows["entered_into_force"].notna().any(), "Entered into force", OPEN_CIRCLE),
        (rows["fiscal_year_end"].isna().any(), "First fiscal year (end not found)", ARROW),
    ):
        if shown_if:
            plotting.legend_entry(ax, label, **look)
    if rows["fiscal_year_end"].notna().any():
        ax.barh([], [], color=jpn, alpha=0.35, label="Fiscal years covered")


# %%
OPEN_CIRCLE = {"marker": "o", "mfc": "white", "mec": "black"}
ARROW = {"marker": ">", "color": style.colour("JPN")}
if sma.empty:
    print(f"No Special Measures Agreement applies in {window}: no Figure 4.1.")
else:
    fig, ax = figures.new_figure(figsize=(9, 2.4 + 0.45 * len(sma)))
    rows = sma.reset_index(drop=True)
    left, right = start_year + 0.25, end_year + 1.25  # April of the first FY, March after the last
    draw_terms(ax, rows, left, right)
    totals = rows["total_jpy_100m"].map(lambda t: f" (total {t:,.0f})" if pd.notna(t) else "")
    ax.set_yticks(rows.index, rows["short"] + totals)
    ax.invert_yaxis()
    dated = pd.concat([plotting.decimal_year(rows[c]) for c in ("signed", "entered_into_force")])
    starts = rows["fiscal_year_start"].clip(lower=start_year) + 0.25
    plotting.year_axis(ax, [min(starts.min(), dated.min()) + 0.5, right - 0.5])
    plotting.legend_below(ax, ncol=4)
    figures.finish(
        ax,
        number="4.1",
        title="Special Measures Agreements",
        ylabel="",
        xlabel="Year (bars run April to March, clipped to the years selected)",
        sources=rows["source_id"],
        note="Totals in 100 million yen, as the press reported them. A marker is missing where "
        "no source gives the day.",
    )
    plt.show()

# %%
late = sma.dropna(subset=["signed", "entered_into_force"])
late = late.assign(
    days=(late["entered_into_force"] - late["signed"]).dt.days,
    after_fy_start=late["entered_into_force"]
    > pd.to_datetime(late["fiscal_year_start"].astype(str) + "-04-01"),
)
if late.empty:
    text = "No agreement in the years selected has both a signature and an entry-into-force date."
else:
    text = "From signature to entry into force: " + "; ".join(
        f"{r.short}, {count(r.days, 'day')}"
        + (" (after its first fiscal year began)" * r.after_fy_start)
        for r in late.itertuples()
    )
    on_time = int((~late["after_fy_start"]).sum())
    by_month = late["signed"].sort_values(key=lambda d: d.dt.month)
    months = listing(by_month.dt.month_name().unique(), "or")
    if len(late) == 1:
        in_force = "it was" if on_time else "it was not"
        timing = f"{in_force} in force by the start of the first fiscal year it funds"
    else:
        timing = (
            f"{on_time} of these {len(late)} agreements were in force by the start of the "
            "first fiscal year they fund"
        )
    text += (
        f". {'Signatures fall' if len(late) > 1 else 'The signature falls'} in {months}; "
        f"{timing}, which is the target the timing suggests."
    )

# %%
Markdown(text)

# %% [markdown]
# ### Figure 4.2: the HNS record by scope
#
# Each point is one source's figure for one fiscal year, in the colour and marker of its
# scope. Lines join consecutive years of one scope only; where the table has two values for
# one year, both are drawn and joined by a thin grey line. The black dashes are *not* budget
# figures: they spread an agreement's reported total evenly over the years it covers, an
# average computed here so that the totals can sit on the same axis. The upper panel is in
# nominal yen, the lower in 2023 yen.

# %%
averages = sma.dropna(subset=["average_jpy_100m"])
spread = pd.DataFrame(
    [
        (r.short, year, r.average_jpy_100m)
        for r in averages.itertuples()
        for year in range(r.fiscal_year_start, r.fiscal_year_end + 1)
        if start_year <= year <= end_year and year <= index.index.max()
    ],
    columns=["agreement", "fiscal_year", "average_jpy_100m"],
)
spread["real_jpy_100m"] = to_real(spread["average_jpy_100m"], spread["fiscal_year"])


# %%
def draw_scopes(ax, column, spread_column):
    """One colour and marker per scope; lines only within one scope and one budget basis;
    a grey bar where sources differ in a year; black dashes for agreement averages."""
    for (scope, basis), rows in hns.groupby(["scope", "basis"], sort=False):
        look = style.look(scope, "hns_scope")
        single = rows[~rows["conflict"]].drop_duplicates("fiscal_year")
        if len(single) > 1:
            years = range(single["fiscal_year"].min(), single["fiscal_year"].max() + 1)
            line = single.set_index("fiscal_year").reindex(years)[column]  # a gap stays a gap
            ax.plot(line.index, line, color=look["color"], linewidth=1.5)
        open_marker = {"mfc": "white"} if basis == "contract" else {}
        ax.plot(rows["fiscal_year"], rows[column], linestyle="", ms=7, **look | open_marker)
    for year, pair in hns[hns["conflict"]].groupby(["scope", "basis", "fiscal_year"]):
        ax.plot([year[2]] * 2, [pair[column].min(), pair[column].max()], color=style.GREY)
    for _, dashes in spread.groupby("agreement"):
        ax.plot(dashes["fiscal_year"], dashes[spread_column], "_", color="black", ms=14, mew=2.5)
    figures.thousands(ax)


# %%
def legend_extras(ax):
    """Legend entries for what the markers and lines mean beyond the scopes."""
    if (hns["basis"] == "contract").any():
        plotting.legend_entry(ax, "Open: contract basis", marker="o", mfc="white", color="black")
    if not spread.empty:
        plotting.legend_entry(ax, "Agreement total ÷ years", marker="_", color="black", ms=14)
    if hns["conflict"].any():
        plotting.legend_entry(ax, "Sources differ in one year", color=style.GREY, linestyle="-")


# %%
if hns.empty and spread.empty:
    print(f"No HNS figure in {window} at grade {min_reliability}: no Figure 4.2.")
else:
    fig, axes = figures.new_figure(nrows=2, sharex=True, figsize=(9, 8.4))
    draw_scopes(axes[0], "amount_jpy_100m", "average_jpy_100m")
    draw_scopes(axes[1], "real_jpy_100m", "real_jpy_100m")
    top = pd.concat([hns["amount_jpy_100m"], hns["real_jpy_100m"], spread["real_jpy_100m"]])
    for ax in axes:
        ax.set_ylim(0, 1.1 * top.max())
    plotting.year_axis(axes[1], pd.concat([hns["fiscal_year"], spread["fiscal_year"]]))
    axes[1].set_ylabel("Real (100 million yen, 2023 prices)")
    axes[1].set_xlabel("Japanese fiscal year (April–March)")
    legend_extras(axes[1])
    plotting.legend_below(axes[1])
    figures.finish(
        axes[0],
        number="4.2",
        title="Japan's payments for U.S. forces, by scope",
        ylabel="Nominal (100 million yen)",
        sources=[*hns["source_id"], *averages["source_id"], "sipri_milex_2025"],
        note=f"Grades below '{min_reliability}' left out. Real values use a price index "
        "derived from SIPRI (calendar year in which each fiscal year starts). Lines join "
        "consecutive years of one scope on one budget basis.",
    )
    plt.show()

# %%
mod = hns[hns["scope"] == "hns_mod"].dropna(subset=["real_jpy_100m"])
broad = hns[hns["scope"] == "stationing_costs_all"]
parts = []
if len(mod):
    peak = mod.loc[mod["real_jpy_100m"].idxmax()]
    latest = mod.sort_values("fiscal_year").iloc[-1]
    highest = (
        "The only MOD-scope row kept"
        if len(mod) == 1
        else ("Among the MOD-scope rows kept, the highest real value")
    )
    parts.append(
        f"{highest} is FY{peak.fiscal_year}'s {peak.amount_jpy_100m:,.0f} (100 million yen), "
        f"worth {peak.real_jpy_100m:,.0f} in 2023 prices."
    )
    if latest.fiscal_year != peak.fiscal_year:
        change = signed_percent(100 * (latest.real_jpy_100m / peak.real_jpy_100m - 1))
        parts.append(
            f"The latest, FY{latest.fiscal_year}, is {latest.amount_jpy_100m:,.0f}, or "
            f"{latest.real_jpy_100m:,.0f} in 2023 prices ({change} in real terms against "
            f"FY{peak.fiscal_year})."
        )
    elif len(mod) > 1:
        parts.append("It is also the latest year kept.")
# %%
if broad["fiscal_year"].nunique() == 1:
    only = broad.iloc[0]
    parts.append(
        f"The Cabinet's broad total of all outlays for U.S. forces is "
        f"{only.amount_jpy_100m:,.0f} in FY{only.fiscal_year}, the only year of that scope kept."
    )
elif len(broad):
    a, b = broad.sort_values("fiscal_year").iloc[[0, -1]].itertuples()
    parts.append(
        f"The Cabinet's broad total of all outlays for U.S. forces went from "
        f"{a.amount_jpy_100m:,.0f} in FY{a.fiscal_year} to {b.amount_jpy_100m:,.0f} in "
        f"FY{b.fiscal_year} ({signed_percent(100 * (b.real_jpy_100m / a.real_jpy_100m - 1))} "
        "in real terms)."
    )

# %%
Markdown(" ".join(parts) or "No MOD-scope or broad-scope row survives the current filters.")

# %% [markdown]
# **Reading the figure.** The broad Cabinet series and the MOD's narrower HNS budget are
# different quantities: the broad total adds land rents, payments to base-hosting
# communities and other outlays that the "sympathy budget" leaves out. That is why a reader
# must never splice one onto the other. The next cell reads the MOD scope over the **whole
# table** (every grade, whatever the window), so that its sentences hold for any window.

# %%
mod_rows = hns_all[hns_all["scope"] == "hns_mod"].dropna(subset=["real_jpy_100m"])
by_year = mod_rows.groupby("fiscal_year")[["amount_jpy_100m", "real_jpy_100m"]].mean()
top_year = int(by_year["real_jpy_100m"].idxmax())
after = by_year.loc[top_year + 1 :]
last_fy = int(by_year.index.max())
prices = 100 * (index[last_fy] / index[top_year] - 1)
two_bases = mod_rows.groupby(["fiscal_year", "source_id"]).filter(
    lambda g: g["basis"].nunique() > 1
)
text = (
    f"Across the whole table, the MOD-scope budget is highest in real terms in FY{top_year} "
    f"({by_year.loc[top_year, 'real_jpy_100m']:,.0f} in 2023 prices, 100 million yen)."
)
if len(after):
    text += (
        f" The {count(len(after), 'later fiscal year')} with a figure average "
        f"{after['real_jpy_100m'].mean():,.0f}, between {after['real_jpy_100m'].min():,.0f} and "
        f"{after['real_jpy_100m'].max():,.0f}. Consumer prices, by the derived index, moved by "
        f"{signed_percent(prices, 1)} from {top_year} to {last_fy}, so the fall is not an "
        "artefact of deflation: the nominal and real panels have nearly the same shape."
    )
for (year, source), rows in two_bases.groupby(["fiscal_year", "source_id"]):
    values = listing(f"{r.amount_jpy_100m:,.0f} on the {r.basis} basis" for r in rows.itertuples())
    text += f" For FY{year} one source (`{source}`) gives {values}."

# %%
citations.note(mod_rows["source_id"])
Markdown(text)

# %% [markdown]
# Three further warnings keep the reading honest:
#
# - **Basis.** An expenditure-basis budget counts money to be paid out in the year; a
#   contract-basis figure counts obligations signed in the year, which may be paid later.
#   Figure 4.2 never joins points of two bases with a line.
# - **Agreement averages.** Where the agreement average sits close to the MOD-scope budget,
#   two independent transcriptions corroborate each other; the average cannot say how the
#   money was phased across the years.
# - **Gaps.** Most years have no figure at all, so lines stop at every gap.

# %% [markdown]
# ## 4.3 A dollar claim checked against yen evidence
#
# A Defense Department news article of August 2020, one of the seed documents, puts a round
# dollar figure on what Japan pays each year toward the cost of U.S. forces. The claims table
# records the figure, the range the evidence gives (in the claim's unit) and a verdict.

# %%
claims = ad.load("claims").set_index("claim_id")
c025 = claims.loc["C025"]
article = sources.loc[c025.seed_source_id]

# %%
Markdown(
    f"> **Claim C025** ({article.publisher}, *{article.title}*): {c025.paraphrase}.  \n"
    f"> Claimed: {c025.claimed_value:g} ({c025.unit}); evidence: "
    + (
        f"{c025.evidence_low:g}"
        if c025.evidence_low == c025.evidence_high
        else f"{c025.evidence_low:g}–{c025.evidence_high:g}"
    )
    + ".  \n"
    f"> **Verdict: {c025.verdict}.** {c025.explanation}"
)

# %% [markdown]
# The verdict is "approximate", not "consistent", for reasons worth spelling out:
#
# - **Units.** The claim is in dollars, the evidence in yen. Converting requires choosing an
#   exchange rate *and a date*; the yen moved a great deal against the dollar over this period,
#   so the answer depends on the choice. This chapter does not supply a rate from memory.
#   (Exercise 4.2 uses the rate implied by SIPRI's own columns, and shows why even that is only
#   a rough check.)
# - **Scope.** "The cost of U.S. forces" can mean HNS in the narrow sense, or the wider set of
#   base-related outlays: Figure 4.2 shows how far apart those two scopes are.
# - **Timing.** The article appeared midway through the FY2016–2020 agreement. A per-year
#   figure could be a single budget, an agreement average, or a rounded talking point.
#
# When a claim and its evidence are in different units, the honest result is a range of
# plausible agreement with the reasons stated, not a single converted number.

# %% [markdown]
# ## 4.4 Japan's own defence effort as a share of GDP
#
# The second ledger is Japan's spending on its own forces. Share of GDP is the usual yardstick
# in burden-sharing debates because it corrects for the size of the economy. It is a ratio of
# two estimates, though, so a falling share can mean flat spending in a growing economy as
# easily as a cut. SIPRI applies one definition of military expenditure to all countries,
# which is why it is used here rather than national budget figures.

# %%
milex = ad.load("defense_spending")
shown = milex[
    milex["country_iso3"].isin(compare_countries) & milex["year"].between(start_year, end_year)
].dropna(subset=["share_of_gdp_pct"])
share = shown.pivot(index="year", columns="country_iso3", values="share_of_gdp_pct")
share = share.reindex(columns=[c for c in compare_countries if c in share.columns])
if shown.empty:
    print(
        f"No SIPRI share of GDP for {listing(compare_countries)} in {window}."
        if compare_countries
        else "No country is chosen for the comparison (compare_countries is empty)."
    )
else:
    names = listing(style.name(c) for c in share.columns)
    print(f"Data shown: {shown.year.min()}–{shown.year.max()} for {names}")
for code in compare_countries:
    if code not in share.columns:
        print(f"{style.name(code)} has no SIPRI share of GDP in {window}.")

# %%
strategy_titles = {
    "First National Defense Program Outline": "NDPO 1976",
    "1995 National Defense Program Outline": "NDPO 1995",
    "First National Security Strategy": "NSS 2013",
    "2022 National Security Strategy": "NSS 2022",
}
strategy = plotting.events_between(strategy_titles, start_year, end_year)
# %%
if share.empty:
    print("Nothing to draw for Figure 4.3.")
else:
    fig, ax = figures.new_figure(figsize=(9, 5.6))
    for code, rows in shown.groupby("country_iso3"):
        width = 2.5 if code == "JPN" else 1.5
        plotting.series(
            ax, rows, "share_of_gdp_pct", markersize=3, linewidth=width, **style.look(code)
        )
    ax.set_ylim(0, 1.15 * share.max().max())
    plotting.year_axis(ax, share.index, margin=0.5)
    plotting.annotate_events(ax, strategy)
    plotting.legend_below(ax, ncol=len(share.columns))
    figures.finish(
        ax,
        number="4.3",
        title="Military expenditure as a share of GDP",
        ylabel="Share of GDP (percent)",
        xlabel="Calendar year",
        sources=[*shown["source_id"], *strategy["source_id"]],
        note="SIPRI's definition of military expenditure for every country; each line starts "
        "where SIPRI's series for that country starts.",
    )
    plt.show()


# %%
def averages(share):
    """Per country: mean, lowest and highest share over the years it has a value, its
    first and last such year, and its last value."""
    rows = {}
    for code in share.columns:
        values = share[code].dropna()
        rows[style.name(code)] = {
            "from": values.index.min(),
            "to": values.index.max(),
            "mean (%)": values.mean(),
            "lowest (%)": values.min(),
            "highest (%)": values.max(),
            "last (%)": values.iloc[-1],
        }
    return pd.DataFrame.from_dict(rows, orient="index").rename_axis("country").reset_index()


# %%
# %%
summary = averages(share)
if summary.empty:
    text = "No country selected has a SIPRI share of GDP in these years."
else:
    show(summary)
    parts = []
    for row in summary.to_dict("records"):
        years = span(row["from"], row["to"])
        if row["country"] == style.name("JPN") and row["from"] != row["to"]:
            parts.append(
                f"Over {years} Japan's share averaged {row['mean (%)']:.2f} percent of GDP, from "
                f"{row['lowest (%)']:.2f} to {row['highest (%)']:.2f}."
            )
        else:
            verb = "was" if row["from"] == row["to"] else "averaged"
            parts.append(
                f"{possessive(row['country'])} share {verb} {row['mean (%)']:.2f} percent in {years}."
            )
    text = " ".join(parts)

# %%
Markdown(text)

# %% [markdown]
# **Reading the figure.** From the 1970s Japanese governments treated a low ceiling on
# defence spending relative to the size of the economy as a norm of postwar restraint. The
# next cell reads SIPRI's **whole series** for four countries (whatever the window and the
# countries chosen above), so that each sentence holds for any parameters.

# %%
whole = milex.pivot(index="year", columns="country_iso3", values="share_of_gdp_pct")
# %%
ndpo, nss = (
    ad.events_titled([title])["date"].dt.year.iloc[0]
    for title in ("First National Defense Program Outline", "2022 National Security Strategy")
)
# %%
japan = whole["JPN"].dropna()
restraint = japan.loc[ndpo : nss - 1]
us = whole["USA"].dropna()
both = whole[["JPN", "KOR"]].dropna()
china_from = int(whole["CHN"].dropna().index.min())
latest = int(japan.index.max())
above = japan[latest] > restraint.max()

# %%
citations.note(milex.loc[milex["country_iso3"].isin(["JPN", "USA", "KOR", "CHN"]), "source_id"])
Markdown(
    f"Across SIPRI's whole series, from the first Defense Program Outline ({ndpo}) to the year "
    f"before the 2022 strategy ({nss - 1}), Japan's share stayed between "
    f"{restraint.min():.2f}% and {restraint.max():.2f}% of GDP. The United States moves with "
    f"its wars: its share fell from {us[1989]:.2f}% in 1989 to {us.loc[1990:2001].min():.2f}% in "
    f"{us.loc[1990:2001].idxmin()} and rose again to {us.loc[2002:2012].max():.2f}% in "
    f"{us.loc[2002:2012].idxmax()}. South Korea, facing a land border with a hostile state, "
    f"spent a larger share than Japan in {(both['KOR'] > both['JPN']).sum()} of the "
    f"{count(len(both), 'year')} both have. China's series begins only in {china_from}, where "
    "SIPRI's estimates do, and those estimates carry wide uncertainty because Beijing's "
    f"official budget leaves out items SIPRI counts. In {latest} Japan's share was "
    f"{japan[latest]:.2f}%, {'above' if above else 'within'} its {ndpo}–{nss - 1} band."
)

# %% [markdown]
# ## 4.5 Constant dollars and the post-2022 build-up
#
# Shares of GDP hide levels. Figure 4.4 shows Japan's spending in SIPRI's constant 2023 US
# dollars, which removes Japanese inflation and holds the exchange rate at its 2023 value. It
# is a volume measure: a rise means Japan bought more defence, not that the yen strengthened.

# %%
jpn = milex[(milex["country_iso3"] == "JPN") & milex["year"].between(start_year, end_year)]
jpn = jpn.set_index("year")
usd_bn = jpn["milex_usd_m_constant"].dropna() / 1000
buildup_titles = {
    "First National Security Strategy": "NSS 2013",
    "Security legislation enacted": "Security laws 2015",
    "2022 National Security Strategy": "NSS 2022",
}
buildup = plotting.events_between(buildup_titles, start_year, end_year)
# %%
if usd_bn.empty:
    print(f"SIPRI has no Japan figure in {window}: no Figure 4.4.")
else:
    print(f"Data shown: {usd_bn.index.min()}–{usd_bn.index.max()} for Japan (Figure 4.4)")
    fig, ax = figures.new_figure(figsize=(9, 5.2))
    rows = usd_bn.rename("usd_bn").reset_index()
    plotting.series(ax, rows, "usd_bn", linewidth=2.5, markersize=4, **style.look("JPN"))
    ax.set_ylim(0, 1.15 * usd_bn.max())
    plotting.year_axis(ax, usd_bn.index, margin=0.5)
    shaded = usd_bn.index.max() >= nss + 1
    if shaded:
        ax.axvspan(nss + 0.96, usd_bn.index.max() + 0.5, color=style.colour("JPN"), alpha=0.08)
    plotting.annotate_events(ax, buildup)
    figures.finish(
        ax,
        number="4.4",
        title="Japan's military expenditure in constant 2023 dollars",
        ylabel="US$ billion (constant 2023 prices)",
        xlabel="Calendar year",
        sources=[*jpn["source_id"], *buildup["source_id"]],
        note="Shaded: years after the December 2022 strategy documents." if shaded else "",
    )
    plt.show()

# %%
if nss in usd_bn.index and usd_bn.index.max() > nss:
    last = int(usd_bn.index.max())
    rise = 100 * (usd_bn[last] / usd_bn[nss] - 1)
    share_rise = jpn.loc[last, "share_of_gdp_pct"] - jpn.loc[nss, "share_of_gdp_pct"]
    text = (
        f"Between {nss} and {last} Japan's spending in constant 2023 dollars changed by "
        f"{signed_percent(rise, 1)}, and its share of GDP by {share_rise:+.2f} percentage points, "
        f"to {jpn.loc[last, 'share_of_gdp_pct']:.2f} percent."
    )
else:
    text = (
        f"The selected years do not include both {nss} and a later year, so no build-up is shown."
    )

# %%
Markdown(text)

# %% [markdown]
# **Reading the figure.** The December 2022 documents (the National Security Strategy and its
# companions, which also approved a counterstrike capability) mark a break. The next cell
# reads SIPRI's **whole** constant-dollar series for Japan, whatever the window.

# %%
volume = milex[milex["country_iso3"] == "JPN"].set_index("year")["milex_usd_m_constant"].dropna()
steps = volume.pct_change().mul(100).dropna()
flat = volume.loc[1990 : nss - 1]

# %%
Markdown(
    f"Over the whole series Japan's real spending rose from {volume.iloc[0] / 1000:,.1f} billion "
    f"(2023 dollars) in {volume.index[0]} to {volume.loc[:1989].max() / 1000:,.1f} billion by "
    f"{volume.loc[:1989].idxmax()}, then stayed between {flat.min() / 1000:,.1f} and "
    f"{flat.max() / 1000:,.1f} billion from 1990 to {nss - 1}. The largest one-year rise of the "
    f"whole series is {signed_percent(steps.max(), 1)}, in {steps.idxmax()}. SIPRI's "
    "calendar-year figures are built from Japan's April–March budgets, so a single year's "
    "movement near a turning point can reflect timing as much as policy."
)

# %% [markdown]
# Constant dollars at 2023 exchange rates are the right choice for comparing volumes over
# time. They are the wrong choice for asking what Japan's spending was worth in dollars *in a
# given year*; that needs SIPRI's current-dollar column, which moves with the exchange rate.

# %% [markdown]
# ## Key figures
#
# These values use the full tables, whatever the parameters, so that they can be checked
# automatically.

# %%
full_jpn = milex[milex["country_iso3"] == "JPN"].set_index("year")
mod_all = hns_all[hns_all["scope"] == "hns_mod"]
mod_peak = mod_all.loc[mod_all["real_jpy_100m"].idxmax()]
newest_sma = sma_all.dropna(subset=["total_jpy_100m"]).sort_values("fiscal_year_start").iloc[-1]
publish(
    jpn_share_gdp_mean_2010_2019=round(full_jpn.loc[2010:2019, "share_of_gdp_pct"].mean(), 2),
    jpn_share_gdp_2024=round(full_jpn.loc[2024, "share_of_gdp_pct"], 2),
    jpn_constant_usd_growth_2022_2024_pct=round(
        100
        * (
            full_jpn.loc[2024, "milex_usd_m_constant"] / full_jpn.loc[2022, "milex_usd_m_constant"]
            - 1
        ),
        1,
    ),
    hns_mod_fiscal_years=int(mod_all["fiscal_year"].nunique()),
    hns_mod_real_peak_fy=int(mod_peak.fiscal_year),
    hns_mod_real_peak_2023_yen_100m=round(mod_peak.real_jpy_100m),
    newest_sma_average_per_year_100m=round(
        newest_sma.total_jpy_100m / (newest_sma.fiscal_year_end - newest_sma.fiscal_year_start + 1)
    ),
)

# %% [markdown]
# ## Exercises
#
# ### Exercise 4.1
# Using the whole `host_nation_support` table, how many distinct fiscal years have at least
# one row graded *high*? Then list the scopes those rows belong to. What does this tell you
# about relying on the high-grade rows alone?

# %% tags=["solution"]
from alliance_notebooks.exercises import check

ex_hns = ad.load("host_nation_support")
ex_high = ex_hns[ex_hns["reliability"] == "high"]
print(ex_high.groupby("scope")["fiscal_year"].agg(["min", "max", "nunique"]))
check("04.1", ex_high["fiscal_year"].nunique())

# %% [markdown]
# ### Exercise 4.2
# SIPRI publishes Japan's spending both in yen and in *current* US dollars, so their ratio
# is the calendar-year exchange rate SIPRI used. Use it to express the FY2021 MOD-scope HNS
# budget in billions of current dollars (to two decimals) and compare the result with claim
# C025. Give two reasons why this is only an order-of-magnitude check.

# %% tags=["solution"]
ex_hns = ad.load("host_nation_support")
ex_milex = ad.load("defense_spending").query("country_iso3 == 'JPN'").set_index("year")
ex_rate = ex_milex["milex_local_currency"] / (ex_milex["milex_usd_m_current"] * 1e6)
ex_2021 = ex_hns.query("scope == 'hns_mod' and fiscal_year == 2021")["amount_jpy_100m"].iloc[0]
ex_usd_bn = ex_2021 * 1e8 / ex_rate[2021] / 1e9
print(f"Yen per dollar (SIPRI, 2021): {ex_rate[2021]:.1f}; FY2021 HNS: {ex_usd_bn:.2f} bn US$")
# The rate is a calendar-year average while the budget runs April–March; it is SIPRI's
# conversion, not one the DoD used; and the DoD may mean a wider scope than HNS.
check("04.2", ex_usd_bn)

# %% [markdown]
# ### Exercise 4.3
# In how many calendar years from 1960 to 2021 did SIPRI put Japan's military expenditure at
# or above 1.0 percent of GDP? Compare your count with the years of Figure 4.3: what kind of
# ceiling does the pattern suggest?

# %% tags=["solution"]
ex_milex = ad.load("defense_spending").query("country_iso3 == 'JPN'").set_index("year")
ex_share = ex_milex.loc[1960:2021, "share_of_gdp_pct"]
print(ex_share[ex_share >= 1.0].round(2))
check("04.3", int((ex_share >= 1.0).sum()))

# %% [markdown]
# ### Exercise 4.4
# Compare the FY2000 and FY2021 MOD-scope HNS budgets in real terms (2023 prices, with
# the chapter's `to_real`). By how many percent did the budget change, to one decimal? Why is the real
# change close to the nominal one?

# %% tags=["solution"]
ex_hns = ad.load("host_nation_support")
ex_pair = ex_hns.query("scope == 'hns_mod' and fiscal_year in [2000, 2021]")
ex_pair = ex_pair.set_index("fiscal_year")["amount_jpy_100m"]
ex_real = to_real(ex_pair, ex_pair.index.to_series())
print(f"nominal {100 * (ex_pair[2021] / ex_pair[2000] - 1):.1f}%")
print(f"real {100 * (ex_real[2021] / ex_real[2000] - 1):.1f}%")
check("04.4", 100 * (ex_real[2021] / ex_real[2000] - 1))

# %% [markdown]
# ## Key takeaways
#
# - Host Nation Support is documented only through scattered, transcribed figures of uneven
#   reliability, and in three scopes that must never be joined: the MOD budget, the part paid
#   under the Special Measures Agreement, and the Cabinet's broad total of all outlays.
# - Special Measures Agreements are signed in the months before the fiscal year they fund;
#   they fix the core of HNS for several years at a time, which explains its stability.
# - The DoD's dollar figure and the Japanese yen figures are broadly compatible, but the match
#   cannot be made exact without choosing an exchange rate, a year and a scope.
# - For decades Japan's own defence spending stayed low and flat as a share of GDP; the break
#   comes after the December 2022 strategy documents, in both the share and constant dollars.
#
# ## Sources

# %%
citations.sources_cell()
