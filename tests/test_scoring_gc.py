"""Scoring pauses Python's garbage collector only while it runs, and leaves it exactly as found,
even on error, from several threads at once, and with objects the program froze itself."""

from __future__ import annotations

import gc
import threading

import pytest

from parsing import load_thread
from scoring import score_thread, scorer


def test_an_error_while_scoring_restores_the_collector(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(post: object, language: str = "en") -> None:
        assert not gc.isenabled()  # paused while scoring
        raise RuntimeError("boom")

    monkeypatch.setattr(scorer, "score_post", broken)
    assert gc.isenabled()
    with pytest.raises(RuntimeError, match="boom"):
        score_thread(load_thread(None))
    assert gc.isenabled()


def test_objects_the_program_froze_stay_frozen() -> None:
    thread = load_thread(None)
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert frozen > 0
        score_thread(thread)
        assert gc.get_freeze_count() == frozen
        assert gc.isenabled()
    finally:
        gc.unfreeze()


def test_scoring_in_several_threads_leaves_the_collector_on() -> None:
    thread = load_thread(None)
    start = threading.Barrier(4)
    cards = []

    def work() -> None:
        start.wait()
        for _ in range(5):
            cards.append(score_thread(thread))

    workers = [threading.Thread(target=work) for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert len(cards) == 20 and all(card == cards[0] for card in cards)
    assert gc.isenabled()
