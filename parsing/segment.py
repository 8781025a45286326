"""Where posts start, and which lines of a post are quotes, in a flattened thread.

Two layouts exist. In a marked page every post opens with a header block (name, date, "#N"),
so headers alone decide where posts start. In a bare dump (the crawl dropped names and quote
markers) posts follow one another with a single line break while a post keeps its own blank
lines, and a quote is recognisable only because it repeats an earlier post. There the rules are
the ones people follow when they write:

- a paragraph after a blank line continues the post;
- the line right after a quote is the answer to it, so it continues the post;
- a quote opens a new post, unless it continues a run of quotes (several quotes in a row, or
  quote / answer / quote / answer on the same earlier post);
- a quote of the current post's own words is a reply to it, so it opens a new post;
- list items, and lines after a line ending in ":" or "," continue the post;
- otherwise a line after a single line break is a new post.

Lines are numbered from 0 here; `text_reader` turns them into the 1-based lines of the contract.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from enum import Enum

from parsing.attachments import is_attachment_label
from parsing.headers import PostHeader, QuoteFrame
from parsing.normalize import strip_ellipses, words
from parsing.quote_index import QuoteIndex, quotable


class Kind(Enum):
    """What a line is within a post."""

    TEXT = "text"
    QUOTE = "quote"
    MARKER = "marker"
    HEADER = "header"
    ATTACHMENT = "attachment"
    CHROME = "chrome"


@dataclass(slots=True)
class QuoteLine:
    """A line of quoted words: what it repeats (an indexed line) and who said it, if known."""

    source: int | None
    score: float
    truncated: bool
    author: str | None = None
    frame: int | None = None


@dataclass(slots=True)
class PostSpan:
    """One post as found: its lines, header, and the kind of each of its content lines."""

    start: int
    header: PostHeader | None = None
    lines: list[tuple[int, Kind]] = field(default_factory=list)

    @property
    def end(self) -> int:
        return self.lines[-1][0] if self.lines else self.start


@dataclass(slots=True)
class Layout:
    """Everything the segmenter decided: posts and the quote lines inside them."""

    posts: list[PostSpan]
    quotes: dict[int, QuoteLine]
    index: QuoteIndex


_LIST_ITEM = re.compile(r"^\s*(?:\(?\d{1,2}[.):]|\(?[a-zA-Z][.)]|[-*•·▪◦–]|\d{1,2}\s*-)\s*\S")
_TERMINAL = re.compile(
    r"""(?:[.!?)"'\]»]|:[)(DPp]|;\)|\b(?:lol|lmao|haha)\b|emoticon_\w+)\s*$""", re.I
)


def is_list_item(line: str) -> bool:
    """A numbered or bulleted item ("1) ...", "2. ...", "- ...")."""
    return _LIST_ITEM.match(line) is not None


def leads_on(line: str) -> bool:
    """A line that cannot end a post: it introduces what follows (":" or ",") or is a heading.

    A short line with no closing punctuation reads as a heading or a name ("Global Village
    Space"); posts rarely end that way, and posts after them are rarely separated from them
    by a single line break only.
    """
    text = line.rstrip()
    if not text:
        return False
    if text[-1] in ":,;(&" or text.endswith(("-", "—", "–")):
        return True
    return len(text.split()) <= 6 and _TERMINAL.search(text) is None


class _PostIndex:
    """Which post a line belongs to, as posts are found in order."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.gap_before: list[bool] = []

    def add(self, start: int, gap: bool) -> None:
        self.starts.append(start)
        self.gap_before.append(gap)

    def of(self, line: int) -> int:
        return bisect.bisect_right(self.starts, line) - 1


def _frame_maps(frames: list[QuoteFrame]) -> tuple[dict[int, QuoteFrame], dict[int, int]]:
    """Frame by marker line, and frame index by each enclosed line of closed frames."""
    markers: dict[int, QuoteFrame] = {}
    enclosed: dict[int, int] = {}
    for n, frame in enumerate(frames):
        for k in range(frame.start, frame.first):
            markers[k] = frame
        if not frame.open_end:
            markers[frame.end] = frame
            for k in range(frame.first, frame.last + 1):
                enclosed[k] = n
    return markers, enclosed


def segment(
    lines: list[str],
    norms: list[str],
    skip: set[int],
    headers: list[PostHeader],
    frames: list[QuoteFrame],
    attachment_lines: set[int],
    marked: bool,
    title_words: list[str] | None = None,
) -> Layout:
    """Split content lines into posts and mark quote lines, in one pass over the text.

    `skip` holds lines outside posts (title, chrome). Each post's own lines are indexed as soon
    as they are read, so a quote can only ever point back to earlier text.
    """
    header_at = {h.start: h for h in headers}
    header_lines = {k for h in headers for k in range(h.start, h.end + 1)}
    markers, enclosed = _frame_maps(frames)
    frame_no = {id(f): n for n, f in enumerate(frames)}
    index = QuoteIndex()
    quotes: dict[int, QuoteLine] = {}
    posts: list[PostSpan] = []
    where = _PostIndex()
    cur: PostSpan | None = None
    last_kind: Kind | None = None
    last_text = ""
    last_leads = False
    last_source: int | None = None
    open_frame: QuoteFrame | None = None
    gap = False

    def new_post(start: int, header: PostHeader | None = None) -> PostSpan:
        post = PostSpan(start=start, header=header)
        posts.append(post)
        where.add(start, gap)
        return post

    def same_target(a: int, b: int) -> bool:
        """Whether quoting `a` after `b` goes on through the same earlier post."""
        pa, pb = where.of(a), where.of(b)
        return pa == pb or (pa == pb + 1 and a > b and not where.gap_before[pa])

    i = 0
    n = len(lines)
    while i < n:
        line = lines[i]
        if i in skip or not line.strip():
            if not line.strip():
                gap = cur is not None
            i += 1
            continue
        if i in header_at:
            header = header_at[i]
            cur = new_post(i, header)
            cur.lines.extend((k, Kind.HEADER) for k in range(header.start, header.end + 1))
            last_kind, last_source, gap, open_frame = Kind.HEADER, None, False, None
            i = header.end + 1
            continue
        if i in header_lines:
            i += 1
            continue
        if i in attachment_lines or is_attachment_label(line):
            if cur is None:
                cur = new_post(i)
            cur.lines.append((i, Kind.ATTACHMENT))
            last_kind, gap = Kind.ATTACHMENT, False
            i += 1
            continue

        kind = Kind.TEXT
        qline: QuoteLine | None = None
        if i in markers:
            kind = Kind.MARKER
            frame = markers[i]
            if frame.open_end and i == frame.start:
                open_frame = frame
        elif i in enclosed:
            frame = frames[enclosed[i]]
            match = index.find(norms[i]) if quotable(norms[i]) else None
            _, cut = strip_ellipses(line)
            qline = QuoteLine(
                match.line if match else None,
                match.score if match else 0.0,
                cut,
                frame.author,
                enclosed[i],
            )
            kind = Kind.QUOTE
        else:
            match = index.find(norms[i]) if (not marked or open_frame) else None
            if open_frame is not None:
                opened_here = last_kind is Kind.MARKER
                if opened_here or (match and not gap):
                    _, cut = strip_ellipses(line)
                    qline = QuoteLine(
                        match.line if match else None,
                        match.score if match else 0.0,
                        cut,
                        open_frame.author,
                        frame_no[id(open_frame)],
                    )
                    kind = Kind.QUOTE
                if not qline:
                    open_frame = None
            if qline is None and match and not marked:
                _, cut = strip_ellipses(line)
                qline = QuoteLine(match.line, match.score, cut)
                kind = Kind.QUOTE

        if cur is None or (
            not marked
            and _starts_post(
                kind,
                qline,
                cur,
                last_kind,
                last_text,
                last_leads,
                last_source,
                gap,
                line,
                same_target,
            )
        ):
            cur = new_post(i)
        cur.lines.append((i, kind))
        if kind is Kind.TEXT:
            index.add(i, norms[i])
        if qline is not None:
            quotes[i] = qline
            last_source = qline.source if qline.source is not None else last_source
        last_kind, last_text, gap = kind, line, False
        last_leads = leads_on(line) or (bool(title_words) and words(norms[i]) == title_words)
        i += 1
    return Layout(posts=[p for p in posts if p.lines], quotes=quotes, index=index)


def _starts_post(
    kind: Kind,
    qline: QuoteLine | None,
    cur: PostSpan,
    last_kind: Kind | None,
    last_text: str,
    last_leads: bool,
    last_source: int | None,
    gap: bool,
    line: str,
    same_target,
) -> bool:
    """Whether a line of a bare dump opens a new post (see the module docstring)."""
    if kind is Kind.MARKER:
        return not gap and last_kind not in (Kind.HEADER, Kind.MARKER, Kind.QUOTE)
    if kind is Kind.QUOTE and qline is not None:
        if qline.frame is not None and last_kind is Kind.MARKER:
            return False
        if qline.source is not None and qline.source >= cur.start:
            return True
        if last_kind is Kind.QUOTE and qline.source is not None and last_source is not None:
            return not same_target(qline.source, last_source)
        if gap or last_kind in (Kind.QUOTE, Kind.HEADER, Kind.MARKER):
            return False
        has_quotes = any(k is Kind.QUOTE for _, k in cur.lines)
        if has_quotes and qline.source is not None and last_source is not None:
            return not same_target(qline.source, last_source)
        return True
    if gap or last_kind in (Kind.QUOTE, Kind.HEADER, Kind.MARKER):
        return False
    if is_list_item(line) and (is_list_item(last_text) or last_text.rstrip().endswith(":")):
        return False
    return not last_leads
