"""Run every step, write the clean CSVs and the Frictionless ``datapackage.json``.

A table's metadata (title, description, key, coverage, caveats, fields) sits beside its step in
``etl/steps/<name>.meta.yml``; caveats that a step derives from the data (rows it drops) come
from the step's frame as ``frame.attrs["caveats"]`` and follow the written ones. Each resource
lists the ``source_ids`` its rows cite; the full records are the ``sources`` table.
"""

from __future__ import annotations

import hashlib
import importlib
import json
from pathlib import Path

import pandas as pd
import yaml

from etl.paths import METADATA, STEPS
from etl.schema import check, table_schema
from etl.steps import TABLES


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
    """Run each step (sources last) and check each table against its schema."""
    order = [n for n in TABLES if n != "sources"] + ["sources"]
    tables = {name: importlib.import_module(f"etl.steps.{name}").build() for name in order}
    known = set(tables["sources"]["source_id"])
    for name, frame in tables.items():
        check(name, frame, table_schema(name, table_metadata(name)), known)
    return tables


def resource(name: str, frame: pd.DataFrame, data: bytes, sources: pd.DataFrame) -> dict:
    """The catalogue entry of one table written as ``data``."""
    info = table_metadata(name)
    entry = {
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
    }
    if name != "sources":
        entry["source_ids"] = sorted(set(frame["source_id"]))
    entry["source_quality"] = quality_shares(frame, sources)
    entry["schema"] = table_schema(name, info)
    return entry


def write(out: Path) -> None:
    """Write every table and the datapackage into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    tables = build_tables()
    resources = []
    for name in TABLES:
        path = out / f"{name}.csv"
        tables[name].to_csv(path, index=False, lineterminator="\n")
        resources.append(resource(name, tables[name], path.read_bytes(), tables["sources"]))
    package = {**package_metadata(), "resources": resources}
    (out / "datapackage.json").write_text(
        json.dumps(package, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
