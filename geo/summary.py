"""A run's summary as counts, so that a run streaming its features to a file can print it without
keeping them: what `geo build` prints, whether the features were held in memory or not."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from geo.pipeline import ArticleOutcome


@dataclass(slots=True)
class Summary:
    articles: int = 0  # read and processed without error
    features: int = 0
    targets: int = 0  # features whose place is a claim's target
    target_sides: Counter[str] = field(default_factory=Counter)  # claims with a target place, by side
    errors: list[str] = field(default_factory=list)
    unresolved: list[tuple[str, str]] = field(default_factory=list)  # (article id, name as written)
    without_claims: list[str] = field(default_factory=list)
    written: Path | None = None  # None when nothing could be read and an earlier file was kept

    def add(self, outcome: ArticleOutcome) -> None:
        """Count one article's outcome, in input order."""
        if outcome.error:
            self.errors.append(outcome.error)
            return
        self.add_article(outcome.article.id, outcome.target_sides, outcome.unresolved)
        self.add_features(outcome.features)

    def add_article(self, article: str, target_sides: Sequence[str], unresolved: Iterable[str]) -> None:
        self.articles += 1
        self.target_sides.update(target_sides)
        self.unresolved.extend((article, name) for name in unresolved)
        if not target_sides:
            self.without_claims.append(article)

    def add_features(self, features: Iterable[Mapping[str, Any]]) -> None:
        for f in features:
            self.features += 1
            self.targets += f["properties"]["role"] == "target"

    def text(self) -> str:
        by_side = self.target_sides
        lines = [
            f"articles: {self.articles} read, {len(self.errors)} failed",
            f"claims: {sum(by_side.values())} with a target place "
            f"({', '.join(f'{s} {n}' for s, n in sorted(by_side.items())) or 'none'})",
            f"features: {self.features} ({self.targets} target, {self.features - self.targets} context)",
        ]
        if self.without_claims:
            lines.append(f"articles with no strike claim: {', '.join(self.without_claims)}")
        if self.unresolved:
            names = sorted({f"{name} ({art})" for art, name in self.unresolved})
            lines.append(f"place names not resolved ({len(names)}): {'; '.join(names)}")
        lines.extend(f"error: {e}" for e in self.errors)
        if self.written is None and not self.articles:
            lines.append("nothing written: no article could be read, so an earlier output is left as it was")
        return "\n".join(lines)
