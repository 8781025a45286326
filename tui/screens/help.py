"""The keys, read from the live bindings (so a remapped key shows as remapped)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from tui.key_table import KeyHelp
from tui.screens.dialog import Dialog
from tui.widgets.post_list import fit


class HelpBody(VerticalScroll):
    """The keys' table, scrolled with the reader's own keys (the list is longer than a
    24-line terminal, and j/k, space and g/G move everywhere else in the reader)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", "Down", show=False),
        Binding("k", "scroll_up", "Up", show=False),
        Binding("space", "page_down", "Page down", show=False),
        Binding("b", "page_up", "Page up", show=False),
        Binding("g", "scroll_home", "Top", show=False),
        Binding("G", "scroll_end", "End", show=False),
    ]


class HelpScreen(Dialog[None]):
    """Sections of keys; any of escape, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "close", "Close", id="help.close")
    ]

    def __init__(self, sections: Sequence[tuple[str, Sequence[KeyHelp]]], config_hint: str) -> None:
        super().__init__(classes="dialog-screen")
        self._sections = sections
        self._config_hint = config_hint

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog help"):
            yield Static(Content("threadscore keys"), classes="dialog-title")
            with HelpBody(id="help-body"):
                yield Static(self._table(), id="help-table")
            yield Static(Content(self._config_hint), classes="dialog-hint")

    def _table(self) -> Content:
        rows = [k for _, ks in self._sections for k in ks]
        width = min(max((len(k.keys) for k in rows), default=4), 16)
        ids = max((len(k.binding_id) for k in rows), default=0)
        # The dialog is 84 wide at most, less border, padding and scrollbar; at 80 columns the
        # description gives way (cut with "…") so every id stays on its line.
        inner = min(84, self.app.size.width - 4) - 4
        longest = max((len(k.description) for k in rows), default=8)
        room = inner - (2 + width + 1 + 1 + ids)
        # On a narrow terminal the ids go under their descriptions, which would otherwise be
        # cut to a word or two ("Follow the …").
        stacked = room < min(longest, 24)
        what = max(12, min(longest, 36, inner - (2 + width + 1) if stacked else room))
        lines: list[Content] = []
        for title, keys in self._sections:
            if lines:
                lines.append(Content(""))
            lines.append(Content(title).stylize("bold $text-accent"))
            for key in keys:
                lines.extend(_row(key, width, what, stacked=stacked))
        return Content("\n").join(lines)

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()

    def action_close(self) -> None:
        self.dismiss(None)


def _row(key: KeyHelp, width: int, what: int, *, stacked: bool) -> list[Content]:
    """One key's lines: keys, description, id. Keys wider than their column (several remapped
    keys) get a line of their own, so the descriptions below stay in one column."""
    lines: list[Content] = []
    keys = key.keys
    if cell_len(keys) > width:
        lines.append(Content(f"  {keys}").stylize("bold"))
        keys = ""
    line = Content.assemble((f"  {keys:<{width}} ", "bold"), fit(key.description, what))
    if stacked:
        lines.append(line.rstrip())
        lines.append(Content(" " * (3 + width) + key.binding_id).stylize("$text-muted"))
    else:
        lines.append(line.append(" ").append(Content(key.binding_id).stylize("$text-muted")))
    return lines
