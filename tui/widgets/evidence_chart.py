"""Evidence versus assertion per author: one stacked bar per author, drawn line by line.

A Line API widget (like DataTable) so a thread with thousands of unnamed posters, one group per
post, still scrolls without a widget per row. Names are forum text: drawn as `Text`, never markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.scorecard_view import AuthorRow, format_rate, split_cells
from tui.verdicts import LOOKS, VERDICTS, component_classes, legend, verdict_css

LABEL_MAX = 24
RATE_WIDTH = 5


class EvidenceChart(ScrollView, can_focus=False):
    """Bars scaled to the busiest author, split by effective verdict, then the evidence rate.

    The first line is a fixed header, like a table's, so that beside the author table each bar
    sits on the same line as its row.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *component_classes("evidence-chart"),
        "evidence-chart--cursor",
        "evidence-chart--header",
    }

    DEFAULT_CSS = """
    EvidenceChart {
        height: 1fr;
        overflow-x: hidden;
    }
    EvidenceChart > .evidence-chart--cursor { background: $block-cursor-blurred-background; }
    EvidenceChart > .evidence-chart--header { color: $foreground 60%; text-style: bold; }
    """ + verdict_css("EvidenceChart", "evidence-chart")

    highlighted: reactive[int | None] = reactive(None)
    """Index of the row the author table's cursor is on; kept in view."""

    class AuthorClicked(Message):
        """The user clicked an author's bar (the screen moves the table cursor there)."""

        def __init__(self, index: int, author: str) -> None:
            super().__init__()
            self.index = index
            self.author = author

    def __init__(
        self,
        rows: Sequence[AuthorRow] = (),
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._rows: list[AuthorRow] = []
        self._longest = 0
        self._scale = 0
        self._take(rows)

    def _take(self, rows: Sequence[AuthorRow]) -> None:
        """Keep the rows and what every line needs from all of them (not O(rows) per line)."""
        self._rows = list(rows)
        self._longest = max((len(r.author) for r in self._rows), default=0)
        self._scale = max((r.posts for r in self._rows), default=0)
        self.border_title = legend(any(r.verdicts.get("not-scored") for r in self._rows))

    @property
    def rows(self) -> list[AuthorRow]:
        return list(self._rows)

    def set_rows(self, rows: Sequence[AuthorRow]) -> None:
        """Replace the rows (after a sort, or a changed scorecard) and redraw."""
        self._take(rows)
        self._size_to_rows()
        self.refresh()

    def _size_to_rows(self) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, len(self._rows) + 1)

    def on_mount(self) -> None:
        self._size_to_rows()

    def on_resize(self) -> None:
        self._size_to_rows()
        self._scroll_to_highlight()

    def watch_highlighted(self) -> None:
        self._scroll_to_highlight()
        self.refresh()

    def _scroll_to_highlight(self) -> None:
        index = self.highlighted
        height = self.scrollable_content_region.height - 1
        if index is None or height <= 0:
            return
        top = round(self.scroll_y)
        if index < top:
            self.scroll_to(y=index, animate=False)
        elif index >= top + height:
            self.scroll_to(y=index - height + 1, animate=False)

    def _widths(self, width: int) -> tuple[int, int]:
        """Columns for the names and for the longest bar, in a line `width` cells wide."""
        label_width = min(LABEL_MAX, self._longest, max(4, width // 3))
        return label_width, max(0, width - label_width - RATE_WIDTH - 2)

    def header_text(self, width: int) -> Text:
        """What the bars measure: posts, and how many the longest bar stands for."""
        label_width, bar_width = self._widths(width)
        line = Text(" " * (label_width + 1), no_wrap=True, end="")
        line.append(f"posts (longest bar: {self._scale})"[:bar_width].ljust(bar_width))
        line.append(" " + "rate".rjust(RATE_WIDTH))
        line.truncate(width, pad=True)
        return line

    def row_text(self, index: int, width: int) -> Text:
        """One author's line, exactly `width` cells: name, stacked bar, evidence rate."""
        row = self._rows[index]
        label_width, bar_width = self._widths(width)
        counts = [row.verdicts.get(v, 0) for v in VERDICTS]
        line = Text(row.author, no_wrap=True, end="")
        line.truncate(label_width, overflow="ellipsis", pad=True)
        line.append(" ")
        bar = split_cells(counts, self._scale, bar_width)
        for verdict, cells in zip(VERDICTS, bar, strict=True):
            if cells:
                style = self.get_component_rich_style(f"evidence-chart--{verdict}")
                line.append(LOOKS[verdict].glyph * cells, style)
        line.pad_right(label_width + 1 + bar_width - line.cell_len)
        line.append(f" {format_rate(row.evidence_rate):>{RATE_WIDTH}}")
        line.truncate(width, pad=True)
        return line

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        index = y - 1 + round(self.scroll_y)
        if width <= 0 or index >= len(self._rows):
            return Strip.blank(width, base)
        if y == 0:
            text = self.header_text(width)
            text.stylize_before(self.get_component_rich_style("evidence-chart--header"))
        else:
            text = self.row_text(index, width)
        if y and index == self.highlighted:
            text.stylize_before(self.get_component_rich_style("evidence-chart--cursor"))
        segments = [
            Segment(seg.text, base + seg.style if seg.style else base)
            for seg in text.render(self.app.console)
        ]
        return Strip(segments).adjust_cell_length(width, base)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = offset.y - 1 + round(self.scroll_y)
        if offset.y and 0 <= index < len(self._rows):
            self.post_message(self.AuthorClicked(index, self._rows[index].author))
