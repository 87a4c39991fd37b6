"""Read a notebook's ``parameters`` cell without papermill, nbformat or jupytext.

``alliance-notebooks list`` only needs each parameter's name, default and help comment,
and importing the Jupyter stack to get them costs seconds. This reads the cell from a
jupytext percent-format ``.py`` source or an ``.ipynb`` file and returns the same fields as
``papermill.inspect_notebook`` (a test compares the two on every chapter).
"""

from __future__ import annotations

import ast
import io
import json
import re
import tokenize
from pathlib import Path

PERCENT_CELL = re.compile(r"^# %%(.*)$", re.MULTILINE)


def _from_percent_script(text: str) -> str:
    headers = list(PERCENT_CELL.finditer(text))
    for header, following in zip(headers, [*headers[1:], None], strict=True):
        if re.search(r"""tags\s*=\s*\[[^\]]*["']parameters["']""", header.group(1)):
            end = following.start() if following else len(text)
            return text[header.end() : end]
    return ""


def _from_ipynb(text: str) -> str:
    for cell in json.loads(text).get("cells", []):
        if cell.get("cell_type") == "code" and "parameters" in cell.get("metadata", {}).get(
            "tags", []
        ):
            source = cell.get("source", "")
            return "".join(source) if isinstance(source, list) else source
    return ""


def source(path: Path) -> str:
    """The source of the cell tagged ``parameters`` ('' when there is none)."""
    text = Path(path).read_text(encoding="utf-8")
    return _from_ipynb(text) if Path(path).suffix == ".ipynb" else _from_percent_script(text)


def _comments(code: str) -> dict[int, str]:
    """The comment on each line, by line number."""
    tokens = tokenize.generate_tokens(io.StringIO(code).readline)
    return {t.start[0]: t.string for t in tokens if t.type == tokenize.COMMENT}


def inspect(path: Path) -> dict[str, dict[str, str]]:
    """Each parameter as papermill describes it: name, inferred_type_name, default, help."""
    code = source(path)
    comments = _comments(code)
    found = {}
    for node in ast.parse(code).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, annotation = node.targets[0], "None"
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            target, annotation = node.target, ast.get_source_segment(code, node.annotation)
        else:
            continue
        if not isinstance(target, ast.Name):
            continue
        comment = comments.get(node.end_lineno, "")
        found[target.id] = {
            "name": target.id,
            "inferred_type_name": annotation,
            "default": ast.get_source_segment(code, node.value),
            "help": comment.lstrip("#").strip(),
        }
    return found
