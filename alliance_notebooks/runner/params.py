"""Resolve notebooks and check run parameters before any kernel starts."""

from __future__ import annotations

import ast
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from alliance_notebooks.chapters import available, declaration, read_notebook
from alliance_notebooks.parameters import ParameterError, validate

# papermill's inferred type names -> Python types a value may have
TYPES = {
    "int": (int,),
    "float": (int, float),
    "str": (str,),
    "bool": (bool,),
    "list": (list,),
    "dict": (dict,),
}
MAX_FILE_BYTES = 64 * 1024  # a parameter file is a few lines; refuse anything far larger
SET_NAME = "set_name"  # the key by which a parameter set names itself
SET_NAME_PATTERN = re.compile(r"[A-Za-z0-9_.=-]{1,60}")


def short(value: Any, limit: int = 40) -> str:
    """At most ``limit`` characters of a value's repr, for messages about bad input."""
    try:
        text = repr(value)
    except ValueError:  # an int over Python's digit limit for str()
        return f"<an integer of about {int(math.log10(abs(value)))} digits>"
    return text if len(text) <= limit else text[:limit] + "…"


@dataclass
class NotebookPlan:
    """One execution: a notebook, the run's values for it, and the name of its outputs."""

    path: Path
    declared: dict[str, dict] = field(default_factory=dict)
    overrides: dict[str, Any] = field(default_factory=dict)
    label: str = ""  # the output's name: the stem, or ``stem[set]`` for a parameter set

    def __post_init__(self) -> None:
        self.label = self.label or self.path.stem

    @property
    def stem(self) -> str:
        return self.path.stem

    @property
    def parameters(self) -> dict[str, Any]:
        """Defaults from the notebook, overridden by the run's values."""
        defaults = {name: _literal(spec["default"]) for name, spec in self.declared.items()}
        return {**defaults, **self.overrides}


def _literal(text: str) -> Any:
    """The value of a default as written in the parameters cell (a Python literal)."""
    return ast.literal_eval(text)


def expected_type(spec: dict) -> str:
    """papermill's inferred type (from an annotation), else the type of the default."""
    if spec["inferred_type_name"] in TYPES:
        return spec["inferred_type_name"]
    return type(_literal(spec["default"])).__name__


def resolve(names: list[str], notebooks_dir: Path) -> list[Path]:
    """Notebook paths: chapter stems from ``notebooks_dir``, or paths to any notebook file.

    A name that looks like a path (ends in ``.ipynb`` or ``.py``, or holds a ``/``) must be
    an existing file and runs that file, never a chapter of the same name; all chapters if
    no names.
    """
    found = available(notebooks_dir)
    if not names:
        if not found:
            raise ParameterError(f"no notebooks found in {notebooks_dir}")
        return found
    by_stem = {p.stem: p for p in found}
    paths = []
    for name in names:
        as_path = Path(name)
        if name.endswith((".ipynb", ".py")) or "/" in name:
            if not as_path.is_file():
                raise ParameterError(f"notebook file {short(name, 80)} does not exist")
            paths.append(as_path.resolve())
        elif name in by_stem:
            paths.append(by_stem[name])
        else:
            raise ParameterError(
                f"unknown notebook {short(name)}: not a notebook file, and not a chapter in "
                f"{notebooks_dir}; available notebooks are: {', '.join(by_stem) or 'none'}"
            )
    return paths


class _StrictLoader(yaml.SafeLoader):
    """Safe YAML without anchors, aliases or explicit tags (no billion laughs, no !!set)."""

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise ParameterError("YAML anchors and aliases (& and *) are not accepted")
        if getattr(event, "tag", None) not in (None, "!"):
            raise ParameterError(f"YAML tags such as {short(event.tag)} are not accepted")
        return super().compose_node(parent, index)


def _plain(value: Any, where: str) -> Any:
    """Check that a parsed value is one a kernel can take: JSON types only."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list):
        return [_plain(v, where) for v in value]
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        return {k: _plain(v, where) for k, v in value.items()}
    kind = type(value).__name__
    hint = "; quote it to pass it as text" if kind in ("date", "datetime") else ""
    raise ParameterError(f"{where}: a {kind} value ({short(value)}) cannot be passed{hint}")


def _yaml(text: str, where: str) -> Any:
    try:
        return yaml.load(text, Loader=_StrictLoader)  # noqa: S506 (a safe loader subclass)
    except yaml.YAMLError as error:
        problem = getattr(error, "problem", None) or type(error).__name__
        raise ParameterError(f"{where}: not valid YAML ({short(problem, 60)})") from None
    except ValueError as error:  # e.g. an integer over Python's digit limit
        raise ParameterError(f"{where}: {short(str(error), 80)}") from None


def parse_assignments(assignments: list[str]) -> dict[str | None, dict[str, Any]]:
    """``-p name=value`` (all notebooks) or ``-p NOTEBOOK:name=value`` (one notebook).

    Values are YAML literals: ``1990``, ``true``, ``[DEU, KOR]``, ``medium``.
    """
    scoped: dict[str | None, dict[str, Any]] = {}
    for item in assignments:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise ParameterError(f"-p expects name=value or NOTEBOOK:name=value; got {short(item)}")
        notebook, _, name = key.rpartition(":")
        where = f"-p {short(key)}"
        scoped.setdefault(notebook or None, {})[name] = _plain(_yaml(value, where), where)
    return scoped


def load_file(path: Path) -> dict[str | None, Any]:
    """A YAML file of global values and per-notebook mappings (or lists of parameter sets)."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ParameterError(f"cannot read parameter file {path}: {error.strerror}") from None
    if len(raw) > MAX_FILE_BYTES:
        raise ParameterError(f"parameter file {path} is over {MAX_FILE_BYTES // 1024} KiB")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ParameterError(
            f"parameter file {path} is not UTF-8 text (byte {error.start})"
        ) from None
    content = _plain(_yaml(text, str(path)), str(path)) or {}
    if not isinstance(content, dict):
        raise ParameterError(f"parameter file {path} must hold a mapping")
    scoped: dict[str | None, Any] = {None: {}}
    for key, value in content.items():
        sets = isinstance(value, list) and value and all(isinstance(s, dict) for s in value)
        if isinstance(value, dict) or sets:
            scoped[Path(key).stem] = value
        else:
            scoped[None][key] = value
    return scoped


def _check_types(nb: NotebookPlan, values: dict[str, Any]) -> None:
    """Names and types, for a notebook of the user's own (chapters have richer rules)."""
    for name, value in values.items():
        if name not in nb.declared:
            raise ParameterError(
                f"{nb.stem} does not declare parameter {short(name)}; its parameters are: "
                f"{', '.join(nb.declared) or 'none'}"
            )
        expected = expected_type(nb.declared[name])
        if (
            expected in TYPES
            and not isinstance(value, TYPES[expected])
            or (expected in ("int", "float") and isinstance(value, bool))
        ):
            raise ParameterError(
                f"{nb.stem}: {name} must be of type {expected} (the notebook's default is "
                f"{short(nb.declared[name]['default'])}); got {short(value)}"
            )


def _set_label(stem: str, values: dict[str, Any]) -> str:
    """``stem[name]`` for a named set, else ``stem[k=v,…]`` (file-name safe)."""
    if SET_NAME in values:
        name = values.pop(SET_NAME)
        if not isinstance(name, str) or not SET_NAME_PATTERN.fullmatch(name):
            raise ParameterError(
                f"{stem}: {SET_NAME} must be 1-60 letters, digits or _.=-; got {short(name)}"
            )
        return f"{stem}[{name}]"
    inner = ",".join(f"{k}={_compact(v)}" for k, v in values.items()) or "defaults"
    inner = re.sub(r"[^A-Za-z0-9_.,=+-]", "_", inner)
    return f"{stem}[{inner[:120]}]"


def _compact(value: Any) -> str:
    if isinstance(value, list):
        return "+".join(map(_compact, value))
    return str(value).lower() if isinstance(value, bool) else str(value)


def _sets(stem: str, given: Any) -> list[tuple[str, dict[str, Any]]]:
    """(label, values) for each parameter set given for one notebook."""
    if given is None or isinstance(given, dict):
        return [(stem, dict(given or {}))]
    if not given or not all(isinstance(s, dict) for s in given):
        raise ParameterError(f"{stem}: a list of parameter sets must hold mappings")
    sets = [
        (_set_label(stem, dict(s)), {k: v for k, v in s.items() if k != SET_NAME}) for s in given
    ]
    labels = [label for label, _ in sets]
    if len(set(labels)) != len(labels):
        raise ParameterError(f"{stem}: two parameter sets have the same name")
    return sets


def plan(paths: list[Path], scoped: dict[str | None, Any]) -> list[NotebookPlan]:
    """Match values (and parameter sets) to notebooks, then check them all; raise on any error."""
    import papermill

    declared = {}
    for path in paths:
        try:
            declared[path] = papermill.inspect_notebook(read_notebook(path))
        except Exception as error:  # not JSON, not a notebook, unreadable
            kind = type(error).__name__
            message = f"cannot read notebook {path}: {kind}: {short(str(error), 80)}"
            raise ParameterError(message) from None
    stems = {p.stem for p in paths}
    for notebook in scoped:
        if notebook is not None and notebook not in stems:
            raise ParameterError(
                f"parameters given for {short(notebook)}, which is not in this run "
                f"({', '.join(sorted(stems))})"
            )
    common = scoped.get(None, {})
    for name in common:
        if not any(name in d for d in declared.values()):
            raise ParameterError(
                f"no notebook in this run declares parameter {short(name)}; declared "
                f"parameters: {', '.join(sorted({n for d in declared.values() for n in d}))}"
            )
    plans = []
    for path in paths:
        for label, values in _sets(path.stem, scoped.get(path.stem)):
            nb = NotebookPlan(path, declared[path], label=label)
            nb.overrides = {k: v for k, v in common.items() if k in nb.declared} | values
            _check(nb)
            plans.append(nb)
    return plans


def _check(nb: NotebookPlan) -> None:
    spec = declaration(nb.stem, nb.path.parent)
    if spec is None:
        _check_types(nb, nb.overrides)  # a notebook of the user's own
        return
    try:
        validate(nb.stem, nb.parameters, nb.path.parent)
    except ParameterError as error:
        text = str(error)
        raise ParameterError(text if text.startswith(nb.label) else f"{nb.label}: {text}") from None
