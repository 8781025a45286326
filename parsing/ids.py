"""Stable post ids: the same post text parsed again gets the same id, wherever it sits."""

from __future__ import annotations

import hashlib


def post_id(author: str | None, text: str, seen: dict[str, int]) -> str:
    """An id from the author and the normalised text; repeats get -2, -3 ... in page order."""
    key = f"{(author or '').strip().lower()}\n{_one_line(text).lower()}"
    digest = hashlib.blake2b(key.encode("utf-8"), digest_size=6).hexdigest()
    n = seen.get(digest, 0) + 1
    seen[digest] = n
    return digest if n == 1 else f"{digest}-{n}"


def _one_line(text: str) -> str:
    """`" ".join(text.split())`: every run of white space made one space, the ends stripped.

    A post's text has lines of single-spaced words with one or two line breaks between them;
    then turning the breaks into spaces gives the same string, without a string per word.
    """
    flat = text.replace("\n\n", "\n").replace("\n", " ")
    if flat.isprintable() and "  " not in flat and flat[:1] != " " and flat[-1:] != " ":
        return flat  # the only white space left is single spaces (any other is unprintable)
    return " ".join(text.split())
