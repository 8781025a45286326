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
import json
import sys
from collections.abc import Callable
from pathlib import Path

from parsing import load_thread
from parsing.errors import ThreadscoreError
from scoring import score_thread
from scoring.report import format_table, to_json
from scoring.store import (
    ScorecardFileError,
    check_output,
    load_scorecard,
    save_export,
    save_scorecard,
    to_toml,
)
from scoring.user_layer import reattach
from tui.safe import storable, visible


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


def run(args: argparse.Namespace) -> int:
    out = check_output(args.output, args.thread) if args.output else None
    thread = load_thread(args.thread or None)
    if out is not None:
        check_output(out, thread.source.paths or [thread.source.path])
    as_toml = args.toml or (out is not None and not args.json and out.suffix == ".toml")
    card = score_thread(thread)
    card = card.model_copy(update={"source_path": storable(card.source_path)})  # a non-UTF-8 name
    if out is not None and as_toml and out.exists() and out.stat().st_size:
        try:
            previous = load_scorecard(out)
        except ScorecardFileError as exc:
            if exc.newer or exc.foreign:
                raise
            previous = None  # a damaged card of ours: save_scorecard sets it aside below
        if previous is not None:
            user = reattach(previous.user, thread)
            card = card.model_copy(update={"user": user})
            if user.orphans:
                _say(f"{len(user.orphans)} mark(s) fit no post of this thread; kept in {out}")
    if as_toml:
        if out is None:
            sys.stdout.write(to_toml(card))
            return 0
        aside = _write(out, lambda: save_scorecard(card, out))
        if aside is not None:
            _say(f"{out} was a damaged scorecard; it was set aside as {aside}")
        return 0
    if args.json:
        text = json.dumps(to_json(card), ensure_ascii=False, indent=1) + "\n"
    else:
        text = visible(format_table(card, full=out is not None or not sys.stdout.isatty())) + "\n"
    if out is None:
        sys.stdout.write(text)
    else:
        _write(out, lambda: save_export(text, out))
    return 0
