"""Every reader key, driven through Pilot on the fixed six-post thread (tests/test_tui_support).

Each key waits until the app has handled it (`press`); tests group related keys and read state
off the app directly.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from textual.command import CommandList, CommandPalette
from textual.widgets import Input, OptionList, TextArea

from tests.reader_support import keys_at_once, make_app, press, ready, settle, small_thread, until
from tui.filters import AuthorChoice, PostChoice
from tui.screens.chooser import ChooserScreen
from tui.screens.export import ExportScreen
from tui.screens.filter import FilterScreen
from tui.screens.help import HelpScreen
from tui.widgets.post_list import PostList
from tui.widgets.reading_pane import QuoteBlock, ReadingPane


@pytest.fixture(autouse=True)
def _home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THREADSCORE_HOME", str(tmp_path / "home"))


def footer_text(app) -> str:
    """The footer's keys and descriptions as plain text."""
    return " ".join(
        " ".join(str(w.render()) for w in key.query("*")) or str(key.render())
        for key in app.screen.query("FooterKey")
    )


def pane_text(app) -> str:
    """Everything the reading pane shows, as plain text."""
    pane = app.reader.pane
    return "\n".join(str(w.render()) for w in pane.query("Static"))


async def test_moving_opening_and_switching_panes(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        assert app.reader.current == 1 and isinstance(app.focused, PostList)
        await press(pilot, "j", "j")
        assert app.reader.current == 3
        await press(pilot, "k", "down", "down", "up")
        assert app.reader.current == 3
        await press(pilot, "G")
        assert app.reader.current == 6
        await press(pilot, "g")
        assert app.reader.current == 1
        await press(pilot, "j", "enter")
        assert app.reader.current == 2 and isinstance(app.focused, ReadingPane)
        assert "Source? I doubt" in pane_text(app)
        await press(pilot, "tab")
        assert isinstance(app.focused, PostList)
        await press(pilot, "tab")
        assert isinstance(app.focused, ReadingPane)
        await press(pilot, "escape")
        assert isinstance(app.focused, PostList)


async def test_quotes_follow_choose_quoted_by_back_and_forward(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await press(pilot, "j", "o")  # #2 quotes only #1: straight there
        assert app.reader.current == 1
        await press(pilot, "r")  # #1 is quoted by #2 and #3
        assert isinstance(app.screen, ChooserScreen) and app.screen._title == "2 posts quote #1"
        await press(pilot, "j", "enter")  # j/k move in a chooser as in the list
        assert app.reader.current == 3
        await press(pilot, "o")  # #3 quotes #1 and #2: a chooser
        assert isinstance(app.screen, ChooserScreen)
        await press(pilot, "down", "enter")
        assert app.reader.current == 2
        await press(pilot, "left_square_bracket")
        assert app.reader.current == 3
        await press(pilot, "left_square_bracket")
        assert app.reader.current == 1
        await press(pilot, "right_square_bracket")
        assert app.reader.current == 3
        await press(pilot, "r")
        await press(pilot, "escape")
        assert app.reader.current == 3 and not isinstance(app.screen, ChooserScreen)


async def test_quote_blocks_fold_and_highlight_toggles(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        assert "Legend" in pane_text(app)
        await press(pilot, "h")
        assert not app.reader.pane.highlight and "Legend" not in pane_text(app)
        await press(pilot, "j", "j", "enter")
        blocks = list(app.reader.pane.query(QuoteBlock))
        assert len(blocks) == 2 and not blocks[0].collapsed
        assert "↩ #2 · bob · cut short" in pane_text(app)
        await press(pilot, "c")
        assert all(b.collapsed for b in app.reader.pane.query(QuoteBlock))


async def test_bookmarks_ratings_notes_and_override(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        doc = (await ready(pilot)).reader.doc
        assert doc is not None
        await press(pilot, "m", "j", "j", "m", "apostrophe")
        assert doc.bookmarks() == [1, 3] and app.reader.current == 1
        await press(pilot, "apostrophe")
        assert app.reader.current == 3
        await press(pilot, "4")
        assert app.reader.doc.mark(3).rating == 4
        await press(pilot, "0")
        assert app.reader.doc.mark(3).rating is None
        await press(pilot, "a")
        assert isinstance(app.screen.focused, TextArea)
        await press(pilot, *"needs a source", "ctrl+s")
        assert app.reader.doc.mark(3).note == "needs a source"
        await press(pilot, "v")
        assert isinstance(app.screen, ChooserScreen)
        await press(pilot, "home", "enter")
        assert app.reader.doc.verdict(3) == "evidenced"
        assert app.reader.doc.mark(3).computed_verdict == "asserted"
        row = app.reader.doc.row(3)
        assert row.overridden and row.bookmarked and row.has_note
        saved = tomllib.loads(app.reader.files.scorecard.read_text(encoding="utf-8"))
        assert {m["post_id"] for m in saved["marks"]} == {"p1", "p3"}
        await press(pilot, "v", "home", "down", "down", "enter")  # the scorer's own: no override
        assert (
            app.reader.doc.mark(3).verdict_override is None and not app.reader.doc.row(3).overridden
        )


async def test_search_and_matches(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await press(pilot, "slash")
        assert isinstance(app.screen.focused, Input)
        await press(pilot, *"sourse", "enter")  # a typo still finds "source"
        assert app.reader.matches == [2, 3, 4] and app.reader.current == 2  # #3 quotes "Source?"
        await press(pilot, "n", "n")
        assert app.reader.current == 4
        await press(pilot, "n")
        assert app.reader.current == 2
        await press(pilot, "N")
        assert app.reader.current == 4


async def test_filter_screen(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await press(pilot, "f")
        assert isinstance(app.screen, FilterScreen)
        assert app.screen.query_one("#verdict-evidenced").render().plain.startswith("▐ ▌")
        await press(pilot, "space")  # tick "evidenced"
        tick = app.screen.query_one("#verdict-evidenced").render().plain
        assert tick.startswith("▐✓▌")
        await press(pilot, "ctrl+s")
        assert app.reader.post_list.numbers == [1, 4]
        assert "evidenced" in str(app.reader.query_one("#status").render())
        await press(pilot, "r", "enter")  # #2 quotes #1 but is filtered out: the filter goes
        assert app.reader.current == 2 and app.reader.post_list.numbers == [1, 2, 3, 4, 5, 6]
        assert not app.reader.filter.active


async def test_scorecard_screen_filters_by_the_chosen_author(tmp_path: Path) -> None:
    from tui.screens.scorecard import ScorecardScreen

    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await press(pilot, "s")
        assert isinstance(app.screen, ScorecardScreen)
        app.screen.dismiss(AuthorChoice("alice"))
        await settle(pilot)
        assert app.reader.post_list.numbers == [1, 4] and app.reader.filter.author == "alice"
        await press(pilot, "s")
        app.screen.dismiss(PostChoice(3))
        await settle(pilot)
        assert app.reader.current == 3 and not app.reader.filter.active


async def test_export_writes_the_scorecard_with_the_users_layer(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "mine.scorecard.toml"
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await press(pilot, "5", "e")
        assert isinstance(app.screen, ExportScreen)
        default = app.screen.query_one(Input).value
        assert default.endswith("market-square.scorecard.toml")
        app.screen.query_one(Input).value = str(target)
        await press(pilot, "enter")
        assert not isinstance(app.screen, ExportScreen)
        await app.workers.wait_for_complete()
    data = tomllib.loads(target.read_text(encoding="utf-8"))
    assert data["marks"][0]["rating"] == 5 and data["marks"][0]["post_id"] == "p1"
    assert len(data["posts"]) == 6 and data["fingerprint"] == "f1" * 32


async def test_export_never_overwrites_a_file_that_is_not_a_scorecard(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    notes = tmp_path / "my-notes.toml"
    notes.write_text('title = "my own notes"\n', encoding="utf-8")
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await ready(pilot)
        await press(pilot, "5", "e")
        app.screen.query_one(Input).value = str(notes)
        await press(pilot, "enter")  # refused at once, not after "enter again to overwrite"
        hint = str(app.screen.query_one("#export-hint").render())
        assert isinstance(app.screen, ExportScreen) and "not a threadscore scorecard" in hint
        assert "enter again" not in hint
        await press(pilot, "enter")
        await app.workers.wait_for_complete()
        assert isinstance(app.screen, ExportScreen)
    assert notes.read_text(encoding="utf-8") == 'title = "my own notes"\n'


async def test_a_thread_of_several_pages_exports_beside_its_folder(tmp_path: Path) -> None:
    thread = small_thread("/x/forum.thread-42")
    pages = [f"/x/forum.thread-42/page{n}.html" for n in (1, 2)]
    thread = thread.model_copy(update={"source": thread.source.model_copy(update={"paths": pages})})
    app = make_app(tmp_path, thread)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        assert app.reader.default_export_path() == Path("/x/forum.thread-42.scorecard.toml")
        assert app.reader.files.scorecard.name.endswith("-forum-thread-42.scorecard.toml")


async def test_help_palette_and_quit(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await press(pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        table = str(app.screen.query_one("#help-table").render())
        assert "follow_quote" in table and "Bookmark" in table
        await press(pilot, "escape", "ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await press(pilot, *"bookmark or")
        await settle(pilot)  # the palette's search is a worker
        commands = app.screen.query_one(CommandList)

        def first_is_bookmark() -> bool:
            if not commands.option_count:
                return False
            top = commands.get_option_at_index(0).prompt
            return commands.highlighted == 0 and "Bookmark or unbookmark" in str(top)

        await until(pilot, first_is_bookmark, "the palette to list the bookmark command")
        await press(pilot, "enter")
        await until(pilot, lambda: app.reader.doc.bookmarks() == [1], "the bookmark")
        await press(pilot, "q")
    assert app.return_code == 0


async def test_keys_are_remapped_from_config(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text('[keys]\nbookmark = "B"\nnot_a_key = "x"\n')
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await press(pilot, "m")
        assert app.reader.doc.bookmarks() == []
        await press(pilot, "B")
        assert app.reader.doc.bookmarks() == [1]
        reader = dict(app.key_help())["Reader"]
        assert next(k for k in reader if k.binding_id == "bookmark").keys == "B"
        assert any("not_a_key" in str(n.message) for n in app._notifications)


async def test_remaps_nested_clashing_and_on_the_scorecard(tmp_path: Path) -> None:
    config = '[keys]\nlist.down = "x"\nbookmark = "j"\nsearch = "w"\nscorecard.next = "J"\n'
    (tmp_path / "config.toml").write_text(config)
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        notices = [str(n.message) for n in app._notifications]
        assert notices == ["bookmark: 'j' is already bound to pane.down; keeping m"]
        await press(pilot, "x", "m")
        assert app.reader.current == 2 and app.reader.doc.bookmarks() == [2]
        assert "w Search" in footer_text(app)
        sections = dict(app.key_help())
        assert (
            next(k for k in sections["Scorecard"] if k.binding_id == "scorecard.next").keys == "J"
        )


async def test_chooser_lists_are_plain_text(tmp_path: Path) -> None:
    """Option labels are Content: a bracket in a post shows as a bracket."""
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await press(pilot, "r")
        options = app.screen.query_one(OptionList)
        assert "#2 · bob · Source?" in str(options.get_option_at_index(0).prompt)


async def test_paging_the_list_and_scrolling_the_pane(tmp_path: Path) -> None:
    from parsing.models import Part, Post
    from tests.reader_support import small_thread

    thread = small_thread()
    long_body = "\n\n".join(f"Paragraph {i} of a long post." for i in range(60))
    posts = [
        Post(
            number=n,
            id=f"q{n}",
            body=long_body if n == 1 else f"Post {n}.",
            parts=[Part(kind="text", text=long_body if n == 1 else f"Post {n}.")],
        )
        for n in range(1, 61)
    ]
    app = make_app(tmp_path, thread.model_copy(update={"posts": posts}))
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await press(pilot, "pagedown")
        page = app.reader.current
        assert page is not None and page > 10
        await press(pilot, "pageup")
        assert app.reader.current == 1
        await press(pilot, "enter", "j", "j")
        assert app.reader.pane.scroll_y == 2
        await press(pilot, "space")
        assert app.reader.pane.scroll_y > 10
        await press(pilot, "g")
        assert app.reader.pane.scroll_y == 0 and app.reader.current == 1


async def test_a_key_right_after_a_move_acts_on_the_new_post(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        doc = (await ready(pilot)).reader.doc
        assert doc is not None
        await press(pilot, "j", "5")
        assert doc.mark(2).rating == 5
        await keys_at_once(pilot, "j", "m", "j", "4", "g", "apostrophe")
        await settle(pilot)
        assert doc.bookmarks() == [3] and doc.mark(4).rating == 4 and doc.mark(1) is None
        assert app.reader.current == 3


async def test_quit_warns_once_when_marks_are_not_saved(tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("", encoding="utf-8")
    app = make_app(blocked)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await press(pilot, "4", "ctrl+c", "q")
        assert app.is_running and not app._exit
        notices = " ".join(str(n.message) for n in app._notifications)
        assert "NOT SAVED" in notices and "Press q to quit" in notices
        await press(pilot, "q")
        assert app._exit


async def test_overlapping_redraws_show_the_post_once(tmp_path: Path) -> None:
    import asyncio

    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        doc = (await ready(pilot)).reader.doc
        assert doc is not None
        await asyncio.gather(app.reader.pane.show(doc.view(2)), app.reader.pane.show(doc.view(2)))
        assert (
            len(app.reader.pane.query(".why")) == 1
            and len(app.reader.pane.query(".post-header")) == 1
        )


async def test_end_right_after_enter_reaches_the_end_of_the_opened_post(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 12)) as pilot:
        await ready(pilot)
        await keys_at_once(pilot, "j", "enter", "G")
        await settle(pilot)
        assert app.reader.current == 2 and isinstance(app.focused, ReadingPane)
        assert app.reader.pane.scroll_y == app.reader.pane.max_scroll_y > 0


async def test_a_saved_filter_that_matches_nothing_says_so(tmp_path: Path) -> None:
    from tui.filters import Filter
    from tui.state import UiState, thread_files

    ui = thread_files(small_thread().source, tmp_path).ui
    ui.parent.mkdir(parents=True)
    ui.write_text(UiState(filter=Filter(rated=True)).to_toml(), encoding="utf-8")
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        assert app.reader.post_list.numbers == []
        assert any("matches no post" in str(n.message) for n in app._notifications)
