"""Write JSON documents with pydantic's own serialiser, a chunk of posts at a time.

`json.dumps(..., indent=1)` of a big thread's document ran the pure-Python encoder over a dict
built by `model_dump` (1.5 s CPU of `parse 10k --json`, 3 s of `score 10k --json`, with the
collector rescanning the dicts as they were built). `pydantic_core.to_json` writes the same bytes
from the models directly. Each piece is serialised with `indent=1` and shifted to its depth
(JSON strings hold no raw newline, so every newline in a piece starts a line of its layout);
posts go a few hundred at a time (a call per post cost a third of the writing), so the document
is never held whole in memory.

The bytes are those `json.dumps(document, ensure_ascii=False, indent=1)` wrote (as tests check),
for every value our models hold: floats are rounded to 3 places, and only floats below 1e-4 are
spelled differently by the two encoders.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import IO, TYPE_CHECKING, Any

from pydantic_core import to_json

from parsing.collector import collector_paused

if TYPE_CHECKING:
    from parsing.models import Thread

POST_FIELDS = (
    "number",
    "id",
    "source_id",
    "author",
    "author_title",
    "date",
    "lines",
    "body",
    "quotes",
    "attachments",
)
"""What `parse --json` says of a post (in model order): not `parts` or `signature`."""
POST_BATCH = 200
"""Posts serialised per call: ~170 KB of JSON for posts of a few hundred words."""


def shifted(raw: bytes, depth: int) -> bytes:
    """A piece serialised at depth 0, indented to sit at `depth`."""
    return raw.replace(b"\n", b"\n" + b" " * depth) if depth else raw


def value(data: Any, depth: int = 1) -> Iterator[bytes]:
    """One value serialised to sit at `depth` (on iteration, so a document's later members are
    not serialised before its first ones are written)."""
    yield shifted(to_json(data, indent=1), depth)


def items(values: Iterable[Any], depth: int, dump: Callable[[Any], bytes]) -> Iterator[bytes]:
    """A JSON array at `depth`, one piece per value; `dump` serialises a value at depth 0."""
    pad = b"\n" + b" " * (depth + 1)
    sep = b"[" + pad
    for value in values:
        yield sep + shifted(dump(value), depth + 1)
        sep = b"," + pad
    yield b"[]" if sep.startswith(b"[") else b"\n" + b" " * depth + b"]"


def array(
    values: list[Any], depth: int, batch: int = 500, include: set[str] | None = None
) -> Iterator[bytes]:
    """`items(values, depth, lambda v: to_json(v, indent=1, include=include))` in fewer calls:
    `batch` values serialised at once (a list at depth 0, shifted, is the same bytes as its items
    one by one); for many values (a 100,000-post thread's per-post tallies, a thread's posts).
    `include` names the fields written of each value (a model), None all."""
    if not values:
        yield b"[]"
        return
    close = b"\n" + b" " * depth + b"]"
    for i in range(0, len(values), batch):
        chunk = values[i : i + batch]
        raw = shifted(
            to_json(chunk, indent=1, include=None if include is None else {"__all__": include}),
            depth,
        )
        yield (b"," if i else b"[") + raw[1 : -len(close)]
    yield close


def document(members: Iterable[tuple[str, Iterable[bytes]]]) -> Iterator[bytes]:
    """A top-level object, then a newline: each member's key, then its value's pieces."""
    sep = b"{\n "
    for key, pieces in members:
        yield sep + to_json(key) + b": "
        yield from pieces
        sep = b",\n "
    yield b"{}\n" if sep.startswith(b"{") else b"\n}\n"


def thread_chunks(thread: Thread) -> Iterator[bytes]:
    """The `threadscore parse --json` document (`Thread.to_json`, as `json.dumps` wrote it)."""
    with collector_paused():
        head = ("title", "title_line", "source", "chrome_lines", "warnings")
        members = [(name, value(getattr(thread, name))) for name in head]
        members[2] = ("source", value(shown_source(thread)))
        posts = array(thread.posts, 1, batch=POST_BATCH, include=set(POST_FIELDS))
        yield from document([*members, ("posts", posts)])


def shown_source(thread: Thread) -> Any:
    """The thread's source with its file names shown, not obeyed (see `Thread.to_json`)."""
    from parsing.textsafe import visible

    source = thread.source
    return source.model_copy(
        update={"path": visible(source.path), "paths": [visible(p) for p in source.paths]}
    )


def write_chunks(chunks: Iterable[bytes], stream: IO[str]) -> None:
    """Write byte chunks to a text stream: to its byte buffer where it has one (after flushing
    what was written as text), else decoded."""
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        for chunk in chunks:
            stream.write(chunk.decode("utf-8"))
        return
    stream.flush()
    for chunk in chunks:
        buffer.write(chunk)
    buffer.flush()
