"""Helpers shared by the build steps."""

from __future__ import annotations

import pandas as pd

from etl.paths import CURATED, REFERENCE


def read_reference(rel: str, **kwargs) -> pd.DataFrame:
    """Read a snapshot file from ``etl/raw/reference``."""
    # round_trip: the same floats from every pandas version (2.2.0's default parser is not exact).
    return pd.read_csv(REFERENCE / rel, float_precision="round_trip", **kwargs)


def read_curated(name: str) -> pd.DataFrame:
    """Read a hand-compiled table from ``etl/raw/curated`` (all columns as text)."""
    return pd.read_csv(CURATED / name, dtype=str, keep_default_na=False)


def assert_unique(frame: pd.DataFrame, key: list[str], table: str) -> None:
    dupes = frame[frame.duplicated(key, keep=False)]
    assert dupes.empty, f"{table}: duplicate keys {key}:\n{dupes}"


def assert_between(series: pd.Series, low, high, table: str) -> None:
    bad = series.dropna()
    bad = bad[(bad < low) | (bad > high)]
    assert bad.empty, f"{table}.{series.name}: values outside [{low}, {high}]: {bad.tolist()}"
