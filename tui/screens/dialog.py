"""Screens that close exactly once, whatever keys are still on their way.

Two Enters in one terminal read (a fast typist, a paste, keys queued while a big thread keeps
the UI busy) reach a dialog before it has gone: Textual would run the result callback twice
and pop a second screen, the reader itself when it is the last (`ScreenStackError`). Keys
queued for a closing dialog's text box would be typed into it, and a path box may then be
submitted with them. So a closing screen answers no more: its first `dismiss` wins, and its
text boxes and lists drop the keys that reach them afterwards (see `closing`).
"""

from __future__ import annotations

from typing import Any, ClassVar, Generic, TypeVar

from textual import events
from textual.await_complete import AwaitComplete
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widget import Widget

ResultType = TypeVar("ResultType")


async def _nothing() -> None:
    """What awaiting a dismiss that did nothing waits for."""


class DismissOnce:
    """Mixin for a Screen: the first dismiss closes it; later ones, and keys, are ignored."""

    _dismissed: bool = False

    @property
    def closing(self) -> bool:
        """True once the screen has answered (it may still be on the stack for a moment)."""
        return self._dismissed

    def _on_screen_resume(self) -> None:
        """Shown (again: a kept screen, like the scorecard): it may answer once more."""
        self._dismissed = False

    def dismiss(self, result: Any = None) -> AwaitComplete:
        if self._dismissed or not self.is_active:  # type: ignore[attr-defined]
            return AwaitComplete(_nothing())
        self._dismissed = True
        return super().dismiss(result)  # type: ignore[misc]


class Dialog(DismissOnce, ModalScreen[ResultType], Generic[ResultType]):
    """A modal dialog that closes once (see the module docstring), and takes the keys typed
    before its box had focus.

    `ANSWERS`: the actions of its bindings that close it; a text box holds the keys typed after
    one of them (tui.widgets.safe_text).

    Keys typed on the heels of the one that opened it ("/word" then enter, as in less or vim,
    in one terminal read) reach the dialog before its box has focus, and nothing took them:
    the search box stayed empty. They are held and handed, in order, to the first widget to
    get focus. (The reader's keys that open a dialog are priority bindings, so the dialog is
    up before the keys after them are handed out; see `ReaderScreen.BINDINGS`.)
    """

    ANSWERS: ClassVar[frozenset[str]] = frozenset({"save", "cancel", "apply", "clear"})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._ahead: list[events.Key] | None = []
        """Keys that came before anything in the dialog had focus (None once something has)."""

    def _forward_event(self, event: events.Event) -> None:
        """The app hands the dialog the keys that come while nothing in it has focus."""
        if isinstance(event, events.Key) and self._ahead is not None and self.focused is None:
            self._ahead.append(event)
            return
        super()._forward_event(event)

    def watch_focused(self, widget: Widget | None) -> None:
        if widget is not None:
            self._hand_on(widget)

    def on_mount(self) -> None:
        self.call_after_refresh(self._settle)

    def _settle(self) -> None:
        """On screen and still nothing focused (a dialog of buttons alone): its own keys."""
        self._hand_on(self.focused or self)

    def _hand_on(self, node: Widget) -> None:
        """The held keys, in the order they came, to `node` (as the app would have)."""
        ahead, self._ahead = self._ahead, None
        for event in ahead or []:
            if node is self:
                super()._forward_event(event)
            else:
                node._forward_event(event)


class OnceScreen(DismissOnce, Screen[ResultType], Generic[ResultType]):
    """A full screen that answers with a result and closes once."""


def closing(node: DOMNode) -> bool:
    """Whether `node` sits on a screen that has already answered."""
    try:
        screen = node.screen
    except Exception:  # not mounted (any more)
        return True
    return getattr(screen, "closing", False) is True  # DismissOnce, or a screen like it


def drop_if_closing(node: DOMNode, event: events.Key | events.Paste) -> bool:
    """Stop `event` when `node`'s screen is closing; True when it was dropped.

    Stopped and prevented, so neither the widget's own handler nor a binding further up (which
    would look at the next screen's keys by then) acts on it.
    """
    if not closing(node):
        return False
    event.prevent_default()
    event.stop()
    return True


def answers(screen: Screen[Any], key: str) -> bool:
    """Whether `key` is bound, on dialog `screen`, to an action that closes it."""
    if not isinstance(screen, Dialog):
        return False
    bound = screen._bindings.key_to_bindings.get(key, [])
    return any(binding.action in screen.ANSWERS for binding in bound)
