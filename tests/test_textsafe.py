"""One text-safety module: what it removes, that every model string passes it, that the parser
returns warnings instead of printing them, and that a file name is shown, not obeyed."""

from __future__ import annotations

import typing
from pathlib import Path

import pytest

from parsing import models
from parsing.load import load_thread
from parsing.textsafe import clean, one_line, visible
from tui import safe
from tui.cli import main

DEMO_LINES = (
    "Café owners on the square\n\n\nmarta\nSep 12, 2026\n"
    "The naïve plan costs £5 a day, say café owners, and I think it will fail.\n"
)


@pytest.mark.parametrize(
    ("dirty", "kept"),
    [
        ("a\x1b]52;c;SGVsbG8=\x07b", "ab"),  # OSC 52, BEL-terminated
        ("a\x1b]0;title\x1b\\b", "ab"),  # OSC 0, ST-terminated
        ("a\x1b[2Jb\x9b31mc", "abc"),  # 7- and 8-bit CSI
        ("a\x90qpayload\x9cb\x1bP1|x\x1b\\c", "abc"),  # 8-bit and 7-bit DCS, payload too
        ("a\x98sos\x9cb\x9epm\x9cc\x9fapc\x9cd", "abcd"),  # SOS, PM, APC
        ("safe\u200e\u200f\u061c\u202etxt.exe\u2066", "safetxt.exe"),  # every bidi control
        ("zero\u200bwidth\u2060joined\u200dword\ufeff", "zerowidthjoinedword"),
        ("family 👨\u200d👩\u200d👧 stays", "family 👨\u200d👩\u200d👧 stays"),  # emoji joiner
        ("line\r\nend\rmac", "line\nend\nmac"),  # line breaks kept as line breaks
        ("tab\tand\x00nul\x7fdel\x85nel", "tab\tandnuldelnel"),
    ],
)
def test_clean_removes_everything_a_terminal_would_obey(dirty: str, kept: str) -> None:
    assert clean(dirty) == kept
    assert safe.clean(dirty) == kept  # the reader's cleaning is the same function


def test_both_old_cleaners_are_one_now() -> None:
    """parsing/decode.py and tui/safe.py each had a regex; each missed what the other caught."""
    assert safe.clean is not None and safe.one_line is one_line and safe.visible is visible
    assert clean("\x90dcs payload\x9c") == ""  # parsing's regex left the payload
    assert safe.clean("\u061c\u200e\u200f") == ""  # the reader's regex left these


def test_plain_ascii_is_kept_and_every_ascii_control_is_not() -> None:
    """ASCII text takes a shortcut past the pattern: it must still catch every control."""
    plain = "".join(map(chr, range(0x20, 0x7F))) + "\t\n"
    assert clean(plain) is plain
    for code in [*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F]:
        assert clean(f"a{chr(code)}\nb") == "a\nb", hex(code)  # ESC alone: nothing after it


def test_an_escape_deep_in_a_big_dump_is_removed() -> None:
    """A long text is checked a slice at a time: an escape past the first slice still counts."""
    dump = "This is a plain ASCII post that says something about the topic at hand.\n\n" * 30_000
    assert clean(dump) is dump  # over 2 MB: three slices, all plain
    assert clean(dump + "Evil \x1b]52;c;SGVsbG8=\x07end.\n") == dump + "Evil end.\n"


def test_visible_shows_what_it_would_otherwise_obey() -> None:
    assert visible("ev\x1b[2J\u202e\u200b.txt") == "ev\\x1b[2J\\u202e\\u200b.txt"
    assert visible("plain name.txt") == "plain name.txt"
    assert visible("caf\udce9.txt") == "caf\ufffd.txt"


def _string_fields(model: type) -> dict[str, object]:
    hints = typing.get_type_hints(model, include_extras=True)
    out = {}
    for name, hint in hints.items():
        if name.startswith("model_"):
            continue
        text = repr(hint)
        if "str" in text and "Literal" not in text:
            out[name] = hint
    return out


@pytest.mark.parametrize(
    "model", [models.Attachment, models.Quote, models.Part, models.Post, models.Thread]
)
def test_every_string_a_thread_model_holds_is_cleaned(model: type) -> None:
    """The one choke point: a new string field that skipped cleaning would fail here."""
    fields = _string_fields(model)
    assert fields
    for name, hint in fields.items():
        assert "AfterValidator(func=<function clean" in repr(hint), f"{model.__name__}.{name}"
    hostile = "x\x1b]52;c;SGVsbG8=\x07\u202ey\u200b"
    post = models.Post(
        number=1, id="p", author=hostile, author_title=hostile, body=hostile, signature=hostile
    )
    assert {post.author, post.author_title, post.body, post.signature} == {"xy"}


def _cp1252_file(tmp_path: Path) -> Path:
    path = tmp_path / "ev\x1b]0;PWNED\x07il.txt"
    path.write_bytes(DEMO_LINES.encode("cp1252"))
    return path


def test_the_parser_returns_warnings_and_prints_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    thread = load_thread(_cp1252_file(tmp_path))
    printed = capsys.readouterr()
    assert printed.out == "" and printed.err == ""
    assert len(thread.warnings) == 1
    assert "ev\\x1b]0;PWNED\\x07il.txt: not UTF-8" in thread.warnings[0]


@pytest.mark.parametrize("argv", [["parse"], ["parse", "--json"], ["score"]])
def test_an_escape_in_a_file_name_never_reaches_the_terminal(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A cp1252 file whose name holds ESC: its encoding warning printed the name raw, to stderr
    and again in `parse`'s summary."""
    assert main([*argv, str(_cp1252_file(tmp_path))]) == 0
    printed = capsys.readouterr()
    both = printed.out + printed.err
    assert "\x1b" not in both and "\x07" not in both
    shown = printed.err if "--json" in argv else both  # the JSON document keeps its warnings
    assert shown.count("not UTF-8: read as cp1252") == 1  # shown once, not twice
    assert "ev\\x1b]0;PWNED\\x07il.txt" in both
