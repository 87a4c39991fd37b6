"""What a run found: each job's key figures and figures against earlier runs (changes.json)."""

from __future__ import annotations

KINDS = ("changed", "appeared", "disappeared", "figures_changed")


def _diff(before: dict, after: dict) -> dict:
    old, new = before.get("key_figures"), after["key_figures"]
    old = old if isinstance(old, dict) else {}
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
    """Each job against the newest successful run of its file, same parameters preferred."""
    found, compared = {}, set()
    for nb in (e for e in entries if e["status"] == "succeeded"):
        done = [m for m in earlier if m.get("status") == "succeeded"]
        runs = [(m["run_id"], e) for m in done for e in m["notebooks"]
                if e["path"] == nb["path"] and e["status"] == "succeeded"]  # fmt: skip
        same = [r for r in runs if r[1]["parameters"] == nb["parameters"]]
        if not runs:
            found[nb["label"]] = {"new": True}
            continue
        (run_id, before), differ = (same or runs)[0], not same
        diff, _ = _diff(before, nb), compared.add(run_id)
        if differ or any(diff[k] for k in KINDS) or diff["figures_before"] != diff["figures_after"]:
            found[nb["label"]] = diff | {"compared_with": run_id, "compared_label": before["label"],
                                         "parameters_differ": differ,
                                         "compared_parameters": before["parameters"]}  # fmt: skip
    differing = [label for label, d in found.items() if not d.get("new")]
    ids = ", ".join(sorted(compared))
    summary = f"{len(differing)} notebook(s) differ from earlier runs ({ids})"
    if not differing:
        summary = "no key figure or figure changed since earlier runs" if compared else (
            "nothing to compare with: no earlier successful run of these notebooks")  # fmt: skip
    changed = any(found[k].get(x) for k in differing for x in KINDS[:3])
    return {"compared_with": sorted(compared) or None, "summary": summary,
            "key_figures_changed": changed, "notebooks": found}  # fmt: skip
