"""`threadscore score`: the table, JSON and TOML outputs, and keeping the user's marks."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from parsing import load_thread
from parsing.load import demo_path
from scoring import score_thread
from scoring.models import SCHEMA_VERSION
from scoring.report import format_table, to_json
from scoring.store import load_scorecard, save_scorecard
from scoring.user_layer import set_override, set_rating
from tui.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["score", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_default_is_a_readable_table_of_the_demo(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys)
    assert code == 0
    thread = load_thread(None)
    assert f"title: {thread.title}" in out
    assert "evidence rate" in out
    rows = [line for line in out.splitlines() if line[:4].strip().isdigit()]
    assert len(rows) == len(thread.posts)


def test_json_has_posts_cues_authors_and_totals(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(demo_path()), "--json")
    assert code == 0
    data = json.loads(out)
    thread = load_thread(demo_path())
    assert [p["number"] for p in data["posts"]] == [p.number for p in thread.posts]
    for entry, post in zip(data["posts"], thread.posts, strict=True):
        assert {"verdict", "strength", "claims", "evidence", "cues"} <= set(entry)
        for cue in entry["cues"]:
            assert {"kind", "start", "end", "text"} <= set(cue)
            if cue["end"] > cue["start"]:
                assert post.body[cue["start"] : cue["end"]] == cue["text"]
    assert data["authors"]
    assert data["totals"]["posts"] == len(thread.posts)


def test_toml_to_stdout_is_a_scorecard(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--toml")
    assert code == 0
    assert tomllib.loads(out)["schema_version"] == SCHEMA_VERSION


def test_rescoring_into_an_existing_card_keeps_the_marks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "card.toml"
    assert run(capsys, "-o", str(out))[0] == 0
    thread = load_thread(None)
    card = load_scorecard(out)
    rated = card.model_copy(update={"user": set_rating(card.user, thread.posts[2], 5)})
    save_scorecard(rated, out)
    assert run(capsys, "--toml", "-o", str(out))[0] == 0
    again = load_scorecard(out)
    assert again.mark(3) is not None
    assert again.mark(3).rating == 5


def test_a_damaged_card_is_set_aside_and_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "card.toml"
    damaged = "schema_version = 1\nthis is = = not toml\n"
    out.write_text(damaged, encoding="utf-8")
    code, _, err = run(capsys, "--toml", "-o", str(out))
    assert code == 0
    aside = [p for p in tmp_path.iterdir() if p.name.startswith("card.toml.damaged-")]
    assert len(aside) == 1
    assert aside[0].read_text(encoding="utf-8") == damaged
    assert f"set aside as {aside[0]}" in err
    assert load_scorecard(out).schema_version == SCHEMA_VERSION


def test_a_newer_card_is_refused_and_left_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "card.toml"
    newer = 'schema_version = 99\nfingerprint = "x"\n'
    out.write_text(newer, encoding="utf-8")
    code, _, err = run(capsys, "--toml", "-o", str(out))
    assert code == 1
    assert "newer threadscore" in err
    assert out.read_text(encoding="utf-8") == newer
    assert [p.name for p in tmp_path.iterdir()] == ["card.toml"]


def test_an_override_shows_in_the_table_and_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "card.toml"
    assert run(capsys, "-o", str(out))[0] == 0
    thread = load_thread(None)
    card = load_scorecard(out)
    computed = card.post(1).verdict
    other = "non-argument" if computed != "non-argument" else "asserted"
    card = card.model_copy(
        update={"user": set_override(card.user, thread.posts[0], other, computed)}
    )
    assert card.effective_verdict(1) == other
    table = format_table(card)
    row = next(line for line in table.splitlines() if line.strip().startswith("1 "))
    assert other in row and "*" in row
    data = to_json(card)
    assert data["posts"][0]["verdict"] == computed
    assert data["posts"][0]["effective_verdict"] == other
    assert data["user"]["marks"][0]["computed_verdict"] == computed


def test_piped_table_prints_whole_reasons(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(demo_path()))
    assert code == 0
    card = score_thread(load_thread(demo_path()))
    long = [p for p in card.posts if len(p.reason) > 60]
    assert long, "the demo thread has reasons longer than a terminal column"
    for post in long:
        row = next(line for line in out.splitlines() if line[:4].strip() == str(post.number))
        assert row.endswith(post.reason)


def test_terminal_table_cuts_reasons_to_fit() -> None:
    card = score_thread(load_thread(demo_path()))
    table = format_table(card).splitlines()
    for post in (p for p in card.posts if len(p.reason) > 60):
        row = next(line for line in table if line[:4].strip() == str(post.number))
        assert row.endswith(post.reason[:59] + "…")


def test_the_printed_table_is_the_whole_cards_table(capsys: pytest.CaptureFixture[str]) -> None:
    """Printed a row at a time as each post is scored, it is the table of the whole card."""
    thread = load_thread(demo_path())
    code, out, _ = run(capsys, str(demo_path()))
    assert code == 0
    assert out == format_table(score_thread(thread), full=True, tallied=True) + "\n"


def test_a_tables_first_row_is_out_before_the_next_post_is_scored(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`score` (the table) scored the whole thread before printing a line, and held every
    post's score at once; `--json` and `--toml` already wrote each post as it was scored."""
    import scoring.scorer
    from tui.commands.score import _table

    scored: list[int] = []
    score_post = scoring.scorer.score_post

    def counted(post, language=None):
        scored.append(post.number)
        return score_post(post, language)

    monkeypatch.setattr(scoring.scorer, "score_post", counted)
    lines = _table(load_thread(demo_path()), None)
    rows = (line for line in lines if line[:4].strip().isdigit())
    assert next(rows).split()[0] == b"1" and scored == [1]
    assert sum(1 for _ in rows) == 13 and len(scored) == 14
