"""Every chapter executed once per parameter set for the whole test session, and the results.

``parameter_sets()`` derives the sets from ``notebooks/chapters.yml``: the defaults; each
``reruns:`` entry; for a chapter with a ``window:``, 1970–1990, 2010–2025 (with every
``codes`` rule as an empty list) and the first and the last year of its data as one-year
windows; then a set for each edge value that no set uses yet: an empty list for a ``codes``
rule, the minimum and the maximum of an ``int``/``number`` rule, each value of a ``bool`` or
a listed ``choice``. Sets that ``validate`` refuses are kept apart (``refused``); the suite
checks that the runner refuses them too. ``SWEEP_CHAPTER`` gets six-year windows until it
has ``SWEEP_SIZE`` sets, which ``test_cluster.py`` also sends to a Dask cluster
(``sweep_sets()``) and compares with these local runs.

``execute_all(folder)`` runs them all with one ``alliance-notebooks run`` and writes
``folder/done.json``; ``ChapterRuns(folder)`` reads the results (see ``conftest.py``).
"""

from __future__ import annotations

import ast
import hashlib
import json
import os
import shutil
import subprocess
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any

import yaml

from alliance_notebooks.parameters import coverage

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
FIGURE_AUDIT = Path(__file__).resolve().parent / "figure_audit.py"
AUDIT_VARIABLE = "ALLIANCE_FIGURE_AUDIT"
WINDOWS = {"y1970-1990": (1970, 1990), "y2010-2025": (2010, 2025)}
SWEEP_CHAPTER, SWEEP_SIZE = "01_origins", 20
KEY_FIGURES = "application/vnd.alliance-notebooks.key-figures+json"


def defaults(stem: str) -> dict[str, Any]:
    """The values of a chapter's parameters cell."""
    import papermill

    from alliance_notebooks.chapters import read_notebook

    declared = papermill.inspect_notebook(read_notebook(NOTEBOOKS / f"{stem}.py"))
    return {name: ast.literal_eval(spec["default"]) for name, spec in declared.items()}


def _edges(spec: dict) -> dict[str, dict[str, Any]]:
    """Named windows: two spans, and one-year windows at both ends of the data."""
    if "window" not in spec:
        return {}
    first, last = coverage(spec)
    codes = {n: [] for n, rule in spec.get("parameters", {}).items() if rule["kind"] == "codes"}
    sets = {name: {"start_year": start, "end_year": end} for name, (start, end) in WINDOWS.items()}
    sets["y2010-2025"] |= codes  # empty code lists, in a window that has data
    sets[f"first-year-{first}"] = {"start_year": first, "end_year": first}
    sets[f"last-year-{last}"] = {"start_year": last, "end_year": last}
    return sets


def _edge_values(rule: dict) -> list[Any]:
    kind = rule["kind"]
    if kind in ("int", "number"):
        return [rule["min"], rule["max"]]
    return {"bool": [False, True], "choice": rule.get("values", []), "codes": [[]]}.get(kind, [])


def _uncovered(spec: dict, complete: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """A set for each edge value of a rule that no set uses yet."""
    sets = {}
    for name, rule in spec.get("parameters", {}).items():
        for value in _edge_values(rule):
            if not any(c.get(name) == value for c in complete):
                label = "empty" if value == [] else str(value).lower()
                sets[f"{name}-{label}"] = {name: value}
    return sets


def _sweep_windows(first: int, last: int):
    """Six-year windows, every other year from the start of a chapter's data."""
    for start in range(first, last - 6, 2):
        yield f"sweep-{start}-{start + 6}", {"start_year": start, "end_year": start + 6}


@dataclass
class ParameterSet:
    """One execution: a chapter, the set's name and values, and the complete parameters."""

    stem: str
    name: str
    values: dict[str, Any]
    parameters: dict[str, Any]  # defaults overridden by values
    refused: str = ""  # validate's message, for a set the runner must refuse

    @property
    def label(self) -> str:
        return f"{self.stem}[{self.name}]"


@cache
def parameter_sets() -> list[ParameterSet]:
    """Every parameter set of the session, each complete parameter dict once per chapter."""
    from alliance_notebooks.chapters import available, declarations
    from alliance_notebooks.parameters import ParameterError, validate

    declared = declarations(NOTEBOOKS)
    found: list[ParameterSet] = []
    for path in available(NOTEBOOKS):
        stem, spec = path.stem, declared[path.stem]
        named = {"defaults": {}}
        named |= {f"rerun-{i}": r["parameters"] for i, r in enumerate(spec.get("reruns", []), 1)}
        named |= _edges(spec)
        base = defaults(stem)
        named |= _uncovered(spec, [base | values for values in named.values()])
        if stem == SWEEP_CHAPTER:  # enough sets for the cluster test to compare with
            windows = _sweep_windows(*coverage(spec))
            while len({str(base | v) for v in named.values()}) < SWEEP_SIZE:
                named.setdefault(*next(windows))
        seen = []
        for name, values in named.items():
            complete = base | values
            if complete in seen:
                continue
            seen.append(complete)
            try:
                validate(stem, complete, NOTEBOOKS)
                refused = ""
            except ParameterError as error:
                refused = str(error)
            found.append(ParameterSet(stem, name, dict(values), complete, refused))
    return found


def sweep_sets() -> list[ParameterSet]:
    """The accepted sets of ``SWEEP_CHAPTER`` (at least ``SWEEP_SIZE``), all run locally too."""
    chosen = [s for s in parameter_sets() if s.stem == SWEEP_CHAPTER and not s.refused]
    assert len(chosen) >= SWEEP_SIZE, f"only {len(chosen)} sets of {SWEEP_CHAPTER}"
    return chosen


def params_file(sets: list[ParameterSet]) -> dict[str, list[dict[str, Any]]]:
    """The ``-f`` file of ``alliance-notebooks run``: stem -> list of named sets."""
    by_stem: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for s in sets:
        by_stem[s.stem].append({"set_name": s.name, **s.values})
    return dict(by_stem)


def audit_environment(folder: Path) -> dict[str, str]:
    """Environment variables under which every kernel runs the figure audit."""
    startup = folder / "ipython" / "profile_default" / "startup"
    startup.mkdir(parents=True, exist_ok=True)
    shutil.copy(FIGURE_AUDIT, startup / "00-figure_audit.py")
    return {"IPYTHONDIR": str(folder / "ipython"), AUDIT_VARIABLE: str(folder / "figures.jsonl")}


def execute_all(folder: Path) -> None:
    """Run every accepted set through the CLI (two local jobs); record the outcome."""
    folder.mkdir(parents=True, exist_ok=True)
    sets = [s for s in parameter_sets() if not s.refused]
    (folder / "sets.yaml").write_text(yaml.safe_dump(params_file(sets)), encoding="utf-8")
    command = [sys.executable, "-m", "alliance_notebooks.cli", "run", "--output-dir",
               str(folder / "runs"), "-f", str(folder / "sets.yaml"), "--jobs", "2"]  # fmt: skip
    env = os.environ | audit_environment(folder)
    env.pop("DASK_SCHEDULER_ADDRESS", None)  # this machine's pool, not a cluster
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    record = {"returncode": done.returncode, "stdout": done.stdout, "stderr": done.stderr}
    (folder / "done.json").write_text(json.dumps(record), encoding="utf-8")


def source_hash(source: str) -> str:
    return hashlib.sha256(source.encode()).hexdigest()[:16]


def _outputs(notebook, mime: str) -> str:
    found = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if mime == "stream" and output.get("output_type") == "stream":
                found.append(output.get("text", ""))
            elif mime != "stream":
                value = output.get("data", {}).get(mime)
                if value is not None:
                    found.append(value if isinstance(value, str) else "".join(value))
    return "\n".join(found)


@dataclass
class ChapterRun:
    """One executed parameter set: the manifest entry, the notebook, its outputs, figures."""

    set: ParameterSet
    entry: dict[str, Any] = field(repr=False)
    run_dir: Path = field(repr=False)
    figures: list[dict] | None = field(default=None, repr=False)  # audit records; None if none

    stem = property(lambda self: self.set.stem)
    label = property(lambda self: self.set.label)
    parameters = property(lambda self: self.set.parameters)

    @property
    def succeeded(self) -> bool:
        return self.entry.get("status") == "succeeded"

    @cached_property
    def notebook(self):
        import nbformat

        path = (self.run_dir / self.entry["outputs"]["ipynb"]["path"]).resolve()
        assert path.is_relative_to(self.run_dir.resolve()), f"{path} is outside the run"
        return nbformat.read(path, as_version=4)

    @cached_property
    def text(self) -> str:
        """Every stream and text/plain output, joined."""
        return _outputs(self.notebook, "stream") + "\n" + _outputs(self.notebook, "text/plain")

    @cached_property
    def prose(self) -> str:
        """What reads as sentences: streams, markdown, and plain text shown without a richer
        form (a DataFrame's text/plain copy of its HTML table is left out)."""
        found = [self.markdown]
        for cell in self.notebook.cells:
            for output in cell.get("outputs", []):
                data = output.get("data", {})
                if output.get("output_type") == "stream":
                    found.append(output.get("text", ""))
                elif set(data) & {"text/plain"} and not set(data) & {"text/html", "text/markdown"}:
                    found.append(data["text/plain"])
        return "\n".join(found)

    @cached_property
    def markdown(self) -> str:
        return _outputs(self.notebook, "text/markdown")

    @cached_property
    def html(self) -> str:
        return _outputs(self.notebook, "text/html")

    @property
    def key_figures(self) -> dict[str, Any]:
        return self.entry["key_figures"]

    def errors(self) -> list[tuple[int, list[str], str]]:
        """(cell index, tags, 'ename: evalue') of every error output."""
        return [
            (i, cell.metadata.get("tags", []), f"{out.get('ename')}: {out.get('evalue')}")
            for i, cell in enumerate(self.notebook.cells)
            for out in cell.get("outputs", [])
            if out.get("output_type") == "error"
        ]

    def executed_cells(self) -> tuple[str, ...]:
        """Hashes of the code cells a kernel ran, in order (nbclient skips empty ones)."""
        return tuple(
            source_hash(c.source)
            for c in self.notebook.cells
            if c.cell_type == "code" and c.source.strip()
        )


class ChapterRuns:
    """The session's executed chapters, read from the folder ``execute_all`` wrote."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.outcome = json.loads((folder / "done.json").read_text(encoding="utf-8"))
        manifests = sorted((folder / "runs").glob("*/manifest.json"))
        manifests = [m for m in manifests if m.parent.name != "latest"]
        if len(manifests) != 1:
            raise RuntimeError(
                f"the session's run left {len(manifests)} run folders; exit code "
                f"{self.outcome['returncode']}: {self.outcome['stderr'][-2000:]}"
            )
        self.run_dir = manifests[0].parent
        self.manifest = json.loads(manifests[0].read_text(encoding="utf-8"))
        self.sets = parameter_sets()
        entries = {entry["label"]: entry for entry in self.manifest["notebooks"]}
        self.runs = [
            ChapterRun(s, entries[s.label], self.run_dir) for s in self.sets if not s.refused
        ]
        self.refused = [s for s in self.sets if s.refused]
        self._attach_figures()

    def _attach_figures(self) -> None:
        """Give each run the audit records of the kernel that ran its cells."""
        cells, figures = defaultdict(list), defaultdict(list)
        audit = self.folder / "figures.jsonl"
        lines = audit.read_text(encoding="utf-8").splitlines() if audit.exists() else []
        for record in map(json.loads, lines):
            if "figure" in record:
                figures[record["kernel"]].append(record["figure"])
            else:
                cells[record["kernel"]].append(record["cell"])
        kernels = {tuple(seq): kernel for kernel, seq in cells.items()}
        for run in self.runs:
            if run.succeeded and (kernel := kernels.get(run.executed_cells())):
                run.figures = figures[kernel]

    def all(self) -> list[ChapterRun]:
        return list(self.runs)

    def of(self, stem: str) -> list[ChapterRun]:
        return [r for r in self.runs if r.stem == stem]

    def get(self, stem: str, parameters: dict[str, Any] | None = None) -> ChapterRun:
        """The run of ``stem`` with these parameters (the rest at their defaults)."""
        wanted = defaults(stem) | (parameters or {})
        for run in self.of(stem):
            if run.parameters == wanted:
                return run
        known = "; ".join(f"{r.set.name}: {r.set.values}" for r in self.of(stem))
        raise KeyError(
            f"{stem} was not executed with {wanted} in this session; add the set to "
            f"`reruns:` in chapters.yml (or to tests/session_runs.py). Executed sets: {known}"
        )

    def run_folder(self, destination: Path, runs: list[ChapterRun]) -> Path:
        """A run folder holding only ``runs`` (manifest and outputs), e.g. for the book."""
        destination.mkdir(parents=True)
        for run in runs:
            for output in run.entry["outputs"].values():
                shutil.copy(self.run_dir / output["path"], destination / output["path"])
        manifest = {**self.manifest, "notebooks": [r.entry for r in runs], "status": "succeeded"}
        (destination / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
        return destination
