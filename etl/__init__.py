"""Raw → clean pipeline for the ``alliance_data`` tables (owid/etl style, one step per table)."""
