"""How a post's verdict weighs its sentences (scoring.verdicts.Fit): the model's votes decide
whether a claim sentence counts, and whether it counts as grounds."""

from __future__ import annotations

from scoring.verdicts import FIT, Counts, choose, weigh


def claims(*leans: tuple[float, float]) -> Counts:
    c = Counts()
    for i, lean in enumerate(leans):
        c.claimed.append(i)
        c.leans.append(lean)
        c.bare_claims += 1
    return c


def test_a_claim_the_model_reads_as_talk_does_not_make_an_argument() -> None:
    talk = (FIT.arguing - 0.5, -1.0)
    assert choose(claims(talk)) == "non-argument"
    assert choose(claims((FIT.arguing + 0.5, -1.0))) == "asserted"


def test_a_claim_the_model_reads_as_grounds_makes_the_post_reasoned() -> None:
    point, grounds = (3.0, -2.0), (3.0, FIT.grounding + 0.5)
    assert weigh(claims(point, grounds)) == (2, 1)
    assert choose(claims(point, grounds)) == "reasoned"
    # Grounds alone, offered for no point, stay an assertion.
    assert choose(claims(grounds)) == "asserted"


def test_questions_outweigh_claims_only_past_the_fitted_share() -> None:
    c = claims((3.0, -2.0), (3.0, -2.0))
    c.asked = [2]
    assert choose(c) == ("challenge" if FIT.challenge_share * 2 <= 1 else "asserted")
    c.asked = [2, 3, 4]
    assert choose(c) == "challenge"
