"""The user's layer: pure edits, and re-attaching marks after the thread file changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from parsing import Post, Source, Thread, load_thread
from parsing.load import demo_path
from scoring import score_thread
from scoring.store import load_scorecard, save_scorecard
from scoring.user_layer import (
    UserLayer,
    reattach,
    set_note,
    set_override,
    set_rating,
    toggle_bookmark,
)


def thread_of(*bodies: str, prefix: str = "id") -> Thread:
    posts = [Post(number=i, id=f"{prefix}{i}", body=b) for i, b in enumerate(bodies, start=1)]
    return Thread(source=Source(path="t.txt", format="text", sha256="0" * 64), posts=posts)


def test_edits_return_new_layers_and_leave_the_old_one_alone() -> None:
    post = thread_of("Car-free centres are good for business.").posts[0]
    empty = UserLayer()
    rated = set_rating(empty, post, 5)
    assert empty.marks == {}
    assert rated.marks["id1"].rating == 5
    assert rated.marks["id1"].excerpt == "Car-free centres are good for business."
    marked = toggle_bookmark(set_note(rated, post, "  good point  "), post)
    assert (marked.marks["id1"].note, marked.marks["id1"].bookmark) == ("good point", True)
    assert toggle_bookmark(marked, post).marks["id1"].bookmark is False
    overridden = set_override(marked, post, "evidenced", "asserted")
    assert overridden.marks["id1"].verdict_override == "evidenced"
    assert overridden.marks["id1"].computed_verdict == "asserted"
    assert set_override(overridden, post, None).marks["id1"].verdict_override is None


def test_clearing_everything_removes_the_mark() -> None:
    post = thread_of("Some words here.").posts[0]
    layer = set_rating(UserLayer(), post, 3)
    assert set_rating(layer, post, None).marks == {}


@pytest.mark.parametrize("rating", [0, 6, -1])
def test_ratings_are_one_to_five(rating: int) -> None:
    post = thread_of("Some words here.").posts[0]
    with pytest.raises(ValueError, match="1 to 5"):
        set_rating(UserLayer(), post, rating)


def test_reattach_follows_the_post_id_when_posts_move() -> None:
    before = thread_of("First post about buses.", "Second post about trams.")
    layer = set_rating(UserLayer(), before.posts[1], 4)
    moved = Thread(
        source=before.source,
        posts=[
            Post(number=1, id="new", body="A new first post."),
            Post(number=2, id="id1", body="First post about buses."),
            Post(number=3, id="id2", body="Second post about trams."),
        ],
    )
    after = reattach(layer, moved)
    assert after.marks["id2"].post_number == 3
    assert after.orphans == []


def _edited_demo(tmp_path: Path) -> tuple[Path, Path, str]:
    """The demo thread and a copy with one word of post 2 changed."""
    original = tmp_path / "thread.txt"
    original.write_text(demo_path().read_text(encoding="utf-8"), encoding="utf-8")
    text = original.read_text(encoding="utf-8")
    old = "the number of shops in the centre went up"
    assert old in text
    edited = tmp_path / "thread-edited.txt"
    edited.write_text(text.replace(old, "the number of shops in the center went up"), "utf-8")
    return original, edited, old


def test_marks_reattach_after_a_small_edit_of_the_thread_file(tmp_path: Path) -> None:
    original, edited, old = _edited_demo(tmp_path)
    thread = load_thread(original)
    target = next(p for p in thread.posts if old in p.body)
    other = thread.posts[0]
    layer = set_note(set_rating(UserLayer(), target, 5), target, "the Pontevedra figures")
    layer = toggle_bookmark(layer, other)
    new_thread = load_thread(edited)
    new_target = next(p for p in new_thread.posts if "went up" in p.body and "center" in p.body)
    assert new_target.id != target.id  # the edit changed the stable id
    after = reattach(layer, new_thread)
    assert after.orphans == []
    assert after.marks[new_target.id].rating == 5
    assert after.marks[new_target.id].note == "the Pontevedra figures"
    assert after.marks[new_target.id].post_number == new_target.number
    assert after.marks[new_thread.posts[0].id].bookmark


def test_a_mark_whose_post_is_gone_is_kept_as_an_orphan(tmp_path: Path) -> None:
    before = thread_of("Car-free centres are good for business.", "Buses should stay.")
    layer = set_rating(UserLayer(), before.posts[0], 2)
    layer = set_note(layer, before.posts[1], "keep")
    changed = thread_of(
        "Something entirely different is said here.", "Buses should stay.", prefix="n"
    )
    after = reattach(layer, changed)
    assert list(after.marks) == ["n2"]
    assert [(o.post_id, o.rating) for o in after.orphans] == [("id1", 2)]
    # The orphan survives a save and a load, and re-attaches when its post comes back.
    thread = load_thread(None)
    card = score_thread(thread).model_copy(update={"user": after})
    path = tmp_path / "card.toml"
    save_scorecard(card, path)
    kept = load_scorecard(path).user
    assert [o.excerpt for o in kept.orphans] == ["Car-free centres are good for business."]
    back = reattach(kept, before)
    assert back.orphans == []
    assert back.marks["id1"].rating == 2


def test_two_marks_never_land_on_one_post() -> None:
    before = thread_of("The council will vote next month.", "The council will vote next month!")
    layer = set_rating(set_rating(UserLayer(), before.posts[0], 1), before.posts[1], 5)
    after = reattach(layer, thread_of("The council will vote next month?", prefix="n"))
    assert len(after.marks) == 1
    assert len(after.orphans) == 1
