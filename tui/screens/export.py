"""Ask where to export the scorecard; a second enter confirms overwriting an existing file."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from scoring.store import output_problem
from tui.safe import clean
from tui.widgets.safe_text import SafeInput


class ExportScreen(ModalScreen[Path | None]):
    """Dismisses with the chosen path, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="export.cancel")
    ]

    def __init__(self, default: Path) -> None:
        super().__init__(classes="dialog-screen")
        self._default = default
        self._confirmed: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog prompt"):
            yield Static(Content("Export the scorecard (TOML) to"), classes="dialog-title")
            yield SafeInput(str(self._default), id="path")
            yield Static(
                Content("enter writes · escape cancels"), id="export-hint", classes="dialog-hint"
            )

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        self._confirmed = None
        self._hint("enter writes · escape cancels")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        raw = clean(event.value).strip()
        if not raw:
            self._hint("Give a file name.", error=True)
            return
        try:
            path = Path(raw).expanduser()
        except RuntimeError:  # "~someone" who does not exist: the name as typed
            path = Path(raw)
        problem = output_problem(path)
        if problem is not None:
            self._hint(problem, error=True)
            return
        if path.exists() and self._confirmed != path:
            self._confirmed = path
            self._hint("The file exists: enter again to overwrite it.", error=True)
            return
        self.dismiss(path)

    def _hint(self, text: str, *, error: bool = False) -> None:
        hint = self.query_one("#export-hint", Static)
        hint.update(Content(text))
        hint.set_class(error, "-error")

    def action_cancel(self) -> None:
        self.dismiss(None)
