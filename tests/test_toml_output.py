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
from scoring.store import (
    HEADER,
    TRAILER,
    load_scorecard,
    save_scorecard,
    scored_toml_chunks,
    to_document,
    to_toml,
    write_scorecard,
)
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


@pytest.mark.parametrize("path", [demo_path(), pytest.param(SEED, marks=needs_shared)])
@pytest.mark.parametrize("cues", [False, True])
def test_the_streamed_file_of_score_toml_is_the_whole_cards(
    path: Path, cues: bool, tmp_path: Path
) -> None:
    """`score --toml` scores a post at a time and keeps only its section and what the
    tallies count; the file is the one the whole card gives, marks and overrides included
    (the tallies follow the overrides), and reads back with the marks."""
    thread = load_thread(path)
    plain = score_thread(thread)
    user = set_override(plain.user, thread.posts[1], "challenge", plain.posts[1].verdict)
    user = set_override(user, thread.posts[3], "evidenced", plain.posts[3].verdict)
    user = set_note(user, thread.posts[2], 'a "note"')
    orphan = UserMark(post_id="gone", post_number=99, excerpt="x", verdict_override="asserted")
    layer = UserLayer(marks=user.marks, orphans=[orphan], cleared={"old": 1.5})
    for marks in (None, layer):
        card = score_thread(thread, marks)
        streamed = "".join(scored_toml_chunks(thread, marks, cues=cues))
        assert streamed == to_toml(card, tallied=True, cues=cues)
        if cues:  # `tomli_w_file` writes every field
            assert streamed == tomli_w_file(card)
    out = tmp_path / "card.toml"
    write_scorecard(scored_toml_chunks(thread, layer, cues=cues), out)
    back = load_scorecard(out)
    assert back.user.marks == layer.marks and back.user.orphans == [orphan]
    assert back.totals == score_thread(thread, layer).totals
    assert back.totals.overridden >= 1


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
