"""What kind of line a line is before anyone reads its words: code or a log, or a list item.

Inside a run of code or log lines, or a list, nobody starts a new post; the segmenter's rules
and the break models (`parsing.turns`, `parsing.breaks`) ask these questions.
"""

from __future__ import annotations

import re

_LIST_ITEM = re.compile(r"^\s*(?:\(?\d{1,2}[.):]|\(?[a-zA-Z][.)]|[-*•·▪◦–]|\d{1,2}\s*-)\s*\S")
_STATEMENT = re.compile(
    r"^\s*(?:[A-Za-z_][\w.]*(?:\[[^\]]*\])*\s*[-+*/]?=\s*[^\s=]"
    r"|[A-Za-z_]\w*(?:\.\w+)+\(.*\)[;,]?\s*$"
    r"|(?:for|while|if|elif|def|class|return|import|from|#include|var|let|const)\b.*[:;{)]\s*$)"
)
"""A statement of code: an assignment ("a.b[0] = f(x)"), a dotted call alone on its line
("process.start()"), or a line opening with a keyword and ending as code does."""


_CODE_CHARS = "=(){}[];<>|\\_"
"""Code and logs use these; prose hardly ever does."""
LOG_STAMP = re.compile(r"\d{1,2}:\d{2}:\d{2}|\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4}")
_PROSE = re.compile(r"[^\W\d_]+| +")
MIN_PROSE_SHARE = 0.8
"""A line of prose is at least this share letters and spaces."""


def is_literal(line: str) -> bool:
    """A line of code, a log or a listing, not prose: it marks code ("=", brackets, snake_case
    names) and is indented or mostly not letters, or it carries a timestamp.

    Inside a run of such lines nobody starts a new post, and a line repeating an earlier one
    of the run is the log repeating itself, not a quote.
    """
    if not marks_code(line):
        return False
    text = line.strip()
    if _STATEMENT.match(text) and "  " not in text[:4] and not text.endswith((".", "?", "!")):
        return True
    if LOG_STAMP.search(text[:40]) or line[:2] in ("  ", "\t"):
        return True
    other = len(_PROSE.sub("", text))  # what is neither a letter nor a space
    return other > (1 - MIN_PROSE_SHARE) * len(text)


def marks_code(line: str) -> bool:
    """Whether a line holds a character code and logs use and prose hardly ever does.

    A substring test per character (a C search of the line each): on every line of a thread,
    6x cheaper than a set's `isdisjoint`, which hashes the line's characters one by one (and
    twice as cheap as `any` over a generator)."""
    for char in _CODE_CHARS:  # noqa: SIM110
        if char in line:
            return True
    return False


def is_list_item(line: str) -> bool:
    """A numbered or bulleted item ("1) ...", "2. ...", "- ...")."""
    return _LIST_ITEM.match(line) is not None
