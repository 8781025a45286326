"""Give each sentence of a post's own words one role: claim, evidence, challenge or none.

A challenge outranks evidence (asking for proof while citing a number is still asking), and
evidence outranks a bare claim. A statement with no cue at all is still a claim when it is long
enough to say something: on a debate forum, plain declaratives are how people assert.
"""

from __future__ import annotations

import re

from scoring.cues import WEAK_KINDS, byline_cues, find_cues, is_social, keep, opener_cue
from scoring.models import Cue, Role, SentenceScore
from scoring.sentences import split_sentences

MIN_CLAIM_WORDS = 5
"""A cue-less statement shorter than this ("Quieter, sure.") is not counted as a claim."""

_SECOND_PERSON = re.compile(r"\b(?:you|your|you're|u|ur)\b", re.IGNORECASE)
_QUESTION_TAIL = " \t\n\"'”’)!."


def _role(text: str, cues: list[Cue], social: bool, question: bool) -> Role:
    roles = {cue.role for cue in cues}
    if "challenge" in roles:
        return "challenge"
    evidence = [c for c in cues if c.role == "evidence"]
    if any(c.kind not in WEAK_KINDS for c in evidence):
        return "evidence"
    if social or question:
        return "none"
    if evidence or "claim" in roles or "hedge" in roles:
        return "claim"
    return "claim" if len(text.split()) >= MIN_CLAIM_WORDS else "none"


def score_sentence(
    text: str, offset: int = 0, replying: bool = False, found: list[Cue] | None = None
) -> SentenceScore:
    """Role and cues of one sentence; `replying` means the post answers a quoted post.

    `found` are the rule cues already found in this sentence (offsets into the post); without
    them the sentence is scanned on its own.
    """
    question = text.rstrip(_QUESTION_TAIL).endswith("?")
    social = is_social(text)
    if found is None:
        found = find_cues(text, offset)
    cues = [c for c in found if keep(c, text, offset, question, social)]
    opener = None if social else opener_cue(text, offset)
    if opener is not None and not any(c.start < opener.end for c in cues):
        cues.append(opener)
    aimed = question and (replying or _SECOND_PERSON.search(text) is not None)
    if aimed and not any(c.role == "challenge" for c in cues):
        cues.append(
            Cue(
                kind="question",
                role="challenge",
                start=offset,
                end=offset + len(text),
                text=text,
                evidence_type=None,
            )
        )
    cues.sort(key=lambda c: (c.start, c.end))
    return SentenceScore(
        start=offset,
        end=offset + len(text),
        text=text,
        role=_role(text, cues, social, question),
        cues=cues,
    )


def score_sentences(body: str, replying: bool = False) -> list[SentenceScore]:
    """Every sentence of `body` with its role; offsets are into `body`.

    The body is scanned once; each cue goes to the sentence it starts in. A cue running past
    its sentence's end (a pattern spanning two sentences) makes that sentence scanned alone.
    """
    spans = split_sentences(body)
    found = find_cues(body)
    bylines = byline_cues(body, spans)
    out = []
    i = 0
    for start, end in spans:
        while i < len(found) and found[i].start < start:
            i += 1
        mine: list[Cue] | None = []
        while i < len(found) and found[i].start < end:
            if found[i].end > end:
                mine = None
            if mine is not None:
                mine.append(found[i])
            i += 1
        sentence = score_sentence(body[start:end], start, replying, mine)
        extra = [c for c in bylines if start <= c.start < end]
        if extra:
            cues = sorted([*sentence.cues, *extra], key=lambda c: (c.start, c.end))
            role = sentence.role if sentence.role == "challenge" else "evidence"
            sentence = sentence.model_copy(update={"cues": cues, "role": role})
        out.append(sentence)
    return out
