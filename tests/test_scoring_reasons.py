"""The "why" line and the cue list agree: claims are claim sentences, their cues the words
that made them, and reasons are never called evidence. Checked on every post of real threads."""

from __future__ import annotations

from pathlib import Path

import pytest

from parsing import Attachment, Post, load_thread
from scoring import PostScore, score_thread
from scoring.verdicts import score_post
from tests.conftest import SEED, SHARED, needs_shared

REAL = [SEED, *sorted((SHARED / "datasets" / "iac").glob("*.bare.txt"))]


def claim_sentences(score: PostScore) -> list[int]:
    return [
        i
        for i, s in enumerate(score.sentences)
        if s.role == "claim"
        or (s.role in ("evidence", "reason") and any(c.role == "claim" for c in s.cues))
    ]


def check_post(score: PostScore) -> None:
    counted = claim_sentences(score)
    assert score.claims == len(counted)
    for i, sentence in enumerate(score.sentences):
        for cue in sentence.cues:
            if cue.role == "claim":
                assert i in counted, (score.number, sentence.text, cue.text)
            if cue.role == "evidence":
                assert cue.evidence_type, cue
    noun = "claim sentence" if score.claims == 1 else "claim sentences"
    said = f"{score.claims} {noun} (" if score.claims else "no separate claim sentence"
    if score.verdict == "asserted":
        assert score.reason.startswith("nothing checkable, no reason given; ")
        assert said in score.reason
    if score.verdict == "reasoned":
        assert score.reason.startswith(("reasons given", "grounds "))
        assert ", nothing checkable; " in score.reason
        assert said in score.reason
        assert score.reasons or any(c.role == "reason" for c in score.cues)
    if score.verdict == "evidenced":
        assert score.reason.startswith("backed by ")
        tail = f"{score.claims} {noun}" if score.claims else "the evidence is its claim"
        assert f"; {tail}" in score.reason
    decided = [i for i, s in enumerate(score.sentences) if s.weighed]
    if "the model decided" in score.reason:
        assert decided
    if score.verdict == "challenge":
        assert score.reason.startswith(("asks for evidence", "questions another post"))


@needs_shared
@pytest.mark.parametrize("path", REAL, ids=lambda p: Path(p).name)
def test_every_reason_matches_its_cues_on_real_threads(path: Path) -> None:
    card = score_thread(load_thread(path))
    for score in card.posts:
        check_post(score)


def test_a_reason_given_is_said_to_be_no_evidence() -> None:
    score = score_post(
        Post(number=1, id="p1", body="The council should close it because the air is bad.")
    )
    assert score.verdict == "reasoned"
    assert score.claims == 1
    assert [(c.role, c.text) for c in score.cues if c.kind == "reason"] == [("reason", "because")]
    assert score.reason.startswith(
        "grounds “because”, nothing checkable; "
        "1 claim sentence (sentence 1, cue words “should”, “bad”)"
    )


def test_the_issue_example_of_a_reason_is_reasoned_not_asserted() -> None:
    """A premise in the annotators' sense: grounds for a claim, nothing checkable."""
    body = "Clothes have become cheap, thus they are no longer a status symbol."
    score = score_post(Post(number=1, id="p1", body=body))
    assert score.verdict == "reasoned"
    assert "nothing checkable" in score.reason


def test_the_reason_names_the_backing_and_where_it_is() -> None:
    body = (
        "Everyone knows the square is the best place for it. "
        "We counted 212 of 430 receipts from village postcodes. "
        "Should we ask the shops?"
    )
    score = score_post(
        Post(number=1, id="p1", body=body, attachments=[Attachment(name="receipts.jpg")])
    )
    assert score.verdict == "evidenced"
    assert score.claims == 1  # the question claims nothing
    assert score.reason == (
        "backed by a statistic “212 of 430”, a first-hand observation “We counted” and an "
        "attached file “receipts.jpg” (sentence 2); 1 claim sentence"
    )


def test_an_evidenced_post_without_a_separate_claim_says_so_not_zero_claims() -> None:
    post = Post(number=1, id="p1", body="The 2019 council survey counted 4,200 cyclists a day.")
    score = score_post(post)
    assert score.verdict == "evidenced" and score.claims == 0
    assert "; the evidence is its claim" in score.reason
    assert "0 claim" not in score.reason
