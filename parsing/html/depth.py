"""How deeply a page nests its elements, measured by a linear scan before the HTML parser.

The parser's time grows faster than the nesting (100,000 nested <div> in one post took over
20 s); real pages nest a few dozen levels. Elements of a page deeper than `MAX_DEPTH` are
unwrapped before it is parsed (their words kept), with a one-line warning.
"""

from __future__ import annotations

import re
from itertools import accumulate, count
from operator import sub

MAX_DEPTH = 2_000
"""Deeper than any real page (even with unclosed tags), and parsed in a few milliseconds."""

_NO_CLOSE = (
    "area|base|br|col|embed|hr|img|input|link|meta|param|source|track|wbr"  # void elements
    "|p|li|dt|dd|option|optgroup|tr|td|th|thead|tbody|tfoot|colgroup|rb|rt|rp"  # end optional
)
_TAG = re.compile(
    rf"<(/?)(?!(?:{_NO_CLOSE})(?![\w-]))[a-z][a-z0-9-]*(?:\s[^>]*)?(?<!/)>", re.IGNORECASE
)
"""A start or end tag that needs its pair: the group is "/" for an end tag. Void elements,
self-closed tags (`<x/>`) and tags whose end may be left out (`<p>`, `<li>`) do not match."""


def nesting_depth(html: str) -> int:
    """The deepest nesting of elements that need an end tag: open tags less closed ones, an
    extra end tag never taking the count below where it was. All in C-level steps (a 5 MB page
    in a few tens of milliseconds)."""
    if html.count("<") <= MAX_DEPTH:  # cannot be deeper than its number of tags
        return 0
    ends = _TAG.findall(html)
    if len(ends) <= MAX_DEPTH:
        return 0
    closed = accumulate(map(len, ends))  # end tags so far
    level = list(map(sub, count(1), map((2).__mul__, closed)))  # opens less ends so far
    lowest = accumulate(level, min, initial=0)  # the floor extra end tags pushed it to
    return max(map(sub, level, lowest))


def flatten_deep(html: str, where: str) -> tuple[str, str | None]:
    """`html` with elements deeper than `MAX_DEPTH` unwrapped (their start and end tags dropped,
    their text kept in the element at the cap), and a one-line warning when that happened."""
    if nesting_depth(html) <= MAX_DEPTH:
        return html, None
    kept = dropped = 0

    def tag(match: re.Match[str]) -> str:
        nonlocal kept, dropped
        if not match[1]:  # a start tag
            if kept < MAX_DEPTH:
                kept += 1
                return match[0]
            dropped += 1
            return ""
        if dropped:
            dropped -= 1
            return ""
        kept = max(0, kept - 1)
        return match[0]

    flat = _TAG.sub(tag, html)
    return flat, (
        f"{where}: HTML nested more than {MAX_DEPTH:,} elements deep; the deeper elements "
        "were read as plain text of the one at that depth"
    )
