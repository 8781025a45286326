"""Pages as real flattening tools print them: html2text's markdown residue (links with their
addresses, bold names, list and quote marks, definition lists, avatars), and user blocks whose
rows inscriptis and html2text part with blank lines. Each page is read by its own frame: posts
open at the user's name, quotes link to the post they repeat, a post keeps its own words (links
and all)."""

from __future__ import annotations

from parsing.frame import mask
from parsing.headers import find_quote_frames, inner_quotes
from parsing.models import Source
from parsing.residue import plain, plain_lines
from parsing.text_reader import parse_text

A = "Rail freight beats lorries on long routes because one train moves fifty trailers at once."
B = "Only where the line is electrified, otherwise the diesel cost eats the margin away."
C = "Electrification pays for itself within twenty years on the busy corridors anyway."
D = "Then the question is who pays for the wires, and the taxpayer is the usual answer."


def parse(text: str):  # type: ignore[no-untyped-def]
    return parse_text(text, Source(path="t.txt", format="text", sha256="0" * 64))


def vbulletin_markdown(posts: list[tuple[str, list[str]]]) -> str:
    """A vBulletin 4 page as html2text prints it: a numbered list item holding the date and a
    linked post number, the bold linked name, profile links, a definition list of counters,
    quotes as `>` lines, a reply link and a rule under every post."""
    out = ["[Forum](forum.php)", "", "# Rail or road?", ""]
    for n, (name, words) in enumerate(posts, start=1):
        link = f"showthread.php/9687-rail?p={3650 + n}&viewfull=1#post{3650 + n}"
        out += [f"  {n}. 06-1{n}-2016, 0{n}:03 PM [#{n}]({link})", ""]
        out += [f'[**{name}**](member.php/{13 * n}-{name} "{name} is offline")']
        out += [f"     * [ View Profile ](member.php/{13 * n}-{name})", ""]
        out += [f"![{name} is offline](images/statusicon/user-offline.png)", "", "* * *", ""]
        out += ["Join Date", f"    Oct 201{n}", "Posts", f"    {n * 1231:,}", ""]
        out += [*words, ""]
        out += [f"[![Reply](clear.gif) Reply With Quote](newreply.php?p={3650 + n})", ""]
        out += ["* * *", ""]
    return "\n".join(out)


def test_a_markdown_page_is_read_through_its_links_and_marks() -> None:
    text = vbulletin_markdown(
        [
            ("alice", [A, "", "See [the report](http://example.org/rail.pdf) for figures."]),
            ("bob", ["> Quote: Originally Posted by **alice**", f"> {A}", "", B]),
            ("carol", [C]),
            ("dave", ["> Quote: Originally Posted by **bob**", f"> {B}", "", D]),
        ]
    )
    lines = text.split("\n")
    thread = parse(text)
    dated = [line for line in lines if line[:4] in ("  1.", "  2.", "  3.", "  4.")]
    assert [(p.author, lines[p.lines[0] - 1]) for p in thread.posts] == list(
        zip(("alice", "bob", "carol", "dave"), dated, strict=True)
    )
    assert thread.title == "Rail or road?"
    bob, dave = thread.posts[1], thread.posts[3]
    assert [(q.author, q.target) for q in bob.quotes] == [("alice", 1)]
    assert [(q.author, q.target) for q in dave.quotes] == [("bob", 2)]
    # the link's address is the poster's evidence: a post keeps its own words as written
    assert "(http://example.org/rail.pdf)" in thread.posts[0].body


def test_plain_reads_markdown_residue_line_for_line() -> None:
    assert plain('[**Rainmaker**](member.php/13985-Rainmaker "Rainmaker is offline")') == (
        "Rainmaker"
    )
    assert plain("  2. 06-15-2016, 05:21 PM [#2](showthread.php?p=365267#post365267)") == (
        "06-15-2016, 05:21 PM #2"
    )
    assert plain("#### [Electronik](/members/electronik.30918/)") == "Electronik"
    assert plain("[ ![Electronik](/data/avatars/l/30/30918.jpg) ](/members/electronik.30918/)") == (
        "![Electronik]"
    )
    assert plain("> [Hydra~ said:](/goto/post?id=12110)") == "Hydra~ said:"
    assert plain(">") == ""
    assert plain("* * *") == "* * *"
    assert plain("Plain words, no residue.") == "Plain words, no residue."
    # a page without link residue is read as it is, list marks and all
    page = ["Rail or road?", "", "  * one", "  2. two"]
    assert plain_lines(page) is page


def test_a_label_over_values_reads_beside_them_a_name_over_its_date_does_not() -> None:
    page = [
        "[a](x)",
        "[b](y)",
        "[c](z)",
        "Posts",
        "    3,882",
        "Posts",
        "    2,964",
        "Pickled Tink",
        "    Apr 28, 2012",
        "Pickled Tink",
        "    Apr 28, 2012",
    ]
    view = plain_lines(page)
    assert view[4] == "Posts 3,882" and view[6] == "Posts 2,964"
    assert view[8] == "    Apr 28, 2012"


def xenforo_rows(posts: list[tuple[str, str | None, list[str]]]) -> str:
    """A XenForo 2 page as inscriptis prints it: the user block's rows (name, custom title,
    the name again under the avatar, the title again) one blank line apart, the counters on
    one line, the date and the post number, the words; three blank lines between posts and
    a reactions line under some."""
    out = ["Forums", "", "What's new", "", "Members", "", "Log in", "", "Register", ""]
    out += ["Transport", "", "Rail or road?", "", "Thread starter alice", "", ""]
    for n, (name, title, words) in enumerate(posts, start=1):
        rows = [name, title, name, title] if title else [name, name]
        for row in rows:
            out += [row, ""]
        out += [f"Messages {n * 97} Reaction score {n * 7} Points 0", f"1{n} August 2013"]
        out += ["*", f"* #{n}", *words]
        if n % 3 == 0:
            out += ["", "*", "Reactions: alice"]
        out += ["", "", ""]
    return "\n".join(out)


def test_a_user_block_over_blank_separated_rows_opens_at_the_name() -> None:
    posts = [
        ("alice", "Radioactive walrus.", [A]),
        ("bob", None, [B]),
        ("carol", "Well-known member", [C]),
        ("alice", "Radioactive walrus.", [D]),
        ("bob", None, ["Wires first, then trains, and the lorries can wait a decade."]),
        ("carol", "Well-known member", ["Agreed on that much, though not on the money."]),
    ]
    text = xenforo_rows(posts)
    lines = text.split("\n")
    thread = parse(text)
    opened = [lines[p.lines[0] - 1] for p in thread.posts]
    assert opened == [name for name, _, _ in posts]
    assert [p.author for p in thread.posts] == [name for name, _, _ in posts]
    # a month in any language and a weekday in front are both a date's shape
    assert mask("13 Август 2013") == mask("1 August 2013") == "D"
    assert mask("by Al » Sun May 26, 2019 4:34 pm") == mask("by Al » Mon May 27, 2019 5:10 pm")


def test_quote_closers_are_found_among_markers_not_by_scanning() -> None:
    lines = ["alice said:", "bob said:", B, "Click to expand...", A, "Click to expand...", C]
    frames = find_quote_frames(lines)
    assert [(f.start, f.end, f.author) for f in frames] == [(0, 5, "alice")]
    assert inner_quotes(lines, 1, 4) == [(1, 3, "bob")]
    # an opener whose closer is further on than the limit stays open-ended
    far = ["alice said:", *[A] * 5, "Click to expand..."]
    assert [(f.end, f.open_end) for f in find_quote_frames(far, limit=3)] == [(0, True)]
