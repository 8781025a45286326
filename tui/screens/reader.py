"""The main screen: post list, reading pane, status line and footer, and the reader's keys.

The keys live here rather than on the App so they stop at any screen pushed on top (a modal, the
scorecard): `m` in the scorecard must not bookmark a post you cannot see. Actions run on the App,
which holds the state.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer

from tui.widgets.post_list import PostList
from tui.widgets.reading_pane import ReadingPane
from tui.widgets.status_bar import StatusBar


class ReaderScreen(Screen[None]):
    """List on the left, post on the right; the App fills them once the thread is read."""

    BINDING_GROUP_TITLE = "Reader"
    # Descriptions are short because the footer shows them; the help screen and the command
    # palette use the longer titles in tui.key_table.PALETTE_TITLES.

    BINDINGS: ClassVar[list[BindingType]] = [
        # Help comes first so the footer shows it even when a narrow terminal cuts the rest off.
        Binding("question_mark", "app.help", "Help", id="help", key_display="?"),
        Binding("tab", "app.switch_pane", "Switch pane", show=False, id="switch_pane"),
        Binding("o", "app.follow_quote", "Follow", id="follow_quote"),
        Binding("r", "app.quoted_by", "Quoted by", id="quoted_by"),
        Binding("[", "app.back", "Back", show=False, id="back", key_display="["),
        Binding("]", "app.forward", "Forward", show=False, id="forward", key_display="]"),
        Binding("m", "app.bookmark", "Bookmark", id="bookmark"),
        Binding("apostrophe", "app.next_bookmark", "Next bookmark", show=False, id="next_bookmark"),
        Binding("1", "app.rate(1)", "Rate 1", show=False, id="rate_1"),
        Binding("2", "app.rate(2)", "Rate 2", show=False, id="rate_2"),
        Binding("3", "app.rate(3)", "Rate 3", show=False, id="rate_3"),
        Binding("4", "app.rate(4)", "Rate 4", show=False, id="rate_4"),
        Binding("5", "app.rate(5)", "Rate 5", show=False, id="rate_5"),
        Binding("0", "app.rate(0)", "Clear rating", show=False, id="rate_clear"),
        Binding("a", "app.note", "Note", show=False, id="note"),
        Binding("v", "app.override", "Verdict", show=False, id="override"),
        Binding("slash", "app.search", "Search", id="search", key_display="/"),
        Binding("n", "app.next_match(1)", "Next match", show=False, id="next_match"),
        Binding("N", "app.next_match(-1)", "Previous match", show=False, id="prev_match"),
        Binding("f", "app.filter", "Filter", id="filter"),
        Binding("h", "app.toggle_highlight", "Highlight", show=False, id="highlight"),
        Binding("c", "app.fold_quotes", "Fold quotes", show=False, id="fold_quotes"),
        Binding("s", "app.scorecard", "Scores", id="scorecard"),
        Binding("e", "app.export", "Export", show=False, id="export"),
        Binding("q", "app.quit_reader", "Quit", id="quit"),
    ]

    def compose(self) -> ComposeResult:
        app = self.app
        row_for = getattr(app, "row_for", None)
        assert row_for is not None, "ReaderScreen runs inside ThreadscoreApp"
        post_list = PostList(
            row_for,
            moved=getattr(app, "cursor_moved", None),
            opened=getattr(app, "post_opened", None),
            id="posts",
        )
        pane = ReadingPane(read_on=getattr(app, "read_on", None), id="pane")
        prepare = getattr(app, "prepare_widgets", None)
        if prepare is not None:
            prepare(post_list, pane)
        with Horizontal(id="panes"):
            yield post_list
            yield pane
        yield StatusBar(id="status")
        # The palette (ctrl+p) is on the help screen; its footer key would push "? Help" off an
        # 80-column footer.
        yield Footer(compact=True, show_command_palette=False)

    async def on_mount(self) -> None:
        reader_mounted = getattr(self.app, "reader_mounted", None)
        if reader_mounted is not None:
            await reader_mounted()
