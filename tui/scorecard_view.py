"""What the scorecard screen shows, computed without Textual so it can be unit-tested plainly.

Verdict and challenge counts come from `scoring.tally.effective_tallies`, the same count the
scorecard file and `--json` use, so a verdict the user overrode in the reader moves the author's
row, the bars and the thread strip at once and the screen never disagrees with the file. Groups
and their labels come from `Scorecard.authors`, so the label the screen dismisses with is the same
one the scorer and the reader use ("#7" for a post whose author is unknown). What is left here is
view arithmetic: unrounded rates (None, not 0%, where nothing argues), ratings, bars, slices and
sorting.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Literal

from parsing.models import Thread
from scoring.models import VERDICTS, AuthorTally, Scorecard, ThreadTotals, Verdict
from scoring.tally import effective_tallies
from scoring.tally import effective_verdicts as effective_verdicts
from tui.wording import plural

SortKey = Literal[
    "order",
    "author",
    "posts",
    "evidenced",
    "reasoned",
    "asserted",
    "challenges",
    "answered",
    "rate",
    "rating",
]


def evidence_rate(evidenced: int, asserted: int) -> float | None:
    """Evidenced share of the posts that argue a point; None when there are none (not 0%).
    `asserted` counts every arguing post without evidence (asserted and reasoned)."""
    arguing = evidenced + asserted
    return evidenced / arguing if arguing else None


@dataclass(frozen=True, slots=True)
class AuthorRow:
    """One row of the author table and one bar of the chart (the same numbers, shown twice)."""

    author: str
    known: bool
    post_numbers: tuple[int, ...]
    verdicts: dict[str, int]
    ratings: tuple[int, ...] = ()
    overrides: int = 0
    challenged: int = 0
    answered: int = 0
    claims: int = 0
    evidence: int = 0
    evidence_by_type: dict[str, int] = field(default_factory=dict)

    @property
    def posts(self) -> int:
        return len(self.post_numbers)

    @property
    def evidenced(self) -> int:
        return self.verdicts.get("evidenced", 0)

    @property
    def reasoned(self) -> int:
        return self.verdicts.get("reasoned", 0)

    @property
    def asserted(self) -> int:
        return self.verdicts.get("asserted", 0)

    @property
    def challenges(self) -> int:
        return self.verdicts.get("challenge", 0)

    @property
    def non_argument(self) -> int:
        return self.verdicts.get("non-argument", 0)

    @property
    def evidence_rate(self) -> float | None:
        return evidence_rate(self.evidenced, self.asserted + self.reasoned)

    @property
    def mean_rating(self) -> float | None:
        return sum(self.ratings) / len(self.ratings) if self.ratings else None

    @property
    def answer_rate(self) -> float | None:
        """Share of the challenges to this author's posts answered later with evidence."""
        return self.answered / self.challenged if self.challenged else None


@dataclass(frozen=True, slots=True)
class ThreadSummary:
    """The totals lines: effective verdicts over the whole thread plus what the user added.

    `authors` counts named authors; `anonymous` counts posts whose author is unknown.
    """

    posts: int
    authors: int
    anonymous: int
    verdicts: dict[str, int] = field(default_factory=dict)
    ratings: tuple[int, ...] = ()
    bookmarks: int = 0
    overrides: int = 0

    @property
    def evidence_rate(self) -> float | None:
        return evidence_rate(
            self.verdicts.get("evidenced", 0),
            self.verdicts.get("asserted", 0) + self.verdicts.get("reasoned", 0),
        )

    @property
    def mean_rating(self) -> float | None:
        return sum(self.ratings) / len(self.ratings) if self.ratings else None


Tallies = tuple[list[AuthorTally], ThreadTotals]
"""`scoring.tally.effective_tallies` of a card: counted once, shared by rows and summary (at
10,000 posts one count takes a quarter of a second)."""


def author_rows(
    scorecard: Scorecard, thread: Thread | None = None, tallies: Tallies | None = None
) -> list[AuthorRow]:
    """One row per author tally, in the scorer's order (first appearance in the thread).

    Challenges received and answered follow the effective verdicts only when `thread` is given
    and matches the card post for post; otherwise they are the scorer's saved counts, which is
    all that can be trusted about a thread the card may not describe. `tallies` saves counting
    again when the caller has them.
    """
    effective = {t.author: t for t in (tallies or effective_tallies(scorecard))[0]}
    follow = thread is not None and [p.number for p in thread.posts] == [
        s.number for s in scorecard.posts
    ]
    rows: list[AuthorRow] = []
    for tally in scorecard.authors:
        counted: AuthorTally = effective.get(tally.author, tally)
        challenged = counted if follow else tally
        ratings: list[int] = []
        overrides = 0
        for number in tally.post_numbers:
            mark = scorecard.mark(number)
            if mark is None:
                continue
            if mark.rating is not None:
                ratings.append(mark.rating)
            if mark.verdict_override is not None:
                overrides += 1
        rows.append(
            AuthorRow(
                author=tally.author,
                known=tally.known,
                post_numbers=tuple(tally.post_numbers),
                verdicts=_shown(counted.verdicts),
                ratings=tuple(ratings),
                overrides=overrides,
                challenged=challenged.challenges_received,
                answered=challenged.challenges_answered,
                claims=tally.claims,
                evidence=tally.evidence,
                evidence_by_type=dict(tally.evidence_by_type),
            )
        )
    return rows


def _shown(counts: dict[str, int]) -> dict[str, int]:
    """Every verdict's count, `not-scored` only where a post has it (most threads are English)."""
    return {v: n for v in VERDICTS if (n := counts.get(v, 0)) or v != "not-scored"}


def thread_summary(scorecard: Scorecard, tallies: Tallies | None = None) -> ThreadSummary:
    """Thread totals on the same effective count as the rows, so they always agree."""
    totals = (tallies or effective_tallies(scorecard))[1]
    marks = [scorecard.mark(post.number) for post in scorecard.posts]
    present = [m for m in marks if m is not None]
    return ThreadSummary(
        posts=totals.posts,
        authors=sum(t.known for t in scorecard.authors),
        anonymous=sum(not t.known for t in scorecard.authors),
        verdicts=_shown(totals.verdicts),
        ratings=tuple(m.rating for m in present if m.rating is not None),
        bookmarks=sum(m.bookmark for m in present),
        overrides=sum(m.verdict_override is not None for m in present),
    )


_SHARE: dict[SortKey, Callable[[AuthorRow], float | None]] = {
    "rate": lambda r: r.evidence_rate,
    "rating": lambda r: r.mean_rating,
    "answered": lambda r: r.answer_rate,
}

_SORT_VALUE: dict[SortKey, Callable[[AuthorRow], float | str]] = {
    "author": lambda r: r.author.casefold(),
    "posts": lambda r: r.posts,
    "evidenced": lambda r: r.evidenced,
    "reasoned": lambda r: r.reasoned,
    "asserted": lambda r: r.asserted,
    "challenges": lambda r: r.challenges,
}


def sort_rows(rows: Sequence[AuthorRow], key: SortKey, reverse: bool = False) -> list[AuthorRow]:
    """Rows ordered for the table; numbers sort largest first, names A to Z.

    Rows without a value (no arguing posts, no ratings, never challenged) stay at the bottom in
    both directions, so flipping the order never buries the rows that have one. Ties keep thread
    order.
    """
    if key == "order":
        return list(reversed(rows)) if reverse else list(rows)
    if key in _SHARE:
        values = [_SHARE[key](r) for r in rows]
        valued = [(v, r) for v, r in zip(values, rows, strict=True) if v is not None]
        valued.sort(key=lambda pair: pair[0], reverse=not reverse)
        return [r for _, r in valued] + [r for v, r in zip(values, rows, strict=True) if v is None]
    value = _SORT_VALUE[key]
    descending = key != "author"
    return sorted(rows, key=value, reverse=descending != reverse)


def split_cells(counts: Sequence[int], scale: int, width: int) -> list[int]:
    """Cells for each segment of a stacked bar `width` cells long for `scale` items.

    Largest-remainder rounding: the segments add up to the rounded bar length exactly, and a
    non-zero count never vanishes while the bar has room for it (one post must stay visible).
    """
    total = sum(counts)
    if width <= 0 or scale <= 0 or total <= 0:
        return [0] * len(counts)
    length = min(width, max(1, round(total * width / scale)))
    exact = [c * length / total for c in counts]
    cells = [int(x) for x in exact]
    by_remainder = sorted(range(len(counts)), key=lambda i: exact[i] - cells[i], reverse=True)
    for i in by_remainder[: length - sum(cells)]:
        cells[i] += 1
    for i, count in enumerate(counts):
        if count and not cells[i]:
            donor = max(range(len(cells)), key=lambda j: cells[j])
            if cells[donor] > 1:
                cells[donor] -= 1
                cells[i] = 1
    return cells


@dataclass(frozen=True, slots=True)
class Slice:
    """A run of consecutive posts drawn as one cell of the thread strip."""

    first: int
    last: int
    verdicts: dict[str, int]

    @property
    def dominant(self) -> Verdict:
        """The commonest verdict; ties go to the stronger one (evidenced before asserted...)."""
        return max(VERDICTS, key=lambda v: (self.verdicts.get(v, 0), -VERDICTS.index(v)))

    @property
    def evidence_rate(self) -> float | None:
        return evidence_rate(
            self.verdicts.get("evidenced", 0),
            self.verdicts.get("asserted", 0) + self.verdicts.get("reasoned", 0),
        )


def thread_slices(verdicts: Sequence[Verdict], width: int) -> list[Slice]:
    """Cut the thread into at most `width` runs of near-equal length, in thread order.

    A thread that fits gets one post per cell; a longer one is spread evenly over the width, so
    the strip always spans the whole thread and position reads as position in the thread.
    """
    n = len(verdicts)
    if n == 0 or width <= 0:
        return []
    cells = min(n, width)
    bounds = [i * n // cells for i in range(cells + 1)]
    slices: list[Slice] = []
    for start, end in pairwise(bounds):
        counts = Counter(verdicts[start:end])
        slices.append(Slice(first=start + 1, last=end, verdicts={v: counts[v] for v in VERDICTS}))
    return slices


def window_rates(verdicts: Sequence[Verdict], slices: Sequence[Slice]) -> list[float | None]:
    """Evidence rate around each slice: the slice widened to a window of about a tenth of the
    thread (at least 5 posts), so one-post cells still show a trend instead of 0/100% noise."""
    n = len(verdicts)
    window = max(5, -(-n // 10))
    evidenced = [0]
    asserted = [0]
    for verdict in verdicts:
        evidenced.append(evidenced[-1] + (verdict == "evidenced"))
        asserted.append(asserted[-1] + (verdict in ("asserted", "reasoned")))
    rates: list[float | None] = []
    for part in slices:
        extra = max(0, window - (part.last - part.first + 1))
        start = max(0, part.first - 1 - extra // 2)
        end = min(n, part.last + extra - extra // 2)
        rates.append(
            evidence_rate(evidenced[end] - evidenced[start], asserted[end] - asserted[start])
        )
    return rates


def describe_row(row: AuthorRow, max_posts: int = 6) -> str:
    """One line on the highlighted author: which posts, and what the scorer found in them.

    Claims and evidence are the scorer's counts (sentences, plus attachments and outside quotes
    as evidence), and cues the kinds of backing it saw; none of them moves with a verdict
    override, which changes how a post is judged, not what it says.
    """
    numbers = [f"#{n}" for n in row.post_numbers[:max_posts]]
    if row.posts > max_posts:
        numbers.append("…")
    if row.known:
        parts = [f"{row.author}: {plural(row.posts, 'post')} ({' '.join(numbers)})"]
    else:
        parts = [f"post {row.author} (author unknown)"]
    parts.append(f"claims {row.claims} · evidence {row.evidence}")
    kinds = sorted(row.evidence_by_type.items(), key=lambda kv: (-kv[1], kv[0]))
    if kinds:
        parts.append("cues: " + ", ".join(f"{count} {kind}" for kind, count in kinds))
    if row.challenged:
        parts.append(f"challenged {row.challenged}, answered {row.answered}")
    return " · ".join(parts)


def format_rate(rate: float | None) -> str:
    """A percentage, or an en dash where there is nothing to divide."""
    return "–" if rate is None else f"{rate:.0%}"


def describe_authors(authors: int, anonymous: int) -> str:
    """Who wrote the thread, in a few words: crawl dumps often lose every name."""
    if not anonymous:
        return plural(authors, "author")
    if not authors:
        return "authors unknown"
    return f"{plural(authors, 'author')} + {anonymous} anonymous"


def format_rating(rating: float | None) -> str:
    return "–" if rating is None else f"{rating:.1f}"


def format_answered(row: AuthorRow) -> str:
    """ "answered/received", or an en dash for an author nobody challenged."""
    return f"{row.answered}/{row.challenged}" if row.challenged else "–"
