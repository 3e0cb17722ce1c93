"""Attribution over a whole article: whose copy a reprint is, who narrates, whose account a sentence
with no speaker of its own goes on with, and speakers the parser loses. Each case is a short text
written for the test; each fails when its rule is switched off."""

from __future__ import annotations

import pytest

from geo.discourse import original_source
from geo.gazetteer import Gazetteer
from geo.mentions import load_nlp
from geo.pipeline import Pipeline
from geo.registry import load_registry
from geo.types import Article


@pytest.fixture(scope="module")
def pipe(tiny_gazetteer: Gazetteer) -> Pipeline:
    return Pipeline(load_nlp(), tiny_gazetteer, load_registry())


def targets(pipe: Pipeline, text: str, outlet: str = "", title: str = "t") -> set[tuple[str, str]]:
    claims = pipe.claims(Article(id="t.txt", title=title, text=text, outlet=outlet))
    return {(p.toponym.mention.text, c.source.side) for c in claims for p in c.places if p.role == "target"}


@pytest.mark.parametrize(
    "credit_line, original",
    [
        ("Tasnim News Agency (Iran), citing TASS", "TASS"),
        ("Syria News (syrianews.media), relaying Enab Baladi", "Enab Baladi"),
        ("TRT World, reporting a Human Rights Watch release", "Human Rights Watch release"),
        ("RIA Novosti (Sputnik copy, reprinted by The Iran Project)", "RIA Novosti"),
        ("AFP (via Rappler)", "AFP"),
        ("Reuters via China Daily", "Reuters"),
        ("Al-Alam (Iranian broadcaster, English site)", "Al-Alam"),
        ("Syrian Observatory for Human Rights", "Syrian Observatory for Human Rights"),
    ],
)
def test_a_credit_line_names_the_copy_it_carries(credit_line: str, original: str) -> None:
    assert original_source(credit_line) == original


NARRATION = "Russian warplanes destroyed an ISIS command center near Talbiseh on Thursday."
UNNAMED = "A military source said Russian warplanes destroyed an ISIS command center near Talbiseh."


@pytest.mark.parametrize(
    "text, outlet, side",
    [
        # a reprint keeps the side of the copy it carries, not the reprinting site's
        (UNNAMED, "Al-Alam (Iranian broadcaster), citing TASS", "russia"),
        (UNNAMED, "TASS (reprinted by an Iranian site, Press TV)", "russia"),
        # a third state's medium narrates as the reporter; its unnamed sources are its side's
        (NARRATION, "Press TV", "reporter"),
        (UNNAMED, "Press TV", "iran"),
        # a party's newspaper narrates as the reporter too
        (NARRATION, "Orient News", "reporter"),
        # the parties' own state media and a monitor's report narrate for their side
        (NARRATION, "Rossiyskaya Gazeta", "russia"),
        (NARRATION, "Syrian Observatory for Human Rights", "monitor"),
    ],
)
def test_who_narrates_an_outlets_copy(pipe: Pipeline, text: str, outlet: str, side: str) -> None:
    assert targets(pipe, text, outlet) == {("Talbiseh", side)}


@pytest.mark.parametrize(
    "banner, side",
    [
        # a page whose first line is its site's banner is that outlet's copy
        ("The Syrian Observatory For Human Rights", "monitor"),
        ("TASS", "russia"),
        # a headline that names a source is no banner
        ("Syrian Observatory says Russian jets hit Talbiseh", "reporter"),
        # a page with no headline of its own: its banner's site, not a newsroom's, narrates
        ("Airwars | Civilian Casualties | Russian Military in Syria", "monitor"),
        ("Rassd News Network | Arab and World", "reporter"),
    ],
)
def test_a_sites_banner_as_the_first_line(pipe: Pipeline, banner: str, side: str) -> None:
    claims = pipe.claims(Article(id="t.txt", title=banner, text=NARRATION))
    body = [c for c in claims if c.evidence == NARRATION]
    assert {(p.toponym.mention.text, c.source.side) for c in body for p in c.places} == {("Talbiseh", side)}


@pytest.mark.parametrize(
    "text, expected",
    [
        # an account goes on in its speaker's paragraph without a new speech verb
        (
            "Russian jets hit Homs, state television said. In Idlib, the jets also struck Latamneh.",
            {("Homs", "syria_gov"), ("Idlib", "syria_gov"), ("Latamneh", "syria_gov")},
        ),
        # and past a semicolon, however the parser hangs the clause after it
        (
            "In Hama, activists said Russian warplanes had carried out raids on the city of Latamneh, "
            "leaving heavy damage to homes; 4 civilians were also killed when cluster bombs were dropped "
            "on the village of Kafr Zita in the northern Hama countryside.",
            {("Latamneh", "opposition"), ("Kafr Zita", "opposition"), ("Hama", "opposition")},
        ),
        # and into the next paragraph when the sentence refers back to what was reported
        (
            "Russian bombers hit Deir ez-Zor, the defence ministry in Moscow said.\n\n"
            "The bombers also struck depots near Latakia.",
            {("Deir ez-Zor", "russia"), ("Latakia", "russia")},
        ),
        # or when a briefing goes on area by area, each paragraph opening with where
        (
            "Russian bombers hit Deir ez-Zor, the defence ministry in Moscow said.\n\n"
            "In the province of Latakia, Su-25 jets destroyed a command post.",
            {("Deir ez-Zor", "russia"), ("Latakia", "russia")},
        ),
        (
            "Activists said Russian jets hit Talbiseh.\n\n"
            "In the province of Latakia, Su-25 jets destroyed a command post.",
            {("Talbiseh", "opposition"), ("Latakia", "reporter")},
        ),
        # a new paragraph that does not refer back is the reporter's
        (
            "Russian bombers hit Deir ez-Zor, the defence ministry in Moscow said.\n\n"
            "Russian jets struck Latakia in October.",
            {("Deir ez-Zor", "russia"), ("Latakia", "reporter")},
        ),
        # but a sentence about a named actor is the narrator's description
        (
            "Russian jets hit Homs, the Russian defence ministry said. Moscow has bombed Latamneh for weeks "
            "to help its ally.",
            {("Homs", "russia"), ("Latamneh", "reporter")},
        ),
        # a monitor's toll goes on place by place in the paragraphs after it; a strike without a toll
        # there is the reporter's, as is a toll after another side's account
        (
            "The air raids on Idlib wounded several people, the Syrian Observatory for Human Rights said.\n\n"
            "Air strikes by Russia killed four civilians in Talbiseh.\n\n"
            "Russian jets struck Latamneh in October.",
            {("Idlib", "monitor"), ("Talbiseh", "monitor"), ("Latamneh", "reporter")},
        ),
        (
            "Russian bombers hit Deir ez-Zor, the defence ministry in Moscow said.\n\n"
            "Air strikes by Russia killed four civilians in Talbiseh.",
            {("Deir ez-Zor", "russia"), ("Talbiseh", "reporter")},
        ),
        # the items of a list the account opened, each its own paragraph
        (
            "The Syrian Observatory said Russian strikes killed 20 civilians in Homs on Tuesday:\n\n"
            "- 12 people killed in Russian raids on Talbiseh.\n\n"
            "- 8 people killed in Russian raids on Latamneh.",
            {("Homs", "monitor"), ("Talbiseh", "monitor"), ("Latamneh", "monitor")},
        ),
        # "X was quoted as saying": the one quoted speaks, closing the sentence or opening it
        (
            "Jets hit seven targets in Latakia, defence minister Sergei Shoigu was quoted as saying by "
            "news agencies.\n\nShoigu was quoted as saying that bombers also struck Homs.",
            {("Latakia", "russia"), ("Homs", "russia")},
        ),
        # a town of the story's country that opens the sentence sets the scene of a placeless toll;
        # a capital abroad is where the speaker is
        (
            "Russian jets struck Idlib.\n\nIn rebel-held Talbiseh, activists report that at least 15 "
            "civilians were killed.\n\nIn Paris, the Observatory said 12 civilians were killed.",
            {("Idlib", "reporter"), ("Talbiseh", "opposition")},
        ),
        # "the army" is no body that spoke before under another noun; "the ministry" is the one its
        # spokesman spoke for
        (
            "Activists said jets struck Homs.\n\nThe army said 15 terrorists were killed in Latamneh.",
            {("Homs", "opposition"), ("Latamneh", "other")},
        ),
        (
            "Jets hit Homs, Defence Ministry spokesman Major-General Igor Konashenkov said.\n\nThe "
            "Defence Ministry also said that bombers struck Latamneh.",
            {("Homs", "russia"), ("Latamneh", "russia")},
        ),
        # "the group's spokesman": the group the sentence named
        (
            "Russian jets bombed a command post of Tajamu al-Izza in Latamneh, the group's spokesman said.",
            {("Latamneh", "opposition")},
        ),
        # hearsay goes on with the last source, though a clause after a semicolon has a speaker of its own
        (
            "The defence ministry in Moscow said jets hit Homs.\n\nA base in Idlib province was said to "
            "have been hit; radio intercepts suggested it sheltered fighters.",
            {("Homs", "russia"), ("Idlib", "russia")},
        ),
        # information "obtained from" a source, though the parser makes "obtained" the main verb
        (
            "Information obtained from Civil Defence sources in Idlib says that an air strike on the "
            "village of Latamneh killed two civilians.",
            {("Latamneh", "opposition")},
        ),
        # a state medium citing the striking side's sources gives that side's word
        (
            "Citing Russian military sources in Syria, SANA said Russian warplanes hit a training camp in "
            "Latamneh.",
            {("Latamneh", "russia")},
        ),
        # the French initials of the monitor, and its director's French spelling
        (
            "Rami Abdel Rahmane, the head of the OSDH, says Russian aircraft hit Latamneh.",
            {("Latamneh", "monitor")},
        ),
        # strikes "said to target" IS are no speaker: the monitor named at the end is
        (
            "Russian warplanes on Tuesday flew at least ten airstrikes said to target IS militants in the "
            "countryside of Homs in Syria, the UK-based war monitor the Syrian Observatory for Human Rights "
            "said.",
            {("Homs", "monitor")},
        ),
        # "pointed out" gives an account as "noted" does
        (
            "Activists said jets struck Homs.\n\nThe Defence Ministry pointed out that bombers hit Latamneh.",
            {("Homs", "opposition"), ("Latamneh", "russia")},
        ),
        # a newspaper or broadcaster cited for what it found narrates, as a wire does
        ("Russian jets struck Homs on Monday, according to The Independent.", {("Homs", "reporter")}),
        ("Russian jets struck Homs, Al Arabiya reported.", {("Homs", "reporter")}),
        # an outlet's correspondent speaks for its side; so does a correspondent named after him
        (
            "Russian warplanes struck Homs, Orient's correspondent said.\n\nJets also hit Latamneh, "
            "correspondent Bsher Ahmad said.",
            {("Homs", "opposition"), ("Latamneh", "opposition")},
        ),
        # "the sources" where none were named before: the body that was giving the account
        (
            "The White Helmets said a Russian strike hit Homs.\n\nAccording to the sources, jets also "
            "attacked Latamneh.",
            {("Homs", "opposition"), ("Latamneh", "opposition")},
        ),
        # a body named again by its initials
        (
            "The Syrian Civil Defence said Russian jets struck Homs.\n\nThe SCD said warplanes also hit "
            "Latamneh.",
            {("Homs", "opposition"), ("Latamneh", "opposition")},
        ),
        # initials given in brackets, in another language's order, name the body from there on
        (
            "The Syrian Observatory for Human Rights (OSDH) said jets struck Homs.\n\nWarplanes also hit "
            "Latamneh, according to the OSDH.",
            {("Homs", "monitor"), ("Latamneh", "monitor")},
        ),
        # "according to the speaker": whoever spoke last, a paragraph on
        (
            "Abu Ahmad, an activist in Hama, said Russian jets struck Latamneh.\n\nAccording to the "
            "speaker, warplanes also hit Talbiseh.",
            {("Latamneh", "opposition"), ("Talbiseh", "opposition")},
        ),
        # the reporter's narration is never continued across a new paragraph by hearsay alone
        (
            "Activists said Russian jets struck Latamneh.\n\nPlaces hit by Russian planes include Talbiseh.",
            {("Latamneh", "opposition"), ("Talbiseh", "reporter")},
        ),
    ],
)
def test_an_account_goes_on_with_its_speaker(
    pipe: Pipeline, text: str, expected: set[tuple[str, str]]
) -> None:
    assert targets(pipe, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a thing that "suggests" is no speaker, and no account goes on with it
        (
            "The rebel advance in Hama suggests that the air campaign cannot stop the rebels. Russian "
            "warplanes struck the towns of Talbiseh and Latamneh.",
            {("Talbiseh", "reporter"), ("Latamneh", "reporter")},
        ),
        # nor does an account go on past what "local reporting has corroborated"
        (
            "The Russian defence ministry said jets hit Latamneh. Local reporting has corroborated the "
            "strike. The think tank assesses that jets also struck Talbiseh.",
            {("Latamneh", "russia"), ("Talbiseh", "reporter")},
        ),
        # a speaker who suggests is one
        ("Activists suggested that Russian jets had struck Talbiseh.", {("Talbiseh", "opposition")}),
    ],
)
def test_a_thing_that_suggests_is_no_speaker(
    pipe: Pipeline, text: str, expected: set[tuple[str, str]]
) -> None:
    assert targets(pipe, text) == expected


def test_a_headline_does_not_go_on_with_the_body(pipe: Pipeline) -> None:
    article = Article(
        id="t.txt",
        title="Russian jets strike Talbiseh",
        text="Russian jets hit Homs, state television said.",
    )
    assert {c.source.side for c in pipe.claims(article) if c.evidence == article.title} == {"reporter"}


def test_a_quotations_speaker_with_an_apposition(pipe: Pipeline) -> None:
    # the parser hangs "Konashenkov, the ministry's spokesman" on the quotation, not on "said"
    text = (
        '"Any claim that our aircraft bombed Talbiseh is an absolute lie," Maj. Gen. Igor Konashenkov, '
        "the ministry's spokesman, said in a statement."
    )
    claims = pipe.claims(Article(id="t.txt", title="t", text=text))
    assert {(c.source.speaker, c.source.side) for c in claims} == {("Igor Konashenkov", "russia")}


def test_a_speaker_the_day_runs_into(pipe: Pipeline) -> None:
    # no comma after the day: the parser makes the name the day's noun and leaves "said" no subject
    text = (
        "On Monday Igor Konashenkov, the official spokesman of the Russian Defence Ministry, said that "
        "Russian aircraft had struck nine facilities of the Islamic State in Syria."
    )
    claims = pipe.claims(Article(id="t.txt", title="t", text=text))
    assert {(c.source.speaker, c.source.side) for c in claims} == {("Igor Konashenkov", "russia")}


@pytest.mark.parametrize(
    "text, expected",
    [
        # a name introduced by what it is a member of, which the parser leaves off the name
        (
            "In Hama, a member of the Jaysh al-Izza faction who goes by the name Abu-Mahmoud al-Hamawi told "
            "Reuters by phone that jets had bombed Latamneh. Besides the raids, he said, jets hit the town "
            "of Talbiseh.",
            {("Latamneh", "opposition"), ("Talbiseh", "opposition")},
        ),
        # a person introduced by a description, quoted later by surname
        (
            "Omar al-Halabi is a teacher in rebel-held Idlib. On Monday, Halabi says, jets struck Latamneh.",
            {("Latamneh", "opposition")},
        ),
    ],
)
def test_a_speaker_is_who_their_introduction_says(
    pipe: Pipeline, text: str, expected: set[tuple[str, str]]
) -> None:
    assert targets(pipe, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a speech verb in a relative clause speaks for the noun the clause hangs on
        (
            "No comment came from Moscow, which has said its jets struck only terrorists in Latamneh.",
            {("Latamneh", "russia")},
        ),
        # "in what X described as ...": the source that names what happened gives the account of it
        (
            "Russian jets hit Homs, the Russian defence ministry said. Two command posts near Talbiseh were "
            "destroyed in what the statement described as the first raids there.",
            {("Homs", "russia"), ("Talbiseh", "russia")},
        ),
        ("Russian jets pounded Talbiseh in what activists called a massacre.", {("Talbiseh", "opposition")}),
    ],
)
def test_speakers_the_parser_hides_in_a_clause(
    pipe: Pipeline, text: str, expected: set[tuple[str, str]]
) -> None:
    assert targets(pipe, text) == expected


def test_a_sources_document_as_the_subject_gives_its_account(pipe: Pipeline) -> None:
    text = (
        "Russian jets struck Idlib, the Syrian Observatory said.\n\n"
        "The Observatory's toll includes 12 civilians killed in the raids on Talbiseh."
    )
    assert targets(pipe, text) == {("Idlib", "monitor"), ("Talbiseh", "monitor")}


@pytest.mark.parametrize(
    "text, expected",
    [
        # the one quoted speaks, and an outlet that passes on an unknown speaker's words gives its side
        (
            "SANA quoted an unnamed source as saying that Russian jets hit Latamneh.",
            {("Latamneh", "syria_gov")},
        ),
        (
            "Konashenkov was quoted by Interfax as saying that jets had destroyed a bunker near Talbiseh.",
            {("Talbiseh", "russia")},
        ),
        (
            "Russian jets struck Talbiseh, the ministry said in a statement carried by SANA.",
            {("Talbiseh", "syria_gov")},
        ),
        # "carried out by" passes on no one's words
        (
            "Strikes carried out by Russian jets hit Talbiseh, a local man said.",
            {("Talbiseh", "other")},
        ),
        # a monitor's record: what it documented, recorded or listed is its claim
        (
            "The Syrian Observatory said Russian jets hit Latamneh.\n\nIt also documented raids on Talbiseh.",
            {("Latamneh", "monitor"), ("Talbiseh", "monitor")},
        ),
    ],
)
def test_words_passed_on_and_records(pipe: Pipeline, text: str, expected: set[tuple[str, str]]) -> None:
    assert targets(pipe, text) == expected


BODY = "Russian aircraft flew twenty sorties on Monday."


@pytest.mark.parametrize(
    "title, side",
    [
        ("SANA: Russian jets destroy terrorist bunker near Talbiseh", "syria_gov"),  # a leading credit
        ("Russia/Syria: jets destroy a bunker near Talbiseh", "reporter"),  # a topic, not a source
        ("Russian jets destroy a bunker near Talbiseh (SANA)", "syria_gov"),
        ("Russian jets destroy a bunker near Talbiseh (Xinhua)", "reporter"),  # the wire's own credit
        ("Russian jets destroy a bunker near Talbiseh – Tasnim", "reporter"),
        ("Russian jets destroy a bunker near Talbiseh – TASS", "russia"),
    ],
)
def test_a_headlines_credit(pipe: Pipeline, title: str, side: str) -> None:
    article = Article(id="t.txt", title=title, text=BODY)
    assert {c.source.side for c in pipe.claims(article) if c.evidence == title} == {side}


@pytest.mark.parametrize(
    "text, side",
    [
        ("Latakia, SANA_ Russian jets destroyed a terrorist bunker near Talbiseh.", "syria_gov"),
        ("Moscow, 1 October, TASS: Russian jets destroyed an IS bunker near Talbiseh.", "russia"),
        # an agency's credit alone; a third state's outlet, whose unnamed sources are its side's
        ("FNA - A military source said Russian jets destroyed an IS bunker near Talbiseh.", "iran"),
    ],
)
def test_a_datelines_credit(pipe: Pipeline, text: str, side: str) -> None:
    assert targets(pipe, text) == {("Talbiseh", side)}


@pytest.mark.parametrize(
    "text, expected",
    [
        # a quotation left open at a paragraph's end and opened again at the next one's start goes on
        (
            "“Our jets destroyed a depot near Talbiseh.\n\n“A command post near Latamneh was destroyed too,” "
            "Igor Konashenkov said.",
            {("Talbiseh", "russia"), ("Latamneh", "russia")},
        ),
        (
            "Igor Konashenkov said: “Our jets destroyed a depot near Talbiseh.\n\n“A command post near "
            "Latamneh was destroyed too.”",
            {("Talbiseh", "russia"), ("Latamneh", "russia")},
        ),
        # one closed where its paragraph ended does not
        (
            "Igor Konashenkov said: “Our jets destroyed a depot near Talbiseh.”\n\n“Russian jets hit "
            "Latamneh.”",
            {("Talbiseh", "russia"), ("Latamneh", "reporter")},
        ),
    ],
)
def test_a_quotation_over_paragraphs(pipe: Pipeline, text: str, expected: set[tuple[str, str]]) -> None:
    assert targets(pipe, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a source whose side came from the outlet it spoke to keeps it when referred to again
        (
            "A military source told SANA that Russian jets hit Talbiseh.\n\nThe source added that a depot "
            "near Latamneh was destroyed.",
            {("Talbiseh", "syria_gov"), ("Latamneh", "syria_gov")},
        ),
        (
            "An official told reporters in Moscow that Russian jets hit Talbiseh.\n\nHe added that a depot "
            "near Latamneh was destroyed.",
            {("Talbiseh", "russia"), ("Latamneh", "russia")},
        ),
    ],
)
def test_a_relayed_speaker_keeps_its_side(pipe: Pipeline, text: str, expected: set[tuple[str, str]]) -> None:
    assert targets(pipe, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a wire that cites a party or a monitor for what it reports carries that source's claim
        (
            "Reuters reported, citing the Syrian Observatory for Human Rights, that jets struck Talbiseh.",
            {("Talbiseh", "monitor")},
        ),
        # a wire's own report is the reporter's
        ("Reuters reported that jets struck Talbiseh.", {("Talbiseh", "reporter")}),
    ],
)
def test_a_wire_citing_a_source(pipe: Pipeline, text: str, expected: set[tuple[str, str]]) -> None:
    assert targets(pipe, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a sentence between that tells no strike is the narrator's comment: the account has ended
        (
            "The Russian defence ministry said it had begun a major operation against militants. The "
            "operation is meant to show off the navy's reach. Sorties from the carrier pounded "
            "opposition-held terrain in Idlib.",
            {("Idlib", "reporter")},
        ),
        # without the comment, the account goes on
        (
            "The Russian defence ministry said it had begun a major operation against militants. Sorties "
            "from the carrier pounded terrain in Idlib.",
            {("Idlib", "russia")},
        ),
        # the narrator's "but" answers the speaker, and the account ends there
        (
            "President Putin says his pilots are attacking the Islamic State, but Russian jets have bombed "
            "rebels in Talbiseh. The clinics that were hit lie in Idlib and Hama, where "
            "the group has no presence.",
            {("Talbiseh", "reporter"), ("Idlib", "reporter"), ("Hama", "reporter")},
        ),
    ],
)
def test_a_comment_ends_an_account(pipe: Pipeline, text: str, expected: set[tuple[str, str]]) -> None:
    assert targets(pipe, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # "X reported this" gives the narration before it to X; a caption line between paragraphs
        # does not end the account
        (
            "Overnight, Russian jets struck Homs. The Russian defence ministry reported this.\n\n"
            "Video: YouTube / Ministry of Defence\n\nThe raid also destroyed a depot in Idlib.",
            {("Homs", "russia"), ("Idlib", "russia")},
        ),
        # a narrator's sentence in an earlier paragraph is not what "this" refers to
        (
            "Overnight, Russian jets struck Homs.\n\nLater, jets hit Idlib. The Russian defence ministry "
            "reported this.",
            {("Homs", "reporter"), ("Idlib", "russia")},
        ),
        # "That's according to X" credits the narration before it, and X is who "the group" is after
        (
            "Russian jets struck a market in Talbiseh, killing 25 people. That's according to the activist "
            "group Deir Ezzor 24.\n\nThe group said the jets hit Latamneh too.",
            {("Talbiseh", "opposition"), ("Latamneh", "opposition")},
        ),
        # one who blames a force for a strike says it struck there
        (
            "Activists blamed Russian warplanes for Sunday's strike on the village of Latamneh.",
            {("Latamneh", "opposition")},
        ),
        # and the one blamed is no target, wherever the parser hangs it
        ("The Observatory blamed the raids on Russia.", set()),
    ],
)
def test_a_source_that_reported_this(pipe: Pipeline, text: str, expected: set[tuple[str, str]]) -> None:
    assert targets(pipe, text) == expected


def test_according_to_after_a_comma_credits_the_clause_before(pipe: Pipeline) -> None:
    # the parser hangs "according to" on the clause after it
    text = (
        "Air strikes by jets suspected to be Russian hit targets around the town of Talbiseh on Sunday, "
        "according to residents, one day after Russia vowed to intensify its air campaign."
    )
    assert targets(pipe, text) == {("Talbiseh", "opposition")}


@pytest.mark.parametrize(
    "text, expected",
    [
        # a body that counts or logs casualties gives its own account of them
        (
            "The Syrian Civil Defence counted 36 civilian casualties from the Russian strike in Talbiseh.",
            {("Talbiseh", "opposition")},
        ),
        ("The Syrian Observatory logged three Russian raids on Homs.", {("Homs", "monitor")}),
    ],
)
def test_a_body_that_counts_gives_an_account(
    pipe: Pipeline, text: str, expected: set[tuple[str, str]]
) -> None:
    assert targets(pipe, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # hospital staff where the strikes fell are local sources; "information from X" is X's
        (
            "According to information obtained from officials of the field hospital, two children died in "
            "the Russian strike on Talbiseh.",
            {("Talbiseh", "opposition")},
        ),
        ("Jets struck Homs, a hospital worker at the scene said.", {("Homs", "opposition")}),
    ],
)
def test_hospital_staff_are_local_sources(pipe: Pipeline, text: str, expected: set[tuple[str, str]]) -> None:
    assert targets(pipe, text) == expected


def test_the_ngo_is_the_body_that_spoke(pipe: Pipeline) -> None:
    text = (
        "Seven civilians were killed in Russian strikes on Idlib, according to the Syrian Observatory for "
        "Human Rights. The Britain-based NGO said the same warplanes had also raided Homs."
    )
    assert targets(pipe, text) == {("Idlib", "monitor"), ("Homs", "monitor")}


def test_a_headlines_hearsay_sums_up_the_lead_not_the_last_speaker(pipe: Pipeline) -> None:
    article = Article(
        id="t.txt",
        title="Russian air strikes in Idlib allegedly kill seven",
        text=(
            "Seven civilians were killed in Russian strikes on Idlib, the Syrian Observatory for Human "
            "Rights said.\n\nThe head of the opposition coalition, Khaled Khoja, said Russia was "
            "backing Assad."
        ),
    )
    claims = pipe.claims(article)
    headline = [c for c in claims if c.evidence == article.title]
    assert {c.source.side for c in headline} <= {"monitor"}


@pytest.mark.parametrize(
    "text, expected",
    [
        # a new paragraph that says the jets "also" struck adds to the account before it
        (
            "The Russian defence ministry said jets struck Homs.\n\nRussian jets also wrecked a depot in "
            "Idlib.",
            {("Homs", "russia"), ("Idlib", "russia")},
        ),
        # without it, a new paragraph is the narrator's
        (
            "The Russian defence ministry said jets struck Homs.\n\nRussian jets wrecked a depot in Idlib.",
            {("Homs", "russia"), ("Idlib", "reporter")},
        ),
        # after activists, an outlet's "also" goes on with its own list
        (
            "Activists said jets struck Homs.\n\nRussian jets also wrecked a depot in Idlib.",
            {("Homs", "opposition"), ("Idlib", "reporter")},
        ),
        # so does an "also" that says the places it lists are as the source said the first was
        (
            "An FSA adviser said Russian jets struck Talbiseh, which has no IS fighters.\n\nEarlier raids "
            "had hit Latamneh, which is also free of IS.",
            {("Talbiseh", "opposition"), ("Latamneh", "opposition")},
        ),
        (
            "An FSA adviser said Russian jets struck Talbiseh, which has no IS fighters.\n\nEarlier raids "
            "had hit Latamneh, which is free of IS.",
            {("Talbiseh", "opposition"), ("Latamneh", "reporter")},
        ),
        # "another" goes on with a tally the source began
        (
            "The Observatory said strikes on Talbiseh killed 15 Islamic State fighters.\n\nAnother four "
            "Islamic State fighters were killed near Raqqa.",
            {("Talbiseh", "monitor"), ("Raqqa", "monitor")},
        ),
        (
            "The Observatory said strikes on Talbiseh killed 15 Islamic State fighters.\n\nRussian jets "
            "struck Islamic State fighters near Raqqa.",
            {("Talbiseh", "monitor"), ("Raqqa", "reporter")},
        ),
    ],
)
def test_also_goes_on_with_the_account(pipe: Pipeline, text: str, expected: set[tuple[str, str]]) -> None:
    assert targets(pipe, text) == expected


def test_a_source_that_announced_it(pipe: Pipeline) -> None:
    text = (
        "Several Russian raids hit the province of Idlib this morning. The Syrian Observatory for Human "
        "Rights announced it, adding that there had also been heavy shelling."
    )
    assert targets(pipe, text) == {("Idlib", "monitor")}


@pytest.mark.parametrize(
    "text, expected",
    [
        # a medium that carries another's report passes on that source's claim
        (
            "Syria's state news agency carried a report from the Russian Defense Ministry saying Russian "
            "air units had made four strikes on positions in Homs and Idlib.",
            {("Homs", "russia"), ("Idlib", "russia")},
        ),
        # "Russian and Syrian accounts": each adjective names a side that speaks
        (
            "Russian warplanes bombarded parts of Homs on Thursday, according to official Russian and "
            "Syrian accounts.",
            {("Homs", "russia"), ("Homs", "syria_gov")},
        ),
    ],
)
def test_reprints_and_joint_accounts(pipe: Pipeline, text: str, expected: set[tuple[str, str]]) -> None:
    assert targets(pipe, text) == expected


def test_footage_a_source_describes_is_the_sources_account(pipe: Pipeline) -> None:
    text = "The Russian defence ministry said the videos showed airstrikes on Homs."
    assert targets(pipe, text) == {("Homs", "russia")}


def test_what_a_colon_opens_after_a_report_is_its_detail(pipe: Pipeline) -> None:
    text = (
        "Activists reported dozens of casualties from the heavy air raids that Russian planes carried out "
        "on the towns and villages of the Homs countryside: more than 35 martyrs fell when the towns of "
        "al-Rastan, Talbiseh, al-Zaafarana and Latamneh were hit with missiles of great destructive power."
    )
    assert {("Talbiseh", "opposition"), ("Latamneh", "opposition")} <= targets(pipe, text)
    assert not {side for _, side in targets(pipe, text)} - {"opposition"}


def test_a_verb_joined_to_a_stance_tells_its_own_act(pipe: Pipeline) -> None:
    # the parser makes "carried out" a second verb of "to back": no stance towards the strikes
    text = (
        "Russian forces based in Syria to back President Bashar Al-Assad carried out their first air "
        "bombardment on Wednesday near the city of Homs, which is partly in rebel hands, according to an "
        "American official."
    )
    assert targets(pipe, text) == {("Homs", "us")}


def test_a_correspondent_reports_on_strikes(pipe: Pipeline) -> None:
    text = "Media caption: Middle East analyst Alan Johnston reports on the deadly air strikes in Idlib."
    assert targets(pipe, text) == {("Idlib", "reporter")}


@pytest.mark.parametrize(
    "speaker, side",
    [
        # the one named speaks, not the one its description names
        ("Russia, the ally of Syrian President Bashar al-Assad,", "russia"),
        # a description decides when the name alone says nothing
        ("Abu Omar, a member of the Syrian Observatory,", "monitor"),
    ],
)
def test_an_apposition_describes_the_speaker(pipe: Pipeline, speaker: str, side: str) -> None:
    text = f"{speaker} said jets struck Talbiseh."
    assert targets(pipe, text) == {("Talbiseh", side)}


def test_a_common_nouns_apposition_is_the_name(pipe: Pipeline) -> None:
    text = "Jets struck Talbiseh on Sunday, according to the state-run news agency TASS."
    assert targets(pipe, text) == {("Talbiseh", "russia")}


def test_a_participle_after_a_comma_goes_on_with_its_speech_verb(pipe: Pipeline) -> None:
    # the parser gives "stressing" the noun before it as subject; the activist goes on speaking
    text = (
        "The activist Abu Omar reported that one civilian was killed and 7 others wounded by the Russian "
        'bombing of the village of Talbiseh, stressing that "Russia is targeting civilian areas in Homs".'
    )
    assert targets(pipe, text) == {("Talbiseh", "opposition"), ("Homs", "opposition")}


@pytest.mark.parametrize(
    "text, expected",
    [
        # "this was reported by X" opening a paragraph gives X the paragraph before
        (
            "Russian jets struck Latamneh on Friday.\n\nThis was reported by Radio Free Syria, an online "
            "outlet of the Syrian opposition.",
            {("Latamneh", "opposition")},
        ),
        # but not the one before that
        (
            "Russian jets struck Talbiseh on Thursday.\n\nRussian jets struck Latamneh on Friday.\n\nThis "
            "was reported by the Syrian opposition.",
            {("Talbiseh", "reporter"), ("Latamneh", "opposition")},
        ),
        # an embedded post's credit line under it
        (
            "[Embedded post] Three children killed as Russian warplanes bombed Latamneh today.\nPosted "
            "by the Syrian opposition coalition on 16 October 2015",
            {("Latamneh", "opposition")},
        ),
    ],
)
def test_a_credit_after_what_it_credits(pipe: Pipeline, text: str, expected: set[tuple[str, str]]) -> None:
    assert targets(pipe, text) == expected


def test_a_person_a_title_names_in_passing_speaks_for_its_side_later(pipe: Pipeline) -> None:
    text = (
        "Pentagon spokesman Colonel Steve Warren declined to share the data.\n\nWarren had earlier "
        "claimed that Russia bombed two hospitals in Homs."
    )
    assert targets(pipe, text) == {("Homs", "us")}


@pytest.mark.parametrize(
    "speaker, side",
    [
        ("The UN Commission of Inquiry on Syria", "monitor"),
        ("The American newspaper The New York Times", "reporter"),
    ],
)
def test_investigators_and_a_newspaper_named_by_its_country(pipe: Pipeline, speaker: str, side: str) -> None:
    text = f"{speaker} said Russian aircraft bombed Talbiseh."
    assert targets(pipe, text) == {("Talbiseh", side)}


def test_a_date_set_off_by_commas_keeps_the_strikes_their_verb(pipe: Pipeline) -> None:
    text = "The monitor said the three strikes, on Oct. 2 and 3, took place in Talbiseh and Homs."
    assert targets(pipe, text) == {("Talbiseh", "monitor"), ("Homs", "monitor")}


def test_a_banner_with_its_edition_in_brackets_names_the_outlet(pipe: Pipeline) -> None:
    banner = "The Syrian Observatory for Human Rights (Arabic)"
    assert targets(pipe, NARRATION, title=banner) == {("Talbiseh", "monitor")}


def test_this_reported_with_a_closing_credit_still_gives_the_sentence_before(pipe: Pipeline) -> None:
    # "..., TASS reports" hung on "reported this" is a credit, not what was reported
    text = (
        "Strategic bombers of the Russian Air Force have struck terrorist positions in the Syrian provinces "
        "of Homs and Idlib. Defence Minister Sergei Shoigu reported this to Russian President Vladimir "
        "Putin, TASS reports.\n\nAccording to the head of the military department, 34 cruise missiles "
        "were fired during the sorties. It is the second cruise missile strike since the Syrian campaign "
        "began."
    )
    assert targets(pipe, text, title="News") >= {("Homs", "russia"), ("Idlib", "russia")}


def test_a_placeless_toll_is_the_toll_of_the_strike_just_told(pipe: Pipeline) -> None:
    # the monitor's toll speaks of the market the sentence before says was struck
    text = (
        "Russian jets struck a market in Maarat al-Numan in Idlib province on Sunday, activists said. "
        "According to the Syrian Observatory for Human Rights, however, about 60 civilians were killed."
    )
    assert ("Maarat al-Numan", "monitor") in targets(pipe, text)


def test_the_claims_a_denial_rejects_are_their_holders(pipe: Pipeline) -> None:
    # the denier denies; the activists whose claims are denied claim the strike
    text = "The ministry rejected claims by activists that Russian jets had struck Talbiseh."
    assert targets(pipe, text) == {("Talbiseh", "russia"), ("Talbiseh", "opposition")}


def test_according_to_a_source_over_what_is_said_of_a_passive(pipe: Pipeline) -> None:
    # "are said to have hit" has no speaker of its own: the Observatory is the source
    text = "According to the Observatory, Russian aircraft are said to have hit rebel positions in Talbiseh."
    assert targets(pipe, text) == {("Talbiseh", "monitor")}


def test_the_channel_is_the_broadcaster_named_before(pipe: Pipeline) -> None:
    # "the channel" after "Syrian state TV": one kind of medium named by another word
    text = (
        "Russian airstrikes hit a weapons convoy near Talbiseh, Syrian state TV reported. "
        "The warplanes also struck depots near Rastan, the channel said."
    )
    assert targets(pipe, text) == {("Talbiseh", "syria_gov"), ("Rastan", "syria_gov")}
