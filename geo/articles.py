"""Read files and folders of articles (.txt, .md, .html, .json, .jsonl) into Article records.

A bad file never stops the others: it becomes an ArticleError in the result, next to the articles that
were read. This module finds the files (folders walked in a stable order, links and loops reported,
each file given a short unique id); `article_formats` turns each file's bytes into articles.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath

from geo.article_formats import SUPPORTED_EXTENSIONS, Rejected, check_extension, parse_into, scrub
from geo.errors import ArticleError
from geo.types import Article


@dataclass(frozen=True, slots=True)
class ReadResult:
    """Articles read, in input order, and one error per file (or record) that could not be read."""

    articles: list[Article]
    errors: list[ArticleError]


def read_paths(paths: Sequence[Path]) -> ReadResult:
    """Read files and folders (recursively, supported extensions only, in sorted order)."""
    articles: list[Article] = []
    errors: list[ArticleError] = []
    files: list[tuple[Path, str]] = []  # (path to open, path shown in errors)
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        try:
            found = _expand(path, errors)
        except Rejected as exc:
            errors.append(ArticleError(scrub(str(path)), str(exc)))
            continue
        except OSError as exc:
            errors.append(ArticleError(scrub(str(path)), f"cannot read: {exc.strerror or exc}"))
            continue
        for file in found:
            key = Path(os.path.realpath(file))
            if key not in seen:
                seen.add(key)
                files.append((file, scrub(str(file))))
    ids = _file_ids([file for file, _ in files])
    for (file, shown), file_id in zip(files, ids, strict=True):
        try:
            data = file.read_bytes()
        except OSError as exc:
            errors.append(ArticleError(shown, f"cannot read: {exc.strerror or exc}"))
            continue
        parse_into(scrub(file_id), shown, data, articles, errors)
    return ReadResult(articles, errors)


def read_bytes(name: str, data: bytes) -> ReadResult:
    """Read one uploaded file; `name` gives the format by its extension and the article id."""
    articles: list[Article] = []
    errors: list[ArticleError] = []
    parse_into(scrub(PurePath(name).name), scrub(name), data, articles, errors)
    return ReadResult(articles, errors)


def _expand(path: Path, errors: list[ArticleError]) -> list[Path]:
    if path.is_dir():
        return _folder_files(path, errors)
    if path.is_file():
        check_extension(path.name)
        return [path]
    if path.is_symlink():
        raise Rejected("broken symbolic link (or a loop of links)")
    if path.exists():
        raise Rejected("not a regular file or folder")
    raise Rejected("no such file or folder")


def _folder_files(root: Path, errors: list[ArticleError]) -> list[Path]:
    """The supported files under `root`, sorted. A sub-folder that cannot be listed, a link that leads
    back into the folders being walked and a file behind a broken link are errors, never silent gaps."""
    found: list[Path] = []
    # The real folders above each folder still to walk: a link to one of them is a loop, even one
    # made of several links (a/x -> b, b/y -> a).
    above: dict[str, frozenset[str]] = {}
    walked: set[str] = set()

    def unlisted(exc: OSError) -> None:
        errors.append(ArticleError(scrub(str(exc.filename or root)), f"cannot list folder: {exc.strerror}"))

    for dirpath, dirnames, filenames in os.walk(root, onerror=unlisted, followlinks=True):
        chain = above.pop(dirpath, frozenset()) | {os.path.realpath(dirpath)}
        walked |= chain
        kept = []
        # Hidden files and folders are editor backups, VCS data and macOS "._" forks, never articles.
        for name in sorted(d for d in dirnames if not d.startswith(".")):
            sub = os.path.join(dirpath, name)
            real = os.path.realpath(sub)
            if real in chain:
                loop = f"symbolic link loop (leads back to {scrub(real)}); not followed"
                errors.append(ArticleError(scrub(sub), loop))
            elif not (os.path.islink(sub) and real in walked):  # else read already, by another path
                kept.append(name)
                above[sub] = chain
        dirnames[:] = kept
        for name in filenames:
            file = Path(dirpath) / name
            if name.startswith(".") or file.suffix.lower() not in SUPPORTED_EXTENSIONS:
                continue
            if file.is_file():
                found.append(file)
            elif file.is_symlink() and not file.exists():
                errors.append(ArticleError(scrub(str(file)), "broken symbolic link (or a loop of links)"))
            elif not file.is_dir():
                errors.append(ArticleError(scrub(str(file)), "not a regular file; skipped"))
    return sorted(found, key=lambda p: p.relative_to(root).parts)


def _file_ids(files: Sequence[Path]) -> list[str]:
    """The file name, or for names shared by several files the shortest path tail that tells them apart."""
    counts = Counter(f.name for f in files)
    ids = []
    for f in files:
        if counts[f.name] == 1:
            ids.append(f.name)
            continue
        rivals = [g.absolute().parts for g in files if g.name == f.name and g != f]
        parts = f.absolute().parts
        depth = 2
        while depth < len(parts) and any(r[-depth:] == parts[-depth:] for r in rivals):
            depth += 1
        ids.append("/".join(parts[-depth:]))
    return ids

