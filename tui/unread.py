"""Read and unread posts, and the posts that are new since the last visit. Textual-free.

A post counts as read once it has been open for `READ_AFTER` seconds (skimming past it with
`j` does not read it). What was read is kept by post id, so a re-parse or a thread file that
grew keeps it; the last visit is remembered by its last post's id and the number of posts,
so the posts added to a grown file since are "new" (newsboat's and circumflex's "new since
last visit").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

READ_AFTER = 1.0
"""Seconds a post stays open before it counts as read."""


@dataclass
class ReadMarks:
    """What the user has read in a thread, and what the thread held at the end of the last
    visit. Stored in the reader's state file (tui.state.UiState)."""

    read: set[str] = field(default_factory=set)
    last_id: str | None = None
    last_count: int = 0

    def to_fields(self) -> dict[str, object]:
        """For the state file: the ids as one space-separated string (10,000 ids are 130 KB
        that way, written in a millisecond; an array of strings is several times slower)."""
        data: dict[str, object] = {"read": " ".join(sorted(self.read))}
        if self.last_id is not None:
            data["last_id"] = self.last_id
            data["last_count"] = self.last_count
        return data

    @classmethod
    def from_fields(cls, data: dict[str, object]) -> ReadMarks:
        """Lenient: wrong types are dropped, so an older or hand-edited file still opens."""
        read = data.get("read")
        last_id = data.get("last_id")
        count = data.get("last_count")
        return cls(
            read=set(read.split()) if isinstance(read, str) else set(),
            last_id=last_id if isinstance(last_id, str) else None,
            last_count=count if isinstance(count, int) and not isinstance(count, bool) else 0,
        )

    def visited(self, ids: Sequence[str]) -> None:
        """Remember the thread as it is now, for the next visit's "new since" count."""
        self.last_id = ids[-1] if ids else None
        self.last_count = len(ids)


def new_since(ids: Sequence[str], marks: ReadMarks) -> list[int]:
    """Positions (0-based) of the posts added since the last visit, oldest first.

    The posts after the one that was last then; when that post is gone (the start of the file
    was edited), those past the number there were. Nothing on a first visit.
    """
    if marks.last_id is None:
        return []
    try:
        last = ids.index(marks.last_id)
    except ValueError:
        last = marks.last_count - 1
    return [i for i in range(max(last + 1, 0), len(ids)) if ids[i] not in marks.read]


def unread_count(ids: Iterable[str], read: set[str]) -> int:
    return sum(1 for i in ids if i not in read)


def next_unread(order: Sequence[int], current: int | None, unread: set[int]) -> int | None:
    """The first unread post after `current` in list order, wrapping round; None when every
    post listed is read. `order` is the list as shown (page order or the tree)."""
    if not unread or not order:
        return None
    try:
        start = order.index(current) + 1 if current is not None else 0
    except ValueError:
        start = 0
    for number in (*order[start:], *order[:start]):
        if number in unread and number != current:
            return number
    return None
