"""The reader screen's jumps: follow a quote (`o`), the posts quoting this one (`r`), back and
forward along the jumps (`[`, `]`) as they were left, and the next bookmark (`'`).

A mixin of `ReaderScreen`, which owns the state these act on (document, cursor, filter, pane,
list); the jump list itself is Textual-free in `tui.history`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.content import Content

from tui.filters import Filter
from tui.history import JumpHistory, Place
from tui.search import next_match, passage_patterns
from tui.wording import plural

if TYPE_CHECKING:
    from tui.document import Document
    from tui.widgets.post_list import PostList
    from tui.widgets.reading_pane import ReadingPane


class JumpActions:
    """Mixed into ReaderScreen. Expects its `doc`, `current`, `filter`, `history`, `pane`,
    `post_list`, `go`, `_refilter`, `_has_post`, `save_ui`, `notify`, `app`."""

    if TYPE_CHECKING:
        doc: Document | None
        current: int | None
        filter: Filter
        history: JumpHistory
        pane: ReadingPane
        post_list: PostList
        app: Any

        def go(self, number: int, *, record: bool = True) -> None: ...
        def _refilter(self, *, keep: int | None) -> None: ...
        def _has_post(self) -> bool: ...
        def save_ui(self) -> None: ...
        def notify(self, message: str, **options: Any) -> None: ...

    def _post_label(self, number: int) -> Content:
        assert self.doc is not None
        return Content(self.doc.label(number))

    def action_follow_quote(self) -> None:
        from tui.screens.chooser import ChooserScreen

        if not self._has_post():
            return
        assert self.doc is not None and self.current is not None
        targets = self.doc.targets(self.current)
        if not targets:
            self.notify(f"#{self.current} quotes no other post in this thread.", markup=False)
        elif len(targets) == 1:
            self._follow(self.current, targets[0])
        else:
            origin = self.current
            choices = [(self._post_label(n), n) for n in targets]
            self.app.push_screen(
                ChooserScreen(f"#{origin} quotes {len(targets)} posts: follow which?", choices),
                lambda number: self._follow(origin, number),
            )

    def _follow(self, quoting: int | None, quoted: int | None, *, to_quoting: bool = False) -> None:
        """Go to the quoted post (or, `to_quoting`, to the quoting one) with the passage the
        quote repeats marked and in view; None (a chooser cancelled) stays."""
        if quoting is None or quoted is None or self.doc is None:
            return
        quote = next((q for q in self.doc.post(quoting).quotes if q.target == quoted), None)
        target = quoting if to_quoting else quoted
        if quote is not None:
            self.pane.follow_passage(target, passage_patterns(quote.text))
        self.go(target)

    def action_quoted_by(self) -> None:
        from tui.screens.chooser import ChooserScreen

        if not self._has_post():
            return
        assert self.doc is not None and self.current is not None
        quoting = self.doc.quoted_by.get(self.current, [])
        if not quoting:
            self.notify(f"No later post quotes #{self.current}.", markup=False)
            return
        quoted = self.current
        choices = [(self._post_label(n), n) for n in quoting]
        verb = "quote" if len(quoting) > 1 else "quotes"
        title = f"{plural(len(quoting), 'post')} {verb} #{quoted}"
        self.app.push_screen(
            ChooserScreen(title, choices),
            lambda number: self._follow(number, quoted, to_quoting=True),
        )

    def action_back(self) -> None:
        if self.current is None:
            return
        target = self.history.back(self.current)
        if target is None:
            self.notify("Nothing to go back to.", markup=False)
        else:
            self._return_to(target)

    def action_forward(self) -> None:
        if self.current is None:
            return
        target = self.history.forward(self.current)
        if target is None:
            self.notify("Nothing to go forward to.", markup=False)
        else:
            self._return_to(target)

    def _leave(self, target: int) -> None:
        """Note how the open post is left for `target`: its scroll, and the filter when the
        jump is about to clear it to show `target`."""
        origin = self.current
        if origin is None or origin == target:
            return
        shown = self.pane.view
        scroll = self.pane.scroll_y if shown is not None and shown.post.number == origin else 0
        hidden = self.post_list.index_of(target) is None and self.filter.active
        self.history.leave(origin, Place(scroll, self.filter if hidden else None))

    def _return_to(self, target: int) -> None:
        """Back or forward to `target` as it was left: scrolled where it was, and with the
        filter a jump from it cleared, unless the user has set another filter since."""
        place = self.history.places.get(target, Place())
        self._leave(target)
        if place.filter is not None and not self.filter.active:
            self.filter = place.filter
            self.current = target
            self._refilter(keep=target)
            self.save_ui()
            self.notify(f"Filter back on: {place.filter.describe()}.", markup=False)
        shown = self.pane.view
        if shown is not None and shown.post.number == target:
            self.pane.scroll_to(y=place.scroll, animate=False)
        else:
            self.pane.scroll_on_show = place.scroll
        self.go(target, record=False)

    def action_next_bookmark(self) -> None:
        if not self._has_post():
            return
        assert self.doc is not None and self.current is not None
        target = next_match(self.doc.bookmarks(), self.current, 1)
        if target is None:
            self.notify("No bookmarks yet.", markup=False)
        elif target == self.current:
            self.notify(f"#{target} is the only bookmark.", markup=False)
        else:
            self.go(target)
