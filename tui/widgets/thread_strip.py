"""The thread at a glance: each post's verdict in page order, and how well argued each stretch is.

The top row colours every post (or every even run of posts, when the thread is wider than the
screen) by its verdict. Below it, a bar chart of the evidence rate around each cell, so a debate
that starts with sources and decays into assertion shows as a falling line. The chart takes
whatever height the screen gives the widget: one row of sparks on a small terminal, more on a
tall one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.widget import Widget

from scoring.models import Verdict
from tui.scorecard_view import Slice, thread_slices, window_rates
from tui.verdicts import LOOKS, component_classes, verdict_css

LABEL_WIDTH = 10
MAX_CELL = 8
"""A short thread is stretched over the width, but not into slabs that no longer read as posts."""
EIGHTHS = " ▁▂▃▄▅▆▇█"


class ThreadStrip(Widget):
    """Verdict row, evidence-rate chart (one or more rows) and the post-number axis."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *component_classes("thread-strip"),
        "thread-strip--label",
    }

    DEFAULT_CSS = """
    ThreadStrip {
        height: 3;
    }
    ThreadStrip > .thread-strip--label { color: $foreground 60%; }
    """ + verdict_css("ThreadStrip", "thread-strip")

    def __init__(
        self,
        verdicts: Sequence[Verdict] = (),
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._verdicts: list[Verdict] = list(verdicts)

    def set_verdicts(self, verdicts: Sequence[Verdict]) -> None:
        """Redraw for new effective verdicts (after the user overrides one)."""
        self._verdicts = list(verdicts)
        self.refresh()

    def cells(self, width: int) -> tuple[list[Slice], int]:
        """The runs of posts drawn, and how many columns each gets, in a strip `width` wide."""
        room = max(0, width - LABEL_WIDTH)
        slices = thread_slices(self._verdicts, room)
        cell = min(MAX_CELL, room // len(slices)) if slices else 0
        return slices, cell

    def _label(self, text: str) -> Text:
        style = self.get_component_rich_style("thread-strip--label")
        return Text(text.ljust(LABEL_WIDTH)[:LABEL_WIDTH], style=style, no_wrap=True, end="")

    def render(self) -> Text:
        width, height = self.content_region.width, self.content_region.height
        chart_rows = max(1, height - 2)
        slices, cell = self.cells(width)
        glyphs = cell - 1 if cell >= 3 else cell
        gap = " " * (cell - glyphs)
        style = {v: self.get_component_rich_style(f"thread-strip--{v}") for v in LOOKS}

        verdict_row = self._label("verdicts")
        for part in slices:
            verdict = part.dominant
            verdict_row.append(LOOKS[verdict].glyph * glyphs, style[verdict])
            verdict_row.append(gap)

        labels = [""] * chart_rows
        if chart_rows == 1:
            labels[0] = "evidence"
        else:
            labels[0], labels[-1] = "evid 100%", "rate   0%"
        chart = [self._label(label) for label in labels]
        for rate in window_rates(self._verdicts, slices):
            eighths = 0 if rate is None else round(rate * chart_rows * 8)
            for row, line in enumerate(chart):
                fill = min(8, max(0, eighths - (chart_rows - 1 - row) * 8))
                if rate == 0 and row == chart_rows - 1:
                    line.append(EIGHTHS[1] * glyphs, style["asserted"])
                else:
                    line.append(EIGHTHS[fill] * glyphs, style["evidenced"])
                line.append(gap)

        axis = self._label("post")
        if slices:
            first, last = str(slices[0].first), str(slices[-1].last)
            axis.append(first)
            axis.append(last.rjust(max(1, cell * len(slices) - len(gap) - len(first))))
        return Text("\n", no_wrap=True).join([verdict_row, *chart, axis])
