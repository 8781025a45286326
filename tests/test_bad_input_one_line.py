"""Inputs built to break the readers: one clear line and a non-zero exit, or a result; never a
traceback. Deep nesting (quotes, JSON, TOML), wrong JSON types, huge numbers, devices, pipes."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from parsing.html.extract import MAX_QUOTE_DEPTH
from parsing.load import load_thread
from scoring.store import HEADER, TRAILER
from tui.cli import main

TOPIC = {
    "id": 7,
    "title": "Speed bumps",
    "post_stream": {
        "posts": [
            {
                "post_number": 1,
                "username": "ada",
                "created_at": "2022-06-01T08:00:00Z",
                "cooked": "<p>Speed bumps slow ambulances by about ten seconds each.</p>",
            },
            {
                "post_number": 2,
                "username": "tom",
                "created_at": "2022-06-01T09:00:00Z",
                "cooked": "<p>Ten seconds is nothing against a child's life.</p>",
            },
        ],
        "stream": [1, 2],
    },
}


def one_line_error(capsys: pytest.CaptureFixture[str], argv: list[str]) -> str:
    assert main(argv) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err, err
    return err


def write_topic(tmp_path: Path, change) -> Path:
    topic = json.loads(json.dumps(TOPIC))
    change(topic)
    path = tmp_path / "topic.json"
    path.write_text(json.dumps(topic), encoding="utf-8")
    return path


def test_quotes_nested_500_deep_are_read_to_a_bounded_depth(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inner = "<p>the bottom of the pile</p>"
    for i in range(500):
        inner = (
            f'<aside class="quote" data-username="u{i}" data-post="1" data-topic="7">'
            f"<blockquote>{inner}</blockquote></aside><p>reply {i}</p>"
        )
    path = write_topic(tmp_path, lambda t: t["post_stream"]["posts"][1].update(cooked=inner))
    thread = load_thread(path)
    depth, quotes = 0, thread.posts[1].quotes
    while quotes:
        depth += 1
        quotes = quotes[0].nested
    assert depth == MAX_QUOTE_DEPTH
    assert "the bottom of the pile" in json.dumps(thread.to_json())  # kept, as quoted text
    for command in (["parse", "--json"], ["score", "--toml"]):
        assert main([*command, str(path)]) == 0
        capsys.readouterr()


@pytest.mark.parametrize(
    ("field", "change"),
    [
        ("title int", lambda t: t.update(title=5)),
        ("title list", lambda t: t.update(title=["a"])),
        ("username int", lambda t: t["post_stream"]["posts"][0].update(username=5)),
        ("user_title list", lambda t: t["post_stream"]["posts"][0].update(user_title=[1])),
        ("created_at int", lambda t: t["post_stream"]["posts"][0].update(created_at=5)),
        ("post_number object", lambda t: t["post_stream"]["posts"][0].update(post_number={})),
        ("stream int", lambda t: t["post_stream"].update(stream=5)),
    ],
)
def test_wrong_types_in_topic_json_are_read_as_absent(
    field: str, change, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_topic(tmp_path, change)
    for command in (["parse"], ["score", "--json"]):
        assert main([*command, str(path)]) == 0, field
        printed = capsys.readouterr()
        assert "Traceback" not in printed.err and "ambulances" in printed.out


@pytest.mark.parametrize(
    "text",
    [
        '{"post_stream": ' + "[" * 1000 + "]" * 1000 + "}",
        '{"post_stream": {"posts": {"a": 1}}}',
        '{"post_stream": 5, "title": "x"}',
    ],
)
def test_topic_json_that_is_not_a_topic_is_one_line(
    text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "topic.json"
    path.write_text(text, encoding="utf-8")
    assert "topic" in one_line_error(capsys, ["parse", str(path)])


@pytest.mark.parametrize(
    "value", ["9" * 5000, "[" * 5000 + "]" * 5000], ids=["5000 digits", "5000 deep"]
)
def test_a_scorecard_too_big_to_read_is_set_aside_with_one_line(
    value: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], hostile_thread: Path
) -> None:
    card = tmp_path / "card.toml"
    card.write_text(
        f"{HEADER}\nschema_version = 1\nfingerprint = 'x'\nsource_path = 'y'\n"
        f"big = {value}\n{TRAILER}\n",
        encoding="utf-8",
    )
    assert main(["score", "-o", str(card), str(hostile_thread)]) == 0
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "set aside" in err, err
    assert len(list(tmp_path.glob("card.toml.damaged-*"))) == 1  # the user's file kept


def test_evaluate_lines_nested_1000_deep_are_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "deep.jsonl"
    data.write_text('{"text": ' + "[" * 1000 + "]" * 1000 + ', "label": "claim"}\n')
    assert "deep.jsonl:1: JSON nested too deeply" in one_line_error(capsys, ["evaluate", str(data)])


def test_evaluate_refuses_a_pipe_a_device_and_a_huge_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "labels.jsonl"
    os.mkfifo(fifo)
    assert "not a regular file" in one_line_error(capsys, ["evaluate", str(fifo)])
    assert "not a regular file" in one_line_error(capsys, ["evaluate", "/dev/zero"])
    huge = tmp_path / "huge.jsonl"
    with huge.open("wb") as handle:
        handle.truncate(65 * 1024 * 1024)  # sparse: no disk used
    assert "too large" in one_line_error(capsys, ["evaluate", str(huge)])


@pytest.mark.parametrize("value", ["9" * 5000, "[" * 5000 + "]" * 5000])
def test_the_readers_state_file_too_big_to_read_is_set_aside(
    value: str, tmp_path: Path, hostile_thread: Path
) -> None:
    """The reader waited on "Reading your marks…" for ever: the error was not one it caught."""
    from tui.state import load_ui_state, load_user_layer

    thread = load_thread(hostile_thread)
    state = tmp_path / "t.scorecard.toml"
    state.write_text(f"{HEADER}\nschema_version = 1\nbig = {value}\n{TRAILER}\n")
    loaded = load_user_layer(state, thread)
    assert loaded.notice is not None and "damaged" in loaded.notice
    assert not state.exists() and len(list(tmp_path.glob("t.scorecard.toml.damaged-*"))) == 1
    ui = tmp_path / "t.ui.toml"
    ui.write_text(f"version = 1\nnumber = {value}\n")
    assert load_ui_state(ui)[1] is not None and not ui.exists()
