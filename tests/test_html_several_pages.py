"""Several saved pages: one thread named by its folder, and no silent mix of two forums."""

from __future__ import annotations

from pathlib import Path

import pytest

from parsing import ThreadscoreError, load_thread
from tests.conftest import DATA

THREAD_DIR = DATA / "html" / "xenforo2_thread"


def test_pages_of_one_thread_are_named_by_their_folder() -> None:
    pages = sorted(THREAD_DIR.glob("*.html"))
    thread = load_thread(pages)
    assert Path(thread.source.path) == THREAD_DIR.resolve()
    assert thread.source.paths == [str(p) for p in pages]


def test_pages_of_two_forums_are_refused(tmp_path: Path) -> None:
    xenforo = next(THREAD_DIR.glob("*.html"))
    other = next(p for p in (DATA / "html").glob("*.html") if "phpbb" in p.name)
    with pytest.raises(ThreadscoreError, match="different forums"):
        load_thread([xenforo, other])


def test_a_folder_of_discourse_topic_json_is_read(tmp_path: Path) -> None:
    (tmp_path / "topic.json").write_bytes((DATA / "html" / "discourse_topic.json").read_bytes())
    thread = load_thread(tmp_path)
    assert thread.source.format == "json" and thread.posts
