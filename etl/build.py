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

DATA_VERSION = "2026.12.0"
CREATED = (
    "2026-12-02T00:00:00Z"  # the release date of this data version (kept fixed: builds reproduce)
)
HOMEPAGE = "https://github.com/alliance-notebooks/alliance-notebooks"
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
PACKAGE = {
    "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
    "name": "alliance-data",
    "title": "U.S.–Japan security alliance: cleaned, cited tables",
    "description": (
        "Tidy tables on the U.S.–Japan alliance (treaties, events, U.S. forces and bases in "
        "Japan, burden sharing, defence spending, opinion, trade, arms transfers, and the claims "
        "of five seed documents). Every row names a source in the sources table."
    ),
    "version": DATA_VERSION,
    "created": CREATED,
    "homepage": HOMEPAGE,
    "keywords": [
        "U.S.-Japan alliance",
        "security treaty",
        "Okinawa",
        "U.S. forces in Japan",
        "host nation support",
        "military expenditure",
        "public opinion",
        "arms transfers",
    ],
    "contributors": [{"title": "alliance-notebooks contributors", "roles": ["creator"]}],
    "sources": [
        {
            "title": "U.S. Department of Defense / Defense Manpower Data Center personnel reports, "
            "as parsed by the troopdata project (Allen, Flynn & Martinez Machain)",
            "path": "https://github.com/meflynn/troopdata",
        },
        {
            "title": "SIPRI Military Expenditure Database and Arms Transfers Database",
            "path": "https://www.sipri.org/databases",
        },
        {
            "title": "David Vine, Base Nation (2015), U.S. bases abroad, as coded in troopdata",
            "path": "https://github.com/meflynn/troopdata",
        },
        {
            "title": "Pew Research Center Global Attitudes surveys; Cabinet Office of Japan, "
            "Public Opinion Survey on Diplomacy",
            "path": "https://survey.gov-online.go.jp/",
        },
        {
            "title": "Treaty texts and records: Ministry of Foreign Affairs of Japan; Foreign "
            "Relations of the United States",
            "path": "https://www.mofa.go.jp/",
        },
    ],
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


def schema(name: str, meta: dict, frame: pd.DataFrame) -> dict:
    fields = []
    for column, (ftype, unit, description) in meta["fields"].items():
        field = {"name": column, "type": ftype, "description": description}
        if unit:
            field["unit"] = unit
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
                "source_quality": quality_shares(frame, tables["sources"]),
                "schema": schema(name, info, frame),
            }
        )
    package = {**PACKAGE, "resources": resources}
    (out / "datapackage.json").write_text(
        json.dumps(package, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
