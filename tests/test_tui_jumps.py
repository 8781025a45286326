"""Jumps land where the reader wants them: `o` and `r` on the passage the quote repeats, and
`[` and `]` on a post as it was left, like a browser: scrolled where the reader was, and with
the filter that following a quote had to clear."""

from __future__ import annotations

from pathlib import Path

from parsing.models import Part, Quote
from tests.reader_support import long_thread, make_app, press, ready, settle, until
from tui.filters import Filter
from tui.widgets.reading_pane import PASSAGE_STYLE


async def opened(pilot, app, number: int) -> None:
    """Until post `number` is open in the pane and laid out (scrolled where it lands)."""

    def open_now() -> bool:
        view = app.reader.pane.view
        return view is not None and view.post.number == number and not app.reader.pane.opening

    await until(pilot, open_now, f"post {number} to open")
    await settle(pilot)


async def test_back_returns_to_where_the_post_was_scrolled(tmp_path: Path) -> None:
    app = make_app(tmp_path, long_thread())
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await press(pilot, "G", "enter")
        await opened(pilot, app, 6)
        await press(pilot, "space", "space")
        left_at = app.reader.pane.scroll_y
        assert left_at > 0
        await press(pilot, "o")
        await opened(pilot, app, 1)
        assert app.reader.current == 1 and app.reader.pane.scroll_y == 0
        await press(pilot, "left_square_bracket")
        await opened(pilot, app, 6)
        assert app.reader.current == 6 and app.reader.pane.scroll_y == left_at
        await press(pilot, "right_square_bracket")
        await opened(pilot, app, 1)
        assert app.reader.current == 1 and app.reader.pane.scroll_y == 0


async def test_back_puts_back_the_filter_a_followed_quote_cleared(tmp_path: Path) -> None:
    app = make_app(tmp_path, long_thread())
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        app.reader.set_filter(Filter(author="dave"))
        await settle(pilot)
        assert app.reader.post_list.numbers == [6] and app.reader.current == 6
        await press(pilot, "o")
        await opened(pilot, app, 1)
        assert app.reader.current == 1 and not app.reader.filter.active
        await press(pilot, "left_square_bracket")
        await opened(pilot, app, 6)
        assert app.reader.current == 6 and app.reader.filter == Filter(author="dave")
        assert app.reader.post_list.numbers == [6]
        assert any("Filter back on" in str(n.message) for n in app._notifications)
        await press(pilot, "right_square_bracket")
        await opened(pilot, app, 1)
        assert app.reader.current == 1 and not app.reader.filter.active


def quoting_thread():
    """The long thread, with post 5 quoting the last sentence of the long post 6."""
    thread = long_thread()
    quote = Quote(target=6, author="dave", text="The zebra crossing by the bakery is the real…")
    post5 = thread.posts[4]
    post5 = post5.model_copy(
        update={"quotes": [quote], "parts": [Part(kind="quote", quote=0), *post5.parts]}
    )
    return thread.model_copy(update={"posts": [*thread.posts[:4], post5, thread.posts[5]]})


def marked_with(app, selector: str, words: str, style: str) -> bool:
    """Whether the first `selector` text in the pane shows `words` in `style`."""
    content = app.reader.pane.query_one(selector).render()
    start = content.plain.index(words)
    return any(s.start <= start < s.end and str(s.style) == style for s in content.spans)


async def test_following_a_quote_shows_the_passage_it_repeats(tmp_path: Path) -> None:
    app = make_app(tmp_path, quoting_thread())
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await press(pilot, "j", "j", "j", "j")
        assert app.reader.current == 5
        await press(pilot, "o")
        await opened(pilot, app, 6)
        assert app.reader.pane.scroll_y > 0
        visible = [str(line) for line in app.screen._compositor.render_strips()]
        assert any("zebra crossing" in line for line in visible)
        assert marked_with(app, ".post-text", "zebra crossing", PASSAGE_STYLE)
        await press(pilot, "r", "enter")
        await opened(pilot, app, 5)
        assert marked_with(app, ".quote-text", "zebra crossing", PASSAGE_STYLE)
        await press(pilot, "k")
        await opened(pilot, app, 4)
        await press(pilot, "j", "j")
        await opened(pilot, app, 6)
        assert not marked_with(app, ".post-text", "zebra crossing", PASSAGE_STYLE)


async def test_space_at_the_end_of_a_post_reads_on_to_the_next(tmp_path: Path) -> None:
    """Like a newsreader's pager: paging down past the end of a post opens the next one."""
    app = make_app(tmp_path, long_thread())
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await press(pilot, "j", "j", "j", "j", "enter")
        await opened(pilot, app, 5)
        await press(pilot, "space")
        await opened(pilot, app, 6)
        assert (
            app.reader.current == 6
            and app.reader.pane.scroll_y == 0
            and app.focused is app.reader.pane
        )
        await press(pilot, "space")
        assert app.reader.current == 6 and app.reader.pane.scroll_y > 0
        for _ in range(10):
            await press(pilot, "space")
        assert app.reader.current == 6
        assert any("last post" in str(n.message) for n in app._notifications)
