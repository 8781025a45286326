"""What newsreader users reach for, as the reader screen's keys: the reply tree (`t`, folds with
left/right or h/l, `z`), unread posts (`u`), a post's links (`L`), one author's posts (`A`),
escape to clear a filter, and copying a post's own words (`y`).

A mixin of `ReaderScreen`, which owns the state these act on (document, cursor, filter, list);
the bookkeeping itself is Textual-free in `tui.listing`, `tui.links` and `tui.clipboard`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.timer import Timer

from tui.clipboard import own_words
from tui.filters import Filter, author_only
from tui.listing import Listing
from tui.reply_tree import left, right
from tui.unread import READ_AFTER, next_unread
from tui.wording import plural

if TYPE_CHECKING:
    from parsing.models import Thread
    from tui.document import Document
    from tui.state import UiState
    from tui.widgets.post_list import PostList

NEWSREADER_BINDINGS: list[BindingType] = [
    Binding("t", "toggle_tree", "Tree", id="tree"),
    Binding("z", "fold_all", "Fold all", show=False, id="fold_all"),
    Binding("u", "next_unread", "Next unread", show=False, id="next_unread"),
    Binding("L", "links", "Links", show=False, id="links", priority=True),
    Binding("A", "author_filter", "Author's posts", show=False, id="author_filter"),
    Binding("escape", "clear_filter", "Clear filter", show=False, id="clear_filter"),
    Binding("y", "copy_words", "Copy text", show=False, id="copy_words"),
]
"""Appended to `ReaderScreen.BINDINGS`; the tree's left/right/h/l are the post list's."""


class NewsreaderActions:
    """Mixed into ReaderScreen. Expects its `doc`, `current`, `filter`, `post_list`, `go`,
    `set_filter`, `_refilter`, `_has_post`, `save_ui`, `notify`, `app`, `set_timer`."""

    BINDINGS: ClassVar[list[BindingType]] = []

    listing: Listing | None = None
    unread: int = 0
    _read_timer: Timer | None = None
    _new_said: frozenset[int] = frozenset()

    if TYPE_CHECKING:
        doc: Document | None
        current: int | None
        filter: Filter
        post_list: PostList
        app: Any

        def go(self, number: int, *, record: bool = True) -> None: ...
        def set_filter(self, chosen: Filter) -> None: ...
        def _refilter(self, *, keep: int | None) -> None: ...
        def _has_post(self) -> bool: ...
        def save_ui(self) -> None: ...
        def notify(self, message: str, **options: Any) -> None: ...
        def set_timer(self, delay: float, callback: Any) -> Timer: ...

    def use_listing(self, thread: Thread, ui: UiState) -> None:
        """The list's order and read marks for `thread`, as `ui` (the saved state) left them."""
        self.listing = Listing(thread, ui.reading)
        self.listing.tree_mode = self.post_list.tree_mode = ui.tree
        self.unread = self.listing.unread_count()

    # ----- the reply tree ---------------------------------------------------------------------

    def action_toggle_tree(self) -> None:
        if self.listing is None:
            return
        tree = self.listing.toggle_tree()
        self.post_list.tree_mode = tree
        keep = self.listing.landing(self.current) if self.current is not None else None
        self._refilter(keep=keep)
        self.notify(
            "Reply tree: each post under the first post it quotes "
            "(←/→ or h/l fold and unfold, z folds all)."
            if tree
            else "Page order.",
            markup=False,
        )
        self.save_ui()

    def tree_step(self, step: int) -> None:
        """left (-1) / right (+1) on a tree row: fold or unfold it, else go to its parent or its
        first reply (called by the post list, before the next key is handled)."""
        if self.listing is None or self.current is None:
            return
        tree, folded = self.listing.tree, self.listing.folded
        move = (left if step < 0 else right)(tree, self.current, folded)
        if move.fold is not None:
            self.listing.set_fold(self.current, move.fold)
            self._refilter(keep=self.current)
        elif move.go is not None:
            self.post_list.go_to(self.listing.landing(move.go))

    def action_fold_all(self) -> None:
        if self.listing is None:
            return
        if not self.listing.tree_mode:
            self.notify("z folds the reply tree: press t to show it first.", markup=False)
            return
        self.listing.toggle_fold_all()
        keep = self.listing.landing(self.current) if self.current is not None else None
        self._refilter(keep=keep)

    # ----- read and unread --------------------------------------------------------------------

    def start_reading(self, number: int) -> None:
        """Post `number` is open: it counts as read once it stays open `READ_AFTER` seconds."""
        if self._read_timer is not None:
            self._read_timer.stop()
        if self.listing is not None and not self.listing.is_read(number):
            self._read_timer = self.set_timer(READ_AFTER, lambda: self._mark_read(number))

    def _mark_read(self, number: int) -> None:
        if self.listing is None or not self.listing.mark_read(number):
            return
        self.unread = self.listing.unread_count()
        self.post_list.refresh_rows()

    def action_next_unread(self) -> None:
        if self.listing is None:
            return
        unread = self.listing.unread()
        target = next_unread(self.post_list.numbers, self.current, unread)
        if target is not None:
            self.go(target)
            return
        hidden = len(unread - {self.current})
        if hidden:
            self.notify(
                f"{plural(hidden, 'unread post')} not in the list (filter or folds).", markup=False
            )
        else:
            self.notify("No unread posts.", markup=False)

    def say_new_posts(self) -> None:
        """On opening: how many posts came since the last visit (a thread file that grew).
        Said once: the reading state is taken again when marks come back from the file's
        earlier version (`_take_earlier_ui`), and the same news was said twice."""
        new = frozenset(self.listing.new) if self.listing is not None else frozenset()
        if new and new != self._new_said:
            self._new_said = new
            count = len(new)
            self.notify(
                f"{plural(count, 'post')} new since your last visit: u goes to the next unread.",
                title="New posts",
                markup=False,
            )

    # ----- links, authors, filters, copying ---------------------------------------------------

    def action_links(self) -> None:
        from tui.links import find_links
        from tui.screens.chooser import ChooserScreen

        if not self._has_post():
            return
        assert self.doc is not None and self.current is not None
        post = self.doc.post(self.current)
        shown = [quote.text for quote in post.quotes] + [post.body, post.signature or ""]
        links = find_links("\n".join(shown))  # every address the pane shows, each once
        if not links:
            self.notify(f"#{self.current} has no web links.", markup=False)
            return
        choices = [(Content(link.url), link.url) for link in links]
        title = f"Links in #{self.current}: enter opens one in your browser"
        self.app.push_screen(ChooserScreen(title, choices), self._open_link)

    def _open_link(self, url: str | None) -> None:
        from tui.links import opens_in_terminal, safe_url, system_browser

        if url is None or safe_url(url) is None:
            return
        browser = system_browser()
        if browser is None:
            self.notify(f"No web browser found; the address is {url}", markup=False, timeout=15)
            return
        self.notify(f"Opening {url}", markup=False)
        if opens_in_terminal(browser):
            with self.app.suspend():  # the browser takes the terminal until it quits
                browser.open(url)
        else:
            browser.open(url)

    def action_author_filter(self) -> None:
        if not self._has_post():
            return
        assert self.doc is not None and self.current is not None
        author = self.doc.author(self.current)
        if not author and self.filter.author != "":
            self.notify(
                f"#{self.current} has no author name (the page did not keep it): "
                "A has no one to filter by.",
                markup=False,
            )
            return
        chosen = author_only(self.filter, author)
        self.set_filter(chosen)
        if chosen.active:
            self.notify(f"Only {chosen.describe()}; A again shows every post.", markup=False)

    def action_clear_filter(self) -> None:
        if self.filter.active:
            self.set_filter(Filter())
            self.notify("Filter cleared: every post is listed.", markup=False)

    def action_copy_words(self) -> None:
        if not self._has_post():
            return
        assert self.doc is not None and self.current is not None
        text = own_words(self.doc.post(self.current))
        if not text:
            self.notify(f"#{self.current} has no words of its own to copy.", markup=False)
            return
        self.app.copy_to_clipboard(text)
        self.notify(
            f"Copied #{self.current}'s own words ({plural(len(text), 'character')}).",
            markup=False,
        )
