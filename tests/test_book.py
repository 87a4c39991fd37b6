"""The book: a static site built from a finished run, checked as files and in Chromium."""

from __future__ import annotations

import html
import re
import subprocess
import sys
from pathlib import Path

import pytest

import alliance_data as ad

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
SCREENS = Path("/tmp/browser_screens")
CHAPTERS = ["03_bases_okinawa", "08_weighing_sources"]  # a small run
CLI = [sys.executable, "-m", "alliance_notebooks.cli"]


@pytest.fixture(scope="module")
def run_dir(chapter_runs, tmp_path_factory) -> Path:
    """A run folder of two chapters at their defaults, taken from the session's runs."""
    runs = [chapter_runs.get(stem) for stem in CHAPTERS]
    assert all(run.succeeded for run in runs), [run.entry.get("error") for run in runs]
    return chapter_runs.run_folder(tmp_path_factory.mktemp("runs") / "run", runs)


@pytest.fixture(scope="module")
def site(run_dir, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("book") / "site"
    result = subprocess.run(
        [*CLI, "book", "--run", str(run_dir), "--output-dir", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def figures_in(notebook) -> int:
    cells = notebook.cells
    return sum("image/png" in o.get("data", {}) for c in cells for o in c.get("outputs", []))


def test_every_chapter_page_has_its_figures_with_captions_as_alt_text(site, chapter_runs):
    for stem in CHAPTERS:
        page = (site / "notebooks" / f"{stem}.html").read_text(encoding="utf-8")
        figures = re.findall(r'<img alt="([^"]*)" src="../_images/', page)
        assert len(figures) == figures_in(chapter_runs.get(stem).notebook) >= 2
        assert all(alt.strip() and ("Source" in alt) for alt in figures), figures
        assert f"_sources/notebooks/{stem}.ipynb" in page  # download link
        assert "mybinder.org/v2/gh/alliance-notebooks/alliance-notebooks" in page
        repo = "alliance-notebooks/alliance-notebooks"
        colab = f"colab.research.google.com/github/{repo}/blob/gh-pages/notebooks/{stem}.ipynb"
        assert colab in page


def test_solutions_are_hidden_behind_a_click(site):
    page = (site / "notebooks" / "08_weighing_sources.html").read_text(encoding="utf-8")
    # myst-nb 1.1 writes class="hide above-input"; later releases add "admonition".
    folds = re.findall(r'<details class="(?:admonition )?hide above-input">', page)
    solutions = re.findall(r'class="cell tag_solution[^"]*tag_hide-cell', page)
    assert len(solutions) >= 2 and len(folds) == len(solutions)


def test_search_index_table_pages_and_bibliography(site):
    assert (site / "searchindex.js").stat().st_size > 10_000
    for name in ad.list_tables():
        page = html.unescape((site / "tables" / f"{name}.html").read_text(encoding="utf-8"))
        assert ad.describe(name).title in page
        assert (site / "_downloads").exists() and f"{name}.csv" in page
    bibliography = (site / "bibliography.html").read_text(encoding="utf-8")
    missing = [s for s in ad.load("sources")["source_id"] if f"{s}" not in bibliography]
    assert missing == []


def test_student_book_leaves_solutions_out(run_dir, tmp_path):
    out = tmp_path / "student"
    result = subprocess.run(
        [*CLI, "book", "--run", str(run_dir), "--output-dir", str(out), "--student"],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    page = (out / "notebooks" / "08_weighing_sources.html").read_text(encoding="utf-8")
    assert "hide above-input" not in page and "student edition" in page


def unique_word(chapter_runs) -> tuple[str, str]:
    """A word found in the prose of exactly one chapter of the run, and that chapter."""
    words = {}
    for stem in CHAPTERS:
        cells = chapter_runs.get(stem).notebook.cells
        text = " ".join(c.source for c in cells if c.cell_type == "markdown").lower()
        words[stem] = set(re.findall(r"\b[a-z]{9,}\b", text))
    first, second = CHAPTERS
    only = sorted(words[first] - words[second])
    return only[len(only) // 2], first


@pytest.mark.skipif(
    not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing: apt-get install -y chromium"
)
def test_reader_follows_the_sidebar_searches_and_opens_a_solution(site, chapter_runs):
    from playwright.sync_api import sync_playwright

    word, chapter = unique_word(chapter_runs)
    SCREENS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        page = browser.new_page(viewport={"width": 1300, "height": 900})
        offline = []
        page.on("request", lambda r: offline.append(r.url) if r.url.startswith("http") else None)
        page.goto((site / "index.html").as_uri())
        page.screenshot(path=SCREENS / "book_landing.png")
        title = chapter_runs.get(CHAPTERS[1]).notebook.cells[0].source
        link_text = title.splitlines()[0].lstrip("# ").strip()
        page.locator(".bd-sidebar-primary a", has_text=link_text).first.click()
        page.wait_for_url(re.compile(f"{CHAPTERS[1]}.html"))
        page.screenshot(path=SCREENS / "book_chapter.png")
        summary = page.locator("details.hide summary").first
        summary.scroll_into_view_if_needed()
        summary.click()
        assert page.locator("details.hide").first.get_attribute("open") is not None
        page.wait_for_timeout(600)  # let the dropdown's fade-in finish before the screenshot
        page.screenshot(path=SCREENS / "book_solution_open.png")
        page.goto((site / "search.html").as_uri() + f"?q={word}")
        results = page.locator("#search-results a", has_text=re.compile(".+"))
        results.first.wait_for(timeout=20_000)
        hrefs = results.evaluate_all("els => els.map(e => e.getAttribute('href'))")
        page.screenshot(path=SCREENS / "book_search.png")
        browser.close()
    assert any(chapter in h for h in hrefs), (word, hrefs)
    assert offline == [], f"the site asked the network for {offline[:3]}"
