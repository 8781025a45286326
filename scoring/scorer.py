"""Score a whole thread: every post, the tallies, and the user's layer, as one Scorecard.

`score_thread` does it at once; `score_posts` and `build_scorecard` are the same work in two
steps, for a caller that scores some posts first (the reader: the posts on screen) and builds
the scorecard once all are in. Both routes give the same scorecard.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from parsing.collector import collector_paused
from parsing.models import Thread
from scoring.language import thread_language
from scoring.models import SCHEMA_VERSION, PostScore, Scorecard, UserLayer
from scoring.tally import tally_scores, with_effective_tallies
from scoring.verdicts import score_post


def scores_in_order(thread: Thread) -> Iterator[PostScore]:
    """Every post's score in thread order, one at a time (the streamed outputs keep only what
    they tally), each taking the thread's language as `score_posts` does."""
    language = thread_language(p.body for p in thread.posts)
    for post in thread.posts:
        yield score_post(post, language)


def score_posts(thread: Thread, indexes: Iterable[int]) -> list[PostScore]:
    """Scores of the posts at `indexes` (positions in `thread.posts`, in the order given);
    a post's score depends on that post alone (and, for a post too short to tell its
    language, the thread's language from its first posts), so any order gives the same
    scores."""
    posts = thread.posts
    with collector_paused():
        language = thread_language(p.body for p in posts)
        return [score_post(posts[i], language) for i in indexes]


def build_scorecard(
    thread: Thread, scores: Sequence[PostScore], user: UserLayer | None = None
) -> Scorecard:
    """The scorecard from every post's score (`scores` in thread order) and the tallies over
    them; `user` as for `score_thread`."""
    if len(scores) != len(thread.posts):
        raise ValueError(f"{len(scores)} scores for {len(thread.posts)} posts")
    with collector_paused():
        posts = list(scores)
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


def score_thread(thread: Thread, user: UserLayer | None = None) -> Scorecard:
    """Score `thread` (pure: same thread, same card); `user` is carried over unchanged, and
    the tallies follow its verdict overrides."""
    with collector_paused():
        return build_scorecard(thread, score_posts(thread, range(len(thread.posts))), user)
