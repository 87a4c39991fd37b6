"""The book as built: text from the catalogue and from notebooks' metadata stays text, no
file outside the build reaches the site, an earlier book is replaced, and in Chromium from
the file system figures keep their size, search shows summaries and launch links exist."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from PIL import Image

import alliance_data as ad
from alliance_notebooks.book import MARKER, repository

ROOT = Path(__file__).resolve().parent.parent
CLI = [sys.executable, "-m", "alliance_notebooks.cli"]
CHROMIUM = Path("/usr/bin/chromium")
CHAPTERS = ["02_us_forces", "03_bases_okinawa"]
SCREENS = Path("/tmp/browser_screens")
PIXEL = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5E"
    "rkJggg=="
)
SCRIPT = "<script>document.title='owned'</script>"
ESCAPE = "../" * 30 + "etc/hostname"
needs_chromium = pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing")


def cli(*args: str, env: dict | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*CLI, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=900
    )


def fake_run(folder: Path, cells: list, metadata: dict | None = None) -> Path:
    """A run folder holding one executed chapter made of ``cells``."""
    folder.mkdir(parents=True)
    notebook = nbformat.v4.new_notebook(cells=cells, metadata=metadata or {})
    nbformat.write(notebook, folder / "02_us_forces.ipynb")
    entry = {"notebook": "02_us_forces", "status": "succeeded",
             "outputs": {"ipynb": {"path": "02_us_forces.ipynb"}}}  # fmt: skip
    (folder / "manifest.json").write_text(json.dumps({"run_id": "x", "notebooks": [entry]}))
    return folder


def figure_cell(alt: str, tags: list[str], source: str = "plot()") -> nbformat.NotebookNode:
    figure = nbformat.v4.new_output(
        "display_data",
        data={"image/png": PIXEL, "text/plain": "<Figure>"},
        metadata={"image/png": {"alt": alt}},
    )
    cell = nbformat.v4.new_code_cell(source, outputs=[figure], execution_count=1)
    cell.metadata["tags"] = tags
    return cell


# --- text from data and metadata stays text ------------------------------------------------


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> tuple[Path, Path]:
    """A book of a scratch data copy whose catalogue holds markup, and of a notebook whose
    metadata holds markup and asks MyST-NB to execute a cell that leaves a file behind."""
    root = tmp_path_factory.mktemp("hostile")
    data = root / "data"
    shutil.copytree(ad.path("troops").parent, data)
    package = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    troops = next(r for r in package["resources"] if r["name"] == "troops")
    troops["caveats"] = [*troops.get("caveats", []), SCRIPT, f"{{download}}`x <{ESCAPE}>`"]
    troops["schema"]["fields"][0]["description"] = f"{SCRIPT} | <b>bold</b> [a](javascript:x)"
    troops["title"] = "Troops {download}`t <" + ESCAPE + ">`"
    (data / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    executed = root / "executed"
    cells = [
        nbformat.v4.new_markdown_cell("# Chapter 2: a test chapter"),
        figure_cell(f'" onerror="x" {SCRIPT}', ['"><script>x</script>', "solution"],
                    source=f"open({str(executed)!r}, 'w').close()"),
    ]  # fmt: skip
    run = fake_run(root / "run", cells, metadata={"mystnb": {"execution_mode": "force"}})
    env = {**os.environ, "ALLIANCE_DATA_DIR": str(data)}
    result = cli("book", "--run", str(run), "--output-dir", str(root / "site"), env=env)
    assert result.returncode == 0, result.stderr[-3000:]
    return root / "site", executed


def test_catalogue_markup_is_shown_as_text(hostile):
    site, _ = hostile
    page = (site / "tables" / "troops.html").read_text(encoding="utf-8")
    assert "<script>document" not in page and "<b>bold</b>" not in page
    assert 'href="javascript' not in page
    text = html.unescape(re.sub(r"<[^>]+>", "", page))
    assert SCRIPT in text and "{download}`x <" in text and "<b>bold</b> [a](javascript:x)" in text


def test_no_file_outside_the_build_reaches_the_site(hostile):
    site, _ = hostile
    assert not [p for p in site.rglob("hostname*")]
    assert "<script>document" not in " ".join(p.read_text() for p in site.rglob("*.html"))


def test_notebook_metadata_is_text_and_never_executes(hostile):
    site, executed = hostile
    page = (site / "notebooks" / "02_us_forces.html").read_text(encoding="utf-8")
    assert not executed.exists(), "MyST-NB executed a cell because notebook metadata said so"
    assert "<script>x</script>" not in page and "<script>document" not in page
    assert 'onerror="x"' not in page


def test_a_chapter_that_links_a_file_outside_the_book_is_refused(tmp_path):
    cells = [nbformat.v4.new_markdown_cell(f"# Chapter 2\n\n{{download}}`x <{ESCAPE}>`")]
    run = fake_run(tmp_path / "run", cells)
    result = cli("book", "--run", str(run), "--output-dir", str(tmp_path / "site"))
    assert result.returncode == 2, result.stderr[-2000:]
    assert "refers to a file outside the book" in result.stderr.strip().splitlines()[-1]
    assert not (tmp_path / "site").exists()


def test_a_later_build_replaces_an_earlier_book(tmp_path):
    run = fake_run(tmp_path / "run", [nbformat.v4.new_markdown_cell("# Chapter 2")])
    site = tmp_path / "site"
    assert cli("book", "--run", str(run), "--output-dir", str(site)).returncode == 0
    (site / "left-from-before.txt").write_text("x")
    result = cli("book", "--run", str(run), "--output-dir", str(site))
    assert result.returncode == 0, result.stderr[-2000:]
    assert (site / MARKER).is_file() and not (site / "left-from-before.txt").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["run", "site"]


# --- a real run in Chromium, from the file system -----------------------------------------


@pytest.fixture(scope="module")
def run_dir(chapter_runs, tmp_path_factory) -> Path:
    """A run folder of the session's default runs of ``CHAPTERS`` (nothing executed again)."""
    runs = [chapter_runs.get(stem) for stem in CHAPTERS]
    return chapter_runs.run_folder(tmp_path_factory.mktemp("runs") / "run", runs)


@pytest.fixture(scope="module")
def site(run_dir, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("book") / "site"
    result = cli("book", "--run", str(run_dir), "--output-dir", str(out))
    assert result.returncode == 0, result.stderr[-3000:]
    return out


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield chromium
        chromium.close()


@needs_chromium
@pytest.mark.parametrize("width", [1280, 1366, 1920])
def test_figures_keep_their_size_so_text_stays_at_9_pt(site, browser, width):
    """9 pt drawn at d dpi is 9·d/72 image pixels; shown at a scale s it is 9·d·s/96 CSS pt."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    for stem in CHAPTERS:
        page.goto((site / "notebooks" / f"{stem}.html").as_uri())
        figures = page.locator(".cell_output img").evaluate_all(
            "els => els.map(e => [e.getAttribute('src'), e.naturalWidth,"
            " e.getBoundingClientRect().width])"
        )
        column = page.locator("article.bd-article").evaluate("e => e.clientWidth")
        assert len(figures) >= 2
        for src, natural, shown in figures:
            dpi = Image.open(site / "notebooks" / src).info["dpi"][0]
            assert 9 * dpi * (shown / natural) / 96 >= 9, (stem, src, natural, shown)
        house = min(natural for _, natural, _ in figures)
        assert column >= house, f"the column ({column} px) is narrower than a figure ({house})"
    page.screenshot(path=SCREENS / f"book_figure_width_{width}.png")
    page.close()


@needs_chromium
def test_search_from_the_file_system_shows_summaries_without_requests(site, browser):
    SCREENS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    problems, requests = [], []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("request", lambda r: requests.append(r.url) if r.url.startswith("http") else None)
    page.goto((site / "search.html").as_uri() + "?q=Futenma")
    page.locator("#search-results li p.context").first.wait_for(timeout=30_000)
    page.wait_for_timeout(500)
    results = page.locator("#search-results li").evaluate_all(
        "els => els.map(e => [e.querySelector('a').getAttribute('href'),"
        " (e.querySelector('p.context') || {}).textContent || ''])"
    )
    page.screenshot(path=SCREENS / "book_search_summaries.png")
    page.close()
    chapter = [summary for href, summary in results if "03_bases_okinawa" in href]
    assert chapter and "futenma" in chapter[0].lower(), results
    assert all(summary for _, summary in results), results
    # The theme itself logs an error about its colour mode from file://; no other errors.
    problems = [p for p in problems if "theme mode" not in p]
    assert problems == [] and requests == [], (problems, requests)


def test_launch_links_open_files_that_exist(site):
    slug, _ = repository()
    for stem in CHAPTERS:
        page = html.unescape((site / "notebooks" / f"{stem}.html").read_text(encoding="utf-8"))
        binder = f"https://mybinder.org/v2/gh/{slug}/main?urlpath=lab/tree/notebooks/{stem}.py"
        colab = (
            f"https://colab.research.google.com/github/{slug}/blob/gh-pages/notebooks/{stem}.ipynb"
        )
        assert binder in page and colab in page
        assert (ROOT / "notebooks" / f"{stem}.py").is_file()  # on main, for Binder
        published = nbformat.read(site / "notebooks" / f"{stem}.ipynb", as_version=4)
        assert any(c.get("outputs") for c in published.cells)  # executed, for Colab
    workflow = (ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8")
    assert re.search(r"git push .*gh-pages", workflow), "the site is not pushed to gh-pages"


def test_each_chapter_page_shows_its_sources_section(site, chapter_runs):
    for stem in CHAPTERS:
        cells = chapter_runs.get(stem).notebook.cells
        sources = [
            c.cell_type == "markdown" and bool(re.search(r"^#+ Sources", c.source, re.MULTILINE))
            for c in cells
        ]
        start = sources.index(True)
        shown = ""
        for cell in cells[start + 1 :]:
            if cell.cell_type == "markdown" and cell.source.startswith("#"):
                break
            for output in cell.get("outputs", []):
                data = output.get("data", {})
                shown += output.get("text", "") + str(data.get("text/markdown", ""))
                shown += str(data.get("text/plain", ""))
        page = html.unescape((site / "notebooks" / f"{stem}.html").read_text(encoding="utf-8"))
        assert re.search(r'<section id="sources[^"]*">', page), stem
        addresses = re.findall(r"https?://[^\s)>\]'\"]+", shown)
        assert addresses and all(a in page for a in addresses), stem
