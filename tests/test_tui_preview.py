"""A big text dump opens on a preview of its first posts, parsed from its opening, while the
whole thread is read: the preview shows the posts the whole parse makes, keys pressed and a
search made on it are kept, and the user's marks come only with the whole thread."""

from __future__ import annotations

import random
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.reader_support import press, settle, until, wait_loaded
from tui import loader
from tui.app import ThreadscoreApp

SENTENCES = (
    "Car-free centres are good for business, and the shops on the square know it.",
    "According to the 2019 survey, 41% of cars only pass through the old town.",
    "I doubt that is true for a town like ours, where the bus stops at six.",
    "Here is the page with the counts: https://example.org/air (table 4).",
    "We counted for two weeks: 212 of 430 receipts had a village postcode.",
    "That is why I think this plan is a terrible idea for the people who work here.",
)


def big_dump(path: Path, posts: int) -> None:
    """A flattened dump in the seed's style (author, date, words, blank line), a third of
    its posts opening with a line repeated from one of the ten posts before (a quote)."""
    rng = random.Random(7)
    bodies: list[str] = []
    lines = [f"A generated thread of {posts} posts", ""]
    for i in range(posts):
        body = f"Post {i + 1} says: " + " ".join(rng.sample(SENTENCES, rng.randint(1, 3)))
        quoted = [bodies[rng.randrange(max(0, i - 10), i)]] if i and rng.random() < 0.3 else []
        bodies.append(body)
        lines += [f"user{rng.randrange(50)}", f"Sep {1 + i % 28}, 2026", *quoted, body, ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def hold_whole_parse(
    monkeypatch: pytest.MonkeyPatch,
    *,
    change: Callable[[loader.ThreadRead], loader.ThreadRead] | None = None,
    previews: list[object] | None = None,
) -> threading.Event:
    """The reader shows its preview and the whole parse waits until the returned event is set;
    `change` alters the whole thread it then brings, `previews` collects the previews shown."""
    gate = threading.Event()

    def gated(paths: object, home: object) -> object:
        preview, rest = loader.read_in_two(paths, home)  # type: ignore[arg-type]
        if previews is not None:
            previews.append(preview)
        return preview, lambda: (gate.wait(20), (change or (lambda read: read))(rest()))[1]

    monkeypatch.setattr("tui.screens.reader.read_in_two", gated)
    return gate


@pytest.fixture
def dump(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """1,200 posts (0.2 MB) previewed from their first 20,000 characters, as a dump of
    0.5 MB or more is from its first 128 KiB: the same steps at a third of the test's time."""
    monkeypatch.setattr("parsing.load.PREVIEW_FROM", 100_000)
    monkeypatch.setattr("parsing.load.PREVIEW_CHARS", 20_000)
    path = tmp_path / "big-thread.txt"
    big_dump(path, 1200)
    return path


async def test_keys_and_marks_on_a_preview_are_kept_when_the_whole_thread_replaces_it(
    tmp_path: Path, dump: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    # An earlier session bookmarks #2 on the whole thread.
    app = ThreadscoreApp([dump], home=home)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(app)
        await press(pilot, "j", "m")
        assert app.reader.doc is not None and app.reader.doc.bookmarks() == [2]
        await press(pilot, "g", "q")
    whole = app.reader.doc.thread.posts if app.reader.doc else []
    assert len(whole) == 1200

    # This time the whole parse waits until the preview has been read and keyed on.
    previews: list[object] = []
    gate = hold_whole_parse(monkeypatch, previews=previews)
    app = ThreadscoreApp([dump], home=home)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: app.reader.doc is not None, "the provisional thread to be shown")
        reader = app.reader
        assert reader.doc is not None and reader._provisional
        shown = reader.doc.thread.posts
        assert 40 < len(shown) < len(whole)
        assert shown == whole[: len(shown)]  # the first screen is the whole parse's posts
        assert reader.post_list.numbers[:3] == [1, 2, 3]
        assert not reader.marks_ready and reader.doc.bookmarks() == []  # marks wait for it
        await press(pilot, "j", "j", "m", "enter")
        assert reader.current == 3 and reader.pane.view is not None
        assert reader.pane.view.post.number == 3
        assert reader.doc.bookmarks() == []  # kept, not made, until the marks are in
        await press(pilot, "slash", *"says", "enter")  # every post matches: the preview's too
        assert reader.search_query == "says" and 1100 not in reader.matches
        assert reader.current == 3  # a match itself

        gate.set()
        await wait_loaded(app)
        await settle(pilot)
        assert not reader._provisional and reader.doc.thread.posts == whole
        assert reader.current == 3 and app.focused is reader.pane
        assert reader.pane.view is not None and reader.pane.view.post.number == 3
        assert reader.doc.bookmarks() == [2, 3]  # the saved one and the one keyed on the preview
        assert 1100 in reader.matches  # the search runs again over the whole thread, in place
        assert reader.doc.score(3) is not None and reader.scored
    assert previews and previews[0] is not None


async def test_the_last_post_key_on_a_preview_goes_to_the_whole_threads_last_post(
    tmp_path: Path, dump: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`G` on a preview means the thread's last post, which only the whole parse has: it
    waits for it, and a key pressed after it moves from there."""
    gate = hold_whole_parse(monkeypatch)
    app = ThreadscoreApp([dump], home=tmp_path / "home")
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: app.reader.doc is not None, "the provisional thread to be shown")
        reader = app.reader
        assert reader.doc is not None and reader._provisional
        previewed = len(reader.doc.thread.posts)
        await press(pilot, "j", "G", "k")
        assert reader.current == 2  # not the preview's last post: kept for the whole thread
        gate.set()
        await wait_loaded(app)
        await settle(pilot)
        assert not reader._provisional and len(reader.doc.thread.posts) == 1200 > previewed
        assert reader.current == 1199  # the last post, then one up


async def test_an_edit_on_a_preview_post_the_whole_parse_renamed_lands_on_that_post(
    tmp_path: Path, dump: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where the whole parse cuts the thread otherwise than the preview did (here: post 2 ends
    a line earlier, the line is a post of its own, and the next post's id changes), a key
    kept on the preview's post 3 lands on the post holding its lines, not on number 3."""
    import dataclasses

    def recut(read: loader.ThreadRead) -> loader.ThreadRead:
        posts = read.thread.posts
        first, last = posts[1].lines or (0, 0)
        split = [
            posts[0],
            posts[1].model_copy(update={"lines": (first, last - 1)}),
            posts[1].model_copy(update={"id": "split-off", "lines": (last, last)}),
            posts[2].model_copy(update={"id": "changed-id"}),
            *posts[3:],
        ]
        renumbered = [p.model_copy(update={"number": n}) for n, p in enumerate(split, 1)]
        thread = read.thread.model_copy(update={"posts": renumbered})
        return dataclasses.replace(read, thread=thread)

    gate = hold_whole_parse(monkeypatch, change=recut)
    app = ThreadscoreApp([dump], home=tmp_path / "home")
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: app.reader.doc is not None, "the provisional thread to be shown")
        reader = app.reader
        assert reader.doc is not None and reader._provisional
        third = reader.doc.thread.posts[2]
        await press(pilot, "j", "j", "m")
        assert reader.current == 3 and reader.doc.bookmarks() == []
        gate.set()
        await wait_loaded(app)
        await settle(pilot)
        assert not reader._provisional and reader.doc.thread.posts[3].id == "changed-id"
        assert reader.doc.thread.posts[3].lines == third.lines
        assert reader.current == 4 and reader.doc.bookmarks() == [4]


async def test_a_search_matching_nothing_in_the_preview_moves_once_the_whole_thread_is_in(
    tmp_path: Path, dump: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The preview holds the first posts only: a search for words further on says so, and
    goes to its first match when the whole thread is in."""
    gate = hold_whole_parse(monkeypatch)
    app = ThreadscoreApp([dump], home=tmp_path / "home")
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: app.reader.doc is not None, "the provisional thread to be shown")
        reader = app.reader
        assert reader.doc is not None and reader._provisional
        await press(pilot, "j", "slash", *"1100", "enter")  # in a post past the preview
        assert reader.matches == [] and reader.current == 2
        gate.set()
        await wait_loaded(app)
        await settle(pilot)
        assert not reader._provisional and 1100 in reader.matches
        assert reader.current == reader.matches[0] >= 1100
