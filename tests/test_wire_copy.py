"""Real copy as the first days' wires, papers and blogs carried it: hard-wrapped wire lines, em
dashes, a page's banners above its headline, footage no one owns, "what activists say was a strike",
the bare "Defence Ministry". Each case is a short text written for the test, beside the negative
case its rule must leave alone.
"""

from __future__ import annotations

import pytest

from geo.articles import read_bytes
from geo.gazetteer import Gazetteer
from geo.mentions import load_nlp
from geo.pipeline import Pipeline
from geo.registry import load_registry
from geo.types import Article


def read(name: str, text: str) -> Article:
    (article,) = read_bytes(name, text.encode()).articles
    return article


@pytest.fixture(scope="module")
def pipe(tiny_gazetteer: Gazetteer) -> Pipeline:
    return Pipeline(load_nlp(), tiny_gazetteer, load_registry())


def struck(pipe: Pipeline, article: Article) -> set[tuple[str, str]]:
    """(name as written, side) of every target place."""
    return {
        (p.toponym.mention.text, c.source.side)
        for c in pipe.claims(article)
        for p in c.places
        if p.role == "target"
    }


def text_claims(pipe: Pipeline, text: str) -> set[tuple[str, str]]:
    return struck(pipe, Article(id="t.txt", title="", text=text, published="2015-10-01"))


def test_a_wires_hard_line_breaks_keep_the_sentence_and_its_speaker(pipe: Pipeline) -> None:
    wrapped = (
        "MOSCOW Oct 1 The Russian Defence Ministry said\n"
        "on Thursday its aircraft had flown eight sorties in\n"
        "Syria overnight, striking an ammunition depot near\n"
        "Idlib and a command post near the town of Latamneh.\n"
    )
    article = read("wire.txt", f"Russia says it hit four targets\n\n{wrapped}")
    assert "said on Thursday" in article.text and "near Idlib" in article.text
    assert struck(pipe, article) >= {("Idlib", "russia"), ("Latamneh", "russia")}


def test_lines_that_end_their_sentence_or_a_heading_stay_apart() -> None:
    text = (
        "Story highlights\n"
        "Carter says the strikes will inflame the war\n"
        "Kerry voices grave concerns\n\n"
        "Location: Talbiseh, Homs, Syria\n"
        "Suspected belligerents: Russia\n"
    )
    article = read("page.txt", f"Headline\n\n{text}")
    assert article.text == text.strip("\n")


def test_a_pages_banners_are_no_headline() -> None:
    page = (
        "Accessibility links\n\nBreaking News\n\nThe Rebels Who Say Russia Is Bombing Them\n\n"
        "Activists said so.\n"
    )
    assert read("page.txt", page).title == "The Rebels Who Say Russia Is Bombing Them"
    kicker = "Breaking News: jets hit Idlib\n\nActivists said so.\n"
    assert read("page.txt", kicker).title == "Breaking News: jets hit Idlib"


@pytest.mark.parametrize(
    "text, expected",
    [
        # an unspaced em dash aside: the place after it is no part of the speaker's phrase
        (
            "An air strike killed 12 people—most of them women—in Idlib province, a spokesman for "
            "the civil defence told Reuters.",
            {("Idlib", "opposition")},
        ),
        # "as has ...": the elided verb's subject is struck where the first one was
        (
            "The depot near Idlib has been destroyed, as has a fortified command centre near the "
            "town of Latamneh, the Russian Defence Ministry said.",
            {("Idlib", "russia"), ("Latamneh", "russia")},
        ),
        # a group's name before the struck site's noun does not make the site a named area
        (
            "Konashenkov said jets struck a depot near Idlib as well as an Islamic State command "
            "centre near Latamneh.",
            {("Idlib", "russia"), ("Latamneh", "russia")},
        ),
        # a village list joined to the struck targets is struck too
        (
            "Russian air strikes hit targets around the town of Talbiseh and the villages of "
            "Latamneh and Jisr al-Shughour, monitors said.",
            {("Talbiseh", "monitor"), ("Latamneh", "monitor"), ("Jisr al-Shughour", "monitor")},
        ),
        # what a body does, told in the present, is its remit: no strike
        (
            "Russian jets struck Talbiseh on Monday, according to Airwars, which tracks civilian "
            "casualties from air strikes in Iraq and Libya.",
            {("Talbiseh", "monitor")},
        ),
        # what a strike left, recorded somewhere, puts the strike there
        (
            "High death tolls from Russian air strikes were recorded in Latamneh on Tuesday.",
            {("Latamneh", "reporter")},
        ),
        # "wrecked" reports a strike's effect as "destroyed" does
        (
            "Konashenkov said a pinpoint strike had wrecked a facility in the north of Homs.",
            {("Homs", "russia")},
        ),
    ],
)
def test_wire_sentences(pipe: Pipeline, text: str, expected: set[tuple[str, str]]) -> None:
    assert text_claims(pipe, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the bare ministry of a Russian campaign's bulletins is Russia's
        ("The Defence Ministry said its jets struck a depot near Idlib.", {("Idlib", "russia")}),
        # another state's ministry is named with its country, which outranks the bare words
        ("The Syrian Defence Ministry said its jets struck a depot near Idlib.", {("Idlib", "syria_gov")}),
        ("The Turkish Defence Ministry said jets struck a depot near Idlib.", {("Idlib", "other")}),
    ],
)
def test_the_bare_defence_ministry(pipe: Pipeline, text: str, expected: set[tuple[str, str]]) -> None:
    assert text_claims(pipe, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # footage no one owns is a third party's (ANNOTATION.md: unattributed video is `other`)
        (
            "Video surfaced that purported to show Russian jets bombing targets near Idlib.",
            {("Idlib", "other")},
        ),
        ("Pictures showed the aftermath of an attack on the town of Talbiseh.", {("Talbiseh", "other")}),
        # footage someone posted is theirs
        ("Footage posted by activists showed Russian jets bombing Talbiseh.", {("Talbiseh", "opposition")}),
        # footage that a named speaker's sentence only mentions leaves that speaker's claim alone
        (
            "Activists said jets bombed Talbiseh, and a video posted by the Syrian Observatory shows "
            "jets bombing a market near Idlib.",
            {("Talbiseh", "opposition"), ("Idlib", "monitor")},
        ),
    ],
)
def test_what_footage_shows(pipe: Pipeline, text: str, expected: set[tuple[str, str]]) -> None:
    assert text_claims(pipe, text) == expected


def test_what_a_source_says_was_a_strike_is_its_claim(pipe: Pipeline) -> None:
    caption = "Men stand around a crater left by what activists say was a Russian air strike in Latamneh."
    assert text_claims(pipe, caption) == {("Latamneh", "opposition")}
    # a source's mere aside about the strikes names no struck place
    aside = "Activists said they feared the Russian air strikes in Idlib would go on for months."
    assert text_claims(pipe, aside) == set()


def test_a_name_at_a_lines_end_is_read_without_its_full_stop(pipe: Pipeline) -> None:
    # a doubled photo caption, whose first copy the model reads as "Hama.\n"
    line = "Men stand around a crater in the northern countryside of Hama."
    article = Article(id="t.txt", title="", text=f"{line}\n{line}", published="2015-10-01")
    names = [t.mention.text for t in pipe.toponyms(article, pipe.parse(article))]
    assert names == ["Hama", "Hama"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a wire quoted for what it found narrates, as the outlet would itself
        (
            "According to Reuters, at least 27 people died when jets bombed Talbiseh.",
            {("Talbiseh", "reporter")},
        ),
        # the sources a wire spoke to are theirs, not the wire's
        (
            "Local sources speaking to Anadolu said jets bombed Talbiseh.",
            {("Talbiseh", "opposition")},
        ),
        # who releases footage gives the account it shows; the narration after it is the reporter's
        (
            "The defence ministry has put out footage of warplanes hitting targets near Idlib. So far "
            "the aircraft have targeted Talbiseh.",
            {("Idlib", "russia"), ("Talbiseh", "reporter")},
        ),
        # where the footage was filmed, though the parser hangs it on the verb of releasing
        (
            "The defence ministry has published video of airstrikes on Islamic State forces in the "
            "Deir ez-Zor governorate.",
            {("Deir ez-Zor", "russia")},
        ),
        # a compass word makes the name a region, which "around the city of X" narrows, not describes
        # (and the country, named with a finer place, is no strike place of its own)
        (
            "The jets have targeted areas in northwest Syria around the city of Homs.",
            {("Homs", "reporter")},
        ),
        ("The jets have targeted Talbiseh north of Homs.", {("Talbiseh", "reporter")}),
        # strikes by the government's loyal forces are another force's
        ("Activists said an airstrike by forces loyal to Assad hit Talbiseh.", set()),
        ("Activists said loyalist aircraft bombed Talbiseh.", set()),
    ],
)
def test_who_narrates_and_where(pipe: Pipeline, text: str, expected: set[tuple[str, str]]) -> None:
    assert text_claims(pipe, text) == expected


def test_hearsay_goes_on_with_a_speaker_not_with_one_who_only_acted(pipe: Pipeline) -> None:
    acted = "President Putin has defied the West. The strikes reportedly hit rebel-held areas of Idlib."
    assert text_claims(pipe, acted) == {("Idlib", "reporter")}
    spoke = "The ministry in Moscow said its jets flew 20 sorties. A depot near Idlib was said to be hit."
    assert text_claims(pipe, spoke) == {("Idlib", "russia")}


def test_reportedly_is_the_narrators_hedge_not_the_last_sources_word(pipe: Pipeline) -> None:
    hedged = "The ministry in Moscow said its jets flew 20 sorties.\n\nJets reportedly hit Idlib."
    assert text_claims(pipe, hedged) == {("Idlib", "reporter")}


@pytest.mark.parametrize(
    "text, expected",
    [
        # what ships fired at targets is a strike, whoever it is the striking verb's subject
        (
            "The ships of the Caspian Flotilla fired 18 cruise missiles at seven targets in the "
            "province of Idlib, Shoigu said.",
            {("Idlib", "russia")},
        ),
        # a closing credit the parser joins to the account's list ("..., the Defence Ministry reports")
        (
            "Over the past day the jets flew 59 sorties and hit 94 targets in the provinces of Homs, "
            "Idlib and Latakia, the Russian Defence Ministry reports.",
            {("Homs", "russia"), ("Idlib", "russia"), ("Latakia", "russia")},
        ),
        # the account's own "and" joins its two verbs, not the speech verb after them
        (
            "The fleet fired cruise missiles and hit seven targets in Idlib, Defence Minister Sergei "
            "Shoigu has told President Putin.",
            {("Idlib", "russia")},
        ),
        # "he went on", set into the account as "he said" is
        (
            "Shoigu spoke to Putin on Friday. More than 600 militants died, he went on, when cruise "
            "missiles struck in the province of Idlib.",
            {("Idlib", "russia")},
        ),
        # where the strikes are said to be concentrated is where they hit
        (
            "The bombardment is concentrated on the town of Talbiseh, activists said.",
            {("Talbiseh", "opposition")},
        ),
        # the opposition's revolutionaries
        (
            "A spokesman for the Gathering of Syria's Revolutionaries said jets bombed Talbiseh.",
            {("Talbiseh", "opposition")},
        ),
    ],
)
def test_bulletins_and_their_credits(pipe: Pipeline, text: str, expected: set[tuple[str, str]]) -> None:
    assert text_claims(pipe, text) == expected


def test_a_sites_address_is_no_headline() -> None:
    article = read("page.txt", "Arrahmah.com\n\nJets pound a village south of Aleppo\n\nActivists said so.\n")
    assert article.title == "Jets pound a village south of Aleppo"


def test_an_unattributed_headline_sums_up_the_lead(pipe: Pipeline) -> None:
    lead = "Air strikes killed 16 civilians in Talbiseh on Sunday, a monitor said.\nIt gave no other details."
    headline = Article(id="t.txt", title="16 civilians dead in raids on Syria", text=lead)
    assert ("Syria", "monitor") in struck(pipe, headline)
    # a lead in the outlet's own words leaves the headline the outlet's
    narrated = "Russian jets bombed Talbiseh on Sunday.\nActivists said 16 civilians were killed."
    article = Article(id="t.txt", title="16 civilians dead in raids on Syria", text=narrated)
    assert ("Syria", "reporter") in struck(pipe, article)


def test_a_headline_that_names_its_source_keeps_it_over_the_lead(pipe: Pipeline) -> None:
    lead = "Activists said Russian jets struck Talbiseh on Wednesday.\nSmoke rose over the town."
    article = Article(id="t.txt", title="Carter: Russian airstrikes in Syria did not go after IS", text=lead)
    assert ("Syria", "us") in struck(pipe, article)
    # unnamed sources in the headline are the lead's
    sourced = Article(id="t.txt", title="Russian strikes kill five in Syria: Sources", text=lead)
    assert ("Syria", "opposition") in struck(pipe, sourced)


def test_a_picture_caption_is_its_suppliers_account(pipe: Pipeline) -> None:
    caption = (
        "In this image taken from video supplied by the Homs Media Centre, smoke rises after "
        "airstrikes by military jets in Talbiseh in Homs province, western Syria, on Wednesday."
    )
    assert struck(pipe, Article(id="t.txt", title="", text=caption)) >= {("Talbiseh", "opposition")}
    # where the jets struck says nothing of whose jets they were ("western" Syria is no Western force)
    narrated = "Smoke rose after airstrikes by military jets in Talbiseh, western Syria, on Wednesday."
    assert ("Talbiseh", "reporter") in struck(pipe, Article(id="t.txt", title="", text=narrated))


def test_a_name_whose_head_the_tagger_reads_as_an_adjective_is_read_whole(pipe: Pipeline) -> None:
    # "Deir" tagged an adjective before "ez-Zor": the head and the joined article are the name's
    article = Article(id="t.txt", title="", text="Jets hit depots in the Deir ez-Zor governorate.")
    names = [t.mention.text for t in pipe.toponyms(article, pipe.parse(article))]
    assert names == ["Deir ez-Zor"]


@pytest.mark.parametrize(
    "byline, side",
    [
        # a monitor's own page, its name as the byline: its narration is the monitor's report
        ("The Syrian Observatory for Human Rights", "monitor"),
        # a reporter's byline is any outlet's narration
        ("By John Smith", "reporter"),
    ],
)
def test_a_bodys_name_as_the_byline_makes_the_page_its_own(pipe: Pipeline, byline: str, side: str) -> None:
    article = read(
        "page.txt", f"Warplanes pound Talbiseh\n\n{byline}\n\nWarplanes struck Talbiseh on Friday.\n"
    )
    assert struck(pipe, article) == {("Talbiseh", side)}


@pytest.mark.parametrize(
    "credit, side",
    [
        # "City — Agency." before the lead credits the copy: a state agency's unnamed sources are its side's
        ("Moscow — Sputnik.", "russia"),
        ("Beirut — Reuters.", "other"),
    ],
)
def test_a_dateline_that_credits_an_agency(pipe: Pipeline, credit: str, side: str) -> None:
    article = read(
        "wire.txt", f"Jets hit Talbiseh\n\n{credit} An informed source said jets struck Talbiseh.\n"
    )
    assert struck(pipe, article) == {("Talbiseh", side)}


@pytest.mark.parametrize(
    "page, title",
    [
        # a site's name and section lines above the headline are no headline
        (
            "El Espectador\nInternational\n\nRussian planes attacked areas in central Syria\n\n"
            "State television said Russian jets bombed targets in Homs.\n",
            "Russian planes attacked areas in central Syria",
        ),
        (
            "Tendance Ouest\nNews > World\n\nSyria: Russia bombed three provinces\n\nJets hit Homs.\n",
            "Syria: Russia bombed three provinces",
        ),
        # a short headline over its lead stays the headline
        (
            "Syria: Russia strikes ISIS\n\nRussian aircraft have carried out new strikes on ISIS targets "
            "in Syria.\n",
            "Syria: Russia strikes ISIS",
        ),
        # a long site name over its section, a page's clutter and a time stamp are above the headline
        (
            "National Coalition of Syrian Revolution and Opposition Forces | Local News\n\nPrint this page\n"
            "Tuesday, 13 October 2015 17:38\n\nRussian raids on Talbiseh kill five civilians\n\nActivists "
            "said jets hit Talbiseh.\n",
            "Russian raids on Talbiseh kill five civilians",
        ),
        # an incident record's fields are no banners over a headline
        (
            "Civilian Casualties\n\nIncident Code\nRS1693\n\nIncident date\nNovember 26, 2016\n",
            "Civilian Casualties",
        ),
    ],
)
def test_a_sites_banner_lines_above_the_headline(page: str, title: str) -> None:
    assert read("page.txt", page).title == title


def test_a_headlines_source_is_known_to_the_lead(pipe: Pipeline) -> None:
    # "the source" in the lead is the one the headline names
    article = Article(
        id="t.txt",
        title="Russian and Syrian jets hit sites in three provinces, Syrian security source says",
        text="Russian aircraft bombed sites in Talbiseh on Wednesday, the source said.",
        published="2015-10-01",
    )
    assert struck(pipe, article) == {("Talbiseh", "syria_gov")}


@pytest.mark.parametrize(
    "banner, side",
    [
        # a monitor's or a rescue service's own page: what it tells unattributed is its report
        ("Syrian Network for Human Rights | News", "monitor"),
        ("Syria Civil Defence | News", "opposition"),
        ("National Coalition of Syrian Revolution and Opposition Forces | Local News", "opposition"),
        # a state medium's own page narrates for its state (the registry's `narrates`)
        ("Syria Times | Front Page", "syria_gov"),
        # a newsroom's page, however partisan the outlet, narrates as any reporter does
        ("Orient Net | News", "reporter"),
        ("Sputnik Mundo | Oriente Medio", "reporter"),
    ],
)
def test_a_bodys_banner_makes_the_page_its_own(pipe: Pipeline, banner: str, side: str) -> None:
    article = read(
        "page.txt",
        f"{banner}\n\nRussian warplanes pound the town of Talbiseh\n\n"
        "Russian warplanes struck Talbiseh on Friday.\n",
    )
    assert struck(pipe, article) == {("Talbiseh", side)}


def test_information_a_correspondent_obtained_is_its_givers(pipe: Pipeline) -> None:
    # the parser hangs "the AA correspondent obtained from ..." on "according", beside the information
    text = (
        "According to information the AA correspondent obtained from civil defence officials in Homs, "
        "Russian planes attacked the village of Talbiseh."
    )
    assert text_claims(pipe, text) == {("Talbiseh", "opposition")}


def test_a_spokesman_who_specifies_gives_an_account(pipe: Pipeline) -> None:
    text = "Konashenkov specified that Su-34 aircraft had struck targets near Talbiseh."
    assert text_claims(pipe, text) == {("Talbiseh", "russia")}


@pytest.mark.parametrize(
    "text, expected",
    [
        # strikes that happened somewhere, in a source's account that goes on
        (
            "The Russian defence ministry said its jets hit IS positions in Idlib. "
            "The bombings also took place in Talbiseh.",
            {("Idlib", "russia"), ("Talbiseh", "russia")},
        ),
        # a strike delivered on fighters somewhere, after Russian copy's bare ", banned in Russia,"
        (
            'The Russian Defence Ministry said its bombers delivered a massive strike on fighters of "IS", '
            "banned in Russia, in Talbiseh.",
            {("Talbiseh", "russia")},
        ),
        # strikes performed, in the passive
        (
            "The Russian defence ministry said that strikes had been carried out in Talbiseh.",
            {("Talbiseh", "russia")},
        ),
        # "for the first time" between the auxiliary and the strike verb
        (
            "The Russian defence ministry says it has for the first time bombed positions in Talbiseh.",
            {("Talbiseh", "russia")},
        ),
        # two prepositions joined: the first stands for both
        ("Activists reported Russian air strikes in and around Talbiseh.", {("Talbiseh", "opposition")}),
        # what the struck town is
        ("According to activists, the town that was hit is Talbiseh.", {("Talbiseh", "opposition")}),
        ("According to activists, the town that hosted the talks is Talbiseh.", set()),
        # strikes reported somewhere, in the passive
        (
            "The air strikes were reported near the villages of Talbiseh and Latamneh.",
            {("Talbiseh", "reporter"), ("Latamneh", "reporter")},
        ),
        ("Talks were reported in Talbiseh.", set()),
        # a source's aside that names its raids' target
        (
            "The Russian army said the overnight raids on the town of Talbiseh followed its identification "
            "of the area as a launch site.",
            {("Talbiseh", "russia")},
        ),
        # and one whose strike its day picks out
        (
            "The Observatory said the toll from Monday's strike in Talbiseh was expected to rise.",
            {("Talbiseh", "monitor")},
        ),
        # a quoted group's name (tagged a work of art) is no place that "near X" could describe
        (
            'The Russian defence ministry said jets destroyed a command centre of the terrorist "Daesh" near '
            "Talbiseh.",
            {("Talbiseh", "russia")},
        ),
    ],
)
def test_where_strikes_happened(pipe: Pipeline, text: str, expected: set) -> None:
    assert text_claims(pipe, text) == expected


def test_a_list_of_labelled_lines_names_its_struck_places(pipe: Pipeline) -> None:
    text = (
        "Civil defence teams answered attacks at three places:\n\n"
        "Talbiseh: thermobaric missiles struck a bread distribution point.\n"
        "Latamneh: three thermobaric missile attacks on civilian homes.\n"
    )
    assert text_claims(pipe, text) == {("Talbiseh", "reporter"), ("Latamneh", "reporter")}
    # one labelled line alone is a dateline's
    assert text_claims(
        pipe, "Homs: Russian air raids have killed 64 people in Talbiseh, activists said."
    ) == {("Talbiseh", "opposition")}


@pytest.mark.parametrize(
    "text, expected",
    [
        # a relative clause's "that" is the noun before it, not the sentence before
        (
            "Russian raids killed 20 people in Talbiseh. The raids come during a truce that Russia declared.",
            {("Talbiseh", "reporter")},
        ),
        (
            "Russian raids killed 20 people in Talbiseh. Russia denied this.",
            {("Talbiseh", "russia")},
        ),
        # what strikes bring down is struck; what talks bring down is not
        ("One of the strikes brought down an apartment block in Talbiseh.", {("Talbiseh", "reporter")}),
        ("The talks brought down tensions in Talbiseh.", set()),
        # what a politician attacks in words
        ("Prime Minister Ahmet Davutoglu attacked Russia's economic sanctions on Talbiseh.", set()),
        ("Russian jets attacked rebel positions on the edge of Talbiseh.", {("Talbiseh", "reporter")}),
    ],
)
def test_what_a_sentence_refers_to(pipe: Pipeline, text: str, expected: set) -> None:
    assert text_claims(pipe, text) == expected


def test_a_strike_is_no_speaker(pipe: Pipeline) -> None:
    # "recorded" is a speech verb; the raids it describes say nothing
    text = (
        "Russian aircraft carried out several raids on Tuesday on Talbiseh, the first raids recorded "
        "from the air since the ceasefire."
    )
    assert text_claims(pipe, text) == {("Talbiseh", "reporter")}


@pytest.mark.parametrize(
    "second, side",
    [
        # "In the same context, ...": the narrator's next item, not more of the sources' account
        ("In the same context, Russian aircraft bombed the town of Latamneh.", "reporter"),
        ("Russian aircraft also bombed the town of Latamneh.", "opposition"),
    ],
)
def test_a_narrators_transition_ends_an_account(pipe: Pipeline, second: str, side: str) -> None:
    text = f"Local sources said Russian aircraft hit the town of Talbiseh with two raids. {second}"
    assert ("Latamneh", side) in text_claims(pipe, text)


def test_a_wires_compass_asides(pipe: Pipeline) -> None:
    text = (
        "The Russian Defence Ministry said the aircraft struck positions in the governorates of Idlib "
        "(north-west), Latakia (north-west), Deir ez-Zor (east), Raqqa (north) and Homs (centre)."
    )
    names = {"Idlib", "Latakia", "Deir ez-Zor", "Raqqa", "Homs"}
    assert text_claims(pipe, text) == {(name, "russia") for name in names}


def test_the_body_whose_statement_was_quoted(pipe: Pipeline) -> None:
    text = (
        "Russian news agencies quoted a statement of the Russian Defence Ministry as saying that the "
        "aircraft struck positions in Idlib. According to the ministry, a depot was destroyed near Talbiseh."
    )
    assert text_claims(pipe, text) == {("Idlib", "russia"), ("Talbiseh", "russia")}


def test_a_toll_by_kind_of_victim_is_no_tally_by_place(pipe: Pipeline) -> None:
    text = (
        "Activists said Russian air strikes overnight killed five children, four women and one man in "
        "Talbiseh."
    )
    assert text_claims(pipe, text) == {("Talbiseh", "opposition")}


@pytest.mark.parametrize(
    "text",
    [
        # whose briefing "his briefing" is
        "Defence Minister Sergei Shoigu announced new strikes on Friday. According to his briefing, the "
        "cruise missiles killed more than 600 terrorists in the Talbiseh region.",
        # Russian copy's "military department" is the defence ministry
        "The representative of the military department also reported that jets struck targets near Talbiseh.",
    ],
)
def test_the_ministry_by_other_names(pipe: Pipeline, text: str) -> None:
    assert ("Talbiseh", "russia") in text_claims(pipe, text)
