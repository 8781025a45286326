"""Score a whole thread: every post, the tallies, and the user's layer, as one Scorecard."""

from __future__ import annotations

from parsing.collector import collector_paused
from parsing.models import Thread
from scoring.models import SCHEMA_VERSION, Scorecard, UserLayer
from scoring.tally import tally_scores, with_effective_tallies
from scoring.verdicts import score_post


def score_thread(thread: Thread, user: UserLayer | None = None) -> Scorecard:
    """Score `thread` (pure: same thread, same card); `user` is carried over unchanged, and
    the tallies follow its verdict overrides."""
    with collector_paused():
        posts = [score_post(post) for post in thread.posts]
        authors, totals = tally_scores(posts)
        card = Scorecard(
            schema_version=SCHEMA_VERSION,
            fingerprint=thread.source.sha256,
            source_path=thread.source.path,
            title=thread.title,
            posts=posts,
            authors=authors,
            totals=totals,
            user=user or UserLayer(),
        )
    return with_effective_tallies(card) if user is not None and user.marks else card
