"""The reader starts with Python's cyclic garbage collector paused, until its first frame.

Starting the reader builds some 85,000 objects that live as long as the app (Textual's and
pydantic's classes, the parser's models, the parsed thread) and under a thousand that are
garbage. Collections on the way rescan that growing heap for almost nothing: ~40 ms of a 0.5 s
start. `threadscore THREAD` pauses the collector before its first import; the app resumes it once
the first frame with the posts is drawn (and the command line does when the app ends early).

The pause is one hold on `parsing.collector`'s shared pause, so parsing and scoring inside it
nest with it, and resuming files what start-up built into the oldest generation as that module
does; a collector the caller had turned off, and objects the program froze, are left alone.
"""

from __future__ import annotations

from parsing import collector, regex_cache

_held = False


def pause_collector() -> None:
    """Hold the collector off for start-up (once; again is nothing)."""
    global _held
    if not _held:
        collector.hold()
        _held = True


def resume_collector() -> None:
    """Let go of the start-up hold (again, or without one: nothing). Start-up is over then:
    the patterns it compiled are kept for the next start (`regex_cache.keep`)."""
    global _held
    if _held:
        _held = False
        collector.release()
        regex_cache.keep()
