"""Placeholder text reader: one post per paragraph (replaced by the real reader, issue 2)."""

from __future__ import annotations

from parsing.ids import post_id
from parsing.models import Post, Source, Thread


def parse_text(text: str, source: Source) -> Thread:
    """Split on blank lines; no chrome, no quotes yet."""
    posts: list[Post] = []
    seen: dict[str, int] = {}
    start = None
    buf: list[str] = []
    lines = text.split("\n")
    for i, line in enumerate([*lines, ""], start=1):
        if line.strip():
            if start is None:
                start = i
            buf.append(line)
        elif buf and start is not None:
            body = "\n".join(buf)
            posts.append(
                Post(
                    number=len(posts) + 1,
                    id=post_id(None, body, seen),
                    lines=(start, i - 1),
                    body=body,
                )
            )
            buf, start = [], None
    return Thread(source=source, posts=posts)
