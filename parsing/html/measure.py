"""Text lengths and document positions of every node of a page, measured once, bottom-up.

The generic reader weighs every repeating family of elements by the text its members hold and
asks whether one element lies inside another. Asking lexbor for each element's text costs the
size of its subtree, and families nest, so on a 5 MB page that is the bulk of the work; here one
walk over the tree counts each text node once and adds the counts up to every ancestor.
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode


class Measure:
    """Per element (by `mem_id`): pre-order position, the position of its last descendant, and
    its text's size as `" ".join(text.split())` of lexbor's `text(deep=True, separator=" ")`
    would give it (non-space characters plus one space between words)."""

    def __init__(self, root: LexborNode) -> None:
        self.elements: list[LexborNode] = []
        """Elements under `root` (root first) in document order."""
        self._pos: dict[int, int] = {}
        self._end: list[int] = []
        self._chars: list[int] = []
        self._words: list[int] = []
        self._walk(root)

    def _walk(self, root: LexborNode) -> None:
        parents: list[int] = []
        chars, words = self._chars, self._words
        stack: list[tuple[LexborNode, int]] = [(root, -1)]
        while stack:
            node, parent = stack.pop()
            tag = node.tag or "-"
            if tag[0] == "-":
                if tag == "-text" and parent >= 0:
                    split = (node.text_content or "").split()
                    if split:
                        chars[parent] += len("".join(split))
                        words[parent] += len(split)
                continue
            index = len(self.elements)
            self.elements.append(node)
            self._pos[node.mem_id] = index
            parents.append(parent)
            self._end.append(index)
            chars.append(0)
            words.append(0)
            child = node.last_child
            while child is not None:
                stack.append((child, index))
                child = child.prev
        for index in range(len(self.elements) - 1, 0, -1):
            parent = parents[index]
            self._chars[parent] += self._chars[index]
            self._words[parent] += self._words[index]
            self._end[parent] = max(self._end[parent], self._end[index])

    def text_len(self, node: LexborNode) -> int:
        """Characters of the node's text with runs of white space made one space."""
        index = self._pos[node.mem_id]
        words = self._words[index]
        return self._chars[index] + words - 1 if words else 0

    def position(self, node: LexborNode) -> int:
        return self._pos[node.mem_id]

    def inside(self, node: LexborNode, ancestor: LexborNode) -> bool:
        """`node` is `ancestor` or lies within it."""
        pos = self._pos.get(node.mem_id)
        top = self._pos.get(ancestor.mem_id)
        if pos is None or top is None:
            return False
        return top <= pos <= self._end[top]

    def subtree_end(self, node: LexborNode) -> int:
        return self._end[self._pos[node.mem_id]]
