"""Reading and normalising input files into Article: every format, every kind of bad file."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from geo.articles import ReadResult, read_bytes, read_paths
from geo.types import Article

FIXTURES = Path(__file__).parent / "fixtures" / "articles"
CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus"

HOMS = "Strikes reported near Homs"


def _only_article(result: ReadResult) -> Article:
    assert result.errors == []
    assert len(result.articles) == 1
    return result.articles[0]


@pytest.mark.parametrize(
    "name, expected",
    [
        (
            "plain.txt",
            Article(
                "plain.txt",
                HOMS,
                "Russian jets struck near Homs on Thursday, activists said.\n\nThe ministry denied it.",
            ),
        ),
        (
            "with_meta.txt",
            Article(
                "with_meta.txt",
                HOMS,
                "Russian jets struck near Homs on Thursday.\n\nThe ministry denied it.",
                outlet="Example News",
                url="https://example.com/homs",
                published="2015-10-01",
                author="Jane Roe",
            ),
        ),
        (
            "dateline.txt",
            Article(
                "dateline.txt", HOMS, "Russian jets struck near Homs on Thursday.", published="2015-10-01"
            ),
        ),
        (
            "front_matter.md",
            Article(
                "front_matter.md",
                HOMS,
                "Russian jets struck near Homs on Thursday.",
                outlet="Example News",
                url="https://example.com/homs",
                published="2015-10-01",
                author="Jane Roe",
            ),
        ),
        ("heading.md", Article("heading.md", HOMS, "Russian jets struck near Homs on Thursday.")),
        (
            "page.html",
            Article(
                "page.html",
                HOMS,
                "Russian jets struck targets near Homs on Thursday, activists said, and the ministry"
                " denied it.\n\nThe Syrian Observatory said civilians were killed in Talbiseh, north of"
                " the city of Homs.",
                outlet="Example News",
                url="https://example.com/homs",
                published="2015-10-01",
                author="Jane Roe",
            ),
        ),
        (
            "object.json",
            Article(
                "object.json#1",
                HOMS,
                "Russian jets struck near Homs on Thursday.",
                outlet="Example News",
                published="2015-10-01",
            ),
        ),
    ],
)
def test_single_article_formats(name: str, expected: Article) -> None:
    assert _only_article(read_paths([FIXTURES / name])) == expected


def test_json_list_numbers_records_or_uses_their_id() -> None:
    result = read_paths([FIXTURES / "list.json"])
    assert result.errors == []
    assert [(a.id, a.title, a.text) for a in result.articles] == [
        ("list.json#homs", HOMS, "Russian jets struck near Homs."),
        ("list.json#2", "Raids on Idlib", "Jets hit Idlib."),
    ]


def test_jsonl_bad_line_is_one_error_and_other_lines_are_read() -> None:
    result = read_paths([FIXTURES / "records.jsonl"])
    assert [(a.id, a.title, a.outlet) for a in result.articles] == [
        ("records.jsonl#homs", HOMS, ""),
        ("records.jsonl#4", "Raids on Idlib", "Example News"),
    ]
    assert len(result.errors) == 1
    assert result.errors[0].path.endswith("records.jsonl")
    assert result.errors[0].reason.startswith("line 2: not valid JSON")


@pytest.mark.parametrize(
    "name, data, reasons",
    [
        (
            "r.jsonl",
            b'{"text": "a"}\n[1]\n{"title": "t"}\n{"text": 5}\n{"text": "  "}\n{"text": "b"}\n',
            [
                "line 2: expected an object, got an array",
                "line 3: missing 'text'",
                "line 4: 'text' is not a string",
                "line 5: empty 'text'",
            ],
        ),
        (
            "r.json",
            b'[{"id": "a", "text": "x"}, "no", {"id": "a", "text": "y"}, {"text": "z"}]',
            [
                "record 2: expected an object, got a string",
                "record 3: duplicate id 'r.json#a' (first at record 1)",
            ],
        ),
        ("r.json", b"[]", ["no records (an empty list)"]),
        ("r.json", b"42", ["expected a JSON object or a list of objects"]),
        ("r.json", b'{"text": "a",}', ["not valid JSON: Expecting property name enclosed in double quotes"]),
    ],
)
def test_bad_json_records(name: str, data: bytes, reasons: list[str]) -> None:
    result = read_bytes(name, data)
    assert [e.path for e in result.errors] == [name] * len(reasons)
    assert len(result.errors) == len(reasons)
    for err, reason in zip(result.errors, reasons, strict=True):
        assert err.reason.startswith(reason)


@pytest.mark.parametrize(
    "name, data, expected",
    [
        # CRLF and lone CR, trailing spaces, runs of blank lines, NFD -> NFC; curly quotes are kept.
        (
            "n.txt",
            "Title\r\n\r\nA \u201cquote\u201d \u2019s.   \r\n\r\n\r\n\r\nCafe\u0301\rend\n".encode(),
            Article("n.txt", "Title", "A \u201cquote\u201d \u2019s.\n\nCaf\u00e9\nend"),
        ),
        ("bom.txt", "\ufeffTitle\nBody".encode(), Article("bom.txt", "Title", "Body")),
        (
            "u16.txt",
            "Title\nBody \u2013 \u0645".encode("utf-16"),
            Article("u16.txt", "Title", "Body \u2013 \u0645"),
        ),
        # The block of key: value lines stops at the first other line; later ones are body text.
        (
            "m.txt",
            b"Title\nAuthor: A\nSaid: B\nDate: C",
            Article("m.txt", "Title", "Said: B\nDate: C", author="A"),
        ),
        # Partial or unparseable dates are dropped rather than completed with today's day.
        ("d.txt", b"Title\ndate: January 2018\n\nBody", Article("d.txt", "Title", "Body")),
        ("d.txt", b"Title\npublished: soon\n\nBody", Article("d.txt", "Title", "Body")),
        # A first line with words besides a date is a title, not a dateline.
        (
            "t.txt",
            b"22 January 2018: strikes on Afrin\nBody",
            Article("t.txt", "22 January 2018: strikes on Afrin", "Body"),
        ),
        # A bare date above the headline is the article's date only when the body's years allow it.
        (
            "s.txt",
            b"Monday 22 January 2018\n\nTitle\n\nThe war began in March 2011. Jets struck on Thursday.",
            Article("s.txt", "Title", "The war began in March 2011. Jets struck on Thursday."),
        ),
        (
            "s.txt",
            b"Thursday 1 October 2015\n\nTitle\n\nStrikes began in 2015, after 1979's war.",
            Article("s.txt", "Title", "Strikes began in 2015, after 1979's war.", published="2015-10-01"),
        ),
        (
            "s.txt",
            b"1 October 2015\n\nTitle\n\nNo year named here.",
            Article("s.txt", "Title", "No year named here.", published="2015-10-01"),
        ),
        # Metadata first: a date: line wins over the stamp, and is believed whatever the body says.
        (
            "s.txt",
            b"Monday 22 January 2018\n\nTitle\ndate: 2015-10-01\n\nSince 2011.",
            Article("s.txt", "Title", "Since 2011.", published="2015-10-01"),
        ),
        (
            "s.txt",
            b"Title\ndate: 2018-01-22\n\nSince 2011.",
            Article("s.txt", "Title", "Since 2011.", published="2018-01-22"),
        ),
        # Markdown: a front matter title wins, and a heading then stays in the body.
        ("h.md", b"---\ntitle: T\n---\n# H\n\nBody", Article("h.md", "T", "# H\n\nBody")),
        ("p.md", b"Just a paragraph.", Article("p.md", "", "Just a paragraph.")),
        ("up.TXT", b"Title\nBody", Article("up.TXT", "Title", "Body")),
        ("dir/up.txt", b"Title\nBody", Article("up.txt", "Title", "Body")),
    ],
)
def test_read_bytes_normalises(name: str, data: bytes, expected: Article) -> None:
    assert _only_article(read_bytes(name, data)) == expected


BAD_FILES = [
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (contains NUL bytes)"),
    ("controls.txt", bytes(range(1, 9)) * 4, "binary file (mostly control characters)"),
    ("empty.txt", b"", "empty file"),
    ("blank.md", b"  \n\t\n", "empty file"),
    ("title_only.txt", b"Just a title\n", "no body text (only a title)"),
    ("heading_only.md", b"# Heading\n", "no body text (only a title)"),
    ("latin1.txt", "Title\nCaf\u00e9 strike".encode("latin-1"), "not UTF-8 text (byte 0xe9 at offset 9)"),
    ("bad_front.md", b"---\ntitle: [oops\n---\nBody", "bad YAML front matter"),
    ("no_main.html", b"<html><body><script>x()</script></body></html>", "no main text found in HTML"),
    ("notes.pdf", b"%PDF-1.4", "unsupported file type '.pdf'"),
]


_STAMPED_BODY = (
    "<p>" + "Russian jets struck targets in Syria on Thursday, activists said; the war began in 2011. " * 6
)
_STAMP = "<header><div class='date'>Monday 22 January 2018</div></header>"


@pytest.mark.parametrize(
    "head, published",
    [
        # The page's header stamp is the day it was scraped, not the story's: never its date.
        ("", ""),
        ('<meta property="article:published_time" content="2015-10-01T09:00:00Z">', "2015-10-01"),
        ('<meta name="DC.date.issued" content="2015-10-01">', "2015-10-01"),
        (
            '<script type="application/ld+json">{"@type": "NewsArticle", '
            '"datePublished": "2015-10-01T10:00:00+03:00"}</script>',
            "2015-10-01",
        ),
        # Metadata first, whatever the body says.
        ('<meta property="article:published_time" content="2018-01-22">', "2018-01-22"),
    ],
)
def test_html_date_from_metadata_never_page_furniture(head: str, published: str) -> None:
    page = (
        f"<html><head><title>Strikes in Syria</title>{head}</head><body>{_STAMP}<article>"
        f"<h1>Strikes in Syria</h1>{_STAMPED_BODY}</p></article></body></html>"
    )
    assert _only_article(read_bytes("p.html", page.encode())).published == published


@pytest.mark.parametrize("name, data, reason", BAD_FILES)
def test_bad_file_is_one_error_and_good_files_still_read(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    bad = tmp_path / name
    bad.write_bytes(data)
    result = read_paths([FIXTURES / "plain.txt", bad, FIXTURES / "heading.md"])
    assert [a.id for a in result.articles] == ["plain.txt", "heading.md"]
    assert len(result.errors) == 1
    assert result.errors[0].path == str(bad)
    assert result.errors[0].reason.startswith(reason)
    assert str(bad) in str(result.errors[0])


@pytest.mark.parametrize("name, data, reason", BAD_FILES)
def test_bad_upload_is_one_error(name: str, data: bytes, reason: str) -> None:
    result = read_bytes(name, data)
    assert result.articles == []
    assert [(e.path, e.reason[: len(reason)]) for e in result.errors] == [(name, reason)]


def test_missing_path_is_an_error(tmp_path: Path) -> None:
    missing = tmp_path / "gone.txt"
    result = read_paths([missing, FIXTURES / "plain.txt"])
    assert [a.id for a in result.articles] == ["plain.txt"]
    assert [(e.path, e.reason) for e in result.errors] == [(str(missing), "no such file or folder")]


def test_unreadable_file_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("Title\nBody")
    real_read_bytes = Path.read_bytes

    # chmod cannot lock a file for root (CI containers), so the refusal is simulated.
    def refuse(self: Path) -> bytes:
        if self == locked:
            raise PermissionError(13, "Permission denied")
        return real_read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    result = read_paths([locked, FIXTURES / "plain.txt"])
    assert [a.id for a in result.articles] == ["plain.txt"]
    assert [(e.path, e.reason) for e in result.errors] == [(str(locked), "cannot read: Permission denied")]


def test_folder_is_read_recursively_sorted_supported_only(tmp_path: Path) -> None:
    for rel in ["b/2.txt", "a/9.md", "c.json", "10.txt", "1.txt"]:
        target = tmp_path / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text('{"text": "Body"}' if rel.endswith(".json") else "Title\nBody")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / "README").write_text("not an article")
    (tmp_path / ".hidden.txt").write_text("Title\nBody")
    (tmp_path / "a" / "._9.md").write_bytes(b"\x00\x05\x16\x07")

    first = read_paths([tmp_path])
    assert first.errors == []
    assert [a.id for a in first.articles] == ["1.txt", "10.txt", "9.md", "2.txt", "c.json#1"]
    assert read_paths([tmp_path]) == first


def test_same_name_in_two_folders_does_not_collide(tmp_path: Path) -> None:
    for folder in ("x", "y"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "001.txt").write_text(f"Title {folder}\nBody")
    (tmp_path / "x" / "002.txt").write_text("Title\nBody")
    result = read_paths([tmp_path / "x", tmp_path / "y"])
    assert [a.id for a in result.articles] == ["x/001.txt", "002.txt", "y/001.txt"]


def test_the_same_file_named_twice_is_read_once() -> None:
    result = read_paths([FIXTURES / "plain.txt", FIXTURES, FIXTURES / "plain.txt"])
    assert [a.id for a in result.articles].count("plain.txt") == 1


def test_fixture_folder_reads_every_format() -> None:
    result = read_paths([FIXTURES])
    assert [e.reason[:6] for e in result.errors] == ["line 2"]  # the broken line in records.jsonl
    assert [a.id for a in result.articles] == [
        "dateline.txt",
        "front_matter.md",
        "heading.md",
        "list.json#homs",
        "list.json#2",
        "object.json#1",
        "page.html",
        "plain.txt",
        "records.jsonl#homs",
        "records.jsonl#4",
        "with_meta.txt",
    ]


SEED_TITLES = {
    "000_2e2b9c7bd3acd005.txt": ("Russia, United States hold military talks on Syria", ""),
    "001_61ae3743821c0ddd.txt": ("Russia rejects Western criticism of Syria strikes", ""),
    "002_664a45344d151af0.txt": ("Russian Foreign Minister defends airstrikes in Syria", ""),
    "003_a54b07a1ee5ee18c.txt": ("US express concern at Russia\u2019s military campaign", ""),
    # Its first line, "Monday 22 January 2018", is the page stamp of a 2015 story (latest year: 2011).
    "004_ff01b8e64425b3dd.txt": (
        "Russia's Syria airstrikes resume amid claims US-backed rebels are being targeted",
        "",
    ),
}


def test_seed_corpus() -> None:
    result = read_paths([CORPUS])
    assert result.errors == []
    assert {a.id: (a.title, a.published) for a in result.articles} == SEED_TITLES
    for article in result.articles:
        assert len(article.text) > 1000
        assert not article.text.startswith(article.title)
        assert "\n\n\n" not in article.text
    assert result.articles[4].text.startswith("Vladimir Putin's spokesman says")


def test_seed_corpus_copy_keeps_ids(tmp_path: Path) -> None:
    copy = tmp_path / "corpus"
    shutil.copytree(CORPUS, copy)
    assert [a.id for a in read_paths([copy]).articles] == sorted(SEED_TITLES)


# Run in a fresh interpreter: the test process may already have imported the HTML stack.
_WITHOUT_HTML_CLEANER = """
import sys
sys.modules["lxml_html_clean"] = None  # what an install that skipped the package looks like
from pathlib import Path
from geo.articles import read_paths
result = read_paths([Path(sys.argv[1]), Path(sys.argv[2])])
print([a.id for a in result.articles])
print([str(e) for e in result.errors])
"""


def test_missing_html_cleaner_disables_only_the_html_reader() -> None:
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            _WITHOUT_HTML_CLEANER,
            str(FIXTURES / "page.html"),
            str(FIXTURES / "plain.txt"),
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parent.parent,
    )
    articles, errors = proc.stdout.splitlines()
    assert articles == "['plain.txt']"
    assert "page.html: the HTML reader is unavailable" in errors and "pip install -e ." in errors


# Hostile input (issue 15): each file is generated here; the good file beside it must still be read.
HUGE_INT = b"9" * 5000  # over CPython's 4,300-digit limit for int(str)
HOSTILE_FILES = [
    # (name, data, expected articles from the file, expected reason prefixes)
    (
        "big.json",
        b'{"text": "Body", "n": ' + HUGE_INT + b"}",
        0,
        ["not valid JSON: a number of more than 4,300 digits"],
    ),
    (
        "big.jsonl",
        b'{"text": "Body", "n": ' + HUGE_INT + b'}\n{"text": "Other body"}\n',
        1,
        ["line 1: not valid JSON: a number of more than 4,300 digits"],
    ),
    ("keys.md", b"---\n2015: year\ntitle: T\n---\nBody", 1, []),
    ("dates.md", b"---\n2015-10-01: day\n3.5: x\nnull: y\ntrue: z\n---\nBody", 1, []),
    ("unhashable.md", b"---\n[1, 2]: list\n---\nBody", 0, ["bad YAML front matter"]),
    ("list.md", b"---\n- a\n- b\n---\nBody", 1, []),
    ("long.txt", b"Title\n" + b"word " * 200_001, 0, ["too long to parse: 1,000,004 characters"]),
    (
        "long.jsonl",
        b'{"text": "' + b"word " * 200_001 + b'"}\n{"text": "Short"}\n',
        1,
        ["line 1: too long to parse"],
    ),
    # Just under the limit is still read.
    ("edge.txt", b"Title\n" + b"w" * 1_000_000, 1, []),
]


@pytest.mark.parametrize("name, data, n_articles, reasons", HOSTILE_FILES)
def test_hostile_file_costs_only_itself(
    tmp_path: Path, name: str, data: bytes, n_articles: int, reasons: list[str]
) -> None:
    bad = tmp_path / name
    bad.write_bytes(data)
    result = read_paths([FIXTURES / "plain.txt", bad])
    assert [a.id for a in result.articles][:1] == ["plain.txt"]
    assert len(result.articles) == 1 + n_articles
    assert [e.path for e in result.errors] == [str(bad)] * len(reasons)
    for err, reason in zip(result.errors, reasons, strict=True):
        assert err.reason.startswith(reason), err.reason


@pytest.mark.parametrize(
    "name, data",
    [
        ("s.json", b'{"text": "Body \\ud800", "title": "T \\udfff", "source": "\\ud800", "id": "\\udc00"}'),
        ("s.jsonl", b'{"text": "Body", "author": "\\ud83d", "url": "x\\ude00"}\n'),
        ("\udcff.txt", b"Title\nBody"),  # a file name that is not UTF-8, as os.fsdecode gives it
    ],
)
def test_lone_surrogates_never_leave_the_reader(name: str, data: bytes) -> None:
    article = _only_article(read_bytes(name, data))
    fields = (article.id, article.title, article.text, article.outlet, article.author, article.url)
    "".join(fields).encode("utf-8")  # UnicodeEncodeError without the fix
    assert "\ufffd" in "".join(fields)


def test_file_name_that_is_not_utf8_is_read(tmp_path: Path) -> None:
    raw = bytes(tmp_path) + b"/caf\xe9.txt"
    with open(raw, "wb") as f:
        f.write(b"Title\nBody")
    article = _only_article(read_paths([tmp_path]))
    assert article.id == "caf\ufffd.txt"


def test_unreadable_sub_folder_is_listed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "a.txt").write_text("Title\nBody")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text("Title\nBody")
    real_scandir = os.scandir

    # chmod cannot lock a folder for root (CI containers), so the refusal is simulated.
    def refuse(path: object = ".") -> object:
        if str(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(locked))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", refuse)
    result = read_paths([tmp_path])
    assert [a.id for a in result.articles] == ["a.txt"]
    assert [(e.path, e.reason) for e in result.errors] == [
        (str(locked), "cannot list folder: Permission denied")
    ]


def test_symlink_loops_and_broken_links_are_listed(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "real.txt").write_text("Title\nBody")
    (tmp_path / "a" / "back").symlink_to(tmp_path)  # a folder loop
    (tmp_path / "a" / "self").symlink_to(tmp_path / "a")
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "to_b").symlink_to(tmp_path / "b")  # a loop of two links: a/to_b -> b, b/to_a -> a
    (tmp_path / "b" / "to_a").symlink_to(tmp_path / "a")
    (tmp_path / "x.txt").symlink_to(tmp_path / "y.txt")  # a loop of file links
    (tmp_path / "y.txt").symlink_to(tmp_path / "x.txt")
    (tmp_path / "gone.md").symlink_to(tmp_path / "nowhere.md")
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "same.txt").symlink_to(tmp_path / "a" / "real.txt")  # read once
    result = read_paths([tmp_path])
    assert [a.id for a in result.articles] == ["real.txt"]
    assert sorted((e.path, e.reason) for e in result.errors) == [
        (str(tmp_path / "a" / "back"), f"symbolic link loop (leads back to {tmp_path}); not followed"),
        (str(tmp_path / "a" / "self"), f"symbolic link loop (leads back to {tmp_path / 'a'}); not followed"),
        (
            str(tmp_path / "a" / "to_b" / "to_a"),
            f"symbolic link loop (leads back to {tmp_path / 'a'}); not followed",
        ),
        (str(tmp_path / "gone.md"), "broken symbolic link (or a loop of links)"),
        (str(tmp_path / "x.txt"), "broken symbolic link (or a loop of links)"),
        (str(tmp_path / "y.txt"), "broken symbolic link (or a loop of links)"),
    ]


@pytest.mark.parametrize("target", ["loop", "dangling"])
def test_a_given_broken_link_is_named(tmp_path: Path, target: str) -> None:
    link = tmp_path / "given.txt"
    link.symlink_to(link if target == "loop" else tmp_path / "nowhere.txt")
    result = read_paths([link, FIXTURES / "plain.txt"])
    assert [a.id for a in result.articles] == ["plain.txt"]
    assert [(e.path, e.reason) for e in result.errors] == [
        (str(link), "broken symbolic link (or a loop of links)")
    ]
