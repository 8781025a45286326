"""Read and write scorecard TOML files without ever losing what the user wrote.

Writes are atomic (temp file in the same folder, fsync, rename, fsync the folder), so a crash
leaves the old file or the new one, never half of each. New files get the usual mode (0666 less
the umask) and a replaced file keeps its own. Only files that are recognisably ours are ever
replaced: a damaged scorecard is set aside as NAME.damaged-TIMESTAMP first (and the caller is
told), while someone else's file, or a scorecard from a newer threadscore, is refused untouched.
"""

from __future__ import annotations

import datetime as dt
import errno
import glob
import os
import re
import stat
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from parsing.errors import ThreadscoreError

if TYPE_CHECKING:
    from parsing.models import Thread
    from scoring.models import Scorecard, UserLayer, UserMark, Verdict

# The models, pydantic and the TOML libraries are imported by the functions that use them:
# `check_output` runs before anything is parsed, and a refused path must stay cheap.

__all__ = [
    "HEADER",
    "TRAILER",
    "ScorecardFileError",
    "atomic_write",
    "atomic_write_text",
    "check_output",
    "from_toml",
    "load_scorecard",
    "load_scorecard_noting",
    "looks_like_scorecard",
    "output_problem",
    "read_scorecard",
    "remove_stale_temps",
    "save_export",
    "save_scorecard",
    "scored_toml_chunks",
    "set_aside",
    "to_document",
    "to_toml",
    "toml_chunks",
    "write_scorecard",
]

HEADER = "# threadscore scorecard."
"""The first words of every scorecard file: what marks a file as ours even when damaged."""

TRAILER = "# end of threadscore scorecard"
"""The last line of every scorecard we write. A cut-short file can still be valid TOML (every
section has defaults), so a file that opens with HEADER but lacks this line is damaged."""


class ScorecardFileError(ThreadscoreError):
    """A file we will not read as a scorecard or write over.

    `newer`: a scorecard from a newer threadscore. `foreign`: not ours at all (someone else's
    file). Neither may be set aside or replaced; anything else is a damaged scorecard of ours.
    """

    def __init__(
        self,
        message: str,
        *,
        path: Path | None = None,
        newer: bool = False,
        foreign: bool = False,
    ) -> None:
        super().__init__(message)
        self.path = path
        self.newer = newer
        self.foreign = foreign


def _new_temp(folder: Path, name: str) -> tuple[int, Path]:
    """Create a fresh temp file beside the target with mode 0666, so the umask (and any default
    ACL) applies as for any new file; mkstemp's 0600 would make every scorecard private."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        tmp = folder / f".{name}.{os.urandom(4).hex()}.tmp"
        try:
            return os.open(tmp, flags, 0o666), tmp
        except FileExistsError:
            continue


def atomic_write_text(path: str | Path, text: str) -> None:
    """Replace `path` with `text` (UTF-8) in one step: see `atomic_write`."""
    atomic_write(path, [text.encode("utf-8")])


def atomic_write(path: str | Path, chunks: Iterable[bytes]) -> None:
    """Replace `path` with the bytes of `chunks` in one step; readers see the old file or the
    new, never half (a document written a piece at a time is never held whole).

    Missing folders are created (the reader keeps its state in folders it owns). A new file
    gets 0666 less the umask; a replaced file keeps its mode. OSError is raised as it comes.
    """
    path = _through_links(Path(path))
    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    if path.exists() and not path.is_file():
        # The rename would put a plain file where a device, pipe or socket was (/dev/null).
        raise OSError(errno.EINVAL, "not a regular file (a device, pipe or socket)", str(path))
    folder = path.parent if str(path.parent) else Path(".")
    folder.mkdir(parents=True, exist_ok=True)
    try:
        keep_mode: int | None = stat.S_IMODE(path.stat().st_mode)
    except OSError:
        keep_mode = None
    remove_stale_temps(path)
    fd, tmp = _new_temp(folder, path.name)
    try:
        with os.fdopen(fd, "wb") as handle:
            if keep_mode is not None and hasattr(os, "fchmod"):
                os.fchmod(handle.fileno(), keep_mode)
            for chunk in chunks:
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:  # named by the file the user asked for, not our hidden temp file
        tmp.unlink(missing_ok=True)
        if exc.errno is None:
            raise
        raise OSError(exc.errno, exc.strerror, str(path)) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(folder)


def _through_links(path: Path) -> Path:
    """The file a symlink points to: writing replaces that file, and the link stays a link
    (renaming over the link itself would turn it into a plain file)."""
    if not path.is_symlink():
        return path
    try:
        return path.resolve(strict=False)
    except (RuntimeError, OSError) as exc:  # a loop of links
        raise OSError(errno.ELOOP, "a loop of symbolic links", str(path)) from exc


STALE_TEMP_SECONDS = 60.0
"""A temp file of ours older than this was left by a process that died while writing."""

_swept: set[Path] = set()


def remove_stale_temps(path: Path) -> list[Path]:
    """Remove temp files a killed writer left beside `path` (`.NAME.XXXXXXXX.tmp`, older
    than a minute), once per path and process; returns what was removed. Only names this
    module makes are touched, and a writer alive now has a temp younger than a minute."""
    if path in _swept:
        return []
    _swept.add(path)
    folder = path.parent if str(path.parent) else Path(".")
    removed = []
    now = time.time()
    try:
        candidates = list(folder.glob(f".{glob.escape(path.name)}.*.tmp"))
    except OSError:
        return []
    for tmp in candidates:
        suffix = tmp.name[len(path.name) + 2 : -4]
        if len(suffix) != 8 or not all(c in "0123456789abcdef" for c in suffix):
            continue
        try:
            if now - tmp.stat().st_mtime > STALE_TEMP_SECONDS:
                tmp.unlink()
                removed.append(tmp)
        except OSError:
            continue
    return removed


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


def _head(card: Scorecard, computed: Mapping[str, Verdict] | None = None) -> dict[str, Any]:
    """The file's header values and the user's marks (each override with the verdict it
    overrides: `computed`, by post id, default the card's), without the None values TOML
    cannot hold."""
    from scoring.models import SCHEMA_VERSION

    if computed is None:
        computed = {p.post_id: p.verdict for p in card.posts}
    marks = []
    for mark in card.user.marks.values():
        entry = mark.model_dump(mode="json")
        if mark.verdict_override is not None:
            entry["computed_verdict"] = computed.get(mark.post_id, mark.computed_verdict)
        marks.append(entry)
    head = {
        "schema_version": SCHEMA_VERSION,
        "fingerprint": card.fingerprint,
        "source_path": card.source_path,
        "title": card.title,
        "marks": marks,
        "orphans": [m.model_dump(mode="json") for m in card.user.orphans],
        "cleared": dict(card.user.cleared) or None,
    }
    return _drop_none(head)


CUE_FIELDS = frozenset({"sentences", "cues"})
"""A post's per-sentence judgements and their cues: three quarters of a scorecard file (at
10,000 posts 14 of 18 MB), so they are written only when asked for (`cues`)."""


def _post(card: Scorecard, number: int, cues: bool = True) -> dict[str, Any]:
    leave_out = None if cues else set(CUE_FIELDS)
    entry = card.post(number).model_dump(mode="json", exclude_none=True, exclude=leave_out)
    entry["effective_verdict"] = card.effective_verdict(number)
    return entry


def to_document(card: Scorecard, *, tallied: bool = False, cues: bool = True) -> dict[str, Any]:
    """The scorecard as a TOML-ready dict: header, the user's marks (easy to edit), then scores.

    Totals and author tallies follow the effective verdicts (`tallied`: they already do, see
    `with_effective_tallies`), and each post says both its `verdict` (the scorer's) and its
    `effective_verdict`, so the file agrees with the screen. `cues=False` leaves out each
    post's sentences and cues (its verdict, counts and reason stay).
    """
    from scoring.tally import with_effective_tallies

    card = with_effective_tallies(card, tallied=tallied)
    data = card.model_dump(mode="json", exclude_none=True, include={"totals", "authors"})
    posts = [_post(card, post.number, cues) for post in card.posts]
    return {**_head(card), "totals": data["totals"], "authors": data["authors"], "posts": posts}


def toml_chunks(card: Scorecard, *, tallied: bool = False, cues: bool = True) -> Iterator[str]:
    """The scorecard file's text (see README, "Scorecard file"), a post at a time, written as
    `tomli_w.dumps(to_document(card))` wrote it (see `scoring.toml_output`), with the
    collector paused; `tallied` and `cues` as in `to_document`."""
    from parsing.collector import collector_paused
    from scoring.tally import with_effective_tallies

    with collector_paused():
        card = with_effective_tallies(card, tallied=tallied)
        first = _post(card, 1, cues) if card.posts else None
        yield from _file_chunks(
            _head(card),
            card,
            first,
            (_post(card, post.number, cues) for post in card.posts[1:]),
        )


def _file_chunks(
    head: dict[str, Any], card: Scorecard, first: dict[str, Any] | None, rest: Iterable[Any]
) -> Iterator[str]:
    """The file for `head` (`_head`'s values), `card`'s totals and authors, and the posts:
    `first` post's entry and the `rest`, entries or (when the posts are sections) the text of
    each section. As `tomli_w.dumps` writes `{**head, "totals", "authors", "posts"}`, an author
    and a post at a time: the authors and posts are written as `[[authors]]` and `[[posts]]`
    sections, each after everything else, unless the first of them fits on a line (then the
    list is one value and written at once; no real scorecard has such posts)."""
    from scoring import toml_output

    yield (
        f"{HEADER} Edit rating (1-5), bookmark, note and verdict_override under\n"
        "# [[marks]]; everything under [totals], [[authors]] and [[posts]] is recomputed.\n"
    )
    head["totals"] = card.totals.model_dump(mode="json", exclude_none=True)
    authors = (a.model_dump(mode="json", exclude_none=True) for a in card.authors)
    first_author = next(authors, None)
    if first is None or toml_output.fits_inline([first]):  # then `posts = [...]` is a value
        head["authors"] = [first_author, *authors] if first_author is not None else []
        head["posts"] = [first, *rest] if first is not None else []
        yield from toml_output.chunks(head)
    else:  # arrays of tables, after everything else: one section an author, then a post
        if first_author is None or toml_output.fits_inline([first_author]):
            head["authors"] = [first_author, *authors] if first_author is not None else []
            yield from toml_output.chunks(head)
        else:
            yield from toml_output.chunks(head)
            yield toml_output.array_item("authors", first_author)
            for author in authors:
                yield toml_output.array_item("authors", author)
        yield toml_output.array_item("posts", first)
        for post in rest:
            yield post if type(post) is str else toml_output.array_item("posts", post)
    yield f"\n{TRAILER}\n"


def scored_toml_chunks(
    thread: Thread, user: UserLayer | None = None, *, cues: bool = True
) -> Iterator[str]:
    """`toml_chunks(score_thread(thread, user), tallied=True, cues=cues)`, without holding the
    thread's scores: each post is scored and its section written, and kept (compressed,
    `_Packed`) with only what the tallies count (`tally.Tallied`); the file's totals and
    authors come before its posts, so they are counted once the last post is scored. The
    scoring is done before this returns (an output file is opened only once there is
    something to write)."""
    from parsing.collector import collector_paused
    from scoring import toml_output
    from scoring.models import SCHEMA_VERSION, Scorecard, UserLayer
    from scoring.scorer import scores_in_order
    from scoring.tally import Tallied, tallied, tally_rows

    user = user if user is not None else UserLayer()
    overrides = {
        post_id: mark.verdict_override
        for post_id, mark in user.marks.items()
        if mark.verdict_override is not None
    }
    leave_out = None if cues else set(CUE_FIELDS)
    with collector_paused():
        rows: list[Tallied] = []
        effective: list[Verdict] = []
        computed: dict[str, Verdict] = {}
        first: dict[str, Any] | None = None
        sections = _Packed()
        for score in scores_in_order(thread):
            rows.append(tallied(score))
            verdict = overrides.get(score.post_id, score.verdict)
            effective.append(verdict)
            if score.post_id in overrides:
                computed[score.post_id] = score.verdict
            entry = score.model_dump(mode="json", exclude_none=True, exclude=leave_out)
            entry["effective_verdict"] = verdict
            if first is None:
                first = entry
                if toml_output.fits_inline([entry]):  # the posts are one value: no sections
                    from scoring.scorer import score_thread

                    return toml_chunks(score_thread(thread, user), tallied=True, cues=cues)
            else:
                sections.add(toml_output.array_item("posts", entry))
        authors, totals = tally_rows(rows, effective)
        del rows, effective
        card = Scorecard(
            schema_version=SCHEMA_VERSION,
            fingerprint=thread.source.sha256,
            source_path=thread.source.path,
            title=thread.title,
            authors=authors,
            totals=totals,
            user=user,
        )
    return _paused(_file_chunks(_head(card, computed), card, first, sections.drain()))


def _paused(chunks: Iterator[str]) -> Iterator[str]:
    from parsing.collector import collector_paused

    with collector_paused():
        yield from chunks


class _Packed:
    """Text kept compressed until it is written: the posts' sections wait for the tallies,
    and as text they were 0.9x the input (3.5x with cues) on top of the parsed thread; zlib's
    fastest level keeps a tenth of that for about 1% of the command's time."""

    BATCH = 1 << 16

    def __init__(self) -> None:
        self._batches: list[bytes] = []
        self._pending: list[str] = []
        self._size = 0

    def add(self, text: str) -> None:
        self._pending.append(text)
        self._size += len(text)
        if self._size >= self.BATCH:
            self._pack()

    def _pack(self) -> None:
        import zlib

        if self._pending:
            self._batches.append(zlib.compress("".join(self._pending).encode("utf-8"), 1))
        self._pending, self._size = [], 0

    def drain(self) -> Iterator[str]:
        """The text in order, in pieces of whole sections, each batch let go of once read."""
        import zlib

        self._pack()
        batches = self._batches
        batches.reverse()
        while batches:
            yield zlib.decompress(batches.pop()).decode("utf-8")


def to_toml(card: Scorecard, *, tallied: bool = False, cues: bool = True) -> str:
    """The scorecard file's text (see `toml_chunks`)."""
    return "".join(toml_chunks(card, tallied=tallied, cues=cues))


_VERSION_LINE = re.compile(r"^schema_version\s*=", re.MULTILINE)


def looks_like_scorecard(text: str) -> bool:
    """Whether a file, even a damaged one, is recognisably a scorecard of ours: it opens with
    our header, or has a top-level `schema_version` key. Only such a file may be set aside."""
    return text.lstrip("\ufeff").startswith(HEADER) or _VERSION_LINE.search(text) is not None


def _foreign(path: Path | None) -> ScorecardFileError:
    where = path if path is not None else "the file"
    return ScorecardFileError(
        f"{where} exists and is not a threadscore scorecard; choose another path",
        path=path,
        foreign=True,
    )


def from_toml(text: str, path: Path | None = None) -> Scorecard:
    """Parse a scorecard file's text; anything wrong with it is one ScorecardFileError
    (`foreign` when the text is not ours at all, `newer` when a newer threadscore wrote it)."""
    return read_scorecard(text, path)[0]


def read_scorecard(text: str, path: Path | None = None) -> tuple[Scorecard, list[str]]:
    """`from_toml`, and what was wrong with single marks: a hand edit that put one value out
    of range (`rating = 99`) costs that value, named in the returned problems, not the card."""
    import tomllib

    from pydantic import ValidationError

    from scoring.models import SCHEMA_VERSION, Scorecard, UserLayer

    where = f"{path}: " if path else ""
    ours = looks_like_scorecard(text)
    try:
        data = tomllib.loads(text.removeprefix("\ufeff"))  # a BOM from a hand edit is fine
    except (ValueError, RecursionError) as exc:  # TOMLDecodeError, a 5,000-digit int, nesting
        if not ours:
            raise _foreign(path) from exc
        raise ScorecardFileError(
            f"{where}not a readable TOML file ({_toml_problem(exc)})", path=path
        ) from exc
    version = data.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool):
        if not ours:
            raise _foreign(path)
        raise ScorecardFileError(f"{where}damaged scorecard (no schema_version number)", path=path)
    if version > SCHEMA_VERSION:
        raise ScorecardFileError(
            f"{where}written by a newer threadscore (scorecard version {version}, this one reads "
            f"up to {SCHEMA_VERSION}); upgrade threadscore, the file was left as it is",
            path=path,
            newer=True,
        )
    data = _upgrade(data, version)
    if _cut_short(text):
        raise ScorecardFileError(
            f"{where}damaged scorecard (cut short: its last line, {TRAILER!r}, is missing)",
            path=path,
        )
    marks, problems = _read_marks(data.pop("marks", []), "marks")
    orphans, more = _read_marks(data.pop("orphans", []), "orphans")
    problems += more
    cleared = _read_cleared(data.pop("cleared", {}))
    try:
        data["user"] = UserLayer(
            marks={m.post_id: m for m in marks}, orphans=orphans, cleared=cleared
        )
        card = Scorecard.model_validate(data)
    except (ValidationError, TypeError, AttributeError) as exc:
        first = _first_problem(exc)
        raise ScorecardFileError(f"{where}damaged scorecard: {first}", path=path) from exc
    numbers = [post.number for post in card.posts]
    if numbers != list(range(1, len(numbers) + 1)) or (
        numbers and card.totals.posts != len(numbers)
    ):
        raise ScorecardFileError(
            f"{where}damaged scorecard: its posts (numbered {_span(numbers)}) do not match "
            f"its totals ({card.totals.posts} posts)",
            path=path,
        )
    return card, problems


def _read_marks(raw: object, section: str) -> tuple[list[UserMark], list[str]]:
    """Each mark on its own: a bad value is dropped from its mark (and named), a mark that
    names no post is dropped whole (and named); the other marks are untouched."""
    if not isinstance(raw, list):
        return [], [f"[[{section}]] is not a list of marks; ignored"]
    marks, problems = [], []
    for index, item in enumerate(raw, start=1):
        mark, problem = _read_mark(item, index, section)
        if mark is not None:
            marks.append(mark)
        if problem is not None:
            problems.append(problem)
    return marks, problems


def _read_mark(item: object, index: int, section: str) -> tuple[UserMark | None, str | None]:
    from pydantic import ValidationError

    from scoring.models import UserMark

    if not isinstance(item, dict):
        return None, f"{section} entry {index} is not a table; ignored"
    try:
        return UserMark.model_validate(item), None
    except ValidationError as exc:
        errors = exc.errors()
    bad = {str(err["loc"][0]) for err in errors if err["loc"]}
    label = _mark_label(item, index)
    told = "; ".join(f"{key} = {_shown(item.get(key))}" for key in sorted(bad))
    if not bad or bad & {"post_id", "post_number"}:
        return None, f"{label}: {told or 'not valid'}; the mark was ignored"
    try:
        mark = UserMark.model_validate({k: v for k, v in item.items() if k not in bad})
    except ValidationError:
        return None, f"{label}: not valid; the mark was ignored"
    return mark, f"{label}: {told} is not valid; that value was ignored"


def _mark_label(item: dict[str, Any], index: int) -> str:
    number = item.get("post_number")
    if isinstance(number, int) and not isinstance(number, bool):
        return f"the mark on #{number}"
    return f"mark {index}"


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _read_cleared(raw: object) -> dict[str, float]:
    """When marks were cleared; anything that is not `id = time` is left out (it only guards
    a merge, and losing it can only bring back a cleared mark, never lose one)."""
    if not isinstance(raw, dict):
        return {}
    return {
        str(key): float(value)
        for key, value in raw.items()
        if isinstance(value, int | float) and not isinstance(value, bool)
    }


def _upgrade(data: dict[str, Any], version: int) -> dict[str, Any]:
    """A scorecard of an older schema in the current shape (it is written back in the current
    shape on the next save). Version 1 knew four verdicts and four sentence roles, a subset of
    version 2's (which added `reasoned` and `reason`): every post, mark and override reads as
    it is, and the new counts start at their defaults. Version 3 marks also keep what their
    post looked like; older marks read without it (re-attached by excerpt and place) and gain
    it on the next save."""
    from scoring.models import SCHEMA_VERSION

    if version < SCHEMA_VERSION:
        data = {**data, "schema_version": SCHEMA_VERSION}
    return data


def _toml_problem(exc: Exception) -> str:
    """What tomllib found, in one line (a huge number or deep nesting raise other errors)."""
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    if "digits" in str(exc):
        return "a number too long to read"
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def _cut_short(text: str) -> bool:
    """Whether a file that opens with our header has lost its end (hand-written files without
    the header are judged by their content alone)."""
    if not text.lstrip("\ufeff").startswith(HEADER):
        return False
    lines = text.rstrip().splitlines()
    return not lines or lines[-1].strip() != TRAILER


def _span(numbers: list[int]) -> str:
    return f"{numbers[0]}-{numbers[-1]}" if numbers else "none"


def _first_problem(exc: Exception) -> str:
    from pydantic import ValidationError

    if isinstance(exc, ValidationError) and exc.errors():
        err = exc.errors()[0]
        loc = ".".join(str(p) for p in err["loc"])
        return f"{loc}: {err['msg']}" if loc else err["msg"]
    return str(exc)


def load_scorecard(path: str | Path) -> Scorecard:
    """Read a scorecard file; damaged, foreign or newer files raise ScorecardFileError."""
    return load_scorecard_noting(path)[0]


def load_scorecard_noting(path: str | Path) -> tuple[Scorecard, list[str]]:
    """`load_scorecard`, and the problems of single marks (see `read_scorecard`)."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ThreadscoreError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        if not raw.startswith(HEADER.encode()):
            raise _foreign(path) from exc
        raise ScorecardFileError(f"{path}: damaged scorecard (not UTF-8 text)", path=path) from exc
    return read_scorecard(text, path)


def _has_content(path: Path) -> bool:
    """Whether a file exists with something in it (an empty file holds nothing to lose)."""
    try:
        return path.stat().st_size > 0
    except OSError:
        return False


def save_scorecard(
    card: Scorecard,
    path: str | Path,
    *,
    tallied: bool = False,
    cues: bool = True,
    progress: Callable[[float], None] | None = None,
) -> Path | None:
    """Write `card` to `path` atomically; returns where a damaged old scorecard was set aside
    (`tallied` and `cues` as in `to_document`). `progress` is called with the share written
    (0 to 1) after each piece (a post's section, at most), for the reader's status line.

    A damaged scorecard of ours at `path` is renamed aside first (the caller should say so).
    Someone else's file, or a scorecard from a newer threadscore, is refused with
    ScorecardFileError and left untouched. Write failures raise OSError.
    """
    chunks = toml_chunks(card, tallied=tallied, cues=cues)
    if progress is not None:
        chunks = _reporting(chunks, len(card.posts) + len(card.authors) + 4, progress)
    return write_scorecard(chunks, path)


def write_scorecard(chunks: Iterable[str], path: str | Path) -> Path | None:
    """Write a scorecard file's text (`toml_chunks`, `scored_toml_chunks`) to `path` as it
    comes, atomically, after the checks `save_scorecard` describes; returns where a damaged
    old scorecard was set aside."""
    path = Path(path)
    aside = None
    if _has_content(path):
        try:
            load_scorecard(path)
        except ScorecardFileError as exc:
            if exc.newer or exc.foreign:
                raise
            aside = set_aside(path)
    atomic_write(path, (chunk.encode("utf-8") for chunk in chunks))
    return aside


def _reporting(
    chunks: Iterator[str], expected: int, progress: Callable[[float], None]
) -> Iterator[str]:
    """`chunks` as they come, telling `progress` the share of about `expected` pieces (a piece
    per post and per author, and a few for the header and totals) made so far; 1 at the end."""
    for done, chunk in enumerate(chunks, start=1):
        yield chunk
        progress(min(done / expected, 0.99))
    progress(1.0)


def _is_our_export(text: str) -> bool:
    """A table or JSON document `threadscore score` wrote earlier (safe to replace)."""
    if text.startswith("title: ") and "\nsource: " in text[:4096]:
        return True
    if not text.lstrip().startswith("{"):
        return False
    import json

    try:
        data = json.loads(text)
    except ValueError:
        return False
    return isinstance(data, dict) and {"schema_version", "fingerprint", "posts"} <= set(data)


def save_export(content: str | Iterable[bytes], path: str | Path) -> None:
    """Write a table or JSON export (text, or UTF-8 chunks written as they come) atomically,
    replacing only an earlier export of ours.

    Any other file at `path` (a scorecard with the user's marks, a thread, someone's notes) is
    refused with ScorecardFileError and left untouched. Write failures raise OSError.
    """
    path = Path(path)
    if _has_content(path):
        try:
            existing = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            existing = ""
        except OSError as exc:
            raise ThreadscoreError(f"{path}: cannot read: {exc.strerror or exc}") from exc
        if not _is_our_export(existing):
            raise ScorecardFileError(
                f"{path} exists and is not a threadscore export; choose another path",
                path=path,
                foreign=True,
            )
    atomic_write(path, [content.encode("utf-8")] if isinstance(content, str) else content)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return a.resolve() == b.resolve()


def output_problem(path: Path) -> str | None:
    """Why `path` cannot take a written file, or None when it is free or a regular file.

    A file is written by renaming a finished one over the path, so an existing device, pipe or
    socket there would be replaced by a plain file (as root, `-o /dev/null` would leave the
    system without its /dev/null). Looking at the path can fail too (a name too long, a folder
    that may not be read); that is said in one line, not raised.
    """
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return None
    except NotADirectoryError:
        return f"{path}: part of the path is a file, not a folder"
    except OSError as exc:
        return f"{path}: cannot be looked at ({exc.strerror or exc})"
    if stat.S_ISDIR(mode):
        return f"{path} is a folder; give a file name to write to"
    if not stat.S_ISREG(mode):
        return f"{path} is not a regular file (a device, pipe or socket); give a file name"
    return None


def check_output(path: str | Path, inputs: Iterable[str | Path] = ()) -> Path:
    """Refuse an output path that cannot be right before anything is scored or written: what
    `output_problem` names, a file in a folder that does not exist (a typo should not create
    folders), or one of the files being read. Returns the path; problems are one
    ThreadscoreError each."""
    path = Path(path)
    problem = output_problem(path)
    if problem is not None:
        raise ThreadscoreError(problem)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        if not folder.is_dir():
            raise ThreadscoreError(f"{path}: folder {folder} does not exist")
    except OSError as exc:
        raise ThreadscoreError(f"{path}: cannot be looked at ({exc.strerror or exc})") from exc
    for source in inputs:
        source = Path(source)
        if path.exists() and source.exists() and _same_file(path, source):
            raise ThreadscoreError(
                f"{path} is one of the input files; choose another path for the output"
            )
    return path
