"""U.S. facilities in Japan from David Vine's list, each checked against a second source.

``bases/facility_checks.csv`` records, for every source row, what a second source says and
what was done: drop (duplicate), replace (coordinates from the second source), remove
(coordinates wrong, none to replace them) or check (kept, with the quality found).
"""

import json

import numpy as np
import pandas as pd
from matplotlib.path import Path as PolygonPath

from etl.common import read_reference
from etl.paths import REFERENCE

ACTIONS = {"drop", "replace", "remove", "check"}
CHECK_LIMIT_KM = 1.5  # a "checked" point is this close to the second source's


def in_okinawa(lat: pd.Series, lon: pd.Series) -> pd.Series:
    """Okinawa Prefecture lies south of 27.5°N between 126.5°E and 129.5°E."""
    return (lat < 27.5) & lon.between(126.5, 129.5)


def distance_km(lat1, lon1, lat2, lon2):
    """Great-circle distance in kilometres."""
    lat1, lon1, lat2, lon2 = map(np.radians, (lat1, lon1, lat2, lon2))
    a = (
        np.sin((lat2 - lat1) / 2) ** 2
        + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    )
    return 6371 * 2 * np.arcsin(np.sqrt(a))


def prefecture_of(lat: float, lon: float, outlines: dict) -> str | None:
    """The prefecture whose outline holds the point, else the nearest within 0.3°."""
    if np.isnan(lat):
        return None
    best, best_distance = None, 0.3
    for name, pref in outlines.items():
        ring = np.asarray(pref["outline"])
        if PolygonPath(ring).contains_point((lon, lat)):
            return name
        distance = np.hypot(ring[:, 0] - lon, ring[:, 1] - lat).min()
        if distance < best_distance:
            best, best_distance = name, distance
    return best


# Plain misspellings in the source's names, corrected; each row's fix_note keeps the original.
SPELLING = {"Suuport": "Support", "Transmitter Sit ,": "Transmitter Site,"}


def build() -> pd.DataFrame:
    raw = read_reference("bases/japan_us_bases_vine_troopdata.csv")
    checks = read_reference("bases/facility_checks.csv", keep_default_na=False, na_values=[""])
    assert set(checks["name"]) == set(raw["basename"]), "every source row needs a check"
    assert set(checks["action"]) <= ACTIONS
    bases = raw.rename(columns={"basename": "name"}).merge(checks, on="name", validate="1:1")
    dropped = bases[bases["action"] == "drop"]
    caveats = [
        f"Dropped '{n}': {why}" for n, why in zip(dropped["name"], dropped["fix_note"], strict=True)
    ]
    bases = bases[bases["action"] != "drop"].copy()
    outlines = json.loads((REFERENCE / "geo/japan_prefectures.json").read_text(encoding="utf-8"))
    source_pref = [prefecture_of(a, b, outlines) for a, b in zip(bases.lat, bases.lon, strict=True)]
    # Checked and replaced rows: the distance to the second source decides which they are.
    gap = distance_km(bases["lat"], bases["lon"], bases["ref_lat"], bases["ref_lon"])
    assert (gap[bases["coordinate_quality"] == "checked"] < CHECK_LIMIT_KM).all()
    assert (gap[bases["coordinate_quality"] == "replaced"] > CHECK_LIMIT_KM).all()
    replace = bases["action"] == "replace"
    bases.loc[replace, "lat"] = bases.loc[replace, "ref_lat"]
    bases.loc[replace, "lon"] = bases.loc[replace, "ref_lon"]
    bases.loc[bases["action"] == "remove", ["lat", "lon"]] = np.nan
    derived = [prefecture_of(a, b, outlines) for a, b in zip(bases.lat, bases.lon, strict=True)]
    bases["prefecture"] = bases["prefecture"].fillna(pd.Series(derived, index=bases.index))
    # The depot placed in the wrong prefecture: its source point is in Fukuoka.
    akizuki = bases["name"] == "Akizuki Ammunition Depot"
    assert source_pref[int(np.flatnonzero(akizuki)[0])] == "Fukuoka"
    known = bases["prefecture"].notna()
    bases["okinawa"] = in_okinawa(bases["lat"], bases["lon"])
    bases.loc[known, "okinawa"] = bases.loc[known, "prefecture"] == "Okinawa"
    checked_by = bases["check_source_id"].fillna("")
    bases["fix_note"] = bases["fix_note"] + np.where(
        checked_by != "", " Second source: " + checked_by + ".", ""
    )
    bases["source_id"] = np.where(replace, checked_by, "vine_base_nation")
    for wrong, right in SPELLING.items():
        typo = bases["name"].str.contains(wrong, regex=False)
        assert typo.sum() == 1, f"spelling fix {wrong!r} matches {typo.sum()} rows"
        bases.loc[typo, "fix_note"] += " Name as in the source: '" + bases.loc[typo, "name"] + "'."
        bases.loc[typo, "name"] = bases.loc[typo, "name"].str.replace(wrong, right, regex=False)
    bases = bases[
        [
            "name",
            "lat",
            "lon",
            "prefecture",
            "okinawa",
            "coordinate_quality",
            "fix_note",
            "source_id",
        ]
    ].sort_values("name", ignore_index=True)
    assert len(raw) - len(bases) == (checks["action"] == "drop").sum()
    bases.attrs["caveats"] = caveats
    return bases
