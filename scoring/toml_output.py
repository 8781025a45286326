"""Write a TOML document exactly as `tomli_w.dumps(doc)` does, several times faster.

A 10k-post scorecard is 15 MB of TOML; tomli_w builds it a character and a call at a time
(4 of the 5 s CPU of `threadscore score 10k --toml`, and the reader's export waits as long).
This writer follows the same layout rules (the tests compare its bytes with tomli_w's on real
scorecards and on awkward values), but escapes a string with one regular expression, renders each
inline table once, and yields the text in pieces so a file can be written as it is made:

- a table lists its plain values first, then its sub-tables and arrays of tables, each after a
  blank line, under a `[name]` / `[[name]]` header (a table of nothing but sub-tables has none);
- a list of tables is written as `[[name]]` sections unless every table fits on one line of at
  most 100 characters as an inline table (no list inside it that is not empty);
- a non-empty list is one item per line, indented four spaces a level, with a trailing comma.

Only what a scorecard holds is supported: str, int, float, bool, lists, tuples and dicts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

MAX_LINE = 100
INDENT = "    "

_ESCAPES = {"\b": "\\b", "\n": "\\n", "\f": "\\f", "\r": "\\r", '"': '\\"', "\\": "\\\\"}
_NEEDS_ESCAPE = re.compile(r'[\x00-\x08\x0a-\x1f\x7f"\\]')
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    return _ESCAPES.get(char) or f"\\u{ord(char):04x}"


def string(text: str) -> str:
    """A basic (one-line, double-quoted) TOML string."""
    return '"' + _NEEDS_ESCAPE.sub(_escape, text) + '"'


_keys: dict[str, str] = {}


def key(name: str) -> str:
    """A key, bare where TOML allows it, else quoted (a scorecard repeats a few dozen keys
    hundreds of thousands of times, so each is worked out once)."""
    done = _keys.get(name)
    if done is None:
        done = name if _BARE_KEY.fullmatch(name) else string(name)
        if len(_keys) < 4096:
            _keys[name] = done
    return done


def literal(value: Any, level: int = 0) -> str:
    """A value written inline; `level` is the list nesting that indents a list's items."""
    kind = type(value)
    if kind is str:
        return string(value)
    if kind is bool:
        return "true" if value else "false"
    if kind is int or kind is float:
        return str(value)
    if isinstance(value, list | tuple):
        if not value:
            return "[]"
        pad = INDENT * (level + 1)
        items = ",\n".join(pad + literal(item, level + 1) for item in value)
        return f"[\n{items},\n{INDENT * level}]"
    if isinstance(value, dict):
        return inline_table(value)
    if isinstance(value, str | bool | int | float):  # a subclass: written as its base
        return literal(kind.__mro__[-2](value) if kind is not bool else value, level)
    raise TypeError(f"cannot write a {kind.__name__} as TOML")


def inline_table(table: dict[str, Any]) -> str:
    if not table:
        return "{}"
    return "{ " + ", ".join(f"{key(k)} = {literal(v)}" for k, v in table.items()) + " }"


def fits_inline(tables: list[dict[str, Any]]) -> bool:
    """Whether a list of tables is written as an inline array (every table fits on a line)."""
    return _inline_tables(tables) is not None


def _too_long(table: dict[str, Any]) -> bool:
    """Whether `table` cannot fit on a line as an inline table, told from its keys' and
    string values' lengths (each is written at least that long) without writing it: a
    scorecard's sentences never fit, and writing one to find that out cost as much as the
    section it becomes."""
    least = 4 + len(INDENT) + 1  # "{ " and " }", the indent and the comma
    for k, v in table.items():
        least += len(k) + 5  # " = ", and ", " or the braces' spaces
        if type(v) is str:
            least += len(v) + 2
    return least > MAX_LINE + 2  # the last item has no ", "


def _inline_tables(tables: list[Any] | tuple[Any, ...]) -> str | None:
    """A list of tables as an inline array, when every table fits on a line; None when one
    of them does not fit."""
    rendered = []
    for table in tables:
        if _too_long(table):
            return None
        one = inline_table(table)
        if len(one) + len(INDENT) + 1 > MAX_LINE or "\n" in one:
            return None
        rendered.append(one)
    return "[\n" + "".join(f"{INDENT}{one},\n" for one in rendered) + "]"


def _is_tables(value: Any) -> bool:
    return (
        type(value) in (list, tuple)
        and bool(value)
        and all(type(t) is dict or isinstance(t, dict) for t in value)
    )


def _split(table: dict[str, Any]) -> tuple[list[str], list[tuple[str, dict[str, Any], bool]]]:
    """A table's plain `key = value` lines, and its sub-tables (and whether each is an item of
    an array of tables), in order."""
    plain: list[str] = []
    nested: list[tuple[str, dict[str, Any], bool]] = []
    keys, escape = _keys, _NEEDS_ESCAPE.sub
    for k, v in table.items():
        kind = type(v)
        if kind is str:  # the common cases first, without a call each
            plain.append(f'{keys.get(k) or key(k)} = "{escape(_escape, v)}"\n')
            continue
        if kind is int or kind is float:
            plain.append(f"{keys.get(k) or key(k)} = {v}\n")
            continue
        if isinstance(v, dict):
            nested.append((k, v, False))
            continue
        if kind is list and (not v or not isinstance(v[0], dict)):  # a list of values
            plain.append(f"{keys.get(k) or key(k)} = {literal(v)}\n")
            continue
        if _is_tables(v):
            inline = _inline_tables(v)
            if inline is None:
                nested.extend((k, t, True) for t in v)
            else:
                plain.append(f"{key(k)} = {inline}\n")
            continue
        plain.append(f"{key(k)} = {literal(v)}\n")
    return plain, nested


def _table(table: dict[str, Any], name: str, in_array: bool, out: list[str]) -> None:
    """Append the text of one table to `out`."""
    plain, nested = _split(table)
    started = in_array or bool(name and (plain or not nested))
    if started:
        out.append(f"[[{name}]]\n" if in_array else f"[{name}]\n")
    if plain:
        started = True
        out.append("".join(plain))
    for k, v, array in nested:
        if started:
            out.append("\n")
        started = True
        _table(v, f"{name}.{key(k)}" if name else key(k), array, out)


def chunks(document: dict[str, Any]) -> Iterator[str]:
    """`dumps(document)` in pieces: the top level's plain values, then each of its tables (one
    per post of a scorecard), so a big file is written as it is made."""
    plain, nested = _split(document)
    if plain:
        yield "".join(plain)
    started = bool(plain)
    for k, v, array in nested:
        out = ["\n"] if started else []
        started = True
        _table(v, key(k), array, out)
        yield "".join(out)


def array_item(name: str, table: dict[str, Any]) -> str:
    """One more `[[name]]` section of the array of tables that ends a document (as `chunks`
    writes it: after a blank line)."""
    out = ["\n"]
    _table(table, key(name), True, out)
    return "".join(out)


def dumps(document: dict[str, Any]) -> str:
    """`tomli_w.dumps(document)` (multi-line strings off, four-space indent)."""
    return "".join(chunks(document))
