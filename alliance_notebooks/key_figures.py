"""Publish a chapter's key figures so that tests and the runner can read them back."""

from __future__ import annotations

from numbers import Integral, Real
from typing import Any

MIMETYPE = "application/vnd.alliance-notebooks.key-figures+json"


def _plain(value: Any) -> Any:
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, Integral):
        return int(value)
    if isinstance(value, Real):
        return round(float(value), 3)
    return str(value)


def publish(**figures: Any) -> None:
    """Show ``name: value`` lines and attach them as JSON to the cell's output."""
    from IPython.display import display

    plain = {name: _plain(value) for name, value in figures.items()}
    text = "\n".join(f"{name}: {value}" for name, value in plain.items())
    display({"text/plain": text, MIMETYPE: plain}, raw=True)


def read(notebook) -> dict[str, Any]:
    """Every key figure published in an executed notebook (a ``nbformat`` node)."""
    found: dict[str, Any] = {}
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            found.update(output.get("data", {}).get(MIMETYPE, {}))
    return found
