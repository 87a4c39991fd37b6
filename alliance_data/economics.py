"""Money and materiel: host-nation support, defence spending, trade and arms-transfer helpers.

These functions only reshape the shipped tables; they never add numbers of their own.
Yen amounts stay in yen (no exchange rate is assumed), and real values use the
SIPRI-derived deflator in :mod:`alliance_data.prices`.
"""

from __future__ import annotations

import pandas as pd

from alliance_data.loading import load
from alliance_data.prices import price_index, to_real

RELIABILITY_RANK = {"low": 0, "medium": 1, "high": 2}


# ---------------------------------------------------------------- host-nation support
def hns_basis_group(basis: str) -> str:
    """Short label for the budget basis a host-nation-support row states."""
    basis = basis.lower()
    if "contract" in basis:
        return "Budget, contract basis"
    if "special agreement" in basis:
        return "Special-agreement level"
    if "budget" in basis:
        return "Budget (expenditure basis)"
    return "Basis not stated"


def _reliable(frame: pd.DataFrame, min_reliability: str) -> pd.DataFrame:
    if min_reliability not in RELIABILITY_RANK:
        raise ValueError(f"min_reliability must be one of {', '.join(RELIABILITY_RANK)}")
    floor = RELIABILITY_RANK[min_reliability]
    return frame[frame["reliability"].map(RELIABILITY_RANK) >= floor]


def _index_or_nan(years: pd.Series) -> pd.Series:
    return years.map(price_index("JPN", 2023)).astype(float)


def hns_annual(
    min_reliability: str = "low", start_year: int | None = None, end_year: int | None = None
) -> pd.DataFrame:
    """Annual host-nation-support rows at or above ``min_reliability``, nominal and real.

    Adds ``real_jpy_100m`` (2023 prices; NaN where the deflator has no value),
    ``basis_group`` and ``conflict`` (True when the year has more than one kept row).
    Amounts are in 100 million yen; years are Japanese fiscal years.
    """
    frame = load("host_nation_support").query("period == 'annual'")
    frame = _reliable(frame, min_reliability)
    if start_year is not None:
        frame = frame[frame["fiscal_year"] >= start_year]
    if end_year is not None:
        frame = frame[frame["fiscal_year"] <= end_year]
    frame = frame.assign(
        real_jpy_100m=to_real(frame["amount_jpy_100m"], frame["fiscal_year"]),
        basis_group=frame["basis"].map(hns_basis_group),
    )
    frame["conflict"] = frame.groupby("fiscal_year")["fiscal_year"].transform("size") > 1
    return frame.reset_index(drop=True)


def sma_yearly_averages(
    min_reliability: str = "low", start_year: int | None = None, end_year: int | None = None
) -> pd.DataFrame:
    """Spread each Special Measures Agreement five-year total evenly over its fiscal years.

    One row per agreement and fiscal year: ``average_jpy_100m`` is the total divided by the
    number of years (a computed average, not a budgeted figure) and ``real_jpy_100m`` is that
    average in 2023 prices, left blank for years the deflator does not reach.
    """
    totals = _reliable(
        load("host_nation_support").query("period == 'agreement_total'"), min_reliability
    )
    rows = []
    for _, agreement in totals.iterrows():
        years = range(int(agreement["fiscal_year"]), int(agreement["fiscal_year_end"]) + 1)
        for year in years:
            rows.append(
                {
                    "agreement": f"FY{agreement['fiscal_year']}–{agreement['fiscal_year_end']}",
                    "fiscal_year": year,
                    "total_jpy_100m": agreement["amount_jpy_100m"],
                    "average_jpy_100m": agreement["amount_jpy_100m"] / len(years),
                    "reliability": agreement["reliability"],
                    "source_id": agreement["source_id"],
                }
            )
    frame = pd.DataFrame(
        rows,
        columns=[
            "agreement",
            "fiscal_year",
            "total_jpy_100m",
            "average_jpy_100m",
            "reliability",
            "source_id",
        ],
    )
    if start_year is not None:
        frame = frame[frame["fiscal_year"] >= start_year]
    if end_year is not None:
        frame = frame[frame["fiscal_year"] <= end_year]
    frame["real_jpy_100m"] = frame["average_jpy_100m"] / _index_or_nan(frame["fiscal_year"])
    return frame.reset_index(drop=True)


def event_marks(labels: dict[str, str], start_year: int, end_year: int) -> pd.DataFrame:
    """Rows of ``events`` whose title is a key of ``labels``, within the years, with a short
    ``label`` column (the dict value) for :func:`alliance_data.plotting.annotate_events`."""
    events = load("events")
    events = events[
        events["title"].isin(labels) & events["date"].dt.year.between(start_year, end_year)
    ]
    return events.assign(label=events["title"].map(labels))


def claim(claim_id: str) -> pd.Series:
    """One row of the ``claims`` table, by identifier."""
    return load("claims").set_index("claim_id").loc[claim_id]


# ---------------------------------------------------------------- defence spending
def milex(countries: list[str], start_year: int, end_year: int) -> pd.DataFrame:
    """SIPRI military-expenditure rows for ``countries`` within the year range."""
    frame = load("defense_spending")
    keep = frame["country_iso3"].isin(countries) & frame["year"].between(start_year, end_year)
    return frame[keep].reset_index(drop=True)


def milex_wide(
    countries: list[str], start_year: int, end_year: int, column: str = "share_of_gdp_pct"
) -> pd.DataFrame:
    """One column per country (in the order given), one row per year, for ``column``."""
    wide = milex(countries, start_year, end_year).pivot(
        index="year", columns="country_iso3", values=column
    )
    return wide.reindex(columns=[c for c in countries if c in wide.columns])


def growth_pct(series: pd.Series, from_year: int, to_year: int) -> float:
    """Percentage change of ``series`` (indexed by year) between two years."""
    return float((series.loc[to_year] / series.loc[from_year] - 1) * 100)


def sipri_implied_yen_per_dollar(start_year: int = 1952, end_year: int = 2024) -> pd.Series:
    """Yen per current US dollar implied by SIPRI's own columns (calendar-year average).

    SIPRI converts calendar-year yen spending to current dollars at the year's market
    exchange rate, so local currency divided by current dollars recovers that rate.
    It is SIPRI's conversion, not an official exchange-rate series.
    """
    frame = milex(["JPN"], start_year, end_year).set_index("year")
    rate = frame["milex_local_currency"] / (frame["milex_usd_m_current"] * 1e6)
    return rate.rename("jpy_per_usd_sipri_implied")


# ---------------------------------------------------------------- trade
def trade_basis_group(row: pd.Series) -> str:
    """Short label for who reported a trade row and on what basis."""
    basis = str(row["basis"]).lower()
    if str(row["reporter"]).startswith("Japan"):
        return "Japan MOF figure (surplus, sign flipped)"
    if "secondary" in basis:
        return "U.S. data via commercial secondary source"
    if "ustr" in basis:
        return "U.S. data via USTR, rounded"
    if "usitc" in basis or "total exports" in basis or "f.a.s." in basis:
        return "U.S. Census, definitions stated (USITC/CRS)"
    return "U.S. Census, definitions not stated"


def trade_rows() -> pd.DataFrame:
    """The ``trade`` table with a ``basis_group`` label added (no gaps filled)."""
    frame = load("trade")
    return frame.assign(basis_group=frame.apply(trade_basis_group, axis=1))


# ---------------------------------------------------------------- arms transfers
def arms_by_supplier(start_year: int, end_year: int) -> pd.DataFrame:
    """TIV (million) delivered to Japan, one row per year in range, one column per supplier.

    SIPRI lists only years with deliveries; absent supplier-years are zero, so they are
    filled with 0. Columns are ordered by total TIV over the range, largest first.
    """
    arms = load("arms_transfers")
    arms = arms[arms["year"].between(start_year, end_year)]
    wide = arms.pivot_table(
        index="year", columns="supplier_iso3", values="tiv_m", aggfunc="sum", fill_value=0.0
    )
    wide = wide.reindex(range(start_year, end_year + 1), fill_value=0.0)
    wide.index.name = "year"
    return wide[wide.sum().sort_values(ascending=False).index]


def us_share_pct(start_year: int, end_year: int) -> float:
    """U.S. share (percent) of all TIV delivered to Japan over the years given."""
    arms = load("arms_transfers")
    arms = arms[arms["year"].between(start_year, end_year)]
    return float(
        arms.loc[arms["supplier_iso3"] == "USA", "tiv_m"].sum() / arms["tiv_m"].sum() * 100
    )


def us_share_by_decade(start_year: int, end_year: int) -> pd.DataFrame:
    """U.S. and total TIV, U.S. share (percent) and years with deliveries, per decade."""
    wide = arms_by_supplier(start_year, end_year)
    decade = (wide.index // 10) * 10
    table = (
        pd.DataFrame(
            {
                "us_tiv_m": wide.get("USA", 0.0),
                "total_tiv_m": wide.sum(axis=1),
                "has_delivery": wide.sum(axis=1) > 0,
            }
        )
        .groupby(decade)
        .agg(
            us_tiv_m=("us_tiv_m", "sum"),
            total_tiv_m=("total_tiv_m", "sum"),
            years_in_range=("us_tiv_m", "size"),
            years_with_deliveries=("has_delivery", "sum"),
        )
    )
    table.index.name = "decade"
    table["us_share_pct"] = table["us_tiv_m"] / table["total_tiv_m"] * 100
    table["label"] = [
        f"{d}s" + ("" if n == 10 else f" ({n} yr{'s' if n > 1 else ''})")
        for d, n in zip(table.index, table["years_in_range"], strict=True)
    ]
    return table


# ---------------------------------------------------------------- drawing helpers
RELIABILITY_COLOURS = {"high": "#0072B2", "medium": "#E69F00", "low": "#999999"}
BASIS_MARKERS = {
    "Budget (expenditure basis)": "o",
    "Budget, contract basis": "s",
    "Special-agreement level": "D",
    "Basis not stated": "X",
}
SMA_STYLE = {"color": "#009E73", "linestyle": "--", "linewidth": 2, "marker": "|"}
SUPPLIER_COLOURS = {
    "USA": "#D55E00",
    "GBR": "#56B4E9",
    "FRA": "#0072B2",
    "ITA": "#E69F00",
    "DEU": "#009E73",
    "SWE": "#CC79A7",
    "CHE": "#000000",
    "NLD": "#F0E442",
    "AUS": "#999999",
}

# Short labels for the events marked on each figure (keys are titles in the events table).
SMA_EVENTS = {
    f"{y} Special Measures Agreement signed": f"SMA signed {y}" for y in (2008, 2011, 2016, 2022)
}
STRATEGY_EVENTS = {
    "1995 National Defense Program Outline": "NDPO 1995",
    "First National Security Strategy": "First NSS 2013",
    "2022 National Security Strategy": "NSS 2022",
}
BUILDUP_EVENTS = {
    "First National Security Strategy": "First NSS 2013",
    "Security legislation enacted": "Security laws 2015",
    "2022 National Security Strategy": "NSS 2022",
}
TRADE_CONTEXT_EVENTS = {
    "Joint Declaration on Security": "Joint Declaration 1996",
    "2015 Defense Cooperation Guidelines": "Guidelines 2015",
    "Trump-Abe joint statement": "Trump-Abe statement 2017",
}
ARMS_EVENTS = {
    "Mutual Defense Assistance Agreement signed": "MDAA 1954",
    "First National Defense Program Outline": "NDPO 1976",
    "Revised Defense Cooperation Guidelines": "Guidelines 1997",
    "Decision to introduce missile defence": "Missile defence 2003",
    "2015 Defense Cooperation Guidelines": "Guidelines 2015",
}


def _hns_legend(ax, annual: pd.DataFrame, sma: pd.DataFrame) -> None:
    from matplotlib.lines import Line2D

    handles = [
        Line2D(
            [],
            [],
            linestyle="",
            marker="o",
            color=c,
            markeredgecolor="black",
            label=f"{grade} reliability",
        )
        for grade, c in RELIABILITY_COLOURS.items()
        if grade in set(annual["reliability"])
    ]
    handles += [
        Line2D([], [], linestyle="", marker=m, color="white", markeredgecolor="black", label=basis)
        for basis, m in BASIS_MARKERS.items()
        if basis in set(annual["basis_group"])
    ]
    if not sma.empty:
        handles.append(
            Line2D([], [], **SMA_STYLE, label="SMA total ÷ years covered\n(computed average)")
        )
    if annual["conflict"].any():
        handles.append(
            Line2D([], [], color="#666666", linewidth=1, label="conflicting values, same year")
        )
    ax.legend(handles=handles, fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0))


def draw_hns(ax, annual: pd.DataFrame, sma: pd.DataFrame, column: str) -> None:
    """Plot host-nation-support points (colour = reliability, marker = basis) and SMA averages.

    ``column`` is ``average_jpy_100m`` (nominal) or ``real_jpy_100m``. Conflicting values for
    one year are joined by a thin grey line so both stay visible.
    """
    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    point_col = "amount_jpy_100m" if column == "average_jpy_100m" else column
    if annual.empty and sma.empty:
        ax.text(
            0.5,
            0.5,
            "No host-nation-support figure in the selected years",
            transform=ax.transAxes,
            ha="center",
            va="center",
            color="#444444",
        )
    for year, group in annual[annual["conflict"]].groupby("fiscal_year"):
        ax.plot(
            [year, year],
            [group[point_col].min(), group[point_col].max()],
            color="#666666",
            linewidth=1,
            zorder=1,
        )
    for _, row in annual.iterrows():
        ax.scatter(
            row["fiscal_year"],
            row[point_col],
            s=55,
            zorder=3,
            marker=BASIS_MARKERS[row["basis_group"]],
            color=RELIABILITY_COLOURS[row["reliability"]],
            edgecolor="black",
            linewidth=0.5,
        )
    for _, group in sma.groupby("agreement"):
        ax.plot(group["fiscal_year"], group[column], markersize=10, zorder=2, **SMA_STYLE)


def hns_axis_top(annual: pd.DataFrame, sma: pd.DataFrame, headroom: float = 1.35) -> float:
    """A shared upper y-limit for the nominal and real HNS panels (room for labels)."""
    columns = [
        annual["amount_jpy_100m"],
        annual["real_jpy_100m"],
        sma["average_jpy_100m"],
        sma["real_jpy_100m"],
    ]
    values = pd.concat(columns).dropna()
    return float(values.max() * headroom) if len(values) else 1000.0


def hns_figure(annual: pd.DataFrame, sma: pd.DataFrame, start_year: int, end_year: int):
    """Two stacked panels, nominal (top) and real 2023 yen (bottom), with SMA signings marked.

    Returns ``(fig, (top, bottom))``; call :func:`alliance_data.plotting.finish` on ``top``.
    """
    from alliance_notebooks import style as plotting

    fig, (top, bottom) = plotting.new_figure(nrows=2, sharex=True, figsize=(9, 7.5))
    draw_hns(top, annual, sma, "average_jpy_100m")
    draw_hns(bottom, annual, sma, "real_jpy_100m")
    _hns_legend(top, annual, sma)
    for ax in (top, bottom):
        ax.set_xlim(start_year - 1, end_year + 1)
        ax.set_ylim(0, hns_axis_top(annual, sma))
    bottom.set_ylabel("Real (100 million yen, 2023 prices)")
    bottom.set_xlabel("Japanese fiscal year (April–March)")
    plotting.annotate_events(top, event_marks(SMA_EVENTS, start_year, end_year))
    fig.subplots_adjust(bottom=0.08, hspace=0.12)
    return fig, (top, bottom)


def draw_country_lines(ax, wide: pd.DataFrame, headroom: float = 1.25) -> None:
    """One line per country column of ``wide`` in the house country colours, legend on top."""
    from alliance_notebooks.style import COUNTRY_COLOURS

    for code in wide.columns:
        ax.plot(wide.index, wide[code], label=code, linewidth=2, color=COUNTRY_COLOURS.get(code))
    ax.set_ylim(0, wide.max().max() * headroom)
    ax.legend(ncol=max(len(wide.columns), 1), loc="upper center")


def draw_trade_balance(ax, trade: pd.DataFrame) -> None:
    """Plot each year's U.S. goods balance as a point, marker by basis; derived values hollow."""
    markers = ["o", "s", "D", "^", "v", "P"]
    colours = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"]
    for i, group in enumerate(sorted(trade["basis_group"].unique())):
        rows = trade[trade["basis_group"] == group]
        for derived, part in rows.groupby("derived"):
            ax.scatter(
                part["year"],
                part["us_balance_usd_bn"],
                s=55,
                marker=markers[i % 6],
                facecolor="white" if derived else colours[i % 6],
                edgecolor=colours[i % 6],
                linewidth=1.5,
                zorder=3,
                label=group + ("\n(derived from a stated change)" if derived else ""),
            )
    low = trade["us_balance_usd_bn"].min()
    ax.set_ylim(low * 1.15, -low * 0.45)
    ax.set_xlim(trade["year"].min() - 2, trade["year"].max() + 2)
    ax.axhline(0, color="black", linewidth=0.8)
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0), labelspacing=0.9)


def draw_stacked_tiv(ax, wide: pd.DataFrame) -> None:
    """Stacked bars of TIV by supplier (columns of ``wide``), one bar per year."""
    from alliance_notebooks import style as plotting

    ax.set_axisbelow(True)
    colours = {s: SUPPLIER_COLOURS.get(s, "#999999") for s in wide.columns}
    plotting.stacked_bars(ax, wide, colours=colours, width=0.85)


def tiv_figure(wide: pd.DataFrame, start_year: int, end_year: int):
    """All suppliers stacked (top) and non-U.S. suppliers on their own scale (bottom).

    Returns ``(fig, (top, low))``; call :func:`alliance_data.plotting.finish` on ``top``.
    """
    from alliance_notebooks import style as plotting

    fig, (top, low) = plotting.new_figure(
        nrows=2, sharex=True, figsize=(9, 7.5), gridspec_kw={"height_ratios": [2, 1]}
    )
    others = wide.drop(columns="USA", errors="ignore")
    draw_stacked_tiv(top, wide)
    draw_stacked_tiv(low, others)
    top.set_ylim(0, wide.sum(axis=1).max() * 1.45 + 1)
    low.set_ylim(0, others.sum(axis=1).max() * 1.1 + 1)
    top.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0), title="Supplier")
    low.set_ylabel("Non-U.S. suppliers\n(million TIV)")
    low.set_xlabel("Year of delivery")
    plotting.annotate_events(top, event_marks(ARMS_EVENTS, start_year, end_year))
    fig.subplots_adjust(bottom=0.08, hspace=0.1)
    return fig, (top, low)


def draw_share_bars(ax, decades: pd.DataFrame, threshold: float, threshold_label: str) -> None:
    """Bars of the U.S. share by decade (0–100 scale), labelled, with a dashed threshold line."""
    ax.set_axisbelow(True)
    bars = ax.bar(decades["label"], decades["us_share_pct"], color=SUPPLIER_COLOURS["USA"])
    ax.bar_label(bars, labels=[f"{v:.1f}%" for v in decades["us_share_pct"]], fontsize=9)
    ax.axhline(threshold, color="black", linestyle="--", linewidth=1)
    ax.text(
        -0.4,
        threshold - 2,
        threshold_label,
        fontsize=9,
        va="top",
        bbox={"facecolor": "white", "edgecolor": "black", "linewidth": 0.5},
    )
    ax.set_ylim(0, 110)
