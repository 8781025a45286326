"""Several pages as one thread, engines we do not know, and pages that are not threads at all."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from parsing import load_thread
from parsing.errors import ThreadscoreError
from parsing.html import MAX_PAGE_BYTES
from tests.conftest import DATA

PAGES = DATA / "html"
THREAD = PAGES / "xenforo2_thread"


def threadscore() -> list[str]:
    exe = Path(sys.executable).with_name("threadscore")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "tui.cli"]


def test_folder_of_pages_is_one_thread_in_page_order_with_duplicates_once() -> None:
    thread = load_thread(THREAD)
    # page-2 repeats the last post of page-1 (700135)
    assert [p.source_id for p in thread.posts] == ["700101", "700135", "700190", "700204"]
    assert [p.number for p in thread.posts] == [1, 2, 3, 4]
    assert thread.source.engine == "xenforo2"
    assert thread.title == "Residents-only parking zones"
    pages = sorted(THREAD.glob("*.html"))
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in pages)).hexdigest()
    assert thread.source.sha256 == digest


def test_quotes_link_across_pages() -> None:
    thread = load_thread(THREAD)
    post = next(p for p in thread.posts if p.source_id == "700190")
    outer = post.quotes[0]
    assert thread.post(outer.target).source_id == "700135"
    # the nested quote names a post that only page-1 shows
    inner = outer.nested[0]
    assert inner.source_id == "700101"
    assert thread.post(inner.target).source_id == "700101"
    assert thread.quoted_by()[1] == [2]


def test_pages_given_one_by_one_read_like_the_folder() -> None:
    pages = sorted(THREAD.glob("*.html"))
    by_files = load_thread(pages)
    by_folder = load_thread(THREAD)
    assert [p.model_dump() for p in by_files.posts] == [p.model_dump() for p in by_folder.posts]


def test_a_later_page_alone_keeps_who_and_which_post_an_earlier_page_quote_names() -> None:
    thread = load_thread(THREAD / "page-2.html")
    assert [p.source_id for p in thread.posts] == ["700135", "700190", "700204"]
    first = thread.posts[0].quotes[0]
    assert first.target is None
    assert (first.author, first.source_id) == ("Kowalczyk", "700101")
    nested = thread.posts[1].quotes[0].nested[0]
    assert (nested.target, nested.author, nested.source_id) == (None, "Kowalczyk", "700101")


def test_cli_reads_several_pages(tmp_path: Path) -> None:
    pages = [str(p) for p in sorted(THREAD.glob("*.html"))]
    run = subprocess.run(
        [*threadscore(), "parse", *pages], capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 0, run.stderr
    assert "posts: 4, quote links: 2" in run.stdout
    assert "quotes #1" in run.stdout and "quotes #2" in run.stdout


def test_unknown_engine_is_read_by_its_repeating_structure_and_says_so(
    capsys: pytest.CaptureFixture[str],
) -> None:
    thread = load_thread(PAGES / "other" / "mybb.html")
    assert thread.source.engine == "generic"
    assert thread.source.format == "html"
    assert [(p.source_id, p.author) for p in thread.posts] == [
        ("2101", "Gwendolyn"),
        ("2107", "Thorvald"),
    ]
    assert thread.posts[0].date is not None and thread.posts[0].date.isoformat() == "2021-07-02"
    assert "Making the ferry free would cost the town" in thread.posts[0].body
    quote = thread.posts[1].quotes[0]
    assert (quote.author, quote.source_id, quote.target, quote.score) == (
        "Gwendolyn",
        "2101",
        1,
        1.0,
    )
    assert "Wrote" not in quote.text and quote.text.startswith("Tallinn made its buses free")
    reply = thread.posts[1].body
    assert reply.startswith("The ferry is different") and "Tallinn" not in reply
    for post in thread.posts:  # user block, buttons and page chrome are not post text
        assert not any(w in post.body for w in ("Junior Member", "Find", "Reply", "Powered By"))
    assert any("not recognised" in w for w in thread.warnings)
    assert capsys.readouterr().err == ""  # returned on the thread; printing is the CLI's job


def test_nodebb_like_page_links_said_in_quotes_and_nested_quotes() -> None:
    thread = load_thread(PAGES / "other" / "nodebb_like.html")
    assert [(p.source_id, p.author) for p in thread.posts] == [
        ("9001", "marguerite"),
        ("9004", "tobias_k"),
        ("9010", "marguerite"),
    ]
    first = thread.posts[1].quotes[0]
    assert (first.author, first.target) == ("marguerite", 1)
    outer = thread.posts[2].quotes[0]
    assert (outer.author, outer.target) == ("tobias_k", 2)
    assert [(n.author, n.target) for n in outer.nested] == [("marguerite", 1)]
    assert "said in" not in outer.text and "said in" not in thread.posts[2].body
    last = thread.posts[2].body
    assert last.startswith("The council's own survey counted 140 late Sunday journeys")
    assert last.endswith("not thirty.")
    assert all("cyclists' club" not in p.body for p in thread.posts)  # signature
    assert all("window.config" not in p.body for p in thread.posts)


def test_page_without_repeating_posts_goes_through_the_text_reader(
    capsys: pytest.CaptureFixture[str],
) -> None:
    thread = load_thread(PAGES / "other" / "no_posts.html")
    assert thread.source.engine is None
    assert thread.posts and all(p.source_id is None and p.lines is None for p in thread.posts)
    text = "\n".join(p.body for p in thread.posts)
    assert "nobody switches from walking" in text
    assert "written by volunteers" not in text  # footer chrome
    assert any("plain-text reader" in w for w in thread.warnings)
    assert capsys.readouterr().err == ""  # returned on the thread; printing is the CLI's job


@pytest.mark.parametrize(
    ("page", "message"),
    [
        ("bad/xenforo2_login.html", "login page"),
        ("bad/phpbb3_error.html", "error page"),
    ],
)
def test_pages_that_are_not_threads_give_one_clear_line(page: str, message: str) -> None:
    with pytest.raises(ThreadscoreError, match=message):
        load_thread(PAGES / page)
    run = subprocess.run(
        [*threadscore(), "parse", str(PAGES / page)], capture_output=True, text=True, timeout=60
    )
    assert run.returncode != 0
    assert message in run.stderr
    assert "Traceback" not in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1


def test_engine_page_without_posts_is_an_error(tmp_path: Path) -> None:
    page = (THREAD / "page-1.html").read_text(encoding="utf-8")
    start = page.index('\t<article class="message')
    end = page.rindex("</article>") + len("</article>")
    empty = tmp_path / "empty.html"
    empty.write_text(page[:start] + page[end:], encoding="utf-8")
    with pytest.raises(ThreadscoreError, match="no posts found on this XenForo 2 page"):
        load_thread(empty)


def test_truncated_page_gives_the_posts_before_the_cut_and_a_warning(tmp_path: Path) -> None:
    data = (PAGES / "xenforo1.html").read_bytes()
    cut = data.index(b"Ambulances and deliveries still need a way in.")
    page = tmp_path / "cut.html"
    page.write_bytes(data[:cut])
    thread = load_thread(page)
    assert [p.source_id for p in thread.posts] == ["1001", "1002"]
    assert thread.posts[1].body.startswith("Pontevedra is a town of 80,000 people.")
    assert any("cut off" in w for w in thread.warnings)


def test_page_cut_inside_a_tag_still_reads(tmp_path: Path) -> None:
    data = (PAGES / "phpbb3.html").read_bytes()
    page = tmp_path / "cut.html"
    page.write_bytes(data[: data.index(b'<div id="p4432"') + 12])
    thread = load_thread(page)
    assert [p.source_id for p in thread.posts] == ["4411", "4420"]


def test_deeply_nested_broken_markup_does_not_overflow(tmp_path: Path) -> None:
    page = (PAGES / "xenforo1.html").read_text(encoding="utf-8")
    marker = "Every car-free centre"
    page = page.replace(marker, "<div><span>" * 20000 + marker, 1)
    broken = tmp_path / "nested.html"
    broken.write_text(page, encoding="utf-8")
    thread = load_thread(broken)
    assert marker in thread.posts[2].body


def test_oversized_page_is_refused_in_one_line(tmp_path: Path) -> None:
    page = tmp_path / "huge.html"
    chunk = b"<p>" + b"filler text " * 800 + b"</p>\n"
    with page.open("wb") as fh:
        fh.write(b"<!DOCTYPE html><html><body>")
        while fh.tell() < 50 * 1024 * 1024:
            fh.write(chunk)
        fh.write(b"</body></html>")
    assert page.stat().st_size > MAX_PAGE_BYTES
    with pytest.raises(ThreadscoreError, match="too large"):
        load_thread(page)
    run = subprocess.run(
        [*threadscore(), "parse", str(page)], capture_output=True, text=True, timeout=60
    )
    assert run.returncode != 0 and "too large" in run.stderr and "Traceback" not in run.stderr


def test_control_characters_from_entities_never_reach_the_text(tmp_path: Path) -> None:
    page = (PAGES / "xenforo1.html").read_text(encoding="utf-8")
    page = page.replace(
        "The opposite happened",
        "&#27;]52;c;ZXZpbA==&#7;&#27;[31mThe opposite&#127; happened",
        1,
    )
    page = page.replace('data-author="Quill">', 'data-author="Qu&#27;[5mill">', 1)
    bad = tmp_path / "controls.html"
    bad.write_text(page, encoding="utf-8")
    thread = load_thread(bad)
    texts = (
        [p.body for p in thread.posts]
        + [q.text for p in thread.posts for q in p.quotes]
        + [q.author or "" for p in thread.posts for q in p.quotes]
    )
    for text in texts:
        assert not any(ord(c) < 32 and c not in "\n\t" for c in text), repr(text)
        assert not any(0x7F <= ord(c) <= 0x9F for c in text), repr(text)
    assert "The opposite happened" in thread.posts[0].body
    assert thread.posts[0].quotes[0].author == "Quill"


def test_login_page_of_an_unknown_site_is_an_error(tmp_path: Path) -> None:
    page = tmp_path / "login.html"
    page.write_text(
        "<!DOCTYPE html><html><head><title>Sign in - Harbour Talk</title></head><body>"
        "<main><h1>Sign in</h1><form action='/login' method='post'>"
        "<label>User name <input name='user'></label>"
        "<label>Password <input type='password' name='pw'></label>"
        "<button>Sign in</button></form></main></body></html>",
        encoding="utf-8",
    )
    with pytest.raises(ThreadscoreError, match="login page"):
        load_thread(page)


def test_a_bad_page_among_good_ones_is_skipped_with_a_warning() -> None:
    thread = load_thread([THREAD / "page-1.html", PAGES / "bad" / "xenforo2_login.html"])
    assert [p.source_id for p in thread.posts] == ["700101", "700135"]
    assert any("login page" in w and "page skipped" in w for w in thread.warnings)


def test_discourse_crawler_page_without_generator_tag_is_still_discourse(tmp_path: Path) -> None:
    page = (PAGES / "discourse_crawler2.html").read_text(encoding="utf-8")
    start = page.index('<meta name="generator"')
    page = page[:start] + page[page.index(">", start) + 1 :]
    saved = tmp_path / "topic.html"
    saved.write_text(page, encoding="utf-8")
    thread = load_thread(saved)
    assert thread.source.engine == "discourse"
    assert [p.source_id for p in thread.posts] == ["1", "2", "4"]


def test_discourse_2017_crawler_layout_names_authors_and_post_numbers(tmp_path: Path) -> None:
    """Discourse 1.x-2.0 crawler view: `<b itemprop='author'>`, position "#N", articleBody."""
    posts = "".join(
        f"""<div itemscope itemtype='http://schema.org/DiscussionForumPosting'>
      <div class='creator'>
        <span>
          <a href='/u/{user}'><b itemprop='author'>{user}</b></a>
           <time datetime='2017-05-0{n}T09:00:00Z' itemprop='datePublished'>2017-05-0{n}</time>
        </span>
        <span itemprop='position'>#{n}</span>
      </div>
      <div class='post' itemprop='articleBody'>{body}</div>
      <meta itemprop='headline' content='Ferry timetable'>
      <hr>
    </div>"""
        for n, user, body in [
            (1, "imogen", "<p>The last ferry leaves at 18:10, too early for shift workers.</p>"),
            (
                2,
                "dafydd",
                '<aside class="quote" data-username="imogen" data-post="1" data-topic="77">'
                '<div class="title">imogen:</div>'
                "<blockquote><p>The last ferry leaves at 18:10</p></blockquote>"
                "</aside><p>A later run would sail nearly empty.</p>",
            ),
        ]
    )
    saved = tmp_path / "topic.html"
    saved.write_text(
        "<!DOCTYPE html><html><head><title>Ferry timetable - Harbour Forum</title>"
        '<meta name="generator" content="Discourse 1.9.0 - https://github.com/discourse/discourse">'
        '<link rel="canonical" href="https://talk.example.net/t/ferry-timetable/77" />'
        f"</head><body><h1>Ferry timetable</h1><hr>{posts}</body></html>",
        encoding="utf-8",
    )
    thread = load_thread(saved)
    assert [(p.source_id, p.author) for p in thread.posts] == [("1", "imogen"), ("2", "dafydd")]
    quote = thread.posts[1].quotes[0]
    assert (quote.target, quote.author, quote.source_id) == (1, "imogen", "1")
    assert thread.posts[1].body == "A later run would sail nearly empty."


def test_phpbb_lookalike_without_phpbb_post_body_is_read_by_its_structure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Forumotion's phpBB3-style theme has `div.post#pN .postbody` but its text is in
    `.post-entry`, not phpBB's `.content`: not phpBB, so not "no posts on this phpBB page";
    the generic reader finds its posts, ids and authors."""
    posts = "".join(
        f'<div id="p{n}" class="post  clearfix post--{n}" style=""><div class="post-container">'
        f'<div class="postbody clearfix"><div class="postprofile" id="profile{n}">'
        '<div class="postprofile-head post-header"><div class="popmenubutton">'
        f'<a href="javascript:void(0);"><strong>{who}</strong></a></div></div></div>'
        '<div class="postbody-head postdetails post-header"><ul class="post-info"><li></li>'
        f'<li>Beitrag #{i}</li></ul><h3><a href="/t12-allotments#{n}">Allotments</a></h3>'
        f'<p class="author">&nbsp;von&nbsp;<strong>{who}</strong> am 0{i}/04/15, 09:1{i} am</p>'
        f'</div><div class="post-entry"><div>{text}</div><div class="clear"></div></div>'
        "</div></div></div>"
        for i, (n, who, text) in enumerate(
            [
                (31, "Hedda", "The waiting list for an allotment is now six years long."),
                (38, "Bruno", "Split the large plots in two and the list halves overnight."),
            ],
            start=1,
        )
    )
    page = tmp_path / "t12-allotments.html"
    page.write_text(
        "<!DOCTYPE html><html><head><title>Allotments</title></head><body>"
        f'<div id="ipbwrapper"><div class="borderwrap">{posts}</div></div></body></html>',
        encoding="utf-8",
    )
    thread = load_thread(page)
    assert thread.source.engine == "generic"
    assert [(p.source_id, p.author) for p in thread.posts] == [("31", "Hedda"), ("38", "Bruno")]
    assert thread.posts[0].body == "The waiting list for an allotment is now six years long."
    assert any("not recognised" in w for w in thread.warnings)
