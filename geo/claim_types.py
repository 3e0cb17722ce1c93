"""What a speech frame claims about strikes: which words are strikes and whose, and the claim type.

A frame's strike words (verbs and nouns from `data/lexicon/`) anchor a claim when they report a
strike by the striking force: not a demand or a plan ("Russia must strike"), not a stance towards
strikes ("Iran supports Russian airstrikes"), not another force's strikes, not what others are
said to say unless the speaker rebuts it. The words around them then type the claim (IS hit,
rebels hit, civilians killed, no IS there, a denial) and give its casualty count.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from geo.lexicon import ordered, words
from geo.speakers import DENY_VERBS, SPEECH_VERBS, gives_a_toll
from geo.speech_subjects import agent_of
from geo.types import ClaimType

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Doc, Span, Token

    from geo.registry import Registry
    from geo.speakers import Frame

LOCATIVE_PREPS = words("place_preps")
STRIKE_VERBS = words("strike_verbs")
EFFECT_VERBS = words("effect_verbs")
STRIKE_NOUNS = words("strike_nouns")
AGENT_NOUNS = words("strike_agent_nouns")
NOT_STRIKE_MODIFIERS = words("not_strike_modifiers")
STANCE_VERBS = words("stance_verbs")
LIGHT_VERBS = words("light_verbs")
AIR_ONLY_NOUNS = words("air_only_nouns")
AIR_WORDS = words("air_words")
LANDING_VERBS = words("landing_verbs")
ROUTE_VERBS = words("route_verbs")
SORTIE_NOUNS = words("sortie_nouns")
HEARSAY_NOUNS = words("hearsay_nouns")
SHOWING_VERBS = words("showing_verbs")
MILITARY_OBJECTS = words("military_objects")
COUNT_NOUNS = words("count_nouns")
AIR_BACKING = words("air_backing")
_OTHER_CAUSES = words("other_causes")
_BLASTS = frozenset({"explosion", "blast", "detonation"})
_CRITICISED = words("criticised_things")
_COUNTED = words("casualty_nouns")
_HARM_LEMMAS = words("harm_words")
_NUMBER_WORDS = {w: i for i, w in enumerate(ordered("number_words"))}

SPECIFIC_TYPES = frozenset({"is_hit", "no_is_present", "civilians_killed", "rebels_hit", "denial"})

_IS = re.compile(r"(?<![\w-])(?:IS|ISIS|ISIL|Isil|Islamic State|Daesh|Daish|jihadists?)(?![\w])")
_TERROR = re.compile(r"\b(?:terrorists?|terrorism|militants?|extremists?|jihadists?)\b", re.I)
_REBELS = re.compile(
    r"\b(?:rebels?|rebel|opposition|moderate|Free Syrian Army|FSA|US-backed|Western-backed|"
    r"U\.S\.-backed|targeted them|insurgents?)\b",
    re.I,
)
_CIVILIANS = re.compile(
    r"\b(?:civilians?|children|women|residents|people|families|hospitals?|schools?)\b", re.I
)
_DEATH = re.compile(
    r"\b(?:kill\w*|dead|deaths?|died|casualt\w+|wounded|injur\w+|hurt|massacre"
    r"|lost (?:their|his|her) li(?:ves|fe))\b",
    re.I,
)
_NEGATIVE = re.compile(
    r"\b(?:not|no|none|free of|absence|whether|without|lack of|never|doubt\w*|question\w*)\b|n't", re.I
)
_REFUTE = re.compile(
    r"\b(?:unfounded|baseless|false|rumou?rs?|lies|nonsense|fabricat\w+|groundless|fake|so-called|"
    r"information (?:war\w*|attacks?)|propaganda|disinformation|no such data)\b",
    re.I,
)
_ASIDE = re.compile(r"\bwithout \w+ing\b[^.;]*", re.I)
_ABSENT = re.compile(
    r"\b(?:no|not|never|without|none)\b[^.;]{0,40}\b(?:presence|present)\b|\bfree of\b|"
    r"\b(?:little|marginal|minimal|limited|negligible|scant)\b[^.;]{0,15}\bpresence\b|"
    r"\b(?:there is|there are|there was|there were|there's) (?:no|not)\b|\bnot (?:a single|one)\b|"
    r"\bnowhere near\b|\bnothing to do with\b|"
    r"\b(?:no|not|never|nobody|no one|none)\b[^.;]{0,30}\banything to do with\b",
    re.I,
)
# "the only fighters in the area belonged to the Army of Conquest": who is there is someone else
_ONLY_OTHERS = re.compile(
    r"\bthe only (?:fighters|militants|armed (?:men|groups?)|groups?|factions?|forces|rebels)\b"
    r"[^.;]{0,40}\b(?:belong\w*|are|were)\b",
    re.I,
)


def read_claim_type(
    frame: Frame, tokens: list[Token], registry: Registry, source: str, *, foreign: bool = False
) -> tuple[ClaimType | None, str]:
    """What the frame claims about strikes, and whether its strike word is a verb or a noun. In a
    `foreign` article (geo.claim_types.foreign_strikes) only strikes that name the force count."""
    if frame.verb is not None and any(c.dep_ == "neg" for c in frame.verb.children):
        return None, ""  # "local sources did not confirm the reported airstrikes in X": no claim
    anchors = [t for t in tokens if is_strike(t, registry) and not _governed_elsewhere(t) and not _modal(t)]
    if foreign:
        anchors = [a for a in anchors if registry.force.search(_modifiers(a))]
    if frame.attributed and frame.verb is not None and frame.verb.lemma_ in DENY_VERBS:
        pass  # "denied reports that its jets hit rebels": what is denied is the claim's content
    elif frame.attributed:
        # "Talk began that civilians were hurt", "after reports its jets hit rebels": what others
        # say is the speaker's claim only when the speaker rebuts it ("the rumours that ... are
        # unfounded"); else the speaker's own words decide
        heard = _hearsay(tokens)
        own = [t for t in tokens if t.i not in heard]
        said = " ".join(source[t.idx : t.idx + len(t.text)] for t in own)
        if heard and not _REFUTE.search(said):
            anchors = [a for a in anchors if a.i not in heard]
            tokens = own
    if not anchors:
        text = " ".join(source[t.idx : t.idx + len(t.text)] for t in tokens)
        # "ISIL has no presence in Homs province"; "Russia says it targets IS, but rebels say they have
        # no presence in X": who is absent may be named earlier in the sentence
        sentence = source[tokens[0].sent.start_char : tokens[0].sent.end_char] if tokens else ""
        if frame.attributed and (
            (_IS.search(sentence) and _ABSENT.search(text)) or _ONLY_OTHERS.search(text)
        ):
            return "no_is_present", "presence"
        if (
            frame.verb is not None
            and frame.verb.lemma_ in DENY_VERBS
            and frame.side == registry.force_side
            and tokens
            and any(is_strike(t, registry) for t in tokens[0].sent)
        ):
            # "Syrian TV reported strikes near X, but Moscow denied carrying them out": the striking
            # side denies the strikes the sentence tells of
            return "denial", "noun"
        return None, ""
    if not any(registry.force.search(_modifiers(a)) for a in anchors) and not any(
        # "raids in support of a government offensive to retake X": the offensive is another
        # force's, the raids flown for it are the campaign's
        air_backed(a, registry)
        for a in anchors
    ):
        others = [a for a in anchors if other_force(a, registry) or _speakers_own(a, frame, registry)]
        if others:
            # "the four strikes that hit X came hours after army helicopters had dropped bombs on
            # it": a strike of its own, apart from the other force's, that names where it hit
            anchors = [
                a
                for a in anchors
                if not any(a.i == o.i or a.is_ancestor(o) or o.is_ancestor(a) for o in others)
                and any(t.pos_ == "PROPN" for t in a.subtree if t.i != a.i)
            ]
            if not anchors:
                return None, ""
    # "Iran supports Russian airstrikes in Syria" reports no strike; "the attacks hit A and B with the
    # backing of Russian air strikes" still reports the attacks
    anchors = [a for a in anchors if not _under_stance(a, frame)]
    if not anchors:
        return None, ""
    text = " ".join(source[t.idx : t.idx + len(t.text)] for t in tokens)  # as written, not as parsed
    # "targets included X" names where strikes hit as plainly as "struck X" does
    # and "put the toll from the strikes on X at 28" as plainly as "killed 28 in X"
    anchor_kind = (
        "verb"
        if any(a.pos_ == "VERB" or a.head.lemma_ == "include" for a in anchors)
        or (frame.verb is not None and gives_a_toll(frame.verb))
        # "strikes fell on X", "the bombing went on and had reached into X": the strikes land somewhere
        or any(_lands(a) for a in anchors)
        # "flew 200 sorties against positions in X" says where as plainly as "struck X"
        or any(flown_sortie(a) or _performed(a) for a in anchors)
        # "the casualties came in air strikes along the road": where the strikes killed
        or any(died_in(a) for a in anchors)
        # "Among the areas targeted were A and B" names them as plainly as "struck A and B"
        or any(t.lower_ == "among" and t.head.lemma_ == "be" for a in anchors for t in a.ancestors)
        # "a convoy came under air fire in X": what was there was struck
        or any(
            a.dep_ == "pobj" and a.head.lower_ == "under" and a.head.head.lemma_ == "come" for a in anchors
        )
        # "activists reported airstrikes in Aleppo and Idlib": the strikes are what is reported
        or (frame.verb is not None and any(_what_is_reported(a, frame.verb) for a in anchors))
        # "the ministry said the videos showed airstrikes on X": what footage shows
        or any(a.dep_ == "dobj" and a.head.lemma_ in SHOWING_VERBS for a in anchors)
        else "noun"
    )
    verb = frame.verb
    denies = verb is not None and verb.lemma_ in DENY_VERBS
    if all(negated(a) for a in anchors):
        # "no Russian aircraft bombed the convoy near Aleppo": the striking side denies a strike
        # there; anyone else saying strikes did not happen, or "there were no strikes in Idlib",
        # puts no strike anywhere
        if frame.side == registry.force_side and not any(existential(a) for a in anchors):
            return "denial", anchor_kind
        return None, ""
    # "lies" the noun ("blatant lies"), not the verb ("where his family village lies")
    refuted = bool(_REFUTE.search(text)) and not any(
        t.lower_ == "lies" and (t.pos_ == "VERB" or any(c.dep_ == "nsubj" for c in t.children))
        for t in tokens
    )
    if denies or (refuted and not _IS.search(text)):
        return "denial", anchor_kind
    if _CIVILIANS.search(text) and _DEATH.search(text):
        return "civilians_killed", anchor_kind
    if _REBELS.search(text):
        return "rebels_hit", anchor_kind
    if _IS.search(text) or _TERROR.search(text):
        # "..., without naming any towns": an aside, not a doubt about who was hit
        negative = _NEGATIVE.search(_ASIDE.sub("", text)) and not refuted
        return ("no_is_present" if negative else "is_hit"), anchor_kind
    return "strike_reported", anchor_kind


def negated(anchor: Token) -> bool:
    """ "had not struck", "never bombed", "no strikes", "no aircraft bombed", "did not carry out
    strikes", "carried out no strikes": a strike said not to have happened."""

    def no(tok: Token) -> bool:
        return any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in tok.children)

    if no(anchor):
        return True
    if anchor.dep_ in {"nsubj", "nsubjpass"} and anchor.head.lemma_ in _AIMED and no(anchor.head):
        # "the strikes were not aimed at Aleppo", "the bombs did not fall on X" ("did not hit ISIS"
        # says what was hit instead)
        return True
    if anchor.pos_ == "VERB":
        return any(c.dep_ in {"nsubj", "nsubjpass"} and no(c) for c in anchor.children)
    head = anchor.head
    return anchor.dep_ == "dobj" and head.lemma_ in LIGHT_VERBS and no(head)


_AIMED = frozenset(["aim", "direct", "fall", "land"])


def existential(anchor: Token) -> bool:
    """ "there were no strikes in Idlib": what is said is that strikes are absent there. A strike
    verb the parser hangs under a next clause's "there was" ("... struck X; there was no word of
    losses") is no such noun."""
    return anchor.pos_ != "VERB" and any(c.dep_ == "expl" for c in anchor.head.children)


def _lands(anchor: Token) -> bool:
    """A strike noun as the subject of a verb of landing or reaching, or of one conjoined with it;
    or of one of happening ("the bombings took place in Homs and Hama": where they happened)."""
    if anchor.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    verbs = [anchor.head, *(c for c in anchor.head.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    return any(
        v.lemma_ in LANDING_VERBS
        or v.lemma_ in ROUTE_VERBS
        or v.lemma_ in {"happen", "occur"}
        or (v.lemma_ == "take" and any(c.dep_ == "dobj" and c.lower_ == "place" for c in v.children))
        for v in verbs
    )


def _hearsay(tokens: list[Token]) -> set[int]:
    """The tokens of clauses that tell what others say: "reports that ...", "after reports its jets
    hit ...", "talk began that ..."."""
    out: set[int] = set()
    for t in tokens:
        if t.lemma_.lower() not in HEARSAY_NOUNS or t.pos_ not in {"NOUN", "VERB"}:
            continue
        if t.pos_ == "VERB" and (
            any(c.dep_ in {"nsubj", "nsubjpass"} for c in t.children)
            or not any(c.dep_ == "mark" and c.lower_ in _HEARSAY_MARKS for c in t.children)
        ):
            continue  # a real speech verb; "after reports its jets ..." is a noun the parser misread
        clauses = [c for c in t.children if c.dep_ in {"acl", "ccomp"}]
        if t.dep_ in {"nsubj", "nsubjpass"} and t.head.pos_ == "VERB":
            clauses += [c for c in t.head.children if c.dep_ == "ccomp"]  # "talk began that ..."
        for c in clauses:
            out.update(x.i for x in c.subtree)
    return out


_HEARSAY_MARKS = frozenset(["after", "amid", "following", "despite", "over"])


_WEAPONS = frozenset({"missile", "bomb", "bombs", "rocket"})


def foreign_strikes(docs: Sequence[Doc | Span], registry: Registry) -> bool:
    """Whether the strikes the text reports are another force's: some strike names another force
    as its striker and none names the campaign's force. A coalition strike report ("the US-led
    coalition conducted 30 strikes in Syria and Iraq ... Near Raqqa, 15 strikes engaged ...") goes
    on with strikes that name no striker; they are the coalition's, not the campaign's."""
    own = other = False
    for doc in docs:
        for tok in doc:
            if not is_strike(tok, registry) or (tok.pos_ != "VERB" and tok.lemma_.lower() in _WEAPONS):
                continue  # "a group that has received US-made missiles": a weapon is no one's strike
            mods = _modifiers(tok)
            if registry.force.search(mods) or _force_in_sentence(tok, registry):
                own = True
            elif registry.other_forces.search(_modifiers(tok, partners=False)):
                other = True
    return other and not own


def _force_in_sentence(anchor: Token, registry: Registry) -> bool:
    """Whether a strike's sentence names the campaign's force anywhere outside brackets: a suspect
    ("killed in air strikes, which he believed Russia or government forces carried out") keeps the
    article's strikes possibly the campaign's; an aside ("(banned in Russia)") does not."""
    kept, inside = [], False
    for t in anchor.sent:  # one pass, as `_bracketed` reads each token
        if not inside:
            kept.append(t.text)
        if t.text in {"(", "["}:
            inside = True
        elif t.text in {")", "]"}:
            inside = False
    return bool(registry.force.search(" ".join(kept)))


def _modal(anchor: Token) -> bool:
    """ "Russia must strike Daesh", "planes would hit", "concerns if Russia struck areas where ...":
    a demand, a plan or a condition, not a report; so are "would carry out airstrikes in X"."""
    tok = anchor.head if anchor.pos_ in {"NOUN", "PROPN"} and anchor.dep_ == "dobj" else anchor
    if any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in tok.children):
        return True
    for _ in range(3):  # "would keep striking": the modal sits on the verb the strike depends on
        if tok.pos_ not in {"VERB", "AUX"}:
            return False
        if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in tok.children):
            return True
        if tok.dep_ != "xcomp":
            return False
        tok = tok.head
    return False


_MODALS = frozenset("must should could would might may will shall ought".split())


def _governed_elsewhere(anchor: Token) -> bool:
    """ "to deconflict the Russian air strikes in Syria": strikes as the object of another act say
    nothing about where they hit."""
    head = anchor.head
    return (
        anchor.pos_ == "NOUN"
        and anchor.dep_ == "dobj"
        and head.pos_ == "VERB"
        and head.lemma_ not in LIGHT_VERBS | STRIKE_VERBS | SPEECH_VERBS | SHOWING_VERBS
        and not flown_sortie(anchor)
    )


def flown_sortie(tok: Token) -> bool:
    """ "flew 311 sorties", "had flown 46 missions against ...": what aircraft fly as strikes; so are
    the missions aircraft carry out ("Su-34 aircraft had carried out missions in the provinces of
    Homs and Hama"), where a light verb alone ("carried out a mission") could be anyone's errand."""
    if tok.dep_ != "dobj" or tok.lemma_.lower() not in SORTIE_NOUNS:
        return False
    verb = tok.head
    if verb.lemma_ in ROUTE_VERBS:
        return True
    return verb.lemma_ in LIGHT_VERBS - _NOT_PERFORMING and any(
        t.lemma_.lower() in AGENT_NOUNS or t.lower_ in AIR_WORDS
        for c in verb.children
        if c.dep_ in {"nsubj", "nsubjpass"}
        for t in c.subtree
    )


def died_in(tok: Token) -> bool:
    """The strikes people died in: "the casualties came in air strikes", "died during raids"."""
    return (
        tok.dep_ == "pobj"
        and tok.head.lower_ in {"in", "during"}
        and (tok.head.head.lemma_ == "come" or dies(tok.head.head))
        and tok.head.head.pos_ == "VERB"
    )


def dies(verb: Token) -> bool:
    """ "died", "perished", "were martyred", "lost their lives": a verb of dying."""
    return verb.lemma_ in {"die", "perish", "martyr"} or (
        verb.lemma_ == "lose"
        and any(c.dep_ == "dobj" and c.lemma_ in {"life", "lives"} for c in verb.children)
    )


_NOT_PERFORMING = frozenset(["appear", "be", "include"])


def counter_of(tok: Token) -> Token:
    """The quantity noun that counts `tok` ("a number of raids", "instances of airstrikes"), which
    stands where the strikes do in the clause; else `tok` itself."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in COUNT_NOUNS:
        return tok.head.head
    return tok


def counted_strike(noun: Token, registry: Registry) -> Token | None:
    """The strikes a quantity noun counts: "a number of airstrikes", "instances of Russian airstrikes"."""
    counted = [g for p in noun.children if p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
    if noun.lemma_.lower() in COUNT_NOUNS and counted and is_strike(counted[0], registry):
        return counted[0]
    return None


def _performed(tok: Token) -> bool:
    """ "launched airstrikes on X", "carried out a number of raids in Y", "strikes had been carried
    out in Z": strikes a light verb performs say where as plainly as "struck X" does."""
    tok = counter_of(tok)
    verb = tok.head
    return (
        tok.dep_ in {"dobj", "nsubjpass"}
        and verb.pos_ == "VERB"
        and verb.lemma_ in LIGHT_VERBS
        and verb.lemma_ not in _NOT_PERFORMING
    )


def is_strike(tok: Token, registry: Registry) -> bool:
    lemma = tok.lemma_.lower()
    if lemma == "bring" and any(c.dep_ == "prt" and c.lower_ == "down" for c in tok.children):
        lemma = "demolish"  # "one of the strikes brought down an apartment block": an effect of strikes
    elif lemma == "take" and any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children):
        lemma = "destroy"  # "a workshop ... was taken out", "jets took out a depot near X"
    if tok.pos_ == "PROPN" and lemma.endswith("s") and lemma[:-1] in STRIKE_NOUNS:
        lemma = lemma[:-1]  # a headline's "Russian Airstrikes in Syria": the tagger lemmatises no name
    if tok.pos_ in {"NOUN", "PROPN"}:
        if flown_sortie(tok):
            return True
        if lemma in AIR_ONLY_NOUNS:
            # "its air campaign in Syria", "the bombing campaign", "came under air fire"
            return any(c.lower_ in AIR_WORDS for c in tok.children if c.dep_ in {"compound", "amod"})
        if lemma not in STRIKE_NOUNS and not (lemma == "strike" or lemma.endswith("strike")):
            return False
        return not any(
            c.lower_ in NOT_STRIKE_MODIFIERS for c in tok.children if c.dep_ in {"compound", "amod"}
        )
    if tok.pos_ == "VERB" and lemma not in STRIKE_VERBS and air_backed(tok, registry):
        return True
    if tok.pos_ == "VERB" and lemma == "fly" and _flight_denied(tok):
        return True
    if (
        tok.pos_ == "VERB"
        and lemma in STRIKE_VERBS
        and any(c.dep_ == "dobj" and c.lemma_.lower() in _CRITICISED for c in tok.children)
    ):
        return False  # "Davutoglu attacked Russia's economic sanctions on Turkey": words, not weapons
    if tok.pos_ == "VERB" and dies(tok):
        # "eight more civilians lost their lives in Masran": as "were killed in" with no doer named
        victims = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        civilians = victims is not None and bool(_CIVILIANS.search(" ".join(t.text for t in victims.subtree)))
        return civilians and _no_other_cause(tok)
    if tok.pos_ != "VERB" or (lemma not in STRIKE_VERBS and not goes_after(tok)):
        return False
    if lemma not in EFFECT_VERBS and lemma != "go":
        # "a large explosion struck a building in al-Bab": a blast of no named cause is no air strike
        subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        return not (
            subject is not None
            and subject.lemma_.lower() in _BLASTS
            and not any(t.lower_ in AIR_WORDS for t in subject.subtree)
        )
    doer = _doer(tok)
    if (
        doer is not None
        and (doer.like_num or doer.ent_type_ == "CARDINAL" or _CIVILIANS.fullmatch(doer.text))
        and doer.dep_ == "nsubj"
    ):
        # "15 people had been killed and 30 wounded", "... and dozens wounded": a count of victims
        doer = None
    if doer is None:
        # "civilians were killed in Homs" in a strike story is the strikes' doing; "240,000 people
        # have been killed since the conflict erupted in 2011" is the war's
        return _no_other_cause(tok)
    phrase = _phrase(doer)
    return (
        any(t.lemma_.lower() in AGENT_NOUNS for t in doer.subtree)
        # "the ships of the Caspian Fleet fired 18 cruise missiles at targets in X": what was fired
        or (
            lemma == "fire"
            and any(c.dep_ == "dobj" and c.lemma_.lower() in AGENT_NOUNS for c in tok.children)
        )
        or bool(_AIRCRAFT.search(phrase))
        or bool(registry.force.search(phrase))
        # a ministry's "it had destroyed a command post": a military object says it was a strike
        or (
            doer.lower_ in {"it", "we"}
            and any(c.dep_ == "dobj" and c.lemma_.lower() in MILITARY_OBJECTS for c in tok.children)
        )
    )


def _flight_denied(verb: Token) -> bool:
    """ "Not a single Russian aircraft was flying over Haas", "our aircraft did not fly over X": the
    striking side's denial that its aircraft were there is a denial that they struck there."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or not any(
        t.lemma_.lower() in AGENT_NOUNS or t.lower_ in AIR_WORDS for t in subject.subtree
    ):
        return False
    over = any(c.dep_ == "prep" and c.lower_ in {"over", "above"} for c in verb.children)
    return over and negated(verb)


def _no_other_cause(verb: Token) -> bool:
    return not any(
        t.lemma_.lower() in _OTHER_CAUSES or (t.like_num and len(t.text) == 4 and t.text.isdigit())
        for t in verb.subtree
    )


UNREALISED = frozenset({"willing", "plan", "prepare", "intend", "threaten", "consider", "offer"})
"""What only readies a strike or an offensive ("preparing an offensive on X", "stood ready to consider
launching air strikes"): no one says it took place."""


def air_backed(verb: Token, registry: Registry) -> bool:
    """ "Syrian troops, backed by Russian jets, took X", "a campaign launched under Russian air cover
    with the aim of taking X": the force's aircraft strike where the ground operation they fly for
    goes, and outlets' annotators count its places as struck. "Russian-backed forces" (backing of
    any kind) and "backed by Syrian jets" (another force's) are no such support."""
    if verb.pos_ != "VERB" or verb.lemma_ in SPEECH_VERBS or verb.lemma_ in AIR_BACKING:
        return False
    if verb.lemma_ in UNREALISED:
        return False  # "troops, supported by Russian air power, are preparing an offensive on X": not yet
    if not any(t.lemma_ in AIR_BACKING for t in verb.sent):
        return False  # (is_strike asks this of every verb: most sentences name no backing at all)
    for clause in (verb, *verb.ancestors):
        if clause.pos_ == "VERB" and clause.lemma_ in SPEECH_VERBS:
            return False  # "troops backed by Russian jets said ...": a speaker, not the operation
        # "flying 25 bombing raids a day in support of an offensive to retake Palmyra", and the
        # purpose parsed as the strike's own ("carried out strikes in support of ... to retake X")
        if _flown_in_support(clause, registry) or (
            verb.dep_ == "advcl"
            and verb.head.i == clause.i
            and any(
                _flown_in_support(g, registry)
                for p in clause.children
                if p.dep_ == "prep"
                for g in p.children
            )
        ):
            return True
        doers = [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if (agent := agent_of(clause)) is not None:
            doers.append(agent)
        if any(
            _air_backing(c, registry) for c in (*clause.children, *(g for d in doers for g in d.children))
        ):
            return True
    return False


def _flown_in_support(support: Token, registry: Registry) -> bool:
    """ "raids in support of an offensive": strikes flown for a ground operation."""
    if not (support.lemma_ in AIR_BACKING and support.dep_ == "pobj" and support.head.lower_ == "in"):
        return False
    flown = support.head.head
    return is_strike(flown, registry) or any(
        c.dep_ == "dobj" and is_strike(c, registry) for c in flown.children
    )


def _air_backing(tok: Token, registry: Registry) -> bool:
    if tok.tag_ == "VBN" and tok.lemma_ in AIR_BACKING:
        phrase: Token | None = tok  # "backed by Russian air strikes"
    elif tok.dep_ == "prep" and tok.lower_ in {"under", "with"}:
        # "under the cover of Russian air strikes", "with the support of the Russian air force"
        phrase = next((g for g in tok.children if g.dep_ == "pobj" and g.lemma_ in AIR_BACKING), None)
    else:
        phrase = None
    if phrase is None:
        return False
    text = _phrase(phrase)
    aerial = bool(_AIRCRAFT.search(text)) or any(
        t.lower_ in AIR_WORDS or t.lemma_.lower() in AGENT_NOUNS for t in phrase.subtree
    )
    return aerial and not (registry.other_forces.search(text) and not registry.force.search(text))


def goes_after(verb: Token) -> bool:
    """ "the jets went after the towns of X and Y": a strike when aircraft or the force do it."""
    return verb.lemma_ == "go" and any(c.dep_ == "prep" and c.lower_ == "after" for c in verb.children)


_AIRCRAFT = re.compile(
    r"\b(?:Su|MiG|Mi|Tu|Ka|F|B|A)-\d+|\bSukhoi\b|\bTupolev\b|\b(?:air|aerospace) ?forces?\b|\baviation\b|"
    r"\bwarships?\b|\bfrigates?\b|\bsubmarines?\b",
    re.I,
)


def _what_is_reported(anchor: Token, verb: Token) -> bool:
    """ "activists reported airstrikes in X", "sources corroborated the strike claims in X": the
    strikes (or the claims of them) are the speech verb's object."""
    if anchor.dep_ == "compound" and anchor.head.lemma_.lower() in HEARSAY_NOUNS:
        anchor = anchor.head
    if anchor.dep_ == "pobj" and anchor.head.lower_ == "on" and anchor.head.head.i == verb.i:
        return verb.lemma_ == "report"  # "a correspondent reports on the deadly air strikes in X"
    anchor = counter_of(anchor)  # "sources reported instances of Russian airstrikes in X"
    return anchor.dep_ in {"dobj", "nsubjpass"} and anchor.head.i == verb.i


def _doer(verb: Token) -> Token | None:
    """Who did it: the subject, the agent ("killed by strikes"), the accused ("accused Moscow of
    killing"), the doer of what it is the means of ("by targeting"), or the subject of the clause a
    participle hangs on ("..., killing eight")."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    agent = agent_of(verb)
    if subj is not None and subj.lower_ in {"which", "that", "who"} and verb.dep_ == "relcl":
        return verb.head  # "the coalition, which has carried out 7,000 strikes"
    if subj or agent:
        return subj or agent
    if verb.dep_ == "pcomp" and verb.head.lower_ == "by" and verb.head.head.pos_ == "VERB":
        return _doer(verb.head.head)  # "accuse Moscow of backing Assad by targeting rebels": Moscow
    if verb.dep_ == "pcomp" and verb.head.head.pos_ == "VERB":
        return next((c for c in verb.head.head.children if c.dep_ == "dobj"), None)
    if verb.dep_ in {"advcl", "xcomp", "conj"} and verb.head.i != verb.i:
        if any(c.dep_ == "nsubjpass" for c in verb.children) and any(
            t.pos_ == "NOUN" and t.lemma_.lower() in STRIKE_NOUNS for t in verb.head.subtree
        ):
            # "five were wounded by similar bombing and two people were hurt in Batbo": a passive
            # of its own, beside the strikes that did it, names no other doer
            return None
        return next((c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return None


def _dropped_by(verb: Token) -> list[Token]:
    """Who dropped or fired what a participle tells of: "dropped by (or from) government helicopters"."""
    return [
        g
        for b in verb.children
        if b.dep_ == "agent" or (b.dep_ == "prep" and b.lower_ == "from")
        for g in b.children
        if g.dep_ == "pobj"
    ]


def _phrase(tok: Token) -> str:
    return " ".join(t.text for t in tok.subtree)


def _modifiers(anchor: Token, *, partners: bool = True) -> str:
    """Who the strike belongs to: its subject, agent, possessor and modifiers, as text."""
    parts = [c for c in anchor.children if c.dep_ in {"nsubj", "amod", "compound", "poss", "agent", "nmod"}]
    if anchor.pos_ == "NOUN":  # "an airstrike by Syrian government forces"
        parts += [g for c in anchor.children if c.dep_ == "prep" and c.lower_ == "by" for g in c.children]
        # "bombs dropped by (or from) government helicopters", "strikes carried out by regime jets"
        parts += [g for c in anchor.children if c.dep_ == "acl" for g in _dropped_by(c)]
    if anchor.dep_ == "relcl" and any(c.lower_ in {"which", "that", "who"} for c in anchor.children):
        parts.append(anchor.head)
    doer = _doer(anchor) if anchor.pos_ == "VERB" else None
    if anchor.dep_ == "dobj" and anchor.head.lemma_ in LIGHT_VERBS:
        doer = _doer(anchor.head)  # "U.S. and coalition aircraft conducted 22 strikes"
    if doer is not None and all(doer.i != p.i for p in parts):
        parts.append(doer)  # "Regime helicopters dropped barrel bombs ..., killing eight"
    if doer is not None and doer.lower_ in {"it", "they"} and doer.head.dep_ == "advcl":
        # "the US-led coalition caused more deaths ..., as it stepped up attacks around Mosul": "it"
        # is the main clause's subject
        parts += [c for c in doer.head.head.children if c.dep_ == "nsubj"]
    if anchor.dep_ in {"conj", "advcl"} and doer is not None and doer.head.i == anchor.head.i:
        # "Bombs dropped by government helicopters killed five", parsed as dropped and killed: who
        # dropped the subject the two verbs share
        parts += _dropped_by(anchor.head)
    if any(p.dep_ == "poss" and p.pos_ == "PRON" for p in parts):
        # "the U.S. would continue its own airstrikes": "its" is the clause's subject
        parts += [s for s in _clause_subjects(anchor)]
    if any(p.lower_ in _SELF and p.head.lemma_ not in {"appear", "seem", "be"} for p in parts):
        # "the US military says it carried out a strike", "Centcom says its strike killed ...": the
        # one who speaks of its own strikes
        parts += _speakers_of(anchor)
    # "the coalition against the Daesh (outlawed in Russia) group": a bracketed aside names no owner;
    # "airstrikes by jets in X, western Syria": where the jets struck names no owner either
    return " ".join(
        " ".join(
            t.text
            for t in p.subtree
            if not _bracketed(t)
            and not _compared(t, p)
            # "along with Russian warplanes" is a partner, though "along" may be a locative word
            and (partners if _a_partner(t, p) else not _placed(t, p))
        )
        if p.dep_ != "relcl"
        else p.text
        for p in parts
    )


def _a_partner(tok: Token, part: Token) -> bool:
    """Whether a token of an owner's phrase names who acts beside it ("together with the army")."""
    while tok.i != part.i:
        if tok.dep_ == "prep" and (
            tok.lower_ == "alongside"
            or (tok.lower_ == "with" and tok.i > 0 and tok.doc[tok.i - 1].lower_ in {"together", "along"})
        ):
            return True
        tok = tok.head
    return False


def _compared(tok: Token, part: Token) -> bool:
    """Whether a token of an owner's phrase names what it is compared with ("jets flying higher than
    Syrian aircraft usually do"), which owns nothing."""
    while tok.i != part.i:
        if tok.lower_ == "than" or any(c.lower_ == "than" for c in tok.children):
            return True
        tok = tok.head
    # "... than Syrian aircraft usually do had fired ...", the comparison parsed as the strike's clause
    return part.dep_ == "nsubj" and any(c.lower_ == "than" and c.dep_ == "mark" for c in part.head.children)


def _placed(tok: Token, part: Token) -> bool:
    """Whether a token of an owner's phrase sits in a locative phrase of it ("jets in Talbiseh")."""
    while tok.i != part.i:
        if tok.dep_ == "prep" and tok.lower_ in LOCATIVE_PREPS:
            return True
        tok = tok.head
    return False


def _bracketed(tok: Token) -> bool:
    """Whether a token sits inside brackets within its sentence."""
    for t in reversed(tok.doc[tok.sent.start : tok.i]):
        if t.text in {"(", "["}:
            return True
        if t.text in {")", "]"}:
            return False
    return False


_SELF = frozenset({"it", "its", "we", "our", "they", "their"})


def _speakers_of(tok: Token) -> list[Token]:
    """The subject of the speech verb whose clause holds `tok`."""
    for _ in range(8):
        if tok.head.i == tok.i:
            return []
        tok = tok.head
        if tok.lemma_ in SPEECH_VERBS and tok.pos_ == "VERB":
            return [c for c in tok.children if c.dep_ == "nsubj"]
    return []


def _clause_subjects(tok: Token) -> list[Token]:
    for _ in range(6):
        if tok.pos_ in {"VERB", "AUX"}:
            return [c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return []


def other_force(anchor: Token, registry: Registry) -> bool:
    """Whether the strike is another force's: its owner names one and none names the campaign's
    force. A partner beside the striker ("the warplanes, together with the Syrian Army's
    artillery, hit X") makes no strike the partner's, though it names the campaign's force when it
    is that ("Syrian jets, along with Russian warplanes, pounded X")."""
    # "barrel bombs": the weapon itself names its force
    weapon = " ".join([*(t.text for t in anchor.lefts if t.dep_ in {"compound", "amod"}), anchor.text])
    own = f"{_modifiers(anchor, partners=False)} {weapon}"
    return bool(registry.other_forces.search(own)) and not registry.force.search(
        f"{_modifiers(anchor)} {weapon}"
    )


def _speakers_own(anchor: Token, frame: Frame, registry: Registry) -> bool:
    """ "Israel said its jets had struck ...": "its" is the speaker, here another force."""
    owners = [c for c in anchor.subtree if c.dep_ == "poss" and c.lower_ in {"its", "their", "our"}]
    speaker = frame.speaker
    return bool(owners) and bool(registry.other_forces.search(speaker)) and not registry.force.search(speaker)


def _under_stance(anchor: Token, frame: Frame) -> bool:
    """ "Iran supports Russian airstrikes in Syria": a stance towards strikes, not a report of them;
    but "backing Assad by targeting rebels" reports the strikes as the means of the stance."""
    tok = anchor
    for _ in range(8):
        if frame.verb is not None and tok.i == frame.verb.i:
            return False
        if tok.dep_ == "pcomp" and tok.head.lower_ == "by":
            return False
        if tok.lemma_ in STANCE_VERBS or (tok.lemma_ == "backing" and tok.pos_ == "NOUN"):
            return True
        if tok.head.i == tok.i or (tok.dep_ == "conj" and tok.pos_ == "VERB"):
            return False  # a verb joined to the stance tells its own act ("to back Assad carried out")
        tok = tok.head
    return False


def count_casualties(tokens: list[Token]) -> int | None:
    """The number of people a claim says were killed or hurt: "killing 36 civilians", "17 people
    died". "5,000 militants are hiding" counts no casualties."""
    for t in tokens:
        if (
            t.dep_ == "nummod"
            and (_CIVILIANS.match(t.head.text) or t.head.lemma_ in _COUNTED)
            and _harmed(t.head)
        ):
            value = _number(t.text)
            if value is not None:
                return value
    return None


def counted_at(place: Token) -> bool:
    """Whether a place is where counted victims are: "17 civilians in the town of Talbiseh", "9
    civilians in al-Rastan", "4 civilians in the villages of A and B"."""
    tok = place
    for _ in range(6):
        if tok.dep_ in {"conj", "appos", "compound"} or (tok.dep_ == "pobj" and tok.head.lower_ == "of"):
            tok = tok.head if tok.dep_ != "pobj" else tok.head.head
            continue
        break
    if tok.dep_ != "pobj" or tok.head.lower_ not in {"in", "at"}:
        return False
    counted = tok.head.head
    if counted.pos_ == "VERB" and counted.lemma_ in {"die", "kill", "wound", "injure"}:
        # "35 people died in the town of A": who died there
        counted = next((c for c in counted.children if c.dep_ in {"nsubj", "nsubjpass"}), counted)
    if counted.like_num:
        return True  # "..., 15 in the town of B": the count alone, its people elided
    return (bool(_CIVILIANS.fullmatch(counted.text)) or counted.lemma_ in _COUNTED) and any(
        c.dep_ == "nummod" for c in counted.children
    )


def _harmed(counted: Token) -> bool:
    """Whether the counted people are the ones a death or injury word is about: its object or
    subject ("killing 36 civilians", "11 people died"), or described by it ("36 dead civilians")."""
    near = [counted, *counted.children]
    tok = counted
    for _ in range(3):  # "the deaths of 36 civilians", "killed at least 17 people"
        if tok.head.i == tok.i:
            break
        tok = tok.head
        near.append(tok)
    return any(_DEATH.fullmatch(t.text) or t.lemma_.lower() in _HARM_LEMMAS for t in near)


def _number(text: str) -> int | None:
    clean = text.replace(",", "")
    if clean.isdigit():
        return int(clean)
    return _NUMBER_WORDS.get(text.lower())
