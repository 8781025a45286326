"""The scorecard screen on the real demo thread, scored by the real scorer, driven by Pilot."""

from __future__ import annotations

from collections import Counter

import pytest
from rich.text import Text
from textual.app import App
from textual.widgets import DataTable, Static

from parsing.load import load_thread
from parsing.models import Thread
from scoring import score_thread
from scoring.models import VERDICTS, Scorecard
from scoring.tally import tally
from scoring.user_layer import set_override, set_rating
from tests.reader_support import ScorecardApp, press, settle
from tui.filters import AuthorChoice, PostChoice
from tui.screens.scorecard import ScorecardScreen
from tui.widgets.evidence_chart import EvidenceChart

EVIL = "[@click=app.quit]x[/]"


def group_of(thread: Thread, number: int) -> str:
    author = thread.post(number).author
    return author or f"#{number}"


def expected_rows(thread: Thread, scorecard: Scorecard) -> dict[str, list[str]]:
    """Each author's row as the table should print it, worked out here from the scorecard
    (challenges answered by the scorer's own tally, rerun on the effective verdicts)."""
    groups: dict[str, list[int]] = {}
    for post in thread.posts:
        groups.setdefault(group_of(thread, post.number), []).append(post.number)
    effective = [
        score.model_copy(update={"verdict": scorecard.effective_verdict(score.number)})
        for score in scorecard.posts
    ]
    tallies = {t.author: t for t in tally(thread, effective)[0]}
    rows: dict[str, list[str]] = {}
    for author, numbers in groups.items():
        counts = Counter(scorecard.effective_verdict(n) for n in numbers)
        arguing = counts["evidenced"] + counts["reasoned"] + counts["asserted"]
        rate = f"{counts['evidenced'] / arguing:.0%}" if arguing else "–"
        ratings = [m.rating for n in numbers if (m := scorecard.mark(n)) and m.rating]
        mean = f"{sum(ratings) / len(ratings):.1f}" if ratings else "–"
        counted = [counts[v] for v in ("evidenced", "reasoned", "asserted", "challenge")]
        side = tallies[author]
        received, answered = side.challenges_received, side.challenges_answered
        replies = f"{answered}/{received}" if received else "–"
        rows[author] = [author, str(len(numbers)), *map(str, counted), replies, rate, mean]
    return rows


def table_rows(app: App[None]) -> dict[str, list[str]]:
    table = app.screen.query_one("#authors", DataTable)
    rows: dict[str, list[str]] = {}
    for index in range(table.row_count):
        cells = table.get_row_at(index)
        assert all(isinstance(cell, Text) for cell in cells)
        rows[str(cells[0])] = [str(cell) for cell in cells]
    return rows


@pytest.fixture(scope="module")
def demo() -> tuple[Thread, Scorecard]:
    thread = load_thread(None)
    return thread, score_thread(thread)


def with_authors(thread: Thread, names: list[str | None]) -> Thread:
    """The demo thread with authors set, cycling through `names` (None keeps it unknown)."""
    posts = [
        post.model_copy(update={"author": names[i % len(names)]})
        for i, post in enumerate(thread.posts)
    ]
    return thread.model_copy(update={"posts": posts})


async def test_one_row_per_author_with_counts(demo: tuple[Thread, Scorecard]) -> None:
    thread, scorecard = demo
    named = with_authors(thread, ["ann", "bob", None, "bob"])
    for thread_, card in ((thread, scorecard), (named, score_thread(named))):
        app = ScorecardApp(thread_, card)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            assert isinstance(app.screen, ScorecardScreen)
            assert table_rows(app) == expected_rows(thread_, card)


async def test_user_override_and_rating_change_the_counts(
    demo: tuple[Thread, Scorecard],
) -> None:
    thread, scorecard = demo
    post = thread.posts[0]
    computed = scorecard.post(post.number).verdict
    override = next(v for v in VERDICTS if v != computed)
    layer = set_override(scorecard.user, post, override, computed)
    layer = set_rating(layer, post, 2)
    marked = scorecard.model_copy(update={"user": layer})
    author = group_of(thread, post.number)
    column = {"evidenced": 2, "asserted": 3, "challenge": 4}

    before_app = ScorecardApp(thread, scorecard)
    async with before_app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        before = table_rows(before_app)[author]
    app = ScorecardApp(thread, marked)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        after = table_rows(app)[author]
        assert table_rows(app) == expected_rows(thread, marked)
        totals = str(app.screen.query_one("#totals", Static).render())
        assert "1 override " in totals
    assert after != before
    if computed in column:
        assert int(after[column[computed]]) == int(before[column[computed]]) - 1
    if override in column:
        assert int(after[column[override]]) == int(before[column[override]]) + 1
    assert after[-1] == "2.0"


async def test_enter_dismisses_with_the_highlighted_author(
    demo: tuple[Thread, Scorecard],
) -> None:
    thread = with_authors(demo[0], ["ann", "bob", "cy"])
    app = ScorecardApp(thread, score_thread(thread))
    async with app.run_test() as pilot:
        await settle(pilot)
        await press(pilot, "down")
        assert str(app.screen.query_one("#detail", Static).render()).startswith("bob: ")
        await press(pilot, "enter")
        assert not isinstance(app.screen, ScorecardScreen)
    assert app.result == AuthorChoice("bob")


async def test_an_author_named_like_a_post_or_a_filter_stays_an_author(
    demo: tuple[Thread, Scorecard],
) -> None:
    thread = with_authors(demo[0], ["#2", None, "rated"])
    app = ScorecardApp(thread, score_thread(thread))
    async with app.run_test() as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ScorecardScreen)
        rows = screen._shown
        unknown = next(i for i, row in enumerate(rows) if not row.known)
        screen.query_one("#authors", DataTable).move_cursor(row=unknown)
        screen.action_choose()
        await settle(pilot)
    assert app.result == PostChoice(rows[unknown].post_numbers[0])
    assert AuthorChoice("#2") != PostChoice(2)
    for name in ("#2", "rated"):
        named = next(row for row in rows if row.author == name)
        assert named.known


@pytest.mark.parametrize("key", ["escape", "q", "s"])
async def test_close_keys_dismiss_with_none(demo: tuple[Thread, Scorecard], key: str) -> None:
    app = ScorecardApp(*demo)
    async with app.run_test() as pilot:
        await settle(pilot)
        await press(pilot, key)
        assert not isinstance(app.screen, ScorecardScreen)
    assert app.result is None


async def test_sort_keys_reorder_rows_and_keep_the_cursor(
    demo: tuple[Thread, Scorecard],
) -> None:
    thread = with_authors(demo[0], ["ann", "bob", "cy", "bob", "dee"])
    app = ScorecardApp(thread, score_thread(thread))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#authors", DataTable)
        await press(pilot, "down")
        await press(pilot, "p")
        posts = [int(str(table.get_row_at(i)[1])) for i in range(table.row_count)]
        assert posts == sorted(posts, reverse=True)
        assert str(table.get_row_at(table.cursor_row)[0]) == "bob"
        await press(pilot, "n")
        names = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        assert names == ["ann", "bob", "cy", "dee"]
        await press(pilot, "n")
        names = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        assert names == ["dee", "cy", "bob", "ann"]
        chart = app.screen.query_one("#chart", EvidenceChart)
        assert [row.author for row in chart.rows] == names
        columns = list(table.columns.values())
        x = 1 + sum(c.get_render_width(table) for c in columns[:4]) + 2
        await pilot.click("#authors", offset=(x, 1))
        await settle(pilot)
        asserted = [int(str(table.get_row_at(i)[4])) for i in range(table.row_count)]
        assert asserted == sorted(asserted, reverse=True)
        assert "asserted posts ▼" in str(table.border_subtitle)


async def test_clicking_a_bar_moves_the_table_cursor(demo: tuple[Thread, Scorecard]) -> None:
    thread = with_authors(demo[0], ["ann", "bob", "cy"])
    app = ScorecardApp(thread, score_thread(thread))
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#authors", DataTable)
        assert table.cursor_row == 0
        await pilot.click("#chart", offset=(3, 4))
        await settle(pilot)
        assert table.cursor_row == 2
        assert app.screen.query_one("#chart", EvidenceChart).highlighted == 2


async def test_markup_in_an_author_name_is_shown_literally_and_inert(
    demo: tuple[Thread, Scorecard],
) -> None:
    thread = with_authors(demo[0], ["ann", EVIL])
    app = ScorecardApp(thread, score_thread(thread))
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#authors", DataTable)
        assert str(table.get_row_at(1)[0]) == EVIL
        await pilot.click("#authors", offset=(4, 3))
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, ScorecardScreen)
        assert table.cursor_row == 1
        chart = app.screen.query_one("#chart", EvidenceChart)
        assert chart.row_text(1, 90).plain.startswith(EVIL + " ")
        await pilot.click("#chart", offset=(3, 3))
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, ScorecardScreen)
        assert table.cursor_row == 1
        await pilot.click("#authors", offset=(4, 3))
        await settle(pilot)
        assert app.is_running
    assert app.result == AuthorChoice(EVIL)


async def test_before_scoring_finishes_the_screen_says_so(
    demo: tuple[Thread, Scorecard],
) -> None:
    thread, scorecard = demo
    unscored = Scorecard(fingerprint=scorecard.fingerprint, source_path=scorecard.source_path)
    app = ScorecardApp(thread, unscored)
    async with app.run_test() as pilot:
        await settle(pilot)
        assert app.screen.query_one("#authors", DataTable).row_count == 0
        assert "not scored yet" in str(app.screen.query_one("#totals", Static).render())
        await press(pilot, "enter", "p")
        assert isinstance(app.screen, ScorecardScreen)
        await press(pilot, "escape")
    assert app.result is None
