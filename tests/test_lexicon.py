"""The lexicon reader: lists, ordered lists and tables from data files, with errors that name the line."""

from __future__ import annotations

from pathlib import Path

import pytest

from geo import lexicon
from geo.errors import GeoError


@pytest.fixture
def lexdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(lexicon, "LEXICON_DIR", tmp_path)
    for reader in (lexicon.words, lexicon.ordered, lexicon.table):
        reader.cache_clear()
    yield tmp_path
    for reader in (lexicon.words, lexicon.ordered, lexicon.table):
        reader.cache_clear()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("said\nstated\n", ("said", "stated")),
        ("# speech verbs\nsaid  # the commonest\n\n  told \nsaid\n", ("said", "told")),
        ("US\nus\n", ("US", "us")),  # case is kept: callers fold it
        ("# only a comment\n\n", ()),
    ],
)
def test_lists_drop_comments_blanks_and_repeats_and_keep_order(
    lexdir: Path, text: str, expected: tuple
) -> None:
    (lexdir / "verbs.txt").write_text(text, encoding="utf-8")
    assert lexicon.ordered("verbs") == expected
    assert lexicon.words("verbs") == frozenset(expected)


def test_table_rows_split_on_the_tab(lexdir: Path) -> None:
    (lexdir / "demonyms.txt").write_text("Russian\tRU\nSyrian \t SY\n# Iranian\tIR\n", encoding="utf-8")
    assert lexicon.table("demonyms") == {"Russian": "RU", "Syrian": "SY"}


@pytest.mark.parametrize("bad_row", ["Russian RU", "\tRU", "Russian\t "])
def test_a_bad_table_row_names_the_file_and_line(lexdir: Path, bad_row: str) -> None:
    (lexdir / "demonyms.txt").write_text(f"Syrian\tSY\n{bad_row}\n", encoding="utf-8")
    with pytest.raises(GeoError, match=r"demonyms\.txt line 2: expected 'key<TAB>value'"):
        lexicon.table("demonyms")


def test_a_missing_list_names_its_path(lexdir: Path) -> None:
    with pytest.raises(GeoError, match=r"nouns\.txt: lexicon list missing or unreadable"):
        lexicon.words("nouns")


def test_files_lists_every_list_for_fingerprints(lexdir: Path) -> None:
    for name in ("b", "a"):
        (lexdir / f"{name}.txt").write_text("x\n", encoding="utf-8")
    (lexdir / "README.md").write_text("not a list\n", encoding="utf-8")
    assert [p.name for p in lexicon.files()] == ["a.txt", "b.txt"]
