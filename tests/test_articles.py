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
    "004_ff01b8e64425b3dd.txt": (
        "Russia's Syria airstrikes resume amid claims US-backed rebels are being targeted",
        "2018-01-22",
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
