"""The only module that knows the order of the stages: read -> recognise -> resolve -> claims -> GeoJSON.

One bad article never costs the others: reading errors come back as ArticleErrors, and a failure
inside a stage is reported against the article it happened in while the rest go on.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geo import articles as reader
from geo import export
from geo.claims import extract_claims
from geo.gazetteer import Gazetteer
from geo.headlines import Headline, headline_toponyms, sentence_case
from geo.mentions import find_mentions, load_nlp, parse_text
from geo.registry import DEFAULT_REGISTRY, DESCRIPTIVE_KINDS, Registry, load_registry
from geo.resolve import resolve
from geo.summary import Summary
from geo.types import Article, Claim, Toponym
from geo.unlocated import listed_names, locate_unlocated

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

ReadResult = reader.ReadResult
Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class ArticleOutcome:
    """One article through the stages: its Features and what the summary needs, or why it failed.

    Plain data only, so that it crosses process boundaries (Dask workers) and goes into a store.
    """

    article: Article
    features: tuple[dict[str, Any], ...] = ()
    target_sides: tuple[str, ...] = ()  # the side of each claim with a target place
    unresolved: tuple[str, ...] = ()  # names as written that no place fits
    error: str = ""


@dataclass(slots=True)
class BuildReport:
    """What a run produced, and what it could not do, for the CLI's summary and the dashboard."""

    articles: list[Article]
    feature_collection: dict[str, Any]
    target_sides: Counter[str] = field(default_factory=Counter)  # claims with a target place, by side
    errors: list[str] = field(default_factory=list)
    unresolved: list[tuple[str, str]] = field(default_factory=list)  # (article id, name as written)
    without_claims: list[str] = field(default_factory=list)
    # Where build wrote the GeoJSON; None when nothing could be read and an earlier file was kept.
    written: Path | None = None

    @classmethod
    def of(cls, outcomes: Sequence[ArticleOutcome]) -> BuildReport:
        """The report of outcomes in input order; failed ones become errors."""
        done = [o for o in outcomes if not o.error]
        return cls(
            articles=[o.article for o in done],
            feature_collection=export.collection(f for o in done for f in o.features),
            target_sides=Counter(s for o in done for s in o.target_sides),
            errors=[o.error for o in outcomes if o.error],
            unresolved=[(o.article.id, name) for o in done for name in o.unresolved],
            without_claims=[o.article.id for o in done if not o.target_sides],
        )

    def summary(self) -> str:
        features = self.feature_collection["features"]
        targets = sum(1 for f in features if f["properties"]["role"] == "target")
        return Summary(
            len(self.articles), len(features), targets, self.target_sides, self.errors, self.unresolved,
            self.without_claims, self.written,
        ).text()  # fmt: skip


class Pipeline:
    """The loaded resources (spaCy model, gazetteer, actor registry) and the stages over them."""

    def __init__(self, nlp: Language, gazetteer: Gazetteer, registry: Registry) -> None:
        self.nlp = nlp
        self.gazetteer = gazetteer
        self.registry = registry

    @classmethod
    def load(cls, *, user_places: Path | None = None, registry: Path = DEFAULT_REGISTRY) -> Pipeline:
        return cls(load_nlp(), Gazetteer.load(user_places=user_places), load_registry(registry))

    def read(self, paths: Sequence[Path]) -> ReadResult:
        return reader.read_paths(paths)

    def read_upload(self, name: str, data: bytes) -> ReadResult:
        return reader.read_bytes(name, data)

    def parse(self, article: Article) -> Doc:
        return self.nlp(parse_text(article.text))

    def toponyms(self, article: Article, doc: Doc | None = None) -> list[Toponym]:
        doc = doc if doc is not None else self.parse(article)
        mentions = find_mentions(doc, self.gazetteer, is_person=self.registry.is_person, written=article.text)
        found = resolve(article.text, mentions, self.gazetteer)
        return listed_names(doc, found, self.gazetteer, self._is_actor)

    def _is_actor(self, name: str) -> bool:
        found = self.registry.side_of(name)
        return found is not None and found[1] not in DESCRIPTIVE_KINDS

    def headline(self, article: Article, toponyms: Sequence[Toponym]) -> Headline | None:
        """The parsed title, its names read as the body read them; None for an article without one."""
        if not article.title.strip():
            return None
        # "Russia launches strikes in Syria; Washington says IS not the target": two headlines in one,
        # which the parser reads as one sentence with two subjects (same length: offsets still hold)
        doc = self.nlp(parse_text(sentence_case(article.title, article.text)).replace("; ", ". "))
        mentions = find_mentions(
            doc, self.gazetteer, is_person=self.registry.is_person, written=article.title
        )
        return Headline(
            doc, tuple(headline_toponyms(article.title, mentions, article.text, toponyms, self.gazetteer))
        )

    def claims(self, article: Article) -> list[Claim]:
        doc = self.parse(article)
        toponyms = self.toponyms(article, doc)
        found = extract_claims(article, doc, toponyms, self.registry, self.headline(article, toponyms))
        return locate_unlocated(found, doc, toponyms, self.gazetteer, self._is_actor)

    def process(self, article: Article) -> ArticleOutcome:
        """One article through every stage; a failure is reported against it, never raised."""
        try:
            doc = self.parse(article)
            toponyms = self.toponyms(article, doc)
            found = extract_claims(article, doc, toponyms, self.registry, self.headline(article, toponyms))
            found = locate_unlocated(found, doc, toponyms, self.gazetteer, self._is_actor)
            features = export.features(found, {article.id: article}, self.registry.sides)
        except Exception as exc:  # one article's failure must not lose the others' work
            return ArticleOutcome(
                article, error=f"{article.id}: could not be processed ({type(exc).__name__}: {exc})"
            )
        return ArticleOutcome(
            article,
            tuple(features),
            tuple(c.source.side for c in found if any(p.role == "target" for p in c.places)),
            tuple(t.mention.text for t in toponyms if t.place is None),
        )

    def run(self, articles: Sequence[Article], *, progress: Progress | None = None) -> BuildReport:
        outcomes = []
        for n, article in enumerate(articles, 1):
            outcomes.append(self.process(article))
            if progress is not None:
                progress(n, len(articles))
        return BuildReport.of(outcomes)

    def build(self, paths: Sequence[Path], out: Path, *, progress: bool = True) -> Summary:
        """Read, run and write the GeoJSON; reading errors go into the report beside the stages'.

        `out` is checked before anything is read, and written only when some article was read: a
        mistyped input path must not replace yesterday's claims with an empty collection.
        """
        from geo.batch import LocalEngine, build

        return build(paths, LocalEngine(self), out=out, progress=progress).summary
