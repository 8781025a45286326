"""Two readers open on one thread, editing in turn: every mark survives, the later edit of a mark
wins, and a reader whose file another reader changed takes those marks and says so."""

from __future__ import annotations

import random
from pathlib import Path

from scoring.store import load_scorecard
from tests.reader_support import press, ready, settle
from tui.app import ThreadscoreApp


async def test_two_apps_editing_interleaved_lose_nothing(
    tmp_path: Path, hostile_thread: Path
) -> None:
    home = tmp_path / "home"
    a, b = ThreadscoreApp([hostile_thread], home=home), ThreadscoreApp([hostile_thread], home=home)
    async with a.run_test(size=(100, 30)) as pa, b.run_test(size=(100, 30)) as pb:
        await ready(pa)
        await ready(pb)
        posts = len(a.reader.doc.thread.posts)
        rng = random.Random(7)
        expected: dict[int, int] = {}
        for step in range(24):  # alternate readers, each rating a post the other may rate too
            pilot, app = (pa, a) if step % 2 == 0 else (pb, b)
            number = rng.randint(1, posts)
            rating = rng.randint(1, 5)
            app.reader.post_list.go_to(number)
            await settle(pilot)
            await press(pilot, str(rating))
            await settle(pilot)
            expected[number] = rating
        told = [str(n.message) for n in a._notifications] + [
            str(n.message) for n in b._notifications
        ]
    saved = load_scorecard(a.reader.files.scorecard).user.marks.values()
    assert {m.post_number: m.rating for m in saved} == expected
    assert any("Another reader saved marks on this thread" in t for t in told)


async def test_a_later_edit_is_not_reverted_by_the_other_readers_save(
    tmp_path: Path, hostile_thread: Path
) -> None:
    """Reader A rates #1, reader B rates #1 later, then A rates #2: B's rating of #1 stays."""
    home = tmp_path / "home"
    a, b = ThreadscoreApp([hostile_thread], home=home), ThreadscoreApp([hostile_thread], home=home)
    async with a.run_test(size=(100, 30)) as pa, b.run_test(size=(100, 30)) as pb:
        await ready(pa)
        await ready(pb)
        await press(pa, "2")
        await settle(pa)
        await press(pb, "5")
        await settle(pb)
        await press(pa, "j", "3")
        await settle(pa)
        assert a.reader.doc.mark(1).rating == 5  # A took B's later rating and shows it
        await press(pb, "0")  # B clears its rating of #1; A saves a bookmark on #2 after it
        await settle(pb)
        await press(pa, "m")
        await settle(pa)
    marks = {m.post_number: m for m in load_scorecard(a.reader.files.scorecard).user.marks.values()}
    assert 1 not in marks  # B's clearing is the later edit of #1
    assert marks[2].rating == 3 and marks[2].bookmark
