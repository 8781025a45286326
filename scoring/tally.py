"""Add post scores up per author and for the thread, and follow challenges to their answers.

Where the page lost its author names (crawl dumps), each post is its own side, so tallies are
per post. A challenge is aimed at the posts it quotes, or, when it quotes none, at the post just
above it (an unquoted reply answers the post it follows). It counts as answered when a later
evidenced post comes from the challenged side: by the challenged author where authors are known,
or, where they are not, a post that quotes the challenge or that challenged post.

Verdict counts, evidence rates and challenges follow the *effective* verdicts (the user's
override where one is set), so the file, the table and the scorecard screen agree; the scorer's
own counts are kept beside them as `computed_verdicts` and `computed_evidence_rate`.
`effective_tallies(card)` is the one place that does this.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from parsing.models import Thread
from scoring.models import (
    VERDICTS,
    AuthorTally,
    PostScore,
    Scorecard,
    ThreadTotals,
    Verdict,
    trusted_builder,
)

_new_tally = trusted_builder(AuthorTally)
"""Every field, typed by the code below: one tally per post where authors are unknown, so a
validation each was a tenth of the tallying."""


class Tallied(NamedTuple):
    """What the tallies read of one post's score: enough to count it without keeping the
    score (a streamed `score --json` writes each post's score and keeps only this)."""

    number: int
    author: str | None
    verdict: Verdict
    claims: int
    evidence: int
    rebuts: list[int]
    types: dict[str, int]
    """Evidence cues by type (`_post_types`)."""


def _targets(score: Tallied) -> list[int]:
    if score.rebuts:
        return score.rebuts
    return [score.number - 1] if score.number > 1 else []


def _side(score: Tallied) -> str:
    return score.author if score.author else f"#{score.number}"


def _later(numbers: list[int], after: int) -> bool:
    """Whether the sorted `numbers` hold one greater than `after`."""
    return bool(numbers) and numbers[-1] > after


def _pairs(scores: Sequence[Tallied], verdicts: Sequence[Verdict]) -> list[tuple[int, int, bool]]:
    """(challenge post, challenged post, answered with evidence later), on `verdicts`.

    Linear in the thread: evidenced posts are indexed once by side and by what they quote.
    """
    by_side: dict[str, list[int]] = {}
    by_quoted: dict[int, list[int]] = {}
    for score, verdict in zip(scores, verdicts, strict=True):
        if verdict != "evidenced":
            continue
        by_side.setdefault(_side(score), []).append(score.number)
        for quoted in score.rebuts:
            by_quoted.setdefault(quoted, []).append(score.number)
    pairs = []
    for score, verdict in zip(scores, verdicts, strict=True):
        if verdict != "challenge":
            continue
        for target in _targets(score):
            if not 1 <= target <= len(scores) or target == score.number:
                continue
            challenged = scores[target - 1]
            if challenged.author is not None:
                answered = _later(by_side.get(_side(challenged), []), score.number)
            else:
                answered = _later(by_quoted.get(score.number, []), score.number) or _later(
                    by_quoted.get(target, []), score.number
                )
            pairs.append((score.number, target, answered))
    return pairs


def _post_types(score: PostScore) -> dict[str, int]:
    """Evidence cues by type; a post without evidence types has none to count (most posts)."""
    counts: dict[str, int] = {}
    if not score.evidence_types:
        return counts
    for cue in score.cues:
        if cue.role == "evidence" and cue.evidence_type:
            counts[cue.evidence_type] = counts.get(cue.evidence_type, 0) + 1
    return counts


def _types(per_post: list[dict[str, int]]) -> dict[str, int]:
    counts: dict[str, int] = {}
    if len(per_post) == 1 and not per_post[0]:  # a post of its own, without evidence: most
        return counts
    for one in per_post:
        for kind, n in one.items():
            counts[kind] = counts.get(kind, 0) + n
    return dict(sorted(counts.items()))


_ALWAYS = tuple(v for v in VERDICTS if v != "not-scored")
"""Verdicts counted even at zero; `not-scored` appears only in a thread that has such posts,
so an English thread's tallies read as before."""


def _verdicts(verdicts: Sequence[Verdict]) -> dict[str, int]:
    counts = dict.fromkeys(_ALWAYS, 0)
    for verdict in verdicts:
        counts[verdict] = counts.get(verdict, 0) + 1
    return counts


def _rate(verdicts: dict[str, int]) -> float:
    arguing = verdicts["evidenced"] + verdicts["reasoned"] + verdicts["asserted"]
    return round(verdicts["evidenced"] / arguing, 3) if arguing else 0.0


def tally(thread: Thread, scores: list[PostScore]) -> tuple[list[AuthorTally], ThreadTotals]:
    """Per-author (or per-post) tallies and totals on the scores' own (computed) verdicts."""
    if len(thread.posts) != len(scores):
        raise ValueError("the scores are not of this thread")
    return tally_scores(scores)


def tallied(score: PostScore) -> Tallied:
    """The part of `score` the tallies count."""
    return Tallied(
        score.number,
        score.author,
        score.verdict,
        score.claims,
        score.evidence,
        score.rebuts,
        _post_types(score),
    )


def tally_scores(
    scores: Sequence[PostScore], verdicts: Sequence[Verdict] | None = None
) -> tuple[list[AuthorTally], ThreadTotals]:
    """Per-author (or per-post) tallies in order of first post, and the thread's totals.

    `verdicts` are the effective verdicts, one per score (default: the computed ones); claims,
    evidence and its types are what the scorer found in the words and do not move with them.
    """
    return tally_rows([tallied(s) for s in scores], verdicts)


def tally_rows(
    scores: Sequence[Tallied], verdicts: Sequence[Verdict] | None = None
) -> tuple[list[AuthorTally], ThreadTotals]:
    """`tally_scores` on what the tallies read of each score."""
    effective = [s.verdict for s in scores] if verdicts is None else list(verdicts)
    pairs = _pairs(scores, effective)
    received: dict[str, list[bool]] = {}
    for _challenge, target, answered in pairs:
        received.setdefault(_side(scores[target - 1]), []).append(answered)
    types = [s.types for s in scores]
    groups: dict[str, list[int]] = {}
    for i, score in enumerate(scores):
        groups.setdefault(_side(score), []).append(i)
    authors = []
    zero = dict.fromkeys(_ALWAYS, 0)
    none: list[bool] = []
    for side, members in groups.items():
        # One pass per side: where authors are unknown every post is a side of its own.
        counts = zero.copy()
        computed = zero.copy()
        numbers = []
        claims = evidence = overridden = 0
        for i in members:
            score = scores[i]
            mine, theirs = effective[i], score.verdict
            counts[mine] = counts.get(mine, 0) + 1
            computed[theirs] = computed.get(theirs, 0) + 1
            overridden += mine != theirs
            claims += score.claims
            evidence += score.evidence
            numbers.append(score.number)
        got = received.get(side, none) if received else none
        rate = _rate(counts)
        authors.append(
            _new_tally(
                {
                    "author": side,
                    "known": scores[members[0]].author is not None,
                    "posts": len(members),
                    "post_numbers": numbers,
                    "claims": claims,
                    "evidence": evidence,
                    "evidence_by_type": _types([types[i] for i in members]),
                    "verdicts": counts,
                    "evidence_rate": rate,
                    "computed_verdicts": computed,
                    "computed_evidence_rate": rate if not overridden else _rate(computed),
                    "overridden": overridden,
                    "challenges_made": counts["challenge"],
                    "challenges_received": len(got),
                    "challenges_answered": sum(got),
                }
            )
        )
    counts = _verdicts(effective)
    computed = _verdicts([s.verdict for s in scores])
    totals = ThreadTotals(
        posts=len(scores),
        claims=sum(s.claims for s in scores),
        evidence=sum(s.evidence for s in scores),
        evidence_by_type=_types(types),
        verdicts=counts,
        evidence_rate=_rate(counts),
        computed_verdicts=computed,
        computed_evidence_rate=_rate(computed),
        overridden=sum(e != s.verdict for e, s in zip(effective, scores, strict=True)),
        challenges=counts["challenge"],
        challenges_received=len(pairs),
        challenges_answered=sum(p[2] for p in pairs),
    )
    return authors, totals


def effective_verdicts(card: Scorecard) -> list[Verdict]:
    """Each post's verdict in thread order, with the user's overrides applied."""
    return [card.effective_verdict(post.number) for post in card.posts]


def effective_tallies(card: Scorecard) -> tuple[list[AuthorTally], ThreadTotals]:
    """Author tallies and thread totals on the effective verdicts (what the user sees)."""
    return tally_scores(card.posts, effective_verdicts(card))


def with_effective_tallies(card: Scorecard, *, tallied: bool = False) -> Scorecard:
    """The card with its `authors` and `totals` recounted on the effective verdicts: what is
    written to the scorecard file and `--json`, so they agree with the scorecard screen.

    `tallied`: the caller knows they already are (`score_thread` counts them on the user's
    overrides): the card is returned as it is, and a 10k-post thread is not counted twice.
    """
    if tallied:
        return card
    authors, totals = effective_tallies(card)
    return card.model_copy(update={"authors": authors, "totals": totals})
