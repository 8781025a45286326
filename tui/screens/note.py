"""Write or edit the note on a post. An empty note removes it."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static, TextArea

from tui.safe import clean
from tui.screens.dialog import Dialog
from tui.widgets.safe_text import SafeTextArea


class NoteScreen(Dialog[str | None]):
    """A small editor; ctrl+s keeps the note, escape leaves it as it was (dismisses None)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save note", id="note.save"),
        Binding("escape", "cancel", "Cancel", id="note.cancel"),
    ]

    def __init__(self, title: str, note: str | None) -> None:
        super().__init__(classes="dialog-screen")
        self._title = title
        self._note = note or ""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog note"):
            yield Static(Content(self._title), classes="dialog-title")
            yield SafeTextArea(self._note, id="note-text", soft_wrap=True, show_line_numbers=False)
            yield Static(
                Content("ctrl+s keeps the note · escape cancels · an empty note is removed"),
                classes="dialog-hint",
            )

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_save(self) -> None:
        self.dismiss(clean(self.query_one(TextArea).text).strip())

    def action_cancel(self) -> None:
        self.dismiss(None)
