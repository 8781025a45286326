"""Command palette entries for the reader's actions, with their current keys as help.

Titles are our own fixed words, never forum text: Textual's matcher parses titles as markup.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from tui.app import ThreadscoreApp


class ReaderCommands(Provider):
    """Every reader key as a command ("Bookmark post", "Export scorecard", ...)."""

    def _commands(self) -> list[tuple[str, str, str]]:
        app: ThreadscoreApp = self.app  # type: ignore[assignment]
        return app.palette_commands()

    def _run(self, action: str) -> partial[object]:
        """Run `action` as its key would: on the reader screen, or the App for `app.` ones."""
        app: ThreadscoreApp = self.app  # type: ignore[assignment]
        return partial(app.run_action, action, app.reader)

    async def discover(self) -> Hits:
        for title, action, keys in self._commands():
            yield DiscoveryHit(title, self._run(action), help=keys)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, action, keys in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), self._run(action), help=keys)
