"""Where posts start, and which lines of a post are quotes, in a flattened thread.

Two layouts exist. In a marked page every post opens with a header block (name, date, "#N"),
so headers alone decide where posts start. In a bare dump (the crawl dropped names and quote
markers) posts follow one another with a single line break while a post keeps its own blank
lines, and a quote is recognisable only because it repeats an earlier post. There the rules are
the ones people follow when they write:

- a paragraph after a blank line continues the post, and so does a quote standing after the
  reply; a line of only punctuation separates like a blank line;
- the line right after a quote is the answer to it, so it continues the post;
- a quote opens a new post, unless it continues a run: quotes in a row (one passage, or one post
  quoting several), or quote / answer / quote / answer going through the same earlier post;
- a quote of the current post's own words, or of words the post already quoted, opens a new post;
- list items, lines after a line ending in ":" (down to the next blank line) or ",", lines after
  a heading (short, no closing punctuation, or in capitals), a link on its own line, lines
  opening with "therefore", "that is why" and the like, and a sentence running on over the
  break (no closing punctuation, the next line in lower case) continue the post; a sign-off
  ("-Mach") ends it;
- any other single line break between own words is weighed by `parsing.turns`: several weak
  cues (how the line before ends, how the line opens, line lengths, what the post so far looks
  like) in a model fitted on real debates.

Quotes also correct the split afterwards: when one run of quotes repeats two lines we put in
different posts, those lines were one post, and they are joined; when a later reply's quote
begins at a line we joined to the one before on the cues alone, that line opens a post.

Lines are numbered from 0 here; `text_reader` turns them into the 1-based lines of the contract.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from enum import Enum

from parsing.attachments import is_attachment_label
from parsing.breaks import Paragraphs, is_post_break
from parsing.edges import announces_quote, closes_a_post, formulaic, looks_literal
from parsing.headers import PostHeader, QuoteFrame
from parsing.literal import LOG_STAMP, is_list_item, is_literal, marks_code
from parsing.normalize import words
from parsing.quote_index import Match, Probe, QuoteIndex, probe
from parsing.turns import PostSoFar, is_new_post
from parsing.voice import MAX_VOICE_CHARS


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


def _framed_quote(
    match: Match | None, truncated: bool, author: str | None, frame: int
) -> QuoteLine:
    """A line inside a marked quote frame: quoted whether or not its words were found."""
    return QuoteLine(
        match.line if match else None, match.score if match else 0.0, truncated, author, frame
    )


@dataclass(slots=True)
class PostSpan:
    """One post as found: its lines, header, and the kind of each of its content lines."""

    start: int
    header: PostHeader | None = None
    lines: list[tuple[int, Kind]] = field(default_factory=list)
    quoted: list[tuple[int, int, int]] = field(default_factory=list)
    """What this post's quotes repeat: (source line, start, end) in the matching form."""
    own: int = 0
    """How many of its lines are the poster's own (text, attachments), kept as lines are added."""
    paragraphs: int = 1
    """How many paragraphs (runs of lines between blank lines) it has so far."""
    paragraph_lines: int = 0
    """How many lines its last paragraph has so far."""
    last_quote: int = -10
    """The index in `lines` of its last quote line."""

    def add(self, i: int, kind: Kind) -> None:
        """Append line `i`; a line that does not follow the last one opens a paragraph."""
        if self.lines and i > self.lines[-1][0] + 1:
            self.paragraphs += 1
            self.paragraph_lines = 0
        self.paragraph_lines += 1
        if kind is _QUOTE_KIND:
            self.last_quote = len(self.lines)
        self.lines.append((i, kind))

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


_CLOSING = frozenset(".!?)\"']»")
_OPENING = frozenset(":,;(&-—–")

TAIL_CHARS = 24
"""How much of a line's end is enough to see how it ends (a search of the whole is slow)."""

MAX_HEADING_WORDS = 14
"""A heading in capitals is at most this long; longer lines in capitals are shouting."""

SHORT_QUOTE_REACH = 200
"""How many lines past the last quote a short quote ("Irrelevant.") is looked for."""

MAX_PARAGRAPH_LINES = 30
"""How many lines of the paragraph before a break its words are read from."""

_WORDY = re.compile(r"[^\W_]")
_URL_ONLY = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$", re.IGNORECASE)
_FIRST_ITEM = re.compile(r"^\s*\(?(?:1|a|i)[.):]\s")
_CONNECTIVE = re.compile(
    r"^\s*(?:moreover|furthermore|therefore|thus|hence|in addition|additionally"
    r"|that(?:'s| is) why|this(?:'s| is) why|which is why)\b",
    re.IGNORECASE,
)
_TERMINAL = re.compile(
    r"""(?:[.!?)"'\]»]|:[)(DPp]|;\)|\b(?:lol|lmao|haha)\b|emoticon_\w+)\s*$""", re.I
)
_SHORTCODE_END = re.compile(r":[a-z0-9_+-]{2,40}:\s*$")
"""An emoji shortcode (":slight_smile:") ends a line the way an emoticon does; its last ":"
introduces nothing."""


def ends_introducing(line: str) -> bool:
    """Whether a line ends in ":" that introduces what follows (not an emoji shortcode)."""
    text = line.rstrip()
    return text.endswith(":") and _SHORTCODE_END.search(text[-TAIL_CHARS - 20 :]) is None


_SIGN_OFF = re.compile(r"^\s*(?:-{1,2}|~)\s?(?P<name>[A-Z][\w.'-]{1,24})\s*$")


def sign_off(line: str) -> str | None:
    """The name in a sign-off line ("-Mach", "~Anna") that ends a post, if it is one."""
    m = _SIGN_OFF.match(line)
    return m["name"] if m else None


_VALEDICTION = re.compile(
    r"(?:\bthanks?(?: you)?(?: (?:again|in advance|a lot|so much|for \w+(?: \w+){0,4}))?"
    r"|\bcheers|\bregards|\bbest(?: wishes)?|\bsincerely|\byours)\s*[,.!]?\s*$",
    re.IGNORECASE,
)
MAX_NAME_CHARS = 52
_BARE_NAME = re.compile(r"^\s*[A-Z][\w.'-]{1,24}(?: [A-Z][\w.'-]{1,24})?\s*$")


def signed(before: str, line: str) -> bool:
    """Whether `line` is a name signing off under a closing formula ("Thanks,", "Best
    regards,"): the post ends with it."""
    return (
        len(line) <= MAX_NAME_CHARS
        and _BARE_NAME.match(line) is not None
        and _VALEDICTION.search(before[-60:]) is not None
    )


class Lead(Enum):
    """How surely a line leads on to the next instead of ending a post."""

    NONE = 0
    GUESS = 1
    """A short line with no closing punctuation: a heading or a name, or a whole post ("lol")."""
    SURE = 2
    """It ends in ":" or ",", or is a heading in capitals."""


def leads_on(line: str) -> Lead:
    """Whether a line cannot end a post: it introduces what follows (":" or ",") or is a heading.

    A short line with no closing punctuation, or a longer one in capitals, reads as a heading
    or a name ("Global Village Space"); posts rarely end that way, and posts after them are
    rarely separated from them by a single line break only. Only the sure kind keeps a later
    quote from splitting the post there (see `split_at_quoted_openings`).
    """
    text = line.rstrip()
    if not text or text[-1] in _CLOSING:
        return _LEAD_NONE
    if text[-1] in _OPENING and (text[-1] != ":" or ends_introducing(text)):
        return _LEAD_SURE
    if sign_off(text) or _TERMINAL.search(text[-TAIL_CHARS:]) is not None:
        return _LEAD_NONE
    n_words = len(text.split())
    if n_words <= MAX_HEADING_WORDS and _is_capitals(text):
        return _LEAD_SURE
    return Lead.GUESS if n_words <= 6 else _LEAD_NONE


def _is_capitals(text: str) -> bool:
    """A line in capitals, as headings are ("1 CORINTHIANS 6:9 AND 1 TIMOTHY 1:10")."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def kept_by_rule(before_before: str, before: str, line: str) -> bool:
    """Whether a rule of `_Scanner.starts_post` decides the break between own lines `before`
    and `line` (a list going on, a heading or a line ending in ":" leading in, a sign-off, a
    sentence running on, code going on), so the break models never weigh it. The fitters read
    it to learn from the breaks the models do weigh, not from the ones rules take first."""
    return (
        (is_list_item(line) and (is_list_item(before) or ends_introducing(before)))
        or _FIRST_ITEM.match(line) is not None
        or _URL_ONLY.match(line) is not None
        or _CONNECTIVE.match(line) is not None
        or signed(before_before, before)
        or (leads_on(before) is not Lead.NONE and not closes_a_post(before))
        or sign_off(before) is not None
        or (before.rstrip()[-1:].isalnum() and line.lstrip()[:1].islower())
        or (is_literal(line) and is_literal(before))
    )


class Break(Enum):
    """What the segmenter decides at a line: a new post, or the same post (and why)."""

    NEW = "new"
    SAME = "same"
    KEPT = "kept"
    """A rule (a list goes on, a heading leads in) keeps the line in its post: a later quote
    never splits the post there."""


_NEW, _SAME, _KEPT = Break.NEW, Break.SAME, Break.KEPT
_TEXT_KIND, _QUOTE_KIND, _MARKER_KIND = Kind.TEXT, Kind.QUOTE, Kind.MARKER
_HEADER_KIND, _ATTACHMENT_KIND = Kind.HEADER, Kind.ATTACHMENT
_LEAD_NONE, _LEAD_SURE = Lead.NONE, Lead.SURE
"""Module names for the decisions and kinds: looked up on every line (an enum member is looked
up through its class's metaclass, a module name directly)."""


@dataclass(slots=True)
class _LastLine:
    """What the segmenter remembers of the last content line it read."""

    kind: Kind | None = None
    text: str = ""
    leads: bool = False
    """It cannot end a post (see `leads_on`)."""
    introduces: bool = False
    """It surely leads on (":", ",", a heading in capitals, the title repeated)."""
    at: tuple[int, int] | None = None
    """Where the last quote line of the post stands in the quoted text: (line, offset)."""
    before: str = ""
    """The content line before it."""


@dataclass(frozen=True, slots=True)
class _Reading:
    """What a content line is, as `_Scanner.classify` reads it, and what it changes."""

    kind: Kind
    quote: QuoteLine | None = None
    opens_frame: QuoteFrame | None = None
    """An open-ended quote marker ("X wrote:") whose quote starts after it."""
    closes_frame: bool = False
    """The open-ended quote before this line has ended."""
    passage_from: int | None = None
    """Line i-1, too short to be seen as a quote alone, repeats this line just before what
    line i quotes: it opens the quoted passage (and so the reply) instead."""


_TEXT = _Reading(Kind.TEXT)
_CLOSING_TEXT = _Reading(Kind.TEXT, closes_frame=True)
"""The readings of most lines, made once."""


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
            if frame.end > frame.last:  # a mail quote (`> ...` lines) has no closing marker
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
    opens: set[int] | None = None,
    separator: int | None = None,
) -> Layout:
    """Split content lines into posts and mark quote lines, in one pass over the text.

    `skip` holds lines outside posts (title, chrome). Each post's own lines are indexed as soon
    as they are read, so a quote can only ever point back to earlier text. `opens` are lines
    the page's frame says open a post (after a footer); `separator` is the number of blank
    lines the frame puts between posts: where it is one or more, a single line break never
    ends a post and a run of that many blank lines is weighed as a single break is elsewhere.
    """
    scanner = _Scanner(lines, norms, headers, frames, marked, title_key)
    scanner.opens = opens or set()
    scanner.separator = separator or 0
    for i, line in enumerate(lines):
        if i in skip or not line.strip():
            if not line.strip():
                scanner.blank()
            else:
                scanner.chrome()
        elif i in scanner.header_at:
            scanner.header(scanner.header_at[i])
        elif i in scanner.header_lines:
            continue
        elif i in attachment_lines or is_attachment_label(line):
            scanner.attachment(i)
        else:
            scanner.content(i)
    posts = [p for p in scanner.posts if p.lines]
    if not marked:
        posts = split_at_quoted_openings(posts, scanner.quotes, scanner.rule_joins)
    return Layout(posts=posts, quotes=scanner.quotes, index=scanner.index)


def quoted_openings(quotes: dict[int, QuoteLine]) -> set[int]:
    """Lines where a later reply's quoted passage begins, at the start of the line.

    A passage that runs on from one line to the next shows those two lines were one post, so
    the second is never an opening.
    """
    openings: set[int] = set()
    run_on: set[int] = set()
    last_line, last_source = -2, None
    for i in sorted(quotes):
        q = quotes[i]
        if q.source is None or q.frame is not None:
            last_source = None
            continue
        if last_line == i - 1 and last_source is not None:
            if q.source > last_source:
                run_on.add(q.source)
        elif q.offset == 0:
            openings.add(q.source)
        last_line, last_source = i, q.source
    return openings - run_on


MIN_QUOTE_WORDS = 6
"""A repeated line shorter than this ("Thank you in advance!", a name) proves no quote."""


def _says_enough(line: str) -> bool:
    """A line long enough, and prose enough (no log line repeating), to be a real quote."""
    return (
        len(line.split()) >= MIN_QUOTE_WORDS and not is_literal(line) and not LOG_STAMP.search(line)
    )


MIN_QUOTE_OPENINGS = 2
"""How many quoted passages after blank lines show that this page parts posts by them."""
APART_SHARE = 0.67
"""The share of quoted passages that must stand after blank lines: a log or a passage quoted
twice also opens on a single break now and then, and one such must not outvote the rest."""
MAX_SEPARATOR_VOTES = 60
"""The first this many quoted passages decide: the separator is one for the whole page, and
weighing every passage of a long thread costs more than the rest of the check."""


def separator_from_quotes(lines: list[str], quotes: dict[int, QuoteLine]) -> int | None:
    """The blank-line run that parts posts on this page, read from where its quotes stand.

    A reply opens with the words it quotes, right after the post before it, so the lines just
    above a quoted passage show what stands between two posts on this page. Where quotes follow
    the line above with a single break (the seed), single breaks part posts. Where two or more
    quoted passages, and nearly all of them (`APART_SHARE`), stand after a run of blank lines,
    posts are parted as paragraphs are (Discourse flattened without its footers): the shortest
    such run is the separator. Returns None when the quotes say nothing or most say single breaks.
    """
    runs: list[int] = []
    for i in sorted(quotes):
        q = quotes[i]
        if q.source is None or q.frame is not None:
            continue
        k, run = i - 1, 0
        while k >= 0 and not lines[k].strip():
            k, run = k - 1, run + 1
        if k in quotes or not _says_enough(lines[i]):
            continue  # a passage going on, not one opening; or too little to prove a quote
        runs.append(run)
        if len(runs) >= MAX_SEPARATOR_VOTES:
            break
    apart = [run for run in runs if run]
    if len(apart) < MIN_QUOTE_OPENINGS or len(apart) < APART_SHARE * len(runs):
        return None
    return min(apart)


def split_at_quoted_openings(
    posts: list[PostSpan], quotes: dict[int, QuoteLine], keep: set[int]
) -> list[PostSpan]:
    """Split a post where a later reply's quote begins on a line that followed a single break.

    Joining lines at a single break is a guess, and the reply answering the second of two posts
    shows it: people quote a post from its first line. Where the quote starts instead at a line
    inside a post, splitting there still points the quote at the post whose words it repeats.
    Lines in `keep`, which a rule kept in their post (the next item of a list, what a heading
    or a colon introduces, a sentence running on), stay where they are.
    """
    cuts = quoted_openings(quotes) - keep
    if not cuts:
        return posts
    out: list[PostSpan] = []
    for post in posts:
        at = [
            n
            for n in range(1, len(post.lines))
            if post.lines[n][0] in cuts
            and post.lines[n][1] is _TEXT_KIND
            and post.lines[n - 1] == (post.lines[n][0] - 1, _TEXT_KIND)
        ]
        if not at:
            out.append(post)
            continue
        for first, end in zip([0, *at], [*at, len(post.lines)], strict=True):
            piece = PostSpan(start=post.lines[first][0], header=post.header if first == 0 else None)
            piece.lines = post.lines[first:end]
            piece.own = sum(kind in (Kind.TEXT, Kind.ATTACHMENT) for _, kind in piece.lines)
            piece.quoted = [
                (q.source, q.offset, q.end or q.offset + 1)
                for k, kind in piece.lines
                if kind is Kind.QUOTE and (q := quotes[k]).source is not None
            ]
            out.append(piece)
    return out


class _Scanner:
    """The state of one pass over a thread: posts so far, the quote index, the last line."""

    def __init__(
        self,
        lines: list[str],
        norms: list[str],
        headers: list[PostHeader],
        frames: list[QuoteFrame],
        marked: bool,
        title_key: str | None,
    ) -> None:
        self.lines = lines
        self.norms = norms
        self.marked = marked
        self.bare_quotes = not marked or not frames
        """Whether a quote is known only by repeating earlier words: always in a bare dump; on
        a framed page only when the page marks no quote (where it marks quotes, words repeated
        without a marker are a habit, a signature, a phrase)."""
        self.title_key = title_key
        self.header_at = {h.start: h for h in headers}
        self.header_lines = {k for h in headers for k in range(h.start, h.end + 1)}
        self.frames = frames
        self.markers, self.enclosed = _frame_maps(frames)
        self.frame_no = {id(f): n for n, f in enumerate(frames)}
        self.index = QuoteIndex()
        self.quotes: dict[int, QuoteLine] = {}
        self.posts: list[PostSpan] = []
        self.where = _PostIndex()
        self.cur: PostSpan | None = None
        self.last = _LastLine()
        self.introducing = False
        self.open_frame: QuoteFrame | None = None
        self.gap = False
        self.after_chrome = False
        self.chrome_apart = False
        """The chrome after the post stands apart from its words, a blank line above it."""
        self.opens: set[int] = set()
        self.separator = 0
        self.run = 0
        self.rule_joins: set[int] = set()
        """Lines a rule kept in their post (a list goes on, a heading leads in): never split
        there afterwards, whatever a later quote suggests."""

    # --- the kinds of line ---------------------------------------------------------------

    def blank(self) -> None:
        self.gap = self.cur is not None
        self.introducing = False
        self.run += 1

    def chrome(self) -> None:
        """Page chrome ("Reply", "Last edited: ...") sits between posts, not inside one."""
        self.after_chrome = self.cur is not None
        self.chrome_apart = self.gap

    def header(self, header: PostHeader) -> None:
        self.cur = self.new_post(header.start, header)
        self.cur.lines.extend((k, _HEADER_KIND) for k in range(header.start, header.end + 1))
        self.last.kind, self.last.at, self.gap, self.open_frame = _HEADER_KIND, None, False, None
        self.introducing = False

    def attachment(self, i: int) -> None:
        if self.cur is None:
            self.cur = self.new_post(i)
        self.cur.add(i, _ATTACHMENT_KIND)
        self.cur.own += 1
        self.last.kind, self.gap = _ATTACHMENT_KIND, False

    def content(self, i: int) -> None:
        """A line someone wrote: own words, a quote, or a quote marker."""
        line = self.lines[i]
        if self.separator:
            # Posts are apart by blank lines: a run of them is what a single break is elsewhere.
            self.gap = self.cur is not None and self.run < self.separator
        self.run = 0
        if i in self.opens:
            self.cur = None
        if (
            self.cur is not None
            and not line.lstrip()[:1].isalnum()
            and not _WORDY.search(line)
            and i not in self.enclosed
        ):
            # A line of only punctuation (".", "-----") says nothing: it stays in the post it
            # is in, and separates what comes around it as a blank line would.
            self.cur.add(i, _TEXT_KIND)
            self.cur.own += 1
            self.gap, self.introducing = True, False
            return
        pr = probe(self.norms[i])
        reading = self.classify(i, pr)
        if reading is not _TEXT and (
            reading.opens_frame is not None
            or reading.closes_frame
            or reading.passage_from is not None
        ):
            self.follow(i, reading)
        kind, qline = reading.kind, reading.quote
        last = self.last
        brk = _NEW if self.cur is None else _SAME
        if brk is _SAME and not self.marked:
            brk = self.starts_post(i, kind, qline, line)
        if brk is _KEPT:
            self.rule_joins.add(i)
        if brk is _NEW:
            self.cur = self.new_post(i)
        elif (
            not self.marked
            and qline is not None
            and qline.source is not None
            and last.kind is _QUOTE_KIND
            and last.at is not None
            and qline.source > last.at[0]
        ):
            self.rejoin(qline.source, last.at[0])
        cur = self.cur
        assert cur is not None
        cur.add(i, kind)
        cur.own += kind is _TEXT_KIND
        if kind is _TEXT_KIND:
            self.index.add(i, pr)
        if qline is not None:
            self.quotes[i] = qline
            if qline.source is not None:
                last.at = (qline.source, qline.offset)
                cur.quoted.append((qline.source, qline.offset, qline.end or qline.offset + 1))
        last.before, last.text = last.text, line
        last.kind, self.gap = kind, False
        self.after_chrome = False
        # Lines after one ending in ":" ("From GWB's website:") are what it introduces, down to
        # the next blank line, even when each sits on a line of its own.
        self.introducing = self.introducing or (kind is _TEXT_KIND and ends_introducing(line))
        lead = _LEAD_SURE if self.introducing or self.repeats_title(i) else leads_on(line)
        last.leads = lead is not _LEAD_NONE
        last.introduces = lead is _LEAD_SURE

    def follow(self, i: int, reading: _Reading) -> None:
        """Apply what reading line i found: a quote frame opened or ended, or the line before
        taken back as the first line of the passage this one quotes."""
        if reading.opens_frame is not None:
            self.open_frame = reading.opens_frame
        if reading.closes_frame:
            self.open_frame = None
        if reading.passage_from is not None:
            self.cur = self.reopen_passage(i, reading.passage_from)
            self.last.kind = _QUOTE_KIND
            self.last.at = (reading.passage_from, 0)

    def classify(self, i: int, pr: Probe) -> _Reading:
        """Whether a line is own text, a quote (of what) or a quote marker. It changes nothing:
        what the reading implies for the state is applied by `follow`."""
        last = self.last
        if i in self.markers:
            frame = self.markers[i]
            if frame.open_end and i == frame.start:
                return _Reading(_MARKER_KIND, opens_frame=frame)
            return _Reading(_MARKER_KIND)
        if i in self.enclosed:
            n = self.enclosed[i]
            match = self.index.find(pr)
            return _Reading(
                _QUOTE_KIND, _framed_quote(match, pr.truncated, self.frames[n].author, n)
            )
        match = self.index.find(pr) if self.bare_quotes or self.open_frame else None
        closes = False
        if self.open_frame is not None:
            if last.kind is _MARKER_KIND or (match and not self.gap):
                frame_no = self.frame_no[id(self.open_frame)]
                quote = _framed_quote(match, pr.truncated, self.open_frame.author, frame_no)
                return _Reading(_QUOTE_KIND, quote)
            closes = True
        if not match and last.at:
            if last.kind is _QUOTE_KIND:
                match = self.passage_goes_on(i, last.at[0])
            elif last.kind is _TEXT_KIND:
                match = self.short_quote(i, pr, last.at)
        if match and (
            self.inside_own_literal(i)
            or self.same_author(match.line)
            or (self.open_frame is None and formulaic(self.lines[i]))
            or (self.open_frame is None and self.pastes_a_log(i, match.line))
        ):
            # a log repeating its lines is no quote, nor are words an author repeats from
            # their own post (a signature, a habit), nor a formula anyone writes ("Thanks for
            # your time," alone, a line of @mentions)
            match = None
        if not match:
            return _CLOSING_TEXT if closes else _TEXT
        qline = QuoteLine(match.line, match.score, pr.truncated, offset=match.start, end=match.end)
        opener = None
        if last.kind is _TEXT_KIND and not self.gap and self.cur is not None and not self.marked:
            opener = self.passage_opener(i, qline)
        return _Reading(_QUOTE_KIND, qline, closes_frame=closes, passage_from=opener)

    # --- where posts start ---------------------------------------------------------------

    def starts_post(self, i: int, kind: Kind, qline: QuoteLine | None, line: str) -> Break:
        """Whether line i of a bare dump opens a new post (see the module docstring)."""
        cur, last, gap = self.cur, self.last, self.gap
        assert cur is not None
        last_kind = last.kind
        if kind is _MARKER_KIND:
            new = not gap and last_kind not in (_HEADER_KIND, _MARKER_KIND, _QUOTE_KIND)
            return _NEW if new else _SAME
        if kind is _QUOTE_KIND and qline is not None:
            return _NEW if self.quote_starts_post(qline) else _SAME
        if gap and self.after_chrome and self.chrome_apart and last_kind is _TEXT_KIND:
            # Chrome standing apart under a post's words ("2 Likes" between blank lines) closes
            # the post, even on a page whose posts are otherwise one line break apart.
            return _NEW
        if gap or last_kind in (_QUOTE_KIND, _HEADER_KIND, _MARKER_KIND):
            return _SAME
        last_text = last.text
        if is_list_item(line) and (is_list_item(last_text) or ends_introducing(last_text)):
            return _KEPT
        if _FIRST_ITEM.match(line) or _URL_ONLY.match(line) or _CONNECTIVE.match(line):
            return _KEPT
        if last_kind is _TEXT_KIND and signed(last.before, last_text):
            return _NEW
        if last.leads and (last.introduces or not closes_a_post(last_text)):
            return _KEPT if last.introduces else _SAME
        if last_kind is not _TEXT_KIND or sign_off(last_text) or self.after_chrome:
            return _NEW
        if last_text.rstrip()[-1:].isalnum() and line.lstrip()[:1].islower():
            return _KEPT  # a sentence running on over the break
        if is_literal(line) and is_literal(last_text):
            return _KEPT  # a block of code or a log goes on
        post = PostSoFar(
            lines=len(cur.lines),
            has_quotes=bool(cur.quoted),
            quote_just_before=cur.last_quote >= len(cur.lines) - 3,
            has_paragraphs=cur.paragraphs > 1,
            paragraph_lines=cur.paragraph_lines,
            first=len(self.posts) == 1,
        )
        if self.separator:
            return _NEW if is_post_break(last_text, line, post, self.around(i)) else _SAME
        return _NEW if is_new_post(last_text, line, post) else _SAME

    def around(self, i: int) -> Paragraphs:
        """The post so far, its last paragraph and the paragraph opening at line i: what the
        voice cues of a paragraph break compare, read only as far as they look
        (`MAX_VOICE_CHARS` from the break each way)."""
        cur, lines = self.cur, self.lines
        assert cur is not None
        own: list[str] = []
        size = 0
        for k, kind in reversed(cur.lines):
            if size >= MAX_VOICE_CHARS:
                break
            if kind is _TEXT_KIND:
                own.append(lines[k])
                size += len(lines[k]) + 1
        own.reverse()
        last = [lines[k] for k, kind in cur.lines[-cur.paragraph_lines :] if kind is _TEXT_KIND]
        end, size = i, 0
        while end < len(lines) and size < MAX_VOICE_CHARS and lines[end].strip():
            size += len(lines[end]) + 1
            end += 1
        return Paragraphs(
            " ".join(own), " ".join(last[-MAX_PARAGRAPH_LINES:]), " ".join(lines[i:end])
        )

    def quote_starts_post(self, qline: QuoteLine) -> bool:
        """Whether a quote line of a bare dump opens a new post (a reply starts with it)."""
        cur, last, gap = self.cur, self.last, self.gap
        assert cur is not None
        last_kind, last_at = last.kind, last.at
        if qline.frame is not None and last_kind is _MARKER_KIND:
            return False
        if qline.source is not None and qline.source >= cur.start:
            return True
        if gap or last_kind in (_HEADER_KIND, _MARKER_KIND):
            return False
        if qline.source is None or last_at is None:
            return last_kind is not _QUOTE_KIND
        at = (qline.source, qline.offset)
        if last_kind is _QUOTE_KIND:
            opening = cur.own == 0
            return not (opening or self.same_target(at, last_at, adjacent=True))
        if not cur.quoted or cur.requotes(qline):
            return True
        return not self.same_target(at, last_at, adjacent=False)

    def new_post(self, start: int, header: PostHeader | None = None) -> PostSpan:
        post = PostSpan(start=start, header=header)
        self.posts.append(post)
        self.where.add(start, self.gap)
        return post

    def same_target(self, a: tuple[int, int], b: tuple[int, int], adjacent: bool) -> bool:
        """Whether quoting `a` after `b` goes on through the same earlier post.

        `a` and `b` are (line, offset) places in the quoted text. Quotes go forward through the
        quoted post: going back, or on to the next post, is a new reply (people answer posts
        one after another, and several people answer the same post). Quotes in a row may run
        on into a following post that came after a single line break: those two may well be one
        post the split cut in two.
        """
        pa, pb = self.where.of(a[0]), self.where.of(b[0])
        if pa == pb:
            return a > b
        return adjacent and pa == pb + 1 and a > b and self.splittable(pb, pa)

    def splittable(self, first: int, last: int) -> bool:
        """Whether posts first..last are separated only by single line breaks we split at."""
        return all(
            not self.where.gap_before[k] and self.posts[k].header is None
            for k in range(first + 1, last + 1)
        )

    def same_author(self, source: int) -> bool:
        """Whether the post being read and the post holding line `source` have one author."""
        cur = self.cur
        if cur is None or cur.header is None or not cur.header.author:
            return False
        found = self.where.of(source)
        header = self.posts[found].header if 0 <= found < len(self.posts) else None
        return (
            header is not None
            and header.author is not None
            and header.author.casefold() == cur.header.author.casefold()
        )

    def pastes_a_log(self, i: int, source: int) -> bool:
        """Whether line i opens a block of log or code lines that repeats a block of them
        (line `source` on, the next line too): the same error or output pasted again, quoting
        nobody. A quote opens with words; one code line quoted alone stays a quote."""
        lines, norms = self.lines, self.norms
        return (
            self.last.kind is not _QUOTE_KIND
            and i + 1 < len(lines)
            and source + 1 < len(lines)
            and norms[i + 1] == norms[source + 1] != ""
            and all(is_literal(lines[k]) for k in (i, i + 1, source, source + 1))
        )

    def inside_own_literal(self, i: int) -> bool:
        """Whether line i goes on a run of code or log lines that are the poster's own: a log
        repeats its lines, and a quoted block would have been a quote from its first line.
        A line that announces a quote ("alice:", a quote tag left as text) opens no log: what
        stands under it is a quote."""
        return (
            self.cur is not None
            and self.last.kind is _TEXT_KIND
            and (marks_code(self.lines[i]) or looks_literal(self.lines[i]))
            and looks_literal(self.last.text)
            and not announces_quote(self.last.text)
        )

    def repeats_title(self, i: int) -> bool:
        """A line that repeats the thread title (an article's headline) heads what follows."""
        key, norm = self.title_key, self.norms[i]
        return key is not None and abs(len(norm) - len(key)) <= 3 and " ".join(words(norm)) == key

    # --- quotes too short to find alone --------------------------------------------------

    def short_quote(self, i: int, pr: Probe, after: tuple[int, int]) -> Match | None:
        """A line too short to match on its own that repeats a whole line of the post being
        answered, further on than the last quote: the next quote of a quote/answer run."""
        cur = self.cur
        if pr.quotable or cur is None or not cur.quoted:
            return None
        quoted = self.where.of(after[0])
        starts = self.where.starts
        end = starts[quoted + 1] if quoted + 1 < len(starts) else cur.start
        for k in range(after[0] + 1, min(end, after[0] + SHORT_QUOTE_REACH)):
            if self.norms[k] == self.norms[i] and k in self.index:
                return Match(k, 1.0)
        return None

    def passage_goes_on(self, i: int, source: int) -> Match | None:
        """A short line right after a quote that repeats the next line of the quoted text.

        "Grade A BS." is too short to be recognised alone, but inside a quoted passage it is
        simply the passage's next paragraph.
        """
        norms = self.norms
        k = source + 1
        while k < i and not norms[k]:
            k += 1
        if k < i and k in self.index and norms[k] == norms[i]:
            return Match(k, 1.0)
        return None

    def passage_opener(self, i: int, q: QuoteLine) -> int | None:
        """The line just before what line i quotes, if line i-1 repeats it.

        A passage quoted whole can open with a line too short to recognise ("Ummmm...what?");
        seen from its second line, it is the passage's first.
        """
        cur, norms = self.cur, self.norms
        assert cur is not None
        if q.source is None or q.frame is not None or cur.lines[-1] != (i - 1, _TEXT_KIND):
            return None
        before = q.source - 1
        while before >= 0 and not norms[before]:
            before -= 1
        if before < 0 or before not in self.index or norms[before] != norms[i - 1]:
            return None
        return before

    def reopen_passage(self, i: int, before: int) -> PostSpan:
        """Make line i-1 a quote of line `before`, opening the quote (and so the reply).
        Returns the post it now opens."""
        cur, norms = self.cur, self.norms
        assert cur is not None
        cur.lines.pop()
        cur.own -= 1
        self.index.discard(i - 1)
        self.quotes[i - 1] = QuoteLine(before, 1.0, False, offset=0, end=len(norms[before]))
        post = self.new_post(i - 1) if cur.lines else cur
        post.lines.append((i - 1, _QUOTE_KIND))
        post.quoted.append((before, 0, len(norms[before])))
        return post

    def rejoin(self, a: int, b: int) -> None:
        """Undo our split between the posts of quoted lines `b` and `a`, quoted in a row.

        People quote a post whole; when one run of quotes repeats lines `b` then `a` with
        nothing but blank lines between them, across a single line break we split at, those
        lines were one post. (A reply quoting two posts in a row reads the same way: the truth
        of the seed accepts that reading.)
        """
        where, posts = self.where, self.posts
        pa, pb = where.of(a), where.of(b)
        if pa != pb + 1 or not self.splittable(pb, pa):
            return
        if any(self.norms[k] for k in range(b + 1, a)):
            return
        posts[pb].lines.extend(posts[pa].lines)
        posts[pb].own += posts[pa].own
        del posts[pa]
        del where.starts[pa]
        del where.gap_before[pa]
