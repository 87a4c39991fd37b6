"""Check that every direct dependency is installed at exactly its declared lower bound.

Run by `.ci/lowest` after the lowest-direct install of the package with its `notebooks` and
`book` extras and the `test` dependency group: a bound that the resolver cannot reach
(because another package needs more) is not tested, so it fails here and names the package.
The `colab` extra is not covered: its floors are Colab's own versions, below the notebooks
extra's, and the two cannot be installed together.
"""

import re
import sys
import tomllib
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from packaging.requirements import Requirement
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
PROJECT = "alliance-data"


def declared() -> dict[str, Version]:
    """Each requirement's name and its `>=` floor (every requirement must have one)."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    project = pyproject["project"]
    extras = project["optional-dependencies"]
    requirements = [
        *project["dependencies"],
        *extras["notebooks"],
        *extras["book"],
        *(r for r in pyproject["dependency-groups"]["test"] if isinstance(r, str)),
    ]
    floors = {}
    for text in requirements:
        requirement = Requirement(text)
        if re.sub(r"[-_.]+", "-", requirement.name).lower() == PROJECT:
            continue
        lower = [s.version for s in requirement.specifier if s.operator == ">="]
        if len(lower) != 1:
            raise SystemExit(f"{text}: every requirement needs exactly one >= floor")
        floors[requirement.name] = Version(lower[0])
    return floors


def installed(name: str) -> Version | None:
    try:
        return Version(version(name))
    except PackageNotFoundError:
        return None


def main() -> int:
    floors = declared()
    above = [
        f"{name}: declared >={floor}, installed {installed(name)}"
        for name, floor in floors.items()
        if installed(name) != floor
    ]
    for line in above:
        print(f"floor not tested: {line}", file=sys.stderr)
    print(f"{len(floors) - len(above)} of {len(floors)} direct dependencies at their floor")
    return 1 if above else 0


if __name__ == "__main__":
    sys.exit(main())
