"""The real saved pages in ../shared: every post by its forum id, every author, every quote link.

Runs the real command line (`threadscore parse PAGE --json`) and the shared scorer
(eval_html.py) on each page and its markup-derived truth file, and asserts perfect figures.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from parsing import load_thread
from tests.conftest import SHARED, needs_shared

HTML = SHARED / "datasets" / "html"
EVAL = SHARED / "tools" / "eval_html.py"
PAGES = ["03_xenforo", "07_somethingawful_vbulletin", "08_discourse"]


def threadscore() -> list[str]:
    exe = Path(sys.executable).with_name("threadscore")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "tui.cli"]


@needs_shared
@pytest.mark.parametrize("name", PAGES)
def test_cli_parse_scores_perfectly_on_shared_page(name: str, tmp_path: Path) -> None:
    page, truth = HTML / f"{name}.html", HTML / f"{name}.truth.json"
    if not page.exists() or not truth.exists():
        pytest.skip(f"{page.name} or its truth file is not in ../shared")
    run = subprocess.run(
        [*threadscore(), "parse", str(page), "--json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    out = tmp_path / "parse.json"
    out.write_text(run.stdout, encoding="utf-8")
    doc = json.loads(run.stdout)
    assert doc["source"]["format"] == "html"
    assert doc["source"]["engine"]
    score = subprocess.run(
        [sys.executable, str(EVAL), str(out), str(truth)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    figures = json.loads(score.stdout)
    n = figures["posts_true"]
    assert n > 0
    assert figures["posts_found"] == n, figures
    assert figures["posts_pred"] == n, figures
    assert figures["authors_ok"] == n, figures
    assert figures["links_pred"] == figures["links_true"], figures
    assert figures["link_p"] == 1.0 and figures["link_r"] == 1.0, figures


def _truth(name: str) -> dict:
    return json.loads((HTML / f"{name}.truth.json").read_text(encoding="utf-8"))


@needs_shared
def test_off_page_quotes_keep_author_and_post_id() -> None:
    """Quotes of posts on an earlier page: no target, but who and which post are kept."""
    name = "07_somethingawful_vbulletin"
    thread = load_thread(HTML / f"{name}.html")
    by_sid = {p.source_id: p for p in thread.posts}
    off_page = [
        q
        for q in _truth(name)["quotes"]
        if q["quoted_post_on_this_page"] is False and q["quoted_post"]
    ]
    assert off_page
    for tq in off_page:
        post = by_sid[tq["in_post"]]
        found = [
            q for top in post.quotes for q in [top, *top.nested] if q.source_id == tq["quoted_post"]
        ]
        assert found, tq
        assert found[0].target is None
        assert found[0].author == tq["quoted_author"]


@needs_shared
def test_nested_quote_is_kept_inside_its_outer_quote() -> None:
    thread = load_thread(HTML / "07_somethingawful_vbulletin.html")
    first = thread.posts[0]
    outer = first.quotes[0]
    assert outer.source_id == "493812779"
    assert len(outer.nested) == 1
    inner = outer.nested[0]
    # the inner quote's title is malformed on the page ('Agronox" post="493812414 posted:')
    assert inner.author == "Agronox" and inner.source_id == "493812414"
    assert "wow big thoughts" in inner.text
    assert "wow big thoughts" not in first.body
    # the shortened link label is replaced by the full address
    assert "https://twitter.com/elonmusk/status/1111862635622887425?s=21" in inner.text


@needs_shared
@pytest.mark.parametrize(
    ("name", "chrome"),
    [
        ("03_xenforo", ["Zum Vergrößern anklicken", "hat gesagt", "Teilen", "Werbung"]),
        ("07_somethingawful_vbulletin", ["posted:", "Post History", "rap sheet", "code:"]),
        ("08_discourse", ["## Post", "quote-controls", "davide445:"]),
    ],
)
def test_chrome_stays_out_of_post_text(name: str, chrome: list[str]) -> None:
    thread = load_thread(HTML / f"{name}.html")
    texts = [p.body for p in thread.posts] + [q.text for p in thread.posts for q in p.quotes]
    for word in chrome:
        assert not any(word in t for t in texts), word


@needs_shared
def test_parts_interleave_quotes_and_answers_in_reading_order() -> None:
    thread = load_thread(HTML / "08_discourse.html")
    post = next(p for p in thread.posts if p.source_id == "4")
    kinds = [part.kind for part in post.parts]
    assert kinds == ["quote", "text", "quote", "text"]
    assert [part.quote for part in post.parts if part.kind == "quote"] == [0, 1]
    assert post.parts[1].text.startswith("Do you have performance issues")


@needs_shared
def test_discourse_quote_without_username_takes_its_targets_author() -> None:
    thread = load_thread(HTML / "08_discourse.html")
    post = next(p for p in thread.posts if p.source_id == "55")
    modified = next(q for q in post.quotes if q.source_id == "44")
    target = thread.post(modified.target)
    assert target.source_id == "44"
    assert modified.author == target.author
    assert modified.truncated


@needs_shared
def test_links_keep_their_address() -> None:
    thread = load_thread(HTML / "08_discourse.html")
    post = next(p for p in thread.posts if p.source_id == "55")
    assert "CoreCtrl (https://gitlab.com/corectrl/corectrl)" in post.quotes[0].text


GENERIC_PAGES = ["03_xenforo", "07_somethingawful_vbulletin"]


@needs_shared
@pytest.mark.parametrize("name", GENERIC_PAGES)
def test_generic_reader_alone_reads_shared_pages(name: str) -> None:
    """With the engine table off, the page is read by its own repeating structure: every post
    by its forum id and author, every quote link the markup states."""
    from parsing.html import parse_html_pages
    from parsing.load import read_input

    page, truth_path = HTML / f"{name}.html", HTML / f"{name}.truth.json"
    if not page.exists() or not truth_path.exists():
        pytest.skip(f"{page.name} or its truth file is not in ../shared")
    text, data, _warning = read_input(page)
    thread = parse_html_pages([(page, text, data)], known_engines=False)
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    assert thread.source.engine == "generic"
    assert [(p.source_id, p.author) for p in thread.posts] == [
        (p["id"], p["author"]) for p in truth["posts"]
    ]
    ids = {p["id"] for p in truth["posts"]}
    want = {(q["in_post"], q["quoted_post"]) for q in truth["quotes"] if q["quoted_post"] in ids}
    by_number = {p.number: p.source_id for p in thread.posts}
    got = {(p.source_id, by_number[q.target]) for p in thread.posts for q in p.quotes if q.target}
    assert got == want
