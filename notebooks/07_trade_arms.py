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
# - Read a sparse, multi-source trade series without inventing the missing years or joining
#   figures measured on different bases.
# - Say what SIPRI's trend-indicator value (TIV) measures and what it does not.
# - Measure Japan's dependence on U.S. arms, by year and by decade.
# - Test two official claims about arms sales against the data, and say when a claim cannot be
#   tested.

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
start_year = 1952  # first year shown (arms deliveries and trade)
end_year = 2022  # last year shown (arms deliveries and trade)

# %%
import pandas as pd
from IPython.display import Markdown
from matplotlib.ticker import MaxNLocator

import alliance_data as ad
from alliance_notebooks import check_parameters, citations, figures, plotting, publish, style
from alliance_notebooks.prose import count, listing
from alliance_notebooks.tables import show

# %%
checked = check_parameters("07_trade_arms", start_year=start_year, end_year=end_year)
start_year, end_year = checked["start_year"], checked["end_year"]
window = f"{start_year}–{end_year}" if start_year < end_year else f"{start_year}"
citations.reset()

# %% [markdown]
# The year window applies to both tables. Each section prints the years its own table
# actually has inside the window, because the arms data and the trade data do not end in the
# same year.
#
# ## 7.1 Friction inside an alliance
#
# Japan's postwar strategy traded a small military for a fast-growing economy, and by the 1970s
# that economy was competing head-on with American industry. A short explainer among the seed
# documents says that this rise drew U.S. pressure over particular sectors, naming textiles,
# beef and automobiles. The list is plausible: it moves from a labour-intensive industry,
# through a protected agricultural market that Washington wanted opened, to the car industry
# at the heart of the American manufacturing economy. The typical instruments were negotiated
# rather than imposed: Japan "voluntarily" restrained some exports and opened some markets, so
# that Congress would not legislate something harsher.
#
# This package cannot date those disputes. The claims table records what happened when the
# explainer's statement was checked.

# %%
claims = ad.load("claims").set_index("claim_id")
sources = ad.load("sources").set_index("source_id")
events = ad.load("events")
trade_all = ad.load("trade")
c074 = claims.loc["C074"]
explainer = sources.loc[c074.seed_source_id]

# %%
citations.note([c074.seed_source_id, c074.source_id])
trade_like = [c for c in events["category"].unique() if "trade" in c or "econom" in c]

# %%
Markdown(
    f"> **Claim C074** (*{explainer.title}*, {explainer.publisher}, a {explainer.kind} text): "
    f"{c074.paraphrase}.  \n> **Verdict: {c074.verdict}.** {c074.explanation}\n\n"
    f"The `trade` table's first figure is for {trade_all.year.min()}; whatever year the "
    "explanation gives, its main point, that the table holds totals and no sectors, stands. "
    f"The events table has {len(events)} dated events in "
    f"{events.category.nunique()} categories, "
    + (
        f"of which {listing(trade_like)} concern trade."
        if trade_like
        else "none of them about trade, so no trade dispute is placed on a timeline here."
    )
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
#
# ## 7.2 The U.S. goods balance with Japan
#
# No continuous official series was reachable for this project. The `trade` table holds
# figures transcribed from Congressional Research Service reports, the U.S. International
# Trade Commission, the U.S. Trade Representative, the International Trade Administration and
# the press, every one on the Census basis of U.S. statistics but measured and rounded in
# different ways. The column `basis` names the way, and rows on different bases must never be
# joined into one line. Each basis has its own colour and marker in the house style. The
# catalogue's caveats say what was found and what was not.

# %%
for caveat in ad.describe("trade").caveats:
    print("-", caveat)

# %%
BASIS = "trade_basis"  # the house style's looks for the trade table's bases
trade = trade_all[trade_all["year"].between(start_year, end_year)]
balance = trade.dropna(subset=["us_balance_usd_bn"]).sort_values("year")
if trade.empty:
    covered = f"{trade_all.year.min()}–{trade_all.year.max()}"
    print(f"The trade table has no row in {window} (it covers {covered}): Figure 7.1 is not drawn.")
else:
    print(f"Data shown: {trade.year.min()}–{trade.year.max()} (trade)")

# %%
if len(trade):
    by_basis = trade.groupby("basis", as_index=False).agg(
        rows=("year", "size"), first_year=("year", "min"), last_year=("year", "max")
    )
    by_basis["basis"] = by_basis["basis"].map(lambda b: style.name(b, BASIS))
    show(by_basis.sort_values("first_year"))

# %%
if len(trade):
    span = range(trade.year.min(), trade.year.max() + 1)
    missing = [y for y in span if y not in set(trade.year)]
    Markdown(
        f"{count(len(trade), 'row')} in {count(trade.year.nunique(), 'distinct year')}; "
        f"{len(missing)} of the {count(len(span), 'year')} from the first to the last have no "
        f"figure at all; {count(trade.derived.sum(), 'row')} "
        f"{'holds' if trade.derived.sum() == 1 else 'hold'} a value derived from a stated change."
    )

# %% [markdown]
# ### Figure 7.1: the balance, basis by basis
#
# Each point is one published balance, in the colour and marker of its basis; hollow markers
# are values derived from a stated year-on-year change. Lines join consecutive years of one
# basis only, so every gap in the record stays a gap. Dashed lines mark alliance milestones
# for orientation; the events table holds no trade events.

# %%
CONTEXT = {
    "Joint Declaration on Security": "Joint Declaration 1996",
    "2015 Defense Cooperation Guidelines": "Guidelines 2015",
    "Trump-Abe joint statement": "Trump–Abe statement 2017",
}
if len(balance):
    context = plotting.events_between(CONTEXT, balance.year.min(), balance.year.max())

# %%
if balance.empty:
    print(f"No published balance in {window}: Figure 7.1 is not drawn.")
else:
    fig, ax = figures.new_figure(figsize=(9, 6.6))
    for code, rows in balance.groupby("basis", sort=False):
        look = style.look(code, BASIS)
        plotting.series(ax, rows, "us_balance_usd_bn", linewidth=1.5, ms=8, **look)
        derived = rows[rows["derived"]]
        ax.scatter(derived.year, derived.us_balance_usd_bn, marker=look["marker"], s=70,
                   facecolors="white", edgecolors=look["color"], linewidths=1.8, zorder=5)  # fmt: skip
    if balance["derived"].any():
        plotting.legend_entry(ax, "hollow: derived from a stated change", marker="o",
                              markerfacecolor="white", color=style.INK)  # fmt: skip
    ax.axhline(0, color="black", linewidth=0.8)
    ax.set_ylim(min(1.15 * balance.us_balance_usd_bn.min(), -1), 0)
    plotting.year_axis(ax, balance["year"])
    plotting.annotate_events(ax, context)
    plotting.legend_below(ax, ncol=2)
    figures.finish(
        ax,
        number="7.1",
        title="U.S. goods trade balance with Japan, as published",
        ylabel="Balance (US$ billion, current; negative = U.S. deficit)",
        xlabel="Calendar year",
        sources=[*balance.source_id, *context.source_id],
        note="One colour and marker per basis; lines never join different bases or cross "
        "missing years. The axis ends at the last published figure.",
    )

# %%
if balance.empty:
    text = f"No balance figure in {window}."
elif len(balance) == 1:
    only = balance.iloc[0]
    text = (
        f"The only balance shown is {only.us_balance_usd_bn:+.1f} billion dollars ({only.year}, "
        f"{style.name(only.basis, BASIS)})"
    )
else:
    worst = balance.loc[balance.us_balance_usd_bn.idxmin()]
    head, tail = balance.iloc[0], balance.iloc[-1]
    text = (
        f"The earliest balance shown is {head.us_balance_usd_bn:+.1f} billion dollars "
        f"({head.year}); the largest deficit is {worst.us_balance_usd_bn:+.1f} billion "
        f"({worst.year}, {'a derived value' if worst.derived else 'as published'}, "
        f"{style.name(worst.basis, BASIS)})"
    )
    if len(balance) > 1:
        text += (
            f"; the latest is {tail.us_balance_usd_bn:+.1f} billion "
            f"({tail.year}, {style.name(tail.basis, BASIS)})"
        )
Markdown(text + ("." if len(balance) else ""))

# %% [markdown]
# **Reading the figure** at the chapter's default years (1952–2022, so every balance in the
# table); other windows show part of this record. Three things stand out. The deficit widened
# very fast across the first points, in the early 1980s; that is the backdrop against which
# the sectoral disputes described above should be read, even though this package cannot say
# when each of them peaked. The deficit then stayed large in nominal dollars, with a marked dip
# in 2009, the year of the global trade collapse. And there is no sign in the later points of
# the imbalance closing. What changed after the 1990s was less the numbers than the politics,
# as the focus of American complaints about trade shifted towards China.
#
# Treat every comparison across years with care. The figures are in current dollars, so the
# 1980s values are not comparable in real terms with later ones, and the definitions differ:
# "total" exports include re-exports of foreign goods while "domestic" exports do not, and
# imports may be counted as general imports or imports for consumption. Even the same
# statistic changes between releases, as the next table shows.

# %%
exports = trade.dropna(subset=["us_exports_to_japan_usd_bn"])
twice = exports[exports.duplicated("year", keep=False)].sort_values("year")
twice = twice.assign(basis=twice["basis"].map(lambda b: style.name(b, BASIS)))
if twice.empty:
    print(f"No year in {window} has two export figures.")
else:
    show(twice[["year", "us_exports_to_japan_usd_bn", "basis"]], sources=twice.source_id)

# %%
gaps = twice.groupby("year").us_exports_to_japan_usd_bn.agg(lambda s: s.max() - s.min())
Markdown(
    "Where two publications give U.S. exports for the same year, they differ by "
    + listing(f"{gap:.1f} billion dollars in {year}" for year, gap in gaps.items())
    + ". Neither figure is wrong: they come from different releases and definitions, which is "
    "exactly why rows on different bases are never joined into one line."
) if len(gaps) else None

# %% [markdown]
# ## 7.3 Arms: measuring dependence with SIPRI's TIV
#
# The arms data come from the SIPRI Arms Transfers Database. SIPRI does not record prices.
# It values each delivered weapon with a *trend-indicator value* (TIV) based on the estimated
# production cost of a reference weapon, so that a fighter aircraft counts for more than a
# machine gun whatever was actually paid. TIV is therefore a measure of the military
# capability transferred, and it suits comparisons of volume and of shares between suppliers.
# It is not money, and it cannot be compared with dollar figures such as sales approvals.
# SIPRI also counts weapons produced under licence as transfers from the licensor, which
# matters for Japan: much of its American equipment was built in Japanese factories.
#
# SIPRI lists only years with deliveries, so a supplier-year missing *inside* SIPRI's coverage
# is a zero. After SIPRI's last year nothing is known, and those years are not filled.

# %%
arms_all = ad.load("arms_transfers")
for caveat in ad.describe("arms_transfers").caveats:
    print("-", caveat)

# %%
first_arms, last_arms = arms_all.year.min(), arms_all.year.max()
arms_years = range(max(start_year, first_arms), min(end_year, last_arms) + 1)
arms = arms_all[arms_all["year"].isin(arms_years)]
wide = arms.pivot_table(
    index="year", columns="supplier_iso3", values="tiv_m", aggfunc="sum", fill_value=0.0
).reindex(arms_years, fill_value=0.0)
wide = wide[wide.sum().sort_values(ascending=False).index]
total = wide.sum(axis=1)
us = wide.get("USA", pd.Series(0.0, index=wide.index))

# %%
if len(arms_years) == 0:
    print(
        f"SIPRI's arms data cover {first_arms}–{last_arms}, outside {window}: sections 7.3 and "
        "7.4 have nothing to show."
    )
else:
    print(f"Data shown: {arms_years[0]}–{arms_years[-1]} (arms transfers)")
    if end_year > last_arms:
        print(f"SIPRI's data end in {last_arms}; later years are left out, not set to zero.")

# %%
arms_span = f"{arms_years[0]}–{arms_years[-1]}" if len(arms_years) > 1 else f"{start_year}"

# %%
if total.sum() > 0:
    busiest, empty = total[total == total.max()].index, int((total == 0).sum())
    text = (
        f"In {arms_span} SIPRI records deliveries to Japan from "
        f"{count((wide.sum() > 0).sum(), 'supplier')}. The United States accounts for "
        f"{100 * us.sum() / total.sum():.1f} percent of the TIV delivered."
    )
    if len(total) > 1:
        text += (
            f" The busiest {'year was' if len(busiest) == 1 else 'years were'} "
            f"{listing(map(str, busiest))}, with {total.max():,.0f} million TIV in all"
            f"{' each' if len(busiest) > 1 else ''}; "
            + (f"{count(empty, 'year')} in the range {'has' if empty == 1 else 'have'} no "
               "recorded delivery." if empty else "every year in the range has a delivery.")
        )  # fmt: skip
else:
    text = f"No delivery is recorded in {window}."
Markdown(text)

# %% [markdown]
# ### Figure 7.2: deliveries by supplier
#
# The upper panel stacks every supplier; the lower panel leaves out the United States so that
# the small suppliers become visible on their own scale. Note the different y-axes.


# %%
def stack(ax, frame):
    """Stacked bars, one per year, one colour per supplier (the house style's)."""
    bottom = pd.Series(0.0, index=frame.index)
    for code in frame.columns:
        look = style.look(code)
        ax.bar(frame.index, frame[code], bottom=bottom, width=0.85, color=look["color"],
               label=look["label"])  # fmt: skip
        bottom = bottom + frame[code]
    ax.set_ylim(0, 1.08 * max(bottom.max(), 1))
    ax.yaxis.set_major_locator(MaxNLocator(integer=True, min_n_ticks=1))
    figures.thousands(ax)


ARMS_EVENTS = {
    "Mutual Defense Assistance Agreement signed": "MDAA 1954",
    "First National Defense Program Outline": "NDPO 1976",
    "Revised Defense Cooperation Guidelines": "Guidelines 1997",
    "Decision to introduce missile defence": "Missile defence 2003",
    "2015 Defense Cooperation Guidelines": "Guidelines 2015",
}
arms_events = plotting.events_between(ARMS_EVENTS, start_year, min(end_year, last_arms))

# %%
if total.sum() > 0:
    fig, (top, low) = figures.new_figure(
        nrows=2, sharex=True, figsize=(9, 8.4), gridspec_kw={"height_ratios": [2, 1]}
    )
    stack(top, wide)
    others = wide.drop(columns="USA", errors="ignore")
    stack(low, others)
    if others.to_numpy().sum() == 0:
        low.text(0.5, 0.5, "No delivery from other suppliers", transform=low.transAxes, ha="center")
    plotting.year_axis(top, arms_years, margin=0.6)
    plotting.annotate_events(top, arms_events)
    low.set_ylabel("Non-U.S. suppliers\n(million TIV)")
    low.set_xlabel("Year of delivery")
    plotting.legend_below(low, ncol=5, extra=top.get_legend_handles_labels()[0])
    figures.finish(
        top,
        number="7.2",
        title="Major conventional arms delivered to Japan, by supplier",
        ylabel="All suppliers (million TIV)",
        sources=[*arms.source_id, *arms_events.source_id],
        note="SIPRI trend-indicator values: a volume measure of capability transferred, not "
        "prices. Includes licensed production."
        + (" The axis ends with SIPRI's last year of data." if arms_years[-1] == last_arms else ""),
    )

# %% [markdown]
# **Reading the figure** at the chapter's default years (1952–2022, all of SIPRI's data).
# The U.S. bars tower over everything else in every era, and the shape of the series follows
# the phases of Japan's defence policy. Deliveries build up after the 1954 Mutual Defense
# Assistance Agreement, when the new Self-Defense Forces were equipped largely from American
# aid. They grow again through the 1970s and 1980s, when the defence outline of 1976 and the
# first Guidelines of 1978 gave Japan a defined role inside the alliance and the late Cold War
# build-up was under way. After the early 1990s they fall steeply: the Soviet threat had gone
# and budgets were flat (Chapter 4 shows the plateau); a growing reliance on Japanese-designed
# equipment, which SIPRI does not count as an import, is a likely further reason. The rise in
# the late 2010s fits the arrival of the advanced American systems named in the DoD article
# (section 7.5), but confirming that would require SIPRI's item-level register, which this
# package does not ship.
#
# The lower panel shows that the other suppliers are mostly European. None of them comes close
# to being an alternative to the United States.
#
# ## 7.4 The U.S. share by decade
#
# Annual shares swing when total deliveries are small, so Figure 7.3 pools TIV by decade.
# Decades only partly inside the selected years are labelled with the number of years they
# cover. The dashed line is the threshold in the Defense Department article's claim (C026).

# %%
c026 = claims.loc["C026"]
# The claim gives a lower bound ("over 90%"), so the claims table leaves claimed_value blank;
# the threshold is the one its paraphrase states, and the assert keeps the two in step.
dod_threshold_pct = 90
assert f"{dod_threshold_pct}%" in c026.paraphrase, c026.paraphrase

# %%
yearly = pd.DataFrame({"us": us, "total": total, "delivered": total > 0})
decades = yearly.groupby((wide.index // 10) * 10).agg(
    us_tiv_m=("us", "sum"),
    total_tiv_m=("total", "sum"),
    years=("us", "size"),
    years_with_deliveries=("delivered", "sum"),
)

# %%
decades["us_share_pct"] = 100 * decades["us_tiv_m"] / decades["total_tiv_m"]
decades["label"] = [
    f"{d}s" + ("" if n == 10 else f"\n({count(n, 'year')})")
    for d, n in zip(decades.index, decades["years"], strict=True)
]
decades = decades[decades["total_tiv_m"] > 0]

# %%
if decades.empty:
    print(f"No decade with deliveries in {window}: Figure 7.3 is not drawn.")
else:
    fig, ax = figures.new_figure(figsize=(9, 5.6))
    ax.set_axisbelow(True)
    bars = ax.bar(decades["label"], decades["us_share_pct"], color=style.colour("USA"))
    ax.bar_label(bars, labels=[f"{v:.1f}%" for v in decades["us_share_pct"]],
                 label_type="center", color="white", fontweight="bold")  # fmt: skip
    ax.axhline(dod_threshold_pct, color="black", linestyle="--", linewidth=1.2)
    ax.annotate(f"DoD article:\nover {dod_threshold_pct}%", xy=(1, dod_threshold_pct),
                xycoords=("axes fraction", "data"), xytext=(6, 0), textcoords="offset points",
                va="center", fontsize=style.MIN_FONT_PT)  # fmt: skip
    ax.set_ylim(0, 100)
    figures.finish(
        ax,
        number="7.3",
        title="U.S. share of Japan's arms imports, by decade",
        ylabel="U.S. share of TIV delivered (percent)",
        xlabel="Decade of delivery",
        sources=[*arms.source_id, c026.seed_source_id],
        note="Share of SIPRI trend-indicator values, pooled by decade. Dashed line: the DoD "
        f"article's claim that more than {dod_threshold_pct}% of Japan's defence imports come "
        "from the U.S.",
    )

# %%
if len(decades):
    table = decades.assign(decade=[f"{d}s" for d in decades.index])
    show(
        table[
            ["decade", "us_tiv_m", "total_tiv_m", "us_share_pct", "years", "years_with_deliveries"]
        ],
        sources=arms.source_id,
    )

# %% [markdown]
# **Reading the figure** at the chapter's default years (1952–2022). The U.S. share never
# falls far below the top of the scale. It is highest in the 1950s, when American aid was
# almost the only source, and lowest in the 2000s, when total deliveries were small and a
# handful of European items weighs more in the ratio. A share, though, says nothing about
# volume: the bars look alike in decades whose totals differ several-fold, as the table shows.
# Dependence measured by share was constant; the amount being depended on was not.
#
# ## 7.5 Two official claims about arms sales
#
# The Defense Department article of August 2020 makes two statements about arms sales, and
# the claims table records both.

# %%
c027 = claims.loc["C027"]
article = sources.loc[c026.seed_source_id]
citations.note([c026.seed_source_id, c026.source_id, c027.source_id])
lines = [f"The article: *{article.title}*, {article.publisher}."]

# %%
for claim_id, c in (("C026", c026), ("C027", c027)):
    claimed = f"{c.claimed_value:g} ({c.unit})" if pd.notna(c.claimed_value) else "no single value"
    evidence = c.evidence_value if pd.notna(c.evidence_value) else "none"
    lines.append(
        f"> **Claim {claim_id}**: {c.paraphrase}.  \n> Claimed: {claimed}.  \n"
        f"> Evidence: {evidence}.  \n> **Verdict: {c.verdict}.** {c.explanation}"
    )
Markdown("\n\n".join(lines))


# %%
def us_share(first, last):
    """U.S. share (percent) of all TIV delivered to Japan from ``first`` to ``last``."""
    rows = arms_all[arms_all["year"].between(first, last)]
    return 100 * rows.loc[rows["supplier_iso3"] == "USA", "tiv_m"].sum() / rows["tiv_m"].sum()


# %%
windows = [(1950, 2021), (2010, 2019), (2012, 2021)]
text = "Recomputed here from the same SIPRI table, the U.S. share of TIV is " + "; ".join(
    f"{us_share(a, b):.1f} percent for {a}–{b}" for a, b in windows
)
if total.sum() > 0:
    text += f"; and {us_share(start_year, end_year):.1f} percent for {arms_span}"
Markdown(text + ".")

# %% [markdown]
# **The import share.** The first claim holds in every window above, which is why its verdict
# is "consistent". Two cautions still apply. The DoD speaks of *defence imports*, which
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
# technology sharing, having been developed jointly by the two countries; the encyclopaedia
# article among the seeds describes such sharing as limited, and this list suggests the limits
# have been loosening at the high end.
#
# ## Key figures
#
# These values use the full tables, whatever the parameters, so that they can be checked
# automatically.

# %%
full = arms_all.pivot_table(index="year", columns="supplier_iso3", values="tiv_m", aggfunc="sum")
all_balances = trade_all.dropna(subset=["us_balance_usd_bn"])
deepest = all_balances.loc[all_balances["us_balance_usd_bn"].idxmin()]

# %%
publish(
    us_share_of_tiv_1950_2021_pct=round(us_share(1950, 2021), 1),
    peak_year_total_tiv=int(full.sum(axis=1).idxmax()),
    peak_year_us_tiv=int(full["USA"].idxmax()),
    trade_years_with_any_figure=int(trade_all["year"].nunique()),
    trade_years_with_balance=int(all_balances["year"].nunique()),
    trade_bases=int(trade_all["basis"].nunique()),
    largest_us_deficit_usd_bn=round(float(deepest.us_balance_usd_bn), 1),
    largest_us_deficit_year=int(deepest.year),
)

# %% [markdown]
# ## Exercises
#
# ### Exercise 7.1
# From the first National Defense Program Outline (1976) to the end of the Cold War (take
# 1976–1991, both years included), what share of the TIV delivered to Japan came from the
# United States? Give it in percent to one decimal, working from the `arms_transfers` table.

# %% tags=["solution"]
from alliance_notebooks.exercises import check

ex_arms = ad.load("arms_transfers")
ex_rows = ex_arms[ex_arms["year"].between(1976, 1991)]
ex_share = 100 * ex_rows.loc[ex_rows["supplier_iso3"] == "USA", "tiv_m"].sum()
ex_share = ex_share / ex_rows["tiv_m"].sum()
print(f"1976–1991: {ex_share:.1f}%")
check("07.1", ex_share)

# %% [markdown]
# ### Exercise 7.2
# In how many years from 1952 to 2021 did suppliers other than the United States deliver at
# least 12 percent of Japan's TIV? Is there a pattern, and what does it suggest about how a
# few small items can move a share?

# %% tags=["solution"]
ex_arms = ad.load("arms_transfers")
ex_wide = ex_arms.pivot_table(
    index="year", columns="supplier_iso3", values="tiv_m", aggfunc="sum", fill_value=0.0
).loc[1952:2021]
ex_non_us = 100 * (1 - ex_wide["USA"] / ex_wide.sum(axis=1))
print(ex_non_us[ex_non_us >= 12].round(1))
# They cluster in the 2000s and early 2010s, when total deliveries were lowest, so a few
# European items were enough to push the non-U.S. share up.
check("07.2", int((ex_non_us >= 12).sum()))

# %% [markdown]
# ### Exercise 7.3
# Using the `trade` table, take every row that has both an exports and an imports figure and
# compute the balance yourself. In which year does your result differ most from the published
# `us_balance_usd_bn`? Use the `note`, `basis` and `derived` columns to explain why.

# %% tags=["solution"]
ex_trade = ad.load("trade").dropna(
    subset=["us_exports_to_japan_usd_bn", "us_imports_from_japan_usd_bn"]
)
ex_trade = ex_trade.assign(
    recomputed=ex_trade.us_exports_to_japan_usd_bn - ex_trade.us_imports_from_japan_usd_bn
)
ex_trade["difference"] = (ex_trade.recomputed - ex_trade.us_balance_usd_bn).round(2)
show(ex_trade[["year", "basis", "recomputed", "us_balance_usd_bn", "difference", "note"]])
check("07.3", int(ex_trade.loc[ex_trade["difference"].abs().idxmax(), "year"]))

# %% [markdown]
# ## Key takeaways
#
# - The trade disputes of the 1970s and 1980s were real and bitter, but this package can neither
#   date nor measure them by sector; the claim about them remains unverified here.
# - The U.S. goods deficit with Japan appears in the record only as scattered figures on
#   several bases that must be kept apart; it grew fast in the early 1980s and stayed large.
# - By SIPRI's volume measure the United States has supplied nearly all of Japan's major
#   imported weapons in every decade, which supports the DoD's import-share claim.
# - Dollar figures for arms sales approvals cannot be checked against TIV deliveries; different
#   units, timing and coverage make them separate questions.
#
# ## Sources

# %%
citations.sources_cell()
