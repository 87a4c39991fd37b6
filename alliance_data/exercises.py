"""Self-check for the chapter exercises, without the answers in plain text.

>>> from alliance_data.exercises import check
>>> check("02.3", 1999)   # prints whether the answer is right, with a hint if not

Each entry stores a salted SHA-256 of the normalised expected answer, the rule that
normalises it, what the answer is (without giving it) and a hint. Maintainers add entries
with ``python tools/exercise_hashes.py``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

RULES = {
    "int": "a whole number (e.g. a year or a count)",
    "float": "a number, rounded to {} decimal place(s)",
    "text": "a name or short text (case, accents, punctuation and spacing are ignored)",
    "set": "a list (order, case, accents, punctuation and spacing are ignored)",
}


class UnknownExerciseError(LookupError):
    """An exercise id that has no registered answer."""


@dataclass(frozen=True)
class Exercise:
    """A registered answer: its digest, how it is normalised, what it is, and a hint."""

    digest: str
    rule: str
    expects: str
    hint: str


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
    if kind == "set":
        items = [answer] if isinstance(answer, str) or not isinstance(answer, Iterable) else answer
        return "|".join(sorted({_text(item) for item in items}))
    raise ValueError(f"unknown rule {rule!r}; rules are int, float:N, text and set")


def digest(exercise_id: str, answer: Any, rule: str) -> str:
    """SHA-256 of the id-salted normalised answer (the salt hides equal answers)."""
    salted = f"{canonical_id(exercise_id)}|{normalise(answer, rule)}"
    return hashlib.sha256(salted.encode("utf-8")).hexdigest()


def describe_rule(rule: str) -> str:
    """What kind of answer a rule expects, in words."""
    kind, _, places = rule.partition(":")
    return RULES[kind].format(places)


def check(exercise_id: str, answer: Any) -> bool:
    """Print whether ``answer`` solves the exercise (with a hint if not); return True/False."""
    key = canonical_id(exercise_id)
    if key not in REGISTRY:
        raise UnknownExerciseError(
            f"no checkable exercise {exercise_id!r}; valid ids are: {', '.join(sorted(REGISTRY))}"
        )
    entry = REGISTRY[key]
    try:
        correct = digest(key, answer, entry.rule) == entry.digest
    except (TypeError, ValueError):
        print(f"Exercise {key}: expected {describe_rule(entry.rule)}; got {answer!r}.")
        return False
    if correct:
        print(f"Exercise {key}: correct.")
    else:
        print(f"Exercise {key}: not yet (asked for: {entry.expects}). Hint: {entry.hint}")
    return correct


# Entries come from tools/exercise_hashes.py; the answers themselves are not stored.
REGISTRY: dict[str, Exercise] = {
    "01.1": Exercise(
        "fcc036d23ca4776ff9c89f03196f7ebfb1af2cf60f3296ebfc178ef445c9f268",
        "text",
        "the prime minister's full name, as in the leaders table",
        (
            "Map the date of every event in the exercise's period with history.leader_on, "
            "then count with value_counts()."
        ),
    ),
    "01.2": Exercise(
        "5126cdd0addd466f56191aad047cea318b51445a883fe7185dba70ba4f446195",
        "int",
        "the year of the report in which Okinawa's share was highest",
        (
            "Divide the okinawa column of history.personnel_by_area by its total column, then"
            " use idxmax()."
        ),
    ),
    "02.3": Exercise(
        "e9243498bb040c63808f433bfa20c7511275c4c826c27dacccd22b23b8929392",
        "int",
        "the first year from which Japan stays ahead of Germany to the end of the series",
        (
            "forces.lead_years(frame, \"DEU\") returns it as 'since'; build the frame with "
            "both countries over every year."
        ),
    ),
    "03.1": Exercise(
        "3e8b80e5bd9b96262c03b0ca4b1c8f46b9d0327419a092b57f066bdac7f8d514",
        "text",
        "the prefecture's name",
        (
            "Drop Okinawa and the two rows without a prefecture from "
            "forces.base_counts_by_prefecture(bases), then use idxmax()."
        ),
    ),
    "03.3": Exercise(
        "9f5d2c5e7c1d29a7c61a8e440045168d2c42e603b5247835766d721eb85f42d1",
        "float:1",
        "the years between the two Okinawa referendums, to 1 decimal",
        "Subtract the two forces.event_date values, take .days and divide by 365.25.",
    ),
    "04.1": Exercise(
        "698a64615c49d1a7e9e5a2bb7d271c7c2792e29688254a7403ac98048b006925",
        "int",
        "the number of fiscal years that keep a high-grade value",
        'Count the distinct fiscal_year values of ec.hns_annual("high"), not its rows.',
    ),
    "05.2": Exercise(
        "0ba7976c121281a1d80b9f7245ac5a22e4fa798a0785481b15c3cc8f32e2766b",
        "float:1",
        "the naive total of amount_usd_bn over every Gulf War row, in US$ bn",
        (
            "Add up all rows of history.gulf_war_figures(), repeats included: the exercise is"
            " about why that total is wrong."
        ),
    ),
    "05.3": Exercise(
        "3711e93c1c0fcbbb55614b97631f93f531eaba539a9a224618366fd0db4cbb45",
        "text",
        "the prime minister's full name, as in the leaders table",
        (
            "Keep legislation, policy and guidelines events from 1990 to 2026, map their "
            "dates with history.leader_on and count."
        ),
    ),
    "06.1": Exercise(
        "bc5d38e9c25eb1d9d3866f40e7bbb24b539f2899628aae2d23cea21ed4ef9195",
        "float:1",
        "the first mail value minus the last face-to-face value, in percentage points",
        (
            "Use the Cabinet Office affinity_toward_us series for all years, split by "
            "mode_family, and subtract in that order."
        ),
    ),
    "07.1": Exercise(
        "9f1c04f550504cf3ef4eb26ef5c3e1780eb2e61af6f8e83ac25db7d48f87a0a5",
        "float:1",
        "the U.S. share of Japan's arms deliveries (TIV) for 2011–2020, in percent",
        "ec.us_share_pct(first_year, last_year) includes both end years.",
    ),
    "08.3": Exercise(
        "12bcb214cc7dc321b127b7181a048202776649d62ec6f292cba0b0ac7cef7871",
        "int",
        "how many fewer claims there are once each paraphrase is counted once",
        (
            "Drop duplicate paraphrases (keep the seed 001 row) and compare the row counts "
            "before and after."
        ),
    ),
}
