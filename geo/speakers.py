"""Speech frames: who speaks in a sentence, which words are theirs, and for which side.

A sentence is cut into frames: each speech verb ("said", "told", "accused", "according to") owns its
clause minus its speaker; what no frame owns is the reporter's narration. Speakers are named as the
text names them, resolved back when it does not ("he said", "the group said", a quotation closed or
resumed a sentence away), and given a side by the actor registry.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from geo.registry import Registry
    from geo.types import Article

SPEECH_VERBS = frozenset(
    """say tell claim accuse announce insist deny report state add allege dismiss reject question
    stress note confirm quote complain argue write post warn acknowledge admit assert declare
    estimate explain maintain reveal suggest charge contend reply respond counter boast brief
    testify tweet document record describe doubt dispute list corroborate""".split()
)


# Speaker heads that are one person, whom a later "he" or "she" can refer to.
PERSON_NOUNS = frozenset(
    """spokesman spokeswoman spokesperson official minister ambassador envoy commander activist head
    chief director leader president secretary general colonel resident witness doctor correspondent
    analyst expert diplomat source captain lieutenant major general sheikh journalist""".split()
)


DENY_VERBS = frozenset(["deny", "dismiss", "reject", "refute", "rebuff"])


_PRONOUNS = {"he": "person", "she": "person", "it": "group", "they": "any", "we": "any", "i": "person"}


_DEFINITE_HEADS = frozenset(
    """report ministry group monitor channel agency official spokesman spokeswoman source media
    department command military army""".split()
)
# What a body says things in: "according to the press release" is the body that issued it.
DOCUMENT_NOUNS = frozenset(
    """statement release report briefing communique communiqué bulletin announcement readout
    update summary document text transcript""".split()
)


@dataclass(slots=True)
class Frame:
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
class SpeakerMemory:
    """The last named speakers, for "he said", "the group said" and "the ministry added"."""

    person: tuple[str, str] | None = None
    group: tuple[str, str] | None = None
    unknown_side: str = "other"  # for speakers no rule knows ("a military source")
    # the last speaker a head noun named: "the ministry" after "Russia's defence ministry"
    heads: dict[str, tuple[str, str]] = field(default_factory=dict)
    known: tuple[str, str] | None = None  # the last speaker whose side a rule knew
    # people by surname, for an interview's "spoke with Captain X" after "Captain X of the ... told"
    names: dict[str, tuple[str, str]] = field(default_factory=dict)

    def remember(self, speaker: str, side: str, kind: str, head: str = "") -> None:
        if kind == "person":
            self.person = (speaker, side)
        else:
            self.group = (speaker, side)
        if side != self.unknown_side:
            self.known = (speaker, side)
            if head:
                self.heads[head] = (speaker, side)

    def recall(self, want: str) -> tuple[str, str] | None:
        if want == "person":
            return self.person
        if want == "group":
            return self.group or self.person
        return self.person or self.group


def sentence_frames(sent: Span, registry: Registry, memory: SpeakerMemory) -> list[Frame]:
    """The speech frames of a sentence, innermost last, and the reporter's frame first."""
    # A party's own outlet (SANA, RT, the Observatory's reports) narrates for its side.
    narrator = memory.unknown_side if memory.unknown_side != "other" else "reporter"
    reporter = Frame(None, "", narrator, "reporter", owned={t.i for t in sent})
    frames: list[Frame] = []
    for tok in sent:
        subject: Token | None = None
        content_root: Token | None = None
        if tok.pos_ in {"VERB", "AUX"} and (
            (tok.lemma_ in SPEECH_VERBS and _reports_speech(tok)) or gives_a_toll(tok)
        ):
            subject = _subject(tok)
            content_root = tok
            if (
                tok.dep_ in {"advcl", "conj"}
                and tok.head.i < tok.i
                and not any(t.dep_ == "cc" and t.head.i == tok.head.i for t in tok.doc[tok.head.i : tok.i])
                and subject is not None
                and subject.dep_ == "nsubj"
                and tok.doc[subject.left_edge.i - 1].text == ","
            ):
                content_root = tok.head  # "... were killed when jets pounded X, state media reported"
            elif (
                tok.dep_ == "parataxis"
                and tok.head.i != tok.i
                and not any(c.dep_ == "ccomp" for c in tok.children)
            ):
                # "Jets pounded Idlib, a monitor said, as ...", "In Hama, the Observatory said,
                # strikes fell on ...": the clause the attribution is set into
                content_root = tok.head
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
        if kind not in {"pronoun", "definite"} and registry.side_of(full) is None:
            side = _relayed_side(tok, sent, registry) or side
        frame = Frame(tok, speaker, side, kind, local=_is_local(subject))
        frame.speaker_tokens = {t.i for t in speaker_span}
        frame.owned = {t.i for t in content_root.subtree} - frame.speaker_tokens
        if tok.lower_ == "according":
            frame.owned -= {t.i for t in tok.subtree}
        frames.append(frame)
        frames.extend(_co_speakers(subject, frame, registry))
    # nested frames take their tokens from the enclosing ones
    frames.sort(key=lambda f: len(f.owned), reverse=True)
    for i, outer in enumerate(frames):
        for inner in frames[i + 1 :]:
            if inner.verb is not None and outer.verb is not None and inner.verb.i == outer.verb.i:
                continue  # two speakers of one verb share what it says
            if inner.verb is not None and inner.verb.i in outer.owned:
                outer.owned -= inner.owned | inner.speaker_tokens
    for f in frames:
        reporter.owned -= f.owned | f.speaker_tokens
    if not frames and memory.known is not None and _hearsay_passive(sent):
        # "A base in Latakia was said to have been hit", "Three camps were reportedly among the
        # targets": a report with no one named goes on with whoever was reporting
        speaker, side = memory.known
        reporter = Frame(None, speaker, side, "definite", reporter.owned, quoted=True)
    return [reporter, *frames]


def _hearsay_passive(sent: Span) -> bool:
    return any(
        t.lower_ in {"reportedly", "allegedly", "purportedly"}
        or (
            t.lemma_ in {"say", "report", "claim"}
            and t.tag_ == "VBN"
            and any(c.dep_ == "auxpass" for c in t.children)
            and not any(c.dep_ == "agent" for c in t.children)
        )
        for t in sent
    )


def gives_a_toll(verb: Token) -> bool:
    """ "Another activist put the death toll from the strikes on X at 28": a figure given is said."""
    return verb.lemma_ in {"put", "place", "give"} and any(
        c.dep_ == "dobj" and c.lemma_ in {"toll", "figure", "number", "tally"} for c in verb.children
    )


def _co_speakers(subject: Token, frame: Frame, registry: Registry) -> list[Frame]:
    """ "according to activists and the Syrian Observatory": each side a conjunct names speaks."""
    out: list[Frame] = []
    # "Rebels on the ground and Western governments": the parser may join the second speaker to
    # the first one's prepositional phrase
    misjoined = [c for p in subject.children if p.dep_ == "prep" for o in p.children for c in o.conjuncts]
    heads = [subject, *subject.conjuncts, *misjoined]
    if len(heads) == 1:
        return out  # one speaker: its side was settled with the memory of who spoke before
    for conj in heads:
        others = {
            t.i
            for h in heads
            if h.i != conj.i and h.i not in {a.i for a in conj.ancestors}
            for t in h.subtree
        }
        phrase = "".join(t.text_with_ws for t in conj.subtree if t.i not in others and t.dep_ != "cc").strip()
        found = registry.side_of(phrase)
        if found is None or found[0] == frame.side or any(f.side == found[0] for f in out):
            continue
        other = Frame(frame.verb, phrase, found[0], found[1], local=_is_local(conj))
        other.owned, other.speaker_tokens = set(frame.owned), set(frame.speaker_tokens)
        out.append(other)
    return out


def _relayed_side(verb: Token, sent: Span, registry: Registry) -> str | None:
    """ "a military source told SANA", "..., the ministry said, citing TASS", "quoted by RIA": a
    speaker no rule knows, reached through a partisan medium, speaks for the medium's side."""
    relays: list[Token] = []
    for c in verb.children:
        if verb.lemma_ == "tell" and c.dep_ in {"dobj", "dative"}:
            relays.append(c)
        elif c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "to"):
            relays += [g for g in c.children if g.dep_ == "pobj"]
    relays += [
        g for t in sent if t.lemma_ in {"cite", "quote"} for g in t.children if g.dep_ in {"dobj", "pobj"}
    ]
    relays += [
        g
        for t in sent
        if t.lower_ in {"cited", "quoted"}
        for a in t.children
        if a.dep_ == "agent"
        for g in a.children
    ]
    subject = _subject(verb)
    if subject is not None and subject.lemma_.lower() in OFFICIAL_NOUNS:
        # "a senior defense official told reporters in Washington": an official speaks for the
        # government of the capital they brief in
        hosts = [verb, *(c for c in verb.children if c.dep_ in {"dobj", "dative"})]
        relays += [
            g for h in hosts for c in h.children if c.lower_ == "in" for g in c.children if g.dep_ == "pobj"
        ]
    for r in relays:
        found = registry.side_of("".join(t.text_with_ws for t in r.subtree))
        if found is not None and found[0] not in _NEUTRAL_SIDES:
            return found[0]
    return None


_NEUTRAL_SIDES = frozenset(["other", "reporter"])
OFFICIAL_NOUNS = frozenset("official spokesman spokeswoman spokesperson diplomat officer".split())


def outlet_side(article: Article, registry: Registry) -> str:
    """A partisan outlet's unnamed sources speak for its side: "a military source" in SANA is the
    Syrian army's, and so does its narration, reprinted or not ("MOSCOW, October 8 /TASS/",
    "(SANA) -"). Any other outlet's unknown speakers stay "other"."""
    found = registry.side_of(article.outlet) if article.outlet else None
    if found is None:
        credit = _CREDIT.search(article.text[:200])
        found = registry.side_of(credit.group(1) or credit.group(2)) if credit else None
    return found[0] if found and found[0] not in {*_NEUTRAL_SIDES, "us"} else "other"


# an agency's credit in the dateline: "DAMASCUS, Oct 1 (SANA) -", "MOSCOW, October 8. /TASS/."
_CREDIT = re.compile(r"^[A-Z][A-Za-z0-9 .,'-]{1,40}?[ ,.]*(?:\(([^()\n]{2,40})\)|/([^/\n]{2,40})/)")


def remember_subjects(sent: Span, frames: list[Frame], registry: Registry, memory: SpeakerMemory) -> None:
    """A person who acts as a subject ("Lavrov met reporters") is who a later "he said" refers to."""
    if any(f.kind == "person" for f in frames[1:]):
        return
    for tok in sent:
        if tok.dep_ == "nsubj" and tok.ent_type_ == "PERSON" and tok.head.pos_ == "VERB":
            ent = next(e for e in sent.ents if e.start <= tok.i < e.end)
            phrase = "".join(t.text_with_ws for t in tok.subtree)
            side = (registry.side_of(phrase) or ("other", ""))[0]
            memory.remember(ent.text, side, "person")


def attribute_interviews(
    sents: list[Span], framed: list[list[Frame]], registry: Registry, memory: SpeakerMemory
) -> None:
    """A question-and-answer interview ("Q: Where did the planes strike?" and the answer below it):
    the answers are the words of whom the outlet "spoke with", not the outlet's narration."""
    interviewee: tuple[str, str] | None = None
    answering = False
    for i, sent in enumerate(sents):
        if _QUESTION.match(sent.text.lstrip()):
            answering = True
            interviewee = interviewee or _interviewee(sents[:i], registry, memory)
            continue
        if answering and interviewee is not None and len(framed[i]) == 1:
            framed[i][0] = Frame(
                None, interviewee[0], interviewee[1], "person", framed[i][0].owned, quoted=True
            )


_QUESTION = re.compile(r"(?:Q|Question)\s*[:.\-–]\s")


def _interviewee(before: list[Span], registry: Registry, memory: SpeakerMemory) -> tuple[str, str] | None:
    """Whom the outlet spoke with or interviewed, and their side (from the name's earlier mention)."""
    for sent in reversed(before):
        for tok in sent:
            if tok.lemma_ in {"speak", "talk"}:
                people = [
                    g
                    for c in tok.children
                    if c.lower_ in {"with", "to"}
                    for g in c.children
                    if g.dep_ == "pobj"
                ]
            elif tok.lemma_ == "interview":
                people = [c for c in tok.children if c.dep_ == "dobj"]
            else:
                continue
            for person in people:
                phrase = "".join(t.text_with_ws for t in person.subtree).strip()
                found = registry.side_of(phrase)
                known = memory.names.get(_surname(phrase))
                if found is not None:
                    return phrase, found[0]
                if known is not None:
                    return known
    return None


def attribute_quotations(sents: list[Span], framed: list[list[Frame]]) -> None:
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
            framed[i][0] = Frame(None, src.speaker, src.side, src.kind, framed[i][0].owned, quoted=True)


def _speaker_after(sents: list[Span], framed: list[list[Frame]], i: int) -> Frame | None:
    for j in range(i + 1, min(i + 4, len(sents))):
        if "\n" in sents[j - 1].text_with_ws[-2:]:
            return None  # quotations do not run across paragraphs here
        speakers = [f for f in framed[j][1:] if f.verb is not None]
        if speakers:
            return speakers[0]
    return None


def _speaker_before(sents: list[Span], framed: list[list[Frame]], i: int) -> Frame | None:
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
    if any(c.dep_ == "xcomp" and any(a.dep_ == "auxpass" for a in c.children) for c in verb.children):
        return False  # "places reported to have been hit": what is reported, not who reports
    if deps & {"ccomp", "parataxis"} or verb.dep_ in {"parataxis", "acl"}:
        return True
    if verb.lemma_ in _PLAIN_SPEECH and deps & {"dobj", "nsubj", "xcomp", "advcl"}:
        return True  # "The monitor said Wednesday's strikes killed 27": the parser lost the clause
    if verb.lemma_ in DENY_VERBS | {"question", "dispute", "doubt", "report", "confirm"} and "dobj" in deps:
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


def _subject(verb: Token) -> Token | None:
    """The speaker of a speech verb, following conjunctions and participles ("..., saying")."""
    if verb.lemma_ == "report" and any(c.dep_ == "mark" and c.lower_ in _NOUN_MARKS for c in verb.children):
        return None  # "after reports its jets hit rebels": a noun the parser read as a verb
    seen = 0
    while seen < 4:
        # the subject nearest the verb: "Key Takeaway: The ministry claimed" has two
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        subj = max(subjects, key=lambda c: c.i) if subjects else None
        if subj is not None and seen and verb.dep_ != "ROOT" and verb.lemma_ not in SPEECH_VERBS:
            return None  # "the raids had killed ..., accusing Moscow": the raids do not speak
        if subj is not None and subj.dep_ == "nsubjpass":
            # "Airstrikes in X were reported by activists": the agent speaks
            agent = next(
                (g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None
            )
            return agent if agent is not None and verb.lemma_ in SPEECH_VERBS else None
        if subj is not None:
            return subj
        if verb.dep_ in {"conj", "advcl", "xcomp"} and verb.head.i != verb.i:
            verb = verb.head
            seen += 1
            continue
        return _trailing_speaker(verb) or _speaker_before_aside(verb)
    return None


_NOUN_MARKS = frozenset(["after", "amid", "following", "despite"])


def _speaker_before_aside(verb: Token) -> Token | None:
    """ "Syria's state news agency SANA, quoting a military source, said ...": the parser loses the
    subject behind the aside; it is the noun right before the aside's opening comma."""
    doc = verb.doc
    i = verb.i - 1
    if i <= verb.sent.start or doc[i].text != ",":
        return None
    i -= 1
    while i > verb.sent.start and doc[i].text != ",":
        i -= 1
    cand = doc[i - 1] if i > verb.sent.start else None
    if cand is None or doc[i].text != "," or cand.pos_ not in {"NOUN", "PROPN"}:
        return None
    aside = doc[i + 1 : verb.i - 1]
    return cand if aside and aside[0].pos_ == "VERB" and aside[0].tag_ == "VBG" else None


def _trailing_speaker(verb: Token) -> Token | None:
    """ "..., the Local Coordination Committees said.": the parser often hangs the speaker on the
    quoted clause (as an apposition) and leaves the verb without a subject."""
    doc = verb.doc
    if verb.i == 0 or verb.i - 1 < verb.sent.start:
        return None
    cand = doc[verb.i - 1]
    # up to the phrase's head: "..., the Britain-based Syrian Observatory for Human Rights says."
    while cand.dep_ in {"compound", "amod", "det", "poss", "pobj", "prep"} and cand.head.i < verb.i:
        cand = cand.head
    if cand.pos_ not in {"NOUN", "PROPN", "PRON"} or cand.right_edge.i != verb.i - 1:
        return None
    before = doc[cand.left_edge.i - 1] if cand.left_edge.i > verb.sent.start else None
    return cand if before is not None and before.text in {",", "”", '"', "’"} else None


def _speaker_span(subject: Token, verb: Token) -> Span:
    """The speaker phrase: the subject's subtree, without relative clauses or the speech verb."""
    doc = subject.doc
    tokens = [
        t
        for t in subject.subtree
        if t.i != verb.i and not any(a.dep_ == "relcl" or a.i == verb.i for a in ancestors_until(t, subject))
    ]
    start, end = min(t.i for t in tokens), max(t.i for t in tokens) + 1
    while end > start and doc[end - 1].is_punct:
        end -= 1
    while start < end and doc[start].is_punct:
        start += 1
    return doc[start:end]


def ancestors_until(tok: Token, stop: Token) -> Iterable[Token]:
    while tok.i != stop.i and tok.head.i != tok.i:
        yield tok
        tok = tok.head


def _attribute(span: Span, registry: Registry, memory: SpeakerMemory, full: str) -> tuple[str, str, str]:
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
    head = span.root.lemma_.lower()
    definite = span[0].lower_ in {"the", "this", "that", "its", "their"}
    if definite and len(span) <= 3 and head in memory.heads and (found is None or found[1] == "descriptor"):
        # "The Coalition stressed" after "The Syrian Coalition said": the body named before,
        # not whatever a loose pattern for the bare word would say
        return memory.heads[head][0], memory.heads[head][1], "definite"
    if found is None and persons:
        # "Mustafa stressed" after "The head of the Syrian Turkmen Assembly, Abdurrahman Mustafa"
        known = memory.names.get(_surname(display))
        if known is not None:
            found = (known[1], "person")
    if found is None:
        # "the Defense Ministry's spokesman": who speaks for a body named before
        owner = next(
            (
                memory.heads[t.lemma_.lower()]
                for t in span
                if t.dep_ == "poss" and t.lemma_.lower() in memory.heads
            ),
            None,
        )
        if owner is not None:
            found = (owner[1], "person")
    if found is None and definite:
        # "the ministry added", "according to the press release", "the statement said": whoever
        # the noun last named, or for a document or a generic body the last group that spoke
        recalled = memory.heads.get(head)
        if recalled is None and (head in _DEFINITE_HEADS or head in DOCUMENT_NOUNS):
            recalled = memory.recall("group")
        if recalled:
            return recalled[0], recalled[1], "definite"
    side, kind = found or (memory.unknown_side, "unknown")
    if persons or kind == "person" or head in PERSON_NOUNS:
        kind = "person"
    memory.remember(display, side, kind, head if found else "")
    if found is not None and span.root.pos_ == "PROPN":
        memory.names[_surname(span.root.text)] = (display, side)
    if found is not None:
        for person in (e for e in span.ents if e.label_ == "PERSON"):
            memory.names[_surname(person.text)] = (person.text, side)
    return display, side, kind


def _surname(name: str) -> str:
    words = re.findall(r"[^\W\d_]+", name.lower())
    return words[-1] if words else ""


def _core_phrase(span: Span, registry: Registry) -> str:
    """The speaker's name without its appositions ("Khaled Khoja", not "..., head of the ...");
    an apposition that names a known actor when the head does not ("11 people, the Observatory")."""
    root = span.root
    cut = {
        t.i
        for c in root.children
        if c.dep_ in {"appos", "relcl", "acl", "advcl", "punct", "npadvmod"}
        or _is_time_phrase(c)
        or _affiliation(c)
        for t in c.subtree
    }
    core = [t for t in span if t.i not in cut]
    phrases = [_words(core)]
    phrases += [_words(list(c.subtree)) for c in root.children if c.dep_ == "appos"]
    known = [p for p in phrases if registry.side_of(p) is not None]
    return (known or phrases)[0].strip(" ,")


def _affiliation(prep: Token) -> bool:
    """ "Captain X of the FSA-affiliated Y brigade": whom a named person is with, not their name
    (a body's own "of" stays: "Ministry of Defence")."""
    return (
        prep.dep_ == "prep"
        and prep.lower_ == "of"
        and prep.head.pos_ == "PROPN"
        and any(g.dep_ == "pobj" and g.pos_ == "NOUN" for g in prep.children)
    )


def _words(tokens: list[Token]) -> str:
    """Tokens as text, with a space wherever the original had one or a token was left out."""
    out = ""
    for a, b in zip(tokens, [*tokens[1:], None], strict=True):
        out += a.text + (a.whitespace_ or (" " if b is not None and b.i != a.i + 1 else ""))
    return out.strip()


def _is_time_phrase(tok: Token) -> bool:
    """ "on Thursday", "late Wednesday": when the speaker spoke, not who they are."""
    return tok.dep_ == "prep" and any(t.ent_type_ in {"DATE", "TIME"} for t in tok.subtree)
