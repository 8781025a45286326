"""The reader's door to `parsing.textsafe`: the last guard between untrusted text and the terminal.

The parser already cleans every string it puts in a model, but notes the user types, file names
and hand-edited state reach the screen too. A Segment is written to the terminal byte for byte,
so one missed ESC is an OSC 52 clipboard write; the reader cleans again, with the same rules.
"""

from __future__ import annotations

from parsing.textsafe import clean_optional as clean
from parsing.textsafe import one_line, storable, visible

__all__ = ["clean", "one_line", "storable", "visible"]
