"""The table catalogue: the package's Frictionless ``datapackage.json``, read as untrusted."""

from __future__ import annotations

import copy
import json
import os
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import pandas as pd

# ALLIANCE_DATA_DIR points the loader at another copy of the data (for tests of damage).
DATA_DIR = (
    Path(os.environ["ALLIANCE_DATA_DIR"])
    if "ALLIANCE_DATA_DIR" in os.environ
    else (files("alliance_data") / "data")
)
REBUILD = "reinstall the package or rebuild the data with `python -m etl`"


class UnknownTableError(LookupError):
    """A table name that the package does not ship."""


class DataIntegrityError(RuntimeError):
    """A shipped file is missing, unreadable, truncated or altered."""


@cache
def _datapackage() -> dict[str, Any]:
    path = DATA_DIR / "datapackage.json"
    try:
        package = json.loads(path.read_text(encoding="utf-8"))
        names = [res["name"] for res in package["resources"]]
        package["version"]
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise DataIntegrityError(
            f"datapackage.json is missing or damaged ({type(error).__name__}: {error}); {REBUILD}"
        ) from None
    if not names:
        raise DataIntegrityError("datapackage.json lists no tables; reinstall the package")
    return package


def datapackage() -> dict[str, Any]:
    """A copy of the parsed ``datapackage.json``."""
    return copy.deepcopy(_datapackage())


def data_version() -> str:
    """The version of the shipped data.

    Returns
    -------
    str
        The ``version`` of ``datapackage.json``, such as ``"2026.12.0"``.
    """
    return _datapackage()["version"]


def list_tables() -> list[str]:
    """Names of the shipped tables.

    Returns
    -------
    list of str
        Table names in catalogue order; each is a valid argument of :func:`load`.
    """
    return [res["name"] for res in _datapackage()["resources"]]


def resource(name: str) -> dict[str, Any]:
    """A copy of one table's catalogue entry; unknown names list the valid ones."""
    for res in _datapackage()["resources"]:
        if res["name"] == name:
            return copy.deepcopy(res)
    raise UnknownTableError(f"unknown table {name!r}; valid names are: {', '.join(list_tables())}")


def entry_field(name: str, res: dict[str, Any], key: str, kind: type) -> Any:
    """``res[key]`` if it is a ``kind``; else a DataIntegrityError naming the table and field."""
    value = res.get(key)
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        problem = "is missing" if value is None else f"is not {kind.__name__}"
        raise DataIntegrityError(
            f"table {name!r}: field {key!r} in datapackage.json {problem}; {REBUILD}"
        )
    return value


def fields(name: str) -> list[dict[str, Any]]:
    """The Table Schema fields of a table, each with a ``name`` and a ``type``."""
    res = resource(name)
    schema = entry_field(name, res, "schema", dict)
    listed = schema.get("fields")
    named = (
        isinstance(listed, list)
        and listed
        and all(
            isinstance(f, dict)
            and isinstance(f.get("name"), str)
            and isinstance(f.get("type"), str)
            for f in listed
        )
    )
    if not named:
        raise DataIntegrityError(f"table {name!r}: field 'schema' has no named, typed fields")
    return listed


def labels(table: str, column: str) -> dict[str, str]:
    """What each code of a coded column means, from the catalogue.

    Parameters
    ----------
    table : str
        A table name (see :func:`list_tables`).
    column : str
        A column of that table whose values are codes (a flag, a scope, a measure...).

    Returns
    -------
    dict of str to str
        Each code, in the order the catalogue lists them, with its label; a code whose
        category has no label is its own label.

    Raises
    ------
    UnknownTableError
        If the table is not shipped.
    ValueError
        If the column has no codes; the message lists the columns that do.

    Examples
    --------
    >>> import alliance_data as ad
    >>> ad.labels("troops", "flag")["reported_dip"]
    'a dip the source does not explain'
    """
    coded = {f["name"]: f["categories"] for f in fields(table) if "categories" in f}
    if column not in coded:
        raise ValueError(
            f"column {column!r} of table {table!r} has no codes; "
            f"coded columns are: {', '.join(coded) or 'none'}"
        )
    try:
        pairs = [
            (c["value"], c.get("label", c["value"])) if isinstance(c, dict) else (c, c)
            for c in coded[column]
        ]
    except (KeyError, TypeError):
        raise DataIntegrityError(
            f"table {table!r}: field 'schema' has damaged categories"
        ) from None
    return {str(code): str(label) for code, label in pairs}


@dataclass(frozen=True)
class TableDescription:
    """What a table holds: columns, units, codes, coverage, caveats, sources and their grades."""

    name: str
    title: str
    description: str
    rows: int
    coverage: str
    primary_key: list[str]
    columns: pd.DataFrame
    caveats: list[str]
    sources: list[str]
    source_quality: dict[str, float] = field(default_factory=dict)
    codes: dict[str, dict[str, str]] = field(default_factory=dict)

    def _quality(self) -> str:
        return ", ".join(f"{k} {v:.0%}" for k, v in self.source_quality.items()) or "n/a"

    def _code_lines(self) -> list[str]:
        named = {
            c: [k if k == v else f"{k} = {v}" for k, v in m.items()] for c, m in self.codes.items()
        }
        return [f"  {column}: " + "; ".join(codes) for column, codes in named.items()]

    def __str__(self) -> str:
        cols = self.columns.fillna("").to_string(index=False)
        codes = "\n".join(self._code_lines()) or "  (none)"
        caveats = "\n".join(f"  - {c}" for c in self.caveats) or "  (none)"
        sources = "\n".join(f"  - {s}" for s in self.sources)
        return (
            f"{self.name}: {self.title}\n{self.description}\n\n"
            f"Rows: {self.rows}    Coverage: {self.coverage}\n"
            f"One row per: {', '.join(self.primary_key)}\n"
            f"Rows by source quality: {self._quality()}\n\nColumns:\n{cols}\n\n"
            f"Codes:\n{codes}\n\nCaveats:\n{caveats}\n\nSources:\n{sources}"
        )

    def _repr_html_(self) -> str:
        codes = "".join(f"<li>{line.strip()}</li>" for line in self._code_lines())
        caveats = "".join(f"<li>{c}</li>" for c in self.caveats)
        sources = "".join(f"<li>{s}</li>" for s in self.sources)
        return (
            f"<p><b>{self.name}</b>: {self.title}</p><p>{self.description}</p>"
            f"<p><i>Rows:</i> {self.rows} · <i>Coverage:</i> {self.coverage} · "
            f"<i>One row per:</i> {', '.join(self.primary_key)} · "
            f"<i>Rows by source quality:</i> {self._quality()}</p>"
            f"{self.columns.fillna('').to_html(index=False)}"
            f"<p><b>Codes</b></p><ul>{codes}</ul>"
            f"<p><b>Caveats</b></p><ul>{caveats}</ul><p><b>Sources</b></p><ul>{sources}</ul>"
        )


def source_ids(name: str) -> list[str]:
    """The ids of the sources a table's rows cite (for ``sources``: every source)."""
    from alliance_data.loading import load  # local import: loading imports the catalogue

    if name == "sources":
        return load("sources")["source_id"].tolist()
    return [str(s) for s in entry_field(name, resource(name), "source_ids", list)]


def describe(name: str) -> TableDescription:
    """Describe a table from the catalogue.

    Parameters
    ----------
    name : str
        A table name (see :func:`list_tables`).

    Returns
    -------
    TableDescription
        Title, description, rows, coverage, key, columns (type, unit, description), the
        meaning of each code, caveats, sources and the share of rows by source grade. Printing
        it gives a plain-text summary; in a notebook it renders as HTML.

    Raises
    ------
    UnknownTableError
        If the table is not shipped.
    DataIntegrityError
        If the catalogue entry is damaged.
    """
    from alliance_data.loading import load

    res = resource(name)
    listed = fields(name)
    columns = pd.DataFrame(
        [(f["name"], f["type"], f.get("unit", ""), f.get("description", "")) for f in listed],
        columns=["column", "type", "unit", "description"],
    )
    sources = load("sources").set_index("source_id").fillna({"url": ""})
    return TableDescription(
        name=name,
        title=entry_field(name, res, "title", str),
        description=entry_field(name, res, "description", str),
        rows=entry_field(name, res, "rows", int),
        coverage=entry_field(name, res, "coverage", str),
        primary_key=res["schema"].get("primaryKey", []),
        columns=columns,
        caveats=entry_field(name, res, "caveats", list),
        sources=[f"{sources.loc[s, 'title']} <{sources.loc[s, 'url']}>" for s in source_ids(name)],
        source_quality=res.get("source_quality", {}),
        codes={f["name"]: labels(name, f["name"]) for f in listed if "categories" in f},
    )
