"""Mail structure read from a page: messages opened by header blocks, as mail archives print them.

A mailing-list or usenet archive (a Pipermail month served as text, an mbox, a Mailman digest,
a news archive's page) prints every message under a block of header fields: `From:`, `Date:`,
`Subject:`, `Message-ID:` and more, one per line, long ones folded onto indented lines. That
block is the message's frame, never its words, and the page repeats it once per message: it
alone says where messages start. What stands right above the block and belongs to the message
is read from the page too: the subject heading an archive prints over the fields (`### Re:
subject`, the block's own Subject), and a line of one shape standing right above most blocks
(the mbox `From addr  date` separator, a digest's `Message: 3`). Lines every message ends with
(a list footer, an archive's attachment note) and a signature after `-- ` are the message's
frame too: they are read from their repetition at the ends of the page's messages.

A header block quoted inside a message (`-----Original Message-----` then From/Sent/To) is the
quoted message's, not a new one: it is announced as such, or its fields are not the ones the
page's own headers share. Fields in other languages (`Von:`, `Betreff:`, `De:`) are the same
fields. Pure functions, standard library only; lines are numbered from 0.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, replace
from email.header import decode_header, make_header
from email.utils import parseaddr, parsedate_to_datetime

from parsing.frame import Frame
from parsing.headers import PostHeader
from parsing.mail_quotes import is_marked

MIN_MESSAGES = 2
"""A page is read as mail when at least this many header blocks stand on it."""
MIN_SHARED = 0.6
"""A field is one of the page's own header fields when this share of its blocks hold it."""
MAX_SUBJECT_REACH = 6
"""How many lines above its fields an archive's subject heading may stand (a depth note and
blank lines between)."""
MAX_ROW_WORDS = 8
"""Lines between a subject heading and the fields are short notes ("(reply depth: 4)")."""
MAX_TRAILER_LINES = 12
"""How many closing lines of a message can be its footer and signature."""
MAX_SIGNATURE_LINES = 6
"""How many lines a signature under a `-- ` line may have."""

_FIELD = re.compile(
    r"^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?([A-Za-z][A-Za-z0-9-]{0,40})(?:\*\*|__)?:"
    r"(?:\*\*|__)?(?:[ \t]+(.*?))?\s*$"
)
"""A header field line: a name of letters, digits and dashes, a colon, the value; as a tool
renders it too (`- **From:** value`)."""
_FOLDED = re.compile(r"^[ \t]+\S")
_FROM = frozenset(("from", "von", "de", "da", "van", "od", "från", "fra", "от"))
_DATE = frozenset(
    ("date", "sent", "datum", "gesendet", "envoyé", "fecha", "enviado", "data", "дата", "päiväys")
)
_SUBJECT = frozenset(
    ("subject", "betreff", "objet", "asunto", "oggetto", "onderwerp", "assunto", "тема", "ämne")
)
_QUOTED_HEAD = re.compile(
    r"original message|forwarded message|weitergeleitete|message d'origine", re.I
)
_REPLY_PREFIX = re.compile(
    r"^(?:(?:re|aw|sv|vs|wg|fw|fwd|tr|antw)\s*(?:\[\d+\])?\s*:\s*|\[[^\]]{1,40}\]\s*)+", re.I
)
_LEAD_MARKS = re.compile(r"^[\s#*_\-•·↳→>|]*")
_VIA = re.compile(r"\s+via\s+\S+$", re.I)
_SIGNATURE = re.compile(r"^--\s?$")
_VARYING = re.compile(r"[0-9a-f]*\d[0-9a-f]*", re.I)
_WORD = re.compile(r"\w")


@dataclass(slots=True)
class _Block:
    """A run of header field lines: where it stands and its fields (name -> value)."""

    first: int
    last: int
    fields: dict[str, str]


def _blocks(lines: list[str]) -> list[_Block]:
    """Every run of two or more field lines (folded lines go with the field above)."""
    blocks: list[_Block] = []
    i, n = 0, len(lines)
    while i < n:
        m = _FIELD.match(lines[i]) if ":" in lines[i][:48] else None
        if m is None or is_marked(lines[i]):
            i += 1
            continue
        fields: dict[str, str] = {}
        first = k = i
        name = ""
        while k < n:
            line = lines[k]
            m = _FIELD.match(line) if ":" in line[:48] and not is_marked(line) else None
            if m is not None:
                name = m[1].lower()
                fields.setdefault(name, (m[2] or "").strip())
            elif name and _FOLDED.match(line) and line.strip():
                fields[name] = f"{fields[name]} {line.strip()}".strip()
            else:
                break
            k += 1
        if len(fields) >= 2:
            blocks.append(_Block(first, k - 1, fields))
        i = max(k, i + 1)
    return blocks


def _has(fields: dict[str, str], names: frozenset[str]) -> bool:
    return any(name in fields for name in names)


def _message_blocks(lines: list[str]) -> list[_Block]:
    """The blocks that open messages: a sender and a date or subject, not announced as a
    quoted message, holding most of the fields the page's blocks share."""
    blocks = [
        b
        for b in _blocks(lines)
        if _has(b.fields, _FROM)
        and (_has(b.fields, _DATE) or _has(b.fields, _SUBJECT))
        and not any(_QUOTED_HEAD.search(lines[k]) for k in range(max(0, b.first - 2), b.first))
    ]
    if len(blocks) < MIN_MESSAGES:
        return []
    seen = Counter(name for b in blocks for name in b.fields)
    shared = {name for name, count in seen.items() if count >= MIN_SHARED * len(blocks)}
    kept = [b for b in blocks if 2 * len(shared & b.fields.keys()) > len(shared)]
    return kept if len(kept) >= MIN_MESSAGES else []


def subject_key(text: str) -> str:
    """A subject as the thread names it: no marks in front, no "Re:"/"AW:" or "[list]" tags,
    lower case, single spaces."""
    text = _LEAD_MARKS.sub("", text.strip())
    return " ".join(_REPLY_PREFIX.sub("", text).lower().split())


def _rows_above(lines: list[str], block: _Block, floor: int) -> list[int]:
    """The non-blank lines a few rows above a block's fields, nearest first, up to a marked line
    or through the first long one (a subject may be long; rows under it are short notes)."""
    out: list[int] = []
    for k in range(block.first - 1, max(floor, block.first - 1 - MAX_SUBJECT_REACH), -1):
        text = lines[k].strip()
        if not text:
            continue
        if is_marked(lines[k]):
            break
        out.append(k)
        if len(_LEAD_MARKS.sub("", text).split()) > MAX_ROW_WORDS:
            break
    return out


def _thread_subjects(lines: list[str], blocks: list[_Block]) -> set[str]:
    """The subject a page of one thread prints in its head and over its messages' fields when
    the fields hold none: a line of the head whose words stand above half the blocks."""
    head = {subject_key(lines[k]) for k in range(max(0, blocks[0].first - 40), blocks[0].first)}
    head.discard("")
    floors = [-1] + [b.last for b in blocks[:-1]]
    seen = Counter(
        key
        for b, floor in zip(blocks, floors, strict=True)
        for key in {subject_key(lines[k]) for k in _rows_above(lines, b, floor)}
        if key in head and _WORD.search(key)
    )
    return {key for key, count in seen.items() if count >= len(blocks) / 2}


def _subject_heading(lines: list[str], block: _Block, floor: int, thread: set[str]) -> int | None:
    """The line above the fields that prints the message's subject (its own Subject field, or
    the thread's subject where fields hold none), if one does."""
    subject = next((v for k, v in block.fields.items() if k in _SUBJECT), None)
    keys = {subject_key(subject)} - {""} if subject else thread
    if not keys:
        return None
    return next(
        (k for k in _rows_above(lines, block, floor) if subject_key(lines[k]) in keys), None
    )


def _opener_key(line: str) -> str:
    """The first word of a line standing over a header block ("from", "message:")."""
    words = _LEAD_MARKS.sub("", line).split()
    return words[0].lower() if words else ""


def _tops(lines: list[str], blocks: list[_Block]) -> list[int]:
    """Where each message starts: its subject heading, and a line of the shape that stands
    right above most of the page's blocks (no blank line between)."""
    tops: list[int] = []
    floor = -1
    thread = _thread_subjects(lines, blocks)
    for b in blocks:
        heading = _subject_heading(lines, b, floor, thread)
        tops.append(b.first if heading is None else heading)
        floor = b.last
    above = [
        _opener_key(lines[t - 1])
        if t > 0 and lines[t - 1].strip() and not is_marked(lines[t - 1])
        else ""
        for t in tops
    ]
    counts = Counter(k for k in above if k)
    floors = [-1] + [b.last for b in blocks[:-1]]
    return [
        t - 1 if key and counts[key] >= max(MIN_MESSAGES, len(tops) / 2) and t - 1 > low else t
        for t, key, low in zip(tops, above, floors, strict=True)
    ]


def _author(value: str) -> str | None:
    """The sender's name as a reader knows it ("Andy Grunwald" of "andy at example.com (Andy
    Grunwald)" or "Andy Grunwald <andy@example.com>"), else the address's local part."""
    with contextlib.suppress(ValueError, LookupError, UnicodeError):
        value = str(make_header(decode_header(value)))
    name, address = parseaddr(value.replace(" at ", "@"))
    name = _VIA.sub("", name.strip().strip("\"'"))
    if name:
        return name
    return address.split("@")[0] or None


def _date(value: str) -> dt.date | None:
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return dt.datetime.fromisoformat(value.strip("` ")).date()
    except ValueError:
        return None


def _masked(line: str) -> str:
    return " ".join(_VARYING.sub("0", line.lower()).split())


def _trailers(lines: list[str], spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Each message's closing lines that are frame: the lines several messages end with (a
    list footer, an attachment note, a signature repeated), and a signature under `-- `."""
    ends: list[list[int]] = []
    for body_first, last in spans:
        # a trailer closes the message: it stands after its last quoted line
        marked = [k for k in range(body_first, last + 1) if is_marked(lines[k])]
        start = marked[-1] + 1 if marked else body_first
        own = [k for k in range(start, last + 1) if lines[k].strip()]
        ends.append(own[-MAX_TRAILER_LINES:])
    seen = Counter(key for end in ends for key in {_masked(lines[k]) for k in end})
    out: list[tuple[int, int]] = []
    for (body_first, _), end in zip(spans, ends, strict=True):
        cut = len(end)
        while cut > 0 and seen[_masked(lines[end[cut - 1]])] >= MIN_MESSAGES:
            cut -= 1
        for j in range(max(0, cut - MAX_SIGNATURE_LINES), cut):
            if _SIGNATURE.match(lines[end[j]].rstrip(" \t")) or lines[end[j]] == "-- ":
                cut = j
                break
        if cut < len(end) and any(  # a message is never all frame
            lines[k].strip() for k in range(body_first, end[cut])
        ):
            out.append((end[cut], end[-1]))
    return out


def find_mail_frame(lines: list[str]) -> Frame | None:
    """The frame of a page of mail messages, or None when the page is no mail archive."""
    if sum(1 for line in lines[:4000] if ":" in line[:48]) < 2 * MIN_MESSAGES:
        return None
    blocks = _message_blocks(lines)
    if not blocks:
        return None
    tops = _tops(lines, blocks)
    headers: list[PostHeader] = []
    for top, b in zip(tops, blocks, strict=True):
        sender = next((v for k, v in b.fields.items() if k in _FROM), "")
        date = next((v for k, v in b.fields.items() if k in _DATE), "")
        headers.append(PostHeader(top, b.last, _author(sender), None, _date(date), None))
    return _framed(lines, headers)


MAX_HEAD_LINES = 12
"""How many lines (title, navigation) a single message's archive page prints above its header."""
MAX_HEAD_WORDS = 30
"""A longer line above the header is someone's words, not the page's title or navigation."""
_ADDRESS = re.compile(r"[\w.+-]+(?:@| at )[\w-]+(?:\.[\w-]+)+")


def _sender_and_date(lines: list[str], k: int) -> bool:
    """Whether line k names a sender with an address ("John Fouhy john at fouhy.net") and the
    next line is a date: the header an archive prints over a message without field names."""
    if k + 1 >= len(lines) or _ADDRESS.search(lines[k]) is None or len(lines[k].split()) > 8:
        return False
    return _date(lines[k + 1].strip()) is not None


def _repeated_navigation(lines: list[str], head: list[int], end: int) -> list[tuple[int, int]]:
    """Lines the page prints both around the header and at its foot ("Next message: ...",
    "Messages sorted by: ..."): its navigation, not the message's words."""
    top = {lines[k].strip() for k in head} | {
        lines[k].strip() for k in range(end + 1, min(len(lines), end + MAX_HEAD_LINES))
    }
    tail = [k for k in range(len(lines)) if lines[k].strip()][-MAX_HEAD_LINES:]
    seen = Counter(line.strip() for line in lines)  # printed twice: above and below
    repeated = {lines[k].strip() for k in tail if lines[k].strip() in top}
    repeated = {text for text in repeated if seen[text] >= 2}
    return [
        (k, k)
        for k in range(end + 1, len(lines))
        if lines[k].strip() in repeated and len(lines[k].split()) >= 2
    ]


def find_mail_message(lines: list[str]) -> Frame | None:
    """The frame of an archive's page of one message (Hypermail, MHonArc, Pipermail's HTML
    message page, laid out as text): a header near the top (a From/Date block, or a sender line
    with an address over a date line), only short lines (title, navigation) above it, and mail
    quoting in the body. Asked only where the page has no frame of its own."""
    head = [k for k in range(len(lines)) if lines[k].strip()][: MAX_HEAD_LINES + 2]
    quoted = any(is_marked(line) and _WORD.search(line) for line in lines)
    if not head or not quoted:
        return None
    for n, k in enumerate(head):
        if len(lines[k].split()) > MAX_HEAD_WORDS:
            return None
        block = next(iter(_blocks(lines[k : k + 40])), None)
        if (
            block is not None
            and block.first == 0
            and _has(block.fields, _FROM)
            and (_has(block.fields, _DATE) or _has(block.fields, _SUBJECT))
        ):
            sender = next(v for f, v in block.fields.items() if f in _FROM)
            date = next((v for f, v in block.fields.items() if f in _DATE), "")
            header = PostHeader(k, k + block.last, _author(sender), None, _date(date), None)
        elif _sender_and_date(lines, k):
            name = _ADDRESS.sub("", lines[k]).strip(" <>()\"'")
            header = PostHeader(k, k + 1, name or None, None, _date(lines[k + 1].strip()), None)
        else:
            continue
        if n > MAX_HEAD_LINES:
            return None
        return Frame(
            headers=[header],
            footers=_repeated_navigation(lines, head, header.end),
            starts=[header.start],
            complete=True,
            gap=None,
            keys=frozenset(),
        )
    return None


def is_bare_mark(line: str) -> bool:
    """A quote-marked line with no words (`>`, `> >`): a quote's blank line, nobody's text."""
    return is_marked(line) and _WORD.search(line) is None


def bare_marks(lines: list[str], quoted: set[int], everywhere: bool) -> set[int]:
    """The wordless marked lines that belong to mail quotes: next to a quote's lines (or to
    another such line), or anywhere on a page of mail messages. Elsewhere a forum's own quote
    frame may hold them, and they part its quotes."""
    bare = [k for k, line in enumerate(lines) if k not in quoted and is_bare_mark(line)]
    if everywhere:
        return set(bare)
    near: set[int] = set()
    for k in bare:  # in page order: a run of them above a quote joins it from below next
        if k - 1 in quoted or k - 1 in near:
            near.add(k)
    for k in reversed(bare):
        if k + 1 in quoted or k + 1 in near:
            near.add(k)
    return near


MIN_ROWS = 3
"""A page is read by its sender/date rows when at least this many stand on it, all of one
shape."""
MAX_ROW_REACH = 3
"""How many non-blank lines above its date a row's sender may stand ("Name", "unread,", date)."""
MAX_NAME_WORDS = 5
MAX_DATE_CHARS = 60
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_YEAR = r"(?:\d{4}|'\d\d)"
_DATE_PART = re.compile(
    rf"\b(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{_YEAR}|\d{{1,2}}\s+{_MONTH},?\s+{_YEAR}"
    r"|\d{4}-\d\d-\d\d|\d{1,2}/\d{1,2}/\d{2,4})",
    re.I,
)
_TIME_PART = re.compile(r"\d{1,2}:\d\d(?::\d\d)?\s*(?:[ap]\.?\s?m\.?)?|\b(?:utc|gmt|at|on)\b", re.I)
_WEEKDAY = re.compile(r"\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?", re.I)


def _date_row(line: str) -> bool:
    """A line that says only when (a date, a time, a weekday): a message's date row."""
    text = _LEAD_MARKS.sub("", line).strip()
    if not text or len(text) > MAX_DATE_CHARS or not _DATE_PART.search(text):
        return False
    rest = _WEEKDAY.sub(" ", _DATE_PART.sub(" ", _TIME_PART.sub(" ", text)))
    return not _WORD.search(rest)


def _name_row(line: str) -> bool:
    text = _LEAD_MARKS.sub("", line).strip()
    return (
        0 < len(text.split()) <= MAX_NAME_WORDS
        and _WORD.search(text) is not None
        and not is_marked(line)
        and not _date_row(line)
        and ":" not in text
    )


def find_sender_rows(lines: list[str]) -> Frame | None:
    """The frame of a page that prints each message under a row of its sender's name and its
    date, with no field names (a Google Groups or HyperKitty thread page laid out as text).

    The rows are read from the page's own repetition: the date rows, and above each the
    sender at the same distance with the same lines between ("unread,") on nearly all of
    them. A line right above the name that names the sender too (an avatar's "Name's profile
    photo") opens the message; the lines every message repeats right under its date (reply
    buttons, a permission note) close its header, with a line each message opens with the same
    word ("to Name, Group") after them. Asked only where the page has no frame of its own."""
    dates = [k for k, line in enumerate(lines) if line.strip() and _date_row(line)]
    if len(dates) < MIN_ROWS:
        return None
    shapes: dict[tuple[int, tuple[str, ...]], dict[int, str]] = {}
    for d in dates:
        above = [k for k in range(d - 1, max(-1, d - 4 * MAX_ROW_REACH), -1) if lines[k].strip()]
        for reach, k in enumerate(above[:MAX_ROW_REACH], start=1):
            if _name_row(lines[k]):
                between = tuple(_masked(lines[j]) for j in above[: reach - 1])
                shapes.setdefault((reach, between), {})[d] = lines[k].strip().casefold()
    # the sender's row is the one whose text varies ("unread," above every date is frame)
    found = [
        (len(named), -shape[0], shape)
        for shape, named in shapes.items()
        if len(named) >= max(MIN_ROWS, MIN_SHARED * len(dates)) and len(set(named.values())) > 1
    ]
    if not found:
        return None
    shape = max(found)[2]
    rows = sorted(shapes[shape])
    names = []
    for d in rows:
        above = [k for k in range(d - 1, -1, -1) if lines[k].strip()][: shape[0]]
        names.append(above[-1])
    seen = Counter(_masked(line) for line in lines if line.strip())
    headers: list[PostHeader] = []
    for n, (name_at, d) in enumerate(zip(names, rows, strict=True)):
        name = _LEAD_MARKS.sub("", lines[name_at]).strip()
        top = name_at
        end = d
        nxt = rows[n + 1] if n + 1 < len(rows) else len(lines)
        k = d + 1
        while k < nxt:  # the lines every message repeats under its date
            if lines[k].strip():
                if seen[_masked(lines[k])] < max(MIN_ROWS, MIN_SHARED * len(rows)):
                    break
                end = k
            k += 1
        headers.append(PostHeader(top, end, name, None, _date(lines[d].strip()), None))
    headers = _named_above(lines, headers)
    _recipients(lines, headers)
    return _framed(lines, headers)


def _framed(lines: list[str], headers: list[PostHeader]) -> Frame:
    """The page's frame from its message headers: each message's body runs to the next
    header, and lines its messages end alike with are its trailers."""
    spans = [
        (h.end + 1, (headers[n + 1].start - 1) if n + 1 < len(headers) else len(lines) - 1)
        for n, h in enumerate(headers)
    ]
    return Frame(
        headers=headers,
        footers=_trailers(lines, spans),
        starts=[h.start for h in headers],
        complete=True,
        gap=None,
        keys=frozenset(),
    )


def _named_above(lines: list[str], headers: list[PostHeader]) -> list[PostHeader]:
    """Headers reaching up over the line right above them that names their author the same way
    over most of them (an avatar's "Name's profile photo"): the message opens there. A line of
    the name alone is no such line (a signature of the post before)."""
    above: list[tuple[int, str] | None] = []
    floor = -1
    for h in headers:
        k = next((k for k in range(h.start - 1, floor, -1) if lines[k].strip()), None)
        floor = h.end
        name = (h.author or "").casefold()
        text = lines[k].casefold() if k is not None else ""
        rest = " ".join(text.replace(name, " ").split()) if name and name in text else ""
        above.append((k, _masked(rest)) if k is not None and _WORD.search(rest) else None)
    shapes = Counter(a[1] for a in above if a is not None)
    if not shapes:
        return headers
    shape, count = shapes.most_common(1)[0]
    if count < max(MIN_MESSAGES, MIN_SHARED * len(headers)):
        return headers
    return [
        replace(h, start=a[0]) if a is not None and a[1] == shape else h
        for h, a in zip(headers, above, strict=True)
    ]


def _recipients(lines: list[str], headers: list[PostHeader]) -> None:
    """Take into each header the line right under it when most headers have one opening with
    the same word (the recipients, "to Name, Group"): the page's frame, not the words."""
    firsts = [
        next((k for k in range(h.end + 1, min(len(lines), h.end + 4)) if lines[k].strip()), None)
        for h in headers
    ]
    keys = Counter(_opener_key(lines[k]) for k in firsts if k is not None)
    if not keys:
        return
    key, count = keys.most_common(1)[0]
    if not key or count < max(MIN_ROWS, MIN_SHARED * len(headers)):
        return
    for n, k in enumerate(firsts):
        if k is not None and _opener_key(lines[k]) == key:
            headers[n] = replace(headers[n], end=k)
