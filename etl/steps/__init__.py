"""One build step per table; each module exposes ``build() -> DataFrame``."""

# Build order: sources last, because it keeps only the sources the other tables cite.
TABLES = [
    "events",
    "treaty_provisions",
    "leaders",
    "troops",
    "troops_japan_by_area",
    "bases",
    "host_nation_support",
    "special_measures_agreements",
    "defense_spending",
    "opinion",
    "trade",
    "arms_transfers",
    "overseas_missions",
    "claims",
    "sources",
]
