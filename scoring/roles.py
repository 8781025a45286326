"""Give each sentence of a post's own words one role: claim, reason, evidence, challenge or none.

Rules and a learned model share the work. The cue rules decide what they see best: a request
for evidence or a question put to another poster is a challenge (asking outranks citing),
thanks and laughter are talk about the conversation. Everywhere else the learned model
(scoring.learned), fed the sentence's words and the cues' signals, says whether it is a claim,
a premise or neither; a premise is `evidence` when a cue names checkable backing in it and a
`reason` when nothing in it could be checked. A cue of checkable backing also makes a claim
evidence (a claim backed in the same breath).
"""

from __future__ import annotations

import re
from typing import NamedTuple

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
from scoring.learned import Model, features, model, tokens_of
from scoring.learned import Verdict as Vote
from scoring.models import Cue, Role, SentenceScore, trusted_builder
from scoring.sentences import split_sentences

# The scorer's own values are already typed: built without validation (see trusted_builder).
_new_cue = trusted_builder(Cue)
_new_sentencescore = trusted_builder(SentenceScore)

_SECOND_PERSON = re.compile(r"\b(?:you|your|you're|u|ur)\b", re.IGNORECASE)
_QUESTION_TAIL = " \t\n\"'”’)!."

HARD_BACKING = frozenset({"link", "source", "attachment"})
"""Backing a sentence shows whatever the model thinks of its words: a link or a named source
is evidence even in a sentence that says nothing else ("Source: BBC")."""


class Found(NamedTuple):
    """What the cue rules found in one sentence."""

    cues: list[Cue]
    challenge: bool
    strong: bool
    """A kept cue of checkable backing."""
    hard: bool
    """A kept cue of backing in HARD_BACKING."""
    thin: bool
    """A kept reason cue ("because", an allusion): grounds, nothing checkable."""
    claimish: bool
    question: bool
    social: bool


_new_found = tuple.__new__
"""Builds a Found from its values without the named tuple's Python-level `__new__` (once per
sentence of every thread)."""


def _length(words: int) -> str:
    if words < 4:
        return "#len:short"
    if words < 9:
        return "#len:mid"
    return "#len:long" if words < 25 else "#len:very-long"


MIN_CLAIM_WORDS = 5
"""The rules alone call a cue-less statement of this many words a claim, a shorter one none."""


def _rules_role(found: Found, words: int) -> Role:
    """What the cue rules alone would say (a signal for the model, and its fallback in
    comparisons): asking outranks citing, citing outranks claiming, thanks and questions
    are no claims, a long enough statement with no cue is a claim."""
    if found.challenge:
        return "challenge"
    if found.strong:
        return "evidence"
    if found.social or found.question:
        return "none"
    if found.thin or found.claimish or words >= MIN_CLAIM_WORDS:
        return "claim"
    return "none"


def rules_role(text: str) -> Role:
    """The role the cue rules alone give a sentence read on its own."""
    return _rules_role(find_cues(text), text.count(" ") + 1)


def signals(text: str, found: Found, rules: Role | None = None) -> list[str]:
    """The cue rules' findings as model features (training scores its sentences through
    `sentence_features`, which calls this, so the model sees what it was trained on);
    `rules` is the rules' own role where the caller has it already."""
    words = text.count(" ") + 1
    out = [_length(words), "#rules:" + (rules or _rules_role(found, words))]
    if found.strong:
        out.append("#evidence")
    if found.thin:
        out.append("#reason")
    if found.claimish:
        out.append("#claim")
    if found.question:
        out.append("#question")
    if found.social:
        out.append("#social")
    out += ["#cue:" + c.kind for c in found.cues]
    return out


def _question_cue(text: str, offset: int) -> Cue:
    return _new_cue(
        {
            "kind": "question",
            "role": "challenge",
            "start": offset,
            "end": offset + len(text),
            "text": text,
            "evidence_type": None,
        }
    )


def find_cues(
    text: str, offset: int = 0, replying: bool = False, hits: list[Hit] | None = None
) -> Found:
    """The cues kept in one sentence and what they add up to.

    `hits` are the rule matches already found in this sentence (offsets into the post);
    without them the sentence is scanned on its own.
    """
    question = text.rstrip(_QUESTION_TAIL).endswith("?")
    social = is_social(text)
    if hits is None:
        hits = find_hits(text, offset)
    cues = []
    challenge = strong = hard = thin = claimish = False
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
                hard = hard or rule.evidence_type in HARD_BACKING
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
        cues.insert(0, _question_cue(text, offset))
    return _new_found(Found, (cues, challenge, strong, hard, thin, claimish, question, social))


def sentence_features(text: str) -> list[str]:
    """The model's features for a sentence read on its own (what training fits on)."""
    return features(text, signals(text, find_cues(text)))


CONFIDENT = 2.0
"""The model overrides the rules where its label beats the runner-up by this many logits.
Chosen by leave-one-corpus-out on the training corpora (training/loco.py): the margin whose
worst held-out gain over the rules alone is largest; the held-out forum test played no part."""


DENIAL = "denies-evidence"
"""The cue kind of a denial of backing ("there is no evidence"): a claim, never a premise."""


SETTLED_WORDS = 9
"""A sentence the rules call none (no cue of backing, reason or claim; a question, thanks, or
too short to claim) with fewer words than this keeps none without asking the model: on the
13,042 own-words sentences of the 59 IAC discussions in training/sample_forum.py's folder the
model changed none of the 1,645 such sentences, and skipping it saves a fifth of its calls."""


def _role(
    text: str, found: Found, learned: Model | None = None, read: list[str] | None = None
) -> tuple[Role, list[str], Vote | None]:
    """The role, the model's label where it decided, and the model's vote where it was asked
    (`learned`: another model than the shipped one, as evaluation trains; `read`: the
    sentence's `learned.tokens` where the caller has them)."""
    if found.challenge:
        return "challenge", [], None
    if found.social or found.hard:
        # Thanks stay talk about the conversation; a link or named source stays evidence.
        return ("evidence" if found.strong else "none"), [], None
    words = text.count(" ") + 1
    rules = _rules_role(found, words)
    if rules == "none" and words < SETTLED_WORDS:
        return rules, [], None
    verdict = (learned or model()).judge(text, signals(text, found, rules), read)
    if verdict.margin < CONFIDENT:
        return rules, [], verdict
    label = verdict.label
    if label == "premise" and any(c.kind == DENIAL for c in found.cues):
        # "There is no evidence that ..." claims backing is missing: its n-grams ("evidence")
        # pull the model to premise, but a bag of n-grams cannot read the denial. The post's
        # verdict then counts it as a point made, not as grounds given.
        label = "claim"
        verdict = verdict._replace(label=label, grounding=-99.0)
    if found.strong and (label != "none" or found.hard):
        role: Role = "evidence"
    elif label == "premise":
        role = "reason"
    else:
        role = "claim" if label == "claim" else "none"
    return role, [label], verdict


def explain(text: str) -> list[str]:
    """The features that weighed most for the model's label of a sentence (what the reader's
    "Why this verdict" lists); computed on demand, as scoring a thread has no time for it."""
    found = find_cues(text)
    grams = features(text, signals(text, found))
    learned = model()
    return learned.weighed(grams, learned.predict(grams).label)


def sentence_role(text: str, learned: Model | None = None) -> Role:
    """The role of a sentence read on its own, by the shipped model or `learned`."""
    return _role(text, find_cues(text), learned)[0]


def score_sentence(
    text: str, offset: int = 0, replying: bool = False, hits: list[Hit] | None = None
) -> SentenceScore:
    """Role and cues of one sentence; `replying` means the post answers a quoted post.

    `hits` are the rule matches already found in this sentence (offsets into the post);
    without them the sentence is scanned on its own.
    """
    return _scored(text, offset, replying, hits)[0]


def _scored(
    text: str, offset: int, replying: bool, hits: list[Hit] | None, read: list[str] | None = None
) -> tuple[SentenceScore, Vote | None]:
    """`score_sentence`, with the model's vote where it was asked (`read`: see `_role`)."""
    found = find_cues(text, offset, replying, hits)
    role, weighed, vote = _role(text, found, None, read)
    cues = found.cues
    if found.claimish and role not in ("claim", "evidence", "reason"):
        # "Should" in a question or a title line claims nothing: its words are not claim cues.
        cues = [c for c in cues if c.role != "claim"]
    score = _new_sentencescore(
        {
            "start": offset,
            "end": offset + len(text),
            "text": text,
            "role": role,
            "cues": cues,
            "weighed": weighed,
        }
    )
    return score, vote


_QUOTED_LINE = re.compile(r"^[ \t]*>[^\n]*", re.MULTILINE)


def quoted_lines(body: str) -> list[tuple[int, int]]:
    """Lines quoted e-mail or Reddit style ("> their words"): someone else's words, left in
    the post's text by forums that quote that way."""
    return [m.span() for m in _QUOTED_LINE.finditer(body)] if ">" in body else []


def _quoted_sentence(text: str, offset: int) -> SentenceScore:
    """A sentence of a `>` quoted line: shown, never scored as the poster's own words."""
    return _new_sentencescore(
        {
            "start": offset,
            "end": offset + len(text),
            "text": text,
            "role": "none",
            "cues": [],
            "weighed": [],
        }
    )


def score_sentences(body: str, replying: bool = False) -> list[SentenceScore]:
    """Every sentence of `body` with its role; offsets are into `body`."""
    return voted_sentences(body, replying)[0]


def voted_sentences(
    body: str, replying: bool = False
) -> tuple[list[SentenceScore], list[Vote | None]]:
    """Every sentence of `body` with its role, and beside each the model's vote where it was
    asked (what a post's verdict weighs; not stored with the sentence). Offsets are into `body`.

    The body is scanned once; each cue goes to the sentence it starts in. A cue running past
    its sentence's end (a pattern spanning two sentences) makes that sentence scanned alone.
    Sentences of `>` quoted lines are someone else's: role none, no cues; and the post then
    answers them, so its questions are put to the quoted poster.
    """
    spans = split_sentences(body)
    texts = [body[start:end] for start, end in spans]
    words = tokens_of(texts)  # every sentence's words at once
    found = find_hits(body)
    bylines = byline_cues(body, spans)
    quoted = quoted_lines(body)
    replying = replying or bool(quoted)
    out = []
    votes: list[Vote | None] = []
    i, n = 0, len(found)
    q = 0
    for k, (start, end) in enumerate(spans):
        while q < len(quoted) and quoted[q][1] <= start:
            q += 1
        if q < len(quoted) and quoted[q][0] <= start:
            out.append(_quoted_sentence(texts[k], start))
            votes.append(None)
            continue
        while i < n and found[i][1] < start:
            i += 1
        mine: list[Hit] | None = []
        while i < n and found[i][1] < end:
            if found[i][2] > end:
                mine = None
            elif mine is not None:
                mine.append(found[i])
            i += 1
        sentence, vote = _scored(texts[k], start, replying, mine, words[k])
        votes.append(vote)
        extra = [c for c in bylines if start <= c.start < end] if bylines else None
        if extra:
            cues = sorted([*sentence.cues, *extra], key=lambda c: (c.start, c.end))
            role = sentence.role if sentence.role == "challenge" else "evidence"
            sentence = sentence.model_copy(update={"cues": cues, "role": role})
        out.append(sentence)
    return out, votes
