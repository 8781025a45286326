"""Which language a post is written in: the cue rules and the sentence model read English only.

A post in another language would get verdicts from English cues matched by chance (a German
"also" is no "also"); instead it is marked not scored. Two cheap readings of the post's own
words, no library:
- the script: letters outside the Latin alphabets name their script's language (Cyrillic is
  Russian unless Ukrainian's own letters show, Greek, Arabic, Hebrew, Chinese, Japanese, ...);
- for Latin script, a word profile per language (`language.json`, fitted by
  training/fit_language.py from Universal Dependencies treebanks): a naive Bayes over each
  language's most frequent words. Most posts are English and leave at the first step: when the
  English profile's words make up `gate` of the tokens, no other language is weighed.
A post with too few words to tell (`min_words`: "Quelle?", "lol", "+1") takes its thread's
language (`thread_language`: most of the thread's first posts that can be told), so a short
reply in a German thread is not read with English cues, nor one in an English thread marked.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import cache
from importlib import resources
from itertools import repeat
from typing import NamedTuple

PROFILE = "language.json"

READ = 300
SAMPLE = 40
"""Posts of a thread read to tell the thread's language."""
"""Characters of a post read to tell its language: its first lines show it, and a long post
costs no more than a short one."""

ENGLISH = "en"

NAMES = {
    "en": "English",
    "de": "German",
    "fr": "French",
    "es": "Spanish",
    "pt": "Portuguese",
    "nl": "Dutch",
    "ru": "Russian",
    "uk": "Ukrainian",
    "cyrillic": "Cyrillic-script",
    "el": "Greek",
    "ar": "Arabic",
    "he": "Hebrew",
    "hi": "Devanagari-script",
    "th": "Thai",
    "zh": "Chinese",
    "ja": "Japanese",
    "ko": "Korean",
    "und": "not English",
}
"""How the scorecard names a language code ("und": Latin-script words of no profiled language,
and not English)."""

_SCRIPTS: list[tuple[int, int, str]] = [
    (0x0370, 0x03FF, "el"),
    (0x0400, 0x052F, "cyrillic"),
    (0x0590, 0x05FF, "he"),
    (0x0600, 0x06FF, "ar"),
    (0x0900, 0x097F, "hi"),
    (0x0E00, 0x0E7F, "th"),
    (0x3040, 0x30FF, "ja"),
    (0x4E00, 0x9FFF, "zh"),
    (0xAC00, 0xD7AF, "ko"),
]
"""Unicode blocks of scripts whose letters alone say the language (or its script)."""

_OTHER_SCRIPT = re.compile(
    "[\u0370-\u03ff\u0400-\u052f\u0590-\u05ff\u0600-\u06ff\u0900-\u097f\u0e00-\u0e7f"
    "\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]"
)
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_ACCENTED = re.compile(r"[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")
_UKRAINIAN = frozenset("ґєії")
"""Letters Ukrainian writes and Russian does not."""
_NOT_RUSSIAN = frozenset("ђјљњћџѓќѕўӘәҚқҢңӨөҮүҰұҺһ")
"""Letters of other Cyrillic alphabets (Serbian, Macedonian, Belarusian, Kazakh, ...)."""


_WORDS = str.maketrans(
    {i: " " for i in range(128) if not chr(i).isalpha() and chr(i) != "'"}
    | {ord(c): " " for c in "“”«»„…–—\u00a0"}
    | {ord(c): None for c in "'‘’"}
)
"""Letters stay, apostrophes vanish ("don't" -> `dont`), every other ASCII character and the
common typographic marks split words: one C-level translate (ASCII's fast path) and a split."""


_ASCII_WORDS = bytes(
    32 if i < 128 and not chr(i).isalpha() and chr(i) != "'" else i for i in range(256)
)
"""`_WORDS` for ASCII text as `bytes.translate` takes it (apostrophes deleted apart): most
posts are ASCII, and a byte table is several times faster than the character map."""


def tokens(text: str) -> list[str]:
    """The lower-cased words of `text` (digits and marks split them)."""
    low = text.lower()
    if low.isascii():
        return low.encode().translate(_ASCII_WORDS, b"'").decode().split()
    return low.translate(_WORDS).split()


class Profile(NamedTuple):
    """The fitted profile: per language, each profile word's log-probability minus English's
    over the words of every profile (a word outside them all says nothing of the language)."""

    english: frozenset[str]
    """English words more likely in English than in every other profiled language: the gate
    counts these."""
    others: dict[str, dict[str, float]]
    gate: float
    low: float
    """Below this share of English words a post is not English even where no profiled
    language fits it better (it is "und": Italian, Polish, ... have no profile)."""
    min_words: int
    """Fewer words than this and the post is read as English: too short to tell."""
    accents: float
    """Latin letters outside ASCII (ä, ł, ş, ř, ...) at this share of the letters or more: not
    English, however many English words it has (names and loanwords stay below it)."""
    distinct: float
    """A language is named when it beats the runner-up by this much a profile word (logits);
    else the post is "und"."""
    coverage: float
    """... and when its own profile words make up this share of the tokens (a language's
    most frequent words cover a good part of any text in it, and little of another's)."""
    tops: dict[str, frozenset[str]]


@cache
def _data() -> dict:
    return json.loads(resources.files("scoring").joinpath(PROFILE).read_text(encoding="utf-8"))


@cache
def profile() -> Profile:
    """The shipped profile, built on first use."""
    return build(_data())


KNOWN = 1 << 20
"""In `_gate`'s table a word counts 1 if English-distinctive, plus KNOWN if any profile has it,
so one sum over a post's words gives both counts."""


@cache
def _gate() -> tuple[dict[str, int], float, float]:
    """What the shortcuts need, without building the whole profile (most threads never need
    more): each profile word's count (see KNOWN; the file lists the English words `build`
    picks), the gate and the coverage."""
    data = _data()
    return gate_table(data, data["english"])


def gate_table(data: dict, english: Iterable[str]) -> tuple[dict[str, int], float, float]:
    """`_gate`'s values for a profile file's data and its English-distinctive words."""
    table = {w: KNOWN for words in data["words"].values() for w in words}
    for w in english:
        table[w] = KNOWN + 1
    return table, data["gate"], data["coverage"]


def build(data: dict) -> Profile:
    """The Profile of a profile file's data (training/fit_language.py writes it)."""
    langs: dict[str, dict[str, float]] = data["words"]
    floor: dict[str, float] = data["floor"]
    vocabulary = {w for words in langs.values() for w in words}

    def logp(lang: str, w: str) -> float:
        return langs[lang].get(w, floor[lang])

    others = {
        lang: {w: logp(lang, w) - logp(ENGLISH, w) for w in vocabulary}
        for lang in langs
        if lang != ENGLISH
    }
    english = frozenset(w for w in langs[ENGLISH] if all(o[w] < 0 for o in others.values()))
    return Profile(
        english,
        others,
        data["gate"],
        data["low"],
        data["min_words"],
        data["accents"],
        data["distinct"],
        data["coverage"],
        {lang: frozenset(words) for lang, words in langs.items()},
    )


def _script(text: str) -> str | None:
    """The language its non-Latin letters name, when they outnumber its Latin letters."""
    other = _OTHER_SCRIPT.findall(text)
    if not other or len(other) <= len(_LATIN.findall(text)):
        return None
    counts: dict[str, int] = {}
    for char in other:
        code = ord(char)
        for low, high, name in _SCRIPTS:
            if low <= code <= high:
                counts[name] = counts.get(name, 0) + 1
                break
    script = max(counts, key=counts.__getitem__)
    if script == "cyrillic":
        if sum(char in _UKRAINIAN for char in other) * 50 >= len(other):
            return "uk"
        return "cyrillic" if any(char in _NOT_RUSSIAN for char in other) else "ru"
    if script == "zh" and counts.get("ja"):
        return "ja"  # Japanese writes kanji beside its kana
    return script


def scores(words: list[str]) -> dict[str, float]:
    """Each language's log-likelihood over English's for these tokens (English 0)."""
    out = {ENGLISH: 0.0}
    for lang, weights in profile().others.items():
        out[lang] = sum(weights.get(w, 0.0) for w in words)
    return out


def accented(text: str) -> float:
    """The share of its Latin letters that are not ASCII."""
    latin = len(_LATIN.findall(text))
    return len(_ACCENTED.findall(text)) / latin if latin else 0.0


def english_share(words: list[str]) -> float:
    """The share of tokens that are English profile words more likely in English than in any
    other profiled language (0 for no tokens)."""
    hits = sum(map(profile().english.__contains__, words))
    return hits / len(words) if hits else 0.0


def known_words(words: list[str]) -> int:
    """How many of `words` some profile holds."""
    any_profile = next(iter(profile().others.values()))
    return sum(map(any_profile.__contains__, words))


def detect(text: str) -> str:
    """The language of `text` as a code of NAMES; "en" also where it cannot be told."""
    return told(text) or ENGLISH


def thread_language(texts: Iterable[str], sample: int = SAMPLE) -> str:
    """The language most of a thread's posts are told to be in (of the first `sample` that
    can be told), English where they are not told or are mostly English: what a post too short
    to tell ("Quelle?", "Danke!") is taken to be written in."""
    counts: dict[str, int] = {}
    seen = 0
    for text in texts:
        code = told(text)
        if code is None:
            continue
        counts[code] = counts.get(code, 0) + 1
        seen += 1
        if seen >= sample:
            break
    if not counts:
        return ENGLISH
    best = max(counts, key=counts.__getitem__)
    return best if 2 * counts[best] > seen else ENGLISH


def told(text: str) -> str | None:
    """The language of `text`, or None where it is too short to tell (see `min_words`)."""
    text = text[:READ]
    plain = text.isascii()
    if not plain:
        script = _script(text)
        if script is not None:
            return script
    words = tokens(text)
    table, gate, coverage = _gate()
    total = sum(map(table.get, words, repeat(0)))
    hits, known = total % KNOWN, total // KNOWN
    if hits and hits >= gate * len(words):
        return ENGLISH  # most posts: English words make up their share, nothing else weighed
    if plain and known < coverage * len(words):
        return ENGLISH  # no profiled language can fit it, and no letter says it is not English
    prof = profile()
    share = hits / len(words) if hits else 0.0
    if not plain and accented(text) >= prof.accents:
        share = 0.0  # letters English does not write, and few English words: not English
    elif len(words) < prof.min_words:
        return None  # too few words to tell
    found = sorted(scores(words).items(), key=lambda kv: -kv[1])
    if share < prof.low:
        found = [kv for kv in found if kv[0] != ENGLISH]  # too few English words for English
    elif found[0][0] == ENGLISH:
        return ENGLISH
    (best, top), (_, second) = found[0], found[1]
    covered = sum(map(prof.tops[best].__contains__, words))
    if top - second >= prof.distinct * known_words(words) and covered >= prof.coverage * len(words):
        return best
    # No language fits. Letters English does not write say it is not English; plain ASCII
    # words no profile knows (names, code, jargon, made-up words) are read as before.
    return ENGLISH if plain else "und"


def is_english(text: str) -> bool:
    return detect(text) == ENGLISH


def name(code: str) -> str:
    return NAMES.get(code, code)
