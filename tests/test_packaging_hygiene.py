"""What a packager, a Binder or Colab user and a maintainer rely on: one repository address
and no placeholders, a complete sdist, Binder and conda files that match pyproject, a light
Colab extra with a guarded install cell, the pandas bound policy, pinned actions, strict
pytest settings, the citation files, and a `list` command that does not import papermill."""

import ast
import json
import os
import re
import subprocess
import sys
import tarfile
import tomllib
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.version import Version
from repo_files import git_files, shipped_files

import alliance_data as ad
from alliance_data.catalog import datapackage

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PROJECT = PYPROJECT["project"]
HOMEPAGE = datapackage()["homepage"]  # the one setting: etl/metadata/package.yml
PLACEHOLDERS = ["<owner>", "<repo>", "<repo-url>", "OWNER/REPO"]
# conda-forge's names (feedstocks jupyter_client, jupyter_core, python-fastjsonschema)
CONDA_NAMES = {
    "jupyter-client": "jupyter_client",
    "jupyter-core": "jupyter_core",
    "fastjsonschema": "python-fastjsonschema",
}


def _requirements(*texts: str) -> dict[str, Requirement]:
    found = {}
    for text in texts:
        requirement = Requirement(text)
        found[re.sub(r"[-_.]+", "-", requirement.name).lower()] = requirement
    return found


def _floor(requirement: Requirement) -> Version:
    (floor,) = [Version(s.version) for s in requirement.specifier if s.operator == ">="]
    return floor


def _conda(path: Path) -> dict[str, str]:
    """An environment file's conda packages: name -> version spec ('' when none)."""
    env = yaml.safe_load(path.read_text(encoding="utf-8"))
    specs = {}
    for entry in env["dependencies"]:
        if isinstance(entry, str):
            name, _, spec = re.match(r"([A-Za-z0-9_.-]+)(([<>=!].*)?)$", entry).group(1, 2, 2)
            specs[name] = spec
    return specs


# --- one repository address, no placeholders ---------------------------------------------


def test_no_placeholder_addresses_in_any_shipped_file():
    this_file = Path(__file__).resolve()
    found = []
    for path in shipped_files():
        if path.resolve() == this_file:
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        found += [f"{path.relative_to(ROOT)}: {p}" for p in PLACEHOLDERS if p in text]
    assert found == []


def test_the_repository_address_is_the_same_everywhere():
    assert re.fullmatch(r"https://github\.com/[\w.-]+/[\w.-]+", HOMEPAGE)
    urls = PROJECT["urls"]
    assert urls["Homepage"] == urls["Source"] == HOMEPAGE
    assert all(url.startswith(HOMEPAGE) for url in urls.values())
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["repository-code"] == cff["url"] == HOMEPAGE
    assert cff["preferred-citation"]["repository-code"] == HOMEPAGE
    zenodo = json.loads((ROOT / ".zenodo.json").read_text(encoding="utf-8"))
    assert [r["identifier"] for r in zenodo["related_identifiers"]] == [HOMEPAGE]
    teaching = (ROOT / "docs" / "teaching.md").read_text(encoding="utf-8")
    slug = HOMEPAGE.removeprefix("https://github.com/")
    launchers = r"(?:mybinder\.org/v2/gh|colab\.research\.google\.com/github)/([^?\s`]+)"
    links = re.findall(launchers, teaching)
    assert links and all(link.startswith(slug + "/") for link in links), links


# --- the sdist ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sdist_names(tmp_path_factory) -> set[str]:
    out = tmp_path_factory.mktemp("sdist")
    subprocess.run(
        [sys.executable, "-m", "uv", "build", "--sdist", "--out-dir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (archive,) = out.glob("alliance_data-*.tar.gz")
    with tarfile.open(archive) as tar:
        return {m.name.split("/", 1)[1] for m in tar.getmembers() if m.isfile()}


def test_sdist_holds_every_tracked_file_and_nothing_git_ignores(sdist_names):
    required = {
        "CITATION.cff",
        ".zenodo.json",
        "CHANGELOG.md",
        "CONTRIBUTING.md",
        "LICENSE",
        "LICENSE-DATA",
        "noxfile.py",
        "docs/teaching.md",
        "benchmarks/bench_runner.py",
        ".github/workflows/ci.yml",
        "binder/environment.yml",
        "binder/postBuild",
        "notebooks/chapters.yml",
        "tests/test_packaging_hygiene.py",
    }
    assert required - sdist_names == set()
    tracked = git_files()
    if tracked is not None:  # in a checkout: exactly what git tracks, plus PKG-INFO
        assert {str(p.relative_to(ROOT)) for p in tracked} == sdist_names - {"PKG-INFO"}
    assert not [n for n in sdist_names if re.match(r"(runs|student|\.venv[^/]*)/", n)]


# --- conda and Binder -------------------------------------------------------------------------


def test_binder_builds_the_environment_first_and_installs_the_package_after():
    binder = ROOT / "binder"
    env = yaml.safe_load((binder / "environment.yml").read_text(encoding="utf-8"))
    assert env["channels"] == ["conda-forge"]
    # repo2docker builds the environment before copying the repository: no pip section
    assert not [d for d in env["dependencies"] if isinstance(d, dict)]
    post_build = binder / "postBuild"
    text = post_build.read_text(encoding="utf-8")
    assert text.startswith("#!") and "set -euo pipefail" in text
    assert os.access(post_build, os.X_OK)
    commands = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert "python -m pip install --no-cache-dir --no-deps ." in commands
    root_env = (ROOT / "environment.yml").read_text(encoding="utf-8")
    assert not re.search(r"^\s*-\s*-e\b", root_env, re.MULTILINE)


@pytest.mark.parametrize(
    ("env_file", "wanted"),
    [
        ("binder/environment.yml", ("notebooks",)),
        ("environment.yml", ("notebooks", "book", "test")),
    ],
)
def test_conda_environments_have_pyprojects_bounds_with_conda_forge_names(env_file, wanted):
    texts = list(PROJECT["dependencies"])
    for name in wanted:
        if name == "test":
            groups = PYPROJECT["dependency-groups"]["test"]
            texts += [r for r in groups if isinstance(r, str) and not r.startswith("alliance")]
        else:
            texts += PROJECT["optional-dependencies"][name]
    declared = _requirements(*texts)
    declared.pop("playwright", None)  # drives its own browser builds; pip only
    declared.pop("uv", None)  # runs cffconvert and builds the sdist in tests; pip only
    conda = _conda(ROOT / env_file)
    assert not set(CONDA_NAMES) & set(conda)  # the PyPI spellings are not conda-forge names
    mismatched = {
        name: (str(req.specifier), conda.get(CONDA_NAMES.get(name, name)))
        for name, req in declared.items()
        if set(str(req.specifier).split(","))
        != set((conda.get(CONDA_NAMES.get(name, name)) or "").split(","))
    }
    assert mismatched == {}


# --- Colab --------------------------------------------------------------------------------

IMPORT_NAMES = {"IPython": "ipython", "yaml": "pyyaml", "matplotlib_fontja": "matplotlib-fontja"}
NOT_FOR_COLAB = {"jupyterlab", "papermill", "nbclient", "ipykernel", "jupyter-client", "rich"}


def _third_party_imports(path: Path, seen: set[Path]) -> set[str]:
    """Third-party modules a file imports at module level (what importing it runs),
    following the alliance_notebooks modules it imports."""
    seen.add(path)
    body = ast.parse(path.read_text(encoding="utf-8")).body
    modules = {a.name for n in body if isinstance(n, ast.Import) for a in n.names}
    modules |= {
        f"{n.module}.{a.name}" if n.module == "alliance_notebooks" else n.module
        for n in body
        if isinstance(n, ast.ImportFrom) and n.module
        for a in n.names
    }
    found = set()
    for module in modules:
        top = module.split(".")[0]
        if top == "alliance_notebooks":
            target = ROOT / Path(*module.split("."))
            for candidate in (target.with_suffix(".py"), target / "__init__.py"):
                if candidate.is_file() and candidate not in seen:
                    found |= _third_party_imports(candidate, seen)
        elif top not in sys.stdlib_module_names and top != "alliance_data":
            found.add(IMPORT_NAMES.get(top, top))
    return found


def test_colab_extra_covers_the_chapters_without_the_jupyter_server_stack():
    colab = _requirements(*PROJECT["optional-dependencies"]["colab"])
    assert NOT_FOR_COLAB & set(colab) == set()
    # Colab's own versions (IPython 7.34, ipywidgets 7.7.1) must satisfy the floors
    assert colab["ipython"].specifier.contains("7.34.0")
    assert colab["ipywidgets"].specifier.contains("7.7.1")
    needed = set()
    for chapter in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.py")):
        needed |= _third_party_imports(chapter, set())
        if re.search(r"\.style\b", chapter.read_text(encoding="utf-8")):
            needed.add("jinja2")  # the pandas Styler
    assert needed - set(colab) - {"pandas"} == set()


def _colab_cell() -> str:
    teaching = (ROOT / "docs" / "teaching.md").read_text(encoding="utf-8")
    (cell,) = [b for b in re.findall(r"```python\n(.*?)```", teaching, re.S) if "colab" in b]
    return cell


def test_colab_cell_installs_the_colab_extra_from_the_repository_only_on_colab(tmp_path):
    cell = _colab_cell()
    (guard,) = [n for n in ast.parse(cell).body if isinstance(n, ast.If)]
    assert ast.unparse(guard.test) == "'google.colab' in sys.modules"
    assert f'"alliance-data[colab] @ git+{HOMEPAGE}"' in ast.unparse(guard)
    # Outside Colab it runs and does nothing: no IPython, no pip
    result = subprocess.run(
        [sys.executable, "-c", cell + "\nprint(sorted(m for m in sys.modules if 'IPython' in m))"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


# --- dependency policy and tool settings ------------------------------------------------------


def test_pandas_bound_admits_the_installed_major_and_excludes_only_the_next():
    """pandas is bounded below the next major release after the newest one the suite runs
    on, which may remove what today only warns; raise it once the suite passes there. The
    lowest-versions leg runs pandas at its floor, where only the bound's form is checked."""
    pandas = _requirements(*PROJECT["dependencies"])["pandas"]
    (upper,) = [Version(s.version) for s in pandas.specifier if s.operator == "<"]
    installed = Version(sys.modules["pandas"].__version__)
    assert upper.release == (upper.major,)  # a whole major version, e.g. <4
    assert pandas.specifier.contains(installed)
    if installed != _floor(pandas):
        assert upper.major == installed.major + 1
    for env_file in ("environment.yml", "binder/environment.yml"):
        conda = SpecifierSet(_conda(ROOT / env_file)["pandas"])
        assert conda == pandas.specifier, env_file


def test_dev_tools_are_dependency_groups_not_published_extras():
    assert {"test", "dev"} <= set(PYPROJECT["dependency-groups"])
    assert set(PROJECT["optional-dependencies"]) == {"notebooks", "book", "colab", "cluster"}


def test_pytest_is_strict_and_ignores_no_warning_category_wholesale():
    config = PYPROJECT["tool"]["pytest"]["ini_options"]
    assert {"--strict-config", "--strict-markers", "-ra"} <= set(config["addopts"])
    assert config["xfail_strict"] is True
    assert Version(config["minversion"]) <= Version(pytest.__version__)
    for entry in config["filterwarnings"]:
        action, message, *rest = entry.split(":")
        assert action != "ignore" or message, f"blanket filter {entry!r}"


def test_every_action_is_pinned_by_commit_and_no_checkout_keeps_the_token():
    for workflow in sorted((ROOT / ".github" / "workflows").glob("*.yml")):
        text = workflow.read_text(encoding="utf-8")
        data = yaml.safe_load(text)
        assert "workflow_run" not in data[True], workflow.name  # `on:` parses as True
        for job in data["jobs"].values():
            for step in job.get("steps", []):
                if "uses" not in step:
                    continue
                assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", step["uses"]), step["uses"]
                if step["uses"].startswith("actions/checkout@"):
                    assert step["with"]["persist-credentials"] is False, workflow.name
        for sha in re.findall(r"@([0-9a-f]{40})(?!\s+# v\d)", text):
            pytest.fail(f"{workflow.name}: {sha} has no release comment")


def test_citation_files_describe_software_and_data_and_match_the_package():
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["type"] == "software" and cff["version"] == ad.__version__
    assert cff["preferred-citation"]["version"] == ad.__version__
    (data,) = [r for r in cff["references"] if r["type"] == "data"]
    package = datapackage()
    assert data["version"] == package["version"]
    creators = [c["title"] for c in package["contributors"] if "creator" in c["roles"]]
    assert [a["name"] for a in cff["authors"]] == creators  # entities only, no invented people
    zenodo = json.loads((ROOT / ".zenodo.json").read_text(encoding="utf-8"))
    assert [c["name"] for c in zenodo["creators"]] == creators
    assert zenodo["title"] == cff["title"] and zenodo["upload_type"] == "software"


# --- `alliance-notebooks list` -------------------------------------------------------------


def test_list_reads_parameters_without_importing_papermill_or_nbformat(tmp_path):
    code = (
        "import sys\nfrom alliance_notebooks.cli import main\n"
        f"rc = main(['list', '--notebooks-dir', {str(ROOT / 'notebooks')!r}])\n"
        "print('HEAVY', sorted(m for m in ('papermill', 'nbformat', 'jupytext') "
        "if m in sys.modules), rc)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "HEAVY [] 0"
    assert '02_us_forces\tcompare_countries\tlist\t["DEU", "KOR"]' in result.stdout


@pytest.mark.parametrize("chapter", sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.py")), ids=str)
def test_list_reads_each_parameter_as_papermill_does(chapter):
    import papermill

    from alliance_notebooks import parameters_cell
    from alliance_notebooks.chapters import read_notebook

    expected = {k: dict(v) for k, v in papermill.inspect_notebook(read_notebook(chapter)).items()}
    assert parameters_cell.inspect(chapter) == expected
