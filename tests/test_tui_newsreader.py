"""What newsreader users reach for, through the real reader: the reply tree, unread posts, links,
one author's posts, copying, keys kept while loading, recent threads, settings that stick."""

from __future__ import annotations

import asyncio
import threading
import tomllib
from pathlib import Path

import pytest
from textual.color import Color

from parsing.models import Thread
from tests.conftest import SHARED, needs_shared
from tests.reader_support import (
    fixed_scorer,
    make_app,
    press,
    ready,
    settle,
    small_thread,
    until,
    wait_loaded,
)
from tui.app import ThreadscoreApp
from tui.contrast import AA, contrast
from tui.screens.chooser import ChooserScreen
from tui.screens.export import ExportScreen
from tui.screens.recent import RecentScreen
from tui.screens.scorecard import ScorecardScreen


@pytest.fixture(autouse=True)
def _home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THREADSCORE_HOME", str(tmp_path / "home"))
    monkeypatch.setattr("tui.screens.newsreader.READ_AFTER", 0.05)


def status(app) -> str:
    return str(app.reader.query_one("#status").render())


def footer_text(app) -> str:
    return " ".join(
        " ".join(str(w.render()) for w in key.query("*")) or str(key.render())
        for key in app.screen.query("FooterKey")
    )


def row_text(app, number: int) -> str:
    post_list = app.reader.post_list
    index = post_list.index_of(number)
    y = index - post_list.scroll_offset.y
    return "".join(segment.text for segment in post_list.render_line(y))


# ----- the reply tree ----------------------------------------------------------------------------


async def test_t_shows_the_reply_tree_and_arrows_fold_climb_and_descend(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await ready(pilot)
        reader = app.reader
        await press(pilot, "t")
        assert reader.post_list.numbers == [1, 2, 4, 3, 5, 6]
        assert "↩ #1 #2" in row_text(app, 3) and "↩" not in row_text(app, 4)
        assert "▾" in row_text(app, 1)
        await press(pilot, "j", "left")  # #2 has a reply (#4): folded
        assert reader.post_list.numbers == [1, 2, 3, 5, 6] and "(+1)" in row_text(app, 2)
        await press(pilot, "right", "right")  # unfolded, then down to its first reply
        assert reader.current == 4
        await press(pilot, "h")  # h is left in the tree: up to the post #4 answers
        assert reader.current == 2
        await press(pilot, "z")
        assert reader.post_list.numbers == [1, 5, 6] and reader.current == 1
        await press(pilot, "z", "t")
        assert reader.post_list.numbers == [1, 2, 3, 4, 5, 6]
        highlight = reader.pane.highlight
        await press(pilot, "h")  # in page order h is the highlight toggle again
        assert reader.pane.highlight != highlight
        await press(pilot, "t", "q")
    second = make_app(tmp_path)
    async with second.run_test(size=(120, 30)) as pilot:
        await ready(pilot)
        assert second.reader.post_list.numbers == [1, 2, 4, 3, 5, 6]  # the tree is remembered


# ----- unread -----------------------------------------------------------------------------------


async def test_posts_are_read_once_open_a_moment_and_u_walks_the_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A second: the two u presses below must come within it however loaded the machine is.
    monkeypatch.setattr("tui.screens.newsreader.READ_AFTER", 1.0)
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await ready(pilot)
        listing = app.reader.listing
        await until(pilot, lambda: listing.is_read(1), "#1 to be open a moment")
        await settle(pilot)
        assert "5 unread" in status(app) and not row_text(app, 1).startswith("•")
        assert row_text(app, 2).startswith("•")
        await press(pilot, "u")
        assert app.reader.current == 2
        await press(pilot, "u")  # #2 was open too briefly to count: u goes on to #3
        assert app.reader.current == 3
        await until(pilot, lambda: listing.is_read(3), "#3 to be open a moment")
        await press(pilot, "q")
    again = make_app(tmp_path)
    async with again.run_test(size=(120, 30)) as pilot:
        await ready(pilot)
        listing = again.reader.listing
        assert listing.is_read(1) and listing.is_read(3) and not listing.is_read(2)
        await press(pilot, "g", "u")
        assert again.reader.current == 2


async def test_a_thread_that_grew_says_how_many_posts_are_new(tmp_path: Path) -> None:
    whole = small_thread(str(tmp_path / "thread.txt"))
    first = whole.model_copy(update={"posts": whole.posts[:4]})
    app = make_app(tmp_path, first)
    async with app.run_test(size=(120, 30)) as pilot:
        await ready(pilot)
        await press(pilot, "q")
    grown_source = whole.source.model_copy(update={"sha256": "e2" * 32})
    grown = whole.model_copy(update={"source": grown_source})  # the file grew: new bytes
    again = make_app(tmp_path, grown)
    async with again.run_test(size=(120, 30), notifications=True) as pilot:
        await ready(pilot)
        await until(
            pilot,
            lambda: again.reader.listing is not None and again.reader.listing.new,
            "the listing to mark the new posts",
        )
        said = [str(n.message) for n in again._notifications]
        assert any("2 posts new since your last visit" in m for m in said), said
        assert row_text(again, 5).startswith("N") and row_text(again, 6).startswith("N")


# ----- links, authors, filters, copying ------------------------------------------------------


def thread_with_links(path: str) -> Thread:
    thread = small_thread(path)
    body = "See https://example.org/survey-2019.pdf, and (https://en.wikipedia.org/wiki/Car-free_zone)."
    first = thread.posts[0].model_copy(update={"body": body, "parts": []})
    return thread.model_copy(update={"posts": [first, *thread.posts[1:]]})


class FakeBrowser:
    def __init__(self) -> None:
        self.opened: list[str] = []

    def open(self, url: str) -> bool:
        self.opened.append(url)
        return True


async def test_L_lists_a_posts_links_in_full_and_opens_the_chosen_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    browser = FakeBrowser()
    monkeypatch.setattr("tui.links.system_browser", lambda: browser)
    app = make_app(tmp_path, thread_with_links(str(tmp_path / "t.txt")))
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await ready(pilot)
        await press(pilot, "L")
        assert isinstance(app.screen, ChooserScreen)
        options = app.screen.query_one("#choices")
        labels = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert labels == [
            "https://example.org/survey-2019.pdf",
            "https://en.wikipedia.org/wiki/Car-free_zone",
        ]
        await press(pilot, "j", "enter")
        said = [str(n.message) for n in app._notifications]
    assert browser.opened == ["https://en.wikipedia.org/wiki/Car-free_zone"]
    assert "Opening https://en.wikipedia.org/wiki/Car-free_zone" in said


async def test_A_shows_one_authors_posts_and_escape_clears_the_filter(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await ready(pilot)
        reader = app.reader
        await press(pilot, "A")
        assert reader.post_list.numbers == [1, 4] and "by alice" in status(app)
        await press(pilot, "A")
        assert reader.post_list.numbers == [1, 2, 3, 4, 5, 6]
        await press(pilot, "j", "A")
        assert reader.post_list.numbers == [2]
        await press(pilot, "escape")
        assert reader.post_list.numbers == [1, 2, 3, 4, 5, 6] and not reader.filter.active
        assert reader.current == 2


async def test_a_filter_lands_on_the_nearest_post_it_shows(tmp_path: Path) -> None:
    from tui.filters import Filter

    app = make_app(tmp_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await ready(pilot)
        await press(pilot, "G", "k")  # on #5
        app.reader.set_filter(Filter(verdicts=frozenset({"evidenced"})))  # #1 and #4
        assert app.reader.current == 4  # nearest to #5, not the first (#1)


async def test_the_search_count_follows_the_filter(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await ready(pilot)
        await press(pilot, "j", "j", "j", "A")  # alice: #1 and #4
        await press(pilot, "slash", *"car", "enter")
        said = [str(n.message) for n in app._notifications]
        assert "2 posts match; 2 more outside the filter." in said, said
        assert "/car 2/2" in status(app)  # counted among the listed posts, not all four


async def test_y_copies_the_posts_own_words(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await ready(pilot)
        await press(pilot, "j", "y")
        assert app.clipboard == "Source? I doubt that is true for a town like ours."


async def test_a_bookmarked_post_with_a_note_shows_both_marks(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await ready(pilot)
        await press(pilot, "m", "a", "x", "ctrl+s")
        assert "⚑✎" in row_text(app, 1)


# ----- keys while loading, the loading pane, the footer -----------------------------------------


async def test_keys_pressed_while_loading_are_kept_and_applied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    marks_gate, scores_gate = threading.Event(), threading.Event()
    from tui import loader

    real_read_marks = loader.read_marks

    def slow_marks(*args):
        marks_gate.wait(10)
        return real_read_marks(*args)

    def slow_scorer(thread: Thread):
        scores_gate.wait(10)
        return fixed_scorer(thread)

    monkeypatch.setattr("tui.screens.reader.read_marks", slow_marks)
    app = ThreadscoreApp(thread=small_thread(), home=tmp_path, scorer=slow_scorer)
    async with app.run_test(size=(120, 30)) as pilot:
        await until(pilot, lambda: app.reader.doc is not None, "the thread to be shown")
        await press(pilot, "m", "j", "3", "s", loading=True)  # before marks and scores
        assert not app.reader.marks_ready
        marks_gate.set()
        await until(pilot, lambda: app.reader.marks_ready, "the saved marks to be read")
        await until(
            pilot,
            lambda: app.reader.doc.bookmarks() == [1] and app.reader.doc.mark(2).rating == 3,
            "the bookmark and rating typed while loading to be applied",
        )
        assert not isinstance(app.screen, ScorecardScreen)
        scores_gate.set()
        await wait_loaded(app)
        await until(
            pilot,
            lambda: isinstance(app.screen, ScorecardScreen) and app.screen.is_mounted,
            "the scorecard screen",
        )
        assert isinstance(app.screen, ScorecardScreen)
        await settle(pilot)


async def test_while_loading_the_pane_names_the_file_and_then_the_footer_has_its_keys(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = tmp_path / "market-square.txt"
    page.write_text("x" * 3000, encoding="utf-8")
    gate = threading.Event()

    def slow_thread(paths, home):
        from tui.loader import thread_state

        gate.wait(10)
        return thread_state(small_thread(str(page)), home)

    monkeypatch.setattr(
        "tui.screens.reader.read_in_two", lambda *a: (None, lambda: slow_thread(*a))
    )
    app = ThreadscoreApp([page], home=tmp_path, scorer=fixed_scorer)
    async with app.run_test(size=(120, 30)) as pilot:

        def placeholder() -> str:
            shown = app.reader.pane.query(".placeholder")
            return str(shown.first().render()) if shown else ""

        await until(
            pilot,
            lambda: placeholder() == "Reading market-square.txt (0.0 MB)…",
            "the pane to name the file",
        )
        gate.set()
        await wait_loaded(app)
        await settle(pilot)
        assert "⏎ Open" in footer_text(app) or "enter Open" in footer_text(app)


# ----- export ---------------------------------------------------------------------------------


async def test_export_without_and_with_cues(tmp_path: Path) -> None:
    app = make_app(tmp_path, small_thread(str(tmp_path / "thread.txt")))
    out = tmp_path / "thread.scorecard.toml"
    async with app.run_test(size=(120, 30)) as pilot:
        await ready(pilot)
        await press(pilot, "e", "enter")
        await app.workers.wait_for_complete()
        await settle(pilot)
        lean = tomllib.loads(out.read_text(encoding="utf-8"))
        await press(pilot, "e")
        await until(pilot, lambda: isinstance(app.screen, ExportScreen), "the export dialog")
        app.screen.query_one("#cues").value = True
        await press(pilot, "enter")
        await settle(pilot)  # asked to confirm
        assert "enter again" in str(app.screen.query_one("#export-hint").render())
        await press(pilot, "enter")  # confirms the overwrite
        await app.workers.wait_for_complete()
        await settle(pilot)
        full = tomllib.loads(out.read_text(encoding="utf-8"))
    assert all("cues" not in p and "sentences" not in p for p in lean["posts"])
    assert full["posts"][0]["cues"] and lean["totals"] == full["totals"]


# ----- start-up list, settings ----------------------------------------------------------------


async def test_without_a_file_the_reader_starts_on_recent_threads(tmp_path: Path) -> None:
    app = ThreadscoreApp(home=tmp_path, scorer=fixed_scorer, recent=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, RecentScreen)
        options = app.screen.query_one("RecentList")
        assert "demo" in str(options.get_option_at_index(0).prompt)
        await press(pilot, "enter")
        await wait_loaded(app)
        await settle(pilot)
        assert app.screen is app.reader and app.reader.doc is not None
        await press(pilot, "m", "q")
    again = ThreadscoreApp(home=tmp_path, scorer=fixed_scorer, recent=True)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        first = str(again.screen.query_one("RecentList").get_option_at_index(0).prompt)
        assert "1 mark ·" in first and "posts" in first and "unread" in first


@needs_shared
async def test_a_thread_is_on_the_recent_list_once_read_even_when_never_quit(
    tmp_path: Path,
) -> None:
    """The list was written only when the position was saved (on quit, or a second after a
    move): a thread read and left by closing the terminal was not on it."""
    thread = SHARED / "datasets" / "iac" / "9455.marked.txt"
    app = ThreadscoreApp([thread], home=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await press(pilot, "m")  # and the terminal is closed: no q
    again = ThreadscoreApp(home=tmp_path, recent=True)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        first = str(again.screen.query_one("RecentList").get_option_at_index(0).prompt)
    assert str(thread) in first
    assert "1 mark ·" in first  # one mark, not "1 marks"


async def test_a_thread_opened_by_a_relative_name_is_listed_from_any_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`threadscore ../x.txt` was remembered as "../x.txt": opened from another folder the
    list left it out (or would have opened another file of that name)."""
    here, elsewhere = tmp_path / "work" / "here", tmp_path / "elsewhere"
    here.mkdir(parents=True)
    elsewhere.mkdir()
    page = tmp_path / "work" / "market-square.txt"
    page.write_text("x" * 3000, encoding="utf-8")
    from tui.loader import thread_state

    def read(paths, home):  # the thread as the loader names it: by the path it was given
        return None, lambda: thread_state(small_thread(str(paths[0])), home)

    monkeypatch.setattr("tui.screens.reader.read_in_two", read)
    monkeypatch.chdir(here)
    app = ThreadscoreApp(["../market-square.txt"], home=tmp_path, scorer=fixed_scorer)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await press(pilot, "m", "q")
    monkeypatch.chdir(elsewhere)
    again = ThreadscoreApp(home=tmp_path, scorer=fixed_scorer, recent=True)
    async with again.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(again.screen, RecentScreen), "the recent list")
        await settle(pilot)
        listed = again.screen.query_one("RecentList")
        first = str(listed.get_option_at_index(0).prompt)
        assert str(page) in first and "1 mark ·" in first
        await press(pilot, "enter")
        await wait_loaded(again)
        await settle(pilot)
        assert again.reader.doc is not None and again.reader.doc.bookmarks() == [1]


def test_threadscore_demo_opens_the_demo() -> None:
    from tui.cli import build_parser

    reader = build_parser()[0]
    assert reader.parse_args(["--demo"]).demo and not reader.parse_args([]).demo


async def test_a_chosen_theme_is_saved_and_used_next_time(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        app.theme = "textual-light"
        await settle(pilot)
        variables = app.theme_variables
        background = Color.parse(variables["background"])
        for name in ("cue-claim", "cue-evidence"):
            assert contrast(Color.parse(variables[name]), background) >= AA
    config = tomllib.loads((tmp_path / "config.toml").read_text(encoding="utf-8"))
    assert config["theme"] == "textual-light"
    again = make_app(tmp_path)
    async with again.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert again.theme == "textual-light"
    await asyncio.sleep(0)


async def test_the_scorecard_is_kept_between_openings_until_a_mark_changes(
    tmp_path: Path,
) -> None:
    from scoring import score_thread

    app = ThreadscoreApp(thread=small_thread(), home=tmp_path, scorer=score_thread)
    async with app.run_test(size=(120, 30)) as pilot:
        await ready(pilot)
        await press(pilot, "s")
        first = app.screen
        assert isinstance(first, ScorecardScreen)
        await press(pilot, "escape", "s")
        assert app.screen is first  # counted once
        await press(pilot, "enter")  # it still answers (here: one author's posts)
        assert app.screen is app.reader and app.reader.filter.author is not None
        await press(pilot, "escape", "m", "s")
        assert isinstance(app.screen, ScorecardScreen) and app.screen is not first


async def test_a_long_web_address_is_never_folded_across_lines(tmp_path: Path) -> None:
    from tui.widgets.reading_pane import link_lines

    app = make_app(tmp_path, thread_with_links(str(tmp_path / "t.txt")))
    async with app.run_test(size=(60, 20)) as pilot:
        await ready(pilot)
        lines = app.reader.pane.query(".link-line")
        assert [str(line.render()) for line in lines] == [
            "https://example.org/survey-2019.pdf",
            "https://en.wikipedia.org/wiki/Car-free_zone",
        ]
        assert all(line.size.height == 1 for line in lines)  # cut at the edge, not folded
    text = "See https://example.org/survey-2019.pdf, and more."
    assert [(text[a:b], link) for a, b, link in link_lines(text)] == [
        ("See", False),
        ("https://example.org/survey-2019.pdf", True),
        (", and more.", False),
    ]


@needs_shared
async def test_new_posts_are_announced_once_when_marks_come_back_from_the_earlier_file(
    tmp_path: Path,
) -> None:
    """A thread file that grew after a session with marks: the reader took the earlier
    file's reading state twice (on the posts, then with the marks) and said "1 post new
    since your last visit" twice."""
    thread = tmp_path / "thread.txt"
    text = (SHARED / "datasets" / "iac" / "2140.marked.txt").read_text(encoding="utf-8")
    thread.write_text(text, encoding="utf-8")
    app = ThreadscoreApp([thread], home=tmp_path / "home")
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await press(pilot, "j", "j", "m")
        await press(pilot, "q")
    with thread.open("a", encoding="utf-8") as more:
        more.write("\nbob\nApr 10, 2004\n#13\nA reply added later. Source? https://example.org\n")
    again = ThreadscoreApp([thread], home=tmp_path / "home")
    async with again.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await settle(pilot)
        doc = again.reader.doc
        assert doc is not None and len(doc.thread.posts) == 13 and doc.bookmarks() == [3]
        said = [str(n.message) for n in again._notifications]
    assert sum("1 post new since your last visit" in m for m in said) == 1, said


@needs_shared
async def test_links_lists_the_addresses_in_the_posts_quotes_too(tmp_path: Path) -> None:
    """#7 of this Something Awful page quotes a post with a link, shown in the pane's quote
    block, but L said "#7 has no web links" (it looked at the post's own words only)."""
    page = SHARED / "datasets" / "html" / "07_somethingawful_vbulletin.html"
    app = ThreadscoreApp([page], home=tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        app.reader.go(7)
        await settle(pilot)
        await press(pilot, "L")
        assert isinstance(app.screen, ChooserScreen)
        options = app.screen.query_one("#choices")
        labels = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
    doc = app.reader.doc
    assert doc is not None
    quoted = doc.post(7).quotes
    assert labels and all(any(url in q.text for q in quoted) for url in labels)


@needs_shared
async def test_a_on_a_post_with_no_author_says_so_rather_than_filter_by_nobody(
    tmp_path: Path,
) -> None:
    """On a dump that lost every author name, A filtered the list to "by —": every post,
    with a filter on the status line that did nothing."""
    app = ThreadscoreApp([SHARED / "datasets" / "iac" / "3458.bare.txt"], home=tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await press(pilot, "A")
        assert not app.reader.filter.active
        said = [str(n.message) for n in app._notifications]
    assert any("has no author name" in m for m in said), said
