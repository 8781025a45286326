""" "Why this verdict" names what weighed most for the learned model, for the open post only,
and shows forum words as they are (never as markup)."""

from __future__ import annotations

from pathlib import Path

import pytest

import scoring.roles
from scoring.verdicts import score_post
from tests.conftest import SHARED, needs_shared
from tests.reader_support import _post, press, ready, settle, small_thread, wait_loaded
from tui.app import ThreadscoreApp
from tui.wording import model_feature

OPINION = (
    "I honestly believe the [bold red]market square[/] must never be closed to cars. "
    "The shops on the east side depend on passing trade and they always have done."
)


def pane_text(app: ThreadscoreApp) -> str:
    return "\n".join(str(w.render()) for w in app.reader.pane.query("Static"))


async def test_the_open_post_lists_the_words_that_weighed_most(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    thread = small_thread()
    thread = thread.model_copy(update={"posts": [*thread.posts, _post(7, "erin", OPINION)]})
    explained: list[str] = []
    explain = scoring.roles.explain

    def counted(text: str) -> list[str]:
        explained.append(text)
        return explain(text)

    monkeypatch.setattr(scoring.roles, "explain", counted)
    # Post 1 lists what weighed only where the shipped model decided one of its sentences.
    decided_first = [s.text for s in score_post(thread.posts[0]).sentences if s.weighed]
    app = ThreadscoreApp(thread=thread, home=tmp_path)  # the shipped scorer and model
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert ("What weighed most" in pane_text(app)) == bool(decided_first)
        await press(pilot, "G", "enter")
        assert app.reader.current == 7
        shown = pane_text(app)
    assert "What weighed most for the model" in shown
    first = OPINION.split(". ")[0] + "."
    grams = explain(first)
    assert grams and all(model_feature(g) in shown for g in grams)
    assert "“I honestly believe the [bold red]market" in shown  # brackets kept, not styled
    assert first in explained and set(explained) <= {first, *decided_first}  # no other post


@needs_shared
async def test_the_models_own_features_are_named_in_words(tmp_path: Path) -> None:
    """The list showed the model's internal feature names: “<s> but”, “#cue:hedge”,
    “#rules:claim”, “#len:short”, and "premise"/"none" for its labels."""
    thread = SHARED / "datasets" / "iac" / "9455.marked.txt"
    app = ThreadscoreApp([thread], home=tmp_path)
    shown = []
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(app)
        for number in (10, 13, 15, 17, 25, 26, 27, 30, 32):
            app.reader.go(number)
            await settle(pilot)
            assert app.reader.current == number
            shown.append(pane_text(app))
    weighed = [text.split("What weighed most for the model", 1)[1] for text in shown]
    assert len(weighed) == len(shown)
    words = "\n".join(weighed)
    for internal in ("<s>", "#cue:", "#rules:", "#len:", "#evidence", "premise", "  none "):
        assert internal not in words
    assert any(named in words for named in ("opening the sentence", " cue", "rules' reading"))


@needs_shared
async def test_a_cue_that_comes_again_is_one_line_with_its_count(tmp_path: Path) -> None:
    """#10 of this IAC thread listed “would” as a claim cue on three lines, “thus” and
    “might” twice: lines that said nothing more (the places are marked in the post)."""
    app = ThreadscoreApp([SHARED / "datasets" / "iac" / "9455.marked.txt"], home=tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(app)
        app.reader.go(10)
        await settle(pilot)
        why = pane_text(app).split("Why this verdict", 1)[1].split("What weighed most")[0]
    lines = [line.strip() for line in why.splitlines() if line.startswith("  ")]
    assert len(lines) == len(set(lines)) and lines
    assert any(line.startswith("claim") and "“would” ×" in line for line in lines)
