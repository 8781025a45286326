"""Settings the reader writes back to `config.toml`: the theme chosen in the palette.

`config.toml` is the user's file (key remapping, comments). Only its top-level `theme = "..."`
line is changed or added, every other line is kept byte for byte, the result is checked to read
back as TOML with the new theme, and a file that cannot be read is never written over.
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

_THEME_LINE = re.compile(r"^[ \t]*theme[ \t]*=.*$", re.M)
_TABLE_LINE = re.compile(r"^[ \t]*\[", re.M)


def load_theme(path: Path) -> str | None:
    """The saved theme's name, or None (no file, no theme, or a file we cannot read: the
    keymap loader reports that one)."""
    try:
        with path.open("rb") as handle:
            theme = tomllib.load(handle).get("theme")
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    return theme if isinstance(theme, str) and theme else None


def with_theme(text: str, theme: str) -> str:
    """`text` (a config file) with its top-level theme set to `theme`."""
    line = f"theme = {json.dumps(theme)}"  # a JSON string is a valid TOML basic string
    first_table = _TABLE_LINE.search(text)
    top_end = first_table.start() if first_table else len(text)
    found = _THEME_LINE.search(text, 0, top_end)
    if found:
        return text[: found.start()] + line + text[found.end() :]
    if first_table is None:
        return text + ("" if not text or text.endswith("\n") else "\n") + line + "\n"
    return text[:top_end] + line + "\n\n" + text[top_end:]


def save_theme(path: Path, theme: str) -> str | None:
    """Write `theme` into `path`; returns why it was not written (None when it was)."""
    from scoring.store import atomic_write_text

    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = "# threadscore settings\n"
    except (OSError, UnicodeDecodeError) as exc:
        return f"{path.name} unreadable, theme not saved: {exc}"
    updated = with_theme(text, theme)
    try:
        if tomllib.loads(updated).get("theme") != theme:
            return f"{path.name}: theme not saved (its top level could not take a theme line)"
    except tomllib.TOMLDecodeError as exc:
        return f"{path.name} is not valid TOML, theme not saved: {exc}"
    try:
        atomic_write_text(path, updated)
    except OSError as exc:
        return f"{path.name}: theme not saved: {exc.strerror or exc}"
    return None
