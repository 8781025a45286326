"""Read the user's key remapping from `config.toml` (`[keys] binding_id = "key,key"`).

Only reading: a typo in it can cost a remap but never the file (the one line the app writes,
the theme, is tui.settings' and changes nothing else).
Problems come back as messages to show, never as exceptions: a bad config must not stop the app.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Sequence
from pathlib import Path

Keymap = dict[str, str]


def parse_keymap(data: object, known_ids: Iterable[str]) -> tuple[Keymap, list[str]]:
    """The valid entries of a parsed `[keys]` table, and one message per entry we skipped."""
    known = set(known_ids)
    problems: list[str] = []
    keymap: Keymap = {}
    if not isinstance(data, dict):
        return {}, ['[keys] must be a table of binding_id = "key,key"']
    for binding_id, value in _flatten(data):
        if binding_id not in known:
            problems.append(f"unknown binding id {binding_id!r}")
            continue
        if not isinstance(value, str):
            problems.append(f'{binding_id}: keys must be a string like "j,down"')
            continue
        keys = [key.strip() for key in value.split(",") if key.strip()]
        if not keys:
            problems.append(f"{binding_id}: no keys given")
            continue
        keymap[binding_id] = ",".join(keys)
    return keymap, problems


def _flatten(table: dict[str, object], prefix: str = "") -> list[tuple[str, object]]:
    """TOML reads `list.down = "j"` as a nested table; ids with dots are what we mean."""
    items: list[tuple[str, object]] = []
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            items.extend(_flatten(value, f"{name}."))
        else:
            items.append((name, value))
    return items


def load_keymap(path: Path, known_ids: Iterable[str]) -> tuple[Keymap, list[str]]:
    """The keymap in `path` (empty when the file does not exist), and any problems found."""
    try:
        with path.open("rb") as handle:
            config = tomllib.load(handle)
    except FileNotFoundError:
        return {}, []
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return {}, [f"{path.name} unreadable, default keys used: {exc}"]
    if "keys" not in config:
        return {}, []
    return parse_keymap(config["keys"], known_ids)


def drop_clashes(
    keymap: Keymap, contexts: Iterable[Sequence[tuple[str, str]]]
) -> tuple[Keymap, list[str]]:
    """The keymap without remaps that take a key already bound where they apply, and a message
    for each one dropped (its default keys stay).

    A context is the (binding id, default key) pairs active at the same time, e.g. the reader's
    keys plus the post list's. There the focused widget's binding wins, so `bookmark = "j"`
    would never bookmark: better to say so and keep `m`. Keys are in Textual's long form.
    """
    kept = dict(keymap)
    problems: list[str] = []
    for context in contexts:
        defaults: dict[str, list[str]] = {}
        for binding_id, key in context:
            defaults.setdefault(binding_id, []).append(key)
        for binding_id in [b for b in keymap if b in defaults and b in kept]:
            for key in keymap[binding_id].split(","):
                owners = [
                    other
                    for other in defaults
                    if other != binding_id
                    and key in (kept[other].split(",") if other in kept else defaults[other])
                ]
                if owners:
                    problems.append(
                        f"{binding_id}: {key!r} is already bound to {owners[0]}; "
                        f"keeping {','.join(defaults[binding_id])}"
                    )
                    del kept[binding_id]
                    break
    return kept, problems
