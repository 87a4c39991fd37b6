"""The plan of a run: notebooks, parameter sets and labels, all checked before any job starts."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

from alliance_notebooks.chapters import TYPES, declaration, expected_type, inspect, literal, short
from alliance_notebooks.chapters import resolve as resolve  # plan.resolve, as before
from alliance_notebooks.parameters import ParameterError, validate

SET_NAME = "set_name"  # the key by which a parameter set names itself
RESERVED = {"index"}  # index.html is the run's report


def _compact(value: Any) -> str:
    if isinstance(value, list):
        return "+".join(map(_compact, value))
    return str(value).lower() if isinstance(value, bool) else str(value)


def _sets(base: str, given: Any) -> list[tuple[str, dict[str, Any]]]:
    """(label, values) for each parameter set given for one notebook."""
    if given is None or isinstance(given, dict):
        return [(base, dict(given or {}))]
    sets = []
    for values in map(dict, given):
        name = values.pop(SET_NAME, None)
        inner = name or ",".join(f"{k}={_compact(v)}" for k, v in values.items()) or "defaults"
        sets.append((f"{base}[{re.sub(r'[^A-Za-z0-9_.,=+-]', '_', str(inner))[:120]}]", values))
    if len({label for label, _ in sets}) != len(sets):
        raise ParameterError(f"{base}: two parameter sets have the same name")
    return sets


def labels(paths: list[Path]) -> dict[Path, str]:
    """A file-name-safe label per notebook, unique even for two files of the same name."""
    bases = {p: re.sub(r"[^\w.=+,-]", "_", p.stem)[:80] for p in paths}
    taken = [b.lower() for b in bases.values()] + list(RESERVED)
    digest = {p: hashlib.sha256(str(p).encode()).hexdigest()[:8] for p in paths}
    return {p: b if taken.count(b.lower()) == 1 else f"{b}~{digest[p]}" for p, b in bases.items()}


def plan(paths: list[Path], scoped: dict[str | None, Any]) -> list[dict]:
    """One job per notebook and parameter set, every value checked; raise on any error."""
    read = {path.resolve(): inspect(path) for path in paths}
    stems = ", ".join(sorted({p.stem for p in paths}))
    for notebook in set(scoped) - {None, *(p.stem for p in paths)}:
        raise ParameterError(f"parameters given for {short(notebook)}, not in this run ({stems})")
    common, everything = scoped.get(None, {}), {n for _, d in read.values() for n in d}
    for name in set(common) - everything:
        raise ParameterError(
            f"no notebook in this run declares parameter {short(name)}; declared "
            f"parameters: {', '.join(sorted(everything))}"
        )
    jobs = []
    for path, base in labels([p.resolve() for p in paths]).items():
        source, declared = read[path]
        defaults = {n: literal(s["default"]) for n, s in declared.items()}
        for label, values in _sets(base, scoped.get(path.stem)):
            values = {k: v for k, v in common.items() if k in declared} | values
            parameters = {n: v for n, (ok, v) in defaults.items() if ok} | values
            _check(path, label, declared, values, parameters)
            computed = {n: v for n, (ok, v) in defaults.items() if not ok and n not in values}
            jobs.append({"label": label, "notebook": path.stem, "path": str(path),
                         "name": path.name, "cwd": str(path.parent), "source": source,
                         "parameters": parameters, "computed_defaults": computed})  # fmt: skip
    return jobs


def _check(path: Path, label: str, declared: dict, values: dict, parameters: dict) -> None:
    """A chapter's values against chapters.yml; another notebook's against its own defaults."""
    if declaration(path.stem, path.parent) is not None:
        try:
            validate(path.stem, parameters, path.parent)
        except ParameterError as error:
            text = str(error) if str(error).startswith(label) else f"{label}: {error}"
            raise ParameterError(text) from None
        return
    for name, value in values.items():  # a notebook of the user's own: names and types
        if name not in declared:
            raise ParameterError(
                f"{label} does not declare parameter {short(name)}; its parameters are: "
                f"{', '.join(declared) or 'none'}"
            )
        expected = expected_type(declared[name])
        if expected in TYPES and type(value) not in TYPES[expected]:  # a bool is not an int here
            raise ParameterError(
                f"{label}: {name} must be of type {expected} (the notebook's default is "
                f"{short(declared[name]['default'])}); got {short(value)}"
            )
