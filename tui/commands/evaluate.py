"""`threadscore evaluate DATA.jsonl [--level sentence|post] [--json]`: measure the scorer."""

from __future__ import annotations

import argparse
import json
import stat
import sys
from pathlib import Path

from parsing.errors import ThreadscoreError
from parsing.load import MAX_BYTES


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("data", help='JSON lines, one {"text": ..., "label": ...} per line')
    parser.add_argument(
        "--level",
        choices=["sentence", "post"],
        default="sentence",
        help="sentence labels claim/reason/evidence/challenge/none or premise (default); "
        "post labels evidenced/reasoned/asserted/challenge/non-argument",
    )
    parser.add_argument(
        "--map",
        metavar="A=B,...",
        help="map labels the data does not use, e.g. reason=premise,evidence=premise "
        "(default: read off the data's labels; see docs/scoring.md)",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def check_data_file(path: Path) -> Path:
    """Refuse what cannot be a labelled data file before reading it: a pipe would block for
    ever, a device such as /dev/zero never ends, and a file over the thread limit would stall."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise ThreadscoreError(f"{path}: no such file") from None
    except OSError as exc:
        raise ThreadscoreError(f"{path}: cannot be looked at ({exc.strerror or exc})") from exc
    if stat.S_ISDIR(info.st_mode):
        raise ThreadscoreError(f"{path}: is a folder, not a JSON-lines file")
    if not stat.S_ISREG(info.st_mode):
        raise ThreadscoreError(f"{path}: is not a regular file (a device or a pipe?)")
    if info.st_size > MAX_BYTES:
        raise ThreadscoreError(
            f"{path}: {info.st_size / 1e6:.0f} MB is too large "
            f"(limit {MAX_BYTES // (1024 * 1024)} MiB, as for threads)"
        )
    return path


def run(args: argparse.Namespace) -> int:
    data = check_data_file(Path(args.data))
    from scoring.evaluate import evaluate, format_report, parse_map, read_examples  # not --help

    mapping = parse_map(args.map) if args.map else None
    also = set(mapping.values()) if mapping else set()
    result = evaluate(read_examples(data, args.level, also), args.level, mapping)
    if args.json:
        json.dump(result, sys.stdout, indent=1)
        sys.stdout.write("\n")
    else:
        print(format_report(result))
    return 0
