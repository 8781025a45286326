"""Ask for a search query (exact words, else close matches; `n`/`N` then walk the matches)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Static

from tui.safe import one_line
from tui.screens.dialog import Dialog
from tui.widgets.safe_text import SafeInput


class SearchScreen(Dialog[str | None]):
    """A one-line prompt; enter searches, escape cancels; an empty query clears the search."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="search.cancel")
    ]

    def __init__(self, query: str = "") -> None:
        super().__init__(classes="dialog-screen")
        self._query = query

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog prompt"):
            yield Static(
                Content("Search posts and authors (a typo finds close matches)"),
                classes="dialog-title",
            )
            yield SafeInput(self._query, placeholder="words to find", id="query")
            yield Static(
                Content("enter searches · n/N: next/previous · empty clears · escape cancels"),
                classes="dialog-hint",
            )

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(one_line(event.value))

    def action_cancel(self) -> None:
        self.dismiss(None)
