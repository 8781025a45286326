"""Find claims, evidence and challenges sentence by sentence, and tally them into a scorecard.

`score_thread(thread)` is the entry point; `scoring.user_layer` edits the user's marks and
`scoring.store` reads and writes scorecard files. Nothing here imports the reader (tui/Textual).
"""

from scoring.models import (
    SCHEMA_VERSION,
    AuthorTally,
    Cue,
    PostScore,
    Scorecard,
    SentenceScore,
    ThreadTotals,
    UserLayer,
    UserMark,
    Verdict,
)
from scoring.scorer import score_thread

__all__ = [
    "SCHEMA_VERSION",
    "AuthorTally",
    "Cue",
    "PostScore",
    "Scorecard",
    "SentenceScore",
    "ThreadTotals",
    "UserLayer",
    "UserMark",
    "Verdict",
    "score_thread",
]
