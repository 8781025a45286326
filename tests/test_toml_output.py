"""The scorecard file is written by our own TOML writer (several times faster than tomli_w):
it must write exactly what `tomli_w.dumps` wrote, for real scorecards, for a scorecard with
the user's marks, and for awkward values of every kind a document can hold."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from parsing.load import demo_path, load_thread
from scoring import toml_output
from scoring.models import Scorecard, UserLayer, UserMark
from scoring.scorer import score_thread
from scoring.store import HEADER, TRAILER, load_scorecard, save_scorecard, to_document, to_toml
from scoring.user_layer import set_note, set_override
from tests.conftest import SEED, needs_shared


def tomli_w_file(card: Scorecard) -> str:
    """The scorecard file as it was written with tomli_w."""
    head = (
        f"{HEADER} Edit rating (1-5), bookmark, note and verdict_override under\n"
        "# [[marks]]; everything under [totals], [[authors]] and [[posts]] is recomputed.\n"
    )
    return head + tomli_w.dumps(to_document(card), multiline_strings=False) + f"\n{TRAILER}\n"


@pytest.mark.parametrize("path", [demo_path(), pytest.param(SEED, marks=needs_shared)])
def test_a_scorecard_file_is_what_tomli_w_wrote(path: Path) -> None:
    thread = load_thread(path)
    card = score_thread(thread)
    assert to_toml(card) == tomli_w_file(card)
    user = set_override(card.user, thread.posts[1], "evidenced", card.posts[1].verdict)
    user = set_note(user, thread.posts[2], 'a "note"\non two lines\twith a tab \x7f')
    orphan = UserMark(post_id="gone", post_number=99, excerpt="x" * 150, bookmark=True)
    marked = card.model_copy(update={"user": UserLayer(marks=user.marks, orphans=[orphan])})
    assert to_toml(marked) == tomli_w_file(marked)


def test_empty_scorecards_are_what_tomli_w_wrote() -> None:
    """No posts at all (the reader's marks-only file): `posts = []` is a plain value."""
    card = Scorecard(fingerprint="f", source_path="p")
    assert to_toml(card) == tomli_w_file(card)


def test_a_saved_file_reads_back(tmp_path: Path) -> None:
    card = score_thread(load_thread(None))
    path = tmp_path / "card.toml"
    save_scorecard(card, path)
    assert path.read_text(encoding="utf-8") == tomli_w_file(card)
    assert load_scorecard(path).posts == card.posts


KEYS = st.text(st.sampled_from('ab_-1 ."\\é\x00\n'), max_size=4)
SCALARS = (
    st.text(st.characters(codec="utf-8"), max_size=40)
    | st.integers(-(2**40), 2**40)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.booleans()
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=4),
    max_leaves=12,
)
TABLES = st.lists(st.dictionaries(KEYS, VALUES, max_size=4), min_size=1, max_size=3)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(KEYS, VALUES | TABLES, max_size=6))
def test_any_document_is_what_tomli_w_writes(document: dict) -> None:
    written = toml_output.dumps(document)
    assert written == tomli_w.dumps(document)
    assert tomllib.loads(written) == tomllib.loads(tomli_w.dumps(document))
