"""Split forum text into sentences, as character spans, without tripping over forum habits.

Forum posts break the rules a textbook splitter relies on: abbreviations ("Mall Rd. of Lahore",
"U.S.", "e.g."), decimals and sizes ("317.4 KB"), ellipses, sentences that start in lower case,
emoticons, URLs, list items, and line breaks that end a thought without a full stop. One pass
over candidate boundaries, each decided by looking at a few characters either side, keeps the
work linear in the text.
"""

from __future__ import annotations

import re

Span = tuple[int, int]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


ABBREVIATIONS = _words(
    """
    mr mrs ms dr prof sr jr st rd ave blvd mt ft gen col lt sgt capt gov sen rep pres rev hon
    vs v etc al approx appt dept est inc ltd co corp no nos vol fig figs pp p ch sec cf ca viz
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun
    """
)
"""Words that take a full stop without ending the sentence (compared in lower case)."""

TITLES = _words("mr mrs ms dr prof st rd ave mt gen col lt sgt capt gov sen rep rev hon")
"""Abbreviations that always lead into a name, so never end a sentence."""

STARTERS = _words(
    """
    the a an i it this that these those there he she they we you but and so then now however
    also if in on at as my our his her their its what why how who when where which yes no
    """
)
"""Words that, capitalised after a dotted acronym ("the U.S. The"), show a new sentence."""

_STOP_TAIL = r"[.!?…]{0,8}(?:[\"'”’)\]]{1,4}(?=\s))?(?=\s)"
_EMOTICON_TAIL = r"[-']?[()DPpOo3/\\|\[\]]{1,6}(?=\s)"
# Runs are bounded ({0,8}) so a long row of dots costs linear time, not quadratic.
_CANDIDATE = re.compile(
    # Every alternative starts with a plain character, so the engine can skip ordinary text
    # without trying them: full stops, ! ? and ellipses before a space; line breaks and blank
    # lines; emoticons.
    rf"\.{_STOP_TAIL}|!{_STOP_TAIL}|\?{_STOP_TAIL}|…{_STOP_TAIL}"
    r"|\n(?:[ \t]*\n)?"
    rf"|:{_EMOTICON_TAIL}|;{_EMOTICON_TAIL}|={_EMOTICON_TAIL}"
    r"|\^_?\^(?=\s)|<3(?=\s)|xD(?=\s)|XD(?=\s)"
)
"""Places a sentence may end. No groups, so the engine rejects most positions at one compare."""

_LIST_ITEM = re.compile(r"[ \t]*(?:[-*•·▪‣◦>]|\d{1,3}[.)]|[a-zA-Z][.)])[ \t]+\S")
_NUMBERED = re.compile(r"(?:^|\n)[ \t]*\d{1,3}$")
_WORD_AFTER = re.compile(r"\s*([\"'“‘(\[]*)(\S*)")
_DOTTED = re.compile(r"(?:[A-Za-z]\.){1,}[A-Za-z]?\.?$")
_TERMINAL = re.compile(r"[.!?…:;\"'”’)]$")

WRAP_MIN = 60
"""A line at least this long that runs on in lower case is a hard wrap, not a sentence end."""


def _next_word(text: str, pos: int) -> tuple[str, str]:
    match = _WORD_AFTER.match(text, pos, min(len(text), pos + 40))
    return (match.group(1), match.group(2)) if match else ("", "")


def _ends_sentence(text: str, start: int, end: int) -> bool:
    """Whether the full stop (or ! ? …) at text[start:end] closes a sentence."""
    mark = text[start:end].rstrip("\"'”’)]")
    if mark != ".":
        if mark.strip(".") == "" or mark == "…":
            # An ellipsis ends a sentence only when the next one visibly starts.
            _opener, word = _next_word(text, end)
            return bool(word) and (word[0].isupper() or word[0].isdigit())
        return True
    window = text[max(0, start - 30) : start]
    before = window.rsplit(None, 1)[-1] if window and not window[-1].isspace() else ""
    bare = before.lstrip("(\"'“‘[").lower()
    if len(bare) > 1 and "." not in bare and bare not in ABBREVIATIONS and not bare.isdigit():
        return True  # the common case: an ordinary word before the full stop
    if bare.isdigit() and _NUMBERED.search(text, max(0, start - 8), start):
        return False  # "1. " opening a numbered list item
    _opener, word = _next_word(text, end)
    if bare in TITLES:
        return False
    if bare in ABBREVIATIONS:
        return bool(word) and word[0].isupper() and word.lower().strip(",") in STARTERS
    if _DOTTED.fullmatch(before + "."):
        if len(before) == 1 and before.isupper():
            return bool(word) and word.lower() in STARTERS and word[0].isupper()
        return bool(word) and word[0].isupper() and word.lower().strip(",") in STARTERS
    return True


def _ends_line(text: str, line_start: int, pos: int) -> bool:
    """Whether the line break at `pos` closes a sentence (not a hard wrap inside one)."""
    line = text[line_start:pos].rstrip()
    if not line:
        return True
    _opener, word = _next_word(text, pos + 1)
    if not word:
        return True
    if _LIST_ITEM.match(text, pos + 1):
        return True
    if _TERMINAL.search(line):
        return True
    return not (len(line) >= WRAP_MIN and word[0].islower())


def split_sentences(text: str) -> list[Span]:
    """Sentence spans (start, end exclusive) in `text`, whitespace trimmed, in order.

    Runs for every post of a thread: each kind of candidate is told by its first character,
    and a `!` or `?` (alone or before more marks) always ends a sentence, asking nothing more.
    """
    spans: list[Span] = []
    append = spans.append
    sent_start = 0
    line_start = 0
    for match in _CANDIDATE.finditer(text):
        start, end = match.span()
        first = text[start]
        if first == "\n":
            if end - start == 1 and not _ends_line(text, line_start, start):
                line_start = end
                continue
            line_start = end
            cut = start
        elif first == "." or first == "…":
            if not _ends_sentence(text, start, end):
                continue
            cut = end
        elif first == "!" or first == "?":
            cut = end
        else:  # an emoticon
            if start > 0 and not text[start - 1].isspace():
                continue  # inside a word or after punctuation: not an emoticon
            _opener, word = _next_word(text, end)
            if word and not word[0].isupper() and text[end] != "\n":
                continue
            cut = end
        segment = text[sent_start:cut]
        kept = segment.strip()
        if kept:
            at = sent_start + segment.find(kept[0])  # past the leading whitespace
            append((at, at + len(kept)))
        sent_start = cut
    segment = text[sent_start:]
    kept = segment.strip()
    if kept:
        at = sent_start + segment.find(kept[0])
        append((at, at + len(kept)))
    return spans


def sentences(text: str) -> list[str]:
    """The sentences themselves (a convenience for tests and evaluation)."""
    return [text[a:b] for a, b in split_sentences(text)]
