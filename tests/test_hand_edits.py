"""Hand-edited scorecards and what killed writers leave behind: a BOM or one bad value costs
nothing else, stale temp files go, `-o` through a symlink writes its target, errors name the
file the user gave."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from scoring.store import atomic_write_text, load_scorecard
from tui.cli import main
from tui.state import load_user_layer


def scored_card(tmp_path: Path, capsys: pytest.CaptureFixture[str], hostile_thread: Path) -> Path:
    """A scorecard of the thread with marks on posts 1-3, as `score -o` writes it."""
    from parsing.load import load_thread
    from scoring import score_thread
    from scoring.store import save_scorecard
    from scoring.user_layer import set_note, set_rating

    thread = load_thread(hostile_thread)
    layer = score_thread(thread).user
    for post in thread.posts[:3]:
        layer = set_note(set_rating(layer, post, 2), post, f"note {post.number}")
    card = tmp_path / "card.toml"
    save_scorecard(score_thread(thread).model_copy(update={"user": layer}), card)
    capsys.readouterr()
    return card


def test_a_bom_and_an_out_of_range_rating_cost_only_that_value(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], hostile_thread: Path
) -> None:
    card = scored_card(tmp_path, capsys, hostile_thread)
    text = card.read_text(encoding="utf-8")
    first = text.index("rating = 2")
    text = "\ufeff" + text[:first] + "rating = 99" + text[first + len("rating = 2") :]
    card.write_text(text, encoding="utf-8")
    assert main(["score", "-o", str(card), str(hostile_thread)]) == 0
    err = capsys.readouterr().err
    assert "the mark on #1: rating = 99 is not valid; that value was ignored" in err
    assert len(err.strip().splitlines()) == 1
    marks = {m.post_number: m for m in load_scorecard(card).user.marks.values()}
    assert sorted(marks) == [1, 2, 3]  # nothing set aside, no mark lost
    assert marks[1].rating is None and marks[1].note == "note 1" and marks[2].rating == 2
    assert not list(tmp_path.glob("*.damaged-*"))


def test_the_reader_names_the_mark_it_could_not_take_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], hostile_thread: Path
) -> None:
    from parsing.load import load_thread

    card = scored_card(tmp_path, capsys, hostile_thread)
    text = card.read_text(encoding="utf-8").replace("rating = 2", "rating = 0", 1)
    card.write_text(text, encoding="utf-8")
    loaded = load_user_layer(card, load_thread(hostile_thread))
    assert loaded.notice is not None and "the mark on #1: rating = 0" in loaded.notice
    assert len(loaded.layer.marks) == 3 and loaded.writable


def test_temp_files_a_killed_writer_left_are_removed(tmp_path: Path) -> None:
    target = tmp_path / "card.toml"
    old = tmp_path / ".card.toml.0123abcd.tmp"
    fresh = tmp_path / ".card.toml.89abcdef.tmp"  # a writer alive now
    other = tmp_path / ".notes.txt.0123abcd.tmp"  # not ours to judge
    for path in (old, fresh, other):
        path.write_text("half a file")
    long_ago = time.time() - 3600
    os.utime(old, (long_ago, long_ago))
    os.utime(other, (long_ago, long_ago))
    atomic_write_text(target, "a = 1\n")
    assert not old.exists() and fresh.exists() and other.exists()


def test_output_through_a_symlink_writes_its_target(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], hostile_thread: Path
) -> None:
    real = tmp_path / "real" / "card.toml"
    real.parent.mkdir()
    link = tmp_path / "link.toml"
    link.symlink_to(real)
    for _ in range(2):  # a new file through the link, then replacing it
        assert main(["score", "-o", str(link), str(hostile_thread)]) == 0
        assert link.is_symlink() and real.is_file()
    loop = tmp_path / "loop.toml"
    loop.symlink_to(loop)
    assert main(["score", "-o", str(loop), str(hostile_thread)]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "symbolic links" in err


def test_a_failed_write_names_the_file_not_the_hidden_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    target = tmp_path / "card.toml"

    def full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(tmp_path / ".card.toml.x.tmp"))

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(OSError) as caught:
        atomic_write_text(target, "a = 1\n")
    assert caught.value.filename == str(target) and ".tmp" not in str(caught.value)
