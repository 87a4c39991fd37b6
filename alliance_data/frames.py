"""Small helpers that several chapters share: complete year ranges and events by title."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from alliance_data.loading import load


def with_all_years(frame: pd.DataFrame, year: str = "year") -> pd.DataFrame:
    """``frame`` indexed by every year from its first to its last; missing years are NaN rows.

    Plotting the result breaks a line where a year has no observation instead of bridging it.
    """
    years = frame[year].astype(int)
    full = pd.RangeIndex(years.min(), years.max() + 1, name=year)
    return frame.set_index(year).reindex(full)


def events_titled(titles: Iterable[str]) -> pd.DataFrame:
    """Rows of the ``events`` table whose titles are given, in date order.

    An unknown title raises ``KeyError`` naming it, so a renamed event cannot vanish silently.
    """
    wanted = list(titles)
    events = load("events")
    missing = sorted(set(wanted) - set(events["title"]))
    if missing:
        raise KeyError(f"no event titled {', '.join(map(repr, missing))} in the events table")
    return events[events["title"].isin(wanted)].sort_values("date").reset_index(drop=True)
