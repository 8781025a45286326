"""Whether a paragraph break is a post break, on a page whose posts are apart by blank lines.

Where a page puts posts a blank line apart, as it puts paragraphs (Discourse flattened), the
frame says where some posts end ("7 Likes") and quotes where some replies start; every other
paragraph break is weighed here. The cues are those of `parsing.turns` (how the paragraph
before ends, how the next opens, lengths, the post so far) and a few that mark a post's edges in
forum writing: a greeting or thanks opening the next paragraph, an @mention, thanks or a
sign-off closing the one before. The weights are a logistic model fitted by
`benchmarks/fit_breaks.py` on flattened threads whose post starts are known (every layout's
posts give examples, framed or not: what a post's last paragraph and the next post's first look
like); `benchmarks/flat_holdout.py` refits it without the layout it scores.
"""

from __future__ import annotations

import math
import re
from operator import mul

from parsing.literal import is_list_item, is_literal
from parsing.turns import CUES as TURN_CUES
from parsing.turns import PostSoFar, cue_values

_GREETING = re.compile(
    r"^\s*(?:hi|hello|hey|dear|greetings|thanks|thank you|many thanks|welcome|good (?:morning|"
    r"afternoon|evening))\b",
    re.IGNORECASE,
)
_MENTION = re.compile(r"^\s*@\w")
_CLOSING = re.compile(
    r"(?:\bthanks?(?: you)?(?: (?:in advance|a lot|so much))?|\bcheers|\bregards|\bbest|"
    r"\bthx|\bty)\W{0,3}$",
    re.IGNORECASE,
)
_NAME_ALONE = re.compile(r"^\s*[-~]?\s?[A-Z][\w.'-]{1,24}\s*$")
_THANKS_ALONE = re.compile(
    r"^\s*(?:(?:many |thanks? |thank you |kind |best )?(?:thanks?|thank you|thx|ty|regards|cheers)"
    r"(?: (?:again|in advance|a lot|so much|very much|for (?:your|the) \w+))?)"
    r"\W{0,4}(?:\w+\W{0,2})?$",
    re.IGNORECASE,
)
"""A paragraph that only thanks or greets off ("Thanks in advance!", "Kind regards, Ned"):
it closes the post it stands in."""
_LOG_LINE = re.compile(r"\d{1,2}:\d{2}:\d{2}|^\s*(?:\[\w+\]|\w+:|[-–*>$#])|\(\)|[{};=]\s*$")

EXTRA_CUES: tuple[str, ...] = (
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
CUES: tuple[str, ...] = TURN_CUES + EXTRA_CUES

WEIGHTS: dict[str, float] = {
    "bias": -1.50,
    "ends_question": 1.10,
    "ends_exclamation": 0.33,
    "ends_without_punctuation": 0.26,
    "ends_with_ellipsis": -0.26,
    "ends_with_emoticon": 1.13,
    "opens_with_conjunction": -0.67,
    "opens_with_pronoun": 0.60,
    "opens_like_an_answer": 1.14,
    "opens_with_i": -0.77,
    "opens_with_you": 0.06,
    "opens_lower_case": -0.19,
    "opens_with_quote_mark": -0.18,
    "opens_with_emoticon": -0.71,
    "same_first_word": -0.49,
    "log_words_before": 0.18,
    "long_before": -0.03,
    "long": 0.12,
    "very_long": -0.21,
    "tiny": -0.24,
    "tiny_before": -0.71,
    "post_has_quotes": -0.14,
    "quote_just_before": 0.00,
    "log_post_lines": -0.44,
    "post_has_paragraphs": 0.25,
    "log_paragraph_lines": 0.77,
    "paragraph_is_one_line": 0.05,
    "opens_with_greeting": 2.39,
    "opens_with_mention": 1.73,
    "before_closes": 2.05,
    "before_is_a_name": 2.24,
    "line_only_thanks": -2.97,
    "line_is_a_name": -1.82,
    "both_literal": -1.77,
    "line_indented": -2.72,
    "both_list_items": -0.26,
}
"""Each cue's weight, fitted by `benchmarks/fit_breaks.py` on the 120 threads of
`../shared/datasets/flat` (all four layouts)."""

THRESHOLD = 0.350
"""The probability from which a paragraph break is a post break (fitted with the weights)."""


def break_cues(before: str, line: str, post: PostSoFar) -> tuple[float, ...]:
    """Every cue of CUES for the paragraph `line` after the paragraph ending with `before`."""
    return (
        *cue_values(before, line, post),
        _GREETING.match(line) is not None,
        _MENTION.match(line) is not None,
        _CLOSING.search(before[-40:]) is not None,
        _NAME_ALONE.match(before) is not None,
        len(line) <= MAX_CLOSING_CHARS and _THANKS_ALONE.match(line) is not None,
        len(line) <= MAX_CLOSING_CHARS and _NAME_ALONE.match(line) is not None,
        _looks_literal(before) and _looks_literal(line),
        line[:1].isspace(),
        is_list_item(before) and is_list_item(line),
    )


MAX_CLOSING_CHARS = 48
"""A closing paragraph or a name under a post is short."""


def _looks_literal(line: str) -> bool:
    """Code, a log or a listing: `segment.is_literal`, or a line shaped like a log or code
    statement (a timestamp, "[DEBUG]", "key:", a call "()", a line ending in "{", ";", "=")."""
    return is_literal(line) or _LOG_LINE.search(line) is not None


def break_logit(before: str, line: str, post: PostSoFar) -> float:
    """The weighed sum of the cues: the log-odds that a paragraph break is a post break."""
    return sum(map(mul, (WEIGHTS[name] for name in CUES), break_cues(before, line, post)))


def is_post_break(before: str, line: str, post: PostSoFar) -> bool:
    """Whether to split at a paragraph break between own words `before` and `line`."""
    return break_logit(before, line, post) >= math.log(THRESHOLD / (1 - THRESHOLD))
