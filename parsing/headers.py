"""Header lines a forum prints around posts and quotes, as a crawl flattens them.

A post header is a block of short lines: the author's name (and sometimes their rank), the date,
and a post number "#N" or a counter label ("Reaction score"). A quote is announced by
"X said:" ... "Click to expand...", "X wrote:", "Quote: Originally Posted by X" or BBCode
"[QUOTE=X]". These lines carry who and when; they are never part of anyone's words.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from collections import Counter
from dataclasses import dataclass

from parsing.chrome import is_chrome

_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for m in names
}
_TIME = r"(?:,?\s+(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?)?"
_NUM = r"(?:\s*[·•|-]?\s*#\s?\d+)?"
_DATE_FORMS = [
    re.compile(
        rf"^(?P<mon>[a-z]{{3,9}})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}}){_TIME}{_NUM}$"
    ),
    re.compile(
        rf"^(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon>[a-z]{{3,9}})\.?,?\s+(?P<year>\d{{4}}){_TIME}{_NUM}$"
    ),
    re.compile(
        rf"^(?P<year>\d{{4}})-(?P<mon>\d{{1,2}})-(?P<day>\d{{1,2}})"
        rf"(?:[ t]\d{{2}}:\d{{2}}(?::\d{{2}})?)?{_NUM}$"
    ),
    re.compile(
        rf"^(?P<a>\d{{1,2}})[/.-](?P<b>\d{{1,2}})[/.-](?P<year>\d{{2}}|\d{{4}}){_TIME}{_NUM}$"
    ),
]
_RELATIVE_DATE = re.compile(
    rf"^(?:today|yesterday)(?:\s+at\s+\d{{1,2}}:\d{{2}}\s*(?:[ap]m)?)?{_NUM}$"
)
_POST_NUMBER = re.compile(r"^(?:post\s+)?#\s?(\d+)$", re.IGNORECASE)
_HEADER_META = re.compile(
    r"^(?:#\s?\d+|reaction\s+score(?::?\s*[\d,.]+k?)?|(?:messages|posts|points|likes|reputation)"
    r":?\s*[\d,.]+k?|joined:?\s.{1,30}|location:\s.{1,40}|(?:thread\s+)?starter)$",
    re.IGNORECASE,
)
_USER_COUNTER = re.compile(
    r"^(?:reaction\s+score|messages|points|likes|reputation|joined|location)\b", re.IGNORECASE
)
"""Counters of a user-details block. A crawl keeps them and the user's title but drops the name,
which is a link; so a lone line above the date in such a block is the title, not the name."""
_RANK_WORDS = re.compile(
    r"\b(?:member|partner|moderator|mod|admin|administrator|staff|analyst|guest|contributor"
    r"|writer|veteran|user|banned|registered|newbie|senior|junior|elite|legend|regular|supporter"
    r"|donor|vip|editor|expert|correspondent|reporter|team|founder)s?\b",
    re.IGNORECASE,
)
_SAID = re.compile(r"^(?P<who>\S.{0,60}?)\s+said:$")
_WROTE = re.compile(r"^(?:quote:?\s*)?(?P<who>\S.{0,60}?)\s+wrote:$", re.IGNORECASE)
_ORIGINALLY = re.compile(r"^(?:quote:?\s*)?originally\s+posted\s+by:?\s+(?P<who>\S.{0,60})$", re.I)
_QUOTE_LABEL = re.compile(r"^quote:?$", re.IGNORECASE)
_QUOTE_FROM = re.compile(r"^quote\s+from:\s*(?P<who>\S.{0,60}?)(?:\s+on\s+\S.{2,80})?$", re.I)
"""SMF: "Quote from: X on January 15, 2018, 03:42:15 PM"."""
_SAID_AT = re.compile(
    r"^(?P<who>\S.{0,60}?)\s+(?:wrote|said):\s*[↑»›]?\s*(?P<when>\S.{0,60})$", re.IGNORECASE
)
"""phpBB: "X wrote: ↑ Mon Jan 15, 2018 3:42 pm" (what follows the colon must hold a digit)."""
_ON_DATE = re.compile(r"^(?:on|at)\s+\S.{2,60}?,\s*(?P<who>\S.*)$", re.IGNORECASE)
"""The date in front of a name: "On 1/14/2018 at 10:00 AM, X said:", "At DATE, X wrote:"."""
_MAYBE_MARKER = re.compile(r"quote|originally", re.IGNORECASE)
"""Marker lines end with ":" or start with one of these; others need no closer look."""
_MARKER_INITIALS = ("q", "Q", "o", "O")
"""The only first letters `_MAYBE_MARKER` matches, tested first as nearly no line has them."""
_EXPAND = re.compile(r"^click\s+(?:to\s+)?expand\.{0,3}$", re.IGNORECASE)


def parse_date(line: str) -> tuple[bool, dt.date | None]:
    """Whether a whole line is a post date, and the date when it names one."""
    text = line.strip()
    if len(text) > 40:  # tested before lower(), which never shortens, as most lines are longer
        return False, None
    text = text.lower()
    if len(text) > 40:
        return False, None
    if _RELATIVE_DATE.match(text):
        return True, None
    for form in _DATE_FORMS:
        m = form.match(text)
        if not m:
            continue
        groups = m.groupdict()
        year = int(groups["year"])
        year += 2000 if year < 70 else 1900 if year < 100 else 0
        if "mon" in groups and groups["mon"] is not None:
            mon = groups["mon"]
            month = int(mon) if mon.isdigit() else _MONTHS.get(mon, 0)
            day = int(groups["day"])
        else:
            a, b = int(groups["a"]), int(groups["b"])
            month, day = (b, a) if a > 12 else (a, b)
        try:
            return True, dt.date(year, month, day)
        except ValueError:
            return False, None
    return False, None


def _name_like(line: str, numbered: bool) -> bool:
    """A line that can be a user name. Above a numbered header ("#12") any short line can; else
    it must not end like a sentence, or a post's last line would be taken for a name."""
    text = line.strip()
    return (
        0 < len(text) <= 40
        and len(text.split()) <= 5
        and "://" not in text
        and not text.lower().startswith("www.")
        and (numbered or text[-1] not in ".!?:;,)\"'")
        and not parse_date(text)[0]
        and not _HEADER_META.match(text)
        and not is_chrome(text)
    )


def is_rank(line: str) -> bool:
    """A forum rank or user title ("Senior Member", "Media Partner"), not a user name.

    One word alone ("admin", "Moderator") is as likely to be someone's name, so a rank needs
    two words or more, one of them a rank word.
    """
    return len(line.split()) >= 2 and _RANK_WORDS.search(line) is not None


@dataclass(frozen=True, slots=True)
class PostHeader:
    """A post's header block: lines `start..end` (0-based, inclusive) and what they say."""

    start: int
    end: int
    author: str | None
    author_title: str | None
    date: dt.date | None
    number: int | None


def find_post_headers(lines: list[str]) -> list[PostHeader]:
    """Every post header block: a name line, a date line, then "#N" or counter lines."""
    headers: list[PostHeader] = []
    taken = -1
    for i, line in enumerate(lines):
        if i <= taken:
            continue
        is_date, date = parse_date(line)
        if not is_date:
            continue
        end = i
        number = None
        m = re.search(r"#\s?(\d+)\s*$", line)
        if m:
            number = int(m.group(1))
        while end + 1 < len(lines) and _HEADER_META.match(lines[end + 1].strip()):
            end += 1
            m = _POST_NUMBER.match(lines[end].strip())
            if m and number is None:
                number = int(m.group(1))
        start = i
        if i - 1 > taken and _name_like(lines[i - 1], number is not None):
            start = i - 1
        if (
            start == i - 1
            and i - 2 > taken
            and is_rank(lines[i - 1])
            and _name_like(lines[i - 2], numbered=False)
            and not is_rank(lines[i - 2])
        ):
            start = i - 2
        before_blank = start == 0 or not lines[start - 1].strip()
        if start == i or not (end > i or number is not None or before_blank):
            continue
        names = [lines[k].strip() for k in range(start, i)]
        counters = any(_USER_COUNTER.match(lines[k].strip()) for k in range(i + 1, end + 1))
        author = author_title = None
        if len(names) == 2:
            author, author_title = names
        elif number is None and (counters or is_rank(names[0])):
            author_title = names[0]
        else:
            author = names[0]
        headers.append(PostHeader(start, end, author, author_title, date, number))
        taken = end
    if any(h.number is not None for h in headers):
        # Where posts are numbered, every header is: a name-and-date pair without a number is
        # a byline inside a post ("By: Chandler Burr" / "16 June 1997"), not a post.
        headers = [h for h in headers if h.number is not None]
    return headers


@dataclass(frozen=True, slots=True)
class QuoteFrame:
    """A quote announced in the text: marker lines and, when closed, the lines it encloses.

    `open_end` frames ("X wrote:", "Originally Posted by X") have no closing line; how far they
    reach is decided by matching the following lines against earlier posts.
    """

    start: int
    first: int
    last: int
    end: int
    author: str | None
    open_end: bool


def _who(name: str | None) -> str | None:
    if not name:
        return None
    on_date = _ON_DATE.match(name.strip())
    if on_date and any(c.isdigit() for c in name):
        name = on_date["who"]
    name = name.strip().strip("\"'").strip()
    return name or None


def _said(text: str) -> re.Match[str] | None:
    """An "X said:" quote opener (text stripped)."""
    return _SAID.match(text) if text.endswith(":") and len(text) <= 80 else None


def _quote_events(lines: list[str], lo: int, hi: int) -> list[tuple[int, bool]]:
    """Lines lo..hi-1 that open ("X said:", True) or close ("Click to expand...", False) a
    quote, in order: read once, so that finding each quote's closer costs only the markers
    between them, not a scan of the lines after every opener."""
    events: list[tuple[int, bool]] = []
    for k in range(lo, hi):
        text = lines[k].strip()
        if not text:
            continue
        if text[0] in "cC" and _EXPAND.match(text):
            events.append((k, False))
        elif text[-1] == ":" and _said(text):
            events.append((k, True))
    return events


def _closing_line(
    events: list[tuple[int, bool]], positions: list[int], opener: int, limit: int
) -> int | None:
    """The "Click to expand..." that closes the quote opened at `opener`, at most `limit`
    lines on (`events` from `_quote_events`, `positions` their line numbers).

    Quotes nest ("A said:" inside "B said:"), each with its own closing line, so openers and
    closers are counted and the one that brings the count back to zero closes this quote.
    """
    depth = 0
    for n in range(bisect.bisect_right(positions, opener), len(events)):
        k, opens = events[n]
        if k >= opener + limit:
            return None
        if opens:
            depth += 1
        elif depth == 0:
            return k
        else:
            depth -= 1
    return None


def inner_quotes(lines: list[str], first: int, last: int) -> list[tuple[int, int, str | None]]:
    """Quotes nested in the quoted lines first..last: (opener, closer, author) of each."""
    events = _quote_events(lines, first, last + 1)
    positions = [k for k, _ in events]
    found: list[tuple[int, int, str | None]] = []
    floor = first
    for k, opens in events:
        if not opens or k < floor:
            continue
        said = _said(lines[k].strip())
        close = _closing_line(events, positions, k, last - k + 2) if said else None
        if said and close is not None and close <= last:
            found.append((k, close, _who(said["who"])))
            floor = close + 1
    return found


MAX_OPENER_WORDS = 3
"""Words after a poster's name in a quote opener ("wrote:", "написал(а):", "a écrit :")."""
MIN_CLOSER_SHARE = 0.6
"""A closing line follows at least this share of a page's openers."""
MAX_CLOSER_RATIO = 1.5
"""A closing line is printed at most this many times per opener; a line under every post is
furniture, not a quote's end."""
MAX_CLOSER_CHARS = 40
CLOSER_REACH = 60


def _named_openers(lines: list[str], authors: frozenset[str], limit: int) -> dict[int, QuoteFrame]:
    """Quote openers read from the page, in any language: a poster's name, a few words and a
    colon, where those words recur after other names ("Mimishka написал(а):"), each closed by
    the line the page prints under its quotes when it prints one ("Нажмите для раскрытия...").

    The page's posters are known from its post frame; the opener's words and the closing line
    are learned from their repetition here, never from a list of languages. An opener whose
    words the English patterns already read is left to them; a page that prints no closing
    line gets none of these frames."""
    found: dict[int, tuple[str, str]] = {}
    suffixes: dict[str, int] = {}
    for i, line in enumerate(lines):
        text = line.strip()
        if not text.endswith(":") or len(text) > 80 or _SAID.match(text) or _WROTE.match(text):
            continue
        low = text.casefold()
        for author in authors:
            rest = low[len(author) :].strip() if low.startswith(author + " ") else ""
            short = len(rest.split()) <= MAX_OPENER_WORDS
            if rest and short and not any(c.isdigit() for c in rest):
                found[i] = (text[: len(author)], rest)
                suffixes[rest] = suffixes.get(rest, 0) + 1
                break
    learned = {rest for rest, n in suffixes.items() if n >= 2}
    if not learned:
        return {}
    # once learned, the words open quotes of anyone's words, posters of other pages too
    for i, line in enumerate(lines):
        low = line.strip().casefold()
        if i in found or not low.endswith(":") or len(low) > 80:
            continue
        for rest in learned:
            who = low[: -len(rest)].strip() if low.endswith(" " + rest) else ""
            if who and len(who) <= 40 and len(who.split()) <= MAX_OPENER_WORDS:
                found[i] = (line.strip()[: len(who)], rest)
                break
    openers = sorted(i for i, (_, rest) in found.items() if rest in learned)
    closer = _closer(lines, openers)
    if closer is None:
        # without a closing line the quote's end is a guess; its words, matched against the
        # earlier posts, tell it better (as for any unmarked quote)
        return {}
    frames: dict[int, QuoteFrame] = {}
    for n, i in enumerate(openers):
        stop = min(openers[n + 1] if n + 1 < len(openers) else len(lines), i + limit)
        close = next(
            (k for k in range(i + 1, min(stop, i + CLOSER_REACH)) if lines[k].strip() == closer),
            None,
        )
        if close is not None:
            frames[i] = QuoteFrame(i, i + 1, close - 1, close, _who(found[i][0]), False)
    return frames if _closes_quotes(lines, list(frames.values())) else {}


MAX_CHECKED = 50
"""Frames whose last quoted line is looked for in the page above them (a sample, so that a page
of many thousand quotes costs no more)."""
_WORD = re.compile(r"\w+")


def _closes_quotes(lines: list[str], frames: list[QuoteFrame]) -> bool:
    """Whether the learned closing line ends quotes: in most frames the last line above it
    repeats words printed earlier on the page (the quoted post's), where a line that closes
    something else leaves the quoting post's own words above it."""
    text = [" ".join(_WORD.findall(line.casefold())) for line in lines]
    offsets = list(itertools.accumulate((len(t) + 1 for t in text), initial=0))
    page = " ".join(text)
    checked = repeated = 0
    for frame in frames[:MAX_CHECKED]:
        last = next((k for k in range(frame.last, frame.start, -1) if text[k]), None)
        if last is None:
            continue
        checked += 1
        repeated += page.find(text[last], 0, offsets[frame.start]) >= 0
    return checked > 0 and repeated >= MIN_CLOSER_SHARE * checked


def _closer(lines: list[str], openers: list[int]) -> str | None:
    """The short line that follows most quote openers before the next one, nearest first."""
    follows: dict[str, list[int]] = {}
    for n, i in enumerate(openers):
        stop = min(openers[n + 1] if n + 1 < len(openers) else len(lines), i + CLOSER_REACH)
        seen: set[str] = set()
        for k in range(i + 1, stop):
            text = lines[k].strip()
            if text and len(text) <= MAX_CLOSER_CHARS and text not in seen:
                seen.add(text)
                follows.setdefault(text, []).append(k - i)
    # the closing line is printed for quotes only: about as often as there are openers (a
    # quote printed without its author's name has a closer and no opener)
    total = Counter(line.strip() for line in lines)
    best = max(
        ((t, ks) for t, ks in follows.items() if total[t] <= MAX_CLOSER_RATIO * len(openers)),
        key=lambda kv: (len(kv[1]), -sum(kv[1])),
        default=None,
    )
    if best is None or len(best[1]) < max(2, MIN_CLOSER_SHARE * len(openers)):
        return None
    # and it closes quotes only: nearly every copy of it has an opener above it since the last
    closes = 0
    opened = False
    marks = set(openers)
    for k, line in enumerate(lines):
        if k in marks:
            opened = True
        elif opened and line.strip() == best[0]:
            closes, opened = closes + 1, False
    return best[0] if total[best[0]] - closes <= max(1, len(openers) // 4) else None


def find_quote_frames(
    lines: list[str], limit: int = 400, authors: frozenset[str] = frozenset()
) -> list[QuoteFrame]:
    """Every quote marker; `first..last` are the quoted lines (0-based), markers excluded.

    `authors` are the page's posters (casefolded), where a frame names them: then a line
    holding one of their names and a colon ("alice:", as Discourse prints a quote's author)
    opens a quote too.
    """
    frames: list[QuoteFrame] = []
    events: list[tuple[int, bool]] | None = None
    positions: list[int] = []
    named = _named_openers(lines, authors, limit) if authors else {}
    i = 0
    while i < len(lines):
        if i in named:
            frames.append(named[i])
            i = named[i].end + 1
            continue
        text = lines[i].strip()
        maybe = text[:1] in _MARKER_INITIALS and _MAYBE_MARKER.match(text) is not None
        if not maybe and (
            ":" not in text
            or (not text.endswith(":") and "rote:" not in text and "aid:" not in text)
        ):
            i += 1
            continue
        said = _SAID.match(text)
        if said and len(text) <= 80:
            if events is None:  # read once, on the first "X said:"
                events = _quote_events(lines, 0, len(lines))
                positions = [k for k, _ in events]
            close = _closing_line(events, positions, i, limit)
            if close is not None:
                frames.append(QuoteFrame(i, i + 1, close - 1, close, _who(said["who"]), False))
                i = close + 1
                continue
            frames.append(QuoteFrame(i, i + 1, i + 1, i, _who(said["who"]), True))
            i += 1
            continue
        label = _QUOTE_LABEL.match(text)
        if label and i + 1 < len(lines):
            orig = _ORIGINALLY.match(lines[i + 1].strip())
            if orig:
                frames.append(QuoteFrame(i, i + 2, i + 2, i + 1, _who(orig["who"]), True))
                i += 2
                continue
            if lines[i + 1].strip():  # "Quote:" alone: a quote whose author was not printed
                frames.append(QuoteFrame(i, i + 1, i + 1, i, None, True))
                i += 1
                continue
        if authors and text.endswith(":") and text[:-1].strip().casefold() in authors:
            if i + 1 < len(lines) and lines[i + 1].strip():
                frames.append(QuoteFrame(i, i + 1, i + 1, i, _who(text[:-1]), True))
            i += 1
            continue
        opener = _WROTE.match(text) or _ORIGINALLY.match(text) or _QUOTE_FROM.match(text)
        if opener is None and (at := _SAID_AT.match(text)) and any(c.isdigit() for c in at["when"]):
            opener = at
        if opener and len(text) <= 120:
            frames.append(QuoteFrame(i, i + 1, i + 1, i, _who(opener["who"]), True))
        i += 1
    return [f for f in frames if f.first < len(lines)]
