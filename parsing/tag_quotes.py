"""Quotes marked by tags left as text: `[quote="alice, post:3, topic:12"] ... [/quote]`.

Some dumps keep what people typed rather than the rendered page: Discourse's raw topics, BBCode
sources and forum exports (phpBB `[quote="alice":uid]`, SMF `[quote author=alice link=...]`).
There a quote is exactly the lines between its tags, the tag names whom it quotes and often which
post ("post:3"), and a tag is nobody's words. Tags nest (a quote of a quote): only the outermost
pair makes a quote, the inner tags are part of its text. A tag may be glued to the words it
opens or closes (`[quote="X"]words...[/quote]`, migrated posts): that line is in the quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from parsing.headers import QuoteFrame

_OPEN = re.compile(r"\[quote(?:[=\s][^\]]*)?\]", re.IGNORECASE)
_CLOSE = re.compile(r"\[/quote\]", re.IGNORECASE)
_NAME = re.compile(
    r"""^\[quote(?:=\s*["']?(?P<eq>[^"',:\]]+)|[^\]]*?\b(?:author|name)\s*=\s*["']?(?P<kv>[^"'\]]+?)["']?(?:\s+\w+=|\s*\]))""",
    re.IGNORECASE,
)
_POST = re.compile(r"\bpost:\s*(\d+)", re.IGNORECASE)
MIN_TAGGED_QUOTES = 1
"""One closed pair is enough: `[quote` ... `[/quote]` on their own lines is never prose."""
MAX_TAGGED_LINES = 200
"""A quote is part of one post: a `[quote` whose `[/quote]` is further on than this, or past the
next post's header, was never closed (a stray tag in someone's words)."""


@dataclass(frozen=True, slots=True)
class TaggedQuotes:
    """The page's tagged quotes as frames, the post number each names ("post:3"), and the lines
    that hold a tag glued to words (read without the tag)."""

    frames: list[QuoteFrame]
    post_numbers: dict[int, int]
    glued: set[int]


def _author(tag: str) -> str | None:
    m = _NAME.match(tag)
    if m is None:
        return None
    name = (m["eq"] or m["kv"] or "").strip()
    return name or None


def find_tag_quotes(lines: list[str], stops: frozenset[int] = frozenset()) -> TaggedQuotes:
    """Every outermost `[quote...]` ... `[/quote]` pair on the page, as closed frames; no pair
    spans a line of `stops` (the posts' header lines) or more than `MAX_TAGGED_LINES`."""
    frames: list[QuoteFrame] = []
    numbers: dict[int, int] = {}
    glued: set[int] = set()
    depth = 0
    opened: tuple[int, str, bool] | None = None
    for i, line in enumerate(lines):
        if opened is not None and (i in stops or i - opened[0] > MAX_TAGGED_LINES):
            depth, opened = 0, None  # never closed: its tag is someone's words
        if "[" not in line:
            continue
        opens = list(_OPEN.finditer(line))
        closes = list(_CLOSE.finditer(line))
        if not opens and not closes:
            continue
        events = sorted([(m.start(), 1, m) for m in opens] + [(m.start(), -1, m) for m in closes])
        for _, step, m in events:
            if step == 1:
                if depth == 0:
                    rest = _CLOSE.sub("", _OPEN.sub("", line[m.end() :])).strip()
                    opened = (i, m.group(0), bool(rest))
                depth += 1
            elif depth > 0:
                depth -= 1
                if depth == 0 and opened is not None:
                    start, tag, glued_open = opened
                    before = _OPEN.sub("", line[: m.start()]).strip()
                    first = start if glued_open else start + 1
                    last = i if before else i - 1
                    if first <= last:
                        frames.append(QuoteFrame(start, first, last, i, _author(tag), False))
                        if (post := _POST.search(tag)) is not None:
                            numbers[first] = int(post[1])
                        if glued_open:
                            glued.add(start)
                        if before:
                            glued.add(i)
                    opened = None
    if len(frames) < MIN_TAGGED_QUOTES:
        return TaggedQuotes([], {}, set())
    return TaggedQuotes(frames, numbers, glued)


def untagged(line: str) -> str:
    """A line's words without the quote tags glued to them."""
    return _CLOSE.sub("", _OPEN.sub("", line)).strip()
