"""Load a shipped table as a typed DataFrame, verified against its recorded sha256."""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path

import pandas as pd

from alliance_data.catalog import DATA_DIR, DataIntegrityError, resource

# Frictionless field type -> pandas dtype
DTYPES = {
    "integer": "Int64",
    "number": "float64",
    "string": "string",
    "boolean": "boolean",
}

_cache: dict[str, pd.DataFrame] = {}


def path(name: str) -> Path:
    """The file of table ``name``, for readers such as DuckDB, Polars or R.

    Such readers skip the checksum test that :func:`load` makes.
    """
    return Path(str(DATA_DIR / resource(name)["path"]))


def _verified_bytes(name: str) -> bytes:
    res = resource(name)
    file = DATA_DIR / res["path"]
    try:
        data = file.read_bytes()
    except OSError as error:
        raise DataIntegrityError(
            f"table {name!r}: file {res['path']} cannot be read "
            f"({type(error).__name__}: {error.strerror or error}); reinstall the package"
        ) from None
    algorithm, expected = res["hash"].split(":", 1)
    actual = hashlib.new(algorithm, data).hexdigest()
    if len(data) != res["bytes"] or actual != expected:
        raise DataIntegrityError(
            f"table {name!r}: file {res['path']} does not match its recorded checksum "
            f"({len(data)} bytes, expected {res['bytes']}); it is truncated or altered. "
            "Reinstall the package or rebuild the data with `python -m etl`."
        )
    return data


def _read(name: str) -> pd.DataFrame:
    fields = resource(name)["schema"]["fields"]
    dtypes = {f["name"]: DTYPES[f["type"]] for f in fields if f["type"] in DTYPES}
    dates = [f["name"] for f in fields if f["type"] == "date"]
    frame = pd.read_csv(
        io.BytesIO(_verified_bytes(name)),
        dtype=dtypes,
        keep_default_na=False,
        na_values=[""],
        float_precision="round_trip",  # exact floats from every pandas version
    )
    for column in dates:
        frame[column] = pd.to_datetime(frame[column], format="%Y-%m-%d")
    expected = [f["name"] for f in fields]
    if list(frame.columns) != expected:
        raise DataIntegrityError(f"table {name!r}: columns {list(frame.columns)} != {expected}")
    return frame


def load(name: str) -> pd.DataFrame:
    """Return table ``name`` as a typed DataFrame (a fresh copy on every call)."""
    if name not in _cache:
        _cache[name] = _read(name)
        if log := os.environ.get("ALLIANCE_DATA_READ_LOG"):  # the runner records reads
            with open(log, "a", encoding="utf-8") as stream:
                stream.write(name + "\n")
    return _cache[name].copy(deep=True)
