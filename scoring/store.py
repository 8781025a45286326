"""Read and write scorecard TOML files without ever losing what the user wrote.

Writes are atomic (temp file in the same folder, fsync, rename, fsync the folder), so a crash
leaves the old file or the new one, never half of each. A file we cannot read is never
overwritten: it is set aside as NAME.damaged-TIMESTAMP first, and the caller is told.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import tomllib
from pathlib import Path
from typing import Any

import tomli_w
from pydantic import ValidationError

from parsing.errors import ThreadscoreError
from scoring.models import SCHEMA_VERSION, Scorecard, UserLayer, UserMark

__all__ = [
    "ScorecardFileError",
    "atomic_write_text",
    "from_toml",
    "load_scorecard",
    "save_scorecard",
    "set_aside",
    "to_document",
    "to_toml",
]


class ScorecardFileError(ThreadscoreError):
    """A scorecard file that is damaged or from a newer threadscore; `newer` says which."""

    def __init__(self, message: str, *, path: Path | None = None, newer: bool = False) -> None:
        super().__init__(message)
        self.path = path
        self.newer = newer


def atomic_write_text(path: str | Path, text: str) -> None:
    """Replace `path` with `text` in one step; readers see the old file or the new, never half."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _fsync_dir(folder)


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable; where a folder cannot be opened (Windows), skip it."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def set_aside(path: str | Path) -> Path:
    """Rename an unreadable file to NAME.damaged-TIMESTAMP (never clobbering) and return it."""
    path = Path(path)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
    os.replace(path, target)
    _fsync_dir(path.parent)
    return target


def _drop_none(value: Any) -> Any:
    """TOML has no null: absent keys stand for None, and the models default them to None."""
    if isinstance(value, dict):
        return {k: _drop_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_drop_none(v) for v in value]
    return value


def to_document(card: Scorecard) -> dict[str, Any]:
    """The scorecard as a TOML-ready dict: header, the user's marks (easy to edit), then scores."""
    data = card.model_dump(mode="json")
    computed = {p.post_id: p.verdict for p in card.posts}
    marks = []
    for mark in card.user.marks.values():
        entry = mark.model_dump(mode="json")
        if mark.verdict_override is not None:
            entry["computed_verdict"] = computed.get(mark.post_id, mark.computed_verdict)
        marks.append(entry)
    doc: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "fingerprint": data["fingerprint"],
        "source_path": data["source_path"],
        "title": data["title"],
        "marks": marks,
        "orphans": [m.model_dump(mode="json") for m in card.user.orphans],
        "totals": data["totals"],
        "authors": data["authors"],
        "posts": data["posts"],
    }
    return _drop_none(doc)


def to_toml(card: Scorecard) -> str:
    """The scorecard file's text (see README, "Scorecard file")."""
    head = (
        "# threadscore scorecard. Edit rating (1-5), bookmark, note and verdict_override under\n"
        "# [[marks]]; everything under [totals], [[authors]] and [[posts]] is recomputed.\n"
    )
    return head + tomli_w.dumps(to_document(card), multiline_strings=False)


def from_toml(text: str, path: Path | None = None) -> Scorecard:
    """Parse a scorecard file's text; anything wrong with it is one ScorecardFileError."""
    where = f"{path}: " if path else ""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ScorecardFileError(f"{where}not a readable TOML file ({exc})", path=path) from exc
    version = data.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ScorecardFileError(
            f"{where}not a threadscore scorecard (no schema_version)", path=path
        )
    if version > SCHEMA_VERSION:
        raise ScorecardFileError(
            f"{where}written by a newer threadscore (scorecard version {version}, this one reads "
            f"up to {SCHEMA_VERSION}); upgrade threadscore, the file was left as it is",
            path=path,
            newer=True,
        )
    try:
        marks = [UserMark.model_validate(m) for m in data.pop("marks", [])]
        orphans = [UserMark.model_validate(m) for m in data.pop("orphans", [])]
        data["user"] = UserLayer(marks={m.post_id: m for m in marks}, orphans=orphans)
        return Scorecard.model_validate(data)
    except (ValidationError, TypeError, AttributeError) as exc:
        first = _first_problem(exc)
        raise ScorecardFileError(f"{where}damaged scorecard: {first}", path=path) from exc


def _first_problem(exc: Exception) -> str:
    if isinstance(exc, ValidationError) and exc.errors():
        err = exc.errors()[0]
        loc = ".".join(str(p) for p in err["loc"])
        return f"{loc}: {err['msg']}" if loc else err["msg"]
    return str(exc)


def load_scorecard(path: str | Path) -> Scorecard:
    """Read a scorecard file; damaged or newer-version files raise ScorecardFileError."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ThreadscoreError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ScorecardFileError(f"{path}: damaged scorecard (not UTF-8 text)", path=path) from exc
    return from_toml(text, path)


def save_scorecard(card: Scorecard, path: str | Path) -> Path | None:
    """Write `card` to `path` atomically; returns where an unreadable old file was set aside.

    A damaged file at `path` is renamed aside first (the caller should say so). A file from a
    newer threadscore is refused with ScorecardFileError and left untouched.
    """
    path = Path(path)
    aside = None
    if path.exists():
        try:
            load_scorecard(path)
        except ScorecardFileError as exc:
            if exc.newer:
                raise
            aside = set_aside(path)
    atomic_write_text(path, to_toml(card))
    return aside
