"""Find which earlier line a quote repeats, without comparing every pair of posts.

Every line of a post's own words is indexed under a few keys per sentence: the whole sentence,
its first words and its last words. A quote is usually whole sentences, or a sentence cut short
at one end ("...the picture of Putin instead of the relevant head..."), so one of its keys hits
the line it came from. The few candidate lines found that way are then confirmed with rapidfuzz,
which tolerates the small edits people make when they quote. Cost grows with the text, not with
the number of post pairs.
"""

from __future__ import annotations

import zlib
from collections import Counter
from dataclasses import dataclass

from rapidfuzz import fuzz

from parsing.normalize import sentences, strip_ellipses, words

AFFIX_WORDS = 5
"""Words in a sentence's prefix and suffix keys: specific, yet short enough to survive a cut."""

MIN_QUOTE_WORDS = 3
MIN_QUOTE_CHARS = 12
"""Shorter lines ("Yes.", "lol") repeat by chance far more often than by quoting."""

MIN_SCORE = 0.88
MIN_SCORE_SHORT = 0.97
SHORT_CHARS = 40
MAX_CANDIDATES = 6


@dataclass(frozen=True, slots=True)
class Match:
    """The indexed line a quote repeats, and how closely (0..1)."""

    line: int
    score: float
    start: int = 0
    end: int = 0


def _key(kind: str, toks: list[str]) -> int:
    return zlib.crc32(f"{kind}{' '.join(toks)}".encode())


def sentence_keys(norm: str) -> list[int]:
    """Index keys of a normalised text: per sentence, the whole and its first and last words."""
    keys: list[int] = []
    for sentence in sentences(norm):
        toks = words(sentence)
        if len(toks) < MIN_QUOTE_WORDS:
            continue
        keys.append(_key("f", toks))
        if len(toks) >= AFFIX_WORDS:
            keys.append(_key("p", toks[:AFFIX_WORDS]))
            keys.append(_key("s", toks[-AFFIX_WORDS:]))
    return keys


def quotable(norm: str) -> bool:
    """Whether a line is long enough that repeating it is a quote rather than chance."""
    cut, _ = strip_ellipses(norm)
    return len(cut) >= MIN_QUOTE_CHARS and len(words(cut)) >= MIN_QUOTE_WORDS


class QuoteIndex:
    """Earlier lines of own words, by sentence keys; the first line to use a key keeps it."""

    def __init__(self) -> None:
        self._keys: dict[int, int] = {}
        self._texts: dict[int, str] = {}

    def __contains__(self, line: int) -> bool:
        return line in self._texts

    def add(self, line: int, norm: str) -> None:
        """Index one line (its normalised text) under its sentence keys."""
        if not norm:
            return
        self._texts[line] = norm
        for key in sentence_keys(norm):
            self._keys.setdefault(key, line)

    def text(self, line: int) -> str:
        return self._texts.get(line, "")

    def candidates(self, norm: str) -> list[int]:
        """Indexed lines sharing a sentence key with this text, most shared keys first."""
        cut, _ = strip_ellipses(norm)
        votes: Counter[int] = Counter()
        for key in sentence_keys(cut):
            line = self._keys.get(key)
            if line is not None:
                votes[line] += 1
        return [line for line, _ in votes.most_common(MAX_CANDIDATES)]

    def similarity(self, norm: str, line: int) -> float:
        """How closely `norm` repeats part of an indexed line, 0..1 (0 when it is much longer)."""
        return self.align(norm, line).score

    def align(self, norm: str, line: int) -> Match:
        """Where in an indexed line `norm` is repeated, and how closely (score 0 if nowhere)."""
        source = self._texts.get(line)
        cut, _ = strip_ellipses(norm)
        if not source or len(cut) > 1.15 * len(source) + 5:
            return Match(line, 0.0)
        found = fuzz.partial_ratio_alignment(cut, source)
        if found is None:
            return Match(line, 0.0)
        if len(cut) <= len(source):
            return Match(line, found.score / 100.0, found.dest_start, found.dest_end)
        return Match(line, found.score / 100.0, 0, len(source))

    def find(self, norm: str) -> Match | None:
        """The earlier line this text quotes, if one matches closely enough."""
        if not quotable(norm):
            return None
        cut, _ = strip_ellipses(norm)
        need = MIN_SCORE_SHORT if len(cut) < SHORT_CHARS else MIN_SCORE
        best: Match | None = None
        for line in self.candidates(norm):
            found = self.align(norm, line)
            if found.score >= need and (best is None or found.score > best.score):
                best = found
        return best
