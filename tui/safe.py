"""Display-time sanitising: the last guard between untrusted text and the terminal.

The parser already strips control characters (parsing.decode.strip_controls), but notes the user
types, file names and anything a future reader adds reach the screen too. A Segment is written to
the terminal byte for byte, so one missed ESC is an OSC 52 clipboard write; clean again here.
"""

from __future__ import annotations

import re

_ESCAPE_SEQ = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"  # CSI (7- and 8-bit)
    r"|(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # OSC, terminated or cut off
    r"|(?:\x1b[PX^_]|[\x90\x98\x9e\x9f])[^\x1b\x9c]*(?:\x1b\\|\x9c)?"  # DCS / SOS / PM / APC
    r"|\x1b[ -/]*[0-~]?"  # other escapes, or a lone ESC
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean(text: str | None) -> str:
    """Text that is safe to put on screen: no escapes, no controls but newline and tab."""
    if not text:
        return ""
    text = text.encode("utf-8", "replace").decode("utf-8")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", _ESCAPE_SEQ.sub("", text))


def one_line(text: str | None) -> str:
    """Cleaned text with all whitespace runs collapsed, for list rows and titles."""
    return " ".join(clean(text).split())


def storable(text: str) -> str:
    """`text` that UTF-8 can encode: a file name that is not UTF-8 reaches Python with lone
    surrogates (`\\udcff`), and writing it to a state file would raise."""
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:  # a surrogate that no undecodable byte produced
        return text.encode("utf-8", "replace").decode("utf-8")


def visible(text: str) -> str:
    """`text` for a terminal line with its control characters shown as escapes (`\\x1b`), not
    acted on: a file name holding an escape sequence must be recognisable, not obeyed."""
    return _CONTROL.sub(_escaped, storable(text))


def _escaped(match: re.Match[str]) -> str:
    return match.group().encode("unicode_escape").decode("ascii")
