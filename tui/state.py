"""Where the reader keeps things, and reading/writing them without ever losing the user's work.

All state lives under one folder: `$THREADSCORE_HOME` when set (tests, portable installs), else
the platform's user data dir. Per thread there are two files, named by the thread's fingerprint
plus a slug of its file name: the scorecard (scores plus the user's marks, the format of
`threadscore score --toml`) and the UI state (position, filter, search), both written atomically.
"""

from __future__ import annotations

import contextlib
import os
import re
import time
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from parsing.errors import ThreadscoreError
from parsing.models import Source, Thread
from tui.filters import Filter
from tui.safe import visible
from tui.unread import ReadMarks

if TYPE_CHECKING:
    from scoring.models import Scorecard, UserLayer

APP_NAME = "threadscore"
HOME_ENV = "THREADSCORE_HOME"
UI_STATE_VERSION = 1


def home_dir() -> Path:
    """The folder holding config and per-thread state."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override).expanduser()
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def config_path() -> Path:
    return home_dir() / "config.toml"


def thread_name(source: Source) -> str:
    """The thread's name for files derived from it: the file's stem, or for several pages read
    as one thread the whole name of their folder (`forum.thread-42/` keeps its dot part)."""
    path = Path(source.path)
    pages = {Path(page).name for page in source.paths}
    if source.paths and path.name not in pages:
        return path.name
    return path.stem


def slug(name: str) -> str:
    """A short, filesystem-safe version of a file name ("My Thread (2).txt" -> "my-thread-2")."""
    stem = Path(name).stem if name else ""
    text = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")
    return text[:40].strip("-") or "thread"


def file_stamp(path: Path) -> tuple[int, int] | None:
    """(mtime in ns, size) of a file, None when missing: tells us another process wrote it."""
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size


@dataclass(frozen=True)
class ThreadFiles:
    scorecard: Path
    ui: Path


def thread_files(source: Source, home: Path | None = None) -> ThreadFiles:
    """The two state files of a thread: same bytes, same files, wherever the thread is opened."""
    name = slug(thread_name(source) + ".") if source.paths else slug(source.path)
    base = (home or home_dir()) / "threads" / f"{source.sha256[:16]}-{name}"
    return ThreadFiles(
        scorecard=base.with_name(base.name + ".scorecard.toml"),
        ui=base.with_name(base.name + ".ui.toml"),
    )


@dataclass
class UiState:
    """Where the user was: the open post (by id, number as fallback), filter and search."""

    post_id: str | None = None
    number: int | None = None
    filter: Filter = field(default_factory=Filter)
    search: str = ""
    highlight: bool = True
    fold_quotes: bool = False
    tree: bool = False
    reading: ReadMarks = field(default_factory=ReadMarks)

    def to_toml(self) -> str:
        import tomli_w  # imported on the first save, off the start-up path

        data: dict[str, object] = {
            "version": UI_STATE_VERSION,
            "filter": self.filter.to_dict(),
            "search": self.search,
            "highlight": self.highlight,
            "fold_quotes": self.fold_quotes,
            "tree": self.tree,
            "reading": self.reading.to_fields(),
        }
        if self.post_id is not None:
            data["post_id"] = self.post_id
        if self.number is not None:
            data["number"] = self.number
        return "# threadscore reader state (position, filter); safe to delete.\n" + tomli_w.dumps(
            data
        )

    @classmethod
    def from_toml(cls, text: str) -> UiState:
        """Raises ValueError when the text is not a UI state file we can read."""
        try:
            data = tomllib.loads(text.removeprefix("\ufeff"))
        except (ValueError, RecursionError) as exc:  # a 5,000-digit number, deep nesting
            raise ValueError("not TOML we can read") from exc
        version = data.get("version")
        if not isinstance(version, int) or version > UI_STATE_VERSION:
            raise ValueError("not a reader state file this version understands")
        raw_filter = data.get("filter", {})
        post_id, number = data.get("post_id"), data.get("number")
        reading = data.get("reading")
        return cls(
            post_id=post_id if isinstance(post_id, str) else None,
            number=number if isinstance(number, int) and not isinstance(number, bool) else None,
            filter=Filter.from_dict(raw_filter if isinstance(raw_filter, dict) else {}),
            search=data["search"] if isinstance(data.get("search"), str) else "",
            highlight=data.get("highlight") is not False,
            fold_quotes=data.get("fold_quotes") is True,
            tree=data.get("tree") is True,
            reading=ReadMarks.from_fields(reading if isinstance(reading, dict) else {}),
        )

    def position_in(self, thread: Thread) -> int | None:
        """The saved post's number in `thread`: by id first, so a re-parse does not move it."""
        if self.post_id is not None:
            for post in thread.posts:
                if post.id == self.post_id:
                    return post.number
        if self.number is not None and 1 <= self.number <= len(thread.posts):
            return self.number
        return None

    def nearest_in(self, thread: Thread) -> int | None:
        """Like `position_in`, but a number past an edited thread's end lands on its last post:
        the saved place came from another version, where "near it" beats "back to the top"."""
        found = self.position_in(thread)
        if found is None and self.number is not None and thread.posts:
            return min(max(self.number, 1), len(thread.posts))
        return found


def load_ui_state(path: Path) -> tuple[UiState, str | None]:
    """The saved UI state, and a notice when the file was unreadable and set aside."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return UiState(), None
    except (OSError, UnicodeDecodeError) as exc:
        return UiState(), _aside(path, f"reader state unreadable ({exc})")
    try:
        return UiState.from_toml(text), None
    except (ValueError, RecursionError) as exc:  # RecursionError: arrays nested thousands deep
        return UiState(), _aside(path, f"reader state damaged ({exc})")


def peek_ui_state(path: Path) -> UiState | None:
    """Another thread's saved UI state, read only: unlike `load_ui_state` a bad file is left
    where it is, since it belongs to that thread and is not ours to set aside."""
    try:
        return UiState.from_toml(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        return None


def ui_path_beside(scorecard: Path) -> Path:
    """The UI state file that goes with a scorecard state file (see `thread_files`)."""
    return scorecard.with_name(scorecard.name.removesuffix(".scorecard.toml") + ".ui.toml")


def save_ui_state(path: Path, state: UiState) -> None:
    from scoring.store import atomic_write_text

    atomic_write_text(path, state.to_toml())


@dataclass
class LoadedLayer:
    """The user's marks for a thread, and what to tell the user about the file they came from.

    `writable` is False when the file exists but must not be replaced (written by a newer
    threadscore, or unreadable for a reason other than damage): marks then live for the session.
    """

    layer: UserLayer
    notice: str | None = None
    writable: bool = True
    restored_from: Path | None = None
    """Set when no state matched the thread's bytes and the marks came from an earlier file."""
    earlier_ui: UiState | None = None
    """That earlier file's position, filter and search, when it has them: the reader read its
    own (missing) UI state before the marks were found, so it takes these over afterwards."""


def load_user_layer(path: Path, thread: Thread) -> LoadedLayer:
    """The marks saved for this thread, re-attached to its posts; damaged files are set aside."""
    from scoring.models import UserLayer
    from scoring.reattach import reattach
    from scoring.store import ScorecardFileError, load_scorecard_noting, remove_stale_temps

    for stale in (path, ui_path_beside(path)):  # left by a reader killed while saving
        remove_stale_temps(stale)
    if not path.exists():
        return _restore_earlier(path, thread) or LoadedLayer(UserLayer())
    try:
        card, problems = load_scorecard_noting(path)
    except ScorecardFileError as exc:
        if exc.newer:
            return LoadedLayer(UserLayer(), f"{exc}. Changes will not be saved.", writable=False)
        return LoadedLayer(UserLayer(), _aside(path, "saved scorecard damaged"))
    except (ValueError, RecursionError) as exc:  # an integer of 5,000 digits, arrays 5,000 deep
        return LoadedLayer(UserLayer(), _aside(path, f"saved scorecard damaged ({exc})"))
    except ThreadscoreError as exc:
        return LoadedLayer(UserLayer(), f"{exc}. Changes will not be saved.", writable=False)
    layer = reattach(card.user, thread)
    said = [f"In your saved marks, {p}." for p in problems[:3]]
    if len(problems) > 3:
        said.append(f"({len(problems) - 3} more problems like these.)")
    if layer.orphans:
        said.append(
            f"{len(layer.orphans)} of your marks no longer match a post; "
            "they are kept in the scorecard file under [[orphans]]."
        )
    return LoadedLayer(layer, " ".join(said) or None)


EARLIER_SCAN = 200
"""At most this many of the newest state files are read when looking for earlier marks."""

MIN_OVERLAP = 0.5
"""A state file whose marks name at least this share of the thread's post ids is the same thread."""


def find_earlier_state(path: Path, thread: Thread) -> tuple[Path, Scorecard] | None:
    """The best earlier state file for `thread`, when its own (`path`) does not exist yet.

    State files are named by the thread's bytes, so a renamed, copied or edited thread finds
    none. Ranked: same bytes (a copy), then the same file path, then marks naming the
    thread's post ids, then the same title; the newest file wins a tie. Files are only read.
    """
    from scoring.store import load_scorecard

    try:
        files = [p for p in path.parent.glob("*.scorecard.toml") if p != path]
        files.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    except OSError:
        return None
    ids = {post.id for post in thread.posts}
    best: tuple[tuple[int, float], Path, Scorecard] | None = None
    for candidate in files[:EARLIER_SCAN]:
        try:
            card = load_scorecard(candidate)
        except (ThreadscoreError, OSError, ValueError, RecursionError):
            continue
        marked = [*card.user.marks, *(m.post_id for m in card.user.orphans)]
        if not marked:
            continue
        overlap = len(ids.intersection(marked)) / len(marked)
        if card.fingerprint == thread.source.sha256:
            tier = 4
        elif card.source_path == visible(thread.source.path):
            tier = 3
        elif overlap >= MIN_OVERLAP:
            tier = 2
        elif thread.title and card.title == thread.title:
            tier = 1
        else:
            continue
        rank = (tier, overlap)
        if best is None or rank > best[0]:
            best = (rank, candidate, card)
    return (best[1], best[2]) if best else None


def _restore_earlier(path: Path, thread: Thread) -> LoadedLayer | None:
    """The marks of the best earlier state, re-attached to `thread`, with a notice saying so."""
    from scoring.models import UserLayer
    from scoring.reattach import reattach_counted

    found = find_earlier_state(path, thread)
    if found is None:
        return None
    source, card = found
    done = reattach_counted(card.user, thread)
    layer, total = done.layer, done.total
    if not layer.marks:
        # Nothing found its post: a different thread under the same name or title. Copying
        # only orphans would be noise; the earlier file keeps them either way.
        if card.source_path != visible(thread.source.path):
            return None
        notice = (
            f"An earlier version of this file has {total} marks, but none matches a post now; "
            f"they stay in {source.name}."
        )
        return LoadedLayer(UserLayer(), notice)
    moved = f", {done.moved} moved to an edited post" if done.moved else ""
    notice = (
        f"No saved marks for this exact file, so {len(layer.marks)} of {total} marks were "
        f"restored from an earlier version ({done.kept} on the same post{moved}; "
        f"{Path(card.source_path).name}; {source.name} is kept unchanged)."
    )
    if layer.orphans:
        lost = ", ".join(f"#{m.post_number}" for m in layer.orphans[:8])
        more = "…" if len(layer.orphans) > 8 else ""
        notice += (
            f" {len(layer.orphans)} could not be re-attached (were {lost}{more}); they are "
            "kept in the scorecard file under [[orphans]]."
        )
    earlier_ui = peek_ui_state(ui_path_beside(source))
    return LoadedLayer(layer, notice, restored_from=source, earlier_ui=earlier_ui)


def _aside(path: Path, what: str) -> str:
    """Move a file we cannot read out of the way (never delete it) and say where it went (the
    state folder too: the user has to find it to mend or recover it)."""
    from scoring.store import set_aside

    try:
        moved = set_aside(path)
    except OSError as exc:
        return f"{what}; could not move it aside ({exc.strerror or exc})"
    return f"{what}; kept as {moved.name} in {moved.parent}, starting afresh"


@dataclass
class SavedMarks:
    """What `save_marks` wrote: the layer on disk now, and how many posts' marks in it came
    from another reader's save (the reader takes the layer and says so when that is not 0)."""

    layer: UserLayer
    merged: int
    aside: Path | None
    stamp: tuple[int, int] | None


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold `path`'s lock file (`NAME.lock`) while reading and writing it: two readers saving
    at once would each merge the file as it was before the other's write. The lock is released
    when the process dies, so a killed reader never blocks the next one."""
    try:
        import fcntl
    except ImportError:  # Windows: saves are still atomic, merges only unlocked
        yield
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path.with_name(path.name + ".lock"), os.O_RDWR | os.O_CREAT, 0o666)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def save_marks(path: Path, card: Scorecard, thread: Thread) -> SavedMarks:
    """Write the reader's marks to its state file, merged mark by mark with what another
    reader saved there since (the later edit of each mark wins; see tui.merge), under the lock.

    A damaged file is set aside by `save_scorecard` (returned as `aside`); a file of a newer
    threadscore or someone else's raises ScorecardFileError, OSError is raised as it comes.
    """
    from scoring.reattach import describe, reattach
    from scoring.store import ScorecardFileError, load_scorecard, save_scorecard
    from tui.merge import differences, merge_layers

    with locked(path):
        ours = describe(card.user, thread)  # what each post looks like: found after edits
        layer = ours
        try:
            theirs = reattach(load_scorecard(path).user, thread) if path.exists() else None
        except ScorecardFileError as exc:
            if exc.newer or exc.foreign:
                raise
            theirs = None  # damaged: save_scorecard sets it aside
        except (ThreadscoreError, OSError):
            theirs = None
        if theirs is not None:
            layer = merge_layers(ours, theirs, now=time.time())
        aside = save_scorecard(card.model_copy(update={"user": layer}), path)
        return SavedMarks(layer, differences(ours, layer), aside, file_stamp(path))
