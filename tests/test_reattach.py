"""Marks find their post again after the thread file changed: posts with the same text keep
their own marks when a post is inserted or deleted before them, a mark whose post was deleted is
an orphan (never moved to the reply that quoted it), an edited post keeps its mark, and the
notice counts exactly. Through `threadscore score -o` and through the reader."""

from __future__ import annotations

from pathlib import Path

import pytest

from parsing import load_thread
from scoring import score_thread
from scoring.models import UserLayer
from scoring.store import load_scorecard, save_scorecard
from scoring.user_layer import describe, reattach, set_rating
from tests.reader_support import press, ready, settle
from tui.app import ThreadscoreApp
from tui.cli import main

QUOTED = (
    "The 2019 report by the environment office measured nitrogen dioxide on Market Street "
    "at 38 micrograms per cubic metre."
)
AGREE = ("bob", "I agree with this.")
POSTS = [
    ("alice", "Should the old town centre go car-free? The council votes next month on it."),
    AGREE,
    ("carol", QUOTED),
    ("dave", QUOTED + "\nTrue, but only just under the limit."),
    AGREE,
    ("erin", "Shops on Bridge Lane say half their customers drive in from the villages."),
    AGREE,
    ("frank", "We counted receipts for two weeks last spring: 212 of 430 had a village postcode."),
]
RATINGS = {2: 1, 3: 3, 5: 4, 6: 2, 7: 5}
"""Post number -> rating given on the first version: three on repeats of one text, one on the
quoted post, one on a post that gets edited."""


def dump(posts: list[tuple[str, str]]) -> str:
    """A saved thread as a text dump: author, date, words."""
    return "\n".join(f"{a}\nSep {12 + i // 5}, 2026\n{t}\n" for i, (a, t) in enumerate(posts))


def changed() -> list[tuple[str, str]]:
    """The thread later: the quoted post deleted (its words are now the start of the reply's
    own), a repeat inserted in its place, before two marked repeats; erin's post edited."""
    posts = list(POSTS)
    posts[5] = ("erin", POSTS[5][1].replace("say half", "say about half"))
    del posts[2]  # carol's quoted post
    posts.insert(2, AGREE)  # a repeat where carol's post was, before the marked ones
    return posts


EXPECTED = {2: 1, 5: 4, 6: 2, 7: 5}
"""New post number -> rating: the repeats keep theirs (#2, #5, #7), erin's edited post (#6)
has its mark; carol's mark (3) has no post: the reply that quoted her (#4) must not take it."""


def write_card(thread_path: Path, card_path: Path) -> None:
    """A card as `score -o` writes it for the first version, with the user's ratings."""
    thread = load_thread(thread_path)
    layer = UserLayer()
    for number, rating in RATINGS.items():
        layer = set_rating(layer, thread.posts[number - 1], rating)
    card = score_thread(thread).model_copy(update={"user": describe(layer, thread)})
    save_scorecard(card, card_path)


def ratings(layer: UserLayer) -> dict[int, int | None]:
    return {m.post_number: m.rating for m in layer.marks.values()}


def test_the_changed_thread_is_what_the_test_says(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    path.write_text(dump(changed()), encoding="utf-8")
    posts = load_thread(path).posts
    assert [p.number for p in posts if p.body == AGREE[1]] == [2, 3, 5, 7]
    assert posts[3].body.startswith(QUOTED) and not posts[3].quotes  # the quote became words
    assert "about half" in posts[5].body


def test_score_o_keeps_each_mark_on_its_own_post(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    thread_path, card_path = tmp_path / "thread.txt", tmp_path / "card.toml"
    thread_path.write_text(dump(POSTS), encoding="utf-8")
    write_card(thread_path, card_path)
    thread_path.write_text(dump(changed()), encoding="utf-8")
    capsys.readouterr()
    assert main(["score", str(thread_path), "-o", str(card_path)]) == 0
    err = capsys.readouterr().err
    user = load_scorecard(card_path).user
    assert ratings(user) == EXPECTED
    assert [(o.post_number, o.rating) for o in user.orphans] == [(3, 3)]
    assert "5 mark(s) in" in err
    assert "3 on the same post, 1 moved to an edited post, 1 fit no post" in err
    # Again on the same thread: the marks stay, the orphan is still told.
    assert main(["score", str(thread_path), "-o", str(card_path)]) == 0
    assert "4 on the same post, 0 moved to an edited post, 1 fit no post" in capsys.readouterr().err
    assert ratings(load_scorecard(card_path).user) == EXPECTED


async def test_the_reader_restores_each_mark_to_its_own_post(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("THREADSCORE_HOME", str(tmp_path / "home"))
    thread_path = tmp_path / "thread.txt"
    thread_path.write_text(dump(POSTS), encoding="utf-8")
    first = ThreadscoreApp([thread_path])
    async with first.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        for number, rating in RATINGS.items():
            first.reader.post_list.go_to(number)
            await settle(pilot)
            await press(pilot, str(rating))
            await settle(pilot)
        await press(pilot, "q")
    thread_path.write_text(dump(changed()), encoding="utf-8")
    again = ThreadscoreApp([thread_path])
    async with again.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        doc = again.reader.doc
        shown = {n: getattr(doc.mark(n), "rating", None) for n in range(1, 9)}
        notices = " ".join(str(n.message) for n in again._notifications)
    assert {n: r for n, r in shown.items() if r is not None} == EXPECTED
    assert "4 of 5 marks were restored" in notices
    assert "3 on the same post, 1 moved to an edited post" in notices
    assert "1 could not be re-attached (were #3)" in notices


def test_repeats_deleted_before_a_mark_and_a_deleted_repeat_is_an_orphan(tmp_path: Path) -> None:
    """Deleting the first of three repeats: its mark is an orphan, the others stay on theirs
    (by suffix, the first mark took the second post and the third mark was orphaned)."""
    path = tmp_path / "t.txt"
    path.write_text(dump(POSTS), encoding="utf-8")
    old = load_thread(path)
    layer = UserLayer()
    for number, rating in ((2, 1), (5, 4), (7, 5)):
        layer = set_rating(layer, old.posts[number - 1], rating)
    path.write_text(dump(POSTS[:1] + POSTS[2:]), encoding="utf-8")
    after = reattach(describe(layer, old), load_thread(path))
    assert ratings(after) == {4: 4, 6: 5}
    assert [o.rating for o in after.orphans] == [1]


def test_files_without_the_new_fields_open_and_keep_every_mark(tmp_path: Path) -> None:
    """A version 2 card (marks with id, number and excerpt only) reads, re-attaches as before
    and gains the context on the next save."""
    thread_path, card_path = tmp_path / "thread.txt", tmp_path / "card.toml"
    thread_path.write_text(dump(POSTS), encoding="utf-8")
    write_card(thread_path, card_path)
    lines = card_path.read_text(encoding="utf-8").splitlines()
    context = ("tail = ", "length = ", "before = ", "after = ", "same_text = ")
    old = [line for line in lines if not line.startswith(context)]
    old = [line.replace("schema_version = 3", "schema_version = 2") for line in old]
    card_path.write_text("\n".join(old) + "\n", encoding="utf-8")
    card = load_scorecard(card_path)
    assert len(card.user.marks) == 5 and all(m.length is None for m in card.user.marks.values())
    thread = load_thread(thread_path)
    again = reattach(card.user, thread)
    assert ratings(again) == RATINGS and not again.orphans
    assert all(m.before is not None for m in again.marks.values())
