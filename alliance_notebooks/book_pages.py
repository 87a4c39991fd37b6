"""The book's generated pages, as MyST Markdown: landing page, a page per table, bibliography.

Every value taken from the catalogue (titles, descriptions, caveats, column notes, source
names and addresses) goes in as text: ``text`` backslash-escapes every ASCII punctuation
mark, so no value can open a role, a directive, a link, an HTML element or a table cell,
and an address becomes a link only when it is a plain ``http(s)`` URL.
"""

from __future__ import annotations

import re
import textwrap

import alliance_data as ad

PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")  # every ASCII punctuation mark
WEB_ADDRESS = re.compile(r"https?://[A-Za-z0-9.-]+(?::\d+)?(?:/[!#-;=?-\[\]_a-z~%]*)?")
TABLE_NAME = re.compile(r"[a-z][a-z0-9_]*")


def text(value: object) -> str:
    """``value`` as MyST inline text that renders as exactly its characters, on one line."""
    return PUNCTUATION.sub(r"\\\1", " ".join(str(value).split()))


def link(address: object) -> str:
    """An autolink for a plain web address; anything else (a missing one too) as text."""
    address = address.strip() if isinstance(address, str) else ""
    return f"<{address}>" if WEB_ADDRESS.fullmatch(address) else text(address)


def fenced(content: str, language: str) -> str:
    """A fenced code block holding ``content`` verbatim, its fence longer than any run of
    backticks inside it."""
    longest = max((len(run) for run in re.findall(r"`+", content)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{language}\n{content.rstrip()}\n{fence}"


def table_name(name: str) -> str:
    """A catalogue table name checked to be safe as a file and page name."""
    if not isinstance(name, str) or not TABLE_NAME.fullmatch(name):
        raise ad.DataIntegrityError(
            f"datapackage.json lists a table named {name!r:.40}; names are lower-case "
            "letters, digits and underscores; reinstall the package"
        )
    return name


def table_page(name: str) -> str:
    info = ad.describe(name)
    columns = "\n".join(
        f"| {text(c.column)} | {text(c.type)} | {text(c.unit)} | {text(c.description)} |"
        for c in info.columns.fillna("").itertuples()
    )
    caveats = "\n".join(f"- {text(c)}" for c in info.caveats) or "- none recorded"
    listed = ad.load("sources").set_index("source_id")
    sources = "\n".join(
        f"- {text(listed.at[s, 'title'])} {link(listed.at[s, 'url'])}"
        if s in listed.index
        else f"- {text(s)}"
        for s in ad.catalog.source_ids(name)
    )
    codes = "\n".join(
        f"- {text(column)} = {text(code)}: {text(label)}"
        for column, labels in info.codes.items()
        for code, label in labels.items()
    )
    codes = f"## Codes\n\n{codes}\n\n" if codes else ""
    quality = ", ".join(f"{text(k)}: {v:.0%}" for k, v in info.source_quality.items()) or "n/a"
    return (
        f"# Table `{name}`\n\n"
        f"{text(info.title)}. {text(info.description)}\n\n"
        f"**Rows:** {len(ad.load(name))} · **Coverage:** {text(info.coverage)} ·\n"
        f"**One row per:** {text(', '.join(map(str, info.primary_key)))} · "
        f"**Rows by source quality:** {quality}\n\n"
        f"{{download}}`Download {name}.csv <../_static/data/{name}.csv>`\n"
        f'(or, in Python, `alliance_data.load("{name}")`)\n\n'
        "## Columns\n\n| column | type | unit | description |\n|---|---|---|---|\n"
        f"{columns}\n\n{codes}## Caveats\n\n{caveats}\n\n## Sources\n\n{sources}\n"
    )


def _year(value: object) -> str:
    try:
        return str(int(value))
    except (TypeError, ValueError):
        return "n.d."


def bibliography() -> str:
    sources = ad.load("sources").sort_values(["publisher", "title"])
    lines = ["# Bibliography", "", "Every source that a table cites, by publisher.", ""]
    for row in sources.itertuples():
        address = f" {link(row.url)}" if isinstance(row.url, str) else ""
        lines.append(
            f"- ({text(row.source_id)}) {text(row.publisher)} ({_year(row.year)}). "
            f"*{text(row.title)}*.{address} Licence: {text(row.licence)}. "
            f"Grade: {text(row.source_quality)}."
        )
    return "\n".join(lines) + "\n"


def tables_index(names: list[str]) -> str:
    return "\n".join(["# The tables", "", "```{toctree}", ":maxdepth: 1", "", *names, "```", ""])


def landing(chapters: list[str], student: bool) -> str:
    edition = " This is the student edition: the exercises have no solutions." if student else ""
    intro = textwrap.dedent(f"""\
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

        """)
    toc = textwrap.dedent("""
        Cite the sources behind a table as well: `alliance_data.cite("troops")`, or see the
        [bibliography](bibliography.md).

        ```{toctree}
        :caption: Chapters
        :maxdepth: 1

        {chapters}
        ```

        ```{toctree}
        :caption: Data
        :maxdepth: 1

        tables/index
        bibliography
        ```
        """).replace("{chapters}", "\n".join(f"notebooks/{stem}" for stem in chapters))
    return intro + text(ad.cite()) + "\n\n" + fenced(ad.cite(style="bibtex"), "bibtex") + "\n" + toc
