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
    "bias": -0.73,
    "ends_question": 0.96,
    "ends_exclamation": -0.22,
    "ends_without_punctuation": 0.06,
    "ends_with_ellipsis": -0.30,
    "ends_with_emoticon": 0.26,
    "opens_with_conjunction": -0.93,
    "opens_with_pronoun": 0.43,
    "opens_like_an_answer": 0.93,
    "opens_with_i": -0.65,
    "opens_with_you": -0.18,
    "opens_lower_case": 0.51,
    "opens_with_quote_mark": -0.17,
    "opens_with_emoticon": -0.85,
    "same_first_word": -0.38,
    "log_words_before": 0.04,
    "long_before": -0.07,
    "long": -0.04,
    "very_long": -0.19,
    "tiny": 0.02,
    "tiny_before": -0.53,
    "post_has_quotes": -0.29,
    "quote_just_before": 0.00,
    "log_post_lines": -0.38,
    "post_has_paragraphs": 0.12,
    "log_paragraph_lines": 0.43,
    "paragraph_is_one_line": 0.24,
    "opens_with_greeting": 2.27,
    "opens_with_mention": 1.55,
    "before_closes": 2.19,
    "before_is_a_name": 1.22,
    "line_only_thanks": -3.58,
    "line_is_a_name": -2.01,
    "both_literal": -1.10,
    "line_indented": -2.79,
    "both_list_items": 0.00,
    "line_is_question": 0.01,
    "both_questions": -0.15,
    "line_is_label_row": -0.21,
    "both_label_rows": -0.12,
    "before_is_short_head": -0.43,
    "before_unfinished": 0.08,
    "in_first_post": -1.23,
    "before_ends_with_colon": 0.18,
    "turns_to_you": 1.04,
    "turns_to_i": 1.17,
    "shared_words": -0.93,
    "other_hand": 0.31,
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
