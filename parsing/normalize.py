"""The matching form of forum text: what two copies of the same words have in common.

People re-type, paste and edit what they quote, and crawls mangle typography, so quotes are
matched on a normalised form (entities decoded, compatibility forms folded, apostrophes and dashes
made plain, quotation marks dropped since people add them around what they quote, white space
collapsed, case folded). The original text is always kept for display.
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
        "\u201c": None,
        "\u201d": None,
        "\u201e": None,
        "\u201f": None,
        "\u00ab": None,
        "\u00bb": None,
        "\u2033": None,
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u2026": "...",
        '"': None,
    }
)
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.!?]+(?:\s+|$)")
_CLAUSE_BREAK = re.compile(r"[,;:]\s+|\s+-+\s+")
_ELLIPSIS_CHARS = ".\u2026 "


def unescape(text: str) -> str:
    """Decode HTML entities ("&amp;", "&#8217;") that crawls leave in flattened text."""
    return html.unescape(text) if "&" in text else text


def normalize(text: str) -> str:
    """The form two copies of the same words share: folded typography, spacing and case."""
    return _fold(unescape(text))


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_FOLD)
    return _SPACE.sub(" ", text).strip().casefold()


def normalize_lines(lines: list[str]) -> list[str]:
    """`normalize` for every line of an (unescaped) text.

    Most lines are plain ASCII, which needs no Unicode folding: lower case and collapsed
    spaces are the whole job, and far cheaper. Lines are done one by one so that no copy of
    the whole text is made (NFKC of a whole big text takes several times its size).
    """
    return [
        (
            (line if _single_spaced(line) else " ".join(line.split()))
            .lower()
            .replace("`", "'")
            .replace('"', "")
            if line.isascii()
            else _fold(line)
        )
        for line in lines
    ]


def _single_spaced(line: str) -> bool:
    """Whether an ASCII line's only white space is single spaces between words, so that
    splitting and joining it would give it back unchanged (ASCII white space other than the
    space is unprintable). Testing is cheaper than the split, which makes a string per word."""
    return line.isprintable() and "  " not in line and line[:1] != " " and line[-1:] != " "


def words(norm: str) -> list[str]:
    """Word tokens of normalised text (punctuation and spacing do not count)."""
    return _WORD.findall(norm)


def strip_ellipses(text: str) -> tuple[str, bool]:
    """Remove a leading or trailing "..." (a quote cut short); say whether one was there."""
    cut = text.strip()
    if cut.startswith(("..", "\u2026")):
        cut = cut.lstrip(_ELLIPSIS_CHARS)
    if cut.endswith(("..", "\u2026")):
        cut = cut.rstrip(_ELLIPSIS_CHARS)
    return cut, len(cut) != len(text.strip())


def sentences(norm: str) -> list[str]:
    """Sentences of normalised text (they end in ., ! or ? and a space, or the text's end)."""
    return [s for s in _SENTENCE_END.split(norm) if s]


def split_sentences(norm: str) -> list[str]:
    """`sentences`, some of them empty: for a loop that skips empty ones anyway.

    It runs on every line of a thread. Where the only white space is single spaces (normalised
    text, bar quotation marks dropped between two spaces), a sentence ends exactly where
    ". ", "! " or "? " is, and splitting there is several times cheaper than the pattern.
    """
    if "  " in norm or not norm.isprintable():  # any white space but " " is unprintable
        return _SENTENCE_END.split(norm)
    if "!" not in norm and "?" not in norm:
        return [piece.rstrip(".") for piece in norm.split(". ")]
    pieces = []
    start = 0
    for piece in norm.replace("!", ".").replace("?", ".").split(". "):
        end = start + len(piece)  # the same place in `norm`, which keeps its "!" and "?"
        pieces.append(norm[start:end].rstrip(".!?"))
        start = end + 2
    return pieces


def clauses(sentence: str) -> list[str]:
    """The parts of a sentence between commas, semicolons and dashes."""
    return [c for c in _CLAUSE_BREAK.split(sentence) if c]
