"""Mail archives read as threads: every message opens with its header block (From/Date/Subject
lines), which is its frame and never its words; what stands over the block (an mbox `From `
line, a digest's `Message: N`, the subject heading an archive prints) opens the message too; the
footer the list puts under every message and a `-- ` signature are frame; `>` quotes are linked
by their words and read without their marks. The threads are our own words."""

from __future__ import annotations

from parsing.mail_frame import find_mail_frame, subject_key
from parsing.models import Source, Thread
from parsing.text_reader import parse_text

SOURCE = Source(path="t.txt", format="text", sha256="0" * 64)

FOOTER = """_______________________________________________
Garden-talk mailing list
Garden-talk at lists.example.org
https://lists.example.org/listinfo/garden-talk
"""

# A Pipermail month as the archive serves it (.txt): mbox separator, fields, body, list footer.
MONTH = (
    """From ann at example.org  Tue Mar  3 09:12:40 2015
From: ann at example.org (Ann Example)
Date: Tue, 03 Mar 2015 09:12:40 +0100
Subject: [Garden-talk] Should the allotment ban peat compost?
Message-ID: <1001@example.org>

The committee wants to ban peat compost on every plot from next spring.
Peat bogs store carbon for thousands of years, and digging them out releases it.

I propose we vote on the ban at the April meeting.

"""
    + "-- "  # a signature's rule line ends in a space
    + """
Ann Example, plot 12
"""
    + FOOTER
    + """
From bob at example.net  Tue Mar  3 11:40:02 2015
From: bob at example.net (Bob Sample)
Date: Tue, 03 Mar 2015 11:40:02 +0100
Subject: [Garden-talk] Re: Should the allotment ban peat compost?
In-Reply-To: <1001@example.org>
References: <1001@example.org>
Message-ID: <1002@example.net>

On Tue, Mar 3, 2015 at 9:12 AM, Ann Example <ann at
example.org> wrote:

> The committee wants to ban peat compost on every plot from next spring.
> Peat bogs store carbon for thousands of years, and digging them out releases it.
>

A ban punishes the plot holders who cannot make their own compost yet.
Seedlings fail in garden soil, and the shop alternatives cost twice as much.

-----Original Message-----
From: Carol Third
Sent: Monday, March 2, 2015 8:00 PM
To: Garden-talk
Subject: seed swap

Bring your spare seeds on Saturday.
"""
    + FOOTER
    + """
From carol at example.com  Wed Mar  4 08:05:17 2015
From: carol at example.com (Carol Third)
Date: Wed, 04 Mar 2015 08:05:17 +0100
Subject: [Garden-talk] Re: Should the allotment ban peat compost?
In-Reply-To: <1002@example.net>
Message-ID: <1003@example.com>

Bob Sample wrote:
> On Tue, Mar 3, 2015 at 9:12 AM, Ann Example <ann at example.org> wrote:
> > Peat bogs store carbon for thousands of years, and digging them out releases it.
> A ban punishes the plot holders who cannot make their own compost yet.

Then the allotment should sell bulk compost at cost, and the ban can wait a year.
"""
    + FOOTER
)


def parse(text: str) -> Thread:
    return parse_text(text, SOURCE)


def test_messages_open_at_the_mbox_line_over_their_header_block() -> None:
    thread = parse(MONTH)
    lines = MONTH.split("\n")
    starts = [p.lines[0] for p in thread.posts]
    assert [lines[s - 1].split()[1] for s in starts] == ["ann", "bob", "carol"]
    assert all(lines[s - 1].startswith("From ") for s in starts)
    assert [p.author for p in thread.posts] == ["Ann Example", "Bob Sample", "Carol Third"]
    assert [str(p.date) for p in thread.posts] == ["2015-03-03", "2015-03-03", "2015-03-04"]


def test_header_fields_footer_and_signature_are_frame_not_words() -> None:
    thread = parse(MONTH)
    for post in thread.posts:
        assert "Date:" not in post.body
        assert "Message-ID" not in post.body
        assert "mailing list" not in post.body
        assert "listinfo" not in post.body
        assert ">" not in post.body  # no quote mark, not even of a quoted blank line
    ann = thread.posts[0]
    assert ann.body.startswith("The committee wants to ban peat compost")
    assert ann.body.endswith("at the April meeting.")
    assert "plot 12" not in ann.body


def test_a_quoted_header_block_inside_a_message_opens_no_message() -> None:
    """Outlook's "-----Original Message-----" block is the quoted message's header."""
    thread = parse(MONTH)
    assert len(thread.posts) == 3
    assert "Bring your spare seeds on Saturday." in thread.posts[1].body


def test_quotes_link_by_their_words_and_read_without_marks() -> None:
    thread = parse(MONTH)
    bob, carol = thread.posts[1], thread.posts[2]
    # the attribution a mail client wrapped over two lines marks the quote; it is no one's words
    assert "wrote:" not in bob.body and "Ann Example <ann" not in bob.body
    assert [q.target for q in bob.quotes] == [1]
    assert bob.quotes[0].text.startswith("The committee wants to ban peat compost")
    # a quote of a quote ("> >") and the quoted reply: one quote, of the message its own
    # telling words come from, not of the quoted attribution every reply prints
    assert len(carol.quotes) == 1
    quote = carol.quotes[0]
    assert quote.target == 1
    assert not any(line.lstrip().startswith(">") for line in quote.text.split("\n"))
    assert "Peat bogs store carbon" in quote.text
    assert carol.body == (
        "Then the allotment should sell bulk compost at cost, and the ban can wait a year."
    )


# A Mailman digest: a head, then "Message: N" over each message's fields, rules between.
DIGEST = """Send Garden-talk mailing list submissions to
\tgarden-talk@lists.example.org

Today's Topics:

   1. Peat ban (Ann Example)
   2. Re: Peat ban (Bob Sample)


----------------------------------------------------------------------

Message: 1
Date: Tue, 3 Mar 2015 09:12:40 +0100
From: Ann Example <ann@example.org>
To: garden-talk@lists.example.org
Subject: [Garden-talk] Peat ban
Message-ID:
\t<1001@example.org>
Content-Type: text/plain; charset="utf-8"

The committee wants to ban peat compost on every plot from next spring.

------------------------------

Message: 2
Date: Tue, 3 Mar 2015 11:40:02 +0100
From: "Bob Sample" <bob@example.net>
To: garden-talk@lists.example.org
Subject: Re: [Garden-talk] Peat ban
Message-ID: <1002@example.net>
Content-Type: text/plain; charset="utf-8"

> The committee wants to ban peat compost on every plot from next spring.

A ban punishes the plot holders who cannot make their own compost yet.

------------------------------

End of Garden-talk Digest, Vol 1, Issue 1
"""


def test_a_digest_message_opens_at_its_message_number() -> None:
    thread = parse(DIGEST)
    lines = DIGEST.split("\n")
    assert [lines[p.lines[0] - 1] for p in thread.posts] == ["Message: 1", "Message: 2"]
    assert [p.author for p in thread.posts] == ["Ann Example", "Bob Sample"]
    assert [q.target for q in thread.posts[1].quotes] == [1]
    assert "Today's Topics" not in " ".join(p.body for p in thread.posts)


# A news archive's page rendered in Markdown: a subject heading over each message's fields,
# reply depth shown by arrows, no Subject field.
NEWS = """# Peat ban

_2 messages_

### Peat ban

- **From:** "Ann Example" <ann@example.org>
- **Date:** 2015-03-03T09:12:40+01:00

The committee wants to ban peat compost on every plot from next spring.

#### ↳ Re: Peat ban

_(reply depth: 1)_

- **From:** bob@example.net (Bob Sample)
- **Date:** 2015-03-03T11:40:02+01:00

> The committee wants to ban peat compost on every plot from next spring.

A ban punishes the plot holders who cannot make their own compost yet.
"""


def test_a_subject_heading_over_the_fields_opens_the_message() -> None:
    thread = parse(NEWS)
    lines = NEWS.split("\n")
    assert [lines[p.lines[0] - 1] for p in thread.posts] == ["### Peat ban", "#### ↳ Re: Peat ban"]
    assert [p.author for p in thread.posts] == ["Ann Example", "Bob Sample"]
    assert [q.target for q in thread.posts[1].quotes] == [1]


def test_a_forum_page_with_one_label_block_is_no_mail_archive() -> None:
    lines = ["alice", "From: Denmark", "Posts: 12", "", "Nice pictures!", "", "bob", "Posts: 3"]
    assert find_mail_frame(lines) is None


def test_subjects_compare_without_reply_tags_and_marks() -> None:
    assert subject_key("#### ↳ Re: [Garden-talk] AW: Peat ban") == "peat ban"


# An archive's page of one message (Hypermail laid out by lynx): title and navigation above the
# From/Date block, the same navigation under the message.
ONE_MESSAGE = """Re: Peat ban

     * Related messages: [ Next message ] [ Previous message ] [ In reply to ]
     * Contemporary messages sorted: [ by date ] [ by thread ] [ by subject ] [ by author ]


    From: Bob Sample <bob.example.net>
    Date: Tue, 03 Mar 2015 11:40:02 +0100

   Ann Example wrote:
   > The committee wants to ban peat compost on every plot from next spring.

   A ban punishes the plot holders who cannot make their own compost yet.
   Seedlings fail in garden soil, and the shop alternatives cost twice as much.

   Would a year's delay and bulk compost at cost satisfy the committee?
   Received on Tue Mar 03 2015 - 11:40:02 CET

     * Related messages: [ Next message ] [ Previous message ] [ In reply to ]
     * Contemporary messages sorted: [ by date ] [ by thread ] [ by subject ] [ by author ]
"""


def test_a_page_of_one_message_is_one_post_under_its_header() -> None:
    thread = parse(ONE_MESSAGE)
    lines = ONE_MESSAGE.split("\n")
    assert len(thread.posts) == 1
    post = thread.posts[0]
    assert lines[post.lines[0] - 1].strip().startswith("From: Bob Sample")
    assert post.author == "Bob Sample"
    assert "Next message" not in post.body  # the page's navigation, above and below
    assert "Would a year's delay" in post.body
    # the quoted message is on another page: a quote, linked to no post here
    assert [(q.target, q.lines) for q in post.quotes] == [(None, (11, 11))]


# html2text prints a forum's quote boxes as '>' lines; a wordless '>' between two boxes of the
# forum's own "X wrote:" frame is the forum's, not a mail quote's, and stays between them.
def test_wordless_marks_join_only_mail_quotes() -> None:
    from parsing.mail_frame import bare_marks

    lines = ["> quoted words", ">", "", "own words", ">", "> > more quoted", "", ">"]
    assert bare_marks(lines, {0, 5}, everywhere=False) == {1, 4}
    assert bare_marks(lines, {0, 5}, everywhere=True) == {1, 4, 7}


# Pipermail's HTML page of one message, as text: the sender's name and address over the date,
# no field names.
PIPERMAIL_PAGE = """[Garden-talk] Peat ban

Bob Sample bob at example.net
Tue Mar  3 11:40:02 CET 2015
Previous message: [Garden-talk] Peat ban
Next message: [Garden-talk] Seed swap
Messages sorted by: [ date ] [ thread ] [ subject ] [ author ]
On 03/03/15, Ann Example <ann at example.org> wrote:
> The committee wants to ban peat compost on every plot from next spring.

A ban punishes the plot holders who cannot make their own compost yet.

Seedlings fail in garden soil, and the shop alternatives cost twice as much.
Previous message: [Garden-talk] Peat ban
Next message: [Garden-talk] Seed swap
Messages sorted by: [ date ] [ thread ] [ subject ] [ author ]
"""


def test_a_pipermail_message_page_is_one_post_by_its_sender() -> None:
    thread = parse(PIPERMAIL_PAGE)
    assert [(p.lines[0], p.author, str(p.date)) for p in thread.posts] == [
        (3, "Bob Sample", "2015-03-03")
    ]
    body = thread.posts[0].body
    assert "Next message" not in body and "wrote:" not in body
    assert body.startswith("A ban punishes")
