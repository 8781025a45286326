"""Merge the marks another reader saved for the same thread with ours, mark by mark.

Two readers open on one thread each write the whole per-thread file. Every mark carries the time
of its last edit (`UserMark.edited`) and every cleared mark leaves its time in
`UserLayer.cleared`, so for each post the later edit wins, whichever reader made it, and a mark
neither reader touched is taken as it is on disk: never rewritten from a stale copy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from scoring.models import UserLayer, UserMark

CLEARED_KEEP_SECONDS = 30 * 24 * 3600.0
"""How long a cleared mark's time is kept: long enough for any reader left open to save."""


def _version(layer: UserLayer, post_id: str) -> tuple[float, UserMark | None] | None:
    """This side's latest word on a post: (time, mark) or (time, None) for a cleared mark."""
    mark = layer.marks.get(post_id)
    cleared = layer.cleared.get(post_id)
    if mark is None:
        return (cleared, None) if cleared is not None else None
    when = mark.edited or 0.0
    if cleared is not None and cleared > when:
        return cleared, None
    return when, mark


def merge_layers(ours: UserLayer, theirs: UserLayer, now: float | None = None) -> UserLayer:
    """For each post, the later of our and their version; on a tie, theirs (what is on disk,
    which a hand edit may have changed). Orphans from both sides are kept, each once."""
    marks: dict[str, UserMark] = {}
    cleared: dict[str, float] = {}
    ids = dict.fromkeys([*theirs.marks, *ours.marks, *theirs.cleared, *ours.cleared])
    for post_id in ids:
        mine, other = _version(ours, post_id), _version(theirs, post_id)
        chosen = other if mine is None or (other is not None and other[0] >= mine[0]) else mine
        assert chosen is not None
        when, mark = chosen
        if mark is not None:
            marks[post_id] = mark
        else:
            cleared[post_id] = when
    if now is not None:
        cleared = {k: t for k, t in cleared.items() if now - t < CLEARED_KEEP_SECONDS}
    ordered = dict(sorted(marks.items(), key=lambda kv: kv[1].post_number))
    orphans = list(theirs.orphans)
    seen = {o.model_dump_json() for o in orphans}
    orphans += [o for o in ours.orphans if o.model_dump_json() not in seen]
    return theirs.model_copy(update={"marks": ordered, "orphans": orphans, "cleared": cleared})


def differences(before: UserLayer, after: UserLayer) -> int:
    """How many posts' marks differ between two layers (what a merge brought in)."""
    ids = set(before.marks) | set(after.marks)
    return sum(before.marks.get(i) != after.marks.get(i) for i in ids)
