"""Values checked by hand against sources outside the package (tests/facts/, FACT_FILES).

A composite key is written with "|" between parts, in key_column and key_value alike. Other
files in tests/facts/ have layouts of their own and are read by their own tests.
"""

from pathlib import Path

import pandas as pd
import pytest

import alliance_data as ad

FACTS = Path(__file__).parent / "facts"
FACT_FILES = ("curated.csv", "series.csv")
COLUMNS = [
    "table",
    "key_column",
    "key_value",
    "column",
    "expected",
    "source_title",
    "source_url",
    "checked_on",
]


def _facts() -> pd.DataFrame:
    frames = [pd.read_csv(FACTS / name, dtype=str, keep_default_na=False) for name in FACT_FILES]
    for frame in frames:
        assert list(frame.columns) == COLUMNS
    return pd.concat(frames, ignore_index=True)


def _text(value) -> str:
    """A cell as text: dates as ISO strings, missing values as ''."""
    if pd.isna(value):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    return str(value)


def _same(value, expected: str) -> bool:
    try:
        return float(value) == float(expected)
    except (TypeError, ValueError):
        return _text(value) == expected


FACT_ROWS = _facts().to_dict("records")


def test_fact_lists_are_sourced():
    facts = pd.DataFrame(FACT_ROWS)
    assert len(facts) >= 30
    assert facts["source_url"].str.match(r"^https?://").all()
    assert facts["checked_on"].str.match(r"^\d{4}-\d{2}-\d{2}$").all()


@pytest.mark.parametrize(
    "fact", FACT_ROWS, ids=[f"{f['table']}:{f['key_value']}:{f['column']}" for f in FACT_ROWS]
)
def test_fact(fact):
    table = ad.load(fact["table"])
    columns, values = fact["key_column"].split("|"), fact["key_value"].split("|")
    assert len(columns) == len(values), "key_column and key_value have different parts"
    match = pd.Series(True, index=table.index)
    for column, value in zip(columns, values, strict=True):
        match &= table[column].map(_text) == value
    rows = table[match]
    assert len(rows) == 1, f"{fact['key_column']} = {fact['key_value']!r} matches {len(rows)} rows"
    value = rows.iloc[0][fact["column"]]
    assert _same(value, fact["expected"]), f"{_text(value)!r} != {fact['expected']!r}"
