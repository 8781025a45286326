"""The scorecard screen: who argues with evidence and who only asserts, at a glance.

Pushed by the reader on `s`. It dismisses with the chosen row as a typed choice (an author to
filter the list by, or the one post of a row whose author is unknown), or None on escape.
Every number comes from `tui.scorecard_view`, which applies the user's verdict overrides.
"""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar, cast, get_args

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Container
from textual.widgets import DataTable, Footer, Static
from textual.widgets.data_table import ColumnKey

from parsing.models import Thread
from scoring.models import Scorecard
from scoring.tally import effective_tallies
from tui.filters import AuthorChoice, PostChoice, ScorecardChoice
from tui.scorecard_view import (
    AuthorRow,
    SortKey,
    author_rows,
    describe_authors,
    describe_row,
    effective_verdicts,
    format_answered,
    format_rate,
    format_rating,
    plural,
    sort_rows,
    thread_summary,
)
from tui.screens.dialog import OnceScreen
from tui.screens.scorecard_keys import SCORECARD_BINDINGS, SORT_KEYS
from tui.verdicts import LOOKS
from tui.widgets.evidence_chart import EvidenceChart
from tui.widgets.thread_strip import ThreadStrip

COLUMNS: tuple[tuple[SortKey, str, str], ...] = (
    ("author", "Author", "Author"),
    ("posts", "Posts", "Posts"),
    ("evidenced", "Evidenced", "Evid."),
    ("reasoned", "Reasoned", "Reas."),
    ("asserted", "Asserted", "Assert."),
    ("challenges", "Challenges", "Chall."),
    ("answered", "Answered", "Ans."),
    ("rate", "Evid. rate", "Rate"),
    ("rating", "Rating", "Rating"),
)
"""Table columns: sort key (clicking a header sorts by it), wide label, narrow label."""

WIDE = 120
"""Screen width from which the table sits beside the chart."""

WIDE_LABELS = 150
"""Screen width from which the table has room for its long headers beside the chart."""

AUTHOR_WIDTH = 24
NARROW_AUTHOR_WIDTH = 18
"""Longer names are cut in the table and the chart; the reader filters on the full name."""


class NameCell(Text):
    """An author's cell that knows its row, so the table can be re-sorted without rebuilding."""

    def __init__(self, name: str, index: int) -> None:
        super().__init__(name, no_wrap=True)
        self.index = index


class ScorecardScreen(OnceScreen[ScorecardChoice | None]):
    """Thread totals, the thread strip, the author table and the evidence chart."""

    CSS_PATH = "scorecard.tcss"
    BINDING_GROUP_TITLE = "Scorecard"
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]] | None] = [
        (0, "-narrow"),
        (WIDE, "-wide"),
    ]
    VERTICAL_BREAKPOINTS: ClassVar[list[tuple[int, str]] | None] = [(0, "-short"), (40, "-tall")]

    BINDINGS: ClassVar[list[BindingType]] = SCORECARD_BINDINGS

    def __init__(
        self,
        thread: Thread,
        scorecard: Scorecard,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.thread = thread
        self.scorecard = scorecard
        self._tallies = effective_tallies(scorecard)
        self._rows = author_rows(scorecard, thread, self._tallies)
        self._shown: list[AuthorRow] = list(self._rows)
        self.sort_key: SortKey = "order"
        self.sort_reverse = False
        self._wide_labels = False
        if not any(row.known for row in self._rows):
            self._rows_are_posts()

    def _rows_are_posts(self) -> None:
        """Where the page kept no author names, each row is a post and enter opens it: the
        footer said "⏎ Show their posts"."""
        for key, bindings in self._bindings.key_to_bindings.items():
            self._bindings.key_to_bindings[key] = [
                replace(b, description="Open the post", tooltip="Back to the thread, at this post")
                if b.id == "scorecard.choose"
                else b
                for b in bindings
            ]

    def compose(self) -> ComposeResult:
        title = Text(self.thread.title or self.scorecard.title or "Untitled thread", style="bold")
        title.append("  scorecard", style="not bold")
        yield Static(title, id="title")
        yield Static(self._totals_text(), id="totals")
        yield ThreadStrip(effective_verdicts(self.scorecard), id="strip")
        yield Static(id="detail")
        with Container(id="body"):
            table: DataTable[Text] = DataTable(id="authors", cursor_type="row", zebra_stripes=True)
            table.border_title = self._table_title()
            yield table
            yield EvidenceChart(self._rows, id="chart")
        yield Footer()

    def on_mount(self) -> None:
        tables = self.query("#authors").results(DataTable)
        table = next(tables, None)
        if table is None:
            return  # the app quit while this screen was opening: its widgets are gone
        self._fill_table()
        table.focus()

    def on_resize(self) -> None:
        if not self.query("#authors"):
            return
        if (self.size.width >= WIDE_LABELS) != self._wide_labels:
            self._fill_table()

    def _table_title(self) -> str:
        """Say what a row is: `#N` rows are single posts whose author the page did not keep."""
        known = sum(row.known for row in self._rows)
        if known == len(self._rows):
            return "Authors"
        if not known:
            return "Posts (authors unknown: one row per post)"
        return "Authors (#N: a post with no author)"

    def _totals_text(self) -> Text:
        """Two lines: size, evidence rate and ratings; then verdicts and the user's other marks."""
        summary = thread_summary(self.scorecard, self._tallies)
        if not summary.posts and self.thread.posts:
            return Text(
                f"{plural(len(self.thread.posts), 'post')}, not scored yet: "
                "scoring runs in the background, so come back in a moment."
            )
        authors = describe_authors(summary.authors, summary.anonymous)
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(f"{plural(summary.posts, 'post')} · {authors} · evidence rate ")
        text.append(format_rate(summary.evidence_rate), style="bold")
        text.append(f" · rated {len(summary.ratings)}, mean {format_rating(summary.mean_rating)}")
        text.append("\n")
        for verdict, count in summary.verdicts.items():
            seen = LOOKS[verdict]
            text.append(f"{seen.glyph} {seen.word} ")
            text.append(str(count), style="bold")
            text.append(" ")
        text.append(
            f"· {plural(summary.overrides, 'override')} · {plural(summary.bookmarks, 'bookmark')}"
        )
        return text

    def _fill_table(self) -> None:
        """Build the table (at mount, and when the width calls for other headers)."""
        table = self.query_one("#authors", DataTable)
        current = self._cursor_row()
        self._shown = sort_rows(self._rows, self.sort_key, self.sort_reverse)
        table.clear(columns=True)
        self._wide_labels = self.size.width >= WIDE_LABELS
        longest = max((len(row.author) for row in self._rows), default=0)
        name_width = min(AUTHOR_WIDTH if self._wide_labels else NARROW_AUTHOR_WIDTH, longest)
        for key, _, _ in COLUMNS:
            label = self._label(key)
            if key == "author":
                table.add_column(label, key=key, width=max(label.cell_len, name_width))
            else:
                table.add_column(label, key=key)
        index = {id(row): i for i, row in enumerate(self._rows)}
        for row in self._shown:
            table.add_row(*self._cells(row, index[id(row)], max(name_width, 1)))
        self._after_reorder(current)

    def _label(self, key: SortKey) -> Text:
        """A header; the sorted one is underlined (an arrow would change the column's width)."""
        wide, narrow = next((w, n) for k, w, n in COLUMNS if k == key)
        label = Text(wide if self._wide_labels else narrow)
        if key == self.sort_key:
            label.stylize("underline")
        if key != "author":
            label.justify = "right"
        return label

    def _sort_hint(self) -> str:
        what = next(w for _, k, w in SORT_KEYS if k == self.sort_key)
        arrow = "▲" if self.sort_reverse else "▼"
        return f"by {what} {arrow} · keys {' '.join(k for k, _, _ in SORT_KEYS)} or a header"

    def _resort(self) -> None:
        """Reorder the rows in place: re-adding them costs seconds on a 10k-post thread."""
        table = self.query_one("#authors", DataTable)
        current = self._cursor_row()
        self._shown = sort_rows(self._rows, self.sort_key, self.sort_reverse)
        index = {id(row): i for i, row in enumerate(self._rows)}
        position = {index[id(row)]: place for place, row in enumerate(self._shown)}
        for key, _, _ in COLUMNS:
            table.columns[ColumnKey(key)].label = self._label(key)
        table.sort("author", key=lambda cell: position[cell.index])
        self._after_reorder(current)

    def _after_reorder(self, current: AuthorRow | None) -> None:
        self.query_one("#authors", DataTable).border_subtitle = self._sort_hint()
        self.query_one("#chart", EvidenceChart).set_rows(self._shown)
        if current is not None:
            table = self.query_one("#authors", DataTable)
            table.move_cursor(row=self._shown.index(current), animate=False)
        self._sync_chart()

    @staticmethod
    def _cells(row: AuthorRow, index: int, name_width: int) -> list[Text]:
        """Table cells as `Text`: a `str` cell would be read as markup, and names are forum text."""
        numbers = [
            str(row.posts),
            str(row.evidenced),
            str(row.reasoned),
            str(row.asserted),
            str(row.challenges),
            format_answered(row),
            format_rate(row.evidence_rate),
            format_rating(row.mean_rating),
        ]
        name = NameCell(row.author, index)
        name.truncate(name_width, overflow="ellipsis")
        return [name, *(Text(n, justify="right") for n in numbers)]

    def _cursor_row(self) -> AuthorRow | None:
        if not self.is_mounted:
            return None
        table = self.query_one("#authors", DataTable)
        if not self._shown or table.row_count == 0:
            return None
        return self._shown[min(table.cursor_row, len(self._shown) - 1)]

    def _sync_chart(self) -> None:
        """Follow the table cursor in the chart and in the detail line below them."""
        table = self.query_one("#authors", DataTable)
        chart = self.query_one("#chart", EvidenceChart)
        chart.highlighted = table.cursor_row if table.row_count else None
        row = self._cursor_row()
        detail = Text(describe_row(row) if row is not None else "", no_wrap=True)
        self.query_one("#detail", Static).update(detail)

    @on(DataTable.RowHighlighted, "#authors")
    def _row_highlighted(self) -> None:
        self._sync_chart()

    @on(DataTable.RowSelected, "#authors")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_choose()

    @on(DataTable.HeaderSelected, "#authors")
    def _header_selected(self, event: DataTable.HeaderSelected) -> None:
        event.stop()
        key = event.column_key.value if isinstance(event.column_key, ColumnKey) else None
        if key is not None:
            self.action_sort(key)

    @on(EvidenceChart.AuthorClicked)
    def _chart_clicked(self, event: EvidenceChart.AuthorClicked) -> None:
        self.query_one("#authors", DataTable).move_cursor(row=event.index)

    def action_choose(self) -> None:
        """Dismiss with the highlighted author so the reader shows only their posts."""
        row = self._cursor_row()
        if row is None:
            return
        if row.known or not row.post_numbers:
            self.dismiss(AuthorChoice(row.author))
        else:
            self.dismiss(PostChoice(row.post_numbers[0]))

    def action_close(self) -> None:
        self.dismiss(None)

    def action_cursor(self, direction: str) -> None:
        table = self.query_one("#authors", DataTable)
        if direction == "down":
            table.action_cursor_down()
        else:
            table.action_cursor_up()

    def action_sort(self, key: str) -> None:
        """Sort by `key`; the same key again flips the order."""
        if key not in get_args(SortKey):
            return
        sort_key = cast(SortKey, key)
        self.sort_reverse = not self.sort_reverse if sort_key == self.sort_key else False
        self.sort_key = sort_key
        self._resort()
