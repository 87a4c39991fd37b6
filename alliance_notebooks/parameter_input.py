"""Parameter values as a user gives them: ``-p [NOTEBOOK:]name=value`` and a YAML file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from alliance_notebooks.chapters import short
from alliance_notebooks.parameters import ParameterError

MAX_FILE_BYTES = 64 * 1024  # a parameter file is a few lines


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
