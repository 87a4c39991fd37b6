"""Tables for people: whole numbers as whole numbers, percentages to one decimal, dates
without times, and a dash where a value is missing.

>>> from alliance_notebooks import tables
>>> tables.show(rows[["year", "personnel", "note"]], sources=rows.source_id)
"""

from __future__ import annotations

from collections.abc import Iterable
from numbers import Real

import pandas as pd
from pandas.io.formats.style import Styler

from alliance_notebooks import citations

MISSING = "–"
PERCENT_HINTS = ("_pct", "(%)", "percent", "share")
YEAR_COLUMNS = {"from", "to", "start", "end", "first", "last"}


def _is_year(column) -> bool:
    """Columns of years, written without a thousands separator (1953, not 1,953)."""
    text = str(column).lower()
    return "year" in text or text in YEAR_COLUMNS


def _is_percent(column) -> bool:
    text = str(column).lower()
    return any(hint in text for hint in PERCENT_HINTS)


def _number(value, places: int | None) -> str:
    """A number with thousands separators: ``places`` decimals, or as few as it needs (≤ 3)."""
    if places is None:
        places = 0 if float(value).is_integer() else 3
        text = f"{value:,.{places}f}"
        return text.rstrip("0").rstrip(".") if "." in text else text
    return f"{value:,.{places}f}"


def formatter(series: pd.Series, percent: bool = False):
    """The function that writes one value of ``series`` for a reader."""
    if pd.api.types.is_datetime64_any_dtype(series):
        return lambda v: MISSING if pd.isna(v) else f"{v:%Y-%m-%d}"
    if pd.api.types.is_bool_dtype(series):
        return lambda v: MISSING if pd.isna(v) else ("yes" if v else "no")
    if pd.api.types.is_numeric_dtype(series):
        whole = series.dropna().map(lambda v: float(v).is_integer()).all()
        if whole and _is_year(series.name):
            return lambda v: MISSING if pd.isna(v) else f"{int(v)}"  # 1953, not 1,953
        places = 1 if percent else (0 if whole else None)
        return lambda v: MISSING if pd.isna(v) else _number(v, places)

    def text(value):
        if value is None or (not isinstance(value, list | tuple) and pd.isna(value)):
            return MISSING
        if isinstance(value, pd.Timestamp):
            return f"{value:%Y-%m-%d}"
        if isinstance(value, Real) and not isinstance(value, bool):
            return _number(value, 1 if percent else None)
        return str(value)

    return text


def for_people(frame: pd.DataFrame, *, percent: Iterable[str] = (), index: bool = False) -> Styler:
    """A Styler that writes ``frame`` for a reader.

    Columns named in ``percent`` (and those whose names end in ``_pct``, ``(%)``, or
    contain 'percent' or 'share') get one decimal.
    """
    percent = set(percent)
    styler = frame.style.format(
        {
            column: formatter(frame[column], column in percent or _is_percent(column))
            for column in frame.columns
        }
    )
    if not index:
        styler = styler.hide(axis="index")
    else:
        styler = styler.format_index(formatter(frame.index.to_series()))
    return styler


def show(frame: pd.DataFrame, *, sources=(), percent: Iterable[str] = (), index=False) -> None:
    """Display ``frame`` for people and note ``sources`` for the chapter's Sources cell."""
    from IPython.display import display

    citations.note(sources)
    display(for_people(frame, percent=percent, index=index))
