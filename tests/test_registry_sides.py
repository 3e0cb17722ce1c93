"""Sides the registry gives to speakers real reporting names by rank or service, and to outlets by
their names only. Each case fails when its registry entry or rule is removed."""

from __future__ import annotations

import pytest

from geo.registry import Registry, load_registry


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry()


@pytest.mark.parametrize(
    "phrase, side",
    [
        ("a senior officer of the Syrian Air Defense", "syria_gov"),
        ("a Syrian army officer", "syria_gov"),
        ("a Syrian general", "syria_gov"),
        # another allegiance named first keeps its side
        ("a Syrian rebel commander", "opposition"),
        ("a commander of the Free Syrian Army", "opposition"),
        # sources where the strikes fell are local sources, however they are qualified
        ("Local media sources", "opposition"),
        ("Sources at local field hospitals", "opposition"),
        # unnamed sources inside a body are that body's; bare ones are the narrator's sourcing
        ("sources in the Russian defence ministry", "russia"),
        ("informed sources", "reporter"),
        ("sources in Moscow", "reporter"),
        ("sources at the scene", "opposition"),
        ("sources in the town", "opposition"),
        ("sources in the Syrian security services", "syria_gov"),
        # the rebels' spotters who track warplanes are no rights monitor
        ("the Syrian opposition's aircraft observatory", "opposition"),
        ("the Syrian Observatory for Human Rights", "monitor"),
        # bare sourcing says least of who speaks: the source it names outranks it
        ("Reports from Syrian sources", "opposition"),
        ("Ground sources", "opposition"),
        ("local groups", "opposition"),
        # the information the narrator obtained is its own sourcing; information from someone is theirs
        ("the information obtained", "reporter"),
        ("information obtained from officials of the field hospital", "opposition"),
    ],
)
def test_officers_and_sources_by_rank_service_and_place(registry: Registry, phrase: str, side: str) -> None:
    found = registry.side_of(phrase)
    assert found is not None and found[0] == side


@pytest.mark.parametrize("outlet", ["Middle East Observer", "The Washington Post"])
def test_an_outlets_name_is_not_a_descriptor(registry: Registry, outlet: str) -> None:
    assert registry.named_side(outlet) is None


@pytest.mark.parametrize(
    "phrase, side",
    [
        # a rights group by its initials, as its own release names it after the full name
        ("PHR research coordinator Elise Baker", "monitor"),
        # open-source investigators report as a newsroom does
        ("Bellingcat", "reporter"),
        # a town's documentation centre is a local body; the VDC a monitor
        ("Hussein Farouq, spokesman of the Homs documentation center", "opposition"),
        ("the Violations Documentation Center", "monitor"),
        ("the eyewitness", "opposition"),
        # a province's health directorate runs the opposition's hospitals; the ministry is Damascus's
        ("Munthir Khalil, head of the Idlib Health Directorate", "opposition"),
        ("The Health Directorate in Hama", "opposition"),
        ("the Syrian health ministry", "syria_gov"),
        # media for the government, however the outlet names its side
        ("pro-government media", "syria_gov"),
        ("pro-regime media", "syria_gov"),
        # what a newsroom first learnt is its own sourcing; a body's findings are the body's
        ("the first information to come in", "reporter"),
        ("preliminary findings", "reporter"),
        ("the preliminary findings of the Syrian Observatory for Human Rights", "monitor"),
    ],
)
def test_investigators_and_rights_groups(registry: Registry, phrase: str, side: str) -> None:
    found = registry.side_of(phrase)
    assert found is not None and found[0] == side


def test_a_body_that_relies_on_sources_is_no_unnamed_source(registry: Registry) -> None:
    # the closing speaker's description, not an unnamed source: no rule knows "the NGO", whom the
    # article's last named body stands for
    assert registry.side_of("the NGO, which relies on a wide network of sources") is None
    assert registry.side_of("sources said") == ("reporter", "sources")


@pytest.mark.parametrize("phrase", ["the Homs Media Center", "Aleppo Media Center"])
def test_a_media_center_is_a_medium(registry: Registry, phrase: str) -> None:
    # its banner is a newsroom's, whose own sentences annotators give to the reporter
    assert registry.side_of(phrase) == ("opposition", "medium")
