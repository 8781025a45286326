"""Every dialog answers once: a second enter, a queued key or a key after it closed is ignored.

Two enters in one terminal read (a fast typist, a paste, keys queued while a 10k-post thread
keeps the reader busy) used to run a dialog's answer twice and pop the reader itself
(`ScreenStackError`), and keys queued behind an enter were typed into the export box, which
then wrote the scorecard to a file named after them. `at_once` delivers keys as one read does:
all queued before the first is handled. `press` is Pilot's, which waits between keys.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.conftest import SHARED, needs_shared
from tests.reader_support import (
    keys_at_once,
    make_app,
    press,
    ready,
    settle,
    small_thread,
    until,
    wait_loaded,
)
from tui.app import ThreadscoreApp
from tui.screens.chooser import ChooserScreen
from tui.screens.export import ExportScreen
from tui.screens.filter import FilterScreen
from tui.screens.help import HelpScreen
from tui.screens.note import NoteScreen
from tui.screens.reader import ReaderScreen
from tui.screens.scorecard import ScorecardScreen
from tui.screens.search import SearchScreen

Send = Callable[[Pilot[None], str], Awaitable[None]]

CHARACTERS = {"enter": "\r", "escape": "\x1b", "ctrl+s": "\x13", "space": " "}


async def at_once(pilot: Pilot[None], *keys: str) -> None:
    """Queue `keys` on the app as one terminal read would, then wait until all are handled."""
    await keys_at_once(pilot, *keys, chars=CHARACTERS)
    await settle(pilot)


async def one_press(pilot: Pilot[None], *keys: str) -> None:
    await press(pilot, *keys)


SENDERS = pytest.mark.parametrize("send", [at_once, one_press], ids=["one-read", "one-press"])


@pytest.fixture(autouse=True)
def _home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THREADSCORE_HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)


def back_in_reader(app) -> bool:
    return app.is_running and isinstance(app.screen, ReaderScreen) and len(app.screen_stack) == 1


@SENDERS
async def test_search_answers_once(tmp_path: Path, send) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await press(pilot, "slash", "c", "a", "r")
        assert isinstance(app.screen, SearchScreen)
        await send(pilot, "enter", "enter")
        assert back_in_reader(app)
        assert app.reader.search_query == "car"


@SENDERS
async def test_verdict_chooser_answers_once(tmp_path: Path, send) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await press(pilot, "v")
        assert isinstance(app.screen, ChooserScreen)
        await send(pilot, "enter", "enter")
        assert back_in_reader(app)
        assert app.reader.doc.verdict(1) == "evidenced"


@SENDERS
async def test_quoted_by_chooser_answers_once(tmp_path: Path, send) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await press(pilot, "r")
        assert isinstance(app.screen, ChooserScreen)
        await send(pilot, "enter", "enter")
        assert back_in_reader(app)
        assert app.reader.current == 2


@SENDERS
async def test_export_answers_once_and_later_keys_never_name_the_file(tmp_path: Path, send) -> None:
    app = make_app(tmp_path, small_thread(str(tmp_path / "thread.txt")))
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await press(pilot, "e")
        assert isinstance(app.screen, ExportScreen)
        await send(pilot, "enter", "enter", "j", "j")
        await app.workers.wait_for_complete()
        assert back_in_reader(app)
    assert (tmp_path / "thread.scorecard.toml").is_file()
    assert not (tmp_path / "j").exists() and not (tmp_path / "jj").exists()


async def test_two_enters_at_once_never_confirm_an_overwrite(tmp_path: Path) -> None:
    app = make_app(tmp_path, small_thread(str(tmp_path / "thread.txt")))
    target = tmp_path / "thread.scorecard.toml"
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await press(pilot, "e", "enter")
        await app.workers.wait_for_complete()
        before = target.read_text(encoding="utf-8")
        await press(pilot, "5", "e")
        await at_once(pilot, "enter", "enter")  # the second was typed before the question showed
        assert isinstance(app.screen, ExportScreen)
        assert "enter again" in str(app.screen.query_one("#export-hint").render())
        assert target.read_text(encoding="utf-8") == before
        await one_press(pilot, "enter")  # asked, and answered
        await app.workers.wait_for_complete()
        assert back_in_reader(app)
    assert target.read_text(encoding="utf-8") != before


@SENDERS
async def test_note_answers_once_and_keeps_only_what_came_before_saving(
    tmp_path: Path, send
) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await press(pilot, "a", "o", "k")
        assert isinstance(app.screen, NoteScreen)
        await send(pilot, "ctrl+s", "ctrl+s", "x")
        assert back_in_reader(app)
        assert app.reader.doc.mark(1).note == "ok"


@SENDERS
async def test_filter_answers_once(tmp_path: Path, send) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await press(pilot, "f")
        assert isinstance(app.screen, FilterScreen)
        await send(pilot, "ctrl+s", "ctrl+s")
        assert back_in_reader(app)


@SENDERS
async def test_help_closes_once(tmp_path: Path, send) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await press(pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        await send(pilot, "escape", "escape")
        assert back_in_reader(app)


@SENDERS
async def test_scorecard_answers_once(tmp_path: Path, send) -> None:
    from scoring import score_thread

    app = ThreadscoreApp(thread=small_thread(), home=tmp_path, scorer=score_thread)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await press(pilot, "s")

        def table_ready() -> bool:
            return isinstance(app.screen, ScorecardScreen) and app.screen._cursor_row() is not None

        await until(pilot, table_ready, "the scorecard's table")
        await send(pilot, "enter", "enter")
        assert back_in_reader(app)
        assert app.reader.filter.author is not None


@needs_shared
async def test_keys_typed_on_the_heels_of_the_one_opening_a_dialog_go_into_it(
    tmp_path: Path,
) -> None:
    """ "/through" and enter in one terminal read (a fast typist, as in less or vim) used to
    open an empty search box while the letters acted as the list's commands: o followed a
    quote, r listed the quoting posts, h and t toggled the highlighting and the tree."""
    thread = SHARED / "datasets" / "iac" / "9455.marked.txt"
    app = ThreadscoreApp([thread], home=tmp_path / "home")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(app)
        await settle(pilot)
        reader = app.reader
        assert reader.doc is not None
        highlight, tree = reader.pane.highlight, reader.post_list.tree_mode
        await at_once(pilot, "slash", *"through", "enter")
        assert back_in_reader(app)
        assert reader.search_query == "through" and reader.matches
        assert reader.current == reader.matches[0]
        assert (reader.pane.highlight, reader.post_list.tree_mode) == (highlight, tree)
        await at_once(pilot, "a", *"Good source", "ctrl+s")  # G would go to the last post
        assert back_in_reader(app)
        mark = reader.doc.mark(reader.matches[0])
        assert mark is not None and mark.note == "Good source"
        await at_once(pilot, "f", "space", "ctrl+s")  # the first tick: evidenced
        assert back_in_reader(app)
        assert reader.filter.verdicts == {"evidenced"}
