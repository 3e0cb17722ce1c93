"""Resolve place mentions to gazetteer entries, choosing among namesakes from the article's context.

The resolver's parts: `resolve_cues` (what the text says around a mention), `resolve_lookup` (the
gazetteer as the resolver asks it), `resolve_rank` (features and ranker; its numbers in
`resolve_weights`), `resolve_article` (the order of the steps, the point each reading gets) and
`resolve_spans` (given spans, as the public benchmarks give them).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from geo.resolve_article import resolve_article
from geo.resolve_lookup import Lookup
from geo.resolve_spans import INNER_NAME, NEAREST_LOCALITY, resolve_spans
from geo.types import Mention, Toponym

if TYPE_CHECKING:
    from geo.gazetteer import Gazetteer

__all__ = ["INNER_NAME", "NEAREST_LOCALITY", "resolve", "resolve_spans"]


def resolve(text: str, mentions: Sequence[Mention], gazetteer: Gazetteer) -> list[Toponym]:
    """Resolve each mention to a place, reading the whole article for context; same order as `mentions`."""
    return [t for t, _ in resolve_article(text, mentions, Lookup(gazetteer), strays=True)]
