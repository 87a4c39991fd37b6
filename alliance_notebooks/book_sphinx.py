"""A Sphinx extension for the book, named in its ``conf.py``.

- Refuses a download or image that points at a file outside the build folder (a notebook
  cell could otherwise copy any readable file into the site).
- Gives each chapter page launch links that exist: Binder opens the chapter's ``.py``
  source on the main branch (JupyterLab reads it through jupytext); Colab opens the
  executed notebook that the site publishes beside the page, from the ``gh-pages`` branch.
- Search results show their summaries when the site is opened from the file system:
  Sphinx fetches each result page for its summary, which a browser refuses for
  ``file://`` pages, so the pages' text ships in ``_static/page-texts.js`` and answers
  those requests.
"""

from __future__ import annotations

import json
import shutil
from html.parser import HTMLParser
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.errors import SphinxError

PAGE_TEXTS = "page-texts.js"
STATIC = Path(__file__).parent / "book_static"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}  # fmt: skip
SKIPPED = {"script", "style", "template"}


class OutsideFile(SphinxError):
    """A page refers to a file outside the book's build folder."""

    category = "File outside the book"


def refuse_outside_files(app: Sphinx, doctree: nodes.document) -> None:
    root = Path(app.srcdir).resolve().parent
    docname = app.env.docname
    for node in doctree.findall(lambda n: isinstance(n, addnodes.download_reference | nodes.image)):
        target = node.get("reftarget") if "reftarget" in node else node.get("uri", "")
        if "://" in target or target.startswith("data:"):
            continue
        _, absolute = app.env.relfn2path(target, docname)
        if not Path(absolute).resolve().is_relative_to(root):
            raise OutsideFile(f"{docname} refers to a file outside the book: {target[:80]!r}")


def _launch_links(repository: str, stem: str) -> list[dict[str, str]]:
    binder = (f"https://mybinder.org/v2/gh/{repository}/main"
              f"?urlpath=lab/tree/notebooks/{stem}.py")  # fmt: skip
    colab = f"https://colab.research.google.com/github/{repository}/blob/gh-pages/notebooks/{stem}.ipynb"
    return [
        {"type": "link", "text": "Binder", "tooltip": "Launch on Binder",
         "icon": "_static/images/logo_binder.svg", "url": binder},
        {"type": "link", "text": "Colab", "tooltip": "Launch on Colab",
         "icon": "_static/images/logo_colab.png", "url": colab},
    ]  # fmt: skip


def page_context(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    repository = app.config.book_repository
    if pagename.startswith("notebooks/") and repository and "header_buttons" in context:
        stem = pagename.removeprefix("notebooks/")
        context["header_buttons"].append(
            {"type": "group", "tooltip": "Launch interactive content", "icon": "fas fa-rocket",
             "buttons": _launch_links(repository, stem), "label": "launch-buttons"}
        )  # fmt: skip
    if pagename == "search":
        app.add_js_file(PAGE_TEXTS, priority=200)
        app.add_js_file("offline-search.js", priority=201)


class MainText(HTMLParser):
    """The text of a page's article (the theme's ``bd-article`` element, without the
    buttons above it), with its sections (and their ids) kept as bare ``<section>``
    elements, inside a ``[role=main]`` element: what Sphinx's search summary reads."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # open elements inside the article, the article included
        self.skip = 0  # open elements inside a script, style or heading anchor
        self.sections: list[int] = []  # depths of the open sections
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if not self.depth:
            self.depth = int("bd-article" in (attributes.get("class") or "").split())
            return
        if tag in VOID:
            return
        self.depth += 1
        if self.skip or tag in SKIPPED or "headerlink" in (attributes.get("class") or ""):
            self.skip += 1
        elif tag == "section":
            self.sections.append(self.depth)
            section_id = json.dumps(attributes.get("id") or "")
            self.parts.append(f"<section id={section_id}>")

    def handle_endtag(self, tag: str) -> None:
        if not self.depth or tag in VOID:
            return
        if self.sections and self.sections[-1] == self.depth:
            self.sections.pop()
            self.parts.append("</section>")
        self.skip = max(self.skip - 1, 0) if self.skip else 0
        self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip:
            self.parts.append(data.replace("&", "&amp;").replace("<", "&lt;"))

    def html(self) -> str:
        return '<div role="main">' + " ".join("".join(self.parts).split()) + "</div>"


def main_text(page: str) -> str:
    parser = MainText()
    parser.feed(page)
    return parser.html()


def finish(app: Sphinx, exception: Exception | None) -> None:
    """Write the pages' text for offline search; publish the executed notebooks beside
    their pages (what the Colab links open)."""
    if exception is not None or app.builder.name != "html":
        return
    out = Path(app.outdir)
    texts = {
        page.relative_to(out).as_posix(): main_text(page.read_text(encoding="utf-8"))
        for page in sorted(out.rglob("*.html"))
        if not page.relative_to(out).parts[0].startswith("_")
    }
    script = f"window.BOOK_PAGE_TEXTS = {json.dumps(texts, ensure_ascii=True)};\n"
    (out / "_static" / PAGE_TEXTS).write_text(script.replace("</", "<\\/"), encoding="utf-8")
    for notebook in sorted(Path(app.srcdir, "notebooks").glob("*.ipynb")):
        shutil.copyfile(notebook, out / "notebooks" / notebook.name)


def setup(app: Sphinx) -> dict:
    app.add_config_value("book_repository", "", "html", types=frozenset({str}))
    app.connect("doctree-read", refuse_outside_files, priority=100)
    app.connect("html-page-context", page_context, priority=501)
    app.connect("build-finished", finish)
    app.config.html_static_path.append(str(STATIC))
    return {"parallel_read_safe": True, "parallel_write_safe": True}
