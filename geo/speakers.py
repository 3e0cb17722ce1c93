"""Speech frames: who speaks in a sentence, which words are theirs, and for which side.

A sentence is cut into frames: each speech verb ("said", "told", "accused", "according to") owns its
clause minus its speaker; what no frame owns is the narration: the reporter's, or the outlet's
side's where the registry says that side's outlets narrate for it (state media, a monitor's report),
or the last speaker's when the sentence goes on with their account. A speaker no rule knows,
reached through a partisan medium ("told SANA", "citing TASS"), speaks for the medium's side; who
an unnamed speaker is, and what runs across sentences, is the discourse state's (geo.discourse), and
finding a speech verb's speaker where the parser loses it is geo.speech_subjects'.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from geo.discourse import DOCUMENT_NOUNS, NEUTRAL_SIDES, Frame, SpeakerMemory, name_speaker, says_this
from geo.lexicon import words
from geo.speech_subjects import (
    RELATIVES,
    RELAY_VERBS,
    SPEECH_VERBS,
    agent_of,
    closing_attribution,
    closing_speaker,
    introduction,
    quoted_as_saying,
    subject_of,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from geo.registry import Registry

DENY_VERBS = words("deny_verbs")
_HEARSAY_NOUNS = words("hearsay_nouns")
OFFICIAL_NOUNS = words("official_nouns")
LOCAL_NOUNS = words("local_nouns")
_PLAIN_SPEECH = words("plain_speech_verbs")
_STRIKE_NOUNS = words("strike_nouns")
# how a narrator opens an item of its own ("In the same context, ...")
_TRANSITION = re.compile(
    r"\s*(?:"
    + "|".join(map(re.escape, sorted(words("narrator_transitions"), key=len, reverse=True)))
    + r")\b",
    re.IGNORECASE,
)
# what a source's account of strikes is told in: a sentence with none of these carries no part of it
_ACCOUNT_WORDS = words("strike_verbs") | _STRIKE_NOUNS | words("casualty_nouns") | {"target", "kill"}
_NAMING_VERBS = words("naming_verbs")
_RECORD_VERBS = words("record_verbs")
_MEDIA_NOUNS = words("media_nouns")
_RELEASE_VERBS = words("release_verbs")
_SHOWING_VERBS = words("showing_verbs")
_PLACE_PREPS = words("place_preps")


def sentence_frames(sent: Span, registry: Registry, memory: SpeakerMemory) -> list[Frame]:
    """The speech frames of a sentence, innermost last, and the reporter's frame first."""
    # An outlet narrates for its side only where the registry says that side's outlets do (the
    # parties' state media, a monitor's report); any other outlet's narration (Press TV, Orient News,
    # a wire) is the reporter's, and only its unnamed sources speak for its side.
    outlet = registry.sides.get(memory.unknown_side)
    narrator = memory.unknown_side if outlet is not None and outlet.narrates else memory.narrator
    reporter = Frame(None, "", narrator, "reporter", owned={t.i for t in sent})
    frames: list[Frame] = []
    for tok in sent:
        subject: Token | None = None
        content_root: Token | None = None
        shown_by = released = None
        if tok.pos_ in {"VERB", "AUX"} and (
            (tok.lemma_ in SPEECH_VERBS and _reports_speech(tok)) or gives_a_toll(tok) or _went_on(tok)
        ):
            subject = _carried_author(tok) or subject_of(tok)
            content_root = tok
            if (said := _said_on(tok)) is not None:
                subject = _carried_author(said) or subject_of(said)
            if subject is None and (quoted := _quoted_as_saying(tok)) is not None:
                subject = quoted
                if tok.i > quoted.i > sent.start and tok.doc[quoted.left_edge.i - 1].text == ",":
                    content_root = sent.root  # "Jets struck X, Shoigu was quoted as saying."
            if (
                tok.dep_ in {"advcl", "conj"}
                and tok.head.i < tok.i
                and not _joined_by_and(tok)
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
            if (
                subject is None
                and tok.dep_ == "acl"
                and tok.head.pos_ in {"NOUN", "PROPN"}
                and tok.tag_ != "VBN"
            ):
                # "with some activists claiming the targets included rebels": the noun speaks,
                # and the clause it is the subject of is what it says ("airstrikes said to target
                # IS" is said of the noun, by no one)
                subject = tok.head
                content_root = subject.head if subject.dep_ in {"nsubj", "nsubjpass"} else tok
                # "the ministry issued a statement saying ...": the statement is its issuer's word
                subject = _issuer(subject) or subject
            if closing_attribution(tok, subject):
                # "..., the Russian Defense Ministry announced on Thursday.", "..., a military source
                # told SANA.": the parser hangs the attribution on the last noun of what it
                # attributes; it owns the whole sentence
                content_root = tok.sent.root
            elif (closing := closing_speaker(tok)) is not None:
                subject, content_root = closing, tok.sent.root
        elif tok.lemma_ in _NAMING_VERBS and _in_what(tok):
            # "Posts were destroyed in what the statement described as the first raids": the source
            # that names what happened gives the account of it
            subject, content_root = subject_of(tok), sent.root
        elif (shown_by := _showing_medium(tok)) is not None:
            # "video surfaced that purported to show jets bombing X": the video's owner, or no one's
            subject, content_root = shown_by, tok
        elif (released := _released_medium(tok)) is not None:
            # "the ministry has put out footage of warplanes hitting targets in X": who released it
            subject, content_root = subject_of(tok), released
        elif (supplier := _picture_supplier(tok)) is not None:
            # "In this image taken from video supplied by the Homs Media Centre, smoke rises after
            # airstrikes in X": the caption tells what the supplier's picture shows
            subject, content_root, released = supplier, sent.root, tok
        elif tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children) and not _relays(tok):
            to = next(c for c in tok.children if c.lower_ == "to")
            subject = next((c for c in to.children if c.dep_ == "pobj"), None)
            content_root = tok.head if tok.head.i != tok.i else (tok if says_this(tok) else None)
            if tok.head.i > tok.i > sent.root.i and tok.doc[tok.i - 1].text == ",":
                # "X hit Y, according to residents, one day after Russia vowed ...": the parser hangs
                # it on the clause after; it credits the one before
                content_root = sent.root
        if subject is None or content_root is None or subject.lemma_.lower() in _STRIKE_NOUNS:
            continue  # "..., the first raids recorded from the air since the ceasefire": no speaker
        speaker_span = _speaker_span(subject, tok)
        full = "".join(t.text_with_ws for t in subject.subtree if t.i != tok.i)
        if shown_by is not None:
            full = speaker_span.text  # "video posted by activists", not what the video shows
        elif registry.side_of(full) is None:
            full = introduction(subject, tok) or full
        speaker, side, kind = name_speaker(speaker_span, registry, memory, full)
        if shown_by is not None and kind == "unknown":
            if speaker_span.root.i != shown_by.i or any(
                t.pos_ == "PROPN" or t.dep_ == "poss" for t in speaker_span
            ):
                continue  # "pictures on the Facebook page of X": someone's, whom no rule knows
            if any(a.lemma_ in SPEECH_VERBS and a.pos_ == "VERB" for a in tok.ancestors):
                continue  # "the ministry said the videos showed strikes in X": the speaker's account
            speaker, side = f"unattributed {shown_by.lower_}", "other"
        relayed = _relayed_side(tok, sent, registry) if kind not in {"pronoun", "definite"} else None
        if relayed is not None and registry.side_of(full) is None:
            # and "the source added", "he said" later are that source again, with its side
            side = relayed
            memory.remember(speaker, side, kind, speaker_span.root.lemma_.lower())
        elif (side == "reporter" or kind != "person") and (cited := _cited(tok, registry)) is not None:
            # "Reuters reported, citing the Observatory, that ...": the monitor's; "Citing Russian
            # military sources, SANA said ...": a medium relaying another side gives that side's word
            speaker, side = cited
        shown = shown_by is not None or released is not None
        frame = Frame(tok, speaker, side, kind, local=_is_local(subject), shown=shown)
        frame.speaker_tokens = {t.i for t in speaker_span}
        frame.owned = (
            {t.i for t in content_root.subtree}
            - frame.speaker_tokens
            - _set_beside(tok, subject)
            - _before_a_semicolon(tok, subject)
            - narrator_turns(tok)
        )
        if tok.dep_ == "relcl" and tok.head.pos_ == "NOUN" and _says_of_its_noun(tok):
            frame.owned.add(tok.head.i)  # "strikes that the Red Cross said had killed 20": the strikes
        if released is not None and released.head.i == tok.i:
            # "has published video of airstrikes on IS forces in the Deir ez-Zor governorate": the
            # parser hangs where on the verb; a release is set nowhere, so it is where the video is
            frame.owned |= {t.i for c in tok.children if c.lower_ in _PLACE_PREPS for t in c.subtree}
        if tok.lower_ == "according":
            frame.owned -= {t.i for t in tok.subtree}
        frames.append(frame)
        frames.extend(_co_speakers(subject, frame, registry))
        frames.extend(_claim_holders(tok, frame, registry, memory))
    # nested frames take their tokens from the enclosing ones
    frames.sort(key=lambda f: len(f.owned), reverse=True)
    for i, outer in enumerate(frames):
        for inner in frames[i + 1 :]:
            if inner.verb is not None and outer.verb is not None and inner.verb.i == outer.verb.i:
                continue  # two speakers of one verb share what it says
            if inner.verb is not None and inner.verb.i in outer.owned:
                outer.owned -= inner.owned | inner.speaker_tokens
    for mark in ":;":
        _detail_after(mark, sent, reporter, frames)
    for f in frames:
        reporter.owned -= f.owned | f.speaker_tokens
    if memory.known is not None and _hearsay_passive(sent, registry, reporter.owned):
        # "A base in Latakia was said to have been hit", "Three camps were reportedly among the
        # targets": a report with no one named goes on with whoever was reporting
        speaker, side = memory.known
        reporter = Frame(None, speaker, side, "definite", reporter.owned, quoted=True)
    elif not frames and (owner := _document_owner(sent)) is not None:
        # "The observatory's toll of 37 covers the town of X": a source's document or count says it
        speaker, side, kind = name_speaker(owner, registry, memory, owner.text)
        reporter = Frame(None, speaker, side, kind, reporter.owned, quoted=True)
    elif (
        not frames
        and narrator == "reporter"
        and memory.reporting is not None
        and _continues_report(sent, memory.reporting[1])
        # "Russia announced an operation. The operation is meant to display its strength.": a
        # sentence that tells no strike is the narrator's comment, and ends the account
        and not _comment(sent)
    ):
        # "The targets lay near X, the ministry said. The strategic bombers went after outposts in
        # Y.": an account given without a new speaker goes on with whoever was giving it
        speaker, side, kind = memory.reporting
        reporter = Frame(None, speaker, side, kind, reporter.owned, quoted=True)
    if not _caption(sent):  # "Video: YouTube / Ministry of Defence" between a lead and its account
        memory.reporting = next(
            (
                (f.speaker, f.side, f.kind)
                for f in reversed([reporter, *frames])
                if f.attributed
                and f.side != "reporter"
                and f.kind != "unknown"
                and not f.shown
                and not (f.verb is not None and narrator_turns(f.verb))
            ),
            None,
        )
    asides = _narrator_asides(sent, [reporter, *frames], narrator, registry.force_side)
    return [reporter, *frames, *asides]


def _went_on(verb: Token) -> bool:
    """ "More than 600 militants died, he went on, when missiles struck X": "went on" set into the
    account as "he said" is."""
    if verb.lemma_ != "go":
        return False
    deps = {c.dep_ for c in verb.children}
    said_before = any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children)
    return (
        (verb.dep_ == "parataxis" or said_before)
        and any(c.dep_ == "prt" and c.lower_ == "on" for c in verb.children)
        and not deps & {"dobj", "xcomp", "prep"}
    )


def _joined_by_and(verb: Token) -> bool:
    """ "Jets struck X and officials said ...": a speech verb the account's own "and" joins; not
    "The fleet fired missiles and hit targets in X, Shoigu has told Putin", whose "and" joins the
    account's two verbs."""
    head = verb.head
    ccs = [t.i for t in verb.doc[head.i : verb.i] if t.dep_ == "cc" and t.head.i == head.i]
    others = [c.i for c in head.children if c.dep_ == "conj" and c.i < verb.i]
    return any(not any(cc < c for c in others) for cc in ccs)


def _showing_medium(verb: Token) -> Token | None:
    """The video or picture that shows what a sentence reports: the subject of "show" (or "depict",
    "capture"), through "purported to show" and "that ... show", or the noun "showing" describes
    ("footage showing")."""
    if verb.lemma_ not in _SHOWING_VERBS or verb.pos_ != "VERB":
        return None
    if verb.dep_ == "acl":
        medium: Token | None = verb.head
    else:
        clause = verb.head if verb.dep_ == "xcomp" else verb  # "purported to show", "appeared to show"
        medium = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if medium is not None and medium.lower_ in RELATIVES and clause.dep_ == "relcl":
            medium = clause.head
        elif medium is not None and medium.lower_ in RELATIVES and clause.dep_ == "advcl":
            # "Video surfaced that purported to show ...", the relative clause read as the verb's
            medium = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
    if medium is None:
        return None
    if medium.dep_ == "dobj" and _released_medium(medium.head) is not None:
        return None  # "activists posted footage showing ...": the activists' footage
    if medium.lemma_.lower() in _MEDIA_NOUNS:
        return medium
    before = verb.doc[verb.i - 1]
    # "The ministry's video shows ...", parsed with the owner as the subject: the owner shows it
    return medium if before.dep_ == "compound" and before.lemma_.lower() in _MEDIA_NOUNS else None


def _released_medium(verb: Token) -> Token | None:
    """The video or pictures a speaker releases ("released footage of", "put out a video showing")."""
    if verb.pos_ != "VERB" or not _releases(verb):
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in _MEDIA_NOUNS), None)


def _releases(verb: Token) -> bool:
    """ "released", "published", "issued", "put out" ("put" is read with its particle)."""
    return verb.lemma_ in _RELEASE_VERBS or (
        verb.lemma_ == "put" and any(c.lower_ == "out" for c in verb.children)
    )


def _picture_supplier(verb: Token) -> Token | None:
    """Who supplied the picture a caption opens with: "In this image taken from video supplied by
    X, ...", "In this photo provided by X, ..." (AP's caption style)."""
    if verb.dep_ != "acl" or verb.lemma_ not in _RELEASE_VERBS | {"supply", "provide"}:
        return None
    if verb.head.lemma_.lower() not in _MEDIA_NOUNS:
        return None
    opening = next((a for a in verb.ancestors if a.dep_ == "prep" and a.head == verb.sent.root), None)
    if opening is None or opening.i != verb.sent.start:
        return None
    return agent_of(verb)


def _before_a_semicolon(verb: Token, subject: Token) -> set[int]:
    """ "Camps in Idlib were among the targets; radio intercepts suggested ...": a clause the
    parser hangs on a speech verb across a semicolon is a sentence of its own, not what was said."""
    doc = verb.doc
    if subject.left_edge.i == 0 or doc[subject.left_edge.i - 1].text != ";":
        return set()  # "hit A; B; and C, activists said": a list, whose speaker follows a comma
    return {t.i for c in verb.children if c.i < subject.i and c.pos_ in {"VERB", "AUX"} for t in c.subtree}


def narrator_turns(verb: Token) -> set[int]:
    """ "Putin says his pilots are attacking IS, but most of the strikes have fallen on other rebels":
    a clause of its own joined to the speech by "but" is the narrator answering the speaker, and what
    follows it is the narrator's too."""
    turns = [c.i for c in verb.children if c.dep_ == "cc" and c.lower_ in _TURNS and c.i > verb.i]
    return {
        t.i
        for c in verb.children
        if c.dep_ == "conj"
        and any(verb.i < i < c.i for i in turns)
        and c.lemma_ not in SPEECH_VERBS
        and any(k.dep_ in {"nsubj", "nsubjpass"} for k in c.children)
        for t in c.subtree
    }


_TURNS = frozenset({"but", "yet"})


def _quoted_as_saying(verb: Token) -> Token | None:
    """ "..., Shoigu was quoted as saying by Russian news agencies": the one quoted speaks."""
    if verb.lemma_ not in {"quote", "cite"} or not any(
        c.lower_ == "as" and any(g.lemma_ == "say" for g in c.children) for c in verb.children
    ):
        return None
    return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)


def _says_of_its_noun(verb: Token) -> bool:
    """ "strikes that the Red Cross said had killed 20 people": a speech verb in a relative clause
    whose content has the relative pronoun (or nothing) as its subject says it of the clause's noun."""
    return any(
        c.dep_ == "ccomp"
        and all(g.lower_ in RELATIVES for g in c.children if g.dep_ in {"nsubj", "nsubjpass"})
        for c in verb.children
    )


def _relays(according: Token) -> bool:
    """'"...," Bustani said, according to Anadolu': "according to" on a speech verb with its own
    speaker names the medium that passed the words on, not who spoke them (geo.speakers'
    `_relayed_side` gives an unknown speaker the medium's side)."""
    verb = according.head
    # "according to the Observatory, Russian aircraft are said to have hit X": what is said of a
    # passive's subject has no speaker of its own
    hearsay = any(c.dep_ == "xcomp" for c in verb.children)
    return (
        verb.i != according.i
        and verb.lemma_ in SPEECH_VERBS
        and any(c.dep_ == "nsubj" or (c.dep_ == "nsubjpass" and not hearsay) for c in verb.children)
    )


def _narrator_asides(sent: Span, frames: list[Frame], narrator: str, force_side: str) -> list[Frame]:
    """ "The targets included the provinces of Hama and Idlib, where IS has only a marginal presence":
    in the striking side's own account of its targets, a place described by a clause set off after
    it is described by the narrator (the side would not say so of its targets); the clause leaves
    the side's words and, with the places it describes, is the narrator's aside (geo.claims keeps
    only the places the side gives as struck). Not when the clause has its own speaker ("where, he
    said, ...")."""
    out: list[Frame] = []
    doc = sent.doc
    verbs = {f.verb.i for f in frames if f.verb is not None}
    for tok in sent:
        if not (
            tok.dep_ == "relcl"
            and tok.head.pos_ == "PROPN"
            and doc[tok.left_edge.i - 1].text == ","
            and any(c.dep_ == "advmod" and c.lower_ == "where" for c in tok.children)
        ):
            continue
        clause = {t.i for t in tok.subtree}
        if clause & verbs:
            continue
        around = [f for f in frames if f.attributed and f.side == force_side and tok.i in f.owned]
        if not around:
            continue
        for f in around:
            f.owned -= clause
        described = {tok.head.i, *(c.i for c in tok.head.conjuncts)}
        out.append(Frame(None, "", narrator, "reporter", clause | described, quoted=True, aside=True))
    return out


_BACK_REFERENCES = frozenset(
    ["the", "these", "their", "its", "another"]
)  # "Another four fighters were killed"
_BULLETS = frozenset("-•*–—·")
_TOLL = re.compile(r"\b(?:killed|killing|died|dead)\b")


def _caption(sent: Span) -> bool:
    """A caption or credit line a page sets between paragraphs ("Video: YouTube / ...", "[Image: ...]")."""
    words = [t for t in sent if not t.is_space and t.text != "["][:2]
    return len(words) == 2 and words[0].lemma_.lower() in _MEDIA_NOUNS and words[1].text == ":"


def _detail_after(mark: str, sent: Span, reporter: Frame, frames: list[Frame]) -> None:
    """ "Activists reported dozens of casualties from the raids: more than 35 died when the towns of
    A and B were hit": what a colon opens after a source's report is that report's detail; so is a
    clause after a semicolon with no speaker of its own ("activists said jets raided Morek; 4
    civilians were also killed when cluster bombs fell on X"), however the parser hangs it."""
    at = next((t.i for t in sent if t.text == mark and t.i > sent.start + 2), None)
    speakers = [f for f in frames if f.verb is not None and f.verb.i < (at or 0)]
    if at is None or len(speakers) != 1 or any(f.verb is not None and f.verb.i > at for f in frames):
        return
    speakers[0].owned |= {i for i in reporter.owned if i > at}


def _comment(sent: Span) -> bool:
    """A sentence of words none of which tells a strike: the narrator's comment, not a source's
    account ("The operation is meant to display the military's strength.")."""
    return any(t.is_alpha for t in sent) and not any(t.lemma_.lower() in _ACCOUNT_WORDS for t in sent)


def _continues_report(sent: Span, side: str) -> bool:
    """Whether a sentence with no speaker of its own goes on with the last one's account: within its
    paragraph, or at the start of the next when its subject refers back to what was reported ("The
    bombers also struck ...", "Their targets were ...") or it is an item of a list the account
    opened; never the first of its text (a headline starts afresh). Wire copy gives a source's
    account this way; a new paragraph that names things afresh is the reporter's."""
    doc = sent.doc
    subject = next((c for c in sent.root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if sent.start == 0 or (subject is not None and subject.pos_ == "PROPN"):
        return False  # "Moscow is a long-standing ally of Assad": the narrator describes an actor
    if _TRANSITION.match(sent.text):
        return False  # "In the same context, the Russian aircraft bombed ...": the narrator's next item
    if "\n" not in doc[sent.start - 1].text_with_ws + doc[sent.start].text:
        return True
    if side == "monitor" and any(t.like_num for t in sent) and _TOLL.search(sent.text):
        # "..., the Observatory said.\n\nAir strikes killed four civilians in X.": a monitor's toll
        # goes on place by place in the paragraphs after it
        return True
    if side in _BRIEFING_SIDES and _area_item(sent):
        # "In the Aleppo area, Su-34 bombers destroyed a command centre.": a briefing goes on area by
        # area, each paragraph opening with where
        return True
    # the items of a list the account opened: "... killed 20 civilians:" then "- 12 in Talbiseh."
    before = next((t for t in reversed(doc[: sent.start]) if not t.is_space), None)
    if (before is not None and before.text == ":") or sent.text.lstrip()[:1] in _BULLETS:
        return True
    return (
        subject is not None
        and subject.pos_ == "NOUN"
        and (
            any(c.dep_ in {"det", "poss"} and c.lower_ in _BACK_REFERENCES for c in subject.children)
            # "... the towns of A and B, which are also free of IS": "also" adds to the account before;
            # "Russian jets also wrecked a depot in X" adds to a military's briefing, which wire copy
            # relays item by item (after activists or a monitor, an outlet goes on with its own list)
            or any(
                t.dep_ == "advmod"
                and t.lower_ == "also"
                and (t.head.dep_ == "relcl" or (t.head == sent.root and side in _BRIEFING_SIDES))
                for t in sent
            )
        )
    )


_BRIEFING_SIDES = frozenset({"russia", "syria_gov", "us"})


def _area_item(sent: Span) -> bool:
    """Whether the sentence opens with where, set off by a comma ("In the province of Hama, ...",
    "Near Palmyra, ..."), as a briefing's item for each area does."""
    first = next((t for t in sent if not t.is_space), sent[0])
    if first.lower_ not in _AREA_PREPS or first.head != sent.root:
        return False
    end = max(t.i for t in first.subtree)
    named = any(t.is_title for t in first.subtree if t.i != first.i)
    return named and end + 1 < sent.end and first.doc[end + 1].text == ","


_AREA_PREPS = frozenset({"in", "near", "around"})


def _hearsay_passive(sent: Span, registry: Registry, within: set[int]) -> bool:
    """Whether the sentence's report is hearsay with no one named; not when the hearsay is a clause of
    its own beside the narrator's ("Jets attacked X, and many casualties were reported"), nor when
    what is reported is about an actor ("Russia is reported to have lost five servicemen"). An adverb
    ("The strikes reportedly hit X") is the narrator's own hedge: outlets' annotators leave such a
    sentence with the reporter, where "X was said to have been hit" goes on with the last source."""
    return any(
        not _in_a_conjunct_clause(t)
        and not _about_an_actor(t, registry)
        and (
            (
                t.lemma_ in {"say", "report", "claim"}
                and t.tag_ == "VBN"
                and any(c.dep_ == "auxpass" for c in t.children)
                and not any(c.dep_ == "agent" for c in t.children)
            )
            # "Places reported to have been hit include ...": what is reported, by no one named ("Moscow
            # claims to be concerned" names who claims)
            or (
                t.lemma_ in {"say", "report", "claim"}
                and any(
                    c.dep_ == "xcomp" and any(a.dep_ == "auxpass" for a in c.children) for c in t.children
                )
                and not any(
                    c.dep_ == "nsubj" and (c.ent_type_ or c.pos_ in {"PROPN", "PRON"}) for c in t.children
                )
            )
        )
        for t in sent
        if t.i in within  # the narrator's own part of the sentence, not a named speaker's
    )


def _about_an_actor(hearsay: Token, registry: Registry) -> bool:
    subjects = [c for c in hearsay.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return any(s.pos_ == "PROPN" and registry.side_of(s.text) is not None for s in subjects)


def _in_a_conjunct_clause(tok: Token) -> bool:
    return any(a.dep_ == "conj" and a.pos_ in {"VERB", "AUX"} for a in (tok, *tok.ancestors))


def _document_owner(sent: Span) -> Span | None:
    """Whose document or count is the subject of a sentence: "the observatory" in "The
    observatory's toll of 37 covers X"."""
    subject = next((c for c in sent.root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.lemma_.lower() not in DOCUMENT_NOUNS:
        return None
    owner = next((c for c in subject.children if c.dep_ == "poss"), None)
    if owner is None:
        return None
    words = [t for t in owner.subtree if t.dep_ != "case"]
    return sent.doc[words[0].i : words[-1].i + 1]


def _in_what(verb: Token) -> bool:
    """ "in what X called ...": the verb of a free relative after "in", with "what" as its object."""
    return (
        verb.dep_ == "pcomp"
        and verb.head.lower_ == "in"
        and any(c.lower_ == "what" and c.dep_ in {"dobj", "nsubj", "nsubjpass"} for c in verb.children)
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
    # not the names of a list before a comma the speaker closes: "hit targets in A, B and C, the
    # ministry reports", the ministry parsed as the list's last member
    doc = subject.doc
    joined = [c for c in subject.conjuncts if c.i > subject.i or "," not in doc[c.i : subject.i].text]
    heads = [subject, *joined, *misjoined]
    # "official Russian and Syrian accounts": two sides' accounts, told apart by their adjectives
    for adjective in (a for a in subject.children if a.dep_ == "amod"):
        for other_adjective in adjective.conjuncts:
            kept = [a.text for a in subject.children if a.dep_ == "amod" and a.i != adjective.i]
            phrase = " ".join([*kept, other_adjective.text, subject.text])
            found = registry.side_of(phrase)
            if found is not None and found[0] != frame.side:
                other = Frame(frame.verb, phrase, found[0], found[1])
                other.owned, other.speaker_tokens = set(frame.owned), set(frame.speaker_tokens)
                out.append(other)
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


def _claim_holders(verb: Token, frame: Frame, registry: Registry, memory: SpeakerMemory) -> list[Frame]:
    """ "rejected claims by the Syrian Observatory that Russian jets had struck settlements in Idlib":
    the claims denied are their holder's word, as well as the denier's denial."""
    if verb.lemma_ not in DENY_VERBS:
        return []
    out: list[Frame] = []
    for noun in (c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in _HEARSAY_NOUNS):
        holder = next(
            (
                g
                for p in noun.children
                if p.dep_ == "prep" and p.lower_ in {"by", "from"}
                for g in p.children
                if g.dep_ == "pobj"
            ),
            None,
        ) or next((c for c in noun.children if c.dep_ == "poss"), None)
        said = next((c for c in noun.children if c.dep_ in {"acl", "ccomp"} and c.pos_ == "VERB"), None)
        if holder is None or said is None:
            continue
        span = _speaker_span(holder, verb)
        speaker, side, kind = name_speaker(span, registry, memory, span.text)
        if kind == "unknown" or side == frame.side:
            continue
        held = Frame(noun, speaker, side, kind, owned={t.i for t in said.subtree})
        held.speaker_tokens = {t.i for t in span}
        out.append(held)
    return out


def _issuer(document: Token) -> Token | None:
    """Who issued the statement or notice a sentence says something in ("the ministry issued a
    statement saying ...", "the army put out a communique that ...")."""
    if document.dep_ != "dobj" or document.lemma_.lower() not in DOCUMENT_NOUNS:
        return None
    return subject_of(document.head) if _releases(document.head) else None


def _carried_author(verb: Token) -> Token | None:
    """ "The state news agency carried a report from the Defence Ministry saying ...": the report's
    author says it, not the medium that carried it (a reprint is its original source's)."""
    carrier = verb.head
    if verb.dep_ != "advcl" or carrier.lemma_ not in RELAY_VERBS:
        return None
    for document in (c for c in carrier.children if c.dep_ == "dobj" and c.lemma_.lower() in DOCUMENT_NOUNS):
        for prep in (c for c in document.children if c.dep_ == "prep" and c.lower_ in {"from", "by"}):
            author = next((g for g in prep.children if g.dep_ == "pobj"), None)
            if author is not None:
                return author
    return None


def _cited(verb: Token, registry: Registry) -> tuple[str, str] | None:
    """The source a wire or correspondent cites for what it reports ("Reuters reported, citing the
    Syrian Observatory, that ..."), with its side, when that side is a party's or a monitor's."""
    clauses = [verb, *(c for c in verb.children if c.dep_ == "ccomp")]  # the parser hangs it on either
    for c in (c for v in clauses for c in v.children if c.i < v.i or v.i == verb.i):
        if c.lemma_ != "cite" or c.pos_ != "VERB":
            continue
        for obj in (g for g in c.children if g.dep_ == "dobj"):
            phrase = "".join(t.text_with_ws for t in obj.subtree if not t.is_quote).strip()
            found = registry.side_of(phrase)
            if found is not None and found[0] not in NEUTRAL_SIDES:
                return phrase, found[0]
    return None


def _relayed_side(verb: Token, sent: Span, registry: Registry) -> str | None:
    """ "a military source told SANA", "..., the ministry said, citing TASS", "quoted by RIA": a
    speaker no rule knows, reached through a partisan medium, speaks for the medium's side."""
    relays: list[Token] = []
    for c in verb.children:
        if verb.lemma_ == "tell" and c.dep_ in {"dobj", "dative"}:
            relays.append(c)
        elif c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "to"):
            relays += [g for g in c.children if g.dep_ == "pobj"]
        elif c.lower_ == "according":  # "..., a military source said, according to SANA"
            relays += [g for to in c.children if to.lower_ == "to" for g in to.children if g.dep_ == "pobj"]
    # "citing TASS", "quoted by RIA", "a statement carried by SANA" (not "carried out by jets")
    passing = [t for t in sent if t.lemma_ in RELAY_VERBS and not any(c.dep_ == "prt" for c in t.children)]
    relays += [g for t in passing for g in t.children if g.dep_ in {"dobj", "pobj"}]
    if quoted_as_saying(verb) is not None:  # "SANA quoted a military source as saying"
        relays += [c for c in verb.head.head.children if c.dep_ == "nsubj"]
    relays += [
        g for t in passing if t.tag_ == "VBN" for a in t.children if a.dep_ == "agent" for g in a.children
    ]
    subject = subject_of(verb)
    if subject is not None and subject.lemma_.lower() in OFFICIAL_NOUNS:
        # "a senior defense official told reporters in Washington": an official speaks for the
        # government of the capital they brief in
        hosts = [verb, *(c for c in verb.children if c.dep_ in {"dobj", "dative"})]
        relays += [
            g for h in hosts for c in h.children if c.lower_ == "in" for g in c.children if g.dep_ == "pobj"
        ]
    for r in relays:
        found = registry.side_of("".join(t.text_with_ws for t in r.subtree))
        if found is not None and found[0] not in NEUTRAL_SIDES:
            return found[0]
    return None


def _said_on(verb: Token) -> Token | None:
    """ "the activist reported that one was killed and 7 others wounded by the bombing of X, stressing
    that ...": a speech verb's participle after a comma has no subject of its own (the parser may
    give it the last noun before it); it goes on with the speech verb it hangs from."""
    if verb.tag_ != "VBG" or verb.doc[verb.i - 1].text != ",":
        return None
    return next((a for a in verb.ancestors if a.lemma_ in SPEECH_VERBS and a.pos_ == "VERB"), None)


def _reports_speech(verb: Token) -> bool:
    """A speech verb that carries what was said: a clause ("said that ..."), a quotation, or, for
    denials, what is denied ("dismissed claims that ..."). "Russia maintains a naval facility" does
    not; nor does "what Moscow claims" without a clause."""
    deps = {c.dep_ for c in verb.children}
    if any(c.dep_ == "xcomp" and any(a.dep_ == "auxpass" for a in c.children) for c in verb.children):
        return False  # "places reported to have been hit": what is reported, not who reports
    if (
        verb.tag_ in {"VBD", "VBN"}
        and any(c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in verb.children)
        and any(c.dep_ == "nsubj" and c.lemma_.lower() in _STRIKE_NOUNS for c in verb.children)
    ):
        return False  # "ten airstrikes said to target IS", parsed as the strikes saying it
    if deps & {"ccomp", "parataxis"} or verb.dep_ in {"parataxis", "acl"}:
        return True
    if closing_speaker(verb) is not None or _quoted_as_saying(verb) is not None:
        return True  # "Jets struck X, activists and a monitoring group reported.", parsed inside out
    if verb.lemma_ in _PLAIN_SPEECH and deps & {"dobj", "nsubj", "xcomp", "advcl"}:
        return True  # "The monitor said Wednesday's strikes killed 27": the parser lost the clause
    if verb.lemma_ in DENY_VERBS | _RECORD_VERBS | {"question", "dispute", "doubt"} and "dobj" in deps:
        return True
    if says_this(verb):
        return True  # "This was reported by Radio Free Syria": what was said comes before
    doc = verb.doc
    window = doc[max(verb.sent.start, verb.i - 4) : verb.i]
    after_quote = any(t.text in {"”", '"', "’"} for t in window)
    return after_quote or (verb.dep_ == "ROOT" and verb.i > verb.sent.start + 2)


def _is_local(subject: Token) -> bool:
    """Whether a speaker speaks from where things happen: "residents of ...", "an activist in X"."""
    heads = [subject, *(c for c in subject.children if c.dep_ == "appos")]
    return any(h.lemma_.lower() in LOCAL_NOUNS for h in heads)


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
    dashes = [t.i for t in tokens if t.text in {"—", "–"} and t.i < end - 1]
    if dashes:
        # "struck three provinces — Homs, Hama and Latakia — the ministry said": the parser makes
        # the list the speaker's head; the speaker is what follows the last dash
        start = dashes[-1] + 1
        # "killed 36—five children among them—in Homs province, the head of the coalition told
        # AFP": nor is what comes between the dash and a comma before the speaker's head
        commas = [i for i in range(start, end) if doc[i].text == ","]
        if commas and any(t.pos_ in {"NOUN", "PROPN"} for t in doc[commas[-1] + 1 : end]):
            start = commas[-1] + 1
    while start < end and (doc[start].is_punct or (doc[start].ent_type_ == "DATE" and start < subject.i)):
        start += 1  # nor the day a missing comma joined to the name ("On Monday Igor Konashenkov said")
    return doc[start:end]


def ancestors_until(tok: Token, stop: Token) -> Iterable[Token]:
    while tok.i != stop.i and tok.head.i != tok.i:
        yield tok
        tok = tok.head


def _set_beside(verb: Token, subject: Token) -> set[int]:
    """ "Russia announces a major operation as warplanes pound Aleppo", "A week after Russian jets
    bombed rebels in X, officials say ...", "..., the Kremlin says, despite evidence that ...": what
    the narrator sets beside the speech (an "as" or "while" clause on the speech verb itself; a time or
    concession clause set before the speaker or after a comma) is the narrator's, not the speaker's."""
    out: set[int] = set()
    for c in verb.children:
        marks = {m.lower_ for m in c.children if m.dep_ == "mark"} if c.dep_ == "advcl" else set()
        framing = bool(marks & _FRAMING_MARKS) or (c.dep_ == "prep" and c.lower_ in _FRAMING_MARKS)
        set_off = c.right_edge.i < subject.left_edge.i or verb.doc[c.left_edge.i - 1].text == ","
        if marks & _BESIDE_MARKS or (framing and set_off):
            out |= {t.i for t in c.subtree}
    return out


_BESIDE_MARKS = frozenset(["as", "while"])
_FRAMING_MARKS = words("framing_marks")
