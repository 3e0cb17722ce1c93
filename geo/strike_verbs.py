"""Strike verbs and where they reach: the verbs around a strike that decide whether it got to a place.

Strikes travel and land ("raids that also reached parts of Idlib", "the strikes fell on X"); a route
ends where the aircraft struck "there" ("flew to the surroundings of X and struck positions there");
and a strike verb done by fighters on the ground ("armed groups ... targeting neighbourhoods in
Damascus") is shelling, not the air campaign's strike.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geo.claim_types import AIR_WORDS, LANDING_VERBS, ROUTE_VERBS, is_strike
from geo.lexicon import words

if TYPE_CHECKING:
    from spacy.tokens import Token

    from geo.registry import Registry

GROUND_DOERS = words("ground_doers")
STRIKE_AGENTS = words("strike_agent_nouns")
PLACE_NOUNS = words("place_nouns")


def strikes_travel(verb: Token, registry: Registry) -> bool:
    """ "raids that also reached parts of Idlib province": strikes, not aircraft, that reach a place
    land there."""
    subject = subject_of(verb)
    return subject is not None and subject.pos_ == "NOUN" and is_strike(subject, registry)


def flown_strikes(verb: Token, registry: Registry) -> Token | None:
    """ "the air force flew 311 sorties against positions in X", "its aircraft had flown 46 missions
    against Nusra in Y": a route verb whose object is what the aircraft flew as strikes is no route;
    the object is the strike."""
    if verb.lemma_ not in ROUTE_VERBS:
        return None
    flown = next((c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"} and c.pos_ == "NOUN"), None)
    departs = any(c.dep_ == "prep" and c.lower_ in {"from", "off"} for c in verb.children)
    if (
        flown is None
        and not departs
        and (any(c.dep_ == "auxpass" for c in verb.children) or verb.dep_ == "acl")
    ):
        # "airstrikes thought to have been flown by Russian warplanes in X": the strikes the
        # passive participle describes (not "sorties flown from a carrier in the Mediterranean")
        tok = verb
        while tok.dep_ in {"xcomp", "acl"} and tok.head.i != tok.i and tok.head.pos_ != "NOUN":
            tok = tok.head
        flown = tok.head if tok.dep_ == "acl" and tok.head.pos_ == "NOUN" else None
    return flown if flown is not None and is_strike(flown, registry) else None


def lands(verb: Token, registry: Registry) -> bool:
    """ "the raids reached X", "the strikes fell on X": strikes that travel or land somewhere;
    "the attack frustrates the Pentagon" is no landing."""
    return (verb.lemma_ in ROUTE_VERBS or verb.lemma_ in LANDING_VERBS) and strikes_travel(verb, registry)


def subject_of(verb: Token) -> Token | None:
    """The verb's subject, through a relative pronoun or a shared subject of conjoined verbs."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lower_ in {"that", "which"} and verb.dep_ == "relcl":
        subject = verb.head
    if subject is None and verb.dep_ == "conj":
        # "the bombing went on ... and had reached into X": the subject the verbs share
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    return subject


def struck_there(verb: Token, registry: Registry) -> Token | None:
    """The strike verb joined to a route verb that says it struck "there" (or its object there)."""
    if verb.lemma_ not in ROUTE_VERBS:
        return None
    for c in verb.children:
        if c.dep_ == "conj" and is_strike(c, registry):
            near = [*c.children, *(g for o in c.children if o.dep_ == "dobj" for g in o.children)]
            if any(g.lower_ == "there" for g in near):
                return c
    return None


def ground_doer(anchor: Token) -> bool:
    """ "Armed groups breached the truce, targeting neighbourhoods in Damascus": a strike verb whose
    doer (its subject, or the subject of the clause it hangs on) fights on the ground is shelling."""
    if anchor.pos_ != "VERB":
        return False
    doer = next((c for c in anchor.children if c.dep_ == "nsubj"), None)
    clause = anchor
    for _ in range(3):  # "terrorists were getting ready to attack ...": the subject of the clause it hangs on
        if (
            doer is not None
            or clause.dep_ not in {"advcl", "xcomp", "conj", "acomp"}
            or clause.head.i == clause.i
        ):
            break
        clause = clause.head
        doer = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    if doer is None or doer.lemma_.lower() not in GROUND_DOERS:
        return False
    return not any(t.lower_ in AIR_WORDS or t.lemma_.lower() in STRIKE_AGENTS for t in doer.subtree)


def described_as_struck(place: Token, registry: Registry) -> Token | None:
    """ "Rastan, one of the towns bombed by Russian planes", "Talbiseh, a town struck on Monday": the
    strike verb of an apposition that says the named place was struck; or of the subject a name
    is said to be ("the town that was hit is Ariha")."""
    described = [c for c in place.children if c.dep_ == "appos"]
    if place.dep_ == "attr" and place.head.lemma_ == "be":
        described += [c for c in place.head.children if c.dep_ == "nsubj"]
    for c in described:
        if not (c.lower_ == "one" or c.lemma_.lower() in PLACE_NOUNS):
            continue  # "Syria: Aleppo hospital hit" describes no place
        for t in c.subtree:
            if t.dep_ in {"acl", "relcl"} and t.pos_ == "VERB" and is_strike(t, registry):
                return t
    return None
