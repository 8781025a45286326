"""The reader's loading steps: read the thread, then the user's marks, then the scores.

Plain functions, free of Textual: the reader screen runs them in its workers (off the UI thread)
and turns each result into a message (`tui.messages`). The scorer's modules take ~150 ms to
import, so nothing from `scoring` is imported before the posts are on screen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from parsing.errors import ThreadscoreError
from tui.safe import one_line
from tui.search import SearchIndex
from tui.state import (
    LoadedLayer,
    ThreadFiles,
    UiState,
    file_stamp,
    load_ui_state,
    load_user_layer,
    peek_ui_state,
    thread_files,
)

if TYPE_CHECKING:
    from parsing.models import Thread
    from scoring.models import PostScore, Scorecard

Scorer = Callable[["Thread"], "Scorecard"]

FAILURE_CHARS = 300
"""An unexpected error's text is cut to this many characters: it ends up on one line."""


def score_thread(thread: Thread) -> Scorecard:
    """The scorer's scorecard (imported here, in the worker, off the start-up path)."""
    from scoring import score_thread as scorer

    return scorer(thread)


def failure_line(exc: BaseException, what: str) -> str:
    """One line for an error while loading: our own errors in their words, any other named
    (a bug, a RecursionError on hostile input) rather than lost in a thread."""
    if isinstance(exc, ThreadscoreError):
        return one_line(str(exc))
    detail = one_line(f"{type(exc).__name__}: {exc}")[:FAILURE_CHARS]
    return f"{what} ({detail})"


@dataclass(frozen=True)
class ThreadRead:
    """A parsed thread, its state files and the position the user left it at."""

    thread: Thread
    files: ThreadFiles
    ui: UiState
    ui_notice: str | None
    had_ui_file: bool


def read_thread(paths: Sequence[str | Path] | None, home: Path | None) -> ThreadRead:
    """Parse the thread at `paths` (the demo when None); raises on anything it cannot read."""
    from parsing.load import parse_inputs, read_inputs

    return thread_state(parse_inputs(read_inputs(list(paths) if paths else None)), home)


def read_in_two(
    paths: Sequence[str | Path] | None, home: Path | None
) -> tuple[ThreadRead | None, Callable[[], ThreadRead]]:
    """The files read once: a preview of a big text dump's first posts (None for anything
    else, see `parsing.load.preview_inputs`) and the step that parses the whole thread."""
    from parsing.load import parse_inputs, preview_inputs, read_inputs

    inputs = read_inputs(list(paths) if paths else None)
    preview = preview_inputs(inputs)
    first = thread_state(preview, home) if preview is not None else None
    if first is not None and not opens_in(first.ui, first.thread):
        first = None  # the user left off further on: the whole thread is needed to go there
    return first, lambda: thread_state(parse_inputs(inputs), home)


def opens_in(ui: UiState, thread: Thread) -> bool:
    """Whether the saved position is in `thread` as it is in the whole thread: no position,
    or the saved post's id found (a number alone may mean another post in a preview)."""
    if ui.post_id is not None:
        return any(post.id == ui.post_id for post in thread.posts)
    return ui.number is None or ui.number <= len(thread.posts)


def thread_state(thread: Thread, home: Path | None) -> ThreadRead:
    """`thread` with its saved UI state (a damaged state file is set aside, with a notice)."""
    files = thread_files(thread.source, home)
    had_ui_file = files.ui.exists()
    ui, notice = load_ui_state(files.ui)
    if not had_ui_file:
        earlier = earlier_reading(files.ui, thread)
        if earlier is not None:
            ui.reading, ui.tree = earlier.reading, earlier.tree
    return ThreadRead(thread, files, ui, notice, had_ui_file)


EARLIER_READING_SCAN = 50
"""At most this many of the newest state files of the same name are looked at."""


def earlier_reading(path: Path, thread: Thread) -> UiState | None:
    """The newest UI state of an earlier version of this thread (the file grew, so its bytes
    and state file name changed): one with the same name whose last-seen post is a post of
    this thread. What was read there, and what was new, carry over. Files are only read."""
    suffix = path.name.split("-", 1)[-1]  # "<fingerprint>-<name>.ui.toml"
    try:
        candidates = [p for p in path.parent.glob(f"*-{suffix}") if p != path]
        candidates.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    except OSError:
        return None
    ids = {post.id for post in thread.posts}
    for candidate in candidates[:EARLIER_READING_SCAN]:
        ui = peek_ui_state(candidate)
        if ui is not None and ui.reading.last_id in ids:
            return ui
    return None


@dataclass(frozen=True)
class MarksRead:
    """The user's marks on a scorecard with no scores yet, and what to say about their file."""

    card: Scorecard
    loaded: LoadedLayer
    stamp: tuple[int, int] | None
    """The file's (mtime, size) before reading: a change after it is another reader's save."""
    index: SearchIndex


def read_marks(thread: Thread, files: ThreadFiles) -> MarksRead:
    """The saved marks re-attached to `thread`, and the search index (built here, off the UI).

    A file that fails in a way nobody foresaw keeps its marks on disk: the session's edits are
    then not saved over it.
    """
    from scoring.models import UserLayer
    from tui.document import empty_scorecard, search_texts

    index = SearchIndex(search_texts(thread))
    stamp = file_stamp(files.scorecard)
    try:
        loaded = load_user_layer(files.scorecard, thread)
    except Exception as exc:
        notice = failure_line(exc, "Your saved marks could not be read")
        loaded = LoadedLayer(UserLayer(), f"{notice}. Changes will not be saved.", writable=False)
    card = empty_scorecard(thread).model_copy(update={"user": loaded.layer})
    return MarksRead(card, loaded, stamp, index)


def preview_scores(thread: Thread, scorer: Scorer, numbers: Sequence[int]) -> list[PostScore]:
    """The shipped scorer's scores of a preview's posts numbered `numbers` (those on screen),
    to show while the whole thread is parsed (a post's score is the post's alone, so the same
    post in the whole thread scores the same); none for any other scorer."""
    if not scores_early(scorer):
        return []
    from scoring import score_posts

    where = {post.number: i for i, post in enumerate(thread.posts)}
    return score_posts(thread, list(dict.fromkeys(where[n] for n in numbers if n in where)))


def scores_early(scorer: Scorer) -> bool:
    """Whether `score_steps` scores the posts on screen before the rest: the shipped scorer
    does (so their verdicts come before the marks are read); any other (tests) scores the
    thread at once, after the marks, as a slow scorer must not hold them up."""
    return scorer is score_thread


SCORE_BATCH = 400
"""Posts scored per message after those on screen (~30 ms of scoring: the worker can stop
between two batches, and each message redraws only the visible rows)."""


def score_steps(
    thread: Thread, scorer: Scorer, first: Sequence[int] = ()
) -> Iterator[tuple[list[PostScore], Scorecard | None]]:
    """The scores as they come: (scores for some posts, None) any number of times, then
    (all scores, the full scorecard). The posts numbered `first` (those on screen and the open
    one) are scored first, the rest in batches of `SCORE_BATCH` in thread order; a scorer other
    than the shipped one (tests) scores the thread at once."""
    if not scores_early(scorer):
        card = scorer(thread)
        yield list(card.posts), card
        return
    from scoring import build_scorecard, score_posts

    where = {post.number: i for i, post in enumerate(thread.posts)}
    early = list(dict.fromkeys(where[n] for n in first if n in where))
    scores: list[PostScore | None] = [None] * len(thread.posts)
    batches = [early] if early else []
    done = set(early)
    rest = [i for i in range(len(thread.posts)) if i not in done]
    batches += [rest[i : i + SCORE_BATCH] for i in range(0, len(rest), SCORE_BATCH)]
    for batch in batches:
        found = score_posts(thread, batch)
        for index, score in zip(batch, found, strict=True):
            scores[index] = score
        yield found, None
    yield [], build_scorecard(thread, [s for s in scores if s is not None])
