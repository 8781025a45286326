"""Inputs that are not plain files, and legacy code pages a guesser gets wrong."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from parsing.decode import decode_bytes
from parsing.textsafe import clean as strip_controls
from tui.cli import main


def test_a_device_is_refused_without_reading_it(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "/dev/zero"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "not a regular file" in err[0]


def test_a_pipe_is_refused_without_blocking(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "thread.txt"
    os.mkfifo(fifo)
    assert main(["parse", str(fifo)]) == 1
    assert "not a regular file" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("The naïve plan — “clearly” wrong — costs £5, say café owners.\n", "cp1252"),
        ("Ich glaube, dass die Straße größer ist. Das Café öffnet um 8 Uhr.\n", "cp1252"),
        ("Zażółć gęślą jaźń. Myślę, że ta dyskusja jest bardzo ciekawa.\n", "cp1250"),
        ("Я думаю, что это очень интересная дискуссия, но я не согласен.\n", "cp1251"),
    ],
)
def test_legacy_code_pages_read_back_the_words_written(text: str, encoding: str) -> None:
    decoded, warning = decode_bytes(text.encode(encoding))
    assert decoded == text
    assert warning is not None and "not UTF-8" in warning


def test_a_page_declaring_its_charset_is_read_in_it() -> None:
    page = '<html><head><meta charset="windows-1251"></head><body>Привет, форум</body></html>'
    decoded, warning = decode_bytes(page.encode("cp1251"))
    assert decoded == page and warning is None


def test_latin1_label_reads_as_windows_1252_like_browsers() -> None:
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
        "</head><body>“quoted” naïve</body></html>"
    )
    decoded, _ = decode_bytes(page.encode("cp1252"))
    assert decoded == page


def test_bidi_marks_that_can_disguise_text_are_removed() -> None:
    assert strip_controls("safe\u200e\u200f\u061c\u202etxt.exe") == "safetxt.exe"
