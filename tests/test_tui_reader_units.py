"""The reader's Textual-free parts for the newsreader features: reply tree, read marks, links,
recent threads, author filter helpers, settings and colours."""

from __future__ import annotations

import tomllib
import webbrowser
from pathlib import Path

import pytest
from textual.color import Color
from textual.theme import BUILTIN_THEMES

from tests.reader_support import small_thread
from tui.clipboard import own_words
from tui.contrast import AA, contrast, cue_variables, readable
from tui.filters import (
    Filter,
    PostFacts,
    apply_filter,
    author_only,
    authors_by_posts,
    matching_authors,
    nearest,
)
from tui.links import find_links, opens_in_terminal, safe_url
from tui.recent import Recent, describe, load_recent, recent_path, remember, with_demo
from tui.reply_tree import ReplyTree, Step, left, reply_marker, right
from tui.settings import load_theme, save_theme, with_theme
from tui.state import UiState
from tui.unread import ReadMarks, new_since, next_unread, unread_count

# ----- reply tree --------------------------------------------------------------------------


def small_tree() -> ReplyTree:
    thread = small_thread()
    quoted = {p.number: [q.target for q in p.quotes if q.target] for p in thread.posts}
    return ReplyTree.build([p.number for p in thread.posts], quoted)


def test_each_post_sits_under_the_first_post_it_quotes() -> None:
    tree = small_tree()
    # 2 quotes 1; 3 quotes 1 and 2; 4 quotes 2; 5 and 6 quote nothing
    assert tree.order == [1, 2, 4, 3, 5, 6]
    assert [tree.depth[n] for n in tree.order] == [0, 1, 2, 1, 0, 0]
    assert tree.parent[3] == 1 and tree.parents[3] == (1, 2)
    assert reply_marker(tree, 3) == "↩ #1 #2" and reply_marker(tree, 2) == ""
    assert tree.size[1] == 3 and tree.size[2] == 1 and tree.size[6] == 0


def test_folding_hides_a_subtree_and_a_filter_keeps_tree_order() -> None:
    tree = small_tree()
    assert tree.visible(set()) == [1, 2, 4, 3, 5, 6]
    assert tree.visible({2}) == [1, 2, 3, 5, 6]
    assert tree.visible({1}) == [1, 5, 6]
    assert tree.visible({6}) == [1, 2, 4, 3, 5, 6]  # a post without replies has nothing to fold
    assert tree.visible(set(), shown={4, 3, 6}) == [4, 3, 6]
    assert tree.fold_point(4, {1}) == 1 and tree.fold_point(4, set()) == 4
    assert tree.all_folds() == {1, 2}
    assert tree.visible(tree.all_folds()) == [1, 5, 6]


def test_left_folds_then_climbs_and_right_unfolds_then_descends() -> None:
    tree = small_tree()
    assert left(tree, 2, set()) == Step(fold=True)
    assert left(tree, 2, {2}) == Step(go=1)
    assert left(tree, 4, set()) == Step(go=2)
    assert left(tree, 5, set()) == Step(go=None)
    assert right(tree, 2, {2}) == Step(fold=False)
    assert right(tree, 2, set()) == Step(go=4)
    assert right(tree, 6, set()) == Step(go=None)


def test_quotes_of_later_posts_unknown_posts_or_itself_make_no_link() -> None:
    tree = ReplyTree.build([1, 2, 3], {1: [3], 2: [2, 9, 1, 1], 3: []})
    assert tree.parent == {1: None, 2: 1, 3: None}
    assert tree.parents[2] == (1,)


def test_a_chain_of_ten_thousand_replies_builds_without_recursion() -> None:
    numbers = list(range(1, 10_001))
    tree = ReplyTree.build(numbers, {n: [n - 1] for n in numbers[1:]})
    assert tree.depth[10_000] == 9_999 and tree.size[1] == 9_999
    assert tree.visible({5_000}) == numbers[:5_000]


# ----- read and unread -----------------------------------------------------------------------


def test_new_since_the_last_visit_is_what_was_added_after_its_last_post() -> None:
    marks = ReadMarks(read={"a"})
    assert new_since(["a", "b"], marks) == []  # first visit: nothing is "new"
    marks.visited(["a", "b"])
    assert new_since(["a", "b"], marks) == []
    assert new_since(["a", "b", "c", "d"], marks) == [2, 3]
    marks.read.add("c")
    assert new_since(["a", "b", "c", "d"], marks) == [3]
    assert new_since(["x", "y", "z"], marks) == [2]  # last post gone: by count


def test_read_marks_round_trip_through_the_state_file() -> None:
    state = UiState(reading=ReadMarks(read={"p2", "p1"}, last_id="p6", last_count=6), tree=True)
    back = UiState.from_toml(state.to_toml())
    assert back.reading == state.reading and back.tree
    assert UiState.from_toml("version = 1\n").reading == ReadMarks()
    assert UiState.from_toml('version = 1\nreading = {read = 3, last_count = "x"}\n').reading == (
        ReadMarks()
    )


def test_next_unread_follows_the_list_order_and_wraps() -> None:
    order = [1, 2, 4, 3, 5, 6]
    assert next_unread(order, 2, {3, 6}) == 3
    assert next_unread(order, 6, {3, 6}) == 3
    assert next_unread(order, 3, {3}) is None
    assert next_unread(order, None, {4}) == 4
    assert unread_count(["a", "b", "c"], {"b"}) == 2


# ----- links ---------------------------------------------------------------------------------


def test_links_are_found_whole_without_the_sentence_around_them() -> None:
    text = (
        "See https://example.org/report.pdf, and (https://en.wikipedia.org/wiki/Foo_(bar)). "
        "Also www.council.gov.uk/survey?year=2019&t=4. Again https://example.org/report.pdf!"
    )
    assert [link.text for link in find_links(text)] == [
        "https://example.org/report.pdf",
        "https://en.wikipedia.org/wiki/Foo_(bar)",
        "www.council.gov.uk/survey?year=2019&t=4",
    ]
    www = find_links(text)[2]
    assert www.url == "http://www.council.gov.uk/survey?year=2019&t=4"
    assert text[www.start : www.end] == www.text


def test_only_absolute_web_addresses_with_nothing_hidden_are_offered() -> None:
    assert safe_url("https://example.org/a?b=c") == "https://example.org/a?b=c"
    for bad in (
        "javascript:alert(1)",
        "file:///etc/passwd",
        "https://",
        "https://exa mple.org",
        "https://example.org/\x1b]8;;evil",
        "https://example.org/\u202e",
    ):
        assert safe_url(bad) is None, bad
    assert find_links("click https://a.org/\x1b[31mred here") == find_links(
        "click https://a.org/ red here"
    )


def test_a_terminal_browser_is_told_apart_from_a_window_one() -> None:
    assert opens_in_terminal(webbrowser.GenericBrowser("lynx"))
    assert not opens_in_terminal(webbrowser.BackgroundBrowser("firefox"))


def test_y_copies_the_posts_own_words_cleaned() -> None:
    post = small_thread().posts[1]
    assert own_words(post) == "Source? I doubt that is true for a town like ours."
    dirty = post.model_copy(update={"body": "ok \x1b]52;c;aGk=\x07done\n"})
    assert own_words(dirty) == "ok done"


# ----- authors and the "has a note" filter ---------------------------------------------------


def facts() -> list[PostFacts]:
    authors = ["bob", "alice", "bob", None, "Carol", "bob", "alice"]
    return [
        PostFacts(number=i + 1, author=a, verdict=None, rating=None, bookmarked=False, noted=i == 3)
        for i, a in enumerate(authors)
    ]


def test_authors_are_listed_by_post_count_and_found_by_typing() -> None:
    ranked = authors_by_posts(facts())
    assert ranked == [("bob", 3), ("alice", 2), ("", 1), ("Carol", 1)]
    assert matching_authors(ranked, "CA") == [("Carol", 1)]
    assert matching_authors(ranked, "o") == [("bob", 3), ("Carol", 1)]
    assert matching_authors(ranked, "  ") == ranked


def test_the_note_filter_and_the_author_toggle() -> None:
    noted = Filter(noted=True)
    assert noted.active and noted.describe() == "with a note"
    assert apply_filter(noted, facts()) == [4]
    assert Filter.from_dict(noted.to_dict()) == noted
    assert author_only(Filter(), "bob") == Filter(author="bob")
    assert author_only(Filter(author="bob"), "bob") == Filter()
    assert author_only(Filter(author="bob", rated=True), "bob") == Filter(author="bob")


def test_a_filter_lands_on_the_nearest_post_it_shows() -> None:
    assert nearest([2, 9, 20], 7) == 9
    assert nearest([2, 9, 20], 4) == 2
    assert nearest([2, 8], 5) == 8  # a tie goes forward
    assert nearest([2, 9], 30) == 9 and nearest([2, 9], 9) == 9
    assert nearest([], 3) is None and nearest([4], None) == 4


# ----- recent threads -----------------------------------------------------------------------


def test_recent_threads_newest_first_once_each_demo_always_there(tmp_path: Path) -> None:
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    one.write_text("x", encoding="utf-8")
    two.write_text("x", encoding="utf-8")
    remember(tmp_path, Recent(paths=(str(one),), title="One", posts=3))
    remember(tmp_path, Recent(paths=(str(two),), title="Two", posts=5, marks=2, unread=1))
    remember(tmp_path, Recent(paths=(str(one),), title="One", posts=4))
    entries = load_recent(tmp_path)
    assert [e.title for e in entries] == ["One", "Two"] and entries[0].posts == 4
    two.unlink()
    demo = tmp_path / "demo.txt"
    demo.write_text("x", encoding="utf-8")
    shown = with_demo(entries, demo)
    assert [e.title for e in shown] == ["One", "The bundled demo thread"]
    assert describe(entries[1]).startswith("Two · 5 posts · 2 marks · 1 unread · opened ")


def test_an_unreadable_recent_list_is_set_aside_not_overwritten(tmp_path: Path) -> None:
    recent_path(tmp_path).write_text("version = 99\n", encoding="utf-8")
    assert load_recent(tmp_path) == []
    remember(tmp_path, Recent(paths=("/x.txt",)))
    kept = [p for p in tmp_path.iterdir() if p.name != "recent.toml"]
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == "version = 99\n"
    assert [e.paths for e in load_recent(tmp_path)] == [("/x.txt",)]


# ----- settings: theme ----------------------------------------------------------------------


def test_the_theme_line_is_the_only_change_to_the_config(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    assert save_theme(config, "nord") is None and load_theme(config) == "nord"
    hand = '# my keys\n[keys]\nbookmark = "b"  # b for bookmark\n'
    config.write_text(hand, encoding="utf-8")
    assert save_theme(config, "textual-light") is None
    text = config.read_text(encoding="utf-8")
    assert text == '# my keys\ntheme = "textual-light"\n\n' + hand[len("# my keys\n") :]
    assert save_theme(config, "gruvbox") is None
    assert config.read_text(encoding="utf-8") == text.replace("textual-light", "gruvbox")
    assert tomllib.loads(config.read_text(encoding="utf-8"))["keys"] == {"bookmark": "b"}
    assert with_theme("a = 1", 'x"y') == 'a = 1\ntheme = "x\\"y"\n'


def test_a_config_that_does_not_read_is_never_written(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text("[keys\nbroken", encoding="utf-8")
    assert "not valid TOML" in (save_theme(config, "nord") or "")
    assert config.read_text(encoding="utf-8") == "[keys\nbroken"
    assert load_theme(config) is None


# ----- colours --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(n for n in BUILTIN_THEMES if not n.startswith("ansi")))
def test_claim_and_evidence_colours_pass_wcag_aa_on_every_theme(name: str) -> None:
    variables = BUILTIN_THEMES[name].to_color_system().generate()
    background = Color.parse(variables["background"])
    for colour in cue_variables(variables).values():
        assert contrast(Color.parse(colour), background) >= AA, (name, colour)


def test_the_light_themes_needed_it_and_the_dark_ones_keep_their_colours() -> None:
    light = BUILTIN_THEMES["textual-light"].to_color_system().generate()
    assert contrast(Color.parse(light["success-lighten-1"]), Color.parse(light["background"])) < 2
    dark = BUILTIN_THEMES["textual-dark"].to_color_system().generate()
    assert cue_variables(dark)["cue-evidence"] == Color.parse(dark["success-lighten-1"]).hex


def test_contrast_ratios_match_wcag() -> None:
    assert contrast(Color(0, 0, 0), Color(255, 255, 255)) == pytest.approx(21)
    assert contrast(Color(119, 119, 119), Color(255, 255, 255)) == pytest.approx(4.48, abs=0.01)
    assert readable(Color(255, 255, 0), Color(255, 255, 255)).r < 255


# ----- the listing: order, folds, read marks --------------------------------------------------


def test_listing_orders_by_tree_folds_and_marks_rows() -> None:
    from tui.listing import Listing
    from tui.widgets.post_list import Row

    thread = small_thread()
    listing = Listing(thread)
    assert listing.order([1, 2, 3, 4, 5, 6]) == [1, 2, 3, 4, 5, 6]
    assert listing.toggle_tree()
    assert listing.order([1, 2, 3, 4, 5, 6]) == [1, 2, 4, 3, 5, 6]
    assert listing.order([3, 4]) == [4, 3]
    listing.set_fold(2, True)
    assert listing.order([1, 2, 3, 4, 5, 6]) == [1, 2, 3, 5, 6]
    assert listing.landing(4) == 2
    row = Row(3, "carol", None, False, None, False, "Both…", (1, 2))
    marked = listing.decorate(row)
    assert marked.depth == 1 and marked.targets == (1, 2) and marked.unread
    assert listing.decorate(Row(2, "bob", None, False, None, False, "", (1,))).folded == 1
    assert listing.decorate(Row(4, "alice", None, False, None, False, "", (2,))).targets == ()
    assert listing.toggle_fold_all() and listing.order([1, 2, 3, 4, 5, 6]) == [1, 5, 6]
    assert not listing.toggle_fold_all()


def test_listing_counts_unread_and_new_posts_of_a_grown_thread() -> None:
    from tui.listing import Listing

    thread = small_thread()
    first = Listing(thread.model_copy(update={"posts": thread.posts[:4]}))
    assert first.new == set() and first.unread_count() == 4
    assert first.mark_read(1) and not first.mark_read(1)
    grown = Listing(thread, first.reading)
    assert grown.new == {5, 6} and grown.unread() == {2, 3, 4, 5, 6}
    grown.mark_read(5)
    assert grown.new == {6}


def test_a_file_whose_name_a_terminal_would_obey_is_not_listed(tmp_path: Path) -> None:
    evil = Recent(paths=("/tmp/evil\x1b]0;PWNED\x07\u202etxt.exe",), title="x")
    assert remember(tmp_path, evil) == [] and not recent_path(tmp_path).exists()
    remember(tmp_path, Recent(paths=("/tmp/fine.txt",), title="a\u202etitle"))
    assert load_recent(tmp_path)[0].title == "atitle"
