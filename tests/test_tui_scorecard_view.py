"""The scorecard screen's numbers, without Textual: grouping, overrides, sorting, bars, slices."""

from __future__ import annotations

from itertools import pairwise

from parsing.models import Post, Source, Thread
from scoring.models import (
    AuthorTally,
    PostScore,
    Scorecard,
    UserLayer,
    UserMark,
    Verdict,
)
from tui.scorecard_view import (
    author_rows,
    describe_row,
    effective_verdicts,
    format_answered,
    format_rate,
    sort_rows,
    split_cells,
    thread_slices,
    thread_summary,
    window_rates,
)

POSTS: list[tuple[str | None, Verdict]] = [
    ("ann", "evidenced"),
    ("bob", "asserted"),
    ("ann", "asserted"),
    (None, "challenge"),
    ("bob", "asserted"),
    ("cy", "non-argument"),
    ("ann", "asserted"),
]


def make_thread() -> Thread:
    source = Source(path="t.txt", format="text", sha256="0" * 64)
    posts = [
        Post(number=i, id=f"p{i}", author=author, body=f"post {i}")
        for i, (author, _) in enumerate(POSTS, start=1)
    ]
    return Thread(source=source, posts=posts)


def make_scorecard(marks: list[UserMark] | None = None) -> Scorecard:
    """A scorecard in the shape the scorer writes: tallies in first-appearance order."""
    posts = [
        PostScore(
            number=i,
            post_id=f"p{i}",
            author=author,
            verdict=verdict,
            strength=0.5,
            claims=1,
            evidence=int(verdict == "evidenced"),
        )
        for i, (author, verdict) in enumerate(POSTS, start=1)
    ]
    groups: dict[str, list[int]] = {}
    for post in posts:
        groups.setdefault(post.author or f"#{post.number}", []).append(post.number)
    tallies = [
        AuthorTally(author=a, known=not a.startswith("#"), posts=len(n), post_numbers=n)
        for a, n in groups.items()
    ]
    layer = UserLayer(marks={m.post_id: m for m in marks or []})
    return Scorecard(fingerprint="f", source_path="t", posts=posts, authors=tallies, user=layer)


def test_one_row_per_tally_with_verdict_counts() -> None:
    rows = author_rows(make_scorecard())
    assert [r.author for r in rows] == ["ann", "bob", "#4", "cy"]
    ann, bob, unknown, cy = rows
    assert (ann.posts, ann.evidenced, ann.asserted, ann.evidence_rate) == (3, 1, 2, 1 / 3)
    assert (bob.posts, bob.evidenced, bob.asserted, bob.evidence_rate) == (2, 0, 2, 0.0)
    assert (unknown.known, unknown.challenges, unknown.evidence_rate) == (False, 1, None)
    assert (cy.non_argument, cy.mean_rating) == (1, None)


def test_user_override_and_ratings_count() -> None:
    marks = [
        UserMark(post_id="p2", post_number=2, verdict_override="evidenced", rating=5),
        UserMark(post_id="p5", post_number=5, rating=2),
        UserMark(post_id="p1", post_number=1, bookmark=True),
    ]
    scorecard = make_scorecard(marks)
    bob = author_rows(scorecard)[1]
    assert (bob.evidenced, bob.asserted, bob.overrides) == (1, 1, 1)
    assert bob.mean_rating == 3.5
    assert effective_verdicts(scorecard)[1] == "evidenced"
    summary = thread_summary(scorecard)
    assert summary.verdicts == {
        "evidenced": 2,
        "reasoned": 0,
        "asserted": 3,
        "challenge": 1,
        "non-argument": 1,
    }
    assert (summary.bookmarks, summary.overrides, summary.ratings) == (1, 1, (5, 2))
    assert summary.evidence_rate == 2 / 5


def test_sorting_keeps_rows_without_values_last() -> None:
    rows = author_rows(make_scorecard([UserMark(post_id="p6", post_number=6, rating=4)]))
    by_rate = [r.author for r in sort_rows(rows, "rate")]
    assert by_rate == ["ann", "bob", "#4", "cy"]
    assert [r.author for r in sort_rows(rows, "rate", reverse=True)] == ["bob", "ann", "#4", "cy"]
    assert sort_rows(rows, "rating")[0].author == "cy"
    assert sort_rows(rows, "challenges")[0].author == "#4"
    fewest_asserted = sort_rows(rows, "asserted", reverse=True)
    assert [r.author for r in fewest_asserted] == ["#4", "cy", "ann", "bob"]
    assert [r.author for r in sort_rows(rows, "author")] == ["#4", "ann", "bob", "cy"]
    assert [r.author for r in sort_rows(rows, "order", reverse=True)] == ["cy", "#4", "bob", "ann"]
    assert [r.author for r in sort_rows(rows, "posts", reverse=True)] == ["#4", "cy", "bob", "ann"]


def test_bar_cells_add_up_and_never_drop_a_count() -> None:
    assert split_cells([1, 1, 0, 0], scale=2, width=10) == [5, 5, 0, 0]
    assert split_cells([1, 0, 0, 0], scale=2, width=10) == [5, 0, 0, 0]
    cells = split_cells([98, 1, 1, 0], scale=100, width=10)
    assert sum(cells) == 10 and cells[1] == 1 and cells[2] == 1
    assert split_cells([0, 0, 0, 0], scale=3, width=10) == [0, 0, 0, 0]
    assert split_cells([3, 4], scale=7, width=0) == [0, 0]


def test_slices_cover_the_thread_in_order() -> None:
    verdicts: list[Verdict] = ["evidenced", "asserted", "asserted"] * 7
    slices = thread_slices(verdicts, 5)
    assert len(slices) == 5
    assert slices[0].first == 1 and slices[-1].last == 21
    assert all(a.last + 1 == b.first for a, b in pairwise(slices))
    assert sum(sum(s.verdicts.values()) for s in slices) == 21
    one_each = thread_slices(verdicts[:3], 10)
    assert [s.dominant for s in one_each] == ["evidenced", "asserted", "asserted"]
    assert thread_slices([], 10) == []


def test_window_rates_smooth_single_posts() -> None:
    verdicts: list[Verdict] = ["evidenced"] * 5 + ["asserted"] * 5
    rates = window_rates(verdicts, thread_slices(verdicts, 100))
    assert rates[0] == 1.0 and rates[-1] == 0.0
    assert rates[4] is not None and 0 < rates[4] < 1
    assert window_rates(["challenge"] * 3, thread_slices(["challenge"] * 3, 3)) == [None] * 3


def test_format_rate() -> None:
    assert (format_rate(None), format_rate(0.5), format_rate(2 / 3)) == ("–", "50%", "67%")


def test_challenges_answered_follow_overrides() -> None:
    """Post 4 challenges post 3 (ann); ann answers only if a later post of hers is evidenced."""
    thread = make_thread()
    ann = author_rows(make_scorecard(), thread)[0]
    assert (ann.challenged, ann.answered, format_answered(ann)) == (1, 0, "0/1")
    answered = make_scorecard([UserMark(post_id="p7", post_number=7, verdict_override="evidenced")])
    rows = author_rows(answered, thread)
    assert (rows[0].challenged, rows[0].answered, format_answered(rows[0])) == (1, 1, "1/1")
    assert format_answered(rows[1]) == "–"
    assert [r.author for r in sort_rows(rows, "answered")] == ["ann", "bob", "#4", "cy"]


def test_describe_row_names_the_posts_and_what_backs_them() -> None:
    card = make_scorecard()
    found = {"claims": 4, "evidence": 2, "evidence_by_type": {"link": 1, "number": 3}}
    tallies = [t.model_copy(update=found) if t.author == "ann" else t for t in card.authors]
    rows = author_rows(card.model_copy(update={"authors": tallies}), make_thread())
    ann, unknown = rows[0], rows[2]
    assert describe_row(ann) == (
        "ann: 3 posts (#1 #3 #7) · claims 4 · evidence 2 · cues: 3 number, 1 link"
        " · challenged 1, answered 0"
    )
    assert describe_row(ann, max_posts=2).startswith("ann: 3 posts (#1 #3 …)")
    assert describe_row(unknown) == "post #4 (author unknown) · claims 0 · evidence 0"


def test_rows_and_totals_agree_with_the_scorer_effective_tallies() -> None:
    """The screen and the scorecard file count the same way, overrides included."""
    from scoring.tally import effective_tallies

    card = make_scorecard([UserMark(post_id="p7", post_number=7, verdict_override="evidenced")])
    authors, totals = effective_tallies(card)
    rows = author_rows(card, make_thread())
    assert [(r.author, r.verdicts, r.challenged, r.answered) for r in rows] == [
        (t.author, t.verdicts, t.challenges_received, t.challenges_answered) for t in authors
    ]
    assert thread_summary(card).verdicts == totals.verdicts


def test_rows_and_summary_take_one_shared_count(monkeypatch) -> None:
    """At 10,000 posts a count takes a quarter of a second; the screen counted twice."""
    import tui.scorecard_view as view
    from scoring.tally import effective_tallies

    card = make_scorecard([UserMark(post_id="p7", post_number=7, verdict_override="evidenced")])
    rows, summary = author_rows(card, make_thread()), thread_summary(card)
    tallies = effective_tallies(card)

    def counted_again(_card: object) -> None:
        raise AssertionError("counted again")

    monkeypatch.setattr(view, "effective_tallies", counted_again)
    assert author_rows(card, make_thread(), tallies) == rows
    assert thread_summary(card, tallies) == summary
