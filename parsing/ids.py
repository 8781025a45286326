"""Stable post ids: the same post text parsed again gets the same id, wherever it sits."""

from __future__ import annotations

import hashlib


def post_id(author: str | None, text: str, seen: dict[str, int]) -> str:
    """An id from the author and the normalised text; repeats get -2, -3 ... in page order."""
    key = f"{(author or '').strip().lower()}\n{' '.join(text.split()).lower()}"
    digest = hashlib.blake2b(key.encode("utf-8"), digest_size=6).hexdigest()
    n = seen.get(digest, 0) + 1
    seen[digest] = n
    return digest if n == 1 else f"{digest}-{n}"
