"""The chapters' prose: cross-references that point at real headings and figures, and the
generated sentences that matter, checked against the data in every executed window.

The executed chapters come from the suite's session fixture ``chapter_runs`` (tests/conftest.py),
which runs each chapter at its defaults, its re-runs, 1970–1990, 2010–2025, one-year windows
and edge values.
"""

import functools
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


@functools.cache
def sources(path):
    notebook = read_notebook(path)
    code = "\n".join(c.source for c in notebook.cells if c.cell_type == "code")
    prose = "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")
    return code, prose


# ---------------------------------------------------------------------------------------
# Cross-references (static: read from the chapter sources, every chapter)
# ---------------------------------------------------------------------------------------


def by_chapter(pattern, part):
    """Chapter number -> the numbers ``pattern`` finds in its code (0) or prose (1)."""
    return {int(p.stem[:2]): set(numbers(pattern, sources(p)[part])) for p in CHAPTERS}


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_figure_references_name_numbered_figures(path):
    drawn = by_chapter(FIGURE_NUMBER, 0)
    code, prose = sources(path)
    referred = numbers(FIGURE_REF, prose + "\n" + code)
    missing = {n for n in referred if n not in drawn.get(int(n.split(".")[0]), set())}
    assert not missing, f"{path.stem} refers to figures no figure is numbered as: {missing}"


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_figures_are_numbered_in_order(path):
    code, _ = sources(path)
    drawn = numbers(FIGURE_NUMBER, code)
    chapter = int(path.stem[:2])
    expected = [f"{chapter}.{k}" for k in range(1, len(drawn) + 1)]
    assert drawn == expected, f"{path.stem} numbers its figures {drawn}"


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_section_references_name_headings(path):
    headings = by_chapter(HEADING, 1)
    code, prose = sources(path)
    referred = numbers(SECTION_REF, prose + "\n" + code)
    missing = {n for n in referred if n not in headings.get(int(n.split(".")[0]), set())}
    assert not missing, f"{path.stem} refers to sections with no heading: {missing}"


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


# ---------------------------------------------------------------------------------------
# Chapters 5–9 (chapters-B): generated sentences checked against the tables in every
# executed window, solutions against their checks, chapter 8's references by topic
# ---------------------------------------------------------------------------------------

LATER_CHAPTERS = [
    "05_widening_role",
    "06_public_opinion",
    "07_trade_arms",
    "08_weighing_sources",
    "09_explorer",
]
EVENT_GROUPS = ["legislation", "policy", "guidelines", "operation", "exercise"]


def label(run):
    return run.entry.get("label", run.entry["notebook"])


def words(n, noun):
    """'1 mission', '3 missions' (written here, not with prose.count, to test it too)."""
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def span(first, last):
    return f"{first}–{last}" if first < last else f"{first}"


def missions_drawn(first, last):
    """What chapter 5 draws for first–last: each non-financial mission that overlaps the
    years (one with no end date runs on), and the Gulf War money rows as one contribution;
    returns (count, kinds)."""
    missions = ad.load("overseas_missions")
    money = missions[missions["kind"] == "financial"]
    rest = missions[missions["kind"] != "financial"]
    ends = rest["end"].dt.year
    overlapping = rest[(rest["start"].dt.year <= last) & (ends.isna() | (ends >= first))]
    kinds = set(overlapping["kind"])
    if money["start"].dt.year.min() <= last and money["end"].dt.year.max() >= first:
        return len(overlapping) + 1, kinds | {"financial"}
    return len(overlapping), kinds


def test_chapter_5_missions_paragraph_counts_the_missions_drawn(chapter_runs):
    for run in runs_of(chapter_runs, "05_widening_role"):
        values = used("05_widening_role", run)
        first, last = values["start_year"], values["end_year"]
        drawn, kinds = missions_drawn(first, last)
        if drawn == 0:
            assert f"No mission in the table overlaps {span(first, last)}." in run.markdown
            continue
        sentence = f"The chart holds {words(drawn, 'mission')} of {words(len(kinds), 'kind')}"
        assert sentence in run.markdown, (label(run), sentence)


def test_chapter_5_at_1970_1990_shows_and_describes_one_mission(chapter_runs):
    """1970–1990 holds only the Gulf War money: the missions table and the sentence about
    the chart name it alone; at the defaults the later missions are there."""
    early = chapter_runs.get("05_widening_role", {"start_year": 1970, "end_year": 1990})
    assert "The chart holds 1 mission of 1 kind." in early.markdown
    assert "Gulf War financial contribution" in early.html
    for later in ("UNTAC Cambodia PKO", "ONUMOZ Mozambique PKO", "UNMISS South Sudan PKO"):
        assert later not in early.html
    default = chapter_runs.get("05_widening_role")
    assert "UNTAC Cambodia PKO" in default.html and "UNMISS South Sudan PKO" in default.html


def test_chapter_5_events_paragraph_counts_and_ties(chapter_runs):
    events = ad.load("events")
    events = events[events["category"].isin(EVENT_GROUPS)]
    for run in runs_of(chapter_runs, "05_widening_role"):
        values = used("05_widening_role", run)
        first, last = values["start_year"], values["end_year"]
        shown = events[events["date"].dt.year.between(first, last)]
        if shown.empty:
            assert "No events in these groups fall in the selected years." in run.markdown
            continue
        opening = f"In {span(first, last)} the chart holds {words(len(shown), 'event')} ("
        assert opening in run.markdown, (label(run), opening)
        per_year = shown["date"].dt.year.value_counts()
        busiest = sorted(per_year[per_year == per_year.max()].index)
        if len(per_year) == 1:
            assert "busiest" not in run.markdown, label(run)  # one year is no contest
        elif len(busiest) == 1:
            assert f"The busiest year is {busiest[0]}, with " in run.markdown, label(run)
        elif len(busiest) <= 3:
            tied = ", ".join(map(str, busiest[:-1])) + f" and {busiest[-1]}"
            assert f"The busiest years are {tied}, with " in run.markdown, label(run)


def test_chapter_5_spending_sentences_say_which_years_they_read(chapter_runs):
    japan = ad.load("defense_spending").query("country_iso3 == 'JPN'").set_index("year")
    pattern = re.compile(
        r"In (\d{4})–(\d{4}) SIPRI's figure for Japan ranges from ([\d.]+)% of GDP \((\d{4})\) "
        r"to ([\d.]+)% \((\d{4})\)"
    )
    for run in runs_of(chapter_runs, "05_widening_role"):
        values = used("05_widening_role", run)
        shares = japan.loc[values["start_year"] : values["end_year"], "share_of_gdp_pct"]
        found = pattern.search(run.markdown)
        if len(shares) < 2:
            assert found is None, label(run)
        else:
            assert found, label(run)
            first, last, low, low_year, high, high_year = found.groups()
            assert (int(first), int(last)) == (shares.index.min(), shares.index.max())
            assert (float(low), int(low_year)) == (round(shares.min(), 2), shares.idxmin())
            assert (float(high), int(high_year)) == (round(shares.max(), 2), shares.idxmax())
        calm = japan.loc[1990:2021, "share_of_gdp_pct"]
        assert (
            "**The whole series**, whatever the years selected: from 1990 to 2021 the figure "
            f"stayed between {calm.min():.2f}% and {calm.max():.2f}% of GDP"
        ) in run.markdown, label(run)


def test_chapter_6_affinity_sentence_counts_the_values_shown(chapter_runs):
    opinion = ad.load("opinion")
    affinity = opinion[
        opinion["survey"].str.startswith("Cabinet Office")
        & (opinion["measure"] == "affinity_toward_us")
    ]
    for run in runs_of(chapter_runs, "06_public_opinion"):
        values = used("06_public_opinion", run)
        first, last = values["start_year"], values["end_year"]
        held = affinity[affinity["year"].between(first, last)]
        if held.empty:
            assert f"No Cabinet Office affinity value in {span(first, last)}." in run.markdown
            continue
        expected = f"holds a value for **{len(held)} of {words(last - first + 1, 'year')}**"
        assert expected in run.markdown, (label(run), expected)


def test_chapter_7_arms_sentence_counts_suppliers_and_the_us_share(chapter_runs):
    arms = ad.load("arms_transfers")
    for run in runs_of(chapter_runs, "07_trade_arms"):
        values = used("07_trade_arms", run)
        rows = arms[arms["year"].between(values["start_year"], values["end_year"])]
        if rows.empty:
            assert "No delivery is recorded in" in run.markdown, label(run)
            continue
        suppliers = rows.loc[rows["tiv_m"] > 0, "supplier_iso3"].nunique()
        us = rows.loc[rows["supplier_iso3"] == "USA", "tiv_m"].sum()
        years = span(rows["year"].min(), rows["year"].max())
        assert (
            f"In {years} SIPRI records deliveries to Japan from {words(suppliers, 'supplier')}. "
            f"The United States accounts for {100 * us / rows['tiv_m'].sum():.1f} percent"
        ) in run.markdown, label(run)


def test_chapters_5_to_9_sentences_have_no_broken_grammar(chapter_runs):
    """Plurals agree with their numbers, days take 'on', and no one-year range repeats."""
    nouns = "mission|event|kind|year|claim|seed|value|supplier|row|source|publication"
    one_plural = re.compile(rf"(?<![\d.,]) 1 ({nouns})s\b")
    # 0, 2–999 or 1,000 and up (a bare four-digit number is a year: "a 2007 value")
    many = r"(?:0|[2-9]|[1-9]\d{1,2}|\d{1,3}(?:,\d{3})+)"
    many_singular = re.compile(rf"(?<![\d.,])\b{many} ({nouns})\b")
    months = "January|February|March|April|May|June|July|August|September|October|November"
    in_a_day = re.compile(rf"\bin \d{{1,2}} ({months}|December) \d{{4}}")
    for stem in LATER_CHAPTERS:
        for run in runs_of(chapter_runs, stem):
            text = " ".join(run.markdown.split())
            for pattern in (one_plural, many_singular, in_a_day):
                found = pattern.search(text)
                assert not found, (label(run), found and found.group())
            assert "(s)" not in text, label(run)
            assert not re.search(r"\b(\d{4})–\1\b", text), label(run)


def test_chapters_5_to_9_solutions_pass_their_own_checks(chapter_runs):
    for stem in LATER_CHAPTERS:
        run = chapter_runs.get(stem)
        checks = re.findall(r"Exercise (\d{2}\.\d+): (correct|not yet|expected)", run.text)
        assert checks, f"{stem} prints no exercise check"
        assert {verdict for _, verdict in checks} == {"correct"}, (stem, checks)


def test_chapter_8_section_references_name_the_right_sections():
    """Each reference lands on the section holding what it promises (they were off by one)."""
    _, prose = sources(NOTEBOOKS / "08_weighing_sources.py")
    text = " ".join(line.lstrip("# ") for line in prose.splitlines())
    titles = dict(re.findall(r"^## (8\.\d+) (.+)$", prose, flags=re.MULTILINE))
    promised = {
        r"as section (8\.\d+) shows, not a flawless one": "contradict each other",
        r"is Wikipedia again \(section (8\.\d+)\)": "Independence",
        r"Because the copy is garbled \(section (8\.\d+)\)": "machine-spun",
    }
    for phrase, topic in promised.items():
        found = re.search(phrase, text)
        assert found, f"chapter 8 no longer says {phrase!r}"
        assert topic in titles[found.group(1)], (found.group(0), titles[found.group(1)])


def test_chapter_9_offers_exactly_the_countries_of_its_series():
    """The rule for 09_explorer's countries equals the countries its country series hold."""
    from alliance_notebooks.chapters import declaration

    opinion = ad.load("opinion")
    pew = opinion[opinion["survey"].str.startswith("Pew") & opinion["measure"].eq(
        "favorable_view_of_us")]  # fmt: skip
    series = [ad.load("troops"), ad.load("defense_spending"), pew]
    offered = sorted(set().union(*(set(frame["country_iso3"]) for frame in series)))
    rule = declaration("09_explorer", NOTEBOOKS)["parameters"]["countries"]
    assert sorted(rule["values"]) == offered
