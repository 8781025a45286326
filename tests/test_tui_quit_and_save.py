"""Quitting from any route, and what the user is told when the state folder cannot be written."""

from __future__ import annotations

from pathlib import Path

from tests.reader_support import make_app, press, ready, settle
from tui.widgets.post_list import PostList


async def test_the_palettes_quit_is_the_readers_quit(tmp_path: Path) -> None:
    """Textual's own "Quit" command exited at once: no final save of the position, and no
    warning when the marks could not be saved."""
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("", encoding="utf-8")
    app = make_app(blocked)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Quit" not in titles and "Theme" in titles
        await press(pilot, "4")
        assert app.reader.save_error
        await app.run_action("quit")
        await settle(pilot)
        assert app.is_running and not app._exit
        assert any("NOT SAVED" in str(n.message) for n in app._notifications)


async def test_the_palettes_quit_saves_the_position(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        app.reader.post_list.go_to(4)
        await settle(pilot)
        await app.run_action("quit")
        await settle(pilot)
    assert app.reader.files is not None
    assert "number = 4" in app.reader.files.ui.read_text(encoding="utf-8")


async def test_a_state_folder_that_cannot_be_written_is_reported_once(tmp_path: Path) -> None:
    """Each cursor move saves the position a second later; each failure was a new error toast."""
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("", encoding="utf-8")
    app = make_app(blocked)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        list_ = app.screen.query_one(PostList)
        for number in (2, 3, 4):
            list_.go_to(number)
            await settle(pilot)
            app.reader.save_ui()
        notices = [str(n.message) for n in app._notifications]
        assert sum("Could not save the reader state" in n for n in notices) == 1


async def test_the_position_timer_firing_after_the_screens_are_gone_still_saves(
    tmp_path: Path,
) -> None:
    """The position is saved a second after the last move; when that timer fired while the
    app was shutting down (the screens already gone) it raised IndexError, and the last
    position was lost."""
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await press(pilot, "c")  # fold quotes: a pane toggle that must survive
        app.reader.post_list.go_to(5)
        await settle(pilot)
    assert not app.screen_stack
    app.reader.save_ui()
    assert app.reader.files is not None
    saved = app.reader.files.ui.read_text(encoding="utf-8")
    assert "number = 5" in saved and "fold_quotes = true" in saved
