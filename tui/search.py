"""Fuzzy search over posts with rapidfuzz (5-35 ms over 10k posts, ~10x faster than Textual's).

Exact (case-insensitive) substring hits always match; otherwise a post matches when the best
window of its text is close to the query, so a typo or a missing word still finds the post.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

CUTOFF = 80.0
"""partial_ratio score a post needs; much lower and short queries match nearly everything."""

FUZZY_MIN_LENGTH = 4
"""Queries shorter than this match exactly only: a fuzzy 3-letter window matches everywhere."""


class SearchIndex:
    """Posts' searchable text, normalised once so each query only pays for the matching."""

    def __init__(self, texts: Sequence[tuple[int, str]]) -> None:
        from rapidfuzz import utils  # imported on first search, off the start-up path

        self._numbers = [n for n, _ in texts]
        self._texts = [utils.default_process(t) for _, t in texts]

    def find(self, query: str, cutoff: float = CUTOFF) -> list[int]:
        """Numbers of the posts whose text matches `query`, in thread order."""
        from rapidfuzz import fuzz, process, utils

        needle = utils.default_process(query)
        if not needle:
            return []
        hits = {self._numbers[i] for i, text in enumerate(self._texts) if needle in text}
        if len(needle) >= FUZZY_MIN_LENGTH:
            for _choice, _score, index in process.extract_iter(
                needle, self._texts, scorer=fuzz.partial_ratio, score_cutoff=cutoff
            ):
                hits.add(self._numbers[index])
        return sorted(hits)


def next_match(matches: Sequence[int], current: int, step: int) -> int | None:
    """The match after (step 1) or before (step -1) post `current`, wrapping around."""
    if not matches:
        return None
    if step > 0:
        i = bisect_right(matches, current)
        return matches[i] if i < len(matches) else matches[0]
    i = bisect_left(matches, current)
    return matches[i - 1] if i > 0 else matches[-1]
