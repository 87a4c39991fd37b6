"""Check a chapter's parameters against ``chapters.yml`` and the data's coverage.

A chapter calls ``check_parameters("02_us_forces", start_year=…, …)`` right after its
parameters cell; the runner calls ``validate`` with the same declaration before any
kernel starts, so both refuse the same values with the same message.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import alliance_data as ad
from alliance_notebooks.chapters import declaration, short


class ParameterError(ValueError):
    """A parameter with a bad type, an unknown name or a value outside what is allowed."""


def _years(table: str, column: str = "year") -> tuple[int, int]:
    values = ad.load(table)[column].dropna()
    years = values.dt.year if hasattr(values, "dt") else values.astype(int)
    return int(years.min()), int(years.max())


def coverage(spec: dict[str, Any]) -> tuple[int, int]:
    """First and last year of the chapter's window tables."""
    spans = [_years(w["table"], w.get("column", "year")) for w in spec.get("window", [])]
    return min(s[0] for s in spans), max(s[1] for s in spans)


def allowed_values(rule: dict[str, Any]) -> list[Any]:
    """The values a ``choice`` or ``codes`` rule allows."""
    if "values" in rule:
        return list(rule["values"])
    if rule.get("values_from") == "tables":
        return ad.list_tables()
    column = ad.load(rule["table"])[rule["column"]].dropna()
    return sorted(set(column) - set(rule.get("exclude", [])))


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_one(name: str, value: Any, rule: dict[str, Any], spec: dict[str, Any]) -> None:
    kind = rule["kind"]
    if kind == "year":
        low, high = coverage(spec)
        if not _is_int(value):
            raise ParameterError(
                f"{name} must be an integer year; the data cover {low}–{high}; "
                f"got {short(value, 60)}"
            )
    elif kind in ("int", "number"):
        low, high = rule["min"], rule["max"]
        ok = _is_int(value) if kind == "int" else _is_int(value) or isinstance(value, float)
        if not ok or not low <= value <= high:
            raise ParameterError(
                f"{name} must be a{'n integer' if kind == 'int' else ' number'} from {low} to "
                f"{high} (allowed range); got {short(value, 60)}"
            )
    elif kind == "bool":
        if not isinstance(value, bool):
            raise ParameterError(
                f"{name} must be true or false (allowed values); got {short(value, 60)}"
            )
    elif kind == "choice":
        allowed = allowed_values(rule)
        if value not in allowed:
            raise ParameterError(
                f"{name}={short(value, 60)} is not allowed; allowed values are: "
                f"{', '.join(map(str, allowed))}"
            )
    elif kind == "codes":
        allowed = allowed_values(rule)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ParameterError(
                f"{name} must be a list of codes; allowed values are: {', '.join(allowed)}; "
                f"got {short(value, 60)}"
            )
        unknown = [v for v in value if v not in allowed]
        if unknown:
            raise ParameterError(
                f"{name} has unknown value(s) {short(', '.join(unknown), 60)}; allowed values are: "
                f"{', '.join(allowed)}"
            )
    else:
        raise ParameterError(f"{name}: unknown rule kind {kind!r} in chapters.yml")


def validate(chapter: str, values: dict[str, Any], folder: Path | None = None) -> dict[str, Any]:
    """Check ``values`` for ``chapter``; return them with the year window clipped to the data.

    A window that overlaps the data is clipped to it; one that does not, or whose start is
    after its end, raises ``ParameterError`` naming the parameter and the coverage.
    """
    spec = declaration(chapter, folder)
    if spec is None:
        raise ParameterError(f"{chapter!r} is not declared in chapters.yml")
    rules = spec.get("parameters", {})
    unknown = sorted(set(values) - set(rules))
    if unknown:
        raise ParameterError(
            f"{chapter} does not declare parameter(s) {short(', '.join(unknown), 60)}; "
            f"its parameters are: {', '.join(rules) or 'none'}"
        )
    for name, value in values.items():
        _check_one(name, value, rules[name], spec)
    checked = dict(values)
    if "start_year" in values and "end_year" in values:
        start, end = values["start_year"], values["end_year"]
        low, high = coverage(spec)
        if start > end:
            raise ParameterError(f"start_year={start} is after end_year={end}")
        if end < low or start > high:
            raise ParameterError(
                f"start_year={start}, end_year={end} does not overlap the data of {chapter}, "
                f"which cover {low}–{high}; allowed years are {low}–{high}"
            )
        checked["start_year"], checked["end_year"] = max(start, low), min(end, high)
    return checked


def check_parameters(chapter: str, **values: Any) -> dict[str, Any]:
    """Validate a chapter's parameters; print a line when the year window is clipped."""
    checked = validate(chapter, values, Path.cwd())
    if checked != values:
        print(
            f"Years asked for: {values['start_year']}–{values['end_year']}; this chapter's data "
            f"cover {checked['start_year']}–{checked['end_year']} of them, so the window is "
            "clipped to that."
        )
    return checked
