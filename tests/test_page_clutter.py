"""Page furniture in scraped article text: its short lines are dropped, the article's own kept."""

from __future__ import annotations

import pytest

from geo.articles import read_bytes


def body(text: str) -> str:
    return read_bytes("a.txt", f"Jets strike Idlib\n\n{text}".encode()).articles[0].text


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "3 min 12Approximate reading time\n\nJets struck Idlib on Monday.\n\nShare on Facebook",
            "Jets struck Idlib on Monday.",
        ),
        (
            "Jets struck Idlib.\nSign up for our Aleppo newsletter\nActivists said nine died.",
            "Jets struck Idlib.\nActivists said nine died.",
        ),
        # a sentence of the article that happens to use such a word is the article's
        (
            "The monitor's newsletter said jets struck the town of Saraqib on Monday, killing nine people.",
            "The monitor's newsletter said jets struck the town of Saraqib on Monday, killing nine people.",
        ),
        ("Idlib, Syria\n\nJets struck Idlib.", "Idlib, Syria\n\nJets struck Idlib."),
    ],
)
def test_page_furniture_is_dropped(text: str, expected: str) -> None:
    assert body(text) == expected
