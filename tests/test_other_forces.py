"""Strikes by forces other than the campaign's are context: the registry's `other_forces` include the
armed groups on the ground, whose shelling is no air strike of the campaign. Each case is a short text
written for the test; each fails when its rule is switched off."""

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


def targets(pipe: Pipeline, text: str) -> set[tuple[str, str]]:
    claims = pipe.claims(Article(id="t.txt", title="t", text=text))
    return {(p.toponym.mention.text, c.source.side) for c in claims for p in c.places if p.role == "target"}


@pytest.mark.parametrize(
    "text, expected",
    [
        # the armed groups' own attacks are not the campaign's strikes
        (
            "Russian jets struck Latamneh, the ministry in Moscow said. Armed groups have breached the "
            "truce many times, targeting residential areas in Homs, the ministry added.",
            {("Latamneh", "russia")},
        ),
        # ... and their shelling and rockets, as a state agency reports them
        ("Insurgent rocket fire hit Latakia on Monday, SANA said.", set()),
        ("Rebel shelling killed five people in Homs, state media said.", set()),
        # but strikes on them are
        ("Russian jets struck militants in Latamneh, the ministry in Moscow said.", {("Latamneh", "russia")}),
        (
            "Russian strikes on rebel-held Latamneh killed 20 people, activists said.",
            {("Latamneh", "opposition")},
        ),
    ],
)
def test_the_armed_groups_strikes_are_context(
    pipe: Pipeline, text: str, expected: set[tuple[str, str]]
) -> None:
    assert targets(pipe, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a ground operation the force's aircraft fly for: its places are where they strike
        ("Syrian troops, backed by Russian jets, captured the town of Talbiseh.", {("Talbiseh", "reporter")}),
        (
            "A ground campaign was launched by Syrian forces under Russian air cover, with the aim of "
            "taking the city of Talbiseh.",
            {("Talbiseh", "reporter")},
        ),
        (
            "The Observatory said government forces, backed by Russian air cover, had managed to advance "
            "in the Homs countryside.",
            {("Homs", "monitor")},
        ),
        # raids flown in support of another force's offensive strike where the offensive goes
        (
            "The ministry in Moscow said its jets flew 25 raids a day in support of a government "
            "offensive to retake the town of Talbiseh.",
            {("Talbiseh", "russia")},
        ),
        ("Regime jets carried out raids in support of an army offensive to retake Talbiseh.", set()),
        # an offensive only being prepared has not gone anywhere yet
        ("Syrian troops, supported by Russian air power, are preparing an offensive on Talbiseh.", set()),
        # backing of any kind, or by another force's aircraft, is no strike of the campaign
        ("Syrian troops, backed by Russian forces, captured the town of Talbiseh.", set()),
        ("Syrian troops, backed by regime jets, captured the town of Talbiseh.", set()),
        ("Russian-backed Syrian troops captured the town of Talbiseh.", set()),
    ],
)
def test_air_support_makes_a_ground_operation_the_forces_strike(
    pipe: Pipeline, text: str, expected: set[tuple[str, str]]
) -> None:
    assert targets(pipe, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # "dropped bombs on X" carries the strike as "carried out raids on X" does
        ("Russian jets dropped bombs on residential areas in Talbiseh.", {("Talbiseh", "reporter")}),
        # the weapon itself names the force that uses it
        ("Helicopters dropped barrel bombs on Talbiseh.", set()),
    ],
)
def test_dropped_bombs_are_a_strike_and_barrel_bombs_another_forces(
    pipe: Pipeline, text: str, expected: set[tuple[str, str]]
) -> None:
    assert targets(pipe, text) == expected


def test_a_paragraph_about_another_forces_strikes_goes_on_with_them(pipe: Pipeline) -> None:
    text = (
        "Russian jets struck Talbiseh on Monday, activists said.\n\n"
        "The US-led coalition began its air strikes on IS in August 2014. This alliance, too, flew 15 "
        "strikes near Raqqa on Monday. According to the coalition, weapons depots were destroyed in Homs."
    )
    assert targets(pipe, text) == {("Talbiseh", "opposition")}


def test_a_towns_name_is_what_there_refers_to(pipe: Pipeline) -> None:
    text = (
        "Talbiseh has been held by rebels for years. Now at least 23 people have been killed there in "
        "air strikes."
    )
    assert targets(pipe, text) == {("Talbiseh", "reporter")}


def test_a_weapon_a_force_made_is_no_strike_of_that_force(pipe: Pipeline) -> None:
    text = (
        "A raid hit a base of Tajammu al-Ezzeh, a group that has received US-made anti-tank missiles, in "
        "Latamneh, the Observatory said."
    )
    assert targets(pipe, text) == {("Latamneh", "monitor")}


@pytest.mark.parametrize(
    "text, expected",
    [
        # a partner beside the striker makes no strike the partner's ...
        (
            "Jets, together with the Syrian Army's artillery, hit positions in Talbiseh.",
            {("Talbiseh", "reporter")},
        ),
        # ... nor does it hide another force striking, or the campaign's force beside it
        ("Regime jets, along with artillery, pounded Talbiseh.", set()),
        ("Syrian jets, along with Russian warplanes, pounded Talbiseh.", {("Talbiseh", "reporter")}),
    ],
)
def test_a_partner_beside_the_striker(pipe: Pipeline, text: str, expected: set[tuple[str, str]]) -> None:
    assert targets(pipe, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the Syrian air force's own aircraft are another force's, named by their country alone
        ("Syrian warplanes carried out raids on Talbiseh on Wednesday.", set()),
        ("Syrian and Russian warplanes struck Talbiseh on Wednesday.", {("Talbiseh", "reporter")}),
        # what a strike is compared with owns nothing
        (
            "A resident said two jets flying much higher than Syrian aircraft usually do had fired at "
            "least eight missiles into Talbiseh.",
            {("Talbiseh", "opposition")},
        ),
    ],
)
def test_syrian_aircraft_are_another_force(pipe: Pipeline, text: str, expected: set[tuple[str, str]]) -> None:
    assert targets(pipe, text) == expected
