"""Strike places in real reporting: which named places a source says the campaign's strikes hit.

Short sentences written for these tests (not taken from an eval article), each the smallest case of
one rule, with the negative case beside the positive one. They run the real spaCy model over a small
in-memory gazetteer.
"""

from __future__ import annotations

import pytest

from geo.gazetteer import Gazetteer
from geo.mentions import load_nlp
from geo.pipeline import Pipeline
from geo.registry import load_registry
from geo.types import Article, Place

PLACES = (
    Place("country:SY", "Syria", 35.0, 38.0, "SY", kind="country"),
    Place("country:RU", "Russia", 61.5, 105.3, "RU", kind="country"),
    Place("country:IQ", "Iraq", 33.0, 44.0, "IQ", kind="country"),
    Place("admin1:SY-HM", "Hama", 35.2, 37.0, "SY", "10", kind="admin1"),
    Place("admin1:SY-ID", "Idlib", 35.8, 36.6, "SY", "12", kind="admin1"),
    Place("admin1:SY-HL", "Aleppo", 36.1, 37.4, "SY", "09", kind="admin1"),
    Place("admin1:SY-HI", "Homs", 34.47, 38.15, "SY", "11", kind="admin1"),
    Place("gn:170063", "Hama", 35.13179, 36.75783, "SY", "10", population=696_863),
    Place("gn:169388", "Idlib", 35.93062, 36.63393, "SY", "12", population=128_840),
    Place("gn:170063a", "Aleppo", 36.20, 37.16, "SY", "09", population=1_600_000),
    Place("gn:169577", "Homs", 34.72405, 36.72559, "SY", "11", population=775_404),
    Place("gn:163345", "Raqqa", 35.95, 39.01, "SY", "04", population=177_000),
    Place("gn:163779", "Talbiseh", 34.84072, 36.73092, "SY", "11", population=38_491),
    Place("sup:latamneh", "Latamneh", 35.321, 36.621, "SY", "10"),
    Place("sup:orontes", "Orontes River", 35.2, 36.6, "SY", kind="feature"),
    Place("admin1:SY-RD", "Rif Dimashq", 33.5, 36.6, "SY", "08", kind="admin1"),
    Place("sup:ghouta", "Eastern Ghouta", 33.55, 36.42, "SY", "08"),
    Place("sup:zafarana", "Zafarana", 34.864, 36.748, "SY", "11"),
    Place("sup:anadan", "Anadan", 36.294, 37.045, "SY", "09"),
    Place("sup:bayanoun", "Beyanun", 36.3, 37.085, "SY", "09"),
    Place("gn:163476", "Tel Rifat", 36.47229, 37.09471, "SY", "09"),
    Place("gn:170349", "Kafr Zita", 35.37, 36.6, "SY", "10"),
    Place("sup:misraba", "Misraba", 33.52, 36.36, "SY", "08"),
    Place("sup:sukhnah", "Suhnah", 34.88, 38.87, "SY", "11"),
    Place("gn:170017", "Jisr al-Shughur", 35.81, 36.32, "SY", "12"),
    Place("sup:kafr-nouran", "Kafrnuran", 36.16, 36.93, "SY", "09"),
    Place("sup:sukkariya", "al-Sukkariya", 34.5, 40.93, "SY", "05"),
    Place("gn:172515", "Albu Kamal", 34.45, 40.92, "SY", "05", population=57_000),
    # a province abroad under a quarter's name: what a looser spelling match may pick
    Place("admin1:TR-79", "Kallasa", 36.75, 37.15, "TR", "79", kind="admin1"),
)
ALTERNATES = {
    "admin1:SY-HM": ["Hama Governorate", "Hama Province"],
    "admin1:SY-ID": ["Idlib Governorate", "Idlib Province"],
    "admin1:SY-HL": ["Aleppo Governorate", "Aleppo Province"],
    "admin1:SY-HI": ["Homs Governorate", "Homs Province"],
}


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline(load_nlp(), Gazetteer.from_places(PLACES, ALTERNATES), load_registry())


def targets(pipe: Pipeline, text: str, title: str = "") -> set[str]:
    """The names as written of every target place."""
    claims = pipe.claims(Article(id="t.txt", title=title, text=text, published="2017-09-01"))
    return {p.toponym.mention.text for c in claims for p in c.places if p.role == "target"}


@pytest.mark.parametrize(
    "text, expected",
    [
        # a coalition strike report: the strikes after its first sentence name no striker, but they
        # are the coalition's
        (
            "The US-led coalition carried out 20 strikes in Syria and Iraq on Monday, the Pentagon said. "
            "Nine more strikes hit Raqqa, destroying four fighting positions, the statement added.",
            set(),
        ),
        # Russian state media's bracketed aside names no striker
        (
            "The US-led coalition against the Daesh (banned in Russia) group carried out nine strikes "
            "near Raqqa on Monday, the Pentagon said.",
            set(),
        ),
        # the campaign's force named as a striker: unnamed strikes stay its own
        (
            "The US-led coalition carried out 20 strikes in Iraq on Monday. Russian jets bombed "
            "Talbiseh. Nine more strikes hit Raqqa, activists said.",
            {"Talbiseh", "Raqqa"},
        ),
        # the campaign's force named only as a suspect, beside another force, in the strike's
        # sentence: the strikes may be its own, so they stay strikes
        (
            "Seven people were killed in air strikes on a hospital in Talbiseh, a doctor said, adding "
            "that he believed Russia or government forces were behind them. Refugees had fled a "
            "government offensive.",
            {"Talbiseh"},
        ),
    ],
)
def test_strikes_by_another_force_give_no_target(pipe: Pipeline, text: str, expected: set) -> None:
    assert targets(pipe, text) == expected


def placed(pipe: Pipeline, text: str) -> dict[str, tuple[str, str]]:
    """name as written -> (basis, place id) of every target place."""
    claims = pipe.claims(Article(id="t.txt", title="", text=text, published="2016-09-25"))
    return {
        p.toponym.mention.text: (p.basis, p.toponym.place.id)
        for c in claims
        for p in c.places
        if p.role == "target" and p.toponym.place is not None
    }


ALEPPO_CITY = "gn:170063a"


@pytest.mark.parametrize(
    "text, expected",
    [
        # "the A and B neighbourhoods of City": each quarter at its city, a title-first name too
        (
            "Jets bombed the Qadi Askar and Sheikh Khodr neighbourhoods of Aleppo, activists said.",
            {
                "Qadi Askar": ("unlocated", f"unlocated:{ALEPPO_CITY}:qadi-askar"),
                "Sheikh Khodr": ("unlocated", f"unlocated:{ALEPPO_CITY}:sheikh-khodr"),
            },
        ),
        # "the areas of A, B and other parts of City"
        (
            "The raids hit the areas of Bab al-Nairab, al-Maadi and other parts of Aleppo.",
            {
                "Bab al-Nairab": ("unlocated", f"unlocated:{ALEPPO_CITY}:bab-al-nairab"),
                "al-Maadi": ("unlocated", f"unlocated:{ALEPPO_CITY}:al-maadi"),
            },
        ),
        # "City's A district": the city owns the quarter
        (
            "Russian jets struck Aleppo's al-Maadi district on Monday.",
            {"al-Maadi": ("unlocated", f"unlocated:{ALEPPO_CITY}:al-maadi")},
        ),
        # "eastern City's A district": the possessive ends the city's name; the part of it holds A
        (
            "Russian jets struck eastern Aleppo's al-Maadi district on Monday.",
            {"al-Maadi": ("unlocated", "unlocated:admin1:SY-HL:al-maadi")},
        ),
        # a known name inside the list of quarters does not end it
        (
            "The raids hit the areas of Qadi Askar, Talbiseh, al-Maadi and other parts of Aleppo.",
            {"Qadi Askar": ("unlocated", f"unlocated:{ALEPPO_CITY}:qadi-askar")},
        ),
        # a quarter the resolver took for a province abroad is still the city's
        (
            "Russian jets bombed the Kallasa and Qadi Askar neighbourhoods of Aleppo.",
            {"Kallasa": ("unlocated", f"unlocated:{ALEPPO_CITY}:kallasa")},
        ),
        # "the A district of the city of X"
        (
            "Warplanes struck the Qadi Askar neighbourhood of the city of Aleppo, the Observatory said.",
            {"Qadi Askar": ("unlocated", f"unlocated:{ALEPPO_CITY}:qadi-askar")},
        ),
    ],
)
def test_a_citys_quarters_are_placed_at_the_city(pipe: Pipeline, text: str, expected: dict) -> None:
    found = placed(pipe, text)
    for name, want in expected.items():
        assert found.get(name) == want, found


def claims_by_place(pipe: Pipeline, text: str) -> dict[str, set[tuple[str, str, str]]]:
    """name as written -> {(side, claim type, role)}"""
    claims = pipe.claims(Article(id="t.txt", title="", text=text, published="2016-09-25"))
    out: dict[str, set[tuple[str, str, str]]] = {}
    for c in claims:
        for p in c.places:
            out.setdefault(p.toponym.mention.text, set()).add((c.source.side, c.claim_type, p.role))
    return out


@pytest.mark.parametrize(
    "text, expected",
    [
        # strikes said to be absent put no strike anywhere, whoever says so
        (
            "There were no strikes in Idlib and Hama provinces, Konashenkov said.",
            {"Idlib": {("russia", "other", "context")}, "Hama": {("russia", "other", "context")}},
        ),
        (
            "No air strikes hit Idlib on Monday, activists said.",
            {"Idlib": {("opposition", "other", "context")}},
        ),
        # the striking side denying a strike at a place: a denial there
        (
            "No Russian aircraft bombed the convoy in Idlib, the Russian defence ministry said.",
            {"Idlib": {("russia", "denial", "target")}},
        ),
        (
            "Konashenkov said its aircraft had not struck Talbiseh.",
            {"Talbiseh": {("russia", "denial", "target")}},
        ),
        # a source who says one place was not hit and another was
        (
            "Activists said Russian jets did not strike Talbiseh but bombed Hama.",
            {
                "Talbiseh": {("opposition", "strike_reported", "context")},
                "Hama": {("opposition", "strike_reported", "target")},
            },
        ),
    ],
)
def test_negated_strikes(pipe: Pipeline, text: str, expected: dict) -> None:
    assert claims_by_place(pipe, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # "A of Province", read as one name by the model: the place, and its province struck through it
        (
            "Russian jets bombed the village of Hazzeh in the Eastern Ghouta of Rif Dimashq, activists said.",
            {
                "Hazzeh": ("unlocated", "unlocated:sup:ghouta:hazzeh"),
                "Eastern Ghouta": ("explicit", "sup:ghouta"),
                "Rif Dimashq": ("container", "admin1:SY-RD"),
            },
        ),
        # the one area a sentence names holds the villages its strikes hit
        (
            "Russian jets pounded the western countryside of Hama, with raids on the villages of "
            "Ruwaida and Kafr Ain.",
            {"Ruwaida": ("unlocated", "unlocated:gn:170063:ruwaida")},
        ),
        # a paragraph's lead names the area ("rural X": the governorate) its next sentence's villages
        # are in
        (
            "Russian jets struck rural Hama on Sunday. The raids hit the villages of Ruwaida and Kafr Ain.",
            {"Ruwaida": ("unlocated", "unlocated:admin1:SY-HM:ruwaida")},
        ),
        # ... and across a paragraph break, where the same side's account has just been
        (
            "Russian jets struck rural Hama on Sunday.\nThe raids hit the villages of Ruwaida and Kafr Ain.",
            {"Ruwaida": ("unlocated", "unlocated:admin1:SY-HM:ruwaida")},
        ),
        # ... but not from far back in a long report
        (
            "Russian jets struck rural Hama on Sunday.\n"
            + "The ministry gave no other details of the raids, the first it has announced this week. " * 8
            + "\nThe raids hit the villages of Ruwaida and Kafr Ain.",
            {"Ruwaida": None},
        ),
        # unknown names in a later group of a semicolon list are struck as the first group is
        (
            "Russian jets struck rural Hama on Sunday. At least 40 Russian airstrikes hit the cities of "
            "Talbiseh and Latamneh; the towns of Ruwaida, Kafr Ain, Maan, Tell Hawash, Hamra and Qubbeh; "
            "and the rebel-held Tamanah airbase.",
            {"Kafr Ain": ("unlocated", "unlocated:admin1:SY-HM:kafr-ain")},
        ),
        # an incident record's address line places the village its report names
        (
            "Location: Kafr Ain, Hama, Syria\nJets bombed the village of Kafr Ain on Monday, activists said.",
            {"Kafr Ain": ("unlocated", "unlocated:admin1:SY-HM:kafr-ain")},
        ),
        ("Jets bombed the village of Kafr Ain on Monday, activists said.", {"Kafr Ain": None}),
        # a town is no area: the village beside it stays unplaced
        ("Russian jets struck Talbiseh and the village of Kafr Ain.", {"Kafr Ain": None}),
    ],
)
def test_containers_named_elsewhere(pipe: Pipeline, text: str, expected: dict) -> None:
    found = placed(pipe, text)
    for name, want in expected.items():
        assert found.get(name) == want, found


@pytest.mark.parametrize(
    "text, expected",
    [
        # the country is the strike place when the claim names nothing finer
        ("Russia is waging an air campaign in Syria to prop up the government.", {"Syria"}),
        ("Russia waged an air campaign in Syria for months.", {"Syria"}),
    ],
)
def test_a_campaign_in_a_country(pipe: Pipeline, text: str, expected: set) -> None:
    assert targets(pipe, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # an incident record's location field is where the incident it records happened
        (
            "Incident date: May 2, 2016\nLocation: Talbiseh, Homs, Syria\nFour civilians were killed.",
            {"Talbiseh", "Homs"},
        ),
        (
            "Incident date: May 2, 2016\nLOCATION\nTalbiseh, Homs, Syria\nFour civilians were killed.",
            {"Talbiseh", "Homs"},
        ),
        # any other field is not
        ("Incident date: May 2, 2016\nPublished in: Homs, Syria\nFour civilians were killed.", set()),
    ],
)
def test_an_incident_records_location_field(pipe: Pipeline, text: str, expected: set) -> None:
    assert targets(pipe, text) == expected


def test_a_relative_locator_after_a_list_is_its_container(pipe: Pipeline) -> None:
    """ "the A and B areas to the north-east of X": the villages are in X's area."""
    found = placed(
        pipe, "Bombs destroyed militant posts in the Talbiseh and Ruwaida areas to the north-east of Homs."
    )
    assert found.get("Ruwaida") == ("unlocated", "unlocated:gn:169577:ruwaida"), found


@pytest.mark.parametrize(
    "text, name, expected",
    [
        # "A village, Idlib, on July 11": the comma goes on with the clause, not with a list
        (
            "Cluster munitions hit the outskirts of Ruwaida village, Hama, on July 11, 2016.",
            "Ruwaida",
            ("unlocated", "unlocated:admin1:SY-HM:ruwaida"),
        ),
        # "A, Hama, B and C": a known place inside a list is no container
        ("Jets struck Ruwaida, Hama, Kafr Ain and Maan, activists said.", "Ruwaida", None),
    ],
)
def test_a_governorate_after_a_comma(pipe: Pipeline, text: str, name: str, expected: tuple | None) -> None:
    assert placed(pipe, text).get(name) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a toll's breakdown by place, in the sentence after the toll
        (
            "The Syrian Observatory said Russian raids killed 30 civilians on Monday. The breakdown is as "
            "follows: 17 civilians in the town of Talbiseh; 9 civilians in Latamneh.",
            {"Talbiseh", "Latamneh"},
        ),
        # "N people died in A, M in B": who died there, and the count alone with its people elided
        (
            "Local sources said Russian airstrikes killed 56 civilians on Thursday. According to the "
            "sources, 35 people died in the town of Talbiseh and 15 in the town of Latamneh.",
            {"Talbiseh", "Latamneh"},
        ),
        # not after a sentence that gives no toll
        (
            "The Syrian Observatory said Russian raids continued on Monday. The breakdown is as "
            "follows: 17 civilians in the town of Talbiseh; 9 civilians in Latamneh.",
            set(),
        ),
    ],
)
def test_a_tolls_breakdown_by_place(pipe: Pipeline, text: str, expected: set) -> None:
    assert targets(pipe, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a river is no strike point: the town named near it locates the strike
        ("Russian jets struck boats on the Orontes River near Hama, activists said.", True),
        (
            "Russian jets hit ferries carrying families across the Orontes River near Hama, activists said.",
            True,
        ),
        # a town near a town only describes where the struck one is
        ("Russian jets struck Talbiseh, near Hama, activists said.", False),
    ],
)
def test_a_place_near_a_long_feature_is_struck(pipe: Pipeline, text: str, expected: bool) -> None:
    assert ("Hama" in targets(pipe, text)) is expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # where sorties are flown is where they strike
        ("The ministry said its aircraft had flown 55 sorties over Syria.", {"Syria"}),
        ("The ministry said jets flew 20 missions over Idlib on Friday.", {"Idlib"}),
        # a route the bombers flew is no strike place
        ("Six bombers reached Syria flying over Iraq.", set()),
        # where missiles were fired from, however the parser hangs it, and where talks were held
        (
            "Russia has fired missiles at targets in Syria from warships in the Caspian Sea.",
            {"Syria"},
        ),
        ("The air strikes on Latamneh resumed a day after the failed talks in Tehran.", {"Latamneh"}),
    ],
)
def test_sorties_flown_over_a_place(pipe: Pipeline, text: str, expected: set) -> None:
    assert targets(pipe, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the bombing of a place strikes it
        ("Activists said the Russian bombing of Talbiseh killed 17 people.", {"Talbiseh"}),
        ("One man was wounded in the bombing of the town of Talbiseh, activists said.", {"Talbiseh"}),
        # the striking country's own strikes are no strike on it
        ("The strikes of Russia killed 17 people in Syria, activists said.", {"Syria"}),
    ],
)
def test_the_bombing_of_a_place(pipe: Pipeline, text: str, expected: set) -> None:
    assert targets(pipe, text) == expected


@pytest.mark.parametrize(
    "struck, expected",
    [
        # "the town" a source says was bombed is the town it named just before
        ("the town of Talbiseh in Homs province", {("Talbiseh", "sentence")}),
        # of two towns in two provinces, "the town" is either: the claim names no place, rather than
        # the whole country no one said was struck
        ("Talbiseh and Latamneh in Syria", set()),
    ],
)
def test_the_town_struck_just_before(pipe: Pipeline, struck: str, expected: set) -> None:
    text = (
        f"An adviser to the rebels said Russian airstrikes struck {struck}, killing seven civilians. The "
        "town was bombed even though there are no IS fighters in it."
    )
    claims = pipe.claims(Article(id="t.txt", title="", text=text, published="2017-09-01"))
    later = [c for c in claims if c.evidence.startswith("The town")]
    assert {
        (p.toponym.mention.text, p.basis) for c in later for p in c.places if p.role == "target"
    } == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a short distance from a place locates the target by it
        ("Jets struck a position 13 km from Aleppo.", {"Aleppo"}),
        ("The ministry said a depot located 10 kilometres from Idlib was destroyed.", {"Idlib"}),
        # a long one only measures how far the target is
        ("The ministry said jets bombed depots some 200 kilometres from Hama.", set()),
        # after a named place, the distance describes it
        ("Jets struck Talbiseh, some 20 km from Homs.", {"Talbiseh"}),
    ],
)
def test_a_distance_from_a_place(pipe: Pipeline, text: str, expected: set) -> None:
    assert targets(pipe, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # an airbase written as one word is a site the name is given to, not an actor
        ("Russian strikes near the Latamneh airbase set conditions for a push.", {"Latamneh"}),
        ("Russian strikes near the Latamneh airfield set conditions for a push.", {"Latamneh"}),
        # "the stronghold of X" is X, as "the town of X" is
        ("Russian bombers destroyed weapons stores around the stronghold of Deir ez-Zor.", {"Deir ez-Zor"}),
        # while a name's own actor is no strike place
        ("Latamneh rebels said jets struck Talbiseh.", {"Talbiseh"}),
    ],
)
def test_a_site_or_stronghold_named_after_a_place(pipe: Pipeline, text: str, expected: set) -> None:
    assert targets(pipe, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a local outlet's hashtags are the names they join
        (
            "Russian aircraft carried out raids on the town of #al-Latamneh and the city of #Deir_ez-Zor.",
            {"al-Latamneh", "Deir_ez-Zor"},  # the names as written
        ),
        # victims counted as "dozens" are no doer of the wounding
        (
            "Four civilians were killed and dozens wounded in the town of Latamneh (held by the "
            "opposition) when Russian warplanes struck it.",
            {"Latamneh"},
        ),
        ("Russian jets strafed the village of Latamneh.", {"Latamneh"}),
        # where the bulk of the strikes "stayed concentrated" is where they fell
        ("The bulk of Russian airstrikes stayed concentrated in Idlib province.", {"Idlib"}),
    ],
)
def test_how_local_and_analysts_copy_tells_of_strikes(pipe: Pipeline, text: str, expected: set) -> None:
    assert targets(pipe, text) == expected


def test_a_headlines_victims_reported_killed_are_no_speaker(pipe: Pipeline) -> None:
    article = Article(
        id="t.txt",
        title="Dozens of Syrians reported killed in air strikes on Latamneh market",
        text="Shops burned on Monday.",
    )
    claims = pipe.claims(article)
    assert {
        (p.toponym.mention.text, c.source.side) for c in claims for p in c.places if p.role == "target"
    } == {("Latamneh", "reporter")}


@pytest.mark.parametrize(
    "text, expected",
    [
        # what "came under" bombardment was struck, however the bombardment is counted
        ("The town of Talbiseh came under heavy Russian air bombardment on Monday.", {"Talbiseh"}),
        (
            "The towns of Talbiseh and Latamneh came under the same kind of bombardment.",
            {"Talbiseh", "Latamneh"},
        ),
        # coming under a province's control is no strike
        ("The town of Talbiseh came under the control of rebels in 2012.", set()),
    ],
)
def test_what_came_under_bombardment_was_struck(pipe: Pipeline, text: str, expected: set) -> None:
    assert targets(pipe, text) == expected


def test_a_strike_gerund_parsed_as_its_objects_modifier_still_strikes_it(pipe: Pipeline) -> None:
    text = "Russian jets started bombing areas held by opposition forces in Hama and Idlib on Wednesday."
    assert targets(pipe, text) == {"Hama", "Idlib"}


def test_russian_copys_banned_organisation_aside_keeps_no_place() -> None:
    # ", an organisation banned in Russia," would take the place after it as its own
    pipe = Pipeline(load_nlp(), Gazetteer.from_places(PLACES, ALTERNATES), load_registry())
    text = (
        'Russian aircraft have destroyed 200 terrorists of the "Islamic State", an organisation banned in '
        "Russia, near Talbiseh."
    )
    assert targets(pipe, text) == {"Talbiseh"}


@pytest.mark.parametrize(
    "text, expected",
    [
        # the strikes' own clause names where they hit; the helicopters' bombs are another force's
        (
            "The four strikes that hit the town of Talbiseh came two hours after army helicopters had "
            "dropped barrel bombs on it, activists said.",
            {"Talbiseh"},
        ),
        ("Army helicopters dropped barrel bombs on Talbiseh, activists said.", set()),
    ],
)
def test_a_strike_beside_another_forces_attack(pipe: Pipeline, text: str, expected: set) -> None:
    assert targets(pipe, text) == expected


def test_a_strike_that_names_no_place_beside_another_forces_is_no_claim(pipe: Pipeline) -> None:
    text = (
        "Commenting on the raids, the Russian foreign minister said Moscow was open to talks with the "
        "US-led coalition, which has been attacking IS positions in Syria and Iraq for a year."
    )
    claims = pipe.claims(Article(id="t.txt", title="", text=text, published="2015-10-01"))
    assert [c.claim_type for c in claims if c.source.side == "russia"] == ["other"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # Arabic copy drops the "of": the place is the first name, the rest describes it
        ("Activists said Russian raids hit the town of Zafarana north Homs.", {"Zafarana"}),
        ("Activists said Russian raids hit the town of Zafarana north of Homs.", {"Zafarana"}),
    ],
)
def test_a_compass_point_between_two_names(pipe: Pipeline, text: str, expected: set) -> None:
    assert targets(pipe, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # an unknown name ("Hayan") read as an adjective ends the parser's list there
        (
            "Russian planes have been attacking opposition areas heavily around Anadan, Hayan, Beyanun "
            "and Tel Rifat, the commander said.",
            {"Anadan", "Beyanun", "Tel Rifat"},
        ),
        # the parser lost at the end of a long list, with a compass phrase after its last name
        (
            "The raids Russian jets carried out have risen to 65, targeting areas in Anadan, Beyanun, the "
            "vicinity of the 46th regiment and Jabal Sheikh Barakat, Jam'eyyat al-Rahhal, Jadraya, "
            "Kafrnuran west of Aleppo city.",
            {"Anadan", "Beyanun", "Jadraya", "Kafrnuran"},
        ),
        # a name after the list that heads the speaker's phrase is not on it
        ("Russian jets struck Talbiseh, Hama residents said.", {"Talbiseh"}),
    ],
)
def test_a_run_of_names_is_one_list(pipe: Pipeline, text: str, expected: set) -> None:
    assert targets(pipe, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Activists said Russian warplanes fired vacuum missiles at the town of Kafr Zita.", {"Kafr Zita"}),
        # where missiles were fired from is no target, nor a date phrase before the verb
        (
            "On Friday Russia fired cruise missiles from warships in the Caspian Sea at targets in Syria.",
            {"Syria"},
        ),
        (
            "At least four bombs levelled two buildings in the town of Misraba, the Observatory said.",
            {"Misraba"},
        ),
        # a locator after "by" that is a place, not the doer of a passive
        (
            "The ministry said it had destroyed a training camp by the city of Jisr al-Shughur.",
            {"Jisr al-Shughur"},
        ),
        # an attack made over a place strikes it; missiles that pass over a country only cross it
        (
            "Russian jets launched a powerful attack over the countrysides of Idlib and Aleppo today.",
            {"Idlib", "Aleppo"},
        ),
        ("The missiles passed over Iraq before striking their targets in Syria.", {"Syria"}),
        # a part of a town is where in the town the strikes fell
        (
            "Activists said Russian warplanes bombed civilian neighbourhoods in the middle of the town of "
            "Anadan.",
            {"Anadan"},
        ),
        # where a strike's victims died is where it struck
        (
            "The raids killed 25 civilians, most of whom died in the villages of Anadan and Beyanun.",
            {"Anadan", "Beyanun"},
        ),
        # "as-" is the Arabic article, not the English preposition
        ("The raids were concentrated around as-Suhnah, the Russian military said.", {"as-Suhnah"}),
    ],
)
def test_how_strike_verbs_and_locators_name_a_target(pipe: Pipeline, text: str, expected: set) -> None:
    assert targets(pipe, text) == expected


def test_a_source_that_speaks_of_strikes_claims_them(pipe: Pipeline) -> None:
    text = "A civil defence source spoke of ten civilians killed by Russian air raids on Anadan."
    claims = pipe.claims(Article(id="t.txt", title="", text=text, published="2019-05-01"))
    assert {
        (p.toponym.mention.text, c.source.side) for c in claims for p in c.places if p.role == "target"
    } == {("Anadan", "opposition")}


@pytest.mark.parametrize(
    "text, expected",
    [
        # a sentence that only says where the struck thing is says where the strike fell: by the
        # thing's own participle, or by a definite noun that refers back to what was struck
        (
            "Russian jets struck targets in Syria. The destroyed base lay on the outskirts of Anadan.",
            {"Syria", "Anadan"},
        ),
        (
            "Russian warplanes destroyed an ISIL command center on Tuesday, a source said. According to "
            "the source, the command center stood near the town of Talbiseh.",
            {"Talbiseh"},
        ),
        # a base nobody struck is where the jets fly from; another force's struck thing is not the
        # campaign's
        ("Russian jets struck Talbiseh. The air base is located near Homs.", {"Talbiseh"}),
        ("US jets destroyed a mosque. The mosque was in Anadan.", set()),
    ],
)
def test_where_the_struck_thing_is(pipe: Pipeline, text: str, expected: set) -> None:
    assert targets(pipe, text) == expected


def test_a_passive_beside_the_bombing_that_did_it_is_its_effect(pipe: Pipeline) -> None:
    # the second passive has a subject of its own, so the first one's victims are not its doer
    text = (
        "He said five civilians were wounded in the town of Anadan by similar bombing and two people "
        "were hurt in the town of Beyanun."
    )
    assert targets(pipe, text) == {"Anadan", "Beyanun"}


def test_raids_on_a_place_hung_on_the_verb(pipe: Pipeline) -> None:
    # the parser hangs "on the village" on "suffered": it still says what the raids struck
    text = (
        "Earlier this morning two civilians died of wounds they suffered yesterday in the Russian raids "
        "on the village of Zafarana in the Homs countryside, raids that Moscow said it had carried out."
    )
    assert "Zafarana" in targets(pipe, text)


def test_a_blast_of_no_named_cause_is_no_strike(pipe: Pipeline) -> None:
    text = "The Observatory said a large explosion struck a building on the outskirts of the town of Anadan."
    assert targets(pipe, text) == set()


def test_a_container_of_a_village_in_raids_hung_on_the_verb(pipe: Pipeline) -> None:
    # the parser hangs "on the village" on "wounded"; what contains the village is struck with it
    text = (
        "Five people, two children among them, were killed and others hurt in Russian raids on the "
        "village of al-Sukkariya in the Albu Kamal countryside, and many homes were destroyed."
    )
    assert targets(pipe, text) == {"al-Sukkariya", "Albu Kamal"}


def test_every_place_a_bombardment_is_of(pipe: Pipeline) -> None:
    # "the cities of" parsed as joined to the bombardment: another object of its "of"
    text = (
        "Eleven civilians were killed when Russian jets renewed their bombardment of the town of Misraba "
        "and the villages of Zafarana and Anadan."
    )
    assert targets(pipe, text) == {"Misraba", "Zafarana", "Anadan"}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("A Russian bombardment aimed at Talbiseh and Zafarana killed five.", {"Talbiseh", "Zafarana"}),
        ("Russian raids directed at rebel positions in Latamneh killed five.", {"Latamneh"}),
        # the parser hangs the participle on the doer
        (
            "Five civilians were killed in a bombardment by the regime and the Russian occupation aimed at "
            "Misraba.",
            {"Misraba"},
        ),
        # another force's
        ("US-led strikes aimed at Islamic State positions near Raqqa killed five.", set()),
    ],
)
def test_strikes_aimed_at_a_place(pipe: Pipeline, text: str, expected: set) -> None:
    assert targets(pipe, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Russian jets pounded Idlib on Tuesday. The monitor said eight more civilians lost their "
            "lives in Talbiseh and Zafarana.",
            {"Idlib", "Talbiseh", "Zafarana"},
        ),
        ("Russian jets pounded Idlib on Tuesday. Three children died in Anadan.", {"Idlib", "Anadan"}),
        # another cause
        ("Russian jets pounded Idlib on Tuesday. Three tourists died in a bus crash in Homs.", {"Idlib"}),
    ],
)
def test_civilians_who_died_in_a_place(pipe: Pipeline, text: str, expected: set) -> None:
    assert targets(pipe, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a participle that places its noun as "around" does is the only locator of the towns struck
        (
            "Russian warplanes started targeting rebel-held towns surrounding Talbiseh and Zafarana on "
            "November 4.",
            {"Talbiseh", "Zafarana"},
        ),
        # forces that surround a town are no strike on it
        ("The regime forces surrounding Homs advanced as Russian jets bombed Anadan.", {"Anadan"}),
    ],
)
def test_towns_surrounding_a_place(pipe: Pipeline, text: str, expected: set) -> None:
    assert targets(pipe, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Local sources began reporting instances of Russian airstrikes in Hama Province.",
            {"Hama Province"},
        ),
        ("Activists reported dozens of Russian raids in Talbiseh.", {"Talbiseh"}),
    ],
)
def test_reported_strikes_a_count_noun_counts(pipe: Pipeline, text: str, expected: set) -> None:
    assert targets(pipe, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the striking side denying its aircraft were over a place denies striking it
        (
            "Russian aircraft did not fly over Talbiseh on Wednesday, the Russian defence ministry said.",
            {"Talbiseh"},
        ),
        (
            "Russian jets have made no combat flights at all over Idlib, the Russian defence ministry said.",
            {"Idlib"},
        ),
        ("Russian jets made 40 combat flights over Hama, the Russian defence ministry said.", {"Hama"}),
        # sorties over a place that the parser hangs on the hours they were flown in
        (
            "Russian jets flew 20 sorties during the daylight hours over Talbiseh, activists said.",
            {"Talbiseh"},
        ),
        # a flight that is not denied is a route; another force's denial is no campaign claim
        ("Russian jets flew over Talbiseh on Wednesday, the Russian defence ministry said.", set()),
        ("US jets did not fly over Talbiseh, the Pentagon said.", set()),
    ],
)
def test_flights_over_a_place(pipe: Pipeline, text: str, expected: set) -> None:
    assert targets(pipe, text) == expected


def test_a_list_the_parser_hangs_on_a_closing_speech_verb(pipe: Pipeline) -> None:
    # "in the provinces of ..." parsed as where the ministry "stated": the account's places still
    text = (
        "These bombings took place on the outskirts of Talbiseh and in the provinces of Hama, Idlib and "
        "Aleppo, the Russian Defence Ministry stated in a communiqué."
    )
    claims = pipe.claims(Article(id="t.txt", title="", text=text, published="2017-09-01"))
    found = {(p.toponym.mention.text, c.source.side) for c in claims for p in c.places if p.role == "target"}
    assert found == {("Talbiseh", "russia"), ("Hama", "russia"), ("Idlib", "russia"), ("Aleppo", "russia")}


def test_a_pronoun_standing_for_a_place_noun(pipe: Pipeline) -> None:
    # "in that of X": the district the pronoun stands for, as in "in the district of X"
    text = (
        "According to activists, 50 civilians were killed by Russian air strikes in the districts of "
        "Talbiseh and Zafarana, 13 in those of Misraba and Anadan and six in that of Latamneh."
    )
    assert targets(pipe, text) == {"Talbiseh", "Zafarana", "Misraba", "Anadan", "Latamneh"}


@pytest.mark.parametrize(
    "text, expected",
    [
        # the country beside a struck town only locates it (ANNOTATION.md: "Syria" when nothing finer)
        (
            "Twelve civilians were killed in Russian air raids on Talbiseh, in the north of Syria.",
            {"Talbiseh"},
        ),
        ("Twelve civilians were killed in Russian air raids in Syria, activists said.", {"Syria"}),
    ],
)
def test_a_country_is_struck_only_when_nothing_finer_is(pipe: Pipeline, text: str, expected: set) -> None:
    assert targets(pipe, text) == expected
