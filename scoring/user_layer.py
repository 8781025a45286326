"""The user's layer (rating, bookmark, note, verdict override): pure edits and re-attachment.

Marks are keyed by the post's id. When the thread file changes, `scoring.reattach` aligns the
marks with the new posts by text, place and neighbours. Nothing the user wrote is ever dropped:
a mark that finds no post becomes an orphan.
"""

from __future__ import annotations

import time

from parsing.models import Post
from scoring.models import UserLayer, UserMark, Verdict
from scoring.reattach import EXCERPT_CHARS, MATCH_CUTOFF, describe, excerpt_of, reattach

__all__ = [
    "EXCERPT_CHARS",
    "MATCH_CUTOFF",
    "UserLayer",
    "UserMark",
    "describe",
    "excerpt_of",
    "reattach",
    "set_note",
    "set_override",
    "set_rating",
    "toggle_bookmark",
]


def _mark_for(layer: UserLayer, post: Post) -> UserMark:
    mark = layer.marks.get(post.id)
    if mark is None:
        return UserMark(post_id=post.id, post_number=post.number, excerpt=excerpt_of(post))
    return mark.model_copy(update={"post_number": post.number, "excerpt": excerpt_of(post)})


def edit_time(layer: UserLayer) -> float:
    """Now, and later than any edit in `layer`: two edits in one clock tick still order."""
    latest = max((m.edited or 0.0 for m in layer.marks.values()), default=0.0)
    latest = max(latest, *layer.cleared.values()) if layer.cleared else latest
    return max(time.time(), latest + 1e-6)


def _with(layer: UserLayer, post: Post, **changes: object) -> UserLayer:
    now = edit_time(layer)
    old = _mark_for(layer, post).model_dump()
    mark = UserMark.model_validate({**old, **changes, "edited": now})
    marks = dict(layer.marks)
    cleared = dict(layer.cleared)
    if mark.is_empty():
        marks.pop(post.id, None)
        cleared[post.id] = now
    else:
        marks[post.id] = mark
        cleared.pop(post.id, None)
    return layer.model_copy(update={"marks": marks, "cleared": cleared})


def set_rating(layer: UserLayer, post: Post, rating: int | None) -> UserLayer:
    """Rate a post 1-5, or clear its rating with None."""
    if rating is not None and not 1 <= rating <= 5:
        raise ValueError(f"a rating is 1 to 5, not {rating}")
    return _with(layer, post, rating=rating)


def toggle_bookmark(layer: UserLayer, post: Post) -> UserLayer:
    """Bookmark the post, or remove its bookmark."""
    return _with(layer, post, bookmark=not _mark_for(layer, post).bookmark)


def set_note(layer: UserLayer, post: Post, text: str) -> UserLayer:
    """Replace the post's note; an empty text clears it."""
    return _with(layer, post, note=text.strip())


def set_override(
    layer: UserLayer, post: Post, verdict: Verdict | None, computed: Verdict | None = None
) -> UserLayer:
    """Override the computed verdict (None restores it); `computed` is kept beside the override."""
    if verdict is None:
        return _with(layer, post, verdict_override=None, computed_verdict=None)
    return _with(layer, post, verdict_override=verdict, computed_verdict=computed)
