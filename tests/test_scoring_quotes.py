"""What a post quotes changes what its own words do: a quoted outside source can back it, a
quoted forum post cannot, and a question after any quote questions what it quotes."""

from __future__ import annotations

from parsing import Part, Post, Quote
from scoring.verdicts import score_post

ARTICLE = "The council said on Monday that footfall in the square rose after the closure."


def test_an_unnamed_quote_from_outside_the_thread_backs_the_post() -> None:
    quote = Quote(target=None, text=ARTICLE)
    score = score_post(Post(number=3, id="p3", body="So the closure worked.", quotes=[quote]))
    assert score.verdict == "evidenced"
    assert "outside-quote" in score.evidence_types


def test_a_quote_of_a_named_poster_on_another_page_is_not_evidence() -> None:
    # "Ann said:" with no post of Ann's in the saved pages: still forum talk, not a source.
    for quote in (
        Quote(target=None, author="Ann", text="The closure killed the shops."),
        Quote(target=None, source_id="48213", text="The closure killed the shops."),
    ):
        body = "The closure did nothing of the sort and everyone in town knows it."
        score = score_post(Post(number=3, id="p3", body=body, quotes=[quote]))
        assert score.verdict == "asserted"
        assert "outside-quote" not in score.evidence_types


def test_a_quote_in_a_posters_voice_is_not_an_outside_source() -> None:
    # An unnamed quote of a post in another thread: "I think", "you" are how posters write.
    quote = Quote(target=None, text="I think you are wrong, the closure emptied the square.")
    body = "The closure did nothing of the sort and everyone in town knows it."
    score = score_post(Post(number=3, id="p3", body=body, quotes=[quote]))
    assert score.verdict == "asserted"
    assert "outside-quote" not in score.evidence_types


def test_a_reply_that_talks_to_you_answers_a_poster_not_a_source() -> None:
    quote = Quote(target=None, text=ARTICLE)
    body = "That is not what the closure did, and you know it perfectly well."
    score = score_post(Post(number=3, id="p3", body=body, quotes=[quote]))
    assert score.verdict == "asserted"
    assert "outside-quote" not in score.evidence_types


def test_a_placeholder_name_names_nobody() -> None:
    # Dumps write "Someone said:" over a quote that names no one.
    quote = Quote(target=None, author="Someone", text=ARTICLE)
    score = score_post(Post(number=3, id="p3", body="So the closure worked.", quotes=[quote]))
    assert "outside-quote" in score.evidence_types


def test_only_the_quote_answered_with_you_is_a_posters() -> None:
    report = Quote(target=None, text=ARTICLE)
    retort = Quote(target=None, text="Nobody shops in a square they cannot park next to.")
    parts = [
        Part(kind="quote", quote=0),
        Part(kind="text", text="So footfall went up."),
        Part(kind="quote", quote=1),
        Part(kind="text", text="You keep saying that, and it keeps being wrong."),
    ]
    body = "So footfall went up.\n\nYou keep saying that, and it keeps being wrong."
    post = Post(number=3, id="p3", body=body, quotes=[report, retort], parts=parts)
    score = score_post(post)
    assert score.verdict == "evidenced"
    assert [c.text for c in score.cues if c.kind == "outside-quote"] == [ARTICLE[:80]]


def test_you_in_a_post_that_also_quotes_a_forum_post_is_that_poster() -> None:
    forum = Quote(target=1, text="The closure emptied the square.")
    body = "It did not, and you should read the council's own statement above."
    post = Post(number=3, id="p3", body=body, quotes=[forum, Quote(target=None, text=ARTICLE)])
    score = score_post(post)
    assert score.verdict == "evidenced"
    assert "outside-quote" in score.evidence_types


def test_a_question_after_an_outside_quote_challenges_it() -> None:
    quote = Quote(target=None, text=ARTICLE)
    body = "And who counted the footfall, the shops or the council?"
    score = score_post(Post(number=3, id="p3", body=body, quotes=[quote]))
    assert score.verdict == "challenge"
    assert score.sentences[0].role == "challenge"


def test_a_question_with_no_quote_and_no_you_is_not_a_challenge() -> None:
    score = score_post(Post(number=1, id="p1", body="Should the square go car-free?"))
    assert score.verdict == "non-argument"


def test_a_question_put_to_nobody_in_a_reply_challenges_the_thread() -> None:
    """The same question as a thread's third post answers the debate: fitted on hand-labelled
    forum replies, where such questions were mostly challenges (docs/scoring.md)."""
    score = score_post(Post(number=3, id="p3", body="Should the square go car-free?"))
    assert score.verdict == "challenge"
    assert score.reason.startswith("questions another post")
