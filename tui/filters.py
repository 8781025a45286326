"""Which posts the list shows: a small value type, pure matching, and (de)serialising for state."""

from __future__ import annotations

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


@dataclass(frozen=True)
class Filter:
    """Conditions that must all hold; an empty filter shows every post."""

    verdicts: frozenset[str] = frozenset()
    author: str | None = None
    bookmarked: bool = False
    rated: bool = False

    @property
    def active(self) -> bool:
        return bool(self.verdicts or self.author is not None or self.bookmarked or self.rated)

    def matches(self, facts: PostFacts) -> bool:
        if self.verdicts and facts.verdict not in self.verdicts:
            return False
        if self.author is not None and (facts.author or "") != self.author:
            return False
        if self.bookmarked and not facts.bookmarked:
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
        return ", ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "verdicts": sorted(self.verdicts),
            "bookmarked": self.bookmarked,
            "rated": self.rated,
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
        )


def apply_filter(filter_: Filter, facts: Iterable[PostFacts]) -> list[int]:
    """Numbers of the posts the filter lets through, in thread order."""
    if not filter_.active:
        return [f.number for f in facts]
    return [f.number for f in facts if filter_.matches(f)]


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
