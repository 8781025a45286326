"""The generic reader (engine table off) on small pages of our own words: text measured once per
page, a first post in its own container, post numbers shown only as `#N`, authors in "by X on
<date>" lines, and signatures one author repeats under several posts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from parsing.html import parse_html_pages
from parsing.html.generic import _SKIP
from parsing.html.measure import Measure
from parsing.models import Thread
from tests.conftest import DATA, ROOT

PAGES = DATA / "html"


def read_generic(path: Path) -> Thread:
    data = path.read_bytes()
    return parse_html_pages([(path, data.decode("utf-8"), data)], known_engines=False)


@pytest.mark.parametrize("name", ["vanilla.html", "xenforo1.html", "discourse_crawler2.html"])
def test_text_measured_once_matches_lexbor_text_of_every_element(name: str) -> None:
    tree = LexborHTMLParser((PAGES / name).read_text(encoding="utf-8"))
    tree.strip_tags(list(_SKIP))
    measure = Measure(tree.body)
    assert len(measure.elements) > 50
    for node in measure.elements:
        words = (node.text(deep=True, separator=" ") or "").split()
        assert measure.text_len(node) == len(" ".join(words)), node.html[:80]
        assert measure.inside(node, tree.body)


def test_first_post_in_another_container_than_the_comments_is_read() -> None:
    """Vanilla keeps the discussion apart from its comments; the comments' body class finds it."""
    thread = read_generic(PAGES / "vanilla.html")
    assert thread.source.engine == "generic"
    assert [(p.source_id, p.author) for p in thread.posts] == [
        ("318", "Delacroix"),
        ("4410", "Oyelaran"),
        ("4415", "Delacroix"),
    ]
    assert thread.posts[0].body.startswith("Rental e-scooters are parked across pavements")
    assert [q.target for q in thread.posts[1].quotes] == [1]  # post numbers
    assert [q.target for q in thread.posts[2].quotes] == [2]


def test_post_numbers_shown_only_as_text_name_the_posts() -> None:
    """A Discourse crawler page without post ids in its markup: `#1`, `#2` are the numbers the
    quotes' `data-post` attributes name."""
    thread = read_generic(PAGES / "discourse_crawler2.html")
    assert [(p.source_id, p.author) for p in thread.posts] == [
        ("1", "adeyemi"),
        ("2", "kvist"),
        ("4", "adeyemi"),
    ]
    links = [(i, q.target) for i, p in enumerate(thread.posts) for q in p.quotes]
    assert links and all(target is not None for _i, target in links)


def test_authors_in_by_lines_and_repeated_signatures_leave_the_body() -> None:
    thread = read_generic(PAGES / "other" / "byline_signature.html")
    assert [(p.source_id, p.author) for p in thread.posts] == [
        ("1", "Maren Holt"),
        ("2", "Tobiah Quint"),
        ("3", "Maren Holt"),
        ("4", "Ilse Brandvold"),
    ]
    maren = [thread.posts[0], thread.posts[2]]
    assert all(p.signature == "-- Maren, harbour rowing club" for p in maren)
    assert all("rowing club" not in p.body for p in maren)
    assert thread.posts[0].body.endswith("overtime buses we already pay for.")
    assert thread.posts[1].signature is None and thread.posts[3].signature is None


def test_an_ending_only_one_post_has_stays_in_the_body(tmp_path: Path) -> None:
    """The signature mechanism needs the same ending under two posts of one author: a closing
    line another author happens to write too is that post's text."""
    page = (PAGES / "other" / "byline_signature.html").read_text(encoding="utf-8")
    page = page.replace("by Maren Holt on 4 May", "by Tove Lind on 4 May")
    saved = tmp_path / "ferry.html"
    saved.write_text(page, encoding="utf-8")
    thread = read_generic(saved)
    assert [p.author for p in thread.posts][2] == "Tove Lind"
    assert all(p.signature is None for p in thread.posts)
    assert thread.posts[0].body.endswith("-- Maren, harbour rowing club")


def test_parse_command_says_the_page_was_read_by_its_structure() -> None:
    """`threadscore parse` names the engine for a user: a table engine by its name, an unknown
    one as read by page structure, with one warning line telling the user what to check."""
    page = PAGES / "other" / "byline_signature.html"
    done = subprocess.run(
        [sys.executable, "-m", "tui.cli", "parse", str(page)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    assert "(html, engine not recognised, read by page structure)" in done.stdout
    assert "generic" not in done.stdout + done.stderr
    assert (done.stdout + done.stderr).count("check authors and quote links") == 1
    known = subprocess.run(
        [sys.executable, "-m", "tui.cli", "parse", str(PAGES / "xenforo1.html")],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert "(html, XenForo 1)" in known.stdout
