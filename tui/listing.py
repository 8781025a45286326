"""What the post list shows beyond the Document's facts: page order or the reply tree (with its
folds), and which posts are unread or new since the last visit. Textual-free: the reader
screen asks it for the list's numbers and for each row's extra marks.
"""

from __future__ import annotations

from dataclasses import replace

from parsing.models import Thread
from tui.reply_tree import ReplyTree, reply_marker
from tui.unread import ReadMarks, new_since
from tui.widgets.post_list import Row


class Listing:
    """Order, folds and read marks for one thread. `reading` comes from the saved UI state;
    the posts new since the last visit are counted once, when the thread is opened."""

    def __init__(self, thread: Thread, reading: ReadMarks | None = None) -> None:
        self.thread = thread
        self.ids = [post.id for post in thread.posts]
        self.reading = reading or ReadMarks()
        self.new = {i + 1 for i in new_since(self.ids, self.reading)}
        """Numbers of the posts added since the last visit (unread ones; read ones leave)."""
        self.reading.visited(self.ids)
        self.tree_mode = False
        self.folded: set[int] = set()
        self._tree: ReplyTree | None = None

    @property
    def tree(self) -> ReplyTree:
        """Built on first use (a few ms at 10,000 posts), then kept: quotes do not change."""
        if self._tree is None:
            quoted = {p.number: [q.target for q in p.quotes if q.target] for p in self.thread.posts}
            self._tree = ReplyTree.build([p.number for p in self.thread.posts], quoted)
        return self._tree

    def order(self, shown: list[int]) -> list[int]:
        """The list's rows: `shown` (the filter's posts, in page order) as they are listed now."""
        if not self.tree_mode:
            return shown
        everything = len(shown) == len(self.ids)
        return self.tree.visible(self.folded, None if everything else set(shown))

    def decorate(self, row: Row) -> Row:
        """`row` with its unread and tree marks. In the tree a post's place says whom it
        answers, so the "↩" marker names the quoted posts only when there are several."""
        number = row.number
        unread = self.ids[number - 1] not in self.reading.read
        if not self.tree_mode:
            return replace(row, unread=unread, new=unread and number in self.new)
        tree = self.tree
        folded = tree.size[number] if number in self.folded and tree.has_children(number) else 0
        several = tree.parents[number] if reply_marker(tree, number) else ()
        return replace(
            row,
            unread=unread,
            new=unread and number in self.new,
            depth=tree.depth[number],
            folded=folded,
            replies=tree.has_children(number),
            targets=several,
        )

    # ----- reading ------------------------------------------------------------------------

    def is_read(self, number: int) -> bool:
        return self.ids[number - 1] in self.reading.read

    def mark_read(self, number: int) -> bool:
        """Count post `number` as read; True when that changed anything."""
        post_id = self.ids[number - 1]
        if post_id in self.reading.read:
            return False
        self.reading.read.add(post_id)
        self.new.discard(number)
        return True

    def unread(self) -> set[int]:
        read = self.reading.read
        return {i + 1 for i, post_id in enumerate(self.ids) if post_id not in read}

    def unread_count(self) -> int:
        read = self.reading.read
        return sum(1 for post_id in self.ids if post_id not in read)

    # ----- the tree ----------------------------------------------------------------------

    def toggle_tree(self) -> bool:
        self.tree_mode = not self.tree_mode
        return self.tree_mode

    def set_fold(self, number: int, folded: bool) -> None:
        if folded and self.tree.has_children(number):
            self.folded.add(number)
        else:
            self.folded.discard(number)

    def toggle_fold_all(self) -> bool:
        """Fold every subtree, or unfold them all when all are folded; True when now folded."""
        every = self.tree.all_folds()
        if every and self.folded >= every:
            self.folded.clear()
            return False
        self.folded = every
        return True

    def landing(self, number: int) -> int:
        """The row that stands for post `number` (its folded ancestor when a fold hides it)."""
        if not self.tree_mode:
            return number
        return self.tree.fold_point(number, self.folded)
