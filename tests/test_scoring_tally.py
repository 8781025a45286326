"""Tallies per author and for the thread, and challenges followed to their answers."""

from __future__ import annotations

from parsing import Attachment, Post, Quote, Source, Thread
from scoring import score_thread


def post(n: int, author: str | None, body: str, quotes=(), attachments=()) -> Post:
    return Post(
        number=n,
        id=f"p{n}",
        author=author,
        body=body,
        quotes=[Quote(target=t, text="quoted words") for t in quotes],
        attachments=[Attachment(name=a) for a in attachments],
    )


def thread(*posts: Post) -> Thread:
    return Thread(source=Source(path="t", format="text", sha256="f" * 64), posts=list(posts))


DEBATE = thread(
    post(1, "ana", "Car-free streets are good for shops. I think the council should do it."),
    post(2, "ben", "Source?", quotes=[1]),
    post(3, "ana", "According to the 2019 survey, 41% of cars only pass through.", quotes=[2]),
    post(4, "cy", "Thanks, that is helpful."),
    post(5, "ben", "It will kill the market, mark my words."),
    post(6, "cy", "Can you prove it?", quotes=[5]),
    post(7, "ana", "I took this on Saturday.", attachments=["square.jpg"]),
)


def test_author_tallies() -> None:
    card = score_thread(DEBATE)
    assert [p.verdict for p in card.posts] == [
        "asserted",
        "challenge",
        "evidenced",
        "non-argument",
        "asserted",
        "challenge",
        "evidenced",
    ]
    by = {a.author: a for a in card.authors}
    assert list(by) == ["ana", "ben", "cy"]
    ana = by["ana"]
    assert (ana.posts, ana.post_numbers) == (3, [1, 3, 7])
    assert ana.verdicts == {
        "evidenced": 2,
        "reasoned": 0,
        "asserted": 1,
        "challenge": 0,
        "non-argument": 0,
    }
    assert ana.evidence_rate == round(2 / 3, 3)
    assert ana.evidence_by_type["statistic"] == 1
    assert ana.evidence_by_type["attachment"] == 1
    # ben challenged ana (post 2 on post 1) and ana answered with evidence in post 3.
    assert (ana.challenges_received, ana.challenges_answered) == (1, 1)
    # cy challenged ben (post 6 on post 5) and ben never answered.
    assert (by["ben"].challenges_received, by["ben"].challenges_answered) == (1, 0)
    assert by["cy"].challenges_made == 1
    assert by["cy"].evidence_rate == 0.0


def test_thread_totals_add_up() -> None:
    card = score_thread(DEBATE)
    t = card.totals
    assert t.posts == 7
    assert t.verdicts == {
        "evidenced": 2,
        "reasoned": 0,
        "asserted": 2,
        "challenge": 2,
        "non-argument": 1,
    }
    assert t.claims == sum(p.claims for p in card.posts)
    assert t.evidence == sum(a.evidence for a in card.authors)
    assert t.evidence_rate == 0.5
    assert (t.challenges, t.challenges_received, t.challenges_answered) == (2, 2, 1)
    assert sum(t.evidence_by_type.values()) == sum(
        sum(a.evidence_by_type.values()) for a in card.authors
    )


def test_without_authors_each_post_is_its_own_side() -> None:
    anonymous = thread(
        post(1, None, "The plan will ruin the shops, I am sure."),
        post(2, None, "Where is your evidence?"),
        post(3, None, "We counted 212 of 430 receipts last spring.", quotes=[2]),
    )
    card = score_thread(anonymous)
    assert [a.author for a in card.authors] == ["#1", "#2", "#3"]
    assert not any(a.known for a in card.authors)
    # Post 2 quotes nothing, so it answers the post above; post 3 quotes it with evidence.
    assert card.authors[0].challenges_received == 1
    assert card.authors[0].challenges_answered == 1
    assert card.posts[2].rebuts == [2]
