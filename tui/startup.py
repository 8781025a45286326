"""The reader starts with Python's cyclic garbage collector paused, until its first frame.

Starting the reader builds some 85,000 objects that live as long as the app (Textual's and
pydantic's classes, the parser's models, the parsed thread) and under a thousand that are
garbage. Collections on the way rescan that growing heap for almost nothing: ~40 ms of a 0.5 s
start. `threadscore THREAD` pauses the collector before its first import; the app resumes it once
the first frame with the posts is drawn (and the command line does when the app ends early).

Resuming files what start-up built into the oldest generation, as `parsing.collector` does after
a batch job, so the next collections do not rescan it either; objects the program froze itself
are left alone. Only a pause made here is resumed here: the collector stays as the caller had it.
"""

from __future__ import annotations

import gc

_paused = False


def pause_collector() -> None:
    """Turn the collector off for start-up, when it is on."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume_collector() -> None:
    """Turn the collector back on after a `pause_collector` (again, or without one: nothing)."""
    global _paused
    if not _paused:
        return
    _paused = False
    if gc.get_freeze_count() == 0:
        gc.freeze()
        gc.unfreeze()
    gc.enable()
