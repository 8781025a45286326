"""Add post scores up per author and for the thread, and follow challenges to their answers.

Where the page lost its author names (crawl dumps), each post is its own side, so tallies are
per post. A challenge is aimed at the posts it quotes, or, when it quotes none, at the post just
above it (an unquoted reply answers the post it follows). It counts as answered when a later
evidenced post comes from the challenged side: by the challenged author where authors are known,
or, where they are not, a post that quotes the challenge or that challenged post.
"""

from __future__ import annotations

from parsing.models import Thread
from scoring.models import VERDICTS, AuthorTally, PostScore, ThreadTotals

_new_tally = AuthorTally.__pydantic_validator__.validate_python


def _targets(score: PostScore) -> list[int]:
    if score.rebuts:
        return score.rebuts
    return [score.number - 1] if score.number > 1 else []


def _side(thread: Thread, number: int) -> str:
    author = thread.post(number).author
    return author if author else f"#{number}"


def _later(numbers: list[int], after: int) -> bool:
    """Whether the sorted `numbers` hold one greater than `after`."""
    return bool(numbers) and numbers[-1] > after


def challenge_pairs(thread: Thread, scores: list[PostScore]) -> list[tuple[int, int, bool]]:
    """(challenge post, challenged post, answered with evidence later) for every challenge.

    Linear in the thread: evidenced posts are indexed once by side and by what they quote.
    """
    by_side: dict[str, list[int]] = {}
    by_quoted: dict[int, list[int]] = {}
    for score in scores:
        if score.verdict != "evidenced":
            continue
        by_side.setdefault(_side(thread, score.number), []).append(score.number)
        for quoted in score.rebuts:
            by_quoted.setdefault(quoted, []).append(score.number)
    pairs = []
    for score in scores:
        if score.verdict != "challenge":
            continue
        for target in _targets(score):
            if not 1 <= target <= len(scores) or target == score.number:
                continue
            if thread.post(target).author is not None:
                answered = _later(by_side.get(_side(thread, target), []), score.number)
            else:
                answered = _later(by_quoted.get(score.number, []), score.number) or _later(
                    by_quoted.get(target, []), score.number
                )
            pairs.append((score.number, target, answered))
    return pairs


def _post_types(score: PostScore) -> dict[str, int]:
    counts: dict[str, int] = {}
    for cue in score.cues:
        if cue.role == "evidence" and cue.evidence_type:
            counts[cue.evidence_type] = counts.get(cue.evidence_type, 0) + 1
    return counts


def _types(per_post: list[dict[str, int]]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for one in per_post:
        for kind, n in one.items():
            counts[kind] = counts.get(kind, 0) + n
    return dict(sorted(counts.items()))


def _verdicts(scores: list[PostScore]) -> dict[str, int]:
    counts = dict.fromkeys(VERDICTS, 0)
    for score in scores:
        counts[score.verdict] += 1
    return counts


def _rate(verdicts: dict[str, int]) -> float:
    arguing = verdicts["evidenced"] + verdicts["asserted"]
    return round(verdicts["evidenced"] / arguing, 3) if arguing else 0.0


def tally(thread: Thread, scores: list[PostScore]) -> tuple[list[AuthorTally], ThreadTotals]:
    """Per-author (or per-post) tallies in order of first post, and the thread's totals."""
    pairs = challenge_pairs(thread, scores)
    received: dict[str, list[bool]] = {}
    for _challenge, target, answered in pairs:
        received.setdefault(_side(thread, target), []).append(answered)
    types = [_post_types(s) for s in scores]
    groups: dict[str, list[int]] = {}
    for i, score in enumerate(scores):
        groups.setdefault(_side(thread, score.number), []).append(i)
    authors = []
    for side, members in groups.items():
        group = [scores[i] for i in members]
        verdicts = _verdicts(group)
        numbers = [s.number for s in group]
        got = received.get(side, [])
        authors.append(
            _new_tally(
                {
                    "author": side,
                    "known": thread.post(numbers[0]).author is not None,
                    "posts": len(group),
                    "post_numbers": numbers,
                    "claims": sum(s.claims for s in group),
                    "evidence": sum(s.evidence for s in group),
                    "evidence_by_type": _types([types[i] for i in members]),
                    "verdicts": verdicts,
                    "evidence_rate": _rate(verdicts),
                    "challenges_made": verdicts["challenge"],
                    "challenges_received": len(got),
                    "challenges_answered": sum(got),
                }
            )
        )
    verdicts = _verdicts(scores)
    totals = ThreadTotals(
        posts=len(scores),
        claims=sum(s.claims for s in scores),
        evidence=sum(s.evidence for s in scores),
        evidence_by_type=_types(types),
        verdicts=verdicts,
        evidence_rate=_rate(verdicts),
        challenges=verdicts["challenge"],
        challenges_received=len(pairs),
        challenges_answered=sum(p[2] for p in pairs),
    )
    return authors, totals
