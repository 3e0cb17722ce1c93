"""Claims: who says strikes hit where, read off spaCy's dependency parse.

Each sentence comes cut into speech frames (geo.speakers: who speaks, which words are theirs, for
which side; what no frame owns is the reporter's narration). A place in a frame is a *target* only
when the parse ties it, through a locative preposition or as a direct object, to a strike
predicate ("struck positions in Syria", "airstrikes in the province of Hama", "killing 36
civilians in Homs") that is not negated intent ("no plans to extend strikes to Iraq"), not another
force's strike ("the US-led coalition ... in Syria and Iraq"), not a route ("over the Caspian Sea")
and not history ("Afghanistan in 1979"). Everything else is *context*: the speaker's whereabouts,
actors named by their capital ("Moscow said"), borders, routes.

A frame that makes a specific claim (IS hit, no IS there, civilians killed, rebels hit, a denial)
but names no place borrows the sentence's targets (basis "sentence") or, failing that, the
article's strike area (basis "article"), flagged so that the map can hide such inferred points.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from geo.speakers import (
    DENY_VERBS,
    SPEECH_VERBS,
    Frame,
    SpeakerMemory,
    ancestors_until,
    attribute_interviews,
    attribute_quotations,
    gives_a_toll,
    outlet_side,
    remember_subjects,
    sentence_frames,
)
from geo.types import Article, Claim, ClaimPlace, ClaimType, LocationBasis, Role, Source, Toponym

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from geo.registry import Registry

STRIKE_VERBS = frozenset(
    """strike hit target bomb shell raid pound attack bombard kill destroy damage wound injure hurt
    airstrike blast shoot eliminate knock wipe obliterate demolish liquidate neutralise neutralize
    annihilate pummel smash""".split()
)
# Verbs that report an effect, not a strike: they count only when strikes or aircraft did it.
EFFECT_VERBS = frozenset(
    """kill destroy damage wound injure hurt shoot knock wipe obliterate demolish liquidate neutralise
    neutralize annihilate""".split()
)
STRIKE_NOUNS = frozenset(
    """strike airstrike air-strike raid airraid bombing bombardment sortie attack shelling offensive
    target barrage bombs bomb missile""".split()
)
AGENT_NOUNS = frozenset(
    """strike airstrike raid bombing jet warplane plane aircraft bomber helicopter drone missile bomb
    fighter sortie pilot""".split()
)
NOT_STRIKE_MODIFIERS = frozenset(
    ["information", "cyber", "terrorist", "suicide", "propaganda", "media", "heart", "panic"]
)
LOCATIVE_PREPS = frozenset(
    "in on at near around across into outside inside throughout including within toward towards upon".split()
)
ROUTE_PREPS = frozenset(["over", "via", "through", "across_from"])
ROUTE_VERBS = frozenset(["circumvent", "fly", "overfly", "transit", "cross", "reach", "land", "depart"])
INTENT_WORDS = frozenset("plan intend extend expand widen broaden spread consider want seek threaten".split())
STANCE_VERBS = frozenset(
    """support back welcome praise endorse condemn criticise criticize oppose pledge applaud hail""".split()
)
# Nouns that introduce a place with "of": "the province of Homs", "the outskirts of Hama".
PLACE_NOUNS = frozenset(
    """province governorate city town village district region area countryside outskirts suburb
    suburbs
    north south east west northeast northwest southeast southwest centre center part parts edge
    edges vicinity environs surroundings county state neighbourhood neighborhood municipality
    capital heights hills mountains slopes plain plains valley banks bank coast settlement
    township locality hamlet""".split()
)
DIRECTION_NOUNS = frozenset("north south east west northeast northwest southeast southwest".split())
# Verbs that only carry a strike noun ("carried out strikes", "launched raids").
LIGHT_VERBS = frozenset(
    """be carry conduct launch include appear continue begin make resume intensify step mount start open
    wage""".split()
)
CAMPAIGN_NOUNS = frozenset(["campaign", "operation", "operations"])
AIR_WORDS = frozenset(["air", "aerial", "bombing", "airstrike", "aviation"])
LANDING_VERBS = frozenset(
    "fall land rain hit target strike pound focus concentrate lie lay locate be".split()
)
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
_DEATH = re.compile(r"\b(?:kill\w*|dead|deaths?|died|casualt\w+|wounded|injur\w+|hurt|massacre)\b", re.I)
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
    r"\b(?:there is|there are|there was|there were) no\b",
    re.I,
)
_WEEKDAYS = {
    d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
}
_NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}


def extract_claims(
    article: Article, doc: Doc, toponyms: Sequence[Toponym], registry: Registry
) -> list[Claim]:
    """Every claim in the article, in text order, each with its target and context places."""
    ref_year = _reference_year(article, doc)
    by_sentence: dict[int, list[tuple[Toponym, Token]]] = {}
    for t in toponyms:
        span = doc.char_span(t.mention.start, t.mention.end, alignment_mode="expand")
        if span is None:
            continue
        by_sentence.setdefault(span.sent.start, []).append((t, span.root))
    memory = SpeakerMemory(unknown_side=outlet_side(article, registry))
    drafts: list[_Draft] = []
    sents = list(doc.sents)
    framed = []
    for sent in sents:
        framed.append(sentence_frames(sent, registry, memory))
        remember_subjects(sent, framed[-1], registry, memory)
    attribute_quotations(sents, framed)
    attribute_interviews(sents, framed, registry, memory)
    for sent, frames in zip(sents, framed, strict=True):
        drafts.extend(
            _sentence_drafts(sent, frames, by_sentence.get(sent.start, []), registry, ref_year, article.text)
        )
    return _finish(article, drafts, toponyms, registry.force_side)


@dataclass(slots=True)
class _Draft:
    sent: Span
    frame: Frame
    claim_type: ClaimType | None  # None: the frame makes no strike claim, only mentions places
    places: list[ClaimPlace]
    casualties: int | None
    event_day: str


def _is_conflict_place(topo: Toponym) -> bool:
    """A town or area, not a country or a capital abroad a witness might be reached from."""
    return topo.place is not None and topo.precision in {"point", "region", "admin1"}


def _sentence_drafts(
    sent: Span,
    frames: list[Frame],
    located: list[tuple[Toponym, Token]],
    registry: Registry,
    ref_year: int | None,
    source: str,
) -> list[_Draft]:
    drafts: list[_Draft] = []
    roots_of = {id(t): r for t, r in located}
    names = frozenset(r.i for _, r in located)
    for frame in frames:
        tokens = [t for t in sent if t.i in frame.owned]
        claim_type, anchor_kind = _claim_type(frame, tokens, registry, source)
        places: list[ClaimPlace] = []
        for topo, root in located:
            if root.i in frame.owned:
                if anchor_kind == "presence":
                    role = _presence_role(root)
                else:
                    role = _role(root, frame, registry, ref_year, names) if claim_type else "context"
            elif root.i in frame.speaker_tokens:
                role = "context"
            else:
                continue
            places.append(ClaimPlace(topo, role, "explicit"))
        if claim_type == "strike_reported" and frame.attributed and anchor_kind == "noun":
            # An attributed aside about "the Russian air strikes in Syria" is not a claim of where
            # they hit; a source saying jets "struck" a place is.
            places = [ClaimPlace(p.toponym, "context", p.basis) for p in places]
        if claim_type and frame.local and not any(p.role == "target" for p in places):
            # "Abu Omar, an activist in Telbisa, said 17 people were killed when bombs hit a
            # building": a local witness's claim is about the place the witness is from.
            places = [
                ClaimPlace(p.toponym, "target", "sentence")
                if roots_of[id(p.toponym)].i in frame.speaker_tokens and _is_conflict_place(p.toponym)
                else p
                for p in places
            ]
        places = _refine(_semicolon_lists(places, roots_of, names), roots_of)
        if claim_type is None and not places:
            continue
        drafts.append(
            _Draft(
                sent, frame, claim_type, places, _casualties(tokens) if claim_type else None, _weekday(sent)
            )
        )
    attributed = [d for d in drafts if d.frame.attributed and d.claim_type in SPECIFIC_TYPES]
    if attributed:
        # Narration around an attributed claim only frames it ("jets struck Syria, with activists
        # claiming rebels were hit"): the places go to the claim, not to the reporter.
        sentence_targets = [p for d in drafts for p in d.places if p.role == "target"]
        for d in drafts:
            if not d.frame.attributed:
                d.places = [ClaimPlace(p.toponym, "context", p.basis) for p in d.places]
                d.claim_type = None
        for d in attributed:
            if not any(p.role == "target" for p in d.places):
                d.places += [ClaimPlace(p.toponym, "target", "sentence") for p in sentence_targets]
    return drafts


def _claim_type(
    frame: Frame, tokens: list[Token], registry: Registry, source: str
) -> tuple[ClaimType | None, str]:
    """What the frame claims about strikes, and whether its strike word is a verb or a noun."""
    anchors = [t for t in tokens if _is_strike(t, registry) and not _governed_elsewhere(t) and not _modal(t)]
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
        if frame.attributed and _IS.search(text) and _ABSENT.search(text):
            return "no_is_present", "presence"  # "ISIL has no presence in Homs province"
        return None, ""
    if any(_other_force(a, registry) or _speakers_own(a, frame, registry) for a in anchors) and not any(
        registry.force.search(_modifiers(a)) for a in anchors
    ):
        return None, ""
    if any(_under_stance(a, frame) for a in anchors):
        return None, ""
    text = " ".join(source[t.idx : t.idx + len(t.text)] for t in tokens)  # as written, not as parsed
    # "targets included X" names where strikes hit as plainly as "struck X" does
    # and "put the toll from the strikes on X at 28" as plainly as "killed 28 in X"
    anchor_kind = (
        "verb"
        if any(a.pos_ == "VERB" or a.head.lemma_ == "include" for a in anchors)
        or (frame.verb is not None and gives_a_toll(frame.verb))
        # "strikes fell on X": the strikes land somewhere
        or any(a.dep_ == "nsubj" and a.head.lemma_ in LANDING_VERBS for a in anchors)
        # "activists reported airstrikes in Aleppo and Idlib": the strikes are what is reported
        or (
            frame.verb is not None
            and any(a.dep_ in {"dobj", "nsubjpass"} and a.head.i == frame.verb.i for a in anchors)
        )
        else "noun"
    )
    verb = frame.verb
    denies = verb is not None and verb.lemma_ in DENY_VERBS
    if denies or (_REFUTE.search(text) and not _IS.search(text)):
        return "denial", anchor_kind
    if _CIVILIANS.search(text) and _DEATH.search(text):
        return "civilians_killed", anchor_kind
    if _REBELS.search(text):
        return "rebels_hit", anchor_kind
    if _IS.search(text) or _TERROR.search(text):
        # "..., without naming any towns": an aside, not a doubt about who was hit
        negative = _NEGATIVE.search(_ASIDE.sub("", text)) and not _REFUTE.search(text)
        return ("no_is_present" if negative else "is_hit"), anchor_kind
    return "strike_reported", anchor_kind


HEARSAY_NOUNS = frozenset(
    """report claim allegation accusation rumour rumor talk speculation suggestion word""".split()
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


def _modal(anchor: Token) -> bool:
    """ "Russia must strike Daesh", "planes would hit", "concerns if Russia struck areas where ...":
    a demand, a plan or a condition, not a report."""
    if any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in anchor.children):
        return True
    tok = anchor
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
        and head.lemma_ not in LIGHT_VERBS | STRIKE_VERBS | SPEECH_VERBS
    )


def _is_strike(tok: Token, registry: Registry) -> bool:
    lemma = tok.lemma_.lower()
    if tok.pos_ in {"NOUN", "PROPN"}:
        if lemma in CAMPAIGN_NOUNS:
            # "its air campaign in Syria", "the bombing campaign": an election campaign is not
            return any(c.lower_ in AIR_WORDS for c in tok.children if c.dep_ in {"compound", "amod"})
        if lemma not in STRIKE_NOUNS and not (lemma == "strike" or lemma.endswith("strike")):
            return False
        return not any(
            c.lower_ in NOT_STRIKE_MODIFIERS for c in tok.children if c.dep_ in {"compound", "amod"}
        )
    if tok.pos_ != "VERB" or (lemma not in STRIKE_VERBS and not _goes_after(tok)):
        return False
    if lemma not in EFFECT_VERBS and lemma != "go":
        return True
    doer = _doer(tok)
    if doer is not None and (doer.like_num or _CIVILIANS.fullmatch(doer.text)) and doer.dep_ == "nsubj":
        doer = None  # "15 people had been killed and 30 wounded": a count of victims, not a doer
    if doer is None:
        # "civilians were killed in Homs" in a strike story is the strikes' doing; "240,000 people
        # have been killed since the conflict erupted in 2011" is the war's
        return not any(
            t.lemma_.lower() in _OTHER_CAUSES or (t.like_num and len(t.text) == 4 and t.text.isdigit())
            for t in tok.subtree
        )
    phrase = _phrase(doer)
    return (
        any(t.lemma_.lower() in AGENT_NOUNS for t in doer.subtree)
        or bool(_AIRCRAFT.search(phrase))
        or bool(registry.force.search(phrase))
        # a ministry's "it had destroyed a command post": a military object says it was a strike
        or (
            doer.lower_ in {"it", "we"}
            and any(c.dep_ == "dobj" and c.lemma_.lower() in MILITARY_OBJECTS for c in tok.children)
        )
    )


MILITARY_OBJECTS = frozenset(
    """post depot position target camp base facility bunker headquarters stronghold centre center
    warehouse plant convoy vehicle hideout den command store""".split()
)


def _goes_after(verb: Token) -> bool:
    """ "the jets went after the towns of X and Y": a strike when aircraft or the force do it."""
    return verb.lemma_ == "go" and any(c.dep_ == "prep" and c.lower_ == "after" for c in verb.children)


_AIRCRAFT = re.compile(
    r"\b(?:Su|MiG|Mi|Tu|Ka|F|B|A)-\d+|\bSukhoi\b|\bTupolev\b|\b(?:air|aerospace) ?forces?\b|\baviation\b|"
    r"\bwarships?\b|\bfrigates?\b|\bsubmarines?\b",
    re.I,
)
_OTHER_EVENTS = frozenset("fighting clash clashes battle battles protest protests demonstration".split())
_OTHER_CAUSES = frozenset("war conflict fighting clash clashes battle uprising crackdown".split())


def _doer(verb: Token) -> Token | None:
    """Who did it: the subject, the agent ("killed by strikes"), the accused ("accused Moscow of
    killing"), or the subject of the clause a participle hangs on ("..., killing eight")."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    agent = next((g for c in verb.children if c.dep_ == "agent" for g in c.children), None)
    if subj is not None and subj.lower_ in {"which", "that", "who"} and verb.dep_ == "relcl":
        return verb.head  # "the coalition, which has carried out 7,000 strikes"
    if subj or agent:
        return subj or agent
    if verb.dep_ == "pcomp" and verb.head.head.pos_ == "VERB":
        return next((c for c in verb.head.head.children if c.dep_ == "dobj"), None)
    if verb.dep_ in {"advcl", "xcomp", "conj"} and verb.head.i != verb.i:
        return next((c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return None


def _phrase(tok: Token) -> str:
    return " ".join(t.text for t in tok.subtree)


def _modifiers(anchor: Token) -> str:
    """Who the strike belongs to: its subject, agent, possessor and modifiers, as text."""
    parts = [c for c in anchor.children if c.dep_ in {"nsubj", "amod", "compound", "poss", "agent", "nmod"}]
    if anchor.dep_ == "relcl" and any(c.lower_ in {"which", "that", "who"} for c in anchor.children):
        parts.append(anchor.head)
    doer = _doer(anchor) if anchor.pos_ == "VERB" else None
    if anchor.dep_ == "dobj" and anchor.head.lemma_ in LIGHT_VERBS:
        doer = _doer(anchor.head)  # "U.S. and coalition aircraft conducted 22 strikes"
    if doer is not None and all(doer.i != p.i for p in parts):
        parts.append(doer)  # "Regime helicopters dropped barrel bombs ..., killing eight"
    if any(p.dep_ == "poss" and p.pos_ == "PRON" for p in parts):
        # "the U.S. would continue its own airstrikes": "its" is the clause's subject
        parts += [s for s in _clause_subjects(anchor)]
    return " ".join(" ".join(t.text for t in p.subtree) if p.dep_ != "relcl" else p.text for p in parts)


def _clause_subjects(tok: Token) -> list[Token]:
    for _ in range(6):
        if tok.pos_ in {"VERB", "AUX"}:
            return [c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return []


def _other_force(anchor: Token, registry: Registry) -> bool:
    mods = _modifiers(anchor)
    return bool(registry.other_forces.search(mods)) and not registry.force.search(mods)


def _speakers_own(anchor: Token, frame: Frame, registry: Registry) -> bool:
    """ "Israel said its jets had struck ...": "its" is the speaker, here another force."""
    owners = [c for c in anchor.subtree if c.dep_ == "poss" and c.lower_ in {"its", "their", "our"}]
    speaker = frame.speaker
    return bool(owners) and bool(registry.other_forces.search(speaker)) and not registry.force.search(speaker)


def _under_stance(anchor: Token, frame: Frame) -> bool:
    """ "Iran supports Russian airstrikes in Syria": a stance towards strikes, not a report of them."""
    tok = anchor
    for _ in range(8):
        if frame.verb is not None and tok.i == frame.verb.i:
            return False
        if tok.lemma_ in STANCE_VERBS or (tok.lemma_ == "backing" and tok.pos_ == "NOUN"):
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _presence_role(root: Token) -> Role:
    """In "ISIL has no presence in Homs province" the place is where the claim puts the strikes."""
    root = _listed_for(root)
    if root.dep_ == "compound" and _is_noun_of(root.head, PLACE_NOUNS):
        root = root.head
    while root.dep_ in {"conj", "appos"}:
        root = root.head
    return "target" if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS else "context"


def _role(
    root: Token, frame: Frame, registry: Registry, ref_year: int | None, names: frozenset[int] = frozenset()
) -> Role:
    """Target when the parse ties the place to a strike as where it happened; context otherwise."""
    root = _listed_for(root)
    if root.dep_ == "compound" and _is_noun_of(root.head, PLACE_NOUNS):
        root = root.head  # "in the Homs countryside", "Idlib province"
    while root.dep_ == "appos" and root.head.pos_ == "PROPN" and root.pos_ == "PROPN":
        root = root.head  # a name beside a name: "Kafr Zita; Latamneh", "in Lataminah, Hama"
    actor_like = root.dep_ in {"nsubj", "poss", "compound", "amod", "npadvmod", "appos"}
    if actor_like and root.head.pos_ != "ADP" and not _ellipsis(root.head):
        return "context"  # an actor named by its place: "Moscow said", "Syria's president"
    if _historical(root, ref_year) or _describes_a_place(root, names) or _in_dateline(root):
        return "context"
    locative = via_acl = False
    own_prep = -1  # the locative preposition that governs the place itself
    first_prep = True
    tok = root
    for _ in range(12):
        head = tok.head
        if frame.verb is not None and head.i == frame.verb.i and tok.i == own_prep:
            # "activists reported airstrikes in Aleppo": the place hangs on the verb, not the strikes
            reported = [
                c
                for c in head.children
                if c.dep_ == "dobj" and _is_strike(c, registry) and c.right_edge.i + 1 == tok.i
            ]
            if reported and not _other_force(reported[0], registry):
                return "target"
        if head.i == tok.i or (frame.verb is not None and head.i == frame.verb.i):
            return "context"
        if head.lemma_ in SPEECH_VERBS and head.pos_ == "VERB":
            struck = [c for c in head.children if c.dep_ == "xcomp" and _is_strike(c, registry)]
            if not (tok.dep_ == "nsubjpass" and struck):
                return "context"
            # "a base in Latakia was said to have been hit": the subject is what was hit
            locative = True
            head = struck[0]
        if head.pos_ == "ADP" or tok.dep_ == "pobj":
            prep = head.lower_
            if prep in ROUTE_PREPS or prep == "beyond":
                return "context"
            if prep == "as" and head.i > 0 and head.doc[head.i - 1].lower_ in {"well", "such"}:
                tok = head  # "..., as well as the town of X", "villages such as X": a list
                continue
            if first_prep:
                first_prep = False
                if prep in LOCATIVE_PREPS:
                    locative = True
                    own_prep = head.i
                elif prep == "of" and _is_noun_of(head.head, PLACE_NOUNS):
                    first_prep = True  # "province of Homs": the next preposition decides
                    if head.head.dep_ in {"advmod", "npadvmod"}:
                        locative = True  # "fell north of Homs"
                elif prep == "to" and _is_noun_of(tok, DIRECTION_NOUNS):
                    locative = True  # "a plant to the north of the city of Homs"
                elif prep == "to" and head.head.lower_ in {"close", "closer", "next", "adjacent"}:
                    locative = True  # "a command post close to Raqqa"
                elif prep == "after" and _goes_after(head.head):
                    locative = True  # "went after the towns of X"
                else:
                    return "context"
        if head.lemma_ in ROUTE_VERBS:
            return "context"
        if _ellipsis(head) and tok.dep_ in {"nsubj", "nsubjpass"}:
            # "Talbisah was hit, as were al-Rastan and Zaafaraniyeh": the subjects of the elided
            # verb are where the strike verb's subject is
            tok, head = head, head.head
            if _is_strike(head, registry) and not _other_force(head, registry):
                return "target" if not _negated_intent(head, frame) else "context"
        if tok.dep_ == "conj" and tok.lemma_.lower() in _OTHER_EVENTS:
            return "context"  # "airstrikes in X, as well as fighting ... in Y": another event's place
        anchor = _anchor(head, registry)
        if anchor is not None:
            direct = tok.dep_ in {"dobj", "nsubjpass"} or (
                tok.dep_ == "conj" and tok.pos_ in {"NOUN", "PROPN"}
            )
            if direct and head.pos_ == "VERB" and (_is_strike(head, registry) or head.lemma_ == "include"):
                locative = True  # "struck Talbiseh", "Homs was bombed", "targets included X and Y"
            elif via_acl:
                return "context"
            if not locative or _other_force(anchor, registry) or _negated_intent(head, frame):
                return "context"
            return "target"
        if head.pos_ == "VERB" and tok.dep_ not in {"conj", "appos"} and head.lemma_ not in LIGHT_VERBS:
            if not (locative and head.dep_ == "acl") or via_acl:
                return "context"  # the place belongs to a predicate that is not a strike
            # "a plant turning out munitions north of Homs was wiped out": it locates the noun,
            # when that noun is what was struck (not "warships stationed in the Mediterranean")
            via_acl = True
        tok = head
    return "context"


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
        if tok.dep_ == "conj" or (tok.dep_ == "compound" and _is_noun_of(head, PLACE_NOUNS)):
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
        if head.lower_ == "of" and _is_noun_of(head.head, DIRECTION_NOUNS):
            cue = head.head  # "north of Hama"
            break
        if head.lower_ == "of" and _is_noun_of(head.head, PLACE_NOUNS):
            tok = head.head  # "near the city of Homs"
            continue
        return False
    if cue is None:
        return False
    if cue.lower_ in _RELATIVE_CUES and cue.head.pos_ == "PROPN":
        return True  # the phrase hangs on the name itself
    described = cue.head if cue.lower_ in _RELATIVE_CUES else cue
    if described.dep_ == "pobj" and described.head.dep_ == "prep":
        described = described.head.head  # "to the north-east of X" hangs on what "to" hangs on
    doc = cue.doc
    start = cue.left_edge.i
    if cue.lower_ not in _RELATIVE_CUES and start > cue.sent.start and doc[start - 1].lower_ == "to":
        start -= 1  # "to the north-east of X"
    before = doc[start - 1] if start > cue.sent.start else None
    if before is not None and (before.i in names or _named_area(before)):
        return True  # "Talbiseh north of Homs", "the Salma and Arafeet areas to the north-east of X"
    for _ in range(4):
        if described.dep_ == "appos" and described.head.pos_ == "PROPN":
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


def _in_dateline(root: Token) -> bool:
    """ "DAMASCUS, June 1 (Xinhua) -- ...": where the story was filed, run into its first sentence."""
    sent = root.sent
    head = sent.doc[sent.start : min(sent.end, sent.start + 10)]
    return (
        root.i < sent.start + 3 and root.text.isupper() and any(t.text in {"--", "-", "–", "—"} for t in head)
    )


def _named_area(tok: Token) -> bool:
    """ "the Salma and Arafeet areas": a place noun that names its places."""
    return (
        tok.pos_ == "NOUN"
        and _is_noun_of(tok, PLACE_NOUNS)
        and any(c.dep_ in {"compound", "nmod"} and c.pos_ == "PROPN" for c in tok.children)
    )


_RELATIVE_CUES = frozenset(["near", "outside", "around", "between", "nearby"])


def _is_noun_of(tok: Token, nouns: frozenset[str]) -> bool:
    """Lemma or form: the small model lemmatises "surroundings" to "surrounding"."""
    return tok.lemma_.lower() in nouns or tok.lower_ in nouns


def _listed_for(tok: Token) -> Token:
    """A place in a list after a colon stands where the phrase before the colon stands:
    "fell on towns north of Homs: Talbiseh, Rastan" puts Talbiseh where "Homs" is."""
    doc = tok.doc
    i = tok.i
    while i > tok.sent.start and (
        doc[i - 1].dep_ in {"compound", "punct", "conj", "cc"} or doc[i - 1].ent_type_
    ):
        if doc[i - 1].text == ":":
            return doc[i - 2] if i - 2 >= tok.sent.start else tok
        i -= 1
    return tok


def _ellipsis(tok: Token) -> bool:
    """ "..., as were X and Y": a bare "be" standing in for the clause it hangs on."""
    return (
        tok.lemma_ == "be"
        and tok.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children)
        and not any(c.dep_ in {"acomp", "attr", "xcomp", "ccomp"} for c in tok.children)
    )


def _anchor(tok: Token, registry: Registry) -> Token | None:
    """The strike this token stands for: itself, or a strike noun it governs ("expand raids")."""
    if _is_strike(tok, registry):
        return tok
    for c in tok.children:
        if c.dep_ in {"nsubj", "nsubjpass", "dobj", "attr"} and c.pos_ == "NOUN" and _is_strike(c, registry):
            return c
    if tok.dep_ == "relcl" and _is_strike(tok.head, registry):
        return tok.head
    if tok.lemma_ == "include":
        # "Places reported to have been hit include X and Y", "Targets included X"
        subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subject is None and tok.dep_ == "conj":
            subject = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            struck = [t for t in subject.head.subtree if t.i < tok.i and _is_strike(t, registry)]
            return struck[0] if struck else None
    return None


def _negated_intent(tok: Token, frame: Frame) -> bool:
    """ "no plans to extend its airstrikes to Iraq", "not planning to expand raids to Iraq"."""
    intent = negated = False
    for _ in range(8):
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


def _reference_year(article: Article, doc: Doc) -> int | None:
    if article.published[:4].isdigit():
        return int(article.published[:4])
    years = [int(t.text) for t in doc if t.like_num and len(t.text) == 4 and t.text.isdigit()]
    plausible = [y for y in years if 1900 < y < 2100]
    return max(plausible) if plausible else None


def _semicolon_lists(
    places: list[ClaimPlace], roots: dict[int, Token], names: frozenset[int]
) -> list[ClaimPlace]:
    """ "hit the cities of A and B; the towns of C, D and E; and the F airbase": the parser hangs
    the later groups anywhere, but a group of names after a semicolon, with no verb of its own,
    goes on the list the first group is on."""
    out: list[ClaimPlace] = []
    for p in places:
        root = roots.get(id(p.toponym))
        if p.role == "context" and root is not None and p.toponym.place is not None:
            earlier = [
                r
                for q in out
                if q.role == "target"
                and q.basis == "explicit"
                and (r := roots.get(id(q.toponym))) is not None
            ]
            first = next((r for r in earlier if r.i < root.i), None)
            if first is not None and _same_list(first, root) and not _describes_a_place(root, names):
                p = ClaimPlace(p.toponym, "target", p.basis)
        out.append(p)
    return out


def _same_list(first: Token, later: Token) -> bool:
    between = first.doc[first.i + 1 : later.i]
    return any(t.text == ";" for t in between) and not any(
        t.pos_ in {"VERB", "AUX"} and t.dep_ not in {"amod", "acl", "compound"} for t in between
    )


def _refine(places: list[ClaimPlace], roots: dict[int, Token]) -> list[ClaimPlace]:
    """A place named to locate another target is struck through it. A province or area ("Jisr
    al-Shughour in Idlib province", "Lataminah, Hama", "towns in the Hama countryside") is a strike
    place of its own, marked as derived by containment so that a map can still draw only the town;
    a country ("Homs, in western Syria") only sets the scene."""
    targets = [p for p in places if p.role == "target" and p.toponym.place is not None]
    out = []
    for p in places:
        if p in targets and any(
            q is not p
            and _contains(p.toponym, q.toponym, _names_an_area(roots.get(id(p.toponym))))
            and _locates(roots.get(id(p.toponym)), roots.get(id(q.toponym)), p.toponym.precision == "country")
            for q in targets
        ):
            if p.toponym.precision == "country":
                p = ClaimPlace(p.toponym, "context", p.basis)
            else:
                p = ClaimPlace(p.toponym, "target", "container")
        out.append(p)
    return out


def _names_an_area(root: Token | None) -> bool:
    """ "the Hama countryside", "the outskirts of Homs": a town's name standing for its area."""
    if root is None:
        return False
    if root.dep_ == "compound" and _is_noun_of(root.head, AREA_NOUNS):
        return True
    return root.dep_ == "pobj" and root.head.lower_ == "of" and _is_noun_of(root.head.head, AREA_NOUNS)


AREA_NOUNS = frozenset(
    """countryside outskirts suburbs suburb province governorate region area district
    north south east west""".split()
)
AREA_RADIUS_KM = 60.0  # how far a town's "countryside" reaches


def _contains(outer: Toponym, inner: Toponym, area: bool = False) -> bool:
    a, b = outer.place, inner.place
    if a is None or b is None or a.id == b.id or a.country_code != b.country_code:
        return False
    if outer.precision == "country":
        return inner.precision != "country"
    if ((area and outer.precision == "point") or outer.precision == "region") and inner.precision == "point":
        from geopy.distance import distance

        here = (outer.lat, outer.lon) if outer.lat is not None and outer.lon is not None else (a.lat, a.lon)
        return float(distance(here, (b.lat, b.lon)).km) <= AREA_RADIUS_KM
    if outer.precision != "admin1" or inner.precision != "point":
        return False
    if a.admin1 and b.admin1:
        return a.admin1 == b.admin1
    return a.polygon is not None and _in_polygon(a.polygon, b.lat, b.lon)


def _in_polygon(polygon: Mapping[str, Any], lat: float, lon: float) -> bool:
    from shapely.geometry import Point, shape

    return bool(shape(polygon).contains(Point(lon, lat)))


def _locates(outer: Token | None, inner: Token | None, setting: bool) -> bool:
    """Whether the outer place's phrase hangs off the inner one's ("X in Y province"), or both sit in
    one clause where a country can only be the setting ("struck Homs, in western Syria")."""
    if outer is None or inner is None:
        return True
    inner = _listed_for(inner)
    tok = outer
    for _ in range(6):
        if tok.i == inner.i:
            return True
        if tok.head.i == tok.i:
            break
        tok = tok.head
    if _attachment(outer) is not None and _attachment(outer) == _attachment(inner) and outer.i > inner.i:
        return True  # "hit a market in Kafr Nabouda, in the Hama countryside"
    return setting and outer.dep_ == "pobj" and outer.head.lower_ in {"in", "across", "throughout", "inside"}


def _attachment(tok: Token) -> int | None:
    """The word a place's prepositional phrase hangs on ("hit" in "hit ... in Homs")."""
    if tok.dep_ == "compound" and _is_noun_of(tok.head, PLACE_NOUNS):
        tok = tok.head
    if tok.dep_ != "pobj" or tok.head.dep_ != "prep":
        return None
    word = tok.head.head
    for _ in range(3):  # "hit the town of X": X hangs on "hit" through "the town of"
        if not _is_noun_of(word, PLACE_NOUNS) or word.head.i == word.i:
            break
        word = word.head.head if word.dep_ == "pobj" else word.head
    return int(word.i)


_COUNTED = frozenset("civilian person child fighter militant rebel soldier".split())


def _casualties(tokens: list[Token]) -> int | None:
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


_HARM_LEMMAS = frozenset("kill die wound injure hurt death casualty massacre dead".split())


def _number(text: str) -> int | None:
    clean = text.replace(",", "")
    if clean.isdigit():
        return int(clean)
    return _NUMBER_WORDS.get(text.lower())


def _weekday(sent: Span) -> str:
    for t in sent:
        if t.lower_ in _WEEKDAYS and t.ent_type_ == "DATE":
            return t.lower_
    return ""


def _event_date(published: str, weekday: str) -> str:
    """The date of "on Wednesday" in an article published on `published`: the last such day."""
    if not weekday or len(published) < 10:
        return ""
    try:
        pub = date.fromisoformat(published[:10])
    except ValueError:
        return ""
    back = (pub.weekday() - _WEEKDAYS[weekday]) % 7
    return (pub - timedelta(days=back)).isoformat()


def _finish(
    article: Article, drafts: list[_Draft], toponyms: Sequence[Toponym], force_side: str
) -> list[Claim]:
    """Place placeless claims at the article's strike area and freeze the drafts into Claims."""
    explicit_targets = [
        p.toponym for d in drafts for p in d.places if p.role == "target" and p.toponym.place is not None
    ]
    area = _strike_area(explicit_targets, toponyms)
    campaign_area = _country_of(explicit_targets, toponyms)
    claims: list[Claim] = []
    for d in drafts:
        places = list(d.places)
        if (
            d.claim_type in SPECIFIC_TYPES
            and d.frame.attributed
            and not any(p.role == "target" for p in places)
        ):
            # The striking side's own placeless claims ("we hit eight IS targets") speak of its whole
            # campaign; other sources' speak of the strikes the article reports.
            own = d.frame.side == force_side
            places += [ClaimPlace(t, "target", "article") for t in (campaign_area if own else area)]
        claim_type: ClaimType = d.claim_type or "other"
        if d.claim_type is None:
            places = [ClaimPlace(p.toponym, "context", p.basis) for p in places]
        if not places:
            continue
        start, end = d.sent.start_char, d.sent.end_char
        key = f"{article.id}|{start}|{d.frame.speaker}|{claim_type}"
        confidence = _confidence(d, places)
        claims.append(
            Claim(
                claim_id=hashlib.sha1(key.encode("utf-8")).hexdigest()[:12],
                article_id=article.id,
                source=Source(d.frame.speaker, d.frame.side),
                claim_type=claim_type,
                evidence=article.text[start:end].strip(),
                evidence_start=start,
                evidence_end=end,
                places=tuple(places),
                casualties=d.casualties,
                event_date=_event_date(article.published, d.event_day),
                confidence=confidence,
            )
        )
    return claims


def _strike_area(targets: list[Toponym], toponyms: Sequence[Toponym]) -> list[Toponym]:
    """Where the article's strikes are: its specific targets when they share one province, else the
    country they lie in (most named first)."""
    if not targets:
        return []
    specific = [t for t in targets if t.precision != "country"]
    provinces = {(t.place.country_code, t.place.admin1) for t in specific if t.place is not None}
    if specific and len(provinces) == 1:
        rank = {"admin1": 0, "region": 1, "point": 2, "country": 3}
        best = min(specific, key=lambda t: (rank[t.precision], t.mention.start))
        return [best]
    return _country_of(targets, toponyms)


def _country_of(targets: list[Toponym], toponyms: Sequence[Toponym]) -> list[Toponym]:
    """The country most targets lie in, as the article names it (no mention of it: nothing)."""
    countries = Counter(t.place.country_code for t in targets if t.place is not None)
    if not countries:
        return []
    top = countries.most_common(1)[0][0]
    country_level = [
        t
        for t in (*targets, *toponyms)
        if t.precision == "country" and t.place and t.place.country_code == top
    ]
    return country_level[:1]


def _confidence(d: _Draft, places: Sequence[ClaimPlace]) -> float:
    basis_weight: dict[LocationBasis, float] = {
        "explicit": 0.9,
        "container": 0.8,
        "sentence": 0.7,
        "article": 0.45,
    }
    side_weight = 1.0 if d.frame.side != "other" else 0.8
    best = max((basis_weight[p.basis] * p.toponym.confidence for p in places), default=0.0)
    return round(best * side_weight, 3)
