"""The Table Schema of each table, written from its metadata, and the build's check of it.

The schema is the one statement of a table's rules: types, keys, the reference to ``sources``,
``constraints`` (required, minimum, maximum, enum) and ``categories`` (each code with its label).
``check`` enforces the same rules while building, so no step repeats them by hand; the tests run
``frictionless validate`` on the shipped package.
"""

from __future__ import annotations

import pandas as pd

PROFILE = "https://datapackage.org/profiles/2.0/tableschema.json"
SOURCE_KEY = {
    "fields": ["source_id"],
    "reference": {"resource": "sources", "fields": ["source_id"]},
}


def categories(spec: dict) -> list:
    """A field's ``categories``: ``{value, label}`` objects where labelled, else plain values."""
    declared = spec["categories"]
    if isinstance(declared, dict):
        return [{"value": code, "label": label} for code, label in declared.items()]
    return list(declared)


def field(column: str, spec: dict, key: list[str]) -> dict:
    out = {"name": column, "type": spec["type"], "description": spec["description"]}
    if "unit" in spec:
        out["unit"] = spec["unit"]
    if spec["type"] == "date":
        out["format"] = "%Y-%m-%d"
    constraints = dict(spec.get("constraints", {}))
    if column in key or column == "source_id":
        constraints["required"] = True
    if "categories" in spec:
        out["categories"] = categories(spec)
        constraints["enum"] = list(spec["categories"])
    if constraints:
        out["constraints"] = constraints
    return out


def table_schema(name: str, meta: dict) -> dict:
    key = meta["primary_key"]
    out = {
        "$schema": PROFILE,
        "fields": [field(column, spec, key) for column, spec in meta["fields"].items()],
        "missingValues": [""],
        "primaryKey": key,
    }
    if name != "sources":
        out["foreignKeys"] = [SOURCE_KEY]
    return out


def _present(values: pd.Series) -> pd.Series:
    return values.notna() & (values.astype(str) != "")


def problems(frame: pd.DataFrame, schema: dict, source_ids: set[str]) -> list[str]:
    """Every way ``frame`` breaks ``schema``, one line each (none: the frame conforms)."""
    found = []
    fields = schema["fields"]
    if list(frame.columns) != [f["name"] for f in fields]:
        return [f"columns {list(frame.columns)} != {[f['name'] for f in fields]}"]
    for spec in fields:
        column, rules = spec["name"], spec.get("constraints", {})
        values = frame[column]
        present = values[_present(values)]
        if spec["type"] in ("integer", "number"):
            present = pd.to_numeric(present)
        if rules.get("required") and len(present) < len(values):
            found.append(f"{column}: {len(values) - len(present)} empty value(s)")
        if "enum" in rules:
            unknown = sorted(set(present.astype(str)) - set(rules["enum"]))
            if unknown:
                found.append(f"{column}: codes not declared in its categories: {unknown}")
        for rule, outside in (("minimum", present.lt), ("maximum", present.gt)):
            if rule in rules and outside(rules[rule]).any():
                bad = present[outside(rules[rule])].tolist()
                found.append(f"{column}: values beyond the {rule} {rules[rule]}: {bad}")
    key = schema["primaryKey"]
    duplicated = frame[frame.duplicated(key, keep=False)]
    if not duplicated.empty:
        found.append(f"duplicate primary key {key}: {duplicated[key].to_dict('records')}")
    if schema.get("foreignKeys"):
        unknown = sorted(set(frame["source_id"]) - source_ids)
        if unknown:
            found.append(f"source_id not in sources: {unknown}")
    return found


def check(name: str, frame: pd.DataFrame, schema: dict, source_ids: set[str]) -> None:
    """Stop the build on any row that breaks the table's schema."""
    found = problems(frame, schema, source_ids)
    if found:
        raise ValueError(f"{name} breaks its schema:\n  " + "\n  ".join(found))
