"""A chapter's Sources section: the sources of the rows it shows, and the package once.

Figures (``figures.finish``) and tables (``tables.show``) note their rows' ``source_id``;
a chapter notes the sources behind its generated sentences with ``note``. The last cell
shows them all:

>>> from alliance_notebooks import citations
>>> citations.note(rows.source_id)
>>> citations.sources_cell()
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

import alliance_data as ad

_noted: set[str] = set()


def reset() -> None:
    """Forget every noted source (the import cell of a chapter calls this)."""
    _noted.clear()


def ids(source_ids: Iterable[str] | str) -> list[str]:
    """Source ids sorted, without blanks; an id missing from the sources table raises."""
    given = [source_ids] if isinstance(source_ids, str) else list(source_ids)
    found = sorted({s for s in given if isinstance(s, str) and s})
    known = set(ad.load("sources")["source_id"])
    unknown = [s for s in found if s not in known]
    if unknown:
        raise KeyError(f"unknown source_id {', '.join(unknown)} (not in the sources table)")
    return found


def note(source_ids: Iterable[str] | str) -> list[str]:
    """Record sources shown in this chapter, for its Sources cell; returns their ids."""
    found = ids(source_ids)
    _noted.update(found)
    return found


def noted() -> list[str]:
    """The sources noted so far, sorted."""
    return sorted(_noted)


def reference(row: pd.Series) -> str:
    """One source as a reference line: publisher (year), title, address, access date."""
    year = "n.d." if pd.isna(row["year"]) else str(int(row["year"]))
    text = f"{row['publisher']} ({year}). *{row['title']}*."
    if isinstance(row["url"], str):
        text += f" <{row['url']}> (accessed {row['accessed']:%Y-%m-%d})."
    return text


def sources_markdown() -> str:
    """Markdown: the package citation, then every noted source ordered by publisher."""
    sources = ad.load("sources").set_index("source_id").loc[noted()]
    lines = [
        f"This chapter uses {len(sources)} source{'' if len(sources) == 1 else 's'} "
        "through the package, which is cited as:",
        "",
        f"> {ad.cite()}",
        "",
    ]
    order = sources.sort_values(["publisher", "year", "title"], na_position="last")
    lines += [f"- {reference(row)}" for _, row in order.iterrows()]
    return "\n".join(lines)


def sources_cell():
    """The Sources section's output (a Markdown object)."""
    from IPython.display import Markdown

    return Markdown(sources_markdown())
