"""Hostile names and saved text: nothing reaches the terminal as a command, nothing crashes.

Forum text is cleaned by the parser, but file names, saved state and pastes come in elsewhere:
the export box shows the thread's path, the search box and note editor start from saved state.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input

from tests.reader_support import make_app, press, ready, settle, small_thread, until
from tui.cli import main
from tui.commands.parse import summary
from tui.screens.export import ExportScreen
from tui.screens.note import NoteScreen
from tui.screens.search import SearchScreen
from tui.widgets.safe_text import SafeTextArea

OSC52 = "\x1b]52;c;SGVsbG8=\x1b\\"
"""A clipboard write, terminated with ST (ESC \\), which Textual does not strip."""


def screen_text(app) -> str:
    """Every character the screen (toasts included) would write to the terminal."""
    strips = app.screen._compositor.render_strips()
    return "".join(segment.text for strip in strips for segment in strip)


def assert_clean(text: str) -> None:
    assert "\x1b" not in text and "\x07" not in text and "\x9b" not in text


async def test_a_thread_path_with_escapes_is_shown_and_exported_clean(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    app = make_app(tmp_path / "home", small_thread(str(folder / f"evil{OSC52}.txt")))
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await press(pilot, "e")
        assert isinstance(app.screen, ExportScreen)
        await settle(pilot)
        assert "evil" in app.screen.query_one(Input).value
        assert_clean(screen_text(app))
        await press(pilot, "enter")
        await until(
            pilot,
            lambda: any("written" in str(n.message) for n in app._notifications),
            "the export to say it was written",
        )
        assert_clean(screen_text(app))
        assert [p.name for p in folder.iterdir()] == ["evil.scorecard.toml"]


async def test_saved_search_and_note_with_escapes_are_shown_clean(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        assert app.reader.doc is not None
        app.reader.doc.set_note(1, f"see{OSC52} this")  # as a hand-edited state file would hold it
        app.reader.search_query = f"zz{OSC52}qq"
        await press(pilot, "a")
        assert isinstance(app.screen, NoteScreen)
        await settle(pilot)
        assert app.screen.query_one(SafeTextArea).text == "see this"
        assert_clean(screen_text(app))
        app.screen.post_message(events.Paste(f"!{OSC52}"))
        await settle(pilot)
        assert_clean(screen_text(app))
        await press(pilot, "escape", "slash")
        assert isinstance(app.screen, SearchScreen)
        await settle(pilot)
        assert_clean(screen_text(app))
        await press(pilot, "escape", "n")
        assert any("Nothing matches" in str(n.message) for n in app._notifications)
        assert_clean(screen_text(app))


async def test_a_file_name_that_is_not_utf8_saves_and_exports(tmp_path: Path) -> None:
    """A Latin-1 name ("caf\\xe9.txt") reaches Python as a lone surrogate: saving the marks
    raised UnicodeEncodeError and took the app down with the mark."""
    folder = tmp_path / "in"
    folder.mkdir()
    app = make_app(tmp_path / "home", small_thread(str(folder / "caf\udce9.txt")))
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await press(pilot, "m")
        assert app.is_running and not app.reader.save_error
        assert app.reader.doc is not None and app.reader.doc.bookmarks() == [1]
        assert "caf\ufffd.txt" in app.reader.files.scorecard.read_text(encoding="utf-8")
        await press(pilot, "e", "enter")
        await until(
            pilot,
            lambda: any("written" in str(n.message) for n in app._notifications),
            "the export to say it was written",
        )
        assert any("written" in str(n.message) for n in app._notifications)


def test_command_line_messages_show_escapes_instead_of_obeying_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nofile\x1b]0;PWNED\x07.txt"
    assert main([str(missing)]) == 1
    err = capsys.readouterr().err
    assert "\x1b" not in err and "nofile\\x1b]0;PWNED\\x07.txt" in err
    text = summary(small_thread(str(tmp_path / "ev\x1b[2J.txt")))
    assert "\x1b" not in text and "ev\\x1b[2J.txt" in text
