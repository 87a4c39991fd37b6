"""Helpers for reading sources critically: opinion series split at breaks, claim summaries.

Used by the chapters on public opinion (06) and on weighing the sources (08).

>>> from alliance_data import sources_review as sr
>>> sr.opinion_series("Cabinet Office", "affinity_toward_us").head()
>>> sr.verdict_table()
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator

from alliance_data.loading import load
from alliance_notebooks.style import COUNTRY_COLOURS, PALETTE

VERDICT_ORDER = ["consistent", "approximate", "conflicting", "unverifiable"]
VERDICT_COLOURS = {
    "consistent": "#009E73",
    "approximate": "#56B4E9",
    "conflicting": "#D55E00",
    "unverifiable": "#999999",
}

# The project's reading of what each seed document is (see the sources table's notes).
SEED_ROLES = {
    "000": "Wikipedia extract",
    "001": "Wikipedia article",
    "002": "unattributed explainer",
    "003": "garbled CFR copy",
    "004": "DoD News article",
}

MODE_COLOURS = {"face-to-face": PALETTE[0], "mail": PALETTE[1]}

# Units of claims whose values are quantities (not dates, ranks or qualitative statements).
QUANTITY_UNITS = ("personnel", "facilities", "bases", "percent", "USD bn")

# Publisher or title naming a mirror, copy or re-post; notes naming a missing attribution.
_COPY_PATTERN = r"mirror|copy|fork|repost|quoted on|via |blog|unattributed|unsourced"
_NOTES_PATTERN = r"checked via mirror|unattributed|unsourced|not identified"


# --------------------------------------------------------------------------- opinion


def opinion_series(
    survey: str,
    measure: str | Iterable[str],
    countries: Iterable[str] = ("JPN",),
    start_year: int | None = None,
    end_year: int | None = None,
) -> pd.DataFrame:
    """Rows of ``opinion`` for one survey (matched by prefix) and measure(s), sorted by year.

    Adds ``mode_family`` (the survey mode without the remark, e.g. ``mail``) and
    ``status`` (``observed``, ``derived`` or ``preliminary``, from ``flag``).
    """
    frame = load("opinion")
    frame = frame[
        frame["survey"].str.startswith(survey)
        & frame["measure"].isin([measure] if isinstance(measure, str) else list(measure))
        & frame["country_iso3"].isin(list(countries))
    ]
    if start_year is not None:
        frame = frame[frame["year"] >= start_year]
    if end_year is not None:
        frame = frame[frame["year"] <= end_year]
    frame = frame.sort_values(["country_iso3", "measure", "year"]).reset_index(drop=True)
    frame["mode_family"] = frame["mode"].str.split(" (", regex=False).str[0]
    status = {"derived_from_stated_change": "derived", "preliminary": "preliminary"}
    frame["status"] = frame["flag"].map(status).fillna("observed")
    return frame


def mode_breaks(frame: pd.DataFrame) -> pd.DataFrame:
    """Years in which the survey mode changes: columns ``year``, ``before``, ``after``."""
    rows = []
    for _, group in frame.sort_values("year").groupby("country_iso3"):
        previous = group["mode_family"].shift()
        changed = group[previous.notna() & (group["mode_family"] != previous)]
        for index, row in changed.iterrows():
            rows.append(
                {"year": int(row["year"]), "before": previous[index], "after": row["mode_family"]}
            )
    return pd.DataFrame(rows, columns=["year", "before", "after"])


def runs(frame: pd.DataFrame, by: str | None = "mode_family") -> list[pd.DataFrame]:
    """Split a one-country series into runs of consecutive years (and the same ``by`` value).

    Lines drawn within a run never bridge a missing year or a change of survey mode.
    """
    frame = frame.sort_values("year")
    new_run = np.array(frame["year"].astype(float).diff().ne(1), dtype=bool)
    if by is not None:
        values = frame[by].astype(object).to_numpy()
        new_run[1:] |= values[1:] != values[:-1]
    return [group for _, group in frame.groupby(new_run.cumsum())]


def plot_runs(
    ax,
    frame: pd.DataFrame,
    *,
    colour: str,
    label: str,
    by: str | None = "mode_family",
    marker: str = "o",
) -> None:
    """Points for every year, joined by lines only within runs of consecutive years."""
    for i, run in enumerate(runs(frame, by=by)):
        ax.plot(
            run["year"],
            run["value_pct"],
            color=colour,
            linewidth=1.6,
            marker=marker,
            markersize=6,
            label=label if i == 0 else None,
        )


STATUS_MARKERS = {
    "derived": ("o", "derived from a reported change"),
    "preliminary": ("D", "preliminary"),
}


def mark_status(ax, frame: pd.DataFrame, *, colour: str = "#000000") -> None:
    """Open markers over values that are derived or preliminary rather than observed."""
    for status, (marker, label) in STATUS_MARKERS.items():
        points = frame[frame["status"] == status]
        if len(points):
            ax.scatter(
                points["year"],
                points["value_pct"],
                s=70,
                marker=marker,
                facecolor="white",
                edgecolor=colour,
                linewidth=1.6,
                zorder=5,
                label=f"{label} (open marker)",
            )


def country_colours(countries: Iterable[str]) -> dict[str, str]:
    """House colour per country; countries without one (or sharing one) get an unused colour."""
    colours: dict[str, str] = {}
    for country in countries:
        colour = COUNTRY_COLOURS.get(country)
        if colour is None or colour in colours.values():
            colour = next(c for c in PALETTE + ["#999999"] if c not in colours.values())
        colours[country] = colour
    return colours


def plot_mode_series(
    ax, frame: pd.DataFrame, *, start_year: int, end_year: int, breaks: pd.DataFrame | None = None
) -> None:
    """One survey series: a colour per mode, lines only within runs, open markers for
    derived/preliminary values, crosses for missing years and a bar at each mode change.

    ``breaks`` (from :func:`mode_breaks` on the full series) defaults to breaks inside ``frame``.
    """
    for mode, part in frame.groupby("mode_family", sort=False):
        colour = MODE_COLOURS.get(mode, "#999999")
        plot_runs(ax, part, colour=colour, label=f"{mode} survey")
    mark_status(ax, frame)
    mark_missing(ax, missing_years(frame, start_year, end_year))
    breaks = mode_breaks(frame) if breaks is None else breaks
    for _, row in breaks[(breaks["year"] > start_year) & (breaks["year"] <= end_year)].iterrows():
        ax.axvline(row["year"] - 0.5, color="#000000", linewidth=2)
        ax.text(
            row["year"] - 0.4,
            8,
            f"mode change:\n{row['before']} → {row['after']}",
            fontsize=8,
            va="bottom",
        )
    ax.set_xlim(start_year - 0.7, end_year + 0.7)
    ax.set_ylim(0, 100)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))


def plot_countries(ax, frame: pd.DataFrame, *, start_year: int, end_year: int) -> None:
    """One Pew series per country (circles for Japan), joined only across consecutive years;
    years after the last survey in the window are shaded and labelled."""
    colours = country_colours(frame["country_iso3"].unique())
    for country, part in frame.groupby("country_iso3", sort=False):
        marker = "o" if country == "JPN" else "s"
        plot_runs(ax, part, colour=colours[country], label=country, by=None, marker=marker)
    shade_after(ax, last_survey_year("Pew"), start_year, end_year)
    ax.set_xlim(start_year - 0.7, end_year + 0.7)
    ax.set_ylim(0, 100)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))


def last_survey_year(survey: str) -> int:
    """Latest year held for a survey (matched by prefix), in any country or measure."""
    opinion = load("opinion")
    return int(opinion.loc[opinion["survey"].str.startswith(survey), "year"].max())


def shade_after(
    ax, last_year: int, start_year: int, end_year: int, *, what: str = "Pew values"
) -> None:
    """Grey band over the window's years after ``last_year``, saying none are held."""
    if end_year > last_year:
        left = max(last_year + 0.5, start_year - 0.7)
        ax.axvspan(left, end_year + 0.7, color="#eeeeee", zorder=0)
        ax.text(left + 0.3, 8, f"no {what} after\n{last_year} in the files used", fontsize=8)


def missing_years(frame: pd.DataFrame, start_year: int, end_year: int) -> list[int]:
    """Years in ``start_year``–``end_year`` with no row in ``frame``."""
    return sorted(set(range(start_year, end_year + 1)) - set(frame["year"].astype(int)))


def mark_missing(ax, years: Iterable[int], *, y: float = 3.0) -> None:
    """Grey crosses along the bottom of the axes at years with no value."""
    years = list(years)
    if years:
        ax.scatter(
            years,
            [y] * len(years),
            marker="x",
            s=22,
            color="#999999",
            zorder=4,
            label="no value found for this year",
        )


def survey_coverage(opinion: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per survey and measure: countries, number of country-years and the first/last year."""
    opinion = load("opinion") if opinion is None else opinion
    return (
        opinion.groupby(["survey", "measure"])
        .agg(
            countries=("country_iso3", "nunique"),
            country_years=("year", "size"),
            first=("year", "min"),
            last=("year", "max"),
        )
        .reset_index()
    )


def changes_across(frame: pd.DataFrame, years: Iterable[int]) -> pd.DataFrame:
    """Change in ``value_pct`` from year T−1 to T, per country (rows) and T (columns).

    NaN where either survey year is missing: a change is never bridged over a gap.
    """
    values = frame.pivot_table(index="country_iso3", columns="year", values="value_pct")
    out = {}
    for year in years:
        if year in values.columns and year - 1 in values.columns:
            out[f"{year - 1}→{year}"] = values[year] - values[year - 1]
        else:
            out[f"{year - 1}→{year}"] = np.nan
    return pd.DataFrame(out, index=values.index)


def presidential_transitions(start_year: int, end_year: int) -> pd.DataFrame:
    """U.S. presidents taking office in the window, as ``date``/``label`` (surname) events."""
    leaders = load("leaders")
    presidents = leaders[(leaders["country_iso3"] == "USA") & (leaders["office"] == "president")]
    years = presidents["term_start"].dt.year
    shown = presidents[(years >= start_year) & (years <= end_year)]
    return pd.DataFrame(
        {
            "date": shown["term_start"].to_numpy(),
            "label": [name.split()[-1] for name in shown["name"]],
            "source_id": shown["source_id"].to_numpy(),
        }
    )


# --------------------------------------------------------------------------- claims


def seed_label(seed: str) -> str:
    """'003 garbled CFR copy' for '003_ff174e8760ddc370.txt'."""
    number = seed[:3]
    return f"{number} {SEED_ROLES.get(number, 'seed')}"


def seed_sources() -> pd.DataFrame:
    """The source behind each seed document, read from the notes of the ``sources`` table."""
    sources = load("sources")
    rows = []
    for _, source in sources[
        sources["notes"].str.contains("project's seed document", na=False)
    ].iterrows():
        for number in re.findall(r"\b(\d{3})\b", source["notes"]):
            rows.append(
                {
                    "seed": number,
                    "role": SEED_ROLES.get(number, ""),
                    "source_id": source["source_id"],
                    "publisher": source["publisher"],
                    "kind": source["kind"],
                }
            )
    return pd.DataFrame(rows).sort_values("seed").reset_index(drop=True)


def verdict_table(claims: pd.DataFrame | None = None) -> pd.DataFrame:
    """Claims per seed (rows, labelled) and verdict (columns, in a fixed order), with totals."""
    claims = load("claims") if claims is None else claims
    table = pd.crosstab(claims["seed"].map(seed_label), claims["verdict"])
    table = table.reindex(columns=VERDICT_ORDER, fill_value=0)
    table["total"] = table.sum(axis=1)
    table.index.name = "seed"
    return table


def verdict_shares(claims: pd.DataFrame | None = None) -> pd.DataFrame:
    """Like :func:`verdict_table`, as percentages of each seed's claims."""
    table = verdict_table(claims)
    return table[VERDICT_ORDER].div(table["total"], axis=0).mul(100)


def leading_numbers(text: str) -> list[float]:
    """The number (or both ends of a range) that starts each ';'-separated part of ``text``."""
    values = []
    for part in re.sub(r"\([^)]*\)", "", str(text)).split(";"):
        match = re.match(r"\D*?(\d[\d,]*\.?\d*)(?:\s*[-–]\s*(\d[\d,]*\.?\d*))?", part.strip())
        if match:
            values += [float(g.replace(",", "")) for g in match.groups() if g]
    return values


def numeric_claims(claims: pd.DataFrame | None = None) -> pd.DataFrame:
    """Quantity claims (not dates) with parsed claimed and evidence values.

    Keeps one row per paraphrase (seed 000 repeats seed 001). Adds ``claimed``,
    ``evidence_low``, ``evidence_high`` and ``ratio_low``/``ratio_high`` (claimed ÷ evidence).
    Claims whose evidence is in another unit (yen against dollars) or missing are dropped.
    """
    claims = load("claims") if claims is None else claims
    frame = claims[claims["unit"].isin(QUANTITY_UNITS) & claims["evidence_value"].notna()]
    frame = frame[~frame["evidence_value"].str.contains("JPY")]
    frame = frame.sort_values("claim_id").drop_duplicates("paraphrase", keep="last").copy()
    frame["claimed"] = frame["claimed_value"].map(lambda t: leading_numbers(t)[0])
    evidence = frame["evidence_value"].map(leading_numbers)
    frame["evidence_low"] = evidence.map(min)
    frame["evidence_high"] = evidence.map(max)
    frame["ratio_low"] = frame["claimed"] / frame["evidence_high"]
    frame["ratio_high"] = frame["claimed"] / frame["evidence_low"]
    return frame.reset_index(drop=True)


def claim_card(claim_id: str, claims: pd.DataFrame | None = None) -> str:
    """A Markdown paragraph: the claim, its seed, claimed vs evidence, verdict and why."""
    claims = load("claims") if claims is None else claims
    row = claims.set_index("claim_id").loc[claim_id]
    publisher = load("sources").set_index("source_id").loc[row["source_id"], "publisher"]
    evidence = row["evidence_value"] if isinstance(row["evidence_value"], str) else "none found"
    return (
        f"**{claim_id}** ({seed_label(row['seed'])}): {row['paraphrase']}. "
        f"*Claimed:* {row['claimed_value']} ({row['unit']}). *Evidence:* {evidence}. "
        f"*Verdict:* **{row['verdict']}**. *Why:* {row['explanation']} "
        f"*Evidence source:* {publisher}."
    )


def verdict_handles(verdicts: Iterable[str] = VERDICT_ORDER) -> list:
    """Legend handles (coloured dots) for the given verdicts, in the standard order."""
    wanted = set(verdicts)
    return [
        Line2D([], [], color=VERDICT_COLOURS[v], marker="o", label=v)
        for v in VERDICT_ORDER
        if v in wanted
    ]


def plot_verdict_bars(ax, table: pd.DataFrame) -> None:
    """Horizontal stacked bars of claims per seed and verdict (from :func:`verdict_table`)."""
    left = pd.Series(0, index=table.index)
    for verdict in VERDICT_ORDER:
        ax.barh(
            table.index,
            table[verdict],
            left=left,
            color=VERDICT_COLOURS[verdict],
            label=verdict,
            edgecolor="white",
        )
        left = left + table[verdict]
    for y, total in enumerate(table["total"]):
        ax.text(total + 0.3, y, f"{total}", va="center", fontsize=9)
    ax.invert_yaxis()
    ax.set_xlim(0, table["total"].max() * 1.4)
    ax.legend(loc="center right", fontsize=9, title="verdict")


def plot_claim_ratios(ax, numeric: pd.DataFrame) -> None:
    """Dot plot of claimed ÷ evidence (log x) per claim from :func:`numeric_claims`.

    One dot per evidence value, a line spanning them, coloured by verdict; 1 = agreement.
    """
    for y, row in enumerate(numeric.itertuples()):
        colour = VERDICT_COLOURS[row.verdict]
        ratios = [row.claimed / v for v in leading_numbers(row.evidence_value)]
        ax.plot([min(ratios), max(ratios)], [y, y], color=colour, linewidth=2.5, alpha=0.6)
        ax.scatter(ratios, [y] * len(ratios), color=colour, s=40, zorder=3)
    ax.axvline(1, color="#333333", linewidth=1)
    ax.set_xscale("log")
    ticks = [0.5, 0.75, 1, 1.5, 2, 3]
    ax.set_xticks(ticks, labels=[f"{t:g}" for t in ticks])
    ax.set_xticks([], minor=True)
    labels = [
        f"{r.claim_id} ({r.seed[:3]}): {r.claimed_value} {r.unit}" for r in numeric.itertuples()
    ]
    ax.set_yticks(range(len(numeric)), labels, fontsize=8)
    ax.grid(axis="y", alpha=0)
    ax.legend(handles=verdict_handles(numeric["verdict"]), loc="lower right", fontsize=9)


# --------------------------------------------------------------------------- sources


def grade_sources(sources: pd.DataFrame | None = None) -> pd.DataFrame:
    """Add a simple two-part grade: who produced the figure, and how we reached it.

    ``access`` is ``copy`` when the publisher or title names a mirror, copy, fork, blog or
    quotation on another site, or the notes say the text was read via a mirror or has no
    identified author; otherwise ``original``.
    ``grade``: A primary original; B compilation, or primary read via a copy;
    C secondary original; D secondary copy, mirror or unattributed page.
    """
    sources = load("sources") if sources is None else sources.copy()
    name = sources["publisher"].fillna("") + " " + sources["title"].fillna("")
    copied = name.str.contains(_COPY_PATTERN, case=False) | sources["notes"].fillna(
        ""
    ).str.contains(_NOTES_PATTERN, case=False)
    sources["access"] = np.where(copied, "copy", "original")
    primary = sources["kind"] == "primary"
    original = sources["access"] == "original"
    sources["grade"] = np.select(
        [primary & original, (sources["kind"] == "compilation") | primary, original],
        ["A", "B", "C"],
        default="D",
    )
    return sources


def wikipedia_family(sources: pd.DataFrame | None = None) -> pd.Series:
    """Boolean Series: the source is Wikipedia or a copy of it, or its notes say it draws on it."""
    sources = load("sources") if sources is None else sources
    text = sources["publisher"].fillna("") + " " + sources["notes"].fillna("")
    return text.str.contains(r"wikipedia|infogalactic|not independent of seed 00[01]", case=False)
