"""Folium maps of the claims, drawn as precisely as they are known: a town is a marker, a region a
dashed circle, a governorate a hatched polygon with a label; country-level claims stay off the map
(the app lists them beside it).

One drawing path for any size: each side is one `L.geoJson` whose points become circle markers
shifted by a few pixels (`ClaimMarker`), so claims of several sides at one place sit in a ring at every
zoom instead of on top of each other. Past `CANVAS_FROM` features the map draws on a canvas.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import folium
import folium.plugins
from branca.element import Figure
from folium.template import Template

from dashboard import views
from dashboard.basemap import COUNTRIES_FILE, GOVERNORATES_FILE, load_places, load_scenery
from dashboard.claims import governorate_label, place_label
from dashboard.elements import DataLayer, Script, script_json
from dashboard.geometry import anchor, for_drawing, spread
from dashboard.offline import localize
from dashboard.views import MAP_KEY_HTML, legend_html, popup_html, safe_color, side_of, tooltip_html
from geo.registry import Side

# Syria, for an empty map: (south, west), (north, east).
SYRIA_BOUNDS = [[32.3, 35.7], [37.3, 42.4]]
CANVAS_FROM = 1500
MARKER_RADIUS = 6
MIN_SPAN = 4.0  # degrees: the main map of one town still shows the country around it
# The pair of maps opens on what the two sides say, and a place card's claims lie within tens of km:
# a third of a degree shows a town's neighbours.
PAIR_MIN_SPAN = 0.35
MARGIN = 0.15  # of the minimum span, around the claims: markers at the edge stay off the frame

_CSS = """
<style>
.leaflet-container { background: #d7e6ee; font: 12px/1.4 sans-serif; }
.ca-legend-box { background: rgba(255,255,255,.92); padding: 6px 8px; border-radius: 4px;
  box-shadow: 0 1px 4px rgba(0,0,0,.3); max-width: 220px; }
.ca-popup table { border-collapse: collapse; margin: 3px 0; }
.ca-popup th { text-align: left; padding-right: 6px; vertical-align: top; color: #555; font-weight: normal; }
.ca-popup mark { background: #ffe066; padding: 0 1px; }
.ca-town { font: 11px/1.1 sans-serif; color: #3b3b3b; white-space: nowrap;
  text-shadow: 0 0 2px #fff, 0 0 2px #fff, 0 0 3px #fff; }
.ca-town span::before { content: "\\2022 "; color: #777; }
.ca-area-label { background: rgba(255,255,255,.85); border: 1px solid #666; font-weight: bold;
  box-shadow: none; padding: 1px 4px; }
.ca-area-label small { font-weight: normal; }
.ca-tile-notice { max-width: 260px; color: #8a1c00; }
</style>
"""


class ClaimLayer(DataLayer):
    """One side's claims (points, region circles, governorate polygons) with their popups and tooltips.

    Each feature carries its drawing (see `_drawn`): `shape` ("marker", "circle" or an area), `color`,
    the hatch pattern `hatch`, `opacity` from confidence, `dash` from the location basis, pixel offsets
    `dx`/`dy`, the number of claims `n` it stands for, and the already escaped `popup`/`tip`/`label`.
    On a canvas (very large maps) SVG patterns cannot fill, so areas fall back to a pale plain fill.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        if (!window.ClaimMarker) {
            window.ClaimMarker = L.CircleMarker.extend({
                _project: function () {
                    this._point = this._map.latLngToLayerPoint(this._latlng)
                        .add(L.point(this.options.dx || 0, this.options.dy || 0));
                    this._updateBounds();
                }
            });
        }
        var {{ this.get_name() }} = (function (canvas) { return L.geoJson(null, {
            pane: "claimAreas",
            pointToLayer: function (feature, latlng) {
                var p = feature.properties, context = p.role === "context";
                if (p.shape === "circle") {
                    return L.circle(latlng, {
                        pane: "claimAreas", radius: p.radius, color: p.color, weight: 2.5,
                        dashArray: "8 5", fillOpacity: canvas ? 0.08 : p.opacity,
                        fillColor: canvas ? p.color : "url(#" + p.hatch + ")"
                    });
                }
                return new window.ClaimMarker(latlng, {
                    pane: "claimPoints", radius: context ? 5 : 6, dx: p.dx, dy: p.dy,
                    color: p.dash ? "#444444" : "#1a1a1a", weight: p.dash ? 1.6 : 1.2,
                    dashArray: p.dash || null, fillColor: p.color, fillOpacity: p.opacity
                });
            },
            style: function (feature) {
                var p = feature.properties;
                if (feature.geometry.type === "Point") { return {}; }
                return {color: p.color, weight: 2.5, dashArray: p.dash || null,
                        fillColor: canvas ? p.color : "url(#" + p.hatch + ")",
                        fillOpacity: canvas ? 0.08 : p.opacity};
            },
            onEachFeature: function (feature, layer) {
                var p = feature.properties;
                if (p.popup) { layer.bindPopup(p.popup, {maxWidth: 420, maxHeight: 360}); }
                if (p.label) {
                    layer.bindTooltip(p.label, {permanent: true, direction: "center",
                                                className: "ca-area-label"});
                } else if (p.tip) {
                    layer.bindTooltip(p.tip, {sticky: true});
                }
            }
        }); })({{ this.canvas|tojson }});
        {{ this.get_name() }}.addData({{ this.json(this.data) }});
        {% endmacro %}
        """
    )

    def __init__(self, features: list[dict[str, Any]], name: str, canvas: bool = False) -> None:
        super().__init__(name=name, overlay=True, control=False, show=True)
        self._name = "ClaimLayer"
        self.canvas = canvas
        self.data = {"type": "FeatureCollection", "features": features}


class Hatches(Script):
    """SVG hatch patterns, one per side at its own angle: overlapping areas of two sides cross-hatch
    instead of mixing their colours into a third one. They live in a hidden SVG of the frame, which
    Leaflet's paths reach by `fill="url(#id)"`."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (patterns) {
            var old = document.getElementById("ca-hatches");
            if (old) { old.parentNode.removeChild(old); }  // a redraw may bring other sides' colours
            var ns = "http://www.w3.org/2000/svg";
            var svg = document.createElementNS(ns, "svg");
            svg.setAttribute("id", "ca-hatches");
            svg.setAttribute("style", "position:absolute;width:0;height:0");
            var defs = document.createElementNS(ns, "defs");
            patterns.forEach(function (p) {
                var pat = document.createElementNS(ns, "pattern");
                pat.setAttribute("id", p[0]);
                pat.setAttribute("patternUnits", "userSpaceOnUse");
                pat.setAttribute("width", "9"); pat.setAttribute("height", "9");
                pat.setAttribute("patternTransform", "rotate(" + p[2] + ")");
                var line = document.createElementNS(ns, "line");
                line.setAttribute("x1", "4.5"); line.setAttribute("y1", "0");
                line.setAttribute("x2", "4.5"); line.setAttribute("y2", "9");
                line.setAttribute("stroke", p[1]); line.setAttribute("stroke-width", "2.2");
                pat.appendChild(line);
                defs.appendChild(pat);
            });
            svg.appendChild(defs);
            document.body.appendChild(svg);
        })({{ this.patterns|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self, patterns: list[tuple[str, str, int]]) -> None:
        super().__init__()
        self._name = "Hatches"
        self.patterns = patterns


class TownLabels(DataLayer):
    """Town names from data/basemap_places.geojson, more of them the closer one zooms in."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.layerGroup([], {pane: "labels"});
        (function (group, towns, steps) {
            var made = {};
            function minimum(zoom) {
                var need = Infinity;
                steps.forEach(function (s) { if (zoom >= s[0]) { need = s[1]; } });
                return need;
            }
            function refresh() {
                var map = group._map;
                if (!map) { return; }
                var need = minimum(map.getZoom());
                towns.forEach(function (t, i) {
                    var show = t[3] >= need;
                    if (show && !made[i]) {
                        made[i] = L.marker([t[1], t[2]], {
                            pane: "labels", interactive: false, keyboard: false,
                            icon: L.divIcon({className: "ca-town", html: "<span>" + t[0] + "</span>",
                                             iconSize: null})
                        });
                    }
                    if (made[i]) {
                        if (show && !group.hasLayer(made[i])) { group.addLayer(made[i]); }
                        if (!show && group.hasLayer(made[i])) { group.removeLayer(made[i]); }
                    }
                });
            }
            group.on("add", function () { group._map.on("zoomend", refresh); refresh(); });
            group.on("remove", function (e) { e.target._map && e.target._map.off("zoomend", refresh); });
        })({{ this.get_name() }}, {{ this.towns_js }}, {{ this.steps|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self, towns_js: str, steps: list[list[int]]) -> None:
        super().__init__(name="Town names", overlay=True, control=True, show=True)
        self._name = "TownLabels"
        self.towns_js = towns_js  # [[name (escaped), lat, lon, population], ...] as script data
        self.steps = steps


class KeepView(Script):
    """Fit the claims the first time; afterwards keep where the user panned and zoomed.

    A filter change redraws the map from new HTML; the view is kept in the browser's sessionStorage
    (per tab, per `key`) so it survives the redraw without sending every pan back to the server, which
    st_folium's returned `center`/`zoom` would do (one script rerun per pan).
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (map, key, bounds) {
            var saved = null;
            try { saved = JSON.parse(window.sessionStorage.getItem(key)); } catch (e) { saved = null; }
            if (saved && typeof saved.zoom === "number") {
                map.setView([saved.lat, saved.lon], saved.zoom, {animate: false});
            } else {
                map.fitBounds(bounds);
            }
            map.on("moveend", function () {
                if (map.getSize().x === 0) { return; }  // a hidden tab: no view worth keeping
                var c = map.getCenter();
                try {
                    window.sessionStorage.setItem(
                        key, JSON.stringify({lat: c.lat, lon: c.lng, zoom: map.getZoom()}));
                } catch (e) { /* storage off: the map still works, it just refits */ }
            });
        })({{ this._parent.get_name() }}, {{ this.key|tojson }}, {{ this.bounds|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self, key: str, bounds: list[list[float]]) -> None:
        super().__init__()
        self._name = "KeepView"
        self.key = "claimatlas-view:" + key
        self.bounds = bounds


class TileNotice(Script):
    """When the online tiles fail (no internet), say so on the map and go back to the offline basemap."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (map, tiles, offline) {
            var note = L.control({position: "topleft"}), shown = false;
            note.onAdd = function () {
                var div = L.DomUtil.create("div", "ca-legend-box ca-tile-notice");
                div.textContent = "OpenStreetMap cannot load (no internet?): showing the offline basemap.";
                return div;
            };
            tiles.on("tileerror", function () {
                if (shown) { return; }
                shown = true;
                note.addTo(map);
                if (offline) { map.removeLayer(tiles); map.addLayer(offline); }
            });
        })({{ this._parent.get_name() }}, {{ this.tiles.get_name() }},
           {{ this.offline.get_name() if this.offline else "null" }});
        {% endmacro %}
        """
    )

    def __init__(self, tiles: folium.TileLayer, offline: folium.map.Layer | None) -> None:
        super().__init__()
        self._name = "TileNotice"
        self.tiles = tiles
        self.offline = offline


class Outlines(DataLayer):
    """Country or governorate outlines from data/, not clickable: scenery for a map with no tiles."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.geoJson({{ this.data_js }}, {
            pane: "basemap", interactive: false, style: {{ this.style|tojson }}
        });
        {% endmacro %}
        """
    )

    def __init__(
        self, data_js: str, name: str, style: dict[str, Any], overlay: bool, show: bool = True
    ) -> None:
        super().__init__(name=name, overlay=overlay, control=True, show=show)
        self._name = "Outlines"
        self.data_js = data_js  # the FeatureCollection as script data (`elements.script_json`)
        self.style = style


class Legend(Script):
    """The sides' colours in a corner of the map: bottom left, over the sea west of Syria."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.control({position: "bottomleft"});
        {{ this.get_name() }}.onAdd = function () {
            var div = L.DomUtil.create("div", "ca-legend-box");
            div.innerHTML = {{ this.html|tojson }};
            L.DomEvent.disableClickPropagation(div);
            return div;
        };
        {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, html: str) -> None:
        super().__init__()
        self._name = "Legend"
        self.html = html


class SyncedPair(folium.plugins.DualMap):
    """DualMap with its pan/zoom sync written here, so it needs no Leaflet.Sync from a CDN.

    The pair sits in a tab that is hidden when the page loads, where Leaflet sees a map of size zero
    and fits the bounds at zoom 0; so it fits them again once its frame gets a size.
    """

    bounds: list[list[float]] = SYRIA_BOUNDS
    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (a, b, bounds) {
            var busy = false, fitted = false;
            function follow(src, dst) {
                src.on("move zoomend", function () {
                    if (busy) { return; }
                    busy = true;
                    dst.setView(src.getCenter(), src.getZoom(), {animate: false});
                    busy = false;
                });
            }
            follow(a, b);
            follow(b, a);
            function refit() {
                if (fitted) { return; }
                a.invalidateSize(); b.invalidateSize();
                if (a.getSize().x > 0) { fitted = true; a.fitBounds(bounds); }
                else { setTimeout(refit, 250); }
            }
            window.addEventListener("resize", refit);
            setTimeout(refit, 250);
        })({{ this.m1.get_name() }}, {{ this.m2.get_name() }}, {{ this.bounds|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.default_js: list[tuple[str, str]] = []  # DualMap's one script is Leaflet.Sync, from a CDN

    def fit_bounds(self, bounds: list[list[float]], *args: Any, **kwargs: Any) -> None:
        self.bounds = bounds
        super().fit_bounds(bounds, *args, **kwargs)


# Hatch angles by side order: neighbours in the legend never share a direction.
HATCH_ANGLES = (45, 135, 0, 90, 22, 112, 67, 157)
REGION_RADIUS_M = 12_000  # "northern Homs": an area of some ten kilometres around the point given
# A first-level unit with no polygon in data/ (outside Syria): a wide circle, labelled, never a dot.
ADMIN1_RADIUS_M = 40_000
REGION_STEP_M = 3_000  # each further side's circle at the same spot, so their dashed outlines stay apart
# Town labels: from zoom z on, towns of at least this many people are named.
LABEL_STEPS = [[0, 1_000_000], [7, 150_000], [8, 40_000], [9, 10_000], [10, 0]]


def side_order(features: Sequence[Mapping[str, Any]], sides: Mapping[str, Side]) -> list[str]:
    """Side ids in the registry's order, then unknown ones alphabetically."""
    present = {str(f["properties"].get("side")) for f in features}
    return list(sides) + sorted(present - set(sides))


def hatch_id(order: Sequence[str], side_id: str) -> str:
    return f"ca-hatch-{order.index(side_id) if side_id in order else len(order)}"


def _patterns(order: Sequence[str], sides: Mapping[str, Side]) -> list[tuple[str, str, int]]:
    return [
        (hatch_id(order, sid), safe_color(side_of(sides, sid).color), HATCH_ANGLES[i % len(HATCH_ANGLES)])
        for i, sid in enumerate([*order, ""])
    ]


def _opacity(props: Mapping[str, Any], low: float, high: float) -> float:
    """Fill opacity from confidence: a sure claim is solid, a guess faint."""
    try:
        conf = min(max(float(props.get("confidence")), 0.0), 1.0)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        conf = 0.5
    return round(low + (high - low) * conf, 3)


def _dash(props: Mapping[str, Any]) -> str:
    """The outline tells how the place was tied to the claim: solid when the claim names it."""
    basis = props.get("location_basis")
    return "" if basis == "explicit" else "4 3" if basis == "sentence" else "1 3"


class _AreaLabel:
    """The label of one governorate on the map: its name, and the villages placed only within it
    ("not located: Kafr Zita, Latamneh"), escaped; each claim about it adds what it knows."""

    def __init__(self) -> None:
        self.name = ""
        self.villages: list[str] = []
        self.fallback = ""

    def add(self, props: Mapping[str, Any]) -> None:
        if props.get("location_basis") != "unlocated":
            self.name = self.name or place_label(props)
            return
        village = str(props.get("place") or "")
        if village and village not in self.villages:
            self.villages.append(village)
        governorate = str(props.get("admin1_name") or "")
        self.fallback = self.fallback or (governorate_label(governorate) if governorate else "")

    def text(self) -> str:
        name = self.name or self.fallback
        if not self.villages:
            return views.escape(name)
        villages = views.escape(", ".join(self.villages))
        if not name:  # a file from before `admin1_name`: the governorate is not named
            return f"{villages}<br><small>not located; within this governorate</small>"
        return f"{views.escape(name)}<br><small>not located here: {villages}</small>"


def _drawn(
    features: Sequence[Mapping[str, Any]], sides: Mapping[str, Side], order: Sequence[str] = ()
) -> list[tuple[str, dict[str, Any]]]:
    """(side id, feature to draw) for every claim below country level; country-level claims are not drawn.

    Precision decides the shape: a town is a marker (markers sharing a place sit in a ring), a region
    ("northern Homs") a dashed circle, a governorate its hatched polygon with a label. Claims of one side
    about one area make one shape whose popup lists them all (`n` counts them). Property names have no
    underscore: streamlit-folium rewrites `_xyz` names in the map's script, data included. `order`
    (all sides of the page, for hatch ids that mean the same on both maps of a pair) defaults to the
    sides of `features`.
    """
    order = order or side_order(features, sides)
    markers: list[tuple[str, dict[str, Any], tuple[float, float]]] = []
    areas: dict[tuple[str, str, str], dict[str, Any]] = {}
    labels: dict[str, _AreaLabel] = {}  # by where the area is: one label per governorate
    governorates: list[tuple[str, str, str]] = []
    for f in features:
        p = f["properties"]
        precision = p.get("precision")
        if precision == "country":
            continue
        side = side_of(sides, str(p.get("side")), str(p.get("side_label") or ""))
        context = p.get("role") == "context"
        color = safe_color(side.color)
        popup, tip = popup_html(p, side), tooltip_html(p, side)
        point = f["geometry"]["type"] == "Point"
        if point and precision != "region" and precision != "admin1":
            props = {
                "shape": "marker",
                "role": "context" if context else "target",
                "color": color,
                "opacity": _opacity(p, 0.12, 0.35) if context else _opacity(p, 0.3, 0.95),
                "dash": _dash(p),
                "n": 1,
                "popup": popup,
                "tip": tip,
            }
            markers.append((side.id, props, anchor(f["geometry"])))
            continue
        place_key = str(p.get("place_id") or p.get("place"))
        lat, lon = anchor(f["geometry"])
        where = f"{lat:.3f},{lon:.3f}"
        # One side's claims about a governorate and about villages placed only within it are one shape.
        spot = (side.id, place_key, where) if point else (side.id, "area", where)
        if precision == "admin1":
            labels.setdefault(where, _AreaLabel()).add(p)
        if spot in areas:
            area = areas[spot]["properties"]
            area["n"] += 1
            area["popup"] += "<hr>" + popup
            area["opacity"] = max(area["opacity"], _opacity(p, 0.3, 0.85))
            continue
        props = {
            "shape": "circle" if point else "area",
            "role": "context" if context else "target",
            "color": color,
            "hatch": hatch_id(order, side.id),
            "opacity": _opacity(p, 0.15, 0.4) if context else _opacity(p, 0.3, 0.85),
            "dash": "" if not point and p.get("location_basis") == "explicit" else "6 4",
            "n": 1,
            "popup": popup,
            "tip": tip,
        }
        if point:
            same_spot = sum(1 for k in areas if k[1:] == spot[1:])
            base = ADMIN1_RADIUS_M if precision == "admin1" else REGION_RADIUS_M
            props["radius"] = base + REGION_STEP_M * same_spot
            geometry: dict[str, Any] = {"type": "Point", "coordinates": [round(lon, 5), round(lat, 5)]}
        else:
            geometry = for_drawing(f["geometry"])
        areas[spot] = {"type": "Feature", "properties": props, "geometry": geometry}
        if precision == "admin1":
            governorates.append(spot)
    # A governorate is named on the map (its outline alone does not say which one it is), once: the
    # first side's shape there carries the label.
    for spot in governorates:
        if spot[2] in labels:
            areas[spot]["properties"]["label"] = labels.pop(spot[2]).text()

    out: list[tuple[str, dict[str, Any]]] = [(k[0], area) for k, area in areas.items()]
    for (key, props, (lat, lon)), (dx, dy) in zip(markers, spread([m[2] for m in markers]), strict=True):
        props.update(dx=dx, dy=dy)
        geometry = {"type": "Point", "coordinates": [round(lon, 5), round(lat, 5)]}
        out.append((key, {"type": "Feature", "properties": props, "geometry": geometry}))
    return out


def _bounds(features: Sequence[Mapping[str, Any]], min_span: float = MIN_SPAN) -> list[list[float]]:
    """The box around target claims below country level, at least `min_span` degrees wide; else Syria."""
    return box_around(
        [
            anchor(f["geometry"])
            for f in features
            if f["properties"].get("role") != "context" and f["properties"].get("precision") != "country"
        ],
        min_span,
    )


def box_around(points: Sequence[tuple[float, float]], min_span: float = MIN_SPAN) -> list[list[float]]:
    """[[south, west], [north, east]] around (lat, lon) points, at least `min_span` degrees each way
    and with a margin; Syria when there are none."""
    if not points:
        return SYRIA_BOUNDS
    lats, lons = [p[0] for p in points], [p[1] for p in points]
    box = []
    for low, high in ((min(lats), max(lats)), (min(lons), max(lons))):
        grow = max(min_span - (high - low), min_span * MARGIN) / 2
        box.append((low - grow, high + grow))
    return [[box[0][0], box[1][0]], [box[0][1], box[1][1]]]


# The offline basemap: (file, layer name, style) of the countries (filled land) and governorate borders.
OUTLINES: tuple[tuple[Path, str, dict[str, Any]], ...] = (
    (
        COUNTRIES_FILE,
        "Offline basemap",
        {"color": "#8a8a8a", "weight": 1, "fillColor": "#f3f0e8", "fillOpacity": 1},
    ),
    (
        GOVERNORATES_FILE,
        "Governorate borders",
        {"color": "#b0a58f", "weight": 0.8, "fill": False, "dashArray": "2 3"},
    ),
)


# The basemap is the same on every page: serialised once per process, not on every rerun (twice, as
# st_folium renders the map twice), where it was a third of the script's time.
@lru_cache(maxsize=4)
def scenery_js(path: Path) -> str | None:
    data = load_scenery(path)
    return None if data is None else script_json(data)


@lru_cache(maxsize=1)
def _towns_js() -> str:
    """[name (escaped), lat, lon, population] of the labelled towns, largest first; "" without them."""
    towns = [[views.escape(t["name"]), t["lat"], t["lon"], t["population"]] for t in load_places()]
    return script_json(towns) if towns else ""


def _setup(m: folium.Map) -> None:
    """Panes (outlines under areas under labels under points), the offline basemap with town names, the
    optional OSM tiles and the word on the map when they cannot load."""
    folium.map.CustomPane("basemap", z_index=250, pointer_events=False).add_to(m)
    folium.map.CustomPane("claimAreas", z_index=410, pointer_events=True).add_to(m)
    folium.map.CustomPane("labels", z_index=450, pointer_events=False).add_to(m)
    folium.map.CustomPane("claimPoints", z_index=620, pointer_events=True).add_to(m)
    (countries_file, countries_name, countries_style), (borders_file, borders_name, borders_style) = OUTLINES
    countries = scenery_js(countries_file)
    offline = None
    if countries is not None:
        offline = Outlines(countries, countries_name, countries_style, overlay=False)
        offline.add_to(m)
    tiles = folium.TileLayer("OpenStreetMap", name="OpenStreetMap (online)", overlay=False, show=False)
    tiles.add_to(m)
    TileNotice(tiles, offline).add_to(m)
    governorates = scenery_js(borders_file)
    if governorates is not None:
        Outlines(governorates, borders_name, borders_style, overlay=True).add_to(m)
    towns = _towns_js()
    if towns:
        TownLabels(towns, LABEL_STEPS).add_to(m)


def layer_name(label: str, n: int) -> str:
    """Leaflet shows a layer's name as HTML wherever it is listed, and an unknown side's label comes
    from the opened file."""
    return f"{views.escape(label)} ({n})"


def _add_claims(
    m: folium.Map,
    drawn: list[tuple[str, dict[str, Any]]],
    layers: Sequence[str],
    order: Sequence[str],
    sides: Mapping[str, Side],
    canvas: bool,
) -> None:
    """One ClaimLayer per side in `layers`; the sidebar's switches, not the layer control, choose sides,
    so that the map, the tables and the downloads always show the same claims. The hatches cover every
    side in `order`: a pair's two maps share one document, and so one set of pattern ids."""
    Hatches(_patterns(order, sides)).add_to(m)
    for key in layers:
        features = [f for k, f in drawn if k == key]
        if features:
            n = sum(f["properties"]["n"] for f in features)
            ClaimLayer(features, name=layer_name(side_of(sides, key).label, n), canvas=canvas).add_to(m)


def _finish(m: folium.Map) -> None:
    root = m.get_root()
    assert isinstance(root, Figure)
    root.header.add_child(folium.Element(_CSS))


def build_map(
    features: Sequence[Mapping[str, Any]], sides: Mapping[str, Side], view_key: str = "main"
) -> folium.Map:
    """The main map: every side's claims in its own layer, town names, a legend; no CDN needed.

    `view_key` names the view kept across redraws (see KeepView): a new key fits the claims again.
    """
    canvas = len(features) >= CANVAS_FROM
    m = folium.Map(tiles=None, prefer_canvas=canvas, control_scale=True, zoom_start=7, location=[35.0, 38.5])
    _setup(m)
    order = side_order(features, sides)
    _add_claims(m, _drawn(features, sides, order), order, order, sides, canvas)
    present = {f["properties"]["side"] for f in features}
    shown = [sides[s] for s in sides if s in present]
    Legend(legend_html(shown) + MAP_KEY_HTML).add_to(m)
    folium.LayerControl(collapsed=False, position="topright").add_to(m)
    KeepView(view_key, _bounds(features)).add_to(m)
    _finish(m)
    localize(m)
    return m


def build_pair(
    features: Sequence[Mapping[str, Any]],
    sides: Mapping[str, Side],
    left: str,
    right: str,
    focus: Sequence[tuple[float, float]] = (),
) -> SyncedPair:
    """Two maps that pan and zoom together: `left` side's claims on one, `right` side's on the other.

    They open on the (lat, lon) points of `focus` (a place card's claims), else on the two sides' claims.
    """
    canvas = len(features) >= CANVAS_FROM
    pair = SyncedPair(location=[35.0, 38.5], tiles=None, zoom_start=7, prefer_canvas=canvas)
    order = side_order(features, sides)
    for m, sid in ((pair.m1, left), (pair.m2, right)):
        mine = [f for f in features if f["properties"]["side"] == sid]
        _setup(m)
        _add_claims(m, _drawn(mine, sides, order), [sid], order, sides, canvas)
        Legend(legend_html([side_of(sides, sid)]) + MAP_KEY_HTML).add_to(m)
        folium.LayerControl(collapsed=True, position="topright").add_to(m)
        _finish(m)
    two = [f for f in features if f["properties"]["side"] in (left, right)]
    pair.fit_bounds(box_around(focus, PAIR_MIN_SPAN) if focus else _bounds(two, PAIR_MIN_SPAN))
    localize(pair)
    return pair
