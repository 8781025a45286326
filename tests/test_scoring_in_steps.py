"""Scoring in steps (some posts first, the rest later, then the scorecard) gives exactly the
scorecard `score_thread` gives: the reader scores the posts on screen first and relies on it."""

from __future__ import annotations

import random

import pytest

from parsing import load_thread
from parsing.load import demo_path
from scoring import UserLayer, UserMark, build_scorecard, score_posts, score_thread
from tests.conftest import SEED, needs_shared


def stepwise(thread, user=None):  # type: ignore[no-untyped-def]
    """Score a shuffled handful first, then the rest in uneven batches, and reassemble."""
    order = list(range(len(thread.posts)))
    random.Random(3).shuffle(order)
    scores = {}
    for start in range(0, len(order), 5):
        batch = order[start : start + 5]
        scores.update(zip(batch, score_posts(thread, batch), strict=True))
    return build_scorecard(thread, [scores[i] for i in range(len(thread.posts))], user)


def test_the_demo_scored_in_steps_is_the_same_scorecard() -> None:
    thread = load_thread([demo_path()])
    assert len(thread.posts) > 5
    assert stepwise(thread).model_dump_json() == score_thread(thread).model_dump_json()


@needs_shared
def test_the_seed_scored_in_steps_with_marks_is_the_same_scorecard() -> None:
    thread = load_thread(SEED)
    post = thread.posts[2]
    scored = score_thread(thread).posts[2].verdict
    other = "evidenced" if scored != "evidenced" else "non-argument"
    mark = UserMark(post_id=post.id, post_number=post.number, verdict_override=other, rating=4)
    user = UserLayer(marks={post.id: mark})
    expected = score_thread(thread, user)
    assert stepwise(thread, user).model_dump_json() == expected.model_dump_json()
    assert expected.totals != score_thread(thread).totals  # the override moved the tallies


def test_a_scorecard_needs_every_post_scored() -> None:
    thread = load_thread([demo_path()])
    with pytest.raises(ValueError, match="scores for"):
        build_scorecard(thread, score_posts(thread, range(2)))
