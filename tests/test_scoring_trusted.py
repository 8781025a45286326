"""The scorer builds its cues, sentence scores and post scores without validation (for speed);
they must be exactly the models validation would make from the same values."""

from __future__ import annotations

from pydantic import BaseModel

from parsing import Post, load_thread
from scoring import Cue, PostScore, SentenceScore, score_thread
from scoring.cues import RULES
from scoring.models import trusted_builder
from scoring.verdicts import score_post


def _same_as_validated(model: BaseModel) -> None:
    """`model` equals the validated model of its own values, field for field and in order,
    with the same fields set and nothing extra or private, and dumps the same JSON."""
    cls = type(model)
    validated = cls.model_validate(model.model_dump())
    assert model == validated
    assert list(model.__dict__) == list(cls.model_fields)
    assert model.model_fields_set == validated.model_fields_set == set(cls.model_fields)
    assert model.__pydantic_extra__ is None and model.__pydantic_private__ is None
    assert model.model_dump_json() == validated.model_dump_json()
    for name, value in model.__dict__.items():
        assert type(value) is type(validated.__dict__[name]), name


def test_a_trusted_model_is_the_validated_one() -> None:
    values = {
        "kind": "url",
        "role": "evidence",
        "start": 3,
        "end": 9,
        "text": "x.com",
        "evidence_type": "link",
    }
    cue = trusted_builder(Cue)(dict(values))
    assert cue == Cue.model_validate(values)
    _same_as_validated(cue)
    assert hash(cue) == hash(Cue.model_validate(values))


def test_every_score_of_a_thread_is_a_valid_model() -> None:
    card = score_thread(load_thread(None))
    extra_post = score_post(
        Post(number=1, id="p", body="Source? Thanks! I think 40% of 120,000 people saw it.")
    )
    for post in [*card.posts, extra_post]:
        _same_as_validated(post)
        for sentence in post.sentences:
            assert isinstance(sentence, SentenceScore)
            _same_as_validated(sentence)
            for cue in sentence.cues:
                _same_as_validated(cue)
        for cue in post.cues:
            _same_as_validated(cue)
    assert all(isinstance(p, PostScore) for p in card.posts)


def test_every_rule_gives_a_valid_cue_role() -> None:
    roles = set(Cue.model_fields["role"].annotation.__args__)  # type: ignore[union-attr]
    assert {rule.role for rule in RULES} <= roles


def test_every_tally_is_a_valid_model() -> None:
    """Author tallies are built without validation too: with known authors (the demo) and one
    per post (a thread whose authors are unknown), on computed and on overridden verdicts."""
    from scoring.tally import tally_scores

    card = score_thread(load_thread(None))
    anonymous = [p.model_copy(update={"author": None}) for p in card.posts]
    overridden = ["challenge" if p.number % 3 else p.verdict for p in card.posts]
    for scores, verdicts in [(card.posts, None), (anonymous, None), (anonymous, overridden)]:
        authors, _ = tally_scores(scores, verdicts)
        assert authors
        for tally in authors:
            _same_as_validated(tally)


def test_frozen_models_share_one_set_of_set_fields_that_nothing_changes() -> None:
    """The scorer's models share one `model_fields_set` per class (memory); copying a model
    or trying to assign to it must leave the shared set as it was."""
    import pytest
    from pydantic import ValidationError

    values = {"kind": "url", "role": "evidence", "start": 3, "end": 9, "text": "x.com"}
    build = trusted_builder(Cue)
    first, second = (
        build({**values, "evidence_type": "link"}),
        build({**values, "evidence_type": None}),
    )
    assert first.model_fields_set is second.model_fields_set
    copied = first.model_copy(update={"text": "y.com"})
    assert copied.model_fields_set is not first.model_fields_set
    with pytest.raises(ValidationError):
        first.text = "z"  # type: ignore[misc]
    assert first.model_fields_set == set(Cue.model_fields) and first.text == "x.com"
