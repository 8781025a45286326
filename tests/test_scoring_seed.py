"""The scorer on the real seed thread (read from ../shared) and on our own demo thread."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from parsing import Post, Thread, load_thread
from parsing.load import demo_path
from scoring import PostScore, Scorecard, score_thread
from tests.conftest import DATA, SEED, SEED_TRUTH, SHARED, needs_shared

MIN_SEED_RIGHT = 14


def verdicts_by_truth_post(thread: Thread, card: Scorecard, truth: dict) -> dict[int, str]:
    """Truth post number -> verdict of the first parsed post that starts inside it."""
    out: dict[int, str] = {}
    for post, score in zip(thread.posts, card.posts, strict=True):
        if not post.lines:
            continue
        for tp in truth["posts"]:
            a, b = tp["lines"]
            if a <= post.lines[0] <= b:
                out.setdefault(tp["number"], score.verdict)
    return out


def right_verdicts(thread: Thread, card: Scorecard, truth: dict) -> list[int]:
    found = verdicts_by_truth_post(thread, card, truth)
    return [
        tp["number"]
        for tp in truth["posts"]
        if found.get(tp["number"]) in {tp["verdict"], *tp.get("verdict_also_ok", [])}
    ]


@pytest.fixture(scope="module")
def seed() -> tuple[Thread, Scorecard, dict]:
    if not SHARED.is_dir():
        pytest.skip("../shared (real threads and truth files) is not beside the repo")
    thread = load_thread(SEED)
    with SEED_TRUTH.open("rb") as handle:
        truth = tomllib.load(handle)
    return thread, score_thread(thread), truth


def seed_post(seed: tuple[Thread, Scorecard, dict], number: int) -> tuple[Post, PostScore]:
    """The parsed post that starts inside truth post `number`, and its score."""
    thread, card, truth = seed
    a, b = truth["posts"][number - 1]["lines"]
    for post, score in zip(thread.posts, card.posts, strict=True):
        if post.lines and a <= post.lines[0] <= b:
            return post, score
    raise AssertionError(f"the parser found no post starting in lines {a}-{b}")


def span_text(post: Post, start: int, end: int) -> str:
    return post.body[start:end]


@needs_shared
def test_seed_verdicts_match_the_truth(seed: tuple[Thread, Scorecard, dict]) -> None:
    thread, card, truth = seed
    right = right_verdicts(thread, card, truth)
    assert len(right) >= MIN_SEED_RIGHT, f"right: {right}"


@needs_shared
def test_seed_verdicts_through_the_shared_evaluation_tool(tmp_path: Path) -> None:
    parse_json, score_json = tmp_path / "parse.json", tmp_path / "score.json"
    exe = Path(sys.executable).parent / "threadscore"
    parse_json.write_text(subprocess.check_output([exe, "parse", SEED, "--json"], text=True))
    score_json.write_text(subprocess.check_output([exe, "score", SEED, "--json"], text=True))
    tool = SHARED / "tools" / "eval_thread.py"
    cmd = [sys.executable, tool, parse_json, SEED_TRUTH, "--score", score_json]
    result = json.loads(subprocess.check_output(cmd, text=True))
    assert result["verdict_acc"] >= round(MIN_SEED_RIGHT / 15, 3)  # the tool rounds to 3


@needs_shared
def test_seed_post_2_denying_evidence_is_not_evidence(seed) -> None:
    post, score = seed_post(seed, 2)
    assert score.verdict == "asserted"
    phrase = "absolutely no reason or evidence"
    at = post.body.index(phrase)
    denial = [c for c in score.cues if c.kind == "denies-evidence"]
    assert denial and denial[0].start <= at < denial[0].end
    assert span_text(post, denial[0].start, denial[0].end) == denial[0].text
    sentence = next(s for s in score.sentences if s.start <= at < s.end)
    assert sentence.role == "claim"
    assert not [c for c in sentence.cues if c.role == "evidence"]
    # The article it quotes is what it rebuts, not its evidence.
    assert "outside-quote" not in score.evidence_types


@needs_shared
def test_seed_post_3_asking_for_evidence_is_a_challenge(seed) -> None:
    post, score = seed_post(seed, 3)
    assert score.verdict == "challenge"
    ask = next(c for c in score.cues if c.role == "challenge")
    assert ask.kind == "request-evidence"
    assert span_text(post, ask.start, ask.end) == "Can you give"
    assert 2 in score.rebuts
    assert not [c for c in score.cues if c.role == "evidence"]


@needs_shared
def test_seed_post_9_photo_and_first_hand_observation(seed) -> None:
    post, score = seed_post(seed, 9)
    assert score.verdict == "evidenced"
    seen = next(c for c in score.cues if c.evidence_type == "observation")
    assert span_text(post, seen.start, seen.end) == "seen on"
    first = score.sentences[0]
    assert first.text == "A poster seen on Mall Rd. of Lahore."
    assert first.role == "evidence"
    photo = next(c for c in score.cues if c.evidence_type == "attachment")
    assert photo.text == "Nawaz-Putin-Pakistan.jpg"
    assert photo.start == photo.end == len(post.body)


@needs_shared
def test_seed_post_12_statistic(seed) -> None:
    post, score = seed_post(seed, 12)
    assert score.verdict == "evidenced"
    stat = next(c for c in score.cues if c.evidence_type == "statistic")
    assert (stat.kind, span_text(post, stat.start, stat.end)) == ("percentage", "7%")
    assert "statistic" in score.evidence_types
    # "as we saw in ..." names a precedent without describing it: a reason, not evidence.
    allusions = [c for c in score.cues if c.kind == "allusion"]
    assert allusions and {(c.role, c.evidence_type) for c in allusions} == {("reason", None)}
    assert score.reason.startswith("backed by a statistic “7%”")


@needs_shared
def test_seed_post_13_counter_observation(seed) -> None:
    post, score = seed_post(seed, 13)
    assert score.verdict == "evidenced"
    seen = next(c for c in score.cues if c.evidence_type == "observation")
    assert span_text(post, seen.start, seen.end).startswith("images")
    assert span_text(post, seen.start, seen.end).endswith("were also present")
    stance = [c.text for c in score.cues if c.kind == "stance"]
    assert "you're totally wrong" in stance


def test_demo_thread_verdicts_match_our_truth() -> None:
    thread = load_thread(demo_path())
    with (DATA / "demo_thread.expected.toml").open("rb") as handle:
        truth = tomllib.load(handle)
    right = right_verdicts(thread, score_thread(thread), truth)
    assert len(right) >= len(truth["posts"]) - 1, f"right: {right}"


def test_scoring_is_pure_and_repeatable() -> None:
    thread = load_thread(None)
    before = thread.model_copy(deep=True)
    assert score_thread(thread) == score_thread(thread)
    assert thread == before


def test_scoring_leaves_the_garbage_collector_as_it_found_it() -> None:
    thread = load_thread(None)
    assert gc.isenabled()
    score_thread(thread)
    assert gc.isenabled()
    gc.disable()
    try:
        score_thread(thread)
        assert not gc.isenabled()
    finally:
        gc.enable()
