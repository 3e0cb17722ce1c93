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
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from geo.claim_types import (
    SPECIFIC_TYPES,
    count_casualties,
    counted_at,
    foreign_strikes,
    is_strike,
    other_force,
    read_claim_type,
)
from geo.containment import mark_containers
from geo.discourse import (
    Frame,
    SpeakerMemory,
    attribute_back_references,
    attribute_interviews,
    attribute_quotations,
    banner_owner,
    outlet_side,
    own_media,
    paragraph_ends,
    remember_subjects,
)
from geo.headlines import Headline, credit_headline, headline_only, sum_up_the_lead
from geo.lexicon import ordered, words
from geo.resolve_article import home_country
from geo.speakers import narrator_turns, sentence_frames
from geo.strike_places import (
    PLACE_NOUNS,
    is_noun_of,
    place_role,
    presence_role,
    semicolon_lists,
    sets_the_scene,
    where_the_struck_thing_is,
)
from geo.types import Article, Claim, ClaimPlace, ClaimType, LocationBasis, Role, Source, Toponym

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from geo.registry import Registry

_WEEKDAYS = {d: i for i, d in enumerate(ordered("weekdays"))}
_LOCATION_FIELDS = words("location_fields")


def extract_claims(
    article: Article,
    doc: Doc,
    toponyms: Sequence[Toponym],
    registry: Registry,
    headline: Headline | None = None,
) -> list[Claim]:
    """Every claim in the article, in text order, each with its target and context places; the
    headline's claims (geo.headlines) first, where they name a strike place the body does not give
    the same side."""
    ref_year = _reference_year(article, doc)
    # the headline is read after the body: "..., observatory says" is the monitor the body named
    owner = banner_owner(article, registry)
    memory = SpeakerMemory(
        unknown_side=outlet_side(article, registry),
        narrator=owner[0] if owner else "reporter",
        own_media=own_media(article, registry),
    )
    if headline is not None:
        # "..., Damascus source says" over a lead whose "the source" it names: the headline's
        # speakers are known by name before the body is read (not as whom "he" or "it" means)
        named = SpeakerMemory(unknown_side=memory.unknown_side, narrator=memory.narrator)
        for sent in headline.doc.sents:
            sentence_frames(sent, registry, named)
        memory.heads.update(named.heads)
        memory.names.update(named.names)
        memory.initials.update(named.initials)
    foreign = foreign_strikes([doc] if headline is None else [headline.doc, doc], registry)
    drafts = _drafts(doc, toponyms, registry, memory, ref_year, article.text, foreign)
    claims = _finish(article, drafts, toponyms, registry.force_side)
    if headline is None:
        return claims
    # a headline's hearsay ("strikes allegedly kill seven") is the lead's, not the body's last speaker's
    memory.known = memory.reporting = None
    said = _drafts(headline.doc, headline.toponyms, registry, memory, ref_year, article.title, foreign)
    credit_headline(said, article.title, registry)  # a headline that names its source keeps it
    sum_up_the_lead(said, claims, article.text)
    return (
        _finish(article, headline_only(said, claims), toponyms, registry.force_side, in_title=True) + claims
    )


def _drafts(
    doc: Doc,
    toponyms: Sequence[Toponym],
    registry: Registry,
    memory: SpeakerMemory,
    ref_year: int | None,
    text: str,
    foreign: bool,
) -> list[Draft]:
    by_sentence: dict[int, list[tuple[Toponym, Token]]] = {}
    for t in toponyms:
        span = doc.char_span(t.mention.start, t.mention.end, alignment_mode="expand")
        if span is None:
            continue
        by_sentence.setdefault(span.sent.start, []).append((t, span.root))
    # the country the article's places lie in: a town there that opens a sentence sets its scene
    home = home_country(toponyms)
    sents = list(doc.sents)
    framed = []
    for sent in sents:
        framed.append(sentence_frames(sent, registry, memory))
        remember_subjects(sent, framed[-1], registry, memory)
    attribute_quotations(sents, framed)
    attribute_back_references(sents, framed)
    attribute_interviews(sents, framed, registry, memory)
    drafts: list[Draft] = []
    for paragraph in _paragraphs(sents, framed):
        # "The US-led alliance began its air strikes in 2014. This alliance, too, flew 15 strikes in
        # Iraq": a paragraph about another force's strikes goes on with them, as a whole text does
        abroad = foreign or foreign_strikes([sent for sent, _ in paragraph], registry)
        for sent, frames in paragraph:
            drafts.extend(
                _sentence_drafts(
                    sent, frames, by_sentence.get(sent.start, []), registry, ref_year, text, abroad, home
                )
            )
    roots = {id(t): r for located in by_sentence.values() for t, r in located}
    _breakdowns(drafts, sents, roots)
    _the_town_again(drafts, sents)
    return drafts


def _paragraphs(sents: list[Span], framed: list[list[Frame]]) -> list[list[tuple[Span, list[Frame]]]]:
    paragraphs: list[list[tuple[Span, list[Frame]]]] = [[]]
    for sent, frames in zip(sents, framed, strict=True):
        paragraphs[-1].append((sent, frames))
        if paragraph_ends(sent):
            paragraphs.append([])
    return [p for p in paragraphs if p]


def _the_town_again(drafts: list[Draft], sents: list[Span]) -> None:
    """ "Russian airstrikes struck the town of Hayyan ... The town was bombed even though there are no
    ISIS elements in it": a strike claim whose only place is "the town" is about the town struck in
    the sentence before, not about the article's whole strike area."""
    index = {s.start: n for n, s in enumerate(sents)}
    last: tuple[int, Toponym] | None = None
    named: tuple[int, Toponym] | None = None  # the one town the sentence before named, struck or not
    for d in drafts:
        n = index[d.sent.start]
        unplaced = d.claim_type is not None and not any(
            p.role == "target" or p.toponym.precision == "point" for p in d.places
        )
        if unplaced and last is not None and last[0] == n - 1 and any(_settlement_anaphor(t) for t in d.sent):
            d.places.append(ClaimPlace(last[1], "target", "sentence"))
        elif unplaced and named is not None and named[0] == n - 1 and any(_there(t) for t in d.sent):
            # "The Syrian city of Rakka has been ruled by IS for two years. Now at least 23 people
            # have been killed there in air strikes."
            d.places.append(ClaimPlace(named[1], "target", "sentence"))
        towns = [
            p.toponym
            for p in d.places
            if p.role == "target" and p.toponym.precision == "point" and p.basis != "container"
        ]
        if towns and d.claim_type is not None:
            last = (n, towns[0]) if len(towns) == 1 else None  # "the town" of several is anyone's guess
        points = [p.toponym for p in d.places if p.toponym.precision == "point" and p.toponym.place]
        if points:
            named = (n, points[0]) if len({t.place.id for t in points if t.place}) == 1 else None


def _settlement_anaphor(tok: Token) -> bool:
    """ "the town", "this village" standing alone, with no name of its own ("the town of X")."""
    return (
        tok.lower_ in _SETTLEMENT_NOUNS
        and tok.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj"}
        and any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in tok.children)
        and not any(c.dep_ in {"prep", "compound", "appos", "amod"} for c in tok.children)
    )


_SETTLEMENT_NOUNS = frozenset({"town", "village", "city"})


def _there(tok: Token) -> bool:
    """ "killed there": the adverb, not the "there" of "there were strikes"."""
    return tok.lower_ == "there" and tok.dep_ == "advmod"


def _breakdowns(drafts: list[Draft], sents: list[Span], roots: dict[int, Token]) -> None:
    """ "SOHR documented the death of 39 civilians in Russian raids. The breakdown is as follows: 17
    civilians in the town of Talbiseh; 9 civilians in al-Rastan; ...": a toll's breakdown by place,
    in the sentence after the toll, is where the toll's source says the strikes killed them."""
    index = {s.start: n for n, s in enumerate(sents)}
    tolls = {index[d.sent.start]: d for d in drafts if d.claim_type == "civilians_killed"}
    for d in drafts:
        toll = tolls.get(index[d.sent.start] - 1)
        if (
            d.claim_type is not None
            or toll is None
            or (d.frame.attributed and toll.frame.side != d.frame.side)
        ):
            continue
        counted = [p for p in d.places if (r := roots.get(id(p.toponym))) is not None and counted_at(r)]
        if counted:
            d.frame = toll.frame  # the narrator's breakdown of a source's toll is the source's
            d.claim_type = "civilians_killed"
            d.places = [ClaimPlace(p.toponym, "target", p.basis) if p in counted else p for p in d.places]
            d.casualties = None


@dataclass(slots=True)
class Draft:
    """A frame's claim while the article is read: its places may still change role."""

    sent: Span
    frame: Frame
    claim_type: ClaimType | None  # None: the frame makes no strike claim, only mentions places
    places: list[ClaimPlace]
    casualties: int | None
    event_day: str


def _is_conflict_place(topo: Toponym) -> bool:
    """A town or area, not a country or a capital abroad a witness might be reached from."""
    return topo.place is not None and topo.precision in {"point", "region", "admin1"}


def _raided(root: Token) -> bool:
    """ "raids on the town of X", "strikes against X": the place is the strikes' own object."""
    tok = root
    while tok.dep_ == "pobj" and tok.head.lower_ == "of" and is_noun_of(tok.head.head, PLACE_NOUNS):
        tok = tok.head.head  # "the town of X"
    return tok.dep_ == "pobj" and tok.head.lower_ in {"on", "against"} and tok.head.head.pos_ == "NOUN"


def _dated_strike(root: Token) -> bool:
    """ "the toll from Monday's strike in Ain Jara": a strike its day picks out is the one strike,
    and where it hit is said, as much as "raids on X"."""
    tok = root
    while tok.dep_ == "pobj" and tok.head.lower_ == "of" and is_noun_of(tok.head.head, PLACE_NOUNS):
        tok = tok.head.head
    noun = tok.head.head
    return (
        tok.dep_ == "pobj"
        and tok.head.lower_ in {"in", "on", "near"}
        and noun.pos_ == "NOUN"
        and any(c.dep_ == "poss" and c.lemma_.lower().rstrip("'s") in _WEEKDAYS for c in noun.children)
    )


def _locates_what_was_struck(tokens: list[Token], registry: Registry) -> bool:
    """A sentence with no strike of its own that says where a struck thing is ("the command center
    stood near the town of X"); not one whose own strike was read as no claim (another force's)."""
    for t in tokens:
        struck = where_the_struck_thing_is(t, registry)
        if struck is not None:
            subject = {s.i for c in t.children if c.dep_ in {"nsubj", "nsubjpass"} for s in c.subtree}
            own = any(is_strike(s, registry) for s in tokens if s.i not in subject)
            return not own and not other_force(struck, registry)
    return False


def _says_it_was_a_strike(tokens: list[Token], registry: Registry) -> bool:
    """ "what activists say was a Russian air strike in X": the strike is what is said to have been."""
    return any(t.dep_ == "attr" and t.head.lemma_ == "be" and is_strike(t, registry) for t in tokens)


def _sentence_drafts(
    sent: Span,
    frames: list[Frame],
    located: list[tuple[Toponym, Token]],
    registry: Registry,
    ref_year: int | None,
    source: str,
    foreign: bool,
    home: str = "",
) -> list[Draft]:
    drafts: list[Draft] = []
    roots_of = {id(t): r for t, r in located}
    names = frozenset(r.i for _, r in located)
    for frame in frames:
        tokens = [t for t in sent if t.i in frame.owned]
        claim_type, anchor_kind = read_claim_type(frame, tokens, registry, source, foreign=foreign)
        field = claim_type is None and not frame.attributed and _location_field(sent)
        if field:
            claim_type = "strike_reported"  # an incident record's "Location: A, Homs, Syria"
        elif claim_type is None and _locates_what_was_struck(tokens, registry):
            claim_type = "strike_reported"  # "the destroyed base lay on the outskirts of Salma"
        places: list[ClaimPlace] = []
        for topo, root in located:
            if field and root.i in frame.owned:
                role: Role = "target"
            elif root.i in frame.owned:
                if anchor_kind == "presence":
                    role = presence_role(root)
                else:
                    role = place_role(root, frame, registry, ref_year, names) if claim_type else "context"
            elif root.i in frame.speaker_tokens:
                role = "context"
            else:
                continue
            places.append(ClaimPlace(topo, role, "explicit"))
        if (
            claim_type == "strike_reported"
            and frame.attributed
            and anchor_kind == "noun"
            and not frame.shown
            and not _says_it_was_a_strike(tokens, registry)
        ):
            # An attributed aside about "the Russian air strikes in Syria" is not a claim of where
            # they hit; a source saying jets "struck" a place is, and so is footage of "an attack on
            # X" or "a crater left by what activists say was a Russian air strike in X", and "the
            # overnight raids on the town of X", which name their target.
            places = [
                p
                if p.role == "target"
                and p.toponym.precision != "country"
                and (_raided(roots_of[id(p.toponym)]) or _dated_strike(roots_of[id(p.toponym)]))
                else ClaimPlace(p.toponym, "context", p.basis)
                for p in places
            ]
        if claim_type and frame.local and not any(p.role == "target" for p in places):
            # "Abu Omar, an activist in Telbisa, said 17 people were killed when bombs hit a
            # building": a local witness's claim is about the place the witness is from.
            places = [
                ClaimPlace(p.toponym, "target", "sentence")
                if roots_of[id(p.toponym)].i in frame.speaker_tokens and _is_conflict_place(p.toponym)
                else p
                for p in places
            ]
        if claim_type and not any(p.role == "target" for p in places):
            # "In Idlib province, activists said jets struck a bakery": where the report is set
            places = [
                ClaimPlace(p.toponym, "target", "explicit")
                if _sets_the_scene(p, roots_of, frame, home)
                else p
                for p in places
            ]
        places = mark_containers(semicolon_lists(places, roots_of, names), roots_of)
        if frame.aside:
            # the narrator's description of places a source gives as struck is a claim about those
            struck = {id(p.toponym) for d in drafts for p in d.places if p.role == "target"}
            places = [ClaimPlace(p.toponym, "target", p.basis) for p in places if id(p.toponym) in struck]
            if claim_type is None or not places:
                continue
        if claim_type is None and not places:
            continue
        drafts.append(
            Draft(
                sent,
                frame,
                claim_type,
                places,
                count_casualties(tokens) if claim_type else None,
                _weekday(sent),
            )
        )
    attributed = [d for d in drafts if d.frame.attributed and d.claim_type in SPECIFIC_TYPES]
    if attributed and not any(d.frame.verb is not None and narrator_turns(d.frame.verb) for d in attributed):
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


def _location_field(sent: Span) -> bool:
    """An incident record's location field: "Location: Talbiseh, Homs, Syria", or the address on
    the line under a "LOCATION" label."""
    text = sent.text.strip()
    label, colon, _ = text.partition(":")
    if colon and label.strip().lower() in _LOCATION_FIELDS:
        return True
    # the few tokens before the sentence, not the whole text (Doc.text is rebuilt at every call)
    prev = sent.doc[max(0, sent.start - 30) : sent.start].text_with_ws
    before = prev.rstrip("\n").rsplit("\n", 1)[-1]
    return prev.endswith("\n") and before.strip().lower() in _LOCATION_FIELDS


def _sets_the_scene(p: ClaimPlace, roots_of: dict[int, Token], frame: Frame, home: str) -> bool:
    """A province, a region or a town of the article's country (not a capital a speaker may be in)
    set before the speaker: "In rebel-held Tariq Bab, the LCC report that 15 were killed"."""
    place = p.toponym.place
    local = (
        p.toponym.precision == "point"
        and place is not None
        and place.country_code == home
        and not place.capital
    )
    return (p.toponym.precision in {"admin1", "region"} or local) and sets_the_scene(
        roots_of[id(p.toponym)], frame
    )


def _reference_year(article: Article, doc: Doc) -> int | None:
    if article.published[:4].isdigit():
        return int(article.published[:4])
    years = [int(t.text) for t in doc if t.like_num and len(t.text) == 4 and t.text.isdigit()]
    plausible = [y for y in years if 1900 < y < 2100]
    return max(plausible) if plausible else None


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


def _nothing_finer(places: list[ClaimPlace]) -> list[ClaimPlace]:
    """ "air raids on Alep, in the north of Syria": a claim names its country as a strike place only
    when it names nothing finer there (ANNOTATION.md); beside a struck town the country locates it."""
    finer = {
        p.toponym.place.country_code
        for p in places
        if p.role == "target" and p.toponym.place is not None and p.toponym.precision != "country"
    }
    return [
        ClaimPlace(p.toponym, "context", p.basis)
        if p.role == "target"
        and p.toponym.precision == "country"
        and p.toponym.place is not None
        and p.toponym.place.country_code in finer
        else p
        for p in places
    ]


def _finish(
    article: Article,
    drafts: list[Draft],
    toponyms: Sequence[Toponym],
    force_side: str,
    *,
    in_title: bool = False,
) -> list[Claim]:
    """Place placeless claims at the article's strike area and freeze the drafts into Claims. A
    headline's claim has the title as its evidence and, as it is no span of the body, offsets 0, 0."""
    explicit_targets = [
        p.toponym for d in drafts for p in d.places if p.role == "target" and p.toponym.place is not None
    ]
    area = _strike_area(explicit_targets, toponyms)
    campaign_area = _country_of(explicit_targets, toponyms)
    claims: list[Claim] = []
    for d in drafts:
        places = _nothing_finer(list(d.places))
        if (
            d.claim_type in SPECIFIC_TYPES
            and d.frame.attributed
            and not any(p.role == "target" for p in places)
        ):
            # The striking side's own placeless claims ("we hit eight IS targets") speak of its whole
            # campaign; other sources' speak of the strikes the article reports.
            own = d.frame.side == force_side
            places += [ClaimPlace(t, "target", "article") for t in (campaign_area if own else area)]
            if not own and d.claim_type == "civilians_killed" and (recent := _last_struck(drafts, d, area)):
                # "According to the Observatory, however, about 60 people were killed": the toll of
                # the strike the article has just told of, at the town it was told at
                places.append(ClaimPlace(recent, "target", "sentence"))
        claim_type: ClaimType = d.claim_type or "other"
        if d.claim_type is None:
            places = [ClaimPlace(p.toponym, "context", p.basis) for p in places]
        if not places:
            continue
        start, end = (0, 0) if in_title else (d.sent.start_char, d.sent.end_char)
        evidence = article.title if in_title else article.text[start:end].strip()
        key = f"{article.id}|{'title' if in_title else start}|{d.frame.speaker}|{claim_type}"
        confidence = _confidence(d, places)
        claims.append(
            Claim(
                claim_id=hashlib.sha1(key.encode("utf-8")).hexdigest()[:12],
                article_id=article.id,
                source=Source(d.frame.speaker, d.frame.side),
                claim_type=claim_type,
                evidence=evidence,
                evidence_start=start,
                evidence_end=end,
                places=tuple(places),
                casualties=d.casualties,
                event_date=_event_date(article.published, d.event_day),
                confidence=confidence,
            )
        )
    return claims


def _last_struck(drafts: list[Draft], draft: Draft, area: list[Toponym]) -> Toponym | None:
    """The town the last claim before `draft` named as struck, when it lies in the article's one
    strike area (an article of strikes across provinces has no one incident to speak of)."""
    if not area or area[0].precision == "country":
        return None
    before = [
        p.toponym
        for d in drafts
        if d.sent.start < draft.sent.start
        for p in d.places
        if p.role == "target" and p.basis == "explicit" and p.toponym.precision == "point"
    ]
    return before[-1] if before else None


def _strike_area(targets: list[Toponym], toponyms: Sequence[Toponym]) -> list[Toponym]:
    """Where the article's strikes are: its specific targets when they share one province; none when
    they lie in several (a placeless toll or denial has no one incident to stand for, and annotators
    never count the whole country as struck where the story names where); else, with only the
    country named as struck, that country."""
    if not targets:
        return []
    specific = [t for t in targets if t.precision != "country"]
    provinces = {(t.place.country_code, t.place.admin1) for t in specific if t.place is not None}
    if specific and len(provinces) == 1:
        rank = {"admin1": 0, "region": 1, "point": 2, "country": 3}
        best = min(specific, key=lambda t: (rank[t.precision], t.mention.start))
        return [best]
    return [] if specific else _country_of(targets, toponyms)


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


def _confidence(d: Draft, places: Sequence[ClaimPlace]) -> float:
    basis_weight: dict[LocationBasis, float] = {
        "explicit": 0.9,
        "container": 0.8,
        "sentence": 0.7,
        "article": 0.45,
    }
    side_weight = 1.0 if d.frame.side != "other" else 0.8
    best = max((basis_weight[p.basis] * p.toponym.confidence for p in places), default=0.0)
    return round(best * side_weight, 3)
