"""Name normalisation: the keys under which the gazetteer files and finds a place name.

One Arabic name reaches English news in many spellings (Talbiseh, Talbisah, Tall Bisah, Telbisa).
Rather than listing every spelling, both the index and the query are reduced to keys that most
spellings share:

* `fold` -- case, diacritics and punctuation only; two names with equal folds are "the same word".
* `name_key` -- the *exact* tier: also drops the Arabic article in its assimilated forms
  (al-/el-/ar-/ash-/ad-/az-/at-/an-/as-/adh-, prefixed or mid-name), ayn and hamza marks, spaces,
  doubled letters, and folds the vowel variants that English transliterations disagree on
  (ou/oo/o -> u, ei/ai/ey -> ay, e -> a, ee -> i, final -eh/-ah/-e -> a).
* `variant_key` -- the coarser *variant* tier: a consonant skeleton of the exact key, with the
  consonants transliterators swap (q/k, ch/sh, dh/z, ...) merged. It is ranked below exact keys
  and is never applied to common English words (see `is_english_word`).

These functions are pure and cheap (a few microseconds); `lookup` calls them on every query.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container, Iterator
from functools import lru_cache

from unidecode import unidecode

from geo import lexicon

LEXICON_LISTS = ("arabic_articles",)
"""The lexicon lists the keys depend on: the index fingerprint hashes them."""
ARTICLES = lexicon.words("arabic_articles")
"""The Arabic definite article as English transliterations write it, assimilated forms included."""

_APOSTROPHES = re.compile(r"['’‘ʿʾʻʼ`´\u02b9\u02bb\u02bc\u02bd\u0313\u0314]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_DOUBLED = re.compile(r"([a-z])\1+")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case ASCII with single spaces: case, diacritics and punctuation removed, nothing else.

    Used to tell a literal match ("Paris" for "Paris") from one that only shares a key.
    """
    s = _APOSTROPHES.sub("", unicodedata.normalize("NFKC", text))
    s = unidecode(s).lower()
    s = _APOSTROPHES.sub("", s)
    return " ".join(_NON_ALNUM.sub(" ", s).split())


def _tokens(text: str) -> list[str]:
    """The words of a name with the Arabic article removed wherever it stands as its own word."""
    s = _APOSTROPHES.sub("", unicodedata.normalize("NFKC", text))
    s = unidecode(s).lower()
    s = _APOSTROPHES.sub("", s)
    words = _NON_ALNUM.sub(" ", s).split()
    if len(words) <= 1:
        return words
    # An article is only an article when a word follows it ("Tall al-Sultan", "As Suwayda"), and a
    # name is never reduced to nothing.
    kept = [w for i, w in enumerate(words) if not (w in ARTICLES and i < len(words) - 1)]
    return kept or words


_DIPHTHONG_AY = re.compile(r"(?:ei|ai|ey)(?![aeiou])")
_DIPHTHONG_AW = re.compile(r"aw(?![aeiouy])")
_VOWEL_OR_GLIDE = re.compile(r"[aeiouyw]")


def _fold_vowels(word: str) -> str:
    """Fold the vowel spellings English transliterations of one Arabic word disagree on."""
    w = word
    if len(w) > 3 and (w.endswith("eh") or w.endswith("ah")):
        w = w[:-2] + "a"
    w = w.replace("oo", "u").replace("ou", "u").replace("ee", "i")
    if "e" in w or "a" in w:
        w = _DIPHTHONG_AY.sub("ay", w)
        w = _DIPHTHONG_AW.sub("u", w)
    return w.replace("o", "u").replace("e", "a")


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """The exact-tier key: "Jisr ash-Shughur" and "Jisr al-Shughour" both give "jisrshughur"."""
    words = [_fold_vowels(w) for w in _tokens(text)]
    return _DOUBLED.sub(r"\1", "".join(words))


_SKELETON_SUBS = (
    ("kh", "K"),  # kh is its own consonant; keep it apart from k before q/k merge
    ("sch", "S"),
    ("sh", "S"),
    ("ch", "S"),
    ("dh", "z"),
    ("th", "t"),
    ("ph", "f"),
    ("dj", "j"),
    ("gh", "G"),
    ("q", "k"),
    ("c", "k"),
)


@lru_cache(maxsize=65536)
def variant_key(text: str) -> str:
    """The variant-tier key: the consonant skeleton of `name_key` ("Idleb", "Idlib" -> "dlb").

    Keeps the first letter when it is a vowel, so "Ariha" and "Rihaa" stay apart.
    """
    k = name_key(text)
    if not k:
        return ""
    for a, b in _SKELETON_SUBS:
        k = k.replace(a, b)
    head, rest = k[0], k[1:]
    skeleton = head + _VOWEL_OR_GLIDE.sub("", rest)
    return _DOUBLED.sub(r"\1", skeleton).lower()


def english_forms(word: str) -> Iterator[str]:
    """The word and the bases it may be an inflection of ("tallies" -> "tallies", "tally", ...)."""
    w = word.lower()
    yield w
    if w.endswith("ies") and len(w) > 4:
        yield w[:-3] + "y"
    if w.endswith("es") and len(w) > 3:
        yield w[:-2]
    if w.endswith("s") and len(w) > 3:
        yield w[:-1]
    if w.endswith("ed") and len(w) > 4:
        yield w[:-2]
        yield w[:-1]
    if w.endswith("ing") and len(w) > 5:
        yield w[:-3]
        yield w[:-3] + "e"


def is_english_word(text: str, words: Container[str]) -> bool:
    """True when `text` is one common English word (or an inflection of one) found in `words`.

    Multi-word text is never "a word": "Homs Province" is a name even though "province" is English.
    """
    t = text.strip()
    if not t or " " in t or not t.replace("-", "").isalpha():
        return False
    return any(form in words for form in english_forms(t))
