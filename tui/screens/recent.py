"""The start-up list when no thread is named: threads opened lately, the demo among them.

Each row says what the reader will find: the title, then posts, marks and unread posts as they
were when it was last closed, and where the file is. Enter opens it; q quits.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from tui.recent import Recent, describe
from tui.safe import one_line
from tui.screens.dialog import drop_if_closing


class RecentList(OptionList):
    """The threads; j/k move as in the post list."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "first", "First", show=False),
        Binding("G", "last", "Last", show=False),
    ]

    def _on_key(self, event: events.Key) -> None:
        drop_if_closing(self, event)


class RecentScreen(Screen[None]):
    """The app's first screen when no thread is named; posts `Chosen` once (the app then puts
    the reader in its place), or quits."""

    class Chosen(Message):
        def __init__(self, paths: tuple[str, ...]) -> None:
            super().__init__()
            self.paths = paths

    @property
    def closing(self) -> bool:
        """True once a thread was chosen: keys still queued for the list are dropped."""
        return self._chosen

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Open", id="recent.open"),
        Binding("q,escape", "quit", "Quit", id="recent.quit"),
    ]

    def __init__(self, entries: Sequence[Recent]) -> None:
        super().__init__(id="recent")
        self._entries = list(entries)
        self._chosen = False

    def compose(self) -> ComposeResult:
        with Vertical(id="recent-box"):
            yield Static(Content("threadscore: recently opened threads"), classes="dialog-title")
            yield RecentList(*(self._option(i, e) for i, e in enumerate(self._entries)))
            yield Static(
                Content("enter opens · q quits · threadscore FILE opens a thread directly"),
                classes="dialog-hint",
            )
        yield Footer(compact=True, show_command_palette=False)

    @staticmethod
    def _option(index: int, entry: Recent) -> Option:
        from parsing.load import demo_path

        if entry.paths == (str(demo_path()),):
            where = "(bundled with threadscore: a short debate to try the keys on)"
        elif len(entry.paths) > 1:
            where = one_line(f"{Path(entry.paths[0]).parent} ({len(entry.paths)} pages)")
        else:
            where = one_line(entry.paths[0])
        label = Content.assemble(
            (one_line(describe(entry)), "bold"), "\n", (f"  {where}", "$text-muted")
        )
        return Option(label, id=str(index))

    def on_mount(self) -> None:
        choices = self.query_one(RecentList)
        choices.highlighted = 0 if self._entries else None
        choices.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._open(event.option_index)

    def action_open(self) -> None:
        highlighted = self.query_one(RecentList).highlighted
        if highlighted is not None:
            self._open(highlighted)

    def _open(self, index: int) -> None:
        if not self._chosen:
            self._chosen = True
            self.post_message(self.Chosen(self._entries[index].paths))

    def action_quit(self) -> None:
        self.app.exit()
