"""Turn a saved forum thread (a flattened text dump or a saved HTML page) into a `Thread`."""

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
