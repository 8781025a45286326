"""Saving the reader's work: the user's marks after every edit, the position after a pause.

Free of Textual: `Saver` writes and says what happened (`Saved`); the reader screen shows it.
Only the marks are written per thread (see `marks_only`); `e` exports the full scorecard.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from parsing.errors import ThreadscoreError
from tui.safe import storable
from tui.state import ThreadFiles, UiState, save_marks, save_ui_state

if TYPE_CHECKING:
    from parsing.models import Source
    from scoring.models import Scorecard
    from tui.document import Document


def marks_only(card: Scorecard) -> Scorecard:
    """The scorecard as kept per thread: header and the user's marks, no scores or tallies.

    Scores are recomputed on every open, and at 10k posts they are 18 MB of TOML (tallies alone
    200 KB) that would take seconds to write, and to re-read for the safety check, per keypress.
    """
    return storable_card(
        card.model_copy(update={"posts": [], "authors": [], "totals": type(card.totals)()})
    )


def storable_card(card: Scorecard) -> Scorecard:
    """The card with a source path UTF-8 can write (see `tui.safe.storable`)."""
    return card.model_copy(update={"source_path": storable(card.source_path)})


@dataclass(frozen=True)
class Saved:
    """What a save of the marks did: the status line's words, and a notice when there is one."""

    status: str
    error: bool
    notice: str | None = None
    merged: bool = False
    """Another reader's marks were taken in first: the list's rows changed."""


class Saver:
    """Writes one thread's marks and UI state to its state files (`tui.state.thread_files`)."""

    def __init__(self, files: ThreadFiles) -> None:
        self.files = files
        self.writable = True
        """False when the marks file must not be replaced (see `tui.state.LoadedLayer`)."""
        self.disk_stamp: tuple[int, int] | None = None
        """The marks file as we last read or wrote it: any other stamp is another reader's."""
        self._ui_failed = False

    def save_marks(self, doc: Document) -> Saved:
        """Write the user's layer now, merged with what another reader saved there since
        (`tui.state.save_marks`); failures are reported, never hidden."""
        if not self.writable:
            return Saved("not saved (see notice)", error=True)
        from scoring.store import ScorecardFileError

        assert doc.card is not None
        try:
            saved = save_marks(self.files.scorecard, marks_only(doc.card), doc.thread)
        except (OSError, UnicodeError, ScorecardFileError) as exc:
            return Saved("NOT SAVED", error=True, notice=f"Could not save: {exc}")
        self.disk_stamp = saved.stamp
        notices = []
        if saved.aside is not None:
            notices.append(f"An unreadable scorecard was kept as {saved.aside.name}.")
        if saved.merged:  # another reader on this thread saved: its marks are ours now too
            doc.merge_saved(saved.layer)
            notices.append(f"Another reader saved marks on this thread: {saved.merged} merged in.")
        stamp = dt.datetime.now().strftime("%H:%M:%S")
        return Saved(
            f"saved {stamp}",
            error=False,
            notice=" ".join(notices) or None,
            merged=bool(saved.merged),
        )

    def save_ui(self, state: UiState) -> str | None:
        """Write the position, filter and search; a notice on the first failure in a row only
        (it is saved after every move, and one toast per move would bury the screen)."""
        try:
            save_ui_state(self.files.ui, state)
        except OSError as exc:
            first = not self._ui_failed
            self._ui_failed = True
            return f"Could not save the reader state: {exc}" if first else None
        self._ui_failed = False
        return None


def export_scorecard(
    card: Scorecard,
    path: Path,
    source: Source,
    *,
    cues: bool = False,
    progress: Callable[[int], None] | None = None,
) -> tuple[str, bool]:
    """Write the scorecard to `path` (`e`): verdicts, reasons, tallies and marks, and each
    post's sentences and cues when `cues`. Returns the notice to show and whether it was
    written. Refuses a folder, the thread itself or someone else's file (`check_output`).
    `progress` is told the percentage written each time it goes up."""
    from scoring.store import check_output, save_scorecard

    said = [-1]

    def percent(share: float) -> None:
        now = int(share * 100)
        if progress is not None and now > said[0]:
            said[0] = now
            progress(now)

    try:
        aside = save_scorecard(
            storable_card(card),
            check_output(path, source.paths or [source.path]),
            cues=cues,
            progress=percent,
        )
    except ThreadscoreError as exc:
        return f"Not exported: {exc}", False
    except OSError as exc:
        return f"Export failed: {exc.strerror or exc}", False
    said = f"Scorecard written to {path}"
    if aside is not None:
        said += f" (the damaged file there was kept as {aside.name})"
    return said, True
