"""Find claims, evidence and challenges sentence by sentence, and tally them into a scorecard.

`score_thread(thread)` is the entry point; `scoring.user_layer` edits the user's marks and
`scoring.store` reads and writes scorecard files. Nothing here imports the reader (tui/Textual).
The public names are imported on first use, as in `parsing`: a command that only checks its
output path (`scoring.store.check_output`) does not pay for pydantic, the models and the rules.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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
    from scoring.scorer import build_scorecard, score_posts, score_thread

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
    "build_scorecard",
    "score_posts",
    "score_thread",
]

_HOMES = {
    **dict.fromkeys(__all__, "scoring.models"),
    **dict.fromkeys(("build_scorecard", "score_posts", "score_thread"), "scoring.scorer"),
}


def __getattr__(name: str) -> Any:
    """A public name, imported from its module the first time it is asked for."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'scoring' has no attribute {name!r}")
    value = getattr(import_module(home), name)
    globals()[name] = value
    return value
