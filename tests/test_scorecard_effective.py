"""The scorecard file, `--json` and the table count verdict overrides, as the screen does."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from parsing import load_thread
from scoring import score_thread
from scoring.store import load_scorecard, save_scorecard
from scoring.tally import effective_tallies
from scoring.user_layer import set_override
from tests.conftest import SEED, needs_shared
from tui.cli import main


def evidenced_rate(verdicts: list[str]) -> float:
    ev = verdicts.count("evidenced")
    arguing = ev + verdicts.count("reasoned") + verdicts.count("asserted")
    return round(ev / arguing, 3)


@needs_shared
def test_an_override_moves_the_saved_totals_and_authors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    thread = load_thread(SEED)
    card = score_thread(thread)
    assert card.post(2).verdict in ("asserted", "reasoned")
    user = set_override(card.user, thread.posts[1], "evidenced", card.post(2).verdict)
    out = tmp_path / "card.toml"
    save_scorecard(card.model_copy(update={"user": user}), out)
    # Re-scoring into the file keeps the override and counts it again. With --cues, so that the
    # loaded card's tallies can be recounted from its posts at the end (evidence by type is
    # counted from cues; a file without them keeps the counts it was written with).
    assert main(["score", str(SEED), "--cues", "-o", str(out)]) == 0
    data = tomllib.loads(out.read_text(encoding="utf-8"))
    effective = [p["effective_verdict"] for p in data["posts"]]
    assert [p["verdict"] for p in data["posts"]] == [p.verdict for p in card.posts]
    assert effective[1] == "evidenced"
    before = card.totals.verdicts["evidenced"]
    totals = data["totals"]
    assert totals["verdicts"]["evidenced"] == before + 1 == effective.count("evidenced")
    assert totals["evidence_rate"] == evidenced_rate(effective)
    assert totals["computed_verdicts"]["evidenced"] == before
    assert totals["computed_evidence_rate"] == card.totals.evidence_rate
    assert totals["overridden"] == 1
    author = next(a for a in data["authors"] if 2 in a["post_numbers"])
    assert author["verdicts"]["evidenced"] == author["computed_verdicts"]["evidenced"] + 1
    assert sum(a["verdicts"]["evidenced"] for a in data["authors"]) == before + 1
    # The loaded card, --json and the table say the same.
    assert load_scorecard(out).totals.verdicts["evidenced"] == before + 1
    capsys.readouterr()
    assert main(["score", str(SEED), "--json"]) == 0
    plain = json.loads(capsys.readouterr().out)
    assert plain["totals"]["verdicts"]["evidenced"] == before  # no marks there
    loaded = load_scorecard(out)
    assert effective_tallies(loaded)[1] == loaded.totals


def test_the_table_counts_the_override_and_says_so() -> None:
    from scoring.report import format_table, to_json

    thread = load_thread(None)
    card = score_thread(thread)
    number = next(p.number for p in card.posts if p.verdict == "asserted")
    user = set_override(card.user, thread.post(number), "evidenced", "asserted")
    marked = card.model_copy(update={"user": user})
    table = format_table(marked)
    ev = card.totals.verdicts["evidenced"]
    assert f"evidenced {ev + 1}," in table
    assert "1 verdict(s) overridden" in table
    data = to_json(marked)
    assert data["totals"]["verdicts"]["evidenced"] == ev + 1
    assert data["posts"][number - 1]["effective_verdict"] == "evidenced"
    assert data["posts"][number - 1]["verdict"] == "asserted"
