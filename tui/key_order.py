"""Keys take effect in the order they were typed.

Textual acts on a key in one of two places: a priority binding at once, when the App reads the
key; any other binding only once the key has travelled from the focused widget up to the App.
Keys that reach the App together (one terminal read: a fast typist, keys sent over a slow ssh
link, keys typed while a big thread keeps the reader busy) were therefore reordered: in `jjjo`
the `o` (a priority binding: it opens a dialog or jumps, see `ReaderScreen.BINDINGS`) followed
the quote of the post the cursor was on *before* the three moves, and `jja` opened the note of
the wrong post; in `tab jj` the moves went to the list, which had the focus when they were
handed on, not to the pane tab focused. `KeysInOrder` hands a key on only once the keys before
it are done. (Within a text box the box's own editing keys had the same fault:
`tui.widgets.safe_text`.)
"""

from __future__ import annotations

import asyncio
from collections import deque
from typing import TYPE_CHECKING, Any

from textual import events

if TYPE_CHECKING:
    from textual.dom import DOMNode
    from textual.message_pump import MessagePump

HOLD_LIMIT = 2.0
"""Seconds a key waits at most for the one before it; past that it goes on as Textual would
send it (a guard against a widget that is never idle, not a pace)."""


def busy(node: MessagePump) -> bool:
    """`node` has messages queued or is handling one: its task, once started, is not parked
    on its empty queue (Textual's queue keeps no count of messages in hand)."""
    queue = node._message_queue
    if not queue.empty() or node._pending_message is not None:
        return True
    task = node._task
    return task is not None and not task.done() and not queue.ready_event._waiters  # type: ignore[attr-defined]


class KeysInOrder:
    """Mixin for the App: a key typed while an earlier key is still on its way (queued at the
    widget it went to or at one of its parents, or its binding still to run) is held, with
    every key after it, and handed on, in order, when that key is done.

    In a dialog only keys with a priority binding are held: a dialog drops what was typed on
    the heels of its answer (a second enter is no answer to the question the first brings up,
    see `tui.widgets.safe_text` and `tui.screens.dialog`), which holding would defeat."""

    _sent_to: DOMNode | None = None
    _held_since: float | None = None
    _release_queued: bool = False
    _burst: bool = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._held: deque[events.Key] = deque()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            if self._held or (self._may_overtake(event.key) and self._key_under_way()):
                self._hold(event)
                return
            self._sent_to = self.focused or self.screen  # type: ignore[attr-defined]
        await super().on_event(event)  # type: ignore[misc]

    def _may_overtake(self, key: str) -> bool:
        """Whether `key` could act before the keys typed ahead of it: any key outside a dialog
        (a key ahead may move the focus, as tab and enter do, and the key would have gone to
        the widget that had it), and in a dialog a key with a priority binding."""
        from tui.screens.dialog import Dialog

        screen = self.screen  # type: ignore[attr-defined]
        if not isinstance(screen, Dialog):
            return True
        chain = screen._binding_chain
        return any(b.priority for _node, bound in chain for b in bound.key_to_bindings.get(key, ()))

    def _hold(self, key: events.Key) -> None:
        if not self._held:
            self._held_since = self._now()
        self._held.append(key)
        self._release_soon()

    def _now(self) -> float:
        return asyncio.get_running_loop().time()

    def _release_soon(self) -> None:
        """Look again once the messages queued now have been handled (a callback on the App's
        own queue: it runs after the keys bubbling up to it)."""
        if not self._release_queued:
            self._release_queued = True
            self.call_later(self._release)  # type: ignore[attr-defined]

    async def _release(self) -> None:
        self._release_queued = False
        while self._held:
            overdue = self._held_since is not None and self._now() - self._held_since > HOLD_LIMIT
            if self._key_under_way() and not overdue:
                # The App reads its queue without yielding while it holds messages: let the
                # widget the last key went to run before looking again.
                await asyncio.sleep(0)
                self._release_soon()
                return
            key = self._held.popleft()
            self._held_since = self._now() if self._held else None
            self._sent_to = self.focused or self.screen  # type: ignore[attr-defined]
            await super().on_event(key)  # type: ignore[misc]

    @property
    def keys_waiting(self) -> bool:
        """Keys typed together wait for the ones before them, or the last of them is still
        on its way: a screen may leave its frame to the end of them
        (`tui.screens.reader.ReaderScreen._on_timer_update`)."""
        if self._held:
            self._burst = True
        elif self._burst:
            self._burst = self._key_under_way()
        return self._burst

    def _key_under_way(self) -> bool:
        """Whether the last key handed on may still act: the widget it went to, or one of the
        nodes it bubbles through, has work queued; a key is queued at the App on its way to a
        binding; or the screen waits to run code after its next refresh (a jump scrolls then)."""
        node = self._sent_to
        if node is None or not node.is_attached:
            return False
        app = self
        while node is not None and node is not app:
            if busy(node):
                return True
            node = node._parent
        queued = self._message_queue.values  # type: ignore[attr-defined]
        if any(isinstance(message, events.Key) and message.is_forwarded for message in queued):
            return True
        screen = self.screen  # type: ignore[attr-defined]
        return bool(getattr(screen, "_callbacks", None))
