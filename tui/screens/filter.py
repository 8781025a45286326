"""Choose which posts the list shows: by verdict, author, bookmark, rating and note.

The author is picked from a list inside the dialog, most prolific first, narrowed by typing a
few letters of the name (a Select's drop-down spilled over the buttons, kept first-post order
and could not be typed into).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Checkbox, Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.filters import Filter, matching_authors
from tui.safe import one_line
from tui.screens.dialog import Dialog, drop_if_closing
from tui.verdicts import VERDICTS
from tui.widgets.safe_text import SafeInput

ANY_AUTHOR = "\x00any"
"""Option id for "no author filter"; cannot collide with a cleaned author name."""


class Tick(Checkbox):
    """A checkbox whose state shows without colour: "✓" when ticked, blank when not (Textual's
    draws an "X" either way and tells them apart only by colour)."""

    @property
    def _button(self) -> Content:
        button = super()._button
        inner = "✓" if self.value else " "
        return Content.assemble(button[:1], (inner, button.get_style_at_offset(1)), button[2:])


class AuthorList(OptionList):
    """The authors; j/k move as in the post list, keys after the dialog answered are dropped."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def _on_key(self, event: events.Key) -> None:
        drop_if_closing(self, event)


class FilterScreen(Dialog[Filter | None]):
    """Dismisses with the new filter, or None when cancelled. `authors`: (name, posts), most
    posts first (`tui.filters.authors_by_posts`); `unscored`: some post is not scored."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="filter.cancel"),
        Binding("ctrl+s", "apply", "Apply", id="filter.apply"),
        Binding("ctrl+r", "clear", "Clear all", id="filter.clear"),
        Binding("down,j", "app.focus_next", "Next", show=False, id="filter.next"),
        Binding("up,k", "app.focus_previous", "Previous", show=False, id="filter.previous"),
    ]

    def __init__(
        self, current: Filter, authors: Sequence[tuple[str, int]], unscored: bool = False
    ) -> None:
        super().__init__(classes="dialog-screen")
        self._current = current
        # `not-scored` is offered only where some post has it (posts in another language).
        self._verdicts = [
            v for v in VERDICTS if v != "not-scored" or unscored or v in current.verdicts
        ]
        self._authors = list(authors)
        known = {name for name, _ in self._authors}
        self._author = current.author if current.author in known else None

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
                    for verdict in self._verdicts:
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
                    yield Tick("Has a note", current.noted, id="noted", compact=True)
                yield SafeInput(
                    placeholder="Author: type to find (enter picks the first)",
                    id="author-find",
                    compact=True,
                )
                yield AuthorList(*self._options(""), id="author")

    def _options(self, typed: str) -> list[Option]:
        options = [Option(Content("Any author"), id=ANY_AUTHOR)] if not typed.strip() else []
        for name, posts in matching_authors(self._authors, typed):
            label = f"{one_line(name) or '—'} ({posts} post{'s' if posts != 1 else ''})"
            options.append(Option(Content(label), id=f"a:{name}"))
        return options

    def on_mount(self) -> None:
        self.query_one(Tick).focus()
        self._show_chosen()

    def _show_chosen(self) -> None:
        """Highlight the chosen author (or "Any author") in the list as it is now."""
        authors = self.query_one(AuthorList)
        wanted = ANY_AUTHOR if self._author is None else f"a:{self._author}"
        try:
            authors.highlighted = authors.get_option_index(wanted)
        except Exception:  # narrowed away by typing
            authors.highlighted = 0 if authors.option_count else None

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        authors = self.query_one(AuthorList)
        authors.clear_options()
        authors.add_options(self._options(event.value))
        self._show_chosen()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the author box picks the first author listed."""
        event.stop()
        authors = self.query_one(AuthorList)
        if authors.option_count:
            self._pick(authors.get_option_at_index(0).id)
            authors.highlighted = 0
        self.query_one("#author-find", SafeInput).resume()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._pick(event.option.id)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if self.query_one(AuthorList).has_focus:
            self._pick(event.option.id)

    def _pick(self, option_id: str | None) -> None:
        if option_id is None or option_id == ANY_AUTHOR:
            self._author = None
        else:
            self._author = option_id.removeprefix("a:")

    def chosen(self) -> Filter:
        verdicts = frozenset(t.name for t in self.query(".verdict").results(Tick) if t.value)
        return Filter(
            verdicts=verdicts,  # type: ignore[arg-type]
            author=self._author,
            bookmarked=self.query_one("#bookmarked", Tick).value,
            rated=self.query_one("#rated", Tick).value,
            noted=self.query_one("#noted", Tick).value,
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
