"""Choose which posts the list shows: by verdict, author, bookmark and rating."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Checkbox, Select, Static

from tui.filters import Filter
from tui.safe import one_line
from tui.screens.dialog import Dialog
from tui.verdicts import VERDICTS

ANY_AUTHOR = "\x00any"
"""Select value for "no author filter"; cannot collide with a cleaned author name."""


class Tick(Checkbox):
    """A checkbox whose state shows without colour: "✓" when ticked, blank when not (Textual's
    draws an "X" either way and tells them apart only by colour)."""

    @property
    def _button(self) -> Content:
        button = super()._button
        inner = "✓" if self.value else " "
        return Content.assemble(button[:1], (inner, button.get_style_at_offset(1)), button[2:])


class FilterScreen(Dialog[Filter | None]):
    """Dismisses with the new filter, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="filter.cancel"),
        Binding("ctrl+s", "apply", "Apply", id="filter.apply"),
        Binding("ctrl+r", "clear", "Clear all", id="filter.clear"),
        Binding("down,j", "app.focus_next", "Next", show=False, id="filter.next"),
        Binding("up,k", "app.focus_previous", "Previous", show=False, id="filter.previous"),
    ]

    def __init__(self, current: Filter, authors: Sequence[str]) -> None:
        super().__init__(classes="dialog-screen")
        self._current = current
        self._authors = authors

    def compose(self) -> ComposeResult:
        current = self._current
        with Vertical(classes="dialog filter"):
            yield Static(Content("Filter the post list"), classes="dialog-title")
            with Vertical(id="filter-foot"):
                yield Static(
                    Content("space ticks · ctrl+s applies · ctrl+r clears · escape cancels"),
                    classes="dialog-hint",
                )
                with Horizontal(classes="dialog-buttons"):
                    yield Button("Apply", variant="primary", id="apply", compact=True)
                    yield Button("Clear all", id="clear", compact=True)
                    yield Button("Cancel", id="cancel", compact=True)
            with VerticalScroll(id="filter-body"):
                with Grid(id="filter-ticks"):
                    for verdict in VERDICTS:
                        yield Tick(
                            f"Verdict: {verdict}",
                            verdict in current.verdicts,
                            id=f"verdict-{verdict}",
                            name=verdict,
                            classes="verdict",
                            compact=True,
                        )
                    yield Tick("Bookmarked only", current.bookmarked, id="bookmarked", compact=True)
                    yield Tick("Rated only", current.rated, id="rated", compact=True)
                options: list[tuple[Content, str]] = [(Content("Any author"), ANY_AUTHOR)]
                options += [(Content(one_line(a) or "—"), a) for a in self._authors]
                author = current.author if current.author in self._authors else ANY_AUTHOR
                yield Select(options, value=author, allow_blank=False, id="author", compact=True)

    def on_mount(self) -> None:
        self.query_one(Tick).focus()

    def chosen(self) -> Filter:
        verdicts = frozenset(t.name for t in self.query(".verdict").results(Tick) if t.value)
        author = self.query_one("#author", Select).value
        return Filter(
            verdicts=verdicts,  # type: ignore[arg-type]
            author=author if isinstance(author, str) and author != ANY_AUTHOR else None,
            bookmarked=self.query_one("#bookmarked", Tick).value,
            rated=self.query_one("#rated", Tick).value,
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
