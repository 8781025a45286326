"""Cues that mark a post's edges in forum writing, whatever the layout: a greeting, an
@mention or thanks opening the next line, thanks or a name closing the one before, a line that
only thanks (it closes the post it stands in), code or a log going on, an indented line, a list
going on. Both break models weigh them (`parsing.breaks` at paragraph breaks, `parsing.turns`
at single breaks); their weights are fitted, never set by hand.
"""

from __future__ import annotations

import re
from functools import lru_cache

from parsing.literal import is_list_item, is_literal

_GREETING = re.compile(
    r"^\s*(?:hi|hello|hey|dear|greetings|thanks|thank you|many thanks|welcome|good (?:morning|"
    r"afternoon|evening))\b",
    re.IGNORECASE,
)
_MENTION = re.compile(r"^\s*@\w")
_CLOSING = re.compile(
    r"(?:\bthanks?(?: you)?(?: (?:in advance|a lot|so much))?|\bcheers|\bregards|\bbest|"
    r"\bthx|\bty|\bhope (?:it|this|that) helps)(?:,? @[\w.-]+)*\W{0,3}(?::[a-z_]+:)?\s*$"
    r"|^\s*(?::[a-z0-9_+-]+:\s*)+$",
    re.IGNORECASE,
)


def _closes(tail: str) -> bool:
    """`_CLOSING.search(tail)`: whether `tail` ends in thanks, a closing formula or shortcodes.

    The pattern tries its alternatives at every position of every line it is asked about; an
    ASCII tail with no ":" (which the shortcodes need) and none of the formulas' words cannot
    match, and most tails are such (three times cheaper to tell)."""
    if tail.isascii() and ":" not in tail:
        low = tail.lower()
        if not (
            "thank" in low
            or "thx" in low
            or "ty" in low
            or "best" in low
            or "cheers" in low
            or "regards" in low
            or "hope" in low
        ):
            return False
    return _CLOSING.search(tail) is not None


_NAME_ALONE = re.compile(r"^\s*[-~]?\s?[A-Z][\w.'-]{0,23}[\w'-]\s*$")
_NOT_A_NAME = re.compile(
    r"(?:yes|no|yeah|yep|nope|ok|okay|sure|right|true|false|agreed|exactly|indeed|thanks?"
    r"|hi|hello|hey|cheers|regards|best|why|what|how|really)$",
    re.IGNORECASE,
)


def _is_name(line: str) -> bool:
    """A name alone on its line ("Alessia", "-Mach"): one capitalised word, not ending as a
    sentence does, and not a word a reply is made of ("Yes", "Thanks")."""
    return _NAME_ALONE.match(line) is not None and _NOT_A_NAME.match(line.strip(" -~")) is None


_THANKS_ALONE = re.compile(
    r"^\s*(?:(?:many |thanks? |thank you |kind |best )?(?:thanks?|thank you|thx|ty|regards|cheers)"
    r"(?: (?:again|in advance|a lot|so much|very much|for (?:your|the) \w+))?)"
    r"\W{0,4}(?:\w+\W{0,2})?$",
    re.IGNORECASE,
)
"""A paragraph that only thanks or greets off ("Thanks in advance!", "Kind regards, Ned"):
it closes the post it stands in."""
_LOG_OPENING = re.compile(r"\s*(?:\[\w+\]|\w+:|[-–*>$#])")
_CLOCK = re.compile(r"\d{1,2}:\d{2}:\d{2}")

MAX_CLOSING_CHARS = 48
"""A closing paragraph or a name under a post is short."""

EDGE_CUES: tuple[str, ...] = (
    "opens_with_greeting",
    "opens_with_mention",
    "before_closes",
    "before_is_a_name",
    "line_only_thanks",
    "line_is_a_name",
    "both_literal",
    "line_indented",
    "both_list_items",
)


@lru_cache(maxsize=256)
def looks_literal(line: str) -> bool:
    """Code, a log or a listing: `literal.is_literal`, or a line shaped like a log or code
    statement (a timestamp, "[DEBUG]", "key:", a call "()", a line ending in "{", ";", "=").

    Cached: a line is asked about as the line after a break, then as the line before the next.
    """
    return (
        "()" in line
        or line.rstrip()[-1:] in _CODE_ENDS
        or _LOG_OPENING.match(line) is not None
        or (":" in line and _CLOCK.search(line) is not None)
        or is_literal(line)
    )


_CODE_ENDS = frozenset("{};=")


def edge_cues(before: str, line: str) -> tuple[bool, ...]:
    """Every cue of EDGE_CUES for `line` after `before`."""
    short = len(line) <= MAX_CLOSING_CHARS
    return (
        _GREETING.match(line) is not None,
        "@" in line[:8] and _MENTION.match(line) is not None,
        _closes(before[-40:]),
        len(before) <= MAX_CLOSING_CHARS and _is_name(before),
        short and _THANKS_ALONE.match(line) is not None,
        short and _is_name(line),
        looks_literal(line) and looks_literal(before),
        line[:1].isspace(),
        is_list_item(before) and is_list_item(line),
    )


_ADDRESS_ALONE = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$", re.IGNORECASE)


def closes_a_post(line: str) -> bool:
    """A short line that ends a post rather than heading what follows: thanks or a closing
    formula ("Best", "Hope it helps"), a name signing, a web address alone."""
    return _closes(line[-40:]) or _is_name(line) or _ADDRESS_ALONE.match(line) is not None


_MENTIONS_ALONE = re.compile(r"^\s*(?:@[\w.-]+[\s,;:]*(?:and\s+)?)+$")


def formulaic(line: str) -> bool:
    """A line anyone may write word for word without quoting anybody: thanks alone, a line of
    @mentions. Repeating one proves no quote."""
    return (
        len(line) <= MAX_CLOSING_CHARS and _THANKS_ALONE.match(line) is not None
    ) or _MENTIONS_ALONE.match(line) is not None


_TAG = re.compile(r"^\s*\[/?quote\b[^\]]*\]\s*$", re.IGNORECASE)
MAX_ANNOUNCING_WORDS = 2
"""An attribution is a name and a colon, a "said" or "wrote" at most ("alice:", "Bob said:");
longer lines ending in a colon introduce the poster's own words ("Here is what I got:")."""


def announces_quote(line: str) -> bool:
    """A line that only announces the quote under it: a name and a colon ("lassoan:", as
    Discourse prints a quote's author; "Bob said:"), or a quote tag left as text
    ('[quote="alice, post:3, topic:12"]', Discourse's raw text, BBCode sources). It looks like
    a log line ("key:", brackets) but opens no log: the line under it is someone's quoted
    words."""
    text = line.strip()
    if text.endswith(":"):
        return len(text.split()) <= MAX_ANNOUNCING_WORDS
    return text[:1] == "[" and _TAG.match(text) is not None
