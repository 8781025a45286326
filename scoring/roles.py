"""Give each sentence of a post's own words one role: claim, evidence, challenge or none.

A challenge outranks evidence (asking for proof while citing a number is still asking), and
evidence outranks a bare claim. A statement with no cue at all is still a claim when it is long
enough to say something: on a debate forum, plain declaratives are how people assert.
"""

from __future__ import annotations

import re

from scoring.cues import (
    Hit,
    byline_cues,
    find_hits,
    is_order,
    is_social,
    keep,
    make_cue,
    opener_cue,
)
from scoring.models import Cue, Role, SentenceScore, trusted_builder
from scoring.sentences import split_sentences

# The scorer's own values are already typed: built without validation (see trusted_builder).
_new_cue = trusted_builder(Cue)
_new_sentencescore = trusted_builder(SentenceScore)

MIN_CLAIM_WORDS = 5
"""A cue-less statement shorter than this ("Quieter, sure.") is not counted as a claim."""

_SECOND_PERSON = re.compile(r"\b(?:you|your|you're|u|ur)\b", re.IGNORECASE)
_QUESTION_TAIL = " \t\n\"'”’)!."


def _role(
    text: str, challenge: bool, strong: bool, thin: bool, claimish: bool, quiet: bool
) -> Role:
    """The sentence's role from what its cues were: asking outranks citing, citing outranks
    claiming; thanks, laughter and questions are not claims; thin backing ("because")
    leaves a claim a claim; a long enough statement with no cue is still a claim."""
    if challenge:
        return "challenge"
    if strong:
        return "evidence"
    if quiet:
        return "none"
    if thin or claimish:
        return "claim"
    return "claim" if len(text.split()) >= MIN_CLAIM_WORDS else "none"


def score_sentence(
    text: str, offset: int = 0, replying: bool = False, hits: list[Hit] | None = None
) -> SentenceScore:
    """Role and cues of one sentence; `replying` means the post answers a quoted post.

    `hits` are the rule matches already found in this sentence (offsets into the post);
    without them the sentence is scanned on its own.
    """
    question = text.rstrip(_QUESTION_TAIL).endswith("?")
    social = is_social(text)
    if hits is None:
        hits = find_hits(text, offset)
    cues = []
    challenge = strong = thin = claimish = False
    for hit in hits:
        rule, a, b = hit
        role = rule.role
        if role == "evidence" or role == "reason":
            if not keep(hit, text, offset, question, social):
                continue
            if role == "reason":
                thin = True
            else:
                strong = True
        elif role == "claim":
            if social:
                continue
            claimish = True
        elif role == "challenge":
            if rule.kind == "demand" and not is_order(text, a - offset):
                continue
            challenge = True
        else:
            claimish = True
        cues.append(make_cue(rule, a, b, text[a - offset : b - offset]))
    if not social:
        opener = opener_cue(text, offset)
        if opener is not None and not (cues and cues[0].start < opener.end):
            cues.insert(0, opener)
            claimish = True
    if question and not challenge and (replying or _SECOND_PERSON.search(text) is not None):
        challenge = True
        cues.insert(
            0,
            _new_cue(
                {
                    "kind": "question",
                    "role": "challenge",
                    "start": offset,
                    "end": offset + len(text),
                    "text": text,
                    "evidence_type": None,
                }
            ),
        )
    role = _role(text, challenge, strong, thin, claimish, social or question)
    if claimish and role not in ("claim", "evidence"):
        # "Should" in a question or a title line claims nothing: its words are not claim cues.
        cues = [c for c in cues if c.role != "claim"]
    return _new_sentencescore(
        {"start": offset, "end": offset + len(text), "text": text, "role": role, "cues": cues}
    )


def score_sentences(body: str, replying: bool = False) -> list[SentenceScore]:
    """Every sentence of `body` with its role; offsets are into `body`.

    The body is scanned once; each cue goes to the sentence it starts in. A cue running past
    its sentence's end (a pattern spanning two sentences) makes that sentence scanned alone.
    """
    spans = split_sentences(body)
    found = find_hits(body)
    bylines = byline_cues(body, spans)
    out = []
    i, n = 0, len(found)
    for start, end in spans:
        while i < n and found[i][1] < start:
            i += 1
        mine: list[Hit] | None = []
        while i < n and found[i][1] < end:
            if found[i][2] > end:
                mine = None
            elif mine is not None:
                mine.append(found[i])
            i += 1
        sentence = score_sentence(body[start:end], start, replying, mine)
        extra = [c for c in bylines if start <= c.start < end] if bylines else None
        if extra:
            cues = sorted([*sentence.cues, *extra], key=lambda c: (c.start, c.end))
            role = sentence.role if sentence.role == "challenge" else "evidence"
            sentence = sentence.model_copy(update={"cues": cues, "role": role})
        out.append(sentence)
    return out
