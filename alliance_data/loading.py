"""Load a shipped table as a typed DataFrame, verified against its recorded sha256.

The catalogue is read as untrusted: a table's file must resolve inside the data folder, its
hash must be a sha256, and every damaged field raises :class:`DataIntegrityError`.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
from pathlib import Path

import pandas as pd

from alliance_data import catalog
from alliance_data.catalog import REBUILD, DataIntegrityError, entry_field, fields, resource

# Frictionless field type -> pandas dtype; "number" and "date" are parsed from text (see _read)
DTYPES = {"integer": "Int64", "string": "string", "boolean": "boolean"}
TYPES = {*DTYPES, "number", "date"}
SHA256 = re.compile(r"sha256:([0-9a-f]{64})")

_cache: dict[str, pd.DataFrame] = {}


def path(name: str) -> Path:
    """The CSV file of a table, for readers such as DuckDB, Polars or R.

    Parameters
    ----------
    name : str
        A table name (see :func:`list_tables`).

    Returns
    -------
    pathlib.Path
        The file inside the package's data folder. Readers that open it skip the checksum
        test that :func:`load` makes.

    Raises
    ------
    UnknownTableError
        If the table is not shipped.
    DataIntegrityError
        If the catalogue's path is missing or points outside the data folder.
    """
    relative = entry_field(name, resource(name), "path", str)
    folder = Path(str(catalog.DATA_DIR)).resolve()
    file = (folder / relative).resolve()
    if Path(relative).is_absolute() or "://" in relative or not file.is_relative_to(folder):
        raise DataIntegrityError(
            f"table {name!r}: field 'path' in datapackage.json ({relative!r}) points outside "
            f"the data folder; {REBUILD}"
        )
    return file


def _verified_bytes(name: str) -> bytes:
    res = resource(name)
    file = path(name)
    match = SHA256.fullmatch(entry_field(name, res, "hash", str))
    if match is None:
        raise DataIntegrityError(
            f"table {name!r}: field 'hash' in datapackage.json must be 'sha256:' and 64 hex "
            f"digits (no other algorithm is accepted); {REBUILD}"
        )
    size = entry_field(name, res, "bytes", int)
    try:
        data = file.read_bytes()
    except OSError as error:
        raise DataIntegrityError(
            f"table {name!r}: file {res['path']} cannot be read "
            f"({type(error).__name__}: {error.strerror or error}); reinstall the package"
        ) from None
    if len(data) != size or hashlib.sha256(data).hexdigest() != match.group(1):
        raise DataIntegrityError(
            f"table {name!r}: file {res['path']} does not match its recorded checksum "
            f"({len(data)} bytes, expected {size}); it is truncated or altered. "
            "Reinstall the package or rebuild the data with `python -m etl`."
        )
    return data


def _read(name: str) -> pd.DataFrame:
    listed = fields(name)
    unknown = sorted({f["type"] for f in listed} - TYPES)
    if unknown:
        raise DataIntegrityError(f"table {name!r}: field 'schema' has unknown types {unknown}")
    # Numbers are read as text and converted by numpy, which rounds exactly on every pandas
    # version (pandas 2.2's default parser does not; its float_precision is deprecated in 3.1).
    dtypes = {f["name"]: DTYPES.get(f["type"], object) for f in listed}
    try:
        frame = pd.read_csv(
            io.BytesIO(_verified_bytes(name)),
            dtype=dtypes,
            keep_default_na=False,
            na_values=[""],
        )
        for spec in listed:
            if spec["type"] == "number":
                frame[spec["name"]] = frame[spec["name"]].astype("float64")
            elif spec["type"] == "date":
                frame[spec["name"]] = pd.to_datetime(frame[spec["name"]], format="%Y-%m-%d")
    except (ValueError, TypeError, KeyError) as error:
        raise DataIntegrityError(
            f"table {name!r}: values do not fit the schema ({type(error).__name__}: {error})"
        ) from None
    expected = [f["name"] for f in listed]
    if list(frame.columns) != expected:
        raise DataIntegrityError(f"table {name!r}: columns {list(frame.columns)} != {expected}")
    return frame


def load(name: str) -> pd.DataFrame:
    """Load a table as a typed DataFrame, after checking its file against its sha256.

    Parameters
    ----------
    name : str
        A table name (see :func:`list_tables`).

    Returns
    -------
    pandas.DataFrame
        A fresh copy on every call, with nullable dtypes: ``Int64`` for integers, ``float64``
        for numbers (exactly as written in the file), ``string``, ``boolean`` and
        ``datetime64`` for dates. Empty cells are missing values.

    Raises
    ------
    UnknownTableError
        If the table is not shipped; the message lists the valid names.
    DataIntegrityError
        If the file is missing, unreadable, truncated or altered, or its catalogue entry is
        damaged; no partial table is returned.

    Examples
    --------
    >>> import alliance_data as ad
    >>> troops = ad.load("troops")
    >>> int(troops.query("country_iso3 == 'JPN' and year == 1970")["personnel"].iloc[0])
    82264
    """
    if name not in _cache:
        _cache[name] = _read(name)
        if log := os.environ.get("ALLIANCE_DATA_READ_LOG"):  # the runner records reads
            with open(log, "a", encoding="utf-8") as stream:
                stream.write(name + "\n")
    return _cache[name].copy(deep=True)
