"""The matching form of forum text: what two copies of the same words have in common.

People re-type, paste and edit what they quote, and crawls mangle typography, so quotes are
matched on a normalised form (entities decoded, compatibility forms folded, curly quotes and dashes
made plain, white space collapsed, case folded). The original text is always kept for display.
"""

from __future__ import annotations

import html
import re
import unicodedata

_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "`": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2033": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u2026": "...",
    }
)
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
_ELLIPSIS_START = re.compile(r"^\s*(?:\.{2,}|\u2026)\s*")
_ELLIPSIS_END = re.compile(r"\s*(?:\.{2,}|\u2026)\s*$")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def unescape(text: str) -> str:
    """Decode HTML entities ("&amp;", "&#8217;") that crawls leave in flattened text."""
    return html.unescape(text) if "&" in text else text


def normalize(text: str) -> str:
    """The form two copies of the same words share: folded typography, spacing and case."""
    text = unicodedata.normalize("NFKC", unescape(text)).translate(_FOLD)
    return _SPACE.sub(" ", text).strip().casefold()


def words(norm: str) -> list[str]:
    """Word tokens of normalised text (punctuation and spacing do not count)."""
    return _WORD.findall(norm)


def strip_ellipses(text: str) -> tuple[str, bool]:
    """Remove a leading or trailing "..." (a quote cut short); say whether one was there."""
    cut = _ELLIPSIS_START.sub("", text)
    cut = _ELLIPSIS_END.sub("", cut)
    return cut, cut != text.strip()


def sentences(norm: str) -> list[str]:
    """Sentences of normalised text, split after ., ! or ? followed by a space."""
    return [s for s in _SENTENCE_END.split(norm) if s]
