"""The reader app: holds the open thread, the user's marks and the UI state, and saves every change.

A thread is read in a worker thread in three steps: parse (then the posts are on screen), the
user's saved marks, then the scores; a big thread is readable long before the scorer is done.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingsMap, BindingType
from textual.content import Content
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.timer import Timer

from parsing.errors import ThreadscoreError
from parsing.load import demo_path, load_thread
from parsing.models import Thread
from tui import key_table
from tui.document import Document
from tui.filters import VERDICTS, AuthorChoice, Filter, PostChoice, ScorecardChoice, apply_filter
from tui.history import JumpHistory, Place
from tui.keymap import drop_clashes, load_keymap
from tui.palette import ReaderCommands
from tui.safe import clean, storable
from tui.screens.reader import ReaderScreen
from tui.screens.scorecard_keys import SCORECARD_BINDINGS
from tui.search import SearchIndex, match_pattern, next_match, passage_patterns
from tui.startup import resume_collector
from tui.state import (
    ThreadFiles,
    UiState,
    config_path,
    file_stamp,
    load_ui_state,
    load_user_layer,
    save_marks,
    save_ui_state,
    thread_files,
    thread_name,
)
from tui.widgets.post_list import PostList, Row
from tui.widgets.reading_pane import ReadingPane
from tui.widgets.status_bar import Status, StatusBar
from tui.wording import plural

if TYPE_CHECKING:
    from scoring.models import Scorecard, Verdict

BLINK = 0.15
"""Loading shorter than this shows no spinner (a flash of one is worse than none)."""

PANE_DELAY = 0.06
"""Moving the cursor redraws the reading pane after this pause, so holding `j` stays smooth."""

SCORECARD_NOTICE_POSTS = 2000
"""From this many posts the scorecard takes long enough to open (~1 s at 10,000) to say so."""

UI_SAVE_DELAY = 1.0
"""Position changes are written this long after the last move (and always on quit)."""


def score_thread(thread: Thread) -> Scorecard:
    """The scorer's scorecard (imported here, in the worker, off the start-up path)."""
    from scoring import score_thread as scorer

    return scorer(thread)


def marks_only(card: Scorecard) -> Scorecard:
    """The scorecard as kept per thread: header and the user's marks, no scores or tallies.

    Scores are recomputed on every open, and at 10k posts they are 18 MB of TOML (tallies alone
    200 KB) that would take seconds to write, and to re-read for the safety check, per keypress.
    """
    return storable_card(
        card.model_copy(update={"posts": [], "authors": [], "totals": type(card.totals)()})
    )


def storable_card(card: Scorecard) -> Scorecard:
    """The card with a source path UTF-8 can write (see `tui.safe.storable`)."""
    return card.model_copy(update={"source_path": storable(card.source_path)})


class _AppGone(Exception):
    """The app ended while the loader was still working; the loader just stops."""


class ThreadscoreApp(App[None]):
    """Read one thread. `paths` as for `threadscore THREAD`.

    `thread` skips parsing, `home` replaces the state folder and `scorer` the scorer: tests use
    them to run on a fixed thread and scorecard.
    """

    CSS_PATH = Path(__file__).with_name("app.tcss")  # absolute, so subclasses elsewhere work
    TITLE = "threadscore"
    COMMANDS = App.COMMANDS | {ReaderCommands}
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-narrow"), (120, "-wide")]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit_reader", "Quit", show=False, priority=True, id="app.quit")
    ]

    def __init__(
        self,
        paths: Sequence[str | Path] | None = None,
        *,
        thread: Thread | None = None,
        home: Path | None = None,
        scorer: Callable[[Thread], Scorecard] | None = None,
    ) -> None:
        super().__init__()
        self._scorer = scorer or score_thread
        self._paths = list(paths) if paths else None
        self._given_thread = thread
        self._home = home
        self.doc: Document | None = None
        self.files: ThreadFiles | None = None
        self.writable = True
        self.ui = UiState()
        self.filter = Filter()
        self.history = JumpHistory()
        self.current: int | None = None
        self.search_query = ""
        self.matches: list[int] = []
        self.load_error: str | None = None
        self.scored = False
        self.marks_ready = False
        self.loading_done = False
        self._quitting = False
        self._quit_warned = False
        self._disk_stamp: tuple[int, int] | None = None
        self._index: SearchIndex | None = None
        self._saved = ""
        self._save_error = False
        self._ui_save_failed = False
        self._busy = "Reading the thread…"
        self._pane_timer: Timer | None = None
        self._ui_timer: Timer | None = None
        self._ui_notice: str | None = None
        self._had_ui_file = False

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Textual's notify, with escape sequences and control characters removed: messages
        carry file names and saved text, and a toast is written to the terminal byte for byte."""
        super().notify(
            clean(message), title=clean(title), severity=severity, timeout=timeout, markup=markup
        )

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's palette commands, less its "Quit": the reader's own quit (which saves the
        position and warns about unsaved marks) is in the palette already."""
        for command in super().get_system_commands(screen):
            if command.title != "Quit":
                yield command

    # ----- start-up ---------------------------------------------------------------------------

    def get_default_screen(self) -> ReaderScreen:
        if self._given_thread is not None:
            thread = self._given_thread
            files = thread_files(thread.source, self._home)
            ui, self._ui_notice = load_ui_state(files.ui)
            self._adopt(thread, files, ui)
        return ReaderScreen(id="reader")

    def on_mount(self) -> None:
        self._apply_keymap()

    def prepare_widgets(self, post_list: PostList, pane: ReadingPane) -> None:
        """Fill the reader's widgets before they are mounted, so the first frame has the posts."""
        if self.doc is None:
            return
        post_list.set_author_width(self._author_width())
        post_list.set_numbers(apply_filter(self.filter, self.doc.facts()), keep=self.current)
        pane.highlight = self.ui.highlight
        pane.collapse_quotes = self.ui.fold_quotes
        if self.current is not None:
            pane.view = self.doc.view(self.current)

    async def reader_mounted(self) -> None:
        """Called by the reader screen once its widgets exist: finish, or start loading."""
        if self._given_thread is None:
            self._show_status()
            self.set_timer(BLINK, self._maybe_show_loading)
            self._load()
            return
        # Parsed before the app started (the CLI does that for small threads): the widgets
        # were filled before mounting; marks and scores follow from the worker.
        assert self.files is not None
        self._settle()
        shown = threading.Event()  # marks and scores wait for the first frame: no CPU race
        self.call_after_refresh(self._first_frame_shown, shown)
        self._load_rest(self._given_thread, self.files, shown)

    def _first_frame_shown(self, shown: threading.Event) -> None:
        """The posts are on screen: the collector resumes (see tui.startup), the loader goes on."""
        resume_collector()
        shown.set()

    def _apply_keymap(self) -> None:
        path = self._home / "config.toml" if self._home else config_path()
        keymap, problems = load_keymap(path, self.binding_ids())
        keymap, clashes = drop_clashes(self._normalize_keymap(keymap), self.binding_contexts())
        problems += clashes
        if keymap:
            self.set_keymap(keymap)
        for problem in problems:
            self.notify(problem, title="config.toml", severity="warning", markup=False)

    def _maybe_show_loading(self) -> None:
        if self.doc is None:
            self.post_list.loading = True

    def _load(self) -> None:
        self._start_loader(self._load_all)

    def _load_rest(self, thread: Thread, files: ThreadFiles, shown: threading.Event) -> None:
        self._start_loader(lambda: self._load_marks_and_scores(thread, files, shown))

    def _start_loader(self, target: Callable[[], None]) -> None:
        """Run the loading steps in a daemon thread, not a Textual worker: quitting while a
        10k-post thread is being scored must not wait seconds for the scorer to finish."""

        def run() -> None:
            with contextlib.suppress(_AppGone):
                target()

        threading.Thread(target=run, name="threadscore-loader", daemon=True).start()

    def _call(self, callback: Callable[..., Any], *args: Any) -> Any:
        """`call_from_thread`, or stop the loader quietly when the app has already gone."""
        if self._quitting or not self.is_running:
            raise _AppGone
        try:
            return self.call_from_thread(callback, *args)
        except RuntimeError as exc:
            raise _AppGone from exc

    def _load_all(self) -> None:
        """Parse, show; then the user's marks; then scores. Each step is on screen before the next.

        The scorer's modules alone take ~150 ms to import, so nothing from `scoring` is
        imported before the posts are on screen. Edits wait for the marks (`marks_ready`): an
        edit made before them would overwrite the saved ones.
        """
        try:
            thread = load_thread(self._paths)
        except ThreadscoreError as exc:
            self._call(self._fail, str(exc))
            return
        files = thread_files(thread.source, self._home)
        ui, ui_notice = load_ui_state(files.ui)
        shown = threading.Event()
        self._call(self._thread_ready, thread, files, ui, ui_notice, shown)
        self._load_marks_and_scores(thread, files, shown)

    def _load_marks_and_scores(
        self, thread: Thread, files: ThreadFiles, shown: threading.Event | None
    ) -> None:
        """In the loader: wait for the posts' first frame, then read marks, then score."""
        if shown is not None:
            shown.wait(timeout=2.0)
        from tui.document import empty_scorecard, search_texts

        index = SearchIndex(search_texts(thread))
        self._call(self._index_ready, index)
        stamp = file_stamp(files.scorecard)  # before reading: a change after it is merged later
        loaded = load_user_layer(files.scorecard, thread)
        card = empty_scorecard(thread).model_copy(update={"user": loaded.layer})
        restored = loaded.restored_from is not None
        self._disk_stamp = stamp
        self._call(
            self._marks_ready, card, loaded.writable, loaded.notice, restored, loaded.earlier_ui
        )
        try:
            scored = self._scorer(thread)
        except Exception as exc:  # a scorer bug must not cost the user their reading
            self._call(self._scoring_failed, f"{type(exc).__name__}: {exc}")
            return
        self._call(self._scores_ready, scored)

    def _scoring_failed(self, message: str) -> None:
        self._busy = ""
        self.loading_done = True
        if self.doc is not None and self.filter.active:
            self._refilter(keep=self.current)  # says why an empty list is empty
        self._show_status()
        self.notify(
            f"Scoring failed, so verdicts are missing ({message}). Your marks still save.",
            severity="error",
            markup=False,
        )

    def _fail(self, message: str) -> None:
        """A thread we cannot read: leave the terminal and let the CLI print one line."""
        self.load_error = message
        self.loading_done = True
        self.exit(return_code=1)

    def _adopt(self, thread: Thread, files: ThreadFiles, ui: UiState) -> None:
        """Take a parsed thread and the saved UI state (data only; no widgets touched)."""
        self.doc = Document(thread)
        self.files = files
        self._had_ui_file = files.ui.exists()
        self.ui = ui
        self.filter = ui.filter
        position = ui.position_in(thread) or 1
        shown = apply_filter(self.filter, self.doc.facts())
        if position in set(shown) or not shown:
            self.current = position
        else:
            self.current = shown[0]

    def _author_width(self) -> int:
        assert self.doc is not None
        return min(max((len(a) for a in self.doc.authors()), default=1), 16) or 1

    def _settle(self) -> None:
        """After the first frame's data is in: search, focus, status, notices."""
        if self.ui.search:
            self._run_search(self.ui.search, move=False)
        self.post_list.focus()
        self._busy = "Reading your marks…"
        self._show_status()
        if self._ui_notice:
            self.notify(self._ui_notice, title="Saved state", severity="warning", markup=False)
        if self.doc is not None and self.doc.thread.warnings:  # printed where no one sees it
            warnings = self.doc.thread.warnings
            more = f" (and {len(warnings) - 3} more)" if len(warnings) > 3 else ""
            self.notify(
                "\n".join(warnings[:3]) + more,
                title="While reading the thread",
                severity="warning",
                timeout=10,
                markup=False,
            )

    async def _thread_ready(
        self,
        thread: Thread,
        files: ThreadFiles,
        ui: UiState,
        ui_notice: str | None,
        shown: threading.Event | None = None,
    ) -> None:
        """The worker parsed a big thread: fill the (already mounted) widgets."""
        self._adopt(thread, files, ui)
        self._ui_notice = ui_notice
        self.pane.highlight = ui.highlight
        self.pane.collapse_quotes = ui.fold_quotes
        self.post_list.set_author_width(self._author_width())
        self.post_list.loading = False
        self._refilter(keep=self.current)
        await self._open_now()
        self._settle()
        if shown is not None:
            self.call_after_refresh(self._first_frame_shown, shown)

    def _index_ready(self, index: SearchIndex) -> None:
        if self._index is None:
            self._index = index

    async def _marks_ready(
        self,
        card: Scorecard,
        writable: bool,
        notice: str | None,
        restored: bool = False,
        earlier_ui: UiState | None = None,
    ) -> None:
        if self.doc is None:
            return
        self.doc.set_card(card)
        self.writable = writable
        self.marks_ready = True
        if restored:
            self._save_marks()  # copy forward: the earlier file stays as it was
        if earlier_ui is not None and not self._had_ui_file:
            await self._take_earlier_ui(earlier_ui)
        self._busy = f"Scoring {len(self.doc.thread.posts)} posts…"
        await self._refresh_marks()
        if notice:
            self.notify(notice, title="Saved state", severity="warning", markup=False)

    async def _take_earlier_ui(self, ui: UiState) -> None:
        """Position, filter and search of the earlier state the marks came from; only when this
        thread had no UI state of its own, which would be the newer word on where the user was."""
        assert self.doc is not None
        self.ui = ui
        self.filter = ui.filter
        self.pane.highlight = ui.highlight
        self.pane.collapse_quotes = ui.fold_quotes
        position = ui.nearest_in(self.doc.thread)
        if position is not None:
            self.current = position
        self._refilter(keep=self.current)
        if ui.search:
            self._run_search(ui.search, move=False)
        await self._open_now()
        self._save_ui()

    async def _scores_ready(self, scored: Scorecard) -> None:
        if self.doc is None:
            return
        assert self.doc.card is not None
        self.doc.set_card(scored.model_copy(update={"user": self.doc.card.user}))
        self.scored = True
        self.loading_done = True
        self._busy = ""
        await self._refresh_marks()
        if self.filter.active and not self.post_list.numbers:  # verdicts and marks are in now
            self.notify(
                f"The saved filter ({self.filter.describe()}) matches no post: "
                "press f to change it (ctrl+r there clears it).",
                title="Nothing to list",
                severity="warning",
                markup=False,
            )

    async def _refresh_marks(self) -> None:
        """Redraw what marks and verdicts change: list rows, the filtered list, the open post."""
        self.post_list.refresh_rows()
        if self.filter.active:
            self._refilter(keep=self.current)
        else:
            self._show_status()
        await self._open_now(keep_scroll=True)

    # ----- widgets ----------------------------------------------------------------------------

    @property
    def reader(self) -> ReaderScreen:
        screen = self.screen_stack[0]
        assert isinstance(screen, ReaderScreen)
        return screen

    @property
    def post_list(self) -> PostList:
        return self.reader.query_one(PostList)

    @property
    def pane(self) -> ReadingPane:
        return self.reader.query_one(ReadingPane)

    def row_for(self, number: int) -> Row:
        assert self.doc is not None
        return self.doc.row(number)

    # ----- list, pane and status --------------------------------------------------------------

    def _refilter(self, *, keep: int | None) -> None:
        """Apply the filter; when it hides the open post, open the one the cursor lands on."""
        assert self.doc is not None
        numbers = apply_filter(self.filter, self.doc.facts())
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
        landed = self.post_list.current
        if landed is not None and landed != self.current:
            self.current = landed
            self.call_later(self._open_now)
        self._show_status()

    def cursor_moved(self, number: int) -> None:
        """The list's cursor is on `number` now: every action from here on acts on it."""
        if self.doc is not None:
            self.current = number

    def on_post_list_highlighted(self, message: PostList.Highlighted) -> None:
        if self.doc is None:
            return
        # The cursor may have moved on since this message was posted: it, not the message, wins.
        self.current = self.post_list.current or message.number
        self._show_status()
        self._schedule_ui_save()
        if self._pane_timer is not None:
            self._pane_timer.stop()
        shown = self.pane.view
        if shown is not None and shown.post.number == self.current:
            return  # already open (enter got there first): redrawing would lose the scroll
        if message.jump:
            self.call_later(self._open_now)
        else:
            self._pane_timer = self.set_timer(PANE_DELAY, self._open_now)

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
        self.reader.set_focus(self.pane)  # now, not after the queue as `focus()` would
        self.call_later(self._open_now)

    async def _open_now(self, keep_scroll: bool = False) -> None:
        if self._pane_timer is not None:
            self._pane_timer.stop()
            self._pane_timer = None
        if self.doc is None or self.current is None or not self.screen_stack:
            return
        pane = self.pane  # the app may be gone when the await returns
        await pane.show(self.doc.view(self.current), keep_scroll=keep_scroll)
        pane.opening = False

    def _show_status(self) -> None:
        if not self.screen_stack or not self.reader.is_mounted:
            return
        match_index = None
        if self.search_query and self.current in self.matches:
            match_index = self.matches.index(self.current) + 1
        status = Status(
            position=self.current,
            shown=len(self.post_list.numbers),
            total=len(self.doc.thread.posts) if self.doc else 0,
            filter=self.filter.describe(),
            search=self.search_query,
            match_index=match_index,
            match_count=len(self.matches),
            saved=self._busy or self._saved,
            save_error=self._save_error and not self._busy,
            busy=self._busy if self.doc is None else "",
            title=(self.doc.thread.title or "") if self.doc else "",
        )
        self.reader.query_one(StatusBar).show(status)

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
            self._save_ui()
            self.notify(f"Filter cleared to show #{number}.", markup=False)
        self.post_list.go_to(number, jump=True)

    # ----- saving -----------------------------------------------------------------------------

    def _save_marks(self) -> None:
        """Write the thread's scorecard with the user's layer now; failures are shown, not hidden.

        Only the marks are written (see `marks_only`); `e` exports the full scorecard.
        """
        assert self.doc is not None and self.files is not None
        stamp = dt.datetime.now().strftime("%H:%M:%S")
        if not self.writable:
            self._saved, self._save_error = "not saved (see notice)", True
            self._show_status()
            return
        from scoring.store import ScorecardFileError

        try:
            saved = save_marks(self.files.scorecard, marks_only(self.doc.card), self.doc.thread)
            self._disk_stamp, aside = saved.stamp, saved.aside
        except (OSError, UnicodeError, ScorecardFileError) as exc:
            self._saved, self._save_error = "NOT SAVED", True
            self.notify(f"Could not save: {exc}", severity="error", markup=False)
        else:
            self._saved, self._save_error = f"saved {stamp}", False
            self._quit_warned = False
            if aside is not None:
                self.notify(f"An unreadable scorecard was kept as {aside.name}.", markup=False)
            if saved.merged:  # another reader on this thread saved: its marks are ours now too
                self.doc.merge_saved(saved.layer)
                self.post_list.refresh_rows()
                self.notify(
                    f"Another reader saved marks on this thread: {saved.merged} merged in.",
                    markup=False,
                )
        self._show_status()

    def _current_ui(self) -> UiState:
        """Where the user is now. Also called by the save timer while the app shuts down, when
        the reader's screen (and the pane's toggles) may be gone: the last saved ones stand."""
        post_id = None
        if self.doc is not None and self.current is not None:
            post_id = self.doc.post(self.current).id
        shown = self.screen_stack and isinstance(self.screen_stack[0], ReaderScreen)
        if shown:
            self.ui.highlight, self.ui.fold_quotes = self.pane.highlight, self.pane.collapse_quotes
        return UiState(
            post_id=post_id,
            number=self.current,
            filter=self.filter,
            search=self.search_query,
            highlight=self.ui.highlight,
            fold_quotes=self.ui.fold_quotes,
        )

    def _save_ui(self) -> None:
        if self._ui_timer is not None:
            self._ui_timer.stop()
            self._ui_timer = None
        if self.files is None or self.doc is None:
            return
        try:
            save_ui_state(self.files.ui, self._current_ui())
        except OSError as exc:
            if not self._ui_save_failed:  # once, not after every move
                self.notify(
                    f"Could not save the reader state: {exc}", severity="error", markup=False
                )
            self._ui_save_failed = True
        else:
            self._ui_save_failed = False

    def _schedule_ui_save(self) -> None:
        if self._ui_timer is not None:
            self._ui_timer.stop()
        self._ui_timer = self.set_timer(UI_SAVE_DELAY, self._save_ui)

    async def _marks_changed(self) -> None:
        edited = self.current
        self._save_marks()
        await self._refresh_marks()
        if edited is not None and self.post_list.index_of(edited) is None and self.filter.active:
            moved = f"; now on #{self.current}" if self.current != edited else ""
            self.notify(
                f"#{edited} no longer matches the filter ({self.filter.describe()}){moved}.",
                markup=False,
            )

    # ----- actions ----------------------------------------------------------------------------

    def _has_post(self) -> bool:
        return self.doc is not None and self.current is not None

    def _can_edit(self) -> bool:
        """Edits wait for the saved marks: one made before them would overwrite them."""
        if not self._has_post():
            return False
        if not self.marks_ready:
            self.notify("Still reading your saved marks; try again in a moment.", markup=False)
        return self.marks_ready

    def action_focus_list(self) -> None:
        self.post_list.focus()

    def action_switch_pane(self) -> None:
        if self.post_list.has_focus:
            self.pane.focus()
        else:
            self.post_list.focus()

    def _post_label(self, number: int) -> Content:
        assert self.doc is not None
        return Content(self.doc.label(number))

    def action_follow_quote(self) -> None:
        from tui.screens.chooser import ChooserScreen

        if not self._has_post():
            return
        assert self.doc is not None and self.current is not None
        targets = self.doc.targets(self.current)
        if not targets:
            self.notify(f"#{self.current} quotes no other post in this thread.", markup=False)
        elif len(targets) == 1:
            self._follow(self.current, targets[0])
        else:
            origin = self.current
            choices = [(self._post_label(n), n) for n in targets]
            self.push_screen(
                ChooserScreen(f"#{origin} quotes {len(targets)} posts: follow which?", choices),
                lambda number: self._follow(origin, number),
            )

    def _follow(self, quoting: int | None, quoted: int | None, *, to_quoting: bool = False) -> None:
        """Go to the quoted post (or, `to_quoting`, to the quoting one) with the passage the
        quote repeats marked and in view; None (a chooser cancelled) stays."""
        if quoting is None or quoted is None or self.doc is None:
            return
        quote = next((q for q in self.doc.post(quoting).quotes if q.target == quoted), None)
        target = quoting if to_quoting else quoted
        if quote is not None:
            self.pane.follow_passage(target, passage_patterns(quote.text))
        self.go(target)

    def action_quoted_by(self) -> None:
        from tui.screens.chooser import ChooserScreen

        if not self._has_post():
            return
        assert self.doc is not None and self.current is not None
        quoting = self.doc.quoted_by.get(self.current, [])
        if not quoting:
            self.notify(f"No later post quotes #{self.current}.", markup=False)
            return
        quoted = self.current
        choices = [(self._post_label(n), n) for n in quoting]
        verb = "quote" if len(quoting) > 1 else "quotes"
        title = f"{plural(len(quoting), 'post')} {verb} #{quoted}"
        self.push_screen(
            ChooserScreen(title, choices),
            lambda number: self._follow(number, quoted, to_quoting=True),
        )

    def action_back(self) -> None:
        if self.current is None:
            return
        target = self.history.back(self.current)
        if target is None:
            self.notify("Nothing to go back to.", markup=False)
        else:
            self._return_to(target)

    def action_forward(self) -> None:
        if self.current is None:
            return
        target = self.history.forward(self.current)
        if target is None:
            self.notify("Nothing to go forward to.", markup=False)
        else:
            self._return_to(target)

    def _leave(self, target: int) -> None:
        """Note how the open post is left for `target`: its scroll, and the filter when the
        jump is about to clear it to show `target`."""
        origin = self.current
        if origin is None or origin == target:
            return
        shown = self.pane.view
        scroll = self.pane.scroll_y if shown is not None and shown.post.number == origin else 0
        hidden = self.post_list.index_of(target) is None and self.filter.active
        self.history.leave(origin, Place(scroll, self.filter if hidden else None))

    def _return_to(self, target: int) -> None:
        """Back or forward to `target` as it was left: scrolled where it was, and with the
        filter a jump from it cleared, unless the user has set another filter since."""
        place = self.history.places.get(target, Place())
        self._leave(target)
        if place.filter is not None and not self.filter.active:
            self.filter = place.filter
            self.current = target
            self._refilter(keep=target)
            self._save_ui()
            self.notify(f"Filter back on: {place.filter.describe()}.", markup=False)
        shown = self.pane.view
        if shown is not None and shown.post.number == target:
            self.pane.scroll_to(y=place.scroll, animate=False)
        else:
            self.pane.scroll_on_show = place.scroll
        self.go(target, record=False)

    async def action_bookmark(self) -> None:
        if not self._can_edit():
            return
        assert self.doc is not None and self.current is not None
        on = self.doc.toggle_bookmark(self.current)
        self.notify(f"#{self.current} {'bookmarked' if on else 'bookmark removed'}.", markup=False)
        await self._marks_changed()

    def action_next_bookmark(self) -> None:
        if not self._has_post():
            return
        assert self.doc is not None and self.current is not None
        target = next_match(self.doc.bookmarks(), self.current, 1)
        if target is None:
            self.notify("No bookmarks yet.", markup=False)
        elif target == self.current:
            self.notify(f"#{target} is the only bookmark.", markup=False)
        else:
            self.go(target)

    async def action_rate(self, rating: int) -> None:
        if not self._can_edit():
            return
        assert self.doc is not None and self.current is not None
        self.doc.rate(self.current, rating or None)
        await self._marks_changed()

    def action_note(self) -> None:
        from tui.screens.note import NoteScreen

        if not self._can_edit():
            return
        assert self.doc is not None and self.current is not None
        mark = self.doc.mark(self.current)
        number = self.current
        self.push_screen(
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

        if not self._can_edit():
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
        self.push_screen(
            ChooserScreen(f"Your verdict on #{number}", choices, start=start),
            lambda chosen: self._overridden(number, chosen),
        )

    async def _overridden(self, number: int, verdict: Verdict | bool | None) -> None:
        if self.doc is None:
            return
        self.doc.set_override(number, verdict)  # type: ignore[arg-type]
        await self._marks_changed()

    def action_search(self) -> None:
        from tui.screens.search import SearchScreen

        if self.doc is None:
            return
        self.push_screen(SearchScreen(self.search_query), self._searched)

    def _searched(self, query: str | None) -> None:
        if query is None:
            return
        self._run_search(query, move=True)
        self._save_ui()

    def _run_search(self, query: str, *, move: bool) -> None:
        if self._index is None:
            assert self.doc is not None
            self._index = SearchIndex(self.doc.search_texts())
        self.search_query = query
        found = self._index.search(query)
        self.matches = found.numbers
        self.post_list.matches = frozenset(self.matches)
        self.post_list.refresh_rows()
        pattern = match_pattern(query) if not found.approximate else None
        if pattern != self.pane.search:
            self.pane.search = pattern
            self.call_later(self.pane.redraw)
        if query and move:
            if not self.matches:
                self.notify(f"Nothing matches “{query}”.", markup=False)
            else:
                matched = len(self.matches)
                verb = "matches" if matched == 1 else "match"
                how = " approximately (no exact match)" if found.approximate else ""
                self.notify(f"{plural(matched, 'post')} {verb}{how}.", markup=False)
                self._step_match(1, from_number=(self.current or 1) - 1, announce=False)
        self._show_status()

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
        visible = [n for n in self.matches if self.post_list.index_of(n) is not None]
        pool = visible or self.matches
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
        self._show_status()

    def action_filter(self) -> None:
        from tui.screens.filter import FilterScreen

        if self.doc is None:
            return
        authors = [a for a in self.doc.authors()]
        self.push_screen(FilterScreen(self.filter, authors), self._filtered)

    def _filtered(self, chosen: Filter | None) -> None:
        if chosen is None:
            return
        self.set_filter(chosen)

    def set_filter(self, chosen: Filter) -> None:
        self.filter = chosen
        self._refilter(keep=self.current)
        if not self.post_list.numbers:
            self.notify("No post matches this filter.", severity="warning", markup=False)
        self._save_ui()

    async def action_toggle_highlight(self) -> None:
        self.pane.highlight = not self.pane.highlight
        await self.pane.redraw()
        self._save_ui()

    def action_fold_quotes(self) -> None:
        self.pane.fold_quotes(not self.pane.collapse_quotes)
        self._save_ui()

    def _scores_needed(self, *, or_failed: bool = False) -> bool:
        """The scorecard and the export need the scores; say so while the scorer runs.

        `or_failed`: go ahead without scores when scoring failed (an export still saves marks).
        """
        if self.doc is None or self.doc.card is None:
            return False
        if self.scored or (or_failed and self.loading_done):
            return True
        if self.loading_done:
            self.notify("Scoring failed, so there is no scorecard.", markup=False)
        else:
            posts = len(self.doc.thread.posts)
            self.notify(f"Still scoring {posts} posts; try again in a moment.", markup=False)
        return False

    def action_scorecard(self) -> None:
        """Open the scorecard; on a big thread say so first, as counting it takes a moment."""
        if not self._scores_needed() or self._busy:
            return
        assert self.doc is not None
        if len(self.doc.thread.posts) < SCORECARD_NOTICE_POSTS:
            self._open_scorecard()
            return
        self._busy = "Counting the scorecard…"
        self._show_status()
        self.call_after_refresh(self._open_scorecard)

    def _open_scorecard(self) -> None:
        self._busy = ""
        self._show_status()
        if self.doc is None or self.doc.card is None:
            return
        try:
            from tui.screens.scorecard import ScorecardScreen
        except ImportError:
            self.notify("The scorecard screen is not available.", markup=False)
            return
        self.push_screen(
            ScorecardScreen(self.doc.thread, self.doc.card, id="scorecard"), self._scorecard_closed
        )

    def _scorecard_closed(self, choice: ScorecardChoice | None) -> None:
        if choice is None or self.doc is None:
            return
        if isinstance(choice, PostChoice):
            self.go(choice.number)
        elif isinstance(choice, AuthorChoice):
            self.set_filter(Filter(author=choice.author))

    def default_export_path(self) -> Path:
        """`THREAD.scorecard.toml` beside the thread (beside the folder for a thread of several
        pages); the current folder for the demo thread."""
        assert self.doc is not None
        source = Path(self.doc.thread.source.path)
        name = f"{thread_name(self.doc.thread.source) or 'thread'}.scorecard.toml"
        if not source.name or source == demo_path():
            return Path.cwd() / name
        return source.with_name(name)

    def action_export(self) -> None:
        from tui.screens.export import ExportScreen

        if not self._scores_needed(or_failed=True):
            return
        self.push_screen(ExportScreen(self.default_export_path()), self._exported)

    def _exported(self, path: Path | None) -> None:
        if path is None or self.doc is None:
            return
        self.notify(f"Exporting the scorecard to {path}…", markup=False)
        self._export(self.doc.card, path)

    @work(thread=True, group="export", exit_on_error=False)
    def _export(self, card: Scorecard, path: Path) -> None:
        """Serialise off the UI thread: a 10k-post scorecard takes seconds to write."""
        from scoring.store import check_output, save_scorecard

        thread_source = self.doc.thread.source if self.doc is not None else None
        inputs = (thread_source.paths or [thread_source.path]) if thread_source else []
        try:
            aside = save_scorecard(storable_card(card), check_output(path, inputs))
        except ThreadscoreError as exc:  # a folder, the thread itself, someone else's file
            message = f"Not exported: {exc}"
            self.call_from_thread(self.notify, message, severity="error", markup=False)
            return
        except OSError as exc:
            message = f"Export failed: {exc.strerror or exc}"
            self.call_from_thread(self.notify, message, severity="error", markup=False)
            return
        message = f"Scorecard written to {path}"
        if aside is not None:
            message += f" (the damaged file there was kept as {aside.name})"
        self.call_from_thread(self.notify, message, title="Exported", markup=False)

    def action_help(self) -> None:
        where = self._home / "config.toml" if self._home else config_path()
        hint = f'ctrl+p: command palette. Remap keys in {where}: [keys] binding_id = "key,key"'
        from tui.screens.help import HelpScreen

        self.push_screen(HelpScreen(self.key_help(), hint))

    async def action_quit_reader(self) -> None:
        """Quit; when marks could not be saved, warn first and quit on the second press."""
        if self._save_error and not self._quit_warned:
            self._quit_warned = True
            self.notify(
                "Your marks are NOT SAVED. Press q again to quit and lose them, "
                "or e to export the scorecard somewhere writable.",
                title="Unsaved changes",
                severity="error",
                timeout=10,
                markup=False,
            )
            return
        self._save_ui()
        self._quitting = True
        self.exit()

    async def action_quit(self) -> None:
        """Any route to Textual's quit action quits as the reader does."""
        await self.action_quit_reader()

    def action_help_quit(self) -> None:
        """ctrl+c copies in text boxes and does not quit; say what does (Textual's version
        looks for its own quit action, which the reader replaces)."""
        self.notify("Press q to quit (ctrl+q from any screen).", markup=False)

    # ----- keys: help, palette, remapping -----------------------------------------------------

    def _binding_owners(self) -> list[tuple[str, Any, list[Binding]]]:
        """(section, live node, declared bindings) for every node carrying the reader's keys."""
        owners: list[tuple[str, Any, list[Binding]]] = []
        for title, bindings, finder in (
            ("Reader", ReaderScreen.BINDINGS, lambda: self.reader),
            ("Post list", PostList.BINDINGS, lambda: self.post_list),
            ("Reading pane", ReadingPane.BINDINGS, lambda: self.pane),
            ("Scorecard", SCORECARD_BINDINGS, self._scorecard_screen),
        ):
            try:
                node = finder()
            except Exception:
                node = None
            owners.append((title, node, list(Binding.make_bindings(bindings))))
        return owners

    def _scorecard_screen(self) -> Any:
        """The scorecard screen when it is open (its keys as bound now), else None."""
        return next((s for s in self.screen_stack if s.id == "scorecard"), None)

    def binding_ids(self) -> list[str]:
        """The ids a user may remap in config.toml."""
        return key_table.binding_ids([declared for _s, _n, declared in self._binding_owners()])

    def binding_contexts(self) -> list[list[tuple[str, str]]]:
        """(id, key) pairs of the bindings active together (see `key_table.binding_contexts`)."""
        return key_table.binding_contexts(
            {title: declared for title, _node, declared in self._binding_owners()}
        )

    def key_help(self) -> list[tuple[str, list[key_table.KeyHelp]]]:
        """The reader's keys as they are now bound (after the user's keymap)."""
        sections: list[tuple[str, list[key_table.KeyHelp]]] = []
        for section, node, declared in self._binding_owners():
            live: BindingsMap = node._bindings.copy() if node is not None else BindingsMap(declared)
            if self._keymap:
                live.apply_keymap(self._keymap)
            keys: dict[str, list[str]] = {}
            for bindings in live.key_to_bindings.values():
                for binding in bindings:
                    if binding.id:
                        keys.setdefault(binding.id, []).append(self.get_key_display(binding))
            rows = key_table.help_rows(declared, keys)
            sections.append((section, rows))
        return sections

    def palette_commands(self) -> list[tuple[str, str, str]]:
        """(title, action, keys) for the reader's own keys, for the command palette."""
        declared = Binding.make_bindings(ReaderScreen.BINDINGS)
        return key_table.palette_entries(list(declared), self.key_help()[0][1])
