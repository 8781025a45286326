"""A scorecard file holds verdicts, tallies and marks; per-sentence cues only when asked for.

At 10,000 posts the cues were three quarters of a 17.7 MB file that took seconds to write."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from scoring.store import load_scorecard
from tui.cli import main


def test_score_toml_leaves_out_cues_unless_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["score", "--toml"]) == 0
    lean = capsys.readouterr().out
    assert main(["score", "--toml", "--cues"]) == 0
    full = capsys.readouterr().out
    lean_posts = tomllib.loads(lean)["posts"]
    full_posts = tomllib.loads(full)["posts"]
    assert all("sentences" not in p and "cues" not in p for p in lean_posts)
    assert any(p.get("cues") for p in full_posts) and any(p.get("sentences") for p in full_posts)
    keep = ("number", "post_id", "verdict", "effective_verdict", "claims", "evidence", "reason")
    assert [{k: p.get(k) for k in keep} for p in lean_posts] == [
        {k: p.get(k) for k in keep} for p in full_posts
    ]
    assert tomllib.loads(lean)["totals"] == tomllib.loads(full)["totals"]
    assert tomllib.loads(lean)["authors"] == tomllib.loads(full)["authors"]
    assert len(lean) * 2 < len(full)


def test_a_lean_scorecard_reads_back_and_keeps_its_marks(tmp_path: Path) -> None:
    out = tmp_path / "card.toml"
    assert main(["score", "--toml", "-o", str(out)]) == 0
    card = load_scorecard(out)
    assert card.posts and all(not p.cues and not p.sentences for p in card.posts)
    assert main(["score", "--toml", "--cues", "-o", str(out)]) == 0
    assert any(p.cues for p in load_scorecard(out).posts)
