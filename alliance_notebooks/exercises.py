"""Self-check for the chapter exercises.

>>> from alliance_notebooks.exercises import check
>>> check("02.3", 1999)   # prints whether the answer is right, with a hint if not

The expected answer of each exercise is computed from the installed data when ``check``
runs (``alliance_notebooks/answers/chNN.py``), so it always matches the data the student
has. These are self-checks, not grading: the package's source shows the answers.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from alliance_notebooks.answers import Exercise, registry

RULES = {
    "int": "a whole number (e.g. a year or a count)",
    "float": "a number, rounded to {} decimal place(s)",
    "text": "a name or short text (case, accents, punctuation and spacing are ignored)",
    "name": "a person's name, in either order (case, accents and punctuation are ignored)",
    "set": "a list (order, case, accents, punctuation and spacing are ignored)",
}


class UnknownExerciseError(LookupError):
    """An exercise id that has no registered answer."""


def canonical_id(exercise_id: str) -> str:
    """'2.1', '02.1' and 'Exercise 2.1' all become '02.1'."""
    match = re.fullmatch(r"\s*(?:exercise\s+)?(\d+)\.(\d+)\s*", str(exercise_id), re.IGNORECASE)
    if match is None:
        return str(exercise_id)
    return f"{int(match.group(1)):02d}.{int(match.group(2))}"


def is_registered(exercise_id: str) -> bool:
    """Whether ``check`` knows this exercise."""
    return canonical_id(exercise_id) in REGISTRY


def _text(value: Any) -> str:
    if isinstance(value, int | float) and float(value).is_integer():
        return _integer(value)
    plain = unicodedata.normalize("NFKD", str(value))
    plain = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    return " ".join(re.sub(r"[^\w\s]", " ", plain).split())


def _integer(value: Any) -> str:
    number = float(str(value).replace(",", "").strip())
    if not number.is_integer():
        raise ValueError(f"{value!r} is not a whole number")
    return str(int(number))


def normalise(answer: Any, rule: str) -> str:
    """The canonical text of ``answer`` under ``rule`` ('int', 'float:N', 'text' or 'set')."""
    kind, _, places = rule.partition(":")
    if kind == "int":
        return _integer(answer)
    if kind == "float":
        rounded = round(float(answer), int(places)) + 0.0  # + 0.0 turns -0.0 into 0.0
        return f"{rounded:.{int(places)}f}"
    if kind == "text":
        return _text(answer)
    if kind == "name":
        return " ".join(sorted(_text(answer).split()))
    if kind == "set":
        items = [answer] if isinstance(answer, str) or not isinstance(answer, Iterable) else answer
        return "|".join(sorted({_text(item) for item in items}))
    raise ValueError(f"unknown rule {rule!r}; rules are int, float:N, text, name and set")


def describe_rule(rule: str) -> str:
    """What kind of answer a rule expects, in words."""
    kind, _, places = rule.partition(":")
    return RULES[kind].format(places)


def _shown(answer: Any) -> str:
    try:
        text = repr(answer)
    except Exception:
        text = f"a {type(answer).__name__} that cannot be shown"
    return text if len(text) <= 60 else text[:60] + "…"


def _entry(exercise_id: str) -> tuple[str, Exercise]:
    key = canonical_id(exercise_id)
    if key not in REGISTRY:
        raise UnknownExerciseError(
            f"no checkable exercise {exercise_id!r}; valid ids are: {', '.join(sorted(REGISTRY))}"
        )
    return key, REGISTRY[key]


def is_correct(exercise_id: str, answer: Any) -> bool | None:
    """Whether ``answer`` solves the exercise (None if it cannot be read under its rule)."""
    _, entry = _entry(exercise_id)
    expected = normalise(entry.compute(), entry.rule)
    try:
        return normalise(answer, entry.rule) == expected
    except Exception:  # any input at all gets an answer, never a traceback
        return None


def check(exercise_id: str, answer: Any) -> None:
    """Print whether ``answer`` solves the exercise, with a hint if not."""
    key, entry = _entry(exercise_id)
    correct = is_correct(key, answer)
    if correct is None:
        print(f"Exercise {key}: expected {describe_rule(entry.rule)}; got {_shown(answer)}.")
    elif correct:
        print(f"Exercise {key}: correct.")
    else:
        print(f"Exercise {key}: not yet (asked for: {entry.expects}). Hint: {entry.hint}")


REGISTRY: dict[str, Exercise] = registry()
