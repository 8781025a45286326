"""The main screen: post list, reading pane, status line and footer; the open thread's state,
the reader's keys and their actions.

The screen owns everything about the thread being read (document, cursor, filter, search, jump
history, marks and their saving); the App only holds what outlives a thread (config, keys,
theme, palette, quitting). The keys live here, not on the App, so they stop at any screen pushed
on top (a modal, the scorecard): `m` in the scorecard must not bookmark a post you cannot see.

Loading is two threads, each running steps from `tui.loader` off the UI thread and posting a
message per step (`tui.messages`): `_read_thread` parses (a daemon thread: quitting does not
wait for it); once the posts are on screen the worker `_read_marks_and_scores` reads the user's
marks, then scores (it stops between two batches when the reader quits).
"""

from __future__ import annotations

import asyncio
import bisect
import contextlib
import itertools
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.reactive import var
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer
from textual.worker import get_current_worker

from tui.document import Document
from tui.filters import (
    Filter,
    ScorecardChoice,
    apply_filter,
    authors_by_posts,
    nearest,
)
from tui.history import JumpHistory
from tui.loader import (
    Scorer,
    failure_line,
    preview_scores,
    read_in_two,
    read_marks,
    score_steps,
    scores_early,
    thread_state,
)
from tui.messages import (
    LoadFailed,
    MarksLoaded,
    ScoresReady,
    ScoringFailed,
    ThreadParsed,
    ThreadPreview,
)
from tui.safe import one_line
from tui.saving import Saved, Saver
from tui.screens.newsreader import NEWSREADER_BINDINGS, NewsreaderActions
from tui.screens.reader_export import ExportActions
from tui.screens.reader_jumps import JumpActions
from tui.search import SearchIndex, match_pattern, next_match
from tui.startup import resume_collector
from tui.state import ThreadFiles, UiState
from tui.verdicts import VERDICTS
from tui.widgets.post_list import PostList, Row
from tui.widgets.reading_pane import ReadingPane
from tui.widgets.status_bar import Status, StatusBar
from tui.wording import plural

if TYPE_CHECKING:
    from parsing.models import Thread
    from scoring.models import PostScore, Scorecard, Verdict
    from tui.loader import ThreadRead

BLINK = 0.15
"""Loading shorter than this shows no spinner (a flash of one is worse than none)."""

PANE_DELAY = 0.06
"""Moving the cursor redraws the reading pane after this pause, so holding `j` stays smooth."""

SCORECARD_NOTICE_POSTS = 2000
"""From this many posts the scorecard takes long enough to open (~1 s at 10,000) to say so."""

LIST_ACTION = "list:"
"""Marks a kept action as the post list's (a move keyed before the posts were in)."""

UI_SAVE_DELAY = 1.0
"""Position changes are written this long after the last move (and always on quit)."""

PREVIEW_WAIT = 2.0
"""The whole parse starts once a preview is drawn (it would slow the frame down, both wanting
the one interpreter), or after this long if the screen never says so."""

PREVIEW_SWITCH = 0.001
"""How often (seconds) the interpreter may hand over between threads while the whole thread is
parsed behind a preview (Python's default is 0.005): a key waits at each hand-over for the
parse to give the interpreter back. During a 100k-post thread's parse it cut the cursor key's
p90 from 39-44 ms to 23-32 ms (median 7-23 ms to 3-11 ms; three runs each, a loaded machine)."""

Said = ThreadPreview | ThreadParsed | LoadFailed


def _answer(future: asyncio.Future[Said], said: Said) -> None:
    if not future.done():  # it is cancelled when the read takes longer than a blink
        future.set_result(said)


def reading_what(paths: list[str | Path] | None) -> str:
    """ "Reading big-thread.txt (12.3 MB)…" for the pane while a thread loads."""
    from parsing.errors import ThreadscoreError
    from parsing.load import demo_path, expand_paths

    try:
        files = expand_paths(paths) if paths else [demo_path()]
        size = sum(f.stat().st_size for f in files if f.is_file())
    except (OSError, ValueError, ThreadscoreError):
        return "Reading the thread…"
    name = one_line(Path(paths[0]).name if paths else "the demo thread")
    more = f" and {len(files) - 1} more pages" if len(files) > 1 else ""
    return f"Reading {name}{more} ({size / 1e6:.1f} MB)…"


class ReaderScreen(NewsreaderActions, JumpActions, ExportActions, Screen[None]):
    """List on the left, post on the right. `paths` as for `threadscore THREAD`; `thread`
    (tests) skips parsing; `home` replaces the state folder and `scorer` the scorer."""

    BINDING_GROUP_TITLE = "Reader"
    # Descriptions are short because the footer shows them; the help screen and the command
    # palette use the longer titles in tui.key_table.PALETTE_TITLES.
    # A key that opens a dialog or a screen is a priority binding: it acts as soon as it is
    # read, so the keys typed after it in the same read ("/word" then enter) go to the dialog
    # (tui.screens.dialog) rather than to the list (where o, r, t, h are commands). Neither
    # the list nor the pane binds these keys, and no text box is ever focused on this screen.

    BINDINGS: ClassVar[list[BindingType]] = [
        # Help comes first so the footer shows it even when a narrow terminal cuts the rest off.
        Binding("question_mark", "app.help", "Help", id="help", key_display="?", priority=True),
        Binding("tab", "switch_pane", "Switch pane", show=False, id="switch_pane"),
        Binding("o", "follow_quote", "Follow", id="follow_quote", priority=True),
        Binding("r", "quoted_by", "Quoted by", id="quoted_by", priority=True),
        Binding("[", "back", "Back", show=False, id="back", key_display="["),
        Binding("]", "forward", "Forward", show=False, id="forward", key_display="]"),
        Binding("m", "bookmark", "Bookmark", id="bookmark"),
        Binding("apostrophe", "next_bookmark", "Next bookmark", show=False, id="next_bookmark"),
        Binding("1", "rate(1)", "Rate 1", show=False, id="rate_1"),
        Binding("2", "rate(2)", "Rate 2", show=False, id="rate_2"),
        Binding("3", "rate(3)", "Rate 3", show=False, id="rate_3"),
        Binding("4", "rate(4)", "Rate 4", show=False, id="rate_4"),
        Binding("5", "rate(5)", "Rate 5", show=False, id="rate_5"),
        Binding("0", "rate(0)", "Clear rating", show=False, id="rate_clear"),
        Binding("a", "note", "Note", show=False, id="note", priority=True),
        Binding("v", "override", "Verdict", show=False, id="override", priority=True),
        Binding("slash", "search", "Search", id="search", key_display="/", priority=True),
        Binding("n", "next_match(1)", "Next match", show=False, id="next_match"),
        Binding("N", "next_match(-1)", "Previous match", show=False, id="prev_match"),
        Binding("f", "filter", "Filter", id="filter", priority=True),
        Binding("h", "toggle_highlight", "Highlight", show=False, id="highlight"),
        Binding("c", "fold_quotes", "Fold quotes", show=False, id="fold_quotes"),
        Binding("s", "scorecard", "Scores", id="scorecard", priority=True),
        Binding("e", "export", "Export", show=False, id="export", priority=True),
        Binding("q", "app.quit_reader", "Quit", id="quit"),
        *NEWSREADER_BINDINGS,
    ]

    # What the status line shows; `status` follows them (Textual recomputes it on any change).
    current: var[int | None] = var(None)
    """The post under the list's cursor: every action acts on it."""
    filter: var[Filter] = var(Filter())
    search_query: var[str] = var("")
    matches: var[list[int]] = var(list)
    shown: var[int] = var(0)
    """How many posts the (filtered) list shows."""
    busy: var[str] = var("Reading the thread…")
    saved: var[str] = var("")
    save_error: var[bool] = var(False)
    doc: var[Document | None] = var(None)
    unread: var[int] = var(0)
    status: var[Status] = var(Status())

    def _on_timer_update(self) -> None:
        """Draw no frame while keys typed together wait their turn (`tui.key_order`): ten
        `j` in one terminal read drew ten frames, each repainting the scrolled list, four
        times slower than one frame at the end on a loaded machine. A frame that lays
        something out or runs code after it is drawn (a jump scrolls then) is not held."""
        if getattr(self.app, "keys_waiting", False) and not (
            self._layout_required or self._callbacks
        ):
            return  # the timer goes on: the next tick looks again
        super()._on_timer_update()

    def __init__(
        self,
        paths: list[str | Path] | None = None,
        *,
        thread: Thread | None = None,
        home: Path | None = None,
        scorer: Scorer | None = None,
        post: int | None = None,
    ) -> None:
        super().__init__(id="reader")
        from tui.loader import score_thread

        self._paths = paths
        self._given_thread = thread
        self._start_post = post
        """`threadscore THREAD --post N`: the post to open at, until the thread holding it is
        shown (a preview may not reach it)."""
        self._opened_at_post = False
        self._home = home
        self._scorer = scorer or score_thread
        self.saver: Saver | None = None
        self.ui = UiState()
        self.history = JumpHistory()
        self.load_error: str | None = None
        self.marks_ready = False
        self.scored = False
        self.loading_done = False
        self._index: SearchIndex | None = None
        self._had_ui_file = False
        self._ui_notice: str | None = None
        self._pane_timer: Timer | None = None
        self._ui_timer: Timer | None = None
        self._quit_warned = False
        self._scorecard: tuple[Scorecard, Screen[ScorecardChoice | None]] | None = None
        self._scored_posts = 0
        """Posts scored so far (the status line counts them while the rest are scored)."""
        self._provisional = False
        """The posts shown are a preview (`ThreadPreview`): the whole thread's replace them."""
        self._preview_drawn = threading.Event()
        self._preview_shown: list[int] = []
        self._switch: float | None = None
        """Python's thread switch interval before a preview set it (`PREVIEW_SWITCH`)."""
        """The preview's posts on screen and the open one, once it is drawn."""
        self._pending: list[tuple[str, int | None, str]] = []
        """Actions keyed while loading: (action, post under the cursor then, what it needs)."""
        self._search_waits = False
        """A search made on a preview matched none of its posts: it moves to its first match
        once the whole thread is in."""
        self.post_list = PostList(
            self.row_for,
            moved=self.cursor_moved,
            opened=self.post_opened,
            stepped=self.tree_step,
            id="posts",
        )
        self.pane = ReadingPane(read_on=self.read_on, id="pane")

    @property
    def files(self) -> ThreadFiles | None:
        """The thread's state files, once the thread is read."""
        return self.saver.files if self.saver is not None else None

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            yield self.post_list
            yield self.pane
        yield StatusBar(id="status").data_bind(ReaderScreen.status)
        # The palette (ctrl+p) is on the help screen; its footer key would push "? Help" off an
        # 80-column footer.
        yield Footer(compact=True, show_command_palette=False)

    @property
    def total_posts(self) -> int:
        return len(self.doc.thread.posts) if self.doc is not None else 0

    def compute_status(self) -> Status:
        doc, current = self.doc, self.current
        match_index = None
        matches = self.listed_matches() if self.shown != self.total_posts else self.matches
        if self.search_query and current in matches:
            match_index = matches.index(current) + 1
        return Status(
            position=current,
            shown=self.shown,
            total=len(doc.thread.posts) if doc else 0,
            filter=self.filter.describe(),
            search=self.search_query,
            match_index=match_index,
            match_count=len(matches),
            saved=self.saved,
            save_error=self.save_error,
            underway=self.busy if doc is not None else "",
            busy=self.busy if doc is None else "",
            title=(doc.thread.title or "") if doc else "",
            unread=self.unread if doc else 0,
        )

    # ----- loading ----------------------------------------------------------------------------

    async def on_mount(self) -> None:
        """Start reading. A thread read within a blink is shown before the screen is first
        drawn (its message then finds it there); a bigger one shows the loading indicator until
        its message comes."""
        loop = asyncio.get_running_loop()
        read: asyncio.Future[Said] = loop.create_future()
        threading.Thread(
            target=self._read_thread, args=(loop, read), name="threadscore-read", daemon=True
        ).start()
        with contextlib.suppress(asyncio.TimeoutError):
            said = await asyncio.wait_for(read, BLINK)
            if isinstance(said, ThreadParsed):
                await self.on_thread_parsed(said)
            elif isinstance(said, ThreadPreview):
                await self.on_thread_preview(said)
        self._maybe_show_loading()

    def _maybe_show_loading(self) -> None:
        if self.doc is None:
            self.post_list.loading = True
            self.pane.waiting(reading_what(self._paths))

    def _read_thread(self, loop: asyncio.AbstractEventLoop, read: asyncio.Future[Said]) -> None:
        """Parse (or take the given thread) and find the saved position; posts what it found
        and hands the first thing it finds to `read` too (see `on_mount`). A big text dump's
        first posts come first, parsed from its opening (`ThreadPreview`); the whole thread is
        parsed once they are drawn.

        A daemon thread of its own, not a Textual worker: a worker runs in the event loop's
        executor, which the loop waits for when it closes, so quitting while a 10,000-post
        thread was being read left the terminal blank for the seconds the parse had left (and
        printed a cancelled worker's traceback). Nothing here writes: it may simply stop.
        """
        said: Said
        try:
            if self._given_thread is not None:
                said = ThreadParsed(thread_state(self._given_thread, self._home))
            else:
                preview, rest = read_in_two(self._paths, self._home)
                if preview is not None:
                    self._say(loop, read, ThreadPreview(preview))
                    self._preview_drawn.wait(PREVIEW_WAIT)
                    self._score_preview(preview.thread)
                said = ThreadParsed(rest())
        except Exception as exc:  # every failure is one line and an exit code, never a hang
            said = LoadFailed(failure_line(exc, "The thread could not be read"))
        self._say(loop, read, said)

    def _score_preview(self, thread: Thread) -> None:
        """Verdicts for the preview's posts on screen, before the whole parse: a scorer error
        is left for the whole thread's scoring to report."""
        try:
            scores = preview_scores(thread, self._scorer, list(self._preview_shown))
        except Exception:
            return
        if scores:
            self.post_message(ScoresReady(scores))

    def _say(self, loop: asyncio.AbstractEventLoop, read: asyncio.Future[Said], said: Said) -> None:
        with contextlib.suppress(RuntimeError):  # the app, and its loop, closed meanwhile
            loop.call_soon_threadsafe(_answer, read, said)
            self.post_message(said)

    # Named: Textual's default description is the repr of the arguments, the whole thread
    # (a second of the UI thread's time at 100k posts).
    @work(thread=True, group="load", exit_on_error=False, description="marks and scores")
    def _read_marks_and_scores(self, thread: Thread, first: list[int]) -> None:
        """Score the posts numbered `first` (on screen), read the user's marks, then score the
        rest in batches; a message after each step. Quitting cancels this worker, which stops
        between two batches (Textual waits for a thread worker at exit)."""
        assert self.saver is not None
        worker = get_current_worker()
        steps = score_steps(thread, self._scorer, first)
        try:
            early = next(steps, None) if scores_early(self._scorer) else None
        except Exception as exc:  # a scorer bug must not cost the user their reading or marks
            self.post_message(MarksLoaded(read_marks(thread, self.saver.files)))
            self.post_message(ScoringFailed(f"{type(exc).__name__}: {exc}"))
            return
        if early is not None and early[1] is None:  # before the marks: on screen at once
            self._post_scores(early)
            early = None
        self.post_message(MarksLoaded(read_marks(thread, self.saver.files)))
        try:
            for step in itertools.chain([early] if early else [], steps):
                if worker.is_cancelled:
                    return
                self._post_scores(step)
        except Exception as exc:
            self.post_message(ScoringFailed(f"{type(exc).__name__}: {exc}"))

    def _post_scores(self, step: tuple[list[PostScore], Scorecard | None]) -> None:
        self.post_message(ScoresReady(*step))

    def on_load_failed(self, message: LoadFailed) -> None:
        """A thread we cannot read: leave the terminal and let the CLI print one line."""
        self._switch_back()
        self.load_error = message.reason
        self.loading_done = True
        self.app.exit(return_code=1)

    async def on_thread_preview(self, message: ThreadPreview) -> None:
        """A big dump's first posts, to read and move through while the rest is parsed.
        Nothing is saved and no edit is made until the whole thread is in: the preview's
        reading state covers only its posts, and edits wait for the marks anyway."""
        if self.doc is not None:
            return  # shown already, before the first frame (`on_mount`)
        self._provisional = True
        self._switch = sys.getswitchinterval()
        sys.setswitchinterval(PREVIEW_SWITCH)
        await self._show(message.read)
        self.post_list.focus()
        self.busy = "Reading the rest of the thread…"
        await self._replay()  # list keys pressed while the thread was read
        self.call_after_refresh(self._preview_on_screen)

    def _preview_on_screen(self) -> None:
        """The preview is drawn: the reading thread scores what it shows, then parses on."""
        shown = self.post_list.visible_numbers()
        if self.current is not None:
            shown.append(self.current)
        self._preview_shown = shown
        self._preview_drawn.set()

    async def on_thread_parsed(self, message: ThreadParsed) -> None:
        """Fill the widgets (in place of a preview, the cursor staying on its post); marks and
        scores are read once these posts are on screen."""
        if self.doc is not None and not self._provisional:
            return  # shown already, before the first frame (`on_mount`)
        read = message.read
        self._switch_back()
        at, scores = None, []
        if self._provisional and self.doc is not None:
            at = self._renumber(read.thread)
            scores = self._same_scores(self.doc, read.thread)
            self._index = None  # a search on the preview indexed only its posts
        self._provisional = False
        self.saver = Saver(read.files)
        self._had_ui_file = read.had_ui_file
        self._ui_notice = read.ui_notice
        await self._show(read, at, scores)
        self._settle(focus=at is None)
        if at is not None and self.search_query:  # searched on the preview: now over them all
            self._run_search(self.search_query, move=self._search_waits)
        self._search_waits = False
        await self._replay()  # list keys pressed while the thread was read
        self.call_after_refresh(self._first_frame_shown, read.thread)

    def _switch_back(self) -> None:
        if self._switch is not None:
            sys.setswitchinterval(self._switch)
            self._switch = None

    def _renumber(self, thread: Thread) -> int | None:
        """The preview's cursor and kept actions moved to the same posts (by id) of the whole
        `thread`; the cursor's post number there."""
        assert self.doc is not None
        shown = self.doc.thread.posts
        ids = {post.number: post.id for post in shown}
        numbers = {post.id: post.number for post in thread.posts}
        firsts = [post.lines[0] if post.lines else 0 for post in thread.posts]

        def by_line(number: int) -> int:
            """The whole thread's post holding the preview post's first line (the two parses
            read the same file, so line numbers agree): where a post's id changed (the whole
            parse cut or joined it otherwise), the same number is another post."""
            lines = shown[number - 1].lines if 0 < number <= len(shown) else None
            k = bisect.bisect_right(firsts, lines[0]) - 1 if lines else -1
            span = thread.posts[k].lines if k >= 0 else None
            return thread.posts[k].number if span and lines and lines[0] <= span[1] else number

        def moved(number: int | None) -> int | None:
            if number is None:
                return None
            return numbers.get(ids.get(number, "")) or by_line(number)

        self._pending = [(action, moved(n), needs) for action, n, needs in self._pending]
        return moved(self.current)

    @staticmethod
    def _same_scores(preview: Document, thread: Thread) -> list[PostScore]:
        """The preview's verdicts of posts the whole `thread` has as they were: they stay on
        screen until the whole thread's scoring sends them again."""
        posts = thread.posts
        kept = []
        for number in preview.numbers:
            score = preview.score(number)
            if score is None or number > len(posts):
                continue
            if posts[number - 1] == preview.post(number):
                kept.append(score)
        return kept

    async def _show(
        self, read: ThreadRead, at: int | None = None, scores: Sequence[PostScore] = ()
    ) -> None:
        """Put `read`'s posts on screen, the cursor on post `at` (a preview's cursor), else
        where the user left off; `scores` are a preview's verdicts of the same posts."""
        provisional = at is not None
        if not provisional:
            self.ui = read.ui
            self.filter = read.ui.filter
        self.doc = doc = Document(read.thread)
        doc.add_scores(scores)
        self._scored_posts = 0
        self.use_listing(read.thread, read.ui)
        start = self._take_start_post(read.thread, provisional)
        position = start or at or read.ui.position_in(read.thread) or 1
        listed = apply_filter(self.filter, doc.facts())
        if start is not None and start not in set(listed):
            self.filter = Filter()  # asked for by number: a saved filter does not hide it
            listed = apply_filter(self.filter, doc.facts())
        self.current = position if position in set(listed) or not listed else listed[0]
        if not provisional:
            self.pane.highlight = read.ui.highlight
            self.pane.collapse_quotes = read.ui.fold_quotes
        authors = doc.authors()
        self.post_list.set_author_width(min(max(map(len, authors), default=1), 16) or 1)
        self.post_list.loading = False
        self.refresh_bindings()  # the footer hid the list's keys (⏎ Open) while it was loading
        self._refilter(keep=self.current)
        await self._open_now(keep_scroll=provisional)

    def _take_start_post(self, thread: Thread, provisional: bool) -> int | None:
        """The post asked for on the command line, once: when `thread` holds it; a whole
        thread that does not is said in a notice (a preview may just not reach it yet)."""
        number = self._start_post
        if number is None:
            return None
        if any(post.number == number for post in thread.posts):
            self._start_post = None
            self._opened_at_post = True
            return number
        if not provisional:
            self._start_post = None
            last = thread.posts[-1].number if thread.posts else 0
            self.notify(
                f"No post #{number}: the thread's posts are numbered 1 to {last}.",
                severity="warning",
                markup=False,
            )
        return None

    def _first_frame_shown(self, thread: Thread) -> None:
        """The posts are on screen: the marks and scores are read (not before: they would race
        the first frame for the CPU). The collector resumes (see tui.startup) once the verdicts
        on screen are in: a full collection over a 100k-post thread takes most of a second."""
        first = self.post_list.visible_numbers()
        if self.current is not None:
            first.append(self.current)
        self._read_marks_and_scores(thread, first)

    def _settle(self, focus: bool = True) -> None:
        """After the first frame's data is in: search, focus (where a preview left it, unless
        `focus`), status, notices."""
        if self.ui.search:
            self._run_search(self.ui.search, move=False)
        if focus:
            self.post_list.focus()
        self.busy = "Reading your marks…"
        if self._ui_notice:
            self.notify(self._ui_notice, title="Saved state", severity="warning", markup=False)
        warnings = self.doc.thread.warnings if self.doc is not None else []
        if warnings:  # printed where no one sees it
            more = f" (and {len(warnings) - 3} more)" if len(warnings) > 3 else ""
            self.notify(
                "\n".join(warnings[:3]) + more,
                title="While reading the thread",
                severity="warning",
                timeout=10,
                markup=False,
            )
        self.say_new_posts()

    async def on_marks_loaded(self, message: MarksLoaded) -> None:
        resume_collector()
        marks = message.marks
        if self.doc is None or self.saver is None:
            return
        if self._index is None:
            self._index = marks.index
        self.saver.disk_stamp = marks.stamp
        self.saver.writable = marks.loaded.writable
        self.doc.set_card(marks.card)
        self.marks_ready = True
        if marks.loaded.restored_from is not None:
            self._save_marks()  # copy forward: the earlier file stays as it was
        if marks.loaded.earlier_ui is not None and not self._had_ui_file:
            await self._take_earlier_ui(marks.loaded.earlier_ui)
        self.busy = f"Scoring: {self._scored_posts:,} of {self.total_posts:,} posts…"
        await self._refresh_marks()
        self._remember()  # on the recent list even if the terminal is closed, not quit
        if marks.loaded.notice:
            self.notify(marks.loaded.notice, title="Saved state", severity="warning", markup=False)
        await self._replay()

    async def _take_earlier_ui(self, ui: UiState) -> None:
        """Position, filter and search of the earlier state the marks came from; only when this
        thread had no UI state of its own, which would be the newer word on where the user was."""
        assert self.doc is not None
        self.ui = ui
        self.filter = ui.filter
        self.pane.highlight = ui.highlight
        self.pane.collapse_quotes = ui.fold_quotes
        self.use_listing(self.doc.thread, ui)
        self.say_new_posts()
        position = ui.nearest_in(self.doc.thread)
        if position is not None and not self._opened_at_post:
            self.current = position
        self._refilter(keep=self.current)
        if ui.search:
            self._run_search(ui.search, move=False)
        await self._open_now()
        self.save_ui()

    async def on_scores_ready(self, message: ScoresReady) -> None:
        doc = self.doc
        if doc is None:
            return
        if message.card is None:
            resume_collector()
            doc.add_scores(message.scores)
            self._scored_posts += len(message.scores)
            if self.marks_ready:
                self.busy = f"Scoring: {self._scored_posts:,} of {self.total_posts:,} posts…"
            self.post_list.refresh_rows()
            if any(s.number == self.current for s in message.scores):
                await self._open_now(keep_scroll=True)
            return
        if doc.card is None:
            return
        doc.set_card(message.card.model_copy(update={"user": doc.card.user}))
        self.scored = True
        self.loading_done = True
        self.busy = ""
        await self._refresh_marks()
        if self.filter.active and not self.post_list.numbers:  # verdicts and marks are in now
            self.notify(
                f"The saved filter ({self.filter.describe()}) matches no post: "
                "press f to change it (ctrl+r there clears it).",
                title="Nothing to list",
                severity="warning",
                markup=False,
            )
        await self._replay()

    def on_scoring_failed(self, message: ScoringFailed) -> None:
        resume_collector()
        self.busy = ""
        self.loading_done = True
        if self.doc is not None and self.filter.active:
            self._refilter(keep=self.current)  # says why an empty list is empty
        self.notify(
            f"Scoring failed, so verdicts are missing ({message.reason}). Your marks still save.",
            severity="error",
            markup=False,
        )
        self.call_later(self._replay)

    async def _refresh_marks(self) -> None:
        """Redraw what marks and verdicts change: list rows, the filtered list, the open post."""
        self.post_list.refresh_rows()
        if self.filter.active:
            self._refilter(keep=self.current)
        await self._open_now(keep_scroll=True)

    # ----- list and pane ----------------------------------------------------------------------

    def row_for(self, number: int) -> Row:
        assert self.doc is not None
        row = self.doc.row(number)
        return self.listing.decorate(row) if self.listing is not None else row

    def _refilter(self, *, keep: int | None) -> None:
        """Apply the filter; when it hides the open post, open the one the cursor lands on."""
        assert self.doc is not None
        numbers = apply_filter(self.filter, self.doc.facts())
        if keep is not None:  # the post itself, else the nearest the filter lets through
            keep = nearest(numbers, keep) or keep
        if self.listing is not None:
            keep = self.listing.landing(keep) if keep is not None else None
            numbers = self.listing.order(numbers)
        if not self.filter.active:
            self.post_list.empty_message = ()
        elif not self.loading_done:  # verdicts and marks not in yet: nothing can match
            self.post_list.empty_message = ("Filtering once the verdicts are in…",)
        else:
            self.post_list.empty_message = (
                "No post matches the filter.",
                "f changes it; ctrl+r there clears it.",
            )
        self.post_list.set_numbers(numbers, keep=keep)
        self.post_list.matches = frozenset(self.matches)
        self.shown = len(numbers)
        landed = self.post_list.current
        if landed is not None and landed != self.current:
            self.current = landed
            self.call_later(self._open_now)

    def cursor_moved(self, number: int) -> None:
        """The list's cursor is on `number` now: every action from here on acts on it."""
        if self.doc is not None:
            self.current = number

    def on_post_list_highlighted(self, message: PostList.Highlighted) -> None:
        if self.doc is None:
            return
        # The cursor may have moved on since this message was posted: it, not the message, wins.
        self.current = self.post_list.current or message.number
        self._schedule_ui_save()
        if self._pane_timer is not None:
            self._pane_timer.stop()
            self._pane_timer = None
        shown = self.pane.view
        if shown is not None and shown.post.number == self.current:
            return  # already open (enter got there first): redrawing would lose the scroll
        if message.jump:
            self.call_later(self._open_now)
        else:
            self._pane_timer = self.set_timer(PANE_DELAY, self._open_now)

    @property
    def pane_due(self) -> bool:
        """The pane is yet to show the post under the cursor (it follows `PANE_DELAY` after
        the last move): what a test waits on before it reads the pane."""
        return self._pane_timer is not None

    def read_on(self) -> None:
        """Paging down past the end of a post: the next post in the list, read from its top."""
        index = self.post_list.index_of(self.current) if self.current is not None else None
        if index is None:
            return
        if index + 1 >= len(self.post_list.numbers):
            self.notify(f"#{self.current} is the last post in the list.", markup=False)
            return
        self.post_list.go_to(self.post_list.numbers[index + 1], jump=True)

    def post_opened(self, number: int) -> None:
        """Enter on a post: the pane takes focus at once (the next key is the pane's) and the
        post follows; a scroll key meanwhile waits for it (`ReadingPane.opening`)."""
        self.current = number
        self.pane.opening = True
        self.set_focus(self.pane)  # now, not after the queue as `focus()` would
        self.call_later(self._open_now)

    async def _open_now(self, keep_scroll: bool = False) -> None:
        if self._pane_timer is not None:
            self._pane_timer.stop()
            self._pane_timer = None
        if self.doc is None or self.current is None or not self.is_attached:
            return
        await self.pane.show(self.doc.view(self.current), keep_scroll=keep_scroll)
        self.pane.opening = False
        self.start_reading(self.current)

    def go(self, number: int, *, record: bool = True) -> None:
        """Jump to post `number` (a quote, a bookmark, a match), clearing a filter that hides it."""
        if self.doc is None or not self.doc.has(number):
            return
        self._leave(number)
        if record and self.current is not None:
            self.history.jump(self.current, number)
        if self.post_list.index_of(number) is None:
            self.filter = Filter()
            self._refilter(keep=number)
            self.save_ui()
            self.notify(f"Filter cleared to show #{number}.", markup=False)
        self.post_list.go_to(number, jump=True)

    # ----- saving -----------------------------------------------------------------------------

    def _save_marks(self) -> None:
        """Write the thread's scorecard with the user's layer now; failures are shown."""
        assert self.doc is not None and self.saver is not None
        outcome: Saved = self.saver.save_marks(self.doc)
        if outcome.merged:
            self.post_list.refresh_rows()
        self.saved, self.save_error = outcome.status, outcome.error
        if not outcome.error:
            self._quit_warned = False
        if outcome.notice:
            severity = "error" if outcome.error else "information"
            self.notify(outcome.notice, severity=severity, markup=False)

    def current_ui(self) -> UiState:
        """Where the user is now (the pane's toggles as last set, once the pane is gone)."""
        post_id = None
        if self.doc is not None and self.current is not None:
            post_id = self.doc.post(self.current).id
        if self.is_attached:
            self.ui.highlight, self.ui.fold_quotes = self.pane.highlight, self.pane.collapse_quotes
        return UiState(
            post_id=post_id,
            number=self.current,
            filter=self.filter,
            search=self.search_query,
            highlight=self.ui.highlight,
            fold_quotes=self.ui.fold_quotes,
            tree=self.listing.tree_mode if self.listing else self.ui.tree,
            reading=self.listing.reading if self.listing else self.ui.reading,
        )

    def save_ui(self) -> None:
        """Write the position, filter and search now (also on quit)."""
        if self._ui_timer is not None:
            self._ui_timer.stop()
            self._ui_timer = None
        if self.saver is None or self.doc is None:
            return
        notice = self.saver.save_ui(self.current_ui())
        if notice:
            self.notify(notice, severity="error", markup=False)
        self._remember()

    def _remember(self) -> None:
        """Keep this thread at the top of the recent list, with its counts as they are now."""
        from tui.recent import Recent, remember
        from tui.state import home_dir

        if self.doc is None:
            return
        source = self.doc.thread.source
        card = self.doc.card
        entry = Recent(
            paths=tuple(source.paths or [source.path]),
            title=self.doc.thread.title or "",
            posts=len(self.doc.thread.posts),
            marks=len(card.user.marks) if card is not None else 0,
            unread=self.unread,
        )
        with contextlib.suppress(OSError):  # a convenience: never a reason to complain
            remember(self._home if self._home is not None else home_dir(), entry)

    def _schedule_ui_save(self) -> None:
        if self._ui_timer is not None:
            self._ui_timer.stop()
        self._ui_timer = self.set_timer(UI_SAVE_DELAY, self.save_ui)

    async def _marks_changed(self) -> None:
        edited = self.current
        self._save_marks()
        self._remember()  # the recent list counts the marks
        await self._refresh_marks()
        if edited is not None and self.post_list.index_of(edited) is None and self.filter.active:
            moved = f"; now on #{self.current}" if self.current != edited else ""
            self.notify(
                f"#{edited} no longer matches the filter ({self.filter.describe()}){moved}.",
                markup=False,
            )

    def ready_to_quit(self) -> bool:
        """Save the position; when marks could not be saved, warn first (False) and let the
        second quit through."""
        if self.save_error and not self._quit_warned:
            self._quit_warned = True
            self.notify(
                "Your marks are NOT SAVED. Press q again to quit and lose them, "
                "or e to export the scorecard somewhere writable.",
                title="Unsaved changes",
                severity="error",
                timeout=10,
                markup=False,
            )
            return False
        self.save_ui()
        return True

    # ----- actions: moving --------------------------------------------------------------------

    def _has_post(self) -> bool:
        return self.doc is not None and self.current is not None

    def action_focus_list(self) -> None:
        self.post_list.focus()

    def action_switch_pane(self) -> None:
        if self.post_list.has_focus:
            self.pane.focus()
        else:
            self.post_list.focus()

    # ----- actions: marks ---------------------------------------------------------------------

    def _can_edit(self, action: str = "") -> bool:
        """Edits wait for the saved marks (one made before them would overwrite them): an edit
        keyed while they load is kept and made once they are in (`_keep`)."""
        if self._has_post() and self.marks_ready:
            return True
        if action and not self.loading_done:
            self._keep(action, "marks")
        return False

    def _keep(self, action: str, needs: str) -> None:
        """Keep `action` (keyed while the thread, marks or scores load) for when they are in;
        it acts on the post that was under the cursor when it was keyed (keyed before the
        posts were in: the post the list keys kept with it land on)."""
        if not self._pending:
            waiting = {
                "posts": "the posts",
                "whole": "the whole thread",
                "marks": "your marks",
            }.get(needs, "the scores")
            self.notify(f"Keys kept until {waiting} are in; then they take effect.", markup=False)
        self._pending.append((action, self.current, needs))

    def on_key(self, event: events.Key) -> None:
        """A list key (j, k, G, enter…) pressed before the posts are in: nothing has focus to
        take it yet, so it is kept, in order with the edits keyed meanwhile (`_keep`).

        On a preview, `G` (the last post) means the whole thread's last post, which the preview
        does not hold yet: it is kept until the whole thread is in, and so are the list keys
        pressed after it (they move from where it lands)."""
        if self.load_error is not None:
            return
        if self.doc is not None:
            if not self._provisional:
                return
            action = self._list_action(event.key)
            waiting = any(needs == "whole" for _, _, needs in self._pending)
            if action is not None and (action == "last" or waiting):
                event.stop()
                event.prevent_default()
                self._keep(LIST_ACTION + action, "whole")
            return
        action = self._list_action(event.key)
        if action is not None:
            event.stop()
            event.prevent_default()
            self._keep(LIST_ACTION + action, "posts")

    def _list_action(self, key: str) -> str | None:
        """The post list's action for `key` as the user's keymap binds it; the tree's keys
        are left out (whether `h` folds or highlights depends on the list not read yet)."""
        bindings = self.post_list._bindings.copy()
        if self.app._keymap:
            bindings.apply_keymap(self.app._keymap)
        for binding in bindings.key_to_bindings.get(key, []):
            if not binding.action.startswith("tree_step"):
                return binding.action
        return None

    def _ready_for(self, needs: str) -> bool:
        if needs == "posts":
            return self.doc is not None
        if needs == "whole":
            return self.doc is not None and not self._provisional
        return self.marks_ready and (needs != "scores" or self.loading_done)

    async def _replay(self) -> None:
        """Run the kept actions whose data is in now, in the order they were keyed."""
        while self._pending:
            action, number, needs = self._pending[0]
            if number is None and self.doc is not None:  # keyed before the posts were in
                number = self.current
                self._pending[0] = (action, number, needs)
            if not self._ready_for(needs):
                return
            self._pending.pop(0)
            if action.startswith(LIST_ACTION):
                await self.post_list.run_action(action.removeprefix(LIST_ACTION))
                continue
            here = self.current
            if number is not None and self.post_list.index_of(number) is not None:
                self.current = number
            await self.run_action(action)
            if self.current == number and here is not None:
                self.current = here

    async def action_bookmark(self) -> None:
        if not self._can_edit("bookmark"):
            return
        assert self.doc is not None and self.current is not None
        on = self.doc.toggle_bookmark(self.current)
        self.notify(f"#{self.current} {'bookmarked' if on else 'bookmark removed'}.", markup=False)
        await self._marks_changed()

    async def action_rate(self, rating: int) -> None:
        if not self._can_edit(f"rate({rating})"):
            return
        assert self.doc is not None and self.current is not None
        self.doc.rate(self.current, rating or None)
        await self._marks_changed()

    def action_note(self) -> None:
        from tui.screens.note import NoteScreen

        if not self._can_edit("note"):
            return
        assert self.doc is not None and self.current is not None
        mark = self.doc.mark(self.current)
        number = self.current
        self.app.push_screen(
            NoteScreen(f"Note on #{number}", mark.note if mark else None),
            lambda text: self._noted(number, text),
        )

    async def _noted(self, number: int, text: str | None) -> None:
        if text is None or self.doc is None:
            return
        self.doc.set_note(number, text)
        await self._marks_changed()

    def action_override(self) -> None:
        from tui.screens.chooser import ChooserScreen

        if not self._can_edit("override"):
            return
        assert self.doc is not None and self.current is not None
        number = self.current
        score = self.doc.score(number)
        scored = f" ({score.verdict})" if score else ""
        choices: list[tuple[Content, str | None]] = [
            (Content(f"Verdict: {v}"), v) for v in VERDICTS
        ]
        choices.append((Content(f"Use the scorer's verdict{scored}"), None))
        verdict = self.doc.verdict(number)
        start = VERDICTS.index(verdict) if verdict in VERDICTS else len(VERDICTS)  # type: ignore[arg-type]
        self.app.push_screen(
            ChooserScreen(f"Your verdict on #{number}", choices, start=start),
            lambda chosen: self._overridden(number, chosen),
        )

    async def _overridden(self, number: int, verdict: Verdict | bool | None) -> None:
        if self.doc is None:
            return
        self.doc.set_override(number, verdict)  # type: ignore[arg-type]
        await self._marks_changed()

    # ----- actions: search, filter, display ---------------------------------------------------

    def action_search(self) -> None:
        from tui.screens.search import SearchScreen

        if self.doc is None:
            return
        self.app.push_screen(SearchScreen(self.search_query), self._searched)

    def _searched(self, query: str | None) -> None:
        if query is None:
            return
        self._run_search(query, move=True)
        self.save_ui()

    def _run_search(self, query: str, *, move: bool) -> None:
        if self._index is None:
            assert self.doc is not None
            self._index = SearchIndex(self.doc.search_texts())
        found = self._index.search(query)
        self.search_query = query
        self.matches = found.numbers
        self.post_list.matches = frozenset(self.matches)
        self.post_list.refresh_rows()
        pattern = match_pattern(query) if not found.approximate else None
        if pattern != self.pane.search:
            self.pane.search = pattern
            self.call_later(self.pane.redraw)
        if not (query and move):
            return
        self._search_waits = self._provisional and not self.matches
        if self._search_waits:
            assert self.doc is not None
            self.notify(
                f"Nothing matches “{query}” in the first {len(self.doc.numbers):,} posts; "
                "the search goes on over the whole thread once it is read.",
                markup=False,
            )
            return
        if not self.matches:
            self.notify(f"Nothing matches “{query}”.", markup=False)
            return
        matched = len(self.listed_matches()) or len(self.matches)
        verb = "matches" if matched == 1 else "match"
        how = " approximately (no exact match)" if found.approximate else ""
        hidden = len(self.matches) - len(self.listed_matches())
        if hidden and hidden < len(self.matches):
            how += f"; {hidden} more outside the filter"
        elif hidden:
            how += ", all outside the filter"
        self.notify(f"{plural(matched, 'post')} {verb}{how}.", markup=False)
        self._step_match(1, from_number=(self.current or 1) - 1, announce=False)

    def listed_matches(self) -> list[int]:
        """The matches the list shows (a filter or a fold may hide others)."""
        return [n for n in self.matches if self.post_list.index_of(n) is not None]

    def action_next_match(self, step: int) -> None:
        if not self.search_query:
            self.notify("No search yet: press / to search.", markup=False)
            return
        if not self.matches:
            self.notify(f"Nothing matches “{self.search_query}”.", markup=False)
            return
        self._step_match(step, from_number=self.current or 0)

    def _step_match(self, step: int, *, from_number: int, announce: bool = True) -> None:
        """Go to the next (previous) match; `announce` says when that wraps around."""
        pool = self.listed_matches() or self.matches
        target = next_match(pool, from_number, step)
        if target is None:
            return
        wrapped = target <= from_number if step > 0 else target >= from_number
        if announce and len(pool) == 1 and target == self.current:
            self.notify(f"#{target} is the only match.", markup=False)
        elif announce and wrapped:
            where = "first" if step > 0 else "last"
            self.notify(f"Search wrapped around to the {where} match, #{target}.", markup=False)
        shown = self.pane.view
        if shown is not None and shown.post.number == target:
            self.pane.call_after_refresh(self.pane.scroll_to_match)
        else:
            self.pane.seek_match = True
        self.go(target)

    def action_filter(self) -> None:
        from tui.screens.filter import FilterScreen

        if self.doc is None:
            return
        facts = self.doc.facts()
        unscored = any(f.verdict == "not-scored" for f in facts)
        self.app.push_screen(
            FilterScreen(self.filter, authors_by_posts(facts), unscored=unscored), self._filtered
        )

    def _filtered(self, chosen: Filter | None) -> None:
        if chosen is not None:
            self.set_filter(chosen)

    def set_filter(self, chosen: Filter) -> None:
        self.filter = chosen
        self._refilter(keep=self.current)
        if not self.post_list.numbers:
            self.notify("No post matches this filter.", severity="warning", markup=False)
        self.save_ui()

    async def action_toggle_highlight(self) -> None:
        self.pane.highlight = not self.pane.highlight
        await self.pane.redraw()
        self.save_ui()

    def action_fold_quotes(self) -> None:
        self.pane.fold_quotes(not self.pane.collapse_quotes)
        self.save_ui()

    # ----- actions: scorecard (the rest with the export in tui.screens.reader_export) -------

    async def action_scorecard(self) -> None:
        """Open the scorecard; on a big thread say so first, as counting it takes a moment
        (the first time: it is kept while the scores and marks stay the same)."""
        if not self._scores_needed("scorecard") or self.busy == "Counting the scorecard…":
            return
        assert self.doc is not None
        kept = self._scorecard is not None and self._scorecard[0] is self.doc.card
        if kept or len(self.doc.thread.posts) < SCORECARD_NOTICE_POSTS:
            await self._open_scorecard()
            return
        self.busy = "Counting the scorecard…"
        self.call_after_refresh(self._open_scorecard)
