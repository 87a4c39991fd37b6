"""What a run found: ``changes.json`` against earlier runs, and the run's ``index.html``."""

from __future__ import annotations

from itertools import groupby

from jinja2 import Environment

INDEX = Environment(autoescape=True).from_string("""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Run {{ m.run_id }}</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem}table{border-collapse:collapse}
td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left;vertical-align:top}
.succeeded{color:#006d2c}.failed{color:#b30000;font-weight:bold}code{font-size:.85em}
.changed{background:#fff3cd}.set td:first-child{padding-left:1.6rem}</style>
</head><body>
<h1>alliance-notebooks run {{ m.run_id }}</h1>
<p>Status: <span class="{{ m.status }}">{{ m.status }}</span> · started {{ m.started }} ·
finished {{ m.finished }} · package {{ m.package_version }} · data {{ m.data_version }} ·
{{ m.executed }} executed, {{ m.cached }} reused from the cache</p>
<section id="changes"><h2>Changes since earlier runs</h2><p>{{ c.summary }}</p>
{% for label, d in c.notebooks.items() %}<h3>{{ label }}</h3>
{% if d.new %}<p>No earlier successful run of this notebook: nothing to compare with.</p>
{% else %}<p>Compared with {{ d.compared_label }} in run {{ d.compared_with }}{% if
d.parameters_differ %}, <strong>whose parameters differ</strong>: <code>{{ d.compared_parameters
| tojson }}</code>{% else %}, same parameters{% endif %}.</p><ul>
{% for k in d.changed %}<li class="changed">{{ k.name }}: {{ k.before }} → {{ k.after }}</li>
{% endfor %}{% for k in d.appeared %}<li>new: {{ k.name }} = {{ k.value }}</li>{% endfor %}
{% for k in d.disappeared %}<li>gone: {{ k.name }} (was {{ k.value }})</li>{% endfor %}
{% if d.figures_changed %}<li>figure(s) {{ d.figures_changed | join(', ') }} look different</li>
{% endif %}{% if d.figures_before != d.figures_after %}<li>{{ d.figures_before }} figure(s)
before, {{ d.figures_after }} now</li>{% endif %}</ul>{% endif %}{% endfor %}</section>
<h2>Notebooks in this run</h2>
<table><thead><tr><th>notebook</th><th>status</th><th>seconds</th><th>cached</th>
<th>parameters</th><th>outputs</th></tr></thead><tbody>
{% for entries in groups %}{% if entries | length > 1 %}<tr><th colspan="6">
{{ entries[0].notebook }} ({{ entries | length }} parameter sets)</th></tr>{% endif %}
{% for nb in entries %}<tr{% if entries | length > 1 %} class="set"{% endif %}>
<td>{{ nb.label }}</td><td class="{{ nb.status }}">{{ nb.status }}{% if nb.error %}<br><code>
{% if nb.error.cell is not none %}cell {{ nb.error.cell }}: {% endif %}{{ nb.error.ename }}:
{{ nb.error.evalue }}</code>{% endif %}</td><td>{{ nb.duration_s }}</td>
<td>{% if nb.cached %}yes, from run {{ nb.reused_from }}{% else %}no{% endif %}</td>
<td><code>{{ nb.parameters | tojson }}</code></td>
<td>{% for kind, out in nb.outputs.items() %}<a href="./{{ out.path | urlencode }}">{{ kind
}}</a> {% endfor %}</td></tr>{% endfor %}{% endfor %}</tbody></table>
</body></html>
""")
KINDS = ("changed", "appeared", "disappeared", "figures_changed")


def _mapping(value) -> dict:
    return value if isinstance(value, dict) else {}


def _diff(before: dict, after: dict) -> dict:
    old, new = _mapping(before.get("key_figures")), after["key_figures"]
    old_images, new_images = before.get("figure_hashes"), after["figure_hashes"]
    old_images = old_images if isinstance(old_images, list) else []
    pairs = enumerate(zip(old_images, new_images, strict=False))
    return {
        "changed": [{"name": k, "before": old[k], "after": v} for k, v in new.items() if k in old
                    and old[k] != v],
        "appeared": [{"name": k, "value": v} for k, v in new.items() if k not in old],
        "disappeared": [{"name": k, "value": v} for k, v in old.items() if k not in new],
        "figures_changed": [i + 1 for i, (a, b) in pairs if a != b],
        "figures_before": len(old_images),
        "figures_after": len(new_images),
    }  # fmt: skip


def compare(entries: list[dict], earlier: list[dict]) -> dict:
    """Each successful job against the newest successful run of the same notebook file,
    preferring one with the same parameters (and saying when the parameters differ)."""
    found, compared = {}, set()
    for nb in (e for e in entries if e["status"] == "succeeded"):
        runs = [
            (m["run_id"], e)
            for m in earlier
            if m.get("status") == "succeeded"
            for e in m["notebooks"]
            if e["path"] == nb["path"] and e["status"] == "succeeded"
        ]
        same = [r for r in runs if r[1]["parameters"] == nb["parameters"]]
        if not runs:
            found[nb["label"]] = {"new": True}
            continue
        (run_id, before), differ = (same or runs)[0], not same
        diff, _ = _diff(before, nb), compared.add(run_id)
        if differ or any(diff[k] for k in KINDS) or diff["figures_before"] != diff["figures_after"]:
            found[nb["label"]] = diff | {
                "compared_with": run_id,
                "compared_label": before["label"],
                "parameters_differ": differ,
                "compared_parameters": before["parameters"],
            }
    differing = [label for label, d in found.items() if not d.get("new")]
    summary = (
        f"{len(differing)} notebook(s) differ from earlier runs ({', '.join(sorted(compared))})"
    )
    if not differing:
        summary = "no key figure or figure changed since earlier runs" if compared else (
            "nothing to compare with: no earlier successful run of these notebooks")  # fmt: skip
    changed = any(found[k].get(x) for k in differing for x in KINDS[:3])
    result = {"compared_with": sorted(compared) or None, "summary": summary}
    return result | {"key_figures_changed": changed, "notebooks": found}


def index(manifest: dict, changes: dict) -> str:
    """``index.html``: changes, then every job with links to its outputs."""
    groups = [list(g) for _, g in groupby(manifest["notebooks"], key=lambda n: n["path"])]
    return INDEX.render(m=manifest, c=changes, groups=groups)
