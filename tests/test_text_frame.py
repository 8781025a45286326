"""Frame induction: a page's own repeating post frame found from its repetitions, on small pages
shaped like real crawls (vBulletin, XenForo 2 user blocks, Discourse "N Likes"), and no frame
where a page has none (bare dumps, logs, headings)."""

from __future__ import annotations

from collections.abc import Callable

from parsing.frame import find_frame, is_furniture, line_keys, mask
from parsing.load import load_thread
from parsing.models import Source
from parsing.text_reader import parse_text

A = "Rail freight beats lorries on long routes because one train moves fifty trailers at once."
B = "Only where the line is electrified, otherwise the diesel cost eats the margin away."
C = "Electrification pays for itself within twenty years on the busy corridors anyway."


def parse(text: str):  # type: ignore[no-untyped-def]
    return parse_text(text, Source(path="t.txt", format="text", sha256="0" * 64))


def vbulletin(posts: list[tuple[str, str, list[str]]]) -> str:
    """A vBulletin 3 page as a crawl flattens it: "Old date #n", name, rank, a line of one
    space, Join Date, Posts, the words, then "name is offline   Reply With Quote"."""
    out = ["Transport", "", "Rail or road?", ""]
    for n, (name, rank, words) in enumerate(posts, start=1):
        out += [f"Old 03-0{n}-2019, 1{n}:15 PM   #{n}", name, rank, " ", "Join Date: May 2016"]
        out += [f"Posts: {n * 113}", *words, f"{name} is offline   Reply With Quote", ""]
    return "\n".join(out)


def test_vbulletin_frame_opens_and_closes_every_post() -> None:
    text = vbulletin(
        [
            ("alice", "Member", [A, "", "Thoughts?"]),
            ("bob", "Senior Member", ["Quote:", "Originally Posted by alice View Post", A, B]),
            ("carol", "Member", [C]),
        ]
    )
    lines = text.split("\n")
    frame = find_frame(lines)
    assert frame is not None and frame.complete
    assert [lines[s] for s in frame.starts] == [
        "Old 03-01-2019, 11:15 PM   #1",
        "Old 03-02-2019, 12:15 PM   #2",
        "Old 03-03-2019, 13:15 PM   #3",
    ]
    assert [(h.author, h.author_title, h.number) for h in frame.headers] == [
        ("alice", "Member", 1),
        ("bob", "Senior Member", 2),
        ("carol", "Member", 3),
    ]
    assert [lines[a] for a, _ in frame.footers] == [
        "alice is offline   Reply With Quote",
        "bob is offline   Reply With Quote",
        "carol is offline   Reply With Quote",
    ]
    thread = parse(text)
    assert [(p.author, p.lines[0]) for p in thread.posts] == [
        ("alice", 5),
        ("bob", 16),
        ("carol", 28),
    ]
    assert thread.title == "Rail or road?"
    quote = thread.posts[1].quotes[0]  # "Originally Posted by alice View Post" names alice
    assert (quote.target, quote.author, quote.text) == (1, "alice", A)
    assert thread.posts[1].body == B  # no frame line, no quote header in the words
    assert "offline" not in thread.posts[2].body


def xenforo(posts: list[tuple[str, str, str, list[str]]]) -> str:
    """XenForo 2 with the user block kept: name, a blank line, custom title, join date,
    message count, then the words; a line of one space and blank lines between posts."""
    out = ["Got something to say? Join us...", "", "Rail or road?", "", "", ""]
    for n, (name, title, place, words) in enumerate(posts):
        out += [name, "", title, f"Jan {n + 3}, 2017", f"{(n + 1) * 1234:,}"]
        out += [place] if place else []
        out += [*words, " ", "", "", ""]
    return "\n".join(out)


def test_xenforo_user_block_is_a_header_with_the_name_above_it() -> None:
    text = xenforo(
        [
            ("alice", "Member", "Leeds", [A, "", B]),
            ("bob", "Well-known member", "", ["alice said:", B, "Click to expand...", C]),
            ("carol", "New member", "York", ["Short.", "", "Really."]),
        ]
    )
    lines = text.split("\n")
    frame = find_frame(lines)
    assert frame is not None and frame.complete
    assert [lines[s] for s in frame.starts] == ["alice", "bob", "carol"]
    assert [h.author for h in frame.headers] == ["alice", "bob", "carol"]
    thread = parse(text)
    assert [p.author for p in thread.posts] == ["alice", "bob", "carol"]
    assert [(q.target, q.author) for q in thread.posts[1].quotes] == [(1, "alice")]
    assert thread.posts[2].body == "Short.\n\nReally."


def test_discourse_likes_close_some_posts_and_teach_the_separator() -> None:
    first = ["Rail or road?", "", A, "", "7 Likes", ""]
    text = "\n".join([*first, B, "", "2 Likes", "", C, "", "3 Likes", "", "Yes, agreed."])
    lines = text.split("\n")
    frame = find_frame(lines)
    assert frame is not None and not frame.complete  # footers: not every post has one
    assert frame.gap == 1  # one blank line between posts, as between paragraphs
    assert [lines[a] for a, _ in frame.footers] == ["7 Likes", "2 Likes", "3 Likes"]
    assert [lines[s] for s in frame.starts] == [B, C, "Yes, agreed."]
    thread = parse(text)
    assert [p.body for p in thread.posts] == [A, B, C, "Yes, agreed."]
    assert thread.chrome_lines == [5, 9, 13]  # the footers are no one's words


def test_frames_of_other_engines() -> None:
    """Shapes of phpBB, SMF, IPB, MyBB, Disqus, old Reddit and Vanilla pages, written here from
    how those engines print a post (name and date in one line or two, user blocks above or
    under the words, footers): each page's posts and authors are found."""
    names = ["alice", "bob", "carol", "dave"]
    d = "Branch lines will keep their diesels until the batteries get cheaper, whatever we say."
    bodies = [[A, "", "Thoughts?"], [B], [C, "", "Agreed with most of it."], [d]]

    def page(post: Callable[[int, str, list[str]], list[str]], top: list[str]) -> str:
        out = list(top)
        for n, (who, words) in enumerate(zip(names, bodies, strict=True)):
            out += post(n, who, words)
        return "\n".join(out)

    engines = {
        "phpbb": lambda n, who, w: [
            "Re: Rail" if n else "Rail",
            f"Post by {who} » Mon Jan {n + 10}, 2018 {n + 1}:42 pm",
            *w,
            "",
            who,
            f"Posts: {n * 37 + 5}",
            f"Joined: Tue Mar 0{n + 1}, 2016 9:00 am",
            "",
            "Top",
            "",
        ],
        "smf": lambda n, who, w: [
            who,
            "Full Member",
            "***",
            "",
            f"Posts: {n * 37 + 5}",
            "",
            f"« Reply #{n} on: January {n + 10}, 2018, 03:42:15 PM »",
            *w,
            "Logged",
            "",
        ],
        "ipb": lambda n, who, w: [who, f"Posted January {n + 10}, 2018", "", *w, "", "Quote", ""],
        "disqus": lambda n, who, w: [who, f"• {n + 2} years ago", *w, "", "Reply", ""],
        "reddit": lambda n, who, w: [
            f"[–] {who} {n * 3 + 1} points {n + 2} hours ago",
            *w,
            "permalink embed save report reply",
            "",
        ],
        "vanilla": lambda n, who, w: [who, f"January {n + 10}", *w, "", ""],
    }
    for engine, post in engines.items():
        thread = parse(page(post, ["Forum index", "", "Rail or road?", ""]))
        assert [p.author for p in thread.posts] == names, engine
        assert [p.body.split("\n")[0] for p in thread.posts] == [A, B, C, d], engine


def test_bare_dump_log_and_headings_have_no_frame() -> None:
    bare = ["Rail or road?", "", A, B, "", "Yes.", C, A, "Not so."]
    assert find_frame(bare) is None
    log = [A, "", *(f"[DEBUG] 2024-05-0{k} 10:1{k}:00 loading module {k}" for k in range(1, 8)), B]
    assert find_frame(log) is None
    headings = [A, "PASSAGE 1", "GENESIS", B, "PASSAGE 2", "ROMANS", C, "PASSAGE 3", "JUDE", A]
    assert find_frame(headings) is None
    listing = [A, "", "1 {", "2 x = 1", "3 }", "", B, "", "1 {", "2 y = 2", "3 }", "", C]
    assert find_frame(listing) is None


def test_line_shapes_mask_what_varies_between_posts() -> None:
    assert mask("Old 02-13-2020, 01:48 PM   #12") == "old D, T #0"
    assert mask("Join Date: Sep 2015") == "join date: D"
    assert mask("Posts: 3,489") == "posts: 0"
    assert "<label>location" in line_keys("Location: Berlin")
    assert "<last>reply with quote" in line_keys("pieper is offline   Reply With Quote")
    assert line_keys(" ") == ("<space>",)
    assert line_keys("bob said:") == ()  # a quote header belongs to a quote, not to the frame
    assert line_keys(A) == ()  # a sentence is someone's words
    assert is_furniture("0 likes") and is_furniture("old D, T #0") and is_furniture("<space>")
    assert not is_furniture("member") and not is_furniture("<label>location")


def test_a_posters_name_and_a_colon_opens_a_quote_on_a_framed_page() -> None:
    """Discourse prints a quote's author as "alice:" over the quoted words; on a page whose
    frame names its posters, such a line opens a quote of that poster."""
    alice = ["alice", "Posted January 11, 2019", "", A, "", "Quote", ""]
    bob = ["bob", "Posted January 12, 2019", "", "alice:", A, "Only on paper.", "", "Quote", ""]
    carol = ["carol", "Posted January 13, 2019", "", C, "", "Quote", ""]
    text = "\n".join(["Rail or road?", "", *alice, *bob, *carol])
    thread = parse(text)
    assert [p.author for p in thread.posts] == ["alice", "bob", "carol"]
    quote = thread.posts[1].quotes[0]
    assert (quote.target, quote.author, quote.text) == (1, "alice", A)
    assert thread.posts[1].body == "Only on paper."


def test_a_sign_off_under_a_paragraph_break_ends_the_post_before() -> None:
    """Comments glued together (no blank line between them), the same sign-off closing two of
    one poster's comments: the second sign-off stands under a paragraph break, so a wider run
    of blank lines than the cut above the header, yet the page's headers do not open with
    rows under blank lines; it ends the post before and the comment opens at its avatar."""
    comments = [
        ("paolo", [A, "", "Thank you.", "Paolo"]),
        ("carlos", [B]),
        ("paolo", [C, "", "Paolo"]),
        ("carlos", ["Only on the busy corridors, as the figures in the report show for 2019."]),
    ]
    out = ["Rail freight", "", "Rail or road?", ""]
    for n, (name, words) in enumerate(comments):
        out += ["Avatar", "", f"{name} • {n + 2} years ago", "", *words]
    lines = out
    frame = find_frame(lines)
    assert frame is not None and frame.complete
    assert [lines[s] for s in frame.starts] == ["Avatar"] * 4
    thread = parse("\n".join(out))
    assert [p.author for p in thread.posts] == ["paolo", "carlos", "paolo", "carlos"]
    assert [p.lines[0] for p in thread.posts if p.lines] == [5, 13, 18, 25]


def test_smf_reply_line_is_no_name_and_quotes_link() -> None:
    """SMF prints "« on: DATE »" over the first post and "« Reply #N on: DATE »" over the
    others: the words beside the date are the engine's, not a poster's name; the name is the
    user block's, and "Quote from: X on DATE" finds X's post."""
    quote = ["Quote from: alice on May 01, 2019, 10:10:00 AM", A, C]
    posts = [("alice", [A]), ("bob", [B]), ("carol", quote), ("bob", ["Agreed, but slowly."])]
    out = ["Transport", "", "Rail or road?", ""]
    for n, (name, words) in enumerate(posts):
        on = (
            f"Reply #{n} on: May 0{n + 1}, 2019, 10:1{n}:00 AM"
            if n
            else "on: May 01, 2019, 09:00:00 AM"
        )
        out += [name, "Full Member", f"Posts: 1{n}4", "", "Re: " * (n > 0) + "Rail or road?"]
        out += [f"« {on} »", "", *words, "Logged", ""]
    thread = parse("\n".join(out))
    assert [p.author for p in thread.posts] == ["alice", "bob", "carol", "bob"]
    assert [(q.target, q.author) for q in thread.posts[2].quotes] == [(1, "alice")]


def test_an_age_in_other_languages_masks_as_an_age() -> None:
    """A comment widget localised prints its ages in the page's language: each is one age
    shape, so the name-and-age line recurs under every comment."""
    ages = ["Denis • 10 часов назад", "Zama • день назад", "Ola • 3 dni temu", "Jan • vor 2 Tagen"]
    assert [mask(a).split()[-1] for a in ages] == ["R"] * 4
    assert mask("il y a 3 jours") == mask("3 days ago") == "R"
    assert mask("день рождения") == "день рождения"  # no "ago": not an age


def test_hacker_news_comments_open_at_the_name_and_age_line() -> None:
    """Hacker News as w3m prints it: "name 3 hours ago [-]" over each comment, "reply" under
    it. The age line's shape is its age and the toggle after it (the name varies), and a key
    that keeps its kind ("<last>") still reads as a date that opens posts."""
    comments = [("peter", A), ("glenn", B), ("crab", C), ("arka", "Not on the branch lines.")]
    out = ["Hacker News new | comments", "", "Rail or road? (example.com)", ""]
    for n, (name, words) in enumerate(comments):
        out += [
            f"   {name} {n + 2} hours ago* [-]" if n == 1 else f"   {name} {n + 2} hours ago [-]"
        ]
        out += ["", f"   {words}", "", "   reply", ""]
    thread = parse("\n".join(out))
    assert [p.lines[0] for p in thread.posts if p.lines] == [5, 11, 17, 23]
    # an edit mark after an age is no part of its shape
    assert mask("glenn 3 hours ago* [-]") == "glenn R [-]"


def test_a_post_of_one_short_line_keeps_it_as_its_words(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Many one-line posts ("lol") in a dump whose names recur in shape ("user12"): the line is
    the post's words, never its author's title, and the next post keeps its name."""
    vocab = (A + " " + B + " " + C).rstrip(".").replace(",", "").split()
    replies = ["lol", "", "", "Source?", "", "", "", "lol", ""]
    posts = [
        (
            f"user{7 * n % 97}",
            f"Sep {1 + n % 28}, 2026",
            replies[n % 9] or " ".join(vocab[(n * k) % len(vocab)] for k in range(3, 15)) + ".",
        )
        for n in range(40)  # 41 words: each post's own order of them
    ]
    path = tmp_path / "dump.txt"
    path.write_text(
        "A thread of short replies\n\n" + "".join(f"{a}\n{d}\n{b}\n\n" for a, d, b in posts)
    )
    thread = load_thread(path)
    assert [(p.author, p.author_title, p.body) for p in thread.posts] == [
        (a, None, b) for a, _, b in posts
    ]


def test_a_header_name_is_a_name_not_a_toggle_a_bullet_or_an_age(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A comment widget's user rows: a collapse toggle glued to the name ("[–]bob"), a list
    item and an age under it. The author is the name alone; "* Reply" and "2 hours ago" never
    are."""
    vocab = (A + " " + B + " " + C).rstrip(".").replace(",", "").split()
    names = ["alice", "bob", "carol_x", "dave99"]
    blocks = [
        f"[–]{names[n % 4]}\n* Reply\n{n + 1} hours ago\n\n"
        + " ".join(vocab[(n * k) % len(vocab)] for k in range(3, 15))
        + ".\n\n"
        for n in range(1, 12)
    ]
    path = tmp_path / "comments.txt"
    path.write_text("Comments on the plan\n\n" + "".join(blocks))
    thread = load_thread(path)
    assert [p.author for p in thread.posts] == [names[n % 4] for n in range(1, 12)]
