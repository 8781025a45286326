"""Exporting to odd paths: refused in one line, never a traceback, never a device replaced.

The scorecard is written by renaming a finished file over the path; run as root, exporting to
/dev/null replaced the system's /dev/null with a plain file.
"""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path

import pytest
from textual.widgets import Checkbox, Input

from scoring.store import output_problem
from tests.conftest import SHARED, needs_shared
from tests.reader_support import make_app, press, ready, settle, small_thread, until, wait_loaded
from tui.app import ThreadscoreApp
from tui.cli import main
from tui.screens.export import ExportScreen
from tui.widgets.status_bar import Status, StatusBar


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe"
    os.mkfifo(path)
    return path


def test_output_problems_are_named(tmp_path: Path, fifo: Path) -> None:
    assert output_problem(tmp_path / "new.toml") is None
    (tmp_path / "old.toml").write_text("x", encoding="utf-8")
    assert output_problem(tmp_path / "old.toml") is None
    assert "folder" in (output_problem(tmp_path) or "")
    assert "not a regular file" in (output_problem(fifo) or "")
    assert "too long" in (output_problem(tmp_path / ("a" * 300)) or "")
    assert "not a folder" in (output_problem(tmp_path / "old.toml" / "x.toml") or "")


async def export_to(tmp_path: Path, typed: str) -> tuple[str, list[str], bool]:
    """Type `typed` into the export box and press enter (twice when asked to confirm)."""
    app = make_app(tmp_path / "home", small_thread(str(tmp_path / "thread.txt")))
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await press(pilot, "e")
        await until(pilot, lambda: isinstance(app.screen, ExportScreen), "the export dialog")
        app.screen.query_one("#path").value = typed
        await press(pilot, "enter")
        await settle(pilot)  # the dialog has answered, and any export written
        dialog = isinstance(app.screen, ExportScreen)
        hint = str(app.screen.query_one("#export-hint").render()) if dialog else ""
        return hint, [str(n.message) for n in app._notifications], app.is_running


async def test_a_pipe_a_long_name_and_an_unknown_home_are_refused_in_the_dialog(
    tmp_path: Path, fifo: Path
) -> None:
    hint, _notices, running = await export_to(tmp_path, str(fifo))
    assert running and "not a regular file" in hint
    assert fifo.is_fifo()
    hint, _notices, running = await export_to(tmp_path, str(tmp_path / ("a" * 300)) + ".toml")
    assert running and "too long" in hint
    hint, _notices, running = await export_to(tmp_path, "~nosuchuser-x9/card.toml")
    assert running and "does not exist" in hint  # said in the box, which stays open


def test_score_output_to_a_pipe_or_a_long_name_is_one_line(
    tmp_path: Path, fifo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    thread = Path(__file__).parent.parent / "parsing" / "demo" / "demo_thread.txt"
    assert main(["score", str(thread), "-o", str(fifo)]) == 1
    assert "not a regular file" in capsys.readouterr().err and fifo.is_fifo()
    assert main(["score", str(thread), "-o", str(tmp_path / ("a" * 300))]) == 1
    assert "too long" in capsys.readouterr().err


@needs_shared
async def test_the_status_line_counts_the_export_in_percent(tmp_path: Path) -> None:
    """An export with sentences and cues takes seconds at 10,000 posts: the status line said
    "Exporting the scorecard to PATH…" and nothing more until it was done. The count shows on
    an 80-column line with a filter and a search on it too."""
    thread = SHARED / "datasets" / "iac" / "14253.marked.txt"
    target = tmp_path / "out.scorecard.toml"
    app = ThreadscoreApp([thread], home=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(app)
        await press(pilot, "slash", *"scripture", "enter", "A")
        assert app.reader.search_query and app.reader.filter.active
        shown: list[str] = []

        def seen(status: Status) -> None:
            shown.append(str(StatusBar.render_status(status))[:80])

        app.reader.watch(app.reader, "status", seen, init=False)
        await press(pilot, "e")
        await until(pilot, lambda: isinstance(app.screen, ExportScreen), "the export dialog")
        app.screen.query_one("#path", Input).value = str(target)
        app.screen.query_one("#cues", Checkbox).value = True
        await press(pilot, "enter")
        await app.workers.wait_for_complete()
        await settle(pilot)
        notices = [str(n.message) for n in app._notifications]
    counted = [int(m[1]) for line in shown if (m := re.search(r"(\d+)%", line))]
    assert counted and counted == sorted(counted) and counted[-1] == 100
    assert len(counted) > 2  # a thread of a few dozen posts still counts along the way
    assert any("Scorecard written to" in n for n in notices)
    assert tomllib.loads(target.read_text(encoding="utf-8"))["posts"][0]["sentences"]
