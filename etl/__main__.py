"""Regenerate every clean table: ``python -m etl`` (or ``python -m etl --check``)."""

import argparse
import filecmp
import sys
import tempfile
from pathlib import Path

from etl.build import write
from etl.paths import OUTPUT


def check() -> int:
    """Rebuild into a temporary folder and compare byte for byte with the shipped files."""
    with tempfile.TemporaryDirectory() as tmp:
        write(Path(tmp))
        names = sorted(p.name for p in Path(tmp).iterdir())
        _, mismatch, errors = filecmp.cmpfiles(tmp, OUTPUT, names, shallow=False)
    for name in mismatch + errors:
        print(f"differs from a fresh build: alliance_data/data/{name}", file=sys.stderr)
    return 1 if mismatch or errors else 0


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m etl", description=__doc__)
    parser.add_argument("--check", action="store_true", help="verify instead of writing")
    args = parser.parse_args()
    if args.check:
        return check()
    write(OUTPUT)
    print(f"wrote {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
