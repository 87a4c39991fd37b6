"""A helper several chapters share: events by title."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from alliance_data.loading import load


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
