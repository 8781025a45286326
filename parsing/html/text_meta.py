"""Post numbers and authors that a page of an unknown engine shows only as words: a post number
as `#3` (no id in the markup) and an author inside a "by X on <date>" line ("von X am ...",
"par X le ...") rather than in a link or a name-classed element."""

from __future__ import annotations

import re
from collections.abc import Callable

from selectolax.lexbor import LexborNode

from parsing.html.text import inline_text

_NUMBER = re.compile(r"^(?:post\s*|message\s*|beitrag\s*|n[°o]\.?\s*)?#\s*(\d{1,7})$", re.I)
_BY = r"by|posted\s+by|von|par|di|da|door|por|av|af|przez|от"
_ON = r"on|at|am|um|le|à|il|op|el|em|den|dnia|»|-|–|—|,"
_BY_LINE = re.compile(
    rf"^(?:{_BY})\s+(?P<name>\S(?:.{{0,38}}?\S)?)\s+(?:{_ON})\s+(?P<rest>.*\d.*)$", re.I
)
MAX_LINE = 120


def number_text(member: LexborNode, outside: Callable[[LexborNode], bool]) -> str | None:
    """A post number the member shows as words ("#12", "Post #12"), outside its body."""
    for node in member.css("a, span, div, strong, b, small, em, li, td, p"):
        text = inline_text(node)
        if len(text) <= 20:
            m = _NUMBER.match(text)
            if m and outside(node):
                return m[1]
    return None


def by_line_name(member: LexborNode, outside: Callable[[LexborNode], bool]) -> str | None:
    """The author of a "by X on <date>" line outside the body (the link's words when X is one)."""
    for node in member.css("p, div, span, td, li, small, em, h2, h3, h4, h5, h6"):
        text = inline_text(node)
        if len(text) > MAX_LINE or not outside(node):
            continue
        m = _BY_LINE.match(text)
        if m is None:
            continue
        for link in node.css("a"):
            words = inline_text(link)
            if words and words in m["name"]:
                return words
        return m["name"]
    return None
