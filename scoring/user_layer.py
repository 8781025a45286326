"""The user's layer (rating, bookmark, note, verdict override): pure edits and re-attachment.

Marks are keyed by the post's stable id. When the thread file changes a little, ids of edited
posts change too, so `reattach` falls back to a fuzzy match of the excerpt saved with the mark.
Nothing the user wrote is ever dropped: a mark that finds no post becomes an orphan.
"""

from __future__ import annotations

import re
import time

from rapidfuzz import fuzz

from parsing.models import Post, Thread
from scoring.models import UserLayer, UserMark, Verdict

__all__ = [
    "UserLayer",
    "UserMark",
    "excerpt_of",
    "reattach",
    "set_note",
    "set_override",
    "set_rating",
    "toggle_bookmark",
]

EXCERPT_CHARS = 240
"""Long enough that two different posts rarely look alike, short enough to read in the file."""

MATCH_CUTOFF = 80.0
"""Minimum rapidfuzz score (0-100) for a mark to re-attach to an edited post."""

_SPACE = re.compile(r"\s+")


def excerpt_of(post: Post) -> str:
    """The start of the post's own words (or of its quotes/attachments when it has none)."""
    text = post.body
    if not text.strip():
        text = " ".join([q.text for q in post.quotes] + [a.name for a in post.attachments])
    return _SPACE.sub(" ", text).strip()[:EXCERPT_CHARS]


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


def reattach(layer: UserLayer, thread: Thread) -> UserLayer:
    """Attach every mark (and earlier orphan) to a post of `thread`: by id, else by excerpt.

    Each post takes at most one mark; fuzzy matches are made best first, so a mark never steals
    the post another mark matches better. Marks that match nothing become orphans.
    """
    by_id = {post.id: post for post in thread.posts}
    pending = [*layer.marks.values(), *layer.orphans]
    attached: dict[str, UserMark] = {}
    rest: list[UserMark] = []
    for mark in pending:
        post = by_id.get(mark.post_id)
        if post is not None and post.id not in attached:
            attached[post.id] = mark.model_copy(
                update={"post_number": post.number, "excerpt": excerpt_of(post)}
            )
        else:
            rest.append(mark)
    free = [post for post in thread.posts if post.id not in attached]
    excerpts = {post.id: excerpt_of(post) for post in free}
    candidates: list[tuple[float, int, int, Post]] = []
    for i, mark in enumerate(rest):
        for post in free:
            score = fuzz.ratio(mark.excerpt, excerpts[post.id], score_cutoff=MATCH_CUTOFF)
            if score:
                # Prefer the higher score, then the post nearest the mark's old place.
                candidates.append((score, -abs(post.number - mark.post_number), i, post))
    candidates.sort(key=lambda c: (c[0], c[1]), reverse=True)
    placed: set[int] = set()
    for _score, _near, i, post in candidates:
        if i in placed or post.id in attached:
            continue
        placed.add(i)
        attached[post.id] = rest[i].model_copy(
            update={"post_id": post.id, "post_number": post.number, "excerpt": excerpts[post.id]}
        )
    orphans = [mark for i, mark in enumerate(rest) if i not in placed]
    ordered = dict(sorted(attached.items(), key=lambda kv: kv[1].post_number))
    return UserLayer(marks=ordered, orphans=orphans, cleared=layer.cleared)
