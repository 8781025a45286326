"""Frame induction on old forum engines as text tools lay them out: SMF with the rules a tool
draws between posts or a dated subject row too long for a frame line, phpBB 2 under a table's
head row, a phpBB 3 page of one post. Pages are written here in those shapes, with our own
words; each post must open at its poster's name (or its subject)."""

from __future__ import annotations

from parsing.frame import find_frame, is_rule
from parsing.models import Source
from parsing.text_reader import parse_text

WORDS = [
    "Night trains could replace most short flights inside Europe if the tickets were cheaper.",
    "They are slower door to door, and the sleeper cars cost a fortune to run every night.",
    "A sleeper used every night pays back faster than a plane that waits on the ground.",
    "Only on routes of eight hundred kilometres or so; beyond that the plane still wins.",
    "Then tax the kerosene the way diesel is taxed and see which one still wins the sums.",
]
RULE = "_" * 120


def parse(text: str):  # type: ignore[no-untyped-def]
    return parse_text(text, Source(path="t.txt", format="text", sha256="0" * 64))


def smf(posts: list[tuple[str, str, str, str | None]]) -> str:
    """An SMF 2 topic as lynx lays it out: the name over a user block parted by blank lines
    (rank, stars, "Online"/"Offline", "Posts: N", profile buttons), the subject, the "« Reply #N
    on: DATE »" line, a rule, the words, "Logged", a signature, a rule closing the post."""
    out = ["   Home Search Login", "", "   Our Forum » Transport » Sleeper trains", ""]
    out += ["Sleeper trains", ""]
    for n, (name, rank, status, signature) in enumerate(posts):
        out += [name, "", f"     * {rank}", "     * * *", f"     * {status}"]
        out += [f"     * Posts: {311 * (n + 2)}", "     *", "          + View Profile", ""]
        subject = "Sleeper trains" if n == 0 else "Re: Sleeper trains"
        reply = "« on:" if n == 0 else f"« Reply #{n} on:"
        out += [subject, "", f"   {reply} March {n + 3}, 2011, 4:{10 + n}:00 PM »", "     * Quote"]
        out += [RULE, "", "   " + WORDS[n], "   Logged"]
        out += (["   " + signature] if signature else []) + [RULE, ""]
    return "\n".join(out)


def test_smf_posts_open_at_the_name_under_the_rule_of_the_post_before() -> None:
    posts = [
        ("railfan", "Hero Member", "Offline", "Trains are the future."),
        ("skyward", "Jr. Member", "Offline", None),
        ("tolldodger", "Newbie", "Offline", "Keep left."),
        ("skyward", "Jr. Member", "Offline", None),
        ("railfan", "Hero Member", "Offline", "Trains are the future."),
    ]
    text = smf(posts)
    lines = text.split("\n")
    names = [i for i, line in enumerate(lines) if line in {p[0] for p in posts}]
    frame = find_frame(lines)
    assert frame is not None and frame.complete
    # every header opens at its name: the rule over it ends the post before, and the first
    # header's rows reach up to the page's title
    assert [h.start for h in frame.headers] == names
    assert [h.author for h in frame.headers] == [p[0] for p in posts]
    thread = parse(text)
    assert [(p.author, p.lines[0]) for p in thread.posts] == [
        (p[0], n + 1) for p, n in zip(posts, names, strict=True)
    ]


def smf_table(posts: list[tuple[str, str]]) -> str:
    """An SMF 1 topic as html2text lays it out: the user block in rows (name, rank, stars,
    status, "Posts: N", profile links), then one table row holding the subject and the "«
    Reply #N on: DATE »" stamp, too long for a frame line, then the words and "| Logged"."""
    out = ["Home Search Login", "", "Our Forum » Transport » Sleeper trains", ""]
    out += ["## Sleeper trains", ""]
    for n, (name, rank) in enumerate(posts):
        subject = "Sleeper trains" if n == 0 else "Re: Sleeper trains"
        reply = "on:" if n == 0 else f"Reply #{n} on:"
        out += [f"**{name}**", rank, "![*](star.gif)" * (n % 3 + 1), "Offline", ""]
        out += [f"Posts: {311 * (n + 2)}", "", "", "", "* View Profile", "* Personal Message"]
        out += [
            f"| | **{subject} for the long haul** « **{reply}** March {n + 3}, 2011, "
            f"4:{10 + n}:00 PM »| Quote",
            "---|---",
            "",
            "* * *",
            "",
            WORDS[n],
            "",
            "| Logged",
            "---",
            "",
        ]
    return "\n".join(out)


def test_a_stamp_too_long_for_a_frame_line_under_user_blocks_makes_them_headers() -> None:
    posts = [("railfan", "Hero Member"), ("skyward", "Newbie"), ("tolldodger", "Hero Member")]
    posts += [("skyward", "Newbie"), ("railfan", "Hero Member")]
    text = smf_table(posts)
    thread = parse(text)
    lines = text.split("\n")
    names = [i + 1 for i, line in enumerate(lines) if line.strip("*") in {p[0] for p in posts}]
    # the user blocks open the posts: each is glued over its dated subject row ("Offline"
    # under the first poster's name is no title either)
    assert [p.lines[0] for p in thread.posts] == names
    assert [p.author for p in thread.posts] == [p[0] for p in posts]


def php2(posts: list[tuple[str, str]]) -> str:
    """A phpBB 2 topic as html2text lays it out: the table's head row, the name in bold, the
    rank, the user's details, the "Posted: ... Post subject: ..." row too long for a frame line,
    the words, "Back to top" and a spacer picture, the next poster's name right under it."""
    out = ["Home Search Login", "", "Forum Index -> Transport", "", "## Sleeper trains", ""]
    out += ["Author| Message", "---|---"]
    for n, (name, rank) in enumerate(posts):
        subject = "Sleeper trains" if n == 0 else "Re: Sleeper trains"
        out += [f"**{name}**", rank, "", f"Joined: 1{n} Apr 2004", f"Posts: {207 * (n + 1)}"]
        out += [
            f"| | ![Post](icon_minipost.gif)Posted: Mon Aug 2{n}, 2006 6:17 am   Post subject: "
            f"{subject} and what they would cost to run| ![Reply with quote](q.gif)",
            "---|---",
            "",
            "* * *",
            "",
            WORDS[n],
            "Back to top| ![View user's profile](p.gif) ![Send private message](pm.gif)",
            "![](s.gif)",
        ]
    return "\n".join(out)


def test_phpbb2_first_post_opens_at_the_name_under_the_table_head() -> None:
    posts = [
        ("railfan", "Regular"),
        ("skyward", "Newbie"),
        ("tolldodger", "Veteran"),
        ("railfan", "Regular"),
        ("skyward", "Newbie"),
    ]
    text = php2(posts)
    thread = parse(text)
    lines = text.split("\n")
    first = lines.index("**railfan**") + 1
    # the rank under the first poster's name is no title of the page, and the table's head
    # row ("---|---") over the name is a rule: the first post opens at its poster's name
    assert thread.posts[0].lines[0] == first
    assert thread.posts[0].author == "railfan"
    assert len(thread.posts) == len(posts)


def phpbb3_one_post() -> str:
    """A phpBB 3 page showing one post (a link to a single post): the title, the post's subject
    repeating it, "Post by X » DATE", the words, the user block with its "Joined:" row."""
    out = ["   Home Search Login", "", "   Board index ‹ Transport", ""]
    out += ["Sleeper trains and the cost of a night", "", "Sleeper trains and the cost of a night"]
    out += ["", "   Post by railfan » Mon Dec 24, 2007 9:15 pm", "", "   " + WORDS[0]]
    out += ["   " + WORDS[2], "", "   railfan", "          Member", "          Posts: 8084"]
    out += ["          Joined: Fri Apr 21, 2006 09:15 PM", "", "   Top", ""]
    return "\n".join(out)


def test_a_page_of_one_post_opens_it_at_the_subject_repeating_the_title() -> None:
    text = phpbb3_one_post()
    thread = parse(text)
    assert thread.title == "Sleeper trains and the cost of a night"
    assert thread.title_line == 5
    # the menus over the title are the page's, the "Joined:" row is the user block's
    assert [p.lines[0] for p in thread.posts] == [7]
    assert WORDS[2] in thread.posts[0].body


def test_rules_are_lines_a_tool_draws_not_stars_or_words() -> None:
    assert all(is_rule(t) for t in ["_" * 40, "━" * 30, "- - - -", "---|---", "| --- | --- |"])
    # stars of a rank, html2text's short rule, a markdown table cell, words, a signature mark
    assert not any(
        is_rule(t) for t in ["* * *", "* * * *", "***", "---", "|---", "a---|---", "-- "]
    )
