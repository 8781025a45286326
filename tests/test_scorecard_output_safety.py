"""`threadscore score -o OUT` never loses a file: what it refuses, and the modes it writes."""

from __future__ import annotations

import errno
import os
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from parsing.load import demo_path
from scoring import store
from scoring.models import SCHEMA_VERSION
from scoring.store import atomic_write_text, load_scorecard
from tui.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["score", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


@pytest.fixture
def thread_file(tmp_path: Path) -> Path:
    path = tmp_path / "t.txt"
    shutil.copyfile(demo_path(), path)
    return path


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def test_output_that_is_the_input_is_refused(
    thread_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = thread_file.read_bytes()
    code, _, err = run(capsys, str(thread_file), "-o", str(thread_file))
    assert code == 1
    assert "is one of the input files" in one_line(err)
    assert thread_file.read_bytes() == before
    # The same file by another name (a relative path from elsewhere) is caught too.
    other = thread_file.parent / "." / thread_file.name
    assert run(capsys, str(thread_file), "-o", str(other))[0] == 1
    assert thread_file.read_bytes() == before


@pytest.mark.parametrize(
    ("name", "content", "extra"),
    [
        ("pyproject.toml", '[project]\nname = "mine"\n', []),
        ("notes.toml", "not = = toml, my notes\n", []),
        ("README.md", "# my project\n", []),
        ("out.json", '{"mine": true}\n', ["--json"]),
    ],
)
def test_someone_elses_file_is_refused_and_left_alone(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    content: str,
    extra: list[str],
) -> None:
    out = tmp_path / name
    out.write_text(content, encoding="utf-8")
    code, _, err = run(capsys, *extra, "-o", str(out))
    assert code == 1
    assert f"{out} exists and is not a threadscore" in one_line(err)
    assert "choose another path" in err
    assert out.read_text(encoding="utf-8") == content
    assert [p.name for p in tmp_path.iterdir()] == [name]


def test_a_scorecard_with_marks_is_not_replaced_by_a_json_export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    card = tmp_path / "card.toml"
    assert run(capsys, "-o", str(card))[0] == 0
    before = card.read_bytes()
    code, _, err = run(capsys, "--json", "-o", str(card))
    assert code == 1
    assert "not a threadscore export" in one_line(err)
    assert card.read_bytes() == before


def test_an_earlier_export_of_ours_is_replaced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for extra in ([], ["--json"]):
        out = tmp_path / f"report{len(extra)}.out"
        assert run(capsys, *extra, "-o", str(out))[0] == 0
        first = out.read_text(encoding="utf-8")
        assert run(capsys, *extra, "-o", str(out))[0] == 0
        assert out.read_text(encoding="utf-8") == first


def test_a_damaged_scorecard_of_ours_is_set_aside_and_said(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "card.toml"
    assert run(capsys, "-o", str(out))[0] == 0
    text = out.read_text(encoding="utf-8")
    damaged = text[: text.index("[[posts]]") + len("[[po")]
    out.write_text(damaged, encoding="utf-8")
    code, _, err = run(capsys, "-o", str(out))
    assert code == 0
    aside = next(p for p in tmp_path.iterdir() if p.name.startswith("card.toml.damaged-"))
    assert aside.read_text(encoding="utf-8") == damaged
    assert "damaged scorecard" in err and str(aside) in err


def test_a_folder_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "-o", str(tmp_path))
    assert code == 1
    assert "is a folder" in one_line(err)
    assert list(tmp_path.iterdir()) == []


def test_a_missing_folder_is_refused_not_created(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "nope" / "dir" / "card.toml"
    code, _, err = run(capsys, "-o", str(out))
    assert code == 1
    assert "does not exist" in one_line(err)
    assert not (tmp_path / "nope").exists()


@pytest.mark.parametrize("extra", [[], ["--json"], ["--toml"]])
def test_a_write_failure_is_one_line(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    extra: list[str],
) -> None:
    def read_only(folder: Path, name: str) -> tuple[int, Path]:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(folder / name))

    monkeypatch.setattr(store, "_new_temp", read_only)
    out = tmp_path / "card.toml"
    code, _, err = run(capsys, *extra, "-o", str(out))
    assert code == 1
    assert one_line(err) == f"threadscore: error: cannot write {out}: Read-only file system"
    assert not out.exists()


def test_new_files_get_the_usual_mode(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], umask_022: None
) -> None:
    for name, extra in (("card.toml", []), ("table.txt", []), ("card.json", ["--json"])):
        out = tmp_path / name
        assert run(capsys, *extra, "-o", str(out))[0] == 0
        assert stat.S_IMODE(out.stat().st_mode) == 0o644, name


def test_a_replaced_file_keeps_its_mode(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], umask_022: None
) -> None:
    out = tmp_path / "card.toml"
    assert run(capsys, "-o", str(out))[0] == 0
    out.chmod(0o600)
    assert run(capsys, "-o", str(out))[0] == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert load_scorecard(out).schema_version == SCHEMA_VERSION
    state = tmp_path / "state.toml"
    atomic_write_text(state, "a = 1\n")
    state.chmod(0o640)
    atomic_write_text(state, "a = 2\n")
    assert stat.S_IMODE(state.stat().st_mode) == 0o640
