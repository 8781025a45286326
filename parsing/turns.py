"""Whether a single line break between someone's own words is a new post (a bare dump).

A crawl that drops author names leaves posts separated by one line break, the same break a
writer puts between two lines of one post. No single cue tells them apart, so several weak ones
are weighed together (a logistic model): how the line before ends ("?", "!", an emoticon), how
the line opens (a conjunction or a pronoun goes on; "Yes", "I", "You" may answer), line lengths
(people who write long lines put blank lines between paragraphs), and what the post so far
looks like (a post that has answered a quote is often done; a paragraph that has gone on for
lines goes on). Words shared across the break helped a little but cost a third of the time.

The weights were fitted by `benchmarks/fit_turns.py` on 500 discussions of the Internet
Argument Corpus that are not in `../shared`, and checked on 90 others (see README, "Text
dumps"). The threshold is low because the two mistakes do not cost the same: a wrong split
costs one post start, a wrong join also sends every later quote of the second post to the first.
"""

from __future__ import annotations

import math
import re
from operator import mul
from typing import NamedTuple

from parsing.edges import EDGE_CUES, edge_cues

LONG_LINE_WORDS = 25
"""A line this long is a paragraph written on one line."""

TURN_THRESHOLD = 0.2
"""The probability from which a single line break between own words is a new post."""

_CONJUNCTIONS = frozenset(
    "and but or because which then also however although though yet plus if".split()  # noqa: SIM905
)
_PRONOUNS = frozenset("it this that these those they he she".split())  # noqa: SIM905
_ANSWERS = frozenset(
    (  # noqa: SIM905
        "yes no yeah yep nope well so ok okay lol wow what why how really exactly i you your"
        " you're that's thats sure oh ah hmm um uh haha right wrong true false nonsense agreed"
    ).split()
)
_FIRST_WORD = re.compile(r"\s*([A-Za-z][A-Za-z']*)")
_EMOTICON_END = re.compile(
    r"(?:[:;=]-?[()DPp/\\|]|:[a-z]\w*:?|emoticon_\w+|\b(?:lol|lmao|rofl)\b)\W{0,3}$",
    re.IGNORECASE,
)
_EMOTICON_START = re.compile(r"^\s*(?:[:;=]-?[()DPp]|:[a-z]\w*|emoticon_\w+)", re.IGNORECASE)

WEIGHTS: dict[str, float] = {
    "bias": -1.93,
    "ends_question": 0.46,
    "ends_exclamation": 0.83,
    "ends_without_punctuation": -0.44,
    "ends_with_ellipsis": -0.18,
    "ends_with_emoticon": 2.10,
    "opens_with_conjunction": -0.85,
    "opens_with_pronoun": -0.38,
    "opens_like_an_answer": 0.48,
    "opens_with_i": 0.28,
    "opens_with_you": -0.80,
    "opens_lower_case": 1.06,
    "opens_with_quote_mark": -0.78,
    "opens_with_emoticon": -1.76,
    "same_first_word": -0.54,
    "log_words_before": 0.32,
    "long_before": 0.04,
    "long": 0.33,
    "very_long": 0.34,
    "tiny": 0.65,
    "tiny_before": -0.34,
    "post_has_quotes": 0.58,
    "quote_just_before": 0.31,
    "log_post_lines": 0.22,
    "post_has_paragraphs": 0.18,
    "log_paragraph_lines": -0.93,
    "paragraph_is_one_line": 0.28,
}
"""Each cue's weight (its log-odds for a new post when present); fitted, see the docstring."""


class PostSoFar(NamedTuple):
    """What the post being read looks like when a line of own words follows a single break."""

    lines: int
    has_quotes: bool
    quote_just_before: bool
    has_paragraphs: bool
    paragraph_lines: int
    first: bool = False
    """It is the page's first post (an opening post runs longer than replies)."""


def _may_end_with_emoticon(tail: str) -> bool:
    """A cheap test that rules most lines out before the emoticon pattern runs."""
    return (
        ":" in tail
        or ";" in tail
        or "=" in tail
        or "_" in tail
        or "lol" in tail
        or "lmao" in tail
        or "rofl" in tail
    )


def _first_word(text: str) -> str:
    m = _FIRST_WORD.match(text)
    return m[1] if m else ""


CUES: tuple[str, ...] = tuple(WEIGHTS)
"""The cues in the order `cue_values` gives them."""

_VECTOR = tuple(WEIGHTS[name] for name in CUES)


def cue_values(before: str, line: str, post: PostSoFar) -> tuple[float, ...]:
    """The value of each cue of CUES for `line` after `before` (1 present, 0 absent).

    Written out flat, not per line: it runs at every single break of a bare dump.
    """
    end = before.rstrip()
    last = end[-1:]
    tail = end[-40:].lower()
    word = _first_word(line)
    first = word.lower()
    opening = line.lstrip()[:1]
    n_before, n_line = before.count(" ") + 1, line.count(" ") + 1
    return (
        1.0,
        last == "?",
        last == "!",
        last.isalnum(),
        end.endswith("..."),
        _may_end_with_emoticon(tail) and _EMOTICON_END.search(tail) is not None,
        first in _CONJUNCTIONS,
        first in _PRONOUNS,
        first in _ANSWERS,
        word == "I" or word.startswith("I'"),
        first.startswith("you"),
        opening.islower(),
        opening in ('"', "\u201c"),
        _EMOTICON_START.match(line) is not None,
        bool(first) and _first_word(before).lower() == first,
        math.log1p(n_before),
        n_before >= LONG_LINE_WORDS,
        n_line >= LONG_LINE_WORDS,
        max(n_before, n_line) >= 2 * LONG_LINE_WORDS,
        n_line <= 3,
        n_before <= 3,
        post.has_quotes,
        post.quote_just_before,
        math.log1p(post.lines),
        post.has_paragraphs,
        math.log1p(post.paragraph_lines),
        post.paragraph_lines == 1 and post.has_paragraphs,
    )


def cues(before: str, line: str, post: PostSoFar) -> dict[str, float]:
    """Each cue by name with its value: what `turn_probability` weighs, for reading and fitting."""
    return {
        name: float(value) for name, value in zip(CUES, cue_values(before, line, post), strict=True)
    }


def turn_logit(before: str, line: str, post: PostSoFar) -> float:
    """The weighed sum of the cues: the log-odds that `line` opens a new post."""
    return sum(map(mul, _VECTOR, cue_values(before, line, post)))


def turn_probability(before: str, line: str, post: PostSoFar) -> float:
    """How likely `line`, after a single line break from own words `before`, opens a new post."""
    return 1.0 / (1.0 + math.exp(-turn_logit(before, line, post)))


STACK_CUES: tuple[str, ...] = ("bias", "turn_logit", *EDGE_CUES)
STACK_WEIGHTS: dict[str, float] = {
    "bias": 0.76,
    "turn_logit": 0.79,
    "opens_with_greeting": 2.97,
    "opens_with_mention": 2.81,
    "before_closes": 1.17,
    "before_is_a_name": 1.89,
    "line_only_thanks": -2.76,
    "line_is_a_name": -3.03,
    "both_literal": -3.69,
    "line_indented": -2.93,
    "both_list_items": -1.77,
}
"""The second stage: the cues of `parsing.edges` (thanks, a name, code going on...) weighed
beside the first stage's log-odds. The first stage was fitted on debates whose dumps are no
longer at hand, so the new cues are stacked on it rather than refitted with it; fitted by
`benchmarks/fit_turns.py --stack` on the flattened threads' post edges and single breaks inside
posts, and on the shared IAC debates."""

STACK_THRESHOLD = 0.325
"""The probability from which the second stage splits (fitted with its weights)."""


def stack_logit(before: str, line: str, post: PostSoFar) -> float:
    """The second stage's log-odds that `line` opens a new post."""
    w = STACK_WEIGHTS
    if not w:
        return turn_logit(before, line, post) - math.log(TURN_THRESHOLD / (1 - TURN_THRESHOLD))
    z = w["bias"] + w["turn_logit"] * turn_logit(before, line, post)
    for name, on in zip(EDGE_CUES, edge_cues(before, line), strict=True):
        if on:
            z += w[name]
    return z - math.log(STACK_THRESHOLD / (1 - STACK_THRESHOLD))


def is_new_post(before: str, line: str, post: PostSoFar) -> bool:
    """Whether to split at a single line break between own words `before` and `line`."""
    return stack_logit(before, line, post) >= 0.0
