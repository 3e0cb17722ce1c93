"""TopoJSON decoding, on a two-square topology small enough to check by hand."""

from __future__ import annotations

from geo import topojson

# Two unit squares side by side sharing the arc x=1; quantised with scale 0.5 and a translate.
TOPOLOGY = {
    "type": "Topology",
    "transform": {"scale": [0.5, 0.5], "translate": [30.0, 30.0]},
    "arcs": [
        [[2, 0], [0, 2]],  # (1,0) -> (1,1): the shared edge
        [[2, 2], [-2, 0], [0, -2], [2, 0]],  # (1,1) -> (0,1) -> (0,0) -> (1,0)
        [[2, 0], [2, 0], [0, 2], [-2, 0]],  # (1,0) -> (2,0) -> (2,1) -> (1,1)
    ],
    "objects": {
        "squares": {
            "type": "GeometryCollection",
            "geometries": [
                {"type": "Polygon", "arcs": [[0, 1]]},
                {"type": "MultiPolygon", "arcs": [[[2, -1]]]},
                {"type": "Point", "coordinates": [0, 0]},
            ],
        }
    },
}


def test_arcs_are_dequantised_and_delta_decoded() -> None:
    arcs = topojson.decode_arcs(TOPOLOGY)
    assert arcs[0] == [(31.0, 30.0), (31.0, 31.0)]


def test_rings_join_arcs_and_reverse_negative_indexes() -> None:
    arcs = topojson.decode_arcs(TOPOLOGY)
    geoms = [topojson.geometry(g, arcs) for g in TOPOLOGY["objects"]["squares"]["geometries"]]
    left, right, point = geoms
    assert left == {
        "type": "Polygon",
        "coordinates": [[[31.0, 30.0], [31.0, 31.0], [30.0, 31.0], [30.0, 30.0], [31.0, 30.0]]],
    }
    assert right == {
        "type": "MultiPolygon",
        "coordinates": [[[[31.0, 30.0], [32.0, 30.0], [32.0, 31.0], [31.0, 31.0], [31.0, 30.0]]]],
    }
    assert point is None
