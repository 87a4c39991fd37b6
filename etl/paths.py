"""Where the pipeline reads and writes."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "etl" / "raw"
REFERENCE = RAW / "reference"
CURATED = RAW / "curated"
METADATA = ROOT / "etl" / "metadata"
STEPS = ROOT / "etl" / "steps"
OUTPUT = ROOT / "alliance_data" / "data"
SHARED_REFERENCE = ROOT.parent / "shared" / "reference"
