"""HTML to text: what a reader of the post sees, with link addresses kept as evidence."""

from __future__ import annotations

import datetime as dt

import pytest
from selectolax.lexbor import LexborHTMLParser

from parsing.html import dates
from parsing.html.text import plain


def text(html: str) -> str:
    return plain(LexborHTMLParser(f"<div id=r>{html}</div>").css_first("#r"))


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("one<br>two<br><br>three", "one\ntwo\n\nthree"),
        ("<p>first</p><p>second</p>", "first\n\nsecond"),
        ("a\n   b\t c", "a b c"),
        (
            'see <a href="https://x.org/r.pdf">the report</a>.',
            "see the report (https://x.org/r.pdf).",
        ),
        ('<a href="https://x.org/a">https://x.org/a</a>', "https://x.org/a"),
        ('<a href="https://x.org/a">x.org/a</a>', "x.org/a"),
        (
            '<a href="https://t.co/abcdefghijklmnop?s=1">https://t.co/abc...nop?s=1</a>',
            "https://t.co/abcdefghijklmnop?s=1",
        ),
        ('<a href="/members/bob.3/">@bob</a> hi', "@bob hi"),
        (
            '<a href="https://x.org/big.png"><img src="https://x.org/small.png"></a>',
            "[image: https://x.org/big.png]",
        ),
        ('ok <img class="smilie" alt=":)" src="data:,"> fine', "ok :) fine"),
        (
            '<img src="https://f.example/emoticons/emot-smith.gif" alt="" title=":smith:">',
            ":smith:",
        ),
        ("<ul><li>one</li><li>two</li></ul>", "- one\n- two"),
        ("x<pre>  indented\n    more</pre>y", "x\n\n  indented\n    more\n\ny"),
        ("<script>alert(1)</script><style>p{}</style>shown", "shown"),
        ("a &amp; b &lt;c&gt; &#8220;q&#8221;", "a & b <c> “q”"),
    ],
)
def test_rendering(html: str, expected: str) -> None:
    assert text(html) == expected


def test_escape_sequences_from_entities_are_removed() -> None:
    assert text("safe&#27;[31m red&#27;]52;c;eA==&#7; done&#127;") == "safe red done"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Mar 31, 2019 14:11", dt.date(2019, 3, 31)),
        ("January 15th, 2012, 10:04 AM", dt.date(2012, 1, 15)),
        ("27. September 2018", dt.date(2018, 9, 27)),
        ("« Reply #1 on: October 04, 2011, 09:02:10 AM »", dt.date(2011, 10, 4)),
        ("01-15-2012, 11:41 AM", dt.date(2012, 1, 15)),
        ("15.01.2012", dt.date(2012, 1, 15)),
        ("2021-12-10 16:31 UTC", dt.date(2021, 12, 10)),
        ("Tue Mar 08, 2011 7:42 pm", dt.date(2011, 3, 8)),
        ("Today, 10:04 AM", None),
        ("February 30, 2020", None),
    ],
)
def test_dates_from_text(raw: str, expected: dt.date | None) -> None:
    assert dates.from_text(raw) == expected


def test_dates_from_timestamps() -> None:
    assert dates.from_timestamp("1425380400") == dt.date(2015, 3, 3)
    assert dates.from_timestamp("1704794400000") == dt.date(2024, 1, 9)
    assert dates.from_timestamp("soon") is None
