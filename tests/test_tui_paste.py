"""A bracketed paste holding escape sequences arrives as one paste, in order, without them."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual._xterm_parser import XTermParser
from textual.events import Key, Paste

from tests.reader_support import events_at_once, keys_at_once, make_app, press, ready, settle
from tui.paste import PasteFilter, PasteSafeParser, install
from tui.screens.note import NoteScreen
from tui.screens.search import SearchScreen

COLOURED = "\x1b[200~AAA \x1b[31mBBB CCC\x1b[201~"


def events_of(parser: XTermParser, *reads: str) -> list[object]:
    found: list[object] = []
    for data in reads:
        found += list(parser.feed(data))
    return found


def pastes(found: list[object]) -> list[str]:
    return [e.text for e in found if isinstance(e, Paste)]


def test_textuals_parser_scrambles_such_a_paste() -> None:
    """Why the filter exists: the text after the ESC comes out as keys, before the paste."""
    found = events_of(XTermParser(), COLOURED)
    assert pastes(found) == ["AAA "]
    assert "".join(e.character or "" for e in found if isinstance(e, Key)) == "^[31mBBB CCC"


def test_one_paste_in_order_without_the_escape_sequence() -> None:
    found = events_of(PasteSafeParser(), COLOURED)
    assert pastes(found) == ["AAA BBB CCC"] and len(found) == 1


@pytest.mark.parametrize("cut", range(1, len(COLOURED)))
def test_a_paste_cut_anywhere_between_two_reads_is_the_same_paste(cut: int) -> None:
    found = events_of(PasteSafeParser(), COLOURED[:cut], COLOURED[cut:] + "x")
    assert pastes(found[:1]) == ["AAA BBB CCC"]
    assert [e.key for e in found[1:] if isinstance(e, Key)] == ["x"]


def test_keys_outside_a_paste_are_untouched() -> None:
    paste = PasteFilter()
    assert paste("\x1b[A j \x1b[31m") == "\x1b[A j \x1b[31m"
    assert paste("\x1b[200~a\x1b]52;c;aGk=\x07b\x1b[201~\x1b[B") == "\x1b[200~ab\x1b[201~\x1b[B"
    assert not paste.in_paste


def test_install_puts_the_filtering_parser_into_the_terminal_drivers(monkeypatch) -> None:
    from textual.drivers import linux_driver, linux_inline_driver

    monkeypatch.setattr(linux_driver, "XTermParser", XTermParser)
    monkeypatch.setattr(linux_inline_driver, "XTermParser", XTermParser)
    install()
    assert linux_driver.XTermParser is PasteSafeParser
    assert linux_inline_driver.XTermParser is PasteSafeParser


async def test_the_pasted_note_and_search_keep_the_text_in_order(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await press(pilot, "a")
        assert isinstance(app.screen, NoteScreen)
        await events_at_once(pilot, *events_of(PasteSafeParser(), COLOURED))
        await settle(pilot)
        await keys_at_once(pilot, "ctrl+s")
        await settle(pilot)
        assert app.reader.doc.mark(1).note == "AAA BBB CCC"
        await keys_at_once(pilot, "slash")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        await events_at_once(pilot, *events_of(PasteSafeParser(), COLOURED))
        await settle(pilot)
        assert app.screen.query_one("#query").value == "AAA BBB CCC"
