"""A run's ``index.html``: its changes, then every job with links to its outputs."""

from __future__ import annotations

from itertools import groupby
from pathlib import Path

from jinja2 import Environment

TEMPLATE = Path(__file__).with_name("templates") / "run-index.html.j2"
INDEX = Environment(autoescape=True).from_string(TEMPLATE.read_text(encoding="utf-8"))


def index(manifest: dict, changes: dict) -> str:
    """Render ``index.html`` from a run's manifest and changes; sets of one notebook grouped."""
    groups = [list(g) for _, g in groupby(manifest["notebooks"], key=lambda n: n["path"])]
    return INDEX.render(m=manifest, c=changes, groups=groups)
