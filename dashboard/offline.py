"""Leaflet from an installed package instead of a CDN, so that the map draws on a machine with no internet.

folium lists its JavaScript and CSS as CDN URLs (`default_js`, `default_css`), and streamlit-folium loads
each one in the map's frame before drawing. `localize` points every one of them at a `data:` URL built
from the files of the XStatic-Leaflet package, and drops the ones the map does not need (jQuery,
Bootstrap, Font Awesome, awesome-markers: we draw only vector markers). A `data:` URL needs no static
file route, survives any `server.baseUrlPath`, and writes nothing into the source tree.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import branca
import folium
import folium.plugins
import xstatic.pkg.leaflet as xstatic_leaflet
from folium.elements import JSCSSMixin

LEAFLET_DIR = Path(xstatic_leaflet.BASE_DIR)
LEAFLET_VERSION = xstatic_leaflet.VERSION


class OfflineAssetError(RuntimeError):
    """A folium element asks for a script or stylesheet that has no local copy."""


def _data_url(mime: str, payload: bytes) -> str:
    return f"data:{mime};base64,{base64.b64encode(payload).decode('ascii')}"


@lru_cache(maxsize=1)
def leaflet_js() -> str:
    return _data_url("text/javascript", (LEAFLET_DIR / "leaflet.js").read_bytes())


@lru_cache(maxsize=1)
def leaflet_css() -> str:
    css = (LEAFLET_DIR / "leaflet.css").read_text(encoding="utf-8")

    # The stylesheet names its icons relative to itself; a data: URL has no "itself", so inline them.
    def inline(match: re.Match[str]) -> str:
        image = LEAFLET_DIR / match.group(1)
        if not image.is_file():
            return match.group(0)
        return f"url({_data_url('image/png', image.read_bytes())})"

    css = re.sub(r"url\((images/[\w.-]+\.png)\)", inline, css)
    return _data_url("text/css", css.encode("utf-8"))


# What each folium asset name becomes. None: not needed by our maps, dropped.
_JS: dict[str, object] = {
    "leaflet": leaflet_js,
    "jquery": None,
    "bootstrap": None,
    "awesome_markers": None,
}
_CSS: dict[str, object] = {
    "leaflet_css": leaflet_css,
    "bootstrap_css": None,
    "glyphicons_css": None,
    "awesome_markers_font_css": None,
    "awesome_markers_css": None,
    "awesome_rotate_css": None,
}


def _elements(element: object) -> Iterator[object]:
    """Every element under `element`, the way streamlit-folium walks them to collect assets."""
    yield element
    if isinstance(element, folium.plugins.DualMap):
        yield from _elements(element.m1)
        yield from _elements(element.m2)
    for child in getattr(element, "_children", {}).values():
        yield from _elements(child)


def _resolve(assets: list[tuple[str, str]], table: dict[str, object], owner: object) -> list[tuple[str, str]]:
    out = []
    for name, url in assets:
        if url.startswith("data:"):
            out.append((name, url))
            continue
        if name not in table:
            raise OfflineAssetError(f"{type(owner).__name__} needs {name} ({url}), which has no local copy")
        make = table[name]
        if callable(make):
            out.append((name, make()))
    return out


def localize(fig: branca.element.Element) -> None:
    """Point every script and stylesheet of the map (and its children) at local copies, in place."""
    for element in _elements(fig):
        if isinstance(element, JSCSSMixin):
            element.default_js = _resolve(list(element.default_js), _JS, element)
            element.default_css = _resolve(list(element.default_css), _CSS, element)


def asset_urls(fig: branca.element.Element) -> list[str]:
    """Every script and stylesheet URL the map will load (what streamlit-folium hands the browser)."""
    urls = []
    for element in _elements(fig):
        urls += [u for _, u in getattr(element, "default_js", [])]
        urls += [u for _, u in getattr(element, "default_css", [])]
    return urls
