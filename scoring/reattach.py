"""Re-attaching the user's marks to the posts of a changed thread: an alignment, not a lookup.

A post's id is a digest of its author and text, with -2, -3 ... on repeats in page order, so an
insertion or deletion before a repeat shifts the suffixes, and an edit changes the digest. Each
mark therefore keeps what its post looked like (`describe`): its text digest (the id less the
suffix), the digests of the posts before and after it, how many posts had its text, its length
and its first and last words. `reattach_counted` aligns marks to posts in three steps:

1. anchors: marks whose text the new thread has once, context agreeing; the longest run of them
   in page order (an LIS) maps each old position to the stretch of new positions it fits;
2. same text: a mark goes to a post with its digest whose neighbours agree, nearest its place;
   marks of one text keep their page order;
3. edited: a mark still unplaced goes to a post near its place, after its old neighbour, before
   its other one, or sharing its first or last words, whose text is like its own. Never to a
   neighbour it knew, never to a post that quotes it, and never, with a neighbour changed, to a
   longer post that starts with its words: that is a reply that quoted it, after the quoted post
   was deleted and its words became the reply's.

Each mark looks at a bounded number of posts, so the work is linear in marks and posts (with a
sort). A mark that fits nothing is an orphan, kept in the file.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz

from parsing.models import Post, Thread
from scoring.models import UserLayer, UserMark

EXCERPT_CHARS = 240
"""Long enough that two different posts rarely look alike, short enough to read in the file."""

MATCH_CUTOFF = 80.0
"""Minimum rapidfuzz score (0-100) for a mark to re-attach to an edited post."""

NEAR = 4
"""Same-text posts looked at on each side of a mark's expected place."""

WINDOW = 3
"""Posts looked at on each side of a mark's expected place for an edited version."""

QUOTES_CHECKED = 8
"""A candidate's first quotes compared with the mark (a post quoting it is never it)."""

_SPACE = re.compile(r"\s+")


def text_key(post_id: str) -> str:
    """The digest of a post's author and text: its id without the page-order suffix."""
    base, dash, n = post_id.rpartition("-")
    return base if dash and n.isdigit() else post_id


def flat_text(post: Post) -> str:
    """The post's own words on one line (its quotes and attachments when it has none)."""
    text = post.body
    if not text.strip():
        text = " ".join([q.text for q in post.quotes] + [a.name for a in post.attachments])
    return _SPACE.sub(" ", text).strip()


def excerpt_of(post: Post) -> str:
    """The start of the post's own words (or of its quotes/attachments when it has none)."""
    return flat_text(post)[:EXCERPT_CHARS]


@dataclass(frozen=True)
class Reattached:
    """The re-attached layer and what happened to its marks (earlier orphans included)."""

    layer: UserLayer
    kept: int
    """Marks on a post with the same text as before (the same post, perhaps moved)."""
    moved: int
    """Marks moved to an edited version of their post."""

    @property
    def orphaned(self) -> int:
        return len(self.layer.orphans)

    @property
    def total(self) -> int:
        return self.kept + self.moved + self.orphaned


class _Posts:
    """The new thread indexed by text digest; one-line texts made when first asked for."""

    def __init__(self, posts: list[Post]) -> None:
        self.posts = posts
        self.keys = [text_key(p.id) for p in posts]
        self.where: dict[str, list[int]] = {}
        for i, key in enumerate(self.keys):
            self.where.setdefault(key, []).append(i)
        self._flat: dict[int, str] = {}
        self._ends: dict[str, list[int]] | None = None

    def key(self, i: int) -> str:
        """The digest at index i; "" past either end (what a first or last post has there)."""
        return self.keys[i] if 0 <= i < len(self.keys) else ""

    def flat(self, i: int) -> str:
        text = self._flat.get(i)
        if text is None:
            text = self._flat[i] = flat_text(self.posts[i])
        return text

    def sharing_ends(self, mark: UserMark) -> list[int]:
        """Posts whose first or last 32 characters are the mark's (edits keep one end)."""
        if self._ends is None:
            self._ends = {}
            for i in range(len(self.posts)):
                text = self.flat(i)
                for end in {"<" + text[:32], ">" + text[-32:]}:
                    self._ends.setdefault(end, []).append(i)
        ends = ["<" + mark.excerpt[:32], ">" + (mark.tail or mark.excerpt)[-32:]]
        return [i for end in ends for i in self._ends.get(end, [])]

    def describe(self, mark: UserMark, i: int) -> UserMark:
        """`mark` on post i, with what the post looks like now."""
        post, text = self.posts[i], self.flat(i)
        return mark.model_copy(
            update={
                "post_id": post.id,
                "post_number": post.number,
                "excerpt": text[:EXCERPT_CHARS],
                "tail": text[-EXCERPT_CHARS:] if len(text) > EXCERPT_CHARS else "",
                "length": len(text),
                "before": self.key(i - 1),
                "after": self.key(i + 1),
                "same_text": len(self.where[self.keys[i]]),
            }
        )


def describe(layer: UserLayer, thread: Thread) -> UserLayer:
    """Each mark with what its post looks like (text digest, neighbours, length, ends), so that
    it finds its post again after the thread changed. Marks that have it already are kept."""
    posts = thread.posts

    def described(mark: UserMark) -> bool:
        n = mark.post_number
        return mark.length is not None and 0 < n <= len(posts) and posts[n - 1].id == mark.post_id

    if all(described(m) for m in layer.marks.values()):
        return layer
    new = _Posts(posts)
    by_id = {p.id: i for i, p in enumerate(posts)}
    marks = {}
    for post_id, mark in layer.marks.items():
        i = by_id.get(post_id)
        marks[post_id] = mark if i is None or described(mark) else new.describe(mark, i)
    return layer.model_copy(update={"marks": marks})


def _longest_run(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest chain of (old, new) pairs increasing in both (patience sorting, n log n)."""
    pairs = sorted(set(pairs), key=lambda p: (p[0], -p[1]))
    tails: list[int] = []  # new position ending the best chain of each length
    ends: list[int] = []  # index into pairs of that chain's end
    back = [-1] * len(pairs)
    for k, (_old, new) in enumerate(pairs):
        j = bisect_left(tails, new)
        back[k] = ends[j - 1] if j else -1
        if j == len(tails):
            tails.append(new)
            ends.append(k)
        else:
            tails[j], ends[j] = new, k
    chain, k = [], ends[-1] if ends else -1
    while k >= 0:
        chain.append(pairs[k])
        k = back[k]
    return chain[::-1]


class _Places:
    """Where an old position is expected in the new thread, from the anchors around it."""

    def __init__(self, anchors: list[tuple[int, int]]) -> None:
        self.old = [o for o, _ in anchors]
        self.new = [n for _, n in anchors]

    def expect(self, old: int) -> tuple[int, int]:
        i = bisect_right(self.old, old)
        if i and self.old[i - 1] == old:
            return self.new[i - 1], self.new[i - 1]
        guesses = [old + self.new[j] - self.old[j] for j in (i - 1, i) if 0 <= j < len(self.old)]
        return (min(guesses), max(guesses)) if guesses else (old, old)


def _distance(i: int, lo: int, hi: int) -> int:
    return lo - i if i < lo else i - hi if i > hi else 0


def _agreeing(mark: UserMark, new: _Posts, i: int) -> int:
    """How many of the mark's old neighbours are post i's neighbours now (0-2)."""
    return (mark.before == new.key(i - 1)) + (mark.after == new.key(i + 1))


def _informed(mark: UserMark) -> bool:
    """Whether the mark knows its neighbours (files before scorecard version 3 do not)."""
    return mark.before is not None and mark.after is not None


def _anchors(pending: list[UserMark], new: _Posts) -> _Places:
    """Marks whose text the new thread has once (context agreeing) and their agreeing
    neighbours, reduced to the longest run in page order."""
    pairs: list[tuple[int, int]] = []
    for mark in pending:
        found = new.where.get(text_key(mark.post_id), [])
        if len(found) != 1:
            continue
        i, old = found[0], mark.post_number - 1
        if mark.same_text not in (None, 1) and not _agreeing(mark, new, i):
            continue
        pairs.append((old, i))
        if mark.before and mark.before == new.key(i - 1):
            pairs.append((old - 1, i - 1))
        if mark.after and mark.after == new.key(i + 1):
            pairs.append((old + 1, i + 1))
    return _Places(_longest_run(pairs))


def _nearest(found: list[int], lo: int, hi: int, count: int) -> Iterable[int]:
    """Up to `count` positions of sorted `found` on each side of [lo, hi], and all inside."""
    start, stop = bisect_left(found, lo), bisect_right(found, hi)
    if stop - start > 2 * count:  # a long run of one text: the ends of the stretch
        return [*found[start : start + count], *found[stop - count : stop]]
    return found[max(0, start - count) : stop + count]


Candidate = tuple[tuple[float, ...], int, int]
"""(rank, mark index, post index); the highest rank is placed first."""


def _same_text(pending: list[UserMark], new: _Posts, places: _Places) -> list[Candidate]:
    """Posts with a mark's own text digest, ranked by agreeing neighbours, then nearness."""
    out: list[Candidate] = []
    for m, mark in enumerate(pending):
        found = new.where.get(text_key(mark.post_id))
        if not found:
            continue
        lo, hi = places.expect(mark.post_number - 1)
        for i in _nearest(found, lo, hi, NEAR):
            agree, far = _agreeing(mark, new, i), _distance(i, lo, hi)
            sole = len(found) == 1 and mark.same_text in (None, 1)
            if agree or sole or far == 0 or not _informed(mark):
                out.append(((float(agree), float(sole), -float(far)), m, i))
    return out


def _quotes_it(post: Post, mark: UserMark) -> bool:
    """Whether the post quotes the mark's words (then it is a reply to the mark's post)."""
    for quote in post.quotes[:QUOTES_CHECKED]:
        said = _SPACE.sub(" ", quote.text).strip()[:EXCERPT_CHARS]
        if fuzz.ratio(said, mark.excerpt, score_cutoff=MATCH_CUTOFF):
            return True
    return False


def _similarity(mark: UserMark, text: str) -> float:
    """How alike the mark's post was and `text` is: both ends compared, so a post that grew or
    shrank a lot scores low; files before version 3 keep only the start."""
    head = text[:EXCERPT_CHARS]
    if mark.length is None:
        return fuzz.ratio(mark.excerpt, head)
    tail = text[-EXCERPT_CHARS:] if len(text) > EXCERPT_CHARS else ""
    return fuzz.ratio(mark.excerpt + (mark.tail or ""), head + tail)


def _absorbs(mark: UserMark, text: str) -> bool:
    """A longer text starting with the mark's words: a reply whose quote of the mark's post
    lost its quote marks when that post was deleted (or an edit that appended)."""
    if mark.length is None or len(text) <= mark.length * 1.1 + 10:
        return False
    return fuzz.ratio(text[: len(mark.excerpt)], mark.excerpt) >= 95


def _edit_rank(mark: UserMark, new: _Posts, i: int, lo: int, hi: int) -> tuple[float, ...] | None:
    """The rank of post i as the edited version of the mark's post, or None when it is not."""
    key = new.keys[i]
    if key in (mark.before, mark.after) and key != text_key(mark.post_id):
        return None  # a post the mark knew as its neighbour
    text = new.flat(i)
    sim = _similarity(mark, text)
    if sim < MATCH_CUTOFF or _quotes_it(new.posts[i], mark):
        return None
    agree, far = _agreeing(mark, new, i), _distance(i, lo, hi)
    if _informed(mark):
        if agree < 2 and _absorbs(mark, text):
            return None
        if agree == 0 and (far > 0 or sim < 90):
            return None
    return float(agree), sim, -float(far)


def _edited(pending: list[UserMark], todo: list[int], new: _Posts, places: _Places, free: set[int]):
    """Candidate edited posts for the marks in `todo`, among the `free` posts."""
    out: list[Candidate] = []
    for m in todo:
        mark = pending[m]
        lo, hi = places.expect(mark.post_number - 1)
        near = range(max(0, lo - WINDOW), min(len(new.posts), hi + WINDOW + 1))
        seen = set(near)
        for key, step in ((mark.before, 1), (mark.after, -1)):
            if key:
                seen.update(j + step for j in _nearest(new.where.get(key, []), lo, hi, 2))
        seen.update(_nearest(sorted(new.sharing_ends(mark)), lo, hi, 2))
        for i in seen:
            if i in free and 0 <= i < len(new.posts):
                rank = _edit_rank(mark, new, i, lo, hi)
                if rank is not None:
                    out.append((rank, m, i))
    return out


def _place(candidates: list[Candidate], placed: dict[int, int], taken: set[int]) -> None:
    """Best first: each mark on at most one post, each post under at most one mark."""
    candidates.sort(key=lambda c: c[0], reverse=True)
    for _rank, m, i in candidates:
        if m not in placed and i not in taken:
            placed[m] = i
            taken.add(i)


def _in_order(pending: list[UserMark], placed: dict[int, int]) -> None:
    """Marks of one text keep their page order on that text's posts (a best-first pick can
    cross two of them when neither's neighbours decide)."""
    groups: dict[str, list[int]] = {}
    for m in placed:
        groups.setdefault(text_key(pending[m].post_id), []).append(m)
    for marks in groups.values():
        if len(marks) > 1:
            marks.sort(key=lambda m: pending[m].post_number)
            for m, i in zip(marks, sorted(placed[m] for m in marks), strict=True):
                placed[m] = i


def reattach_counted(layer: UserLayer, thread: Thread) -> Reattached:
    """Attach every mark (and earlier orphan) to a post of `thread`, saying how many kept their
    post, moved to an edited one, or fit none (orphans)."""
    pending = [*layer.marks.values(), *layer.orphans]
    new = _Posts(thread.posts)
    places = _anchors(pending, new)
    placed: dict[int, int] = {}
    taken: set[int] = set()
    _place(_same_text(pending, new, places), placed, taken)
    _in_order(pending, placed)
    kept = len(placed)
    todo = [m for m in range(len(pending)) if m not in placed]
    if todo:
        free = set(range(len(new.posts))) - taken
        _place(_edited(pending, todo, new, places, free), placed, taken)
    marks = [new.describe(pending[m], i) for m, i in placed.items()]
    marks.sort(key=lambda mark: mark.post_number)
    orphans = [mark for m, mark in enumerate(pending) if m not in placed]
    result = UserLayer(
        marks={mark.post_id: mark for mark in marks}, orphans=orphans, cleared=layer.cleared
    )
    return Reattached(result, kept=kept, moved=len(placed) - kept)


def reattach(layer: UserLayer, thread: Thread) -> UserLayer:
    """`reattach_counted`'s layer."""
    return reattach_counted(layer, thread).layer
