"""Snapshots of the scorecard screen at 80x24 and 160x48.

The input is fixed (the demo thread's labelled verdicts from its truth file, not the scorer's
output) so the pictures change when the screen changes, not whenever a cue rule is tuned.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable

import pytest
from textual.app import App

from parsing.models import Post, Source, Thread
from scoring.models import PostScore, Scorecard, UserLayer
from scoring.tally import tally
from scoring.user_layer import set_override, set_rating, toggle_bookmark
from tests.conftest import DATA
from tests.reader_support import ScorecardApp

SnapCompare = Callable[..., bool]

AUTHORS = ["Civic Desk", "greenwheels", "bridge_lane_shoes", "greenwheels", None]


def fixed_card(named: bool) -> tuple[Thread, Scorecard]:
    """The demo thread's truth verdicts; authors unknown (as in the dump) or cycled from AUTHORS."""
    truth = tomllib.loads((DATA / "demo_thread.expected.toml").read_text(encoding="utf-8"))
    posts, scores = [], []
    for entry in truth["posts"]:
        number = entry["number"]
        author = AUTHORS[(number - 1) % len(AUTHORS)] if named or number == 1 else None
        posts.append(Post(number=number, id=f"p{number}", author=author, body=f"post {number}"))
        verdict = entry["verdict"]
        scores.append(
            PostScore(
                number=number,
                post_id=f"p{number}",
                author=author,
                verdict=verdict,
                strength=0.5,
                claims=1,
                evidence=int(verdict == "evidenced"),
            )
        )
    source = Source(path="demo_thread.txt", format="text", sha256="0" * 64)
    thread = Thread(title=truth["title"], source=source, posts=posts)
    authors, totals = tally(thread, scores)
    layer = UserLayer()
    layer = set_rating(layer, posts[1], 4)
    layer = set_rating(layer, posts[3], 2)
    layer = toggle_bookmark(layer, posts[5])
    layer = set_override(layer, posts[2], "evidenced", scores[2].verdict)
    card = Scorecard(
        fingerprint="0" * 64,
        source_path=source.path,
        title=thread.title,
        posts=scores,
        authors=authors,
        totals=totals,
        user=layer,
    )
    return thread, card


@pytest.fixture(autouse=True)
def plain_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """NO_COLOR would change every colour in the pictures."""
    monkeypatch.delenv("NO_COLOR", raising=False)


def test_scorecard_80x24(snap_compare: SnapCompare) -> None:
    app: App[None] = ScorecardApp(*fixed_card(named=False))
    assert snap_compare(app, terminal_size=(80, 24), press=["down", "down"])


def test_scorecard_160x48_named_authors(snap_compare: SnapCompare) -> None:
    app: App[None] = ScorecardApp(*fixed_card(named=True))
    assert snap_compare(app, terminal_size=(160, 48), press=["r"])
