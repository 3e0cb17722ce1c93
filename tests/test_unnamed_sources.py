"""Unnamed sources: "sources said" is the narrator's own sourcing, an unqualified military source the
Syrian army's, and both speak for a partisan outlet's side as its other unnamed speakers do. Each
case is a short text written for the test; each fails when its registry rule is taken out."""

from __future__ import annotations

import pytest

from geo.gazetteer import Gazetteer
from geo.mentions import load_nlp
from geo.pipeline import Pipeline
from geo.registry import load_registry
from geo.types import Article


@pytest.fixture(scope="module")
def pipe(tiny_gazetteer: Gazetteer) -> Pipeline:
    return Pipeline(load_nlp(), tiny_gazetteer, load_registry())


def sides(pipe: Pipeline, text: str, outlet: str) -> set[str]:
    claims = pipe.claims(Article(id="t.txt", title="t", text=text, outlet=outlet))
    return {c.source.side for c in claims for p in c.places if p.role == "target"}


@pytest.mark.parametrize(
    "text, outlet, side",
    [
        # the narrator's own unnamed sourcing, in a wire or a broadcaster with no side
        ("Sources said Russian warplanes hit a hospital in Talbiseh.", "Al Jazeera", "reporter"),
        ("Russian jets bombed Talbiseh, according to reports in news sources.", "Daily Sabah", "reporter"),
        # an unqualified military source is the Syrian army's ...
        ("Military sources said Russian jets pounded positions in Talbiseh.", "Al Manar", "syria_gov"),
        # ... but a partisan outlet's unnamed sources keep its side
        ("Russian jets struck Talbiseh at dawn, according to field sources.", "Orient News", "opposition"),
        ("A military source said Russian warplanes destroyed a depot near Talbiseh.", "Press TV", "iran"),
        # a monitor described, not named
        ("The monitoring NGO said Russian raids killed 14 civilians in Talbiseh.", "NOW Lebanon", "monitor"),
        # a source described by where it is stays that side's, before the bare noun
        ("Local sources said Russian warplanes hit Talbiseh on Friday.", "Al Jazeera", "opposition"),
    ],
)
def test_unnamed_sources_speak_for(pipe: Pipeline, text: str, outlet: str, side: str) -> None:
    assert sides(pipe, text, outlet) == {side}
