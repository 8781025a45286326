"""Start-up runs with the cyclic garbage collector paused: the app resumes it after its first
frame, the command line when the app never got there, and a collector the caller had turned off or
objects it froze are left as they were."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import SEED, needs_shared
from tests.reader_support import make_app, ready, settle, wait_loaded
from tui.app import ThreadscoreApp
from tui.cli import main
from tui.startup import pause_collector, resume_collector


@pytest.fixture(autouse=True)
def collector_on() -> Iterator[None]:
    yield
    resume_collector()
    gc.enable()


def test_pause_and_resume() -> None:
    assert gc.isenabled()
    pause_collector()
    assert not gc.isenabled()
    resume_collector()
    assert gc.isenabled()
    resume_collector()  # again: nothing
    assert gc.isenabled()


def test_a_collector_the_caller_turned_off_stays_off() -> None:
    gc.disable()
    pause_collector()
    resume_collector()
    assert not gc.isenabled()


def test_objects_the_program_froze_stay_frozen() -> None:
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        pause_collector()
        resume_collector()
        assert gc.get_freeze_count() == frozen and gc.isenabled()
    finally:
        gc.unfreeze()


async def test_the_app_resumes_the_collector_after_its_first_frame(tmp_path: Path) -> None:
    pause_collector()
    app = make_app(tmp_path)
    async with app.run_test() as pilot:
        await ready(pilot)
        assert gc.isenabled()


def test_the_command_line_resumes_it_when_the_reader_never_starts(tmp_path: Path) -> None:
    assert main([str(tmp_path / "nope.txt")]) == 1
    assert gc.isenabled()


@needs_shared
async def test_the_reader_under_test_keeps_the_rule_cache_in_the_runs_own_folder(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Tests used to write the scorer's compiled rules to ~/.cache/threadscore (the user's
    own cache) unless THREADSCORE_CACHE was set; conftest's `rule_cache` points it here."""
    from parsing.regex_cache import cache_dir

    folder = cache_dir()
    assert folder is not None
    assert folder.is_relative_to(tmp_path_factory.getbasetemp())
    app = ThreadscoreApp([SEED], home=tmp_path)
    async with app.run_test() as pilot:
        await wait_loaded(app)
        await settle(pilot)
        assert app.reader.scored
    assert any(folder.glob("regex-*.bin"))  # the rules compiled by this run are kept there
