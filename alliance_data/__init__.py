"""Cleaned, cited tables on the U.S.–Japan security alliance.

>>> import alliance_data as ad
>>> troops = ad.load("troops")
>>> print(ad.describe("troops"))
>>> print(ad.cite("troops", style="bibtex"))
"""

from alliance_data.catalog import DATA_VERSION, UnknownTableError, describe, list_tables
from alliance_data.citation import cite
from alliance_data.loading import DataIntegrityError, load
from alliance_data.parameters import ParameterError, validate_parameters

__version__ = "0.1.0"

__all__ = [
    "DATA_VERSION",
    "DataIntegrityError",
    "ParameterError",
    "UnknownTableError",
    "__version__",
    "cite",
    "describe",
    "list_tables",
    "load",
    "validate_parameters",
]
