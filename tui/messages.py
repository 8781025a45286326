"""What the reader's workers tell the reader screen: one message per loading step, and the export.

The loader (`ReaderScreen`'s workers, steps in `tui.loader`) runs off the UI thread and only
ever posts these; the screen handles them in order on the UI thread. A step that fails posts its
own message, so the screen never waits for something that will not come.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from scoring.models import PostScore, Scorecard
    from tui.loader import MarksRead, ThreadRead


@dataclass
class ThreadParsed(Message):
    """The thread is read and its saved position found: the posts can go on screen."""

    read: ThreadRead


@dataclass
class ThreadPreview(Message):
    """The first posts of a big text dump, parsed from its opening while the rest is read: they
    go on screen at once; the whole thread's `ThreadParsed` replaces them."""

    read: ThreadRead


@dataclass
class LoadFailed(Message):
    """The thread could not be read: `reason` is one cleaned line for the command line."""

    reason: str


@dataclass
class MarksLoaded(Message):
    """The user's saved marks, re-attached to this thread's posts (edits may start now)."""

    marks: MarksRead


@dataclass
class ScoresReady(Message):
    """Verdicts for some posts (`scores`), or for all of them with the tallies (`card`).

    The scorer may send the posts on screen first and the rest later: every message adds its
    scores; the one with `card` set is the last.
    """

    scores: list[PostScore]
    card: Scorecard | None = None


@dataclass
class ScoringFailed(Message):
    """The scorer raised: the reader goes on without verdicts (marks still save)."""

    reason: str


@dataclass
class Exported(Message):
    """The export worker is done: `said` is the notice, `ok` whether the file was written."""

    said: str
    ok: bool


@dataclass
class ExportProgress(Message):
    """The export worker has written `percent` of the scorecard file."""

    percent: int
