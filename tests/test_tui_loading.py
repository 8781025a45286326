"""Loading never hangs: every failure while reading a thread ends the reader with one line and
exit code 1, and a state file the reader cannot read is set aside with a notice."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from tests.conftest import SHARED, needs_shared
from tests.reader_support import make_app, press, ready, settle, small_thread, until, wait_loaded
from tui.app import ThreadscoreApp
from tui.state import thread_files


async def test_an_unforeseen_error_while_parsing_ends_the_reader_with_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A parser bug (here a RecursionError) used to kill the loader thread silently: loading
    dots for ever and exit code 0."""

    def broken(read: object) -> None:
        raise RecursionError("maximum recursion depth exceeded\nwhile reading quotes")

    monkeypatch.setattr("parsing.load.parse_inputs", broken)
    page = tmp_path / "big.txt"
    page.write_text("x\n" * 200_000, encoding="utf-8")  # over the old 256 KB split
    app = ThreadscoreApp([page], home=tmp_path)
    async with app.run_test() as pilot:
        await wait_loaded(app)
        await settle(pilot)
    assert app.return_code == 1
    assert app.load_error is not None and "\n" not in app.load_error
    assert "RecursionError" in app.load_error and "could not be read" in app.load_error


@pytest.mark.parametrize(
    "value", ["9" * 5000, "[" * 5000 + "]" * 5000], ids=["huge integer", "deep array"]
)
async def test_a_marks_file_it_cannot_read_is_set_aside_and_the_reader_goes_on(
    tmp_path: Path, value: str
) -> None:
    """Such a file raised out of the loader and left "Reading your marks…" for ever."""
    files = thread_files(small_thread().source, tmp_path)
    files.scorecard.parent.mkdir(parents=True)
    files.scorecard.write_text(f"schema_version = 1\nx = {value}\n", encoding="utf-8")
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        notices = " ".join(str(n.message) for n in app._notifications)
        assert "damaged" in notices and "kept as" in notices
        assert f"in {files.scorecard.parent}," in notices  # where to find it
        await press(pilot, "m")  # edits work and are saved to a fresh file
        assert not app.reader.save_error
    kept = [p for p in files.scorecard.parent.iterdir() if ".damaged" in p.name]
    assert len(kept) == 1 and value[:100] in kept[0].read_text(encoding="utf-8")
    assert "bookmark = true" in files.scorecard.read_text(encoding="utf-8")


async def test_a_position_file_nested_thousands_deep_is_set_aside(tmp_path: Path) -> None:
    files = thread_files(small_thread().source, tmp_path)
    files.ui.parent.mkdir(parents=True)
    files.ui.write_text("version = 1\nnumber = " + "[" * 5000 + "]" * 5000, encoding="utf-8")
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        assert app.reader.current == 1
        notices = " ".join(str(n.message) for n in app._notifications)
        assert "reader state damaged" in notices


async def test_the_status_line_follows_the_screen_state(tmp_path: Path) -> None:
    """The status line is bound to the screen's state: no one has to remember to redraw it."""
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        status = app.reader.query_one("#status")
        assert "#1 of 6" in str(status.render())
        app.reader.post_list.go_to(4)
        await settle(pilot)
        assert "#4 of 6" in str(status.render())
        app.reader._run_search("source", move=False)
        await settle(pilot)
        assert "/source" in str(status.render())


@needs_shared
async def test_list_keys_pressed_before_the_posts_appear_are_kept_in_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a thread that takes a while to read, j j j m used to bookmark #1: nothing had focus
    while the posts were read, so the moves were dropped and only the edit was kept."""
    from tui import loader

    gate, reading = threading.Event(), []

    def slow_read(*args: object) -> loader.ThreadRead:
        reading.append(threading.current_thread())
        gate.wait(10)
        return loader.read_thread(*args)  # type: ignore[arg-type]

    monkeypatch.setattr("tui.screens.reader.read_in_two", lambda *a: (None, lambda: slow_read(*a)))
    thread = SHARED / "datasets" / "iac" / "9455.marked.txt"
    app = ThreadscoreApp([thread], home=tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: reading, "the thread to be read")
        await settle(pilot)  # the reader is up, showing that it reads
        assert app.reader.doc is None
        await press(pilot, "j", "j", "j", "m", "G", "k", "enter")
        gate.set()
        await wait_loaded(app)
        await settle(pilot)
        doc = app.reader.doc
        assert doc is not None
        assert doc.bookmarks() == [4]
        last = doc.thread.posts[-1].number
        assert app.reader.current == last - 1
        assert app.focused is app.reader.pane  # enter opened it
        assert app.reader.pane.view is not None and app.reader.pane.view.post.number == last - 1


@needs_shared
async def test_quitting_while_the_thread_is_read_does_not_wait_for_the_parse(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The parse ran as a Textual worker, in the event loop's executor, which the loop joins
    when it closes: q on a 10,000-post thread blanked the screen and gave the shell back only
    when the parse was done, seconds later, printing "Task exception was never retrieved"
    (a cancelled worker's). It runs in a daemon thread now, which the process does not wait for."""
    from tui import loader

    gate, reading = threading.Event(), []

    def slow_read(*args: object) -> loader.ThreadRead:
        reading.append(threading.current_thread())
        gate.wait(10)
        return loader.read_thread(*args)  # type: ignore[arg-type]

    monkeypatch.setattr("tui.screens.reader.read_in_two", lambda *a: (None, lambda: slow_read(*a)))
    app = ThreadscoreApp([SHARED / "datasets" / "iac" / "9455.marked.txt"], home=tmp_path)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await until(pilot, lambda: reading, "the thread to be read")
            await settle(pilot)  # the reader is up, showing that it reads
            assert app.reader.doc is None
            await press(pilot, "q")
            await until(pilot, lambda: not app.is_running, "the reader to quit")
        assert app.return_code == 0 and app.load_error is None
        assert reading[0].daemon and reading[0].is_alive()  # still parsing, and let be
    finally:
        gate.set()
    assert not list(tmp_path.rglob("*.toml"))  # nothing was read, so nothing was written
