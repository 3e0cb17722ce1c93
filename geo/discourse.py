"""The discourse attribution state: who spoke last, and whom a later mention of them means.

Speakers are named as the text names them and given a side by the actor registry; when the text
does not name them, the state resolves them back: "he said", "it added", "the ministry stressed",
"according to the press release" (a document is its issuer's), a quotation closed or resumed a
sentence away, an account that goes on without a new speaker (geo.speakers), an interview's
answers, and a partisan outlet's unnamed sources. A reprint is the copy it carries: its dateline
credit ("MOSCOW, October 8 /TASS/") or credit line ("Tasnim, citing TASS") names the outlet whose
side it keeps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from geo.article_formats import banner_names
from geo.lexicon import words
from geo.registry import DESCRIPTIVE_KINDS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from geo.registry import Registry
    from geo.types import Article

PERSON_NOUNS = words("person_nouns")
DOCUMENT_NOUNS = words("document_nouns")
_DEFINITE_HEADS = words("speaker_body_nouns")
# the words for one kind of medium: "the channel" after "al-Mayadeen TV"
_BROADCASTERS = ("tv", "television", "channel", "broadcaster", "station")
_SAME_MEDIUM = {
    **{w: _BROADCASTERS for w in _BROADCASTERS},
    **{w: ("agency", "news agency") for w in ("agency", "agencies")},
    **{w: ("newspaper", "paper", "daily") for w in ("newspaper", "paper", "daily")},
}
# nouns any body's speaker answers to ("the Britain-based NGO said" after the Observatory)
_GENERIC_HEADS = frozenset(["group", "source", "official", "ngo", "organisation", "organization", "watchdog"])
NEUTRAL_SIDES = frozenset(["other", "reporter"])

# subjects, and the objects "according to him", "said to them" (never "us": the US)
_PRONOUNS = {"he": "person", "she": "person", "it": "group", "they": "any", "we": "any", "i": "person"}
_PRONOUNS |= {"him": "person", "her": "person", "them": "any"}
_POSSESSIVES = {"his": "person", "her": "person", "its": "group", "their": "any"}
_THE = re.compile(r"^(?:The|the)\s+")


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
    aside: bool = False  # the narrator's description of places inside a source's account
    shown: bool = False  # what a video or picture shows ("pictures showed an attack on X")

    @property
    def attributed(self) -> bool:
        return self.verb is not None or self.quoted


@dataclass(slots=True)
class SpeakerMemory:
    """The last named speakers, for "he said", "the group said" and "the ministry added"."""

    person: tuple[str, str] | None = None
    group: tuple[str, str] | None = None
    unknown_side: str = "other"  # for speakers no rule knows ("a military source")
    # whose the unattributed sentences are: the page's own body's, or the reporter's
    narrator: str = "reporter"
    # the last speaker a head noun named: "the ministry" after "Russia's defence ministry"
    heads: dict[str, tuple[str, str]] = field(default_factory=dict)
    known: tuple[str, str] | None = None  # the last speaker whose side a rule knew
    # people by surname, for an interview's "spoke with Captain X" after "Captain X of the ... told"
    names: dict[str, tuple[str, str]] = field(default_factory=dict)
    # who gave the last sentence's account (speaker, side, kind), for a next sentence that goes on
    reporting: tuple[str, str, str] | None = None
    # bodies by their initials: "the SCD" after "The Syrian Civil Defence reported"
    initials: dict[str, tuple[str, str]] = field(default_factory=dict)
    # the page's own medium, by its banner: its correspondents narrate (see `own_journalist`)
    own_media: tuple[re.Pattern[str], ...] = ()

    def own_journalist(self, speaker: str) -> bool:
        """Whether the speaker is the page's own correspondent ("Orient's correspondent said" on
        Orient Net's page): annotators give a newsroom's own field reports to the reporter, as its
        other sentences, while another site relaying that correspondent relays a partisan medium."""
        return bool(_JOURNALIST.search(speaker)) and any(p.search(speaker) for p in self.own_media)

    def remember(self, speaker: str, side: str, kind: str, head: str = "", *, spoke: bool = True) -> None:
        """`spoke`: False for a person who only acted ("Putin has defied the West"), whom a later
        "he said" means but whose account no later unattributed hearsay goes on with. The noun a
        speaker was named by ("A media source told Al-Watan") is who "the source" is later, though
        a partisan outlet's unnamed source has only the outlet's side; an unknown speaker of a
        neutral outlet ("one official") does not displace a known one ("one defense official")."""
        if kind == "person":
            self.person = (speaker, side)
        else:
            self.group = (speaker, side)
        if side != self.unknown_side:
            if spoke:
                self.known = (speaker, side)
            capitals = re.findall(r"\b[A-Z]", _THE.sub("", speaker))
            if kind != "person" and len(capitals) >= 2:
                self.initials["".join(capitals)] = (speaker, side)
        if head and side != "other":
            self.heads[head] = (speaker, side)
        for same in _SAME_MEDIUM.get(head, ()):  # "al-Mayadeen TV reported ... the channel said"
            self.heads[same] = (speaker, side)

    def recall(self, want: str) -> tuple[str, str] | None:
        if want == "person":
            return self.person
        if want == "group":
            return self.group or self.person
        return self.person or self.group


def outlet_side(article: Article, registry: Registry) -> str:
    """A partisan outlet's unnamed sources speak for its side: "a military source" in SANA is the
    Syrian army's. A reprint keeps the side of the copy it carries: the agency its dateline credits
    ("MOSCOW, October 8 /TASS/", "(SANA) -") or its credit line names ("Tasnim, citing TASS", "TASS
    (reprinted by ...)"), not the reprinting site's. Any other outlet's unknown speakers stay "other".
    A party's state medium datelined in the striking side's capital ("Moscow, SANA -") relays that
    side's briefing: its copy is the striking side's."""
    credit = _CREDIT.search(article.text[:200])
    found = registry.named_side(next(g for g in credit.groups() if g)) if credit else None
    if credit is not None and found is not None and registry.sides[found[0]].narrates:
        where = registry.side_of(credit.group(0).split(",")[0])
        if where is not None and where[0] == registry.force_side:
            found = where
    if found is None and article.outlet:
        found = registry.named_side(original_source(article.outlet))
    elif found is None:
        found = (
            registry.is_named(article.title.strip())
            or _byline(article.text, registry)
            or banner_owner(article, registry)
        )
    return found[0] if found and found[0] not in {*NEUTRAL_SIDES, "us"} else "other"


def own_media(article: Article, registry: Registry) -> tuple[re.Pattern[str], ...]:
    """The media the page's banner names, by the name's first word: "Orient Net | News" is the
    page of the Orient whose "Orient's correspondent" or "Orient News correspondent" reports."""
    out = []
    for name in banner_names(article.banner):
        found = registry.side_of(name)
        first = _THE.sub("", name).split()
        if found is not None and found[1] == "medium" and first:
            out.append(re.compile(rf"(?<![\w-]){re.escape(first[0])}(?![\w-])"))
    return tuple(out)


_JOURNALIST = re.compile(r"\b(?:correspondents?|reporters?|cameram[ae]n)\b", re.IGNORECASE)


def banner_owner(article: Article, registry: Registry) -> tuple[str, str] | None:
    """The body whose own page this is, by the banner above its headline ("Syrian Network for Human
    Rights | News", "Syria Civil Defence | News"): what the page tells unattributed is that body's
    word, as a monitor's or a rescue service's report. A medium's banner ("Orient Net | News",
    "Sputnik Mundo") does not make its narration its side's: annotators give a newsroom's own
    sentences to the reporter. A page with no headline of its own has its banner as its title
    ("Airwars | Civilian Casualties | Russian Military in Syria" over an incident record)."""
    names = banner_names(article.banner)
    if not names and len(title_parts := banner_names(article.title)) == 1 and title_parts[0] != article.title:
        names = title_parts
    for name in names:
        found = registry.is_named(name)
        if (
            found is not None
            and found[0] not in NEUTRAL_SIDES
            and (found[1] == "organisation" or registry.sides[found[0]].narrates)
        ):
            return found
    return None


def _byline(text: str, registry: Registry) -> tuple[str, str] | None:
    """A line under the headline that is only the name of a body whose outlets narrate for it ("The
    Syrian Observatory For Human Rights" over a monitor's report): the page is that body's own. A
    person's name or a wire's is a byline like any reporter's."""
    for line in text[:400].split("\n")[:4]:
        if len(line.split()) > 8:
            return None  # the lead has begun
        found = registry.is_named(line.strip()) if line.strip() else None
        if found is not None and found[1] != "person" and registry.sides[found[0]].narrates:
            return found
    return None


_RELAY = re.compile(
    r"\b(?:" + "|".join(sorted(map(re.escape, words("relay_words")), key=len, reverse=True)) + r")\s+"
    r"(?:an?\s+|the\s+)?(?P<source>[^(),;]+)",
    re.IGNORECASE,
)
_REPRINT = re.compile(
    r"\b(?:" + "|".join(sorted(map(re.escape, words("reprint_words")), key=len, reverse=True)) + r")\b.*",
    re.IGNORECASE,
)


def original_source(credit_line: str) -> str:
    """The source whose copy an outlet's credit line says it carries: "Tasnim News Agency (Iran),
    citing TASS" is TASS's, "RIA Novosti (reprinted by The Iran Project)" RIA's; an outlet's own
    notes in brackets ("Al-Alam (Iranian broadcaster, English site)") are not its name."""
    relay = _RELAY.search(credit_line)
    if relay is not None:
        return relay.group("source").strip()
    return _REPRINT.sub("", re.sub(r"\([^()]*\)", "", credit_line)).strip(" ,;")


# an agency's credit in the dateline: "DAMASCUS, Oct 1 (SANA) -", "MOSCOW, October 8. /TASS/.",
# "Hama, SANA -", "Latakia, SANA_", "Moscow, 1 October, TASS:", or alone: "FNA - The Syrian ...". No
# dateline has a possessive or an "of": "Warplanes of Russia's Aerospace Forces (VKS) struck" is a sentence
_CREDIT = re.compile(
    r"^[A-Z](?:(?!'s\b| of )[A-Za-z0-9 .,'-]){1,40}?[ ,.]*(?:\(([^()\n]{2,40})\)|/([^/\n]{2,40})/)"
    r"|^[A-Z][A-Za-z0-9 .,'/-]{1,40}?,\s*([A-Z]{2,8})\s*[-–—_:]"
    r"|^([A-Z]{2,8})\s+[-–—]\s"
    r"|^[A-Z][A-Za-z .'-]{1,30}?\s[-–—]\s([A-Z][A-Za-z]{2,20})\.\s"  # "Moscow — Sputnik. The ..."
)


def remember_subjects(sent: Span, frames: list[Frame], registry: Registry, memory: SpeakerMemory) -> None:
    """A person who acts as a subject ("Lavrov met reporters") is who a later "he said" refers to."""
    if any(f.kind == "person" for f in frames[1:]):
        return
    for tok in sent:
        if tok.dep_ == "nsubj" and tok.ent_type_ == "PERSON" and tok.head.pos_ == "VERB":
            ent = next(e for e in sent.ents if e.start <= tok.i < e.end)
            phrase = "".join(t.text_with_ws for t in tok.subtree)
            side = (registry.side_of(phrase) or ("other", ""))[0]
            memory.remember(ent.text, side, "person", spoke=False)
        elif tok.dep_ == "nsubj" and tok.pos_ == "PROPN" and tok.head.lemma_ == "be":
            _remember_introduced(tok, registry, memory)
    for ent in sent.ents:
        if ent.label_ == "PERSON" and _surname(ent.text) not in memory.names:
            _remember_titled(ent, registry, memory)


def _remember_titled(person: Span, registry: Registry, memory: SpeakerMemory) -> None:
    """ "(Pentagon spokesman) Colonel Steve Warren preferred not to ...": a person a title names
    where they only figure speaks, when quoted later by surname ("Warren had claimed"), for the side
    the title says."""
    doc, i = person.doc, person.start
    while (
        i > person.sent.start
        and i > person.start - 5
        and doc[i - 1].pos_ in {"PROPN", "NOUN", "ADJ", "PUNCT"}
        and doc[i - 1].text not in {",", ".", ";", ":", '"', "“", "”"}
    ):
        i -= 1
    found = registry.side_of(doc[i : person.end].text) if i < person.start else None
    if found is not None and found[0] not in {"reporter", memory.unknown_side}:
        memory.names[_surname(person.text)] = (person.text, found[0])


def _remember_introduced(name: Token, registry: Registry, memory: SpeakerMemory) -> None:
    """ "Abdel Rahman al-Yehiya is an archaeologist in rebel-held Idlib": a person introduced by
    what they are speaks, when later quoted by surname ("Yehiya says"), for the side that says."""
    described = [c for c in name.head.children if c.dep_ == "attr"]
    found = registry.side_of("".join(t.text_with_ws for c in described for t in c.subtree))
    if found is None or registry.side_of(name.text) is not None:
        return
    person = "".join(t.text_with_ws for t in name.subtree if t.pos_ == "PROPN" or t.text == "-").strip()
    memory.names[_surname(person)] = (person, found[0])
    memory.remember(person, found[0], "person")


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
        if answering and interviewee is not None and all(f.aside for f in framed[i][1:]):
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
    none is named there, to the speaker of the quotation just before ("...," he told journalists.
    "Near Raqqa, a command post was destroyed."). A quotation runs into the next paragraph only as
    print marks it: left open at the paragraph's end and opened again at the next one's start."""
    open_after: list[bool] = []
    inside = False
    for i, sent in enumerate(sents):
        text = sent.text.lstrip()
        if i and paragraph_ends(sents[i - 1]):
            # a quotation left open goes on only where the new paragraph opens it again
            inside = inside and text[:1] in _OPEN_QUOTES
            text = text[1:] if inside else text
        opens = inside or text[:1] in _OPEN_QUOTES
        inside = _still_open(text, inside)
        open_after.append(inside)
        if not opens or any(not f.aside for f in framed[i][1:]):
            continue
        src = _speaker_after(sents, framed, i, open_after) or _speaker_before(sents, framed, i, open_after)
        if src is not None:
            framed[i][0] = Frame(None, src.speaker, src.side, src.kind, framed[i][0].owned, quoted=True)


def attribute_back_references(sents: list[Span], framed: list[list[Frame]]) -> None:
    """ "Jets bombed four facilities overnight. The Defence Ministry reported this.": a speech verb
    whose object is "this" gives the narration before it in its paragraph to its speaker; one that
    opens a paragraph ("This was reported by Radio Free Syria") gives it the paragraph before."""
    for i, frames in enumerate(framed):
        source = next((f for f in frames[1:] if f.verb is not None and says_this(f.verb)), None)
        j = i - 1
        opens = j >= 0 and paragraph_ends(sents[j])
        while source is not None and j >= 0 and (not paragraph_ends(sents[j]) or (opens and j == i - 1)):
            if len(framed[j]) > 1 or framed[j][0].quoted:
                break
            framed[j][0] = Frame(
                None, source.speaker, source.side, source.kind, framed[j][0].owned, quoted=True
            )
            j -= 1


def says_this(verb: Token) -> bool:
    """ "X reported this", "This was reported by X", and an embedded post's credit line below it
    ("Posted by Radio Free Syria on 16 October 2015"). Not a relative clause's "that": "a truce that
    Russia declared" refers to the truce."""
    if verb.dep_ == "relcl" or any(
        c.dep_ in {"ccomp", "parataxis"} and not _a_credit(c) for c in verb.children
    ):
        return False
    if verb.lower_ == "according":  # "That's according to the activist group Deir Ezzor 24."
        copula = verb.head if verb.head.lemma_ == "be" else verb
        return any(c.dep_ == "nsubj" and c.lower_ in {"this", "that"} for c in copula.children)
    if any(
        (c.dep_ == "dobj" and c.lower_ in {"this", "that", "it"})
        or (c.dep_ == "nsubjpass" and c.lower_ in {"this", "that"})
        for c in verb.children
    ):
        return True
    return (
        verb.i == verb.sent.start
        and verb.tag_ == "VBN"
        and verb.lemma_ in _POSTING_VERBS
        and any(c.dep_ == "agent" for c in verb.children)
    )


_POSTING_VERBS = frozenset(["post", "publish", "share", "tweet"])


def _a_credit(clause: Token) -> bool:
    """ "..., TASS reports": a closing credit the parser hung on the verb, not what it says."""
    return (
        clause.lemma_ in {"report", "say", "write", "add"}
        and not any(c.dep_ in {"ccomp", "dobj", "xcomp"} for c in clause.children)
        and any(c.dep_ == "nsubj" for c in clause.children)
    )


def paragraph_ends(sent: Span) -> bool:
    return "\n" in sent.text_with_ws[-2:]


def _speaker_after(
    sents: list[Span], framed: list[list[Frame]], i: int, open_after: list[bool]
) -> Frame | None:
    inside = open_after[i]
    for j in range(i + 1, min(i + 4, len(sents))):
        if paragraph_ends(sents[j - 1]) and not inside:
            return None  # the quotation was closed where its paragraph ended
        inside = _still_open(sents[j].text, inside)
        speakers = [f for f in framed[j][1:] if f.verb is not None]
        if speakers:
            return speakers[0]
    return None


def _speaker_before(
    sents: list[Span], framed: list[list[Frame]], i: int, open_after: list[bool]
) -> Frame | None:
    for j in range(i - 1, max(-1, i - 4), -1):
        if paragraph_ends(sents[j]) and not open_after[j]:
            return None
        if not any(ch in sents[j].text for ch in '“”"'):
            continue
        speakers = [f for f in framed[j] if f.attributed and not f.aside]
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


def _named_before_apposition(span: Span, registry: Registry) -> tuple[str, str] | None:
    """ "Russia, the ally of Syrian President Bashar al-Assad": the speaker is the one named, not the
    one its description names; an appositive decides only when the name alone says nothing, and a
    common noun's ("the state-run news agency TASS") is the name."""
    root = span.root
    described = [c for c in root.children if c.dep_ == "appos" and c.i > root.i]
    if not described or root.pos_ != "PROPN":
        return None
    return registry.side_of(span.doc[span.start : min(c.left_edge.i for c in described)].text.rstrip(" ,"))


def _according_of(tok: Token) -> list[Token]:
    """The other phrases hung on the "according" whose "to" governs this token."""
    if tok.dep_ != "pobj" or tok.head.head.lower_ != "according":
        return []
    return [c for c in tok.head.head.children if c.dep_ == "pobj"]


def name_speaker(span: Span, registry: Registry, memory: SpeakerMemory, full: str) -> tuple[str, str, str]:
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
    given_by = ""
    if span.root.lemma_.lower() in _INFORMATION:
        # "according to information obtained from officials of the field hospital", "Information
        # obtained from Civil Defence sources in Idlib says": the officials, the sources
        holder = span.root.head if span.root.dep_ == "nsubj" and span.root.head.tag_ == "VBN" else span.root
        # "according to information the AA correspondent obtained from officials": the parser can
        # hang the relative clause on "according" beside the information
        beside = [t for c in _according_of(span.root) if c.i > span.root.i for t in c.subtree]
        given = next(
            (
                t
                for t in (*span, *holder.subtree, *beside)
                if t.dep_ == "pobj" and t.head.lower_ in {"from", "by"}
            ),
            None,
        )
        if given is not None:
            display = given_by = "".join(t.text_with_ws for t in given.subtree).strip()
    if low in _PRONOUNS:
        recalled = memory.recall(_PRONOUNS[low])
        return (recalled[0], recalled[1], "pronoun") if recalled else (text, "other", "pronoun")
    possessor = next((c.lower_ for c in span.root.children if c.dep_ == "poss"), "")
    if span.root.lemma_.lower() in DOCUMENT_NOUNS and possessor in _POSSESSIVES:
        # "according to his briefing", "their statement": whose document it is
        recalled = memory.recall(_POSSESSIVES[possessor])
        if recalled:
            return recalled[0], recalled[1], "pronoun"
    found = (
        _named_before_apposition(span, registry)
        or registry.side_of(text)
        or registry.side_of(full)
        or (registry.side_of(given_by) if given_by else None)
    )
    if found is not None and found[1] == "medium" and memory.own_journalist(text):
        found = (memory.narrator, found[1])  # the page's own correspondent: its newsroom narrates
    bare = _THE.sub("", text)
    if found is None and bare in memory.initials:
        return memory.initials[bare][0], memory.initials[bare][1], "definite"
    head = span.root.lemma_.lower()
    definite = span[0].lower_ in {"the", "this", "that", "its", "their"}
    described = found is None or found[1] in DESCRIPTIVE_KINDS
    if definite and len(span) <= 3 and head in memory.heads and described:
        # "The Coalition stressed" after "The Syrian Coalition said": the body named before,
        # not whatever a loose pattern for the bare word would say
        return memory.heads[head][0], memory.heads[head][1], "definite"
    role = next((t.lemma_.lower() for t in span if t.lemma_.lower() in _MEDIA_ROLES), "")
    if found is not None and found[0] == "reporter" and role in memory.heads and head != role:
        # "correspondent Bsher Ahmad said" after "Orient's correspondent said": the outlet's man
        found = (memory.heads[role][1], "person")
    if (
        definite
        and len(span) == 2
        and found is not None
        and found[1] == "sources"
        and span.root.tag_ == "NNS"
    ):
        # "According to the sources" where no sources were named before: the body that was just
        # giving the account
        recalled = memory.recall("group")
        if recalled:
            return recalled[0], recalled[1], "definite"
    if found is None and (persons or all(t.pos_ == "PROPN" for t in span)):
        # "Mustafa stressed" after "The head of the Syrian Turkmen Assembly, Abdurrahman Mustafa";
        # "according to Kurab" after "Mohamed Kurab, an activist": a bare name the tagger missed too
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
        if owner is None and any(t.dep_ == "poss" and t.lemma_.lower() in _GROUP_NOUNS for t in span):
            owner = _named_before(
                span, registry
            )  # "a command post of Tajamu al-Izza ..., the group's spokesman said"
        if owner is not None:
            found = (owner[1], "person")
    if found is None and definite:
        # "the ministry added", "according to the press release", "the statement said": whoever
        # the noun last named, or for a document or a generic body the last group that spoke
        recalled = memory.heads.get(head)
        if recalled is None and (head in _DEFINITE_HEADS or head in DOCUMENT_NOUNS):
            # "the statement", "the group": the last body that spoke; never one of another kind of
            # body than the noun says ("the army" after activists)
            generic = head in DOCUMENT_NOUNS or head in _GENERIC_HEADS
            recalled = memory.recall("group") if generic else None
        elif recalled is None and head == "speaker":
            recalled = memory.recall("person")  # "according to the speaker": whoever spoke last
        if recalled:
            return recalled[0], recalled[1], "definite"
    side, kind = found or (memory.unknown_side, "unknown")
    if kind == "sources" and memory.unknown_side != "other":
        # unnamed sources speak for a partisan outlet's side as its unknown speakers do ("according to
        # field sources" in an opposition outlet, "sources" in a monitor's report); elsewhere they are
        # the narrator's own sourcing ("sources told Al Jazeera")
        side = memory.unknown_side
    # a name no rule knows, whose side came from how it was introduced ("a member of the X group
    # who goes by the name Abu Y"), is a person: "he said" goes back to them
    named = (
        span.root.pos_ == "PROPN"
        and registry.side_of(text) is None
        and any(w in PERSON_NOUNS for w in re.findall(r"[a-z]+", full.lower()))
    )
    if persons or kind == "person" or head in PERSON_NOUNS or named:
        kind = "person"
    memory.remember(display, side, kind, head if found or kind == "person" else "")
    if found is not None and kind != "person":
        # "the Syrian Observatory for Human Rights (OSDH)": the initials it goes by from here on,
        # in whatever language's word order they were made
        for initials in _BRACKETED_INITIALS.findall(full):
            memory.initials[initials] = (display, side)
    if side != memory.unknown_side and (kind == "person" or span.root.lemma_.lower() in DOCUMENT_NOUNS):
        # "the general said", "the spokesman added", "the ministry said" after "Defense Ministry
        # spokesman Major General Igor Konashenkov": a title goes back to the person it was given
        # to, a body to the one who speaks for it; "according to the ministry" after "a statement
        # of the Russian Defence Ministry" to the body whose statement it was
        for t in span:
            if t.i != span.root.i and t.lemma_.lower() in PERSON_NOUNS | _DEFINITE_HEADS:
                memory.heads[t.lemma_.lower()] = (display, side)
    if found is not None and span.root.pos_ == "PROPN":
        memory.names[_surname(span.root.text)] = (display, side)
    if found is not None:
        for person in (e for e in span.ents if e.label_ == "PERSON"):
            memory.names[_surname(person.text)] = (person.text, side)
    return display, side, kind


_INFORMATION = frozenset(["information", "data", "figure", "account"])
_MEDIA_ROLES = frozenset(["correspondent", "reporter", "cameraman"])
_BRACKETED_INITIALS = re.compile(r"\(([A-Z]{2,6})\b")

_GROUP_NOUNS = frozenset(
    ["group", "faction", "brigade", "movement", "organisation", "organization", "militia"]
)


def _named_before(span: Span, registry: Registry) -> tuple[str, str] | None:
    """The last body the registry knows named earlier in the speaker's sentence."""
    for chunk in reversed([c for c in span.sent.noun_chunks if c.end <= span.start]):
        found = registry.named_side(chunk.text)
        if found is not None and found[1] not in {"person", "medium"}:
            return chunk.text, found[0]
    return None


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
    # "the Syrian Observatory for Human Rights (OSDH": a bracket the span cut open
    return _OPEN_BRACKET.sub("", (known or phrases)[0]).strip(" ,")


_OPEN_BRACKET = re.compile(r"\s*\([^()]*$")


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
