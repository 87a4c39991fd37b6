"""Helpers shared by the build steps."""

from __future__ import annotations

import pandas as pd

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
