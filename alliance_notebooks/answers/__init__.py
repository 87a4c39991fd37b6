"""The chapters' exercises and how to compute each expected answer from the data.

Each chapter's module (``chNN.py``) registers one small function per exercise:

>>> @answer("02.3", rule="int", expects="a number of years", hint="…")
... def japan_first_years():
...     return …  # computed from alliance_data, like the chapter's solution

The expected answer is computed when a student checks, from the data installed with the
package, so a new data version cannot leave a stale answer behind. The function is written
independently of the chapter's solution cell, so the check also tests the solution.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Exercise:
    """A checkable exercise: its answer rule, what it asks for, a hint, and its answer."""

    rule: str
    expects: str
    hint: str
    compute: Callable[[], Any]


_registered: dict[str, Exercise] = {}


def answer(exercise_id: str, *, rule: str, expects: str, hint: str):
    """Register the decorated function as the way to compute an exercise's answer."""

    def register(compute: Callable[[], Any]) -> Callable[[], Any]:
        if exercise_id in _registered:
            raise ValueError(f"exercise {exercise_id} is registered twice")
        _registered[exercise_id] = Exercise(rule, expects, hint, compute)
        return compute

    return register


def registry() -> dict[str, Exercise]:
    """Every chapter's exercises, by id ('02.3'), in order."""
    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")
    return dict(sorted(_registered.items(), key=lambda kv: tuple(map(int, kv[0].split(".")))))
