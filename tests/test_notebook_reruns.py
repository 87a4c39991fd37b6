"""Every chapter re-run through papermill with the non-default values in chapters.yml.

A file of its own so that pytest-xdist (--dist loadfile) runs these beside the default runs.
"""

import re

import pytest
from chapter_runs import CHAPTERS, DECLARED, NOTEBOOKS, execute, output_text

from alliance_notebooks.parameters import validate

YEARS = re.compile(r"Data shown: (\d{4})–(\d{4})")
RERUNS = [
    pytest.param(path, i, id=f"{path.stem}-{i}")
    for path in CHAPTERS
    for i in range(len(DECLARED.get(path.stem, {}).get("reruns", [])))
]


@pytest.mark.parametrize(("path", "index"), RERUNS)
def test_rerun_with_other_parameters_reflects_them(path, index, tmp_path):
    rerun = DECLARED[path.stem]["reruns"][index]
    executed = execute(path, tmp_path / path.name, rerun["parameters"])
    text = output_text(executed)
    for fragment in rerun["expect"]:
        assert fragment in text
    if "start_year" in rerun["parameters"]:
        window = validate(path.stem, rerun["parameters"], NOTEBOOKS)
        spans = [(int(a), int(b)) for a, b in YEARS.findall(text)]
        assert spans, "the notebook must print 'Data shown: <first>–<last>'"
        for first, last in spans:
            assert window["start_year"] <= first <= last <= window["end_year"]
