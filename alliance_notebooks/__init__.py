"""Tools around the chapters: parameter checks, house style, runner, student editions, CLI.

>>> from alliance_notebooks import check_parameters, publish, style

Names are imported on first use, so that the command line starts (and installs its
signal handlers) before pandas and the data are loaded.
"""

import importlib

_LAZY = {
    "__version__": "alliance_data",
    "publish": "alliance_notebooks.key_figures",
    "ParameterError": "alliance_notebooks.parameters",
    "check_parameters": "alliance_notebooks.parameters",
}
__all__ = sorted(_LAZY)


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    if name in ("style", "exercises", "book", "chapters", "runner", "student"):
        return importlib.import_module(f"alliance_notebooks.{name}")
    raise AttributeError(f"module 'alliance_notebooks' has no attribute {name!r}")
