"""Check that every direct dependency is installed at exactly its declared lower bound.

Run by `.ci/lowest` after the lowest-direct install: a bound that the resolver cannot reach
(because another package needs more) is not tested, so it fails here and names the package.
"""

import sys
import tomllib
from importlib.metadata import version
from pathlib import Path

from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]


def declared() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"]
    requirements = project["dependencies"] + [
        r for extra in ("notebooks", "book", "test") for r in extras[extra]
    ]
    return dict(r.split(">=") for r in requirements if not r.startswith("alliance-data"))


def main() -> int:
    above = [
        f"{name}: declared >={floor}, installed {version(name)}"
        for name, floor in declared().items()
        if Version(version(name)) != Version(floor)
    ]
    for line in above:
        print(f"floor not tested: {line}", file=sys.stderr)
    print(f"{len(declared()) - len(above)} of {len(declared())} direct dependencies at their floor")
    return 1 if above else 0


if __name__ == "__main__":
    sys.exit(main())
