"""`threadscore THREAD --post N` opens the reader at post N (a moderator handed 'see #412';
hackernews-TUI #86 in ../shared/docs/reader-anchors.md): over the position saved last time,
through a saved filter that hides it; a number the thread does not have is said, not a crash."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SEED, needs_shared
from tests.reader_support import press, ready, settle, until
from tui.app import ThreadscoreApp
from tui.cli import main
from tui.filters import Filter


@pytest.fixture(autouse=True)
def _home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THREADSCORE_HOME", str(tmp_path / "home"))


def pane_text(app: ThreadscoreApp) -> str:
    return "\n".join(str(w.render()) for w in app.reader.pane.query("Static"))


@needs_shared
async def test_opens_at_the_post_asked_for_over_the_saved_position() -> None:
    first = ThreadscoreApp([SEED])
    async with first.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        posts = first.reader.doc.thread.posts
        assert len(posts) > 6
        await press(pilot, "j", "j", "q")  # left at post 3
    wanted = posts[5]
    again = ThreadscoreApp([SEED], post=wanted.number)
    async with again.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await settle(pilot)
        assert again.reader.current == wanted.number
        assert again.reader.pane.view is not None
        assert again.reader.pane.view.post.number == wanted.number
        await press(pilot, "j")  # and reading goes on from there
        assert again.reader.current == posts[6].number


@needs_shared
async def test_a_saved_filter_that_hides_the_post_is_cleared() -> None:
    first = ThreadscoreApp([SEED])
    async with first.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await press(pilot, "m")  # post 1 bookmarked: the only one the filter keeps
        first.reader.set_filter(Filter(bookmarked=True))
        await settle(pilot)
        assert first.reader.post_list.numbers == [1]
        await press(pilot, "q")
    again = ThreadscoreApp([SEED], post=4)
    async with again.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await settle(pilot)
        assert again.reader.current == 4 and not again.reader.filter.active
        assert 4 in again.reader.post_list.numbers


@needs_shared
async def test_a_post_the_thread_does_not_have_is_said() -> None:
    app = ThreadscoreApp([SEED], post=99999)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await until(
            pilot,
            lambda: any("No post #99999" in str(n.message) for n in app._notifications),
            "the notice",
        )
        assert app.reader.current == 1


def test_a_post_number_that_is_no_number_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as ended:
        main(["--post", "twelve", str(SEED)])
    assert ended.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1] == "threadscore: error: argument --post: not a post number: 'twelve'"
