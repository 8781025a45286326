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
from typing import NamedTuple

from parsing.edges import EDGE_CUES, edge_cues
from parsing.rows import ROW_CUES, row_cues
from parsing.turns import CUES as TURN_CUES
from parsing.turns import PostSoFar, cue_values
from parsing.voice import VOICE_CUES, voice_cues

CUES: tuple[str, ...] = (
    *TURN_CUES,
    *EDGE_CUES,
    *ROW_CUES,
    "in_first_post",
    "before_ends_with_colon",
    *VOICE_CUES,
)

WEIGHTS: dict[str, float] = {
    "bias": -1.20,
    "ends_question": 1.02,
    "ends_exclamation": 0.02,
    "ends_without_punctuation": -0.05,
    "ends_with_ellipsis": -0.27,
    "ends_with_emoticon": 2.00,
    "opens_with_conjunction": -0.89,
    "opens_with_pronoun": 0.47,
    "opens_like_an_answer": 0.93,
    "opens_with_i": -0.75,
    "opens_with_you": -0.07,
    "opens_lower_case": -0.08,
    "opens_with_quote_mark": -0.12,
    "opens_with_emoticon": -0.83,
    "same_first_word": -0.24,
    "log_words_before": 0.14,
    "long_before": -0.07,
    "long": -0.06,
    "very_long": -0.23,
    "tiny": 0.02,
    "tiny_before": -0.80,
    "post_has_quotes": -0.29,
    "quote_just_before": 0.00,
    "log_post_lines": -0.25,
    "post_has_paragraphs": 0.03,
    "log_paragraph_lines": 0.58,
    "paragraph_is_one_line": 0.07,
    "opens_with_greeting": 2.06,
    "opens_with_mention": 1.58,
    "before_closes": 2.22,
    "before_is_a_name": 2.28,
    "line_only_thanks": -3.39,
    "line_is_a_name": -2.37,
    "both_literal": -1.53,
    "line_indented": -2.67,
    "both_list_items": -0.31,
    "line_is_question": -0.00,
    "both_questions": -0.02,
    "line_is_label_row": -0.19,
    "both_label_rows": -0.24,
    "before_is_short_head": 0.15,
    "before_unfinished": 0.29,
    "in_first_post": -1.17,
    "before_ends_with_colon": -1.86,
    "turns_to_you": 1.12,
    "turns_to_i": 1.32,
    "shared_words": -0.92,
    "other_hand": 0.29,
}
"""Each cue's weight, fitted by `benchmarks/fit_breaks.py` on the 120 threads of
`../shared/datasets/flat` (all four layouts)."""

THRESHOLD = 0.325
"""The probability from which a paragraph break is a post break (fitted with the weights)."""


class Paragraphs(NamedTuple):
    """The words around a paragraph break: what the voice cues compare."""

    post: str
    """The post so far, its own words."""
    previous: str
    """Its last paragraph."""
    following: str
    """The paragraph after the break."""


def break_cues(
    before: str, line: str, post: PostSoFar, around: Paragraphs | None = None
) -> tuple[float, ...]:
    """Every cue of CUES for the paragraph `line` after the paragraph ending with `before`
    (`around` defaults to those two lines alone)."""
    if around is None:
        around = Paragraphs(before, before, line)
    return (
        *cue_values(before, line, post),
        *edge_cues(before, line),
        *row_cues(before, line),
        post.first,
        before.rstrip().endswith(":"),
        *voice_cues(around.post, around.previous, around.following),
    )


def break_logit(before: str, line: str, post: PostSoFar, around: Paragraphs | None = None) -> float:
    """The weighed sum of the cues: the log-odds that a paragraph break is a post break."""
    cues = break_cues(before, line, post, around)
    return sum(map(mul, (WEIGHTS[name] for name in CUES), cues))


def is_post_break(before: str, line: str, post: PostSoFar, around: Paragraphs) -> bool:
    """Whether to split at a paragraph break between own words `before` and `line`."""
    return break_logit(before, line, post, around) >= math.log(THRESHOLD / (1 - THRESHOLD))
