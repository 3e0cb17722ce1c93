"""The striking side's bulletins as state media and wires word them: strikes "launched" or "carried
out", missiles fired by ships somewhere else, the "banned in Russia" clause after every group, and
headlines that end in their source. Each case is a short sentence written for the test, beside the
negative case its rule must leave alone.
"""

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


def roles(pipe: Pipeline, text: str, title: str = "") -> dict[str, set[str]]:
    """Role -> the names as written that carry it, over every claim."""
    out: dict[str, set[str]] = {"target": set(), "context": set()}
    for c in pipe.claims(Article(id="t.txt", title=title, text=text, published="2015-10-08")):
        for p in c.places:
            out[p.role].add(p.toponym.mention.text)
    return out


@pytest.mark.parametrize(
    "text, struck",
    [
        # a light verb's strikes say where they hit, even when a source is quoted
        ("Russian jets launched airstrikes on positions near Idlib, the ministry said.", {"Idlib"}),
        ("Su-24 bombers carried out a series of raids in Latakia province, the ministry said.", {"Latakia"}),
        # a plan or a condition is no report of where strikes hit
        ("Russia would carry out airstrikes in Idlib only with the consent of Damascus, Lavrov said.", set()),
    ],
)
def test_strikes_a_light_verb_performs(pipe: Pipeline, text: str, struck: set[str]) -> None:
    assert roles(pipe, text)["target"] == struck


@pytest.mark.parametrize(
    "text, struck, launched_from",
    [
        (
            "Two submarines in the eastern Mediterranean fired cruise missiles at targets in Raqqa, "
            "the ministry said.",
            {"Raqqa"},
            "Mediterranean",
        ),
        (
            "Warships in the Mediterranean launched missiles at depots near Deir ez-Zor, Shoigu said.",
            {"Deir ez-Zor"},
            "Mediterranean",
        ),
        (
            "Russia, which is stepping up its campaign, fired cruise missiles from warships in the "
            "Mediterranean at targets in Raqqa.",
            {"Raqqa"},
            "Mediterranean",
        ),
    ],
)
def test_where_the_striker_is_is_no_target(
    pipe: Pipeline, text: str, struck: set[str], launched_from: str
) -> None:
    found = roles(pipe, text)
    assert found["target"] == struck
    assert launched_from in found["context"]


@pytest.mark.parametrize(
    "text, struck",
    [
        # a list set off by dashes after the places it names, which the parser makes the speaker
        (
            "Russian warplanes struck targets in three provinces — Homs, Idlib and Latakia — the Russian "
            "Defense Ministry said.",
            {"Homs", "Idlib", "Latakia"},
        ),
        # "Among the areas targeted were A and B"
        (
            "Among the areas targeted were Talbiseh and Latamneh, the Observatory said.",
            {"Talbiseh", "Latamneh"},
        ),
        ("Among those killed were five children from Homs, activists said.", set()),
    ],
)
def test_lists_as_bulletins_set_them_out(pipe: Pipeline, text: str, struck: set[str]) -> None:
    assert roles(pipe, text)["target"] == struck


def test_a_strike_noun_as_subject_still_locates_its_strike(pipe: Pipeline) -> None:
    text = "Russian airstrikes in Idlib killed 12 civilians, activists said."
    assert roles(pipe, text)["target"] == {"Idlib"}


@pytest.mark.parametrize(
    "text, struck, context",
    [
        (
            "Russian jets struck positions of Jabhat al-Nusra (a terrorist group banned in Russia) near "
            "Idlib, the ministry said.",
            {"Idlib"},
            {"Russia"},
        ),
        # the aside set off by commas is blank to the parser (geo.mentions.parse_text): no mention
        (
            "Su-34 bombers destroyed a depot of the Islamic State group, outlawed in Russia, in Raqqa, "
            "the ministry said.",
            {"Raqqa"},
            set(),
        ),
    ],
)
def test_where_a_group_is_banned_is_no_target(
    pipe: Pipeline, text: str, struck: set[str], context: set[str]
) -> None:
    found = roles(pipe, text)
    assert found["target"] == struck
    assert found["context"] >= context and "Russia" not in found["target"]


def test_a_name_beside_a_group_is_no_described_place(pipe: Pipeline) -> None:
    """ "Talbiseh, a town near Homs" describes Talbiseh; "Nusra, a group ... near Idlib" locates the
    strike: only a place's name is described by the phrase after it."""
    described = roles(pipe, "Russian jets struck Talbiseh, a town near Homs, the ministry said.")
    assert described["target"] == {"Talbiseh"}


@pytest.mark.parametrize(
    "title, credited",
    [
        ("Number of anti-terror strikes hits new high in Idlib: Russia", "Russia"),
        ("Russian jets hit rebels in Idlib, says Russia", "Russia"),
    ],
)
def test_a_headline_credit_is_no_struck_place(pipe: Pipeline, title: str, credited: str) -> None:
    found = roles(pipe, "The ministry gave no further details.", title)
    assert "Idlib" in found["target"]
    assert credited not in found["target"]


def test_a_headline_of_two_clauses_keeps_each_speaker(pipe: Pipeline) -> None:
    """The parser reads "A; B says C" as one sentence with two subjects of "says"."""
    title = "Russia launches air strikes in Idlib; US says Islamic State not the target"
    claims = pipe.claims(
        Article(id="t.txt", title=title, text="No details were given.", published="2015-10-01")
    )
    struck = {(p.toponym.mention.text, c.source.side) for c in claims for p in c.places if p.role == "target"}
    assert struck == {("Idlib", "reporter")}


def test_a_briefer_named_by_pronoun_object_or_title(pipe: Pipeline) -> None:
    """A briefing runs on as "According to him, ..." and "The general said ...": both go back to the
    spokesman; an unknown general elsewhere stays unknown."""
    text = (
        "Jets struck targets in Syria, Defense Ministry spokesman Major General Igor Konashenkov told "
        "reporters. According to him, the facilities hit included a training camp near Raqqa. The general "
        "said a depot near Idlib was hit."
    )
    sides = {
        p.toponym.mention.text: c.source.side
        for c in pipe.claims(Article(id="t.txt", title="", text=text, published="2015-10-05"))
        for p in c.places
        if p.role == "target"
    }
    assert sides == {"Syria": "russia", "Raqqa": "russia", "Idlib": "russia"}
    alone = pipe.claims(Article(id="t.txt", title="", text="The general said a depot near Idlib was hit."))
    assert {c.source.side for c in alone} == {"other"}
