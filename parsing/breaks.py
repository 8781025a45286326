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
    "bias": -0.46,
    "ends_question": 0.98,
    "ends_exclamation": -0.11,
    "ends_without_punctuation": 0.21,
    "ends_with_ellipsis": -0.32,
    "ends_with_emoticon": 0.41,
    "opens_with_conjunction": -0.98,
    "opens_with_pronoun": 0.28,
    "opens_like_an_answer": 1.10,
    "opens_with_i": -0.83,
    "opens_with_you": -0.48,
    "opens_lower_case": 0.55,
    "opens_with_quote_mark": -0.20,
    "opens_with_emoticon": -0.78,
    "same_first_word": -0.37,
    "log_words_before": -0.06,
    "long_before": 0.02,
    "long": -0.03,
    "very_long": -0.15,
    "tiny": -0.00,
    "tiny_before": -0.83,
    "post_has_quotes": -0.24,
    "quote_just_before": 0.00,
    "log_post_lines": -0.31,
    "post_has_paragraphs": -0.06,
    "log_paragraph_lines": 0.32,
    "paragraph_is_one_line": 0.45,
    "opens_with_greeting": 2.54,
    "opens_with_mention": 1.52,
    "before_closes": 1.78,
    "before_is_a_name": 0.22,
    "line_only_thanks": -3.76,
    "line_is_a_name": -2.09,
    "both_literal": -0.96,
    "line_indented": -2.58,
    "both_list_items": 0.00,
    "line_is_question": 0.03,
    "both_questions": -0.19,
    "line_is_label_row": -0.14,
    "both_label_rows": 0.33,
    "before_is_short_head": 0.56,
    "before_unfinished": 0.25,
    "in_first_post": -1.20,
    "before_ends_with_colon": 0.61,
    "turns_to_you": 0.85,
    "turns_to_i": 1.09,
    "shared_words": -0.77,
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
