"""The offline basemap: country outlines (Natural Earth) and Syria's governorates, shown without tiles.

`python -m dashboard.basemap build countries-50m.json` rebuilds data/basemap_countries.geojson from the
npm package world-atlas (Natural Earth 1:50m as TopoJSON); see data/README.md.
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


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m dashboard.basemap", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="extract the region's country outlines from world-atlas TopoJSON")
    b.add_argument("topojson", type=Path, help="countries-50m.json from the npm package world-atlas")
    b.add_argument("--out", type=Path, default=COUNTRIES_FILE)
    args = parser.parse_args(argv)
    n = build(args.topojson, args.out)
    print(f"{args.out}: {n} countries")


if __name__ == "__main__":
    main()
