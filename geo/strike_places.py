"""Where a frame's strikes hit: which of its places the parse ties to a strike as where it happened.

A place is a target when a locative preposition or a direct object ties it to a strike predicate
("struck positions in Syria", "airstrikes in the province of Hama"), including the members of a
list ("A, B and C", "A; the towns of B and C"), and a relative locator that is the only locator
("a command post near Hama"). It is context when it only describes a struck place ("Talbiseh,
near Homs"), names an actor ("Moscow said"), is a route, a plan denied ("no plans to extend
strikes to Iraq"), history ("Afghanistan in 1979") or a dateline.
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from geo.claim_types import (
    EFFECT_VERBS,
    LIGHT_VERBS,
    LOCATIVE_PREPS,
    ROUTE_VERBS,
    STRIKE_VERBS,
    UNREALISED,
    counted_strike,
    died_in,
    dies,
    existential,
    flown_sortie,
    goes_after,
    is_strike,
    negated,
    other_force,
)
from geo.lexicon import table, words
from geo.mentions import a_place_label, member_before, name_word
from geo.names import ARTICLES
from geo.speakers import SPEECH_VERBS, ancestors_until
from geo.speech_subjects import closing_speaker
from geo.strike_verbs import (
    described_as_struck,
    flown_strikes,
    ground_doer,
    lands,
    strikes_travel,
    struck_there,
    subject_of,
)
from geo.types import ClaimPlace, Role

if TYPE_CHECKING:
    from spacy.tokens import Token

    from geo.registry import Registry
    from geo.speakers import Frame

ROUTE_PREPS = frozenset(["over", "via", "through", "across_from"])
_HOLDING_VERBS = frozenset(["hold", "control", "seize", "capture", "occupy", "use"])
_ON_TARGETS = frozenset(["on", "against"])
INTENT_WORDS = words("intent_words")
STATUS_VERBS = words("status_verbs")
NAVAL_NOUNS = words("naval_nouns")
PLACE_NOUNS = words("place_nouns")
# compass points as nouns ("to the north of"); the resolver's `directions` list is their adjectives too
DIRECTION_NOUNS = words("directions") - {"central"}
COMPASS_WORDS = DIRECTION_NOUNS | {w + "ern" for w in DIRECTION_NOUNS}
_OTHER_EVENTS = words("other_events")
# a site or feature a place's name is given to: "the Tabqa airport", "the Salma hospital", "the
# Thardah mountain" are where the place is
SITE_NOUNS = (words("site_words") | words("military_objects") | words("local_feature_words")) - {
    "village",
    "target",
    "position",
}
# how a name sits before its place noun: "Idlib province" (the small model often reads "Aleppo" as an
# adjective there)
NAME_DEPS = frozenset(["compound", "amod"])


def presence_role(root: Token) -> Role:
    """In "ISIL has no presence in Homs province" the place is where the claim puts the strikes."""
    root = listed_for(root)
    if root.dep_ in NAME_DEPS and is_noun_of(root.head, PLACE_NOUNS):
        root = root.head
    while root.dep_ in {"conj", "appos"}:
        root = root.head
    if _of_an_area(root):
        root = root.head.head  # "no Daesh in the north of Hama", "in the countryside of Idlib"
    return "target" if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS else "context"


def _of_an_area(root: Token) -> bool:
    """ "the north of Hama", "the countryside of Idlib": the name stands where its part stands."""
    return (
        root.dep_ == "pobj"
        and root.head.lower_ == "of"
        and (is_noun_of(root.head.head, PLACE_NOUNS) or is_noun_of(root.head.head, DIRECTION_NOUNS))
    )


def _blamed_on(root: Token) -> bool:
    """ "Monitors blamed the raids on Russia": who is blamed, which the parser may read as the raids'
    target."""
    on = root.head
    blamed = on.head.head if on.head.dep_ == "dobj" else on.head
    return root.dep_ == "pobj" and on.lower_ == "on" and blamed.lemma_ == "blame"


def place_role(
    root: Token, frame: Frame, registry: Registry, ref_year: int | None, names: frozenset[int] = frozenset()
) -> Role:
    """Target when the parse ties the place to a strike as where it happened; context otherwise."""
    root = listed_for(root)
    if _blamed_on(root):
        return "context"
    if _compass_run(root.head, names) == root:
        root = root.head  # "raids on the town of al-Zafarana north Homs": the place the phrase heads
    elif _compass_run(root, names) is not None:
        return "context"  # its descriptor
    if root.pos_ == "VERB" and name_word(root):
        root = member_before(root)  # "A and Tell B" parsed as "and tell B": B stands where A does
    if root.dep_ == "compound" and root.head.dep_ == "compound" and is_noun_of(root.head.head, PLACE_NOUNS):
        root = root.head  # "the Bayirbucak Turkmen region": a people's name between the name and its noun
    if root.dep_ in NAME_DEPS and is_noun_of(root.head, PLACE_NOUNS):
        root = root.head  # "in the Homs countryside", "Idlib province"
    while (
        root.dep_ == "appos"
        and root.pos_ == "PROPN"
        and (root.head.pos_ == "PROPN" or is_noun_of(root.head, PLACE_NOUNS))
    ):
        # a name beside a name: "Kafr Zita; Latamneh", "in Lataminah, Hama"; the names of the places
        # a noun counts: "in two provinces, Idlib in the northwest and Deir ez-Zor in the east"
        root = root.head
    if root.dep_ == "poss" and (root.head.i in names or is_noun_of(root.head, PLACE_NOUNS)):
        root = root.head  # "Idlib's al-Dana town", "Syria's Hama province": where the place it holds is
    if root.dep_ in {*NAME_DEPS, "nmod"} and is_noun_of(root.head, SITE_NOUNS):
        if any(
            c.dep_ == "prep"
            and c.lower_ in {"in", "near", "outside"}
            and any(g.i in names for g in c.children)
            for c in root.head.children
        ):
            return (
                "context"  # "al-Quds hospital in Aleppo": a name the site bears, in the place named after it
            )
        root = root.head  # "near the Tabqa military airport", "the Kweires air base": where the site is
    described = described_as_struck(root, registry)
    if (
        described is not None
        and not (other_force(described, registry) or ground_doer(described))
        and not _labels_a_placed_noun(root, described, names)
    ):
        return "target"  # "a resident of Rastan, one of the towns bombed by Russian planes"
    if a_place_label(root) and root.dep_ == "ROOT":
        # "Al Latamneh: three thermobaric missile attacks on civilian homes": the line is the label's
        told = [c for c in root.children if c.dep_ in {"appos", "dep", "acl"} and is_strike(c, registry)]
        return "target" if told and not other_force(told[0], registry) else "context"
    actor_like = root.dep_ in {
        "nsubj",
        "poss",
        "compound",
        "amod",
        "npadvmod",
        "appos",
    } and not a_place_label(root)
    if actor_like and root.head.pos_ != "ADP" and not _ellipsis(root.head) and not listed_among(root):
        return "context"  # an actor named by its place: "Moscow said", "Syria's president"
    if _historical(root, ref_year) or _describes_a_place(root, names) or _in_dateline(root):
        return "context"
    if _in_a_remit(root):
        return "context"
    if _tally_item_without_strike(root, registry):
        return "context"
    locative = via_acl = contained = False
    own_prep = -1  # the locative preposition that governs the place itself
    first_prep = True
    tok = root
    for _ in range(24):  # a long list climbs one member a step
        head = tok.head
        if locative and tok.i != root.i and tok.i in names and tok.dep_ == "pobj":
            # "raids on the village of X in the Y countryside": Y contains X, and a preposition that
            # places X tells the strike for Y as it does for X
            contained = True
        if first_prep and tok.dep_ == "dobj" and head.dep_ == "acl" and head.lemma_ in _SURROUNDING:
            # "targeting rebel-held towns surrounding Fu'ah and Kafraya": a participle that places
            # its noun as "around" does, the only locator of the towns struck
            locative, first_prep, own_prep = True, False, head.i
            tok = head
            continue
        if tok.i == own_prep and tok.dep_ == "conj" and head.pos_ == "ADP":
            own_prep, tok = head.i, head  # "in and around Palmyra": the first preposition is both's
            continue
        if (
            locative
            and (tok.i == own_prep or (contained and tok.dep_ == "prep"))
            and (beside := _strike_told_beside(head, tok, registry)) is not None
        ):
            unrealised = _intent_only(beside, frame)
            return (
                "context" if other_force(beside, registry) or ground_doer(beside) or unrealised else "target"
            )
        if locative and tok.i != head.i and _in_the_aftermath(head, registry):
            return "target"  # "damaged buildings in X after the strikes"
        said = (frame.verb is not None and head.i == frame.verb.i) or (
            head.lemma_ in SPEECH_VERBS and head.pos_ == "VERB"
        )
        if said and tok.i == own_prep:
            # "activists reported airstrikes in Aleppo": the place hangs on the verb, not the strikes;
            # so it does when the parse left the reporters no frame ("sources went on reporting ...")
            reported = [
                strike
                for c in head.children
                if c.dep_ == "dobj"
                and (strike := _strike_shown(c, frame, registry)) is not None
                # "reported raids on Palmyra, in the province of Homs": right after, or after a comma
                and tok.i - c.right_edge.i - (tok.doc[tok.i - 1].text == ",") == 1
            ]
            if reported and not other_force(reported[0], registry):
                return "target"
        if (
            frame.verb is not None
            and head.i == frame.verb.i
            and tok.i < head.i
            and head.dep_ == "conj"
            and closing_speaker(head) is not None
        ):
            # "... took place in the provinces of A, B and C, the ministry stated in a communiqué":
            # what the parser hangs on a closing speech verb from before it is the account's
            head = head.head
        if head.i == tok.i or (frame.verb is not None and head.i == frame.verb.i):
            return "context"
        if head.lemma_ in SPEECH_VERBS and head.pos_ == "VERB":
            struck = [c for c in head.children if c.dep_ == "xcomp" and is_strike(c, registry)]
            reported = [
                s
                for c in head.children
                if c.dep_ == "nsubjpass" and (s := _a_strike_or_its_toll(c, registry)) is not None
            ]
            if locative and tok.i == own_prep and reported and not other_force(reported[0], registry):
                return "target"  # "the air strikes were reported near the villages of A and B"
            if not (tok.dep_ == "nsubjpass" and struck):
                return "context"
            # "a base in Latakia was said to have been hit": the subject is what was hit
            locative = True
            head = struck[0]
        if head.pos_ == "ADP" or tok.dep_ == "pobj":
            prep = head.lower_
            flown = head.head
            while (
                prep == "over"
                and flown.dep_ == "pobj"
                and flown.head.dep_ == "prep"
                and not is_strike(flown, registry)
            ):
                flown = flown.head.head  # "flew 20 sorties during the daylight hours over X"
            if prep == "over" and (
                (
                    first_prep
                    and any(
                        flown_sortie(t) or (t.pos_ == "NOUN" and t.dep_ != "nsubj" and is_strike(t, registry))
                        for t in (flown, *flown.children)
                    )
                )
                # "no Russian aircraft flew over X": where the striking side denies its aircraft were
                or (flown.pos_ == "VERB" and flown.lemma_ == "fly" and is_strike(flown, registry))
            ):
                # "flew 55 sorties over Syria", "launched an attack over the countrysides of Idlib and
                # Aleppo": where sorties are flown and attacks made is where they strike (not "flew
                # over Turkey")
                prep = "in"
            if prep == "from" and _a_distance_before(head):
                prep = "near"  # "a position 13 km from Aleppo", parsed as struck from Aleppo: a locator
            if prep in ROUTE_PREPS or prep == "beyond" or (prep == "from" and head.head.pos_ == "VERB"):
                return "context"  # a route; "fired missiles from warships in X": where they left
            if prep == "as" and head.i > 0 and head.doc[head.i - 1].lower_ in {"well", "such"}:
                tok = head  # "..., as well as the town of X", "villages such as X": a list
                continue
            if first_prep:
                first_prep = False
                if prep in LOCATIVE_PREPS:
                    locative = True
                    own_prep = head.i
                elif prep == "of" and (
                    is_noun_of(head.head, PLACE_NOUNS)
                    # "10 in the district of A and six in that of B": the pronoun stands for the noun
                    or (head.head.lower_ in {"that", "those"} and head.head.dep_ == "pobj")
                ):
                    first_prep = True  # "province of Homs": the next preposition decides
                    if head.head.dep_ in {"advmod", "npadvmod"}:
                        locative = True  # "fell north of Homs"
                elif prep in {"to", "toward", "towards"} and (there := struck_there(head.head, registry)):
                    # "flew to the outskirts of X and struck positions there": where the route ends
                    return "context" if other_force(there, registry) or ground_doer(there) else "target"
                elif prep == "to" and lands(head.head, registry):
                    locative = True  # "the air offensive has spread to Homs and Hama"
                    own_prep = head.i
                elif prep == "to" and is_noun_of(tok, DIRECTION_NOUNS):
                    locative = True  # "a plant to the north of the city of Homs"
                elif prep == "to" and head.head.lower_ in {"close", "closer", "next", "adjacent"}:
                    locative = True  # "a command post close to Raqqa"
                elif prep == "of" and is_strike(head.head, registry) and not _the_force(tok, registry):
                    locative = True  # "the Russian bombing of the village of al-Sultan"
                    own_prep = head.i
                elif prep == "by" and head.dep_ == "prep" and is_noun_of(tok, PLACE_NOUNS):
                    locative = True  # "destroyed a training camp by the city of X" (not "by jets")
                    own_prep = head.i
                elif prep == "after" and goes_after(head.head):
                    locative = True  # "went after the towns of X"
                elif prep == "against" and (
                    is_strike(head.head, registry)
                    or any(c.dep_ == "dobj" and is_strike(c, registry) for c in head.head.children)
                ):
                    locative = True  # "20 air strikes against Rastan", "flew 20 sorties ... and against X"
                    own_prep = head.i
                else:
                    return "context"
        if (
            head.lemma_ == "fire"
            and head.pos_ == "VERB"
            and tok.i == own_prep
            and not (tok.lower_ in _AIMED and tok.i > head.i)
        ):
            # "missiles fired from warships in the Mediterranean": where they left; not "fired
            # missiles at the town of X", where they were aimed
            return "context"
        if (
            tok.dep_ == "prep"
            and tok.lower_ == "from"
            and any(a.lemma_ == "fire" for a in [head, *head.ancestors][:3])
        ):
            return "context"  # "fired missiles at targets in Syria from warships in the Caspian Sea"
        if tok.dep_ == "prep" and head.pos_ == "NOUN" and is_noun_of(head, _TALKS):
            return "context"  # "a day after the talks in Tehran": where the talks were, no strike
        if (
            head.lemma_ in ROUTE_VERBS
            and not strikes_travel(head, registry)
            and not flown_strikes(head, registry)
            and not is_strike(head, registry)  # "no Russian aircraft flew over X": a denied flight
        ):
            return "context"
        if _ellipsis(head) and tok.dep_ in {"nsubj", "nsubjpass"}:
            # "Talbisah was hit, as were al-Rastan and Zaafaraniyeh": the subjects of the elided
            # verb are where the strike verb's subject is
            tok, head = head, head.head
            if is_strike(head, registry) and not other_force(head, registry):
                return "target" if not _intent_only(head, frame) else "context"
        if tok.dep_ == "conj" and tok.lemma_.lower() in _OTHER_EVENTS:
            return "context"  # "airstrikes in X, as well as fighting ... in Y": another event's place
        if (
            not locative
            and tok.dep_ == "conj"
            and is_noun_of(tok, PLACE_NOUNS)
            and head.pos_ == "VERB"
            and _after_as_well_as(tok)
            and (strike := next((a for a in head.ancestors if is_strike(a, registry)), None)) is not None
            and (struck_object := next((c for c in strike.children if c.dep_ == "dobj"), None)) is not None
        ):
            # "struck districts in the city for the second day running, as well as the towns of A and
            # B", the towns parsed as joined to "running": another object of the strike
            tok = struck_object
            continue
        if (
            not locative
            and tok.dep_ == "conj"
            and is_noun_of(tok, PLACE_NOUNS)
            and is_strike(head, registry)
            and any(c.dep_ == "prep" and c.lower_ in {"on", "against", "in", "of"} for c in head.children)
        ):
            # "raids on the city of A and the villages of B", parsed as raids and villages: the
            # villages are another object of "on" (of "of" in "the bombardment of the town of A and
            # the cities of B")
            locative = True
        if (
            not locative
            and tok.dep_ == "conj"
            and tok.pos_ == "NOUN"
            and head.pos_ == "NOUN"
            and head.dep_ in {"dobj", "nsubjpass"}
        ):
            # "hit targets around A and the villages of B": the villages are struck as the targets are
            tok = head
            continue
        anchor = _anchor(head, registry)
        if (
            anchor is not None
            and tok.dep_ == "nsubj"
            and head.pos_ == "VERB"
            and own_prep >= 0
            and root.doc[own_prep].head.i == tok.i
            and is_noun_of(tok, NAVAL_NOUNS)
        ):
            return "context"  # "warships in the Caspian Sea fired missiles at ...": where they left
        if anchor is not None:
            direct = (
                tok.dep_ in {"dobj", "nsubjpass"}
                or (tok.dep_ == "conj" and tok.pos_ in {"NOUN", "PROPN"})
                or a_place_label(tok)
            )
            # "started bombing areas": the gerund's object, the parser's compound head, is what it struck
            gerund = anchor.dep_ == "compound" and anchor.head.i == tok.i
            if (
                (
                    direct
                    and head.pos_ == "VERB"
                    and (
                        is_strike(head, registry)
                        or head.lemma_ == "include"
                        or lands(head, registry)
                        or gerund
                    )
                )
                or (
                    tok.dep_ in {"nsubj", "conj"}
                    and head.lemma_ == "be"
                    and _among(head, registry) is not None
                )
                or (tok.dep_ == "nsubj" and _came_under(head, registry) is not None)
            ):
                locative = True  # "struck Talbiseh", "Homs was bombed", "targets included X and Y"
            elif via_acl and not (tok.dep_ == "prep" and tok.lower_ in _ON_TARGETS and head.i == anchor.i):
                return "context"  # not "strikes on areas held by rebels in X", whose areas were struck
            if not locative or other_force(anchor, registry) or _intent_only(head, frame):
                return "context"
            if ground_doer(anchor):
                return "context"
            if (existential(anchor) and negated(anchor)) or (
                negated(anchor) and frame.side != registry.force_side
            ):
                return "context"  # "did not strike X but bombed Y": only the striking side denies
            return "target"
        if dies(head) and head.pos_ == "VERB" and locative and tok.i == own_prep:
            return "target"  # "the raids killed 25, most of whom died in the villages of A and B"
        if locative and tok.lower_ in _AIMED and (aimed := _strike_aimed(head, registry)) is not None:
            return "context" if other_force(aimed, registry) or ground_doer(aimed) else "target"
        if head.pos_ == "VERB" and tok.dep_ not in {"conj", "appos"} and head.lemma_ not in LIGHT_VERBS:
            # "hit camps where civilians were sheltering on the bank of the Euphrates": a "where"
            # clause locates its noun as an "acl" participle does (not a name's own place: "where the
            # Islamic State in Iraq and Syria runs camps")
            where = (
                head.dep_ == "relcl"
                and (
                    any(c.lower_ == "where" for c in head.children)
                    # "areas that the terrorists had seized in the north of Hama": who holds the
                    # noun, and where, as "areas held by rebels in X" says
                    or head.lemma_ in _HOLDING_VERBS
                )
                and own_prep >= 0
                and root.doc[own_prep].head.pos_ != "PROPN"
            )
            if head.lemma_ in STATUS_VERBS:
                return "context"  # "Jabhat al-Nusra (a terrorist group banned in Russia)": where a law holds
            # "a depot located 10 km from X was destroyed", "located" parsed as the verb's subject
            placed = head.dep_ == "acl" or head.lemma_ in {"locate", "situate"}
            if not (locative and (placed or where)) or via_acl:
                return "context"  # the place belongs to a predicate that is not a strike
            # "a plant turning out munitions north of Homs was wiped out": it locates the noun,
            # when that noun is what was struck (not "warships stationed in the Mediterranean")
            via_acl = True
        tok = head
    return "context"


def _strike_told_beside(head: Token, prep: Token, registry: Registry) -> Token | None:
    """The strike a place's own preposition `prep` locates, though it hangs on `head`, a word that is
    no strike: the struck thing's location ("the destroyed base lay on the outskirts of X"), strikes
    right before a misattached "on" ("wounds suffered in the raids on X"), or a participle after the
    place phrase ("villages in X bombed from the air")."""
    return (
        where_the_struck_thing_is(head, registry)
        or (_strikes_right_before(prep, registry) if head.pos_ == "VERB" else None)
        or _struck_as_described(head, prep, registry)
    )


def _strike_aimed(verb: Token, registry: Registry) -> Token | None:
    """ "a bombardment aimed at Douma and Harasta": the strike a participle of aim says the place
    was aimed at (ANNOTATION.md counts strikes "aimed at a place"); also when the parser hangs it on
    the doer ("bombardment by the regime and the Russian occupation aimed at Douma")."""
    if verb.lemma_ not in {"aim", "direct"} or verb.dep_ != "acl":
        return None
    noun = verb.head
    if is_strike(noun, registry):
        return noun
    while noun.dep_ == "conj":
        noun = noun.head
    by = noun.head
    if noun.dep_ == "pobj" and by.lower_ == "by" and is_strike(by.head, registry):
        return by.head
    return None


def where_the_struck_thing_is(verb: Token, registry: Registry) -> Token | None:
    """ "The destroyed base lay on the outskirts of Salma"; "the command center stood near the town of
    As Sukhnah" after "warplanes destroyed an ISIL command center": a sentence that only says where
    the struck thing is says where the strike fell. The strike is the subject's own participle, or
    the verb that struck the same thing earlier in the story (a definite noun refers back)."""
    if verb.lemma_ not in _LOCATING_VERBS:
        return None
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.pos_ != "NOUN":
        return None
    participle = next(
        (
            c
            for c in subject.children
            if c.dep_ in {"amod", "acl"} and (is_strike(c, registry) or c.lemma_.lower() in STRIKE_VERBS)
        ),
        None,
    )
    if participle is not None:
        return participle
    if not any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in subject.children):
        return None
    earlier = subject.doc[max(0, subject.sent.start - _BACK_REFERENCE_TOKENS) : subject.sent.start]
    for t in reversed(earlier):
        if t.lemma_ == subject.lemma_ and t.dep_ in {"dobj", "nsubjpass"} and is_strike(t.head, registry):
            return t.head
    return None


_SURROUNDING = frozenset({"surround", "encircle"})
_LOCATING_VERBS = frozenset({"be", "lie", "stand", "sit", "locate", "situate"})
_BACK_REFERENCE_TOKENS = 200  # about two paragraphs of wire copy


def _strikes_right_before(prep: Token, registry: Registry) -> Token | None:
    """ "wounds they suffered in the Russian raids on the village of X": "on" the parser hung on the
    verb, right after the strikes it belongs to, says what they struck."""
    if prep.lower_ not in _ON_TARGETS or prep.i == 0:
        return None
    before = prep.doc[prep.i - 1]
    return before if before.pos_ == "NOUN" and is_strike(before, registry) else None


def _labels_a_placed_noun(root: Token, described: Token, names: frozenset[int]) -> bool:
    """ "Syria: Turkmen villages in Latakia bombed from the air": a headline's label over a struck
    noun that names its own place is the story's country, not a strike place."""
    labels = root.i + 1 < len(root.doc) and root.nbor(1).text == ":"
    return labels and any(t.i in names and t.i != root.i for t in described.head.subtree)


def _struck_as_described(noun: Token, prep: Token, registry: Registry) -> Token | None:
    """ "Turkmen villages in Latakia bombed from the air", "a hospital in Sarmin hit by strikes": a
    participle after the place phrase says the noun it locates was struck."""
    if noun.pos_ not in {"NOUN", "PROPN"}:
        return None
    return next(
        (
            c
            for c in noun.children
            if c.dep_ == "acl" and c.tag_ == "VBN" and c.i > prep.i and is_strike(c, registry)
        ),
        None,
    )


def _in_a_remit(tok: Token) -> bool:
    """ "Airwars, which specialises in tracking civilian casualties from air strikes in Syria, Iraq
    and Libya", "a group that monitors air strikes in Syria": a relative clause in the present that
    says what a body does tells its remit, not a strike."""
    return any(
        a.dep_ == "relcl" and a.lemma_ in _REMIT_VERBS and a.tag_ in {"VBZ", "VBP"} for a in tok.ancestors
    )


_REMIT_VERBS = frozenset({"specialise", "specialize", "focus", "track", "monitor", "document", "record"})


def _compass_run(tok: Token, names: frozenset[int]) -> Token | None:
    """ "al-Zafarana north Homs", parsed as one noun phrase that Homs heads: the place named first,
    whose descriptor the compass point and the name after it are (the copy of Arabic sources
    often drops the "of")."""
    if tok.i not in names or tok.i == 0 or tok.doc[tok.i - 1].lower_ not in DIRECTION_NOUNS:
        return None
    return next((c for c in tok.children if c.dep_ == "compound" and c.i in names and c.i < tok.i - 1), None)


def _describes_a_place(root: Token, names: frozenset[int]) -> bool:
    """ "Talbiseh, near Homs", "Latamneh, 30 km north of Hama", "Talbiseh, a town between Homs and
    Hama": a relative phrase after a named place only says where that place is; the place it names
    is no strike place. "a command post near the settlement of Hama" has no other locator, so there
    it is. `names` are the tokens that head the sentence's place names."""
    tok = root
    cue: Token | None = None
    for _ in range(8):
        head = tok.head
        if head.i == tok.i:
            return False
        if tok.dep_ == "conj" or (tok.dep_ in NAME_DEPS and is_noun_of(head, PLACE_NOUNS)):
            tok = head
            continue
        if tok.dep_ != "pobj" or head.dep_ != "prep":
            return False
        if head.lower_ in _RELATIVE_CUES:
            cue = head
            break
        if head.lower_ == "to" and head.head.lower_ in {"close", "next", "adjacent"}:
            cue = head.head  # "Talbiseh, close to Homs"
            break
        if head.lower_ == "from" and _a_distance_before(head):
            cue = head  # "Talbiseh, some 20 km from Homs"
            break
        if head.lower_ == "of" and is_noun_of(head.head, DIRECTION_NOUNS):
            cue = head.head  # "north of Hama"
            break
        if head.lower_ == "of" and is_noun_of(head.head, PLACE_NOUNS):
            tok = head.head  # "near the city of Homs"
            continue
        return False
    if cue is None:
        return False
    if is_noun_of(cue.head, _LONG_FEATURES):
        return False  # "boats on the Orontes River near Hama": the town locates the strike
    if cue.lower_ in _RELATIVE_CUES and _a_name(cue.head, names) and not _a_names_part(cue.head):
        return True  # the phrase hangs on the name itself
    described = cue.head if cue.lower_ in _RELATIVE_CUES else cue
    if described.dep_ == "pobj" and described.head.dep_ == "prep":
        described = described.head.head  # "to the north-east of X" hangs on what "to" hangs on
    doc = cue.doc
    start = cue.left_edge.i
    if cue.lower_ not in _RELATIVE_CUES and start > cue.sent.start and doc[start - 1].lower_ == "to":
        start -= 1  # "to the north-east of X"
    before = doc[start - 1] if start > cue.sent.start else None
    if before is not None and (before.i in names or _named_area(before)) and not _a_names_part(before):
        return True  # "Talbiseh north of Homs", "the Salma and Arafeet areas to the north-east of X"
    for _ in range(4):
        if described.dep_ == "appos" and _a_name(described.head, names):
            return True  # "Talbiseh, a town near Homs", "..., a cluster of towns north of Homs city"
        if (
            described.dep_ == "acl"
            and described.lemma_ in {"locate", "situate"}
            and described.head.pos_ == "PROPN"
        ):
            return True  # "Talbiseh and Ghanto, located north of Homs"
        if described.pos_ == "VERB" or described.head.i == described.i:
            break
        described = described.head
    # the parse often hangs the phrase on the verb: read the words before it instead, back to a
    # comma after a name ("Talbiseh, near Homs", "Ghantu, a cluster of towns north of Homs")
    i = start - 1
    while i > cue.sent.start and doc[i].text != ",":
        t = doc[i]
        if (t.pos_ in {"VERB", "AUX"} and t.dep_ not in {"amod", "compound"}) or t.text in {";", ":"}:
            return False
        i -= 1
    after = doc[i + 1] if i + 1 < start else None
    return (
        doc[i].text == ","
        and (doc[i - 1].pos_ == "PROPN" or _named_area(doc[i - 1]))
        and (after is None or after.pos_ in {"DET", "NUM"})
    )


def _a_names_part(tok: Token) -> bool:
    """ "northwest Syria", "eastern Aleppo": a region, which a phrase after it ("around the city of
    Homs") narrows to a place rather than describes."""
    return any(c.dep_ in {"amod", "compound"} and c.lower_ in COMPASS_WORDS for c in tok.children)


def _a_name(tok: Token, names: frozenset[int]) -> bool:
    """A place's name, or a name the parser knows as nothing else: "Ghantu, a cluster of towns north
    of Homs" describes Ghantu; "positions of Jabhat al-Nusra (a group ...) near Idlib" locates them."""
    return tok.i in names or (
        tok.pos_ == "PROPN" and tok.ent_type_ not in {"ORG", "PERSON", "NORP", "WORK_OF_ART", "PRODUCT"}
    )


def _in_dateline(root: Token) -> bool:
    """ "DAMASCUS, June 1 (Xinhua) -- ...": where the story was filed, run into its first sentence."""
    sent = root.sent
    head = sent.doc[sent.start : min(sent.end, sent.start + 10)]
    return (
        root.i < sent.start + 3 and root.text.isupper() and any(t.text in {"--", "-", "–", "—"} for t in head)
    )


def _named_area(tok: Token) -> bool:
    """ "the Salma and Arafeet areas": a place noun that names its places, the name right before it
    (not "an Islamic State command centre", which a group's name only describes, nor "Turkmen
    villages", which a people's name does)."""
    before = tok.doc[tok.i - 1] if tok.i > 0 else None
    return (
        tok.pos_ == "NOUN"
        and is_noun_of(tok, PLACE_NOUNS)
        and before is not None
        and before.pos_ == "PROPN"
        and not (before.ent_type_ == "NORP" or before.lower_ in _PEOPLES)
        and any(c.dep_ in {"compound", "nmod"} and c.pos_ == "PROPN" for c in tok.children)
    )


_PEOPLES = frozenset(table("demonyms")) | words("demonyms_placeless")


_RELATIVE_CUES = frozenset(["near", "outside", "around", "between", "nearby"])
# features too long to be a strike's point: "the Euphrates River near Deir Ezzor", "the highway near Homs"
_LONG_FEATURES = words("long_features")


def is_noun_of(tok: Token, nouns: frozenset[str]) -> bool:
    """Lemma or form: the small model lemmatises "surroundings" to "surrounding"."""
    return tok.lemma_.lower() in nouns or tok.lower_ in nouns


def listed_for(tok: Token) -> Token:
    """A place in a list after a colon stands where the phrase before the colon stands:
    "fell on towns north of Homs: Talbiseh, Rastan" puts Talbiseh where "Homs" is; so does a list
    set off by a dash after the places it names: "struck three provinces — Homs, Hama and Latakia —"."""
    doc = tok.doc
    i = tok.i
    while i > tok.sent.start and (
        doc[i - 1].dep_ in {"compound", "punct", "conj", "cc"} or doc[i - 1].ent_type_
    ):
        before = doc[i - 2] if i - 2 >= tok.sent.start else None
        if doc[i - 1].text == ":":
            return before or tok
        if doc[i - 1].text in {"—", "–"} and before is not None and is_noun_of(before, PLACE_NOUNS):
            return before
        i -= 1
    return tok


def _among(be: Token, registry: Registry) -> Token | None:
    """The strike in "Among the areas targeted were A and B", "Among the places hit was X", "X has
    been one of the main targets of Russian air strikes"."""
    struck = [t for c in _lists(be) for t in c.subtree if is_strike(t, registry)]
    return struck[0] if struck else None


def listed_among(tok: Token) -> bool:
    """The subject of "Among the ... were A", "A has been one of the targets of ...": listed, not an
    actor."""
    return tok.dep_ == "nsubj" and tok.head.lemma_ == "be" and bool(_lists(tok.head))


def _lists(be: Token) -> list[Token]:
    """What a "be" lists its subject among: "among the areas targeted", "one of the main targets"."""
    return [
        c
        for c in be.children
        if c.lower_ == "among"
        or (
            c.dep_ == "attr"
            and c.lemma_ in {"one", "target"}
            and any(t.lemma_ == "target" for t in c.subtree)
        )
    ]


def _ellipsis(tok: Token) -> bool:
    """ "..., as were X and Y", "..., as has a command centre near Hama": a bare "be" or "have"
    standing in for the clause it hangs on."""
    return (
        tok.lemma_ in {"be", "have"}
        and tok.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children)
        and not any(c.dep_ in {"acomp", "attr", "xcomp", "ccomp"} for c in tok.children)
    )


def _anchor(tok: Token, registry: Registry) -> Token | None:
    """The strike this token stands for: itself, or a strike noun it governs ("expand raids")."""
    if is_strike(tok, registry):
        return tok
    for c in tok.children:
        if c.dep_ in {"nsubj", "nsubjpass", "dobj", "attr"} and c.pos_ == "NOUN":
            if is_strike(c, registry):
                return c
            if c.dep_ == "dobj" and tok.lemma_ in LIGHT_VERBS and (gerund := _gerund_of(c, registry)):
                return gerund  # "started bombing areas held by rebels", parsed as "bombing areas"
            # "carried out a number of airstrikes on X", "launched a wave of raids on Y"
            if (counted := counted_strike(c, registry)) is not None:
                return counted
    if tok.dep_ == "relcl" and is_strike(tok.head, registry):
        return tok.head
    if tok.pos_ == "VERB":
        # "the casualties came in air strikes along the road between A and B": where they died
        died = [g for c in tok.children for g in c.children if died_in(g) and is_strike(g, registry)]
        if died:
            return died[0]
    if tok.lemma_ in ROUTE_VERBS and strikes_travel(tok, registry):
        return subject_of(tok)  # "the bombing ... had reached into X"
    if (flown := flown_strikes(tok, registry)) is not None:
        return flown  # "flew 46 missions against positions in X"
    if (
        tok.lemma_ in _WHERE_IT_HAPPENED
        or tok.lower_ in _WHERE_IT_HAPPENED
        or (tok.lemma_ == "take" and any(c.lower_ == "place" for c in tok.children))
    ):
        # "many of the attacks took place north of Aleppo", "the bombardment is concentrated on X",
        # "the bulk of the strikes stayed concentrated in X": where the strikes in the subject happened
        clause = tok.head if tok.dep_ == "acomp" else tok
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        struck = [t for t in subject.subtree if is_strike(t, registry)] if subject is not None else []
        return struck[0] if struck else None
    if tok.lemma_ == "be" and (among := _among(tok, registry)) is not None:
        return among  # "Among the areas targeted were A, B and C"
    if (under := _came_under(tok, registry)) is not None:
        return under  # "The neighbourhoods of A and B came under the same bombardment"
    if tok.lemma_ == "include":
        # "Places reported to have been hit include X and Y", "Targets included X"
        subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subject is None and tok.dep_ == "conj":
            subject = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            struck = [t for t in subject.head.subtree if t.i < tok.i and is_strike(t, registry)]
            return struck[0] if struck else None
    return None


def _gerund_of(obj: Token, registry: Registry) -> Token | None:
    """The strike gerund the parser made a compound of its own object ("bombing areas")."""
    return next(
        (
            c
            for c in obj.children
            if c.dep_ == "compound" and c.lower_.endswith("ing") and is_strike(c, registry)
        ),
        None,
    )


def _came_under(verb: Token, registry: Registry) -> Token | None:
    """The strike its subject "came under" ("came under heavy air bombardment", "came under the same
    kind of bombardment")."""
    if verb.lemma_ != "come":
        return None
    under = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "under" for g in c.children]
    under += [o for g in under for p in g.children if p.lower_ == "of" for o in p.children]
    return next((g for g in under if g.dep_ == "pobj" and is_strike(g, registry)), None)


_WHERE_IT_HAPPENED = frozenset(
    "happen occur concentrate focus centre center concentrated focused centred centered".split()
)


def _in_the_aftermath(tok: Token, registry: Registry) -> bool:
    """Whether what `tok` tells is set "after" or "following" strikes of the campaign (a caption's
    "Rescuers search the rubble in X after a Russian air strike"): where it is, they struck."""
    strikes = [
        g
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ in {"after", "following"}
        for g in c.children
        if g.dep_ == "pobj" and is_strike(g, registry)
    ]
    return any(not other_force(g, registry) for g in strikes)


def _after_as_well_as(tok: Token) -> bool:
    """Whether "as well as" (and an article) stands right before a list member."""
    i = tok.left_edge.i
    before = [t.lower_ for t in tok.doc[max(tok.sent.start, i - 3) : i]]
    return before == ["as", "well", "as"]


def _tally_item_without_strike(place: Token, registry: Registry) -> bool:
    """ "12 martyrs in Idlib, most killed by jets bombing Maasran, 10 martyrs in Hama, most killed in
    clashes, 7 in Daraa": a day's tally by province, in which only the items that tell of a strike
    put one at their place (an item runs from its count to the next count after a comma)."""
    prep = place.head
    if place.dep_ != "pobj" or prep.lower_ != "in" or prep.head.i == prep.i:
        return False
    counted = prep.head
    if not (counted.like_num or any(c.dep_ == "nummod" for c in counted.children)):
        return False
    doc, sent = place.doc, place.sent

    def opens_item(i: int) -> bool:
        return doc[i].like_num and i > sent.start and doc[i - 1].text in {",", ";"}

    items = [i for i in range(sent.start, sent.end) if opens_item(i)]
    if not items:
        return False  # one count is no tally
    bounds = [sent.start, *items, sent.end]
    # items by place: "killed five children, four women and one man in X" counts people, not places
    placed = [
        any(t.dep_ == "pobj" and t.head.lower_ == "in" and t.pos_ == "PROPN" for t in doc[a:b])
        for a, b in pairwise(bounds)
    ]
    if sum(placed) < 2:
        return False
    # a strike word proper ("bombing", "raids", "warplanes"), not "killed", which every item may say
    struck = [
        any(is_strike(t, registry) and t.lemma_ not in EFFECT_VERBS for t in doc[a:b])
        for a, b in pairwise(bounds)
    ]
    own = max(n for n, a in enumerate(bounds[:-1]) if a <= place.i)
    # a tally none of whose items tells a strike ("Five were killed in A, seven in B") is the toll of
    # the strikes told before it
    return any(struck) and not struck[own]


def _intent_only(tok: Token, frame: Frame) -> bool:
    """ "no plans to extend its airstrikes to Iraq", "not planning to expand raids to Iraq"; and a
    strike only planned, threatened or offered ("stood ready to consider launching air strikes in
    Iraq if Baghdad asks"), which no one says took place."""
    intent = negated = False
    for _ in range(8):
        if tok.lemma_ in UNREALISED:
            return True
        if tok.lemma_ in INTENT_WORDS:
            intent = True
        if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in tok.children):
            negated = True
        if tok.head.i == tok.i or (frame.verb is not None and tok.head.i == frame.verb.i):
            break
        tok = tok.head
    return intent and negated


def _historical(root: Token, ref_year: int | None) -> bool:
    """ "the occupation of Afghanistan in 1979": a year well before the article's."""
    if ref_year is None:
        return False
    near = [c for c in (*root.children, *root.head.children) if c.dep_ not in {"appos", "relcl", "acl"}]
    for tok in near:
        # not inside a description of the place ("a town held by insurgents since 2012")
        for t in tok.subtree:
            if any(a.dep_ in {"appos", "relcl", "acl"} for a in ancestors_until(t, tok)):
                continue
            if t.like_num and len(t.text) == 4 and t.text.isdigit() and int(t.text) < ref_year - 1:
                return True
    return False


def semicolon_lists(
    places: list[ClaimPlace], roots: dict[int, Token], names: frozenset[int]
) -> list[ClaimPlace]:
    """ "hit the cities of A and B; the towns of C, D and E; and the F airbase": the parser hangs
    the later groups anywhere, but a group of names after a semicolon, with no verb of its own,
    goes on the list the first group is on; so does a name in a run of names set off by commas
    that the parser broke (`_comma_run`)."""
    out: list[ClaimPlace] = []
    for p in places:
        root = roots.get(id(p.toponym))
        if p.role == "context" and root is not None:
            earlier = [
                r
                for q in out
                if q.role == "target"
                and q.basis == "explicit"
                and (r := roots.get(id(q.toponym))) is not None
            ]
            first = next((r for r in earlier if r.i < root.i), None)
            last = max((r for r in earlier if r.i < root.i), key=lambda r: r.i, default=None)
            if (
                (first is not None and _same_list(first, root))
                or (last is not None and _comma_run(last, root))
            ) and not _describes_a_place(root, names):
                p = ClaimPlace(p.toponym, "target", p.basis)
        out.append(p)
    return out


def _same_list(first: Token, later: Token) -> bool:
    between = first.doc[first.i + 1 : later.i]
    return any(t.text == ";" for t in between) and not any(
        t.pos_ in {"VERB", "AUX"} and t.dep_ not in {"amod", "acl", "compound"} for t in between
    )


_TALKS = frozenset({"talk", "talks", "meeting", "summit", "conference", "negotiation"})
_AIMED = frozenset({"at", "on", "upon", "into", "toward", "towards"})
_NAME_PARTICLES = ARTICLES | {"-", "'", "’"}  # "al-", "Ma'arrat": the parts of a name between its capitals


def _comma_run(first: Token, later: Token) -> bool:
    """ "around Anadan, Hayan, Beyanun, Kafr Hamra and Azez": a run of names set off by commas is one
    list, however the parser broke it (a name it did not know, read as an adjective, ends the tree's
    list there); a name in it may have an ayn ("Jam'eyyat"), and the last a compass phrase after it."""
    between = first.doc[first.i + 1 : later.i]
    after = later.doc[later.i + 1] if later.i + 1 < len(later.doc) else None
    return (
        any(t.text in {",", "and"} for t in between)
        and all(
            t.text in {",", "and"}
            or t.lower_ in _NAME_PARTICLES
            or (t.text[:1].isupper() and t.text.replace("'", "").replace("’", "").isalpha())
            for t in between
        )
        and (
            after is None
            or after.text in {",", ".", ";", ")", "and"}
            or after.lower_ in DIRECTION_NOUNS  # "..., Jadraya, Kafrnuran west of Aleppo city"
        )
    )


def sets_the_scene(root: Token, frame: Frame) -> bool:
    """ "In the northwestern province of Idlib, a fighter told AP that the strikes were heavier": a
    place put before the speaker, on the speech verb, is where what they say happened."""
    verb = frame.verb
    if verb is None:
        return False
    tok = root
    for _ in range(3):  # "the province of Idlib", "Idlib province"
        if tok.dep_ in NAME_DEPS and is_noun_of(tok.head, PLACE_NOUNS):
            tok = tok.head
        elif tok.dep_ == "pobj" and tok.head.lower_ == "of" and is_noun_of(tok.head.head, PLACE_NOUNS):
            tok = tok.head.head
        else:
            break
    prep = tok.head
    return (
        tok.dep_ == "pobj"
        and prep.lower_ in {"in", "across", "throughout"}
        and prep.head.i == verb.i
        and prep.i < min(frame.speaker_tokens, default=verb.i)
    )


def _the_force(tok: Token, registry: Registry) -> bool:
    """ "the strikes of Russia": the striking country, not a place struck."""
    found = registry.side_of(tok.text)
    return found is not None and found[0] == registry.force_side


def _strike_shown(obj: Token, frame: Frame, registry: Registry) -> Token | None:
    """The strike a reporting verb's object is or counts ("reporting instances of Russian airstrikes
    in X"), or that the footage a source released shows ("published video of airstrikes on IS
    forces")."""
    if is_strike(obj, registry):
        return obj
    if (counted := counted_strike(obj, registry)) is not None:
        return counted
    if not frame.shown:
        return None
    return next((t for t in obj.subtree if t.dep_ == "pobj" and is_strike(t, registry)), None)


def _a_strike_or_its_toll(tok: Token, registry: Registry) -> Token | None:
    """ "the air strikes", "death tolls from alleged Russian air strikes": a strike, or what one
    left, as what "were reported" or "were recorded" somewhere."""
    if is_strike(tok, registry):
        return tok
    return next(
        (
            g
            for p in tok.children
            if p.dep_ == "prep" and p.lower_ in {"from", "of", "in"}
            for g in p.children
            if g.dep_ == "pobj" and is_strike(g, registry)
        ),
        None,
    )


def _a_distance_before(prep: Token) -> bool:
    """ "13 km from", "some five kilometres away from": a short distance, which locates a target by
    the place (not where a flight set off); "some 200 kilometres from Damascus" only measures how far
    the target is from it."""
    before = [t for t in prep.doc[max(prep.sent.start, prep.i - 3) : prep.i] if t.lower_ != "away"]
    if not before or (unit := before[-1].lemma_.lower()) not in _DISTANCE_UNITS:
        return False
    count = next((c for c in before[-1].children if c.dep_ == "nummod"), None)
    number = count.text.replace(",", "") if count is not None else ""
    return not number.isdigit() or int(number) * _DISTANCE_UNITS[unit] <= _NEAR_KM


_DISTANCE_UNITS = {
    "km": 1.0,
    "kms": 1.0,
    "kilometre": 1.0,
    "kilometer": 1.0,
    "mile": 1.6,
    "metre": 0.001,
    "meter": 0.001,
}
_NEAR_KM = 50  # about the radius within which the scorer, and a reader, takes a point to be the town
