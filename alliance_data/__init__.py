"""Cleaned, cited tables on the U.S.–Japan security alliance.

>>> import alliance_data as ad
>>> troops = ad.load("troops")
>>> print(ad.describe("troops"))
>>> print(ad.cite("troops", style="bibtex"))
>>> ad.labels("troops", "flag")  # what each flag code means
"""

from alliance_data.catalog import (
    DataIntegrityError,
    UnknownTableError,
    data_version,
    describe,
    labels,
    list_tables,
)
from alliance_data.citation import cite
from alliance_data.frames import events_titled, with_all_years
from alliance_data.loading import load, path
from alliance_data.prices import price_index, to_real

__version__ = "0.2.0"

__all__ = [
    "DataIntegrityError",
    "UnknownTableError",
    "__version__",
    "cite",
    "data_version",
    "describe",
    "events_titled",
    "labels",
    "list_tables",
    "load",
    "path",
    "price_index",
    "to_real",
    "with_all_years",
]
