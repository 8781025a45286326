"""Text boxes that never hold an escape sequence or a control character.

Textual draws an Input's or a TextArea's text to the terminal as it is, and both are filled from
outside: the default export path is the thread's file name, the search box and the note editor
start from saved state, and a paste brings whatever was on the clipboard. Each is cleaned here.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from textual.document._edit import Edit
from textual.widgets import Input, TextArea
from textual.widgets.text_area import EditResult

from tui.safe import clean


def inline(text: str) -> str:
    """`text` cleaned for a one-line box: line breaks and tabs become spaces."""
    return clean(text).replace("\n", " ").replace("\t", " ")


class SafeInput(Input):
    """An Input whose value, however it is set (argument, typing, paste), is cleaned."""

    def validate_value(self, value: str) -> str:
        return inline(value)

    def replace(self, text: str, start: int, end: int) -> None:
        super().replace(inline(text), start, end)


class SafeTextArea(TextArea):
    """A TextArea whose every edit (typing, paste, loading the text) is cleaned."""

    def edit(self, edit: Edit) -> EditResult:
        text = clean(edit.text)
        if text != edit.text:
            edit = replace(edit, text=text)
        return super().edit(edit)

    def __init__(self, text: str = "", **options: Any) -> None:
        super().__init__(clean(text), **options)

    def load_text(self, text: str) -> None:
        super().load_text(clean(text))
