"""The pipeline's exceptions. Every one a user can see names the file and the problem."""

from __future__ import annotations


class GeoError(Exception):
    """Base of everything the pipeline raises on purpose."""


class ArticleError(GeoError):
    """An input file that cannot be read as an article."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class PlacesFileError(GeoError):
    """A malformed user places file; the built-in gazetteer keeps working without it."""

    def __init__(self, path: str, line: int, reason: str) -> None:
        super().__init__(f"{path}, line {line}: {reason}")
        self.path = path
        self.line = line
        self.reason = reason


class GazetteerError(GeoError):
    """The gazetteer index cannot be built or opened."""


class RegistryError(GeoError):
    """A malformed actor registry."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class StoreError(GeoError):
    """A claims store that cannot be opened, or was written by another schema."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
