"""Recognition: sentences -> the place names found, with the look-alikes that must stay out."""

from __future__ import annotations

import pytest

from geo.gazetteer import Gazetteer
from geo.mentions import find_mentions, load_nlp
from geo.registry import load_registry
from geo.types import Place

PLACES = (
    Place("country:SY", "Syria", 35.0, 38.0, "SY", kind="country"),
    Place("country:NO", "Norway", 61.0, 8.0, "NO", kind="country"),
    Place("country:US", "United States", 39.8, -98.6, "US", kind="country"),
    Place("gn:169577", "Homs", 34.72405, 36.72559, "SY", "11", population=775_404),
    Place("gn:170063", "Hama", 35.13179, 36.75783, "SY", "10", population=696_863),
    Place("gn:163779", "Tallbīsah", 34.84072, 36.73092, "SY", "11", population=38_491),
    Place("gn:172946", "Ar Rastan", 34.92667, 36.73241, "SY", "11", population=53_152),
    Place("gn:3143244", "Oslo", 59.91, 10.75, "NO", "12", population=580_000),
    Place("sup:kafr-zita", "Kafr Zita", 35.374, 36.603, "SY", "10"),
    Place("sup:ghab", "Ghab plain", 35.6, 36.35, "SY", kind="feature"),
    Place("gn:169023", "Jisr ash Shughūr", 35.81418, 36.31983, "SY", "12", population=39_311),
    Place("gn:163915", "Ar Raqqah", 35.95, 39.01, "SY", "04", population=177_636),
    Place("country:RU", "Russia", 61.5, 105.3, "RU", kind="country"),
    Place("gn:000001", "Lavrov", 50.0, 40.0, "RU", population=600),  # a namesake village
    # namesakes of words that are not places here
    Place("gn:4369076", "Secretary", 38.61, -75.95, "US", "MD", population=535),
    Place("gn:3429594", "Retiro", -34.58, -58.38, "AR", population=65_000),
    Place("gn:293788", "Ramat Gan", 32.08, 34.81, "IL", population=152_000),
    Place("gn:278963", "‘Ein el Asad", 32.94, 35.40, "IL", population=900),
    Place("gn:1223738", "Western", 6.83, 79.93, "LK", kind="admin1"),
    Place("sup:levant", "Levant", 34.0, 36.0, "", kind="region"),
    Place("gn:169289", "Ma‘arrat an Nu‘mān", 35.64, 36.67, "SY", "12", population=58_008),
    Place("gn:165548", "Muḩambal", 35.77, 36.45, "SY", "12"),
    Place("gn:173027", "Arīḩā", 35.81, 36.61, "SY", "12", population=34_938),
    Place("gn:163345", "Salqīn", 36.14, 36.45, "SY", "12", population=31_608),
    Place("gn:170063a", "Aleppo", 36.20, 37.16, "SY", "09", population=1_600_000),
    Place("gn:169388", "Idlib", 35.93062, 36.63393, "SY", "12", population=128_840),
)
ALTERNATES = {
    "gn:163779": ["Talbiseh", "Talbisah"],
    "gn:172946": ["Rastan"],
    "gn:163915": ["Raqqa"],
    "sup:ghab": ["Ghab", "al-Ghab"],
    "country:US": ["US", "U.S.", "USA"],
    "gn:293788": ["Gan"],
    "gn:278963": ["Assad"],
    "sup:levant": ["al-Sham", "Sham"],
    "gn:169289": ["Maarat al-Numan", "Ma'arrat al-Nu'man", "Maarret-en-Nuuman"],
    "gn:165548": ["Mhambel"],
    "gn:173027": ["Ariha"],
    "gn:163345": ["Salqeen"],
    "gn:169388": ["Idleb"],
}


@pytest.fixture(scope="module")
def found():
    nlp, gaz, registry = load_nlp(), Gazetteer.from_places(PLACES, ALTERNATES), load_registry()

    def run(text: str) -> list[str]:
        return [m.text for m in find_mentions(nlp(text), gaz, is_person=registry.is_person)]

    return run


@pytest.mark.parametrize(
    "text, expected",
    [
        # spaCy calls Talbiseh an organisation and Kafr Zita a person; the gazetteer corrects it
        (
            "Khaled Khoja said at the UN that Russian airstrikes in four areas, including Talbiseh, "
            "killed 36.",
            ["Talbiseh"],
        ),
        ("Activists said jets struck Kafr Zita and Hama on Thursday.", ["Kafr Zita", "Hama"]),
        (
            "Government forces shelled positions near Talbisah and Rastan in the Homs countryside.",
            ["Talbisah", "Rastan", "Homs"],
        ),
        ("An activist in the Ghab plain spoke by telephone.", ["Ghab"]),
        # a name the model stops at its inner article
        ("Russia said its jets hit a depot outside Jisr ash-Shughour.", ["Russia", "Jisr ash-Shughour"]),
        # a name the model ends with the conjunction after it
        ("Syria: bombardments on Aleppo and Idleb", ["Syria", "Aleppo", "Idleb"]),
        # or at a hyphen, when Russian copy joins the article to the word before it too
        ("Su-24M jets destroyed a command post outside Jisr-esh-Shugur.", ["Jisr-esh-Shugur"]),
        ("The ministry said jets struck depots in Maarat-al-Numan.", ["Maarat-al-Numan"]),
        # and one whose last word the tagger reads as a common noun
        ("Russian fighter jets struck grain stores in Maarret-en-Nuuman.", ["Maarret-en-Nuuman"]),
        # an Arabic article fused to the name, which the model reads as a person
        (
            "Talbiseh was hit, as were al-Rastan and Kafr Zita, activists said.",
            ["Talbiseh", "al-Rastan", "Kafr Zita"],
        ),
        # a province named after a town by a comma, which the model reads as a person
        ("Russian aircraft hit targets in Kafr Zita, Hama, the monitor said.", ["Kafr Zita", "Hama"]),
        # one entity that lists places is the places it lists
        (
            "He went on to say that Russian jets had struck 11 areas in Hama and Raqqa where the Islamic "
            "State runs training camps.",
            ["Hama", "Raqqa"],
        ),
        # look-alikes: demonyms, organisations containing a place, armed groups, people
        ("The Syrian Observatory for Human Rights said Syrian troops advanced.", []),
        ("Pavel Baev, research director at the Peace Research Institute Oslo, said so.", []),
        ("His group counts itself as part of the Free Syrian Army.", []),
        ("Russia says it is fighting Islamic State.", ["Russia"]),
        ("Lavrov said the strikes were precise.", []),
        # titles, registry people, a bare direction, an agency a loose spelling match would misplace
        ("Lt. Gen. Robert Otto told reporters at a breakfast roundtable.", []),
        ("NATO Secretary-General Jens Stoltenberg said so during a visit.", []),
        ("This would be a plain victory for Assad, who invited the Russians.", []),
        ("Russia rejects Western criticism of the strikes.", ["Russia"]),
        ("A USA official told Reuters, speaking on condition of anonymity.", ["USA"]),
        # a name with its other spelling in brackets; a region's name inside an armed group's
        (
            "Russian warplanes are battering the Islamic State of Iraq and al-Sham (ISIS) across the "
            "western countryside of Raqqa (Ar Raqqah), with strikes on the group's positions.",
            ["Raqqa", "Ar Raqqah"],
        ),
        ("Jets struck Ahrar al-Sham positions near Rastan.", ["Rastan"]),
        # what a strike hits is a place, though the model calls it a person; what it kills is not
        ("Russian jets struck Ma’arrat al-Nu’man on Tuesday, activists said.", ["Ma’arrat al-Nu’man"]),
        ("Russian jets killed Abu Mohammed on Tuesday, activists said.", []),
        # and so is every name listed with it, though the model starts a name one word late
        (
            "Activists said strikes hit Jisr al-Shughur, al-Ghassaniyeh, Bsanqoul, Mhambel and Ariha.",
            ["Jisr al-Shughur", "Mhambel", "Ariha"],
        ),
        (
            "The ministry said jets struck targets near Ma’arat al-Numan, Khan Shaykhun and Hish.",
            ["Ma’arat al-Numan"],
        ),
        # and so is a roll of names a colon opens after what was struck
        (
            "ISW assesses with high confidence that Russian aircraft struck the following: Talbisah, "
            "Mhambel, Ariha and Jisr al-Shughour.",
            ["Talbisah", "Mhambel", "Ariha", "Jisr al-Shughour"],
        ),
        ("Russian aircraft struck these: Talbisah and Hama.", ["Talbisah", "Hama"]),
        # a name the tagger reads as a date, which no month, weekday or feast is
        ("Jets struck Salqeen on Monday.", ["Salqeen"]),
        ("Jets struck Ariha in April, during Ramadan.", ["Ariha"]),
        # a capitalised direction is a cue before the name ("Southern Idlib" reads as "southern Idlib")
        ("Russian warplanes also hit IS sanctuaries in Eastern Homs and Hama.", ["Homs", "Hama"]),
        # possessives keep only the place; "U.S.-led" is no fuzzy place
        ("The U.S.-led coalition has bombed Syria's east.", ["Syria"]),
        # a name the text has used as a place is that place again, where the tagger reads it as a date
        (
            "The Observatory said the strikes had hit Rastan, Talbisseh and Zaafarani in Homs, while the "
            "security source said the Russian strikes had hit Rastan and Talbisseh.",
            ["Rastan", "Talbisseh", "Homs", "Rastan", "Talbisseh"],
        ),
    ],
)
def test_mentions(found, text: str, expected: list[str]) -> None:
    assert found(text) == expected


def test_offsets_point_at_the_name(found) -> None:
    nlp, gaz = load_nlp(), Gazetteer.from_places(PLACES, ALTERNATES)
    text = "Jets struck Talbiseh, north of Homs."
    for m in find_mentions(nlp(text), gaz):
        assert text[m.start : m.end] == m.text


def test_a_site_in_lower_case_after_a_towns_name_is_the_site() -> None:
    places = (
        Place("gn:170", "Taftanaz", 35.998, 36.786, "SY", "12"),
        Place("sup:taftanaz-air-base", "Taftanaz air base", 35.972, 36.783, "SY", kind="feature"),
    )
    gaz = Gazetteer.from_places(places, {"sup:taftanaz-air-base": ["Taftanaz airbase"]})
    doc = load_nlp()("The Russian Aerospace Forces attacked the Taftanaz airbase, which jihadists held.")
    assert [m.text for m in find_mentions(doc, gaz)] == ["Taftanaz airbase"]


def test_a_rescue_service_and_an_outlets_name_are_no_places() -> None:
    places = (
        Place("gn:172946", "Ar Rastan", 34.92667, 36.73241, "SY", "11", population=53_152),
        Place("airport:WKK", "New", 59.45, -157.32, "US", kind="feature"),  # an airport's one-word core
    )
    gaz = Gazetteer.from_places(places, {"gn:172946": ["Rastan"]})
    doc = load_nlp()("A White Helmets source told The New Arab's website that Russian jets hit Rastan.")
    assert [m.text for m in find_mentions(doc, gaz)] == ["Rastan"]


def test_an_article_written_without_its_hyphen_joins_a_known_name() -> None:
    places = (
        Place("gn:170794", "Deir ez-Zor", 35.336, 40.141, "SY", "07", population=242_565),
        Place("gn:163345", "Raqqa", 35.95, 39.01, "SY", "04", population=177_000),
        Place("gn:170065", "Hmeimim", 35.40, 35.95, "SY", "06"),
    )
    gaz = Gazetteer.from_places(places, {"gn:170794": ["Deir ez Zor"]})
    doc = load_nlp()("Jets hit the provinces of Raqqa and Deir ez Zor. Putin met Assad at Hmeimim.")
    # "Assad at Hmeimim" makes no name, so the article stays a word between two runs
    assert [m.text for m in find_mentions(doc, gaz)] == ["Raqqa", "Deir ez Zor", "Hmeimim"]


def test_a_description_in_lower_case_is_no_name_and_what_a_town_is_is_one() -> None:
    places = (
        Place("admin1:ZM-06", "Northwestern", -13.0, 25.0, "ZM", "06", kind="admin1"),
        Place("gn:172504", "Ariha", 35.81, 36.61, "SY", "12", population=27_000),
    )
    gaz = Gazetteer.from_places(places, {"admin1:ZM-06": ["Northwestern Province", "northwestern province"]})
    nlp = load_nlp()
    doc = nlp(
        "Turkey and Western powers have warned of a bloodbath if a major Russian-backed bombing campaign "
        "is launched in the densely populated northwestern province, which borders Turkey."
    )
    assert [m.text for m in find_mentions(doc, gaz)] == ["Turkey", "Turkey"]
    # the model reads the town as a person; the copula says what the struck town is
    doc = nlp("Again according to the NGO, the town that was hit is Ariha, in the north of the country.")
    assert [m.text for m in find_mentions(doc, gaz)] == ["Ariha"]


def test_a_dash_list_and_a_facility_named_for_its_town() -> None:
    places = (
        Place("gn:1", "Deir Sunbul", 35.65, 36.55, "SY", "12"),
        Place("gn:2", "Tramla", 35.48, 36.63, "SY", "12"),
        Place("gn:3", "Kafranbel", 35.61, 36.56, "SY", "12", population=15_000),
    )
    gaz = Gazetteer.from_places(places, {"gn:2": ["Tremla"], "gn:3": ["Kafr Nabl"]})
    nlp = load_nlp()
    # a local outlet's list joined by dashes, unknown names among the known
    doc = nlp(
        'Jets hit the villages of "Shinan – Deir Sunbul – Tremla – Bdeita" in the southern countryside.'
    )
    assert [m.text for m in find_mentions(doc, gaz)] == ["Deir Sunbul", "Tremla"]
    # the town a hospital is named for, which the model reads as an organisation's name
    doc = nlp("Russian warplanes also struck the Kafr Nabl surgical hospital once again.")
    assert [m.text for m in find_mentions(doc, gaz)] == ["Kafr Nabl"]


def test_a_villages_title_word_and_a_name_listed_with_a_place() -> None:
    places = (
        Place("gn:1", "Shaykh Miskin", 32.83, 36.16, "SY", "13"),
        Place("gn:2", "Nawa", 32.89, 36.04, "SY", "13"),
        Place("gn:3", "Latamneh", 35.32, 36.62, "SY", "10"),
        Place("gn:4", "Tell Wasit", 35.57, 36.34, "SY", "10"),
    )
    gaz = Gazetteer.from_places(
        places, {"gn:1": ["Sheikh Maskin"], "gn:3": ["Ltamenah"], "gn:4": ["Tal Wasit"]}
    )
    nlp, registry = load_nlp(), load_registry()

    def run(text: str) -> list[str]:
        return [m.text for m in find_mentions(nlp(text), gaz, is_person=registry.is_person)]

    # "Sheikh" begins many a village's name: a place where places sit, a person's title elsewhere
    assert run("The heaviest raids fell on the city of Nawa and on Sheikh Maskin.") == [
        "Nawa",
        "Sheikh Maskin",
    ]
    assert run("Sheikh Maskin met the visiting ministers in Nawa.") == ["Nawa"]
    # a name the tagger takes for a person's, listed with a place
    assert run("Places hit by Russian planes today include Ltamenah and Tal Wasit.") == [
        "Ltamenah",
        "Tal Wasit",
    ]


def test_an_area_named_for_a_province_is_read_whole() -> None:
    places = (
        Place("admin1:SY-ID", "Idlib", 35.86, 36.57, "SY", "12", kind="admin1"),
        Place("sup:zone", "Idlib de-escalation zone", 35.75, 36.65, "SY", kind="feature"),
    )
    gaz = Gazetteer.from_places(places, {})
    doc = load_nlp()("Russian airstrikes in the Idlib de-escalation zone killed seven civilians.")
    assert [m.text for m in find_mentions(doc, gaz)] == ["Idlib de-escalation zone"]


def test_a_name_the_model_stops_before_an_article_written_apart() -> None:
    places = (Place("gn:170794", "Deir ez-Zor", 35.336, 40.141, "SY", "07", population=242_565),)
    gaz = Gazetteer.from_places(places, {"gn:170794": ["Deir ez Zor"]})
    # the model tags "Deir" alone; the article and the name after it belong to it
    doc = load_nlp()("Strikes hit Deir ez Zor.")
    assert [m.text for m in find_mentions(doc, gaz)] == ["Deir ez Zor"]
