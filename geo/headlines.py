"""Headlines: a title that names a struck place is a claim too, read as the body is read.

Outlets put the struck place in the headline and sometimes nowhere else ("Russian jets wiped out IS
headquarters on the outskirts of Al-Latamna, Moscow says"). The title is parsed on its own, and its
names are read as the body reads the same names. A headline adds only what the body does not give:
an attributed headline ("..., Moscow says", "..., observatory says") adds its places for its
speaker's side; an unattributed one sums up the body's claims, so it adds only a place the body never
gives as struck, for the side of the lead it sums up (the lead's place or the country or province
holding it; the narrator's, when the lead is the outlet's own).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from geo.countrysides import countryside_governorates
from geo.discourse import Frame
from geo.registry import DESCRIPTIVE_KINDS
from geo.resolve import resolve

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from geo.claims import Draft
    from geo.gazetteer import Gazetteer
    from geo.registry import Registry
    from geo.types import Claim, Mention, Place, Toponym


@dataclass(frozen=True, slots=True)
class Headline:
    """The parsed title and its places; mention offsets refer to the title."""

    doc: Doc
    toponyms: tuple[Toponym, ...]


def sentence_case(title: str, body: str) -> str:
    """A headline in title case ("Terrible Casualties In Aleppo, Idlib And Deir Ez-Zor As Russia
    Begins Strikes From Iran") written as a sentence, which is what the parser was trained on: a word
    goes to lower case when the body writes it so and never capitalises it inside a sentence, as
    document-level truecasing does; names keep their capitals. Same length, so offsets hold."""
    words = list(re.finditer(r"[A-Za-z][\w'’-]*", title))[1:]
    if len(words) < 3 or sum(w.group()[0].isupper() for w in words) < 0.7 * len(words):
        return title
    lower = set(re.findall(r"(?<![.!?:\n\"“] )(?<!^)\b[a-z][\w'’-]*", body))
    capital = {m.group().casefold() for m in re.finditer(r"(?<=[a-z,;] )[A-Z][\w'’-]*", body)}
    out = list(title)
    for w in words:
        low = w.group().lower()
        if w.group()[0].isupper() and (low in _LOWER_WORDS or (low in lower and low not in capital)):
            out[w.start()] = out[w.start()].lower()
    return "".join(out)


_LOWER_WORDS = frozenset(
    "a an and as at by for from in into of on or over the to with after against near amid".split()
)


def headline_toponyms(
    title: str, mentions: Sequence[Mention], body_text: str, body: Sequence[Toponym], gazetteer: Gazetteer
) -> list[Toponym]:
    """The title's names as the body resolved them (the body has the context a headline lacks); a
    name the body does not use is resolved with the body's names as its context, since a title alone
    ("... Latamneh, Moscow says") would make the one foreign capital it names the whole story."""
    read = {t.mention.text.casefold(): t for t in body if t.place is not None}
    out = [replace(read[m.text.casefold()], mention=m) for m in mentions if m.text.casefold() in read]
    alone = [m for m in mentions if m.text.casefold() not in read]
    if alone:
        shift = len(title) + 2
        context = [replace(t.mention, start=t.mention.start + shift, end=t.mention.end + shift) for t in body]
        together = resolve(f"{title}\n\n{body_text}", [*alone, *context], gazetteer)
        out += [t for t in together if t.mention.end <= len(title)]
    # "Russian jets hit rebels in Hama countryside": the title's own words say it is the governorate
    return sorted(countryside_governorates(title, out, gazetteer), key=lambda t: t.mention.start)


def headline_only(drafts: list[Draft], body: Sequence[Claim]) -> list[Draft]:
    """The headline's claims cut to the strike places the body does not already give."""
    struck = {
        (p.toponym.place.id, c.source.side)
        for c in body
        for p in c.places
        if p.role == "target" and p.toponym.place is not None
    }
    anywhere = {place for place, _ in struck}
    out = []
    for d in drafts:
        if d.claim_type is None:
            continue
        d.places = [
            p
            for p in d.places
            if p.role == "target"
            and p.basis != "article"
            and p.toponym.place is not None
            and (p.toponym.place.id, d.frame.side) not in struck
            and (d.frame.attributed or p.toponym.place.id not in anywhere)
        ]
        if d.places:
            out.append(d)
    return out


# "...: Monitor", "... - activists", "..., says monitor", "..., Moscow says", "... (Xinhua)": who a
# headline is from
_CREDIT = re.compile(
    r"(?:\s*[:|–—]\s*|\s+-\s+|,\s*(?:says?|said|claims?|reports?)\s+)(?P<credit>[^:|,–—]{2,40}?)\s*$"
    r"|,\s*(?P<before>[^:|,–—]{2,40}?)\s+(?:says?|said|claims?|reports?)\s*$"
    r"|\((?P<bracket>[^()]{2,40})\)\s*$",
    re.IGNORECASE,
)
# "SANA: Russian jets destroy ...": a leading credit, which only a named source makes ("Syria war: ...",
# "Russia/Syria: ..." name a topic)
_LEAD = re.compile(r"^(?P<lead>[^:|–—]{2,30}?)\s*:\s+")


def sum_up_the_lead(drafts: list[Draft], body: Sequence[Claim], text: str) -> None:
    """ "16 civilians dead in raids on Syria" over "Air strikes killed 16 civilians in X, a monitor
    said": an unattributed headline sums up the lead, and takes its source's side (ANNOTATION.md
    convention of the gold sets: a headline takes the side of the claim it sums up)."""
    first = text.find("\n")
    lead_end = len(text) if first < 0 else first
    lead = next(
        (c for c in body if c.evidence_start < lead_end and any(p.role == "target" for p in c.places)),
        None,
    )
    if lead is None or not lead.source.speaker:
        return
    struck = [p.toponym.place for p in lead.places if p.role == "target" and p.toponym.place is not None]
    for d in drafts:
        summed = any(
            p.role == "target"
            and p.toponym.place is not None
            and any(_holds(p.toponym.place, q) for q in struck)
            for p in d.places
        )
        if summed and not d.frame.attributed:
            d.frame = Frame(
                None, lead.source.speaker, lead.source.side, "definite", d.frame.owned, quoted=True
            )


def _holds(place: Place, struck: Place) -> bool:
    """Whether a headline's place is the lead's struck place or the country or province it lies in."""
    if place.id == struck.id:
        return True
    if place.kind == "country":
        return place.country_code == struck.country_code
    return place.kind == "admin1" and (place.country_code, place.admin1) == (
        struck.country_code,
        struck.admin1,
    )


def credit_headline(drafts: list[Draft], title: str, registry: Registry) -> None:
    """Give the narration of a headline that ends or starts with its source ("...: Monitor", "...,
    Says Monitor", "... (Xinhua)", "SANA: ...") to that source, when the registry knows who it is."""
    m = _CREDIT.search(title)
    credit = (m.group("credit") or m.group("before") or m.group("bracket")) if m else None
    found = registry.side_of(credit) if credit else None
    outlet = found is not None and (found[1] == "medium" or bool(m and m.group("bracket")))
    if outlet and found is not None and not registry.sides[found[0]].narrates:
        return  # "... (Xinhua)", "... - Press TV": an outlet's credit, whose narration is the reporter's
    lead = _LEAD.match(title)
    if found is None and lead is not None:
        credit = lead.group("lead")
        found = registry.side_of(credit)
        found = found if found is not None and found[1] not in DESCRIPTIVE_KINDS else None
    if credit is None or found is None or found[1] == "sources":
        return  # "...: Sources" names no side; the lead's source tells it (sum_up_the_lead)
    # the credit names who speaks, not where strikes hit: "...: Russia" is no strike on Russia
    if lead is not None and credit == lead.group("lead"):
        start, end = lead.span()
    else:
        assert m is not None  # the credit came from the trailing match
        start, end = m.span("credit") if m.group("credit") else m.span()
    for d in drafts:
        if not d.frame.attributed:
            d.frame = Frame(None, credit, found[0], found[1], d.frame.owned, quoted=True)
        d.places = [
            replace(p, role="context") if start <= p.toponym.mention.start < end else p for p in d.places
        ]
