"""The seed thread (a real XenForo thread flattened by a crawl) read as its hand-made truth says.

The truth accepts two readings in places (`alt_starts`, `optional_starts`, and "posts 7 and 8 may
be one post ... one quote of lines 81-82 with target 7"); these tests accept exactly those.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from parsing import load_thread
from parsing.models import Thread
from tests.conftest import SEED, SEED_TRUTH, needs_shared
from tests.parse_support import evaluate, parse_json, truth_numbering

pytestmark = needs_shared


@pytest.fixture(scope="module")
def seed() -> Thread:
    return load_thread(SEED)


@pytest.fixture(scope="module")
def truth() -> dict[str, Any]:
    return tomllib.loads(SEED_TRUTH.read_text(encoding="utf-8"))


def test_every_post_boundary(seed: Thread, truth: dict[str, Any]) -> None:
    starts = {p.lines[0] for p in seed.posts if p.lines}
    alts = {int(k): set(v) for k, v in truth["alt_starts"].items()}
    optional = set(truth["optional_starts"])
    for post in truth["posts"]:
        start = post["lines"][0]
        if start in optional:
            continue
        assert start in starts | alts.get(start, set()) or alts.get(start, set()) & starts
    accepted = {p["lines"][0] for p in truth["posts"]} | optional
    accepted |= {a for alt in alts.values() for a in alt}
    assert starts <= accepted, sorted(starts - accepted)


def test_all_six_quote_links_and_no_false_link(seed: Thread, truth: dict[str, Any]) -> None:
    starts = {p.lines[0] for p in seed.posts if p.lines}
    renumber = truth_numbering(truth, starts)

    def truth_post_of(line: int) -> int:
        return next(p["number"] for p in truth["posts"] if p["lines"][0] <= line <= p["lines"][1])

    found = {
        (q.lines, renumber[truth_post_of(seed.post(q.target).lines[0])])
        for p in seed.posts
        for q in p.quotes
        if q.target is not None and q.lines
    }
    wanted = [
        (tuple(q["lines"]), renumber[q["target"]])
        for p in truth["posts"]
        for q in p.get("quotes", [])
    ]
    assert len(wanted) == 6
    for lines, target in wanted:
        assert any(t == target and a <= lines[1] and lines[0] <= b for (a, b), t in found), (
            lines,
            target,
            found,
        )
    for (a, b), t in found:
        assert any(t == target and a <= y and x <= b for (x, y), target in wanted), (a, b, t)


def test_quote_flags_and_reading_order(seed: Thread) -> None:
    """Post 13 answers first and quotes after, cut short with '...'; its body is its own words."""
    post = next(p for p in seed.posts if p.lines and p.lines[0] == 77)
    assert [part.kind for part in post.parts] == ["text", "quote"]
    quote = post.quotes[0]
    assert quote.truncated and quote.lines == (80, 80)
    assert "lolzzxx" not in post.body and post.body.startswith("No, you're totally wrong.")
    whole = next(p for p in seed.posts if p.lines and p.lines[0] == 33)
    assert not whole.quotes[0].truncated
    assert whole.body == "Can you give evidence on the contrary and prove it is grade A BS?"


def test_the_article_quote_stays_external(seed: Thread) -> None:
    post = next(p for p in seed.posts if p.lines and p.lines[0] == 24)
    assert [(q.target, q.lines) for q in post.quotes] == [(None, (26, 26))]
    assert "There are other convergences" not in post.body


def test_attachment_title_header_and_chrome(seed: Thread, truth: dict[str, Any]) -> None:
    assert seed.title == truth["title"] and seed.title_line == truth["title_line"]
    assert seed.chrome_lines == truth["boilerplate_lines"]
    first = seed.posts[0]
    assert first.lines == (6, 23)
    assert first.author_title == truth["header"]["author_title"]
    assert first.date is not None and first.date.isoformat() == truth["header"]["date"]
    assert "Reaction score" not in first.body and "Media Partner" not in first.body
    (att,) = [a for p in seed.posts for a in p.attachments]
    want = truth["posts"][8]["attachments"][0]
    assert (att.name, att.size, att.views, list(att.lines)) == (
        want["name"],
        want["size"],
        want["views"],
        want["lines"],
    )
    assert all("Nawaz-Putin" not in p.body for p in seed.posts)


def test_seed_through_the_command_line_and_eval_tool(tmp_path: Path) -> None:
    scores = evaluate(parse_json(SEED, tmp_path / "seed.json"), SEED_TRUTH)
    assert scores["start_f1"] == 1.0
    # The tool counts posts 7+8 read as one (accepted by the truth) as one missed link.
    assert scores["link_p"] == 1.0 and scores["link_r"] >= 0.83
