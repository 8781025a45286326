"""Turn a post's sentence roles, attachments and quotes into one verdict, a strength and a reason.

The rules follow how a reader of a debate judges a post: a post that asks for proof is a
challenge even if it mentions a number; a post is evidenced only if it offers something a reader
could check (a source, link, figure, date, example, observation, photo or quoted outside source);
reasons alone ("because ...") make a better argument but not a backed one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from parsing.models import Post, Quote
from scoring.language import ENGLISH, told
from scoring.language import name as language_name
from scoring.learned import Verdict as Vote
from scoring.models import (
    EVIDENCE_TYPES,
    Cue,
    PostScore,
    SentenceScore,
    Verdict,
    trusted_builder,
)
from scoring.roles import voted_sentences

# The scorer's own values are already typed: built without validation (see trusted_builder).
_new_cue = trusted_builder(Cue)
_new_postscore = trusted_builder(PostScore)

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
}
"""How much each kind of backing adds to a post's strength; checkable backing weighs most."""

REASON_WEIGHT = 0.1
"""What grounds given ("because", an allusion) add: an argument, though nothing checkable."""

HEDGE_PENALTY = 0.05

TYPE_NAMES = {
    "source": "a named source",
    "link": "a link or citation",
    "outside-quote": "a quoted outside source",
    "attachment": "an attached file",
    "statistic": "a statistic",
    "observation": "a first-hand observation",
    "example": "an example or precedent",
    "number": "a measured or counted figure",
    "date": "a date",
}

_REJECTION = re.compile(
    r"\b(?:bs|nonsense|rubbish|garbage|crap|bullshit|wrong|false|lies|propaganda|pipe dream"
    r"|ridiculous|absurd|misleading|not true|fake|baloney|hogwash)\b"
)
"""Words with which a post dismisses what it quotes (matched in lower case); a dismissed quote
is not its evidence."""

_SPACE = re.compile(r"\s+")

_FORUM_VOICE = re.compile(
    r"\b(?:you|your|you're|u|ur|imo|imho|lol|i(?: really| personally| just)? (?:think|believe"
    r"|feel|guess|reckon|agree|disagree))\b|^\W*(?:quote:\s*)?originally posted by\b"
)
"""How a poster writes and an article does not: talking to "you", "I think", "imo", "lol", or
a quote header left in the text. A quote in that voice repeats a forum post (one not in the
thread), not an outside source. Matched in lower case: IGNORECASE is twice as slow."""

_NOBODY = frozenset({"someone", "somebody", "unknown", "quote"})
"""Placeholders a page or a dump puts where a quote names nobody ("Someone said:")."""

_ADDRESS = re.compile(r"\b(?:you|your|you're|u|ur)\b")
"""An answer that talks to "you" answers the person it quotes: the quote is a poster's words."""


def _answer(post: Post, quote: Quote) -> str:
    """The post's own words that answer `quote`: the first run of text after it (a post built
    without parts reads as its quotes, then its body)."""
    if not post.parts:
        return post.body
    parts = post.parts
    index = next((i for i, q in enumerate(post.quotes) if q is quote), -1)
    after = False
    for part in parts:
        if part.kind == "quote":
            after = after or part.quote == index
        elif after and part.text.strip():
            return part.text
    return ""


def _post_level_cues(post: Post, sentences: list[SentenceScore]) -> list[Cue]:
    """Backing that is not in the post's own words: attachments and quoted outside sources."""
    if not post.attachments and not post.quotes:
        return []  # most posts: nothing to build
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
    # A quote that names a poster or a forum post id, is written in a poster's voice, or is
    # answered with "you" repeats another forum post (on a page not saved, or in another
    # thread): debate, not an outside source.
    outside = [
        q
        for q in post.quotes
        if q.target is None
        and (q.author is None or q.author.lower() in _NOBODY)
        and q.source_id is None
        and q.text.strip()
        and _FORUM_VOICE.search(q.text.lower()) is None
    ]
    if outside:
        own_source = any(
            c.evidence_type == "source" for s in sentences for c in s.cues if c.role == "evidence"
        )
        # Quoting no forum post, the "you" an answer talks to can only be who wrote the quote.
        only_outside = len(outside) == len(post.quotes)
        for quote in outside:
            if only_outside or not own_source:
                answer = _answer(post, quote).lower()
                if only_outside and _ADDRESS.search(answer) is not None:
                    continue
                if not own_source and _REJECTION.search(answer) is not None:
                    continue  # what the answer dismisses ("BS", "propaganda") is not its backing
            excerpt = _SPACE.sub(" ", quote.text.strip()[:400]).strip()[:80]
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


def _quoted(texts: list[str], limit: int, width: int = 24) -> str:
    """The first `limit` distinct texts, quoted and cut to `width`: “should”, “best” and 2 more.

    Few calls on purpose: it runs for every post of a 10,000-post thread."""
    words = list(dict.fromkeys(texts)) if len(texts) > 1 else texts
    shown = "”, “".join(
        [w if len(w) <= width else w[: width - 1] + "…" for w in words[:limit]]
    ).replace("\n", " ")
    if len(words) > limit:
        return f"“{shown}” and {len(words) - limit} more"
    return f"“{shown}”"


def _sentences(indexes: list[int], limit: int = 4) -> str:
    """Which sentences of the post, counted from 1: "sentence 2", "sentences 1, 3, 4",
    "sentences 1, 2, 3, 5…" (the first few, when there are many)."""
    if len(indexes) == 1:
        return f"sentence {indexes[0] + 1}"
    shown = ", ".join([str(i + 1) for i in indexes[:limit]])
    return f"sentences {shown}…" if len(indexes) > limit else f"sentences {shown}"


class Fit(NamedTuple):
    """How a post's verdict weighs its sentences: numbers fitted by training/fit_verdicts.py on
    hand-labelled forum posts (docs/scoring.md, "Post verdicts"), not set by hand."""

    arguing: float
    """A claim sentence counts toward the verdict when the model's max(claim, premise) - none
    reaches this (logits): below it the sentence is talk (a joke, a plan, thanks in disguise)."""
    grounding: float
    """A claim sentence counts as grounds given when the model's premise - claim reaches this."""
    open_questions: float
    """What a question put to nobody in particular (no "you") weighs as a challenge in a
    reply (a thread's first post opens a discussion with its questions)."""
    challenge_share: float
    """A post is a challenge when its challenges reach this share of its counted claims."""


FIT = Fit(arguing=0.5, grounding=-0.5, open_questions=0.5, challenge_share=1.0)
"""The fitted numbers (training/fit_verdicts.py --check verifies them)."""


class Decision(NamedTuple):
    """What `decide` concludes about a post, with the sentence counts it saw on the way."""

    verdict: Verdict
    strength: float
    types: list[str]
    reason: str
    claims: int
    backed: int
    challenges: int
    reasons: int


@dataclass
class Counts:
    """What a post's sentences and post-level cues add up to (counting, before choosing)."""

    claimed: list[int] = field(default_factory=list)
    """Claim sentences, and evidence or reason sentences that also make a claim."""
    bare_claims: int = 0
    backed_at: list[int] = field(default_factory=list)
    reasoned_at: list[int] = field(default_factory=list)
    asked: list[int] = field(default_factory=list)
    hedges: int = 0
    claim_words: list[str] = field(default_factory=list)
    asks: list[Cue] = field(default_factory=list)
    reason_cues: list[Cue] = field(default_factory=list)
    backing: dict[str, str] = field(default_factory=dict)
    found: set[str] = field(default_factory=set)
    extra: int = 0
    weighed: list[int] = field(default_factory=list)
    """Sentences whose role the learned model decided."""
    leans: list[tuple[float, float]] = field(default_factory=list)
    """Beside each of `claimed`: the model's (arguing, grounding) votes (see Fit); a claim
    the model was not asked about (a cue of backing decided it) counts fully."""
    open_questions: int = 0
    """Questions the rules left as none, put to nobody in particular (counted in replies)."""

    @property
    def types(self) -> list[str]:
        return [t for t in EVIDENCE_TYPES if t in self.found] if self.found else []


def _count_cues(counts: Counts, sentence: SentenceScore) -> bool:
    """Add one sentence's cues; whether any of them makes a claim."""
    claims_here = False
    backing = sentence.role == "evidence"
    for cue in sentence.cues:
        cue_role = cue.role
        if cue_role == "claim":
            counts.claim_words.append(cue.text)
            claims_here = True
        elif cue_role == "evidence":
            if backing and cue.evidence_type:
                counts.found.add(cue.evidence_type)
                counts.backing.setdefault(cue.evidence_type, cue.text)
        elif cue_role == "reason":
            counts.reason_cues.append(cue)
        elif cue_role == "hedge":
            counts.hedges += 1
        elif cue_role == "challenge" and cue.kind == "request-evidence":
            counts.asks.append(cue)
    return claims_here


_TAIL = " \t\n\"'”’)!."
_FULL = (99.0, -99.0)
"""The lean of a claim no vote weighs: it argues, and it claims rather than grounds."""


def count(
    sentences: list[SentenceScore],
    extra: list[Cue],
    votes: list[Vote | None] | None = None,
    reply: bool = False,
) -> Counts:
    """Count claims, reasons, evidence and challenges, sentence by sentence; `votes` are the
    model's beside each sentence (None where it was not asked); `reply`: the post answers
    others (not a thread's first post), so its open questions are put to them."""
    counts = Counts()
    for i, sentence in enumerate(sentences):
        role = sentence.role
        claims_here = _count_cues(counts, sentence)
        vote = votes[i] if votes else None
        if role == "claim":
            counts.bare_claims += 1
            counts.claimed.append(i)
            counts.leans.append(_FULL if vote is None else (vote.arguing, vote.grounding))
        elif role == "evidence" or role == "reason":
            (counts.backed_at if role == "evidence" else counts.reasoned_at).append(i)
            if claims_here:
                counts.claimed.append(i)
                counts.leans.append(_FULL)
        elif role == "challenge":
            counts.asked.append(i)
        elif reply and sentence.text.rstrip(_TAIL).endswith("?") and not sentence.cues:
            counts.open_questions += 1
        if sentence.weighed and role in ("claim", "reason", "evidence"):
            counts.weighed.append(i)
    for cue in extra:
        if cue.evidence_type:
            counts.found.add(cue.evidence_type)
            counts.backing.setdefault(cue.evidence_type, cue.text)
    counts.extra = len(extra)
    return counts


def weigh(c: Counts, fit: Fit = FIT) -> tuple[int, int]:
    """The claims that count (the model reads them as arguing) and how many of them it reads
    as grounds rather than points."""
    claims = grounds = 0
    for arguing, grounding in c.leans:
        if arguing >= fit.arguing:
            claims += 1
            grounds += grounding >= fit.grounding
    return claims, grounds


def choose(c: Counts, fit: Fit = FIT) -> Verdict:
    """The verdict from the counts: asking outranks citing, citing outranks reasoning,
    reasoning outranks asserting; claims the model reads as talk do not count."""
    claims, grounds = weigh(c, fit)
    backed = len(c.backed_at) + bool(c.extra)
    challenges = len(c.asked) + fit.open_questions * c.open_questions
    asking = c.asks or challenges >= fit.challenge_share * claims
    if challenges and asking and challenges >= backed:
        return "challenge"
    if backed:
        return "evidenced"
    reasons = len(c.reasoned_at) + grounds
    if (reasons or c.reason_cues) and (claims > grounds or reasons > 1):
        # One reason offered for nothing said stays an assertion: grounds need a point.
        return "reasoned"
    return "asserted" if claims else "non-argument"


def _grounded(c: Counts, fit: Fit = FIT) -> list[int]:
    """Claim sentences the model reads as grounds (see Fit.grounding)."""
    return [
        i
        for i, (arguing, grounding) in zip(c.claimed, c.leans, strict=True)
        if arguing >= fit.arguing and grounding >= fit.grounding
    ]


def _model_words(c: Counts) -> str:
    """Which sentences the learned model decided (the rules decided the rest)."""
    return f"; the model decided {_sentences(c.weighed)}" if c.weighed else ""


def _strength(verdict: Verdict, c: Counts) -> float:
    if verdict == "challenge":
        return 0.6 if c.asks else 0.4
    if verdict == "evidenced":
        score = 0.3 + sum(TYPE_WEIGHT.get(t, 0) for t in c.types) - HEDGE_PENALTY * min(c.hedges, 4)
        score += REASON_WEIGHT * bool(c.reason_cues or c.reasoned_at)
    elif verdict == "reasoned":
        given = len(c.reasoned_at) + len({q.kind for q in c.reason_cues})
        score = 0.2 + REASON_WEIGHT * min(given, 3) - HEDGE_PENALTY * min(c.hedges, 2)
    elif verdict == "asserted":
        score = 0.15 - HEDGE_PENALTY * min(c.hedges, 2)
    else:
        return 0.0
    clipped = min(1.0, max(0.05, score))
    rounded = _ROUNDED.get(clipped)
    if rounded is None:
        rounded = _ROUNDED[clipped] = round(clipped, 2)
    return rounded


_ROUNDED: dict[float, float] = {}
"""Strengths rounded so far: a strength is one of a few sums of the weights above, and `round`
was a tenth of choosing a verdict."""


def _claims_said(c: Counts) -> str:
    claims = len(c.claimed)
    noun = "claim sentences" if claims != 1 else "claim sentence"
    if not claims:
        return "no separate claim sentence"
    words = f"cue words {_quoted(c.claim_words, 3)}" if c.claim_words else "plain statements"
    return f"{claims} {noun} ({_sentences(c.claimed)}, {words})"


def word(verdict: Verdict, c: Counts) -> str:
    """The one-line reason: the sentences and words that decided the verdict."""
    if verdict == "challenge":
        if c.asks:
            asks = _quoted([q.text for q in c.asks], 2)
            return f"asks for evidence: {asks} ({_sentences(c.asked)})"
        n = f"{len(c.asked)} questions" if len(c.asked) > 1 else "a question"
        return f"questions another post: {n} ({_sentences(c.asked)})"
    if verdict == "evidenced":
        shown = [
            f"{TYPE_NAMES[t]} “{w if len(w) <= 30 else w[:29] + '…'}”"
            for t in c.types
            if (w := c.backing.get(t)) is not None
        ] or ["a checkable statement"]
        where = f" ({_sentences(c.backed_at)})" if c.backed_at else ""
        # Without a separate claim sentence the backed statement is itself the point made.
        claims = len(c.claimed)
        noun = "claim sentences" if claims != 1 else "claim sentence"
        tail = f"{claims} {noun}" if claims else "the evidence is its claim"
        why = f"backed by {_join(shown)}{where}; {tail}{_model_words(c)}"
        return why.replace("\n", " ")
    if verdict == "reasoned":
        parts = []
        if c.reasoned_at:
            parts.append(f"reasons given ({_sentences(c.reasoned_at)})")
        if c.reason_cues:
            parts.append(f"grounds {_quoted([q.text for q in c.reason_cues], 2)}")
        grounded = _grounded(c)
        if grounded:
            parts.append(f"reasons given ({_sentences(grounded)}: the model reads them so)")
        why = f"{' and '.join(parts)}, nothing checkable; {_claims_said(c)}{_model_words(c)}"
        return why.replace("\n", " ")
    if verdict == "asserted":
        return f"nothing checkable, no reason given; {_claims_said(c)}{_model_words(c)}"
    if c.claimed:
        talk = _sentences(c.claimed)
        return f"no claim, reason, evidence or challenge; the model reads {talk} as talk"
    return "no claim, reason, evidence or challenge"


def decide(
    sentences: list[SentenceScore],
    extra: list[Cue],
    votes: list[Vote | None] | None = None,
    reply: bool = False,
) -> Decision:
    """Verdict, strength (0..1), evidence types found and a one-line reason: counting, then
    choosing, then wording. `claims` counts claim sentences and premise sentences that also
    make a claim (a claim backed in the same breath)."""
    c = count(sentences, extra, votes, reply)
    verdict = choose(c)
    return Decision(
        verdict,
        _strength(verdict, c),
        c.types,
        word(verdict, c),
        len(c.claimed),
        len(c.backed_at),
        len(c.asked),
        len(c.reasoned_at) + len(_grounded(c)),
    )


def _not_scored(post: Post, code: str, rebuts: list[int]) -> PostScore:
    """A post in a language the cues and the model do not read: no verdict guessed."""
    return _new_postscore(
        {
            "number": post.number,
            "post_id": post.id,
            "author": post.author,
            "verdict": "not-scored",
            "strength": 0.0,
            "claims": 0,
            "evidence": 0,
            "challenges": 0,
            "reasons": 0,
            "evidence_types": [],
            "rebuts": rebuts,
            "sentences": [],
            "cues": [],
            "reason": f"not scored: language {language_name(code)}"
            " (the cues and the model read English only)",
            "language": code,
        }
    )


def score_post(post: Post, language: str = ENGLISH) -> PostScore:
    """Score one post from its own words, its attachments and its quotes; a post in another
    language than English is marked not scored (scoring.language). `language` is the thread's
    (`scoring.language.thread_language`), taken for a post too short to tell."""
    rebuts = _rebuts(post)
    code = told(post.body) or language
    if code != ENGLISH:
        return _not_scored(post, code, rebuts)
    # A question right after a quote questions what it quotes, a post or an outside source.
    replying = bool(rebuts) or any(q.target is None for q in post.quotes)
    sentences, votes = voted_sentences(post.body, replying=replying)
    extra = _post_level_cues(post, sentences)
    decision = decide(sentences, extra, votes, reply=post.number > 1 or replying)
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
            "reasons": decision.reasons,
            "evidence_types": decision.types,
            "rebuts": rebuts,
            "sentences": sentences,
            "cues": cues,
            "reason": decision.reason,
            "language": None,
        }
    )
