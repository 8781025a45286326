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
cache off. `store_kept` and `read_kept` keep other bytes the same way (the scorer's patterns as
built from its rules: `scoring.patterns`).

The many small patterns our modules, Textual and the standard library compile as they are
imported cost every process as much again (~20 ms of `parse`, ~30 ms of the reader's first
frame, ~190 patterns): `warm` puts the ones the first process of its kind compiled into `re`'s
own cache before the imports, so their `re.compile` finds them there, and `keep` stores what
that first process compiled (once per install; a file per kind of process, keyed by the Python
build, checked like the others; at most `WARM_LIMIT` patterns).

When a file is written, the files of earlier formats in the folder are removed (`prune`): a file
is only ever read by the format that wrote it, and a grown format-1 start file held 7 MB. Only a
file proven ours is touched: its name is one we give and its key, read from its first line,
gives that name back.
"""

from __future__ import annotations

import array
import hashlib
import json
import os
import re
import sys
from pathlib import Path
from typing import Any

CACHE_ENV = "THREADSCORE_CACHE"
FORMAT = 3
"""Bumped when the file layout or what a file holds changes; part of every file's key (2: a
file is written once, not grown run after run, see `keep`; 3: a pattern's file names its build,
so `prune` can tell its format)."""


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


def _build_tag() -> str:
    sre = _engine()
    return f"{FORMAT}|{sys.implementation.cache_tag}|{sys.version}|{sre.MAGIC}|{sre.CODESIZE}"


def _key(pattern: str, flags: int) -> str:
    text = f"{_build_tag()}|{flags}|{pattern}"
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
        meta = {**parts, "build": _build_tag(), "key": key}
        meta["sha256"] = hashlib.sha256(body).hexdigest()
        _write(path, json.dumps(meta).encode("utf-8") + b"\n" + body)
    except Exception:
        return
    prune(path.parent)


def read_kept(kind: str, key: str) -> bytes | None:
    """What `store_kept` stored under `key` (a hash of everything the body depends on), or None:
    no cache folder, no such file, or a file of another key or damaged."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        raw = (folder / f"{kind}-{key[:40]}.bin").read_bytes()
        head, _, body = raw.partition(b"\n")
        meta = json.loads(head)
        if meta.get("key") != key or hashlib.sha256(body).hexdigest() != meta.get("sha256"):
            return None
        return body
    except Exception:
        return None


def store_kept(kind: str, key: str, body: bytes) -> None:
    """Store `body` for `read_kept` (silently not, where the folder cannot be written)."""
    folder = cache_dir()
    if folder is None:
        return
    try:
        meta = {"key": key, "sha256": hashlib.sha256(body).hexdigest()}
        _write(folder / f"{kind}-{key[:40]}.bin", json.dumps(meta).encode("utf-8") + b"\n" + body)
    except Exception:
        return


def _write(path: Path, data: bytes) -> None:
    """Write a cache file whole or not at all (a temporary name, then renamed)."""
    import tempfile  # only when a file is written: a few ms of every start otherwise

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".regex-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


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


WARM_LIMIT = 1000
"""Patterns kept per kind of process at most: a pattern built from the input (rare) is kept
too, so the file must not grow without end."""
MAX_WARM_CHARS = 20_000
"""Longer patterns (the scorer's rules) have a file of their own (`compile_cached`)."""


class _Warm:
    """What `warm` loaded, for `keep` to write back with what the process added."""

    def __init__(self) -> None:
        self.role: str | None = None
        self.entries: list[list[Any]] = []
        self.code: array.array[int] | None = None
        self.known: set[tuple[str, int]] = set()


_warm = _Warm()


def _warm_path(role: str) -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    digest = hashlib.sha256(f"{_build_tag()}|{role}".encode()).hexdigest()[:32]
    return folder / f"start-{role}-{digest}.bin"


def _re_cache() -> dict[Any, Any] | None:
    """`re`'s own cache of compiled patterns, if it is the dict this module knows (keyed by
    (type, pattern, flags), as Python 3.11 keys it); None otherwise."""
    cache = getattr(re, "_cache", None)
    if not isinstance(cache, dict):
        return None
    probe = f"(?#threadscore-warm-{os.getpid()})"
    re.compile(probe)
    return cache if (str, probe, 0) in cache else None


def warm(role: str) -> None:
    """Before a process's imports: the patterns a process of this kind ("parse", "score",
    "reader") compiled last time, put in `re`'s own cache (nothing on any problem)."""
    try:
        cache = _re_cache()
        path = _warm_path(role)
        if cache is None or path is None:
            return
        _warm.role, _warm.entries, _warm.code, _warm.known = role, [], None, set()
        try:
            raw = path.read_bytes()
        except OSError:
            return
        head, _, body = raw.partition(b"\n")
        meta = json.loads(head)
        if meta.get("build") != _build_tag() or hashlib.sha256(body).hexdigest() != meta.get(
            "sha256"
        ):
            return
        code = array.array(_typecode())
        code.frombytes(body)
        compile_code = _engine().compile
        made = {}
        for pattern, flags, final, groups, groupindex, indexgroup, start, end in meta["patterns"]:
            made[(str, pattern, flags)] = compile_code(
                pattern, final, code[start:end].tolist(), groups, groupindex, tuple(indexgroup)
            )
        for key, compiled in made.items():
            cache.setdefault(key, compiled)
        _warm.entries, _warm.code = meta["patterns"], code
        _warm.known = {(pattern, flags) for pattern, flags, *_ in meta["patterns"]}
    except Exception:
        _warm.entries, _warm.code, _warm.known = [], None, set()


def keep() -> None:
    """Once the process's start-up is over: store the patterns it compiled, where `warm` found
    no file for its kind of process (the first time, or after a damaged one).

    A file once written is never grown: some patterns differ in every process (`tokenize`'s,
    which pydantic's models compile, is built from a set, in hash order), so adding what each
    process compiled beyond the file added one ~9 KB pattern a run until `WARM_LIMIT`, and a
    7 MB file then cost every start ~45 ms to load. A pattern a later process compiles beyond
    the file is compiled by `re`, as without a cache."""
    try:
        if _warm.entries:
            return
        role = _warm.role
        cache = _re_cache() if role is not None else None
        path = _warm_path(role) if role is not None else None
        if cache is None or path is None:
            return
        new = [
            (pattern, flags)
            for kind, pattern, flags in list(cache)
            if kind is str
            and (pattern, flags) not in _warm.known
            and len(pattern) <= MAX_WARM_CHARS
            and not pattern.startswith("(?#threadscore-warm-")
        ]
        room = WARM_LIMIT - len(_warm.entries)
        if not new or room <= 0:
            return
        entries = list(_warm.entries)
        code = array.array(_typecode(), _warm.code or [])
        for pattern, flags in new[:room]:
            _, parts = _compile(pattern, flags)
            if parts is None:
                continue
            start = len(code)
            code.extend(parts["code"])
            entries.append(
                [
                    pattern,
                    flags,
                    parts["flags"],
                    parts["groups"],
                    parts["groupindex"],
                    parts["indexgroup"],
                    start,
                    len(code),
                ]
            )
        body = code.tobytes()
        meta = {"build": _build_tag(), "sha256": hashlib.sha256(body).hexdigest()}
        _write(path, json.dumps({**meta, "patterns": entries}).encode("utf-8") + b"\n" + body)
        _warm.entries, _warm.code = entries, code
        _warm.known |= {(pattern, flags) for pattern, flags, *_ in entries}
    except Exception:
        return
    prune(path.parent)


_START_NAME = r"start-([a-z]+)-([0-9a-f]{32})\.bin"
_PATTERN_NAME = r"regex-([0-9a-f]{40})\.bin"
_START_HEAD = rb'\{"build": "((\d+)\|[^"\\]*)"'
"""Our files' names and a start file's first bytes (compiled by `re` when first pruned, not on
every start)."""
_HEAD_LIMIT = 1 << 16
"""A pattern file's first line (its groups' names) is read up to this many bytes; a longer one
is left alone."""


def _format_of(path: Path) -> int | None:
    """The format of a file this module wrote (None: not provably one of ours).

    A start file's name is a hash of its build tag and role, and its first line begins with
    that tag; a pattern file's name is the start of the key on its first line, and a file of
    format 1 or 2 named no build (format 2 stands for both: older than 3 is all `prune` asks)."""
    start = re.fullmatch(_START_NAME, path.name)
    if start is not None:
        with path.open("rb") as handle:
            head = re.match(_START_HEAD, handle.read(4096))
        if head is None:
            return None
        build = head.group(1).decode("ascii", "strict")
        digest = hashlib.sha256(f"{build}|{start.group(1)}".encode()).hexdigest()[:32]
        return int(head.group(2)) if digest == start.group(2) else None
    named = re.fullmatch(_PATTERN_NAME, path.name)
    if named is None:
        return None
    with path.open("rb") as handle:
        line, newline, _ = handle.read(_HEAD_LIMIT).partition(b"\n")
    meta = json.loads(line) if newline else None
    if not isinstance(meta, dict) or not str(meta.get("key", "")).startswith(named.group(1)):
        return None
    build = meta.get("build")
    if build is None:
        return 2
    return int(str(build).split("|", 1)[0])


def prune(folder: Path) -> None:
    """Remove from the cache folder the files an earlier format of this module wrote (never
    read again: every key holds its format), leaving anything else: files of other names,
    folders, links, files of another Python build or of a later format, any file that cannot
    be read. Called after a file is written, so it costs nothing on a start that finds its
    files; silent on any problem."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            found = _format_of(Path(entry.path))
            if found is not None and found < FORMAT:
                os.unlink(entry.path)
        except Exception:
            continue
