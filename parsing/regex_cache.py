"""Keep the compiled form of a big regular expression on disk, so it is compiled once per
install, not in every process.

The scorer's rules are one pattern of ~74,000 characters and 536 groups; Python's `re` takes
~0.1 s CPU to parse and compile it, more than scoring a 500-post thread, and it has no compiled
form of its own to save (pickling a pattern stores its text). What `re` hands to the regex engine
(`_sre.compile`) is a list of integers, which is kept here in the user's cache folder.

Safe by construction: a file is named by a hash of the pattern, its flags, the Python build and
the engine's version (`_sre.MAGIC`), carries that key and a checksum of its body, and is written
to a temporary name and renamed; the engine checks the code it is given. Any problem at all (no
cache folder, a read-only disk, a damaged file, a Python whose `re` internals differ) falls back
to `re.compile` in silence. THREADSCORE_CACHE names another folder; set empty, it turns the
cache off.
"""

from __future__ import annotations

import array
import hashlib
import json
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

CACHE_ENV = "THREADSCORE_CACHE"
FORMAT = 1
"""Bumped when the file layout changes; part of every file's key."""


def cache_dir() -> Path | None:
    """Where compiled patterns are kept (None: nowhere): the platform's per-user cache folder,
    found without importing platformdirs (a few ms in every process)."""
    override = os.environ.get(CACHE_ENV)
    if override is not None:
        return Path(override).expanduser() if override else None
    try:
        if sys.platform == "win32":
            base = Path(os.environ["LOCALAPPDATA"])
        elif sys.platform == "darwin":
            base = Path.home() / "Library" / "Caches"
        else:
            base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
        return base / "threadscore"
    except (KeyError, RuntimeError):
        return None


def _engine() -> Any:
    import _sre

    return _sre


def _key(pattern: str, flags: int) -> str:
    sre = _engine()
    build = f"{FORMAT}|{sys.implementation.cache_tag}|{sys.version}|{sre.MAGIC}|{sre.CODESIZE}"
    text = f"{build}|{flags}|{pattern}"
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _typecode() -> str:
    """An array type whose items are the engine's code words."""
    size = _engine().CODESIZE
    for code in ("I", "L"):
        if array.array(code).itemsize == size:
            return code
    raise ValueError("no array type fits the regex engine's code words")


def _compile(pattern: str, flags: int) -> tuple[re.Pattern[str], dict[str, Any] | None]:
    """Compile as `re.compile` does, keeping what the engine was given (None when this
    Python's `re` internals are not the ones known here)."""
    try:
        from re import _compiler, _parser  # type: ignore[attr-defined]

        tree = _parser.parse(pattern, flags)
        code = _compiler._code(tree, flags)
        groupindex = dict(tree.state.groupdict)
        indexgroup: list[str | None] = [None] * tree.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        parts = {
            "flags": flags | tree.state.flags,
            "groups": tree.state.groups - 1,
            "groupindex": groupindex,
            "indexgroup": indexgroup,
        }
        return _build(pattern, parts, code), {**parts, "code": code}
    except Exception:
        return re.compile(pattern, flags), None


def _build(pattern: str, parts: dict[str, Any], code: list[int]) -> re.Pattern[str]:
    return _engine().compile(
        pattern,
        parts["flags"],
        code,
        parts["groups"],
        parts["groupindex"],
        tuple(parts["indexgroup"]),
    )


def _load(path: Path, pattern: str, key: str) -> re.Pattern[str] | None:
    try:
        raw = path.read_bytes()
        head, _, body = raw.partition(b"\n")
        meta = json.loads(head)
        if meta.get("key") != key or hashlib.sha256(body).hexdigest() != meta.get("sha256"):
            return None
        code = array.array(_typecode())
        code.frombytes(body)
        return _build(pattern, meta, code.tolist())
    except Exception:
        return None


def _store(path: Path, key: str, parts: dict[str, Any]) -> None:
    try:
        body = array.array(_typecode(), parts.pop("code")).tobytes()
        meta = {**parts, "key": key, "sha256": hashlib.sha256(body).hexdigest()}
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".regex-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(json.dumps(meta).encode("utf-8") + b"\n" + body)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except Exception:
        return


def compile_cached(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, from the cache folder when it was compiled before."""
    folder = cache_dir()
    if folder is None:
        return re.compile(pattern, flags)
    try:
        key = _key(pattern, flags)
    except Exception:
        return re.compile(pattern, flags)
    path = folder / f"regex-{key[:40]}.bin"
    compiled = _load(path, pattern, key)
    if compiled is not None:
        return compiled
    compiled, parts = _compile(pattern, flags)
    if parts is not None:
        _store(path, key, parts)
    return compiled
