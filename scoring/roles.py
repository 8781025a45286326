"""Give each sentence of a post's own words one role: claim, evidence, challenge or none.

A challenge outranks evidence (asking for proof while citing a number is still asking), and
evidence outranks a bare claim. A statement with no cue at all is still a claim when it is long
enough to say something: on a debate forum, plain declaratives are how people assert.
"""

from __future__ import annotations

import re

from scoring.cues import (
    WEAK_KINDS,
    byline_cues,
    challenge_cues,
    claim_cues,
    evidence_cues,
    hedge_cues,
    is_social,
)
from scoring.models import Cue, Role, SentenceScore
from scoring.sentences import split_sentences

MIN_CLAIM_WORDS = 5
"""A cue-less statement shorter than this ("Quieter, sure.") is not counted as a claim."""

_SECOND_PERSON = re.compile(r"\b(?:you|your|you're|u|ur)\b", re.IGNORECASE)
_QUESTION_END = re.compile(r"\?[\s\"'”’)!?.]*$")
_WORD = re.compile(r"\w+")


def _role(text: str, cues: list[Cue], social: bool, question: bool) -> Role:
    roles = {cue.role for cue in cues}
    if "challenge" in roles:
        return "challenge"
    evidence = [c for c in cues if c.role == "evidence"]
    if any(c.kind not in WEAK_KINDS for c in evidence):
        return "evidence"
    if social or question:
        return "none"
    if evidence:
        return "claim"
    if "claim" in roles or "hedge" in roles:
        return "claim"
    return "claim" if len(_WORD.findall(text)) >= MIN_CLAIM_WORDS else "none"


def score_sentence(text: str, offset: int = 0, replying: bool = False) -> SentenceScore:
    """Role and cues of one sentence; `replying` means the post answers a quoted post."""
    question = _QUESTION_END.search(text) is not None
    cues = challenge_cues(text, offset)
    if question and not cues and (replying or _SECOND_PERSON.search(text)):
        cues.append(
            Cue(
                kind="question",
                role="challenge",
                start=offset,
                end=offset + len(text),
                text=text,
            )
        )
    social = is_social(text)
    cues += evidence_cues(text, offset, question=question)
    if not social:
        cues += claim_cues(text, offset)
    cues += hedge_cues(text, offset)
    cues.sort(key=lambda c: (c.start, c.end))
    return SentenceScore(
        start=offset,
        end=offset + len(text),
        text=text,
        role=_role(text, cues, social, question),
        cues=cues,
    )


def score_sentences(body: str, replying: bool = False) -> list[SentenceScore]:
    """Every sentence of `body` with its role; offsets are into `body`."""
    spans = split_sentences(body)
    bylines = byline_cues(body, spans)
    out = []
    for start, end in spans:
        sentence = score_sentence(body[start:end], start, replying)
        extra = [c for c in bylines if start <= c.start < end]
        if extra:
            cues = sorted([*sentence.cues, *extra], key=lambda c: (c.start, c.end))
            role = sentence.role if sentence.role == "challenge" else "evidence"
            sentence = sentence.model_copy(update={"cues": cues, "role": role})
        out.append(sentence)
    return out
