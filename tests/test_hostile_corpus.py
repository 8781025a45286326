"""Every hostile input (all formats) through every way out: nothing a terminal would obey, no
bidi control and no zero-width character reaches the screen, stdout, stderr or a file we write.

The corpus carries OSC 52 clipboard writes, OSC 0 window titles, CSI clears, 7- and 8-bit DCS,
C0/C1 controls, bidi overrides and zero-width characters in every field a format has (see
tests/data/hostile/build.py; the `hostile` fixture builds it for each run). Each input is parsed,
scored and exported with the real commands, then opened in the real reader, where the
scorecard, search and export are driven by keys.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from parsing.load import load_thread
from tests.conftest import HOSTILE_BUILD
from tests.reader_support import press, settle, until, wait_loaded
from tui.app import ThreadscoreApp
from tui.cli import main
from tui.state import thread_files

INPUTS = HOSTILE_BUILD.input_names()
FORBIDDEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]"
)
"""Controls (tab and newline aside), C1, bidi marks, overrides and isolates, zero-width."""
TEXTUAL_OWN = re.compile(r"\x1b\[[0-9;:]*m|\x1b\[\d+;\d+H|\r?\n")
"""What Textual itself writes between cells: colours and cursor moves."""
FULL_TOUR = {"thread.txt", "discourse_topic.json", "xenforo2.html"}
"""Inputs also driven through quote jumps, help and search (the same screens for every input:
one of each kind keeps the test quick)."""
EVIL_NAME = "evil\x1b]0;PWNED\x07\u202etxt.exe\u200b"


def assert_clean(where: str, text: str) -> None:
    found = FORBIDDEN.search(text)
    if found is not None:
        around = text[max(0, found.start() - 40) : found.end() + 20]
        raise AssertionError(f"{where}: {found.group()!r} in …{around!r}")


def test_the_corpus_covers_every_format(hostile: Path) -> None:
    engines = {load_thread(hostile / name).source.engine for name in INPUTS}
    assert engines >= {
        None,  # the text dump
        "xenforo1",
        "xenforo2",
        "vbulletin3",
        "vbulletin4",
        "vbulletin5",
        "phpbb3",
        "smf",
        "vanilla",
        "invision",
        "discourse",
    }
    raw = (hostile / "discourse_topic.json").read_text(encoding="utf-8")
    assert "\\u001b]52" in raw and "\u202e" in raw and "&#27;" in raw  # the attacks are there


@pytest.mark.parametrize("name", INPUTS)
def test_commands_print_and_write_nothing_a_terminal_obeys(
    name: str, hostile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / f"{EVIL_NAME}{Path(name).suffix}"
    shutil.copyfile(hostile / name, source)
    out_toml = tmp_path / "card.toml"
    if name == "thread.txt":  # a hand-edited card with attacks in its notes, kept on re-score
        shutil.copyfile(hostile / "scorecard.toml", out_toml)
    runs = [
        ["parse", str(source)],
        ["parse", "--json", str(source)],
        ["score", str(source)],
        ["score", "--json", str(source)],
        ["score", "--toml", str(source)],
        ["score", "-o", str(out_toml), str(source)],
        ["score", "-o", str(tmp_path / "card.json"), "--json", str(source)],
    ]
    for argv in runs:
        code = main(argv)
        printed = capsys.readouterr()
        assert code == 0, (argv, printed.err)
        assert_clean(f"{argv[:2]} stdout", printed.out)
        assert_clean(f"{argv[:2]} stderr", printed.err)
        if "--json" in argv and "-o" not in argv:
            assert_clean(f"{argv[:2]} decoded", json.dumps(json.loads(printed.out)))
    for written in (out_toml, tmp_path / "card.json"):
        assert_clean(written.name, written.read_text(encoding="utf-8"))
    if name == "thread.txt":
        text = out_toml.read_text(encoding="utf-8")
        assert 'note = "note on post 1"' in text  # the marks were kept, cleaned


def test_evaluate_prints_nothing_a_terminal_obeys(
    hostile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["evaluate", str(hostile / "evaluate.jsonl")]) == 0
    printed = capsys.readouterr()
    assert_clean("evaluate", printed.out + printed.err)


def terminal_stream(app: ThreadscoreApp) -> str:
    """What a full redraw of the current screen sends to the terminal, less Textual's own
    colour and cursor sequences: forum text, names, titles and toasts."""
    update = app.screen._compositor.render_update(full=True)
    return TEXTUAL_OWN.sub("", update.render_segments(app.console))


def place_hostile_state(thread_path: Path, home: Path, hostile: Path) -> None:
    """The reader's saved marks and search, hand-edited with attacks in them."""
    files = thread_files(load_thread(thread_path).source, home)
    files.scorecard.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(hostile / "scorecard.toml", files.scorecard)
    shutil.copyfile(hostile / "state.ui.toml", files.ui)


@pytest.mark.parametrize("name", INPUTS)
async def test_the_reader_shows_and_exports_nothing_a_terminal_obeys(
    name: str, hostile: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    source = folder / f"{EVIL_NAME}{Path(name).suffix}"
    shutil.copyfile(hostile / name, source)
    home = tmp_path / "home"
    if name == "thread.txt":
        place_hostile_state(source, home, hostile)
    app = ThreadscoreApp([source], home=home)
    async with app.run_test(size=(110, 32)) as pilot:
        await wait_loaded(app)
        await settle(pilot)
        assert app.load_error is None
        seen = [terminal_stream(app)]
        steps = [["j", "j", "o"], ["escape", "s"]]
        if name in FULL_TOUR:
            steps = [["j", "j", "o"], ["r"], ["escape", "s"], ["escape", "m", "3", "question_mark"]]
            steps += [["escape", "slash", *"the", "enter"]]
        for keys in steps:
            await press(pilot, *keys)
            await settle(pilot)
            seen.append(terminal_stream(app))
        await press(pilot, "escape", "e", "enter")
        await until(
            pilot,
            lambda: any("written" in str(n.message) for n in app._notifications),
            "the export to say it was written",
        )
        seen.append(terminal_stream(app))
    for i, text in enumerate(seen):
        assert "\x1b" not in text, f"step {i}: ESC reaches the terminal"
        assert_clean(f"step {i}", text)
    written = [p for p in folder.iterdir() if p.suffix == ".toml"]
    assert written, "the export was not written"
    for path in [*written, *(p for p in home.rglob("*") if p.is_file())]:
        assert_clean(path.name, path.read_text(encoding="utf-8"))
