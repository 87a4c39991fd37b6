"""A static website of a finished run: the executed chapters, a page per table, a bibliography.

Built with Sphinx, MyST-NB and the Sphinx Book Theme (the tools Jupyter Book 1 wraps),
without executing anything again: MyST-NB renders the outputs stored in the run.

>>> from alliance_notebooks.book import build_book
>>> build_book(Path("runs/latest"), Path("book"), student=False)
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
import tempfile
import textwrap
from pathlib import Path
from urllib.parse import urlparse

import nbformat

import alliance_data as ad
from alliance_notebooks import book_pages
from alliance_notebooks.book_run import executed_chapters
from alliance_notebooks.chapters import declarations, packaged_dir
from alliance_notebooks.parameters import ParameterError

SOLUTION_TAG = "solution"
BOOK_MODULES = ("sphinx", "myst_nb", "sphinx_book_theme")
STATIC = Path(__file__).parent / "book_static"
# A book's folder holds this file, so that a later build may replace the folder.
MARKER = ".alliance-notebooks-book"
MARKER_TEXT = "A book built by `alliance-notebooks book`, which replaces this folder.\n"
# Docutils settings for the build: no directive may read a file into a page.
DOCUTILS_CONF = "[general]\nfile_insertion_enabled: false\n"


class MissingModule(ModuleNotFoundError):
    """A module of the ``[book]`` extra is not installed."""


def repository() -> tuple[str, str]:
    """(owner/name, URL) of the project's repository: the datapackage's homepage."""
    url = str(ad.catalog.datapackage().get("homepage", ""))
    parsed = urlparse(url)
    slug = parsed.path.strip("/")
    if parsed.scheme != "https" or parsed.netloc != "github.com" or slug.count("/") != 1:
        return "", ""
    return slug, url


def _prepare(notebook: nbformat.NotebookNode, student: bool) -> nbformat.NotebookNode:
    """Hide solutions behind a click (or drop them), hide papermill's injected cell, give
    every figure its caption as alt text, and keep no metadata that MyST-NB would act on
    (it reads its own settings, execution among them, from a notebook's metadata)."""
    cells = []
    for cell in notebook.cells:
        tags = [t for t in cell.metadata.get("tags", []) if isinstance(t, str)]
        if SOLUTION_TAG in tags and student:
            continue
        if "injected-parameters" in tags:
            tags.append("remove-cell")
        elif SOLUTION_TAG in tags:
            tags.append("hide-cell")
        cell.metadata = nbformat.NotebookNode({"tags": tags} if tags else {})
        alts = [
            o.get("metadata", {}).get("image/png", {}).get("alt", "")
            for o in cell.get("outputs", [])
            if "image/png" in o.get("data", {})
        ]
        alts = [" ".join(a.split()) for a in alts if isinstance(a, str) and a.strip()]
        if alts:
            cell.metadata["mystnb"] = {"image": {"alt": alts[0]}}
        cells.append(cell)
    notebook.cells = cells
    kept = ("kernelspec", "language_info")
    notebook.metadata = nbformat.NotebookNode(
        {k: notebook.metadata[k] for k in kept if k in notebook.metadata}
    )
    return notebook


def _read_executed(path: Path) -> nbformat.NotebookNode:
    try:
        return nbformat.read(path, as_version=4)
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as error:
        message = f"{path} is not a readable notebook ({type(error).__name__})"
        raise ParameterError(f"{message}; give the folder of a finished run") from None


def _conf(student: bool) -> str:
    slug, url = repository()
    title = "The U.S.–Japan alliance in data" + (" (student edition)" if student else "")
    buttons = {"use_repository_button": True} if url else {}
    options = {
        "repository_url": url,
        "path_to_docs": "",
        "repository_branch": "main",
        "use_download_button": True,
        # Chapter pages give their width to the figures (see book.css).
        "secondary_sidebar_items": {
            "index": ["page-toc"],
            "bibliography": ["page-toc"],
            "tables/*": ["page-toc"],
            "notebooks/*": [],
        },
        **buttons,
    }
    return textwrap.dedent(f"""\
        project = {title!r}
        author = "alliance-notebooks contributors"
        extensions = ["myst_nb", "alliance_notebooks.book_sphinx"]
        nb_execution_mode = "off"
        nb_ipywidgets_js = {{}}
        myst_enable_extensions = ["colon_fence"]
        smartquotes = False
        html_theme = "sphinx_book_theme"
        html_title = project
        html_static_path = ["_static"]
        html_css_files = ["book.css"]
        html_theme_options = {options!r}
        book_repository = {slug!r}
        html_copy_source = True
        html_sourcelink_suffix = ""
        exclude_patterns = ["_build"]
        suppress_warnings = ["mystnb.unknown_mime_type"]
        """)


def write_sources(run_dir: Path, source: Path, student: bool) -> list[str]:
    """Lay out the Sphinx project for a run in ``source``; return the chapter stems."""
    chapters = executed_chapters(run_dir, declarations(packaged_dir()))
    notebooks = [(stem, _read_executed(path)) for stem, path in chapters]
    names = [book_pages.table_name(name) for name in ad.list_tables()]
    (source / "notebooks").mkdir(parents=True)
    for stem, notebook in notebooks:
        nbformat.write(_prepare(notebook, student), source / "notebooks" / f"{stem}.ipynb")
    (source / "tables").mkdir()
    shutil.copytree(STATIC, source / "_static")
    (source / "_static" / "data").mkdir()
    for name in names:
        shutil.copy(ad.path(name), source / "_static" / "data" / f"{name}.csv")
        page = book_pages.table_page(name)
        (source / "tables" / f"{name}.md").write_text(page, encoding="utf-8")
    (source / "tables" / "index.md").write_text(book_pages.tables_index(names), encoding="utf-8")
    (source / "bibliography.md").write_text(book_pages.bibliography(), encoding="utf-8")
    stems = [stem for stem, _ in chapters]
    (source / "index.md").write_text(book_pages.landing(stems, student), encoding="utf-8")
    (source / "conf.py").write_text(_conf(student), encoding="utf-8")
    (source / "docutils.conf").write_text(DOCUTILS_CONF, encoding="utf-8")
    return stems


def is_book(folder: Path) -> bool:
    """Whether ``folder`` is a book an earlier build wrote (it holds the marker file)."""
    marker = folder / MARKER
    try:
        return not marker.is_symlink() and marker.read_text(encoding="utf-8") == MARKER_TEXT
    except (OSError, UnicodeDecodeError):
        return False


def check_output_dir(output_dir: Path, run_dir: Path) -> None:
    """Refuse an output folder that is not new, empty or an earlier book, or that holds the
    run or the working folder: the build replaces the folder and all it holds."""
    target = output_dir.resolve()
    for name, inner in (("the run", run_dir.resolve()), ("the working folder", Path.cwd())):
        if inner.is_relative_to(target):
            raise ParameterError(
                f"--output-dir {output_dir} holds {name}, and the book replaces the whole "
                "folder; choose a new folder"
            )
    if not output_dir.exists() and not output_dir.is_symlink():
        return
    if output_dir.is_dir() and (is_book(output_dir) or not any(output_dir.iterdir())):
        return
    raise ParameterError(
        f"--output-dir {output_dir} exists and is not an earlier book (it has no {MARKER}); "
        "the book replaces the whole folder, so give a new or empty folder"
    )


def _require_book_modules() -> None:
    for module in BOOK_MODULES:
        try:
            found = importlib.util.find_spec(module) is not None
        except (ImportError, ValueError):
            found = False
        if not found:
            raise MissingModule(f"No module named {module!r}", name=module)


def _sphinx(source: Path, html: Path, doctrees: Path) -> None:
    """Build the HTML site of the Sphinx project in ``source``; no stored output executes."""
    from sphinx.application import Sphinx
    from sphinx.util.docutils import docutils_namespace, patch_docutils

    from alliance_notebooks.book_sphinx import OutsideFile

    with patch_docutils(source), docutils_namespace():
        app = Sphinx(source, source, html, doctrees, "html", status=None, warning=sys.stderr,
                     freshenv=True)  # fmt: skip
        try:
            app.build()
        except OutsideFile as error:
            raise ParameterError(f"the run is refused: {error}") from None
    if app.statuscode != 0:
        raise RuntimeError(f"the book did not build (Sphinx status {app.statuscode}); see above")


def build_book(run_dir: Path, output_dir: Path, student: bool = False) -> Path:
    """Build the site of ``run_dir`` into ``output_dir``; return its ``index.html``.

    ``output_dir`` must be new, empty or a book an earlier build wrote; anything else is
    refused (``ParameterError``) before any work. The site is assembled in a temporary
    folder beside it and moved into place only when the build succeeded, so a failed
    build leaves an earlier site as it was.
    """
    _require_book_modules()
    check_output_dir(Path(output_dir), Path(run_dir))
    target = Path(output_dir).resolve()  # an earlier book reached through a link is replaced
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".book-", dir=target.parent) as tmp:
        source, html = Path(tmp) / "source", Path(tmp) / "html"
        write_sources(Path(run_dir), source, student)
        _sphinx(source, html, Path(tmp) / "doctrees")
        (html / ".nojekyll").touch()  # GitHub Pages serves folders starting with "_"
        (html / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
        check_output_dir(Path(output_dir), Path(run_dir))  # still true after the build
        if target.exists():
            os.replace(target, Path(tmp) / "previous")
        os.replace(html, target)
    return output_dir / "index.html"
