"""Cues that two lines are rows of one list a writer made, not the end of one post and the
start of the next.

People write lists without bullets: several questions one after another ("What card do you
have?" / "What is your screen's resolution?"), label and value rows ("CPU: Intel i7" /
"RAM: 16 GB"), a short label over its values ("PC1" / "CPU: ..."). Flattened, each row looks
like a short post. A question followed by another question is a list of them; a question
followed by a statement may be its answer. These are cues of both break models
(`parsing.breaks`, `parsing.turns`), weighed by their fitted weights, never by hand.
"""

from __future__ import annotations

import re

_LABEL_ROW = re.compile(r"^\s*(?!https?:)[^\W\d_][\w ()/.#'’-]{0,30}:\s*\S")
"""A row that opens with a short label and a colon ("CPU: Intel", "Operating system: Linux"),
not a web address."""

MAX_LABEL_WORDS = 4
"""A label is a few words: a longer opening before a colon is a sentence introducing."""

MAX_HEAD_WORDS = 3
"""A line this short with no closing punctuation may head the rows under it ("PC1")."""

MAX_UNFINISHED_WORDS = 6
"""A line this short with no punctuation closing or opening it may be a heading or a name that
leads on, or a whole reply ("thanks again", "@lassoan"): the fitted weight says which is likelier.
"""
_ENDS = frozenset(".!?)\"'»:,;(&-—–’”")

ROW_CUES: tuple[str, ...] = (
    "line_is_question",
    "both_questions",
    "line_is_label_row",
    "both_label_rows",
    "before_is_short_head",
    "before_unfinished",
)


def is_label_row(line: str) -> bool:
    """A "label: value" row."""
    return (
        _LABEL_ROW.match(line) is not None
        and line[: line.index(":")].strip().count(" ") < MAX_LABEL_WORDS
    )


def row_cues(before: str, line: str) -> tuple[bool, ...]:
    """Every cue of ROW_CUES for `line` after `before`."""
    end, before_end = line.rstrip()[-1:], before.rstrip()[-1:]
    row = ":" in line[:40] and is_label_row(line)
    return (
        end == "?",
        end == "?" and before_end == "?",
        row,
        row and ":" in before[:40] and is_label_row(before),
        before_end.isalnum()
        and before.count(" ") < MAX_HEAD_WORDS
        and len(before) < 30
        and ":" not in before,
        bool(before_end)
        and before_end not in _ENDS
        and len(before.split()) <= MAX_UNFINISHED_WORDS,
    )
