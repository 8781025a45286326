"""The filter dialog: authors by post count, typed to narrow, inside the dialog; "has a note"."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList

from tests.reader_support import make_app, press, ready, small_thread
from tui.screens.filter import FilterScreen


@pytest.fixture(autouse=True)
def _home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THREADSCORE_HOME", str(tmp_path / "home"))


def labels(app) -> list[str]:
    authors = app.screen.query_one("#author", OptionList)
    return [str(authors.get_option_at_index(i).prompt) for i in range(authors.option_count)]


async def test_authors_by_post_count_typed_to_narrow_and_picked(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await press(pilot, "f")
        assert isinstance(app.screen, FilterScreen)
        assert labels(app) == [
            "Any author",
            "alice (2 posts)",
            "— (1 post)",
            "bob (1 post)",
            "carol (1 post)",
            "dave (1 post)",
        ]
        app.screen.query_one("#author-find").focus()
        await press(pilot, "a", "r")
        assert labels(app) == ["carol (1 post)"]
        await press(pilot, "enter")
        assert isinstance(app.screen, FilterScreen)  # enter picks; ctrl+s applies
        await press(pilot, "ctrl+s")
        assert app.reader.filter.author == "carol" and app.reader.post_list.numbers == [3]


async def test_the_author_list_stays_inside_the_dialog_above_its_buttons(tmp_path: Path) -> None:
    names = [f"author-{i:02d}" for i in range(40)]
    thread = small_thread()
    posts = [p.model_copy(update={"author": names[i % 40]}) for i, p in enumerate(thread.posts * 8)]
    posts = [
        p.model_copy(update={"number": i + 1, "id": f"p{i}", "quotes": [], "parts": []})
        for i, p in enumerate(posts)
    ]
    app = make_app(tmp_path, thread.model_copy(update={"posts": posts}))
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await press(pilot, "f")
        dialog = app.screen.query_one(".dialog").region
        authors = app.screen.query_one("#author").region
        buttons = app.screen.query_one(".dialog-buttons").region
        assert dialog.contains_region(authors) and dialog.contains_region(buttons)
        assert authors.bottom <= buttons.y


async def test_has_a_note_filter(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await press(pilot, "j", "j", "a", "x", "ctrl+s")
        await press(pilot, "f")
        app.screen.query_one("#noted").focus()
        await press(pilot, "space", "ctrl+s")
        assert app.reader.post_list.numbers == [3]
        assert "with a note" in str(app.reader.query_one("#status").render())
