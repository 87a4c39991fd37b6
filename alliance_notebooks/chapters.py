"""Where the chapters are, which notebook a name means, and what ``chapters.yml`` declares.

The chapters are jupytext percent-format ``.py`` files, their only tracked source; the
runner, the tests and student editions read them as notebooks (``read_notebook``).
``chapters.yml`` sits beside them and is the one declaration of every chapter's
tables, year window, parameters and test re-runs; the runner, ``list``, the notebooks' own
parameter checks and the tests all read it.
"""

from __future__ import annotations

import ast
import json
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

if TYPE_CHECKING:
    import nbformat

DECLARATIONS = "chapters.yml"
SOURCE_DIR = Path(__file__).resolve().parent.parent / "notebooks"  # in a source checkout
SCHEMA = Path(__file__).with_name("chapters.schema.json")
TYPES = dict(int=(int,), float=(int, float), str=(str,), bool=(bool,), list=(list,), dict=(dict,))


def packaged_dir() -> Path:
    """The chapters shipped inside the package (the wheel's copy of ``notebooks/``)."""
    packaged = Path(str(files("alliance_notebooks") / "chapters"))
    if (packaged / DECLARATIONS).is_file():
        return packaged
    return SOURCE_DIR  # an editable install reads the checkout's notebooks


def default_dir() -> Path:
    """``./notebooks`` when it exists, else the packaged chapters."""
    local = Path("notebooks")
    return local if local.is_dir() else packaged_dir()


def available(folder: Path) -> list[Path]:
    """The numbered chapters in a folder: their jupytext percent-format ``.py`` sources."""
    return sorted(folder.glob("[0-9][0-9]_*.py"))


def read_notebook(path: Path) -> nbformat.NotebookNode:
    """A notebook from a chapter's ``.py`` source (jupytext) or from an ``.ipynb`` file."""
    if Path(path).suffix == ".py":
        import jupytext

        return jupytext.read(path)
    import nbformat  # on first use: it takes a second to import

    return nbformat.read(path, as_version=4)


def _line(node: yaml.Node, path: list) -> int:
    """The line (1-based) of the YAML node at ``path`` (keys and list indexes)."""
    for step in path:
        if isinstance(node, yaml.MappingNode):
            key, node = next((k, v) for k, v in node.value if k.value == step)
            if step == path[-1] and not isinstance(node, yaml.MappingNode | yaml.SequenceNode):
                node = key
        elif isinstance(node, yaml.SequenceNode):
            node = node.value[step]
    return node.start_mark.line + 1


@cache
def _schema() -> dict[str, Any]:
    return json.loads(SCHEMA.read_text(encoding="utf-8"))


@cache
def _valid():
    """A compiled check of the schema: fast to import, unlike jsonschema (over 1 s in a kernel)."""
    import fastjsonschema

    return fastjsonschema.compile(_schema())


@cache
def _read(path: Path) -> dict[str, dict[str, Any]]:
    """``chapters.yml``, checked against ``chapters.schema.json``; a problem names its line."""
    import fastjsonschema

    from alliance_notebooks.parameters import ParameterError

    text = path.read_text(encoding="utf-8")
    try:
        node, content = yaml.compose(text, Loader=yaml.SafeLoader), yaml.safe_load(text) or {}
    except yaml.YAMLError as error:
        raise ParameterError(f"{path} is not valid YAML: {error}".replace("\n", " ")) from None
    try:
        _valid()(content)
        return content
    except fastjsonschema.JsonSchemaException:
        pass  # jsonschema's best match says which key, and so which line
    import jsonschema

    schema = _schema()
    problem = jsonschema.exceptions.best_match(
        jsonschema.Draft202012Validator(schema).iter_errors(content)
    )
    if problem is None:
        return content
    where, message = list(problem.absolute_path), problem.message
    if problem.validator == "additionalProperties":
        where.append(sorted(set(problem.instance) - set(problem.schema["properties"]))[0])
        allowed = ", ".join(problem.schema["properties"])
        message = f"unknown key {where[-1]!r} (allowed keys: {allowed})"
    name = ".".join(map(str, where)) or "the top level"
    raise ParameterError(f"{path}, line {_line(node, where)}: {name}: {message}")


def declarations(folder: Path | None = None) -> dict[str, dict[str, Any]]:
    """Every chapter's declaration: ``folder/chapters.yml``, else the packaged one."""
    for candidate in (folder, packaged_dir()):
        if candidate is not None and (Path(candidate) / DECLARATIONS).is_file():
            return _read((Path(candidate) / DECLARATIONS).resolve())
    return {}


def declaration(chapter: str, folder: Path | None = None) -> dict[str, Any] | None:
    """One chapter's declaration, or None for a notebook that is not a chapter."""
    return declarations(folder).get(chapter)


def short(value: Any, limit: int = 40) -> str:
    """At most ``limit`` characters of a value's repr, for messages about bad input."""
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + "…"


def resolve(names: list[str], notebooks_dir: Path) -> list[Path]:
    """Chapter stems from ``notebooks_dir`` or paths to notebook files; all chapters if none."""
    from alliance_notebooks.parameters import ParameterError

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


def inspect(path: Path) -> tuple[str, dict]:
    """The notebook as JSON text, and papermill's reading of its parameters cell."""
    import nbformat
    import papermill

    from alliance_notebooks.parameters import ParameterError

    try:
        notebook = read_notebook(path)
        for index, cell in enumerate(notebook.cells if path.suffix == ".py" else ()):
            cell.id = f"cell-{index}"  # jupytext draws random ids; the cache key needs the same
        return nbformat.writes(notebook), papermill.inspect_notebook(notebook)
    except Exception as error:  # not JSON, not a notebook, unreadable, a broken parameters cell
        message = f"cannot read notebook {path}: {type(error).__name__}: {short(str(error), 80)}"
        raise ParameterError(message) from None


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
