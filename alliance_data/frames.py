"""Small helpers that several chapters share: complete year ranges and events by title."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from alliance_data.loading import load


def with_all_years(frame: pd.DataFrame, year: str = "year") -> pd.DataFrame:
    """``frame`` indexed by every year from its first to its last.

    Parameters
    ----------
    frame : pandas.DataFrame
        One row per year (for instance one country's rows of ``troops``).
    year : str
        The column holding the year.

    Returns
    -------
    pandas.DataFrame
        Indexed by year; a year without a row is a row of missing values, so a plotted line
        breaks there instead of bridging the gap.
    """
    years = frame[year].astype(int)
    full = pd.RangeIndex(years.min(), years.max() + 1, name=year)
    return frame.set_index(year).reindex(full)


def events_titled(titles: Iterable[str]) -> pd.DataFrame:
    """Rows of the ``events`` table whose titles are given, in date order.

    Parameters
    ----------
    titles : iterable of str
        Event titles exactly as in the table.

    Returns
    -------
    pandas.DataFrame
        The matching rows, sorted by date.

    Raises
    ------
    KeyError
        Naming every title the table lacks, so a renamed event cannot vanish silently.
    """
    wanted = list(titles)
    events = load("events")
    missing = sorted(set(wanted) - set(events["title"]))
    if missing:
        raise KeyError(f"no event titled {', '.join(map(repr, missing))} in the events table")
    return events[events["title"].isin(wanted)].sort_values("date").reset_index(drop=True)
