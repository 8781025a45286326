"""Turn a post's sentence roles, attachments and quotes into one verdict, a strength and a reason.

The rules follow how a reader of a debate judges a post: a post that asks for proof is a
challenge even if it mentions a number; a post is evidenced only if it offers something a reader
could check (a source, link, figure, date, example, observation, photo or quoted outside source);
reasons alone ("because ...") make a better argument but not a backed one.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from parsing.models import Post
from scoring.models import EVIDENCE_TYPES, Cue, PostScore, SentenceScore, Verdict
from scoring.roles import score_sentences

# Building models from dicts with the core validator skips the keyword-argument layer of
# __init__: about half the cost of each of the tens of thousands of models a thread makes.
_new_cue = Cue.__pydantic_validator__.validate_python
_new_postscore = PostScore.__pydantic_validator__.validate_python

TYPE_WEIGHT = {
    "source": 0.35,
    "link": 0.35,
    "outside-quote": 0.3,
    "attachment": 0.3,
    "statistic": 0.3,
    "observation": 0.25,
    "example": 0.2,
    "number": 0.15,
    "date": 0.1,
    "reason": 0.1,
}
"""How much each kind of backing adds to a post's strength; checkable backing weighs most."""

HEDGE_PENALTY = 0.05

TYPE_NAMES = {
    "source": "a named source",
    "link": "a link or citation",
    "outside-quote": "a quoted outside source",
    "attachment": "an attached file",
    "statistic": "a statistic",
    "observation": "a first-hand observation",
    "example": "an example or precedent",
    "number": "figures",
    "date": "dates",
    "reason": "reasons",
}

_REJECTION = re.compile(
    r"\b(?:bs|nonsense|rubbish|garbage|crap|bullshit|wrong|false|lies|propaganda|pipe dream"
    r"|ridiculous|absurd|misleading|not true|fake|baloney|hogwash)\b",
    re.IGNORECASE,
)
"""Words with which a post dismisses what it quotes; a dismissed quote is not its evidence."""

_SPACE = re.compile(r"\s+")


def _post_level_cues(post: Post, sentences: list[SentenceScore]) -> list[Cue]:
    """Backing that is not in the post's own words: attachments and quoted outside sources."""
    end = len(post.body)
    cues = [
        _new_cue(
            {
                "kind": "attachment",
                "role": "evidence",
                "start": end,
                "end": end,
                "text": att.name,
                "evidence_type": "attachment",
            }
        )
        for att in post.attachments
    ]
    outside = [q for q in post.quotes if q.target is None and q.text.strip()]
    if outside:
        own_source = any(
            c.evidence_type == "source" for s in sentences for c in s.cues if c.role == "evidence"
        )
        if own_source or not _REJECTION.search(post.body):
            for quote in outside:
                excerpt = _SPACE.sub(" ", quote.text).strip()[:80]
                cues.append(
                    _new_cue(
                        {
                            "kind": "outside-quote",
                            "role": "evidence",
                            "start": end,
                            "end": end,
                            "text": excerpt,
                            "evidence_type": "outside-quote",
                        }
                    )
                )
    return cues


def _rebuts(post: Post) -> list[int]:
    seen: list[int] = []
    for quote in post.quotes:
        if quote.target is not None and quote.target != post.number and quote.target not in seen:
            seen.append(quote.target)
    return seen


def _join(words: list[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


class Decision(NamedTuple):
    """What `decide` concludes about a post, with the sentence counts it saw on the way."""

    verdict: Verdict
    strength: float
    types: list[str]
    reason: str
    claims: int
    backed: int
    challenges: int


def decide(sentences: list[SentenceScore], extra: list[Cue]) -> Decision:
    """Verdict, strength (0..1), evidence types found and a one-line reason."""
    claims = 0
    challenges = backed = hedges = 0
    explicit = False
    found: set[str | None] = set()
    checkable: set[str | None] = set()
    for sentence in sentences:
        role = sentence.role
        if role == "claim":
            claims += 1
        elif role == "evidence":
            backed += 1
        elif role == "challenge":
            challenges += 1
        for cue in sentence.cues:
            cue_role = cue.role
            if cue_role == "evidence":
                found.add(cue.evidence_type)
                if role == "evidence":
                    checkable.add(cue.evidence_type)
            elif cue_role == "hedge":
                hedges += 1
            elif cue_role == "challenge" and cue.kind == "request-evidence":
                explicit = True
    for cue in extra:
        found.add(cue.evidence_type)
        checkable.add(cue.evidence_type)
    types = [t for t in EVIDENCE_TYPES if t in found]
    strong = [t for t in types if t in checkable]
    said = f"claims {claims}" if claims else "no explicit claim"
    counts = (claims, backed, challenges)
    if challenges and (explicit or challenges >= claims) and challenges >= backed + bool(extra):
        what = "asks for evidence" if explicit else "questions another post"
        strength = 0.6 if explicit else 0.4
        return Decision("challenge", strength, types, f"{what} ({challenges}x)", *counts)
    if backed or extra:
        score = 0.3 + sum(TYPE_WEIGHT[t] for t in types) - HEDGE_PENALTY * min(hedges, 4)
        strength = round(min(1.0, max(0.05, score)), 2)
        backing = _join([TYPE_NAMES[t] for t in strong])
        return Decision("evidenced", strength, types, f"{said}, backed by {backing}", *counts)
    if claims:
        thin = _join([TYPE_NAMES[t] for t in types])
        score = 0.15 + 0.1 * len(types) - HEDGE_PENALTY * min(hedges, 2)
        strength = round(min(1.0, max(0.05, score)), 2)
        why = f"gives {thin} but nothing checkable" if types else "no backing"
        return Decision("asserted", strength, types, f"{said}, {why}", *counts)
    return Decision("non-argument", 0.0, types, "no claim, evidence or challenge", *counts)


def score_post(post: Post) -> PostScore:
    """Score one post from its own words, its attachments and its quotes."""
    rebuts = _rebuts(post)
    sentences = score_sentences(post.body, replying=bool(rebuts))
    extra = _post_level_cues(post, sentences)
    decision = decide(sentences, extra)
    cues = [c for s in sentences for c in s.cues] + extra
    return _new_postscore(
        {
            "number": post.number,
            "post_id": post.id,
            "author": post.author,
            "verdict": decision.verdict,
            "strength": decision.strength,
            "claims": decision.claims,
            "evidence": decision.backed + len(extra),
            "challenges": decision.challenges,
            "evidence_types": decision.types,
            "rebuts": rebuts,
            "sentences": sentences,
            "cues": cues,
            "reason": decision.reason,
        }
    )
