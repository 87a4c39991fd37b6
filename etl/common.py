"""Helpers shared by the build steps."""

from __future__ import annotations

import hashlib
import re
from urllib.parse import urlparse

import pandas as pd

from etl.paths import CURATED, REFERENCE


def read_reference(rel: str, **kwargs) -> pd.DataFrame:
    """Read a snapshot file from ``etl/raw/reference``."""
    return pd.read_csv(REFERENCE / rel, **kwargs)


def read_curated(name: str) -> pd.DataFrame:
    """Read a hand-compiled table from ``etl/raw/curated`` (all columns as text)."""
    return pd.read_csv(CURATED / name, dtype=str, keep_default_na=False)


def web_source_id(prefix: str, url: str) -> str:
    """A stable id for a web page cited by a transcribed row: prefix, site, short hash."""
    host = urlparse(url).netloc.removeprefix("www.")
    site = re.sub(r"[^a-z0-9]+", "_", host.split(":")[0].lower()).strip("_")
    return f"{prefix}_{site}_{hashlib.sha1(url.encode()).hexdigest()[:6]}"


def web_sources(frame: pd.DataFrame, prefix: str, kind: str = "secondary") -> pd.DataFrame:
    """Source rows for the distinct pages cited by a transcribed table."""
    pages = frame[["source_title", "source_url"]].drop_duplicates("source_url")
    return pd.DataFrame(
        {
            "source_id": [web_source_id(prefix, u) for u in pages["source_url"]],
            "title": pages["source_title"].to_numpy(),
            "publisher": [urlparse(u).netloc.removeprefix("www.") for u in pages["source_url"]],
            "year": pd.NA,
            "url": pages["source_url"].to_numpy(),
            "accessed": "2026-11-21",
            "licence": "Facts only; cite the page",
            "kind": kind,
            "notes": "Page cited by a row that was TRANSCRIBED by hand for this project; "
            "a partial, secondary source.",
        }
    )


def assert_unique(frame: pd.DataFrame, key: list[str], table: str) -> None:
    dupes = frame[frame.duplicated(key, keep=False)]
    assert dupes.empty, f"{table}: duplicate keys {key}:\n{dupes}"


def assert_between(series: pd.Series, low, high, table: str) -> None:
    bad = series.dropna()
    bad = bad[(bad < low) | (bad > high)]
    assert bad.empty, f"{table}.{series.name}: values outside [{low}, {high}]: {bad.tolist()}"
