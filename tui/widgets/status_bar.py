"""The status line: where you are, what the list is filtered by, and whether your work is saved."""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from tui.safe import one_line


@dataclass(frozen=True)
class Status:
    """Everything the status line reports; the reader screen computes it from its state."""

    position: int | None = None
    shown: int = 0
    total: int = 0
    filter: str = ""
    search: str = ""
    match_index: int | None = None
    match_count: int = 0
    saved: str = ""
    save_error: bool = False
    underway: str = ""
    """What the reader is doing now (scoring, counting, exporting): shown right after the
    position, so an 80-column line with a filter and a search still shows it."""
    busy: str = ""
    title: str = ""
    unread: int = 0


class StatusBar(Widget):
    """One line under the panes; plain Content so filter and search text cannot inject markup.

    `status` is bound to the reader screen's (`data_bind`): the line follows the screen's state.
    """

    status: reactive[Status] = reactive(Status, layout=False)
    """A new status only repaints this line (one line high): no layout pass per key."""

    def render(self) -> Content:
        return self.render_status(self.status)

    @staticmethod
    def render_status(status: Status) -> Content:
        if status.busy:
            return Content(status.busy).stylize("italic")
        parts: list[Content] = []
        if status.position is not None:
            where = f"#{status.position} of {status.total}"
        else:
            where = f"{status.total} posts"
        if status.shown != status.total:
            where += f" · {status.shown} shown"
        parts.append(Content(where).stylize("bold"))
        if status.underway:
            parts.append(Content(status.underway).stylize("italic"))
        if status.unread:
            parts.append(Content(f"{status.unread} unread"))
        if status.filter:
            parts.append(Content(f"filter: {one_line(status.filter)}"))
        if status.search:
            found = (
                f"{status.match_index}/{status.match_count}"
                if status.match_index is not None
                else f"{status.match_count} found"
            )
            parts.append(Content(f"/{one_line(status.search)} {found}"))
        if status.saved:
            style = "$error bold" if status.save_error else "$text-muted"
            parts.append(Content(status.saved).stylize(style))
        if status.title:
            parts.append(Content(one_line(status.title)).stylize("italic $text-muted"))
        return Content(" │ ").join(parts)
