"""HTML nested deeper than any real page is unwrapped past the cap before the parser reads it:
its words are read, one line says so, and it takes no longer than a flat page."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from parsing import load_thread
from parsing.html.depth import MAX_DEPTH, nesting_depth
from tests.conftest import DATA
from tui.cli import main


def test_real_pages_measure_a_few_dozen_levels() -> None:
    for page in sorted((DATA / "html").rglob("*.html")):
        assert nesting_depth(page.read_text(encoding="utf-8", errors="replace")) < 100, page


def test_void_self_closed_and_optional_end_tags_do_not_count() -> None:
    sloppy = "<div>" + "<p>words<br><img src=x><li>item<hr/>" * 5000 + "</div>"
    assert nesting_depth(sloppy) <= 1
    assert nesting_depth("</div>" * 5000 + "<span>" * 2500) == 2500


def test_a_post_nested_100k_deep_is_read_with_one_line_of_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cooked = "<div>" * 100_000 + "<p>Deep words here.</p>" + "</div>" * 100_000
    posts = [
        {"id": 1, "post_number": 1, "username": "alice", "cooked": cooked},
        {"id": 2, "post_number": 2, "username": "bob", "cooked": "<p>A reply.</p>"},
    ]
    path = tmp_path / "deep.json"
    path.write_text(json.dumps({"id": 7, "title": "T", "post_stream": {"posts": posts}}))
    start = time.process_time()
    assert main(["parse", str(path)]) == 0
    assert time.process_time() - start < 5  # was over 20 s in the HTML parser
    captured = capsys.readouterr()
    told = [line for line in captured.out.splitlines() if "nested more than" in line]
    assert len(told) == 1 and f"{MAX_DEPTH:,} elements deep" in told[0]
    thread = load_thread(path)
    assert [p.body for p in thread.posts] == ["Deep words here.", "A reply."]
