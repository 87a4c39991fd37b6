"""Tools around the chapters: parameter checks, house style, runner, student editions, CLI.

>>> from alliance_notebooks import check_parameters, publish, style
"""

from alliance_data import __version__
from alliance_notebooks.key_figures import publish
from alliance_notebooks.parameters import ParameterError, check_parameters

__all__ = ["ParameterError", "__version__", "check_parameters", "publish"]
