"""One build step per table: ``<name>.py`` exposes ``build() -> DataFrame`` and
``<name>.meta.yml`` beside it describes the table.

Catalogue order; the build runs ``sources`` last.
"""

TABLES = [
    "sources",
    "events",
    "treaty_provisions",
    "leaders",
    "troops",
    "troops_japan_by_area",
    "us_forces_by_service",
    "bases",
    "host_nation_support",
    "special_measures_agreements",
    "defense_spending",
    "opinion",
    "trade",
    "arms_transfers",
    "overseas_missions",
    "claims",
]
