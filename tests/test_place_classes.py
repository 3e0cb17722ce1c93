"""Strike places in the way real outlets write them: the classes of places the claims stage missed or
invented on real reporting, each with a short sentence written for the test and its negative case.

They run the real spaCy model over a small in-memory gazetteer.
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
    Place("country:IQ", "Iraq", 33.0, 44.0, "IQ", kind="country"),
    Place("admin1:SY-HM", "Hama", 35.2, 37.0, "SY", "10", kind="admin1"),
    Place("admin1:SY-HL", "Aleppo", 36.1, 37.4, "SY", "09", kind="admin1"),
    Place("admin1:SY-RD", "Rif Dimashq", 33.5, 36.6, "SY", "08", kind="admin1"),
    Place("admin1:SY-LA", "Latakia", 35.6, 36.0, "SY", "06", kind="admin1"),
    Place("gn:170063", "Hama", 35.13179, 36.75783, "SY", "10", population=696_863),
    Place("gn:170063a", "Aleppo", 36.20, 37.16, "SY", "09", population=1_600_000),
    Place("gn:170654", "Damascus", 33.51, 36.29, "SY", "13", population=1_569_394),
    Place("gn:169577", "Homs", 34.72405, 36.72559, "SY", "11", population=775_404),
    Place("gn:170592", "Daraa", 32.62, 36.10, "SY", "05", population=97_969),
    Place("gn:163806", "Tabqa", 35.84, 38.55, "SY", "04", population=69_000),
    Place("gn:170017", "Douma", 33.57, 36.40, "SY", "08", population=110_893),
    Place("gn:163345", "Raqqa", 35.95, 39.01, "SY", "04", population=177_000),
    Place("gn:172082", "I‘zāz", 36.58662, 37.04628, "SY", "09", population=66_138),
    Place("gn:281184", "Jerusalem", 31.76904, 35.21633, "IL", "06", population=801_000),
    Place("sup:us:pentagon", "Pentagon", 38.8719, -77.0563, "US", "DC", kind="feature"),
)
ALTERNATES = {
    "admin1:SY-HM": ["Hama Governorate", "Hama Province"],
    "admin1:SY-HL": ["Aleppo Governorate", "Aleppo Province"],
    "admin1:SY-RD": ["Rif Dimashq Governorate", "Rif Dimashq Province"],
    "admin1:SY-LA": ["Latakia Governorate", "Latakia Province"],
    "gn:172082": ["A'zaz", "Azaz"],
    "gn:281184": ["al-Quds", "Quds"],
}


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline(load_nlp(), Gazetteer.from_places(PLACES, ALTERNATES), load_registry())


def targets(pipe: Pipeline, text: str, title: str = "") -> set[str]:
    """The names as written of every target place."""
    claims = pipe.claims(Article(id="t.txt", title=title, text=text, published="2016-03-01"))
    return {p.toponym.mention.text for c in claims for p in c.places if p.role == "target"}


@pytest.mark.parametrize(
    "text, expected",
    [
        # a name given to a site stands where the site stands
        ("Jets struck the Tabqa airport.", {"Tabqa"}),
        ("Jets hit rebel positions near the Tabqa airport, the ministry said.", {"Tabqa"}),
        ("Jets taking off from the Tabqa airport hit rebel positions.", set()),
    ],
)
def test_a_sites_name_is_where_the_site_is(pipe: Pipeline, text: str, expected: set) -> None:
    assert targets(pipe, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a claim that IS is absent from the part of a province
        ("Activists say there is no Daesh in the north of Hama.", {"Hama"}),
        ("Activists say there is no Daesh, the governor of Hama said.", set()),
    ],
)
def test_no_presence_in_a_part_of_a_place(pipe: Pipeline, text: str, expected: set) -> None:
    assert targets(pipe, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # reporters the parse gives no frame still report where the strikes were
        (
            "Reliable sources went on reporting airstrikes in Hama, Homs and Aleppo from May 3 to May 5.",
            {"Hama", "Homs", "Aleppo"},
        ),
        ("Reliable sources in Hama went on reporting airstrikes from May 3 to May 5.", set()),
    ],
)
def test_reported_strikes_in_a_place(pipe: Pipeline, text: str, expected: set) -> None:
    assert targets(pipe, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a strike verb done by fighters on the ground is shelling, not the air campaign
        (
            "Armed groups have breached the truce, targeting homes in Damascus and a mill in Homs.",
            set(),
        ),
        ("Warplanes have breached the truce, targeting homes in Damascus.", {"Damascus"}),
    ],
)
def test_strikes_by_ground_fighters_are_not_the_campaigns(pipe: Pipeline, text: str, expected: set) -> None:
    assert targets(pipe, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a name that begins with a word the tagger reads as a verb, last in a long list
        (
            "Jets struck the villages of Um Zaytouna, Kafr Nabouda and Tell Sikkin in Hama province, "
            "activists said.",
            {"Um Zaytouna", "Kafr Nabouda", "Tell Sikkin", "Hama province"},
        ),
        (
            "Jets struck the villages of Um Zaytouna and ‘Tell Sikkin’ in Hama province, activists said.",
            {"Um Zaytouna", "Tell Sikkin", "Hama province"},
        ),
        ("Jets struck Hama province. Tell Putin to stop, an activist said.", {"Hama province"}),
    ],
)
def test_a_name_that_starts_with_a_place_word(pipe: Pipeline, text: str, expected: set) -> None:
    assert targets(pipe, text) == expected


def precisions(pipe: Pipeline, text: str, title: str = "") -> dict[str, set[str]]:
    """name as written -> the precisions of its target places."""
    claims = pipe.claims(Article(id="t.txt", title=title, text=text, published="2016-03-01"))
    out: dict[str, set[str]] = {}
    for c in claims:
        for p in c.places:
            if p.role == "target" and p.toponym.place is not None:
                out.setdefault(p.toponym.mention.text, set()).add(p.toponym.precision)
    return out


@pytest.mark.parametrize(
    "text, title, expected",
    [
        # a governorate's seat named with a countryside word is the governorate
        (
            "Jets struck the villages of Um Zaytouna and Tell Sikkin in the Hama countryside, activists "
            "said.",
            "",
            {"Um Zaytouna": {"admin1"}, "Tell Sikkin": {"admin1"}, "Hama": {"admin1"}},
        ),
        ("Jets struck rebel positions in rural Hama, activists said.", "", {"Hama": {"admin1"}}),
        # every name a countryside lists is a governorate
        (
            "Jets struck rebel positions in the countryside of Aleppo and Hama, activists said.",
            "",
            {"Aleppo": {"admin1"}, "Hama": {"admin1"}},
        ),
        ("Jets struck rebel positions in Hama city, activists said.", "", {"Hama city": {"point"}}),
        # the city, and its countryside as a governorate of its own
        (
            "Russian jets have stepped up their raids on Aleppo and its countryside.",
            "",
            {"Aleppo": {"point"}, "its countryside": {"admin1"}},
        ),
        (
            "Russian jets have stepped up their raids on Aleppo and its airport.",
            "",
            {"Aleppo": {"point"}, "its airport": None},
        ),
        # a headline's countryside, read from the title's own words
        (
            "Activists said the raids killed nine people in Hama.",
            "Russian jets kill nine in Hama countryside",
            {"Hama": {"point", "admin1"}},
        ),
    ],
)
def test_a_countryside_is_its_governorate(pipe: Pipeline, text: str, title: str, expected: dict) -> None:
    found = precisions(pipe, text, title)
    assert {k: found.get(k) for k in expected} == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a monitor's section header holds the places its section reports struck
        (
            "Rif Dimashq Province:\nWarplanes believed to be Russian hit the city of Douma this morning.",
            {"Douma", "Rif Dimashq Province"},
        ),
        # a section whose places were not struck gives its header nothing
        ("Rif Dimashq Province:\nResidents of Douma protested against the siege.", set()),
    ],
)
def test_a_section_header_holds_its_struck_places(pipe: Pipeline, text: str, expected: set) -> None:
    assert targets(pipe, text) == expected


def claims_of(pipe: Pipeline, text: str, title: str) -> set[tuple[str, str]]:
    """(name as written, side) of every target place."""
    claims = pipe.claims(Article(id="t.txt", title=title, text=text, published="2016-03-01"))
    return {(p.toponym.mention.text, c.source.side) for c in claims for p in c.places if p.role == "target"}


@pytest.mark.parametrize(
    "title, expected",
    [
        # a credit after a spaced dash keeps the title's place, for the credited side
        ("Russian jets hit terrorist positions near Raqqa - TASS", {("Raqqa", "russia")}),
        ("Russian jets hit terrorist positions near Raqqa – Russian Defence Ministry", {("Raqqa", "russia")}),
        # a hyphen inside a word is no credit
        ("Russian jets hit Raqqa-based militants", set()),
    ],
)
def test_a_headline_credit_after_a_dash(pipe: Pipeline, title: str, expected: set) -> None:
    assert claims_of(pipe, "The strikes destroyed a command post, the ministry said.", title) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the last of a list of provinces carries the plural noun
        ("Jets hit depots in Latakia and Hama Provinces.", {"Latakia", "Hama"}),
        # missions that aircraft carry out are sorties; a team's are errands
        ("Su-34 aircraft had carried out missions in the provinces of Aleppo and Hama.", {"Aleppo", "Hama"}),
        ("A UN team carried out missions in the provinces of Aleppo and Hama.", set()),
        # the quarters of a town are in it
        ("Russian jets struck the residential quarters of the towns of Douma and Daraa.", {"Douma", "Daraa"}),
        # strikes a number counts ("hundreds of attacks", lemmatised "hundred")
        ("Russian jets carried out hundreds of attacks across areas of the Hama governorate.", {"Hama"}),
        # strikes that took place somewhere
        ("Many of the raids took place north and west of the city of Hama.", {"Hama"}),
        ("The attacks happened in Homs on Monday.", {"Homs"}),
        ("The talks took place in Homs on Monday.", set()),
    ],
)
def test_provinces_listed_and_strikes_that_took_place(pipe: Pipeline, text: str, expected: set) -> None:
    assert targets(pipe, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the names of the places a noun counts
        (
            "Missiles struck militant bases in two provinces, Aleppo in the north and Latakia in the west.",
            {"Aleppo", "Latakia"},
        ),
        # villages given as examples of a place noun are named as places, unknown ones included
        (
            "Jets struck Turkmen villages such as Ruwaida and Douma in Hama province, activists said.",
            {"Ruwaida", "Douma", "Hama province"},
        ),
        (
            "Jets struck rebel groups such as Ruwaida Brigade in Hama province, activists said.",
            {"Hama province"},
        ),
    ],
)
def test_names_of_the_places_a_noun_counts(pipe: Pipeline, text: str, expected: set) -> None:
    assert targets(pipe, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a one-sentence paragraph that goes on with the last one's source keeps its area
        (
            "The network said 30 people were killed in Hama province on Monday.\n\n"
            "It said the attacks had been concentrated on the village of Ruwaida, where most of the dead "
            "were women.",
            {"Hama province", "Ruwaida"},
        ),
        # another source's unknown village is placed in the governorate the report was just in
        # (geo.unlocated), as it would be in the same source's paragraph
        (
            "The network said 30 people were killed in Hama province on Monday.\n\n"
            "Rescuers said the attacks had been concentrated on the village of Ruwaida, where most of the "
            "dead were women.",
            {"Hama province", "Ruwaida"},
        ),
    ],
)
def test_a_paragraph_that_goes_on_keeps_its_area(pipe: Pipeline, text: str, expected: set) -> None:
    assert set(precisions(pipe, text)) == expected  # the target places that are on the map


@pytest.mark.parametrize(
    "text, expected",
    [
        # a route's end where the aircraft struck "there"
        (
            "The ministry said the bombers took off from an airfield in Russia, flew to the outskirts of "
            "Raqqa and struck militant positions there.",
            {"Raqqa"},
        ),
        (
            "The ministry said the bombers took off from an airfield in Russia, flew to the outskirts of "
            "Raqqa and returned to their base.",
            set(),
        ),
    ],
)
def test_a_route_that_ends_where_they_struck(pipe: Pipeline, text: str, expected: set) -> None:
    assert targets(pipe, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # strikes that land or travel reach their object; one that only upsets someone does not
        ("Russia's attack on rebels in Syria frustrates the Pentagon.", set()),
        ("The raids reached Raqqa on Monday.", {"Raqqa"}),
    ],
)
def test_only_strikes_that_land_reach_their_object(pipe: Pipeline, text: str, expected: set) -> None:
    assert targets(pipe, text) - {"Syria"} == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a name with an Arabic article inside, after a locative preposition, is a place's
        (
            "The sorties destroyed ammunition depots in al-Zahra Mount in Hama province.",
            {"al-Zahra Mount", "Hama province"},
        ),
        ("The sorties destroyed ammunition depots in Hama province, al-Zahra Karim said.", {"Hama province"}),
    ],
)
def test_an_arabic_name_after_a_locative(pipe: Pipeline, text: str, expected: set) -> None:
    assert set(precisions(pipe, text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a place described in apposition as one that was struck
        (
            "Hundreds of families fled Douma, one of the towns bombed by Russian planes on Monday.",
            {"Douma"},
        ),
        ("Hundreds of families fled Douma, one of the towns held by rebels, on Monday.", set()),
    ],
)
def test_a_place_described_as_struck(pipe: Pipeline, text: str, expected: set) -> None:
    assert targets(pipe, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # "in the region", "in the province": the area the text named last
        (
            "Russian jets pounded Hama province on Sunday.\n\n"
            "Activists said jets targeted the towns of Ruwaida and Kafr Ain in the province.",
            {"Ruwaida": "unlocated:admin1:SY-HM:ruwaida"},
        ),
        (
            "Russian jets struck on Sunday.\n\n"
            "Activists said jets targeted the towns of Ruwaida and Kafr Ain in the province.",
            {"Ruwaida": None},
        ),
    ],
)
def test_the_region_is_the_area_named_last(pipe: Pipeline, text: str, expected: dict) -> None:
    claims = pipe.claims(Article(id="t.txt", title="", text=text, published="2016-03-01"))
    found = {
        p.toponym.mention.text: p.toponym.place.id
        for c in claims
        for p in c.places
        if p.role == "target" and p.toponym.place is not None
    }
    assert {k: found.get(k) for k in expected} == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # an incident record's address line holds only places, whatever the tagger calls them
        ("Location: حور, Hor, Aleppo, Syria\nJets bombed the village of Hor on Monday, activists said", True),
        ("Reporter: Aleppo Today\nJets bombed the village of Hor on Monday, activists said", False),
    ],
)
def test_an_address_line_holds_places(pipe: Pipeline, text: str, expected: bool) -> None:
    assert ("Aleppo" in precisions(pipe, text)) is expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a "where" clause locates the struck thing it describes
        (
            "Activists said the raids had hit camps where families were sheltering on the outskirts of "
            "Raqqa.",
            {"Raqqa"},
        ),
        # ... but a name's own place inside it is no locator
        ("Jets struck 11 areas in Hama where the Islamic State in Iraq and Syria runs camps.", {"Hama"}),
    ],
)
def test_a_where_clause_locates_what_was_struck(pipe: Pipeline, text: str, expected: set) -> None:
    assert targets(pipe, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # an opening quote used for an ayn inside a name keeps the name whole, as it is written
        ("Activists said the jets struck Ra‘qqa and Hama on Monday.", {"Ra‘qqa", "Hama"}),
        # a quoted name is still quoted
        ("Activists said the jets struck the town of ‘Hama’ on Monday.", {"Hama"}),
    ],
)
def test_an_ayn_written_as_a_quote(pipe: Pipeline, text: str, expected: set) -> None:
    assert targets(pipe, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Russian warplanes carried out a number of airstrikes on Tabqa and Raqqa.", {"Tabqa", "Raqqa"}),
        ("The bombers launched a wave of raids on Douma overnight.", {"Douma"}),
        # a count of something that is no strike says nothing of a place
        ("Russian warplanes carried out a number of flights over Raqqa.", set()),
    ],
)
def test_strikes_a_count_noun_counts(pipe: Pipeline, text: str, expected: set) -> None:
    assert targets(pipe, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a mountain or valley named for a place is where that place is, as a site is
        ("Russian warplanes bombed the Douma mountain.", {"Douma"}),
        ("Airstrikes hit the Raqqa hills overnight.", {"Raqqa"}),
    ],
)
def test_a_feature_named_for_a_place(pipe: Pipeline, text: str, expected: set) -> None:
    assert targets(pipe, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # what aircraft fly as strikes (a defence ministry's bulletin) hits where it is aimed
        ("The air force flew 40 sorties against terrorist positions in Raqqa.", {"Raqqa"}),
        ("Its aircraft had flown 12 missions against militants in Douma and Tabqa.", {"Douma", "Tabqa"}),
        # a flight that is no strike is a route
        ("Russian bombers flew over Raqqa on their way back to base.", set()),
    ],
)
def test_sorties_flown_against_a_place(pipe: Pipeline, text: str, expected: set) -> None:
    assert targets(pipe, text) == expected


def test_every_member_of_a_long_list() -> None:
    # ten provinces: the last ones are more parse steps from the strike than the first (the real
    # gazetteer, as the names' own parse decides it)
    pipe = Pipeline.load()
    text = (
        "The general said Russian jets flew 200 sorties against 900 positions in the countryside of "
        "Damascus, Aleppo, Idleb, Lattakia, Hama, Homs, Deir Ezzor, Hasaka, Daraa and Raqqa provinces."
    )
    found = targets(pipe, text)
    assert {"Hasaka", "Daraa", "Raqqa"} <= found, found


@pytest.mark.parametrize(
    "text, expected",
    [
        # "between A and B" as the only locator puts the strikes at both
        ("Russian jets struck rebel positions between Homs and Hama on Friday.", {"Homs", "Hama"}),
        # after a named place it only describes where that place is
        ("Russian jets struck Douma, a town between Homs and Hama, on Friday.", {"Douma"}),
        # "along the road between A and B", where the casualties of the strikes came
        (
            "The monitor said the casualties came in air strikes along the road between Raqqa and Tabqa.",
            {"Raqqa", "Tabqa"},
        ),
        ("Five people died in Russian raids along the road between Raqqa and Tabqa.", {"Raqqa", "Tabqa"}),
        # where people died of something else is no strike place
        ("Five people died in a car crash along the road between Raqqa and Tabqa.", set()),
    ],
)
def test_between_two_places_as_the_only_locator(pipe: Pipeline, text: str, expected: set) -> None:
    assert targets(pipe, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # an apostrophe for an ayn makes a name of a word the tagger reads as a verb
        ("Russian warplanes hit A'zaz on Monday.", {"A'zaz"}),
        ("Warplanes bombed Tabqa and A’zaz overnight.", {"Tabqa", "A’zaz"}),
    ],
)
def test_a_name_written_with_an_ayn_the_tagger_misreads(pipe: Pipeline, text: str, expected: set) -> None:
    assert targets(pipe, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a strike clause the parser hangs under the next clause's "there was" is still a strike
        ("Warplanes struck Raqqa overnight; there was no word of losses.", {"Raqqa"}),
        # "there were no strikes in X" says the strikes are absent there
        ("There were no strikes in Raqqa on Monday, activists said.", set()),
        # "there had been strikes on X" says they were there
        ("Activists said there had been air strikes on the city of Raqqa.", {"Raqqa"}),
    ],
)
def test_there_was_after_a_strike(pipe: Pipeline, text: str, expected: set) -> None:
    assert targets(pipe, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a quarter named on its own is a quarter of the city just struck (kept at the city's point)
        (
            "Air strikes hit Aleppo on Friday, a monitor said. A strike on the Bustan al-Qasr "
            "neighbourhood killed seven people queuing for bread.",
            {"Aleppo", "Bustan al-Qasr"},
        ),
        # with no city struck before, nothing says where the quarter is: it stays off the map
        ("A strike on the Bustan al-Qasr neighbourhood killed seven people queuing for bread.", set()),
    ],
)
def test_a_quarter_of_the_city_just_struck(pipe: Pipeline, text: str, expected: set) -> None:
    assert targets(pipe, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # "X says it struck": the strike is the speaker's, here another force's
        ("The US military says it carried out an air strike on a militant meeting near Raqqa.", set()),
        ("Centcom said its strike near Tabqa had killed several militants.", set()),
        (
            "The Russian defence ministry says it carried out an air strike on militants near Raqqa.",
            {"Raqqa"},
        ),
        # an "it" that is no one ("it appeared") owns nothing
        ("US officials said it appeared the strikes hit Raqqa, not militants.", {"Raqqa"}),
    ],
)
def test_a_speaker_that_says_it_struck_owns_the_strike(pipe: Pipeline, text: str, expected: set) -> None:
    assert targets(pipe, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # strikes "against" a place are aimed at it, as sorties are
        ("Russian warplanes flew 20 sorties against Tabqa and Raqqa.", {"Tabqa", "Raqqa"}),
        ("Russian jets launched raids against Douma.", {"Douma"}),
        (
            "Russian warplanes flew 20 air strikes against Tabqa, and against the town of Douma.",
            {"Tabqa", "Douma"},
        ),
        # "against" on anything but a strike is no target
        ("Crowds in Damascus protested against Raqqa's rulers.", set()),
    ],
)
def test_strikes_against_a_place(pipe: Pipeline, text: str, expected: set) -> None:
    assert targets(pipe, text) == expected


def test_a_town_the_tagger_calls_a_nationality_is_a_place_when_struck() -> None:
    # spaCy tags "Rastan" as a nationality (NORP); struck, or listed with a town, it is a place
    pipe = Pipeline.load()
    assert targets(pipe, "Russian jets carried out strikes against Rastan.") == {"Rastan"}
    assert targets(pipe, "Russian warplanes flew 20 air strikes against Rastan and Talbisah.") == {
        "Rastan",
        "Talbisah",
    }


@pytest.mark.parametrize(
    "text, expected",
    [
        # "raids on the city of A and the villages of B and C": the villages are struck too, though
        # the parser joins them to the raids
        (
            "Activists said Russian planes carried out more than 10 raids on the city of Tabqa and the "
            "villages of Douma and Raqqa, killing three civilians.",
            {"Tabqa", "Douma", "Raqqa"},
        ),
        # places joined to the raids that are no object of "on" stay context
        ("Russian planes carried out raids on Tabqa, and the people of Douma fled.", {"Tabqa"}),
    ],
)
def test_villages_joined_to_the_raids(pipe: Pipeline, text: str, expected: set) -> None:
    assert targets(pipe, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a site named for a place abroad, in the place the text puts it: the name is the site's
        (
            "The Syrian Observatory for Human Rights had announced that air raids targeted al-Quds "
            "hospital in Aleppo on the night of Wednesday 27 April, killing at least 27 people.",
            {"Aleppo"},
        ),
        # a site named for the place it stands in is there
        ("Jets struck the Tabqa airport overnight.", {"Tabqa"}),
    ],
)
def test_a_site_named_for_a_place_elsewhere(pipe: Pipeline, text: str, expected: set) -> None:
    # (spaCy tags "Aleppo" in the first sentence as a language)
    assert targets(pipe, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # what fighters on the ground get ready to attack is no air strike's target
        ("The bulletin said that terrorists were getting ready to attack army positions near Raqqa.", set()),
        ("The bulletin said that Russian jets were getting ready to attack positions near Raqqa.", {"Raqqa"}),
    ],
)
def test_a_ground_doer_a_few_clauses_up(pipe: Pipeline, text: str, expected: set) -> None:
    assert targets(pipe, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # an assault on named towns in a strike story is a strike on them; a ground assault is not
        (
            "The opposition leader said Wednesday's assault on the towns of Tabqa and Raqqa had killed 36 "
            "civilians.",
            {"Tabqa", "Raqqa"},
        ),
        ("The ground assault on Douma killed 12 people, activists said.", set()),
    ],
)
def test_an_assault_on_towns(pipe: Pipeline, text: str, expected: set) -> None:
    assert targets(pipe, text) == expected


def test_a_tally_by_province(pipe: Pipeline) -> None:
    # a day's tally by province: only the items that tell of a strike put one at their place
    found = targets(
        pipe,
        "12 martyrs in Raqqa, most of them killed by Russian warplanes bombing Tabqa, 10 martyrs in Hama, "
        "most of them killed in clashes with Assad's forces, 7 martyrs in Aleppo and 7 in Daraa.",
    )
    assert "Tabqa" in found and not found & {"Hama", "Aleppo", "Daraa"}, found
    # a tally none of whose items tells a strike is the toll of the strikes told before it
    text = (
        "Russian jets bombed three towns, activists said. Five people were killed in Tabqa, seven in "
        "Raqqa and 15 in Douma, they said."
    )
    assert targets(pipe, text) == {"Tabqa", "Raqqa", "Douma"}


def test_a_province_after_a_comma_on_the_reporting_verb(pipe: Pipeline) -> None:
    # "reported raids on A, in the province of B": the parser hangs the province on "reported"
    assert targets(pipe, "Sana reported raids on Tabqa, in the northern province of Raqqa.") == {
        "Tabqa",
        "Raqqa",
    }


def test_as_well_as_the_towns_after_a_clause(pipe: Pipeline) -> None:
    # "..., as well as the towns of A and B" the parser joins to the clause before: struck too
    text = (
        "The Talbiseh News Network, for its part, reported that Russian warplanes had struck residential "
        "districts in the city for the second day running, as well as the towns of Douma and Tabqa in the "
        "northern Raqqa countryside."
    )
    assert {"Douma", "Tabqa"} <= targets(pipe, text)


@pytest.mark.parametrize(
    "text",
    [
        # what footage shows is where the strikes it holds hit, said by anyone or no one
        "Video showed airstrikes on Raqqa.",
        "The ministry said the videos showed airstrikes on Raqqa.",
    ],
)
def test_strikes_a_video_shows(pipe: Pipeline, text: str) -> None:
    assert targets(pipe, text) == {"Raqqa"}


@pytest.mark.parametrize(
    "text, expected",
    [
        # a strike noun's "by" names its doer: another force's strike is context
        (
            "A man grieves after what was reported to be an airstrike by Syrian government forces on Douma.",
            set(),
        ),
        ("A man grieves after what was reported to be an airstrike by Russian jets on Douma.", {"Douma"}),
    ],
)
def test_a_strike_by_another_force(pipe: Pipeline, text: str, expected: set) -> None:
    assert targets(pipe, text) == expected


def test_one_of_the_targets(pipe: Pipeline) -> None:
    # "X has been one of the main targets of the strikes": X is struck
    text = (
        "Latakia, where Syrian President Bashar al-Assad's family village lies, has been one of the main "
        "targets of Russian air strikes since Moscow launched its air campaign in Syria in September."
    )
    assert targets(pipe, text) == {"Latakia"}


def test_where_a_place_lies_is_no_denial() -> None:
    pipe = Pipeline.load()  # the real gazetteer's reading, under which the tagger takes "lies" for a noun
    text = (
        "Latakia, where Syrian President Bashar al-Assad's family village lies, has been one of the main "
        "targets of Russian air strikes since Moscow launched its air campaign in Syria in September."
    )
    claims = pipe.claims(Article(id="t.txt", title="", text=text, published="2016-03-01"))
    assert claims and all(c.claim_type != "denial" for c in claims)


def test_a_title_cased_strike_noun(pipe: Pipeline) -> None:
    # a headline's "Airstrikes", which the tagger reads as a name and leaves unlemmatised
    assert targets(pipe, "Russian Airstrikes in Raqqa: September 30 - October 3, 2015") == {"Raqqa"}


@pytest.mark.parametrize(
    "text, expected",
    [
        # a caption of the aftermath: where it is set after the strikes, they struck
        ("Rescuers search the rubble in Douma after a Russian air strike.", {"Douma"}),
        ("Damaged buildings in the town of Douma, Raqqa, after Wednesday's strikes", {"Douma", "Raqqa"}),
        # where people fled to after strikes elsewhere is no strike place; nor is another force's aftermath
        ("Residents fled to Raqqa after Russian air strikes on their village.", set()),
        ("Rescuers search the rubble in Douma after a regime barrel bomb attack.", set()),
    ],
)
def test_the_aftermath_of_strikes(pipe: Pipeline, text: str, expected: set) -> None:
    assert targets(pipe, text) == expected


def test_a_plural_kind_before_a_long_list_is_every_names(pipe: Pipeline) -> None:
    # the list runs past the window a mention's cues are read in
    text = (
        "Jets struck 472 targets in the provinces of Hama, Damascus, Latakia, Homs, Daraa, Raqqa and Aleppo."
    )
    assert precisions(pipe, text)["Aleppo"] == {"admin1"}


@pytest.mark.parametrize(
    "text, expected",
    [
        # a weapon set off by commas between the verb and its object
        (
            "This morning Russian warplanes bombed, with vacuum missiles, the city of Douma and the town of "
            "Tabqa.",
            {"Douma", "Tabqa"},
        ),
        # a province that opens the clause with no comma after it
        ("In Hama governorate the Russian forces bombed the town of Tabqa.", {"Hama", "Tabqa"}),
        ("In Hama governorate a Russian jet bombed the town of Tabqa.", {"Hama", "Tabqa"}),
        (
            "According to the monitor, in Hama governorate the Russian forces bombed the town of Tabqa.",
            {"Hama", "Tabqa"},
        ),
    ],
)
def test_asides_the_parser_misreads(pipe: Pipeline, text: str, expected: set) -> None:
    assert targets(pipe, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the victims of a massacre by the campaign's aircraft were martyred where it struck
        (
            "Eleven civilians were martyred in the city of Douma in a massacre carried out by the Russian "
            "aviation.",
            {"Douma"},
        ),
        ("Fifteen civilians lost their lives in Douma in Russian air strikes.", {"Douma"}),
        # another force's massacre, and a death in fighting, put no strike anywhere
        (
            "Regime aircraft committed several massacres in Homs today after striking a number of towns.",
            set(),
        ),
        ("Eleven fighters were martyred in Douma in clashes with the regime forces.", set()),
    ],
)
def test_where_a_strikes_victims_died(pipe: Pipeline, text: str, expected: set) -> None:
    assert targets(pipe, text) == expected


def test_losing_ones_life_is_a_death(pipe: Pipeline) -> None:
    text = "Fifteen civilians lost their lives in Russian air strikes in Douma, the monitor said."
    claims = pipe.claims(Article(id="t.txt", title="", text=text, published="2016-03-01"))
    assert {c.claim_type for c in claims if any(p.role == "target" for p in c.places)} == {"civilians_killed"}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Assad's forces and the militias shelled the town of Douma.", set()),
        ("Russian jets shelled the town of Douma.", {"Douma"}),
    ],
)
def test_the_regimes_forces_and_militias_are_another_force(pipe: Pipeline, text: str, expected: set) -> None:
    assert targets(pipe, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # strikes that spread to a place reach it
        (
            "The opposition says the air offensive has also spread to neighbouring Homs and Hama.",
            {"Homs", "Hama"},
        ),
        # fighting that spreads is no strike; a strike spread to a place only in intent is none either
        ("The fighting has spread to neighbouring Homs and Hama.", set()),
        ("Moscow has no plans to extend its strikes to Raqqa.", set()),
        # nor is one only offered or threatened
        ("Moscow said it stood ready to consider air strikes in Raqqa if asked.", set()),
        ("Moscow threatened to strike Raqqa.", set()),
    ],
)
def test_strikes_that_spread_to_a_place(pipe: Pipeline, text: str, expected: set) -> None:
    assert targets(pipe, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the strikes a passive "flown" describes were flown where the sentence says
        (
            "At least 18 civilians died in airstrikes thought to have been flown by Russian warplanes in "
            "Hama province.",
            {"Hama province"},
        ),
        # where sorties were flown from is where they left
        ("Sorties flown from an airfield in Latakia province struck Douma.", {"Douma"}),
    ],
)
def test_strikes_flown_somewhere(pipe: Pipeline, text: str, expected: set) -> None:
    assert targets(pipe, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "In the province of Hama, a workshop fitting weapons to the terrorists' vehicles was taken out "
            "by Russian jets.",
            {"Hama"},
        ),
        ("Russian jets took out an ammunition depot near Raqqa.", {"Raqqa"}),
        # a tank the rebels took out is no strike of the campaign
        ("The rebels took out a tank near Raqqa.", set()),
    ],
)
def test_what_was_taken_out(pipe: Pipeline, text: str, expected: set) -> None:
    assert targets(pipe, text) == expected


def test_a_sea_sorties_were_flown_from_is_no_target() -> None:
    pipe = Pipeline.load()  # the real gazetteer, which knows the sea
    text = (
        "Sorties flown from the Russian aircraft carrier Admiral Kuznetsov in the Eastern Mediterranean Sea "
        "struck core opposition-held terrain in Idlib."
    )
    assert targets(pipe, text) == {"Idlib"}


@pytest.mark.parametrize(
    "text, expected",
    [
        # who dropped the bombs owns the strike, however the parser hangs the participle
        ("Bombs dropped by government helicopters killed five civilians in Douma.", set()),
        (
            "Meanwhile, bombs dropped from government helicopters killed five civilians, three of them "
            "children, in Douma.",
            set(),
        ),
        ("Five civilians died in an airstrike carried out by regime jets in Douma.", set()),
        ("Bombs dropped by Russian jets killed five civilians in Douma.", {"Douma"}),
    ],
)
def test_bombs_dropped_by_another_force(pipe: Pipeline, text: str, expected: set) -> None:
    assert targets(pipe, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # who holds the struck areas, and where, as "areas held by rebels in X" says
        (
            "We have carried out more than 80 air strikes on several areas that the terrorists had seized in "
            "the north of Hama province.",
            {"Hama province"},
        ),
        ("Russian jets carried out strikes on areas held by rebels in Hama province.", {"Hama province"}),
        # where a clause's noun fought, or where convoys were heading, is no place struck
        ("Russian jets struck the group that fought in Homs last year.", set()),
        ("These were not the first Russian strikes on weapon convoys heading into Syria.", set()),
    ],
)
def test_a_clause_that_says_where_the_struck_noun_is(pipe: Pipeline, text: str, expected: set) -> None:
    assert targets(pipe, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # "it" in a clause set after the main one is the main clause's subject
        (
            "The US-led coalition caused more civilian deaths through air strikes than Russia did, as it "
            "stepped up attacks on IS around Tabqa and Raqqa.",
            set(),
        ),
        ("Russia intensified its campaign, as it stepped up attacks on rebels around Tabqa.", {"Tabqa"}),
    ],
)
def test_it_in_a_clause_after_the_main_one(pipe: Pipeline, text: str, expected: set) -> None:
    assert targets(pipe, text) == expected


def test_a_participle_after_the_place_phrase_says_the_noun_was_struck(pipe: Pipeline) -> None:
    # the villages the headline locates in Latakia are what was bombed
    # and the country that labels the headline is no strike place of its own
    assert targets(pipe, "Syria: Turkmen villages in Latakia bombed from the air") == {"Latakia"}


def test_a_peoples_name_between_a_name_and_its_place_noun(pipe: Pipeline) -> None:
    text = "Buildings lie in ruins after Russian airstrikes on the Azaz Turkmen region in Latakia."
    assert "Azaz" in targets(pipe, text)
