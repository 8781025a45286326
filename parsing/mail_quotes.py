"""Quotes marked the mail way: runs of lines opening with `>`, as mail and usenet print them.

A reply quotes the message it answers line by line behind `>` marks (`> >` for a quote of a
quote). Each run of marked lines is one quote: a reader sees one block, whatever its nesting, and
its words say which earlier message it repeats. Mail clients wrap long quoted lines and leave the
overflow unmarked (Outlook), and archives put an elision note in place of quoted lines they drop:
a single unmarked line between two marked lines of an unfinished sentence, or one that is no prose
at all, is still the quote. The "X wrote:" line above a run is its marker, not a quote.
"""

from __future__ import annotations

import re
from typing import TypeVar

from parsing.headers import QuoteFrame
from parsing.literal import is_literal

T = TypeVar("T")

_MARK = re.compile(r"^[ \t]{0,3}(?:>[ \t]?)+")
_SENTENCE_END = (".", "!", "?", ":", ";")
MIN_MARKED_RUNS = 2
"""A page quotes the mail way when at least this many runs of marked lines stand on it; one
stray `>` (an arrow, a comparison) proves nothing."""
MAX_MARKER_GAP = 3
"""How many lines after an "X wrote:" line the marked run it announces may begin (a blank line,
a "<snip>")."""


def is_marked(line: str) -> bool:
    """Whether a line opens with a mail quote mark (`>`, `> >`, `>>`)."""
    return line.lstrip(" \t")[:1] == ">" and _MARK.match(line) is not None


def unmarked(line: str) -> str:
    """A marked line's words, without its quote marks."""
    return _MARK.sub("", line, count=1)


def _words(line: str) -> bool:
    return any(c.isalnum() for c in line)


def quote_runs(lines: list[str]) -> list[tuple[int, int]]:
    """Each run of marked lines (0-based, inclusive), trimmed of marked lines with no words.

    A run goes on over one unmarked line between two marked ones where the marked line above
    breaks off mid-sentence (a wrapped line's overflow) or the unmarked line is no prose (an
    archive's elision note, "[...]"), and over a short overflow in lower case ending it.
    """
    runs: list[tuple[int, int]] = []
    n = len(lines)
    # a mark stands within a line's first four characters: nearly no line has one there
    starts = [i for i, line in enumerate(lines) if ">" in line[:4] and is_marked(line)]
    done = -1
    for i in starts:
        if i <= done:
            continue
        j = i
        while True:
            if j + 1 < n and is_marked(lines[j + 1]):
                j += 1
                continue
            if (
                j + 2 < n
                and lines[j + 1].strip()
                and is_marked(lines[j + 2])
                and _overflow(unmarked(lines[j]), lines[j + 1])
            ):
                j += 2
                continue
            if (
                j + 1 < n
                and _trailing_overflow(unmarked(lines[j]), lines[j + 1])
                and (j + 2 >= n or not lines[j + 2].strip())
            ):
                j += 1
            break
        a, b = i, j
        while a <= b and not _words(unmarked(lines[a])):
            a += 1
        while b >= a and not _words(unmarked(lines[b])):
            b -= 1
        if a <= b and not _code(lines, a, b):
            runs.append((a, b))
        done = j
    return runs


def _code(lines: list[str], a: int, b: int) -> bool:
    """Whether a run is a console session (`>>> x = f()`), not a quote: half or more of its
    worded lines are code, and it is more than one line or its prompt is `>>`/`>>>` (a single
    quoted line of digits and brackets, "> 8) LEVEL 66", is a quote)."""
    worded = [k for k in range(a, b + 1) if _words(lines[k])]
    code = sum(is_literal(unmarked(lines[k])) for k in worded)
    if 2 * code < len(worded):
        return False
    return len(worded) > 1 or lines[a].lstrip().startswith(">>")


def _overflow(above: str, line: str) -> bool:
    text = line.strip()
    if not text[:1].isalnum():
        return True
    return bool(above.strip()) and not above.rstrip().endswith(_SENTENCE_END)


MAX_OVERFLOW_WORDS = 4
"""A wrapped quoted line leaves a word or a few unmarked, not a sentence."""


def _trailing_overflow(above: str, line: str) -> bool:
    """Whether the unmarked line right after a run, before a blank line, is its last marked
    line's overflow: that line breaks off mid-sentence and this one goes on in lower case."""
    text = line.strip()
    return (
        text[:1].islower()
        and len(text.split()) <= MAX_OVERFLOW_WORDS
        and bool(above.strip())
        and not above.rstrip().endswith(_SENTENCE_END)
    )


_STAMP_OR_ADDRESS = re.compile(
    r"\d{1,2}:\d{2}|\b(?:19|20)\d\d\b|[\w.+-]+(?:@| at )[\w-]+\.[\w.-]+|<\S*>?\s*$"
)
"""A time, a year or an e-mail address (not an @mention): what a mail client's attribution names."""
_WROTE = re.compile(
    r"\b(?:wrote|writes|said|schrieb|a écrit|escribió|ha scritto|napisał|написал)\s*:\s*$", re.I
)
MAX_ATTRIBUTION_CHARS = 160


def _attribution_text(text: str) -> bool:
    """Whether a line (or two joined) reads as a mail client's attribution: it ends in a colon
    and names a time, a year or an address ("On Feb 22, 2016, X <x at y> wrote:",
    "2015-11-21 13:05 GMT+01:00 X <x at y>:"), or ends in "wrote:"."""
    text = text.strip()
    if not text.endswith(":") or len(text) > MAX_ATTRIBUTION_CHARS:
        return False
    return _WROTE.search(text) is not None or _STAMP_OR_ADDRESS.search(text[:-1]) is not None


def attribution_start(lines: list[str], k: int) -> int:
    """Where an attribution ending on line k begins: a mail client wraps a long one onto two
    lines ("On Mon, ..., X via list <" / "list at example.org> wrote:")."""
    if k > 0 and lines[k - 1].strip() and not is_marked(lines[k - 1]):
        above = lines[k - 1].rstrip()
        if (
            not above.endswith(_SENTENCE_END)
            and _STAMP_OR_ADDRESS.search(above) is not None
            and _attribution_text(f"{above} {lines[k].strip()}")
        ):
            return k - 1
    return k


def attribution_above(lines: list[str], a: int) -> int | None:
    """The first line of an attribution standing right above a run (a blank line between or
    not), if one does."""
    k = a - 1
    while (
        k >= 0
        and a - k <= 3
        and (not lines[k].strip() or (is_marked(lines[k]) and not _words(lines[k])))
    ):
        k -= 1
    if k < 0 or a - k > 3 or is_marked(lines[k]):
        return None
    start = attribution_start(lines, k)
    text = " ".join(lines[j].strip() for j in range(start, k + 1))
    return start if _attribution_text(text) else None


def mail_quote_frames(
    lines: list[str], frames: list[QuoteFrame], mail: bool = False
) -> list[QuoteFrame]:
    """The quote frames of a page with `frames` (its "X wrote:" markers) and its marked runs.

    Each marked run becomes a closed frame with no closing marker (`end == last`); an
    open-ended "X wrote:" frame a few lines above a run becomes the run's marker. A page with
    fewer than `MIN_MARKED_RUNS` runs keeps `frames` as they are, and so does a page whose
    quotes the forum frames itself (a closed frame, "X said: ... Click to expand..."): there a
    `>` is what a poster typed, as the segmenter reads words repeated without the forum's
    marker. On a page of mail messages (`mail`, their header blocks found) one run is enough.
    """
    if any(not f.open_end for f in frames):
        return frames
    runs = quote_runs(lines)
    if len(runs) < (1 if mail else MIN_MARKED_RUNS):
        return frames
    inside = {k for a, b in runs for k in range(a, b + 1)}
    openers = {f.start: f for f in frames if f.open_end}
    used: set[int] = set()
    out = [f for f in frames if not (f.start in inside or (not f.open_end and f.first in inside))]
    for a, b in runs:
        said = next(
            (
                openers[k]
                for k in range(a - 1, max(-1, a - 1 - MAX_MARKER_GAP), -1)
                if k in openers and k not in used
            ),
            None,
        )
        between = range(said.start + 1, a) if said is not None else range(0)
        if said is not None and all(
            not _words(lines[k]) or lines[k].strip().startswith("<") for k in between
        ):
            used.add(said.start)
            # no author: the name a mail client prints ("X" <x@example.org>) rarely matches
            # how the page names the poster, and the quoted words say what the run repeats
            out.append(QuoteFrame(attribution_start(lines, said.start), a, b, b, None, False))
        else:
            start = attribution_above(lines, a)
            out.append(QuoteFrame(a if start is None else start, a, b, b, None, False))
    out = [f for f in out if not (f.open_end and f.start in used)]
    out.sort(key=lambda f: f.start)
    return out


_ATTRIBUTION = re.compile(
    r"\b(?:wrote|writes|said|schrieb|a écrit|escribió|ha scritto|napisał|написал)\s*:|<\s*$"
    r"|^\s*(?:on|am|le|el|il|op)\s.{4,90}(?:\d{1,2}:\d{2}|\d{4})",
    re.IGNORECASE,
)
MIN_TELLING_WORDS = 5
"""A quoted line of fewer words ("Thanks!", "Hi all,") is in too many messages to tell which
one a quote repeats."""


def telling(items: list[T], texts: list[str]) -> list[T]:
    """The items (quote lines, in order) whose text tells which message a mail quote repeats:
    not a quoted attribution ("On Feb 22, X <x at y> wrote:"), which every reply prints, and
    long enough to be one message's words."""
    return [
        item
        for item, text in zip(items, texts, strict=True)
        if len(text.split()) >= MIN_TELLING_WORDS and _ATTRIBUTION.search(text) is None
    ]
