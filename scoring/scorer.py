"""Score a whole thread: every post, the tallies, and the user's layer, as one Scorecard."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from parsing.models import Thread
from scoring.models import SCHEMA_VERSION, Scorecard, UserLayer
from scoring.tally import tally_scores, with_effective_tallies
from scoring.verdicts import score_post

_gc_lock = threading.Lock()
_gc_users = 0
_gc_was_enabled = False


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector, for the whole process, while a scorecard is built.

    Why: scoring makes hundreds of thousands of small objects and keeps them all, so collections
    would rescan a growing heap for nothing (a third of the time on 10,000 posts, enough to miss
    the one-second target). It is scoped so that other threads (the reader's UI) are not
    surprised: nested or concurrent scorings share one pause and the last one out restores the
    collector exactly as found, in `finally`; the new objects are then filed into the oldest
    generation (freeze, unfreeze) so the UI thread's next collection does not rescan them,
    unless the program froze objects of its own, which are then left alone.
    """
    global _gc_users, _gc_was_enabled
    with _gc_lock:
        if _gc_users == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_users += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_users -= 1
            if _gc_users == 0 and _gc_was_enabled:
                if gc.get_freeze_count() == 0:
                    gc.freeze()
                    gc.unfreeze()
                gc.enable()


def score_thread(thread: Thread, user: UserLayer | None = None) -> Scorecard:
    """Score `thread` (pure: same thread, same card); `user` is carried over unchanged, and
    the tallies follow its verdict overrides."""
    with _collector_paused():
        posts = [score_post(post) for post in thread.posts]
        authors, totals = tally_scores(posts)
        card = Scorecard(
            schema_version=SCHEMA_VERSION,
            fingerprint=thread.source.sha256,
            source_path=thread.source.path,
            title=thread.title,
            posts=posts,
            authors=authors,
            totals=totals,
            user=user or UserLayer(),
        )
    return with_effective_tallies(card) if user is not None and user.marks else card
