# ---
# jupyter:
#   jupytext:
#     cell_metadata_filter: tags,-all
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
# - Explain what Host Nation Support (HNS, *omoiyari yosan*) covers, why its published
#   figures disagree, and why figures of different scope never belong in one series.
# - Date the Special Measures Agreements that fix the core of HNS, from signature to entry
#   into force.
# - Turn nominal yen into real yen with a price index, and say where that index comes from.
# - Compare defence effort across countries as a share of GDP, and know what that ratio hides.
# - Judge an official dollar claim against yen evidence without inventing an exchange rate.

# %% tags=["parameters"]
start_year = 1978  # first calendar/fiscal year shown
end_year = 2024  # last calendar/fiscal year shown
compare_countries = ["JPN", "USA", "CHN", "KOR"]  # ISO3 codes for the spending comparison
min_reliability = "medium"  # lowest HNS reliability grade kept: "high", "medium" or "low"

# %%
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import Markdown, display
from matplotlib.ticker import MaxNLocator

import alliance_data as ad
from alliance_notebooks import check_parameters, publish, style

checked = check_parameters(
    "04_burden_sharing",
    start_year=start_year,
    end_year=end_year,
    compare_countries=compare_countries,
    min_reliability=min_reliability,
)
start_year, end_year = checked["start_year"], checked["end_year"]
style.use_house_style()

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

# %%
# Words for each scope; a scope added to the table later is shown with its code spelled out.
SCOPE_WORDS = {
    "hns_mod": "Host-nation support (MOD budget)",
    "sma_covered": "Part paid under the Special Measures Agreement",
    "stationing_costs_all": "All outlays for U.S. forces (Cabinet, broad)",
}
RANK = {"low": 0, "medium": 1, "high": 2}

hns_all = ad.load("host_nation_support")
for scope in hns_all["scope"].unique():
    SCOPE_WORDS.setdefault(scope, scope.replace("_", " ").capitalize())
hns_all = hns_all.assign(
    scope_words=hns_all["scope"].map(SCOPE_WORDS),
    real_jpy_100m=ad.to_real(hns_all["amount_jpy_100m"], hns_all["fiscal_year"], "JPN", 2023),
)
in_window = hns_all["fiscal_year"].between(start_year, end_year)
graded = hns_all["reliability"].map(RANK).ge(RANK[min_reliability])
for grade in sorted(set(hns_all["reliability"]) - set(RANK)):
    print(f"Rows graded {grade!r} have no place in {list(RANK)} and are left out.")
hns = hns_all[in_window & graded].sort_values(["scope", "fiscal_year"])
# A year whose sources give different values for one scope: every value is kept and drawn.
same_year = hns.groupby(["scope", "fiscal_year"])["amount_jpy_100m"]
hns["conflict"] = same_year.transform("nunique") > 1
hns["agreeing"] = (same_year.transform("size") > 1) & ~hns["conflict"]

counts = (
    hns_all.groupby("scope_words")
    .agg(rows=("fiscal_year", "size"), first=("fiscal_year", "min"), last=("fiscal_year", "max"))
    .join(hns.groupby("scope_words").agg(kept=("fiscal_year", "size")))
    .fillna({"kept": 0})
    .astype(int)
)
display(counts.rename_axis("scope").reset_index().style.hide(axis="index"))
dropped = int((in_window & ~graded).sum())


def years_where(flag):
    rows = hns.loc[hns[flag], ["scope_words", "fiscal_year"]].drop_duplicates()
    return ", ".join(f"FY{r.fiscal_year} ({r.scope_words})" for r in rows.itertuples()) or "none"


Markdown(
    f"Within {start_year}–{end_year}, keeping grades at or above *{min_reliability}* leaves "
    f"{len(hns)} row(s) in {hns.fiscal_year.nunique()} fiscal year(s); {dropped} lower-graded "
    f"row(s) are dropped. Years in which sources give different values for one scope: "
    f"{years_where('conflict')}. Years in which two sources give the same value: "
    f"{years_where('agreeing')}."
)

# %% [markdown]
# ### Nominal and real yen
#
# A yen in FY1985 bought more than a yen in FY2021, so a nominal series flatters later years.
# To compare them we divide by a price index. The package does not ship a consumer price
# index as such: `ad.price_index` *derives* one from SIPRI. SIPRI turns Japan's yen spending
# into constant 2023 dollars by deflating it with Japan's consumer price index and then
# converting at the 2023 exchange rate, so dividing the yen series by the constant-dollar
# series cancels the single exchange rate and leaves the price index, rescaled so that 2023
# equals one. Two caveats follow. The index is by calendar year while HNS budgets run April to
# March, so each fiscal year is deflated with the calendar year in which it starts. And the
# index stops where SIPRI's series stops.

# %%
index = ad.price_index("JPN", 2023)
index_years = index.loc[start_year:end_year]
if index_years.empty:
    text = f"The derived index has no year in {start_year}–{end_year}."
else:
    first_year = int(index_years.index.min())
    text = (
        f"The derived index runs from {index.index.min()} to {index.index.max()}. Prices in "
        f"{first_year} stood at {index_years.iloc[0]:.3f} of their 2023 level, so a yen amount "
        f"from that year is multiplied by {1 / index_years.iloc[0]:.2f} to express it in 2023 yen."
    )
Markdown(text)

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
sma = sma_all[(sma_all["fiscal_year_start"] <= end_year) & (last_fy >= start_year)]
sma = sma.assign(
    short=sma["agreement"]
    .str.replace(" Special Measures Agreement", " agreement")
    .str.replace(r" \(.*\)$", "", regex=True),
    years=sma["fiscal_year_end"] - sma["fiscal_year_start"] + 1,
)
sma["average_jpy_100m"] = sma["total_jpy_100m"] / sma["years"]
display(
    sma[["agreement", "signed", "entered_into_force", "fiscal_year_start", "fiscal_year_end"]]
    .assign(
        total_jpy_100m=sma["total_jpy_100m"].astype("Float64"),
        average_per_year=sma["average_jpy_100m"].round(0),
    )
    .style.hide(axis="index")
    .format({"signed": "{:%d %b %Y}", "entered_into_force": "{:%d %b %Y}"}, na_rep="not found")
    .format({"total_jpy_100m": "{:,.0f}", "average_per_year": "{:,.0f}"}, na_rep="—")
)


# %%
def decimal_year(dates):
    """Dates as decimal years, for a year axis."""
    return dates.dt.year + (dates.dt.day_of_year - 1) / 365.25


if sma.empty:
    print(f"No Special Measures Agreement applies in {start_year}–{end_year}: no Figure 4.1.")
else:
    fig, ax = style.new_figure(figsize=(9, 1.6 + 0.45 * len(sma)))
    rows = sma.reset_index(drop=True)
    left, right = start_year + 0.25, end_year + 1.25  # April of the first FY, March after the last
    for y, row in rows.iterrows():
        if pd.notna(row.fiscal_year_end):
            a = max(row.fiscal_year_start + 0.25, left)
            b = min(row.fiscal_year_end + 1.25, right)
            ax.barh(y, b - a, left=a, height=0.5, color=style.colour("JPN"), alpha=0.35)
        else:
            ax.plot(row.fiscal_year_start + 0.25, y, ">", color=style.colour("JPN"), ms=9)
    ax.plot(decimal_year(rows["signed"]), rows.index, "D", color="black", ms=7)
    ax.plot(
        decimal_year(rows["entered_into_force"]), rows.index, "o", mfc="white", mec="black", ms=8
    )
    if rows["signed"].notna().any():
        ax.plot([], [], "D", color="black", label="Signed")
    if rows["entered_into_force"].notna().any():
        ax.plot([], [], "o", mfc="white", mec="black", label="Entered into force")
    if rows["fiscal_year_end"].notna().any():
        ax.barh([], [], color=style.colour("JPN"), alpha=0.35, label="Fiscal years covered")
    if rows["fiscal_year_end"].isna().any():
        ax.plot([], [], ">", color=style.colour("JPN"), label="First fiscal year (end not found)")
    labels = [
        r.short + (f" (total {r.total_jpy_100m:,})" if pd.notna(r.total_jpy_100m) else "")
        for r in rows.itertuples()
    ]
    ax.set_yticks(rows.index, labels)
    ax.invert_yaxis()
    dated = pd.concat([decimal_year(rows["signed"]), decimal_year(rows["entered_into_force"])])
    starts = rows["fiscal_year_start"].clip(lower=start_year) + 0.25
    ax.set_xlim(min(starts.min(), dated.min()) - 0.5, right + 0.5)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True, min_n_ticks=1))
    if len(rows) >= 6:  # early agreements sit at the top left, so the top right is empty
        ax.legend(loc="upper right")
    else:
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1))
    style.finish(
        ax,
        title="Special Measures Agreements on host-nation support",
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
        f"{r.short}, {r.days} days" + (" (after its first fiscal year began)" * r.after_fy_start)
        for r in late.itertuples()
    )
    on_time = int((~late["after_fy_start"]).sum())
    by_month = late["signed"].sort_values(key=lambda d: d.dt.month)
    months = " or ".join(by_month.dt.month_name().unique())
    text += (
        f". Signatures fall in {months}; {on_time} of these {len(late)} agreements were in force "
        "by the start of the first fiscal year they fund, which is the target the timing suggests."
    )
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
SCOPE_LOOK = {  # one colour and marker per scope (chapter-local: scopes are not book entities)
    "hns_mod": ("#0072B2", "o"),
    "sma_covered": ("#009E73", "^"),
    "stationing_costs_all": ("#CC79A7", "s"),
}
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
spread["real_jpy_100m"] = ad.to_real(spread["average_jpy_100m"], spread["fiscal_year"])

if hns.empty and spread.empty:
    print(f"No HNS figure in {start_year}–{end_year} at grade {min_reliability}: no Figure 4.2.")
else:
    fig, axes = style.new_figure(nrows=2, sharex=True, figsize=(9, 8.4))
    for ax, column, spread_column in zip(
        axes,
        ["amount_jpy_100m", "real_jpy_100m"],
        ["average_jpy_100m", "real_jpy_100m"],
        strict=True,
    ):
        for scope, rows in hns.groupby("scope", sort=False):
            colour, marker = SCOPE_LOOK.get(scope, (style.GREY, "X"))
            single = rows[~rows["conflict"]].drop_duplicates("fiscal_year")
            if len(single) > 1:
                line = ad.with_all_years(single, "fiscal_year")[column]
                ax.plot(line.index, line, color=colour, linewidth=1.5)
            ax.plot(
                rows["fiscal_year"],
                rows[column],
                linestyle="",
                marker=marker,
                color=colour,
                ms=7,
                label=SCOPE_WORDS[scope],
            )
            for year, pair in rows[rows["conflict"]].groupby("fiscal_year"):
                ax.plot([year, year], [pair[column].min(), pair[column].max()], color=style.GREY)
        for _, dashes in spread.groupby("agreement"):
            ax.plot(
                dashes["fiscal_year"], dashes[spread_column], "_", color="black", ms=14, mew=2.5
            )
        ax.set_ylim(bottom=0)
        style.thousands(ax)
    if not spread.empty:
        axes[1].plot([], [], "_", color="black", ms=14, mew=2.5, label="Agreement total ÷ years")
    if hns["conflict"].any():
        axes[1].plot([], [], color=style.GREY, label="Sources differ in one year")
    top = pd.concat([hns["amount_jpy_100m"], hns["real_jpy_100m"], spread["real_jpy_100m"]])
    for ax in axes:
        ax.set_ylim(0, 1.1 * top.max())
    years = pd.concat([hns["fiscal_year"], spread["fiscal_year"]])
    axes[0].set_xlim(years.min() - 1, years.max() + 1)
    axes[0].xaxis.set_major_locator(MaxNLocator(integer=True, min_n_ticks=1))
    axes[1].set_ylabel("Real (100 million yen, 2023 prices)")
    axes[1].set_xlabel("Japanese fiscal year (April–March)")
    axes[1].legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=2)
    style.finish(
        axes[0],
        title="Japan's payments for U.S. forces, by scope",
        ylabel="Nominal (100 million yen)",
        sources=[*hns["source_id"], *averages["source_id"], "sipri_milex_2025"],
        note=f"Grades below '{min_reliability}' left out. Real values use a price index "
        "derived from SIPRI (calendar year in which each fiscal year starts). The x-axis "
        "ends at the last figure shown.",
    )
    plt.show()

# %%
mod = hns[hns["scope"] == "hns_mod"].dropna(subset=["real_jpy_100m"])
broad = hns[hns["scope"] == "stationing_costs_all"]
parts = []
if len(mod):
    peak = mod.loc[mod["real_jpy_100m"].idxmax()]
    latest = mod.sort_values("fiscal_year").iloc[-1]
    parts.append(
        f"Among the MOD-scope rows kept, the highest real value is FY{peak.fiscal_year}'s "
        f"{peak.amount_jpy_100m:,.0f} (100 million yen), worth {peak.real_jpy_100m:,.0f} in "
        f"2023 prices. The latest, FY{latest.fiscal_year}, is {latest.amount_jpy_100m:,.0f}, or "
        f"{latest.real_jpy_100m:,.0f} in 2023 prices "
        f"({100 * (latest.real_jpy_100m / peak.real_jpy_100m - 1):+.0f}% in real terms)."
    )
if len(broad) > 1:
    a, b = broad.iloc[0], broad.iloc[-1]
    parts.append(
        f"The Cabinet's broad total of all outlays for U.S. forces went from "
        f"{a.amount_jpy_100m:,.0f} in FY{a.fiscal_year} to {b.amount_jpy_100m:,.0f} in "
        f"FY{b.fiscal_year} ({100 * (b.real_jpy_100m / a.real_jpy_100m - 1):+.0f}% in real terms)."
    )
Markdown(" ".join(parts) or "No MOD-scope or broad-scope row survives the current filters.")

# %% [markdown]
# **Reading the figure** (at the default parameters). The broad Cabinet series and the MOD's
# narrower HNS budget are different quantities, and the gap between them is the point: the
# broad total adds land rents, payments to base-hosting communities and other outlays that
# the "sympathy budget" leaves out. That is why a reader must never splice one onto the
# other. Within the MOD scope the kept points describe a peak around the turn of the century
# and a lower plateau afterwards, and the fall is not an artefact of deflation: Japanese
# consumer prices hardly moved in those years, so the two panels have nearly the same shape.
#
# Three further warnings keep the reading honest:
#
# - **Basis.** An expenditure-basis budget counts money to be paid out in the year; a
#   contract-basis figure counts obligations signed in the year, which may be paid later. The
#   two FY2009 points come from the *same* MOD table and still differ.
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
    print(f"No SIPRI share of GDP for {', '.join(compare_countries)} in {start_year}–{end_year}.")
else:
    names = ", ".join(style.name(c) for c in share.columns)
    print(f"Data shown: {shown.year.min()}–{shown.year.max()} for {names}")
for code in compare_countries:
    if code not in share.columns:
        print(f"{style.name(code)} has no SIPRI share of GDP in {start_year}–{end_year}.")

# %%
strategy_titles = {
    "First National Defense Program Outline": "NDPO 1976",
    "1995 National Defense Program Outline": "NDPO 1995",
    "First National Security Strategy": "NSS 2013",
    "2022 National Security Strategy": "NSS 2022",
}
strategy = ad.events_titled(strategy_titles)
strategy = strategy[strategy["date"].dt.year.between(start_year, end_year)]
strategy = strategy.assign(label=strategy["title"].map(strategy_titles))

if share.empty:
    print("Nothing to draw for Figure 4.3.")
else:
    fig, ax = style.new_figure(figsize=(9, 5.6))
    for code in share.columns:
        look = style.look(code)
        line = share[code].reindex(range(share.index.min(), share.index.max() + 1))
        ax.plot(line.index, line, markersize=3, linewidth=2.5 if code == "JPN" else 1.5, **look)
    ax.set_ylim(0, 1.15 * share.max().max())
    ax.set_xlim(share.index.min() - 0.5, share.index.max() + 0.5)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True, min_n_ticks=1))
    style.annotate_events(ax, strategy)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=len(share.columns))
    style.finish(
        ax,
        title="Military expenditure as a share of GDP",
        ylabel="Share of GDP (percent)",
        xlabel="Calendar year",
        sources=[*shown["source_id"], *strategy["source_id"]],
        note="SIPRI's definition of military expenditure for every country; each line starts "
        "where SIPRI's series for that country starts.",
    )
    plt.show()

# %%
summary = share.agg(["mean", "min", "max"]).T.assign(last=share.ffill().iloc[-1]).round(2)
display(summary.rename(index=style.name).rename_axis("country"))
if "JPN" in share.columns:
    jpn_share = share["JPN"].dropna()
    text = (
        f"Over {jpn_share.index.min()}–{jpn_share.index.max()} Japan's share averaged "
        f"{jpn_share.mean():.2f} percent of GDP, from {jpn_share.min():.2f} "
        f"({jpn_share.idxmin()}) to {jpn_share.max():.2f} ({jpn_share.idxmax()}). "
        + " ".join(
            f"The average for {style.name(c)} was {share[c].mean():.2f} percent."
            for c in share.columns
            if c != "JPN"
        )
    )
else:
    text = "Japan is not among the countries selected (or has no data in these years)."
Markdown(text)

# %% [markdown]
# **Reading the figure** (at the default parameters). For most of the period Japan's line is
# almost flat and well below the others. That flatness is a political choice as much as an
# economic outcome: from the 1970s Japanese governments treated a low ceiling on defence
# spending relative to the size of the economy as a norm of postwar restraint, and the line
# hugs that norm for decades. The United States moves with its wars: its share falls after the
# Cold War and rises again in the 2000s. South Korea, facing a land border with a hostile
# state, spends a far larger share than Japan throughout. China's series begins only where
# SIPRI's estimates do, and those estimates carry wide uncertainty because Beijing's official
# budget leaves out items SIPRI counts. At the right edge Japan's share rises clearly above its
# long-run band only after the December 2022 strategy documents.

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
buildup = ad.events_titled(buildup_titles)
buildup = buildup[buildup["date"].dt.year.between(start_year, end_year)]
buildup = buildup.assign(label=buildup["title"].map(buildup_titles))

if usd_bn.empty:
    print(f"SIPRI has no Japan figure in {start_year}–{end_year}: no Figure 4.4.")
else:
    fig, ax = style.new_figure(figsize=(9, 5.2))
    ax.plot(usd_bn.index, usd_bn, linewidth=2.5, markersize=4, **style.look("JPN"))
    ax.set_ylim(0, 1.15 * usd_bn.max())
    ax.set_xlim(usd_bn.index.min() - 0.5, usd_bn.index.max() + 0.5)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True, min_n_ticks=1))
    shaded = usd_bn.index.max() >= 2023
    if shaded:
        ax.axvspan(2022.96, usd_bn.index.max() + 0.5, color=style.colour("JPN"), alpha=0.08)
    style.annotate_events(ax, buildup)
    style.finish(
        ax,
        title="Japan's military expenditure in constant 2023 dollars",
        ylabel="US$ billion (constant 2023 prices)",
        xlabel="Calendar year",
        sources=[*jpn["source_id"], *buildup["source_id"]],
        note="Shaded: years after the December 2022 strategy documents." if shaded else "",
    )
    plt.show()

# %%
if 2022 in usd_bn.index and usd_bn.index.max() > 2022:
    last = int(usd_bn.index.max())
    rise = 100 * (usd_bn[last] / usd_bn[2022] - 1)
    share_rise = jpn.loc[last, "share_of_gdp_pct"] - jpn.loc[2022, "share_of_gdp_pct"]
    text = (
        f"Between 2022 and {last} Japan's spending in constant 2023 dollars rose by "
        f"{rise:.1f} percent, and its share of GDP by {share_rise:.2f} percentage points, to "
        f"{jpn.loc[last, 'share_of_gdp_pct']:.2f} percent."
    )
else:
    text = "The selected years do not include both 2022 and a later year, so no build-up is shown."
Markdown(text)

# %% [markdown]
# **Reading the figure** (at the default parameters). After growing through the 1970s and
# 1980s, Japan's real defence spending barely moved for two decades. The December 2022
# documents (the National Security Strategy and its companions, which also approved a
# counterstrike capability) mark a break, and the rise that follows is the steepest in the
# series. SIPRI's calendar-year figures are built from Japan's April–March budgets, so a single
# year's movement near a turning point can reflect timing as much as policy.
#
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
# `ad.to_real`). By how many percent did the budget change, to one decimal? Why is the real
# change close to the nominal one?

# %% tags=["solution"]
ex_hns = ad.load("host_nation_support")
ex_pair = ex_hns.query("scope == 'hns_mod' and fiscal_year in [2000, 2021]")
ex_pair = ex_pair.set_index("fiscal_year")["amount_jpy_100m"]
ex_real = ad.to_real(ex_pair, ex_pair.index.to_series(), "JPN", 2023)
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
for table in [
    "host_nation_support",
    "special_measures_agreements",
    "defense_spending",
    "claims",
    "events",
]:
    print(f"--- {table}\n{ad.cite(table)}\n")
