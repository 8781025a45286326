"""Render a scorecard as plain-text tables (what `threadscore score` prints by default).

Plain text on purpose: the command's output is read in terminals, pipes and test logs alike,
and `scoring` must not depend on the reader's rendering libraries.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from parsing.collector import collector_paused
from scoring.models import VERDICTS, AuthorTally, PostScore, Scorecard, ThreadTotals, Verdict
from scoring.tally import with_effective_tallies

if TYPE_CHECKING:
    from parsing.models import Thread


def _types(counts: dict[str, int]) -> str:
    return ", ".join(f"{k} {v}" for k, v in counts.items()) or "—"


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def format_table(card: Scorecard, full: bool = False, *, tallied: bool = False) -> str:
    """Posts, then authors (or posts, where authors are unknown), then the thread's totals.

    Counts follow the effective verdicts (`tallied`: the card's already do). Reasons are cut to
    fit a terminal line unless `full` (output to a pipe or a file, where nothing should be lost).
    """
    card = with_effective_tallies(card, tallied=tallied)
    out = _table_head(card.title, card.source_path)
    for post in card.posts:
        out.append(_post_row(post, card.effective_verdict(post.number), full))
    if any(card.effective_verdict(p.number) != p.verdict for p in card.posts):
        out.append("  * the user's verdict; the computed one is in the scorecard file")
    out += _table_tail(card.authors, card.totals)
    if card.user.orphans:
        out.append(f"{len(card.user.orphans)} mark(s) could not be re-attached (kept in the file)")
    return "\n".join(out)


def scored_table_lines(thread: Thread, full: bool = False) -> Iterator[str]:
    """`format_table(score_thread(thread), full, tallied=True)` line by line, each post's row
    given as it is scored: a long thread's table starts at once, and only what the tallies
    count is kept of each score (as `scored_json_chunks`). No marks: the effective verdict is
    the computed one."""
    from scoring.scorer import scores_in_order
    from scoring.tally import Tallied, tallied, tally_rows

    with collector_paused():
        yield from _table_head(thread.title, thread.source.path)
        rows: list[Tallied] = []
        for score in scores_in_order(thread):
            rows.append(tallied(score))
            yield _post_row(score, score.verdict, full)
        authors, totals = tally_rows(rows)
        yield from _table_tail(authors, totals)


def _table_head(title: str | None, source_path: str) -> list[str]:
    return [
        f"title: {title or '(none found)'}",
        f"source: {source_path}",
        "",
        f"{'#':>4}  {'verdict':<13}{'str':>5}{'cl':>4}{'ev':>4}  {'rebuts':<8}{'why'}",
    ]


def _post_row(post: PostScore, verdict: str, full: bool) -> str:
    """One post's row; `*` marks a verdict that is not the computed one."""
    flag = "*" if verdict != post.verdict else " "
    rebuts = ",".join(f"#{n}" for n in post.rebuts) or "—"
    reason = post.reason if full else _cut(post.reason, 60)
    return (
        f"{post.number:>4}  {verdict:<12}{flag}{post.strength:>5.2f}{post.claims:>4}"
        f"{post.evidence:>4}  {_cut(rebuts, 7):<8}{reason}"
    )


def _table_tail(authors: list[AuthorTally], t: ThreadTotals) -> list[str]:
    """The authors' (or posts') table and the thread's totals."""
    known = any(a.known for a in authors)
    out = [
        "",
        f"{'author' if known else 'post':<20}{'posts':>6}{'claims':>7}{'evid':>6}{'rate':>6}"
        f"{'chal':>6}{'recv':>6}{'ans':>5}  evidence types",
    ]
    for a in authors:
        out.append(
            f"{_cut(a.author, 19):<20}{a.posts:>6}{a.claims:>7}{a.evidence:>6}"
            f"{a.evidence_rate:>6.2f}{a.challenges_made:>6}{a.challenges_received:>6}"
            f"{a.challenges_answered:>5}  {_types(a.evidence_by_type)}"
        )
    verdicts = ", ".join(f"{v} {t.verdicts.get(v, 0)}" for v in VERDICTS)
    overridden = (
        f"; {t.overridden} verdict(s) overridden, computed {t.computed_evidence_rate:.2f}"
        if t.overridden
        else ""
    )
    out += [
        "",
        f"thread: {t.posts} posts, {t.claims} claims, {t.evidence} evidence; {verdicts}",
        f"evidence rate {t.evidence_rate:.2f} (evidenced / arguing posts{overridden}); "
        f"challenges {t.challenges_received}, answered with evidence {t.challenges_answered}",
        f"evidence by type: {_types(t.evidence_by_type)}",
    ]
    return out


def to_json(card: Scorecard, *, tallied: bool = False) -> dict[str, Any]:
    """The `threadscore score --json` document: the scorecard plus each effective verdict, with
    tallies on the effective verdicts (as in the scorecard file). `tallied`: they already are
    (as on `score_thread`'s card), so they are not counted again."""
    card = with_effective_tallies(card, tallied=tallied)
    data = card.model_dump(mode="json")
    for post, entry in zip(card.posts, data["posts"], strict=True):
        entry["effective_verdict"] = card.effective_verdict(post.number)
    data["user"] = {
        "marks": list(data["user"]["marks"].values()),
        "orphans": data["user"]["orphans"],
    }
    return data


def json_chunks(card: Scorecard, *, tallied: bool = False) -> Iterator[bytes]:
    """`to_json`'s document as `json.dumps(indent=1)` wrote it, serialised by pydantic a post at
    a time (see `parsing.json_output`), with the collector paused."""
    from pydantic_core import to_json as dump

    from parsing.json_output import document, items, value

    with collector_paused():
        card = with_effective_tallies(card, tallied=tallied)

        def verdict(score: PostScore) -> Verdict:
            return card.effective_verdict(score.number)

        user = {"marks": list(card.user.marks.values()), "orphans": card.user.orphans}
        yield from document(
            [
                ("schema_version", value(card.schema_version)),
                ("fingerprint", value(card.fingerprint)),
                ("source_path", value(card.source_path)),
                ("title", value(card.title)),
                ("posts", _post_items(card.posts, verdict)),
                ("authors", items(card.authors, 1, lambda a: dump(a, indent=1))),
                ("totals", value(card.totals)),
                ("user", value(user)),
            ]
        )


def _computed(score: PostScore) -> Verdict:
    return score.verdict


_PAD = b"\n  "
"""A line break inside a post of the document's `posts` (depth 2)."""


def _post_items(
    scores: Iterable[PostScore], verdict: Callable[[PostScore], Verdict]
) -> Iterator[bytes]:
    """The document's `posts` array (as `parsing.json_output.items` writes it at depth 1),
    each post with its effective verdict added as a last key: one serialisation and one
    re-indent per post (pydantic writes at depth 0), the verdict's bytes made once."""
    from pydantic_core import to_json as dump

    tails: dict[str, bytes] = {}
    sep = b"[" + _PAD
    for score in scores:
        effective = verdict(score)
        tail = tails.get(effective)
        if tail is None:
            added = b',\n "effective_verdict": ' + dump(effective) + b"\n}"
            tail = tails[effective] = added.replace(b"\n", _PAD)
        shifted = dump(score, indent=1).replace(b"\n", _PAD)
        # Without its closing line ("\n  }"): the verdict's key goes before it.
        yield b"".join((sep, memoryview(shifted)[:-4], tail))
        sep = b"," + _PAD
    yield b"[]" if sep.startswith(b"[") else b"\n ]"


def scored_json_chunks(thread: Thread) -> Iterator[bytes]:
    """`json_chunks(score_thread(thread), tallied=True)`, each post scored as it is written.

    Only what the tallies count is kept of a post's score (`tally.Tallied`), so the thread's
    scores are never all held at once (about 300 MiB at 100,000 posts); the authors and totals
    come after the posts in the document and are counted once the last post is written. No
    marks: the effective verdict is the computed one.
    """
    from parsing.json_output import array, document, value
    from scoring.models import SCHEMA_VERSION
    from scoring.scorer import scores_in_order
    from scoring.tally import Tallied, tallied, tally_rows

    with collector_paused():
        head = Scorecard(
            schema_version=SCHEMA_VERSION,
            fingerprint=thread.source.sha256,
            source_path=thread.source.path,
            title=thread.title,
        )
        rows: list[Tallied] = []

        def scores() -> Iterator[PostScore]:
            for score in scores_in_order(thread):
                rows.append(tallied(score))
                yield score

        counted: list[tuple[list[AuthorTally], ThreadTotals]] = []

        def counts() -> tuple[list[AuthorTally], ThreadTotals]:
            if not counted:  # once every post is written
                counted.append(tally_rows(rows))
            return counted[0]

        def authors() -> Iterator[bytes]:
            yield from array(counts()[0], 1)

        def totals() -> Iterator[bytes]:
            yield from value(counts()[1])

        yield from document(
            [
                ("schema_version", value(head.schema_version)),
                ("fingerprint", value(head.fingerprint)),
                ("source_path", value(head.source_path)),
                ("title", value(head.title)),
                ("posts", _post_items(scores(), _computed)),
                ("authors", authors()),
                ("totals", totals()),
                ("user", value({"marks": [], "orphans": []})),
            ]
        )
