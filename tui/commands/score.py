"""`threadscore score [THREAD...] [--json | --toml] [-o OUT]`: the debate scorecard.

With `-o OUT` naming an existing scorecard, the user's marks in it are kept: they are
re-attached to the re-scored posts (by id, or by a fuzzy match when the thread changed), and
marks that fit no post stay in the file as orphans. A damaged OUT is set aside, not overwritten.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from parsing import load_thread
from scoring import score_thread
from scoring.report import format_table, to_json
from scoring.store import (
    ScorecardFileError,
    atomic_write_text,
    load_scorecard,
    save_scorecard,
    to_toml,
)
from scoring.user_layer import reattach


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
    print(f"threadscore: {message}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    thread = load_thread(args.thread or None)
    out = Path(args.output) if args.output else None
    as_toml = args.toml or (out is not None and not args.json and out.suffix == ".toml")
    card = score_thread(thread)
    if out is not None and as_toml and out.exists():
        try:
            previous = load_scorecard(out)
        except ScorecardFileError as exc:
            if exc.newer:
                raise
            previous = None  # save_scorecard sets the unreadable file aside below
        if previous is not None:
            user = reattach(previous.user, thread)
            card = card.model_copy(update={"user": user})
            if user.orphans:
                _say(f"{len(user.orphans)} mark(s) fit no post of this thread; kept in {out}")
    if as_toml:
        if out is None:
            sys.stdout.write(to_toml(card))
            return 0
        aside = save_scorecard(card, out)
        if aside is not None:
            _say(f"{out} could not be read; it was set aside as {aside}")
        return 0
    if args.json:
        text = json.dumps(to_json(card), ensure_ascii=False, indent=1) + "\n"
    else:
        text = format_table(card) + "\n"
    if out is None:
        sys.stdout.write(text)
    else:
        atomic_write_text(out, text)
    return 0
