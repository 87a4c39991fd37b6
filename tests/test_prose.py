"""The chapters' prose: cross-references that point at real headings and figures, and the
generated sentences that matter, checked against the data in every executed window.

The executed chapters come from the suite's session fixture ``chapter_runs`` (tests/conftest.py),
which runs each chapter at its defaults, its re-runs, 1970–1990, 2010–2025, one-year windows
and edge values.
"""

import re
from pathlib import Path

import pandas as pd
import pytest

import alliance_data as ad
from alliance_notebooks import style
from alliance_notebooks.chapters import available, read_notebook
from alliance_notebooks.parameters import validate

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
CHAPTERS = available(NOTEBOOKS)
FIGURE_NUMBER = re.compile(r"""\bnumber=["'](\d+\.\d+)["']""")
HEADING = re.compile(r"^#{2,6}\s+(\d+\.\d+)\b", re.MULTILINE)
FIGURE_REF = re.compile(r"\bFigures?\s+(\d+\.\d+)")
SECTION_REF = re.compile(r"\b[Ss]ections?\s+(\d+\.\d+)")


def numbers(pattern, text):
    return [m.group(1) for m in pattern.finditer(text)]


def sources(path):
    notebook = read_notebook(path)
    code = "\n".join(c.source for c in notebook.cells if c.cell_type == "code")
    prose = "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")
    return code, prose


# ---------------------------------------------------------------------------------------
# Cross-references (static: read from the chapter sources, every chapter)
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_figure_references_name_numbered_figures(path):
    code, prose = sources(path)
    drawn = numbers(FIGURE_NUMBER, code)
    referred = set(numbers(FIGURE_REF, prose + "\n" + code)) - {*drawn}
    assert not referred, f"{path.stem} refers to figures no figure is numbered as: {referred}"


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_figures_are_numbered_in_order(path):
    code, _ = sources(path)
    drawn = numbers(FIGURE_NUMBER, code)
    chapter = int(path.stem[:2])
    expected = [f"{chapter}.{k}" for k in range(1, len(drawn) + 1)]
    assert drawn == expected, f"{path.stem} numbers its figures {drawn}"


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_section_references_name_headings(path):
    code, prose = sources(path)
    headings = set(numbers(HEADING, prose))
    referred = set(numbers(SECTION_REF, prose + "\n" + code)) - headings
    assert not referred, f"{path.stem} refers to sections with no heading: {referred}"


# ---------------------------------------------------------------------------------------
# Chapter 2: the phases of the Japan series and the reading of Figure 2.1
# ---------------------------------------------------------------------------------------


def runs_of(chapter_runs, stem):
    runs = [run for run in chapter_runs.all() if run.entry["notebook"] == stem]
    assert runs, f"no executed run of {stem}"
    return runs


def used(stem, run):
    """The parameters the chapter worked with (the window clipped as the chapter clips it)."""
    return validate(stem, dict(run.entry["parameters"]), NOTEBOOKS)


def japan_troops():
    troops = ad.load("troops")
    return troops[troops["country_iso3"] == "JPN"].set_index("year")


def percent(a, b):
    """The signed whole percent the chapters print (prose.signed_percent)."""
    change = round(100 * (b / a - 1))
    return "no change" if change == 0 else f"{'+' if change > 0 else '−'}{abs(change)}%"


def test_chapter_2_phases_follow_the_whole_series(chapter_runs):
    full = japan_troops()
    personnel = full["personnel"]
    afloat = full.loc[1955:1960]
    marker = style.MARKER_NAMES[style.FLAG_MARKERS["afloat_included"]]
    switch = afloat.index[afloat["flag"] == "report_month_change"]
    expected = [
        f"From {personnel[1955]:,} in 1955 to {personnel[1960]:,} in 1960 "
        f"({percent(personnel[1955], personnel[1960])})",
        f"between {personnel.loc[1960:1969].min():,} and {personnel.loc[1960:1969].max():,}",
        f"from {personnel[1970]:,} in 1970 to {personnel[1976]:,} in 1976",
        f"stays between {personnel.loc[1976:].min():,} and {personnel.loc[1976:].max():,}",
        f"open {marker}",
        f"June to September reports in {switch[0]}",
        f"{(afloat['flag'] == 'afloat_included').sum()} reports",
    ]
    for run in runs_of(chapter_runs, "02_us_forces"):
        text = " ".join(run.markdown.split())  # the phases paragraph wraps lines
        for words in expected:
            assert words in text, (
                f"{run.entry.get('label', run.entry['notebook'])}: phases lack {words!r}"
            )


def test_chapter_2_reading_of_figure_2_1_uses_the_years_shown(chapter_runs):
    full = japan_troops()
    for run in runs_of(chapter_runs, "02_us_forces"):
        values = used("02_us_forces", run)
        shown = full.loc[values["start_year"] : values["end_year"], "personnel"]
        text = " ".join(run.markdown.split())
        if shown.empty:
            assert "There is no Japan report in" in text
        elif len(shown) == 1:
            assert f"The one report shown, {shown.index[0]}, counts {shown.iloc[0]:,}" in text
        else:
            top = shown[shown == shown.max()].index
            assert f"In the {len(shown)} reports shown, the count is highest in **" in text
            assert f"({shown.max():,} persons;" in text
            assert str(top[0]) in text
            assert f"The last year shown, {shown.index[-1]}, has {shown.iloc[-1]:,}." in text


# ---------------------------------------------------------------------------------------
# Chapter 4: the spending paragraphs
# ---------------------------------------------------------------------------------------


def shares():
    spending = ad.load("defense_spending").dropna(subset=["share_of_gdp_pct"])
    return spending.pivot(index="year", columns="country_iso3", values="share_of_gdp_pct")


def test_chapter_4_averages_are_over_each_countrys_own_years(chapter_runs):
    whole = shares()
    for run in runs_of(chapter_runs, "04_burden_sharing"):
        values = used("04_burden_sharing", run)
        first, last = values["start_year"], values["end_year"]
        text = " ".join(run.markdown.split())
        for code in values["compare_countries"]:
            series = whole[code].loc[first:last].dropna() if code in whole else pd.Series()
            if series.empty:
                assert f"{style.name(code)} has no SIPRI share of GDP" in run.text
                continue
            years = (
                f"{series.index.min()}–{series.index.max()}"
                if series.index.min() != series.index.max()
                else f"{series.index.min()}"
            )
            mean = f"{series.mean():.2f}"
            if code == "JPN" and len(series) > 1:
                assert f"Over {years} Japan's share averaged {mean} percent of GDP" in text
            else:
                name = re.escape(style.name(code))
                sentence = rf"{name}'s? share (averaged|was) {mean} percent in {years}\."
                assert re.search(sentence, text), (
                    run.entry.get("label", run.entry["notebook"]),
                    code,
                )


def test_chapter_4_whole_series_reading_says_so_and_is_true(chapter_runs):
    whole = shares()
    events = ad.load("events").set_index("title")["date"].dt.year
    ndpo = events["First National Defense Program Outline"]
    nss = events["2022 National Security Strategy"]
    band = whole["JPN"].loc[ndpo : nss - 1]
    both = whole[["JPN", "KOR"]].dropna()
    expected = [
        f"Across SIPRI's whole series, from the first Defense Program Outline ({ndpo})",
        f"Japan's share stayed between {band.min():.2f}% and {band.max():.2f}% of GDP",
        f"in {(both['KOR'] > both['JPN']).sum()} of the {len(both)} years both have",
        f"China's series begins only in {whole['CHN'].dropna().index.min()}",
    ]
    for run in runs_of(chapter_runs, "04_burden_sharing"):
        text = " ".join(run.markdown.split())
        for words in expected:
            assert words in text, (
                f"{run.entry.get('label', run.entry['notebook'])}: lacks {words!r}"
            )


def test_chapter_4_build_up_sentence_only_when_both_years_are_shown(chapter_runs):
    constant = ad.load("defense_spending").query("country_iso3 == 'JPN'").set_index("year")
    volume = constant["milex_usd_m_constant"].dropna()
    for run in runs_of(chapter_runs, "04_burden_sharing"):
        values = used("04_burden_sharing", run)
        shown = volume.loc[values["start_year"] : values["end_year"]]
        text = " ".join(run.markdown.split())
        if 2022 in shown.index and shown.index.max() > 2022:
            last = shown.index.max()
            rise = 100 * (shown[last] / shown[2022] - 1)
            assert f"Between 2022 and {last} Japan's spending" in text
            assert f"{'+' if rise > 0 else '−'}{abs(rise):.1f}%" in text
        else:
            assert "do not include both 2022 and a later year" in text
            assert "Between 2022 and" not in text
