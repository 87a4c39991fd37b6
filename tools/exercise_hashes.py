"""Register an exercise's expected answer in ``alliance_notebooks/answers/NN.json``.

Usage:
    python tools/exercise_hashes.py 02.3 <year> --rule int --expects "a year" --hint "…"
    python tools/exercise_hashes.py 05.9 <item> <item> --rule set --expects "…" --hint "…"
    python tools/exercise_hashes.py 01.1 "Kishi Nobusuke" --rule name --expects "…" --hint "…"

Only the salted hash is written, never the answer. Several answers are one list (rule
``set``); other rules take exactly one answer. Rules: int, float:N, text, name, set.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from alliance_notebooks.exercises import canonical_id, digest

ANSWERS = Path(__file__).resolve().parent.parent / "alliance_notebooks" / "answers"


def register(exercise_id: str, answer, rule: str, expects: str, hint: str) -> Path:
    """Add or replace one entry in its chapter's answers file; return the file."""
    key = canonical_id(exercise_id)
    path = ANSWERS / f"{key[:2]}.json"
    entries = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    entries[key] = {
        "digest": digest(key, answer, rule),
        "rule": rule,
        "expects": expects,
        "hint": hint,
    }
    ordered = dict(sorted(entries.items(), key=lambda kv: int(kv[0].split(".")[1])))
    path.write_text(json.dumps(ordered, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("exercise_id", help="e.g. 02.3")
    parser.add_argument("answers", nargs="+", help="the expected answer (several for a list)")
    parser.add_argument("--rule", required=True, help="int, float:N, text, name or set")
    parser.add_argument("--expects", required=True, help="what the answer is, without giving it")
    parser.add_argument("--hint", required=True, help="shown to students after a wrong answer")
    args = parser.parse_args()
    if args.rule != "set" and len(args.answers) != 1:
        parser.error(f"rule {args.rule!r} takes one answer; use --rule set for a list")
    answer = args.answers if args.rule == "set" else args.answers[0]
    print(f"wrote {register(args.exercise_id, answer, args.rule, args.expects, args.hint)}")


if __name__ == "__main__":
    main()
