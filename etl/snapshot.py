"""Snapshot the reference files this project uses into ``etl/raw/reference``.

Run ``python -m etl.snapshot`` on a machine that has ``../shared/reference``.
Each snapshot is a byte-identical copy (or a documented row/column subset) whose
provenance (origin, licence, access date, caveats) lives in ``PROVENANCE.yml``; files
compiled in this project (``compiled`` there) are only re-hashed.
"""

from __future__ import annotations

import hashlib
import shutil

import pandas as pd
import yaml

from etl.paths import REFERENCE, SHARED_REFERENCE

DMDC_KEEP_COLUMNS = [
    "ccode",
    "countryname",
    "year",
    "month",
    "source",
    "Location",
    "iso3c",
    "troops_ad",
    "Total",
    "Total Active Duty",
    "Total Ashore",
    "Total Afloat",
    "Navy Total",
    "Navy Active Duty",
]


def _subset_dmdc(src, dst, ccodes: list[int]):
    """Rows of the parsed DoD reports for the given COW codes, with the columns used."""
    frame = pd.read_csv(src)
    frame = frame.loc[frame["ccode"].isin(ccodes), DMDC_KEEP_COLUMNS]
    frame.to_csv(dst, index=False, lineterminator="\n")


def provenance() -> dict:
    """The provenance record of every snapshot file."""
    return yaml.safe_load((REFERENCE / "PROVENANCE.yml").read_text(encoding="utf-8"))


def sha256(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def snapshot_file(rel: str, entry: dict) -> None:
    """Re-create one snapshot file from ``../shared/reference``."""
    src, dst = SHARED_REFERENCE / entry["from"], REFERENCE / rel
    dst.parent.mkdir(parents=True, exist_ok=True)
    if entry.get("ccodes"):
        _subset_dmdc(src, dst, entry["ccodes"])
    else:
        shutil.copyfile(src, dst)


def main() -> None:
    if not SHARED_REFERENCE.is_dir():
        raise SystemExit(f"{SHARED_REFERENCE} not found: snapshots need ../shared/reference")
    record = provenance()
    for rel, entry in record["files"].items():
        snapshot_file(rel, entry)
        entry["sha256"] = sha256(REFERENCE / rel)
        print(f"snapshot {rel}")
    for rel, entry in record.get("compiled", {}).items():  # compiled here: only re-hashed
        entry["sha256"] = sha256(REFERENCE / rel)
    (REFERENCE / "PROVENANCE.yml").write_text(
        yaml.safe_dump(record, sort_keys=False, allow_unicode=True, width=100), encoding="utf-8"
    )


if __name__ == "__main__":
    main()
