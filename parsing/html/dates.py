"""Post dates as the engines print them: machine attributes first, then the visible text.

Only the calendar date is kept (Post.date); a date we cannot read is None, never a guess.
"""

from __future__ import annotations

import datetime as dt
import re

from selectolax.lexbor import LexborNode

_MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("jan", "january", "januar", "janvier", "jän"),
            ("feb", "february", "februar", "février", "fév"),
            ("mar", "march", "märz", "mars", "mär"),
            ("apr", "april", "avril"),
            ("may", "mai"),
            ("jun", "june", "juni", "juin"),
            ("jul", "july", "juli", "juillet"),
            ("aug", "august", "août"),
            ("sep", "sept", "september", "septembre"),
            ("oct", "october", "oktober", "octobre", "okt"),
            ("nov", "november", "novembre"),
            ("dec", "december", "dezember", "décembre", "dez", "déc"),
        ],
        start=1,
    )
    for name in names
}
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_MDY_NUM = re.compile(r"\b(\d{1,2})[-/](\d{1,2})[-/](\d{4})\b")
_DMY_DOT = re.compile(r"\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b")
_MONTH_FIRST = re.compile(r"\b([A-Za-zéûä]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
_DAY_FIRST = re.compile(r"\b(\d{1,2})\.?\s+([A-Za-zéûä]{3,9})\.?,?\s+(\d{4})\b")


def _make(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def from_timestamp(value: str | None) -> dt.date | None:
    """Unix seconds or milliseconds (XenForo data-time, Discourse data-time)."""
    if not value or not value.strip().isdigit():
        return None
    n = int(value)
    if n > 10**11:
        n //= 1000
    try:
        return dt.datetime.fromtimestamp(n, dt.UTC).date()
    except (OverflowError, OSError, ValueError):
        return None


def from_iso(value: str | None) -> dt.date | None:
    """An ISO 8601 datetime attribute; the local date as written, not converted."""
    if not value:
        return None
    m = _ISO.search(value)
    return _make(int(m[1]), int(m[2]), int(m[3])) if m else None


def from_text(text: str | None) -> dt.date | None:
    """A printed date: "Mar 31, 2019 14:11", "27. September 2018", "01-15-2012", "2021-12-10"."""
    if not text:
        return None
    if m := _ISO.search(text):
        return _make(int(m[1]), int(m[2]), int(m[3]))
    for pattern, order in ((_MONTH_FIRST, "mdy"), (_DAY_FIRST, "dmy")):
        for m in pattern.finditer(text):
            if order == "mdy":
                month, day = _MONTHS.get(m[1].lower().rstrip(".")), int(m[2])
            else:
                month, day = _MONTHS.get(m[2].lower().rstrip(".")), int(m[1])
            if month:
                return _make(int(m[3]), month, day)
    if m := _DMY_DOT.search(text):
        return _make(int(m[3]), int(m[2]), int(m[1]))
    if m := _MDY_NUM.search(text):
        first, second = int(m[1]), int(m[2])
        if first > 12:
            return _make(int(m[3]), second, first)
        return _make(int(m[3]), first, second)
    return None


def from_node(node: LexborNode | None) -> dt.date | None:
    """A `<time>`/`<abbr>`/`<span>` date element: datetime, data-time, title, then its text."""
    if node is None:
        return None
    attrs = node.attributes
    return (
        from_iso(attrs.get("datetime"))
        or from_timestamp(attrs.get("data-time"))
        or from_timestamp(attrs.get("data-timestamp"))
        or from_text(attrs.get("title"))
        or from_text(node.text(deep=True))
    )
