"""``changes.json``: key figures and figure images against the previous successful run."""

from __future__ import annotations

import json
from pathlib import Path


def manifests(output_dir: Path, exclude: str = "") -> list[dict]:
    """Manifests of the finished runs in ``output_dir``, newest first."""
    found = []
    for folder in sorted(output_dir.iterdir(), reverse=True):
        if folder.name[:1].isdigit() and folder.name != exclude and folder.is_dir():
            try:
                found.append(json.loads((folder / "manifest.json").read_text(encoding="utf-8")))
            except (OSError, ValueError):
                continue  # a folder that is not a run of ours
    return found


def previous_success(output_dir: Path, run_id: str) -> dict | None:
    return next((m for m in manifests(output_dir, run_id) if m["status"] == "succeeded"), None)


def _compare(before: dict, after: dict) -> dict:
    old, new = before.get("key_figures", {}), after.get("key_figures", {})
    old_images, new_images = before.get("figures", []), after.get("figures", [])
    return {
        "changed": [
            {"name": k, "before": old[k], "after": new[k]}
            for k in new
            if k in old and old[k] != new[k]
        ],
        "appeared": [{"name": k, "value": new[k]} for k in new if k not in old],
        "disappeared": [{"name": k, "value": old[k]} for k in old if k not in new],
        "figures_changed": [
            i + 1 for i, (a, b) in enumerate(zip(old_images, new_images, strict=False)) if a != b
        ],
        "figures_before": len(old_images),
        "figures_after": len(new_images),
    }


def compare(previous: dict | None, notebooks: list[dict]) -> dict:
    """What changed in each notebook of this run since ``previous``."""
    if previous is None:
        return {
            "compared_with": None,
            "summary": "first successful run in this folder: nothing to compare with",
            "key_figures_changed": False,
            "notebooks": {},
        }
    before = {nb["notebook"]: nb for nb in previous["notebooks"] if nb["status"] == "succeeded"}
    result = {}
    for nb in notebooks:
        if nb["status"] != "succeeded":
            continue
        if nb["notebook"] not in before:
            result[nb["notebook"]] = {"new": True}
            continue
        diff = _compare(before[nb["notebook"]], nb)
        if any(diff[k] for k in ("changed", "appeared", "disappeared", "figures_changed")) or (
            diff["figures_before"] != diff["figures_after"]
        ):
            result[nb["notebook"]] = diff
    changed = any(d.get(k) for d in result.values() for k in ("changed", "appeared", "disappeared"))
    return {
        "compared_with": previous["run_id"],
        "summary": f"{len(result)} notebook(s) differ from run {previous['run_id']}"
        if result
        else f"no key figure or figure changed since run {previous['run_id']}",
        "key_figures_changed": changed,
        "notebooks": result,
    }
