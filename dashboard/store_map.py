"""The map of a claims store: claims counted per side and grid cell when the view holds many, points
when it holds few, so the page carries a few hundred rows whatever the store's size.

Nothing is sent up front for a claim beyond a compact row (position, side, type, place, speaker,
evidence); a point's popup is built in the browser when it is clicked, and every piece of article
text goes in as text (`textContent`), never as markup. Clicking a cell zooms in; the view's bounds
come back to Python, which asks the store again for that box.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import folium
from branca.element import Figure
from folium.template import Template

from dashboard.claims import CLAIM_TYPE_LABELS
from dashboard.elements import Script, script_json
from dashboard.mapping import OUTLINES, Outlines, scenery_js
from dashboard.offline import localize
from dashboard.views import safe_color, side_of
from geo.registry import Side
from geo.store import Cell, StoreFilter

POINT_LIMIT = 1500  # claims in view up to which points are drawn; more become counts per cell
SYRIA_CENTER = (35.0, 38.5)
START_ZOOM = 7
EVIDENCE_CHARS = 400  # a popup shows a sentence, not a page
MAP_PRECISIONS = ("point", "region", "admin1")  # country-level claims would all sit on one dot
# What the page opens on: every side and type, target places, below country level.
OPENING_VIEW = StoreFilter(roles=("target",), precisions=MAP_PRECISIONS)
DRAWN_JS = "() => (window.caStoreDrawn === undefined ? -1 : window.caStoreDrawn)"
# How to read this map: only what StoreLayer and build_store_map draw (not the claims map's shapes).
STORE_MAP_KEY_HTML = (
    '<details style="margin-top:4px;border-top:1px solid #ccc;padding-top:3px"><summary><small>'
    "How to read the map</small></summary><small>"
    "● a claim; a governorate-wide claim at the governorate's centre<br>"
    "◯ a numbered ring: the claims counted in a grid cell, each side's share of the ring in its colour "
    "(the counts in its tooltip); click it or zoom in for the claims<br>"
    "dashed lines: governorate borders<br>"
    "claims naming only a country are not on this map</small></details>"
)


def cell_degrees(zoom: int) -> float:
    """A grid cell about 40 pixels wide at this zoom: wide enough to count, narrow enough to place."""
    return 360.0 / 2 ** (max(zoom, 1) + 3)


def _side_order(present: set[str], sides: Mapping[str, Side]) -> list[str]:
    """Registry order, sides the registry does not know last: the order of the legend."""
    order = list(sides)
    return sorted(present, key=lambda s: (order.index(s) if s in sides else len(order), s))


def _side_table(ids: Sequence[str], sides: Mapping[str, Side]) -> list[list[str]]:
    return [[side_of(sides, s).label, safe_color(side_of(sides, s).color)] for s in ids]


def cells_payload(cells: Sequence[Cell], sides: Mapping[str, Side], degrees: float) -> dict[str, Any]:
    """One row per grid cell of `degrees`: [lat, lon, [[side index, count], ...], total], the largest
    cells first. The store counts per side and cell; the sides of one cell become one ring around its
    number, where one circle per side drew them on top of each other, unnumbered."""
    ids = _side_order({c.side for c in cells}, sides)
    index = {s: n for n, s in enumerate(ids)}
    grid: dict[tuple[int, int], list[Cell]] = {}
    for c in cells:
        # a cell's mean position lies inside it, so it gives back the cell the store counted in
        key = (math.floor((c.lat + 90) / degrees), math.floor((c.lon + 180) / degrees))
        grid.setdefault(key, []).append(c)
    rows: list[tuple[float, float, list[list[int]], int]] = []
    for group in grid.values():
        total = sum(c.count for c in group)
        lat = sum(c.lat * c.count for c in group) / total
        lon = sum(c.lon * c.count for c in group) / total
        shares = [[index[c.side], c.count] for c in sorted(group, key=lambda c: index[c.side])]
        rows.append((round(lat, 5), round(lon, 5), shares, total))
    rows.sort(key=lambda r: -r[3])
    return {"kind": "cells", "sides": _side_table(ids, sides), "rows": rows}


def points_payload(features: Sequence[Mapping[str, Any]], sides: Mapping[str, Side]) -> dict[str, Any]:
    ids = _side_order({f["properties"]["side"] for f in features}, sides)
    index = {s: n for n, s in enumerate(ids)}
    rows = []
    for f in features:
        p = f["properties"]
        lon, lat = _anchor(f["geometry"]["coordinates"])
        evidence = str(p.get("evidence") or "")
        rows.append(
            [
                round(lat, 5),
                round(lon, 5),
                index[p["side"]],
                CLAIM_TYPE_LABELS.get(p["claim_type"], p["claim_type"]),
                str(p.get("place") or ""),
                str(p.get("speaker") or ""),
                evidence[:EVIDENCE_CHARS] + ("…" if len(evidence) > EVIDENCE_CHARS else ""),
                str(p.get("article") or ""),
                p.get("casualties"),
                str(p.get("published") or ""),
            ]
        )
    return {"kind": "points", "sides": _side_table(ids, sides), "rows": rows}


def _anchor(coords: Any) -> tuple[float, float]:
    """lon, lat of a point, or the middle of a polygon's box (a governorate claim drawn as its centre)."""
    if isinstance(coords[0], (int, float)):
        return float(coords[0]), float(coords[1])
    flat: list[tuple[float, float]] = []
    stack = [coords]
    while stack:
        c = stack.pop()
        if isinstance(c[0], (int, float)):
            flat.append((float(c[0]), float(c[1])))
        else:
            stack.extend(c)
    lons, lats = [x for x, _ in flat], [y for _, y in flat]
    return (min(lons) + max(lons)) / 2, (min(lats) + max(lats)) / 2


class StoreLayer(Script):
    """Draws a payload from `cells_payload` or `points_payload`; sets `window.caStoreDrawn` to the number
    of claims drawn (a cell counts for its claims), which the benchmark reads with DRAWN_JS."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (map, data) {
            var layer = L.layerGroup().addTo(map), drawn = 0;
            function row(table, label, value) {
                if (value === null || value === undefined || value === "") { return; }
                var tr = table.insertRow(), th = document.createElement("th"), td = tr.insertCell();
                th.textContent = label; tr.insertBefore(th, td); td.textContent = String(value);
            }
            function popup(r) {
                var box = document.createElement("div"), table = document.createElement("table");
                box.className = "ca-popup";
                var head = document.createElement("b"); head.textContent = data.sides[r[2]][0];
                box.appendChild(head); box.appendChild(table);
                row(table, "Claim", r[3]); row(table, "Place", r[4]); row(table, "Speaker", r[5]);
                row(table, "Casualties", r[8]); row(table, "Published", r[9]); row(table, "Article", r[7]);
                var ev = document.createElement("p"); ev.textContent = r[6]; box.appendChild(ev);
                return box;
            }
            function short(n) {
                if (n < 1000) { return String(n); }
                return n < 10000 ? (n / 1000).toFixed(1) + "k" : Math.round(n / 1000) + "k";
            }
            function ring(shares, total) {
                // the cell's number in the middle of a ring, each side's share of the ring in its colour
                // at most 15 px: cells are 32 px apart at every zoom (cell_degrees)
                var r = Math.min(10 + 1.5 * Math.log10(total), 15), size = 2 * r + 2, c = r + 1;
                var at = -Math.PI / 2;
                var svg = '<svg xmlns="http://www.w3.org/2000/svg" width="' + size + '" height="' + size +
                    '">';
                shares.forEach(function (s) {
                    var color = data.sides[s[0]][1];
                    var turn = 2 * Math.PI * s[1] / total;
                    if (shares.length === 1) {
                        svg += '<circle cx="' + c + '" cy="' + c + '" r="' + r + '" fill="' + color + '"/>';
                        return;
                    }
                    var x0 = c + r * Math.cos(at), y0 = c + r * Math.sin(at);
                    at += turn;
                    var x1 = c + r * Math.cos(at), y1 = c + r * Math.sin(at);
                    svg += '<path d="M' + c + ',' + c + 'L' + x0 + ',' + y0 + 'A' + r + ',' + r + ' 0 ' +
                        (turn > Math.PI ? 1 : 0) + ' 1 ' + x1 + ',' + y1 + 'Z" fill="' + color + '"/>';
                });
                svg += '<circle cx="' + c + '" cy="' + c + '" r="' + (r - 4) +
                    '" fill="#fff" stroke="#1a1a1a" stroke-width="0.6"/>';
                svg += '<circle cx="' + c + '" cy="' + c + '" r="' + r +
                    '" fill="none" stroke="#1a1a1a" stroke-width="1"/>';
                svg += '<text x="' + c + '" y="' + c + '" dy="0.35em" text-anchor="middle">' +
                    short(total) + '</text></svg>';
                return L.divIcon({html: svg, className: "ca-cell", iconSize: [size, size]});
            }
            function cellTip(shares, total) {
                var box = document.createElement("div"), head = document.createElement("b");
                head.textContent = total + " claims here (click to zoom in)";
                box.appendChild(head);
                shares.forEach(function (s) {
                    var line = document.createElement("div");
                    line.textContent = data.sides[s[0]][0] + ": " + s[1];
                    line.style.borderLeft = "8px solid " + data.sides[s[0]][1];
                    line.style.paddingLeft = "4px";
                    box.appendChild(line);
                });
                return box;
            }
            data.rows.forEach(function (r) {
                var color = data.kind === "cells" ? "" : data.sides[r[2]][1], marker;
                if (data.kind === "cells") {
                    marker = L.marker([r[0], r[1]], {icon: ring(r[2], r[3]), riseOnHover: true});
                    marker.bindTooltip(cellTip(r[2], r[3]), {direction: "top", offset: [0, -12]});
                    marker.on("click", function () { map.setView([r[0], r[1]], map.getZoom() + 2); });
                    drawn += r[3];
                } else {
                    marker = L.circleMarker([r[0], r[1]], {
                        radius: 6, color: "#1a1a1a", weight: 1.2, fillColor: color, fillOpacity: 0.9
                    });
                    marker.bindTooltip(data.sides[r[2]][0] + " · " + r[4], {sticky: true});
                    marker.bindPopup(function () { return popup(r); }, {maxWidth: 380});
                    drawn += 1;
                }
                marker.addTo(layer);
            });
            window.caStoreDrawn = drawn;
        })({{ this._parent.get_name() }}, {{ this.payload_js }});
        {% endmacro %}
        """
    )

    def __init__(self, payload: dict[str, Any]) -> None:
        super().__init__()
        self._name = "StoreLayer"
        self.payload = payload
        self.payload_js = script_json(payload)


_CSS = """
<style>
.leaflet-container { background: #d7e6ee; font: 12px/1.4 sans-serif; }
.ca-popup table { border-collapse: collapse; margin: 3px 0; }
.ca-popup th { text-align: left; padding-right: 6px; vertical-align: top; color: #555; font-weight: normal; }
.ca-cell { background: none; border: none; }
.ca-cell text { font: bold 10px sans-serif; fill: #1a1a1a; }
</style>
"""


def build_store_map(payload: dict[str, Any], center: tuple[float, float], zoom: int) -> folium.Map:
    """The map for one payload, at the view the user left it at; no CDN needed."""
    m = folium.Map(tiles=None, prefer_canvas=True, control_scale=True, location=list(center), zoom_start=zoom)
    folium.map.CustomPane("basemap", z_index=250, pointer_events=False).add_to(m)
    for path, name, style in OUTLINES:
        data = scenery_js(path)
        if data is not None:
            Outlines(data, name, style, overlay=True).add_to(m)
    StoreLayer(payload).add_to(m)
    root = m.get_root()
    assert isinstance(root, Figure)
    root.header.add_child(folium.Element(_CSS))
    localize(m)
    return m


def view_center(box: tuple[float, float, float, float]) -> tuple[float, float]:
    """The centre of a (south, west, north, east) view as Leaflet sets it: halfway on the Web Mercator
    y axis, north of the halfway latitude. A map redrawn at the halfway latitude reported bounds a few
    pixels further south, which moved the view again: the page reran without end, drifting south."""
    south, west, north, east = box

    def y(lat: float) -> float:
        return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))

    lat = math.degrees(2 * math.atan(math.exp((y(south) + y(north)) / 2)) - math.pi / 2)
    return lat, (west + east) / 2


SAME_VIEW_PX = 2.0  # Leaflet rounds its pixel origin: a map redrawn at a view reports it back this close


def same_view(a: tuple[tuple[float, float], int], b: tuple[tuple[float, float], int]) -> bool:
    """Whether two (centre, zoom) views differ by no more than Leaflet's rounding: the page then keeps
    the map it drew, the same frame, instead of drawing it again (which reports its view again)."""
    ((lat_a, lon_a), zoom_a), ((lat_b, lon_b), zoom_b) = a, b
    if zoom_a != zoom_b:
        return False
    px_per_degree = 256 * 2**zoom_a / 360

    def y(lat: float) -> float:
        return math.degrees(math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)))

    return (
        abs(lon_a - lon_b) * px_per_degree <= SAME_VIEW_PX
        and abs(y(lat_a) - y(lat_b)) * px_per_degree <= SAME_VIEW_PX
    )


def view_of(
    state: Mapping[str, Any] | None,
) -> tuple[tuple[float, float], int, tuple[float, float, float, float] | None]:
    """Centre, zoom and (south, west, north, east) box of the view streamlit-folium last reported."""
    if not state or not state.get("bounds") or not state.get("zoom"):
        return SYRIA_CENTER, START_ZOOM, None
    b = state["bounds"]
    try:
        south, west = float(b["_southWest"]["lat"]), float(b["_southWest"]["lng"])
        north, east = float(b["_northEast"]["lat"]), float(b["_northEast"]["lng"])
        zoom = int(state["zoom"])
    except (KeyError, TypeError, ValueError):
        return SYRIA_CENTER, START_ZOOM, None
    if not all(math.isfinite(x) for x in (south, west, north, east)):
        return SYRIA_CENTER, START_ZOOM, None
    return ((south + north) / 2, (west + east) / 2), zoom, (south, west, north, east)
