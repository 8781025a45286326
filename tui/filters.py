"""Which posts the list shows: a small value type, pure matching, and (de)serialising for state."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from tui.verdicts import VERDICTS


@dataclass(frozen=True)
class PostFacts:
    """What a filter looks at for one post; the app builds these from the thread and scorecard."""

    number: int
    author: str | None
    verdict: str | None
    rating: int | None
    bookmarked: bool
    noted: bool = False


@dataclass(frozen=True)
class Filter:
    """Conditions that must all hold; an empty filter shows every post."""

    verdicts: frozenset[str] = frozenset()
    author: str | None = None
    bookmarked: bool = False
    rated: bool = False
    noted: bool = False

    @property
    def active(self) -> bool:
        return bool(
            self.verdicts or self.author is not None or self.bookmarked or self.rated or self.noted
        )

    def matches(self, facts: PostFacts) -> bool:
        if self.verdicts and facts.verdict not in self.verdicts:
            return False
        if self.author is not None and (facts.author or "") != self.author:
            return False
        if self.bookmarked and not facts.bookmarked:
            return False
        if self.noted and not facts.noted:
            return False
        return not (self.rated and not facts.rating)

    def describe(self) -> str:
        """A short plain phrase for the status line ("" when inactive)."""
        parts = []
        if self.verdicts:
            parts.append("/".join(v for v in VERDICTS if v in self.verdicts))
        if self.author is not None:
            parts.append(f"by {self.author or '—'}")
        if self.bookmarked:
            parts.append("bookmarked")
        if self.rated:
            parts.append("rated")
        if self.noted:
            parts.append("with a note")
        return ", ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "verdicts": sorted(self.verdicts),
            "bookmarked": self.bookmarked,
            "rated": self.rated,
            "noted": self.noted,
        }
        if self.author is not None:
            data["author"] = self.author
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Filter:
        """Lenient: unknown verdicts and wrong types are dropped, so old state still opens."""
        raw_verdicts = data.get("verdicts", [])
        verdicts = frozenset(
            v for v in (raw_verdicts if isinstance(raw_verdicts, list) else []) if v in VERDICTS
        )
        author = data.get("author")
        return cls(
            verdicts=verdicts,
            author=author if isinstance(author, str) else None,
            bookmarked=data.get("bookmarked") is True,
            rated=data.get("rated") is True,
            noted=data.get("noted") is True,
        )


def apply_filter(filter_: Filter, facts: Iterable[PostFacts]) -> list[int]:
    """Numbers of the posts the filter lets through, in thread order."""
    if not filter_.active:
        return [f.number for f in facts]
    return [f.number for f in facts if filter_.matches(f)]


def nearest(shown: list[int], current: int | None) -> int | None:
    """The post of `shown` (in thread order) closest to `current`, the later one on a tie:
    applying a filter keeps the reader where they were, not back at the top."""
    if not shown:
        return None
    if current is None:
        return shown[0]
    at = bisect.bisect_left(shown, current)
    if at == len(shown):
        return shown[-1]
    if shown[at] == current or at == 0:
        return shown[at]
    before, after = shown[at - 1], shown[at]
    return before if current - before < after - current else after


def authors_by_posts(facts: Iterable[PostFacts]) -> list[tuple[str, int]]:
    """(author, posts) with the most prolific first, then by name; posts without an author
    count under "" (shown as "—")."""
    counts: dict[str, int] = {}
    for fact in facts:
        name = fact.author or ""
        counts[name] = counts.get(name, 0) + 1
    return sorted(counts.items(), key=lambda item: (-item[1], item[0].casefold()))


def matching_authors(authors: Iterable[tuple[str, int]], typed: str) -> list[tuple[str, int]]:
    """The authors whose name holds `typed` (any case), those starting with it first; the
    order within each group is kept (most posts first)."""
    needle = typed.strip().casefold()
    if not needle:
        return list(authors)
    starts: list[tuple[str, int]] = []
    inside: list[tuple[str, int]] = []
    for author in authors:
        name = author[0].casefold()
        if name.startswith(needle):
            starts.append(author)
        elif needle in name:
            inside.append(author)
    return starts + inside


def author_only(current: Filter, author: str) -> Filter:
    """What `A` makes of the filter: only `author`'s posts, or every post again when that is
    already the filter (the other conditions are dropped either way, as newsreaders do)."""
    if current == Filter(author=author):
        return Filter()
    return Filter(author=author)


@dataclass(frozen=True)
class AuthorChoice:
    """The scorecard screen's answer "show this author's posts". Typed, not a label, so an
    author really called "#12" or "rated" is never read as a post number or a filter name."""

    author: str


@dataclass(frozen=True)
class PostChoice:
    """The scorecard screen's answer "open this post" (a row of a post whose author is lost)."""

    number: int


ScorecardChoice = AuthorChoice | PostChoice
