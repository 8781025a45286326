"""Scoring stays linear on hostile text: no pattern may rescan a long run from every start."""

from __future__ import annotations

import time

import pytest

from scoring.roles import score_sentences

LIMIT_SECONDS = 5.0
"""Generous on purpose (a loaded machine); the quadratic cases this guards took 20-90 s."""


@pytest.mark.parametrize(
    "text",
    [
        "1," * 20_000,
        "$1," * 20_000,
        "..." * 20_000,
        "!?" * 20_000,
        ":(" * 20_000,
        "a\n" * 20_000,
        "1 of " * 20_000,
        "study " + "word " * 20_000,
        "I saw " * 20_000,
    ],
    ids=["digits", "money", "dots", "bangs", "emoticons", "lines", "of", "study", "saw"],
)
def test_long_runs_are_scored_in_linear_time(text: str) -> None:
    start = time.process_time()
    sentences = score_sentences(text)
    assert time.process_time() - start < LIMIT_SECONDS
    assert sentences and sentences[-1].end <= len(text)
