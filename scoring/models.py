"""The scorecard's data: what the scorer found and what the user added, as plain pydantic models.

Everything here is data only, so the reader app, the TOML store and the command line share one
shape. Offsets (`start`, `end`) are character offsets into `Post.body`, end exclusive.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from parsing.models import Text
from parsing.models import trusted_builder as trusted_builder  # the scorer's models use it
from parsing.textsafe import visible

Verdict = Literal["evidenced", "reasoned", "asserted", "challenge", "non-argument", "not-scored"]
VERDICTS: tuple[Verdict, ...] = (
    "evidenced",
    "reasoned",
    "asserted",
    "challenge",
    "non-argument",
    "not-scored",
)
"""`reasoned`: claims given with reasons (premises), but nothing a reader could check.
`not-scored`: the post is in a language the cues and model do not read (`PostScore.language`
names it); no verdict is guessed from English cues."""

Role = Literal["claim", "reason", "evidence", "challenge", "none"]
ROLES: tuple[Role, ...] = ("claim", "reason", "evidence", "challenge", "none")
"""`reason` and `evidence` are both premises (grounds given for a claim); evidence is the kind a
reader could check (a source, link, figure, example, observation, quoted outside text)."""

CueRole = Literal["claim", "evidence", "challenge", "hedge", "reason"]
"""`reason`: grounds given ("because", "just like they did in Iraq"), not checkable evidence."""

EvidenceType = Literal[
    "source",
    "link",
    "statistic",
    "number",
    "date",
    "example",
    "observation",
    "attachment",
    "outside-quote",
]
"""What kind of checkable backing an evidence cue is (grounds given are `reason` cues instead)."""

EVIDENCE_TYPES: tuple[str, ...] = (
    "source",
    "link",
    "statistic",
    "number",
    "date",
    "example",
    "observation",
    "attachment",
    "outside-quote",
)

SCHEMA_VERSION = 4
"""Bumped when the scorecard file changes shape; newer files are refused, never overwritten.
Version 2 added the `reasoned` verdict, the `reason` role, `PostScore.reasons` and
`SentenceScore.weighed`; version 3 what a mark's post looked like (`UserMark.tail`, `length`,
`before`, `after`, `same_text`); version 4 the `not-scored` verdict and `PostScore.language`.
Older files still read (scoring.store upgrades them)."""


class Cue(BaseModel):
    """One word or phrase that made a sentence a claim, evidence or challenge (or hedged it).

    `kind` names the rule ("according-to", "percentage", "stance", "request-evidence", ...);
    `evidence_type` is set for evidence cues only. Cues for attachments and outside quotes have
    an empty span (start == end == len(body)) because they are not in the post's own words.
    """

    model_config = ConfigDict(frozen=True)

    kind: str
    role: CueRole
    start: int
    end: int
    text: str
    evidence_type: str | None = None


class SentenceScore(BaseModel):
    """One sentence of a post's own words, its role, and the cues behind the role.

    `weighed` is `["claim"]`, `["premise"]` or `["none"]` where the learned model decided the
    role (it was confident), empty where the rules did; `scoring.roles.explain(text)` names the
    n-grams that weighed most for it (on demand: scoring a thread has no time for it).
    """

    model_config = ConfigDict(frozen=True)

    start: int
    end: int
    text: str
    role: Role
    cues: list[Cue] = Field(default_factory=list)
    weighed: list[str] = Field(default_factory=list)


class PostScore(BaseModel):
    """What the scorer concluded about one post, and why (`reason` is one readable line)."""

    model_config = ConfigDict(frozen=True)

    number: int
    post_id: str
    author: str | None = None
    verdict: Verdict
    strength: float
    claims: int
    evidence: int
    challenges: int = 0
    reasons: int = 0
    evidence_types: list[str] = Field(default_factory=list)
    rebuts: list[int] = Field(default_factory=list)
    sentences: list[SentenceScore] = Field(default_factory=list)
    cues: list[Cue] = Field(default_factory=list)
    reason: str = ""
    language: str | None = None
    """Set on a `not-scored` post: the language code it is written in (scoring.language)."""


class AuthorTally(BaseModel):
    """Totals for one author; where authors are unknown, one tally per post (`author` = "#N").

    `verdicts`, `evidence_rate` and the challenge counts follow the effective verdicts (the
    user's overrides applied); `computed_*` are the scorer's own, `overridden` how many differ.
    """

    model_config = ConfigDict(frozen=True)

    author: str
    known: bool = True
    posts: int = 0
    post_numbers: list[int] = Field(default_factory=list)
    claims: int = 0
    evidence: int = 0
    evidence_by_type: dict[str, int] = Field(default_factory=dict)
    verdicts: dict[str, int] = Field(default_factory=dict)
    evidence_rate: float = 0.0
    computed_verdicts: dict[str, int] = Field(default_factory=dict)
    computed_evidence_rate: float = 0.0
    overridden: int = 0
    challenges_made: int = 0
    challenges_received: int = 0
    challenges_answered: int = 0


class ThreadTotals(BaseModel):
    """Totals for the whole thread; `evidence_rate` is evidenced posts over arguing posts.

    As in AuthorTally, verdict counts follow the effective verdicts, `computed_*` the scorer's.
    """

    model_config = ConfigDict(frozen=True)

    posts: int = 0
    claims: int = 0
    evidence: int = 0
    evidence_by_type: dict[str, int] = Field(default_factory=dict)
    verdicts: dict[str, int] = Field(default_factory=dict)
    evidence_rate: float = 0.0
    computed_verdicts: dict[str, int] = Field(default_factory=dict)
    computed_evidence_rate: float = 0.0
    overridden: int = 0
    challenges: int = 0
    challenges_received: int = 0
    challenges_answered: int = 0


class UserMark(BaseModel):
    """The user's own layer on one post. `excerpt` lets it find the post again after an edit.

    `computed_verdict` is the scorer's verdict when the override was set, kept beside it so a
    reader can see what was overridden.
    """

    model_config = ConfigDict(frozen=True)

    post_id: str
    post_number: int
    excerpt: Text = ""
    rating: int | None = Field(default=None, ge=1, le=5)
    bookmark: bool = False
    note: Text = ""
    verdict_override: Verdict | None = None
    computed_verdict: Verdict | None = None
    edited: float | None = None
    """When the user last changed this mark (seconds since the epoch): two readers saving one
    thread merge mark by mark, the later edit winning. None in files from before."""
    tail: Text | None = None
    """The post's last words when it is longer than the excerpt ("" when not): with `length`,
    an edited post is told from a longer one that merely starts alike."""
    length: int | None = Field(default=None, ge=0)
    """Characters of the post's own words on one line."""
    before: str | None = None
    """Text digest of the post before it ("" for the first post); None in files before v3."""
    after: str | None = None
    """Text digest of the post after it ("" for the last post)."""
    same_text: int | None = Field(default=None, ge=1)
    """How many posts of the thread had its text (same author and words): a repeat is found
    by its neighbours and place, never by its page-order suffix alone."""

    def is_empty(self) -> bool:
        """A mark with nothing the user set is dropped rather than stored."""
        return (
            self.rating is None
            and not self.bookmark
            and not self.note
            and self.verdict_override is None
        )


class UserLayer(BaseModel):
    """Marks by post id, and marks that could not be re-attached (kept, never dropped)."""

    model_config = ConfigDict(frozen=True)

    marks: dict[str, UserMark] = Field(default_factory=dict)
    orphans: list[UserMark] = Field(default_factory=list)
    cleared: dict[str, float] = Field(default_factory=dict)
    """Post ids whose mark the user cleared, and when: a merge must not bring back from another
    reader's older copy a mark the user removed."""


class Scorecard(BaseModel):
    """A scored thread plus the user's layer: what `threadscore score --toml` writes."""

    model_config = ConfigDict(frozen=True)

    schema_version: int = SCHEMA_VERSION
    fingerprint: str
    source_path: Annotated[str, AfterValidator(visible)]
    """Shown, not obeyed: a file name's controls are written as escapes (`\\x1b`)."""
    title: Text | None = None
    posts: list[PostScore] = Field(default_factory=list)
    authors: list[AuthorTally] = Field(default_factory=list)
    totals: ThreadTotals = Field(default_factory=ThreadTotals)
    user: UserLayer = Field(default_factory=UserLayer)

    def post(self, number: int) -> PostScore:
        """The score of post `number` (numbers run from 1 in page order)."""
        return self.posts[number - 1]

    def effective_verdict(self, number: int) -> Verdict:
        """The user's override where one is set, else the computed verdict."""
        post = self.post(number)
        mark = self.user.marks.get(post.post_id)
        if mark is not None and mark.verdict_override is not None:
            return mark.verdict_override
        return post.verdict

    def mark(self, number: int) -> UserMark | None:
        """The user's mark on post `number`, if any."""
        return self.user.marks.get(self.post(number).post_id)
