"""Folium maps of the claims: a layer per side, governorates shaded, country-level claims in their own layer.

One drawing path for any size: each layer is one `L.geoJson` whose points become circle markers
shifted by a few pixels (`ClaimMarker`), so claims of several sides at one place sit in a ring at every
zoom instead of on top of each other. Past `CANVAS_FROM` features the map draws on a canvas.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

import folium
import folium.plugins
from branca.element import Element
from folium.elements import ElementAddToElement
from folium.template import Template

from dashboard import views
from dashboard.basemap import COUNTRIES_FILE, GOVERNORATES_FILE, load_outlines
from dashboard.geometry import anchor, spread
from dashboard.offline import localize
from dashboard.views import legend_html, popup_html, safe_color, side_of, tooltip_html
from geo.registry import Side

# Syria, for an empty map: (south, west), (north, east).
SYRIA_BOUNDS = [[32.3, 35.7], [37.3, 42.4]]
CANVAS_FROM = 1500
MARKER_RADIUS = 6
MIN_SPAN = 4.0  # degrees: a map of one town still shows the country around it

_CSS = """
<style>
.leaflet-container { background: #d7e6ee; font: 12px/1.4 sans-serif; }
.ca-legend-box { background: rgba(255,255,255,.92); padding: 6px 8px; border-radius: 4px;
  box-shadow: 0 1px 4px rgba(0,0,0,.3); max-width: 220px; }
.ca-popup table { border-collapse: collapse; margin: 3px 0; }
.ca-popup th { text-align: left; padding-right: 6px; vertical-align: top; color: #555; font-weight: normal; }
.ca-popup mark { background: #ffe066; padding: 0 1px; }
</style>
"""


class _Raw(Element):
    """Script text already rendered: branca would otherwise parse megabytes of data as a Jinja template."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def render(self, **kwargs: Any) -> str:
        return self.text


class _DataLayer(folium.map.Layer):
    """A Layer whose script embeds its data, rendered once without going through Jinja a second time."""

    def render(self, **kwargs: Any) -> None:
        if self.show:
            self.add_child(
                ElementAddToElement(
                    element_name=self.get_name(), element_parent_name=self._parent.get_name()
                ),
                name=self.get_name() + "_add",
            )
        figure = self.get_root()
        script = self._template.module.__dict__["script"](self, kwargs)
        figure.script.add_child(_Raw(str(script)), name=self.get_name())
        for child in self._children.values():
            child.render(**kwargs)


class ClaimLayer(_DataLayer):
    """A switchable layer of claim features (points and polygons) with their popups and tooltips.

    Each feature carries its drawing: `kind`, `color`, pixel offsets `dx`/`dy`, and the already
    escaped `popup`/`tip` HTML (see dashboard.views).
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
        var {{ this.get_name() }} = L.geoJson(null, {
            pane: "claimAreas",
            pointToLayer: function (feature, latlng) {
                var p = feature.properties, context = p.kind === "context";
                return new window.ClaimMarker(latlng, {
                    pane: "claimPoints", radius: context ? 5 : 6, dx: p.dx, dy: p.dy,
                    color: context ? "#555555" : "#1a1a1a", weight: 1.2,
                    dashArray: p.kind === "claim" ? null : "3 3",
                    fillColor: p.color, fillOpacity: context ? 0.35 : 0.9
                });
            },
            style: function (feature) {
                var p = feature.properties;
                if (feature.geometry.type === "Point") { return {}; }
                return {color: p.color, weight: 1.5, dashArray: "3 3", fillColor: p.color,
                        fillOpacity: p.kind === "areaContext" ? 0.08 : 0.16};
            },
            onEachFeature: function (feature, layer) {
                var p = feature.properties;
                if (p.popup) { layer.bindPopup(p.popup, {maxWidth: 380}); }
                if (p.tip) { layer.bindTooltip(p.tip, {sticky: true}); }
            }
        });
        {{ this.get_name() }}.addData({{ this.data|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self, features: list[dict[str, Any]], name: str, show: bool = True) -> None:
        super().__init__(name=name, overlay=True, control=True, show=show)
        self._name = "ClaimLayer"
        self.data = {"type": "FeatureCollection", "features": features}


class Outlines(_DataLayer):
    """Country or governorate outlines from data/, not clickable: scenery for a map with no tiles."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.geoJson({{ this.data|tojson }}, {
            pane: "basemap", interactive: false, style: {{ this.style|tojson }}
        });
        {% endmacro %}
        """
    )

    def __init__(
        self, data: dict[str, Any], name: str, style: dict[str, Any], overlay: bool, show: bool = True
    ) -> None:
        super().__init__(name=name, overlay=overlay, control=True, show=show)
        self._name = "Outlines"
        self.data = data
        self.style = style


class Legend(folium.MacroElement):
    """The sides' colours in a corner of the map."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.control({position: "bottomright"});
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

    default_js: ClassVar[list[tuple[str, str]]] = []
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

    def fit_bounds(self, bounds: list[list[float]], *args: Any, **kwargs: Any) -> None:
        self.bounds = bounds
        super().fit_bounds(bounds, *args, **kwargs)


def _drawn(
    features: Sequence[Mapping[str, Any]], sides: Mapping[str, Side]
) -> list[tuple[str, dict[str, Any]]]:
    """(layer key, feature to draw) for each claim: key is the side id, or "country" for country-level ones.

    Point claims become one marker; governorate claims a dashed marker inside the governorate, which is
    shaded once per side (the marker is what one clicks: areas of several sides overlap). Markers
    sharing a place get pixel offsets in a ring, country-level ones apart from the rest. Property names
    have no underscore: streamlit-folium rewrites `_xyz` names in the map's script, data included.
    """
    markers: list[tuple[str, dict[str, Any], tuple[float, float]]] = []
    areas: dict[tuple[str, str, bool], dict[str, Any]] = {}
    for f in features:
        p = f["properties"]
        side = side_of(sides, str(p.get("side")), str(p.get("side_label") or ""))
        key = "country" if p.get("precision") == "country" else side.id
        context = p.get("role") == "context"
        point = f["geometry"]["type"] == "Point"
        props = {
            "kind": ("context" if context else "claim") if point else "anchor",
            "color": safe_color(side.color),
            "popup": popup_html(p, side),
            "tip": tooltip_html(p, side),
        }
        markers.append((key, props, anchor(f["geometry"])))
        if not point:
            area_key = (key, str(p.get("place_id") or p.get("place")), context)
            if area_key not in areas:
                tip = f"{views.escape(side.label)}: {views.escape(str(p.get('place') or ''))}"
                areas[area_key] = {
                    "type": "Feature",
                    "properties": {
                        "kind": "areaContext" if context else "area",
                        "color": props["color"],
                        "tip": tip,
                    },
                    "geometry": f["geometry"],
                }

    out: list[tuple[str, dict[str, Any]]] = [(k[0], area) for k, area in areas.items()]
    for country in (False, True):
        group = [m for m in markers if (m[0] == "country") == country]
        for (key, props, (lat, lon)), (dx, dy) in zip(group, spread([m[2] for m in group]), strict=True):
            props.update(dx=dx, dy=dy)
            geometry = {"type": "Point", "coordinates": [round(lon, 5), round(lat, 5)]}
            out.append((key, {"type": "Feature", "properties": props, "geometry": geometry}))
    return out


def _bounds(features: Sequence[Mapping[str, Any]]) -> list[list[float]]:
    """The box around target claims below country level, at least MIN_SPAN degrees wide; else Syria."""
    points = [
        anchor(f["geometry"])
        for f in features
        if f["properties"].get("role") != "context" and f["properties"].get("precision") != "country"
    ]
    if not points:
        return SYRIA_BOUNDS
    lats, lons = [p[0] for p in points], [p[1] for p in points]
    box = []
    for low, high in ((min(lats), max(lats)), (min(lons), max(lons))):
        grow = max(MIN_SPAN - (high - low), 0.6) / 2
        box.append((low - grow, high + grow))
    return [[box[0][0], box[1][0]], [box[0][1], box[1][1]]]


def _setup(m: folium.Map) -> None:
    """Panes (outlines under areas under points), the offline basemap and the optional OSM tiles."""
    folium.map.CustomPane("basemap", z_index=250, pointer_events=False).add_to(m)
    folium.map.CustomPane("claimAreas", z_index=410, pointer_events=True).add_to(m)
    folium.map.CustomPane("claimPoints", z_index=620, pointer_events=True).add_to(m)
    countries = load_outlines(COUNTRIES_FILE)
    if countries is not None:
        Outlines(
            countries,
            "Country outlines (offline)",
            {"color": "#8a8a8a", "weight": 1, "fillColor": "#f3f0e8", "fillOpacity": 1},
            overlay=False,
        ).add_to(m)
    folium.TileLayer("OpenStreetMap", name="OpenStreetMap (online)", overlay=False, show=False).add_to(m)
    governorates = load_outlines(GOVERNORATES_FILE)
    if governorates is not None:
        Outlines(
            governorates,
            "Governorate borders",
            {"color": "#b0a58f", "weight": 0.8, "fill": False, "dashArray": "2 3"},
            overlay=True,
        ).add_to(m)


def layer_name(label: str, n: int) -> str:
    """The layer control shows names as HTML, and an unknown side's label comes from the opened file."""
    return f"{views.escape(label)} ({n})"


def _add_claims(
    m: folium.Map, drawn: list[tuple[str, dict[str, Any]]], sides: Mapping[str, Side], only: str | None = None
) -> None:
    """One ClaimLayer per side in registry order, then the country layer (off)."""
    order = list(sides) + sorted({k for k, _ in drawn} - set(sides) - {"country"})
    for key in order:
        if only is not None and key != only:
            continue
        features = [f for k, f in drawn if k == key]
        n = sum(1 for f in features if "popup" in f["properties"])
        if not features:
            continue
        ClaimLayer(features, name=layer_name(side_of(sides, key).label, n)).add_to(m)
    country = [f for k, f in drawn if k == "country"]
    if country:
        n = sum(1 for f in country if "popup" in f["properties"])
        ClaimLayer(country, name=f"Country-level claims ({n})", show=False).add_to(m)


def build_map(features: Sequence[Mapping[str, Any]], sides: Mapping[str, Side]) -> folium.Map:
    """The main map: every side's claims in its own layer, a layer control, a legend; no CDN needed."""
    m = folium.Map(
        tiles=None,
        prefer_canvas=len(features) >= CANVAS_FROM,
        control_scale=True,
        zoom_start=7,
        location=[35.0, 38.5],
    )
    _setup(m)
    drawn = _drawn(features, sides)
    _add_claims(m, drawn, sides)
    present = {f["properties"]["side"] for f in features}
    shown = [sides[s] for s in sides if s in present]
    Legend(legend_html(shown)).add_to(m)
    folium.LayerControl(collapsed=False, position="topright").add_to(m)
    m.fit_bounds(_bounds(features))
    m.get_root().header.add_child(folium.Element(_CSS))
    localize(m)
    return m


def build_pair(
    features: Sequence[Mapping[str, Any]], sides: Mapping[str, Side], left: str, right: str
) -> SyncedPair:
    """Two maps that pan and zoom together: `left` side's claims on one, `right` side's on the other."""
    pair = SyncedPair(
        location=[35.0, 38.5], tiles=None, zoom_start=7, prefer_canvas=len(features) >= CANVAS_FROM
    )
    for m, sid in ((pair.m1, left), (pair.m2, right)):
        mine = [f for f in features if f["properties"]["side"] == sid]
        _setup(m)
        _add_claims(m, _drawn(mine, sides), sides, only=sid)
        Legend(legend_html([side_of(sides, sid)])).add_to(m)
        folium.LayerControl(collapsed=True, position="topright").add_to(m)
        m.get_root().header.add_child(folium.Element(_CSS))
    pair.fit_bounds(_bounds(features))
    localize(pair)
    return pair
