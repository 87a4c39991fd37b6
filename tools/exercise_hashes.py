"""Print a registry entry for ``alliance_data.exercises`` from an expected answer.

Usage:
    python tools/exercise_hashes.py 02.3 <year> --rule int --expects "a year" --hint "…"
    python tools/exercise_hashes.py 05.9 <item> <item> --rule set --expects "…" --hint "…"

Paste the printed line into ``REGISTRY`` in ``alliance_data/exercises.py``. Several
answers are one list (rule ``set``); other rules take exactly one answer.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from alliance_data.exercises import canonical_id, digest, normalise


def entry(exercise_id: str, answer: Any, rule: str, expects: str, hint: str) -> str:
    """The registry entry for one exercise, as Python source."""
    return (
        f'    "{canonical_id(exercise_id)}": Exercise(\n'
        f'        "{digest(exercise_id, answer, rule)}",\n'
        f'        "{rule}",\n'
        f"        {json.dumps(expects, ensure_ascii=False)},\n"
        f"        {json.dumps(hint, ensure_ascii=False)},\n"
        "    ),"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("exercise_id", help="e.g. 02.3")
    parser.add_argument("answers", nargs="+", help="the expected answer (several for a list)")
    parser.add_argument("--rule", required=True, help="int, float:N, text or set")
    parser.add_argument("--expects", default="", help="what the answer is, without giving it")
    parser.add_argument("--hint", default="", help="shown to students after a wrong answer")
    args = parser.parse_args()
    if args.rule != "set" and len(args.answers) != 1:
        parser.error(f"rule {args.rule!r} takes one answer; use --rule set for a list")
    answer = args.answers if args.rule == "set" else args.answers[0]
    print(f"# normalised answer (do not commit): {normalise(answer, args.rule)}")
    print(entry(args.exercise_id, answer, args.rule, args.expects, args.hint))


if __name__ == "__main__":
    main()
