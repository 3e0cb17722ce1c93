"""The ranker: groups the mentions of one name, scores each candidate place by its prior (match,
kind, size, cues) and by what the article's other names say (country, state, nearby places,
namesakes side by side), and picks one. Every number comes from `resolve_weights`."""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from geo import lexicon
from geo.geodesy import haversine_km
from geo.names import fold
from geo.resolve_cues import Reading
from geo.resolve_lookup import IRREGULAR_DEMONYMS, PLACELESS_DEMONYMS, Lookup, is_primary, norm_key
from geo.resolve_weights import weights
from geo.types import Candidate, Mention, Place

POINT_KINDS = frozenset({"populated_place", "feature", "admin2"})


@dataclass(slots=True)
class Group:
    """The mentions of one name with the same cues; they get one place."""

    key: str
    query: str  # the name whose candidates these are
    kind_cue: str
    container_places: tuple[Place, ...]
    cands: list[Candidate]
    n: int = 0
    prior: list[float] = field(default_factory=list)
    scores: list[float] = field(default_factory=list)
    prominence: list[float] = field(default_factory=list)  # how far each reading may pair (_prominence)
    best: int = -1
    confidence: float = 0.0
    demonym: bool = False
    names_country: bool = False  # the name is a country's own name
    dateline: bool = False  # one of its mentions is a bare dateline
    team: bool = False  # one of its mentions names a sports team


def group(readings: list[Reading], lookup: Lookup) -> list[Group]:
    by_key: dict[tuple[str, str, str], Group] = {}
    for r in readings:
        containers: tuple[Place, ...] = ()
        cands: list[Candidate] = []
        query = r.queries[0] if r.queries else r.key
        for q in r.queries:
            cands, query = lookup.candidates(q), q
            if any(c.match != "fuzzy" for c in cands):
                break
        expanded = [c for q in r.expansions for c in lookup.abbreviated(q)]
        if expanded:
            cands, query = expanded, r.expansions[0]
        if r.acronym:
            cands = [c for c in cands if c.place.kind not in ("populated_place", "feature")]
        if r.container:
            places = lookup.container(r.container)
            # Only a real container: "Homs, Hama and Idlib" is a list, "Paris, Texas" is not; nor is
            # "Brazil, Venezuela", where only a spelling variant ("Bruzual") lies inside the second.
            inside = [c for c in cands if c.match == "exact" and any(contains(p, c.place) for p in places)]
            if inside:
                containers = tuple(places)
            else:
                r.container = ""
        if not any(c.match != "fuzzy" for c in cands) or _looks_like_demonym(r.key, cands):
            dem_query, dem = lookup.demonym(r.queries[-1] if r.queries else r.key)
            if dem:
                cands, query, r.demonym = dem, dem_query, True
        gkey = (r.key, r.kind_cue, ",".join(p.id for p in containers))
        g = by_key.get(gkey)
        if g is None:
            g = Group(r.key, query, r.kind_cue, containers, cands, demonym=r.demonym)
            by_key[gkey] = g
        g.n += 1
        g.dateline = g.dateline or r.dateline
        g.team = g.team or r.team
        r.group = g
    groups = list(by_key.values())
    for g in groups:
        g.names_country = any(c.place.kind == "country" and is_primary(c, g.query) for c in g.cands)
        g.prior = [_prior(c, g) for c in g.cands]
        g.prominence = _prominence(g)
    return groups


def _looks_like_demonym(key: str, cands: list[Candidate]) -> bool:
    """A name like "Indian" or "Russian" that exactly matches only small places, not a country or admin1."""
    if (
        key not in IRREGULAR_DEMONYMS
        and key not in PLACELESS_DEMONYMS
        and not re.search(r"(ian|an|ese|i|ish|ians|ans|is)$", key)
    ):
        return False
    literal = [c for c in cands if c.match == "exact" and c.score >= 1.0]
    big = weights().demonym_max_population
    return not any(c.place.kind in ("country", "admin1") or c.place.population >= big for c in literal)


def contains(container: Place, place: Place) -> bool:
    if container.kind == "country":
        return place.country_code == container.country_code and place.id != container.id
    if container.kind == "admin1":
        return (
            place.country_code == container.country_code
            and place.admin1 == container.admin1
            and place.id != container.id
        )
    return False


def _prior(c: Candidate, g: Group) -> float:
    """How likely the candidate is before reading the rest of the article: match, kind, size, cues."""
    w = weights()
    p = c.place
    primary = is_primary(c, g.query) or is_seat_city(c, g)
    if c.match == "exact":
        s, importance = (
            (w.prior_primary, w.importance_primary)
            if primary
            else (w.prior_exact + c.score, w.importance_exact)
        )
    else:  # a spelling variant or a fuzzy match: the place's size matters less than the spelling
        s = (
            (w.variant_slope * c.score - w.variant_offset)
            if c.match == "variant"
            else (c.score - w.fuzzy_offset)
        )
        importance = w.importance_loose
    if p.kind in ("populated_place", "feature"):
        s += importance * (w.kind_weight[p.kind] + w.w_pop * math.log10(p.population + 1))
        # "Moscow", "Paris", "Washington": a namesake needs more than an article heavy with its country
        s += max(w.w_world_city if p.population >= w.world_city else 0.0, w.w_capital if p.capital else 0.0)
        if (g.dateline or g.team) and not g.container_places:
            s += w.w_dateline_pop * math.log10(p.population + 1)
    else:
        s += importance * (w.kind_weight.get(p.kind, 0.0) + w.w_area_pop * math.log10(p.population + 1))
    if g.kind_cue == "admin":
        s += w.cue_match if p.kind in ("admin1", "admin2", "region") else -w.cue_mismatch
    elif g.kind_cue == "area":
        s += w.cue_area if p.kind in ("admin1", "admin2", "region", "country") else 0.0
    elif g.kind_cue == "city":
        s += w.cue_match if p.kind == "populated_place" else -w.cue_mismatch
    elif g.kind_cue == "container":
        s += w.cue_match if p.kind in ("admin1", "country", "region") else -w.cue_mismatch
    if g.container_places:
        s += w.container_in if any(contains(cp, p) for cp in g.container_places) else -w.container_out
    if p.kind in ("populated_place", "feature", "admin2") and not g.container_places and g.names_country:
        s -= w.country_name_town  # "China" in a Texas story is still China, unless written "China, Texas"
    if p.kind == "admin1" and not g.kind_cue and _has_namesake_city(p, g):
        s -= w.namesake_city_province  # a bare "Homs", "Idlib": the city, not the province named after it
    return s


def is_seat_city(c: Candidate, g: Group) -> bool:
    """A town spelt like a province of its own ("Raqqa": Ar Raqqah in Al-Raqqah governorate)."""
    p = c.place
    return (
        c.match == "exact"
        and p.kind == "populated_place"
        and p.population >= weights().seat_city_min
        and bool(p.admin1)
        and any(
            o.match == "exact"
            and o.place.kind == "admin1"
            and o.place.country_code == p.country_code
            and o.place.admin1 == p.admin1
            for o in g.cands
        )
    )


def _has_own_city(admin: Place, g: Group) -> bool:
    """Whether a town inside the state or province is spelt like it ("Idlib" in Idlib province,
    "New York" in New York state): then "Idlib province" says nothing of a bare "Idlib"."""
    return any(
        c.match == "exact"
        and c.place.kind == "populated_place"
        and (c.place.country_code, c.place.admin1) == (admin.country_code, admin.admin1)
        for c in g.cands
    )


def _has_namesake_city(admin: Place, g: Group) -> bool:
    w = weights()
    return any(
        (is_primary(c, g.query) or is_seat_city(c, g))
        and c.place.kind == "populated_place"
        and (
            c.place.population >= w.namesake_city_world  # "Washington": the capital, not the state
            or (
                c.place.country_code == admin.country_code
                and c.place.population >= w.namesake_city_local
                and haversine_km(c.place.lat, c.place.lon, admin.lat, admin.lon) < w.namesake_city_km
            )
        )
        for c in g.cands
    )


# --- choosing: context from the other names of the article -----------------------------------------


@dataclass(slots=True)
class _Evidence:
    countries: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    admin1s: dict[tuple[str, str], float] = field(default_factory=lambda: defaultdict(float))
    total: float = 0.0

    def add(self, p: Place, weight: float, demonym: bool) -> None:
        w = weights()
        named = w.named_area_evidence if p.kind in ("country", "admin1") and not demonym else 1.0
        self.countries[p.country_code] += weight * named
        self.total += weight * named
        if p.kind == "admin1" or (p.kind in ("populated_place", "feature", "region", "admin2") and p.admin1):
            self.admin1s[(p.country_code, p.admin1)] += weight * (
                w.admin1_evidence if p.kind == "admin1" else w.town_admin1_share
            )


@dataclass(slots=True)
class _Context:
    every: _Evidence  # what all the article's names add
    anchors: list[tuple[float, float, float, Group]]  # lat, lon, weight, source group
    # what each name's own mentions add, to be left out when scoring that name: "Dublin City
    # Council" must not vouch for "Dublin" being the Irish capital
    own: dict[str, _Evidence]


def name_of(g: Group) -> str:
    """The name a group reads, without its container: "Dublin" for "Dublin", "Dublin City", "Dublin, Ohio"."""
    return g.key.split(",")[0]


def mark_containers(mentions: Sequence[Mention], readings: list[Reading]) -> bool:
    """The "Washington" of "Tacoma, Washington" is the state the town is in, not a town itself.

    Only a container that holds one of the town's namesakes counts (not "Virginia" in "Ramor
    Theatre, Virginia"). Returns whether any mention was marked.
    """
    starts = {m.start: r for m, r in zip(mentions, readings, strict=True)}
    marked = False
    for r in readings:
        if r.container and r.group is not None and r.group.container_places:
            inner = starts.get(r.container_at)
            if inner is not None and not inner.kind_cue:
                inner.kind_cue = "container"
                marked = True
    return marked


def choose(groups: list[Group], cues: Mapping[str, float] | None = None) -> None:
    """Each group's best candidate: prior, then context from the other groups (and the countries
    the story's own words set it in, `cues`), twice."""
    max_scored = weights().max_scored
    for g in groups:
        g.scores = list(g.prior)
        _pick(g)
    pairs = _plausible_points(groups)
    for _ in range(2):
        ctx = _context(groups, cues or {})
        for g in groups:
            if g.cands:
                g.scores = [
                    g.prior[i]
                    + (
                        _context_score(g.cands[i].place, g, ctx)
                        + _pair_score(g.cands[i].place, g, pairs) * g.prominence[i]
                        if i < max_scored
                        else 0.0
                    )
                    for i in range(len(g.cands))
                ]
                _pick(g)


_Cells = dict[tuple[int, int], list[tuple[float, float, float, "Group"]]]


def _plausible_points(groups: list[Group]) -> _Cells:
    """Every fairly likely point-like reading of every name, in one-degree cells.

    Two names of one article whose namesakes sit next to each other (a town and its county,
    a suburb and its city) mean those namesakes, whichever reading each would get alone. Each
    point carries its prominence: two small namesakes of famous places ("Washington" and
    "Houston" in Pennsylvania) vouch for each other less than two towns of their own.
    """
    w = weights()
    cells: _Cells = defaultdict(list)
    for g in groups:
        if not g.prior:
            continue
        top = max(g.prior)
        for i, c in enumerate(g.cands[: w.max_scored]):
            p = c.place
            if p.kind in POINT_KINDS and g.prior[i] >= top - w.pair_slack:
                cells[(math.floor(p.lat), math.floor(p.lon))].append((p.lat, p.lon, g.prominence[i], g))
    return cells


def _pair_score(p: Place, g: Group, cells: _Cells) -> float:
    if p.kind not in POINT_KINDS or not cells:
        return 0.0
    w = weights()
    ci, cj = math.floor(p.lat), math.floor(p.lon)
    best = 0.0
    for di in (-1, 0, 1):
        for dj in (-1, 0, 1):
            for lat, lon, q, src in cells.get((ci + di, cj + dj), ()):
                if name_of(src) != name_of(g):
                    best = max(best, q * math.exp(-haversine_km(p.lat, p.lon, lat, lon) / w.pair_km))
    return w.w_pair * best


def _prominence(g: Group) -> list[float]:
    """Per candidate: 1 for a reading as likely as the name's best town before context, less the
    further below it.

    Only towns are weighed against towns: "Palestine, Texas" and "DeKalb" (a county) pair as well
    as any town, for a country or county is not a namesake that a neighbouring town stands for.
    """
    w = weights()
    towns = [i for i, c in enumerate(g.cands[: w.max_scored]) if c.place.kind == "populated_place"]
    top = max((g.prior[i] for i in towns), default=0.0)
    out = [1.0] * len(g.cands)
    for i in towns:
        out[i] = math.exp(-max(0.0, top - g.prior[i] - w.pair_gap_free) / w.pair_gap)
    return out


def _pick(g: Group) -> None:
    if not g.cands:
        g.best, g.confidence = -1, 0.0
        return
    w = weights()
    # Ties go to the gazetteer's own order (best first), which is stable.
    best = max(range(len(g.scores)), key=lambda i: (g.scores[i], -i))
    top = g.scores[best]
    z = sum(math.exp(min(50.0, s - top)) for s in g.scores)
    c = g.cands[best]
    quality = {"exact": 1.0, "variant": w.variant_quality, "fuzzy": w.fuzzy_quality * c.score}[c.match]
    g.best, g.confidence = best, quality / z


def _context(groups: list[Group], cues: Mapping[str, float]) -> _Context:
    every = _Evidence()
    for cc, n in cues.items():
        every.countries[cc] += n * weights().w_text_cue
        every.total += n * weights().w_text_cue
    own: dict[str, _Evidence] = defaultdict(_Evidence)
    anchors: list[tuple[float, float, float, Group]] = []
    for g in groups:
        if g.best < 0:
            continue
        p = g.cands[g.best].place
        w = g.confidence * (1.0 + math.log(g.n))  # a name the article repeats says more
        every.add(p, w, g.demonym)
        own[name_of(g)].add(p, w, g.demonym)
        if p.kind in ("populated_place", "feature", "admin2"):
            anchors.append((p.lat, p.lon, w, g))
    anchors.sort(key=lambda a: -a[2])
    return _Context(every, anchors[: weights().max_anchors], dict(own))


def _context_score(p: Place, g: Group, ctx: _Context) -> float:
    w = weights()
    name = name_of(g)
    own = ctx.own.get(name) or _Evidence()
    total = ctx.every.total - own.total
    s = 0.0
    if total > 1e-9 and not p.country_code:
        # An ocean or a macro-region spans countries: it agrees with whatever the article is about.
        s += w.w_country_any
    elif total > 1e-9:
        cw = max(0.0, ctx.every.countries.get(p.country_code, 0.0) - own.countries.get(p.country_code, 0.0))
        # Any good evidence for the country counts, and a larger share of the article counts more.
        country = w.w_country_any * (1.0 - math.exp(-cw)) + w.w_country_share * cw / total
        aw = 0.0
        if p.kind != "country" and p.admin1:
            a1 = (p.country_code, p.admin1)
            aw = ctx.every.admin1s.get(a1, 0.0) - own.admin1s.get(a1, 0.0)
            s += w.w_admin1 * (1.0 - math.exp(-max(0.0, aw)))
        if p.kind in POINT_KINDS and p.population < w.small_town and aw <= 0.0:
            # A small town is backed by its state or province being in the story, not by its
            # country alone: "Moscow" in a story about US officials is still not Moscow, Idaho.
            country *= w.small_town_country_only
        s += country
        if p.capital:
            # a capital whose country the story is about is its government's seat ("Washington said"),
            # however many namesakes the story's other countries hold
            s += w.w_capital_country * (1.0 - math.exp(-cw))
    if p.kind in ("populated_place", "feature", "admin1", "admin2") and ctx.anchors:
        scale, gain = (
            (w.near_km, w.w_near)
            if p.kind != "admin1"
            else (w.admin_near_scale * w.near_km, w.w_near * w.admin_near_gain)
        )
        best = 0.0
        for lat, lon, aw_, src in ctx.anchors:
            if name_of(src) == name:
                continue
            d = haversine_km(p.lat, p.lon, lat, lon)
            best = max(best, min(1.0, aw_) * math.exp(-d / scale))
        s += gain * best
    return s


def share_senses(groups: list[Group]) -> None:
    """A bare "Paris" after "Paris, Texas" in one article means the same Paris, and a bare
    "Washington" after "Tacoma, Washington" the same state; so does one in a story that writes the
    state as such ("CAMP MURRAY, Wash.", "the state of Washington"), even where it also writes
    "Washington, D.C.": that spelling is how such a story tells the capital from the state. (Not a
    province with its own town of the name: "Idlib province" leaves a bare "Idlib" the city.)"""
    towns: dict[str, tuple[Place, float]] = {}
    states: dict[str, tuple[Place, float]] = {}
    for g in groups:
        if g.container_places and g.best >= 0:
            town = g.cands[g.best].place
            towns.setdefault(g.key.split(",")[0], (town, g.confidence))
            for cp in g.container_places:
                if contains(cp, town):
                    states.setdefault(norm_key(fold(cp.name)), (cp, g.confidence))
        elif g.kind_cue == "admin" and g.best >= 0 and g.cands[g.best].place.kind == "admin1":
            state = g.cands[g.best].place
            if not _has_own_city(state, g):
                states.setdefault(norm_key(fold(state.name)), (state, g.confidence))
    settled = {**towns, **states}
    counties = _counties_written(groups)
    for g in groups:
        _keep_in_county(g, counties.get(g.key))
        got = settled.get(g.key)
        if got is None or g.container_places or g.kind_cue:
            continue
        place, confidence = got
        for i, c in enumerate(g.cands):
            if c.place.id == place.id:
                g.best, g.confidence = i, max(g.confidence, confidence)
                break


_COUNTY_WORDS = "|".join(map(re.escape, lexicon.ordered("county_words")))
_COUNTY_SUFFIX = re.compile(r"\s+(?:" + _COUNTY_WORDS.lower() + r")$")


def _counties_written(groups: list[Group]) -> dict[str, Place]:
    """The counties the story writes in full ("Suffolk County"), by their short name ("suffolk")."""
    out: dict[str, Place] = {}
    for g in groups:
        if g.best >= 0 and g.cands[g.best].place.kind == "admin2":
            short = _COUNTY_SUFFIX.sub("", g.key)
            if short != g.key:
                out.setdefault(short, g.cands[g.best].place)
    return out


def _keep_in_county(g: Group, county: Place | None) -> None:
    """A bare "Suffolk" after "Suffolk County" is that county's, or a town of the name in its state:
    never a namesake elsewhere (Suffolk, Virginia, in a Long Island story)."""
    if county is None or g.best < 0 or g.container_places or g.kind_cue:
        return
    here = (county.country_code, county.admin1)
    if (g.cands[g.best].place.country_code, g.cands[g.best].place.admin1) == here:
        return
    inside = [i for i, c in enumerate(g.cands) if (c.place.country_code, c.place.admin1) == here]
    if inside:
        g.best = max(inside, key=lambda i: g.scores[i] if i < len(g.scores) else g.prior[i])
