"""Open whatever the user points at (text dump, saved page, folder of pages) as one `Thread`."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from parsing.errors import ThreadscoreError

if TYPE_CHECKING:
    from parsing.models import Thread

# The decoder and the models are imported once a file has been read: a missing, empty or
# unreadable input is refused without paying for pydantic (~0.1 s a process).

MAX_BYTES = 64 * 1024 * 1024
"""Larger inputs are refused: no real thread page is this big, and reading it would stall."""

HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".mhtml"}
PAGE_SUFFIXES = HTML_SUFFIXES | {".json"}
"""What a folder of saved pages may hold: pages, or Discourse topic JSON (`/t/ID.json`)."""


def demo_path() -> Path:
    """The demo thread shipped in the package (written by us, in the seed's flattened style)."""
    from importlib import resources  # ~5 ms, for the demo only

    return Path(str(resources.files("parsing") / "demo" / "demo_thread.txt"))


def read_input(path: Path) -> tuple[str, bytes, str | None]:
    """Read one file as clean text, its bytes, and a warning when its encoding was guessed;
    every way it can be unreadable is one clear error."""
    if not path.exists():
        raise ThreadscoreError(f"{path}: no such file")
    if path.is_dir():
        raise ThreadscoreError(f"{path}: is a folder with no saved pages in it")
    if not path.is_file():
        raise ThreadscoreError(f"{path}: is not a regular file (a device or a pipe?)")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ThreadscoreError(
                f"{path}: {size / 1e6:.0f} MB is too large for a thread "
                f"(limit {MAX_BYTES // (1024 * 1024)} MiB)"
            )
        with path.open("rb") as handle:  # a file growing while we read is still capped
            data = handle.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise ThreadscoreError(f"{path}: too large for a thread (it grew while being read)")
    except OSError as exc:
        raise ThreadscoreError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    if not data.strip():
        raise ThreadscoreError(f"{path}: the file is empty")
    from parsing.decode import decode_bytes
    from parsing.textsafe import clean, visible

    try:
        text, warning = decode_bytes(data)
    except ThreadscoreError as exc:
        raise ThreadscoreError(f"{path}: {exc}") from exc
    return clean(text), data, f"{visible(str(path))}: {warning}" if warning else None


def is_html(path: Path, text: str) -> bool:
    """A saved page, by suffix or by content (some browsers save pages without a suffix)."""
    if path.suffix.lower() in HTML_SUFFIXES:
        return True
    head = text.lstrip()[:1024].lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head


def is_topic_json(text: str) -> bool:
    """Discourse's topic JSON (`/t/ID.json`): an object with a `post_stream`, read with pages."""
    return text.lstrip().startswith("{") and '"post_stream"' in text


def expand_paths(paths: Sequence[str | Path]) -> list[Path]:
    """Folders stand for the saved pages inside them, in name order (page order)."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            pages = sorted(
                p for p in path.iterdir() if p.is_file() and p.suffix.lower() in PAGE_SUFFIXES
            )
            if not pages:
                raise ThreadscoreError(f"{path}: is a folder with no saved pages in it")
            out.extend(pages)
        else:
            out.append(path)
    return out


Inputs = list[tuple[Path, str, bytes, str | None]]
"""Each file read: its path, clean text, bytes and decoding warning (`read_input`)."""


def load_thread(paths: Sequence[str | Path] | str | Path | None = None) -> Thread:
    """Parse one thread from one or more inputs; no input means the bundled demo thread."""
    return parse_inputs(read_inputs(paths))


def read_inputs(paths: Sequence[str | Path] | str | Path | None = None) -> Inputs:
    """Read every file of one thread (no input means the demo); raises on any unreadable."""
    if paths is None:
        paths = [demo_path()]
    elif isinstance(paths, str | Path):
        paths = [paths]
    files = expand_paths(paths)
    if not files:
        raise ThreadscoreError("no thread given")
    return [(path, *read_input(path)) for path in files]


def parse_inputs(read: Inputs) -> Thread:
    """The thread in the files `read_inputs` read."""
    decoding = [warning for *_, warning in read if warning]
    if any(is_html(path, text) or is_topic_json(text) for path, text, _, _ in read):
        from parsing.html import parse_html_pages

        thread = parse_html_pages([(path, text, data) for path, text, data, _ in read])
    else:
        if len(read) > 1:
            raise ThreadscoreError("several text dumps cannot be read as one thread; give one")
        path, text, data, _ = read[0]
        thread = _parse_dump(path, text, data)
        if not thread.posts:
            raise ThreadscoreError(f"{path}: no posts found in this file")
    if decoding:  # returned on the thread, never printed: the CLI and the reader show them
        thread = thread.model_copy(update={"warnings": [*decoding, *thread.warnings]})
    return thread


def _parse_dump(path: Path, text: str, data: bytes) -> Thread:
    from parsing.models import Source
    from parsing.text_reader import parse_text

    source = Source(path=str(path), format="text", sha256=hashlib.sha256(data).hexdigest())
    return parse_text(text, source)


PREVIEW_CHARS = 128 * 1024
"""How much of a big text dump the preview reads: a first screen of posts (40-60 rows) at
any post length seen (150 bytes to a few KB a post), in a tenth of a second."""

PREVIEW_FROM = 4 * PREVIEW_CHARS
"""Smaller dumps are parsed whole at once: the preview would save less than it costs."""


def preview_inputs(read: Inputs) -> Thread | None:
    """The first posts of a big text dump, parsed from its opening `chars` characters (cut at
    a line break), for the reader to show while `parse_inputs` reads the whole: None for
    pages, small dumps and a dump whose opening gives fewer than two posts.

    The frame and quote decisions see only the opening, so a post may come out otherwise than
    the whole parse makes it (rarely: a quote points back, never forward); the reader replaces
    the preview with the whole parse's posts when it lands. The last post is dropped, as the
    cut may fall inside it; the source (and so the state files) is the whole file's. A dump of
    under `PREVIEW_FROM` characters gets none; the preview reads `PREVIEW_CHARS` of it.
    """
    if len(read) != 1:
        return None
    path, text, data, _ = read[0]
    if len(text) < PREVIEW_FROM or is_html(path, text) or is_topic_json(text):
        return None
    cut = text.rfind("\n", 0, PREVIEW_CHARS)
    if cut <= 0:
        return None
    thread = _parse_dump(path, text[:cut], data)
    if len(thread.posts) < 3:
        return None
    return thread.model_copy(update={"posts": thread.posts[:-1], "chrome_lines": []})
