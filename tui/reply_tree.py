"""The reply tree: each post under the first earlier post it quotes, as slrn, tin and tuir
show threads, flattened into display order with a depth per post (the shape circumflex and
hackernews-TUI use: folding only changes which rows are visible).

Built in one pass over the posts and one iterative walk, so 10,000 posts take milliseconds;
folding and listing the visible rows are one pass each. Textual-free.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field


@dataclass
class ReplyTree:
    """Posts in tree order. `parents[n]` are all earlier posts `n` quotes (its first is its
    place in the tree); roots are posts that quote no earlier post."""

    order: list[int] = field(default_factory=list)
    depth: dict[int, int] = field(default_factory=dict)
    parent: dict[int, int | None] = field(default_factory=dict)
    parents: dict[int, tuple[int, ...]] = field(default_factory=dict)
    children: dict[int, list[int]] = field(default_factory=dict)
    size: dict[int, int] = field(default_factory=dict)
    """How many posts hang below each post (all its descendants)."""

    @classmethod
    def build(cls, numbers: Sequence[int], quoted: Mapping[int, Iterable[int]]) -> ReplyTree:
        """`quoted[n]`: the posts `n` quotes, in the order it quotes them. A quote of a later
        post or of itself (a parse gone wrong) is no link, so there can be no cycle."""
        tree = cls()
        known = set(numbers)
        roots: list[int] = []
        for number in numbers:
            links = tuple(
                dict.fromkeys(t for t in quoted.get(number, ()) if t in known and t < number)
            )
            tree.parents[number] = links
            tree.parent[number] = links[0] if links else None
            tree.children.setdefault(number, [])
            if links:
                tree.children.setdefault(links[0], []).append(number)
            else:
                roots.append(number)
        tree._walk(roots)
        return tree

    def _walk(self, roots: list[int]) -> None:
        """Pre-order with depths, then subtree sizes from the end backwards (no recursion:
        a chain of 10,000 replies is 10,000 levels deep)."""
        stack = [(root, 0) for root in reversed(roots)]
        while stack:
            number, depth = stack.pop()
            self.order.append(number)
            self.depth[number] = depth
            stack.extend((child, depth + 1) for child in reversed(self.children[number]))
        for number in reversed(self.order):
            self.size[number] = sum(self.size[c] + 1 for c in self.children[number])

    def has_children(self, number: int) -> bool:
        return bool(self.children.get(number))

    def visible(self, folded: Collection[int], shown: Collection[int] | None = None) -> list[int]:
        """The rows to list: tree order without the posts inside folded subtrees, and (when
        `shown` is given, a filter's posts) only those. O(posts)."""
        rows: list[int] = []
        hide_below: int | None = None
        for number in self.order:
            depth = self.depth[number]
            if hide_below is not None:
                if depth > hide_below:
                    continue
                hide_below = None
            if shown is None or number in shown:
                rows.append(number)
            if number in folded and self.children[number]:
                hide_below = depth
        return rows

    def fold_point(self, number: int, folded: Collection[int]) -> int:
        """The post whose row shows `number` when `folded` hides it: its highest folded
        ancestor, or itself when it is visible."""
        point = number
        walker = self.parent.get(number)
        while walker is not None:
            if walker in folded:
                point = walker
            walker = self.parent.get(walker)
        return point

    def all_folds(self) -> set[int]:
        """Every post with replies: `z` folds the whole tree down to its roots."""
        return {n for n, kids in self.children.items() if kids}


@dataclass(frozen=True)
class Step:
    """What left/right do on a tree row: fold or unfold it, or move to another post."""

    fold: bool | None = None
    go: int | None = None


def left(tree: ReplyTree, number: int, folded: Collection[int]) -> Step:
    """Fold an open subtree; on a folded or childless post, go up to its parent."""
    if tree.has_children(number) and number not in folded:
        return Step(fold=True)
    return Step(go=tree.parent.get(number))


def right(tree: ReplyTree, number: int, folded: Collection[int]) -> Step:
    """Unfold a folded subtree; on an open one, go down to its first reply."""
    if number in folded and tree.has_children(number):
        return Step(fold=False)
    kids = tree.children.get(number) or []
    return Step(go=kids[0] if kids else None)


def reply_marker(tree: ReplyTree, number: int) -> str:
    """`↩ #a #b` for a post that quotes several earlier posts (the tree shows it under the
    first only); "" otherwise."""
    links = tree.parents.get(number, ())
    if len(links) < 2:
        return ""
    return "↩ " + " ".join(f"#{n}" for n in links)
