"""Signatures written into the post body: the same closing paragraphs under several posts of one
author. An engine that marks signatures is read by its table; on a page read by structure the
signature is often inside the body slot, and the only sign of it is that it repeats."""

from __future__ import annotations

from collections import defaultdict

from parsing.html.extract import RawPost

MIN_POSTS = 2
"""Posts of one author that must end with the same paragraphs."""
MAX_SHARE = 0.6
"""A repeated ending may hold at most this share of a post's own text (the rest is the post)."""


def _paragraphs(post: RawPost) -> list[str]:
    last = post.parts[-1] if post.parts else None
    return [p for p in last.split("\n\n") if p.strip()] if isinstance(last, str) else []


def _common_tail(endings: list[list[str]]) -> list[str]:
    """The longest run of closing paragraphs all `endings` share."""
    tail: list[str] = []
    for depth in range(1, min(len(e) for e in endings) + 1):
        para = endings[0][-depth]
        if any(e[-depth] != para for e in endings):
            break
        tail.insert(0, para)
    return tail


def strip_signatures(posts: list[RawPost]) -> None:
    """Move closing paragraphs an author repeats under several posts into `signature`."""
    by_author: dict[str, list[RawPost]] = defaultdict(list)
    for post in posts:
        if post.author and post.signature is None:
            by_author[post.author.casefold()].append(post)
    for own in by_author.values():
        by_last: dict[str, list[RawPost]] = defaultdict(list)
        for post in own:
            paras = _paragraphs(post)
            if paras:
                by_last[paras[-1]].append(post)
        for group in by_last.values():
            if len(group) >= MIN_POSTS:
                _move(group, _common_tail([_paragraphs(p) for p in group]))


def _move(group: list[RawPost], tail: list[str]) -> None:
    size = sum(len(p) for p in tail)
    for post in group:
        if size > MAX_SHARE * len(post.body):
            return
    for post in group:
        paras = _paragraphs(post)[: -len(tail)]
        last = "\n\n".join(paras)
        post.parts = [*post.parts[:-1], last] if last else post.parts[:-1]
        post.signature = "\n\n".join(tail)
