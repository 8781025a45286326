""" "Why this verdict" names what weighed most for the learned model, for the open post only,
and shows forum words as they are (never as markup)."""

from __future__ import annotations

from pathlib import Path

import pytest

import scoring.roles
from scoring.verdicts import score_post
from tests.reader_support import _post, ready, small_thread
from tui.app import ThreadscoreApp

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
        await pilot.press("G", "enter")
        await pilot.pause(0.2)
        assert app.reader.current == 7
        shown = pane_text(app)
    assert "What weighed most for the model" in shown
    first = OPINION.split(". ")[0] + "."
    grams = explain(first)
    assert grams and all(f"“{g}”" in shown for g in grams)
    assert "“I honestly believe the [bold red]market" in shown  # brackets kept, not styled
    assert first in explained and set(explained) <= {first, *decided_first}  # no other post
