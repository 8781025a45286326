"""Comment sections and user cards as crawlers flatten them: a WordPress comment list ("X says:",
its date, the words, "Reply"), its html2text form with markdown escapes, and a ProBoards user
block html2text glued into one line. Every page here is written for the test, in the shapes
lynx, w3m and html2text print; each post must start where its byline or user card starts."""

from __future__ import annotations

from parsing.frame import is_furniture, line_keys, mask
from parsing.models import Source
from parsing.text_reader import parse_text

WORDS = [
    "The recipe says two cups of sugar but I used one and a half and it was plenty sweet.",
    "Thanks for trying it! Less sugar works fine, the texture stays the same.",
    "Can I freeze the dough overnight or does it need to be baked the same day?",
    "Yes, wrap it tightly and it keeps for a week in the freezer without trouble.",
    "Mine came out flat, I think my baking powder was too old to do its job.",
    "That happens a lot, fresh baking powder makes all the difference here.",
]


def parse(text: str):  # type: ignore[no-untyped-def]
    return parse_text(text, Source(path="t.txt", format="text", sha256="0" * 64))


def starts(text: str) -> list[str]:
    lines = text.split("\n")
    return [lines[p.lines[0] - 1].strip() for p in parse(text).posts]


def article() -> list[str]:
    return [
        "Home   Recipes   About",
        "",
        "Grundrezept Muffins",
        "",
        "These muffins are the base for every variation on this site, quick and reliable.",
        "",
        "Mix the dry things first, then the wet ones, and never stir more than you must.",
        "",
        "6 Kommentare",
        "",
    ]


def test_german_comment_list_with_a_one_line_first_comment() -> None:
    """lynx: "1. X sagt:", a date with the month before the day in German, the words, then
    "Antworten" glued over the next comment's byline. The first comment is one short line, so
    its "Antworten" stands in the first header's block: it still closes that comment."""
    names = ["sarah", "admin", "Teodora", "Jo", "Lisa", "Anna"]
    months = ["Juli", "Februar", "März", "August", "Oktober", "Dezember"]
    out = article()
    for n, (name, month) in enumerate(zip(names, months, strict=True)):
        words = ["Warum zweimal Zucker?"] if n == 0 else [WORDS[n]]
        marker = f"{n // 2 + 1}." if n % 2 == 0 else "+"
        indent = "    " if n % 2 == 0 else "       "
        out += [f"{indent}{marker} {name} sagt:", f"{indent}   {month} {n + 3}, 2013 um 2:3{n} pm"]
        out += [f"{indent}   {w}" for w in words] + [f"{indent}   Antworten"]
    text = "\n".join(out)
    assert [p.author for p in parse(text).posts][-6:] == names
    assert starts(text)[-6:] == [
        "1. sarah sagt:",
        "+ admin sagt:",
        "2. Teodora sagt:",
        "+ Jo sagt:",
        "3. Lisa sagt:",
        "+ Anna sagt:",
    ]


def test_bulleted_says_bylines_under_a_reply_link() -> None:
    """w3m: "• X says:" and its date open a comment, a blank line, the words, "Reply" glued on
    top of the next byline (which the name makes differ on every comment)."""
    names = ["Tammy Ward", "rawson", "Chrissy Q", "YHMAG Editor", "Kanisha", "Ann"]
    out = article()
    for n, name in enumerate(names):
        out += [f"  • mail{n}@example.org'mail{n}@example.org' {name} says:"]
        out += [
            f"    December {n + 2}, 2019 at {n + 1}:46 pm",
            "",
            f"    {WORDS[n]}",
            "",
            "    Reply",
        ]
    text = "\n".join(out)
    got = starts(text)
    assert [s.split("' ", 1)[-1] for s in got[-6:]] == [f"{name} says:" for name in names]
    assert [p.author for p in parse(text).posts][-6:] == names  # no bullet, no address


def test_html2text_dates_with_escapes_and_a_time_before_uhr() -> None:
    """html2text escapes the day's full stop ("22\\. Dezember") and prints "11:27 Uhr": the date
    line is one shape on every comment, so the byline over it opens each comment."""
    assert mask("22. Dezember 2019 um 11:27 Uhr") == "D um Tuhr"
    assert line_keys("22\\. Dezember 2019 um 11:27 Uhr")[0] == "D um Tuhr"
    assert mask("at 4:05 pm") == "at T"
    names = ["Gitta", "Peter Addor", "Thomas", "Elisabeth", "Claudia", "Sigi"]
    out = article()
    for n, name in enumerate(names):
        out += [f"  * ![](https://example.org/avatar/{n}?s=48) **{name}** sagt:", ""]
        out += [f"[ 2{n}\\. Dezember 2019 um 1{n}:27 Uhr  ](https://example.org/p#c{n})", ""]
        out += [WORDS[n], "", "[Antworten](https://example.org/p?replytocom=1)", ""]
    text = "\n".join(out)
    assert [s.rsplit("**", 2)[-2] for s in starts(text)[-6:]] == names


def test_a_name_glued_to_its_user_block_still_frames_the_post() -> None:
    """html2text glues a ProBoards user block into one line ("simoneSenior MemberAvatarPosts:
    5425"): the name differs on every post, the rank, avatar and count label do not."""
    assert line_keys("simoneSenior MemberAvatarPosts: 5425")[-1] == "<last>avatar posts: 0"
    users = [("simone", 5425), ("gansao", 8214), ("Another opinion", 8664)] * 2
    out = ["Home Search Login", "", "Home » Debate » Health", "", "## Health", ""]
    for n, (name, count) in enumerate(users):
        out += [f"{name}Senior Member![Avatar](a.png)Posts: {count}"]
        out += [f"Likes: {count // 30}| Oct 17, 2008 at {n + 1}:34pm{WORDS[n]}", ""]
        out += [WORDS[(n + 1) % 6], "", "  * Like", "  * Quote", "", ""]
    text = "\n".join(out)
    assert starts(text) == [f"{name}Senior Member![Avatar](a.png)Posts: {c}" for name, c in users]


def test_a_time_glued_to_the_word_after_it_is_still_a_stamp() -> None:
    """ "- 13:11 Permanenter Link" masks to "- Tpermanenter link" (the time's mask takes the space
    after it): the line still holds a time, so it may anchor a Drupal comment's frame."""
    key = line_keys("malte am 18. Oktober 2023 - 19:48 Permanenter Link")[-1]
    assert key == "<last>- Tpermanenter link"
    assert is_furniture(key)
    assert not is_furniture("<last>the permanent link")
