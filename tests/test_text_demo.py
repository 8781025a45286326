"""The bundled demo thread reads as its truth (tests/data/demo_thread.expected.toml) says."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from parsing import load_thread
from parsing.load import demo_path
from parsing.models import Thread
from tests.conftest import DATA, needs_shared
from tests.parse_support import evaluate, parse_json, truth_numbering

TRUTH = DATA / "demo_thread.expected.toml"


@pytest.fixture(scope="module")
def demo() -> Thread:
    return load_thread(demo_path())


@pytest.fixture(scope="module")
def truth() -> dict[str, Any]:
    return tomllib.loads(TRUTH.read_text(encoding="utf-8"))


def test_demo_posts_start_where_the_truth_says(demo: Thread, truth: dict[str, Any]) -> None:
    starts = {p.lines[0] for p in demo.posts}
    alts = {int(k): set(v) for k, v in truth["alt_starts"].items()}
    optional = set(truth["optional_starts"])
    for post in truth["posts"]:
        start = post["lines"][0]
        if start not in optional:
            assert start in starts or alts.get(start, set()) & starts, start
    allowed = {p["lines"][0] for p in truth["posts"]} | optional
    allowed |= {a for alt in alts.values() for a in alt}
    assert starts <= allowed, sorted(starts - allowed)


def test_demo_quotes_link_to_the_right_posts(demo: Thread, truth: dict[str, Any]) -> None:
    renumber = truth_numbering(truth, {p.lines[0] for p in demo.posts})

    def truth_post_of(line: int) -> int:
        return next(p["number"] for p in truth["posts"] if p["lines"][0] <= line <= p["lines"][1])

    found = sorted(
        (q.lines, renumber[truth_post_of(demo.post(q.target).lines[0])], q.truncated)
        for p in demo.posts
        for q in p.quotes
        if q.target is not None
    )
    wanted = sorted(
        (tuple(q["lines"]), renumber[q["target"]], q["truncated"])
        for p in truth["posts"]
        for q in p.get("quotes", [])
    )
    assert found == wanted


def test_demo_external_quote_attachment_and_header(demo: Thread, truth: dict[str, Any]) -> None:
    external = [(q.lines, q.target) for p in demo.posts for q in p.quotes if q.target is None]
    assert external == [((46, 46), None)]
    (att,) = [a for p in demo.posts for a in p.attachments]
    assert (att.name, att.size, att.views) == ("market-square-saturday.jpg", "512.0 KB", 37)
    first = demo.posts[0]
    assert first.author_title == truth["header"]["author_title"]
    assert first.date is not None and first.date.isoformat() == truth["header"]["date"]
    assert demo.title == truth["title"] and demo.chrome_lines == truth["boilerplate_lines"]


@needs_shared
def test_demo_with_the_eval_tool(tmp_path: Path) -> None:
    scores = evaluate(parse_json(demo_path(), tmp_path / "demo.json"), TRUTH)
    assert scores["link_f1"] == 1.0 and scores["start_f1"] == 1.0
