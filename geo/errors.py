"""The pipeline's exceptions. Every one a user can see names the file and the problem."""

from __future__ import annotations


class GeoError(Exception):
    """Base of everything the pipeline raises on purpose."""


class FileError(GeoError):
    """A problem with one file; the message is "path: reason"."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class ArticleError(FileError):
    """An input file that cannot be read as an article."""


class PlacesFileError(GeoError):
    """A malformed user places file; the built-in gazetteer keeps working without it."""

    def __init__(self, path: str, line: int, reason: str) -> None:
        super().__init__(f"{path}, line {line}: {reason}")
        self.path = path
        self.line = line
        self.reason = reason


class GazetteerError(GeoError):
    """The gazetteer index cannot be built or opened."""


class RegistryError(FileError):
    """A malformed actor registry."""


class OutputError(FileError):
    """An output path that cannot or must not be written; found before the work that would fill it."""


class ClaimsFileError(FileError):
    """A file opened as claims that is not a claims FeatureCollection at all."""


class StoreError(FileError):
    """A claims store that cannot be opened, or was written by another schema."""
