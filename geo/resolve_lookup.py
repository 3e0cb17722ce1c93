"""The gazetteer as the resolver asks it: candidates per name once per article, containers written
after a comma, abbreviations, demonyms, and whether a name is a place's own."""

from __future__ import annotations

from typing import TYPE_CHECKING

from geo import lexicon
from geo.names import fold
from geo.resolve_weights import weights
from geo.types import Candidate, Place

if TYPE_CHECKING:
    from geo.gazetteer import Gazetteer

# Keyed as `norm_key` leaves them; AP abbreviations also without spaces ("W. Va." is "w.va").
AP_STATES = lexicon.table("us_state_abbreviations")
# Postal codes are only read in the "Town, XX" position, never on their own ("IN", "OK", "ME").
POSTAL_STATES = lexicon.table("us_state_postal_codes")
ALIASES = lexicon.table("place_aliases")
ADMIN_ABBREVIATIONS = {k: tuple(v.split("|")) for k, v in lexicon.table("admin_abbreviations").items()}
IRREGULAR_DEMONYMS = lexicon.table("demonyms")
PLACELESS_DEMONYMS = lexicon.words("demonyms_placeless")
# "ian a": strip "ian", add "a"; "ian": strip it
_DEMONYM_RULES = tuple((*r.split(), "")[:2] for r in lexicon.ordered("demonym_suffixes"))
_ABBREVIATED_WORDS = lexicon.table("name_abbreviations")
_AIRPORT_WORDS = lexicon.words("airport_words")
_DEMONYM_KIND_RANK = {"country": 0, "region": 1, "admin1": 2}


def norm_key(name: str) -> str:
    return name.lower().rstrip(".")


def is_primary(c: Candidate, query: str) -> bool:
    """Whether the query is the place's own name, not one of its alternate or historical names."""
    if c.match != "exact" or c.score < 1.0:
        return False
    # A country's or admin1's other names are conventional ("America", "Palestine"); a town's are
    # often historical or foreign ("Alexandria" for Mashhad), so only its own name counts.
    if c.place.kind in ("country", "admin1", "region"):
        return True
    return _spelled_out(c.place.name) == _spelled_out(query) or _airport_core(c.place, query)


def _airport_core(p: Place, query: str) -> bool:
    """ "Heathrow" for London Heathrow Airport, "Dulles" for Washington Dulles International: an
    airport's own name once its town and airport words are dropped (not "Dubai" for Dubai
    International, which is the town's name)."""
    if p.kind != "feature":
        return False
    words = [w for w in _spelled_out(p.name).split() if w not in _AIRPORT_WORDS]
    core = _spelled_out(query).split()
    dropped = len(_spelled_out(p.name).split()) - len(words)
    return dropped > 0 and len(words) == len(core) + 1 and words[1:] == core


def _spelled_out(name: str) -> str:
    """The folded name with its abbreviated words written out: "St. Petersburg" = "Saint Petersburg"."""
    return " ".join(_ABBREVIATED_WORDS.get(w, w) for w in fold(name).replace(".", " ").split())


_WRITTEN_OUT = {v: k for k, v in _ABBREVIATED_WORDS.items()}


def _respelt(name: str) -> list[str]:
    """The name with its abbreviated words written out, and with its written-out words abbreviated."""
    words = name.split()
    out = []
    for table, dot in ((_ABBREVIATED_WORDS, ""), (_WRITTEN_OUT, ".")):
        new = [
            (table[k][:1].upper() + table[k][1:] + dot) if (k := w.lower().rstrip(".")) in table else w
            for w in words
        ]
        if new != words:
            out.append(" ".join(new))
    return out


class Lookup:
    """The gazetteer's answers for one article, so that a repeated name is looked up once."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer
        self._cands: dict[str, list[Candidate]] = {}
        self._containers: dict[str, list[Place]] = {}

    def candidates(self, name: str) -> list[Candidate]:
        got = self._cands.get(name)
        if got is None:
            got = self.gaz.candidates(name, limit=weights().max_candidates) if name.strip() else []
            if not any(c.match != "fuzzy" for c in got):
                # "Saint Croix County" is indexed as "St. Croix County", "Mt. Vernon" as "Mount Vernon"
                for other in _respelt(name):
                    again = self.gaz.candidates(other, limit=weights().max_candidates)
                    if any(c.match == "exact" for c in again):
                        got = again
                        break
            self._cands[name] = got
        return got

    def has_good_match(self, name: str) -> bool:
        return any(c.match != "fuzzy" for c in self.candidates(name))

    def is_spelt(self, name: str) -> bool:
        """Whether some place goes by exactly this name (its own or another), not a looser spelling."""
        return any(c.match == "exact" and c.score >= 1.0 for c in self.candidates(name))

    def container(self, name: str) -> list[Place]:
        """The admin1s and countries `name` can denote when it follows a comma ("Va.", "Texas", "Syria")."""
        got = self._containers.get(name)
        if got is not None:
            return got
        key = norm_key(name)
        queries = []
        if key.replace(" ", "") in AP_STATES:
            queries.append(AP_STATES[key.replace(" ", "")])
        if name in POSTAL_STATES:
            queries.append(POSTAL_STATES[name])
        if key in ALIASES:
            queries.append(ALIASES[key])
        queries.append(name)
        got = []
        for q in queries:
            for c in self.candidates(q):
                if c.match != "fuzzy" and c.place.kind in ("admin1", "country") and c.place not in got:
                    got.append(c.place)
            if got:
                break
        self._containers[name] = got
        return got

    def abbreviated(self, name: str) -> list[Candidate]:
        """The states, provinces and countries an abbreviation's expansion names, as literal matches."""
        return [
            Candidate(c.place, "exact", 1.0)
            for c in self.candidates(name)
            if c.match == "exact" and c.place.kind in ("admin1", "country", "region") and is_primary(c, name)
        ]

    def demonym(self, word: str) -> tuple[str, list[Candidate]]:
        """The place a demonym names ("Syrian" -> Syria, "Palestinians" -> Palestine) and its candidates."""
        if not word[:1].isupper() or (" " in word.strip() and not word.split()[-1][:1].isupper()):
            return "", []
        low = word.lower()
        stems = [low]
        if low.endswith("s") and not low.endswith("ss"):
            stems.append(low[:-1])
        tried: list[str] = []
        for stem in stems:
            if stem in IRREGULAR_DEMONYMS:
                tried.append(IRREGULAR_DEMONYMS[stem])
            for suf, rep in _DEMONYM_RULES:
                if stem.endswith(suf) and len(stem) - len(suf) >= 3:
                    tried.append(word[: len(stem) - len(suf)] + rep)
        best: tuple[int, int, str, list[Candidate]] | None = None
        for q in dict.fromkeys(t for t in tried if t):
            q = q[:1].upper() + q[1:]
            good = [c for c in self.candidates(q) if is_primary(c, q) and c.place.kind in _DEMONYM_KIND_RANK]
            rank = min((_DEMONYM_KIND_RANK.get(c.place.kind, 9) for c in good), default=9)
            # "Nigerian": Nigeria before Niger, so the longest name of the best kind wins.
            if rank < 9 and (best is None or (rank, -len(q)) < best[:2]):
                best = (rank, -len(q), q, good)
        return (best[2], best[3]) if best else ("", [])
