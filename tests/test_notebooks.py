"""Every chapter: its declaration, and what it shows when executed with every parameter set
of the session (defaults, re-runs, 1970–1990, 2010–2025, one-year windows, edge values).

Nothing here executes a chapter: the tests read the session's shared runs (the
``chapter_runs`` fixture in conftest.py), and invalid values are refused before any kernel.
"""

import json
import re
import subprocess
from collections import defaultdict
from pathlib import Path

import papermill
import pytest
import yaml
from session_runs import parameter_sets

from alliance_notebooks import exercises
from alliance_notebooks.chapters import available, declarations, read_notebook
from alliance_notebooks.cli import main
from alliance_notebooks.parameters import validate

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
KEY_FIGURES = Path(__file__).resolve().parent / "key_figures"
CHAPTERS = available(NOTEBOOKS)
STEMS = [p.stem for p in CHAPTERS]
DECLARED = declarations(NOTEBOOKS)
SETS = [s for s in parameter_sets() if not s.refused]
SET_IDS = [s.label for s in SETS]
WINDOW_SETS = [s for s in SETS if "start_year" in s.parameters]
RERUNS = [
    pytest.param(stem, i, id=f"{stem}-{i}")
    for stem in STEMS
    for i in range(len(DECLARED[stem].get("reruns", [])))
]
DATA_SHOWN = re.compile(r"Data shown: (\d{4})–(\d{4})")
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
NOUNS = "source|agreement|mission|event|row|year|table|claim|base|figure|value|poll"
PLURALS = NOUNS.replace("|", "s|") + "s|countries"
NOUNS += "|country"
# Sentences that read wrongly, whatever the data: a count of one with a plural noun, a
# count other than one with a singular noun, "of these 1", "in 15 January".
BAD_PROSE = {
    "'of these 1'": re.compile(r"\bof these 1 \w+"),
    "one with a plural": re.compile(rf"(?<![\d.,–-])\b1 (?:more )?(?:{PLURALS})\b"),
    "several with a singular": re.compile(
        rf"(?<![\d.,–-])\b(?:0|[2-9]|[1-9]\d{{1,2}}) (?:more )?(?:{NOUNS})\b(?![-'’(])"
    ),
    "'in' before a day": re.compile(rf"\bin \d{{1,2}} (?:{MONTHS})\b"),
}
# What raw pandas formatting leaves in a displayed table.
RAW_TABLE = re.compile(r"\bNaN\b|\bNaT\b|&lt;NA&gt;|<NA>|\b00:00:00\b|\d\.\d*0{5}\b")


def run_of(chapter_runs, parameter_set):
    return chapter_runs.get(parameter_set.stem, parameter_set.values)


def shown(run) -> str:
    return run.text + "\n" + run.markdown


def test_every_chapter_is_declared_once():
    assert set(STEMS) == set(DECLARED)


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_parameters_cell_matches_the_declaration(path):
    notebook = read_notebook(path)
    tagged = [c for c in notebook.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    assert set(papermill.inspect_notebook(notebook)) == set(DECLARED[path.stem]["parameters"])
    assert notebook.metadata["kernelspec"]["name"] == "python3"


@pytest.mark.parametrize("parameter_set", SETS, ids=SET_IDS)
def test_every_cell_runs_without_an_unexpected_error(chapter_runs, parameter_set):
    """nbval's rule: no cell raises, except cells tagged raises-exception."""
    run = run_of(chapter_runs, parameter_set)
    assert run.succeeded, run.entry.get("error")
    unexpected = [e for e in run.errors() if "raises-exception" not in e[1]]
    assert unexpected == []


@pytest.mark.parametrize("stem", STEMS)
def test_defaults_give_the_checked_key_figures(chapter_runs, stem):
    expected = yaml.safe_load((KEY_FIGURES / f"{stem}.yml").read_text(encoding="utf-8"))
    assert chapter_runs.get(stem).key_figures == expected


@pytest.mark.parametrize(("stem", "index"), RERUNS)
def test_rerun_with_other_parameters_reflects_them(chapter_runs, stem, index):
    rerun = DECLARED[stem]["reruns"][index]
    text = shown(chapter_runs.get(stem, rerun["parameters"]))
    assert [fragment for fragment in rerun["expect"] if fragment not in text] == []


@pytest.mark.parametrize("parameter_set", WINDOW_SETS, ids=[s.label for s in WINDOW_SETS])
def test_data_shown_lies_inside_the_window(chapter_runs, parameter_set):
    window = validate(parameter_set.stem, parameter_set.parameters, NOTEBOOKS)
    text = shown(run_of(chapter_runs, parameter_set))
    spans = [(int(a), int(b)) for a, b in DATA_SHOWN.findall(text)]
    if window["end_year"] - window["start_year"] >= 5:  # a short window may hold no data
        assert spans, "the chapter must say 'Data shown: <first>–<last>'"
    outside = [
        span
        for span in spans
        if not window["start_year"] <= span[0] <= span[1] <= window["end_year"]
    ]
    assert outside == [], f"window {window['start_year']}–{window['end_year']}"


@pytest.mark.parametrize("parameter_set", SETS, ids=SET_IDS)
def test_figures_are_readable_and_captioned(chapter_runs, parameter_set):
    run = run_of(chapter_runs, parameter_set)
    assert run.figures is not None, "no figure audit for this run (did it fail?)"
    if parameter_set.name == "defaults":
        assert len(run.figures) >= 2, "every chapter has at least two figures"
    problems = {
        f"figure {i} {figure.get('titles', [''])[:1]}": figure.get("audit_error")
        or figure["problems"] + ([] if figure["caption"] else ["no caption (alt text)"])
        for i, figure in enumerate(run.figures, 1)
    }
    assert {name: found for name, found in problems.items() if found} == {}


def test_one_look_per_entity_across_the_book(chapter_runs):
    """A label keeps its colour, and its marker where it has one, in every figure."""
    colours, markers = defaultdict(lambda: defaultdict(set)), defaultdict(lambda: defaultdict(set))
    for run in chapter_runs.all():
        for figure in run.figures or []:
            for artist in figure.get("artists", []):
                colours[artist["label"]][artist["colour"]].add(run.label)
                if artist["marker"]:
                    markers[artist["label"]][artist["marker"]].add(run.label)
    assert colours, "the audit found no labelled artist at all"

    def conflicts(looks):
        return {
            label: {look: sorted(where)[:3] for look, where in found.items()}
            for label, found in looks.items()
            if len(found) > 1
        }

    assert conflicts(colours) == {}
    assert conflicts(markers) == {}


@pytest.mark.parametrize("stem", STEMS)
def test_every_solution_passes_its_own_check(chapter_runs, stem):
    text = chapter_runs.get(stem).text
    ids = sorted(key for key in exercises.REGISTRY if key.startswith(stem[:2] + "."))
    assert "not yet" not in text
    assert [i for i in ids if f"Exercise {i}: correct." not in text] == []


@pytest.mark.parametrize("parameter_set", SETS, ids=SET_IDS)
def test_generated_sentences_read_correctly(chapter_runs, parameter_set):
    text = run_of(chapter_runs, parameter_set).prose
    found = {
        problem: [text[max(m.start() - 50, 0) : m.end() + 20] for m in pattern.finditer(text)]
        for problem, pattern in BAD_PROSE.items()
    }
    assert {problem: where for problem, where in found.items() if where} == {}


@pytest.mark.parametrize("parameter_set", SETS, ids=SET_IDS)
def test_displayed_tables_are_formatted_for_people(chapter_runs, parameter_set):
    run = run_of(chapter_runs, parameter_set)
    tables = run.html + "\n" + run.markdown
    raw = sorted({m.group() for m in RAW_TABLE.finditer(tables)})
    assert raw == [], "a displayed table shows raw pandas formatting"


@pytest.mark.parametrize("stem", STEMS)
def test_invalid_parameters_are_refused_before_any_kernel(stem, tmp_path, monkeypatch, capsys):
    """The declared invalid values, and any derived set that validation refuses, make the
    CLI exit 2 with one line naming the parameter; no kernel starts (a startup script
    would leave a mark) and no run folder appears."""
    startup = tmp_path / "ipython" / "profile_default" / "startup"
    startup.mkdir(parents=True)
    mark = tmp_path / "a-kernel-started"
    (startup / "mark.py").write_text(f"open({str(mark)!r}, 'w').close()\n")
    monkeypatch.setenv("IPYTHONDIR", str(tmp_path / "ipython"))
    invalid = [DECLARED[stem]["invalid"]]
    invalid += [s.values for s in parameter_sets() if s.stem == stem and s.refused]
    for values in invalid:
        arguments = [f"{name}={json.dumps(value)}" for name, value in values.items()]
        options = [option for argument in arguments for option in ("-p", argument)]
        code = main(["run", stem, *options, "--output-dir", str(tmp_path / "runs")])
        error = capsys.readouterr().err
        assert code == 2, error
        assert error.startswith("alliance-notebooks: error: ") and error.count("\n") == 1
        assert any(name in error for name in values) and "allowed" in error
    assert not mark.exists(), "a kernel started for an invalid parameter"
    runs = tmp_path / "runs"
    assert not runs.exists() or not [p for p in runs.iterdir() if not p.name.startswith(".")]


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_saving_from_jupyterlab_leaves_the_text_source_unchanged(path, tmp_path):
    """JupyterLab saves a chapter through jupytext's contents manager: outputs, execution
    counts and front-end metadata never reach the tracked .py, and no .ipynb appears."""
    import asyncio

    import nbformat
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_server.services.contents.largefilemanager import AsyncLargeFileManager
    from jupytext.async_contentsmanager import build_async_jupytext_contents_manager_class

    for name in (path.name, "jupytext.toml"):
        (tmp_path / name).write_bytes((NOTEBOOKS / name).read_bytes())
    manager = build_async_jupytext_contents_manager_class(AsyncLargeFileManager)(
        root_dir=str(tmp_path)
    )

    async def explore_and_save():
        model = await manager.get(path.name, type="notebook", content=True)
        assert model["content"].cells, "jupytext did not open the .py as a notebook"
        for cell in model["content"].cells:
            if cell.cell_type == "code":
                cell.outputs = [nbformat.v4.new_output("stream", text="explored\n")]
                cell.execution_count = 7
                cell.metadata["scrolled"] = True
        model["content"].metadata["language_info"] = {"name": "python"}
        # JupyterLab writes the running kernel's spec into the notebook when it starts one
        spec = KernelSpecManager().get_kernel_spec("python3")
        model["content"].metadata["kernelspec"] = {
            "display_name": spec.display_name, "language": spec.language, "name": "python3"
        }  # fmt: skip
        model["content"].metadata["widgets"] = {"state": {}}
        await manager.save(model, path.name)

    asyncio.run(explore_and_save())
    assert (tmp_path / path.name).read_bytes() == path.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([path.name, "jupytext.toml"])


def test_only_text_sources_of_the_chapters_are_tracked():
    root = NOTEBOOKS.parent
    if not (root / ".git").exists():
        pytest.skip("not a git checkout (an unpacked sdist)")
    tracked = subprocess.run(
        ["git", "ls-files", "notebooks"], cwd=root, capture_output=True, text=True, check=True
    ).stdout.split()
    assert not [name for name in tracked if name.endswith(".ipynb")]
    assert {Path(name).stem for name in tracked if name.endswith(".py")} == set(STEMS)
