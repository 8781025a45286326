"""Finding the way: on a narrow terminal (60 columns) the keys stay on screen and readable, and
an empty list says why it is empty."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static
from textual.widgets._footer import FooterKey

from tests.conftest import SHARED, needs_shared
from tests.reader_support import make_app, press, ready, settle, small_thread, until, wait_loaded
from tui.app import ThreadscoreApp
from tui.filters import Filter
from tui.screens.chooser import ChooserScreen
from tui.screens.help import HelpScreen
from tui.screens.scorecard import ScorecardScreen


async def test_the_help_key_is_on_the_footer_of_a_narrow_terminal(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(60, 20)) as pilot:
        await ready(pilot)
        keys = {key.description: key.region for key in app.screen.query(FooterKey)}
        assert "Help" in keys
        assert keys["Help"].right <= 60


async def test_help_on_a_narrow_terminal_keeps_whole_descriptions(tmp_path: Path) -> None:
    """The ids column used to cut every description to 11 cells ("Follow the …")."""
    app = make_app(tmp_path)
    async with app.run_test(size=(60, 20)) as pilot:
        await ready(pilot)
        await press(pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        table = str(app.screen.query_one("#help-table").render())
        assert "Follow the quoted post" in table
        assert "List the posts that quote this one" in table
        assert "follow_quote" in table and "…" not in table


async def test_an_empty_filtered_list_says_why_and_what_to_do(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        app.reader.set_filter(Filter(bookmarked=True))
        await settle(pilot)
        assert app.reader.post_list.numbers == []
        rows = [str(app.reader.post_list.render_line(y)) for y in range(3)]
        assert "No post matches the filter." in rows[0] and "f changes it" in rows[1]
        app.reader.set_filter(Filter())
        await settle(pilot)
        assert "No post matches" not in str(app.reader.post_list.render_line(0))


async def test_an_edit_that_takes_the_post_out_of_the_filter_says_so(tmp_path: Path) -> None:
    """Overriding a verdict under a verdict filter made the post vanish and another take its
    place in the pane, without a word."""
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        app.reader.set_filter(Filter(verdicts=frozenset({"evidenced"})))
        await settle(pilot)
        assert app.reader.post_list.numbers == [1, 4] and app.reader.current == 1
        await press(pilot, "v", "down", "enter")
        await until(pilot, lambda: app.screen is app.reader, "the verdict chooser to close")
        await settle(pilot)
        assert app.reader.post_list.numbers == [4] and app.reader.current == 4
        notices = [str(n.message) for n in app._notifications]
        assert "#1 no longer matches the filter (evidenced); now on #4." in notices


async def test_what_the_parser_warned_about_is_shown(tmp_path: Path) -> None:
    """The parser prints its warnings (a page cut short) to stderr, which the reader's screen
    hides: the reader says them itself."""
    thread = small_thread().model_copy(
        update={"warnings": ["x.html: the page looks cut off (it does not end with </html>)"]}
    )
    app = make_app(tmp_path, thread)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        notices = [str(n.message) for n in app._notifications]
        assert any("the page looks cut off" in n for n in notices)


async def test_question_mark_shows_the_keys_on_the_scorecard_too(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await press(pilot, "s")
        assert app.screen.id == "scorecard"
        await press(pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        assert "scorecard.sort.rate" in str(app.screen.query_one("#help-table").render())
        await press(pilot, "escape")
        assert app.screen.id == "scorecard"


async def test_the_post_list_follows_the_theme(tmp_path: Path) -> None:
    """After a theme change from the palette the list kept its old colours, and a light theme
    drew post numbers and the `··` badge white (`$text-muted` lost in a partial style)."""
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        app.reader.post_list.render_line(1)
        app.theme = "textual-light"
        await settle(pilot)
        number = list(app.reader.post_list.render_line(1))[1]  # after the unread mark
        assert number.text == "#2" and number.style is not None
        assert number.style.bgcolor == app.reader.post_list.rich_style.bgcolor
        assert number.style.color is not None and number.style.color.triplet is not None
        assert sum(number.style.color.triplet) < 3 * 200  # a muted grey, not white


async def test_the_search_box_says_how_it_works(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await press(pilot, "slash")
        hint = str(app.screen.query_one(".dialog-hint").render())
        assert "n/N" in hint and "empty clears" in hint


@needs_shared
async def test_the_scorecard_footer_says_enter_opens_the_post_where_rows_are_posts(
    tmp_path: Path,
) -> None:
    """A crawl-flattened dump keeps no author names: each scorecard row is a post and enter
    opens it, but the footer said "⏎ Show their posts"."""
    app = ThreadscoreApp([SHARED / "datasets" / "iac" / "3458.bare.txt"], home=tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(app)
        await press(pilot, "s")
        await until(
            pilot,
            lambda: isinstance(app.screen, ScorecardScreen) and app.screen.query(FooterKey),
            "the scorecard's footer keys",
        )
        keys = {key.description for key in app.screen.query(FooterKey)}
        assert "Open the post" in keys and "Show their posts" not in keys
        await press(pilot, "j", "j", "enter")
        assert app.reader.current == 3 and app.reader.filter == Filter()


@needs_shared
async def test_the_chooser_says_how_to_choose_and_cancel(tmp_path: Path) -> None:
    """The verdict, quote and link choosers were the one dialog without its keys under it."""
    app = ThreadscoreApp([SHARED / "datasets" / "iac" / "3458.bare.txt"], home=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(app)
        await press(pilot, "v")
        assert isinstance(app.screen, ChooserScreen)
        hint = str(app.screen.query_one(".dialog-hint", Static).render())
        assert "enter chooses" in hint and "escape cancels" in hint
        await press(pilot, "escape")
        assert app.screen is app.reader


def _contrasts(strip: object) -> dict[str, float]:
    """Each visible piece of a drawn list row and its contrast on its own background."""
    from textual.color import Color

    from tui.contrast import contrast

    seen: dict[str, float] = {}
    for segment in strip:  # type: ignore[attr-defined]
        style = segment.style
        if segment.text.strip() and style and style.color and style.bgcolor:
            fg, bg = Color.from_rich_color(style.color), Color.from_rich_color(style.bgcolor)
            seen[segment.text.strip()] = contrast(fg, bg)
    return seen


@needs_shared
@pytest.mark.parametrize("theme", ["textual-light", "textual-dark", "atom-one-light"])
async def test_verdict_badges_matches_and_the_cursor_row_are_readable(
    tmp_path: Path, theme: str
) -> None:
    """On textual-light the verdict badges had a contrast of 1.5:1 to 2:1 and the search
    matches' numbers 1.5:1; on textual-dark the cursor row was light grey on full orange
    (1.5:1): its `$accent 40%` lost the 40% in a partial style."""
    from tui.contrast import AA
    from tui.verdicts import LOOKS

    badges = {look.badge for name, look in LOOKS.items() if name != "non-argument"}
    app = ThreadscoreApp([SHARED / "datasets" / "iac" / "3458.marked.txt"], home=tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(app)
        app.theme = theme
        app.reader._run_search("health care", move=False)
        await settle(pilot)
        rows = [_contrasts(app.reader.post_list.render_line(y)) for y in range(20)]
    cursor, others = rows[0], rows[1:]
    assert cursor[max(cursor, key=len)] >= AA  # the first words
    marks = [ratio for text, ratio in cursor.items() if text != "··"]  # ·· is muted on purpose
    assert min(marks) >= 3.0  # a badge or a match number on the cursor's tint
    found = {text: ratio for row in others for text, ratio in row.items() if text in badges}
    assert len(found) >= 3 and min(found.values()) >= AA
    numbers = [ratio for row in others for text, ratio in row.items() if text.startswith("#")]
    assert numbers and min(numbers) >= AA
