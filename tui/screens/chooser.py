"""Pick one of a few things: which quoted post to follow, which quoting post, which verdict."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Generic, TypeVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.screens.dialog import Dialog, drop_if_closing

T = TypeVar("T")


class ChoiceList(OptionList):
    """An option list that drops keys reaching it after its chooser has answered."""

    def _on_key(self, event: events.Key) -> None:
        drop_if_closing(self, event)


class ChooserScreen(Dialog[T | None], Generic[T]):
    """A list of choices; enter picks, escape cancels (dismisses with None)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="chooser.cancel"),
        Binding("j", "move('cursor_down')", "Down", show=False, id="chooser.down"),
        Binding("k", "move('cursor_up')", "Up", show=False, id="chooser.up"),
    ]

    def __init__(self, title: str, choices: Sequence[tuple[Content, T]], *, start: int = 0) -> None:
        super().__init__(classes="dialog-screen")
        self._title = title
        self._choices = list(choices)
        self._start = start

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog chooser"):
            yield Static(Content(self._title), classes="dialog-title")
            options = [Option(label, id=str(i)) for i, (label, _) in enumerate(self._choices)]
            yield ChoiceList(*options, id="choices")
            yield Static(
                Content("enter chooses · j/k move · escape cancels"), classes="dialog-hint"
            )

    def on_mount(self) -> None:
        choices = self.query_one(OptionList)
        choices.highlighted = min(self._start, len(self._choices) - 1) if self._choices else None
        choices.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self._choices[event.option_index][1])

    async def action_move(self, action: str) -> None:
        """j and k move as in the post list (the option list only knows the arrow keys)."""
        await self.query_one(OptionList).run_action(action)

    def action_cancel(self) -> None:
        self.dismiss(None)
