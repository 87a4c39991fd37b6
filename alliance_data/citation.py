"""Citations for the package and for the sources behind each table (text or BibTeX).

The package entry agrees with ``CITATION.cff`` (tests/test_packaging.py checks it).
"""

from __future__ import annotations

import re

from alliance_data.catalog import data_version, datapackage, source_ids

STYLES = ("text", "bibtex")
PACKAGE_KEY = "alliance_data"
AUTHORS = "alliance-notebooks contributors"
TITLE = (
    "alliance-data: cleaned, cited tables and narrative notebooks on the U.S.–Japan "
    "security alliance"
)
YEAR = 2026


def _package_entry(style: str) -> str:
    from alliance_data import __version__

    url = datapackage()["homepage"]
    if style == "text":
        return (
            f"{AUTHORS} ({YEAR}). {TITLE} (version {__version__}; data version "
            f"{data_version()}). {url}"
        )
    return (
        f"@misc{{{PACKAGE_KEY},\n  title = {{{TITLE}}},\n"
        f"  author = {{{{{AUTHORS}}}}},\n  year = {{{YEAR}}},\n"
        f"  version = {{{__version__}}},\n  howpublished = {{\\url{{{url}}}}},\n"
        f"  note = {{Data version {data_version()}}}\n}}"
    )


def _escape(text: str) -> str:
    return re.sub(r"([&%$#_])", r"\\\1", text)


def _source_entry(source_id: str, style: str) -> str:
    from alliance_data.loading import load  # local import: loading imports the catalogue

    row = load("sources").set_index("source_id").loc[source_id]
    year = "" if row.isna()["year"] else str(int(row["year"]))
    accessed = row["accessed"].date().isoformat()
    if style == "text":
        parts = [row["publisher"], f"({year or 'n.d.'})", f"{row['title']}."]
        if isinstance(row["url"], str):
            parts.append(f"{row['url']} (accessed {accessed}).")
        return " ".join(parts)
    fields = {
        "title": _escape(row["title"]),
        "author": "{" + _escape(row["publisher"]) + "}",
        "year": year,
        "howpublished": f"\\url{{{row['url']}}}" if isinstance(row["url"], str) else "",
        "note": f"Accessed {accessed}. Licence: {_escape(row['licence'])}",
    }
    body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields.items() if v)
    return f"@misc{{{source_id},\n{body}\n}}"


def cite(name: str | None = None, style: str = "text") -> str:
    """Cite the package, or a table: the package plus every source its rows name.

    Parameters
    ----------
    name : str, optional
        A table name (see :func:`list_tables`); without it, only the package is cited.
    style : {"text", "bibtex"}
        Plain text, one reference per paragraph, or BibTeX ``@misc`` entries keyed by
        ``source_id``.

    Returns
    -------
    str
        The package's reference first, then one per source, separated by blank lines.

    Raises
    ------
    ValueError
        If ``style`` is not one of the allowed values (the message lists them).
    UnknownTableError
        If the table is not shipped.
    """
    if style not in STYLES:
        raise ValueError(
            f"unknown citation style {style!r}; allowed values are: {', '.join(STYLES)}"
        )
    entries = [_package_entry(style)]
    if name is not None:
        entries += [_source_entry(s, style) for s in source_ids(name)]
    return "\n\n".join(entries)
