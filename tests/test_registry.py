"""The actor registry: sides are data, speakers map to sides, and a broken file says where it is broken."""

from __future__ import annotations

from pathlib import Path

import pytest

from geo.errors import RegistryError
from geo.registry import load_registry, load_sides


@pytest.mark.parametrize(
    "speaker, side",
    [
        ("Russia's Defence Ministry spokesman Igor Konashenkov", "russia"),
        ("The defence ministry in Moscow", "russia"),
        ("The Rossiya state television channel", "russia"),
        ("US officials", "us"),
        ("Lt. Gen. Robert Otto, the Air Force's deputy chief of staff", "us"),
        ("The head of Syria's main opposition group", "opposition"),
        ("Local Syrian sources", "opposition"),
        ("some activists", "opposition"),
        ("The British-based Syrian Observatory for Human Rights", "monitor"),
        ("Rami Abdurrahman, who heads the Observatory", "monitor"),
        ("Syrian state news agency SANA", "syria_gov"),
        ("Syria's ambassador to Moscow, Riad Haddad", "syria_gov"),
        ("Iran's Foreign Ministry", "iran"),
        ("Our correspondent in Gaziantep", "reporter"),
        # an analyst's own assessment is narration (ANNOTATION.md)
        ("the think tank", "reporter"),
        # the name the phrase starts with, before a description that names another side
        ("a member of Jaysh al-Islam, a militia fighting the regime of Bashar al-Assad", "opposition"),
        ("the Russian-backed Syrian army", "syria_gov"),
        ("a spokesman for Jaysh al-Islam, which is fighting Assad's forces", "opposition"),
        ("Rami Abdel Rahman", "monitor"),
        ("The head of the Syrian Turkmen Assembly, Abdurrahman Mustafa", "opposition"),
    ],
)
def test_speakers_map_to_sides(speaker: str, side: str) -> None:
    found = load_registry().side_of(speaker)
    assert found is not None and found[0] == side


def test_unknown_speaker_has_no_side() -> None:
    assert load_registry().side_of("a man in the street") is None


def test_the_seed_campaigns_sides_in_legend_order() -> None:
    assert list(load_sides()) == [
        "russia",
        "us",
        "opposition",
        "monitor",
        "syria_gov",
        "iran",
        "other",
        "reporter",
    ]


def test_only_the_parties_state_media_and_monitors_narrate_for_their_side() -> None:
    """ANNOTATION.md: Russian state media and the Syrian state agency speak for their side, and so does
    a monitor's own report; any other outlet's narration (a third state's, a party's paper) is the
    reporter's."""
    assert {s.id for s in load_sides().values() if s.narrates} == {"russia", "syria_gov", "monitor"}


def test_another_conflict_is_a_new_registry_not_new_code(tmp_path: Path) -> None:
    path = tmp_path / "yemen.yaml"
    path.write_text(
        """
sides:
  coalition: {label: "Saudi-led coalition", color: "#0072B2"}
  houthis: {label: "Houthis", color: "#D55E00"}
  reporter: {label: "Reporter", color: "#000000"}
campaign: {side: coalition, force: ['Saudi-led', 'coalition'], other_forces: ['Houthi']}
actors:
  - {side: houthis, kind: organisation, patterns: ['Saba', 'Ansar Allah', 'Houthis?']}
  - {side: coalition, kind: person, patterns: ['Turki al-Maliki']}
""",
        encoding="utf-8",
    )
    registry = load_registry(path)
    assert list(registry.sides) == ["coalition", "houthis", "reporter"]
    assert registry.side_of("the Houthi-run Saba news agency") == ("houthis", "organisation")
    assert registry.force_side == "coalition" and registry.force.search("Saudi-led jets")


@pytest.mark.parametrize(
    "text, problem",
    [
        ("sides: {}", "no 'sides' mapping"),
        ("sides: {a: {label: A}}", "needs a label and a color"),
        ("sides: {a: {label: A, color: red}}\nactors: [{side: b, patterns: [x]}]", "actor entry 1"),
        ("sides: {a: {label: A, color: red}}\nactors: [{side: a, patterns: ['(']}]", "bad pattern"),
        ("sides: [unclosed", "not valid YAML"),
    ],
)
def test_a_broken_registry_names_the_file_and_the_problem(tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RegistryError) as err:
        load_registry(path)
    assert str(path) in str(err.value) and problem in str(err.value)
