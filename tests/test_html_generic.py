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


def _comment(cid: int, user: str, words: str, replies: str = "", state: str = "") -> str:
    return (
        f'<div class="comment {state}" data-comment-id="{cid}">'
        f'<div class="comment-head"><a class="user" href="/users/{user}">{user}</a>'
        f"<span>{cid % 7 + 1} hours ago</span></div>"
        f'<div class="comment-text"><p>{words}</p></div>'
        f'<div class="comment-replies">{replies}</div></div>'
    )


def test_a_comment_tree_reads_every_reply_as_its_own_post(tmp_path: Path) -> None:
    """Replies nest inside the comment they answer, and a state class (`comment--new`) marks
    some: every comment is a post with its own author and words only, in page order."""
    said = {
        101: ("ann", "The bridge plan costs too much for what it gives the town."),
        102: ("bob", "It pays for itself within ten years according to the council survey."),
        103: ("cat", "Which survey? The one from 2019 counted only weekday traffic."),
        104: ("dan", "Buses would carry the same people for a fraction of the price."),
        105: ("eve", "Buses are already full at rush hour, so that is no answer."),
        106: ("fay", "Then run more buses; the depot has room for twenty more."),
    }

    def c(cid: int, replies: str = "", state: str = "") -> str:
        return _comment(cid, *said[cid], replies, state)

    tree = c(101, c(102, c(103, state="comment--new"))) + c(104, c(105, c(106)))
    page = tmp_path / "tree.html"
    page.write_text(f"<html><body><h1>Bridge</h1>{tree}</body></html>", encoding="utf-8")
    thread = read_generic(page)
    assert [p.source_id for p in thread.posts] == [str(n) for n in said]
    assert [p.author for p in thread.posts] == [user for user, _ in said.values()]
    assert [p.body for p in thread.posts] == [words for _, words in said.values()]


def test_a_body_that_took_in_the_by_line_is_narrowed_to_the_words(tmp_path: Path) -> None:
    """Each row holds a table whose one cell holds the by-line and the words (a layout of
    table rows): the author comes from the by-line and the body is only the words."""
    rows = "".join(
        f'<tr class="row" id="{n}"><td><table><tr><td class="cell"><div><span class="head">'
        f'<a href="/user?id={u}">{u}</a> {n % 5 + 1} hours ago</span></div>'
        f'<div class="words">{w}</div></td></tr></table></td></tr>'
        for n, u, w in [
            (1001, "ann", "Rents rose faster than wages in every district last year."),
            (1002, "bob", "Not in the north, where the new flats came on the market."),
            (1003, "cat", "The north had a small rise, but it still outpaced wages."),
        ]
    )
    page = tmp_path / "rows.html"
    page.write_text(f"<html><body><table>{rows}</table></body></html>", encoding="utf-8")
    thread = read_generic(page)
    assert [p.author for p in thread.posts] == ["ann", "bob", "cat"]
    assert thread.posts[1].body == "Not in the north, where the new flats came on the market."


def _card(user: str) -> str:
    return (
        f'<div class="card"><span>answered 2 hours ago</span>'
        f'<a href="/users/{user}/">{user}</a></div>'
    )


def _entry(pid: int, user: str, words: str, comments: str = "", kind: str = "answer") -> str:
    """A question or answer: numbered twice (an id pattern and a data attribute), with its
    comments inside it, numbered by the id pattern only."""
    return (
        f'<div id="post-id-{pid}" data-post-id="{pid}" class="post {kind}">'
        f'<div class="post-body">{_card(user)}<div class="text"><p>{words}</p></div></div>'
        f'<div class="comments">{comments}</div></div>'
    )


def _remark(pid: int, user: str, words: str) -> str:
    return (
        f'<div id="post-id-{pid}" data-comment-id="{pid}" class="remark">'
        f'<div class="remark-body"><p>{words}</p></div>'
        f'<div class="remark-controls"><a class="author" href="/users/{user}/">{user}</a>'
        f"<span>(2 hours ago)</span></div></div>"
    )


def test_answers_and_their_comments_under_one_id_pattern_are_all_posts(tmp_path: Path) -> None:
    """Questions and answers carry a data attribute and an id pattern, their comments only the
    id pattern: the id pattern reads the comments as posts too. Topic tags (`rel="tag"`) are
    no author, and a hidden template numbered 0 is no post."""
    tags = (
        '<ul class="tags">'
        + "".join(
            f'<li><a class="js-tag-name" rel="tag" href="/tags/{t}/">{t}</a></li>'
            for t in ("transport", "budget")
        )
        + "</ul>"
    )
    question = _entry(
        11,
        "ann",
        "Should the town pay for the new bridge or for more buses?",
        _remark(15, "bob", "Which bridge plan, the east one or the west one?"),
        "question",
    ).replace('<div class="post-body">', tags + '<div class="post-body">')
    answers = _entry(
        12,
        "cat",
        "Buses: the survey shows most trips are short and inside the town.",
        _remark(16, "dan", "The survey counted weekdays only, so weekends are missing.")
        + _remark(17, "cat", "Weekend trips are fewer, so the answer stays the same."),
    ) + _entry(13, "eve", "The bridge: it cuts the drive to the hospital by twenty minutes.")
    template = f'<div style="display: none">{_remark(0, "", "")}</div>'
    page = tmp_path / "qa.html"
    page.write_text(
        f"<html><body><h1>Bridge or buses</h1>{question}{answers}{template}</body></html>",
        encoding="utf-8",
    )
    thread = read_generic(page)
    assert [p.source_id for p in thread.posts] == ["11", "15", "12", "16", "17", "13"]
    assert [p.author for p in thread.posts] == ["ann", "bob", "cat", "dan", "cat", "eve"]
    assert (
        thread.posts[2].body == "Buses: the survey shows most trips are short and inside the town."
    )


def test_an_attribution_written_out_as_text_still_links_the_quote(tmp_path: Path) -> None:
    """An export that left `[quote author=X link=...msgN]` as plain words: the author and the
    post reference in those words link the quote, even when its text is cut with "[...]"."""
    said = [
        (501, "ann", "<p>The library should open on Sundays; students have nowhere to work.</p>"),
        (502, "bob", "<p>Sunday staff cost double, and the budget is already cut.</p>"),
        (
            503,
            "ann",
            '<blockquote class="quote"><cite>author=bob link=topic=7.msg502#msg502 '
            "date=1259444196 wrote:</cite>[...] the budget is already cut [...]</blockquote>"
            "<p>Volunteers could cover the desk for a start.</p>",
        ),
    ]
    posts = "".join(
        f'<article class="post" id="msg{n}"><div class="head"><span class="post-author">{u}'
        f'</span> <span class="date">2009-11-2{n % 10} 16:30</span></div>'
        f'<div class="post-body">{w}</div></article>'
        for n, u, w in said
    )
    page = tmp_path / "export.html"
    page.write_text(f"<html><body>{posts}</body></html>", encoding="utf-8")
    thread = read_generic(page)
    quote = thread.posts[2].quotes[0]
    assert quote.author == "bob"
    assert thread.posts[quote.target - 1].source_id == "502"


def test_a_render_counter_on_every_element_is_no_post_id(tmp_path: Path) -> None:
    """A server-rendered widget numbers every element (`data-rid`); each post's id is a token
    on the element inside its wrapper. The posts take the tokens, not the counter."""
    said = [
        ("cm_x7Qa_1", "ann", "The new timetable leaves the last bus at ten, far too early."),
        ("cm_x7Qa_2", "bob", "It matches the last train, so later buses would run empty."),
        ("cm_k2Wd_3", "cat", "Night shifts end at eleven; the nurses need a later bus."),
    ]
    n = iter(range(100, 1000))
    posts = "".join(
        f'<div class="stack" data-rid="{next(n)}"><div class="view" data-message-id="{mid}"'
        f' data-rid="{next(n)}"><span class="username" data-rid="{next(n)}">{user}</span>'
        f'<div class="text" data-rid="{next(n)}"><p data-rid="{next(n)}">{words}</p></div>'
        f"</div></div>"
        for mid, user, words in said
    )
    page = tmp_path / "widget.html"
    page.write_text(
        f'<html><body><div data-rid="{next(n)}">{posts}</div></body></html>', encoding="utf-8"
    )
    thread = read_generic(page)
    assert [p.source_id for p in thread.posts] == [mid for mid, _, _ in said]
    assert [p.author for p in thread.posts] == ["ann", "bob", "cat"]


def test_a_body_drawn_in_a_blockquote_is_no_quote() -> None:
    """An engine draws each post's words in a `<blockquote>` (its box, not a quote): the quote
    inside the box is the post's quote, and the words beside it are the post's own."""
    from parsing.html.quote_blocks import body_parts, find_quotes

    body = LexborHTMLParser(
        '<div id="m73"><blockquote class="postcontent"><div class="quotebox">'
        '<div class="head">Originally Posted by <b>bob</b> <a href="thread?p=72#post72">'
        'view</a></div><div class="said">Every hour needs a second boat.</div></div>'
        "Lease one for July and August.</blockquote></div>"
    ).css_first("#m73")
    parts, quotes = body_parts(body, find_quotes(body))
    assert [q.source_id for q in quotes] == ["72"]
    assert [q.text for q in quotes] == ["Every hour needs a second boat."]
    assert [p for p in parts if isinstance(p, str)] == ["Lease one for July and August."]


def test_a_post_counter_is_no_name() -> None:
    """ "#12" beside a post is its number (a permalink), never its author."""
    from parsing.html.generic import looks_like_name

    assert not looks_like_name("#12")
    assert not looks_like_name("№ 7")
    assert looks_like_name("bob") and looks_like_name("Team #1 fan")
