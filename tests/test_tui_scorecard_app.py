"""Through the real reader: `s` opens the scorecard, choosing a row filters the post list."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable

from parsing.load import load_thread
from parsing.models import Thread
from scoring import score_thread
from tests.reader_support import make_app, press, ready, until
from tui.app import ThreadscoreApp
from tui.screens.scorecard import ScorecardScreen


def named_demo() -> Thread:
    thread = load_thread(None)
    names = ["ann", "bob", "cy", "bob"]
    posts = [
        p.model_copy(update={"author": names[i % len(names)]}) for i, p in enumerate(thread.posts)
    ]
    return thread.model_copy(update={"posts": posts})


async def test_s_then_a_row_filters_the_list_to_that_author(tmp_path: Path) -> None:
    thread = named_demo()
    bobs = [p.number for p in thread.posts if p.author == "bob"]
    app = ThreadscoreApp(thread=thread, home=tmp_path, scorer=score_thread)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: app.reader.scored, "the thread to be scored")
        assert app.reader.post_list.numbers == [p.number for p in thread.posts]
        await press(pilot, "s")
        await until(pilot, lambda: isinstance(app.screen, ScorecardScreen), "the scorecard screen")
        table = app.screen.query_one("#authors", DataTable)
        assert str(table.get_row_at(1)[0]) == "bob"
        await press(pilot, "down", "enter")
        await until(pilot, lambda: not isinstance(app.screen, ScorecardScreen), "the reader screen")
        assert app.reader.filter.author == "bob"
        assert app.reader.post_list.numbers == bobs
        await press(pilot, "s")
        await until(pilot, lambda: isinstance(app.screen, ScorecardScreen), "the scorecard screen")
        await press(pilot, "escape")
        await until(pilot, lambda: not isinstance(app.screen, ScorecardScreen), "the reader screen")
        assert app.reader.post_list.numbers == bobs


async def test_a_big_thread_says_the_scorecard_is_coming(tmp_path: Path, monkeypatch) -> None:
    import tui.screens.reader

    monkeypatch.setattr(tui.screens.reader, "SCORECARD_NOTICE_POSTS", 1)
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await app.reader.action_scorecard()
        assert "Counting the scorecard" in str(app.reader.query_one("#status").render())
        await until(pilot, lambda: app.screen.id == "scorecard", "the scorecard screen")
        assert app.screen.id == "scorecard" and not app.reader.busy
