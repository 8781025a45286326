"""Cues and sentence roles: what counts as a claim, evidence or challenge, and what must not."""

from __future__ import annotations

import pytest

from scoring.roles import score_sentence, score_sentences


def kinds(text: str, role: str | None = None) -> dict[str, str]:
    """Cue kind -> cue text for one sentence (optionally of one role)."""
    return {c.kind: c.text for c in score_sentence(text).cues if role is None or c.role == role}


def types(text: str) -> set[str]:
    return {c.evidence_type for c in score_sentence(text).cues if c.evidence_type}


@pytest.mark.parametrize(
    ("text", "evidence_type"),
    [
        ("According to the council's survey, traffic is down.", "source"),
        ("Read Full Story: Council to vote on car-free square", "source"),
        ("The 2019 report by the environment office measured it twice.", "source"),
        ("As the transport minister put it last year, footfall came back.", "source"),
        ("It is all here: https://example.org/air-quality (table 4).", "link"),
        ("About 41% of cars only pass through.", "statistic"),
        ("212 of 430 receipts had a village postcode.", "statistic"),
        ("The reading outside the library was 44 micrograms.", "number"),
        ("Crashes fell three times faster after the ban, 12 times faster in town.", "statistic"),
        ("The square was closed on March 3, 2019 for the fair.", "date"),
        ("For example, the reading outside the library was over the limit.", "example"),
        ("I saw the queue myself on the bridge.", "observation"),
        ("A poster seen on Mall Rd. of Lahore.", "observation"),
        ("Welcome images for the PM were also present.", "observation"),
        ("In 2019 the council closed the square for the fair.", "date"),
        ("120,000 people die every year from legal drugs.", "number"),
        ("It cost the city $4 million last year.", "statistic"),
        ("I noticed the shops on the bridge were shut by five.", "observation"),
        ("I have asked several shop owners about their takings.", "observation"),
        ("When I lived in Ghent we cycled everywhere.", "observation"),
        ("We counted for two weeks at the bridge.", "observation"),
        ("I checked again and the bakery was shut.", "observation"),
        ("It was reported by the local paper in June.", "source"),
        ("The rule is in Leviticus 18:22 and again in 1 Cor. 6:9-11.", "link"),
        ("My sister worked in the bakery on the square for ten years.", "observation"),
        ("My neighbour was mugged outside the station in broad daylight.", "observation"),
        ("Takings went up 100% in the first month.", "statistic"),
        ("The WHO said the air on the bridge was unsafe.", "source"),
    ],
)
def test_evidence_cues_name_their_type(text: str, evidence_type: str) -> None:
    assert evidence_type in types(text)


@pytest.mark.parametrize(
    "text",
    [
        "There is absolutely no reason or evidence to indicate that this will work.",
        "Can you give evidence on the contrary?",
        "No study has ever found that, according to nobody.",
        "Did you see the report by the council?",
        "I never saw anything like it and nobody I know did.",
        "I have seen no evidence that the lanes are used.",
        "If I saw a single cyclist on it I would change my mind.",
        "Last time I checked you were not the moderator here.",
        "I asked you first, so answer the question.",
        "I asked for a source twice and got nothing.",
        "I noticed that you skipped the part about the buses.",
        "Yes, I noticed that.",
        "It is better than the society we live in today.",
        "Only the claim I quoted in my last post matters here.",
        "Drivers such as you never look at the counts.",
        "According to your logic every road should be closed.",
        "According to Brady logic, the more helpless you are the safer you are.",
        "If my father died tomorrow the shop would close.",
        "I am 100% sure the lanes are empty.",
        "We are the ones who are being told to walk.",
        "It was you who stated that the lanes were empty.",
    ],
)
def test_negated_or_mentioned_evidence_is_not_evidence(text: str) -> None:
    sentence = score_sentence(text)
    assert sentence.role != "evidence"
    assert not [c for c in sentence.cues if c.role == "evidence" and c.evidence_type != "number"]


@pytest.mark.parametrize(
    "text",
    [
        "Source?",
        "Citation needed.",
        "Can you give evidence that cars are the danger here?",
        "Prove it.",
        "Where is your proof?",
        "Do you have any data on that?",
        "Have you actually counted them?",
        "How do you know that?",
        "Links please?",
        "Source please.",
        "Please provide the figures for the other years.",
        "I'd like to see some evidence that the shops lost trade.",
        "Give me a link to the council minutes.",
        "Come back when you have some hard evidence.",
    ],
)
def test_requests_for_evidence_are_challenges(text: str) -> None:
    sentence = score_sentence(text)
    assert sentence.role == "challenge"
    assert "request-evidence" in kinds(text, "challenge")


def test_a_question_is_a_challenge_only_when_it_answers_someone() -> None:
    assert score_sentence("Safer?").role == "none"
    assert score_sentence("Safer?", replying=True).role == "challenge"
    assert score_sentence("Do you really believe the council?").role == "challenge"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("I think this plan is a terrible idea.", "stance"),
        ("The council should publish the numbers.", "modal"),
        ("It is clearly worth a try.", "booster"),
        ("Grade A BS.", "evaluative"),
        ("There is absolutely no reason or evidence for it.", "denies-evidence"),
    ],
)
def test_claim_cues(text: str, kind: str) -> None:
    sentence = score_sentence(text)
    assert sentence.role == "claim"
    assert kind in kinds(text, "claim")


def test_hedges_are_reported_and_do_not_stop_a_claim() -> None:
    sentence = score_sentence("Maybe the council might reconsider.")
    assert sentence.role == "claim"
    assert [c.text for c in sentence.cues if c.role == "hedge"] == ["Maybe", "might"]


def test_thanks_and_laughter_are_not_arguments() -> None:
    assert score_sentence("Thanks for posting the numbers, that is really helpful.").role == "none"
    assert score_sentence("lol the bridge queue is there whatever they do.").role == "none"


def test_a_plain_statement_is_a_claim_but_a_fragment_is_not() -> None:
    assert score_sentence("Tatarstan is a federal republic of Russia.").role == "claim"
    assert score_sentence("Quieter, sure.").role == "none"


def test_cue_spans_are_offsets_into_the_body() -> None:
    body = "Nice one.\n\nAccording to the survey, 41% of cars pass through. Source?"
    for sentence in score_sentences(body):
        assert body[sentence.start : sentence.end] == sentence.text
        for cue in sentence.cues:
            assert body[cue.start : cue.end] == cue.text
            assert sentence.start <= cue.start <= cue.end <= sentence.end
    roles = [s.role for s in score_sentences(body)]
    assert roles == ["none", "evidence", "challenge"]


@pytest.mark.parametrize(
    ("text", "kind", "words"),
    [
        ("That is why I think this plan is a terrible idea.", "reason", "That is why"),
        ("The plan failed because nobody asked the shop owners.", "reason", "because"),
        ("They will walk away just like they did in Iraq.", "allusion", "just like they did in"),
    ],
)
def test_grounds_given_are_reasons_not_evidence(text: str, kind: str, words: str) -> None:
    sentence = score_sentence(text)
    assert sentence.role == "claim"
    given = [c for c in sentence.cues if c.kind == kind]
    assert [(c.role, c.text, c.evidence_type) for c in given] == [("reason", words, None)]
    assert not [c for c in sentence.cues if c.role == "evidence"]


@pytest.mark.parametrize(
    "text",
    [
        "The council will close the six streets to private cars from 7am to 7pm.",
        "Deliveries before 10am would keep access.",
        "Buy 3090 for $700, shipping included.",
        "It will take 10 years to pay for the new road.",
        "1) The bible says it's a sin.",
        "The RTX 2080 is faster than the card it replaced.",
        "Point 3 is invalid and point 2 is debatable.",
        "Read pages 36-43 of the 8th edition.",
        "The Bible has thousands upon thousands of interpretations.",
        "The rules of 2000 years ago do not fit a town full of cars.",
        "In Numbers 5 and Exodus 21, people are given that right.",
        "The shop opens at 9:30 and at 3:15 on Saturdays.",
    ],
)
def test_bare_numbers_are_not_evidence(text: str) -> None:
    sentence = score_sentence(text)
    assert sentence.role != "evidence"
    assert not [c.text for c in sentence.cues if c.role == "evidence"]


def test_claim_words_in_a_question_or_title_are_not_claim_cues() -> None:
    for text in ("Should the old town centre go car-free?", "Is it the best plan everyone has?"):
        sentence = score_sentence(text)
        assert sentence.role == "none"
        assert not [c for c in sentence.cues if c.role == "claim"]


def test_chapter_and_verse_is_not_read_as_a_date() -> None:
    sentence = score_sentence("Mar 3:26 says a house divided cannot stand.")
    assert [(c.kind, c.text) for c in sentence.cues if c.role == "evidence"] == [("verse", "3:26")]


@pytest.mark.parametrize(
    "text",
    [
        "Please explain how a closed street brings more shoppers.",
        "Name one town where it worked.",
        "So tell us why the buses are late then.",
    ],
)
def test_an_order_to_the_other_poster_is_a_challenge(text: str) -> None:
    sentence = score_sentence(text)
    assert sentence.role == "challenge"
    assert "demand" in kinds(text, "challenge")


@pytest.mark.parametrize(
    "text",
    ["I can name several towns where it worked.", "Nobody can explain why the lanes stay empty."],
)
def test_the_same_words_in_a_statement_order_nobody(text: str) -> None:
    sentence = score_sentence(text)
    assert sentence.role == "claim"
    assert "demand" not in kinds(text)


def test_a_change_leaves_its_figure_whole() -> None:
    sentence = score_sentence("Takings rose by 100.5% and crashes fell from 1,200 to 300 people.")
    found = [(c.kind, c.text) for c in sentence.cues if c.role == "evidence"]
    assert found == [
        ("change", "rose by"),
        ("percentage", "100.5%"),
        ("change", "fell from"),
        ("count", "300 people"),
    ]


def test_a_year_after_in_is_a_date_not_a_ratio() -> None:
    sentence = score_sentence("The queue went from 39 in 1972 to nothing today.")
    assert [(c.kind, c.text) for c in sentence.cues if c.role == "evidence"] == [("year", "1972")]
