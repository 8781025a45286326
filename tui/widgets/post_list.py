"""The post list: one line per post, drawn with the Line API.

A widget per post costs seconds and hundreds of MB at 10k posts (ListView); a ScrollView that
renders only the visible lines costs ~2 ms a key at any size. The list shows post numbers in
`numbers` (the filtered view) and asks `row_for` for each visible row's data.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.verdicts import LOOKS, component_classes, look, verdict_css

MAX_MARKERS = 3

NARROW_WIDTH = 40
"""Below this width (an 80-column terminal) author names get a fifth of the row, not a quarter."""

MAX_INDENT = 8
"""Tree levels deeper than this are drawn at this indent (a reply chain can be 100 deep)."""

MIN_PREVIEW = 12
"""The "↩ #N" marker gives way before the post's first words shrink below this many cells."""

DATE_MIN_WIDTH = 70
"""The list shows each post's date only when it is at least this wide (a wide terminal)."""


@dataclass(frozen=True)
class Row:
    """What one list line shows. Text fields are already cleaned and on one line."""

    number: int
    author: str
    verdict: str | None
    overridden: bool
    rating: int | None
    bookmarked: bool
    preview: str
    targets: tuple[int, ...]
    has_note: bool = False
    date: str = ""
    unread: bool = False
    new: bool = False
    """Added to the thread since the last visit (and not read yet)."""
    depth: int | None = None
    """The post's level in the reply tree; None in page order."""
    folded: int = 0
    """In the tree: how many replies its folded subtree hides."""
    replies: bool = False
    """In the tree: whether it has replies (folded or not)."""


def fit(text: str, width: int) -> str:
    """`text` cut to `width` cells with an ellipsis, padded to exactly `width`."""
    if width <= 0:
        return ""
    if cell_len(text) > width:
        return set_cell_size(text, width - 1) + "…"
    return set_cell_size(text, width)


def marker_text(targets: Sequence[int]) -> str:
    """The "↩ #N" marker for the posts a post quotes, capped so it never eats the row."""
    if not targets:
        return ""
    shown = " ".join(f"#{n}" for n in targets[:MAX_MARKERS])
    more = "…" if len(targets) > MAX_MARKERS else ""
    return f"↩ {shown}{more}"


def unread_mark(row: Row) -> str:
    """ "N" for a post new since the last visit, "•" for one not read yet, else blank."""
    if row.new:
        return "N"
    return "•" if row.unread else " "


def tree_prefix(row: Row) -> str:
    """Indent by tree level (capped), then "▸" for a folded subtree, "▾" for an open one."""
    depth = min(row.depth or 0, MAX_INDENT)
    glyph = "▸" if row.folded else ("▾" if row.replies else "·")
    return " " * depth + glyph + " "


class PostList(ScrollView, can_focus=True):
    """Posts, a line each; the cursor is an index into `numbers`."""

    BINDING_GROUP_TITLE = "Post list"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "move(1)", "Down", show=False, id="list.down"),
        Binding("up,k", "move(-1)", "Up", show=False, id="list.up"),
        Binding("pagedown,ctrl+f", "page(1)", "Page down", show=False, id="list.page_down"),
        Binding("pageup,ctrl+b", "page(-1)", "Page up", show=False, id="list.page_up"),
        Binding("g,home", "first", "First post", show=False, id="list.first"),
        Binding("G,end", "last", "Last post", show=False, id="list.last"),
        Binding("enter", "open", "Open", id="list.open"),
        Binding("left,h", "tree_step(-1)", "Fold or up", show=False, id="list.tree_left"),
        Binding("right,l", "tree_step(1)", "Unfold or down", show=False, id="list.tree_right"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "postlist--cursor",
        "postlist--cursor-blurred",
        "postlist--number",
        "postlist--author",
        "postlist--rating",
        "postlist--bookmark",
        "postlist--marker",
        "postlist--match",
        *component_classes("postlist"),
    }
    DEFAULT_CSS = verdict_css("PostList", "postlist", bold=True)

    cursor: reactive[int] = reactive(0, repaint=False, init=False)

    class Highlighted(Message):
        """The cursor moved onto a post (by key, click or program)."""

        def __init__(self, number: int, jump: bool) -> None:
            super().__init__()
            self.number = number
            self.jump = jump

    class Opened(Message):
        """The user asked to read the post under the cursor (enter or double click)."""

        def __init__(self, number: int) -> None:
            super().__init__()
            self.number = number

    def __init__(
        self,
        row_for: Callable[[int], Row],
        *,
        moved: Callable[[int], None] | None = None,
        opened: Callable[[int], None] | None = None,
        stepped: Callable[[int], None] | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        """`moved` is called with the new post number as the cursor moves, before any later key
        is handled: a mark keyed right after a move must land on the post under the cursor,
        which the `Highlighted` message (delivered later) cannot guarantee. `opened` likewise
        replaces the `Opened` message, so the key after enter already goes to the reading pane."""
        super().__init__(id=id, classes=classes)
        self._row_for = row_for
        self._moved = moved
        self._opened = opened
        self._stepped = stepped
        self.tree_mode = False
        """The rows are the reply tree: left/right (h/l) fold, unfold and climb it."""
        self.numbers: list[int] = []
        self._index: dict[int, int] = {}
        self.matches: frozenset[int] = frozenset()
        self._cache: LRUCache[tuple[object, ...], Strip] = LRUCache(512)
        self._generation = 0
        self._number_width = 2
        self._author_width = 1
        self._jumping = False
        self.empty_message: tuple[str, ...] = ()
        """Lines shown in place of the rows when the list is empty (a filter matching nothing)."""

    # ----- data -------------------------------------------------------------------------------

    def set_numbers(self, numbers: list[int], *, keep: int | None = None) -> None:
        """Show these posts; keep the cursor on post `keep` when it is among them."""
        self.numbers = numbers
        self._index = {n: i for i, n in enumerate(numbers)}
        top = max(numbers, default=1)
        self._number_width = len(str(top)) + 2  # a cell for the unread mark
        self.virtual_size = Size(0, len(numbers))
        self.refresh_rows()
        target = self._index.get(keep, 0) if keep is not None else 0
        self.set_reactive(PostList.cursor, min(target, max(len(numbers) - 1, 0)))
        if self.is_mounted:
            self._scroll_to_cursor()
            self.refresh()

    def on_mount(self) -> None:
        self.call_after_refresh(self._scroll_to_cursor)

    def set_author_width(self, width: int) -> None:
        self._author_width = max(1, width)
        self.refresh_rows()

    def refresh_rows(self) -> None:
        """Forget every drawn line (after a rating, bookmark or filter change)."""
        self._generation += 1
        self._cache.clear()
        if self.is_mounted:
            self.refresh()

    def notify_style_update(self) -> None:
        """The CSS changed (a new theme from the palette): the drawn rows have the old colours."""
        super().notify_style_update()
        self.refresh_rows()

    def visible_numbers(self) -> list[int]:
        """The posts on the rows the list shows now (all of them at its current height)."""
        top = self.scroll_offset.y
        return self.numbers[top : top + max(self.size.height, 1)]

    def index_of(self, number: int) -> int | None:
        return self._index.get(number)

    @property
    def current(self) -> int | None:
        """The post number under the cursor, if the list is not empty."""
        if 0 <= self.cursor < len(self.numbers):
            return self.numbers[self.cursor]
        return None

    def go_to(self, number: int, *, jump: bool = False) -> bool:
        """Put the cursor on post `number`; False when the filter hides it."""
        index = self._index.get(number)
        if index is None:
            return False
        self._jumping = jump
        if index == self.cursor:
            self.post_message(self.Highlighted(number, jump))
        self.cursor = index
        self._jumping = False
        return True

    # ----- drawing ----------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if index >= len(self.numbers):
            if not self.numbers and y < len(self.empty_message):
                style = base + self._style("number")
                return Strip([Segment(fit(f" {self.empty_message[y]}", width), style)])
            return Strip.blank(width, base)
        number = self.numbers[index]
        is_cursor = index == self.cursor
        key = (number, width, is_cursor, is_cursor and self.has_focus, self._generation)
        strip = self._cache.get(key)
        if strip is None:
            strip = self._render_row(self._row_for(number), width, is_cursor)
            self._cache[key] = strip
        return strip

    def _style(self, name: str) -> Style:
        """The component's style without its background (the row's, or the cursor's, shows
        through), but with its colour resolved: a partial style turns `$text-muted` (an `auto`
        colour) into plain white, invisible on a light theme."""
        component = f"postlist--{name}"
        colour = self.get_component_rich_style(component, partial=False).color
        return self.get_component_rich_style(component, partial=True) + Style(color=colour)

    def _cursor_style(self) -> Style:
        """The cursor row's style with its background blended as the CSS says (`$accent 40%`):
        a partial style drops the alpha, and the row was drawn on full accent, light text on
        bright orange (1.5:1) on the dark theme."""
        component = "postlist--cursor" if self.has_focus else "postlist--cursor-blurred"
        full = self.get_component_rich_style(component, partial=False)
        return self.get_component_rich_style(component, partial=True) + Style(
            color=full.color, bgcolor=full.bgcolor
        )

    def _render_row(self, row: Row, width: int, is_cursor: bool) -> Strip:
        base = self.rich_style
        if is_cursor:
            base += self._cursor_style()
        segments: list[Segment] = []

        def add(text: str, style: Style | None = None) -> None:
            segments.append(Segment(text, base + style if style else base))

        def quiet(name: str) -> Style | None:
            """Number, author and date in the row's own colour on the cursor (dim blue on
            the cursor's tint was under 2:1); elsewhere their own."""
            return None if is_cursor else self._style(name)

        matched = row.number in self.matches
        add(unread_mark(row), self._style("match"))
        add(
            f"#{row.number}".rjust(self._number_width - 1),
            self._style("match") if matched else quiet("number"),
        )
        add(" ")
        author_cap = max(6, width // (4 if width >= NARROW_WIDTH else 5))
        add(fit(row.author, min(self._author_width, author_cap)), quiet("author"))
        add(" ")
        if width >= DATE_MIN_WIDTH:
            add(fit(row.date, 10), quiet("number"))
            add(" ")
        known = row.verdict in LOOKS
        add(look(row.verdict).badge, self._style(row.verdict) if known else None)  # type: ignore[arg-type]
        add("*" if row.overridden else " ", self._style("marker"))
        add(f"★{row.rating}" if row.rating else "  ", self._style("rating"))
        add("⚑" if row.bookmarked else " ", self._style("bookmark"))
        add("✎" if row.has_note else " ", self._style("marker"))
        add(" ")
        if row.depth is not None:
            add(tree_prefix(row), self._style("marker"))
        used = sum(segment.cell_length for segment in segments)
        marker = marker_text(row.targets)
        if row.folded:
            marker = f"(+{row.folded}) {marker}".rstrip()
        room = width - used - (cell_len(marker) + 1 if marker else 0)
        if room < MIN_PREVIEW and marker:  # the pane lists the quoted posts too
            marker, room = "", width - used
        add(fit(row.preview, room))
        if marker:
            add(" ")
            add(marker, quiet("marker"))
        return Strip(segments).adjust_cell_length(width, base)

    # ----- cursor -----------------------------------------------------------------------------

    def validate_cursor(self, cursor: int) -> int:
        return max(0, min(cursor, len(self.numbers) - 1)) if self.numbers else 0

    def watch_cursor(self, old: int, new: int) -> None:
        top = self.scroll_offset.y
        width = self.size.width
        self.refresh(Region(0, old - top, width, 1), Region(0, new - top, width, 1))
        self._scroll_to_cursor()
        if (number := self.current) is not None:
            if self._moved is not None:
                self._moved(number)
            self.post_message(self.Highlighted(number, self._jumping))

    def _scroll_to_cursor(self) -> None:
        self.scroll_to_region(
            Region(0, self.cursor, 1, 1), animate=False, force=True, immediate=True
        )

    def _on_focus(self, event: events.Focus) -> None:
        self.refresh_rows()

    def _on_blur(self, event: events.Blur) -> None:
        self.refresh_rows()

    def on_resize(self, event: events.Resize) -> None:
        self._scroll_to_cursor()

    # ----- actions ----------------------------------------------------------------------------

    def action_move(self, step: int) -> None:
        self.cursor += step

    def action_page(self, step: int) -> None:
        self.cursor += step * max(1, self.scrollable_content_region.height - 1)

    def action_first(self) -> None:
        self._jumping = True
        self.cursor = 0
        self._jumping = False

    def action_last(self) -> None:
        self._jumping = True
        self.cursor = len(self.numbers) - 1
        self._jumping = False

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The tree's keys act only on the tree; elsewhere h stays the reader's (highlight)."""
        if action == "tree_step":
            return self.tree_mode and self._stepped is not None
        return True

    def action_tree_step(self, step: int) -> None:
        if self._stepped is not None:
            self._stepped(step)

    def action_open(self) -> None:
        if (number := self.current) is None:
            return
        if self._opened is not None:
            self._opened(number)
        else:
            self.post_message(self.Opened(number))

    def on_click(self, event: events.Click) -> None:
        index = self.scroll_offset.y + event.y
        if 0 <= index < len(self.numbers):
            self.cursor = index
            if event.chain > 1:
                self.action_open()
