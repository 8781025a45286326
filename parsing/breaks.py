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
from operator import mul

from parsing.edges import EDGE_CUES, edge_cues
from parsing.turns import CUES as TURN_CUES
from parsing.turns import PostSoFar, cue_values

CUES: tuple[str, ...] = (*TURN_CUES, *EDGE_CUES, "in_first_post")

WEIGHTS: dict[str, float] = {
    "bias": -1.46,
    "ends_question": 1.19,
    "ends_exclamation": 0.24,
    "ends_without_punctuation": 0.26,
    "ends_with_ellipsis": -0.27,
    "ends_with_emoticon": 0.84,
    "opens_with_conjunction": -0.74,
    "opens_with_pronoun": 0.57,
    "opens_like_an_answer": 1.11,
    "opens_with_i": -0.72,
    "opens_with_you": 0.12,
    "opens_lower_case": -0.17,
    "opens_with_quote_mark": -0.21,
    "opens_with_emoticon": -0.81,
    "same_first_word": -0.45,
    "log_words_before": 0.18,
    "long_before": -0.03,
    "long": 0.12,
    "very_long": -0.22,
    "tiny": -0.31,
    "tiny_before": -0.69,
    "post_has_quotes": -0.28,
    "quote_just_before": 0.00,
    "log_post_lines": -0.24,
    "post_has_paragraphs": 0.18,
    "log_paragraph_lines": 0.65,
    "paragraph_is_one_line": 0.05,
    "opens_with_greeting": 2.33,
    "opens_with_mention": 1.69,
    "before_closes": 2.51,
    "before_is_a_name": 2.64,
    "line_only_thanks": -3.23,
    "line_is_a_name": -2.35,
    "both_literal": -1.72,
    "line_indented": -2.76,
    "both_list_items": -0.29,
    "in_first_post": -1.17,
}
"""Each cue's weight, fitted by `benchmarks/fit_breaks.py` on the 120 threads of
`../shared/datasets/flat` (all four layouts)."""

THRESHOLD = 0.300
"""The probability from which a paragraph break is a post break (fitted with the weights)."""


def break_cues(before: str, line: str, post: PostSoFar) -> tuple[float, ...]:
    """Every cue of CUES for the paragraph `line` after the paragraph ending with `before`."""
    return (
        *cue_values(before, line, post),
        *edge_cues(before, line),
        post.first,
    )


def break_logit(before: str, line: str, post: PostSoFar) -> float:
    """The weighed sum of the cues: the log-odds that a paragraph break is a post break."""
    return sum(map(mul, (WEIGHTS[name] for name in CUES), break_cues(before, line, post)))


def is_post_break(before: str, line: str, post: PostSoFar) -> bool:
    """Whether to split at a paragraph break between own words `before` and `line`."""
    return break_logit(before, line, post) >= math.log(THRESHOLD / (1 - THRESHOLD))
