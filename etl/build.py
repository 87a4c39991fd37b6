"""Run every step, write the clean CSVs and the Frictionless ``datapackage.json``."""

from __future__ import annotations

import hashlib
import importlib
import json
from pathlib import Path

import pandas as pd
import yaml

from etl.paths import METADATA
from etl.steps import TABLES

DATA_VERSION = "2026.11.0"
PACKAGE = {
    "name": "alliance-data",
    "title": "U.S.–Japan security alliance: cleaned, cited tables",
    "description": (
        "Tidy tables on the U.S.–Japan alliance (treaties, events, U.S. forces and bases in "
        "Japan, burden sharing, defence spending, opinion, trade, arms transfers, and the claims "
        "of five seed documents). Every row names a source in the sources table."
    ),
    "version": DATA_VERSION,
    "licenses": [
        {
            "name": "CC-BY-4.0",
            "path": "https://creativecommons.org/licenses/by/4.0/",
            "title": "Creative Commons Attribution 4.0 for this compilation; each source keeps "
            "its own terms (see the sources table)",
        }
    ],
}


def metadata() -> dict:
    return yaml.safe_load((METADATA / "tables.yml").read_text(encoding="utf-8"))


def coverage(frame: pd.DataFrame, rule: dict) -> str:
    """A one-line description of what a table spans."""
    parts = []
    if "year" in rule:
        years = frame[rule["year"]].dropna().astype(int)
        parts.append(f"{years.min()}–{years.max()}")
    if "date" in rule:
        dates = frame[rule["date"]].replace("", None).dropna()
        parts.append(f"{dates.min()} to {dates.max()}")
    if "by" in rule:
        groups = sorted(frame[rule["by"]].replace("", None).dropna().astype(str).unique())
        listed = ", ".join(groups) if len(groups) <= 13 else f"{len(groups)} values"
        parts.append(f"{rule['by']}: {listed}")
    return "; ".join(parts) or f"{len(frame)} rows"


def schema(name: str, meta: dict) -> dict:
    fields = []
    for column, (ftype, unit, description) in meta["fields"].items():
        field = {"name": column, "type": ftype, "description": description}
        if unit:
            field["unit"] = unit
        if ftype == "date":
            field["format"] = "%Y-%m-%d"
        fields.append(field)
    out = {"fields": fields, "primaryKey": meta["primary_key"]}
    if name != "sources":
        out["foreignKeys"] = [
            {"fields": ["source_id"], "reference": {"resource": "sources", "fields": ["source_id"]}}
        ]
    return out


def build_tables() -> dict[str, pd.DataFrame]:
    """Run each step; check columns against the metadata and sources against ``sources``."""
    meta = metadata()
    tables = {name: importlib.import_module(f"etl.steps.{name}").build() for name in TABLES}
    known = set(tables["sources"]["source_id"])
    for name, frame in tables.items():
        expected = list(meta[name]["fields"])
        assert list(frame.columns) == expected, f"{name}: {list(frame.columns)} != {expected}"
        missing = set(frame["source_id"]) - known
        assert not missing, f"{name}: source_id not in sources: {sorted(missing)}"
        assert (frame["source_id"] != "").all(), f"{name}: rows without a source"
    return tables


def write(out: Path) -> None:
    """Write every table and the datapackage into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    meta, tables = metadata(), build_tables()
    sources = tables["sources"].set_index("source_id")
    resources = []
    for name in [n for n in meta if n in tables]:
        frame, info = tables[name], meta[name]
        path = out / f"{name}.csv"
        frame.to_csv(path, index=False, lineterminator="\n")
        data = path.read_bytes()
        cited = sorted(set(frame["source_id"]))
        resources.append(
            {
                "name": name,
                "path": f"{name}.csv",
                "profile": "tabular-data-resource",
                "title": info["title"],
                "description": " ".join(info["description"].split()),
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "hash": "sha256:" + hashlib.sha256(data).hexdigest(),
                "bytes": len(data),
                "rows": len(frame),
                "coverage": coverage(frame, info["coverage"]),
                "caveats": info.get("caveats", [])
                + getattr(importlib.import_module(f"etl.steps.{name}"), "CAVEATS", []),
                "sources": [
                    {
                        "title": sources.loc[s, "title"],
                        "path": sources.loc[s, "url"],
                        "source_id": s,
                        "licence": sources.loc[s, "licence"],
                    }
                    for s in cited
                ],
                "schema": schema(name, info),
            }
        )
    package = {**PACKAGE, "resources": resources}
    (out / "datapackage.json").write_text(
        json.dumps(package, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
