"""Markdown residue of a flattening tool, read through: each line as it reads on the page.

Tools that flatten a page to markdown (html2text, many "reader" crawls) print a link as
`[text](url "title")`, an image as `![alt](src)`, a user's name as `#### [**name**](/members/..)`,
a list item as `  * text` or `  1. text`, a quote as `> text`. The URL and the marks are not
what a reader sees, and they make every frame line unique (`[#2](showthread.php?p=365267)`):
read through them, a header line recurs as it does in a plain crawl (`#2`). The view keeps one
line per line, so line numbers are shared with the text; a post's words are still taken from
the text itself (a link's address may be a post's evidence).
"""

from __future__ import annotations

import re

MIN_LINKS = 3
"""A page is read through only when at least this many lines hold link or image residue: a
plain dump may hold one "[1](...)" by chance, a markdown page holds one on most frame lines."""

_IMAGE = re.compile(r"!\[([^\]\n]{0,200})\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\s*\)")
_LINK = re.compile(r"\[([^\[\]\n]{0,300})\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\s*\)")
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_LEAD = re.compile(r"^(\s*)(?:>\s?)*(?:#{1,6}\s+|[*+-]\s+(?![*+-]?\s*$)|\d{1,3}\.\s+)?")
_RULE = re.compile(r"^\s*(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")
_DD_INDENT = "    "
_BARE = " *+->#|_"
PICTURE = "!["
"""How the view prints a line holding nothing but pictures: `![` and their alt text (an avatar
is furniture; a post opens with words)."""
MAX_TERM_CHARS = 40
_RESIDUE = ("](", "**", "__")
_LEADS = ("#", ">", "*", "+", "-")


def has_residue(lines: list[str]) -> bool:
    """Whether the page is markdown: `MIN_LINKS` lines or more hold a link or image."""
    found = 0
    for line in lines:
        if "](" in line:
            found += 1
            if found >= MIN_LINKS:
                return True
    return False


def plain(line: str) -> str:
    """A line read through its markdown: link and image text without addresses, no bold marks,
    no quote, heading or list marks in front. A line of nothing but pictures reads `![alt]`
    (`PICTURE`), or keeps its residue when they have no alt text (it recurs as it is, under
    every post); a rule (`* * *`) is kept."""
    first = line.lstrip()[:1]
    if not any(mark in line for mark in _RESIDUE) and first not in _LEADS and not first.isdigit():
        return line
    if _RULE.match(line):
        return line
    if "![" in line and not _LINK.sub(lambda m: m[1], _IMAGE.sub("", line)).strip(_BARE):
        alts = " ".join(m[1].strip() for m in _IMAGE.finditer(line) if m[1].strip())
        return f"{PICTURE}{alts}]" if alts else line
    text = _IMAGE.sub(lambda m: m[1], line)
    for _ in range(2):  # a link around an image: `[![alt](src)](url)`
        if "](" not in text:
            break
        text = _LINK.sub(lambda m: m[1], text)
    text = _EMPHASIS.sub(lambda m: m[2], text)
    m = _LEAD.match(text)
    if m and m.end() > len(m[1]):
        text = m[1] + text[m.end() :]
    if not text.strip():
        return "" if line.strip().strip(">").strip() == "" else line
    if text.strip() == line.strip():
        return line
    return " ".join(text.split())


def words_of(line: str) -> str:
    """A line as its words are matched against earlier posts: each picture read as its alt
    text (an avatar beside a quote's author, "![](/avatar.png) alice:", is the author's name,
    not words anyone wrote; a line of pictures alone reads as `plain` reads it, "![alt]", too
    short to quote). Links keep their addresses: the same link text under every post ("Re:
    Topic" to each post's anchor) is furniture, and a quote copies the address it repeats.
    A quote's "> " marks are read where the page quotes the mail way (`mail_quotes`)."""
    if "![" not in line:
        return line
    if not _LINK.sub("", _IMAGE.sub("", line)).strip(_BARE):
        return plain(line) if "](" not in _IMAGE.sub("", line) else line
    return _IMAGE.sub(lambda m: m[1], line)


def plain_lines(lines: list[str]) -> list[str]:
    """The page read through its markdown, line for line; the lines themselves when it has none.

    A value printed indented under its label (a definition list: "Posts" over "    3,882")
    reads as the label beside it ("Posts 3,882"), as a plain crawl prints it, where the label
    stands over different values.
    """
    if not has_residue(lines):
        return lines
    view = [plain(line) for line in lines]
    pairs: dict[str, list[int]] = {}
    for k in range(1, len(view)):
        value, label = view[k], view[k - 1]
        if (
            value.startswith(_DD_INDENT)
            and 0 < len(value.strip()) <= MAX_TERM_CHARS
            and label.strip()
            and not label[:1].isspace()
            and len(label) <= MAX_TERM_CHARS
        ):
            pairs.setdefault(label.strip(), []).append(k)
    for label, found in pairs.items():
        # a label prints other users' values ("Posts" over 3,882 and 2,964); a name over an
        # indented line (a join date) prints the same one each time
        if len({view[k].strip() for k in found}) >= 2:
            for k in found:
                view[k] = f"{label} {view[k].strip()}"
    return view
