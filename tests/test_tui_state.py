"""The reader end to end on real files: save and reopen, damaged state, hostile text, errors."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from parsing.models import Part, Post, Source, Thread
from tests.conftest import SEED, needs_shared
from tests.reader_support import fixed_scorer, press, ready, settle, wait_loaded
from tui.app import ThreadscoreApp
from tui.cli import main
from tui.filters import Filter
from tui.state import UiState, thread_files

THREAD_TEXT = """\
Should the old town centre go car-free?

alice
Sep 12, 2026
Car-free centres are good for business. According to the 2019 survey, 41% of cars only pass through.

bob
Sep 12, 2026
I doubt that is true for a town like ours. Source?

carol
Sep 13, 2026
The council report has the numbers: 212 of 430 receipts had a village postcode.
"""

EVIL = "Hello [@click=app.quit]x[/] and [bold]B[/bold] and \x1b]52;c;aGk=\x07 done."


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "state"
    monkeypatch.setenv("THREADSCORE_HOME", str(home))
    return home


@pytest.fixture
def thread_file(tmp_path: Path) -> Path:
    path = tmp_path / "Car Free (draft).txt"
    path.write_text(THREAD_TEXT, encoding="utf-8")
    return path


def screen_text(app: ThreadscoreApp) -> str:
    """The bytes (as text) a full redraw of the reader screen would send to the terminal."""
    update = app.reader._compositor.render_update(full=True)
    return update.render_segments(app.console)


async def test_marks_position_and_filter_survive_a_restart(home: Path, thread_file: Path) -> None:
    app = ThreadscoreApp([thread_file])
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        assert len(app.reader.doc.thread.posts) == 3
        await press(pilot, "j", "m", "2", "j", "a", *"check it", "ctrl+s", "v", "home", "enter")
        await press(pilot, "slash", *"receipts", "enter")
        await press(pilot, "q")
    files = thread_files(app.reader.doc.thread.source)
    assert files.scorecard.parent == home / "threads"
    assert files.scorecard.name.endswith("-car-free-draft.scorecard.toml")
    assert files.scorecard.name.startswith(app.reader.doc.thread.source.sha256[:16])

    again = ThreadscoreApp([thread_file])
    async with again.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        doc = again.reader.doc
        assert doc.mark(2).bookmark and doc.mark(2).rating == 2
        assert doc.mark(3).note == "check it" and doc.verdict(3) == "evidenced"
        assert again.reader.current == 3 and again.reader.search_query == "receipts"
        await press(pilot, "f", "ctrl+r", "f")
        await press(pilot, *["down"] * 5, "space", "ctrl+s")  # "Bookmarked only"
        assert again.reader.filter.bookmarked and not again.reader.filter.rated
        assert again.reader.post_list.numbers == [2]
        await press(pilot, "q")

    third = ThreadscoreApp([thread_file])
    async with third.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        assert third.reader.filter.bookmarked and third.reader.post_list.numbers == [2]
        assert third.reader.current == 2


async def test_marks_follow_a_renamed_or_edited_thread(home: Path, thread_file: Path) -> None:
    first = ThreadscoreApp([thread_file])
    async with first.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await press(pilot, "j", "m", "4", "j", "2")
        first.reader.set_filter(Filter(rated=True))
        first.reader._run_search("source", move=False)
        first.reader.save_ui()
    old = thread_files(first.reader.doc.thread.source).scorecard
    before = old.read_bytes()

    renamed = thread_file.with_name("other name.txt")
    renamed.write_text(THREAD_TEXT, encoding="utf-8")
    again = ThreadscoreApp([renamed])
    async with again.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        assert again.reader.doc.mark(2).bookmark and again.reader.doc.mark(2).rating == 4
        assert again.reader.doc.mark(3).rating == 2
        notices = " ".join(str(n.message) for n in again._notifications)
        assert "2 of 2 marks were restored" in notices
        assert again.reader.current == 3 and again.reader.filter == Filter(rated=True)
        assert again.reader.search_query == "source" and again.reader.matches
    assert thread_files(again.reader.doc.thread.source).scorecard.exists()

    thread_file.write_text(THREAD_TEXT.replace("Source?", "Source please?"), encoding="utf-8")
    edited = ThreadscoreApp([thread_file])
    async with edited.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        assert edited.reader.doc.mark(2).rating == 4 and edited.reader.doc.mark(3).rating == 2
        assert edited.reader.current == 3 and edited.reader.filter == Filter(rated=True)
    assert old.read_bytes() == before


async def test_two_readers_on_one_thread_keep_each_others_marks(
    home: Path, thread_file: Path
) -> None:
    from scoring.store import load_scorecard, save_scorecard
    from scoring.user_layer import set_rating, toggle_bookmark

    app = ThreadscoreApp([thread_file])
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await press(pilot, "4")  # reader A rates #1
        path = app.reader.files.scorecard
        # Reader B opened before that rating: it saves its own view, bookmarking #2, #1 unrated.
        posts = app.reader.doc.thread.posts
        card = load_scorecard(path)
        theirs = toggle_bookmark(type(card.user)(), posts[1])
        theirs = set_rating(theirs, posts[0], 2)
        stale = theirs.marks[posts[0].id].model_copy(update={"edited": 1.0})  # rated long ago
        theirs = theirs.model_copy(update={"marks": {**theirs.marks, posts[0].id: stale}})
        save_scorecard(card.model_copy(update={"user": theirs}), path)
        await press(pilot, "j", "j", "5")  # A rates #3
        assert app.reader.doc.mark(2).bookmark and app.reader.doc.mark(1).rating == 4
    saved = load_scorecard(path).user.marks
    by_number = {m.post_number: m for m in saved.values()}
    assert by_number[1].rating == 4 and by_number[2].bookmark and by_number[3].rating == 5


async def test_damaged_state_is_set_aside_and_the_app_opens(home: Path, thread_file: Path) -> None:
    first = ThreadscoreApp([thread_file])
    async with first.run_test() as pilot:
        await ready(pilot)
    files = thread_files(first.reader.doc.thread.source)
    files.scorecard.parent.mkdir(parents=True, exist_ok=True)
    garbage = "this is [not toml\x00 at all"
    files.scorecard.write_text(garbage, encoding="utf-8")
    files.ui.write_text("version = 'nine'", encoding="utf-8")

    app = ThreadscoreApp([thread_file])
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        assert app.reader.current == 1 and app.reader.post_list.numbers == [1, 2, 3]
        notices = " ".join(str(n.message) for n in app._notifications)
        assert "damaged" in notices and "kept as" in notices
        await press(pilot, "m")
    kept = sorted(files.scorecard.parent.glob("*.scorecard.toml.damaged-*"))
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == garbage
    assert len(list(files.ui.parent.glob("*.ui.toml.damaged-*"))) == 1
    saved = tomllib.loads(files.scorecard.read_text(encoding="utf-8"))
    assert saved["marks"][0]["bookmark"] is True


async def test_a_newer_scorecard_file_is_never_overwritten(home: Path, thread_file: Path) -> None:
    first = ThreadscoreApp([thread_file])
    async with first.run_test() as pilot:
        await ready(pilot)
    files = thread_files(first.reader.doc.thread.source)
    files.scorecard.parent.mkdir(parents=True, exist_ok=True)
    newer = "schema_version = 99\nfingerprint = 'x'\nsource_path = 'y'\n"
    files.scorecard.write_text(newer, encoding="utf-8")
    app = ThreadscoreApp([thread_file])
    async with app.run_test() as pilot:
        await ready(pilot)
        await press(pilot, "m")
        assert "not saved" in str(app.reader.query_one("#status").render())
    assert files.scorecard.read_text(encoding="utf-8") == newer


async def test_forum_markup_and_escapes_are_shown_inert(home: Path, tmp_path: Path) -> None:
    path = tmp_path / "evil.txt"
    text = f"Evil thread\n\nalice\nSep 12, 2026\n{EVIL}\n\nbob\nSep 13, 2026\nA second post.\n"
    path.write_bytes(text.encode())
    app = ThreadscoreApp([path])
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        body = app.reader.pane.query_one(".post-text")
        shown = str(body.render())
        assert "[@click=app.quit]x[/]" in shown and "[bold]B[/bold]" in shown
        assert "\x1b" not in shown and "\x07" not in shown and "52;c" not in shown
        everything = screen_text(app)
        assert "[@click=app.quit]" in everything and "\x1b]52" not in everything
        # Where "x" would be if the markup ran ("Hello x"), and on the literal text.
        for column in (6, shown.index("[@click") + 2, shown.index("]x[") + 1):
            await pilot.click(body, offset=(column, 0))
        await settle(pilot)
        assert app.is_running and app.return_code is None


async def test_display_cleans_text_that_skipped_the_parser(home: Path) -> None:
    """Defence in depth: a Thread built without the parser still cannot reach the terminal."""
    body = "bad \x1b[2J\x1b]0;PWNED\x07 [@click=app.quit]q[/] \x9b31m end"
    thread = Thread(
        source=Source(path="x.txt", format="text", sha256="0" * 64),
        posts=[
            Post(
                number=1,
                id="a",
                author="\x1b[31mmallory",
                body=body,
                parts=[Part(kind="text", text=body)],
            )
        ],
    )
    app = ThreadscoreApp(thread=thread, scorer=fixed_scorer)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await press(pilot, "a", *"note", "ctrl+s")
        everything = screen_text(app)
        for bad in ("\x1b[2J", "PWNED\x07", "\x9b", "\x1b[31m"):
            assert bad not in everything
        assert "mallory" in everything and "[@click=app.quit]q[/]" in everything


async def test_unreadable_thread_ends_the_app_with_one_message(tmp_path: Path, home: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    app = ThreadscoreApp([empty])
    async with app.run_test() as pilot:
        await wait_loaded(app)
        await settle(pilot)
    assert app.return_code == 1 and app.load_error and "empty" in app.load_error


def test_cli_reports_a_missing_thread_before_starting(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(tmp_path / "nope.txt")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no such file" in err


@needs_shared
async def test_the_seed_thread_opens(home: Path) -> None:
    app = ThreadscoreApp([SEED])
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert len(app.reader.post_list.numbers) == len(app.reader.doc.thread.posts) > 10
        await press(pilot, "G")
        assert app.reader.current == len(app.reader.doc.thread.posts)


def test_earlier_position_lands_near_where_it_was(thread_file: Path) -> None:
    """By post id when it is still there, else the same number, kept inside a shorter thread."""
    from parsing.load import load_thread

    thread = load_thread([thread_file])
    last = len(thread.posts)
    assert UiState(post_id=thread.posts[1].id, number=99).nearest_in(thread) == 2
    assert UiState(post_id="gone", number=2).nearest_in(thread) == 2
    assert UiState(post_id="gone", number=last + 5).nearest_in(thread) == last
    assert UiState().nearest_in(thread) is None
