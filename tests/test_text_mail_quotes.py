"""Quotes marked the mail way (`>` runs, as mailing lists and usenet print them): each run is
one quote of the message whose words it repeats, whatever its nesting or wrapping."""

from __future__ import annotations

from parsing.mail_quotes import quote_runs
from parsing.models import Source, Thread
from parsing.text_reader import parse_text

SOURCE = Source(path="t.txt", format="text", sha256="0" * 64)

THREAD = (
    """Is the standards process broken?

From: Ann Example <ann@example.org>
Date: 2001-05-16

Various people at various times have asserted that the process by which the
standard is being developed is broken, and that those responsible should fix it.

I believe this change in responsibility stems from the perception that the old
standard was made by one country for one country, whatever others thought of it.

From: Bob Sample <bob@example.net>
Date: 2001-05-17

Ann Example wrote:
> Various people at various times have asserted that the process by which the
> standard is being developed is broken, and that those responsible should
fix it.

Broken is a strong word, but the pace has been glacial for a decade now.

> I believe this change in responsibility stems from the perception that the old
> standard was made by one country for one country, whatever others thought of it.

That perception was right, in my view, and nobody outside ever hid it.

"""
    + "-- "
    + """
Bob

From: Carol Third <carol@example.com>
Date: 2001-05-18

Bob Sample wrote:
> Ann Example wrote:
> > I believe this change in responsibility stems from the perception that the old
> > standard was made by one country for one country, whatever others thought of it.
>
> That perception was right, in my view, and nobody outside ever hid it.

I disagree with both of you: the committee listened to every national body it heard.
"""
)


def parse(text: str) -> Thread:
    return parse_text(text, SOURCE)


def test_each_marked_run_is_one_quote_of_the_message_it_repeats() -> None:
    thread = parse(THREAD)
    assert [p.lines[0] for p in thread.posts if p.lines] == [3, 12, 30]
    bob, carol = thread.posts[1], thread.posts[2]
    # the "wrote:" line is the quote's marker; the overflow Outlook left unmarked is quoted
    assert [(q.target, q.lines) for q in bob.quotes] == [(1, (16, 18)), (1, (22, 23))]
    assert "fix it." in bob.quotes[0].text
    # a quote of a quote, a quoted blank line and the words quoted from Bob: one quote, of
    # the earliest message whose own words it repeats
    assert [(q.target, q.lines) for q in carol.quotes] == [(1, (34, 38))]


def test_a_console_session_is_not_a_quote() -> None:
    lines = [
        "I tried it in the console:",
        ">>> volume = loader.read_volume('scan_01')",
        ">>> copy = loader.clone(volume)",
        "Traceback (most recent call last):",
        ">>> values = reader.array_of(copy)",
        ">>> print(values.shape)",
        "",
        "> 8) LEVEL 66 AND 77 OBSOLETE.",
    ]
    assert quote_runs(lines) == [(7, 7)]


REWRAPPED = (
    """From: Alice Rowe <alice@example.org>
Date: 2020-03-02
Subject: Moving the build to the new runners

I would like to move our nightly build to the new runners because the old
machines keep failing on the long integration suite every other night.
The cost is about the same as before.

From: Bob Stone <bob@example.org>
Date: 2020-03-02
Subject: Re: Moving the build to the new runners

Alice Rowe wrote:
> I would like to move our nightly build to the new runners because the old machines """
    + """keep failing on the long integration suite every other night.

They fail because the suite leaks temp files, not because of the hardware.
"""
)


def test_a_quote_rewrapped_onto_one_line_is_found_in_the_lines_it_joins() -> None:
    thread = parse(REWRAPPED)
    bob = thread.posts[1]
    assert [(q.target, q.lines) for q in bob.quotes] == [(1, (14, 14))]
    # a line that holds more than the paragraph it repeats is no quote of it
    told = parse(
        REWRAPPED.replace(
            "> I would like to move our nightly build to the new runners because the old machines",
            "> So I heard that I would like to move our nightly build to the new runners because "
            "the old machines",
        )
    )
    assert [(q.target, q.lines) for q in told.posts[1].quotes] == [(None, (14, 14))]
