"""A static website of a finished run: the executed chapters, a page per table, a bibliography.

Built with Sphinx, MyST-NB and the Sphinx Book Theme (the tools Jupyter Book 1 wraps),
without executing anything again: MyST-NB renders the outputs stored in the run.

>>> from alliance_notebooks.book import build_book
>>> build_book(Path("runs/latest"), Path("book"), student=False)
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import textwrap
from pathlib import Path
from urllib.parse import urlparse

import nbformat

import alliance_data as ad
from alliance_notebooks.chapters import declarations, packaged_dir
from alliance_notebooks.parameters import ParameterError

SOLUTION_TAG = "solution"


def repository() -> tuple[str, str]:
    """(owner/name, URL) of the project's repository: the datapackage's homepage."""
    url = ad.catalog.datapackage()["homepage"]
    return urlparse(url).path.strip("/"), url


def _executed_chapters(run_dir: Path) -> list[tuple[str, Path]]:
    """(stem, executed notebook) for every chapter that succeeded in the run, in order."""
    manifest_path = run_dir / "manifest.json"
    if not manifest_path.is_file():
        raise ParameterError(f"{run_dir} has no manifest.json: give the folder of a finished run")
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    chapters = declarations(packaged_dir())
    found: dict[str, Path] = {}
    for entry in manifest.get("notebooks", []):
        stem = entry.get("chapter") or entry["notebook"]
        ipynb = entry.get("outputs", {}).get("ipynb", {}).get("path")
        if stem in chapters and entry.get("status") == "succeeded" and ipynb and stem not in found:
            found[stem] = run_dir / ipynb
    if not found:
        raise ParameterError(f"{run_dir} holds no successfully executed chapter")
    return sorted(found.items())


def _prepare(notebook: nbformat.NotebookNode, student: bool) -> nbformat.NotebookNode:
    """Hide solutions behind a click (or drop them), hide papermill's injected cell, and
    give every figure its caption as alt text."""
    cells = []
    for cell in notebook.cells:
        tags = cell.metadata.get("tags", [])
        if SOLUTION_TAG in tags and student:
            continue
        if "injected-parameters" in tags:
            cell.metadata["tags"] = [*tags, "remove-cell"]
        elif SOLUTION_TAG in tags:
            cell.metadata["tags"] = [*tags, "hide-cell"]
        alts = [
            o.get("metadata", {}).get("image/png", {}).get("alt", "")
            for o in cell.get("outputs", [])
            if "image/png" in o.get("data", {})
        ]
        if any(alts):
            cell.metadata["mystnb"] = {"image": {"alt": next(a for a in alts if a)}}
        cells.append(cell)
    notebook.cells = cells
    notebook.metadata.pop("widgets", None)
    return notebook


def _table_page(name: str) -> str:
    info = ad.describe(name)
    columns = "\n".join(
        f"| `{c.column}` | {c.type} | {c.unit} | {c.description} |"
        for c in info.columns.fillna("").itertuples()
    )
    caveats = "\n".join(f"- {c}" for c in info.caveats) or "- none recorded"
    sources = "\n".join(f"- {s}" for s in info.sources)
    quality = ", ".join(f"{k}: {v:.0%}" for k, v in info.source_quality.items()) or "n/a"
    return (
        textwrap.dedent(f"""\
        # Table `{name}`

        {info.title}. {info.description}

        **Rows:** {len(ad.load(name))} · **Coverage:** {info.coverage} ·
        **One row per:** {", ".join(info.primary_key)} · **Rows by source quality:** {quality}

        {{download}}`Download {name}.csv <../_static/data/{name}.csv>`
        (or, in Python, `alliance_data.load("{name}")`)

        ## Columns

        | column | type | unit | description |
        |---|---|---|---|
        """)
        + columns
        + f"\n\n## Caveats\n\n{caveats}\n\n## Sources\n\n{sources}\n"
    )


def _bibliography() -> str:
    sources = ad.load("sources").sort_values(["publisher", "title"])
    lines = ["# Bibliography", "", "Every source that a table cites, by publisher.", ""]
    for row in sources.itertuples():
        year = "n.d." if row.year is None or str(row.year) == "<NA>" else int(row.year)
        link = f" <{row.url}>" if isinstance(row.url, str) else ""
        lines.append(
            f"- (`{row.source_id}`) {row.publisher} ({year}). *{row.title}*.{link} "
            f"Licence: {row.licence}. Grade: {row.source_quality}."
        )
    return "\n".join(lines) + "\n"


def _landing(chapters: list[str], student: bool) -> str:
    bibtex = ad.cite(style="bibtex")
    edition = " This is the student edition: the exercises have no solutions." if student else ""
    return (
        textwrap.dedent(f"""\
        # The U.S.–Japan alliance in data

        A sequence of narrative chapters about the U.S.–Japan security alliance: its treaties,
        the U.S. forces and bases in Japan, Okinawa, burden sharing, defence spending, Japan's
        widening military role, public opinion and trade. Each chapter makes an argument with
        cited tables and shows, in plain pandas and matplotlib, how every number is
        computed.{edition}

        **Who it is for.** Students and teachers, who can read the chapters here and run them
        in JupyterLab, Binder or Colab; researchers, who can load the same tables with
        `pip install alliance-data` and `alliance_data.load(name)`.

        **Solutions** to the exercises are hidden: click a solution's bar to open it.

        ## How to cite

        {ad.cite()}

        ```bibtex
        """)
        + bibtex
        + textwrap.dedent("""
        ```

        Cite the sources behind a table as well: `alliance_data.cite("troops")`, or see the
        [bibliography](bibliography.md).

        ```{toctree}
        :caption: Chapters
        :maxdepth: 1

        """)
        + "\n".join(f"notebooks/{stem}" for stem in chapters)
        + textwrap.dedent("""
        ```

        ```{toctree}
        :caption: Data
        :maxdepth: 1

        tables/index
        bibliography
        ```
        """)
    )


def _conf(student: bool) -> str:
    slug, url = repository()
    return textwrap.dedent(f"""\
        project = "The U.S.–Japan alliance in data{" (student edition)" if student else ""}"
        author = "alliance-notebooks contributors"
        extensions = ["myst_nb"]
        nb_execution_mode = "off"
        nb_ipywidgets_js = {{}}
        myst_enable_extensions = ["colon_fence"]
        smartquotes = False
        html_theme = "sphinx_book_theme"
        html_title = project
        html_static_path = ["_static"]
        html_theme_options = {{
            "repository_url": {url!r},
            "path_to_docs": "",
            "repository_branch": "main",
            "use_repository_button": True,
            "use_download_button": True,
            "launch_buttons": {{
                "binderhub_url": "https://mybinder.org",
                "colab_url": "https://colab.research.google.com",
                "notebook_interface": "jupyterlab",
            }},
        }}
        html_copy_source = True
        html_sourcelink_suffix = ""
        exclude_patterns = ["_build"]
        suppress_warnings = ["mystnb.unknown_mime_type"]
        """)


def write_sources(run_dir: Path, source: Path, student: bool) -> list[str]:
    """Lay out the Sphinx project for a run in ``source``; return the chapter stems."""
    chapters = _executed_chapters(run_dir)
    (source / "notebooks").mkdir(parents=True)
    for stem, path in chapters:
        notebook = _prepare(nbformat.read(path, as_version=4), student)
        nbformat.write(notebook, source / "notebooks" / f"{stem}.ipynb")
    (source / "tables").mkdir()
    (source / "_static" / "data").mkdir(parents=True)
    names = ad.list_tables()
    for name in names:
        shutil.copy(ad.path(name), source / "_static" / "data" / f"{name}.csv")
        (source / "tables" / f"{name}.md").write_text(_table_page(name), encoding="utf-8")
    index = ["# The tables", "", "```{toctree}", ":maxdepth: 1", "", *names, "```", ""]
    (source / "tables" / "index.md").write_text("\n".join(index), encoding="utf-8")
    (source / "bibliography.md").write_text(_bibliography(), encoding="utf-8")
    stems = [stem for stem, _ in chapters]
    (source / "index.md").write_text(_landing(stems, student), encoding="utf-8")
    (source / "conf.py").write_text(_conf(student), encoding="utf-8")
    return stems


def build_book(run_dir: Path, output_dir: Path, student: bool = False) -> Path:
    """Build the site of ``run_dir`` into ``output_dir``; return its ``index.html``.

    The site is assembled in a temporary folder and moved into place only when the build
    succeeded, so a failed build leaves an earlier site as it was.
    """
    from sphinx.cmd.build import build_main

    run_dir, output_dir = Path(run_dir).resolve(), Path(output_dir).resolve()
    output_dir.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".book-", dir=output_dir.parent) as tmp:
        source, html = Path(tmp) / "source", Path(tmp) / "html"
        write_sources(run_dir, source, student)
        status = build_main(["-b", "html", "-q", "-d", str(Path(tmp) / "doctrees"),
                             str(source), str(html)])  # fmt: skip
        if status != 0:
            raise RuntimeError(f"the book did not build (Sphinx exit {status}); see above")
        (html / ".nojekyll").touch()  # GitHub Pages serves folders starting with "_"
        previous = Path(tmp) / "previous"
        if output_dir.exists():
            os.replace(output_dir, previous)
        os.replace(html, output_dir)
    return output_dir / "index.html"
