"""geo.resolve: choosing among same-named places from the article's context, cues and "X, Y" patterns."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from conftest import resolve_alone

from geo.gazetteer import Gazetteer
from geo.resolve import INNER_NAME, NEAREST_LOCALITY, resolve, resolve_spans
from geo.types import Mention, Place, Toponym

# A rectangle is enough to tell "north of the centre, inside the governorate".
_HOMS_POLYGON = {
    "type": "Polygon",
    "coordinates": [[[36.4, 33.6], [40.8, 33.6], [40.8, 35.4], [36.4, 35.4], [36.4, 33.6]]],
}

_PLACES = [
    Place("gn:163563", "Syria", 35.0, 38.0, "SY", kind="country", population=22_198_110, geonameid=163563),
    Place(
        "gn:169575",
        "Homs Governorate",
        34.5,
        38.6,
        "SY",
        "11",
        kind="admin1",
        population=1_803_000,
        geonameid=169575,
        admin1_name="Homs",
        polygon=_HOMS_POLYGON,
    ),
    Place("gn:169577", "Homs", 34.7268, 36.7234, "SY", "11", population=775_404, geonameid=169577),
    Place("gn:173576", "Hama", 35.1318, 36.7578, "SY", "10", population=460_602, geonameid=173576),
    Place("gn:6252001", "United States", 39.76, -98.5, "US", kind="country", population=327_167_434),
    Place("gn:4331987", "Louisiana", 31.0, -92.0, "US", "LA", kind="admin1", population=4_533_372),
    Place("gn:6254928", "Virginia", 37.5, -78.9, "US", "VA", kind="admin1", population=8_001_024),
    Place("gn:4736286", "Texas", 31.25, -99.25, "US", "TX", kind="admin1", population=25_145_561),
    Place("gn:4197000", "Georgia", 32.75, -83.5, "US", "GA", kind="admin1", population=9_687_653),
    Place("gn:4338012", "Rapides Parish", 31.2, -92.53, "US", "LA", kind="region", population=131_613),
    Place("gn:4314550", "Alexandria", 31.3113, -92.4451, "US", "LA", population=47_723),
    Place("gn:4744091", "Alexandria", 38.8048, -77.0469, "US", "VA", population=159_428),
    Place("gn:4180439", "Atlanta", 33.749, -84.388, "US", "GA", population=498_044),
    Place("gn:4717560", "Paris", 33.6609, -95.5555, "US", "TX", population=25_171),
    Place("gn:4691930", "Fredericksburg", 38.3032, -77.4605, "US", "VA", population=28_360),
    Place("gn:357994", "Egypt", 27.0, 30.0, "EG", kind="country", population=98_423_595),
    Place("gn:361058", "Alexandria", 31.2018, 29.9158, "EG", "06", population=3_811_516),
    Place("gn:360630", "Cairo", 30.0626, 31.2497, "EG", "11", population=7_734_614),
    Place("gn:2988507", "Paris", 48.8534, 2.3488, "FR", "11", population=2_138_551),
    Place("gn:614540", "Georgia", 42.0, 43.5, "GE", kind="country", population=3_731_000),
    Place("gn:611717", "Tbilisi", 41.6941, 44.8337, "GE", "TB", population=1_049_498),
    Place("gn:99237", "Iraq", 33.0, 44.0, "IQ", kind="country", population=38_433_600),
    # Small same-named places that a resolver reading population alone would still avoid.
    Place("gn:9000001", "Homs", 32.65, 14.26, "LY", "99", population=15_000),
]
_ALT = {
    "gn:169575": ["Homs", "Homs Province", "Muhafazat Hims"],
    "gn:6252001": ["United States of America", "USA"],
}


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.from_places(_PLACES, alternate_names=_ALT)


def _one(text: str, name: str, gaz: Gazetteer, nth: int = 0) -> Toponym:
    """Resolve every listed place name in `text`, return the toponym of the `nth` occurrence of `name`."""
    spans = _spans(text)
    tops = resolve_spans(text, spans, gaz)
    hits = [t for t in tops if t.mention.text == name]
    return hits[nth]


_NAMES = sorted({p.name for p in _PLACES} | {"U.S.", "Syrian", "Qwxyzville", "Iraq's"}, key=len, reverse=True)


def _spans(text: str) -> list[tuple[int, int]]:
    """Every occurrence of a fixture name (longest first, no overlaps), as a tagger would give spans."""
    taken: list[tuple[int, int]] = []
    for name in _NAMES:
        start = text.find(name)
        while start >= 0:
            end = start + len(name)
            boundary = (start == 0 or not text[start - 1].isalnum()) and (
                end == len(text) or not text[end].isalnum()
            )
            if boundary and not any(s < end and start < e for s, e in taken):
                taken.append((start, end))
            start = text.find(name, end)
    return sorted(taken)


@pytest.mark.parametrize(
    "text, name, place_id, precision, qualifier",
    [
        (
            "Jets struck the central province of Homs on Sunday.",
            "Homs",
            "gn:169575",
            "admin1",
            "central province",
        ),
        ("Jets struck targets in Homs province on Sunday.", "Homs", "gn:169575", "admin1", "province"),
        ("Fighting spread across Homs governorate.", "Homs", "gn:169575", "admin1", "governorate"),
        ("Jets struck the city of Homs on Sunday.", "Homs", "gn:169577", "point", "city"),
        ("Jets struck Homs city on Sunday.", "Homs", "gn:169577", "point", "city"),
        ("Jets struck Homs on Sunday, Syria said.", "Homs", "gn:169577", "point", ""),
        ("The war in Syria goes on.", "Syria", "gn:163563", "country", ""),
        # a country's part names nothing finer than the country (ANNOTATION.md), at the part's point
        ("Strikes hit western Syria.", "Syria", "gn:163563", "country", "western"),
        # a province's part is the countryside around its capital
        ("Strikes hit northern Homs.", "Homs", "gn:169575", "region", "northern"),
        # a plural noun after a list is every listed name's
        ("Jets pounded areas of Homs and Hama provinces.", "Homs", "gn:169575", "admin1", "province"),
        # and a plural noun before a list, for the first name and for later ones
        ("Jets struck sites in the provinces of Homs and Hama.", "Homs", "gn:169575", "admin1", "province"),
        (
            "Jets struck sites in the provinces of Hama, Idlib and Homs.",
            "Homs",
            "gn:169575",
            "admin1",
            "province",
        ),
        # a name with an Arabic article joined inside the list does not end it
        ("Jets pounded areas of Homs and Deir ez-Zor provinces.", "Homs", "gn:169575", "admin1", "province"),
        (
            "Jets struck sites in the provinces of Deir ez-Zor, Idlib and Homs.",
            "Homs",
            "gn:169575",
            "admin1",
            "province",
        ),
        # a singular noun is the first name's only
        ("Jets struck sites in the province of Hama and Homs.", "Homs", "gn:169577", "point", ""),
    ],
)
def test_cue_words(
    gaz: Gazetteer, text: str, name: str, place_id: str, precision: str, qualifier: str
) -> None:
    t = _one(text, name, gaz)
    assert t.place is not None and t.place.id == place_id
    assert (t.precision, t.qualifier) == (precision, qualifier)


@pytest.mark.parametrize(
    "text, qualifier",
    [
        ("Russian jets struck northern Homs, Syria said.", "northern"),
        ("Russian jets struck the north of Homs province.", "northern"),
    ],
)
def test_direction_puts_a_point_inside_the_governorate(gaz: Gazetteer, text: str, qualifier: str) -> None:
    t = _one(text, "Homs", gaz)
    assert t.place is not None and t.place.kind == "admin1"
    assert (t.precision, t.qualifier) == ("region", qualifier)
    assert t.lat is not None and t.lon is not None
    assert t.lat > 34.5  # north of the polygon's centre ...
    assert 33.6 < t.lat < 35.4 and 36.4 < t.lon < 40.8  # ... and inside it


@pytest.mark.parametrize(
    "text",
    [
        "Jets hit rebel-held areas north of the city of Homs.",
        "Syrian army and Russian jets target rebel towns north of Homs.",
    ],
)
def test_a_direction_beside_a_place_is_that_place(gaz: Gazetteer, text: str) -> None:
    # the only locator names the strike place (ANNOTATION.md): the city itself, at its own point
    t = _one(text, "Homs", gaz)
    assert t.place is not None and t.place.id == "gn:169577"
    assert t.precision == "point" and (t.lat, t.lon) == (t.place.lat, t.place.lon)


def test_direction_of_a_city_moves_the_point_toward_that_side(gaz: Gazetteer) -> None:
    t = _one("Shelling hit southern Alexandria, Egypt said.", "Alexandria", gaz)
    assert t.place is not None and t.place.id == "gn:361058"
    assert t.precision == "region" and t.lat is not None and t.lon is not None
    assert 31.2018 - 0.3 < t.lat < 31.2018 - 0.1 and abs(t.lon - 29.9158) < 0.01


@pytest.mark.parametrize(
    "text, name, place_id",
    [
        (
            "An Alexandria woman was charged. Rapides Parish deputies said Louisiana law applies.",
            "Alexandria",
            "gn:4314550",
        ),
        (
            "Alexandria council met. Virginia lawmakers and Fredericksburg officials came.",
            "Alexandria",
            "gn:4744091",
        ),
        ("Protests in Alexandria and Cairo grew as Egypt voted.", "Alexandria", "gn:361058"),
        ("Alexandria is a large port.", "Alexandria", "gn:361058"),  # no context: the largest
        ("Georgia lawmakers met in Atlanta.", "Georgia", "gn:4197000"),
        ("Russia's war with Georgia reached Tbilisi.", "Georgia", "gn:614540"),
        ("Georgia is a country in the Caucasus.", "Georgia", "gn:614540"),  # a country over a state
        ("Russia mined the border territory of Georgia near Tbilisi.", "Georgia", "gn:614540"),
        ("Paris is lovely.", "Paris", "gn:2988507"),
        # a US-heavy story: the small Texan namesake needs Texas in the story, not just the US
        (
            "US officials said the United States would meet envoys of Syria and Iraq in Paris.",
            "Paris",
            "gn:2988507",
        ),
        ("He moved from Paris, Texas, last year.", "Paris", "gn:4717560"),
        ("He moved from Paris, Tex., last year.", "Paris", "gn:4717560"),
        ("Alexandria, Va., officials met.", "Alexandria", "gn:4744091"),
        ("Alexandria, La., officials met.", "Alexandria", "gn:4314550"),
        ("Strikes hit Homs, Hama and Idlib.", "Hama", "gn:173576"),  # a list, not "X, Y"
        ("Jets struck Homs, killing 12.", "Homs", "gn:169577"),
    ],
)
def test_context_choice(gaz: Gazetteer, text: str, name: str, place_id: str) -> None:
    t = _one(text, name, gaz)
    assert t.place is not None and t.place.id == place_id


@pytest.mark.parametrize(
    "text, name, place_id, precision",
    [
        ("Officials in the U.S. said so.", "U.S.", "gn:6252001", "country"),
        ("Iraq's army advanced.", "Iraq's", "gn:99237", "country"),
        ("Syrian troops advanced.", "Syrian", "gn:163563", "country"),
        ("Texas officials said.", "Texas", "gn:4736286", "admin1"),
        ("Rapides Parish deputies said.", "Rapides Parish", "gn:4338012", "region"),
    ],
)
def test_span_oddities_and_kinds(gaz: Gazetteer, text: str, name: str, place_id: str, precision: str) -> None:
    t = _one(text, name, gaz)
    assert t.place is not None and t.place.id == place_id
    assert t.precision == precision


def test_one_sense_per_name_per_article(gaz: Gazetteer) -> None:
    text = "Paris, Texas, is small. Paris has one mayor, and Paris voters went to the polls."
    tops = resolve_spans(text, _spans(text), gaz)
    paris = [t for t in tops if t.mention.text == "Paris"]
    assert len(paris) == 3
    assert {t.place.id for t in paris if t.place} == {"gn:4717560"}


def test_unresolvable_name(gaz: Gazetteer) -> None:
    t = _one("They met in Qwxyzville on Monday.", "Qwxyzville", gaz)
    assert t.place is None
    assert (t.precision, t.lat, t.lon, t.confidence) == ("point", None, None, 0.0)


def test_spans_become_gold_mentions_in_order(gaz: Gazetteer) -> None:
    text = "Cairo and Alexandria, Egypt."
    spans = [(10, 20), (0, 5)]
    tops = resolve_spans(text, spans, gaz)
    assert [(t.mention.start, t.mention.end, t.mention.label) for t in tops] == [
        (10, 20, "GOLD"),
        (0, 5, "GOLD"),
    ]
    assert [t.mention.text for t in tops] == ["Alexandria", "Cairo"]


def test_a_given_span_no_gazetteer_holds_goes_to_the_nearest_locality(gaz: Gazetteer) -> None:
    text = "Crowds gathered in Alexandria, Va., on Qwxyz Street and later in Cairo."
    start = text.index("Qwxyz Street")
    spans = sorted([*_spans(text), (start, start + len("Qwxyz Street"))])
    street = next(t for t in resolve_spans(text, spans, gaz) if t.mention.text == "Qwxyz Street")
    assert street.place is not None and street.place.id == "gn:4744091"
    assert street.qualifier == NEAREST_LOCALITY and street.confidence < 0.2
    # the claims pipeline's own mentions are not known to be places: those stay unresolved
    mentions = [Mention(text[s:e], s, e) for s, e in spans]
    assert next(t for t in resolve(text, mentions, gaz) if t.mention.text == "Qwxyz Street").place is None


def test_no_mentions(gaz: Gazetteer) -> None:
    assert resolve("Nothing here.", [], gaz) == []


def test_confidence_reflects_ambiguity(gaz: Gazetteer) -> None:
    sure = _one("Iraq's army advanced.", "Iraq's", gaz)
    unsure = _one("Alexandria is a large port.", "Alexandria", gaz)
    assert 0.0 <= unsure.confidence < sure.confidence <= 1.0


def test_deterministic(gaz: Gazetteer) -> None:
    text = "Alexandria council met. Virginia lawmakers came from Paris, Texas, and Homs province."
    mentions = [Mention(text[s:e], s, e) for s, e in _spans(text)]
    first = resolve(text, mentions, gaz)
    assert all(resolve(text, mentions, gaz) == first for _ in range(3))
    assert resolve(text, mentions, Gazetteer.from_places(_PLACES, alternate_names=_ALT)) == first


@pytest.fixture(scope="module")
def real_gaz() -> Gazetteer:
    return Gazetteer.load()


@pytest.mark.realdata
@pytest.mark.parametrize(
    "text, name, place_id, precision",
    [
        ("Jets hit the central province of Homs.", "Homs", "admin1:SY-HI", "admin1"),
        ("Jets hit Homs, Syria.", "Homs", "gn:169577", "point"),
        ("He lives in Alexandria, Va., now.", "Alexandria", "gn:4744091", "point"),
        ("Syrian troops advanced.", "Syrian", "country:SY", "country"),
        ("Officials in Washington said so.", "Washington", "gn:4140963", "point"),
        ("He lives in Charleston, W. Va., now.", "Charleston", "gn:4801859", "point"),  # spaced AP form
        ("Officials in Albany, N.Y., said so.", "N.Y.", "admin1:US-NY", "admin1"),  # the state, not NYC
        ("Deputies in Laurel County said so.", "Laurel County", "admin2:US-KY-laurel-county", "point"),
        ("Troops shelled Raqqa and Idlib province.", "Raqqa", "gn:172955", "point"),
    ],
)
def test_real_gazetteer(real_gaz: Gazetteer, text: str, name: str, place_id: str, precision: str) -> None:
    t = resolve_alone(text, name, real_gaz)
    assert t.place is not None and t.place.id == place_id
    assert t.precision == precision


@pytest.mark.realdata
def test_real_northern_homs_is_inside_the_governorate_polygon(real_gaz: Gazetteer) -> None:
    from shapely.geometry import Point, shape

    text = "Russian jets struck northern Homs on Sunday."
    start = text.index("Homs")
    (t,) = resolve_spans(text, [(start, start + 4)], real_gaz)
    assert t.place is not None and t.place.polygon is not None
    assert t.precision == "region" and t.lat is not None and t.lon is not None
    poly = shape(t.place.polygon)
    assert shape(t.place.polygon).contains(Point(t.lon, t.lat))
    assert t.lat > poly.centroid.y


# -- seats, counties, oceans (their own small gazetteer) --------------------------------------------

_MORE = [
    Place("country:SY", "Syria", 35.0, 38.0, "SY", kind="country", population=22_000_000),
    Place("admin1:SY-RA", "Al-Raqqah", 35.7, 38.9, "SY", "04", kind="admin1", population=900_000),
    Place("admin1:SY-ID", "Idlib", 35.8, 36.6, "SY", "12", kind="admin1", population=1_500_000),
    Place("gn:163915", "Ar Raqqah", 35.95, 39.01, "SY", "04", population=177_636),
    Place("gn:169388", "Idlib", 35.93, 36.63, "SY", "12", population=128_840),
    Place("country:US", "United States", 39.76, -98.5, "US", kind="country", population=327_000_000),
    Place("admin2:US-AL-walker-county", "Walker County", 33.80, -87.30, "US", "AL", kind="admin2"),
    Place("admin2:US-TX-walker-county", "Walker County", 30.74, -95.57, "US", "TX", kind="admin2"),
    Place("gn:4068590", "Huntsville", 34.73, -86.59, "US", "AL", population=200_574),
    Place("gn:4696202", "Huntsville", 30.72, -95.55, "US", "TX", population=41_227),
    Place("gn:4852065", "Atlantic", 41.40, -95.01, "US", "IA", population=6_833),
    Place("admin1:US-IA", "Iowa", 42.0, -93.5, "US", "IA", kind="admin1", population=3_190_000),
    Place("sup:xx:atlantic-ocean", "Atlantic Ocean", 10.0, -25.0, "", kind="region"),
    Place("gn:5128581", "New York City", 40.71, -74.01, "US", "NY", population=8_804_190),
    Place("admin1:US-NY", "New York", 42.3, -75.8, "US", "NY", kind="admin1", population=19_000_000),
    Place("admin1:MZ-G", "Gaza", -23.3, 32.8, "MZ", "02", kind="admin1", population=385_000),
    Place("gn:281133", "Gaza", 31.50, 34.47, "PS", "GZ", population=410_000),
]
_MORE_ALT = {
    "admin1:SY-RA": ["Raqqa", "Raqqa Province"],
    "gn:163915": ["Raqqa"],
    "admin1:SY-ID": ["Idlib Province"],
    "sup:xx:atlantic-ocean": ["Atlantic"],
    "gn:5128581": ["New York"],
}


@pytest.fixture(scope="module")
def more_gaz() -> Gazetteer:
    return Gazetteer.from_places(_MORE, alternate_names=_MORE_ALT)


@pytest.mark.parametrize(
    "text, names, name, place_id, precision",
    [
        # a bare name shared by a governorate and its capital is the city ...
        ("Jets hit Idlib province and Raqqa.", ["Idlib province", "Raqqa"], "Raqqa", "gn:163915", "point"),
        # ... unless a cue says province
        ("Jets hit Raqqa province.", ["Raqqa"], "Raqqa", "admin1:SY-RA", "admin1"),
        ("New York and the United States.", ["New York", "United States"], "New York", "gn:5128581", "point"),
        # a bare name of a big city is the city, not a province elsewhere named alike
        ("Talks on Gaza resumed.", ["Gaza"], "Gaza", "gn:281133", "point"),
        # a town and its county name each other's namesakes, whatever size alone would say
        ("Huntsville, the seat of Walker County", ["Huntsville", "Walker County"], "Huntsville",
         "gn:4696202", "point"),
        ("Huntsville, the seat of Walker County", ["Huntsville", "Walker County"], "Walker County",
         "admin2:US-TX-walker-county", "point"),
        ("Storms over the Atlantic hit the United States.", ["Atlantic", "United States"], "Atlantic",
         "sup:xx:atlantic-ocean", "region"),
        ("Atlantic, Iowa, in the United States.", ["Atlantic", "Iowa", "United States"], "Atlantic",
         "gn:4852065", "point"),  # negative: "X, Iowa" is the town
    ],
)  # fmt: skip
def test_seats_counties_oceans(
    more_gaz: Gazetteer, text: str, names: list[str], name: str, place_id: str, precision: str
) -> None:
    spans = [(text.index(n), text.index(n) + len(n)) for n in names]
    tops = resolve_spans(text, spans, more_gaz)
    t = next(t for t in tops if t.mention.text == name)
    assert t.place is not None and t.place.id == place_id
    assert t.precision == precision


# -- names inside spans, spelling variants, abbreviations, datelines, lists -----------------------

_WORLD = [
    Place("country:JP", "Japan", 36.0, 138.0, "JP", kind="country", population=126_000_000),
    Place("country:US", "United States", 39.76, -98.5, "US", kind="country", population=327_000_000),
    Place("country:RU", "Russia", 60.0, 100.0, "RU", kind="country", population=144_000_000),
    Place("country:BR", "Brazil", -10.0, -55.0, "BR", kind="country", population=209_000_000),
    Place("country:VE", "Venezuela", 8.0, -66.0, "VE", kind="country", population=28_000_000),
    Place("country:AU", "Australia", -25.0, 135.0, "AU", kind="country", population=25_000_000),
    Place("admin1:US-AZ", "Arizona", 34.5, -111.5, "US", "AZ", kind="admin1", population=7_000_000),
    Place("admin1:US-WA", "Washington", 47.5, -120.5, "US", "WA", kind="admin1", population=7_500_000),
    Place("admin1:US-LA", "Louisiana", 31.0, -92.0, "US", "LA", kind="admin1", population=4_600_000),
    Place("admin1:US-NY", "New York", 43.0, -75.5, "US", "NY", kind="admin1", population=19_000_000),
    Place("admin1:AU-WA", "Western Australia", -25.0, 122.0, "AU", "08", kind="admin1", population=2_600_000),
    Place("admin1:CA-NB", "New Brunswick", 46.5, -66.0, "CA", "04", kind="admin1", population=780_000),
    Place("gn:2063523", "Perth", -31.95, 115.86, "AU", "08", population=1_900_000),
    Place("gn:4140963", "Washington", 38.90, -77.04, "US", "DC", population=689_545),
    Place("gn:5144040", "Washington", 42.70, -73.70, "US", "NY", population=1_500),
    Place("gn:5128581", "New York City", 40.71, -74.01, "US", "NY", population=8_804_190),
    Place("gn:4930956", "Boston", 42.36, -71.06, "US", "MA", population=617_594),
    Place("gn:5109797", "Boston", 42.63, -78.74, "US", "NY", population=1_000),
    Place("gn:5106834", "Albany", 42.65, -73.76, "US", "NY", population=97_856),
    Place("gn:536203", "Saint Petersburg", 59.94, 30.31, "RU", "66", population=5_351_935),
    Place("gn:4171563", "St. Petersburg", 27.77, -82.68, "US", "FL", population=257_083),
    Place("gn:4335045", "New Orleans", 29.95, -90.07, "US", "LA", population=389_617),
    Place("gn:5200000", "Hampton", 40.58, -79.95, "US", "PA", population=18_000),
    Place("gn:3647931", "Bruzual", 8.05, -69.33, "VE", "04", population=8_000),
]
_WORLD_ALT = {"gn:536203": ["St. Petersburg"], "gn:5128581": ["New York"]}


@pytest.fixture(scope="module")
def world_gaz() -> Gazetteer:
    return Gazetteer.from_places(_WORLD, alternate_names=_WORLD_ALT)


def _resolve_names(text: str, names: list[str], gaz: Gazetteer) -> dict[str, Toponym]:
    spans = [(text.index(n), text.index(n) + len(n)) for n in names]
    return {t.mention.text: t for t in resolve_spans(text, spans, gaz)}


@pytest.mark.parametrize(
    "text, names, name, place_id",
    [
        # a body named after a place stands for that place ...
        ("Tokyo watched the Bank of Japan.", ["Bank of Japan"], "Bank of Japan", "country:JP"),
        ("A study by Arizona State University in Washington.", ["Arizona State University", "Washington"],
         "Arizona State University", "admin1:US-AZ"),
        ("A Japanese Senate vote.", ["Japanese Senate"], "Japanese Senate", "country:JP"),  # demonym inside
        # ... a street named after one is where the street is, not the namesake
        ("In New Orleans, Louisiana, Hampton Avenue flooded.", ["New Orleans", "Louisiana", "Hampton Avenue"],
         "Hampton Avenue", "gn:4335045"),
    ],
)  # fmt: skip
def test_a_place_named_inside_a_span(
    world_gaz: Gazetteer, text: str, names: list[str], name: str, place_id: str
) -> None:
    t = _resolve_names(text, names, world_gaz)[name]
    assert t.place is not None and t.place.id == place_id


def test_an_inner_name_is_marked_and_never_a_locality_for_others(world_gaz: Gazetteer) -> None:
    text = "The Bank of Japan met. Qwxyz Street was closed in New York."
    got = _resolve_names(text, ["Bank of Japan", "Qwxyz Street", "New York"], world_gaz)
    assert got["Bank of Japan"].qualifier == INNER_NAME
    assert got["Qwxyz Street"].place is not None and got["Qwxyz Street"].place.id == "gn:5128581"


def test_a_spelling_variant_alone_does_not_place_a_given_span(world_gaz: Gazetteer) -> None:
    # "Brazel" only shares its consonants with Bruzual: the span goes to the article's locality instead
    text = "Migrants reached Brazel from Perth."
    got = _resolve_names(text, ["Brazel", "Perth"], world_gaz)
    assert got["Brazel"].qualifier == NEAREST_LOCALITY
    assert got["Brazel"].place is not None and got["Brazel"].place.id == "gn:2063523"


def test_a_country_before_another_country_is_a_list_not_a_container(world_gaz: Gazetteer) -> None:
    text = "Country: Brazil, Venezuela (Bolivarian Republic of). Arrivals in Brazil grew."
    got = resolve_spans(text, _spans_of(text, ["Brazil", "Venezuela"]), world_gaz)
    assert {t.place.id for t in got if t.mention.text == "Brazil" and t.place} == {"country:BR"}


def test_a_list_of_cities_is_not_a_city_and_its_state(world_gaz: Gazetteer) -> None:
    text = "After stops in Washington, New York and Boston, the prince flew home."
    got = _resolve_names(text, ["Washington", "New York", "Boston"], world_gaz)
    assert got["Washington"].place is not None and got["Washington"].place.id == "gn:4140963"
    assert got["Boston"].place is not None and got["Boston"].place.id == "gn:4930956"


def test_saint_and_st_are_one_name(world_gaz: Gazetteer) -> None:
    text = "Russia will close the consulate in St. Petersburg, the United States said."
    got = _resolve_names(text, ["Russia", "St. Petersburg", "United States"], world_gaz)
    assert got["St. Petersburg"].place is not None and got["St. Petersburg"].place.id == "gn:536203"


@pytest.mark.parametrize(
    "text, names, place_id",
    [
        ("Perth, the capital of WA, in Australia.", ["Perth", "WA", "Australia"], "admin1:AU-WA"),
        ("Farms in WA and Arizona, United States.", ["WA", "Arizona", "United States"], "admin1:US-WA"),
        ("Estey's Bridge, N.B., was quiet.", ["N.B."], "admin1:CA-NB"),
    ],
)
def test_abbreviations_of_states_and_provinces(
    world_gaz: Gazetteer, text: str, names: list[str], place_id: str
) -> None:
    got = _resolve_names(text, names, world_gaz)
    abbr = next(t for n, t in got.items() if n in ("WA", "N.B."))
    assert abbr.place is not None and abbr.place.id == place_id


def test_a_bare_dateline_is_the_famous_city(world_gaz: Gazetteer) -> None:
    text = "WASHINGTON (AP) - Lawmakers from Albany and New York met. Washington said so."
    got = resolve_spans(text, _spans_of(text, ["WASHINGTON", "Albany", "New York", "Washington"]), world_gaz)
    assert {t.place.id for t in got if t.mention.text.lower() == "washington" and t.place} == {"gn:4140963"}
    # negative: without the dateline the town next to Albany is the likelier reading
    text = "In Washington, lawmakers from Albany and New York met. Washington said so."
    got = resolve_spans(text, _spans_of(text, ["Washington", "Albany", "New York"]), world_gaz)
    assert {t.place.id for t in got if t.mention.text == "Washington" and t.place} == {"gn:5144040"}


def _spans_of(text: str, names: list[str]) -> list[tuple[int, int]]:
    """Every occurrence of every name."""
    return sorted((m.start(), m.end()) for n in names for m in re.finditer(re.escape(n), text))


def test_a_street_is_in_a_town_of_the_state_the_article_names(world_gaz: Gazetteer) -> None:
    text = "Louisiana: New Orleans voted on Monday. Later, Hampton officials toured Qwxyz Street."
    got = _resolve_names(text, ["Louisiana", "New Orleans", "Hampton", "Qwxyz Street"], world_gaz)
    street = got["Qwxyz Street"]
    # Hampton (Pennsylvania) is nearer in the text, but only New Orleans lies in the named state
    assert street.qualifier == NEAREST_LOCALITY
    assert street.place is not None and street.place.id == "gn:4335045"


def test_a_capital_is_read_as_a_world_city() -> None:
    places = [
        Place("gn:2172517", "Canberra", -35.28, 149.13, "AU", "01", population=367_752, capital=True),
        Place("gn:9999999", "Canberra", 40.0, -80.0, "US", "PA", population=400_000),
    ]
    text = "Officials in Canberra met on Monday."
    got = _resolve_names(text, ["Canberra"], Gazetteer.from_places(places))
    assert got["Canberra"].place is not None and got["Canberra"].place.id == "gn:2172517"
    # negative: without the flag the slightly larger namesake is read
    plain = [replace(p, capital=False) for p in places]
    got = _resolve_names(text, ["Canberra"], Gazetteer.from_places(plain))
    assert got["Canberra"].place is not None and got["Canberra"].place.id == "gn:9999999"


def test_a_span_in_an_article_without_towns_takes_the_area_it_names(world_gaz: Gazetteer) -> None:
    text = "Protesters filled Qwxyz Square, the heart of protests across Japan."
    got = _resolve_names(text, ["Qwxyz Square", "Japan"], world_gaz)
    square = got["Qwxyz Square"]
    assert square.qualifier == NEAREST_LOCALITY and square.precision == "country"
    assert square.place is not None and square.place.id == "country:JP"


@pytest.mark.parametrize(
    "text, names, span, place_id, qualifier",
    [
        # a town that only shares its folded key, in no country the article names: another place
        ("Fans massed at Anfield before Liverpool played.", ["Anfield", "Liverpool"], "Anfield",
         "gn:2644210", NEAREST_LOCALITY),
        # the same loose match inside the country the article names is a transliteration
        ("Militias in Misrata, Libya, said so.", ["Misrata", "Libya"], "Misrata", "gn:2214846", ""),
    ],
)  # fmt: skip
def test_a_loose_spelling_counts_only_inside_the_articles_countries(
    text: str, names: list[str], span: str, place_id: str, qualifier: str
) -> None:
    places = [
        Place("gn:2644210", "Liverpool", 53.41, -2.98, "GB", "ENG", population=552_267),
        Place("gn:2650120", "Enfield", 51.65, -0.08, "GB", "ENG", population=45_000),
        Place("country:LY", "Libya", 28.0, 17.0, "LY", kind="country", population=6_700_000),
        Place("gn:2214846", "Misratah", 32.38, 15.09, "LY", "58", population=386_120),
    ]
    got = _resolve_names(text, names, Gazetteer.from_places(places))[span]
    assert got.place is not None and got.place.id == place_id
    assert got.qualifier == qualifier


def test_a_province_named_by_a_bare_direction_needs_its_country_in_the_article() -> None:
    places = [
        Place("country:RU", "Russia", 60.0, 100.0, "RU", kind="country", population=144_000_000),
        Place("gn:524901", "Moscow", 55.75, 37.62, "RU", "48", population=10_381_222, capital=True),
        Place("country:CM", "Cameroon", 6.0, 12.5, "CM", kind="country", population=25_000_000),
        Place("admin1:CM-OU", "West", 5.5, 10.5, "CM", "OU", kind="admin1", population=1_700_000),
    ]
    gaz = Gazetteer.from_places(places)
    text = "In Moscow, Russia's row with the West deepened."
    west = _resolve_names(text, ["Moscow", "Russia", "West"], gaz)["West"]
    assert west.qualifier == NEAREST_LOCALITY and west.place is not None and west.place.id == "gn:524901"
    # negative: in a story about Cameroon, its West region is meant
    text = "Separatists in Cameroon clashed with troops in the West."
    west = _resolve_names(text, ["Cameroon", "West"], gaz)["West"]
    assert west.qualifier == "" and west.place is not None and west.place.id == "admin1:CM-OU"


def test_mentions_of_one_name_do_not_vouch_for_each_other() -> None:
    places = [
        Place("gn:2964574", "Dublin", 53.33, -6.25, "IE", "L", population=1_024_027, capital=True),
        Place("gn:4512060", "Columbus", 39.96, -83.00, "US", "OH", population=905_748),
        Place("gn:4517009", "Dublin", 40.10, -83.11, "US", "OH", population=47_619),
        Place("admin2:US-OH-franklin-county", "Franklin County", 39.97, -83.01, "US", "OH", kind="admin2"),
    ]
    text = (
        "Dublin City Council met on Monday. Dublin City Council members and Dublin City Council staff "
        "agreed. Dublin residents near Columbus, in Franklin County, were pleased."
    )
    got = resolve_spans(
        text, _spans_of(text, ["Dublin", "Columbus", "Franklin County"]), Gazetteer.from_places(places)
    )
    assert {t.place.id for t in got if t.mention.text == "Dublin" and t.place} == {"gn:4517009"}


@pytest.mark.parametrize(
    "text, names, place_id",
    [
        # the name after "Town," that holds the town is its state ...
        ("A studio in Tacoma, Washington, shares its recipes.", ["Tacoma", "Washington"], "admin1:US-WA"),
        # ... and is read as a place of its own only when it holds nothing
        ("Officials in Washington said so.", ["Washington"], "gn:4140963"),
    ],
)
def test_the_state_after_a_town_is_a_state(text: str, names: list[str], place_id: str) -> None:
    places = [
        Place("gn:4140963", "Washington", 38.90, -77.04, "US", "DC", population=689_545, capital=True),
        Place("admin1:US-WA", "Washington", 47.5, -120.5, "US", "WA", kind="admin1", population=7_500_000),
        Place("gn:5812944", "Tacoma", 47.25, -122.44, "US", "WA", population=217_827),
    ]
    got = _resolve_names(text, names, Gazetteer.from_places(places))["Washington"]
    assert got.place is not None and got.place.id == place_id


# -- kinds from plural nouns and lists, namesake clusters, sports teams ---------------------------

_US = [
    Place("country:US", "United States", 39.76, -98.5, "US", kind="country", population=327_000_000),
    Place("gn:4140963", "Washington", 38.90, -77.04, "US", "DC", population=689_545, capital=True),
    Place("admin1:US-WA", "Washington", 47.5, -120.5, "US", "WA", kind="admin1", population=7_500_000),
    Place("admin1:US-CA", "California", 36.7, -118.8, "US", "CA", kind="admin1", population=39_500_000),
    Place("gn:4350049", "California", 38.30, -76.51, "US", "MD", population=11_857),
    Place("admin1:US-NY", "New York", 43.0, -75.5, "US", "NY", kind="admin1", population=19_000_000),
    Place("gn:5128581", "New York City", 40.71, -74.01, "US", "NY", population=8_804_190),
    Place("gn:4930956", "Boston", 42.36, -71.06, "US", "MA", population=617_594),
    Place("gn:5197079", "Lancaster", 40.04, -76.31, "US", "PA", population=59_339),
    Place("admin2:US-NE-lancaster-county", "Lancaster County", 40.78, -96.69, "US", "NE", kind="admin2"),
    Place("gn:5746545", "Portland", 45.52, -122.68, "US", "OR", population=652_503),
    Place("gn:4720131", "Portland", 27.88, -97.32, "US", "TX", population=16_116),
    Place("gn:4699066", "Houston", 29.76, -95.36, "US", "TX", population=2_296_224),
    Place("admin1:US-TX", "Texas", 31.25, -99.25, "US", "TX", kind="admin1", population=25_145_561),
]
_US_ALT = {
    "admin2:US-NE-lancaster-county": ["Lancaster"],
    "gn:5128581": ["New York"],
}


@pytest.fixture(scope="module")
def us_gaz() -> Gazetteer:
    return Gazetteer.from_places(_US, alternate_names=_US_ALT)


@pytest.mark.parametrize(
    "text, names, name, place_id",
    [
        # a plural kind noun after a list is every listed name's, "counties" as much as "provinces"
        ("Lancaster and Otoe counties grew.", ["Lancaster"], "Lancaster", "admin2:US-NE-lancaster-county"),
        ("Lancaster and Otoe residents met.", ["Lancaster"], "Lancaster", "gn:5197079"),
        # a name listed with a state that no sizeable town shares is a state too ...
        ("Jobs left states such as California or Washington.", ["California", "Washington"], "Washington",
         "admin1:US-WA"),
        ("Laws in California and Washington allow it.", ["California", "Washington"], "Washington",
         "admin1:US-WA"),
        # ... not when it is listed with cities, or with a state named like a big city
        ("Jobs left cities such as Boston or Washington.", ["Boston", "Washington"], "Washington",
         "gn:4140963"),
        ("Flights from New York or Washington resumed.", ["New York", "Washington"], "Washington",
         "gn:4140963"),
    ],
)  # fmt: skip
def test_kinds_from_plural_nouns_and_lists(
    us_gaz: Gazetteer, text: str, names: list[str], name: str, place_id: str
) -> None:
    got = _resolve_names(text, names, us_gaz)[name]
    assert got.place is not None and got.place.id == place_id


_SPORTS = (
    "The Texas side beat Portland 96-94 on Tuesday in the last game of the season. Houston scored 30 "
    "points in the fourth quarter, their coach said."
)


@pytest.mark.parametrize(
    "text, place_id",
    [
        # a sports story's opponent is a team, named for the famous namesake ...
        (_SPORTS, "gn:5746545"),
        # ... while the same names in other news follow the story's state
        ("Texas officials from Houston visited Portland on Tuesday to see the port.", "gn:4720131"),
    ],
)
def test_a_team_is_named_for_the_famous_namesake(us_gaz: Gazetteer, text: str, place_id: str) -> None:
    got = _resolve_names(text, ["Texas", "Portland", "Houston"], us_gaz)["Portland"]
    assert got.place is not None and got.place.id == place_id


@pytest.mark.parametrize(
    "houston_tx_population, place_id",
    [
        # two small namesakes of famous places next to each other do not pull each other there ...
        (2_296_224, "gn:4699066"),
        # ... while small towns of their own still pair (a town and its neighbour)
        (1_000, "gn:5188000"),
    ],
)
def test_a_pair_of_small_namesakes_weighs_their_prominence(houston_tx_population: int, place_id: str) -> None:
    places = [
        Place("country:US", "United States", 39.76, -98.5, "US", kind="country", population=327_000_000),
        Place("gn:4140963", "Washington", 38.90, -77.04, "US", "DC", population=689_545, capital=True),
        Place("gn:5218069", "Washington", 40.17, -80.25, "US", "PA", population=13_437),
        Place("gn:4699066", "Houston", 29.76, -95.36, "US", "TX", population=houston_tx_population),
        Place("gn:5188000", "Houston", 40.171, -80.251, "US", "PA", population=20_000),
    ]
    text = "Officials in Washington met a Houston contractor."
    got = _resolve_names(text, ["Washington", "Houston"], Gazetteer.from_places(places))["Houston"]
    assert got.place is not None and got.place.id == place_id


_BAYOU = [
    Place("gn:4335045", "New Orleans", 29.95, -90.07, "US", "LA", population=389_617),
    Place("gn:4070000", "Bourbon", 38.15, -91.24, "US", "MO", population=50_000),
    Place("gn:5323000", "August", 37.98, -121.26, "US", "CA", population=8_390),
    Place("gn:5399020", "Stockton", 37.96, -121.29, "US", "CA", population=310_496),
    Place("admin1:US-CA", "California", 36.7, -118.8, "US", "CA", kind="admin1", population=39_500_000),
    Place("admin1:US-LA", "Louisiana", 31.0, -92.0, "US", "LA", kind="admin1", population=4_600_000),
]


@pytest.mark.parametrize(
    "text, names, span, place_id, qualifier",
    [
        # a name before "streets" is a street named for a town, in the story's own town ...
        ("The parade rolled down Bourbon and Dauphine streets in New Orleans.", ["Bourbon", "New Orleans"],
         "Bourbon", "gn:4335045", NEAREST_LOCALITY),
        ("The parade rolled down Bourbon Street in New Orleans.", ["Bourbon", "New Orleans"],
         "Bourbon", "gn:4335045", NEAREST_LOCALITY),
        # ... and the town itself without the noun
        ("The band drove from Bourbon to New Orleans.", ["Bourbon", "New Orleans"], "Bourbon", "gn:4070000",
         ""),
        # a hamlet named once, far from the story's places and outside its states, is a venue there ...
        ("She cooked at August in New Orleans.", ["August", "New Orleans"], "August", "gn:4335045",
         NEAREST_LOCALITY),
        # ... not when the story keeps naming it (and names no state it is outside), names its state,
        # or names a place near it
        ("She cooked at August in New Orleans. August loved her.", ["August", "New Orleans"], "August",
         "gn:5323000", ""),
        ("She cooked at August in New Orleans, Louisiana. August loved her.",
         ["August", "New Orleans", "Louisiana"], "August", "gn:4335045", NEAREST_LOCALITY),
        ("She cooked in August, California, and New Orleans.", ["August", "California", "New Orleans"],
         "August", "gn:5323000", ""),
        ("She cooked in August near Stockton, then New Orleans.", ["August", "Stockton", "New Orleans"],
         "August", "gn:5323000", ""),
    ],
)  # fmt: skip
def test_streets_and_stray_hamlets_go_to_the_storys_town(
    text: str, names: list[str], span: str, place_id: str, qualifier: str
) -> None:
    spans = _spans_of(text, names)
    got = [t for t in resolve_spans(text, spans, Gazetteer.from_places(_BAYOU)) if t.mention.text == span]
    assert {(t.place.id if t.place else None, t.qualifier) for t in got} == {(place_id, qualifier)}


@pytest.mark.parametrize(
    "text, place_id",
    [
        # a building the text places "in Geneva" is there, however often the story names Paris ...
        ("In Paris, envoys met at the Qwxyz Palace in Geneva, then went back to Paris.", "gn:2660646"),
        ("In Paris, envoys met at the Qwxyz Palace, Geneva, then went back to Paris.", "gn:2660646"),
        # ... and otherwise at the locality the story names most surely near it
        ("In Paris, envoys met at the Qwxyz Palace, then flew to Geneva and back to Paris.", "gn:2988507"),
    ],
)
def test_a_building_in_a_named_town_is_there(text: str, place_id: str) -> None:
    places = [
        Place("gn:2988507", "Paris", 48.8534, 2.3488, "FR", "11", population=2_138_551, capital=True),
        Place("gn:2660646", "Geneva", 46.20, 6.15, "CH", "GE", population=183_981),
    ]
    spans = _spans_of(text, ["Paris", "Qwxyz Palace", "Geneva"])
    got = resolve_spans(text, spans, Gazetteer.from_places(places))
    palace = next(t for t in got if t.mention.text == "Qwxyz Palace")
    assert palace.qualifier == NEAREST_LOCALITY
    assert palace.place is not None and palace.place.id == place_id


@pytest.mark.parametrize(
    "text, span, place_id, qualifier",
    [
        # a place inside a body's name beats a demonym: the office is in Hachioji ...
        (
            "Talks at the British Council Hachioji went well.",
            "British Council Hachioji",
            "gn:1863905",
            INNER_NAME,
        ),
        # ... and the demonym stands for its country when the name holds no place
        ("Talks at the British Council went well.", "British Council", "country:GB", INNER_NAME),
        # a county's short name, spelt only as a key, holds only inside a state the story names ...
        ("Jackson officials met in Atlanta.", "Jackson", "gn:4180439", NEAREST_LOCALITY),
        ("Jackson officials met in Atlanta, Georgia.", "Jackson", "admin2:US-GA-jackson-county", ""),
    ],
)
def test_inner_places_and_county_short_names(text: str, span: str, place_id: str, qualifier: str) -> None:
    places = [
        Place("country:GB", "United Kingdom", 54.0, -2.0, "GB", kind="country", population=66_000_000),
        Place("gn:1863905", "Hachioji", 35.66, 139.32, "JP", "40", population=580_053),
        Place("gn:4180439", "Atlanta", 33.749, -84.388, "US", "GA", population=498_044),
        Place("admin1:US-GA", "Georgia", 32.75, -83.5, "US", "GA", kind="admin1", population=9_687_653),
        Place("admin2:US-GA-jackson-county", "Jackson County", 34.13, -83.57, "US", "GA", kind="admin2"),
    ]
    gaz = Gazetteer.from_places(places, alternate_names={"admin2:US-GA-jackson-county": ["Jackson"]})
    names = [span, "Atlanta", "Georgia"]
    got = _resolve_names(text, [n for n in names if n in text], gaz)[span]
    assert got.place is not None and got.place.id == place_id
    assert got.qualifier == qualifier


@pytest.mark.parametrize(
    "text, place_id",
    [
        # a bare name after the same name as a town's container is that state ...
        ("A studio in Tacoma, Washington, shares recipes. Washington lawmakers approved.", "admin1:US-WA"),
        # ... and otherwise the capital
        ("A studio in Tacoma shares recipes. Washington lawmakers approved.", "gn:4140963"),
    ],
)
def test_a_bare_name_after_a_container_is_that_container(text: str, place_id: str) -> None:
    places = [
        Place("gn:4140963", "Washington", 38.90, -77.04, "US", "DC", population=689_545, capital=True),
        Place("admin1:US-WA", "Washington", 47.5, -120.5, "US", "WA", kind="admin1", population=7_500_000),
        Place("gn:5812944", "Tacoma", 47.25, -122.44, "US", "WA", population=217_827),
    ]
    got = resolve_spans(text, _spans_of(text, ["Tacoma", "Washington"]), Gazetteer.from_places(places))
    last = [t for t in got if t.mention.text == "Washington"][-1]
    assert last.place is not None and last.place.id == place_id


# --- the weights file --------------------------------------------------------------------------------


def test_shipped_weights_load_with_every_field() -> None:
    from geo.resolve_weights import WEIGHTS_FILE, load_weights

    w = load_weights(WEIGHTS_FILE)
    assert w.max_scored <= w.max_candidates
    assert set(w.kind_weight) == {"country", "admin1", "region", "admin2", "populated_place", "feature"}


@pytest.mark.parametrize(
    "old, new, message",
    [
        ("w_pair = 2.5", "w_pear = 2.5", "unknown keys ['w_pear'], missing keys ['w_pair']"),
        ("max_scored = 25", "max_scored = 2.5", "max_scored must be a whole number"),
        ("w_pop = 0.35", 'w_pop = "0.35"', "w_pop must be a number"),
        ("feature = 1.5", "feature = true", "[kind_weight] must map kinds to numbers"),
        ("w_pop = 0.35", "w_pop = ", "not valid TOML"),
        ("w_pop = 0.35", "w_pop = 0.35", ""),  # the shipped text itself loads
    ],
)
def test_bad_weights_file_names_the_file_and_the_key(tmp_path, old: str, new: str, message: str) -> None:
    from geo.errors import GeoError
    from geo.resolve_weights import WEIGHTS_FILE, load_weights

    path = tmp_path / "weights.toml"
    text = WEIGHTS_FILE.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    if not message:
        assert load_weights(path).w_pop == 0.35
        return
    with pytest.raises(GeoError) as err:
        load_weights(path)
    assert str(path) in str(err.value) and message in str(err.value)


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85", " "])  # JSON escapes other controls
def test_geo_resolve_reads_a_text_holding_unicode_line_separators_as_one_line(
    gaz: Gazetteer, tmp_path, monkeypatch: pytest.MonkeyPatch, separator: str
) -> None:
    import json

    from geo import cli

    monkeypatch.setattr(Gazetteer, "load", lambda **kw: gaz)
    text = f"Jets struck Homs.{separator}Later, Hama."
    given, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    doc = {"doc_id": "d", "text": text, "spans": [[12, 16], [text.index("Hama"), text.index("Hama") + 4]]}
    given.write_text(json.dumps(doc, ensure_ascii=False) + "\n", encoding="utf-8")
    assert cli.main(["resolve", str(given), "--out", str(out)]) == 0
    got = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["geonameid"] for r in got] == [169577, 173576]


_LEBANONS = [
    Place("gn:272103", "Lebanon", 33.83, 35.83, "LB", kind="country", population=6_848_925),
    Place("gn:5197159", "Lebanon", 40.34, -76.41, "US", "PA", population=25_477),
    Place("gn:4392388", "Lebanon", 37.68, -92.66, "US", "MO", population=14_474),
]


@pytest.mark.parametrize(
    "text, place_id",
    [
        # a town's own bodies (mayor, council, police, schools) make the name the town's ...
        ("Lebanon Police arrested a man on Friday.", "gn:5197159"),
        ("A man was charged, Lebanon police said.", "gn:5197159"),
        ("The Lebanon City Council voted on Monday.", "gn:5197159"),
        ("Students at Lebanon High School won the prize.", "gn:5197159"),
        ("Lebanon Mayor Sherry Capello spoke.", "gn:5197159"),
        # ... not a possessive, not other bodies, and not after a comma, where the name is a container
        ("Lebanon's police arrested a man on Friday.", "gn:272103"),
        ("The Lebanon Army shelled the border.", "gn:272103"),
        ("Fighters crossed from Syria, Lebanon police said.", "gn:272103"),
        ("Lebanon said on Friday it would respond.", "gn:272103"),
    ],
)
def test_a_towns_own_bodies_make_a_countrys_name_the_towns(text: str, place_id: str) -> None:
    got = _resolve_names(text, ["Lebanon"], Gazetteer.from_places(_LEBANONS))["Lebanon"]
    assert got.place is not None and got.place.id == place_id


_WASHINGTONS = [
    Place("gn:2635167", "United Kingdom", 54.76, -2.70, "GB", kind="country", population=66_488_991),
    Place("admin1:GB-ENG", "England", 52.16, -1.50, "GB", "ENG", kind="admin1", population=55_000_000),
    Place("gn:2643743", "London", 51.51, -0.13, "GB", "ENG", population=8_961_989, capital=True),
    Place("gn:2636531", "Sunderland", 54.90, -1.38, "GB", "ENG", population=177_965),
    Place("gn:2634715", "Salisbury", 51.07, -1.79, "GB", "ENG", population=40_302),
    Place("gn:2634325", "Washington", 54.90, -1.52, "GB", "ENG", population=67_085),
    Place("gn:6252001", "United States", 39.76, -98.5, "US", kind="country", population=327_167_434),
    Place("gn:4140963", "Washington", 38.90, -77.04, "US", "DC", population=689_545, capital=True),
]
_ALIASES_GB = {"gn:2635167": ["Britain"]}


@pytest.mark.parametrize(
    "text, names, place_id",
    [
        # a capital is its government's seat when the story names its country, however British the story
        ("Britain expelled diplomats from London after Salisbury, England. In Washington, the United "
         "States said it would follow. London and Salisbury wait.",
         ["Britain", "London", "Salisbury", "England", "Washington", "United States"], "gn:4140963"),
        # ... not when the story names neither its country nor anything of it
        ("Britain expelled diplomats from London after Salisbury, England. In Washington, near "
         "Sunderland, a vigil was held.",
         ["Britain", "London", "Salisbury", "England", "Washington", "Sunderland"], "gn:2634325"),
    ],
)  # fmt: skip
def test_a_capital_whose_country_the_story_names_is_its_government(
    text: str, names: list[str], place_id: str
) -> None:
    gaz = Gazetteer.from_places(_WASHINGTONS, alternate_names=_ALIASES_GB)
    got = _resolve_names(text, names, gaz)["Washington"]
    assert got.place is not None and got.place.id == place_id


@pytest.mark.parametrize(
    "text, place_id",
    [
        # a venue written with its state is in the story's town inside that state ...
        ("From Stockton to New Orleans, Louisiana, to race at Qwxyz Park, California.", "gn:5399020"),
        ("From Stockton to New Orleans, Louisiana, to race at Qwxyz Park in California.", "gn:5399020"),
        # ... or at the state itself when the story names no town inside it
        ("She flew from Stockton and raced at Qwxyz Park, Louisiana.", "admin1:US-LA"),
        # ... and without a written area, at the town named nearest to it
        ("She flew from Stockton to New Orleans and raced at Qwxyz Park.", "gn:4335045"),
    ],
)
def test_a_venue_written_with_its_area_is_in_that_area(text: str, place_id: str) -> None:
    names = ["Stockton", "New Orleans", "Qwxyz Park", "California", "Louisiana"]
    spans = _spans_of(text, names)
    got = resolve_spans(text, spans, Gazetteer.from_places(_BAYOU))
    venue = next(t for t in got if t.mention.text == "Qwxyz Park")
    assert venue.qualifier == NEAREST_LOCALITY
    assert venue.place is not None and venue.place.id == place_id


_SKATERS = [
    Place("gn:5946768", "Edmonton", 53.55, -113.47, "CA", "01", population=1_010_899),
    Place("gn:5985000", "Innisfail", 52.03, -113.95, "CA", "01", population=7_672),
    Place("gn:5913490", "Calgary", 51.05, -114.09, "CA", "01", population=1_019_942),
    Place("gn:5323000", "August", 37.98, -121.26, "US", "CA", population=8_390),
]


@pytest.mark.parametrize(
    "text, place_id, qualifier",
    [
        # a village a region's width from the story's city is that village ...
        ("The skater grew up in Innisfail and trains in Edmonton.", "gn:5985000", ""),
        # ... one a continent away, named once, is a venue of the story's town
        ("The skater dined at August and trains in Edmonton.", "gn:5946768", NEAREST_LOCALITY),
    ],
)
def test_a_village_a_regions_width_away_is_not_a_stray(text: str, place_id: str, qualifier: str) -> None:
    spans = _spans_of(text, ["Innisfail", "Edmonton", "August"])
    got = resolve_spans(text, spans, Gazetteer.from_places(_SKATERS))
    village = got[0]
    assert (village.place.id if village.place else None, village.qualifier) == (place_id, qualifier)


_INITIALS = [
    Place("gn:1584071", "Chu", 21.37, 106.63, "VN", "54", population=20_000),
    Place("gn:2992166", "Montpellier", 43.61, 3.88, "FR", "76", population=248_252),
]


@pytest.mark.parametrize(
    "text, name, place_id",
    [
        # a short word in capitals in lower-case text is an organisation's initials ...
        ("Doctors at the CHU in Montpellier said the staff performed well.", "CHU", None),
        ("A delegate to the CHU spoke on Friday.", "CHU", None),
        # ... not a dateline, a headline in capitals, or the name as a name is written
        ("CHU (AP) - Officials said the road had reopened.", "CHU", "gn:1584071"),
        ("FLOODS CUT CHU OFF FROM THE COAST\nOfficials said the road had closed.", "CHU", "gn:1584071"),
        ("Officials in Chu said the road had reopened.", "Chu", "gn:1584071"),
    ],
)
def test_initials_in_capitals_are_not_a_town(text: str, name: str, place_id: str | None) -> None:
    start = text.index(name)
    got = resolve(text, [Mention(name, start, start + len(name), "GPE")], Gazetteer.from_places(_INITIALS))
    assert (got[0].place.id if got[0].place else None) == place_id


_MAYOS = [
    Place("admin1:IE-MO", "Mayo", 53.9, -9.25, "IE", "", kind="admin1", population=130_507),
    Place("gn:4362000", "Mayo", 38.89, -76.51, "US", "MD", population=8_298),
    Place("admin1:US-MD", "Maryland", 39.0, -76.7, "US", "MD", kind="admin1", population=6_000_000),
]


@pytest.mark.parametrize(
    "text, span, place_id, qualifier",
    [
        # Irish and British usage puts the kind first: "County Mayo", "Co. Mayo", "Co Mayo" ...
        ("She grew up in County Mayo.", "County Mayo", "admin1:IE-MO", "county"),
        ("She grew up in Co. Mayo.", "Co. Mayo", "admin1:IE-MO", "county"),
        ("She grew up in Co Mayo.", "Co Mayo", "admin1:IE-MO", "county"),
        # ... also with the span on the name alone
        ("She grew up in Co. Mayo.", "Mayo", "admin1:IE-MO", "county"),
        # ... but "& Co." is a firm, and a written container still wins
        ("She joined Smith & Co. Mayo, Maryland.", "Mayo", "gn:4362000", ""),
        ("She grew up in Mayo, Maryland.", "Mayo", "gn:4362000", ""),
    ],
)
def test_county_before_the_name(text: str, span: str, place_id: str, qualifier: str) -> None:
    got = _resolve_names(text, [span], Gazetteer.from_places(_MAYOS))[span]
    assert (got.place.id if got.place else None, got.qualifier) == (place_id, qualifier)


def test_a_names_own_kind_noun_outranks_one_before_it(gaz: Gazetteer) -> None:
    # "the districts of Homs City" are the city's quarters, not the province's districts
    text = "Jets struck the districts of Homs City on Sunday."
    start = text.index("Homs City")
    (t,) = resolve_spans(text, [(start, start + len("Homs City"))], gaz)
    assert t.place is not None and (t.place.id, t.precision) == ("gn:169577", "point")


@pytest.mark.realdata
def test_real_northern_outskirts_of_a_town_stay_by_the_town(real_gaz: Gazetteer) -> None:
    # a town of 40,000 reaches about 2 km: its northern outskirts are not 20 km away in the next district
    text = "Su-24M aircraft destroyed a command post on the northern outskirts of Jisr al-Shughour."
    start = text.index("Jisr")
    (t,) = resolve_spans(text, [(start, len(text) - 1)], real_gaz)
    assert t.place is not None and t.place.name == "Jisr ash Shughūr"
    assert t.precision == "region" and t.lat is not None
    assert 0 < t.lat - t.place.lat < 0.04
