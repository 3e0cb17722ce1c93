"""Turn one file's bytes into Article records, by format (.txt, .md, .html, .json, .jsonl).

All normalisation happens here and nowhere else: character offsets downstream refer to
`Article.text`, the normalised body without title or metadata. A file that cannot become an
article raises `Rejected` with the reason the user sees; a JSON file's bad records cost only
themselves. Finding the files is `articles`' job.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date, datetime
from pathlib import PurePath

import frontmatter
import yaml
from dateutil import parser as dateparser

from geo.errors import ArticleError
from geo.lexicon import words
from geo.types import Article

SUPPORTED_EXTENSIONS: tuple[str, ...] = (".txt", ".md", ".html", ".htm", ".json", ".jsonl")
# spaCy refuses longer texts (its E088) because parsing them takes more memory than most machines have;
# a longer article is refused here, by name, with what to do about it.
MAX_ARTICLE_CHARS = 1_000_000

# Metadata keys and the Article field each one fills; the same names serve .txt blocks, front matter
# and JSON records.
_META_KEYS: Mapping[str, str] = {
    "source": "outlet",
    "outlet": "outlet",
    "url": "url",
    "date": "published",
    "published": "published",
    "author": "author",
}
_META_LINE = re.compile(r"^\s*(" + "|".join(_META_KEYS) + r")\s*:\s*(.*?)\s*$", re.IGNORECASE)
_ATX_H1 = re.compile(r"^#(?!#)\s*(.*?)\s*#*\s*$")
_BLANK_RUNS = re.compile(r"\n{3,}")
_TEXT_CONTROLS = frozenset("\t\n\r\f\v")
# A lone surrogate (JSON's "\\ud800", or a file name that is not valid UTF-8) cannot be written as UTF-8;
# left in, it would fail the output of the whole run at write time.
_SURROGATES = re.compile("[\ud800-\udfff]")
# Two far-apart defaults: a date that parses to the same day under both names day, month and year
# itself, so "January 2018" is not silently completed with today's day.
_DEFAULTS = (datetime(2000, 1, 1), datetime(2001, 2, 2))
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


class Rejected(Exception):
    """A whole file that cannot become an article; carries the reason shown to the user."""


def check_extension(name: str) -> str:
    """The file's extension, lower-cased, when it is one we read."""
    ext = PurePath(name).suffix.lower()
    if ext not in SUPPORTED_EXTENSIONS:
        raise Rejected(
            f"unsupported file type {ext or '(no extension)'!r}; expected one of "
            + ", ".join(SUPPORTED_EXTENSIONS)
        )
    return ext


def parse_into(
    file_id: str, shown: str, data: bytes, articles: list[Article], errors: list[ArticleError]
) -> None:
    """Append the file's articles, or the reasons it (or one of its records) could not be read."""
    try:
        ext = check_extension(shown)
        text = _decode(data)
        if ext in (".json", ".jsonl"):
            records = _json_records(text) if ext == ".json" else _jsonl_records(text)
            found, reasons = _records_to_articles(file_id, records)
            articles.extend(found)
            errors.extend(ArticleError(shown, reason) for reason in reasons)
            return
        articles.append(_SINGLE_PARSERS[ext](file_id, text))
    except Rejected as exc:
        errors.append(ArticleError(shown, str(exc)))


def _decode(data: bytes) -> str:
    if not data.strip():
        raise Rejected("empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise Rejected(f"not UTF-16 text despite its byte-order mark ({exc.reason})") from exc
    elif b"\x00" in data:
        raise Rejected("binary file (contains NUL bytes), not text")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise Rejected(f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})") from exc
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in _TEXT_CONTROLS)
    if controls > len(text) // 10:
        raise Rejected("binary file (mostly control characters), not text")
    if not text.strip():
        raise Rejected("empty file")
    return text


def scrub(text: str) -> str:
    """The text with lone surrogates replaced, so it can always be written out as UTF-8."""
    return _SURROGATES.sub("\ufffd", text)


def _normalise(text: str) -> str:
    """NFC, Unix newlines, no trailing spaces, at most one blank line in a row, no outer blank lines."""
    text = unicodedata.normalize("NFC", scrub(text)).replace("\r\n", "\n").replace("\r", "\n")
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return _BLANK_RUNS.sub("\n\n", text).strip("\n")


def _one_line(value: str) -> str:
    return " ".join(unicodedata.normalize("NFC", scrub(value)).split())


def _iso_date(value: object, *, fuzzy: bool = True) -> str:
    """YYYY-MM-DD when `value` names a full day, else ""."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, (str, int)) or isinstance(value, bool):
        return ""
    s = str(value).strip()
    if not s or not any(ch.isdigit() for ch in s):
        return ""
    try:
        days = {dateparser.parse(s, default=d, fuzzy=fuzzy, ignoretz=True).date() for d in _DEFAULTS}
    except (ValueError, OverflowError):
        return ""
    return days.pop().isoformat() if len(days) == 1 else ""


def _meta_value(value: object) -> str:
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return _one_line(str(value))
    return ""


def _metadata(items: Iterator[tuple[str, object]]) -> dict[str, str]:
    """Article fields from (key, value) pairs; the first non-empty value for a field wins."""
    out: dict[str, str] = {}
    for key, value in items:
        target = _META_KEYS.get(key.strip().lower())
        if target is None or out.get(target):
            continue
        out[target] = _iso_date(value) if target == "published" else _meta_value(value)
    return out


def _without_clutter(text: str) -> str:
    """The text without the short lines of a page's furniture ("2 min 58Approximate reading time",
    "Share on Facebook", "Sign up for our newsletter") that scraped copy carries, which would be
    read as sentences and can name places."""
    lines = text.split("\n")
    kept = [line for line in lines if not _is_clutter(line)]
    return "\n".join(kept) if len(kept) < len(lines) else text


def _is_clutter(line: str) -> bool:
    low = line.lower()
    return len(line) <= _CLUTTER_LINE_CHARS and (
        any(w in low for w in _PAGE_CLUTTER)
        or low.strip(" |:-") in _PAGE_BANNERS
        or _SITE_NAME.fullmatch(low.strip()) is not None
    )


# a site's address on a line of its own, its banner: "Arrahmah.com", "www.sana.sy"
_SITE_NAME = re.compile(r"(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|info|news|tv|[a-z]{2})/?")


_PAGE_CLUTTER = words("page_clutter")
_PAGE_BANNERS = words("page_banners")
_CLUTTER_LINE_CHARS = 60  # longer lines are the article's own sentences


def _unwrapped(text: str) -> str:
    """The text with a wire's hard line breaks inside sentences joined ("The Defence Ministry said /
    on Thursday it had flown ... in / Syria overnight"). A line break ends a sentence downstream, so
    a wrapped sentence would lose its speaker. A break is a wrap when the line runs on in lower case
    ("said / on Thursday"); in a paragraph with one such break and another line ending in a
    lower-case word or a comma, those lines wrap too ("in / Syria"). Headlines, captions and field
    lines ("Location: Homs") do not end that way, or start the next line in capitals in a paragraph
    that is not wrapped."""
    out = []
    for block in text.split("\n\n"):
        lines = block.split("\n")
        runs_on = [_RUNS_ON.search(a) is not None for a in lines[:-1]]
        lower = [r and b[:1].islower() for r, b in zip(runs_on, lines[1:], strict=True)]
        wrapped = any(lower) and sum(runs_on) >= 2
        joined = lines[0]
        for line, run, low in zip(lines[1:], runs_on, lower, strict=True):
            joined += " " + line if low or (run and wrapped) else "\n" + line
        out.append(joined)
    return "\n\n".join(out)


# a line long enough to be a wrapped sentence's, ending in a lower-case word or a comma
_RUNS_ON = re.compile(r"^.{24,}[a-z,]$")


def _article(file_id: str, title: str, body: str, meta: Mapping[str, str], banner: str = "") -> Article:
    text = _unwrapped(_normalise(_without_clutter(_normalise(body))))
    if not text:
        raise Rejected("no body text" + (" (only a title)" if title.strip() else ""))
    if len(text) > MAX_ARTICLE_CHARS:
        raise Rejected(
            f"too long to parse: {len(text):,} characters, over the limit of {MAX_ARTICLE_CHARS:,}; "
            "split it into several articles"
        )
    return Article(
        id=file_id,
        title=_one_line(title),
        text=text,
        outlet=meta.get("outlet", ""),
        url=meta.get("url", ""),
        published=meta.get("published", ""),
        author=meta.get("author", ""),
        banner=banner,
    )


def _parse_txt(file_id: str, raw: str) -> Article:
    lines = _normalise(raw).split("\n")
    i = 0
    published = ""
    # Scraped pages often start with the dateline, with the headline on the next non-empty line.
    if len(lines[0]) <= _STAMP_CHARS and (day := _iso_date(lines[0], fuzzy=False)):
        published = day
        i = _skip_blank(lines, 1)
    while i < len(lines) and _is_clutter(lines[i]):
        i = _skip_blank(lines, i + 1)  # "Accessibility links" above the headline of a scraped page
    top, i = i, _below_banners(lines, i)
    banner = "\n".join(line for line in lines[top:i] if line.strip())
    title = lines[i] if i < len(lines) else ""
    i = _skip_blank(lines, i + 1)
    pairs = []
    while i < len(lines) and (m := _META_LINE.match(lines[i])):
        pairs.append((m.group(1), m.group(2)))
        i += 1
    meta = _metadata(iter(pairs))
    body = "\n".join(lines[i:])
    if not meta.get("published") and published and _plausible_stamp(published, body):
        meta["published"] = published
    return _article(file_id, title, body, meta, banner)


def _below_banners(lines: Sequence[str], i: int) -> int:
    """The short lines a scraped page sets above its headline ("El Espectador", "News > World",
    "Sputnik Georgia | 06.10.2015", a tagline), and where the headline is: the first line after them
    that reads as one. None when what follows is no headline (an incident record's "Incident Code"
    field, a lead paragraph under a short headline)."""
    j, banners = i, 0
    while j < len(lines) and banners < _MAX_BANNERS and _above_headline(lines[j]):
        j, banners = _skip_blank(lines, j + 1), banners + 1
    alone = j + 1 >= len(lines) or not lines[j + 1].strip()  # a headline is a paragraph of its own
    return j if banners and j < len(lines) and alone and _headline_like(lines[j]) else i


def _above_headline(line: str) -> bool:
    """A banner, a time stamp ("Tuesday, 13 October 2015 17:38"), or a site's name over its section
    ("National Coalition of Syrian Revolution and Opposition Forces | Local News"), however long, since
    a headline (which has no such bar) still has to follow."""
    return (
        _banner_like(line)
        or (len(line) <= _STAMP_CHARS and bool(_iso_date(line, fuzzy=False)))
        or (": " not in line and _BANNER_PARTS.search(line) is not None)
    )


def _banner_like(line: str) -> bool:
    parts = [p.split() for p in _BANNER_PARTS.split(line.strip())]
    return (
        bool(line.strip())
        and ": " not in line  # "Syria: Russia strikes ISIS" is a short headline
        and (all(0 < len(p) <= _BANNER_WORDS for p in parts) or line.strip()[:1].islower())
    )


def _headline_like(line: str) -> bool:
    words = line.split()
    return (
        _BANNER_WORDS < len(words) <= _HEADLINE_WORDS
        and _BANNER_PARTS.search(line) is None
        and not line.strip()[:1].islower()
        and not line.rstrip().endswith(".")  # a lead's sentence
    )


# the parts of a banner line: "Al Jazeera | Programmes | News reports", "News > World", "News / World"
_BANNER_PARTS = re.compile(r"\s+[|>/•·]\s+")


def banner_names(banner: str) -> list[str]:
    """What each banner line names first: the site ("Syrian Network for Human Rights | News")."""
    return [_BANNER_PARTS.split(line.strip())[0] for line in banner.split("\n") if line.strip()]


_BANNER_WORDS = 4
_HEADLINE_WORDS = 30
_MAX_BANNERS = 3
_STAMP_CHARS = 60


def _plausible_stamp(day: str, body: str) -> bool:
    """Whether a bare date above the headline can be the article's date, judged by the years the body
    names: a page scraped years later carries that day's date ("Monday 22 January 2018" over a 2015
    story whose latest year is 2011). A date later than a year after the body's latest year, or earlier
    than the year before it, is the page's furniture; a body that names no year cannot say. Metadata
    (`date:` lines, front matter, HTML meta tags) is never second-guessed."""
    years = [int(y) for y in _YEAR.findall(body)]
    if not years:
        return True
    latest = max(years)
    return latest - 1 <= int(day[:4]) <= latest + 1


def _skip_blank(lines: Sequence[str], i: int) -> int:
    while i < len(lines) and not lines[i].strip():
        i += 1
    return i


def _parse_md(file_id: str, raw: str) -> Article:
    # parse(), not loads(): loads passes the keys as keyword arguments, and a key YAML reads as a
    # number or a date ("2015: year") would fail the whole file.
    try:
        metadata, body = frontmatter.parse(_normalise(raw))
    except (yaml.YAMLError, ValueError) as exc:
        raise Rejected(f"bad YAML front matter: {_one_line(str(exc))}") from exc
    except RecursionError as exc:
        raise Rejected("bad YAML front matter: nested too deeply") from exc
    fields = {str(k).lower(): v for k, v in metadata.items()}
    title = _meta_value(fields.get("title"))
    if not title:
        lines = _normalise(body).split("\n")
        if (m := _ATX_H1.match(lines[0])) and m.group(1):
            title, body = m.group(1), "\n".join(lines[1:])
    return _article(file_id, title, body, _metadata(iter(fields.items())))


def _parse_html(file_id: str, raw: str) -> Article:
    # Imported here, not at the top: trafilatura pulls in lxml's HTML cleaner, a separate package that
    # an old pip can leave out. Without it only HTML input is lost, with a message that says how to
    # get it back; .txt, .md and JSON input, the app and the other commands keep working.
    try:
        import trafilatura
    except ImportError as exc:
        raise Rejected(
            f"the HTML reader is unavailable ({_one_line(str(exc))}); "
            "install the project's dependencies again (pip install -e .) to read HTML"
        ) from exc
    try:
        # No extensive search of the text for a date: it takes the page's furniture.
        doc = trafilatura.bare_extraction(
            raw,
            with_metadata=True,
            include_comments=False,
            date_extraction_params={
                "original_date": True,
                "extensive_search": False,
                "max_date": date.today().isoformat(),
            },
        )
    # trafilatura and lxml raise a wide range of errors on malformed markup; one bad page must
    # not stop the batch, and the message still reaches the user.
    except Exception as exc:
        raise Rejected(f"cannot extract text from HTML: {exc}") from exc
    if doc is None or isinstance(doc, dict) or not doc.text:
        raise Rejected("no main text found in HTML")
    title = _one_line(doc.title or "")
    # trafilatura emits one block (paragraph, heading, list item) per line; we separate them with
    # blank lines, like the other formats, and drop a leading headline that repeats the title.
    blocks = [line.strip() for line in _normalise(doc.text).split("\n") if line.strip()]
    if blocks and title and _one_line(blocks[0]) == title:
        blocks = blocks[1:]
    body = "\n\n".join(blocks)
    found = _iso_date(doc.date or "")
    meta = {
        "outlet": _meta_value(doc.sitename or ""),
        "url": _meta_value(doc.url or ""),
        # The page's publication metadata first; a date found in its markup only when the body allows.
        "published": _declared_date(raw) or (found if found and _plausible_stamp(found, body) else ""),
        "author": _meta_value(doc.author or ""),
    }
    return _article(file_id, title, body, meta)


# Where pages declare their publication date: meta tags (Open Graph, Dublin Core, schema.org) and JSON-LD.
_DATE_META = frozenset(
    {
        "article:published_time", "og:published_time", "datepublished", "dc.date.issued", "dcterms.issued",
        "dc.date", "date", "pubdate", "publishdate", "publish-date", "parsely-pub-date", "sailthru.date",
    }
)  # fmt: skip
_JSONLD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]{8,40})"')


def _declared_date(raw: str) -> str:
    """The publication date a page declares in its metadata, or ""."""
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(raw)
    except (ValueError, TypeError, lxml_html.etree.ParserError):
        return ""
    for el in tree.iter("meta", "time"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        if key in _DATE_META and (
            day := _iso_date(el.get("content") or el.get("datetime") or "", fuzzy=False)
        ):
            return day
    for script in tree.iter("script"):
        is_jsonld = (script.get("type") or "").lower() == "application/ld+json"
        m = _JSONLD_DATE.search(script.text or "") if is_jsonld else None
        if m and (day := _iso_date(m.group(1), fuzzy=False)):
            return day
    return ""


_SINGLE_PARSERS: Mapping[str, Callable[[str, str], Article]] = {
    ".txt": _parse_txt,
    ".md": _parse_md,
    ".html": _parse_html,
    ".htm": _parse_html,
}


# (n, where, value): n numbers the record for its id, where ("record 3", "line 7") names it in errors,
# value is the decoded JSON or, for a line that did not parse, the Rejected saying why.
_Record = tuple[int, str, object]


_TOO_MANY_DIGITS = f"not valid JSON: a number of more than {sys.get_int_max_str_digits():,} digits"


def _json_records(text: str) -> list[_Record]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise Rejected(f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})") from exc
    except RecursionError as exc:
        raise Rejected("not valid JSON: nested too deeply") from exc
    except ValueError as exc:  # CPython's guard against slow parsing of long integers
        raise Rejected(_TOO_MANY_DIGITS) from exc
    if isinstance(data, dict):
        return [(1, "record 1", data)]
    if isinstance(data, list):
        if not data:
            raise Rejected("no records (an empty list)")
        return [(n, f"record {n}", value) for n, value in enumerate(data, start=1)]
    raise Rejected("expected a JSON object or a list of objects")


def _jsonl_records(text: str) -> list[_Record]:
    records: list[_Record] = []
    for n, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            records.append((n, f"line {n}", json.loads(line)))
        except json.JSONDecodeError as exc:
            records.append((n, f"line {n}", Rejected(f"not valid JSON: {exc.msg} (column {exc.colno})")))
        except RecursionError:
            records.append((n, f"line {n}", Rejected("not valid JSON: nested too deeply")))
        except ValueError:  # see _json_records
            records.append((n, f"line {n}", Rejected(_TOO_MANY_DIGITS)))
    return records


def _records_to_articles(file_id: str, records: list[_Record]) -> tuple[list[Article], list[str]]:
    articles: list[Article] = []
    reasons: list[str] = []
    first_seen: dict[str, str] = {}
    for n, where, value in records:
        try:
            if isinstance(value, Rejected):
                raise value
            article = _record_article(file_id, n, value)
            if article.id in first_seen:
                raise Rejected(f"duplicate id {article.id!r} (first at {first_seen[article.id]})")
            first_seen[article.id] = where
            articles.append(article)
        except Rejected as exc:
            reasons.append(f"{where}: {exc}")
    return articles, reasons


_JSON_TYPES: Mapping[type, str] = {
    list: "an array",
    str: "a string",
    int: "a number",
    float: "a number",
    bool: "true/false",
    type(None): "null",
}


def _record_article(file_id: str, n: int, value: object) -> Article:
    if not isinstance(value, dict):
        raise Rejected(f"expected an object, got {_JSON_TYPES.get(type(value), type(value).__name__)}")
    fields = {str(k).lower(): v for k, v in value.items()}
    text = fields.get("text")
    if not isinstance(text, str):
        raise Rejected("missing 'text'" if text is None else "'text' is not a string")
    if not text.strip():
        raise Rejected("empty 'text'")
    record_id = _meta_value(fields.get("id"))
    return _article(
        f"{file_id}#{record_id or n}", _meta_value(fields.get("title")), text, _metadata(iter(fields.items()))
    )
