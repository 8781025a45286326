"""The scorecard screen's keys, apart from the screen: the reader lists and remaps them at start,
and the screen's module imports the scorer's models, which start-up must not load."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.binding import Binding, BindingType

if TYPE_CHECKING:
    from tui.scorecard_view import SortKey

SORT_KEYS: tuple[tuple[str, SortKey, str], ...] = (
    ("o", "order", "thread order"),
    ("n", "author", "name"),
    ("p", "posts", "posts"),
    ("e", "evidenced", "evidenced posts"),
    ("d", "reasoned", "reasoned posts"),
    ("a", "asserted", "asserted posts"),
    ("c", "challenges", "challenges"),
    ("w", "answered", "challenges answered"),
    ("r", "rate", "evidence rate"),
    ("u", "rating", "user rating"),
)
"""Key, sort key and description of each sort binding; a second press flips the order."""


SCORECARD_BINDINGS: list[BindingType] = [
    Binding(
        "escape,q,s",
        "close",
        "Back",
        tooltip="Back to the thread; the list stays as it was",
        id="scorecard.close",
    ),
    Binding(
        "enter",
        "choose",
        "Show their posts",
        tooltip="Back to the thread, showing only the highlighted author's posts",
        priority=True,
        id="scorecard.choose",
    ),
    Binding("question_mark", "app.help", "Help", show=False, key_display="?", id="scorecard.help"),
    Binding("j", "cursor('down')", "Next author", show=False, id="scorecard.next"),
    Binding("k", "cursor('up')", "Previous author", show=False, id="scorecard.previous"),
    *(
        Binding(k, f"sort({sort!r})", f"Sort: {what}", show=False, id=f"scorecard.sort.{sort}")
        for k, sort, what in SORT_KEYS
    ),
]
