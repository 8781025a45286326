"""Whether the next paragraph speaks in the voice of the post it may continue.

Where posts are a blank line apart, as their paragraphs are, the words of a paragraph still
tell who wrote them: the one asking speaks of "I" and "my", the one answering of "you" and
"your", and each writes in their own hand (lower-case sentence starts, a lone "i", emoji codes,
"!", straight or curly apostrophes). A paragraph that turns from the post's voice to the other,
that shares few words with the paragraph before it, or that writes in another hand, more
likely opens the next post. These are cues of `parsing.breaks`, weighed by its fitted model.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_FIRST = re.compile(r"\b(?:i|i'm|i’m|i've|i’ve|i'd|i’d|my|me)\b", re.IGNORECASE)
_SECOND = re.compile(r"\b(?:you|your|you're|you’re|you've|you’ve|you'd|you’d)\b", re.IGNORECASE)
_WORD = re.compile(r"[a-z][a-z'’]{3,}")
_LOWER_START = re.compile(r"(?:^|[.!?] )[a-z]")
_LONE_I = re.compile(r"\bi\b")
_EMOJI_CODE = re.compile(r":[a-z_]+:")

MAX_VOICE_CHARS = 2000
"""How much of the post so far (its end) and of the next paragraph (its start) the voice is read
from: enough for a writer's habits, and a bound on the cost of a page of endless posts."""

MIN_STYLE_WORDS = 12
"""Both texts must be this long for their hands to be compared: a short one shows too little."""

VOICE_CUES: tuple[str, ...] = ("turns_to_you", "turns_to_i", "shared_words", "other_hand")


class Voice(NamedTuple):
    """What a stretch of text shows of its writer."""

    first: int
    """How often it says "I", "my", "me"."""
    second: int
    """How often it says "you", "your"."""
    words: int
    hand: tuple[bool, ...]
    """Habits of writing: lower-case sentence starts, a lone "i", emoji codes, "!", a straight
    apostrophe, a curly one."""


def voice(text: str) -> Voice:
    """The voice of `text`."""
    return Voice(
        len(_FIRST.findall(text)),
        len(_SECOND.findall(text)),
        text.count(" ") + 1,
        (
            _LOWER_START.search(text) is not None,
            _LONE_I.search(text) is not None,
            _EMOJI_CODE.search(text) is not None,
            "!" in text,
            "'" in text,
            "’" in text,
        ),
    )


def voice_cues(post: str, previous: str, following: str) -> tuple[float, ...]:
    """Every cue of VOICE_CUES for the paragraph `following` after the post so far `post`,
    whose last paragraph is `previous`."""
    post, previous = post[-MAX_VOICE_CHARS:], previous[-MAX_VOICE_CHARS:]
    following = following[:MAX_VOICE_CHARS]
    was, now = voice(post), voice(following)
    before_words = set(_WORD.findall(previous.lower()))
    after_words = set(_WORD.findall(following.lower()))
    long_enough = was.words >= MIN_STYLE_WORDS and now.words >= MIN_STYLE_WORDS
    return (
        float(was.first > was.second and now.second > now.first),
        float(was.second > was.first and now.first > now.second),
        len(before_words & after_words) / (len(after_words) + 1),
        float(sum(a != b for a, b in zip(was.hand, now.hand, strict=True))) if long_enough else 0.0,
    )
