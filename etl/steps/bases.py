"""U.S. facilities in Japan from David Vine's list, de-duplicated, with every fix recorded."""

import json

import numpy as np
import pandas as pd
from matplotlib.path import Path as PolygonPath

from etl.common import assert_between, assert_unique, read_reference
from etl.paths import REFERENCE

# Fixes to the source list, keyed by the name as the source spells it.
DROPPED = {
    "Yokota AB, Tokyo": "duplicate of 'Yokota Air Force Base, Fussa', geocoded to central Tokyo",
    "Camo Kinser, Makiminato": "duplicate of 'Camp Kinser, Makiminato' (typo in the source)",
    "Camp Zama, Zama": "duplicate of 'Camp Zama, Sagamihara' (coordinates differ slightly)",
}
COORDINATES_REMOVED = {
    "Naval Suuport Facility, Kami Seya": "source coordinates (135.19°E) lie far west of Yokohama, "
    "where the facility's name places it",
    "Totsuka": "source coordinates (36.89°N, 140.42°E) lie far north of Totsuka ward, Yokohama",
    "Okuma": "source coordinates fall near Okinawa City, not at Okuma in northern Okinawa",
    "Camp Gonsalves, Henoko": "source coordinates repeat Camp Schwab's (Henoko); the camp lies "
    "further north",
}
COORDINATE_QUALITY = {
    "Itazuke Auxiliary Airfield, Fukuoka": "city_centroid",
    "Higashi-Hiroshima": "city_centroid",
    "Koza": "ambiguous",
    "Camp McTureous, Tengan": "shared_with_neighbour",
}
CAVEATS = [f"Dropped '{name}': {why}." for name, why in DROPPED.items()] + [
    f"Coordinates removed for '{name}': {why}." for name, why in COORDINATES_REMOVED.items()
]


def in_okinawa(lat: pd.Series, lon: pd.Series) -> pd.Series:
    """Okinawa Prefecture lies south of 27.5°N between 126.5°E and 129.5°E."""
    return (lat < 27.5) & lon.between(126.5, 129.5)


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


def build() -> pd.DataFrame:
    raw = read_reference("bases/japan_us_bases_vine_troopdata.csv")
    assert set(DROPPED) | set(COORDINATES_REMOVED) | set(COORDINATE_QUALITY) <= set(raw.basename)
    bases = raw[~raw["basename"].isin(DROPPED)].rename(columns={"basename": "name"})
    bases["okinawa"] = in_okinawa(bases["lat"], bases["lon"])
    removed = bases["name"].isin(COORDINATES_REMOVED)
    bases.loc[removed, ["lat", "lon"]] = np.nan
    bases["coordinate_quality"] = bases["name"].map(COORDINATE_QUALITY).fillna("as_in_source")
    bases.loc[removed, "coordinate_quality"] = "removed"
    bases["fix_note"] = bases["name"].map(COORDINATES_REMOVED).fillna("")
    outlines = json.loads((REFERENCE / "geo/japan_prefectures.json").read_text(encoding="utf-8"))
    bases["prefecture"] = [
        prefecture_of(a, b, outlines) for a, b in zip(bases.lat, bases.lon, strict=True)
    ]
    # The okinawa flag must agree with the prefecture wherever both are known.
    known = bases["prefecture"].notna()
    assert ((bases.loc[known, "prefecture"] == "Okinawa") == bases.loc[known, "okinawa"]).all()
    bases["source_id"] = "vine_base_nation"
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
    assert_unique(bases, ["name"], "bases")
    assert_between(bases["lat"], 24, 46, "bases")
    assert_between(bases["lon"], 122, 146, "bases")
    assert len(raw) - len(bases) == len(DROPPED)
    return bases
