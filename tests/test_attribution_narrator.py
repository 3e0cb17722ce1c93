"""The narrator and the sources it quotes: which of an article's words are the outlet's own and which
a quoted source's. Each case is a short text written for the test; each fails when its rule is
switched off."""

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


def targets(pipe: Pipeline, text: str, outlet: str = "") -> set[tuple[str, str]]:
    claims = pipe.claims(Article(id="t.txt", title="t", text=text, outlet=outlet))
    return {(p.toponym.mention.text, c.source.side) for c in claims for p in c.places if p.role == "target"}


def test_an_outlets_name_is_no_descriptor(pipe: Pipeline) -> None:
    # a descriptive word in an outlet's name ("observer") does not make it a side's outlet
    text = "Russian warplanes destroyed a bakery in Talbiseh on Thursday."
    assert targets(pipe, text, "Levant Observer") == {("Talbiseh", "reporter")}


def test_hearsay_beside_the_narration_is_no_one_elses(pipe: Pipeline) -> None:
    # "many casualties were reported" is a clause of its own: the strike is still the narrator's
    text = (
        "Russian jets struck Homs, a witness said.\n\n"
        "On Friday, Russian warplanes attacked Talbiseh, and many casualties were reported."
    )
    assert targets(pipe, text) == {("Homs", "opposition"), ("Talbiseh", "reporter")}


def test_a_closing_speaker_the_parser_misplaces(pipe: Pipeline) -> None:
    # a long account closed by its speaker, which the parser reads as a clause of the account
    text = (
        "Talbiseh and Latamneh, two villages to the north, were also hit, as was the area around Homs, a "
        "city that a rebel alliance including the Nusra Front seized in April, the Syrian Observatory for "
        "Human Rights said."
    )
    assert {side for _, side in targets(pipe, text)} == {"monitor"}


@pytest.mark.parametrize(
    "text, expected",
    [
        # a time clause set before the speaker frames the speech: it is the narrator's
        (
            "A week after Russian aircraft bombed rebels in Talbiseh, officials in Washington say they "
            "are still waiting for an explanation.",
            {("Talbiseh", "reporter")},
        ),
        # a concession after the speech, set off by a comma
        (
            "The pause in the bombing is still in place, Moscow says, despite evidence that Russian jets "
            "hit Latamneh on Tuesday.",
            {("Latamneh", "reporter")},
        ),
        # but what the speaker says after the speech verb stays the speaker's
        (
            "Activists said after the raid that Russian jets had hit Latamneh.",
            {("Latamneh", "opposition")},
        ),
    ],
)
def test_the_narrators_frame_around_a_speech(
    pipe: Pipeline, text: str, expected: set[tuple[str, str]]
) -> None:
    assert targets(pipe, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # hearsay about an actor is the narrator's, not the last speaker's
        (
            "Russian jets struck Homs, the Russian defence ministry said.\n\nRussia is reported to have "
            "lost two pilots since its air campaign against terrorists in Idlib began.",
            {("Homs", "russia"), ("Idlib", "reporter")},
        ),
        # hearsay about a struck place goes on with whoever was reporting
        (
            "Russian jets struck Homs, the Russian defence ministry said.\n\nA depot in Idlib was said to "
            "have been hit.",
            {("Homs", "russia"), ("Idlib", "russia")},
        ),
    ],
)
def test_hearsay_about_an_actor(pipe: Pipeline, text: str, expected: set[tuple[str, str]]) -> None:
    assert targets(pipe, text) == expected


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
        # the striking side would not say its targets are where IS is scarce: the narrator says it
        (
            "The Russian defence ministry said its jets had struck IS targets in Talbiseh and Latamneh, "
            "where IS has only a marginal presence.",
            {
                ("Talbiseh", "russia", "is_hit"),
                ("Latamneh", "russia", "is_hit"),
                ("Talbiseh", "reporter", "no_is_present"),
                ("Latamneh", "reporter", "no_is_present"),
            },
        ),
        # other sources say it themselves
        (
            "Activists said Russian jets had struck Talbiseh and Latamneh, where IS has no presence.",
            {("Talbiseh", "opposition", "no_is_present"), ("Latamneh", "opposition", "no_is_present")},
        ),
    ],
)
def test_the_narrators_aside_in_the_striking_sides_account(
    pipe: Pipeline, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert typed(pipe, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # "according to" on a speech verb with its own speaker names the medium, not the speaker
        (
            'Abu Omar, an activist, said Russian jets hit Homs. "Russian warplanes attacked Talbiseh," '
            "he said, according to Anadolu Agency.",
            {("Homs", "opposition"), ("Talbiseh", "opposition")},
        ),
        # and an unknown speaker takes the side of a partisan medium that passed the words on
        (
            '"Russian warplanes destroyed a depot near Talbiseh," a military source said, according to SANA.',
            {("Talbiseh", "syria_gov")},
        ),
    ],
)
def test_according_to_a_medium(pipe: Pipeline, text: str, expected: set[tuple[str, str]]) -> None:
    assert targets(pipe, text) == expected


def test_a_speaker_in_a_relative_clause_speaks_of_its_noun(pipe: Pipeline) -> None:
    # "strikes that the Red Cross said had killed 20": the strikes are part of what the Red Cross says
    text = (
        "Moscow denied that its jets had bombed a market in Talbiseh, as anger grew over raids that the "
        "Red Cross said had killed about 20 people."
    )
    assert ("Talbiseh", "other") in targets(pipe, text)


def test_a_bare_surname_is_the_person_named_before(pipe: Pipeline) -> None:
    # "according to Kurab" after "Mohamed Kurab, an activist": a name the tagger does not know as a
    # person is still the one introduced before
    text = (
        "Mohamed Kurab, an activist based in Talbiseh, told reporters that Russian jets had hit the town. "
        "According to Kurab, Russian jets also struck Latamneh."
    )
    assert ("Latamneh", "opposition") in targets(pipe, text)


def test_strikes_as_the_means_of_a_stance(pipe: Pipeline) -> None:
    # "backing Assad by targeting rebels": the strikes are Moscow's, reported as the means
    text = "Western governments accuse Moscow of backing the Assad regime by targeting rebels in Latamneh."
    assert typed(pipe, text) == {("Latamneh", "other", "rebels_hit")}


def test_what_a_source_does_not_confirm_is_no_claim(pipe: Pipeline) -> None:
    text = "Local sources confirmed strikes on Talbiseh, but did not confirm the reported raids on Latamneh."
    assert targets(pipe, text) == {("Talbiseh", "opposition")}


def test_two_closing_speakers_the_parser_reads_inside_out(pipe: Pipeline) -> None:
    # "..., activists and a monitoring group reported.": the parser makes the speakers a list with
    # the struck place and the verb a clause of the account; each speaker's side claims the place
    text = "Russian jets struck Talbiseh, activists and a monitoring group reported."
    assert targets(pipe, text) == {("Talbiseh", "opposition"), ("Talbiseh", "monitor")}


@pytest.mark.parametrize(
    "text, side",
    [
        # a party's state medium datelined in the striking side's capital relays that side's briefing
        ("Moscow, SANA – Russian bombers destroyed IS positions near Deir ez-Zor.", "russia"),
        ("Damascus, SANA – Russian bombers destroyed IS positions near Deir ez-Zor.", "syria_gov"),
    ],
)
def test_a_state_medium_in_the_striking_sides_capital(pipe: Pipeline, text: str, side: str) -> None:
    assert targets(pipe, text, "SANA") == {("Deir ez-Zor", side)}


def test_a_speech_verb_after_a_particle(pipe: Pipeline) -> None:
    # "went on reporting": the speaker is the subject of the verb the particle hangs on
    text = "Local sources went on reporting airstrikes in Talbiseh and Latamneh on Monday."
    assert targets(pipe, text) == {("Talbiseh", "opposition"), ("Latamneh", "opposition")}


def test_a_claim_denied_after_a_comma_is_not_the_deniers_account(pipe: Pipeline) -> None:
    # "..., a claim rebels denied.": the closing noun phrase names what is denied before who denies it
    text = "Russia said its jets destroyed an IS command post in Talbiseh, a claim rebels denied."
    assert targets(pipe, text) == {("Talbiseh", "russia")}


def test_closing_speakers_listed_with_the_places(pipe: Pipeline) -> None:
    # the parser lists the speakers with the struck places and leaves "said" without a subject
    text = (
        "Russian warplanes struck Talbiseh and Latamneh, the activist-run Local Coordination Committees "
        "and the Observatory said."
    )
    assert {side for _, side in targets(pipe, text)} == {"opposition", "monitor"}


def test_closing_speakers_with_long_names(pipe: Pipeline) -> None:
    # two long names after the last comma (17 words) are still the closing speakers, not a clause
    text = (
        "Jets pounded Talbiseh and Latamneh, wounding at least 12 people, the activist-run Talbiseh Media "
        "Center and the Britain-based Syrian Observatory for Human Rights reported."
    )
    assert {side for _, side in targets(pipe, text)} == {"opposition", "monitor"}


def test_an_unnamed_source_that_indicates(pipe: Pipeline) -> None:
    text = "Opposition sources indicate that four Russian aircraft bombed Talbiseh."
    assert targets(pipe, text) == {("Talbiseh", "opposition")}


@pytest.mark.parametrize(
    "banner, side",
    [
        # the page's own correspondent reports as its newsroom does
        ("Orient Net | News", "reporter"),
        # another site relaying that correspondent relays a partisan medium
        ("Farah News Online", "opposition"),
    ],
)
def test_a_pages_own_correspondent(pipe: Pipeline, banner: str, side: str) -> None:
    text = "Russian warplanes struck Talbiseh at dawn, Orient's correspondent said."
    claims = pipe.claims(Article(id="t.txt", title="t", text=text, banner=banner))
    assert {
        (p.toponym.mention.text, c.source.side) for c in claims for p in c.places if p.role == "target"
    } == {("Talbiseh", side)}


def test_a_media_centers_page_is_its_newsrooms(pipe: Pipeline) -> None:
    text = "Russian warplanes struck Talbiseh at dawn."
    claims = pipe.claims(Article(id="t.txt", title="t", text=text, banner="Homs Media Center | Blog"))
    assert {c.source.side for c in claims if c.places} == {"reporter"}


def test_a_closing_body_described_by_its_sources(pipe: Pipeline) -> None:
    text = (
        "Fifteen civilians died in Russian air strikes in Idlib, the Syrian Observatory for Human Rights "
        "said.\n\n"
        "The raids struck an area outside the town of Talbiseh where displaced families had gathered, said "
        "the NGO, which relies on a wide network of sources."
    )
    assert targets(pipe, text) == {("Idlib", "monitor"), ("Talbiseh", "monitor")}
