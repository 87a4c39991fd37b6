"""Editable copies of the chapters for a teacher or researcher."""

from __future__ import annotations

from pathlib import Path

from alliance_notebooks.chapters import DECLARATIONS, available
from alliance_notebooks.folders import check_folder, check_targets, copy_replacing
from alliance_notebooks.parameters import ParameterError


def copy_chapters(source: Path, destination: Path, *, force: bool = False) -> list[Path]:
    """Copy every chapter and ``chapters.yml`` from ``source`` into ``destination``.

    Existing files are kept unless ``force``; copying a folder onto itself, into a file or
    over a folder is refused; a symbolic link in ``destination`` is replaced by the copy,
    never written through.
    """
    check_folder(destination, "the destination")
    if destination.resolve() == source.resolve():
        raise ParameterError(f"{destination} is the chapters' own folder; choose another folder")
    files = [*available(source), source / DECLARATIONS]
    check_targets([destination / f.name for f in files], force)
    destination.mkdir(parents=True, exist_ok=True)
    return [copy_replacing(f, destination / f.name) for f in files]
