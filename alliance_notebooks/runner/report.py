"""The run's manifest.json, changes.json and index.html."""

from __future__ import annotations

import hashlib
import json
import os
from itertools import groupby
from pathlib import Path

from jinja2 import Environment

INDEX = Environment(autoescape=True).from_string("""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Run {{ m.run_id }}</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem}table{border-collapse:collapse}
td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left;vertical-align:top}
.succeeded{color:#006d2c}.failed{color:#b30000;font-weight:bold}code{font-size:.85em}
.changed{background:#fff3cd}.set td:first-child{padding-left:1.6rem}</style>
</head><body>
<h1>alliance-notebooks run {{ m.run_id }}</h1>
<p>Status: <span class="{{ m.status }}">{{ m.status }}</span> ·
started {{ m.started }} · ended {{ m.ended }} · package {{ m.package_version }} ·
data {{ m.data_version }} · {{ m.executed }} executed, {{ m.cached }} reused from the cache</p>
<section id="changes"><h2>Changes since the previous run</h2>
<p>{{ c.summary }}</p>
{% for label, d in c.notebooks.items() %}<h3>{{ label }}</h3>
{% if d.new %}<p>Not in the previous run: nothing to compare with.</p>{% else %}<ul>
{% for k in d.changed %}<li class="changed">{{ k.name }}: {{ k.before }} → {{ k.after }}</li>
{% endfor %}{% for k in d.appeared %}<li>new: {{ k.name }} = {{ k.value }}</li>{% endfor %}
{% for k in d.disappeared %}<li>gone: {{ k.name }} (was {{ k.value }})</li>{% endfor %}
{% if d.figures_changed %}<li>figure(s) {{ d.figures_changed | join(', ') }} look different</li>
{% endif %}{% if d.figures_before != d.figures_after %}<li>{{ d.figures_before }} figure(s)
before, {{ d.figures_after }} now</li>{% endif %}</ul>{% endif %}{% endfor %}
</section>
<h2>Notebooks in this run</h2>
<table><thead><tr><th>notebook</th><th>status</th><th>seconds</th><th>cached</th>
<th>parameters</th><th>outputs</th></tr></thead><tbody>
{% for stem, entries in groups %}{% if entries | length > 1 %}
<tr><th colspan="6">{{ stem }} ({{ entries | length }} parameter sets)</th></tr>{% endif %}
{% for nb in entries %}<tr{% if entries | length > 1 %} class="set"{% endif %}>
<td>{{ nb.notebook }}</td>
<td class="{{ nb.status }}">{{ nb.status }}{% if nb.error %}<br>
<code>{% if nb.error.cell_index is not none %}cell {{ nb.error.cell_index }}: {% endif %}
{{ nb.error.ename }}: {{ nb.error.evalue }}</code>{% endif %}</td>
<td>{{ nb.duration_s }}</td>
<td>{% if nb.cached %}yes, from run {{ nb.reused_from }}{% else %}no{% endif %}</td>
<td><code>{{ nb.parameters | tojson }}</code></td>
<td>{% for kind, out in nb.outputs.items() %}<a href="{{ out.path }}">{{ kind }}</a> {% endfor %}
</td></tr>{% endfor %}{% endfor %}
</tbody></table>
{% if m.earlier %}<h2>Not in this run: last good results from earlier runs</h2>
<table><thead><tr><th>notebook</th><th>from run</th><th>outputs</th></tr></thead><tbody>
{% for nb in m.earlier %}<tr><td>{{ nb.notebook }}</td><td>{{ nb.run_id }}</td>
<td>{% for kind, out in nb.outputs.items() %}<a href="../{{ nb.run_id }}/{{ out.path }}">{{ kind
}}</a> {% endfor %}</td></tr>{% endfor %}</tbody></table>{% endif %}
</body></html>
""")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def outputs(run_dir: Path, label: str) -> dict:
    """Relative paths and hashes of a notebook's executed copy and HTML export."""
    found = {}
    for kind, name in (("ipynb", f"{label}.ipynb"), ("html", f"{label}.html")):
        path = run_dir / name
        if path.exists():
            found[kind] = {"path": name, "sha256": sha256(path)}
    return found


def earlier_results(previous: list[dict], labels: set[str], output_dir: Path) -> list[dict]:
    """The newest successful result of each chapter not in this run, from earlier runs.

    Parameter sets (``stem[...]``) are not carried over: they belong to the run that asked.
    """
    found: dict[str, dict] = {}
    for manifest in previous:
        if not (output_dir / manifest["run_id"]).is_dir():
            continue
        for nb in manifest["notebooks"]:
            plain = nb["notebook"] == nb.get("source")
            if plain and nb["status"] == "succeeded" and nb["notebook"] not in labels | set(found):
                found[nb["notebook"]] = {**nb, "run_id": manifest["run_id"]}
    return sorted(found.values(), key=lambda nb: nb["notebook"])


def _write(path: Path, text: str) -> None:
    """Write aside, flush to disk, then rename: a full disk never leaves a half file."""
    temporary = path.with_name(f".{path.name}.tmp")
    with temporary.open("w", encoding="utf-8") as stream:
        stream.write(text)
        stream.flush()
        os.fsync(stream.fileno())
    os.replace(temporary, path)


def write(run_dir: Path, manifest: dict, changes: dict) -> None:
    _write(run_dir / "manifest.json", json.dumps(manifest, indent=2) + "\n")
    _write(run_dir / "changes.json", json.dumps(changes, indent=2) + "\n")
    groups = [(k, list(g)) for k, g in groupby(manifest["notebooks"], key=lambda n: n["source"])]
    _write(run_dir / "index.html", INDEX.render(m=manifest, c=changes, groups=groups))
