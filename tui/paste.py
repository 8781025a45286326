"""Bracketed pastes that hold escape sequences arrive as one paste, in order, without them.

Textual's input parser ends a paste's text at the first ESC inside it: the rest of the paste
comes out as typed keys (the ESC shown as "^") ahead of the paste's start, so pasting
`AAA \\e[31mBBB CCC` into the note box wrote `^[31mBBB CCCAAA`, and that was saved. Terminals
pass such text on as it was copied (a coloured log line, a web page's hidden characters).
`PasteFilter` cleans the inside of a paste (escape sequences and controls out, line breaks as
LF) before the parser reads it; `install` puts a parser using it into Textual's terminal
drivers.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual._xterm_parser import XTermParser
from textual.message import Message

from tui.safe import clean

PASTE_START = "\x1b[200~"
PASTE_END = "\x1b[201~"


class PasteFilter:
    """Stateful: a paste may span several reads, and a sequence may be cut between two."""

    def __init__(self) -> None:
        self.in_paste = False
        self._pending = ""
        """The end of the last read inside a paste that may be the start of PASTE_END."""
        self._seen = ""
        """The end of the last read outside a paste that may be the start of PASTE_START
        (already passed on: a lone ESC is the escape key and must not wait for more input)."""

    def __call__(self, data: str) -> str:
        data, self._pending = self._pending + data, ""
        out: list[str] = []
        while data:
            if not self.in_paste:
                joined = self._seen + data
                start = joined.find(PASTE_START)
                if start < 0:
                    out.append(data)
                    self._seen = _start_of_marker(joined)
                    break
                cut = start + len(PASTE_START) - len(self._seen)
                out.append(data[:cut])
                data, self._seen, self.in_paste = data[cut:], "", True
                continue
            end = data.find(PASTE_END)
            if end < 0:
                body, self._pending = _split_tail(data)
                out.append(clean(body))
                break
            out.append(clean(data[:end]) + PASTE_END)
            data = data[end + len(PASTE_END) :]
            self.in_paste = False
        return "".join(out)


def _start_of_marker(text: str) -> str:
    """The longest end of `text` that PASTE_START begins with (it may go on in the next read)."""
    for size in range(min(len(PASTE_START) - 1, len(text)), 0, -1):
        if PASTE_START.startswith(text[-size:]):
            return text[-size:]
    return ""


def _split_tail(text: str) -> tuple[str, str]:
    """`text` less a last escape sequence that may be unfinished (kept for the next read)."""
    last = text.rfind("\x1b")
    if last < 0 or len(text) - last > 32:
        return text, ""
    return text[:last], text[last:]


class PasteSafeParser(XTermParser):
    """Textual's parser, reading what `PasteFilter` makes of the terminal's input."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._paste_filter = PasteFilter()

    def feed(self, data: str) -> Iterable[Message]:
        if not data:  # end of input
            return super().feed(data)
        filtered = self._paste_filter(data)
        return super().feed(filtered) if filtered else ()


def install() -> None:
    """Make Textual's POSIX terminal drivers use `PasteSafeParser` (they name the class at
    module level; the Windows driver reads the console differently and is left as it is)."""
    from textual.drivers import linux_driver, linux_inline_driver

    linux_driver.XTermParser = PasteSafeParser  # type: ignore[misc]
    linux_inline_driver.XTermParser = PasteSafeParser  # type: ignore[misc]
