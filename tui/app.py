"""The reader app: what outlives the open thread (config and key remapping, theme, command
palette, help, quitting). The thread itself, its state and the reader's actions are the reader
screen's (`tui.screens.reader`), which also loads it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingsMap, BindingType
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.theme import Theme

from tui import key_table
from tui.contrast import ReadableColours
from tui.key_order import KeysInOrder
from tui.keymap import drop_clashes, load_keymap
from tui.palette import ReaderCommands
from tui.paste import install as install_paste_filter
from tui.safe import clean
from tui.screens.reader import ReaderScreen
from tui.screens.recent import RecentScreen
from tui.screens.scorecard_keys import SCORECARD_BINDINGS
from tui.settings import load_theme, save_theme
from tui.state import config_path, home_dir
from tui.widgets.post_list import PostList
from tui.widgets.reading_pane import ReadingPane

if TYPE_CHECKING:
    from parsing.models import Thread
    from tui.loader import Scorer


class ThreadscoreApp(KeysInOrder, ReadableColours, App[None]):
    """Read one thread. `paths` as for `threadscore THREAD` (the demo thread when None).

    `thread` skips parsing, `home` replaces the state folder and `scorer` the scorer: tests use
    them to run on a fixed thread and scorecard. `recent`: with no paths, start on the list of
    recently opened threads (the demo among them) instead of the demo.
    """

    CSS_PATH = Path(__file__).with_name("app.tcss")  # absolute, so subclasses elsewhere work
    TITLE = "threadscore"
    COMMANDS = App.COMMANDS | {ReaderCommands}
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-narrow"), (120, "-wide")]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit_reader", "Quit", show=False, priority=True, id="app.quit")
    ]

    def __init__(
        self,
        paths: Sequence[str | Path] | None = None,
        *,
        thread: Thread | None = None,
        home: Path | None = None,
        scorer: Scorer | None = None,
        recent: bool = False,
        post: int | None = None,
    ) -> None:
        install_paste_filter()
        super().__init__()
        self._home = home
        self._scorer = scorer
        self._pick = recent and not paths and thread is None
        self.reader = ReaderScreen(
            list(paths) if paths else None, thread=thread, home=home, scorer=scorer, post=post
        )
        """The main screen, kept after the app ends (its state is read after a run)."""

    @property
    def load_error(self) -> str | None:
        """Why the thread could not be read (the app then ended with return code 1)."""
        return self.reader.load_error

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Textual's notify, with escape sequences and control characters removed: messages
        carry file names and saved text, and a toast is written to the terminal byte for byte."""
        super().notify(
            clean(message), title=clean(title), severity=severity, timeout=timeout, markup=markup
        )

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's palette commands, less its "Quit": the reader's own quit (which saves the
        position and warns about unsaved marks) is in the palette already."""
        for command in super().get_system_commands(screen):
            if command.title != "Quit":
                yield command

    def get_default_screen(self) -> Screen[Any]:
        if self._pick:
            from parsing.load import demo_path
            from tui.recent import load_recent, with_demo
            from tui.screens.recent import RecentScreen

            return RecentScreen(with_demo(load_recent(self._state_home()), demo_path()))
        return self.reader

    def _state_home(self) -> Path:
        return self._home if self._home is not None else home_dir()

    async def on_recent_screen_chosen(self, message: RecentScreen.Chosen) -> None:
        """A thread picked from the start-up list: the reader goes on top (quitting it quits)."""
        self.reader = ReaderScreen(list(message.paths), home=self._home, scorer=self._scorer)
        await self.push_screen(self.reader)

    def on_mount(self) -> None:
        self._apply_keymap()
        self._apply_theme()

    def _apply_theme(self) -> None:
        """The theme saved in config.toml, then save every theme chosen from now on."""
        saved = load_theme(self._config())
        if saved and saved in self.available_themes:
            self.theme = saved
        self.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_changed(self, theme: Theme) -> None:
        problem = save_theme(self._config(), theme.name)
        if problem:
            self.notify(problem, title="config.toml", severity="warning", markup=False)

    def _config(self) -> Path:
        return self._home / "config.toml" if self._home else config_path()

    def _apply_keymap(self) -> None:
        keymap, problems = load_keymap(self._config(), self.binding_ids())
        keymap, clashes = drop_clashes(self._normalize_keymap(keymap), self.binding_contexts())
        problems += clashes
        if keymap:
            self.set_keymap(keymap)
        for problem in problems:
            self.notify(problem, title="config.toml", severity="warning", markup=False)

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        where = self._config()
        hint = (
            "j/k, space/b, g/G scroll · ctrl+p: command palette. "
            f'Remap keys in {where}: [keys] binding_id = "key,key"'
        )
        self.push_screen(HelpScreen(self.key_help(), hint))

    async def action_quit_reader(self) -> None:
        """Quit, once the reader has saved its position (or warned about unsaved marks)."""
        if self.reader.is_attached and not self.reader.ready_to_quit():
            return
        self.exit()

    async def action_quit(self) -> None:
        """Any route to Textual's quit action quits as the reader does."""
        await self.action_quit_reader()

    def action_help_quit(self) -> None:
        """ctrl+c copies in text boxes and does not quit; say what does (Textual's version
        looks for its own quit action, which the reader replaces)."""
        self.notify("Press q to quit (ctrl+q from any screen).", markup=False)

    # ----- keys: help, palette, remapping -----------------------------------------------------

    def _binding_owners(self) -> list[tuple[str, Any, list[Binding]]]:
        """(section, live node, declared bindings) for every node carrying the reader's keys."""
        owners: list[tuple[str, Any, list[Binding]]] = []
        for title, bindings, finder in (
            ("Reader", ReaderScreen.BINDINGS, lambda: self.reader),
            ("Post list", PostList.BINDINGS, lambda: self.reader.post_list),
            ("Reading pane", ReadingPane.BINDINGS, lambda: self.reader.pane),
            ("Scorecard", SCORECARD_BINDINGS, self._scorecard_screen),
        ):
            try:
                node = finder()
            except Exception:
                node = None
            owners.append((title, node, list(Binding.make_bindings(bindings))))
        return owners

    def _scorecard_screen(self) -> Any:
        """The scorecard screen when it is open (its keys as bound now), else None."""
        return next((s for s in self.screen_stack if s.id == "scorecard"), None)

    def binding_ids(self) -> list[str]:
        """The ids a user may remap in config.toml."""
        return key_table.binding_ids([declared for _s, _n, declared in self._binding_owners()])

    def binding_contexts(self) -> list[list[tuple[str, str]]]:
        """(id, key) pairs of the bindings active together (see `key_table.binding_contexts`)."""
        return key_table.binding_contexts(
            {title: declared for title, _node, declared in self._binding_owners()}
        )

    def key_help(self) -> list[tuple[str, list[key_table.KeyHelp]]]:
        """The reader's keys as they are now bound (after the user's keymap), and ctrl+q."""
        sections: list[tuple[str, list[key_table.KeyHelp]]] = []
        owners = [
            *self._binding_owners(),
            ("Anywhere", self, list(Binding.make_bindings(self.BINDINGS))),
        ]
        for section, node, declared in owners:
            live: BindingsMap = node._bindings.copy() if node is not None else BindingsMap(declared)
            if self._keymap:
                live.apply_keymap(self._keymap)
            keys: dict[str, list[str]] = {}
            for bindings in live.key_to_bindings.values():
                for binding in bindings:
                    if binding.id:
                        keys.setdefault(binding.id, []).append(self.get_key_display(binding))
            rows = key_table.help_rows(declared, keys)
            sections.append((section, rows))
        return sections

    def palette_commands(self) -> list[tuple[str, str, str]]:
        """(title, action, keys) for the reader's own keys, for the command palette."""
        declared = Binding.make_bindings(ReaderScreen.BINDINGS)
        return key_table.palette_entries(list(declared), self.key_help()[0][1])
