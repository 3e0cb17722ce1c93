"""Claims: who says strikes hit where, read off spaCy's dependency parse.

A sentence is cut into speech frames: each speech verb ("said", "told", "accused", "according to")
owns its clause minus its speaker; what no frame owns is the reporter's narration. A place in a frame
is a *target* only when the parse ties it, through a locative preposition or as a direct object, to a
strike predicate ("struck positions in Syria", "airstrikes in the province of Hama", "killing 36
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
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from geo.types import Article, Claim, ClaimPlace, ClaimType, LocationBasis, Role, Source, Toponym

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from geo.registry import Registry

SPEECH_VERBS = frozenset(
    """say tell claim accuse announce insist deny report state add allege dismiss reject question
    stress note confirm quote complain argue write post warn acknowledge admit assert declare
    estimate explain maintain reveal suggest charge contend reply respond counter boast brief
    testify tweet document record describe doubt dispute""".split()
)
STRIKE_VERBS = frozenset(
    """strike hit target bomb shell raid pound attack bombard kill destroy damage wound injure hurt
    airstrike blast shoot eliminate""".split()
)
# Verbs that report an effect, not a strike: they count only when strikes or aircraft did it.
EFFECT_VERBS = frozenset(["kill", "destroy", "damage", "wound", "injure", "hurt", "shoot"])
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
    capital heights hills mountains slopes plain plains valley banks bank coast""".split()
)
# Speaker heads that are one person, whom a later "he" or "she" can refer to.
PERSON_NOUNS = frozenset(
    """spokesman spokeswoman spokesperson official minister ambassador envoy commander activist head
    chief director leader president secretary general colonel resident witness doctor correspondent
    analyst expert diplomat source""".split()
)
# Verbs that only carry a strike noun ("carried out strikes", "launched raids").
LIGHT_VERBS = frozenset(
    "be carry conduct launch include appear continue begin make resume intensify step mount start".split()
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
_ABSENT = re.compile(
    r"\b(?:no|not|never|without|none)\b[^.;]{0,40}\b(?:presence|present)\b|\bfree of\b|"
    r"\b(?:there is|there are|there was|there were) no\b",
    re.I,
)
_DENY_VERBS = frozenset(["deny", "dismiss", "reject", "refute", "rebuff"])
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
_PRONOUNS = {"he": "person", "she": "person", "it": "group", "they": "any", "we": "any", "i": "person"}
_DEFINITE_HEADS = frozenset(
    """report ministry group statement monitor channel agency official spokesman spokeswoman source""".split()
)


@dataclass(slots=True)
class _Frame:
    """A speech frame: a speaker, the speech verb, and the tokens its claim is made of."""

    verb: Token | None  # None for the reporter's narration
    speaker: str
    side: str
    kind: str
    owned: set[int] = field(default_factory=set)
    speaker_tokens: set[int] = field(default_factory=set)
    quoted: bool = False  # narration inside a quotation, attributed to the speaker who closes it
    local: bool = False  # residents, activists, witnesses "in X": who speak of where they are

    @property
    def attributed(self) -> bool:
        return self.verb is not None or self.quoted


@dataclass(slots=True)
class _SpeakerMemory:
    """The last named speakers, for "he said" and "the group said"."""

    person: tuple[str, str] | None = None
    group: tuple[str, str] | None = None
    unknown_side: str = "other"  # for speakers no rule knows ("a military source")

    def remember(self, speaker: str, side: str, kind: str) -> None:
        if kind == "person":
            self.person = (speaker, side)
        else:
            self.group = (speaker, side)

    def recall(self, want: str) -> tuple[str, str] | None:
        if want == "person":
            return self.person
        if want == "group":
            return self.group or self.person
        return self.person or self.group


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
    memory = _SpeakerMemory(unknown_side=_outlet_side(article, registry))
    drafts: list[_Draft] = []
    sents = list(doc.sents)
    framed = []
    for sent in sents:
        framed.append(_frames(sent, registry, memory))
        _remember_subjects(sent, framed[-1], registry, memory)
    _attribute_quotations(sents, framed)
    for sent, frames in zip(sents, framed, strict=True):
        drafts.extend(
            _sentence_drafts(sent, frames, by_sentence.get(sent.start, []), registry, ref_year, article.text)
        )
    return _finish(article, drafts, toponyms, registry.force_side)


@dataclass(slots=True)
class _Draft:
    sent: Span
    frame: _Frame
    claim_type: ClaimType | None  # None: the frame makes no strike claim, only mentions places
    places: list[ClaimPlace]
    casualties: int | None
    event_day: str


def _frames(sent: Span, registry: Registry, memory: _SpeakerMemory) -> list[_Frame]:
    """The speech frames of a sentence, innermost last, and the reporter's frame first."""
    reporter = _Frame(None, "", "reporter", "reporter", owned={t.i for t in sent})
    frames: list[_Frame] = []
    for tok in sent:
        subject: Token | None = None
        content_root: Token | None = None
        if tok.pos_ in {"VERB", "AUX"} and tok.lemma_ in SPEECH_VERBS and _reports_speech(tok):
            subject = _subject(tok)
            content_root = tok
            if tok.dep_ == "parataxis" and tok.head.i < tok.i:
                content_root = tok.head  # "Jets pounded Idlib, a monitor said, as ...": the head clause
            if subject is None and tok.dep_ == "acl" and tok.head.pos_ in {"NOUN", "PROPN"}:
                # "with some activists claiming the targets included rebels": the noun speaks,
                # and the clause it is the subject of is what it says
                subject = tok.head
                content_root = subject.head if subject.dep_ in {"nsubj", "nsubjpass"} else tok
        elif tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children):
            to = next(c for c in tok.children if c.lower_ == "to")
            subject = next((c for c in to.children if c.dep_ == "pobj"), None)
            content_root = tok.head if tok.head.i != tok.i else None
        if subject is None or content_root is None:
            continue
        speaker_span = _speaker_span(subject, tok)
        full = "".join(t.text_with_ws for t in subject.subtree if t.i != tok.i)
        speaker, side, kind = _attribute(speaker_span, registry, memory, full)
        frame = _Frame(tok, speaker, side, kind, local=_is_local(subject))
        frame.speaker_tokens = {t.i for t in speaker_span}
        frame.owned = {t.i for t in content_root.subtree} - frame.speaker_tokens
        if tok.lower_ == "according":
            frame.owned -= {t.i for t in tok.subtree}
        frames.append(frame)
    # nested frames take their tokens from the enclosing ones
    frames.sort(key=lambda f: len(f.owned), reverse=True)
    for i, outer in enumerate(frames):
        for inner in frames[i + 1 :]:
            if inner.verb is not None and inner.verb.i in outer.owned:
                outer.owned -= inner.owned | inner.speaker_tokens
    for f in frames:
        reporter.owned -= f.owned | f.speaker_tokens
    return [reporter, *frames]


def _outlet_side(article: Article, registry: Registry) -> str:
    """A partisan outlet's unnamed sources speak for its side: "a military source" in SANA is the
    Syrian army's. Any other outlet's unknown speakers stay "other"."""
    found = registry.side_of(article.outlet) if article.outlet else None
    return found[0] if found and found[0] not in {"other", "reporter", "us"} else "other"


def _remember_subjects(sent: Span, frames: list[_Frame], registry: Registry, memory: _SpeakerMemory) -> None:
    """A person who acts as a subject ("Lavrov met reporters") is who a later "he said" refers to."""
    if any(f.kind == "person" for f in frames[1:]):
        return
    for tok in sent:
        if tok.dep_ == "nsubj" and tok.ent_type_ == "PERSON" and tok.head.pos_ == "VERB":
            ent = next(e for e in sent.ents if e.start <= tok.i < e.end)
            phrase = "".join(t.text_with_ws for t in tok.subtree)
            side = (registry.side_of(phrase) or ("other", ""))[0]
            memory.remember(ent.text, side, "person")


def _attribute_quotations(sents: list[Span], framed: list[list[_Frame]]) -> None:
    """A quoted sentence with no speech verb ("The planes bombed X.) belongs to the speaker named
    where the quotation closes, a sentence or two later ("... at all," said Abu Ahmed), or, when
    none is named there, to the speaker of the paragraph's quotation just before ("...," he told
    journalists. "Near Raqqa, a command post was destroyed.")."""
    inside = False
    for i, sent in enumerate(sents):
        text = sent.text
        opens = inside or text.lstrip()[:1] in _OPEN_QUOTES
        inside = _still_open(text, inside)
        if not opens or len(framed[i]) > 1:
            continue
        src = _speaker_after(sents, framed, i) or _speaker_before(sents, framed, i)
        if src is not None:
            framed[i][0] = _Frame(None, src.speaker, src.side, src.kind, framed[i][0].owned, quoted=True)


def _speaker_after(sents: list[Span], framed: list[list[_Frame]], i: int) -> _Frame | None:
    for j in range(i + 1, min(i + 4, len(sents))):
        if "\n" in sents[j - 1].text_with_ws[-2:]:
            return None  # quotations do not run across paragraphs here
        speakers = [f for f in framed[j][1:] if f.verb is not None]
        if speakers:
            return speakers[0]
    return None


def _speaker_before(sents: list[Span], framed: list[list[_Frame]], i: int) -> _Frame | None:
    for j in range(i - 1, max(-1, i - 4), -1):
        if "\n" in sents[j].text_with_ws[-2:]:
            return None
        if not any(ch in sents[j].text for ch in '“”"'):
            continue
        speakers = [f for f in framed[j] if f.attributed]
        if speakers:
            return speakers[-1]
    return None


_OPEN_QUOTES = {"“", '"', "‘"}


def _still_open(text: str, inside: bool) -> bool:
    """Whether a quotation is still open after this sentence."""
    for ch in text:
        if ch == "“":
            inside = True
        elif ch == "”":
            inside = False
        elif ch == '"':
            inside = not inside
    return inside


_PLAIN_SPEECH = frozenset(
    "say tell claim report announce add state allege insist accuse deny confirm".split()
)


def _reports_speech(verb: Token) -> bool:
    """A speech verb that carries what was said: a clause ("said that ..."), a quotation, or, for
    denials, what is denied ("dismissed claims that ..."). "Russia maintains a naval facility" does
    not; nor does "what Moscow claims" without a clause."""
    deps = {c.dep_ for c in verb.children}
    if deps & {"ccomp", "parataxis"} or verb.dep_ in {"parataxis", "acl"}:
        return True
    if verb.lemma_ in _PLAIN_SPEECH and deps & {"dobj", "nsubj", "xcomp", "advcl"}:
        return True  # "The monitor said Wednesday's strikes killed 27": the parser lost the clause
    if verb.lemma_ in _DENY_VERBS | {"question", "dispute", "doubt", "report", "confirm"} and "dobj" in deps:
        return True
    doc = verb.doc
    window = doc[max(verb.sent.start, verb.i - 4) : verb.i]
    after_quote = any(t.text in {"”", '"', "’"} for t in window)
    return after_quote or (verb.dep_ == "ROOT" and verb.i > verb.sent.start + 2)


LOCAL_NOUNS = frozenset(
    """resident activist witness medic doctor rescuer volunteer villager local people family
    survivor farmer teacher""".split()
)


def _is_local(subject: Token) -> bool:
    """Whether a speaker speaks from where things happen: "residents of ...", "an activist in X"."""
    heads = [subject, *(c for c in subject.children if c.dep_ == "appos")]
    return any(h.lemma_.lower() in LOCAL_NOUNS for h in heads)


def _is_conflict_place(topo: Toponym) -> bool:
    """A town or area, not a country or a capital abroad a witness might be reached from."""
    return topo.place is not None and topo.precision in {"point", "region", "admin1"}


def _subject(verb: Token) -> Token | None:
    """The speaker of a speech verb, following conjunctions and participles ("..., saying")."""
    seen = 0
    while seen < 4:
        subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is not None and seen and verb.dep_ != "ROOT" and verb.lemma_ not in SPEECH_VERBS:
            return None  # "the raids had killed ..., accusing Moscow": the raids do not speak
        if subj is not None:
            return None if subj.dep_ == "nsubjpass" else subj
        if verb.dep_ in {"conj", "advcl", "xcomp"} and verb.head.i != verb.i:
            verb = verb.head
            seen += 1
            continue
        return _trailing_speaker(verb)
    return None


def _trailing_speaker(verb: Token) -> Token | None:
    """ "..., the Local Coordination Committees said.": the parser often hangs the speaker on the
    quoted clause (as an apposition) and leaves the verb without a subject."""
    doc = verb.doc
    if verb.i == 0 or verb.i - 1 < verb.sent.start:
        return None
    cand = doc[verb.i - 1]
    while cand.dep_ in {"compound", "amod", "det", "poss"} and cand.head.i < verb.i:
        cand = cand.head
    if cand.pos_ not in {"NOUN", "PROPN", "PRON"} or cand.i != verb.i - 1:
        return None
    before = doc[cand.left_edge.i - 1] if cand.left_edge.i > verb.sent.start else None
    return cand if before is not None and before.text in {",", "”", '"', "’"} else None


def _speaker_span(subject: Token, verb: Token) -> Span:
    """The speaker phrase: the subject's subtree, without relative clauses or the speech verb."""
    doc = subject.doc
    tokens = [
        t
        for t in subject.subtree
        if t.i != verb.i and not any(a.dep_ == "relcl" or a.i == verb.i for a in _ancestors_until(t, subject))
    ]
    start, end = min(t.i for t in tokens), max(t.i for t in tokens) + 1
    while end > start and doc[end - 1].is_punct:
        end -= 1
    while start < end and doc[start].is_punct:
        start += 1
    return doc[start:end]


def _ancestors_until(tok: Token, stop: Token) -> Iterable[Token]:
    while tok.i != stop.i and tok.head.i != tok.i:
        yield tok
        tok = tok.head


def _attribute(span: Span, registry: Registry, memory: _SpeakerMemory, full: str) -> tuple[str, str, str]:
    """(speaker, side, kind) for a speaker phrase, resolving pronouns and "the group" back; `full`
    is the whole subject phrase, relative clauses included, which can name the side."""
    text = span.text
    low = text.lower()
    persons = [
        e
        for e in span.ents
        if e.label_ == "PERSON"
        and (e.root.i == span.root.i or (e.root.head.i == span.root.i and e.root.dep_ == "appos"))
    ]
    display = max(persons, key=len).text if persons else _core_phrase(span, registry)
    if low in _PRONOUNS:
        recalled = memory.recall(_PRONOUNS[low])
        return (recalled[0], recalled[1], "pronoun") if recalled else (text, "other", "pronoun")
    found = registry.side_of(text) or registry.side_of(full)
    if found is None and span.root.lemma_ in _DEFINITE_HEADS and span[0].lower_ in {"the", "this", "that"}:
        recalled = memory.recall("group")
        if recalled:
            return recalled[0], recalled[1], "definite"
    side, kind = found or (memory.unknown_side, "unknown")
    if persons or kind == "person" or span.root.lemma_.lower() in PERSON_NOUNS:
        kind = "person"
    memory.remember(display, side, kind)
    return display, side, kind


def _core_phrase(span: Span, registry: Registry) -> str:
    """The speaker's name without its appositions ("Khaled Khoja", not "..., head of the ...");
    an apposition that names a known actor when the head does not ("11 people, the Observatory")."""
    root = span.root
    cut = {
        t.i
        for c in root.children
        if c.dep_ in {"appos", "relcl", "acl", "advcl", "punct", "npadvmod"} or _is_time_phrase(c)
        for t in c.subtree
    }
    core = [t for t in span if t.i not in cut]
    phrases = [_words(core)]
    phrases += [_words(list(c.subtree)) for c in root.children if c.dep_ == "appos"]
    known = [p for p in phrases if registry.side_of(p) is not None]
    return (known or phrases)[0].strip(" ,")


def _words(tokens: list[Token]) -> str:
    """Tokens as text, with a space wherever the original had one or a token was left out."""
    out = ""
    for a, b in zip(tokens, [*tokens[1:], None], strict=True):
        out += a.text + (a.whitespace_ or (" " if b is not None and b.i != a.i + 1 else ""))
    return out.strip()


def _is_time_phrase(tok: Token) -> bool:
    """ "on Thursday", "late Wednesday": when the speaker spoke, not who they are."""
    return tok.dep_ == "prep" and any(t.ent_type_ in {"DATE", "TIME"} for t in tok.subtree)


def _sentence_drafts(
    sent: Span,
    frames: list[_Frame],
    located: list[tuple[Toponym, Token]],
    registry: Registry,
    ref_year: int | None,
    source: str,
) -> list[_Draft]:
    drafts: list[_Draft] = []
    roots_of = {id(t): r for t, r in located}
    for frame in frames:
        tokens = [t for t in sent if t.i in frame.owned]
        claim_type, anchor_kind = _claim_type(frame, tokens, registry, source)
        places: list[ClaimPlace] = []
        for topo, root in located:
            if root.i in frame.owned:
                if anchor_kind == "presence":
                    role = _presence_role(root)
                else:
                    role = _role(root, frame, registry, ref_year) if claim_type else "context"
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
        places = _refine(places, roots_of)
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
    frame: _Frame, tokens: list[Token], registry: Registry, source: str
) -> tuple[ClaimType | None, str]:
    """What the frame claims about strikes, and whether its strike word is a verb or a noun."""
    anchors = [t for t in tokens if _is_strike(t, registry) and not _governed_elsewhere(t) and not _modal(t)]
    if not anchors:
        text = " ".join(source[t.idx : t.idx + len(t.text)] for t in tokens)
        if frame.attributed and _IS.search(text) and _ABSENT.search(text):
            return "no_is_present", "presence"  # "ISIL has no presence in Homs province"
        return None, ""
    if any(_other_force(a, registry) for a in anchors) and not any(
        registry.force.search(_modifiers(a)) for a in anchors
    ):
        return None, ""
    if any(_under_stance(a, frame) for a in anchors):
        return None, ""
    text = " ".join(source[t.idx : t.idx + len(t.text)] for t in tokens)  # as written, not as parsed
    anchor_kind = "verb" if any(a.pos_ == "VERB" for a in anchors) else "noun"
    verb = frame.verb
    denies = verb is not None and verb.lemma_ in _DENY_VERBS
    if denies or (_REFUTE.search(text) and not _IS.search(text)):
        return "denial", anchor_kind
    if _CIVILIANS.search(text) and _DEATH.search(text):
        return "civilians_killed", anchor_kind
    if _REBELS.search(text):
        return "rebels_hit", anchor_kind
    if _IS.search(text) or _TERROR.search(text):
        negative = _NEGATIVE.search(text) and not _REFUTE.search(text)
        return ("no_is_present" if negative else "is_hit"), anchor_kind
    return "strike_reported", anchor_kind


def _modal(anchor: Token) -> bool:
    """ "Russia must strike Daesh", "planes would hit": a demand or a plan, not a report."""
    return anchor.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ in _MODALS for c in anchor.children)


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
        if lemma not in STRIKE_NOUNS and not (lemma == "strike" or lemma.endswith("strike")):
            return False
        return not any(
            c.lower_ in NOT_STRIKE_MODIFIERS for c in tok.children if c.dep_ in {"compound", "amod"}
        )
    if tok.pos_ != "VERB" or lemma not in STRIKE_VERBS:
        return False
    if lemma not in EFFECT_VERBS:
        return True
    doer = _doer(tok)
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
    )


_AIRCRAFT = re.compile(r"\b(?:Su|MiG|Mi|Tu|Ka|F|B|A)-\d+|\bSukhoi\b|\bTupolev\b")
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


def _under_stance(anchor: Token, frame: _Frame) -> bool:
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


def _role(root: Token, frame: _Frame, registry: Registry, ref_year: int | None) -> Role:
    """Target when the parse ties the place to a strike as where it happened; context otherwise."""
    root = _listed_for(root)
    if root.dep_ == "compound" and _is_noun_of(root.head, PLACE_NOUNS):
        root = root.head  # "in the Homs countryside", "Idlib province"
    if root.dep_ in {"nsubj", "poss", "compound", "amod", "npadvmod", "appos"} and root.head.pos_ != "ADP":
        return "context"  # an actor named by its place: "Moscow said", "Syria's president"
    if _historical(root, ref_year):
        return "context"
    locative = False
    first_prep = True
    tok = root
    for _ in range(12):
        head = tok.head
        if head.i == tok.i or (frame.verb is not None and head.i == frame.verb.i):
            return "context"
        if head.lemma_ in SPEECH_VERBS and head.pos_ == "VERB":
            return "context"
        if head.pos_ == "ADP" or tok.dep_ == "pobj":
            prep = head.lower_
            if prep in ROUTE_PREPS or prep == "beyond":
                return "context"
            if prep == "as" and head.i > 0 and head.doc[head.i - 1].lower_ == "well":
                tok = head  # "..., as well as the town of X": a list, not a comparison
                continue
            if first_prep:
                first_prep = False
                if prep in LOCATIVE_PREPS:
                    locative = True
                elif prep == "of" and _is_noun_of(head.head, PLACE_NOUNS):
                    first_prep = True  # "province of Homs": the next preposition decides
                    if head.head.dep_ in {"advmod", "npadvmod"}:
                        locative = True  # "fell north of Homs"
                else:
                    return "context"
        if head.lemma_ in ROUTE_VERBS:
            return "context"
        anchor = _anchor(head, registry)
        if anchor is not None:
            direct = tok.dep_ in {"dobj", "nsubjpass"} or (
                tok.dep_ == "conj" and tok.pos_ in {"NOUN", "PROPN"}
            )
            if direct and head.pos_ == "VERB" and _is_strike(head, registry):
                locative = True  # "struck Talbiseh", "Homs was bombed", "struck X, as well as Y"
            if not locative or _other_force(anchor, registry) or _negated_intent(head, frame):
                return "context"
            return "target"
        if head.pos_ == "VERB" and tok.dep_ not in {"conj", "appos"} and head.lemma_ not in LIGHT_VERBS:
            return "context"  # the place belongs to a predicate that is not a strike
        tok = head
    return "context"


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


def _anchor(tok: Token, registry: Registry) -> Token | None:
    """The strike this token stands for: itself, or a strike noun it governs ("expand raids")."""
    if _is_strike(tok, registry):
        return tok
    for c in tok.children:
        if c.dep_ in {"nsubj", "nsubjpass", "dobj", "attr"} and c.pos_ == "NOUN" and _is_strike(c, registry):
            return c
    if tok.dep_ == "relcl" and _is_strike(tok.head, registry):
        return tok.head
    return None


def _negated_intent(tok: Token, frame: _Frame) -> bool:
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
            if any(a.dep_ in {"appos", "relcl", "acl"} for a in _ancestors_until(t, tok)):
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


def _refine(places: list[ClaimPlace], roots: dict[int, Token]) -> list[ClaimPlace]:
    """A place named to locate another target refines it, it is not a target of its own: the country
    in "Homs, in western Syria", the province in "the town of Jisr al-Shughour in Idlib province"."""
    targets = [p for p in places if p.role == "target" and p.toponym.place is not None]
    out = []
    for p in places:
        if p in targets and any(
            q is not p
            and _contains(p.toponym, q.toponym, _names_an_area(roots.get(id(p.toponym))))
            and _locates(roots.get(id(p.toponym)), roots.get(id(q.toponym)), p.toponym.precision == "country")
            for q in targets
        ):
            p = ClaimPlace(p.toponym, "context", p.basis)
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


def _casualties(tokens: list[Token]) -> int | None:
    """The number of people a claim says were killed: "killing 36 civilians"."""
    for t in tokens:
        if (t.dep_ == "nummod" and _CIVILIANS.match(t.head.text)) or (
            t.dep_ == "nummod"
            and t.head.lemma_
            in {
                "civilian",
                "person",
                "child",
                "fighter",
                "militant",
                "rebel",
                "soldier",
            }
        ):
            value = _number(t.text)
            if value is not None:
                return value
    return None


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
    basis_weight: dict[LocationBasis, float] = {"explicit": 0.9, "sentence": 0.7, "article": 0.45}
    side_weight = 1.0 if d.frame.side != "other" else 0.8
    best = max((basis_weight[p.basis] * p.toponym.confidence for p in places), default=0.0)
    return round(best * side_weight, 3)
