"""Writing files into a folder a user named, without following links or losing files.

Each file is written to a temporary file in the same folder and then renamed over its
name: a symbolic link standing at that name is replaced, never written through, and a
failed write leaves the earlier file as it was.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from alliance_notebooks.parameters import ParameterError


def check_folder(folder: Path, option: str) -> None:
    """Refuse a ``folder`` (named by ``option`` in messages) that exists as something other
    than a folder, or that could not be created because a file stands in its way."""
    if os.path.lexists(folder) and not folder.is_dir():
        raise ParameterError(f"{option} {folder} is a file, not a folder; give a folder")
    for parent in folder.absolute().parents:
        if os.path.lexists(parent):
            if not parent.is_dir():
                raise ParameterError(f"{option} {folder} lies inside {parent}, which is a file")
            return


def check_targets(targets: list[Path], force: bool) -> None:
    """Refuse targets that are folders, and existing targets (links included) unless
    ``force``."""
    folders = [t for t in targets if t.is_dir() and not t.is_symlink()]
    if folders:
        raise ParameterError(f"{folders[0]} is a folder; remove it or choose another folder")
    clashes = [t for t in targets if os.path.lexists(t)]
    if clashes and not force:
        names = ", ".join(p.name for p in clashes[:3]) + (" …" if len(clashes) > 3 else "")
        raise ParameterError(
            f"{clashes[0].parent} already holds {names}; pass --force to overwrite"
        )


def write_replacing(target: Path, write: Callable[[Path], object]) -> Path:
    """Call ``write(path)`` for a new temporary file beside ``target``, then rename it to
    ``target``, replacing whatever stands there (a link itself, not what it points to)."""
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(handle)
    temporary = Path(name)
    try:
        write(temporary)
        temporary.chmod(0o644)  # mkstemp creates 0600; the copies are meant to be shared
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
    return target


def copy_replacing(source: Path, target: Path) -> Path:
    """Copy ``source`` (contents and times) to ``target`` with ``write_replacing``."""
    return write_replacing(target, lambda temporary: shutil.copy2(source, temporary))
