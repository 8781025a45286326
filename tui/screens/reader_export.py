"""The reader screen's scorecard screen (`s`, kept between openings while the card is the same)
and export (`e`: the box, then writing off the UI thread); both wait for the scores.

A mixin of `ReaderScreen`, which owns the document and the loading state these read;
`action_scorecard` itself stays on the screen beside the loading it waits for.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import work
from textual.screen import Screen

from tui.filters import AuthorChoice, Filter, PostChoice, ScorecardChoice
from tui.messages import Exported, ExportProgress
from tui.state import thread_name

if TYPE_CHECKING:
    from scoring.models import Scorecard
    from tui.document import Document
    from tui.screens.export import ExportChoice


class ExportActions:
    """Mixed into ReaderScreen. Expects its `doc`, `scored`, `loading_done`, `busy`,
    `_scorecard`, `go`, `set_filter`, `_keep`, `notify`, `app`, `post_message`."""

    _exporting: Path | None = None
    """Where the export under way writes (its progress names the file)."""

    if TYPE_CHECKING:
        doc: Document | None
        scored: bool
        loading_done: bool
        busy: str
        _scorecard: tuple[Scorecard, Screen[ScorecardChoice | None]] | None
        app: Any

        def go(self, number: int, *, record: bool = True) -> None: ...
        def set_filter(self, chosen: Filter) -> None: ...
        def _keep(self, action: str, needs: str) -> None: ...
        def notify(self, message: str, **options: Any) -> None: ...
        def post_message(self, message: Any) -> bool: ...

    def _scores_needed(self, action: str, *, or_failed: bool = False) -> bool:
        """The scorecard and the export need the scores: keyed while the scorer runs, `action`
        is kept and run when they are in.

        `or_failed`: go ahead without scores when scoring failed (an export still saves marks).
        """
        if self.scored and self.doc is not None and self.doc.card is not None:
            return True
        if or_failed and self.loading_done and self.doc is not None and self.doc.card is not None:
            return True
        if self.loading_done:
            self.notify("Scoring failed, so there is no scorecard.", markup=False)
        else:
            self._keep(action, "scores")
        return False

    async def _open_scorecard(self) -> None:
        self.busy = ""
        if self.doc is None or self.doc.card is None:
            return
        screen = await self._scorecard_screen(self.doc.card)
        self.app.push_screen(screen, self._scorecard_closed)

    async def _scorecard_screen(self, card: Scorecard) -> Screen[ScorecardChoice | None]:
        """The scorecard screen for `card`: kept between openings while the card is the same
        (at 10,000 posts counting and drawing it takes most of a second), built anew after any
        change to scores or marks. It keeps its sort and cursor meanwhile."""
        from tui.screens.scorecard import ScorecardScreen

        kept = self._scorecard
        if kept is not None and kept[0] is card:
            return kept[1]
        if kept is not None:
            self.app.uninstall_screen(kept[1])
            await kept[1].remove()
        assert self.doc is not None
        screen = ScorecardScreen(self.doc.thread, card, id="scorecard")
        self.app.install_screen(screen, f"scorecard-{id(screen)}")
        self._scorecard = (card, screen)
        return screen

    def _scorecard_closed(self, choice: ScorecardChoice | None) -> None:
        if choice is None or self.doc is None:
            return
        if isinstance(choice, PostChoice):
            self.go(choice.number)
        elif isinstance(choice, AuthorChoice):
            self.set_filter(Filter(author=choice.author))

    def default_export_path(self) -> Path:
        """`THREAD.scorecard.toml` beside the thread (beside the folder for a thread of several
        pages); the current folder for the demo thread."""
        from parsing.load import demo_path

        assert self.doc is not None
        source = Path(self.doc.thread.source.path)
        name = f"{thread_name(self.doc.thread.source) or 'thread'}.scorecard.toml"
        if not source.name or source == demo_path():
            return Path.cwd() / name
        return source.with_name(name)

    def action_export(self) -> None:
        from tui.screens.export import ExportScreen

        if not self._scores_needed("export", or_failed=True):
            return
        assert self.doc is not None
        source = self.doc.thread.source
        box = ExportScreen(self.default_export_path(), source.paths or [source.path])
        self.app.push_screen(box, self._exported)

    def _exported(self, choice: ExportChoice | None) -> None:
        if choice is None or self.doc is None or self.doc.card is None:
            return
        self._exporting = choice.path
        self.busy = "Exporting…"
        self._export(self.doc.card, choice)

    # Named: Textual's default description is the repr of the arguments, the whole scorecard.
    @work(thread=True, group="export", exit_on_error=False, description="export")
    def _export(self, card: Scorecard, choice: ExportChoice) -> None:
        """Serialise off the UI thread (the status line says so meanwhile); without cues a
        10k-post scorecard is 3.7 MB written in about half a second."""
        from tui.saving import export_scorecard

        assert self.doc is not None
        source = self.doc.thread.source
        said = export_scorecard(
            card,
            choice.path,
            source,
            cues=choice.cues,
            progress=lambda percent: self.post_message(ExportProgress(percent)),
        )
        self.post_message(Exported(*said))

    def on_export_progress(self, message: ExportProgress) -> None:
        """Short, so an 80-column status line with a filter and a search still shows it (the
        notice at the end names the file)."""
        if self._exporting is not None:
            self.busy = f"Exporting {message.percent}%…"

    def on_exported(self, message: Exported) -> None:
        self._exporting = None
        self.busy = ""
        if message.ok:
            self.notify(message.said, title="Exported", markup=False)
        else:
            self.notify(message.said, severity="error", markup=False)
