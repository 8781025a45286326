"""The help screen lists each key once, remapped or not, and keeps its columns."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import SHARED, needs_shared
from tests.reader_support import make_app, press, ready, until, wait_loaded
from tui.app import ThreadscoreApp
from tui.screens.help import HelpScreen


async def test_remapped_keys_are_listed_once_and_the_columns_hold(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text('[keys]\n"list.down" = "j,down,ctrl+n,ctrl+j,J,x"\n')
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        await press(pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        lines = str(app.screen.query_one("#help-table").render()).splitlines()
    at = lines.index("  j, ↓, ^n, ^j, J, x")  # each key once, on a line of its own
    assert "Down" in lines[at + 1] and "list.down" in lines[at + 1]
    assert lines[at + 1].index("Down") == lines[at + 2].index("Up")  # the columns hold
    assert lines[at + 1].index("list.down") == lines[at + 2].index("list.up")


@needs_shared
async def test_the_help_screen_lists_ctrl_q_as_bound_now(tmp_path: Path) -> None:
    """ctrl+q (quit from any screen, remappable as app.quit) was in no help section."""
    (tmp_path / "config.toml").write_text('[keys]\n"app.quit" = "ctrl+q,ctrl+x"\n')
    app = ThreadscoreApp([SHARED / "datasets" / "iac" / "9455.marked.txt"], home=tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_loaded(app)
        await press(pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        lines = str(app.screen.query_one("#help-table").render()).splitlines()
        at = next(i for i, line in enumerate(lines) if "app.quit" in line)
        assert "^q" in " ".join(lines[at - 1 : at + 1]) and "^x" in " ".join(lines[at - 1 : at + 1])
        await press(pilot, "escape", "ctrl+x")
    assert not app.is_running


async def test_the_help_scrolls_with_the_readers_own_keys(tmp_path: Path) -> None:
    """On a 24-line terminal the keys run past the dialog; j, space and G did nothing there
    (only the arrows scrolled), and the hint did not say how to see the rest."""
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await press(pilot, "question_mark")
        body = app.screen.query_one("#help-body")
        assert body.max_scroll_y > 0 and body.scroll_y == 0
        assert "j/k" in str(app.screen.query_one(".dialog-hint").render())
        await press(pilot, "j")
        await until(pilot, lambda: body.scroll_y == 1, "j to scroll a line")
        await press(pilot, "G")
        await until(pilot, lambda: body.scroll_y == body.max_scroll_y, "G to reach the end")
        await press(pilot, "g")
        await until(pilot, lambda: body.scroll_y == 0, "g to go back to the top")
        await press(pilot, "space")
        await until(pilot, lambda: body.scroll_y > 1, "space to page down")
        await press(pilot, "k")  # still the help: the reader's keys wait behind it
        assert isinstance(app.screen, HelpScreen) and app.reader.current == 1
