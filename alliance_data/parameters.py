"""Validate notebook parameters against the data's coverage, before or inside a run.

Each notebook declares its parameters in a cell tagged ``parameters`` and then calls
``validate_parameters("<notebook stem>", **values)``. The command-line runner calls the
same function before any kernel starts, so both report the same clear error.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from alliance_data.catalog import list_tables


class ParameterError(ValueError):
    """A notebook parameter with a bad type, an unknown name or an out-of-range value."""


@dataclass(frozen=True)
class Year:
    """An integer year within the span of ``table.column``."""

    table: str
    column: str = "year"

    def allowed(self) -> tuple[int, int]:
        from alliance_data.loading import load

        values = load(self.table)[self.column]
        years = values.dt.year if hasattr(values, "dt") else values
        return int(years.min()), int(years.max())

    def check(self, name: str, value: Any) -> None:
        low, high = self.allowed()
        if not isinstance(value, int) or isinstance(value, bool):
            raise ParameterError(
                f"{name} must be an integer year from {low} to {high}; got {value!r}"
            )
        if not low <= value <= high:
            raise ParameterError(
                f"{name}={value} is outside the data: allowed years are {low}–{high} "
                f"(coverage of table {self.table!r})"
            )

    def describe(self) -> str:
        low, high = self.allowed()
        return f"integer year, {low}–{high}"


@dataclass(frozen=True)
class Codes:
    """A list of codes drawn from ``table.column`` (e.g. ISO3 country codes)."""

    table: str
    column: str
    exclude: tuple[str, ...] = ()

    def allowed(self) -> list[str]:
        from alliance_data.loading import load

        codes = load(self.table)[self.column].dropna().unique()
        return sorted(c for c in codes if c not in self.exclude)

    def check(self, name: str, value: Any) -> None:
        allowed = self.allowed()
        if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
            raise ParameterError(
                f"{name} must be a list of codes from: {', '.join(allowed)}; got {value!r}"
            )
        unknown = [v for v in value if v not in allowed]
        if unknown:
            raise ParameterError(
                f"{name} has unknown value(s) {', '.join(unknown)}; allowed values are: "
                f"{', '.join(allowed)}"
            )

    def describe(self) -> str:
        return f"list of codes from: {', '.join(self.allowed())}"


@dataclass(frozen=True)
class Choice:
    """One value from a fixed set."""

    values: tuple[Any, ...]

    def check(self, name: str, value: Any) -> None:
        if value not in self.values:
            allowed = ", ".join(map(repr, self.values))
            raise ParameterError(f"{name}={value!r} is not allowed; allowed values are: {allowed}")

    def describe(self) -> str:
        return "one of: " + ", ".join(map(repr, self.values))


@dataclass(frozen=True)
class Number:
    """A number in a closed range."""

    low: float
    high: float

    def check(self, name: str, value: Any) -> None:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ParameterError(
                f"{name} must be a number from {self.low} to {self.high}; got {value!r}"
            )
        if not self.low <= value <= self.high:
            raise ParameterError(
                f"{name}={value} is outside the allowed range {self.low}–{self.high}"
            )

    def describe(self) -> str:
        return f"number, {self.low}–{self.high}"


MILEX_COUNTRIES = Codes("defense_spending", "country_iso3")
RULES: dict[str, dict[str, Any]] = {
    "00_data_tour": {"table": Choice(tuple(list_tables())), "preview_rows": Number(1, 50)},
    "01_origins": {"start_year": Year("events", "date"), "end_year": Year("events", "date")},
    "02_us_forces": {
        "start_year": Year("troops"),
        "end_year": Year("troops"),
        "compare_countries": Codes("troops", "country_iso3", exclude=("JPN",)),
    },
    "03_bases_okinawa": {"show_labels": Choice((True, False))},
    "04_burden_sharing": {
        "start_year": Year("defense_spending"),
        "end_year": Year("defense_spending"),
        "compare_countries": MILEX_COUNTRIES,
        "min_reliability": Choice(("high", "medium", "low")),
    },
    "05_widening_role": {"start_year": Year("events", "date"), "end_year": Year("events", "date")},
    "06_public_opinion": {
        "start_year": Year("opinion"),
        "end_year": Year("opinion"),
        "compare_countries": Codes("opinion", "country_iso3", exclude=("JPN",)),
    },
    "07_trade_arms": {"start_year": Year("arms_transfers"), "end_year": Year("arms_transfers")},
    "08_weighing_sources": {"verdicts": Codes("claims", "verdict")},
    "09_explorer": {
        "start_year": Year("troops"),
        "end_year": Year("troops"),
        "countries": Codes("troops", "country_iso3"),
    },
}


def rules_for(notebook: str) -> dict[str, Any]:
    """The parameter rules of a notebook, by stem (e.g. ``02_us_forces``)."""
    try:
        return RULES[notebook]
    except KeyError:
        raise ParameterError(
            f"no parameter rules for notebook {notebook!r}; known notebooks: {', '.join(RULES)}"
        ) from None


def validate_parameters(notebook: str, **values: Any) -> None:
    """Raise ``ParameterError`` naming the bad parameter and its allowed values."""
    rules = rules_for(notebook)
    unknown = sorted(set(values) - set(rules))
    if unknown:
        raise ParameterError(
            f"{notebook} does not declare parameter(s) {', '.join(unknown)}; "
            f"its parameters are: {', '.join(rules)}"
        )
    for name, value in values.items():
        rules[name].check(name, value)
    if (
        "start_year" in values
        and "end_year" in values
        and values["start_year"] > values["end_year"]
    ):
        raise ParameterError(
            f"start_year={values['start_year']} is after end_year={values['end_year']}"
        )
