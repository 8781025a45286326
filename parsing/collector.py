"""One shared pause of Python's cyclic garbage collector for the big batch jobs.

Parsing and scoring each make hundreds of thousands of small objects that form no cycles and are
all kept; collections during the job would rescan the growing heap for nothing (a third of the
time at 10,000 posts, and more than linear growth on big threads). The pause is process-wide, so
it is shared: nested or concurrent jobs (the reader scores in a worker thread) hold one pause, and
the last one out restores the collector exactly as found. The new objects are then filed into the
oldest generation (freeze, unfreeze) so the next collection does not rescan them, unless the
program froze objects of its own, which are left alone.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_users = 0
_was_enabled = False


def hold() -> None:
    """Pause the collector until the matching `release` (for a pause no one block spans, such as
    the reader's start-up, which ends when its first frame is drawn)."""
    global _users, _was_enabled
    with _lock:
        if _users == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _users += 1


def release() -> None:
    """End one `hold`; the last one out restores the collector (see the module docstring)."""
    global _users
    with _lock:
        _users -= 1
        if _users == 0 and _was_enabled:
            if gc.get_freeze_count() == 0:
                gc.freeze()
                gc.unfreeze()
            gc.enable()


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic collector for the duration of the block (see the module docstring)."""
    hold()
    try:
        yield
    finally:
        release()
