"""The scorecard file: round trip, hand edits, damaged and newer files, atomic writes."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import pytest

from parsing import load_thread
from parsing.errors import ThreadscoreError
from scoring import SCHEMA_VERSION, Scorecard, score_thread
from scoring.models import ThreadTotals
from scoring.store import (
    ScorecardFileError,
    atomic_write_text,
    check_output,
    load_scorecard,
    save_scorecard,
    set_aside,
    to_toml,
)
from scoring.tally import with_effective_tallies
from scoring.user_layer import set_note, set_override, set_rating, toggle_bookmark


@pytest.fixture(scope="module")
def card() -> Scorecard:
    """The demo thread scored, with a rating, a bookmark, a note and an override on it."""
    thread = load_thread(None)
    scored = score_thread(thread)
    first, second = thread.posts[0], thread.posts[1]
    user = set_rating(scored.user, first, 4)
    user = set_note(user, first, 'Check the "survey" figure;\nit is from 2024.')
    user = toggle_bookmark(user, second)
    user = set_override(user, second, "asserted", scored.posts[1].verdict)
    return with_effective_tallies(scored.model_copy(update={"user": user}))


def test_round_trip_gives_an_equal_scorecard(card: Scorecard, tmp_path: Path) -> None:
    path = tmp_path / "card.toml"
    assert save_scorecard(card, path) is None
    assert load_scorecard(path) == card


def test_the_file_is_plain_toml_any_reader_can_open(card: Scorecard, tmp_path: Path) -> None:
    path = tmp_path / "card.toml"
    save_scorecard(card, path)
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["fingerprint"] == card.fingerprint
    assert len(data["posts"]) == len(card.posts)
    assert data["posts"][0]["verdict"] == card.posts[0].verdict
    override = next(m for m in data["marks"] if "verdict_override" in m)
    assert override["verdict_override"] == "asserted"
    assert override["computed_verdict"] == card.posts[1].verdict


def test_a_rating_edited_by_hand_is_read_back(card: Scorecard, tmp_path: Path) -> None:
    path = tmp_path / "card.toml"
    save_scorecard(card, path)
    text = path.read_text(encoding="utf-8")
    assert "rating = 4" in text
    path.write_text(text.replace("rating = 4", "rating = 2", 1), encoding="utf-8")
    loaded = load_scorecard(path)
    assert loaded.mark(1) is not None
    assert loaded.mark(1).rating == 2


def test_override_wins_but_the_computed_verdict_is_kept(card: Scorecard) -> None:
    assert card.effective_verdict(2) == "asserted"
    assert card.mark(2).computed_verdict == card.post(2).verdict
    assert card.effective_verdict(3) == card.post(3).verdict


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("schema_version = 1\nfingerprint = [unclosed\n", "not a readable TOML file"),
        ('title = "no version"\n', "is not a threadscore scorecard"),
        ('# threadscore scorecard. Edit...\ntitle = "x"\n', "no schema_version"),
        ("schema_version = 1\n", "damaged scorecard"),
        ('schema_version = 1\nfingerprint = "x"\nsource_path = "y"\nposts = 3\n', "posts"),
    ],
)
def test_damaged_files_give_one_clear_error(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "card.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ScorecardFileError, match=message) as err:
        load_scorecard(path)
    assert not err.value.newer


def test_a_newer_file_is_refused_and_never_overwritten(card: Scorecard, tmp_path: Path) -> None:
    path = tmp_path / "card.toml"
    newer = to_toml(card).replace(
        f"schema_version = {SCHEMA_VERSION}", f"schema_version = {SCHEMA_VERSION + 1}"
    )
    path.write_text(newer, encoding="utf-8")
    with pytest.raises(ScorecardFileError, match="newer threadscore") as err:
        load_scorecard(path)
    assert err.value.newer
    with pytest.raises(ScorecardFileError):
        save_scorecard(card, path)
    assert path.read_text(encoding="utf-8") == newer
    assert sorted(p.name for p in tmp_path.iterdir()) == ["card.toml"]


def test_saving_over_a_damaged_file_sets_it_aside_first(card: Scorecard, tmp_path: Path) -> None:
    path = tmp_path / "card.toml"
    damaged = to_toml(card).encode()[:300] + b"\xff\xfe cut off"
    path.write_bytes(damaged)
    aside = save_scorecard(card, path)
    assert aside is not None
    assert aside.name.startswith("card.toml.damaged-")
    assert aside.read_bytes() == damaged
    assert load_scorecard(path) == card


@pytest.mark.parametrize("marks_only", [False, True], ids=["full card", "reader's marks file"])
def test_a_file_cut_short_at_any_line_is_damaged_never_read_as_less(
    card: Scorecard, tmp_path: Path, marks_only: bool
) -> None:
    """A crash or a full disk can leave a scorecard cut at a line end, which is still valid TOML
    (every section has defaults). Reading it as a smaller card would let the next save drop the
    lost marks for good, so every such cut must read as damaged and be set aside."""
    if marks_only:
        card = card.model_copy(update={"posts": [], "authors": [], "totals": ThreadTotals()})
    text = to_toml(card)
    assert load_scorecard_text(tmp_path, text).user == card.user
    ends = [i + 1 for i, ch in enumerate(text) if ch == "\n"][:-1]
    assert len(ends) > (10 if marks_only else 500)
    path = tmp_path / "card.toml"
    for end in ends:
        path.write_text(text[:end], encoding="utf-8")
        with pytest.raises(ScorecardFileError) as err:
            load_scorecard(path)
        assert not (err.value.foreign or err.value.newer), text[:end][-80:]
    path.write_text(text[: ends[-1]], encoding="utf-8")
    aside = save_scorecard(card, path)
    assert aside is not None and aside.read_text(encoding="utf-8") == text[: ends[-1]]


def load_scorecard_text(folder: Path, text: str) -> Scorecard:
    path = folder / "whole.toml"
    path.write_text(text, encoding="utf-8")
    return load_scorecard(path)


@pytest.mark.parametrize(
    "content",
    [
        b'[project]\nname = "someone-elses"\n',
        b"\xff\xfe not toml at all",
        b"my notes, not TOML = = at all\n",
    ],
)
def test_someone_elses_file_is_refused_not_set_aside(
    card: Scorecard, tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_bytes(content)
    with pytest.raises(ScorecardFileError, match="is not a threadscore scorecard") as err:
        save_scorecard(card, path)
    assert err.value.foreign
    assert path.read_bytes() == content
    assert [p.name for p in tmp_path.iterdir()] == ["pyproject.toml"]


def test_set_aside_never_clobbers_an_earlier_one(tmp_path: Path) -> None:
    first = tmp_path / "x.toml"
    first.write_text("one", encoding="utf-8")
    a = set_aside(first)
    first.write_text("two", encoding="utf-8")
    b = set_aside(first)
    assert a != b
    assert (a.read_text(encoding="utf-8"), b.read_text(encoding="utf-8")) == ("one", "two")
    assert not first.exists()


def test_atomic_write_leaves_no_temp_files_and_replaces(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "state.toml"
    atomic_write_text(path, "a = 1\n")
    atomic_write_text(path, "a = 2\n")
    assert path.read_text(encoding="utf-8") == "a = 2\n"
    assert os.listdir(path.parent) == ["state.toml"]


def test_a_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "state.toml"
    atomic_write_text(path, "old\n")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        atomic_write_text(path, "new\n")
    assert path.read_text(encoding="utf-8") == "old\n"
    assert os.listdir(tmp_path) == ["state.toml"]


def test_a_device_pipe_or_unreadable_name_is_refused_and_left_as_it_is(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    with pytest.raises(OSError, match="not a regular file"):
        atomic_write_text(fifo, "x = 1\n")
    assert fifo.is_fifo()
    for path, words in [
        (fifo, "not a regular file"),
        (Path(os.devnull), "not a regular file"),
        (tmp_path / ("a" * 300 + ".toml"), "cannot be looked at"),
    ]:
        with pytest.raises(ThreadscoreError, match=words):
            check_output(path)
    assert Path(os.devnull).is_char_device()
