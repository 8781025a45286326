"""Find a page's own post frame: the lines a forum prints around every post, learned from the page.

Every post on a page is cut from one template, so the lines of the template repeat with the
rhythm of the posts: a date or "Old 02-13-2020, 01:48 PM #2" line, a "Join Date: ..." or
"Posts: 3,489" label, a message count, a custom title ("Member"), a "X is offline Reply With
Quote" or "7 Likes" footer, a line holding a single space. No list of layouts is kept here. Each
short line gets a few shape keys (its words with numbers, dates and times masked; its label;
its first or last words), and keys that recur are grouped into blocks of lines standing
together. The keys found in most blocks, once each, are the frame; a block holding them is one
post's frame. Keys of the first block, above the first post's words, open posts; keys of the
last block, under the last post's words, close them; a block holding both is where one post
ends and the next begins, split at its widest run of blank lines. Short lines that vary inside
a block (the author's name, a location) belong to the frame too, and the author's name is read
from them.

A header reaches up over the short rows of a user block a tool parts with blank lines (a
name, a title, the name again under an avatar) where most headers have such rows and a wider
run of blank lines parts them from the post before. Pages flattened to markdown are read
through their residue (`parsing/residue.py`) before any of this.

Pages without such a frame (the seed: names and markers dropped) get no frame, and the text
reader splits them by the words alone. The blank-line run that separates framed posts is
learned too (`Frame.gap`), for the parts of a page the frame does not cover.

Pure functions, standard library only; lines are numbered from 0.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from parsing.headers import PostHeader, is_rank, parse_date
from parsing.residue import PICTURE

MAX_FRAME_CHARS = 80
MAX_SUBJECT_CHARS = 300
MIN_TITLE_WORDS = 3
"""A title that no post's subject line replies to ("Re: ...") has a few words at least."""
TITLE_REACH = 12
"""A post's subject line repeating the title ("Re: title") may be long; the title is among the
first lines."""
MAX_FRAME_WORDS = 10
"""Longer lines are someone's words, never furniture."""

MAX_FILLER_WORDS = 5
MAX_FILLER_CHARS = 40
MAX_FILLERS = 2
MAX_LEAD = 3
"""A block may hold up to two short lines in a row that do not recur (a name, a location);
a header up to three short lines above its anchor."""

MIN_BLOCKS = 2
MIN_KEY_SHARE = 0.5
"""A frame key is in at least half as many blocks as the most frequent key."""

MIN_APART = 0.75
"""The share of consecutive frame blocks that must have someone's words between them."""

MAX_SLOT_WORDS = 3

MIN_RICH = 3

FREE_STOP = 2
"""Without footers to learn it from, a run of two blank lines is taken to end a header: its own
lines are glued together or one blank line apart (a name, a blank line, a title)."""

MAX_TITLE_LINES = 2
"""Lines of words above the first frame block that are still the page's title, not a post."""

MAX_ROWS = 6
MAX_ROW_GAP = 2
"""A user block may stand above its anchor in up to six short rows, a blank line or two apart."""

MIN_WITH_ANCHOR = 0.75
"""A frame key stands beside the anchor in at least this share of its blocks."""

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_AGE = re.compile(
    r"\b(?:\d+|an?|one)\s+(?:sec|second|min|minute|hr|hour|day|week|month|yr|year)s?"
    r"\s+ago\b|\b(?:yesterday|today|just now)\b"
    # an age in other languages: a count, a unit in any of its forms, the word for "ago"
    # after it ("10 часов назад", "3 dni temu") or before it ("vor 2 Tagen", "il y a 3 jours")
    r"|\b(?:\d+\s+)?[^\W\d_]{1,12}\s+(?:назад|тому|temu|geleden|sedan|siden|önce)\b"
    r"|\b(?:vor|il y a|hace|há)\s+\d+\s+[^\W\d_]{1,12}\b"
)
_MASKS = [
    # the weekday before a date is part of it ("Sun May 26, 2019": every post's day differs)
    (re.compile(rf"\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+(?={_MONTH}|\d)"), ""),
    (re.compile(r"\b\d{4}-\d{2}-\d{2}t\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?z?"), "D T"),
    (_AGE, "R"),
    (re.compile(r"\b\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}\b"), "D"),
    (re.compile(rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b"), "D"),
    (re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}\b"), "D"),
    (re.compile(rf"\b{_MONTH}\s+\d{{4}}\b"), "D"),
    # a month in any language: a word between a day and a year ("13 Август 2013", "3. März 2019")
    (re.compile(r"\b\d{1,2}\.?\s+[^\W\d_]{3,12}\.?,?\s+\d{4}\b"), "D"),
    # and before the day ("Februar 8, 2015", "Março 3, 2019"), as WordPress prints it
    (re.compile(r"\b[^\W\d_]{3,12}\.?\s+\d{1,2}\.?,\s+\d{4}\b"), "D"),
    (re.compile(rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b"), "D"),
    (re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}(?![a-z])"), "D"),
    (re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?"), "T"),
    (re.compile(r"\d[\d,.]*k?"), "0"),
]
_STAMPS = frozenset(("D", "T", "R"))
_DIGIT = re.compile(r"\d")
_EDIT_MARK = re.compile(r"\b([DTR])\*")
_AGE_WORD = re.compile(r"\bago\b|yesterday|today|just now|назад|тому|temu|geleden|sedan|siden|önce")
_LABEL = re.compile(r"^([a-z][a-z .'-]{0,24}?)\s*:\s*\S")
_QUOTE_MARK = re.compile(
    r"(?:\bsaid:|\bwrote:|^originally\s+posted|^quote(?:\s+from)?:|^click\s+to\s+(?:expand|shrink))",
    re.IGNORECASE,
)
_NAME_STOPS = frozenset(("on", "at", "posted", "said", "wrote", "replied", "is", "was"))
_MONTH_WORD = re.compile(rf"^(?:{_MONTH}|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?),?$", re.I)
_SENTENCE_END = frozenset(".!?,;")
"""A recurring line ending like a sentence ("Hi,", "Thanks!") is someone's words."""
_GLUED = re.compile(r"(?<=[^\W\d_A-Z])(?=[A-Z][a-z])")
"""Where a tool glued two elements into one word ("simoneSenior MemberAvatarPosts: 5425": a
name, a rank, an avatar and a count with no space between): a capital after a small letter."""
_MARKER_WORD = re.compile(r"^(?:\d{1,4}\.|[o+*•·□■-])$")
_GLUED_STAMP = re.compile(r"^([DTR])[^\W\d_A-Z]+$")
"""A stamp the mask glued to the word after it ("13:11 Permanenter" -> "Tpermanenter"): masks
are a key's only capitals."""
_TOGGLE = re.compile(r"^\[[^\w\]]{1,2}\]")
"""A collapse toggle printed before a name ("[–]", "[+]", "[-]")."""
_NOT_NAME_OPENING = frozenset("*+-•·[(/<>#`")
_NAME_SHAPE = re.compile(r"^[^\s:]{1,40}(?: [^\s:]{1,40}){0,3}$")


def mask(text: str) -> str:
    """A line's shape: lower case, with dates, times, ages ("3 hours ago") and numbers replaced
    by D, T, R and 0."""
    out = text.lower()
    if _DIGIT.search(out) is not None:
        for pattern, sign in _MASKS:
            out = pattern.sub(sign, out)
    elif _AGE_WORD.search(out) is not None:  # "a day ago", "yesterday": the only masks
        out = _AGE.sub("R", out)  # that need no digit
    if "*" in out:  # an edit mark after a date ("15 hours ago*") is not part of its shape
        out = _EDIT_MARK.sub(r"\1", out)
    return " ".join(out.split())


def line_keys(line: str) -> tuple[str, ...]:
    """The shape keys of one line: what it could share with the same line of another post.

    A whitespace-only line is a key of its own (a separator some layouts print). Longer lines,
    and quote markers (which belong to quotes, not to the post frame), have none.
    """
    if not line.strip():
        return ("<space>",) if line else ()
    text = line.strip()
    # masking joins a date's words into one, so a line of many more words cannot be furniture;
    # nor can a line ending like a sentence, with a word and a full stop
    if (
        len(text) > MAX_FRAME_CHARS
        or (text[-1] == "." and text[-2:-1].isalpha())
        or text.count(" ") > 2 * MAX_FRAME_WORDS
    ):
        return ()
    if (":" in text or text[:1] in "oOcC") and _QUOTE_MARK.search(text):
        return ()
    if "\\" in text:  # a markdown escape ("22\. Dezember") is not part of the shape
        text = text.replace("\\", "").strip()
        if not text:  # a markdown line break alone
            return ()
    masked = mask(text)
    if len(masked.split()) > MAX_FRAME_WORDS:
        return ()
    # words a tool glued count once, as it printed them; glued user blocks hold a label's colon
    if ":" in text and _GLUED.search(text) is not None:
        masked = mask(_GLUED.sub(" ", text))
    tokens = masked.split()
    keys = [masked]
    label = _LABEL.match(masked)
    if label and len(label[1].split()) <= 3:
        keys.append(f"<label>{label[1]}")
    if len(tokens) >= 2 and tokens[-1][-1] == ":" and tokens[-1][:-1].isalpha():
        keys.append("<end>" + tokens[-1])  # a byline's verb after the name ("X says:", "X sagt:")
    if len(tokens) >= 3:
        # a line holding a name beside a date ("Post by X » Mon Jan 15, 2018") keeps the date
        stamped = "D" in masked or "T" in masked or "R" in masked  # masks are the only capitals
        dated = " D" if stamped and _STAMPS.intersection(t.strip(",.()") for t in tokens) else ""
        keys.append("<first>" + " ".join(tokens[:2]) + dated)
        keys.append("<last>" + " ".join(tokens[-3:]))
        if dated and not any(c.isalnum() for c in tokens[-2]):
            keys.append("<last>" + " ".join(tokens[-2:]))  # "X • 3 days ago", "X | DATE"
        elif dated and tokens[-2] in _STAMPS and not any(c.isalnum() for c in tokens[-1]):
            keys.append("<last>" + " ".join(tokens[-2:]))  # "X 3 hours ago [-]"
        elif (
            dated
            and tokens[-2] in _STAMPS
            and tokens[-1] in _STAMPS
            and tokens[-3][-1:].isalnum()
            and not _QUOTE_MARK.search(masked)
        ):
            keys.append("<last>" + " ".join(tokens[-2:]))  # "* X 17 September 2020 14:17"
    return tuple(keys)


def _is_filler(line: str) -> bool:
    """A short line that may stand inside a frame without recurring: a name, a title, a place."""
    text = line.strip()
    return (
        0 < len(text) <= MAX_FILLER_CHARS
        and len(text.split()) <= MAX_FILLER_WORDS
        and _QUOTE_MARK.search(text) is None
    )


@dataclass(slots=True)
class _Block:
    """Lines standing together that recur elsewhere: (line, key) of each recurring one."""

    first: int
    last: int
    keyed: list[tuple[int, str]] = field(default_factory=list)

    def key_set(self) -> set[str]:
        return {key for _, key in self.keyed}


@dataclass(frozen=True, slots=True)
class Frame:
    """A page's post frame, as found.

    `headers` open posts (lines start..end are the post's frame, never its words); `footers`
    are (first, last) line spans that close a post; `starts` is every post start the frame
    fixes. `complete` says the frame opens every post, so it alone decides where posts start.
    `gap` is the number of blank lines that separate framed posts.
    """

    headers: list[PostHeader]
    footers: list[tuple[int, int]]
    starts: list[int]
    complete: bool
    gap: int | None
    keys: frozenset[str]


_BARE_VALUES = frozenset(("0", "D", "T", "D T", "R"))
"""A line holding a count or a date alone: a label's value a tool printed under its label."""
PAIR_REACH = 4
"""Values this few lines apart, with at most the next one's label between, stand in one block
(a post's date under its author's name has the post's words before the next one)."""


def _paired(lines: list[str], i: int, keys: tuple[str, ...]) -> tuple[str, ...]:
    """A bare value's key with its label's ("Posts" over "54" reads "posts 0").

    Tools lay a label and its value out on two lines (a definition list: "Messages", "54",
    "Reactions", "65"); read alone, every value of a user block has one shape, and the block
    seems to repeat a line. Read with the label over it, each value is once per block, as the
    template prints it. A value under no label (a date line alone) keeps its own key."""
    k = i - 1
    while k >= 0 and k >= i - 2 and not lines[k].strip():
        k -= 1
    if k < 0 or k == i - 3:
        return keys
    label = lines[k].strip().rstrip(":").strip()
    if not (0 < len(label) <= 30 and len(label.split()) <= 3) or any(c.isdigit() for c in label):
        return keys
    if not all(w.isalpha() for w in label.split()):
        return keys
    return (f"{label.lower()} {keys[0]}",)


def _best_keys(lines: list[str], skip: set[int]) -> tuple[dict[int, str], dict[int, str] | None]:
    """For each short line, its key shared with the most other lines (keys seen twice or more);
    and the same with values read under their labels, or None where no value pairs."""
    all_keys: dict[int, tuple[str, ...]] = {}
    counts: Counter[str] = Counter()
    known: dict[str, tuple[str, ...]] = {}  # frame lines repeat: each shape is worked out once
    for i, line in enumerate(lines):
        if i in skip or (len(line) > MAX_FRAME_CHARS + 40 and len(line.strip()) > MAX_FRAME_CHARS):
            continue
        keys = known.get(line)
        if keys is None:
            keys = known[line] = line_keys(line)
        if keys:
            all_keys[i] = keys
            counts.update(keys)  # a line's keys are distinct
    best = _best_of(all_keys, counts)
    # a value whose shape the lines around it print again (a block of counts) reads with its
    # label; a value alone in its block (a join date under a name) keeps its own shape
    bare = sorted(i for i, keys in all_keys.items() if keys[0] in _BARE_VALUES)
    changed = False
    for n, i in enumerate(bare):
        near = [
            j
            for j in bare[max(0, n - 1) : n + 2]
            if j != i
            and abs(j - i) <= PAIR_REACH
            and sum(1 for t in lines[min(i, j) + 1 : max(i, j)] if t.strip()) <= 1
        ]
        if any(all_keys[j][0] == all_keys[i][0] for j in near):
            paired = _paired(lines, i, all_keys[i])
            if paired != all_keys[i]:
                counts.subtract(all_keys[i])
                counts.update(paired)
                all_keys[i] = paired
                changed = True
    return best, _best_of(all_keys, counts) if changed else None


def _best_of(all_keys: dict[int, tuple[str, ...]], counts: Counter[str]) -> dict[int, str]:
    """Each line's key shared with the most other lines, where some other line shares it."""
    best: dict[int, str] = {}
    for i, keys in all_keys.items():
        key = max(keys, key=lambda k: counts[k])
        if counts[key] >= 2:
            best[i] = key
    return best


def _subject(line: str) -> str:
    """A line as a post's subject line: lower case, single spaces, without "Re:"."""
    text = line.strip().lower()
    while text.startswith("re:"):
        text = text[3:].lstrip()
    return " ".join(text.split())


def _title(lines: list[str]) -> str | None:
    """The page's title as engines repeat it over every post ("Re: title"): of the lines
    standing alone near the top (a menu, a section, the title), the one repeated most, if it
    is repeated over at least two posts."""
    candidates = [
        _subject(line)
        for i, line in enumerate(lines[:TITLE_REACH])
        if line.strip() and (i + 1 >= len(lines) or not lines[i + 1].strip())
    ]
    firsts = {c[:8] for c in candidates if c}
    openings = firsts | {"re: " + f[:4] for f in firsts}
    wanted = set(candidates)
    seen: Counter[str] = Counter()
    replied: set[str] = set()
    for line in lines:
        if len(line) <= MAX_SUBJECT_CHARS and line.strip().lower()[:8] in openings:
            subject = _subject(line)
            if subject in wanted:
                seen[subject] += 1
                if line.lstrip()[:3].lower() == "re:":
                    replied.add(subject)
    # a line the page prints "Re:" over is its title; a status, a rank or a label under the
    # first poster's name ("Offline", "Regular", "Location: X") recurs too, but nobody replies
    # to it
    titled = [
        c
        for c in candidates
        if c in replied or (len(c.split()) >= MIN_TITLE_WORDS and _LABEL.match(c) is None)
    ]
    best = max(titled, key=lambda c: (c in replied, seen[c]), default=None)
    return best if best and seen[best] > MIN_BLOCKS else None


def _blocks(
    lines: list[str],
    keyed: dict[int, str],
    new_block: Callable[[str, set[str]], bool],
    recurring: dict[int, str] | None = None,
) -> list[_Block]:
    """Keyed lines grouped with the blank and short lines between them.

    `new_block(key, keys so far)` says when a keyed line opens a block of its own although it
    stands right under the block being built. Lines in `recurring` (a signature printed under
    every post of one author) stand in a block as short lines do.
    """
    recurring = recurring or {}
    blocks: list[_Block] = []
    current: _Block | None = None
    seen: set[str] = set()
    fillers = 0
    for i, line in enumerate(lines):
        key = keyed.get(i)
        if key is not None:
            if current is None or new_block(key, seen):
                current = _Block(i, i)
                blocks.append(current)
                seen = set()
            current.last = i
            current.keyed.append((i, key))
            seen.add(key)
            fillers = 0
        elif current is None or not line.strip() or i in recurring:
            continue
        elif _is_filler(line) and fillers < MAX_FILLERS:
            fillers += 1
        else:
            current, fillers = None, 0
    return blocks


def _subject_lines(lines: list[str], keyed: dict[int, str], subject: str | None) -> dict[int, str]:
    """Lines repeating the page's title ("Re: title", `subject`) that no key places: they stand
    inside a post's frame (between the user block and the date line), not between two frames."""
    if subject is None:
        return {}
    return {
        i: ""
        for i, line in enumerate(lines)
        if i not in keyed and len(line) <= MAX_SUBJECT_CHARS and _subject(line) == subject
    }


def _anchor(
    lines: list[str], keyed: dict[int, str], subjects: dict[int, str]
) -> tuple[str, int] | None:
    """The key in most blocks (a template prints each of its lines once a post), and how many.

    For this count a key already in the block being built opens a new block, so two short posts
    in a row do not merge their frames. Ties go to the key seen first.
    """
    blocks = _blocks(lines, keyed, lambda key, seen: key in seen, subjects)
    in_blocks: Counter[str] = Counter()
    first: dict[str, int] = {}
    for block in blocks:
        in_blocks.update(block.key_set())
        for i, key in block.keyed:
            first.setdefault(key, i)
    if not in_blocks:
        return None
    shaped = [key for key in in_blocks if is_furniture(key)]
    if not shaped:
        return None
    anchor = min(shaped, key=lambda k: (-in_blocks[k], first[k]))
    return (anchor, in_blocks[anchor]) if in_blocks[anchor] >= MIN_BLOCKS else None


def is_furniture(key: str) -> bool:
    """Whether a key has the shape of a line a forum prints, not one a person writes: a
    separator of spaces, or a date, a time, an age, a "#N" or a count with at most two words."""
    if key == "<space>":
        return True
    if key.startswith("<label>"):
        return False
    tokens = key.removeprefix("<first>").removeprefix("<last>").split()
    if any(_GLUED_STAMP.sub(r"\1", t.strip(",.()")) in ("D", "T", "R", "#0") for t in tokens):
        return True
    if key.startswith("<last>") and tokens[-2:-1] and tokens[-2][-1:] == ":" and tokens[-1] == "0":
        return tokens[-2][:-1].isalpha()  # a user card's count after the name ("X Posts: 54")
    if key.startswith("<"):
        return False
    return (
        "0" in tokens
        and len(tokens) <= 3
        and all(t == "0" or t.rstrip(":").isalpha() for t in tokens)
    )


def _frame_keys(
    lines: list[str], keyed: dict[int, str], anchor: str, top: int, subjects: dict[int, str]
) -> set[str]:
    """The template's keys: the anchor, and keys standing beside it.

    A key counts when it stands in the block of at least `MIN_KEY_SHARE` of the anchor's lines,
    and most of its own lines do: a line quoted twice, or a name typed in a post, recurs too,
    but away from the frame's other lines.
    """
    near: Counter[str] = Counter()
    over: Counter[str] = Counter()  # bylines ("X says:") standing over an anchor of their block
    whole = _blocks(lines, keyed, lambda key, seen: False, subjects)
    for n, block in enumerate(whole):
        keys = [key for _, key in block.keyed]
        if anchor in keys or (n == len(whole) - 1 and n and anchor in whole[n - 1].key_set()):
            near.update(keys)  # the last block after a frame is the last post's footer
            last = max((i for i, k in block.keyed if k == anchor), default=-1)
            over.update(k for i, k in block.keyed if i < last and k.startswith("<end>"))
    total = Counter(keyed.values())
    return {
        key
        for key, n in near.items()
        if key[-1] not in _SENTENCE_END
        and total[key] >= MIN_BLOCKS
        and min(n, total[key]) >= MIN_KEY_SHARE * top
        and n >= MIN_WITH_ANCHOR * total[key]
        # a name and a verb under a post's date opens a quote ("X schrieb:"), over it a post
        and (not key.startswith("<end>") or over[key] >= MIN_WITH_ANCHOR * total[key])
    }


def _blank_run_before(lines: list[str], i: int) -> int:
    """How many blank (or whitespace-only) lines stand right above line i."""
    n = 0
    while i - n - 1 >= 0 and not lines[i - n - 1].strip():
        n += 1
    return n


def _best_cut(
    lines: list[str], block: _Block, heads: set[str], feet: set[str], at: int, rows_open: bool
) -> int | None:
    """The first line of the next post in a block, above its anchor `at` (see `_parts`).

    `rows_open`: whether the page's headers open with rows under a wider run of blank lines
    than those between their rows (`_rows_open`)."""
    best: tuple[int, int, int] | None = None
    run = 0
    for k in range(block.first + 1, at + 1):
        if not lines[k].strip():
            run += 1
            continue
        cost = sum((i < k and key in heads) or (i >= k and key in feet) for i, key in block.keyed)
        if best is None or (-cost, run, -k) > (-best[0], best[1], -best[2]):
            best = (cost, run, k)
        run = 0
    # the block's own first line (a name that recurs, as the author posts again) opens the
    # post when a wider run of blank lines stands above it than at any cut inside, on a page
    # whose frame blocks stand so (else it is a short line ending the post before: a sign-off)
    cost = sum(key in feet for _, key in block.keyed)
    wide = _blank_run_before(lines, block.first)
    if best is not None and (cost < best[0] or (rows_open and cost == best[0] and wide > best[1])):
        return block.first
    return best[2] if best else None


def find_frame(lines: list[str], skip: set[int] | None = None) -> Frame | None:
    """The page's post frame, or None when its posts are not framed (see the module docstring).

    `skip` holds lines that cannot be frame (attachments, quote markers found elsewhere). A
    page with no frame in its lines as they stand is read once more with each value under its
    label (`_paired`), where its blocks print value lines of one shape (a user block's counts).
    """
    keyed, paired = _best_keys(lines, skip or set())
    frame = _find_frame(lines, keyed)
    if frame is None and paired is not None:
        frame = _find_frame(lines, paired)
    return frame


def _find_frame(lines: list[str], keyed: dict[int, str]) -> Frame | None:
    """The frame read from the page's line keys (see `find_frame`)."""
    title = _title(lines)
    subjects = _subject_lines(lines, keyed, title)
    found = _anchor(lines, keyed, subjects)
    if found is None:
        return None
    anchor, top = found
    keys = _frame_keys(lines, keyed, anchor, top, subjects)
    framed = {i: k for i, k in keyed.items() if k in keys}
    # lines recurring as often as posts stand in a block ("Re: title" over every post); words
    # that merely open or end a few lines alike do not
    counts = Counter(keyed.values())
    whole = {
        i: k
        for i, k in keyed.items()
        if (not k.startswith(("<first>", "<last>")) or counts[k] >= MIN_KEY_SHARE * top)
        and k[-1] not in _SENTENCE_END  # a question quoted under it is someone's words
    }
    whole |= {i: k for i, k in keyed.items() if title and _subject(lines[i]) == title}
    whole |= subjects
    blocks = _template_blocks(
        _blocks(lines, framed, lambda key, seen: key == anchor and key in seen, whole), anchor
    )
    if blocks:
        at = next((n for n, (_, k) in enumerate(blocks[0].keyed) if k == anchor), 0)
        rows = {k for _, k in blocks[0].keyed[:at]} | _above_anchor(blocks, anchor)
        blocks = [_short_post_cut(lines, block, anchor, rows) for block in blocks]
    if len(blocks) < MIN_BLOCKS or not _posts_between(lines, framed, blocks):
        return None
    heads = blocks[0].key_set() if _opens_posts(lines, blocks) else set()
    if not heads and _median(_blank_run_after(lines, b.last) for b in blocks) == 0:
        # Footers alone frame a page only when blank lines part them from what follows; a
        # recurring line glued to the lines under it heads them ("PASSAGE 3").
        return None
    # a last block without the anchor is the last post's footer: its keys close posts
    feet = blocks[-1].key_set() - heads if anchor not in blocks[-1].key_set() else set()
    # a key the first header prints only under its anchor (a rule under the user's name) stands
    # above a later anchor as the end of the post before
    at = next((i for i, k in blocks[0].keyed if k == anchor), blocks[0].first)
    above = {k for i, k in blocks[0].keyed if i < at} & heads if heads else heads
    # a key in nearly every later block but not over the first post closes posts ("Top");
    # one in some blocks only (an author's name) says nothing
    later = Counter(k for block in blocks[1:] for k in block.key_set())
    closing = {k for k, n in later.items() if n >= MIN_WITH_ANCHOR * (len(blocks) - 1)} - above
    # "Re: title" over later posts is theirs, as the title is the first's
    closing -= {
        k
        for i, k in framed.items()
        if lines[i].strip()[:3].lower() == "re:" and _subject(lines[i]) == title
    }
    closing -= heads
    # a byline's verb ("X says:") introduces the words under it: it opens a post even where the
    # first post's byline took another shape
    closing = {k for k in closing if not k.startswith("<end>")}
    rows_open = _rows_open(lines, blocks, anchor)
    parts = [
        _parts(lines, block, heads, feet | closing, anchor, above, rows_open) for block in blocks
    ]
    return _build(lines, parts, framed, title, complete=bool(heads), recurring=keyed)


def _rows_open(lines: list[str], blocks: list[_Block], anchor: str) -> bool:
    """Whether frame blocks after the first mostly stand under blank lines, or at least 3 in 4
    headers after the first stand under rows (a name, a title) topped by a wider run of blank
    lines than any between them, at one width of run for all.

    Then a block's first line under a wider run of blank lines may open its post; on a page
    whose posts follow one another with no blank line between them, a short line under a
    paragraph break (a sign-off that recurs) ends the post before.
    """
    ats: list[int | None] = []
    for block in blocks:
        at = next((i for i, k in block.keyed if k == anchor), None)
        framed = {i for i, _ in block.keyed}
        while at is not None and at - 1 in framed:  # the frame lines glued above the anchor
            at -= 1
        ats.append(at)
    later = [(floor, at) for floor, at in itertools.pairwise([0, *ats]) if at is not None][1:]
    if not later:
        return False
    if _median(_blank_run_before(lines, b.first) for b in blocks[1:]) > 0:
        return True  # frame blocks stand under blank lines
    for gap in range(MAX_ROW_GAP + 1):
        have = sum(bool(_rows_above(lines, at, floor or 0, gap, None)) for floor, at in later)
        if have >= MIN_WITH_ANCHOR * len(later):
            return True
    return False


def _template_blocks(blocks: list[_Block], anchor: str) -> list[_Block]:
    """The blocks that are a post's frame: those holding the anchor and at least half the
    furniture keys that most of them hold (a count alone in a log is not a user block; names
    and places vary with the author; the first and the last may hold only part of the frame,
    whose other part stands under the first post's words or above the last's), and a last
    block after them (the last post's footer)."""
    with_anchor = [n for n, b in enumerate(blocks) if anchor in b.key_set()]
    if not with_anchor:
        return []
    share = Counter(key for n in with_anchor for key in blocks[n].key_set())
    template = {key for key, c in share.items() if 2 * c >= len(with_anchor)}
    template = {key for key in template if is_furniture(key)} or template
    edges = (with_anchor[0], with_anchor[-1])
    kept = [
        blocks[n]
        for n in with_anchor
        if n in edges or 2 * len(blocks[n].key_set() & template) >= len(template)
    ]
    if with_anchor[-1] < len(blocks) - 1:
        kept.append(blocks[-1])
    return kept


def _above_anchor(blocks: list[_Block], anchor: str) -> set[str]:
    """Keys standing above the anchor in most blocks that hold both: the rows of a header, or
    the footer of the post before ("Reply" over "X says:" and its date). The first block may
    hold such a key under its anchor when the first post is one short line: it is the footer
    of that post, not a row of the first header."""
    above: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for block in blocks:
        at = next((i for i, k in block.keyed if k == anchor), None)
        if at is None:
            continue
        for i, k in block.keyed:
            if k != anchor:
                seen[k] += 1
                above[k] += i < at
    return {k for k, n in above.items() if 2 * n > seen[k]}


def _short_post_cut(lines: list[str], block: _Block, anchor: str, rows: set[str]) -> _Block:
    """A block cut above the next header's rows when it ran on over a one-line post ("lol").

    A short line may stand inside a frame, so a post of one short line glues its header to the
    next header's rows (a name) above that header's anchor. A key the first header prints
    above its anchor (`rows`; not a footer's, which stands above later anchors too), printed
    under the block's anchor past a line of words, is the next header's row when only such
    keys follow it in the block (a subject line with a date under it belongs to this header):
    the block ends above it, and the line between is the post's, never its frame.
    """
    at = next((n for n, (_, k) in enumerate(block.keyed) if k == anchor), None)
    if at is None:
        return block
    framed = {i for i, _ in block.keyed}
    for n in range(at + 1, len(block.keyed)):
        i = block.keyed[n][0]
        if all(k in rows for _, k in block.keyed[n:]) and any(
            lines[k].strip() and k not in framed for k in range(block.keyed[at][0], i)
        ):
            kept = block.keyed[:n]
            return _Block(block.first, kept[-1][0], kept)
    return block


def _posts_between(lines: list[str], framed: dict[int, str], blocks: list[_Block]) -> bool:
    """Whether someone's words stand between most pairs of frame blocks, as posts do: lines of
    a log or a listing recur in a row, not one post apart. A block of `MIN_RICH` frame lines
    or more is a post's frame even when the post under it says only what others say."""
    apart = sum(
        len(a.keyed) >= MIN_RICH
        or any(
            lines[k].strip() and k not in framed and not _is_filler(lines[k])
            for k in range(a.last + 1, b.first)
        )
        for a, b in itertools.pairwise(blocks)
    )
    return apart >= MIN_APART * (len(blocks) - 1)


def _opens_posts(lines: list[str], blocks: list[_Block]) -> bool:
    """Whether the frame's first block opens a post (a header) rather than closing one.

    Posts are stamped where they start: a frame whose first block holds a date, a time, an age
    or a post number is a header. Otherwise (a count, "7 Likes"; words, "Reply"), a header
    stands closer to the words under it than to those above it, a footer the other way round,
    counted in blank lines on the lines of each block that the first block has too (a post's
    first words may recur right under its header); and where blank lines say nothing it is a
    footer.
    """
    first = blocks[0].key_set()
    if any(_is_stamp(key) for key in first):
        return True
    # a stamp too long to be a frame line ("Re: title « Reply #2 on: DATE »") glued under
    # most blocks: the block is the header over it
    under = sum(_stamped(lines, b.last + 1) for b in blocks)
    if 2 * under > len(blocks):
        return True
    spans = [[i for i, k in b.keyed if k in first] for b in blocks]
    lean = _median(_blank_run_before(lines, s[0]) for s in spans[1:] if s) - _median(
        _blank_run_after(lines, s[-1]) for s in spans[:-1] if s
    )
    return lean > 0


def _stamped(lines: list[str], i: int) -> bool:
    """Whether line i holds a date or a time among a few words (a subject line with its date)."""
    if i >= len(lines) or not lines[i].strip() or len(lines[i]) > MAX_SUBJECT_CHARS:
        return False
    text = lines[i].strip()
    if text.count(" ") > 3 * MAX_FRAME_WORDS or (text[-1] == "." and text[-2:-1].isalpha()):
        return False
    return bool(_STAMPS.intersection(t.strip(",.()|*«»") for t in mask(text).split()))


def _is_stamp(key: str) -> bool:
    """A key holding a date, a time, an age or a post number."""
    return bool(_STAMPS.union(("#0",)).intersection(_key_tokens(key)))


def _key_tokens(key: str) -> list[str]:
    """A key's words without its kind ("<last>R (0 children)" -> R, (0, children))."""
    return [
        _GLUED_STAMP.sub(r"\1", t.strip(",.()"))
        for t in key.removeprefix("<first>").removeprefix("<last>").split()
    ]


def _median(values: Iterable[int]) -> int:
    ordered = sorted(values)
    return ordered[len(ordered) // 2] if ordered else 0


def _blank_run_after(lines: list[str], i: int) -> int:
    """How many blank (or whitespace-only) lines stand right under line i."""
    n = 0
    while i + n + 1 < len(lines) and not lines[i + n + 1].strip():
        n += 1
    return n


def _words_between(lines: list[str], keyed: dict[int, str], a: int, b: int) -> int:
    """How many lines of words (not blank, not recurring) stand between lines a and b."""
    return sum(1 for k in range(a + 1, b) if lines[k].strip() and k not in keyed)


@dataclass(slots=True)
class _Parts:
    """One frame block cut where a post ends and the next begins."""

    footer: list[int]
    header: list[int]
    start: int | None
    """The first line of the header part (the post it opens starts there), if it has one."""
    end: int
    at: int = -1
    """The header's anchor line."""


def _parts(
    lines: list[str],
    block: _Block,
    heads: set[str],
    feet: set[str],
    anchor: str,
    above: set[str] | None = None,
    rows_open: bool = True,
) -> _Parts:
    """Cut a block into the footer of one post and the header of the next.

    Keys of the first block (above the first post's words) open posts, keys of the last block
    only (under the last post's words) close them. When other recurring lines stand above the
    header's anchor, the post before ends above the anchor where the fewest opening lines stand
    above the cut and the fewest closing lines under it, then after the widest run of blank
    lines, then as high as can be (the header takes the lines no key places). Lines above the
    cut close the post before ("X is offline", a signature, a line of one space, "Logged");
    lines under it (a name, a title) open the next. `above` are the keys the first header
    prints above its anchor: only they open a post above a later anchor.
    """
    lines_in = [i for i, _ in block.keyed]
    opens = [i for i, k in block.keyed if k in heads]
    if not opens or (heads and anchor in heads and anchor not in block.key_set()):
        # the block after the last post (a rule, "Reply With Quote") closes it, opens none
        return _Parts(lines_in, [], None, block.last)
    at = next((i for i, k in block.keyed if k == anchor and k in heads), opens[0])
    start = block.first
    above = heads if above is None or anchor not in heads else above
    if any(k not in above for i, k in block.keyed if i < at):
        start = _best_cut(lines, block, above, feet | (heads - above), at, rows_open) or start
    return _Parts(
        [i for i in lines_in if i < start],
        [i for i in lines_in if i >= start],
        start,
        block.last,
        at,
    )


def _build(
    lines: list[str],
    parts: list[_Parts],
    framed: dict[int, str],
    subject: str | None,
    complete: bool,
    recurring: dict[int, str] | None = None,
) -> Frame:
    """Post starts, header and footer spans from the cut frame blocks (`subject`: the page's
    title as posts repeat it; `recurring`: every line's shape that recurs on the page)."""
    slots = _name_slots(lines, framed)
    bylines = _byline_names(lines, framed)
    headers: list[PostHeader] = []
    footers: list[tuple[int, int]] = []
    starts: list[int] = []
    stop = _separator(lines, parts)
    lead, bounded = _lead(lines, parts, stop, subject)
    slot = _has_tail_slot(lines, parts)
    spans: list[tuple[int, int]] = []
    floors: list[int] = []
    floor = 0
    headed: list[_Parts] = []
    for part in parts:
        if part.footer:
            footers.append((part.footer[0], part.footer[-1]))
        if part.start is not None:
            headed.append(part)
            start = part.start
            if not part.footer:
                # a header as long as the bounded ones, blank lines inside it or not, and no
                # shorter than its own frame lines (of which the page's title, in the first
                # block, is not one)
                reach = _reach_up(lines, part.at, len(lines) if bounded else stop, lead, subject)
                own = [
                    k
                    for k in part.header
                    if spans or subject is None or _subject(lines[k]) != subject
                ]
                start = min(own[0], reach) if own else reach
            end = part.end + 1 if slot and _slot_shaped(lines, part.end + 1) else part.end
            spans.append((start, end))
            floors.append(max(floor, part.footer[-1] + 1 if part.footer else 0))
            floor = end + 1
        elif part.footer and not complete:
            nxt = part.footer[-1] + 1
            while nxt < len(lines) and not lines[nxt].strip():
                nxt += 1
            if nxt < len(lines):
                starts.append(nxt)
    tops = _extend_up(lines, [s for s, _ in spans], floors, subject)
    # a block may run on over a short post into the next header: rows stop at the anchor above
    ats = [-1, *(part.at for part in headed)][: len(headed)]
    low = [f if f < t else a + 1 for f, t, a in zip(floors, tops, ats, strict=True)]
    tops = _reach_rows(lines, tops, low, subject, frozenset(framed))
    tops = [_below_pictures(lines, top, part.at) for top, part in zip(tops, headed, strict=True)]
    tops = _repeated_rows(lines, tops, [part.at for part in headed], [a + 1 for a in ats], subject)
    if recurring:
        # headers that reached up over rows of their own already hold their user block
        bare = [
            min(part.header, default=part.at) <= top for part, top in zip(headed, tops, strict=True)
        ]
        tops = _rows_block_above(lines, tops, [a + 1 for a in ats], recurring, set(framed), bare)
    # a row the cut left to the post before (a name that recurs) is the header's once it opens it
    footers = [(a, min(b, nxt - 1)) for a, b in footers for nxt in [_next_top(tops, a)] if a < nxt]
    known: dict[str, tuple[bool, date | None, int | None, bool]] = {}
    headers = [
        _header(lines, top, end, slots, known, bylines)
        for top, (_, end) in zip(tops, spans, strict=True)
    ]
    starts = tops + starts
    gaps = Counter(_blank_run_before(lines, s) for s in starts if s > 0)
    gap = gaps.most_common(1)[0][0] if gaps else None
    return Frame(
        headers=headers,
        footers=footers,
        starts=starts,
        complete=complete,
        gap=gap,
        keys=frozenset(framed.values()),
    )


def _runs_above(lines: list[str], top: int, floor: int) -> list[tuple[int, int]]:
    """The two runs of glued non-blank lines over a header (nearest first): the row right over
    it (a long "X is offline ..." line) and the run over that, each as (first, last)."""
    runs: list[tuple[int, int]] = []
    k = top - 1
    while k >= floor and len(runs) < 2:
        if not lines[k].strip():
            k -= 1
            continue
        last = k
        while k - 1 >= floor and lines[k - 1].strip():
            k -= 1
        runs.append((k, last))
        k -= 1
    return runs


def _rows_block_above(
    lines: list[str],
    tops: list[int],
    floors: list[int],
    recurring: dict[int, str],
    frame_lines: set[int],
    bare: list[bool],
) -> list[int]:
    """Headers reach up over a user block a tool set apart from them (a name and its profile
    links glued together, over the date and number the frame found) where nearly every header
    has such a block over it, holding one same recurring line ("Profile").

    The block is the run of lines right over the header or the one over that (past one row
    such as "X is offline"); its lines are short, recur on the page and are none of the
    frame's (a post's footer is among those); the header opens at the block's first line."""
    blocks: list[list[tuple[int, int, set[str]]]] = []
    for top, floor, alone in zip(tops, floors, bare, strict=True):
        found = []
        for first, last in _runs_above(lines, top, max(floor, 0)) if alone else ():
            span = range(first, last + 1)
            if any(k in frame_lines for k in span):
                break  # the frame's own lines: the post before ends there
            if not all(len(lines[k].strip()) <= MAX_FRAME_CHARS for k in span):
                continue
            found.append((first, last, {recurring[k] for k in span if k in recurring}))
        blocks.append(found)
    shared = Counter(key for found in blocks for key in set().union(*(f[2] for f in found)))
    need = MIN_WITH_ANCHOR * len(tops)
    # a block of words ("Profile", "Send message"); a rule of marks ("```", "* * *") ends the
    # post before
    keys = {key for key, n in shared.items() if n >= need and any(c.isalpha() for c in key)}
    if len(tops) < MIN_BLOCKS or not keys:
        return tops
    out = []
    for top, found in zip(tops, blocks, strict=True):
        hit = next((first for first, _, held in found if held & keys), None)
        out.append(top if hit is None else hit)
    return out


def _next_top(tops: list[int], at: int) -> int:
    """The first header line after line `at` (or past the page's end)."""
    k = bisect.bisect_left(tops, at)
    return tops[k] if k < len(tops) else 1 << 30


def _row_texts(lines: list[str], top: int, at: int, floor: int) -> list[int]:
    """The short rows standing over a header's anchor `at`: its own from `top`, and up to
    `MAX_ROWS` more above it (a blank line or two apart, none ending like a sentence, none
    above `floor`)."""
    rows = [k for k in range(top, at) if lines[k].strip()]
    k, gap, more = top - 1, 0, 0
    while k >= floor and more < MAX_ROWS:
        text = lines[k].strip()
        if not text:
            gap += 1
            if gap > MAX_ROW_GAP:
                break
        elif _is_filler(text) and text[-1] not in _SENTENCE_END:
            rows.insert(0, k)
            gap, more = 0, more + 1
        else:
            break
        k -= 1
    return rows


def _repeated_rows(
    lines: list[str], tops: list[int], ats: list[int], floors: list[int], subject: str | None
) -> list[int]:
    """Each header's first line is the first row of its user block where the block prints a row
    twice (the name over the avatar and beside it, a title again).

    Tools print a user block's name (and title) more than once; whatever stands above the first
    copy is the post before's (its "Like" and reactions rows) and whatever stands between is the
    block's. A header opens at the first copy, above or under where its frame lines put it; a
    header with no repeated row is left as found."""
    out = []
    for top, at, floor in zip(tops, ats, floors, strict=True):
        rows = _row_texts(lines, top, at, max(floor, 0))
        # the page's title over the first post and as its subject line is no row of a user block
        texts = Counter(lines[k].strip() for k in rows if _subject(lines[k]) != subject)
        twice = {t for t, n in texts.items() if n >= 2 and _header_line(t)[0]}
        first = next((k for k in rows if lines[k].strip() in twice), None)
        out.append(top if first is None else first)
    return out


def _below_pictures(lines: list[str], top: int, at: int) -> int:
    """A header's first line, past pictures (an avatar, read through markdown as `![alt]`) and
    blank lines above its first words: a post opens with words."""
    k = top
    while k < at and (not lines[k].strip() or lines[k].lstrip().startswith(PICTURE)):
        k += 1
    return k if k < at and k != top else top


def _line_up(lines: list[str], start: int, floor: int, subject: str | None) -> int | None:
    """The line right above `start`, with a line of the post before left above it, if it is
    short and not a sentence, a quote header or the page's title (a header's rows stand glued
    together; the post before is parted from its header by blank lines)."""
    k = start - 1
    if k <= floor or not lines[k].strip() or not any(lines[j].strip() for j in range(floor, k)):
        return None
    text = lines[k].strip()
    if not _is_filler(text) or text[-1] in _SENTENCE_END:
        return None
    return None if subject is not None and _subject(text) == subject else k


def _extend_up(
    lines: list[str], starts: list[int], floors: list[int], subject: str | None
) -> list[int]:
    """Headers reached up over the lines of their block that no key places (a name, a custom
    title, the name again): row by row, while most headers have a short line right above them.
    The post before ends with a short line only now and then; a header's rows stand over
    nearly every post."""
    tops = list(starts)
    for _ in range(MAX_LEAD):
        above = [_line_up(lines, s, f, subject) for s, f in zip(tops, floors, strict=True)]
        found = sum(k is not None for k in above)
        if len(tops) < MIN_BLOCKS or found < MIN_WITH_ANCHOR * len(tops):
            break
        tops = [s if k is None else k for s, k in zip(tops, above, strict=True)]
    return tops


_RULE = re.compile(r"^([-_=~━─—–═])(?: ?\1){3,}$|^\|?(?: *:?-{3,}:? *\|)+ *(?::?-{3,}:?)? *$")


def is_rule(line: str) -> bool:
    """Whether a line is a horizontal rule a tool drew (`____`, `━━━━`, `- - - -`, a markdown
    table's `---|---`): it parts two regions of the page, so a header's rows never reach over
    it."""
    return _RULE.match(line.strip()) is not None


def _under_rule(lines: list[str], k: int) -> bool:
    """Whether the first line with anything on it above line k is a rule."""
    k -= 1
    while k >= 0 and not lines[k].strip():
        k -= 1
    return k >= 0 and is_rule(lines[k])


def _row_shaped(lines: list[str], k: int, subject: str | None) -> bool:
    """A line that can be one row of a user block: short, not a sentence (a custom title of a
    few words may end with a full stop), not a quote header."""
    text = lines[k].strip()
    return (
        _is_filler(text)
        and (
            text[-1] not in _SENTENCE_END or (text[-1] == "." and text.count(" ") < MAX_SLOT_WORDS)
        )
        and (subject is None or _subject(text) != subject)
    )


def _rows_above(
    lines: list[str],
    start: int,
    floor: int,
    gap: int,
    subject: str | None,
    stops: frozenset[int] = frozenset(),
) -> list[int]:
    """The short rows right above `start`, highest last, crossing runs of at most `gap` blank
    lines, down to `floor` or a frame line (`stops`: the post before ends there), up to
    `MAX_ROWS` of them; none unless a wider run of blank lines (or the floor, or a frame line)
    parts them from what stands above."""
    rows: list[int] = []
    k, run = start - 1, 0
    while k > floor and len(rows) < MAX_ROWS:
        if k in stops or is_rule(lines[k]):
            return rows
        if subject is not None and _subject(lines[k]) == subject:
            return rows  # the page's title (or a post's subject line) stands over the rows
        if not lines[k].strip():
            run += 1
            if run > gap:
                break
        elif _row_shaped(lines, k, subject):
            rows.append(k)
            run = 0
        else:
            return []  # words glued to the rows: they may be the end of the post before
        k -= 1
    if rows and not any(lines[j].strip() for j in range(floor, rows[-1])):
        rows.pop()  # nothing of the post before above it: the page's top, not a row
    return rows


def _reach_rows(
    lines: list[str],
    tops: list[int],
    floors: list[int],
    subject: str | None,
    stops: frozenset[int] = frozenset(),
) -> list[int]:
    """Headers reached up over a user block whose rows a tool parts with blank lines (a name,
    a title, the name again under an avatar), where no key places them.

    Rows are read crossing the fewest blank lines between rows that finds any, and count as
    the header's when at least 3 in 4 headers after the first have rows: then each header
    takes as many as most headers have, or, where counts vary (a custom title only some users
    have), its own. A post ends on a short line only now and then, and the blank lines that
    part posts are more than those that part a header's rows (`_rows_above`).
    """
    if len(tops) <= MIN_BLOCKS:
        return tops
    later = len(tops) - 1
    for gap in range(1, MAX_ROW_GAP + 1):
        rows = [
            _rows_above(lines, s, f, gap, subject, stops) for s, f in zip(tops, floors, strict=True)
        ]
        n, seen = Counter(len(r) for r in rows[1:]).most_common(1)[0]
        have = sum(bool(r) for r in rows[1:])
        if have == 0:
            continue
        # a header with more blank lines right above it than between rows is whole already
        whole = sum(
            not r and _blank_run_before(lines, s) > gap
            for r, s in zip(rows[1:], tops[1:], strict=True)
        )
        if have + whole < MIN_WITH_ANCHOR * later:
            return tops
        if n == 0 or seen < MIN_WITH_ANCHOR * later:
            n = max(len(r) for r in rows[1:])
        # rows under a rule the tool drew are all the header's: the post before ends at the rule
        return [
            (r[-1] if _under_rule(lines, r[-1]) else r[min(n, len(r)) - 1]) if r else s
            for r, s in zip(rows, tops, strict=True)
        ]
    return tops


def _slot_shaped(lines: list[str], i: int) -> bool:
    """A line that can fill a header's last slot (a place, a rank): short, no sentence end."""
    if i >= len(lines):
        return False
    text = lines[i].strip()
    return (
        bool(text)
        and len(text.split()) <= MAX_SLOT_WORDS
        and _is_filler(text)
        and text[-1] not in _SENTENCE_END
    )


def _has_tail_slot(lines: list[str], parts: list[_Parts]) -> bool:
    """Whether headers end with a line that varies from post to post (a location under the
    message count): most headers have a slot-shaped line right under their last frame line,
    while a post's first words are mostly sentences."""
    ends = [part.end for part in parts if part.start is not None]
    shaped = sum(_slot_shaped(lines, end + 1) for end in ends)
    return len(ends) >= MIN_BLOCKS and 2 * shaped > len(ends)


def _separator(lines: list[str], parts: list[_Parts]) -> int:
    """How many blank lines separate a post's footer from the next post's header (the most
    common run at the cuts); when no block has both, `FREE_STOP`."""
    runs: Counter[int] = Counter()
    for part in parts:
        if part.footer and part.start is not None:
            runs[_blank_run_before(lines, part.start)] += 1
    return max(1, runs.most_common(1)[0][0]) if runs else FREE_STOP


def _lead(
    lines: list[str], parts: list[_Parts], stop: int, subject: str | None
) -> tuple[int, bool]:
    """How many lines (a name, a title) a header holds above its anchor, and whether a footer
    bounds headers (so that count is exact).

    Where a footer bounds headers, the most common count in those; else the fewest short lines
    standing right above the anchor of a header after the first (the words of the post before
    may end with a short line, which adds one, but the header is never shorter).
    """
    bounded: Counter[int] = Counter()
    free: list[int] = []
    for n, part in enumerate(parts):
        if part.start is None:
            continue
        if part.footer:
            bounded[sum(1 for k in range(part.start, part.at) if lines[k].strip())] += 1
        elif n:
            free.append(_fillers_above(lines, part.at, stop, MAX_LEAD, subject)[1])
    if bounded:
        return bounded.most_common(1)[0][0], True
    return min(free, default=0), False


def _fillers_above(
    lines: list[str], first: int, stop: int, most: int, subject: str | None = None
) -> tuple[int, int]:
    """The highest of up to `most` short lines right above line `first` (a name, a title, the
    post's subject line repeating the page's title), stopping at a run of `stop` blank lines or
    a line of words; and how many were taken."""
    start, k, taken, run = first, first - 1, 0, 0
    while k >= 0 and taken < most:
        if not lines[k].strip():
            run += 1
            if run >= stop:
                break
        elif _is_filler(lines[k]) or (subject is not None and _subject(lines[k]) == subject):
            start, taken, run = k, taken + 1, 0
        else:
            break
        k -= 1
    return start, taken


def _reach_up(
    lines: list[str], first: int, stop: int, lead: int = MAX_FILLERS, subject: str | None = None
) -> int:
    """The header's first line: up to `lead` short lines above its first recurring line."""
    return _fillers_above(lines, first, stop, lead, subject)[0]


def _name_slots(lines: list[str], framed: dict[int, str]) -> dict[int, int]:
    """Frame lines that print a name beside a date ("Post by alice » Mon Jan 15, 2018",
    "[–] bob 12 points 3 hours ago"), with how many words open all lines of their key."""
    by_key: dict[str, list[int]] = {}
    for i, key in framed.items():
        # (a key whose date opens its words, "<last>R [-]", is left out: it may be a quote's
        # attribution inside a header, "From @bob on DATE")
        if key.startswith(("<first>", "<last>")) and _STAMPS.intersection(
            t.strip(",.()") for t in key.split()
        ):
            by_key.setdefault(key, []).append(i)
    slots: dict[int, int] = {}
    for found in by_key.values():
        words = [lines[i].lower().split() for i in found]
        # the opening the later posts' lines share ("Reply #2 on: DATE"; the first post's line
        # may print less: "on: DATE")
        later = words[1:] if len(words) > 2 else words
        shared = 0
        while all(len(w) > shared and w[shared] == later[0][shared] for w in later):
            shared += 1
        for i, w in zip(found, words, strict=True):
            slots[i] = next(
                (n for n in range(shared) if w[n : n + 1] != later[0][n : n + 1]), shared
            )
    return slots


def _byline_names(lines: list[str], framed: dict[int, str]) -> dict[int, str]:
    """The name in each byline of the frame ("1. sarah sagt:", "Avatar Kristine says:"): the
    line's words before its verb, less a word most bylines open with (an avatar's alt text), a
    list marker, a bullet, a picture's placeholder ("[f0cabf05e7]") or a mail address a tool
    printed before the name."""
    words = {
        i: [
            w
            for w in lines[i].split()[:-1]
            if any(c.isalnum() for c in w)
            and "@" not in w
            and not _MARKER_WORD.match(w)
            and not (w[0] == "[" and w[-1] == "]")
        ]
        for i, key in framed.items()
        if key.startswith("<end>")
    }
    openers = Counter(w[0] for w in words.values() if len(w) > 1)
    common = openers.most_common(1)
    shared = common[0][0] if common and common[0][1] >= MIN_WITH_ANCHOR * len(words) else None
    names: dict[int, str] = {}
    for i, said in words.items():
        kept = said[1:] if said[:1] == [shared] and len(said) > 1 else said
        if 0 < len(kept) <= MAX_SLOT_WORDS + 1:
            names[i] = " ".join(kept)
    return names


def _slot_name(line: str, shared: int) -> str | None:
    """The words after a frame line's shared opening, up to a date, a number or a separator."""
    name: list[str] = []
    for word in line.split()[shared:]:
        if not name:  # a toggle before the name ("[–]bob", "[+] bob") is not part of it
            word = _TOGGLE.sub("", word)
            if not word:
                continue
        if word[:1].isdigit() or (
            not word[:1].isalpha() and any(c.isdigit() for c in word)
        ):  # a count, a date, "#12"; a name may end in digits ("glitterpig09")
            break
        if word.lower().rstrip(":,") in _NAME_STOPS:
            break
        if _MONTH_WORD.match(word) or not any(c.isalnum() for c in word):
            break
        name.append(word)
        if word.endswith(":"):  # a label ("on:", "Posted:"), not a name
            return None
    return " ".join(name) if 0 < len(name) <= MAX_SLOT_WORDS else None


def _header(
    lines: list[str],
    start: int,
    end: int,
    slots: dict[int, int],
    known: dict[str, tuple[bool, date | None, int | None, bool]],
    bylines: dict[int, str] | None = None,
) -> PostHeader:
    """A `PostHeader` over start..end: the author is the name printed beside a date in a frame
    line, else its first name-like line (no date, number or label in it, not a rank); the
    author's title the next; the date the first date in it. `known` keeps each line's reading
    (`_header_line`): header lines repeat from post to post."""
    author = next(
        (
            name
            for k in range(start, end + 1)
            if k in slots and (name := _slot_name(lines[k], slots[k]))
        ),
        None,
    )
    title = None
    when = None
    number = None
    for k in range(start, end + 1):
        text = lines[k].strip()
        if not text:
            continue
        found = known.get(text)
        if found is None:
            found = known[text] = _header_line(text)
        named, day, mark, _ = found
        if when is None and day is not None:
            when = day
        if mark is not None and number is None:
            number = mark
        if not named:
            continue
        if author is None and not found[3]:
            author = _TOGGLE.sub("", text).lstrip()
        elif title is None:
            title = text
    if author is None and bylines:
        author = next((bylines[k] for k in range(start, end + 1) if k in bylines), None)
    return PostHeader(start, end, author, title, when, number)


def _header_line(text: str) -> tuple[bool, date | None, int | None, bool]:
    """One header line read: whether it can be a name or a title (no date, number or label in
    it), its date, its post number, and whether it is a rank."""
    is_date, when = parse_date(text)
    m = re.search(r"#\s?(\d+)\s*$", text)
    named = _name_like(text) and not (
        is_date or not _NAME_SHAPE.match(text) or re.search(r"\b[DRT0]\b|#|:", mask(text))
    )
    return named, when, int(m[1]) if m else None, named and is_rank(text)


def _name_like(text: str) -> bool:
    """Whether a short line can be a name or a title: past a toggle ("[–]bob") it opens with
    no list mark, bracket or slash, holds two letters or digits and asks nothing (not a list
    item "* Expand", a picture "[s.gif]", a mark "+", a link "/r/pics", a question; a name
    may be "|3asic")."""
    text = _TOGGLE.sub("", text).lstrip()
    return (
        text[:1] not in _NOT_NAME_OPENING
        and sum(c.isalnum() for c in text) >= 2
        and text[-1] not in "?!"
    )


MIN_ARTICLE_LINES = 3
MIN_ARTICLE_WORDS = 80
"""Prose above a page's first framed post that makes an article: its opening post."""
MIN_PROSE_CHARS = 60
MIN_PROSE_WORDS = 8
HEADLINE_REACH = 16
"""How far above an article's first paragraph its headline may stand."""
_LIST_MARK = re.compile(r"^(?:[*+•·□o-]|\d{1,3}[.)])\s")


def _prose(lines: list[str], k: int) -> bool:
    """A line of someone's sentences: long, many words, no list mark or row of links, and a
    sentence's end or more of the paragraph under it (a headline of many words stands alone)."""
    text = lines[k].strip()
    if (
        len(text) < MIN_PROSE_CHARS
        or len(text.split()) < MIN_PROSE_WORDS
        or _LIST_MARK.match(text) is not None
        or any(c in text for c in "|»>")
    ):
        return False
    nxt = lines[k + 1].strip() if k + 1 < len(lines) else ""
    return text[-1] in _SENTENCE_END or text[-1] in ':"”)' or len(nxt) >= MIN_PROSE_CHARS


def _heading(lines: list[str], k: int) -> bool:
    """A line standing alone that can head an article: a few words, no list mark, no
    sentence end, not a row of links."""
    text = lines[k].strip()
    if any(c in text for c in "|»>_["):
        return False
    if text.startswith("# ") or text.startswith("## "):
        return True
    alone = (k == 0 or not lines[k - 1].strip()) and (
        k + 1 >= len(lines) or not lines[k + 1].strip()
    )
    return (
        alone
        and 2 <= len(text.split()) <= 25
        and _LIST_MARK.match(text) is None
        and text[-1] not in ".:;,"
    )


def _dated_below(lines: list[str], k: int) -> bool:
    """Whether the line under line k is a short one holding a date (an article's byline)."""
    j = next((j for j in range(k + 1, len(lines)) if lines[j].strip()), None)
    if j is None or _prose(lines, j):
        return False
    # markdown escapes a full stop after a number ("13\\. März 2019")
    return any(t.strip(",.()|") in ("D", "R") for t in mask(lines[j].replace("\\", "")).split())


def opening_article(lines: list[str], first: int, chrome: set[int]) -> int | None:
    """The first line of an article standing above a page's first framed post, or None.

    Comment sections frame every comment, and the article they answer stands above the first
    frame as prose (paragraphs of long lines), where a forum page has only menus and the title
    there. The article is the page's opening post: it starts at its headline, the nearest line
    standing alone over the first paragraph with a date in the lines under it (its byline) or
    marked as a heading (a notice above it, in sentences too, is passed over). Prose with no
    headline over it (a sidebar's rules, a forum's description) opens no post."""
    prose = [k for k in range(first) if k not in chrome and _prose(lines, k)]
    words = sum(len(lines[k].split()) for k in prose)
    if len(prose) < MIN_ARTICLE_LINES or words < MIN_ARTICLE_WORDS:
        return None
    for p in prose:
        for k in range(p - 1, max(-1, p - HEADLINE_REACH - 1), -1):
            if k in chrome or not lines[k].strip():
                continue
            if _prose(lines, k):
                break
            marked = lines[k].lstrip().startswith(("# ", "## "))
            if _heading(lines, k) and (marked or _dated_below(lines, k)):
                return k
    return None


MIN_COLUMN_GAP = 8
"""Spaces between two regions of a page a tool laid out side by side (a table's cells)."""
MIN_COLUMN_LINES = 6
MIN_COLUMN_SHARE = 0.1
_COLUMN_GAP = re.compile(rf"\S( {{{MIN_COLUMN_GAP},}})\S")
_GAP_SPACES = " " * MIN_COLUMN_GAP
"""A line without this run of spaces holds no gap: a substring test is ~20x cheaper than the
pattern, which tries every character of every line of the page."""


def left_column(lines: list[str]) -> list[str]:
    """The page with lines that hold two regions side by side cut to the left one.

    A tool that lays a table out as text (inscriptis) prints a post's user block in a column
    beside its words, so that a name, a rank or "Join Date" shares a line with a sentence and no
    frame line stands alone. Where many lines hold a short left part, a wide run of spaces and
    more text, the left parts are read for the frame (the words stay in the page the reader
    parses); a page without such lines is returned as it is."""
    cut: dict[int, str] = {}
    nonblank = 0
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        nonblank += 1
        m = _COLUMN_GAP.search(line) if _GAP_SPACES in line else None
        if m is not None and len(line[: m.start(1)].strip()) <= MAX_FILLER_CHARS:
            cut[i] = line[: m.start(1)]
    if len(cut) < max(MIN_COLUMN_LINES, MIN_COLUMN_SHARE * nonblank):
        return lines
    return [cut.get(i, line) for i, line in enumerate(lines)]
