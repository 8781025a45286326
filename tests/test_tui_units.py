"""The reader's pure modules: filters, history, search, keymap, state files, sanitising, rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from parsing.models import Source
from tests.reader_support import small_thread
from tui.filters import Filter, PostFacts, apply_filter
from tui.history import JumpHistory
from tui.keymap import drop_clashes, load_keymap, parse_keymap
from tui.merge import merge_layers
from tui.safe import clean, one_line
from tui.search import SearchIndex, next_match
from tui.state import UiState, home_dir, load_ui_state, slug, thread_files, thread_name
from tui.widgets.post_list import fit, marker_text

FACTS = [
    PostFacts(1, "alice", "evidenced", 5, True),
    PostFacts(2, "bob", "challenge", None, False),
    PostFacts(3, "", "asserted", 2, False),
    PostFacts(4, "alice", "asserted", None, True),
]


def test_filters_combine_and_describe_themselves() -> None:
    assert apply_filter(Filter(), FACTS) == [1, 2, 3, 4]
    assert apply_filter(Filter(verdicts=frozenset({"asserted"})), FACTS) == [3, 4]
    assert apply_filter(Filter(author="alice", bookmarked=True), FACTS) == [1, 4]
    assert apply_filter(Filter(rated=True, verdicts=frozenset({"asserted"})), FACTS) == [3]
    assert apply_filter(Filter(author=""), FACTS) == [3]
    described = Filter(verdicts=frozenset({"challenge", "evidenced"}), author="", rated=True)
    assert described.describe() == "evidenced/challenge, by —, rated"


def test_filters_round_trip_and_tolerate_junk() -> None:
    f = Filter(verdicts=frozenset({"asserted"}), author="bob", bookmarked=True)
    assert Filter.from_dict(f.to_dict()) == f
    junk = {"verdicts": ["bogus", "asserted", 3], "author": 7, "bookmarked": "yes"}
    assert Filter.from_dict(junk) == Filter(verdicts=frozenset({"asserted"}))


def test_history_goes_back_and_forward_like_a_browser() -> None:
    h = JumpHistory()
    h.jump(1, 5)
    h.jump(5, 9)
    assert h.back(9) == 5
    assert h.back(5) == 1
    assert h.back(1) is None
    assert h.forward(1) == 5
    h.jump(5, 7)  # a new jump drops the forward stack
    assert h.forward(7) is None
    assert h.back(7) == 5
    h.jump(3, 3)
    assert h.back_stack == [1]


def test_search_is_fuzzy_and_walks_in_thread_order() -> None:
    index = SearchIndex(
        [(1, "The council survey"), (2, "Pontevedra closed its centre"), (3, "COUNCIL vote")]
    )
    assert index.find("council") == [1, 3]
    assert index.find("Pontevedr a") == [2]
    assert index.find("pontevdra") == [2]
    assert index.find("zz") == [] and index.find("  ") == []
    assert next_match([2, 5, 9], 5, 1) == 9
    assert next_match([2, 5, 9], 9, 1) == 2
    assert next_match([2, 5, 9], 2, -1) == 9
    assert next_match([2, 5, 9], 6, -1) == 5
    assert next_match([], 1, 1) is None


def test_keymap_keeps_good_entries_and_reports_bad_ones(tmp_path: Path) -> None:
    keymap, problems = parse_keymap(
        {"bookmark": " b , ctrl+b ", "help": 3, "nope": "x", "quit": ""},
        ["bookmark", "help", "quit"],
    )
    assert keymap == {"bookmark": "b,ctrl+b"}
    assert len(problems) == 3
    dotted, problems = parse_keymap({"list": {"down": "n"}, "pane": {"x": "y"}}, ["list.down"])
    assert dotted == {"list.down": "n"} and problems == ["unknown binding id 'pane.x'"]
    assert load_keymap(tmp_path / "missing.toml", ["x"]) == ({}, [])
    context = [("list.down", "j"), ("list.up", "k"), ("bookmark", "m")]
    swapped = {"list.down": "k", "list.up": "j"}
    assert drop_clashes(swapped, [context]) == (swapped, [])
    kept, problems = drop_clashes({"bookmark": "k"}, [context, [("bookmark", "m")]])
    assert kept == {} and problems == ["bookmark: 'k' is already bound to list.up; keeping m"]
    bad = tmp_path / "config.toml"
    bad.write_text("[keys\n")
    keymap, problems = load_keymap(bad, ["x"])
    assert keymap == {} and "unreadable" in problems[0]


def test_state_lives_under_threadscore_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("THREADSCORE_HOME", str(tmp_path))
    assert home_dir() == tmp_path
    source = Source(path="/x/My Thread (2).HTML", format="html", sha256="ab" * 32)
    files = thread_files(source)
    assert files.scorecard == tmp_path / "threads" / f"{'ab' * 8}-my-thread-2.scorecard.toml"
    assert files.ui.name == f"{'ab' * 8}-my-thread-2.ui.toml"
    assert slug("") == "thread" and slug("....") == "thread"
    pages = [f"/x/forum.thread-42/page{n}.html" for n in (1, 2)]
    folder = Source(path="/x/forum.thread-42", paths=pages, format="html", sha256="cd" * 32)
    assert thread_name(folder) == "forum.thread-42"
    assert thread_files(folder).ui.name == f"{'cd' * 8}-forum-thread-42.ui.toml"
    assert thread_name(source) == "My Thread (2)"


def test_ui_state_round_trips_and_finds_posts_by_id(tmp_path: Path) -> None:
    thread = small_thread()
    state = UiState(post_id="p4", number=2, filter=Filter(rated=True), search="x", highlight=False)
    back = UiState.from_toml(state.to_toml())
    assert back == state and back.position_in(thread) == 4
    assert UiState(post_id="gone", number=3).position_in(thread) == 3
    assert UiState(number=99).position_in(thread) is None
    path = tmp_path / "ui.toml"
    path.write_text("version = 2\n")
    state, notice = load_ui_state(path)
    assert state == UiState() and notice and "kept as" in notice
    assert not path.exists() and len(list(tmp_path.glob("ui.toml.damaged-*"))) == 1


def test_clean_removes_escapes_and_controls_but_keeps_text() -> None:
    dirty = (
        "a\x1b[31mred\x1b[0m \x1b]52;c;aGk=\x07b\x9b2J \x1b]8;;http://x\x1b\\l\u202eevil\r\nz\x00"
    )
    assert clean(dirty) == "ared b levil\nz"
    assert clean("👨‍👩‍👧 [b]x[/b]\tok") == "👨‍👩‍👧 [b]x[/b]\tok"
    assert one_line("  a\n\n b\t c ") == "a b c"
    assert clean(None) == "" and clean("\ud800x") == "?x"


def test_row_pieces_fit_their_cells() -> None:
    assert fit("abcdef", 4) == "abc…"
    assert fit("ab", 4) == "ab  "
    assert fit("日本語", 4) == "日…" or fit("日本語", 4) == "日 …"
    assert fit("x", 0) == ""
    assert marker_text([3]) == "↩ #3"
    assert marker_text([1, 2, 3, 4]) == "↩ #1 #2 #3…"
    assert marker_text([]) == ""


def test_the_per_thread_file_keeps_marks_but_no_scores() -> None:
    from scoring.user_layer import toggle_bookmark
    from tests.reader_support import fixed_scorer
    from tui.saving import marks_only

    thread = small_thread()
    card = fixed_scorer(thread)
    card = card.model_copy(update={"user": toggle_bookmark(card.user, thread.posts[0])})
    light = marks_only(card)
    assert light.posts == [] and light.authors == [] and light.user == card.user
    assert light.fingerprint == card.fingerprint


def test_merging_another_readers_marks_takes_the_later_edit_of_each_mark() -> None:
    from scoring.models import UserLayer, UserMark

    def mark(post_id: str, number: int, rating: int, edited: float) -> UserMark:
        return UserMark(post_id=post_id, post_number=number, rating=rating, edited=edited)

    orphan = mark("gone", 9, 1, 1.0)
    ours = UserLayer(
        marks={"a": mark("a", 1, 5, 10.0), "b": mark("b", 2, 5, 5.0)}, orphans=[orphan]
    )
    theirs = UserLayer(
        marks={"b": mark("b", 2, 1, 8.0), "c": mark("c", 3, 1, 3.0)}, orphans=[orphan]
    )
    merged = merge_layers(ours, theirs)
    assert {k: m.rating for k, m in merged.marks.items()} == {"a": 5, "b": 1, "c": 1}
    assert merged.orphans == [orphan]
    we_cleared_b_later = merge_layers(UserLayer(cleared={"b": 9.0}), theirs)
    assert list(we_cleared_b_later.marks) == ["c"] and we_cleared_b_later.cleared == {"b": 9.0}
    they_cleared_a_later = merge_layers(ours, UserLayer(cleared={"a": 11.0}))
    assert list(they_cleared_a_later.marks) == ["b"]
    assert merge_layers(ours, UserLayer(cleared={"a": 9.0})).marks["a"].rating == 5


def test_opening_the_reader_does_not_import_the_scorer() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from tui.cli import build_parser; build_parser(); "
        "print(sorted(m for m in sys.modules if m.startswith('scoring')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_earlier_marks_come_back_only_for_the_same_thread(tmp_path: Path) -> None:
    from scoring.models import Scorecard, UserLayer
    from scoring.store import save_scorecard
    from scoring.user_layer import set_rating
    from tests.reader_support import small_thread
    from tui.state import load_user_layer

    old = small_thread("/t/old.txt")
    layer = set_rating(set_rating(UserLayer(), old.posts[0], 4), old.posts[5], 2)
    card = Scorecard(fingerprint=old.source.sha256, source_path="/t/old.txt", user=layer)
    save_scorecard(card, thread_files(old.source, tmp_path).scorecard)

    def moved(path: str, sha: str, posts: list) -> object:
        source = old.source.model_copy(update={"path": path, "sha256": sha})
        return old.model_copy(update={"source": source, "posts": posts})

    dropped = moved("/t/new name.txt", "ab" * 32, old.posts[:5])  # renamed, last post gone
    loaded = load_user_layer(thread_files(dropped.source, tmp_path).scorecard, dropped)
    assert loaded.layer.marks[old.posts[0].id].rating == 4
    assert [m.post_number for m in loaded.layer.orphans] == [6] and "#6" in loaded.notice
    unrelated = [p.model_copy(update={"id": f"q{p.number}", "body": "x"}) for p in old.posts]
    other = moved("/t/other.txt", "cd" * 32, unrelated)  # only the title is the same
    loaded = load_user_layer(thread_files(other.source, tmp_path).scorecard, other)
    assert not loaded.layer.marks and loaded.notice is None


def test_key_table_rows_ids_and_contexts() -> None:
    """The key bookkeeping the App delegates: ids once each, remapped-away keys shown."""
    from textual.binding import Binding

    from tui.key_table import binding_contexts, binding_ids, help_rows, palette_entries

    reader = [Binding("s", "app.search", "Search", id="search"), Binding("x", "app.x", "X")]
    post_list = [Binding("j", "down", "Down", id="down"), Binding("k", "app.search", id="search")]
    assert binding_ids([reader, post_list]) == ["search", "down", "app.quit"]
    rows = help_rows(reader, {"search": ["s", "/"]})
    assert [(r.keys, r.description, r.binding_id) for r in rows] == [
        ("s, /", "Search posts", "search")
    ]
    assert help_rows(reader, {})[0].keys == "(unbound)"
    assert palette_entries(reader, rows) == [("Search posts", "app.search", "s, /")]
    sections = {"Reader": reader, "Post list": post_list, "Reading pane": [], "Scorecard": []}
    contexts = binding_contexts(sections)
    assert contexts[0] == [("search", "s"), ("down", "j"), ("search", "k"), ("app.quit", "ctrl+q")]
    assert contexts[2] == [("app.quit", "ctrl+q")]


def test_every_verdict_of_the_scorer_has_one_look_in_the_reader() -> None:
    """Adding a verdict is one row in tui.verdicts; the order is the scorer's (strongest first)."""
    from scoring.models import VERDICTS as SCORED
    from tui.verdicts import LOOKS, legend

    assert tuple(LOOKS) == SCORED
    badges = [look.badge for look in LOOKS.values()]
    glyphs = [look.glyph for look in LOOKS.values()]
    assert len(set(badges)) == len(badges) and len(set(glyphs)) == len(glyphs)
    assert all(f"{look.glyph}[/] {look.word}" in legend(True) for look in LOOKS.values())
    # An English thread's legend has no "not scored" entry; one with such posts has.
    assert "not scored" not in legend() and "not scored" in legend(True)
