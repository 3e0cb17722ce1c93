"""Claims: sentences -> (speaker, side, place, role, claim type), with the seeds' hard cases.

These run the real spaCy model (a registry package, offline) over a small in-memory gazetteer, so
they exercise the parse-based rules without the real index.
"""

from __future__ import annotations

import pytest

from geo.gazetteer import Gazetteer
from geo.mentions import load_nlp
from geo.pipeline import Pipeline
from geo.registry import load_registry
from geo.types import Article, Claim, Place

PLACES = (
    Place("country:SY", "Syria", 35.0, 38.0, "SY", kind="country"),
    Place("country:RU", "Russia", 61.5, 105.3, "RU", kind="country"),
    Place("country:US", "United States", 39.8, -98.6, "US", kind="country"),
    Place("country:IQ", "Iraq", 33.0, 44.0, "IQ", kind="country"),
    Place("country:IR", "Iran", 32.0, 53.0, "IR", kind="country"),
    Place("country:AF", "Afghanistan", 33.0, 66.0, "AF", kind="country"),
    Place("country:AZ", "Azerbaijan", 40.5, 47.5, "AZ", kind="country"),
    Place("country:LB", "Lebanon", 33.83, 35.83, "LB", kind="country"),
    Place("admin1:SY-11", "Homs", 34.47, 38.15, "SY", "11", kind="admin1"),
    Place("admin1:SY-10", "Hama", 35.2, 37.0, "SY", "10", kind="admin1"),
    Place("gn:169577", "Homs", 34.72405, 36.72559, "SY", "11", population=775_404),
    Place("gn:163779", "Tallbīsah", 34.84072, 36.73092, "SY", "11", population=38_491),
    Place("gn:170063", "Hama", 35.13179, 36.75783, "SY", "10", population=696_863),
    Place("sup:latamneh", "Latamneh", 35.321, 36.621, "SY", "10", population=0),
    Place("gn:524901", "Moscow", 55.75, 37.62, "RU", "48", population=10_381_222, capital=True),
    Place("gn:4140963", "Washington", 38.895, -77.036, "US", "DC", population=601_723),
    Place("gn:5128581", "New York", 40.714, -74.006, "US", "NY", population=8_175_133),
    Place("gn:2988507", "Paris", 48.853, 2.349, "FR", "11", population=2_138_551),
    Place("sup:caspian", "Caspian Sea", 42.0, 50.5, "", kind="feature"),
    Place("admin1:SY-12", "Idlib", 35.8, 36.6, "SY", "12", kind="admin1"),
    Place("gn:169023", "Jisr ash Shughūr", 35.81418, 36.31983, "SY", "12", population=39_311),
    # a curated village with no admin1 code: containment falls back to the province polygon
    Place("sup:kafr-nabudah", "Kafr Nabudah", 35.432, 36.515, "SY"),
    Place("gn:7777", "Gaziantep", 37.06, 37.38, "TR", "83", population=1_000_000),
    Place("gn:276781", "Beirut", 33.89, 35.50, "LB", "04", population=1_916_100),
    Place("gn:170063a", "Aleppo", 36.20, 37.16, "SY", "09", population=1_600_000),
    Place("gn:171014", "Dārat ‘Izzah", 36.28, 36.85, "SY", "09", population=11_000),
    Place("gn:170654", "Damascus", 33.51, 36.29, "SY", "13", population=1_569_394),
)
ALTERNATES = {
    "gn:163779": ["Talbiseh", "Talbisah"],
    "country:US": ["US", "U.S.", "USA"],
    "country:RU": ["Russian Federation"],
    "admin1:SY-11": ["Homs Governorate", "Homs Province"],
    "admin1:SY-10": ["Hama Governorate", "Hama Province"],
    "gn:169023": ["Jisr al-Shughour"],
    "sup:kafr-nabudah": ["Kafr Nabouda"],
    "gn:171014": ["Darat Izza"],
}
HAMA_POLYGON = {
    "type": "Polygon",
    "coordinates": [[[36.2, 34.9], [37.6, 34.9], [37.6, 35.6], [36.2, 35.6], [36.2, 34.9]]],
}


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    places = [
        Place(p.id, p.name, p.lat, p.lon, p.country_code, p.admin1, p.kind, polygon=HAMA_POLYGON)
        if p.id == "admin1:SY-10"
        else p
        for p in PLACES
    ]
    return Pipeline(load_nlp(), Gazetteer.from_places(places, ALTERNATES), load_registry())


def claims_of(pipe: Pipeline, text: str, published: str = "2015-10-01") -> list[Claim]:
    return pipe.claims(Article(id="t.txt", title="t", text=text, published=published))


def roles(claims: list[Claim]) -> dict[str, set[tuple[str, str]]]:
    """place as written -> {(side, role)}"""
    out: dict[str, set[tuple[str, str]]] = {}
    for c in claims:
        for p in c.places:
            out.setdefault(p.toponym.mention.text, set()).add((c.source.side, p.role))
    return out


def targets(claims: list[Claim]) -> set[tuple[str, str]]:
    return {(p.toponym.mention.text, c.source.side) for c in claims for p in c.places if p.role == "target"}


@pytest.mark.parametrize(
    "text, expected_targets, context_places",
    [
        # negated intent: Iraq is not a target
        ("He also said Russian Federation has no plans to extend its airstrikes to Iraq.", set(), {"Iraq"}),
        (
            "Russia is not planning to expand air raids to Iraq, Russian Foreign Minister Sergey Lavrov "
            "said Thursday.",
            set(),
            {"Iraq"},
        ),
        # the speaker's whereabouts
        (
            "In Paris, Russian Ambassador Alexander Orlov insisted that Russian warplanes in Syria were "
            "hitting Islamic State.",
            {("Syria", "russia")},
            {"Paris"},
        ),
        (
            "Khaled Khoja, head of the Syrian National Council opposition group, said at the UN that "
            "Russian airstrikes in four areas, including Talbiseh, killed 36 civilians.",
            {("Talbiseh", "opposition")},
            set(),
        ),
        # a flight route
        (
            "Six bombers reached Syria circumventing Azerbaijan and flying over the Caspian Sea, "
            "Iran and Iraq.",
            set(),
            {"Azerbaijan", "Caspian Sea", "Iran", "Iraq"},
        ),
        # strikes by another force
        (
            "Lavrov said Moscow would be open to channels with the US-led coalition, which has been "
            "attacking positions of Daesh terrorists in Syria and Iraq for more than a year.",
            set(),
            {"Syria", "Iraq"},
        ),
        (
            "Activists said government helicopters dropped barrel bombs on Latamneh.",
            set(),
            {"Latamneh"},
        ),
        # strikes as the object of another act
        (
            "There has been no real effort by the Russian side to deconflict the Russian air strikes in "
            "Syria with the coalition fighting ISIL, Jens Stoltenberg said.",
            set(),
            {"Syria"},
        ),
        # history
        (
            "It was the first military engagement outside the former USSR since the occupation of "
            "Afghanistan in 1979.",
            set(),
            {"Afghanistan"},
        ),
        # an actor named by its capital
        (
            "Moscow said its jets struck Islamic State positions in Syria.",
            {("Syria", "russia")},
            {"Moscow"},
        ),
        # a stance towards strikes is not a report of them
        (
            "Iran's Foreign Ministry said it fully supports Russian airstrikes against terrorist groups "
            "in Syria.",
            set(),
            {"Syria"},
        ),
        # ... but strikes a report names beside that stance are still reported
        (
            "Activists said the attacks hit the town of Latamneh with the backing of Russian air strikes.",
            {("Latamneh", "opposition")},
            set(),
        ),
        # a border reference and a refining country
        (
            "US officials questioned whether ISIS is active in the areas hit by the Russian strikes, which "
            "on Wednesday were around the city of Homs, in western Syria near the border with Lebanon.",
            {("Homs", "us")},
            {"Syria", "Lebanon"},
        ),
        # a war, not a strike, killed people
        (
            "The Syrian civil war has killed more than 250,000 people and sent refugees fleeing to Lebanon.",
            set(),
            {"Lebanon"},
        ),
        # the reporter's own narration, and the outlet's own correspondent
        ("On Wednesday, Russia began carrying out airstrikes in Syria.", {("Syria", "reporter")}, set()),
        (
            "Our correspondent in Gaziantep said fighter jets also struck Jisr al-Shughour.",
            {("Jisr al-Shughour", "reporter")},
            {"Gaziantep"},
        ),
        # a dateline is not a place the claim is about; "surroundings" and "heights" locate
        (
            "BEIRUT (Reuters) - Russian jets struck positions in the surroundings of Jisr al-Shughour "
            "and on the heights of Latamneh, activists said.",
            {("Jisr al-Shughour", "opposition"), ("Latamneh", "opposition")},
            {"BEIRUT"},
        ),
        # where a source says IS is absent is where its claim puts the strikes
        (
            '"There is no ISIS in Latamneh, Talbiseh or Jisr al-Shughour," an activist said.',
            {("Latamneh", "opposition"), ("Talbiseh", "opposition"), ("Jisr al-Shughour", "opposition")},
            set(),
        ),
        (
            "The spokesman said Syria has no presence in the talks in Paris.",
            set(),
            {"Syria", "Paris"},
        ),
        # "as were X": the elided verb's subjects are struck too
        (
            "Talbiseh was hit several times on Wednesday, as were Latamneh and the village of Kafr "
            "Nabouda, according to activists.",
            {("Talbiseh", "opposition"), ("Latamneh", "opposition"), ("Kafr Nabouda", "opposition")},
            set(),
        ),
        # a province that is itself the claim's place stays a target
        (
            "In Idlib province, air strikes targeted Jisr al-Shughour, the Local Coordination "
            "Committees said.",
            {("Idlib province", "opposition"), ("Jisr al-Shughour", "opposition")},
            set(),
        ),
    ],
)
def test_roles(pipe: Pipeline, text: str, expected_targets: set, context_places: set) -> None:
    claims = claims_of(pipe, text)
    assert targets(claims) == expected_targets
    found = roles(claims)
    for name in context_places:
        assert name in found, f"{name} not found at all"
        assert all(role == "context" for _, role in found[name]), found[name]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a province or area that contains a struck town is struck too, derived by containment;
        # the parse must survive "IS positions"
        (
            "Syrian state TV said Russian aircraft hit IS positions in the town of Jisr al-Shughour in "
            "Idlib province.",
            {("Jisr al-Shughour", "explicit"), ("Idlib", "container")},
        ),
        (
            "The Syrian Network for Human Rights said 18 civilians were killed when missiles hit a market "
            "in Kafr Nabouda, in the Hama countryside.",
            {("Kafr Nabouda", "explicit"), ("Hama", "container")},
        ),
        (
            "The Syrian Observatory for Human Rights said the Russian strikes on Saturday hit the town of "
            "Darat Izza in western Aleppo, killing four civilians.",
            {("Darat Izza", "explicit"), ("Aleppo", "container")},
        ),
        # a year inside a description of the place is not history
        (
            "A rebel commander said Russian jets had bombed positions in Latamneh, a town in northern "
            "Hama province held by insurgents since 2012.",
            {("Latamneh", "explicit"), ("Hama province", "container")},
        ),
        # "as well as" lists
        (
            "The Syrian Observatory for Human Rights said Russian jets struck the village of Kafr Nabudah "
            "in Hama province, as well as the town of Jisr al-Shughour.",
            {("Kafr Nabudah", "explicit"), ("Jisr al-Shughour", "explicit"), ("Hama province", "container")},
        ),
        (
            "Activists said Russian jets hit targets in Latamneh, Hama.",
            {("Latamneh", "explicit"), ("Hama", "container")},
        ),
        # however the parse hangs the province that locates a struck town
        (
            "The Russian army said the overnight raids on the town of Talbiseh, in Homs province, "
            "followed its identification of the area as the launch site of rockets.",
            {("Talbiseh", "explicit"), ("Homs province", "container")},
        ),
        # a country only sets the scene
        (
            "Activists said Russian jets struck Talbiseh in Syria.",
            {("Talbiseh", "explicit")},
        ),
        # a province the claim is about is no container of anything
        ("Activists said Russian jets struck targets in Hama province.", {("Hama province", "explicit")}),
    ],
)
def test_containment(pipe: Pipeline, text: str, expected: set) -> None:
    found = {
        (p.toponym.mention.text, p.basis)
        for c in claims_of(pipe, text)
        for p in c.places
        if p.role == "target"
    }
    assert found == expected


@pytest.mark.parametrize(
    "text, speaker, side, claim_type",
    [
        (
            "Russia's Defence Ministry spokesman Igor Konashenkov said Russian aircraft destroyed 12 "
            "targets in Syria belonging to the Islamic State group.",
            "Igor Konashenkov",
            "russia",
            "is_hit",
        ),
        (
            "The British-based Syrian Observatory for Human Rights said airstrikes in the central province "
            "of Hama on Thursday hit locations of a US-backed rebel group.",
            "The British-based Syrian Observatory for Human Rights",
            "monitor",
            "rebels_hit",
        ),
        (
            "Vladimir Putin has dismissed claims that Russian air strikes have killed civilians in Syria.",
            "Vladimir Putin",
            "russia",
            "denial",
        ),
        (
            "Khaled Khoja, head of the Syrian National Council opposition group, said at the UN that "
            "Russian airstrikes in four areas, including Talbiseh, killed 36 civilians.",
            "Khaled Khoja",
            "opposition",
            "civilians_killed",
        ),
        (
            "The Rossiya state television channel said Thursday that Syria's military is launching an "
            "offensive in northern Homs where over 5,000 militants are hiding.",
            "The Rossiya state television channel",
            "russia",
            "is_hit",
        ),
        (
            "Syria's ambassador to Moscow, Riad Haddad, said the strikes targeted terrorist groups in Homs.",
            "Riad Haddad",
            "syria_gov",
            "is_hit",
        ),
        (
            "Reports that civilians were killed in Homs are information warfare, Kremlin spokesman Dmitry "
            "Peskov told journalists.",
            "Dmitry Peskov",
            "russia",
            "denial",
        ),
        (
            "Russian jets struck a second day in Syria, with some activists claiming the targets included "
            "rebels backed by the United States.",
            "some activists",
            "opposition",
            "rebels_hit",
        ),
    ],
)
def test_speaker_side_and_type(pipe: Pipeline, text: str, speaker: str, side: str, claim_type: str) -> None:
    claims = [c for c in claims_of(pipe, text) if any(p.role == "target" for p in c.places)]
    assert [(c.source.speaker, c.source.side, c.claim_type) for c in claims] == [(speaker, side, claim_type)]


def test_a_partisan_outlets_unnamed_sources_take_its_side(pipe: Pipeline) -> None:
    text = "A military source said Russian warplanes destroyed an ISIS command center near Talbiseh."
    sana = Article(id="s.txt", title="t", text=text, outlet="SANA")
    wire = Article(id="w.txt", title="t", text=text, outlet="Example Wire")
    assert {c.source.side for c in pipe.claims(sana)} == {"syria_gov"}
    # in a wire, an unqualified military source is the Syrian army's too; a speaker no rule knows is
    # a third party
    assert {c.source.side for c in pipe.claims(wire)} == {"syria_gov"}
    unknown = text.replace("A military source", "A spokesman")
    assert {
        c.source.side
        for c in pipe.claims(Article(id="w.txt", title="t", text=unknown, outlet="Example Wire"))
    } == {"other"}
    # and the outlet's own narration is its side's, not a neutral reporter's
    narration = "Russian warplanes destroyed an ISIS command center near Talbiseh on Thursday."
    assert {
        c.source.side for c in pipe.claims(Article(id="s.txt", title="t", text=narration, outlet="SANA"))
    } == {"syria_gov"}
    assert {c.source.side for c in pipe.claims(Article(id="w.txt", title="t", text=narration))} == {
        "reporter"
    }


def test_each_side_a_joint_attribution_names_speaks(pipe: Pipeline) -> None:
    text = "Russian jets struck Talbiseh on Wednesday, according to activists and the Syrian Observatory."
    assert targets(claims_of(pipe, text)) == {("Talbiseh", "opposition"), ("Talbiseh", "monitor")}


def test_two_sides_in_one_sentence(pipe: Pipeline) -> None:
    text = (
        "The head of Syria's main opposition group accused Moscow of killing 36 civilians in the central "
        "province of Homs, while US officials said it appeared the strikes were not in IS-controlled "
        "territory."
    )
    claims = claims_of(pipe, text)
    found = {
        (c.source.side, c.claim_type, p.toponym.place.kind if p.toponym.place else None, p.basis)
        for c in claims
        for p in c.places
        if p.role == "target"
    }
    assert found == {
        ("opposition", "civilians_killed", "admin1", "explicit"),
        ("us", "no_is_present", "admin1", "sentence"),
    }
    opposition = next(c for c in claims if c.source.side == "opposition")
    assert opposition.casualties == 36
    assert "Moscow" in roles(claims) and roles(claims)["Moscow"] == {("opposition", "context")}


def test_pronoun_speaker_takes_the_last_named_person(pipe: Pipeline) -> None:
    text = (
        "Foreign Minister Sergei Lavrov met reporters in New York. “Our jets struck Islamic State targets "
        "in Syria,” he said."
    )
    claims = [c for c in claims_of(pipe, text) if any(p.role == "target" for p in c.places)]
    assert [(c.source.speaker, c.source.side) for c in claims] == [("Sergei Lavrov", "russia")]


def test_quotation_is_attributed_to_the_speaker_who_closes_it(pipe: Pipeline) -> None:
    text = "“The planes bombed Latamneh this morning. There is no Daesh here at all,” said an activist."
    assert targets(claims_of(pipe, text)) == {("Latamneh", "opposition")}


def test_a_local_witness_speaks_of_the_place_they_are_in(pipe: Pipeline) -> None:
    text = (
        "Abu Omar, a media activist in Talbiseh, told reporters that at least 17 people were killed "
        "when bombs hit a residential building."
    )
    assert [(p.toponym.mention.text, p.role, p.basis) for c in claims_of(pipe, text) for p in c.places] == [
        ("Talbiseh", "target", "sentence")
    ]


def test_a_list_after_a_colon_stands_where_the_phrase_before_it_stands(pipe: Pipeline) -> None:
    text = "The first day's raids fell on a pocket of rebel-held towns north of Homs: Talbiseh, Latamneh."
    assert targets(claims_of(pipe, text)) == {
        ("Talbiseh", "reporter"),
        ("Latamneh", "reporter"),
        ("Homs", "reporter"),  # the area north of Homs, which holds them
    }


def test_a_quotation_resumed_after_its_attribution_keeps_its_speaker(pipe: Pipeline) -> None:
    text = (
        '"Our aircraft struck 12 ISIS facilities," spokesman Igor Konashenkov told journalists. '
        '"Near Latamneh, a command post of a terrorist group was destroyed."'
    )
    assert targets(claims_of(pipe, text)) == {("Latamneh", "russia")}


def test_placeless_claim_is_placed_at_the_article_strike_area_and_flagged(pipe: Pipeline) -> None:
    text = (
        "Activists said Russian jets struck Talbiseh on Wednesday.\n\n"
        "Carter said the strikes appeared to be in locations where ISIL in fact are not present."
    )
    carter = next(c for c in claims_of(pipe, text) if c.source.speaker == "Carter")
    assert carter.source.side == "us"
    assert carter.claim_type == "no_is_present"
    assert [(p.toponym.mention.text, p.basis, p.role) for p in carter.places] == [
        ("Talbiseh", "article", "target")
    ]


def test_a_placeless_claim_in_a_story_of_strikes_across_provinces_names_no_place(pipe: Pipeline) -> None:
    # the strikes fell in Homs and Idlib provinces: a toll or a denial that names no place has no one
    # incident to stand for, and the whole country would be a place no one claimed was struck
    text = (
        "Activists said Russian jets struck Talbiseh in Syria on Wednesday.\n\n"
        "The Observatory said Russian raids also hit Jisr al-Shughour.\n\n"
        "Carter said the strikes appeared to be in locations where ISIL in fact are not present."
    )
    claims = claims_of(pipe, text)
    assert {c.source.side for c in claims} == {"opposition", "monitor"}


def test_the_striking_sides_placeless_claims_go_to_the_campaign_not_the_reported_towns(
    pipe: Pipeline,
) -> None:
    text = (
        "Activists said Russian jets struck Talbiseh in Syria on Wednesday.\n\n"
        "The defence ministry in Moscow said Russian jets struck eight Islamic State targets.\n\n"
        "Carter said the strikes appeared to be in locations where ISIL in fact are not present."
    )
    placed = {
        c.source.side: [p.toponym.mention.text for p in c.places if p.basis == "article"]
        for c in claims_of(pipe, text)
        if c.source.side in {"russia", "us"}
    }
    assert placed == {"russia": ["Syria"], "us": ["Talbiseh"]}


def test_event_date_from_weekday_and_publication(pipe: Pipeline) -> None:
    text = "Activists said Russian jets struck Talbiseh on Wednesday."
    [claim] = claims_of(pipe, text, published="2015-10-01")  # a Thursday
    assert claim.event_date == "2015-09-30"


def test_claim_ids_are_stable(pipe: Pipeline) -> None:
    text = "Activists said Russian jets struck Talbiseh on Wednesday."
    assert [c.claim_id for c in claims_of(pipe, text)] == [c.claim_id for c in claims_of(pipe, text)]


def test_article_without_claims_yields_none(pipe: Pipeline) -> None:
    assert targets(claims_of(pipe, "Talks on Syria will resume in Paris next week.")) == set()


@pytest.mark.parametrize(
    "text, expected_targets",
    [
        # a relative locator that is the only locator names the strike place
        ("Activists said Russian jets struck a command post near the settlement of Hama.", {"Hama"}),
        ("Activists said Russian aircraft destroyed a plant to the north of the city of Homs.", {"Homs"}),
        ("Activists said Russian warplanes struck rebel-held areas outside Idlib.", {"Idlib"}),
        # a people's name before the noun names no place: the locator is still the only one
        ("Activists said Russian jets struck Turkmen villages near Latakia.", {"Latakia"}),
        # one that only describes an already named place does not
        (
            "Mustafa stressed that the Russian jets were striking rural areas and Turkmen villages such "
            "as Al Mukerremiyya, Talbiseh, Al Zaafarana and Al Ganto, located east of Hama and north of "
            "Homs, where, he said, there are no ISIS members.",
            {"Talbiseh"},
        ),
        (
            "Activists said Russian jets struck positions in the Latamneh and Talbiseh areas to the "
            "north-east of Hama.",
            {"Latamneh", "Talbiseh"},
        ),
        ("Activists said Russian jets struck Talbiseh, near Homs.", {"Talbiseh"}),
        ("Activists said Russian jets struck Talbiseh, a town near Homs.", {"Talbiseh"}),
        (
            "The monitor said strikes killed 27 civilians in Talbiseh and Latamneh, a cluster of "
            "rebel-held towns north of Homs city.",
            {"Talbiseh", "Latamneh"},
        ),
    ],
)
def test_relative_locators(pipe: Pipeline, text: str, expected_targets: set) -> None:
    assert {place for place, _ in targets(claims_of(pipe, text))} == expected_targets


@pytest.mark.parametrize(
    "text, expected_targets",
    [
        (
            "Air strikes hit Kafr Nabudah; Latamneh; and Talbiseh, according to activists.",
            {"Kafr Nabudah", "Latamneh", "Talbiseh"},
        ),
        (
            "Russian bombers struck Talbiseh and Latamneh, Kafr Nabouda and Darat Izza, the monitor said.",
            {"Talbiseh", "Latamneh", "Kafr Nabouda", "Darat Izza"},
        ),
        (
            "At least 80 Russian airstrikes hit the towns of Latamneh and Talbiseh; the villages of "
            "Kafr Nabouda and Darat Izza; and Jisr al-Shughour, activists said.",
            {"Latamneh", "Talbiseh", "Kafr Nabouda", "Darat Izza", "Jisr al-Shughour"},
        ),
        (
            "Russian airstrikes hit Latamneh; rebels later met in Talbiseh, activists said.",
            {"Latamneh"},
        ),
        # a list of speakers' whereabouts is no list of targets
        ("Activists in Talbiseh and Latamneh said they heard jets overnight.", set()),
    ],
)
def test_every_member_of_a_list_is_struck(pipe: Pipeline, text: str, expected_targets: set) -> None:
    assert {place for place, _ in targets(claims_of(pipe, text))} == expected_targets


@pytest.mark.parametrize(
    "text, expected",
    [
        # recounting what others say, to rebut it, is no claim of it
        (
            '"Talk began that civilians were hurt by air strikes. We have no such data," Lavrov said.',
            set(),
        ),
        (
            "Lavrov said Russia was striking Islamic State targets in Syria, after reports its jets hit "
            "moderate rebels.",
            {("russia", "is_hit")},
        ),
        # denying those reports is a denial that keeps its place
        ("Moscow denied reports that its jets had hit rebels in Hama.", {("russia", "denial")}),
        ("Activists said Russian jets hit rebels in Hama.", {("opposition", "rebels_hit")}),
    ],
)
def test_hearsay_is_not_the_speakers_claim(pipe: Pipeline, text: str, expected: set) -> None:
    claims = claims_of(pipe, text)
    assert {(c.source.side, c.claim_type) for c in claims if c.claim_type != "other"} == expected


@pytest.mark.parametrize(
    "text, casualties",
    [
        ("Activists said Russian strikes killed 36 civilians in Talbiseh.", 36),
        ("The monitor said 17 people died when jets struck Talbiseh.", 17),
        (
            "The Rossiya channel said the army launched an offensive in Homs where over 5,000 militants "
            "are hiding.",
            None,
        ),
        ("Activists said 40 fighters were in Talbiseh when Russian jets struck it.", None),
    ],
)
def test_casualties_count_only_the_harmed(pipe: Pipeline, text: str, casualties: int | None) -> None:
    found = [c.casualties for c in claims_of(pipe, text) if c.claim_type != "other"]
    assert found and all(n == casualties for n in found)


@pytest.mark.parametrize(
    "text, outlet, expected",
    [
        # a body's claims carried on through its documents, pronouns and definite nouns
        (
            "The Russian defence ministry said in an online press release that Su-34 bombers struck a "
            "command post near Talbiseh. According to the press release, a training camp was destroyed "
            "near Latamneh. The ministry added that jets hit a depot in Jisr al-Shughour.",
            "",
            {("Talbiseh", "russia"), ("Latamneh", "russia"), ("Jisr al-Shughour", "russia")},
        ),
        (
            "The Syrian Coalition said Russian jets struck Talbiseh. The Coalition stressed that jets also "
            "hit Latamneh.",
            "",
            {("Talbiseh", "opposition"), ("Latamneh", "opposition")},
        ),
        (
            "The Russian defence ministry said jets hit Talbiseh. The ministry's spokesman said bombers "
            "also struck a depot in Latamneh.",
            "",
            {("Talbiseh", "russia"), ("Latamneh", "russia")},
        ),
        # a speaker no rule knows, relayed by or credited to a partisan medium, takes its side
        (
            "Su-24 bombers hit an ammunition depot near Talbiseh, the ministry said, citing TASS.",
            "",
            {("Talbiseh", "russia")},
        ),
        (
            "A military source told SANA that the air force destroyed terrorist dens in Latamneh.",
            "",
            {("Latamneh", "syria_gov")},
        ),
        # a news site quoted for what it found narrates, as a wire does
        (
            "Russian jets struck the terrorists' positions in Talbiseh last night, Al Masdar News reported.",
            "",
            {("Talbiseh", "reporter")},
        ),
        # a statement or notice a body issues is that body's word, as is a later "the statement"
        (
            "The Russian defence ministry issued a statement saying jets struck Talbiseh. According to "
            "the statement, bombers also hit Latamneh.",
            "",
            {("Talbiseh", "russia"), ("Latamneh", "russia")},
        ),
        (
            "The general command of the Free Syrian Army brigades issued a statement saying that its "
            "headquarters in Talbiseh had been bombed by Russian jets.",
            "",
            {("Talbiseh", "opposition")},
        ),
        # a live news network of the opposition's areas is a local medium
        (
            "Russian jets killed three civilians when they hit Latamneh on Saturday, Syria Live Network "
            "reported.",
            "",
            {("Latamneh", "opposition")},
        ),
        # the networks that watch the sky over rebel areas are local sources
        (
            "Two centres that track the movements of military aircraft logged ten raids on Latamneh.",
            "",
            {("Latamneh", "opposition")},
        ),
        (
            "According to a military report, dozens of air strikes were carried out in Latamneh.",
            "",
            {("Latamneh", "syria_gov")},
        ),
        (
            "A spokesman told reporters that the air force destroyed terrorist dens in Latamneh.",
            "",
            {("Latamneh", "other")},
        ),
        ("State TV said Russian jets struck terrorists in Talbiseh.", "", {("Talbiseh", "syria_gov")}),
        (
            "Russian state media said Russian jets struck terrorists in Talbiseh.",
            "",
            {("Talbiseh", "russia")},
        ),
        (
            "MOSCOW, October 8 /TASS/. Russian jets struck terrorist positions in Talbiseh.",
            "",
            {("Talbiseh", "russia")},
        ),
        (
            "BEIRUT (Example Wire) - Russian jets struck positions in Talbiseh.",
            "",
            {("Talbiseh", "reporter")},
        ),
        # "the ministry" no ministry was named before is the striking side's; after one, it is that one
        (
            "Russian warplanes flew 20 sorties and hit a training ground in Talbiseh, according to the "
            "ministry.",
            "",
            {("Talbiseh", "russia")},
        ),
        (
            "The Syrian foreign ministry said jets had struck terrorists in Talbiseh. The ministry added "
            "that the raids also hit Latamneh.",
            "",
            {("Talbiseh", "syria_gov"), ("Latamneh", "syria_gov")},
        ),
        # "the source" is the source that spoke last, not the last body
        (
            "The Russian defence ministry said its jets hit Homs, according to the Russia Today network. "
            "A media source told the paper that jets struck Talbiseh. The raids, the source added, also "
            "went after Latamneh.",
            "Al-Watan",
            {("Homs", "russia"), ("Talbiseh", "syria_gov"), ("Latamneh", "syria_gov")},
        ),
        # the local authorities of a struck town are the opposition's councils
        (
            "According to the local authorities, Russian fighter jets struck grain stores in Talbiseh.",
            "",
            {("Talbiseh", "opposition")},
        ),
        # a bracketed name in the first sentence is no dateline's credit
        (
            "Warplanes of Russia's Aerospace Forces (VKS) struck civilian districts of Talbiseh. A source "
            "said they also hit Latamneh.",
            "",
            {("Talbiseh", "reporter"), ("Latamneh", "other")},
        ),
        # an official speaks for the capital they brief in
        (
            "A senior defense official told reporters in Washington that the strikes near Homs did not "
            "hit ISIS.",
            "",
            {("Homs", "us")},
        ),
        # an attribution set into its clause owns the clause
        (
            "In Hama province, the Observatory said, strikes fell again on Latamneh.",
            "",
            {("Latamneh", "monitor"), ("Hama province", "monitor")},
        ),
        # the name a phrase starts with decides, names before descriptions
        (
            '"The Russian air force is killing civilians in Talbiseh," a member of Jaysh al-Islam, a '
            "militia fighting the regime of Bashar al-Assad, wrote.",
            "",
            {("Talbiseh", "opposition")},
        ),
        (
            "Rebels on the ground and Western governments counter that the Russian raids hit Talbiseh.",
            "",
            {("Talbiseh", "opposition"), ("Talbiseh", "other")},
        ),
        # a person named again by surname keeps the side of the first mention
        (
            "The head of the Syrian Turkmen Assembly, Abdurrahman Mustafa, said the raids were aimed at "
            "Turkmens. Mustafa stressed that Russian jets were striking villages such as Latamneh and "
            "Talbiseh, located north of Homs.",
            "",
            {("Latamneh", "opposition"), ("Talbiseh", "opposition")},
        ),
        # a toll given is said
        (
            "Another activist put the death toll from the strikes on Talbiseh and Latamneh at 28.",
            "",
            {("Talbiseh", "opposition"), ("Latamneh", "opposition")},
        ),
        # a trailing speaker whose name has a preposition in it
        (
            "Russian air strikes on Talbiseh have killed 37 civilians, the Britain-based Syrian "
            "Observatory for Human Rights says.",
            "",
            {("Talbiseh", "monitor")},
        ),
        # a passive report's agent speaks; a report set after its clause owns the clause
        (
            "Airstrikes in Latamneh and Talbiseh were reported by activists.",
            "",
            {("Latamneh", "opposition"), ("Talbiseh", "opposition")},
        ),
        (
            "Airstrikes in Latamneh and Talbiseh were reported on Monday.",
            "",
            {("Latamneh", "reporter"), ("Talbiseh", "reporter")},
        ),
        (
            "More than 300 militants were killed when Russian warplanes pounded positions in Latamneh, "
            "Syrian military media reported on Thursday.",
            "",
            {("Latamneh", "syria_gov")},
        ),
        # a subject the parser loses behind an aside
        (
            "Syria's state news agency SANA, quoting a military source, said Syrian and Russian aircraft "
            'had destroyed "terrorist hideouts" in Talbiseh; it did not mention any casualties.',
            "",
            {("Talbiseh", "syria_gov")},
        ),
        (
            "A Syrian security source told reporters that Russian jets had hit locations in Homs.",
            "",
            {("Homs", "syria_gov")},
        ),
        # a report with no one named goes on with whoever was reporting
        (
            "The defence ministry in Moscow said jets struck Talbiseh. The targets lay in the provinces "
            "of Hama and Idlib, the ministry said. A fortified base in Latamneh was said to have been hit.",
            "",
            {("Talbiseh", "russia"), ("Hama", "russia"), ("Idlib", "russia"), ("Latamneh", "russia")},
        ),
        ("A fortified base in Latamneh was said to have been hit.", "", {("Latamneh", "reporter")}),
        # a dateline is where the story was filed
        (
            "DAMASCUS, June 1 (Example) -- More than 300 militants were killed when Russian warplanes "
            "pounded positions in Talbiseh, Syrian military media reported on Thursday.",
            "",
            {("Talbiseh", "syria_gov")},
        ),
        # an analyst's own narration is the reporter's
        (
            "Russian warplanes struck the towns of Talbiseh and Latamneh, ISW analysts said.",
            "",
            {("Talbiseh", "reporter"), ("Latamneh", "reporter")},
        ),
    ],
)
def test_discourse_attribution(pipe: Pipeline, text: str, outlet: str, expected: set) -> None:
    article = Article(id="t.txt", title="t", text=text, outlet=outlet, published="2015-10-08")
    assert targets(pipe.claims(article)) == expected


def test_an_interviews_answers_are_the_interviewees(pipe: Pipeline) -> None:
    text = (
        "Captain Salih of the FSA-affiliated Tajamu brigade told the paper on Thursday that the war "
        "would go on.\n\n"
        "Our reporter spoke with Captain Salih about the raids.\n\n"
        "Q: Where did the Russian planes strike?\n\n"
        "They struck our headquarters in Latamneh and our positions near Talbiseh."
    )
    assert targets(claims_of(pipe, text)) == {("Latamneh", "opposition"), ("Talbiseh", "opposition")}
    plain = text.replace("Q: Where did the Russian planes strike?", "Where did the Russian planes strike?")
    assert targets(claims_of(pipe, plain)) == {("Latamneh", "reporter"), ("Talbiseh", "reporter")}


@pytest.mark.parametrize(
    "text, expected_targets",
    [
        (
            "On Wednesday the Russian jets went after the towns of Latamneh and Talbiseh, activists said.",
            {"Latamneh", "Talbiseh"},
        ),
        ("On Wednesday the rebels went after the bakers of Latamneh, activists said.", set()),
        (
            "Targets of the Russian strikes included Latamneh and Talbiseh, activists said.",
            {"Latamneh", "Talbiseh"},
        ),
        ("Activists said the talks included Latamneh and Talbiseh.", set()),
        ("The monitor said Russian raids hit a command post close to Latamneh.", {"Latamneh"}),
        (
            "Activists and monitoring groups reported airstrikes in Latamneh and Talbiseh.",
            {"Latamneh", "Talbiseh"},
        ),
        ("Activists reported protests in Latamneh and Talbiseh.", set()),
        ("The ministry said it had destroyed a command post in Latamneh.", {"Latamneh"}),
        ("The ministry said it had destroyed the credibility of critics in Latamneh.", set()),
        (
            "The Civil Defence said 15 people had been killed and 30 wounded in Talbiseh alone.",
            {"Talbiseh"},
        ),
        ("Moscow opened its air campaign in Syria a week ago.", {"Syria"}),
        ("Moscow opened its election campaign in Syria a week ago.", set()),
        ("Kerry said Washington would have grave concerns if Russian jets struck Talbiseh.", set()),
        ("Kerry said Russian jets struck Talbiseh although the talks went on.", {"Talbiseh"}),
        (
            "Activists and monitoring groups reported airstrikes in Idlib and Hama provinces, as well as "
            "fighting between rebels and pro-government forces in northern Syria.",
            {"Idlib", "Hama"},
        ),
        (
            "Activists and monitoring groups reported airstrikes in Aleppo, Idlib and Hama provinces, as "
            "well as fighting between rebels and pro-government forces in northern Syria.",
            {"Aleppo", "Idlib", "Hama"},
        ),
    ],
)
def test_strike_predicates_of_real_copy(pipe: Pipeline, text: str, expected_targets: set) -> None:
    assert {place for place, _ in targets(claims_of(pipe, text))} == expected_targets


@pytest.mark.parametrize(
    "text, outlet, expected",
    [
        # the doer of a passive strike is the agent's object, whatever modifies "by"
        (
            '"Eight sites in Latamneh were wiped out entirely by Russian warplanes," '
            "the Russian defence ministry said.",
            "",
            {("Latamneh", "russia")},
        ),
        (
            '"Eight sites in Latamneh were wiped out entirely by the floods," the Russian defence '
            "ministry said.",
            "",
            set(),
        ),
        # an attribution closing the sentence owns it, though the parser hangs it on the last noun
        (
            "In 22 sorties, the Russian air force struck 27 sites of the terrorist organizations in Homs, "
            "Hama, Raqqa and the northern countryside of Lattakia, the Russian Defense Ministry announced "
            "on Thursday.",
            "SANA",
            {("Homs", "russia")},
        ),
        (
            "In 22 sorties, the Russian air force struck 27 sites of the terrorist organizations in Homs, "
            "Hama, Raqqa and the northern countryside of Lattakia.",
            "SANA",
            {("Homs", "syria_gov")},
        ),
        # what the narrator sets beside a speech ("as ...") is the narrator's
        (
            "Russia announced a major operation as warplanes pounded Talbiseh.",
            "",
            {("Talbiseh", "reporter")},
        ),
        (
            "Russia announced that its warplanes pounded Talbiseh.",
            "",
            {("Talbiseh", "russia")},
        ),
        # a name the model reads as an adjective before "province"
        (
            "The Syrian Observatory said missiles had hit areas in Aleppo province.",
            "",
            {("Aleppo", "monitor")},
        ),
        ("The Syrian Observatory said Aleppo officials met in the province.", "", set()),
        # where missiles are fired from is no strike place; where they are fired at is
        (
            "The Syrian Observatory said missiles fired from Russian warships in the Caspian Sea had hit "
            "Talbiseh.",
            "",
            {("Talbiseh", "monitor")},
        ),
        (
            "Russian warships fired cruise missiles at positions in Talbiseh, the Syrian Observatory said.",
            "",
            {("Talbiseh", "monitor")},
        ),
        # strikes that reach a place land there; aircraft that reach it only fly there
        (
            "Russian jets pounded Hama province in a series of raids that also reached parts of "
            "neighbouring Idlib province, the Syrian Observatory said.",
            "",
            {("Hama province", "monitor"), ("Idlib", "monitor")},
        ),
        (
            "Russian jets pounded Hama province, and the bombers that also reached parts of "
            "neighbouring Idlib province turned back, the Syrian Observatory said.",
            "",
            {("Hama province", "monitor")},
        ),
        # how real copy says "struck": batter, hammer; "slam into" when missiles or jets do it
        (
            "Russian warplanes are battering IS across the countryside of Talbiseh.",
            "",
            {("Talbiseh", "reporter")},
        ),
        (
            "Cruise missiles slammed into positions in Talbiseh, the Syrian Observatory said.",
            "",
            {("Talbiseh", "monitor")},
        ),
        ("Critics slammed officials in Talbiseh, the Syrian Observatory said.", "", set()),
        # "came under air fire": fire from the air is a strike, fire alone may be anything
        (
            "An aid convoy came under Russian air fire in Talbiseh, the Syrian Observatory said.",
            "",
            {("Talbiseh", "monitor")},
        ),
        ("An aid convoy came under fire in Talbiseh, the Syrian Observatory said.", "", set()),
        # a province named as the possessor of a struck town holds it; a country only sets the scene
        (
            "Russian jets pounded Idlib's Jisr al-Shughour on Wednesday, the Syrian Observatory said.",
            "",
            {("Idlib", "monitor"), ("Jisr al-Shughour", "monitor")},
        ),
        (
            "Russian jets pounded Syria's Hama province on Wednesday, the Syrian Observatory said.",
            "",
            {("Hama province", "monitor")},
        ),
        (
            "Air strikes by Russian warplanes in Syria's northwestern Idlib province killed 36 people, the "
            "Syrian Observatory for Human Rights said.",
            "",
            {("Idlib", "monitor")},
        ),
        (
            "Russian warplanes struck 49 targets in Syria's provinces of Idlib and Hama, the Russian "
            "defence ministry said.",
            "",
            {("Idlib", "russia"), ("Hama", "russia")},
        ),
        (
            "Idlib's governor said on Wednesday that Russian jets pounded Jisr al-Shughour.",
            "",
            {("Jisr al-Shughour", "other")},
        ),
        # "in the north of X city" is inside X; "north of X city" only says where the town is
        (
            "The Syrian Observatory said 15 people were killed in Russian airstrikes on Talbiseh in the "
            "north of Homs city.",
            "",
            {("Talbiseh", "monitor"), ("Homs city", "monitor")},
        ),
        (
            "The Syrian Observatory said 15 people were killed in Russian airstrikes on Talbiseh, north "
            "of Homs city.",
            "",
            {("Talbiseh", "monitor")},
        ),
        # a province put before the speaker is where what they say happened; a capital is where they are
        (
            "In Idlib province, activists said Russian jets struck a bakery, killing 12 people.",
            "",
            {("Idlib", "opposition")},
        ),
        ("In Idlib province, activists said the talks would resume next week.", "", set()),
        ("In Moscow, the Russian defence ministry said its jets struck a bakery.", "", set()),
        # "..., a military source told SANA.": the closing speaker owns the sentence
        (
            "Russian warplanes on Thursday destroyed dens of terrorist organizations in the towns of "
            "Kafr Zita, Latamneh and al-Arbain in Hama northern countryside, a military source told SANA.",
            "",
            {
                ("Kafr Zita", "syria_gov"),
                ("Latamneh", "syria_gov"),
                ("al-Arbain", "syria_gov"),
                ("Hama", "syria_gov"),
            },
        ),
        (
            "Russian warplanes on Thursday destroyed dens of terrorist organizations in the towns of "
            "Kafr Zita, Latamneh and al-Arbain in Hama northern countryside.",
            "",
            {
                ("Kafr Zita", "reporter"),
                ("Latamneh", "reporter"),
                ("al-Arbain", "reporter"),
                ("Hama", "reporter"),
            },
        ),
        # a state agency's credit in its dateline ("Hama, SANA -") makes its narration the state's
        (
            "Hama, SANA - Russian warplanes destroyed dens of terrorist organizations in Talbiseh.",
            "",
            {("Talbiseh", "syria_gov")},
        ),
        (
            "Hama, Reuters - Russian warplanes destroyed dens of terrorist organizations in Talbiseh.",
            "",
            {("Talbiseh", "reporter")},
        ),
        # bombing that reaches a place lands there, through the subject it shares with another verb
        (
            "Activists reported that the bombing went on for a fourth straight day and had reached into "
            "northern Homs province.",
            "",
            {("Homs province", "opposition")},
        ),
        (
            "Activists reported that the jets went on for a fourth straight day and had reached northern "
            "Homs province.",
            "",
            set(),
        ),
        # "places reported to have been hit include ...": a report with no one named goes on with
        # whoever was reporting
        (
            "Activists in Hama said Russian jets struck Latamneh. Places reported to have been hit by "
            "Russian planes today include Talbiseh.",
            "",
            {("Latamneh", "opposition"), ("Talbiseh", "opposition")},
        ),
        (
            "Activists in Hama said Russian jets struck Latamneh. Places hit by Russian planes today "
            "include Talbiseh.",
            "",
            # the activists' account goes on in their paragraph (tests/test_attribution.py)
            {("Latamneh", "opposition"), ("Talbiseh", "opposition")},
        ),
    ],
)
def test_real_reporting(pipe: Pipeline, text: str, outlet: str, expected: set) -> None:
    article = Article(id="t.txt", title="", text=text, outlet=outlet, published="2015-10-08")
    assert targets(pipe.claims(article)) == expected


@pytest.mark.parametrize(
    "title, text, expected",
    [
        # an attributed headline speaks for its speaker: a place only it names is that side's claim
        (
            "Russian jets wiped out IS headquarters on the outskirts of Latamneh, Moscow says",
            "The Russian defence ministry said jets had hit IS positions in Talbiseh.",
            {("Latamneh", "russia"), ("Talbiseh", "russia")},
        ),
        # "observatory says" in a headline is the monitor the body names
        (
            "Russian air strikes in Talbiseh leave 17 civilians dead, observatory says",
            "The Syrian Observatory for Human Rights said 17 civilians were killed.",
            {("Talbiseh", "monitor")},
        ),
        # an unattributed headline sums up the body: it adds only a place the body never gives
        (
            "Russian warplanes kill 11 civilians in Talbiseh",
            "Russian warplanes bombed Talbiseh on Saturday, killing eleven civilians, activists said.",
            {("Talbiseh", "opposition")},
        ),
        (
            "Russian aircraft fire cruise missiles at positions in Syria",
            "The bombers took off from Engels airbase, the ministry said.",
            {("Syria", "reporter")},
        ),
        # a headline that ends in its source ("...: Monitor", "..., Says Monitor") is that source's
        (
            "Five civilians killed in Russian air strikes in Talbiseh: Monitor",
            "The raids hit a market, the Syrian Observatory for Human Rights said.",
            {("Talbiseh", "monitor")},
        ),
        (
            "Five civilians killed in Russian air strikes in Talbiseh: October 8",
            "The raids hit a market, the Syrian Observatory for Human Rights said.",
            {("Talbiseh", "reporter")},
        ),
        # a headline in title case is read as the sentence it is
        (
            "Russian Strikes Kill Civilians In Talbiseh, Latamneh And Jisr al-Shughour",
            "Russian strikes kill civilians, the Syrian Observatory for Human Rights said on Saturday.",
            {("Talbiseh", "reporter"), ("Latamneh", "reporter"), ("Jisr al-Shughour", "reporter")},
        ),
        # a headline with no strike claim adds nothing
        (
            "Russia says it has no plans to extend strikes to Iraq",
            "The Russian defence ministry said jets had hit IS positions in Talbiseh.",
            {("Talbiseh", "russia")},
        ),
    ],
)
def test_a_headline_is_read_as_a_claim(pipe: Pipeline, title: str, text: str, expected: set) -> None:
    article = Article(id="t.txt", title=title, text=text, published="2015-10-08")
    assert targets(pipe.claims(article)) == expected
