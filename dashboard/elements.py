"""Folium elements whose rendered script is added to the page as text, never parsed again as a template.

branca's `MacroElement.render` wraps each macro's output in `Element(output)`, which compiles that
output as a Jinja template and renders it whenever the figure is rendered (streamlit-folium renders
it twice per run). Any `{{ ... }}` in the data (an article's sentence, a side named in an opened
file, a file name) would then run on the server: `{{ cycler.__init__.__globals__.os... }}` is code
execution. Compiling hundreds of kilobytes of data as a template was also a third of the script's
time. Every element of ours that carries data derives from `Script` or `DataLayer`.
"""

from __future__ import annotations

from typing import Any

import folium
from branca.element import Element, Figure
from folium.elements import ElementAddToElement
from jinja2.utils import htmlsafe_json_dumps


class Raw(Element):
    """Text already rendered: the page gets it as it is."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def render(self, **kwargs: Any) -> str:
        return self.text


def script_json(value: Any) -> str:
    """Data for a script: compact (Jinja's `tojson` spaces every separator, a sixth of a map's bytes)
    and HTML-safe like `tojson` (`<`, `>`, `&` and `'` as \\u escapes), so article text stays text."""
    return str(htmlsafe_json_dumps(value, separators=(",", ":")))


def _add_script(element: folium.MacroElement, kwargs: dict[str, Any]) -> str:
    figure = element.get_root()
    assert isinstance(figure, Figure) and element._parent is not None, "an element renders inside a map"
    script = element._template.module.__dict__["script"](element, kwargs)
    figure.script.add_child(Raw(str(script)), name=element.get_name())
    for child in element._children.values():
        child.render(**kwargs)
    return ""


class Script(folium.MacroElement):
    """A MacroElement with only a `script` macro, rendered once and added as text."""

    def render(self, **kwargs: Any) -> str:
        return _add_script(self, kwargs)


class DataLayer(folium.map.Layer):
    """A Layer (listed in the layer control when `control`) whose script embeds its data, added as text."""

    json = staticmethod(script_json)

    def render(self, **kwargs: Any) -> str:
        """Add the layer's script to the figure; like any layer it has no HTML of its own."""
        assert self._parent is not None, "a layer renders inside a map"
        if self.show:
            self.add_child(
                ElementAddToElement(
                    element_name=self.get_name(), element_parent_name=self._parent.get_name()
                ),
                name=self.get_name() + "_add",
            )
        return _add_script(self, kwargs)
