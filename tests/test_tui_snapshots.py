"""Pictures of the reader at 80x24 and 160x48 (pytest-textual-snapshot; SVGs in __snapshots__).

Few on purpose: each runs the whole app. The thread and scorecard are fixed (test_tui_support),
and marks are set directly rather than through keys so no save time appears on the status line.
Update after an intended change with `pytest tests/test_tui_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.reader_support import make_app, press, ready, settle

HOME = Path(tempfile.gettempdir()) / "threadscore-snapshots"
"""A fixed state folder: the help screen prints its path, so it must not vary between runs."""


@pytest.fixture(autouse=True)
def plain_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Snapshots depend on the theme and colour settings; pin them, and start with no state."""
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("TEXTUAL_THEME", raising=False)
    monkeypatch.setenv("THREADSCORE_HOME", str(HOME))
    monkeypatch.setattr("tui.screens.newsreader.READ_AFTER", 3600.0)  # every post stays unread
    shutil.rmtree(HOME, ignore_errors=True)


async def marked(pilot: Pilot[None]) -> None:
    """Open post 3 (two quotes) with a few marks on the list, as a reader would have them."""
    app = await ready(pilot)
    assert app.reader.doc is not None
    app.reader.doc.rate(1, 4)
    app.reader.doc.toggle_bookmark(1)
    app.reader.doc.set_note(4, "checked the table")
    app.reader.doc.set_override(6, "challenge")
    app.reader.post_list.refresh_rows()
    await press(pilot, "j", "j", "enter")
    await settle(pilot)


def test_reader_80x24(snap_compare) -> None:
    assert snap_compare(make_app(HOME), terminal_size=(80, 24), run_before=marked)


def test_reader_160x48(snap_compare) -> None:
    async def first_post(pilot: Pilot[None]) -> None:
        await marked(pilot)
        await press(pilot, "tab", "g", "enter")
        await settle(pilot)

    assert snap_compare(make_app(HOME), terminal_size=(160, 48), run_before=first_post)


def test_help_80x24(snap_compare) -> None:
    async def help_open(pilot: Pilot[None]) -> None:
        await ready(pilot)
        await press(pilot, "question_mark")
        await settle(pilot)

    assert snap_compare(make_app(HOME), terminal_size=(80, 24), run_before=help_open)


def test_filter_80x24(snap_compare) -> None:
    async def filter_open(pilot: Pilot[None]) -> None:
        await ready(pilot)
        await press(pilot, "f")
        await settle(pilot)

    assert snap_compare(make_app(HOME), terminal_size=(80, 24), run_before=filter_open)


def test_tree_80x24(snap_compare) -> None:
    async def tree(pilot: Pilot[None]) -> None:
        await ready(pilot)
        await press(pilot, "t", "j", "left", "j")
        await settle(pilot)

    assert snap_compare(make_app(HOME), terminal_size=(80, 24), run_before=tree)


def test_recent_threads_80x24(snap_compare) -> None:
    from tui.app import ThreadscoreApp
    from tui.recent import Recent, save_recent

    HOME.mkdir(parents=True, exist_ok=True)
    town = HOME / "market-square.txt"
    town.write_text("x", encoding="utf-8")
    pages = HOME / "forum.thread-42"
    pages.mkdir()
    for n in (1, 2, 3):
        (pages / f"page-{n}.html").write_text("x", encoding="utf-8")
    save_recent(
        HOME,
        [
            Recent(
                (str(town),),
                "Should the old town centre go car-free?",
                "2026-12-06T21:04:00",
                posts=6,
                marks=3,
                unread=2,
            ),
            Recent(
                tuple(str(p) for p in sorted(pages.iterdir())),
                "Bus lanes on Bridge Road",
                "2026-11-30T09:12:00",
                posts=248,
                marks=0,
                unread=248,
            ),
        ],
    )
    app = ThreadscoreApp(home=HOME, recent=True)
    assert snap_compare(app, terminal_size=(80, 24))
