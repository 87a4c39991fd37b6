"""Resolve notebooks and check run parameters before any kernel starts."""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import papermill
import yaml

from alliance_notebooks.chapters import available, declaration
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


@dataclass
class NotebookPlan:
    """One notebook to run: its path and the complete parameter set it will get."""

    path: Path
    declared: dict[str, dict] = field(default_factory=dict)
    overrides: dict[str, Any] = field(default_factory=dict)

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

    A name that is an existing ``.ipynb`` path runs that file; all chapters if no names.
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
        if as_path.suffix == ".ipynb" and as_path.is_file():
            paths.append(as_path.resolve())
        elif name in by_stem or as_path.stem in by_stem and as_path.suffix == ".ipynb":
            paths.append(by_stem[as_path.stem])
        else:
            raise ParameterError(
                f"unknown notebook {name!r}: not a notebook file, and not a chapter in "
                f"{notebooks_dir}; available chapters are: {', '.join(by_stem) or 'none'}"
            )
    return paths


def parse_assignments(assignments: list[str]) -> dict[str | None, dict[str, Any]]:
    """``-p name=value`` (all notebooks) or ``-p NOTEBOOK:name=value`` (one notebook).

    Values are YAML literals: ``1990``, ``true``, ``[DEU, KOR]``, ``medium``.
    """
    scoped: dict[str | None, dict[str, Any]] = {}
    for item in assignments:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise ParameterError(f"-p expects name=value or NOTEBOOK:name=value; got {item!r}")
        notebook, _, name = key.rpartition(":")
        scoped.setdefault(notebook or None, {})[name] = yaml.safe_load(value)
    return scoped


def load_file(path: Path) -> dict[str | None, dict[str, Any]]:
    """A YAML file of global values and/or per-notebook mappings keyed by notebook stem."""
    try:
        content = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as error:
        raise ParameterError(f"cannot read parameter file {path}: {error}") from None
    if not isinstance(content, dict):
        raise ParameterError(f"parameter file {path} must hold a mapping")
    scoped: dict[str | None, dict[str, Any]] = {None: {}}
    for key, value in content.items():
        if isinstance(value, dict):
            scoped.setdefault(Path(str(key)).stem, {}).update(value)
        else:
            scoped[None][key] = value
    return scoped


def plan(paths: list[Path], scoped: dict[str | None, dict[str, Any]]) -> list[NotebookPlan]:
    """Match values to notebooks, then check names, types and ranges; raise on any error."""
    plans = [NotebookPlan(p, papermill.inspect_notebook(str(p))) for p in paths]
    stems = {p.stem for p in plans}
    for notebook in scoped:
        if notebook is not None and notebook not in stems:
            raise ParameterError(
                f"parameters given for {notebook!r}, which is not in this run "
                f"({', '.join(sorted(stems))})"
            )
    for name in scoped.get(None, {}):
        if not any(name in p.declared for p in plans):
            raise ParameterError(
                f"no notebook in this run declares parameter {name!r}; declared parameters: "
                f"{', '.join(sorted({n for p in plans for n in p.declared}))}"
            )
    for nb in plans:
        values = {k: v for k, v in scoped.get(None, {}).items() if k in nb.declared}
        values.update(scoped.get(nb.stem, {}))
        for name, value in values.items():
            if name not in nb.declared:
                raise ParameterError(
                    f"{nb.stem} does not declare parameter {name!r}; its parameters are: "
                    f"{', '.join(nb.declared)}"
                )
            expected = expected_type(nb.declared[name])
            if (
                expected in TYPES
                and not isinstance(value, TYPES[expected])
                or (expected in ("int", "float") and isinstance(value, bool))
            ):
                raise ParameterError(f"{nb.stem}: {name} must be of type {expected}; got {value!r}")
        nb.overrides = values
        if declaration(nb.stem, nb.path.parent) is None:
            continue  # a notebook of the user's own: name and type checks only
        try:
            validate(nb.stem, nb.parameters, nb.path.parent)
        except ParameterError as error:
            raise ParameterError(f"{nb.stem}: {error}") from None
    return plans
