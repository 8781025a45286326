"""Score a whole thread: every post, the tallies, and an empty user layer, as one Scorecard."""

from __future__ import annotations

from parsing.models import Thread
from scoring.models import SCHEMA_VERSION, Scorecard, UserLayer
from scoring.tally import tally
from scoring.verdicts import score_post


def score_thread(thread: Thread, user: UserLayer | None = None) -> Scorecard:
    """Score `thread` (pure: same thread, same card); `user` is carried over unchanged."""
    posts = [score_post(post) for post in thread.posts]
    authors, totals = tally(thread, posts)
    return Scorecard(
        schema_version=SCHEMA_VERSION,
        fingerprint=thread.source.sha256,
        source_path=thread.source.path,
        title=thread.title,
        posts=posts,
        authors=authors,
        totals=totals,
        user=user or UserLayer(),
    )
