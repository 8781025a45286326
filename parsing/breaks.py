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
    "bias": -0.18,
    "ends_question": 0.94,
    "ends_exclamation": -0.12,
    "ends_without_punctuation": 0.23,
    "ends_with_ellipsis": -0.82,
    "ends_with_emoticon": 0.59,
    "opens_with_conjunction": -0.97,
    "opens_with_pronoun": 0.22,
    "opens_like_an_answer": 0.98,
    "opens_with_i": -0.66,
    "opens_with_you": -0.28,
    "opens_lower_case": 0.58,
    "opens_with_quote_mark": -1.07,
    "opens_with_emoticon": -0.74,
    "same_first_word": -0.38,
    "log_words_before": -0.11,
    "long_before": 0.06,
    "long": -0.14,
    "very_long": -0.13,
    "tiny": 0.00,
    "tiny_before": -0.82,
    "post_has_quotes": -0.46,
    "quote_just_before": 0.00,
    "log_post_lines": -0.46,
    "post_has_paragraphs": 0.01,
    "log_paragraph_lines": 0.40,
    "paragraph_is_one_line": 0.41,
    "opens_with_greeting": 2.54,
    "opens_with_mention": 1.55,
    "before_closes": 1.73,
    "before_is_a_name": 0.10,
    "line_only_thanks": -3.73,
    "line_is_a_name": -1.93,
    "both_literal": -0.88,
    "line_indented": -2.59,
    "both_list_items": 0.00,
    "line_is_question": 0.13,
    "both_questions": -0.32,
    "line_is_label_row": -0.21,
    "both_label_rows": -0.10,
    "before_is_short_head": 0.72,
    "before_unfinished": 0.05,
    "in_first_post": -1.08,
    "before_ends_with_colon": 0.48,
    "turns_to_you": 0.80,
    "turns_to_i": 0.99,
    "shared_words": -0.72,
    "other_hand": 0.26,
}
"""Each cue's weight, fitted by `benchmarks/fit_breaks.py` on the 120 threads of
`../shared/datasets/flat` (all four layouts) and the shared IAC debates, at the breaks no rule
decides first."""

THRESHOLD = 0.350
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
