"""Merge the marks another reader saved for the same thread with ours, before we save.

Two readers open on one thread each write the whole per-thread file; without a merge the last
writer silently drops the other's marks. A mark has no edit time (the scorecard format is not
ours to change), so a post's mark is ours when we edited that post this session, else theirs.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from scoring.models import UserLayer, UserMark


def merge_layers(ours: UserLayer, theirs: UserLayer, touched: Collection[str]) -> UserLayer:
    """Theirs, with our version of every post id in `touched` (a mark we cleared stays cleared).

    Orphans from both sides are kept (never dropped), each once.
    """
    marks: dict[str, UserMark] = {}
    for post_id in [*theirs.marks, *(p for p in ours.marks if p not in theirs.marks)]:
        mark = ours.marks.get(post_id) if post_id in touched else theirs.marks.get(post_id)
        if mark is not None:
            marks[post_id] = mark
    for post_id in touched:
        if post_id not in marks and post_id in ours.marks:
            marks[post_id] = ours.marks[post_id]
    ordered = dict(sorted(marks.items(), key=lambda kv: kv[1].post_number))
    orphans = list(theirs.orphans)
    seen = {o.model_dump_json() for o in orphans}
    orphans += [o for o in ours.orphans if o.model_dump_json() not in seen]
    return theirs.model_copy(update={"marks": ordered, "orphans": orphans})
