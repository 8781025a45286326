"""Pages of one thread into one list of posts: page order, duplicates once, quotes linked.

Quotes are linked by the post id the markup names; only a quote whose markup names no post is
matched by author and text (rapidfuzz on the whole text, else line by line through the flat
reader's sentence index for a quote cut into pieces), and then with a score below 1.0 so the
reader can tell a guess from a link. A quote naming a post that is on none of the pages keeps
its author and source id with no target (an earlier page the user did not save).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

from parsing.html.extract import RawPost, RawQuote
from parsing.ids import post_id
from parsing.models import Part, Post, Quote
from parsing.normalize import normalize_lines
from parsing.quote_index import QuoteIndex, probe

FUZZY_WITH_AUTHOR = 85.0
"""partial_ratio a quote must reach against an earlier post by the author it names."""
FUZZY_WITHOUT_AUTHOR = 95.0
"""...and against any earlier post when it names no one: unattributed quotes are often outside
sources (articles), so only near-verbatim text counts."""
MIN_FUZZY_CHARS = 12
FUZZY_WINDOW = 300
"""How many earlier posts a quote is matched against (quotes answer recent posts)."""

MIN_LINE_SHARE = 0.5
"""Share of a quote's characters (in quotable lines) that must repeat one earlier post's lines."""

_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w{3,}")
MIN_SHARED_WORDS = 0.5
"""Share of a quote's words an earlier post must contain before the (costly) fuzzy comparison:
a quote is an excerpt, so most of its words are in the post it quotes."""


@dataclass
class Page:
    """One saved page as read: its engine, title, posts, and what went wrong on it."""

    path: Path
    engine: str | None
    title: str | None
    posts: list[RawPost]
    warnings: list[str] = field(default_factory=list)


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip().lower()


def merge_pages(pages: list[Page]) -> list[RawPost]:
    """All posts in page order; a post shown on two pages (by id, else by text) is kept once."""
    seen: set[tuple[str, ...]] = set()
    out: list[RawPost] = []
    for page in pages:
        for post in page.posts:
            key = (
                ("id", post.source_id)
                if post.source_id
                else ("text", (post.author or "").lower(), _norm(post.body))
            )
            if key in seen:
                continue
            seen.add(key)
            out.append(post)
    return out


def build_posts(raw: list[RawPost]) -> list[Post]:
    """Numbered posts with stable ids and quotes resolved to post numbers."""
    by_source: dict[str, int] = {}
    for number, post in enumerate(raw, start=1):
        if post.source_id and post.source_id not in by_source:
            by_source[post.source_id] = number
    bodies = [_norm(p.body) for p in raw]
    words = [set(_WORD.findall(b)) for b in bodies]
    authors = [(p.author or "").casefold() for p in raw]
    seen: dict[str, int] = {}
    posts = []
    index: _Lines | None = None
    for number, post in enumerate(raw, start=1):

        def link(q: RawQuote, number: int = number) -> Quote:
            nonlocal index
            target, score = _resolve(q, number, by_source, bodies, words, authors)
            if target is None and (q.author or not q.source_id):
                # not verbatim enough for the whole-text match: a quote cut into pieces or
                # edited is found line by line through the flat reader's sentence index
                index = index or _Lines(raw)
                target, score = index.resolve(q, number, authors)
            author = q.author
            if author is None and target is not None:
                author = raw[target - 1].author
            return Quote(
                target=target,
                author=author,
                source_id=q.source_id,
                text=q.text,
                truncated=q.truncated,
                score=score,
                nested=[link(n) for n in q.nested],
            )

        quotes = [link(q) for q in post.quotes]
        body = post.body
        parts = [
            Part(kind="quote", quote=p) if isinstance(p, int) else Part(kind="text", text=p)
            for p in post.parts
        ]
        posts.append(
            Post(
                number=number,
                id=post_id(post.author, body, seen),
                source_id=post.source_id,
                author=post.author,
                author_title=post.author_title,
                date=post.date,
                body=body,
                parts=parts,
                quotes=quotes,
                attachments=post.attachments,
                signature=post.signature,
            )
        )
    return posts


def _resolve(
    q: RawQuote,
    number: int,
    by_source: dict[str, int],
    bodies: list[str],
    words: list[set[str]],
    authors: list[str],
) -> tuple[int | None, float]:
    if q.source_id:
        target = by_source.get(q.source_id)
        if target is not None:
            return target, 1.0
        if not q.author:
            return None, 0.0
        # a post id this thread does not hold (an earlier page, or a forum that renumbered its
        # posts): the quoted author's own earlier words can still name the post
    if len(q.text) < MIN_FUZZY_CHARS:  # (normalising never lengthens a text)
        return None, 0.0
    text = _norm(q.text)
    if len(text) < MIN_FUZZY_CHARS:
        return None, 0.0
    want = (q.author or "").casefold()
    threshold = FUZZY_WITH_AUTHOR if want else FUZZY_WITHOUT_AUTHOR
    quote_words = set(_WORD.findall(text))
    need = MIN_SHARED_WORDS * len(quote_words)
    best, best_score = None, 0.0
    for i in range(max(0, number - 1 - FUZZY_WINDOW), number - 1):
        if want and authors[i] != want:
            continue
        if not bodies[i] or len(quote_words & words[i]) < need:
            continue
        score = fuzz.partial_ratio(text, bodies[i], score_cutoff=threshold)
        if score > best_score:
            best, best_score = i + 1, score
    if best is None:
        return None, 0.0
    return best, round(best_score / 100 * (0.9 if want else 0.8), 3)


class _Lines:
    """Every paragraph of the posts' own words, indexed by sentence keys (`QuoteIndex`, the
    flat reader's quote finder): a quote's lines each find the line they repeat, cut short
    with "..." or not, and the earlier post most of the quote's words come from is its source.
    Lines that several posts write as their own (signatures) are left out."""

    def __init__(self, raw: list[RawPost]) -> None:
        self.index = QuoteIndex()
        self.owner: list[int] = []
        lines: list[tuple[int, str]] = []
        writers: dict[str, set[int]] = {}
        for number, post in enumerate(raw, start=1):
            for part in post.parts:
                if isinstance(part, str):
                    for line in normalize_lines(part.split("\n")):
                        if line:
                            lines.append((number, line))
                            writers.setdefault(line, set()).add(number)
        self.shared = {line for line, posts in writers.items() if len(posts) > 1}
        """Lines several posts write as their own (a signature, a footer the site adds)."""
        for number, line in lines:
            if line not in self.shared:
                self.index.add(len(self.owner), probe(line))
                self.owner.append(number)

    def resolve(self, q: RawQuote, number: int, authors: list[str]) -> tuple[int | None, float]:
        """The earlier post (by the quoted author, when named) whose own lines hold at least
        half the quote's words, with a score below 1.0 (a guess, not a link)."""
        want = (q.author or "").casefold()
        votes: dict[int, float] = {}
        total = 0
        for line in normalize_lines(q.text.split("\n")):
            found = probe(line)
            if not found.quotable or line in self.shared:
                continue
            total += len(found.cut)
            match = self.index.find(found)
            if match is None:
                continue
            target = self.owner[match.line]
            if target >= number or (want and authors[target - 1] != want):
                continue
            votes[target] = votes.get(target, 0.0) + len(found.cut) * match.score
        if not votes:
            return None, 0.0
        target, weight = max(votes.items(), key=lambda kv: kv[1])
        share = weight / total
        if share < MIN_LINE_SHARE:
            return None, 0.0
        return target, round(share * (0.9 if want else 0.8), 3)
