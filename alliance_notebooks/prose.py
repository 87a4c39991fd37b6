"""Words for generated sentences that stay right at the edges: counts, lists and dates.

>>> count(1, "mission"), count(1200, "person", "persons")
('1 mission', '1,200 persons')
>>> listing(["Japan", "Germany", "South Korea"])
'Japan, Germany and South Korea'
>>> when(pd.Timestamp("1990-08-02"), "day"), when(pd.Timestamp("1991-04-01"), "month")
('on 2 August 1990', 'in April 1991')
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd


def plural(n: int, noun: str, plural_form: str | None = None) -> str:
    """``noun`` or its plural (``noun + 's'`` unless given), as ``n`` asks."""
    return noun if n == 1 else (plural_form or f"{noun}s")


def count(n, noun: str, plural_form: str | None = None) -> str:
    """'0 missions', '1 mission', '1,200 missions'."""
    n = int(n)
    return f"{n:,} {plural(n, noun, plural_form)}"


def listing(items: Iterable, conjunction: str = "and") -> str:
    """'a', 'a and b', 'a, b and c' ('' for none)."""
    words = [str(item) for item in items]
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {conjunction} {words[-1]}"


def date_words(date, precision: str = "day") -> str:
    """A date as far as it is known: '2 August 1990', 'August 1990' or '1990'."""
    date = pd.Timestamp(date)
    if precision == "year":
        return f"{date.year}"
    if precision == "month":
        return f"{date:%B} {date.year}"
    return f"{date.day} {date:%B} {date.year}"


def when(date, precision: str = "day") -> str:
    """'on 2 August 1990', 'in August 1990' or 'in 1990'."""
    return ("on " if precision == "day" else "in ") + date_words(date, precision)


def signed_percent(change: float, places: int = 0) -> str:
    """A percentage change with its sign: '+12%', '−3%', 'no change' when it rounds to 0."""
    rounded = round(change, places)
    if rounded == 0:
        return "no change"
    sign = "+" if rounded > 0 else "−"
    return f"{sign}{abs(rounded):.{places}f}%"


def span(first: int, last: int) -> str:
    """A range of years as words: '1951' for one year, '1951–1955' for several."""
    return f"{first}" if first == last else f"{first}–{last}"


def possessive(name: str) -> str:
    """ "Japan's", "the United States'"."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"
