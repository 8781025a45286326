"""Notices never cover the status line (where the reader says whether work is saved)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets._toast import Toast

from tests.reader_support import make_app, ready, settle


async def test_a_notice_sits_above_the_status_line_and_footer(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await ready(pilot)
        app.notify("A long notice about the thread that was read with a guessed encoding.")
        await settle(pilot)
        status = app.screen.query_one("#status").region
        toasts = [t.region for t in app.screen.query(Toast)]
        assert toasts and all(not t.overlaps(status) for t in toasts)
        assert all(t.bottom <= status.y for t in toasts)
