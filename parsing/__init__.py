"""Turn a saved forum thread (a flattened text dump or a saved HTML page) into a `Thread`.

The public names are imported on first use, so a caller that needs one small module (the
reader pauses `parsing.collector` before its heavy imports) does not pay for the models and
the readers first.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from parsing.errors import ThreadscoreError
    from parsing.load import load_thread
    from parsing.models import Attachment, Part, Post, Quote, Source, Thread

__all__ = [
    "Attachment",
    "Part",
    "Post",
    "Quote",
    "Source",
    "Thread",
    "ThreadscoreError",
    "load_thread",
]

_HOMES = {
    "ThreadscoreError": "parsing.errors",
    "load_thread": "parsing.load",
    **dict.fromkeys(["Attachment", "Part", "Post", "Quote", "Source", "Thread"], "parsing.models"),
}


def __getattr__(name: str) -> Any:
    """A public name, imported from its module the first time it is asked for."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'parsing' has no attribute {name!r}")
    value = getattr(import_module(home), name)
    globals()[name] = value
    return value
