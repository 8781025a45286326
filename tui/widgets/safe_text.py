"""Text boxes that never hold an escape sequence or a control character, and that answer once.

Textual draws an Input's or a TextArea's text to the terminal as it is, and both are filled from
outside: the default export path is the thread's file name, the search box and the note editor
start from saved state, and a paste brings whatever was on the clipboard. Each is cleaned here.

A key that answers the dialog (enter in a one-line box, or a key the dialog binds to save or
cancel) is taken in the order it was typed, and the keys after it are dropped until the dialog
has answered (`resume` when it stays open, to ask again: what was typed before the question
was on screen is no answer to it, so a second enter never confirms an overwrite). Without that,
"enter j" on a busy reader submitted the export path "j" (the binding behind enter runs only
after the key has travelled up to the app, by when the box holds the keys that followed it).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from textual import events
from textual.document._edit import Edit
from textual.widgets import Input, TextArea
from textual.widgets.text_area import EditResult

from tui.safe import clean
from tui.screens.dialog import answers, drop_if_closing


def inline(text: str) -> str:
    """`text` cleaned for a one-line box: line breaks and tabs become spaces."""
    return clean(text).replace("\n", " ").replace("\t", " ")


class AnswersOnce:
    """Mixin for a text box: drops input that arrives after a key that answers its dialog."""

    _answering: bool = False

    def held_back(self, event: events.Key | events.Paste) -> bool:
        """True when `event` is dropped: the dialog is closing, or an answer is on its way."""
        if drop_if_closing(self, event):  # type: ignore[arg-type]
            return True
        if not self._answering:
            return False
        event.prevent_default()
        event.stop()
        return True

    def answering(self) -> None:
        """An answer is on its way to the dialog: drop what follows until it has answered."""
        self._answering = True

    def resume(self) -> None:
        """The dialog stays open (it said why, or asks to confirm): take keys again."""
        self._answering = False

    async def edited_now(self, event: events.Key) -> bool:
        """Run the box's own binding for `event` (backspace, arrows, ctrl+u…) now; True when
        one ran. Textual runs it only once the key has travelled up to the App, by when the
        letters typed after it are in the box: "ab", backspace, "c" read "ab" (textual#6605)."""
        for binding in self._bindings.key_to_bindings.get(event.key, ()):  # type: ignore[attr-defined]
            if binding.priority:
                continue
            if await self.app.run_action(binding.action, self):  # type: ignore[attr-defined]
                event.prevent_default()
                event.stop()
                return True
        return False


class SafeInput(AnswersOnce, Input):
    """An Input whose value, however it is set (argument, typing, paste), is cleaned."""

    def validate_value(self, value: str) -> str:
        return inline(value)

    def replace(self, text: str, start: int, end: int) -> None:
        super().replace(inline(text), start, end)

    async def _on_key(self, event: events.Key) -> None:
        if self.held_back(event):
            return
        if event.key == "enter":  # submitted now, with the value as typed up to here
            event.prevent_default()
            event.stop()
            self.answering()
            await self.action_submit()
        elif answers(self.screen, event.key):
            self.answering()
        else:
            await self.edited_now(event)

    def _on_paste(self, event: events.Paste) -> None:
        self.held_back(event)


class SafeTextArea(AnswersOnce, TextArea):
    """A TextArea whose every edit (typing, paste, loading the text) is cleaned."""

    def edit(self, edit: Edit) -> EditResult:
        text = clean(edit.text)
        if text != edit.text:
            edit = replace(edit, text=text)
        return super().edit(edit)

    def __init__(self, text: str = "", **options: Any) -> None:
        super().__init__(clean(text), **options)

    def load_text(self, text: str) -> None:
        super().load_text(clean(text))

    async def _on_key(self, event: events.Key) -> None:
        if self.held_back(event):
            return
        if answers(self.screen, event.key):
            self.answering()
        else:
            await self.edited_now(event)

    def _on_paste(self, event: events.Paste) -> None:
        self.held_back(event)
