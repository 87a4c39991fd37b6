"""Editable copies of the chapters for a teacher or researcher."""

from __future__ import annotations

import shutil
from pathlib import Path

from alliance_notebooks.chapters import DECLARATIONS, available
from alliance_notebooks.parameters import ParameterError


def copy_chapters(source: Path, destination: Path, *, force: bool = False) -> list[Path]:
    """Copy every chapter and ``chapters.yml`` from ``source`` into ``destination``.

    Existing files are kept unless ``force``; copying a folder onto itself is refused.
    """
    if destination.resolve() == source.resolve():
        raise ParameterError(f"{destination} is the chapters' own folder; choose another folder")
    files = [*available(source), source / DECLARATIONS]
    clashes = [destination / f.name for f in files if (destination / f.name).exists()]
    if clashes and not force:
        raise ParameterError(
            f"{destination} already holds {', '.join(p.name for p in clashes[:3])}"
            f"{' …' if len(clashes) > 3 else ''}; pass --force to overwrite"
        )
    destination.mkdir(parents=True, exist_ok=True)
    return [Path(shutil.copy2(f, destination / f.name)) for f in files]
