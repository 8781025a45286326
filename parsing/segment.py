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
from parsing.normalize import words
from parsing.quote_index import Match, Probe, QuoteIndex, probe


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
    offset: int = 0
    end: int = 0


@dataclass(slots=True)
class PostSpan:
    """One post as found: its lines, header, and the kind of each of its content lines."""

    start: int
    header: PostHeader | None = None
    lines: list[tuple[int, Kind]] = field(default_factory=list)
    quoted: list[tuple[int, int, int]] = field(default_factory=list)
    """What this post's quotes repeat: (source line, start, end) in the matching form."""

    def requotes(self, q: QuoteLine) -> bool:
        """Whether a quote repeats words this post has already quoted."""
        return any(
            line == q.source and start < q.end and q.offset < end
            for line, start, end in self.quoted
        )

    @property
    def end(self) -> int:
        return self.lines[-1][0] if self.lines else self.start


@dataclass(slots=True)
class Layout:
    """Everything the segmenter decided: posts and the quote lines inside them."""

    posts: list[PostSpan]
    quotes: dict[int, QuoteLine]
    index: QuoteIndex


TAIL_CHARS = 24
"""How much of a line's end is enough to see how it ends (a search of the whole is slow)."""

MAX_HEADING_WORDS = 14
"""A heading in capitals is at most this long; longer lines in capitals are shouting."""

SHORT_QUOTE_REACH = 200
"""How many lines past the last quote a short quote ("Irrelevant.") is looked for."""

_URL_ONLY = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$", re.IGNORECASE)
_FIRST_ITEM = re.compile(r"^\s*\(?(?:1|a|i)[.):]\s")
_CONNECTIVE = re.compile(
    r"^\s*(?:moreover|furthermore|therefore|thus|hence|in addition|additionally"
    r"|that(?:'s| is) why|this(?:'s| is) why|which is why)\b",
    re.IGNORECASE,
)
_LIST_ITEM = re.compile(r"^\s*(?:\(?\d{1,2}[.):]|\(?[a-zA-Z][.)]|[-*•·▪◦–]|\d{1,2}\s*-)\s*\S")
_TERMINAL = re.compile(
    r"""(?:[.!?)"'\]»]|:[)(DPp]|;\)|\b(?:lol|lmao|haha)\b|emoticon_\w+)\s*$""", re.I
)


def is_list_item(line: str) -> bool:
    """A numbered or bulleted item ("1) ...", "2. ...", "- ...")."""
    return _LIST_ITEM.match(line) is not None


def leads_on(line: str) -> bool:
    """A line that cannot end a post: it introduces what follows (":" or ",") or is a heading.

    A short line with no closing punctuation, or a longer one in capitals, reads as a heading
    or a name ("Global Village Space"); posts rarely end that way, and posts after them are
    rarely separated from them by a single line break only.
    """
    text = line.rstrip()
    if not text:
        return False
    if text[-1] in ":,;(&" or text.endswith(("-", "—", "–")):
        return True
    if _TERMINAL.search(text[-TAIL_CHARS:]) is not None:
        return False
    n_words = len(text.split())
    return n_words <= 6 or (n_words <= MAX_HEADING_WORDS and _is_capitals(text))


def _is_capitals(text: str) -> bool:
    """A line in capitals, as headings are ("1 CORINTHIANS 6:9 AND 1 TIMOTHY 1:10")."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


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
    title_key: str | None = None,
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
    introducing = False
    last_at: tuple[int, int] | None = None
    open_frame: QuoteFrame | None = None
    gap = False

    def new_post(start: int, header: PostHeader | None = None) -> PostSpan:
        post = PostSpan(start=start, header=header)
        posts.append(post)
        where.add(start, gap)
        return post

    def same_target(a: tuple[int, int], b: tuple[int, int], adjacent: bool) -> bool:
        """Whether quoting `a` after `b` goes on through the same earlier post.

        `a` and `b` are (line, offset) places in the quoted text. Quotes with answers between
        them go through the quoted post (a quote of words the post already quoted is a new
        reply, see `PostSpan.requotes`); going on to the next post is a new reply too (people
        answer posts one after another). Quotes in a row go forward, and may run on into a
        following post that came after a single line break: those two may well be one post
        the split cut in two.
        """
        pa, pb = where.of(a[0]), where.of(b[0])
        if pa == pb:
            return a > b or not adjacent
        return adjacent and pa == pb + 1 and a > b and splittable(pb, pa)

    def splittable(first: int, last: int) -> bool:
        """Whether posts first..last are separated only by single line breaks we split at."""
        return all(
            not where.gap_before[k] and posts[k].header is None for k in range(first + 1, last + 1)
        )

    def short_quote(i: int, pr: Probe, after: tuple[int, int]) -> Match | None:
        """A line too short to match on its own that repeats a whole line of the post being
        answered, further on than the last quote: the next quote of a quote/answer run."""
        if pr.quotable or cur is None or not any(k is Kind.QUOTE for _, k in cur.lines):
            return None
        quoted = where.of(after[0])
        end = where.starts[quoted + 1] if quoted + 1 < len(where.starts) else cur.start
        for k in range(after[0] + 1, min(end, after[0] + SHORT_QUOTE_REACH)):
            if norms[k] == norms[i] and k in index:
                return Match(k, 1.0)
        return None

    def passage_goes_on(i: int, source: int) -> Match | None:
        """A short line right after a quote that repeats the next line of the quoted text.

        "Grade A BS." is too short to be recognised alone, but inside a quoted passage it is
        simply the passage's next paragraph.
        """
        k = source + 1
        while k < i and not norms[k]:
            k += 1
        if k < i and k in index and norms[k] == norms[i]:
            return Match(k, 1.0)
        return None

    def passage_opener(i: int, q: QuoteLine) -> PostSpan | None:
        """If line i-1 repeats the line just before what line i quotes, make it a quote.

        A passage quoted whole can open with a line too short to recognise ("Ummmm...what?");
        seen from its second line, it is the passage's first. Returns the post it now opens.
        """
        assert cur is not None
        if q.source is None or q.frame is not None or cur.lines[-1] != (i - 1, Kind.TEXT):
            return None
        before = q.source - 1
        while before >= 0 and not norms[before]:
            before -= 1
        if before < 0 or before not in index or norms[before] != norms[i - 1]:
            return None
        cur.lines.pop()
        index.discard(i - 1)
        quotes[i - 1] = QuoteLine(before, 1.0, False, offset=0, end=len(norms[before]))
        post = cur
        if post.lines:
            post = new_post(i - 1)
        post.lines.append((i - 1, Kind.QUOTE))
        post.quoted.append((before, 0, len(norms[before])))
        return post

    def rejoin(a: int, b: int) -> None:
        """Undo our split between the posts of quoted lines `b` and `a`, quoted in a row.

        People quote a post whole; when one run of quotes repeats lines `b` then `a` with
        nothing but blank lines between them, across a single line break we split at, those
        lines were one post. (A reply quoting two posts in a row reads the same way: the truth
        of the seed accepts that reading.)
        """
        pa, pb = where.of(a), where.of(b)
        if pa != pb + 1 or not splittable(pb, pa) or any(norms[k] for k in range(b + 1, a)):
            return
        for k in range(pb + 1, pa + 1):
            posts[pb].lines.extend(posts[k].lines)
        del posts[pb + 1 : pa + 1]
        del where.starts[pb + 1 : pa + 1]
        del where.gap_before[pb + 1 : pa + 1]

    i = 0
    n = len(lines)
    while i < n:
        line = lines[i]
        if i in skip or not line.strip():
            if not line.strip():
                gap = cur is not None
                introducing = False
            i += 1
            continue
        if i in header_at:
            header = header_at[i]
            cur = new_post(i, header)
            introducing = False
            cur.lines.extend((k, Kind.HEADER) for k in range(header.start, header.end + 1))
            last_kind, last_at, gap, open_frame = Kind.HEADER, None, False, None
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
        if cur is not None and not any(c.isalnum() for c in line):
            # A line of only punctuation (".", "-----") says nothing: it stays in the post it
            # is in, and separates what comes around it as a blank line would.
            cur.lines.append((i, Kind.TEXT))
            gap, introducing = True, False
            i += 1
            continue

        kind = Kind.TEXT
        qline: QuoteLine | None = None
        pr = probe(norms[i])
        if i in markers:
            kind = Kind.MARKER
            frame = markers[i]
            if frame.open_end and i == frame.start:
                open_frame = frame
        elif i in enclosed:
            frame = frames[enclosed[i]]
            match = index.find(pr)
            qline = QuoteLine(
                match.line if match else None,
                match.score if match else 0.0,
                pr.truncated,
                frame.author,
                enclosed[i],
            )
            kind = Kind.QUOTE
        else:
            match = index.find(pr) if (not marked or open_frame) else None
            if open_frame is not None:
                opened_here = last_kind is Kind.MARKER
                if opened_here or (match and not gap):
                    qline = QuoteLine(
                        match.line if match else None,
                        match.score if match else 0.0,
                        pr.truncated,
                        open_frame.author,
                        frame_no[id(open_frame)],
                    )
                    kind = Kind.QUOTE
                if not qline:
                    open_frame = None
            if qline is None and not match and not marked and last_at:
                if last_kind is Kind.QUOTE:
                    match = passage_goes_on(i, last_at[0])
                elif last_kind is Kind.TEXT:
                    match = short_quote(i, pr, last_at)
            if qline is None and match and not marked:
                qline = QuoteLine(
                    match.line, match.score, pr.truncated, offset=match.start, end=match.end
                )
                kind = Kind.QUOTE
            if qline is not None and last_kind is Kind.TEXT and not gap and cur is not None:
                opener = passage_opener(i, qline)
                if opener is not None:
                    # The line before was this passage's first line, too short to be seen as
                    # a quote alone: it opens the quote (and so the reply) instead.
                    cur = opener
                    last_kind, last_at = Kind.QUOTE, (quotes[i - 1].source or 0, 0)

        if cur is None or (
            not marked
            and _starts_post(
                kind,
                qline,
                cur,
                last_kind,
                last_text,
                last_leads,
                last_at,
                gap,
                line,
                same_target,
            )
        ):
            cur = new_post(i)
        elif (
            not marked
            and kind is Kind.QUOTE
            and qline is not None
            and qline.source is not None
            and last_kind is Kind.QUOTE
            and last_at is not None
            and qline.source > last_at[0]
        ):
            rejoin(qline.source, last_at[0])
        cur.lines.append((i, kind))
        if kind is Kind.TEXT:
            index.add(i, pr)
        if qline is not None:
            quotes[i] = qline
            if qline.source is not None:
                last_at = (qline.source, qline.offset)
                cur.quoted.append((qline.source, qline.offset, qline.end or qline.offset + 1))
        last_kind, last_text, gap = kind, line, False
        # Lines after one ending in ":" ("From GWB's website:") are what it introduces, down to
        # the next blank line, even when each sits on a line of its own.
        introducing = introducing or (kind is Kind.TEXT and line.rstrip().endswith(":"))
        last_leads = (
            leads_on(line)
            or introducing
            or (
                title_key is not None
                and abs(len(norms[i]) - len(title_key)) <= 3
                and " ".join(words(norms[i])) == title_key
            )
        )
        i += 1
    return Layout(posts=[p for p in posts if p.lines], quotes=quotes, index=index)


def _starts_post(
    kind: Kind,
    qline: QuoteLine | None,
    cur: PostSpan,
    last_kind: Kind | None,
    last_text: str,
    last_leads: bool,
    last_at: tuple[int, int] | None,
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
        if gap or last_kind in (Kind.HEADER, Kind.MARKER):
            return False
        if qline.source is None or last_at is None:
            return last_kind is not Kind.QUOTE
        at = (qline.source, qline.offset)
        if last_kind is Kind.QUOTE:
            opening = all(k in (Kind.QUOTE, Kind.HEADER, Kind.MARKER) for _, k in cur.lines)
            return not (opening or same_target(at, last_at, adjacent=True))
        if not cur.quoted or cur.requotes(qline):
            return True
        return not same_target(at, last_at, adjacent=False)
    if gap or last_kind in (Kind.QUOTE, Kind.HEADER, Kind.MARKER):
        return False
    if is_list_item(line) and (is_list_item(last_text) or last_text.rstrip().endswith(":")):
        return False
    if _FIRST_ITEM.match(line) or _URL_ONLY.match(line):
        return False
    if _CONNECTIVE.match(line):
        return False
    return not last_leads
