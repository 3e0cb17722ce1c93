"""How real sources word a claim's type and where it lands: that the strikes' targets are not there
(besides "no presence"), and where bombs explode. Each case is a short text written for the test;
each fails when its rule is switched off."""

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


def typed(pipe: Pipeline, text: str) -> set[tuple[str, str, str]]:
    claims = pipe.claims(Article(id="t.txt", title="t", text=text))
    return {
        (p.toponym.mention.text, c.source.side, c.claim_type)
        for c in claims
        for p in c.places
        if p.role == "target"
    }


@pytest.mark.parametrize(
    "text, expected",
    [
        # who is there is someone else: the contrasted claim's place is theirs too
        (
            "While Russia said its jets had hit an arms depot outside Talbiseh, residents insisted that the "
            "only fighters in the area belonged to a local brigade.",
            {("Talbiseh", "russia", "strike_reported"), ("Talbiseh", "opposition", "no_is_present")},
        ),
        # who is absent named in the claim the sentence contrasts
        (
            "Russia says it is striking IS fighters, but rebels say they have no presence in Latamneh.",
            {("Latamneh", "russia", "is_hit"), ("Latamneh", "opposition", "no_is_present")},
        ),
        # "there is not a single IS fighter"
        (
            'Russian jets bombed Latamneh on Monday. "There is not a single Daesh fighter here," a local '
            "commander said.",
            {("Latamneh", "reporter", "strike_reported"), ("Latamneh", "opposition", "no_is_present")},
        ),
        # "nothing to do with", "nowhere near"
        (
            'Russian jets bombed Latamneh on Monday. "Nobody here has anything to do with the Islamic '
            'State," a local commander said.',
            {("Latamneh", "reporter", "strike_reported"), ("Latamneh", "opposition", "no_is_present")},
        ),
    ],
)
def test_no_one_of_the_targets_is_there(
    pipe: Pipeline, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert typed(pipe, text) == expected


def test_bombs_exploding_somewhere_land_there(pipe: Pipeline) -> None:
    # an attributed noun aside is no claim of where strikes hit; bombs exploding in a place are
    text = 'Activists said that "cluster bombs from Russian airstrikes are exploding in Latamneh."'
    assert typed(pipe, text) == {("Latamneh", "opposition", "strike_reported")}


def test_the_striking_side_denies_the_strikes_told(pipe: Pipeline) -> None:
    # "denied carrying them out": a denial of the strikes the sentence tells of, where they were told
    text = "Syrian state TV reported strikes on Latamneh, but Moscow denied carrying them out."
    assert typed(pipe, text) == {
        ("Latamneh", "syria_gov", "strike_reported"),
        ("Latamneh", "russia", "denial"),
    }


@pytest.mark.parametrize(
    "text, expected",
    [
        # the striking side says its strikes were not aimed at a place: a denial there
        (
            "The strikes were not aimed at Talbiseh, the Russian defence ministry said.",
            {("Talbiseh", "russia", "denial")},
        ),
        # strikes aimed at a place land there
        (
            "The strikes were aimed at Talbiseh, activists said.",
            {("Talbiseh", "opposition", "strike_reported")},
        ),
    ],
)
def test_strikes_aimed_or_not_aimed_at_a_place(
    pipe: Pipeline, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert typed(pipe, text) == expected
