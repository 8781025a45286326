"""`threadscore parse` on bad input: one clear line on stderr, non-zero exit, nothing on stdout."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from parsing.load import load_thread
from tests.parse_support import threadscore_cmd


def run_parse(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*threadscore_cmd(), "parse", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def assert_refused(done: subprocess.CompletedProcess[str], reason: str) -> None:
    assert done.returncode != 0
    assert done.stdout == ""
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("threadscore: error:") and reason in lines[0], lines[0]


def test_missing_path(tmp_path: Path) -> None:
    assert_refused(run_parse(str(tmp_path / "nope.txt")), "no such file")


def test_directory_without_pages(tmp_path: Path) -> None:
    assert_refused(run_parse(str(tmp_path)), "folder")


@pytest.mark.parametrize("content", [b"", b"  \n\n\t\n"])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert_refused(run_parse(str(path)), "empty")


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    assert_refused(run_parse(str(path)), "binary")


def test_file_with_no_posts(tmp_path: Path) -> None:
    path = tmp_path / "chrome.txt"
    path.write_text("What's new\n\nLatest Posts\n\nTop Bottom\n", encoding="utf-8")
    assert_refused(run_parse(str(path)), "no posts")


def test_invalid_bytes_no_encoding_fits(tmp_path: Path) -> None:
    path = tmp_path / "garbled.txt"
    path.write_bytes(bytes(range(128, 256)) * 40)
    assert_refused(run_parse(str(path)), "decode")


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(200 * 1024 * 1024)  # sparse: 200 MB on paper, nothing on disk
    assert_refused(run_parse(str(path)), "too large")


def test_legacy_encoding_is_read_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    text = "Café culture\n\nIs the café on Rue de l'Église still open?\nOui, it opened in 1998.\n"
    path.write_bytes(text.encode("cp1252"))
    done = run_parse(str(path), "--json")
    assert done.returncode == 0, done.stderr
    assert "not UTF-8" in done.stderr
    data = json.loads(done.stdout)
    assert "café" in data["posts"][0]["body"]
    # kept with the thread, so the reader (whose screen hides stderr) can show it
    assert any("not UTF-8" in w for w in load_thread(path).warnings)


def test_bom_and_entities(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(
        "\ufeffFish &amp; chips\n\nIs it fish &amp; chips or fish&nbsp;and chips?\n".encode()
    )
    done = run_parse(str(path), "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["title"] == "Fish & chips"
    assert data["posts"][0]["body"] == "Is it fish & chips or fish\u00a0and chips?"


def test_summary_and_json_of_a_good_file(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    path.write_text(
        "A question of taste\n\nPineapple belongs on pizza, and I will die on this hill.\n"
        "Pineapple belongs on pizza, and I will die on this hill.\nIt really does not.\n",
        encoding="utf-8",
    )
    summary = run_parse(str(path))
    assert summary.returncode == 0 and "posts: 2, quote links: 1" in summary.stdout
    data = json.loads(run_parse(str(path), "--json").stdout)
    second = data["posts"][1]
    assert second["lines"] == [4, 5] and second["body"] == "It really does not."
    assert second["quotes"][0]["target"] == 1 and second["quotes"][0]["lines"] == [4, 4]


def test_utf16_with_a_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "unicode.txt"
    path.write_bytes("Café\n\nIs the café “open”?\nYes.\n".encode("utf-16"))
    done = run_parse(str(path), "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["title"] == "Café"
    assert [p["body"] for p in data["posts"]] == ["Is the café “open”?", "Yes."]


def test_old_mac_line_endings(tmp_path: Path) -> None:
    path = tmp_path / "mac.txt"
    path.write_bytes(b"Rail\r\rFreight is cheaper by rail.\r\r-Mach\rNot below 300 km.\r")
    data = json.loads(run_parse(str(path), "--json").stdout)
    assert [(p["body"], p["lines"]) for p in data["posts"]] == [
        ("Freight is cheaper by rail.", [3, 5]),
        ("Not below 300 km.", [6, 6]),
    ]
