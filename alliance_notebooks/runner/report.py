"""The run's manifest.json and index.html."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from jinja2 import Environment

INDEX = Environment(autoescape=True).from_string("""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Run {{ m.run_id }}</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem}table{border-collapse:collapse}
td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left;vertical-align:top}
.succeeded{color:#006d2c}.failed{color:#b30000;font-weight:bold}code{font-size:.85em}</style>
</head><body>
<h1>alliance-notebooks run {{ m.run_id }}</h1>
<p>Status: <span class="{{ m.status }}">{{ m.status }}</span> ·
started {{ m.started }} · ended {{ m.ended }} · package {{ m.package_version }} ·
data {{ m.data_version }}</p>
<table><thead><tr><th>notebook</th><th>status</th><th>duration (s)</th><th>parameters</th>
<th>outputs</th></tr></thead><tbody>
{% for nb in m.notebooks %}<tr><td>{{ nb.notebook }}</td>
<td class="{{ nb.status }}">{{ nb.status }}{% if nb.error %}<br>
<code>cell {{ nb.error.cell_index }}: {{ nb.error.ename }}: {{ nb.error.evalue }}</code>
{% endif %}</td>
<td>{{ nb.duration_s }}</td><td><code>{{ nb.parameters | tojson }}</code></td>
<td>{% for kind, out in nb.outputs.items() %}<a href="{{ out.path }}">{{ kind }}</a> {% endfor %}
</td></tr>{% endfor %}
</tbody></table></body></html>
""")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def outputs(run_dir: Path, stem: str) -> dict:
    """Relative paths and hashes of a notebook's executed copy and HTML export."""
    found = {}
    for kind, name in (("ipynb", f"{stem}.ipynb"), ("html", f"{stem}.html")):
        path = run_dir / name
        if path.exists():
            found[kind] = {"path": name, "sha256": sha256(path)}
    return found


def write(run_dir: Path, manifest: dict) -> None:
    (run_dir / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    (run_dir / "index.html").write_text(INDEX.render(m=manifest), encoding="utf-8")
