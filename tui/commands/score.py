"""`threadscore score [THREAD...] [--json | --toml] [-o OUT]`: the debate scorecard.

With `-o OUT` naming an existing scorecard, the user's marks in it are kept: they are
re-attached to the re-scored posts (by id, or by a fuzzy match when the thread changed), and
marks that fit no post stay in the file as orphans. OUT is checked before anything is scored: a
folder, a missing folder or one of the input files is refused; so is an existing file that is not
ours. A damaged scorecard of ours is set aside, not overwritten. Every refusal or write failure
is one line on stderr and exit code 1.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from parsing.errors import ThreadscoreError
from tui.safe import visible

if TYPE_CHECKING:
    from parsing.models import Thread
    from scoring.models import UserLayer

# The parser, the scorer and their models are imported in `run` and below, not here:
# `threadscore score --help` and a refused output path must not pay for them.


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "thread",
        nargs="*",
        help="text dump, HTML page(s) or a folder of pages (default: the bundled demo thread)",
    )
    fmt = parser.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="print one JSON document")
    fmt.add_argument("--toml", action="store_true", help="print the scorecard file (TOML)")
    parser.add_argument(
        "--cues",
        action="store_true",
        help="with --toml: also write each post's sentences and the cues behind each verdict "
        "(about four times the size)",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="write to OUT instead of printing (atomically; keeps the marks of an existing OUT)",
    )


def _say(message: str) -> None:
    print(f"threadscore: {visible(message)}", file=sys.stderr)


def _write(out: Path, write: Callable[[], Path | None]) -> Path | None:
    """Run one write to OUT; an OSError (read-only file system, disk full) becomes one line."""
    try:
        return write()
    except OSError as exc:
        raise ThreadscoreError(f"cannot write {out}: {exc.strerror or exc}") from exc


def _checked(out: str | Path, inputs: Iterable[str | Path]) -> Path:
    from scoring.store import check_output

    return check_output(out, inputs)


def _kept_marks(out: Path, thread: Thread) -> UserLayer | None:
    """The marks of the scorecard at OUT, re-attached to `thread` (None when there is none, or
    when it is a damaged card of ours, which `save_scorecard` sets aside)."""
    from scoring.reattach import reattach_counted
    from scoring.store import ScorecardFileError, load_scorecard_noting

    if not (out.exists() and out.stat().st_size):
        return None
    try:
        previous, problems = load_scorecard_noting(out)
        for problem in problems:  # a hand edit's bad value, named; the rest of the card kept
            _say(f"{out}: {problem}")
    except ScorecardFileError as exc:
        if exc.newer or exc.foreign:
            raise
        return None
    done = reattach_counted(previous.user, thread)
    if done.moved or done.orphaned:  # said only when a mark is not simply on its post
        _say(
            f"{done.total} mark(s) in {out}: {done.kept} on the same post, {done.moved} moved "
            f"to an edited post, {done.orphaned} fit no post of this thread (kept in the file)"
        )
    return done.layer


def _table(thread: Thread, out: Path | None) -> Iterator[bytes]:
    """The table, a line at a time as each post is scored (the thread's scores are never all
    held, and a long thread's table starts at once, as `--json` and `--toml` do)."""
    from scoring.report import scored_table_lines

    full = out is not None or not sys.stdout.isatty()
    for line in scored_table_lines(thread, full=full):
        yield (visible(line) + "\n").encode("utf-8")


def run(args: argparse.Namespace) -> int:
    from parsing.load import load_thread

    out = _checked(args.output, args.thread) if args.output else None
    thread = load_thread(args.thread or None)
    for warning in thread.warnings:  # the parser returns them; showing them is ours
        _say(warning)

    if out is not None:
        _checked(out, thread.source.paths or [thread.source.path])
    as_toml = args.toml or (out is not None and not args.json and out.suffix == ".toml")
    user = _kept_marks(out, thread) if out is not None and as_toml else None
    chunks: Iterable[bytes]
    if args.json:
        from scoring.report import scored_json_chunks

        chunks = scored_json_chunks(thread)  # a JSON document has no marks: scored as written
    elif as_toml:
        from scoring.store import scored_toml_chunks, write_scorecard

        text = scored_toml_chunks(thread, user, cues=args.cues)  # scored here, written below
        if out is None:
            sys.stdout.writelines(text)
            return 0
        aside = _write(out, lambda: write_scorecard(text, out))
        if aside is not None:
            _say(f"{out} was a damaged scorecard; it was set aside as {aside}")
        return 0
    else:
        chunks = _table(thread, out)  # no marks: they are kept in a TOML scorecard only
    if out is None:
        from parsing.json_output import write_chunks

        write_chunks(chunks, sys.stdout)
    else:
        from scoring.store import save_export

        _write(out, lambda: save_export(chunks, out))
    return 0
