"""Run every step, write the clean CSVs and the Frictionless ``datapackage.json``.

A table's metadata (title, description, key, coverage, caveats, fields) sits beside its step in
``etl/steps/<name>.meta.yml``; caveats that a step derives from the data (rows it drops, codes it
defines) come from the step's frame as ``frame.attrs["caveats"]`` and follow the written ones.
"""

from __future__ import annotations

import hashlib
import importlib
import json
from pathlib import Path

import pandas as pd
import yaml

from etl.paths import METADATA, STEPS
from etl.steps import TABLES

# Columns whose values are codes: their distinct values become ``constraints.enum``.
CODED = {
    "area",
    "basis",
    "category",
    "change",
    "coordinate_quality",
    "currency",
    "date_precision",
    "flag",
    "kind",
    "measure",
    "mode",
    "office",
    "reliability",
    "report_month",
    "scope",
    "seed",
    "source_quality",
    "survey",
    "verdict",
}


def package_metadata() -> dict:
    """The package-level fields of ``datapackage.json``."""
    return yaml.safe_load((METADATA / "package.yml").read_text(encoding="utf-8"))


def table_metadata(name: str) -> dict:
    """A table's metadata, kept beside its step in ``etl/steps/<name>.meta.yml``."""
    return yaml.safe_load((STEPS / f"{name}.meta.yml").read_text(encoding="utf-8"))


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


def schema(name: str, meta: dict, frame: pd.DataFrame) -> dict:
    fields = []
    for column, spec in meta["fields"].items():
        ftype = spec["type"]
        field = {"name": column, "type": ftype, "description": spec["description"]}
        if "unit" in spec:
            field["unit"] = spec["unit"]
        if ftype == "date":
            field["format"] = "%Y-%m-%d"
        if column in CODED and ftype == "string":
            codes = sorted(set(frame[column].replace("", None).dropna().astype(str)))
            field["constraints"] = {"enum": codes}
        fields.append(field)
    out = {
        "$schema": "https://datapackage.org/profiles/2.0/tableschema.json",
        "fields": fields,
        "missingValues": [""],
        "primaryKey": meta["primary_key"],
    }
    if name != "sources":
        out["foreignKeys"] = [
            {"fields": ["source_id"], "reference": {"resource": "sources", "fields": ["source_id"]}}
        ]
    return out


def quality_shares(frame: pd.DataFrame, sources: pd.DataFrame) -> dict[str, float]:
    """Share of the table's rows by the grade of the source each row cites."""
    grade = sources.set_index("source_id")["source_quality"]
    shares = frame["source_id"].map(grade).value_counts(normalize=True)
    return {
        k: round(float(shares[k]), 3)
        for k in ("official", "scholarly", "press", "other_web")
        if k in shares
    }


def build_tables() -> dict[str, pd.DataFrame]:
    """Run each step (sources last); check columns against the metadata and sources."""
    order = [n for n in TABLES if n != "sources"] + ["sources"]
    tables = {name: importlib.import_module(f"etl.steps.{name}").build() for name in order}
    known = set(tables["sources"]["source_id"])
    for name, frame in tables.items():
        expected = list(table_metadata(name)["fields"])
        assert list(frame.columns) == expected, f"{name}: {list(frame.columns)} != {expected}"
        missing = set(frame["source_id"]) - known
        assert not missing, f"{name}: source_id not in sources: {sorted(missing)}"
        assert (frame["source_id"] != "").all(), f"{name}: rows without a source"
    return tables


def write(out: Path) -> None:
    """Write every table and the datapackage into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    tables = build_tables()
    sources = tables["sources"].set_index("source_id")
    resources = []
    for name in TABLES:
        frame, info = tables[name], table_metadata(name)
        path = out / f"{name}.csv"
        frame.to_csv(path, index=False, lineterminator="\n")
        data = path.read_bytes()
        cited = sorted(set(frame["source_id"]))
        resources.append(
            {
                "name": name,
                "path": f"{name}.csv",
                "type": "table",
                "title": info["title"],
                "description": " ".join(info["description"].split()),
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "hash": "sha256:" + hashlib.sha256(data).hexdigest(),
                "bytes": len(data),
                "rows": len(frame),
                "coverage": coverage(frame, info["coverage"]),
                "caveats": info.get("caveats", []) + frame.attrs.get("caveats", []),
                "sources": [
                    {
                        "title": sources.loc[s, "title"],
                        "path": sources.loc[s, "url"],
                        "source_id": s,
                        "licence": sources.loc[s, "licence"],
                    }
                    for s in cited
                ],
                "source_quality": quality_shares(frame, tables["sources"]),
                "schema": schema(name, info, frame),
            }
        )
    package = {**package_metadata(), "resources": resources}
    (out / "datapackage.json").write_text(
        json.dumps(package, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
