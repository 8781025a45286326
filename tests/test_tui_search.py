"""Search as readers of long threads expect it: exact hits first, the match shown and marked in
the post, and a word when `n` wraps around."""

from __future__ import annotations

import re
import time
from pathlib import Path

from tests.reader_support import long_thread, make_app, press, ready, until
from tui.search import SearchIndex, match_pattern
from tui.widgets.reading_pane import SEARCH_STYLE


def test_exact_hits_come_before_close_ones() -> None:
    """A fuzzy window of "user280" matched every post of user28 and user20 (4,248 of 10,000
    posts in the generated thread); close matches are for when nothing matches exactly."""
    index = SearchIndex([(1, "user280 says"), (2, "user28 says"), (3, "user20 says hi")])
    assert index.find("user280") == [1]
    found = index.search("usr280")
    assert found.approximate and 1 in found.numbers
    assert not index.search("user28").approximate
    pattern = match_pattern("car free")
    assert pattern is not None and pattern.search("A Car-free town")
    assert match_pattern(" !? ") is None


async def test_a_match_below_the_fold_is_scrolled_to_and_marked(tmp_path: Path) -> None:
    app = make_app(tmp_path, long_thread())
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await press(pilot, "slash", *"zebra crossing", "enter")
        await until(pilot, lambda: app.reader.pane.scroll_y > 0, "the pane to scroll to the match")
        assert app.reader.current == 6
        text = app.reader.pane.query_one(".post-text")
        visible = [str(line) for line in app.screen._compositor.render_strips()]
        assert any("zebra crossing" in line for line in visible)
        content = text.render()
        start = content.plain.index("zebra crossing")
        assert any(
            span.start <= start < span.end and str(span.style) == SEARCH_STYLE
            for span in content.spans
        )


async def test_next_match_says_when_it_wraps_around(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await press(pilot, "slash", *"council", "enter")
        assert app.reader.matches == [3, 4] and app.reader.current == 3
        await press(pilot, "n")
        assert app.reader.current == 4
        assert not any("wrapped" in str(n.message) for n in app._notifications)
        await press(pilot, "n")
        assert app.reader.current == 3
        assert any("wrapped around to the first" in str(n.message) for n in app._notifications)
        await press(pilot, "N")
        assert app.reader.current == 4
        assert any("wrapped around to the last" in str(n.message) for n in app._notifications)


def test_marking_a_one_letter_search_in_a_long_post_stays_fast() -> None:
    """One `stylize` per match copied the spans each time: 20,000 matches took 0.6 s, a
    100 KB post with a one-letter search froze the reader for seconds. The marks are capped
    (the time itself is measured by benchmarks, not asserted here on a shared machine)."""
    from textual.content import Content

    from tui.widgets.reading_pane import MAX_MARKS, marked

    content = marked(Content("word " * 20_000), [(re.compile("o"), SEARCH_STYLE)])
    assert len(content.spans) == MAX_MARKS
    pattern = match_pattern("car free")
    assert pattern is not None
    spans = marked(Content("The Car-free town"), [(pattern, SEARCH_STYLE)]).spans
    assert [(s.start, s.end) for s in spans] == [(4, 12)]


def test_a_quoted_passage_is_found_and_its_pattern_stays_linear() -> None:
    from tui.search import passage_patterns

    quote = " ".join(f"w{i}" for i in range(20))
    full, head = passage_patterns(f"...{quote}...")
    assert full.search(f"Before. {quote.upper()} after.") and head.search(quote)
    started = time.process_time()
    assert full.search("w0 w1 w2 w3 w4 w5 w6 w7 zz " * 20_000) is None
    assert time.process_time() - started < 2.0, "a backtracking pattern hangs the reader"
    assert passage_patterns("...") == []
