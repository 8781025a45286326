"""Thread pages that print each message under a row of its sender and its date with no field
names (Google Groups, HyperKitty laid out as text): the rows are read from the page's own
repetition, and the chrome every message repeats under its date is frame, never words. The
threads are our own words."""

from __future__ import annotations

from parsing.mail_frame import find_sender_rows
from parsing.residue import plain_lines

CHROME = """






Reply to author

Sign in to reply to author

Forward

Sign in to forward

Delete

You may not delete messages in this group

Copy link

Report message

Show original message

Addresses are hidden in this group, or you may not see who wrote to it

"""


def message(name: str, date: str, to: str, body: str) -> str:
    return (
        f"![{name}'s profile photo](//img.example.org/a-/{len(name)}=s40-c)\n\n### {name}\n\n"
        f"unread,\n\n{date}\n{CHROME}to {to}\n\n{body}\n\n"
    )


# A Google Groups thread saved as markdown: avatar, name, "unread,", date, buttons, recipients.
GROUP = (
    "# Should the allotment ban peat compost?\n\n31 views\n\nSkip to first unread message\n\n"
    + message(
        "Ann Example",
        "Mar 3, 2015, 9:12:40 AM3/3/15",
        "Garden Talk",
        "The committee wants to ban peat compost on every plot from next spring.\n"
        "Peat bogs store carbon for thousands of years, and digging them out releases it.\n\n"
        "Thanks,\n\nAnn Example",
    )
    + message(
        "Bob Sample",
        "Mar 3, 2015, 11:02:05 AM3/3/15",
        "Ann Example, Garden Talk",
        "A ban is heavy-handed when most of us already buy peat-free bags.\n\n"
        "> Peat bogs store carbon for thousands of years, and digging them out releases it.\n\n"
        "True, but the plots use a few bags a year between them.\n\nCheers,\n\nBob Sample\n\n"
        "> --\n> You received this message because you are subscribed to Garden Talk.",
    )
    + message(
        "Ann Example",
        "Mar 4, 2015, 8:30:00 AM3/4/15",
        "Bob Sample, Garden Talk",
        "> A ban is heavy-handed when most of us already buy peat-free bags.\n\n"
        "Then nobody loses anything by it, and the rule keeps the new tenants honest.",
    )
    + "Reply all\n\nReply to author\n\nForward\n\n0 new messages\n"
)


def test_messages_open_at_their_sender_rows_and_the_chrome_is_frame() -> None:
    lines = GROUP.split("\n")
    frame = find_sender_rows(plain_lines(lines))
    assert frame is not None and frame.complete
    assert [h.author for h in frame.headers] == ["Ann Example", "Bob Sample", "Ann Example"]
    # a message opens at the avatar that names its sender, over its name and date rows
    assert [lines[h.start] for h in frame.headers] == [
        "![Ann Example's profile photo](//img.example.org/a-/11=s40-c)",
        "![Bob Sample's profile photo](//img.example.org/a-/10=s40-c)",
        "![Ann Example's profile photo](//img.example.org/a-/11=s40-c)",
    ]
    # the buttons every message repeats and the recipients line close its header
    assert [lines[h.end] for h in frame.headers] == [
        "to Garden Talk",
        "to Ann Example, Garden Talk",
        "to Bob Sample, Garden Talk",
    ]
    assert frame.starts == [h.start for h in frame.headers]


def test_one_sender_on_every_row_or_dates_inside_prose_make_no_rows() -> None:
    alone = GROUP.replace("Bob Sample", "Ann Example")
    assert find_sender_rows(plain_lines(alone.split("\n"))) is None
    prose = "\n\n".join(
        f"Carol Third\nWe met on Mar {n}, 2015 at the gate and agreed nothing." for n in range(3, 9)
    )
    assert find_sender_rows(plain_lines(prose.split("\n"))) is None
