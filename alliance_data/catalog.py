"""The table catalogue: the package's Frictionless ``datapackage.json``."""

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
            f"datapackage.json is missing or damaged ({type(error).__name__}: {error}); "
            "reinstall the package or rebuild the data with `python -m etl`"
        ) from None
    if not names:
        raise DataIntegrityError("datapackage.json lists no tables; reinstall the package")
    return package


def datapackage() -> dict[str, Any]:
    """A copy of the parsed ``datapackage.json``."""
    return copy.deepcopy(_datapackage())


def data_version() -> str:
    """The version of the shipped data."""
    return _datapackage()["version"]


def list_tables() -> list[str]:
    """Names of the shipped tables, in catalogue order."""
    return [res["name"] for res in _datapackage()["resources"]]


def resource(name: str) -> dict[str, Any]:
    """A copy of one table's catalogue entry; unknown names list the valid ones."""
    for res in _datapackage()["resources"]:
        if res["name"] == name:
            return copy.deepcopy(res)
    raise UnknownTableError(f"unknown table {name!r}; valid names are: {', '.join(list_tables())}")


@dataclass(frozen=True)
class TableDescription:
    """What a table holds: columns, units, coverage, caveats, sources and their grades."""

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

    def _quality(self) -> str:
        return ", ".join(f"{k} {v:.0%}" for k, v in self.source_quality.items()) or "n/a"

    def __str__(self) -> str:
        cols = self.columns.fillna("").to_string(index=False)
        caveats = "\n".join(f"  - {c}" for c in self.caveats) or "  (none)"
        sources = "\n".join(f"  - {s}" for s in self.sources)
        return (
            f"{self.name}: {self.title}\n{self.description}\n\n"
            f"Rows: {self.rows}    Coverage: {self.coverage}\n"
            f"One row per: {', '.join(self.primary_key)}\n"
            f"Rows by source quality: {self._quality()}\n\nColumns:\n{cols}\n\n"
            f"Caveats:\n{caveats}\n\nSources:\n{sources}"
        )

    def _repr_html_(self) -> str:
        caveats = "".join(f"<li>{c}</li>" for c in self.caveats)
        sources = "".join(f"<li>{s}</li>" for s in self.sources)
        return (
            f"<p><b>{self.name}</b>: {self.title}</p><p>{self.description}</p>"
            f"<p><i>Rows:</i> {self.rows} · <i>Coverage:</i> {self.coverage} · "
            f"<i>One row per:</i> {', '.join(self.primary_key)} · "
            f"<i>Rows by source quality:</i> {self._quality()}</p>"
            f"{self.columns.fillna('').to_html(index=False)}"
            f"<p><b>Caveats</b></p><ul>{caveats}</ul><p><b>Sources</b></p><ul>{sources}</ul>"
        )


def describe(name: str) -> TableDescription:
    """Describe a table: columns with types and units, coverage, caveats, sources."""
    res = resource(name)
    fields = res["schema"]["fields"]
    columns = pd.DataFrame(
        {
            "column": [f["name"] for f in fields],
            "type": [f["type"] for f in fields],
            "unit": [f.get("unit", "") for f in fields],
            "description": [f.get("description", "") for f in fields],
        }
    )
    return TableDescription(
        name=name,
        title=res["title"],
        description=res["description"],
        rows=res["rows"],
        coverage=res["coverage"],
        primary_key=res["schema"].get("primaryKey", []),
        columns=columns,
        caveats=res.get("caveats", []),
        sources=[f"{s['title']} <{s.get('path', '')}>" for s in res.get("sources", [])],
        source_quality=res.get("source_quality", {}),
    )
