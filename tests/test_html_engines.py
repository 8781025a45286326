"""Each supported engine on a page written for this project in that engine's own markup.

The pages under tests/data/html reproduce the engines' templates (see SOURCES.md); the text in
them is ours. Each `NAME.expected.json` says what the markup states: post ids, authors, dates,
which post each quote names, what must be in a body and what chrome must never be.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parsing import load_thread
from parsing.models import Post, Quote, Thread
from tests.conftest import DATA

PAGES = DATA / "html"
CASES = sorted(p.name.removesuffix(".expected.json") for p in PAGES.glob("*.expected.json"))


def _page(name: str) -> Path:
    for suffix in (".html", ".json"):
        if (PAGES / f"{name}{suffix}").exists():
            return PAGES / f"{name}{suffix}"
    raise FileNotFoundError(name)


def _quote(post: Post, path: list[int]) -> Quote:
    quote = post.quotes[path[0]]
    for i in path[1:]:
        quote = quote.nested[i]
    return quote


def _all_quotes(quotes: list[Quote]) -> list[Quote]:
    out = []
    for q in quotes:
        out.append(q)
        out.extend(_all_quotes(q.nested))
    return out


@pytest.fixture(scope="module", params=CASES)
def case(request: pytest.FixtureRequest) -> tuple[dict, Thread]:
    name = request.param
    expected = json.loads((PAGES / f"{name}.expected.json").read_text(encoding="utf-8"))
    return expected, load_thread(_page(name))


def test_engine_and_title(case: tuple[dict, Thread]) -> None:
    expected, thread = case
    assert thread.source.engine == expected["engine"]
    assert thread.source.format == expected.get("format", "html")
    assert thread.title == expected["title"]


def test_posts_ids_authors_dates(case: tuple[dict, Thread]) -> None:
    expected, thread = case
    got = [
        {
            "id": p.source_id,
            "author": p.author,
            "date": p.date.isoformat() if p.date else None,
            **({"author_title": p.author_title} if "author_title" in e else {}),
        }
        for p, e in zip(thread.posts, expected["posts"], strict=False)
    ]
    assert len(thread.posts) == len(expected["posts"])
    assert got == expected["posts"]
    assert [p.number for p in thread.posts] == list(range(1, len(thread.posts) + 1))


def test_quotes_name_their_posts_and_authors(case: tuple[dict, Thread]) -> None:
    expected, thread = case
    by_sid = {p.source_id: p for p in thread.posts}
    for eq in expected["quotes"]:
        quote = _quote(by_sid[eq["in"]], eq["path"])
        assert quote.source_id == eq["source"], eq
        assert quote.author == eq["author"], eq
        target = thread.post(quote.target).source_id if quote.target else None
        assert target == eq["target"], eq
        if "text" in eq:
            assert quote.text == eq["text"], eq
        if eq["source"] and eq["target"]:
            assert quote.score == 1.0
        if not eq["source"] and eq["target"]:
            # linked by author and text, not by markup: a guess, and scored as one
            assert 0.5 < quote.score < 1.0
        if not eq["target"]:
            assert quote.score == 0.0
    listed = {(e["in"], tuple(e["path"])) for e in expected["quotes"]}
    for post in thread.posts:
        for i, q in enumerate(post.quotes):
            assert (post.source_id, (i,)) in listed, f"unexpected quote in {post.source_id}: {q}"


def test_reading_order_and_bodies(case: tuple[dict, Thread]) -> None:
    expected, thread = case
    by_sid = {p.source_id: p for p in thread.posts}
    for sid, kinds in expected.get("parts", {}).items():
        assert [part.kind for part in by_sid[sid].parts] == kinds
    for sid, needles in expected.get("body_has", {}).items():
        for needle in needles:
            assert needle in by_sid[sid].body, (sid, needle, by_sid[sid].body)
    for post in thread.posts:
        texts = [post.body, *(q.text for q in _all_quotes(post.quotes))]
        for word in expected.get("never", []):
            assert not any(word in t for t in texts), (post.source_id, word)
        assert post.body == "\n\n".join(p.text for p in post.parts if p.kind == "text")


def test_signatures_and_attachments(case: tuple[dict, Thread]) -> None:
    expected, thread = case
    by_sid = {p.source_id: p for p in thread.posts}
    for sid, sig in expected.get("signatures", {}).items():
        assert by_sid[sid].signature == sig
    for sid, atts in expected.get("attachments", {}).items():
        pairs = zip(by_sid[sid].attachments, atts, strict=False)
        got = [{k: getattr(a, k) for k in e} for a, e in pairs]
        assert got == atts
        assert len(by_sid[sid].attachments) == len(atts)
