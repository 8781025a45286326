"""Choose which posts the list shows: by verdict, author, bookmark and rating."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Select, SelectionList, Static
from textual.widgets.selection_list import Selection

from tui.filters import VERDICTS, Filter
from tui.safe import one_line

ANY_AUTHOR = "\x00any"
"""Select value for "no author filter"; cannot collide with a cleaned author name."""


class FilterScreen(ModalScreen[Filter | None]):
    """Dismisses with the new filter, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="filter.cancel"),
        Binding("ctrl+s", "apply", "Apply", id="filter.apply"),
        Binding("ctrl+r", "clear", "Clear all", id="filter.clear"),
    ]

    def __init__(self, current: Filter, authors: Sequence[str]) -> None:
        super().__init__(classes="dialog-screen")
        self._current = current
        self._authors = authors

    def compose(self) -> ComposeResult:
        current = self._current
        with Vertical(classes="dialog filter"):
            yield Static(Content("Filter the post list"), classes="dialog-title")
            yield SelectionList[str](
                *(Selection(Content(f"Verdict: {v}"), v, v in current.verdicts) for v in VERDICTS),
                id="verdicts",
                compact=True,
            )
            options: list[tuple[Content, str]] = [(Content("Any author"), ANY_AUTHOR)]
            options += [(Content(one_line(a) or "—"), a) for a in self._authors]
            author = current.author if current.author in self._authors else ANY_AUTHOR
            yield Select(options, value=author, allow_blank=False, id="author", compact=True)
            yield Checkbox("Bookmarked only", current.bookmarked, id="bookmarked", compact=True)
            yield Checkbox("Rated only", current.rated, id="rated", compact=True)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Apply", variant="primary", id="apply", compact=True)
                yield Button("Clear all", id="clear", compact=True)
                yield Button("Cancel", id="cancel", compact=True)
            yield Static(
                Content("space toggles · ctrl+s applies · ctrl+r clears · escape cancels"),
                classes="dialog-hint",
            )

    def on_mount(self) -> None:
        self.query_one("#verdicts").focus()

    def chosen(self) -> Filter:
        verdicts = frozenset(self.query_one("#verdicts", SelectionList).selected)
        author = self.query_one("#author", Select).value
        return Filter(
            verdicts=verdicts,
            author=author if isinstance(author, str) and author != ANY_AUTHOR else None,
            bookmarked=self.query_one("#bookmarked", Checkbox).value,
            rated=self.query_one("#rated", Checkbox).value,
        )

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        {"apply": self.action_apply, "clear": self.action_clear, "cancel": self.action_cancel}[
            event.button.id or "cancel"
        ]()

    def action_apply(self) -> None:
        self.dismiss(self.chosen())

    def action_clear(self) -> None:
        self.dismiss(Filter())

    def action_cancel(self) -> None:
        self.dismiss(None)
