"""Real tools' layouts of framed pages, on small pages written here: a XenForo 2 user block that
a text browser prints with its name twice and each count under its label, quote openers and
closers in a language the reader has no words for, and an article over a framed comment
section. Each shape is read from the page's own repetition."""

from __future__ import annotations

from parsing.frame import find_frame
from parsing.models import Source
from parsing.text_reader import parse_text

A = "Night trains beat short flights on distances under a thousand kilometres, door to door."
B = "Only if the sleeper cars are cheap; a couchette costs more than the budget airline seat."
C = "The price gap closes once you count the hotel night a sleeper train saves you anyway."
D = "Rail operators should sell sleeper seats like airlines do, with fares that fall early."


def parse(text: str):  # type: ignore[no-untyped-def]
    return parse_text(text, Source(path="t.txt", format="text", sha256="0" * 64))


def user_block(name: str, title: str, n: int) -> list[str]:
    """A user block as w3m prints one: name, title, the name under the avatar, the name and
    title again, then each count on the line under its label, the date and the post number."""
    return [
        name, "", title, "", name, "", name, "", title, "",
        "Beiträge", f"    {40 + n * 17}", "", "Reaktionen", f"    {n * 3}", "",
        "Punkte", "    0", "", f"1{n} Januar 2019", "", "  •  ", f"  • #{n}", "",
    ]  # fmt: skip


def quoted(name: str, words: str) -> list[str]:
    return [f"    {name} schrieb:", f"    {words}", "    Zum Erweitern klicken..."]


def forum_page() -> str:
    """Four posts; two quote earlier ones under "X schrieb:" and a "Zum Erweitern klicken..."
    line, and two liked posts end with a "Like" row and the names who liked them."""
    out = ["Forum", "", "Nachtzüge oder Flüge?", "", "  • Autor Ida", ""]
    posts = [
        ("ida", "Mitglied", [A], ["  • Like", "", "Reaktionen: kurt", ""]),
        ("kurt", "Moderator", [*quoted("ida", A), "", B], []),
        ("lena", "Mitglied", [C], ["  • Like", "", "Reaktionen: ida und kurt", ""]),
        ("ida", "Mitglied", [*quoted("kurt", B), "", D], []),
    ]  # fmt: skip
    for n, (name, title, words, footer) in enumerate(posts, start=1):
        out += [*user_block(name, title, n), *words, " ", "", *footer]
    out += ["Du musst dich anmelden, um zu antworten.", "", "Teilen: Facebook Twitter E-Mail"]
    return "\n".join(out)


def test_user_block_printed_twice_opens_at_its_first_row() -> None:
    text = forum_page()
    lines = text.split("\n")
    frame = find_frame(lines)
    assert frame is not None and frame.complete
    # each post opens at the first copy of the name, not at the counts or the name's last copy;
    # the "Like" and reactions rows above it stay with the post before
    assert [lines[s] for s in frame.starts] == ["ida", "kurt", "lena", "ida"]
    assert [h.author for h in frame.headers] == ["ida", "kurt", "lena", "ida"]
    thread = parse(text)
    assert [p.author for p in thread.posts] == ["ida", "kurt", "lena", "ida"]
    liked = lines.index("Reaktionen: kurt") + 1
    first, second = thread.posts[0].lines, thread.posts[1].lines
    assert first is not None and second is not None
    assert first[0] < liked <= first[1] < second[0]


def test_quote_opener_and_closer_learned_from_the_page() -> None:
    thread = parse(forum_page())
    quotes = [(p.number, q.target, q.author) for p in thread.posts for q in p.quotes]
    # "X schrieb:" names a poster and recurs: it opens a quote; the line under every quote ends
    # it, so the reply's own words after it are not quoted
    assert quotes == [(2, 1, "ida"), (4, 2, "kurt")]
    reply = thread.posts[1]
    assert B in reply.body and "Zum Erweitern" not in reply.body and "schrieb:" not in reply.body


def comment_page() -> str:
    """A blog article, its byline, then three comments framed by 'X says:' and a date."""
    article = [
        "Home  Blog  About", "", "Why sleeper trains are back", "",
        "By Ida Berg  March 3, 2021", "",
        f"{A} {C}", "", f"{D} {B}", "",
        "Operators are ordering new carriages for the first time in decades, and the routes that "
        "were closed are returning one by one across the continent.", "",
        "3 thoughts on “Why sleeper trains are back”", "",
    ]  # fmt: skip
    comments = []
    for n, (name, words) in enumerate([("kurt", B), ("lena", C), ("ida", D)], start=1):
        comments += [
            f"  {n}. {name} says:",
            f"     March {n + 3}, 2021 at 9:1{n} am",
            "",
            words,
            "     Reply",
            "",
        ]
    return "\n".join([*article, *comments, "Leave a Reply", "", "Subscribe to our newsletter"])


def test_article_over_framed_comments_is_the_opening_post() -> None:
    text = comment_page()
    lines = text.split("\n")
    thread = parse(text)
    assert [lines[p.lines[0] - 1].strip() for p in thread.posts if p.lines] == [
        "Why sleeper trains are back",
        "1. kurt says:",
        "2. lena says:",
        "3. ida says:",
    ]
    assert thread.title == "Why sleeper trains are back"
    # the page's lines under the last comment's footer are chrome, not the last comment's words
    last = thread.posts[-1]
    assert last.lines is not None and "Subscribe" not in last.body
