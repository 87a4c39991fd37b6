"""Helpers shared by the build steps."""

from __future__ import annotations

import pandas as pd
import yaml

from etl.paths import CURATED, REFERENCE


def read_reference(rel: str, **kwargs) -> pd.DataFrame:
    """Read a snapshot file from ``etl/raw/reference``, its decimals parsed exactly.

    pandas 2.2's default parser can miss the nearest float by one unit in the last place and
    its ``float_precision`` option is deprecated from pandas 3.1, so float columns are parsed
    again from their text by numpy, which rounds exactly.
    """
    frame = pd.read_csv(REFERENCE / rel, **kwargs)
    floats = frame.select_dtypes("float").columns
    if len(floats):
        text = pd.read_csv(REFERENCE / rel, **{**kwargs, "dtype": object})
        frame[floats] = text[floats].astype("float64")
    return frame


def read_curated(name: str) -> pd.DataFrame:
    """Read a hand-compiled table from ``etl/raw/curated`` (all columns as text)."""
    return pd.read_csv(CURATED / name, dtype=str, keep_default_na=False)


class CopyHostError(ValueError):
    """A source cites a host known to copy or aggregate other publishers' work."""


def copy_host_patterns() -> list[str]:
    """The url patterns of known copy and aggregator hosts (``curated/copy_hosts.yml``)."""
    listing = yaml.safe_load((CURATED / "copy_hosts.yml").read_text(encoding="utf-8"))
    return [str(entry["pattern"]).lower() for entry in listing["hosts"]]


def refuse_copy_hosts(sources: pd.DataFrame) -> None:
    """Raise CopyHostError naming every source_id whose url is on a copy or aggregator host."""
    patterns = copy_host_patterns()
    hits = [
        f"{sid} ({pattern})"
        for sid, url in zip(sources["source_id"], sources["url"].str.lower(), strict=True)
        for pattern in patterns
        if pattern in url
    ]
    if hits:
        raise CopyHostError(
            "sources on a copy or aggregator host (cite the original publication): "
            + ", ".join(hits)
        )
