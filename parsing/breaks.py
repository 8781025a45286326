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

EXTRA_CUES: tuple[str, ...] = (
    "opens_with_greeting",
    "opens_with_mention",
    "before_closes",
    "before_is_a_name",
)
CUES: tuple[str, ...] = TURN_CUES + EXTRA_CUES

WEIGHTS: dict[str, float] = {
    "bias": -1.57,
    "ends_question": 0.74,
    "ends_exclamation": 0.41,
    "ends_without_punctuation": 0.19,
    "ends_with_ellipsis": -0.22,
    "ends_with_emoticon": 1.05,
    "opens_with_conjunction": -0.41,
    "opens_with_pronoun": 0.86,
    "opens_like_an_answer": 1.38,
    "opens_with_i": -0.77,
    "opens_with_you": 0.09,
    "opens_lower_case": -0.05,
    "opens_with_quote_mark": -0.13,
    "opens_with_emoticon": -0.53,
    "same_first_word": -0.49,
    "log_words_before": 0.16,
    "long_before": -0.03,
    "long": 0.30,
    "very_long": -0.17,
    "tiny": -0.44,
    "tiny_before": -0.68,
    "post_has_quotes": -0.02,
    "quote_just_before": 0.00,
    "log_post_lines": -0.59,
    "post_has_paragraphs": 0.25,
    "log_paragraph_lines": 0.82,
    "paragraph_is_one_line": -0.07,
    "opens_with_greeting": 1.56,
    "opens_with_mention": 2.06,
    "before_closes": 1.91,
    "before_is_a_name": 2.38,
}
"""Each cue's weight, fitted by `benchmarks/fit_breaks.py` on the 120 threads of
`../shared/datasets/flat` (all four layouts)."""

THRESHOLD = 0.300
"""The probability from which a paragraph break is a post break (fitted with the weights)."""


def break_cues(before: str, line: str, post: PostSoFar) -> tuple[float, ...]:
    """Every cue of CUES for the paragraph `line` after the paragraph ending with `before`."""
    return (
        *cue_values(before, line, post),
        _GREETING.match(line) is not None,
        _MENTION.match(line) is not None,
        _CLOSING.search(before[-40:]) is not None,
        _NAME_ALONE.match(before) is not None,
    )


def break_logit(before: str, line: str, post: PostSoFar) -> float:
    """The weighed sum of the cues: the log-odds that a paragraph break is a post break."""
    return sum(map(mul, (WEIGHTS[name] for name in CUES), break_cues(before, line, post)))


def is_post_break(before: str, line: str, post: PostSoFar) -> bool:
    """Whether to split at a paragraph break between own words `before` and `line`."""
    return break_logit(before, line, post) >= math.log(THRESHOLD / (1 - THRESHOLD))
