"""Files shown under a post: "  • name.jpg" then "317.4 KB · Views: 64", or one-line forms."""

from __future__ import annotations

import re

from parsing.models import Attachment

_BULLET_NAME = re.compile(r"^\s*[•·*▪◦-]\s+(?P<name>\S[^/\\]{0,200}?\.[A-Za-z0-9]{2,5})\s*$")
_SIZE_VIEWS = re.compile(
    r"^\s*(?P<size>[\d.,]+\s*(?:[KMGT]i?B|bytes?))\s*(?:[·•|,-]\s*)?"
    r"(?:Views:?\s*(?P<views>[\d,]+))?\s*$",
    re.IGNORECASE,
)
_ONE_LINE = re.compile(
    r"^\s*(?:[•·*▪◦-]\s+)?(?P<name>\S[^/\\()]{0,200}?\.[A-Za-z0-9]{2,5})\s*"
    r"\((?P<size>[\d.,]+\s*(?:[KMGT]i?B|bytes?))(?:,\s*(?P<views>[\d,]+)\s+views?)?\)\s*$",
    re.IGNORECASE,
)
_BULLET_START = set(" \t•·*▪◦-")
_LABEL = re.compile(r"^\s*(?:attachments?|attached\s+(?:images?|files?|thumbnails?)):?\s*$", re.I)


def _attachment(name: str, size_match: re.Match[str], first: int, last: int) -> Attachment:
    """An Attachment from a matched name and a size/views match, on 1-based lines first..last."""
    views = size_match["views"]
    return Attachment(
        name=name.strip(),
        size=" ".join(size_match["size"].split()),
        views=int(views.replace(",", "")) if views else None,
        lines=(first, last),
    )


def find_attachments(lines: list[str]) -> dict[int, Attachment]:
    """Attachments keyed by their first line (0-based); each covers its `lines` span (1-based)."""
    found: dict[int, Attachment] = {}
    i = 0
    while i < len(lines):
        line = lines[i]
        if "." not in line or not (line[:1] in _BULLET_START or line.rstrip().endswith(")")):
            i += 1
            continue
        bullet = _BULLET_NAME.match(line)
        if bullet and i + 1 < len(lines):
            size = _SIZE_VIEWS.match(lines[i + 1])
            if size:
                found[i] = _attachment(bullet["name"], size, i + 1, i + 2)
                i += 2
                continue
        one = _ONE_LINE.match(line)
        if one:
            found[i] = _attachment(one["name"], one, i + 1, i + 1)
        i += 1
    return found


def is_attachment_label(line: str) -> bool:
    """An "Attachments" / "Attached Images" heading line above a post's files."""
    return line.lstrip()[:6].lower() == "attach" and _LABEL.match(line) is not None
