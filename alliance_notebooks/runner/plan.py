"""The plan of a run: notebooks, parameter sets and labels, all checked before any job starts."""

from __future__ import annotations

import ast
import hashlib
import re
from pathlib import Path
from typing import Any

import yaml

from alliance_notebooks.chapters import available, declaration, read_notebook
from alliance_notebooks.parameters import ParameterError, validate

TYPES = dict(int=(int,), float=(int, float), str=(str,), bool=(bool,), list=(list,), dict=(dict,))
MAX_FILE_BYTES = 64 * 1024  # a parameter file is a few lines
SET_NAME = "set_name"  # the key by which a parameter set names itself
RESERVED = {"index"}  # index.html is the run's report


def short(value: Any, limit: int = 40) -> str:
    """At most ``limit`` characters of a value's repr, for messages about bad input."""
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + "…"


def literal(source: str) -> tuple[bool, Any]:
    """(True, value) for a default written as a Python literal, else (False, its source)."""
    try:
        return True, ast.literal_eval(source)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return False, source


def expected_type(spec: dict) -> str:
    """papermill's type from an annotation, else the literal default's type, else ``any``."""
    if spec["inferred_type_name"] in TYPES:
        return spec["inferred_type_name"]
    is_literal, value = literal(spec["default"])
    return type(value).__name__ if is_literal and value is not None else "any"


def resolve(names: list[str], notebooks_dir: Path) -> list[Path]:
    """Chapter stems from ``notebooks_dir`` or paths to notebook files; all chapters if none."""
    found = {p.stem: p for p in available(notebooks_dir)}
    if not names and not found:
        raise ParameterError(f"no notebooks found in {notebooks_dir}")
    paths = []
    for name in names or found:
        if name.endswith((".ipynb", ".py")) or "/" in name:
            if not Path(name).is_file():
                raise ParameterError(f"notebook file {short(name, 80)} does not exist")
            paths.append(Path(name).resolve())
        elif name in found:
            paths.append(found[name])
        else:
            raise ParameterError(
                f"unknown notebook {short(name)}: not a notebook file, and not a chapter in "
                f"{notebooks_dir}; available notebooks are: {', '.join(found) or 'none'}"
            )
    return paths


def _plain(value: Any, where: str, seen: set[int]) -> Any:
    """JSON types only, and no YAML alias (a list or mapping met twice)."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if id(value) in seen:
        raise ParameterError(f"{where}: YAML anchors and aliases (& and *) are not accepted")
    seen.add(id(value))
    if isinstance(value, list):
        return [_plain(v, where, seen) for v in value]
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        return {k: _plain(v, where, seen) for k, v in value.items()}
    kind = type(value).__name__
    hint = "; quote it to pass it as text" if kind in ("date", "datetime") else ""
    raise ParameterError(f"{where}: a {kind} value ({short(value)}) cannot be passed{hint}")


def _yaml(text: str, where: str) -> Any:
    try:
        value = yaml.safe_load(text)
    except yaml.YAMLError as error:
        problem = getattr(error, "problem", None) or type(error).__name__
        raise ParameterError(f"{where}: not valid YAML ({short(problem, 60)})") from None
    except ValueError as error:  # an integer over Python's digit limit
        raise ParameterError(f"{where}: {short(str(error), 80)}") from None
    return _plain(value, where, set())


def parse_assignments(assignments: list[str]) -> dict[str | None, dict[str, Any]]:
    """``-p name=value`` (every notebook) or ``-p NOTEBOOK:name=value``; values are YAML."""
    scoped: dict[str | None, dict[str, Any]] = {}
    for item in assignments:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise ParameterError(f"-p expects name=value or NOTEBOOK:name=value; got {short(item)}")
        notebook, _, name = key.rpartition(":")
        scoped.setdefault(notebook or None, {})[name] = _yaml(value, f"-p {short(key)}")
    return scoped


def load_file(path: Path) -> dict[str | None, Any]:
    """A YAML file of common values and, per notebook, a mapping or a list of parameter sets."""
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8")
    except OSError as error:
        raise ParameterError(f"cannot read parameter file {path}: {error.strerror}") from None
    except UnicodeDecodeError as error:
        raise ParameterError(f"parameter file {path} is not UTF-8 (byte {error.start})") from None
    if len(raw) > MAX_FILE_BYTES:
        raise ParameterError(f"parameter file {path} is over {MAX_FILE_BYTES // 1024} KiB")
    content = _yaml(text, str(path)) or {}
    if not isinstance(content, dict):
        raise ParameterError(f"parameter file {path} must hold a mapping")
    scoped: dict[str | None, Any] = {None: {}}
    for key, value in content.items():
        sets = isinstance(value, list) and value and all(isinstance(s, dict) for s in value)
        if sets or isinstance(value, dict):
            scoped[Path(key).stem] = value
        else:
            scoped[None][key] = value
    return scoped


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


def inspect(path: Path) -> tuple[str, dict]:
    """The notebook as JSON text, and papermill's reading of its parameters cell."""
    import nbformat
    import papermill

    try:
        notebook = read_notebook(path)
        for index, cell in enumerate(notebook.cells if path.suffix == ".py" else ()):
            cell.id = f"cell-{index}"  # jupytext draws random ids; the cache key needs the same
        return nbformat.writes(notebook), papermill.inspect_notebook(notebook)
    except Exception as error:  # not JSON, not a notebook, unreadable, a broken parameters cell
        message = f"cannot read notebook {path}: {type(error).__name__}: {short(str(error), 80)}"
        raise ParameterError(message) from None


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
    if declaration(path.stem, path.parent) is not None:
        defaults = {n: literal(s["default"]) for n, s in declared.items()}
        try:
            validate(
                path.stem, {n: v for n, (ok, v) in defaults.items() if ok} | values, path.parent
            )
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
        if (
            expected in TYPES
            and not isinstance(value, TYPES[expected])
            or (expected in ("int", "float") and isinstance(value, bool))
        ):
            raise ParameterError(
                f"{label}: {name} must be of type {expected} (the notebook's default is "
                f"{short(declared[name]['default'])}); got {short(value)}"
            )
