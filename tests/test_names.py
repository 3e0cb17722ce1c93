"""Name keys: the spellings news uses for one Arabic name must share a key; others must not."""

from __future__ import annotations

import pytest

from geo.names import english_forms, fold, is_english_word, name_key, variant_key


@pytest.mark.parametrize(
    "a, b",
    [
        ("Talbiseh", "Talbisah"),
        ("Talbiseh", "Tall Bisah"),
        ("Talbiseh", "Telbisa"),
        ("Jisr al-Shughour", "Jisr ash-Shughur"),
        ("Maarat al-Numan", "Ma'arrat an-Nu'man"),
        ("Maarat al-Numan", "Ma‘arrat an Nu‘mān"),
        ("Deir ez-Zor", "Dayr az-Zawr"),
        ("Lattakia", "Latakia"),
        ("Hama", "Hamah"),
        ("Raqqa", "Ar-Raqqah"),
        ("Khan Shaykhun", "Khan Sheikhoun"),
        ("Kafr Nabudah", "Kafr Nabouda"),
        ("Deraa", "Daraa"),
        ("Al Qusayr", "Qusayr"),
        ("HOMS", "homs"),
        ("Ḩimş", "Hims"),
    ],
)
def test_spellings_share_the_exact_key(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(
    "a, b",
    [
        ("Idlib", "Idleb"),
        ("Homs", "Hims"),
        ("Saraqeb", "Saraqib"),
        ("Kafr Zita", "Kafr Zayta"),
        ("Latamneh", "Al Lataminah"),
        ("Kuweires", "Kuwayris"),
        ("Hawija", "Huwayjah"),
    ],
)
def test_spellings_share_the_variant_key(a: str, b: str) -> None:
    assert variant_key(a) == variant_key(b)


@pytest.mark.parametrize(
    "a, b",
    [
        ("Homs", "Hama"),
        ("Idlib", "Ariha"),
        ("Aleppo", "Latakia"),
        ("Ariha", "Riha al-Kabir"),
        ("Al Bab", "Babila"),
    ],
)
def test_different_places_keep_different_keys(a: str, b: str) -> None:
    assert name_key(a) != name_key(b)
    assert variant_key(a) != variant_key(b)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ma‘arrat an-Nu‘mān", "maarrat an numan"),
        ("  Deir   ez-Zor ", "deir ez zor"),
        ("São Paulo", "sao paulo"),
        ("", ""),
        ("   ", ""),
        ("'’", ""),
    ],
)
def test_fold(text: str, expected: str) -> None:
    assert fold(text) == expected


@pytest.mark.parametrize("text", ["", "   ", "-", "’"])
def test_blank_names_have_empty_keys(text: str) -> None:
    assert name_key(text) == ""
    assert variant_key(text) == ""


def test_article_alone_is_kept() -> None:
    # "Al" is a name on its own (a town in Norway); it must not vanish into an empty key.
    assert name_key("Al") == "al"


@pytest.mark.parametrize(
    "word, expected",
    [
        ("Homes", True),
        ("Tallies", True),
        ("Said", True),
        ("Forces", True),
        ("Bombed", True),
        ("Homs", False),
        ("Homs Province", False),  # several words are never "one English word"
        ("", False),
    ],
)
def test_is_english_word(word: str, expected: bool) -> None:
    words = {"home", "tally", "said", "force", "bomb"}
    assert is_english_word(word, words) is expected


def test_english_forms_include_the_base() -> None:
    assert {"tallies", "tally"} <= set(english_forms("Tallies"))
