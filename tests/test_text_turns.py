"""Where a single line break starts a new post in a bare dump: the weighed cues, the rules
around them, the split a later quote shows, and the tool that fits the weights."""

from __future__ import annotations

import importlib.util
import math
import sys
from types import ModuleType

import pytest

from parsing.models import Source, Thread
from parsing.text_reader import parse_text
from parsing.turns import (
    CUES,
    STACK_CUES,
    STACK_WEIGHTS,
    WEIGHTS,
    PostSoFar,
    cues,
    is_new_post,
    stack_logit,
    turn_probability,
)
from tests.conftest import ROOT, SHARED, needs_shared

SOURCE = Source(path="t.txt", format="text", sha256="0" * 64)
FRESH = PostSoFar(
    lines=1, has_quotes=False, quote_just_before=False, has_paragraphs=False, paragraph_lines=1
)


def parse(text: str) -> Thread:
    return parse_text(text, SOURCE)


def starts(thread: Thread) -> list[int]:
    return [p.lines[0] for p in thread.posts if p.lines]


def test_every_cue_has_a_weight_and_the_decision_follows_the_probability() -> None:
    before, line = "Lorries win below 500 km.", "And the sidings cost a fortune."
    found = cues(before, line, FRESH)
    assert list(found) == list(CUES) == list(WEIGHTS)
    assert found["opens_with_conjunction"] == 1.0 and found["ends_question"] == 0.0
    # Each value sits under its own name (cue_values is positional, WEIGHTS is by name).
    post = PostSoFar(
        lines=4, has_quotes=True, quote_just_before=False, has_paragraphs=True, paragraph_lines=1
    )
    named = cues("Really?!", "i doubt it :) lol", post)
    on = {name for name, value in named.items() if value == 1.0}
    assert on == {
        "bias",
        "ends_exclamation",
        "opens_like_an_answer",
        "opens_lower_case",
        "tiny_before",
        "post_has_quotes",
        "post_has_paragraphs",
        "paragraph_is_one_line",
    }
    assert named["log_post_lines"] == math.log1p(4)
    assert named["log_words_before"] == math.log1p(1)
    p = turn_probability(before, line, FRESH)
    assert 0.0 < p < 1.0
    # The second stage weighs the first stage's log-odds beside the post-edge cues.
    assert set(STACK_WEIGHTS) == set(STACK_CUES) and STACK_WEIGHTS["turn_logit"] > 0
    assert is_new_post(before, line, FRESH) == (stack_logit(before, line, FRESH) >= 0.0)


def test_a_line_ending_with_a_smiley_ends_the_post() -> None:
    ends = "Lorries win below 500 km, everyone in the trade knows that :)"
    plain = "Lorries win below 500 km, everyone in the trade knows that."
    after = "The figures say otherwise for bulk goods."
    assert turn_probability(ends, after, FRESH) > turn_probability(plain, after, FRESH)
    assert starts(parse(f"Rail\n\n{ends}\n{after}\n")) == [3, 4]


def test_a_sentence_running_on_over_a_line_break_stays_one_post() -> None:
    text = (
        "Rail\n\n"
        "Rail freight is cheaper per tonne than road haulage over long\n"
        "distances, and the break-even point is put at about 500 km.\n"
    )
    thread = parse(text)
    assert starts(thread) == [3]
    assert thread.posts[0].body.endswith("about 500 km.")


def test_a_sign_off_ends_the_post_whatever_follows() -> None:
    text = "Rail\n\nFreight is cheaper by rail.\n\n~Anna\nand lorries are simpler\n"
    assert starts(parse(text)) == [3, 6]


def test_a_reply_quoting_the_second_of_two_joined_lines_splits_them_there() -> None:
    """The cues read the two lines as one post ("They ..." goes on); the reply shows otherwise
    by quoting the second line from its start, so the quote points at the post it repeats."""
    first = "Freight trains are slow to load, and the sidings are expensive to build."
    second = "They carry far more per driver than lorries, which keeps the cost per tonne low."
    assert not is_new_post(first, second, FRESH)
    text = f"Rail\n\n{first}\n{second}\n{second}\nOnly on long runs.\n"
    thread = parse(text)
    assert starts(thread) == [3, 4, 5]
    assert [(q.target, q.lines) for q in thread.posts[2].quotes] == [(2, (5, 5))]


def test_a_list_item_is_never_split_off_by_a_later_quote() -> None:
    intro = "Three reasons to electrify the line:"
    items = [
        "1) Freight trains would no longer need diesel locomotives at all.",
        "2) Passenger services could run faster between the two cities.",
        "3) The noise at night would fall for everyone near the tracks.",
    ]
    text = "Rail\n\n" + "\n".join([intro, *items, items[1], "Only the second one matters."])
    thread = parse(text + "\n")
    assert starts(thread) == [3, 7]
    assert [(q.target, q.lines) for q in thread.posts[1].quotes] == [(1, (7, 7))]


def load_fit_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fit_turns", ROOT / "benchmarks" / "fit_turns.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@needs_shared
def test_the_fit_tool_learns_weights_from_threads_with_known_post_starts(
    capsys: pytest.CaptureFixture[str],
) -> None:
    tool = load_fit_tool()
    assert tool.main([str(SHARED / "datasets" / "iac")]) == 0
    out, err = capsys.readouterr()
    table = {
        line.split(":")[0].strip().strip('"'): float(line.split(":")[1].strip().rstrip(","))
        for line in out.splitlines()
        if line.startswith('    "')
    }
    assert list(table) == list(CUES)
    assert all(math.isfinite(w) for w in table.values())
    auc = float(err.split("AUC on ")[1].split(": ")[1].split()[0])
    assert auc > 0.6
