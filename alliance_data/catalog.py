"""The table catalogue: the package's Frictionless ``datapackage.json``."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

import pandas as pd

DATA_DIR = files("alliance_data") / "data"


class UnknownTableError(LookupError):
    """A table name that the package does not ship."""


@cache
def datapackage() -> dict[str, Any]:
    """The parsed ``datapackage.json`` (read once)."""
    return json.loads((DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))


DATA_VERSION: str = datapackage()["version"]


def list_tables() -> list[str]:
    """Names of the shipped tables, in catalogue order."""
    return [res["name"] for res in datapackage()["resources"]]


def resource(name: str) -> dict[str, Any]:
    """The catalogue entry of one table; unknown names list the valid ones."""
    for res in datapackage()["resources"]:
        if res["name"] == name:
            return res
    raise UnknownTableError(f"unknown table {name!r}; valid names are: {', '.join(list_tables())}")


@dataclass(frozen=True)
class TableDescription:
    """What a table holds: columns, units, coverage, caveats and sources."""

    name: str
    title: str
    description: str
    rows: int
    coverage: str
    primary_key: list[str]
    columns: pd.DataFrame
    caveats: list[str]
    sources: list[str]

    def __str__(self) -> str:
        cols = self.columns.fillna("").to_string(index=False)
        caveats = "\n".join(f"  - {c}" for c in self.caveats) or "  (none)"
        sources = "\n".join(f"  - {s}" for s in self.sources)
        return (
            f"{self.name}: {self.title}\n{self.description}\n\n"
            f"Rows: {self.rows}    Coverage: {self.coverage}\n"
            f"One row per: {', '.join(self.primary_key)}\n\nColumns:\n{cols}\n\n"
            f"Caveats:\n{caveats}\n\nSources:\n{sources}"
        )

    def _repr_markdown_(self) -> str:
        caveats = "\n".join(f"- {c}" for c in self.caveats)
        sources = "\n".join(f"- {s}" for s in self.sources)
        return (
            f"**{self.name}**: {self.title}\n\n{self.description}\n\n"
            f"*Rows:* {self.rows} · *Coverage:* {self.coverage} · "
            f"*One row per:* {', '.join(self.primary_key)}\n\n"
            f"{self.columns.fillna('').to_markdown(index=False)}\n\n"
            f"**Caveats**\n\n{caveats}\n\n**Sources**\n\n{sources}\n"
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
    )
