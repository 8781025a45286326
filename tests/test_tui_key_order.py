"""Keys that arrive together (one terminal read: a fast typist, a slow ssh link, keys typed
while a big thread keeps the reader busy) act in the order they were typed, in the reader and
in its text boxes."""

from __future__ import annotations

from pathlib import Path

from tests.reader_support import (
    fixed_scorer,
    keys_at_once,
    long_thread,
    make_app,
    press,
    ready,
    settle,
    small_thread,
    until,
)
from tui.app import ThreadscoreApp
from tui.screens.export import ExportScreen
from tui.screens.note import NoteScreen
from tui.screens.search import SearchScreen


async def test_a_jump_keyed_after_moves_follows_the_post_moved_to(tmp_path: Path) -> None:
    """`o` opens a jump at once when read (a priority binding); the moves typed before it went
    the long way, through the list, and the jump left from post 1."""
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await keys_at_once(pilot, "j", "j", "j", "o")
        await settle(pilot)
        assert app.reader.current == 2  # post 4 quotes post 2
        await keys_at_once(pilot, "left_square_bracket", "k", "k", "k", "r")
        await until(pilot, lambda: app.screen is not app.reader, "the quoted-by list")
        await settle(pilot)
        assert str(app.screen.query_one(".dialog-title").render()) == "2 posts quote #1"


async def test_a_note_keyed_after_a_move_is_the_moved_to_posts(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await keys_at_once(pilot, "j", "j", "a", "x", "y", "backspace", "z")
        await until(pilot, lambda: isinstance(app.screen, NoteScreen), "the note editor")
        await settle(pilot)
        assert "#3" in str(app.screen.query_one(".dialog-title").render())
        await press(pilot, "ctrl+s")
        doc = app.reader.doc
        assert doc is not None and doc.mark(3).note == "xz" and doc.mark(1) is None


async def test_editing_keys_in_a_box_act_in_the_order_typed(tmp_path: Path) -> None:
    """Backspace, arrows and ctrl+u are bindings of the box: they used to run after the
    letters typed behind them ("ab", backspace, "c" searched for "ab")."""
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await keys_at_once(pilot, "slash", "b", "u", "s", "backspace", "r", "home", "x")
        await until(pilot, lambda: isinstance(app.screen, SearchScreen), "the search box")
        await settle(pilot)
        box = app.screen.query_one("Input")
        assert box.value == "xbur"
        await keys_at_once(pilot, "end", "ctrl+u", "d", "o", "u", "b", "t", "enter")
        await settle(pilot)
        assert app.reader.search_query == "doubt"


async def test_a_path_mended_as_typed_is_the_one_written(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    target = tmp_path / "mine.toml"
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await press(pilot, "e")
        await until(pilot, lambda: isinstance(app.screen, ExportScreen), "the export dialog")
        await settle(pilot)
        typo = [*str(tmp_path / "mine.tmol"), "backspace", "backspace", "backspace"]
        await keys_at_once(pilot, *typo, "o", "m", "l", "enter")
        await until(pilot, lambda: app.screen is app.reader, "the export dialog to close")
        await settle(pilot)
        assert target.read_text(encoding="utf-8").startswith("# threadscore scorecard")


async def test_keys_after_tab_go_to_the_pane_it_focused(tmp_path: Path) -> None:
    """tab (a binding of the reader screen) runs once the key has come up from the list; the
    j j typed behind it had been handed to the list already and moved its cursor."""
    app = make_app(tmp_path, long_thread())
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await press(pilot, "G")
        assert app.reader.current == 6
        await keys_at_once(pilot, "k", "tab", "j", "j")
        await settle(pilot)
        assert app.focused is app.reader.pane and app.reader.current == 5


async def test_keys_typed_together_show_where_they_left_the_cursor(tmp_path: Path) -> None:
    """While keys wait for the ones before them the reader draws no frame (a frame per key
    made a burst four times slower on a loaded machine); the frame after the last shows it."""
    frames: list[int] = []

    class Watched(ThreadscoreApp):
        def _display(self, screen, renderable) -> None:  # type: ignore[no-untyped-def]
            frames.append(self.reader.post_list.cursor)
            super()._display(screen, renderable)

    app = Watched(thread=small_thread(), home=tmp_path, scorer=fixed_scorer)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await settle(pilot)
        frames.clear()
        await keys_at_once(pilot, "j", "j", "j", "j", "j")
        await settle(pilot)
        assert app.reader.current == 6
        assert frames and set(frames) == {5}  # none part-way, and the cursor's last place shown
