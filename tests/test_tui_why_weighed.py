""" "Why this verdict" names what weighed most for the learned model, for the open post only,
and shows forum words as they are (never as markup)."""

from __future__ import annotations

from pathlib import Path

import pytest

import scoring.roles
from tests.reader_support import _post, ready, small_thread
from tui.app import ThreadscoreApp

OPINION = (
    "I honestly believe the [bold red]market square[/] should stay open to cars on weekends. "
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
    app = ThreadscoreApp(thread=thread, home=tmp_path)  # the shipped scorer and model
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert "What weighed most" not in pane_text(app)  # post 1: the rules decided
        await pilot.press("G", "enter")
        await pilot.pause(0.2)
        assert app.reader.current == 7
        shown = pane_text(app)
    assert "What weighed most for the model" in shown
    first = OPINION.split(". ")[0] + "."
    grams = explain(first)
    assert grams and all(f"“{g}”" in shown for g in grams)
    assert "“I honestly believe the [bold red]market" in shown  # brackets kept, not styled
    assert explained and set(explained) <= {first}  # no other post was explained
