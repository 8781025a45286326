"""The text reader on small threads written to show one behaviour each, as forums write them."""

from __future__ import annotations

import datetime as dt

from parsing.attachments import find_attachments
from parsing.chrome import is_chrome
from parsing.headers import find_post_headers, find_quote_frames, parse_date
from parsing.models import Source, Thread
from parsing.normalize import normalize, normalize_lines, strip_ellipses
from parsing.quote_index import QuoteIndex, probe
from parsing.text_reader import parse_text

SOURCE = Source(path="t.txt", format="text", sha256="0" * 64)

A = "Rail freight is cheaper per tonne than road haulage over long distances. "
A += "The break-even point is usually put at about 500 km. Below that, lorries win."
B = "Electrification of the main lines would cut emissions further, but it costs a fortune."


def parse(text: str) -> Thread:
    return parse_text(text, SOURCE)


def starts(thread: Thread) -> list[int]:
    return [p.lines[0] for p in thread.posts if p.lines]


def links(thread: Thread) -> list[tuple[int, int | None, tuple[int, int] | None]]:
    return [(p.number, q.target, q.lines) for p in thread.posts for q in p.quotes]


# --- normalisation and matching -------------------------------------------------------------


def test_normalize_folds_typography_spacing_case_and_entities() -> None:
    assert normalize("It\u2019s \u201cfine\u201d \u2014 really&nbsp;&amp; truly\u2026") == (
        "it's fine - really & truly..."
    )
    plain = ['It\'s  "fine" -  REALLY', "It\u2019s \u201cfine\u201d \u2014 really"]
    assert normalize_lines(plain) == ["it's fine - really", "it's fine - really"]


def test_quotes_typed_with_quotation_marks_or_curly_typography_still_match() -> None:
    text = (
        "Rail\n\nThe terminals cost more than the track, and nobody budgets for them.\n"
        "\u201cThe terminals cost more than the track, and nobody budgets for them.\u201d\n"
        "Source? That is not what the 2019 review found.\n"
    )
    assert links(parse(text)) == [(2, 1, (4, 4))]
    assert strip_ellipses("...the relevant head...") == ("the relevant head", True)
    assert strip_ellipses("A whole sentence.") == ("A whole sentence.", False)


def find(index: QuoteIndex, text: str) -> int | None:
    match = index.find(probe(normalize(text)))
    return match.line if match else None


def test_quote_index_finds_whole_partial_cut_and_edited_quotes() -> None:
    index = QuoteIndex()
    index.add(10, probe(normalize(A)))
    index.add(20, probe(normalize(B)))
    assert find(index, A) == 10
    assert find(index, "The break-even point is usually put at about 500 km.") == 10
    assert find(index, "Electrification of the main lines would cut emissions...") == 20
    assert find(index, "...usually put at about 500 km. Below that, lorries win.") == 10
    assert find(index, "...the main lines would cut emissions further...") == 20
    edited = "Electrification of the main lines will cut emissions further, but it costs a fortune."
    assert find(index, edited) == 20


def test_quote_index_ignores_unrelated_and_too_short_lines() -> None:
    index = QuoteIndex()
    index.add(1, probe(normalize("I agree.")))
    index.add(2, probe(normalize(A)))
    assert find(index, "I agree.") is None
    assert find(index, "Lorries are cheaper over short distances, I think.") is None


# --- recognisers -----------------------------------------------------------------------------


def test_dates_in_the_forms_forums_print() -> None:
    assert parse_date("Mar 4, 2017") == (True, dt.date(2017, 3, 4))
    assert parse_date("4 March 2017 at 10:15 PM") == (True, dt.date(2017, 3, 4))
    assert parse_date("2017-03-04 21:10") == (True, dt.date(2017, 3, 4))
    assert parse_date("25/12/2009, 08:01") == (True, dt.date(2009, 12, 25))
    assert parse_date("Yesterday at 9:12 AM") == (True, None)
    assert parse_date("March was a good month for 2017 sales.")[0] is False


def test_buttons_repeated_under_every_post_are_chrome_and_end_the_post() -> None:
    """A forum that prints "1 Reply Last reply" under each post: the repeats are not quotes of
    the first one, and each marks the end of a post."""
    text = (
        "Rail freight thread\n\n"
        f"{A}\n1 Reply Last reply\n{B}\n1 Reply Last reply\n"
        "Lorries are simpler to run for short trips between towns.\n1 Reply Last reply\n"
    )
    thread = parse(text)
    assert starts(thread) == [3, 5, 7]
    assert links(thread) == []
    assert thread.chrome_lines == [4, 6, 8]


def test_chrome_is_whole_lines_only() -> None:
    for line in [
        "What's new",
        "Reaction score",
        "Top Bottom",
        "Pakistan Affairs Latest Posts",
        "Joined: Mar 2, 2014",
        "Messages: 1,204",
        "Last edited: Mar 5, 2017",
        "12 Likes",
        "Reply With Quote",
        "1 Reply Last reply",
        "3 days ago",
        "2.4k views",
    ]:
        assert is_chrome(line), line
    for line in [
        "Messages from the front were clear.",
        "Top marks for trying.",
        "Likes are not arguments.",
    ]:
        assert not is_chrome(line), line


def test_attachments_bullet_and_one_line_forms() -> None:
    lines = [
        "text",
        "  • map of the line.png",
        "    1.2 MB · Views: 1,024",
        "plan.pdf (88 KB, 3 views)",
    ]
    found = find_attachments(lines)
    assert [(a.name, a.size, a.views, a.lines) for a in found.values()] == [
        ("map of the line.png", "1.2 MB", 1024, (2, 3)),
        ("plan.pdf", "88 KB", 3, (4, 4)),
    ]


def test_post_headers_and_quote_frames() -> None:
    lines = [
        "alice",
        "Jan 16, 2007",
        "#1",
        "Hello.",
        "bob",
        "Senior Member",
        "Jan 17, 2007",
        "#2",
        "alice said:",
        "Hello.",
        "Click to expand...",
        "Hi.",
        "Quote:",
        "Originally Posted by alice",
        "Hello.",
        "carol wrote:",
        "Hello.",
    ]
    headers = find_post_headers(lines)
    assert [(h.start, h.end, h.author, h.author_title, h.number) for h in headers] == [
        (0, 2, "alice", None, 1),
        (4, 7, "bob", "Senior Member", 2),
    ]
    frames = find_quote_frames(lines)
    assert [(f.author, f.first, f.open_end) for f in frames] == [
        ("alice", 9, False),
        ("alice", 14, True),
        ("carol", 16, True),
    ]


# --- bare dumps: where posts start ------------------------------------------------------------


def test_paragraphs_and_list_items_stay_in_their_post() -> None:
    text = (
        "Freight on rails\n\n"
        "Should more freight go by rail?\n"
        "Yes, for three reasons:\n1) it is cheaper per tonne,\n2) it is cleaner,\n"
        "3) it takes lorries off the roads.\n\nThat is my view anyway.\n"
        "No. The last mile still needs a lorry.\n"
    )
    thread = parse(text)
    assert thread.title == "Freight on rails" and thread.title_line == 1
    assert starts(thread) == [3, 4, 10]
    assert thread.posts[1].lines == (4, 9)


def test_quote_opens_a_post_and_the_answer_follows_it() -> None:
    text = f"Rail\n\n{A}\n{B}\n{A}\nWrong: lorries win up to 800 km now.\n"
    thread = parse(text)
    assert starts(thread) == [3, 4, 5]
    assert links(thread) == [(3, 1, (5, 5))]
    assert thread.posts[2].body == "Wrong: lorries win up to 800 km now."


def test_interleaved_quotes_and_answers_are_one_post() -> None:
    first = "The break-even point is usually put at about 500 km."
    second = "Below that, lorries win."
    text = f"Rail\n\n{A}\n{first}\nSource?\n{second}\nOnly without congestion charges.\n"
    thread = parse(text)
    assert starts(thread) == [3, 4]
    assert links(thread) == [(2, 1, (4, 4)), (2, 1, (6, 6))]
    kinds = [part.kind for part in thread.posts[1].parts]
    assert kinds == ["quote", "text", "quote", "text"]


def test_several_quotes_in_a_row_and_a_quote_after_the_reply() -> None:
    reply = "Nonsense. Both of you ignore the cost of building the terminals, the real problem."
    text = (
        f"Rail\n\n{A}\n{B}\n{reply}\n\n\n...the main lines would cut emissions further...\n"
        f"{A}\n{reply}\nFair.\n"
    )
    thread = parse(text)
    assert starts(thread) == [3, 4, 5, 9]
    assert (3, 2, (8, 8)) in links(thread)
    assert thread.posts[2].quotes[0].truncated
    assert [part.kind for part in thread.posts[2].parts] == ["text", "quote"]
    last = thread.posts[3]
    assert [(q.target, q.lines) for q in last.quotes] == [(1, (9, 9)), (3, (10, 10))]
    assert last.body == "Fair."


def test_a_whole_post_quoted_across_a_line_break_we_split_at_is_one_post() -> None:
    """Two lines after a single line break read as two posts, until a reply quotes them as one
    passage; then they were one post (a reply quoting two posts in a row reads the same)."""
    text = f"Rail\n\n{A}\n{B}\n{A}\n{B}\nBoth wrong.\n"
    thread = parse(text)
    assert starts(thread) == [3, 5]
    assert links(thread) == [(2, 1, (5, 6))]


def test_a_quoted_passage_may_open_with_a_line_too_short_to_match() -> None:
    """'Ummmm...what?' alone proves nothing; followed by the rest of the same post, it is the
    first line of a quote of that post, and it opens the reply."""
    text = f"Rail\n\n{A}\nUmm...what?\n{B}\nUmm...what?\n{B}\nIt was a joke.\n"
    thread = parse(text)
    assert starts(thread) == [3, 4, 6]
    assert links(thread) == [(3, 2, (6, 7))]
    assert thread.posts[2].body == "It was a joke."


def test_quoting_the_current_post_starts_a_reply() -> None:
    text = f"Rail\n\n{A}\n{B}\n{B}\nSo who pays?\n"
    thread = parse(text)
    assert starts(thread) == [3, 4, 5]
    assert links(thread) == [(3, 2, (5, 5))]


def test_words_from_outside_the_thread_stay_external() -> None:
    article = '"Every town that took cars out of its centre saw footfall recover within a year."'
    text = f"Cars\n\nAs the minister put it:\n\n{article}\n\nNobody says it is easy.\n"
    thread = parse(text)
    (quote,) = thread.posts[0].quotes
    assert quote.target is None and quote.lines == (5, 5)
    assert "footfall" not in thread.posts[0].body


def test_named_quote_of_someone_not_in_the_thread_is_not_linked() -> None:
    text = f"Rail\n\n{A}\nOriginally posted by dave\n{A}\nDave said that in 2004, not here.\n"
    thread = parse(text)
    quote = thread.posts[-1].quotes[0]
    assert quote.target is None and quote.author == "dave"


# --- marked pages -----------------------------------------------------------------------------


def test_marked_page_with_headers_and_said_frames() -> None:
    text = (
        "Forums\n\nRail freight\n\n"
        f"alice\nJan 16, 2007\n#1\n{A}\n"
        f"bob\nJan 17, 2007\n#2\n{B}\n"
        f"carol\nJan 18, 2007\n#3\nalice said:\n{A}\nClick to expand...\nNot in the Alps.\n"
        "bob said:\nElectrification costs a fortune? So do motorways.\nClick to expand...\nTrue.\n"
    )
    thread = parse(text)
    assert [(p.author, p.date, p.lines) for p in thread.posts] == [
        ("alice", dt.date(2007, 1, 16), (5, 8)),
        ("bob", dt.date(2007, 1, 17), (9, 12)),
        ("carol", dt.date(2007, 1, 18), (13, 23)),
    ]
    third = thread.posts[2]
    assert [(q.target, q.author, q.lines) for q in third.quotes] == [
        (1, "alice", (17, 17)),
        (None, "bob", (21, 21)),
    ]
    assert third.body == "Not in the Alps.\n\nTrue."
    assert thread.chrome_lines == [1]


def test_vbulletin_and_phpbb_quote_headers() -> None:
    text = (
        "Rail freight\n\n"
        f"alice\n03-02-2009, 10:15 PM\n#1\n{A}\n"
        f"bob\n03-03-2009, 11:00 AM\n#2\nQuote:\nOriginally Posted by alice\n{A}\nOnly on paper.\n"
        f"carol\n03-04-2009, 09:00 AM\n#3\nbob wrote:\nOnly on paper.\nNo, in practice too.\n"
    )
    thread = parse(text)
    assert [p.author for p in thread.posts] == ["alice", "bob", "carol"]
    assert [(q.target, q.author, q.lines) for q in thread.posts[1].quotes] == [
        (1, "alice", (12, 12))
    ]
    assert [(q.target, q.author, q.lines) for q in thread.posts[2].quotes] == [(2, "bob", (18, 18))]
    assert thread.posts[2].body == "No, in practice too."


def test_nested_quotes_stay_nested_and_a_stray_closer_is_not_text() -> None:
    text = (
        "Rail\n\n"
        f"alice\nJan 16, 2007\n#1\n{A}\n"
        f"bob\nJan 17, 2007\n#2\nalice said:\n{A}\nClick to expand...\nLorries win below 300 km.\n"
        "carol\nJan 18, 2007\n#3\nbob said:\nalice said:\n"
        f"{A}\nClick to expand...\nLorries win below 300 km.\nClick to expand...\nSource?\n"
        "Click to expand...\n"
    )
    thread = parse(text)
    third = thread.posts[2]
    (outer,) = third.quotes
    assert (outer.target, outer.author, outer.text) == (2, "bob", "Lorries win below 300 km.")
    (inner,) = outer.nested
    assert (inner.target, inner.author, inner.lines) == (1, "alice", (19, 19))
    assert third.body == "Source?"


def test_a_quote_label_without_a_name() -> None:
    text = (
        f"Rail\n\nalice\nJan 16, 2007\n#1\n{A}\n"
        f"bob\nJan 17, 2007\n#2\nQuote:\n{A}\nNot in the Alps.\n"
    )
    thread = parse(text)
    assert [(q.target, q.lines) for q in thread.posts[1].quotes] == [(1, (11, 11))]
    assert thread.posts[1].body == "Not in the Alps."


def test_lines_after_an_introducing_colon_stay_with_it_until_a_blank_line() -> None:
    text = (
        "Health care\n\n"
        "From the campaign's website:\n"
        "Expand health savings accounts - a tax credit for low-income families.\n"
        "Does anyone think a family can pay high deductibles on that?\n"
        "Allow shopping for coverage across state lines - buy a plan from any state.\n"
        "Insurance is regulated by the states, so that will not happen.\n"
        "\n"
        "I don't see any change for the better here.\n"
        "Nor do I.\n"
    )
    assert starts(parse(text)) == [3, 10]


def test_a_line_of_punctuation_and_a_heading_in_capitals_keep_the_post_together() -> None:
    text = (
        "Rail\n\n"
        "PASSAGE 3\n"
        "THE FREIGHT CORRIDORS OF THE NORTH\n"
        f"{A}\n"
        ".\n"
        f"{A}\n"
        "Quoting yourself now?\n"
    )
    thread = parse(text)
    assert starts(thread) == [3, 7]
    assert links(thread) == [(2, 1, (7, 7))]


def test_a_line_opening_with_a_conjunction_goes_on_even_after_a_question() -> None:
    text = (
        "Rail\n\n"
        "Freight trains are slow to load.\n"
        "But they carry far more per driver.\n"
        "Do they really?\n"
        "And who pays for the sidings?\n"
        "Lorries are simpler.\n"
    )
    # "But" and "And" go on with the line before (in real debates one poster often asks two
    # questions in a row); a plain statement after a question is the next poster.
    found = starts(parse(text))
    assert 4 not in found and 6 not in found
    assert found[0] == 3 and found[-1] == 7


def test_quotes_going_back_through_the_quoted_post_start_a_new_reply() -> None:
    first = "The break-even point is usually put at about 500 km."
    second = "Below that, lorries win."
    text = (
        f"Rail\n\n{A}\n{second}\nNot with congestion charges they don't.\n"
        f"{first}\nWho puts it there?\n"
    )
    thread = parse(text)
    assert starts(thread) == [3, 4, 6]
    assert links(thread) == [(2, 1, (4, 4)), (3, 1, (6, 6))]


def test_signatures_are_kept_apart_from_the_body() -> None:
    text = f"Rail\n\n{A}\n\n-Mach\n{B}\n\n__________\nProud owner of a 1987 freight timetable\n"
    thread = parse(text)
    assert [(p.body, p.signature) for p in thread.posts] == [
        (A, "Mach"),
        (B, "Proud owner of a 1987 freight timetable"),
    ]


def test_one_numbered_header_makes_a_marked_page_and_names_may_end_with_a_dot() -> None:
    text = (
        f"Rail\n\nfirstthings1st.\nJan 16, 2007\n#1\n{A}\nSomeone said:\n{B}\nClick to expand...\n"
        "That is why.\n"
    )
    thread = parse(text)
    (post,) = thread.posts
    assert (post.author, post.lines) == ("firstthings1st.", (3, 10))
    assert [(q.target, q.author) for q in post.quotes] == [(None, "Someone")]


def test_in_a_numbered_page_a_byline_with_a_date_is_not_a_post() -> None:
    text = (
        f"Rail\n\nalice\nJan 16, 2007\n#1\n{A}\n\nBy: Chandler Burr\n16 June 1997\nAn article.\n"
        f"Captain America banned\nJan 17, 2007\n#2\n{B}\n"
    )
    thread = parse(text)
    assert [(p.author, p.lines) for p in thread.posts] == [
        ("alice", (3, 10)),
        ("Captain America banned", (11, 14)),
    ]


def test_a_long_article_posted_twice_is_matched_quickly() -> None:
    """Two copies of a very long line are compared by sentence keys, not character by character
    (which would take minutes), and the edited copy is still a quote of the first."""
    import time

    sentences = [f"Sentence number {n} talks about freight corridor {n * 7}." for n in range(20000)]
    article = " ".join(sentences)
    edited = article.replace("corridor 700.", "corridor 701.", 1)
    started = time.process_time()
    thread = parse(f"Rail\n\n{article}\n{edited}\nThanks.\n")
    assert time.process_time() - started < 10, (
        "a long article posted twice is compared character by character and parsing hangs"
    )
    assert links(thread) == [(2, 1, (4, 4))]


def test_a_whole_thread_quoted_back_takes_linear_time() -> None:
    """Thousands of quote lines in one post used to be checked against the whole post each
    time (minutes); the post now keeps count of its own lines."""
    import time

    lines = [
        f"Line {n} says freight corridor {n * 13} beats the road {n * 7}." for n in range(8000)
    ]
    started = time.process_time()
    thread = parse("Rail\n\n" + "\n".join(lines) + "\n" + "\n".join(lines) + "\nAmen.\n")
    assert time.process_time() - started < 10, (
        "a thread quoted back whole is rescanned per quote line and parsing hangs (quadratic)"
    )
    assert thread.posts[-1].body == "Amen."
    assert [q.lines for q in thread.posts[-1].quotes] == [(8003, 16002)]
