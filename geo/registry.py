"""The actor registry (data/actors.yaml): sides with their labels and colours, and who speaks for them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from geo.errors import RegistryError

DEFAULT_REGISTRY = Path(__file__).resolve().parent.parent / "data" / "actors.yaml"


@dataclass(frozen=True, slots=True)
class Side:
    id: str
    label: str
    color: str
    # whether an outlet of this side narrates for it (Russian and Syrian state media, a monitor's own
    # report); any other outlet's narration, a third state's or a party's newspaper, is the reporter's
    narrates: bool = False


def load_sides(path: Path = DEFAULT_REGISTRY) -> dict[str, Side]:
    """The registry's sides in file order: the order legends and layer lists use."""
    data = _read(path)
    sides = data.get("sides")
    if not isinstance(sides, dict) or not sides:
        raise RegistryError(str(path), "no 'sides' mapping")
    out: dict[str, Side] = {}
    for sid, spec in sides.items():
        if not isinstance(spec, dict) or "label" not in spec or "color" not in spec:
            raise RegistryError(str(path), f"side {sid!r} needs a label and a color")
        narrates = bool(spec.get("narrates", False))
        out[str(sid)] = Side(str(sid), str(spec["label"]), str(spec["color"]), narrates)
    return out


def _read(path: Path) -> dict:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise RegistryError(str(path), f"cannot read: {exc.strerror or exc}") from exc
    except yaml.YAMLError as exc:
        raise RegistryError(str(path), f"not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise RegistryError(str(path), "expected a mapping at the top level")
    return data


# Kinds that describe a speaker rather than name one; any name outranks them. "sources" are unnamed
# sources and reports: the narrator's own sourcing, or a partisan outlet's side (geo.discourse).
DESCRIPTIVE_KINDS = frozenset(["descriptor", "sources"])


@dataclass(frozen=True, slots=True)
class ActorRule:
    side: str
    kind: str  # person | organisation | medium | descriptor | sources
    pattern: re.Pattern[str]


_CACHED_PHRASES = 4096


@dataclass(frozen=True, slots=True)
class Registry:
    """Sides, the actors that speak for them, and the campaign whose strikes are mapped."""

    sides: dict[str, Side]
    actors: tuple[ActorRule, ...]
    force: re.Pattern[str]  # names of the striking force: its strikes are the ones mapped
    other_forces: re.Pattern[str]  # names of other forces: their strikes are context
    force_side: str = ""  # the side that speaks for the striking force
    campaign: str = ""  # the campaign's name, as the dashboard's caption gives it
    # phrase -> side_of(phrase): an article asks about the same speakers again and again
    _sides_of: dict[str, tuple[str, str] | None] = field(default_factory=dict, compare=False, repr=False)

    def is_person(self, name: str) -> bool:
        """Whether a name is one of the registry's people ("Assad", not the village Ein el Asad)."""
        return any(r.kind == "person" and r.pattern.fullmatch(name.strip()) for r in self.actors)

    def side_of(self, phrase: str) -> tuple[str, str] | None:
        """(side, kind) of the rule matching a speaker phrase nearest its start, or None when no
        rule knows it. Names and bodies come before descriptive patterns, and the file's order
        breaks ties: "a member of Jaysh al-Islam, a militia fighting Assad" is Jaysh al-Islam's,
        "the Russian-backed Syrian army" the army's."""
        if phrase in self._sides_of:
            return self._sides_of[phrase]
        if len(self._sides_of) >= _CACHED_PHRASES:
            self._sides_of.clear()
        matches = [(n, rule, m) for n, rule in enumerate(self.actors) if (m := rule.pattern.search(phrase))]
        # bare sourcing yields to a descriptor of the sources themselves ("Reports from Syrian sources"
        # are the Syrian sources'), not to a place they are in ("sources in Moscow")
        described = any(r.kind == "descriptor" and "source" in m.group().lower() for _, r, m in matches)
        best: tuple[bool, int, int] | None = None
        found: tuple[str, str] | None = None
        for n, rule, m in matches:
            if described and rule.kind == "sources":
                continue
            key = (rule.kind in DESCRIPTIVE_KINDS, m.start(), n)
            if best is None or key < best:
                best, found = key, (rule.side, rule.kind)
        self._sides_of[phrase] = found
        return found

    def named_side(self, phrase: str) -> tuple[str, str] | None:
        """(side, kind) of a phrase by the names and bodies it holds, not by descriptive words: an
        outlet's name ("Middle East Observer", "The Washington Post") is no observer or American."""
        found = self.side_of(phrase)  # a name outranks any descriptor, so this is one only when no name is
        return found if found is not None and found[1] not in DESCRIPTIVE_KINDS else None

    def is_named(self, phrase: str) -> tuple[str, str] | None:
        """(side, kind) when the phrase is nothing but one actor's name ("The Syrian Observatory For
        Human Rights", which two of its patterns cover): a site's banner as a page's first line, a
        bracketed edition after it aside ("... (Arabic)")."""
        phrase = re.sub(r"\s*\([^()]*\)\s*$", "", phrase)
        covered = [False] * len(phrase)
        found = set()
        for rule in self.actors:
            for m in rule.pattern.finditer(phrase) if rule.kind not in DESCRIPTIVE_KINDS else ():
                covered[m.start() : m.end()] = [True] * (m.end() - m.start())
                found.add((rule.side, rule.kind))
        left = "".join(" " if c else ch for ch, c in zip(phrase, covered, strict=True))
        if len({side for side, _ in found}) != 1 or re.sub(r"[\s.|-]+", " ", left).strip().lower() not in {
            "",
            "the",
        }:
            return None
        return min(found)


def load_registry(path: Path = DEFAULT_REGISTRY) -> Registry:
    data = _read(path)
    sides = load_sides(path)
    rules: list[ActorRule] = []
    for n, entry in enumerate(data.get("actors") or [], 1):
        if not isinstance(entry, dict) or entry.get("side") not in sides or not entry.get("patterns"):
            raise RegistryError(str(path), f"actor entry {n} needs a known side and a list of patterns")
        for pat in entry["patterns"]:
            rules.append(
                ActorRule(str(entry["side"]), str(entry.get("kind", "")), _word_regex(str(pat), path))
            )
    campaign = data.get("campaign") or {}
    return Registry(
        sides=sides,
        actors=tuple(rules),
        force=_alternation(campaign.get("force") or [], path),
        other_forces=_alternation(campaign.get("other_forces") or [], path),
        force_side=str(campaign.get("side", "")),
        campaign=str(campaign.get("name", "")),
    )


def _word_regex(pattern: str, path: Path) -> re.Pattern[str]:
    try:
        return re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])", re.IGNORECASE)
    except re.error as exc:
        raise RegistryError(str(path), f"bad pattern {pattern!r}: {exc}") from exc


def _alternation(patterns: list[str], path: Path) -> re.Pattern[str]:
    if not patterns:
        return re.compile(r"(?!x)x")  # matches nothing
    return _word_regex("|".join(f"(?:{p})" for p in patterns), path)
