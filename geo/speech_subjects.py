"""Who speaks a speech verb: its subject as parsed, or the speaker the parser loses or misplaces.

The parser is often wrong about attribution in real copy: a speaker set after the quotation it
closes, behind an aside or an apposition, or hung on the account's last noun; a passive's agent; the
one quoted "as saying". Each finder here takes a speech verb and returns the speaker's head token;
geo.speakers decides what the speaker owns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geo.lexicon import words

if TYPE_CHECKING:
    from spacy.tokens import Token

SPEECH_VERBS = words("speech_verbs")
RELAY_VERBS = words("relay_verbs")
RELATIVES = frozenset(["which", "who", "that"])
_NOUN_MARKS = frozenset(["after", "amid", "following", "despite"])
_HEARSAY_NOUNS = words("hearsay_nouns")
_INFERENCE_VERBS = words("inference_verbs")
_AGENT_NOUNS = (
    words("agent_nouns")
    | words("person_nouns")
    | words("speaker_body_nouns")
    | words("document_nouns")
    | words("resident_nouns")
)


_CLAUSE_MARKS = frozenset([",", ";", ":", "(", "–", "—", '"', "“", "”"])


def introduction(subject: Token, verb: Token) -> str:
    """ "a member of the Jund al-Aqsa group who goes by the name Abu Dardaa told ...": the phrase
    that introduces a named speaker, which the parser may leave off the name's subtree; from the
    clause's opening punctuation up to the name, when the name is the clause's subject."""
    if subject.pos_ != "PROPN" or subject.i > verb.i:
        return ""
    doc, start = subject.doc, subject.sent.start
    begin = (
        max((t.i for t in doc[start : subject.left_edge.i] if t.text in _CLAUSE_MARKS), default=start - 1) + 1
    )
    return doc[begin : subject.right_edge.i + 1].text if begin < subject.left_edge.i else ""


def agent_of(verb: Token) -> Token | None:
    """A passive's doer: "reported by activists", "supplied by the Homs Media Centre"."""
    return next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)


def subject_of(verb: Token) -> Token | None:
    """The speaker of a speech verb, following conjunctions and participles ("..., saying")."""
    if verb.lemma_ == "report" and any(c.dep_ == "mark" and c.lower_ in _NOUN_MARKS for c in verb.children):
        return None  # "after reports its jets hit rebels": a noun the parser read as a verb
    if verb.lemma_ == "report" and any(c.dep_ == "xcomp" and c.tag_ == "VBN" for c in verb.children):
        return None  # a headline's "Dozens reported killed in strikes": the victims, reported of
    quoted = quoted_as_saying(verb)
    if quoted is not None:
        return quoted
    if verb.i == verb.sent.start and verb.tag_ == "VBN":
        # "Posted by Radio Free Syria on 16 October", an embedded post's credit: its agent
        return agent_of(verb)
    seen = 0
    while seen < 4:
        # the subject nearest the verb: "Key Takeaway: The ministry claimed" has two
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        subj = max(subjects, key=lambda c: c.i) if subjects else None
        if subj is not None and seen and verb.dep_ != "ROOT" and verb.lemma_ not in SPEECH_VERBS:
            return None  # "the raids had killed ..., accusing Moscow": the raids do not speak
        if subj is not None and subj.dep_ == "nsubjpass":
            # "Airstrikes in X were reported by activists": the agent speaks
            agent = agent_of(verb)
            return agent if agent is not None and verb.lemma_ in SPEECH_VERBS else None
        if subj is not None and subj.lower_ in RELATIVES and verb.dep_ == "relcl":
            return verb.head  # "Moscow, which has said its aircraft hit only jihadists": Moscow
        if subj is not None:
            return None if verb.lemma_ in _INFERENCE_VERBS and _a_thing(subj) else subj
        if verb.dep_ in {"conj", "advcl", "xcomp"} and verb.head.i != verb.i:
            verb = verb.head
            seen += 1
            continue
        if verb.dep_ == "pcomp" and verb.head.dep_ in {"prep", "prt"} and verb.head.head.pos_ == "VERB":
            verb = verb.head.head  # "local sources went on reporting airstrikes in X"
            seen += 1
            continue
        return trailing_speaker(verb) or speaker_before_aside(verb) or _swallowed_by_the_day(verb)
    return None


def _swallowed_by_the_day(verb: Token) -> Token | None:
    """ "On Tuesday Maj. Gen. Igor Konashenkov, the ministry's spokesman, rejected ...": with no
    comma after the day, the parser makes the speaker the day's noun; the name the day opens speaks."""
    for prep in verb.children:
        if (
            prep.dep_ != "prep"
            or prep.lower_ != "on"
            or prep.i > verb.i
            or prep.nbor(1).lower_ not in _WEEKDAYS
        ):
            continue
        for name in prep.children:
            if (
                name.dep_ == "pobj"
                and name.pos_ == "PROPN"
                and name.ent_type_ not in {"DATE", "TIME", "GPE", "LOC", "FAC"}
                and name.i > prep.i + 1
            ):
                return name
    return None


_WEEKDAYS = words("weekdays")


def quoted_as_saying(verb: Token) -> Token | None:
    """ "Reuters quoted a military source as saying ...", "Konashenkov was quoted by Interfax as
    saying ...": the one quoted speaks, not the outlet that quotes."""
    if verb.dep_ != "pcomp" or verb.head.lower_ != "as" or verb.head.head.lemma_ not in RELAY_VERBS:
        return None
    return next((c for c in verb.head.head.children if c.dep_ in {"dobj", "nsubjpass"}), None)


def speaker_before_aside(verb: Token) -> Token | None:
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


def trailing_speaker(verb: Token) -> Token | None:
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
        return appositive_speaker(verb)
    before = doc[cand.left_edge.i - 1] if cand.left_edge.i > verb.sent.start else None
    return cand if before is not None and before.text in {",", "”", '"', "’"} else None


def appositive_speaker(verb: Token) -> Token | None:
    """'"... is an absolute lie," Maj. Gen. Igor Konashenkov, the ministry's spokesman, said': a
    speaker with an apposition between the closing quote and the verb, which the parser hangs on
    the quotation; the phrase's one head is the speaker."""
    doc, start = verb.doc, verb.sent.start
    end = verb.i - 1 if doc[verb.i - 1].text == "," else verb.i
    quote = max((t.i for t in doc[start:end] if t.text in {"”", '"'}), default=None)
    if quote is None or quote + 1 >= end:
        return None
    heads = [t for t in doc[quote + 1 : end] if not t.is_punct and not quote < t.head.i < end]
    return heads[0] if len(heads) == 1 and heads[0].pos_ in {"NOUN", "PROPN"} else None


def closing_attribution(verb: Token, subject: Token | None) -> bool:
    """ "..., the ministry announced on Thursday." read as a clause of the noun before it: a speech
    verb that closes the sentence after a comma, with its speaker and no clause of its own."""
    if subject is None or verb.dep_ not in {"acl", "relcl"}:
        return False
    if subject.head.i != verb.i and subject.i != verb.head.i:
        return False  # its own subject, or the noun it hangs on ("..., a military source told SANA")
    doc, sent = verb.doc, verb.sent
    if subject.left_edge.i <= sent.start or doc[subject.left_edge.i - 1].text != ",":
        return False
    told = {"dobj", "dative"} if verb.lemma_ == "tell" else set()  # "told SANA": who was told
    if any(c.dep_ in {"ccomp", "dobj", "xcomp"} - told for c in verb.children):
        return False
    return all(t.is_punct or t.is_space for t in doc[verb.right_edge.i + 1 : sent.end])


def closing_speaker(verb: Token) -> Token | None:
    """ "X and Y were also hit, as was the area around Z, a town that rebels seized in April, the
    Syrian Observatory said.": in a long sentence the parser may make the closing speech verb a
    clause of the account (or of its last noun) and give it a subject from inside the account; the
    speaker is the noun phrase between the last comma and the verb, which owns the whole sentence.
    So too when the parser lists the speakers with the struck places and leaves the closing verb
    without a subject ("Jets struck X and Y, the LCC and the Observatory said.")."""
    doc, sent = verb.doc, verb.sent
    told = {"dobj", "dative"} if verb.lemma_ == "tell" else set()
    if verb.dep_ == "ROOT":
        if any(
            c.dep_ in {"nsubj", "nsubjpass"} or (c.dep_ in {"dobj", "xcomp"} - told) for c in verb.children
        ):
            return None
    # a "conj" or "advcl": "... hit 94 targets in A and B, the Defence Ministry reports.", the
    # ministry read as a member of the list and its verb as another of the account's
    elif verb.dep_ not in {"ccomp", "relcl", "acl", "conj", "advcl"} or verb.head.i > verb.i:
        return None
    elif verb.dep_ in {"conj", "advcl"} and (
        not verb.text[:1].islower()
        or any(t.pos_ == "PROPN" and t.ent_type_ != "DATE" for t in verb.subtree if t.i > verb.i)
    ):
        # "the villages of A and Tell Sikkin in Hama": a name's word read as the verb (the names the
        # parser hangs on a closing "stated" from before it are the account's)
        return None
    elif any(
        c.dep_ in {"ccomp", "dobj", "xcomp"} - told and c.lower_ not in RELATIVES for c in verb.children
    ):
        return None  # (the relative pronoun of the account's clause is no object of the verb)
    if not all(t.is_punct or t.is_space for t in doc[verb.right_edge.i + 1 : sent.end]):
        return None
    comma = max((t.i for t in doc[sent.start : verb.i] if t.text == ","), default=None)
    # up to two bodies' full names ("the activist-run Barzeh Media Center and the Britain-based Syrian
    # Observatory for Human Rights" is 17 words); a clause is refused below by its verb
    if comma is None or not 0 < verb.i - comma - 1 <= 20:
        return None
    phrase = doc[comma + 1 : verb.i]
    if any(t.pos_ in {"VERB", "AUX"} and t.dep_ not in {"amod", "compound"} for t in phrase):
        return None  # a clause, not a name ("activist-run", "Britain-based" describe one)
    heads = [t for t in phrase if not comma < t.head.i < verb.i and t.pos_ in {"NOUN", "PROPN", "PRON"}]
    if len(heads) != 1 or any(t.lemma_.lower() in _HEARSAY_NOUNS for t in phrase):
        return None  # "..., a claim rebels denied.": what is denied, then who denies it
    return heads[0]


def _a_thing(subject: Token) -> bool:
    """ "The rebel advance in Hama suggests ...": a common noun that names no one who speaks."""
    return (
        subject.pos_ == "NOUN"
        and not subject.ent_type_
        and subject.lemma_.lower() not in _AGENT_NOUNS
        and subject.lower_ not in _AGENT_NOUNS
    )
