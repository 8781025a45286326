"""Ask where to export the scorecard; a second enter confirms overwriting an existing file.

Whatever the export would refuse (a folder, a device, a missing folder, the thread itself,
someone else's file, a newer threadscore's scorecard) is said here, before asking to overwrite:
a box that asks "enter again to overwrite" must not then refuse.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Static

from parsing.errors import ThreadscoreError
from scoring.store import ScorecardFileError, check_output, load_scorecard
from tui.safe import clean
from tui.screens.dialog import Dialog
from tui.screens.filter import Tick
from tui.widgets.safe_text import SafeInput


@dataclass(frozen=True)
class ExportChoice:
    """Where to write the scorecard, and whether with every post's sentences and cues."""

    path: Path
    cues: bool = False


class ExportScreen(Dialog[ExportChoice | None]):
    """Dismisses with the chosen path and options, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="export.cancel")
    ]

    def __init__(self, default: Path, inputs: Sequence[str | Path] = ()) -> None:
        super().__init__(classes="dialog-screen")
        self._default = default
        self._inputs = list(inputs)
        self._confirmed: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog prompt"):
            yield Static(Content("Export the scorecard (TOML) to"), classes="dialog-title")
            yield SafeInput(str(self._default), id="path")
            yield Tick(
                "With sentences and cues (4 times larger)",
                False,
                id="cues",
                compact=True,
            )
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
        path = self._path(event.value)
        problem = "Give a file name." if path is None else refusal(path, self._inputs)
        if problem is not None:
            self._ask(problem)
        elif path is not None and path.exists() and self._confirmed != path:
            self._confirmed = path
            self._ask("The file exists: enter again to overwrite it.")
        elif path is not None:
            self.dismiss(ExportChoice(path, self.query_one("#cues", Tick).value))

    @staticmethod
    def _path(value: str) -> Path | None:
        raw = clean(value).strip()
        if not raw:
            return None
        try:
            return Path(raw).expanduser()
        except RuntimeError:  # "~someone" who does not exist: the name as typed
            return Path(raw)

    def _ask(self, text: str) -> None:
        """Say `text` and take keys again (those typed before it was shown were dropped)."""
        self._hint(text, error=True)
        self.query_one(SafeInput).resume()

    def _hint(self, text: str, *, error: bool = False) -> None:
        hint = self.query_one("#export-hint", Static)
        hint.update(Content(text))
        hint.set_class(error, "-error")

    def action_cancel(self) -> None:
        self.dismiss(None)


def refusal(path: Path, inputs: Sequence[str | Path] = ()) -> str | None:
    """Why exporting a scorecard to `path` would be refused, or None when it would be written.

    The same checks as the export itself (`check_output`, then `save_scorecard`, which replaces
    only a scorecard of ours that this threadscore can read or a damaged one it sets aside).
    """
    try:
        check_output(path, inputs)
    except ThreadscoreError as exc:
        return str(exc)
    try:
        if path.stat().st_size == 0:
            return None
    except OSError:
        return None
    try:
        load_scorecard(path)
    except ScorecardFileError as exc:
        if exc.newer or exc.foreign:
            return str(exc)
    except ThreadscoreError as exc:  # could not read it: writing over it would fail as well
        return str(exc)
    return None
