"""The threads opened lately, for the start-up list shown when no thread is named.

Kept in `recent.toml` in the reader's home folder, newest first, at most `KEEP`; each entry
carries the counts the list shows (posts, marks, unread), written when the reader saves, so
the list opens without reading a single thread. The bundled demo is always in the list.
Textual-free; written atomically; an unreadable file is set aside, never written over.
"""

from __future__ import annotations

import datetime as dt
import os
import tomllib
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from tui.safe import one_line, visible
from tui.wording import plural

KEEP = 30
RECENT_VERSION = 1


@dataclass(frozen=True)
class Recent:
    """One thread as last seen. `paths`: the files read as the thread (several pages)."""

    paths: tuple[str, ...]
    title: str = ""
    opened: str = ""
    """ISO date and time of the last opening."""
    posts: int = 0
    marks: int = 0
    unread: int = 0

    @property
    def key(self) -> tuple[str, ...]:
        return tuple(sorted(self.paths))

    def exists(self) -> bool:
        return all(Path(p).exists() for p in self.paths)


def recent_path(home: Path) -> Path:
    return home / "recent.toml"


def load_recent(home: Path) -> list[Recent]:
    """The saved list, newest first; empty when missing or unreadable."""
    entries, _readable = _read(home)
    return entries


def _read(home: Path) -> tuple[list[Recent], bool]:
    """The list, and whether the file was readable (or missing)."""
    path = recent_path(home)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return [], True
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return [], False
    version = data.get("version")
    if not isinstance(version, int) or version > RECENT_VERSION:
        return [], False
    raw = data.get("threads", [])
    entries = (
        [_entry(item) for item in raw if isinstance(item, dict)] if isinstance(raw, list) else []
    )
    return [e for e in entries if e is not None][:KEEP], True


def _entry(raw: dict[str, object]) -> Recent | None:
    paths = raw.get("paths")
    if not isinstance(paths, list) or not paths or not all(isinstance(p, str) for p in paths):
        return None

    def number(name: str) -> int:
        value = raw.get(name)
        return value if isinstance(value, int) and not isinstance(value, bool) else 0

    title, opened = raw.get("title"), raw.get("opened")
    return Recent(
        paths=tuple(paths),
        title=title if isinstance(title, str) else "",
        opened=opened if isinstance(opened, str) else "",
        posts=number("posts"),
        marks=number("marks"),
        unread=number("unread"),
    )


def listable(entry: Recent) -> bool:
    """Whether the list may keep `entry`: not a file whose name holds control, escape or bidi
    characters (TOML keeps those as they are, and a terminal showing the file would obey them;
    a name shown with escapes instead would no longer open the file)."""
    return all(visible(path) == path for path in entry.paths)


def remember(home: Path, entry: Recent, *, now: dt.datetime | None = None) -> list[Recent]:
    """Put `entry` at the top (replacing the same thread's older entry) and save the list;
    an entry that is not `listable` leaves the list as it was."""
    if not listable(entry):
        return load_recent(home)
    stamp = (now or dt.datetime.now()).isoformat(timespec="seconds")
    # Absolute: `threadscore ../x.txt` opened from one folder is another file, or none, seen
    # from the next (the list then dropped it, or would open the wrong file). Links are kept
    # as typed (abspath, not resolve): the user sees the path they know.
    paths = tuple(os.path.abspath(p) for p in entry.paths)
    entry = replace(entry, paths=paths, opened=stamp, title=one_line(entry.title))
    earlier, readable = _read(home)
    if not readable:  # a newer threadscore's or a damaged list: kept aside, never overwritten
        from scoring.store import set_aside

        set_aside(recent_path(home))
    entries = [entry, *(e for e in earlier if e.key != entry.key)][:KEEP]
    save_recent(home, entries)
    return entries


def save_recent(home: Path, entries: list[Recent]) -> None:
    import tomli_w

    from scoring.store import atomic_write_text

    data = {
        "version": RECENT_VERSION,
        "threads": [{**asdict(e), "paths": list(e.paths)} for e in entries],
    }
    text = "# threadscore: recently opened threads; safe to delete.\n" + tomli_w.dumps(data)
    atomic_write_text(recent_path(home), text)


def with_demo(
    entries: list[Recent], demo: Path, title: str = "The bundled demo thread"
) -> list[Recent]:
    """The list as shown: missing files left out, the demo at the end unless already in it."""
    shown = [e for e in entries if e.exists()]
    if not any(e.paths == (str(demo),) for e in shown):
        shown.append(Recent(paths=(str(demo),), title=title))
    return shown


def describe(entry: Recent) -> str:
    """One line for the list: "title · 120 posts · 4 marks · 17 unread · opened 2026-12-07"."""
    name = entry.title or Path(entry.paths[0]).name
    parts = [name]
    if entry.posts:
        parts.append(plural(entry.posts, "post"))
    if entry.marks:
        parts.append(plural(entry.marks, "mark"))
    if entry.unread:
        parts.append(f"{entry.unread} unread")
    if entry.opened:
        parts.append(f"opened {entry.opened[:10]}")
    return " · ".join(parts)
