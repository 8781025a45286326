"""The generic reader (engine table off) on small pages of our own words in the shapes of engines
it has no entry for: a phpBB 2 topic (table rows, names beside nameless message spans), a Q&A
page (question, answers, comments; an editor's card beside the author's), a blog's comment tree
under a long article (hCard names, a reply nested in its comment, a badge after a name), a
news site's comments ("Name | date" headers, permalink titles) and a Disqus-style list under a
long article (name and words only: no ids, no dates, classes that alternate by row), and a
page of web components (`<shreddit-comment author=... thingid=...>`, new Reddit's shape) and
a script-built forum whose posts are saved only in a `<noscript>` copy (Flarum's shape), and a
Discuz!-style topic in Chinese ("X 发表于 DATE" quote attributions, "发表于 DATE TIME" stamps)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from parsing.html import parse_html_pages
from parsing.models import Thread
from tests.conftest import DATA

PAGES = DATA / "html" / "generic"


def read_generic(path: Path) -> Thread:
    data = path.read_bytes()
    return parse_html_pages([(path, data.decode("utf-8"), data)], known_engines=False)


def test_phpbb2_rows_give_posts_ids_authors_dates_and_the_quote_link() -> None:
    """The message spans carry no name; the table row around each holds the poster's cell
    (`<a name>` id, bold name), and the row's 'Posted:' line is the date, not the text."""
    thread = read_generic(PAGES / "phpbb2_like.html")
    assert thread.source.engine == "generic"
    assert [(p.source_id, p.author, p.date) for p in thread.posts] == [
        ("5101", "Maren Holt", dt.date(2004, 4, 10)),
        ("5104", "Tobiah Quint", dt.date(2004, 4, 10)),
        ("5109", "Ilse Brandvold", dt.date(2004, 4, 11)),
    ]
    assert thread.posts[0].body.startswith("The committee wants to open the boathouse")
    assert "Posted:" not in thread.posts[1].body
    assert thread.posts[1].body.startswith("Who covers the insurance")
    [quote] = thread.posts[1].quotes
    assert (quote.author, quote.target) == ("Maren Holt", 1)


def test_qa_page_reads_question_answers_and_comments_in_page_order() -> None:
    """Comments outnumber answers, yet the answers are the posts and each comment follows the
    post it sits under; the author is the card schema.org marks, not the editor's card."""
    thread = read_generic(PAGES / "qa_like.html")
    assert [(p.source_id, p.author) for p in thread.posts] == [
        ("2201", "Tobiah Quint"),
        ("9001", "Maren Holt"),
        ("9004", "Tobiah Quint"),
        ("2205", "Maren Holt"),
        ("9010", "Tobiah Quint"),
        ("2209", "Ilse Brandvold"),
    ]
    assert thread.posts[0].body.startswith("Our club rows on a tidal stretch")
    assert "weir upstream" not in thread.posts[0].body  # its comments are posts of their own
    assert thread.posts[3].body.startswith("Use both.")
    # the date beside the author's card, not the editor's card shown first
    assert [p.date for p in thread.posts[:5:3]] == [dt.date(2021, 5, 2), dt.date(2021, 5, 3)]
    assert thread.posts[4].date == dt.date(2021, 5, 3)


def test_blog_comments_under_a_long_article_are_the_posts() -> None:
    """Three short comments hold little of the page's text, but they are the only family with
    a marked name, an id and a date in every member; the article's blocks are not posts."""
    thread = read_generic(PAGES / "blog_comments_like.html")
    assert [(p.source_id, p.author, p.date) for p in thread.posts] == [
        ("311", "Tobiah Quint", dt.date(2022, 3, 14)),
        ("314", "Maren Holt", dt.date(2022, 3, 14)),
        ("318", "Ilse Brandvold", dt.date(2022, 3, 15)),
    ]
    assert thread.posts[1].body.startswith("Fixed areas:")
    assert all("says:" not in (p.author or "") for p in thread.posts)


def test_news_comments_take_names_from_name_and_date_headers() -> None:
    """The permalink title (rel=bookmark) and the `field--name-...` blocks are not names; the
    header line 'Name | Fri, 15 April 2022 - 10:20' is."""
    thread = read_generic(PAGES / "news_comments_like.html")
    assert [(p.source_id, p.author) for p in thread.posts] == [
        ("70411", "Ilse Brandvold"),
        ("70415", "Tobiah Quint"),
        ("70422", "Ilse Brandvold"),
    ]
    assert all(p.date == dt.date(2022, 4, 15) for p in thread.posts)
    assert thread.posts[0].body.startswith("Carrying an eight around the east bank")


def test_a_comment_list_of_names_and_words_beats_the_article_blocks() -> None:
    """No comment carries an id or a date and their classes alternate ('comment even',
    'comment odd alt'); the class word they share keys them as one kind, and a linked name
    reads like a plain one. The article's repeated code blocks are not posts, nor is the
    pingback."""
    thread = read_generic(PAGES / "disqus_list_like.html")
    assert [p.author for p in thread.posts] == [
        "Maren Holt",
        "Tobiah Quint",
        "Ilse Brandvold",
        "Maren Holt",
        "Jon Aberg",
        "Maren Holt",
    ]
    assert thread.posts[0].body.startswith("We stopped greasing the tracks")
    assert thread.posts[1].body.startswith("Dry wiping works")  # a reply, out of its parent
    assert "Dry wiping" not in thread.posts[0].body
    assert not any("spread" in p.body or "Pingback" in p.body for p in thread.posts)


def test_an_unattributed_quote_cut_into_pieces_is_linked_by_its_lines() -> None:
    """The quote names no one and no post, and joins two cut pieces of the first post's
    paragraphs ('...'): too far from verbatim for a whole-text match, each line still finds
    the line it repeats. The link is a guess (score below 1) and names the quoted author."""
    thread = read_generic(PAGES / "cut_quote_like.html")
    assert [p.source_id for p in thread.posts] == ["4101", "4102", "4107"]
    [quote] = thread.posts[2].quotes
    assert (quote.target, quote.author) == (1, "Maren Holt")
    assert 0 < quote.score < 1
    assert thread.posts[2].body.startswith("The form can go out now")


def test_web_components_name_their_kind_author_id_and_time_in_attributes() -> None:
    """Custom elements carry no class: their tag is their kind and their own attributes are
    their data (author, an id in letters and digits, the time made). Replies nest in the
    comment they answer; the post above the comments is the first post."""
    thread = read_generic(PAGES / "web_components_like.html")
    assert [(p.source_id, p.author) for p in thread.posts] == [
        ("t3_k2r8vq", "maren_holt"),
        ("t1_kf01a2", "tobiah_q"),
        ("t1_kf07c9", "maren_holt"),
        ("t1_kf0b11", "tobiah_q"),
        ("t1_kf0d40", "ilse_b"),
    ]
    assert all(p.date == dt.date(2024, 3, 2) for p in thread.posts)
    lead = thread.posts[0].body
    assert lead.startswith("The council offers") and "how did you split the slots?" in lead
    assert thread.posts[1].body.startswith("We share with a university club.")
    assert "Splitting racks" not in thread.posts[1].body  # the reply is a post of its own


def test_posts_saved_only_in_a_noscript_copy_are_read() -> None:
    """The page is an empty script shell; its posts stand in a `<noscript>` block for readers
    without scripts (no ids, no dates, names in headings). A short 'enable JavaScript' notice
    in another `<noscript>` is no post."""
    thread = read_generic(PAGES / "noscript_content_like.html")
    assert [p.author for p in thread.posts] == ["Maren Holt", "Tobiah Quint", "Ilse Brandvold"]
    assert thread.posts[0].body.startswith("From December the river is closed")
    assert "Please add your sessions below" in thread.posts[0].body
    assert not any("modern browser" in p.body for p in thread.posts)


def test_discuz_style_posts_dates_and_a_quote_attributed_in_chinese() -> None:
    """Each post's date is a short line of its own with a date and a clock time; the quote's
    attribution "马仁 发表于 2023-12-02 09:14" names its author and its link names the post."""
    thread = read_generic(PAGES / "discuz_like.html")
    assert [(p.source_id, p.author, p.date) for p in thread.posts] == [
        ("70211", "马仁", dt.date(2023, 12, 2)),
        ("70214", "托比", dt.date(2023, 12, 2)),
        ("70219", "伊尔莎", dt.date(2023, 12, 3)),
    ]
    [quote] = thread.posts[1].quotes
    assert (quote.author, quote.target, quote.score) == ("马仁", 1, 1.0)
    assert thread.posts[1].body.startswith("周六青少年")
    assert "发表于" not in thread.posts[1].body
