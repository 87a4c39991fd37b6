"""The project's wheel installed, alone, in a fresh venv without pip: what a user's
``pip install`` gives. The wheel is built once per session (``conftest.wheel``)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build_wheel(folder: Path) -> Path:
    """The wheel of this checkout in ``folder`` (built if it is not there yet)."""
    if not list(folder.glob("alliance_data-*.whl")):
        subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(folder), str(ROOT)],
            check=True,
            capture_output=True,
        )
    return next(folder.glob("alliance_data-*.whl"))


def venv_with(wheel: Path, venv: Path) -> tuple[Path, Path]:
    """A venv at ``venv`` holding only ``wheel`` (no dependencies): its python and purelib.
    The caller gives it the dependencies it should see."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    purelib = subprocess.check_output(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], text=True
    )
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps",
         str(wheel)],
        check=True, capture_output=True,
    )  # fmt: skip
    return python, Path(purelib.strip())
